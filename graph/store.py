"""The graph store: the store of record on disk, its one writer, and an in-memory store.

Store of record: ``OUT/store.sqlite`` (SQLite in WAL mode; the README's architecture
section gives the measurements behind the choice). Each batch of documents, with their
mentions and the batch's own actor and relation aggregates (folded into the stored ones
later: graph/sqlite_fold.py), is committed in one transaction, so a kill at any point
leaves the last committed batch and a re-run resumes after it; the cost of a batch depends
on the batch, not on the store. One writer at a time (:class:`~actorgraph.graph.lock.WriterLock` on
``OUT/.writer.lock``); readers take no lock, never block the writer and never see half a batch.

>>> from actorgraph.extract.triples import ActorRef, Triple
>>> a = ActorRef("person:a", "A", "A", "PERSON"); b = ActorRef("person:b", "B", "B", "PERSON")
>>> t = Triple("d1", "A met B.", 0, 8, a, "MEETS", b, "CONSULT", "VERBAL_COOPERATION", "met",
...            date="2024-03")
>>> store = MemoryStore()
>>> store.add_document(DocumentRecord(id="d1", hash="h1", source="wire"), [t])
True
>>> store.add_document(DocumentRecord(id="d1", hash="h1"), [t])  # same content: skipped
False
>>> r = next(store.relations())
>>> r["count"], r["first_seen"], r["outlets"]
(1, '2024-03-01', 1)
>>> store.to_networkx().edges["person:a", "person:b", "MEETS:asserted"]["count"]
1

Actors count every relation mention they take part in (``mentions``, provenance) and, apart,
the asserted ones (``asserted_mentions``): only those rank and size actors in default views.

>>> from dataclasses import replace
>>> n = MemoryStore()
>>> _ = n.add_document(DocumentRecord(id="d2", hash="h2"), [t, replace(t, negated=True)])
>>> {k: n.graph.nodes["person:a"][k] for k in ("mentions", "asserted_mentions")}
{'mentions': 2, 'asserted_mentions': 1}
"""

from __future__ import annotations

import os
import sqlite3
import tempfile
import time
import uuid
from collections.abc import Iterable, Iterator
from datetime import datetime, timezone
from pathlib import Path

from actorgraph.extract.triples import Triple
from actorgraph.graph import sqlite_schema
from actorgraph.graph.errors import StoreError, StoreLocked
from actorgraph.graph.lock import DEFAULT_WAIT_SECONDS, WriterLock
from actorgraph.graph.records import DocumentRecord
from actorgraph.graph.sqlite_fold import due, fold
from actorgraph.graph.sqlite_schema import STORE_FILE
from actorgraph.graph.sqlite_store import SqliteStore, edge_key
from actorgraph.graph.sqlite_write import write_batch

__all__ = [
    "STORE_FILE", "DocumentRecord", "MemoryStore", "SqliteStore", "StoreError",
    "StoreLocked", "StoreMissing", "StoreWriter", "edge_key", "iter_triples", "migrate_store",
    "open_store", "open_writer", "store_path",
]

#: Files of the first (v1) format, rewritten whole at every checkpoint.
OLD_GRAPH_FILE = "graph.json"
OLD_TRIPLES_FILE = "triples.jsonl"


class StoreMissing(StoreError, FileNotFoundError):
    """No store at the path given (nothing built there yet)."""


def store_path(out: str | Path) -> Path:
    """``OUT/store.sqlite`` for ``OUT``, for the store file itself, or for a v1
    ``OUT/graph.json`` path (its directory)."""
    p = Path(out)
    if p.name == STORE_FILE or (p.suffix == ".sqlite" and p.is_file()):
        return p
    if p.suffix == ".json" and not p.is_dir():
        return p.with_name(STORE_FILE)
    return p / STORE_FILE


def _connect(path: Path | str, read_only: bool) -> sqlite3.Connection:
    # Autocommit mode: the writer opens its own transactions (BEGIN IMMEDIATE per batch),
    # and each reader statement is its own snapshot.
    target = f"file:{path}?mode=ro" if read_only else str(path)
    conn = sqlite3.connect(target, uri=read_only, isolation_level=None, timeout=30.0,
                           check_same_thread=False)
    return conn


def _open_checked(path: Path, read_only: bool) -> sqlite3.Connection:
    try:
        conn = _connect(path, read_only)
    except sqlite3.Error as e:
        raise StoreError(f"{path}: cannot open the store ({e})") from e
    try:
        meta = sqlite_schema.check(conn, path, migrate=not read_only)
        # Page cache (SQLite's default is 2 MiB): a batch inserts into the mention indexes
        # at random places (ids start with content hashes), so a big store would otherwise
        # read most of those pages back from the OS for every batch. 256 MiB for the writer
        # keeps the indexes of about 1M mentions in memory; readers need less.
        conn.execute(f"PRAGMA cache_size={-65536 if read_only else -262144}")
        if not read_only:
            # FULL: a committed batch survives power loss too (one fsync per batch is cheap).
            conn.execute("PRAGMA synchronous=FULL")
            sqlite_schema.drop_old_indexes(conn)
            if meta.get("version") == "2":
                from actorgraph.graph.migrate import migrate_v2

                migrate_v2(conn)
                sqlite_schema.check(conn, path)
    except BaseException:
        conn.close()
        raise
    return conn


def open_store(out: str | Path) -> SqliteStore:
    """A read-only handle on the store in ``out`` (OUT or OUT/store.sqlite).

    Takes no lock and never blocks a writer. Raises :class:`StoreError` with one line when
    there is no store, the store is damaged or foreign, or OUT still holds the old format.
    """
    path = store_path(out)
    if not path.is_file():
        old = path.with_name(OLD_GRAPH_FILE)
        if old.is_file():
            raise StoreError(
                f"{old}: a store in the old format (v1); the next build into {path.parent} "
                f"migrates it (actorgraph build <inputs> -o {path.parent})")
        raise StoreMissing(
            f"{path}: no store here; build one first (actorgraph build <texts> -o {path.parent})")
    return SqliteStore(_open_checked(path, read_only=True), str(path))


class StoreWriter(SqliteStore):
    """The one writer of a store: holds OUT's writer lock until :meth:`close`."""

    def __init__(self, conn: sqlite3.Connection, name: str, lock: WriterLock | None) -> None:
        super().__init__(conn, name)
        self.lock = lock
        # Folds this writer made and their CPU seconds (bench/store_scale.py reports them).
        self.folds, self.fold_cpu_s = 0, 0.0
        self._closed = False

    def add_batch(self, items: Iterable[tuple[DocumentRecord, list[Triple]]]) -> int:
        """Commit ``items`` as one batch (one transaction); returns documents added
        (documents already stored are skipped). Folds the pending aggregates after it
        when due (its own transaction: graph/sqlite_fold.py)."""
        _, added = write_batch(self._conn, items)
        if added and due(self._conn):
            self.fold()
        return added

    def fold(self) -> bool:
        """Fold every pending aggregate now (one transaction); False when none was."""
        c0 = time.process_time()
        folded = fold(self._conn)
        if folded:
            self.folds += 1
            self.fold_cpu_s += time.process_time() - c0
        return folded

    def add_in_batches(self, items: Iterable[tuple[DocumentRecord, list[Triple]]],
                       batch_docs: int) -> int:
        """Commit ``items`` in batches of ``batch_docs`` documents (one transaction each);
        returns documents added. A stream of any length costs one batch of memory."""
        added, batch = 0, []
        for item in items:
            batch.append(item)
            if len(batch) >= batch_docs:
                added += self.add_batch(batch)
                batch = []
        return added + (self.add_batch(batch) if batch else 0)

    def add_document(self, record: DocumentRecord, triples: Iterable[Triple]) -> bool:
        """Store one document as its own batch; False (nothing changes) if already stored."""
        return self.add_batch([(record, list(triples))]) == 1

    def close(self) -> None:
        """Fold what is pending, close the connection and release the writer lock; safe to
        call twice. A failed fold leaves the deltas pending (readers merge them)."""
        if self._closed:
            return
        self._closed = True
        try:
            self.fold()
        finally:
            super().close()
            if self.lock is not None:
                self.lock.release()


def _create(path: Path) -> None:
    # Built under a temporary name and renamed: a kill during creation leaves no
    # half-made store.sqlite that later opens would call damaged.
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    os.close(fd)
    try:
        conn = sqlite3.connect(tmp, isolation_level=None)
        conn.execute("PRAGMA journal_mode=WAL")
        conn.execute("BEGIN")
        sqlite_schema.create(conn, uuid.uuid4().hex,
                             datetime.now(timezone.utc).isoformat(timespec="seconds"))
        conn.execute("COMMIT")
        conn.close()
        os.chmod(tmp, 0o644)  # mkstemp makes it private; a store is as readable as OUT
        os.replace(tmp, path)
    finally:
        for suffix in ("", "-wal", "-shm"):
            Path(tmp + suffix).unlink(missing_ok=True)


def open_writer(out: str | Path, *, wait_seconds: float = DEFAULT_WAIT_SECONDS,
                command: str | None = None, migrate: bool = True) -> StoreWriter:
    """The writer of the store in ``out``, created if absent; waits up to ``wait_seconds``
    for another writer, then raises :class:`StoreLocked` naming it.

    An OUT in the old format (graph.json + triples.jsonl) is migrated first (``migrate``).
    """
    path = store_path(out)
    lock = WriterLock(path.parent, wait_seconds, command).acquire()
    try:
        if not path.is_file():
            _create(path)
        writer = StoreWriter(_open_checked(path, read_only=False), str(path), lock)
    except BaseException:
        lock.release()
        raise
    if migrate and (path.parent / OLD_GRAPH_FILE).is_file():
        from actorgraph.graph.migrate import migrate_v1

        try:
            migrate_v1(path.parent, writer)
        except BaseException:
            writer.close()
            raise
    return writer


class MemoryStore(StoreWriter):
    """The in-memory store (small work, tests): the same schema and code as the store of
    record in a private in-memory SQLite database, so both count alike."""

    def __init__(self) -> None:
        conn = sqlite3.connect(":memory:", isolation_level=None, check_same_thread=False)
        sqlite_schema.create(conn, uuid.uuid4().hex,
                             datetime.now(timezone.utc).isoformat(timespec="seconds"))
        super().__init__(conn, ":memory:", None)

    def save(self, out: str | Path, *, wait_seconds: float = DEFAULT_WAIT_SECONDS) -> Path:
        """Write this store to ``out`` as its store of record (replacing one there), under
        the writer lock; returns the store file's path."""
        path = store_path(out)
        path.parent.mkdir(parents=True, exist_ok=True)
        with WriterLock(path.parent, wait_seconds):
            fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
            os.close(fd)
            try:
                dest = sqlite3.connect(tmp, isolation_level=None)
                self._conn.backup(dest)
                dest.execute("PRAGMA journal_mode=WAL")
                dest.close()
                os.chmod(tmp, 0o644)
                for suffix in ("-wal", "-shm"):
                    Path(f"{path}{suffix}").unlink(missing_ok=True)
                os.replace(tmp, path)
            finally:
                for suffix in ("", "-wal", "-shm"):
                    Path(tmp + suffix).unlink(missing_ok=True)
        return path


def migrate_store(out: str | Path, *, wait_seconds: float = DEFAULT_WAIT_SECONDS) -> Path:
    """Migrate an OUT in the old format (graph.json + triples.jsonl) to the store of record
    now, as the next writer would; returns the store file. A no-op on a current store."""
    writer = open_writer(out, wait_seconds=wait_seconds)
    writer.close()
    return Path(writer.name)


def iter_triples(out: str | Path) -> Iterator[Triple]:
    """Every stored triple, in commit order (documents in order, triples in order)."""
    with open_store(out) as store:
        for _doc, triples in store.document_triples():
            yield from triples


#: Compat name for modules written against the first store (type hints, ``GraphStore()``).
GraphStore = MemoryStore
