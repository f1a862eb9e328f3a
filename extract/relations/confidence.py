"""Confidence adjustments that depend on the other acts of the sentence."""

from __future__ import annotations

from spacy.tokens import Token

from actorgraph.extract.relations.mentions import noun_relation_of
from actorgraph.extract.relations.model import Sentence
from actorgraph.extract.relations.syntax import path_to_root
from actorgraph.extract.relations.words import CIRCUMSTANCE_PREPS

NESTING_DISCOUNT = 0.85
ATTRIBUTION_DISCOUNT = 0.7


def trigger_tokens(ctx: Sentence) -> set[int]:
    """Indices of the sentence's verbs and nouns that name an act of the vocabulary."""
    if ctx.triggers is None:  # asked by the frames and by the records of each sentence
        ctx.triggers = frozenset(_trigger_tokens(ctx))
    return set(ctx.triggers)


def _trigger_tokens(ctx: Sentence) -> set[int]:
    return {t.i for t in ctx.tokens if (
        t.pos_ == "VERB" and ctx.vocab.verb_senses(t.lemma_, t.lower_)
    ) or (t.pos_ in {"NOUN", "PROPN"} and ctx.index.at(t) is None
          and noun_relation_of(ctx, t) is not None)}


def attributes(anchor: Token, anchors: set[int]) -> bool:
    """True when ``anchor`` (a speech act) has a clause holding another act of the
    sentence: it tells who reported that act."""
    return any(c.dep_ in {"ccomp", "parataxis"} and any(t.i in anchors for t in c.subtree)
               for c in anchor.children) or (
        anchor.dep_ == "parataxis" and anchor.head.i in anchors)


def nesting(anchor: Token, anchors: set[int], subordinate: set[int]) -> float:
    """Less confidence for an event nested under another one of the sentence: in "demanded
    that Hamas renounce its armed struggle against Israel" the demand is the news, the
    struggle is what it is about. A clause serving another act's purpose counts once more."""
    path = path_to_root(anchor)
    # A verb coordinated with another ("condemned and sanctioned") is its peer, not under it.
    above = sum(1 for below, t in zip(path, path[1:], strict=False)
                if t.i in anchors and not (below.dep_ == "conj" and below.pos_ in {"VERB", "AUX"}))
    return NESTING_DISCOUNT ** (above + (anchor.i in subordinate) + (
        above > 0 and scene_of_another(path)))


def scene_of_another(path: list[Token]) -> bool:
    """An act told as the scene of another ("praised Pakistan during a visit to
    Islamabad", "after talks with Iran"): the other act is the news."""
    return any(t.dep_ == "prep" and t.lower_ in CIRCUMSTANCE_PREPS for t in path[1:])
