"""Same output before and after a speed change: every triple and event the extractor makes
from a fixed set of texts, with the CAMEO verb dictionary on and off, saved as JSON Lines
and compared record by record.

    python bench/identical.py --save /tmp/before.jsonl     # on the old code
    python bench/identical.py --against /tmp/before.jsonl  # on the new code: exit 1 if any differ

The texts are the seed articles, the PLOVER dev sentences (``../shared/data``) and the
first ``--mb`` MiB of ``bench/data/corpus.jsonl``. Parsing them dominates the run and is
not what a speed change of the extraction touches, so the parsed Docs are kept in a
``DocBin`` (``--docs``, made on first use): before and after then extract from the very
same Docs, and any difference is the extraction code's. Each record is one line
``{"setting", "doc", "kind", "record"}`` in extraction order.
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _common import DEFAULT_CORPUS, ROOT, subset  # noqa: E402
from frames_cost import PLOVER_DEV, plover_records  # noqa: E402


def parse_args(argv: list[str] | None = None) -> argparse.Namespace:
    """The script's options."""
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    ap.add_argument("--mb", type=float, default=1.0, help="MiB of the corpus to add")
    ap.add_argument("--docs", type=Path, default=Path(tempfile.gettempdir()) /
                    "actorgraph-identical.spacy", help="parsed Docs, made on first use")
    group = ap.add_mutually_exclusive_group(required=True)
    group.add_argument("--save", type=Path, help="write the records here")
    group.add_argument("--against", type=Path, help="compare the records with this file")
    return ap.parse_args(argv)


def documents(corpus: Path, mb: float) -> list[Any]:
    """Seeds, PLOVER dev sentences and the corpus subset, as Documents."""
    from actorgraph.extract.documents import Document, read_documents

    docs = list(read_documents([ROOT / "seeds"]))
    docs += [Document(id=f"plover-{i}", text=r["text"])
             for i, r in enumerate(plover_records(PLOVER_DEV))]
    if mb > 0:
        docs += list(read_documents([subset(corpus, mb, Path(tempfile.mkdtemp()))]))
    return docs


def parsed_docs(documents_: list[Any], nlp: Any, path: Path) -> list[Any]:
    """The Docs of ``documents_``, parsed once and kept in ``path`` for later runs."""
    from spacy.tokens import DocBin

    from actorgraph.extract.documents import normalize_text

    if path.is_file():
        docs = list(DocBin().from_disk(path).get_docs(nlp.vocab))
        if len(docs) == len(documents_):
            return docs
        print(f"{path}: {len(docs)} Docs for {len(documents_)} documents; parsing again")
    docs = list(nlp.pipe((normalize_text(d.text) for d in documents_), batch_size=32))
    DocBin(store_user_data=True, docs=docs).to_disk(path)
    return docs


def records(settings: dict[str, Any], pairs: list[tuple[Any, Any]]) -> list[dict]:
    """Every triple and event of every document, per setting, in extraction order."""
    out = []
    for name, ex in settings.items():
        for document, doc in pairs:
            triples, events = ex.records_of(document, doc)
            out += [{"setting": name, "doc": document.id, "kind": "triple",
                     "record": t.to_dict()} for t in triples]
            out += [{"setting": name, "doc": document.id, "kind": "event",
                     "record": e.to_dict()} for e in events]
    return out


def compare(new: list[dict], old: list[dict]) -> int:
    """Print counts per setting and kind and the first differences; the number differing."""
    def counts(rows: list[dict]) -> dict[str, int]:
        c: dict[str, int] = {}
        for r in rows:
            key = f"{r['setting']} {r['kind']}s"
            c[key] = c.get(key, 0) + 1
        return c

    c_new, c_old = counts(new), counts(old)
    for key in sorted(set(c_new) | set(c_old)):
        print(f"  {key}: before {c_old.get(key, 0)}, after {c_new.get(key, 0)}")
    differ = sum(a != b for a, b in zip(new, old, strict=False)) + abs(len(new) - len(old))
    shown = 0
    for i, (a, b) in enumerate(zip(new, old, strict=False)):
        if a != b and shown < 5:
            print(f"  record {i} differs:\n    before {json.dumps(b)}\n    after  {json.dumps(a)}")
            shown += 1
    return differ


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    from actorgraph.extract.pipeline import ExtractConfig, Extractor

    settings = {name: Extractor(ExtractConfig(dictionary=on))
                for name, on in (("dictionary on", True), ("dictionary off", False))}
    docs_in = documents(args.corpus, args.mb)
    docs = parsed_docs(docs_in, settings["dictionary on"].nlp, args.docs)
    rows = records(settings, list(zip(docs_in, docs, strict=True)))
    # Through JSON both ways, so that tuples and lists compare alike.
    rows = json.loads(json.dumps(rows))
    if args.save:
        with args.save.open("w", encoding="utf-8") as fh:
            fh.writelines(json.dumps(r) + "\n" for r in rows)
        print(f"{args.save}: {len(rows)} records of {len(docs)} documents")
        return 0
    old = [json.loads(line) for line in args.against.open(encoding="utf-8")]
    differ = compare(rows, old)
    print(f"{len(docs)} documents: {len(rows)} records after, {len(old)} before; "
          f"{'identical' if not differ else f'{differ} differ'}")
    return 1 if differ else 0


if __name__ == "__main__":
    sys.exit(main())
