"""The main job as library calls: read -> extract -> merge -> save -> render.

>>> from actorgraph.pipeline import build  # doctest: +SKIP
>>> summary = build(["seeds"], "out")  # doctest: +SKIP
>>> summary.documents_added, summary.triples  # doctest: +SKIP
(2, 21)
"""

from __future__ import annotations

import os
import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from actorgraph.extract.documents import Document, InputProblem, read_documents
from actorgraph.extract.triples import Triple
from actorgraph.graph.lock import DEFAULT_WAIT_SECONDS
from actorgraph.graph.store import DocumentRecord, SqliteStore, StoreWriter, open_writer
from actorgraph.graph.store import open_store as _open_store

if TYPE_CHECKING:  # the extractor imports spaCy: only build needs it, not summary or view
    from actorgraph.extract.pipeline import ExtractConfig, Extractor

# Commit interval; the variable lets tests (and crash drills) commit more often. A commit
# costs O(batch) (one SQLite transaction), so small batches cost little.
SAVE_EVERY_DOCS = int(os.environ.get("ACTORGRAPH_SAVE_EVERY_DOCS", "200"))
SAVE_EVERY_SECONDS = 10.0
#: The page a build writes shows at most this many actors and relations (None: all): the
#: page then reads only what it shows, so a build of a few documents into a big store costs
#: about what it costs alone (bench/incremental_build.py). ``actorgraph view`` draws more.
VIEW_MAX_NODES: int | None = 1000
VIEW_MAX_EDGES: int | None = 2000
#: Beside OUT/graph.html: what the page was rendered from (store, batch, caps), so a build
#: that commits nothing new leaves the page as it is.
VIEW_STAMP = ".graph.html.stamp"


@dataclass
class BuildSummary:
    """What a build did; ``problems`` lists every skipped input with its reason."""

    documents_read: int = 0
    documents_added: int = 0
    documents_skipped_seen: int = 0
    triples: int = 0
    problems: list[InputProblem] = field(default_factory=list)
    seconds: float = 0.0
    graph_path: Path | None = None
    html_path: Path | None = None
    stats: dict[str, int] = field(default_factory=dict)
    #: What the page leaves out ("showing the top 1,000 of 98,000 actors ..."), None: all.
    view_note: str | None = None
    #: True when the page was left as it was: nothing new committed since it was rendered.
    view_unchanged: bool = False

    @property
    def ok(self) -> bool:
        """True unless an input was skipped or cut short: warnings (an unreadable date, NUL
        bytes removed, a repeated segment) lose nothing."""
        return not any(not getattr(p, "warning", False) for p in self.problems)


ProgressCallback = Callable[[BuildSummary], None]


def _unseen(documents: Iterable[Document], store: SqliteStore,
            summary: BuildSummary) -> Iterator[Document]:
    for d in documents:
        summary.documents_read += 1
        if store.has_document(d.hash):
            summary.documents_skipped_seen += 1
            continue
        yield d


def document_record(document: Document) -> DocumentRecord:
    """The ledger record of an extracted document."""
    return DocumentRecord(
        id=document.parent or document.id, hash=document.hash, title=document.title,
        date=document.date, source=document.source, url=document.url,
        date_raw=getattr(document, "date_raw", None),
    )


def build(
    paths: Iterable[str | Path],
    out_dir: str | Path = "out",
    *,
    config: ExtractConfig | None = None,
    extractor: Extractor | None = None,
    on_problem: Callable[[InputProblem], None] | None = None,
    progress: ProgressCallback | None = None,
    render: bool = True,
    lock_wait: float = DEFAULT_WAIT_SECONDS,
    date: str | None = None,
    view_max_nodes: int | None = VIEW_MAX_NODES,
    view_max_edges: int | None = VIEW_MAX_EDGES,
) -> BuildSummary:
    """Extract every document under ``paths`` and store it in ``out_dir``.

    Documents already in the store (same content hash) are skipped, so building again
    with more inputs only adds the new ones. Documents are committed in batches of
    ``SAVE_EVERY_DOCS`` (or every ``SAVE_EVERY_SECONDS``), each in one transaction, so a
    build killed at any point keeps every committed batch and the next one resumes after
    it. The build is OUT's one writer: another build waits up to ``lock_wait`` seconds for
    it, then raises :class:`~actorgraph.graph.errors.StoreLocked` naming the holder.
    ``date`` dates the documents that carry no date of their own (see ``read_documents``).
    With ``render``, OUT/graph.html shows the ``view_max_nodes`` top actors and at most
    ``view_max_edges`` relations among them (None: all); it is not rewritten when nothing
    was committed since it was (``summary.view_unchanged``).
    """
    t0 = time.monotonic()
    out = Path(out_dir)
    summary = BuildSummary()

    def problem(p: InputProblem) -> None:
        summary.problems.append(p)
        if on_problem:
            on_problem(p)

    store = open_writer(out, wait_seconds=lock_wait)
    try:
        if extractor is None:
            from actorgraph.extract.pipeline import Extractor

            extractor = Extractor(config)
        docs = _unseen(read_documents(paths, problem, date=date), store, summary)
        _store_batches(store, extractor.extract_documents(docs), summary, progress)
        summary.graph_path = Path(store.name)
        summary.stats = store.stats()
        if render:
            _render_page(store, out, summary, view_max_nodes, view_max_edges)
    finally:
        store.close()
    _refresh_index(out)
    summary.seconds = time.monotonic() - t0
    return summary


def _render_page(store: SqliteStore, out: Path, summary: BuildSummary,
                 max_nodes: int | None, max_edges: int | None) -> None:
    """Write OUT/graph.html unless its stamp says it shows this store's newest batch with
    these caps already (then only the summary is filled in from the stamp)."""
    import json

    from actorgraph.graph.view import render_page

    html, stamp_path = out / "graph.html", out / VIEW_STAMP
    stamp = {"store_id": store.meta().get("store_id"), "last_batch": store.last_batch,
             "max_nodes": max_nodes, "max_edges": max_edges}
    try:
        old = json.loads(stamp_path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        old = None
    if isinstance(old, dict) and html.is_file() \
            and {k: old.get(k) for k in stamp} == stamp:
        summary.html_path, summary.view_note = html, old.get("note")
        summary.view_unchanged = True
        return
    # Gone while the page is rewritten: a render cut short never passes for a finished one.
    stamp_path.unlink(missing_ok=True)
    summary.html_path, summary.view_note = render_page(store, html, max_nodes=max_nodes,
                                                       max_edges=max_edges)
    stamp_path.write_text(json.dumps({**stamp, "note": summary.view_note}), encoding="utf-8")


def _refresh_index(out: Path) -> None:
    """Bring an existing Cypher index up to the new batches now (incremental: the cost of
    this build, not of the graph), so the first query after a build does not pay for it.
    Best effort: a query holding the index, or any index problem, leaves the sync to the
    next query."""
    from actorgraph.graph.cypher_index import DB_FILE, CypherIndexError, sync_index
    from actorgraph.graph.errors import StoreError

    if (out / DB_FILE).exists():
        try:
            sync_index(out, wait_seconds=5.0)
        except (CypherIndexError, StoreError, RuntimeError, OSError):
            pass


def _store_batches(store: StoreWriter, extracted: Iterable[tuple[Document, list[Triple]]],
                   summary: BuildSummary, progress: ProgressCallback | None) -> None:
    pending: list[tuple[DocumentRecord, list[Triple]]] = []
    last_commit = time.monotonic()

    def commit() -> None:
        nonlocal pending, last_commit
        if pending:
            # The same content twice in one batch (a repeated input) counts once.
            seen: set[str] = set()
            unique = [x for x in pending if not (x[0].hash in seen or seen.add(x[0].hash))]
            summary.documents_skipped_seen += len(pending) - len(unique)
            added = store.add_batch(unique)
            summary.documents_added += added
            if added == len(unique):
                summary.triples += sum(len(t) for _, t in unique)
            pending = []
        last_commit = time.monotonic()

    try:
        for document, triples in extracted:
            pending.append((document_record(document), triples))
            if len(pending) >= SAVE_EVERY_DOCS or \
                    time.monotonic() - last_commit > SAVE_EVERY_SECONDS:
                commit()
            if progress:
                progress(summary)
    finally:
        # Commit what was extracted even when interrupted, so a re-run resumes after it.
        commit()


def open_store(path: str | Path) -> SqliteStore:
    """The store at ``path`` (an OUT directory or its store file), read-only; a one-line
    :class:`~actorgraph.graph.errors.StoreError` when absent, damaged or in the old format."""
    return _open_store(path)
