"""Throughput: ``build`` words/second against raw ``nlp.pipe`` on the same text, same pipeline.

    python bench/throughput.py                 # first 2 MiB of bench/data/corpus.jsonl
    python bench/throughput.py --mb 0          # the whole corpus
    python bench/throughput.py --workers 1,2 --batch-size 32 --repeat 3 --cli

For each worker count, in one process and one run: (1) raw ``nlp.pipe`` over the texts,
already read and normalised, with ``n_process`` = workers and exactly the components the
extractor runs (the same loaded pipeline object); (2) the library ``build()`` over the same
file: reading, parsing, actor and relation extraction, merging, periodic atomic saves.
Model loading is timed once, apart. ``--cli`` also times the console script end to end
(interpreter start, model load and the HTML view included). Words are whitespace-separated
tokens of the document texts, the same count for both. The target is build >= 85% of raw.
Figures print as a table; ``--results`` appends them as JSON with the machine description.

``--dates`` measures what event dating costs (issue 16, item 7: at most 5% of build time):
for each worker count, builds with dating on and off (``ExtractConfig.dates``) alternate in
one run, ``--repeat`` times each (order swapped every round, so neither side always runs
first); wall and CPU seconds (this process and its workers) and words/s print for both,
with the load average around each build, since other work on a shared machine moves wall
time. It also times dating alone, in this process, over the triples of the parsed corpus
(a direct figure that other load barely moves):

    python bench/throughput.py --dates --workers 1 --repeat 3

``--dictionary on,off`` measures what the CAMEO verb dictionary costs (issue 14, item 6:
build >= 85% of raw ``nlp.pipe`` words/s with the dictionary loaded): for each worker
count, raw ``nlp.pipe`` and builds with each listed dictionary setting
(``ExtractConfig.dictionary``) alternate in one run, ``--repeat`` rounds (the order
rotates every round); each run prints wall and CPU seconds (this process and its
workers), words/s, the ratio to the same round's raw ``nlp.pipe`` and the load average
before and after. The extractors are built before timing (as ``actorgraph build`` loads
once per process); the dictionary's load time is printed apart:

    python bench/throughput.py --dictionary on,off --workers 1,2 --repeat 2
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
from functools import partial
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _common import DEFAULT_CORPUS, ROOT, machine, report, subset  # noqa: E402


def parse_args(argv: list[str] | None = None) -> argparse.Namespace:
    """The bench's options."""
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    ap.add_argument("--mb", type=float, default=2.0, help="MiB of the corpus (0: all of it)")
    ap.add_argument("--workers", default="1,2", help="comma list of worker counts")
    ap.add_argument("--batch-size", type=int, default=32)
    ap.add_argument("--repeat", type=int, default=1,
                    help="alternate raw and build this many times; report the best of each")
    ap.add_argument("--cli", action="store_true", help="also time `actorgraph build`")
    ap.add_argument("--results", type=Path, help="append JSON results to this file")
    ap.add_argument("--dates", action="store_true",
                    help="measure event dating: builds with dating on and off, interleaved")
    ap.add_argument("--dictionary", metavar="on,off",
                    help="builds with the CAMEO verb dictionary on and/or off, interleaved "
                         "with raw nlp.pipe")
    return ap.parse_args(argv)


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    from actorgraph.extract.documents import normalize_text, read_documents
    from actorgraph.extract.pipeline import ExtractConfig, Extractor

    info = machine()
    tmp = Path(tempfile.mkdtemp(prefix="ag-throughput-"))
    data = subset(args.corpus, args.mb, tmp)
    texts = [normalize_text(d.text) for d in read_documents([data])]
    words = sum(len(t.split()) for t in texts)
    t0 = time.perf_counter()
    base = Extractor(ExtractConfig(batch_size=args.batch_size))
    load_s = time.perf_counter() - t0
    print(f"corpus {data} ({data.stat().st_size / 2**20:.1f} MiB): {len(texts)} documents, "
          f"{words} words; model load {load_s:.1f} s; components {base.nlp.pipe_names}")
    if args.dictionary:
        kind, rows = "throughput-dictionary", dictionary_cost(data, texts, words, args, tmp)
    elif args.dates:
        kind, rows = "throughput-dates", dates_cost(data, words, args, tmp)
        rows.append(dating_alone(base, data, rows))
    else:
        kind, rows = "throughput", raw_vs_build(base.nlp, data, texts, words, args, tmp)
    info["load_avg_end"] = [round(x, 2) for x in os.getloadavg()]
    report(kind, info, rows, args.results)
    return 0


def raw_vs_build(nlp: Any, data: Path, texts: list[str], words: int,
                 args: argparse.Namespace, tmp: Path) -> list[dict[str, Any]]:
    """Raw ``nlp.pipe`` against ``build`` per worker count, printed as a table."""
    from actorgraph.extract.pipeline import ExtractConfig, Extractor
    from actorgraph.pipeline import build

    print(f"{'workers':>7} {'raw w/s':>9} {'build w/s':>9} {'build/raw':>9} "
          f"{'raw s':>7} {'build s':>7} {'triples':>8}" + ("  cli s" if args.cli else ""))
    rows = []
    for w in [int(x) for x in args.workers.split(",")]:
        # Same loaded pipeline (load_pipeline is cached), only the worker count differs.
        ex = Extractor(ExtractConfig(batch_size=args.batch_size, workers=w))
        raw_s = build_s = float("inf")
        # Raw and build alternate and the best of each counts: on a shared machine other
        # load comes and goes, and the fastest run is the one least disturbed by it.
        for r in range(max(1, args.repeat)):
            t0 = time.perf_counter()
            for _doc in nlp.pipe(texts, batch_size=args.batch_size, n_process=w):
                pass
            raw_s = min(raw_s, time.perf_counter() - t0)
            t0 = time.perf_counter()
            summary = build([data], tmp / f"out-{w}-{r}", extractor=ex, render=False)
            build_s = min(build_s, time.perf_counter() - t0)
        row = {"workers": w, "words": words, "documents": len(texts),
               "raw_wps": round(words / raw_s), "build_wps": round(words / build_s),
               "ratio": round(raw_s / build_s, 3), "raw_s": round(raw_s, 1),
               "build_s": round(build_s, 1), "triples": summary.triples,
               "mb": round(data.stat().st_size / 2**20, 2), "batch_size": args.batch_size,
               "repeat": args.repeat}
        line = (f"{w:>7} {row['raw_wps']:>9} {row['build_wps']:>9} {row['ratio']:>9.1%} "
                f"{raw_s:>7.1f} {build_s:>7.1f} {summary.triples:>8}")
        if args.cli:
            row["cli_s"] = _cli_build_seconds(data, w, args, tmp)
            line += f"  {row['cli_s']:.1f}"
        print(line, flush=True)
        rows.append(row)
    return rows


def _cli_build_seconds(data: Path, workers: int, args: argparse.Namespace, tmp: Path) -> float:
    t0 = time.perf_counter()
    subprocess.run([sys.executable, "-m", "actorgraph", "build", str(data), "-o",
                    str(tmp / f"cli-{workers}"), "-q", "--workers", str(workers),
                    "--batch-size", str(args.batch_size)], cwd=ROOT, check=True,
                   stdout=subprocess.DEVNULL)
    return round(time.perf_counter() - t0, 1)


def _cpu() -> float:
    """CPU seconds of this process and its finished children (the pool's workers)."""
    t = os.times()
    return t.user + t.system + t.children_user + t.children_system


def dates_cost(data: Path, words: int, args: argparse.Namespace, tmp: Path) -> list[dict]:
    """Builds with event dating on and off, alternating, for each worker count."""
    from actorgraph.extract.pipeline import ExtractConfig, Extractor
    from actorgraph.pipeline import build

    print(f"{'workers':>7} {'dates':>5} {'wall s':>7} {'cpu s':>7} {'words/s':>8} "
          f"{'cpu w/s':>8} {'triples':>8}  load avg (before -> after)")
    rows = []
    for w in [int(x) for x in args.workers.split(",")]:
        extractors = {on: Extractor(ExtractConfig(batch_size=args.batch_size, workers=w,
                                                  dates=on)) for on in (True, False)}
        # Untimed: the first build of a process pays one-off costs (first batches through
        # the model, lazy imports) that would all fall on whichever side ran first.
        warm = subset(data, 0.05, tmp)
        for on in (True, False):
            build([warm], tmp / f"warm-{w}-{on}", extractor=extractors[on], render=False)
        runs: dict[bool, list[dict]] = {True: [], False: []}
        for r in range(max(1, args.repeat)):
            for on in ((True, False) if r % 2 == 0 else (False, True)):
                load0 = os.getloadavg()[0]
                c0, t0 = _cpu(), time.perf_counter()
                summary = build([data], tmp / f"dates-{w}-{r}-{on}", extractor=extractors[on],
                                render=False)
                wall, cpu = time.perf_counter() - t0, _cpu() - c0
                load1 = os.getloadavg()[0]
                print(f"{w:>7} {'on' if on else 'off':>5} {wall:>7.1f} {cpu:>7.1f} "
                      f"{words / wall:>8.0f} {words / cpu:>8.0f} {summary.triples:>8}  "
                      f"{load0:.2f} -> {load1:.2f}", flush=True)
                runs[on].append({"wall_s": round(wall, 2), "cpu_s": round(cpu, 2),
                                 "load": [round(load0, 2), round(load1, 2)]})
        # CPU seconds move least with other load: the best and the mean of each side are
        # the figures; wall time (best of each) is printed for words/s.
        side = {on: {"cpu_best": min(x["cpu_s"] for x in rs),
                     "cpu_mean": round(sum(x["cpu_s"] for x in rs) / len(rs), 2),
                     "wall_best": min(x["wall_s"] for x in rs), "runs": rs}
                for on, rs in runs.items()}
        on, off = side[True], side[False]
        row = {"workers": w, "words": words, "repeat": args.repeat,
               "dates_on": on, "dates_off": off,
               "wps_on": round(words / on["wall_best"]),
               "wps_off": round(words / off["wall_best"]),
               "cpu_overhead_best": round(on["cpu_best"] / off["cpu_best"] - 1, 4),
               "cpu_overhead_mean": round(on["cpu_mean"] / off["cpu_mean"] - 1, 4)}
        print(f"  workers {w}, {args.repeat} builds a side: CPU s best/mean: dates on "
              f"{on['cpu_best']:.1f}/{on['cpu_mean']:.1f}, off {off['cpu_best']:.1f}/"
              f"{off['cpu_mean']:.1f} ({row['cpu_overhead_best']:+.1%} / "
              f"{row['cpu_overhead_mean']:+.1%}); best wall {row['wps_on']} vs "
              f"{row['wps_off']} words/s", flush=True)
        rows.append(row)
    return rows


def _settings(spec: str) -> list[bool]:
    """``"on,off"`` -> [True, False]; exits with one line on anything else."""
    out = []
    for word in spec.split(","):
        if word.strip() not in ("on", "off"):
            sys.exit(f"--dictionary {spec!r}: each setting must be 'on' or 'off'")
        out.append(word.strip() == "on")
    return out


def _timed(run: Any) -> tuple[float, float, tuple[float, float], Any]:
    """Wall and CPU seconds of ``run()``, the 1-minute load before and after, its result."""
    load0 = os.getloadavg()[0]
    c0, t0 = _cpu(), time.perf_counter()
    result = run()
    wall, cpu = time.perf_counter() - t0, _cpu() - c0
    return wall, cpu, (load0, os.getloadavg()[0]), result


def _raw_pipe(nlp: Any, texts: list[str], batch_size: int, workers: int) -> int:
    """Raw ``nlp.pipe`` over ``texts`` (the reference the build is held to)."""
    for _doc in nlp.pipe(texts, batch_size=batch_size, n_process=workers):
        pass
    return 0


def _build_triples(data: Path, out: Path, extractor: Any) -> int:
    """One library build of ``data`` into ``out``; its triple count."""
    from actorgraph.pipeline import build

    return build([data], out, extractor=extractor, render=False).triples


def _dictionary_extractors(settings: list[bool], args: argparse.Namespace,
                           workers: int) -> dict[bool, Any]:
    """One extractor per dictionary setting. What loading the dictionary costs a fresh
    process is ``bench/fixed_costs.py``'s figure: here the model and frames are already
    loaded (and cached in this process) by the time these are built."""
    from actorgraph.extract.pipeline import ExtractConfig, Extractor

    out = {}
    for on in settings:
        out[on] = Extractor(ExtractConfig(batch_size=args.batch_size, workers=workers,
                                          dictionary=on))
        print(f"  dictionary {'on' if on else 'off'}: {len(out[on].frames)} frames", flush=True)
    return out


def dictionary_cost(data: Path, texts: list[str], words: int, args: argparse.Namespace,
                    tmp: Path) -> list[dict]:
    """Raw ``nlp.pipe`` and builds with the dictionary on and off, alternating, for each
    worker count; each build's ratio is to the raw run of the same round."""
    from actorgraph.pipeline import build

    settings = _settings(args.dictionary)
    rows = []
    for w in [int(x) for x in args.workers.split(",")]:
        extractors = _dictionary_extractors(settings, args, w)
        nlp = next(iter(extractors.values())).nlp
        warm = subset(data, 0.05, tmp)  # untimed: first batches, lazy imports, pools
        for on in settings:
            build([warm], tmp / f"warm-dict-{w}-{on}", extractor=extractors[on], render=False)
        print(f"{'workers':>7} {'run':>8} {'wall s':>7} {'cpu s':>7} {'words/s':>8} "
              f"{'/ raw':>6} {'triples':>8}  load avg (before -> after)")
        sides: list[Any] = ["raw", *settings]
        runs: dict[Any, list[dict]] = {s: [] for s in sides}
        for r in range(max(1, args.repeat)):
            raw_wall = None
            for side in sides[r % len(sides):] + sides[:r % len(sides)]:
                if side == "raw":
                    run = partial(_raw_pipe, nlp, texts, args.batch_size, w)
                    name = "raw"
                else:
                    run = partial(_build_triples, data, tmp / f"dict-{w}-{r}-{side}",
                                  extractors[side])
                    name = f"dict {'on' if side else 'off'}"
                wall, cpu, load, triples = _timed(run)
                if side == "raw":
                    raw_wall = wall
                runs[side].append({"wall_s": round(wall, 2), "cpu_s": round(cpu, 2),
                                   "load": [round(x, 2) for x in load], "triples": triples})
                print(f"{w:>7} {name:>8} {wall:>7.1f} {cpu:>7.1f} {words / wall:>8.0f} "
                      f"{'' if side == 'raw' else f'{raw_wall / wall:.1%}' if raw_wall else '':>6} "
                      f"{triples:>8}  {load[0]:.2f} -> {load[1]:.2f}", flush=True)
        rows.append(_dictionary_row(w, words, args.repeat, runs))
    return rows


def _dictionary_row(w: int, words: int, repeat: int, runs: dict[Any, list[dict]]) -> dict:
    """Best and mean of each side, and the build / raw ratios (best wall, mean CPU)."""
    side = {("raw" if s == "raw" else "on" if s else "off"): {
        "wall_best": min(x["wall_s"] for x in rs),
        "cpu_best": min(x["cpu_s"] for x in rs),
        "cpu_mean": round(sum(x["cpu_s"] for x in rs) / len(rs), 2), "runs": rs}
        for s, rs in runs.items()}
    raw = side["raw"]
    row = {"workers": w, "words": words, "repeat": repeat, **side}
    for name in ("on", "off"):
        if name not in side:
            continue
        s = side[name]
        s["wps_best"] = round(words / s["wall_best"])
        s["ratio_wall_best"] = round(raw["wall_best"] / s["wall_best"], 3)
        s["ratio_cpu_mean"] = round(raw["cpu_mean"] / s["cpu_mean"], 3)
        print(f"  workers {w}, dictionary {name}: best {s['wps_best']} words/s = "
              f"{s['ratio_wall_best']:.1%} of raw ({round(words / raw['wall_best'])}); "
              f"CPU s mean {s['cpu_mean']:.1f} vs raw {raw['cpu_mean']:.1f} "
              f"({s['ratio_cpu_mean']:.1%})", flush=True)
    return row


def dating_alone(extractor: Any, data: Path, rows: list[dict]) -> dict:
    """CPU seconds spent dating alone, over the triples of the whole corpus, in this process.

    The corpus is parsed and its triples extracted with dating off (untimed), then each
    document's triples are dated as the pipeline dates them, from a cold expression cache.
    """
    from actorgraph.extract.documents import normalize_text, read_documents
    from actorgraph.extract.eventdates import DocumentDater, parse_expression
    from actorgraph.extract.pipeline import ExtractConfig, Extractor

    off = Extractor(ExtractConfig(batch_size=extractor.config.batch_size, dates=False))
    parse_expression.cache_clear()
    docs = list(read_documents([data]))
    spent = 0.0
    records = dated = 0
    stream = ((normalize_text(d.text), d) for d in docs)
    for doc, document in off.nlp.pipe(stream, as_tuples=True, batch_size=off.config.batch_size):
        triples = off.triples_of(document, doc)
        t0 = time.process_time()
        dater = DocumentDater(doc, document.date)
        for t in triples:
            start, end = t.start - document.offset, t.end - document.offset
            when = dater.date_of(start, end, t.trigger, t.modality == "future")
            dated += when.source == "sentence"
        spent += time.process_time() - t0
        records += len(triples)
    one = [r for r in rows if r["workers"] == 1]
    build_cpu = one[0]["dates_off"]["cpu_mean"] if one else None
    share = spent / build_cpu if build_cpu else None
    print(f"dating alone: {spent:.3f} CPU s for {records} triples ({dated} dated by their "
          f"sentence)" + (f" = {share:.2%} of the 1-worker build's CPU" if share else ""))
    return {"dating_alone_cpu_s": round(spent, 3), "triples": records,
            "sentence_dated": dated, "share_of_build_cpu": share and round(share, 4)}


if __name__ == "__main__":
    sys.exit(main())
