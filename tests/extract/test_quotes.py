"""Quotations introduced by a speaker and a colon, and the first person inside them."""

import pytest

from actorgraph.extract.actors import find_actors
from actorgraph.extract.quotes import quotations


def pairs(extractor, text):
    return {(t.subject.name, t.relation, t.object.name) for t in extractor.extract_text(text)}


def quotes(extractor, text):
    doc = extractor.nlp(text)
    return doc, quotations(doc, find_actors(doc, extractor.lexicon))


def test_a_statement_after_a_colon_runs_on_over_paragraphs(extractor):
    doc, found = quotes(extractor, "Nairobi, Monday. Foreign Minister Amina Otieno said:\n\n"
                                   "I am shocked.\n\nWe will help Somalia.")
    assert [q.speaker.text for q in found] == ["Amina Otieno"]
    assert found[0].start == [t.text for t in doc].index("I")
    assert found[0].end == len(doc)


def test_a_quotation_mark_closes_the_quotation(extractor):
    doc, found = quotes(extractor, 'Peru said: "We will help Chile." Later we met Bolivia.')
    assert len(found) == 1
    assert doc[found[0].end - 1].text == '"'


def test_the_next_speaker_ends_the_statement_before(extractor):
    _doc, found = quotes(extractor, "Ghana said:\n\nWe welcome the vote.\n\n"
                                    "Togo said:\n\nWe reject it.")
    assert [q.speaker.actor.name for q in found] == ["Ghana", "Togo"]
    assert found[0].end <= found[1].start


def test_a_colon_after_a_reported_clause_introduces_nothing(extractor):
    _doc, found = quotes(extractor, "Kenya said the talks failed: we left Uganda.")
    assert found == []


@pytest.mark.parametrize("text, expected", [
    # A state official's "we" in his statement is his government's.
    ("British Foreign Secretary Philip Hammond said:\n\nThe vote was clear.\n\n"
     "We condemn Iran.", ("United Kingdom government", "CRITICIZES", "Iran")),
    # "I" is the speaker, paragraphs after the colon.
    ("Minister for the Middle East, Tobias Ellwood said:\n\nThe day was long.\n\n"
     "I condemn Iran.", ("Tobias Ellwood", "CRITICIZES", "Iran")),
    # A body's "we".
    ('Mexico said: "Talks are over. We condemn Canada."', ("Mexico", "CRITICIZES", "Canada")),
])
def test_first_person_in_an_introduced_statement_is_its_speaker(extractor, text, expected):
    assert expected in pairs(extractor, text)


def test_first_person_outside_the_quotation_is_no_one(extractor):
    got = pairs(extractor, 'Mexico said: "Talks are over." We condemn Canada.')
    assert not [p for p in got if p[1] == "CRITICIZES"]


def test_an_unresolved_we_keeps_its_pronoun_text_when_the_speaker_is_far(extractor):
    found = extractor.extract_text("Peru said:\n\nThe day was long.\n\nWe condemn Chile.")
    crit = [t for t in found if t.relation == "CRITICIZES"]
    assert crit and crit[0].subject.text == "We" and crit[0].subject.name == "Peru"
