"""Word lists as data: the shipped file, users' additions, and their bad entries."""

import pytest
import tomllib

from actorgraph.extract import wordlists
from actorgraph.extract.lexicon import LEXICON_DIR
from actorgraph.extract.pipeline import ExtractConfig, Extractor
from actorgraph.extract.relations import words


@pytest.fixture(autouse=True)
def shipped_words():
    """Every test starts and ends with the shipped lists (they are the process's)."""
    wordlists.use_words(())
    yield
    wordlists.use_words(())


def triples(extractor, text):
    return [(t.subject.name, t.relation, t.object.name, t.modality)
            for t in extractor.extract_text(text)]


def test_every_section_says_what_it_is_for():
    lines = (LEXICON_DIR / "words.toml").read_text(encoding="utf-8").splitlines()
    headers = [i for i, line in enumerate(lines) if line.startswith("[")]
    assert len(headers) == len(wordlists.list_names()) > 40
    assert all(lines[i - 1].startswith("# ") for i in headers)


def test_rules_hold_the_live_lists():
    assert words.REQUEST_VERBS is wordlists.word_set("request_verbs")
    # An including list has the words of what it includes, shipped or added.
    assert words.REQUEST_VERBS <= words.OBJECT_CONTROL
    assert words.PLACE_PREPS | words.NEAR_PREPS == words.WHERE_PREPS


def test_user_word_file_changes_extraction(tmp_path, extractor):
    text = "Peru yearns to attack Chile."
    assert triples(extractor, text) == [("Peru", "ATTACKS", "Chile", "asserted")]
    mine = tmp_path / "mine.toml"
    mine.write_text('# desires\n[intent_verbs]\nwords = ["yearn"]\n', encoding="utf-8")
    own = Extractor(ExtractConfig(words=(str(mine),)))
    assert own.word_problems == ()
    assert triples(own, text) == [("Peru", "ATTACKS", "Chile", "intended")]
    # The lists follow the extractor in use: the default one reads the shipped words again.
    assert triples(extractor, text) == [("Peru", "ATTACKS", "Chile", "asserted")]


def test_added_words_reach_including_lists(tmp_path):
    mine = tmp_path / "mine.toml"
    mine.write_text('[near_preps]\nwords = ["beside"]\n', encoding="utf-8")
    assert wordlists.use_words([mine]) == []
    assert "beside" in words.NEAR_PREPS and "beside" in words.WHERE_PREPS
    wordlists.use_words(())
    assert "beside" not in words.WHERE_PREPS


def test_malformed_word_file_reports_file_and_line_and_loads_the_rest(tmp_path):
    bad = tmp_path / "bad.toml"
    bad.write_text('# mine\n[intent_verbs]\nwords = ["yearn", 3]\n\n'
                   '[intent_verb]\nwords = ["x"]\n\n'
                   '[request_verbs]\nwords = ["nudge"\n\n'
                   '[report_verbs]\nwords = ["gossip"]\n', encoding="utf-8")
    problems = [str(p) for p in wordlists.use_words([bad])]
    assert problems == [
        f"{bad}:2: [intent_verbs]: word 3 is not a non-empty string; skipped",
        f"{bad}:5: unknown word list [intent_verb] (did you mean [intent_verbs]?); skipped",
        f"{bad}:9: [request_verbs]: malformed TOML (Unclosed array); skipped",
    ]
    assert "yearn" in words.INTENT_VERBS and "gossip" in words.REPORT_VERBS
    assert "nudge" not in words.REQUEST_VERBS


def test_unreadable_word_file_is_one_line(tmp_path):
    missing = tmp_path / "none.toml"
    [problem] = wordlists.extend_words(missing)
    assert str(problem).startswith(f"{missing}: cannot read word file")


def test_shipped_file_is_plain_toml():
    data = tomllib.loads((LEXICON_DIR / "words.toml").read_text(encoding="utf-8"))
    assert set(data) == set(wordlists.list_names())
