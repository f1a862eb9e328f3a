"""Applying store batches to the Cypher index: rows of batches ``(start, target]`` from a
store snapshot into a LadybugDB connection, in the v2 model.

Mentions and documents only ever arrive (appended with COPY, in chunks so memory stays
bounded); actors and relations the batches changed are updated: new actors are copied,
known ones get their aggregates SET, and changed relationships are deleted and copied
again with their new aggregates (a relationship has no key to SET by in Ladybug).
"""

from __future__ import annotations

import datetime as dt
import json
import sqlite3
from collections.abc import Iterator
from typing import Any

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
    OBJECT,
    RELATION_PROPERTIES,
    SUBJECT,
)
from actorgraph.graph.sqlite_fold import current_sql

_CHUNK = 100_000
_COPY_MIN = 2_000
_UPDATE_CHUNK = 2_000
_ARROW = {"STRING": "string", "INT64": "int64", "DOUBLE": "float64", "BOOLEAN": "bool_",
          "DATE": "date32"}
# Store columns for each model property that is not stored under its own name.
_ACTOR_SQL = ", ".join(f'"{c}"' for c in ACTOR_PROPERTIES)
_DOC_SQL = ("id, hash, title, day, datetime, date_raw, source, url, triples")
_MENTION_SQL = ", ".join(f'"{c}"' for c in MENTION_PROPERTIES) + ", subject, object, doc_hash"
_REL_SQL = ("source, target, relation, factuality, negated, modality, count, plover, quad,"
            " confidence, first_seen, last_seen, documents, outlets, asserted")


_ACTOR_END = (ACTOR, "id")
_DOC_END = (DOCUMENT, "hash")
_ACTORS = (ACTOR, "id", ACTOR, "id")


def _value(kind: str, v: Any) -> Any:
    if v is None:
        return None
    if kind == "DATE":
        return dt.date.fromisoformat(v[:10])
    if kind == "TIMESTAMP":
        stamp = dt.datetime.fromisoformat(str(v).replace("Z", "+00:00"))
        # Stored as UTC: Ladybug's TIMESTAMP has no offset.
        if stamp.tzinfo is not None:
            stamp = stamp.astimezone(dt.timezone.utc).replace(tzinfo=None)
        return stamp
    if kind == "BOOLEAN":
        return bool(v)
    if kind == "STRING[]":
        return json.loads(v) if isinstance(v, str) else list(v)
    return v


def _column(pa: Any, kind: str, values: list[Any]) -> Any:
    # Arrow casts the bulk of the values (ISO strings to dates, 0/1 to booleans): a
    # Python call per cell would cost more than the COPY itself.
    if kind == "DATE":
        return pa.array([v[:10] if v else None for v in values], pa.string()).cast(
            pa.date32())
    if kind == "BOOLEAN":
        return pa.array(values, pa.int64()).cast(pa.bool_())
    if kind == "STRING[]":
        return pa.array([_value(kind, v) for v in values], pa.list_(pa.string()))
    if kind == "TIMESTAMP":
        return pa.array([_value(kind, v) for v in values], pa.timestamp("us"))
    return pa.array(values, getattr(pa, _ARROW[kind])())


def _arrow(props: dict[str, str], rows: list[tuple], lead: tuple[str, ...] = ()) -> Any:
    """An Arrow table: ``lead`` string columns (rel endpoints) then ``props``, from rows
    holding the values in that order."""
    import pyarrow as pa

    names = list(lead) + list(props)
    kinds = ["STRING"] * len(lead) + list(props.values())
    columns = list(zip(*rows, strict=True)) if rows else [()] * len(names)
    arrays = [_column(pa, kind, list(col)) for kind, col in zip(kinds, columns, strict=True)]
    return pa.Table.from_arrays(arrays, names=names)


def _copy(lconn: Any, table: str, data: Any) -> None:
    if data.num_rows:
        # COPY reads the Python variable named in the statement; no row text enters it.
        lconn.execute(f"COPY {table} FROM data")


Ends = tuple[str, str, str, str]  # from label, its key, to label, its key


def _insert(lconn: Any, table: str, props: dict[str, str], rows: list[tuple],
            ends: Ends | None = None) -> None:
    """Add rows (endpoint keys first for a relationship table). Relationships always go
    by COPY, which finds endpoints through the primary-key index: an ``UNWIND ... MATCH``
    is planned as a scan of every Mention (measured: it fills the buffer pool at 1M).
    Nodes go by COPY when many, by one ``UNWIND ... CREATE`` when few, because a COPY
    costs about 0.1 s however few rows it has."""
    if not rows:
        return
    if ends or len(rows) >= _COPY_MIN:
        lead = ("from", "to") if ends else ()
        _copy(lconn, table, _arrow(props, rows, lead))
        return
    params = [{f"p{i}": _param(kind, r[i]) for i, kind in enumerate(props.values())}
              for r in rows]
    # Every value is CAST: Ladybug infers a parameter column that is all null as STRING.
    fields = ", ".join(f"`{name}`: CAST(x.p{i} AS {kind})"
                       for i, (name, kind) in enumerate(props.items()))
    lconn.execute(f"UNWIND $rows AS x CREATE (:{table} {{{fields}}})", {"rows": params})


def _param(kind: str, v: Any) -> Any:
    v = _value(kind, v)
    if kind == "DATE" and v is not None:
        return v.isoformat()
    if kind == "TIMESTAMP" and v is not None:
        return v.isoformat(sep=" ")
    return v


def _chunks(cur: sqlite3.Cursor, size: int = _CHUNK) -> Iterator[list[tuple]]:
    while rows := cur.fetchmany(size):
        yield rows


def _checkpoint(lconn: Any, rows: int) -> None:
    # Pages a COPY wrote stay in the buffer pool until a checkpoint writes them out: with a
    # bounded pool, a large sync must checkpoint between chunks or the pool fills up.
    if rows >= _COPY_MIN:
        lconn.execute("CHECKPOINT")


def _window_params(conn: sqlite3.Connection, start: int, target: int
                   ) -> tuple[str, dict[str, int | None]]:
    """The condition on ``mentions`` that selects batches ``start+1 .. target``, and its
    parameters.

    The store keeps no index on ``mentions.batch`` (every commit paid for it): mentions
    are appended in commit order, so a window of batches is a range of row ids, found from
    the window's documents (``documents_batch`` then ``mentions_doc``: O(window)). The
    batch test stays on top of the range so the rows are exactly those of the window. A
    full sync (``start == 0``) reads everything anyway and scans.
    """
    params: dict[str, int | None] = {"s": start, "t": target, "lo": None, "hi": None}
    if start == 0:
        return "batch > :s AND batch <= :t", params
    params["lo"], params["hi"] = conn.execute(
        "SELECT min(m.rowid), max(m.rowid) FROM documents d JOIN mentions m"
        " ON m.doc_hash = d.hash WHERE d.batch > ? AND d.batch <= ?",
        (start, target)).fetchone()
    return "rowid BETWEEN :lo AND :hi AND batch > :s AND batch <= :t", params


def apply_batches(lconn: Any, conn: sqlite3.Connection, start: int, target: int) -> None:
    """Apply the store's batches ``start+1 .. target`` to the index."""
    window = _window_params(conn, start, target)
    _apply_actors(lconn, conn, window)
    docs = conn.execute(f"SELECT {_DOC_SQL} FROM documents WHERE batch > ? AND batch <= ?"
                        " ORDER BY seq", (start, target))
    for rows in _chunks(docs):
        _insert(lconn, DOCUMENT, DOCUMENT_PROPERTIES, rows)
        _checkpoint(lconn, len(rows))
    n = len(MENTION_PROPERTIES)
    where, params = window
    cur = conn.execute(f"SELECT {_MENTION_SQL} FROM mentions WHERE {where} ORDER BY rowid",
                       params)
    for rows in _chunks(cur):
        _insert(lconn, MENTION, MENTION_PROPERTIES, [r[:n] for r in rows])
        for table, col, to in ((SUBJECT, n, _ACTOR_END), (OBJECT, n + 1, _ACTOR_END),
                               (IN_DOCUMENT, n + 2, _DOC_END)):
            _insert(lconn, table, {}, [(r[0], r[col]) for r in rows], (MENTION, "id", *to))
            _checkpoint(lconn, len(rows))
    _apply_relations(lconn, conn, window, replace=start > 0)
    counts = conn.execute(
        "SELECT actor, doc_hash, count(*) FROM (SELECT subject AS actor, doc_hash FROM"
        f" mentions WHERE {where} UNION ALL SELECT object, doc_hash FROM"
        f" mentions WHERE {where}) GROUP BY actor, doc_hash", params)
    for rows in _chunks(counts):
        _insert(lconn, MENTIONED_IN, {"count": "INT64"}, rows, (ACTOR, "id", *_DOC_END))
        _checkpoint(lconn, len(rows))


def _changed(table: str, cols: str, keys: str, where: str) -> str:
    """The rows of ``table`` a batch window changed: those whose ``keys`` a mention of the
    window names (a row changes only when a mention of it is written) and whose batch is
    in the window (a later batch may have changed them again). No index on ``batch``.
    Rows are the exact current ones: pending deltas merged (graph/sqlite_fold.py)."""
    window = "batch > :s AND batch <= :t"
    return current_sql(table, f"{keys} AND {window}" if where.startswith("rowid") else window,
                       cols)


def _apply_actors(lconn: Any, conn: sqlite3.Connection,
                  window: tuple[str, dict[str, int | None]]) -> None:
    where, params = window
    keys = (f"id IN (SELECT subject FROM mentions WHERE {where}"
            f" UNION SELECT object FROM mentions WHERE {where})")
    cur = conn.execute(_changed("actors", _ACTOR_SQL, keys, where), params)
    for rows in _chunks(cur):
        known: set[str] = set()
        if params["s"]:
            for i in range(0, len(rows), _UPDATE_CHUNK):
                ids = [r[0] for r in rows[i:i + _UPDATE_CHUNK]]
                known.update(x[0] for x in lconn.execute(
                    f"UNWIND $ids AS i MATCH (a:{ACTOR} {{id: i}}) RETURN a.id",
                    {"ids": ids}).get_all())
        _insert(lconn, ACTOR, ACTOR_PROPERTIES, [r for r in rows if r[0] not in known])
        changed = [r for r in rows if r[0] in known]
        sets = ", ".join(f"a.`{k}` = CAST(x.`{k}` AS DATE)" if v == "DATE" else
                         f"a.`{k}` = x.`{k}`" for k, v in ACTOR_PROPERTIES.items() if k != "id")
        for i in range(0, len(changed), _UPDATE_CHUNK):
            params = [{k: (json.loads(v) if k == "aliases" else v)
                       for k, v in zip(ACTOR_PROPERTIES, r, strict=True)}
                      for r in changed[i:i + _UPDATE_CHUNK]]
            lconn.execute(f"UNWIND $rows AS x MATCH (a:{ACTOR} {{id: x.id}}) SET {sets}",
                          {"rows": params})


def _apply_relations(lconn: Any, conn: sqlite3.Connection,
                     window: tuple[str, dict[str, int | None]], replace: bool) -> None:
    where, params = window
    keys = ("(source, target, relation, factuality) IN (SELECT subject, object, relation,"
            f" factuality FROM mentions WHERE {where})")
    cur = conn.execute(_changed("relations", _REL_SQL, keys, where), params)
    facts_cols = list(RELATION_PROPERTIES)
    for rows in _chunks(cur):
        by_type: dict[str, list[tuple]] = {}
        claims: list[tuple] = []
        for r in rows:
            d = dict(zip(_REL_SQL.replace(" ", "").split(","), r, strict=True))
            if d["asserted"]:
                by_type.setdefault(d["relation"], []).append(
                    (d["source"], d["target"], *[d[c] for c in facts_cols]))
            else:
                claims.append((d["source"], d["target"], *[d[c] for c in CLAIM_PROPERTIES]))
        if replace:
            _delete_relations(lconn, by_type, claims)
        for rel_type, typed in sorted(by_type.items()):
            _insert(lconn, rel_type, RELATION_PROPERTIES, typed, _ACTORS)
        _insert(lconn, CLAIM, CLAIM_PROPERTIES, claims, _ACTORS)
        _checkpoint(lconn, len(rows))


def _delete_relations(lconn: Any, by_type: dict[str, list[tuple]],
                      claims: list[tuple]) -> None:
    # rel_type names a table the caller created from checked vocabulary names.
    for rel_type, typed in by_type.items():
        for i in range(0, len(typed), _UPDATE_CHUNK):
            pairs = [{"s": r[0], "t": r[1]} for r in typed[i:i + _UPDATE_CHUNK]]
            lconn.execute(f"UNWIND $rows AS x MATCH (a:{ACTOR} {{id: x.s}})-[r:{rel_type}]->"
                          f"(b:{ACTOR} {{id: x.t}}) DELETE r", {"rows": pairs})
    for i in range(0, len(claims), _UPDATE_CHUNK):
        keys = [{"s": r[0], "t": r[1], "rel": r[2], "f": r[3]}
                for r in claims[i:i + _UPDATE_CHUNK]]
        lconn.execute(f"UNWIND $rows AS x MATCH (a:{ACTOR} {{id: x.s}})-[r:{CLAIM}]->"
                      f"(b:{ACTOR} {{id: x.t}}) WHERE r.relation = x.rel AND"
                      " r.factuality = x.f DELETE r", {"rows": keys})
