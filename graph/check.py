"""``check_store``: verify a store of record in depth (what ``actorgraph check OUT`` runs).

Opening a store checks only its format, version and shape (cheap, every time). This check
reads everything: SQLite's own page check, orphans (mentions without their document or
actors, relations without their actors), counts that must agree (a document's
``triples`` against its mentions, relation and actor aggregates, pending deltas merged,
against the mentions; the mention lookup tables against the folded mentions) and batch
order (batches numbered 1..last, every row's batch committed, documents in commit order).
Each problem is one line; the report ends with how to repair.

>>> import tempfile
>>> from actorgraph.graph.store import MemoryStore
>>> out = tempfile.mkdtemp(); _ = MemoryStore().save(out)
>>> check_store(out).ok
True
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from actorgraph.graph.errors import StoreError
from actorgraph.graph.sqlite_fold import current_sql
from actorgraph.graph.store import open_store, store_path

# The exact current aggregates (pending deltas merged: graph/sqlite_fold.py), and the
# mentions counted per relation and per actor: grouped, so no check needs a lookup index.
_WITH = (
    f"WITH ca AS MATERIALIZED ({current_sql('actors')}),"
    f" cr AS MATERIALIZED ({current_sql('relations')}),"
    " mc AS MATERIALIZED (SELECT subject, object, relation, factuality, count(*) AS n"
    " FROM mentions GROUP BY subject, object, relation, factuality),"
    " ac AS (SELECT actor, count(*) AS n FROM (SELECT subject AS actor FROM mentions"
    " UNION ALL SELECT object FROM mentions) GROUP BY actor) ")
_SAME_REL = ("mc.subject = cr.source AND mc.object = cr.target AND mc.relation = cr.relation"
             " AND mc.factuality = cr.factuality")
_FOLDED = "(SELECT CAST(value AS INTEGER) FROM meta WHERE key = 'folded_mentions')"

#: (what is wrong, SQL counting the rows that show it)
_CHECKS: tuple[tuple[str, str], ...] = (
    ("mentions whose document is missing",
     "SELECT count(*) FROM mentions m LEFT JOIN documents d ON d.hash = m.doc_hash"
     " WHERE d.hash IS NULL"),
    ("mentions whose subject or object actor is missing",
     "SELECT count(*) FROM mentions m WHERE m.subject NOT IN (SELECT id FROM ca)"
     " OR m.object NOT IN (SELECT id FROM ca)"),
    ("relations whose source or target actor is missing",
     "SELECT count(*) FROM cr WHERE cr.source NOT IN (SELECT id FROM ca)"
     " OR cr.target NOT IN (SELECT id FROM ca)"),
    ("documents whose triples count differs from their mentions",
     "SELECT count(*) FROM documents d WHERE d.triples <> (SELECT count(*) FROM mentions m"
     " WHERE m.doc_hash = d.hash)"),
    ("relations whose count differs from their mentions",
     f"SELECT count(*) FROM cr LEFT JOIN mc ON {_SAME_REL}"
     " WHERE mc.n IS NULL OR mc.n <> cr.count"),
    ("mentions without a relation aggregate",
     f"SELECT coalesce(sum(mc.n), 0) FROM mc LEFT JOIN cr ON {_SAME_REL}"
     " WHERE cr.source IS NULL"),
    ("actors whose mentions differ from their relation mentions",
     "SELECT count(*) FROM ca LEFT JOIN ac ON ac.actor = ca.id"
     " WHERE coalesce(ac.n, 0) <> ca.mentions"),
    ("rows from a batch that was never committed",
     "SELECT (SELECT count(*) FROM documents WHERE batch > ?1 OR batch < 1)"
     " + (SELECT count(*) FROM mentions WHERE batch > ?1 OR batch < 1)"
     " + (SELECT count(*) FROM actors WHERE batch > ?1 OR batch < 1)"
     " + (SELECT count(*) FROM relations WHERE batch > ?1 OR batch < 1)"
     " + (SELECT count(*) FROM actor_deltas WHERE batch > ?1 OR batch < 1)"
     " + (SELECT count(*) FROM relation_deltas WHERE batch > ?1 OR batch < 1)"),
    ("documents out of commit order (a later document in an earlier batch)",
     "SELECT count(*) FROM documents a JOIN documents b ON b.seq = a.seq + 1"
     " WHERE b.batch < a.batch"),
    ("mention lookups (mention_pairs, mention_objects) that disagree with the folded mentions",
     f"SELECT abs((SELECT count(*) FROM mention_pairs) - {_FOLDED})"
     f" + abs((SELECT count(*) FROM mention_objects) - {_FOLDED})"
     " + (SELECT count(*) FROM mention_pairs p LEFT JOIN mentions m ON m.rowid = p.mention"
     " WHERE m.rowid IS NULL OR m.subject <> p.subject OR m.object <> p.object)"
     " + (SELECT count(*) FROM mention_objects p LEFT JOIN mentions m ON m.rowid = p.mention"
     " WHERE m.rowid IS NULL OR m.object <> p.object)"),
)


@dataclass
class CheckReport:
    """What :func:`check_store` found: ``ok`` when ``problems`` is empty."""

    path: str
    counts: dict[str, int] = field(default_factory=dict)
    last_batch: int = 0
    problems: list[str] = field(default_factory=list)
    repair: str = ""

    @property
    def ok(self) -> bool:
        """True when no problem was found."""
        return not self.problems

    def lines(self) -> list[str]:
        """The report as printable lines."""
        c = self.counts
        head = (f"{self.path}: {c.get('documents', 0)} documents, {c.get('actors', 0)} actors,"
                f" {c.get('relations', 0)} relations, {c.get('mentions', 0)} mentions,"
                f" {self.last_batch} batches")
        out = [head]
        out += [f"{self.path}: {p}" for p in self.problems]
        out.append("ok" if self.ok else f"repair: {self.repair}")
        return out


def check_store(out: str | Path) -> CheckReport:
    """Verify the store in ``out``; never raises for a damaged store (the report says it).

    A store that will not even open gives a report with that one problem.
    """
    path = store_path(out)
    report = CheckReport(path=str(path))
    try:
        store = open_store(out)
    except StoreError as e:
        report.problems.append(str(e).removeprefix(f"{path}: "))
        report.repair = _rebuild_hint(path)
        return report
    with store, store.read_snapshot() as conn:
        try:
            report.last_batch = int(conn.execute(
                "SELECT value FROM meta WHERE key = 'last_batch'").fetchone()[0])
            report.counts = store.stats()
            pages = [r[0] for r in conn.execute("PRAGMA quick_check")]
            if pages != ["ok"]:
                report.problems.append(f"SQLite page check: {pages[0]}"
                                       + (f" (+{len(pages) - 1} more)" if len(pages) > 1 else ""))
            numbers = [r[0] for r in conn.execute("SELECT batch FROM batches ORDER BY batch")]
            if numbers != list(range(1, report.last_batch + 1)):
                report.problems.append(f"batches table holds {len(numbers)} batches, "
                                       f"meta.last_batch says {report.last_batch}")
            for what, sql in _CHECKS:
                args = (report.last_batch,) if "?1" in sql else ()
                n = conn.execute(_WITH + sql, args).fetchone()[0]
                if n:
                    report.problems.append(f"{n} {what}")
        except Exception as e:  # a damaged file can fail any statement: report, not raise
            report.problems.append(f"cannot read: {e}")
    if report.problems:
        report.repair = _rebuild_hint(path)
    return report


def _rebuild_hint(path: Path) -> str:
    return (f"move {path.parent} aside and build again from the same inputs "
            f"(actorgraph build <inputs> -o {path.parent}); or restore {path.name} from a "
            "backup. A store whose mentions are intact can be copied into a new OUT with "
            "actorgraph.graph.check.rebuild_store(old, new)")


def rebuild_store(source: str | Path, dest: str | Path, batch_docs: int = 500) -> int:
    """Copy every readable document of the store in ``source`` into a new store in
    ``dest`` (aggregates recomputed from the mentions); returns documents copied."""
    from actorgraph.graph.store import open_writer

    with open_store(source) as old, open_writer(dest) as new:
        return new.add_in_batches(old.document_triples(), batch_docs)
