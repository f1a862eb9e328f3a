"""Cost and reach of frame matching: CPU seconds per 1000 sentences for the built-in frames
and the compiled CAMEO dictionary, against parsing the same sentences; and how many PLOVER
dev sentences get a dictionary frame match (any target, the gold target, the gold category).

    python bench/frames_cost.py                     # seeds + ../shared PLOVER sentences
    python bench/frames_cost.py --repeat 3 --verbs MY.verbs

Sentences are parsed once with the extractor's pipeline (``nlp.pipe``, one process); each
frame set is then matched over every sentence Span of the parsed docs, the set's matchers
built by a warm-up pass first (they are built once per process, on first use). CPU time is
``time.process_time`` (the machine is shared: wall time would count other load).
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _common import ROOT  # noqa: E402

#: ../shared/data beside the project (a worktree under wt/ finds it one level further up)
SHARED_DATA = next((p for p in (ROOT.parent / "shared" / "data",
                                ROOT.parent.parent / "shared" / "data") if p.is_dir()),
                   ROOT.parent / "shared" / "data")
PLOVER_DEV = SHARED_DATA / "plover" / "PLOVER_GSR_CAMEO.txt"
#: PLOVER 0.5b1 labels of the dev file -> current categories (the data README)
OLD_LABELS = {"FIGHT": "ASSAULT", "DEMAND": "REQUEST", "DISAPPROVE": "ACCUSE",
              "INVESTIGATE": "ACCUSE"}


def plover_records(path: Path) -> list[dict]:
    """The dev records (the first is documentation)."""
    if not path.is_file():
        return []
    return [r for r in json.loads(path.read_text(encoding="utf-8"))[1:] if r.get("text")]


def texts(records: list[dict]) -> list[str]:
    """Seed article texts, then the PLOVER dev sentences."""
    seeds = [p.read_text(encoding="utf-8") for p in sorted((ROOT / "seeds").glob("*.txt"))]
    return seeds + [r["text"] for r in records]


def time_matching(docs: list, frames, repeat: int) -> tuple[float, int, int]:
    """(best CPU seconds, sentences, matches) of matching ``frames`` over every sentence."""
    from actorgraph.extract.frames import match_frames

    sents = [s for d in docs for s in d.sents]
    for s in sents:  # warm-up: build the matchers of every lemma that occurs
        match_frames(s, frames)
    best, found = float("inf"), 0
    for _ in range(max(1, repeat)):
        t0 = time.process_time()
        found = sum(len(match_frames(s, frames)) for s in sents)
        best = min(best, time.process_time() - t0)
    return best, len(sents), found


def reach(nlp, records: list[dict], frames) -> dict[str, int]:
    """PLOVER dev sentences with a frame match: any, on a gold target word, with the gold
    category as well."""
    from actorgraph.extract.frames import match_frames

    out = {"sentences": len(records), "any": 0, "gold_target": 0, "gold_target_plover": 0}
    for rec, doc in zip(records, nlp.pipe(r["text"] for r in records), strict=True):
        matches = match_frames(doc, frames)
        gold = rec.get("target") if isinstance(rec.get("target"), list) else []
        targets = {w.lower() for a in gold if isinstance(a, dict)
                   for w in str(a.get("actorText", "")).split()}
        event = OLD_LABELS.get(rec["event"], rec["event"])
        on_target = [m for m in matches if doc[m.target].lower_ in targets or any(
            t.lower_ in targets for t in doc[m.target].subtree)]
        out["any"] += bool(matches)
        out["gold_target"] += bool(on_target)
        out["gold_target_plover"] += any(m.frame.plover == event for m in on_target)
    return out


def gain(records: list[dict], sets: dict) -> dict[str, int]:
    """PLOVER dev sentences where today's extractor finds no triple whose object is the gold
    target, and of those, how many each frame set reaches the gold target in."""
    from actorgraph.extract.frames import match_frames
    from actorgraph.extract.pipeline import Extractor

    extractor = Extractor()
    out = {"with_target": 0, "missed": 0}
    for rec in records:
        gold = rec.get("target") if isinstance(rec.get("target"), list) else []
        targets = {w.lower() for a in gold if isinstance(a, dict)
                   for w in str(a.get("actorText", "")).split()}
        if not targets:
            continue
        out["with_target"] += 1
        found = extractor.extract_text(rec["text"])
        if any(set(t.object.text.lower().split()) & targets for t in found):
            continue
        out["missed"] += 1
        doc = extractor.nlp(rec["text"])
        event = OLD_LABELS.get(rec["event"], rec["event"])
        for name, frames in sets.items():
            hits = [m for m in match_frames(doc, frames) if doc[m.target].lower_ in targets
                    or any(t.lower_ in targets for t in doc[m.target].subtree)]
            out[name] = out.get(name, 0) + bool(hits)
            out[f"{name}+plover"] = out.get(f"{name}+plover", 0) + any(
                m.frame.plover == event for m in hits)
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--verbs", type=Path, help="a PETRARCH verb dictionary instead of CAMEO")
    ap.add_argument("--corpus", type=Path,
                    help="a JSONL corpus (bench/corpus.py) instead of seeds + PLOVER")
    ap.add_argument("--gain", action="store_true",
                    help="also run today's extractor on the PLOVER sentences it misses")
    args = ap.parse_args(argv)

    from actorgraph.extract.frames import load_frames
    from actorgraph.extract.nlp import load_pipeline
    from actorgraph.extract.verbdict import load_verb_frames

    nlp = load_pipeline()
    records = plover_records(PLOVER_DEV)
    corpus = texts(records)
    if args.corpus:
        from actorgraph.extract.documents import normalize_text, read_documents

        corpus = [normalize_text(d.text) for d in read_documents([args.corpus])]
        records = []
    t0 = time.process_time()
    docs = list(nlp.pipe(corpus))
    parse_s = time.process_time() - t0
    n_sents = sum(1 for d in docs for _ in d.sents)
    t0 = time.process_time()
    builtin, cameo = load_frames(), load_verb_frames(args.verbs)
    load_s = time.process_time() - t0
    print(f"{len(corpus)} texts, {n_sents} sentences; parse {parse_s:.2f} CPU s "
          f"({1000 * parse_s / n_sents:.2f} s per 1000 sentences); frames load {load_s:.2f} s "
          f"({len(builtin)} built-in, {len(cameo)} dictionary, {len(cameo.by_lemma)} lemmas)")
    for name, frames in (("built-in", builtin), ("dictionary", cameo),
                         ("both", builtin + cameo)):
        cpu, sents, found = time_matching(docs, frames, args.repeat)
        print(f"{name:>10}: {1000 * cpu / sents:.3f} CPU s per 1000 sentences "
              f"({100 * cpu / parse_s:.1f}% of parsing), {found} matches")
    if records:
        for name, frames in (("built-in", builtin), ("dictionary", cameo)):
            r = reach(nlp, records, frames)
            print(f"PLOVER dev, {name}: of {r['sentences']} sentences, {r['any']} have a "
                  f"match, {r['gold_target']} on the gold target, "
                  f"{r['gold_target_plover']} on the gold target with the gold category")
    if records and args.gain:
        g = gain(records, {"built-in": builtin, "dictionary": cameo})
        print(f"PLOVER dev with a gold target: {g['with_target']}; today's extractor has no "
              f"triple on the gold target in {g['missed']}; of those a built-in frame reaches "
              f"the gold target in {g['built-in']} ({g['built-in+plover']} with the gold "
              f"category), a dictionary frame in {g['dictionary']} "
              f"({g['dictionary+plover']})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
