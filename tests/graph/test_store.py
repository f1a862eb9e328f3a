import sqlite3
from dataclasses import replace

import pytest
from hedged_graph import ESP, HUN, PRT, SVK, hedged_document, hedged_store

from actorgraph.extract.triples import ActorRef, Triple
from actorgraph.graph.store import (
    DocumentRecord,
    MemoryStore,
    StoreError,
    StoreMissing,
    iter_triples,
    open_store,
    open_writer,
)

A = ActorRef("person:a", "Alice A", "Alice", "PERSON", "USA")
B = ActorRef("person:b", "Bob B", "Bob", "PERSON", None)
C = ActorRef("country:RUS", "Russia", "Moscow", "COUNTRY", "RUS")


def triple(s, rel, o, doc="d1", start=0, negated=False, modality="asserted", sentence=None,
           date=None, precision=None):
    sentence = sentence or f"{s.text} {rel.lower()} {o.text}."
    return Triple(doc, sentence, start, start + len(sentence), s, rel, o, "CONSULT",
                  "VERBAL_COOPERATION", rel.lower(), negated, modality, 0.8, date=date,
                  date_precision=precision, date_source="sentence" if date else None)


def rel(store, s, o, key):
    relation, factuality = key.split(":")
    return next(r for r in store.relations() if (r["source"], r["target"], r["relation"],
                                                  r["factuality"]) == (s, o, relation,
                                                                       factuality))


def test_merge_counts_documents_outlets_and_dates():
    store = MemoryStore()
    assert store.add_document(DocumentRecord("d1", "h1", title="One", source="AP"), [
        triple(A, "MEETS", B, date="2024-03", precision="month"),
        triple(A, "MEETS", B, start=50, date="2024-03-09", precision="day")])
    assert store.add_document(DocumentRecord("d2", "h2", source="AP"),
                              [triple(A, "MEETS", B, doc="d2", date="2023")])
    assert store.add_document(DocumentRecord("d3", "h3", source="Reuters"),
                              [triple(A, "MEETS", B, doc="d3")])
    e = rel(store, A.id, B.id, "MEETS:asserted")
    assert (e["count"], e["documents"], e["outlets"]) == (4, 3, 2)
    assert (e["first_seen"], e["last_seen"]) == ("2023-01-01", "2024-03-09")
    a = next(x for x in store.actors() if x["id"] == A.id)
    assert (a["mentions"], a["asserted_mentions"], a["first_seen"]) == (4, 4, "2023-01-01")
    assert a["aliases"] == ["Alice"]
    ms = list(store.mentions(source=A.id))
    assert [m["id"] for m in ms] == ["h1-0", "h1-1", "h2-0", "h3-0"]
    assert ms[0]["title"] == "One" and ms[0]["source"] == "AP" and ms[0]["date"] == "2024-03-01"
    # A date window recomputes the aggregates from the mentions inside it.
    w = list(store.relations(since="2024-01-01", until="2024-12-31"))
    assert [(r["count"], r["documents"], r["first_seen"]) for r in w] == [(2, 1, "2024-03-01")]
    assert [m["id"] for m in store.mentions(since="2024-03-05")] == ["h1-1"]


def test_non_asserted_kept_apart_from_facts():
    store = MemoryStore()
    store.add_document(DocumentRecord("d1", "h1"), [
        triple(A, "MEETS", B), triple(A, "MEETS", B, start=9, negated=True),
        triple(A, "MEETS", B, start=20, modality="hypothetical"),
    ])
    keys = sorted(k for *_, k in store.graph.edges(keys=True))
    assert keys == ["MEETS:asserted", "MEETS:hypothetical", "MEETS:negated"]
    facts = list(store.relations(asserted_only=True))
    assert len(facts) == 1 and facts[0]["count"] == 1
    assert list(store.to_networkx().edges(keys=True)) == [(A.id, B.id, "MEETS:asserted")]
    assert [m["factuality"] for m in store.mentions(asserted=False)] == [
        "negated", "hypothetical"]


def test_facts_only_graph_leaves_out_actors_named_only_in_claims():
    g = hedged_store().to_networkx()
    assert set(g.nodes) == {PRT.id, ESP.id}
    assert set(hedged_store().graph.nodes) == {PRT.id, ESP.id, HUN.id, SVK.id}


def test_same_content_not_counted_twice():
    store = MemoryStore()
    assert store.add_document(DocumentRecord("d1", "h1"), [triple(A, "MEETS", B)])
    assert not store.add_document(DocumentRecord("other-name", "h1"), [triple(A, "MEETS", B)])
    assert store.stats()["mentions"] == 1
    assert store.add_batch([(DocumentRecord("x", "h9"), []), (DocumentRecord("y", "h9"), [])]) == 1


def test_round_trip_on_disk_and_triples_come_back(tmp_path):
    store = MemoryStore()
    t2 = triple(C, "URGES", A, sentence='Say "<b>`x`', date="2016-03", precision="month")
    store.add_document(DocumentRecord("d1", "h1", title="T", date="2016-03-01", date_raw="1 Mar"),
                       [triple(A, "MEETS", B), t2])
    store.save(tmp_path)
    with open_store(tmp_path) as again:
        assert list(again.actors()) == list(store.actors())
        assert list(again.relations()) == list(store.relations())
        assert list(again.documents()) == list(store.documents())
        assert next(again.documents()).date_raw == "1 Mar"
        (doc, triples), = list(again.document_triples())
        assert triples[1].sentence == 'Say "<b>`x`' and triples[1].date == "2016-03"
        assert replace(triples[1], doc_title=None, doc_date=None, doc_hash=None) == t2
    assert [t.sentence for t in iter_triples(tmp_path)][1] == 'Say "<b>`x`'


def test_document_triples_after_a_batch(tmp_path):
    with open_writer(tmp_path) as w:
        w.add_batch([(DocumentRecord("d1", "h1"), [triple(A, "MEETS", B)])])
        w.add_batch([(DocumentRecord("d2", "h2"), [triple(B, "MEETS", C, doc="d2")]),
                     (DocumentRecord("d3", "h3"), [])])
        assert w.last_batch == 2
    with open_store(tmp_path) as s:
        assert [d.id for d, _ in s.document_triples(after_batch=1)] == ["d2", "d3"]
        assert [d.id for d, _ in s.document_triples()] == ["d1", "d2", "d3"]


def test_a_failing_batch_leaves_nothing_behind(tmp_path):
    with open_writer(tmp_path) as w:
        w.add_batch([(DocumentRecord("d1", "h1"), [triple(A, "MEETS", B)])])
        before = (w.stats(), list(w.actors()), list(w.relations()), w.last_batch)
        # Two documents whose hashes share 16 characters give one Mention.id twice: the
        # second insert fails and the whole batch, first document included, rolls back.
        bad = [(DocumentRecord("d2", "x" * 16 + "a"), [triple(A, "MEETS", C, doc="d2")]),
               (DocumentRecord("d3", "x" * 16 + "b"), [triple(B, "MEETS", C, doc="d3")])]
        with pytest.raises(sqlite3.IntegrityError):
            w.add_batch(bad)
        assert (w.stats(), list(w.actors()), list(w.relations()), w.last_batch) == before


def test_reader_sees_whole_batches_only(tmp_path):
    with open_writer(tmp_path) as w:
        w.add_batch([(DocumentRecord("d1", "h1"), [triple(A, "MEETS", B)])])
        reader = open_store(tmp_path)
        rows = reader.documents()
        first = next(rows)  # a read in progress keeps its snapshot
        w.add_batch([(DocumentRecord(f"n{i}", f"hn{i}"), [triple(A, "MEETS", C, doc=f"n{i}")])
                     for i in range(50)])
        assert [first.id] + [d.id for d in rows] == ["d1"]
        assert reader.stats()["documents"] == 51
        reader.close()


def test_missing_damaged_foreign_and_newer_stores_give_one_line(tmp_path):
    with pytest.raises(StoreMissing, match="no store here"):
        open_store(tmp_path / "none")
    bad = tmp_path / "bad"
    bad.mkdir()
    (bad / "store.sqlite").write_bytes(b"{not a database" * 100)
    with pytest.raises(StoreError, match=r"store.sqlite: not a readable SQLite store") as e:
        open_store(bad)
    assert "\n" not in str(e.value)
    with pytest.raises(StoreError):
        open_writer(bad)  # never overwritten
    assert (bad / "store.sqlite").read_bytes().startswith(b"{not a database")
    foreign = tmp_path / "foreign"
    foreign.mkdir()
    sqlite3.connect(foreign / "store.sqlite").execute("CREATE TABLE x (y)").connection.commit()
    with pytest.raises(StoreError, match="not an actorgraph store"):
        open_store(foreign)
    newer = tmp_path / "newer"
    MemoryStore().save(newer)
    c = sqlite3.connect(newer / "store.sqlite")
    c.execute("UPDATE meta SET value = '99' WHERE key = 'version'")
    c.commit()
    c.close()
    with pytest.raises(StoreError, match="store version '99'"):
        open_store(newer)


def test_missing_table_column_is_named(tmp_path):
    MemoryStore().save(tmp_path)
    c = sqlite3.connect(tmp_path / "store.sqlite")
    c.execute("ALTER TABLE mentions DROP COLUMN month")
    c.commit()
    c.close()
    with pytest.raises(StoreError, match="table mentions lacks month"):
        open_store(tmp_path)


# --- asserted mentions: only facts weigh an actor -------------------------------------------


def _counts(store, actor_id):
    n = store.graph.nodes[actor_id]
    return n["mentions"], n["asserted_mentions"]


def test_hedged_mentions_do_not_count_as_asserted():
    store = hedged_store()
    assert _counts(store, PRT.id) == _counts(store, ESP.id) == (2, 2)
    assert _counts(store, HUN.id) == _counts(store, SVK.id) == (10, 0)
    assert [a["id"] for a in store.actors()] == sorted([PRT.id, ESP.id, HUN.id, SVK.id])


def test_asserted_mentions_add_up_across_documents_and_self_relations():
    store = MemoryStore()
    store.add_document(DocumentRecord("d1", "h1"), [
        triple(A, "MEETS", B), triple(A, "MEETS", A, start=10),   # self: twice
        triple(A, "MEETS", C, start=20, modality="requested"),
        triple(C, "MEETS", A, start=30, negated=True)])
    store.add_document(DocumentRecord("d2", "h2"), [triple(B, "MEETS", A, doc="d2")])
    assert _counts(store, A.id) == (6, 4)
    assert _counts(store, B.id) == (2, 2)
    assert _counts(store, C.id) == (2, 0)
    derived = dict.fromkeys(store.graph, 0)
    for u, v, d in store.graph.edges(data=True):
        if d["asserted"]:
            derived[u] += d["count"]
            derived[v] += d["count"]
    assert {n: d["asserted_mentions"] for n, d in store.graph.nodes(data=True)} == derived


def test_memory_and_disk_stores_count_alike(tmp_path):
    mem = hedged_store()
    doc, triples = hedged_document("europe-2")
    mem.add_document(doc, triples)
    with open_writer(tmp_path) as w:
        w.add_batch([hedged_document(), hedged_document("europe-2")])
        assert list(w.actors()) == list(mem.actors())
        assert list(w.relations()) == list(mem.relations())
        assert list(w.mentions()) == list(mem.mentions())
        assert w.stats() == mem.stats()


def test_writer_drops_the_batch_indexes_of_an_older_store(tmp_path):
    # Stores made before the indexes went carry them; the writer drops them on open and the
    # rows and counts stay as they were.
    with open_writer(tmp_path) as w:
        w.add_document(DocumentRecord("d1", "h1"), [triple(A, "MEETS", B)])
    conn = sqlite3.connect(tmp_path / "store.sqlite")
    for name, table in (("mentions_batch", "mentions"), ("actors_batch", "actors"),
                        ("relations_batch", "relations")):
        conn.execute(f"CREATE INDEX {name} ON {table}(batch)")
    conn.commit()
    conn.close()
    with open_writer(tmp_path) as w:
        w.add_document(DocumentRecord("d2", "h2"), [triple(A, "MEETS", B, doc="d2")])
        names = {r[0] for r in w._conn.execute(
            "SELECT name FROM sqlite_master WHERE type = 'index'")}
        assert not names & {"mentions_batch", "actors_batch", "relations_batch"}
        assert "mentions_doc" in names
        assert rel(w, A.id, B.id, "MEETS:asserted")["count"] == 2
