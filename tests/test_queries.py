"""The query library (queries/*.cypher) on the embedded Cypher graph (LadybugDB).

Every query is checked three ways: its text keeps to the subset of Cypher that Ladybug and
Neo4j 5 share (the same files run on the Bolt server: tests/graph/test_neo4j.py compares
the rows of both engines); its rows equal an independent Python computation over the
store's API (the oracle), on a synthetic graph and on the seeds graph; and on the seeds
graph it returns the facts a reader of the two articles expects.
"""

from __future__ import annotations

import json
import random
import re
from collections import Counter, defaultdict
from pathlib import Path
from typing import Any

import pytest

from actorgraph.extract.lexicon import load_relations
from actorgraph.extract.triples import MODALITIES, ActorRef, Triple
from actorgraph.graph.cypher import library_call, open_cypher, query_params
from actorgraph.graph.model import relation_types
from actorgraph.graph.query import library_queries
from actorgraph.graph.records import day_of
from actorgraph.graph.store import DocumentRecord, MemoryStore, open_store

LIBRARY = library_queries()
REQUIRED = {"top_actors", "actor_relations", "cooperation", "conflict", "pair_evidence",
            "dyad_timeline", "actor_activity", "escalation", "new_relations", "provenance"}
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


_TYPES = re.compile(r"\[r:([A-Z_|\s]+)\]")


@pytest.mark.parametrize(("name", "quads"), [("conflict", CONFLICT),
                                             ("cooperation", COOPERATION)])
def test_typed_queries_list_exactly_the_vocabulary_types_of_their_quads(
        name: str, quads: tuple[str, ...]) -> None:
    # The types are spelled out so Ladybug scans only their tables; a type added to or
    # moved in the vocabulary must show up here, not silently drop out of the query.
    vocab = load_relations()
    found = _TYPES.findall(_body(LIBRARY[name].text))
    assert found, f"{name} no longer matches typed relationships"
    for group in found:
        listed = [t.strip() for t in group.split("|")]
        assert listed == sorted(set(listed))
        assert set(listed) == {t for t in relation_types() if vocab.get(t).quad in quads}


# --- oracles: the same answers computed in Python from the store's API ----------------------------


def _matches(actor: dict[str, Any], value: str) -> bool:
    v = value.lower()
    return (actor["id"].lower() == v or actor["name"].lower() == v
            or any(a.lower() == v for a in actor["aliases"]))


def _in_window(date: str | None, params: dict[str, Any], undated: bool = False) -> bool:
    since, until = params.get("since", ""), params.get("until", "")
    if date is None:
        return undated and not since and not until
    return (not since or date >= since) and (not until or date <= until)


def plain(rows: list[list[Any]]) -> list[list[Any]]:
    """Rows as JSON values: dates as ISO strings, as both engines print them."""
    return json.loads(json.dumps(rows, default=str))


class Oracle:
    """Library query answers from ``open_store(out)``: relations, mentions, actors and
    documents as the store of record holds them, computed without Cypher."""

    def __init__(self, out: Path) -> None:
        with open_store(out) as store:
            self.actors = {a["id"]: a for a in store.actors()}
            self.rels = list(store.relations())
            self.mentions = list(store.mentions())
            self.docs = list(store.documents())
        self.nm = {i: a["name"] for i, a in self.actors.items()}

    def hits(self, value: str) -> set[str]:
        return {i for i, a in self.actors.items() if _matches(a, value)}

    def pair(self, a: str, b: str) -> list[dict[str, Any]]:
        xa, xb = self.hits(a), self.hits(b)
        return [m for m in self.mentions if m["subject"] != m["object"] and (
            (m["subject"] in xa and m["object"] in xb)
            or (m["subject"] in xb and m["object"] in xa))]

    def rel_row(self, r: dict[str, Any]) -> list[Any]:
        return [r["source"], self.nm[r["source"]], r["relation"], r["target"],
                self.nm[r["target"]]]

    def run(self, name: str, params: dict[str, Any]) -> list[list[Any]]:
        method = getattr(self, name, None)
        if method is None:
            raise AssertionError(f"no oracle for library query {name}: add one")
        return plain(method(params))

    @staticmethod
    def by_fact(r: dict[str, Any]) -> tuple:
        return (not r["asserted"], -r["count"], r["relation"], r["source"], r["target"],
                r["factuality"])

    def top_actors(self, p: dict[str, Any]) -> list[list[Any]]:
        deg: Counter = Counter()
        mentions: Counter = Counter()
        partners: dict[str, set] = defaultdict(set)
        for r in self.rels:
            if r["asserted"] and r["source"] != r["target"]:
                for a, b in ((r["source"], r["target"]), (r["target"], r["source"])):
                    deg[a] += 1
                    mentions[a] += r["count"]
                    partners[a].add(b)
        rows = [[a, self.nm[a], self.actors[a]["type"], deg[a], len(partners[a]), mentions[a]]
                for a in deg]
        rows.sort(key=lambda r: (-r[3], -r[5], r[0]))
        return rows[:p["limit"]]

    def actor_relations(self, p: dict[str, Any]) -> list[list[Any]]:
        hit = self.hits(p["actor"])
        sel = sorted((r for r in self.rels if r["source"] in hit or r["target"] in hit),
                     key=self.by_fact)
        return [self.rel_row(r) + [r[k] for k in ("factuality", "asserted", "count", "quad",
                                                   "documents", "outlets", "first_seen",
                                                   "last_seen")] for r in sel]

    def _quads(self, p: dict[str, Any], quads: tuple[str, ...]) -> list[list[Any]]:
        sel = [r for r in self.rels if r["asserted"] and r["quad"] in quads
               and r["count"] >= p["min_count"]]
        sel.sort(key=lambda r: (-r["count"], r["source"], r["relation"], r["target"]))
        return [[r["source"], self.nm[r["source"]], r["relation"], r["quad"], r["target"],
                 self.nm[r["target"]], r["count"], r["documents"], r["outlets"],
                 r["first_seen"], r["last_seen"]] for r in sel][:p["limit"]]

    def cooperation(self, p: dict[str, Any]) -> list[list[Any]]:
        return self._quads(p, COOPERATION)

    def conflict(self, p: dict[str, Any]) -> list[list[Any]]:
        return self._quads(p, CONFLICT)

    def pair_evidence(self, p: dict[str, Any]) -> list[list[Any]]:
        groups: dict[tuple, list[dict[str, Any]]] = defaultdict(list)
        for m in self.pair(p["a"], p["b"]):
            groups[(m["subject"], m["object"], m["relation"], m["factuality"],
                    m["asserted"])].append(m)
        rows = []
        for (s, o, rel, fact, asserted), ms in groups.items():
            ms.sort(key=lambda m: m["id"])
            rows.append([s, self.nm[s], rel, o, self.nm[o], fact, asserted, len(ms),
                         [m["sentence"] for m in ms], [m["doc"] for m in ms]])
        rows.sort(key=lambda r: (not r[6], -r[7], r[2], r[0], r[3], r[5]))
        return rows

    def non_asserted(self, p: dict[str, Any]) -> list[list[Any]]:
        sel = sorted((r for r in self.rels if not r["asserted"]),
                     key=lambda r: (r["factuality"], -r["count"], r["source"], r["relation"],
                                    r["target"]))
        rows = []
        for r in sel[:p["limit"]]:
            ms = sorted((m for m in self.mentions if (m["subject"], m["object"], m["relation"],
                                                      m["factuality"]) ==
                         (r["source"], r["target"], r["relation"], r["factuality"])),
                        key=lambda m: m["id"])
            rows.append([r["factuality"]] + self.rel_row(r) + [
                r["count"], r["documents"], r["outlets"], r["first_seen"], r["last_seen"],
                [m["sentence"] for m in ms]])
        return rows

    def _mentioned(self) -> Counter:
        counts: Counter = Counter()
        for m in self.mentions:
            counts[(m["subject"], m["doc_hash"])] += 1
            counts[(m["object"], m["doc_hash"])] += 1
        return counts

    def documents(self, p: dict[str, Any]) -> list[list[Any]]:
        per_doc: dict[str, set] = defaultdict(set)
        for (a, h) in self._mentioned():
            per_doc[h].add(a)
        rows = [[d.id, d.title, day_of(d.date), d.source, d.triples, len(per_doc[d.hash]),
                 d.hash] for d in self.docs]
        rows.sort(key=lambda r: (r[0], r[6]))
        return rows[:p["limit"]]

    def actor_documents(self, p: dict[str, Any]) -> list[list[Any]]:
        hit = self.hits(p["actor"])
        docs = {d.hash: d for d in self.docs}
        rows = [[a, self.nm[a], docs[h].id, docs[h].title, day_of(docs[h].date), n, h]
                for (a, h), n in self._mentioned().items() if a in hit]
        rows.sort(key=lambda r: (-r[5], r[0], r[2], r[6]))
        return rows

    def actors_by_country(self, p: dict[str, Any]) -> list[list[Any]]:
        n: Counter = Counter()
        am: Counter = Counter()
        m: Counter = Counter()
        asserted: Counter = Counter()  # from the mentions: facts only
        for x in self.mentions:
            if x["asserted"]:
                asserted[x["subject"]] += 1
                asserted[x["object"]] += 1
        for a in self.actors.values():
            if a["country"] is not None:
                n[a["country"]] += 1
                am[a["country"]] += asserted[a["id"]]
                m[a["country"]] += a["mentions"]
        rows = [[c, n[c], am[c], m[c]] for c in n]
        rows.sort(key=lambda r: (-r[2], -r[1], -r[3], r[0]))
        return rows[:p["limit"]]

    def relation_summary(self, p: dict[str, Any]) -> list[list[Any]]:
        groups: dict[tuple, list[int]] = defaultdict(lambda: [0, 0])
        for r in self.rels:
            g = groups[(r["relation"], r["quad"], r["factuality"])]
            g[0] += 1
            g[1] += r["count"]
        rows = [[*k, v[0], v[1]] for k, v in groups.items()]
        rows.sort(key=lambda r: (-r[4], r[0], r[2]))
        return rows

    def _timed(self, ms: list[dict[str, Any]], p: dict[str, Any]) -> list[dict[str, Any]]:
        return [m for m in ms if m["date"] is not None and _in_window(m["date"], p)
                and (m["asserted"] or not p["facts_only"])]

    def dyad_timeline(self, p: dict[str, Any]) -> list[list[Any]]:
        groups: dict[tuple, list[dict[str, Any]]] = defaultdict(list)
        for m in self._timed(self.pair(p["a"], p["b"]), p):
            kind = m["quad"] if p["by"] == "quad" else m["relation"]
            groups[(m["date"][:7], m["subject"], kind, m["object"])].append(m)
        rows = [[month, s, self.nm[s], kind, o, self.nm[o], len(ms),
                 len({m["doc_hash"] for m in ms}),
                 len({m["source"] for m in ms if m["source"] is not None})]
                for (month, s, kind, o), ms in groups.items()]
        rows.sort(key=lambda r: (r[0], r[1], r[3], r[4]))
        return rows

    def actor_activity(self, p: dict[str, Any]) -> list[list[Any]]:
        groups: dict[tuple, list[str]] = defaultdict(list)
        for x in self.hits(p["actor"]):
            for m in self._timed(self.mentions, p):
                if m["subject"] == m["object"] or x not in (m["subject"], m["object"]):
                    continue
                role = "subject" if m["subject"] == x else "object"
                partner = m["object"] if role == "subject" else m["subject"]
                kind = m["quad"] if p["by"] == "quad" else m["relation"]
                groups[(x, m["date"][:7], role, kind)].append(partner)
        rows = [[*k, len(ps), len(set(ps))] for k, ps in groups.items()]
        rows.sort(key=lambda r: (r[0], r[1], r[2] != "subject", r[3]))
        return rows

    def escalation(self, p: dict[str, Any]) -> list[list[Any]]:
        xa = self.hits(p["a"]) if p["a"] else set()
        xb = self.hits(p["b"]) if p["b"] else set()

        def keep(m: dict[str, Any]) -> bool:
            s, o = m["subject"], m["object"]
            if not p["a"]:
                return True
            if not p["b"]:
                return s in xa or o in xa
            return (s in xa and o in xb) or (s in xb and o in xa)

        months: dict[str, list[dict[str, Any]]] = defaultdict(list)
        for m in self._timed(self.mentions, p):
            if keep(m):
                months[m["date"][:7]].append(m)
        rows = []
        for month in sorted(months):
            ms = months[month]
            conflict = sum(m["quad"] in CONFLICT for m in ms)
            rows.append([month, len(ms), conflict, sum(m["quad"] in COOPERATION for m in ms),
                         sum(m["quad"] == "MATERIAL_CONFLICT" for m in ms),
                         round(conflict / len(ms), 3)])
        return rows

    def new_relations(self, p: dict[str, Any]) -> list[list[Any]]:
        sel = [r for r in self.rels if r["first_seen"] is not None
               and r["first_seen"] >= p["since"] and (r["asserted"] or not p["facts_only"])]
        sel.sort(key=lambda r: (r["source"], r["relation"], r["target"], r["factuality"]))
        sel.sort(key=lambda r: r["first_seen"], reverse=True)
        return [[r["source"], self.nm[r["source"]], r["relation"], r["factuality"],
                 r["target"], self.nm[r["target"]], r["first_seen"], r["last_seen"],
                 r["count"], r["documents"], r["outlets"]] for r in sel][:p["limit"]]

    def provenance(self, p: dict[str, Any]) -> list[list[Any]]:
        xs, xt = self.hits(p["source"]), self.hits(p["target"])
        sel = [m for m in self.mentions if m["subject"] in xs and m["object"] in xt
               and m["relation"] == p["relation"] and (m["asserted"] or not p["facts_only"])
               and _in_window(m["date"], p, undated=True)]
        rows = [[m["source"], day_of(m["doc_date"]), m["url"], m["title"], m["sentence"],
                 m["date"], m["factuality"], self.nm[m["subject"]], m["relation"],
                 self.nm[m["object"]], m["id"]] for m in sel]
        rows.sort(key=lambda r: (r[1] is None, r[1] or "", r[10]))
        return rows[:p["limit"]]


# --- a synthetic graph with the awkward cases -----------------------------------------------------

OUTLETS = [None, "AP", "Reuters", "AFP"]


def synthetic_store(seed: int = 11) -> MemoryStore:
    """Hostile and duplicate names, self-relations, every modality, documents repeated by
    id with new content, dates of every precision and none, outlets and none."""
    rng = random.Random(seed)
    vocab = load_relations()
    types = [vocab.get(n) for n in vocab.names()]
    names = ["Ann Lee", "Bob O'Neil", "Zoë Ünal", "`Tick`", "Ann Lee", "ISIS", "Dup Name",
             "Dup Name", "})-[:X]->() DETACH DELETE n //", "Él"]
    actors = [ActorRef(f"a:{i}", n, n.split()[0], "PERSON" if i % 2 else "ORG",
                       [None, "USA", "RUS", "SYR"][i % 4]) for i, n in enumerate(names)]
    store = MemoryStore()
    for d in range(14):
        ts = []
        for j in range(rng.randint(0, 9)):
            s, o = rng.choice(actors), rng.choice(actors)  # self-relations included
            rt = rng.choice(types[:8]) if rng.random() < 0.5 else rng.choice(types)
            day = rng.choice([f"2016-0{1 + j % 4}-{10 + d:02d}", f"2016-0{1 + d % 5}", "2016",
                              None])
            ts.append(Triple(
                doc=f"doc{d % 10}", sentence=f"Sentence {j} of {d}: {s.name} / {o.name}.",
                start=j * 50, end=j * 50 + 40, subject=s, relation=rt.name, object=o,
                plover=rt.plover, quad=rt.quad, trigger="x",
                negated=rng.random() < 0.1,
                modality="asserted" if rng.random() < 0.7 else rng.choice(MODALITIES[1:]),
                doc_hash=f"h{d}", date=day, date_source="sentence" if day else None,
                date_precision=None if day is None else ("day", "month", "year")[
                    2 - day.count("-")]))
        # doc0 .. doc3 come twice with different content (ids repeat, hashes do not).
        date = None if d == 7 else (f"2016-03-0{d % 9 + 1}" if d % 3
                                    else f"2016-03-0{d % 9 + 1}T09:15:00+01:00")
        store.add_document(DocumentRecord(f"doc{d % 10}", f"h{d}", title=f"T{d % 3}" if d % 4
                                          else None, date=date, source=OUTLETS[d % 4],
                                          url=f"https://example.org/{d}"), ts)
    # A dyad with dated facts in two months, both ways, for the timeline queries.
    ann, bob = actors[0], actors[1]
    dyad = [(ann, "MEETS", bob, "2016-02-03"), (bob, "MEETS", ann, "2016-02-20"),
            (ann, "ACCUSES", bob, "2016-03-01"), (ann, "MEETS", bob, "2016-03-02")]
    ts = [Triple("dyad", f"Dyad sentence {i}.", 30 * i, 30 * i + 17, s, rel, o,
                 vocab.get(rel).plover, vocab.get(rel).quad, "x", doc_hash="h-dyad", date=day,
                 date_precision="day", date_source="sentence")
          for i, (s, rel, o, day) in enumerate(dyad)]
    store.add_document(DocumentRecord("dyad", "h-dyad", title="Dyad", date="2016-03-05",
                                      source="AP", url="https://example.org/dyad"), ts)
    return store


@pytest.fixture(scope="module")
def synthetic_out(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("synthetic")
    synthetic_store().save(out)
    return out


PARAMS = {
    "synthetic": [{"actor": "ann LEE"}, {"actor": "a:3"}, {"actor": "dup name"},
                  {"actor": "`Tick`"}, {"a": "ann lee", "b": "Bob"}, {"a": "a:2", "b": "dup name"},
                  {"a": "dup name", "b": "dup name"}, {"a": "ann lee"},
                  # By alias only: Ladybug 0.22 mixes up two any() over one list in a query.
                  {"a": "ANN", "b": "bob", "facts_only": False},
                  {"a": "ann lee", "b": "bob", "by": "quad", "facts_only": False},
                  {"actor": "ann lee", "by": "relation", "since": "2016-02-01",
                   "until": "2016-03-31"},
                  {"since": "2016-03-01"}, {"since": "2016-02-01", "facts_only": False},
                  {"source": "ann lee", "target": "bob", "relation": "MEETS"},
                  {"source": "a:0", "target": "dup name", "relation": "MEETS",
                   "facts_only": False},
                  {"limit": 3}, {"min_count": 2}, {}],
    "seeds": [{"actor": "Kerry"}, {"actor": "country:RUS"}, {"actor": "islamic state"},
              {"a": "kerry", "b": "LAVROV"}, {"a": "Russia", "b": "Syria"}, {"a": "Russia"},
              {"source": "kerry", "target": "lavrov", "relation": "COOPERATES_WITH"},
              {"since": "2016-01-01"}, {"limit": 5}, {}],
}


def _run_all(out: Path, graph_name: str) -> int:
    checked = 0
    oracle = Oracle(out)
    with open_cypher(out) as g:
        for name, q in LIBRARY.items():
            required = {k for k, v in q.params.items() if v is None}
            for p in PARAMS[graph_name]:
                if not required <= set(p) <= set(q.params):
                    continue
                text, params = library_call(name, p)
                got = g.run(text, params)
                assert plain(got.rows) == oracle.run(name, params), f"{name} {p}"
                assert got.rows == g.run(text, params).rows  # deterministic
                checked += 1
    return checked


def test_every_query_matches_its_oracle_on_a_synthetic_graph(synthetic_out: Path) -> None:
    assert _run_all(synthetic_out, "synthetic") >= len(LIBRARY) + 10


REAL = {"actor": "ann lee", "a": "ann lee", "b": "Bob", "source": "ann lee", "target": "bob",
        "relation": "MEETS", "since": "2016-01-01"}


def test_synthetic_graph_has_rows_for_every_query(synthetic_out: Path) -> None:
    # An oracle comparison over empty results would prove nothing.
    with open_cypher(synthetic_out) as g:
        for name, q in LIBRARY.items():
            p = {k: v for k, v in REAL.items() if k in q.params}
            assert g.run_library(name, p).rows, name


def test_oracle_notices_a_wrong_query(synthetic_out: Path) -> None:
    # The oracle comparison can fail: a query that forgets the facts-only filter differs.
    oracle = Oracle(synthetic_out)
    text, params = library_call("cooperation")
    wrong = text.replace("]->(b:Actor)", "|CLAIM]->(b:Actor)")
    assert wrong != text
    text2, params2 = library_call("escalation")
    wrong2 = text2.replace("(m.asserted OR NOT $facts_only)", "(m.asserted OR $facts_only)")
    with open_cypher(synthetic_out) as g:
        assert plain(g.run(wrong, params).rows) != oracle.run("cooperation", params)
        assert plain(g.run(wrong2, params2).rows) != oracle.run("escalation", params2)


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
    store = MemoryStore()
    store.add_document(DocumentRecord("d", "h"), [t(prt, esp, 0), *hedged])
    store.save(tmp_path)
    with open_cypher(tmp_path) as g:
        rows = g.run_library("actors_by_country", {"limit": 2}).records()
        every = g.run_library("actors_by_country").records()
        kinds = g.run("MATCH (a:Actor)-[r]->(b:Actor) WHERE a.id = $id "
                      "RETURN DISTINCT type(r) AS t ORDER BY t", {"id": hun.id}).rows
    assert [r["country"] for r in rows] == ["ESP", "PRT"]
    assert [(r["asserted_mentions"], r["mentions"]) for r in rows] == [(1, 1), (1, 1)]
    assert [(r["country"], r["asserted_mentions"], r["mentions"]) for r in every[2:]] == [
        ("HUN", 0, 10), ("SVK", 0, 10)]
    assert kinds == [["CLAIM"]]  # no vocabulary-typed relationship is non-asserted
    assert [list(r.values()) for r in every] == Oracle(tmp_path).run(
        "actors_by_country", {"limit": 50})


def test_column_names(synthetic_out: Path) -> None:
    with open_cypher(synthetic_out) as g:
        cols = {n: g.run_library(n, {k: REAL[k] for k in q.params if k in REAL}).columns
                for n, q in LIBRARY.items()}
    assert cols["top_actors"] == ["id", "name", "type", "degree", "partners", "mentions"]
    assert cols["actors_by_country"] == ["country", "actors", "asserted_mentions", "mentions"]
    assert cols["cooperation"] == cols["conflict"] == [
        "source_id", "source", "relation", "quad", "target_id", "target", "mentions",
        "documents", "outlets", "first_seen", "last_seen"]
    assert cols["pair_evidence"][-2:] == ["evidence", "evidence_docs"]
    assert cols["actor_relations"][:5] == ["subject_id", "subject", "relation", "object_id",
                                           "object"]
    assert cols["provenance"][:5] == ["outlet", "date", "url", "title", "sentence"]
    assert cols["dyad_timeline"][0] == cols["escalation"][0] == "month"
    assert cols["escalation"][-1] == "conflict_share"


def test_timeline_queries_return_per_month_rows(synthetic_out: Path) -> None:
    with open_cypher(synthetic_out) as g:
        esc = g.run_library("escalation").records()
        months = [r["month"] for r in esc]
        assert months == sorted(set(months)) and len(months) >= 3
        assert all(re.fullmatch(r"\d{4}-\d{2}", m) for m in months)
        assert all(0 <= r["conflict_share"] <= 1 for r in esc)
        windowed = g.run_library("escalation", {"since": "2016-03-01", "until": "2016-03-31"})
        assert [r["month"] for r in windowed.records()] == ["2016-03"]
        dyad = g.run_library("dyad_timeline", {"a": "ann lee", "b": "bob",
                                               "facts_only": False}).records()
        assert dyad and {r["month"] for r in dyad} <= set(months) | {
            r["month"] for r in g.run_library("escalation", {"facts_only": False}).records()}
        activity = g.run_library("actor_activity", {"actor": "ann lee"}).records()
        assert {r["role"] for r in activity} == {"subject", "object"}


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


def test_store_scale_bench_times_every_query_against_a_compare_dir(
        tmp_path: Path, capsys: pytest.CaptureFixture) -> None:
    import importlib.util

    path = Path(__file__).resolve().parents[1] / "bench" / "store_scale.py"
    spec = importlib.util.spec_from_file_location("store_scale", path)
    bench = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(bench)
    other = tmp_path / "other"
    other.mkdir()
    for name, q in LIBRARY.items():  # the library again, as a compare directory
        (other / f"{name}.cypher").write_text(q.text, encoding="utf-8")
    out = tmp_path / "store"
    args = ["--triples", "3000", "--actors", "300", "--relations", "2000", "--repeat", "1",
            "--checkpoints", "1000", "--out", str(out), "--compare-queries", str(other),
            "--results", str(tmp_path / "r.jsonl")]
    assert bench.main(args) == 0
    row = json.loads((tmp_path / "r.jsonl").read_text())["rows"][0]
    assert set(row["warm_ms"]) == set(LIBRARY) | {"escalation_overall"}
    assert row["warm_failed"] == row["compare_failed"] == [] == row["compare_rows_differ"]
    assert all(row["warm_rows"][n] > 0 for n in ("top_actors", "pair_evidence", "provenance"))
    assert row["warm_median_ms"] > 0 and row["first_query_s"] > 0
    assert set(row["speedup"]) == set(row["warm_ms"])
    # Again on the store just built, queries only: the build figures are not repeated.
    assert bench.main(["--queries-only", *args]) == 0
    again = json.loads((tmp_path / "r.jsonl").read_text().splitlines()[1])["rows"][0]
    assert "build_s" not in again and again["index_sync_mode"] == "incremental"
