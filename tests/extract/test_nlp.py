"""The spaCy pipeline's own components, with the real model."""

import pytest


@pytest.mark.parametrize("text, first", [
    ("SANAA, Yemen (AP) — Houthi rebels fired missiles at a ship.", "Houthi"),
    ("GOMA, Congo (Reuters) - M23 rebels seized another town.", "M23"),
    ("WASHINGTON – If the militaries were to coordinate, it would be news.", "If"),
])
def test_a_dateline_is_a_sentence_of_its_own(extractor, text, first):
    sents = list(extractor.nlp(text).sents)
    assert len(sents) == 2 and sents[1][0].text == first


def test_a_dateline_place_is_not_the_subject_of_the_story(extractor):
    found = extractor.extract_text("SANAA, Yemen (AP) — Houthi rebels fired missiles at a "
                                   "ship in the Red Sea, the U.S. military said.")
    assert not [t for t in found if t.subject.name == "Yemen"]


def test_an_upper_case_sentence_with_a_dash_later_is_no_dateline(extractor):
    sents = list(extractor.nlp("NATO said Russia - not Ukraine - broke the truce.").sents)
    assert len(sents) == 1


@pytest.mark.parametrize("text", ["Attacks claimed by Da'esh killed many.",
                                  "Attacks claimed by Da’esh killed many."])
def test_an_alias_with_an_apostrophe_matches_either_apostrophe(extractor, text):
    doc = extractor.nlp(text)
    assert [e.ent_id_ for e in doc.ents if e.text.startswith("Da")] == ["group:isis"]
