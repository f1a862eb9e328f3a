"""Relation frames as data: loading (FILE:LINE problems), compiling and matching with the
real spaCy model."""

from pathlib import Path

import pytest

from actorgraph.extract.frames import (
    Frame,
    compile_frame,
    load_frames,
    match_frames,
    read_frame_file,
)


def fired(nlp, frames, text):
    """(trigger text, relation, target text, object text) of every match in ``text``."""
    doc = nlp(text)
    return {(doc[m.trigger].text, m.frame.relation, doc[m.target].text,
             doc[m.object].text if m.object is not None else None)
            for m in match_frames(doc, frames)}


@pytest.fixture(scope="module")
def nlp(extractor):
    return extractor.nlp


@pytest.fixture(scope="module")
def builtin():
    frames = load_frames()
    assert not frames.problems, frames.problems
    return frames


USER_FRAMES = '''\
# a user's frames
[[frame]]
trigger = "scold"
target = "prep"
preps = ["at"]
relation = "CRITICIZES"
cameo = "111"

[[frame]]
trigger = "scold"
relation = "NO_SUCH_TYPE"

[[frame]]
trigger = "berate"
target = "dobj
relation = "CRITICIZES"

[[frame]]
trigger = "lecture"
relation = "CRITICIZES"
mutual = "yes"

[[frame]]
trigger = "rebuke"
relation = "CRITICIZES"
modality = "requested"
'''


def test_user_frame_fires_and_bad_records_are_reported(tmp_path, nlp):
    path = tmp_path / "my_frames.toml"
    path.write_text(USER_FRAMES, encoding="utf-8")
    problems = []
    frames = load_frames([path], builtin=False, report=problems.append)
    assert [f.trigger for f in frames] == ["scold", "rebuke"]
    assert frames.frames[0].origin == f"{path}:2"
    lines = [str(p) for p in problems]
    # one FILE:LINE line per bad record: the unknown relation, the TOML syntax error (on
    # its own line, not the record's), the non-boolean flag
    assert len(lines) == 3, lines
    assert lines[0].startswith(f"{path}:9: ") and "NO_SUCH_TYPE" in lines[0]
    assert lines[1].startswith(f"{path}:15: ") and "invalid TOML" in lines[1]
    assert lines[2].startswith(f"{path}:18: ") and "mutual" in lines[2]
    assert fired(nlp, frames, "Sweden scolded at Norway.") == {
        ("scolded", "CRITICIZES", "Norway", None)}
    assert fired(nlp, frames, "Sweden rebuked Norway.") == {
        ("rebuked", "CRITICIZES", "Norway", None)}


def test_read_frame_file_loads_the_rest(tmp_path):
    path = tmp_path / "f.toml"
    path.write_text('[[frame]]\ntrigger = "x y"\nrelation = "URGES"\n\n'
                    '[[frame]]\ntrigger = "nag"\nrelation = "URGES"\n', encoding="utf-8")
    problems = []
    frames = read_frame_file(path, report=problems.append)
    assert [f.trigger for f in frames] == ["nag"]
    assert len(problems) == 1 and str(problems[0]).startswith(f"{path}:1: frame: trigger")


@pytest.mark.parametrize("text, expected", [
    ("Washington wants Moscow to pull back.", ("wants", "URGES", "Moscow")),
    ("Paris called on Rome to reopen the ports.", ("called", "URGES", "Rome")),
    ("The ministry advised citizens against travel to Malawi.",
     ("advised", "SANCTIONS", "Malawi")),
    ("Kenya presented evidence against Somalia.", ("presented", "ACCUSES", "Somalia")),
    ("Sweden pushed Norway to act.", ("pushed", "URGES", "Norway")),
    ("Ghana expressed support for Togo.", ("expressed", "SUPPORTS", "Togo")),
    ("Sweden put pressure on Norway to act.", ("put", "DEMANDS", "Norway")),
    ("Israel held talks with Egypt.", ("held", "NEGOTIATES", "Egypt")),
])
def test_builtin_frames_cover_the_issue_misses(nlp, builtin, text, expected):
    got = {g[:3] for g in fired(nlp, builtin, text)}
    assert expected in got, got


def test_request_frames_mark_the_complement(nlp, builtin):
    doc = nlp("France urged Germany to attack Syria.")
    m = [m for m in match_frames(doc, builtin) if m.frame.relation == "URGES"][0]
    assert doc[m.complement].text == "attack" and m.frame.modality == "requested"
    assert not m.frame.mutual
    talks = [m for m in match_frames(nlp("Israel held talks with Egypt."), builtin)
             if m.frame.relation == "NEGOTIATES"]
    assert talks and all(m.frame.mutual for m in talks)


def test_span_matches_only_its_sentence(nlp, builtin):
    doc = nlp("Sweden pushed Norway to act. Kenya presented evidence against Somalia.")
    first, second = list(doc.sents)
    assert {doc[m.target].text for m in match_frames(first, builtin)} == {"Norway"}
    assert {doc[m.target].text for m in match_frames(second, builtin)} == {"Somalia"}


def test_no_trigger_lemma_no_match(nlp, builtin):
    assert match_frames(nlp("The weather was fine."), builtin) == []


def test_object_phrases_are_checked_in_full(nlp):
    frames = [Frame(trigger="send", relation="AIDS", target="object_prep",
                    objects=("humanitarian aid", "cease fire"), preps=("to",))]
    assert fired(nlp, frames, "Chile sent humanitarian aid to Peru.") == {
        ("sent", "AIDS", "Peru", "aid")}
    assert fired(nlp, frames, "Chile sent military aid to Peru.") == set()


def test_passive_target_is_the_subject(nlp):
    frames = [Frame(trigger="attack", relation="ATTACKS")]
    doc = nlp("Ukraine was attacked by Russia.")
    (m,) = match_frames(doc, frames)
    assert doc[m.target].text == "Ukraine" and m.passive


def test_compiled_patterns_are_dependency_matcher_patterns():
    frame = Frame(trigger="put", relation="DEMANDS", target="object_prep",
                  objects=("pressure", "economic pressure"), preps=("on",))
    alternatives = compile_frame(frame)
    # one object node for both heads, direct, counted ("dozens of"), a second conjunct or
    # a predicate noun, x (prep on the object, on the verb, dative)
    assert len(alternatives) == 12
    for pattern, roles in alternatives:
        assert pattern[0] == {"RIGHT_ID": "trigger",
                              "RIGHT_ATTRS": {"LEMMA": "put", "POS": {"IN": ["VERB", "AUX"]}}}
        assert {"trigger", "target", "object"} <= set(roles)
        assert all({"LEFT_ID", "REL_OP", "RIGHT_ID", "RIGHT_ATTRS"} <= set(n)
                   for n in pattern[1:])


FORCES_CLEAR = [Frame(trigger="clear", relation="FIGHTS", particle="from",
                      subjects=("force", "troop"))]


@pytest.mark.parametrize("text", [
    "Iraqi forces cleared ISIL from Ramadi.",  # "from" hung on the object
    "Iraqi forces continued to clear ISIL from Mosul.",  # the subject of the controller
])
@pytest.mark.parametrize("engine", ["tree", "spacy"])
def test_a_subject_bound_particle_frame_reads_common_parses(nlp, text, engine):
    doc = nlp(text)
    found = {(doc[m.trigger].lemma_, doc[m.target].text)
             for m in match_frames(doc, FORCES_CLEAR, engine)}
    assert found == {("clear", "ISIL")}


@pytest.mark.parametrize("engine", ["tree", "spacy"])
def test_a_subject_bound_frame_needs_its_subject(nlp, engine):
    doc = nlp("The court continued to clear the minister from the list.")
    assert match_frames(doc, FORCES_CLEAR, engine) == []


def test_hand_frame_particles_are_indexed(builtin):
    assert {"out"} <= builtin.particles["push"] and "from" in builtin.particles["clear"]


def test_load_frame_set_layers(tmp_path, nlp):
    from actorgraph.extract.frames import load_frame_set

    path = tmp_path / "mine.toml"
    path.write_text('[[frame]]\ntrigger = "snub"\nrelation = "REJECTS"\n', encoding="utf-8")
    hand = load_frame_set([path], dictionary=False)
    everything = load_frame_set([path])
    assert load_frame_set([path]) is everything  # compiled once per configuration
    assert len(hand) == len(load_frames()) + 1 and len(everything) > len(hand) + 5000
    doc = nlp("Sweden snubbed Norway.")
    assert [m.frame.trigger for m in match_frames(doc, hand)] == ["snub"]
    # the hand-written frame comes before equally specific dictionary frames
    first = match_frames(doc, everything)[0]
    assert first.frame.origin == f"{path}:1"


def test_builtin_file_is_package_data():
    import actorgraph.extract.frames as mod

    assert Path(mod.BUILTIN_FRAMES).is_file()


def test_frames_of_a_trigger_memo_matches_the_buckets():
    # FrameSet._frames_of memoises the frames of (lemma, anchor words); its answer must be
    # the union of the buckets, in frame order, and stay so when asked again.
    from actorgraph.extract.frames import load_frame_set

    frames = load_frame_set((), None, dictionary=True)
    lemma = next(iter(sorted(frames.anchors, key=lambda w: -len(frames.anchors[w]))))
    anchors = frozenset(frames.anchors[lemma])
    want = sorted({i for a in anchors for i in frames.buckets[(lemma, a)]})
    assert len(want) > 1
    assert frames._frames_of(lemma, anchors) == want
    assert frames._frames_of(lemma, anchors) == want
    one = frozenset(list(anchors)[:1])
    assert frames._frames_of(lemma, one) == sorted(
        {i for a in one for i in frames.buckets[(lemma, a)]})


INTERCEPT = [Frame(trigger="intercept", relation="FIGHTS", target="object",
                   objects=("rocket", "missile"))]


@pytest.mark.parametrize("engine", ["tree", "spacy"])
def test_an_object_target_is_the_object_noun(nlp, engine):
    doc = nlp("Israel intercepted rockets fired by Hezbollah.")
    (m,) = match_frames(doc, INTERCEPT, engine)
    assert doc[m.target].text == doc[m.object].text == "rockets"
    assert match_frames(nlp("Israel intercepted a tanker."), INTERCEPT, engine) == []


def test_an_object_target_needs_objects(tmp_path):
    path = tmp_path / "bad.toml"
    path.write_text('[[frame]]\ntrigger = "intercept"\ntarget = "object"\n'
                    'relation = "FIGHTS"\n')
    frames = load_frames([path], builtin=False)
    assert len(frames) == 0
    assert any("needs objects" in str(p) and "bad.toml:1" in str(p) for p in frames.problems)


COMPLAIN = [Frame(trigger="protest", relation="ACCUSES", target="clause_subject",
                  modality="reported")]


@pytest.mark.parametrize("engine", ["tree", "spacy"])
def test_a_clause_target_is_the_subject_of_the_stated_clause(nlp, engine):
    doc = nlp("Amnesty protested that Croatia was failing its refugees.")
    (m,) = match_frames(doc, COMPLAIN, engine)
    assert doc[m.target].text == "Croatia" and doc[m.complement].text == "failing"
