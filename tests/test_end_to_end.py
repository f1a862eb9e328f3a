"""The README's main job, run as a user would: the console script on seeds/."""

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
CLI = [sys.executable, "-m", "actorgraph"]


def run(*args, cwd=REPO, stdin=None):
    return subprocess.run([*CLI, *map(str, args)], cwd=cwd, input=stdin, capture_output=True,
                          text=True, timeout=300, env={**os.environ, "PYTHONUTF8": "1"})


def stored(out):
    """The store in ``out`` as plain records: documents, actors, relations, triples."""
    from dataclasses import asdict

    from actorgraph.graph.store import iter_triples, open_store

    with open_store(out) as s:
        return {"documents": [asdict(d) for d in s.documents()], "actors": list(s.actors()),
                "relations": list(s.relations()),
                "triples": [t.to_dict() for t in iter_triples(out)]}


def find(triples, subj, rel, obj):
    return [t for t in triples if subj in t["subject"]["name"] and t["relation"] == rel
            and obj in t["object"]["name"]]


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    out = tmp_path_factory.mktemp("e2e") / "out"
    r = run("build", "seeds", "-o", out)
    assert r.returncode == 0, r.stderr
    return out, r


def test_build_writes_graph_triples_and_view(built):
    out, r = built
    assert (out / "store.sqlite").exists() and (out / "graph.html").exists()
    triples = stored(out)["triples"]
    assert "documents read 2, added 2" in r.stdout
    # The seeds' signature facts, with their evidence sentences.
    coop = find(triples, "Kerry", "COOPERATES_WITH", "Lavrov")
    assert coop and coop[0]["sentence"].startswith("It is true that Secretary of State John Kerry")
    assert coop[0]["negated"] is False and coop[0]["modality"] == "asserted"
    urge = find(triples, "Petraeus", "URGES", "Obama")
    assert urge and "Petraeus urged president Obama" in urge[0]["sentence"]
    # "Syromolotov never agreed ..." must not count as an asserted agreement.
    assert not [t for t in triples if "Syromolotov" in t["subject"]["name"]
                and t["relation"] == "AGREES_WITH" and t["modality"] == "asserted"
                and not t["negated"]]
    for t in triples:
        text = (REPO / "seeds" / f"{t['doc']}.txt").read_text(encoding="utf-8")
        assert text[t["start"]:t["end"]].replace("’", "'").replace("“", '"').replace(
            "”", '"') == t["sentence"].replace("’", "'").replace("“", '"').replace("”", '"')


def test_incremental_build_does_not_double_count(built, tmp_path):
    out, _ = built
    copy = tmp_path / "out"
    shutil.copytree(out, copy)
    before = stored(copy)
    extra = tmp_path / "more"
    extra.mkdir()
    shutil.copy(REPO / "seeds" / "usa-success-syria-iraq.txt", extra / "renamed-copy.txt")
    (extra / "new.txt").write_text("Germany condemned Iran on Monday.", encoding="utf-8")
    r = run("build", "seeds", extra, "-o", copy, "--no-view")
    assert r.returncode == 0, r.stderr
    assert "added 1, already in the graph 3" in r.stdout
    after = stored(copy)
    assert len(after["documents"]) == len(before["documents"]) + 1
    old = {(x["source"], x["target"], x["relation"], x["factuality"]): x["count"]
           for x in before["relations"]}
    for x in after["relations"]:
        k = (x["source"], x["target"], x["relation"], x["factuality"])
        if k in old:
            assert x["count"] == old[k], k
    assert any(x["relation"] == "CRITICIZES" for x in after["relations"])
    assert len(after["triples"]) == sum(d["triples"] for d in after["documents"])


def test_unreadable_input_reported_others_processed(tmp_path):
    good = tmp_path / "good.txt"
    good.write_text("Germany condemned Iran.", encoding="utf-8")
    bad = tmp_path / "bad.txt"
    bad.write_bytes(b"\x00\x01\x02binary\x00")
    r = run("build", bad, good, tmp_path / "missing.txt", "-o", tmp_path / "out", "--no-view")
    assert r.returncode == 1
    errs = [x for x in r.stderr.splitlines() if x.startswith("actorgraph:")]
    assert any("bad.txt" in e and "binary" in e for e in errs), r.stderr
    assert any("missing.txt" in e for e in errs), r.stderr
    assert "added 1" in r.stdout
    graph = stored(tmp_path / "out")
    assert [d["id"] for d in graph["documents"]] == ["good"]


def test_extract_formats_and_stdin():
    r = run("extract", "-", "--format", "jsonl", stdin="Germany condemned Iran.")
    assert r.returncode == 0, r.stderr
    rec = json.loads(r.stdout.splitlines()[0])
    for key in ("doc", "sentence", "start", "end", "subject", "object", "relation", "plover",
                "quad", "trigger", "negated", "modality", "confidence"):
        assert key in rec
    assert set(rec["subject"]) >= {"id", "name", "text", "type", "country"}
    assert rec["subject"]["country"] == "DEU" and rec["plover"] == "ACCUSE"
    r = run("extract", "-", "--format", "csv", stdin="Germany condemned Iran.")
    assert r.stdout.splitlines()[0].startswith("doc,subject")
    r = run("extract", "-", "--format", "table", stdin="Germany condemned Iran.")
    assert "Germany -CRITICIZES-> Iran" in r.stdout


def test_extract_events_on_request():
    text = "Ousted President Askar Akayev has agreed to resign. Germany condemned Iran."
    plain = run("extract", "-", stdin=text)
    assert plain.returncode == 0, plain.stderr
    assert all("kind" not in json.loads(line) for line in plain.stdout.splitlines())
    r = run("extract", "-", "--events", stdin=text)
    assert r.returncode == 0, r.stderr
    records = [json.loads(line) for line in r.stdout.splitlines()]
    events = [x for x in records if x.get("kind") == "event"]
    assert [(e["actor"]["name"], e["relation"], e["role"], e["modality"]) for e in events] == [
        ("Askar Akayev", "AGREES_WITH", "source", "asserted"),
        ("Askar Akayev", "WITHDRAWS_FROM", "source", "intended")]
    assert [x["relation"] for x in records if "kind" not in x] == ["CRITICIZES"]
    table = run("extract", "-", "--events", "--format", "table", stdin=text).stdout
    assert "Askar Akayev -AGREES_WITH-> (no one named)" in table
    rows = run("extract", "-", "--events", "--format", "csv", stdin=text).stdout.splitlines()
    assert any(row.startswith("stdin,Askar Akayev,PERSON,KGZ,AGREES_WITH,,,,AGREE") for row in rows)


def test_jsonl_corpus_metadata(tmp_path):
    corpus = tmp_path / "c.jsonl"
    corpus.write_text(json.dumps({"id": "n1", "text": "Germany condemned Iran.", "title": "T",
                                  "date": "2020-01-02", "source": "S", "url": "u"}) + "\n")
    r = run("extract", corpus)
    rec = json.loads(r.stdout.splitlines()[0])
    assert rec["doc"] == "n1" and rec["doc_title"] == "T" and rec["doc_date"] == "2020-01-02"


# --- bad --actors files ---------------------------------------------------------------------

DICTIONARY = "FOO_BAR_ [USAGOV\nJANE_QUUX_ [FRAGOV]\n+MINISTER_QUUX_\n"


def test_bad_actor_record_is_one_line_and_the_rest_loads(tmp_path):
    actors = tmp_path / "mine.actors.txt"
    actors.write_text(DICTIONARY, encoding="utf-8")
    r = run("extract", "-", "--actors", actors, stdin="Minister Quux condemned Iran.")
    # Like a skipped input document: one line naming file and line, exit code 1.
    assert r.returncode == 1, r.stderr
    assert r.stderr.splitlines() == [
        f"actorgraph: {actors}:1: unclosed '[' in 'FOO_BAR_ [USAGOV'; entry skipped"]
    rec = json.loads(r.stdout.splitlines()[0])
    assert rec["subject"]["id"] == "person:jane_quux" and rec["subject"]["country"] == "FRA"
    assert "Usagov" not in r.stdout


def test_bad_toml_actor_field_in_build(tmp_path):
    actors = tmp_path / "mine.toml"
    actors.write_text('[[actor]]\nid = "org:acme"\nname = 3\ntype = "ORGANIZATION"\n\n'
                      '[[actor]]\nid = "org:quux"\nname = "Quux Widgets"\ntype = "ORGANIZATION"\n'
                      'country = "FRA"\n', encoding="utf-8")
    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "a.txt").write_text("Quux Widgets condemned Iran.", encoding="utf-8")
    r = run("build", docs, "-o", tmp_path / "out", "--no-view", "-q", "--actors", actors)
    assert r.returncode == 1, r.stderr
    assert r.stderr.splitlines() == [
        f"actorgraph: {actors}:1: actor #1 (id 'org:acme'): name must be a string, not "
        "integer 3; skipped"]
    assert "actor files: 1 bad records skipped" in r.stdout
    graph = stored(tmp_path / "out")
    assert "org:quux" in {a["id"] for a in graph["actors"]}


def test_unusable_actor_file_stops_before_the_store_is_touched(built, tmp_path):
    out, _ = built
    copy = tmp_path / "out"
    shutil.copytree(out, copy)
    before = stored(copy)
    junk = tmp_path / "junk.actors.txt"
    junk.write_bytes(b"\x00\x01\x02binary\x00" * 50)
    r = run("build", REPO / "seeds", tmp_path / "missing.txt", "-o", copy, "--no-view", "-q",
            "--actors", junk)
    assert r.returncode == 1
    assert r.stderr.splitlines() == [
        f"actorgraph: {junk}: not a text file (binary content); expected a PETRARCH/TABARI "
        ".actors.txt dictionary"]
    assert stored(copy) == before


def test_eval_takes_actors_and_relations(tmp_path):
    actors = tmp_path / "mine.actors.txt"
    actors.write_text(DICTIONARY, encoding="utf-8")
    r = run("eval", "--datasets", "seeds", "--no-baseline", "--actors", actors)
    assert r.returncode == 1, r.stderr  # a record was skipped; the report is still made
    assert r.stderr.splitlines() == [
        f"actorgraph eval: {actors}:1: unclosed '[' in 'FOO_BAR_ [USAGOV'; entry skipped"]
    assert "| actor-pair F1 |" in r.stdout
    relations = tmp_path / "mine.toml"
    relations.write_text("[relations.X\n", encoding="utf-8")
    r = run("eval", "--datasets", "seeds", "--no-baseline", "--relations", relations)
    assert r.returncode == 1
    assert r.stderr.startswith(f"actorgraph: {relations}: invalid TOML"), r.stderr
