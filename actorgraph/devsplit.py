"""The fixed tune/test split of every development set.

Rules are tuned on the *tune* half only and the *test* half is reported beside it, so the
gap between the two shows how much a change fits the sentences it was written on. The half
of a record is fixed by the SHA-1 of its key, so it is the same on every machine and in
every run, and adding records never moves old ones:

- PLOVER: the record id (``ASSAULT-0012``; a repeated id keeps the half of its first use);
- re3d: the document id (relations of one document stay together);
- seeds: the gold statement's normalised sentence (statements of one sentence stay
  together); a prediction goes with the gold sentence it matches, else with its own.

>>> split_of("ASSAULT-0012") in SPLITS
True
>>> split_of("ASSAULT-0012") == split_of("ASSAULT-0012#2")
True
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Iterable, Mapping, Sequence
from typing import Any, TypeVar

SPLITS = ("tune", "test")
T = TypeVar("T")


def split_of(key: str) -> str:
    """``"tune"`` or ``"test"`` for a record key (the part before a ``#n`` repeat mark)."""
    base = str(key).split("#", 1)[0]
    return SPLITS[hashlib.sha1(base.encode("utf-8")).digest()[0] % 2]


def in_half(items: Iterable[T], key: Callable[[T], str], half: str | None) -> list[T]:
    """The items of one half (all of them when ``half`` is None)."""
    return [x for x in items if half is None or split_of(key(x)) == half]


def seeds_half(
    gold: Sequence[Any],
    predictions: Sequence[Mapping[str, Any]],
    half: str | None,
    sentence_key: Callable[[str], str],
    same_sentence: Callable[[str, str], bool],
) -> tuple[list[Any], list[Mapping[str, Any]]]:
    """The seeds gold statements and predictions of one half.

    ``sentence_key`` normalises a sentence into its split key; ``same_sentence`` is the
    scorer's sentence match, so a prediction follows the gold sentence it would be scored
    against and no prediction is judged against the other half's gold.
    """
    if half is None:
        return list(gold), list(predictions)
    by_doc: dict[str, list[str]] = {}
    for g in gold:
        by_doc.setdefault(str(g.doc), []).append(g.sentence)
    kept_gold = [g for g in gold if split_of(sentence_key(g.sentence)) == half]
    kept = []
    for p in predictions:
        sentence = str(p.get("sentence") or "")
        matched = next((s for s in by_doc.get(str(p.get("doc")), ())
                        if same_sentence(s, sentence)), sentence)
        if split_of(sentence_key(matched)) == half:
            kept.append(p)
    return kept_gold, kept


def gap_rows(
    results: Mapping[str, Mapping[str, Mapping[str, Any]]],
    headline: Mapping[str, Sequence[tuple[str, str]]],
) -> list[list[str]]:
    """Rows ``[data set, metric, tune, test, test - tune, (baseline test)...]`` for each
    headline metric of each data set scored on both halves; systems after the first are
    shown on the test half only, as the baseline beside it."""
    rows = []
    for dataset, metrics in headline.items():
        tune, test = results.get(f"{dataset} (tune)"), results.get(f"{dataset} (test)")
        if not tune or not test:
            continue
        systems = list(test)
        main = systems[0]
        for key, label in metrics:
            a, b = tune.get(main, {}).get(key), test.get(main, {}).get(key)
            if not isinstance(a, (int, float)) or not isinstance(b, (int, float)):
                continue
            row = [dataset, label, f"{a:.3f}", f"{b:.3f}", f"{b - a:+.3f}"]
            for other in systems[1:]:
                v = test[other].get(key)
                row.append(f"{v:.3f}" if isinstance(v, (int, float)) else "-")
            rows.append(row)
    return rows
