"""Render the actor network: an offline interactive HTML page and a static PNG/SVG picture.

The page is one self-contained file (vis-network, from the pinned pyvis package, and the
page's scripts inlined; no CDN, no request), plus, for big graphs, evidence side files next
to it that the page loads when a relation is opened. The work is split by concern:

- :mod:`~actorgraph.graph.view_data`: the one place that reads the store (``view_data``);
- :mod:`~actorgraph.graph.view_model` and :mod:`~actorgraph.graph.view_layout`: what is
  drawn, where, communities, the country roll-up;
- :mod:`~actorgraph.graph.view_page`: the page's data encoding and HTML;
- :mod:`~actorgraph.graph.view_image`: the static report figure.

>>> from actorgraph.graph.store import GraphStore
>>> from actorgraph.graph.view import render_html, render_image
>>> store = GraphStore.load("out/graph.json")                         # doctest: +SKIP
>>> render_html(store, "out/graph.html")                               # doctest: +SKIP
PosixPath('out/graph.html')
>>> render_html(store, "big.html", max_nodes=500, title="Syria, 2016")  # doctest: +SKIP
>>> render_html(store, "spring.html", since="2016-03-01", until="2016-05-31")  # doctest: +SKIP
>>> render_image(store, "out/graph.png")                               # doctest: +SKIP

What the page offers: node colour by actor type (or Louvain community), size by asserted
mentions; the top actors' names always readable, without overlap, other names as space
allows; edge colour by quad class, width by mention count; filters by quad class, relation
type, actor type, minimum count and mention dates (a histogram with a range), each re-framing
the view, with a re-layout of what is shown; small components hidden by default; a country
roll-up; actor search with neighbourhood focus; a sortable table of the shown relations with
CSV download; evidence cards with date, outlet, link and the actors and trigger marked; the
view state in the URL hash. Relations not asserted as fact (negated, hypothetical...) are in
the page but hidden until shown (dashed).

Safety: all article text is untrusted. It reaches the page only as escaped JSON and the page
scripts put it into the DOM with ``textContent`` only; links are http(s) only. A
Content-Security-Policy allows only the page's own scripts and forbids every other request.
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import Any, Literal

from actorgraph.graph.view_bounded import bounded_view_data, supports_bounded
from actorgraph.graph.view_data import view_data
from actorgraph.graph.view_layout import SPRING_LIMIT, compute_layout
from actorgraph.graph.view_model import (
    NODE_MAX,
    NODE_MIN,
    View,
    build_view,
    radii,
    rank_key,
    view_note,
)
from actorgraph.graph.view_page import script_json, write_page
from actorgraph.graph.view_style import (
    ACTOR_COLOURS,
    OTHER_COLOUR,
    QUAD_COLOURS,
    actor_colour,
    quad_colour,
)

__all__ = [
    "ACTOR_COLOURS",
    "NODE_MAX",
    "NODE_MIN",
    "OTHER_COLOUR",
    "QUAD_COLOURS",
    "SPRING_LIMIT",
    "actor_colour",
    "compute_layout",
    "quad_colour",
    "render_html",
    "render_image",
    "render_page",
    "select_actors",
    "view_data",
    "view_note",
]

LayoutName = Literal["auto", "spring", "fast", "physics"]
_script_json = script_json  # the old private name, kept for callers


def select_actors(store: Any, max_nodes: int | None) -> list[str]:
    """Actor ids to draw: all of them, or the ``max_nodes`` with most asserted mentions.

    Only relation mentions asserted as fact rank an actor: one named in any number of
    negated or hedged statements ranks below every actor with an asserted one (among
    themselves by all mentions). Ties are broken by name and id so the same store always
    gives the same picture.

    >>> from actorgraph.graph.store import GraphStore
    >>> select_actors(GraphStore(), 10)
    []
    """
    if max_nodes is not None and max_nodes < 0:
        raise ValueError("max_nodes must be >= 0")
    if max_nodes is not None and supports_bounded(store):
        return [a["id"] for a in store.top_actors(max_nodes)]  # the same order, bounded
    ranked = sorted(view_data(store)["actors"], key=rank_key)
    return [a["id"] for a in (ranked if max_nodes is None else ranked[:max_nodes])]


def _check_layout(layout: Any) -> None:
    if not isinstance(layout, Mapping) and layout not in ("auto", "spring", "fast", "physics"):
        raise ValueError(f"unknown layout {layout!r}: use auto, spring, fast or physics")


def view_source(store: Any, max_nodes: int | None, max_edges: int | None,
                since: str | None = None, until: str | None = None) -> dict[str, Any]:
    """What a view draws from: with ``max_nodes`` and no date range, the bounded read of
    the top slice (its cost follows the caps, not the store); otherwise the full read
    (a date range re-ranks actors by the mentions inside it, so it reads them all)."""
    if max_nodes is not None and since is None and until is None \
            and supports_bounded(store):
        return bounded_view_data(store, max_nodes, max_edges)
    return view_data(store, since, until)


def build(store: Any, *, max_nodes: int | None = None, layout: Any = "auto", seed: int = 7,
          since: str | None = None, until: str | None = None,
          max_edges: int | None = None) -> View:
    """The drawn view of ``store`` (actors, relations, positions, communities)."""
    _check_layout(layout)
    data = view_source(store, max_nodes, max_edges, since, until)
    return build_view(data, max_nodes, layout, seed, max_edges=max_edges)


def render_html(
    store: Any,
    path: str | Path,
    *,
    title: str | None = None,
    max_nodes: int | None = None,
    max_edges: int | None = None,
    show_non_asserted: bool = False,
    layout: LayoutName | Mapping[Any, tuple[float, float]] = "auto",
    seed: int = 7,
    since: str | None = None,
    until: str | None = None,
    evidence: Literal["auto", "inline", "files"] = "auto",
) -> Path:
    """Write the interactive actor network to ``path`` (an offline HTML page).

    ``title`` heads the page (default "Actor network"). ``max_nodes`` keeps the actors with
    most asserted mentions and ``max_edges`` the strongest relations among them (asserted
    first, then by mentions); the page says what it leaves out. With ``max_nodes`` (and no
    date range) only those actors, relations and their evidence are read from the store, so
    the page costs the same in a small store and a big one.
    ``show_non_asserted`` starts with negated and hedged relations shown (dashed).
    ``layout`` is ``"auto"``, ``"spring"``, ``"fast"`` (precomputed with networkx, seeded by
    ``seed``), ``"physics"`` (vis-network settles it in the browser) or a mapping of node id
    to ``(x, y)``. ``since``/``until`` (ISO dates, inclusive) keep the mentions dated in that
    range. ``evidence``: ``"inline"`` keeps every evidence sentence inside the page,
    ``"files"`` writes them to ``NAME.evidence.K.js`` beside it (loaded on demand), ``"auto"``
    inlines up to about 1.5 MB of evidence.

    >>> render_html(store, "graph.html", max_nodes=300, title="Syria talks")  # doctest: +SKIP
    PosixPath('graph.html')
    """
    view = build(store, max_nodes=max_nodes, layout=layout, seed=seed, since=since,
                 until=until, max_edges=max_edges)
    return write_page(view, Path(path), title=title or "Actor network",
                      show_non_asserted=show_non_asserted, max_nodes=max_nodes,
                      evidence=evidence, max_edges=max_edges)


def render_page(store: Any, path: str | Path, *, max_nodes: int | None,
                max_edges: int | None, title: str | None = None) -> tuple[Path, str | None]:
    """:func:`render_html` with these caps, and the one line saying what the page leaves
    out (None when it shows everything): what ``build`` writes and prints."""
    view = build(store, max_nodes=max_nodes, max_edges=max_edges)
    path = write_page(view, Path(path), title=title or "Actor network",
                      show_non_asserted=False, max_nodes=max_nodes, max_edges=max_edges)
    return path, view_note(view)


def render_image(
    store: Any,
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
    since: str | None = None,
    until: str | None = None,
) -> Path:
    """Draw the network to ``path`` as PNG or SVG (by suffix): a report figure.

    Laid out like the page (same layout and seed) from the actors and relations it draws,
    nodes coloured by actor type and sized by asserted mentions, edges coloured by quad
    class, legends, the corpus summary under the title. The ``labels`` actors with most
    asserted mentions are named, never overlapping (a label that cannot sit by its disc
    moves out with a leader line).
    Relations not asserted, and actors with no other relation, are left out unless
    ``show_non_asserted`` (then dashed). ``max_nodes`` defaults to 150 (``None``: all).

    >>> render_image(store, "graph.png")                              # doctest: +SKIP
    PosixPath('graph.png')
    >>> render_image(store, "graph.svg", max_nodes=60, labels=60)    # doctest: +SKIP
    """
    from actorgraph.graph.view_image import draw_figure

    path = Path(path)
    fmt = path.suffix.lower().lstrip(".")
    if fmt not in ("png", "svg"):
        raise ValueError(f"{path}: render_image writes .png or .svg files")
    if layout == "physics":  # no browser to settle it: use the precomputed layout
        layout = "auto"
    _check_layout(layout)
    data = view_data(store, since, until)
    if not show_non_asserted:
        # Laid out from what it draws: actors named only in claims would leave holes.
        data = _asserted_only(data)
    view = build_view(data, max_nodes, layout, seed)
    path.parent.mkdir(parents=True, exist_ok=True)
    draw_figure(view, path, fmt, title=title or "Actor network",
                show_non_asserted=show_non_asserted, labels=labels, size=size, dpi=dpi)
    return path


def _asserted_only(data: dict[str, Any]) -> dict[str, Any]:
    """The view data with asserted relations only, and the actors taking part in them."""
    relations = [r for r in data["relations"] if r["asserted"]]
    linked = {end for r in relations for end in (r["source"], r["target"])}
    return {**data, "relations": relations,
            "actors": [a for a in data["actors"] if a["id"] in linked]}


__all__ += ["build", "radii"]
