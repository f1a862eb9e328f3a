"""graph.cypher: the LadybugDB index of the store (v2 model), its incremental sync, errors."""

from __future__ import annotations

import datetime as dt
import doctest
import json
import os
from pathlib import Path

import pytest

import actorgraph.graph.cypher as cypher_mod
from actorgraph.extract.triples import ActorRef, Triple
from actorgraph.graph.cypher import (
    CypherError,
    library_call,
    open_cypher,
    query_params,
    run_query,
    schema_text,
    to_python,
)
from actorgraph.graph.cypher_index import CypherIndexError, read_fingerprint, sync_index
from actorgraph.graph.model import relation_types
from actorgraph.graph.store import DocumentRecord, MemoryStore, open_store, open_writer

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


def small_store() -> MemoryStore:
    store = MemoryStore()
    store.add_document(DocumentRecord("d1", "h1", title="Talks", source="AP",
                                      date="2016-03-01"), [
        triple("d1", KERRY, "MEETS", LAVROV, "Kerry met Lavrov.", 0, date="2016-02",
               date_precision="month", date_source="sentence"),
        triple("d1", KERRY, "MEETS", LAVROV, "Kerry met Lavrov again.", 20),
        triple("d1", KERRY, "ATTACKS", LAVROV, "Kerry did not attack Lavrov.", 50,
               negated=True),
        triple("d1", LAVROV, "FIGHTS", ISIS, "Lavrov vowed to fight ISIS.", 90,
               confidence=0.9),
    ])
    store.add_document(DocumentRecord("d2", "h2", title="Hostile", source="Reuters",
                                      date="2016-03-07T10:00:00+01:00"), [
        triple("d2", HOSTILE, "CRITICIZES", KERRY, HOSTILE_SENTENCE, 0),
        triple("d2", KERRY, "MEETS", LAVROV, "Kerry and Lavrov met in Moscow.", 100,
               date="2016-03-07", date_precision="day", date_source="document"),
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
    assert tables["Actor"] == tables["Document"] == tables["Mention"] == "NODE"
    for t in ("MENTIONED_IN", "CLAIM", "SUBJECT", "OBJECT", "IN_DOCUMENT"):
        assert tables[t] == "REL", t
    for t in relation_types():
        assert tables[t] == "REL", t
    # Document is keyed by content hash (the ledger key), Actor by id.
    info = {r[1]: r for r in graph.run("CALL table_info('Document') RETURN *").rows}
    assert info["hash"][4] is True and info["id"][4] is False


def test_actors_and_relations_match_the_store(shared_out: Path, graph) -> None:
    store = open_store(shared_out)
    n = graph.run("MATCH (a:Actor) RETURN count(a) AS n").rows
    assert n == [[store.stats()["actors"]]]
    rows = graph.run(
        "MATCH (x:Actor)-[r]->(y:Actor) RETURN x.id AS s, coalesce(r.relation, type(r)) AS t,"
        " y.id AS o, coalesce(r.factuality, 'asserted') AS f, type(r) <> 'CLAIM' AS a,"
        " r.count AS c, r.documents AS d, r.outlets AS ou ORDER BY s, t, o, f").rows
    expected = sorted(
        [r["source"], r["relation"], r["target"], r["factuality"], r["asserted"], r["count"],
         r["documents"], r["outlets"]] for r in store.relations())
    assert rows == expected
    kerry = graph.run_library("actor_relations", {"actor": "KERRY"}).records()
    meets = [r for r in kerry if r["relation"] == "MEETS"]
    assert meets == [{
        "subject_id": KERRY.id, "subject": "John Kerry", "relation": "MEETS",
        "object_id": LAVROV.id, "object": "Sergei Lavrov", "factuality": "asserted",
        "asserted": True, "count": 3, "quad": "VERBAL_COOPERATION", "documents": 2,
        # AP and Reuters; the month-precise sentence date counts from the 1st of its month.
        "outlets": 2, "first_seen": dt.date(2016, 2, 1), "last_seen": dt.date(2016, 3, 7)}]


def test_facts_are_typed_and_claims_are_claim(graph) -> None:
    claims = graph.run("MATCH (a:Actor)-[r:CLAIM]->(b:Actor) RETURN a.id AS s, r.relation AS"
                       " rel, r.factuality AS f, r.negated AS neg ORDER BY rel").rows
    assert claims == [[KERRY.id, "AIDS", "hypothetical", False],
                      [KERRY.id, "ATTACKS", "negated", True]]
    # No vocabulary-typed relationship is a non-fact.
    assert graph.run("MATCH (:Actor)-[r:ATTACKS]->(:Actor) RETURN count(r) AS n").rows == [[0]]


def test_actor_properties(graph) -> None:
    r = graph.run("MATCH (a:Actor {id: $id}) RETURN a.name AS name, a.country AS c, "
                  "a.role AS role, a.sector AS sector, a.aliases AS al, a.mentions AS m, "
                  "a.asserted_mentions AS am, a.first_seen AS f", {"id": KERRY.id}).records()
    # 6 mentions: the negated attack and the hypothetical aid are not among the 4 asserted.
    assert r == [{"name": "John Kerry", "c": "USA", "role": "diplomat", "sector": None,
                  "al": ["Kerry"], "m": 6, "am": 4, "f": dt.date(2016, 2, 1)}]


def test_provenance_is_one_query_with_native_dates(graph) -> None:
    rows = graph.run(
        "MATCH (s:Actor {id:$source})<-[:SUBJECT]-(m:Mention)-[:OBJECT]->(o:Actor {id:$target}),"
        " (m)-[:IN_DOCUMENT]->(d:Document) WHERE m.relation = $relation AND m.asserted"
        " RETURN d.source, d.date, d.datetime, m.date, m.month, m.sentence, m.`end`"
        " ORDER BY d.date, m.sentence",
        {"source": KERRY.id, "target": LAVROV.id, "relation": "MEETS"}).rows
    assert rows == [
        ["AP", dt.date(2016, 3, 1), None, None, None, "Kerry met Lavrov again.", 43],
        ["AP", dt.date(2016, 3, 1), None, dt.date(2016, 2, 1), "2016-02", "Kerry met Lavrov.",
         17],
        ["Reuters", dt.date(2016, 3, 7), dt.datetime(2016, 3, 7, 9, 0), dt.date(2016, 3, 7),
         "2016-03", "Kerry and Lavrov met in Moscow.", 131]]
    ids = graph.run("MATCH (m:Mention)-[:IN_DOCUMENT]->(d:Document {hash: 'h2'})"
                    " RETURN m.id ORDER BY m.id").rows
    assert ids == [["h2-0"], ["h2-1"], ["h2-2"]]


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


def test_documents_keyed_by_hash_when_an_id_repeats(tmp_path: Path) -> None:
    store = MemoryStore()
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


def test_empty_store_builds(tmp_path: Path) -> None:
    MemoryStore().save(tmp_path)
    with open_cypher(tmp_path) as g:
        for name in ("top_actors", "documents", "relation_summary", "cooperation"):
            assert g.run_library(name).rows == []


# --- hostile text stays data -----------------------------------------------------------------


def test_hostile_strings_are_stored_verbatim(graph) -> None:
    r = graph.run("MATCH (a:Actor)<-[:SUBJECT]-(m:Mention) WHERE m.relation = 'CRITICIZES' "
                  "RETURN a.id AS id, a.name AS name, m.sentence AS ev").records()
    assert r == [{"id": HOSTILE.id, "name": HOSTILE_NAME, "ev": HOSTILE_SENTENCE}]
    # ...and can be looked up by parameter, which is how user text enters a query.
    found = graph.run("MATCH (a:Actor) WHERE a.name = $n RETURN a.id AS id",
                      {"n": HOSTILE_NAME}).rows
    assert found == [[HOSTILE.id]]
    ev = graph.run_library("pair_evidence", {"a": "o'brien", "b": "kerry"}).records()
    assert [e["evidence"] for e in ev] == [[HOSTILE_SENTENCE]]
    # 4 actors + 2 documents + 7 mentions
    assert graph.run("MATCH (n) RETURN count(n) AS n").rows == [[13]]


def test_relation_type_outside_the_vocabulary(tmp_path: Path) -> None:
    # An extra --relations vocabulary type gets its own table...
    store = MemoryStore()
    store.add_document(DocumentRecord("d", "h"), [
        triple("d", KERRY, "BRIBES", LAVROV, "Kerry bribed Lavrov.")])
    store.save(tmp_path)
    assert run_query(tmp_path, "MATCH ()-[r:BRIBES]->() RETURN type(r) AS t").rows == [["BRIBES"]]
    # ...but a name that is not an identifier never reaches a statement.
    bad = tmp_path / "bad"
    store = MemoryStore()
    store.add_document(DocumentRecord("d", "h"), [
        triple("d", KERRY, "X(a:Actor) DETACH DELETE a //", LAVROV, "x")])
    store.save(bad)
    with pytest.raises(CypherError, match="not a valid name"):
        open_cypher(bad)
    with pytest.raises(CypherError, match="not a valid name"):
        store2 = MemoryStore()
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
                    "asserted_mentions": 1, "first_seen": None, "last_seen": None,
                    "_label": "Actor"}
    rel = graph.run("MATCH (:Actor)-[r:FIGHTS]->(:Actor) RETURN r").rows[0][0]
    assert rel["_label"] == "FIGHTS" and rel["confidence"] == 0.9 and "_ID" not in rel
    path = graph.run("MATCH p = (:Actor)-[:FIGHTS]->(:Actor) RETURN p").rows[0][0]
    assert [n["id"] for n in path["nodes"]] == [LAVROV.id, ISIS.id]
    assert [r["_label"] for r in path["relationships"]] == ["FIGHTS"]
    json.dumps(graph.run("MATCH (a:Actor)-[r]->(b:Actor) RETURN a.id, r.count, b.id").rows)


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


def test_missing_and_damaged_store(tmp_path: Path) -> None:
    with pytest.raises(CypherError, match=r"store.sqlite: no store here; build one first"):
        open_cypher(tmp_path)
    (tmp_path / "store.sqlite").write_text("{not a database" * 50)
    with pytest.raises(CypherError, match="not a readable SQLite store"):
        run_query(tmp_path, "RETURN 1 AS x")


def test_timeout(shared_out: Path) -> None:
    with open_cypher(shared_out, timeout_ms=100) as g:
        with pytest.raises(CypherError, match="timeout"):
            g.run("MATCH (a:Actor)-[:MEETS|CRITICIZES|FIGHTS*1..30]-(b:Actor) RETURN count(*)")
        # A pattern that explodes ends in one line too, whichever bound it hits first.
        with pytest.raises(CypherError, match="timeout|buffer pool") as e:
            g.run("MATCH (a:Actor)-[*1..30]-(b:Actor) RETURN count(*) AS n")
        assert "\n" not in str(e.value)


def test_library_call_params() -> None:
    text, params = library_call("cooperation", {"limit": 3})
    assert params == {"min_count": 1, "limit": 3} and "MATCH" in text
    with pytest.raises(CypherError, match="needs parameter actor"):
        library_call("actor_relations")
    with pytest.raises(CypherError, match="has no parameter colour"):
        library_call("top_actors", {"colour": "red"})
    with pytest.raises(CypherError, match="no library query 'nope'"):
        library_call("nope")


# --- the index: synced by batch ---------------------------------------------------------------


def add(out: Path, doc: str, *triples: Triple) -> None:
    with open_writer(out) as w:
        w.add_batch([(DocumentRecord(doc, f"h-{doc}", source="AFP"), list(triples))])


def test_index_is_reused_then_synced_incrementally(out: Path) -> None:
    db = out / "graph.lbug"
    with open_cypher(out) as g:
        assert g.run("MATCH (d:Document) RETURN count(d) AS n").rows == [[2]]
    assert read_fingerprint(db)["last_batch"] == 2
    ino = db.stat().st_ino
    assert sync_index(out)["mode"] == "current"
    add(out, "d3", triple("d3", ISIS, "ATTACKS", LAVROV, "ISIS attacked."),
        triple("d3", KERRY, "MEETS", LAVROV, "Kerry met Lavrov once more."),
        triple("d3", KERRY, "ATTACKS", LAVROV, "Kerry did not attack.", negated=True))
    info = sync_index(out)
    assert (info["mode"], info["from_batch"], info["to_batch"]) == ("incremental", 2, 3)
    assert db.stat().st_ino == ino  # updated in place, not rebuilt
    with open_cypher(out) as g:
        assert g.run("MATCH (d:Document) RETURN count(d) AS n").rows == [[3]]
        assert g.run("MATCH (:Actor {id: $i})-[r:ATTACKS]->(:Actor) RETURN r.count AS c",
                     {"i": ISIS.id}).rows == [[1]]
        meets = g.run("MATCH (:Actor {id: $k})-[r:MEETS]->(:Actor) RETURN r.count, "
                      "r.documents, r.outlets", {"k": KERRY.id}).rows
        assert meets == [[4, 3, 3]]  # one relationship, updated: not a second one
        claim = g.run("MATCH (:Actor {id: $k})-[r:CLAIM]->(:Actor) WHERE r.relation = "
                      "'ATTACKS' RETURN r.count", {"k": KERRY.id}).rows
        assert claim == [[2]]
        kerry = g.run("MATCH (a:Actor {id: $k}) RETURN a.mentions, a.asserted_mentions",
                      {"k": KERRY.id}).rows
        assert kerry == [[8, 5]]
    # The synced index equals one built from scratch.
    fresh = out / "fresh"
    with open_store(out) as s:
        with open_writer(fresh) as w:
            w.add_batch(list(s.document_triples()))
    q = ("MATCH (a:Actor)-[r]->(b) RETURN a.id, type(r), b.id, r.count, r.documents, "
         "a.mentions ORDER BY a.id, type(r), b.id")
    assert run_query(out, q).rows == run_query(fresh, q).rows
    assert [p.name for p in out.iterdir() if p.name.startswith(".") and
            p.name != ".writer.lock"] == []


def test_open_reader_holds_off_a_sync(out: Path) -> None:
    with open_cypher(out) as old:
        add(out, "d3", triple("d3", ISIS, "ATTACKS", LAVROV, "ISIS attacked."))
        with pytest.raises(CypherIndexError, match="graph.lbug is in use by a query"):
            sync_index(out, wait_seconds=0.2)
        assert old.run("MATCH (d:Document) RETURN count(d) AS n").rows == [[2]]
    with open_cypher(out) as new:
        assert new.run("MATCH (d:Document) RETURN count(d) AS n").rows == [[3]]


def test_stale_wal_damaged_index_and_unfinished_sync_are_recovered(out: Path) -> None:
    db = out / "graph.lbug"
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
    fp = db.with_name(db.name + ".json")
    fp.write_text(json.dumps({**json.loads(fp.read_text()), "syncing": True}))
    ino = db.stat().st_ino
    with open_cypher(out) as g:  # a sync that never finished: rebuilt from scratch
        assert g.run("MATCH (a:Actor) RETURN count(a) AS n").rows == [[4]]
    assert db.stat().st_ino != ino


def test_fingerprint_mismatch_and_a_new_store_rebuild(out: Path) -> None:
    db = out / "graph.lbug"
    fp = db.with_name(db.name + ".json")
    with open_cypher(out):
        pass
    ino = db.stat().st_ino
    data = json.loads(fp.read_text())
    data["static"]["index"] = -1  # as if built by an older layout
    fp.write_text(json.dumps(data))
    with open_cypher(out):
        pass
    assert db.stat().st_ino != ino
    ino = db.stat().st_ino
    MemoryStore().save(out)  # another store under the same name
    with open_cypher(out) as g:
        assert g.run("MATCH (a:Actor) RETURN count(a) AS n").rows == [[0]]
    assert db.stat().st_ino != ino


def test_schema_text() -> None:
    text = schema_text()
    assert "(:Actor)  key: id (unique)" in text
    assert "(:Document)  key: hash (unique" in text
    assert "(:Actor)-[:MENTIONED_IN]->(:Document)" in text
    assert "(:Mention)-[:IN_DOCUMENT]->(:Document)" in text
    for t in relation_types():
        assert f"  {t} " in text
    for prop in ("factuality: STRING", "asserted: BOOLEAN", "first_seen: DATE",
                 "aliases: STRING[]", "triples: INT64", "datetime: TIMESTAMP"):
        assert prop in text
    assert "MEETS" in text and "CONSULT / VERBAL_COOPERATION, symmetric" in text


def test_whatever_is_in_the_way_of_the_index_is_replaced(out: Path) -> None:
    (out / "graph.lbug").mkdir()  # not a database: the index is derived data, rebuilt
    (out / "graph.lbug" / "x").write_text("")
    with open_cypher(out) as g:
        assert g.run("MATCH (a:Actor) RETURN count(a) AS n").rows == [[4]]
