"""The store of record at scale: per-batch commit time, memory, incremental cost, queries.

    python bench/store_scale.py                       # 1,000,000 triples
    python bench/store_scale.py --triples 200000 --results bench/results.jsonl
    python bench/store_scale.py --out /tmp/s1m --no-queries        # build once, keep
    python bench/store_scale.py --out /tmp/s1m --queries-only --compare-queries /tmp/main-q

Synthetic triples (fixed seed): ``--actors`` actors, ``--relations`` relation slots
(source, target, type, factuality) from which triples are drawn, so the store ends with
about ``--relations`` distinct relations; ``--per-doc`` triples per document, dated over
three years, from 20 outlets; one in ten not asserted. Printed:

- per-batch commit time (``StoreWriter.add_batch``, ``--batch-docs`` documents, one
  transaction) around each checkpoint size (10k, 100k, 1M triples...): median of the
  batches there, to show the cost stays flat as the store grows; the folds of pending
  aggregates that commits trigger (graph/sqlite_fold.py) apart: how many, their total CPU
  and per batch, the last three, and the fold when the writer closes;
- peak RSS of this process;
- incremental cost: CPU seconds to add the same ``--new-docs`` documents to the full
  store and to an empty one, and their ratio;
- Cypher index: full sync after the build; after adding ``--new-docs`` documents, the
  incremental sync (which ``build`` runs at its end) and then the first query (open +
  ``top_actors``, the "first query after a build");
- every library query warm (median of ``--repeat`` runs each, on the actors of the
  corpus's first asserted triple) and the median over all of them, plus overall
  ``escalation`` beside them; ``--compare-queries DIR`` times another query directory
  (say main's ``queries/`` copied to /tmp) in the same run, turn about, so before/after
  is a ratio under one load; ``--queries-only --out DIR`` reuses a store built earlier;
- load average at start and end, CPU seconds of the whole run.
"""

from __future__ import annotations

import argparse
import contextlib
import hashlib
import os
import random
import resource
import statistics
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _common import machine, report_row  # noqa: E402

RELATIONS = [("MEETS", "CONSULT", "VERBAL_COOPERATION"), ("CRITICIZES", "DISAPPROVE",
             "VERBAL_CONFLICT"), ("ACCUSES", "DISAPPROVE", "VERBAL_CONFLICT"),
             ("ATTACKS", "ASSAULT", "MATERIAL_CONFLICT"), ("SUPPORTS", "SUPPORT",
             "VERBAL_COOPERATION"), ("THREATENS", "THREATEN", "VERBAL_CONFLICT"),
             ("SANCTIONS", "SANCTION", "MATERIAL_CONFLICT"), ("AIDS", "AID",
             "MATERIAL_COOPERATION"), ("URGES", "REQUEST", "VERBAL_COOPERATION"),
             ("AGREES_WITH", "AGREE", "VERBAL_COOPERATION"), ("WARNS", "THREATEN",
             "VERBAL_CONFLICT"), ("FIGHTS", "FIGHT", "MATERIAL_CONFLICT")]
FACTUALITIES = ["hypothetical", "future", "reported", "requested", "negated"]


class Corpus:
    """Deterministic synthetic documents drawn from a fixed pool of relation slots."""

    def __init__(self, n_actors: int, n_relations: int, per_doc: int, seed: int) -> None:
        from actorgraph.extract.triples import ActorRef

        self.rnd = random.Random(seed)
        self.seed, self.n_relations = seed, n_relations
        self.per_doc = per_doc
        types = ["PERSON", "COUNTRY", "ORGANIZATION", "ARMED_GROUP"]
        self.actors = [ActorRef(id=f"actor:{i}", name=f"Actor {i}", text=f"Actor {i}",
                                type=types[i % 4], country=None if i % 3 else "USA")
                       for i in range(n_actors)]
        # Slots: (subject, object, relation index, factuality or None for asserted).
        r = self.rnd
        self.slots = [(r.randrange(n_actors), r.randrange(n_actors), r.randrange(12),
                       r.choice(FACTUALITIES) if r.random() < 0.1 else None)
                      for _ in range(n_relations)]
        self.doc = 0

    def documents(self, n_triples: int, prefix: str = "doc") -> Iterator[tuple]:
        from actorgraph.extract.triples import Triple
        from actorgraph.graph.store import DocumentRecord

        r, made = self.rnd, 0
        while made < n_triples:
            k = min(self.per_doc, n_triples - made)
            # Content-hash-like ids: Mention.id keeps the first 16 characters.
            h = hashlib.sha256(f"{prefix}{self.doc}".encode()).hexdigest()
            day = f"{2022 + self.doc % 3}-{1 + self.doc % 12:02d}-{1 + self.doc % 28:02d}"
            triples = []
            for j in range(k):
                s, o, ri, fact = self.slots[r.randrange(len(self.slots))]
                rel, plover, quad = RELATIONS[ri]
                subj, obj = self.actors[s], self.actors[o]
                triples.append(Triple(
                    doc=h, sentence=f"{subj.name} {rel.lower()} {obj.name} ({j}).",
                    start=80 * j, end=80 * j + 40, subject=subj, relation=rel, object=obj,
                    plover=plover, quad=quad, trigger=rel.lower(), negated=fact == "negated",
                    modality=fact if fact and fact != "negated" else "asserted",
                    confidence=round(r.random(), 3), doc_hash=h, date=day,
                    date_precision="day", date_source="document"))
            yield (DocumentRecord(id=h, hash=h, title=f"Doc {self.doc}", date=day,
                                  source=f"outlet-{self.doc % 20}"), triples)
            made += k
            self.doc += 1


def _batches(items: Iterator[tuple], size: int) -> Iterator[list[tuple]]:
    batch: list[tuple] = []
    for item in items:
        batch.append(item)
        if len(batch) >= size:
            yield batch
            batch = []
    if batch:
        yield batch


def _rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def build_store(out: Path, corpus: Corpus, n_triples: int, batch_docs: int,
                checkpoints: list[int]) -> dict:
    """Fill the store, timing every commit; medians around each checkpoint."""
    from actorgraph.graph.store import open_writer

    times: list[tuple[int, float, float]] = []  # (triples stored before, wall s, CPU s)
    stored, folds = 0, []  # folds: (triples stored after, CPU s) of the commits that folded
    t0 = time.monotonic()
    w = open_writer(out)
    try:
        for batch in _batches(corpus.documents(n_triples), batch_docs):
            c0, p0 = time.perf_counter(), time.process_time()
            before = w.fold_cpu_s
            w.add_batch(batch)
            fold_cpu = w.fold_cpu_s - before
            stored += sum(len(t) for _, t in batch)
            # The commit alone: a fold that a commit triggers is its own transaction,
            # reported apart (count, total and per batch).
            times.append((stored - sum(len(t) for _, t in batch), time.perf_counter() - c0,
                          time.process_time() - p0 - fold_cpu))
            if fold_cpu:
                folds.append((stored, fold_cpu))
        stats = w.stats()
    finally:
        c0 = time.process_time()
        w.close()  # folds what is pending
        close_cpu = time.process_time() - c0
    wall, cpu, cpu_mean = {}, {}, {}
    for cp in checkpoints:
        near = [(s, c) for n, s, c in times if n <= cp][-10:]
        if near:
            wall[cp] = round(statistics.median(s for s, _ in near) * 1000, 1)
            cpu[cp] = round(statistics.median(c for _, c in near) * 1000, 1)
            # The mean too: work that lands on some commits only (a WAL checkpoint) shows
            # in it and not in the median.
            cpu_mean[cp] = round(statistics.mean(c for _, c in near) * 1000, 1)
    fold_total = sum(c for _, c in folds)
    return {"build_s": round(time.monotonic() - t0, 1), "batches": len(times),
            "commit_ms_at": wall, "commit_cpu_ms_at": cpu, "commit_cpu_mean_ms_at": cpu_mean,
            "folds": len(folds), "fold_cpu_s": round(fold_total, 2),
            "fold_cpu_ms_per_batch": round(fold_total / max(len(times), 1) * 1000, 1),
            "fold_cpu_s_at": {n: round(c, 2) for n, c in folds[-3:]},
            "close_fold_cpu_s": round(close_cpu, 2), "stats": stats,
            "store_mb": round((out / "store.sqlite").stat().st_size / 2**20, 1)}


def incremental_cost(out: Path, corpus: Corpus, new_docs: int) -> dict:
    """CPU seconds to add the same documents to the full store and to an empty one
    (writer open, one commit, close with its fold)."""
    from actorgraph.graph.store import open_writer

    docs = list(corpus.documents(new_docs * corpus.per_doc, prefix="new"))
    res = {}
    with tempfile.TemporaryDirectory() as empty:
        for name, target in (("alone", Path(empty)), ("into_full", out)):
            c0 = time.process_time()
            with open_writer(target) as w:
                w.add_batch(docs)
            res[name] = time.process_time() - c0
    res["ratio"] = round(res["into_full"] / res["alone"], 2)
    return {k: round(v, 3) for k, v in res.items()}


def library_calls(corpus: Corpus, directory: Path | None = None) -> dict[str, dict]:
    """Parameters for every library query in ``directory``: the actors and relation of the
    corpus's first triple (in every store it built, so the anchored queries have rows)."""
    from actorgraph.graph.query import library_queries

    again = Corpus(len(corpus.actors), corpus.n_relations, corpus.per_doc, corpus.seed)
    t = next(t for _, ts in again.documents(1000) for t in ts
             if t.modality == "asserted" and not t.negated and t.subject != t.object)
    a, b = t.subject.id, t.object.id
    given = {"actor": a, "a": a, "b": b, "source": a, "target": b,
             "relation": t.relation, "since": "2024-06-01"}
    # since only where it is required (new_relations): elsewhere it would narrow the window.
    return {name: {k: v for k, v in given.items()
                   if k in q.params and (k != "since" or k in q.required)}
            for name, q in library_queries(directory).items()}


#: Whole-graph forms timed beside the 15 (not in the median): escalation over every mention.
EXTRA_CALLS = {"escalation_overall": ("escalation", {"a": "", "b": ""})}


def _time_runs(g: Any, text: str, params: dict, runs: int) -> tuple[list[float], int | str]:
    """Seconds of each run and the row count, or the error's line (a query that fails is
    reported, not fatal: main's queries can fill the buffer pool at 1M mentions)."""
    from actorgraph.graph.cypher import CypherError

    took: list[float] = []
    try:
        for _ in range(runs):
            q0 = time.perf_counter()
            n = len(g.run(text, params).rows)
            took.append(time.perf_counter() - q0)
    except CypherError as e:
        return took, f"error: {e}"
    return took, n


def warm_queries(out: Path, corpus: Corpus, repeat: int,
                 dirs: dict[str, Path | None]) -> dict[str, dict]:
    """Median ms of ``repeat`` warm runs of every library query, per query directory
    (label -> directory, None = the library). Each query gets fresh connections, one per
    directory, open side by side: Ladybug's buffer pool keeps what earlier queries left
    (main's queries fill it at 1M mentions and the next query fails), so no query pays
    for another. The first run warms the pages and is not counted; the directories take
    turns run by run, so a change of load hits both."""
    from actorgraph.graph.cypher import open_cypher
    from actorgraph.graph.query import library_queries

    libs = {label: library_queries(d) for label, d in dirs.items()}
    calls = {label: library_calls(corpus, d) for label, d in dirs.items()}
    names = sorted(set.intersection(*(set(lib) for lib in libs.values())))
    jobs = [(n, n, None) for n in names] + [(k, n, p) for k, (n, p) in EXTRA_CALLS.items()]
    res: dict[str, dict] = {label: {"ms": {}, "rows": {}} for label in dirs}
    for key, name, extra in jobs:
        samples: dict[str, list[float]] = {label: [] for label in dirs}
        with contextlib.ExitStack() as stack:
            graphs = {label: stack.enter_context(open_cypher(out)) for label in dirs}
            for i in range(repeat + 1):
                for label, lib in libs.items():
                    q = lib[name]
                    params = {**q.params, **calls[label][name], **(extra or {})}
                    if i and not isinstance(res[label]["rows"].get(key, 0), int):
                        continue  # failed on an earlier run
                    took, n = _time_runs(graphs[label], q.text, params, 1)
                    samples[label] += took
                    res[label]["rows"][key] = n
        for label in dirs:
            ok = samples[label][1:]
            res[label]["ms"][key] = (round(statistics.median(ok) * 1000, 1) if ok
                                     and isinstance(res[label]["rows"][key], int) else None)
    for label in dirs:
        done = [res[label]["ms"][n] for n in names if res[label]["ms"][n] is not None]
        res[label]["median_ms"] = round(statistics.median(done), 1) if done else None
        res[label]["failed"] = [n for n in names if res[label]["ms"][n] is None]
    return res


def first_query(out: Path, corpus: Corpus, new_docs: int, directory: Path | None) -> dict:
    """What a user meets after a build: ``new_docs`` documents committed, the incremental
    index sync the build runs at its end, then open + ``top_actors`` (the first query)."""
    from actorgraph.graph.cypher import open_cypher
    from actorgraph.graph.cypher_index import sync_index
    from actorgraph.graph.query import library_queries
    from actorgraph.graph.store import open_writer

    with open_writer(out) as w:
        # A fresh prefix per call: a reused store must get new documents every run.
        w.add_batch(list(corpus.documents(new_docs * corpus.per_doc,
                                          prefix=f"late{time.time_ns()}")))
    t0 = time.monotonic()
    inc = sync_index(out)
    res = {"index_sync_new_docs_s": round(time.monotonic() - t0, 2),
           "index_sync_mode": inc["mode"]}
    q = library_queries(directory)["top_actors"]
    c0, t0 = time.process_time(), time.monotonic()
    with open_cypher(out) as g:
        g.run(q.text, q.params)
    res["first_query_s"] = round(time.monotonic() - t0, 2)
    res["first_query_cpu_s"] = round(time.process_time() - c0, 2)
    return res


def query_latency(out: Path, corpus: Corpus, new_docs: int, repeat: int,
                  compare: Path | None = None, queries: Path | None = None) -> dict:
    """Index sync, first query after a build and warm library queries; with ``compare``,
    the same for that query directory in the same run (``speedup`` = compare / library)."""
    from actorgraph.graph.cypher_index import sync_index

    t0 = time.monotonic()
    full = sync_index(out)
    res: dict[str, Any] = {"index_full_s": round(time.monotonic() - t0, 1),
                           "index_mode": full["mode"]}
    dirs: dict[str, Path | None] = {"library": queries}
    if compare:
        dirs["compare"] = compare
    for label, d in dirs.items():
        for k, v in first_query(out, corpus, new_docs, d).items():
            res[k if label == "library" else f"compare_{k}"] = v
    warm = warm_queries(out, corpus, repeat, dirs)
    lib = warm["library"]
    res.update(warm_ms=lib["ms"], warm_median_ms=lib["median_ms"], warm_rows=lib["rows"],
               warm_failed=lib["failed"])
    if compare:
        cmp = warm["compare"]
        res.update(compare_warm_ms=cmp["ms"], compare_warm_median_ms=cmp["median_ms"],
                   compare_failed=cmp["failed"])
        res["compare_rows_differ"] = sorted(k for k, n in lib["rows"].items()
                                            if cmp["rows"][k] != n)
        res["speedup"] = {k: round(cmp["ms"][k] / ms, 1) for k, ms in lib["ms"].items()
                          if ms and cmp["ms"][k]}
        if lib["median_ms"] and cmp["median_ms"]:
            res["median_speedup"] = round(cmp["median_ms"] / lib["median_ms"], 1)
    return res


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--triples", type=int, default=1_000_000)
    ap.add_argument("--actors", type=int, default=100_000)
    ap.add_argument("--relations", type=int, default=600_000)
    ap.add_argument("--per-doc", type=int, default=10)
    ap.add_argument("--batch-docs", type=int, default=200)
    ap.add_argument("--new-docs", type=int, default=10)
    ap.add_argument("--repeat", type=int, default=5)
    ap.add_argument("--checkpoints", default="10000,100000,300000,1000000,10000000",
                    help="store sizes (triples) at which commit times are reported")
    ap.add_argument("--no-queries", action="store_true")
    ap.add_argument("--queries", type=Path, metavar="DIR",
                    help="time the .cypher files of DIR instead of the library (a snapshot)")
    ap.add_argument("--compare-queries", type=Path, metavar="DIR",
                    help="also time the .cypher files of DIR (e.g. main's queries/), same run")
    ap.add_argument("--queries-only", action="store_true",
                    help="skip the build: time queries on the existing store at --out")
    ap.add_argument("--out", type=Path, help="store directory (default: a temporary one)")
    ap.add_argument("--results", type=Path)
    args = ap.parse_args(argv)
    load0, cpu0 = os.getloadavg()[0], time.process_time()
    corpus = Corpus(args.actors, args.relations, args.per_doc, seed=42)
    checkpoints = [n for n in map(int, args.checkpoints.split(",")) if n <= args.triples]
    if args.queries_only and not args.out:
        ap.error("--queries-only needs --out: the store built by an earlier run")
    with tempfile.TemporaryDirectory(dir=args.out.parent if args.out else None) as tmp:
        out = args.out or Path(tmp)
        row: dict[str, Any] = {}
        if not args.queries_only:
            row = build_store(out, corpus, args.triples, args.batch_docs, checkpoints)
            row["incremental_cpu_s"] = incremental_cost(out, corpus, args.new_docs)
            row["rss_after_build_mb"] = round(_rss_mb())
        if not args.no_queries:
            row.update(query_latency(out, corpus, args.new_docs, args.repeat,
                                     args.compare_queries, args.queries))
    row.update(peak_rss_mb=round(_rss_mb()), load_start=round(load0, 2),
               load_end=round(os.getloadavg()[0], 2),
               cpu_s=round(time.process_time() - cpu0, 1))
    info = {**machine(), "triples": args.triples, "actors": args.actors,
            "relation_slots": args.relations, "per_doc": args.per_doc,
            "batch_docs": args.batch_docs}
    report_row("store_scale", info, row, args.results)
    return 0


if __name__ == "__main__":
    sys.exit(main())
