"""The static picture (PNG/SVG): a report figure with the top actors named, no label overlap.

Same positions as the page for the same store, layout and seed. Labels are placed greedily,
most important actor first: each tries spots around its disc, then further out along a
spiral with a thin leader line, and never covers another label or a labelled disc.
"""

from __future__ import annotations

import math
from typing import Any

from actorgraph.graph.view_model import NODE_MAX, View, rank_key
from actorgraph.graph.view_style import (
    ACTOR_COLOURS,
    OTHER_COLOUR,
    OTHER_QUAD_COLOUR,
    QUAD_COLOURS,
    QUAD_LABELS,
    TYPE_LABELS,
    actor_colour,
    quad_colour,
    quad_key,
    summary_line,
    type_key,
)

__all__ = ["draw_figure", "place_labels"]

Box = tuple[float, float, float, float]  # x0, y0, x1, y1 (display pixels)


def _overlaps(a: Box, b: Box) -> bool:
    return a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3]


def place_labels(anchors: list[tuple[float, float, float]], sizes: list[tuple[float, float]],
                 bounds: Box, obstacles: list[Box] | None = None,
                 ) -> list[tuple[float, float] | None]:
    """Label centres for discs ``(x, y, r)`` and label sizes ``(w, h)``, in order of
    importance; None when no free spot exists inside ``bounds``.

    >>> place_labels([(50, 50, 5), (52, 50, 5)], [(40, 10), (40, 10)], (0, 0, 200, 200))
    [(50, 38), (52, 62)]
    """
    placed: list[Box] = list(obstacles or [])
    out: list[tuple[float, float] | None] = []
    for (x, y, r), (w, h) in zip(anchors, sizes, strict=True):
        spot = None
        for cx, cy in _candidates(x, y, r, w, h):
            box = (cx - w / 2, cy - h / 2, cx + w / 2, cy + h / 2)
            if (box[0] >= bounds[0] and box[1] >= bounds[1] and box[2] <= bounds[2]
                    and box[3] <= bounds[3] and not any(_overlaps(box, p) for p in placed)):
                spot = (cx, cy)
                placed.append(box)
                break
        out.append(spot)
    return out


def _candidates(x: float, y: float, r: float, w: float, h: float) -> list[tuple[float, float]]:
    """Below, above, right, left of the disc, then a widening spiral (for a leader line)."""
    gap = 2.0
    # Display pixels grow upwards in matplotlib: y - r is below the disc.
    near = [(x, y - r - gap - h / 2), (x, y + r + gap + h / 2),
            (x + r + gap + w / 2, y), (x - r - gap - w / 2, y)]
    far = []
    for ring in range(1, 12):
        dist = r + gap + ring * h * 1.2
        for k in range(12):
            a = 2 * math.pi * k / 12 + ring * 0.4
            far.append((x + math.cos(a) * (dist + w / 2), y + math.sin(a) * dist))
    return [(round(cx), round(cy)) for cx, cy in near + far]


def draw_figure(view: View, path: Any, fmt: str, *, title: str, show_non_asserted: bool,
                labels: int, size: tuple[float, float], dpi: int) -> None:
    """Draw ``view`` into ``path`` with matplotlib (Agg)."""
    import matplotlib

    matplotlib.use("Agg", force=False)
    import matplotlib.pyplot as plt
    from matplotlib.collections import PatchCollection
    from matplotlib.patches import Circle

    pos = view.positions or {}
    radius = view.radius
    edges = [r for r in view.relations if (show_non_asserted or r["asserted"])
             and r["source"] != r["target"]]
    linked = {n for r in edges for n in (r["source"], r["target"])}
    actors = [a for a in view.actors if a["id"] in linked or show_non_asserted]
    fig, ax = plt.subplots(figsize=size, dpi=dpi)
    try:
        ax.set_axis_off()
        _draw_edges(ax, edges, pos, radius)
        ax.add_collection(PatchCollection(
            [Circle(pos[a["id"]], radius[a["id"]]) for a in actors],
            facecolors=[actor_colour(a.get("type")) for a in actors],
            edgecolors="white", linewidths=0.8, zorder=3))
        if actors:
            xs = [pos[a["id"]][0] for a in actors]
            ys = [pos[a["id"]][1] for a in actors]
            pad = NODE_MAX * 2
            ax.set_xlim(min(xs) - pad, max(xs) + pad)
            ax.set_ylim(max(ys) + pad, min(ys) - pad)  # y grows downwards, as on screen
        ax.set_aspect("equal", adjustable="datalim")
        _legends(ax, actors, edges)
        text = summary_line(view.summary)
        if view.dropped_nodes:
            text += (f"\nshowing the {len(view.actors):,} actors with most asserted mentions;"
                     f" {view.dropped_nodes:,} actors and {view.dropped_edges:,} relations "
                     "left out")
        fig.suptitle(plain(title), fontsize=15, x=0.02, ha="left", y=0.985)
        fig.text(0.02, 0.94, plain(text), fontsize=9.5, color="#57606a", ha="left", va="top")
        # The legends need about 2.7 inches on the right, whatever the figure's width.
        fig.subplots_adjust(left=0.02, right=max(0.5, 1 - 2.7 / size[0]), top=0.89,
                            bottom=0.02)
        _draw_labels(fig, ax, sorted(actors, key=rank_key)[:labels], pos, radius)
        fig.savefig(path, format=fmt, dpi=dpi, facecolor="white",
                    metadata={"Date": None} if fmt == "svg" else None)
    finally:
        plt.close(fig)


def _draw_edges(ax: Any, edges: list[dict[str, Any]], pos: dict[str, Any],
                radius: dict[str, float]) -> None:
    """Lines end at the target's disc so the arrow head is visible; width by mentions."""
    from matplotlib.collections import LineCollection
    from matplotlib.patches import FancyArrowPatch

    max_count = max((int(r["count"] or 1) for r in edges), default=1)

    def width(r: dict[str, Any]) -> float:
        count = int(r["count"] or 1)
        return 0.8 + 3.2 * math.log1p(count - 1) / math.log1p(max_count - 1) \
            if max_count > 1 else 1.0

    segments, colours, widths, styles = [], [], [], []
    for r in edges:
        (x0, y0), (x1, y1) = pos[r["source"]], pos[r["target"]]
        length = math.hypot(x1 - x0, y1 - y0) or 1.0
        ux, uy = (x1 - x0) / length, (y1 - y0) / length
        rv = radius[r["target"]]
        segments.append(((x0, y0), (x1 - ux * rv, y1 - uy * rv)))
        colours.append(quad_colour(r.get("quad")))
        widths.append(width(r))
        styles.append("solid" if r["asserted"] else (0, (4, 3)))
    if segments:
        ax.add_collection(LineCollection(segments, colors=colours, linewidths=widths,
                                         linestyles=styles, alpha=0.8, zorder=1))
    if len(segments) <= 3000:  # arrow heads while they can be told apart
        for (a, b), c, w in zip(segments, colours, widths, strict=True):
            ax.add_patch(FancyArrowPatch(a, b, arrowstyle="-|>", mutation_scale=6 + 2 * w,
                                         color=c, lw=0, shrinkA=0, shrinkB=0, zorder=2))


def _draw_labels(fig: Any, ax: Any, top: list[dict[str, Any]], pos: dict[str, Any],
                 radius: dict[str, float]) -> None:
    """Name the top actors where their labels overlap nothing (leader lines when moved)."""
    if not top:
        return
    fig.canvas.draw()  # fixes the data -> pixel transform and gives a renderer
    renderer = fig.canvas.get_renderer()
    to_px = ax.transData.transform
    scale = abs(to_px((1.0, 0.0))[0] - to_px((0.0, 0.0))[0])
    texts, anchors, sizes = [], [], []
    for a in top:
        t = ax.text(0, 0, plain(a["name"]), fontsize=8, color="#1f2328", ha="center",
                    va="center", zorder=5,
                    bbox={"boxstyle": "round,pad=0.15", "fc": "white", "ec": "none",
                          "alpha": 0.8})
        ext = t.get_window_extent(renderer)
        x, y = to_px(pos[a["id"]])
        texts.append(t)
        anchors.append((float(x), float(y), radius[a["id"]] * scale))
        sizes.append((ext.width + 4, ext.height + 2))
    box = ax.get_window_extent(renderer)
    discs = [(x - r, y - r, x + r, y + r) for x, y, r in anchors]
    spots = place_labels(anchors, sizes, (box.x0, box.y0, box.x1, box.y1), discs)
    to_data = ax.transData.inverted().transform
    for t, (x, y, r), spot in zip(texts, anchors, spots, strict=True):
        if spot is None:
            t.remove()
            continue
        t.set_position(to_data(spot))
        if math.hypot(spot[0] - x, spot[1] - y) > r + 30:
            ax.plot(*zip(to_data((x, y)), to_data(spot), strict=True), color="#8c959f",
                    lw=0.6, zorder=4)


def _legends(ax: Any, actors: list[dict[str, Any]], edges: list[dict[str, Any]]) -> None:
    from matplotlib.lines import Line2D

    present_types = {type_key(a.get("type")) for a in actors}
    type_handles = [Line2D([], [], marker="o", ls="", ms=9, mfc=c, mec="white",
                           label=TYPE_LABELS[t])
                    for t, c in {**ACTOR_COLOURS, "OTHER": OTHER_COLOUR}.items()
                    if t in present_types]
    present_quads = {quad_key(r.get("quad")) for r in edges}
    quad_handles = [Line2D([], [], color=c, lw=3, label=QUAD_LABELS[q])
                    for q, c in {**QUAD_COLOURS, "OTHER": OTHER_QUAD_COLOUR}.items()
                    if q in present_quads]
    if any(not r["asserted"] for r in edges):
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


def plain(text: str) -> str:
    """Text for matplotlib, which would read ``$...$`` in an actor name as math markup."""
    return text.replace("$", r"\$")
