"""How fast is the HTML viewer on a big graph? Build, write, open, paint, settle, interact.

    .venv/bin/python bench/view_scale.py                    # 5,000 actors, 20,000 relations
    .venv/bin/python bench/view_scale.py --actors 1000 --relations 4000 --layout physics

Builds a synthetic store (hub-heavy, like news: a few actors take part in most relations;
about 10% of relations not asserted; some mentioned many times), renders it with
``render_html`` and opens the page in headless Chromium from ``file://``. Reported:

- python: store build, ``render_html`` (layout + page) seconds, page size;
- first paint: navigation start to vis-network's first ``afterDrawing``;
- stable: to the layout being final (precomputed layouts: the first drawing; ``physics``:
  when stabilisation ends and physics is switched off);
- interactive: a filter change (hide one quad class, refresh the views, redraw) and a
  neighbourhood focus, each measured in the page, one full redraw, and the mean time of a
  pointer move over the canvas until the next animation frame, and the hit test that finds
  the node or edge under a resting pointer for its tooltip.

Figures are printed with the machine and versions, and saved as JSON under bench/results/.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import random
import sys
import time
from datetime import datetime, timezone
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:  # run as a script: make tests.browser importable
    sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from _common import cpu_model  # noqa: E402

from actorgraph.extract.lexicon import ACTOR_TYPES, load_relations  # noqa: E402
from actorgraph.extract.triples import ActorRef, Triple  # noqa: E402
from actorgraph.graph.store import DocumentRecord, GraphStore  # noqa: E402

TYPE_MIX = {"PERSON": 0.45, "ORGANIZATION": 0.2, "COUNTRY": 0.05, "ARMED_GROUP": 0.1,
            "IGO": 0.05, "MEDIA": 0.05, "PARTY": 0.05, "UNKNOWN": 0.05}
COUNTRIES = ["USA", "RUS", "SYR", "IRQ", "TUR", "IRN", "FRA", "GBR", "DEU", "CHN", None]
WORDS = ["council", "front", "ministry", "brigade", "union", "party", "agency", "league",
         "forces", "committee", "press", "movement", "alliance", "office", "guard"]
SURNAMES = ["Haddad", "Petrov", "Smith", "Yilmaz", "Karimi", "Dubois", "Ivanova", "Nasser",
            "Okafor", "Schmidt", "Zhang", "Garcia", "Rahman", "Novak", "Silva", "Ali"]


def synthetic_store(actors: int = 5000, relations: int = 20000, seed: int = 1,
                    triples_per_doc: int = 25) -> GraphStore:
    """A store with exactly ``actors`` actors (all in some relation) and ``relations`` edges.

    >>> s = synthetic_store(50, 120)
    >>> s.graph.number_of_nodes(), s.graph.number_of_edges()
    (50, 120)
    """
    if relations < actors // 2:
        raise ValueError("need at least actors/2 relations so every actor takes part")
    rng = random.Random(seed)
    vocab = load_relations()
    names = vocab.names()
    types = list(TYPE_MIX)
    people = []
    for i in range(actors):
        t = rng.choices(types, weights=list(TYPE_MIX.values()))[0]
        if t == "PERSON":
            name = f"{rng.choice('ABCDEFGHJKLMNPRST')}. {rng.choice(SURNAMES)} {i}"
        else:
            name = f"{rng.choice(WORDS).title()} {rng.choice(WORDS).title()} {i}"
        people.append(ActorRef(id=f"{t.lower()}:{i}", name=name, text=name.split()[-2],
                               type=t if t in ACTOR_TYPES else "UNKNOWN",
                               country=rng.choice(COUNTRIES),
                               role="spokesperson" if t == "PERSON" and i % 7 == 0 else None))
    # Zipf-like activity: hubs take part in many relations, as in news.
    weights = [1.0 / (rank + 1) ** 0.8 for rank in range(actors)]
    keys: set[tuple[int, int, str, str]] = set()
    order = list(range(actors))
    rng.shuffle(order)
    # Every actor first gets one relation, then the rest follow activity.
    pending = [order[i:i + 2] for i in range(0, actors - 1, 2)]
    while len(keys) < relations:
        if pending:
            a, b = pending.pop()
        else:
            a, b = rng.choices(range(actors), weights=weights, k=2)
        if a == b:
            continue
        rel = rng.choice(names)
        r = rng.random()
        factuality = "asserted" if r < 0.9 else ("negated" if r < 0.95 else "hypothetical")
        keys.add((a, b, rel, factuality))
    mentions: list[tuple[int, int, str, str]] = []
    for key in sorted(keys):
        mentions.extend([key] * (1 if rng.random() < 0.7 else rng.randint(2, 12)))
    rng.shuffle(mentions)
    store = GraphStore()
    for d in range(0, len(mentions), triples_per_doc):
        doc_id = f"doc{d // triples_per_doc:05d}"
        title = f"Report {d // triples_per_doc} on the {rng.choice(WORDS)}"
        date = f"2016-{1 + (d // triples_per_doc) % 12:02d}-{1 + (d * 7) % 28:02d}"
        triples = []
        for j, (a, b, rel, fact) in enumerate(mentions[d:d + triples_per_doc]):
            sense = vocab.get(rel)
            sentence = (f"{people[a].text} and {people[b].text}: a sentence of some length "
                        f"standing in for the evidence of {rel.lower()} ({j}).")
            triples.append(Triple(
                doc=doc_id, sentence=sentence, start=j * 200, end=j * 200 + len(sentence),
                subject=people[a], relation=rel, object=people[b], plover=sense.plover,
                quad=sense.quad, trigger=rel.lower(), negated=fact == "negated",
                modality="hypothetical" if fact == "hypothetical" else "asserted",
                confidence=round(0.4 + 0.6 * rng.random(), 3), doc_title=title, doc_date=date))
        store.add_document(DocumentRecord(id=doc_id, hash=f"h{doc_id}", title=title, date=date),
                           triples)
    return store


def _versions() -> dict[str, str]:
    import networkx
    import pyvis

    from tests.browser import browser_version

    return {
        "python": platform.python_version(),
        "networkx": networkx.__version__,
        "pyvis": getattr(pyvis, "__version__", "0.3.2"),
        "vis-network": "9.1.2",
        "chromium": browser_version(),
        "machine": f"{platform.system()} {platform.machine()}, {os.cpu_count()} CPUs",
        "cpu": cpu_model(),
    }



PAGE_TIMING = """() => {
  const nav = performance.getEntriesByType('navigation')[0];
  const origin = nav ? nav.startTime : 0;
  const t = window.actorgraph.timing;
  return {first_paint_ms: t.firstDraw - origin, stable_ms: t.stable - origin,
          dom_content_loaded_ms: nav ? nav.domContentLoadedEventEnd - origin : null,
          shown: window.actorgraph.shown()};
}"""

INTERACT = """() => {
  const a = window.actorgraph;
  const box = document.querySelector('#ag-quads input[data-quad="MATERIAL_CONFLICT"]');
  let t = performance.now();
  box.click();                       // hide one quad class: filter, refresh views
  a.network.redraw();
  const filter_ms = performance.now() - t;
  const after = a.shown();
  box.click();
  t = performance.now();
  a.network.redraw();
  const redraw_ms = performance.now() - t;
  const hub = a.nodes.get({order: (x, y) => y.mentions - x.mentions})[0];
  t = performance.now();
  a.focus(hub.id);
  a.network.redraw();
  const focus_ms = performance.now() - t;
  const focused = a.shown();
  a.clearFocus();
  const c = document.getElementById('ag-network');
  const at = {x: c.clientWidth / 2, y: c.clientHeight / 2};
  t = performance.now();
  a.network.getNodeAt(at);
  a.network.getEdgeAt(at);
  const hit_test_ms = performance.now() - t;
  return {filter_ms, redraw_ms, focus_ms, hit_test_ms, after_filter: after, focused};
}"""


def run(actors: int, relations: int, layout: str, out_dir: Path,
        max_nodes: int | None) -> dict[str, object]:
    from actorgraph.graph.view import render_html
    from tests.browser import open_page, wait_for

    t = time.perf_counter()
    store = synthetic_store(actors, relations)
    build_s = time.perf_counter() - t
    out_dir.mkdir(parents=True, exist_ok=True)
    name = f"view_{actors}x{relations}_{layout}" + (f"_max{max_nodes}" if max_nodes else "")
    page_path = out_dir / f"{name}.html"
    t = time.perf_counter()
    render_html(store, page_path, layout=layout, max_nodes=max_nodes,  # type: ignore[arg-type]
                title=f"Synthetic {actors:,} x {relations:,}")
    render_s = time.perf_counter() - t
    result: dict[str, object] = {
        "actors": actors, "relations": relations, "layout": layout, "max_nodes": max_nodes,
        "store_build_s": round(build_s, 2), "render_html_s": round(render_s, 2),
        "page_mb": round(page_path.stat().st_size / 1e6, 2),
    }
    t = time.perf_counter()
    with open_page(page_path, timeout_ms=600_000) as (page, log):
        wait_for(page, "document.body.dataset.state === 'stable'", timeout_s=600)
        wall = time.perf_counter() - t
        timing = page.evaluate(PAGE_TIMING)
        page.screenshot(path=str(out_dir / f"{name}.png"))
        interact = page.evaluate(INTERACT)
        # Pointer moves over the canvas: vis-network hit-tests nodes and edges for hover on
        # every move, the cost a user feels most.
        box = page.locator("#ag-network").bounding_box()
        moves = 30
        t = time.perf_counter()
        for k in range(moves):
            page.mouse.move(box["x"] + box["width"] * (0.2 + 0.6 * k / moves),
                            box["y"] + box["height"] * (0.3 + 0.4 * ((k * 7) % moves) / moves))
            page.evaluate("new Promise(r => requestAnimationFrame(() => r(0)))")
        hover_ms = (time.perf_counter() - t) * 1000 / moves
        result.update({
            "first_paint_ms": round(timing["first_paint_ms"]),
            "stable_ms": round(timing["stable_ms"]),
            "wall_open_to_stable_s": round(wall, 2),
            "shown": timing["shown"],
            "filter_ms": round(interact["filter_ms"]),
            "focus_ms": round(interact["focus_ms"]),
            "redraw_ms": round(interact["redraw_ms"]),
            "pointer_move_ms": round(hover_ms),
            "tooltip_hit_test_ms": round(interact["hit_test_ms"], 1),
            "after_filter": interact["after_filter"],
            "focused": interact["focused"],
            "console_errors": log.errors,
            "external_requests": log.external_requests,
        })
    return result


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--actors", type=int, default=5000)
    p.add_argument("--relations", type=int, default=20000)
    p.add_argument("--layout", default="auto", choices=["auto", "spring", "fast", "physics"])
    p.add_argument("--max-nodes", type=int, default=None)
    p.add_argument("--out", type=Path, default=ROOT / "bench" / "results")
    args = p.parse_args(argv)
    versions = _versions()
    result = run(args.actors, args.relations, args.layout, args.out, args.max_nodes)
    record = {"when": datetime.now(timezone.utc).isoformat(timespec="seconds"),
              "versions": versions, "result": result}
    print(json.dumps(record, indent=2))
    suffix = f"_max{args.max_nodes}" if args.max_nodes is not None else ""
    path = args.out / f"view_scale_{args.actors}x{args.relations}_{args.layout}{suffix}.json"
    path.write_text(json.dumps(record, indent=2) + "\n", encoding="utf-8")
    print(f"saved {path}", file=sys.stderr)
    return 0 if not result["console_errors"] and not result["external_requests"] else 1


if __name__ == "__main__":
    sys.exit(main())
