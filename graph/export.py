"""Export the embedded store: GraphML, GEXF (Gephi) and ``neo4j-admin`` import CSV.

All three follow :mod:`actorgraph.graph.model`. GraphML and GEXF hold the actor graph
(``Actor`` nodes, one edge per relationship) with scalar attributes only, as both formats
require: lists become joined strings (``aliases`` and ``docs`` with ``"; "``, evidence
sentences with ``" | "``) and null attributes are left out. Each node gets ``label`` (the
actor's name) and each edge ``label`` (its type) and ``weight`` (``count``) for Gephi.

The CSV layout is what ``neo4j-admin database import full`` reads and yields the same
database as :func:`actorgraph.graph.neo4j.load_store` (``Document`` nodes and
``MENTIONED_IN`` included), so a large store can be bulk-imported instead of loaded.

>>> from actorgraph.graph.store import open_store
>>> store = open_store("out")                             # doctest: +SKIP
>>> export_graphml(store, "out/graph.graphml")            # doctest: +SKIP
>>> export_gexf(store, "out/graph.gexf")                  # doctest: +SKIP
>>> result = export_neo4j_csv("out", "out/neo4j-import")  # doctest: +SKIP
>>> print(result.command)                                 # doctest: +SKIP
neo4j-admin database import full --nodes=... --relationships=... neo4j
"""

from __future__ import annotations

import csv
import re
import shlex
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import networkx as nx

from actorgraph.graph.model import (
    ACTOR,
    ACTOR_PROPERTIES,
    DOCUMENT,
    DOCUMENT_PROPERTIES,
    MAX_EVIDENCE,
    MENTIONED_IN,
    MENTIONED_IN_PROPERTIES,
    RELATION_PROPERTIES,
    checked_relation_type,
    relation_types,
)
from actorgraph.graph.store import GraphStore, SqliteStore, open_store

LIST_JOIN = "; "
EVIDENCE_JOIN = " | "
#: neo4j-admin's default array delimiter; swapped for U+001F when a value contains it.
ARRAY_DELIMITER = ";"
FALLBACK_ARRAY_DELIMITER = "\x1f"

# Model types -> neo4j-admin header types (INT64 is a Java long; STRING needs no suffix).
_CSV_TYPES = {"STRING": "", "INT64": ":long", "DOUBLE": ":double", "BOOLEAN": ":boolean",
              "STRING[]": ":string[]", "DATE": ":date", "TIMESTAMP": ":datetime"}


def _open_store(store: SqliteStore | str | Path) -> tuple[SqliteStore, None]:
    if isinstance(store, SqliteStore):
        return store, None
    return open_store(store), None


# --- GraphML / GEXF -------------------------------------------------------------------------


# XML 1.0 cannot carry most C0 control characters, even escaped; GraphML and GEXF are XML.
_XML_INVALID = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def _xml_safe(value: Any) -> Any:
    return _XML_INVALID.sub("\ufffd", value) if isinstance(value, str) else value


def scalar_graph(store: GraphStore | str | Path) -> nx.MultiDiGraph:
    """The actor graph with list attributes joined into strings and nulls dropped.

    Edge keys are ``e0``, ``e1``...: both formats want document-unique edge ids, and the
    store's keys (``MEETS:asserted``) repeat across actor pairs; ``relation`` and
    ``factuality`` stay attributes.
    """
    store, _ = _open_store(store)
    g = nx.MultiDiGraph()
    for a in store.actors():
        attrs = {k: _xml_safe(v) for k, v in a.items() if k != "id" and v is not None}
        attrs["aliases"] = _xml_safe(LIST_JOIN.join(a["aliases"]))
        attrs["label"] = attrs["name"]
        g.add_node(_xml_safe(a["id"]), **attrs)
    evidence = _evidence(store)
    for i, r in enumerate(store.relations()):
        ev = evidence.get((r["source"], r["target"], r["relation"], r["factuality"]), [])
        attrs = {k: _xml_safe(v) for k, v in r.items()
                 if k not in ("source", "target") and v is not None}
        attrs.update(
            evidence=_xml_safe(EVIDENCE_JOIN.join(e["sentence"] for e in ev)),
            evidence_docs=_xml_safe(LIST_JOIN.join(e["doc"] for e in ev)),
            label=r["relation"],
            weight=r["count"],
        )
        g.add_edge(_xml_safe(r["source"]), _xml_safe(r["target"]), key=f"e{i}", **attrs)
    return g


def _evidence(store: SqliteStore) -> dict[tuple[str, str, str, str], list[dict[str, Any]]]:
    """Up to MAX_EVIDENCE mentions per relation (the store keeps them all)."""
    out: dict[tuple[str, str, str, str], list[dict[str, Any]]] = {}
    for m in store.mentions():
        ev = out.setdefault((m["subject"], m["object"], m["relation"], m["factuality"]), [])
        if len(ev) < MAX_EVIDENCE:
            ev.append(m)
    return out


def export_graphml(store: GraphStore | str | Path, path: str | Path) -> Path:
    """Write the actor graph as GraphML (yEd, Cytoscape, networkx, Gephi).

    >>> export_graphml(GraphStore(), "/tmp/empty.graphml").name
    'empty.graphml'
    """
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    nx.write_graphml(scalar_graph(store), path, encoding="utf-8", named_key_ids=True)
    return path


def export_gexf(store: GraphStore | str | Path, path: str | Path) -> Path:
    """Write the actor graph as GEXF 1.2 for Gephi (``weight`` = mention count).

    >>> export_gexf(GraphStore(), "/tmp/empty.gexf").name
    'empty.gexf'
    """
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    nx.write_gexf(scalar_graph(store), path, encoding="utf-8", version="1.2draft")
    return path


# --- neo4j-admin CSV ------------------------------------------------------------------------


@dataclass
class Neo4jCsvExport:
    """What :func:`export_neo4j_csv` wrote and how to import it."""

    out_dir: Path
    nodes: list[Path] = field(default_factory=list)
    relationships: list[Path] = field(default_factory=list)
    schema: Path | None = None
    array_delimiter: str = ARRAY_DELIMITER
    counts: dict[str, int] = field(default_factory=dict)
    database: str = "neo4j"

    @property
    def command(self) -> str:
        """The ``neo4j-admin`` command line (Neo4j 5; run with the database stopped)."""
        delim = ("U+001F" if self.array_delimiter == FALLBACK_ARRAY_DELIMITER
                 else self.array_delimiter)
        parts = ["neo4j-admin", "database", "import", "full"]
        parts += [f"--nodes={p}" for p in self.nodes]
        parts += [f"--relationships={p}" for p in self.relationships]
        parts += [f"--array-delimiter={delim}", "--multiline-fields=true",
                  "--overwrite-destination=true", self.database]
        return " ".join(shlex.quote(p) for p in parts)

    @property
    def instructions(self) -> str:
        """The import command, then the constraints the Bolt loader would create."""
        return (f"{self.command}\n"
                f"# then start Neo4j and create the constraints and indexes:\n"
                f"cypher-shell -d {shlex.quote(self.database)} -f "
                f"{shlex.quote(str(self.schema))}\n")


def _header(props: dict[str, str], key: str | None = None, id_space: str = "") -> list[str]:
    cols = []
    for name, typ in props.items():
        if name == key:
            cols.append(f"{name}:ID({id_space})")
        else:
            cols.append(name + _CSV_TYPES[typ])
    return cols


def _cell(value: Any, typ: str, delim: str) -> Any:
    if value is None:
        return ""  # an empty field sets no property, as a null does in Cypher
    if typ == "STRING[]":
        return delim.join(value)
    if typ == "BOOLEAN":
        return "true" if value else "false"
    return value


def _mention_counts(store: SqliteStore, _unused: Path | None) -> Counter[tuple[str, str]]:
    """``(actor id, document hash) -> count`` exactly as the Bolt loader computes it."""
    counts: Counter[tuple[str, str]] = Counter()
    for m in store.mentions():
        counts[(m["subject"], m["doc_hash"])] += 1
        counts[(m["object"], m["doc_hash"])] += 1
    return counts


def export_neo4j_csv(store: GraphStore | str | Path, out_dir: str | Path,
                     database: str = "neo4j",
                     relation_vocabulary: list[str] | None = None) -> Neo4jCsvExport:
    """Write ``actors.csv``, ``documents.csv``, ``relations.csv``, ``mentioned_in.csv`` and
    ``schema.cypher`` for ``neo4j-admin database import full``.

    ``store`` is a store (:func:`~actorgraph.graph.store.open_store`) or its directory. Array
    properties use ``;`` as the delimiter unless some value contains one, in which case
    U+001F is used; :attr:`Neo4jCsvExport.command` always names the one used.

    >>> import tempfile
    >>> r = export_neo4j_csv(GraphStore(), tempfile.mkdtemp())
    >>> r.command.startswith("neo4j-admin database import full --nodes=")
    True
    """
    from actorgraph.graph.neo4j import SCHEMA_STATEMENTS

    store, triples_path = _open_store(store)
    allowed = relation_vocabulary if relation_vocabulary is not None else relation_types()
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    actors = list(store.actors())
    relations = list(store.relations())
    for r in relations:
        checked_relation_type(r["relation"], allowed)  # the :TYPE column becomes a type

    def lists() -> Iterable[str]:
        for a in actors:
            yield from a["aliases"]

    delim = ARRAY_DELIMITER
    if any(ARRAY_DELIMITER in s for s in lists()):
        delim = FALLBACK_ARRAY_DELIMITER
        if any(FALLBACK_ARRAY_DELIMITER in s for s in lists()):
            raise ValueError("array values contain both ';' and U+001F: cannot export")

    result = Neo4jCsvExport(out_dir=out, array_delimiter=delim, database=database)

    def write(name: str, header: list[str], rows: Iterable[list[Any]]) -> Path:
        path = out / name
        n = 0
        with path.open("w", encoding="utf-8", newline="") as fh:
            w = csv.writer(fh)  # RFC 4180 quoting ("" inside quotes), as neo4j-admin reads
            w.writerow(header)
            for row in rows:
                w.writerow(row)
                n += 1
        result.counts[name] = n
        return path

    actor_props = ACTOR_PROPERTIES
    result.nodes.append(write(
        "actors.csv", _header(actor_props, "id", ACTOR) + [":LABEL"],
        ([_cell(a.get(k), t, delim) for k, t in actor_props.items()] + [ACTOR]
         for a in actors)))
    doc_props = DOCUMENT_PROPERTIES
    result.nodes.append(write(
        "documents.csv", _header(doc_props, "hash", DOCUMENT) + [":LABEL"],
        ([_cell(getattr(d, k, None), t, delim) for k, t in doc_props.items()] + [DOCUMENT]
         for d in store.documents())))
    result.relationships.append(write(
        "relations.csv",
        [f":START_ID({ACTOR})", f":END_ID({ACTOR})", ":TYPE"] + _header(RELATION_PROPERTIES),
        ([r["source"], r["target"], r["relation"]]
         + [_cell(r.get(k), t, delim) for k, t in RELATION_PROPERTIES.items()]
         for r in relations)))
    counts = _mention_counts(store, triples_path)
    result.relationships.append(write(
        "mentioned_in.csv",
        [f":START_ID({ACTOR})", f":END_ID({DOCUMENT})", ":TYPE"]
        + _header(MENTIONED_IN_PROPERTIES),
        ([a, h, MENTIONED_IN, n] for (a, h), n in sorted(counts.items()))))
    result.schema = out / "schema.cypher"
    result.schema.write_text("".join(s + ";\n" for s in SCHEMA_STATEMENTS), encoding="utf-8")
    (out / "IMPORT.txt").write_text(result.instructions, encoding="utf-8")
    return result
