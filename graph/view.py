"""Render the actor network: an offline interactive HTML page and a static PNG/SVG picture.

The page is one self-contained file: vis-network (the copy shipped inside the pinned pyvis
package) and the page's small script are inlined, so it opens from ``file://`` with no network
request at all. Nodes and edges are built with pyvis (its ``Network``, node/edge records and
options) but written through this module's own template, because pyvis 0.3.2's template
links Bootstrap from a CDN even with ``cdn_resources="in_line"``.

>>> from actorgraph.graph.store import GraphStore
>>> from actorgraph.graph.view import render_html, render_image
>>> store = GraphStore.load("out/graph.json")                         # doctest: +SKIP
>>> render_html(store, "out/graph.html")                               # doctest: +SKIP
PosixPath('out/graph.html')
>>> render_html(store, "big.html", max_nodes=500, title="Syria, 2016")  # doctest: +SKIP
>>> render_image(store, "out/graph.png")                               # doctest: +SKIP

What the page offers: node colour by actor type, size by asserted mentions (the relation
mentions stated as fact: an actor named only in negated or hedged ones is drawn smallest and
ranks last when ``max_nodes`` cuts); edge colour by quad class, width by mention count, arrows
for direction; hover tooltips with evidence sentences and their document titles; filters by
quad class, relation type, actor type and minimum count; actor search with neighbourhood
focus; physics on/off. Relations that are not asserted as fact
(negated, hypothetical, requested...) are in the page but hidden until shown (dashed).

Safety: all article text is untrusted. It reaches the page only as JSON inside a
``<script type="application/json">`` block with ``<``, ``>``, ``&`` and U+2028/9 escaped, and
the page script puts it into the DOM with ``textContent`` only. A Content-Security-Policy
allows only the page's own inline scripts (by hash), so even an injected ``onerror=`` handler
could not run, and forbids every network fetch.
"""

from __future__ import annotations

import base64
import hashlib
import json
import math
import re
from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import datetime, timezone
from importlib import resources
from pathlib import Path
from typing import Any, Literal

import networkx as nx
from jinja2 import Environment, FileSystemLoader, select_autoescape

from actorgraph.graph.store import GraphStore

__all__ = [
    "ACTOR_COLOURS",
    "OTHER_COLOUR",
    "QUAD_COLOURS",
    "actor_colour",
    "compute_layout",
    "quad_colour",
    "render_html",
    "render_image",
    "select_actors",
]

#: Node colour per actor type. Blues, purples and browns, so they never read as the
#: green-to-red cooperation/conflict scale the edges use.
ACTOR_COLOURS: dict[str, str] = {
    "PERSON": "#4e79a7",
    "ORGANIZATION": "#76b7b2",
    "COUNTRY": "#b07aa1",
    "ARMED_GROUP": "#7f4f24",
    "IGO": "#edc948",
    "MEDIA": "#ff9da7",
    "PARTY": "#9467bd",
}
OTHER_COLOUR = "#a0a0a0"

#: Edge colour per quad class: greens for cooperation, orange and red for conflict,
#: darker for material (deeds) than for verbal (words).
QUAD_COLOURS: dict[str, str] = {
    "VERBAL_COOPERATION": "#7fbf7b",
    "MATERIAL_COOPERATION": "#1b7837",
    "VERBAL_CONFLICT": "#f4a442",
    "MATERIAL_CONFLICT": "#d7301f",
}
OTHER_QUAD_COLOUR = "#8c8c8c"

LayoutName = Literal["auto", "spring", "fast", "physics"]
#: Above this many nodes ``layout="auto"`` switches from networkx's spring layout (exact but
#: quadratic) to the fast core-and-periphery layout.
SPRING_LIMIT = 400
#: Node radius range in pixels (vis-network scales ``value`` = asserted mentions linearly
#: into it).
NODE_MIN, NODE_MAX = 7, 32
#: Screen pixels per layout unit (the distance between neighbours).
PIXELS_PER_UNIT = 130.0
#: Evidence sentences per relation carried into the page (the store keeps up to 20).
PAGE_EVIDENCE = 3

_ASSETS = Path(__file__).resolve().parent / "assets"
_VIS_VERSION = "9.1.2"


#: Display names for the legends.
TYPE_LABELS = {"PERSON": "Person", "ORGANIZATION": "Organization", "COUNTRY": "Country",
               "ARMED_GROUP": "Armed group", "IGO": "IGO", "MEDIA": "Media", "PARTY": "Party",
               "OTHER": "Other"}
QUAD_LABELS = {"VERBAL_COOPERATION": "verbal cooperation",
               "MATERIAL_COOPERATION": "material cooperation",
               "VERBAL_CONFLICT": "verbal conflict", "MATERIAL_CONFLICT": "material conflict",
               "OTHER": "other"}


def _type_key(actor_type: str | None) -> str:
    key = (actor_type or "").upper()
    return key if key in ACTOR_COLOURS else "OTHER"


def _quad_key(quad: str | None) -> str:
    key = (quad or "").upper()
    return key if key in QUAD_COLOURS else "OTHER"


def actor_colour(actor_type: str | None) -> str:
    """The node colour for an actor type (``OTHER_COLOUR`` for unknown types)."""
    return ACTOR_COLOURS.get((actor_type or "").upper(), OTHER_COLOUR)


def quad_colour(quad: str | None) -> str:
    """The edge colour for a quad class (grey for unknown ones)."""
    return QUAD_COLOURS.get((quad or "").upper(), OTHER_QUAD_COLOUR)


# --- what is drawn ---------------------------------------------------------------------


def _asserted_mentions(d: Mapping[str, Any]) -> int:
    return int(d.get("asserted_mentions") or 0)


def _rank(graph: nx.MultiDiGraph, node: Any) -> tuple[int, int, str, str]:
    """Sort key, most important first: asserted mentions, then all mentions, name, id."""
    d = graph.nodes[node]
    return (-_asserted_mentions(d), -int(d.get("mentions") or 0),
            str(d.get("name") or node), str(node))


def select_actors(store: GraphStore, max_nodes: int | None) -> list[str]:
    """Node ids to draw: all of them, or the ``max_nodes`` with most asserted mentions.

    Only relation mentions asserted as fact rank an actor: one named in any number of
    negated or hedged statements ranks below every actor with an asserted one (among
    themselves by all mentions). Ties are broken by name and id so the same store always
    gives the same picture.

    >>> select_actors(GraphStore(), 10)
    []
    """
    g = store.graph
    ranked = sorted(g.nodes, key=lambda n: _rank(g, n))
    if max_nodes is not None:
        if max_nodes < 0:
            raise ValueError("max_nodes must be >= 0")
        ranked = ranked[:max_nodes]
    return ranked


@dataclass
class _View:
    """The part of the store that is drawn, plus what the page says about the rest."""

    nodes: list[str]
    edges: list[tuple[str, str, str, dict[str, Any]]]
    dropped_nodes: int
    dropped_edges: int
    summary: dict[str, Any] = field(default_factory=dict)


def _view(store: GraphStore, max_nodes: int | None) -> _View:
    g = store.graph
    nodes = select_actors(store, max_nodes)
    keep = set(nodes)
    edges = [(u, v, k, d) for u, v, k, d in g.edges(keys=True, data=True)
             if u in keep and v in keep]
    edges.sort(key=lambda e: (str(e[0]), str(e[1]), str(e[2])))
    return _View(nodes=nodes, edges=edges,
                 dropped_nodes=g.number_of_nodes() - len(nodes),
                 dropped_edges=g.number_of_edges() - len(edges),
                 summary=_summary(store))


def _summary(store: GraphStore) -> dict[str, Any]:
    stats = store.stats()
    dates = sorted(str(d.date)[:10] for d in store.documents() if d.date)
    return {**stats, "first_date": dates[0] if dates else None,
            "last_date": dates[-1] if dates else None}


def _summary_line(s: dict[str, Any]) -> str:
    parts = [f"{s['documents']:,} document{'s' * (s['documents'] != 1)}",
             f"{s['actors']:,} actor{'s' * (s['actors'] != 1)}",
             f"{s['relations']:,} relation{'s' * (s['relations'] != 1)}"
             f" ({s['asserted_relations']:,} asserted)"]
    if s["first_date"]:
        span = s["first_date"] if s["first_date"] == s["last_date"] else \
            f"{s['first_date']} – {s['last_date']}"
        parts.append(span)
    return " · ".join(parts)


# --- layout ----------------------------------------------------------------------------


def compute_layout(graph: nx.Graph, method: str = "auto", *, seed: int = 7,
                   weight: Mapping[Any, float] | None = None) -> dict[Any, tuple[float, float]]:
    """Node positions for ``graph`` (direction and keys ignored), neighbours about 1 apart.

    Each connected component is laid out on its own and the components are packed in rows,
    largest first, so a few stray pairs cannot squeeze the main network into a corner.
    ``spring`` is networkx's Fruchterman-Reingold (good, quadratic: fine to a few hundred
    nodes); ``fast`` lays out the ``SPRING_LIMIT`` heaviest nodes that way, drops every other
    node beside its placed neighbours and pushes overlapping nodes apart, which takes about a
    second for 5,000 nodes; ``auto`` picks per component by size. ``weight`` ranks nodes for
    ``fast`` (default: weighted degree).

    >>> pos = compute_layout(nx.path_graph(3), "spring")
    >>> sorted(pos) == [0, 1, 2] and all(len(p) == 2 for p in pos.values())
    True
    """
    if method not in ("auto", "spring", "fast"):
        raise ValueError(f"unknown layout {method!r}: use auto, spring, fast or physics")
    simple = _simple_undirected(graph)
    if weight is None:
        weight = dict(simple.degree(weight="weight"))
    components = sorted(nx.connected_components(simple),
                        key=lambda c: (-len(c), min(str(v) for v in c)))
    pieces = []
    for comp in components:
        m = len(comp)
        nodes = sorted(comp, key=str)
        if m == 1:
            local = {nodes[0]: (0.0, 0.0)}
        elif m == 2:
            local = {nodes[0]: (-0.6, 0.0), nodes[1]: (0.6, 0.0)}
        else:
            sub = simple.subgraph(nodes)
            how = method if method != "auto" else ("spring" if m <= SPRING_LIMIT else "fast")
            if how == "spring":
                raw = nx.spring_layout(sub, seed=seed, weight="weight",
                                       iterations=100 if m <= 150 else 50)
            else:
                raw = _fast_layout(sub, weight, seed)
            # spring_layout's neighbours sit about 2/sqrt(m) apart in its [-1, 1] box.
            scale = 0.55 * math.sqrt(m)
            local = {v: (x * scale, y * scale) for v, (x, y) in
                     _normalised({v: (float(p[0]), float(p[1])) for v, p in raw.items()}).items()}
        pieces.append(local)
    return _pack(pieces)


def _pack(pieces: list[dict[Any, tuple[float, float]]],
          gap: float = 1.6) -> dict[Any, tuple[float, float]]:
    """Shelf-pack laid-out components (largest first) into a roughly 3:2 picture."""
    boxes = []
    for local in pieces:
        xs = [p[0] for p in local.values()]
        ys = [p[1] for p in local.values()]
        boxes.append((min(xs), min(ys), max(xs) - min(xs) + gap, max(ys) - min(ys) + gap))
    area = sum(w * h for *_, w, h in boxes)
    row_width = max([math.sqrt(area * 1.5), *(w for *_, w, _h in boxes)] or [0.0])
    out: dict[Any, tuple[float, float]] = {}
    x = y = row_height = 0.0
    for local, (x0, y0, w, h) in zip(pieces, boxes, strict=True):
        if x > 0 and x + w > row_width:
            x, y, row_height = 0.0, y + row_height, 0.0
        for v, (px, py) in local.items():
            out[v] = (px - x0 + x, py - y0 + y)
        x += w
        row_height = max(row_height, h)
    if not out:
        return out
    cx = (max(p[0] for p in out.values()) + min(p[0] for p in out.values())) / 2
    cy = (max(p[1] for p in out.values()) + min(p[1] for p in out.values())) / 2
    return {v: (px - cx, py - cy) for v, (px, py) in out.items()}


def _simple_undirected(graph: nx.Graph) -> nx.Graph:
    simple = nx.Graph()
    simple.add_nodes_from(graph.nodes)
    for u, v, d in graph.edges(data=True):
        if u == v:
            continue
        # log weight: one pair mentioned 200 times should not crush every other spring
        w = 1.0 + math.log1p(float(d.get("count") or 1))
        if simple.has_edge(u, v):
            simple.edges[u, v]["weight"] += w
        else:
            simple.add_edge(u, v, weight=w)
    return simple


def _fast_layout(g: nx.Graph, weight: Mapping[Any, float], seed: int) -> dict[Any, Any]:
    import numpy as np

    rng = np.random.default_rng(seed)
    order = sorted(g, key=lambda v: (-float(weight.get(v, 0)), str(v)))
    # The core is the biggest connected piece among the heaviest nodes: a heavy node with no
    # edge to the rest of them would be flung to the rim by the spring layout, dragging its
    # neighbours along, so it is placed like any other node instead.
    heavy = g.subgraph(order[:SPRING_LIMIT])
    core_set = max(nx.connected_components(heavy), key=len)
    core = [v for v in order if v in core_set]
    pos: dict[Any, Any] = dict(nx.spring_layout(g.subgraph(core), seed=seed, weight="weight",
                                                iterations=50))
    spacing = 1.0 / math.sqrt(max(len(core), 1))
    # A node whose neighbours all rank below it waits until one of them is placed.
    rest = [v for v in order if v not in core_set]
    while rest:
        waiting = []
        for v in rest:
            placed = [pos[u] for u in g.adj[v] if u in pos]
            if not placed:
                waiting.append(v)
                continue
            centre, radius = np.mean(placed, axis=0), spacing * (0.5 + 0.7 * rng.random())
            angle = rng.random() * 2 * math.pi
            pos[v] = centre + radius * np.array([math.cos(angle), math.sin(angle)])
        if len(waiting) == len(rest):  # not connected to anything placed: a ring outside
            for v in waiting:
                angle = rng.random() * 2 * math.pi
                pos[v] = (1.1 + 0.2 * rng.random()) * np.array([math.cos(angle), math.sin(angle)])
            break
        rest = waiting
    nodes = list(pos)
    p = np.array([pos[v] for v in nodes], dtype=float)
    extent = np.maximum(p.max(axis=0) - p.min(axis=0), 1e-9)
    dmin = 0.8 * math.sqrt(float(extent.prod()) / len(nodes))
    # Repulsion only between near pairs, so crowding falls and nothing collapses.
    for _ in range(15):
        i, j = _close_pairs(p, dmin)
        if not len(i):
            break
        delta = p[i] - p[j]
        dist = np.maximum(np.hypot(delta[:, 0], delta[:, 1]), 1e-9)[:, None]
        push = delta / dist * (dmin - dist) * 0.25
        _apply_pushes(p, i, j, push, limit=0.5 * dmin)
    return dict(zip(nodes, p, strict=True))


def _separate(pos: dict[Any, tuple[float, float]], radius: Mapping[Any, float],
              pad: float, rounds: int = 40,
              stretch: float = 1.7) -> dict[Any, tuple[float, float]]:
    """Push apart nodes closer than the sum of their radii plus ``pad``, keeping the layout."""
    if len(pos) < 2:
        return pos
    import numpy as np

    nodes = list(pos)
    p = np.array([pos[v] for v in nodes], dtype=float)
    # Labels sit under the discs, so vertical neighbours need more room than side-by-side
    # ones: separate in a space squeezed vertically, then stretch back.
    p[:, 1] /= stretch
    r = np.array([radius[v] for v in nodes], dtype=float)
    reach = 2 * float(r.max()) + pad
    for _ in range(rounds):
        i, j = _close_pairs(p, reach)
        if not len(i):
            break
        delta = p[i] - p[j]
        dist = np.hypot(delta[:, 0], delta[:, 1])
        need = r[i] + r[j] + pad
        close = dist < need
        if not close.any():
            break
        i, j, delta, dist, need = i[close], j[close], delta[close], dist[close], need[close]
        # Coincident points get a fixed direction so they still come apart.
        delta[dist < 1e-9] = (1.0, 0.0)
        dist = np.maximum(dist, 1e-9)
        push = delta / dist[:, None] * ((need - dist) * 0.5)[:, None]
        _apply_pushes(p, i, j, push, limit=float(r.max()) + pad)
    p[:, 1] *= stretch
    return {v: (float(x), float(y)) for v, (x, y) in zip(nodes, p, strict=True)}


def _close_pairs(p: Any, radius: float) -> tuple[Any, Any]:
    """Index pairs ``(i, j)``, ``i != j``, of points closer than ``radius`` (numpy only).

    Points are bucketed in a grid of ``radius``-sized cells and each cell is compared with
    itself and four neighbours, so the cost follows the number of close pairs, not n².
    """
    import numpy as np

    n = len(p)
    empty = np.zeros(0, dtype=np.int64)
    if n < 2 or radius <= 0:
        return empty, empty
    cell = np.floor((p - p.min(axis=0)) / radius).astype(np.int64)
    width = int(cell[:, 0].max()) + 3
    key = (cell[:, 1] + 1) * width + (cell[:, 0] + 1)  # +1: neighbours' keys stay >= 0
    order = np.argsort(key, kind="stable")
    sorted_keys = key[order]
    found_i, found_j = [], []
    for dx, dy in ((0, 0), (1, 0), (-1, 1), (0, 1), (1, 1)):
        target = key + dy * width + dx
        lo = np.searchsorted(sorted_keys, target, "left")
        count = np.searchsorted(sorted_keys, target, "right") - lo
        total = int(count.sum())
        if not total:
            continue
        i = np.repeat(np.arange(n), count)
        within = np.arange(total) - np.repeat(np.cumsum(count) - count, count)
        j = order[np.repeat(lo, count) + within]
        if dx == 0 and dy == 0:
            keep = j > i
            i, j = i[keep], j[keep]
        found_i.append(i)
        found_j.append(j)
    if not found_i:
        return empty, empty
    i, j = np.concatenate(found_i), np.concatenate(found_j)
    d = p[i] - p[j]
    close = np.hypot(d[:, 0], d[:, 1]) < radius
    return i[close], j[close]


def _apply_pushes(p: Any, i: Any, j: Any, push: Any, limit: float) -> None:
    """Move point ``i`` by ``+push`` and ``j`` by ``-push`` for each pair, at most ``limit``.

    The cap matters for hubs: a node crowded by hundreds of neighbours would otherwise add
    up all their pushes and be flung out of the middle of its own neighbourhood.
    """
    import numpy as np

    total = np.zeros_like(p)
    for dim in (0, 1):
        total[:, dim] = (np.bincount(i, push[:, dim], len(p))
                         - np.bincount(j, push[:, dim], len(p)))
    length = np.hypot(total[:, 0], total[:, 1])
    too_far = length > limit
    total[too_far] *= (limit / length[too_far])[:, None]
    p += total


def _normalised(pos: Mapping[Any, tuple[float, float]]) -> dict[Any, tuple[float, float]]:
    """Centre positions and scale them into [-1, 1]² keeping the aspect ratio."""
    if not pos:
        return {}
    xs = [p[0] for p in pos.values()]
    ys = [p[1] for p in pos.values()]
    cx, cy = (max(xs) + min(xs)) / 2, (max(ys) + min(ys)) / 2
    half = max(max(xs) - min(xs), max(ys) - min(ys)) / 2 or 1.0
    return {v: ((x - cx) / half, (y - cy) / half) for v, (x, y) in pos.items()}


def _radii(view: _View, graph: nx.MultiDiGraph) -> dict[Any, float]:
    """Disc radius in pixels per node, as vis-network draws ``value`` = asserted mentions."""
    mentions = {v: _asserted_mentions(graph.nodes[v]) for v in view.nodes}
    lo, hi = min(mentions.values(), default=0), max(mentions.values(), default=0)
    return {v: NODE_MIN + (NODE_MAX - NODE_MIN) * ((m - lo) / (hi - lo) if hi > lo else 0.5)
            for v, m in mentions.items()}


def _positions(view: _View, graph: nx.MultiDiGraph, layout: str | Mapping[Any, Any],
               seed: int) -> dict[Any, tuple[float, float]] | None:
    """Screen positions in pixels (y down), the same for the page and the picture."""
    if isinstance(layout, Mapping):
        missing = [n for n in view.nodes if n not in layout]
        if missing:
            raise ValueError(f"layout has no position for {len(missing)} node(s), "
                             f"e.g. {missing[0]!r}")
        given = _normalised({n: (float(layout[n][0]), float(layout[n][1])) for n in view.nodes})
        scale = PIXELS_PER_UNIT * 0.55 * math.sqrt(len(given))
        return {n: (x * scale, y * scale) for n, (x, y) in given.items()}
    if layout == "physics":
        return None
    sub = nx.MultiDiGraph()
    sub.add_nodes_from(view.nodes)
    sub.add_edges_from((u, v, k, d) for u, v, k, d in view.edges)
    weight = {n: float(_asserted_mentions(graph.nodes[n])) for n in view.nodes}
    pos = compute_layout(sub, layout, seed=seed, weight=weight)
    # Layout units put neighbours about 1 apart; then move apart nodes whose discs (sized by
    # asserted mentions) and labels would overlap.
    return _separate({v: (x * PIXELS_PER_UNIT, y * PIXELS_PER_UNIT) for v, (x, y) in pos.items()},
                     _radii(view, graph), pad=26.0)


# --- the page ----------------------------------------------------------------------------


def _script_json(obj: Any) -> str:
    """JSON that is safe inside a ``<script>`` element.

    ``<`` and ``>`` are escaped so no ``</script>`` or ``<!--`` can end or confuse the element,
    ``&`` so nothing reads as a character reference, U+2028/9 because older JavaScript
    parsers treat them as line ends. In JSON these characters only occur inside strings, where
    the ``\\uXXXX`` forms mean the same text.

    >>> _script_json({"s": "</script><b>&"})
    '{"s":"\\\\u003c/script\\\\u003e\\\\u003cb\\\\u003e\\\\u0026"}'
    """
    text = json.dumps(obj, ensure_ascii=False, separators=(",", ":"), allow_nan=False)
    return (text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
            .replace("\u2028", "\\u2028").replace("\u2029", "\\u2029"))


def _vis_assets() -> tuple[str, str]:
    """vis-network's JS and CSS from the installed pyvis package (pinned to 0.3.2)."""
    lib = resources.files("pyvis") / "templates" / "lib" / f"vis-{_VIS_VERSION}"
    js = (lib / "vis-network.min.js").read_text(encoding="utf-8")
    css = (lib / "vis-network.css").read_text(encoding="utf-8")
    # Dev tools would fetch the source map; an offline page must not ask for anything.
    js = re.sub(r"^//# sourceMappingURL=.*$", "", js, flags=re.MULTILINE)
    if "</script" in js.lower() or "</style" in css.lower():
        raise RuntimeError("vis-network assets cannot be inlined safely")
    return js, css


def _csp_hash(script: str) -> str:
    digest = hashlib.sha256(script.encode("utf-8")).digest()
    return "'sha256-" + base64.b64encode(digest).decode("ascii") + "'"


def _group_style(colour: str) -> dict[str, Any]:
    return {"color": {"background": colour, "border": "#ffffff",
                      "highlight": {"background": colour, "border": "#1f2328"},
                      "hover": {"background": colour, "border": "#1f2328"}}}


def _shown_aliases(name: str, aliases: list[str], limit: int = 8) -> list[str]:
    return [a for a in sorted(aliases or [], key=str.lower) if a != name][:limit]


def _evidence(store: GraphStore, keys: set[tuple[Any, Any, str]]
              ) -> dict[tuple[Any, Any, str], tuple[list[list[str]], int]]:
    """Up to PAGE_EVIDENCE ``[title, sentence]`` per shown relation, and its mention count
    (the store keeps every mention; the page carries a few)."""
    out: dict[tuple[Any, Any, str], tuple[list[list[str]], int]] = {}
    for m in store.mentions():
        key = (m["subject"], m["object"], f"{m['relation']}:{m['factuality']}")
        if key not in keys:
            continue
        shown, count = out.get(key, ([], 0))
        if len(shown) < PAGE_EVIDENCE:
            shown.append([m["title"] or m["doc"] or "", m["sentence"] or ""])
        out[key] = (shown, count + 1)
    return out


def _network(view: _View, store: GraphStore, positions: dict[Any, tuple[float, float]] | None,
             show_non_asserted: bool) -> tuple[Any, dict[str, Any]]:
    """The pyvis Network with every drawn node and edge, and the page's filter facets."""
    from pyvis.edge import Edge
    from pyvis.network import Network

    g = store.graph
    evidence = _evidence(store, {(u, v, k) for u, v, k, _d in view.edges})
    n = len(view.nodes)
    net = Network(directed=True, cdn_resources="in_line", height="100%", width="100%")
    ids: dict[Any, int] = {}
    types: Counter[str] = Counter()
    for i, node in enumerate(view.nodes):
        d = g.nodes[node]
        ids[node] = i
        actor_type = str(d.get("type") or "UNKNOWN").upper()
        type_key = actor_type if actor_type in ACTOR_COLOURS else "OTHER"
        types[type_key] += 1
        name = str(d.get("name") or node)
        extra: dict[str, Any] = {}
        if positions is not None:
            x, y = positions[node]
            extra = {"x": round(x, 1), "y": round(y, 1)}
        net.add_node(
            i,
            label=name,
            # A vis group per actor type carries the colours once, not in every node.
            group=type_key,
            # Size: asserted mentions only; negated or hedged ones are not facts.
            value=_asserted_mentions(d),
            # Page-only fields (vis-network ignores them): tooltips, filters and search.
            key=str(node),
            type=actor_type,
            typeKey=type_key,
            country=d.get("country"),
            sector=d.get("sector"),
            role=d.get("role"),
            aliases=_shown_aliases(name, d.get("aliases") or []),
            nAliases=len(d.get("aliases") or []),
            mentions=int(d.get("mentions") or 0),
            assertedMentions=_asserted_mentions(d),
            **extra,
        )
    relations: Counter[str] = Counter()
    quads: Counter[str] = Counter()
    bundle: Counter[frozenset[Any]] = Counter()
    for u, v, _k, _d in view.edges:
        bundle[frozenset((u, v))] += 1
    seen: Counter[frozenset[Any]] = Counter()
    edges = []
    max_count = 1
    for j, (u, v, k, d) in enumerate(view.edges):
        asserted = bool(d.get("asserted"))
        ev_shown, ev_count = evidence.get((u, v, k), ([], 0))
        quad = str(d.get("quad") or "OTHER").upper()
        quad_key = quad if quad in QUAD_COLOURS else "OTHER"
        relation = str(d.get("relation") or "RELATED")
        relations[relation] += 1
        quads[quad_key] += 1
        count = int(d.get("count") or 1)
        max_count = max(max_count, count)
        colour = quad_colour(quad)
        pair = frozenset((u, v))
        seen[pair] += 1
        options: dict[str, Any] = {
            "id": j,
            "value": count,
            # A colour string sets colour, highlight and hover at once; #rrggbbaa fades
            # the relations that are not asserted.
            "color": colour if asserted else colour + "99",
            "dashes": not asserted,
            "relation": relation,
            "quad": quad_key,
            "factuality": d.get("factuality") or ("asserted" if asserted else "unknown"),
            "asserted": asserted,
            "count": count,
            "confidence": _finite(d.get("confidence")),
            "docs": int(d.get("documents") or 0),
            "evidence": ev_shown,
            "nEvidence": ev_count,
        }
        if u == v:
            options["selfReference"] = {"size": 14}
        elif bundle[pair] > 1:
            # Parallel relations between one pair fan out instead of drawing on top of each
            # other; single edges stay straight, which is much cheaper to draw.
            # Alternate sides, judged in one direction for the pair: "clockwise" from B to A
            # is the other side of the line from "clockwise" from A to B.
            k = seen[pair]
            clockwise = (k % 2 == 1) == (str(u) <= str(v))
            options["smooth"] = {"enabled": True,
                                 "type": "curvedCW" if clockwise else "curvedCCW",
                                 "roundness": min(0.12 * ((k + 1) // 2), 0.6)}
        edges.append(Edge(ids[u], ids[v], directed=True, **options).options)
    # pyvis's add_edge checks both ends with a list scan per edge (quadratic); the ids are
    # ours and known to exist, so the Edge records go in directly.
    net.edges = edges
    big = n > 1000 or len(edges) > 4000
    net.options = {
        "autoResize": True,
        "nodes": {
            "shape": "dot",
            "borderWidth": 1,
            "borderWidthSelected": 3,
            "scaling": {"min": NODE_MIN, "max": NODE_MAX,
                        "label": {"enabled": True, "min": 12, "max": 20,
                                  "maxVisible": 28, "drawThreshold": 7}},
            "font": {"size": 13, "face": "system-ui, -apple-system, Segoe UI, sans-serif",
                     "color": "#1f2328", "strokeWidth": 3, "strokeColor": "#ffffff"},
        },
        "edges": {
            "arrows": {"to": {"enabled": True, "scaleFactor": 0.55}},
            "arrowStrikethrough": False,
            "smooth": False,
            "selectionWidth": 2,
            "hoverWidth": 1.5,
            "scaling": {"min": 1, "max": 7 if max_count > 1 else 1.5},
        },
        "groups": {t: _group_style(c) for t, c in
                   {**ACTOR_COLOURS, "OTHER": OTHER_COLOUR}.items()},
        "physics": {
            "enabled": positions is None,
            "solver": "forceAtlas2Based",
            "forceAtlas2Based": {"gravitationalConstant": -60, "springLength": 110,
                                 "springConstant": 0.06, "avoidOverlap": 0.4},
            # The browser settles the graph before showing it: fewer rounds as it grows,
            # so a big graph appears in seconds (the precomputed layouts are the better
            # choice there anyway).
            "stabilization": {"enabled": True, "updateInterval": 25, "fit": True,
                              "iterations": 800 if n <= 200 else 300 if n <= 1000 else 150},
            "minVelocity": 0.75,
        },
        "interaction": {
            # Hover highlighting redraws the canvas on every pointer move: only on small
            # graphs. Tooltips do not depend on it (the page hit-tests when the pointer rests).
            "hover": not big,
            "hideEdgesOnDrag": big,
            "hideEdgesOnZoom": big,
            "navigationButtons": False,
            "keyboard": {"enabled": True, "bindToWindow": False},
            "multiselect": False,
        },
        # vis-network's "improved" initial layout runs Kamada-Kawai in the browser: far too
        # slow past a few hundred nodes, and pointless when positions are given.
        "layout": {"improvedLayout": False, "randomSeed": 7},
    }
    facets = {
        "relations": sorted(relations.items()),
        "quads": [(q, quads[q]) for q in [*QUAD_COLOURS, "OTHER"] if quads[q]],
        "types": [(t, types[t]) for t in [*ACTOR_COLOURS, "OTHER"] if types[t]],
        "maxCount": max_count,
        "actorColours": {**ACTOR_COLOURS, "OTHER": OTHER_COLOUR},
        "quadColours": {**QUAD_COLOURS, "OTHER": OTHER_QUAD_COLOUR},
        "typeLabels": TYPE_LABELS,
        "quadLabels": QUAD_LABELS,
        "showNonAsserted": show_non_asserted,
        "physics": positions is None,
    }
    return net, facets


def render_html(
    store: GraphStore,
    path: str | Path,
    *,
    title: str | None = None,
    max_nodes: int | None = None,
    show_non_asserted: bool = False,
    layout: LayoutName | Mapping[Any, tuple[float, float]] = "auto",
    seed: int = 7,
) -> Path:
    """Write the interactive actor network to ``path`` (one offline HTML file).

    ``max_nodes`` keeps the actors with most asserted mentions (the page says how many actors
    and relations were left out). ``show_non_asserted`` starts with negated and hedged relations
    shown (dashed); the page can toggle them either way. ``layout`` is ``"auto"``,
    ``"spring"``, ``"fast"`` (all precomputed here with networkx, seeded by ``seed``),
    ``"physics"`` (vis-network settles the graph in the browser, then stops), or a mapping of
    node id to ``(x, y)``.

    >>> render_html(store, "graph.html", max_nodes=300, title="Syria talks")  # doctest: +SKIP
    PosixPath('graph.html')
    """
    path = Path(path)
    view = _view(store, max_nodes)
    positions = _positions(view, store.graph, layout, seed)
    net, facets = _network(view, store, positions, show_non_asserted)
    nodes, edges, _heading, _height, _width, options = net.get_network_data()
    summary = view.summary
    heading = title or "Actor network"
    data = {
        "nodes": nodes,
        "edges": edges,
        "options": json.loads(options),
        "meta": {
            "title": heading,
            "summary": summary,
            "drawnNodes": len(view.nodes),
            "drawnEdges": len(view.edges),
            "droppedNodes": view.dropped_nodes,
            "droppedEdges": view.dropped_edges,
            "maxNodes": max_nodes,
            **facets,
        },
    }
    vis_js, vis_css = _vis_assets()
    page_js = (_ASSETS / "view.js").read_text(encoding="utf-8")
    page_css = (_ASSETS / "view.css").read_text(encoding="utf-8")
    scripts = [vis_js, page_js]
    csp = "; ".join([
        "default-src 'none'",
        "script-src " + " ".join(_csp_hash(s) for s in scripts),
        "style-src 'unsafe-inline'",
        "img-src data:",
        "base-uri 'none'",
        "form-action 'none'",
    ])
    env = Environment(loader=FileSystemLoader(str(_ASSETS)),
                      autoescape=select_autoescape(default=True, default_for_string=True))
    left_out = None
    if view.dropped_nodes:
        left_out = (f"Showing the {len(view.nodes):,} actors with most asserted mentions "
                    f"(max_nodes="
                    f"{max_nodes}); {view.dropped_nodes:,} actors and {view.dropped_edges:,} "
                    f"relations are left out.")
    html = env.get_template("view.html.j2").render(
        title=heading,
        summary_line=_summary_line(summary),
        generated=datetime.now(timezone.utc).strftime("%Y-%m-%d %H:%M UTC"),
        left_out=left_out,
        facets=facets,
        actor_colours={**ACTOR_COLOURS, "OTHER": OTHER_COLOUR},
        type_labels=TYPE_LABELS,
        quad_labels=QUAD_LABELS,
        quad_colours={**QUAD_COLOURS, "OTHER": OTHER_QUAD_COLOUR},
        csp=csp,
        vis_css=vis_css,
        page_css=page_css,
        vis_js=vis_js,
        page_js=page_js,
        data_json=_script_json(data),
        vis_version=_VIS_VERSION,
    )
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(html, encoding="utf-8")
    return path


# --- the static picture ------------------------------------------------------------------


def render_image(
    store: GraphStore,
    path: str | Path,
    *,
    title: str | None = None,
    max_nodes: int | None = 150,
    show_non_asserted: bool = False,
    layout: LayoutName | Mapping[Any, tuple[float, float]] = "auto",
    labels: int = 40,
    size: tuple[float, float] = (14.0, 10.0),
    dpi: int = 150,
    seed: int = 7,
) -> Path:
    """Draw the network to ``path`` as PNG or SVG (by suffix) with matplotlib.

    The same picture as the page opens with: same positions (for the same store, layout and
    seed), nodes coloured by actor type and sized by asserted mentions, edges coloured by quad
    class,
    arrows for direction, legends for both, the corpus summary under the title. Relations
    that are not asserted, and actors with no other relation, are left out unless
    ``show_non_asserted`` (then dashed). A picture of thousands of actors is unreadable, so
    ``max_nodes`` defaults to the 150 with most asserted mentions (``None`` draws all);
    ``labels`` names that many of the largest nodes. Needs ``matplotlib``.

    >>> render_image(store, "graph.png")                              # doctest: +SKIP
    PosixPath('graph.png')
    >>> render_image(store, "graph.svg", max_nodes=60, labels=60)    # doctest: +SKIP
    """
    path = Path(path)
    fmt = path.suffix.lower().lstrip(".")
    if fmt not in ("png", "svg"):
        raise ValueError(f"{path}: render_image writes .png or .svg files")
    try:
        import matplotlib
    except ImportError as e:  # pragma: no cover - depends on the environment
        raise RuntimeError("render_image needs matplotlib: pip install matplotlib") from e
    matplotlib.use("Agg", force=False)
    import matplotlib.pyplot as plt
    from matplotlib.collections import LineCollection, PatchCollection
    from matplotlib.lines import Line2D
    from matplotlib.patches import Circle, FancyArrowPatch

    view = _view(store, max_nodes)
    if layout == "physics":  # no browser to settle it: use the precomputed layout
        layout = "auto"
    pos = _positions(view, store.graph, layout, seed) or {}
    radius = _radii(view, store.graph)
    g = store.graph
    edges = [(u, v, d) for u, v, _k, d in view.edges
             if (show_non_asserted or d.get("asserted")) and u != v]
    linked = {n for u, v, _ in edges for n in (u, v)}
    nodes = [n for n in view.nodes if n in linked or show_non_asserted]
    fig, ax = plt.subplots(figsize=size, dpi=dpi)
    try:
        ax.set_axis_off()
        max_count = max((int(d.get("count") or 1) for *_, d in edges), default=1)

        def width(d: dict[str, Any]) -> float:
            count = int(d.get("count") or 1)
            return 0.8 + 3.2 * math.log1p(count - 1) / math.log1p(max_count - 1) \
                if max_count > 1 else 1.0

        # Lines end at the target's disc so the arrow head is visible.
        segments, colours, widths, styles = [], [], [], []
        for u, v, d in edges:
            (x0, y0), (x1, y1) = pos[u], pos[v]
            length = math.hypot(x1 - x0, y1 - y0) or 1.0
            ux, uy = (x1 - x0) / length, (y1 - y0) / length
            segments.append(((x0, y0), (x1 - ux * radius[v], y1 - uy * radius[v])))
            colours.append(quad_colour(d.get("quad")))
            widths.append(width(d))
            styles.append("solid" if d.get("asserted") else (0, (4, 3)))
        if segments:
            ax.add_collection(LineCollection(segments, colors=colours, linewidths=widths,
                                             linestyles=styles, alpha=0.8, zorder=1))
        if len(segments) <= 3000:  # arrow heads while they can be told apart
            for (a, b), c, w in zip(segments, colours, widths, strict=True):
                ax.add_patch(FancyArrowPatch(a, b, arrowstyle="-|>", mutation_scale=6 + 2 * w,
                                             color=c, lw=0, shrinkA=0, shrinkB=0, zorder=2))
        discs = [Circle(pos[n], radius[n]) for n in nodes]
        ax.add_collection(PatchCollection(
            discs, facecolors=[actor_colour(g.nodes[n].get("type")) for n in nodes],
            edgecolors="white", linewidths=0.8, zorder=3))
        biggest = sorted(nodes, key=lambda n: _rank(g, n))
        for n in biggest[:labels]:
            x, y = pos[n]
            ax.annotate(_plain(str(g.nodes[n].get("name") or n)), (x, y + radius[n]),
                        xytext=(0, 2), textcoords="offset points", ha="center", va="top",
                        fontsize=8, zorder=4, color="#1f2328",
                        bbox={"boxstyle": "round,pad=0.1", "fc": "white", "ec": "none",
                              "alpha": 0.6})
        if nodes:
            xs = [pos[n][0] for n in nodes]
            ys = [pos[n][1] for n in nodes]
            pad = NODE_MAX * 2
            ax.set_xlim(min(xs) - pad, max(xs) + pad)
            ax.set_ylim(max(ys) + pad, min(ys) - pad)  # y grows downwards, as on screen
        ax.set_aspect("equal", adjustable="datalim")

        present_types = {_type_key(g.nodes[n].get("type")) for n in nodes}
        type_handles = [Line2D([], [], marker="o", ls="", ms=9, mfc=c, mec="white",
                               label=TYPE_LABELS[t])
                        for t, c in {**ACTOR_COLOURS, "OTHER": OTHER_COLOUR}.items()
                        if t in present_types]
        present_quads = {_quad_key(d.get("quad")) for *_, d in edges}
        quad_handles = [Line2D([], [], color=c, lw=3, label=QUAD_LABELS[q])
                        for q, c in {**QUAD_COLOURS, "OTHER": OTHER_QUAD_COLOUR}.items()
                        if q in present_quads]
        if any(not d.get("asserted") for *_, d in edges):
            quad_handles.append(Line2D([], [], color="#666666", lw=1.5, ls=(0, (4, 3)),
                                       label="not asserted"))
        if type_handles:
            leg = ax.legend(handles=type_handles, title="Actor (size: asserted mentions)",
                            loc="upper left", bbox_to_anchor=(1.0, 1.0), frameon=False,
                            fontsize=9, alignment="left")
            ax.add_artist(leg)
        if quad_handles:
            ax.legend(handles=quad_handles, title="Relation (width: mentions)",
                      loc="lower left", bbox_to_anchor=(1.0, 0.0), frameon=False, fontsize=9,
                      alignment="left")
        summary = _summary_line(view.summary)
        if view.dropped_nodes:
            summary += (f"\nshowing the {len(view.nodes):,} actors with most asserted mentions; "
                        f"{view.dropped_nodes:,} actors and {view.dropped_edges:,} relations "
                        "left out")
        fig.suptitle(_plain(title or "Actor network"), fontsize=15, x=0.02, ha="left", y=0.985)
        fig.text(0.02, 0.94, _plain(summary), fontsize=9.5, color="#57606a", ha="left",
                 va="top")
        fig.subplots_adjust(left=0.02, right=0.82, top=0.89, bottom=0.02)
        path.parent.mkdir(parents=True, exist_ok=True)
        fig.savefig(path, format=fmt, dpi=dpi, facecolor="white",
                    metadata={"Date": None} if fmt == "svg" else None)
    finally:
        plt.close(fig)
    return path


def _finite(value: Any) -> float | None:
    """A number JSON can carry (a NaN from a hand-edited graph.json becomes None)."""
    try:
        number = float(value)
    except (TypeError, ValueError):
        return None
    return number if math.isfinite(number) else None


def _plain(text: str) -> str:
    """Text for matplotlib, which would read ``$...$`` in an actor name as math markup."""
    return text.replace("$", r"\$")
