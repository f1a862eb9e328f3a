"""Extraction CPU alone: milliseconds of CPU per 1,000 words for actor and relation
extraction (``Extractor.triples_of``), with the CAMEO verb dictionary on and off, parse
excluded.

    python bench/extract_cpu.py                      # first 0.5 MiB of bench/data/corpus.jsonl
    python bench/extract_cpu.py --mb 1 --repeat 3
    python bench/extract_cpu.py --profile 25         # cProfile of one pass, top 25 by tottime
    python bench/extract_cpu.py --docs /tmp/actorgraph-identical.spacy  # identical.py's Docs

The texts are parsed once with ``nlp.pipe`` (untimed, kept in memory), then each setting
extracts over every parsed Doc ``--repeat`` times, settings alternating. CPU time is
``time.process_time`` (this process only), which other load on a shared machine moves far
less than wall time; the load average before and after is printed anyway. The first pass
of a setting (cold per-process caches, as at the start of a build) and the best pass are
both reported.
"""

from __future__ import annotations

import argparse
import cProfile
import os
import pstats
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _common import DEFAULT_CORPUS, machine, report, subset  # noqa: E402


def parse_args(argv: list[str] | None = None) -> argparse.Namespace:
    """The bench's options."""
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    ap.add_argument("--mb", type=float, default=0.5, help="MiB of the corpus (0: all of it)")
    ap.add_argument("--repeat", type=int, default=3, help="passes per setting")
    ap.add_argument("--dictionary", default="on,off", help="settings to time: on,off")
    ap.add_argument("--profile", type=int, default=0, metavar="N",
                    help="profile one pass per setting instead and print the top N functions")
    ap.add_argument("--results", type=Path, help="append JSON results to this file")
    ap.add_argument("--docs", type=Path,
                    help="the texts and parsed Docs of bench/identical.py (seeds, PLOVER "
                         "sentences, --mb of the corpus), kept in this DocBin: no parse")
    return ap.parse_args(argv)


def parsed(data: Path, nlp: Any) -> tuple[list[tuple[Any, Any]], int]:
    """(Document, Doc) pairs of ``data`` and their word count (whitespace tokens)."""
    from actorgraph.extract.documents import normalize_text, read_documents

    docs = list(read_documents([data]))
    stream = ((normalize_text(d.text), d) for d in docs)
    pairs = [(document, doc) for doc, document in nlp.pipe(stream, as_tuples=True,
                                                          batch_size=32)]
    return pairs, sum(len(normalize_text(d.text).split()) for d in docs)


def one_pass(extractor: Any, pairs: list[tuple[Any, Any]]) -> tuple[float, int]:
    """(CPU seconds, triples) of extracting every parsed document once."""
    t0 = time.process_time()
    n = sum(len(extractor.triples_of(document, doc)) for document, doc in pairs)
    return time.process_time() - t0, n


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    from actorgraph.extract.pipeline import ExtractConfig, Extractor

    info = machine()
    settings = [w.strip() == "on" for w in args.dictionary.split(",")]
    extractors = {on: Extractor(ExtractConfig(dictionary=on)) for on in settings}
    tmp = Path(tempfile.mkdtemp(prefix="ag-extract-cpu-"))
    data = subset(args.corpus, args.mb, tmp)
    nlp = next(iter(extractors.values())).nlp
    if args.docs:
        from identical import documents, parsed_docs

        from actorgraph.extract.documents import normalize_text

        docs_in = documents(args.corpus, args.mb)
        pairs = list(zip(docs_in, parsed_docs(docs_in, nlp, args.docs), strict=True))
        words = sum(len(normalize_text(d.text).split()) for d in docs_in)
    else:
        pairs, words = parsed(data, nlp)
    import actorgraph.extract

    # The code measured (a snapshot on PYTHONPATH may stand in for the worktree's).
    info["code"] = str(Path(actorgraph.extract.__file__).parent)
    print(f"corpus {data if not args.docs else args.docs}: {len(pairs)} documents, {words} "
          f"words (parsed, untimed); code {info['code']}")
    if args.profile:
        for on, ex in extractors.items():
            prof = cProfile.Profile()
            prof.enable()
            one_pass(ex, pairs)
            prof.disable()
            print(f"--- dictionary {'on' if on else 'off'}")
            pstats.Stats(prof).sort_stats("tottime").print_stats(args.profile)
            if os.environ.get("AG_PROFILE_CALLERS"):
                pstats.Stats(prof).print_callers(os.environ["AG_PROFILE_CALLERS"])
        return 0
    runs: dict[bool, list[float]] = {on: [] for on in settings}
    triples: dict[bool, int] = {}
    print(f"{'dict':>4} {'pass':>4} {'cpu s':>7} {'ms/1k words':>11} {'triples':>8}  load avg")
    for r in range(max(1, args.repeat)):
        for on in (settings if r % 2 == 0 else settings[::-1]):
            load0 = os.getloadavg()[0]
            cpu, triples[on] = one_pass(extractors[on], pairs)
            runs[on].append(cpu)
            print(f"{'on' if on else 'off':>4} {r + 1:>4} {cpu:>7.2f} "
                  f"{cpu * 1e6 / words:>11.1f} {triples[on]:>8}  "
                  f"{load0:.2f} -> {os.getloadavg()[0]:.2f}", flush=True)
    rows = []
    for on, cpus in runs.items():
        row = {"dictionary": on, "words": words, "triples": triples[on],
               "first_cpu_s": round(cpus[0], 3), "best_cpu_s": round(min(cpus), 3),
               "first_ms_per_1k": round(cpus[0] * 1e6 / words, 1),
               "best_ms_per_1k": round(min(cpus) * 1e6 / words, 1)}
        print(f"dictionary {'on' if on else 'off'}: extraction CPU {row['first_ms_per_1k']} "
              f"ms / 1,000 words first pass, {row['best_ms_per_1k']} best of {len(cpus)} "
              f"({triples[on]} triples)")
        rows.append(row)
    info["load_avg_end"] = [round(x, 2) for x in os.getloadavg()]
    report("extract-cpu", info, rows, args.results)
    return 0


if __name__ == "__main__":
    sys.exit(main())
