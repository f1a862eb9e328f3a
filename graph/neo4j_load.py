"""Load a store into Neo4j (or any Bolt + Cypher server) on the v2 model.

The database holds :mod:`actorgraph.graph.model` exactly; ``Document`` nodes *are* the
ledger, each written once, keyed by its content ``hash``:

- Schema first (:func:`ensure_schema`): unique ``Actor.id`` (the MERGE target), unique
  ``Document.hash`` (the ledger key), unique ``Mention.id``, and plain indexes on
  ``Document.id`` and ``Mention.month``.
- Batches of *whole* documents, each in one managed transaction (the driver retries it on
  transient errors, so it re-checks the ledger itself): skip documents whose hash is
  already a ``Document``, then four kinds of big ``UNWIND $rows`` statements over rows
  pre-aggregated in Python (:mod:`actorgraph.graph.neo4j_rows`): MERGE actors; CREATE the
  new documents with their ``Mention`` nodes and SUBJECT/OBJECT/IN_DOCUMENT links; MERGE
  relationships, one statement per type (asserted mentions -> the vocabulary type, the
  rest -> ``CLAIM`` keyed by relation and factuality); CREATE ``MENTIONED_IN``. CREATE is
  exact where the ledger check guarantees novelty (documents, mentions, MENTIONED_IN), and
  far cheaper than MERGE. A server lost mid-load leaves whole documents only; re-running
  the same load adds exactly what is missing.
- Relationship merge: ``count`` and ``documents`` add up (a new document is new to every
  relationship), ``confidence`` is the maximum, ``first_seen``/``last_seen`` the min/max.
  ``outlets`` (distinct ``Document.source``) is set from the batch for a new relationship;
  for one that existed and gains a sourced document it is recounted from its mentions in
  the graph (exact, costs a walk over the subject's mentions).
- Dates are native: Python ``date``/``datetime`` parameters become ``date()`` /
  ``datetime()`` values.
- An older database (v1: non-asserted statements as vocabulary relationships, string
  dates, no ``asserted_mentions``) is upgraded in place first (:func:`upgrade_database`).

One loader per database at a time: two loaders given the same new document could both
see it missing.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from typing import Any

from actorgraph.extract.triples import Triple
from actorgraph.graph.model import (
    ACTOR,
    CLAIM,
    DOCUMENT,
    IN_DOCUMENT,
    MENTION,
    MENTIONED_IN,
    OBJECT,
    SUBJECT,
    checked_relation_type,
    document_dates,
    relation_types,
)
from actorgraph.graph.neo4j_client import (
    Neo4jLoadError,
    Neo4jQueryError,
    Neo4jSettings,
    _first_line,
    _translate,
    connect,
    run_query,
)
from actorgraph.graph.neo4j_rows import Batch, Rows, batch_rows

#: Constraints and indexes, created before the first write (idempotent: IF NOT EXISTS).
SCHEMA_STATEMENTS = (
    f"CREATE CONSTRAINT actor_id IF NOT EXISTS FOR (a:{ACTOR}) REQUIRE a.id IS UNIQUE",
    f"CREATE CONSTRAINT document_hash IF NOT EXISTS FOR (d:{DOCUMENT}) REQUIRE d.hash IS UNIQUE",
    f"CREATE CONSTRAINT mention_id IF NOT EXISTS FOR (m:{MENTION}) REQUIRE m.id IS UNIQUE",
    f"CREATE INDEX document_id IF NOT EXISTS FOR (d:{DOCUMENT}) ON (d.id)",
    f"CREATE INDEX mention_month IF NOT EXISTS FOR (m:{MENTION}) ON (m.month)",
)


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


def schema_description() -> str:
    """The constraints and indexes the loader creates, one per line (for ``--help``/docs)."""
    return "\n".join(s + ";" for s in SCHEMA_STATEMENTS)


def ensure_schema(driver: Any, settings: Neo4jSettings) -> None:
    """Create the constraints and indexes if missing (safe to run every time)."""
    for statement in SCHEMA_STATEMENTS:
        try:
            driver.execute_query(statement, database_=settings.database)
        except Exception as e:
            raise _translate(e, settings, "creating the schema") from e


# --- statements ------------------------------------------------------------------------------

_SEEN = f"MATCH (d:{DOCUMENT}) WHERE d.hash IN $hashes RETURN d.hash AS hash"

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
    a.aliases = a.aliases + [x IN r.aliases WHERE NOT x IN a.aliases],
    a.first_seen = CASE WHEN a.first_seen IS NULL OR r.first_seen < a.first_seen
                        THEN r.first_seen ELSE a.first_seen END,
    a.last_seen = CASE WHEN a.last_seen IS NULL OR r.last_seen > a.last_seen
                       THEN r.last_seen ELSE a.last_seen END
RETURN count(*) AS rows, collect(a.id) AS ids, collect(a.mentions) AS mentions
"""

# The ledger check ran in this transaction, so every document and mention here is new:
# CREATE is exact (the uniqueness constraints still guard it). Grouping mentions under their
# document looks each Document up once.
_CREATE_DOCUMENTS = f"""
UNWIND $rows AS r
CREATE (d:{DOCUMENT})
SET d = r.props
WITH d, r
UNWIND r.mentions AS x
MATCH (s:{ACTOR} {{id: x.subject}})
MATCH (o:{ACTOR} {{id: x.object}})
CREATE (m:{MENTION})
SET m = x.props
CREATE (m)-[:{SUBJECT}]->(s), (m)-[:{OBJECT}]->(o), (m)-[:{IN_DOCUMENT}]->(d)
RETURN count(*) AS rows
"""

_CREATE_MENTIONED_IN = f"""
UNWIND $rows AS r
MATCH (a:{ACTOR} {{id: r.actor}})
MATCH (d:{DOCUMENT} {{hash: r.hash}})
CREATE (a)-[:{MENTIONED_IN} {{count: r.count}}]->(d)
RETURN count(*) AS rows
"""


def _pattern(rtype: str, allowed: list[str] | None) -> str:
    """The MERGE pattern of one relationship type; the type is checked right here, because
    Cypher takes no type parameters and this is where it is spliced."""
    if rtype == CLAIM:
        return f"(s)-[e:{CLAIM} {{relation: r.relation, factuality: r.factuality}}]->(t)"
    return f"(s)-[e:{checked_relation_type(rtype, allowed)}]->(t)"


def relations_statement(rtype: str, allowed: list[str] | None = None) -> str:
    """MERGE the rows of one relationship type, adding counts and widening the date range.

    Returns how many rows created their relationship and the indexes (``r.i``) of rows
    whose relationship existed and whose batch brings an outlet: those get their
    ``outlets`` recounted (:func:`outlets_statement`).
    """
    claim = ", e.negated = r.negated, e.modality = r.modality" if rtype == CLAIM else ""
    return f"""
UNWIND $rows AS r
MATCH (s:{ACTOR} {{id: r.source}})
MATCH (t:{ACTOR} {{id: r.target}})
MERGE {_pattern(rtype, allowed)}
ON CREATE SET e.count = 0, e.plover = r.plover, e.quad = r.quad, e.confidence = 0.0,
              e.documents = 0, e.outlets = r.outlets{claim}
WITH e, r, e.count AS before
SET e.count = e.count + r.count,
    e.documents = coalesce(e.documents, 0) + r.documents,
    e.confidence = CASE WHEN r.confidence > e.confidence THEN r.confidence
                        ELSE e.confidence END,
    e.first_seen = CASE WHEN e.first_seen IS NULL OR r.first_seen < e.first_seen
                        THEN r.first_seen ELSE e.first_seen END,
    e.last_seen = CASE WHEN e.last_seen IS NULL OR r.last_seen > e.last_seen
                       THEN r.last_seen ELSE e.last_seen END
RETURN sum(CASE WHEN before = 0 THEN 1 ELSE 0 END) AS created, count(*) AS rows,
       collect(CASE WHEN before > 0 AND r.outlets > 0 THEN r.i END) AS recount
"""


def outlets_statement(rtype: str, allowed: list[str] | None = None,
                      from_object: bool = False) -> str:
    """Recount ``outlets`` of existing relationships from their mentions' documents.

    The walk starts from the endpoint with fewer mentions (``from_object``: the target), so
    a relationship of a hub with a minor actor costs the minor actor's mentions.
    """
    match = _pattern(rtype, allowed).replace("(s)", f"(s:{ACTOR} {{id: r.source}})", 1) \
        .replace("->(t)", f"->(t:{ACTOR} {{id: r.target}})", 1)
    walk = (f"(t)<-[:{OBJECT}]-(m:{MENTION})-[:{SUBJECT}]->(s)" if from_object
            else f"(s)<-[:{SUBJECT}]-(m:{MENTION})-[:{OBJECT}]->(t)")
    return f"""
UNWIND $rows AS r
MATCH {match}
MATCH {walk}
WHERE m.relation = r.relation AND m.factuality = r.factuality
MATCH (m)-[:{IN_DOCUMENT}]->(d:{DOCUMENT})
WITH e, count(DISTINCT d.source) AS outlets
SET e.outlets = outlets
RETURN count(*) AS rows
"""


def _write_batch(tx: Any, batch: Batch, allowed: list[str]) -> tuple[int, int, dict[str, int]]:
    """The transaction function: skip known documents, write the rest. Must be re-runnable
    (the driver retries it after transient errors), so the ledger check happens inside."""
    seen = {rec["hash"] for rec in tx.run(_SEEN, hashes=[d.hash for d, _ in batch])}
    fresh = []
    for doc, triples in batch:
        if doc.hash not in seen:
            seen.add(doc.hash)  # the ledger is keyed by hash: never twice in one batch
            fresh.append((doc, triples))
    stats = dict.fromkeys(("nodes_created", "nodes_updated", "relationships_created",
                           "relationships_updated", "properties_set"), 0)
    if not fresh:
        return 0, 0, stats
    rows = batch_rows(fresh, allowed)
    _run_rows(tx, rows, allowed, stats)
    return len(fresh), rows.triples, stats


def _run_rows(tx: Any, rows: Rows, allowed: list[str], stats: dict[str, int]) -> None:
    """Send one batch's rows, statement by statement, counting what the server did."""

    def run(statement: str, params: list[dict[str, Any]], kind: str) -> Any:
        result = tx.run(statement, rows=params)
        record = result.single(strict=True)
        c = result.consume().counters
        if kind == "actors":
            stats["nodes_created"] += c.nodes_created
            stats["nodes_updated"] += max(0, record["rows"] - c.nodes_created)
        elif kind == "relations":
            stats["relationships_created"] += c.relationships_created
            stats["relationships_updated"] += record["rows"] - record["created"]
        else:
            stats["nodes_created"] += c.nodes_created
            stats["relationships_created"] += c.relationships_created
        stats["properties_set"] += c.properties_set
        return record

    degree: dict[str, int] = {}
    if rows.actors:
        record = run(_MERGE_ACTORS, rows.actors, "actors")
        degree = dict(zip(record["ids"], record["mentions"], strict=True))
    run(_CREATE_DOCUMENTS, rows.documents, "documents")
    for rtype in sorted(rows.relations):
        params = [{**r, "i": i} for i, r in enumerate(rows.relations[rtype])]
        for p in params:  # lists the statements do not read stay in Python
            del p["doc_hashes"], p["outlet_names"]
        record = run(relations_statement(rtype, allowed), params, "relations")
        recount = [params[i] for i in record["recount"]]
        for from_object in (False, True):
            part = [r for r in recount if from_object == (
                degree.get(r["target"], 0) < degree.get(r["source"], 0))]
            if part:
                tx.run(outlets_statement(rtype, allowed, from_object), rows=part).consume()
    if rows.mentioned_in:
        run(_CREATE_MENTIONED_IN, rows.mentioned_in, "links")


def batches(docs: Iterable[tuple[Any, list[Triple]]], batch_size: int) -> Iterator[Batch]:
    """Whole documents, at least one per batch, up to ``batch_size`` triples (or documents
    when they have no triples)."""
    batch: Batch = []
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


# --- upgrading an older database -------------------------------------------------------------

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

_V1_RELATIONSHIPS = f"""
MATCH (s:{ACTOR})-[e]->(t:{ACTOR})
WHERE e.asserted IS NOT NULL AND e.documents IS NULL
RETURN DISTINCT type(e) AS type
"""


def _v1_claims_statement(rtype: str, allowed: list[str] | None) -> str:
    """v1 kept non-asserted statements under the vocabulary type: move them to CLAIM."""
    rtype = checked_relation_type(rtype, allowed)
    return f"""
MATCH (s:{ACTOR})-[e:{rtype}]->(t:{ACTOR})
WHERE e.asserted = false
CREATE (s)-[c:{CLAIM}]->(t)
SET c = properties(e), c.relation = $relation, c.negated = (e.factuality = 'negated'),
    c.modality = CASE WHEN e.factuality = 'negated' THEN null ELSE e.factuality END,
    c.documents = size(e.docs)
DELETE e
RETURN count(*) AS rows
"""


def upgrade_database(driver: Any, settings: Neo4jSettings,
                     allowed: list[str] | None = None) -> dict[str, int]:
    """Bring a database loaded by an older actorgraph to the v2 model, in place.

    Actors get ``asserted_mentions``; non-asserted vocabulary relationships become CLAIM
    (v1 kept no mentions, so those relationships keep their old evidence lists and have no
    ``outlets``); ``documents`` is set from the old ``docs`` list; string document dates
    become ``date()``/``datetime()`` (unreadable ones stay in ``date_raw``). Safe to run
    every time: a database with ``Mention`` nodes is v2 already and costs one lookup.
    Returns what changed.
    """
    def query(cypher: str, **params: Any) -> list[Any]:
        try:
            return driver.execute_query(cypher, params, database_=settings.database)[0]
        except Exception as e:
            raise _translate(e, settings, "upgrading an older database") from e

    done = {"actors": 0, "claims": 0, "documents": 0}
    # A database holding Mention nodes was written (or upgraded) by this loader: skip the
    # scans below, which cost the size of the graph, not of the batch.
    if query(f"MATCH (m:{MENTION}) RETURN m.id AS id LIMIT 1"):
        return done
    done["actors"] = int(query(_UPGRADE_ACTORS)[0]["rows"])
    for rec in query(_V1_RELATIONSHIPS):
        rtype = rec["type"]
        if rtype == CLAIM:
            continue
        done["claims"] += int(query(_v1_claims_statement(rtype, allowed),
                                    relation=rtype)[0]["rows"])
        query(f"MATCH ()-[e:{checked_relation_type(rtype, allowed)}]->() "
              f"WHERE e.documents IS NULL SET e.documents = size(e.docs)")
    rows = []
    for rec in query(f"MATCH (d:{DOCUMENT}) WHERE d.date IS NOT NULL AND d.date_raw IS NULL "
                     f"RETURN d.hash AS hash, d.date AS date"):
        if isinstance(rec["date"], str):
            day, stamp = document_dates(rec["date"])
            rows.append({"hash": rec["hash"], "raw": rec["date"], "date": day, "dt": stamp})
    if rows:
        query(f"UNWIND $rows AS r MATCH (d:{DOCUMENT} {{hash: r.hash}}) "
              f"SET d.date_raw = r.raw, d.date = r.date, d.datetime = r.dt", rows=rows)
        done["documents"] = len(rows)
    return done


# --- the store's documents -------------------------------------------------------------------


def store_documents(store: Any) -> tuple[Iterator[tuple[Any, list[Triple]]], int]:
    """``(documents with their triples in commit order, how many)`` of a store object (the
    store API's ``document_triples()``) or of the store directory ``OUT`` (opened read-only
    and closed when the iteration ends)."""
    if hasattr(store, "document_triples"):
        return iter(store.document_triples()), int(store.stats().get("documents", 0))
    from actorgraph.graph.store import StoreError, open_store

    try:
        handle = open_store(store)
    except StoreError as e:  # its message names the file and what to do
        raise Neo4jLoadError(_first_line(e)) from e

    def stream() -> Iterator[tuple[Any, list[Triple]]]:
        try:
            yield from handle.document_triples()
        finally:
            handle.close()

    return stream(), int(handle.stats().get("documents", 0))


# --- public API ------------------------------------------------------------------------------


def load_store(
    store: Any,
    settings: Neo4jSettings,
    batch_size: int = 5000,
    progress: Callable[[int, int], None] | None = None,
    relation_vocabulary: list[str] | None = None,
) -> LoadSummary:
    """Merge the documents of ``store`` (a store object or the directory ``OUT``) into Neo4j.

    Documents already in the database (by content hash) are skipped, so loading twice
    changes nothing and loading a grown store adds only the new documents. ``batch_size``
    is the number of triples per transaction (whole documents, at least one); the default
    5,000 is the measured sweet spot (bench/README.md). ``progress(done, total)`` is called
    after each batch. ``relation_vocabulary``: the allowed relationship types (default
    :func:`relation_types`; pass the extended list for a store built with extra relations).

    Raises :class:`Neo4jLoadError` (one line) when the server is unreachable, refuses the
    credentials or database, or is lost mid-load; committed documents stay committed and
    re-running the same call completes the load.

    >>> load_store("out", Neo4jSettings.from_env(), batch_size=500,   # doctest: +SKIP
    ...            progress=lambda done, total: print(f"{done}/{total}"))
    """
    docs, total = store_documents(store)
    return load_documents(docs, settings, batch_size=batch_size, progress=progress,
                          relation_vocabulary=relation_vocabulary, total=total)


def load_documents(
    documents: Iterable[tuple[Any, list[Triple]]],
    settings: Neo4jSettings,
    batch_size: int = 5000,
    progress: Callable[[int, int], None] | None = None,
    relation_vocabulary: list[str] | None = None,
    total: int | None = None,
) -> LoadSummary:
    """Load ``(DocumentRecord, triples)`` pairs in order; see :func:`load_store`."""
    if batch_size < 1:
        raise ValueError("batch_size must be at least 1")
    allowed = relation_vocabulary if relation_vocabulary is not None else relation_types()
    started = time.monotonic()
    summary = LoadSummary(documents_total=total or 0)
    done = 0
    with connect(settings) as driver:
        ensure_schema(driver, settings)
        upgrade_database(driver, settings, allowed)
        with driver.session(database=settings.database) as session:
            for batch in batches(documents, batch_size):
                try:
                    loaded, triples, stats = session.execute_write(_write_batch, batch, allowed)
                except ValueError as e:  # an unchecked relationship type: nothing written
                    raise Neo4jLoadError(f"{e}; nothing of this batch was written "
                                         f"({summary.documents_loaded} documents committed "
                                         f"before it)") from e
                except Exception as e:
                    raise _load_error(e, settings, summary, done) from e
                summary.batches += 1
                summary.documents_loaded += loaded
                summary.documents_skipped += len(batch) - loaded
                summary.triples_loaded += triples
                for k, v in stats.items():
                    setattr(summary, k, getattr(summary, k) + v)
                done += len(batch)
                if progress is not None:
                    progress(done, max(done, summary.documents_total))
    summary.documents_total = max(done, summary.documents_total)
    summary.seconds = time.monotonic() - started
    return summary


def _load_error(e: Exception, settings: Neo4jSettings, summary: LoadSummary,
                done: int) -> Neo4jLoadError:
    err = _translate(e, settings, "loading")
    if isinstance(err, Neo4jQueryError):
        return err
    return Neo4jLoadError(
        f"{err} -- {summary.documents_loaded} documents were committed in this run ({done} "
        f"checked), each whole; the batch in flight was committed whole or not at all. "
        f"Re-run the same load to complete it: documents already in the database are skipped."
    )


def dump_graph(settings: Neo4jSettings) -> dict[str, list[dict[str, Any]]]:
    """Everything the loader writes, sorted, in the shape of
    :func:`actorgraph.graph.neo4j_rows.aggregate` (dates as ISO strings), for comparisons."""
    def rows(cypher: str) -> list[dict[str, Any]]:
        return run_query(settings, cypher).records()

    actors = [{"id": r["id"], **r["p"], "aliases": sorted(r["p"].get("aliases") or [])}
              for r in rows(f"MATCH (a:{ACTOR}) RETURN a.id AS id, properties(a) AS p")]
    rels = [{"source": r["s"], "target": r["t"], "type": r["type"], **r["p"]}
            for r in rows(f"MATCH (s:{ACTOR})-[e]->(t:{ACTOR}) RETURN s.id AS s, t.id AS t, "
                          f"type(e) AS type, properties(e) AS p")]
    mentions = [{**r["p"], "subject": r["s"], "object": r["o"], "doc_hash": r["h"]}
                for r in rows(f"MATCH (s:{ACTOR})<-[:{SUBJECT}]-(m:{MENTION})-[:{OBJECT}]->"
                              f"(o:{ACTOR}), (m)-[:{IN_DOCUMENT}]->(d:{DOCUMENT}) RETURN "
                              f"properties(m) AS p, s.id AS s, o.id AS o, d.hash AS h")]
    docs = [r["p"] for r in rows(f"MATCH (d:{DOCUMENT}) RETURN properties(d) AS p")]
    mentioned = rows(f"MATCH (a:{ACTOR})-[m:{MENTIONED_IN}]->(d:{DOCUMENT}) "
                     f"RETURN a.id AS actor, d.hash AS hash, m.count AS count")
    return {
        "actors": sorted(actors, key=lambda a: a["id"]),
        "relations": sorted(rels, key=lambda r: (r["source"], r["target"], r["type"],
                                                 r.get("relation", ""),
                                                 r.get("factuality", ""))),
        "documents": sorted(docs, key=lambda d: d["hash"]),
        "mentions": sorted(mentions, key=lambda m: m["id"]),
        "mentioned_in": sorted(mentioned, key=lambda m: (m["actor"], m["hash"])),
    }
