"""PETRARCH/TABARI actor dictionaries: import the files event-data users maintain.

Format (as in the Phoenix dictionaries): a primary phrase with words joined by ``_``
(usually ending in ``_``), ``+synonym`` lines, and ``[CODE dates]`` codes on the same
line or on tab-indented lines below; ``#`` starts a comment. A code is a country or
international prefix (``USA``, ``IGO``, ``IMG``...) followed by sector codes (``GOV``,
``MIL``, ``REB``...); with several date-bounded codes the last one (the current role) wins.

>>> import tempfile, pathlib
>>> p = pathlib.Path(tempfile.mkdtemp()) / "x.actors.txt"
>>> _ = p.write_text("JOHN_KERRY_ # note\\n+SECRETARY_KERRY_\\n\\t[USAGOVLEG 850103-130201]\\n"
...                  "\\t[USAGOV >130201]\\n")
>>> a = next(read_petrarch_actors(p))
>>> a.id, a.name, a.type, a.country, a.sector, a.aliases
('person:john_kerry', 'John Kerry', 'PERSON', 'USA', 'GOV', ('John Kerry', 'Secretary Kerry'))
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

from actorgraph.extract.lexicon import KnownActor, LexiconError

_CODE = re.compile(r"\[([A-Z~]{3,})[^\]]*\]")
ORG_WORDS = {
    "ministry", "party", "army", "council", "committee", "front", "movement", "forces",
    "force", "organization", "organisation", "union", "agency", "association", "bank",
    "court", "assembly", "parliament", "government", "police", "brigade", "brigades",
    "group", "league", "institute", "commission", "office", "department", "corporation",
    "company", "network", "alliance", "coalition", "guard", "guards", "militia", "service",
}
INTERNATIONAL = {"IGO": "IGO", "IMG": "ARMED_GROUP", "NGO": "ORGANIZATION",
                 "MNC": "ORGANIZATION", "UIS": "ORGANIZATION"}
ARMED_SECTORS = {"REB", "INS", "IMG", "SEP", "UAF"}


def _words(phrase: str) -> str:
    phrase = phrase.strip().rstrip("_").replace("_", " ")
    return re.sub(r"\s+", " ", phrase).strip()


def _display(phrase: str) -> str:
    # Dictionaries are upper case; acronyms (one short word) stay upper, names get title case.
    return phrase if (" " not in phrase and len(phrase) <= 5) else phrase.title()


def _slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "_", text.lower()).strip("_") or "x"


def _actor(primary: str, aliases: list[str], codes: list[str]) -> KnownActor | None:
    if not primary:
        return None
    import pycountry

    from actorgraph.extract.actors import person_key

    code = codes[-1] if codes else ""
    prefix, rest = code[:3], code[3:]
    sector = rest[:3] or None
    country = prefix if prefix and pycountry.countries.get(alpha_3=prefix) else None
    name = _display(_words(primary))
    words = {w.lower() for w in name.split()}
    if prefix in INTERNATIONAL:
        kind = INTERNATIONAL[prefix]
    elif sector in ARMED_SECTORS:
        kind = "ARMED_GROUP"
    elif country and not sector:
        return None  # country names: the built-in country lexicon owns them
    elif words & ORG_WORDS or len(words) == 1:
        kind = "ORGANIZATION"
    else:
        kind = "PERSON"
    if kind == "PERSON":
        actor_id = f"person:{person_key(name)}"
    else:
        actor_id = f"{'group' if kind == 'ARMED_GROUP' else 'org'}:{_slug(name)}"
    all_aliases = tuple(dict.fromkeys([name, *(_display(_words(a)) for a in aliases)]))
    return KnownActor(id=actor_id, name=name, type=kind, country=country,
                      sector=sector if sector and sector != "~" else None, aliases=all_aliases)


def read_petrarch_actors(path: str | Path) -> Iterator[KnownActor]:
    """Yield the actors of a PETRARCH/TABARI ``.actors.txt`` dictionary."""
    path = Path(path)
    try:
        fh = path.open(encoding="utf-8", errors="replace")
    except OSError as e:
        raise LexiconError(f"{path}: cannot read actor dictionary: {e.strerror or e}") from e
    primary, aliases, codes = "", [], []
    with fh:
        for raw in fh:
            line = raw.split("#", 1)[0].rstrip()
            if not line.strip():
                continue
            found = _CODE.findall(line)
            text = _CODE.sub("", line).strip()
            if raw[:1] in {"\t", " "} and not text:
                codes.extend(found)
                continue
            if text.startswith("+"):
                aliases.extend(a for a in text.split("+") if a.strip())
                codes.extend(found)
                continue
            actor = _actor(primary, aliases, codes)
            if actor is not None:
                yield actor
            primary, aliases, codes = text, [], list(found)
    actor = _actor(primary, aliases, codes)
    if actor is not None:
        yield actor
