"""The Neo4j backend against a real Bolt server (ArcadeDB, or NEO4J_URI when set).

Every load is compared with :func:`actorgraph.graph.neo4j_rows.aggregate` of the same
documents (the v2 model computed in Python in one pass), so batching, incremental loads and
re-loads are checked against one reference, not assumed to agree.
"""

from __future__ import annotations

import datetime as dt
import json
import random
import re
import signal
import threading
from dataclasses import replace

import pytest
from hedged_graph import FACTS, HEDGED, HUN, PRT, SVK, hedged_document

from actorgraph.extract.lexicon import load_relations
from actorgraph.extract.triples import ActorRef, Triple
from actorgraph.graph.model import CLAIM, relation_types
from actorgraph.graph.neo4j import (
    LoadSummary,
    Neo4jLoadError,
    Neo4jSettings,
    aggregate,
    batch_rows,
    connect,
    dump_graph,
    load_documents,
    load_store,
    run_query,
)
from actorgraph.graph.query import format_result, library_queries
from actorgraph.graph.store import DocumentRecord

HOSTILE = [
    "`})-[:X]->() DETACH DELETE n //",
    "O'Brien \"the\" `Tick` \\ back\\slash",
    "'); MATCH (n) DETACH DELETE n; //",
    "Zürich — «guillemets» 🚀\nnew line\ttab",
    "$param {id: 'x'} ${x}",
]
VOCAB = load_relations()
FACTUALITY = [(False, "asserted")] * 6 + [(True, "asserted"), (False, "hypothetical"),
                                          (False, "reported")]
OUTLETS = ["AP", "Reuters", "AFP", None]


# --- synthetic documents -----------------------------------------------------------------


def _date(rng: random.Random) -> tuple[str | None, str | None]:
    """A triple date at a random precision (or none), as the date resolver emits them."""
    month = rng.randint(1, 6)
    return rng.choice([(f"2024-{month:02d}-{rng.randint(1, 28):02d}", "day"),
                       (f"2024-{month:02d}", "month"), ("2024", "year"), (None, None)])


def make_documents(n_docs: int, seed: int = 7, first: int = 0, actors: int = 12,
                   hostile: bool = False) -> list[tuple[DocumentRecord, list[Triple]]]:
    """Random but reproducible documents exercising every merge rule: repeated pairs,
    attributes null first and set later, aliases, self-relations, non-asserted statements,
    outlets (and documents without one), dates of every precision and none, datetimes,
    documents without triples."""
    rng = random.Random(seed * 1000 + first)
    types = relation_types()
    names = [f"Actor {i}" for i in range(actors)]
    if hostile:
        names[: len(HOSTILE)] = HOSTILE
    out = []
    for k in range(first, first + n_docs):
        date = (f"2024-0{k % 6 + 1}-{k % 28 + 1:02d}" if k % 4 else
                f"2024-0{k % 6 + 1}-{k % 28 + 1:02d}T10:30:00+02:00")
        doc = DocumentRecord(id=f"doc-{k}", hash=f"hash-{seed}-{k:05d}",
                             title=(HOSTILE[k % len(HOSTILE)] if hostile else f"Title {k}"),
                             date=None if k % 9 == 4 else date, source=OUTLETS[k % 4],
                             url=None if k % 3 else f"https://example.org/{k}")
        triples = []
        for j in range(0 if k % 11 == 5 else rng.randint(2, 8)):
            negated, modality = rng.choice(FACTUALITY)
            if k % 2 == 0 and j < 2:  # one hot pair across many documents and outlets
                si, oi, rel, negated, modality = 0, 1, "MEETS", False, "asserted"
            else:
                si, oi, rel = rng.randrange(actors), rng.randrange(actors), rng.choice(types)

            def ref(i: int) -> ActorRef:
                return ActorRef(
                    id=f"person:{i}" if not hostile or i >= len(HOSTILE) else f"x:{HOSTILE[i]}",
                    name=names[i], type="PERSON",
                    text=rng.choice([names[i], names[i].upper(), f"{names[i]} Jr"]),
                    country=None if rng.random() < 0.5 else rng.choice(["USA", "RUS", "SYR"]),
                    sector=None if rng.random() < 0.7 else "GOV",
                    role=None if rng.random() < 0.8 else "minister")

            start = j * 40
            sentence = (f"{HOSTILE[j % len(HOSTILE)]} sentence {k}.{j}" if hostile
                        else f"Sentence {k}.{j} about {names[si]} and {names[oi]}.")
            tdate, precision = _date(rng)
            triples.append(Triple(
                doc=doc.id, sentence=sentence, start=start, end=start + len(sentence),
                subject=ref(si), relation=rel, object=ref(oi), plover=VOCAB.get(rel).plover,
                quad=VOCAB.get(rel).quad, trigger="t", negated=negated, modality=modality,
                confidence=round(rng.random(), 4), doc_title=doc.title, doc_hash=doc.hash,
                date=tdate, date_precision=precision,
                date_source=None if tdate is None else rng.choice(["sentence", "document"])))
        out.append((doc, triples))
    return out


def normalized(graph: dict) -> dict:
    """Comparable form: no null properties (Neo4j stores none), sorted aliases, floats at
    the store's 3 decimals, dates as ISO strings (run_query returns them so)."""
    def clean(d: dict) -> dict:
        d = {k: v for k, v in d.items() if v is not None}
        if "aliases" in d:
            d["aliases"] = sorted(d["aliases"])
        if "confidence" in d:
            d["confidence"] = round(float(d["confidence"]), 3)
        if "datetime" in d:  # the instant: ArcadeDB keeps datetimes in UTC, Neo4j the offset
            stamp = d["datetime"] if isinstance(d["datetime"], str) else d["datetime"].isoformat()
            stamp = re.sub(r"\.\d+", "", stamp).replace("Z", "+00:00")
            d["datetime"] = _utc(dt.datetime.fromisoformat(stamp))
        return d
    return json.loads(json.dumps({k: [clean(dict(r)) for r in rs] for k, rs in graph.items()},
                                 sort_keys=True, default=lambda v: v.isoformat()))


def _utc(stamp: dt.datetime) -> str:
    """The instant in UTC; ArcadeDB returns a naive datetime, which is UTC there."""
    if stamp.tzinfo is None:
        stamp = stamp.replace(tzinfo=dt.timezone.utc)
    return stamp.astimezone(dt.timezone.utc).isoformat()


def expected(documents) -> dict:
    return normalized(aggregate(documents))


# --- pure-Python parts (no server) -------------------------------------------------------


def test_settings_never_show_the_password(monkeypatch):
    monkeypatch.setenv("NEO4J_URI", "neo4j://db.example:7687")
    monkeypatch.setenv("NEO4J_USERNAME", "alice")
    monkeypatch.setenv("NEO4J_PASSWORD", "hunter2-secret")
    monkeypatch.delenv("NEO4J_DATABASE", raising=False)
    s = Neo4jSettings.from_env()
    assert (s.uri, s.username, s.password, s.database) == (
        "neo4j://db.example:7687", "alice", "hunter2-secret", "neo4j")
    assert "hunter2" not in repr(s) and "hunter2" not in str(s) and "hunter2" not in f"{s}"
    assert Neo4jSettings.from_env(database="other", uri=None).database == "other"


def test_batch_rows_put_facts_under_their_type_and_the_rest_under_claim():
    rows = batch_rows([hedged_document()])
    assert set(rows.relations) == {"MEETS", CLAIM}
    (meets,) = rows.relations["MEETS"]
    assert (meets["source"], meets["count"], meets["documents"]) == (PRT.id, 2, 1)
    claims = rows.relations[CLAIM]
    assert {(c["source"], c["target"]) for c in claims} == {(HUN.id, SVK.id)}
    # one CLAIM per (relation, factuality): negated twice, requested twice, 6 others once
    assert sorted(c["count"] for c in claims) == [1] * 6 + [2, 2]
    counts = {a["id"]: (a["mentions"], a["asserted_mentions"]) for a in rows.actors}
    assert counts[PRT.id] == (2, 2) and counts[HUN.id] == (10, 0)
    ids = [m["props"]["id"] for d in rows.documents for m in d["mentions"]]
    assert ids == [f"hash-europe-{i}" for i in range(12)]


def test_batch_rows_carry_native_dates_and_outlets():
    docs = make_documents(30)
    rows = batch_rows(docs)
    props = [d["props"] for d in rows.documents]
    assert all(isinstance(p["date"], dt.date) for p in props if p["date_raw"])
    stamped = [p for p in props if p["datetime"] is not None]
    assert stamped and all(p["datetime"].utcoffset() == dt.timedelta(hours=2) for p in stamped)
    assert {p["date"] for p in stamped} == {p["datetime"].date() for p in stamped}
    (hot,) = [r for r in rows.relations["MEETS"] if (r["source"], r["target"]) ==
              ("person:0", "person:1")]
    # the hot pair is in every even document with triples (not k=16): AP and AFP alternate
    assert (hot["outlets"], hot["documents"]) == (2, 14) and hot["count"] >= 28
    months = {m["props"]["month"] for d in rows.documents for m in d["mentions"]}
    assert None in months and "2024-01" in months


def test_unknown_relation_type_is_refused_before_any_statement():
    a = ActorRef("a", "A", "A", "PERSON")
    t = Triple("d", "s", 0, 1, a, "MEETS]->() DETACH DELETE n //", a, "P", "Q", "t")
    with pytest.raises(ValueError, match="not in the relation vocabulary"):
        batch_rows([(DocumentRecord("d", "h", triples=1), [t])])
    claim = replace(t, relation=CLAIM)  # a structural name is no vocabulary type either
    with pytest.raises(ValueError, match="not in the relation vocabulary"):
        batch_rows([(DocumentRecord("d", "h", triples=1), [claim])])


def test_a_missing_store_is_one_line_before_any_connection(tmp_path):
    settings = Neo4jSettings(uri="bolt://127.0.0.1:1", password="pw")  # never contacted
    with pytest.raises(Neo4jLoadError) as e:
        load_store(tmp_path, settings)
    assert "no store here" in str(e.value) and "\n" not in str(e.value)


def test_load_summary_reads_as_one_line():
    s = LoadSummary(documents_total=3, documents_loaded=2, documents_skipped=1, batches=1)
    assert str(s).startswith("loaded 2 documents (1 already in the database) in 1 batch:")


# --- against the server ------------------------------------------------------------------


@pytest.mark.bolt
def test_load_equals_the_model_and_reload_changes_nothing(bolt_db):
    docs = bolt_db.track(make_documents(40))
    first = load_documents(docs, bolt_db.settings, batch_size=50)
    assert (first.documents_loaded, first.documents_skipped) == (40, 0)
    ref = aggregate(docs)
    assert first.nodes_created == 40 + len(ref["actors"]) + len(ref["mentions"])
    dump = dump_graph(bolt_db.settings)
    assert normalized(dump) == expected(docs)

    again = load_documents(docs, bolt_db.settings, batch_size=7)
    assert (again.documents_loaded, again.documents_skipped) == (0, 40)
    assert (again.nodes_created, again.relationships_created, again.properties_set) == (0, 0, 0)
    assert dump_graph(bolt_db.settings) == dump


@pytest.mark.bolt
def test_incremental_load_adds_each_new_document_once(bolt_db):
    docs = bolt_db.track(make_documents(20))
    load_documents(docs, bolt_db.settings, batch_size=1)
    # The store grows: 10 new documents, an edited version of doc-3 (same id, new hash),
    # and one already loaded. Relationships that exist gain documents and outlets.
    edited = make_documents(1, first=3)[0]
    edited = (replace(edited[0], hash="hash-edited-3", source="Le Monde"),
              [replace(t, doc_hash="hash-edited-3") for t in edited[1]])
    more = bolt_db.track(make_documents(10, first=20) + [edited] + make_documents(1, first=0))
    seen = []
    summary = load_documents(more, bolt_db.settings, batch_size=13, total=len(more),
                             progress=lambda done, total: seen.append((done, total)))
    assert (summary.documents_loaded, summary.documents_skipped) == (11, 1)
    assert seen[-1] == (12, 12)
    assert normalized(dump_graph(bolt_db.settings)) == expected(docs + more)


@pytest.mark.bolt
def test_outlets_are_recounted_walking_from_either_end(bolt_db, monkeypatch):
    from actorgraph.graph import neo4j_load

    walks = []
    real = neo4j_load.outlets_statement

    def spy(rtype, allowed=None, from_object=False):
        walks.append(from_object)
        return real(rtype, allowed, from_object)

    monkeypatch.setattr(neo4j_load, "outlets_statement", spy)
    docs = bolt_db.track(make_documents(40, seed=21))
    load_documents(docs, bolt_db.settings, batch_size=1)
    assert set(walks) == {True, False}  # both walks ran, and both counted right:
    assert normalized(dump_graph(bolt_db.settings)) == expected(docs)


@pytest.mark.bolt
@pytest.mark.parametrize("batch_size", [1, 10_000])
def test_batch_size_does_not_change_the_graph(bolt_db, batch_size):
    docs = bolt_db.track(make_documents(25, seed=3))
    summary = load_documents(docs, bolt_db.settings, batch_size=batch_size)
    assert summary.batches == (25 if batch_size == 1 else 1)
    assert normalized(dump_graph(bolt_db.settings)) == expected(docs)


@pytest.mark.bolt
def test_no_vocabulary_relationship_is_non_asserted(bolt_db):
    docs = bolt_db.track([hedged_document()] + make_documents(30, seed=4))
    load_documents(docs, bolt_db.settings)
    s = bolt_db.settings
    # Hungary and Slovakia are named only in hedged or negated statements: CLAIMs only.
    hedged = run_query(s, "MATCH (a:Actor)-[r]->(b:Actor) WHERE a.id IN $ids "
                          "RETURN DISTINCT type(r) AS t", {"ids": sorted(HEDGED)})
    assert hedged.rows == [[CLAIM]]
    facts = run_query(s, "MATCH (a:Actor)-[r]->(b:Actor) WHERE a.id IN $ids "
                         "RETURN type(r) AS t, r.count AS n", {"ids": sorted(FACTS)})
    assert facts.rows == [["MEETS", 2]]
    # Every mention's relationship: asserted ones under their type, the rest under CLAIM.
    per_type = run_query(s, """
        MATCH (a:Actor)-[r]->(b:Actor) WHERE type(r) <> 'CLAIM'
        RETURN sum(r.count) AS n""").rows[0][0]
    asserted = run_query(s, "MATCH (m:Mention) WHERE m.asserted RETURN count(m) AS n")
    assert per_type == asserted.rows[0][0]
    claims = run_query(s, "MATCH (:Actor)-[r:CLAIM]->(:Actor) RETURN sum(r.count) AS n, "
                          "count(DISTINCT r.factuality) AS f")
    unasserted = run_query(s, "MATCH (m:Mention) WHERE NOT m.asserted RETURN count(m) AS n")
    assert claims.rows[0][0] == unasserted.rows[0][0] and claims.rows[0][1] >= 3
    bad = run_query(s, "MATCH (:Actor)-[r:CLAIM]->(:Actor) WHERE r.factuality = 'asserted' "
                       "RETURN count(r) AS n")
    assert bad.rows == [[0]]


@pytest.mark.bolt
def test_dates_are_native(bolt_db):
    from neo4j.time import Date, DateTime

    docs = bolt_db.track(make_documents(12, seed=8))
    load_documents(docs, bolt_db.settings)
    with connect(bolt_db.settings) as driver:
        records, _, _ = driver.execute_query(
            "MATCH (m:Mention)-[:IN_DOCUMENT]->(d:Document) WHERE m.date IS NOT NULL "
            "AND d.datetime IS NOT NULL RETURN m.date AS md, d.date AS dd, d.datetime AS ts "
            "LIMIT 1", database_=bolt_db.settings.database)
        rel, _, _ = driver.execute_query(
            "MATCH (:Actor)-[r]->(:Actor) WHERE r.first_seen IS NOT NULL "
            "RETURN r.first_seen AS f, r.last_seen AS l LIMIT 1",
            database_=bolt_db.settings.database)
        later, _, _ = driver.execute_query(
            "MATCH (d:Document) WHERE d.date >= $day RETURN count(d) AS n",
            {"day": dt.date(2024, 4, 1)}, database_=bolt_db.settings.database)
    assert isinstance(records[0]["md"], Date) and isinstance(records[0]["dd"], Date)
    # Neo4j keeps the offset (+02:00); ArcadeDB returns the same instant as naive UTC.
    assert isinstance(records[0]["ts"], DateTime)
    assert _utc(records[0]["ts"].to_native()).endswith("T08:30:00+00:00")
    assert isinstance(rel[0]["f"], Date) and rel[0]["f"] <= rel[0]["l"]
    expect = sum(1 for d, _ in docs if d.date and d.date[:10] >= "2024-04-01")
    assert later[0]["n"] == expect > 0


@pytest.mark.bolt
def test_provenance_gives_outlet_date_url_and_sentence(bolt_db):
    kerry = ActorRef("person:kerry", "John Kerry", "Kerry", "PERSON", country="USA")
    lavrov = ActorRef("person:lavrov", "Sergei Lavrov", "Lavrov", "PERSON", country="RUS")
    docs = []
    for i, (sentence, outlet, date) in enumerate([
            ("Kerry met Lavrov in Geneva.", "Reuters", "2024-03-05"),
            ("Kerry and Lavrov met.", "AP", "2024-03-07T10:00:00+00:00"),
            ("Kerry might meet Lavrov.", "AP", "2024-03-09")]):
        d = DocumentRecord(id=f"art-{i}", hash=f"h-art-{i}", title=f"Article {i}", date=date,
                           source=outlet, url=f"https://news.example/{i}")
        docs.append((d, [Triple(d.id, sentence, 10, 10 + len(sentence), kerry, "MEETS", lavrov,
                                "CONSULT", "VERBAL_COOPERATION", "met", doc_hash=d.hash,
                                modality="hypothetical" if i == 2 else "asserted",
                                date=date[:10], date_precision="day",
                                date_source="document")]))
    load_documents(bolt_db.track(docs), bolt_db.settings)
    q = library_queries()["provenance"]
    r = run_query(bolt_db.settings, q.text, {**q.params, "source": "Kerry",
                                            "target": "person:lavrov", "relation": "MEETS"})
    rows = [{k: rec[k] for k in ("outlet", "date", "url", "title", "sentence")}
            for rec in r.records()]
    assert rows == [
        {"outlet": "Reuters", "date": "2024-03-05", "url": "https://news.example/0",
         "title": "Article 0", "sentence": "Kerry met Lavrov in Geneva."},
        {"outlet": "AP", "date": "2024-03-07", "url": "https://news.example/1",
         "title": "Article 1", "sentence": "Kerry and Lavrov met."}]
    rel = run_query(bolt_db.settings, "MATCH (:Actor {id: 'person:kerry'})-[r:MEETS]->(:Actor) "
                                      "RETURN r.count AS n, r.documents AS d, r.outlets AS o, "
                                      "r.first_seen AS f, r.last_seen AS l")
    assert rel.records() == [{"n": 2, "d": 2, "o": 2, "f": "2024-03-05", "l": "2024-03-07"}]
    node = run_query(bolt_db.settings, "MATCH (a:Actor {id: 'person:kerry'}) RETURN a")
    assert node.rows[0][0]["aliases"] == ["Kerry"] and node.rows[0][0]["mentions"] == 3
    assert "John Kerry" in format_result(node, "json")


@pytest.mark.bolt
def test_an_older_database_is_upgraded_then_loaded(bolt_db):
    # What actorgraph v1 wrote: a hedged statement under its vocabulary type, a string date.
    s = bolt_db.settings
    bolt_db.actor_ids |= {"person:old1", "person:old2"}
    bolt_db.doc_hashes.add("h-old")
    run_query(s, """
        CREATE (a:Actor {id: 'person:old1', name: 'Old One', type: 'PERSON', aliases: ['Old'],
                         mentions: 2}),
               (b:Actor {id: 'person:old2', name: 'Old Two', type: 'PERSON', aliases: [],
                         mentions: 2}),
               (d:Document {id: 'old', hash: 'h-old', title: 'Old', date: '2023-05-01',
                            triples: 2}),
               (a)-[:MEETS {factuality: 'asserted', asserted: true, count: 1, docs: ['old'],
                            evidence: ['They met.'], evidence_docs: ['old']}]->(b),
               (a)-[:ATTACKS {factuality: 'hypothetical', asserted: false, count: 1,
                              docs: ['old'], evidence: ['If they attack'],
                              evidence_docs: ['old']}]->(b),
               (a)-[:MENTIONED_IN {count: 2}]->(d), (b)-[:MENTIONED_IN {count: 2}]->(d)
        """, write=True)
    docs = bolt_db.track(make_documents(5, seed=6))
    assert load_documents(docs, s).documents_loaded == 5
    rels = run_query(s, "MATCH (:Actor {id: 'person:old1'})-[r]->(:Actor) "
                        "RETURN type(r) AS t, r.relation AS rel, r.documents AS d, "
                        "r.asserted_mentions AS x ORDER BY t").rows
    assert rels == [[CLAIM, "ATTACKS", 1, None], ["MEETS", None, 1, None]]
    actor = run_query(s, "MATCH (a:Actor {id: 'person:old1'}) RETURN a.asserted_mentions")
    assert actor.rows == [[1]]
    with connect(s) as driver:
        rec = driver.execute_query("MATCH (d:Document {hash: 'h-old'}) RETURN d.date AS d, "
                                   "d.date_raw AS raw", database_=s.database)[0][0]
    assert str(rec["d"]) == "2023-05-01" and not isinstance(rec["d"], str)
    assert rec["raw"] == "2023-05-01"


@pytest.mark.bolt
def test_hostile_strings_are_stored_verbatim(bolt_db):
    docs = bolt_db.track(make_documents(12, seed=5, hostile=True))
    summary = load_documents(docs, bolt_db.settings, batch_size=5)
    assert summary.documents_loaded == 12
    dump = dump_graph(bolt_db.settings)
    assert normalized(dump) == expected(docs)
    assert set(HOSTILE) <= {a["name"] for a in dump["actors"]}
    found = run_query(bolt_db.settings, "MATCH (a:Actor) WHERE a.name = $n RETURN a.id AS id",
                      {"n": HOSTILE[0]})
    assert found.rows == [[f"x:{HOSTILE[0]}"]]
    assert {d["title"] for d in dump["documents"]} == set(HOSTILE)


@pytest.mark.bolt
def test_unknown_relation_type_in_store_fails_cleanly(bolt_db):
    a = ActorRef("person:evil", "Evil", "Evil", "PERSON")
    d = DocumentRecord(id="evil", hash="h-evil")
    t = Triple("evil", "s", 0, 1, a, "X]->() DETACH DELETE n //", a, "P", "Q", "t",
               doc_hash="h-evil")
    with pytest.raises(Neo4jLoadError, match="not in the relation vocabulary"):
        load_documents(bolt_db.track([(d, [t])]), bolt_db.settings)
    assert dump_graph(bolt_db.settings)["documents"] == []


@pytest.mark.bolt
def test_unreachable_server():
    import socket

    with socket.socket() as s:  # a port nobody listens on
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    settings = Neo4jSettings(uri=f"bolt://127.0.0.1:{port}", password="pw-not-shown",
                             connection_timeout=2, retry_seconds=1)
    with pytest.raises(Neo4jLoadError) as e:
        load_documents(make_documents(1), settings)
    msg = str(e.value)
    assert msg.startswith(f"cannot reach Neo4j at bolt://127.0.0.1:{port}")
    assert "\n" not in msg and "pw-not-shown" not in msg


@pytest.mark.bolt
def test_wrong_password(bolt_db):
    bad = replace(bolt_db.settings, password="wrong-pw-xyz", retry_seconds=1)
    with pytest.raises(Neo4jLoadError) as e:
        load_documents(make_documents(1), bad)
    msg = str(e.value)
    assert "refused the credentials" in msg and bad.username in msg
    assert "\n" not in msg and "wrong-pw-xyz" not in msg
    with pytest.raises(Neo4jLoadError, match="refused the credentials"):
        run_query(bad, "RETURN 1")


@pytest.mark.bolt
def test_missing_database(bolt_db):
    missing = replace(bolt_db.settings, database="no_such_db_actorgraph", retry_seconds=1)
    with pytest.raises(Neo4jLoadError) as e:
        load_documents(make_documents(1), missing)
    assert "database 'no_such_db_actorgraph' does not exist" in str(e.value)


@pytest.mark.bolt
def test_query_errors_are_one_line(bolt_db):
    from actorgraph.graph.neo4j import Neo4jQueryError

    with pytest.raises(Neo4jQueryError) as e:
        run_query(bolt_db.settings, "MATCH (a:Actor RETURN a")
    assert "\n" not in str(e.value)


@pytest.mark.bolt
@pytest.mark.slow
def test_server_killed_mid_load_then_rerun_completes_exactly(tmp_path, bolt_target):
    if bolt_target.external:
        pytest.skip("needs a server process the tests own (ArcadeDB)")
    from bolt_server import BoltServer

    out = make_documents(120, seed=11, actors=40)
    clean = expected(out)

    with BoltServer(root=tmp_path / "arcade") as server:
        settings = server.settings(retry_seconds=2, connection_timeout=3)
        killer_started = threading.Event()

        def kill_soon(done: int, total: int) -> None:
            # After the 3rd committed batch, SIGKILL the server while later batches write.
            if done >= 3 and not killer_started.is_set():
                killer_started.set()
                pid = server.proc.pid
                threading.Timer(0.05, lambda: _kill(pid)).start()

        with pytest.raises(Neo4jLoadError) as e:
            load_documents(out, settings, batch_size=1, progress=kill_soon)
        msg = str(e.value)
        assert "documents were committed in this run" in msg and "Re-run" in msg
        assert "\n" not in msg
        committed = int(msg.split(" -- ")[1].split()[0])
        server.proc.wait(timeout=10)
        server.proc = None
        server.start()

        partial = dump_graph(settings)
        # Whole documents only: the database equals a clean load of its ledger's documents.
        hashes = {d["hash"] for d in partial["documents"]}
        assert committed <= len(hashes) <= committed + 1 < 120
        prefix = [(d, t) for d, t in out if d.hash in hashes]
        assert len(prefix) == len(hashes)
        assert normalized(partial) == expected(prefix)

        summary = load_documents(out, settings, batch_size=1000)
        assert summary.documents_loaded == 120 - len(hashes)
        assert summary.documents_skipped == len(hashes)
        assert normalized(dump_graph(settings)) == clean


def _kill(pid: int) -> None:
    import os

    try:
        os.kill(pid, signal.SIGKILL)
    except ProcessLookupError:
        pass




# --- the store of record, and library queries on both engines -----------------------------


def save_store(out, documents):
    """The store of record (OUT/store.sqlite) holding ``documents``."""
    from actorgraph.graph.store import MemoryStore

    store = MemoryStore()
    for doc, triples in documents:
        store.add_document(doc, triples)
    store.save(out)
    return out


@pytest.mark.bolt
def test_load_store_reads_the_store_of_record_and_agrees_with_it(tmp_path, bolt_db):
    from actorgraph.graph.store import open_store

    docs = make_documents(30, seed=12)
    out = bolt_db.track(save_store(tmp_path, docs))
    summary = load_store(out, bolt_db.settings, batch_size=40)
    assert (summary.documents_total, summary.documents_loaded) == (30, 30)
    assert normalized(dump_graph(bolt_db.settings)) == expected(docs)
    # The SQLite store and Neo4j aggregate the same mentions alike (two implementations).
    with open_store(out) as store:
        mine = {(r["source"], r["target"], r["relation"], r["factuality"]): r
                for r in store.relations()}
    theirs = run_query(bolt_db.settings, """
        MATCH (s:Actor)-[r]->(t:Actor)
        RETURN s.id AS source, t.id AS target,
               CASE WHEN type(r) = 'CLAIM' THEN r.relation ELSE type(r) END AS relation,
               coalesce(r.factuality, 'asserted') AS factuality, r.count AS count,
               r.documents AS documents, r.outlets AS outlets, r.first_seen AS first_seen,
               r.last_seen AS last_seen""").records()
    keys = ("count", "documents", "outlets", "first_seen", "last_seen")
    assert {(r["source"], r["target"], r["relation"], r["factuality"]):
            tuple(r[k] for k in keys) for r in theirs} == {
        k: tuple(r[k] for k in keys) for k, r in mine.items()}
    assert load_store(out, bolt_db.settings).documents_skipped == 30


def _library_params(q, out) -> dict:
    """Defaults, plus a real pair of the graph for actor parameters (so rows come back)."""
    from actorgraph.graph.store import open_store

    with open_store(out) as store:
        names = {a["id"]: a["name"] for a in store.actors()}
        rel = max((r for r in store.relations(asserted_only=True)
                   if r["source"] != r["target"]), key=lambda r: r["count"])
    a, b = names[rel["source"]], names[rel["target"]]
    given = {"actor": a.upper(), "a": a, "b": b.lower(), "source": a, "target": b,
             "relation": rel["relation"], "since": "2016-01-01"}
    return {**q.params, **{k: v for k, v in given.items() if k in q.params
                           and q.params[k] is None}}


def _library_parity(out, settings, allowed_empty=()) -> int:
    """Every library query: the same columns and rows from LadybugDB and the Bolt server."""
    from actorgraph.graph import cypher

    compared = 0
    for name, q in library_queries().items():
        params = _library_params(q, out)
        embedded = cypher.run_query(out, q.text, params)
        assert embedded.rows or name in allowed_empty, f"{name} returns no rows to compare"
        bolt = run_query(settings, q.text, params)
        # ArcadeDB sends no column names with an empty result; Neo4j does.
        assert bolt.columns == embedded.columns or not (bolt.rows or bolt.columns), name
        assert json.loads(json.dumps(bolt.rows, default=str)) == \
            json.loads(json.dumps(embedded.rows, default=str)), name
        compared += 1
    return compared


@pytest.mark.bolt
def test_library_queries_equal_rows_on_both_engines(tmp_path, bolt_db):
    docs = make_documents(40, seed=9)
    docs = [(replace(d, date=d.date.replace("2024", "2016") if d.date else None),
             [replace(t, date=t.date.replace("2024", "2016") if t.date else None) for t in ts])
            for d, ts in docs] + [hedged_document()]
    out = bolt_db.track(save_store(tmp_path, docs))
    load_store(out, bolt_db.settings)
    assert _library_parity(out, bolt_db.settings) == len(library_queries())


@pytest.mark.bolt
def test_timeline_queries_return_per_month_rows(bolt_db):
    kerry = ActorRef("person:kerry", "John Kerry", "Kerry", "PERSON", country="USA")
    lavrov = ActorRef("person:lavrov", "Sergei Lavrov", "Lavrov", "PERSON", country="RUS")
    plan = [("2024-01-10", kerry, "MEETS", lavrov), ("2024-01-20", lavrov, "MEETS", kerry),
            ("2024-02-02", kerry, "ACCUSES", lavrov), ("2024-02-03", lavrov, "THREATENS", kerry),
            ("2024-02-04", kerry, "MEETS", lavrov), ("2024-03-01", kerry, "ACCUSES", lavrov)]
    docs = []
    for i, (day, s, rel, o) in enumerate(plan):
        d = DocumentRecord(id=f"t-{i}", hash=f"h-t-{i}", title=f"T {i}", date=day,
                           source=["AP", "AFP"][i % 2])
        docs.append((d, [Triple(d.id, f"{s.name} {rel} {o.name}.", 0, 30, s, rel, o,
                                VOCAB.get(rel).plover, VOCAB.get(rel).quad, "x",
                                doc_hash=d.hash, date=day, date_precision="day",
                                date_source="sentence")]))
    load_documents(bolt_db.track(docs), bolt_db.settings)
    lib = library_queries()

    def run(name: str, **params) -> list[dict]:
        return run_query(bolt_db.settings, lib[name].text, {**lib[name].params,
                                                           **params}).records()

    esc = run("escalation", a="kerry", b="lavrov")
    assert [(r["month"], r["mentions"], r["conflict"], r["conflict_share"]) for r in esc] == [
        ("2024-01", 2, 0, 0.0), ("2024-02", 3, 2, 0.667), ("2024-03", 1, 1, 1.0)]
    dyad = run("dyad_timeline", a="Kerry", b="Lavrov", by="quad", since="2024-02-01")
    assert [(r["month"], r["subject"], r["kind"], r["mentions"]) for r in dyad] == [
        ("2024-02", "John Kerry", "VERBAL_CONFLICT", 1),
        ("2024-02", "John Kerry", "VERBAL_COOPERATION", 1),
        ("2024-02", "Sergei Lavrov", "VERBAL_CONFLICT", 1),
        ("2024-03", "John Kerry", "VERBAL_CONFLICT", 1)]
    act = run("actor_activity", actor="person:lavrov", by="relation", until="2024-02-28")
    assert [(r["month"], r["role"], r["kind"], r["mentions"]) for r in act] == [
        ("2024-01", "subject", "MEETS", 1), ("2024-01", "object", "MEETS", 1),
        ("2024-02", "subject", "THREATENS", 1), ("2024-02", "object", "ACCUSES", 1),
        ("2024-02", "object", "MEETS", 1)]
    new = run("new_relations", since="2024-02-01")
    assert [(r["source"], r["relation"], r["first_seen"]) for r in new] == [
        ("Sergei Lavrov", "THREATENS", "2024-02-03"), ("John Kerry", "ACCUSES", "2024-02-02")]


@pytest.mark.bolt
@pytest.mark.slow
def test_library_queries_equal_rows_on_the_seeds_graph(seeds_out, bolt_db):
    load_store(bolt_db.track(seeds_out), bolt_db.settings)
    with __import__("actorgraph.graph.store", fromlist=["open_store"]).open_store(
            seeds_out) as store:
        docs = list(store.document_triples())
    assert normalized(dump_graph(bolt_db.settings)) == expected(docs)
    dated = any(t.date for _, ts in docs for t in ts)
    timed = () if dated else ("dyad_timeline", "actor_activity", "escalation",
                              "new_relations")
    assert _library_parity(seeds_out, bolt_db.settings, timed) == len(library_queries())
