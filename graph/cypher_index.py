"""The Cypher index: a LadybugDB database (``OUT/graph.lbug``) kept in step with the store.

The store of record is ``OUT/store.sqlite``; this index holds the same graph in the v2
model (:mod:`actorgraph.graph.model`) so Cypher runs in-process. It is synced
incrementally: the fingerprint beside it (``OUT/graph.lbug.json``) records the store it
follows (``store_id``) and the last batch it holds, and a sync applies only the batches
committed since: new documents and mentions are appended (COPY), actors and relations the
new batches changed are updated or replaced. A full rebuild happens only for a new store,
a changed layout, Ladybug version or vocabulary, or an index left damaged by a sync that
did not finish (the fingerprint says ``syncing`` until it does).

Concurrency: LadybugDB has no cross-process isolation (measured: a reader opening while a
writer commits fails or sees a damaged WAL), so ``OUT/graph.lbug.lock`` guards the index:
readers hold a shared ``flock`` while they have it open, a sync holds it exclusively. The
store's writer never touches the index, so a query never blocks a build.
"""

from __future__ import annotations

import contextlib
import fcntl
import json
import os
import shutil
import sqlite3
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from actorgraph.extract.lexicon import RELATION_NAME
from actorgraph.graph.cypher_sync import apply_batches
from actorgraph.graph.model import (
    ACTOR,
    ACTOR_PROPERTIES,
    CLAIM,
    CLAIM_PROPERTIES,
    DOCUMENT,
    DOCUMENT_PROPERTIES,
    IN_DOCUMENT,
    MENTION,
    MENTION_PROPERTIES,
    MENTIONED_IN,
    MENTIONED_IN_PROPERTIES,
    OBJECT,
    RELATION_PROPERTIES,
    STRUCTURAL_TYPES,
    SUBJECT,
    relation_types,
)
from actorgraph.graph.store import open_store

DB_FILE = "graph.lbug"
FINGERPRINT_SUFFIX = ".json"
LOCK_SUFFIX = ".lock"
#: Bump when the database layout changes, so existing indexes are rebuilt.
INDEX_VERSION = 3  # 3: model v2 (Mention nodes, CLAIM, native dates), synced by batch
ACTOR_KEY, DOCUMENT_KEY, MENTION_KEY = "id", "hash", "id"
DEFAULT_LOCK_WAIT = 60.0
#: Ladybug's buffer pool defaults to most of the machine's memory and fills it during a
#: large COPY (15 GB resident at 1M mentions, measured); bounded, the sync stays small and
#: spills to disk instead. ACTORGRAPH_LBUG_BUFFER_MB overrides both sizes.
SYNC_BUFFER_BYTES = int(os.environ.get("ACTORGRAPH_LBUG_BUFFER_MB", "1024")) * 2**20
READ_BUFFER_BYTES = int(os.environ.get("ACTORGRAPH_LBUG_BUFFER_MB", "512")) * 2**20


class CypherIndexError(RuntimeError):
    """The index cannot be synced or opened; one line naming the problem."""


def index_path(out: Path) -> Path:
    """``OUT/graph.lbug``."""
    return out / DB_FILE


@contextlib.contextmanager
def index_lock(db_path: Path, exclusive: bool, wait_seconds: float) -> Iterator[None]:
    """Shared (readers) or exclusive (sync) lock on the index, waiting up to
    ``wait_seconds``."""
    path = db_path.with_name(db_path.name + LOCK_SUFFIX)
    fd = os.open(path, os.O_RDWR | os.O_CREAT, 0o644)
    mode = fcntl.LOCK_EX if exclusive else fcntl.LOCK_SH
    deadline = time.monotonic() + wait_seconds
    try:
        while True:
            try:
                fcntl.flock(fd, mode | fcntl.LOCK_NB)
                break
            except BlockingIOError:
                if time.monotonic() >= deadline:
                    what = "being synced" if not exclusive else "in use by a query"
                    raise CypherIndexError(f"{db_path} is {what}; waited {wait_seconds:g} s, "
                                      "try again") from None
                time.sleep(0.05)
        yield
    finally:
        os.close(fd)  # closing the descriptor drops the flock


def static_fingerprint() -> dict[str, Any]:
    """What besides the store decides the index's layout: a change means a rebuild."""
    import ladybug

    return {"index": INDEX_VERSION, "ladybug": ladybug.__version__,
            "relation_types": relation_types()}


def read_fingerprint(db_path: Path) -> dict[str, Any]:
    """The index's fingerprint (``{}`` when missing or unreadable)."""
    try:
        fp = json.loads(db_path.with_name(db_path.name + FINGERPRINT_SUFFIX).read_text())
    except (OSError, ValueError):
        return {}
    return fp if isinstance(fp, dict) else {}


def _write_fingerprint(db_path: Path, data: dict[str, Any]) -> None:
    path = db_path.with_name(db_path.name + FINGERPRINT_SUFFIX)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    with os.fdopen(fd, "w", encoding="utf-8") as fh:
        json.dump(data, fh)
    os.replace(tmp, path)


def is_current(db_path: Path, store_id: str, last_batch: int) -> bool:
    """True when the index holds exactly this store up to ``last_batch``."""
    fp = read_fingerprint(db_path)
    return (db_path.exists() and not fp.get("syncing") and fp.get("store_id") == store_id
            and fp.get("last_batch") == last_batch
            and fp.get("static") == static_fingerprint())


def sync_index(out: str | Path, *, rebuild: bool = False,
               wait_seconds: float = DEFAULT_LOCK_WAIT) -> dict[str, Any]:
    """Bring ``OUT/graph.lbug`` up to the store's last committed batch.

    Returns ``{"mode": "current"|"incremental"|"full", "from_batch", "to_batch",
    "seconds"}``. Raises :class:`~actorgraph.graph.errors.StoreError` when the store
    cannot be read.
    """
    t0 = time.monotonic()
    out = Path(out)
    db_path = index_path(out)
    with open_store(out) as store:
        meta = store.meta()
        store_id, target = meta["store_id"], int(meta["last_batch"])
        if not rebuild and is_current(db_path, store_id, target):
            return {"mode": "current", "from_batch": target, "to_batch": target,
                    "seconds": time.monotonic() - t0}
        with index_lock(db_path, exclusive=True, wait_seconds=wait_seconds):
            fp = read_fingerprint(db_path)
            start = int(fp.get("last_batch", 0))
            full = (rebuild or not db_path.exists() or fp.get("syncing")
                    or fp.get("store_id") != store_id or fp.get("static") !=
                    static_fingerprint() or start > target)
            with store.read_snapshot() as conn:
                # Read the batch number inside the snapshot: that is what gets applied.
                target = int(conn.execute(
                    "SELECT value FROM meta WHERE key = 'last_batch'").fetchone()[0])
                if full:
                    start = 0
                    _build_full(conn, db_path, target)
                elif start < target:
                    _write_fingerprint(db_path, {**fp, "syncing": True})
                    _apply_in_place(conn, db_path, start, target)
            _write_fingerprint(db_path, {"static": static_fingerprint(), "store_id": store_id,
                                         "last_batch": target})
    mode = "full" if full else "incremental" if start < target else "current"
    return {"mode": mode, "from_batch": start, "to_batch": target,
            "seconds": time.monotonic() - t0}


def _build_full(conn: sqlite3.Connection, db_path: Path, target: int) -> None:
    # Built beside and renamed in, so a failure leaves no half index under the name.
    tmp_dir = Path(tempfile.mkdtemp(dir=db_path.parent, prefix=f".{db_path.name}."))
    try:
        tmp_db = tmp_dir / db_path.name
        _with_db(tmp_db, lambda lconn: _create_and_apply(lconn, conn, target))
        for p in (db_path.with_name(db_path.name + ".wal"), db_path):
            if p.is_dir():
                shutil.rmtree(p)
            else:
                p.unlink(missing_ok=True)
        os.replace(tmp_db, db_path)
    finally:
        shutil.rmtree(tmp_dir, ignore_errors=True)


def _create_and_apply(lconn: Any, conn: sqlite3.Connection, target: int) -> None:
    for stmt in schema_statements(_relation_tables(conn)):
        lconn.execute(stmt)
    apply_batches(lconn, conn, 0, target)


def _apply_in_place(conn: sqlite3.Connection, db_path: Path, start: int, target: int) -> None:
    def run(lconn: Any) -> None:
        have = {r[0] for r in lconn.execute("CALL show_tables() RETURN name").get_all()}
        for t in _relation_tables(conn):
            if t not in have:  # a type first used by the new batches (an extra vocabulary)
                lconn.execute(f"CREATE REL TABLE {t}(FROM {ACTOR} TO {ACTOR}, "
                              f"{_cols(RELATION_PROPERTIES)})")
        apply_batches(lconn, conn, start, target)
    # Closing the database checkpoints it (the WAL is merged and removed), which a
    # read-only open needs: it cannot replay a WAL itself.
    _with_db(db_path, run)


def _with_db(db_path: Path, job: Any) -> None:
    import ladybug

    db = ladybug.Database(str(db_path), buffer_pool_size=SYNC_BUFFER_BYTES)
    lconn = ladybug.Connection(db)
    try:
        job(lconn)
    finally:
        lconn.close()
        db.close()


def _cols(props: dict[str, str]) -> str:
    return ", ".join(f"`{k}` {v}" for k, v in props.items())


def schema_statements(types: list[str]) -> list[str]:
    """DDL for the v2 model; ``types`` must already be checked vocabulary names."""
    stmts = [
        f"CREATE NODE TABLE {ACTOR}({_cols(ACTOR_PROPERTIES)}, PRIMARY KEY({ACTOR_KEY}))",
        f"CREATE NODE TABLE {DOCUMENT}({_cols(DOCUMENT_PROPERTIES)}, "
        f"PRIMARY KEY({DOCUMENT_KEY}))",
        f"CREATE NODE TABLE {MENTION}({_cols(MENTION_PROPERTIES)}, "
        f"PRIMARY KEY({MENTION_KEY}))",
        f"CREATE REL TABLE {SUBJECT}(FROM {MENTION} TO {ACTOR})",
        f"CREATE REL TABLE {OBJECT}(FROM {MENTION} TO {ACTOR})",
        f"CREATE REL TABLE {IN_DOCUMENT}(FROM {MENTION} TO {DOCUMENT})",
        f"CREATE REL TABLE {CLAIM}(FROM {ACTOR} TO {ACTOR}, {_cols(CLAIM_PROPERTIES)})",
        f"CREATE REL TABLE {MENTIONED_IN}(FROM {ACTOR} TO {DOCUMENT}, "
        f"{_cols(MENTIONED_IN_PROPERTIES)})",
    ]
    stmts += [f"CREATE REL TABLE {t}(FROM {ACTOR} TO {ACTOR}, {_cols(RELATION_PROPERTIES)})"
              for t in types]
    # Neo4j's type(r); Ladybug's label(r) returns the same string for a relationship.
    stmts.append("CREATE MACRO type(x) AS label(x)")
    return stmts


def _relation_tables(conn: sqlite3.Connection) -> list[str]:
    """Vocabulary types plus any other well-formed type the store's asserted relations
    use (a graph built with an extra ``--relations`` file), each checked before it names
    a table."""
    names = set(relation_types())
    # Pending deltas too: a relation not folded yet is in the store all the same.
    for (t,) in conn.execute("SELECT relation FROM relations WHERE asserted = 1 UNION"
                             " SELECT relation FROM relation_deltas WHERE asserted = 1"):
        if t not in names:
            if (not isinstance(t, str) or not RELATION_NAME.match(t)
                    or t in STRUCTURAL_TYPES or t.upper() in (ACTOR.upper(), DOCUMENT.upper(),
                                                                MENTION.upper())):
                raise CypherIndexError(f"relationship type {t!r} in the store is not a valid name")
            names.add(t)
    return sorted(names)

