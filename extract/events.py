"""The event record: an act with one actor, either its doer or whom it is done to.

"Ousted President Askar Akayev has agreed to resign", "Tens of thousands of students staged
mass demonstrations", "Sudan's government lifted a state of emergency": the act is news
(PLOVER codes such one-actor events), but there is no second actor for a triple. Nor in
"Three US servicemen were killed by an improvised explosive device", where the one actor
is the target (``role="target"``). An :class:`Event` keeps the act with its actor, the
actor's role, relation type, factuality and evidence sentence, in the same vocabulary as
:class:`~actorgraph.extract.triples.Triple`. Events
are a second output of extraction (``actorgraph extract --events``); the graph holds only
triples, since an edge needs two actors.

>>> from actorgraph.extract.triples import ActorRef, Factual
>>> akayev = ActorRef(id="person:askar_akayev", name="Askar Akayev", text="Akayev",
...                   type="PERSON", country="KGZ")
>>> e = Event(doc="d1", sentence="Akayev agreed to resign.", start=0, end=24, actor=akayev,
...           relation="AGREES_WITH", plover="AGREE", quad="VERBAL_COOPERATION",
...           trigger="agreed")
>>> Event.from_dict(e.to_dict()) == e, e.to_dict()["kind"]
(True, 'event')
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from actorgraph.extract.triples import ActorRef, Factual


@dataclass(frozen=True)
class Event(Factual):
    """One actor's act with no actor target, and the sentence that says so.

    ``start``/``end`` are character offsets of ``sentence`` in the document text;
    ``negated`` and ``modality`` mean what they mean on a triple. ``role`` is ``source``
    when ``actor`` does the act, ``target`` when the act is done to it by no named actor.
    ``place`` is where the sentence says the act was done, when that place has a country.
    ``domestic`` is true when the sentence names no place and no party beyond the actor's
    own country ("Sudan's government lifted the curfew"): the act is read as internal to
    that country, as PLOVER and CAMEO code it.
    """

    doc: str
    sentence: str
    start: int
    end: int
    actor: ActorRef
    relation: str
    plover: str
    quad: str
    trigger: str
    negated: bool = False
    modality: str = "asserted"
    confidence: float = 0.5
    doc_title: str | None = None
    doc_date: str | None = None
    doc_hash: str | None = None
    date: str | None = None
    date_precision: str | None = None
    date_source: str | None = None
    role: str = "source"
    place: ActorRef | None = None
    domestic: bool = False
    # The document's outlet and URL, as on a triple, so event output needs no document.
    doc_source: str | None = None
    doc_url: str | None = None

    def to_dict(self) -> dict[str, Any]:
        """The JSON record; ``kind`` tells it apart from a triple in a mixed stream."""
        return {
            "kind": "event",
            "doc": self.doc,
            "sentence": self.sentence,
            "start": self.start,
            "end": self.end,
            "actor": self.actor.to_dict(),
            "role": self.role,
            "place": self.place.to_dict() if self.place is not None else None,
            "domestic": self.domestic,
            "relation": self.relation,
            "plover": self.plover,
            "quad": self.quad,
            "trigger": self.trigger,
            "negated": self.negated,
            "modality": self.modality,
            "confidence": round(float(self.confidence), 3),
            "doc_title": self.doc_title,
            "doc_date": self.doc_date,
            "doc_hash": self.doc_hash,
            "doc_source": self.doc_source,
            "doc_url": self.doc_url,
            "date": self.date,
            "date_precision": self.date_precision,
            "date_source": self.date_source,
        }

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Event:
        return cls(
            doc=d["doc"],
            sentence=d["sentence"],
            start=int(d["start"]),
            end=int(d["end"]),
            actor=ActorRef.from_dict(d["actor"]),
            relation=d["relation"],
            plover=d["plover"],
            quad=d["quad"],
            trigger=d.get("trigger", ""),
            negated=bool(d.get("negated", False)),
            modality=d.get("modality", "asserted"),
            confidence=float(d.get("confidence", 0.5)),
            doc_title=d.get("doc_title"),
            doc_date=d.get("doc_date"),
            doc_hash=d.get("doc_hash"),
            date=d.get("date"),
            date_precision=d.get("date_precision"),
            date_source=d.get("date_source"),
            role=d.get("role") or "source",
            place=ActorRef.from_dict(d["place"]) if d.get("place") else None,
            domestic=bool(d.get("domestic", False)),
            doc_source=d.get("doc_source"),
            doc_url=d.get("doc_url"),
        )
