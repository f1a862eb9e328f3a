"""Statements of intent, offer, pledge and refusal are asserted acts of their own
(extract/relations/intent.py, [intent] in relations.toml); the act announced keeps its
non-asserted modality."""

import pytest


def rels(extractor, text):
    return {(t.subject.name, t.relation, t.object.name, t.negated, t.modality)
            for t in extractor.extract_text(text)}


@pytest.mark.parametrize("text, act", [
    ("Peru pledged to send aid to Chile.", "intended"),
    ("Peru will send aid to Chile.", "future"),
    ("Peru said it would send aid to Chile.", "future"),
    ("Syria offered troops to Lebanon.", "intended"),
])
def test_a_pledge_is_asserted_beside_the_act_it_announces(extractor, text, act):
    subject, target = ("Syria", "Lebanon") if "Syria" in text else ("Peru", "Chile")
    got = rels(extractor, text)
    assert (subject, "PLEDGES", target, False, "asserted") in got
    assert (subject, "AIDS", target, False, act) in got


def test_a_cooperative_act_announced_as_not_to_be_done_is_a_refusal(extractor):
    got = rels(extractor, "Ghana said it would not support Togo.")
    assert ("Ghana", "REJECTS", "Togo", False, "asserted") in got
    assert ("Ghana", "SUPPORTS", "Togo", True, "future") in got


def test_a_hostile_act_vowed_is_a_threat(extractor):
    got = rels(extractor, "Iran vowed to strike Israel.")
    assert ("Iran", "THREATENS", "Israel", False, "asserted") in got
    assert ("Iran", "ATTACKS", "Israel", False, "intended") in got


def test_an_act_named_by_a_noun_is_pledged_through_its_verb(extractor):
    got = rels(extractor, "Brazil and India seek to deepen their partnership.")
    assert ("Brazil", "PLEDGES", "India", False, "asserted") in got


def test_only_the_committer_pledges(extractor):
    got = rels(extractor, "Morocco is ready to host talks between Israel and Egypt.")
    assert not any(r[1] == "PLEDGES" and r[0] in {"Israel", "Egypt"} for r in got)


def test_a_question_pledges_nothing(extractor):
    got = rels(extractor, "Will Peru send aid to Chile?")
    assert not any(r[1] == "PLEDGES" for r in got)


def test_an_ultimatum_is_a_threat_not_a_pledge(extractor):
    got = rels(extractor, "Nigeria will withdraw its force from Chad unless Chad pays.")
    assert any(r[1] == "THREATENS" for r in got)
    assert not any(r[1] == "PLEDGES" for r in got)


def test_a_hostile_act_its_doer_would_do_on_a_condition_is_a_threat(extractor):
    got = rels(extractor, "Iran said it would strike Israel if Israel attacked.")
    assert ("Iran", "THREATENS", "Israel", False, "asserted") in got


@pytest.mark.parametrize("text", [
    "Bolivia said it could sever ties with Israel if the offensive in Gaza continued.",
    "Iran said it might strike Israel if Israel attacked.",
])
def test_a_hostile_act_its_doer_could_do_on_a_condition_is_a_threat(extractor, text):
    got = rels(extractor, text)
    assert any(r[1] == "THREATENS" and r[3:] == (False, "asserted") for r in got), got
    # with no condition, or said of another, a possible act is no threat
    assert not any(r[1] == "THREATENS" for r in rels(extractor, "Russia may attack Ukraine."))
    assert not any(r[1] == "THREATENS" for r in rels(
        extractor, "Analysts said Israel could strike Iran if talks failed."))


def test_a_conditional_act_others_say_a_doer_would_do_is_no_threat(extractor):
    got = rels(extractor, "Analysts said Israel would strike Iran if talks failed.")
    assert not any(r[1] == "THREATENS" for r in got), got


def test_a_hostile_act_its_doer_said_it_would_do_is_a_threat(extractor):
    # "would" in what was said is the speaker's "will" told in the past
    got = rels(extractor, "Iran said it would retaliate against Israel.")
    assert ("Iran", "THREATENS", "Israel", False, "asserted") in got
    assert ("Iran", "ATTACKS", "Israel", False, "future") in got


def test_a_hostile_act_others_said_a_doer_would_do_is_no_threat(extractor):
    got = rels(extractor, "Analysts said Israel would strike Iran.")
    assert not any(r[1] == "THREATENS" for r in got), got


def test_a_threatened_act_aims_at_the_one_its_condition_names(extractor):
    # the parse hangs the "if" clause on "retaliate" as a complement, not an adverbial
    got = rels(extractor, "Beijing threatened to retaliate if Washington imposed new tariffs.")
    assert ("China", "THREATENS", "United States", False, "asserted") in got


def test_the_intent_vocabulary_is_data():
    from actorgraph.extract.lexicon import load_relations

    vocab = load_relations()
    assert vocab.get("PLEDGES").plover == "AGREE"
    assert {"pledge", "promise", "offer"} <= vocab.intent.verbs
    assert vocab.intent.refusal == "REJECTS"


def test_a_hostile_act_announced_with_will_is_a_threat(extractor):
    got = rels(extractor, "Peru will deploy troops along the border with Chile.")
    assert ("Peru", "THREATENS", "Chile", False, "asserted") in got
    assert ("Peru", "MOBILIZES_AGAINST", "Chile", False, "future") in got


@pytest.mark.parametrize("text", [
    "Iran threatened to strike Haifa.",  # a threat through its complement
    "Iran will strike Haifa.",  # a hostile act announced
])
def test_a_town_can_be_threatened(extractor, text):
    got = {(t.subject.name, t.relation, t.object.name, t.object.country, t.modality)
           for t in extractor.extract_text(text)}
    assert ("Iran", "THREATENS", "Haifa", "ISR", "asserted") in got


def test_a_town_is_pledged_nothing(extractor):
    # a place is no partner: aid pledged to a town names no one who receives it
    assert not {r for _s, r, *_ in rels(extractor, "Peru pledged to send aid to Lima.")
                if r == "PLEDGES"}


def test_forces_announced_to_be_sent_to_someone_are_a_pledge_of_aid(extractor):
    # the CAMEO dictionary codes "SEND * &MILITARY" as military aid (072)
    got = rels(extractor, "Peru will send troops to Chile.")
    assert ("Peru", "PLEDGES", "Chile", False, "asserted") in got
    assert ("Peru", "AIDS", "Chile", False, "future") in got
    assert not any(r[1] == "THREATENS" for r in got)


def test_a_hostile_act_in_the_conditional_is_no_threat(extractor):
    # "would" is also the conditional: no condition named, no threat made.
    got = rels(extractor, "Clinton told reporters she would fight ISIS.")
    assert any(r[1] == "FIGHTS" for r in got)
    assert not any(r[1] == "THREATENS" for r in got)


def test_an_act_a_noun_of_resolve_names_is_intended(extractor):
    got = {(t.subject.name, t.relation, t.object.name, t.modality)
           for t in extractor.extract_text(
               "Canada praised France in its determination to defeat Hamas.")}
    assert ("France", "FIGHTS", "Hamas", "intended") in got, got


@pytest.mark.parametrize("text, statement, act", [
    ("Russia's threat to invade Moldova worried the EU.", "THREATENS", "ATTACKS"),
    ("Iran's pledge to send aid to Syria was welcomed.", "PLEDGES", "AIDS"),
])
def test_an_intent_noun_states_what_its_possessor_commits_to(extractor, text, statement, act):
    got = {(t.relation, t.modality) for t in extractor.extract_text(text)}
    assert (statement, "asserted") in got  # the threat or pledge was made
    assert (act, "intended") in got  # the act was not done


@pytest.mark.parametrize("text, act", [
    ("Russia threatened sanctions against Moldova.", "SANCTIONS"),
    ("Russia plans sanctions against Moldova.", "SANCTIONS"),
    ("Russia warned of retaliation against Lithuania.", "ATTACKS"),
])
def test_an_act_named_as_what_is_threatened_or_planned_is_not_done(extractor, text, act):
    got = {(t.relation, t.modality) for t in extractor.extract_text(text)}
    assert (act, "intended") in got and (act, "asserted") not in got


@pytest.mark.parametrize("text", [
    "Qatar promised to keep funding Gaza's reconstruction.",
    "Qatar pledged to continue supporting Gaza.",
])
def test_a_pledge_to_go_on_with_an_act_is_a_pledge_of_it(extractor, text):
    got = {(t.subject.name, t.relation, t.object.name, t.modality)
           for t in extractor.extract_text(text)}
    assert ("Qatar", "PLEDGES", "Palestine", "asserted") in got, got
