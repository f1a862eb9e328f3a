"""One writer per OUT: an advisory ``flock`` on ``OUT/.writer.lock``.

The lock file holds the holder's pid, host, command and start time (JSON), so a second
writer can say who is in the way. The kernel drops a ``flock`` when its process dies
(even by ``kill -9``), so a stale file never blocks anyone: only a live holder does.
Readers never take this lock.

>>> import tempfile
>>> out = tempfile.mkdtemp()
>>> with WriterLock(out) as lock:
...     lock.holder()["pid"] == os.getpid()
True
"""

from __future__ import annotations

import fcntl
import json
import os
import socket
import sys
import time
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

from actorgraph.graph.errors import StoreLocked

LOCK_FILE = ".writer.lock"
#: How long a second writer waits for the first by default before giving up.
DEFAULT_WAIT_SECONDS = 10.0
_POLL_SECONDS = 0.1


class WriterLock:
    """Exclusive writer lock on an OUT directory; a context manager."""

    def __init__(self, out_dir: str | Path, wait_seconds: float = DEFAULT_WAIT_SECONDS,
                 command: str | None = None) -> None:
        self.out = Path(out_dir)
        self.path = self.out / LOCK_FILE
        self.wait_seconds = max(0.0, wait_seconds)
        self.command = command or " ".join(Path(sys.argv[0]).name.split() + sys.argv[1:])
        self._fd: int | None = None

    def acquire(self) -> WriterLock:
        """Take the lock, waiting up to ``wait_seconds``; StoreLocked names the holder."""
        self.out.mkdir(parents=True, exist_ok=True)
        fd = os.open(self.path, os.O_RDWR | os.O_CREAT, 0o644)
        deadline = time.monotonic() + self.wait_seconds
        while True:
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
                break
            except BlockingIOError:
                if time.monotonic() >= deadline:
                    os.close(fd)
                    raise StoreLocked(self._busy_message()) from None
                time.sleep(_POLL_SECONDS)
        info = {"pid": os.getpid(), "host": socket.gethostname(), "command": self.command,
                "started": datetime.now(timezone.utc).isoformat(timespec="seconds")}
        os.ftruncate(fd, 0)
        os.pwrite(fd, json.dumps(info).encode(), 0)
        self._fd = fd
        return self

    def release(self) -> None:
        """Drop the lock (the holder info stays in the file, for the record)."""
        if self._fd is not None:
            fcntl.flock(self._fd, fcntl.LOCK_UN)
            os.close(self._fd)
            self._fd = None

    @property
    def held(self) -> bool:
        """True while this object holds the lock."""
        return self._fd is not None

    def holder(self) -> dict[str, Any]:
        """What the lock file says about its (last) holder; {} when unreadable."""
        try:
            data = json.loads(self.path.read_text(encoding="utf-8") or "{}")
        except (OSError, ValueError):
            return {}
        return data if isinstance(data, dict) else {}

    def _busy_message(self) -> str:
        h = self.holder()
        who = (f"pid {h.get('pid', '?')} on {h.get('host', '?')} "
               f"({h.get('command', '?')}, since {h.get('started', '?')})")
        return (f"{self.out} is being written by {who}; waited {self.wait_seconds:g} s. "
                "Wait for it to finish or give a longer wait")

    def __enter__(self) -> WriterLock:
        return self.acquire()

    def __exit__(self, *exc: object) -> None:
        self.release()
