"""Targets found beyond a trigger's own objects: in its complement ("threatened to shell
Iraqi towns"), its purpose ("a hunger strike to protest Sweden's decision"), the place it
was done ("imposed a curfew in Cizre"), its condition ("unless Baghdad accepted"), or an
act told before ("rejected the accusation")."""

from __future__ import annotations

from spacy.tokens import Token

from actorgraph.extract.relations.arguments import subjects
from actorgraph.extract.relations.mentions import (
    agent_mentions,
    first_per_actor,
    is_place,
    mentions,
    modifier_actors,
    noun_relation_of,
    own_means,
    owner_actors,
    prep_mentions,
    weighted,
)
from actorgraph.extract.relations.model import Sentence, Weighted
from actorgraph.extract.relations.syntax import (
    condition_mark,
    infinitival,
    is_verb,
)
from actorgraph.extract.relations.words import (
    ACT_NOUNS,
    CAPTOR_VERBS,
    CONDITIONS,
    CONTENT_NOUNS,
    COOPERATIVE_QUADS,
    DEFINITE_DETERMINERS,
    DENIAL_VERBS,
    LOCATIVE_PREPS,
    MOTION_PREPS,
    PLACE_PREPS,
    REACTIONS,
    RELEASE_NOUNS,
    TARGET_PREPS,
    VERBAL_ACTS,
)
from actorgraph.extract.wordlists import word_set

LEAVING_NOUNS = word_set("leaving_nouns")
COUNTERING_VERBS = word_set("countering_verbs")
DOER_OF_NOUNS = word_set("doer_of_nouns")


def complement_targets(ctx: Sentence, verb: Token, plover: str) -> Weighted:
    """Whom a verb without an actor object is aimed at, through the act it is about:
    "Iran threatened to shell Iraqi towns", "demanded that Mugabe abandon ...",
    "demanded the withdrawal of Serbian forces", "..., a claim Yerevan rejected"."""
    if plover in REACTIONS and verb.head.lemma_ in ACT_NOUNS and (
            verb.dep_ == "relcl" or verb.dep_ == "acl" and verb.tag_ == "VBN"):
        # (also a participle: "..., a decision condemned by Pakistan")
        summed = summed_act_doers(ctx, verb)
        if summed is not None:
            return summed
    out: Weighted = []
    if plover in VERBAL_ACTS:
        out.extend(act_noun_targets(ctx, verb, plover))
    if plover in {"SUPPORT", "ACCUSE"}:
        out.extend(content_clause_subjects(ctx, verb))
    out.extend(countered_act_authors(ctx, verb))
    for c in verb.children:
        if infinitival(c) and is_verb(c) and plover == "THREATEN":
            # "threatened to launch an offensive unless Baghdad accepted", "threatened
            # to stop negotiations if the United States goes ahead": the threat is
            # aimed at whom the condition names.
            condition = condition_mark(c, CONDITIONS)
            if condition is not None:
                out.extend(condition_subjects(ctx, condition))
        if infinitival(c) and is_verb(c) and plover in VERBAL_ACTS and plover != "CONSULT" \
                and not (plover == "REQUEST" and any(k.dep_ in {"dobj", "dative"}
                                                     for k in verb.children)):
            # (what a meeting is held to do names no partner: "met in Brussels to discuss
            # Syria" is no meeting with Syria)
            # (a request made to someone named is aimed at them, not at those the
            # requested act concerns: "asked the peacekeepers to protect the Serbs")
            if plover == "REJECT" and not rejects_someone(ctx, verb, c):
                continue
            out.extend(infinitive_targets(ctx, c))
        elif c.dep_ == "ccomp" and plover in {"REQUEST", "ACCUSE", "THREATEN"}:
            out.extend(clause_targets(ctx, c, plover))
    return first_per_actor(out)


def countered_act_authors(ctx: Sentence, verb: Token) -> Weighted:
    """Whom a verb that resists a hostile act is aimed at: the act's authors, named by its
    modifiers or after "by"/"from" ("repelled an ISIL attack", "thwarted an assault by the
    Taliban"; :data:`COUNTERING_VERBS`)."""
    words = {verb.lemma_.lower(), *(f"{verb.lemma_.lower()} {c.lower_}"
                                    for c in verb.children if c.dep_ == "prt")}
    if not words & COUNTERING_VERBS:
        return []
    out: Weighted = []
    for act in verb.children:
        rtype = ctx.vocab.noun_relation(act.lemma_)
        if act.dep_ not in {"dobj", "nsubjpass"} or rtype is None \
                or not rtype.quad.endswith("CONFLICT"):
            continue
        out.extend((m, 0.8) for m in modifier_actors(ctx, act))
        out.extend(weighted(prep_mentions(ctx, [act], {"by", "from"}), 0.85))
    return out


def content_clause_subjects(ctx: Sentence, verb: Token) -> Weighted:
    """A reaction to a fact told by a clause is aimed at who the clause says acted:
    "welcomed the news that Somalia had released the prisoners", "condemned the decision
    that Kenya would close the border"."""
    return weighted([found for c in verb.children if c.dep_ == "dobj"
                     and c.lemma_.lower() in CONTENT_NOUNS
                     for clause in c.children if clause.dep_ in {"acl", "ccomp"}
                     and any(k.dep_ == "mark" for k in clause.children)
                     for s in clause.children if s.dep_ == "nsubj"
                     for found in mentions(ctx, s)], 0.85)


def summed_act_doers(ctx: Sentence, verb: Token) -> Weighted | None:
    """"accused Armenian forces of firing, a claim Yerevan rejected", "closed the offices,
    a move that Belgrade condemned": the act the noun sums up is the sentence's, and its
    doer the target. None when no verb governs the noun."""
    main = next((a for a in verb.head.ancestors if is_verb(a)), None)
    if main is None:
        return None
    return weighted(subjects(ctx, main), 0.85)


def act_noun_targets(ctx: Sentence, verb: Token, plover: str) -> Weighted:
    """The actors of the act a verbal act's object names ("demanded the withdrawal of
    Serbian forces", "called for sanctions against Nigeria"), or, for a definite noun
    with none named, the authors of the act it refers back to."""
    out: Weighted = []
    for c in verb.children:
        preps = {"for", "on", "of", "with"} if plover == "THREATEN" else {"for", "on"}
        nouns = [c] if c.dep_ == "dobj" else [
            p for p in c.children if p.dep_ == "pobj"
        ] if c.dep_ == "prep" and c.lower_ in preps else []
        # (an agreement on a hostile measure is no agreement with its target: "agreed on
        # new sanctions against Russia")
        acts = [n for n in nouns if (r := noun_relation_of(ctx, n)) is not None and not (
            plover == "AGREE" and r.quad not in COOPERATIVE_QUADS)]
        summed = [n for n in nouns if n.lemma_ in ACT_NOUNS and n not in acts]
        named = weighted([found for act in acts for found in act_named_targets(ctx, act, plover)],
                         0.9)
        out.extend(named or referred_act_authors(ctx, acts + summed))
    return out


def aimed_at_author(ctx: Sentence, act: Token, plover: str) -> bool:
    """True when a verbal act about an act noun is aimed at the act's author only: a
    condemnation or a rejection ("condemned the attack on Ukraine" blames the attacker, not
    Ukraine), and support of a hostile act ("supported Russia's war against Ukraine" backs
    Russia); a demand is also aimed at whoever is to be acted on ("sanctions against
    Nigeria")."""
    if plover in {"ACCUSE", "REJECT"}:
        return True
    rtype = ctx.vocab.noun_relation(act.lemma_)
    return plover == "SUPPORT" and rtype is not None and rtype.quad not in COOPERATIVE_QUADS


def act_named_targets(ctx: Sentence, act: Token, plover: str) -> Weighted:
    """Whom a verbal act about an act noun is aimed at, among those the noun's own phrase
    names: its author after "by" or "from", and where only the author counts
    (:func:`aimed_at_author`) the author named before it ("Russia's war", "the Russian
    invasion"); else also whom the act is aimed at ("against", "on", "of", "with")."""
    if not aimed_at_author(ctx, act, plover):
        preps = (TARGET_PREPS | {"of", "with", "by"}) - left_place_preps(act)
        return captors(ctx, act) or prep_mentions(ctx, [act], preps)
    doer_of = own_means(ctx, act) or act.lemma_.lower() in DOER_OF_NOUNS
    authors = {"by", "from", "of"} if doer_of else {"by", "from"}
    return [*prep_mentions(ctx, [act], authors - left_place_preps(act)),
            *((m, 0.9) for m in modifier_actors(ctx, act) if m.actor.is_actor)] or \
        refused_partners(ctx, act, plover)


def refused_partners(ctx: Sentence, act: Token, plover: str) -> Weighted:
    """Whom a rejection of a cooperative act with no author named is aimed at: the partner
    ("rejected talks with the United States", "refused cooperation with the IAEA")."""
    rtype = noun_relation_of(ctx, act)
    if plover != "REJECT" or rtype is None or rtype.quad not in COOPERATIVE_QUADS:
        return []
    return prep_mentions(ctx, [act], {"with"})


def captors(ctx: Sentence, act: Token) -> Weighted:
    """Who holds what a release or return is about, named by a participle's by-agent:
    "demanded the release of hostages held by Hamas" is made of Hamas, not the hostages
    (release_nouns, captor_verbs)."""
    if act.lemma_.lower() not in RELEASE_NOUNS:
        return []
    return [found for p in act.children if p.dep_ == "prep" and p.lower_ == "of"
            for held in p.children if held.dep_ == "pobj"
            for c in held.children if c.dep_ in {"acl", "relcl"}
            and c.lemma_.lower() in CAPTOR_VERBS for found in agent_mentions(ctx, c)]


def left_place_preps(act: Token) -> set[str]:
    """Prepositions naming the place an act leaves, not a party to it: "demanded the
    withdrawal of Russian troops from Georgia" asks the troops, not Georgia."""
    return {"from"} if act.lemma_.lower() in LEAVING_NOUNS else set()


def rejects_someone(ctx: Sentence, verb: Token, act: Token) -> bool:
    """Declining to condemn Moscow is no rejection of Moscow; denying having armed the
    RSF denies an act, it rejects no one. Refusing a cooperative act does reject."""
    if verb.lemma_ in DENIAL_VERBS:
        return False
    return not any(ctx.vocab.get(v.relation).quad not in COOPERATIVE_QUADS
                   for v in ctx.vocab.verb_senses(act.lemma_, act.lower_))


def destination_named(ctx: Sentence, verb: Token) -> bool:
    """A verb's "to" or "into" names an actor or a place: something goes there ("hand over
    suspects to Syria"), not a state its object is put in ("reduce Seoul to ashes"). A
    narrower :func:`~actorgraph.extract.relations.syntax.sends_somewhere`."""
    return any(c.dep_ in {"prep", "dative"} and c.lower_ in MOTION_PREPS and any(
        ctx.index.all_at(q) for q in c.children if q.dep_ == "pobj") for c in verb.children)


def infinitive_targets(ctx: Sentence, act: Token) -> Weighted:
    """The objects and prepositional objects of an infinitive ("threatened to shell Iraqi
    towns" -> Iraq), not those of where or when it is done, nor what a verb of giving
    gives somewhere: "agreed to hand over ISIS suspects to Syria" is aimed at Syria. What
    is turned into a thing is the target: "threatened to turn Seoul into a sea of fire"."""
    out: Weighted = []
    given = destination_named(ctx, act)
    for a in act.children:
        if a.dep_ in {"dobj", "dative"}:
            if not (given and a.dep_ == "dobj"):
                out.extend(mentions(ctx, a))
            holders = [a]
        elif a.dep_ == "prep":
            holders = [act]
        else:
            continue
        for h in holders:
            for p in h.children:
                if p.dep_ == "prep" and p.lower_ not in {"in", "at", "during", "after",
                                                         "before"}:
                    for q in p.children:
                        if q.dep_ == "pobj":
                            out.extend(mentions(ctx, q))
    return out


def clause_targets(ctx: Sentence, clause: Token, plover: str) -> Weighted:
    """Whom a that-clause of a demand, accusation or threat is about: its subject (and for
    a threat, whom its act is aimed at); for a conditional threat ("warned that Minsk
    would retaliate if Lithuania did not reopen the crossings") the condition's subject."""
    condition = condition_mark(clause, CONDITIONS) if plover == "THREATEN" else None
    if condition is not None:
        return condition_subjects(ctx, condition)
    out = [(m, w * 0.9) for a in clause.children if a.dep_ in {"nsubj", "nsubjpass"}
           for m, w in mentions(ctx, a)]
    if plover == "THREATEN":
        # what the threatener says it will do, and to whom: "warned that Tehran would
        # respond to any Israeli attack" (the speaker as subject is dropped later)
        out.extend((m, w * 0.85) for m, w in infinitive_targets(ctx, clause))
    return out


def condition_subjects(ctx: Sentence, mark: Token) -> Weighted:
    """The actors an if/unless clause (given by its ``mark``) is about: its subject."""
    return [(m, w * 0.9) for k in mark.head.children
            if k.dep_ in {"nsubj", "nsubjpass"} for m, w in mentions(ctx, k)]


def referred_act_authors(ctx: Sentence, acts: list[Token]) -> Weighted:
    """Who did the act a definite noun refers back to: "Egypt accused Ethiopia of ...
    Ethiopia rejected the accusation" -> Egypt (and both parties of an agreement)."""
    out: Weighted = []
    for n in acts:
        rtype = ctx.vocab.noun_relation(n.lemma_)
        if not any(c.dep_ in {"det", "poss"} and c.lower_ in DEFINITE_DETERMINERS
                   for c in n.children):
            continue
        if rtype is None:
            # "dismissed the move as blackmail": the act told just before
            earlier = ctx.recent[-1] if ctx.recent else None
        else:
            # The latest statement of that type, or one whose sentence names the same
            # act ("signed an agreement ... welcomed the agreement").
            earlier = next((f for f in reversed(ctx.recent) if f.relation == rtype.name
                            or any(t.lemma_ == n.lemma_ for t in f.anchor.sent)), None)
        if earlier is not None:
            out.append((earlier.subject, 0.8 if rtype else 0.7))
            if rtype is not None and rtype.symmetric:
                out.append((earlier.obj, 0.8))
    return out


def purpose_targets(ctx: Sentence, verb: Token) -> Weighted:
    """Whom the purpose of an act names: the objects, prepositional objects (and the
    actors behind them) of its to-infinitive or participle clause, or the subject of
    what that clause says ("saying he must resign")."""
    out: Weighted = []
    for c in verb.children:
        if c.dep_ not in {"advcl", "xcomp", "acl", "conj"} or c.pos_ != "VERB":
            continue
        if c.dep_ == "conj" and c.tag_ != "VBG":
            continue
        # What the purpose clause says itself ("to demand ...") is part of this act.
        ctx.subordinate.add(c.i)
        for a in c.children:
            if a.dep_ in {"dobj", "dative"} or (
                a.dep_ == "prep" and a.lower_ in TARGET_PREPS | {"for", "of"}
            ):
                nouns = [a] if a.dep_ != "prep" else [
                    q for q in a.children if q.dep_ == "pobj"]
                for n in nouns:
                    out.extend(weighted(mentions(ctx, n), 0.9))
                    out.extend(weighted(prep_mentions(ctx, [n], {"of", "from", "by", "against"}),
                                        0.85))
            elif a.dep_ == "ccomp":
                out.extend((m, w * 0.85) for s in a.children
                           if s.dep_ in {"nsubj", "nsubjpass"} for m, w in mentions(ctx, s))
    return first_per_actor([(m, w) for m, w in out if m.actor.is_actor])


def place_targets(ctx: Sentence, heads: list[Token]) -> Weighted:
    """Places where an act with no actor as target was done: "in the town of Cizre",
    "at targets in Jericho" (through things and "of" to the named place)."""
    out: Weighted = []
    for h in heads:
        for p in h.children:
            if p.dep_ != "prep" or p.lower_ not in PLACE_PREPS:
                continue
            for q in p.children:
                if q.dep_ != "pobj":
                    continue
                direct = [(m, 1.0) for m in ctx.index.all_at(q)]
                for m, w in direct or owner_actors(ctx, q):
                    if is_place(m):
                        out.append((m, w))
    return first_per_actor(out)


def stationed_places(ctx: Sentence, agents: Weighted) -> Weighted:
    """Where the doers of a withdrawal are, as their own "in" phrase says: "Burundian
    troops in Congo withdrew", "Kenyan police officers in Haiti began pulling out" leave
    Congo and Haiti."""
    doc = ctx.sent.doc
    return first_per_actor([
        (m, 0.9) for a, _aw in agents for p in doc[a.end - 1].children
        if p.dep_ == "prep" and p.lower_ in LOCATIVE_PREPS for q in p.children
        if q.dep_ == "pobj" for m in ctx.index.all_at(q)
        if is_place(m) and m.actor.country != a.actor.country])
