"""Relations from frames (``extract/frames.py``): a frame match binds the trigger, the
target and the object noun; the argument mechanisms of this package find the source
(subjects, passive agents, conjunctions, control, relative clauses) and turn tokens into
actor mentions. Rules and frames meet here: a frame only adds what the rules of the same
trigger did not find."""

from __future__ import annotations

from spacy.tokens import Token

from actorgraph.extract.actors import LOCATION
from actorgraph.extract.frames import Frame, FrameMatch
from actorgraph.extract.relations.arguments import joiners, noun_governor_subjects, passive_agents
from actorgraph.extract.relations.confidence import trigger_tokens
from actorgraph.extract.relations.mentions import (
    mentions,
    modifier_actors,
    names_a_frontier,
    noun_relation_of,
    prep_mentions,
)
from actorgraph.extract.relations.model import Finding, Sentence, Weighted
from actorgraph.extract.relations.syntax import infinitival, names_where, particle_words
from actorgraph.extract.relations.verbs import group_agents, verb_agents
from actorgraph.extract.relations.words import (
    COOPERATIVE_QUADS,
    OCCASION_MARKS,
    REACTIONS,
    THING_WORDS,
)
from actorgraph.extract.wordlists import word_set

# A frame names its target outright, as a verb sense does; a noun frame is as sure as a
# relation noun ("sanctions against Iran").
VERB_FRAME_CONFIDENCE = 0.75
NOUN_FRAME_CONFIDENCE = 0.65
SPECIFICITY_BONUS = 0.05
AUTHOR_PREPS = word_set("author_preps")
OPPOSING_PREPS = word_set("opposing_preps")


def sentence_matches(ctx: Sentence) -> list[FrameMatch]:
    """The frame matches of the sentence (matched once, read by every frame stage)."""
    if ctx.frames is None or not len(ctx.frames):
        return []
    return ctx.frames.match(ctx.sent, tokens=ctx.tokens, words=ctx.words)


def frame_findings(ctx: Sentence) -> list[tuple[FrameMatch, Finding]]:
    """The statements the frames give in the sentence, one per match and actor pair, each
    with the match that gave it."""
    if not ctx.matches:
        return []
    known = trigger_tokens(ctx)
    found = [(m, f) for m in ctx.matches if asks_an_act(ctx, m)
             and not (defers_to_rules(m.frame) and m.trigger in known)
             and not other_verb(ctx, m) for f in match_findings(ctx, m)]
    return without_mere_places(ctx, found)


def other_verb(ctx: Sentence, match: FrameMatch) -> bool:
    """A dictionary frame of a verb's plain sense where the verb carries a particle that a
    hand-written frame gives another sense (:attr:`FrameSet.particles`): "the UK pushed
    ISIL out of Kobane" is no urging, though only forces' pushing out is framed as a fight.
    The parser may hang the particle on the object ("cleared ISIL from Mosul")."""
    frame = match.frame
    reserved = ctx.frames.particles.get(frame.trigger) if ctx.frames is not None else None
    if not reserved or not frame.dictionary or frame.particle or frame.objects or frame.preps:
        return False
    return bool(particle_words(ctx.sent.doc[match.trigger]) & reserved)


def without_mere_places(ctx: Sentence, found: list[tuple[FrameMatch, Finding]]
                        ) -> list[tuple[FrameMatch, Finding]]:
    """A target bound through a preposition of where ("conducted strikes in Syria against
    ISIL targets") is only the place of the act when the same trigger's frames also bind a
    target through another word: then the act hits that one, and the place is dropped.
    A target that is the source itself is no aim ("put its air force on high alert along
    the Line of Control with Pakistan": the alert faces Pakistan)."""
    doc = ctx.sent.doc
    aimed = {m.trigger for m, f in found if not names_where(doc[m.target])
             and f.subject.actor.id != f.obj.actor.id}
    return [(m, f) for m, f in found if m.trigger not in aimed or not names_where(doc[m.target])]


def defers_to_rules(frame: Frame) -> bool:
    """A frame compiled from a verb dictionary that speaks only where the rules do not.
    Such frames are broad (CAMEO codes "liberate" as a concession), so they only speak
    for words the relation vocabulary does not know: at a trigger of the vocabulary the
    rules and the hand-written frames decide, unless the frame overrides the verb's plain
    sense (:func:`overrides_plain_sense`)."""
    return frame.dictionary and not overrides_plain_sense(frame)


def overrides_plain_sense(frame: Frame) -> bool:
    """A frame whose object noun tells another act than the verb's plain sense: a request
    ("told Iran to attack" against "told Iran": a message), a hand frame bound to an object
    noun or a particle ("pushed ISIL out of Kobane" is no urging), a backward frame
    bound to an object noun, whose act comes from the other side ("received fire from
    ISIL", "received a loan from China": no hosting), and a frame that names both the
    object noun and its preposition ("used villagers as human shields", "put him on
    trial"): so specific a pattern is no plain use or putting."""
    return frame.target == "complement_subject" or bool(frame.objects) and (
        not frame.dictionary or frame.backward or bool(frame.object_preps)) or \
        bool(frame.particle) and not frame.dictionary


def asks_an_act(ctx: Sentence, match: FrameMatch) -> bool:
    """A complement frame ("wants Moscow to pull back") holds only over an infinitive:
    "a court martial was told today" after a reported clause, or "told AFP that ...",
    asks nothing of anyone; a clause frame holds only over a stated clause. Other frames
    hold as matched."""
    if match.frame.target not in {"complement_subject", "clause_subject"}:
        return True
    if match.complement is None:
        return False
    act = ctx.sent.doc[match.complement]
    # (the parse gives "wants Moscow to pull back" a ccomp with its own subject)
    asked = infinitival(act) or any(k.dep_ == "aux" and k.lower_ == "to" for k in act.children)
    if match.frame.target == "clause_subject" and act.dep_ == "advcl" and not any(
            k.dep_ == "mark" and k.lower_ in OCCASION_MARKS for k in act.children):
        return False  # a clause set beside, not the occasion: "..., while Russia blamed Kyiv"
    # a clause frame holds over a stated clause ("protested that X was failing") only
    return asked != (match.frame.target == "clause_subject")


def match_findings(ctx: Sentence, match: FrameMatch) -> list[Finding]:
    """The statements of one frame match: each source actor to each target actor."""
    doc = ctx.sent.doc
    trigger = doc[match.trigger]
    frame = match.frame
    if opposed_target(ctx, doc[match.target], frame.relation) or \
            names_an_act(ctx, doc[match.target], frame):
        return []
    sources = frame_sources(ctx, trigger, match)
    targets = mentions(ctx, doc[match.target])
    if not sources or not targets:
        return []
    base = VERB_FRAME_CONFIDENCE if frame.pos == "VERB" else NOUN_FRAME_CONFIDENCE
    conf = min(1.0, base + SPECIFICITY_BONUS * min(frame.specificity, 3))
    words = [trigger] + ([doc[match.object]] if match.object is not None else [])
    if frame.backward:  # "Kenya received a loan from China": China -> Kenya
        sources, targets = targets, sources
    return [Finding(s, o, frame.relation, sorted(words, key=lambda t: t.i), trigger,
                    conf * sw * ow, mutual=frame.mutual)
            for s, sw in sources for o, ow in targets]


def opposed_target(ctx: Sentence, target: Token, relation: str) -> bool:
    """A cooperative act's target named as its opponent: "deepen security cooperation
    against North Korea" is no cooperation with North Korea (as for relation nouns), or
    named by the frontier one faces ("sent troops to the border with Guyana" aids no one)."""
    return ctx.vocab.get(relation).quad in COOPERATIVE_QUADS and (
        (target.dep_ == "pobj" and target.head.lower_ in OPPOSING_PREPS)
        or names_a_frontier(ctx, target))


def names_an_act(ctx: Sentence, target: Token, frame: Frame) -> bool:
    """A target that is an act or a thing said, not an actor: "marks a step toward the
    defeat of ISIL", "conducted strikes" (the actors behind an act are its parties, which
    the relation noun rules find, not the frame's). A reaction to an act is aimed at its
    author ("praised Kenya's offer"), as the rules read it, and so is an act received:
    in a backward frame its author is the one who acts ("sustained casualties from
    Turkish shelling")."""
    if ctx.index.all_at(target) or frame.backward or frame.target == "object" or \
            ctx.vocab.get(frame.relation).plover in REACTIONS:
        # (an object frame names the act noun it stands for: "dispersed the rally by
        # opposition supporters" represses the rally's holders)
        return False
    return noun_relation_of(ctx, target) is not None or target.lemma_.lower() in THING_WORDS


def frame_sources(ctx: Sentence, trigger: Token, match: FrameMatch) -> Weighted:
    """Who does the framed act: a passive trigger's by-agent ("charges against Chile were
    filed by Peru"), a verb's subjects (through control, conjunctions and relative
    clauses), a noun's modifier or author, else the subject of the verb it hangs from."""
    if match.frame.pos == "NOUN":
        return noun_sources(ctx, trigger)
    if match.passive:
        return passive_agents(ctx, trigger)
    agents = verb_agents(ctx, trigger)
    # (in a backward frame the act's owners are its target: "Ukraine faces Russian
    # attacks" is Russia's act on Ukraine)
    owners = [] if match.frame.backward else act_owners(ctx, match, agents)
    if owners:
        return owners
    return agents + [(m, w * 0.85) for m, w in group_agents(ctx, trigger)] if agents else agents


def act_owners(ctx: Sentence, match: FrameMatch, agents: Weighted) -> Weighted:
    """The owners an object noun names for the very act the frame reads, when they are
    not the verb's doers: "the minister reiterated UK support for Iraq" is the UK's
    support. (A reaction's object is another act: "praised Kenya's offer" is the
    praiser's, and its noun is of another type.)"""
    if match.object is None:
        return []
    noun = ctx.sent.doc[match.object]
    rtype = noun_relation_of(ctx, noun)
    if rtype is None or rtype.name != match.frame.relation:
        return []
    doers = {m.actor.id for m, _w in agents}
    owners = [m for m in modifier_actors(ctx, noun) if m.actor.is_actor]
    if not owners or any(m.actor.id in doers for m in owners):
        return []
    return [(m, 0.9) for m in owners]


def noun_sources(ctx: Sentence, noun: Token) -> Weighted:
    """A relation noun's doer: "Turkish shelling", "charges by Peru", "Peru filed
    charges"."""
    own = [(m, 0.9) for m in modifier_actors(ctx, noun)]
    if own:  # (and whoever joins them: "joined the U.S.-led campaign")
        return own + joiners(ctx, noun, own)
    return prep_mentions(ctx, [noun], AUTHOR_PREPS) or noun_governor_subjects(ctx, noun, 0)


def frame_complements(ctx: Sentence) -> dict[int, str]:
    """The complement acts of the sentence's frames and the modality each frame puts on
    its act ("Russia wants Iran to attack Israel": the attack is requested)."""
    return {m.complement: m.frame.modality for m in ctx.matches
            if m.complement is not None and m.frame.modality not in {None, "asserted"}
            and asks_an_act(ctx, m)}


def _beyond_joint_agents(f: Finding, rules: list[Finding]) -> bool:
    """"Uganda and the DRC launched joint operations against the ADF": where the rules read
    a trigger as its co-agents' joint act (each with the other), a frame there that takes
    one of them to a third party reads what they did together, not the same thing again."""
    joint = {(r.subject.actor.id, r.obj.actor.id) for r in rules
             if r.anchor.i == f.anchor.i}
    return any((a, b)[::-1] in joint and f.subject.actor.id in (a, b)
               and f.obj.actor.id not in (a, b) for a, b in joint)


def merge_frames(rules: list[Finding], framed: list[tuple[FrameMatch, Finding]]
                 ) -> list[Finding]:
    """The rules' statements and what the frames add: nothing at a trigger the rules read
    (the rule's sense fits there), nothing for a pair the rules already relate in the
    sentence (one statement per pair), except that a request frame ("told Iran to
    attack") overrides the plain sense of its verb ("told Iran": a message) for its pair,
    as a frame bound to an object noun does ("received fire from ISIL" is no hosting)."""
    overriding = [f for m, f in framed if overrides_plain_sense(m.frame)]
    backward = {id(f) for m, f in framed if m.frame.backward}
    overridden = [r for r in rules if r.plain and any(
        overrides(f, r, id(f) in backward) for f in overriding)]
    replacing = [f for f in overriding if any(
        overrides(f, r, id(f) in backward) for r in overridden)]
    kept = [r for r in rules if not any(r is o for o in overridden)]
    # (a rule that relates an actor to itself has read nothing: it is dropped later; one
    # that found only where the act happened leaves the frames to find whom it is aimed
    # at: "deployed troops along its border with China in eastern Ladakh")
    read = {t.i for f in kept if f.subject.actor.id != f.obj.actor.id
            and f.obj.actor.type != LOCATION for t in (f.anchor, *f.trigger)}
    pairs = {(f.subject.actor.id, f.obj.actor.id) for f in kept}
    added: list[Finding] = []
    said: set[tuple[int, tuple[str, str]]] = set()  # (trigger, pair) a frame already read
    for _m, f in framed:  # most specific frame first, hand-written before dictionary
        pair = (f.subject.actor.id, f.obj.actor.id)
        if (f.anchor.i, pair) in said:
            continue  # one reading per trigger and pair: "sent missiles to" arms, no posture
        if any(f is r for r in replacing) or pair not in pairs and (
                f.anchor.i not in read or _beyond_joint_agents(f, kept)):
            added.append(f)
            pairs.add(pair)
            # (either way round: "imports weapons from North Korea" is North Korea's aid,
            # read backward, and no posture of Iran against it)
            said.update({(f.anchor.i, pair), (f.anchor.i, pair[::-1])})
    aimed = {(f.anchor.i, f.subject.actor.id) for f in added if f.obj.actor.type != LOCATION}
    return [r for r in kept if r.obj.actor.type != LOCATION
            or (r.anchor.i, r.subject.actor.id) not in aimed] + added


def overrides(framed: Finding, rule: Finding, backward: bool = False) -> bool:
    """The frame statement reads the same trigger and pair as the rule's; a backward
    frame names the pair from the other side ("received fire from X" against the rule's
    "received X")."""
    ends = (framed.subject.actor.id, framed.obj.actor.id)
    if backward:
        ends = ends[::-1]
    return framed.anchor.i == rule.anchor.i and ends == (rule.subject.actor.id,
                                                         rule.obj.actor.id)
