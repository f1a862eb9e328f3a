# ==== BEGIN core fixtures (owner: extraction + store) ====
"""Shared fixtures: one extractor per session, and the seeds graph built once by the
README's main job (``actorgraph.pipeline.build`` on ``seeds/``)."""
from pathlib import Path as _Path

import pytest

REPO = _Path(__file__).resolve().parent.parent
SEEDS = REPO / "seeds"
SHARED_DATA = REPO.parent / "shared" / "data"


@pytest.fixture(scope="session")
def extractor():
    from actorgraph.extract.pipeline import Extractor

    return Extractor()


@pytest.fixture(scope="session")
def seeds_out(tmp_path_factory, extractor):
    """An OUT directory holding the seeds store (store.sqlite, graph.html)."""
    from actorgraph.pipeline import build

    out = tmp_path_factory.mktemp("seeds_out")
    summary = build([SEEDS], out, extractor=extractor)
    assert summary.documents_added == 2, summary
    return out


@pytest.fixture(scope="session")
def seeds_graph(seeds_out):
    """The seeds store file's path."""
    return seeds_out / "store.sqlite"


@pytest.fixture(scope="session")
def seeds_triples(seeds_out):
    from actorgraph.graph.store import iter_triples

    return list(iter_triples(seeds_out))
# ==== END core fixtures ====


# ==== BEGIN bolt fixtures (owner: Neo4j backend; graph/neo4j.py, tests/bolt_server.py) ====
# A Bolt server for tests marked `bolt`: by default an ArcadeDB process started once per
# session (tests/bolt_server.py: free ports, fresh root dir, stopped by PID). With NEO4J_URI
# and NEO4J_PASSWORD in the environment the same tests run against that server instead; its
# database must be empty at session start (whole-graph assertions), and every test deletes
# exactly the actors and documents it loaded (`bolt_db.track`), leaving it empty again.
import os as _bolt_os  # noqa: E402
import sys as _bolt_sys  # noqa: E402

import pytest as _bolt_pytest  # noqa: E402


class _BoltTarget:
    def __init__(self, server=None, settings=None):
        self.server = server  # BoltServer when we own the process, else None
        self._settings = settings

    @property
    def external(self) -> bool:
        return self.server is None

    def settings(self, **overrides):
        if self.server is not None:
            return self.server.settings(**overrides)
        from dataclasses import replace

        return replace(self._settings, **overrides)


@_bolt_pytest.fixture(scope="session")
def bolt_target():
    from actorgraph.graph.neo4j import Neo4jSettings, run_query

    if _bolt_os.environ.get("NEO4J_URI") and _bolt_os.environ.get("NEO4J_PASSWORD"):
        settings = Neo4jSettings.from_env()
        n = run_query(settings, "MATCH (n) RETURN count(n) AS n").rows[0][0]
        if n:
            _bolt_pytest.skip(f"{settings.uri} database {settings.database!r} holds {n} nodes; "
                              f"bolt tests need an empty database (set NEO4J_DATABASE)")
        yield _BoltTarget(settings=settings)
        return
    _bolt_sys.path.insert(0, str(__import__("pathlib").Path(__file__).parent))
    from bolt_server import BoltServer

    server = BoltServer().start()
    try:
        yield _BoltTarget(server=server)
    finally:
        server.close()


class _BoltDatabase:
    """Settings for one test plus bookkeeping of what it loaded, deleted afterwards."""

    def __init__(self, target):
        self.target = target
        self.settings = target.settings()
        self.actor_ids: set[str] = set()
        self.doc_hashes: set[str] = set()

    def track(self, store_dir):
        from actorgraph.graph.store import open_store

        with open_store(store_dir) as s:
            self.actor_ids |= {a["id"] for a in s.actors()}
            self.doc_hashes |= {d.hash for d in s.documents()}
        return store_dir

    def cleanup(self, settings=None):
        from actorgraph.graph.neo4j import run_query

        settings = settings or self.settings
        ids, hashes = sorted(self.actor_ids), sorted(self.doc_hashes)
        for i in range(0, max(len(ids), len(hashes)), 500):
            run_query(settings, "MATCH (a:Actor) WHERE a.id IN $ids DETACH DELETE a",
                      {"ids": ids[i:i + 500]}, write=True)
            run_query(settings, "MATCH (d:Document) WHERE d.hash IN $h DETACH DELETE d",
                      {"h": hashes[i:i + 500]}, write=True)


@_bolt_pytest.fixture
def bolt_db(bolt_target):
    db = _BoltDatabase(bolt_target)
    yield db
    db.cleanup()
# ==== END bolt fixtures ====
