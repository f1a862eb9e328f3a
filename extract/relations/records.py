"""The public entry: every triple and one-actor event of a parsed document, with its
factuality and confidence, one statement per pair and type in a sentence."""

from __future__ import annotations

from dataclasses import dataclass, field, fields

from spacy.tokens import Doc, Span, Token

from actorgraph.extract.actors import PRONOUNS, Actor, ActorIndex
from actorgraph.extract.events import Event
from actorgraph.extract.frames import FrameSet
from actorgraph.extract.lexicon import RelationVocabulary
from actorgraph.extract.relations.acts import (
    domestic,
    home_groups,
    home_protest_triggers,
    one_actor_acts,
    own_state,
)
from actorgraph.extract.relations.brokers import broker_relations
from actorgraph.extract.relations.confidence import (
    ATTRIBUTION_DISCOUNT,
    attributes,
    nesting,
    trigger_tokens,
)
from actorgraph.extract.relations.derived import (
    admissible,
    placed_sense,
    sports_result,
    with_derived,
)
from actorgraph.extract.relations.factuality import factuality, framed_modality
from actorgraph.extract.relations.framed import (
    frame_complements,
    frame_findings,
    merge_frames,
    sentence_matches,
)
from actorgraph.extract.relations.model import Finding, Sentence
from actorgraph.extract.relations.nouns import noun_relations
from actorgraph.extract.relations.predicates import (
    adjective_relations,
    co_agent_relations,
    labelling_criticisms,
    membership_relations,
    obligation_demands,
    wrongdoing_accusations,
)
from actorgraph.extract.relations.verbs import verb_relations
from actorgraph.extract.triples import Triple

# Statements of this many sentences before may be referred back to ("the accusation").
REFERENCE_WINDOW = 2


@dataclass
class _Evidence:
    """Where a sentence's records point: its text and character span in the source, and
    the document fields every record carries."""

    sentence: str
    start: int
    end: int
    meta: dict = field(default_factory=dict)


def find_statements(ctx: Sentence) -> list[Finding]:
    """Every two-actor statement of a sentence, from every finder, in a stable order:
    the rules first, then what the frames add."""
    rules = [*verb_relations(ctx), *noun_relations(ctx), *adjective_relations(ctx),
             *co_agent_relations(ctx), *membership_relations(ctx), *obligation_demands(ctx),
             *labelling_criticisms(ctx), *wrongdoing_accusations(ctx),
             *broker_relations(ctx)]
    return merge_frames(rules, frame_findings(ctx))


def extract_records(
    doc: Doc,
    index: ActorIndex,
    vocab: RelationVocabulary,
    doc_id: str,
    text: str | None = None,
    doc_title: str | None = None,
    doc_date: str | None = None,
    doc_hash: str | None = None,
    events: bool = True,
    frames: FrameSet | None = None,
) -> tuple[list[Triple], list[Event]]:
    """Every triple in ``doc`` and, if ``events``, every one-actor event: an act of an
    actor that gave no triple (no actor is its target). ``frames`` (from
    :func:`actorgraph.extract.frames.load_frames`) add what the rules do not find."""
    source = text if text is not None else doc.text
    out: list[Triple] = []
    acts: list[Event] = []
    seen: set[tuple] = set()
    meta = {"doc_title": doc_title, "doc_date": doc_date, "doc_hash": doc_hash}
    recent: list[tuple[int, Finding]] = []  # (sentence start, statement) of the last sentences
    # The sentences once, as a list: the window's start is then an index away, where
    # sentence_back walks tokens and builds their sentences again for every sentence.
    sents = list(doc.sents)
    groups = home_groups(index)
    last_named = -REFERENCE_WINDOW - 1  # the last sentence with an actor mention
    for k, sent in enumerate(sents):
        back = sents[max(0, k - REFERENCE_WINDOW)].start  # = sentence_back(sent, WINDOW)
        recent = [(i, f) for i, f in recent if i >= back]
        # by token index: no Token object is built for the many sentences without actors
        if any(index.by_token.get(i) for i in range(sent.start, sent.end)):
            last_named = k
        elif k - last_named > REFERENCE_WINDOW or not refers_back(index, sent):
            continue  # (a sentence of pronouns only may name actors named before it)
        ctx = Sentence(sent, index, vocab, [f for _i, f in recent], frames=frames)
        ctx.matches = sentence_matches(ctx)
        ctx.complements = frame_complements(ctx)
        evidence = _Evidence(*sentence_span(sent, source), meta=meta)
        found = find_statements(ctx)
        recent.extend((sent.start, f) for f in found if f.subject.actor.is_actor)
        # Every act the sentence mentions counts as above a nested one, whether or not it
        # has a target: "refused to commit to any assistance to the war against Iraq".
        # Frame triggers too: "demanded that Hamas renounce its struggle" (a dictionary verb).
        anchors = {f.anchor.i for f in found} | trigger_tokens(ctx) | {
            m.trigger for m in ctx.matches}
        taken: set[int] = set()
        out.extend(sentence_triples(ctx, found, anchors, taken, seen, doc_id, evidence))
        protests = set() if events else home_protest_triggers(ctx, groups)
        if events or protests:
            # (without events, only the acts a protest at home may be told by)
            skip = taken if events else taken | {t.i for t in ctx.tokens} - protests
            for e in sentence_events(ctx, anchors, skip, doc_id, evidence):
                state = own_state(index, vocab, e)
                if state is not None:
                    out.append(against_state(e, state))
                elif events:
                    acts.append(e)
    return out, acts


def refers_back(index: ActorIndex, sent: Span) -> bool:
    """The sentence has a third-person pronoun, which may name an actor of the sentences
    before it: "Erdogan spoke with Putin by phone. He urged him to extend the deal."."""
    tokens = index.tokens[sent.start:sent.end] if index.tokens else sent
    return any(t.lower_ in PRONOUNS for t in tokens)


def sentence_back(sent: Span, n: int) -> int:
    """The start of the sentence ``n`` sentences before ``sent`` (or of the document)."""
    start = sent.start
    for _ in range(n):
        if start == 0:
            break
        start = sent.doc[start - 1].sent.start
    return start


def sentence_span(sent: Span, source: str) -> tuple[str, int, int]:
    """The sentence's text without surrounding space, and its character span."""
    start, end = sent.start_char, sent.end_char
    sentence = source[start:end]
    stripped = sentence.strip()
    start += len(sentence) - len(sentence.lstrip())
    end = start + len(stripped)
    return stripped, start, end


def states_intent(vocab: RelationVocabulary, f: Finding) -> bool:
    """A statement of intent read whole by its trigger ("vowed retaliation against
    Israel" is a threat, a pledge or a refusal already): the vow is made, so the
    trigger's own commissive cue does not make it intended."""
    cues = vocab.intent
    return f.relation in {cues.hostile, cues.cooperative, cues.refusal}


def sentence_triples(ctx: Sentence, found: list[Finding], anchors: set[int], taken: set[int],
                     seen: set[tuple], doc_id: str, evidence: _Evidence) -> list[Triple]:
    """The triples of a sentence: one per pair and type ("agreed to a ceasefire" names the
    agreement by verb and by noun), the most confident reading. ``taken`` collects the
    tokens used, ``seen`` the statements of the document so far."""
    vocab = ctx.vocab
    kept: dict[tuple[str, str, str], Triple] = {}
    for f in (placed_sense(f, vocab) for f in with_derived(ctx, found)):
        if not admissible(f, vocab):
            continue
        taken.update(t.i for t in f.trigger)
        taken.add(f.anchor.i)
        if sports_result(ctx, f):
            continue
        s, o = f.subject, f.obj
        key = (s.actor.id, f.relation, o.actor.id, f.anchor.i)
        if key in seen:
            continue
        seen.add(key)
        conf = statement_confidence(ctx, f, anchors)
        pair = (s.actor.id, f.relation, o.actor.id)
        if pair in kept and kept[pair].confidence >= conf:
            continue
        rtype = vocab.get(f.relation)
        negated, modality = (False, "asserted") if f.asserted else \
            statement_factuality(ctx, f.anchor, f.statement or states_intent(vocab, f))
        kept[pair] = Triple(
            doc=doc_id, sentence=evidence.sentence, start=evidence.start, end=evidence.end,
            subject=s.ref(), relation=f.relation, object=o.ref(), plover=rtype.plover,
            quad=rtype.quad, trigger=" ".join(t.text for t in f.trigger), negated=negated,
            modality=modality, confidence=conf, **evidence.meta,
        )
    return list(kept.values())


def statement_factuality(ctx: Sentence, anchor: Token, statement: bool = False
                         ) -> tuple[bool, str]:
    """(negated, modality) of the act at ``anchor``: its cues, then the frames'."""
    key = (anchor.i, statement)
    if key not in ctx.factuality:
        negated, modality = factuality(anchor, statement)
        ctx.factuality[key] = negated, framed_modality(anchor, modality, ctx.complements)
    return ctx.factuality[key]


def statement_confidence(ctx: Sentence, f: Finding, anchors: set[int]) -> float:
    """A statement's confidence: its path's, discounted for nesting under another act
    and for a telling that attributes another act, raised for lexicon actors."""
    conf = f.confidence * nesting(f.anchor, anchors, ctx.subordinate)
    if ctx.vocab.get(f.relation).plover == "CONSULT" and attributes(f.anchor, anchors):
        # "two rebel commanders told AFP that ...": the telling attributes the act it
        # reports; that act is the news.
        conf *= ATTRIBUTION_DISCOUNT
    if "lexicon" in (f.subject.source, f.obj.source):
        conf = min(1.0, conf + 0.05)
    return round(max(0.05, min(1.0, conf)), 3)


#: The fields an event and a triple share (not the event's actor, role, place, domestic).
TRIPLE_FIELDS = frozenset(f.name for f in fields(Triple))
EVENT_FIELDS = frozenset(f.name for f in fields(Event))


def against_state(event: Event, state: Actor) -> Triple:
    """A group's act against its own state (:func:`own_state`) as a triple; its target is
    implied, not named, and ``extras`` says so."""
    rest = {k: getattr(event, k) for k in TRIPLE_FIELDS & EVENT_FIELDS}
    return Triple(subject=event.actor, object=state.ref(state.name),
                  extras={"target": "implied"}, **rest)


def sentence_events(ctx: Sentence, anchors: set[int], taken: set[int], doc_id: str,
                    evidence: _Evidence) -> list[Event]:
    """The one-actor events of a sentence, one per actor, type and role."""
    one = list(one_actor_acts(ctx, taken))
    nested = anchors | {a.anchor.i for a in one}
    done: set[tuple[str, str, str]] = set()
    out: list[Event] = []
    for act in one:
        if (act.actor.actor.id, act.relation, act.role) in done:
            continue
        done.add((act.actor.actor.id, act.relation, act.role))
        rtype = ctx.vocab.get(act.relation)
        negated, modality = statement_factuality(ctx, act.anchor)
        conf = act.confidence * nesting(act.anchor, nested, ctx.subordinate)
        out.append(Event(
            doc=doc_id, sentence=evidence.sentence, start=evidence.start, end=evidence.end,
            actor=act.actor.ref(), relation=act.relation, plover=rtype.plover, quad=rtype.quad,
            trigger=" ".join(t.text for t in act.trigger), negated=negated, modality=modality,
            confidence=round(max(0.05, min(1.0, conf)), 3), role=act.role,
            place=act.place.ref() if act.place is not None else None,
            domestic=act.place is None and domestic(ctx, act.actor), **evidence.meta,
        ))
    return out
