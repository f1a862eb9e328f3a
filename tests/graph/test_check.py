import sqlite3

from hedged_graph import hedged_document

from actorgraph.graph.check import check_store, rebuild_store
from actorgraph.graph.store import open_store, open_writer


def built(out):
    with open_writer(out) as w:
        w.add_batch([hedged_document("a")])
        w.add_batch([hedged_document("b")])
    return out


def test_a_sound_store_checks_ok(tmp_path):
    report = check_store(built(tmp_path))
    assert report.ok and report.last_batch == 2
    assert report.counts["documents"] == 2 and report.counts["mentions"] == 24
    assert report.lines()[-1] == "ok"


def test_orphans_and_wrong_counts_are_named_with_a_repair_hint(tmp_path):
    out = built(tmp_path)
    c = sqlite3.connect(out / "store.sqlite")
    c.execute("DELETE FROM documents WHERE id = 'b'")
    c.execute("UPDATE relations SET count = count + 1 WHERE relation = 'MEETS'"
              " AND factuality = 'asserted'")
    c.execute("UPDATE meta SET value = '3' WHERE key = 'last_batch'")
    c.commit()
    c.close()
    report = check_store(out)
    assert not report.ok
    assert "12 mentions whose document is missing" in report.problems
    assert "1 relations whose count differs from their mentions" in report.problems
    assert any("meta.last_batch says 3" in p for p in report.problems)
    assert "build again from the same inputs" in report.repair


def test_a_store_that_will_not_open_is_a_report_not_a_traceback(tmp_path):
    (tmp_path / "store.sqlite").write_bytes(b"\x00garbage" * 64)
    report = check_store(tmp_path)
    assert not report.ok and "not a readable SQLite store" in report.problems[0]


def test_rebuild_store_copies_what_is_readable(tmp_path):
    out = built(tmp_path / "old")
    assert rebuild_store(out, tmp_path / "new") == 2
    with open_store(out) as a, open_store(tmp_path / "new") as b:
        assert list(a.relations()) == list(b.relations())
    assert check_store(tmp_path / "new").ok
