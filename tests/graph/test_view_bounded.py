"""The capped view: bounded store reads equal the full read's top slice; the page says what
it shows; the caps hold; a build that commits nothing new leaves the page alone."""

from __future__ import annotations

import hashlib
import json
import random
import re
from pathlib import Path
from typing import Any

import pytest

from actorgraph.extract.triples import ActorRef, Triple
from actorgraph.graph.store import DocumentRecord, MemoryStore, open_store, open_writer
from actorgraph.graph.view import render_html, render_page, view_data
from actorgraph.graph.view_bounded import bounded_view_data
from actorgraph.graph.view_model import build_view, rank_key, strength_key

RELATIONS = [("MEETS", "CONSULT", "VERBAL_COOPERATION"),
             ("ATTACKS", "ASSAULT", "MATERIAL_CONFLICT"),
             ("CRITICIZES", "DISAPPROVE", "VERBAL_CONFLICT")]


def skewed_documents(n_docs: int, n_actors: int = 40, seed: int = 3) -> list[tuple]:
    """Documents whose triples favour low-numbered actors (ranks with ties and a long tail),
    one in five not asserted, some undated, three outlets."""
    rnd = random.Random(seed)
    actors = [ActorRef(f"actor:{i:02d}", f"Actor {i % 7}", f"Actor {i % 7}",
                       ["PERSON", "COUNTRY"][i % 2]) for i in range(n_actors)]

    def pick() -> ActorRef:
        return actors[min(int(n_actors * rnd.random() ** 2), n_actors - 1)]

    docs = []
    for d in range(n_docs):
        h = hashlib.sha256(f"doc{seed}.{d}".encode()).hexdigest()  # ids take 16 chars
        triples = []
        for j in range(6):
            s, o = pick(), pick()
            rel, plover, quad = RELATIONS[rnd.randrange(3)]
            negated = rnd.random() < 0.2
            triples.append(Triple(
                doc=h, sentence=f"{s.name} {rel.lower()} {o.name} ({d}.{j}).", start=j * 50,
                end=j * 50 + 40, subject=s, relation=rel, object=o, plover=plover, quad=quad,
                trigger=rel.lower(), negated=negated, doc_hash=h,
                date=None if d % 5 == 0 else f"2024-{1 + d % 12:02d}-{1 + d % 28:02d}",
                date_precision="day", date_source="document"))
        docs.append((DocumentRecord(id=f"d{d}", hash=h, title=f"Doc {d}",
                                    source=f"outlet-{d % 3}"), triples))
    return docs


@pytest.fixture(scope="module")
def store() -> MemoryStore:
    s = MemoryStore()
    s.add_batch(skewed_documents(60))
    return s


def _plain(rel: dict[str, Any]) -> dict[str, Any]:
    return {**rel, "days": dict(rel["days"])}


def test_top_actors_is_the_full_reads_ranked_slice(store: MemoryStore) -> None:
    ranked = sorted(store.actors(), key=rank_key)
    for n in (0, 1, 7, 25, 1000):
        assert store.top_actors(n) == ranked[:n]
    assert store.top_actors(None) == ranked
    asserted = store.top_actors(None, asserted_only=True)
    assert asserted == [a for a in ranked if a["asserted_mentions"] > 0]


def test_relations_among_are_those_between_the_ids_strongest_first(store: MemoryStore
                                                                   ) -> None:
    ids = [a["id"] for a in store.top_actors(12)]
    among = [r for r in store.relations() if r["source"] in ids and r["target"] in ids]
    among.sort(key=strength_key)
    assert len(among) > 20  # the cap below bites
    assert store.relations_among(ids) == among
    assert store.relations_among(ids, max_edges=20) == among[:20]
    assert store.relations_among(ids, asserted_only=True) == [r for r in among
                                                              if r["asserted"]]
    assert store.relations_among([]) == []


def test_mentions_of_pairs_are_the_full_reads_mentions_of_those_pairs(store: MemoryStore
                                                                       ) -> None:
    pairs = {(r["source"], r["target"]) for r in store.relations_among(
        [a["id"] for a in store.top_actors(5)])}
    every = list(store.mentions())
    assert list(store.mentions_of(pairs)) == [m for m in every
                                              if (m["subject"], m["object"]) in pairs]
    assert list(store.mentions_of(pairs, asserted=False)) == [
        m for m in every if (m["subject"], m["object"]) in pairs and not m["asserted"]]
    dates = [m["date"] for m in every if m["date"]]
    assert store.date_range() == (min(dates), max(dates))


@pytest.mark.parametrize(("max_nodes", "max_edges"), [(8, None), (15, 30), (40, 5), (0, 10)])
def test_bounded_view_equals_the_full_views_top_slice(store: MemoryStore, max_nodes: int,
                                                      max_edges: int | None) -> None:
    full = build_view(view_data(store), max_nodes, "fast", 7, max_edges=max_edges)
    data = bounded_view_data(store, max_nodes, max_edges)
    bounded = build_view(data, max_nodes, "fast", 7, max_edges=max_edges)
    assert bounded.actors == full.actors
    assert [_plain(r) for r in bounded.relations] == [_plain(r) for r in full.relations]
    assert (bounded.dropped_nodes, bounded.dropped_edges) == (full.dropped_nodes,
                                                              full.dropped_edges)
    assert bounded.summary == full.summary
    assert bounded.positions == full.positions
    if max_edges is not None:
        assert len(bounded.relations) <= max_edges


def test_page_respects_the_caps_and_says_what_it_shows(store: MemoryStore,
                                                       tmp_path: Path) -> None:
    path = render_html(store, tmp_path / "g.html", max_nodes=10, max_edges=12)
    html = path.read_text(encoding="utf-8")
    data = json.loads(re.search(r'id="ag-data">(.*?)</script>', html, re.S).group(1))
    total = store.stats()
    assert data["meta"]["drawnNodes"] == 10 and data["meta"]["drawnEdges"] == 12
    assert data["meta"]["maxEdges"] == 12
    assert f"Showing the top 10 of {total['actors']} actors and 12 of " \
           f"{total['relations']} relations" in html
    assert "actorgraph view --max-nodes all" in html
    # Nothing left out: no note.
    _, note = render_page(store, tmp_path / "all.html", max_nodes=None, max_edges=None)
    assert note is None
    assert "ag-left-out" not in (tmp_path / "all.html").read_text(encoding="utf-8")


def test_a_negative_cap_is_refused(store: MemoryStore, tmp_path: Path) -> None:
    with pytest.raises(ValueError, match="max_edges"):
        render_html(store, tmp_path / "g.html", max_nodes=5, max_edges=-1)


def test_build_reuses_the_page_when_nothing_new_is_committed(tmp_path: Path) -> None:
    from actorgraph.pipeline import VIEW_STAMP, build

    docs = skewed_documents(30)
    out = tmp_path / "out"
    with open_writer(out) as w:
        w.add_batch(docs[:20])
    seeds = Path(__file__).resolve().parents[2] / "seeds"
    first = build([seeds], out, view_max_nodes=6, view_max_edges=9)
    assert not first.view_unchanged and first.view_note.startswith("showing the top 6 of")
    stamp = json.loads((out / VIEW_STAMP).read_text())
    with open_store(out) as s:
        assert stamp["last_batch"] == s.last_batch
    page = (out / "graph.html").read_text(encoding="utf-8")
    again = build([seeds], out, view_max_nodes=6, view_max_edges=9)
    assert again.documents_added == 0 and again.view_unchanged
    assert again.view_note == first.view_note
    assert (out / "graph.html").read_text(encoding="utf-8") == page  # not rewritten
    # Other caps, or a new batch, render again.
    wider = build([seeds], out, view_max_nodes=8, view_max_edges=9)
    assert not wider.view_unchanged and "top 8 of" in wider.view_note
    with open_writer(out) as w:
        w.add_batch(docs[20:])
    newer = build([seeds], out, view_max_nodes=8, view_max_edges=9)
    assert not newer.view_unchanged
    # A page deleted by hand is written again even though nothing is new.
    (out / "graph.html").unlink()
    assert not build([seeds], out, view_max_nodes=8, view_max_edges=9).view_unchanged
    assert (out / "graph.html").is_file()
