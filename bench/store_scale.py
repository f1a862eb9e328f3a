"""The store of record at scale: per-batch commit time, memory, incremental cost, queries.

    python bench/store_scale.py                       # 1,000,000 triples
    python bench/store_scale.py --triples 200000 --results bench/results.jsonl

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
  ``top_actors``, the "first query after a build"); the median of warm library queries;
- load average at start and end, CPU seconds of the whole run.
"""

from __future__ import annotations

import argparse
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

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _common import machine, report  # noqa: E402

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


def query_latency(out: Path, corpus: Corpus, new_docs: int, repeat: int) -> dict:
    from actorgraph.graph.cypher import open_cypher
    from actorgraph.graph.cypher_index import sync_index
    from actorgraph.graph.store import open_writer

    t0 = time.monotonic()
    full = sync_index(out)
    res = {"index_full_s": round(time.monotonic() - t0, 1), "index_mode": full["mode"]}
    with open_writer(out) as w:
        w.add_batch(list(corpus.documents(new_docs * corpus.per_doc, prefix="late")))
    # What the end of a build now does (actorgraph.pipeline._refresh_index), then a query.
    t0 = time.monotonic()
    inc = sync_index(out)
    res["index_sync_new_docs_s"] = round(time.monotonic() - t0, 2)
    res["index_sync_mode"] = inc["mode"]
    calls = [("top_actors", {}), ("conflict", {}), ("relation_summary", {}),
             ("actor_relations", {"actor": "actor:1"}),
             ("pair_evidence", {"a": "actor:0", "b": "actor:1"})]
    t0 = time.monotonic()
    with open_cypher(out) as g:
        g.run_library(*calls[0])
        res["first_query_s"] = round(time.monotonic() - t0, 2)
        warm: dict[str, float] = {}
        for name, params in calls:
            samples = []
            for _ in range(repeat):
                q0 = time.perf_counter()
                g.run_library(name, params)
                samples.append(time.perf_counter() - q0)
            warm[name] = round(statistics.median(samples) * 1000, 1)
    res["warm_ms"] = warm
    res["warm_median_ms"] = round(statistics.median(warm.values()), 1)
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
    ap.add_argument("--out", type=Path, help="store directory (default: a temporary one)")
    ap.add_argument("--results", type=Path)
    args = ap.parse_args(argv)
    load0, cpu0 = os.getloadavg()[0], time.process_time()
    corpus = Corpus(args.actors, args.relations, args.per_doc, seed=42)
    checkpoints = [n for n in map(int, args.checkpoints.split(",")) if n <= args.triples]
    with tempfile.TemporaryDirectory(dir=args.out.parent if args.out else None) as tmp:
        out = args.out or Path(tmp)
        row = build_store(out, corpus, args.triples, args.batch_docs, checkpoints)
        row["incremental_cpu_s"] = incremental_cost(out, corpus, args.new_docs)
        row["rss_after_build_mb"] = round(_rss_mb())
        if not args.no_queries:
            row.update(query_latency(out, corpus, args.new_docs, args.repeat))
    row.update(peak_rss_mb=round(_rss_mb()), load_start=round(load0, 2),
               load_end=round(os.getloadavg()[0], 2),
               cpu_s=round(time.process_time() - cpu0, 1))
    info = {**machine(), "triples": args.triples, "actors": args.actors,
            "relation_slots": args.relations, "per_doc": args.per_doc,
            "batch_docs": args.batch_docs}
    report("store_scale", info, [row], args.results)
    for key, value in row.items():
        print(f"{key:>22}: {value}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
