"""Neo4j (or any Bolt + Cypher server): load a store on the v2 model, and query it.

This is the public import path; the work is split by concern:

- :mod:`actorgraph.graph.neo4j_client`: settings (``NEO4J_*``), a verified connection,
  one-line errors that never show the password, read queries (:func:`run_query`).
- :mod:`actorgraph.graph.neo4j_rows`: documents -> pre-aggregated parameter rows
  (pure Python; also the reference aggregation the tests compare loads with).
- :mod:`actorgraph.graph.neo4j_load`: schema, the batched idempotent loader
  (:func:`load_store`), the in-place upgrade of older databases, :func:`dump_graph`.

The database holds the model of :mod:`actorgraph.graph.model`: asserted facts as
vocabulary-typed relationships, every other statement as ``CLAIM``, one ``Mention`` node
per triple linked to its actors and ``Document``, native ``date()``/``datetime()`` values.
Library queries (``queries/*.cypher``) run unchanged here and on the embedded store.

>>> settings = Neo4jSettings(uri="bolt://localhost:7687", password="s3cret")
>>> settings
Neo4jSettings(uri='bolt://localhost:7687', username='neo4j', database='neo4j', ...)
>>> summary = load_store("out/", settings)                  # doctest: +SKIP
>>> print(summary)                                          # doctest: +SKIP
loaded 12 documents (0 already in the database) in 1 batch: 41 nodes created ...
>>> format_result(run_query(settings, "MATCH (a:Actor) RETURN count(a) AS n"))  # doctest: +SKIP
"""

from __future__ import annotations

from actorgraph.graph.neo4j_client import (
    DEFAULT_DATABASE,
    DEFAULT_URI,
    URI_SCHEMES,
    Neo4jLoadError,
    Neo4jQueryError,
    Neo4jSettings,
    connect,
    run_query,
)
from actorgraph.graph.neo4j_load import (
    SCHEMA_STATEMENTS,
    LoadSummary,
    batches,
    dump_graph,
    ensure_schema,
    load_documents,
    load_store,
    schema_description,
    store_documents,
    upgrade_database,
)
from actorgraph.graph.neo4j_rows import aggregate, batch_rows
from actorgraph.graph.query import QueryResult, format_result

__all__ = [
    "DEFAULT_DATABASE",
    "DEFAULT_URI",
    "LoadSummary",
    "Neo4jLoadError",
    "Neo4jQueryError",
    "Neo4jSettings",
    "QueryResult",
    "SCHEMA_STATEMENTS",
    "URI_SCHEMES",
    "aggregate",
    "batch_rows",
    "batches",
    "connect",
    "dump_graph",
    "ensure_schema",
    "format_result",
    "load_documents",
    "load_store",
    "run_query",
    "schema_description",
    "store_documents",
    "upgrade_database",
]
