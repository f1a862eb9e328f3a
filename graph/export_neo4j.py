"""neo4j-admin CSV: the whole v2 model as files for ``neo4j-admin database import full``.

The import yields the same database as :func:`actorgraph.graph.neo4j.load_store`: ``Actor``,
``Document`` and ``Mention`` nodes; vocabulary-typed relationships for facts and ``CLAIM``
for the rest; ``SUBJECT``/``OBJECT``/``IN_DOCUMENT`` and ``MENTIONED_IN``. Column types come
from :data:`actorgraph.graph.model.CSV_TYPES`: dates are ``:date`` (``first_seen``,
``Document.date``, ``Mention.date``) and a document time is ``:datetime``, so Neo4j stores
native temporal values. An empty cell sets no property, as a null does in Cypher.

The printed command never overwrites: ``neo4j-admin`` refuses to import into an existing
database unless told to, and it is told only with ``overwrite=True``.
"""

from __future__ import annotations

import csv
import shlex
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from actorgraph.graph.model import (
    ACTOR,
    ACTOR_PROPERTIES,
    CLAIM,
    CLAIM_PROPERTIES,
    CSV_TYPES,
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
    checked_relation_type,
    document_dates,
    mention_date,
    month_of,
    relation_types,
)

#: neo4j-admin's default array delimiter; swapped for U+001F when a value contains it.
ARRAY_DELIMITER = ";"
FALLBACK_ARRAY_DELIMITER = "\x1f"


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
    overwrite: bool = False

    @property
    def command(self) -> str:
        """The ``neo4j-admin`` command line (Neo4j 5; run with the database stopped). It
        overwrites an existing database only when the export was asked to (``overwrite``)."""
        delim = ("U+001F" if self.array_delimiter == FALLBACK_ARRAY_DELIMITER
                 else self.array_delimiter)
        parts = ["neo4j-admin", "database", "import", "full"]
        parts += [f"--nodes={p}" for p in self.nodes]
        parts += [f"--relationships={p}" for p in self.relationships]
        parts += [f"--array-delimiter={delim}", "--multiline-fields=true"]
        if self.overwrite:
            parts.append("--overwrite-destination=true")
        parts.append(self.database)
        return " ".join(shlex.quote(p) for p in parts)

    @property
    def instructions(self) -> str:
        """The import command, then the constraints the Bolt loader would create."""
        note = ("" if self.overwrite else
                "# into a new database; an existing one is left alone (neo4j-admin refuses "
                "it): pick another name, or export with overwrite to replace it\n")
        return (f"{note}{self.command}\n"
                f"# then start Neo4j and create the constraints and indexes:\n"
                f"cypher-shell -d {shlex.quote(self.database)} -f "
                f"{shlex.quote(str(self.schema))}\n")


def _header(props: dict[str, str], key: str | None = None, id_space: str = "") -> list[str]:
    return [f"{name}:ID({id_space})" if name == key else name + CSV_TYPES[typ]
            for name, typ in props.items()]


def _cell(value: Any, typ: str, delim: str) -> Any:
    if value is None:
        return ""
    if typ == "STRING[]":
        return delim.join(value)
    if typ == "BOOLEAN":
        return "true" if value else "false"
    if typ in ("DATE", "TIMESTAMP") and not isinstance(value, str):
        return value.isoformat()
    return value


class _Writer:
    """Writes one CSV per call, recording the file and its row count on the result."""

    def __init__(self, result: Neo4jCsvExport) -> None:
        self.result = result

    def __call__(self, name: str, header: list[str], rows: Iterable[list[Any]],
                 kind: str) -> None:
        path = self.result.out_dir / name
        n = 0
        with path.open("w", encoding="utf-8", newline="") as fh:
            w = csv.writer(fh)  # RFC 4180 quoting ("" inside quotes), as neo4j-admin reads
            w.writerow(header)
            for row in rows:
                w.writerow(row)
                n += 1
        self.result.counts[name] = n
        (self.result.nodes if kind == "nodes" else self.result.relationships).append(path)


def _delimiter(actors: list[dict[str, Any]]) -> str:
    """``;`` unless an array value (only ``aliases`` is an array) holds one."""
    values = [x for a in actors for x in a.get("aliases") or []]
    if not any(ARRAY_DELIMITER in v for v in values):
        return ARRAY_DELIMITER
    if any(FALLBACK_ARRAY_DELIMITER in v for v in values):
        raise ValueError("array values contain both ';' and U+001F: cannot export")
    return FALLBACK_ARRAY_DELIMITER


def _document_rows(docs: list[Any], delim: str) -> Iterator[list[Any]]:
    for d in docs:
        day, stamp = document_dates(d.date)
        rec = {"id": d.id, "hash": d.hash, "title": d.title, "date": day, "datetime": stamp,
               "date_raw": getattr(d, "date_raw", None) or d.date, "source": d.source,
               "url": d.url, "triples": d.triples}
        yield [_cell(rec[k], t, delim) for k, t in DOCUMENT_PROPERTIES.items()] + [DOCUMENT]


def _mention_rows(mentions: list[dict[str, Any]], delim: str) -> Iterator[list[Any]]:
    for m in mentions:
        day = mention_date(m["date"])
        rec = {**m, "date": day, "month": month_of(day)}
        yield [_cell(rec[k], t, delim) for k, t in MENTION_PROPERTIES.items()] + [MENTION]


def _relation_rows(relations: list[dict[str, Any]], claims: bool, allowed: list[str],
                   delim: str) -> Iterator[list[Any]]:
    props = CLAIM_PROPERTIES if claims else RELATION_PROPERTIES
    for r in relations:
        if bool(r["asserted"]) == claims:
            continue
        # The :TYPE column becomes a relationship type: vocabulary names only.
        rtype = CLAIM if claims else checked_relation_type(r["relation"], allowed)
        yield [r["source"], r["target"], rtype] + [_cell(r.get(k), t, delim)
                                                   for k, t in props.items()]


def export_neo4j_csv(store: Any, out_dir: str | Path, database: str = "neo4j",
                     relation_vocabulary: list[str] | None = None,
                     overwrite: bool = False) -> Neo4jCsvExport:
    """Write the model as CSV for ``neo4j-admin database import full``, plus
    ``schema.cypher`` (constraints and indexes) and ``IMPORT.txt`` (what to run).

    Files: ``actors.csv``, ``documents.csv``, ``mentions.csv`` (nodes); ``relations.csv``
    (facts, typed by relation), ``claims.csv`` (CLAIM), ``mention_links.csv`` (SUBJECT,
    OBJECT), ``in_document.csv`` (IN_DOCUMENT), ``mentioned_in.csv``. Array properties use
    ``;`` unless some value contains one (then U+001F); :attr:`Neo4jCsvExport.command`
    names the one used and adds ``--overwrite-destination=true`` only with ``overwrite``.

    >>> import tempfile
    >>> from actorgraph.graph.store import MemoryStore
    >>> r = export_neo4j_csv(MemoryStore(), tempfile.mkdtemp())
    >>> r.command.startswith("neo4j-admin database import full --nodes="), "overwrite" in r.command
    (True, False)
    """
    from actorgraph.graph.export import open_for_export
    from actorgraph.graph.neo4j_load import SCHEMA_STATEMENTS

    allowed = relation_vocabulary if relation_vocabulary is not None else relation_types()
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    with open_for_export(store) as s:
        actors, relations = list(s.actors()), list(s.relations())
        docs, mentions = list(s.documents()), list(s.mentions())
    for r in relations:  # fail before any file is written
        if r["asserted"]:
            checked_relation_type(r["relation"], allowed)
    delim = _delimiter(actors)
    result = Neo4jCsvExport(out_dir=out, array_delimiter=delim, database=database,
                            overwrite=overwrite)
    write = _Writer(result)
    write("actors.csv", _header(ACTOR_PROPERTIES, "id", ACTOR) + [":LABEL"],
          ([_cell(a.get(k), t, delim) for k, t in ACTOR_PROPERTIES.items()] + [ACTOR]
           for a in actors), "nodes")
    write("documents.csv", _header(DOCUMENT_PROPERTIES, "hash", DOCUMENT) + [":LABEL"],
          _document_rows(docs, delim), "nodes")
    write("mentions.csv", _header(MENTION_PROPERTIES, "id", MENTION) + [":LABEL"],
          _mention_rows(mentions, delim), "nodes")
    ends = [f":START_ID({ACTOR})", f":END_ID({ACTOR})", ":TYPE"]
    write("relations.csv", ends + _header(RELATION_PROPERTIES),
          _relation_rows(relations, False, allowed, delim), "relationships")
    write("claims.csv", ends + _header(CLAIM_PROPERTIES),
          _relation_rows(relations, True, allowed, delim), "relationships")
    # A file has one END_ID space: SUBJECT/OBJECT end at actors, IN_DOCUMENT at documents.
    write("mention_links.csv", [f":START_ID({MENTION})", f":END_ID({ACTOR})", ":TYPE"],
          ([m["id"], m[end], rtype] for m in mentions
           for end, rtype in (("subject", SUBJECT), ("object", OBJECT))), "relationships")
    write("in_document.csv", [f":START_ID({MENTION})", f":END_ID({DOCUMENT})", ":TYPE"],
          ([m["id"], m["doc_hash"], IN_DOCUMENT] for m in mentions), "relationships")
    counts: Counter[tuple[str, str]] = Counter()
    for m in mentions:
        counts[(m["subject"], m["doc_hash"])] += 1
        counts[(m["object"], m["doc_hash"])] += 1
    write("mentioned_in.csv", [f":START_ID({ACTOR})", f":END_ID({DOCUMENT})", ":TYPE"]
          + _header(MENTIONED_IN_PROPERTIES),
          ([a, h, MENTIONED_IN, n] for (a, h), n in sorted(counts.items())), "relationships")
    result.schema = out / "schema.cypher"
    result.schema.write_text("".join(s + ";\n" for s in SCHEMA_STATEMENTS), encoding="utf-8")
    (out / "IMPORT.txt").write_text(result.instructions, encoding="utf-8")
    return result
