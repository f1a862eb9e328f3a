"""Consistency checks for the built-in actor lexicon data files.

``extract/lexicon/countries.toml``, ``actors.toml`` and ``titles.toml`` are hand-written
data; these tests keep them parseable, internally consistent and free of aliases that
name two different actors.
"""

from __future__ import annotations

import re
from collections import defaultdict
from pathlib import Path

import pytest
import tomllib

LEXICON = Path(__file__).resolve().parents[2] / "extract" / "lexicon"

ACTOR_TYPES = {"PERSON", "ORGANIZATION", "COUNTRY", "ARMED_GROUP", "IGO", "MEDIA", "PARTY"}
ACTOR_SECTORS = {
    "GOV",
    "MIL",
    "SPY",
    "LEG",
    "JUD",
    "COP",
    "REB",
    "OPP",
    "MED",
    "BUS",
    "NGO",
    "IGO",
    "CVL",
    "ELI",
}
INSTITUTION_SECTORS = {"GOV", "MIL", "SPY", "LEG", "JUD", "COP"}
TITLE_SECTORS = ACTOR_SECTORS
NON_ISO_CODES = {"XKX"}  # Kosovo: user-assigned code, absent from ISO 3166 / pycountry
EXTRA_STATES = {"PSE", "XKX", "TWN", "VAT"}
ID_PATTERN = re.compile(r"^[a-z]+:[a-z0-9_]+$")
ID_PREFIX_TYPES = {
    "igo": {"IGO"},
    "group": {"ARMED_GROUP"},
    "org": {"ORGANIZATION"},
    "media": {"MEDIA"},
    "party": {"PARTY"},
}
# Countries whose usual demonym belongs to a namesake: "Dominican" (DOM), "Congolese" (COD).
NO_DEMONYM_OK = {"DMA", "COG"}
# Religious, ethnic or regional words are not demonyms.
NOT_DEMONYMS = {
    "shi'ite",
    "shiite",
    "shia",
    "shi'a",
    "sunni",
    "sunnis",
    "kurd",
    "kurds",
    "kurdish",
    "arab",
    "arabs",
    "muslim",
    "muslims",
    "christian",
    "jewish",
    "jew",
    "alawite",
    "druze",
    "european",
    "western",
    "korean",
    "koreans",
    "persian",
}
# Lower-case English words that must never be matched case-insensitively.
COMMON_WORDS = {
    "us",
    "is",
    "it",
    "an",
    "as",
    "at",
    "be",
    "by",
    "do",
    "go",
    "he",
    "if",
    "in",
    "me",
    "my",
    "no",
    "of",
    "on",
    "or",
    "so",
    "to",
    "up",
    "we",
    "am",
    "let",
    "plan",
    "fox",
    "amnesty",
    "car",
    "states",
    "kingdom",
    "the",
    "state",
    "may",
    "will",
    "aid",
    "male",
    "pole",
    "brotherhood",
    "guardian",
    "sun",
    "times",
    "mail",
    "post",
    "independent",
}


def _load(name: str) -> dict:
    with (LEXICON / name).open("rb") as fh:
        return tomllib.load(fh)


@pytest.fixture(scope="module")
def countries() -> dict:
    return _load("countries.toml")


@pytest.fixture(scope="module")
def actors() -> list[dict]:
    return _load("actors.toml")["actor"]


@pytest.fixture(scope="module")
def titles() -> dict:
    return _load("titles.toml")


def _clean(alias: str) -> str:
    """The loader's alias normalisation: strip edge punctuation, a leading "the", "'s"."""
    text = alias.strip().strip('.,;:"“”')
    text = re.sub(r"^(?i:the)\s+", "", text)
    text = re.sub(r"['’]s?$", "", text)
    return text.strip()


def _fold(text: str) -> str:
    text = text.replace("’", "'").replace("‘", "'")
    return re.sub(r"\s+", " ", text).strip().lower()


def _exact_case(alias: str, case_sensitive: set[str]) -> bool:
    bare = alias.replace(".", "")
    return alias in case_sensitive or (bare.isupper() and len(bare) <= 3)


def _key(alias: str, case_sensitive: set[str]) -> str:
    alias = _clean(alias)
    return ("=" + alias) if _exact_case(alias, case_sensitive) else _fold(alias)


def _country_forms(entry: dict) -> list[str]:
    return [
        *entry.get("names", []),
        *entry.get("demonyms", []),
        *entry.get("capitals", []),
        *(entry.get("institutions") or {}),
    ]


# --- parsing ----------------------------------------------------------------------------


@pytest.mark.parametrize("name", ["countries.toml", "actors.toml", "titles.toml"])
def test_files_parse_and_start_with_documentation(name):
    text = (LEXICON / name).read_text(encoding="utf-8")
    tomllib.loads(text)
    assert text.startswith("#"), f"{name} must start with a comment block documenting it"
    assert len([ln for ln in text.splitlines()[:15] if ln.startswith("#")]) >= 10


# --- countries --------------------------------------------------------------------------


def test_country_keys_are_iso3(countries):
    pycountry = pytest.importorskip("pycountry")
    bad = [
        code
        for code in countries
        if code not in NON_ISO_CODES and pycountry.countries.get(alpha_3=code) is None
    ]
    assert not bad, f"not ISO 3166 alpha-3 codes: {bad}"
    assert EXTRA_STATES <= set(countries)


def test_all_sovereign_states_present(countries):
    # 193 UN members + Holy See + Palestine + Kosovo + Taiwan
    assert len(countries) >= 197
    for code in (
        "USA",
        "RUS",
        "GBR",
        "FRA",
        "CHN",
        "SYR",
        "IRQ",
        "IRN",
        "ISR",
        "TUR",
        "UKR",
        "DEU",
        "KOR",
        "PRK",
        "COD",
        "COG",
        "SSD",
        "TLS",
        "MKD",
        "SWZ",
    ):
        assert code in countries


def test_country_fields(countries):
    problems = []
    for code, entry in countries.items():
        if not isinstance(entry.get("name"), str) or not entry["name"]:
            problems.append(f"{code}: missing name")
        for field in ("names", "demonyms", "capitals"):
            value = entry.get(field)
            if not isinstance(value, list) or not all(isinstance(v, str) and v for v in value):
                problems.append(f"{code}.{field}: expected a list of non-empty strings")
        if not entry.get("names") or not entry.get("capitals"):
            problems.append(f"{code}: names and capitals must not be empty")
        if not entry.get("demonyms") and code not in NO_DEMONYM_OK:
            problems.append(f"{code}: no demonyms")
        if entry.get("name") not in entry.get("names", []):
            problems.append(f"{code}: the canonical name should also be in names")
        for inst, sector in (entry.get("institutions") or {}).items():
            if sector not in INSTITUTION_SECTORS:
                problems.append(f"{code}.institutions[{inst!r}]: bad sector {sector!r}")
        forms = set(_country_forms(entry))
        for field in ("case_sensitive", "ambiguous"):
            for form in entry.get(field, []):
                if form not in forms:
                    problems.append(f"{code}.{field}: {form!r} is not one of its forms")
        unknown = set(entry) - {
            "name",
            "names",
            "demonyms",
            "capitals",
            "institutions",
            "case_sensitive",
            "ambiguous",
            "ship_prefixes",
        }
        if unknown:
            problems.append(f"{code}: unknown fields {sorted(unknown)}")
    assert not problems, "\n".join(problems)


def test_required_demonyms(countries):
    expected = {
        "SYR": {"Syrian", "Syrians"},
        "RUS": {"Russian", "Russians"},
        "IRQ": {"Iraqi", "Iraqis"},
        "USA": {"American", "Americans"},
        "FRA": {"French", "Frenchman"},
        "GBR": {"British", "Briton", "Britons"},
        "IRN": {"Iranian", "Iranians"},
        "SAU": {"Saudi", "Saudis"},
        "ARE": {"Emirati"},
    }
    for code, forms in expected.items():
        assert forms <= set(countries[code]["demonyms"]), code


def test_demonyms_are_not_religions_or_ethnicities(countries):
    bad = [
        (code, d)
        for code, entry in countries.items()
        for d in entry["demonyms"]
        if _fold(d) in NOT_DEMONYMS
    ]
    assert not bad, bad


def test_key_country_forms(countries):
    def owner(form: str) -> list[str]:
        return [c for c, e in countries.items() if form in e["names"]]

    assert owner("Russian Federation") == ["RUS"]
    for form in ("Britain", "Great Britain", "UK", "U.K."):
        assert owner(form) == ["GBR"], form
    assert owner("South Korea") == ["KOR"]
    assert owner("North Korea") == ["PRK"]
    for form in ("DR Congo", "DRC", "Democratic Republic of the Congo"):
        assert owner(form) == ["COD"], form
    assert owner("Korea") == []
    assert "US" in countries["USA"]["case_sensitive"]
    assert "us" not in countries["USA"]["names"]
    assert "Washington" in countries["USA"]["capitals"]
    assert "Beijing" in countries["CHN"]["capitals"]


def test_key_institutions(countries):
    expected = {
        ("USA", "White House"): "GOV",
        ("USA", "Pentagon"): "MIL",
        ("USA", "State Department"): "GOV",
        ("USA", "Capitol Hill"): "LEG",
        ("USA", "Congress"): "LEG",
        ("RUS", "Kremlin"): "GOV",
        ("GBR", "Downing Street"): "GOV",
        ("GBR", "Whitehall"): "GOV",
        ("FRA", "Elysee"): "GOV",
        ("FRA", "Élysée"): "GOV",
        ("CHN", "Zhongnanhai"): "GOV",
        ("ISR", "Knesset"): "LEG",
        ("DEU", "Bundestag"): "LEG",
        ("UKR", "Verkhovna Rada"): "LEG",
        ("TUR", "Grand National Assembly"): "LEG",
    }
    for (code, inst), sector in expected.items():
        assert countries[code]["institutions"].get(inst) == sector, (code, inst)


def test_demonyms_and_capitals_name_one_country(countries):
    for field in ("demonyms", "capitals"):
        seen: dict[str, set[str]] = defaultdict(set)
        for code, entry in countries.items():
            for form in entry[field]:
                seen[_fold(_clean(form))].add(code)
        dupes = {form: sorted(codes) for form, codes in seen.items() if len(codes) > 1}
        assert not dupes, f"{field} shared by several countries: {dupes}"


def test_ship_prefixes_name_one_navy(countries):
    seen: dict[str, set[str]] = defaultdict(set)
    for code, entry in countries.items():
        for prefix in entry.get("ship_prefixes", []):
            assert re.fullmatch(r"[A-Z][A-Za-z]{1,5}", prefix), f"{code}: bad prefix {prefix!r}"
            seen[prefix].add(code)
    assert {p for p, codes in seen.items() if len(codes) > 1} == set()
    assert seen["USS"] == {"USA"} and seen["HMS"] == {"GBR"}


def test_demonyms_are_not_other_countries_names(countries):
    names = {_fold(_clean(n)): code for code, e in countries.items() for n in e["names"]}
    clashes = [
        (code, d, names[_fold(d)])
        for code, e in countries.items()
        for d in e["demonyms"]
        if names.get(_fold(d), code) != code
    ]
    assert not clashes, clashes


# --- actors -----------------------------------------------------------------------------


def test_actor_fields(actors, countries):
    problems = []
    for i, a in enumerate(actors):
        where = f"actor #{i + 1} {a.get('id')!r}"
        for field in ("id", "name", "type", "aliases"):
            if field not in a:
                problems.append(f"{where}: missing {field}")
        if a.get("type") not in ACTOR_TYPES:
            problems.append(f"{where}: bad type {a.get('type')!r}")
        if a.get("type") in ("PERSON", "COUNTRY"):
            problems.append(f"{where}: persons and countries do not belong in actors.toml")
        if "sector" in a and a["sector"] not in ACTOR_SECTORS:
            problems.append(f"{where}: bad sector {a['sector']!r}")
        if "country" in a and a["country"] not in countries:
            problems.append(f"{where}: unknown country {a['country']!r}")
        aliases = a.get("aliases", [])
        if not isinstance(aliases, list) or not all(isinstance(x, str) and x for x in aliases):
            problems.append(f"{where}: aliases must be a list of non-empty strings")
        forms = {a.get("name"), *aliases}
        for field in ("case_sensitive", "ambiguous"):
            for form in a.get(field, []):
                if form not in forms:
                    problems.append(f"{where}.{field}: {form!r} is not one of its aliases")
        unknown = set(a) - {
            "id",
            "name",
            "type",
            "country",
            "sector",
            "aliases",
            "case_sensitive",
            "ambiguous",
            "note",
        }
        if unknown:
            problems.append(f"{where}: unknown fields {sorted(unknown)}")
    assert not problems, "\n".join(problems)


def test_actor_ids_unique_and_well_formed(actors):
    ids = [a["id"] for a in actors]
    dupes = sorted({i for i in ids if ids.count(i) > 1})
    assert not dupes, f"duplicate ids: {dupes}"
    bad = [i for i in ids if not ID_PATTERN.match(i)]
    assert not bad, f"ids not matching {ID_PATTERN.pattern}: {bad}"
    wrong_prefix = [
        (a["id"], a["type"])
        for a in actors
        if a["type"] not in ID_PREFIX_TYPES.get(a["id"].split(":")[0], set())
    ]
    assert not wrong_prefix, f"id prefix does not match type: {wrong_prefix}"


def test_actor_coverage(actors):
    by_type = defaultdict(int)
    for a in actors:
        by_type[a["type"]] += 1
    assert by_type["IGO"] >= 70
    assert by_type["ARMED_GROUP"] >= 55
    assert by_type["MEDIA"] >= 40
    assert sum(1 for a in actors if a.get("sector") == "NGO" and a["type"] == "ORGANIZATION") >= 20


def test_key_actors(actors):
    by_alias: dict[str, dict] = {}
    for a in actors:
        for form in (a["name"], *a["aliases"]):
            by_alias.setdefault(form, a)
    isis = by_alias["ISIS"]
    for form in (
        "ISIL",
        "IS",
        "Islamic State",
        "Daesh",
        "Isis",
        "Islamic State of Iraq and the Levant",
    ):
        assert by_alias[form] is isis, form
    assert by_alias["Peshmerga"]["country"] == "IRQ"
    cia = by_alias["CIA"]
    assert (cia["type"], cia["country"], cia["sector"]) == ("ORGANIZATION", "USA", "SPY")
    assert by_alias["SAS"]["country"] == "GBR" and by_alias["SAS"]["sector"] == "MIL"
    assert by_alias["Syrian Arab Army"]["sector"] == "MIL"
    assert by_alias["Revolutionary Guards"]["country"] == "IRN"
    assert by_alias["Hizbollah"] is by_alias["Hezbollah"]
    assert by_alias["Ansar Allah"] is by_alias["Houthis"]
    assert by_alias["Jabhat al-Nusra"] is by_alias["Nusra Front"]
    assert by_alias["UN"]["type"] == "IGO"
    for media in (
        "Reuters",
        "AP",
        "AFP",
        "BBC",
        "Interfax",
        "RIA",
        "TASS",
        "Xinhua",
        "The Guardian",
        "NBC News",
    ):
        assert by_alias[media]["type"] == "MEDIA", media
    assert "Pentagon" not in by_alias and "Kremlin" not in by_alias


# --- aliases across both files ----------------------------------------------------------


def _alias_owners(countries: dict, actors: list[dict]) -> dict[str, set[str]]:
    """Lookup key -> ids of the actors it would resolve to."""
    owners: dict[str, set[str]] = defaultdict(set)
    try:
        import pycountry
    except ImportError:  # pragma: no cover
        pycountry = None
    claimed = {n.casefold(): code for code, entry in countries.items() for n in entry["names"]}
    for code, entry in countries.items():
        cs = set(entry.get("case_sensitive", []))
        forms = [entry["name"], *entry["names"], *(entry.get("institutions") or {})]
        pyc = pycountry.countries.get(alpha_3=code) if pycountry else None
        if pyc is not None:  # the loader adds pycountry's names too, unless the file
            # gives that name to another country
            forms += [n for n in (pyc.name, getattr(pyc, "common_name", pyc.name))
                      if claimed.get(n.casefold(), code) == code]
        for form in forms:
            owners[_key(form, cs)].add(f"country:{code}")
    for a in actors:
        cs = set(a.get("case_sensitive", []))
        for form in (a["name"], *a["aliases"]):
            owners[_key(form, cs)].add(a["id"])
    return owners


def test_no_alias_names_two_actors(countries, actors):
    owners = _alias_owners(countries, actors)
    dupes = {alias: sorted(ids) for alias, ids in owners.items() if len(ids) > 1}
    assert not dupes, "aliases naming several actors:\n" + "\n".join(
        f"  {alias!r}: {ids}" for alias, ids in sorted(dupes.items())
    )


def test_no_alias_is_a_common_english_word(countries, actors):
    owners = _alias_owners(countries, actors)
    bad = sorted(k for k in owners if not k.startswith("=") and k in COMMON_WORDS)
    assert not bad, f"case-insensitive aliases that are English words: {bad}"


# --- titles -----------------------------------------------------------------------------


def test_titles(titles):
    assert set(titles) >= {"titles", "collectives", "person_words"}
    problems = []
    for table in ("titles", "collectives"):
        for key, sector in titles[table].items():
            if key != key.lower() or key != key.strip() or "  " in key:
                problems.append(f"{table}: {key!r} must be lower-case and trimmed")
            if sector not in TITLE_SECTORS:
                problems.append(f"{table}[{key!r}]: bad sector {sector!r}")
    for word in titles["person_words"]["words"]:
        if word != word.lower() or " " in word:
            problems.append(f"person_words: {word!r} must be one lower-case word")
    assert not problems, "\n".join(problems)
    words = titles["person_words"]["words"]
    assert len(words) == len(set(words)), "duplicate person words"


def test_title_coverage(titles):
    t, c = titles["titles"], titles["collectives"]
    assert len(t) >= 200 and len(c) >= 40
    expected = {
        "president": "GOV",
        "secretary of state": "GOV",
        "deputy secretary of state": "GOV",
        "foreign minister": "GOV",
        "deputy foreign minister": "GOV",
        "assistant attorney general": "JUD",
        "general": "MIL",
        "senator": "LEG",
        "ambassador": "GOV",
        "spokesman": "GOV",
        "ayatollah": "ELI",
        "commander": "MIL",
    }
    for key, sector in expected.items():
        assert t.get(key) == sector, key
    for key, sector in {
        "government": "GOV",
        "military": "MIL",
        "army": "MIL",
        "intelligence": "SPY",
        "police": "COP",
        "rebels": "REB",
        "opposition": "OPP",
        "regime": "GOV",
        "officials": "GOV",
        "air force": "MIL",
        "lawmakers": "LEG",
        "people": "CVL",
        "media": "MED",
        "businesses": "BUS",
    }.items():
        assert c.get(key) == sector, key
    for word in ("minister", "official", "president"):
        assert word in titles["person_words"]["words"]


# --- through the project's loader, when it is importable ------------------------------


def test_loader_reads_the_data():
    lexicon = pytest.importorskip("actorgraph.extract.lexicon")
    lex = lexicon.load_actor_lexicon()
    assert lex.lookup("Daesh").id == lex.lookup("ISIS").id == "group:isis"
    assert lex.lookup("Isis").id == "group:isis"
    assert lex.country_of_word("Syrian") == "SYR"
    assert lex.country_of_word("Russian Federation") == "RUS"
    assert lex.country_of_word("Britain") == "GBR"
    assert lex.lookup("DRC").country == "COD"
    assert lex.lookup("us") is None
    assert lex.institutions["kremlin"] == ("RUS", "GOV")
    assert lex.capitals["washington"] == "USA"
    assert lex.titles["deputy foreign minister"] == "GOV"


def test_a_transliterated_name_is_found_wherever_its_apostrophe_falls():
    lexicon = pytest.importorskip("actorgraph.extract.lexicon")
    lex = lexicon.load_actor_lexicon()
    for form in ("Dae\u2019sh", "Dae'sh", "DAESH"):
        assert lex.lookup(form).id == "group:isis", form
    assert lex.lookup("Hizb'allah").id == lex.lookup("Hezbollah").id
    # (short forms keep their marks: an apostrophe there may be all that tells them apart)
    assert lexicon._unmarked("i'm") == ""


# --- relations --------------------------------------------------------------------------

README = LEXICON.parents[1] / "README.md"
PLOVER_QUADS = {
    "VERBAL_COOPERATION": {"AGREE", "CONSULT", "SUPPORT", "CONCEDE"},
    "MATERIAL_COOPERATION": {"COOPERATE", "AID", "RETREAT"},
    "VERBAL_CONFLICT": {"REQUEST", "ACCUSE", "REJECT", "THREATEN"},
    "MATERIAL_CONFLICT": {"PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT"},
}
RELATION_FIELDS = {"plover", "description", "symmetric", "one_actor", "verbs", "nouns", "one_way",
                   "mutual", "own_object", "on_place", "against_own_state",
                   "adjectives"}


@pytest.fixture(scope="module")
def relations() -> dict:
    return _load("relations.toml")


def _phrases(relations: dict, field: str) -> list[tuple[str, str]]:
    return [(name, p) for name, entry in relations["relations"].items()
            for p in entry.get(field, [])]


def test_relations_file_parses_and_starts_with_documentation():
    text = (LEXICON / "relations.toml").read_text(encoding="utf-8")
    tomllib.loads(text)
    assert len([ln for ln in text.splitlines()[:25] if ln.startswith("#")]) >= 15


def test_relation_types_quads_and_fields(relations):
    quads = {quad: set(cats) for quad, cats in relations["quads"].items()}
    assert quads == PLOVER_QUADS
    problems = []
    for name, entry in relations["relations"].items():
        if not re.fullmatch(r"[A-Z][A-Z0-9_]*", name):
            problems.append(f"{name}: not UPPER_SNAKE")
        if entry.get("plover") not in set().union(*PLOVER_QUADS.values()):
            problems.append(f"{name}: bad PLOVER category {entry.get('plover')!r}")
        if set(entry) - RELATION_FIELDS:
            problems.append(f"{name}: unknown fields {sorted(set(entry) - RELATION_FIELDS)}")
        for field in ("verbs", "nouns", "adjectives"):
            for phrase in entry.get(field, []):
                if phrase != " ".join(phrase.lower().split()) or not phrase:
                    problems.append(f"{name}.{field}: {phrase!r} must be lower-case, trimmed")
    assert not problems, "\n".join(problems)


def test_readme_vocabulary_table_matches_the_lexicon(relations):
    if not README.exists():  # pragma: no cover
        pytest.skip("no README beside the package")
    text = README.read_text(encoding="utf-8").split("### Relation vocabulary", 1)[1]
    table = {}
    for names, plover, quad in re.findall(r"^\| ([A-Z_, ]+) \| ([A-Z]+) \| ([A-Z_]+) \|$",
                                          text.split("\n## ", 1)[0], re.M):
        for name in names.split(", "):
            table[name] = (plover, quad)
    quad_of = {cat: quad for quad, cats in PLOVER_QUADS.items() for cat in cats}
    lexicon = {name: (e["plover"], quad_of[e["plover"]])
               for name, e in relations["relations"].items()}
    assert table == lexicon


def test_no_trigger_is_listed_twice(relations):
    # The loader keeps the first type of a noun: a second listing would be dead data.
    for field in ("verbs", "nouns", "adjectives"):
        seen: dict[str, list[str]] = defaultdict(list)
        for name, phrase in _phrases(relations, field):
            seen[phrase].append(name)
        # A verb of MEETS, which takes only actors as objects, may also name what the act
        # is when its object is a thing ("welcomed Trump's proposal" praises Trump).
        dupes = {p: names for p, names in seen.items() if len(names) > 1 and not (
            field == "verbs" and len(names) == 2 and names[0] == "MEETS")}
        assert not dupes, f"{field} listed twice: {dupes}"


def test_phrase_nouns_of_another_type_are_in_the_singular(relations):
    # A phrase word matches the lemma, so "ease sanction against" covers "eased sanctions
    # against X" and keeps the noun from triggering SANCTIONS on its own; a plural would not.
    # (A noun of the phrase's own type may stay plural: "launch strikes on".)
    owner = {p: name for name, p in _phrases(relations, "nouns")}
    bad = [(name, phrase) for name, phrase in _phrases(relations, "verbs")
           for word in phrase.split()[1:]
           if word.endswith("s") and not word.endswith(("ss", "us"))
           and owner.get(word, owner.get(word[:-1], name)) != name]
    assert not bad, bad


def test_on_senses_come_after_their_siblings(relations):
    # Senses with as many words are tried in file order and the first whose preposition is
    # present wins: "on Monday" must not take "eased sanctions against Iran on Monday"
    # away from "ease sanction against".
    bad = []
    for name, entry in relations["relations"].items():
        verbs = entry.get("verbs", [])
        for i, phrase in enumerate(verbs):
            if phrase.endswith(" on"):
                stem = phrase[:-3]
                bad += [(name, phrase, v) for v in verbs[i + 1:]
                        if v.rsplit(" ", 1)[0] == stem and v != phrase]
    assert not bad, bad


@pytest.mark.parametrize("relation, triggers", [
    # CAMEO code descriptions -> the verbs and nouns news uses for them
    ("WITHDRAWS_FROM", ["resign", "step down", "resignation", "open border with",
                        "allow aid into", "swap prisoner with", "disarmament"]),
    ("CONCEDES_TO", ["lift curfew", "lift state", "ease restriction on", "allow", "permit",
                     "pardon", "amnesty"]),
    ("EASES", ["scrap sanction on", "remove sanction against", "cancel tariff on",
               "lower tariff on", "unfreeze"]),
    ("SANCTIONS", ["impose tariff on", "slap sanction on", "tariff", "counter-tariffs",
                   "halt mediation between", "end mediation", "close embassy in"]),
    ("AIDS", ["loan", "grant", "arms sales", "sell tank to", "approve sale to"]),
    ("ATTACKS", ["launch missile at", "fire toward", "fire into", "ram", "ramming",
                 "artillery fire", "use against", "violate ceasefire", "incursion"]),
    ("FIGHTS", ["confront", "exchange fire with", "confrontation"]),
    ("KILLS", ["torture", "poison"]),
    ("ACCUSES", ["inquiry", "hearing", "look into", "impeach"]),
    ("URGES", ["reminder", "issue reminder to"]),
    ("CRITICIZES", ["unite against", "hit out at", "lash out at"]),
    ("MOBILIZES_AGAINST", ["patrol", "patrols", "drills", "tighten security"]),
    ("COERCES", ["fine", "dissolve", "declare emergency", "annexation", "deportation"]),
    ("NORMALIZES_TIES_WITH", ["restore relations with", "reopen embassy in"]),
    ("AGREES_WITH", ["strike deal with", "seal deal"]),
])
def test_cameo_categories_have_their_common_triggers(relations, relation, triggers):
    entry = relations["relations"][relation]
    # (one-way, mutual and own-object triggers are triggers too, listed apart for how
    # their objects are read)
    listed = set(entry.get("verbs", [])) | set(entry.get("nouns", [])) | set(
        entry.get("one_way", [])) | set(entry.get("mutual", [])) | set(
        entry.get("own_object", []))
    assert not set(triggers) - listed


def test_a_relation_s_type_on_a_place_must_be_a_type(tmp_path):
    from actorgraph.extract.lexicon import LexiconError, load_relations

    path = tmp_path / "mine.toml"
    path.write_text('[relations.ARRESTS]\non_place = "SEIZES"\n', encoding="utf-8")
    with pytest.raises(LexiconError, match="ARRESTS.on_place: unknown relation 'SEIZES'"):
        load_relations([path])


def test_a_user_s_relations_file_may_give_a_type_on_a_place(tmp_path):
    from actorgraph.extract.lexicon import load_relations

    path = tmp_path / "mine.toml"
    path.write_text('[relations.ABDUCTS]\non_place = "COERCES"\n', encoding="utf-8")
    assert load_relations([path]).get("ABDUCTS").on_place == "COERCES"
    assert load_relations().get("ABDUCTS").on_place is None
