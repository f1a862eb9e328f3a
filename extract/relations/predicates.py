"""Relations told by neither a trigger verb nor a relation noun: adjective predicates
("sympathetic to"), membership ("part of the U.S.-led coalition"), co-agents
("fighting alongside Congo's army"), obligations ("declared that China must drop") and
condemning labels ("called Iran a terrorist state")."""

from __future__ import annotations

from collections.abc import Iterator

from spacy.tokens import Token

from actorgraph.extract.actors import ActorMention
from actorgraph.extract.relations.arguments import prep_objects, subjects
from actorgraph.extract.relations.mentions import (
    co_agents,
    mentions,
    modifier_actors,
)
from actorgraph.extract.relations.model import Finding, Sentence, Weighted
from actorgraph.extract.relations.syntax import verb_in
from actorgraph.extract.relations.words import (
    COMMITTING_VERBS,
    DEONTIC_AUX,
    GROUP_NOUNS,
    LABELLING_NOUNS,
    MEMBERSHIP_NOUNS,
    NAMING_VERBS,
    SPEECH_VERBS,
    WRONGDOING_NOUNS,
)


def obligation_demands(ctx: Sentence) -> Iterator[Finding]:
    """"The Bush administration declared that China must drop barriers": saying what
    another actor must do is a demand on that actor (PLOVER REQUEST)."""
    if "DEMANDS" not in ctx.vocab:
        return
    for tok in ctx.tokens:
        if tok.pos_ != "VERB" or tok.lemma_ not in SPEECH_VERBS:
            continue
        for c in tok.children:
            if c.dep_ != "ccomp" or not any(
                k.dep_ in {"aux", "auxpass"} and k.lower_ in DEONTIC_AUX for k in c.children
            ):
                continue
            targets = [m for k in c.children if k.dep_ in {"nsubj", "nsubjpass"}
                       for m in mentions(ctx, k)]
            if not targets:
                continue
            trigger = [tok, *(k for k in c.children if k.lower_ in DEONTIC_AUX)]
            for s, sw in subjects(ctx, tok):
                for o, ow in targets:
                    yield Finding(s, o, "DEMANDS", trigger, tok, 0.6 * sw * ow)


#: The nouns the labelling phrases are said with: "state" of "rogue state", "haven" of
#: "haven for terrorist".
LABEL_HEADS = frozenset(
    p.split()[0] if len(p.split()) > 2 else p.split()[-1] for p in LABELLING_NOUNS)


#: Whom a verb of naming names, by the arc of the label: "called [Iran] a terrorist state"
#: (oprd: the object), "branded [Iran] a rogue state" (the label read as the object).
NAMED_DEPS = {"oprd": frozenset({"dobj", "dative"}), "dobj": frozenset({"dative"})}


def labelling_criticisms(ctx: Sentence) -> Iterator[Finding]:
    """"Pakistan is a haven for terrorists, Ghani said", "Netanyahu called Iran a terrorist
    state": saying an actor is what a condemning word names (labelling_nouns) criticises
    it (CAMEO 111, PLOVER ACCUSE); not an actor naming itself."""
    if "CRITICIZES" not in ctx.vocab:
        return
    for tok in ctx.tokens:
        if tok.dep_ not in {"attr", "oprd", "dobj"} or tok.pos_ != "NOUN" or \
                tok.lemma_.lower() not in LABEL_HEADS or not condemning_label(tok):
            continue
        labelled, speaker = label_holders(ctx, tok)
        for s, sw in speaker:
            for o, ow in labelled:
                if s.actor.id != o.actor.id:
                    yield Finding(s, o, "CRITICIZES", [tok], tok, 0.6 * sw * ow)


#: First words of the verbs of committing ("carry" of "carry out").
COMMITTING_HEADS = frozenset(v.split()[0] for v in COMMITTING_VERBS)


def wrongdoing_accusations(ctx: Sentence) -> Iterator[Finding]:
    """"Human Rights Watch said Ethiopian troops had committed war crimes", '"Israel is
    committing genocide," Pandor said': saying an actor commits a wrong the field names
    (wrongdoing_nouns) accuses it (CAMEO 112, PLOVER ACCUSE); not an actor speaking of
    itself, nor a wrong said not to be done."""
    if "ACCUSES" not in ctx.vocab:
        return
    for clause in ctx.tokens:
        wrong = committed_wrong(clause)
        said = telling_verb(clause) if wrong is not None else None
        if said is None:
            continue
        accused = subjects(ctx, clause)
        for s, sw in subjects(ctx, said):
            for o, ow in accused:
                if s.actor.id != o.actor.id:
                    yield Finding(s, o, "ACCUSES", [said, wrong], said, 0.6 * sw * ow)


def telling_verb(clause: Token) -> Token | None:
    """The verb of saying that tells a clause: the one it is the complement of, or the
    "..., X said" the parse hangs on it."""
    heard = [clause.head] if clause.dep_ in {"ccomp", "parataxis"} else []
    heard += [v for v in clause.children if v.dep_ in {"ccomp", "parataxis"}]
    return next((v for v in heard if v.lemma_ in SPEECH_VERBS and v.pos_ == "VERB"), None)


def committed_wrong(verb: Token) -> Token | None:
    """The wrong a clause says its subject commits ("had committed war crimes"), or None
    (a negated clause commits none)."""
    if verb.lemma_.lower() not in COMMITTING_HEADS or not verb_in(verb, COMMITTING_VERBS) \
            or any(c.dep_ == "neg" for c in verb.children):
        return None  # (the lemma first: most words commit nothing, looked at cheaply)
    return next((obj for obj in verb.children
                 if obj.dep_ == "dobj" and noun_phrases(obj) & WRONGDOING_NOUNS), None)


def condemning_label(tok: Token) -> bool:
    """A noun that condemns whom it is said of, alone or with its modifier or its
    preposition's object ("liars", "a terrorist state", "a haven for terrorists")."""
    return bool(noun_phrases(tok) & LABELLING_NOUNS)


def noun_phrases(tok: Token) -> set[str]:
    """A noun's lemma alone, with each modifier before it, and with each preposition and
    its object after it ("state", "terrorist state", "haven for terrorist"), as the word
    lists write their phrases."""
    lemma = tok.lemma_.lower()
    return {lemma, *(f"{c.lemma_.lower()} {lemma}" for c in tok.children
                     if c.dep_ in {"amod", "compound"}),
            *(f"{lemma} {p.lower_} {q.lemma_.lower()}" for p in tok.children
              if p.dep_ == "prep" for q in p.children if q.dep_ == "pobj")}


def label_holders(ctx: Sentence, label: Token) -> tuple[Weighted, Weighted]:
    """(whom a label is said of, who says it): the subject of its copula and the speaker
    of the clause ("Pakistan is a haven ..., Ghani said"), or the object and subject of
    a verb of naming ("called Iran a terrorist state", "branded Iran a rogue state")."""
    verb = label.head
    if label.dep_ == "attr":
        said = telling_verb(verb)
        if said is None:
            return [], []
        labelled = [m for k in verb.children if k.dep_ == "nsubj" for m in mentions(ctx, k)]
        return labelled, subjects(ctx, said)
    if verb.lemma_ not in NAMING_VERBS:
        return [], []
    labelled = [m for k in verb.children if k.dep_ in NAMED_DEPS[label.dep_] and k.i < label.i
                for m in mentions(ctx, k)]
    return labelled, subjects(ctx, verb)


def membership_relations(ctx: Sentence) -> Iterator[Finding]:
    """"X is a member/part of Y's coalition", "characterizes X as a member of Y"."""
    if "ALLIES_WITH" not in ctx.vocab:
        return
    for tok in ctx.tokens:
        if tok.lemma_.lower() not in MEMBERSHIP_NOUNS:
            continue
        groups = membership_groups(ctx, tok)
        if not groups:
            continue
        for s, sw in members(ctx, tok):
            for g in groups:
                yield Finding(s, g, "ALLIES_WITH", [tok], tok, 0.65 * sw)


def membership_groups(ctx: Sentence, tok: Token) -> list[ActorMention]:
    """The body a membership noun names by "of": an actor, or the actors behind an
    alliance ("part of the U.S.-led coalition")."""
    groups: list[ActorMention] = []
    for c in tok.children:
        if c.dep_ != "prep" or c.lower_ != "of":
            continue
        for p in c.children:
            if p.dep_ != "pobj":
                continue
            own = ctx.index.all_at(p)
            if own:
                groups.extend(own)
            elif ctx.vocab.noun_relation(p.lemma_) is ctx.vocab.get(
                    "ALLIES_WITH") or p.lemma_ in GROUP_NOUNS:
                groups.extend(modifier_actors(ctx, p))
    return groups


def members(ctx: Sentence, tok: Token) -> Weighted:
    """Who a membership noun is said of: the subject of "is a member", the object of
    "characterizes X as a member", the noun an apposition describes."""
    if tok.dep_ in {"attr", "oprd"}:
        return subjects(ctx, tok.head)
    if tok.dep_ == "pobj" and tok.head.lower_ == "as":
        # "characterizes X as a member": the object before "as"; in "Spain, as part of
        # NATO, attacked Serbia" the object after it is no member.
        verb = tok.head.head
        return [m for c in verb.children if c.dep_ == "dobj" and c.i < tok.i
                for m in mentions(ctx, c)]
    if tok.dep_ == "appos":
        return mentions(ctx, tok.head)
    return []


def co_agent_relations(ctx: Sentence) -> Iterator[Finding]:
    """Co-agents cooperate: "Burundian troops are fighting alongside Congo's army" ->
    Burundi's military COOPERATES_WITH Congo's (the reverse follows from symmetry)."""
    if "COOPERATES_WITH" not in ctx.vocab:
        return
    for tok in ctx.tokens:
        if tok.pos_ not in {"VERB", "AUX"}:
            continue
        partners = co_agents(ctx, tok)
        if not partners:
            continue
        for s, sw in subjects(ctx, tok):
            for o, ow in partners:
                yield Finding(s, o, "COOPERATES_WITH", [tok], tok, 0.6 * sw * ow)


def adjective_relations(ctx: Sentence) -> Iterator[Finding]:
    """Predicates such as "A has appeared sympathetic to B", "A is critical of B", and
    the same told by a participle: "A is opposed to B", "A is allied with B"."""
    for tok in ctx.tokens:
        key = predicate_adjective(tok)
        if key is None:
            continue
        for sense in ctx.vocab.adjectives.get(key, []):
            objs = [o for ot in prep_objects(tok, sense.prep or "") for o in mentions(ctx, ot)]
            if not objs:
                continue
            head, found = adjective_holders(ctx, tok)
            for s, sw in found:
                for o, ow in objs:
                    yield Finding(s, o, sense.relation, [tok], head or tok, 0.7 * sw * ow)
            break


def predicate_adjective(tok: Token) -> str | None:
    """The adjective table's key for a token that can be a predicate adjective: an
    adjective's lemma, or a participle used as one ("opposed", "allied"), which the
    parser tags a verb; None for any other token, and for a participle whose passive
    names its doer ("was opposed by Iran" is an act, the verb finders read it)."""
    if tok.pos_ == "ADJ":
        return tok.lemma_.lower()
    if tok.tag_ == "VBN" and not any(c.dep_ == "agent" for c in tok.children):
        return tok.lower_
    return None


def adjective_holders(ctx: Sentence, tok: Token) -> tuple[Token | None, Weighted]:
    """Who holds the attitude a predicate adjective names, and the token whose clause
    decides its factuality: the subject of its copula ("A is critical of B"), the noun it
    modifies ("a government hostile to B"), or a participle's passive subject ("A is
    allied with B")."""
    if tok.dep_ == "amod":
        return None, mentions(ctx, tok.head)
    if tok.dep_ in {"acomp", "oprd", "attr", "xcomp"}:
        return tok.head, subjects(ctx, tok.head)
    passive = [c for c in tok.children if c.dep_ == "nsubjpass"] if tok.pos_ == "VERB" else []
    return (tok, mentions(ctx, passive[0])) if passive else (None, [])
