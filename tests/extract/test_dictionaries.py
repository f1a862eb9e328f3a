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
    actors = {a.id: a for a in read_petrarch_actors(PHOENIX / "Phoenix.Countries.actors.txt",
                                                    on_problem=lambda _: None)}
    assert len(actors) > 10_000
    assert actors["person:john_kerry"].country == "USA"


# --- bad input: PETRARCH/TABARI dictionaries ---------------------------------------------

GOOD = "JANE_QUUX_ [FRAGOV]\n+MINISTER_QUUX_\n"


def _read(tmp_path, content, name="user.actors.txt"):
    """(actors by id, problems as 'LINE: message') of a dictionary with ``content``."""
    p = tmp_path / name
    if isinstance(content, str):
        content = content.encode("utf-8")
    p.write_bytes(content)
    problems = []
    actors = {a.id: a for a in read_petrarch_actors(p, on_problem=problems.append)}
    for problem in problems:
        assert problem.path == str(p)
    return actors, [f"{x.line}: {x.message}" for x in problems]


@pytest.mark.parametrize("bad, expected", [
    # The audit's case: it became a person named "Foo Bar [Usagov".
    (b"FOO_BAR_ [USAGOV\n", "1: unclosed '[' in 'FOO_BAR_ [USAGOV'; entry skipped"),
    (b"FOO_BAR]_ [USAGOV]\n", "1: ']' without '['"),
    (b"FOO_BAR_ [USAGOV] junk]\n", "1: ']' without '['"),
    (b"FOO_BAR_ [usagov]\n", "1: malformed code [usagov]: expected [CODE] or [CODE DATES]"),
    (b"FOO_BAR_ [USAGOV since 2001]\n", "1: malformed code [USAGOV since 2001]"),
    (b"FOO_BAR_ []\n", "1: malformed code []"),
    (b"FOO_\x01BAR_ [USAGOV]\n", "1: control character U+0001 in 'FOO_\\x01BAR_'"),
    (b"FOO_\xe9BAR_ [USAGOV]\n", "1: not UTF-8: byte 0xE9 at column 5; entry skipped"),
    ("FOO_\ufffdBAR_ [USAGOV]\n".encode(), "1: replacement character U+FFFD in 'FOO_\ufffdBAR_'"),
    (b"FOO=BAR_ [USAGOV]\n", "1: character '=' cannot be part of a name: 'FOO=BAR_'"),
    (b"FOO_<BAR>_ [USAGOV]\n", "1: character '<' cannot be part of a name"),
    (b"1234_ [USAGOV]\n", "1: no letters in '1234_'"),
    (b"_ [USAGOV]\n", "1: empty phrase; entry skipped"),
    (b"A" * 250 + b"_ [USAGOV]\n", "1: phrase too long (251 characters)"),
    (b"FARMER_ [~AGR]\n", "1: agent code [~AGR]: agents dictionaries (.agents.txt) are not"),
    (b"+ORPHAN_\n", "1: synonym '+ORPHAN_' before any primary phrase"),
    (b"\t[USAGOV]\n", "1: code line '[USAGOV]' before any actor phrase"),
])
def test_bad_record_is_reported_with_its_line_and_skipped(tmp_path, bad, expected):
    actors, problems = _read(tmp_path, bad + GOOD.encode())
    assert len(problems) == 1 and problems[0].startswith(expected), problems
    assert set(actors) == {"person:jane_quux"}  # the good record after it still loads
    assert actors["person:jane_quux"].aliases == ("Jane Quux", "Minister Quux")


def test_bad_synonym_skips_only_itself(tmp_path):
    actors, problems = _read(
        tmp_path, b"JANE_QUUX_ [FRAGOV]\n+MINISTER_QUUX_\n+QU\x00UX_\n+\xff\xfe_\n+FOO]_\n+\n")
    assert problems == [
        "3: control character U+0000 in 'QU\\x00UX_'; synonym skipped",
        "4: not UTF-8: byte 0xFF at column 2; synonym skipped",
        "5: ']' without '[' in '+FOO]_'; synonym skipped",
        "6: empty synonym '+'; skipped",
    ]
    assert actors["person:jane_quux"].aliases == ("Jane Quux", "Minister Quux")


def test_bad_code_line_skips_its_entry(tmp_path):
    # A wrong current-role code would give the actor a wrong country: the entry goes.
    actors, problems = _read(
        tmp_path, "JOHN_ROE_\n+SENATOR_ROE_\n\t[USAGOV 850103-130201]\n\t[USAGOV >13\n" + GOOD)
    assert problems == ["4: unclosed '[' in '[USAGOV >13'; entry 'JOHN_ROE_' (line 1) "
                        "skipped"]
    assert set(actors) == {"person:jane_quux"}


def test_legitimate_syntax_gives_no_message(tmp_path):
    text = (
        "\ufeff# header comment\n"
        "AT&T_\t[MNCUSAMED]\t# Telecommunications\t$162,000,000,000\n"  # text after codes
        "A.H._BELO_CORPORATION_\t[MNCMED]\tNewspapers/Magazines\t$137,000,000\n"
        "ADEN_ABYAN_ISLAMIC_ARMY_(AAIA)_ [YEMREB] #  kkl 21 Mar 13\n"
        "+ARMY_OF_ADEN+_ISLAMIC_ADEN_ARMY_\n"  # two synonyms on one line
        "ABN_AMRO_\t[NLDGOVBUS >081004][MNCNLD]\n"
        "JEAN_MARIE_GUEHENNO_\t[IGOUNO 000101-080801] [---]\n"
        "AHMED_DARWISH_  # the soccer player\n\t[---]\n"  # [---]: no actor
        "MESÛD_BARZANÎ_ [IRQGOV]\n+СССР_\n"
        "B._LYNN_PASCOE_\t[USAGOV 981022-010811] [IGOUNO  >070201]\n"
        "\tJOHN_MCCLOY_\t[IGOUNODEVWBK 470301-490630]\n"  # indented phrase with its code
        "WATCH_INDONESIA!\t[NGOIDNTMP]\n"
        "JANE_QUUX_\n\t[FRAGOV 20041207-20091119]\n\t[FRAGOV >20130918]\n"
        "---STOP---\n"
        "NOT_READ_ [USAGOV]\n"
    )
    actors, problems = _read(tmp_path, text)
    assert problems == []
    assert "org:a_h_belo_corporation" in actors and "org:at_t" in actors
    assert "person:ahmed_darwish" not in actors and "person:not_read" not in actors
    assert actors["org:jean_marie_guehenno"].type == "IGO"
    assert actors["person:jane_quux"].country == "FRA"
    assert not [a.name for a in actors.values() if set(a.name) & set("[]$#\t")]


def test_problems_per_file_are_capped(tmp_path):
    actors, problems = _read(tmp_path, "BAD_ [x]\n" * 30 + GOOD)
    assert len(problems) == 21 and problems[-1] == "None: 10 more problems not reported"
    assert set(actors) == {"person:jane_quux"}


def test_without_a_handler_problems_are_warnings(tmp_path):
    from actorgraph.extract.lexicon import LexiconWarning

    p = tmp_path / "w.actors.txt"
    p.write_text("FOO_BAR_ [USAGOV\n" + GOOD)
    with pytest.warns(LexiconWarning, match=r"w\.actors\.txt:1: unclosed '\['"):
        assert [a.id for a in read_petrarch_actors(p)] == ["person:jane_quux"]


@pytest.mark.parametrize("content, expected", [
    (b"\x00\x01\x02binary\x00" * 10, "not a text file (binary content)"),
    (b"\x1f\x8b\x08\x00" + bytes(range(200)), "not a text file (binary content)"),
    ("JANE_QUUX_ [FRAGOV]\n".encode("utf-16"), "UTF-16 text; save the dictionary as UTF-8"),
    (b"\xe9\xe8\xff\xfe\x81 [USAGOV]\n" * 5, "not a text actor dictionary: 5 of 5 lines"),
    (b"", "no actors: the dictionary has no entries"),
    (b"# only a comment\n\n", "no actors: the dictionary has no entries"),
    (b"FOO_ [usa]\n+BAR_\n", "no actors: no valid entry (1 problems; first, line 1: "
                             "malformed code [usa]"),
    (b"UNITED_STATES_ [USA]\nFRANCE_ [FRA]\n", "no actors to import: its 2 entries are "
                                              "countries"),
    (b"Kerry met Lavrov in Geneva.\nThey talked.\n", "not a PETRARCH/TABARI actor "
                                                    "dictionary: no entry has a valid [CODE]"),
])
def test_file_with_no_actors_is_an_error_naming_it(tmp_path, content, expected):
    p = tmp_path / "x.actors.txt"
    p.write_bytes(content)
    with pytest.raises(LexiconError) as err:
        list(read_petrarch_actors(p, on_problem=lambda _: None))
    assert str(err.value).startswith(f"{p}: {expected}"), err.value


# --- bad input: TOML actor files -----------------------------------------------------------

ACME = '[[actor]]\nid = "org:acme"\nname = "Acme Widgets"\ntype = "ORGANIZATION"\n'


def _lexicon(tmp_path, text, name="mine.toml"):
    p = tmp_path / name
    p.write_text(text, encoding="utf-8")
    seen = []
    lex = load_actor_lexicon([p], on_problem=seen.append)
    assert list(lex.problems) == seen
    return lex, [str(x) for x in seen], p


@pytest.mark.parametrize("field, expected", [
    ("name = 3", "name must be a string, not integer 3"),
    ('id = "org:bad"\nname = ["Bad"]', "name must be a string, not array ['Bad']"),
    ('name = ""', "name must not be empty"),
    ('type = "GROUP"', "unknown type 'GROUP' (one of PERSON, ORGANIZATION"),
    ("type = true", "type must be a string, not boolean True"),
    ('country = "us"', "country 'us' must be an ISO 3166 alpha-3 code such as 'USA'"),
    ("country = 840", "country must be a string, not integer 840"),
    ('sector = "government"', "sector 'government' must be a three-letter code"),
    ('aliases = "Bad Co"', "aliases must be an array of strings, not string 'Bad Co'"),
    ('aliases = ["Bad Co", 7]', "aliases[1] must be a string, not integer 7"),
    ("case_sensitive = [1.5]", "case_sensitive[0] must be a string, not float 1.5"),
    ('note = ["x"]', "note must be a string"),
    ('alias = ["Bad Co"]', "unknown field 'alias' (did you mean 'aliases'?)"),
])
def test_toml_field_of_wrong_type_is_reported_and_skipped(tmp_path, field, expected):
    entry = {"id": '"org:bad"', "name": '"Bad Co"', "type": '"ORGANIZATION"'}
    for line in field.splitlines():
        key, value = line.split(" = ", 1)
        entry[key] = value
    bad = "[[actor]]\n" + "".join(f"{k} = {v}\n" for k, v in entry.items())
    lex, problems, p = _lexicon(tmp_path, ACME + "\n" + bad)
    # [[actor]] of the bad entry is line 6.
    assert len(problems) == 1, problems
    assert problems[0].startswith(f"{p}:6: actor #2 (id 'org:bad'): {expected}"), problems
    assert problems[0].endswith("; skipped")
    assert lex.lookup("Acme Widgets").id == "org:acme"
    assert "org:bad" not in lex.actors


def test_toml_missing_field_duplicate_id_and_non_table(tmp_path):
    text = (ACME + '[[actor]]\nid = "org:noname"\ntype = "ORGANIZATION"\n'
            + ACME.replace("Acme Widgets", "Acme Again")
            + '[[actor]]\nid = 5\nname = "Five"\ntype = "ORGANIZATION"\n')
    lex, problems, p = _lexicon(tmp_path, text)
    assert problems == [
        f"{p}:5: actor #2 (id 'org:noname'): missing field 'name'; skipped",
        f"{p}:8: actor #3 (id 'org:acme'): duplicate id, first used by actor #1; skipped",
        f"{p}:12: actor #4: id must be a string, not integer 5; skipped",
    ]
    assert lex.actors["org:acme"].name == "Acme Widgets"
    lex, problems, p = _lexicon(tmp_path, 'actor = [1, {id = "org:a", name = "A Co", '
                                          'type = "ORGANIZATION"}]\n', "inline.toml")
    assert problems == [f"{p}: actor #1: must be an [[actor]] table, not integer 1; skipped"]
    assert "org:a" in lex.actors


def test_toml_unknown_top_level_key_is_reported(tmp_path):
    lex, problems, p = _lexicon(tmp_path, "version = 2\n" + ACME + '\n[[actors]]\n'
                                          'id = "org:typo"\nname = "Typo Co"\n'
                                          'type = "ORGANIZATION"\n')
    assert problems == [
        f"{p}:1: unknown top-level key 'version'; ignored",
        f"{p}:7: unknown top-level key 'actors' (did you mean [[actor]]?); ignored",
    ]
    assert "org:acme" in lex.actors and "org:typo" not in lex.actors


@pytest.mark.parametrize("text, expected", [
    ('[[actors]]\nid = "org:typo"\nname = "Typo"\ntype = "ORGANIZATION"\n',
     "no actors loaded: the file has no [[actor]] tables (first, line 1: unknown top-level "
     "key 'actors' (did you mean [[actor]]?))"),
    ("", "no actors loaded: the file has no [[actor]] tables"),
    ('actor = "x"\n', "no actors loaded: the file has no [[actor]] tables (first, line 1: "
                      "'actor' must be an array of [[actor]] tables, not string 'x')"),
    ('[[actor]]\nid = "org:a"\nname = 3\ntype = "ORGANIZATION"\n',
     "no actors loaded: all 1 [[actor]] entries are bad (first, line 1: actor #1 "
     "(id 'org:a'): name must be a string, not integer 3)"),
    ("[[actor]\n", "invalid TOML"),
])
def test_toml_file_with_no_actors_is_an_error_naming_it(tmp_path, text, expected):
    p = tmp_path / "none.toml"
    p.write_text(text)
    with pytest.raises(LexiconError) as err:
        load_actor_lexicon([p])
    assert str(err.value).startswith(f"{p}: {expected}"), err.value


def test_builtin_lexicon_errors_are_fatal(tmp_path):
    # The built-in files are the project's own data: a bad record there is a bug, not
    # user input to skip.
    (tmp_path / "actors.toml").write_text(ACME.replace('"Acme Widgets"', "3"))
    with pytest.raises(LexiconError, match=r"actors\.toml:1: actor #1 \(id 'org:acme'\): "
                                           "name must be a string"):
        load_actor_lexicon(lexicon_dir=tmp_path)


def test_lexicon_keeps_good_records_of_bad_files(tmp_path):
    txt = tmp_path / "mine.actors.txt"
    txt.write_text("FOO_BAR_ [USAGOV\n" + GOOD)
    toml = tmp_path / "mine.toml"
    toml.write_text(ACME + '[[actor]]\nid = "org:x"\nname = 3\ntype = "ORGANIZATION"\n')
    seen = []
    lex = load_actor_lexicon([txt, toml], on_problem=seen.append)
    assert [str(x) for x in seen] == [
        f"{txt}:1: unclosed '[' in 'FOO_BAR_ [USAGOV'; entry skipped",
        f"{toml}:5: actor #2 (id 'org:x'): name must be a string, not integer 3; skipped",
    ]
    assert lex.lookup("Minister Quux").id == "person:jane_quux"
    assert lex.lookup("Acme Widgets").id == "org:acme"
    assert lex.lookup("ISIS").id == "group:isis"
    assert not [a for a in lex.actors.values() if "[" in a.name]


@pytest.mark.skipif(not PHOENIX.is_dir(), reason="../shared/data/phoenix not present")
@pytest.mark.parametrize("name, most", [("Countries", 7), ("International", 0),
                                        ("MilNonState", 3)])
def test_phoenix_dictionaries_load_with_few_messages(name, most):
    problems = []
    actors = {a.id: a for a in read_petrarch_actors(
        PHOENIX / f"Phoenix.{name}.actors.txt", on_problem=problems.append)}
    # Every message is a real defect of the file: control characters and U+FFFD from an
    # old mis-decoding, a stray ']', bare numbers as names.
    assert len(problems) <= most, [str(p) for p in problems]
    for p in problems:
        assert p.line and any(w in p.message for w in (
            "control character", "U+FFFD", "']' without '['", "no letters")), str(p)
    assert len(actors) > {"Countries": 17_000, "International": 6_000, "MilNonState": 1_000}[name]
    assert not [a.name for a in actors.values() if set(a.name) & set("[]$\t\x00\x1a\ufffd")]


# --- people: the built-in people.toml and [[person]] tables in user files -----------------


def test_builtin_people_have_valid_countries_and_no_shared_alias_across_countries():
    import pycountry

    lex = load_actor_lexicon()
    people = {i: a for i, a in lex.actors.items() if i.startswith("person:")}
    assert len(people) > 1000
    for a in people.values():
        assert a.country is None and a.sector == "IGO" or a.country in {"XKX", "PSE", "ESH"} \
            or pycountry.countries.get(alpha_3=a.country), a
    by_alias: dict[str, set[str | None]] = {}
    for alias, pid in [*lex.people.items(), *lex.exact_people.items()]:
        by_alias.setdefault(alias.lower(), set()).add(lex.actors[pid].country)
    assert not {a: c for a, c in by_alias.items() if len(c) > 1}


def test_people_are_not_ruler_patterns():
    # A surname that is also a first name ("Abbas Araghchi") must not be split off by the
    # ruler: people are looked up once NER has found a name whole.
    lex = load_actor_lexicon()
    assert lex.person("Putin").country == "RUS"
    assert lex.lookup("Putin") is None
    assert not [p for p in lex.all_patterns() if p[1] == "person:mahmoud_abbas"]


def test_user_file_may_add_people(tmp_path):
    lex, problems, _p = _lexicon(tmp_path, '[[person]]\nname = "Jorge Trujillo"\n'
                                           'aliases = ["Trujillo"]\ncountry = "GTM"\n'
                                           '[[person]]\nname = 3\n')
    assert lex.person("Trujillo").country == "GTM"
    assert len(problems) == 1 and "person #2" in problems[0] and "name must be a string" in (
        problems[0])
