"""Where the viewer puts things: node positions, communities and components.

Positions are computed here, in Python (networkx plus a little numpy), so the page opens with
its final layout and the static picture uses the same one. Each connected component is laid
out on its own; the big ones are packed in rows, largest first, and the small ones (pairs and
triples that fill half a news graph) are packed in a block beside them, so the main network
is not squeezed into a corner and the page can hide them.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from typing import Any

import networkx as nx

__all__ = ["SMALL_COMPONENT", "SPRING_LIMIT", "communities", "compute_layout",
           "place", "simple_graph"]

#: Above this many nodes ``layout="auto"`` switches from networkx's spring layout (exact but
#: quadratic) to the fast core-and-periphery layout.
SPRING_LIMIT = 400
#: Components with at most this many actors are "small": packed aside, hidden by default.
SMALL_COMPONENT = 3
#: Screen pixels per layout unit (the distance between neighbours).
PIXELS_PER_UNIT = 130.0


def simple_graph(nodes: list[str], relations: list[dict[str, Any]],
                 asserted_only: bool = False) -> nx.Graph:
    """An undirected weighted graph of ``relations`` (log weights, no self loops)."""
    g = nx.Graph()
    g.add_nodes_from(nodes)
    for r in relations:
        u, v = r["source"], r["target"]
        if u == v or (asserted_only and not r["asserted"]) or u not in g or v not in g:
            continue
        # log weight: one pair mentioned 200 times should not crush every other spring
        w = 1.0 + math.log1p(float(r.get("count") or 1))
        if g.has_edge(u, v):
            g.edges[u, v]["weight"] += w
        else:
            g.add_edge(u, v, weight=w)
    return g


def communities(graph: nx.Graph, seed: int = 7) -> dict[Any, int]:
    """Louvain communities (networkx, seeded): node -> community number, largest first.

    Isolated nodes each form their own community.

    >>> c = communities(nx.barbell_graph(4, 0))
    >>> len(set(c.values()))
    2
    """
    if graph.number_of_edges() == 0:
        return {v: i for i, v in enumerate(sorted(graph, key=str))}
    parts = nx.community.louvain_communities(graph, weight="weight", seed=seed)
    parts = sorted(parts, key=lambda p: (-len(p), min(str(v) for v in p)))
    return {v: i for i, part in enumerate(parts) for v in part}


def place(nodes: list[str], relations: list[dict[str, Any]], layout: Any, seed: int,
          radius: Mapping[str, float],
          weight: Mapping[str, float]) -> dict[str, tuple[float, float]] | None:
    """Screen positions in pixels (y down), the same for the page and the picture.

    ``layout`` is a method name for :func:`compute_layout`, ``"physics"`` (None: the browser
    settles it) or a mapping of node id to ``(x, y)``.
    """
    if isinstance(layout, Mapping):
        missing = [n for n in nodes if n not in layout]
        if missing:
            raise ValueError(f"layout has no position for {len(missing)} node(s), "
                             f"e.g. {missing[0]!r}")
        given = _normalised({n: (float(layout[n][0]), float(layout[n][1])) for n in nodes})
        scale = PIXELS_PER_UNIT * 0.55 * math.sqrt(len(given))
        return {n: (x * scale, y * scale) for n, (x, y) in given.items()}
    if layout == "physics":
        return None
    pos = compute_layout(simple_graph(nodes, relations), layout, seed=seed, weight=weight)
    # Layout units put neighbours about 1 apart; then move apart nodes whose discs (sized by
    # asserted mentions) and labels would overlap.
    return _separate({v: (x * PIXELS_PER_UNIT, y * PIXELS_PER_UNIT) for v, (x, y) in pos.items()},
                     radius, pad=26.0)


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
    # A plain undirected graph is taken as weighted already (see simple_graph).
    simple = graph if type(graph) is nx.Graph else _simple_undirected(graph)
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
    """Pack laid-out components: the big ones in rows (largest first) into a roughly 3:2
    block, the small ones (``SMALL_COMPONENT`` actors or fewer) in a strip under it, so
    hiding them leaves the main picture whole."""
    big = [p for p in pieces if len(p) > SMALL_COMPONENT] or pieces
    small = [p for p in pieces if len(p) <= SMALL_COMPONENT] if big is not pieces else []
    out, width = _shelf(big, gap, 1.5)
    if small:
        # A strip under the main block, as wide as it: the details panel sits on the right.
        strip, _ = _shelf(small, gap * 0.6, 1.5, row_width=width)
        y0 = max(p[1] for p in out.values()) + gap
        out.update({v: (x, y + y0) for v, (x, y) in strip.items()})
    if not out:
        return out
    cx = (max(p[0] for p in out.values()) + min(p[0] for p in out.values())) / 2
    cy = (max(p[1] for p in out.values()) + min(p[1] for p in out.values())) / 2
    return {v: (px - cx, py - cy) for v, (px, py) in out.items()}


def _shelf(pieces: list[dict[Any, tuple[float, float]]], gap: float, aspect: float,
           row_width: float | None = None) -> tuple[dict[Any, tuple[float, float]], float]:
    """Shelf-pack pieces in order into rows about ``aspect`` times as wide as tall (or
    ``row_width`` wide); the positions (top left at 0, 0) and the block's width."""
    boxes = []
    for local in pieces:
        xs = [p[0] for p in local.values()]
        ys = [p[1] for p in local.values()]
        boxes.append((min(xs), min(ys), max(xs) - min(xs) + gap, max(ys) - min(ys) + gap))
    area = sum(w * h for *_, w, h in boxes)
    row_width = max([row_width or math.sqrt(area * aspect), *(w for *_, w, _h in boxes)]
                    or [0.0])
    out: dict[Any, tuple[float, float]] = {}
    x = y = row_height = width = 0.0
    for local, (x0, y0, w, h) in zip(pieces, boxes, strict=True):
        if x > 0 and x + w > row_width:
            x, y, row_height = 0.0, y + row_height, 0.0
        for v, (px, py) in local.items():
            out[v] = (px - x0 + x, py - y0 + y)
        x += w
        width = max(width, x)
        row_height = max(row_height, h)
    return out, width


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


