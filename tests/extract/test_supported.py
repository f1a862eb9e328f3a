"""The party supported in a supported act (extract/relations/supported.py), with the real
spaCy model: "support for X in the fight against Y" is X's fight, and "its support of X"
supports X."""

import pytest


def pairs(extractor, text):
    return {(t.subject.name, t.relation, t.object.name) for t in extractor.extract_text(text)}


@pytest.mark.parametrize("text", [
    "Germany reiterates support for Ukraine in the fight against Russia.",
    "Canada stands with Ukraine in their fight against Russia.",
])
def test_the_one_supported_fights(extractor, text):
    got = pairs(extractor, text)
    assert ("Ukraine", "FIGHTS", "Russia") in got
    assert not any(s in {"Germany", "Canada"} and r == "FIGHTS" for s, r, _o in got)


def test_its_support_of_names_the_one_supported(extractor):
    got = pairs(extractor, "Germany remains steadfast in its support of Ukraine and the "
                           "Iraqi people in their fight against Russia.")
    assert {("Germany", "SUPPORTS", "Ukraine"), ("Germany", "SUPPORTS", "Iraq civilians"),
            ("Ukraine", "FIGHTS", "Russia")} <= got
    assert ("Ukraine", "SUPPORTS", "Germany") not in got


def test_the_support_of_an_actor_is_its_own(extractor):
    got = pairs(extractor, "The support of Germany was welcomed by Ukraine.")
    assert not any(s == "Ukraine" and r == "SUPPORTS" for s, r, _o in got)


@pytest.mark.parametrize("text, supporter", [
    ("In support of Ukrainian forces, Polish aircraft conducted a strike on the location.",
     "Poland military"),
    ("The United States remains steadfast in support of the Ukrainian government.",
     "United States"),
])
def test_in_support_of(extractor, text, supporter):
    got = pairs(extractor, text)
    assert any(s == supporter and r in {"SUPPORTS", "AIDS"} and o.startswith("Ukraine")
               for s, r, o in got), got


def test_a_verb_with_a_reaction_sense_only_by_its_preposition_does_not_react(extractor):
    # "strike against" is a walkout (a protest), so a strike without "against" still
    # does what the noun under it says; "called for" does react.
    got = pairs(extractor, "Polish jets struck Russian targets in support of Ukrainian forces.")
    assert ("Poland military", "SUPPORTS", "Ukraine military") in got, got
    got = pairs(extractor, "Serbia called for the withdrawal of Croatian forces.")
    assert not any(r in {"SUPPORTS", "WITHDRAWS_FROM"} and s == "Serbia" for s, r, _o in got), got


def test_what_a_list_holds_is_for_no_act_of_its_holder(extractor):
    got = pairs(extractor, "Coalition airstrikes hit Hamas targets, which include two "
                           "tunnels and a depot in support of Israeli operations.")
    assert ("coalition", "ATTACKS", "Hamas") in got, got
    assert not any(s == "Hamas" and r in {"SUPPORTS", "AIDS"} for s, r, _o in got), got


def test_helped_in_its_efforts_to_act(extractor):
    got = pairs(extractor, "Kenya has helped Somalia in its efforts to defeat al-Shabaab.")
    assert ("Kenya", "AIDS", "Somalia") in got
    assert ("Somalia", "FIGHTS", "al-Shabaab") in got


def test_a_named_doer_is_kept(extractor):
    got = pairs(extractor, "Kenya has helped Somalia in Ethiopia's fight against al-Shabaab.")
    assert ("Ethiopia", "FIGHTS", "al-Shabaab") in got
    assert ("Somalia", "FIGHTS", "al-Shabaab") not in got


@pytest.mark.parametrize("text, expected", [
    ("The US supported Ukraine against Russia.", ("United States", "OPPOSES", "Russia")),
    ("Iran's support for Hezbollah against Israel worried Washington.",
     ("Iran", "OPPOSES", "Israel")),
])
def test_backing_someone_against_a_third_party_opposes_it(extractor, text, expected):
    assert expected in pairs(extractor, text)


def test_backing_against_is_negated_with_the_backing(extractor):
    (t,) = [t for t in extractor.extract_text("Turkey did not support the US against Iraq.")
            if t.relation == "OPPOSES"]
    assert t.negated


def test_an_act_s_own_against_is_not_the_backer_s(extractor):
    got = pairs(extractor, "Saudi Arabia helped support Palestinians in their struggle "
                           "against Israel.")
    assert ("Saudi Arabia", "OPPOSES", "Israel") not in got
