"""The query library (queries/*.cypher) on the embedded Cypher graph.

Every query is checked three ways: its text keeps to the subset of Cypher that Ladybug and
Neo4j 5 share (the Neo4j loader runs the same files); its rows equal an independent Python
computation over the store (the oracle), on a synthetic graph and on the seeds graph; and
on the seeds graph it returns the facts a reader of the two articles expects.
"""

from __future__ import annotations

import datetime as dt
import random
import re
from collections import Counter, defaultdict
from pathlib import Path
from typing import Any

import pytest

from actorgraph.extract.lexicon import load_relations
from actorgraph.extract.triples import MODALITIES, ActorRef, Triple
from actorgraph.graph.cypher import library_call, open_cypher, query_params
from actorgraph.graph.query import library_queries
from actorgraph.graph.records import day_of
from actorgraph.graph.store import DocumentRecord, GraphStore, iter_triples, open_store

LIBRARY = library_queries()
REQUIRED = {"top_actors", "actor_relations", "cooperation", "conflict", "pair_evidence"}
COOPERATION = ("VERBAL_COOPERATION", "MATERIAL_COOPERATION")
CONFLICT = ("VERBAL_CONFLICT", "MATERIAL_CONFLICT")


# --- the text of every query ----------------------------------------------------------------------

# Functions or syntax one of the two engines lacks (or spells differently).
NOT_COMMON = {
    r"\blabel\s*\(": "label() is Ladybug-only: use type(r)",
    r"\blabels\s*\(": "labels() returns a string in Ladybug, a list in Neo4j",
    r"\b(startNode|endNode|toString|elementId|id)\s*\(": "missing in Ladybug",
    r"\b(list_\w+|lower|upper|lcase|ucase|concat)\s*\(": "Ladybug-only function",
    r"\bshortestPath\s*\(": "Ladybug spells it -[* SHORTEST 1..k]->",
    r"\[\s*\w+\s+IN\s+[^\]]*\|": "no list comprehensions in Ladybug",
    r"\bCALL\s*\{": "no CALL subqueries in Ladybug",
    r"\bapoc\.|\bgds\.": "no plugins",
    r"\[[^\]\n]*\*\s*\d*\s*\.\.": "variable-length walks explode through hubs",
}


def _body(text: str) -> str:
    return re.sub(r"//[^\n]*", "", text)


def test_library_has_the_required_queries() -> None:
    assert REQUIRED <= set(LIBRARY), sorted(REQUIRED - set(LIBRARY))
    assert len(LIBRARY) >= 8


def common_subset_problems(text: str, params: dict[str, Any]) -> list[str]:
    """Why a library query might not run unchanged, with the same rows, on both engines."""
    problems = []
    if query_params(text) != set(params):
        problems.append("header params must match the $params used")
    body = _body(text)
    for pattern, why in NOT_COMMON.items():
        if re.search(pattern, body, re.IGNORECASE):
            problems.append(f"{pattern}: {why}")
    if ";" in body:
        problems.append("one statement only")
    last = body.rfind("RETURN")
    order = body.find("ORDER BY", last)
    if last < 0 or order < 0:
        return problems + ["rows must come in a defined order: end with RETURN ... ORDER BY"]
    items = _split_top(re.sub(r"^\s*DISTINCT\b", "", body[last + len("RETURN"):order]))
    aliases = set()
    for item in items:
        m = re.search(r"\sAS\s+(\w+)\s*$", item)
        if not m:
            problems.append(f"column without an alias: {item.strip()}")
        else:
            aliases.add(m.group(1))
    variables = set(re.findall(r"[(\[]\s*(\w+)\s*[:)\]]", body))
    # Ladybug resolves ORDER BY x to the variable x, Neo4j to the column alias x.
    if aliases & variables:
        problems.append(f"aliases shadow variables: {sorted(aliases & variables)}")
    return problems


@pytest.mark.parametrize("name", sorted(LIBRARY))
def test_query_text_keeps_to_the_common_subset(name: str) -> None:
    q = LIBRARY[name]
    assert q.description and q.description[0].isupper(), "header must say what it answers"
    assert common_subset_problems(q.text, q.params) == []


@pytest.mark.parametrize("text", [
    "MATCH (a:Actor)-[r]->(b) RETURN label(r) AS t ORDER BY t",
    "MATCH (a:Actor) RETURN a.id AS id",
    "MATCH (a:Actor) RETURN a.id ORDER BY a.id",
    "MATCH (a:Actor) RETURN a.id AS a ORDER BY a",
    "MATCH (a:Actor)-[*1..3]-(b:Actor) RETURN b.id AS id ORDER BY id",
    "MATCH (a:Actor) RETURN [x IN a.aliases | toLower(x)] AS al ORDER BY al",
    "MATCH (a:Actor) RETURN toString(a.mentions) AS m ORDER BY m",
    "MATCH (a:Actor) WHERE a.id = $id RETURN a.id AS i ORDER BY i",
])
def test_common_subset_check_can_fail(text: str) -> None:
    assert common_subset_problems(text, {}) != []


def _split_top(s: str) -> list[str]:
    """Split on commas outside brackets and CASE ... END."""
    out, depth, cur = [], 0, ""
    for tok in re.split(r"(\bCASE\b|\bEND\b|[(){}\[\],])", s):
        if tok in ("(", "[", "{", "CASE"):
            depth += 1
        elif tok in (")", "]", "}", "END"):
            depth -= 1
        if tok == "," and depth == 0:
            out.append(cur)
            cur = ""
        else:
            cur += tok
    return [c for c in out + [cur] if c.strip()]


# --- oracles: the same answers computed in Python from the store --------------------------------


def _matches(actor: dict[str, Any], value: str) -> bool:
    v = value.lower()
    return (actor["id"].lower() == v or actor["name"].lower() == v
            or any(a.lower() == v for a in actor["aliases"]))


def _mention_counts(out: Path, store: GraphStore) -> Counter:
    counts: Counter = Counter()
    for t in iter_triples(out):
        counts[(t.subject.id, t.doc_hash)] += 1
        counts[(t.object.id, t.doc_hash)] += 1
    return counts


def oracle(name: str, out: Path, params: dict[str, Any]) -> list[list[Any]]:
    store = open_store(out)
    actors = {a["id"]: a for a in store.actors()}
    evidence: dict[tuple, list[tuple[str, str]]] = defaultdict(list)
    for m in store.mentions():
        evidence[(m["subject"], m["object"], m["relation"], m["factuality"])].append(
            (m["sentence"], m["doc"]))

    def ev(r: dict[str, Any]) -> list[tuple[str, str]]:
        return evidence[(r["source"], r["target"], r["relation"], r["factuality"])]

    def date(value: str | None) -> Any:
        day = day_of(value)
        return dt.date.fromisoformat(day) if day else None
    rels = list(store.relations())
    nm = {i: a["name"] for i, a in actors.items()}

    def rel_row(r: dict[str, Any]) -> list[Any]:
        return [r["source"], nm[r["source"]], r["relation"], r["target"], nm[r["target"]]]

    def by_fact(r: dict[str, Any]) -> tuple:
        return (not r["asserted"], -r["count"], r["relation"], r["source"], r["target"],
                r["factuality"])

    if name == "top_actors":
        deg: Counter = Counter()
        mentions: Counter = Counter()
        partners: dict[str, set] = defaultdict(set)
        for r in rels:
            if r["asserted"] and r["source"] != r["target"]:
                for a, b in ((r["source"], r["target"]), (r["target"], r["source"])):
                    deg[a] += 1
                    mentions[a] += r["count"]
                    partners[a].add(b)
        rows = [[a, nm[a], actors[a]["type"], deg[a], len(partners[a]), mentions[a]]
                for a in deg]
        rows.sort(key=lambda r: (-r[3], -r[5], r[0]))
        return rows[:params["limit"]]
    if name == "actor_relations":
        hit = {i for i, a in actors.items() if _matches(a, params["actor"])}
        sel = sorted((r for r in rels if r["source"] in hit or r["target"] in hit), key=by_fact)
        return [rel_row(r) + [r["factuality"], r["asserted"], r["count"], r["quad"],
                              r["documents"]] for r in sel]
    if name in ("cooperation", "conflict"):
        quads = COOPERATION if name == "cooperation" else CONFLICT
        sel = [r for r in rels if r["asserted"] and r["quad"] in quads
               and r["count"] >= params["min_count"]]
        sel.sort(key=lambda r: (-r["count"], r["source"], r["relation"], r["target"]))
        return [[r["source"], nm[r["source"]], r["relation"], r["quad"], r["target"],
                 nm[r["target"]], r["count"], r["documents"]] for r in sel][:params["limit"]]
    if name == "pair_evidence":
        xa = {i for i, a in actors.items() if _matches(a, params["a"])}
        xb = {i for i, a in actors.items() if _matches(a, params["b"])}
        sel = sorted((r for r in rels if r["source"] != r["target"] and (
            (r["source"] in xa and r["target"] in xb) or (r["source"] in xb and r["target"] in xa)
        )), key=by_fact)
        return [rel_row(r) + [r["factuality"], r["asserted"], r["count"],
                              [e[0] for e in ev(r)], [e[1] for e in ev(r)]] for r in sel]
    if name == "non_asserted":
        sel = sorted((r for r in rels if not r["asserted"]),
                     key=lambda r: (r["factuality"], -r["count"], r["source"], r["relation"],
                                    r["target"]))
        return [[r["factuality"]] + rel_row(r) + [r["count"], [e[0] for e in ev(r)]]
                for r in sel][:params["limit"]]
    if name == "documents":
        per_doc: dict[str, set] = defaultdict(set)
        for (a, h) in _mention_counts(out, store):
            per_doc[h].add(a)
        rows = [[d.id, d.title, date(d.date), d.source, d.triples, len(per_doc[d.hash]),
                 d.hash] for d in store.documents()]
        rows.sort(key=lambda r: (r[0], r[6]))
        return rows[:params["limit"]]
    if name == "actor_documents":
        hit = {i for i, a in actors.items() if _matches(a, params["actor"])}
        docs = {d.hash: d for d in store.documents()}
        rows = [[a, nm[a], docs[h].id, docs[h].title, date(docs[h].date), n, h]
                for (a, h), n in _mention_counts(out, store).items() if a in hit]
        rows.sort(key=lambda r: (-r[5], r[0], r[2], r[6]))
        return rows
    if name == "actors_by_country":
        n: Counter = Counter()
        am: Counter = Counter()
        m: Counter = Counter()
        # From the triples, not the stored counts: facts only for asserted_mentions.
        asserted: Counter = Counter()
        for t in iter_triples(out):
            if t.asserted:
                asserted[t.subject.id] += 1
                asserted[t.object.id] += 1
        for a in actors.values():
            if a["country"] is not None:
                n[a["country"]] += 1
                am[a["country"]] += asserted[a["id"]]
                m[a["country"]] += a["mentions"]
        rows = [[c, n[c], am[c], m[c]] for c in n]
        rows.sort(key=lambda r: (-r[2], -r[1], -r[3], r[0]))
        return rows[:params["limit"]]
    if name == "relation_summary":
        groups: dict[tuple, list[int]] = defaultdict(lambda: [0, 0])
        for r in rels:
            g = groups[(r["relation"], r["quad"], r["factuality"])]
            g[0] += 1
            g[1] += r["count"]
        rows = [[*k, v[0], v[1]] for k, v in groups.items()]
        rows.sort(key=lambda r: (-r[4], r[0], r[2]))
        return rows
    raise AssertionError(f"no oracle for library query {name}: add one")


# --- a synthetic graph with the awkward cases -----------------------------------------------------


def synthetic_store(seed: int = 11) -> GraphStore:
    rng = random.Random(seed)
    vocab = load_relations()
    types = [vocab.get(n) for n in vocab.names()]
    names = ["Ann Lee", "Bob O'Neil", "Zoë Ünal", "`Tick`", "Ann Lee", "ISIS", "Dup Name",
             "Dup Name", "})-[:X]->() DETACH DELETE n //", "Él"]
    actors = [ActorRef(f"a:{i}", n, n.split()[0], "PERSON" if i % 2 else "ORG",
                       [None, "USA", "RUS", "SYR"][i % 4]) for i, n in enumerate(names)]
    store = GraphStore()
    for d in range(12):
        ts = []
        for j in range(rng.randint(0, 9)):
            s, o = rng.choice(actors), rng.choice(actors)  # self-relations included
            rt = rng.choice(types[:8]) if rng.random() < 0.5 else rng.choice(types)
            ts.append(Triple(
                doc=f"doc{d % 10}", sentence=f"Sentence {j} of {d}: {s.name} / {o.name}.",
                start=j * 50, end=j * 50 + 40, subject=s, relation=rt.name, object=o,
                plover=rt.plover, quad=rt.quad, trigger="x",
                negated=rng.random() < 0.1,
                modality="asserted" if rng.random() < 0.7 else rng.choice(MODALITIES[1:]),
                doc_hash=f"h{d}"))
        # doc0 and doc1 come twice with different content (ids repeat, hashes do not).
        store.add_document(DocumentRecord(f"doc{d % 10}", f"h{d}", title=f"T{d % 3}" if d % 4
                                          else None, date="2016-03-0" + str(d % 9 + 1)), ts)
    return store


@pytest.fixture(scope="module")
def synthetic_out(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("synthetic")
    synthetic_store().save(out)
    return out


PARAMS = {
    "synthetic": [{"actor": "ann LEE"}, {"actor": "a:3"}, {"actor": "dup name"},
                  {"actor": "`Tick`"}, {"a": "ann lee", "b": "Bob"}, {"a": "a:2", "b": "dup name"},
                  {"limit": 3}, {"min_count": 2}, {}],
    "seeds": [{"actor": "Kerry"}, {"actor": "country:RUS"}, {"actor": "islamic state"},
              {"a": "kerry", "b": "LAVROV"}, {"a": "Russia", "b": "Syria"}, {"limit": 5}, {}],
}


def _run_all(out: Path, graph_name: str) -> int:
    checked = 0
    with open_cypher(out) as g:
        for name, q in LIBRARY.items():
            required = {k for k, v in q.params.items() if v is None}
            for p in PARAMS[graph_name]:
                if not required <= set(p) <= set(q.params):
                    continue
                text, params = library_call(name, p)
                got = g.run(text, params)
                assert got.rows == oracle(name, out, params), f"{name} {p}"
                assert got.rows == g.run(text, params).rows  # deterministic
                checked += 1
    return checked


def test_every_query_matches_its_oracle_on_a_synthetic_graph(synthetic_out: Path) -> None:
    assert _run_all(synthetic_out, "synthetic") >= len(LIBRARY) + 6


def test_synthetic_graph_has_rows_for_every_query(synthetic_out: Path) -> None:
    # An oracle comparison over empty results would prove nothing.
    with open_cypher(synthetic_out) as g:
        for name, q in LIBRARY.items():
            p = {k: v for k, v in {"actor": "ann lee", "a": "ann lee", "b": "Bob"}.items()
                 if k in q.params}
            assert g.run_library(name, p).rows, name


def test_oracle_notices_a_wrong_query(synthetic_out: Path) -> None:
    # The oracle comparison can fail: a query that forgets the asserted filter differs.
    text, params = library_call("cooperation")
    wrong = text.replace("type(r) <> 'CLAIM' AND ", "")
    assert wrong != text
    with open_cypher(synthetic_out) as g:
        assert g.run(wrong, params).rows != oracle("cooperation", synthetic_out, params)


def test_actors_by_country_ranks_by_asserted_mentions(tmp_path: Path) -> None:
    # One asserted meeting of Portugal and Spain; ten negated or hedged mentions of Hungary
    # and Slovakia. Hedged statements are stored, but only facts rank.
    vocab = load_relations().get("MEETS")
    prt, esp, hun, svk = (ActorRef(f"country:{c}", c, c, "COUNTRY", c)
                          for c in ("PRT", "ESP", "HUN", "SVK"))

    def t(s: ActorRef, o: ActorRef, i: int, negated: bool = False,
          modality: str = "asserted") -> Triple:
        return Triple("d", f"Sentence {i}.", 20 * i, 20 * i + 12, s, "MEETS", o, vocab.plover,
                      vocab.quad, "met", negated=negated, modality=modality, doc_hash="h")

    hedged = [t(hun, svk, i + 1, negated=i % 5 == 0, modality=MODALITIES[1 + i % 7])
              for i in range(10)]
    store = GraphStore()
    store.add_document(DocumentRecord("d", "h"), [t(prt, esp, 0), *hedged])
    store.save(tmp_path)
    with open_cypher(tmp_path) as g:
        rows = g.run_library("actors_by_country", {"limit": 2}).records()
        every = g.run_library("actors_by_country").records()
    assert [r["country"] for r in rows] == ["ESP", "PRT"]
    assert [(r["asserted_mentions"], r["mentions"]) for r in rows] == [(1, 1), (1, 1)]
    assert [(r["country"], r["asserted_mentions"], r["mentions"]) for r in every[2:]] == [
        ("HUN", 0, 10), ("SVK", 0, 10)]
    assert every == [dict(zip(["country", "actors", "asserted_mentions", "mentions"], r,
                              strict=True))
                     for r in oracle("actors_by_country", tmp_path, {"limit": 50})]


def test_column_names(synthetic_out: Path) -> None:
    with open_cypher(synthetic_out) as g:
        cols = {n: g.run_library(n, {k: "x" for k in ("actor", "a", "b") if k in q.params}).columns
                for n, q in LIBRARY.items()}
    assert cols["top_actors"] == ["id", "name", "type", "degree", "partners", "mentions"]
    assert cols["actors_by_country"] == ["country", "actors", "asserted_mentions", "mentions"]
    assert cols["cooperation"] == cols["conflict"] == [
        "source_id", "source", "relation", "quad", "target_id", "target", "mentions", "documents"]
    assert cols["pair_evidence"][-2:] == ["evidence", "evidence_docs"]
    assert cols["actor_relations"][:5] == ["subject_id", "subject", "relation", "object_id",
                                           "object"]


# --- the seeds graph ------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def seeds(seeds_out: Path):
    with open_cypher(seeds_out) as g:
        yield g


def test_every_query_matches_its_oracle_on_the_seeds_graph(seeds_out: Path) -> None:
    assert _run_all(seeds_out, "seeds") >= len(LIBRARY) + 4


def _pairs(rows: list[dict[str, Any]], a: str = "source_id", b: str = "target_id") -> set:
    return {(r[a], r["relation"], r[b]) for r in rows}


def test_seeds_kerry_and_lavrov_cooperate(seeds) -> None:
    rows = seeds.run_library("cooperation", {"limit": 1000}).records()
    kl = {(r["relation"]) for r in rows
          if {r["source"], r["target"]} == {"John Kerry", "Sergei Lavrov"}}
    # "Kerry has been working with ... Lavrov", "Kerry and Lavrov also agreed", "the talks
    # between Kerry and Lavrov": symmetric relations, so both directions.
    assert {"COOPERATES_WITH", "AGREES_WITH"} <= kl, kl
    assert ("person:john_kerry", "COOPERATES_WITH", "person:sergei_lavrov") in _pairs(rows)
    assert ("person:sergei_lavrov", "COOPERATES_WITH", "person:john_kerry") in _pairs(rows)
    assert all(r["quad"] in COOPERATION for r in rows)
    # Kerry and Brennan visited Moscow.
    assert ("person:john_kerry", "VISITS", "country:RUS") in _pairs(rows)


def test_seeds_conflict(seeds) -> None:
    rows = seeds.run_library("conflict", {"limit": 1000}).records()
    assert rows and all(r["quad"] in CONFLICT for r in rows)
    # Nobody is in conflict with Kerry or Lavrov in these two articles.
    assert not {"John Kerry", "Sergei Lavrov"} & {r["source"] for r in rows}
    isis = [r for r in rows if "isis" in (r["source_id"] + r["target_id"])]
    assert isis, rows


def test_seeds_top_actors(seeds) -> None:
    rows = seeds.run_library("top_actors").records()
    assert len(rows) == 10
    top = [r["name"] for r in rows]
    assert {"Russia", "John Kerry", "Sergei Lavrov"} <= set(top[:5]), top
    degrees = [r["degree"] for r in rows]
    assert degrees == sorted(degrees, reverse=True)


def test_seeds_pair_evidence_quotes_the_articles(seeds) -> None:
    rows = seeds.run_library("pair_evidence", {"a": "kerry", "b": "LAVROV"}).records()
    assert {r["subject"] for r in rows} == {"John Kerry", "Sergei Lavrov"}
    sentences = [s for r in rows for s in r["evidence"]]
    assert any("Kerry and Lavrov also agreed" in s for s in sentences), sentences
    assert all(d == "us-russia-joining-forces-raqqa" for r in rows for d in r["evidence_docs"])
    # Same rows with a and b swapped.
    swapped = seeds.run_library("pair_evidence", {"a": "Sergei Lavrov", "b": "john kerry"})
    assert swapped.records() == rows


def test_seeds_actor_relations_include_non_facts(seeds) -> None:
    rows = seeds.run_library("actor_relations", {"actor": "john KERRY"}).records()
    assert rows == seeds.run_library("actor_relations", {"actor": "person:john_kerry"}).records()
    facts = [r for r in rows if r["asserted"]]
    assert facts and facts == rows[:len(facts)]  # facts first
    assert {r["factuality"] for r in rows[len(facts):]} and all(
        r["factuality"] != "asserted" for r in rows[len(facts):])
    # "agreed to put pressure on ... Assad" is an intention, not a fact.
    assert any(r["relation"] == "DEMANDS" and r["object"] == "Bashar al-Assad"
               and not r["asserted"] for r in rows), rows


def test_seeds_non_asserted(seeds) -> None:
    rows = seeds.run_library("non_asserted").records()
    assert all(r["factuality"] != "asserted" for r in rows)
    hyp = [r for r in rows if r["factuality"] == "hypothetical"]
    # "If the Russian and American militaries were to coordinate efforts..."
    assert any("If the Russian and American militaries" in s for r in hyp for s in r["evidence"])


def test_seeds_documents_and_mentions(seeds) -> None:
    docs = seeds.run_library("documents").records()
    assert [d["id"] for d in docs] == ["us-russia-joining-forces-raqqa", "usa-success-syria-iraq"]
    assert all(d["triples"] > 0 and d["actors"] > 1 for d in docs)
    kerry = seeds.run_library("actor_documents", {"actor": "Kerry"}).records()
    assert [k["document"] for k in kerry] == ["us-russia-joining-forces-raqqa"]
    countries = {r["country"] for r in seeds.run_library("actors_by_country").records()}
    assert {"USA", "RUS", "SYR"} <= countries


# --- the latency bench, at toy size ------------------------------------------------------------


def test_latency_bench_runs_small(tmp_path: Path, capsys: pytest.CaptureFixture) -> None:
    import importlib.util

    path = Path(__file__).resolve().parents[1] / "bench" / "query_latency.py"
    spec = importlib.util.spec_from_file_location("query_latency", path)
    bench = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(bench)
    assert bench.main(["--actors", "60", "--relations", "300", "--repeat", "1",
                       "--out", str(tmp_path)]) == 0
    out = capsys.readouterr().out
    assert "store: 60 actors, 300 relationships" in out
    assert "ladybug 0.22.0" in out and "load into Ladybug" in out
    for name in LIBRARY:
        assert re.search(rf"^{name}\s+\d+\s+[\d.]+", out, re.M), name
