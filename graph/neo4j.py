"""Load the embedded store into Neo4j (or any Bolt + Cypher server) and query it.

The database holds the graph model of :mod:`actorgraph.graph.model` unchanged, with one
addition the embedded store keeps in ``graph.json`` instead: the ``Document`` nodes *are*
the ledger. Each document is written exactly once, keyed by its content ``hash``:

- Schema first (:func:`ensure_schema`): a uniqueness constraint on ``Actor.id`` (MERGE
  target), one on ``Document.hash`` (the ledger key) and a plain index on ``Document.id``
  (provenance lookups; ids are not unique, an edited article keeps its id but not its hash).
- :func:`load_store` streams ``OUT/triples.jsonl`` document by document in the ledger order
  of ``OUT/graph.json`` and writes batches of *whole* documents, each batch in one managed
  transaction: skip documents whose hash is already a ``Document`` node, then ``UNWIND
  $rows ... MERGE`` actors and relationships (one statement per vocabulary type) with count
  increments, and create the new ``Document`` nodes and their ``MENTIONED_IN``. A server
  lost mid-load therefore leaves whole documents only, and running the same load again
  adds exactly what is missing.
- Merge semantics equal :meth:`GraphStore._merge`: ``mentions``, ``asserted_mentions`` (the
  asserted ones only) and ``count`` add up,
  ``aliases`` and ``docs`` grow in first-seen order without repeats, ``country``/``sector``/
  ``role`` keep the first non-null value, ``name``/``type``/``plover``/``quad``/``asserted``
  come from the first mention, ``confidence`` is the maximum and ``evidence`` (sentences, with
  ``evidence_docs`` beside them) keeps the first :data:`MAX_EVIDENCE`.
- ``MENTIONED_IN {count}``: one per (actor, document), the number of triples of that
  document the actor takes part in (subject and object each count), so the ``count`` of an
  actor's ``MENTIONED_IN`` relationships sums to its ``mentions``.
- A database loaded before ``Actor.asserted_mentions`` existed is completed first
  (:func:`upgrade_actors`: the sum of the ``count`` of the actor's asserted relationships,
  what the embedded store derives for an older ``graph.json``), so later loads add to it.
- Only parameters carry values. Relationship types cannot be parameters in Cypher, so rows
  are grouped by type and only names that pass :func:`checked_relation_type` are spliced.

One loader per database at a time: increments are atomic per transaction, but two loaders
given the same new document could both see it missing and count it twice.

>>> settings = Neo4jSettings(uri="bolt://localhost:7687", password="s3cret")
>>> settings
Neo4jSettings(uri='bolt://localhost:7687', username='neo4j', database='neo4j', ...)
>>> summary = load_store("out/", settings)                  # doctest: +SKIP
>>> print(summary)                                          # doctest: +SKIP
loaded 12 documents (0 already in the database) in 1 batch: 41 nodes created ...
>>> format_result(run_query(settings, "MATCH (a:Actor) RETURN count(a) AS n"))  # doctest: +SKIP
"""

from __future__ import annotations

import os
import time
from collections.abc import Callable, Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from actorgraph.extract.triples import Triple
from actorgraph.graph.model import (
    ACTOR,
    DOCUMENT,
    MAX_EVIDENCE,
    MENTIONED_IN,
    checked_relation_type,
    relation_types,
)
from actorgraph.graph.query import QueryResult, format_result  # noqa: F401  (re-exported)
from actorgraph.graph.readonly import UnsafeQuery, check_read_only
from actorgraph.graph.store import DocumentRecord, StoreError, open_store

__all__ = [
    "LoadSummary",
    "Neo4jLoadError",
    "Neo4jQueryError",
    "Neo4jSettings",
    "SCHEMA_STATEMENTS",
    "connect",
    "dump_graph",
    "ensure_schema",
    "load_store",
    "run_query",
    "schema_description",
    "upgrade_actors",
]

DEFAULT_URI = "bolt://localhost:7687"
DEFAULT_DATABASE = "neo4j"
#: Bolt only: driver 6 also takes http(s):// (a preview Query API needing aiohttp).
URI_SCHEMES = ("bolt", "bolt+s", "bolt+ssc", "neo4j", "neo4j+s", "neo4j+ssc")

#: Constraints and indexes, created before the first write (idempotent: IF NOT EXISTS).
SCHEMA_STATEMENTS = (
    f"CREATE CONSTRAINT actor_id IF NOT EXISTS FOR (a:{ACTOR}) REQUIRE a.id IS UNIQUE",
    f"CREATE CONSTRAINT document_hash IF NOT EXISTS FOR (d:{DOCUMENT}) REQUIRE d.hash IS UNIQUE",
    f"CREATE INDEX document_id IF NOT EXISTS FOR (d:{DOCUMENT}) ON (d.id)",
)


class Neo4jLoadError(RuntimeError):
    """A Neo4j operation failed; the message is one line a user can act on (no password)."""


class Neo4jQueryError(Neo4jLoadError):
    """The server rejected a query (syntax, unknown function...); the message is the server's."""


@dataclass(frozen=True)
class Neo4jSettings:
    """Where and how to connect. The password never appears in ``repr`` or messages.

    >>> Neo4jSettings.from_env({"NEO4J_URI": "neo4j://db:7687", "NEO4J_PASSWORD": "pw"})
    Neo4jSettings(uri='neo4j://db:7687', username='neo4j', database='neo4j', ...)
    """

    uri: str = DEFAULT_URI
    username: str = "neo4j"
    password: str = field(default="", repr=False)
    #: Neo4j's default database; ArcadeDB refuses a session without one, so be explicit.
    database: str = DEFAULT_DATABASE
    #: How long the driver keeps retrying a transaction on transient errors / lost servers.
    retry_seconds: float = field(default=30.0, repr=False)
    connection_timeout: float = field(default=10.0, repr=False)

    @classmethod
    def from_env(cls, env: Mapping[str, str] | None = None, **overrides: Any) -> Neo4jSettings:
        """Read ``NEO4J_URI``, ``NEO4J_USERNAME``, ``NEO4J_PASSWORD``, ``NEO4J_DATABASE``.

        Explicit ``overrides`` that are not None win over the environment.
        """
        env = os.environ if env is None else env
        values: dict[str, Any] = {
            "uri": env.get("NEO4J_URI") or DEFAULT_URI,
            "username": env.get("NEO4J_USERNAME") or "neo4j",
            "password": env.get("NEO4J_PASSWORD") or "",
            "database": env.get("NEO4J_DATABASE") or DEFAULT_DATABASE,
        }
        values.update({k: v for k, v in overrides.items() if v is not None})
        return cls(**values)

    def __repr__(self) -> str:
        return (f"Neo4jSettings(uri={self.uri!r}, username={self.username!r}, "
                f"database={self.database!r}, ...)")

    __str__ = __repr__


@dataclass
class LoadSummary:
    """What a load did, from the server's own result counters where they exist."""

    documents_total: int = 0
    documents_loaded: int = 0
    documents_skipped: int = 0
    triples_loaded: int = 0
    batches: int = 0
    nodes_created: int = 0
    nodes_updated: int = 0
    relationships_created: int = 0
    relationships_updated: int = 0
    properties_set: int = 0
    seconds: float = 0.0

    def __str__(self) -> str:
        return (
            f"loaded {self.documents_loaded} documents ({self.documents_skipped} already in "
            f"the database) in {self.batches} batch{'es' if self.batches != 1 else ''}: "
            f"{self.nodes_created} nodes created, {self.nodes_updated} updated; "
            f"{self.relationships_created} relationships created, "
            f"{self.relationships_updated} updated; {self.triples_loaded} triples "
            f"in {self.seconds:.1f}s"
        )


# --- connection and errors ------------------------------------------------------------------


def _neo4j() -> Any:
    try:
        import neo4j
    except ImportError as e:  # pragma: no cover - neo4j is a dependency
        raise Neo4jLoadError("the neo4j driver is not installed: pip install neo4j") from e
    return neo4j


def _translate(exc: Exception, settings: Neo4jSettings, doing: str) -> Neo4jLoadError:
    """One line naming the server, the user or database, and the fix; never the password."""
    ex = _neo4j().exceptions
    code = getattr(exc, "code", None) or ""
    where = f"Neo4j at {settings.uri}"
    if isinstance(exc, ex.AuthError) or code.startswith("Neo.ClientError.Security.Unauthorized"):
        return Neo4jLoadError(
            f"{where} refused the credentials of user {settings.username!r} while {doing}: "
            + ("no password was given, set NEO4J_PASSWORD" if not settings.password
               else "check NEO4J_USERNAME / NEO4J_PASSWORD")
        )
    if code == "Neo.ClientError.Database.DatabaseNotFound":
        return Neo4jLoadError(f"{where}: database {settings.database!r} does not exist: "
                              f"check NEO4J_DATABASE")
    if isinstance(exc, ex.Forbidden):
        # ArcadeDB answers Forbidden, with no message, both for a missing database and for
        # one the user may not access; Neo4j uses it for missing privileges.
        detail = _first_line(exc) if getattr(exc, "message", None) else code or "Forbidden"
        return Neo4jLoadError(
            f"{where}: database {settings.database!r} does not exist or user "
            f"{settings.username!r} may not use it ({detail}): check NEO4J_DATABASE"
        )
    if isinstance(exc, ex.ServiceUnavailable | ex.SessionExpired | OSError):
        return Neo4jLoadError(f"cannot reach {where} while {doing}: {_first_line(exc)}")
    if isinstance(exc, ex.ClientError | ex.CypherSyntaxError):
        return Neo4jQueryError(f"{where} rejected the query while {doing}: "
                               f"{_first_line(exc)}")
    return Neo4jLoadError(f"{where} failed while {doing}: {type(exc).__name__}: "
                          f"{_first_line(exc)}")


def _first_line(exc: BaseException) -> str:
    msg = getattr(exc, "message", None) or str(exc) or type(exc).__name__
    return " ".join(str(msg).split())[:300]


@contextmanager
def connect(settings: Neo4jSettings) -> Iterator[Any]:
    """A verified ``neo4j.Driver``: reachable, credentials accepted, database usable.

    Every failure is a :class:`Neo4jLoadError` with a one-line message.

    >>> with connect(Neo4jSettings.from_env()) as driver:      # doctest: +SKIP
    ...     driver.execute_query("RETURN 1", database_="neo4j")
    """
    neo4j = _neo4j()
    scheme = settings.uri.split("://", 1)[0].lower() if "://" in settings.uri else ""
    if scheme not in URI_SCHEMES:
        raise Neo4jLoadError(f"bad Neo4j URI {settings.uri!r}: use one of "
                             f"{', '.join(s + '://' for s in URI_SCHEMES)}")
    try:
        driver = neo4j.GraphDatabase.driver(
            settings.uri,
            auth=(settings.username, settings.password),
            max_transaction_retry_time=settings.retry_seconds,
            connection_timeout=settings.connection_timeout,
            connection_acquisition_timeout=settings.connection_timeout + 5,
        )
    except (ValueError, neo4j.exceptions.ConfigurationError) as e:
        raise Neo4jLoadError(f"bad Neo4j URI {settings.uri!r}: {_first_line(e)}") from e
    try:
        try:
            driver.verify_connectivity()
            # verify_connectivity does not touch the database: a trivial read does.
            driver.execute_query("RETURN 1 AS ok", database_=settings.database,
                                 routing_=neo4j.RoutingControl.READ)
        except Exception as e:
            raise _translate(e, settings, "connecting") from e
        yield driver
    finally:
        driver.close()


def schema_description() -> str:
    """The constraints and indexes the loader creates, one per line (for ``--help``/docs)."""
    return "\n".join(s + ";" for s in SCHEMA_STATEMENTS)


# Actors written before asserted_mentions existed get it from their asserted relationships:
# each asserted mention counted once for its subject and once for its object (a self-relation
# matches both patterns, so twice), as GraphStore counts it. MENTIONED_IN ends at a Document.
_UPGRADE_ACTORS = f"""
MATCH (a:{ACTOR})
WHERE a.asserted_mentions IS NULL
OPTIONAL MATCH (a)-[o]->(:{ACTOR})
WHERE o.asserted = true
WITH a, sum(o.count) AS outgoing
OPTIONAL MATCH (a)<-[i]-(:{ACTOR})
WHERE i.asserted = true
WITH a, outgoing, sum(i.count) AS incoming
SET a.asserted_mentions = coalesce(outgoing, 0) + coalesce(incoming, 0)
RETURN count(*) AS rows
"""


def upgrade_actors(driver: Any, settings: Neo4jSettings) -> int:
    """Give actors loaded by an older actorgraph ``asserted_mentions``; returns how many.

    Safe to run every time: actors that have the property are not touched.
    """
    try:
        records, _summary, _keys = driver.execute_query(_UPGRADE_ACTORS,
                                                        database_=settings.database)
    except Exception as e:
        raise _translate(e, settings, "upgrading actors") from e
    return int(records[0]["rows"]) if records else 0


def ensure_schema(driver: Any, settings: Neo4jSettings) -> None:
    """Create the constraints and indexes if missing (safe to run every time)."""
    for statement in SCHEMA_STATEMENTS:
        try:
            driver.execute_query(statement, database_=settings.database)
        except Exception as e:
            raise _translate(e, settings, "creating the schema") from e


# --- reading the embedded store -------------------------------------------------------------


def _read_ledger(store_dir: str | Path) -> tuple[list[DocumentRecord], int]:
    try:
        with open_store(store_dir) as store:
            return list(store.documents()), store.last_batch
    except StoreError as e:
        raise Neo4jLoadError(str(e)) from e


def iter_store_documents(store_dir: str | Path,
                         ledger: tuple[list[DocumentRecord], int] | None = None,
                         ) -> Iterator[tuple[DocumentRecord, list[Triple]]]:
    """Yield ``(document, its triples)`` in commit order from the store in ``store_dir``.

    ``ledger`` (from :func:`_read_ledger`) bounds the documents to the batches committed
    when it was read, so a build running meanwhile does not change what is loaded.
    """
    try:
        with open_store(store_dir) as store:
            upto = ledger[1] if ledger is not None else None
            yield from store.document_triples(upto_batch=upto)
    except StoreError as e:
        raise Neo4jLoadError(str(e)) from e


# --- one batch of whole documents -> parameter rows ------------------------------------------


@dataclass
class _Rows:
    documents: list[dict[str, Any]]
    actors: list[dict[str, Any]]
    relations: dict[str, list[dict[str, Any]]]
    mentioned_in: list[dict[str, Any]]
    triples: int


def _rows(batch: list[tuple[DocumentRecord, list[Triple]]], allowed: list[str]) -> _Rows:
    """Aggregate a batch in Python, in merge order, exactly as GraphStore._merge would.

    The statements then only add these per-batch aggregates to what the database holds,
    which keeps each statement's row count down to distinct actors/relationships.
    """
    actors: dict[str, dict[str, Any]] = {}
    rels: dict[tuple[str, str, str, str], dict[str, Any]] = {}
    mentioned: dict[tuple[str, str], int] = {}
    documents = []
    n = 0
    for doc, triples in batch:
        documents.append({"id": doc.id, "hash": doc.hash, "title": doc.title,
                          "date": doc.date, "source": doc.source, "url": doc.url,
                          "triples": len(triples)})
        for t in triples:
            n += 1
            for ref in (t.subject, t.object):
                a = actors.get(ref.id)
                if a is None:
                    a = actors[ref.id] = {"id": ref.id, "name": ref.name, "type": ref.type,
                                          "country": None, "sector": None, "role": None,
                                          "aliases": [], "mentions": 0,
                                          "asserted_mentions": 0}
                a["mentions"] += 1
                if t.asserted:
                    a["asserted_mentions"] += 1
                for attr in ("country", "sector", "role"):
                    if a[attr] is None and getattr(ref, attr) is not None:
                        a[attr] = getattr(ref, attr)
                if ref.text not in a["aliases"]:
                    a["aliases"].append(ref.text)
                mentioned[(ref.id, doc.hash)] = mentioned.get((ref.id, doc.hash), 0) + 1
            rtype = checked_relation_type(t.relation, allowed)
            key = (t.subject.id, t.object.id, rtype, t.factuality)
            r = rels.get(key)
            if r is None:
                r = rels[key] = {"source": t.subject.id, "target": t.object.id,
                                 "factuality": t.factuality, "asserted": t.asserted,
                                 "plover": t.plover, "quad": t.quad, "count": 0,
                                 "confidence": 0.0, "docs": [], "evidence": [],
                                 "evidence_docs": [], "_seen": set()}
            r["count"] += 1
            r["confidence"] = max(r["confidence"], round(t.confidence, 3))
            if doc.id not in r["docs"]:
                r["docs"].append(doc.id)
            if len(r["evidence"]) < MAX_EVIDENCE and (doc.id, t.start) not in r["_seen"]:
                r["_seen"].add((doc.id, t.start))
                r["evidence"].append(t.sentence)
                r["evidence_docs"].append(doc.id)
    by_type: dict[str, list[dict[str, Any]]] = {}
    for (_s, _t, rtype, _f), r in rels.items():
        del r["_seen"]
        by_type.setdefault(rtype, []).append(r)
    return _Rows(
        documents=documents,
        actors=list(actors.values()),
        relations=by_type,
        mentioned_in=[{"actor": a, "hash": h, "count": c} for (a, h), c in mentioned.items()],
        triples=n,
    )


_SEEN = f"MATCH (d:{DOCUMENT}) WHERE d.hash IN $hashes RETURN d.hash AS hash"

# The ledger check ran in the same transaction, so every document here is new: CREATE is
# exact (and cheaper than MERGE); the uniqueness constraint on hash still guards it.
_CREATE_DOCUMENTS = f"""
UNWIND $rows AS r
CREATE (d:{DOCUMENT} {{hash: r.hash}})
SET d.id = r.id, d.title = r.title, d.date = r.date, d.source = r.source, d.url = r.url,
    d.triples = r.triples
RETURN count(*) AS rows
"""

_MERGE_ACTORS = f"""
UNWIND $rows AS r
MERGE (a:{ACTOR} {{id: r.id}})
ON CREATE SET a.name = r.name, a.type = r.type, a.aliases = [], a.mentions = 0,
              a.asserted_mentions = 0
SET a.mentions = a.mentions + r.mentions,
    a.asserted_mentions = coalesce(a.asserted_mentions, 0) + r.asserted_mentions,
    a.country = coalesce(a.country, r.country),
    a.sector = coalesce(a.sector, r.sector),
    a.role = coalesce(a.role, r.role),
    a.aliases = a.aliases + [x IN r.aliases WHERE NOT x IN a.aliases]
RETURN count(*) AS rows
"""

def _relations_statement(rtype: str, allowed: list[str] | None = None) -> str:
    """The MERGE for one relationship type.

    ``rtype`` is spliced (Cypher takes no type parameters), so it is checked against the
    vocabulary here, right where it is used. Evidence already held is kept; new sentences
    fill the room left up to MAX_EVIDENCE. The embedded store skips evidence with a (doc id,
    start) it already has; offsets are not stored in the database, so across transactions a
    (doc id, sentence) repeat is skipped instead: they differ only when two versions (two
    hashes) of one document id are loaded.
    """
    rtype = checked_relation_type(rtype, allowed)
    return f"""
UNWIND $rows AS r
MATCH (s:{ACTOR} {{id: r.source}})
MATCH (t:{ACTOR} {{id: r.target}})
MERGE (s)-[e:{rtype} {{factuality: r.factuality}}]->(t)
ON CREATE SET e.asserted = r.asserted, e.plover = r.plover, e.quad = r.quad, e.count = 0,
              e.confidence = 0.0, e.docs = [], e.evidence = [], e.evidence_docs = []
WITH e, r, [i IN range(0, size(r.evidence) - 1) WHERE NOT any(
        j IN range(0, size(e.evidence) - 1)
        WHERE e.evidence_docs[j] = r.evidence_docs[i] AND e.evidence[j] = r.evidence[i])
     ] AS fresh
WITH e, r, fresh[0..({MAX_EVIDENCE} - size(e.evidence))] AS keep
SET e.count = e.count + r.count,
    e.confidence = CASE WHEN r.confidence > e.confidence THEN r.confidence
                        ELSE e.confidence END,
    e.docs = e.docs + [x IN r.docs WHERE NOT x IN e.docs],
    e.evidence = e.evidence + [i IN keep | r.evidence[i]],
    e.evidence_docs = e.evidence_docs + [i IN keep | r.evidence_docs[i]]
RETURN count(*) AS rows
"""


# Rows are already one per (actor, new document), so CREATE, as for the documents.
_CREATE_MENTIONED_IN = f"""
UNWIND $rows AS r
MATCH (a:{ACTOR} {{id: r.actor}})
MATCH (d:{DOCUMENT} {{hash: r.hash}})
CREATE (a)-[:{MENTIONED_IN} {{count: r.count}}]->(d)
RETURN count(*) AS rows
"""


def _write_batch(tx: Any, batch: list[tuple[DocumentRecord, list[Triple]]],
                 allowed: list[str]) -> tuple[int, int, dict[str, int]]:
    """The transaction function: skip known documents, write the rest. Must be re-runnable
    (the driver retries it after transient errors), so the ledger check happens inside."""
    hashes = [d.hash for d, _ in batch]
    seen = {rec["hash"] for rec in tx.run(_SEEN, hashes=hashes)}
    fresh = []
    for doc, triples in batch:
        if doc.hash not in seen:
            seen.add(doc.hash)  # the ledger is keyed by hash: never twice in one batch
            fresh.append((doc, triples))
    stats = {"nodes_created": 0, "nodes_updated": 0, "relationships_created": 0,
             "relationships_updated": 0, "properties_set": 0}
    if not fresh:
        return 0, 0, stats
    rows = _rows(fresh, allowed)

    def run(statement: str, params: list[dict[str, Any]], kind: str) -> None:
        result = tx.run(statement, rows=params)
        n = result.single(strict=True)["rows"]
        c = result.consume().counters
        created = c.nodes_created if kind == "nodes" else c.relationships_created
        stats[f"{kind}_created"] += created
        stats[f"{kind}_updated"] += max(0, n - created)
        stats["properties_set"] += c.properties_set

    run(_CREATE_DOCUMENTS, rows.documents, "nodes")
    if rows.actors:
        run(_MERGE_ACTORS, rows.actors, "nodes")
    for rtype in sorted(rows.relations):
        run(_relations_statement(rtype, allowed), rows.relations[rtype], "relationships")
    if rows.mentioned_in:
        run(_CREATE_MENTIONED_IN, rows.mentioned_in, "relationships")
    return len(fresh), rows.triples, stats


def _batches(docs: Iterator[tuple[DocumentRecord, list[Triple]]], batch_size: int
             ) -> Iterator[list[tuple[DocumentRecord, list[Triple]]]]:
    """Whole documents, at least one per batch, up to ``batch_size`` triples (or documents
    when they have no triples)."""
    batch: list[tuple[DocumentRecord, list[Triple]]] = []
    size = 0
    for doc, triples in docs:
        weight = max(1, len(triples))
        if batch and size + weight > batch_size:
            yield batch
            batch, size = [], 0
        batch.append((doc, triples))
        size += weight
    if batch:
        yield batch


# --- public API -------------------------------------------------------------------------------


def load_store(
    store_dir: str | Path,
    settings: Neo4jSettings,
    batch_size: int = 1000,
    progress: Callable[[int, int], None] | None = None,
    relation_vocabulary: list[str] | None = None,
) -> LoadSummary:
    """Merge the documents of the store in ``store_dir`` (or its ``graph.json``) into Neo4j.

    Documents already in the database (by content hash) are skipped, so loading twice
    changes nothing and loading a grown store adds only the new documents. ``batch_size``
    is the number of triples per transaction (whole documents, at least one).
    ``progress(done, total)`` is called after each batch with documents processed (loaded
    or skipped) and the store's document count. ``relation_vocabulary`` is the allowed
    relationship types (default: :func:`relation_types`; pass the extended list when the
    store was built with extra relation files).

    Raises :class:`Neo4jLoadError` (one line) when the server is unreachable, refuses the
    credentials or database, or is lost mid-load; committed documents stay committed and
    re-running the same call completes the load.

    >>> load_store("out", Neo4jSettings.from_env(), batch_size=500,   # doctest: +SKIP
    ...            progress=lambda done, total: print(f"{done}/{total}"))
    """
    if batch_size < 1:
        raise ValueError("batch_size must be at least 1")
    allowed = relation_vocabulary if relation_vocabulary is not None else relation_types()
    started = time.monotonic()
    ledger = _read_ledger(store_dir)
    total = len(ledger[0])
    summary = LoadSummary(documents_total=total)
    done = 0
    with connect(settings) as driver:
        ensure_schema(driver, settings)
        upgrade_actors(driver, settings)
        with driver.session(database=settings.database) as session:
            for batch in _batches(iter_store_documents(store_dir, ledger), batch_size):
                try:
                    loaded, triples, stats = session.execute_write(_write_batch, batch, allowed)
                except ValueError as e:  # an unchecked relationship type: nothing written
                    raise Neo4jLoadError(f"{store_dir}: {e}; nothing of this batch was "
                                         f"written ({summary.documents_loaded} documents "
                                         f"committed before it)") from e
                except Exception as e:
                    err = _translate(e, settings, "loading")
                    if isinstance(err, Neo4jQueryError):
                        raise err from e
                    raise Neo4jLoadError(
                        f"{err} -- {summary.documents_loaded} documents were committed in this "
                        f"run ({done} of {total} checked), each whole; the batch in flight "
                        f"was committed whole or not at all. Re-run the same load to complete "
                        f"it: documents already in the database are skipped."
                    ) from e
                summary.batches += 1
                summary.documents_loaded += loaded
                summary.documents_skipped += len(batch) - loaded
                summary.triples_loaded += triples
                for k, v in stats.items():
                    setattr(summary, k, getattr(summary, k) + v)
                done += len(batch)
                if progress is not None:
                    progress(done, total)
    summary.seconds = time.monotonic() - started
    return summary


def run_query(settings: Neo4jSettings, cypher: str, params: Mapping[str, Any] | None = None,
              write: bool = False) -> QueryResult:
    """Run one Cypher statement and return its rows as a :class:`QueryResult`.

    Values come back as plain Python: nodes and relationships as their property dicts,
    paths as lists of those, temporal values as ISO strings, so :func:`format_result`
    prints the same as for the embedded store. Reads run in a read transaction (a
    library query cannot modify the database) unless ``write`` is set.

    >>> r = run_query(Neo4jSettings.from_env(),                       # doctest: +SKIP
    ...               "MATCH (a:Actor) RETURN a.name AS name LIMIT $n", {"n": 3})
    >>> r.columns                                                     # doctest: +SKIP
    ['name']
    """
    if not write:
        # A server may ignore the read-routing hint (ArcadeDB took CREATE in a "read"
        # transaction), so the statement is checked here before it is sent.
        try:
            check_read_only(cypher)
        except UnsafeQuery as e:
            raise Neo4jQueryError(str(e)) from e
    neo4j = _neo4j()
    routing = neo4j.RoutingControl.WRITE if write else neo4j.RoutingControl.READ
    with connect(settings) as driver:
        try:
            records, summary, keys = driver.execute_query(
                cypher, dict(params or {}), database_=settings.database, routing_=routing)
        except Exception as e:
            raise _translate(e, settings, "running the query") from e
    return QueryResult(columns=list(keys), rows=[[_plain(v) for v in r.values()]
                                                 for r in records])


def _plain(value: Any) -> Any:
    """Driver values -> JSON-able Python, the shapes the embedded Cypher store returns."""
    from neo4j.graph import Node, Path, Relationship

    if isinstance(value, Node | Relationship):
        return {k: _plain(v) for k, v in dict(value).items()}
    if isinstance(value, Path):
        out: list[Any] = [_plain(value.start_node)]
        for rel in value.relationships:
            out += [_plain(rel), _plain(rel.end_node)]
        return out
    if isinstance(value, list | tuple):
        return [_plain(v) for v in value]
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items()}
    if hasattr(value, "iso_format"):
        return value.iso_format()
    return value


def dump_graph(settings: Neo4jSettings) -> dict[str, list[dict[str, Any]]]:
    """Everything the loader writes, sorted, for comparisons and backups.

    ``{"actors": [...], "relations": [...], "documents": [...], "mentioned_in": [...]}``;
    actor ``aliases`` sorted as in :meth:`GraphStore.actors`, relations keyed like
    :meth:`GraphStore.relations` (``source``, ``target``, ``relation`` + properties).

    >>> dump = dump_graph(Neo4jSettings.from_env())                    # doctest: +SKIP
    >>> sorted(dump), len(dump["documents"])                           # doctest: +SKIP
    (['actors', 'documents', 'mentioned_in', 'relations'], 12)
    """
    def rows(cypher: str) -> list[dict[str, Any]]:
        return run_query(settings, cypher).records()

    actors = [{"id": r["id"], **r["p"], "aliases": sorted(r["p"].get("aliases") or [])}
              for r in rows(f"MATCH (a:{ACTOR}) RETURN a.id AS id, properties(a) AS p")]
    rels = [{"source": r["s"], "target": r["t"], "relation": r["type"], **r["p"]}
            for r in rows(f"MATCH (s:{ACTOR})-[e]->(t:{ACTOR}) RETURN s.id AS s, t.id AS t, "
                          f"type(e) AS type, properties(e) AS p")]
    docs = [r["p"] for r in rows(f"MATCH (d:{DOCUMENT}) RETURN properties(d) AS p")]
    mentioned = rows(f"MATCH (a:{ACTOR})-[m:{MENTIONED_IN}]->(d:{DOCUMENT}) "
                     f"RETURN a.id AS actor, d.hash AS hash, m.count AS count")
    return {
        "actors": sorted(actors, key=lambda a: a["id"]),
        "relations": sorted(rels, key=lambda r: (r["source"], r["target"], r["relation"],
                                                 r["factuality"])),
        "documents": sorted(docs, key=lambda d: d["hash"]),
        "mentioned_in": sorted(mentioned, key=lambda m: (m["actor"], m["hash"])),
    }
