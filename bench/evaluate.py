"""Score actorgraph's extractor and the textacy baseline on every gold set; print Markdown.

    .venv/bin/python bench/evaluate.py [--data ../shared/data] [--gold tests/gold/seeds.jsonl]
                                       [--only seeds,plover,re3d] [--json out.json]

Data sets whose files are missing are skipped, so it runs in a clone without ../shared.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from actorgraph.evaluation import (
    DEFAULT_DATA,
    DEFAULT_GOLD,
    DEFAULT_SEEDS,
    default_systems,
    format_report,
    run_all,
)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--gold", type=Path, default=DEFAULT_GOLD)
    ap.add_argument("--seeds", type=Path, default=DEFAULT_SEEDS)
    ap.add_argument("--data", type=Path, default=DEFAULT_DATA)
    ap.add_argument("--only", default="seeds,plover,re3d", help="comma-separated data sets")
    ap.add_argument("--systems", default="", help="comma-separated subset of systems")
    ap.add_argument("--json", type=Path, help="also write the figures as JSON here")
    args = ap.parse_args(argv)

    systems = default_systems()
    if args.systems:
        wanted = set(args.systems.split(","))
        systems = {k: v for k, v in systems.items() if k in wanted}
    if "actorgraph" not in systems and not args.systems:
        print("note: actorgraph.extract.pipeline not importable; baseline only", file=sys.stderr)
    results = run_all(
        systems,
        gold_path=args.gold,
        seeds_dir=args.seeds,
        data_dir=args.data,
        datasets=args.only.split(","),
    )
    print(format_report(results))
    if args.json:
        args.json.write_text(json.dumps(results, indent=2))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
