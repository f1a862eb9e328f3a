"""Brokers: who mediates between two sides negotiates with each of them (CAMEO 045), one
way. The active verb with its object ("Qatar mediated talks between Israel and Hamas") is
a frame (frames.toml); this module finds the broker where no frame reaches: after "by"
("a ceasefire between Israel and Hamas was brokered by Qatar", "the truce brokered by
Egypt"), or named by a noun of mediation ("under Egyptian mediation", "acting as a
mediator between Iran and the United States", "under the auspices of the UN")."""

from __future__ import annotations

from collections.abc import Iterator

from spacy.tokens import Token

from actorgraph.extract.relations.arguments import by_agents, subjects
from actorgraph.extract.relations.mentions import modifier_actors, noun_relation_of, prep_mentions
from actorgraph.extract.relations.model import Finding, Sentence, Weighted
from actorgraph.extract.relations.syntax import is_verb
from actorgraph.extract.relations.words import PERSONAL_RELATIONS
from actorgraph.extract.wordlists import word_set

BROKER_VERBS = word_set("broker_verbs")
MEDIATION_NOUNS = word_set("mediation_nouns")
#: The relation a broker has with each side.
BROKERING = "NEGOTIATES"
SIDE_PREPS = {"between", "among"}


def broker_relations(ctx: Sentence) -> Iterator[Finding]:
    """Every broker-to-side statement of the sentence."""
    if BROKERING not in ctx.vocab:
        return
    for tok in ctx.tokens:
        lemma = tok.lemma_.lower()
        if lemma in BROKER_VERBS and is_verb(tok):
            pairs = passive_brokering(ctx, tok)
        elif (lemma in MEDIATION_NOUNS or tok.lower_ in MEDIATION_NOUNS) and tok.pos_ == "NOUN":
            pairs = noun_brokering(ctx, tok)
        else:
            continue
        brokers, sides = pairs
        for b, bw in brokers:
            for s, sw in sides:
                if b.actor.is_actor and s.actor.is_actor and b.actor.id != s.actor.id:
                    yield Finding(b, s, BROKERING, [tok], tok, 0.6 * bw * sw, mutual=False)


def passive_brokering(ctx: Sentence, verb: Token) -> tuple[Weighted, Weighted]:
    """(brokers, sides) of a broker verb with a by-agent: the thing brokered is its passive
    subject or the noun its participle hangs on."""
    brokers = by_agents(ctx, verb)
    if not brokers:
        return [], []
    if verb.dep_ == "acl":
        brokered = [verb.head]
    else:
        brokered = [c for c in verb.children if c.dep_ == "nsubjpass"]
    return brokers, [s for n in brokered for s in sides_of(ctx, n)]


def noun_brokering(ctx: Sentence, noun: Token) -> tuple[Weighted, Weighted]:
    """(brokers, sides) of a noun of mediation: the broker is its modifier ("Egyptian
    mediation"), its "of"/"by" ("the auspices of the UN"), or the subject of the verb it is
    the role of ("Oman acted as a mediator"); the sides are after "between", else the
    subjects of the verb the mediation is the means of ("Israel and Hamas agreed to a truce
    under Egyptian mediation")."""
    brokers: Weighted = [(m, 0.9) for m in modifier_actors(ctx, noun)] or \
        prep_mentions(ctx, [noun], {"of", "by"})
    sides = prep_mentions(ctx, [noun], SIDE_PREPS)
    holder = holder_of(noun)
    if not brokers and noun.dep_ in {"pobj", "attr"} and is_verb(holder) and (
            noun.dep_ == "attr" or noun.head.lower_ == "as"):
        brokers = subjects(ctx, holder)
    elif not sides and noun.dep_ == "pobj":
        if is_verb(holder):
            found = subjects(ctx, holder)
            sides = found if len(found) > 1 else []
        elif holder.pos_ in {"NOUN", "PROPN"}:  # "a truce under Egyptian mediation"
            sides = sides_of(ctx, holder)
    return brokers, sides


def sides_of(ctx: Sentence, noun: Token) -> Weighted:
    """The two sides of a brokered thing: after "between" ("a truce between Israel and
    Hamas"), else, when it is the object of the sides' own act, their subjects ("Israel
    and Hamas agreed to a truce brokered by Qatar")."""
    sides = prep_mentions(ctx, [noun], SIDE_PREPS)
    if sides:
        return sides
    rtype = noun_relation_of(ctx, noun)
    if rtype is not None and rtype.name in PERSONAL_RELATIONS:
        return []  # those who attend a summit are its host's guests, not sides brokered
    verb = holder_of(noun)
    if noun.dep_ == "pobj" and verb.dep_ == "dobj":
        # (the parse may hang the deal on the verb's object: "agreed to restore relations
        # in a deal brokered by China")
        verb = verb.head
    if noun.dep_ in {"pobj", "dobj"} and is_verb(verb):
        found = subjects(ctx, verb)
        return found if len(found) > 1 else []
    return []


def holder_of(noun: Token) -> Token:
    """The word a noun hangs on, through its preposition if it has one."""
    return noun.head.head if noun.dep_ == "pobj" else noun.head
