"""Quotations introduced by their speaker: 'Minister X said:' followed by what X said.

Official statements and news reports both give a speaker's words after a colon: 'Tobias
Ellwood said:' then paragraphs of his statement, or 'Iran said: "We will punish Israel."'.
First-person pronouns in them ("we", "I", "our") are the speaker's. Where the quoted
words open with a quotation mark they end at its closing mark; else they run until the
next introduced quotation or the end of the document, as in a published statement.

>>> from actorgraph.extract.nlp import load_pipeline  # doctest: +SKIP
>>> doc = load_pipeline()("Kerry said:\\n\\nWe will help Iraq.")  # doctest: +SKIP
>>> [(q.start, q.speaker.text) for q in quotations(doc, find_actors(doc))]  # doctest: +SKIP
[(3, 'Kerry')]
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

import numpy
from spacy.attrs import ORTH
from spacy.strings import get_string_id
from spacy.tokens import Doc, Token

from actorgraph.extract.wordlists import word_set

if TYPE_CHECKING:
    from actorgraph.extract.actors import Actor, ActorIndex, ActorMention

QUOTING_VERBS = word_set("quoting_verbs")
OPENING_QUOTES = {'"', "“"}
CLOSING_QUOTES = {'"', "”"}
COLON_ID = get_string_id(":")


@dataclass
class Quotation:
    """Tokens ``start:end`` of a doc are the words of ``speaker``."""

    start: int
    end: int
    speaker: ActorMention
    #: whom the speaker's "we" stands for: a state official speaks for the government
    #: (set by :func:`actorgraph.extract.actors.find_actors`); None for the speaker
    voice: Actor | None = None


def quotations(doc: Doc, index: ActorIndex) -> list[Quotation]:
    """The quotations of ``doc`` introduced by a named speaker and a colon, in order."""
    found: list[Quotation] = []
    # (the colons by id in one array: a Token object for every word of every article
    # would cost more than the rest of this step)
    for i in numpy.flatnonzero(doc.to_array(ORTH) == COLON_ID):
        tok = doc[int(i)]
        if tok.i + 1 >= len(doc):
            continue
        speaker = colon_speaker(tok, index)
        if speaker is None:
            continue
        start = _next_word(doc, tok.i + 1)
        if start is None:
            continue
        end = _closing_quote(doc, start) if doc[start].text in OPENING_QUOTES else len(doc)
        if found and found[-1].end > tok.i:
            # An open-ended statement ends where the next speaker is introduced.
            found[-1].end = tok.i
        found.append(Quotation(start, end, speaker))
    return found


def colon_speaker(colon: Token, index: ActorIndex) -> ActorMention | None:
    """The actor that introduces the words after ``colon``: the named subject of a quoting
    verb the colon closes ("Foreign Secretary Philip Hammond said:"), or None."""
    verb = colon.head
    if verb.lemma_ not in QUOTING_VERBS or verb.i > colon.i:
        return None
    if any(t.i > verb.i and t.i < colon.i and t.dep_ in {"dobj", "ccomp"}
           for t in verb.children):
        return None  # "said the talks failed: ..." introduces no quotation
    for subj in verb.children:
        if subj.dep_ != "nsubj":
            continue
        head = index.at(subj)
        if head is not None and head.actor.is_actor:
            return head
        # "Minister for the Middle East, Tobias Ellwood said:": the one actor named.
        found = {m.actor.id: m for t in subj.subtree
                 if (m := index.at(t)) is not None and m.actor.is_actor}
        if len(found) == 1:
            return next(iter(found.values()))
    return None


def _next_word(doc: Doc, i: int) -> int | None:
    while i < len(doc) and doc[i].is_space:
        i += 1
    return i if i < len(doc) else None


def _closing_quote(doc: Doc, start: int) -> int:
    """The token after the mark that closes the quotation opened at ``start``."""
    for t in doc[start + 1:]:
        if t.text in CLOSING_QUOTES:
            return t.i + 1
    return len(doc)


def quotation_at(token: Token, index: ActorIndex) -> Quotation | None:
    """The introduced quotation ``token`` stands in, if any."""
    return next((q for q in index.quotations if q.start <= token.i < q.end), None)
