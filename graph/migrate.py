"""Migration of an OUT in an earlier format: the first (``graph.json`` +
``triples.jsonl``), and store format 2 (:func:`migrate_v2`).

The v1 store kept every triple in ``triples.jsonl`` in merge order and a ledger of
documents (with their number of triples) in ``graph.json``, which recorded how many bytes
of ``triples.jsonl`` it covered. Migration replays exactly those bytes, document by
document in ledger order, into the new store in batches; documents already in the new
store are skipped, so a migration cut short resumes on the next writer open. When done,
the two old files move to ``OUT/v1/`` (kept, not deleted).
"""

from __future__ import annotations

import json
import os
import sqlite3
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

from actorgraph.extract.triples import Triple
from actorgraph.graph.errors import StoreError
from actorgraph.graph.records import DocumentRecord
from actorgraph.graph.sqlite_schema import FORMAT_VERSION, V2_INDEXES, create_tables

if TYPE_CHECKING:
    from actorgraph.graph.store import StoreWriter

OLD_GRAPH_FILE = "graph.json"
OLD_TRIPLES_FILE = "triples.jsonl"
BACKUP_DIR = "v1"
MIGRATE_BATCH_DOCS = 500


def _ledger(graph_file: Path) -> tuple[list[dict[str, Any]], int | None]:
    try:
        payload = json.loads(graph_file.read_text(encoding="utf-8"))
        if not isinstance(payload, dict) or payload.get("format") != "actorgraph.graph":
            raise ValueError("not an actorgraph graph file")
        if payload.get("version") != 1:
            raise ValueError(f"unknown version {payload.get('version')!r}")
        docs = payload["documents"]
        if not isinstance(docs, list) or not all(isinstance(d, dict) for d in docs):
            raise ValueError("'documents' is not a list of records")
        size = payload.get("triples_bytes")
        return docs, int(size) if size is not None else None
    except (OSError, ValueError, KeyError, TypeError) as e:
        raise StoreError(f"{graph_file}: cannot migrate the old store: {e}") from e


def _documents(out: Path) -> Iterator[tuple[DocumentRecord, list[Triple]]]:
    graph_file, triples_file = out / OLD_GRAPH_FILE, out / OLD_TRIPLES_FILE
    ledger, size = _ledger(graph_file)
    if not triples_file.is_file() and any(d.get("triples") for d in ledger):
        raise StoreError(f"{triples_file}: missing, so {graph_file} cannot be migrated; "
                         "rebuild OUT from its inputs")
    fh = triples_file.open("rb") if triples_file.is_file() else None
    read = 0
    try:
        for n, d in enumerate(ledger, start=1):
            try:
                rec = DocumentRecord(
                    id=str(d["id"]), hash=str(d["hash"]), title=d.get("title"),
                    date=d.get("date"), source=d.get("source"), url=d.get("url"),
                    date_raw=d.get("date_raw", d.get("date")))
                want = int(d.get("triples") or 0)
            except (KeyError, TypeError, ValueError) as e:
                raise StoreError(f"{graph_file}: document {n} of the ledger: {e}") from e
            triples = []
            while len(triples) < want:
                raw = fh.readline() if fh else b""
                read += len(raw)
                if not raw or (size is not None and read > size):
                    raise StoreError(f"{triples_file}: ends before the triples of document "
                                     f"{rec.id} ({n} of {len(ledger)}); rebuild OUT from "
                                     "its inputs")
                if raw.strip():
                    try:
                        triples.append(Triple.from_dict(json.loads(raw)))
                    except (ValueError, KeyError, TypeError) as e:
                        raise StoreError(f"{triples_file}: byte {read - len(raw)}: "
                                         f"not a triple record ({e})") from e
            yield rec, triples
    finally:
        if fh:
            fh.close()


def migrate_v1(out: str | Path, writer: StoreWriter) -> int:
    """Replay OUT's v1 files into ``writer``; returns documents added. Raises one-line
    :class:`StoreError` when the old files cannot be read (nothing is moved then)."""
    out = Path(out)
    # Documents a killed migration already committed are skipped: add_batch knows them.
    added = writer.add_in_batches(_documents(out), MIGRATE_BATCH_DOCS)
    backup = out / BACKUP_DIR
    backup.mkdir(exist_ok=True)
    for name in (OLD_TRIPLES_FILE, OLD_GRAPH_FILE):  # graph.json last: it marks "pending"
        if (out / name).exists():
            os.replace(out / name, backup / name)
    return added


# Format 2 kept the modality, PLOVER and quad of the last batch's first mention; format 3
# those of the relation's first mention, found with format 2's pair index before it goes.
_FIRST_MENTION = (
    "UPDATE relations SET (modality, plover, quad) = (SELECT m.modality, m.plover, m.quad"
    " FROM mentions m WHERE m.subject = relations.source AND m.object = relations.target"
    " AND m.relation = relations.relation AND m.factuality = relations.factuality"
    " ORDER BY m.rowid LIMIT 1)")


def migrate_v2(conn: sqlite3.Connection) -> None:
    """Migrate a store in format 2 to format 3 in place, in one transaction (a kill leaves
    format 2, migrated again by the next writer): the delta and lookup tables are added,
    the lookups filled from every mention, and format 2's pair and object indexes dropped.
    The aggregates stay (nothing is pending after it)."""
    conn.execute("BEGIN IMMEDIATE")
    try:
        create_tables(conn)
        conn.execute(_FIRST_MENTION)
        for name in V2_INDEXES:
            conn.execute(f"DROP INDEX IF EXISTS {name}")
        conn.execute("INSERT INTO mention_pairs (subject, object, mention) SELECT subject,"
                     " object, rowid FROM mentions ORDER BY subject, object, rowid")
        conn.execute("INSERT INTO mention_objects (object, mention) SELECT object, rowid"
                     " FROM mentions ORDER BY object, rowid")
        top = conn.execute("SELECT coalesce(max(rowid), 0) FROM mentions").fetchone()[0]
        conn.executemany("INSERT OR REPLACE INTO meta (key, value) VALUES (?, ?)",
                         [("folded_mentions", str(top)), ("version", str(FORMAT_VERSION))])
        conn.execute("COMMIT")
    except BaseException:
        conn.execute("ROLLBACK")
        raise
