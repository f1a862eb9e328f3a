"""The triple record: one relation mention, the contract between extraction and the stores.

Every extractor emits :class:`Triple` objects; ``actorgraph extract`` prints them as JSON
Lines via :meth:`Triple.to_dict`, and every store, view and evaluation reads that shape.

>>> from actorgraph.extract.triples import Triple, ActorRef
>>> kerry = ActorRef(id="person:john_kerry", name="John Kerry", text="Kerry", type="PERSON",
...                  country="USA")
>>> lavrov = ActorRef(id="person:sergei_lavrov", name="Sergei Lavrov", text="Lavrov",
...                   type="PERSON", country="RUS")
>>> t = Triple(doc="d1", sentence="Kerry met Lavrov.", start=0, end=17, subject=kerry,
...            relation="MEETS", plover="CONSULT", quad="VERBAL_COOPERATION",
...            object=lavrov, trigger="met")
>>> Triple.from_dict(t.to_dict()) == t
True
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any

#: Values of ``Triple.modality``. ``asserted`` is the only one counted as fact.
MODALITIES = (
    "asserted",
    "hypothetical",  # if X were to do Y
    "future",  # X will / plans to do Y
    "question",  # did X do Y?
    "reported",  # a report claims X did Y, not vouched for by the text
    "requested",  # A urged X to do Y: the Y part
    "intended",  # X wants / seeks / agreed to do Y
    "denied",  # reports of X doing Y "turn out not to be true"
)


@dataclass(frozen=True)
class ActorRef:
    """An actor as it appears in one triple: canonical identity plus the surface text."""

    id: str
    name: str
    text: str
    type: str
    country: str | None = None
    sector: str | None = None
    role: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> ActorRef:
        return cls(
            id=d["id"],
            name=d.get("name") or d["id"],
            text=d.get("text") or d.get("name") or d["id"],
            type=d.get("type") or "UNKNOWN",
            country=d.get("country"),
            sector=d.get("sector"),
            role=d.get("role"),
        )


class Factual:
    """``asserted`` and ``factuality`` of a record with ``negated`` and ``modality``."""

    negated: bool
    modality: str

    @property
    def asserted(self) -> bool:
        """True when the text states the relation as fact (not negated, not hedged)."""
        return not self.negated and self.modality == "asserted"

    @property
    def factuality(self) -> str:
        """``asserted``, ``negated`` or the modality: the key that keeps non-facts apart."""
        if self.negated:
            return "negated"
        return self.modality


@dataclass(frozen=True)
class Triple(Factual):
    """One (actor, relation, actor) mention with its evidence sentence.

    ``start``/``end`` are character offsets of ``sentence`` in the document text.
    """

    doc: str
    sentence: str
    start: int
    end: int
    subject: ActorRef
    relation: str
    object: ActorRef
    plover: str
    quad: str
    trigger: str
    negated: bool = False
    modality: str = "asserted"
    confidence: float = 0.5
    # Document metadata travels with the triple so stores need not reach back.
    doc_title: str | None = None
    doc_date: str | None = None
    doc_hash: str | None = None
    # When the act happened: ISO date (YYYY-MM-DD, or YYYY-MM / YYYY for coarser
    # precision), "day" | "month" | "year", and "sentence" (the sentence dates the act) or
    # "document" (the document's own date stands in). All None when nothing dates it.
    date: str | None = None
    date_precision: str | None = None
    date_source: str | None = None
    doc_source: str | None = None
    doc_url: str | None = None
    extras: dict[str, Any] = field(default_factory=dict, compare=False)

    def to_dict(self) -> dict[str, Any]:
        d = {
            "doc": self.doc,
            "sentence": self.sentence,
            "start": self.start,
            "end": self.end,
            "subject": self.subject.to_dict(),
            "relation": self.relation,
            "object": self.object.to_dict(),
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
        if self.extras:
            d["extras"] = self.extras
        return d

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Triple:
        return cls(
            doc=str(d["doc"]),
            sentence=d["sentence"],
            start=int(d["start"]),
            end=int(d["end"]),
            subject=ActorRef.from_dict(d["subject"]),
            relation=d["relation"],
            object=ActorRef.from_dict(d["object"]),
            plover=d.get("plover", ""),
            quad=d.get("quad", ""),
            trigger=d.get("trigger", ""),
            negated=bool(d.get("negated", False)),
            modality=d.get("modality", "asserted"),
            confidence=float(d.get("confidence", 0.5)),
            doc_title=d.get("doc_title"),
            doc_date=d.get("doc_date"),
            doc_hash=d.get("doc_hash"),
            doc_source=d.get("doc_source"),
            doc_url=d.get("doc_url"),
            date=d.get("date"),
            date_precision=d.get("date_precision"),
            date_source=d.get("date_source"),
            extras=d.get("extras") or {},
        )
