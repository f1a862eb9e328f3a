"""Generate a reproducible news-like JSONL corpus for throughput and memory benchmarks.

Articles are recombined from real conflict-news text: paragraphs of the re3d documents
(CENTCOM, UK Government, US State Department) and the PLOVER example sentences, with
re3d titles, occasional datelines and a few long reports (so document splitting is
exercised). The same seed and data give byte-identical output.

    python bench/corpus.py              # 20 MB -> bench/data/corpus.jsonl
    python bench/corpus.py --mb 100 --seed 7 --out /tmp/big.jsonl

Each line is ``{"id", "title", "source", "date", "text"}``. The development data lives in
``../shared/data`` beside the project; without it the script says so and exits with status 1.

>>> import random
>>> pools = Pools(paragraphs=[("Kerry met Lavrov.", "Talks", "UK_Government")],
...               sentences=["Iran condemned the strike."])
>>> article = make_article(random.Random(1), pools, 3)
>>> sorted(article), article["id"]
(['date', 'id', 'source', 'text', 'title'], 'bench-0000003')
"""

from __future__ import annotations

import argparse
import json
import os
import random
import sys
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_DATA = ROOT.parent / "shared" / "data"
DEFAULT_OUT = ROOT / "bench" / "data" / "corpus.jsonl"
DEFAULT_SEED = 20161212  # PLOVER's coding date; any fixed number would do

DATELINES = [
    "WASHINGTON", "MOSCOW", "DAMASCUS, Syria", "BAGHDAD", "BEIRUT", "ANKARA, Turkey",
    "LONDON", "GENEVA", "TEHRAN, Iran", "AMMAN, Jordan", "ERBIL, Iraq", "CAIRO",
]  # fmt: skip
AGENCIES = ["(Reuters)", "(AP)", "(AFP)", ""]


@dataclass
class Pools:
    """What articles are made of: re3d paragraphs (text, title, source) and PLOVER sentences."""

    paragraphs: list[tuple[str, str, str]]
    sentences: list[str]


def load_pools(data: Path) -> Pools:
    """Read re3d paragraphs and PLOVER sentences from the shared development data."""
    paragraphs: list[tuple[str, str, str]] = []
    for path in sorted(data.glob("re3d/*/documents.json")):
        with path.open(encoding="utf-8") as fh:
            for line in fh:
                if not line.strip():
                    continue
                rec = json.loads(line)
                title = rec.get("title") or path.parent.name
                source = rec.get("sourceName") or path.parent.name
                for para in rec.get("text", "").split("\n"):
                    # Short lines are captions and bylines; they make poor paragraphs.
                    if len(para.split()) >= 8:
                        paragraphs.append((para.strip(), title, source))
    plover = json.loads((data / "plover" / "PLOVER_GSR_CAMEO.txt").read_text(encoding="utf-8"))
    sentences = [
        r["text"].strip()
        for r in plover
        if r.get("event") != "DOCUMENT" and isinstance(r.get("text"), str) and r["text"].strip()
    ]
    return Pools(paragraphs, sentences)


def make_article(rng: random.Random, pools: Pools, n: int) -> dict[str, str]:
    """One article: a lead and body paragraphs from re3d, PLOVER sentences woven in."""
    lead, title, source = rng.choice(pools.paragraphs)
    # News lengths are skewed: mostly short pieces, a few long reports past the split limit.
    k = rng.choice([2, 3, 4, 5, 6, 8, 10, 14]) if rng.random() > 0.005 else rng.randint(300, 600)
    paras = [lead]
    for _ in range(k):
        if pools.sentences and rng.random() < 0.4:
            paras.append(" ".join(rng.sample(pools.sentences, min(3, len(pools.sentences)))))
        else:
            paras.append(rng.choice(pools.paragraphs)[0])
    if rng.random() < 0.5:
        paras[0] = f"{rng.choice(DATELINES)} {rng.choice(AGENCIES)} — {paras[0]}".replace("  ", " ")
    day = date(2014, 1, 1) + timedelta(days=rng.randrange(3 * 365))
    return {
        "id": f"bench-{n:07d}",
        "title": title,
        "source": source,
        "date": day.isoformat(),
        "text": "\n\n".join(paras),
    }


def generate(pools: Pools, out: Path, megabytes: float, seed: int) -> tuple[int, int, int]:
    """Write articles to ``out`` until it holds ``megabytes`` MiB; return (bytes, words, docs)."""
    rng = random.Random(seed)
    target = int(megabytes * 2**20)
    size = words = n = 0
    out.parent.mkdir(parents=True, exist_ok=True)
    tmp = out.with_name(out.name + ".tmp")
    # Written beside the target and renamed, so an interrupted run leaves no half corpus.
    with tmp.open("w", encoding="utf-8", newline="\n") as fh:
        while size < target:
            article = make_article(rng, pools, n)
            line = json.dumps(article, ensure_ascii=False) + "\n"
            fh.write(line)
            size += len(line.encode("utf-8"))
            words += len(article["text"].split())
            n += 1
    os.replace(tmp, out)
    return size, words, n


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--mb", type=float, default=20, help="size in MiB (default 20)")
    parser.add_argument("--seed", type=int, default=DEFAULT_SEED, help="random seed")
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA, help="shared data folder")
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT, help="output JSONL file")
    args = parser.parse_args(argv)
    if args.mb <= 0:
        parser.error("--mb must be positive")
    plover = args.data / "plover" / "PLOVER_GSR_CAMEO.txt"
    if not plover.is_file() or not any(args.data.glob("re3d/*/documents.json")):
        print(
            f"corpus: development data not found in {args.data} (needs re3d/*/documents.json "
            "and plover/PLOVER_GSR_CAMEO.txt); nothing generated",
            file=sys.stderr,
        )
        return 1
    pools = load_pools(args.data)
    if not pools.paragraphs:
        print(f"corpus: no usable paragraphs in {args.data}/re3d; nothing generated",
              file=sys.stderr)  # fmt: skip
        return 1
    size, words, docs = generate(pools, args.out, args.mb, args.seed)
    print(f"{args.out}: {size / 2**20:.1f} MiB, {docs:,} documents, {words:,} words")
    return 0


if __name__ == "__main__":
    sys.exit(main())
