"""Writing one batch into the SQLite store: documents, mentions, actor and relation
aggregates, in one transaction.

The cost is O(batch): the batch is aggregated in Python first, then only the actors and
relations it touches are read back, merged and upserted. Merge rules (docs/MODEL.md section 2):
``count`` adds up, ``confidence`` is the maximum, ``first_seen``/``last_seen`` the min/max
of mention dates, ``documents`` the distinct documents (each stored document is new, so
one per document mentioning the relation), ``outlets`` the distinct document sources; an
actor's ``country``/``sector``/``role`` keep the first non-empty value, so merge order (not
chance) decides them, and ``aliases`` collect every surface form.
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


def _insert(conn: sqlite3.Connection, table: str, rows: list[dict[str, Any]],
            upsert_key: tuple[str, ...] = ()) -> None:
    if not rows:
        return
    cols = [c for c in columns(table) if c != "seq"]
    quoted = ", ".join(f'"{c}"' for c in cols)
    sql = f"INSERT INTO {table} ({quoted}) VALUES ({', '.join('?' * len(cols))})"
    if upsert_key:
        sets = ", ".join(f'"{c}" = excluded."{c}"' for c in cols if c not in upsert_key)
        sql += f" ON CONFLICT ({', '.join(upsert_key)}) DO UPDATE SET {sets}"
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


def _merged_actors(conn: sqlite3.Connection, agg: _BatchAggregate) -> list[dict[str, Any]]:
    out = []
    for aid, new in agg.actors.items():
        old = conn.execute(
            "SELECT name, type, country, sector, role, aliases, mentions, asserted_mentions,"
            " first_seen, last_seen FROM actors WHERE id = ?", (aid,)).fetchone()
        row = {k: v for k, v in new.items() if k != "alias_set"}
        aliases = set(new["alias_set"])
        if old is not None:
            row["name"], row["type"] = old[0], old[1]
            for i, attr in enumerate(_ATTRS, start=2):
                # The stored value came first, so it wins when set.
                row[attr] = old[i] if old[i] is not None else new[attr]
            aliases.update(json.loads(old[5]))
            row["mentions"] += old[6]
            row["asserted_mentions"] += old[7]
            row["first_seen"] = _min(old[8], new["first_seen"])
            row["last_seen"] = _max(old[9], new["last_seen"])
        row["aliases"] = json.dumps(sorted(aliases), ensure_ascii=False)
        row["batch"] = agg.batch
        out.append(row)
    return out


def _merged_relations(conn: sqlite3.Connection,
                      agg: _BatchAggregate) -> list[dict[str, Any]]:
    out = []
    for key, new in agg.relations.items():
        old = conn.execute(
            "SELECT count, confidence, first_seen, last_seen, documents, outlet_list"
            " FROM relations WHERE source = ? AND target = ? AND relation = ?"
            " AND factuality = ?", key).fetchone()
        row = {k: v for k, v in new.items() if k != "outlet_set"}
        outlets = set(new["outlet_set"])
        if old is not None:
            row["count"] += old[0]
            row["confidence"] = max(row["confidence"], old[1] or 0.0)
            row["first_seen"] = _min(old[2], new["first_seen"])
            row["last_seen"] = _max(old[3], new["last_seen"])
            row["documents"] += old[4]
            outlets.update(json.loads(old[5]))
        row["outlet_list"] = json.dumps(sorted(outlets), ensure_ascii=False)
        row["outlets"] = len(outlets)
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
        _insert(conn, "actors", _merged_actors(conn, agg), ("id",))
        _insert(conn, "relations", _merged_relations(conn, agg),
                ("source", "target", "relation", "factuality"))
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
