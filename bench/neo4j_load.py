"""Bolt load throughput: triples merged per second by batch size, against one MERGE per row.

Starts its own ArcadeDB test server (tests/bolt_server.py; never touches a real database),
builds a synthetic store of one-triple documents (so a batch of N triples is N rows of
every statement: Document, Mention with its three links, Actor, relationship and
MENTIONED_IN), loads it with :func:`actorgraph.graph.neo4j.load_store` at each batch size
into an emptied database, and times the naive alternative: one auto-commit ``MERGE``
statement per triple doing the same v2 writes (no ledger).

    .venv/bin/python bench/neo4j_load.py                 # batch sizes 1 100 1000 10000
    .venv/bin/python bench/neo4j_load.py --rows 2000 --batch-sizes 100 1000

Relationships (and their actor endpoints) are drawn from a pool of 2,000 actors with a
skew (a few actors in most stories, as in news), one in five statements is a claim, and
documents come from a handful of outlets over a year, so merges hit existing relationships
and the loader recounts their outlets, as it would on a real corpus.
"""

from __future__ import annotations

import argparse
import datetime as dt
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
from actorgraph.graph.store import DocumentRecord, MemoryStore  # noqa: E402

# Rows timed per batch size: enough for several batches, bounded where it is slow.
DEFAULT_ROWS = {1: 300, 100: 5000, 1000: 20000, 5000: 40000, 10000: 40000}
NAIVE_ROWS = 300


OUTLETS = ["AP", "Reuters", "AFP", "BBC", "Al Jazeera", "TASS", "Xinhua", "DPA"]
MODALITIES = ["hypothetical", "future", "reported", "requested"]


def synthetic_store(out: Path, rows: int, actors: int = 2000, seed: int = 1) -> Path:
    rng = random.Random(seed)
    types = relation_types()
    store = MemoryStore()
    start = dt.date(2024, 1, 1)
    for k in range(rows):
        # Skewed endpoints: min of two draws favours low ids, as news favours a few actors.
        s = min(rng.randrange(actors), rng.randrange(actors))
        o = min(rng.randrange(actors), rng.randrange(actors))
        sa = ActorRef(f"person:{s}", f"Person {s}", f"Person {s}", "PERSON")
        oa = ActorRef(f"person:{o}", f"Person {o}", f"Person {o}", "PERSON")
        sentence = f"Person {s} and Person {o} in sentence {k}."
        day = (start + dt.timedelta(days=rng.randrange(365))).isoformat()
        doc = DocumentRecord(id=f"doc-{k}", hash=f"bench-{seed}-{k}", title=f"Doc {k}",
                             date=day, source=rng.choice(OUTLETS),
                             url=f"https://example.org/{k}")
        claim = rng.random() < 0.2
        t = Triple(doc.id, sentence, 0, len(sentence), sa, rng.choice(types[:8]), oa,
                   "CONSULT", "VERBAL_COOPERATION", "t", confidence=rng.random(),
                   modality=rng.choice(MODALITIES) if claim else "asserted",
                   doc_hash=doc.hash, date=day, date_precision="day", date_source="document")
        store.add_document(doc, [t])
    store.save(out)
    return out


def wipe(settings) -> None:
    # Only ever called on the server this script started.
    run_query(settings, "MATCH (n) DETACH DELETE n", write=True)


# One statement per triple doing the loader's v2 writes with MERGE everywhere: document,
# both actors, the mention and its three links, the relationship (vocabulary type for a
# fact, CLAIM otherwise) with counts and dates, MENTIONED_IN for both actors.
NAIVE_ROW = """
MERGE (d:Document {{hash: $hash}})
ON CREATE SET d.id = $doc, d.title = $title, d.date = $date, d.source = $source,
              d.url = $url, d.triples = 1
MERGE (s:Actor {{id: $s}}) ON CREATE SET s.name = $sn, s.type = $st, s.aliases = [],
                                        s.mentions = 0, s.asserted_mentions = 0
SET s.mentions = s.mentions + 1, s.asserted_mentions = s.asserted_mentions + $fact,
    s.aliases = CASE WHEN $sa IN s.aliases THEN s.aliases ELSE s.aliases + $sa END,
    s.first_seen = CASE WHEN s.first_seen IS NULL OR $day < s.first_seen THEN $day
                        ELSE s.first_seen END,
    s.last_seen = CASE WHEN s.last_seen IS NULL OR $day > s.last_seen THEN $day
                       ELSE s.last_seen END
MERGE (o:Actor {{id: $o}}) ON CREATE SET o.name = $on, o.type = $ot, o.aliases = [],
                                        o.mentions = 0, o.asserted_mentions = 0
SET o.mentions = o.mentions + 1, o.asserted_mentions = o.asserted_mentions + $fact,
    o.aliases = CASE WHEN $oa IN o.aliases THEN o.aliases ELSE o.aliases + $oa END,
    o.first_seen = CASE WHEN o.first_seen IS NULL OR $day < o.first_seen THEN $day
                        ELSE o.first_seen END,
    o.last_seen = CASE WHEN o.last_seen IS NULL OR $day > o.last_seen THEN $day
                       ELSE o.last_seen END
MERGE (m:Mention {{id: $mid}}) ON CREATE SET m += $mention
MERGE (m)-[:SUBJECT]->(s)
MERGE (m)-[:OBJECT]->(o)
MERGE (m)-[:IN_DOCUMENT]->(d)
MERGE {pattern}
ON CREATE SET e.count = 0, e.plover = $plover, e.quad = $quad, e.confidence = 0.0,
              e.documents = 0, e.outlets = 1
SET e.count = e.count + 1, e.documents = e.documents + 1,
    e.confidence = CASE WHEN $conf > e.confidence THEN $conf ELSE e.confidence END,
    e.first_seen = CASE WHEN e.first_seen IS NULL OR $day < e.first_seen THEN $day
                        ELSE e.first_seen END,
    e.last_seen = CASE WHEN e.last_seen IS NULL OR $day > e.last_seen THEN $day
                       ELSE e.last_seen END
MERGE (s)-[m1:MENTIONED_IN]->(d) ON CREATE SET m1.count = 0
SET m1.count = m1.count + 1
MERGE (o)-[m2:MENTIONED_IN]->(d) ON CREATE SET m2.count = 0
SET m2.count = m2.count + 1
"""


def naive(settings, store_dir: Path, rows: int) -> float:
    """One auto-commit statement per triple doing the same writes as the loader (without
    the ledger check and the outlet recount): the pattern the batched loader replaces."""
    from actorgraph.graph.model import mention_row
    from actorgraph.graph.neo4j import store_documents

    docs, _ = store_documents(store_dir)
    work = [(d, t) for d, ts in docs for t in ts][:rows]
    with connect(settings) as driver, driver.session(database=settings.database) as session:
        started = time.perf_counter()
        for d, t in work:
            m = mention_row(t, 0, d.hash)
            mention = {k: v for k, v in m.items() if k not in ("subject", "object", "doc_hash")}
            pattern = (f"(s)-[e:{checked_relation_type(t.relation)}]->(o)" if t.asserted else
                       "(s)-[e:CLAIM {relation: $rel, factuality: $f}]->(o)")
            session.run(
                NAIVE_ROW.format(pattern=pattern),
                hash=d.hash, doc=d.id, title=d.title, date=dt.date.fromisoformat(d.date),
                source=d.source, url=d.url, s=t.subject.id, sn=t.subject.name,
                st=t.subject.type, sa=t.subject.text, o=t.object.id, on=t.object.name,
                ot=t.object.type, oa=t.object.text, fact=int(t.asserted), day=m["date"],
                mid=m["id"], mention=mention, rel=t.relation, f=t.factuality,
                plover=t.plover, quad=t.quad, conf=round(t.confidence, 3)).consume()
        return len(work) / (time.perf_counter() - started)


def _compare(settings, full: Path, store: Path, batch_size: int) -> None:
    """One line: the per-row MERGE rate measured just before, then ``load_store`` at
    ``batch_size``, each into an emptied database. Measuring the baseline next to each load
    keeps the ratio fair on a shared machine, where a rate measured minutes apart can
    differ by 3x or more."""
    wipe(settings)
    rate = naive(settings, full, NAIVE_ROWS)
    check = run_query(settings, "MATCH (:Actor)-[r]->(:Actor) RETURN sum(r.count) AS n")
    assert check.rows == [[NAIVE_ROWS]], check.rows
    wipe(settings)
    started = time.perf_counter()
    summary = load_store(store, settings, batch_size=batch_size)
    secs = time.perf_counter() - started
    speed = summary.triples_loaded / secs
    print(f"{f'load_store batch_size={batch_size}':<32}{summary.triples_loaded:>9}"
          f"{secs:>10.2f}{speed:>12.0f}{rate:>15.0f}{f'{speed / rate:.1f}x':>9}"
          f"{summary.relationships_created:>14}", flush=True)


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
    ap.add_argument("--batch-sizes", type=int, nargs="+",
                    default=[1, 100, 1000, 5000, 10000])
    ap.add_argument("--rows", type=int, default=None,
                    help="triples per run (default: 300 at batch 1 ... 40000 at 10000)")
    ap.add_argument("--server-setting", action="append", default=[], metavar="NAME=VALUE",
                    help="an ArcadeDB setting for the bench's server, e.g. "
                         "backup.enabled=false (repeatable)")
    ap.add_argument("--heap", default="1g", help="the server's JVM heap (default 1g)")
    args = ap.parse_args(argv)
    extra = dict(kv.split("=", 1) for kv in args.server_setting)

    with BoltServer(settings=extra, heap=args.heap) as server, tempfile.TemporaryDirectory() as tmp:
        settings = server.settings()
        print(machine(settings))
        print(f"server settings: heap {args.heap}"
              + "".join(f", {k}={v}" for k, v in extra.items()))
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
              f"{'MERGE/row t/s':>15}{'speedup':>9}{'rels created':>14}")
        for b in args.batch_sizes:
            rows = args.rows or DEFAULT_ROWS.get(b, 5000)
            store = full if rows == most else synthetic_store(Path(tmp) / f"b{b}", rows)
            _compare(settings, full, store, b)
        print(f"\n(MERGE/row: {NAIVE_ROWS} triples, one auto-commit MERGE statement each doing "
              "the same writes minus the ledger check and the recount, measured just before "
              "each load. load_store figures include connecting, schema statements, the "
              "ledger check, the outlet recount and the commit. Relationships created "
              "include SUBJECT, OBJECT, IN_DOCUMENT and MENTIONED_IN.)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
