"""One-actor acts: an act whose doer is an actor but whose target is none ("Akayev agreed
to resign", "students staged mass demonstrations"), or one done to an actor by no actor
("a roadside bombing killed one U.S. soldier"); with the place where it was done."""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Iterator

from spacy.tokens import Token

from actorgraph.extract.actors import STATE_SECTORS, Actor, ActorIndex, ActorMention
from actorgraph.extract.events import Event
from actorgraph.extract.lexicon import RelationVocabulary, VerbSense
from actorgraph.extract.relations.arguments import (
    by_agents,
    is_reduced_passive,
    noun_governor_subjects,
    subjects,
    verb_objects,
)
from actorgraph.extract.relations.mentions import (
    first_per_actor,
    is_place,
    mentions,
    modifier_actors,
    noun_relation_of,
    owner_actors,
    prep_mentions,
)
from actorgraph.extract.relations.model import Act, Sentence
from actorgraph.extract.relations.nouns import is_light_noun
from actorgraph.extract.relations.syntax import governing_verb, infinitival
from actorgraph.extract.relations.words import (
    AGENT_PREPS,
    CLAUSE_DEPS,
    INTERNATIONAL_TYPES,
    WHERE_PREPS,
)


def non_state(sector: str | None) -> bool:
    """A sector of a country's people that is not its state: "Kenyan students", "Egyptian
    opposition", "Sudanese rebels" (not the bare country, nor its government or forces)."""
    return sector is not None and sector not in STATE_SECTORS


def one_actor_acts(ctx: Sentence, taken: set[int]) -> Iterator[Act]:
    """Acts whose doer is an actor but whose target is none, and acts done to an actor by
    no named doer.

    ``taken``: anchors that already gave a triple; their acts are not repeated.
    """
    for tok in ctx.tokens:
        if tok.i in taken:
            continue
        if tok.pos_ == "VERB":
            yield from verb_acts(ctx, tok)
        elif tok.pos_ in {"NOUN", "PROPN"} and ctx.index.at(tok) is None:
            yield from noun_acts(ctx, tok)


def verb_acts(ctx: Sentence, tok: Token) -> Iterator[Act]:
    """The one-actor acts of a verb: by its doers, else to its objects."""
    sense = one_actor_sense(ctx, tok)
    if sense is None or not ctx.vocab.get(sense.relation).one_actor:
        return
    reduced = is_reduced_passive(tok)
    # "the curfew imposed in Sudan": a reduced passive acts only through its by-agent,
    # never through the noun it hangs from.
    agents = by_agents(ctx, tok) if reduced else subjects(ctx, tok)
    objs, extra = verb_objects(ctx, tok, sense)
    trig = sorted([tok, *extra], key=lambda t: t.i)
    conf = 0.5 + 0.05 * sense.specificity
    doers = [(s, w) for s, w in agents if s.actor.is_actor]
    place = act_place(ctx, tok)
    for s, w in doers:
        yield Act(s, sense.relation, trig, tok, conf * w, place=place)
    if doers or sense.words:
        return
    # "Three US servicemen were killed by an improvised explosive device", "a roadside
    # bombing killed one U.S. soldier": done to an actor, by no actor.
    if reduced and not sense.own_object:
        objs = [tok.head]
    for o, w in first_per_actor([mw for ot in objs for mw in mentions(ctx, ot)]):
        if o.actor.is_actor:
            yield Act(o, sense.relation, trig, tok, 0.9 * conf * w, "target", place)


def noun_acts(ctx: Sentence, tok: Token) -> Iterator[Act]:
    """The one-actor act of a relation noun: its modifier ("Palestinian civil unrest"),
    its by-agent, or the subject of a support verb ("students staged demonstrations",
    but not "police prevented the demonstration")."""
    rtype = noun_relation_of(ctx, tok)
    if rtype is None or not rtype.one_actor or is_light_noun(ctx, tok):
        return
    agents = [(m, 0.9) for m in modifier_actors(ctx, tok)] or [
        (m, w) for m, w in prep_mentions(ctx, [tok], AGENT_PREPS)
    ]
    verb = governing_verb(tok)
    if not agents and verb is not None and ctx.vocab.is_support_verb(verb.lemma_, verb.lower_):
        agents = noun_governor_subjects(ctx, tok, 0)
    place = act_place(ctx, verb if verb is not None else tok)
    for s, w in first_per_actor(agents):
        if s.actor.is_actor:
            yield Act(s, rtype.name, [tok], tok, 0.45 * w, place=place)


def one_actor_sense(ctx: Sentence, verb: Token) -> VerbSense | None:
    """The sense a verb has when it names no target: one whose words it has ("called
    off a strike"), else its plain sense; None when it has neither."""
    senses = ctx.vocab.verb_senses(verb.lemma_, verb.lower_)
    worded = [s for s in senses if s.words and verb_objects(ctx, verb, s)[1]]
    if worded:
        return max(worded, key=lambda s: len(s.words))
    plain = next((s for s in senses if not s.words and not s.prep), None)
    if plain is None:
        return None
    if ctx.vocab.get(plain.relation).quad.startswith("MATERIAL") and any(
        infinitival(c) for c in verb.children
    ) and not any(c.dep_ == "dobj" for c in verb.children):
        # "tried to secure favour", "help to end": a control verb, not the material act
        # ("try" a suspect, "help" an ally) its plain sense names.
        return None
    return plain


def own_state(index: ActorIndex, vocab: RelationVocabulary, event: Event) -> Actor | None:
    """The state a non-state group's act that names no target is against, when its type
    says so (``against_own_state``) and the act is done at home: "Egyptian demonstrators
    rioted", "Kenyan students staged protests in Nairobi" (CAMEO codes both against the
    group's own country). Not a state's own act ("Iran protested": at whom is unsaid)."""
    a = event.actor
    if event.role != "source" or not a.country or not non_state(a.sector) or \
            not vocab.get(event.relation).against_own_state:
        return None
    home = event.place.country == a.country if event.place is not None else event.domestic
    return index.states.get(a.country) if home else None


def home_groups(index: ActorIndex) -> list[int]:
    """Where the document names a non-state group of a known country: the first tokens of
    those mentions (see :func:`home_protest_triggers`)."""
    return sorted(m.start for m in index.mentions if m.actor.country in index.states
                  and non_state(m.actor.sector))


def home_protest_triggers(ctx: Sentence, groups: list[int]) -> set[int]:
    """The tokens that may tell a protest against one's own state (:func:`own_state`), in
    a sentence that names one of the ``groups`` (:func:`home_groups`): when events are not
    asked for, only their one-actor acts are read."""
    at = bisect_left(groups, ctx.sent.start)  # (groups: in document order)
    if at == len(groups) or groups[at] >= ctx.sent.end:
        return set()
    lemmas = ctx.vocab.own_state_lemmas()
    return {t.i for t in ctx.tokens if t.lemma_ in lemmas or t.lower_ in lemmas}


def domestic(ctx: Sentence, actor: ActorMention) -> bool:
    """True when the sentence names no party or place beyond the actor's own country:
    "the government lifted the curfew", "President Bouteflika said he is prepared to
    lift the ban on FIS". Such an act is internal to that country (PLOVER and CAMEO
    code it with the country on both sides); "Syria offered its troops to Lebanon's
    President" is not."""
    country = actor.actor.country
    if not country:
        return False
    for m in ctx.index.mentions:
        if m.start < ctx.sent.start or m.end > ctx.sent.end or m.actor.id == actor.actor.id:
            continue
        a = m.actor
        if (a.country and a.country != country) or (
            not a.country and (a.type in INTERNATIONAL_TYPES or a.sector in INTERNATIONAL_TYPES)
        ):
            return False
    return True


def act_place(ctx: Sentence, head: Token) -> ActorMention | None:
    """Where an act was done, if its clause names a place with a country through a
    preposition: "demonstrated in Kirkuk", "students throughout Indonesia staged ...",
    "killed by a device outside of the Iraqi city of Basra" (not inside a clause of its
    own: "refugees who lived in Iraq")."""
    for q in head.subtree:
        if q.dep_ != "pobj" or q.i == head.i:
            continue
        path, node, located = [], q, False
        while node.i != head.i and len(path) < 8:
            path.append(node)
            located |= node.dep_ in {"prep", "advmod"} and node.lower_ in WHERE_PREPS
            node = node.head
        if not located or any(n.dep_ in CLAUSE_DEPS for n in path):
            continue
        for m in [*ctx.index.all_at(q), *(m for m, _ in owner_actors(ctx, q))]:
            if is_place(m):
                return m
    return None
