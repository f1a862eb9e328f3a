import json

import pytest
from hedged_graph import ESP, HUN, PRT, SVK, hedged_document, hedged_store

from actorgraph.extract.triples import ActorRef, Triple
from actorgraph.graph.store import DocumentRecord, GraphStore, StoreError, iter_triples

A = ActorRef("person:a", "Alice A", "Alice", "PERSON", "USA")
B = ActorRef("person:b", "Bob B", "Bob", "PERSON", None)
C = ActorRef("country:RUS", "Russia", "Moscow", "COUNTRY", "RUS")


def triple(s, rel, o, doc="d1", start=0, negated=False, modality="asserted", sentence=None):
    sentence = sentence or f"{s.text} {rel.lower()} {o.text}."
    return Triple(doc, sentence, start, start + len(sentence), s, rel, o, "CONSULT",
                  "VERBAL_COOPERATION", rel.lower(), negated, modality, 0.8)


def test_merge_counts_docs_and_evidence():
    store = GraphStore()
    assert store.add_document(DocumentRecord("d1", "h1", title="One"),
                              [triple(A, "MEETS", B), triple(A, "MEETS", B, start=50)])
    assert store.add_document(DocumentRecord("d2", "h2"), [triple(A, "MEETS", B, doc="d2")])
    e = store.graph.edges["person:a", "person:b", "MEETS:asserted"]
    assert e["count"] == 3
    assert e["docs"] == ["d1", "d2"]
    assert [ev["doc"] for ev in e["evidence"]] == ["d1", "d1", "d2"]
    assert e["evidence"][0]["title"] == "One"
    assert store.graph.nodes["person:a"]["mentions"] == 3
    assert store.graph.nodes["person:a"]["asserted_mentions"] == 3


def test_non_asserted_kept_apart_from_facts():
    store = GraphStore()
    store.add_document(DocumentRecord("d1", "h1"), [
        triple(A, "MEETS", B), triple(A, "MEETS", B, start=9, negated=True),
        triple(A, "MEETS", B, start=20, modality="hypothetical"),
    ])
    keys = sorted(k for *_, k in store.graph.edges(keys=True))
    assert keys == ["MEETS:asserted", "MEETS:hypothetical", "MEETS:negated"]
    facts = list(store.relations(asserted_only=True))
    assert len(facts) == 1 and facts[0]["count"] == 1


def test_same_content_not_counted_twice():
    store = GraphStore()
    assert store.add_document(DocumentRecord("d1", "h1"), [triple(A, "MEETS", B)])
    assert not store.add_document(DocumentRecord("other-name", "h1"), [triple(A, "MEETS", B)])
    assert store.stats()["mentions"] == 1


def test_round_trip(tmp_path):
    store = GraphStore()
    store.add_document(DocumentRecord("d1", "h1", title="T", date="2016-03-01"),
                       [triple(A, "MEETS", B), triple(C, "URGES", A, sentence='Say "<b>`x`')])
    store.save(tmp_path)
    again = GraphStore.load(tmp_path / "graph.json")
    assert list(again.actors()) == list(store.actors())
    assert list(again.relations()) == list(store.relations())
    assert again.documents == store.documents
    again.save(tmp_path / "copy")
    assert json.loads((tmp_path / "copy" / "graph.json").read_text())["relations"] == \
        json.loads((tmp_path / "graph.json").read_text())["relations"]
    assert [t.sentence for t in iter_triples(tmp_path)][1] == 'Say "<b>`x`'


def test_interrupted_save_is_cut_back(tmp_path):
    store = GraphStore()
    store.add_document(DocumentRecord("d1", "h1"), [triple(A, "MEETS", B)])
    store.save(tmp_path)
    size = (tmp_path / "triples.jsonl").stat().st_size
    # A run that appended triples but died before replacing graph.json:
    with (tmp_path / "triples.jsonl").open("a") as fh:
        fh.write('{"partial": tru')
    reopened = GraphStore.load(tmp_path)
    assert (tmp_path / "triples.jsonl").stat().st_size == size
    assert reopened.stats()["documents"] == 1


def test_damaged_graph_file_is_an_error_not_overwritten(tmp_path):
    (tmp_path / "graph.json").write_text("{not json")
    with pytest.raises(StoreError, match="graph.json"):
        GraphStore.load(tmp_path)
    assert (tmp_path / "graph.json").read_text() == "{not json"


# --- asserted mentions: only facts weigh an actor -------------------------------------------


def _counts(store, actor_id):
    n = store.graph.nodes[actor_id]
    return n["mentions"], n["asserted_mentions"]


def test_hedged_mentions_do_not_count_as_asserted():
    store = hedged_store()
    # Every mention is kept for provenance, only facts count as asserted.
    assert _counts(store, PRT.id) == _counts(store, ESP.id) == (2, 2)
    assert _counts(store, HUN.id) == _counts(store, SVK.id) == (10, 0)
    assert [a["id"] for a in store.actors()] == sorted([PRT.id, ESP.id, HUN.id, SVK.id])
    assert all("asserted_mentions" in a for a in store.actors())


def test_asserted_mentions_add_up_across_documents_and_self_relations():
    store = GraphStore()
    store.add_document(DocumentRecord("d1", "h1"), [
        triple(A, "MEETS", B), triple(A, "MEETS", A, start=10),   # self: twice
        triple(A, "MEETS", C, start=20, modality="requested"),
        triple(C, "MEETS", A, start=30, negated=True)])
    store.add_document(DocumentRecord("d2", "h2"), [triple(B, "MEETS", A, doc="d2")])
    assert _counts(store, A.id) == (6, 4)
    assert _counts(store, B.id) == (2, 2)
    assert _counts(store, C.id) == (2, 0)
    # The same number follows from the asserted relations' counts.
    derived = dict.fromkeys(store.graph, 0)
    for u, v, d in store.graph.edges(data=True):
        if d["asserted"]:
            derived[u] += d["count"]
            derived[v] += d["count"]
    assert {n: d["asserted_mentions"] for n, d in store.graph.nodes(data=True)} == derived


def test_graph_json_without_asserted_mentions_still_loads(tmp_path):
    # A graph.json written before asserted_mentions existed: derived from the asserted
    # relations on load, then merging goes on from there.
    store = hedged_store()
    store.add_document(DocumentRecord("d1", "h1"), [
        triple(A, "MEETS", A), triple(A, "MEETS", B, start=9, modality="hypothetical")])
    store.save(tmp_path)
    path = tmp_path / "graph.json"
    payload = json.loads(path.read_text())
    for a in payload["actors"]:
        del a["asserted_mentions"]
    path.write_text(json.dumps(payload))
    old = GraphStore.load(tmp_path)
    assert list(old.actors()) == list(store.actors())
    assert _counts(old, HUN.id) == (10, 0) and _counts(old, A.id) == (3, 2)
    doc, triples = hedged_document("europe-2")
    for s in (old, store):
        s.add_document(doc, triples)
    assert list(old.actors()) == list(store.actors())
    assert _counts(old, PRT.id) == (4, 4) and _counts(old, SVK.id) == (20, 0)
    old.save(tmp_path)
    assert all("asserted_mentions" in a for a in json.loads(path.read_text())["actors"])


def test_graph_json_with_no_relations_loads(tmp_path):
    payload = {"format": "actorgraph.graph", "version": 1, "triples_bytes": 0,
               "documents": [], "relations": [],
               "actors": [{"id": "x", "name": "X", "type": "PERSON", "country": None,
                           "sector": None, "role": None, "aliases": [], "mentions": 0}]}
    (tmp_path / "graph.json").write_text(json.dumps(payload))
    assert GraphStore.load(tmp_path).graph.nodes["x"]["asserted_mentions"] == 0
