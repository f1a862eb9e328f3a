"""Relations told by a noun: "talks between Kerry and Lavrov", "visits by Kerry to
Moscow", "cooperation with Syria", "Russia's attack on Ukraine", "with the help of"."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field

from spacy.tokens import Token

from actorgraph.extract.actors import LOCATION, ActorMention
from actorgraph.extract.lexicon import RelationType
from actorgraph.extract.relations.arguments import (
    joiners,
    noun_governor_subjects,
    sense_words,
    subjects,
    verb_objects,
)
from actorgraph.extract.relations.mentions import (
    late_authors,
    mentions,
    modifier_actors,
    noun_relation_of,
    own_means,
    prep_mentions,
)
from actorgraph.extract.relations.model import Finding, Sentence, Weighted
from actorgraph.extract.relations.supported import (
    conjoined_parties,
    of_names_supported,
    supported_doers,
)
from actorgraph.extract.relations.syntax import is_verb, takes_part
from actorgraph.extract.relations.targets import purpose_targets
from actorgraph.extract.relations.words import (
    AGENT_PREPS,
    BEHEST_PREPS,
    COOPERATIVE_QUADS,
    GROUP_NOUNS,
    MEMBERSHIP_NOUNS,
    PARTICIPATION_VERBS,
    PRIZE_PREPS,
)
from actorgraph.extract.wordlists import word_set

COOPERATIVE_PARTY_PREPS = word_set("cooperative_party_preps")
HOSTILE_PARTY_PREPS = word_set("hostile_party_preps")
VERB_HUNG_PREPS = word_set("verb_hung_preps")
#: Prepositions of a way in, which a verb of reaction or speech never takes.
MOTION_INTO_PREPS = frozenset({"into", "onto"})
#: The preposition of a gift's recipient.
RECIPIENT_PREPS = frozenset({"to"})


@dataclass
class NounRoles:
    """The parties of a relation noun, by how they are named."""

    agents: Weighted = field(default_factory=list)
    patients: Weighted = field(default_factory=list)
    between: Weighted = field(default_factory=list)
    # agents named by "by"/"from" act together, not on each other
    authors: bool = False


def noun_relations(ctx: Sentence) -> Iterator[Finding]:
    """Every statement a relation noun of the sentence carries."""
    for tok in ctx.tokens:
        if tok.pos_ not in {"NOUN", "PROPN"} and not nominal_gerund(tok) or \
                ctx.index.at(tok) is not None:
            continue
        rtype = noun_relation_of(ctx, tok)
        if rtype is None or is_light_noun(ctx, tok) or names_its_body(ctx, tok):
            continue
        yield from noun_findings(ctx, tok, rtype)


#: Actor types of a body a group noun may be named for ("the CSTO alliance").
BODY_TYPES = frozenset({"IGO", "ORGANIZATION", "ARMED_GROUP", "PARTY"})


def names_its_body(ctx: Sentence, tok: Token) -> bool:
    """A group noun with the name of a body before it names that body ("the Russian-led
    CSTO security alliance", "the NATO alliance"): no alliance between the body and
    whoever else modifies the noun."""
    return tok.lemma_.lower() in GROUP_NOUNS and any(
        c.dep_ in {"compound", "nmod"} and c.i < tok.i and any(
            m.actor.type in BODY_TYPES for m in ctx.index.all_at(c))
        for c in tok.children)


#: Places of a noun phrase in a clause.
NOMINAL_DEPS = frozenset({"nsubj", "nsubjpass", "dobj", "pobj"})
#: Dependents only a verb's clause has.
CLAUSE_ONLY_DEPS = frozenset({"nsubj", "nsubjpass", "dobj", "aux", "auxpass", "neg"})


def nominal_gerund(tok: Token) -> bool:
    """A gerund said as a noun, with no subject, object or auxiliary of its own:
    "Fighting between the army and the Taliban intensified" is the noun "fighting"."""
    return tok.tag_ == "VBG" and tok.dep_ in NOMINAL_DEPS and not any(
        c.dep_ in CLAUSE_ONLY_DEPS for c in tok.children)


def noun_findings(ctx: Sentence, tok: Token, rtype: RelationType) -> list[Finding]:
    """The statements of one relation noun: between its parties, or from its agents to
    its patients."""
    roles = noun_roles(ctx, tok, rtype)
    helped = supported_doers(ctx, tok)
    if helped:  # "support for Kabul in the fight against X": Kabul fights
        roles.agents, roles.authors = helped, False
    roles.patients.extend(verb_hung_patients(ctx, tok, roles))
    if not roles.patients and rtype.plover == "ACCUSE":
        roles.patients.extend(accused_in_clause(ctx, tok))
    if not roles.agents and not roles.between and not roles.patients and rtype.symmetric:
        governors = noun_governor_subjects(ctx, tok, 0)
        if len(governors) > 1:
            roles.agents = governors
    if not roles.between and not roles.patients and rtype.symmetric and \
            len(roles.agents) > 1 and not roles.authors:
        # "the Tehran-Damascus-Moscow partnership": the modifiers relate to each other;
        # mediators "by Saudi Arabia and the United States" do not.
        roles.between, roles.agents = roles.agents, []
    trig = [tok]
    # "its European common market partners": a noun naming the actors themselves states
    # a standing tie, weaker evidence of an act than "cooperation with".
    standing = 0.7 if tok.lemma_.lower() in MEMBERSHIP_NOUNS | {"allies"} else 1.0
    if len(roles.between) > 1:
        # (one who joins talks between two is a party too: "Turkey joined the talks
        # between Russia and Ukraine")
        parties = roles.between + joiners(ctx, tok, roles.between)
        return [Finding(s, o, rtype.name, trig, tok, 0.7 * standing * sw * ow)
                for s, sw in parties for o, ow in parties
                if s.actor.id != o.actor.id]
    agents, patients = roles.agents, roles.patients
    patients.extend(roles.between)
    if at_behest(tok, rtype) and patients and not agents:
        # "sent troops to Mali at the request of the Malian government": Mali asked
        agents, patients = patients, helped_with(ctx, tok.head.head)
    elif tok.dep_ == "pobj" and tok.head.lower_ == "with" and agents \
            and rtype.name in {"AIDS", "SUPPORTS", "COOPERATES_WITH"}:
        patients = helped_with(ctx, tok.head.head)
    elif not agents:
        agents = noun_governor_subjects(ctx, tok, 0)
    else:
        agents = agents + joiners(ctx, tok, agents)
    if not patients and rtype.plover == "PROTEST" and tok.dep_ == "dobj":
        # "staged rallies ... saying he must resign": see purpose_targets.
        patients = purpose_targets(ctx, tok.head)
    others = mutual_others(ctx, tok, rtype)
    one_way = False if one_way_noun(ctx, tok) else None
    return [Finding(s, o, rtype.name, trig, tok, 0.65 * standing * sw * ow,
                    mutual=True if o.actor.id in others else one_way)
            for s, sw in agents for o, ow in patients]


def one_way_noun(ctx: Sentence, tok: Token) -> bool:
    """A noun whose act goes one way though its type holds both ways ("its mediation
    with Washington"; ``one_way`` nouns in relations.toml)."""
    nouns = ctx.vocab.one_way_nouns
    return tok.lower_ in nouns or tok.lemma_.lower() in nouns


def at_behest(tok: Token, rtype: RelationType) -> bool:
    """A request noun in "at the request of Y" (``behest_preps``): Y asked the one who
    acts, not the reverse; its "of" names the asker."""
    return rtype.plover == "REQUEST" and tok.dep_ == "pobj" and \
        tok.head.lower_ in BEHEST_PREPS and any(
            c.dep_ == "prep" and c.lower_ == "of" for c in tok.children)


def helped_with(ctx: Sentence, holder: Token) -> Weighted:
    """Who did something "with the help of Z": the subject of the verb the phrase hangs on
    ("with the help of Russia, Syrian troops retook Palmyra"), or the subject it is set
    beside ("the SDF, with the support of the coalition, liberated Manbij"; beside an
    object, the parse is more often wrong than not)."""
    if is_verb(holder):
        return subjects(ctx, holder)
    if holder.dep_ not in {"nsubj", "nsubjpass"}:
        return []
    return [(m, 0.9) for m in ctx.index.all_at(holder) if m.actor.is_actor]


def mutual_others(ctx: Sentence, tok: Token, rtype: RelationType) -> set[str]:
    """The actors a noun's "with" phrase names as the other side of an act both sides do,
    as the vocabulary's mutual triggers say ("fighting with", "war with": both fight; not
    "war against Ukraine with Iranian drones")."""
    if not any(s.mutual and s.prep == "with" and s.relation == rtype.name and not s.words
               for s in ctx.vocab.verb_senses(tok.lemma_.lower())):
        return set()
    return {m.actor.id for m, _w in prep_mentions(ctx, [tok], {"with"})}


def noun_roles(ctx: Sentence, tok: Token, rtype: RelationType) -> NounRoles:
    """Parties by the noun's modifiers ("Russia's attack") and prepositions: "by"/"from"
    name the author, "between"/"among" the parties, the others the patient."""
    roles = NounRoles(agents=[(m, 0.9) for m in modifier_actors(ctx, tok)])
    party_preps = COOPERATIVE_PARTY_PREPS if rtype.quad in COOPERATIVE_QUADS \
        else HOSTILE_PARTY_PREPS
    for c in tok.children:
        if c.dep_ != "prep":
            continue
        prep = c.lower_
        objs = [m for p in c.children if p.dep_ == "pobj" for m in mentions(ctx, p)]
        if not objs and prep == "of":
            objs = nested_patients(ctx, c)
        if prep in AGENT_PREPS or (prep == "from" and rtype.plover != "RETREAT"):
            # "support from our ally Turkey", "threats from Pyongyang": the author, not
            # the target ("withdrawal from Syria" is left behind, not a doer).
            roles.agents.extend(objs)
            roles.authors = roles.authors or bool(objs)
        elif prep in {"between", "among"}:
            roles.between.extend(objs)
        elif prep == "of" and own_means(ctx, tok):
            roles.agents.extend(objs)  # "the deployment of Russian troops": Russia's
            roles.authors = roles.authors or bool(objs)
        elif prep == "of" and rtype.name in {"AIDS", "SUPPORTS"}:
            # "the support of the UN" is the UN's; "its support of Kabul" is for Kabul
            if of_names_supported(tok):
                roles.patients.extend(objs + conjoined_parties(ctx, tok))
            else:
                roles.agents.extend(objs)
        elif prep in party_preps:
            roles.patients.extend(o for o in objs if not fought_over(prep, o[0]))
    if not roles.authors and (late := late_authors(ctx, tok)):
        roles.agents.extend(late)
        roles.authors = True
    if not roles.between:
        roles.between = occurrence_parties(ctx, tok)
    return roles


def fought_over(prep: str, m: ActorMention) -> bool:
    """A town "for" which a fight is fought is its prize, not a side: "the battle for
    Mosul" is against whoever holds it."""
    return prep in PRIZE_PREPS and m.actor.type == LOCATION


def occurrence_parties(ctx: Sentence, tok: Token) -> Weighted:
    """The parties of a relation noun that is the subject of its own occurrence: the parser
    hangs "between" on the verb ("heavy fighting broke out between the army and M23",
    "talks were held among the factions")."""
    if tok.dep_ not in {"nsubj", "nsubjpass"} or not is_verb(tok.head):
        return []
    return prep_mentions(ctx, [tok.head], {"between", "among"})


def nested_patients(ctx: Sentence, of: Token) -> Weighted:
    """"withdrawal of its aircraft from Syria": the target sits one level down."""
    objs: Weighted = []
    for p in of.children:
        for pp in p.children:
            if pp.dep_ == "prep" and pp.lower_ in {"from", "to", "against", "on", "with"}:
                objs = [m for q in pp.children if q.dep_ == "pobj" for m in mentions(ctx, q)]
    return objs


def accused_in_clause(ctx: Sentence, tok: Token) -> Weighted:
    """Whom an accusation's that-clause says did it: "Moscow's accusation that Kyiv was
    behind the attack" accuses Kyiv."""
    return [(m, 0.85 * w) for c in tok.children if c.dep_ in {"acl", "ccomp"}
            and any(k.dep_ == "mark" and k.lower_ == "that" for k in c.children)
            for m, w in subjects(ctx, c)]


def verb_hung_patients(ctx: Sentence, tok: Token, roles: NounRoles) -> Weighted:
    """Targets of an object noun hung on its verb: a co-target ("increase cooperation
    with Syria, along with Iran"), or the noun's own preposition when the verb is no
    trigger itself ("opened investigations against X", "staged protests against X"), as
    on a verb of taking part ("were engaged in ethnic cleansing against X")."""
    if tok.dep_ == "pobj" and tok.head.lower_ == "in" and (
            tok.head.head.lemma_.lower() in PARTICIPATION_VERBS or takes_part(tok.head.head)):
        # taking part is no act of its own: the verb's preposition is the act's
        return [] if roles.patients or roles.between else \
            prep_mentions(ctx, [tok.head.head], VERB_HUNG_PREPS - {"with"})
    if tok.dep_ == "dobj":
        head = tok.head
        out = [m for c in head.children if c.dep_ == "prep" and c.lower_ in {"along", "together"}
               for w in c.children if w.lower_ == "with"
               for q in w.children if q.dep_ == "pobj" for m in mentions(ctx, q)]
    else:
        return []
    senses = ctx.vocab.verb_senses(head.lemma_, head.lower_)
    gift = given_to(ctx, tok)
    hung = VERB_HUNG_PREPS | gift
    if not roles.patients and not out and not roles.between and (not any(
        not s.words for s in senses
    ) or hostile_gift(ctx, tok, head)):
        out.extend(prep_mentions(ctx, [head], hung))
    elif not roles.patients and not out and not roles.between:
        # a preposition no sense of the verb takes is the noun's, hung on the verb by the
        # parse: "condemned the Turkish incursion into Iraq"; so is one that only senses
        # with words the verb lacks take: "suspended the truce with the ELN" ("suspend
        # talks with" needs "talks")
        fits = {s: not s.words or sense_words(head, s) is not None for s in senses}
        unfit = {s.prep for s, ok in fits.items() if not ok} & hung
        out.extend(prep_mentions(ctx, [head], (MOTION_INTO_PREPS | gift | unfit)
                                 - {s.prep for s, ok in fits.items() if ok}))
    return out


def given_to(ctx: Sentence, tok: Token) -> frozenset[str]:
    """The preposition of whom a noun of giving gives to ("condemned Iran's supply of
    missiles to Russia", where the parse hangs "to Russia" on "condemned"), for a noun of
    material help; none for any other."""
    rtype = noun_relation_of(ctx, tok)
    return RECIPIENT_PREPS if rtype is not None and rtype.name == "AIDS" else frozenset()


def hostile_gift(ctx: Sentence, tok: Token, verb: Token) -> bool:
    """A hostile act as what a verb of giving gives ("delivered 24 strikes against ISIL"):
    the verb gives nothing, so it is no trigger of its own and the act's target hangs on
    it as on a support verb."""
    rtype = noun_relation_of(ctx, tok)
    plain = [s for s in ctx.vocab.verb_senses(verb.lemma_, verb.lower_) if not s.words]
    return rtype is not None and rtype.quad.endswith("CONFLICT") and bool(plain) and all(
        ctx.vocab.get(s.relation).quad == "MATERIAL_COOPERATION" for s in plain)


def is_light_noun(ctx: Sentence, tok: Token) -> bool:
    """True when the noun is part of a light-verb trigger that fits ("put pressure
    on X"); in "staged protests against Turkey", where the sense "stage protest in"
    does not fit, the noun is the trigger."""
    head = tok.head
    lemmas = {s.lemma for s in ctx.vocab.verb_senses(head.lemma_, head.lower_)}
    return tok.dep_ in {"dobj"} and any(
        s.lemma in lemmas and tok.lemma_.lower() in s.words
        and (not s.prep or verb_objects(ctx, head, s)[0])
        for s in ctx.vocab.light_nouns.get(tok.lemma_.lower(), [])
    )
