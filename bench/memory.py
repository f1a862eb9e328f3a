"""Peak memory of ``actorgraph build`` as the corpus grows: it should stay flat (< 2 GB).

    python bench/memory.py                       # 1 MiB, 10 MiB and the whole corpus
    python bench/memory.py --mb 1,10 --workers 2

Each size runs the console script in a fresh process (``build SUBSET -o TMP -q --no-view``)
and samples the whole process tree (the loader and its worker processes) every
``--interval`` seconds with psutil. Reported: peak RSS summed over the tree (what a
container limit sees; pages the workers share copy-on-write with the loader are counted
once per process, so this overstates real use), peak PSS summed (shared pages split
between the processes sharing them: the honest total), and the loader's own peak RSS.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import psutil

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _common import DEFAULT_CORPUS, ROOT, machine, report, subset  # noqa: E402


def tree_memory(proc: psutil.Process) -> tuple[int, int, int, int]:
    """(RSS sum, PSS sum, loader RSS, processes) of ``proc`` and its descendants."""
    rss = pss = 0
    procs = [proc]
    try:
        procs += proc.children(recursive=True)
    except psutil.NoSuchProcess:
        pass
    main_rss = 0
    for p in procs:
        try:
            full = p.memory_full_info()
        except (psutil.NoSuchProcess, psutil.AccessDenied):
            continue
        rss += full.rss
        pss += getattr(full, "pss", full.rss)
        if p.pid == proc.pid:
            main_rss = full.rss
    return rss, pss, main_rss, len(procs)


def measure(data: Path, out: Path, workers: int, batch_size: int, interval: float) -> dict:
    cmd = [sys.executable, "-m", "actorgraph", "build", str(data), "-o", str(out), "-q",
           "--no-view", "--workers", str(workers), "--batch-size", str(batch_size)]
    t0 = time.perf_counter()
    popen = subprocess.Popen(cmd, cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                             text=True)
    proc = psutil.Process(popen.pid)
    peak = {"rss": 0, "pss": 0, "main_rss": 0, "processes": 0}
    while popen.poll() is None:
        rss, pss, main_rss, n = tree_memory(proc)
        peak["rss"] = max(peak["rss"], rss)
        peak["pss"] = max(peak["pss"], pss)
        peak["main_rss"] = max(peak["main_rss"], main_rss)
        peak["processes"] = max(peak["processes"], n)
        time.sleep(interval)
    stdout, stderr = popen.communicate()
    seconds = time.perf_counter() - t0
    if popen.returncode not in (0, 1):
        sys.exit(f"build failed ({popen.returncode}):\n{stderr}")
    first = stdout.splitlines()[0] if stdout else ""
    return {"mb": round(data.stat().st_size / 2**20, 2), "workers": workers,
            "batch_size": batch_size, "seconds": round(seconds, 1),
            "peak_rss_mb": round(peak["rss"] / 2**20), "peak_pss_mb": round(peak["pss"] / 2**20),
            "peak_loader_rss_mb": round(peak["main_rss"] / 2**20),
            "processes": peak["processes"], "summary": first}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    ap.add_argument("--mb", default="1,10,0", help="comma list of MiB (0: the whole corpus)")
    ap.add_argument("--workers", type=int, default=2)
    ap.add_argument("--batch-size", type=int, default=32)
    ap.add_argument("--interval", type=float, default=0.25, help="seconds between samples")
    ap.add_argument("--results", type=Path, help="append JSON results to this file")
    args = ap.parse_args(argv)

    info = machine()
    tmp = Path(tempfile.mkdtemp(prefix="ag-memory-"))
    print(f"{'MiB':>6} {'workers':>7} {'peak RSS':>9} {'peak PSS':>9} {'loader RSS':>10} "
          f"{'procs':>5} {'seconds':>8}  summary")
    rows = []
    for mb in [float(x) for x in args.mb.split(",")]:
        data = subset(args.corpus, mb, tmp)
        row = measure(data, tmp / f"out-{mb:g}", args.workers, args.batch_size, args.interval)
        rows.append(row)
        print(f"{row['mb']:>6} {row['workers']:>7} {row['peak_rss_mb']:>7} MB "
              f"{row['peak_pss_mb']:>6} MB {row['peak_loader_rss_mb']:>7} MB "
              f"{row['processes']:>5} {row['seconds']:>8}  {row['summary']}", flush=True)
    info["load_avg_end"] = [round(x, 2) for x in os.getloadavg()]
    report("memory", info, rows, args.results)
    return 0


if __name__ == "__main__":
    sys.exit(main())
