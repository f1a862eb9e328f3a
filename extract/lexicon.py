"""Lexicons: the data files that drive extraction, loaded into typed, read-only objects.

The files live in ``extract/lexicon/`` (TOML, documented in each file's header) and users
extend them by passing files of the same shape:

- ``relations.toml``: the closed relation vocabulary with verb and noun triggers,
  PLOVER categories and quad classes.
- ``countries.toml``: per ISO3 country, names, demonyms, capitals, institutions and the
  prefixes of its navy's ship names.
- ``actors.toml``: known non-country actors (IGOs, armed groups, agencies, media).
- ``titles.toml``: role titles, collective nouns and person words.

>>> vocab = load_relations()
>>> vocab.get("NEGOTIATES").plover, vocab.get("NEGOTIATES").quad
('CONSULT', 'VERBAL_COOPERATION')
>>> [s.relation for s in vocab.verb_senses("urge")]
['URGES']
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from difflib import get_close_matches
from functools import lru_cache
from pathlib import Path

import tomllib

from actorgraph.extract.documents import InputProblem

LEXICON_DIR = Path(__file__).parent / "lexicon"
RELATION_NAME = re.compile(r"^[A-Z][A-Z0-9_]*$")
PREPOSITIONS = frozenset(
    "with to on against from into at for of upon over in by about between toward towards "
    "outside behind around".split()
)


class LexiconError(ValueError):
    """A lexicon file is malformed; the message names the file and the entry."""


class LexiconWarning(UserWarning):
    """A bad record in a user's actor file, skipped; the message names file and record."""


@dataclass(frozen=True)
class RelationType:
    """One type of the closed relation vocabulary."""

    name: str
    plover: str
    quad: str
    description: str = ""
    symmetric: bool = False
    #: False when the act needs a second party (a meeting, talks, cooperation), so a
    #: mention with no actor as its target is no one-actor event.
    one_actor: bool = True
    #: The type the act is when its target is a place, not an actor: capturing a town is
    #: seizing it (ARRESTS on a place is COERCES); None: the same type.
    on_place: str | None = None
    #: True when a non-state group's act with no named target is against its own state:
    #: "Egyptian demonstrators rioted" protests against Egypt's government (CAMEO and PLOVER
    #: code such a protest EGY -> EGY).
    against_own_state: bool = False


@dataclass(frozen=True)
class VerbSense:
    """A verb trigger: ``lemma`` plus required ``words`` (particle or object noun) and the
    preposition that introduces the target, if any ("put pressure on": put + pressure + on).
    """

    relation: str
    lemma: str
    words: tuple[str, ...] = ()
    prep: str | None = None
    #: Whether the act holds both ways, when the trigger says so against its type:
    #: False for a one-way trigger of a symmetric type ("extradite to": the receiving
    #: state extradites no one), True for a mutual trigger of a one-way type ("clash
    #: with"); None: as the type's ``symmetric`` says.
    mutual: bool | None = None
    #: The direct object is the doer's own means, never the target ("mobilized its
    #: reserves", "deployed Patriot batteries"): only a preposition names a target.
    own_object: bool = False

    @property
    def specificity(self) -> int:
        return len(self.words) + (1 if self.prep else 0)


@dataclass
class IntentCues:
    """How statements of intent, offer, pledge and refusal become asserted acts of their
    own (``[intent]`` in ``relations.toml``): "Peru pledged to send troops to Chile" is an
    asserted pledge (CAMEO 03) beside the intended sending."""

    #: verbs whose infinitive is the act committed to ("pledged to send")
    verbs: set[str] = field(default_factory=set)
    #: adjectives whose infinitive is the act committed to ("is ready to negotiate")
    adjectives: set[str] = field(default_factory=set)
    #: nouns whose infinitive is the act their possessor commits to ("Russia's threat
    #: to cut gas supplies")
    nouns: set[str] = field(default_factory=set)
    #: auxiliaries that announce an act ("will send"); ``reported_aux`` only in a clause
    #: of a speech verb ("said it would not support")
    aux: set[str] = field(default_factory=set)
    reported_aux: set[str] = field(default_factory=set)
    #: auxiliaries of a possible act that announce a threat when its condition is named
    #: ("said it could sever ties with Israel if the offensive continued")
    conditional_aux: set[str] = field(default_factory=set)
    #: the types of the statement: of a cooperative act, of a hostile (material
    #: conflict) act, of a refused cooperative act
    cooperative: str | None = None
    hostile: str | None = None
    refusal: str | None = None


@dataclass(eq=False)
class RelationVocabulary:
    """Relation types plus their verb and noun triggers."""

    types: dict[str, RelationType] = field(default_factory=dict)
    verbs: dict[str, list[VerbSense]] = field(default_factory=dict)
    nouns: dict[str, str] = field(default_factory=dict)
    light_nouns: dict[str, list[VerbSense]] = field(default_factory=dict)
    #: Verbs through which a subject does the act its object names ("staged protests").
    support_verbs: set[str] = field(default_factory=set)
    adjectives: dict[str, list[VerbSense]] = field(default_factory=dict)
    intent: IntentCues = field(default_factory=IntentCues)
    #: Nouns of a symmetric type whose act goes one way ("its mediation with Washington":
    #: the broker talks to Washington, which brokers nothing): listed under ``one_way``.
    one_way_nouns: set[str] = field(default_factory=set)
    #: Nouns whose "of" phrase is the doer's own means, whose actor is the doer ("the
    #: deployment of Russian troops" is Russia's): listed under ``own_object``.
    own_object_nouns: set[str] = field(default_factory=set)
    _own_state: frozenset[str] | None = field(default=None, repr=False)

    def get(self, name: str) -> RelationType:
        return self.types[name]

    def own_state_lemmas(self) -> frozenset[str]:
        """The first words of the verb and noun triggers of the types whose untargeted
        act is against the doer's own state (``against_own_state``): a sentence without
        one has no such act to read."""
        if self._own_state is None:
            kinds = {n for n, t in self.types.items() if t.against_own_state}
            self._own_state = frozenset(
                {lemma for lemma, senses in self.verbs.items()
                 if any(s.relation in kinds for s in senses)} |
                {noun.split()[0] for noun, t in self.nouns.items() if t in kinds})
        return self._own_state

    def __contains__(self, name: object) -> bool:
        return name in self.types

    def names(self) -> list[str]:
        return sorted(self.types)

    def verb_senses(self, lemma: str, form: str | None = None) -> list[VerbSense]:
        """Senses of a verb lemma, most specific first.

        ``form``, the word as written, is a fallback for a wrong lemma (the model gives
        "staged" the lemma "stag"): its regular base forms are looked up in turn.

        >>> vocab = load_relations()
        >>> vocab.verb_senses("stag") == [] and vocab.verb_senses("stag", "staged") != []
        True
        """
        senses = self.verbs.get(lemma.lower(), [])
        if senses or not form:
            return senses
        for base in _base_forms(form.lower()):
            if base in self.verbs:
                return self.verbs[base]
        return []

    def is_support_verb(self, lemma: str, form: str | None = None) -> bool:
        """True for a verb whose subject does what its object noun names: "staged
        demonstrations", "launched an investigation" (``[acts] support_verbs``)."""
        return lemma.lower() in self.support_verbs or bool(
            form and any(b in self.support_verbs for b in _base_forms(form.lower()))
        )

    def noun_relation(self, lemma: str) -> RelationType | None:
        name = self.nouns.get(lemma.lower())
        return self.types[name] if name else None

    def plover_of(self, category: str) -> list[RelationType]:
        return [t for t in self.types.values() if t.plover == category]


def _base_forms(form: str) -> list[str]:
    """Regular base forms a verb form may have: "staged" -> "stage", "stag"."""
    if form.endswith("ied"):
        return [form[:-3] + "y"]
    if form.endswith("ed"):
        stem = form[:-2]
        doubled = [stem[:-1]] if len(stem) > 2 and stem[-1] == stem[-2] else []
        return [form[:-1], stem, *doubled]
    if form.endswith("ing"):
        stem = form[:-3]
        doubled = [stem[:-1]] if len(stem) > 2 and stem[-1] == stem[-2] else []
        return [stem + "e", stem, *doubled]
    if form.endswith("ies"):
        return [form[:-3] + "y"]
    if form.endswith("es"):
        return [form[:-1], form[:-2]]
    if form.endswith("s"):
        return [form[:-1]]
    return []


def _as_list(value: object, where: str) -> list[str]:
    if value is None:
        return []
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise LexiconError(f"{where}: expected a list of strings")
    return value


def _read_toml(path: Path) -> dict:
    try:
        with path.open("rb") as fh:
            return tomllib.load(fh)
    except OSError as e:
        raise LexiconError(f"{path}: cannot read lexicon: {e.strerror or e}") from e
    except tomllib.TOMLDecodeError as e:
        raise LexiconError(f"{path}: invalid TOML: {e}") from e


def load_relations(extra: Iterable[str | Path] = ()) -> RelationVocabulary:
    """Load the built-in relation vocabulary, then each file in ``extra`` on top of it.

    A later file may add triggers to an existing type or define new types.
    """
    return _load_relations(tuple(str(p) for p in extra))


@lru_cache(maxsize=8)
def _load_relations(extra: tuple[str, ...]) -> RelationVocabulary:
    vocab = RelationVocabulary()
    quads: dict[str, str] = {}
    for path in (LEXICON_DIR / "relations.toml", *map(Path, extra)):
        data = _read_toml(path)
        for quad, cats in (data.get("quads") or {}).items():
            for cat in _as_list(cats, f"{path}: quads.{quad}"):
                quads[cat] = quad
        acts = data.get("acts") or {}
        vocab.support_verbs.update(
            v.lower() for v in _as_list(acts.get("support_verbs"), f"{path}: acts.support_verbs")
        )
        _read_intent(vocab.intent, data.get("intent") or {}, f"{path}: intent")
        for name, entry in (data.get("relations") or {}).items():
            where = f"{path}: relations.{name}"
            if not RELATION_NAME.match(name):
                raise LexiconError(f"{where}: relation names must be UPPER_SNAKE")
            old = vocab.types.get(name)
            plover = entry.get("plover") or (old.plover if old else None)
            if not plover or plover not in quads:
                raise LexiconError(f"{where}: unknown or missing PLOVER category {plover!r}")
            vocab.types[name] = RelationType(
                name=name,
                plover=plover,
                quad=quads[plover],
                description=entry.get("description", old.description if old else ""),
                symmetric=bool(entry.get("symmetric", old.symmetric if old else False)),
                one_actor=bool(entry.get("one_actor", old.one_actor if old else True)),
                on_place=entry.get("on_place", old.on_place if old else None),
                against_own_state=bool(entry.get(
                    "against_own_state", old.against_own_state if old else False)),
            )
            one_way = _as_list(entry.get("one_way"), f"{where}.one_way")
            # (nouns of the type from this file or a file layered under it)
            nouns = {n.lower() for n in _as_list(entry.get("nouns"), f"{where}.nouns")} | {
                n for n, t in vocab.nouns.items() if t == name}
            vocab.one_way_nouns.update(p for p in one_way if p in nouns)
            one_way = [p for p in one_way if p not in nouns]
            mutual = _as_list(entry.get("mutual"), f"{where}.mutual")
            means = _as_list(entry.get("own_object"), f"{where}.own_object")
            vocab.own_object_nouns.update(p for p in means if p in nouns)
            means = [p for p in means if p not in nouns]
            for phrase in [*_as_list(entry.get("verbs"), f"{where}.verbs"), *one_way, *mutual,
                           *means]:
                sense = _parse_verb_phrase(
                    name, phrase, mutual=False if phrase in one_way else
                    True if phrase in mutual else None, own_object=phrase in means)
                vocab.verbs.setdefault(sense.lemma, []).append(sense)
                if sense.words:
                    # "put pressure on X": the noun also signals the relation when the parse
                    # hangs the preposition on the noun instead of the verb.
                    vocab.light_nouns.setdefault(sense.words[-1], []).append(sense)
            for phrase in _as_list(entry.get("adjectives"), f"{where}.adjectives"):
                sense = _parse_verb_phrase(name, phrase)
                vocab.adjectives.setdefault(sense.lemma, []).append(sense)
            for noun in _as_list(entry.get("nouns"), f"{where}.nouns"):
                vocab.nouns.setdefault(noun.lower(), name)
    for senses in vocab.verbs.values():
        senses.sort(key=lambda s: -s.specificity)
    for key in ("cooperative", "hostile", "refusal"):
        name = getattr(vocab.intent, key)
        if name is not None and name not in vocab.types:
            raise LexiconError(f"intent.{key}: unknown relation {name!r}")
    for rtype in vocab.types.values():
        if rtype.on_place is not None and rtype.on_place not in vocab.types:
            raise LexiconError(f"relations.{rtype.name}.on_place: unknown relation "
                               f"{rtype.on_place!r}")
    return vocab


def _parse_verb_phrase(relation: str, phrase: str, mutual: bool | None = None,
                       own_object: bool = False) -> VerbSense:
    words = phrase.lower().split()
    prep = words[-1] if len(words) > 1 and words[-1] in PREPOSITIONS else None
    middle = tuple(words[1:-1] if prep else words[1:])
    return VerbSense(relation=relation, lemma=words[0], words=middle, prep=prep,
                     mutual=mutual, own_object=own_object)


def _read_intent(cues: IntentCues, table: dict, where: str) -> None:
    """Layer an ``[intent]`` table over ``cues``: word lists extend, types replace."""
    for key in ("verbs", "adjectives", "nouns", "aux", "reported_aux", "conditional_aux"):
        getattr(cues, key).update(w.lower() for w in _as_list(table.get(key), f"{where}.{key}"))
    for key in ("cooperative", "hostile", "refusal"):
        value = table.get(key)
        if value is not None and not isinstance(value, str):
            raise LexiconError(f"{where}.{key}: expected a relation name")
        if value:
            setattr(cues, key, value)


# --- actors ---------------------------------------------------------------------------

ACTOR_TYPES = ("PERSON", "ORGANIZATION", "COUNTRY", "ARMED_GROUP", "IGO", "MEDIA", "PARTY")


@dataclass(frozen=True)
class KnownActor:
    """An entry of the known-actor lexicon (countries included)."""

    id: str
    name: str
    type: str
    country: str | None = None
    sector: str | None = None
    aliases: tuple[str, ...] = ()


@dataclass(eq=False)
class ActorLexicon:
    """Known actors by alias, plus country words (names, demonyms, capitals) and titles.

    Lookups are case-insensitive, except for aliases listed as case-sensitive (``US``,
    ``IS``) and all-caps aliases of up to three letters, which must match exactly.
    """

    actors: dict[str, KnownActor] = field(default_factory=dict)
    aliases: dict[str, str] = field(default_factory=dict)  # folded alias -> actor id
    exact_aliases: dict[str, str] = field(default_factory=dict)  # exact-case alias -> id
    demonyms: dict[str, str] = field(default_factory=dict)  # folded demonym -> ISO3
    capitals: dict[str, str] = field(default_factory=dict)  # folded capital -> ISO3
    institutions: dict[str, tuple[str, str]] = field(default_factory=dict)  # -> (ISO3, sector)
    ship_prefixes: dict[str, str] = field(default_factory=dict)  # exact "USS" -> ISO3
    titles: dict[str, str] = field(default_factory=dict)  # lowercase title -> sector
    collectives: dict[str, str] = field(default_factory=dict)  # lowercase noun -> sector
    person_words: frozenset[str] = frozenset()
    #: The field's role nouns (``agents.toml``, from the PETRARCH agents dictionary):
    #: lowercase word -> sector, read after the collectives and only with a country word.
    agents: dict[str, str] = field(default_factory=dict)
    abroad_titles: frozenset[str] = frozenset()  # title words of offices that act abroad
    #: Well-known people by name or alias (folded; exact-case for word-like aliases). They
    #: are not ruler patterns: a name is checked against them once NER has found it whole,
    #: so "Abbas" in "Abbas Araghchi" is not Mahmoud Abbas.
    people: dict[str, str] = field(default_factory=dict)
    exact_people: dict[str, str] = field(default_factory=dict)
    #: Places the country entries of a user's PETRARCH dictionary list under a country
    #: (folded name -> ISO3): "DARFUR_" under "SUDAN_ [SDN]".
    places: dict[str, str] = field(default_factory=dict)
    #: Bad records of the extra actor files, skipped on load (``FILE:LINE: what``).
    problems: tuple[InputProblem, ...] = ()
    _words: dict[str, str] | None = field(default=None, repr=False)
    #: memo of ``country_of_misspelling``, which compares a word with every country word.
    #: Like ``_words`` it takes the lexicon as fixed once loaded; bounded (a corpus has no
    #: end of capitalised words).
    _misspelt: dict[str, str | None] = field(default_factory=dict, repr=False)
    _heads: frozenset[str] | None = field(default=None, repr=False)
    _bare: dict[str, str] | None = field(default=None, repr=False)

    def lookup(self, text: str) -> KnownActor | None:
        """The known actor a surface form names, or None.

        >>> lex = load_actor_lexicon()
        >>> lex.lookup("Daesh").id == lex.lookup("ISIS").id
        True
        """
        text = _clean_alias(text)
        if not text:
            return None
        actor_id = self.exact_aliases.get(text) or self.aliases.get(_fold(text)) or \
            self._unmarked_aliases().get(_unmarked(_fold(text)))
        return self.actors.get(actor_id) if actor_id else None

    def _unmarked_aliases(self) -> dict[str, str]:
        """Folded aliases without apostrophes: a transliterated name puts them where each
        writer hears a break ("Daesh", "Da'esh", "Dae'sh" are one group). Only words
        of :data:`UNMARKED_MIN` letters or more."""
        if self._bare is None:
            self._bare = {}
            for alias, actor_id in self.aliases.items():
                if bare := _unmarked(alias):
                    self._bare.setdefault(bare, actor_id)
        return self._bare

    def person(self, text: str) -> KnownActor | None:
        """The well-known person a whole name or a distinctive surname names, or None.

        >>> load_actor_lexicon().person("Putin").country
        'RUS'
        """
        text = _clean_alias(text)
        if not text:
            return None
        actor_id = self.exact_people.get(text) or self.people.get(_fold(text))
        return self.actors.get(actor_id) if actor_id else None

    def country_of_word(self, text: str) -> str | None:
        """ISO3 for a country name, short form or demonym ("Syrian" -> "SYR")."""
        text = _clean_alias(text)
        known = self.lookup(text)
        if known and known.type == "COUNTRY":
            return known.country
        return self.demonyms.get(text) or self.demonyms.get(_fold(text))

    def country_of_misspelling(self, text: str) -> str | None:
        """ISO3 of the one country whose name or demonym the word misspells by one letter
        (dropped, added, changed or swapped), as wire copy does: "Afganistan", "Quatar",
        "Ethopia". Words under six letters and changes to the first letter are never
        read as misspellings: "Iran" and "Iraq", "Niger" and "Nigeria" differ by one.

        >>> load_actor_lexicon().country_of_misspelling("Afganistan")
        'AFG'
        >>> load_actor_lexicon().country_of_misspelling("Austria") is None  # a real name
        True
        """
        if text not in self._misspelt:
            if len(self._misspelt) >= MEMO_SIZE:
                self._misspelt.clear()
            self._misspelt[text] = self._misspelling(text)
        return self._misspelt[text]

    def _misspelling(self, text: str) -> str | None:
        word = _fold(_clean_alias(text))
        if len(word) < MISSPELLING_MIN or not word.isalpha() or self.country_of_word(text):
            return None
        found = {iso for name, iso in self._country_words().items()
                 if name[0] == word[0] and abs(len(name) - len(word)) <= 1
                 and _one_edit(word, name)}
        return found.pop() if len(found) == 1 else None

    def _country_words(self) -> dict[str, str]:
        """Folded one-word country names and demonyms -> ISO3."""
        if self._words is None:
            words = {w: iso for w, iso in self.demonyms.items() if w.isalpha()}
            for alias, actor_id in [*self.aliases.items(), *self.exact_aliases.items()]:
                known = self.actors.get(actor_id)
                if known and known.type == "COUNTRY" and known.country and alias.isalpha():
                    words[_fold(alias)] = known.country
            self._words = {w: iso for w, iso in words.items() if len(w) >= MISSPELLING_MIN - 1}
        return self._words

    def sector_heads(self) -> frozenset[str]:
        """Every word that can end a collective or an unnamed person's noun: a listed
        collective, the last word of a listed phrase ("opposition groups"), a person word.
        A token outside it names no sector, which spares the many other tokens of a text
        every other test."""
        if self._heads is None:
            self._heads = frozenset(
                {*self.collectives, *(k.rsplit(" ", 1)[-1] for k in self.collectives),
                 *self.person_words, *(k.rsplit(" ", 1)[-1] for k in self.agents)})
        return self._heads

    def country(self, iso3: str) -> KnownActor | None:
        return self.actors.get(country_id(iso3))

    def all_patterns(self) -> list[tuple[str, str, bool]]:
        """(alias, actor id, case-sensitive) for every alias: the actor ruler's input."""
        out = [(a, i, True) for a, i in self.exact_aliases.items()]
        named = set(self.aliases.values())
        for actor in self.actors.values():
            if actor.id not in named:
                continue  # a person of people.toml, looked up after NER (see ``person``)
            for alias in actor.aliases:
                if _clean_alias(alias) not in self.exact_aliases:
                    # Raw form: "the States" must not become a pattern for any "states".
                    out.append((alias, actor.id, False))
        return out


def country_id(iso3: str) -> str:
    return f"country:{iso3}"


#: Entries of a lexicon's memo before it starts afresh.
MEMO_SIZE = 200_000
# Shortest word read as a misspelt country name: shorter names sit one letter apart.
MISSPELLING_MIN = 6


def _one_edit(a: str, b: str) -> bool:
    """True when ``a`` and ``b`` differ by exactly one dropped, added, changed or swapped
    letter."""
    if a == b:
        return False
    if len(a) > len(b):
        a, b = b, a
    i = 0
    while i < len(a) and a[i] == b[i]:
        i += 1
    if len(a) == len(b):
        return a[i + 1:] == b[i + 1:] or (
            i + 1 < len(a) and a[i] == b[i + 1] and a[i + 1] == b[i] and a[i + 2:] == b[i + 2:]
        )
    return a[i:] == b[i + 1:]


#: The shortest alias looked up without its apostrophes.
UNMARKED_MIN = 5


def _unmarked(folded: str) -> str:
    """A folded alias without apostrophes, or "" for a short one (see
    ``ActorLexicon._unmarked_aliases``)."""
    bare = folded.replace("'", "")
    return bare if len(bare) >= UNMARKED_MIN else ""


# _fold and _clean_alias are pure functions of a string, run on every name and word the
# actor steps look up (often the same ones); bounded caches, as a corpus has no end of
# new words.
@lru_cache(maxsize=200_000)
def _fold(text: str) -> str:
    text = text.replace("’", "'").replace("‘", "'")
    return re.sub(r"\s+", " ", text).strip().lower()


@lru_cache(maxsize=200_000)
def _clean_alias(text: str) -> str:
    text = text.strip().strip(".,;:\"“”")
    text = re.sub(r"^(?i:the)\s+", "", text)
    text = re.sub(r"['’]s?$", "", text)
    return text.strip()


def _is_exact_case(alias: str) -> bool:
    # Short all-caps acronyms ("IS", "US", "UN") collide with English words in lower case.
    bare = alias.replace(".", "")
    return bare.isupper() and len(bare) <= 3


def load_actor_lexicon(
    extra_actors: Iterable[str | Path] = (),
    lexicon_dir: str | Path | None = None,
    on_problem: Callable[[InputProblem], None] | None = None,
) -> ActorLexicon:
    """Load countries, known actors and titles; ``extra_actors`` adds actor files.

    An extra file is an ``actors.toml``-shaped TOML file or a PETRARCH/TABARI
    ``.actors.txt`` dictionary. Its bad records are skipped and kept in
    :attr:`ActorLexicon.problems`, one ``FILE:LINE: what is wrong`` each, and passed to
    ``on_problem``; a file that cannot be read or yields no actor raises
    :class:`LexiconError`, as does any bad record of the built-in files.
    """
    lex = _load_actor_lexicon(
        tuple(str(p) for p in extra_actors), str(lexicon_dir or LEXICON_DIR)
    )
    if on_problem is not None:
        for problem in lex.problems:
            on_problem(problem)
    return lex


#: Fields of an ``[[actor]]`` table (see the header of ``actors.toml``).
ACTOR_FIELDS = ("id", "name", "type", "country", "sector", "aliases", "case_sensitive",
                "ambiguous", "note")
_ACTOR_ID = re.compile(r"^[a-z_]+:\S+$")
_ISO3 = re.compile(r"^[A-Z]{3}$")
_SECTOR = re.compile(r"^[A-Z]{3}$")


def _what(value: object) -> str:
    """``integer 3``, ``array [1, 2]``: a TOML value named for a message."""
    kinds = {bool: "boolean", int: "integer", float: "float", str: "string", list: "array",
             dict: "table"}
    shown = repr(value)
    shown = shown if len(shown) <= 40 else shown[:37] + "..."
    return f"{kinds.get(type(value), type(value).__name__)} {shown}"


def _entry_problem(entry: object, table: str, fields: tuple[str, ...],
                   required: tuple[str, ...], strings: tuple[str, ...],
                   lists: tuple[str, ...]) -> str | None:
    """What is wrong with the fields of one ``[[table]]`` entry, or None."""
    if not isinstance(entry, dict):
        return f"must be {'an' if table[0] in 'aeiou' else 'a'} [[{table}]] table, not " \
            f"{_what(entry)}"
    for key in entry:
        if key not in fields:
            hint = get_close_matches(key, fields, n=1)
            return (f"unknown field {key!r}"
                    + (f" (did you mean {hint[0]!r}?)" if hint else
                       f" (fields: {', '.join(fields)})"))
    for key in required:
        if key not in entry:
            return f"missing field {key!r}"
    for key in strings:
        value = entry.get(key)
        if key in entry and not isinstance(value, str):
            return f"{key} must be a string, not {_what(value)}"
        if key in required and not value.strip():
            return f"{key} must not be empty"
    for key in lists:
        value = entry.get(key, [])
        if not isinstance(value, list):
            return f"{key} must be an array of strings, not {_what(value)}"
        for i, item in enumerate(value):
            if not isinstance(item, str):
                return f"{key}[{i}] must be a string, not {_what(item)}"
    if entry.get("country") and not _ISO3.match(entry["country"]):
        return (f"country {entry['country']!r} must be an ISO 3166 alpha-3 code "
                "such as 'USA'")
    if entry.get("sector") and not _SECTOR.match(entry["sector"]):
        return f"sector {entry['sector']!r} must be a three-letter code such as 'GOV'"
    return None


def _actor_entry_problem(entry: object) -> str | None:
    """What is wrong with one ``[[actor]]`` table, or None."""
    why = _entry_problem(entry, "actor", ACTOR_FIELDS, ("id", "name", "type"),
                         ("id", "name", "type", "country", "sector", "note"),
                         ("aliases", "case_sensitive", "ambiguous"))
    if why or not isinstance(entry, dict):
        return why
    if not _ACTOR_ID.match(entry["id"]):
        return f"id {entry['id']!r} must look like 'kind:name', e.g. 'org:acme'"
    if entry["type"] not in ACTOR_TYPES:
        return f"unknown type {entry['type']!r} (one of {', '.join(ACTOR_TYPES)})"
    return None


PERSON_FIELDS = ("name", "aliases", "country", "sector", "group", "case_sensitive", "note")


def _person_entry_problem(entry: object) -> str | None:
    """What is wrong with one ``[[person]]`` table, or None."""
    return _entry_problem(entry, "person", PERSON_FIELDS, ("name",),
                          ("name", "country", "sector", "group", "note"),
                          ("aliases", "case_sensitive"))


def _read_toml_people(
    data: dict, path: Path, report: Callable[[InputProblem], None]
) -> Iterator[tuple[KnownActor, list[str]]]:
    """The valid ``[[person]]`` entries of a TOML file: (person, case-sensitive aliases)."""
    from actorgraph.extract.actors import person_key, slug

    entries = data.get("person", [])
    named: dict[str, str] = {}  # id -> the name that took it
    if not isinstance(entries, list):
        report(InputProblem(str(path), "'person' must be an array of [[person]] tables",
                            _key_lines(path, "person")[1]))
        return
    headers = _key_lines(path, "person")[0] if entries else []
    lines = headers if len(headers) == len(entries) else [None] * len(entries)
    for i, (entry, line) in enumerate(zip(entries, lines, strict=True), 1):
        why = _person_entry_problem(entry)
        if why:
            name = entry.get("name") if isinstance(entry, dict) else None
            where = f"person #{i}" + (f" ({name!r})" if isinstance(name, str) else "")
            report(InputProblem(str(path), f"{where}: {why}; skipped", line))
            continue
        # Two people of one file whose names differ only by middle names ("George H. W.
        # Bush", "George W. Bush") are told apart by their whole names.
        key = person_key(entry["name"])
        if named.setdefault(key, entry["name"]) != entry["name"]:
            key = slug(entry["name"])
        yield (
            KnownActor(
                id=f"person:{key}",
                name=entry["name"],
                type="PERSON",
                country=entry.get("country") or None,
                sector=entry.get("sector") or None,
                aliases=tuple(dict.fromkeys([entry["name"], *entry.get("aliases", [])])),
            ),
            entry.get("case_sensitive", []),
        )


def _key_lines(path: Path, key: str) -> tuple[list[int], int | None]:
    """Line numbers of the ``[[key]]`` headers of a TOML file, and of the first line that
    defines ``key`` at all (for messages; best effort)."""
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeError):
        return [], None
    k = re.escape(key)
    headers, first = [], None
    for n, line in enumerate(text.splitlines(), 1):
        if re.match(rf"\s*\[\[\s*(?:{k}|\"{k}\")\s*\]\]", line):
            headers.append(n)
        if first is None and re.match(rf"\s*(?:\[\[?\s*(?:{k}|\"{k}\")\s*[\].]|{k}\s*=)",
                                      line):
            first = n
    return headers, first


def _read_toml_actors(
    path: Path, report: Callable[[InputProblem], None]
) -> Iterator[tuple[KnownActor, list[str]]]:
    """The valid ``[[actor]]`` entries of a TOML actor file: (actor, case-sensitive
    aliases). Each bad entry and unknown top-level key goes to ``report``."""
    data = _read_toml(path)
    label = str(path)
    for key in data:
        if key not in {"actor", "person"}:
            hint = " (did you mean [[actor]]?)" if get_close_matches(key, ["actor"]) else ""
            report(InputProblem(label, f"unknown top-level key {key!r}{hint}; ignored",
                                _key_lines(path, key)[1]))
    entries = data.get("actor", [])
    if not isinstance(entries, list):
        report(InputProblem(label, f"'actor' must be an array of [[actor]] tables, not "
                                   f"{_what(entries)}", _key_lines(path, "actor")[1]))
        return
    headers = _key_lines(path, "actor")[0] if entries else []
    lines = headers if len(headers) == len(entries) else [None] * len(entries)
    seen: dict[str, int] = {}
    for i, (entry, line) in enumerate(zip(entries, lines, strict=True), 1):
        actor_id = entry.get("id") if isinstance(entry, dict) else None
        where = f"actor #{i}" + (f" (id {actor_id!r})" if isinstance(actor_id, str) else "")
        why = _actor_entry_problem(entry)
        if why is None and actor_id in seen:
            why = f"duplicate id, first used by actor #{seen[actor_id]}"
        if why:
            report(InputProblem(label, f"{where}: {why}; skipped", line))
            continue
        seen[actor_id] = i
        aliases = [entry["name"], *entry.get("aliases", [])]
        yield (
            KnownActor(
                id=actor_id,
                name=entry["name"],
                type=entry["type"],
                country=entry.get("country") or None,
                sector=entry.get("sector") or None,
                aliases=tuple(dict.fromkeys(aliases)),
            ),
            entry.get("case_sensitive", []),
        )


@lru_cache(maxsize=8)
def _load_actor_lexicon(extra: tuple[str, ...], lexicon_dir: str) -> ActorLexicon:
    base = Path(lexicon_dir)
    lex = ActorLexicon()
    _add_countries(lex, base)
    _add_builtin_actors(lex, base)
    problems: list[InputProblem] = []
    for path in map(Path, extra):
        problems.extend(_add_actor_file(lex, path))
    lex.problems = tuple(problems)
    _add_titles(lex, base)
    from actorgraph.extract.agents import load_agents  # (it reads this module's paths)

    lex.agents = load_agents(base / "agents.toml")
    return lex


def _add_actor(lex: ActorLexicon, actor: KnownActor, case_sensitive: Iterable[str] = ()) -> None:
    """Add a known actor and its aliases; an alias an earlier actor holds stays its."""
    lex.actors[actor.id] = actor
    exact = set(case_sensitive)
    for alias in actor.aliases:
        alias = _clean_alias(alias)
        if not alias:
            continue
        if alias in exact or _is_exact_case(alias):
            lex.exact_aliases.setdefault(alias, actor.id)
        else:
            lex.aliases.setdefault(_fold(alias), actor.id)


def _add_person(lex: ActorLexicon, person: KnownActor, case_sensitive: Iterable[str] = ()
                ) -> None:
    """Add a well-known person and their aliases."""
    # The first file to name a person keeps them; a later one may add aliases.
    known = lex.actors.setdefault(person.id, person)
    exact = set(case_sensitive)
    for alias in person.aliases:
        alias = _clean_alias(alias)
        if alias in exact:
            lex.exact_people.setdefault(alias, known.id)
        elif alias:
            lex.people.setdefault(_fold(alias), known.id)


def _add_countries(lex: ActorLexicon, base: Path) -> None:
    """Add the countries of ``countries.toml``, with their names, demonyms, capitals and
    institutions."""
    path = base / "countries.toml"
    countries = _read_toml(path) if path.exists() else {}
    # A name the file gives one country is not another's through pycountry ("Congo" is the
    # DR Congo in wire copy, while pycountry's short name for COG is "Congo").
    claimed = {_fold(n): iso3 for iso3, entry in countries.items()
               for n in entry.get("names") or () if isinstance(n, str)}
    for iso3, entry in countries.items():
        where = f"{path}: {iso3}"
        names, name = _country_names(iso3, entry, claimed, where)
        _add_actor(
            lex,
            KnownActor(
                id=country_id(iso3),
                name=name,
                type="COUNTRY",
                country=iso3,
                aliases=tuple(dict.fromkeys(names)),
            ),
            case_sensitive=_as_list(entry.get("case_sensitive"), f"{where}.case_sensitive"),
        )
        _add_country_words(lex, iso3, entry, where)


def _country_names(iso3: str, entry: dict, claimed: dict[str, str], where: str
                   ) -> tuple[list[str], str]:
    """A country's names (the file's, then pycountry's it does not give another country)
    and its display name, which is among them."""
    # Imported here: pycountry's tables cost start-up time only a lexicon load needs.
    import pycountry

    pyc = pycountry.countries.get(alpha_3=iso3)
    names = _as_list(entry.get("names"), f"{where}.names")
    if pyc is not None:
        names += [n for n in (pyc.name, getattr(pyc, "common_name", pyc.name))
                  if claimed.get(_fold(n), iso3) == iso3]
    name = entry.get("name") or (getattr(pyc, "common_name", None) or pyc.name if pyc else iso3)
    names.append(name)
    return names, name


def _add_country_words(lex: ActorLexicon, iso3: str, entry: dict, where: str) -> None:
    """Add the demonyms, capitals and institutions that name a country."""
    exact = set(_as_list(entry.get("case_sensitive"), f"{where}.case_sensitive"))
    for dem in _as_list(entry.get("demonyms"), f"{where}.demonyms"):
        # "Poles" names Poland, "poles" does not: exact-case forms keep their case.
        lex.demonyms.setdefault(dem if dem in exact else _fold(dem), iso3)
    for cap in _as_list(entry.get("capitals"), f"{where}.capitals"):
        lex.capitals.setdefault(_fold(cap), iso3)
    for inst, sector in (entry.get("institutions") or {}).items():
        lex.institutions.setdefault(_fold(inst), (iso3, sector))
    for prefix in _as_list(entry.get("ship_prefixes"), f"{where}.ship_prefixes"):
        lex.ship_prefixes.setdefault(prefix, iso3)


def _strict(problem: InputProblem) -> None:
    """A bad record of a built-in file is a bug in the package: stop on it."""
    raise LexiconError(str(problem))


def _add_builtin_actors(lex: ActorLexicon, base: Path) -> None:
    """Add the known actors of ``actors.toml`` and the people of ``people.toml``."""
    builtin = base / "actors.toml"
    if builtin.exists():
        for known, case_sensitive in _read_toml_actors(builtin, _strict):
            _add_actor(lex, known, case_sensitive)
    people = base / "people.toml"
    if people.exists():
        for person, case_sensitive in _read_toml_people(_read_toml(people), people, _strict):
            _add_person(lex, person, case_sensitive)


def _add_actor_file(lex: ActorLexicon, path: Path) -> list[InputProblem]:
    """Add the actors of a user's file and return its bad records, which are skipped; a
    TOML file with no actor raises :class:`LexiconError`."""
    found: list[InputProblem] = []
    if path.suffix == ".txt":
        # Imported here: the dictionaries module imports this one.
        from actorgraph.extract.dictionaries import read_petrarch_actors

        for known in read_petrarch_actors(path, on_problem=found.append, places=lex.places):
            # The built-in lexicon wins for an alias both define.
            _add_actor(lex, known)
        return found
    if not path.exists():
        raise LexiconError(f"{path}: actor file not found")
    loaded = 0
    for known, case_sensitive in _read_toml_actors(path, found.append):
        _add_actor(lex, known, case_sensitive)
        loaded += 1
    for person, case_sensitive in _read_toml_people(_read_toml(path), path, found.append):
        _add_person(lex, person, case_sensitive)
        loaded += 1
    if not loaded:
        raise _no_actors_loaded(path, found)
    return found


def _no_actors_loaded(path: Path, found: list[InputProblem]) -> LexiconError:
    """The error for an actor file that yields no actor, naming its first bad record."""
    bad = [p for p in found if p.message.startswith("actor #")]
    detail = (f"all {len(bad)} [[actor]] entries are bad" if bad
              else "the file has no [[actor]] tables")
    if found:
        first = found[0]
        at = f", line {first.line}" if first.line else ""
        why = first.message.removesuffix("; skipped").removesuffix("; ignored")
        detail += f" (first{at}: {why})"
    return LexiconError(f"{path}: no actors loaded: {detail}")


def _add_titles(lex: ActorLexicon, base: Path) -> None:
    """Add the titles, collective nouns, person words and abroad titles of ``titles.toml``."""
    titles_path = base / "titles.toml"
    if titles_path.exists():
        data = _read_toml(titles_path)
        lex.titles = {k.lower(): v for k, v in (data.get("titles") or {}).items()}
        lex.collectives = {k.lower(): v for k, v in (data.get("collectives") or {}).items()}
        lex.person_words = frozenset(
            w.lower() for w in _as_list((data.get("person_words") or {}).get("words"), "")
        )
        lex.abroad_titles = frozenset(
            w.lower() for w in _as_list((data.get("abroad_titles") or {}).get("words"), "")
        )
