"""Direction (issue 14, item 4): only mutual acts give both directions. Mutuality is data:
a type's ``symmetric``, a trigger's ``one_way`` or ``mutual`` list in relations.toml, a
frame's ``mutual``; a target found through a complement is never mirrored."""

import pytest


def pairs(extractor, text):
    return {(t.subject.name, t.relation, t.object.name) for t in extractor.extract_text(text)}


def test_an_agreement_to_act_on_someone_is_not_mirrored(extractor):
    got = pairs(extractor, "Obama agreed to lift sanctions on Iran.")
    assert ("Barack Obama", "EASES", "Iran") in got
    assert not any(s == "Iran" for s, _r, _o in got)


def test_a_one_way_trigger_of_a_symmetric_type_is_not_mirrored(extractor):
    got = pairs(extractor, "Germany extradited the suspect to Turkey.")
    assert ("Germany", "COOPERATES_WITH", "Turkey") in got
    assert ("Turkey", "COOPERATES_WITH", "Germany") not in got


def test_a_one_way_noun_of_a_symmetric_type_is_not_mirrored(extractor):
    got = pairs(extractor, "Iran thanked Oman for its mediation with Washington.")
    assert ("Oman", "NEGOTIATES", "United States") in got
    assert ("United States", "NEGOTIATES", "Oman") not in got


def test_one_way_nouns_are_read_from_the_one_way_list(tmp_path):
    from actorgraph.extract.lexicon import load_relations

    path = tmp_path / "mine.toml"
    path.write_text('[relations.NEGOTIATES]\nnouns = ["arbitration"]\n'
                    'one_way = ["arbitration"]\n', encoding="utf-8")
    vocab = load_relations([path])
    assert "arbitration" in vocab.one_way_nouns and "arbitration" not in vocab.verbs
    # a noun of the type from the shipped file may be made one-way by a user's file
    layered = tmp_path / "layered.toml"
    layered.write_text('[relations.NEGOTIATES]\none_way = ["dialogue"]\n', encoding="utf-8")
    vocab = load_relations([layered])
    assert "dialogue" in vocab.one_way_nouns and "dialogue" not in vocab.verbs


@pytest.mark.parametrize("text", ["Kenya clashed with Somalia.",
                                  "Kenya traded fire with Somalia."])
def test_a_mutual_trigger_of_a_one_way_type_is_mirrored(extractor, text):
    got = pairs(extractor, text)
    assert {("Kenya", "FIGHTS", "Somalia"), ("Somalia", "FIGHTS", "Kenya")} <= got


def test_a_one_way_act_of_the_same_type_is_not(extractor):
    got = pairs(extractor, "Kenya fought against Somalia.")
    assert ("Kenya", "FIGHTS", "Somalia") in got
    assert ("Somalia", "FIGHTS", "Kenya") not in got


@pytest.mark.parametrize("text, relation", [
    ("Kerry met Lavrov.", "MEETS"),
    ("Kerry held talks with Lavrov.", "NEGOTIATES"),
])
def test_mutual_types_still_give_both_directions(extractor, text, relation):
    got = pairs(extractor, text)
    assert {("John Kerry", relation, "Sergei Lavrov"),
            ("Sergei Lavrov", relation, "John Kerry")} <= got


@pytest.mark.parametrize("text", ["Putin hosted Erdogan in Sochi.",
                                  "Putin received Erdogan in the Kremlin.",
                                  "Putin welcomed Erdogan to Moscow."])
def test_hosting_is_the_host_s_act_only(extractor, text):
    # CAMEO 043 "host a visit": the guest hosts no one
    got = pairs(extractor, text)
    assert ("Vladimir Putin", "MEETS", "Recep Tayyip Erdogan") in got
    assert ("Recep Tayyip Erdogan", "MEETS", "Vladimir Putin") not in got


@pytest.mark.parametrize("text", ["Iran refused to meet Saudi Arabia.",
                                  "Iran agreed to meet Saudi Arabia.",
                                  "Iran wants to hold talks with Saudi Arabia.",
                                  # an act noun one side rules out or suspends
                                  "Iran ruled out talks with Saudi Arabia.",
                                  "Iran suspended talks with Saudi Arabia."])
def test_a_mutual_act_one_side_refuses_or_plans_is_not_mirrored(extractor, text):
    got = pairs(extractor, text)
    assert any(s == "Iran" and o == "Saudi Arabia" for s, _r, o in got)
    assert not any(s == "Saudi Arabia" for s, _r, _o in got)


@pytest.mark.parametrize("text, subject, obj, mirrored", [
    ("Riyadh signalled it would restore full diplomatic relations with Tehran.",
     "Saudi Arabia", "Iran", False),
    # what it says it did with the other is done by both
    ("Iran said it met Iraqi officials.", "Iran", "Iraq government", True),
])
def test_a_mutual_act_the_speaker_says_it_will_do_is_not_mirrored(extractor, text, subject,
                                                                   obj, mirrored):
    got = pairs(extractor, text)
    assert any(s == subject and o == obj for s, _r, o in got)
    assert any(s == obj and o == subject for s, _r, o in got) is mirrored


@pytest.mark.parametrize("text, subject, obj", [
    ("Thailand accepted Cambodia's proposal.", "Thailand", "Cambodia"),
    ("France will share satellite intelligence with Ukraine.", "France", "Ukraine"),
])
def test_accepting_and_sharing_are_one_side_s_acts(extractor, text, subject, obj):
    got = pairs(extractor, text)
    assert any(s == subject and o == obj for s, _r, o in got)
    assert not any(s == obj for s, _r, _o in got)


def test_a_mutual_act_both_sides_agree_to_stays_mirrored(extractor):
    got = pairs(extractor, "Iran and Iraq agreed to hold talks.")
    assert {("Iran", "NEGOTIATES", "Iraq"), ("Iraq", "NEGOTIATES", "Iran")} <= got


def test_mutuality_is_read_from_the_lexicon():
    from actorgraph.extract.lexicon import load_relations

    vocab = load_relations()
    assert [s.mutual for s in vocab.verb_senses("extradite")] == [False]
    assert [s.mutual for s in vocab.verb_senses("clash")] == [True]
    assert all(s.mutual is None for s in vocab.verb_senses("meet"))


@pytest.mark.parametrize("text, expected", [
    # CAMEO "- * &CURRENCY (FROM) [:071]": who obtains money from X is aided by X
    ("Kenya obtained dollars from China.", ("China", "AIDS", "Kenya")),
    # the OFFEND block, [:110]: the offended disapproves of the offender
    ("Iran's remarks offended Saudi Arabia.", ("Saudi Arabia", "CRITICIZES", "Iran")),
])
def test_a_backward_dictionary_frame_runs_from_its_target(extractor, text, expected):
    got = pairs(extractor, text)
    assert expected in got
    assert (expected[2], expected[1], expected[0]) not in got


def test_a_frame_cannot_be_both_mutual_and_backward():
    from actorgraph.extract.frames import frame_from_record
    from actorgraph.extract.lexicon import load_relations

    with pytest.raises(ValueError, match="cannot also be backward"):
        frame_from_record({"trigger": "get", "relation": "AIDS", "mutual": True,
                           "backward": True}, load_relations())


def test_a_mediator_acts_on_the_sides_which_do_not_mediate_back(extractor):
    got = pairs(extractor, "Norway brokered talks between Israel and the PLO.")
    assert ("Norway", "NEGOTIATES", "Israel") in got
    assert ("Israel", "NEGOTIATES", "Norway") not in got


def test_ties_one_side_is_ready_to_deepen_are_its_stance(extractor):
    got = pairs(extractor, "Vietnam said it is ready to deepen defence ties with Australia.")
    assert ("Vietnam", "NORMALIZES_TIES_WITH", "Australia") in got
    assert not any(s == "Australia" for s, _r, _o in got)
    # deepened by both, both ways
    got = pairs(extractor, "Vietnam and Australia strengthened their relations.")
    assert ("Australia", "NORMALIZES_TIES_WITH", "Vietnam") in got


def test_a_unilateral_act_is_one_side_s(extractor):
    got = pairs(extractor, "Thailand announced a unilateral ceasefire with Cambodia.")
    assert ("Thailand", "AGREES_WITH", "Cambodia") in got
    assert not any(s == "Cambodia" for s, _r, _o in got)


def test_ratifying_is_one_partys_act(extractor):
    got = pairs(extractor, "Turkey ratified Sweden's NATO membership.")
    # (Sweden's membership: NATO is what Sweden seeks, see sought_nouns)
    assert ("Sweden", "SIGNS_WITH", "Turkey") not in got
    assert ("Turkey", "SIGNS_WITH", "Sweden") in got


@pytest.mark.parametrize("text, a, b, relation", [
    ("Azerbaijan and Armenia accused each other of violating the ceasefire.",
     "Azerbaijan", "Armenia", "ACCUSES"),
    ("Serbia and Kosovo blamed one another for the violence.", "Serbia", "Kosovo", "ACCUSES"),
    ("India and Pakistan fired at each other across the border.", "India", "Pakistan",
     "ATTACKS"),
    # also as a possessor of the object
    ("Canada and India expelled each other's diplomats.", "Canada", "India", "SANCTIONS"),
    ("Israel and Hamas attacked each other's positions.", "Israel", "Hamas", "ATTACKS"),
])
def test_each_other_gives_both_directions(extractor, text, a, b, relation):
    got = pairs(extractor, text)
    assert {(a, relation, b), (b, relation, a)} <= got
    assert not any(s == o for s, _r, o in got)


def test_traded_blame_holds_both_ways(extractor):
    got = pairs(extractor, "China and the Philippines traded blame over the collision.")
    assert {("China", "ACCUSES", "Philippines"), ("Philippines", "ACCUSES", "China")} <= got
