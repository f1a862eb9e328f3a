"""Shared helpers of the benchmarks: corpus subsets, machine description, result records."""

from __future__ import annotations

import json
import os
import platform
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_CORPUS = ROOT / "bench" / "data" / "corpus.jsonl"


def subset(corpus: Path, mb: float, out_dir: Path) -> Path:
    """The first ``mb`` MiB of ``corpus`` in whole lines (``mb`` <= 0: the corpus itself)."""
    if mb <= 0:
        return corpus
    if not corpus.exists():
        sys.exit(f"{corpus}: no corpus; run: python bench/corpus.py --mb 20")
    limit = int(mb * 2**20)
    out = out_dir / f"{corpus.stem}-{mb:g}mb.jsonl"
    written = 0
    with corpus.open("rb") as src, out.open("wb") as dst:
        for line in src:
            if written + len(line) > limit and written:
                break
            dst.write(line)
            written += len(line)
    return out


def cpu_model() -> str:
    """The CPU's model name (Linux), else what ``platform`` knows."""
    try:
        return next(line.split(":", 1)[1].strip() for line in
                    Path("/proc/cpuinfo").read_text().splitlines()
                    if line.startswith("model name"))
    except (OSError, StopIteration):
        return platform.processor() or platform.machine() or "unknown"


def ram_gib() -> float:
    try:
        return os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES") / 2**30
    except (ValueError, OSError):
        return 0.0


def machine() -> dict:
    """What the figures were measured on, recorded beside them."""
    import psutil
    import spacy

    cpu = cpu_model()
    try:
        commit = subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=ROOT,
                                capture_output=True, text=True).stdout.strip()
    except OSError:
        commit = ""
    return {
        "date": time.strftime("%Y-%m-%d %H:%M:%S"),
        "cpu": cpu,
        "cores": os.cpu_count(),
        "ram_gb": round(psutil.virtual_memory().total / 2**30, 1),
        "load_avg": [round(x, 2) for x in os.getloadavg()],
        "python": platform.python_version(),
        "spacy": spacy.__version__,
        "platform": platform.platform(),
        "commit": commit,
        "command": " ".join([Path(sys.executable).name, *sys.argv]),
    }


def report(name: str, info: dict, rows: list[dict], results: Path | None) -> None:
    """Print the machine line and the rows; append them as one JSON line to ``results``."""
    print(f"# {name}: {info['date']}, {info['cpu']}, {info['cores']} cores, "
          f"{info['ram_gb']} GB, Python {info['python']}, spaCy {info['spacy']}, "
          f"commit {info['commit']}, load avg at start {info['load_avg']}")
    print(f"# command: {info['command']}")
    if results:
        results.parent.mkdir(parents=True, exist_ok=True)
        with results.open("a", encoding="utf-8") as fh:
            fh.write(json.dumps({"bench": name, "machine": info, "rows": rows}) + "\n")


def report_row(name: str, info: dict, row: dict, results: Path | None) -> None:
    """:func:`report` for a bench of one row, then the row as aligned ``key: value`` lines."""
    report(name, info, [row], results)
    width = max(map(len, row), default=0)
    for key, value in row.items():
        print(f"{key:>{width}}: {value}")
