"""Writing one batch into the SQLite store: documents, mentions, and the batch's own actor
and relation aggregates (delta rows), in one transaction.

The cost is O(batch) and does not grow with the store: the batch is aggregated in Python,
then every row is appended; nothing stored is read back or rewritten (graph/sqlite_fold.py
merges the deltas into the aggregates later, and readers merge them meanwhile). Within the
batch, the rules of docs/MODEL.md section 2: ``count`` adds up, ``confidence`` is the
maximum, ``first_seen``/``last_seen`` the min/max of mention dates, ``documents`` the
documents mentioning the relation, ``outlet_list`` their distinct sources; an actor's
``country``/``sector``/``role`` keep the first non-empty value and ``aliases`` collect
every surface form; a relation's ``modality``/``plover``/``quad`` are its first mention's.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterable
from datetime import datetime, timezone
from typing import Any

from actorgraph.extract.triples import ActorRef, Triple
from actorgraph.graph.records import DocumentRecord, document_row, mention_row
from actorgraph.graph.sqlite_schema import columns

Batch = Iterable[tuple[DocumentRecord, list[Triple]]]
RelKey = tuple[str, str, str, str]
_ATTRS = ("country", "sector", "role")


def _min(a: str | None, b: str | None) -> str | None:
    return b if a is None else a if b is None else min(a, b)


def _max(a: str | None, b: str | None) -> str | None:
    return b if a is None else a if b is None else max(a, b)


def _insert(conn: sqlite3.Connection, table: str, rows: list[dict[str, Any]]) -> None:
    if not rows:
        return
    cols = [c for c in columns(table) if c != "seq"]
    quoted = ", ".join(f'"{c}"' for c in cols)
    sql = f"INSERT INTO {table} ({quoted}) VALUES ({', '.join('?' * len(cols))})"
    conn.executemany(sql, [[r.get(c) for c in cols] for r in rows])


class _BatchAggregate:
    """The actor and relation deltas of one batch, before they meet the stored rows."""

    def __init__(self, batch: int) -> None:
        self.batch = batch
        self.documents: list[dict[str, Any]] = []
        self.mentions: list[dict[str, Any]] = []
        self.actors: dict[str, dict[str, Any]] = {}
        self.relations: dict[RelKey, dict[str, Any]] = {}

    def add(self, doc: DocumentRecord, triples: list[Triple]) -> None:
        """Add one document's rows and its actor and relation deltas."""
        self.documents.append(document_row(doc, len(triples), self.batch))
        seen: set[RelKey] = set()
        for i, t in enumerate(triples):
            row = mention_row(doc, i, t)
            row["batch"] = self.batch
            self.mentions.append(row)
            self._actor(t.subject, t.asserted, row["date"])
            self._actor(t.object, t.asserted, row["date"])
            key = (t.subject.id, t.object.id, t.relation, t.factuality)
            r = self.relations.get(key)
            if r is None:
                r = self.relations[key] = {
                    "source": key[0], "target": key[1], "relation": key[2],
                    "factuality": key[3], "asserted": int(t.asserted),
                    "negated": int(t.negated), "modality": t.modality, "plover": t.plover,
                    "quad": t.quad, "count": 0, "confidence": 0.0, "first_seen": None,
                    "last_seen": None, "documents": 0, "outlet_set": set(),
                }
            r["count"] += 1
            r["confidence"] = max(r["confidence"], row["confidence"])
            r["first_seen"] = _min(r["first_seen"], row["date"])
            r["last_seen"] = _max(r["last_seen"], row["date"])
            if key not in seen:
                seen.add(key)
                r["documents"] += 1
                if doc.source:
                    r["outlet_set"].add(doc.source)

    def _actor(self, a: ActorRef, asserted: bool, day: str | None) -> None:
        n = self.actors.get(a.id)
        if n is None:
            n = self.actors[a.id] = {
                "id": a.id, "name": a.name, "type": a.type, "country": a.country,
                "sector": a.sector, "role": a.role, "alias_set": set(), "mentions": 0,
                "asserted_mentions": 0, "first_seen": None, "last_seen": None,
            }
        n["mentions"] += 1
        n["asserted_mentions"] += int(asserted)
        for attr in _ATTRS:
            if n[attr] is None and getattr(a, attr) is not None:
                n[attr] = getattr(a, attr)
        n["alias_set"].add(a.text)
        n["first_seen"] = _min(n["first_seen"], day)
        n["last_seen"] = _max(n["last_seen"], day)


def _actor_deltas(agg: _BatchAggregate) -> list[dict[str, Any]]:
    out = []
    for new in agg.actors.values():
        row = {k: v for k, v in new.items() if k != "alias_set"}
        row["aliases"] = json.dumps(sorted(new["alias_set"]), ensure_ascii=False)
        row["batch"] = agg.batch
        out.append(row)
    return out


def _relation_deltas(agg: _BatchAggregate) -> list[dict[str, Any]]:
    out = []
    for new in agg.relations.values():
        row = {k: v for k, v in new.items() if k != "outlet_set"}
        row["outlet_list"] = json.dumps(sorted(new["outlet_set"]), ensure_ascii=False)
        row["outlets"] = len(new["outlet_set"])
        row["batch"] = agg.batch
        out.append(row)
    return out


def write_batch(conn: sqlite3.Connection, items: Batch) -> tuple[int, int]:
    """Commit ``items`` (documents not yet stored, with their triples) as the next batch,
    in one transaction. Returns ``(batch number, documents written)``; an empty batch
    writes nothing and returns the last batch number with 0.

    Documents whose hash is already stored, or repeated inside ``items``, are skipped, so
    a caller that raced another writer cannot count a document twice.
    """
    conn.execute("BEGIN IMMEDIATE")
    try:
        last = int(conn.execute("SELECT value FROM meta WHERE key = 'last_batch'")
                   .fetchone()[0])
        agg = _BatchAggregate(last + 1)
        hashes: set[str] = set()
        for doc, triples in items:
            if doc.hash in hashes or conn.execute(
                    "SELECT 1 FROM documents WHERE hash = ?", (doc.hash,)).fetchone():
                continue
            hashes.add(doc.hash)
            agg.add(doc, list(triples))
        if not agg.documents:
            conn.execute("ROLLBACK")
            return last, 0
        _insert(conn, "documents", agg.documents)
        _insert(conn, "mentions", agg.mentions)
        _insert(conn, "actor_deltas", _actor_deltas(agg))
        _insert(conn, "relation_deltas", _relation_deltas(agg))
        conn.execute(
            "INSERT INTO batches(batch, committed, documents, mentions) VALUES (?, ?, ?, ?)",
            (agg.batch, datetime.now(timezone.utc).isoformat(timespec="seconds"),
             len(agg.documents), len(agg.mentions)))
        conn.execute("UPDATE meta SET value = ? WHERE key = 'last_batch'", (str(agg.batch),))
        conn.execute("COMMIT")
    except BaseException:
        conn.execute("ROLLBACK")
        raise
    return agg.batch, len(agg.documents)
