"""Deferred aggregates (store format 3): reads are exact whether deltas are folded or
pending, a fold cut short changes nothing, format 2 stores migrate, check sees pending rows."""

import random
import sqlite3

import pytest

from actorgraph.extract.triples import ActorRef, Triple
from actorgraph.graph import sqlite_fold
from actorgraph.graph.check import check_store
from actorgraph.graph.store import DocumentRecord, StoreError, open_store, open_writer

# Attributes arrive late (country on a later mention) and surface forms vary, so the
# merge rules for first non-empty values and alias unions are exercised across batches.
ACTORS = [ActorRef(f"person:{i}", f"Person {i}", f"P{i}{suffix}", "PERSON",
                   country) for i in range(6) for suffix, country in (("", None),
                                                                    (" jr", "USA"))]
MODES = [(False, "asserted"), (False, "asserted"), (True, "asserted"), (False, "reported"),
         (True, "hypothetical"), (False, "future")]
RELATIONS = [("MEETS", "CONSULT", "VERBAL_COOPERATION"),
             ("ACCUSES", "DISAPPROVE", "VERBAL_CONFLICT")]


def documents(n: int, seed: int = 7) -> list[tuple[DocumentRecord, list[Triple]]]:
    r = random.Random(seed)
    out = []
    for d in range(n):
        h = f"hash-{seed}-{d:04d}"
        date = r.choice([None, f"2024-0{1 + d % 9}-1{d % 10}", "2023-12"])
        triples = []
        for j in range(r.randint(0, 4)):
            s, o = r.sample(ACTORS, 2)
            rel, plover, quad = r.choice(RELATIONS)
            negated, modality = r.choice(MODES)
            triples.append(Triple(
                doc=h, sentence=f"{s.text} {rel} {o.text} {j}.", start=j * 50, end=j * 50 + 30,
                subject=s, relation=rel, object=o, plover=plover, quad=quad, trigger="t",
                negated=negated, modality=modality, confidence=round(r.random(), 3),
                doc_hash=h, date=r.choice([None, date]), date_precision="day",
                date_source="sentence"))
        out.append((DocumentRecord(id=f"d{d}", hash=h, date=date,
                                   source=r.choice([None, "AP", "Reuters", "AFP"])), triples))
    return out


def reads(store) -> dict:
    """Everything a reader sees of the aggregates."""
    return {
        "actors": list(store.actors()),
        "relations": list(store.relations()),
        "facts": list(store.relations(asserted_only=True)),
        "window": list(store.relations(since="2024-02-01", until="2024-06-30")),
        "stats": store.stats(),
        "pair": [m["id"] for m in store.mentions(source="person:1", target="person:2")],
        "subject": [m["id"] for m in store.mentions(source="person:3")],
        "object": [m["id"] for m in store.mentions(target="person:4", asserted=True)],
        "edges": sorted(store.to_networkx(asserted_only=False).edges(keys=True)),
    }


def build(out, monkeypatch, items, fold_every: bool, batch: int = 3):
    monkeypatch.setenv("ACTORGRAPH_FOLD_MIN_ROWS", "0" if fold_every else "100000000")
    monkeypatch.setenv("ACTORGRAPH_FOLD_RATIO", "0")
    w = open_writer(out)
    for i in range(0, len(items), batch):
        w.add_batch(items[i:i + batch])
    return w


def test_folded_and_pending_reads_agree(tmp_path, monkeypatch):
    items = documents(60)
    folded = build(tmp_path / "f", monkeypatch, items, fold_every=True)
    pending = build(tmp_path / "p", monkeypatch, items, fold_every=False)
    assert folded.folds == 20 and pending.folds == 0
    assert sqlite_fold.pending_rows(pending._conn) > 0
    assert sqlite_fold.pending_rows(folded._conn) == 0
    expected = reads(folded)
    assert expected["stats"]["relations"] > 10 and expected["pair"]
    assert reads(pending) == expected
    with open_store(tmp_path / "p") as r:  # a read-only handle merges the same way
        assert reads(r) == expected
    pending.close()  # the close folds
    folded.close()
    for out in ("p", "f"):
        with open_store(tmp_path / out) as r:
            assert reads(r) == expected
            assert sqlite_fold.pending_rows(r._conn) == 0


def test_relation_attributes_are_the_first_mentions(tmp_path, monkeypatch):
    a, b = ACTORS[0], ACTORS[2]

    def doc(n, modality):
        h = f"h{n}"
        t = Triple(doc=h, sentence="s.", start=0, end=2, subject=a, relation="MEETS", object=b,
                   plover="CONSULT", quad=f"Q{n}", trigger="t", negated=True,
                   modality=modality, doc_hash=h)
        return DocumentRecord(id=h, hash=h), [t]

    for fold_every in (True, False):
        out = tmp_path / str(fold_every)
        w = build(out, monkeypatch, [doc(1, "hypothetical"), doc(2, "future"),
                                     doc(3, "reported")], fold_every, batch=1)
        (r,) = w.relations()
        assert (r["modality"], r["quad"], r["count"]) == ("hypothetical", "Q1", 3)
        w.close()


def test_a_fold_cut_short_leaves_the_reads_unchanged(tmp_path, monkeypatch):
    w = build(tmp_path, monkeypatch, documents(30), fold_every=False)
    before = reads(w)
    run, calls = sqlite_fold._run, []

    def failing(conn, sql, args):
        calls.append(sql)
        if len(calls) == 4:  # aggregates upserted, actor deltas deleted: then the kill
            raise KeyboardInterrupt
        run(conn, sql, args)

    monkeypatch.setattr(sqlite_fold, "_run", failing)
    with pytest.raises(KeyboardInterrupt):
        w.fold()
    assert len(calls) == 4 and sqlite_fold.pending_rows(w._conn) > 0
    assert reads(w) == before
    assert check_store(tmp_path).ok
    monkeypatch.setattr(sqlite_fold, "_run", run)
    assert w.fold() and sqlite_fold.pending_rows(w._conn) == 0
    assert reads(w) == before
    w.close()
    assert check_store(tmp_path).ok


def _downgrade_to_v2(path) -> None:
    """The layout format 2 wrote: no delta or lookup tables, the pair and object indexes."""
    c = sqlite3.connect(path)
    for table in ("actor_deltas", "relation_deltas", "mention_pairs", "mention_objects"):
        c.execute(f"DROP TABLE {table}")
    c.execute("CREATE INDEX mentions_pair ON mentions(subject, object)")
    c.execute("CREATE INDEX mentions_object ON mentions(object)")
    c.execute("DELETE FROM meta WHERE key = 'folded_mentions'")
    c.execute("UPDATE meta SET value = '2' WHERE key = 'version'")
    c.commit()
    c.close()


def test_a_v2_store_is_migrated_by_the_writer_and_reads_the_same(tmp_path, monkeypatch):
    items = documents(40)
    build(tmp_path, monkeypatch, items[:30], fold_every=False).close()
    with open_store(tmp_path) as r:
        before = reads(r)
    _downgrade_to_v2(tmp_path / "store.sqlite")
    with pytest.raises(StoreError, match="format 2; the next build into .* migrates it") as e:
        open_store(tmp_path)
    assert "\n" not in str(e.value)
    assert not check_store(tmp_path).ok  # check is a reader: it says so, one line
    w = open_writer(tmp_path)
    assert reads(w) == before
    indexes = {n for (n,) in w._conn.execute("SELECT name FROM sqlite_master WHERE"
                                             " type = 'index'")}
    assert not indexes & {"mentions_pair", "mentions_object"}
    w.add_batch(items[30:])
    w.close()
    assert check_store(tmp_path).ok
    fresh = build(tmp_path / "fresh", monkeypatch, items, fold_every=True)
    with open_store(tmp_path) as r:
        assert reads(r) == reads(fresh)
    fresh.close()


def test_check_merges_pending_deltas_and_finds_a_wrong_one(tmp_path, monkeypatch):
    w = build(tmp_path, monkeypatch, documents(30), fold_every=False)
    report = check_store(tmp_path)  # the writer is still open: deltas pending
    assert report.ok, report.problems
    assert report.counts == w.stats()
    w._conn.execute("UPDATE relation_deltas SET count = count + 1 WHERE rowid = 1")
    report = check_store(tmp_path)
    assert "1 relations whose count differs from their mentions" in report.problems
    w.close()


def test_bad_fold_settings_are_one_line(tmp_path, monkeypatch):
    monkeypatch.setenv("ACTORGRAPH_FOLD_RATIO", "a quarter")
    with open_writer(tmp_path) as w, pytest.raises(
            StoreError, match="ACTORGRAPH_FOLD_RATIO='a quarter': not a number"):
        w.add_batch(documents(1))
