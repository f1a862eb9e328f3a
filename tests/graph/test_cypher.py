"""graph.cypher: the LadybugDB mirror of the store, its cache and its errors."""

from __future__ import annotations

import doctest
import json
import os
from pathlib import Path

import pytest

import actorgraph.graph.cypher as cypher_mod
from actorgraph.extract.triples import ActorRef, Triple
from actorgraph.graph.cypher import (
    CypherError,
    database_path,
    library_call,
    open_cypher,
    query_params,
    run_query,
    schema_text,
    to_python,
)
from actorgraph.graph.model import MAX_EVIDENCE, relation_types
from actorgraph.graph.store import DocumentRecord, GraphStore

HOSTILE_NAME = "O'Brien \"the `Tick`\" })-[:X]->() DETACH DELETE n //"
HOSTILE_SENTENCE = "He said: '}) MATCH (n) DETACH DELETE n //' and `DROP TABLE Actor`;\n$x {y}"

KERRY = ActorRef("person:john_kerry", "John Kerry", "Kerry", "PERSON", "USA", None, "diplomat")
LAVROV = ActorRef("person:sergei_lavrov", "Sergei Lavrov", "Lavrov", "PERSON", "RUS")
ISIS = ActorRef("org:isis", "ISIS", "Isis", "ORG")
HOSTILE = ActorRef("person:hostile`) DELETE", HOSTILE_NAME, "O'Brien", "PERSON")


def triple(doc: str, s: ActorRef, rel: str, o: ActorRef, sentence: str, start: int = 0,
           **kw) -> Triple:
    from actorgraph.extract.lexicon import load_relations

    rt = load_relations().get(rel) if rel in relation_types() else None
    return Triple(doc=doc, sentence=sentence, start=start, end=start + len(sentence),
                  subject=s, relation=rel, object=o, plover=rt.plover if rt else "X",
                  quad=rt.quad if rt else "X", trigger="t", **kw)


def small_store() -> GraphStore:
    store = GraphStore()
    store.add_document(DocumentRecord("d1", "h1", title="Talks"), [
        triple("d1", KERRY, "MEETS", LAVROV, "Kerry met Lavrov.", 0),
        triple("d1", KERRY, "MEETS", LAVROV, "Kerry met Lavrov again.", 20),
        triple("d1", KERRY, "ATTACKS", LAVROV, "Kerry did not attack Lavrov.", 50,
               negated=True),
        triple("d1", LAVROV, "FIGHTS", ISIS, "Lavrov vowed to fight ISIS.", 90,
               confidence=0.9),
    ])
    store.add_document(DocumentRecord("d2", "h2", title="Hostile"), [
        triple("d2", HOSTILE, "CRITICIZES", KERRY, HOSTILE_SENTENCE, 0),
        triple("d2", KERRY, "MEETS", LAVROV, "Kerry and Lavrov met in Moscow.", 100),
        triple("d2", KERRY, "AIDS", ISIS, "If Kerry armed ISIS...", 200,
               modality="hypothetical"),
    ])
    return store


@pytest.fixture
def out(tmp_path: Path) -> Path:
    """A fresh copy, for tests that change the store or its cache."""
    small_store().save(tmp_path)
    return tmp_path


@pytest.fixture(scope="module")
def shared_out(tmp_path_factory: pytest.TempPathFactory) -> Path:
    d = tmp_path_factory.mktemp("shared")
    small_store().save(d)
    return d


@pytest.fixture(scope="module")
def graph(shared_out: Path):
    # One build for the read-only tests: the database cannot be changed through queries.
    with open_cypher(shared_out) as g:
        yield g


def test_module_doctests() -> None:
    assert doctest.testmod(cypher_mod).failed == 0


# --- the model, loaded ----------------------------------------------------------------------


def test_tables_follow_the_model(graph) -> None:
    tables = {r[1]: r[2] for r in graph.run("CALL show_tables() RETURN *").rows}
    assert tables["Actor"] == "NODE" and tables["Document"] == "NODE"
    assert tables["MENTIONED_IN"] == "REL"
    for t in relation_types():
        assert tables[t] == "REL", t
    # Document is keyed by content hash (the ledger key), Actor by id.
    info = {r[1]: r for r in graph.run("CALL table_info('Document') RETURN *").rows}
    assert info["hash"][4] is True and info["id"][4] is False


def test_actors_and_relations_match_the_store(shared_out: Path, graph) -> None:
    store = GraphStore.load(shared_out)
    n = graph.run("MATCH (a:Actor) RETURN count(a) AS n").rows
    assert n == [[store.stats()["actors"]]]
    rows = graph.run(
        "MATCH (x:Actor)-[r]->(y:Actor) RETURN x.id AS s, type(r) AS t, y.id AS o, "
        "r.factuality AS f, r.asserted AS a, r.count AS c, r.docs AS docs "
        "ORDER BY s, t, o, f").rows
    expected = sorted(
        [r["source"], r["relation"], r["target"], r["factuality"], r["asserted"], r["count"],
         r["docs"]] for r in store.relations())
    assert rows == expected
    kerry = graph.run_library("actor_relations", {"actor": "KERRY"}).records()
    meets = [r for r in kerry if r["relation"] == "MEETS"]
    assert meets == [{
        "subject_id": KERRY.id, "subject": "John Kerry", "relation": "MEETS",
        "object_id": LAVROV.id, "object": "Sergei Lavrov", "factuality": "asserted",
        "asserted": True, "count": 3, "quad": "VERBAL_COOPERATION", "docs": ["d1", "d2"]}]


def test_actor_properties(graph) -> None:
    r = graph.run("MATCH (a:Actor {id: $id}) RETURN a.name AS name, a.country AS c, "
                  "a.role AS role, a.sector AS sector, a.aliases AS al, a.mentions AS m, "
                  "a.asserted_mentions AS am", {"id": KERRY.id}).records()
    # 6 mentions: the negated attack and the hypothetical aid are not among the 4 asserted.
    assert r == [{"name": "John Kerry", "c": "USA", "role": "diplomat", "sector": None,
                  "al": ["Kerry"], "m": 6, "am": 4}]


def test_evidence_is_split_into_parallel_lists(graph) -> None:
    r = graph.run("MATCH (:Actor {id: $k})-[r:MEETS]->(:Actor) "
                  "RETURN r.evidence AS ev, r.evidence_docs AS docs, r.confidence AS c",
                  {"k": KERRY.id}).records()
    assert r == [{"ev": ["Kerry met Lavrov.", "Kerry met Lavrov again.",
                         "Kerry and Lavrov met in Moscow."],
                  "docs": ["d1", "d1", "d2"], "c": 0.5}]


def test_mentioned_in_counts_relation_mentions_per_document(graph) -> None:
    rows = graph.run("MATCH (a:Actor)-[m:MENTIONED_IN]->(d:Document) "
                     "RETURN a.id AS actor, d.id AS doc, m.count AS n ORDER BY actor, doc").rows
    assert rows == [
        [ISIS.id, "d1", 1], [ISIS.id, "d2", 1],
        [HOSTILE.id, "d2", 1],
        [KERRY.id, "d1", 3], [KERRY.id, "d2", 3],
        [LAVROV.id, "d1", 4], [LAVROV.id, "d2", 1],
    ]
    # The per-document counts add up to the store's Actor.mentions.
    check = graph.run("MATCH (a:Actor)-[m:MENTIONED_IN]->(:Document) "
                      "WITH a, sum(m.count) AS total RETURN count(a) AS n, "
                      "sum(CASE WHEN total = a.mentions THEN 1 ELSE 0 END) AS ok").rows
    assert check[0][0] == check[0][1] == 4


def test_asserted_mentions_mirror_the_store(graph) -> None:
    rows = graph.run("MATCH (a:Actor) RETURN a.id AS id, a.mentions AS m, "
                     "a.asserted_mentions AS am ORDER BY id").rows
    store = small_store()
    assert rows == [[a["id"], a["mentions"], a["asserted_mentions"]] for a in store.actors()]
    assert [r[2] for r in rows] == [1, 1, 4, 4]  # hostile, isis, kerry, lavrov


def test_graph_json_without_asserted_mentions_gets_them_derived(tmp_path: Path) -> None:
    # A graph.json from before asserted_mentions: the current format is read as plain JSON,
    # and the count is derived from the asserted relations, as GraphStore.load does.
    from hedged_graph import ESP, HUN, PRT, SVK, hedged_store

    hedged_store().save(tmp_path)
    path = tmp_path / "graph.json"
    payload = json.loads(path.read_text(encoding="utf-8"))
    for a in payload["actors"]:
        del a["asserted_mentions"]
    path.write_text(json.dumps(payload), encoding="utf-8")
    rows = run_query(tmp_path, "MATCH (a:Actor) RETURN a.id AS id, a.mentions AS m, "
                               "a.asserted_mentions AS am ORDER BY id").rows
    assert rows == [[ESP.id, 2, 2], [HUN.id, 10, 0], [PRT.id, 2, 2], [SVK.id, 10, 0]]
    top = run_query(tmp_path, *library_call("actors_by_country", {"limit": 2})).records()
    assert {r["country"] for r in top} == {"PRT", "ESP"}


def test_documents_keyed_by_hash_when_an_id_repeats(tmp_path: Path) -> None:
    store = GraphStore()
    store.add_document(DocumentRecord("same", "v1"), [triple("same", KERRY, "MEETS", LAVROV,
                                                             "Kerry met Lavrov.")])
    store.add_document(DocumentRecord("same", "v2"), [
        triple("same", KERRY, "MEETS", LAVROV, "Kerry met Lavrov twice."),
        triple("same", LAVROV, "PRAISES", ISIS, "Lavrov praised ISIS.", 30)])
    store.save(tmp_path)
    rows = run_query(tmp_path, "MATCH (a:Actor)-[m:MENTIONED_IN]->(d:Document) RETURN "
                               "d.hash AS h, a.id AS actor, m.count AS n ORDER BY h, actor").rows
    assert rows == [["v1", KERRY.id, 1], ["v1", LAVROV.id, 1],
                    ["v2", ISIS.id, 1], ["v2", KERRY.id, 1], ["v2", LAVROV.id, 2]]


def test_mentions_fall_back_to_evidence_without_triples_file(tmp_path: Path) -> None:
    small_store().save(tmp_path)
    (tmp_path / "triples.jsonl").unlink()
    rows = run_query(tmp_path, "MATCH (a:Actor {id: $id})-[m:MENTIONED_IN]->(d:Document) "
                               "RETURN d.id AS doc, m.count AS n ORDER BY doc",
                     {"id": KERRY.id}).rows
    assert rows == [["d1", 3], ["d2", 3]]


def test_evidence_is_capped_but_counts_are_not(tmp_path: Path) -> None:
    store = GraphStore()
    store.add_document(DocumentRecord("d", "h"), [
        triple("d", KERRY, "MEETS", LAVROV, f"Meeting {i}.", i * 20) for i in range(30)])
    store.save(tmp_path)
    r = run_query(tmp_path, "MATCH (:Actor)-[r:MEETS]->(:Actor) "
                            "RETURN r.count AS c, size(r.evidence) AS e").rows
    assert r == [[30, MAX_EVIDENCE]]


def test_empty_store_builds(tmp_path: Path) -> None:
    GraphStore().save(tmp_path)
    with open_cypher(tmp_path) as g:
        for name in ("top_actors", "documents", "relation_summary", "cooperation"):
            assert g.run_library(name).rows == []


# --- hostile text stays data -----------------------------------------------------------------


def test_hostile_strings_are_stored_verbatim(graph) -> None:
    r = graph.run("MATCH (a:Actor)-[r:CRITICIZES]->(b:Actor) RETURN a.id AS id, a.name AS name, "
                  "r.evidence AS ev").records()
    assert r == [{"id": HOSTILE.id, "name": HOSTILE_NAME, "ev": [HOSTILE_SENTENCE]}]
    # ...and can be looked up by parameter, which is how user text enters a query.
    found = graph.run("MATCH (a:Actor) WHERE a.name = $n RETURN a.id AS id",
                      {"n": HOSTILE_NAME}).rows
    assert found == [[HOSTILE.id]]
    ev = graph.run_library("pair_evidence", {"a": "o'brien", "b": "kerry"}).records()
    assert [e["evidence"] for e in ev] == [[HOSTILE_SENTENCE]]
    assert graph.run("MATCH (n) RETURN count(n) AS n").rows == [[6]]  # 4 actors + 2 documents


def test_relation_type_outside_the_vocabulary(tmp_path: Path) -> None:
    # An extra --relations vocabulary type gets its own table...
    store = GraphStore()
    store.add_document(DocumentRecord("d", "h"), [
        triple("d", KERRY, "BRIBES", LAVROV, "Kerry bribed Lavrov.")])
    store.save(tmp_path)
    assert run_query(tmp_path, "MATCH ()-[r:BRIBES]->() RETURN type(r) AS t").rows == [["BRIBES"]]
    # ...but a name that is not an identifier never reaches a statement.
    bad = tmp_path / "bad"
    store = GraphStore()
    store.add_document(DocumentRecord("d", "h"), [
        triple("d", KERRY, "X(a:Actor) DETACH DELETE a //", LAVROV, "x")])
    store.save(bad)
    with pytest.raises(CypherError, match="not a valid name"):
        open_cypher(bad)
    with pytest.raises(CypherError, match="not a valid name"):
        store2 = GraphStore()
        store2.add_document(DocumentRecord("d", "h"), [
            triple("d", KERRY, "MENTIONED_IN", LAVROV, "x")])
        store2.save(bad)
        open_cypher(bad)


# --- parameters, values ------------------------------------------------------------------------


def test_params_and_type_macro(graph) -> None:
    r = graph.run("MATCH (a:Actor)-[r]->(b:Actor) WHERE a.id = $a AND r.count >= $n "
                  "RETURN type(r) AS t, b.name AS b ORDER BY t", {"a": KERRY.id, "n": 2})
    assert r.columns == ["t", "b"]
    assert r.rows == [["MEETS", "Sergei Lavrov"]]
    lst = graph.run("MATCH (a:Actor) WHERE a.id IN $ids RETURN a.name AS n ORDER BY n",
                    {"ids": [ISIS.id, LAVROV.id]}).rows
    assert lst == [["ISIS"], ["Sergei Lavrov"]]


def test_unknown_and_missing_parameters(graph) -> None:
    with pytest.raises(CypherError, match=r"unknown parameter \$nope \(the query uses: \$id\)"):
        graph.run("MATCH (a:Actor {id: $id}) RETURN a.name AS n", {"id": "x", "nope": 1})
    with pytest.raises(CypherError, match=r"missing parameter \$id"):
        graph.run("MATCH (a:Actor {id: $id}) RETURN a.name AS n")
    # '$' inside strings and comments is text, not a parameter.
    assert graph.run("RETURN '$price' AS p // $comment").rows == [["$price"]]


def test_query_params_parser() -> None:
    q = "MATCH (a {x: \"$no\\\"$no\"}) /* $no */ WHERE a.`$no` = $yes_1 RETURN $two // $no"
    assert query_params(q) == {"yes_1", "two"}


def test_values_are_plain_python(graph) -> None:
    r = graph.run("MATCH (a:Actor) RETURN sum(a.mentions) AS s, avg(a.mentions) AS m, "
                  "count(*) AS n").rows
    assert r == [[14, 3.5, 4]]
    assert type(r[0][0]) is int and type(r[0][1]) is float
    node = graph.run("MATCH (a:Actor {id: $id}) RETURN a", {"id": ISIS.id}).rows[0][0]
    assert node == {"id": ISIS.id, "name": "ISIS", "type": "ORG", "country": None,
                    "sector": None, "role": None, "aliases": ["Isis"], "mentions": 2,
                    "asserted_mentions": 1, "_label": "Actor"}
    rel = graph.run("MATCH (:Actor)-[r:FIGHTS]->(:Actor) RETURN r").rows[0][0]
    assert rel["_label"] == "FIGHTS" and rel["confidence"] == 0.9 and "_ID" not in rel
    path = graph.run("MATCH p = (:Actor)-[:FIGHTS]->(:Actor) RETURN p").rows[0][0]
    assert [n["id"] for n in path["nodes"]] == [LAVROV.id, ISIS.id]
    assert [r["_label"] for r in path["relationships"]] == ["FIGHTS"]
    json.dumps(graph.run("MATCH (a:Actor)-[r]->(b) RETURN a, r, b").rows)  # JSON-able


def test_to_python_decimal() -> None:
    from decimal import Decimal

    assert to_python([Decimal("2"), Decimal("2.5"), {"x": Decimal("-0")}]) == [2, 2.5, {"x": 0}]


# --- errors --------------------------------------------------------------------------------------


def test_syntax_error_is_one_line(graph) -> None:
    with pytest.raises(CypherError) as e:
        graph.run("MATCH (a:Actor RETURN a")
    msg = str(e.value)
    assert msg.startswith("Cypher syntax error:") and "\n" not in msg


def test_semantic_errors(graph) -> None:
    with pytest.raises(CypherError, match="Cannot find property nope"):
        graph.run("MATCH (a:Actor) RETURN a.nope AS x")
    with pytest.raises(CypherError, match="function TOSTRING does not exist.*dialect"):
        graph.run("RETURN toString(1) AS x")
    with pytest.raises(CypherError, match="one statement per query"):
        graph.run("RETURN 1 AS a; RETURN 2 AS b")


def test_writes_are_refused(graph) -> None:
    for q in ("CREATE (:Actor {id: 'x'})", "MATCH (n) DETACH DELETE n",
              "MATCH (a:Actor) SET a.name = 'x'"):
        with pytest.raises(CypherError, match="refused"):
            graph.run(q)
    assert graph.run("MATCH (a:Actor) RETURN count(a) AS n").rows == [[4]]


def test_missing_graph(tmp_path: Path) -> None:
    with pytest.raises(CypherError, match=r"no graph at .*graph\.json: build one first"):
        open_cypher(tmp_path)
    with pytest.raises(CypherError, match="no graph at"):
        run_query(tmp_path / "nowhere" / "graph.json", "RETURN 1 AS x")


def test_damaged_graph(tmp_path: Path) -> None:
    (tmp_path / "graph.json").write_text("{not json")
    with pytest.raises(CypherError, match="cannot read graph file"):
        open_cypher(tmp_path)


def test_timeout(shared_out: Path) -> None:
    with open_cypher(shared_out, timeout_ms=100) as g:
        with pytest.raises(CypherError, match="timeout"):
            g.run("MATCH (a:Actor)-[*1..30]-(b:Actor) RETURN count(*) AS n")


def test_library_call_params() -> None:
    text, params = library_call("cooperation", {"limit": 3})
    assert params == {"min_count": 1, "limit": 3} and "MATCH" in text
    with pytest.raises(CypherError, match="needs parameter actor"):
        library_call("actor_relations")
    with pytest.raises(CypherError, match="has no parameter colour"):
        library_call("top_actors", {"colour": "red"})
    with pytest.raises(CypherError, match="no library query 'nope'"):
        library_call("nope")


# --- the cache --------------------------------------------------------------------------------


def test_cache_is_reused_and_rebuilt_on_change(out: Path) -> None:
    db = database_path(out / "graph.json")
    fp = db.with_name(db.name + ".json")
    with open_cypher(out) as g:
        assert g.run("MATCH (d:Document) RETURN count(d) AS n").rows == [[2]]
    assert db.is_file() and fp.is_file()
    ino = db.stat().st_ino
    with open_cypher(out):
        pass
    assert db.stat().st_ino == ino  # unchanged graph: not rebuilt

    os.utime(out / "graph.json")  # touched, same content: still not rebuilt
    with open_cypher(out):
        pass
    assert db.stat().st_ino == ino

    store = GraphStore.load(out)
    store.add_document(DocumentRecord("d3", "h3"), [
        triple("d3", ISIS, "ATTACKS", LAVROV, "ISIS attacked.")])
    store.save(out)
    with open_cypher(out) as g:
        assert g.run("MATCH (d:Document) RETURN count(d) AS n").rows == [[3]]
        assert g.run("MATCH (:Actor {id: $i})-[r:ATTACKS]->(:Actor) RETURN r.count AS c",
                     {"i": ISIS.id}).rows == [[1]]
    assert db.stat().st_ino != ino
    leftovers = [p.name for p in out.iterdir() if p.name.startswith(".")]
    assert leftovers == []


def test_open_graph_keeps_its_snapshot_while_rebuilt(out: Path) -> None:
    with open_cypher(out) as old:
        store = GraphStore.load(out)
        store.add_document(DocumentRecord("d3", "h3"), [
            triple("d3", ISIS, "ATTACKS", LAVROV, "ISIS attacked.")])
        store.save(out)
        with open_cypher(out) as new:
            assert new.run("MATCH (d:Document) RETURN count(d) AS n").rows == [[3]]
        assert old.run("MATCH (d:Document) RETURN count(d) AS n").rows == [[2]]


def test_stale_wal_and_damaged_cache_are_recovered(out: Path) -> None:
    db = database_path(out / "graph.json")
    with open_cypher(out):
        pass
    wal = db.with_name(db.name + ".wal")
    wal.write_bytes(os.urandom(256))
    with open_cypher(out) as g:
        assert g.run("MATCH (a:Actor) RETURN count(a) AS n").rows == [[4]]
    assert not wal.exists()
    db.write_bytes(b"garbage" * 100)
    with open_cypher(out) as g:
        assert g.run("MATCH (a:Actor) RETURN count(a) AS n").rows == [[4]]


def test_fingerprint_mismatch_rebuilds(out: Path) -> None:
    db = database_path(out / "graph.json")
    fp = db.with_name(db.name + ".json")
    with open_cypher(out):
        pass
    ino = db.stat().st_ino
    data = json.loads(fp.read_text())
    data["static"]["builder"] = -1  # as if built by an older layout
    fp.write_text(json.dumps(data))
    with open_cypher(out):
        pass
    assert db.stat().st_ino != ino
    fp.unlink()
    with open_cypher(out):
        pass
    assert fp.is_file()


def test_schema_text() -> None:
    text = schema_text()
    assert "(:Actor)  key: id (unique)" in text
    assert "(:Document)  key: hash (unique" in text
    assert "(:Actor)-[:MENTIONED_IN]->(:Document)" in text
    for t in relation_types():
        assert f"  {t} " in text
    for prop in ("factuality: STRING", "asserted: BOOLEAN", "evidence_docs: STRING[]",
                 "aliases: STRING[]", "triples: INT64"):
        assert prop in text
    assert "MEETS" in text and "CONSULT / VERBAL_COOPERATION, symmetric" in text


def test_cache_that_cannot_be_written_is_a_clear_error(out: Path) -> None:
    (out / "graph.lbug").mkdir()  # in the way of the cache file (as a read-only dir would be)
    with pytest.raises(CypherError, match="cannot build the Cypher cache .*graph.lbug"):
        open_cypher(out)
    assert [p.name for p in out.iterdir() if p.name.startswith(".")] == []
