"""Fixed costs every process pays: the town gazetteer's load and spaCy's import.

Each figure is the CPU time (user + system) of a fresh interpreter doing one thing, so what
an earlier measurement loaded cannot hide a cost:

- ``gazetteer cold``: ``Gazetteer.default()`` with an empty cache directory (builds the
  index from GeoNames and writes the cache);
- ``gazetteer warm``: the same once the cache exists (every later process);
- ``frames, no dictionary`` / ``dictionary cold`` / ``dictionary warm``: ``load_frame_set``
  without the CAMEO verb dictionary, and with it from an empty cache directory (reads the
  shipped TOML and writes the cache, :mod:`actorgraph.extract.frames_cache`) and from a
  filled one: the difference to the first is what the dictionary costs a process;
- ``import <module>``: importing a module a non-extracting command uses, with whether spaCy
  came with it;
- ``summary`` (with ``--out OUT``): ``actorgraph summary OUT`` end to end.

    .venv/bin/python bench/fixed_costs.py [--repeat 3] [--out out] [--results F]
"""

from __future__ import annotations

import argparse
import os
import resource
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _common import machine, report  # noqa: E402

GAZETTEER = ("from actorgraph.extract.places import Gazetteer; "
             "assert Gazetteer.default().country('Kirkuk') == 'IRQ'")
FRAMES = ("from actorgraph.extract.frames import load_frame_set; "
          "assert len(load_frame_set(dictionary={on})) {test}")
MODULES = ["actorgraph.graph.store", "actorgraph.graph.view", "actorgraph.graph.export",
           "actorgraph.graph.cypher", "actorgraph.pipeline"]


def child_cpu(argv: list[str], env: dict[str, str] | None = None) -> tuple[float, str]:
    """CPU seconds of one child process, and its stdout."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    out = subprocess.run(argv, capture_output=True, text=True, env=env, check=True)
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return cpu, out.stdout


def dictionary_rows(py: str, repeat: int) -> list[dict]:
    """CPU of loading the frames without the verb dictionary, and with it from an empty
    and from a filled cache directory (each in a fresh interpreter)."""
    off, cold, warm = [], [], []
    for _ in range(repeat):
        with tempfile.TemporaryDirectory() as cache:
            env = {**os.environ, "ACTORGRAPH_CACHE_DIR": cache}
            off.append(child_cpu([py, "-c", FRAMES.format(on=False, test="< 1000")], env)[0])
            cold.append(child_cpu([py, "-c", FRAMES.format(on=True, test="> 5000")], env)[0])
            warm.append(child_cpu([py, "-c", FRAMES.format(on=True, test="> 5000")], env)[0])
    return [{"what": "frames, no dictionary", "cpu_s": round(min(off), 3)},
            {"what": "frames + dictionary cold (builds the cache)", "cpu_s": round(min(cold), 3)},
            {"what": "frames + dictionary warm (cache filled)", "cpu_s": round(min(warm), 3)}]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--out", type=Path, help="an OUT directory to time 'summary' on")
    ap.add_argument("--results", type=Path)
    args = ap.parse_args()
    py = sys.executable
    rows: list[dict] = []
    baseline = statistics.median(child_cpu([py, "-c", "pass"])[0] for _ in range(args.repeat))
    rows.append({"what": "python -c pass", "cpu_s": round(baseline, 3)})
    cold, warm = [], []
    for _ in range(args.repeat):
        with tempfile.TemporaryDirectory() as cache:
            env = {**os.environ, "ACTORGRAPH_CACHE_DIR": cache}
            cold.append(child_cpu([py, "-c", GAZETTEER], env)[0])
            warm.append(child_cpu([py, "-c", GAZETTEER], env)[0])
    rows.append({"what": "gazetteer cold (builds the cache)", "cpu_s": round(min(cold), 3)})
    rows.append({"what": "gazetteer warm (cache filled)", "cpu_s": round(min(warm), 3)})
    rows.extend(dictionary_rows(py, args.repeat))
    for module in MODULES:
        code = f"import sys, {module}; print('spacy' in sys.modules)"
        runs = [child_cpu([py, "-c", code]) for _ in range(args.repeat)]
        rows.append({"what": f"import {module}", "cpu_s": round(min(r[0] for r in runs), 3),
                     "spacy_imported": runs[0][1].strip() == "True"})
    if args.out:
        argv = [py, "-m", "actorgraph", "summary", str(args.out)]
        cpu = min(child_cpu(argv)[0] for _ in range(args.repeat))
        rows.append({"what": f"actorgraph summary {args.out}", "cpu_s": round(cpu, 3)})
    report("fixed_costs", machine(), rows, args.results)
    for row in rows:
        extra = f"  spaCy imported: {row['spacy_imported']}" if "spacy_imported" in row else ""
        print(f"{row['what']:<45} {row['cpu_s']:>7.3f} CPU s (min of {args.repeat}){extra}")


if __name__ == "__main__":
    main()
