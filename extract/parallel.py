"""Parallel extraction: the same per-batch job in local worker processes or on Dask.

Every engine cuts the document stream into the same batches of consecutive documents
(``ExtractConfig.batch_size`` documents, ``batch_chars`` characters at most) and runs
:func:`extract_batch` on each: ``nlp.pipe`` over the batch inside a spaCy memory zone,
then :meth:`Extractor.triples_of` per parsed Doc. Only :class:`Triple` objects travel
back, never Docs, so the loading process does no parsing or Doc deserialisation and only
merges. Because the parser sees exactly the same batches whatever the engine, the triples
are identical to a one-process run, and results are yielded in input order.

Engines (chosen by :func:`extract_parallel` from the config):

- ``local`` with ``workers > 1``: a process pool on this machine. Where ``fork`` exists the
  workers inherit the already loaded pipeline (no reload, copy-on-write memory);
  elsewhere each worker loads it once.
- ``dask``: tasks on a Dask distributed cluster (``scheduler`` address) or, without an
  address, on a ``LocalCluster`` of ``workers`` single-threaded processes. Each worker
  process loads the pipeline once (:func:`worker_extractor`) and keeps it.

Memory stays flat: at most ``BATCHES_IN_FLIGHT_PER_WORKER * workers`` batches are
submitted but not yet handed on, and the memory zone frees the strings each batch adds to
the vocabulary.

>>> list(batches(range(5), 2))
[[0, 1], [2, 3], [4]]
"""

from __future__ import annotations

import contextlib
import multiprocessing as mp
import os
import signal
import threading
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from itertools import islice
from typing import TYPE_CHECKING, Any, TypeVar

from actorgraph.extract.documents import Document, normalize_text
from actorgraph.extract.events import Event
from actorgraph.extract.triples import Triple

if TYPE_CHECKING:
    from spacy.tokens import Doc

    from actorgraph.extract.pipeline import ExtractConfig, Extractor

T = TypeVar("T")
R = TypeVar("R")
Extracted = Iterator[tuple[Document, list[Triple]]]

#: Batches submitted per worker ahead of the one being merged: enough to keep every worker
#: busy while the loader merges, few enough that memory does not grow with the corpus.
BATCHES_IN_FLIGHT_PER_WORKER = 3
ENGINES = ("local", "dask")


def batches(items: Iterable[T], size: int) -> Iterator[list[T]]:
    """Consecutive lists of ``size`` items (the last may be shorter)."""
    it = iter(items)
    size = max(1, size)
    while chunk := list(islice(it, size)):
        yield chunk


def document_batches(
    documents: Iterable[Document], size: int, max_chars: int = 0
) -> Iterator[list[Document]]:
    """Consecutive batches of at most ``size`` documents and (unless a single document is
    longer) at most ``max_chars`` characters; ``max_chars`` 0 means no character bound.

    The parser's peak memory follows the text in a batch, not the number of documents:
    32 segments of 100,000 characters would need gigabytes where 32 short articles need
    a few hundred megabytes.
    """
    size = max(1, size)
    batch: list[Document] = []
    chars = 0
    for d in documents:
        if batch and (len(batch) >= size or (max_chars and chars + len(d.text) > max_chars)):
            yield batch
            batch, chars = [], 0
        batch.append(d)
        chars += len(d.text)
    if batch:
        yield batch


def _memory_zone(nlp: Any) -> contextlib.AbstractContextManager:
    # spaCy >= 3.8: strings and lexemes first seen in the zone are freed when it closes;
    # without it the vocabulary grows with every new word of the corpus.
    zone = getattr(nlp, "memory_zone", None)
    return zone() if zone is not None else contextlib.nullcontext()


def extract_batch(
    extractor: Extractor,
    documents: Sequence[Document],
    job: Callable[[Document, Doc], R] | None = None,
) -> list[R]:
    """The triples of each document of one batch, in order: the unit of work of every engine.

    The whole batch goes through ``nlp.pipe`` as one parser batch, so batching (and hence
    the parse) is the same in one process, in a pool and on Dask. ``job`` replaces
    :meth:`Extractor.triples_of` as what is made of each parsed document (it must return
    plain Python data, which outlives the batch's Docs).
    """
    if not documents:
        return []
    nlp = extractor.nlp
    run = job or extractor.triples_of
    with _memory_zone(nlp):
        # Triples hold only Python strings and numbers, so they outlive the zone's Docs.
        stream = ((normalize_text(d.text), d) for d in documents)
        return [
            run(document, doc)
            for doc, document in nlp.pipe(stream, as_tuples=True, batch_size=len(documents))
        ]


def _batches(documents: Iterable[Document], config: ExtractConfig) -> Iterator[list[Document]]:
    # Every engine must batch identically: the parse of a document can depend (in the last
    # float bits) on its batch-mates, and equal output across engines is the contract.
    return document_batches(documents, config.batch_size, config.batch_chars)


def extract_serial(extractor: Extractor, documents: Iterable[Document]) -> Extracted:
    """One process: the reference the parallel engines must reproduce."""
    for batch in _batches(documents, extractor.config):
        yield from zip(batch, extract_batch(extractor, batch), strict=True)


def extract_records_serial(
    extractor: Extractor, documents: Iterable[Document]
) -> Iterator[tuple[Document, list[Triple], list[Event]]]:
    """One process, triples and one-actor events (:meth:`Extractor.records_of`)."""
    for batch in _batches(documents, extractor.config):
        for document, (triples, events) in zip(
            batch, extract_batch(extractor, batch, extractor.records_of), strict=True
        ):
            yield document, triples, events


def extract_parallel(
    documents: Iterable[Document], config: ExtractConfig, extractor: Extractor | None = None
) -> Extracted:
    """Yield ``(document, triples)`` in input order using the engine ``config`` names.

    ``extractor`` is the caller's already loaded one; the local pool forks from it.
    """
    if config.engine == "dask":
        yield from _dask_extract(documents, config)
    elif config.engine == "local":
        yield from _local_extract(documents, config, extractor)
    else:
        raise ValueError(f"unknown engine {config.engine!r}; choose one of {', '.join(ENGINES)}")


# --- per-process worker state -------------------------------------------------------------

_WORKER: Extractor | None = None
_WORKER_LOCK = threading.Lock()


def worker_extractor(config: ExtractConfig) -> Extractor:
    """This process's extractor for ``config``, loaded on first use and then kept."""
    global _WORKER
    with _WORKER_LOCK:
        if _WORKER is None or _WORKER.config != config:
            from actorgraph.extract.pipeline import Extractor

            _WORKER = Extractor(config)
        return _WORKER


def _run_batch(config: ExtractConfig, documents: Sequence[Document]) -> list[list[Triple]]:
    """A task for a worker process or a Dask worker."""
    extractor = worker_extractor(config)
    # One batch at a time per process: spaCy pipelines are not meant for concurrent use
    # (memory zones are process-wide), so extra threads on a Dask worker just queue here.
    with _WORKER_LOCK:
        return extract_batch(extractor, documents)


# --- local process pool -------------------------------------------------------------------


def _init_local_worker(inherited: Extractor | None) -> None:
    global _WORKER
    # Ctrl-C reaches the whole process group; the loader alone handles it (it saves the
    # store and stops the pool), so workers must not die mid-batch with tracebacks.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    if inherited is not None:
        _WORKER = inherited
    threading.Thread(target=_exit_with_parent, args=(os.getppid(),), daemon=True).start()


def _exit_with_parent(parent: int) -> None:
    # A loader killed outright (SIGKILL, the OOM killer) cannot stop its pool, and workers
    # blocked on the task queue would live on as orphans holding a model each.
    while os.getppid() == parent:
        time.sleep(1.0)
    os._exit(1)


def _local_extract(
    documents: Iterable[Document], config: ExtractConfig, extractor: Extractor | None
) -> Extracted:
    workers = max(1, config.workers)
    fork = "fork" in mp.get_all_start_methods()
    ctx = mp.get_context("fork" if fork else "spawn")
    # With fork the initializer's argument is inherited, not pickled: workers reuse the
    # loaded pipeline. With spawn each worker loads its own on its first batch.
    inherited = extractor if fork and extractor is not None else None
    pool = ProcessPoolExecutor(
        max_workers=workers, mp_context=ctx, initializer=_init_local_worker,
        initargs=(inherited,),
    )
    pending: deque[tuple[list[Document], Future]] = deque()
    limit = BATCHES_IN_FLIGHT_PER_WORKER * workers
    stream = _batches(documents, config)
    done = False
    try:
        for batch in stream:
            pending.append((batch, pool.submit(_run_batch, config, batch)))
            if len(pending) >= limit:
                # Workers take tasks in submission order, so the oldest is (nearly) always
                # the next to finish: waiting on it keeps input order at no cost.
                head, future = pending.popleft()
                yield from zip(head, future.result(), strict=True)
        while pending:
            head, future = pending.popleft()
            yield from zip(head, future.result(), strict=True)
        done = True
    finally:
        if done:
            pool.shutdown(wait=True)
        else:
            # Interrupted or failed: drop queued batches and stop running ones now rather
            # than waiting for them; their documents are not merged and will be redone.
            # (The executor has no public way to stop running tasks before Python 3.14.)
            procs = list((getattr(pool, "_processes", None) or {}).values())
            pool.shutdown(wait=False, cancel_futures=True)
            for proc in procs:
                proc.terminate()
            for proc in procs:
                proc.join(timeout=5)


# --- Dask -----------------------------------------------------------------------------------


@contextlib.contextmanager
def dask_client(config: ExtractConfig) -> Iterator[Any]:
    """A client of the cluster at ``config.scheduler``, or of a local cluster of
    ``config.workers`` single-threaded processes that lives as long as the block."""
    try:
        from distributed import Client, LocalCluster
    except ImportError:
        raise RuntimeError(
            "the dask engine needs dask[distributed]: pip install 'dask[distributed]'"
        ) from None
    if config.scheduler:
        with Client(config.scheduler) as client:
            yield client
        return
    # Processes, not threads: the parse holds the GIL for much of its time.
    with LocalCluster(
        n_workers=max(1, config.workers), threads_per_worker=1, processes=True,
        dashboard_address=None,
    ) as cluster, Client(cluster) as client:
        yield client


def _dask_extract(documents: Iterable[Document], config: ExtractConfig) -> Extracted:
    from distributed import as_completed

    with dask_client(config) as client:
        workers = max(1, len(client.scheduler_info().get("workers", {})) or config.workers)
        limit = BATCHES_IN_FLIGHT_PER_WORKER * workers
        stream = enumerate(_batches(documents, config))
        inputs: dict[int, list[Document]] = {}
        results: dict[int, list[list[Triple]]] = {}
        live: dict[Any, tuple[int, Any]] = {}  # future key -> (batch number, future)
        completed = as_completed()
        next_out = 0

        def submit_more() -> None:
            # Bound what is submitted but not yet yielded (results waiting for an earlier
            # batch count too), so memory stays flat however the cluster reorders work.
            while len(inputs) < limit:
                item = next(stream, None)
                if item is None:
                    return
                seq, batch = item
                future = client.submit(_run_batch, config, batch, pure=False)
                inputs[seq] = batch
                live[future.key] = (seq, future)
                completed.add(future)

        try:
            submit_more()
            for future in completed:
                seq, _ = live.pop(future.key)
                results[seq] = future.result()  # re-raises a task's error here
                future.release()
                while next_out in results:
                    yield from zip(inputs.pop(next_out), results.pop(next_out), strict=True)
                    next_out += 1
                submit_more()
        finally:
            if live:
                client.cancel([f for _, f in live.values()])
