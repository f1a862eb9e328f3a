"""The main job as library calls: read -> extract -> merge -> save -> render.

>>> import tempfile
>>> from pathlib import Path
>>> seeds = Path(__file__).resolve().parent.parent / "seeds"
>>> summary = build([seeds], tempfile.mkdtemp(), render=False)
>>> summary.documents_added, summary.triples > 20, summary.ok
(2, True, True)
"""

from __future__ import annotations

import os
import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from actorgraph.extract.documents import Document, InputProblem, read_documents
from actorgraph.graph.store import GRAPH_FILE, DocumentRecord, GraphStore

if TYPE_CHECKING:
    # Imported where used: extract.pipeline imports spaCy (about 2 CPU seconds), and
    # summary, view and export reach open_store through this module without extracting.
    from actorgraph.extract.pipeline import ExtractConfig, Extractor

# Checkpoint interval; the variable lets tests (and crash drills) checkpoint more often.
SAVE_EVERY_DOCS = int(os.environ.get("ACTORGRAPH_SAVE_EVERY_DOCS", "500"))
SAVE_EVERY_SECONDS = 30.0


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

    @property
    def ok(self) -> bool:
        """True unless an input was skipped or cut short: warnings (an unreadable date, NUL
        bytes removed, a repeated segment) leave every document processed, so they are
        reported but do not fail the build."""
        return not any(not getattr(p, "warning", False) for p in self.problems)


ProgressCallback = Callable[[BuildSummary], None]


def _unseen(documents: Iterable[Document], store: GraphStore,
            summary: BuildSummary) -> Iterator[Document]:
    for d in documents:
        summary.documents_read += 1
        if store.has_document(d.hash):
            summary.documents_skipped_seen += 1
            continue
        yield d


def build(
    paths: Iterable[str | Path],
    out_dir: str | Path = "out",
    *,
    config: ExtractConfig | None = None,
    extractor: Extractor | None = None,
    on_problem: Callable[[InputProblem], None] | None = None,
    progress: ProgressCallback | None = None,
    render: bool = True,
    date: str | None = None,
) -> BuildSummary:
    """Extract every document under ``paths`` and merge it into the store in ``out_dir``.

    Documents already in the store (same content hash) are skipped, so building again
    with more inputs only adds the new ones. The store is saved every
    ``SAVE_EVERY_DOCS`` documents or ``SAVE_EVERY_SECONDS``, atomically, so an interrupted
    build keeps what it merged and the next one resumes after it. ``date`` dates the
    documents that carry no date of their own (see ``read_documents``).
    """
    t0 = time.monotonic()
    out = Path(out_dir)
    summary = BuildSummary()

    def problem(p: InputProblem) -> None:
        summary.problems.append(p)
        if on_problem:
            on_problem(p)

    store = GraphStore.load(out / GRAPH_FILE)
    if extractor is None:
        from actorgraph.extract.pipeline import Extractor

        extractor = Extractor(config)
    docs = _unseen(read_documents(paths, problem, date=date), store, summary)
    last_save, since_save = time.monotonic(), 0
    try:
        for document, triples in extractor.extract_documents(docs):
            record = DocumentRecord(
                id=document.parent or document.id, hash=document.hash, title=document.title,
                date=document.date, source=document.source, url=document.url,
            )
            if store.add_document(record, triples):
                summary.documents_added += 1
                summary.triples += len(triples)
                since_save += 1
            else:
                summary.documents_skipped_seen += 1
            if since_save >= SAVE_EVERY_DOCS or (
                since_save and time.monotonic() - last_save > SAVE_EVERY_SECONDS
            ):
                store.save(out)
                last_save, since_save = time.monotonic(), 0
            if progress:
                progress(summary)
    finally:
        # Save what was merged even when interrupted, so a re-run resumes after it.
        summary.graph_path = store.save(out)
    summary.stats = store.stats()
    if render:
        from actorgraph.graph.view import render_html

        summary.html_path = render_html(store, out / "graph.html")
    summary.seconds = time.monotonic() - t0
    return summary


def open_store(path: str | Path) -> GraphStore:
    """The store at ``path`` (an OUT directory or its graph.json); errors if absent."""
    p = Path(path)
    graph_file = p / GRAPH_FILE if p.is_dir() or p.suffix != ".json" else p
    if not graph_file.exists():
        raise FileNotFoundError(f"{graph_file}: no graph here; run 'actorgraph build' first")
    return GraphStore.load(graph_file)
