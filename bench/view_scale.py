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
OUTLETS = ["reuters.example", "apnews.example", "afp.example", "bbc.example", "aljazeera.example"]
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
                confidence=round(0.4 + 0.6 * rng.random(), 3), doc_title=title, doc_date=date,
                date=date, date_precision="day", date_source="document"))
        outlet = OUTLETS[(d // triples_per_doc) % len(OUTLETS)]
        store.add_document(DocumentRecord(id=doc_id, hash=f"h{doc_id}", title=title, date=date,
                                          source=outlet,
                                          url=f"https://{outlet}/news/{doc_id}"), triples)
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
          script_start_ms: t.start - origin, parsed_ms: t.parsed - origin,
          datasets_ms: t.datasets - origin, network_ms: t.network - origin,
          dom_content_loaded_ms: nav ? nav.domContentLoadedEventEnd - origin : null,
          all_edges_ms: t.allEdges - origin,
          shown: window.actorgraph.shown(),
          labels: window.actorgraph.labels.placed.length,
          top_labels: window.actorgraph.labels.placed.filter(p => p.top).length};
}"""

OPEN_EVIDENCE = """async () => {
  const a = window.actorgraph;
  const e = a.shownEdges().map(i => a.E[i]).sort((x, y) => y.count - x.count)[0];
  const t = performance.now();
  a.details.edge(e.id);
  while (!document.querySelector('#ag-details .ag-ev')) {
    await new Promise(r => setTimeout(r, 5));
    if (performance.now() - t > 20000) { break; }
  }
  return Math.round(performance.now() - t);
}"""

# Each filter: the change in the page (decide what is shown, hand it to vis-network), then
# the time until the next frame is painted (the re-framing animation's first frame).
INTERACT = """async () => {
  const a = window.actorgraph;
  const frame = () => new Promise(r => requestAnimationFrame(() => setTimeout(r, 0)));
  const out = {};
  async function timed(name, act) {
    const t = performance.now();
    act();
    const sync = performance.now() - t;
    await frame();
    out[name] = {sync_ms: Math.round(sync), to_frame_ms: Math.round(performance.now() - t),
                 shown: a.shown()};
    await new Promise(r => setTimeout(r, 800));  // let the re-framing animation finish
  }
  const quad = document.querySelector('#ag-quads input[data-quad="MATERIAL_CONFLICT"]');
  await timed('quad_off', () => quad.click());
  await timed('quad_on', () => quad.click());
  const min = document.getElementById('ag-min-count');
  await timed('min_count_3', () => { min.value = '3'; min.dispatchEvent(new Event('input')); });
  await timed('min_count_1', () => { min.value = '1'; min.dispatchEvent(new Event('input')); });
  const from = document.getElementById('ag-date-from');
  await timed('date_range', () => { from.value = String(Math.floor(Number(from.max) / 2));
                                     from.dispatchEvent(new Event('input')); });
  await timed('date_all', () => document.getElementById('ag-date-reset').click());
  const hub = a.N.slice().sort((x, y) => y.mentions - x.mentions)[0];
  await timed('focus', () => a.focus(hub.id));
  await timed('clear_focus', () => a.clearFocus());
  let t = performance.now();
  a.network.redraw();
  out.redraw_ms = Math.round(performance.now() - t);
  const c = document.getElementById('ag-network');
  const at = {x: c.clientWidth / 2, y: c.clientHeight / 2};
  t = performance.now();
  a.network.getNodeAt(at);
  a.network.getEdgeAt(at);
  out.hit_test_ms = Math.round((performance.now() - t) * 10) / 10;
  return out;
}"""


def run(actors: int, relations: int, layout: str, out_dir: Path,
        max_nodes: int | None) -> dict[str, object]:
    from actorgraph.graph.view import render_html

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
    side = sorted(out_dir.glob(f"{name}.evidence.*.js"))
    result: dict[str, object] = {
        "actors": actors, "relations": relations, "layout": layout, "max_nodes": max_nodes,
        "store_build_s": round(build_s, 2), "render_html_s": round(render_s, 2),
        "page_mb": round(page_path.stat().st_size / 1e6, 2),
        "evidence_files": len(side),
        "evidence_mb": round(sum(f.stat().st_size for f in side) / 1e6, 2),
        "load_average_before": [round(x, 2) for x in os.getloadavg()],
    }
    result.update(_browse(page_path, out_dir / f"{name}.png"))
    result["load_average_after"] = [round(x, 2) for x in os.getloadavg()]
    return result


def _tree_cpu_seconds() -> float:
    """CPU seconds (user + system) of every live process below this one: the Playwright
    driver and Chromium's processes (read from /proc; Linux only)."""
    parent: dict[int, int] = {}
    ticks: dict[int, int] = {}
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        pid = int(stat.parent.name)
        parent[pid], ticks[pid] = int(fields[1]), int(fields[11]) + int(fields[12])
    mine, total = {os.getpid()}, 0
    changed = True
    while changed:
        changed = False
        for pid, ppid in parent.items():
            if ppid in mine and pid not in mine:
                mine.add(pid)
                changed = True
    total = sum(ticks[p] for p in mine if p != os.getpid() and p in ticks)
    return total / os.sysconf("SC_CLK_TCK")


def _browse(page_path: Path, screenshot: Path) -> dict[str, object]:
    """Open the page, time paint and interactions; CPU seconds of browser and driver."""
    from tests.browser import open_page, wait_for

    cpu0 = _tree_cpu_seconds()
    t = time.perf_counter()
    with open_page(page_path, timeout_ms=600_000) as (page, log):
        wait_for(page, "document.body.dataset.state === 'stable'", timeout_s=600)
        wall = time.perf_counter() - t
        cpu_stable = round(_tree_cpu_seconds() - cpu0, 2)
        timing = page.evaluate(PAGE_TIMING)
        page.screenshot(path=str(screenshot))
        interact = page.evaluate(INTERACT)
        evidence_ms = page.evaluate(OPEN_EVIDENCE)
        # Pointer moves over the canvas: the hit test behind the tooltip on every move.
        box = page.locator("#ag-network").bounding_box()
        moves = 30
        t = time.perf_counter()
        for k in range(moves):
            page.mouse.move(box["x"] + box["width"] * (0.2 + 0.6 * k / moves),
                            box["y"] + box["height"] * (0.3 + 0.4 * ((k * 7) % moves) / moves))
            page.evaluate("new Promise(r => requestAnimationFrame(() => r(0)))")
        hover_ms = (time.perf_counter() - t) * 1000 / moves
        errors, external = list(log.errors), list(log.external_requests)
        cpu_all = round(_tree_cpu_seconds() - cpu0, 2)
    filters = {k: v for k, v in interact.items() if isinstance(v, dict)}
    return {
        "first_paint_ms": round(timing["first_paint_ms"]),
        "paint_stages_ms": {k: round(timing[k]) for k in (
            "script_start_ms", "parsed_ms", "datasets_ms", "network_ms")},
        "all_edges_drawn_ms": round(timing["all_edges_ms"]),
        "stable_ms": round(timing["stable_ms"]),
        "browser_cpu_s_to_stable": cpu_stable,
        "wall_open_to_stable_s": round(wall, 2),
        "shown": timing["shown"],
        "labels_drawn": timing["labels"], "top_labels_drawn": timing["top_labels"],
        "filters": filters,
        "filter_max_to_frame_ms": max(v["to_frame_ms"] for v in filters.values()),
        "redraw_ms": interact["redraw_ms"],
        "open_evidence_ms": evidence_ms,
        "pointer_move_ms": round(hover_ms),
        "tooltip_hit_test_ms": interact["hit_test_ms"],
        "browser_cpu_s_total": cpu_all,
        "console_errors": errors,
        "external_requests": external,
    }


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
