"""PETRARCH/TABARI dictionary import (--actors FILE.actors.txt)."""

from pathlib import Path

import pytest

from actorgraph.extract.dictionaries import read_petrarch_actors
from actorgraph.extract.lexicon import LexiconError, load_actor_lexicon

PHOENIX = Path(__file__).resolve().parents[2].parent / "shared" / "data" / "phoenix"

SAMPLE = """# comment
ABU_NIDAL_ORGANIZATION [IMGMUSALQ] #  kkl
+FATAH_REVOLUTIONARY_COUNCIL_

JOHN_DOE_QUUX_ # a person
+SECRETARY_QUUX_
\t[FRAGOVLEG 850103-130201]
\t[FRAGOV >130201]

UNITED_STATES_ [USA]
"""


def test_reads_people_groups_and_current_role(tmp_path):
    p = tmp_path / "mini.actors.txt"
    p.write_text(SAMPLE)
    got = {a.id: a for a in read_petrarch_actors(p)}
    assert set(got) == {"group:abu_nidal_organization", "person:john_quux"}
    person = got["person:john_quux"]
    assert (person.type, person.country, person.sector) == ("PERSON", "FRA", "GOV")
    assert "Secretary Quux" in person.aliases
    assert "Fatah Revolutionary Council" in got["group:abu_nidal_organization"].aliases


def test_lexicon_takes_dictionary_files(tmp_path):
    p = tmp_path / "mini.actors.txt"
    p.write_text(SAMPLE)
    lex = load_actor_lexicon([p])
    assert lex.lookup("Secretary Quux").id == "person:john_quux"
    assert lex.lookup("ISIS").id == "group:isis"  # built-in entries still there


def test_missing_dictionary_is_a_clear_error(tmp_path):
    with pytest.raises(LexiconError, match="nope.toml"):
        load_actor_lexicon([tmp_path / "nope.toml"])


def test_extractor_uses_imported_people(tmp_path):
    from actorgraph.extract.pipeline import ExtractConfig, Extractor

    p = tmp_path / "mini.actors.txt"
    p.write_text(SAMPLE)
    ex = Extractor(ExtractConfig(actors=(str(p),)))
    t = next(t for t in ex.extract_text("Secretary Quux condemned Iran.")
             if t.relation == "CRITICIZES")
    assert t.subject.id == "person:john_quux" and t.subject.country == "FRA"


@pytest.mark.skipif(not PHOENIX.is_dir(), reason="../shared/data/phoenix not present")
def test_phoenix_countries_dictionary():
    actors = {a.id: a for a in read_petrarch_actors(PHOENIX / "Phoenix.Countries.actors.txt")}
    assert len(actors) > 10_000
    assert actors["person:john_kerry"].country == "USA"
