"""Corpus scale, end to end through the console script: a build killed outright resumes to
the clean graph; a hostile corpus is reported line by line without losing stored data; a
build on a Dask scheduler by address gives the local graph."""

from __future__ import annotations

import gzip
import json
import os
import random
import shutil
import signal
import subprocess
import sys
import time
from collections import Counter
from pathlib import Path

import psutil
import pytest

REPO = Path(__file__).resolve().parent.parent
SEEDS = REPO / "seeds"
CLI = [sys.executable, "-m", "actorgraph"]
sys.path.insert(0, str(REPO / "tests" / "extract"))
from test_parallel import write_corpus  # noqa: E402


def cli(*args: object, env: dict | None = None, timeout: float = 600):
    return subprocess.run([*CLI, *map(str, args)], cwd=REPO, capture_output=True, text=True,
                          timeout=timeout, env={**os.environ, "PYTHONUTF8": "1", **(env or {})})


def graph(out: Path) -> dict:
    """The stored graph as plain records (documents in commit order)."""
    from dataclasses import asdict

    from actorgraph.graph.store import open_store

    with open_store(out) as s:
        return {"documents": [asdict(d) for d in s.documents()], "actors": list(s.actors()),
                "relations": list(s.relations())}


def triple_lines(out: Path) -> list[dict]:
    from actorgraph.graph.store import iter_triples

    return [t.to_dict() for t in iter_triples(out)]


def same_graph(a: Path, b: Path) -> None:
    ga, gb = graph(a), graph(b)
    for part in ("documents", "actors", "relations"):
        assert ga[part] == gb[part], part
    assert len(triple_lines(a)) == len(triple_lines(b))


# --- interrupted runs ---------------------------------------------------------------------


@pytest.mark.slow
def test_build_killed_midway_then_rerun_equals_a_clean_build(tmp_path: Path) -> None:
    """SIGKILL (no cleanup runs) after some checkpoints, then build again: nothing is lost
    or counted twice. The killed run uses two worker processes, which must die with it."""
    corpus = write_corpus(tmp_path / "news.jsonl", n=120)
    clean, killed = tmp_path / "clean", tmp_path / "killed"
    r = cli("build", corpus, "-o", clean, "--no-view", "-q", "--batch-size", "4")
    assert r.returncode == 0, r.stderr
    total = len(graph(clean)["documents"])
    assert total == 120

    env = {**os.environ, "PYTHONUTF8": "1", "ACTORGRAPH_SAVE_EVERY_DOCS": "3"}
    proc = subprocess.Popen(
        [*CLI, "build", str(corpus), "-o", str(killed), "--no-view", "-q", "--workers", "2",
         "--batch-size", "4"], cwd=REPO, env=env, stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE)
    saved = 0
    workers: set[int] = set()
    deadline = time.monotonic() + 300
    try:
        while time.monotonic() < deadline and proc.poll() is None:
            try:
                workers |= {c.pid for c in psutil.Process(proc.pid).children(recursive=True)}
                saved = len(graph(killed)["documents"])
            except (FileNotFoundError, psutil.NoSuchProcess):
                saved = 0
            if saved >= 12:
                break
            time.sleep(0.02)
        assert proc.poll() is None, "the build finished before it could be killed"
        os.kill(proc.pid, signal.SIGKILL)
        proc.wait(timeout=30)
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()
    on_disk = len(graph(killed)["documents"])
    assert 12 <= on_disk < total, on_disk

    # The orphaned workers notice their loader is gone and exit.
    deadline = time.monotonic() + 15
    while time.monotonic() < deadline and any(psutil.pid_exists(p) for p in workers):
        time.sleep(0.2)
    assert workers and not [p for p in workers if psutil.pid_exists(p)
                            and psutil.Process(p).status() != psutil.STATUS_ZOMBIE]

    r = cli("build", corpus, "-o", killed, "--no-view", "-q", "--batch-size", "4")
    assert r.returncode == 0, r.stderr
    assert f"already in the graph {on_disk}" in r.stdout
    same_graph(killed, clean)


# --- hostile corpus -----------------------------------------------------------------------


def write_hostile_corpus(d: Path, one_line_mb: float = 5) -> dict[str, list[int | None]]:
    """Every kind of bad input beside good ones; returns the expected problems: file name
    -> the lines reported (None for whole-file problems)."""
    d.mkdir(parents=True)
    (d / "binary.txt").write_bytes(bytes(range(256)) * 40)
    (d / "empty.txt").write_bytes(b"")
    (d / "latin1.txt").write_bytes(
        "Président François Hollande met Angela Merkel in Paris.".encode("latin-1"))
    (d / "bom.txt").write_bytes(b"\xef\xbb\xbf" + b"Vladimir Putin met Bashar al-Assad.")
    (d / "page.html").write_text(
        "<html><head><title>Talks</title><style>p {color: red}</style></head><body>"
        "<p>Iran condemned Israel.</p><script>var Russia = 'attacked';</script>"
        "<p>Turkey accused Syria of shelling the border.</p></body></html>", encoding="utf-8")
    # One line of several MB: news sentences between long unbroken data blobs (a minified
    # dump), every blob different so no two segments are the same text.
    rnd = random.Random(7)
    alnum = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789"
    with (d / "oneline.txt").open("w", encoding="ascii") as fh:
        written = 0
        while written < one_line_mb * 2**20:
            unit = ("Egypt condemned Libya for the attack. "
                    + "".join(rnd.choices(alnum, k=4000)) + " ")
            fh.write(unit)
            written += len(unit)
    lines = [
        json.dumps({"id": "a1", "text": "John Kerry met Sergei Lavrov in Geneva."}),
        '{"id": "broken", "text": "unterminated',
        json.dumps({"id": "notext", "title": "no text here"}),
        json.dumps({"id": "a1", "text": "Barack Obama criticized Vladimir Putin."}),
        json.dumps({"id": "a2", "text": "NATO warned Russia."}),
    ]
    (d / "news.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    with gzip.open(d / "more.jsonl.gz", "wt", encoding="utf-8") as fh:
        fh.write(json.dumps({"id": "g1", "text": "China criticized Japan."}) + "\n")
    return {"binary.txt": [None], "empty.txt": [None], "latin1.txt": [1],
            "news.jsonl": [2, 3, 4]}


def test_hostile_corpus_into_an_existing_graph(seeds_out: Path, tmp_path: Path) -> None:
    from actorgraph.extract.documents import read_documents

    out = tmp_path / "out"
    shutil.copytree(seeds_out, out)
    before = graph(out)
    before_triples = triple_lines(out)
    before_lines = len(before_triples)
    corpus = tmp_path / "corpus"
    expected = write_hostile_corpus(corpus)

    r = cli("build", corpus, "-o", out, "--no-view", "-q")
    assert r.returncode == 1, r.stderr  # something was skipped
    assert "Traceback" not in r.stderr

    # Each problem exactly once, naming its file and (for line-based input) its line.
    err = r.stderr.splitlines()
    for name, lines in expected.items():
        mine = [e for e in err if f"{name}:" in e]
        assert len(mine) == len(lines), (name, mine)
        for line in lines:
            if line is not None:
                assert sum(f"{name}:{line}:" in e for e in mine) == 1, (name, line, mine)
    assert len(err) == sum(len(v) for v in expected.values()), err
    assert "skipped or noted" in r.stdout and "malformed JSON x1" in r.stdout

    # Every good document was merged: whole ones and each segment of the long line.
    after = graph(out)
    ids = Counter(d["id"] for d in after["documents"])
    segments = sum(1 for d in read_documents([corpus / "oneline.txt"]))
    assert segments >= 50
    good = {"bom": 1, "latin1": 1, "page": 1, "a1": 1, "a1~2": 1, "a2": 1, "g1": 1,
            "oneline": segments}
    for doc_id, n in good.items():
        assert ids[doc_id] == n, doc_id
    assert len(after["documents"]) == len(before["documents"]) + sum(good.values())
    assert f"added {sum(good.values())}," in r.stdout

    # Nothing stored before is lost: ledger entries unchanged, every relation still there
    # with its count grown by exactly the new mentions, earlier mentions kept.
    assert after["documents"][: len(before["documents"])] == before["documents"]
    lines = triple_lines(out)
    assert lines[:before_lines] == before_triples  # earlier evidence kept, in order
    new = Counter((t["subject"]["id"], t["object"]["id"], t["relation"],
                   "negated" if t["negated"] else t["modality"]) for t in lines[before_lines:])
    rels = {(x["source"], x["target"], x["relation"], x["factuality"]): x
            for x in after["relations"]}
    for old in before["relations"]:
        key = (old["source"], old["target"], old["relation"], old["factuality"])
        assert key in rels, key
        assert rels[key]["count"] == old["count"] + new[key], key
    actors = {a["id"] for a in after["actors"]}
    assert {a["id"] for a in before["actors"]} <= actors
    assert len(lines) > before_lines
    # Good text from the awkward inputs made it into the graph.
    names = {a["name"] for a in after["actors"]}
    assert {"Egypt", "Libya", "China", "Japan"} <= names, names


# --- Dask, by scheduler address -----------------------------------------------------------


@pytest.mark.slow
def test_build_on_a_dask_scheduler_address_equals_the_local_build(
    seeds_out: Path, tmp_path: Path
) -> None:
    distributed = pytest.importorskip("distributed")
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True,
                                  dashboard_address=None) as cluster:
        r = cli("build", SEEDS, "-o", tmp_path / "out", "--no-view", "-q",
                "--scheduler", cluster.scheduler_address)
    assert r.returncode == 0, r.stderr
    assert "documents read 2, added 2" in r.stdout
    same_graph(tmp_path / "out", seeds_out)
