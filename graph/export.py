"""Export a store: GraphML, GEXF (static or dynamic), a flat triples table, neo4j-admin CSV.

Every export reads the store API of docs/MODEL.md section 3 (``actors()``, ``relations()``,
``mentions()``, ``documents()``), so it follows :mod:`actorgraph.graph.model` whichever
store holds the graph. ``store`` is a store object or the directory ``OUT``.

- **GraphML / GEXF**: the actor graph, asserted facts only by default
  (``asserted_only=False`` adds the claims, each edge with its ``factuality``). Both formats
  take scalars only: ``aliases`` become one ``"; "``-joined string and null attributes are
  left out. Nodes get ``label`` (the name); edges ``label`` (the relation), ``weight``
  (mentions) and an id ``e0``, ``e1``... ``since``/``until`` (ISO days, inclusive) keep the
  relations with mentions dated in that window, their counts recomputed by the store.
- **Dynamic GEXF** (``dynamic=True``): each edge carries *spells*, the days its mentions are
  dated, adjacent days merged into one interval; each node the spells of its edges. Gephi's
  timeline plays it; an edge without dated mentions has no spell (always shown).
- **Triples table** (:func:`export_triples`): one row per mention with ids, dates, actors,
  relation, factuality and the evidence (sentence, outlet, url, title), as CSV or Parquet
  (pyarrow, with date, timestamp, boolean and integer columns).
- **neo4j-admin CSV** (:mod:`actorgraph.graph.export_neo4j`): the whole model for a bulk
  import, with ``date``/``datetime`` typed columns.

>>> from actorgraph.graph.store import MemoryStore
>>> export_gexf(MemoryStore(), "/tmp/empty.gexf", dynamic=True).name       # doctest: +SKIP
'empty.gexf'
>>> export_triples("out", "out/triples.parquet", since="2024-03-01")     # doctest: +SKIP
"""

from __future__ import annotations

import csv
import datetime as dt
import re
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import networkx as nx

from actorgraph.graph.export_neo4j import (  # noqa: F401  (public API, re-exported)
    ARRAY_DELIMITER,
    FALLBACK_ARRAY_DELIMITER,
    Neo4jCsvExport,
    export_neo4j_csv,
)
from actorgraph.graph.model import document_dates, mention_date, month_of

LIST_JOIN = "; "
TRIPLE_FORMATS = ("csv", "parquet")

__all__ = [
    "ARRAY_DELIMITER", "FALLBACK_ARRAY_DELIMITER", "LIST_JOIN", "TRIPLE_COLUMNS",
    "Neo4jCsvExport", "actor_graph", "export_gexf", "export_graphml", "export_neo4j_csv",
    "export_triples", "open_for_export", "triple_rows",
]


@contextmanager
def open_for_export(store: Any) -> Iterator[Any]:
    """The store itself, or the store of ``OUT`` opened read-only (and closed after)."""
    if hasattr(store, "relations"):
        yield store
        return
    from actorgraph.graph.store import open_store

    handle = open_store(store)
    try:
        yield handle
    finally:
        handle.close()


# --- GraphML / GEXF -------------------------------------------------------------------------

# XML 1.0 cannot carry most C0 control characters, even escaped; GraphML and GEXF are XML.
_XML_INVALID = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def _xml_safe(value: Any) -> Any:
    return _XML_INVALID.sub("\ufffd", value) if isinstance(value, str) else value


def _spells(days: set[str]) -> list[tuple[str, str]]:
    """Days (ISO) as intervals, adjacent days merged: GEXF spells.

    >>> _spells({"2024-03-01", "2024-03-02", "2024-03-05"})
    [('2024-03-01', '2024-03-02'), ('2024-03-05', '2024-03-05')]
    """
    out: list[list[dt.date]] = []
    for day in sorted(dt.date.fromisoformat(d) for d in days):
        if out and (day - out[-1][1]).days <= 1:
            out[-1][1] = day
        else:
            out.append([day, day])
    return [(a.isoformat(), b.isoformat()) for a, b in out]


def _edge_days(store: Any, asserted_only: bool, since: str | None,
               until: str | None) -> dict[tuple[str, str, str, str], set[str]]:
    days: dict[tuple[str, str, str, str], set[str]] = {}
    for m in store.mentions(asserted=True if asserted_only else None, since=since,
                            until=until):
        day = mention_date(m["date"])
        if day is not None:
            key = (m["subject"], m["object"], m["relation"], m["factuality"])
            days.setdefault(key, set()).add(day.isoformat())
    return days


def actor_graph(store: Any, asserted_only: bool = True, since: str | None = None,
                until: str | None = None, dynamic: bool = False) -> nx.MultiDiGraph:
    """The actor graph with scalar attributes only (what GraphML and GEXF can hold).

    Nodes are the actors taking part in an exported relation. Edge keys are ``e0``,
    ``e1``...: both formats want document-unique edge ids. With ``dynamic``, edges and
    nodes carry ``spells`` (see the module docstring).
    """
    with open_for_export(store) as s:
        rels = list(s.relations(asserted_only=asserted_only, since=since, until=until))
        ends = {r["source"] for r in rels} | {r["target"] for r in rels}
        days = _edge_days(s, asserted_only, since, until) if dynamic else {}
        g = nx.MultiDiGraph()
        for a in s.actors():
            if a["id"] not in ends:
                continue
            attrs = {k: _xml_safe(v) for k, v in a.items() if k != "id" and v is not None}
            attrs["aliases"] = _xml_safe(LIST_JOIN.join(a.get("aliases") or []))
            attrs["label"] = attrs.get("name", a["id"])
            g.add_node(_xml_safe(a["id"]), **attrs)
    node_days: dict[str, set[str]] = {}
    for i, r in enumerate(rels):
        attrs = {k: _xml_safe(v) for k, v in r.items()
                 if k not in ("source", "target") and v is not None}
        attrs.update(label=r["relation"], weight=r["count"])
        key = (r["source"], r["target"], r["relation"], r["factuality"])
        if days.get(key):
            attrs["spells"] = _spells(days[key])
            for end in (r["source"], r["target"]):
                node_days.setdefault(end, set()).update(days[key])
        g.add_edge(_xml_safe(r["source"]), _xml_safe(r["target"]), key=f"e{i}", **attrs)
    for node, ds in node_days.items():
        g.nodes[_xml_safe(node)]["spells"] = _spells(ds)
    return g


def export_graphml(store: Any, path: str | Path, asserted_only: bool = True,
                   since: str | None = None, until: str | None = None) -> Path:
    """Write the actor graph as GraphML (yEd, Cytoscape, networkx, Gephi); facts only unless
    ``asserted_only`` is False."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    nx.write_graphml(actor_graph(store, asserted_only, since, until), path, encoding="utf-8",
                     named_key_ids=True)
    return path


def export_gexf(store: Any, path: str | Path, asserted_only: bool = True,
                since: str | None = None, until: str | None = None,
                dynamic: bool = False) -> Path:
    """Write the actor graph as GEXF 1.2 for Gephi (``weight`` = mentions); with
    ``dynamic``, edge and node spells from the mention dates for Gephi's timeline."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    g = actor_graph(store, asserted_only, since, until, dynamic=dynamic)
    if dynamic:
        g.graph["mode"] = "dynamic"  # also when nothing is dated: the file says what it is
    nx.write_gexf(g, path, encoding="utf-8", version="1.2draft")
    return path


# --- the flat triples table -----------------------------------------------------------------

#: Column -> pyarrow type name of the triples table, in order.
TRIPLE_COLUMNS: dict[str, str] = {
    "mention_id": "string", "doc_id": "string", "doc_hash": "string",
    "doc_date": "date32", "doc_datetime": "timestamp", "date": "date32", "month": "string",
    "date_precision": "string", "date_source": "string",
    "subject_id": "string", "subject": "string", "subject_text": "string",
    "relation": "string", "object_id": "string", "object": "string", "object_text": "string",
    "plover": "string", "quad": "string", "factuality": "string", "asserted": "bool",
    "negated": "bool", "modality": "string", "confidence": "float64", "trigger": "string",
    "sentence": "string", "start": "int64", "end": "int64", "outlet": "string",
    "url": "string", "title": "string",
}


def triple_rows(store: Any, since: str | None = None, until: str | None = None,
                asserted: bool | None = None) -> Iterator[dict[str, Any]]:
    """One row per mention (:data:`TRIPLE_COLUMNS`), in commit order; dates as
    ``datetime.date``, the document datetime as an aware ``datetime`` (or None)."""
    with open_for_export(store) as s:
        names = {a["id"]: a["name"] for a in s.actors()}
        for m in s.mentions(since=since, until=until, asserted=asserted):
            day, stamp = document_dates(m["doc_date"])
            date = mention_date(m["date"])
            yield {
                "mention_id": m["id"], "doc_id": m["doc"], "doc_hash": m["doc_hash"],
                "doc_date": day, "doc_datetime": stamp, "date": date, "month": month_of(date),
                "date_precision": m["date_precision"], "date_source": m["date_source"],
                "subject_id": m["subject"], "subject": names.get(m["subject"]),
                "subject_text": m["subject_text"], "relation": m["relation"],
                "object_id": m["object"], "object": names.get(m["object"]),
                "object_text": m["object_text"], "plover": m["plover"], "quad": m["quad"],
                "factuality": m["factuality"], "asserted": bool(m["asserted"]),
                "negated": bool(m["negated"]), "modality": m["modality"],
                "confidence": m["confidence"], "trigger": m["trigger"],
                "sentence": m["sentence"], "start": m["start"], "end": m["end"],
                "outlet": m["source"], "url": m["url"], "title": m["title"],
            }


def export_triples(store: Any, path: str | Path, fmt: str | None = None,
                   since: str | None = None, until: str | None = None,
                   asserted: bool | None = None) -> Path:
    """Write the triples table as CSV or Parquet (``fmt``, default from the suffix).

    ``since``/``until`` (ISO days, inclusive) keep mentions dated in that window (undated
    ones drop out); ``asserted=True`` keeps facts only, ``False`` claims only. CSV cells
    hold ISO dates and ``true``/``false``; Parquet has typed columns (``date32``,
    ``timestamp[us, UTC]``, ``bool``, ``int64``, ``double``).
    """
    path = Path(path)
    fmt = (fmt or path.suffix.lstrip(".") or "csv").lower()
    if fmt not in TRIPLE_FORMATS:
        raise ValueError(f"unknown triples format {fmt!r}: use csv or parquet")
    path.parent.mkdir(parents=True, exist_ok=True)
    rows = triple_rows(store, since, until, asserted)
    if fmt == "parquet":
        _write_parquet(rows, path)
        return path
    with path.open("w", encoding="utf-8", newline="") as fh:
        w = csv.writer(fh)
        w.writerow(TRIPLE_COLUMNS)
        for r in rows:
            w.writerow(["" if v is None else ("true" if v else "false") if isinstance(v, bool)
                        else v.isoformat() if isinstance(v, dt.date) else v
                        for v in r.values()])
    return path


def _write_parquet(rows: Iterator[dict[str, Any]], path: Path, chunk: int = 50_000) -> None:
    """Stream rows into a Parquet file in row groups of ``chunk`` (bounded memory)."""
    try:
        import pyarrow as pa
        import pyarrow.parquet as pq
    except ImportError as e:  # pragma: no cover - pyarrow ships with the store's extras
        raise RuntimeError("Parquet export needs pyarrow: pip install pyarrow") from e
    types = {"string": pa.string(), "date32": pa.date32(), "bool": pa.bool_(),
             "float64": pa.float64(), "int64": pa.int64(),
             "timestamp": pa.timestamp("us", tz="UTC")}
    schema = pa.schema([(k, types[t]) for k, t in TRIPLE_COLUMNS.items()])
    with pq.ParquetWriter(path, schema) as writer:
        batch: list[dict[str, Any]] = []
        for r in rows:
            batch.append(r)
            if len(batch) >= chunk:
                writer.write_table(pa.Table.from_pylist(batch, schema=schema))
                batch = []
        writer.write_table(pa.Table.from_pylist(batch, schema=schema))
