"""The SQLite layout of the store of record, and the check every open makes of it.

One file, ``OUT/store.sqlite``, in WAL mode: a writer commits each batch in one
transaction while readers keep reading the last committed state (SQLite's WAL gives every
read transaction a snapshot), so no reader ever sees half a batch or blocks the writer.

Every row carries ``batch``: the number of the batch that wrote (for actors and relations,
last changed) it. ``meta.last_batch`` is the newest committed batch; the Cypher index keeps
the last batch it holds and applies only newer ones.

Format 3 defers the aggregates (LSM-style, see graph/sqlite_fold.py): a commit only appends
(documents, mentions, and the batch's own partial aggregates in ``actor_deltas`` and
``relation_deltas``); a fold merges pending deltas into ``actors``/``relations`` now and
then, and fills ``mention_pairs``/``mention_objects`` (the pair and object lookups of the
mentions) up to ``meta.folded_mentions``. Readers merge what is pending, so every figure is
exact at all times.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

from actorgraph.graph.errors import StoreError

STORE_FILE = "store.sqlite"
FORMAT = "actorgraph.store"
FORMAT_VERSION = 3

TABLES: dict[str, str] = {
    "meta": "key TEXT PRIMARY KEY, value TEXT",
    "batches": "batch INTEGER PRIMARY KEY, committed TEXT, documents INTEGER, "
               "mentions INTEGER",
    "documents": "seq INTEGER PRIMARY KEY AUTOINCREMENT, hash TEXT NOT NULL UNIQUE, "
                 "id TEXT NOT NULL, title TEXT, date TEXT, day TEXT, datetime TEXT, "
                 "date_raw TEXT, source TEXT, url TEXT, triples INTEGER NOT NULL, "
                 "batch INTEGER NOT NULL",
    "actors": "id TEXT PRIMARY KEY, name TEXT, type TEXT, country TEXT, sector TEXT, "
              "role TEXT, aliases TEXT NOT NULL, mentions INTEGER NOT NULL, "
              "asserted_mentions INTEGER NOT NULL, first_seen TEXT, last_seen TEXT, "
              "batch INTEGER NOT NULL",
    "relations": "source TEXT NOT NULL, target TEXT NOT NULL, relation TEXT NOT NULL, "
                 "factuality TEXT NOT NULL, asserted INTEGER NOT NULL, "
                 "negated INTEGER NOT NULL, modality TEXT, plover TEXT, quad TEXT, "
                 "count INTEGER NOT NULL, confidence REAL, first_seen TEXT, "
                 "last_seen TEXT, documents INTEGER NOT NULL, outlets INTEGER NOT NULL, "
                 "outlet_list TEXT NOT NULL, batch INTEGER NOT NULL, "
                 "PRIMARY KEY (source, target, relation, factuality)",
    "mentions": "id TEXT NOT NULL UNIQUE, doc_hash TEXT NOT NULL, idx INTEGER NOT NULL, "
                "batch INTEGER NOT NULL, subject TEXT NOT NULL, object TEXT NOT NULL, "
                "subject_ref TEXT NOT NULL, object_ref TEXT NOT NULL, subject_text TEXT, "
                "object_text TEXT, relation TEXT NOT NULL, factuality TEXT NOT NULL, "
                "asserted INTEGER NOT NULL, negated INTEGER NOT NULL, modality TEXT, "
                "plover TEXT, quad TEXT, confidence REAL, trigger TEXT, sentence TEXT, "
                "start INTEGER, \"end\" INTEGER, date TEXT, month TEXT, "
                "date_precision TEXT, date_source TEXT, extras TEXT",
    # One row per (batch, actor) and per (batch, relation): that batch's own aggregates.
    "actor_deltas": "id TEXT NOT NULL, name TEXT, type TEXT, country TEXT, sector TEXT, "
                    "role TEXT, aliases TEXT NOT NULL, mentions INTEGER NOT NULL, "
                    "asserted_mentions INTEGER NOT NULL, first_seen TEXT, last_seen TEXT, "
                    "batch INTEGER NOT NULL",
    "relation_deltas": "source TEXT NOT NULL, target TEXT NOT NULL, relation TEXT NOT NULL, "
                       "factuality TEXT NOT NULL, asserted INTEGER NOT NULL, "
                       "negated INTEGER NOT NULL, modality TEXT, plover TEXT, quad TEXT, "
                       "count INTEGER NOT NULL, confidence REAL, first_seen TEXT, "
                       "last_seen TEXT, documents INTEGER NOT NULL, outlets INTEGER NOT NULL, "
                       "outlet_list TEXT NOT NULL, batch INTEGER NOT NULL",
    # The (subject, object) and object lookups of mentions, filled by the fold; a mention
    # past meta.folded_mentions is found in the unfolded tail of the mentions table. They
    # hold mention rowids, stable because mentions are only appended and nothing VACUUMs
    # the store (the Cypher sync relies on the same); check_store verifies them.
    "mention_pairs": "subject TEXT NOT NULL, object TEXT NOT NULL, mention INTEGER NOT NULL, "
                     "PRIMARY KEY (subject, object, mention)",
    "mention_objects": "object TEXT NOT NULL, mention INTEGER NOT NULL, "
                       "PRIMARY KEY (object, mention)",
}
#: Tables stored WITHOUT ROWID (their primary key is the row: no second b-tree to keep).
WITHOUT_ROWID = ("mention_pairs", "mention_objects")
INDEXES = (
    "CREATE INDEX IF NOT EXISTS mentions_doc ON mentions(doc_hash, idx)",
    "CREATE INDEX IF NOT EXISTS documents_batch ON documents(batch)",
)
# Indexes of earlier stores that every batch paid for and nothing needs: the rows of a batch
# window are found from its documents (documents_batch, then mentions_doc: see
# cypher_sync), and an upsert that moves an actor or relation to a new batch had to delete
# its old entry at a random place of these indexes (about a tenth of the pages each commit
# wrote at 200k triples). Dropped by the writer on open; the tables are unchanged, so the
# format version is too (an older actorgraph still reads the store, only slower to sync).
DROPPED_INDEXES = ("mentions_batch", "actors_batch", "relations_batch")
# Format 2's lookups of mentions by pair and by object: every commit inserted 2 entries per
# mention at random places of two indexes as big as the store; format 3 keeps them in
# mention_pairs/mention_objects, filled in bulk by the fold (graph/migrate.py migrate_v2).
V2_INDEXES = ("mentions_pair", "mentions_object")


def columns(table: str) -> list[str]:
    """Column names of ``table`` in declaration order (constraints left out)."""
    # A table constraint ("PRIMARY KEY (a, b)") comes last and is not a column.
    body = TABLES[table].split(", PRIMARY KEY (")[0]
    return [part.split()[0].strip('"') for part in body.split(", ")]


def create(conn: sqlite3.Connection, store_id: str, created: str) -> None:
    """Create the tables and meta rows of an empty store (inside the caller's transaction)."""
    create_tables(conn)
    conn.executemany(
        "INSERT OR IGNORE INTO meta(key, value) VALUES (?, ?)",
        [("format", FORMAT), ("version", str(FORMAT_VERSION)), ("store_id", store_id),
         ("created", created), ("last_batch", "0"), ("folded_mentions", "0")],
    )


def create_tables(conn: sqlite3.Connection) -> None:
    """Create the tables and indexes that are missing (inside the caller's transaction)."""
    for name, cols in TABLES.items():
        tail = " WITHOUT ROWID" if name in WITHOUT_ROWID else ""
        conn.execute(f"CREATE TABLE IF NOT EXISTS {name} ({cols}){tail}")
    for stmt in INDEXES:
        conn.execute(stmt)


def drop_old_indexes(conn: sqlite3.Connection) -> None:
    """Drop the indexes of :data:`DROPPED_INDEXES` a store made by an earlier version holds
    (the writer's open; one short transaction, nothing when they are gone)."""
    have = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'index'")}
    for name in DROPPED_INDEXES:
        if name in have:
            conn.execute(f"DROP INDEX IF EXISTS {name}")


def check(conn: sqlite3.Connection, path: Path, migrate: bool = False) -> dict[str, str]:
    """Check format, version and shape; return the meta rows or raise a one-line StoreError.

    Cheap on purpose (no scan of the data): it runs on every open. ``check_store`` does the
    deep verification. With ``migrate`` (the writer's open) a format 2 store passes, for
    the writer to migrate; a reader is told to let a writer do it.
    """
    try:
        tables = {r[0] for r in conn.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table'")}
        if "meta" not in tables:
            raise StoreError(f"{path}: not an actorgraph store (no meta table)")
        meta = dict(conn.execute("SELECT key, value FROM meta").fetchall())
    except sqlite3.DatabaseError as e:
        raise StoreError(f"{path}: not a readable SQLite store ({e})") from e
    if meta.get("format") != FORMAT:
        raise StoreError(f"{path}: not an actorgraph store (format {meta.get('format')!r})")
    if meta.get("version") == "2":
        if migrate:
            return meta
        raise StoreError(
            f"{path}: a store in format 2; the next build into {path.parent} migrates it "
            f"to format {FORMAT_VERSION} (actorgraph build <inputs> -o {path.parent})")
    if meta.get("version") != str(FORMAT_VERSION):
        raise StoreError(
            f"{path}: store version {meta.get('version')!r}, this actorgraph reads version "
            f"{FORMAT_VERSION}: upgrade actorgraph, or rebuild OUT from its inputs")
    for name in TABLES:
        if name not in tables:
            raise StoreError(f"{path}: damaged store: table {name} is missing")
        have = {r[1] for r in conn.execute(f"PRAGMA table_info({name})")}
        lost = [c for c in columns(name) if c not in have]
        if lost:
            raise StoreError(f"{path}: damaged store: table {name} lacks {', '.join(lost)}")
    if not meta.get("last_batch", "").isdigit():
        raise StoreError(f"{path}: damaged store: meta.last_batch is "
                         f"{meta.get('last_batch')!r}")
    if not meta.get("folded_mentions", "").isdigit():
        raise StoreError(f"{path}: damaged store: meta.folded_mentions is "
                         f"{meta.get('folded_mentions')!r}")
    return meta
