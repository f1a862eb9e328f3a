"""Exports on the v2 model: GraphML and GEXF (static and dynamic) read back with networkx;
the triples table as CSV and Parquet; neo4j-admin CSV read back with the import tool's
header rules and compared with what the Bolt loader writes for the same documents."""

from __future__ import annotations

import csv
import datetime as dt
import shlex
from pathlib import Path

import networkx as nx
import pytest
from hedged_graph import HEDGED, hedged_document
from test_neo4j import (  # sibling test module (pytest's default rootdir-relative import)
    HOSTILE,
    expected,
    make_documents,
    normalized,
    save_store,
)

from actorgraph.extract.triples import ActorRef, Triple
from actorgraph.graph.export import (
    FALLBACK_ARRAY_DELIMITER,
    TRIPLE_COLUMNS,
    export_gexf,
    export_graphml,
    export_neo4j_csv,
    export_triples,
)
from actorgraph.graph.store import DocumentRecord, MemoryStore, open_store


def memory_store(documents) -> MemoryStore:
    store = MemoryStore()
    for doc, triples in documents:
        store.add_document(doc, triples)
    return store


@pytest.fixture
def docs():
    return make_documents(20, seed=4, hostile=True) + [hedged_document()]


@pytest.fixture
def store_dir(tmp_path: Path, docs) -> Path:
    return save_store(tmp_path / "out", docs)


# --- GraphML / GEXF ----------------------------------------------------------------------


@pytest.mark.parametrize("fmt", ["graphml", "gexf"])
def test_xml_exports_default_to_facts_and_read_back(store_dir, tmp_path, fmt):
    export = export_graphml if fmt == "graphml" else export_gexf
    read = nx.read_graphml if fmt == "graphml" else nx.read_gexf
    g = read(export(store_dir, tmp_path / f"g.{fmt}"))
    with open_store(store_dir) as store:
        facts = list(store.relations(asserted_only=True))
        every = list(store.relations())
        actors = {a["id"]: a for a in store.actors()}
    assert g.number_of_edges() == len(facts) < len(every)
    assert all(d["factuality"] == "asserted" for *_, d in g.edges(data=True))
    assert not HEDGED & set(g.nodes)  # named only in claims: not in the facts graph
    exported = sorted((u, v, d["relation"], int(d["count"]), int(d["documents"]),
                       int(d["outlets"]), d.get("first_seen")) for u, v, d in g.edges(data=True))
    assert exported == sorted((r["source"], r["target"], r["relation"], r["count"],
                               r["documents"], r["outlets"], r["first_seen"]) for r in facts)
    for node, n in g.nodes(data=True):
        a = actors[node]
        assert n["name"] == n["label"] == a["name"]
        assert n["aliases"] == "; ".join(a["aliases"])
        assert int(n["asserted_mentions"]) == a["asserted_mentions"]
        assert ("country" in n) == (a["country"] is not None)  # nulls are left out
    assert {n["name"] for _, n in g.nodes(data=True)} >= set(HOSTILE) - {HOSTILE[3]}
    claims = read(export(store_dir, tmp_path / f"all.{fmt}", asserted_only=False))
    assert claims.number_of_edges() == len(every) and HEDGED <= set(claims.nodes)


def test_xml_exports_survive_control_characters(tmp_path):
    a = ActorRef("p:a", "Bell\x07 \x00 char", "Bell", "PERSON")
    b = ActorRef("p:b", "B", "B", "PERSON")
    t = Triple("d", "A \x1b[31m sentence.", 0, 9, a, "MEETS", b, "CONSULT", "Q", "met")
    store = memory_store([(DocumentRecord("d", "h"), [t])])
    for export, read in ((export_graphml, nx.read_graphml), (export_gexf, nx.read_gexf)):
        g = read(export(store, tmp_path / f"x.{export.__name__}"))
        assert g.nodes["p:a"]["name"] == "Bell\ufffd \ufffd char"


def test_dynamic_gexf_has_spells_networkx_reads_back(tmp_path):
    kerry = ActorRef("p:kerry", "John Kerry", "Kerry", "PERSON")
    lavrov = ActorRef("p:lavrov", "Sergei Lavrov", "Lavrov", "PERSON")
    days = ["2024-03-01", "2024-03-02", "2024-03-09", None, "2024-04"]
    docs = []
    for i, day in enumerate(days):
        d = DocumentRecord(f"d{i}", f"h{i}", date="2024-05-01")
        docs.append((d, [Triple(d.id, "Kerry met Lavrov.", 0, 17, kerry, "MEETS", lavrov,
                                "CONSULT", "VERBAL_COOPERATION", "met", doc_hash=d.hash,
                                date=day, date_precision=None if day is None else "day")]))
    h = DocumentRecord("dh", "hh", date="2024-05-01")
    docs.append((h, [Triple(h.id, "Kerry may attack Lavrov.", 0, 24, kerry, "ATTACKS", lavrov,
                            "ASSAULT", "MATERIAL_CONFLICT", "attack", modality="hypothetical",
                            doc_hash=h.hash, date="2024-06-01", date_precision="day")]))
    path = export_gexf(memory_store(docs), tmp_path / "dyn.gexf", dynamic=True)
    g = nx.read_gexf(path)
    assert g.graph["mode"] == "dynamic"
    (edge,) = g.edges(data=True)  # facts only: the hypothetical attack is no edge
    # adjacent days merge; a month-precise date is its first day; undated adds no spell
    assert edge[2]["spells"] == [("2024-03-01", "2024-03-02"), ("2024-03-09", "2024-03-09"),
                                 ("2024-04-01", "2024-04-01")]
    assert g.nodes["p:kerry"]["spells"] == edge[2]["spells"]
    assert 'timeformat="date"' in path.read_text(encoding="utf-8")
    window = nx.read_gexf(export_gexf(memory_store(docs), tmp_path / "w.gexf", dynamic=True,
                                      since="2024-03-05", until="2024-03-31"))
    (edge,) = window.edges(data=True)
    assert edge[2]["spells"] == [("2024-03-09", "2024-03-09")] and int(edge[2]["count"]) == 1


# --- the triples table -------------------------------------------------------------------


def test_triples_table_csv_and_parquet(store_dir, tmp_path, docs):
    pq = pytest.importorskip("pyarrow.parquet")
    n = sum(len(t) for _, t in docs)
    path = export_triples(store_dir, tmp_path / "t.csv")
    with path.open(encoding="utf-8", newline="") as fh:
        rows = list(csv.DictReader(fh))
    assert len(rows) == n and list(rows[0]) == list(TRIPLE_COLUMNS)
    assert {r["sentence"] for r in rows} >= {t.sentence for _, ts in docs for t in ts}
    assert {r["asserted"] for r in rows} == {"true", "false"}
    dated = [r for r in rows if r["date"]]
    assert dated and all(r["month"] == r["date"][:7] for r in dated)
    assert {r["outlet"] for r in rows} >= {"AP", "AFP"}

    table = pq.read_table(export_triples(store_dir, tmp_path / "t.parquet"))
    assert table.num_rows == n and table.column_names == list(TRIPLE_COLUMNS)
    types = {f.name: str(f.type) for f in table.schema}
    assert types["date"] == types["doc_date"] == "date32[day]"
    assert types["doc_datetime"] == "timestamp[us, tz=UTC]"
    assert (types["asserted"], types["start"], types["confidence"]) == ("bool", "int64",
                                                                        "double")
    recs = table.to_pylist()
    stamped = [r for r in recs if r["doc_datetime"] is not None]
    assert stamped and all(r["doc_datetime"].hour == 8 for r in stamped)  # 10:30+02:00
    assert [r["mention_id"] for r in recs] == [r["mention_id"] for r in rows]

    march = pq.read_table(export_triples(store_dir, tmp_path / "m.parquet", since="2024-03-01",
                                         until="2024-03-31", asserted=True)).to_pylist()
    expect = [r for r in recs if r["date"] and dt.date(2024, 3, 1) <= r["date"]
              <= dt.date(2024, 3, 31) and r["asserted"]]
    assert march == expect and 0 < len(march) < n
    with pytest.raises(ValueError, match="unknown triples format"):
        export_triples(store_dir, tmp_path / "t.xlsx")


# --- neo4j-admin CSV ---------------------------------------------------------------------

_TYPES = {"long": int, "int": int, "double": float, "float": float,
          "boolean": lambda s: s == "true", "string": str, "date": dt.date.fromisoformat,
          "datetime": dt.datetime.fromisoformat}


def read_admin_csv(result) -> dict:
    """Interpret the files the way ``neo4j-admin database import`` documents it: header
    ``name:type``, ``:ID(space)``/``:START_ID(space)``/``:END_ID(space)``, ``:LABEL``,
    ``:TYPE``, ``type[]`` arrays split on the array delimiter, empty field = no property,
    ``date``/``datetime`` ISO values. Returns the shape of ``dump_graph``."""
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
            assert meta["ID"] not in nodes, f"duplicate node id {meta['ID']}"
            nodes[meta["ID"]] = {"label": meta["LABEL"], **rec}
    for path in result.relationships:
        for rec, meta in parse(path):
            assert meta["START_ID"] in nodes and meta["END_ID"] in nodes
            rels.append((meta["START_ID"][1], meta["END_ID"][1], meta["TYPE"], rec))

    def of(label: str) -> list[dict]:
        return [{k: v for k, v in n.items() if k != "label"} for n in nodes.values()
                if n["label"] == label]

    links = {(s, typ): t for s, t, typ, _ in rels if typ in ("SUBJECT", "OBJECT",
                                                             "IN_DOCUMENT")}
    mentions = [{**m, "subject": links[(m["id"], "SUBJECT")],
                 "object": links[(m["id"], "OBJECT")],
                 "doc_hash": links[(m["id"], "IN_DOCUMENT")]} for m in of("Mention")]
    return {
        "actors": of("Actor"),
        "relations": [{"source": s, "target": t, "type": typ, **rec} for s, t, typ, rec in rels
                      if typ not in ("SUBJECT", "OBJECT", "IN_DOCUMENT", "MENTIONED_IN")],
        "documents": of("Document"),
        "mentions": mentions,
        "mentioned_in": [{"actor": s, "hash": t, "count": rec["count"]}
                         for s, t, typ, rec in rels if typ == "MENTIONED_IN"],
    }


def _sorted(graph: dict) -> dict:
    keys = {"actors": ("id",), "documents": ("hash",), "mentions": ("id",),
            "mentioned_in": ("actor", "hash"),
            "relations": ("source", "target", "type", "relation", "factuality")}
    return {k: sorted(v, key=lambda r: tuple(str(r.get(x, "")) for x in keys[k]))
            for k, v in graph.items()}


def test_neo4j_csv_holds_what_the_bolt_loader_writes(store_dir, tmp_path, docs):
    result = export_neo4j_csv(store_dir, tmp_path / "csv")
    # Hostile names contain ';', so the array delimiter switched to U+001F.
    assert result.array_delimiter == FALLBACK_ARRAY_DELIMITER
    assert _sorted(normalized(read_admin_csv(result))) == _sorted(expected(docs))
    header = (tmp_path / "csv" / "documents.csv").read_text(encoding="utf-8").splitlines()[0]
    assert header == ("id,hash:ID(Document),title,date:date,datetime:datetime,date_raw,source,"
                      "url,triples:long,:LABEL")
    actors = (tmp_path / "csv" / "actors.csv").read_text(encoding="utf-8").splitlines()[0]
    assert actors.endswith("first_seen:date,last_seen:date,:LABEL")
    def rows(name: str) -> list[list[str]]:
        with (tmp_path / "csv" / name).open(encoding="utf-8", newline="") as fh:
            return list(csv.reader(fh))

    claims, facts = rows("claims.csv"), rows("relations.csv")
    assert claims[0][:5] == [":START_ID(Actor)", ":END_ID(Actor)", ":TYPE", "relation",
                             "factuality"]
    assert len(claims) > 1 and {r[2] for r in claims[1:]} == {"CLAIM"}
    assert {r[4] for r in claims[1:]} >= {"negated", "hypothetical", "reported"}
    assert facts[0][-4:] == ["first_seen:date", "last_seen:date", "documents:long",
                             "outlets:long"]
    assert "CLAIM" not in {r[2] for r in facts[1:]}


def test_neo4j_csv_command_never_overwrites_by_default(tmp_path):
    docs = make_documents(8, seed=2)
    out = save_store(tmp_path / "out", docs)
    result = export_neo4j_csv(out, tmp_path / "csv", database="news")
    assert result.array_delimiter == ";"
    argv = shlex.split(result.command)
    assert argv[:4] == ["neo4j-admin", "database", "import", "full"] and argv[-1] == "news"
    assert "--array-delimiter=;" in argv and "--multiline-fields=true" in argv
    assert not any(a.startswith("--overwrite-destination") for a in argv)
    assert sorted(a.split("=", 1)[1] for a in argv if a.startswith("--nodes=")) == \
        sorted(str(p) for p in result.nodes)
    assert _sorted(normalized(read_admin_csv(result))) == _sorted(expected(docs))
    schema = (tmp_path / "csv" / "schema.cypher").read_text()
    assert "REQUIRE a.id IS UNIQUE" in schema and "REQUIRE m.id IS UNIQUE" in schema
    assert result.command in (tmp_path / "csv" / "IMPORT.txt").read_text()
    assert result.counts["actors.csv"] == len(expected(docs)["actors"])
    replace = export_neo4j_csv(out, tmp_path / "csv2", overwrite=True)
    assert "--overwrite-destination=true" in shlex.split(replace.command)


def test_neo4j_csv_refuses_an_unchecked_relation_type(tmp_path):
    a = ActorRef("p:a", "A", "A", "PERSON")
    store = memory_store([(DocumentRecord("d", "h"),
                           [Triple("d", "s", 0, 1, a, "EVIL`]->()", a, "P", "Q", "t")])])
    with pytest.raises(ValueError, match="relation vocabulary"):
        export_neo4j_csv(store, tmp_path / "csv")
    assert not (tmp_path / "csv" / "actors.csv").exists()
