"""Bolt load throughput: triples merged per second by batch size, against one MERGE per row.

Starts its own ArcadeDB test server (tests/bolt_server.py; never touches a real database),
builds a synthetic store of one-triple documents (so a batch of N triples is N rows of
every statement: Document, Actor, relationship and MENTIONED_IN merges), loads it with
:func:`actorgraph.graph.neo4j.load_store` at each batch size into an emptied database, and
times the naive alternative: one auto-commit ``MERGE`` statement per triple (no ledger).

    .venv/bin/python bench/neo4j_load.py                 # batch sizes 1 100 1000 10000
    .venv/bin/python bench/neo4j_load.py --rows 2000 --batch-sizes 100 1000

Relationships (and their actor endpoints) are drawn from a pool, so most merges hit an
existing relationship and increment it, as in a real news corpus.
"""

from __future__ import annotations

import argparse
import os
import platform
import random
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from _common import cpu_model, ram_gib  # noqa: E402
from bolt_server import BoltServer  # noqa: E402

from actorgraph.extract.triples import ActorRef, Triple  # noqa: E402
from actorgraph.graph.model import checked_relation_type, relation_types  # noqa: E402
from actorgraph.graph.neo4j import connect, load_store, run_query  # noqa: E402
from actorgraph.graph.store import DocumentRecord, GraphStore  # noqa: E402

# Rows timed per batch size: enough for several batches, bounded where it is slow.
DEFAULT_ROWS = {1: 300, 100: 5000, 1000: 20000, 10000: 40000}
NAIVE_ROWS = 300


def synthetic_store(out: Path, rows: int, actors: int = 2000, seed: int = 1) -> Path:
    rng = random.Random(seed)
    types = relation_types()
    store = GraphStore()
    for k in range(rows):
        s, o = rng.randrange(actors), rng.randrange(actors)
        sa = ActorRef(f"person:{s}", f"Person {s}", f"Person {s}", "PERSON")
        oa = ActorRef(f"person:{o}", f"Person {o}", f"Person {o}", "PERSON")
        sentence = f"Person {s} and Person {o} in sentence {k}."
        doc = DocumentRecord(id=f"doc-{k}", hash=f"bench-{seed}-{k}", title=f"Doc {k}")
        t = Triple(doc.id, sentence, 0, len(sentence), sa, rng.choice(types[:8]), oa,
                   "CONSULT", "VERBAL_COOPERATION", "t", confidence=rng.random(),
                   doc_hash=doc.hash)
        store.add_document(doc, [t])
    store.save(out)
    return out


def wipe(settings) -> None:
    # Only ever called on the server this script started.
    run_query(settings, "MATCH (n) DETACH DELETE n", write=True)


NAIVE_ROW = """
MERGE (d:Document {{hash: $hash}}) ON CREATE SET d.id = $doc, d.title = $title, d.triples = 1
MERGE (s:Actor {{id: $s}}) ON CREATE SET s.name = $sn, s.type = $st, s.aliases = [],
                                        s.mentions = 0
SET s.mentions = s.mentions + 1,
    s.aliases = CASE WHEN $sa IN s.aliases THEN s.aliases ELSE s.aliases + $sa END
MERGE (o:Actor {{id: $o}}) ON CREATE SET o.name = $on, o.type = $ot, o.aliases = [],
                                        o.mentions = 0
SET o.mentions = o.mentions + 1,
    o.aliases = CASE WHEN $oa IN o.aliases THEN o.aliases ELSE o.aliases + $oa END
MERGE (s)-[e:{rtype} {{factuality: $f}}]->(o)
ON CREATE SET e.asserted = $asserted, e.plover = $plover, e.quad = $quad, e.count = 0,
              e.confidence = 0.0, e.docs = [], e.evidence = [], e.evidence_docs = []
SET e.count = e.count + 1,
    e.confidence = CASE WHEN $conf > e.confidence THEN $conf ELSE e.confidence END,
    e.docs = CASE WHEN $doc IN e.docs THEN e.docs ELSE e.docs + $doc END,
    e.evidence = CASE WHEN size(e.evidence) < 20 THEN e.evidence + $sentence
                      ELSE e.evidence END,
    e.evidence_docs = CASE WHEN size(e.evidence_docs) < 20 THEN e.evidence_docs + $doc
                           ELSE e.evidence_docs END
MERGE (s)-[m1:MENTIONED_IN]->(d) ON CREATE SET m1.count = 0
SET m1.count = m1.count + 1
MERGE (o)-[m2:MENTIONED_IN]->(d) ON CREATE SET m2.count = 0
SET m2.count = m2.count + 1
"""


def naive(settings, store_dir: Path, rows: int) -> float:
    """One auto-commit statement per triple doing the same writes as the loader (document,
    actors, relationship with counts and evidence, MENTIONED_IN), without a ledger check:
    the pattern the batched loader replaces."""
    from actorgraph.graph.neo4j import iter_store_documents

    docs = [(d, t) for d, ts in iter_store_documents(store_dir) for t in ts][:rows]
    with connect(settings) as driver, driver.session(database=settings.database) as session:
        started = time.perf_counter()
        for d, t in docs:
            session.run(
                NAIVE_ROW.format(rtype=checked_relation_type(t.relation)),
                hash=d.hash, doc=d.id, title=d.title, s=t.subject.id, sn=t.subject.name,
                st=t.subject.type, sa=t.subject.text, o=t.object.id, on=t.object.name,
                ot=t.object.type, oa=t.object.text, f=t.factuality, asserted=t.asserted,
                plover=t.plover, quad=t.quad, conf=round(t.confidence, 3),
                sentence=t.sentence).consume()
        return len(docs) / (time.perf_counter() - started)


def machine(settings) -> str:
    import neo4j

    cpu, mem = cpu_model(), ram_gib()
    with connect(settings) as driver:
        agent = driver.get_server_info().agent
    return (f"{platform.system()} {platform.release()}, {cpu}, {os.cpu_count()} cores, "
            f"{mem:.0f} GiB; Python {platform.python_version()}, neo4j driver "
            f"{neo4j.__version__}; server {agent}")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--batch-sizes", type=int, nargs="+", default=[1, 100, 1000, 10000])
    ap.add_argument("--rows", type=int, default=None,
                    help="triples per run (default: 300 at batch 1 ... 40000 at 10000)")
    args = ap.parse_args(argv)

    with BoltServer() as server, tempfile.TemporaryDirectory() as tmp:
        settings = server.settings()
        print(machine(settings))
        most = max([args.rows or DEFAULT_ROWS.get(b, 5000) for b in args.batch_sizes]
                   + [NAIVE_ROWS])
        t0 = time.perf_counter()
        full = synthetic_store(Path(tmp) / "full", most)
        print(f"synthetic store: {most} one-triple documents "
              f"({time.perf_counter() - t0:.1f}s to build)\n")
        # Warm the server's JIT first, or whichever method runs first looks slowest.
        warm = synthetic_store(Path(tmp) / "warm", 2000, seed=99)
        load_store(warm, settings, batch_size=200)
        naive(settings, warm, 200)
        wipe(settings)
        print(f"{'method':<32}{'triples':>9}{'seconds':>10}{'triples/s':>12}"
              f"{'rels created':>14}  (incl. MENTIONED_IN)")
        for b in args.batch_sizes:
            rows = args.rows or DEFAULT_ROWS.get(b, 5000)
            store = full if rows == most else synthetic_store(Path(tmp) / f"b{b}", rows)
            wipe(settings)
            started = time.perf_counter()
            summary = load_store(store, settings, batch_size=b)
            secs = time.perf_counter() - started
            print(f"{f'load_store batch_size={b}':<32}{summary.triples_loaded:>9}"
                  f"{secs:>10.2f}{summary.triples_loaded / secs:>12.0f}"
                  f"{summary.relationships_created:>14}", flush=True)
        wipe(settings)
        rate = naive(settings, full, NAIVE_ROWS)
        check = run_query(settings, "MATCH (:Actor)-[r]->(:Actor) RETURN sum(r.count) AS n")
        assert check.rows == [[NAIVE_ROWS]], check.rows
        print(f"{'one auto-commit MERGE per row':<32}{NAIVE_ROWS:>9}"
              f"{NAIVE_ROWS / rate:>10.2f}{rate:>12.0f}{'':>14}")
        print("\n(load_store figures include connecting, schema statements, the ledger "
              "check and the commit; the naive rows do the same writes minus the ledger check.)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
