"""Places CountryInfo lists under a country: regions, towns and landmarks GeoNames lacks.

GeoNames (:mod:`places`) knows towns and ISO 3166-2 knows first-level regions, but the
news names places that are neither: "Darfur" (several Sudanese states), "Chechnya"
(ISO's "Chechenskaya Respublika"), "Mindanao", "the Donbas", "Aceh". Event coders code
them as their country, and their dictionary says so: the country entries of CountryInfo
(``Phoenix.Countries.actors.txt``, MIT, Open Event Data Alliance) list each country's
regions, towns and landmarks beside its names. This module compiles those entries to a
table that ships with the package (``lexicon/country_places.toml``) and loads it; a name
CountryInfo lists under two countries is left out, as it tells neither.

Regenerate the table with::

    python -m actorgraph.extract.country_places \\
        ../shared/data/phoenix/Phoenix.Countries.actors.txt \\
        --out extract/lexicon/country_places.toml

>>> table = load_country_places()
>>> table["darfur"], table["chechnya"]
('SDN', 'RUS')
"""

from __future__ import annotations

import argparse
import sys
from collections import defaultdict
from collections.abc import Iterable, Mapping
from functools import lru_cache
from pathlib import Path

from actorgraph.extract.compiled_tables import notice_with_licence, read_lists, write_lists
from actorgraph.extract.dictionaries import read_country_places
from actorgraph.extract.lexicon import LEXICON_DIR
from actorgraph.extract.places import fold

COUNTRY_PLACES = LEXICON_DIR / "country_places.toml"

NOTICE = """\
Places compiled from the country entries of CountryInfo (Phoenix.Countries.actors.txt,
translated from CountryInfo.140130.txt by the Computational Event Data System Project),
by actorgraph's extract/country_places.py. Do not edit: regenerate with
  python -m actorgraph.extract.country_places Phoenix.Countries.actors.txt \\
      --out extract/lexicon/country_places.toml
One table per ISO 3166-1 alpha-3 code: the names CountryInfo lists under that country
(its names, regions, towns and landmarks). A name listed under two countries is left out.
"""


def compile_country_places(pairs: Iterable[tuple[str, str]]) -> tuple[dict[str, list[str]], int]:
    """Group ``(name, ISO3)`` pairs by country, each name once (first spelling kept);
    returns the table and how many names were left out as listed under two countries.

    >>> compile_country_places([("Darfur", "SDN"), ("DARFUR", "SDN"), ("Punjab", "IND"),
    ...                         ("Punjab", "PAK"), ("Sindh", "PAK")])
    ({'SDN': ['Darfur'], 'PAK': ['Sindh']}, 1)
    """
    spelling: dict[str, str] = {}
    countries: dict[str, set[str]] = defaultdict(set)
    for name, iso3 in pairs:
        key = fold(name)
        spelling.setdefault(key, name)
        countries[key].add(iso3)
    table: dict[str, list[str]] = {}
    for key, isos in countries.items():
        if len(isos) == 1:
            table.setdefault(next(iter(isos)), []).append(spelling[key])
    return table, sum(len(isos) > 1 for isos in countries.values())


def write_country_places(table: Mapping[str, list[str]], out: Path, notice: str) -> None:
    """Write the table as TOML, the notice (and licence) as its leading comment."""
    write_lists(table, "places", out, notice)


@lru_cache(maxsize=4)
def load_country_places(path: Path = COUNTRY_PLACES) -> dict[str, str]:
    """Folded place name -> ISO3 from a compiled table; empty when the file is absent.
    A file that is not such a table raises :class:`LexiconError` naming it."""
    return {fold(n): iso3
            for iso3, names in read_lists(path, "places", "country places table").items()
            for n in names}


def main(argv: list[str] | None = None) -> int:
    """Compile a CountryInfo-format dictionary's country entries to a places table."""
    ap = argparse.ArgumentParser(description="Compile the places a PETRARCH country "
                                 "dictionary lists under each country.")
    ap.add_argument("dictionary", type=Path)
    ap.add_argument("--out", type=Path, help="write the table here (TOML)")
    args = ap.parse_args(argv)
    pairs = read_country_places(args.dictionary, lambda p: print(p, file=sys.stderr))
    table, ambiguous = compile_country_places(pairs)
    names = sum(len(v) for v in table.values())
    print(f"{names} places of {len(table)} countries; {ambiguous} names listed under two "
          "countries left out")
    if args.out:
        write_country_places(table, args.out, notice_with_licence(NOTICE, args.dictionary))
        print(f"wrote {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
