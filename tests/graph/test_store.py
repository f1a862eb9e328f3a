import json

import pytest

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
