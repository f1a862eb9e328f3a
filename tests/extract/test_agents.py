"""The agents dictionary: reading PETRARCH agent records, the shipped table, its use."""

from pathlib import Path

import pytest

from actorgraph.extract.agents import (
    AGENTS,
    AgentReport,
    compile_agents,
    load_agents,
    main,
    read_agents,
)
from actorgraph.extract.lexicon import LexiconError

PHOENIX_AGENTS = Path(__file__).resolve().parents[3] / "shared/data/phoenix/Phoenix.agents.txt"

SAMPLE = """\
# a comment line
!PERSON! = MAN, MEN, WOMAN
BUSINESS!PERSON! [~BUS]
THIEF {THIEVES} [~CRM]
PARAMILITARY [~MIL]
RIOT_POLICE [~COP]
CHILD {CHILDREN} [~CVL]
UNITED_NATIONS_OFFICIAL [IGO~]
ARMED_FORCES_OF_THE [~MIL]
NOT A RECORD
"""


def _sample(tmp_path: Path) -> Path:
    path = tmp_path / "sample.agents.txt"
    path.write_text(SAMPLE, encoding="utf-8")
    return path


def test_a_record_s_sets_and_plurals_are_spelled_out(tmp_path):
    got = list(read_agents(_sample(tmp_path)))
    assert ("businessman", "BUS") in got and ("businessmen", "BUS") in got
    assert ("businesswoman", "BUS") in got
    assert ("child", "CVL") in got and ("children", "CVL") in got
    assert ("riot police", "COP") in got


def test_other_sectors_and_long_phrases_are_counted_and_left_out(tmp_path):
    report = AgentReport()
    words = dict(read_agents(_sample(tmp_path), report))
    assert "thief" not in words and "armed forces of the" not in words
    # (a body's own code, IGO~, is read as its sector; that record is too long as well)
    assert (report.other_sectors, report.too_long) == (1, 2)


def test_a_line_that_is_no_record_is_reported_with_its_file_and_line(tmp_path):
    problems: list[str] = []
    words = dict(read_agents(_sample(tmp_path), on_problem=problems.append))
    assert len(problems) == 1
    assert problems[0].startswith(f"{tmp_path / 'sample.agents.txt'}:10: not an agent record")
    assert words["paramilitary"] == "MIL"  # the rest reads on


def test_an_unreadable_dictionary_names_itself(tmp_path):
    with pytest.raises(LexiconError, match="missing.agents.txt"):
        list(read_agents(tmp_path / "missing.agents.txt"))


def test_a_word_keeps_the_first_sector_it_was_given():
    assert compile_agents(iter([("farmer", "CVL"), ("farmer", "BUS")])) == {"CVL": ["farmer"]}


def test_a_compiled_table_loads_back(tmp_path):
    out = tmp_path / "agents.toml"
    assert main([str(_sample(tmp_path)), "--out", str(out)]) == 0
    table = load_agents(out)
    assert table["paramilitary"] == "MIL" and table["businessmen"] == "BUS"


@pytest.mark.parametrize("text", [
    "[MIL]\nwords = 'paramilitary'\n",   # words not a list
    "[XYZ]\nwords = ['paramilitary']\n",  # no sector actorgraph codes
    "[MIL\nwords = ['paramilitary']\n",   # not TOML
])
def test_a_bad_table_is_an_error_that_names_it(tmp_path, text):
    path = tmp_path / "bad_agents.toml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(LexiconError, match="bad_agents.toml"):
        load_agents(path)


@pytest.mark.skipif(not PHOENIX_AGENTS.is_file(), reason="shared Phoenix data absent")
def test_the_shipped_table_is_what_the_field_s_dictionary_compiles_to(tmp_path):
    out = tmp_path / "agents.toml"
    main([str(PHOENIX_AGENTS), "--out", str(out)])
    assert out.read_text(encoding="utf-8") == AGENTS.read_text(encoding="utf-8")


def _actors(extractor, text):
    from actorgraph.extract.actors import find_actors

    return {(m.text, m.actor.id) for m in
            find_actors(extractor.nlp(text), extractor.lexicon).mentions}


@pytest.mark.parametrize("text, expected", [
    ("Sudanese paramilitaries attacked a market.", ("Sudanese paramilitaries", "country:SDN:MIL")),
    ("A Saudi blogger criticized the ruling family.", ("Saudi blogger", "country:SAU:MED")),
    ("The Chinese automaker sued its rival.", ("Chinese automaker", "country:CHN:BUS")),
    ("Kenyan riot police fired tear gas.", ("Kenyan riot police", "country:KEN:COP")),
])
def test_a_country_word_before_an_agent_word_is_that_country_s_sector(extractor, text,
                                                                        expected):
    assert expected in _actors(extractor, text)


@pytest.mark.parametrize("text, word", [
    # alone an agent word says too little
    ("The company sued its rival.", "company"),
    # a machine, a place, an event the dictionary lists is no one
    ("Turkey shot down a Russian warplane.", "Russian warplane"),
    ("Soldiers burned a Malian village.", "Malian village"),
    ("The Syrian uprising spread.", "Syrian uprising"),
])
def test_an_agent_word_that_names_no_one_is_no_actor(extractor, text, word):
    assert word not in {t for t, _ in _actors(extractor, text)}
