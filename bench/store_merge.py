"""Embedded store merge time for synthetic triples (default 1,000,000).

    python bench/store_merge.py                        # 1M triples, 10 per document
    python bench/store_merge.py --triples 200000 --actors 5000 --checkpoint 500

Triples are generated on the fly (a fixed seed): ``--actors`` actors drawn with a skewed
(Zipf-like) popularity, 12 relation types, one in ten not asserted, ``--per-doc`` triples
per document. Timed separately: merging (``GraphStore.add_document``), one save
(``triples.jsonl`` appended and ``graph.json`` written atomically), and loading it back.
``--checkpoint N`` also saves every N documents, as ``build`` does, to show what periodic
atomic saves cost as the graph grows. Peak RSS of this process is reported too.
"""

from __future__ import annotations

import argparse
import os
import random
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

import psutil

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
MODALITIES = ["hypothetical", "future", "reported", "requested", "intended"]


def documents(n_triples: int, per_doc: int, n_actors: int, seed: int) -> Iterator[tuple]:
    from actorgraph.extract.triples import ActorRef, Triple
    from actorgraph.graph.store import DocumentRecord

    rnd = random.Random(seed)
    types = ["PERSON", "COUNTRY", "ORGANIZATION", "ARMED_GROUP"]
    actors = [ActorRef(id=f"actor:{i}", name=f"Actor {i}", text=f"Actor {i}",
                       type=types[i % 4], country=None if i % 3 else "USA")
              for i in range(n_actors)]
    weights = [1 / (i + 1) for i in range(n_actors)]
    made = 0
    doc = 0
    while made < n_triples:
        doc_id = f"doc-{doc:08d}"
        k = min(per_doc, n_triples - made)
        subj = rnd.choices(actors, weights, k=k)
        obj = rnd.choices(actors, weights, k=k)
        triples = []
        for j in range(k):
            rel, plover, quad = RELATIONS[rnd.randrange(len(RELATIONS))]
            odd = rnd.random() < 0.1
            start = 80 * j
            triples.append(Triple(
                doc=doc_id, sentence=f"{subj[j].name} {rel.lower()} {obj[j].name} ({j}).",
                start=start, end=start + 40, subject=subj[j], relation=rel, object=obj[j],
                plover=plover, quad=quad, trigger=rel.lower(), negated=odd and j % 2 == 0,
                modality=rnd.choice(MODALITIES) if odd and j % 2 else "asserted",
                confidence=round(rnd.random(), 3), doc_hash=f"h{doc}"))
        yield DocumentRecord(id=doc_id, hash=f"h{doc}", title=f"Doc {doc}"), triples
        made += k
        doc += 1


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--triples", type=int, default=1_000_000)
    ap.add_argument("--per-doc", type=int, default=10)
    ap.add_argument("--actors", type=int, default=5000)
    ap.add_argument("--checkpoint", type=int, default=0,
                    help="also save every N documents, as build does (0: only at the end)")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--results", type=Path, help="append JSON results to this file")
    args = ap.parse_args(argv)

    from actorgraph.graph.store import GRAPH_FILE, TRIPLES_FILE, GraphStore

    info = machine()
    out = Path(tempfile.mkdtemp(prefix="ag-store-"))
    me = psutil.Process()
    store = GraphStore()
    merge_s = save_s = 0.0
    saves = n_docs = 0
    for record, triples in documents(args.triples, args.per_doc, args.actors, args.seed):
        t0 = time.perf_counter()
        store.add_document(record, triples)
        merge_s += time.perf_counter() - t0
        n_docs += 1
        if args.checkpoint and n_docs % args.checkpoint == 0:
            t0 = time.perf_counter()
            store.save(out)
            save_s += time.perf_counter() - t0
            saves += 1
    t0 = time.perf_counter()
    store.save(out)
    final_save_s = time.perf_counter() - t0
    stats = store.stats()
    rss_after_merge = me.memory_info().rss
    del store
    t0 = time.perf_counter()
    loaded = GraphStore.load(out / GRAPH_FILE)
    load_s = time.perf_counter() - t0
    assert loaded.stats() == stats
    row = {"triples": args.triples, "documents": n_docs, "actors": stats["actors"],
           "relations": stats["relations"], "merge_s": round(merge_s, 1),
           "merge_triples_per_s": round(args.triples / merge_s),
           "checkpoint": args.checkpoint, "checkpoint_saves": saves,
           "checkpoint_save_s": round(save_s, 1), "final_save_s": round(final_save_s, 1),
           "load_s": round(load_s, 1),
           "graph_json_mb": round((out / GRAPH_FILE).stat().st_size / 2**20, 1),
           "triples_jsonl_mb": round((out / TRIPLES_FILE).stat().st_size / 2**20, 1),
           "rss_after_merge_mb": round(rss_after_merge / 2**20)}
    for k, v in row.items():
        print(f"{k:>22}: {v}")
    info["load_avg_end"] = [round(x, 2) for x in os.getloadavg()]
    report("store_merge", info, [row], args.results)
    return 0


if __name__ == "__main__":
    sys.exit(main())
