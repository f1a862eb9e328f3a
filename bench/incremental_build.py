"""The cost of a small build into a big store: ``actorgraph build`` of 10 real documents into
a copy of a big synthetic store against the same build into an empty OUT (issue 15).

    flock /tmp/bench.lock .venv/bin/python bench/incremental_build.py --triples 300000
    flock /tmp/bench.lock .venv/bin/python bench/incremental_build.py --triples 1000000 --skew hub

The big store is made once with ``store_scale.py``'s synthetic corpus (``--skew uniform``:
actors drawn uniformly; ``--skew hub``: a few hub actors take part in most relations) and
kept under ``--cache`` (default ``/tmp/agbench``). Each run copies it, then times the CPU of
the whole ``actorgraph build`` subprocess (``RUSAGE_CHILDREN``: parse, extract, commit, the
page) into the copy and into an empty OUT, ``--repeat`` times interleaved, and prints the
medians, their ratio, the load average and the CPU seconds. ``--view-max-nodes all`` renders
the whole store as builds did before the page was capped (the old cost). A second build of
the same documents into the copy (nothing new: the page is not re-rendered) is timed too.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _common import ROOT, machine, report_row  # noqa: E402
from store_scale import Corpus, build_store  # noqa: E402

DATA_DIRS = [ROOT.parent / "shared" / "data", ROOT.parents[1] / "shared" / "data"]


class HubCorpus(Corpus):
    """The synthetic corpus with hub-heavy actors: actor ``i`` is drawn with a probability
    falling steeply with ``i`` (about one slot in twenty has actor 0 as subject)."""

    def __init__(self, n_actors: int, n_relations: int, per_doc: int, seed: int) -> None:
        super().__init__(n_actors, n_relations, per_doc, seed)
        r = random.Random(seed + 1)

        def pick() -> int:
            return min(int(n_actors * r.random() ** 4), n_actors - 1)

        self.slots = [(pick(), pick(), ri, fact) for _, _, ri, fact in self.slots]


def big_store(cache: Path, triples: int, skew: str, actors: int, relations: int) -> Path:
    """The big store for these settings, built once (``store.sqlite`` plus a done marker)."""
    out = cache / f"store-{skew}-{triples}"
    done = out / "done.json"
    if done.is_file():
        return out
    shutil.rmtree(out, ignore_errors=True)
    out.mkdir(parents=True)
    cls = HubCorpus if skew == "hub" else Corpus
    t0 = time.monotonic()
    row = build_store(out, cls(actors, relations, 10, seed=42), triples, 200, [])
    row["build_wall_s"] = round(time.monotonic() - t0, 1)
    done.write_text(json.dumps(row, default=str))
    print(f"# built {out}: {row['stats']} in {row['build_wall_s']} s", flush=True)
    return out


def real_documents(dest: Path, n: int) -> Path:
    """``n`` real news-like documents as one JSONL file: re3d's CENTCOM and State Department
    press releases from ../shared/data (the project's two seeds when that is absent)."""
    for base in DATA_DIRS:
        rows = []
        for source in ("CENTCOM", "US_State_Department", "UK_Government"):
            path = base / "re3d" / source / "documents.json"
            if path.is_file():
                for line in path.read_text(encoding="utf-8").splitlines():
                    d = json.loads(line)
                    rows.append({"id": d["_id"], "title": d.get("title"), "text": d["text"],
                                 "url": d.get("sourceUrl"), "source": d.get("sourceName")})
        if len(rows) >= n:
            out = dest / "docs.jsonl"
            out.write_text("".join(json.dumps(r) + "\n" for r in rows[:n]), encoding="utf-8")
            return out
    print("# ../shared/data absent: using seeds/ (2 documents)")
    return ROOT / "seeds"


def timed_build(docs: Path, out: Path, extra: list[str]) -> tuple[float, str]:
    """CPU seconds (user + system) of one ``actorgraph build`` process, and its output."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    proc = subprocess.run([sys.executable, "-m", "actorgraph", "build", str(docs), "-o",
                           str(out), *extra], capture_output=True, text=True)
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if proc.returncode not in (0, 1):
        sys.exit(f"build failed ({proc.returncode}): {proc.stderr.strip()[-400:]}")
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return cpu, proc.stdout + proc.stderr


def copy_store(src: Path, dest: Path) -> None:
    dest.mkdir(parents=True)
    shutil.copy2(src / "store.sqlite", dest / "store.sqlite")


def run(big: Path, docs: Path, repeat: int, extra: list[str], tmp: Path) -> dict:
    alone, into, again = [], [], []
    note = ""
    for i in range(repeat):
        empty = tmp / f"empty-{i}"
        cpu, _ = timed_build(docs, empty, extra)
        alone.append(cpu)
        copy = tmp / f"copy-{i}"
        copy_store(big, copy)
        cpu, text = timed_build(docs, copy, extra)
        into.append(cpu)
        note = next((line.strip() for line in text.splitlines() if "actors" in line
                     and ("showing" in line.lower() or "page" in line.lower())), note)
        cpu, _ = timed_build(docs, copy, extra)
        again.append(cpu)
        shutil.rmtree(empty)
        shutil.rmtree(copy)
    a, b, c = (statistics.median(x) for x in (alone, into, again))
    return {"alone_cpu_s": round(a, 2), "into_big_cpu_s": round(b, 2),
            "ratio": round(b / a, 2), "again_nothing_new_cpu_s": round(c, 2),
            "alone_all": [round(x, 2) for x in alone], "into_all": [round(x, 2) for x in into],
            "view_note": note}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--triples", type=int, default=300_000)
    ap.add_argument("--skew", choices=["uniform", "hub"], default="uniform")
    ap.add_argument("--actors", type=int, default=100_000)
    ap.add_argument("--relations", type=int, default=600_000)
    ap.add_argument("--docs", type=int, default=10)
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--view-max-nodes", default=None,
                    help="passed to build (all: the whole store, the old cost)")
    ap.add_argument("--cache", type=Path, default=Path("/tmp/agbench"))
    ap.add_argument("--build-only", action="store_true", help="make the big store and stop")
    ap.add_argument("--results", type=Path)
    args = ap.parse_args(argv)
    load0, cpu0 = os.getloadavg(), time.process_time()
    child0 = resource.getrusage(resource.RUSAGE_CHILDREN)
    big = big_store(args.cache, args.triples, args.skew, args.actors, args.relations)
    if args.build_only:
        return 0
    extra = ["--view-max-nodes", args.view_max_nodes] if args.view_max_nodes else []
    with tempfile.TemporaryDirectory(dir=args.cache) as tmp:
        docs = real_documents(Path(tmp), args.docs)
        row = run(big, docs, args.repeat, extra, Path(tmp))
    child = resource.getrusage(resource.RUSAGE_CHILDREN)
    row.update(triples=args.triples, skew=args.skew, view_max_nodes=args.view_max_nodes,
               load_start=[round(x, 2) for x in load0],
               load_end=[round(x, 2) for x in os.getloadavg()],
               cpu_s_self=round(time.process_time() - cpu0, 1),
               cpu_s_children=round(child.ru_utime + child.ru_stime
                                    - child0.ru_utime - child0.ru_stime, 1))
    info = {**machine(), "triples": args.triples, "skew": args.skew, "docs": args.docs}
    report_row("incremental_build", info, row, args.results)
    return 0


if __name__ == "__main__":
    sys.exit(main())
