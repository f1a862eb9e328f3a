import json
import os
import subprocess
import sys
import time

import pytest

from actorgraph.graph.errors import StoreLocked
from actorgraph.graph.lock import LOCK_FILE, WriterLock
from actorgraph.graph.store import open_store, open_writer

HOLD = """
import sys, time
from actorgraph.graph.lock import WriterLock
with WriterLock(sys.argv[1], command="holder-test"):
    print("held", flush=True)
    time.sleep(float(sys.argv[2]))
"""


def hold(out, seconds):
    p = subprocess.Popen([sys.executable, "-c", HOLD, str(out), str(seconds)],
                         stdout=subprocess.PIPE, text=True)
    assert p.stdout.readline().strip() == "held"
    return p


def test_second_writer_is_refused_with_the_holder_named(tmp_path):
    p = hold(tmp_path, 30)
    try:
        t0 = time.monotonic()
        with pytest.raises(StoreLocked) as e:
            WriterLock(tmp_path, wait_seconds=0.5).acquire()
        assert time.monotonic() - t0 >= 0.5
        msg = str(e.value)
        assert f"pid {p.pid}" in msg and "holder-test" in msg and "\n" not in msg
    finally:
        p.kill()
        p.wait()


def test_second_writer_waits_for_the_first(tmp_path):
    p = hold(tmp_path, 1.0)
    try:
        with WriterLock(tmp_path, wait_seconds=20) as lock:
            assert lock.held and lock.holder()["pid"] == os.getpid()
    finally:
        p.wait()


def test_a_killed_holder_leaves_no_lock(tmp_path):
    p = hold(tmp_path, 60)
    p.kill()
    p.wait()
    assert json.loads((tmp_path / LOCK_FILE).read_text())["pid"] == p.pid  # stale file
    with WriterLock(tmp_path, wait_seconds=0):
        pass


def test_readers_take_no_lock(tmp_path):
    with open_writer(tmp_path) as w:
        assert w.stats()["documents"] == 0
        with open_store(tmp_path) as r:  # while the writer holds the lock
            assert r.stats()["documents"] == 0
        with pytest.raises(StoreLocked):
            open_writer(tmp_path, wait_seconds=0)
