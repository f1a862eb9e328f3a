"""Latency of the query library on the embedded Cypher graph (LadybugDB), at scale.

Builds a synthetic store (default 100k actors and 500k relationships, from documents of 50
relation mentions each), saves it, builds the Ladybug database from it (the load time), then
runs every ``queries/*.cypher`` file several times and prints the median and worst latency.

    .venv/bin/python bench/query_latency.py                    # full size, ~2-4 min
    .venv/bin/python bench/query_latency.py --actors 2000 --relations 10000   # quick

Actor degrees follow a Zipf-like law (a few hubs, a long tail), as in news, and a fifth of
the mentions are non-asserted (negated or a modality), so every library query has rows.
"""

from __future__ import annotations

import argparse
import os
import platform
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _common import cpu_model, ram_gib  # noqa: E402

from actorgraph.extract.lexicon import load_relations
from actorgraph.extract.triples import MODALITIES, ActorRef, Triple
from actorgraph.graph.cypher import open_cypher
from actorgraph.graph.cypher_index import index_path, sync_index
from actorgraph.graph.query import library_queries
from actorgraph.graph.store import DocumentRecord, MemoryStore

COUNTRIES = ["USA", "RUS", "SYR", "IRQ", "IRN", "FRA", "GBR", "TUR", "CHN", "DEU", None]
TYPES = ["PERSON", "ORG", "GPE", "NORP"]


def synthetic_store(n_actors: int, n_relations: int, seed: int = 7,
                    per_doc: int = 50) -> MemoryStore:
    """Documents of ``per_doc`` mentions until the store holds ``n_relations`` relationships
    (distinct source, target, type, factuality) among exactly ``n_actors`` actors."""
    rng = random.Random(seed)
    vocab = load_relations()
    types = [vocab.get(n) for n in vocab.names()]
    actors = [
        ActorRef(
            id=f"actor:{i}", name=f"Actor {i}", text=f"A{i}", type=TYPES[i % len(TYPES)],
            country=COUNTRIES[i % len(COUNTRIES)],
        )
        for i in range(n_actors)
    ]
    # Zipf-ish: actor k is picked with weight 1/(k+1)^0.8, so hubs exist but do not dominate.
    cum = _accumulate([1.0 / (k + 1) ** 0.8 for k in range(n_actors)])
    store = MemoryStore()
    unused = 0  # actors not yet in the store are taken first, so all n_actors appear
    seen: set[tuple[str, str, str, str]] = set()  # relationship keys, as the store merges
    d = 0
    while len(seen) < n_relations:
        doc = f"doc{d}"
        subjects = rng.choices(actors, cum_weights=cum, k=per_doc)
        objects = rng.choices(actors, cum_weights=cum, k=per_doc)
        triples = []
        for j, (s, o) in enumerate(zip(subjects, objects, strict=True)):
            if unused < n_actors:
                s, unused = actors[unused], unused + 1
            if s.id == o.id:
                o = actors[(int(o.id.split(":")[1]) + 1) % n_actors]
            rt = rng.choice(types)
            modality = "asserted" if rng.random() < 0.8 else rng.choice(MODALITIES[1:])
            triples.append(Triple(
                doc=doc, sentence=f"{s.name} and {o.name}: sentence {j} of {doc}.",
                start=j * 100, end=j * 100 + 60, subject=s, relation=rt.name, object=o,
                plover=rt.plover, quad=rt.quad, trigger=rt.name.lower(),
                negated=rng.random() < 0.05, modality=modality,
                confidence=round(rng.random(), 3), doc_hash=f"h{d}",
            ))
        kept = []
        for t in triples:
            if len(seen) >= n_relations:
                break
            seen.add((t.subject.id, t.object.id, t.relation, t.factuality))
            kept.append(t)
        store.add_document(DocumentRecord(id=doc, hash=f"h{d}", title=f"Document {d}"), kept)
        d += 1
    return store


def _accumulate(xs: list[float]) -> list[float]:
    total, out = 0.0, []
    for x in xs:
        total += x
        out.append(total)
    return out


def _loadavg() -> str:
    try:
        return " ".join(f"{x:.1f}" for x in os.getloadavg())
    except OSError:
        return "?"


def machine() -> str:
    import ladybug
    import networkx
    import pyarrow

    cpu, mem = cpu_model(), f", {ram_gib():.0f} GiB RAM"
    return (
        f"{platform.system()} {platform.release()}, {cpu}, {os.cpu_count()} cores{mem}\n"
        f"Python {platform.python_version()}, ladybug {ladybug.__version__}, "
        f"pyarrow {pyarrow.__version__}, networkx {networkx.__version__}; "
        f"load average {_loadavg()} (other processes share the cores)"
    )


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--actors", type=int, default=100_000)
    ap.add_argument("--relations", type=int, default=500_000,
                    help="distinct relationships (source, target, type, factuality)")
    ap.add_argument("--repeat", type=int, default=5)
    ap.add_argument("--out", help="directory to build in (default: a temporary one)")
    args = ap.parse_args(argv)

    print(machine())
    out = Path(args.out or tempfile.mkdtemp(prefix="actorgraph-bench-"))
    t0 = time.perf_counter()
    store = synthetic_store(args.actors, args.relations)
    t1 = time.perf_counter()
    store_file = store.save(out)
    t2 = time.perf_counter()
    stats = store.stats()
    store.close()
    print(f"store: {stats['actors']} actors, {stats['relations']} relationships "
          f"({stats['asserted_relations']} asserted), {stats['mentions']} mentions, "
          f"{stats['documents']} documents; store.sqlite {store_file.stat().st_size / 1e6:.0f} MB")
    print(f"synthesise + merge {t1 - t0:.1f} s, save {t2 - t1:.1f} s")

    t3, c3 = time.perf_counter(), time.process_time()
    sync_index(out)
    t4, c4 = time.perf_counter(), time.process_time()
    size = index_path(out).stat().st_size / 1e6
    print(f"load into Ladybug (full index sync from store.sqlite): {t4 - t3:.1f} s "
          f"(CPU {c4 - c3:.1f} s), graph.lbug {size:.0f} MB")

    t5 = time.perf_counter()
    g = open_cypher(out)
    t6 = time.perf_counter()
    print(f"open (index current? + open read-only): {(t6 - t5) * 1000:.0f} ms")

    hub = "actor 0"
    params = {"actor": hub, "a": "Actor 0", "b": "actor:1"}
    print(f"\n{'query':<20} {'rows':>6} {'first ms':>9} {'median ms':>10} {'max ms':>8} "
          f"{'CPU ms':>8}")
    with g:
        for name, q in library_queries().items():
            p = {k: v for k, v in params.items() if k in q.params}
            times, cpu = [], []
            rows = 0
            for _ in range(args.repeat + 1):
                s, c = time.perf_counter(), time.process_time()
                rows = len(g.run_library(name, p).rows)
                times.append((time.perf_counter() - s) * 1000)
                cpu.append((time.process_time() - c) * 1000)
            print(f"{name:<20} {rows:>6} {times[0]:>9.1f} {statistics.median(times[1:]):>10.1f} "
                  f"{max(times[1:]):>8.1f} {statistics.median(cpu[1:]):>8.1f}")
    print(f"\n(built in {out}; params {params}; {args.repeat} timed runs after the first; "
          f"CPU = this process, all threads; load average now {_loadavg()})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
