"""Cypher over the embedded store: a LadybugDB database mirrored from ``graph.json``.

The store of record is ``OUT/graph.json`` (+ ``OUT/triples.jsonl``); this module builds a
read-only LadybugDB copy of it, ``OUT/graph.lbug``, following :mod:`actorgraph.graph.model`
exactly, and runs Cypher on it in-process. The copy is a cache: it is rebuilt whenever
``graph.json``, the relation vocabulary, the Ladybug version or this builder changes (the
fingerprint lives beside it in ``OUT/graph.lbug.json``), always in a temporary directory
first and then renamed into place, so a reader never sees a half-built database.

Schema (see :func:`schema_text`)
    ``Actor`` node table, primary key ``id``. ``Document`` node table, primary key ``hash``:
    the ledger is keyed by content hash, and one document ``id`` can appear twice when its
    content changed between runs, so ``id`` cannot be a key. One relationship table per
    vocabulary type (``Actor -> Actor``) with :data:`~actorgraph.graph.model.RELATION_PROPERTIES`,
    and ``MENTIONED_IN`` (``Actor -> Document``, ``count``).

Dialect: library queries (``queries/*.cypher``) stay in the common subset of Ladybug and
Neo4j 5 Cypher, so :mod:`actorgraph.graph.neo4j` runs the same files unchanged. The one gap
bridged here is ``type(r)``, which Ladybug lacks: every database is built with
``CREATE MACRO type(x) AS label(x)``. Other known gaps to avoid in shared queries: no
``toString``/``startNode``/``endNode``/``labels`` in Ladybug; list indexing is 1-based in
Ladybug and 0-based in Neo4j; no list comprehensions in Ladybug; ``ORDER BY`` inside
``WITH`` needs ``SKIP``/``LIMIT`` in Ladybug; ``sum()`` over no rows is null in Ladybug and
0 in Neo4j (wrap in ``coalesce``); an undirected pattern matches a self-loop twice in Ladybug.

The database is opened read-only: queries cannot change it (write clauses fail with
:class:`CypherError`), and several processes may query it at once.

>>> import tempfile
>>> from actorgraph.extract.triples import ActorRef, Triple
>>> from actorgraph.graph.store import DocumentRecord, GraphStore
>>> a = ActorRef("person:a", "Ann", "Ann", "PERSON")
>>> b = ActorRef("person:b", "Bob", "Bob", "PERSON")
>>> t = Triple("d1", "Ann met Bob.", 0, 12, a, "MEETS", b, "CONSULT", "VERBAL_COOPERATION", "met")
>>> store = GraphStore(); _ = store.add_document(DocumentRecord(id="d1", hash="h1"), [t])
>>> out = tempfile.mkdtemp(); _ = store.save(out)
>>> with open_cypher(out) as g:
...     g.run("MATCH (s:Actor)-[r]->(o:Actor) RETURN s.name AS s, type(r) AS rel, o.name AS o")
QueryResult(columns=['s', 'rel', 'o'], rows=[['Ann', 'MEETS', 'Bob']])
>>> run_query(out, "MATCH (a:Actor {id: $id}) RETURN a.mentions AS n, "
...           "a.asserted_mentions AS asserted", {"id": "person:a"}).rows
[[1, 1]]
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import shutil
import tempfile
from collections import Counter
from collections.abc import Iterable
from decimal import Decimal
from pathlib import Path
from typing import Any

from actorgraph.extract.lexicon import RELATION_NAME, load_relations
from actorgraph.graph.model import (
    ACTOR,
    ACTOR_PROPERTIES,
    DOCUMENT,
    DOCUMENT_PROPERTIES,
    MENTIONED_IN,
    MENTIONED_IN_PROPERTIES,
    RELATION_PROPERTIES,
    relation_types,
)
from actorgraph.graph.query import QueryResult, library_queries
from actorgraph.graph.readonly import UnsafeQuery, check_read_only
from actorgraph.graph.store import GRAPH_FILE, TRIPLES_FILE, GraphStore, StoreError

DB_FILE = "graph.lbug"
FINGERPRINT_SUFFIX = ".json"
#: Bump when the database layout changes, so existing caches are rebuilt.
BUILD_VERSION = 2  # 2: Actor.asserted_mentions
DEFAULT_TIMEOUT_MS = 30_000
ACTOR_KEY = "id"
DOCUMENT_KEY = "hash"
_RESERVED = {ACTOR.upper(), DOCUMENT.upper(), MENTIONED_IN}


class CypherError(RuntimeError):
    """A query or the graph behind it failed; the message is one line naming the problem."""


# --- public API ---------------------------------------------------------------------------


class CypherGraph:
    """A read-only LadybugDB view of one stored graph. Use :func:`open_cypher` to get one."""

    def __init__(self, graph_file: Path, db_path: Path, timeout_ms: int) -> None:
        import ladybug

        self.graph_file = graph_file
        self.db_path = db_path
        self.timeout_ms = timeout_ms
        try:
            self._db = ladybug.Database(str(db_path), read_only=True)
            self._conn = ladybug.Connection(self._db)
        except RuntimeError as e:
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
        """Release the database file; safe to call twice."""
        if not self._db.is_closed:
            self._conn.close()
            self._db.close()

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
    """Open the Cypher view of the graph at ``graph_path`` (``OUT`` or ``OUT/graph.json``).

    Builds or refreshes ``OUT/graph.lbug`` first when it is missing or older than the graph.
    ``timeout_ms`` bounds every query (0 disables it).
    """
    graph_file = graph_json(graph_path)
    db_path = ensure_database(graph_file, rebuild=rebuild)
    try:
        return CypherGraph(graph_file, db_path, timeout_ms)
    except CypherError:
        if rebuild:
            raise
    # A cache that will not open (a stray .wal, a damaged or foreign file) is rebuilt once.
    return CypherGraph(graph_file, ensure_database(graph_file, rebuild=True), timeout_ms)


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
    lines = ["Node labels"]
    lines.append(f"  (:{ACTOR})  key: {ACTOR_KEY} (unique)")
    lines += [f"    {k}: {v}" for k, v in ACTOR_PROPERTIES.items()]
    lines.append(f"  (:{DOCUMENT})  key: {DOCUMENT_KEY} (unique; id may repeat across versions)")
    lines += [f"    {k}: {v}" for k, v in DOCUMENT_PROPERTIES.items()]
    lines.append("")
    lines.append(f"Relationship types (:{ACTOR})-[:TYPE]->(:{ACTOR}), one per type and factuality")
    width = max(len(n) for n in vocab.names())
    for name in vocab.names():
        rt = vocab.get(name)
        sym = ", symmetric" if rt.symmetric else ""
        lines.append(f"  {name.ljust(width)}  {rt.plover} / {rt.quad}{sym}")
    lines.append("  properties:")
    lines += [f"    {k}: {v}" for k, v in RELATION_PROPERTIES.items()]
    lines.append("")
    lines.append(f"(:{ACTOR})-[:{MENTIONED_IN}]->(:{DOCUMENT})")
    lines += [f"    {k}: {v}" for k, v in MENTIONED_IN_PROPERTIES.items()]
    lines.append("")
    lines.append("Keys and indexes")
    lines += [
        f"  {ACTOR}.{ACTOR_KEY} and {DOCUMENT}.{DOCUMENT_KEY} are unique: primary keys in the",
        "  embedded graph, uniqueness constraints in Neo4j (which also indexes Document.id).",
        "  Look actors up by id for an index hit; name and alias matches scan the actors.",
        "",
        "Notes",
    ]
    lines += [
        "  factuality is asserted, negated or a modality (hypothetical, future, requested...);",
        "  only asserted = true relationships are facts. type(r) gives the type name.",
        "  evidence and evidence_docs are parallel lists (sentence, its document id);",
        "  docs lists the ids of all documents stating the relationship.",
        "  Actor.mentions counts every relation mention of the actor, asserted_mentions only",
        "  the asserted ones: rank actors by asserted_mentions.",
    ]
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
    if "read-only" in msg:
        return CypherError(
            "the Cypher graph is read-only (a cache of graph.json): change the graph by"
            " building it again, not with write clauses"
        )
    if kind == "Parser":
        return CypherError(f"Cypher syntax error: {detail}")
    if kind == "Catalog" and "function" in detail:
        return CypherError(f"{detail} (see the dialect notes in actorgraph.graph.cypher)")
    return CypherError(f"Cypher error: {detail}")


# --- building the database ----------------------------------------------------------------


def graph_json(graph_path: str | Path) -> Path:
    """``OUT/graph.json`` for ``OUT`` or the file itself; CypherError when absent."""
    p = Path(graph_path)
    f = p / GRAPH_FILE if p.is_dir() or p.suffix != ".json" else p
    if not f.is_file():
        raise CypherError(f"no graph at {f}: build one first (actorgraph build <texts> -o OUT)")
    return f


def database_path(graph_file: Path) -> Path:
    return graph_file.with_name(DB_FILE)


def ensure_database(graph_file: Path, *, rebuild: bool = False) -> Path:
    """Return the path of an up-to-date database for ``graph_file``, building it if needed."""
    db_path = database_path(graph_file)
    fp_path = db_path.with_name(db_path.name + FINGERPRINT_SUFFIX)
    static = _static_fingerprint()
    if not rebuild and db_path.is_file():
        try:
            stored = json.loads(fp_path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            stored = None
        if isinstance(stored, dict) and stored.get("static") == static:
            if stored.get("stat") == _stat_key(graph_file):
                return db_path
            # Touched or copied but maybe not changed: the content hash decides.
            if stored.get("sha256") == _sha256(graph_file):
                _write_json(fp_path, {**stored, "stat": _stat_key(graph_file)})
                return db_path
    try:
        build_database(graph_file, db_path)
    except OSError as e:
        raise CypherError(f"cannot build the Cypher cache {db_path}: {e.strerror or e}") from e
    return db_path


def build_database(graph_file: Path, db_path: Path) -> None:
    """Build ``db_path`` from ``graph_file`` (and its ``triples.jsonl``), atomically."""
    stat_before = _stat_key(graph_file)
    digest = _sha256(graph_file)
    data = read_graph(graph_file)
    tmp_dir = Path(tempfile.mkdtemp(dir=db_path.parent, prefix=f".{db_path.name}."))
    try:
        tmp_db = tmp_dir / db_path.name
        _load(data, graph_file.parent / TRIPLES_FILE, tmp_db)
        leftovers = sorted(p.name for p in tmp_dir.iterdir() if p != tmp_db)
        if leftovers:
            raise CypherError(f"building {db_path} left {leftovers} behind; not installing it")
        # A .wal from an older database would be replayed against the new file on open and
        # fail (or corrupt it); it must go before the new file takes the name.
        wal = db_path.with_name(db_path.name + ".wal")
        wal.unlink(missing_ok=True)
        os.replace(tmp_db, db_path)
    finally:
        shutil.rmtree(tmp_dir, ignore_errors=True)
    fp = {"static": _static_fingerprint(), "sha256": digest, "stat": stat_before}
    _write_json(db_path.with_name(db_path.name + FINGERPRINT_SUFFIX), fp)


def read_graph(graph_file: Path) -> dict[str, Any]:
    """The stored graph as plain records: ``documents``, ``actors``, ``relations`` (in the
    shapes of :meth:`GraphStore.save`) and ``triples_bytes``.

    graph.json already holds those lists, so the current format is read as JSON (at 500k
    relations, building the networkx graph would double the load time); any other version
    goes through :meth:`GraphStore.load`, which knows every format it accepts. Actors of a
    graph.json written before ``asserted_mentions`` existed get it derived from the asserted
    relations, as :meth:`GraphStore.load` does.
    """
    from actorgraph.graph.store import FORMAT, FORMAT_VERSION, fill_asserted_mentions

    try:
        with graph_file.open(encoding="utf-8") as fh:
            payload = json.load(fh)
    except (OSError, ValueError) as e:
        raise CypherError(f"{graph_file}: cannot read graph file: {e}") from e
    if (isinstance(payload, dict) and payload.get("format") == FORMAT
            and payload.get("version") == FORMAT_VERSION):
        try:
            data = {k: payload[k] for k in ("documents", "actors", "relations")} | {
                "triples_bytes": int(payload.get("triples_bytes", 0))}
            fill_asserted_mentions(data["actors"], data["relations"])
            return data
        except (KeyError, TypeError, ValueError) as e:
            raise CypherError(f"{graph_file}: cannot read graph file: {e}") from e
    try:
        store = GraphStore.load(graph_file)
    except StoreError as e:
        raise CypherError(str(e)) from e
    return {
        "documents": [vars(d) for d in store.documents.values()],
        "actors": list(store.actors()),
        "relations": list(store.relations()),
        "triples_bytes": store._triples_bytes,
    }


def _load(data: dict[str, Any], triples_path: Path, db_file: Path) -> None:
    import ladybug
    import pyarrow as pa

    types = _relation_tables(data["relations"])
    db = ladybug.Database(str(db_file))
    conn = ladybug.Connection(db)
    try:
        for stmt in schema_statements(types):
            conn.execute(stmt)
        conn_copy(conn, ACTOR, _arrow(pa, ACTOR_PROPERTIES, _columns(data["actors"],
                                                                     ACTOR_PROPERTIES)))
        conn_copy(conn, DOCUMENT, _arrow(pa, DOCUMENT_PROPERTIES,
                                         _columns(data["documents"], DOCUMENT_PROPERTIES)))

        counts = mention_counts(data["documents"], triples_path, data["triples_bytes"],
                                data["relations"])
        rel_cols = {"source": "STRING", "target": "STRING", **RELATION_PROPERTIES}
        cols: dict[str, dict[str, list[Any]]] = {t: {c: [] for c in rel_cols} for t in types}
        plain = [c for c in rel_cols if c not in ("evidence", "evidence_docs")]
        for r in data["relations"]:
            c = cols[r["relation"]]
            for name in plain:
                c[name].append(r.get(name))
            ev = r.get("evidence") or []
            c["evidence"].append([e.get("sentence") for e in ev])
            c["evidence_docs"].append([e.get("doc") for e in ev])
        data["relations"] = None  # the columns hold what is needed; free the records
        for t in types:
            conn_copy(conn, t, _arrow(pa, rel_cols, cols.pop(t)))

        mcols: dict[str, list[Any]] = {"actor": [], "doc": [], "count": []}
        for (a, h), n in sorted(counts.items()):
            mcols["actor"].append(a)
            mcols["doc"].append(h)
            mcols["count"].append(n)
        conn_copy(conn, MENTIONED_IN, _arrow(
            pa, {"actor": "STRING", "doc": "STRING", **MENTIONED_IN_PROPERTIES}, mcols))
    finally:
        conn.close()
        db.close()


def schema_statements(types: list[str]) -> list[str]:
    """DDL for the model; ``types`` must already be checked vocabulary names."""
    def cols(props: dict[str, str]) -> str:
        return ", ".join(f"`{k}` {v}" for k, v in props.items())

    stmts = [
        f"CREATE NODE TABLE {ACTOR}({cols(ACTOR_PROPERTIES)}, PRIMARY KEY({ACTOR_KEY}))",
        f"CREATE NODE TABLE {DOCUMENT}({cols(DOCUMENT_PROPERTIES)}, PRIMARY KEY({DOCUMENT_KEY}))",
    ]
    stmts += [f"CREATE REL TABLE {t}(FROM {ACTOR} TO {ACTOR}, {cols(RELATION_PROPERTIES)})"
              for t in types]
    stmts.append(f"CREATE REL TABLE {MENTIONED_IN}(FROM {ACTOR} TO {DOCUMENT}, "
                 f"{cols(MENTIONED_IN_PROPERTIES)})")
    # Neo4j's type(r); Ladybug's label(r) returns the same string for a relationship.
    stmts.append("CREATE MACRO type(x) AS label(x)")
    return stmts


def conn_copy(conn: Any, table: str, data: Any) -> None:
    """Bulk-load an Arrow table (columns in table order; rel tables: from, to first)."""
    if data.num_rows == 0:
        return
    # COPY reads the Python variable named in the statement; no row text enters the query.
    conn.execute(f"COPY {table} FROM data")


def mention_counts(
    documents: list[dict[str, Any]],
    triples_path: Path,
    triples_bytes: int | None = None,
    relations: list[dict[str, Any]] | None = None,
) -> Counter[tuple[str, str]]:
    """``(actor id, document hash) -> relation mentions`` for MENTIONED_IN.

    Streams ``triples.jsonl`` up to ``triples_bytes`` (what graph.json covers). The store
    appends each document's triples in ledger order, so records are matched to ledger
    entries by position (exact even when ids repeat); a record that does not line up falls
    back to its ``doc_hash``, then to a unique id. Without ``triples.jsonl`` the counts come
    from the ``relations``' evidence (capped at MAX_EVIDENCE sentences per relationship, so
    a lower bound).
    """
    counts: Counter[tuple[str, str]] = Counter()
    hashes = {d["hash"] for d in documents}
    by_id: dict[str, list[str]] = {}
    for d in documents:
        by_id.setdefault(d["id"], []).append(d["hash"])
    if not triples_path.is_file():
        for r in relations or []:
            for ev in r.get("evidence") or []:
                hs = by_id.get(ev.get("doc"), [])
                if len(hs) == 1:
                    counts[(r["source"], hs[0])] += 1
                    counts[(r["target"], hs[0])] += 1
        return counts
    slots = iter([(d["hash"], d["id"]) for d in documents for _ in range(d.get("triples", 0))])
    read = 0
    with triples_path.open("rb") as fh:
        for raw in fh:
            read += len(raw)
            if triples_bytes is not None and read > triples_bytes:
                break  # from a run that died before saving graph.json: not in the ledger
            if not raw.strip():
                continue
            # Only four fields are needed; Triple.from_dict would cost a third of the load.
            t = json.loads(raw)
            doc, doc_hash = str(t["doc"]), t.get("doc_hash")
            slot = next(slots, None)
            if slot is not None and slot[1] == doc and doc_hash in (None, slot[0]):
                h = slot[0]
            elif doc_hash in hashes:
                h = doc_hash
            elif len(by_id.get(doc, [])) == 1:
                h = by_id[doc][0]
            else:
                continue
            # Twice for a self-relation, as the store counts Actor.mentions.
            counts[(t["subject"]["id"], h)] += 1
            counts[(t["object"]["id"], h)] += 1
    return counts


def _relation_tables(relations: Iterable[dict[str, Any]]) -> list[str]:
    """Vocabulary types plus any other well-formed type the store holds (a graph built
    with an extra ``--relations`` file), each checked before it names a table."""
    names = set(relation_types())
    for r in relations:
        t = r.get("relation")
        if t not in names:
            if not isinstance(t, str) or not RELATION_NAME.match(t) or t in _RESERVED:
                raise CypherError(f"relationship type {t!r} in the graph is not a valid name")
            names.add(t)
    return sorted(names)


_ARROW_TYPES = {"STRING": "string", "INT64": "int64", "DOUBLE": "float64", "BOOLEAN": "bool_"}


def _columns(rows: list[dict[str, Any]], columns: dict[str, str]) -> dict[str, list[Any]]:
    return {n: [r.get(n) for r in rows] for n in columns}


def _arrow(pa: Any, columns: dict[str, str], data: dict[str, list[Any]]) -> Any:
    fields = []
    for name, t in columns.items():
        if t.endswith("[]"):
            fields.append(pa.field(name, pa.list_(getattr(pa, _ARROW_TYPES[t[:-2]])())))
        else:
            fields.append(pa.field(name, getattr(pa, _ARROW_TYPES[t])()))
    return pa.table({n: data[n] for n in columns}, schema=pa.schema(fields))


def _static_fingerprint() -> dict[str, Any]:
    import ladybug

    return {"builder": BUILD_VERSION, "ladybug": ladybug.__version__,
            "relation_types": relation_types()}


def _stat_key(path: Path) -> list[int]:
    st = path.stat()
    return [st.st_size, st.st_mtime_ns, st.st_ino]


def _sha256(path: Path) -> str:
    h = hashlib.sha256()
    with path.open("rb") as fh:
        while chunk := fh.read(1 << 20):
            h.update(chunk)
    return h.hexdigest()


def _write_json(path: Path, data: dict[str, Any]) -> None:
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            json.dump(data, fh)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
