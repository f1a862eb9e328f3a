"""Whole documents -> pre-aggregated parameter rows of the v2 model (pure Python, no server).

The Neo4j loader sends each batch as a few big ``UNWIND $rows`` statements; this module
builds those rows. Aggregating in Python first means one row per actor, per relationship
and per (actor, document) in a batch, however many mentions repeat them, so the server
does one MERGE per distinct key instead of one per mention.

The same aggregation, applied to a whole store at once, is the reference the tests compare
every batched and incremental load with (:func:`aggregate`).

>>> from actorgraph.extract.triples import ActorRef, Triple
>>> from actorgraph.graph.store import DocumentRecord
>>> a = ActorRef("person:a", "Ann", "Ann", "PERSON")
>>> b = ActorRef("person:b", "Bob", "Bob", "PERSON")
>>> t = Triple("d1", "Ann met Bob.", 0, 12, a, "MEETS", b, "CONSULT", "VERBAL_COOPERATION",
...            "met", date="2024-03-05", date_precision="day", date_source="sentence")
>>> rows = batch_rows([(DocumentRecord(id="d1", hash="h1", source="AP"), [t, t])])
>>> r = rows.relations["MEETS"][0]
>>> r["count"], r["documents"], r["outlet_names"], str(r["first_seen"])
(2, 1, ['AP'], '2024-03-05')
>>> [m["props"]["id"] for d in rows.documents for m in d["mentions"]]
['h1-0', 'h1-1']
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from actorgraph.extract.triples import ActorRef, Triple
from actorgraph.graph.model import (
    CLAIM,
    DOCUMENT_PROPERTIES,
    MENTION_PROPERTIES,
    checked_relation_type,
    document_dates,
    mention_row,
    relation_types,
)

Batch = list[tuple[Any, list[Triple]]]  # (DocumentRecord, its triples) in ledger order


@dataclass
class Rows:
    """Parameter rows for one batch: documents (each with its mentions), actors, relations
    by relationship type (a vocabulary type or CLAIM) and MENTIONED_IN counts."""

    documents: list[dict[str, Any]] = field(default_factory=list)
    actors: list[dict[str, Any]] = field(default_factory=list)
    relations: dict[str, list[dict[str, Any]]] = field(default_factory=dict)
    mentioned_in: list[dict[str, Any]] = field(default_factory=list)
    triples: int = 0


def document_row(doc: Any, triples: int) -> dict[str, Any]:
    """A ``DocumentRecord`` as its ``Document`` properties (native date and datetime).

    ``date_raw`` falls back to the stored date string, so every dated document has one: the
    upgrade of an older database recognizes its string dates by a null ``date_raw``.
    """
    day, stamp = document_dates(getattr(doc, "date", None))
    raw = getattr(doc, "date_raw", None) or getattr(doc, "date", None)
    props = {"id": doc.id, "hash": doc.hash, "title": doc.title, "date": day,
             "datetime": stamp, "date_raw": raw, "source": doc.source, "url": doc.url,
             "triples": triples}
    assert set(props) == set(DOCUMENT_PROPERTIES)
    return props


def _min(a: dt.date | None, b: dt.date | None) -> dt.date | None:
    return b if a is None or (b is not None and b < a) else a


def _max(a: dt.date | None, b: dt.date | None) -> dt.date | None:
    return b if a is None or (b is not None and b > a) else a


def _merge_actor(actors: dict[str, dict[str, Any]], ref: ActorRef, t: Triple,
                 day: dt.date | None) -> None:
    """Actor merge rules: counts add up, first non-null attribute wins, aliases in
    first-seen order, first/last seen over every mention's date."""
    a = actors.get(ref.id)
    if a is None:
        a = actors[ref.id] = {"id": ref.id, "name": ref.name, "type": ref.type,
                              "country": None, "sector": None, "role": None, "aliases": [],
                              "mentions": 0, "asserted_mentions": 0,
                              "first_seen": None, "last_seen": None}
    a["mentions"] += 1
    a["asserted_mentions"] += int(t.asserted)
    for attr in ("country", "sector", "role"):
        if a[attr] is None and getattr(ref, attr) is not None:
            a[attr] = getattr(ref, attr)
    if ref.text not in a["aliases"]:
        a["aliases"].append(ref.text)
    a["first_seen"], a["last_seen"] = _min(a["first_seen"], day), _max(a["last_seen"], day)


def _merge_relation(rels: dict[tuple[str, ...], dict[str, Any]], t: Triple, rtype: str,
                    doc: Any, day: dt.date | None) -> None:
    key = (rtype, t.subject.id, t.object.id, t.relation, t.factuality)
    r = rels.get(key)
    if r is None:
        r = rels[key] = {"source": t.subject.id, "target": t.object.id,
                         "relation": t.relation, "factuality": t.factuality,
                         "negated": t.negated, "modality": t.modality, "plover": t.plover,
                         "quad": t.quad, "count": 0, "confidence": 0.0, "first_seen": None,
                         "last_seen": None, "doc_hashes": [], "outlet_names": []}
    r["count"] += 1
    r["confidence"] = max(r["confidence"], round(float(t.confidence), 3))
    r["first_seen"], r["last_seen"] = _min(r["first_seen"], day), _max(r["last_seen"], day)
    if doc.hash not in r["doc_hashes"]:
        r["doc_hashes"].append(doc.hash)
    if doc.source is not None and doc.source not in r["outlet_names"]:
        r["outlet_names"].append(doc.source)


def batch_rows(batch: Batch, allowed: list[str] | None = None) -> Rows:
    """Aggregate whole documents into the rows of one load transaction.

    Every relation type is checked against the vocabulary (``allowed``, default
    :func:`relation_types`) before any statement exists: a bad type raises ``ValueError``.
    """
    allowed = allowed if allowed is not None else relation_types()
    out = Rows()
    actors: dict[str, dict[str, Any]] = {}
    rels: dict[tuple[str, ...], dict[str, Any]] = {}
    mentioned: dict[tuple[str, str], int] = {}
    for doc, triples in batch:
        mentions = []
        for i, t in enumerate(triples):
            out.triples += 1
            checked_relation_type(t.relation, allowed)
            m = mention_row(t, i, doc.hash)
            mentions.append({"subject": m.pop("subject"), "object": m.pop("object"),
                             "props": {k: m[k] for k in MENTION_PROPERTIES}})
            for ref in (t.subject, t.object):
                _merge_actor(actors, ref, t, m["date"])
                mentioned[(ref.id, doc.hash)] = mentioned.get((ref.id, doc.hash), 0) + 1
            _merge_relation(rels, t, t.relation if t.asserted else CLAIM, doc, m["date"])
        out.documents.append({"props": document_row(doc, len(triples)), "mentions": mentions})
    out.actors = list(actors.values())
    for (rtype, *_), r in rels.items():
        r["documents"], r["outlets"] = len(r["doc_hashes"]), len(r["outlet_names"])
        out.relations.setdefault(rtype, []).append(r)
    out.mentioned_in = [{"actor": a, "hash": h, "count": c}
                        for (a, h), c in mentioned.items()]
    return out


def aggregate(documents: Iterable[tuple[Any, list[Triple]]],
              allowed: list[str] | None = None) -> dict[str, list[dict[str, Any]]]:
    """The whole graph the model defines for ``documents``, as sorted plain records
    (``actors``, ``relations``, ``documents``, ``mentions``, ``mentioned_in``): what any
    store or load of the same documents must hold. Documents repeat by hash are skipped."""
    seen: set[str] = set()
    unique = []
    for doc, triples in documents:
        if doc.hash not in seen:
            seen.add(doc.hash)
            unique.append((doc, triples))
    rows = batch_rows(unique, allowed)
    rels = []
    for rtype, rs in rows.relations.items():
        for r in rs:
            rec = {k: v for k, v in r.items() if k not in ("doc_hashes", "outlet_names")}
            rec["type"] = rtype
            if rtype != CLAIM:
                for k in ("relation", "factuality", "negated", "modality"):
                    rec.pop(k)
            rels.append(rec)
    mentions = [{**m["props"], "subject": m["subject"], "object": m["object"],
                 "doc_hash": d["props"]["hash"]}
                for d in rows.documents for m in d["mentions"]]
    return {
        "actors": sorted(rows.actors, key=lambda a: a["id"]),
        "relations": sorted(rels, key=lambda r: (r["source"], r["target"], r["type"],
                                                 r.get("relation", ""),
                                                 r.get("factuality", ""))),
        "documents": sorted((d["props"] for d in rows.documents), key=lambda d: d["hash"]),
        "mentions": sorted(mentions, key=lambda m: m["id"]),
        "mentioned_in": sorted(rows.mentioned_in, key=lambda m: (m["actor"], m["hash"])),
    }
