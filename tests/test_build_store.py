"""The build writes the store of record batch by batch: one writer, kill -9 safe, resumable.

Real components: actorgraph.pipeline.build with the real spaCy pipeline, in subprocesses
that are killed for real.
"""

import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from actorgraph.graph.store import open_store, open_writer

REPO = Path(__file__).resolve().parent.parent
COUNTRIES = ["Germany", "France", "Iran", "Turkey", "Russia", "China", "Japan", "Egypt",
             "Brazil", "Canada", "Spain", "Italy"]
VERBS = ["condemned", "met", "criticized", "praised", "threatened", "supported"]

BUILD = """
import sys
from actorgraph.pipeline import build
s = build(sys.argv[2:], sys.argv[1], render=False, lock_wait=float({wait}))
print("added", s.documents_added, flush=True)
"""


def corpus(root: Path, name: str, n: int, seed: int) -> Path:
    rnd = random.Random(seed)
    d = root / name
    d.mkdir(parents=True)
    for i in range(n):
        a, b = rnd.sample(COUNTRIES, 2)
        c, e = rnd.sample(COUNTRIES, 2)
        (d / f"{name}-{i:03d}.txt").write_text(
            f"{a} {rnd.choice(VERBS)} {b} on Monday. {c} {rnd.choice(VERBS)} {e}.\n",
            encoding="utf-8")
    return d


def start_build(out, inputs, wait=0.0, every=1):
    env = {**os.environ, "ACTORGRAPH_SAVE_EVERY_DOCS": str(every)}
    return subprocess.Popen([sys.executable, "-c", BUILD.format(wait=wait), str(out),
                             *map(str, inputs)], stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True, env=env, cwd=REPO)


def snapshot(out):
    with open_store(out) as s:
        return (sorted(d.hash for d in s.documents()), list(s.actors()), list(s.relations()),
                sorted((m["id"], m["sentence"]) for m in s.mentions()))


def batches(out) -> int:
    try:
        with open_store(out) as s:
            return s.last_batch
    except Exception:
        return 0


@pytest.mark.slow
def test_kill_9_during_a_build_then_resume_equals_a_clean_build(tmp_path):
    docs = corpus(tmp_path, "news", 40, seed=3)
    clean = start_build(tmp_path / "clean", [docs], every=7)
    assert clean.wait(timeout=600) == 0, clean.stderr.read()
    out = tmp_path / "killed"
    p = start_build(out, [docs], every=1)
    deadline = time.monotonic() + 300
    target = random.Random(7).randint(3, 25)
    while batches(out) < target and p.poll() is None and time.monotonic() < deadline:
        time.sleep(0.02)
    p.send_signal(signal.SIGKILL)
    p.wait()
    stored = batches(out)
    assert 0 < stored < 40, "the kill should land mid-build"
    with open_store(out) as s:
        assert s.stats()["documents"] == stored  # one document per batch, whole batches
    again = start_build(out, [docs], wait=30)
    assert again.wait(timeout=600) == 0, again.stderr.read()
    assert f"added {40 - stored}" in again.stdout.read()
    assert snapshot(out) == snapshot(tmp_path / "clean")


@pytest.mark.slow
def test_two_concurrent_builds_into_one_out(tmp_path):
    one, two = corpus(tmp_path, "one", 6, seed=1), corpus(tmp_path, "two", 6, seed=2)
    out = tmp_path / "out"
    # With a long enough wait the second build waits for the first: both sets stored.
    a, b = start_build(out, [one], wait=300), start_build(out, [two], wait=300)
    assert a.wait(timeout=600) == 0, a.stderr.read()
    assert b.wait(timeout=600) == 0, b.stderr.read()
    with open_store(out) as s:
        assert s.stats()["documents"] == 12
    # Without a wait, a second build while one runs is refused, naming the holder.
    out2 = tmp_path / "out2"
    a = start_build(out2, [one], every=1)
    while not (out2 / ".writer.lock").exists() and a.poll() is None:
        time.sleep(0.02)
    time.sleep(0.2)
    b = start_build(out2, [two], wait=0)
    rc_b, err_b = b.wait(timeout=600), b.stderr.read()
    assert a.wait(timeout=600) == 0
    if rc_b == 0:  # the first had already finished: then both sets are stored
        with open_store(out2) as s:
            assert s.stats()["documents"] == 12
    else:
        assert "StoreLocked" in err_b and f"pid {a.pid}" in err_b, err_b
        with open_store(out2) as s:
            assert s.stats()["documents"] == 6


CLI = [sys.executable, "-m", "actorgraph"]


@pytest.mark.parametrize("command", ["summary", "view", "export"])
def test_damaged_store_is_one_line_and_non_zero_through_the_cli(tmp_path, command):
    (tmp_path / "store.sqlite").write_bytes(b"\x00not a store\x00" * 100)
    extra = {"view": ["--html", str(tmp_path / "g.html")],
             "export": ["--format", "graphml", "--to", str(tmp_path / "g.graphml")]}
    r = subprocess.run([*CLI, command, "-o", str(tmp_path), *extra.get(command, [])], cwd=REPO,
                       capture_output=True, text=True, timeout=120)
    assert r.returncode != 0
    assert r.stderr.strip().count("\n") == 0, r.stderr
    assert "store.sqlite: not a readable SQLite store" in r.stderr and "Traceback" not in r.stderr


def test_query_on_a_damaged_store_is_one_line(tmp_path):
    (tmp_path / "store.sqlite").write_bytes(b"\x00not a store\x00" * 100)
    r = subprocess.run([*CLI, "query", "RETURN 1 AS x", "-o", str(tmp_path)], cwd=REPO,
                       capture_output=True, text=True, timeout=120)
    assert r.returncode != 0 and "Traceback" not in r.stderr, r.stderr
    assert "store.sqlite" in r.stderr


def test_reading_a_store_does_not_import_spacy(tmp_path):
    from actorgraph.extract.triples import ActorRef, Triple
    from actorgraph.graph.store import DocumentRecord

    a, b = (ActorRef(f"country:{c}", c, c, "COUNTRY", c) for c in ("DEU", "IRN"))
    doc = (DocumentRecord("d", "h"),
           [Triple("d", "DEU condemned IRN.", 0, 18, a, "CRITICIZES", b, "DISAPPROVE",
                   "VERBAL_CONFLICT", "condemned")])
    code = ("import sys; from actorgraph.pipeline import open_store; "
            "from actorgraph.graph.view import render_html; "
            "s = open_store(sys.argv[1]); s.stats(); list(s.relations()); list(s.mentions()); "
            "render_html(s, sys.argv[1] + '/g.html'); "
            "assert not [m for m in sys.modules if m.split('.')[0] == 'spacy'], 'spacy'")
    with open_writer(tmp_path) as w:
        w.add_batch([doc])
    r = subprocess.run([sys.executable, "-c", code, str(tmp_path)], cwd=REPO,
                       capture_output=True, text=True, timeout=120)
    assert r.returncode == 0, r.stderr
