"""The read API over a SQLite store (on disk or in memory): docs/MODEL.md section 3.

Each public read runs in one read transaction, so it sees one committed batch boundary
however the writer moves on meanwhile (WAL snapshots). Actor and relation reads merge the
aggregates not folded yet (graph/sqlite_fold.py), so they are exact at all times and a
reader never writes.
"""

from __future__ import annotations

import contextlib
import json
import sqlite3
from collections.abc import Iterable, Iterator
from typing import Any

import networkx as nx

from actorgraph.extract.triples import Triple
from actorgraph.graph.records import DocumentRecord, triple_of
from actorgraph.graph.sqlite_fold import current_sql, mention_lookup

_DOC_COLS = "id, hash, title, date, source, url, triples, date_raw"
_REL_COLS = ("source", "target", "relation", "factuality", "asserted", "negated",
             "modality", "count", "plover", "quad", "confidence", "first_seen",
             "last_seen", "documents", "outlets")
_ACTOR_COLS = ("id", "name", "type", "country", "sector", "role", "aliases", "mentions",
               "asserted_mentions", "first_seen", "last_seen")
_MENTION_SELECT = (
    "SELECT m.id, d.id, m.doc_hash, d.title, d.source, d.url, d.date, m.date,"
    " m.date_precision, m.date_source, m.sentence, m.start, m.\"end\", m.trigger,"
    " m.subject, m.object, m.subject_text, m.object_text, m.relation, m.plover, m.quad,"
    " m.negated, m.modality, m.factuality, m.asserted, m.confidence"
    " FROM mentions m JOIN documents d ON d.hash = m.doc_hash")
_MENTION_KEYS = ("id", "doc", "doc_hash", "title", "source", "url", "doc_date", "date",
                 "date_precision", "date_source", "sentence", "start", "end", "trigger",
                 "subject", "object", "subject_text", "object_text", "relation", "plover",
                 "quad", "negated", "modality", "factuality", "asserted", "confidence")
# Relations recomputed from the mentions in a date window; the stored row gives the
# attributes that do not depend on the window (modality, plover, quad of the first mention).
_WINDOW_RELATIONS = (
    "SELECT m.subject, m.object, m.relation, m.factuality, r.asserted, r.negated,"
    " r.modality, count(*), r.plover, r.quad, max(m.confidence), min(m.date),"
    " max(m.date), count(DISTINCT m.doc_hash), count(DISTINCT d.source)"
    " FROM mentions m JOIN documents d ON d.hash = m.doc_hash"
    " JOIN ({current}) r ON r.source = m.subject AND r.target = m.object"
    " AND r.relation = m.relation AND r.factuality = m.factuality"
    " WHERE {where} GROUP BY m.subject, m.object, m.relation, m.factuality"
    " ORDER BY m.subject, m.object, m.relation, m.factuality")
_REL_ORDER = " ORDER BY source, target, relation, factuality"
# Counts in one statement (one snapshot): folded rows plus pending keys not folded yet.
_NEW_RELATIONS = (
    "SELECT DISTINCT source, target, relation, factuality, asserted FROM relation_deltas d"
    " WHERE NOT EXISTS (SELECT 1 FROM relations r WHERE r.source = d.source AND"
    " r.target = d.target AND r.relation = d.relation AND r.factuality = d.factuality)")
_STATS = (
    "SELECT (SELECT count(*) FROM documents),"
    " (SELECT count(*) FROM actors) + (SELECT count(DISTINCT id) FROM actor_deltas d"
    " WHERE NOT EXISTS (SELECT 1 FROM actors a WHERE a.id = d.id)),"
    f" (SELECT count(*) FROM relations) + (SELECT count(*) FROM ({_NEW_RELATIONS})),"
    " (SELECT count(*) FROM relations WHERE asserted = 1)"
    f" + (SELECT count(*) FROM ({_NEW_RELATIONS}) WHERE asserted = 1),"
    " (SELECT count(*) FROM mentions)")


# --- bounded reads: the capped view (issue 15) ------------------------------------------
# What a view of the top N actors reads, each one statement whose cost follows N and the
# caps, not the store. Kept here together, small and plain, so a change of the store's
# tables (deferred aggregates, a pair table) changes these few lines.
# ?1 = how many (LIMIT -1: all). The order is the view's rank: asserted mentions, all
# mentions, name, id. No index: a top-N sort over the actors table, which is small (one row
# per actor; measured in bench/README.md).
# The actors and relations read are the current rows (folded ones merged with pending
# deltas, sqlite_fold.current_sql), so a capped page is exact between folds too.
TOP_ACTORS_ORDER = (" ORDER BY asserted_mentions DESC, mentions DESC,"
                    " coalesce(nullif(name, ''), id), id LIMIT :n")
# :ids = JSON list of actor ids, :n = how many. Both ends among the ids (found by the primary
# key's source prefix); asserted relations first, then the most mentioned.
RELATIONS_AMONG_WHERE = ("source IN (SELECT value FROM json_each(:ids))"
                         " AND +target IN (SELECT value FROM json_each(:ids))")
RELATIONS_AMONG_ORDER = (" ORDER BY asserted DESC, count DESC, source, target, relation,"
                         " factuality LIMIT :n")
# :pairs = JSON list of [subject, object] pairs: every mention of those pairs, found through
# the fold-filled mention_pairs table plus the unfolded tail of mentions, in commit order.
_PAIRS = ("SELECT DISTINCT json_extract(value, '$[0]') AS s,"
          " json_extract(value, '$[1]') AS o FROM json_each(:pairs)")
MENTIONS_OF_SQL = (
    f"WITH p AS MATERIALIZED ({_PAIRS}) "
    + _MENTION_SELECT
    + " WHERE m.rowid IN (SELECT mp.mention FROM p JOIN mention_pairs mp"
    " ON mp.subject = p.s AND mp.object = p.o"
    " UNION ALL SELECT t.rowid FROM mentions t JOIN p ON t.subject = p.s AND t.object = p.o"
    " WHERE t.rowid > (SELECT CAST(value AS INTEGER) FROM meta"
    " WHERE key = 'folded_mentions')) {where} ORDER BY d.seq, m.idx")
# The span of mention dates: an actor's first/last seen are its mentions' min/max dates,
# and the actors are far fewer than the mentions.
DATE_RANGE_SQL = ("SELECT min(first_seen), max(last_seen) FROM ("
                  + current_sql("actors", cols="first_seen, last_seen") + ")")


def edge_key(relation: str, factuality: str) -> str:
    """The networkx edge key of a relation: ``RELATION:factuality``."""
    return f"{relation}:{factuality}"


def _window(since: str | None, until: str | None, col: str = "m.date"
            ) -> tuple[list[str], dict[str, Any]]:
    where, args = [], {}
    if since:
        where.append(f"{col} >= :since")
        args["since"] = since[:10]
    if until:
        where.append(f"{col} <= :until")
        args["until"] = until[:10]
    return where, args


class SqliteStore:
    """Documents, actors, relations and mentions of one store; see docs/MODEL.md section 3."""

    def __init__(self, conn: sqlite3.Connection, name: str) -> None:
        self._conn = conn
        self.name = name
        self._graph: nx.MultiDiGraph | None = None
        self._graph_batch = -1

    # --- small helpers -------------------------------------------------------------------

    def _rows(self, sql: str, args: tuple | list = ()) -> Iterator[tuple]:
        # A read transaction per call: one snapshot for the whole iteration (WAL).
        cur = self._conn.cursor()
        try:
            yield from cur.execute(sql, args)
        finally:
            cur.close()

    @property
    def last_batch(self) -> int:
        """The newest committed batch number (0 for an empty store)."""
        row = self._conn.execute("SELECT value FROM meta WHERE key = 'last_batch'").fetchone()
        return int(row[0])

    def meta(self) -> dict[str, str]:
        """The store's meta rows (format, version, store_id, created, last_batch)."""
        return dict(self._conn.execute("SELECT key, value FROM meta").fetchall())

    @contextlib.contextmanager
    def read_snapshot(self) -> Iterator[sqlite3.Connection]:
        """The connection inside one read transaction: every statement run in the block
        sees the same committed batch, however the writer moves on meanwhile."""
        self._conn.execute("BEGIN")
        try:
            yield self._conn
        finally:
            self._conn.execute("COMMIT")

    def has_document(self, content_hash: str) -> bool:
        """True when a document with this content hash is stored."""
        return self._conn.execute("SELECT 1 FROM documents WHERE hash = ?",
                                  (content_hash,)).fetchone() is not None

    # --- the read API --------------------------------------------------------------------

    def documents(self) -> Iterator[DocumentRecord]:
        """Every stored document, in commit order."""
        for r in self._rows(f"SELECT {_DOC_COLS} FROM documents ORDER BY seq"):
            yield DocumentRecord(*r)

    def actors(self) -> Iterator[dict[str, Any]]:
        """Actor records (the Actor node's keys), sorted by id; dates ISO strings."""
        sql = current_sql("actors", cols=", ".join(_ACTOR_COLS)) + " ORDER BY id"
        for r in self._rows(sql):
            d = dict(zip(_ACTOR_COLS, r, strict=True))
            d["aliases"] = sorted(json.loads(d["aliases"]))
            yield d

    def relations(self, asserted_only: bool = False, since: str | None = None,
                  until: str | None = None) -> Iterator[dict[str, Any]]:
        """Relation records ``{source, target, relation, factuality, asserted, ...}``.

        With ``since``/``until`` (ISO dates, inclusive) the aggregates are recomputed from
        the mentions dated in that window (undated mentions drop out).
        """
        if since or until:
            where, args = _window(since, until)
            if asserted_only:
                where.append("m.asserted = 1")
            sql = _WINDOW_RELATIONS.format(where=" AND ".join(where),
                                           current=current_sql("relations"))
        else:
            sql = current_sql("relations", "asserted = 1" if asserted_only else "1",
                              ", ".join(_REL_COLS)) + _REL_ORDER
            args = {}
        for r in self._rows(sql, args):
            d = dict(zip(_REL_COLS, r, strict=True))
            d["asserted"], d["negated"] = bool(d["asserted"]), bool(d["negated"])
            yield d

    def mentions(self, source: str | None = None, target: str | None = None,
                 relation: str | None = None, factuality: str | None = None,
                 asserted: bool | None = None, since: str | None = None,
                 until: str | None = None) -> Iterator[dict[str, Any]]:
        """Mention records with their document's title, outlet, url and date, in commit
        order; every argument given narrows them."""
        where, args = _window(since, until)
        if source is not None or target is not None:
            where.append(f"m.rowid IN ({mention_lookup(source is not None, target is not None)})")
            args.update(subject=source, object=target)
        for col, value in (("relation", relation), ("factuality", factuality)):
            if value is not None:
                where.append(f"m.{col} = :{col}")
                args[col] = value
        if asserted is not None:
            where.append("m.asserted = :asserted")
            args["asserted"] = int(asserted)
        sql = _MENTION_SELECT + (" WHERE " + " AND ".join(where) if where else "")
        for r in self._rows(sql + " ORDER BY d.seq, m.idx", args):
            d = dict(zip(_MENTION_KEYS, r, strict=True))
            d["asserted"], d["negated"] = bool(d["asserted"]), bool(d["negated"])
            yield d

    # --- bounded reads (the capped view; SQL in the section above) -------------------------

    def top_actors(self, n: int | None, asserted_only: bool = False
                   ) -> list[dict[str, Any]]:
        """The ``n`` actors ranked first (all when None): most asserted mentions, then most
        mentions, name, id. ``asserted_only`` leaves out actors with no asserted mention."""
        # Wrapped: a compound SELECT may only be ordered by its plain result columns.
        sql = ("SELECT * FROM (" + current_sql(
            "actors", "asserted_mentions > 0" if asserted_only else "1",
            cols=", ".join(_ACTOR_COLS)) + ")" + TOP_ACTORS_ORDER)
        out = []
        for r in self._rows(sql, {"n": -1 if n is None else n}):
            d = dict(zip(_ACTOR_COLS, r, strict=True))
            d["aliases"] = json.loads(d["aliases"])
            out.append(d)
        return out

    def relations_among(self, ids: Iterable[str], asserted_only: bool = False,
                        max_edges: int | None = None) -> list[dict[str, Any]]:
        """Relations whose source and target are both in ``ids``, asserted ones first, then
        by mentions; at most ``max_edges`` (all when None)."""
        where = RELATIONS_AMONG_WHERE + (" AND asserted = 1" if asserted_only else "")
        sql = current_sql("relations", where, cols=", ".join(_REL_COLS)) + RELATIONS_AMONG_ORDER
        args = {"ids": json.dumps(sorted(set(ids))), "n": -1 if max_edges is None else max_edges}
        out = []
        for r in self._rows(sql, args):
            d = dict(zip(_REL_COLS, r, strict=True))
            d["asserted"], d["negated"] = bool(d["asserted"]), bool(d["negated"])
            out.append(d)
        return out

    def mentions_of(self, pairs: Iterable[tuple[str, str]], asserted: bool | None = None
                    ) -> Iterator[dict[str, Any]]:
        """The mentions (as :meth:`mentions` gives them) whose (subject, object) is one of
        ``pairs``, in commit order; ``asserted`` narrows them."""
        where = "" if asserted is None else f"AND m.asserted = {int(asserted)}"
        args = {"pairs": json.dumps(sorted({(str(s), str(o)) for s, o in pairs}))}
        for r in self._rows(MENTIONS_OF_SQL.format(where=where), args):
            d = dict(zip(_MENTION_KEYS, r, strict=True))
            d["asserted"], d["negated"] = bool(d["asserted"]), bool(d["negated"])
            yield d

    def date_range(self) -> tuple[str | None, str | None]:
        """The first and last mention date of the store (None, None when undated)."""
        first, last = self._conn.execute(DATE_RANGE_SQL).fetchone()
        return first, last

    def document_triples(self, after_batch: int = 0, upto_batch: int | None = None
                         ) -> Iterator[tuple[DocumentRecord, list[Triple]]]:
        """Every document committed after batch ``after_batch`` (and up to ``upto_batch``)
        with its triples, in commit order (what loaders and exports replay)."""
        upto = upto_batch if upto_batch is not None else 2**62
        docs = self._rows(f"SELECT {_DOC_COLS} FROM documents WHERE batch > ? AND batch <= ?"
                          " ORDER BY seq", (after_batch, upto))
        cols = ("sentence", "start", "end", "subject_ref", "object_ref", "relation",
                "plover", "quad", "trigger", "negated", "modality", "confidence", "date",
                "date_precision", "date_source", "extras")
        sql = (f"SELECT {', '.join(f'{chr(34)}{c}{chr(34)}' for c in cols)} FROM mentions"
               " WHERE doc_hash = ? ORDER BY idx")
        for r in docs:
            doc = DocumentRecord(*r)
            rows = self._conn.execute(sql, (doc.hash,)).fetchall()
            yield doc, [triple_of(dict(zip(cols, m, strict=True)), doc) for m in rows]

    def stats(self) -> dict[str, int]:
        """Counts: documents, actors, relations, asserted_relations, mentions."""
        row = self._conn.execute(_STATS).fetchone()
        return dict(zip(("documents", "actors", "relations", "asserted_relations",
                         "mentions"), row, strict=True))

    def to_networkx(self, asserted_only: bool = True, since: str | None = None,
                    until: str | None = None) -> nx.MultiDiGraph:
        """The actor graph: nodes are actor dicts, edges keyed ``RELATION:factuality`` with
        the relation dict. Only actors taking part in a returned relation are nodes, so an
        actor named only in claims is absent from the default (facts-only) graph."""
        g = nx.MultiDiGraph()
        rels = list(self.relations(asserted_only=asserted_only, since=since, until=until))
        ends = {r["source"] for r in rels} | {r["target"] for r in rels}
        for a in self.actors():
            if a["id"] in ends:
                g.add_node(a["id"], **{k: v for k, v in a.items() if k != "id"})
        for r in rels:
            data = {k: v for k, v in r.items() if k not in ("source", "target")}
            g.add_edge(r["source"], r["target"], edge_key(r["relation"], r["factuality"]),
                       **data)
        return g

    @property
    def graph(self) -> nx.MultiDiGraph:
        """Compat: ``to_networkx(asserted_only=False)``, cached until the next batch."""
        batch = self.last_batch
        if self._graph is None or batch != self._graph_batch:
            self._graph, self._graph_batch = self.to_networkx(asserted_only=False), batch
        return self._graph

    def close(self) -> None:
        """Close the connection; safe to call twice."""
        self._conn.close()

    def __enter__(self) -> SqliteStore:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
