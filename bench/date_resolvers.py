"""Date resolvers compared: actorgraph's (python-dateutil + a table of relative words)
against dateparser, on the DATE/TIME expressions spaCy finds in the benchmark corpus.

    python bench/date_resolvers.py                 # first 300 documents of bench/data/corpus.jsonl
    python bench/date_resolvers.py --docs 1000

For each resolver: import time, the first call (dateparser loads its language data then),
then microseconds per expression over every expression occurrence (actorgraph's with its
cache cleared first, so each distinct text is read once, as in a fresh build), and how many
expressions each resolves. Expressions both resolve are compared at actorgraph's precision;
disagreements print. dateparser is optional (``pip install dateparser``); without it only
actorgraph's figures print.
"""

from __future__ import annotations

import argparse
import importlib
import sys
import time
from collections import Counter
from datetime import datetime
from itertools import islice
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _common import DEFAULT_CORPUS, machine, report  # noqa: E402

DOC_DATE = "2016-12-07"  # a Wednesday; every expression is resolved against it


def expressions(corpus: Path, n_docs: int) -> Counter:
    """DATE/TIME entity texts of the first ``n_docs`` documents, with their counts."""
    from actorgraph.extract.documents import normalize_text, read_documents
    from actorgraph.extract.eventdates import DATE_LABELS
    from actorgraph.extract.nlp import load_pipeline

    nlp = load_pipeline()
    texts = (normalize_text(d.text) for d in islice(read_documents([corpus]), n_docs))
    found: Counter = Counter()
    for doc in nlp.pipe(texts, batch_size=32):
        found.update(e.text for e in doc.ents if e.label_ in DATE_LABELS)
    return found


def ours(found: Counter) -> tuple[dict, dict]:
    t0 = time.perf_counter()
    from actorgraph.extract import eventdates

    imported = time.perf_counter() - t0
    anchor = eventdates.document_anchor(DOC_DATE)
    eventdates.parse_expression.cache_clear()
    t0 = time.perf_counter()
    eventdates.resolve(eventdates.parse_expression("last week"), anchor)
    first_s = time.perf_counter() - t0
    eventdates.parse_expression.cache_clear()
    out = {}
    t0 = time.perf_counter()
    for text, n in found.items():
        for _ in range(n):
            out[text] = eventdates.resolve(eventdates.parse_expression(text), anchor)
    spent = time.perf_counter() - t0
    return out, {"import_s": imported, "first_call_s": first_s,
                 "us_per_expr": spent / sum(found.values()) * 1e6}


def theirs(found: Counter) -> tuple[dict, dict] | None:
    t0 = time.perf_counter()
    try:
        dateparser = importlib.import_module("dateparser")
    except ImportError:
        return None
    imported = time.perf_counter() - t0
    settings = {"RELATIVE_BASE": datetime.fromisoformat(DOC_DATE),
                "PREFER_DATES_FROM": "past", "RETURN_AS_TIMEZONE_AWARE": False}
    parser = dateparser.date.DateDataParser(languages=["en"], settings=settings)
    t0 = time.perf_counter()
    parser.get_date_data("last week")
    first_s = time.perf_counter() - t0
    out = {}
    t0 = time.perf_counter()
    for text, n in found.items():
        for _ in range(n):
            data = parser.get_date_data(text)
            out[text] = (data.date_obj.date().isoformat(), data.period) if data.date_obj else None
    spent = time.perf_counter() - t0
    return out, {"import_s": imported, "first_call_s": first_s,
                 "us_per_expr": spent / sum(found.values()) * 1e6}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    ap.add_argument("--docs", type=int, default=300)
    ap.add_argument("--results", type=Path, help="append JSON results to this file")
    args = ap.parse_args(argv)
    info = machine()
    found = expressions(args.corpus, args.docs)
    print(f"{sum(found.values())} expressions ({len(found)} distinct) in {args.docs} documents")
    rows = []
    mine, cost = ours(found)
    other = theirs(found)
    for name, (res, c) in [("dateutil+table", (mine, cost))] + (
            [("dateparser", other)] if other else []):
        resolved = sum(n for t, n in found.items() if res.get(t))
        print(f"{name:>15}: import {c['import_s']:.2f} s, first call {c['first_call_s']:.3f} s, "
              f"{c['us_per_expr']:.1f} us/expression, resolves {resolved} of "
              f"{sum(found.values())}")
        rows.append({"resolver": name, **{k: round(v, 4) for k, v in c.items()},
                     "resolved": resolved, "expressions": sum(found.values())})
    if other:
        agree = differ = 0
        for text, n in found.most_common():
            a, b = mine.get(text), other[0].get(text)
            if a and b:
                same = b[0].startswith(a[0]) if a[1] != "day" else b[0] == a[0]
                agree, differ = agree + n * same, differ + n * (not same)
                if not same:
                    print(f"  differ x{n}: {text!r}: ours {a}, dateparser {b}")
            elif a or b:
                print(f"  only {'ours' if a else 'dateparser'} x{n}: {text!r}: {a or b}")
        print(f"both resolve: {agree} agree, {differ} differ")
        rows.append({"agree": agree, "differ": differ})
    report("date-resolvers", info, rows, args.results)
    return 0


if __name__ == "__main__":
    sys.exit(main())
