"""Actors: find actor mentions in a spaCy Doc and resolve them to canonical actors.

Sources, in order of trust: the known-actor ruler (lexicon), spaCy NER, collective noun
phrases ("the Iraqi military" -> Iraq/MIL), then pronouns and nominals resolved to a
nearby compatible actor. Within a document one actor is one :class:`Actor`:
"Secretary of State John Kerry", "John Kerry" and "Kerry" share it, titles become ``role``
and a country word before the title ("Russian Deputy Foreign Minister ...") sets ``country``.

>>> from actorgraph.extract.nlp import load_pipeline  # doctest: +SKIP
>>> doc = load_pipeline()("Syrian President Bashar Assad met Kerry.")  # doctest: +SKIP
>>> [(m.text, m.actor.id, m.actor.country) for m in find_actors(doc).mentions]  # doctest: +SKIP
[('Bashar Assad', 'person:bashar_assad', 'SYR'), ('Kerry', 'person:kerry', None)]
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from functools import lru_cache

from spacy.tokens import Doc, Span, Token

from actorgraph.extract.lexicon import ActorLexicon, KnownActor, country_id, load_actor_lexicon
from actorgraph.extract.places import Gazetteer, fold
from actorgraph.extract.quotes import Quotation, quotation_at, quotations
from actorgraph.extract.triples import ActorRef
from actorgraph.extract.wordlists import word_set

ENTITY_LABELS = {"PERSON", "ORG", "GPE", "NORP", "FAC", "LOC"}
SECTOR_NAMES = {
    "GOV": "government",
    "MIL": "military",
    "SPY": "intelligence",
    "COP": "police",
    "LEG": "legislature",
    "JUD": "judiciary",
    "REB": "rebels",
    "OPP": "opposition",
    "CVL": "civilians",
    "MED": "media",
    "BUS": "business",
    "ELI": "elites",
    "ETH": "ethnic group",
    "UAF": "unidentified attackers",
    "IGO": "international organisation",
    "NGO": "NGO",
}
MEDIA_WORDS = word_set("media_words")
CONDITIONS = word_set("conditions")
#: Verbs of warning: the condition of a warning speaks of the one warned.
WARNING_VERBS = word_set("warning_verbs")
HUMAN_VERBS = word_set("human_verbs")
PRONOUNS = {
    "he": "PERSON", "him": "PERSON", "his": "PERSON", "she": "PERSON", "her": "PERSON",
    "it": "THING", "its": "THING", "they": "GROUP", "them": "GROUP", "their": "GROUP",
}
NAME_PARTICLES = word_set("name_particles")
GONE_STATE_WORDS = word_set("gone_state_words")
GONE_STATE_MARKERS = word_set("gone_state_markers")
#: "II", "XIV": the numeral that ends a monarch's or pope's name.
REGNAL_NUMERAL = re.compile(r"^(?=[IVX])X{0,3}(?:IX|IV|V?I{0,3})$")
LOCATION = "LOCATION"
# Entity labels under which an unknown word may be a misspelt country name; a PERSON is a
# name in its own right ("Frances", "Germain").
MISSPELT_LABELS = {"GPE", "NORP", "ORG", "LOC"}
LOCATIVE_WORDS = word_set("locative_words")
GROUND_VERBS = word_set("ground_verbs")
LEAVING_VERBS = word_set("leaving_verbs")
#: Words that make a number an amount ("2.4 billion").
AMOUNT_SCALES = frozenset({"hundred", "thousand", "million", "billion", "trillion"})
PLACE_NOUNS = word_set("place_nouns")
# Head nouns of definite descriptions of a named body (word lists, by the actor type they
# may refer to without sharing the word: "the alliance" after NATO, "the group" after ISIS)
BODY_REFERENCES = word_set("body_references")
TYPED_REFERENCES = {"IGO": word_set("igo_references"),
                    "ARMED_GROUP": word_set("armed_group_references"),
                    "ORGANIZATION": word_set("organization_references")}


def nominal_types(head: str) -> set[str] | None:
    """The actor types a definite "the <head>" may refer back to without sharing the word
    (an empty set: only a body whose name has the word); None: no reference at all."""
    types = {t for t, words in TYPED_REFERENCES.items() if head in words}
    return types if types or head in BODY_REFERENCES else None


# Sectors of collectives that take their country from the sentence when none is named
# ("police opened fire to disperse demonstrators", "the government said").
CONTEXT_SECTORS = {"COP", "REB", "OPP", "CVL", "GOV", "MIL"}
# Collectives that belong where they act: police and demonstrators in Monrovia are
# Liberian, while negotiators or soldiers in Geneva or Kirkuk may have come from abroad.
LOCAL_SECTORS = {"COP", "OPP", "CVL", "REB"}
# Doers that no one names are of where they act: gunmen, police and demonstrators
# (civilians may be settlers, tourists or migrants).
PLACE_DOER_SECTORS = LOCAL_SECTORS - {"CVL"}
# Offices of a state: their holders serve the country a one-country document is about (an
# archbishop or a journalist may be a foreigner speaking about it).
STATE_SECTORS = {"GOV", "MIL", "COP", "JUD", "LEG", "SPY"}
# Plural nouns that, counted ("the two leaders", "both sides"), refer back to that many
# actors of a kind.
PLURAL_REFERENCES = {
    "leaders": "PERSON", "presidents": "PERSON", "ministers": "PERSON", "men": "PERSON",
    "countries": "COUNTRY", "nations": "COUNTRY", "neighbors": "COUNTRY",
    "governments": "COUNTRY",
    "neighbours": "COUNTRY", "states": "COUNTRY",
    "sides": "ANY", "parties": "ANY", "rivals": "ANY", "allies": "ANY", "groups": "ANY",
    "units": "ANY", "factions": "ANY", "militias": "ANY", "movements": "ANY",
    "organisations": "ANY", "organizations": "ANY", "brigades": "ANY", "armies": "ANY"}
GROUP_COUNTS = {"two": 2, "both": 2, "three": 3, "four": 4}
COUNTRY_NOUNS = word_set("country_nouns")
UNNAMED_BODIES = word_set("unnamed_bodies")
ORGAN_WORDS = word_set("organ_words")
KIND_ADJECTIVES = word_set("kind_adjectives")
ORGAN_THINGS = word_set("organ_things")
TERRITORY_ACTS = word_set("territory_acts")
#: Prepositions of the reason one is praised, blamed or punished for ("over its support").
REASON_PREPS = word_set("reason_preps")
REGION_NOUNS = word_set("region_nouns")
DOCUMENT_NOUNS = word_set("document_nouns")
LANGUAGE_NOUNS = word_set("language_nouns")
WHERE_PREPS = word_set("where_preps")
LEADING_SUFFIXES = word_set("leading_suffixes")
REFERRING_DETERMINERS = frozenset({"the", "these", "those"})
VICTIM_NOUNS = word_set("victim_nouns")
ABROAD_NOUNS = word_set("abroad_nouns")
SENDING_VERBS = word_set("sending_verbs")
WATER_NAMES = word_set("water_names")
VESSEL_NOUNS = word_set("vessel_nouns")
NOT_AGENTS = word_set("not_agents")
#: Prepositions of where a collective is sent (see _sent_somewhere).
DESTINATION_PREPS = word_set("motion_preps")
MEMBER_NOUNS = word_set("member_nouns")
BELONGING_LINKS = word_set("belonging_links")
NAMING_LINKS = word_set("naming_links")
KIN_GROUP_NOUNS = word_set("kin_group_nouns")
FACTION_NAME_WORDS = word_set("faction_name_words")
PARTY_NAME_WORDS = word_set("party_name_words")
BODY_WORDS = word_set("org_words")
HARMING_VERBS = word_set("harming_verbs")
UNCLAIMED_ATTACK_NOUNS = word_set("unclaimed_attack_nouns")
VISIT_NOUNS = word_set("visit_nouns")
HYPHEN_SUFFIXES = word_set("hyphen_suffixes")
SIDE_PREFIXES = word_set("side_prefixes")
VENUE_VERBS = word_set("venue_verbs")
BACKING_SUFFIXES = word_set("backing_suffixes")


@dataclass
class Actor:
    """A canonical actor of one document; mentions of it share this object."""

    id: str
    name: str
    type: str
    country: str | None = None
    sector: str | None = None
    role: str | None = None
    source: str = "ner"  # lexicon | ner | collective: how it was recognised
    aliases: set[str] = field(default_factory=set)

    @property
    def is_actor(self) -> bool:
        return self.type != LOCATION

    def ref(self, text: str) -> ActorRef:
        """This actor as a record names it, by ``text``."""
        return ActorRef(id=self.id, name=self.name, text=text, type=self.type,
                        country=self.country, sector=self.sector, role=self.role)


@dataclass
class ActorMention:
    """A span of the Doc that names (or refers to) an actor."""

    start: int  # token offsets in the Doc
    end: int
    text: str
    actor: Actor
    source: str  # lexicon | ner | collective | pronoun | nominal | modifier

    def ref(self) -> ActorRef:
        return self.actor.ref(self.text)


@dataclass
class ActorIndex:
    """All actor mentions of a Doc, with a token -> mention lookup."""

    mentions: list[ActorMention]
    by_token: dict[int, ActorMention]
    # One token naming several actors: "U.S.-Russia", "the Russian and American militaries".
    groups: dict[int, list[ActorMention]] = field(default_factory=dict)
    #: Quotations introduced by a named speaker ("X said:"), in order.
    quotations: list[Quotation] = field(default_factory=list)
    #: Last tokens of mentions that name one unnamed person by role ("the Iranian foreign
    #: minister"): "he" and "she" may refer to them.
    officials: frozenset[int] = frozenset()
    #: The Doc's tokens, made once by the finder: a sentence's share is a slice of them,
    #: where iterating the sentence would build every Token object again.
    tokens: list[Token] = field(default_factory=list, repr=False)
    #: The government of each country a non-state group or a state official of the
    #: document belongs to: whom the group's protest that names no target is against
    #: ("Egyptian demonstrators rioted"), whom the official's "we" speaks for.
    states: dict[str, Actor] = field(default_factory=dict)

    def at(self, token: Token) -> ActorMention | None:
        return self.by_token.get(token.i)

    def all_at(self, token: Token) -> list[ActorMention]:
        if token.i in self.groups:
            return self.groups[token.i]
        m = self.by_token.get(token.i)
        return [m] if m else []


# Pure functions of a string, called for the same few thousand names over and over: the
# caches are bounded so that a corpus of endless new names cannot grow them without end.
@lru_cache(maxsize=200_000)
def slug(text: str) -> str:
    text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "_", text.lower()).strip("_") or "x"


@lru_cache(maxsize=200_000)
def person_key(name: str) -> str:
    """Name used for the id: given name and surname without particles ("al-Assad")."""
    words = [w for w in re.split(r"[\s]+", name) if w]
    cleaned = []
    for w in words:
        parts = [p for p in re.split(r"[-']", w) if p.lower() not in NAME_PARTICLES]
        if parts:
            cleaned.append("".join(parts))
    if len(cleaned) > 2:
        # A regnal name is told apart by the name before its numeral, not by a title:
        # "King Abdullah II" and "King Albert II" are two kings.
        cleaned = cleaned[-2:] if REGNAL_NUMERAL.match(cleaned[-1]) else [cleaned[0], cleaned[-1]]
    return slug(" ".join(cleaned) or name)


def surname(name: str) -> str:
    # (a monarch's "surname" is the numeral, which no text names alone: a lone "Paul" is
    # not taken for Pope John Paul II)
    return person_key(name).split("_")[-1]


def family_name_first(name: str) -> str | None:
    """The family name of a name written family name first, as Korean names with a
    hyphenated given name are ("Lee Jae-myung" -> "lee"); None for other names."""
    words = name.split()
    if len(words) == 2 and "-" in words[1] and words[0][:1].isupper():
        return slug(words[0])
    return None


def _ents_within(ents: tuple[Span, ...], start: int, end: int) -> list[Span]:
    """The entities of ``ents`` (a document's, in order) that lie within tokens
    ``start:end``: what ``Span.ents`` gives, without building every entity again."""
    out = []
    for e in ents:
        if e.start >= start:
            if e.end > end:
                break  # as spaCy's Span.ents stops
            out.append(e)
    return out


def _known_to_actor(k: KnownActor) -> Actor:
    return Actor(id=k.id, name=k.name, type=k.type, country=k.country, sector=k.sector,
                 source="lexicon")


class _Resolver:
    def __init__(self, doc: Doc, lexicon: ActorLexicon, places: Gazetteer):
        self.doc = doc
        self.lex = lexicon
        self.places = places
        self.actors: dict[str, Actor] = {}
        self.persons: list[Actor] = []
        # doc.ents builds a new Span for every entity on each access; the entities are
        # fixed once the pipeline has run (extraction never sets them), so one tuple per
        # document serves every lookup.
        self.ents: tuple[Span, ...] = tuple(doc.ents)
        # Surnames of the people NER names in full anywhere in the document: a lone
        # "Assad" tagged ORG before "Bashar al-Assad" is named is still that person.
        self.surnames = {surname(e.text) for e in self.ents
                         if e.label_ == "PERSON" and len(person_key(e.text).split("_")) > 1}
        self.surnames |= {family for e in self.ents if e.label_ == "PERSON"
                          and (family := family_name_first(e.text))}

    def place(self, span: Span, country: str | None = None) -> Actor:
        """A town or region, in ``country`` if given, else in the country the gazetteer
        puts it. "Bam, Iran" and "Tripoli, the north Lebanese port" say the country
        outright; else, among towns of the same name, one in a country its sentence names
        ("Homs ... the Libyan capital") wins."""
        text = span.text
        doc = span.doc
        country = country or _appositive_place_country(span, self.lex) or \
            _organs_country(span, self.lex)  # ("Iraqi Kurdistan": a place in Iraq)
        if country is None and span.end + 1 < len(doc) and doc[span.end].text == ",":
            after = next((e for e in self.ents if e.start == span.end + 1), None)
            # (not an owner: "off its east coast, South Korea's military said")
            if after is not None and not (after.end < len(doc)
                                          and doc[after.end].tag_ == "POS"):
                country = _country_of_text(after.text, self.lex)
        if country is None:
            sent = span.sent
            named = {iso for e in _ents_within(self.ents, sent.start, sent.end)
                     if e.start != span.start
                     and (iso := _country_of_text(e.text, self.lex))}
            # "Borno state", "Idlib province": a region, not a town of that name; NER
            # may take the region noun into the name ("Khost province")
            region = span.end < len(doc) and doc[span.end].lemma_.lower() in REGION_NOUNS
            name = text
            if len(span) > 1 and span[-1].lemma_.lower() in REGION_NOUNS:
                region, name = True, span[:-1].text
            # (a region's name alone only as a named political place: ISO 3166-2 also has
            # "East", "Gulf" and "Red Sea" as regions of one country)
            country = (region and self.places.region(name, prefer=named)) or \
                self.places.country(text, prefer=named) or (
                    span.root.ent_type_ == "GPE" and self.places.region(text, named) or None
                ) or self.lex.places.get(fold(text)) or self.places.listed_country(text)
        return self.actor(Actor(id=f"place:{slug(text)}", name=text, type=LOCATION,
                                country=country))

    def actor(self, proto: Actor) -> Actor:
        existing = self.actors.get(proto.id)
        if existing is None:
            self.actors[proto.id] = proto
            if proto.type == "PERSON":
                self.persons.append(proto)
            return proto
        for attr in ("country", "sector", "role"):
            if getattr(existing, attr) is None and getattr(proto, attr) is not None:
                setattr(existing, attr, getattr(proto, attr))
        return existing

    def country_actor(self, iso3: str, sector: str | None = None) -> Actor:
        known = self.lex.country(iso3)
        cname = known.name if known else iso3
        if sector:
            return self.actor(Actor(id=f"{country_id(iso3)}:{sector}",
                                    name=f"{cname} {SECTOR_NAMES.get(sector, sector.lower())}",
                                    type="COUNTRY", country=iso3, sector=sector,
                                    source="collective"))
        return self.actor(Actor(id=country_id(iso3), name=cname, type="COUNTRY", country=iso3,
                                source="lexicon"))

    def ethnic_group(self, m: ActorMention, ethnicity: str, residence: str | None) -> Actor:
        """The ethnic group a mention names ("ethnic Albanians"), of the country it lives
        in; a collective noun keeps its sector ("ethnic Albanian guerrillas": REB)."""
        where = self.lex.country(residence) if residence else None
        name = f"ethnic {m.text}" if not m.text.lower().startswith("ethnic") else m.text
        name = f"{name} ({where.name if where else residence})" if residence else name
        # A collective noun keeps its sector ("guerrillas"); a people is an ethnic group.
        sector = m.actor.sector if m.source == "collective" and m.actor.sector else "ETH"
        return self.actor(Actor(id=f"group:{slug(name)}", name=name, type="ORGANIZATION",
                                country=residence, sector=sector,
                                source=m.actor.source))

    def person(self, name: str) -> Actor:
        """A person by name; a lone surname joins a full name already seen in the doc, else
        the well-known person it names ("Putin"), as does a full name ("Vladimir Putin")."""
        key = person_key(name)
        if "_" not in key:
            for p in reversed(self.persons):
                if key in {surname(p.name), family_name_first(p.name)}:
                    return p
        known = self.lex.person(name)
        if known is not None:
            return self.actor(_known_to_actor(known))
        if "_" in key:
            # An earlier surname-only actor is the same person named in full now.
            sur = key.split("_")[-1]
            for p in self.persons:
                if p.id == f"person:{sur}":
                    p.id, p.name = f"person:{key}", name
                    self.actors[p.id] = p
                    return p
        return self.actor(Actor(id=f"person:{key}", name=name, type="PERSON"))


def _strip_possessive(span: Span) -> Span:
    doc, start, end = span.doc, span.start, span.end
    while end > start and ((last := doc[end - 1]).tag_ == "POS"
                           or last.text in {"'s", "’s", "'", "’"}):
        end -= 1
    while start < end and doc[start].lower_ in {"the", "a", "an"}:
        start += 1
    return span if (start, end) == (span.start, span.end) else doc[start:end]


def _strip_verb_lead(span: Span) -> Span:
    """A name without the lower-case verb NER ran into its start ("Iraqi forces [retook
    Mosul]" tagged a person): a name begins with a capital."""
    start = span.start
    while start < span.end and (tok := span.doc[start]).is_lower and tok.pos_ == "VERB":
        start += 1
    return span if start == span.start else span.doc[start:span.end]


def _strip_quantity(span: Span) -> Span:
    """A name without the amount NER ran into it: "fined Google 2.4 billion euros" names
    Google. Only a run of numbers with a scale word ("billion") is an amount: "France 24"
    and "Channel 4" are names."""
    doc, end = span.doc, span.end
    while end - span.start > 1 and doc[end - 1].like_num:
        end -= 1
    scaled = any(t.lower_ in AMOUNT_SCALES for t in doc[end:span.end])
    return doc[span.start:end] if scaled else span


def _strip_model(span: Span) -> Span:
    """A name without the model designation NER ran into it: "bought Russian S-400
    missiles" names Russia, and the S-400 is a weapon (``MODEL_DESIGNATION``)."""
    for k in range(1, len(span)):
        if MODEL_DESIGNATION.fullmatch(span[k].text):
            return span[:k]
    return span


def _inside_title(span: Span, lex: ActorLexicon, lowers: list[str]) -> bool:
    """True when the span is part of a title phrase: its tail ("State" in "Secretary of
    State") or its head ("Defence" in "the Defence Secretary", which NER tags ORG).
    ``lowers``: the document's lowercase forms (``_Found.lowers``)."""
    if span.label_ == "PERSON" or len(span) > 3:
        return False
    # a title runs on past the span only into a title word ("Defence" + "Secretary"), and
    # not past a body of its own ("a Kremlin spokesman" speaks for the Kremlin)
    heads = _title_heads(lex)
    last = span.end + 3 if span.end < len(lowers) and lowers[span.end] in heads \
        and not span.ent_id_ and lex.lookup(span.text) is None else span.end
    for i in range(max(0, span.start - 4), span.start + 1):
        for j in range(span.end, min(len(lowers), last) + 1):
            if (i, j) != (span.start, span.end) and " ".join(lowers[i:j]) in lex.titles:
                return True
    return False


def _strip_title_prefix(span: Span, lex: ActorLexicon, lowers: list[str]) -> Span:
    """Drop title words NER put inside a name: "[Defense Ash Carter]" after "Secretary of".
    ``lowers``: the document's lowercase forms (``_Found.lowers``)."""
    doc = span.doc
    for k in (3, 2, 1):
        if len(span) - k < 1:
            continue
        for i in range(max(0, span.start - 4), span.start + 1):
            if " ".join(lowers[i: span.start + k]) in lex.titles:
                return doc[span.start + k: span.end]
    return span


def _title_before(doc: Doc, start: int, lex: ActorLexicon, lowers: list[str]
                  ) -> tuple[str | None, str | None, int]:
    """Longest title phrase ending right before token ``start``: (title, sector, its start).
    ``lowers``: the document's lowercase forms (``_Found.lowers``)."""
    best: tuple[str | None, str | None, int] = (None, None, start)
    for n in range(1, 6):
        i = start - n
        if i < 0:
            break
        phrase = " ".join(lowers[i:start])
        # "Secretary-General" may come as three tokens.
        phrase = phrase if phrase in lex.titles else phrase.replace(" - ", "-")
        if phrase in lex.titles:
            best = (doc[i:start].text, lex.titles[phrase], i)
    return best


def _country_word_before(doc: Doc, i: int, lex: ActorLexicon) -> str | None:
    """ISO3 of a country name or demonym ending right before token ``i``, looking past
    adjectives and a possessive: "Lebanon's new President", "Jordan's visiting King"."""
    j = i
    while j > max(0, i - 3) and (doc[j - 1].pos_ == "ADJ" or doc[j - 1].tag_ in {"VBG", "VBN"}) \
            and not _country_of_text(doc[j - 1].text, lex):
        j -= 1
    if j > 0 and doc[j - 1].text in {"'s", "’s"}:
        j -= 1
    i = j
    for n in (3, 2, 1):
        j = i - n
        if j < 0:
            continue
        span = doc[j:i]
        if any(t.is_punct and t.text not in {".", "-"} for t in span):
            continue
        iso = _country_of_text(span.text, lex)
        if iso:
            return iso
    return None


def _appositive_title(tok: Token, lex: ActorLexicon) -> tuple[str | None, str | None]:
    """(title, sector) of an appositive noun phrase that is a title, without its article
    and the country or body it names: "the UN secretary-general" -> "secretary-general"."""
    words = []
    for t in tok.doc[tok.left_edge.i: tok.right_edge.i + 1]:
        if t.text in {",", "(", ";"} or t.dep_ in {"prep", "relcl", "acl", "cc"}:
            break
        if t.dep_ not in {"det", "poss", "case"} and not _country_of_text(t.text, lex) \
                and lex.lookup(t.text) is None:
            words.append(t)
    while words:
        phrase = " ".join(t.lower_ for t in words)
        phrase = phrase if phrase in lex.titles else phrase.replace(" - ", "-")
        if phrase in lex.titles:
            return " ".join(t.text for t in words).replace(" - ", "-"), lex.titles[phrase]
        words = words[1:]
    return None, None


def _country_of_text(text: str, lex: ActorLexicon) -> str | None:
    iso = lex.country_of_word(text)
    if iso:
        return iso
    return lex.capitals.get(text.strip().lower())


@dataclass
class _Found:
    """The actor mentions of one document found so far. The steps of :func:`find_actors`
    add to it in order of trust, and a later step leaves tokens an earlier one took."""

    doc: Doc
    lex: ActorLexicon
    res: _Resolver
    mentions: list[ActorMention] = field(default_factory=list)
    groups: dict[int, list[ActorMention]] = field(default_factory=dict)
    taken: set[int] = field(default_factory=set)
    #: The document's tokens, made once: iterating a Doc builds a new Token object per
    #: token, and six steps walk the whole document. Tokens are views of the Doc, which
    #: extraction does not change.
    tokens: list[Token] = field(default_factory=list)
    #: Their lowercase forms, which the title steps join into phrases many times over.
    lowers: list[str] = field(default_factory=list)

    #: The tokens that may name a sector (see :func:`_collective_sector`), found once.
    sector_tokens: list[Token] = field(default_factory=list)

    def __post_init__(self) -> None:
        if not self.tokens:
            self.tokens = list(self.doc)
        if not self.lowers:
            self.lowers = [t.lower_ for t in self.tokens]
        # (two steps ask every token whether it names a sector; few words can)
        heads = self.lex.sector_heads()
        self.sector_tokens = [t for t, low in zip(self.tokens, self.lowers, strict=True)
                              if low in heads or t.lemma_.lower() in heads]

    def add(
        self, start: int, end: int, actor: Actor, source: str, text: str | None = None
    ) -> ActorMention:
        """Record a mention of ``actor`` over tokens ``start:end`` (``text``: the part of
        them that names it, when that is less than the whole)."""
        if not text:  # (as Span.text, from the tokens made once: no Span, no new Token)
            toks = self.tokens[start:end]
            text = "".join(t.text_with_ws for t in toks[:-1]) + toks[-1].text if toks else ""
        m = ActorMention(start, end, text, actor, source)
        actor.aliases.add(m.text)
        self.mentions.append(m)
        self.taken.update(range(start, end))
        return m

    def is_free(self, start: int, end: int) -> bool:
        """True when no mention holds any token of ``start:end``."""
        return not any(i in self.taken for i in range(start, end))

    def index(self) -> ActorIndex:
        """The mentions in text order, with the token lookup."""
        # The lookup is built before sorting: where mentions overlap, the one found last
        # holds the token.
        by_token = {i: m for m in self.mentions for i in range(m.start, m.end)}
        self.mentions.sort(key=lambda m: m.start)
        return ActorIndex(mentions=self.mentions, by_token=by_token, groups=self.groups,
                          officials=frozenset(self._officials()), tokens=self.tokens)

    def _officials(self) -> Iterator[int]:
        """Last tokens of the mentions of one unnamed person by role (a singular person's
        word: "the Iranian foreign minister", "a senior Russian official")."""
        for m in self.mentions:
            head = self.doc[m.end - 1]
            if m.actor.type != "PERSON" and head.tag_ == "NN" and (
                    head.lower_ in self.lex.person_words
                    or head.lemma_.lower() in self.lex.person_words):
                yield head.i


def find_actors(
    doc: Doc, lexicon: ActorLexicon | None = None, places: Gazetteer | None = None
) -> ActorIndex:
    """All actor mentions of ``doc``, resolved to one :class:`Actor` per actor.

    ``places`` gives towns their country (default: :meth:`Gazetteer.default`).
    """
    lex = lexicon or load_actor_lexicon()
    res = _Resolver(doc, lex, places if places is not None else Gazetteer.default())
    found = _Found(doc, lex, res)
    unattributed = _add_collectives(found)
    _add_sector_modifiers(found)
    _add_hyphenated_lists(found)
    _add_warships(found)
    people = _add_entities(found)
    _add_untagged_surnames(found)
    nationality = _attribute_people(found, people)
    _add_body_references(found)
    _add_unnamed_bodies(found)
    _add_armed_group_references(found)
    _add_members(found)
    _add_named_as(found)
    _add_title_references(found)
    _add_country_references(found)
    _regroup_ethnic_mentions(found)
    _attribute_collectives(found, unattributed)
    _attribute_named_bands(found)
    _attribute_named_parties(found)
    _add_people_collectives(found)
    _add_unclaimed_attacks(found)
    _add_victims(found)
    _add_peoples(found)
    _attribute_home_officials(found, people, nationality)
    index = found.index()
    index.quotations = _voiced(quotations(doc, index), res)
    index.states = _home_governments(index, res)
    return index


def _home_governments(index: ActorIndex, res: _Resolver) -> dict[str, Actor]:
    """The government of each country a non-state group or a state official of the
    document belongs to."""
    return {a.country: res.country_actor(a.country, "GOV") for a in (
        m.actor for m in index.mentions) if a.country and a.sector is not None and (
        a.sector not in STATE_SECTORS or a.type == "PERSON")}


def _voiced(quotes: list[Quotation], res: _Resolver) -> list[Quotation]:
    """Set whom each speaker's "we" stands for: a state official of a known country speaks
    for its government ("Foreign Secretary Philip Hammond said: ... we will")."""
    for q in quotes:
        a = q.speaker.actor
        if a.type == "PERSON" and a.country and a.sector in STATE_SECTORS:
            q.voice = res.country_actor(a.country, "GOV")
    return quotes


def _add_collectives(found: _Found) -> list[tuple[Token, str]]:
    """Step 1: collectives first, as "the Iraqi military" is one actor, not a demonym plus
    a noun. Returns the collectives of a context sector that name no country (step 4)."""
    lex = found.lex
    unattributed: list[tuple[Token, str]] = []
    for tok in found.sector_tokens:
        sector = _collective_sector(tok, lex)
        if sector is None:
            continue
        isos, bodies, first = _modifier_countries(tok, lex)
        if tok.lower_ not in lex.collectives and _compound_collective(tok, lex):
            first = min(first, tok.i - 1)  # "opposition groups": the phrase is the name
        if not isos and _owned(tok) and not _named_for_a_people(tok, sector, lex) \
                and not _office_word(tok, lex):
            if sector in CONTEXT_SECTORS and _place_named_before(tok):
                unattributed.append((tok, sector))  # "Mosul residents": the town's (step 4)
            continue
        last = tok.i
        if not isos:
            isos, last = _countries_after(tok, lex)
        if not isos and sector in {"REB", "MIL"} and _body_after(tok):
            continue  # "militants from the Baloch Liberation Army": the body's (step 3b-4)
        if not isos:
            isos = _shared_countries_after(tok, lex)
        agent_only = _only_an_agent(tok, lex)
        if not isos and (_acted_on(tok) or not agent_only and sector in CONTEXT_SECTORS and (
                tok.lower_ in lex.collectives or _compound_collective(tok, lex)
                or _office_word(tok, lex))):
            # (people an act befalls are of the one country their sentence is about, as
            # CAMEO codes them: "Kenyan police arrested three journalists")
            unattributed.append((tok, sector))
        if not isos and agent_only:
            continue
        if isos and found.is_free(first, last + 1) and not _entity_holds(tok, first, lex,
                                                                         found.res.ents):
            made = [found.add(first, last + 1, found.res.country_actor(iso, sector),
                              "collective") for iso in isos]
            made += [found.add(first, last + 1, found.res.actor(_known_to_actor(k)), "lexicon")
                     for k in bodies]
            if len(made) > 1:
                found.groups[tok.i] = made
    return unattributed


def _office_word(tok: Token, lex: ActorLexicon) -> bool:
    """"The defence minister", "the Foreign Secretary": a state office's title, singular
    and definite, which the context gives a country (step 4) where no one holding it was
    named before (step 3b')."""
    if tok.tag_ not in {"NN", "NNP"} or not _definite(tok, {"the"}) or not (
            tok.lower_ in lex.person_words or tok.lemma_.lower() in lex.person_words):
        return False
    # the words before it are the title's own ("Foreign"), no owner's ("the ISIL leader")
    first = min((c.i for c in tok.children if c.dep_ in {"amod", "compound", "nmod"}
                 and c.i < tok.i), default=tok.i)
    return first == tok.i or tok.doc[first:tok.i + 1].text.lower() in lex.titles


def _acted_on(tok: Token) -> bool:
    """A noun an act befalls: a verb's direct object or passive subject."""
    return tok.dep_ in {"dobj", "nsubjpass"} and tok.head.pos_ == "VERB"


#: Sectors of the state organs whose acts a sector word names ("military strikes"); not the
#: opposition, whose word before a noun names people ("opposition candidates").
STATE_ORGAN_SECTORS = frozenset({"MIL", "GOV", "COP"})


def _add_sector_modifiers(found: _Found) -> None:
    """Step 1b: a sector word between a country word and the noun of an act or thing names
    the country's sector: "a Myanmar military air strike", "Syrian government shelling"
    are the military's and the government's, not the country's at large."""
    lex = found.lex
    for tok in found.tokens:
        sector = lex.collectives.get(tok.lower_)
        if sector not in STATE_ORGAN_SECTORS or tok.dep_ not in {"amod", "compound"} \
                or tok.i == 0:
            continue
        head, before = tok.head, found.doc[tok.i - 1]
        if not _organ_thing(head, tok) or before.head.i not in {head.i, tok.i}:
            continue
        iso = _country_of_text(before.text, lex)
        if iso and found.is_free(before.i, tok.i + 1):
            found.add(before.i, tok.i + 1, found.res.country_actor(iso, sector), "collective")


def _collective_sector(tok: Token, lex: ActorLexicon) -> str | None:
    """The sector of a collective noun ("military": MIL) or of an unnamed person's noun
    ("official"); None for any other token."""
    # (its callers ask only the tokens of _Found.sector_tokens, which lex.sector_heads
    # already sorted out)
    # (a rare noun the tagger calls an adjective is a noun where only a noun can stand:
    # "sanctions on Mali's junta")
    noun_slot = tok.pos_ == "ADJ" and tok.dep_ in {"nsubj", "nsubjpass", "dobj", "pobj"}
    organ = _organ_of_thing(tok, lex)  # (a band's word is often tagged an adjective there)
    if tok.pos_ not in {"NOUN", "PROPN"} and not noun_slot and not organ or \
            tok.dep_ == "compound" and not organ:
        # A collective word modifying another noun is part of a title or a name
        # ("Assistant Attorney General John Carlin", "army officers"), unless that noun is
        # what the organ does or has ("police brutality": _organ_of_thing).
        return None
    low = tok.lower_
    lemma = tok.lemma_.lower()
    # (the two-word phrase first: "police forces" are police, though "forces" are MIL)
    sector = _compound_collective(tok, lex) or lex.collectives.get(low) \
        or lex.collectives.get(lemma)
    person = low in lex.person_words or lemma in lex.person_words
    if sector is None and person and (not tok.text[0].isupper() or _bare_office(tok)) \
            and not _names_its_holder(tok):
        # "a senior Russian official" is an unnamed person of a country; a capitalised
        # "Secretary" is a title before a name. A two-word title ("army chief": MIL)
        # says more than its head ("chief").
        sector = _compound_phrase(tok, lex.titles) or lex.titles.get(lemma) \
            or lex.titles.get(low)
    if sector is None and not person:
        # (a person's word the title rules turned down stays turned down)
        sector = _agent_sector(tok, lex)
    # (checked last: only a collective word can be mistaken in an idiom)
    return None if sector is not None and _repeated_noun_idiom(tok) else sector


def _agent_sector(tok: Token, lex: ActorLexicon) -> str | None:
    """The sector the field's agents dictionary gives a common noun ("paramilitaries":
    MIL, "a blogger": MED), two-word phrase first ("riot police")."""
    if tok.pos_ != "NOUN" or not tok.is_lower or any(
            w in NOT_AGENTS or w in VESSEL_NOUNS for w in (tok.lower_, tok.lemma_.lower())):
        return None  # (what names no one: not_agents)
    return _compound_phrase(tok, lex.agents) or lex.agents.get(tok.lemma_.lower()) \
        or lex.agents.get(tok.lower_)


def _only_an_agent(tok: Token, lex: ActorLexicon) -> bool:
    """True for a noun only the agents dictionary lists: alone ("the company", "farmers")
    it says too little to be an actor, so it is one only with a country word."""
    low, lemma = tok.lower_, tok.lemma_.lower()
    return not (lex.collectives.get(low) or lex.collectives.get(lemma)
                or _compound_collective(tok, lex) or low in lex.person_words
                or lemma in lex.person_words) and _agent_sector(tok, lex) is not None


def _organ_of_thing(tok: Token, lex: ActorLexicon) -> bool:
    """A state organ's word before the noun of what it does or has, not of people:
    "government corruption", "police brutality" (not "police officers", "army chief")."""
    # (capitalised at a sentence's start only: "Army Day", "Police Scotland" are names)
    plain = tok.is_lower or tok.is_sent_start and tok.text[1:].islower()
    return tok.lower_ in ORGAN_WORDS and lex.collectives.get(tok.lower_) is not None \
        and plain and _organ_thing(tok.head, tok) and not _kind_adjective(tok)


def _kind_adjective(tok: Token) -> bool:
    """A bare adjective of kind: "suspended military operations" are operations of a
    military sort, no one's (kind_adjectives); "a Myanmar military air strike" names whose."""
    return tok.tag_ == "JJ" and tok.lower_ in KIND_ADJECTIVES and not tok.n_lefts


def _organ_thing(head: Token, organ: Token) -> bool:
    """A noun after an organ's word that names what the organ does or has (organ_things)."""
    return head.i > organ.i and head.pos_ == "NOUN" and head.is_lower and \
        head.lemma_.lower() in ORGAN_THINGS


def _bare_office(tok: Token) -> bool:
    """A capitalised singular title standing alone with "the": "The Foreign Secretary
    condemned Russia" names an office, whose holder the context may tell."""
    return tok.tag_ in {"NN", "NNP"} and _definite(tok, {"the"}) and \
        not any(c.dep_ == "prep" for c in tok.children)


def _names_its_holder(tok: Token) -> bool:
    """A person's noun followed by the holder's name, in a title ("Kenya's president
    William Ruto") or in apposition ("the Hungarian prime minister, Viktor Orban,"): the
    name is the actor, not an unnamed official."""
    doc = tok.doc
    after = doc[tok.i + 2] if tok.i + 2 < len(doc) and doc[tok.i + 1].text == "," else \
        doc[tok.i + 1] if tok.i + 1 < len(doc) else None
    return after is not None and after.ent_type_ == "PERSON" and after.ent_iob_ == "B"


def _repeated_noun_idiom(tok: Token) -> bool:
    """A noun repeated across a preposition is an idiom, no body: "side by side", "face to
    face" ("the Iraqi side" is one). Read on the surface: the parser attaches the two
    halves in many ways."""
    doc, i, lemma = tok.doc, tok.i, tok.lemma_.lower()
    return any(0 <= j < len(doc) and 0 <= i + step < len(doc) and doc[i + step].pos_ == "ADP"
               and doc[j].lemma_.lower() == lemma for step, j in ((1, i + 2), (-1, i - 2)))


def _compound_collective(tok: Token, lex: ActorLexicon) -> str | None:
    """The sector of a two-word collective the lexicon lists whole ("opposition groups",
    "aid agencies"): the head word alone ("groups") names no one, so without the phrase
    "opposition groups in Zimbabwe" would be no actor at all."""
    return _compound_phrase(tok, lex.collectives)


def _compound_phrase(tok: Token, table: dict[str, str]) -> str | None:
    """The sector ``table`` gives the noun with the modifier just before it."""
    mod = tok.doc[tok.i - 1] if tok.i > 0 else None
    if mod is None or mod.head.i != tok.i or mod.dep_ not in {"compound", "amod"}:
        return None
    return table.get(f"{mod.lower_} {tok.lower_}")


def _modifier_countries(tok: Token, lex: ActorLexicon) -> tuple[list[str], list[KnownActor], int]:
    """The countries the modifiers before a collective name, the known bodies conjoined
    with them, and the first token of the phrase: "the Russian and American militaries"."""
    doc = tok.doc
    isos: list[str] = []
    bodies: list[KnownActor] = []  # "Saudi and Houthi negotiators": the Houthis too
    first = tok.i
    for child in _modifiers_before(tok):
        if child.dep_ in {"amod", "compound", "poss", "nmod", "npadvmod"}:
            for mod in (child, *child.conjuncts):
                if _side_taken(mod):
                    continue  # "pro-Russian separatists" are no Russians
                # (a conjunct with its own modifiers: "U.S. and South Korean forces")
                span = _strip_possessive(doc[mod.left_edge.i: mod.i + 1]) \
                    if mod is child or _country_of_text(
                        doc[mod.left_edge.i: mod.i + 1].text, lex) else doc[mod.i: mod.i + 1]
                if _gone_state(span) or _gone_state(doc[mod.i: mod.i + 1]):
                    continue
                # "Radical French farmers": the parser may hang an adjective on the demonym
                iso = _country_of_text(span.text, lex) or _country_of_text(mod.text, lex)
                if iso and iso not in isos:
                    isos.append(iso)
                    first = min(first, span.start)
                elif not iso and mod is not child and (known := lex.lookup(span.text)) \
                        and known.type != "COUNTRY":
                    bodies.append(known)
            if isos:
                break
    return isos, bodies, first


def _side_taken(mod: Token) -> bool:
    """A country's word after "pro-" or "anti-", which names the side taken, not whose
    the group is (the tokenizer splits the hyphen off: "Pro", "-", "Russian")."""
    doc = mod.doc
    return mod.i >= 2 and doc[mod.i - 1].text == "-" and doc[mod.i - 2].lower_ in SIDE_PREFIXES


def _modifiers_before(tok: Token) -> list[Token]:
    """The modifiers before a collective word; for an organ's word before what it does or
    has, also those of that noun, where the parser hangs them: "Syrian rebel positions"."""
    mods = [c for c in tok.children if c.i < tok.i]
    if tok.dep_ in {"amod", "compound"} and _organ_thing(tok.head, tok):
        mods += [c for c in tok.head.children if c.i < tok.i]
    return mods


def _named_for_a_people(tok: Token, sector: str, lex: ActorLexicon) -> bool:
    """A band named for a people NER took for a person ("Baloch separatists", "Tuareg
    rebels"): its only named modifier is one unknown capitalised word tagged a person. The
    band is of the country its sentence names, as any unowned band is."""
    if sector not in {"REB", "OPP", "CVL"}:
        return False
    named = [c for c in tok.children if c.dep_ in {"amod", "compound", "nmod"}
             and c.i < tok.i and (c.ent_type_ or c.pos_ == "PROPN")]
    if len(named) != 1 or any(c.dep_ == "poss" for c in tok.children):
        return False
    word = named[0]
    doc = word.doc
    alone = word.ent_iob_ == "B" and (word.i + 1 == len(doc) or doc[word.i + 1].ent_iob_ != "I")
    return word.ent_type_ == "PERSON" and alone and lex.person(word.text) is None


def _owned(tok: Token) -> bool:
    """True when a named modifier makes a collective someone's ("Hamas fighters", "ISIL
    terrorists in Syria", "Coalition military forces"), or the speaker's "our" does ("our
    fighters", said by Hamas; "its" and "their" leave the country to the context); a
    religion or an ethnic group does not ("Moslem fundamentalist demonstrators")."""
    return any(
        c.dep_ in {"amod", "compound", "poss", "nmod"} and c.i < tok.i
        and c.ent_type_ != "NORP" and (c.ent_type_ or c.pos_ == "PROPN"
                                       or nominal_types(c.lemma_.lower()) is not None
                                       or c.dep_ == "poss" and c.lower_ == "our")
        for c in tok.children)


def _countries_after(tok: Token, lex: ActorLexicon) -> tuple[list[str], int]:
    """The countries a collective's first "in"/"of"/"from" phrase names ("opposition
    groups in Zimbabwe", "the government of Iraq"), and the phrase's last country token."""
    isos: list[str] = []
    last = tok.i
    for child in tok.children:
        if child.dep_ == "prep" and child.lower_ in {"in", "of", "from"}:
            if child.lower_ == "in" and _party_at_a_venue(tok):
                break
            for p in (p for c in child.children if c.dep_ == "pobj" for p in (c, *c.conjuncts)):
                # "leaders of Tanzania and Uganda": each conjunct names one
                iso = _country_of_text(_entity_text(p), lex)
                if iso and p.ent_type_ in {"GPE", "NORP", ""}:
                    isos.append(iso)
                    last = p.i
            break
    return isos, last


def _body_after(tok: Token) -> bool:
    """A collective whose first "of"/"from" phrase names a body, not a country: "fighters
    of the Islamic State", "militants from the Baloch Liberation Army" are its members
    (its callers ask fighters only: "ministers of the Coalition" are people of their own)."""
    for child in tok.children:
        if child.dep_ == "prep" and child.lower_ in {"of", "from"}:
            return any(p.ent_type_ == "ORG" or p.ent_id_ and not p.ent_id_.startswith(
                ("country:", "capital:")) for c in child.children if c.dep_ == "pobj"
                for p in (c, *c.conjuncts))
    return False


def _party_at_a_venue(tok: Token) -> bool:
    """A collective another side signs with or talks to, where they do it: "signed a peace
    agreement with Tigrayan forces in Pretoria", "held talks with rebels in Havana" name
    the venue, not South African forces or Cuban rebels (``venue_verbs``, by the verb or
    the noun of the act)."""
    node = tok
    while node.dep_ in {"pobj", "prep", "dobj", "conj"} and node.head.i != node.i:
        node = node.head
        if node.lemma_.lower() in VENUE_VERBS:
            return True
        if node.pos_ == "VERB":
            return False
    return False


def _venue_place(tok: Token) -> bool:
    """A place said with "in" or "at" where talks are held or a deal signed: the parties
    went there, so it is no home of theirs ("... with Tigrayan forces in Pretoria")."""
    while tok.dep_ == "compound":
        tok = tok.head
    return tok.dep_ == "pobj" and tok.head.lower_ in {"in", "at"} and _party_at_a_venue(tok)


def _entity_text(tok: Token) -> str:
    """The whole name a token ends or is inside of: "Papua New Guinea", not "Guinea"."""
    doc = tok.doc
    if tok.ent_iob_ not in {"B", "I"}:
        return tok.text
    start, end = tok.i, tok.i + 1
    while start > 0 and doc[start].ent_iob_ == "I":
        start -= 1
    while end < len(doc) and doc[end].ent_iob_ == "I":
        end += 1
    return doc[start:end].text


def _shared_countries_after(tok: Token, lex: ActorLexicon) -> list[str]:
    """"the government and people of Iraq": the "of" phrase of the last conjunct after a
    collective with none of its own is both nouns'; the mention stays the collective."""
    later = [c for c in tok.conjuncts if c.i > tok.i and c.pos_ in {"NOUN", "PROPN"}]
    return _countries_after(later[-1], lex)[0] if later else []


def _entity_holds(tok: Token, first: int, lex: ActorLexicon, ents: tuple[Span, ...]) -> bool:
    """True when the entity around a collective is a person's name or a named body
    ("Syrian Democratic Forces"), which step 2 resolves as a whole. ``ents``: the
    document's entities (``_Resolver.ents``)."""
    ents_here = [e for e in ents if e.start <= tok.i < e.end]
    if ents_here and ents_here[0].label_ == "PERSON":
        return True
    return bool(ents_here) and ents_here[0].label_ in {"ORG", "FAC"} and _named_body(
        ents_here[0], first, tok.i, lex)


def _add_hyphenated_lists(found: _Found) -> None:
    """Step 1b: hyphenated actor lists: "U.S.-Russia", "Tehran-Damascus-Moscow", "U.S.-led"."""
    for tok in found.tokens:
        if "-" not in tok.text or tok.i in found.taken:
            continue
        parts = _hyphenated_actors(tok.text, found)
        if parts:
            # Each actor keeps its own part as its text, so its evidence names it alone
            # ("U.S." and "Iraq" of "U.S.-Iraq"), not the whole word twice.
            made = [found.add(tok.i, tok.i + 1, a, "lexicon", text=part) for part, a in parts]
            if len(made) > 1:
                found.groups[tok.i] = made


def _add_warships(found: _Found) -> None:
    """Step 1c: a navy ship, named with its navy's prefix ("USS Carney", "HMS Diamond"),
    stands for that country's military, whatever NER made of the name."""
    prefixes = found.lex.ship_prefixes
    tokens = found.tokens
    for tok in tokens:
        iso = prefixes.get(tok.text)
        if iso is None or tok.i + 1 >= len(tokens) or not tokens[tok.i + 1].is_title:
            continue
        end = tok.i + 1
        while end < len(tokens) and tokens[end].is_title and tokens[end].pos_ == "PROPN":
            end += 1
        if end > tok.i + 1 and found.is_free(tok.i, end):
            found.add(tok.i, end, found.res.country_actor(iso, "MIL"), "lexicon")


def _hyphenated_actors(text: str, found: _Found) -> list[tuple[str, Actor]]:
    """Each part of a hyphenated word with the actor it names, or none unless every part
    (bar suffixes such as "led") names one."""
    lex = found.lex
    actors: list[tuple[str, Actor]] = []
    for part in (p for p in text.split("-") if p):
        if part.lower() in HYPHEN_SUFFIXES:
            continue
        iso = _country_of_text(part, lex)
        known = lex.lookup(part) if iso is None else None
        if iso:
            actors.append((part, found.res.country_actor(iso)))
        elif known is not None and known.type != "COUNTRY":
            actors.append((part, found.res.actor(_known_to_actor(known))))
        else:
            return []
    return actors


def _add_entities(found: _Found) -> list[tuple[Span, Actor]]:
    """Step 2: named entities (the ruler's known actors carry their id). Returns the
    people named, with their spans, for titles and countries (steps 3 and 5)."""
    lex, res = found.lex, found.res
    people: list[tuple[Span, Actor]] = []
    ents, name_runs = _joined_name_runs(found.doc)
    for ent in ents:
        if ent.label_ in OTHER_NAME_LABELS and found.is_free(ent.start, ent.end) and \
                _town_said_as_place(ent, res):
            found.add(ent.start, ent.end, res.place(ent), "ner")
            continue
        if ent.label_ not in ENTITY_LABELS or not found.is_free(ent.start, ent.end):
            continue
        span = _strip_model(_strip_quantity(_strip_possessive(ent)))
        if ent.label_ == "PERSON":  # (the tagger's verb-led names are tagged persons)
            span = _strip_verb_lead(span)
        if len(span) == 0:
            continue
        if len(span) < len(ent) and ent.label_ == "PERSON" and \
                res.places.country(span.text) is not None:
            found.add(span.start, span.end, res.place(span), "ner")  # "[retook Mosul]"
            continue
        if _inside_title(span, lex, found.lowers):
            continue  # "State" in "Secretary of State"
        if _names_a_water(span) or _names_a_vessel(span):
            continue  # "China" in "the South China Sea", "the tanker Stena Impero"
        if ent.label_ in {"ORG", "PERSON"} and not ent.ent_id_ and span.text.islower():
            continue  # a common word NER took for a name ("expressed solidarity with")
        stripped = _strip_title_prefix(span, lex, found.lowers)
        titled = _titled_name(ent, span, stripped, lex, found.lowers)
        # a known name that holds its title ("Pope Francis"): the lone given name is no one
        whole = lex.person(span.text) if len(stripped) < len(span) else None
        span = stripped
        if len(span) == 0:
            continue
        if whole is not None:
            actor = res.actor(_known_to_actor(whole))
        elif ent.start in name_runs:
            actor = res.person(span.text)  # (not the known actor its last word names)
        elif titled and ent.label_ != "PERSON":
            # A title before capitalised words makes them a name, whatever NER said
            # ("Secretary of Defense Ash Carter" tagged ORG, "General Petraeus" GPE).
            actor = res.person(span.text)
        else:
            actor = _entity_actor(span, ent, res, lex)
        if actor is None:
            continue
        found.add(span.start, span.end, actor, "lexicon" if actor.source == "lexicon" else "ner")
        if actor.type == "PERSON":
            people.append((span, actor))
    return people


#: Labels NER gives names of no actor, which may yet be a town ("near Afrin" tagged PRODUCT).
OTHER_NAME_LABELS = frozenset({"PRODUCT", "WORK_OF_ART", "EVENT", "LAW"})


def _town_said_as_place(ent: Span, res: _Resolver) -> bool:
    """A name said as where something is ("killed two Kurdish fighters near Afrin") that
    the gazetteer knows as a town is that town, whatever other label NER gave it."""
    return _said_as_place(ent.root) and res.places.country(ent.text) is not None


def _names_a_vessel(span: Span) -> bool:
    """A name after a noun of a vessel names the ship ("the British-flagged tanker Stena
    Impero", "the carrier Charles de Gaulle"), whose actor is who flies its flag or owns
    it, not a body or person of that name."""
    doc = span.doc
    return span.start > 0 and doc[span.start - 1].lower_ in VESSEL_NOUNS and \
        doc[span.start - 1].pos_ == "NOUN"


def _names_a_water(span: Span) -> bool:
    """A name that begins the name of a sea or ocean ("the South China Sea", "the Indian
    Ocean") names water, not the country."""
    doc = span.doc
    return span.end < len(doc) and doc[span.end].is_title and \
        doc[span.end].lower_ in WATER_NAMES


def _joined_name_runs(doc: Doc) -> tuple[list[Span], set[int]]:
    """The document's entities, with a known actor's name that runs on from a person's
    name joined to it, and the starts of the joined names: in "Foreign Minister Therese
    Kayikwamba Wagner", "Wagner" (the Wagner Group) is the end of her name."""
    ents = list(doc.ents)
    name_runs: set[int] = set()
    for a, b in zip(ents, ents[1:], strict=False):
        if a.label_ == "PERSON" and b.start == a.end and len(b) == 1 and b.ent_id_ and \
                not b.ent_id_.startswith(("country:", "capital:")) and b[0].is_title:
            ents[ents.index(a)] = Span(doc, a.start, b.end, label="PERSON")
            ents.remove(b)
            name_runs.add(a.start)
    return _names_run_on_through_of(doc, _rejoined_person_names(doc, ents)), name_runs


def _names_run_on_through_of(doc: Doc, ents: list[Span]) -> list[Span]:
    """A body's name NER cut at its "of" ("[The Islamic Movement of] [Uzbekistan]",
    "[the Federal Government of] [Somalia]"): the name runs on through the country or
    place after it (not a body: "Fighters of [Islamic State]"), as one name of that body;
    so does a body's name before "of" and a country ("[the Ministry of Foreign Affairs] of
    [Ukraine]")."""
    out: list[Span] = []
    for ent in ents:
        last = out[-1] if out else None
        if last is not None and last.label_ == "ORG" and ent.label_ in {"GPE", "LOC"} and \
                len(last) > 1 and ent.start - last.end in {0, 1} and (
                last[-1].lower_ == "of" and last.end == ent.start
                or last.end + 1 == ent.start and doc[last.end].lower_ == "of"
                and ent.label_ == "GPE" and not last[-1].lower_ == "of"):
            out[-1] = Span(doc, last.start, ent.end, label="ORG")
        else:
            out.append(ent)
    return out


def _rejoined_person_names(doc: Doc, ents: list[Span]) -> list[Span]:
    """Two unknown person names NER cut out of one ("[Yoon Suk] [Yeol]"): the first hung
    on the second by the parse, nothing between them, is one name."""
    out: list[Span] = []
    for ent in ents:
        last = out[-1] if out else None
        if last is not None and last.label_ == ent.label_ == "PERSON" and \
                last.end == ent.start and not last.ent_id_ and not ent.ent_id_ and \
                last.root.head.i in range(ent.start, ent.end) and \
                all(t.is_title for t in doc[last.start:ent.end]):
            out[-1] = Span(doc, last.start, ent.end, label="PERSON")
        else:
            out.append(ent)
    return out


def _titled_name(ent: Span, span: Span, stripped: Span, lex: ActorLexicon,
                 lowers: list[str]) -> bool:
    """True when a title stands before the entity ("[Defense Ash Carter]" after "Secretary
    of", "General Petraeus"), inside or before the span NER marked."""
    doc = ent.doc
    return len(stripped) < len(span) or (
        ent.label_ in {"ORG", "GPE", "NORP"} and ent.ent_id_ == ""
        and _title_before(doc, span.start, lex, lowers)[0] is not None
        and lex.lookup(span.text) is None and all(t.is_title for t in span)
    )


def _add_untagged_surnames(found: _Found) -> None:
    """Step 2b: a surname NER left untagged ("Jorge Trujillo criticized Guatemala. Trujillo
    later accused Honduras") is the person named in full in the same document."""
    lex, res = found.lex, found.res
    for tok in found.tokens:
        if tok.i in found.taken or tok.ent_type_ in ENTITY_LABELS or not tok.is_title or not (
            tok.pos_ == "PROPN" or tok.pos_ == "NOUN" and tok.text in lex.exact_people
            or tok.pos_ == "VERB" and tok.dep_ in {"nsubj", "nsubjpass"}
        ):
            # (a capitalised word-like name the tagger took for a noun: "Trump met Putin";
            # or one NER took for a title or a product: "apologized to Aliyev"; or a
            # subject taken for a verb: "Macron telephoned Putin")
            continue
        if tok.dep_ == "compound" and tok.head.pos_ == "PROPN":
            continue  # part of another name ("the Trujillo Foundation")
        if person_key(tok.text) in res.surnames or lex.person(tok.text) is not None:
            # (or a well-known person NER missed: "Trump met Putin")
            found.add(tok.i, tok.i + 1, res.person(tok.text), "ner")


def _attribute_people(found: _Found, people: list[tuple[Span, Actor]]) -> set[int]:
    """Step 3: titles and country attribution for people: "U.S. Assistant Attorney General
    John Carlin", "his Russian counterpart, Foreign Minister Sergei Lavrov".

    Returns the tokens that say whose a person is ("South African leader F.W. de Klerk"):
    they do not tell what country the document is about (step 5)."""
    nationality: set[int] = set()
    for span, actor in people:
        nationality.update(_attribute_person(found, span, actor))
    return nationality


def _attribute_person(found: _Found, span: Span, actor: Actor) -> range:
    """Set the role, sector and country of one named person from the words around the
    name; returns the tokens of a country word before its title (empty when none)."""
    doc, lex = found.doc, found.lex
    title, sector, tstart = _title_before(doc, span.start, lex, found.lowers)
    if title:
        actor.role = actor.role or title
        # (the office the text gives is the one held now: "opposition leader Yair Lapid",
        # whom the lexicon knows as a minister)
        actor.sector = sector or actor.sector
        if any(m.end == tstart and m.actor.type == "IGO" for m in found.mentions):
            actor.sector = "IGO"  # "UN envoy Martin Griffiths": the body's office
    iso = _country_word_before(doc, tstart, lex) if title else None
    nationality = range(max(0, tstart - 3), span.end) if iso else range(0)
    if iso is None:
        iso = _apposition_country(span.root, lex)
    appos = next((c for c in span.root.children if c.dep_ == "appos"), None)
    office = _office_beside(appos, found)
    if office is not None:
        # "Sergei Lavrov, Russia's foreign minister": the office named beside a person
        # is that person, of that country.
        iso = iso or office.actor.country
        office.actor = actor
    # "Kofi Annan, the UN secretary-general": a title in apposition after the name; "The
    # Minister for Central Asia, Tobias Ellwood,": the name in apposition after the title.
    beside = appos if appos is not None else \
        span.root.head if span.root.dep_ == "appos" and span.root.head.i < span.start else None
    if not title and beside is not None:
        after, after_sector = _appositive_title(beside, lex)
        if after:
            actor.role = actor.role or after
            actor.sector = actor.sector or after_sector
    if iso and actor.country is None:
        actor.country = iso
    return nationality or _name_phrase_nationality(span, found.mentions)


def _name_phrase_nationality(span: Span, mentions: list[ActorMention]) -> range:
    """The tokens of a person's name phrase before the name when a country is named among
    them, titled or not ("South African leader F.W. de Klerk"): whose the person is, not
    what country the document is about (step 5)."""
    first = span.root.left_edge.i
    if any(first <= m.start < span.start and m.actor.type == "COUNTRY" for m in mentions):
        return range(first, span.end)
    return range(0)


def _apposition_country(head: Token, lex: ActorLexicon) -> str | None:
    """The country a phrase in apposition with a name gives ("his Russian counterpart,
    Foreign Minister Sergei Lavrov"; "Lavrov, the Russian minister")."""
    if head.dep_ == "appos":
        return _modifier_country(head.head, lex)
    return next((_modifier_country(c, lex, self_ok=True) for c in head.children
                 if c.dep_ == "appos"), None)


def _office_beside(appos: Token | None, found: _Found) -> ActorMention | None:
    """The state office a collective mention in apposition names ("Russia's foreign
    minister"), if ``appos`` is one."""
    if appos is None:
        return None
    return next((m for m in found.mentions if m.start <= appos.i < m.end
                 and m.source == "collective" and m.actor.sector in STATE_SECTORS
                 and appos.lower_ in found.lex.person_words), None)


def _add_body_references(found: _Found) -> None:
    """Step 3b: nominal references to a named body: "the coalition", "Coalition forces",
    "the group" after "Global Coalition against Daesh" or "Islamic State" was named."""
    for tok in found.tokens:
        if tok.i in found.taken or tok.pos_ not in {"NOUN", "PROPN"}:
            continue
        head = tok.lemma_.lower()
        wanted = nominal_types(head)
        if wanted is None:
            continue
        if tok.dep_ != "compound" and not _definite(tok):
            continue
        antecedent = next((m for m in reversed(found.mentions) if m.start < tok.i and (
            head in m.actor.name.lower() or m.actor.type in wanted
        ) and m.actor.type not in {LOCATION, "PERSON", "COUNTRY"}), None)
        if antecedent is not None:
            found.add(tok.i, tok.i + 1, antecedent.actor, "nominal")


def _add_unnamed_bodies(found: _Found) -> None:
    """Step 3b'': a body named by its kind alone, when nothing named before is what it
    refers to: "the coalition", "Coalition aircraft", "the international community" are
    one actor of the document each, named by their words (word list ``unnamed_bodies``)."""
    for tok in found.tokens:
        if tok.i in found.taken or tok.pos_ not in {"NOUN", "PROPN"}:
            continue
        body = _unnamed_body(tok)
        if body is None:
            continue
        start, name = body
        if not found.is_free(start, tok.i + 1):
            continue
        actor = found.res.actor(Actor(id=f"org:{slug(name)}", name=name,
                                      type="ORGANIZATION", source="collective"))
        found.add(start, tok.i + 1, actor, "nominal")


def _add_armed_group_references(found: _Found) -> None:
    """Step 3b-3: "these terrorists", "the militants": a definite plural of fighters with
    no owner of its own refers to the one armed group named in its sentence before it or
    in the two sentences before ("ISIL seized Mosul. ... defeating these terrorists")."""
    for tok in found.tokens:
        if tok.i in found.taken or tok.tag_ != "NNS" or tok.dep_ == "compound" \
                or found.lex.collectives.get(tok.lower_) != "REB" \
                or not _definite(tok, REFERRING_DETERMINERS) or any(
                    c.dep_ in {"amod", "compound", "poss", "nmod"} and c.i < tok.i
                    and (c.ent_type_ or c.pos_ == "PROPN") for c in tok.children):
            continue
        for lo, hi in _reference_windows(tok):
            groups = {m.actor.id: m.actor for m in found.mentions if lo <= m.start < hi
                      and m.actor.type == "ARMED_GROUP"}
            if groups:
                if len(groups) == 1:
                    found.add(tok.i, tok.i + 1, next(iter(groups.values())), "nominal")
                break


def _add_members(found: _Found) -> None:
    """Step 3b-4: "70 members of the X tribe", "More than 40 members of the Coalition",
    "militants from the Baloch Liberation Army": members and fighters act and suffer as
    the body they belong to; the mention is the noun, so the body's own mention stays its
    name. Not a predicate ("Chad is a member of the AU"),
    which says who belongs where."""
    by_token = {i: m for m in found.mentions for i in range(m.start, m.end)}
    for tok in found.tokens:
        if tok.i in found.taken or tok.tag_ != "NNS" or tok.dep_ == "attr":
            continue
        fighters = found.lex.collectives.get(tok.lower_) in {"REB", "MIL"}
        if tok.lemma_.lower() not in MEMBER_NOUNS and not fighters:
            continue
        preps = {"of", "from"} if fighters else {"of"}
        named = [q for p in tok.children if p.dep_ == "prep" and p.lower_ in preps
                 for q in p.children if q.dep_ == "pobj"]
        if fighters:
            named += _linked_bodies(tok)
        # "combined forces of the MLK and the Twirwaneho militia": each body conjoined
        bodies: list[ActorMention] = []
        for q in named:  # the first named that is a body, with its conjuncts
            bodies = [m for c in (q, *q.conjuncts)
                      if (m := by_token.get(c.i) or _compound_mention(c, by_token))]
            if bodies:
                break
        bodies = [b for b in bodies if b.actor.is_actor and b.actor.type != "PERSON"
                  and not (fighters and b.actor.type == "COUNTRY")]
        made = [found.add(tok.i, tok.i + 1, b.actor, "nominal") for b in bodies]
        if len(made) > 1:
            found.groups[tok.i] = made


def _add_named_as(found: _Found) -> None:
    """Step 3b-5: "the militia, known as Kataib Hezbollah": a collective given a name by
    "known as" is the named body (naming_links), not a band of the context's country."""
    if "known" not in found.lowers:
        return  # (few documents name anyone so)
    by_token = {i: m for m in found.mentions for i in range(m.start, m.end)}
    for tok in found.sector_tokens:
        if tok.i in found.taken:
            continue
        body = next((by_token[q.i] for c in tok.children if c.dep_ == "acl" and c.i > tok.i
                     for p in c.children if p.dep_ == "prep"
                     and f"{c.lower_} {p.lower_}" in NAMING_LINKS
                     for q in p.children if q.i in by_token), None)
        if body is not None and body.actor.is_actor and body.actor.type != "PERSON":
            found.add(tok.i, tok.i + 1, body.actor, "nominal")


def _linked_bodies(tok: Token) -> list[Token]:
    """The nouns a participle or adjective of belonging ties ``tok`` to: "militants
    [belonging to] the TTP", "fighters [loyal to] the Islamic State" (belonging_links)."""
    return [q for c in tok.children if c.dep_ in {"acl", "amod"} and c.i > tok.i
            for p in c.children if p.dep_ == "prep"
            and f"{c.lower_} {p.lower_}" in BELONGING_LINKS
            for q in p.children if q.dep_ == "pobj"]


def _compound_mention(tok: Token, by_token: dict[int, ActorMention]) -> ActorMention | None:
    """The mention a noun's compound modifier holds: "the [Al Bu Nimr] tribe"."""
    return next((by_token[c.i] for c in tok.children
                 if c.dep_ == "compound" and c.i in by_token), None)


def _unnamed_body(tok: Token) -> tuple[int, str] | None:
    """(first token, name) of the unnamed body ``tok`` heads, or None."""
    lemma = tok.lemma_.lower()
    for c in tok.children:
        if c.dep_ in {"amod", "compound"} and c.i < tok.i \
                and f"{c.lower_} {lemma}" in UNNAMED_BODIES:
            return c.i, f"{c.lower_} {lemma}"
    if lemma not in UNNAMED_BODIES or tok.tag_ in {"NNS", "NNPS"}:
        return None
    if any(c.dep_ == "prep" and c.lower_ == "of" for c in tok.children):
        return None  # "a coalition of Iran and Syria" is those it names
    if any(c.dep_ == "amod" and c.lower_ in LEADING_SUFFIXES for c in tok.children):
        return None  # "the Saudi-led coalition" acts for its leader
    if tok.dep_ == "compound" or tok.text[0].isupper() or _definite(tok):
        return tok.i, lemma
    return None


def _add_title_references(found: _Found) -> None:
    """Step 3b': definite titles refer back to the one person who holds that title: "The
    minister criticized NATO" after "Russian Foreign Minister Sergei Lavrov arrived"."""
    lex = found.lex
    heads = _title_heads(lex)
    for tok in found.tokens:
        if tok.lower_ not in heads or tok.pos_ not in {"NOUN", "PROPN"} \
                or tok.dep_ == "compound":
            continue
        office = _office_mention(found, tok) if tok.i in found.taken else None
        if tok.i in found.taken and office is None:
            continue
        antecedent = _title_antecedent(tok, found.mentions, lex)
        if antecedent is None or office is not None and antecedent.country != office.actor.country:
            continue
        if office is not None:
            # "The French president urged ..." after "French President Emmanuel Macron":
            # the person, not France's government at large
            found.mentions.remove(office)
            found.add(office.start, office.end, antecedent, "nominal")
        else:
            found.add(tok.i, tok.i + 1, antecedent, "nominal")


def _office_mention(found: _Found, tok: Token) -> ActorMention | None:
    """The country's-office mention a title word heads ("the French president", read as
    the French government), which a person named before may hold."""
    return next((m for m in found.mentions if m.end - 1 == tok.i and m.source == "collective"
                 and m.actor.type == "COUNTRY" and m.actor.sector == "GOV"), None)


@lru_cache(maxsize=8)
def _title_heads(lex: ActorLexicon) -> frozenset[str]:
    """Last words of the lexicon's titles, and its person words. Cached per lexicon (a
    lexicon hashes by identity and is not changed once loaded); a few lexicons at most
    live in one process."""
    return frozenset({t.rsplit(" ", 1)[-1] for t in lex.titles} | lex.person_words)


def _add_country_references(found: _Found) -> None:
    """Step 3b-2: "Taiwan's President said the island would not bow": a definite country
    noun is the country named just before, when one is clear; "the two leaders", "both
    sides" are the two named just before."""
    for tok in found.tokens:
        bare = tok.lower_ in GROUP_COUNTS and _bare_count(tok)
        if tok.lower_ not in PLURAL_REFERENCES and tok.lemma_.lower() not in COUNTRY_NOUNS \
                and not bare or tok.i in found.taken or tok.dep_ == "compound":
            continue
        count = GROUP_COUNTS[tok.lower_] if bare else next(
            (GROUP_COUNTS[c.lower_] for c in tok.children
             if c.dep_ in {"nummod", "det", "predet"} and c.lower_ in GROUP_COUNTS), 0)
        kind = "ANY" if bare else PLURAL_REFERENCES.get(tok.lower_)
        if count and kind and (tok.tag_ == "NNS" or bare):
            # "the two leaders", "both sides", "the three countries": the ones named just
            # before, if there are just that many.
            actors = _plural_antecedents(tok, found.mentions, count, kind)
            if kind == "PERSON":
                # conjoined countries' leaders are their governments
                actors = [a if a.type == "PERSON" or not a.country
                          else found.res.country_actor(a.country, "GOV") for a in actors]
            if actors:
                found.groups[tok.i] = [found.add(tok.i, tok.i + 1, a, "nominal")
                                       for a in actors]
        else:
            _add_country_reference(found, tok)


def _bare_count(tok: Token) -> bool:
    """"The two have clashed since 2020": a definite count standing for a noun, as a
    subject or an object."""
    return tok.tag_ == "CD" and tok.lower_ in GROUP_COUNTS and \
        tok.dep_ in {"nsubj", "nsubjpass", "dobj", "pobj"} and _definite(tok, {"the"})


def _add_country_reference(found: _Found, tok: Token) -> None:
    """Add the country a bare, singular, definite country noun ("the country", "the
    island") refers to, when one is clear."""
    if tok.lemma_.lower() not in COUNTRY_NOUNS or any(
        c.dep_ in {"amod", "compound", "prep"} for c in tok.children
    ):
        return
    if tok.tag_ == "NNS" or not _definite(tok, {"the"}):
        return
    antecedent = _country_antecedent(tok, found.mentions)
    if antecedent is not None:
        found.add(tok.i, tok.i + 1, antecedent, "nominal")


def _regroup_ethnic_mentions(found: _Found) -> None:
    """Step 3c: "Ethnic Albanians in south Serbia", "ethnic Turks", "Albanians of southern
    Serbia": an ethnic group is no nationality. It belongs to the country it lives in."""
    for m in found.mentions:
        residence = _ethnic_residence(found.doc, m, found.mentions, found.lex)
        if residence is not None:
            m.actor = found.res.ethnic_group(m, *residence)


def _attribute_collectives(found: _Found, unattributed: list[tuple[Token, str]]) -> None:
    """Step 4: "Egyptian police opened fire to disperse demonstrators": a collective without
    a country belongs to the one country its sentence is about, if there is just one."""
    res = found.res
    nominal = {m.start: m for m in found.mentions if m.source == "nominal" and m.actor.country}
    for tok, sector in unattributed:
        if tok.i in found.taken:
            continue
        # "the country's army": the country "the country" refers to (step 3b-2).
        owner = next((nominal[c.i] for c in tok.children
                      if c.dep_ == "poss" and c.i in nominal), None)
        if owner is not None:
            found.add(tok.i, tok.i + 1, res.country_actor(owner.actor.country, sector),
                      "context")
            continue
        backed = _named_with_backer(tok)
        if _sent_somewhere(tok) or _agent_named(tok) and not backed:
            continue
        here = _home_mentions(found, tok)
        if backed:
            # a proxy ("Russian-backed separatists") is of neither its backer nor, surely,
            # whoever it fights ("Iranian-backed militias attacked U.S. troops"): only
            # where it is tells ("separatists in eastern Ukraine", a town named)
            isos = _own_place_countries(found, tok) or {
                m.actor.country for m in here if m.actor.type == LOCATION and m.actor.country}
            if len(isos) != 1:
                _add_proxy_group(found, tok, sector)
                continue
        elif _office_word(tok, found.lex):
            # (an office holder travels: "In his visit to Uzbekistan, the minister met ...")
            isos = _story_country(found, tok, sector, here) or _medium_countries(here)
        else:
            isos = _context_countries(found, tok, sector, here) or \
                _story_country(found, tok, sector, here)
        if len(isos) == 1 and not _state_acted_on_by_itself(found, tok, sector, isos):
            found.add(tok.i, tok.i + 1, res.country_actor(isos.pop(), sector), "context")


def _home_mentions(found: _Found, tok: Token) -> list[ActorMention]:
    """The mentions of ``tok``'s sentence that may tell where it is at home (not those
    named as abroad or as a venue)."""
    sent = tok.sent
    return [m for m in found.mentions if sent.start <= m.start < sent.end
            and found.doc[m.end - 1].lemma_.lower() not in ABROAD_NOUNS
            and not _venue_place(found.doc[m.end - 1])]


def _context_countries(found: _Found, tok: Token, sector: str,
                       here: list[ActorMention]) -> set[str]:
    """The countries the context gives a collective of ``sector`` (step 4): where it is,
    where what it harms is, where it acts, else the countries its sentence names."""
    return _own_place_countries(found, tok) or _harmed_place_countries(tok, here) or \
        _doer_place_countries(tok, here, sector) or \
        _home_countries_named(found, here, towns=sector in LOCAL_SECTORS) or \
        _officials_countries(here, sector)


def _officials_countries(here: list[ActorMention], sector: str) -> set[str]:
    """"Students protested against President Ruto": people with no country, in a sentence
    that names no country but a state's official, are of that official's country (as event
    coders code protests and strikes at home); not a state's own organs, which may serve
    abroad."""
    if sector not in LOCAL_SECTORS:
        return set()
    return {m.actor.country for m in here if m.actor.type == "PERSON" and m.actor.country
            and m.actor.sector in STATE_SECTORS}


def _medium_countries(here: list[ActorMention]) -> set[str]:
    """"The Foreign Minister telephoned his Ghanaian counterpart, the official Togolese
    news agency said": the country of the medium a sentence cites, whose officials wire
    copy names by title alone."""
    return {m.actor.country for m in here if m.actor.sector == "MED" and m.actor.country}


def _story_country(found: _Found, tok: Token, sector: str,
                   here: list[ActorMention]) -> set[str]:
    """"President Tshisekedi met MONUSCO officials in Kinshasa. The government later
    accused Rwanda": a definite state organ whose sentence gives it no country is the
    organ of the country the sentences before are about (the one country named at home
    in the nearest that names any, else the one their subjects are of), not of a country
    its own sentence names only as the far end of an act. So too a bare plural or mass
    organ ("ACCRA, Ghana (Reuters) - Police arrested 20 activists")."""
    definite = tok.tag_ in {"NN", "NNP"} and _definite(tok, {"the"})
    bare = not any(c.dep_ in {"det", "poss", "nummod"} for c in tok.children)
    if sector not in STATE_SECTORS or not (definite or bare):
        return set()
    doc = found.doc
    far = {m.actor.country for m in here if m.actor.country and not _said_as_home(m, doc)}
    home = _nearest_named(tok, found.mentions, lambda m: bool(m.actor.country)
                          and m.actor.country not in far and _said_as_home(m, doc),
                          lambda m: m.actor.country or "", own_sentence=False)
    return {home.actor.country} if home is not None and home.actor.country else set()


def _attribute_named_bands(found: _Found) -> None:
    """Step 4c: "UNITA rebels shelled the Angolan city of Huambo": a name no dictionary
    knows, given to rebels, names an armed group of the one country the context gives
    such rebels (as step 4 would give the rebels alone)."""
    bands = [tok for tok in found.sector_tokens if tok.tag_ in {"NNS", "NNPS"}
             and found.lex.collectives.get(tok.lower_) == "REB"]
    if not bands:
        return  # (most documents name no rebels)
    by_token = {i: m for m in found.mentions for i in range(m.start, m.end)}
    for tok in bands:
        band = next((by_token[c.i] for c in tok.children if c.dep_ == "compound"
                     and c.i < tok.i and c.i in by_token), None)
        if band is None or band.actor.source != "ner" or band.actor.country or \
                band.actor.type != "ORGANIZATION":
            continue
        isos = _context_countries(found, tok, "REB", _home_mentions(found, tok))
        if len(isos) == 1:
            band.actor.country, band.actor.type = isos.pop(), "ARMED_GROUP"


def _attribute_named_parties(found: _Found) -> None:
    """Step 4d: "Awami League activists attacked opposition supporters in Dhaka": a party's
    or movement's name no dictionary knows (party_name_words) is of the one country its
    sentence is about."""
    for m in found.mentions:
        a = m.actor
        if a.source != "ner" or a.country or a.type != "ORGANIZATION" or \
                found.doc[m.end - 1].lower_ not in PARTY_NAME_WORDS:
            continue
        tok = found.doc[m.end - 1]
        isos = _home_countries_named(found, _home_mentions(found, tok), towns=True)
        if len(isos) == 1:
            a.country = isos.pop()


def _state_acted_on_by_itself(found: _Found, tok: Token, sector: str, isos: set[str]) -> bool:
    """"The UK condemned the regime": a state organ an act of a country is aimed at is not
    that country's own (people and protesters may well be: "Egypt arrested demonstrators")."""
    if sector not in STATE_SECTORS or tok.dep_ not in {"dobj", "pobj"}:
        return False
    verb = next((a for a in tok.ancestors if a.pos_ == "VERB"), None)
    if verb is None:
        return False
    doers = {m.end - 1 for m in found.mentions
             if m.actor.country in isos and m.actor.sector in {None, "GOV"}}
    return any(c.dep_ == "nsubj" and c.i in doers for c in verb.children)


def _home_countries_named(found: _Found, here: list[ActorMention], towns: bool) -> set[str]:
    """The countries a sentence names (:func:`_countries_named`), but not one country named
    only as the far end of an act: "The ministry advised citizens against travel to
    Malawi" names no Malawian ministry. A town or capital is where an act happens,
    whatever its role ("shelled Juba")."""
    isos = _countries_named(here, towns=towns)
    if len(isos) != 1:
        return isos
    iso = next(iter(isos))
    home = any(m.actor.country == iso and (_said_as_home(m, found.doc)
                                           or m.text.lower() in found.lex.capitals)
               for m in here)
    return isos if home else set()


def _sent_somewhere(tok: Token) -> bool:
    """A collective that a verb of sending sends "to" somewhere (on it or on the verb) is
    what its sender gives, not an actor of the sentence's one country: "the UN deployed
    peacekeepers to South Sudan" names no South Sudanese force, and "Syria offered troops
    to Lebanon" offers, to no Syrian army."""
    if tok.dep_ != "dobj" or tok.head.lemma_.lower() not in SENDING_VERBS:
        return False
    return any(p.dep_ in {"prep", "dative"} and p.lower_ in DESTINATION_PREPS
               and any(q.dep_ == "pobj" for q in p.children)
               for h in (tok.head, tok) for p in h.children)


def _add_proxy_group(found: _Found, tok: Token, sector: str) -> None:
    """A proxy no place names the country of is a group of no country, known by its
    backer's word and its noun: "Iran-backed militias", and so "militias funded by Iran"
    is "Iran-funded militias" (an actor all the same: what it does is news, whoever it
    belongs to)."""
    if not found.is_free(tok.i, tok.i + 1):
        return
    # (the backer's name stays its own mention: the group's is the noun)
    told = _backing_participle(tok)
    if told is not None:  # "militias funded by Iran": named as "Iran-funded militias"
        agent = next(p for a in told.children if a.dep_ == "agent"
                     for p in a.children if p.dep_ == "pobj")
        noun = tok.lower_ if tok.is_sent_start else tok.text
        name = f"{_strip_possessive(found.doc[agent.left_edge.i:agent.i + 1]).text}-" \
            f"{told.lower_} {noun}"
    else:
        backer = min(c.left_edge.i for c in tok.children if c.dep_ == "amod")
        name = found.doc[backer:tok.i + 1].text
    word, _, rest = name.partition("-")
    if word.strip().lower() in SIDE_PREFIXES:
        name = f"{word.strip().lower()}-{rest.strip()}"  # ("Pro-Russian" opening a sentence)
    iso = _country_of_text(word.strip(), found.lex)
    if iso is not None and rest:
        # one proxy whichever word names its backer ("Iranian-", "Iran-backed militias")
        name = f"{found.res.country_actor(iso).name}-{rest.strip()}"
    actor = found.res.actor(Actor(id=f"group:{slug(name)}", name=name, type="ORGANIZATION",
                                  sector=sector, source="collective"))
    found.add(tok.i, tok.i + 1, actor, "collective")


def _backing_participle(tok: Token) -> Token | None:
    """The participle that names who backs a collective, after it: "militias funded by
    Iran", "fighters trained by the US" (backing_suffixes, with a by-agent)."""
    return next((c for c in tok.children if c.dep_ == "acl" and c.lower_ in BACKING_SUFFIXES
                 and any(a.dep_ == "agent" and any(p.dep_ == "pobj" for p in a.children)
                         for a in c.children)), None)


def _named_with_backer(tok: Token) -> bool:
    """A collective named with who backs it: "Russian-backed separatists" (the parse may
    split the word: "Russian - backed"), "U.S.-backed rebels", "pro-Russian separatists",
    "militias funded by Iran"."""
    return _backing_participle(tok) is not None or any(c.dep_ == "amod" and (
        c.lower_ == "pro" and any(_side_taken(k) for k in tok.children)
        or c.lower_ in BACKING_SUFFIXES and any(k.dep_ in {"npadvmod", "compound", "nmod",
                                                        "advmod"} for k in c.children)
        or "-" in c.lower_ and c.lower_.rpartition("-")[2] in BACKING_SUFFIXES)
        for c in tok.children)


def _agent_named(tok: Token) -> bool:
    """A collective whose participle names who acted on it ("drones launched by the
    Houthis", "fighters trained by the US") is told by that agent, not by the sentence's one
    country: "Ukraine downed drones launched by Hezbollah" names no Ukrainian drones. Not
    whom the agent harms: "schoolgirls kidnapped by Boko Haram" are not its own."""
    return any(c.dep_ == "acl" and c.tag_ == "VBN" and any(a.dep_ == "agent" for a in c.children)
               and not _harming_participle(c) for c in tok.children)


def _harmed_place_countries(tok: Token, here: list[ActorMention]) -> set[str]:
    """Whose the people an act harms are, by where it happened: "Russian drones struck a
    building in Ternopil, killing 25 people" killed Ukrainians, not Russians (the one
    country of the sentence's towns; none if it names none)."""
    if not _harmed(tok):
        return set()
    return _act_place_countries(tok, here)


def _doer_place_countries(tok: Token, here: list[ActorMention], sector: str) -> set[str]:
    """Whose the unnamed doers of an act are, by where they act: "Police fired tear gas at
    Kenyan traders in Kampala" were Ugandan police, whatever country the people they hit
    are of. Only for doers of :data:`PLACE_DOER_SECTORS`."""
    if sector not in PLACE_DOER_SECTORS or tok.dep_ != "nsubj" or \
            tok.head.lemma_.lower() in VENUE_VERBS:
        return set()  # (where talks are held or a deal signed is a venue: venue_verbs)
    return _act_place_countries(tok, here)


def _act_place_countries(tok: Token, here: list[ActorMention]) -> set[str]:
    """The one country of the towns (or places said with "in") of the act a word is an
    argument of: "Gunmen killed two French tourists in Mali" were Malian gunmen, as event
    coders code doers no one names by where they struck. None for no town or several."""
    # the act's own clause, not the report of it ("..., officials in Nairobi said")
    act = tok.head.head if tok.head.dep_ == "advcl" else tok.head
    lo, hi = act.left_edge.i, act.right_edge.i
    # (a place by its name: "at Kenyan traders" says whom, not where)
    towns = {m.actor.country for m in here if m.actor.country and lo <= m.start <= hi and (
        m.actor.type == LOCATION or m.actor.sector is None
        and _said_as_place(tok.doc[m.end - 1]))}
    return towns if len(towns) == 1 else set()


def _said_as_place(tok: Token) -> bool:
    """A name said as where something is: "in Gaza City", "in Gaza"."""
    while tok.dep_ == "compound":
        tok = tok.head
    return tok.dep_ == "pobj" and tok.head.lower_ in WHERE_PREPS


def _own_place_countries(found: _Found, tok: Token) -> set[str]:
    """The countries of the place a collective is said to be in or from ("dockworkers in
    Genoa", "schoolchildren in Kaduna state", "Mosul residents"): theirs, before any other
    country the sentence names ("... boycotted Israeli ships")."""
    preps = {"from"} if _party_at_a_venue(tok) else {"in", "from"}
    # "rebel positions in northern Iraq": a band named by its word before what it has is
    # where that thing is
    holder = tok.head if tok.dep_ in {"amod", "compound"} and _organ_thing(tok.head, tok) \
        else tok
    places = {c.i for p in holder.children if p.dep_ == "prep" and p.lower_ in preps
              for c in p.children if c.dep_ == "pobj"}
    named = {c.i for c in tok.children if c.dep_ in {"compound", "nmod"} and c.i < tok.i}
    return {m.actor.country for m in found.mentions
            if m.actor.country and m.actor.sector is None and (
                m.end - 1 in places or (m.end - 1 in named and m.actor.type == LOCATION))}


def _place_named_before(tok: Token) -> bool:
    """A collective with a town or region's name before it ("Darfur rebels", "Gaza
    residents"), which may be where it is from."""
    return any(c.dep_ in {"compound", "nmod"} and c.i < tok.i and c.ent_type_ in {"GPE", "LOC"}
               for c in tok.children)


def _add_people_collectives(found: _Found) -> None:
    """Step 4a: "Kurdish fighters", "Yezidi and Kurdish forces", "Sunni militants": a
    collective named by a people or a faith with no one country is a group of its own,
    where no country could be found for it (steps 1 and 4). It keeps its sector."""
    for tok in found.sector_tokens:
        if tok.i in found.taken or tok.tag_ not in {"NNS", "NNPS"}:
            continue
        sector = _collective_sector(tok, found.lex)
        if sector is None:
            continue
        peoples = [c for c in tok.children if c.dep_ in {"amod", "compound"} and c.i < tok.i
                   and c.ent_type_ == "NORP" and not _country_of_text(c.text, found.lex)]
        before = found.doc[tok.i - 1] if tok.i else tok
        if not peoples and before.ent_type_ == "NORP" and before.dep_ == "conj" and \
                not _country_of_text(before.text, found.lex):
            # (the parse may join the people's word to a noun before it: "the Ethiopian
            # government and Tigrayan rebels")
            peoples = [before]
        if not peoples:
            continue
        first = before.i if peoples == [before] and before.dep_ == "conj" else \
            min(k.i for c in peoples for k in (c, *c.conjuncts))
        if not found.is_free(first, tok.i + 1):
            continue
        text = found.doc[first:tok.i + 1].text
        actor = found.res.actor(Actor(id=f"group:{slug(text)}", name=text, type="ORGANIZATION",
                                      sector=sector, source="collective"))
        found.add(first, tok.i + 1, actor, "collective")


def _add_unclaimed_attacks(found: _Found) -> None:
    """Step 4b-1: "A roadside bombing near Samarra killed one U.S. soldier", "killed by a
    car bomb in Baghdad": an attack no one is said to own, that harms by itself, is the act
    of unidentified attackers (CAMEO's UAF) of the one country where it struck."""
    for tok in found.tokens:
        if tok.i in found.taken or tok.lemma_.lower() not in UNCLAIMED_ATTACK_NOUNS \
                or not _harms_by_itself(tok) or _owned_attack(tok):
            continue
        sent = tok.sent
        here = [m for m in found.mentions if sent.start <= m.start < sent.end]
        isos = _act_place_countries(tok if tok.dep_ == "nsubj" else tok.head, here)
        if len(isos) == 1:
            found.add(tok.i, tok.i + 1, found.res.country_actor(isos.pop(), "UAF"),
                      "context")


def _harms_by_itself(tok: Token) -> bool:
    """The subject of a harming verb ("a bomb killed"), or its passive agent ("killed by
    a bomb")."""
    head = tok.head
    if tok.dep_ == "pobj" and head.dep_ == "agent":
        head = head.head
    elif tok.dep_ != "nsubj":
        return False
    return head.pos_ == "VERB" and head.lemma_.lower() in HARMING_VERBS


def _owned_attack(tok: Token) -> bool:
    """An attack said to be someone's ("a Taliban bomb", "an ISIL attack", "their
    rockets", "the attack that Hamas launched"), or one told before ("the attack", "this
    bombing", whose author the text may have named): not an unidentified one's."""
    return any(c.dep_ in MODIFIER_DEPS and (c.ent_type_ or c.pos_ in {"PRON", "PROPN"})
               or c.dep_ == "prep" and c.lower_ == "by"
               or c.dep_ == "det" and c.lower_ in REFERRING_DETERMINERS | {"this", "that"}
               or c.dep_ in {"relcl", "acl"} and any(
                   k.dep_ in {"nsubj", "agent"} for k in c.children)
               for c in tok.children)


#: Sectors of people an act befalls who are actors of no country when none is told.
ACTED_ON_SECTORS = frozenset({"CVL", "OPP", "MED"})

def _add_victims(found: _Found) -> None:
    """Step 4b: "Daesh killed 35 civilians", "the bomber targeted mourners": people an act
    harms are its target even when no country is named for them; they become a civilian
    actor of no country, named by their noun. So are people and civil society any act
    befalls ("the Taliban banned women from universities"; ACTED_ON_SECTORS). Nowhere
    else: "civilians fled" names none.
    Not where the sentence names a country or a place: whose people they are is then
    unclear (step 4 found no one country), and the act's place may tell it."""
    collectives = found.lex.collectives
    for tok in found.tokens:
        low = tok.lower_
        if low not in VICTIM_NOUNS and collectives.get(low) not in ACTED_ON_SECTORS or \
                tok.i in found.taken:
            continue  # (most words name no people: looked up before the parse is read)
        harmed = tok.tag_ == "NNS" and _harmed(tok)
        if not harmed and not _acted_on(tok):
            continue
        sent = tok.sent
        if _countries_named([m for m in found.mentions if sent.start <= m.start < sent.end]):
            continue
        # (any act befalls people and civil society alike: "the Taliban banned women from
        # universities", "the junta shut down independent media")
        sector = "CVL" if harmed and low in VICTIM_NOUNS else collectives.get(low)
        if sector not in ({"CVL"} if harmed else ACTED_ON_SECTORS):
            continue
        actor = found.res.actor(Actor(id=f"group:{slug(low)}", name=low, type="ORGANIZATION",
                                      sector=sector, source="collective"))
        found.add(tok.i, tok.i + 1, actor, "collective")


#: Dependencies of a word that modifies another: "Sunni militants" names the militants.
MODIFIER_DEPS = {"amod", "compound", "nmod", "poss"}


def _add_peoples(found: _Found) -> None:
    """Step 4c: "slaughtered Sunnis", "Hindus clashed with Muslims": a people or a faith
    named by a plural noun of its own is an actor, a group of no country. Not a country's
    people ("Syrians" is Syria's, steps 1 and 3), nor a people named as a modifier ("Sunni
    militants", step 4a), nor one an actor modifies ("Iraqi Kurds" stay Iraq's)."""
    for tok in found.tokens:
        if tok.i in found.taken or tok.ent_type_ != "NORP" or tok.tag_ not in {"NNS", "NNPS"} \
                or tok.dep_ in MODIFIER_DEPS or _country_of_text(tok.text, found.lex) \
                or any(c.i in found.taken for c in tok.children if c.dep_ in MODIFIER_DEPS):
            continue
        actor = found.res.actor(Actor(id=f"group:{slug(tok.text)}", name=tok.text,
                                      type="ORGANIZATION", source="people"))
        found.add(tok.i, tok.i + 1, actor, "people")


def _harmed(tok: Token) -> bool:
    """True for the object of a harming verb, its passive subject, or the noun its
    participle hangs on ("schoolgirls kidnapped by Boko Haram")."""
    if any(_harming_participle(c) for c in tok.children):
        return True
    head = tok.head
    if head.pos_ != "VERB" or head.lemma_.lower() not in HARMING_VERBS:
        return False
    return tok.dep_ == "dobj" or tok.dep_ == "nsubjpass"


def _harming_participle(tok: Token) -> bool:
    """A harming verb's participle hung on the noun it harms: "kidnapped" of "schoolgirls
    kidnapped by Boko Haram"."""
    return tok.dep_ == "acl" and tok.tag_ == "VBN" and tok.lemma_.lower() in HARMING_VERBS


def _attribute_home_officials(found: _Found, people: list[tuple[Span, Actor]],
                              nationality: set[int]) -> None:
    """Step 5: "President Omar El Bashir ... the curfew imposed in Sudan": an official with
    a state title and no country word serves the one country the document is about. Not
    one whose office acts abroad (an envoy in Moscow is no Russian)."""
    mentions = found.mentions
    doc_isos = _countries_named([m for m in mentions if m.start not in nationality])
    if len(doc_isos) != 1 or not _is_home(next(iter(doc_isos)), mentions, found.doc):
        return
    iso = next(iter(doc_isos))
    for _span, actor in people:
        role = (actor.role or "").lower()
        if actor.country is None and role and actor.sector in STATE_SECTORS and not any(
            w in role for w in found.lex.abroad_titles
        ):
            actor.country = iso


def _country_antecedent(tok: Token, mentions: list[ActorMention]) -> Actor | None:
    """The country "the country" (or "the island") refers to: the one country named
    earlier in its sentence or, failing that, in the nearest of the two sentences before
    that names any; of several, the one that is a subject there. None when unclear."""
    found = _nearest_named(tok, mentions, lambda m: m.actor.type == "COUNTRY"
                           and m.actor.sector is None and bool(m.actor.country),
                           lambda m: m.actor.id)
    return found.actor if found is not None else None


def _nearest_named(tok: Token, mentions: list[ActorMention],
                   keep: Callable[[ActorMention], bool], key: Callable[[ActorMention], str],
                   own_sentence: bool = True) -> ActorMention | None:
    """The one mention ``keep`` accepts (one by ``key``) in the nearest window before
    ``tok`` that has any: its own sentence up to it (if ``own_sentence``), then each of
    the two sentences before; of several, the one that is a subject there. None when
    unclear."""
    doc = tok.doc
    windows = _reference_windows(tok)
    for lo, hi in windows if own_sentence else windows[1:]:
        cands = [m for m in mentions if lo <= m.start < hi and keep(m)]
        if not cands:
            continue
        for pool in (cands, [m for m in cands if _is_subject(doc[m.end - 1])]):
            distinct = {key(m): m for m in pool}
            if len(distinct) == 1:
                return next(iter(distinct.values()))
        return None
    return None


def _definite(tok: Token, articles: set[str] | frozenset[str] = frozenset(
        {"the", "this", "that"})) -> bool:
    """True when a definite article goes with ``tok``; the parse may hang the "the" of
    "the alliance's peacekeepers" on the possessor's head."""
    dets = [*tok.children, *(tok.head.children if tok.dep_ == "poss" else ())]
    return any(c.dep_ == "det" and c.lower_ in articles for c in dets)


def _conj_root(tok: Token) -> Token:
    while tok.dep_ == "conj" and tok.head.i != tok.i:
        tok = tok.head
    return tok


def _is_subject(tok: Token) -> bool:
    """A subject, or one of conjoined subjects ("Iran and Israel traded fire")."""
    return _conj_root(tok).dep_ in {"nsubj", "nsubjpass"}


def _reference_windows(tok: Token, before: int = 2) -> list[tuple[int, int]]:
    """Token ranges where an antecedent of ``tok`` may stand, nearest first: its sentence
    up to it, then each of the ``before`` sentences before."""
    doc = tok.doc
    windows = [(tok.sent.start, tok.i)]
    prev = tok.sent.start - 1
    for _ in range(before):
        if prev < 0:
            break
        ps = doc[prev].sent
        windows.append((ps.start, ps.end))
        prev = ps.start - 1
    return windows


def _plural_antecedents(tok: Token, mentions: list[ActorMention], n: int, kind: str
                        ) -> list[Actor]:
    """The ``n`` actors "the two leaders" (``kind`` PERSON), "the two countries" (COUNTRY)
    or "both sides" (ANY) refers to: the nearest conjoined ``n`` of that kind ("Spain,
    Ireland and Norway ... the three countries"), else those of that kind named in its
    sentence before it, or in the nearest sentence before that names any, if there are
    just ``n``; for "leaders", else ``n`` conjoined countries ("between Russia and Ukraine
    ... both leaders"), whose governments the caller names."""
    for lo, hi in _reference_windows(tok):
        here = [m for m in mentions if lo <= m.start < hi and m.actor.is_actor
                and m.source != "nominal"]
        group = _conjoined_group(tok.doc, here, n, kind)
        if group:
            return group
        found = {_referent_key(m.actor, kind): m.actor for m in here
                 if _fits_reference(m.actor, kind)
                 and not (kind == "ANY" and _where_it_happens(tok.doc[m.end - 1]))}
        if len(found) == n:
            return list(found.values())
        countries = _conjoined_group(tok.doc, here, n, "COUNTRY") if kind == "PERSON" else []
        if countries or found:
            return countries
    return []


def _where_it_happens(tok: Token) -> bool:
    """A name said as where something goes or happens ("deployed to Tripoli", "met in
    Cairo"), no party to it, whatever actor a capital stands for elsewhere."""
    return tok.dep_ == "pobj" and tok.head.lower_ in {"to", "in", "into", "at", "near"}


def _fits_reference(actor: Actor, kind: str) -> bool:
    if kind == "PERSON":
        return actor.type == "PERSON"
    if kind == "COUNTRY":
        return actor.type == "COUNTRY" and actor.sector in {None, "GOV"} and bool(actor.country)
    return actor.type != LOCATION  # (a place is where the sides are, none of them)


def _referent_key(actor: Actor, kind: str) -> str:
    # "Beijing" and "China" are one of "the three governments"
    return actor.country or actor.id if kind == "COUNTRY" else actor.id


def _conjoined_group(doc: Doc, here: list[ActorMention], n: int, kind: str) -> list[Actor]:
    """The nearest ``n`` conjoined actors of ``kind`` among ``here`` ("Armenia and
    Azerbaijan")."""
    at = {m.end - 1: m for m in here}
    for m in sorted(here, key=lambda m: -m.start):
        head = doc[m.end - 1]
        members = [at[c.i] for c in (head, *head.conjuncts) if c.i in at]
        if len(members) != n:
            continue
        actors = [x.actor for x in members]
        if all(_fits_reference(a, kind) for a in actors):
            return actors
    return []


def _title_antecedent(tok: Token, mentions: list[ActorMention], lex: ActorLexicon
                      ) -> Actor | None:
    """The person a definite title ("the minister", "the Foreign Secretary") refers to: the
    one person named in this or the three sentences before whose role ends in that title,
    of the country the title names if it names one. None when no one or several fit."""
    if not _definite(tok, {"the", "this"}):
        return None
    words = [c for c in tok.children if c.dep_ in {"compound", "amod"} and c.i < tok.i]
    country = None
    title = [tok.lower_]
    for w in sorted(words, key=lambda t: -t.i):
        iso = _country_of_text(w.text, lex)
        if iso:
            country = iso
            break
        title.insert(0, w.lower_)
    phrase = " ".join(title)
    if tok.lower_ not in lex.person_words and phrase not in lex.titles or \
            tok.lower_ in {"counterpart", "official", "officer", "soldier"}:
        return None
    first = _reference_windows(tok, 3)[-1][0]
    found = {m.actor.id: m.actor for m in mentions
             if first <= m.start < tok.i and m.actor.type == "PERSON" and m.actor.role
             and (m.actor.role.lower() + " ").replace("-", " ").endswith(phrase + " ")
             and (country is None or m.actor.country == country)}
    return next(iter(found.values())) if len(found) == 1 else None


def _before_its_country(span: Span, lex: ActorLexicon) -> bool:
    """True for the town in "isolate Raqqah, Syria, on Monday": a name, a comma and a
    country name that ends the phrase. Not in a list ("Obama, Russia and China", "Merkel,
    Germany, and France") nor before a possessive ("Putin, Russia's president")."""
    doc = span.doc
    i = span.end
    if i + 1 >= len(doc) or doc[i].text != "," or not doc[i + 1].text[:1].isupper():
        return False
    if _country_of_text(doc[i + 1].text, lex) is None:
        return False
    rest = [t.lower_ for t in doc[i + 2: i + 4]]
    if rest[:1] and rest[0] in {"'s", "’s", "and", "or", "-", "–"}:
        return False
    return not (rest[:1] == [","] and rest[1:2] and rest[1] in {"and", "or"})


def _named_place(span: Span) -> bool:
    """True for the name in "the town of Cizre", "the capital Kabul", "Jaffna peninsula",
    and for ground an act is done to: "the liberation of Sinjar", "the battle for Mosul"."""
    root = span.root
    head = root.head
    if root.dep_ == "pobj" and head.lower_ in {"of", "for"}:
        # (not a name the actor lexicon knows: "the siege of Hamas"; an owner, "the fall
        # of the Taliban's stronghold", is no place already by _place_by_context)
        if head.head.lemma_.lower() in TERRITORY_ACTS and not any(t.ent_id_ for t in span):
            return True
        if head.lower_ != "of":
            return False
        head = head.head
    elif root.dep_ not in {"appos", "compound"}:
        return False
    return head.i != root.i and head.lemma_.lower() in PLACE_NOUNS


def _ethnic_residence(
    doc: Doc, m: ActorMention, mentions: list[ActorMention], lex: ActorLexicon
) -> tuple[str, str | None] | None:
    """For a mention of an ethnic group, (its ethnicity's country, the country it lives in
    or None); None for any other mention.

    A demonym is an ethnicity after "ethnic" ("ethnic Albanians", "ethnic Albanian
    guerrillas"), or in the plural with "of" a country ("the Albanians of southern
    Serbia"). The country it lives in is the one its phrase names ("in south Serbia",
    "operating in Macedonia"), else the one other country its sentence names, else unknown.
    """
    a = m.actor
    if a.type != "COUNTRY" or not a.country:
        return None
    first = next((t for t in doc[m.start:m.end] if lex.demonyms.get(t.lower_)), None)
    if first is None:
        return None
    head = doc[m.end - 1]
    ethnic = first.i > 0 and doc[first.i - 1].lower_ == "ethnic"
    if not ethnic and not (head.i == first.i and head.tag_ in {"NNPS", "NNS"}):
        return None

    def country_at(tok: Token) -> str | None:
        return next((x.actor.country for x in mentions if x.start <= tok.i < x.end
                     and x.actor.country and x.actor.country != a.country), None)

    heads = [head, *(c for c in head.children if c.dep_ in {"acl", "relcl"})]
    for h in heads:
        for prep in h.children:
            if prep.dep_ != "prep" or prep.lower_ not in ({"in", "of", "from"} if ethnic
                                                          else {"of"}):
                continue
            for p in prep.children:
                iso = country_at(p) if p.dep_ == "pobj" else None
                if iso:
                    return a.country, iso
    if not ethnic:
        return None
    sent = head.sent
    others = _countries_named([x for x in mentions if sent.start <= x.start < sent.end
                               and x is not m and x.actor.country != a.country])
    return a.country, (others.pop() if len(others) == 1 else None)


def _countries_named(mentions: list[ActorMention], towns: bool = True) -> set[str]:
    """The countries some mentions name: by a country word, else (if ``towns``) by the
    towns in them (a meeting "in Geneva" says where, while "Syrian" says whose)."""
    for kind in ("COUNTRY", LOCATION) if towns else ("COUNTRY",):
        isos = {m.actor.country for m in mentions if m.actor.type == kind and m.actor.country}
        if isos:
            return isos
    return set()


def _is_home(iso: str, mentions: list[ActorMention], doc: Doc) -> bool:
    """True when the document speaks of ``iso`` as where things happen or whose they are
    ("in Sudan", "Sudan's", "Sudanese police", Sudan as a subject), not only as the far end
    of acts ("cooperation against North Korea", "sanctions on Iran"): only then are its
    untitled officials that country's."""
    return any(m.actor.country == iso and _said_as_home(m, doc) for m in mentions)


def _said_as_home(m: ActorMention, doc: Doc) -> bool:
    """A mention that names a country as where things happen or whose they are (see
    :func:`_is_home`), not as the far end of an act ("travel to Malawi", "sanctions on
    Iran")."""
    tok = doc[m.end - 1]
    if m.actor.type == LOCATION or m.actor.sector is not None:
        return True
    while tok.dep_ == "conj" and tok.head.i != tok.i:  # "Turkish and UK": as the first is
        tok = tok.head
    if tok.dep_ in {"poss", "amod", "compound", "nmod", "nsubj", "nsubjpass", "ROOT"}:
        return True
    if tok.dep_ == "pobj" and tok.head.lower_ in {"in", "inside", "within", "across",
                                                   "throughout", "of"}:
        return True
    return _visit_destination(tok)


def _visit_destination(tok: Token) -> bool:
    """Where a visit the sentence happens during is to: "In his first visit to Uzbekistan,
    Mr Ellwood met senior officials" met Uzbek officials ("travel to Malawi" advised
    against is no visit under way)."""
    prep = tok.head
    if tok.dep_ != "pobj" or prep.lower_ != "to" or prep.head.lemma_.lower() not in VISIT_NOUNS:
        return False
    visit = prep.head
    return visit.dep_ == "pobj" and visit.head.lower_ in {"in", "during", "on", "at"}


def _named_body(ent: Span, first: int, head: int, lex: ActorLexicon) -> bool:
    """True when an organisation's name holds words beyond a country and a collective
    noun: "Syrian Democratic Forces" is a named group, "Syrian Army" Syria's military."""
    head_word = ent.doc[head].lower_
    doc = ent.doc
    for t in ent:
        if t.is_punct or t.lower_ in {"the", "of", "and"} or t.i == head:
            continue
        if t.lower_ in lex.collectives or f"{t.lower_} {head_word}" in lex.collectives:
            continue
        # (a country word of two tokens, "Sri Lankan", "New Zealand", counts for both)
        if _country_of_text(t.text, lex) or any(
                _country_of_text(doc[a:a + 2].text, lex) for a in (t.i - 1, t.i)
                if ent.start <= a and a + 2 <= ent.end):
            continue
        return True
    return False


def _modifier_country(tok: Token, lex: ActorLexicon, self_ok: bool = False) -> str | None:
    if self_ok:
        iso = _country_of_text(tok.text, lex)
        if iso:
            return iso
    for c in tok.children:
        if c.dep_ in {"amod", "compound", "nmod"}:
            iso = _country_of_text(c.text, lex)
            if iso:
                return iso
    return None


def _entity_actor(span: Span, ent: Span, res: _Resolver, lex: ActorLexicon) -> Actor | None:
    """The actor a named entity names, or None when it names none. Readings go from the
    surest (an id the ruler gave) to guesses from context; the first that fits wins."""
    if _gone_state(span) or _names_a_language(span) or not ent.ent_id_ and (
            span.root.lemma_.lower() in DOCUMENT_NOUNS or _names_a_model(span)):
        return None  # (a named treaty or plan is no actor, nor is a weapon's model)
    return (_coded_actor(span, ent, res, lex) or _country_word_actor(span, ent, res, lex)
            or _surname_actor(span, ent, res, lex) or _context_actor(span, ent, res, lex))


def _names_a_language(span: Span) -> bool:
    """A people's adjective before a noun of language names the tongue: "restrictions on
    the Russian language", "Arabic speakers" (`language_nouns`)."""
    root = span.root
    return root.dep_ in {"amod", "compound"} and root.head.i >= span.end and \
        root.head.lemma_.lower() in LANGUAGE_NOUNS


#: A model's designation: letters, a hyphen, a number ("S-400", "F-16", "MiG-29", "Su-35").
MODEL_DESIGNATION = re.compile(r"[A-Z][A-Za-z]{0,3}-\d+[A-Za-z]*s?")


def _names_a_model(span: Span) -> bool:
    """A name that is a model's designation names a weapon or a machine, no actor:
    "bought S-400 missiles", "F-16s" (a known body of that shape, the "G-20", is coded
    before this is asked)."""
    # (the model may tag a word after it into the name: "F-16s to" in "sent F-16s to Kyiv")
    return MODEL_DESIGNATION.fullmatch(span[0].text) is not None and not any(
        t.pos_ == "PROPN" for t in span[1:])


def _gone_state(span: Span) -> bool:
    """"former Soviet states", "post-Soviet republics": a state that no longer exists,
    named after a word of the past, says where something once was; it acts no more."""
    words = [t.lower_ for t in span]
    before = span.doc[span.start - 1].lower_ if span.start else ""
    if before == "-" and span.start > 1:
        before = span.doc[span.start - 2].lower_
    if words and words[0] in GONE_STATE_MARKERS:
        words, before = words[1:], words[0]
    return " ".join(words) in GONE_STATE_WORDS and before in GONE_STATE_MARKERS


def _coded_actor(span: Span, ent: Span, res: _Resolver, lex: ActorLexicon) -> Actor | None:
    """The actor the ruler's id or the lexicon gives the entity."""
    ent_id = ent.ent_id_
    if ent_id.startswith("capital:"):
        return _capital_actor(span, ent_id.split(":", 1)[1], res, lex)
    if ent_id.startswith("country:") and ent_id.count(":") == 2:
        _, iso, sector = ent_id.split(":")
        return res.country_actor(_organs_country(span, lex) or iso, sector)
    known = lex.actors.get(ent_id) if ent_id else None
    known = known or lex.lookup(span.text)
    if known is None:
        return None
    if known.type == "COUNTRY" and known.country:
        return res.country_actor(known.country)
    return res.actor(_known_to_actor(known))


def _organs_country(span: Span, lex: ActorLexicon) -> str | None:
    """The country a name is said to be of by a modifier before it: "Peru's congress",
    "the Peruvian Congress" are Peru's legislature, though "Congress" alone is the US one;
    "Iraqi Kurdistan" is a place in Iraq."""
    owners = {iso for c in span.root.children if c.dep_ in {"poss", "amod", "compound"}
              and c.i < span.start and (iso := _country_of_text(c.text, lex))}
    return owners.pop() if len(owners) == 1 else None


def _capital_actor(span: Span, iso: str, res: _Resolver, lex: ActorLexicon) -> Actor:
    """A capital's name stands for its state ("Kabul said"), unless the text says it is a
    namesake town of another country: "Tripoli, the north Lebanese port" is Lebanon's
    Tripoli, not Libya's government, and so is a later bare "Tripoli" in that document
    (one name, one sense per document)."""
    other = _appositive_place_country(span, lex)
    if other is not None and other != iso:
        return res.place(span, other)
    seen = res.actors.get(f"place:{slug(span.text)}")
    if other is None and seen is not None and seen.country not in {None, iso}:
        return seen
    return res.country_actor(iso)


def _appositive_place_country(span: Span, lex: ActorLexicon) -> str | None:
    """The country a place noun phrase set off by a comma after a name gives it: Lebanon
    for "Tripoli, the north Lebanese port," or "Tripoli, a port in Lebanon,"; None when
    no such phrase follows or it names no single country.

    The writer adds the phrase to say which of the towns of that name is meant, so it
    outranks both a capital's reading as its state and the gazetteer's choice of the
    biggest namesake. The phrase is found by position, not by an appos arc: the parser
    often hangs it on the clause ("Clashes in Tripoli, the ... port, killed two"). It must
    end at a comma or the sentence's end, so "In Beirut, Israeli towns were shelled" (a
    subject after a fronted place) gives nothing.
    """
    doc = span.doc
    first = span.end + 1
    if first >= span.sent.end or doc[span.end].text != ",":
        return None
    # The phrase's head, not a modifier of it ("a port city": "city").
    head = next((t for t in doc[first:min(first + 6, span.sent.end)]
                 if t.pos_ == "NOUN" and t.lemma_.lower() in PLACE_NOUNS
                 and t.dep_ not in {"compound", "amod", "nmod", "poss"}), None)
    if head is None:
        return None
    # The parser may hang the commas on the phrase: its bounds are its words.
    words = [t.i for t in head.subtree if not t.is_punct]
    last = words[-1]
    if words[0] != first or \
            last + 1 < span.sent.end and doc[last + 1].text not in {",", ";", ".", ")"}:
        return None
    # Words before the noun ("the north Lebanese port", "Lebanon's second city") and
    # the object of "in"/"of" after it ("a port in northern Lebanon").
    words = list(doc[first:head.i])
    words += [p for prep in head.children if prep.dep_ == "prep"
              and prep.lower_ in {"in", "of"} for p in prep.children if p.dep_ == "pobj"]
    # A word inside a named entity is read as the whole name ("the United States").
    isos = {iso for t in words if (iso := _country_of_text(_entity_text(t), lex))}
    return isos.pop() if len(isos) == 1 else None


def _country_word_actor(span: Span, ent: Span, res: _Resolver, lex: ActorLexicon
                        ) -> Actor | None:
    """The country a demonym, a capital or a misspelt country name stands for."""
    text = span.text
    if ent.label_ == "NORP" and len(span) == 2 and span.root.tag_ in {"NNPS", "NNS"} and \
            lex.lookup(text) is None and (iso := lex.country_of_word(span[0].text)):
        # "Indonesian Muslims": a people of the country, whatever its faith
        return res.country_actor(iso, "CVL")
    if ent.label_ == "NORP" or len(span) == 1:
        # A demonym is its country whatever NER calls it ("Ugandan opposition candidates"
        # comes tagged ORG).
        iso = lex.country_of_word(text)
        if iso:
            root = span.root
            if ent.label_ == "NORP" and root.tag_ in {"NNPS", "NNS"} and \
                    root.dep_ not in {"amod", "compound", "poss"} and lex.lookup(text) is None:
                # "Thousands of Georgians protested against the government": a people,
                # not its state.
                return res.country_actor(iso, "CVL")
            return res.country_actor(iso)
    iso = lex.capitals.get(text.lower())
    if iso:
        return _capital_actor(span, iso, res, lex)
    if ent.label_ in MISSPELT_LABELS and len(span) == 1 and res.places.country(text) is None:
        # "an offer from Afganistan", "Quatar's emir": wire copy misspells countries, and
        # NER still takes them for places or bodies. A known place keeps its own name
        # ("Indiana" is not "India", "Fujian" in China not "Fijian").
        iso = lex.country_of_misspelling(text)
        if iso and _place_country(text, res, lex) in {None, iso}:
            return res.country_actor(iso)
    return None


def _place_country(name: str, res: _Resolver, lex: ActorLexicon) -> str | None:
    """The country a region or a listed place called ``name`` is in (an event-data
    dictionary lists misspellings of a country under the country itself), or None."""
    return res.places.region(name) or res.places.listed_country(name) or \
        lex.places.get(fold(name))


def _surname_actor(span: Span, ent: Span, res: _Resolver, lex: ActorLexicon) -> Actor | None:
    """A person NER gave another label: document-level consistency makes a surname seen
    before as a person that person, whatever label NER gives it this time ("Carlin" ORG,
    "Syromolotov" NORP); a well-known name is its person ("Donald Trump" tagged ORG)."""
    text = span.text
    if ent.label_ == "PERSON":
        return None
    key = person_key(text)
    if len(span) == 1:
        for p in res.persons:
            if key in {surname(p.name), family_name_first(p.name)}:
                return p
        if text[:1].isupper() and (key in res.surnames or lex.person(text) is not None):
            return res.person(text)
    if len(span) > 1 and lex.person(text) is not None:
        return res.person(text)
    return None


def _context_actor(span: Span, ent: Span, res: _Resolver, lex: ActorLexicon) -> Actor | None:
    """An entity no lexicon knows, read by its label and the words around it: a town, a
    person, or an organisation; None for a bare NORP or a PERSON with no capital."""
    text = span.text
    head = span.root.head
    if span.root.dep_ == "compound" and head.lemma_.lower() in KIN_GROUP_NOUNS:
        # "the Al Bu Nimr tribe": a kin group, whatever NER calls its name.
        name = f"{text} {head.lower_}"
        return res.actor(Actor(id=f"group:{slug(name)}", name=name, type="ORGANIZATION",
                               sector="ETH"))
    if _place_by_context(span, ent) or (
        ent.label_ in {"PERSON", "ORG"} and (_before_its_country(span, lex)
                                             or _ground_taken(span, res))
    ):
        # "Near Ar Raqqah, 15 strikes ...": NER calls unknown towns people or organisations.
        return res.place(span)
    seen = res.actors.get(f"place:{slug(text)}")
    if seen is not None and ent.label_ in {"PERSON", "ORG"}:
        # One name, one sense per document: "the city of Raqqah" makes the later "the
        # liberation of Raqqah" that town, whatever label NER gives it there.
        return seen
    if ent.label_ in {"PERSON", "ORG"} and _faction_name(span):
        return res.actor(Actor(id=f"group:{slug(text)}", name=text, type="ARMED_GROUP"))
    if ent.label_ == "PERSON":
        if not any(t.is_alpha and t.text[0].isupper() for t in span):
            return None
        return res.person(text)
    root = span.root
    if (
        ent.label_ in {"GPE", "LOC", "FAC", "ORG"} and len(span) == 1 and not text.isupper()
        and root.dep_ == "nsubj" and root.head.lemma_ in HUMAN_VERBS
    ):
        # Places and unknown organisations do not urge or reply: this is a surname.
        return res.person(text)
    if ent.label_ in {"GPE", "LOC", "FAC"} and not _named_as_a_body(span):
        return res.place(span)
    if ent.label_ == "NORP":
        return None
    return _organisation(span, res, lex)


def _named_as_a_body(span: Span) -> bool:
    """A name of several words ending in a body's word ("the Myittha Defence Force", "the
    Arab Tribal Council"; org_words), which NER may call a place or a building."""
    last = span[-1]
    return len(span) > 1 and last.lower_ in BODY_WORDS and last.text[0].isupper()


def _faction_name(span: Span) -> bool:
    """A name of several words that opens with a word of armed factions' names ("Ansar
    al-Haqq", "Liwa Ard al-Quds"; faction_name_words), which no person's name does."""
    return len(span) > 1 and span[0].text[:1].isupper() and span[0].lower_ in FACTION_NAME_WORDS


def _ground_taken(span: Span, res: _Resolver) -> bool:
    """True for a name the gazetteer knows as a town, as the object of a verb that takes,
    strikes or reaches ground, or a conjunct of one: "M23 rebels captured Goma", "shelled
    Kharkiv and Mariupol" (ground_verbs); after "into" or "toward", or "from" on a verb of
    leaving ("withdrew from Avdiivka", leaving_verbs); where NER calls it a person or an
    organisation. Not a surname of someone the document names in full."""
    root = span.root
    while root.dep_ == "conj" and root.head.i != root.i:
        root = root.head
    head = root.head
    ground = root.dep_ == "dobj" and head.lemma_.lower() in GROUND_VERBS or \
        root.dep_ == "pobj" and (head.lower_ in {"into", "toward", "towards"} or
                                 head.lower_ == "from" and head.head.lemma_.lower()
                                 in LEAVING_VERBS)
    return ground and person_key(span.text) not in res.surnames \
        and bool(res.places.candidates(span.text))


def _place_by_context(span: Span, ent: Span) -> bool:
    """True when the words around an entity make it a place: after "near", "in" and the
    like, or named as one ("the town of Cizre"); not when it owns something ("'s")."""
    doc = span.doc
    # (not a word of another name: "Minister for the Middle East Tobias Ellwood")
    before = doc[span.start - 1].lower_ if span.start > 0 and \
        not doc[span.start - 1].ent_type_ else ""
    after = doc[span.end].lower_ if span.end < len(doc) else ""
    return after not in {"'s", "’s"} and (
        (ent.label_ in {"PERSON", "ORG"} and before in LOCATIVE_WORDS)
        or (ent.label_ in {"PERSON", "ORG", "NORP"} and _named_place(span))
    )


def _organisation(span: Span, res: _Resolver, lex: ActorLexicon) -> Actor:
    """An organisation (or a news medium) by name, of the country its name or the word
    before it gives."""
    text = span.text
    low = {t.lower_ for t in span}
    kind = "MEDIA" if low & MEDIA_WORDS else "ORGANIZATION"
    # "the U.S. Commerce Department", "South Korea's Unification Ministry", "the Nigerian
    # Union of Teachers": a body named with its country belongs to it; a ministry or an
    # army is that country's government or military.
    country = next((iso for t in span if (iso := _country_of_text(t.text, lex))), None) \
        or _country_word_before(span.doc, span.start, lex)
    sector = lex.collectives.get(span.root.lower_) if country else None
    return res.actor(Actor(id=f"org:{slug(text)}", name=text, type=kind, country=country,
                           sector=sector))


def pronoun_kind(token: Token) -> str | None:
    return PRONOUNS.get(token.lower_) if token.pos_ == "PRON" or token.tag_ == "PRP$" else None


FIRST_PERSON = {"i": "PERSON", "me": "PERSON", "my": "PERSON", "we": "GROUP", "us": "GROUP",
                "our": "GROUP"}
QUOTING_VERBS = word_set("quoting_verbs")


def resolve_speaker(token: Token, index: ActorIndex) -> ActorMention | None:
    """The speaker a first-person pronoun inside quoted speech refers to: '"We will
    punish Israel," Iran said' -> Iran; '"I condemn the attack," Macron said' -> Macron;
    'Minister X said:' then "we will ..." -> X's government (or X), at X's words.

    "I" needs a person; "we" an actor that is no person: a person's "we" in a reported
    clause may be his government, his party or his team, so it is dropped, unless he is
    a state official (his government); in words introduced as his statement ("X said:")
    it is whom he speaks for. None outside quoted speech."""
    kind = FIRST_PERSON.get(token.lower_)
    if kind is None:
        return None
    found = _reported_speaker(token, index)
    quote = quotation_at(token, index)
    if quote is not None and (found is None or found is not False
                              and found.actor.id == quote.speaker.actor.id):
        found = quote.speaker
        if found.actor.type == "PERSON" and kind == "GROUP":
            if quote.voice is not None:  # (whom he speaks for: the pronoun names it)
                return ActorMention(token.i, token.i + 1, token.text, quote.voice, "pronoun")
            return ActorMention(found.start, found.end, found.text, found.actor, "pronoun")
    if found and found.actor.type == "PERSON" and kind == "GROUP" and \
            found.actor.sector in STATE_SECTORS and found.actor.country in index.states:
        # ('"We will attack Iran," Israeli Defence Minister Ehud Barak said': a state
        # official's "we" is his government, as in his introduced statement)
        return ActorMention(token.i, token.i + 1, token.text,
                            index.states[found.actor.country], "pronoun")
    if found is None or found is False or (found.actor.type == "PERSON") != (
            kind == "PERSON"):
        return None
    return found


def _reported_speaker(token: Token, index: ActorIndex) -> ActorMention | bool | None:
    """The one actor subject of the quoting verb whose reported clause holds ``token``;
    False when that verb has none or several, None when no quoting verb reports it."""
    node = token
    for _ in range(8):
        head = node.head
        if head.i == node.i:
            return None
        if node.dep_ in {"ccomp", "parataxis"} and head.lemma_ in QUOTING_VERBS:
            speakers = [m for c in head.children if c.dep_ == "nsubj"
                        if (m := index.at(c)) is not None and m.actor.is_actor]
            return speakers[0] if len(speakers) == 1 else False
        node = head
    return None


def _blamed_object(token: Token, index: ActorIndex, kind: str) -> ActorMention | None:
    """"The US sanctioned Iran over its supply of drones", "praised Kenya for its offer",
    "imposed sanctions on Russia over its invasion": a possessive in the reason for an act
    done to someone is that someone's, not the doer's. None when the pronoun is not in
    such a reason or the one acted on is no single actor of its kind."""
    noun = token.head
    if token.dep_ != "poss" or noun.dep_ != "pobj" or noun.head.lower_ not in REASON_PREPS:
        return None
    verb = noun.head.head
    if verb.pos_ not in {"VERB", "AUX"}:
        return None
    done_to = [c for c in verb.children if c.dep_ == "dobj"]
    # (an act named by its noun is done "on" or "against" someone: "sanctions on Russia")
    done_to += [p for h in (verb, *done_to) for c in h.children
                if c.dep_ == "prep" and c.lower_ in {"on", "against"}
                for p in c.children if p.dep_ == "pobj"]
    objects = {m.actor.id: m for c in done_to for m in index.all_at(c)
               if _compatible(kind, m, token.doc)}
    return next(iter(objects.values())) if len(objects) == 1 else None


def _own_act_owner(token: Token, index: ActorIndex, kind: str) -> ActorMention | None:
    """"The regime's use of barrel bombs against its own people": a possessive with "own"
    inside an act a possessor owns is that possessor's, before the clause's doer (the UK
    that condemns it)."""
    if token.dep_ != "poss" or not any(c.lower_ == "own" for c in token.head.children):
        return None
    for anc in token.ancestors:
        if anc.pos_ in {"VERB", "AUX"}:
            # (the parser may hang "against its own people" on the verb, beside the act)
            acts = [c for c in anc.children if c.dep_ == "dobj" and c.i < token.i]
            return _possessor(acts, index, kind, token.doc)
        if anc.pos_ == "NOUN" and anc.i < token.i:
            owner = _possessor([anc], index, kind, token.doc)
            if owner is not None:
                return owner
    return None


def _possessor(nouns: list[Token], index: ActorIndex, kind: str, doc: Doc
               ) -> ActorMention | None:
    """The one actor of ``kind`` that possesses one of ``nouns`` ("the regime's use")."""
    owners = {m.actor.id: m for n in nouns for c in n.children if c.dep_ == "poss"
              for m in index.all_at(c) if _compatible(kind, m, doc) and m.source != "pronoun"}
    return next(iter(owners.values())) if len(owners) == 1 else None


def _clause_owner(token: Token, index: ActorIndex, kind: str) -> ActorMention | None:
    """"Macron called on Russia to withdraw its troops": a possessive on what a clause acts
    on is the clause's own doer's, and an infinitive without a subject takes its doer from
    the object of the verb it hangs on ("called on Russia", "urged Iran") or, with no object,
    from that verb's subject. None when the possessive is in the subject itself or the doer
    is no single actor of its kind."""
    if token.dep_ != "poss":
        return None
    verb = next((a for a in token.ancestors if a.pos_ in {"VERB", "AUX"}), None)
    if verb is None:
        return None
    doers = [c for c in verb.children if c.dep_ in {"nsubj", "nsubjpass"}]
    if any(token.i in {t.i for t in d.subtree} for d in doers):
        return None
    if not doers and verb.dep_ in {"xcomp", "advcl"} and not any(
            c.dep_ == "mark" for c in verb.children):
        controller = verb.head
        doers = [c for c in controller.children if c.dep_ in {"dobj", "dative"}] or [
            p for c in controller.children if c.dep_ == "prep" and c.lower_ == "on"
            for p in c.children if p.dep_ == "pobj"] or [
            c for c in controller.children if c.dep_ in {"nsubj", "nsubjpass"}]
    owners = {m.actor.id: m for d in doers for m in index.all_at(d)
              if _compatible(kind, m, token.doc) and m.source != "pronoun"}
    return next(iter(owners.values())) if len(owners) == 1 else None


def _warned_party(token: Token, index: ActorIndex, kind: str) -> ActorMention | None:
    """"Kenya warned Uganda of consequences if it attacked South Sudan", "China threatened
    Taiwan with force if it declared independence": the subject of a warning's condition
    is the one warned (the warning verb's object), not the one who warns."""
    verb = token.head
    if token.dep_ != "nsubj" or not any(
            c.dep_ == "mark" and c.lower_ in CONDITIONS for c in verb.children):
        return None
    head = verb
    for _ in range(2):  # (through a clause of what the warned will face: "that it would")
        if head.dep_ not in {"advcl", "ccomp"}:
            return None
        head = head.head
        if head.lemma_ in WARNING_VERBS:
            warned = {m.actor.id: m for c in head.children if c.dep_ in {"dobj", "dative"}
                      for m in index.all_at(c) if _compatible(kind, m, token.doc)}
            return next(iter(warned.values())) if len(warned) == 1 else None
    return None


def resolve_pronoun(token: Token, index: ActorIndex) -> ActorMention | None:
    """The actor a pronoun refers to, when the evidence is clear; else None.

    Candidates are compatible mentions earlier in the sentence or in the two before it.
    The nearest sentence with candidates decides; a single compatible subject there (or a
    single compatible actor at all) wins, anything else is ambiguous and dropped.
    """
    kind = pronoun_kind(token)
    if kind is None:
        return None
    doc = token.doc
    owner = _blamed_object(token, index, kind) or _own_act_owner(token, index, kind) or \
        _clause_owner(token, index, kind) or _warned_party(token, index, kind)
    if owner is not None:
        return owner
    windows = _reference_windows(token)
    # A non-reflexive object pronoun never names its own clause's subject
    # ("The U.S. refuses to deal with them").
    own_subjects = set()
    if token.dep_ in {"dobj", "pobj", "dative"}:
        for anc in token.ancestors:
            if anc.pos_ in {"VERB", "AUX"}:
                own_subjects |= {c.i for c in anc.subtree if c.dep_ in {"nsubj", "nsubjpass"}}
                own_subjects |= _controller_subjects(anc)
            if anc.dep_ not in {"xcomp", "prep", "pobj", "dobj", "conj"}:
                break
    # (nor another mention of that subject's actor: "Macron phoned Putin. Macron urged him
    # to halt the offensive" urges Putin)
    own_actors = {m.actor.id for m in index.mentions
                  if any(i in own_subjects for i in range(m.start, m.end))}
    # (nor whom a subject pronoun stands for: "Erdogan spoke with Putin. He urged him to
    # extend the deal" urges Putin; a subject is never an object pronoun, so no loop)
    own_actors |= {m.actor.id for i in own_subjects if doc[i].pos_ == "PRON"
                   and index.at(doc[i]) is None
                   and (m := resolve_pronoun(doc[i], index)) is not None}
    for n, (lo, hi) in enumerate(windows):
        if n == 1 and _thing_named_before(token, index):
            return None  # "welcomed the agreement and called on both sides to implement it"
        cands = [m for m in index.mentions
                 if lo <= m.start < hi and _compatible(kind, m, doc, index.officials)
                 and m.source != "pronoun"
                 and not any(i in own_subjects for i in range(m.start, m.end))
                 and m.actor.id not in own_actors]
        if not cands:
            continue
        distinct = {m.actor.id: m for m in cands}
        if len(distinct) == 1:
            return cands[-1]
        subjects = {m.actor.id: m for m in cands
                    if _is_subject(doc[m.end - 1]) or _is_subject(doc[m.start])}
        if len(subjects) == 1:
            return next(iter(subjects.values()))
        roots = {_conj_root(doc[m.end - 1]).i for m in subjects.values()}
        if kind == "GROUP" and len(roots) == 1:
            # "Russia and China said they ...": the conjoined subjects together; the first
            # stands for the group (its conjuncts are found from it).
            return min(subjects.values(), key=lambda m: m.start)
        return None
    return None


def _thing_named_before(token: Token, index: ActorIndex) -> bool:
    """An object "it" whose own sentence names no actor it could be, but names a thing
    before it as an argument ("the agreement"): that thing is the nearer antecedent, so an
    actor of an earlier sentence is not it."""
    if token.lower_ != "it" or token.dep_ not in {"dobj", "pobj"}:
        return False
    return any(t.tag_ == "NN" and t.dep_ in {"dobj", "nsubj", "nsubjpass", "pobj"}
               and t.i not in index.by_token for t in token.doc[token.sent.start:token.i])


def _controller_subjects(verb: Token) -> set[int]:
    """The subject a participle or infinitive without its own takes from the clause it
    hangs from: "Russia expelled two diplomats, accusing them of spying" (Russia accuses)."""
    if verb.dep_ not in {"advcl", "xcomp"} or any(
            c.dep_ in {"nsubj", "nsubjpass", "mark"} for c in verb.children):
        return set()
    return {c.i for c in verb.head.children if c.dep_ in {"nsubj", "nsubjpass"}}


def _compatible(kind: str, m: ActorMention, doc: Doc,
                officials: frozenset[int] = frozenset()) -> bool:
    t = m.actor.type
    if not m.actor.is_actor:
        return False
    if kind == "PERSON":
        # ("The Iranian foreign minister arrived. He met ...": a person by role)
        return t == "PERSON" or m.end - 1 in officials
    if kind == "THING":
        # "its" is not "the rebels" or "Palestinians"; a name ending in s is one body
        # ("Hamas renounced its struggle", "the United States and its allies").
        return t != "PERSON" and not (m.text.lower().endswith("s")
                                      and doc[m.end - 1].tag_ in {"NNS", "NNPS"}
                                      and m.text.lower() != m.actor.name.lower())
    return t != "PERSON"
