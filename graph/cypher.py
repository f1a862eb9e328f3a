"""Cypher over the embedded store: LadybugDB, in-process, on an index synced by batch.

The store of record is ``OUT/store.sqlite`` (:mod:`actorgraph.graph.store`). This module
runs Cypher on ``OUT/graph.lbug``, an index of the same graph in the v2 model
(:mod:`actorgraph.graph.model`), which :func:`open_cypher` first brings up to the store's
last committed batch: only batches committed since the last sync are applied
(:mod:`actorgraph.graph.cypher_index`), so the first query after a small build costs the
size of that build, not of the graph. A reader holds a shared lock on the index while it
has it open; the store's writer never waits for it.

Schema (see :func:`schema_text`)
    ``Actor`` (key ``id``), ``Document`` (key ``hash``: one document ``id`` can appear twice
    when its content changed between runs), ``Mention`` (key ``id``) nodes;
    ``(:Mention)-[:SUBJECT|OBJECT]->(:Actor)``, ``(:Mention)-[:IN_DOCUMENT]->(:Document)``;
    one relationship table per vocabulary type for asserted facts, ``CLAIM`` for every
    other statement, ``MENTIONED_IN`` (``Actor -> Document``, ``count``). Dates are DATE.

Dialect: library queries (``queries/*.cypher``) stay in the common subset of Ladybug and
Neo4j 5 Cypher, so :mod:`actorgraph.graph.neo4j` runs the same files unchanged. The one gap
bridged here is ``type(r)``, which Ladybug lacks: every database is built with
``CREATE MACRO type(x) AS label(x)``. Other known gaps to avoid in shared queries: no
``toString``/``startNode``/``endNode``/``labels`` in Ladybug; ``end`` is a keyword to
Ladybug, so write ``m.`end``` (Neo4j accepts it too); list indexing is 1-based in Ladybug
and 0-based in Neo4j; no list comprehensions in Ladybug; ``ORDER BY`` inside ``WITH``
needs ``SKIP``/``LIMIT`` in Ladybug; ``sum()`` over no rows is null in Ladybug and 0 in
Neo4j (wrap in ``coalesce``); an undirected pattern matches a self-loop twice in Ladybug;
date functions differ (use ``Mention.month``, a ``YYYY-MM`` string, for month buckets, and
pass dates as parameters); two ``any(n IN <one list> WHERE ...)`` with different conditions in
one query give wrong results in Ladybug (both use one of the conditions).

Planning, for queries that anchor at an actor: a plain ``MATCH`` after a ``WITH`` makes
Ladybug scan the whole relationship or node table and hash-join it (every mention, at
1M mentions hundreds of ms); an ``OPTIONAL MATCH`` per hop from the bound node makes it
expand from that node instead (then drop the null rows). A filter on a parameter alone
(``WHERE $a = ''``) does not stop a scan. Comparing nodes (``a <> b``) is about 3x cheaper
than comparing their ``id`` strings.

Every statement passes :func:`actorgraph.graph.readonly.check_read_only` first, and the
database is opened read-only.

>>> import tempfile
>>> from actorgraph.extract.triples import ActorRef, Triple
>>> from actorgraph.graph.store import DocumentRecord, MemoryStore
>>> a = ActorRef("person:a", "Ann", "Ann", "PERSON")
>>> b = ActorRef("person:b", "Bob", "Bob", "PERSON")
>>> t = Triple("d1", "Ann met Bob.", 0, 12, a, "MEETS", b, "CONSULT", "VERBAL_COOPERATION", "met")
>>> store = MemoryStore(); _ = store.add_document(DocumentRecord(id="d1", hash="h1"), [t])
>>> out = tempfile.mkdtemp(); _ = store.save(out)
>>> with open_cypher(out) as g:
...     g.run("MATCH (s:Actor)-[r]->(o:Actor) RETURN s.name AS s, type(r) AS rel, o.name AS o")
QueryResult(columns=['s', 'rel', 'o'], rows=[['Ann', 'MEETS', 'Bob']])
>>> run_query(out, "MATCH (a:Actor {id: $id}) RETURN a.mentions AS n, "
...           "a.asserted_mentions AS asserted", {"id": "person:a"}).rows
[[1, 1]]
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from decimal import Decimal
from pathlib import Path
from typing import Any

from actorgraph.extract.lexicon import load_relations
from actorgraph.graph.cypher_index import (
    DB_FILE,
    DEFAULT_LOCK_WAIT,
    READ_BUFFER_BYTES,
    CypherIndexError,
    index_lock,
    index_path,
    sync_index,
)
from actorgraph.graph.errors import StoreError
from actorgraph.graph.model import (
    ACTOR,
    ACTOR_PROPERTIES,
    CLAIM,
    CLAIM_PROPERTIES,
    DOCUMENT,
    DOCUMENT_PROPERTIES,
    IN_DOCUMENT,
    MENTION,
    MENTION_PROPERTIES,
    MENTIONED_IN,
    MENTIONED_IN_PROPERTIES,
    OBJECT,
    RELATION_PROPERTIES,
    SUBJECT,
)
from actorgraph.graph.query import QueryResult, library_queries
from actorgraph.graph.readonly import UnsafeQuery, check_read_only
from actorgraph.graph.store import store_path

__all__ = ["DB_FILE", "CypherError", "CypherGraph", "library_call", "open_cypher",
           "run_query", "schema_text", "sync_index"]

DEFAULT_TIMEOUT_MS = 30_000


class CypherError(RuntimeError):
    """A query or the graph behind it failed; the message is one line naming the problem."""


# --- public API ---------------------------------------------------------------------------


class CypherGraph:
    """A read-only LadybugDB view of one store. Use :func:`open_cypher` to get one."""

    def __init__(self, db_path: Path, timeout_ms: int,
                 lock_wait: float = DEFAULT_LOCK_WAIT) -> None:
        import ladybug

        self.db_path = db_path
        self.timeout_ms = timeout_ms
        # Held while the database is open: a sync (another process's first query after a
        # build) must not change the files under an open reader.
        self._lock = index_lock(db_path, exclusive=False, wait_seconds=lock_wait)
        try:
            self._lock.__enter__()
        except CypherIndexError as e:
            raise CypherError(str(e)) from e
        try:
            self._db = ladybug.Database(str(db_path), read_only=True,
                                        buffer_pool_size=READ_BUFFER_BYTES)
            self._conn = ladybug.Connection(self._db)
        except RuntimeError as e:
            self._lock.__exit__(None, None, None)
            raise CypherError(f"cannot open {db_path}: {_first_line(e)}") from e
        if timeout_ms > 0:
            self._conn.set_query_timeout(timeout_ms)

    def run(self, query: str, params: dict[str, Any] | None = None) -> QueryResult:
        """Run one Cypher statement with ``$parameters``; rows come back as plain Python.

        Parameters are checked against the ``$names`` the query uses, so a misspelt or
        missing one is an error rather than a silent null.
        """
        params = dict(params or {})
        try:
            check_read_only(query)
        except UnsafeQuery as e:
            raise CypherError(str(e)) from e
        check_params(query, params)
        try:
            result = self._conn.execute(query, params)
        except RuntimeError as e:
            raise _translate_error(e, self.timeout_ms) from e
        if isinstance(result, list):
            for r in result:
                r.close()
            raise CypherError("one statement per query: remove the ';'-separated extra ones")
        try:
            columns = list(result.get_column_names())
            rows = [[to_python(v) for v in row] for row in result.get_all()]
        finally:
            result.close()
        return QueryResult(columns=columns, rows=rows)

    def run_library(self, name: str, params: dict[str, Any] | None = None) -> QueryResult:
        """Run the library query ``queries/<name>.cypher`` with its header defaults filled in."""
        return self.run(*library_call(name, params))

    def close(self) -> None:
        """Release the database file and the index lock; safe to call twice."""
        if not self._db.is_closed:
            self._conn.close()
            self._db.close()
            self._lock.__exit__(None, None, None)

    def __enter__(self) -> CypherGraph:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def open_cypher(
    graph_path: str | Path,
    *,
    timeout_ms: int = DEFAULT_TIMEOUT_MS,
    rebuild: bool = False,
) -> CypherGraph:
    """Open the Cypher view of the store at ``graph_path`` (OUT or OUT/store.sqlite).

    Syncs ``OUT/graph.lbug`` with the store first (only the batches it lacks; from scratch
    when ``rebuild``, absent or damaged). ``timeout_ms`` bounds every query (0 disables it).
    """
    out = store_path(graph_path).parent
    try:
        sync_index(out, rebuild=rebuild)
        return CypherGraph(index_path(out), timeout_ms)
    except StoreError as e:
        raise CypherError(str(e)) from e
    except (CypherIndexError, OSError) as e:
        raise CypherError(f"{index_path(out)}: {e}") from e
    except CypherError:
        if rebuild:
            raise
    # An index that will not open (a stray .wal, a damaged or foreign file) is rebuilt once.
    try:
        sync_index(out, rebuild=True)
    except (StoreError, CypherIndexError) as e:
        raise CypherError(str(e)) from e
    return CypherGraph(index_path(out), timeout_ms)


def run_query(
    graph_path: str | Path, query: str, params: dict[str, Any] | None = None
) -> QueryResult:
    """Open, run one query, close: the one-shot form of :meth:`CypherGraph.run`."""
    with open_cypher(graph_path) as g:
        return g.run(query, params)


def library_call(name: str, params: dict[str, Any] | None = None) -> tuple[str, dict[str, Any]]:
    """The text of library query ``name`` and its parameters, defaults filled in.

    A parameter declared without a default is required.

    >>> text, params = library_call("top_actors")
    >>> params
    {'limit': 10}
    """
    queries = library_queries()
    if name not in queries:
        raise CypherError(f"no library query {name!r}: choose from {', '.join(sorted(queries))}")
    q = queries[name]
    given = dict(params or {})
    unknown = sorted(set(given) - set(q.params))
    if unknown:
        raise CypherError(
            f"query {name} has no parameter {', '.join(unknown)}"
            f" (it takes: {', '.join(q.params) or 'none'})"
        )
    missing = [p for p in q.params if p not in given and p in q.required]
    if missing:
        raise CypherError(f"query {name} needs parameter {', '.join(missing)}")
    return q.text, {**q.params, **given}


def schema_text(extra_relations: Iterable[str | Path] = ()) -> str:
    """The graph model as text: labels, keys, relationship types and their properties.

    >>> print(schema_text().splitlines()[1])
      (:Actor)  key: id (unique)
    """
    vocab = load_relations(tuple(str(p) for p in extra_relations))

    def props(p: dict[str, str]) -> list[str]:
        return [f"    {k}: {v}" for k, v in p.items()]

    lines = ["Node labels", f"  (:{ACTOR})  key: id (unique)", *props(ACTOR_PROPERTIES),
             f"  (:{DOCUMENT})  key: hash (unique; id may repeat across versions)",
             *props(DOCUMENT_PROPERTIES), f"  (:{MENTION})  key: id (unique)",
             *props(MENTION_PROPERTIES), "",
             f"Provenance: (:{MENTION})-[:{SUBJECT}]->(:{ACTOR}), "
             f"(:{MENTION})-[:{OBJECT}]->(:{ACTOR}), (:{MENTION})-[:{IN_DOCUMENT}]->"
             f"(:{DOCUMENT})", "",
             f"Asserted facts (:{ACTOR})-[:TYPE]->(:{ACTOR}), one per type"]
    width = max(len(n) for n in vocab.names())
    for name in vocab.names():
        rt = vocab.get(name)
        sym = ", symmetric" if rt.symmetric else ""
        lines.append(f"  {name.ljust(width)}  {rt.plover} / {rt.quad}{sym}")
    lines += ["  properties:", *props(RELATION_PROPERTIES), "",
              f"Everything else (:{ACTOR})-[:{CLAIM}]->(:{ACTOR}), one per relation and "
              "factuality", *props(CLAIM_PROPERTIES), "",
              f"(:{ACTOR})-[:{MENTIONED_IN}]->(:{DOCUMENT})", *props(MENTIONED_IN_PROPERTIES),
              "", "Keys and indexes",
              f"  {ACTOR}.id, {DOCUMENT}.hash and {MENTION}.id are unique: primary keys in the",
              "  embedded graph, uniqueness constraints in Neo4j.",
              "  Look actors up by id for an index hit; name and alias matches scan the actors.",
              "", "Notes",
              "  A vocabulary-typed relationship is an asserted fact; negated, hypothetical,",
              "  future, reported... statements are CLAIM relationships (r.relation,",
              "  r.factuality). type(r) gives the type name. Dates are DATE values; month",
              "  buckets: Mention.month ('YYYY-MM'). Write m.`end` (end is a keyword).",
              "  Actor.mentions counts every relation mention of the actor, asserted_mentions",
              "  only the asserted ones: rank actors by asserted_mentions."]
    return "\n".join(lines) + "\n"


# --- parameters and values ----------------------------------------------------------------

# Strings, quoted identifiers and comments, so a '$' inside them is not taken as a parameter.
_SKIP = re.compile(
    r"'(?:[^'\\]|\\.)*'|\"(?:[^\"\\]|\\.)*\"|`[^`]*`|//[^\n]*|/\*.*?\*/", re.DOTALL
)
_PARAM_REF = re.compile(r"\$([A-Za-z_][A-Za-z0-9_]*)")


def query_params(query: str) -> set[str]:
    """The ``$parameter`` names a query refers to.

    >>> sorted(query_params("MATCH (a) WHERE a.x = $x AND a.y = '$not' RETURN $y // $z"))
    ['x', 'y']
    """
    return set(_PARAM_REF.findall(_SKIP.sub(" ", query)))


def check_params(query: str, params: dict[str, Any]) -> None:
    """Raise :class:`CypherError` for a parameter given but unused, or used but not given."""
    used = query_params(query)
    unknown = sorted(set(params) - used)
    if unknown:
        raise CypherError(
            f"unknown parameter {', '.join('$' + p for p in unknown)}"
            f" (the query uses: {', '.join('$' + p for p in sorted(used)) or 'none'})"
        )
    missing = sorted(used - set(params))
    if missing:
        # Ladybug would bind a missing parameter to null and quietly return no rows.
        raise CypherError(f"missing parameter {', '.join('$' + p for p in missing)}")


def to_python(value: Any) -> Any:
    """A Ladybug value as plain JSON-able Python: Decimal to int/float, nodes and
    relationships to dicts of their properties, paths to ``{"nodes", "relationships"}``.
    """
    if isinstance(value, Decimal):
        return int(value) if value == value.to_integral_value() else float(value)
    if isinstance(value, list | tuple):
        return [to_python(v) for v in value]
    if isinstance(value, dict):
        if "_NODES" in value and "_RELS" in value:
            return {
                "nodes": [to_python(n) for n in value["_NODES"]],
                "relationships": [to_python(r) for r in value["_RELS"]],
            }
        # Internal ids and offsets mean nothing outside this database file; the label is
        # kept under "_label" because a dict alone would not say what it was.
        out = {k: to_python(v) for k, v in value.items() if k not in ("_ID", "_SRC", "_DST")}
        if "_LABEL" in out:
            out["_label"] = out.pop("_LABEL")
        return out
    return value


def _first_line(e: BaseException) -> str:
    text = str(e).strip()
    return text.splitlines()[0] if text else type(e).__name__


def _translate_error(e: RuntimeError, timeout_ms: int) -> CypherError:
    msg = _first_line(e)
    kind, _, detail = msg.partition(" exception: ")
    detail = detail or msg
    if msg == "Interrupted.":
        return CypherError(
            f"query interrupted: it ran longer than the {timeout_ms / 1000:g} s timeout"
            " (bound variable-length patterns, or add LIMIT)"
        )
    if "buffer pool is full" in msg:
        return CypherError(
            f"query needs more memory than the Cypher buffer pool "
            f"({READ_BUFFER_BYTES // 2**20} MiB, ACTORGRAPH_LBUG_BUFFER_MB): bound "
            "variable-length patterns, or add LIMIT")
    if "read-only" in msg:
        return CypherError(
            "the Cypher index is read-only (derived from store.sqlite): change the graph by"
            " building it again, not with write clauses"
        )
    if kind == "Parser":
        return CypherError(f"Cypher syntax error: {detail}")
    if kind == "Catalog" and "function" in detail:
        return CypherError(f"{detail} (see the dialect notes in actorgraph.graph.cypher)")
    return CypherError(f"Cypher error: {detail}")


