"""Relation extraction on single sentences with the real spaCy model."""

import pytest


def rels(extractor, text):
    return {(t.subject.name, t.relation, t.object.name, t.negated, t.modality)
            for t in extractor.extract_text(text)}


def pairs(extractor, text):
    return {(t.subject.name, t.relation, t.object.name) for t in extractor.extract_text(text)}


def test_active_voice(extractor):
    assert ("Petraeus", "URGES", "Obama") in pairs(extractor, "Petraeus urged Obama to act.")


def test_passive_voice(extractor):
    got = pairs(extractor, "Ukraine was attacked by Russia on Monday.")
    assert ("Russia", "ATTACKS", "Ukraine") in got
    assert ("Ukraine", "ATTACKS", "Russia") not in got


def test_object_control_is_requested_not_asserted(extractor):
    got = rels(extractor, "Petraeus urged president Obama to credibly threaten Assad's air force.")
    assert ("Petraeus", "URGES", "Obama", False, "asserted") in got
    threat = [r for r in got if r[1] == "THREATENS"]
    assert threat and threat[0][0] == "Obama" and threat[0][4] == "requested"


def test_conjoined_subjects_and_objects(extractor):
    got = pairs(extractor, "France and Germany condemned Russia and Iran.")
    assert {("France", "CRITICIZES", "Russia"), ("France", "CRITICIZES", "Iran"),
            ("Germany", "CRITICIZES", "Russia"), ("Germany", "CRITICIZES", "Iran")} <= got


def test_reciprocal(extractor):
    got = pairs(extractor, "Kerry and Lavrov agreed on Tuesday.")
    assert ("Kerry", "AGREES_WITH", "Lavrov") in got
    assert ("Lavrov", "AGREES_WITH", "Kerry") in got


def test_prepositional_object(extractor):
    got = pairs(extractor, "Turkey has been working with Qatar on the plan.")
    assert ("Turkey", "COOPERATES_WITH", "Qatar") in got


@pytest.mark.parametrize("text", [
    "Russia never attacked Ukraine.",
    "Russia did not attack Ukraine.",
])
def test_negation(extractor, text):
    found = extractor.extract_text(text)
    assert found, text
    assert all(t.negated and not t.asserted for t in found)


def test_refusal_is_negated_relation_plus_asserted_rejection(extractor):
    got = rels(extractor, "Russia refused to cooperate with Ukraine.")
    assert ("Russia", "COOPERATES_WITH", "Ukraine", True, "intended") in got or \
        ("Russia", "COOPERATES_WITH", "Ukraine", True, "asserted") in got
    assert ("Russia", "REJECTS", "Ukraine", False, "asserted") in got


def test_hypothetical(extractor):
    found = extractor.extract_text(
        "If Russia were to attack Ukraine, it would be big news.")
    assert found and all(t.modality == "hypothetical" for t in found
                         if t.relation == "ATTACKS")


def test_question(extractor):
    found = extractor.extract_text("Will Iran attack Israel?")
    assert found and all(not t.asserted for t in found)


def test_question_cut_before_its_mark(extractor):
    found = [t for t in extractor.extract_text(
        '"Why aren\'t we letting ISIS go and fight Assad and then we pick up the remnants?"')
        if t.relation == "FIGHTS"]
    assert found and all(t.modality == "question" for t in found)


def test_relation_inside_a_story_is_reported(extractor):
    found = [t for t in extractor.extract_text(
        "The official said the RIA story on coordination between Moscow and Washington "
        "was a leak.") if t.relation == "COOPERATES_WITH"]
    assert found and all(t.modality == "reported" for t in found)


def test_noun_relation_between(extractor):
    got = pairs(extractor, "The talks between Kerry and Lavrov ended early.")
    assert ("Kerry", "NEGOTIATES", "Lavrov") in got and ("Lavrov", "NEGOTIATES", "Kerry") in got


def test_light_verb(extractor):
    got = pairs(extractor, "Germany put pressure on Iran.")
    assert ("Germany", "DEMANDS", "Iran") in got


def test_evidence_offsets(extractor):
    text = "Headline here\nKerry met Lavrov in Geneva. Nothing else."
    t = next(t for t in extractor.extract_text(text) if t.relation == "MEETS")
    assert text[t.start:t.end] == t.sentence == "Kerry met Lavrov in Geneva."
