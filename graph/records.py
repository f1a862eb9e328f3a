"""Records of the graph model as plain rows: documents, mentions and their dates.

Every store (the on-disk SQLite store and :class:`~actorgraph.graph.store.MemoryStore`)
turns a document's triples into these rows the same way, so counts, dates and ids agree
whichever store holds them (see docs/MODEL.md section 2).

>>> day_of("2024-03"), day_of("2024"), day_of("2024-03-05"), day_of("March"), day_of(None)
('2024-03-01', '2024-01-01', '2024-03-05', None, None)
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

from actorgraph.extract.triples import ActorRef, Triple
from actorgraph.graph.model import mention_date, mention_id


@dataclass(frozen=True)
class DocumentRecord:
    """A ledger entry: which document was stored, keyed by content ``hash``.

    ``date`` is ISO 8601 (a date, or a datetime with its offset), ``date_raw`` the value as
    the input gave it; ``triples`` is how many triples the document gave.
    """

    id: str
    hash: str
    title: str | None = None
    date: str | None = None
    source: str | None = None
    url: str | None = None
    triples: int = 0
    date_raw: str | None = None


def day_of(value: str | None) -> str | None:
    """The ISO day of an ISO date of any precision (month -> its first day, year -> Jan 1);
    None when ``value`` does not start with a valid ISO date."""
    day = mention_date(value)
    return day.isoformat() if day else None


def datetime_of(value: str | None) -> str | None:
    """``value`` when it is an ISO datetime (a time is known), else None."""
    if value and "T" in str(value) and day_of(value):
        return str(value)
    return None


def _ref(a: ActorRef) -> str:
    # The actor as the triple gave it, compact (a JSON array; asdict() costs a third of a
    # batch's commit): the store replays triples exactly, attributes included.
    return json.dumps([a.id, a.name, a.text, a.type, a.country, a.sector, a.role],
                      ensure_ascii=False, separators=(",", ":"))


def _unref(text: str) -> ActorRef:
    return ActorRef(*json.loads(text))


def mention_row(doc: DocumentRecord, index: int, t: Triple) -> dict[str, Any]:
    """The stored row of triple ``index`` of ``doc`` (column names of the mentions table)."""
    day = day_of(t.date)
    return {
        "id": mention_id(doc.hash, index),
        "doc_hash": doc.hash,
        "idx": index,
        "subject": t.subject.id,
        "object": t.object.id,
        "subject_ref": _ref(t.subject),
        "object_ref": _ref(t.object),
        "subject_text": t.subject.text,
        "object_text": t.object.text,
        "relation": t.relation,
        "factuality": t.factuality,
        "asserted": int(t.asserted),
        "negated": int(t.negated),
        "modality": t.modality,
        "plover": t.plover,
        "quad": t.quad,
        "confidence": round(float(t.confidence), 3),
        "trigger": t.trigger,
        "sentence": t.sentence,
        "start": t.start,
        "end": t.end,
        "date": day,
        "month": day[:7] if day else None,
        "date_precision": t.date_precision if day else None,
        "date_source": t.date_source if day else None,
        "extras": json.dumps(t.extras, ensure_ascii=False) if t.extras else None,
    }


def triple_of(row: dict[str, Any], doc: DocumentRecord) -> Triple:
    """Rebuild the :class:`Triple` a mention row was made from (dates at their precision)."""
    day, precision = row["date"], row["date_precision"]
    date = day
    if day and precision == "month":
        date = day[:7]
    elif day and precision == "year":
        date = day[:4]
    return Triple(
        doc=doc.id, sentence=row["sentence"], start=row["start"], end=row["end"],
        subject=_unref(row["subject_ref"]),
        relation=row["relation"],
        object=_unref(row["object_ref"]),
        plover=row["plover"], quad=row["quad"], trigger=row["trigger"],
        negated=bool(row["negated"]), modality=row["modality"],
        confidence=row["confidence"], doc_title=doc.title, doc_date=doc.date,
        doc_hash=doc.hash, date=date, date_precision=precision,
        date_source=row["date_source"], doc_source=doc.source, doc_url=doc.url,
        extras=json.loads(row["extras"]) if row.get("extras") else {},
    )


def document_row(doc: DocumentRecord, triples: int, batch: int) -> dict[str, Any]:
    """The stored row of a document (column names of the documents table)."""
    return {
        "hash": doc.hash, "id": doc.id, "title": doc.title, "date": doc.date,
        "day": day_of(doc.date), "datetime": datetime_of(doc.date),
        "date_raw": doc.date_raw, "source": doc.source, "url": doc.url,
        "triples": triples, "batch": batch,
    }
