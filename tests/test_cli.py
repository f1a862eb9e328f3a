"""The command line as a user meets it: help, tables, pipes, terminals, the store flag."""

from __future__ import annotations

import gzip
import json
import os
import pty
import re
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest

from actorgraph import cli
from actorgraph.api import open_store, summarize
from actorgraph.console import estimate_documents
from actorgraph.graph.query import library_queries

REPO = Path(__file__).resolve().parent.parent
CLI = [sys.executable, "-m", "actorgraph"]
COMMANDS = ["extract", "build", "summary", "view", "query", "load", "schema", "export",
            "check", "eval"]
ANSI = re.compile(r"\x1b\[[0-9;]*m")


@pytest.fixture
def run(capsys, monkeypatch):
    """``actorgraph ARGS`` in this process: (exit code, stdout, stderr)."""
    monkeypatch.setenv("COLUMNS", "100")

    def go(*args: object, columns: int | None = None) -> tuple[int, str, str]:
        if columns:
            monkeypatch.setenv("COLUMNS", str(columns))
        try:
            rc = cli.main([str(a) for a in args])
        except SystemExit as e:  # argparse: --help, usage errors
            rc = e.code
        out, err = capsys.readouterr()
        return rc, out, err

    return go


@pytest.fixture
def out(seeds_out, tmp_path):
    """A private copy of the seeds store (commands here write into OUT)."""
    copy = tmp_path / "out"
    shutil.copytree(seeds_out, copy)
    return copy


def _flat(text: str) -> str:
    """Table text with borders and line breaks removed: what a reader reads."""
    return re.sub(r"[\s│┃|]+", "", text)


def _in_pty(args: list[str], env: dict[str, str], timeout: float = 300,
            stdout: object = None) -> str:
    """Run the CLI with stderr (and stdout, unless given) on a pseudo-terminal; everything
    it printed there."""
    leader, follower = pty.openpty()
    proc = subprocess.Popen([*CLI, *args], stdout=stdout or follower, stderr=follower,
                            cwd=REPO,
                            env={**os.environ, "TERM": "xterm-256color", "COLUMNS": "120",
                                 **env})
    os.close(follower)
    chunks, deadline = [], time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            data = os.read(leader, 65536)
        except OSError:  # the child closed the terminal
            break
        if not data:
            break
        chunks.append(data)
    proc.wait(timeout=30)
    os.close(leader)
    return b"".join(chunks).decode("utf-8", "replace")


# --- help ---------------------------------------------------------------------------------


@pytest.mark.parametrize("command", COMMANDS)
def test_every_help_has_examples(run, command):
    rc, text, _ = run(command, "--help")
    assert rc == 0
    examples = text.split("examples:\n", 1)[1]
    assert f"actorgraph {command}" in examples


def test_top_level_help_lists_every_command(run):
    rc, text, _ = run("--help")
    assert rc == 0 and all(c in text for c in COMMANDS) and "examples:" in text


# --- one way to name the store ------------------------------------------------------------


def test_store_is_dash_o_everywhere(run, out):
    for args in (["summary", "-o", out], ["view", "-o", out], ["export", "-o", out],
                 ["query", "top_actors", "-o", out]):
        rc, _, err = run(*args)
        assert rc == 0, (args, err)
        assert "deprecated" not in err


def test_old_spellings_work_with_a_note(run, out, tmp_path):
    rc, text, err = run("summary", out, "--format", "json")
    assert rc == 0 and json.loads(text)["stats"]["documents"] == 2
    assert "'summary OUT' is deprecated; use 'summary -o OUT'" in err
    rc, _, err = run("query", "--graph", out, "top_actors")
    assert rc == 0 and "'query --graph OUT' is deprecated" in err
    rc, _, err = run("view", out, "-o", tmp_path / "old.html")
    assert rc == 0 and (tmp_path / "old.html").exists()
    assert "use 'view -o OUT --html FILE.html'" in err
    rc, _, err = run("export", out, "--format", "gexf", "-o", tmp_path / "old.gexf")
    assert rc == 0 and (tmp_path / "old.gexf").exists()
    assert "use 'export -o OUT --to PATH'" in err


def test_two_stores_is_a_usage_error(run, out):
    rc, _, err = run("summary", out, "-o", out)
    assert rc == 2 and err.count("\n") == 1 and "use -o OUT only" in err


# --- view, export -------------------------------------------------------------------------


def test_view_writes_out_graph_html_by_default(run, out):
    (out / "graph.html").unlink()
    rc, text, _ = run("view", "-o", out, "--title", "Seeds desk")
    assert rc == 0 and text.strip() == f"view: {out / 'graph.html'}"
    assert "Seeds desk" in (out / "graph.html").read_text(encoding="utf-8")


def test_view_picture_only_leaves_the_page_alone(run, out, tmp_path):
    pytest.importorskip("matplotlib")
    before = (out / "graph.html").stat().st_mtime_ns
    rc, text, _ = run("view", "-o", out, "--png", tmp_path / "g.png", "--max-nodes", "5")
    assert rc == 0 and text.strip() == f"image: {tmp_path / 'g.png'}"
    assert (tmp_path / "g.png").read_bytes()[:4] == b"\x89PNG"
    assert (out / "graph.html").stat().st_mtime_ns == before


def _page_meta(path: Path) -> dict:
    html = path.read_text(encoding="utf-8")
    return json.loads(re.search(r'id="ag-data">(.*?)</script>', html, re.S).group(1))["meta"]


def test_build_caps_the_page_says_so_and_reuses_it(run, out):
    stats = open_store(out).stats()
    args = ["build", REPO / "seeds", "-o", out, "--view-max-nodes", "4",
            "--view-max-edges", "5"]
    rc, text, _ = run(*args)
    assert rc == 0 and "(unchanged" not in text
    assert f"showing the top 4 of {stats['actors']} actors and 5 of {stats['relations']} " \
           "relations; `actorgraph view --max-nodes all` for all" in text
    meta = _page_meta(out / "graph.html")
    assert (meta["drawnNodes"], meta["drawnEdges"]) == (4, 5)
    rc, text, _ = run(*args)
    assert rc == 0 and f"view:  {out / 'graph.html'} (unchanged: nothing new committed)" in text
    assert "showing the top 4 of" in text  # the note of the page left as it is
    rc, text, _ = run("build", REPO / "seeds", "-o", out, "--view-max-nodes", "all",
                      "--view-max-edges", "all")
    assert rc == 0 and "showing" not in text and "(unchanged" not in text
    assert _page_meta(out / "graph.html")["drawnNodes"] == stats["actors"]


def test_view_max_nodes_all_and_max_edges(run, out):
    rc, _, _ = run("view", "-o", out, "--max-nodes", "all", "--max-edges", "3")
    meta = _page_meta(out / "graph.html")
    assert rc == 0 and meta["drawnEdges"] == 3
    assert meta["drawnNodes"] == open_store(out).stats()["actors"]


@pytest.mark.parametrize(("flag", "value"), [("--max-edges", "-2"), ("--max-nodes", "lots")])
def test_a_bad_cap_is_a_usage_error(run, out, flag, value):
    rc, _, err = run("view", "-o", out, flag, value)
    assert rc == 2 and f"argument {flag}: {value!r}: give a" in err


def test_neo4j_failures_are_one_line(run, out):
    for args in (["load", "-o", out], ["query", "top_actors", "--neo4j"]):
        rc, _, err = run(*args, "--uri", "bolt://127.0.0.1:9", "--password", "x")
        assert rc == 1 and err.count("\n") == 1 and "127.0.0.1:9" in err, err
        assert "Traceback" not in err


def test_version(run):
    rc, text, _ = run("--version")
    assert rc == 0 and text.startswith("actorgraph ")


def test_neo4j_admin_command_never_overwrites_by_default(run, out, tmp_path):
    rc, text, _ = run("export", "-o", out, "--format", "neo4j-csv", "--to", tmp_path / "csv")
    assert rc == 0
    command = next(line for line in text.splitlines() if line.startswith("neo4j-admin"))
    assert "--overwrite-destination" not in command
    assert (tmp_path / "csv" / "actors.csv").exists()
    rc, text, _ = run("export", "-o", out, "--format", "neo4j-csv", "--to", tmp_path / "csv",
                      "--overwrite")
    command = next(line for line in text.splitlines() if line.startswith("neo4j-admin"))
    assert rc == 0 and "--overwrite-destination=true" in command


# --- query ----------------------------------------------------------------------------


def test_query_list_and_describe(run):
    rc, text, _ = run("query", "--list", columns=200)
    assert rc == 0
    for name in library_queries():
        assert name in text
    rc, text, _ = run("query", "--describe", "top_actors")
    assert rc == 0 and "param limit: default 10" in text and "LIMIT $limit" in text
    rc, _, err = run("query", "--describe", "nope")
    assert rc == 2 and err.strip() == ("actorgraph: no library query 'nope' ('query --list' "
                                       "shows the library)")


def test_type_r_column_is_named_type_r(run, out):
    cypher = "MATCH (a:Actor)-[r]->(b:Actor) RETURN a.name, type(r), b.name LIMIT 3"
    rc, text, _ = run("query", "-o", out, cypher, "--format", "json")
    assert rc == 0
    assert all(list(json.loads(line)) == ["a.name", "type(r)", "b.name"]
               for line in text.splitlines())
    rc, text, _ = run("query", "-o", out, cypher)
    assert "type(r)" in text.splitlines()[1] and "LABEL" not in text


@pytest.mark.parametrize("columns", [60, 100, 250])
def test_long_cells_wrap_and_are_never_cut(run, out, columns):
    rc, text, _ = run("query", "-o", out, "-f", "pair_evidence", "-p", "a=Kerry", "-p",
                      "b=Lavrov", columns=columns)
    assert rc == 0
    assert max(len(line) for line in text.splitlines()) <= columns
    store = open_store(out)
    sentences = {m["sentence"] for m in _mentions(store, "person:john_kerry",
                                                  "person:sergei_lavrov")}
    shown = _flat(_column(text, "evidence") if "┃" in text else text)
    # List cells are JSON, so a quote inside a sentence reads \".
    assert sentences and all(_flat(json.dumps(s, ensure_ascii=False)[1:-1]) in shown
                             for s in sentences)
    assert text.rstrip().endswith("rows)")


def _column(text: str, name: str) -> str:
    """The cells of one column of a boxed table, in order (wrapped lines joined)."""
    lines = text.splitlines()
    header = next(line for line in lines if "┃" in line and f" {name} " in line)
    bars = [i for i, c in enumerate(header) if c == "┃"]
    start = header.index(f" {name} ")
    left = max(b for b in bars if b < start)
    right = min(b for b in bars if b > start)
    return "".join(line[left + 1:right] for line in lines if line.startswith("│"))


def _mentions(store, a, b):
    if hasattr(store, "mentions"):
        return [*store.mentions(source=a, target=b), *store.mentions(source=b, target=a)]
    return [ev for r in store.relations() if {r["source"], r["target"]} == {a, b}
            for ev in r["evidence"]]


@pytest.mark.parametrize("columns", [30, 120])
def test_cells_are_text_not_markup(run, out, columns):
    value = "[bold]Quux[/bold] [USAGOV] \u8a00\u8449 [/]"
    rc, text, _ = run("query", "-o", out, "RETURN $v AS v, 1 AS n", "-p", f"v={value}",
                      columns=columns)
    assert rc == 0 and _flat(value) in _flat(text)


def test_query_errors_are_one_line(run, out):
    rc, _, err = run("query", "-o", out, "MATCH (a:Actor RETURN a")
    assert rc == 1 and err.count("\n") == 1 and err.startswith("actorgraph: query failed:")
    rc, _, err = run("query", "-o", out, "top_actors", "-p", "limit")
    assert rc == 2 and "expected NAME=VALUE" in err


# --- summary --------------------------------------------------------------------------


def test_summary_json(run, out):
    rc, text, _ = run("summary", "-o", out, "--format", "json", "--top", "3")
    assert rc == 0
    data = json.loads(text)
    assert data["stats"]["documents"] == 2 and len(data["actors"]) == 3
    assert data["actors"][0]["asserted_mentions"] >= data["actors"][-1]["asserted_mentions"]
    rel = data["relations"][0]
    assert rel["asserted"] and rel["evidence"]["sentence"] and rel["source_name"]


def test_summary_text_has_every_evidence_sentence_whole(run, out):
    rc, text, _ = run("summary", "-o", out, "--top", "5", columns=80)
    assert rc == 0 and max(len(line) for line in text.splitlines()) <= 80
    data = summarize(open_store(out), 5)
    for r in data["relations"]:
        assert _flat(r["evidence"]["sentence"]) in _flat(text)


def test_broken_pipe_exits_quietly(out):
    # Enough rows that the output cannot fit in the pipe's buffer before it is closed.
    proc = subprocess.Popen([*CLI, "query", "-o", str(out), "--format", "csv",
                             "UNWIND range(1, 300000) AS i RETURN i"],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, cwd=REPO)
    assert proc.stdout.readline().strip() == b"i"
    proc.stdout.close()
    err = proc.stderr.read().decode()
    assert proc.wait(timeout=120) == 141
    assert err == ""


# --- terminals: colour, progress, status ----------------------------------------------


def test_no_color_is_honoured(seeds_out):
    coloured = _in_pty(["summary", "-o", str(seeds_out), "--top", "2"], {})
    plain = _in_pty(["summary", "-o", str(seeds_out), "--top", "2"], {"NO_COLOR": "1"})
    assert ANSI.search(coloured), coloured
    assert not ANSI.search(plain) and "Russia" in plain


def test_build_shows_model_status_then_progress_with_total(tmp_path):
    corpus = tmp_path / "c.jsonl"
    records = [{"id": f"n{i}", "text": f"Germany condemned Iran {i} times."} for i in range(3)]
    corpus.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    text = ANSI.sub("", _in_pty(["build", str(corpus), "-o", str(tmp_path / "o"),
                                 "--no-view"], {}))
    assert "Loading the spaCy model" in text
    assert "3/3" in text and "ETA" in text, text
    assert "documents read 3, added 3" in text


def test_extract_to_a_file_shows_progress_and_keeps_records_out_of_it(tmp_path):
    inputs = []
    for i in range(3):
        inputs.append(tmp_path / f"{i}.txt")
        inputs[-1].write_text(f"Germany condemned Iran about {i}.", encoding="utf-8")
    with open(tmp_path / "t.jsonl", "w") as f:
        text = ANSI.sub("", _in_pty(["extract", *map(str, inputs)], {}, stdout=f))
    assert "3/3" in text and "3 triples" in text and '"relation"' not in text
    records = (tmp_path / "t.jsonl").read_text(encoding="utf-8").splitlines()
    assert [json.loads(r)["relation"] for r in records] == ["CRITICIZES"] * 3


def test_estimate_counts_files_and_jsonl_records(tmp_path):
    (tmp_path / "a.txt").write_text("x", encoding="utf-8")
    (tmp_path / ".hidden.txt").write_text("x", encoding="utf-8")
    (tmp_path / "notes.csv").write_text("x", encoding="utf-8")
    (tmp_path / "b.jsonl").write_text('{"id":1}\n{"id":2}\n{"id":3}', encoding="utf-8")
    with gzip.open(tmp_path / "c.jsonl.gz", "wt") as f:
        f.write('{"id":1}\n{"id":2}\n')
    assert estimate_documents([tmp_path]) == 1 + 3 + 2
    assert estimate_documents([REPO / "seeds"]) == 2
    assert estimate_documents(["-"]) is None


# --- dates and the flags other branches connect ---------------------------------------


@pytest.mark.parametrize(("value", "since", "until"), [
    ("2024", "2024-01-01", "2024-12-31"), ("2024-02", "2024-02-01", "2024-02-29"),
    ("2023-12", "2023-12-01", "2023-12-31"), ("2024-03-05", "2024-03-05", "2024-03-05")])
def test_since_until_periods(value, since, until):
    assert (cli._since(value), cli._until(value)) == (since, until)


def test_bad_date_is_a_usage_error(run, out):
    rc, _, err = run("summary", "-o", out, "--since", "2024-13")
    assert rc == 2 and "'2024-13' is not a date" in err


def test_since_on_summary_filters(run, out):
    rc, text, err = run("summary", "-o", out, "--format", "json", "--since", "1900",
                        "--until", "1900")
    assert rc == 0 and json.loads(text)["relations"] == [], err


def test_since_on_query_becomes_a_date_parameter(run, out):
    rc, text, _ = run("query", "-o", out, "RETURN $since AS since, $until AS until",
                      "--since", "2024-02", "--until", "2024-02", "--format", "json")
    assert rc == 0 and json.loads(text) == {"since": "2024-02-01", "until": "2024-02-29"}
    rc, _, err = run("query", "-o", out, "top_actors", "--since", "2024")
    assert rc == 2 and err == "actorgraph: --since: top_actors takes no $since parameter\n"


def test_date_dates_plain_inputs(run, tmp_path):
    note = tmp_path / "note.txt"
    note.write_text("Germany condemned Iran.", encoding="utf-8")
    rc, text, err = run("extract", note, "--date", "5 March 2024")
    assert rc == 0, err
    assert json.loads(text.splitlines()[0])["doc_date"] == "2024-03-05"
    rc, text, err = run("build", note, "-o", tmp_path / "o", "--no-view", "-q", "--date",
                        "2024-03-05")
    assert rc == 0, err
    assert [d.date for d in open_store(tmp_path / "o").documents()] == ["2024-03-05"]
    rc, _, err = run("extract", note, "--date", "not a date")
    assert rc == 1 and err.count("\n") == 1 and "not a date" in err, err


def test_check_reports_a_sound_store_and_a_damaged_one(run, out):
    rc, text, err = run("check", "-o", out)
    assert rc == 0, err
    (out / "store.sqlite").write_bytes(b"not a database at all" * 100)
    rc, text, err = run("check", "-o", out)
    assert rc != 0
    assert (text + err).strip().count("\n") <= 3 and "store.sqlite" in text + err


def test_a_second_writer_waits_then_names_the_holder(run, out, tmp_path):
    from actorgraph.graph.store import open_writer

    writer = open_writer(out)  # holds OUT's writer lock, as a running build would
    try:
        t0 = time.monotonic()
        rc, _, err = run("build", REPO / "seeds", "-o", out, "--wait", "1", "-q", "--no-view")
        assert rc != 0 and time.monotonic() - t0 >= 1
        assert err.count("\n") == 1 and str(os.getpid()) in err, err
    finally:
        writer.close()


def test_windows_filter_summary_view_and_export(run, out, tmp_path):
    rc, text, err = run("summary", "-o", out, "--format", "json", "--since", "2999")
    assert rc == 0, err
    assert json.loads(text)["relations"] == []  # the seeds are undated: nothing in 2999
    rc, text, err = run("view", "-o", out, "--since", "2999", "--html", tmp_path / "v.html")
    assert rc == 0 and (tmp_path / "v.html").exists(), err
    rc, text, err = run("export", "-o", out, "--format", "triples", "--to",
                        tmp_path / "t.csv", "--since", "2999")
    assert rc == 0, err
    assert (tmp_path / "t.csv").read_text(encoding="utf-8").count("\n") == 1  # header only


def test_export_triples_and_dynamic_gexf(run, out, tmp_path):
    import networkx as nx

    rc, _, err = run("export", "-o", out, "--format", "triples", "--to", tmp_path / "t.csv")
    assert rc == 0, err
    rows = (tmp_path / "t.csv").read_text(encoding="utf-8").splitlines()
    assert len(rows) - 1 == open_store(out).stats()["mentions"]
    rc, _, err = run("export", "-o", out, "--format", "triples", "--facts-only", "--to",
                     tmp_path / "f.csv")
    assert rc == 0, err
    assert len((tmp_path / "f.csv").read_text(encoding="utf-8").splitlines()) < len(rows)
    rc, _, err = run("export", "-o", out, "--format", "gexf", "--dynamic", "--to",
                     tmp_path / "g.gexf")
    assert rc == 0, err
    assert nx.read_gexf(tmp_path / "g.gexf").number_of_nodes() > 0
    rc, _, err = run("export", "-o", out, "--format", "graphml", "--dynamic")
    assert rc == 2 and "only for --format gexf" in err


def test_frames_from_a_user_file_fire_and_bad_records_get_one_line(run, tmp_path):
    note = tmp_path / "note.txt"
    note.write_text("Germany flummoxed Iran.", encoding="utf-8")
    rc, text, err = run("extract", note, "--no-dictionary")
    assert rc == 0 and text.strip() == "", (text, err)
    frames = tmp_path / "mine.toml"
    frames.write_text('[[frame]]\ntrigger = "flummox"\nrelation = "CRITICIZES"\n'
                      'target = "dobj"\n', encoding="utf-8")
    rc, text, err = run("extract", note, "--no-dictionary", "--frames", frames)
    assert rc == 0, err
    record = json.loads(text.splitlines()[0])
    assert (record["subject"]["id"], record["relation"], record["object"]["id"]) == (
        "country:DEU", "CRITICIZES", "country:IRN")
    bad = tmp_path / "bad.toml"
    bad.write_text('[[frame]]\nrelation = "CRITICIZES"\n', encoding="utf-8")
    rc, _, err = run("extract", note, "--frames", bad)
    assert rc == 1 and err.count("\n") == 1 and f"{bad}:1:" in err, err


def test_no_dates_leaves_records_undated(run, tmp_path):
    note = tmp_path / "note.txt"
    note.write_text("On 3 March Germany condemned Iran.", encoding="utf-8")
    rc, text, err = run("extract", note, "--date", "2024-03-05")
    assert rc == 0, err
    assert json.loads(text.splitlines()[0])["date"] == "2024-03-03"
    rc, text, err = run("extract", note, "--date", "2024-03-05", "--no-dates")
    assert rc == 0, err
    assert json.loads(text.splitlines()[0])["date"] is None


def test_words_from_a_user_file_change_extraction_and_bad_ones_get_one_line(run, tmp_path):
    from actorgraph.extract.wordlists import use_words

    note = tmp_path / "note.txt"
    note.write_text("Peru yearns to attack Chile.", encoding="utf-8")
    mine = tmp_path / "mine.toml"
    mine.write_text('[intent_verbs]\nwords = ["yearn"]\n', encoding="utf-8")
    try:
        rc, text, err = run("extract", note, "--words", mine)
        assert rc == 0, err
        assert json.loads(text.splitlines()[0])["modality"] == "intended"
        bad = tmp_path / "bad.toml"
        bad.write_text('[intent_verb]\nwords = ["yearn"]\n', encoding="utf-8")
        rc, text, err = run("extract", note, "--words", bad)
        assert err.count("\n") == 1 and f"{bad}:1: unknown word list" in err, err
        assert json.loads(text.splitlines()[0])["modality"] == "asserted"
    finally:
        use_words(())  # the lists are the process's; later tests read the shipped ones


def test_actorgraph_s_own_warnings_are_one_line_on_stderr(capsys):
    from actorgraph import cli
    from actorgraph.extract.nlp import ParseRepairWarning

    cli._show_warning(ParseRepairWarning("parse repair x skipped on 'Kenya'"),
                      ParseRepairWarning, "nlp.py", 1)
    err = capsys.readouterr().err.splitlines()
    assert err == ["actorgraph: warning: parse repair x skipped on 'Kenya'"]
