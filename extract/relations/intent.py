"""Statements of intent as asserted acts of their own (issue 14, item 3): an actor that
pledges, offers, promises, plans or announces an act ("Peru will send troops to Chile",
"Peru pledged to send troops to Chile") makes an asserted statement (CAMEO 03, PLOVER
AGREE), while the act itself stays intended or future; a hostile act announced is a threat
(CAMEO 13); a cooperative act announced as not to be done is a refusal (CAMEO 12). The
words and types are data: ``[intent]`` in ``relations.toml``."""

from __future__ import annotations

from spacy.tokens import Token

from actorgraph.extract.actors import STATE_SECTORS
from actorgraph.extract.lexicon import IntentCues, RelationVocabulary
from actorgraph.extract.relations.factuality import factuality
from actorgraph.extract.relations.mentions import is_place, mention
from actorgraph.extract.relations.model import Finding, Sentence
from actorgraph.extract.relations.syntax import (
    condition_mark,
    conjuncts,
    governing_verb,
    infinitival,
    is_verb,
)
from actorgraph.extract.relations.words import (
    ASPECT_VERBS,
    CONDITIONS,
    COOPERATIVE_QUADS,
    SPEECH_VERBS,
)

#: An intent statement is a little less sure than the act it announces.
INTENT_DISCOUNT = 0.9


def intent_statement(ctx: Sentence, f: Finding) -> Finding | None:
    """The asserted statement of intent, threat or refusal that announcing ``f`` makes,
    or None when ``f`` is not announced by its own doer."""
    vocab = ctx.vocab
    cues = vocab.intent
    if not f.subject.actor.is_actor or not (f.obj.actor.is_actor or is_place(f.obj)):
        return None
    if condition_mark(f.anchor) is not None:
        return None  # "will withdraw unless ...": an ultimatum, a threat of its own
    commitment = commitment_of(f.anchor, cues)
    if commitment is None or f.subject.actor.id not in committers(ctx, commitment, f.anchor):
        return None
    negated, modality = factuality(f.anchor)
    relation = statement_type(vocab, f.relation, negated)
    if modality not in {"future", "intended"} and not (
            modality == "hypothetical" and relation == cues.hostile
            and conditional_threat(f.anchor, cues)):
        return None  # asked, supposed, questioned: no one committed to it
    if relation is None or relation == f.relation or relation not in vocab:
        return None
    if not f.obj.actor.is_actor and relation != cues.hostile:
        return None  # a place is threatened ("threatened to strike Haifa"), not pledged to
    if relation == cues.hostile and conditional_mood(f.anchor, cues) and (
            condition_mark(f.anchor, CONDITIONS) is None or said_by_another(ctx, f)) \
            and not (backshifted_will(f.anchor, cues) and said_by_its_side(ctx, f)):
        # "she would pursue a fight against ISIS": "would" is also the conditional; a
        # hostile act is a threat when committed to outright, or when its condition is
        # named (an ultimatum, derived.ultimatum_threat).
        return None
    trigger = sorted({commitment.i: commitment, **{t.i: t for t in f.trigger}}.values(),
                     key=lambda t: t.i)
    # The act announced in its own main clause ("Peru will send") carries the pledge
    # asserted; a commitment word's clause decides it ("did not pledge to" is negated).
    own = commitment is f.anchor and commitment.lemma_ not in cues.verbs
    return Finding(f.subject, f.obj, relation, trigger, commitment,
                   f.confidence * INTENT_DISCOUNT, mutual=False, asserted=own, statement=True)


def statement_type(vocab: RelationVocabulary, relation: str, negated: bool) -> str | None:
    """What announcing an act of ``relation`` states: a pledge of a cooperative act, a
    threat of a material-conflict act, a refusal of a cooperative act announced as not to
    be done; nothing for verbal conflict or a hostile act not to be done."""
    cues, quad = vocab.intent, vocab.get(relation).quad
    if quad in COOPERATIVE_QUADS:
        return cues.refusal if negated else cues.cooperative
    if quad == "MATERIAL_CONFLICT" and not negated:
        return cues.hostile
    return None


def commitment_of(act: Token, cues: IntentCues) -> Token | None:
    """The token that commits the act's subject to the act: a commitment verb or adjective
    whose infinitive the act is ("pledged to send", "is ready to negotiate"), the speech
    verb that reports an announced act ("said it would not support"), or the act itself
    when announced in a main clause ("Peru will send troops") or a commitment verb itself
    ("offered troops to Lebanon"). An act named by a noun is committed to through its verb
    ("seek to deepen their partnership"). None otherwise."""
    if act.pos_ in {"NOUN", "PROPN"}:
        verb = governing_verb(act)
        if verb is None:
            return None
        act = verb
    while act.dep_ == "xcomp" and act.head.lemma_.lower() in ASPECT_VERBS:
        act = act.head  # "promised to keep funding": the commitment is to go on with it
    if act.lemma_ in cues.verbs and act.dep_ == "ROOT":
        return act
    if infinitival(act) and not has_own_subject(act):
        head = act.head
        if head.lemma_ in cues.verbs or head.lower_ in cues.adjectives:
            return head
        return None
    if noun_infinitive(act) and act.head.lemma_.lower() in cues.nouns:
        return act.head  # "Russia's threat to cut gas supplies"
    aux = {k.lower_ for k in act.children if k.dep_ == "aux"}
    if aux & cues.conditional_aux and condition_mark(act, CONDITIONS) is not None:
        aux |= cues.aux  # "could sever ties if ...": announced as a threat
    if act.dep_ == "ccomp" and act.head.lemma_ in SPEECH_VERBS and aux & (
            cues.aux | cues.reported_aux):
        return act.head
    if act.dep_ == "ROOT" and aux & cues.aux:
        return act
    return None


def conditional_threat(act: Token, cues: IntentCues) -> bool:
    """A possible act ("could", ``conditional_aux``) made conditional on a named condition
    ("could sever ties with Israel if the offensive continued"): its doer announces it as
    a threat."""
    verb = governing_verb(act) if act.pos_ in {"NOUN", "PROPN"} else act
    return verb is not None and any(
        k.dep_ == "aux" and k.lower_ in cues.conditional_aux for k in verb.children) and \
        condition_mark(verb, CONDITIONS) is not None


def backshifted_will(act: Token, cues: IntentCues) -> bool:
    """"Iran said it would retaliate against Israel": "would" in what was said is the
    speaker's "will" told in the past, no conditional (the doer's own word, as
    :func:`committers` checks)."""
    if act.dep_ != "ccomp" or act.head.lemma_ not in SPEECH_VERBS or act.head.tag_ != "VBD":
        return False
    aux = {k.lower_ for k in act.children if k.dep_ == "aux"}
    return bool(aux & cues.reported_aux) and not aux & cues.conditional_aux and \
        condition_mark(act, CONDITIONS) is None


def noun_infinitive(act: Token) -> bool:
    """An infinitive that completes a noun ("the threat to cut", "an offer to mediate")."""
    return act.dep_ == "acl" and act.head.pos_ == "NOUN" and any(
        c.dep_ == "aux" and c.lower_ == "to" for c in act.children)


def conditional_mood(anchor: Token, cues: IntentCues) -> bool:
    """The act (or the verb of an act noun) is announced only with "would" (or "could")."""
    act = governing_verb(anchor) if anchor.pos_ in {"NOUN", "PROPN"} else anchor
    if act is None:
        return False
    aux = {k.lower_ for k in act.children if k.dep_ == "aux"}
    return bool(aux & (cues.reported_aux | cues.conditional_aux)) and not aux & cues.aux


def committers(ctx: Sentence, commitment: Token, act: Token) -> set[str]:
    """Ids of the actors named as the subject of the committing clause ("Peru pledged",
    "Ghana said it would", "Russia is ready"): by name or pronoun, not through a thing of
    theirs ("the liberation of Raqqah will free ...")."""
    holders = [commitment, act]
    if commitment.pos_ == "ADJ":
        holders.append(commitment.head)  # "is ready": the subject hangs on "is"
    # a noun's committer is its possessor ("Russia's threat to cut supplies")
    roles = {"poss"} if commitment.pos_ == "NOUN" else {"nsubj", "nsubjpass"}
    out: set[str] = set()
    for h in holders:
        for c in h.children:
            if c.dep_ not in roles:
                continue
            for tok in conjuncts(c):
                if ctx.index.all_at(tok) or tok.pos_ == "PRON":
                    out.update(m.actor.id for m, _w in mention(ctx, tok))
    return out


def said_by_another(ctx: Sentence, f: Finding) -> bool:
    """An act told in a clause someone else says ("Analysts said Israel would strike Iran
    if talks failed"): what its doer would do is the speaker's reading, not the doer's
    word."""
    verb = f.anchor
    if verb.dep_ != "ccomp" or not is_verb(verb.head):
        return False
    speakers = [c for c in verb.head.children if c.dep_ == "nsubj"]
    return bool(speakers) and f.subject.actor.id not in {
        m.actor.id for c in speakers for m, _w in mention(ctx, c)}


def said_by_its_side(ctx: Sentence, f: Finding) -> bool:
    """The clause telling ``f`` is said by its doer or by one of the doer's state ("Iran
    said it would", "Erdogan said Turkey would"), not by analysts or a foe; a person's own
    "would" may be the conditional of a promise, no threat made."""
    doer = f.subject.actor
    if doer.type == "PERSON":
        return False  # ("Clinton told reporters she would fight ISIS": if elected)
    speakers = [m.actor for c in f.anchor.head.children if c.dep_ == "nsubj"
                for m, _w in mention(ctx, c)]
    return any(a.id == doer.id or doer.type == "COUNTRY" and a.country == doer.country
               and (a.sector in STATE_SECTORS or a.type == "PERSON" and a.sector is None)
               for a in speakers)


def has_own_subject(verb: Token) -> bool:
    """A clause with its own subject ("wants Moscow to pull back"): the act is another's."""
    return any(c.dep_ in {"nsubj", "nsubjpass"} for c in verb.children)
