"""Deferred aggregates (store format 3): pending delta rows, how readers merge them, and
the fold that writes them into ``actors`` and ``relations``.

A commit only appends: its documents, its mentions, and the batch's own partial aggregates
(one row per actor and per relation it touches) in ``actor_deltas``/``relation_deltas``.
Reading and rewriting the stored aggregates in every commit made the commit grow with the
store (random pages of two big tables read and written back); appending does not.

:func:`merged_sql` is the one definition of an aggregate: the folded row (if any) and the
pending deltas of a key, merged by the rules of docs/MODEL.md section 2. Readers select
:func:`current_sql` (folded rows with nothing pending, then merged rows), and :func:`fold`
upserts the very same merged rows, so reads are the same before and after a fold.

Merge rules, with the folded row as the earliest part (its ``batch`` is below every pending
delta's): counts and documents add up (a document is stored once, in one batch, so the
per-batch document counts are distinct documents); confidence is the maximum;
``first_seen``/``last_seen`` the min/max; outlets and aliases the union of the parts' sets;
an actor's name and type, and a relation's ``asserted``/``negated``/``modality``/``plover``/
``quad``, come from the earliest part (the relation's first mention); an actor's
``country``/``sector``/``role`` is the earliest non-empty one; ``batch`` is the latest.

The fold is one transaction: a kill during it leaves the deltas pending (nothing folded)
or folded and deleted, never both. It also fills ``mention_pairs``/``mention_objects`` for
the mentions after ``meta.folded_mentions``; lookups read those tables plus the unfolded
tail of ``mentions``.
"""

from __future__ import annotations

import os
import sqlite3
from typing import Any

from actorgraph.graph.errors import StoreError
from actorgraph.graph.sqlite_schema import columns

FOLD_MIN_ROWS = 20_000
FOLD_RATIO = 0.25
_KEYS = {"actors": ("id",), "relations": ("source", "target", "relation", "factuality")}
_DELTAS = {"actors": "actor_deltas", "relations": "relation_deltas"}


def _cols(table: str) -> str:
    return ", ".join(columns(table))


def _parts(table: str) -> str:
    keys = ", ".join(_KEYS[table])
    cols = _cols(table)
    return (f"SELECT {cols} FROM {table} WHERE ({keys}) IN (SELECT {keys} FROM"
            f" {_DELTAS[table]}) UNION ALL SELECT {cols} FROM {_DELTAS[table]}")


def _set_union(table: str, col: str) -> str:
    """Per key, the sorted JSON array of the distinct values of the parts' JSON ``col``."""
    keys = ", ".join(f"p.{k}" for k in _KEYS[table])
    n = len(_KEYS[table])
    order = ", ".join(str(i) for i in range(1, n + 2))
    group = ", ".join(_KEYS[table])
    return (f"SELECT {group}, count(*) AS n, json_group_array(value) AS list FROM"
            f" (SELECT DISTINCT {keys}, j.value FROM parts p, json_each(p.{col}) j"
            f" ORDER BY {order}) GROUP BY {group}")


def _at(table: str, alias: str, batch: str) -> str:
    """Join ``parts`` as ``alias`` on the key and the batch in ``g``'s column ``batch``
    (keys and batch are unique among the parts: one delta per batch and key)."""
    same = " AND ".join(f"{alias}.{k} = g.{k}" for k in _KEYS[table])
    return f"parts {alias} ON {same} AND {alias}.batch = g.{batch}"


def _merged_actors() -> str:
    # The earliest part's name and type, the earliest non-null country/sector/role: found
    # by joining the part of the earliest (non-null) batch; values pass through untouched
    # (text functions would cut a value at a NUL) and no window sort is needed (measured:
    # 0.64 s against 1.16 s for 54k actors).
    earliest = ("country", "sector", "role")
    return (
        f"WITH parts AS MATERIALIZED ({_parts('actors')}),"
        f" s AS ({_set_union('actors', 'aliases')}),"
        " g AS (SELECT id, min(batch) AS b0, "
        + ", ".join(f"min(CASE WHEN {c} IS NOT NULL THEN batch END) AS b_{c}"
                    for c in earliest)
        + ", sum(mentions) AS mentions, sum(asserted_mentions) AS asserted_mentions,"
        " min(first_seen) AS first_seen, max(last_seen) AS last_seen, max(batch) AS batch"
        " FROM parts GROUP BY id)"
        " SELECT g.id AS id, p0.name AS name, p0.type AS type, "
        + ", ".join(f"p_{c}.{c} AS {c}" for c in earliest)
        + ", coalesce(s.list, '[]') AS aliases, g.mentions AS mentions,"
        " g.asserted_mentions AS asserted_mentions, g.first_seen AS first_seen,"
        f" g.last_seen AS last_seen, g.batch AS batch FROM g JOIN {_at('actors', 'p0', 'b0')} "
        + " ".join(f"LEFT JOIN {_at('actors', f'p_{c}', f'b_{c}')}" for c in earliest)
        + " LEFT JOIN s ON s.id = g.id")


def _merged_relations() -> str:
    keys = "source, target, relation, factuality"
    firsts = ("asserted", "negated", "modality", "plover", "quad")
    return (
        f"WITH parts AS MATERIALIZED ({_parts('relations')}),"
        f" s AS ({_set_union('relations', 'outlet_list')}),"
        f" g AS (SELECT {keys}, min(batch) AS b0,"
        " sum(count) AS count, max(confidence) AS confidence, min(first_seen) AS first_seen,"
        " max(last_seen) AS last_seen, sum(documents) AS documents, max(batch) AS batch"
        f" FROM parts GROUP BY {keys})"
        " SELECT g.source AS source, g.target AS target, g.relation AS relation,"
        " g.factuality AS factuality, "
        + ", ".join(f"p0.{c} AS {c}" for c in firsts)
        + ", g.count AS count, g.confidence AS confidence, g.first_seen AS first_seen,"
        " g.last_seen AS last_seen, g.documents AS documents, coalesce(s.n, 0) AS outlets,"
        " coalesce(s.list, '[]') AS outlet_list, g.batch AS batch"
        f" FROM g JOIN {_at('relations', 'p0', 'b0')} LEFT JOIN s ON "
        + " AND ".join(f"s.{k} = g.{k}" for k in _KEYS["relations"]))


_MERGED = {"actors": _merged_actors(), "relations": _merged_relations()}


def merged_sql(table: str) -> str:
    """SELECT of the merged rows (every column of ``table``) of the keys with pending
    deltas: the folded row and the deltas of each key, by the merge rules."""
    return _MERGED[table]


def current_sql(table: str, where: str = "1", cols: str | None = None) -> str:
    """A compound SELECT of the exact current rows of ``table`` (``actors`` or
    ``relations``) matching ``where`` (plain column names; named parameters only, as it
    appears twice): folded rows with nothing pending, then merged ones. ``ORDER BY`` may
    follow it (by result column names)."""
    keys = ", ".join(_KEYS[table])
    same = " AND ".join(f"k.{c} = t.{c}" for c in _KEYS[table])
    cols = cols or _cols(table)
    # The pending keys materialized once: SQLite builds no automatic index for a correlated
    # subquery on a table, nor for a row-value NOT IN, so either form scanned the deltas
    # once per folded row (61 s for 92k relations with 40k pending ones, measured).
    return (f"WITH pending AS MATERIALIZED (SELECT DISTINCT {keys} FROM {_DELTAS[table]})"
            f" SELECT {cols} FROM {table} t WHERE NOT EXISTS (SELECT 1 FROM pending k"
            f" WHERE {same}) AND ({where}) UNION ALL SELECT {cols} FROM"
            f" ({_MERGED[table]}) WHERE ({where})")


def mention_lookup(subject: bool, obj: bool) -> str:
    """SELECT of the rowids of the mentions with subject ``:subject`` and/or object
    ``:object``: folded ones from mention_pairs/mention_objects, the rest from the tail."""
    tail = ("SELECT rowid FROM mentions WHERE rowid > (SELECT CAST(value AS INTEGER) FROM"
            " meta WHERE key = 'folded_mentions')")
    if subject and obj:
        return ("SELECT mention FROM mention_pairs WHERE subject = :subject AND object ="
                f" :object UNION ALL {tail} AND subject = :subject AND object = :object")
    if subject:
        return ("SELECT mention FROM mention_pairs WHERE subject = :subject"
                f" UNION ALL {tail} AND subject = :subject")
    return ("SELECT mention FROM mention_objects WHERE object = :object"
            f" UNION ALL {tail} AND object = :object")


def _upsert(table: str) -> str:
    cols = columns(table)
    sets = ", ".join(f"{c} = excluded.{c}" for c in cols if c not in _KEYS[table])
    # WHERE true: without it SQLite would read ON CONFLICT as a join constraint.
    return (f"INSERT INTO {table} ({', '.join(cols)}) SELECT {', '.join(cols)} FROM"
            f" ({_MERGED[table]}) WHERE true ON CONFLICT ({', '.join(_KEYS[table])})"
            f" DO UPDATE SET {sets}")


_FOLD_STEPS = (
    _upsert("actors"),
    _upsert("relations"),
    "DELETE FROM actor_deltas",
    "DELETE FROM relation_deltas",
    # Sorted, so the lookup tables are filled page after page.
    "INSERT INTO mention_pairs (subject, object, mention) SELECT subject, object, rowid"
    " FROM mentions WHERE rowid > :folded ORDER BY subject, object, rowid",
    "INSERT INTO mention_objects (object, mention) SELECT object, rowid FROM mentions"
    " WHERE rowid > :folded ORDER BY object, rowid",
    "UPDATE meta SET value = CAST(:top AS TEXT) WHERE key = 'folded_mentions'",
)


def _run(conn: sqlite3.Connection, sql: str, args: dict[str, Any]) -> None:
    conn.execute(sql, {k: v for k, v in args.items() if f":{k}" in sql})


def _top(conn: sqlite3.Connection, table: str) -> int:
    # Append-only rowid tables (deltas are only ever deleted all at once), so the largest
    # rowid is the row count, found in O(log n).
    return int(conn.execute(f"SELECT coalesce(max(rowid), 0) FROM {table}").fetchone()[0])


def pending_rows(conn: sqlite3.Connection) -> int:
    """Delta rows not folded yet."""
    return _top(conn, "actor_deltas") + _top(conn, "relation_deltas")


def fold(conn: sqlite3.Connection) -> bool:
    """Fold every pending delta and mention into the aggregates and lookup tables, in one
    transaction; False (nothing written) when nothing was pending."""
    conn.execute("BEGIN IMMEDIATE")
    try:
        folded = int(conn.execute(
            "SELECT value FROM meta WHERE key = 'folded_mentions'").fetchone()[0])
        top = _top(conn, "mentions")
        if not pending_rows(conn) and top == folded:
            conn.execute("ROLLBACK")
            return False
        for sql in _FOLD_STEPS:
            _run(conn, sql, {"folded": folded, "top": top})
        conn.execute("COMMIT")
    except BaseException:
        conn.execute("ROLLBACK")
        raise
    return True


def _setting(name: str, default: float) -> float:
    raw = os.environ.get(name)
    if raw is None or raw == "":
        return default
    try:
        value = float(raw)
    except ValueError:
        raise StoreError(f"{name}={raw!r}: not a number") from None
    if value < 0:
        raise StoreError(f"{name}={raw!r}: must not be negative")
    return value


def due(conn: sqlite3.Connection) -> bool:
    """True when a fold is due: more than ``ACTORGRAPH_FOLD_MIN_ROWS`` (20,000) pending
    delta rows, and more than ``ACTORGRAPH_FOLD_RATIO`` (1/4) of the mentions count.

    The ratio keeps the folds geometric (each O(store), one per constant growth factor),
    so their cost per batch stays flat; the minimum keeps small stores from folding often.
    """
    # Both settings read every time, so a bad one is reported whatever the store's size.
    least = _setting("ACTORGRAPH_FOLD_MIN_ROWS", FOLD_MIN_ROWS)
    ratio = _setting("ACTORGRAPH_FOLD_RATIO", FOLD_RATIO)
    pending = pending_rows(conn)
    return pending > least and pending > ratio * _top(conn, "mentions")

