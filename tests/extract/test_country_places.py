"""Places CountryInfo lists under a country: reading the country entries of a PETRARCH
actor dictionary, compiling and loading the shipped table, and the places it gives a
country in extraction ("Darfur rebels" are Sudan's)."""

from pathlib import Path

import pytest

from actorgraph.extract.actors import find_actors
from actorgraph.extract.country_places import (
    COUNTRY_PLACES,
    compile_country_places,
    load_country_places,
    main,
)
from actorgraph.extract.dictionaries import read_country_places
from actorgraph.extract.lexicon import LexiconError
from actorgraph.extract.places import Gazetteer

PHOENIX = Path(__file__).resolve().parents[2].parent / "shared" / "data" / "phoenix"
COUNTRIES = PHOENIX / "Phoenix.Countries.actors.txt"

SMALL = """\
# The MIT License (MIT)
#
# Copyright (c) 2014 Somebody
#
SUDAN_  [SDN]
+SUDANESE_
+DARFUR_
+KORDOFAN_
OMAR_BASHIR_  # a person: none of his names is a place
\t[SDNGOV >890630]
UKRAINE_
+DONBAS_
\t[USRUKR <910824]
\t[UKR >911221]
GAZA_ [PSEGZA]
+GAZA_STRIP
PUNJAB_ [IND]
PUNJAB_ [PAK]
"""


def write(tmp_path, text, name="c.actors.txt"):
    p = tmp_path / name
    p.write_text(text, encoding="utf-8")
    return p


# --- reading -------------------------------------------------------------------------------


def test_country_entries_give_their_places_and_others_none(tmp_path):
    pairs = list(read_country_places(write(tmp_path, SMALL)))
    assert ("Darfur", "SDN") in pairs and ("Kordofan", "SDN") in pairs
    # the current (last) code decides: Ukraine was a Soviet republic before 1991
    assert ("Donbas", "UKR") in pairs
    # a person's entry and a sub-national actor ([PSEGZA]) name no place of a country
    assert not {n for n, _ in pairs} & {"Omar Bashir", "Gaza", "Gaza Strip"}


def test_bad_records_are_reported_with_file_and_line_and_the_rest_is_read(tmp_path):
    p = write(tmp_path, "SUDAN_ [SDN]\n+DARFUR_\nCHAD_ [TCD\n+ABECHE_\nMALI_ [MLI]\n+GAO_\n")
    problems = []
    pairs = list(read_country_places(p, on_problem=problems.append))
    assert [(str(e.path), e.line) for e in problems] == [(str(p), 3)]
    assert "unclosed" in problems[0].message
    assert pairs == [("Sudan", "SDN"), ("Darfur", "SDN"), ("Mali", "MLI"), ("Gao", "MLI")]


# --- compiling and loading -----------------------------------------------------------------


def test_a_name_listed_under_two_countries_is_left_out(tmp_path):
    table, ambiguous = compile_country_places(read_country_places(write(tmp_path, SMALL)))
    assert ambiguous == 1
    assert "Punjab" not in {n for names in table.values() for n in names}
    assert table["SDN"] == ["Sudan", "Sudanese", "Darfur", "Kordofan"]


def test_compile_writes_a_table_that_loads_and_carries_the_licence(tmp_path, capsys):
    out = tmp_path / "places.toml"
    assert main([str(write(tmp_path, SMALL)), "--out", str(out)]) == 0
    assert "1 names listed under two countries left out" in capsys.readouterr().out
    text = out.read_text(encoding="utf-8")
    assert "# Copyright (c) 2014 Somebody" in text and "Do not edit" in text
    table = load_country_places(out)
    assert table["darfur"] == "SDN" and table["donbas"] == "UKR" and "punjab" not in table


def test_a_damaged_table_is_an_error_naming_the_file(tmp_path):
    bad = write(tmp_path, "[SDN]\nplaces = 'Darfur'\n", "bad.toml")
    with pytest.raises(LexiconError, match=r"bad\.toml: \[SDN\]: 'places' must be a list"):
        load_country_places(bad)
    broken = write(tmp_path, "[SDN\n", "broken.toml")
    with pytest.raises(LexiconError, match=r"broken\.toml: not a country places table"):
        load_country_places(broken)


def test_a_missing_table_gives_no_places(tmp_path):
    assert load_country_places(tmp_path / "absent.toml") == {}


def test_the_shipped_table_knows_regions_geonames_lacks():
    table = load_country_places(COUNTRY_PLACES)
    assert len(table) > 4000
    assert {table[n] for n in ("darfur", "kordofan")} == {"SDN"}
    assert (table["chechnya"], table["mindanao"], table["aceh"]) == ("RUS", "PHL", "IDN")


@pytest.mark.skipif(not COUNTRIES.is_file(), reason="../shared/data/phoenix not present")
def test_the_shipped_table_is_what_the_shared_dictionary_compiles_to(tmp_path):
    out = tmp_path / "country_places.toml"
    main([str(COUNTRIES), "--out", str(out)])
    assert load_country_places(out) == load_country_places(COUNTRY_PLACES)


# --- in extraction -------------------------------------------------------------------------


def actor_named(extractor, text, surface, places):
    found = find_actors(extractor.nlp(text), extractor.lexicon, places)
    return next(m.actor for m in found.mentions if m.text == surface)


def test_a_listed_region_gives_its_country(extractor):
    text = "Darfur was quiet on Sunday."
    assert actor_named(extractor, text, "Darfur", Gazetteer()).country is None
    listed = Gazetteer(listed={"darfur": "SDN"})
    assert actor_named(extractor, text, "Darfur", listed).country == "SDN"


def test_rebels_named_by_a_listed_region_are_its_countrys(extractor):
    # The sentence names two countries, so only the region can tell whose rebels these are.
    text = ("The Sudanese government has accused Darfur rebels of violating a month-old "
            "ceasefire, a Chadian official said.")
    found = extractor.extract_text(text)
    assert [(t.subject.country, t.relation, t.object.country) for t in found] == [
        ("SDN", "ACCUSES", "SDN")]


def test_a_users_country_entries_list_places_for_that_run(tmp_path, extractor):
    from actorgraph.extract.lexicon import load_actor_lexicon

    user = write(tmp_path, "GREECE_ [GRC]\n+ZAMUNDA_\n", "mine.actors.txt")
    # a file of country entries only is no error: it lists places
    lex = load_actor_lexicon([str(user)])
    assert lex.places["zamunda"] == "GRC"
    found = find_actors(extractor.nlp("Rebels attacked the town of Zamunda."), lex,
                        Gazetteer())
    assert {m.text: m.actor.country for m in found.mentions}["Zamunda"] == "GRC"


def test_a_country_entries_only_file_read_for_actors_alone_is_still_an_error(tmp_path):
    # without anywhere to put its places, a file of countries yields nothing to import
    user = write(tmp_path, "GREECE_ [GRC]\n+ZAMUNDA_\n", "mine.actors.txt")
    from actorgraph.extract.dictionaries import read_petrarch_actors

    with pytest.raises(LexiconError, match="entries are countries"):
        list(read_petrarch_actors(user))
