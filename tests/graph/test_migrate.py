"""An OUT in the first format (graph.json + triples.jsonl) is migrated by the next writer."""

import json

import pytest
from hedged_graph import hedged_document

from actorgraph.graph.store import (
    MemoryStore,
    StoreError,
    migrate_store,
    open_store,
    open_writer,
)


def write_v1(out, items, tail=""):
    """The v1 layout as GraphStore.save wrote it: triples appended in ledger order, then a
    graph.json recording how many bytes of triples.jsonl it covers."""
    out.mkdir(parents=True, exist_ok=True)
    lines = [json.dumps(t.to_dict()) + "\n" for _, triples in items for t in triples]
    data = "".join(lines).encode()
    (out / "triples.jsonl").write_bytes(data + tail.encode())
    docs = [{"id": d.id, "hash": d.hash, "title": d.title, "date": d.date, "source": d.source,
             "url": d.url, "triples": len(t)} for d, t in items]
    (out / "graph.json").write_text(json.dumps({
        "format": "actorgraph.graph", "version": 1, "triples_bytes": len(data),
        "documents": docs, "actors": [], "relations": []}))


def test_old_out_is_migrated_by_a_writer_and_equals_a_new_store(tmp_path):
    items = [hedged_document("a"), hedged_document("b")]
    out = tmp_path / "out"
    write_v1(out, items, tail='{"partial": tru')  # an interrupted v1 run's leftover
    with pytest.raises(StoreError, match="old format.*migrates it"):
        open_store(out)  # a reader does not migrate; it says how
    assert migrate_store(out) == out / "store.sqlite"
    assert not (out / "graph.json").exists() and (out / "v1" / "graph.json").exists()
    fresh = MemoryStore()
    for doc, triples in items:
        fresh.add_document(doc, triples)
    with open_store(out) as s:
        assert list(s.relations()) == list(fresh.relations())
        assert list(s.actors()) == list(fresh.actors())
        assert [d.hash for d in s.documents()] == ["hash-a", "hash-b"]


def test_a_cut_short_migration_resumes(tmp_path):
    items = [hedged_document("a"), hedged_document("b")]
    out = tmp_path / "out"
    write_v1(out, items)
    with open_writer(out, migrate=False) as w:  # as if killed after the first batch
        w.add_batch(items[:1])
    open_writer(out).close()
    with open_store(out) as s:
        assert s.stats()["documents"] == 2 and s.stats()["mentions"] == 24


def test_old_out_with_missing_triples_gives_one_line(tmp_path):
    out = tmp_path / "out"
    write_v1(out, [hedged_document("a")])
    (out / "triples.jsonl").write_text("")
    with pytest.raises(StoreError) as e:
        open_writer(out)
    assert "triples.jsonl: ends before the triples of document a" in str(e.value)
    assert "\n" not in str(e.value)
    assert (out / "graph.json").exists()  # nothing moved


def test_damaged_old_graph_json_gives_one_line(tmp_path):
    out = tmp_path / "out"
    out.mkdir()
    (out / "graph.json").write_text("[]")
    with pytest.raises(StoreError, match="graph.json: cannot migrate the old store"):
        open_writer(out)
