"""PETRARCH verb dictionaries: reading (FILE:LINE problems), compiling to frames with the
coverage by reason, the shipped compiled CAMEO dictionary, and user dictionaries that fire."""

from pathlib import Path

import pytest
import tomllib

from actorgraph.extract.frames import match_frames
from actorgraph.extract.verbdict import (
    CAMEO_FRAMES,
    compile_verb_dictionary,
    load_cameo_map,
    load_verb_frames,
    read_verb_dictionary,
)

REPO = Path(__file__).resolve().parents[2]
# ../shared/data beside the project (a worktree under wt/ finds it one level further up)
SHARED = next((p for p in (REPO.parent / "shared" / "data",
                           REPO.parent.parent / "shared" / "data") if p.is_dir()),
              REPO.parent / "shared" / "data")
CAMEO = SHARED / "petrarch" / "CAMEO.2.0.txt"
CAMEO2PLOVER = SHARED / "plover" / "CAMEO2PLOVER-2021.txt"
needs_cameo = pytest.mark.skipif(not CAMEO.is_file(), reason="../shared/data not present")

USER_VERBS = """\
# a user's verb dictionary
&SCOLDING_
+SCOLDING
+TONGUE_LASHING

---  SCOLD   [---]  ---
SCOLD [111]
BERATE
+TELL_OFF {+TELLS_OFF +TELLING_OFF +TOLD_OFF} [111]
- * + (FOR &SCOLDING)                               [111]  # SCOLD, BERATE
- * (AT)                                             [111]  # SCOLD
- * &UNDEFINED                                       [111]  # SCOLD
- * FORGIVENESS                                      [---]  # null code: no event
- * {VERBAL ATTACK                                   [111]  # unbalanced
- * ASSISTANCE                                       [07x]  # bad code
- * * TWICE                                          [111]

---  GREET   [043:042]  ---
GREET
- * {WARM WELCOME}                                   [051]
"""


@pytest.fixture(scope="module")
def nlp(extractor):
    return extractor.nlp


def test_user_dictionary_lines_and_coverage(tmp_path):
    path = tmp_path / "my.verbs"
    path.write_text(USER_VERBS, encoding="utf-8")
    problems = []
    vd = read_verb_dictionary(path, problems.append)
    lines = [str(p) for p in problems]
    # one FILE:LINE line per malformed record: the bad code and the double '*'
    assert lines == [f"{path}:15: code [07x] is not CAMEO digits, '---' or 'A:B'; skipped",
                     f"{path}:16: pattern must have exactly one '*' (the verb), not 2; skipped"]
    assert [v.lemma for v in vd.blocks[0].verbs] == ["scold", "berate", "tell"]
    records, cov = compile_verb_dictionary(vd, load_cameo_map())
    assert (cov.patterns, cov.patterns_compiled) == (6, 3)
    assert cov.reasons == {"undefined synonym set": 1, "null code [---] (no event)": 1,
                           "unbalanced '{'": 1}
    assert (cov.verbs, cov.verbs_covered) == (4, 4)
    assert (cov.verb_codes, cov.verb_codes_compiled) == (3, 3)
    assert cov.malformed == 2
    greet = [r for r in records if r["trigger"] == ["greet"] and r["cameo"] == "043"]
    assert greet and greet[0]["relation"] == "MEETS" and not greet[0]["mutual"]
    # a pattern applies to the verbs its comment names ("# SCOLD"), PETRARCH's scope to
    # every verb of its block
    at = [r["trigger"] for r in records if r.get("preps") == ["at"]]
    assert at == [["scold"]]
    wide, _ = compile_verb_dictionary(vd, load_cameo_map(), scope="block")
    assert [r["trigger"] for r in wide if r.get("preps") == ["at"]] == [
        ["scold", "berate"], ["tell"]]
    report = cov.report()
    assert "patterns compiled: 3 / 6 (50.0%)" in report and "undefined synonym set" in report


def test_user_dictionary_frames_fire(tmp_path, nlp):
    path = tmp_path / "my.verbs"
    path.write_text(USER_VERBS, encoding="utf-8")
    frames = load_verb_frames(path)
    assert len(frames.problems) == 2
    doc = nlp("Sweden berated Norway for its tongue-lashing of Denmark.")
    got = {(doc[m.trigger].text, m.frame.relation, doc[m.target].text, m.frame.cameo)
           for m in match_frames(doc, frames)}
    assert ("berated", "CRITICIZES", "Norway", "111") in got
    doc = nlp("Sweden told off Norway.")
    got = {(doc[m.trigger].text, doc[m.target].text) for m in match_frames(doc, frames)}
    assert ("told", "Norway") in got


@needs_cameo
def test_shared_cameo_dictionary_coverage():
    problems = []
    vd = read_verb_dictionary(CAMEO, problems.append)
    assert [p.line for p in problems] == [5792] and "080!" in problems[0].message
    records, cov = compile_verb_dictionary(vd, load_cameo_map(plover_table=CAMEO2PLOVER))
    # [:B] patterns (the act back, target -> source) compile to backward frames: before
    # they did, 3627 patterns, 1276 verbs, 980 verb codes and 5986 frames; a closing bare
    # preposition ("- * SANCTIONS AGAINST") introduces the target: before, 3717 patterns;
    # a synonym set before the verb is a subject, whatever its spellings end in
    # ("&AIRCRAFT * RAIDS"): before, 3725 patterns and 1282 verbs (taken for adverbs)
    assert (cov.patterns, cov.patterns_compiled) == (4667, 3760)
    assert (cov.verbs, cov.verbs_covered) == (1781, 1287)
    # the 19 verbs of OVERSEE_MANAGE without a code of their own ("controls Afghanistan")
    # are a ruling block's: counted, not compiled (cameo_relations.toml)
    assert (cov.verb_codes, cov.verb_codes_compiled) == (1116, 975)
    assert cov.reasons["verb code: verb of a ruling block: what it rules is no partner"] == 19
    assert cov.frames == 6130 and cov.transformations == 9 and cov.malformed == 1
    assert sum(1 for r in records if r.get("backward")) == 106
    assert not any(r.get("backward") and r["mutual"] for r in records)
    # material cooperation is one-way unless its pattern says [A:A]
    assert {r["mutual"] for r in records if r["cameo"].startswith("06")} == {True, False}
    for r in records:
        if r["cameo"].startswith("06"):
            forward, _, back = _code_of(vd, r).partition(":")
            assert r["mutual"] == (forward == back), r
    pattern_reasons = sum(n for why, n in cov.reasons.items()
                          if not why.startswith(("verb code:", "verb line:")))
    # every pattern is compiled or counted under a reason: none is dropped silently
    assert cov.patterns_compiled + pattern_reasons == cov.patterns
    assert cov.reasons["CAMEO code with no relation type (01 statements, ...)"] == 363
    assert set(cov.codes_without_relation) <= {f"01{d}" for d in "0123456789"}
    assert set(cov.plover_differs) == {"163"}  # embargoes: PLOVER COERCE, type SANCTIONS
    # the shipped compiled form is this compilation, record for record
    with CAMEO_FRAMES.open("rb") as fh:
        assert tomllib.load(fh)["frame"] == records
    # PETRARCH's own scope: every pattern for every verb of its block
    _, wide = compile_verb_dictionary(vd, load_cameo_map(plover_table=CAMEO2PLOVER),
                                      scope="block")
    assert (wide.patterns_compiled, wide.verbs_covered, wide.frames) == (3760, 1620, 40037)


def _code_of(vd, record):
    """The code written on the dictionary line a record came from."""
    line = int(record["origin"].rsplit(":", 1)[1])
    return next(p.code for b in vd.blocks for p in [*b.patterns, *b.verbs] if p.line == line)


def test_backward_patterns_run_from_the_target(tmp_path, nlp):
    path = tmp_path / "mine.verbs.txt"
    path.write_text("---  RECEIVE   [---]  ---\nRECEIVE\nOBTAIN\n"
                    "- * LOAN (FROM)                                [:071]  # OBTAIN\n"
                    "- * &UNKNOWN_SET                              [071]   # OBTAIN\n"
                    "\n---  OFFEND   [:110]  ---\nOFFEND\n", encoding="utf-8")
    vd = read_verb_dictionary(path, lambda p: None)
    records, cov = compile_verb_dictionary(vd)
    loan = next(r for r in records if r["trigger"] == ["obtain"])
    assert (loan["relation"], loan["cameo"], loan.get("backward"), loan["mutual"]) == (
        "AIDS", "071", True, False)
    assert next(r for r in records if r["trigger"] == ["offend"]).get("backward") is True
    assert cov.patterns_compiled == 1


def test_shipped_cameo_frames_load_and_fire(nlp):
    text = CAMEO_FRAMES.read_text(encoding="utf-8")
    assert "MIT License" in text and "Open Event Data Alliance" in text
    frames = load_verb_frames()
    assert not frames.problems and len(frames) > 5000
    doc = nlp("Kenya accused Somalia of harbouring militants.")
    got = {(doc[m.trigger].text, m.frame.relation, doc[m.target].text)
           for m in match_frames(doc, frames)}
    assert ("accused", "ACCUSES", "Somalia") in got


def test_tree_walk_agrees_with_spacy_dependency_matcher(nlp):
    frames = load_verb_frames()
    doc = nlp("Sweden pushed Norway to act. Kenya presented evidence against Somalia. "
              "The US imposed sanctions on Iran and sent humanitarian aid to Syria. "
              "Israel held talks with Egypt. Ukraine was attacked by Russia.")
    fast = match_frames(doc, frames)
    slow = match_frames(doc, frames, engine="spacy")
    assert fast and sorted(fast, key=repr) == sorted(slow, key=repr)


def test_a_closing_bare_preposition_introduces_the_target(tmp_path, nlp):
    path = tmp_path / "mine.verbs.txt"
    path.write_text("---  IMPOSE   [---]  ---\nIMPOSE\n"
                    "- * SANCTIONS AGAINST                       [163]\n"
                    "- * ENVOY MEDIATION                         [045]\n", encoding="utf-8")
    vd = read_verb_dictionary(path, lambda p: None)
    records, cov = compile_verb_dictionary(vd)
    sanctions = next(r for r in records if r["cameo"] == "163")
    assert (sanctions["target"], sanctions["objects"], sanctions["preps"]) == (
        "object_prep", ["sanctions"], ["against"])
    # two plain nouns are still two noun phrases, which no frame expresses
    assert cov.reasons == {"two noun phrases after the verb": 1}
    doc = nlp("Kenya imposed sanctions against Somalia.")
    frames = load_verb_frames(path)
    assert ("imposed", "Somalia") in {(doc[m.trigger].text, doc[m.target].text)
                                      for m in match_frames(doc, frames)}


def test_what_a_verb_of_a_ruling_block_rules_is_no_partner(extractor):
    # CAMEO's OVERSEE_MANAGE block codes its bare verbs 060 (material cooperation)
    got = {(t.subject.name, t.relation, t.object.name) for t in extractor.extract_text(
        "President Bill Clinton imposed sanctions on the Taliban faction that controls "
        "Afghanistan.")}
    assert ("Bill Clinton", "SANCTIONS", "Taliban") in got
    assert not any(r == "COOPERATES_WITH" for _s, r, _o in got)
