"""The Python front door: ``import actorgraph`` as a notebook user would."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

import actorgraph
from actorgraph.api import NotAvailable

REPO = Path(__file__).resolve().parent.parent
SEEDS = REPO / "seeds"


def _python(code: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                          timeout=300, cwd=REPO)


def test_import_is_cheap_and_lazy():
    r = _python("import sys, actorgraph, actorgraph.cli, actorgraph.console\n"
                "actorgraph.Triple, actorgraph.ActorRef, actorgraph.QueryResult\n"
                "actorgraph.open_store, actorgraph.run_query\n"
                "print(sorted(m for m in ('spacy', 'ladybug', 'pandas', 'matplotlib')"
                " if m in sys.modules))")
    assert r.returncode == 0, r.stderr
    assert r.stdout.strip() == "[]"


def test_the_issue_one_liner():
    r = _python("import actorgraph; print(actorgraph.extract('Kerry met Lavrov in Geneva.'))")
    assert r.returncode == 0, r.stderr
    assert "relation='MEETS'" in r.stdout and "Sergei Lavrov" in r.stdout


def test_record_types_are_the_library_ones():
    from actorgraph.extract.documents import Document
    from actorgraph.extract.events import Event
    from actorgraph.extract.triples import ActorRef, Triple

    assert (actorgraph.Triple, actorgraph.ActorRef, actorgraph.Event,
            actorgraph.Document) == (Triple, ActorRef, Event, Document)
    assert set(actorgraph.__all__) <= set(dir(actorgraph))
    with pytest.raises(AttributeError):
        actorgraph.no_such_thing  # noqa: B018
    # The subpackage is still a package after the front door made it callable.
    import actorgraph.extract.pipeline as pipeline

    assert pipeline.Extractor is actorgraph.extract.pipeline.Extractor


def test_extract_text_paths_documents_and_events(tmp_path):
    text = "Germany condemned Iran."
    assert [t.relation for t in actorgraph.extract(text)] == ["CRITICIZES"]
    f = tmp_path / "a.txt"
    f.write_text(text, encoding="utf-8")
    from_path = actorgraph.extract(f)
    assert [(t.doc, t.relation) for t in from_path] == [("a", "CRITICIZES")]
    doc = actorgraph.Document(id="d1", text=text, title="T")
    assert actorgraph.extract([doc])[0].doc_title == "T"
    records = actorgraph.extract("Ousted President Askar Akayev has agreed to resign.",
                                 events=True)
    assert any(isinstance(r, actorgraph.Event) for r in records)
    dated = actorgraph.extract(text, date="March 5, 2024")
    assert dated[0].doc_date == "2024-03-05"
    with pytest.raises(TypeError, match="not int"):
        actorgraph.extract([3])


def test_extract_reports_bad_inputs(tmp_path):
    problems = []
    assert actorgraph.extract(tmp_path / "missing.txt", on_problem=problems.append) == []
    assert "missing.txt" in str(problems[0])


def test_unknown_option_is_not_silently_ignored():
    with pytest.raises(NotAvailable, match="colour: not available"):
        actorgraph.extract("x", colour="red")


def test_build_open_query_networkx_pandas(tmp_path):
    out = tmp_path / "out"
    summary = actorgraph.build(SEEDS, out, render=False)
    assert summary.documents_added == 2 and summary.triples > 20
    store = actorgraph.open_store(out)
    stats = store.stats()
    assert stats["documents"] == 2
    top = actorgraph.run_query(out, "top_actors", {"limit": 3})
    assert len(top.rows) == 3 and top.columns[:2] == ["id", "name"]
    typed = actorgraph.run_query(out, "MATCH (a:Actor)-[r]->(b:Actor) "
                                      "RETURN a.id, type(r), b.id LIMIT 2")
    assert typed.columns == ["a.id", "type(r)", "b.id"]
    facts = actorgraph.to_networkx(store)
    everything = actorgraph.to_networkx(store, asserted_only=False)
    assert facts.number_of_edges() == stats["asserted_relations"]
    assert everything.number_of_edges() == stats["relations"] > facts.number_of_edges()
    assert all(d["asserted"] for *_, d in facts.edges(data=True))
    frame = actorgraph.to_pandas(store, "relations")
    assert len(frame) == stats["relations"] and {"source", "target", "count"} <= set(frame)
    assert len(actorgraph.to_pandas(store, "actors")) == stats["actors"]
    with pytest.raises(ValueError, match="unknown table"):
        actorgraph.to_pandas(store, "edges")


def test_open_store_without_a_store_is_one_clear_error(tmp_path):
    from actorgraph.graph.store import StoreError

    with pytest.raises(StoreError, match="no store here; build one first") as e:
        actorgraph.open_store(tmp_path)
    assert "\n" not in str(e.value) and str(tmp_path) in str(e.value)


def test_run_query_needs_a_directory_or_a_store_with_one():
    with pytest.raises(TypeError, match="OUT directory"):
        actorgraph.run_query(object(), "RETURN 1 AS x")


def test_since_until_reach_the_store(tmp_path):
    out = tmp_path / "out"
    actorgraph.build(SEEDS, out, render=False, date="2016-10-01")
    store = actorgraph.open_store(out)
    assert actorgraph.to_networkx(store).number_of_edges() > 0
    g = actorgraph.to_networkx(store, since="1900-01-01", until="1900-01-02")
    assert g.number_of_edges() == 0


def test_py_typed_marker_ships():
    assert (Path(actorgraph.__file__).parent / "py.typed").exists()
    import tomllib

    meta = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))
    assert "py.typed" in meta["tool"]["setuptools"]["package-data"]["actorgraph"]


def test_build_caps_the_page_like_the_pipeline(tmp_path):
    import inspect

    from actorgraph import pipeline

    params = inspect.signature(actorgraph.build).parameters
    assert params["view_max_nodes"].default == pipeline.VIEW_MAX_NODES
    assert params["view_max_edges"].default == pipeline.VIEW_MAX_EDGES
    summary = actorgraph.build(SEEDS, tmp_path / "out", view_max_nodes=3, view_max_edges=2)
    assert summary.view_note.startswith("showing the top 3 of ")
    assert "and 2 of " in summary.view_note and not summary.view_unchanged
