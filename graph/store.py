"""The embedded graph store: a networkx MultiDiGraph of actors and relations.

Triples merge into it document by document; a ledger of content hashes keeps a document
from being counted twice. The store persists to ``graph.json`` beside ``triples.jsonl``
(every triple record, in merge order) and both are written so that a run killed at any
point leaves the previous consistent state: triples are appended and synced first, then
``graph.json`` is replaced atomically and records how many bytes of ``triples.jsonl`` it
covers; bytes beyond that (from an interrupted run) are cut off on the next open.

>>> from actorgraph.extract.triples import ActorRef, Triple
>>> a = ActorRef("person:a", "A", "A", "PERSON"); b = ActorRef("person:b", "B", "B", "PERSON")
>>> t = Triple("d1", "A met B.", 0, 8, a, "MEETS", b, "CONSULT", "VERBAL_COOPERATION", "met")
>>> store = GraphStore()
>>> store.add_document(DocumentRecord(id="d1", hash="h1"), [t])
True
>>> store.add_document(DocumentRecord(id="d1", hash="h1"), [t])  # same content: skipped
False
>>> store.graph.edges["person:a", "person:b", "MEETS:asserted"]["count"]
1

Actors count every relation mention they take part in (``mentions``, provenance) and, apart,
the asserted ones (``asserted_mentions``): only those rank and size actors in default views.

>>> from dataclasses import replace
>>> n = GraphStore()
>>> _ = n.add_document(DocumentRecord(id="d2", hash="h2"), [t, replace(t, negated=True)])
>>> {k: n.graph.nodes["person:a"][k] for k in ("mentions", "asserted_mentions")}
{'mentions': 2, 'asserted_mentions': 1}
"""

from __future__ import annotations

import json
import os
import tempfile
from collections.abc import Iterable, Iterator
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

import networkx as nx

from actorgraph.extract.triples import ActorRef, Triple
from actorgraph.graph.model import MAX_EVIDENCE

GRAPH_FILE = "graph.json"
TRIPLES_FILE = "triples.jsonl"
FORMAT = "actorgraph.graph"
FORMAT_VERSION = 1


class StoreError(RuntimeError):
    """The stored graph cannot be read; the message names the file."""


@dataclass(frozen=True)
class DocumentRecord:
    """A ledger entry: which document was merged, by content hash."""

    id: str
    hash: str
    title: str | None = None
    date: str | None = None
    source: str | None = None
    url: str | None = None
    triples: int = 0


def edge_key(relation: str, factuality: str) -> str:
    return f"{relation}:{factuality}"


class GraphStore:
    """Actors as nodes, relations as edges (one per type and factuality), and the ledger."""

    def __init__(self) -> None:
        self.graph = nx.MultiDiGraph()
        self.documents: dict[str, DocumentRecord] = {}
        self._pending: list[Triple] = []
        self._triples_bytes = 0

    # --- merging -----------------------------------------------------------------------

    def has_document(self, content_hash: str) -> bool:
        return content_hash in self.documents

    def add_document(self, document: DocumentRecord, triples: Iterable[Triple]) -> bool:
        """Merge one document's triples; False (and nothing changes) if already merged."""
        if document.hash in self.documents:
            return False
        triples = list(triples)
        self.documents[document.hash] = DocumentRecord(
            **{**asdict(document), "triples": len(triples)}
        )
        for t in triples:
            self._merge(t, document)
        self._pending.extend(triples)
        return True

    def _merge(self, t: Triple, document: DocumentRecord) -> None:
        self._merge_actor(t.subject, t.asserted)
        self._merge_actor(t.object, t.asserted)
        key = edge_key(t.relation, t.factuality)
        g = self.graph
        if not g.has_edge(t.subject.id, t.object.id, key):
            g.add_edge(
                t.subject.id,
                t.object.id,
                key,
                relation=t.relation,
                factuality=t.factuality,
                asserted=t.asserted,
                plover=t.plover,
                quad=t.quad,
                count=0,
                confidence=0.0,
                docs=[],
                evidence=[],
            )
        e = g.edges[t.subject.id, t.object.id, key]
        e["count"] += 1
        e["confidence"] = max(e["confidence"], round(t.confidence, 3))
        if document.id not in e["docs"]:
            e["docs"].append(document.id)
        if len(e["evidence"]) < MAX_EVIDENCE and not any(
            ev["doc"] == document.id and ev["start"] == t.start for ev in e["evidence"]
        ):
            e["evidence"].append(
                {
                    "doc": document.id,
                    "title": document.title,
                    "sentence": t.sentence,
                    "start": t.start,
                    "end": t.end,
                    "trigger": t.trigger,
                }
            )

    def _merge_actor(self, a: ActorRef, asserted: bool) -> None:
        g = self.graph
        if a.id not in g:
            g.add_node(a.id, name=a.name, type=a.type, country=a.country, sector=a.sector,
                       role=a.role, aliases=[], mentions=0, asserted_mentions=0)
        n = g.nodes[a.id]
        n["mentions"] += 1
        if asserted:
            n["asserted_mentions"] += 1
        # First non-empty value wins, so merge order (not chance) decides attributes.
        for attr in ("country", "sector", "role"):
            if n.get(attr) is None and getattr(a, attr) is not None:
                n[attr] = getattr(a, attr)
        if a.text not in n["aliases"]:
            n["aliases"].append(a.text)

    # --- reading -----------------------------------------------------------------------

    def actors(self) -> Iterator[dict[str, Any]]:
        """Actor records ``{id, name, type, ...}`` sorted by id."""
        for node in sorted(self.graph.nodes):
            d = self.graph.nodes[node]
            yield {"id": node, **d, "aliases": sorted(d["aliases"])}

    def relations(self, asserted_only: bool = False) -> Iterator[dict[str, Any]]:
        """Relation records ``{source, target, relation, factuality, count, ...}``."""
        for u, v, _k, d in sorted(self.graph.edges(keys=True, data=True),
                                  key=lambda e: (e[0], e[1], e[2])):
            if asserted_only and not d["asserted"]:
                continue
            yield {"source": u, "target": v, **d}

    def stats(self) -> dict[str, int]:
        asserted = sum(1 for *_, d in self.graph.edges(data=True) if d["asserted"])
        return {
            "documents": len(self.documents),
            "actors": self.graph.number_of_nodes(),
            "relations": self.graph.number_of_edges(),
            "asserted_relations": asserted,
            "mentions": sum(d["count"] for *_, d in self.graph.edges(data=True)),
        }

    # --- persistence -------------------------------------------------------------------

    def save(self, out_dir: str | Path) -> Path:
        """Persist to ``out_dir``: append new triples, then replace ``graph.json`` atomically."""
        out = Path(out_dir)
        out.mkdir(parents=True, exist_ok=True)
        triples_path = out / TRIPLES_FILE
        if self._pending or not triples_path.exists():
            with triples_path.open("a", encoding="utf-8") as fh:
                for t in self._pending:
                    fh.write(json.dumps(t.to_dict(), ensure_ascii=False) + "\n")
                fh.flush()
                os.fsync(fh.fileno())
            self._pending.clear()
        self._triples_bytes = triples_path.stat().st_size
        payload = {
            "format": FORMAT,
            "version": FORMAT_VERSION,
            "triples_bytes": self._triples_bytes,
            "documents": [asdict(d) for d in self.documents.values()],
            "actors": list(self.actors()),
            "relations": list(self.relations()),
        }
        path = out / GRAPH_FILE
        _atomic_write(path, json.dumps(payload, ensure_ascii=False))
        return path

    @classmethod
    def load(cls, path: str | Path) -> GraphStore:
        """Open a store from ``graph.json`` (or the directory holding it).

        A missing file gives an empty store bound to nothing; a damaged one raises
        :class:`StoreError` rather than being overwritten.
        """
        path = Path(path)
        if path.is_dir() or path.suffix != ".json":
            path = path / GRAPH_FILE
        store = cls()
        if not path.exists():
            return store
        try:
            payload = json.loads(path.read_text(encoding="utf-8"))
            if payload.get("format") != FORMAT:
                raise ValueError("not an actorgraph graph file")
            for d in payload["documents"]:
                rec = DocumentRecord(**d)
                store.documents[rec.hash] = rec
            for a in payload["actors"]:
                a = dict(a)
                store.graph.add_node(a.pop("id"), **a)
            for r in payload["relations"]:
                r = dict(r)
                u, v = r.pop("source"), r.pop("target")
                store.graph.add_edge(u, v, edge_key(r["relation"], r["factuality"]), **r)
            _fill_asserted_mentions(dict(store.graph.nodes(data=True)),
                                    store.graph.edges(data=True))
        except (ValueError, KeyError, TypeError) as e:
            raise StoreError(f"{path}: cannot read graph file: {e}") from e
        store._triples_bytes = int(payload.get("triples_bytes", 0))
        triples_path = path.parent / TRIPLES_FILE
        if triples_path.exists() and triples_path.stat().st_size > store._triples_bytes:
            # Lines past the recorded size come from a run that died before its graph.json
            # was written; those documents are not in the ledger and will be merged again.
            with triples_path.open("r+b") as fh:
                fh.truncate(store._triples_bytes)
        return store


def asserted_mention_counts(relations: Iterable[tuple[str, str, dict[str, Any]]],
                            ) -> dict[str, int]:
    """``actor id -> asserted relation mentions``, from ``(source, target, data)`` relations.

    Every asserted mention adds one to its subject and one to its object (twice to an actor
    related to itself), and a relationship's ``count`` is its number of mentions, so the sum
    over asserted relationships equals what merging the triples counts.
    """
    counts: dict[str, int] = {}
    for u, v, d in relations:
        if d.get("asserted"):
            n = int(d.get("count") or 0)
            counts[u] = counts.get(u, 0) + n
            counts[v] = counts.get(v, 0) + n
    return counts


def fill_asserted_mentions(actors: list[dict[str, Any]],
                           relations: list[dict[str, Any]]) -> None:
    """Complete actor records (``{"id", ...}``, as in graph.json) written before
    ``asserted_mentions`` existed: the count is derived from the asserted relations."""
    _fill_asserted_mentions({a["id"]: a for a in actors},
                            ((r["source"], r["target"], r) for r in relations))


def _fill_asserted_mentions(actors: dict[str, dict[str, Any]],
                            relations: Iterable[tuple[str, str, dict[str, Any]]]) -> None:
    missing = [i for i, a in actors.items() if a.get("asserted_mentions") is None]
    if not missing:
        return
    counts = asserted_mention_counts(relations)
    for i in missing:
        actors[i]["asserted_mentions"] = counts.get(i, 0)


def iter_triples(out_dir: str | Path) -> Iterator[Triple]:
    """Stream the triple records stored under ``out_dir``."""
    path = Path(out_dir)
    if path.is_file():
        path = path.parent
    with (path / TRIPLES_FILE).open(encoding="utf-8") as fh:
        for line in fh:
            if line.strip():
                yield Triple.from_dict(json.loads(line))


def _atomic_write(path: Path, text: str) -> None:
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            fh.write(text)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
