"""Exports: GraphML and GEXF read back with networkx; neo4j-admin CSV read back with the
import tool's header rules and compared with what the Bolt loader writes."""

from __future__ import annotations

import csv
import json
import shlex
from pathlib import Path

import networkx as nx
import pytest
from test_neo4j import (  # sibling test module (pytest's default rootdir-relative import)
    HOSTILE,
    expected_dump,
    make_documents,
    normalized,
    save_store,
)

from actorgraph.graph.export import (
    FALLBACK_ARRAY_DELIMITER,
    export_gexf,
    export_graphml,
    export_neo4j_csv,
)
from actorgraph.graph.store import GraphStore, open_store


@pytest.fixture
def store_dir(tmp_path: Path) -> Path:
    return save_store(tmp_path / "out", make_documents(20, seed=4, hostile=True))


@pytest.mark.parametrize("fmt", ["graphml", "gexf"])
def test_xml_exports_read_back_with_lists_joined(store_dir, tmp_path, fmt):
    store = open_store(store_dir)
    path = tmp_path / f"g.{fmt}"
    (export_graphml if fmt == "graphml" else export_gexf)(store, path)
    g = nx.read_graphml(path) if fmt == "graphml" else nx.read_gexf(path)
    assert g.number_of_nodes() == store.graph.number_of_nodes()
    assert g.number_of_edges() == store.graph.number_of_edges()
    for a in store.actors():
        n = g.nodes[a["id"]]
        assert n["name"] == a["name"] and n["label"] == a["name"]
        assert n["aliases"] == "; ".join(a["aliases"])
        assert int(n["mentions"]) == a["mentions"]
        assert int(n["asserted_mentions"]) == a["asserted_mentions"]
        assert ("country" in n) == (a["country"] is not None)  # nulls are left out
    exported = sorted((u, v, d["relation"], d["factuality"], int(d["count"]),
                       int(d["documents"]), d["evidence"]) for u, v, d in g.edges(data=True))
    evidence: dict = {}
    for m in store.mentions():
        ev = evidence.setdefault((m["subject"], m["object"], m["relation"], m["factuality"]), [])
        if len(ev) < 20:
            ev.append(m["sentence"])
    expected = sorted((r["source"], r["target"], r["relation"], r["factuality"], r["count"],
                       r["documents"], " | ".join(evidence[(r["source"], r["target"],
                                                            r["relation"], r["factuality"])]))
                      for r in store.relations())
    assert exported == expected
    assert {n["name"] for _, n in g.nodes(data=True)} >= set(HOSTILE)


def test_xml_exports_survive_control_characters(tmp_path):
    from actorgraph.extract.triples import ActorRef, Triple
    from actorgraph.graph.store import DocumentRecord

    a = ActorRef("p:a", "Bell\x07 \x00 char", "Bell", "PERSON")
    t = Triple("d", "A \x1b[31m sentence.", 0, 9, a, "MEETS", a, "CONSULT", "Q", "met")
    store = GraphStore()
    store.add_document(DocumentRecord("d", "h"), [t])
    for export, read in ((export_graphml, nx.read_graphml), (export_gexf, nx.read_gexf)):
        g = read(export(store, tmp_path / f"x.{export.__name__}"))
        assert g.nodes["p:a"]["name"] == "Bell\ufffd \ufffd char"


# --- neo4j-admin CSV ---------------------------------------------------------------------

_TYPES = {"long": int, "int": int, "double": float, "float": float,
          "boolean": lambda s: s == "true", "string": str}


def read_admin_csv(result) -> dict:
    """Interpret the files the way ``neo4j-admin database import`` documents it: header
    ``name:type``, ``:ID(space)``/``:START_ID(space)``/``:END_ID(space)``, ``:LABEL``,
    ``:TYPE``, ``type[]`` arrays split on the array delimiter, empty field = no property."""
    delim = result.array_delimiter
    nodes: dict[tuple[str, str], dict] = {}
    rels = []

    def parse(path: Path):
        with path.open(encoding="utf-8", newline="") as fh:
            rows = list(csv.reader(fh))
        header, body = rows[0], rows[1:]
        for row in body:
            assert len(row) == len(header)
            rec, meta = {}, {}
            for col, cell in zip(header, row, strict=True):
                name, _, typ = col.partition(":")
                if typ.startswith(("ID(", "START_ID(", "END_ID(")):
                    meta[typ.split("(")[0]] = (typ[typ.index("(") + 1:-1], cell)
                    if name:
                        rec[name] = cell
                elif typ in ("LABEL", "TYPE"):
                    meta[typ] = cell
                elif cell == "":
                    continue
                elif typ.endswith("[]"):
                    rec[name] = [_TYPES[typ[:-2]](x) for x in cell.split(delim)]
                else:
                    rec[name] = _TYPES[typ or "string"](cell)
            yield rec, meta

    for path in result.nodes:
        for rec, meta in parse(path):
            key = meta["ID"]
            assert key not in nodes, f"duplicate node id {key}"
            nodes[key] = {"label": meta["LABEL"], **rec}
    for path in result.relationships:
        for rec, meta in parse(path):
            assert meta["START_ID"] in nodes and meta["END_ID"] in nodes
            rels.append((meta["START_ID"], meta["END_ID"], meta["TYPE"], rec))
    actors = sorted(({k: v for k, v in n.items() if k != "label"}
                     for n in nodes.values() if n["label"] == "Actor"), key=lambda a: a["id"])
    for a in actors:
        a["aliases"] = sorted(a["aliases"])
    docs = sorted(({k: v for k, v in n.items() if k != "label"}
                   for n in nodes.values() if n["label"] == "Document"),
                  key=lambda d: d["hash"])
    relations = sorted(({"source": s[1], "target": t[1], "relation": typ, **rec}
                        for s, t, typ, rec in rels if typ != "MENTIONED_IN"),
                       key=lambda r: (r["source"], r["target"], r["relation"], r["factuality"]))
    mentioned = sorted(({"actor": s[1], "hash": t[1], "count": rec["count"]}
                        for s, t, typ, rec in rels if typ == "MENTIONED_IN"),
                       key=lambda m: (m["actor"], m["hash"]))
    return {"actors": actors, "relations": relations, "documents": docs,
            "mentioned_in": mentioned}


def test_neo4j_csv_holds_what_the_bolt_loader_writes(store_dir, tmp_path):
    result = export_neo4j_csv(store_dir, tmp_path / "csv")
    # Hostile sentences contain ';', so the array delimiter switched to U+001F.
    assert result.array_delimiter == FALLBACK_ARRAY_DELIMITER
    assert normalized(read_admin_csv(result)) == normalized(expected_dump(store_dir))
    header = (tmp_path / "csv" / "actors.csv").read_text(encoding="utf-8").splitlines()[0]
    assert header == ("id:ID(Actor),name,type,country,sector,role,aliases:string[],"
                      "mentions:long,asserted_mentions:long,:LABEL")


def test_neo4j_csv_command_and_default_delimiter(tmp_path):
    out = save_store(tmp_path / "out", make_documents(8, seed=2))
    result = export_neo4j_csv(out, tmp_path / "csv", database="news")
    assert result.array_delimiter == ";"
    argv = shlex.split(result.command)
    assert argv[:4] == ["neo4j-admin", "database", "import", "full"] and argv[-1] == "news"
    assert "--array-delimiter=;" in argv and "--multiline-fields=true" in argv
    assert sorted(a.split("=", 1)[1] for a in argv if a.startswith("--nodes=")) == \
        sorted(str(p) for p in result.nodes)
    assert normalized(read_admin_csv(result)) == normalized(expected_dump(out))
    schema = (tmp_path / "csv" / "schema.cypher").read_text()
    assert "REQUIRE a.id IS UNIQUE" in schema and "REQUIRE d.hash IS UNIQUE" in schema
    assert result.command in (tmp_path / "csv" / "IMPORT.txt").read_text()
    assert result.counts["actors.csv"] == len(json.loads(
        (out / "graph.json").read_text())["actors"])


def test_neo4j_csv_refuses_an_unchecked_relation_type(tmp_path):
    from actorgraph.extract.triples import ActorRef, Triple
    from actorgraph.graph.store import DocumentRecord

    a = ActorRef("p:a", "A", "A", "PERSON")
    store = GraphStore()
    store.add_document(DocumentRecord("d", "h"),
                       [Triple("d", "s", 0, 1, a, "EVIL`]->()", a, "P", "Q", "t")])
    with pytest.raises(ValueError, match="relation vocabulary"):
        export_neo4j_csv(store, tmp_path / "csv")
