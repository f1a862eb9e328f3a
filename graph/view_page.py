"""The interactive page: a compact JSON encoding of the view, evidence beside it, the HTML.

The page is one offline file (vis-network from the pinned pyvis package and the page's own
scripts inlined); the evidence sentences of a big graph go to side files next to it
(``NAME.evidence.K.js``, loaded when a relation is opened), so the page stays small and
paints fast. Nodes and relations travel as columns (one array per field, strings as indices
into lookup lists), which is about a fifth of the size of one object per record.

Safety: all article text is untrusted. It reaches the page only as JSON with ``<``, ``>``,
``&`` and U+2028/9 escaped, and the page scripts put it into the DOM with ``textContent``
only. The Content-Security-Policy allows the page's own inline scripts (by hash) and
scripts from the page's own place ('self': the evidence side files), and no other request.
"""

from __future__ import annotations

import base64
import hashlib
import json
import re
from collections import Counter
from datetime import datetime, timezone
from importlib import resources
from pathlib import Path
from typing import Any

from jinja2 import Environment, FileSystemLoader, select_autoescape

from actorgraph.graph.view_model import (
    NODE_MAX,
    NODE_MIN,
    View,
    curves,
    day_number,
    finite,
    rolled_relations,
    rollup,
    view_note,
)
from actorgraph.graph.view_style import (
    ACTOR_COLOURS,
    COMMUNITY_COLOURS,
    OTHER_COLOUR,
    OTHER_QUAD_COLOUR,
    QUAD_COLOURS,
    QUAD_LABELS,
    TYPE_LABELS,
    quad_key,
    summary_line,
    type_key,
)

__all__ = ["INLINE_EVIDENCE_LIMIT", "write_page"]

_ASSETS = Path(__file__).resolve().parent / "assets"
_VIS_VERSION = "9.1.2"
#: The page scripts, inlined in this order (each its own <script>, each hashed in the CSP).
SCRIPTS = ["view_util.js", "view_labels.js", "view_evidence.js", "view_time.js",
           "view_table.js", "view_panels.js", "view_core.js", "view_draw.js",
           "view_controls.js", "view_state.js", "view.js"]
#: Evidence JSON up to this size stays inside the page (one file to share); above it the
#: evidence goes to side files so the page opens fast.
INLINE_EVIDENCE_LIMIT = 1_500_000
#: Relations per evidence side file: opening one relation loads one modest file.
EVIDENCE_CHUNK = 1000
#: Labels drawn on top of the network whatever the zoom (the rest as space allows).
TOP_LABELS = 30


def script_json(obj: Any) -> str:
    """JSON that is safe inside a ``<script>`` element (and as a JavaScript literal).

    ``<`` and ``>`` are escaped so no ``</script>`` or ``<!--`` can end or confuse the element,
    ``&`` so nothing reads as a character reference, U+2028/9 because older JavaScript
    parsers treat them as line ends. In JSON these characters only occur inside strings, where
    the ``\\uXXXX`` forms mean the same text.

    >>> script_json({"s": "</script><b>&"})
    '{"s":"\\\\u003c/script\\\\u003e\\\\u003cb\\\\u003e\\\\u0026"}'
    """
    text = json.dumps(obj, ensure_ascii=False, separators=(",", ":"), allow_nan=False)
    return (text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
            .replace("\u2028", "\\u2028").replace("\u2029", "\\u2029"))


def safe_url(url: Any) -> str | None:
    """The URL if it is http(s), else None (a ``javascript:`` URL never becomes a link).

    >>> safe_url("https://example.org/a"), safe_url(" javascript:alert(1)")
    ('https://example.org/a', None)
    """
    if not isinstance(url, str):
        return None
    url = url.strip()
    return url if re.match(r"^https?://[^\s]+$", url, re.IGNORECASE) else None


def evidence_groups(evidence: list[dict[str, Any]]) -> list[list[Any]]:
    """Evidence with identical sentences collapsed (syndicated copies): one group per
    sentence, ``[sentence, marks, [[title, date, outlet, url], ...]]``, newest first."""
    groups: dict[str, list[Any]] = {}
    for e in evidence:
        sentence = str(e.get("sentence") or "")
        key = " ".join(sentence.split()).lower()
        g = groups.setdefault(key, [sentence, e.get("marks") or [], []])
        g[2].append([e.get("title"), e.get("date"), e.get("source"), safe_url(e.get("url"))])
    return list(groups.values())


class _Lookup:
    """String -> small integer, so repeated strings travel once."""

    def __init__(self) -> None:
        self.values: list[str] = []
        self._index: dict[str, int] = {}

    def __call__(self, value: str) -> int:
        if value not in self._index:
            self._index[value] = len(self.values)
            self.values.append(value)
        return self._index[value]


def _node_columns(view: View, extra: list[dict[str, Any]], mapping: dict[str, str],
                  index: dict[str, int]) -> dict[str, list[Any]]:
    cols: dict[str, list[Any]] = {k: [] for k in (
        "key", "name", "type", "country", "sector", "role", "aliases", "nAliases", "mentions",
        "asserted", "x", "y", "community", "rollup", "synthetic")}
    pos = view.positions or {}
    for a in [*view.actors, *extra]:
        name = a["name"]
        aliases = [x for x in sorted(a.get("aliases") or [], key=str.lower) if x != name]
        cols["key"].append(a["id"])
        cols["name"].append(name)
        cols["type"].append(str(a.get("type") or "UNKNOWN").upper())
        for k in ("country", "sector", "role"):
            cols[k].append(a.get(k))
        cols["aliases"].append(aliases[:8])
        cols["nAliases"].append(len(a.get("aliases") or []))
        cols["mentions"].append(int(a.get("mentions") or 0))
        cols["asserted"].append(int(a.get("asserted_mentions") or 0))
        x, y = pos.get(a["id"], (None, None))
        cols["x"].append(None if x is None else round(x, 1))
        cols["y"].append(None if y is None else round(y, 1))
        cols["community"].append(view.community.get(a["id"], -1))
        cols["rollup"].append(index[mapping[a["id"]]] if a["id"] in mapping else -1)
        cols["synthetic"].append(1 if a in extra else 0)
    _place_synthetic(cols, index, mapping)
    return cols


def _place_synthetic(cols: dict[str, list[Any]], index: dict[str, int],
                     mapping: dict[str, str]) -> None:
    """A country added by the roll-up sits at the mean position of its members."""
    for target in set(mapping.values()):
        i = index[target]
        if cols["x"][i] is not None or not cols["synthetic"][i]:
            continue
        members = [index[a] for a, t in mapping.items() if t == target]
        xs = [cols["x"][m] for m in members if cols["x"][m] is not None]
        ys = [cols["y"][m] for m in members if cols["y"][m] is not None]
        if xs:
            cols["x"][i], cols["y"][i] = round(sum(xs) / len(xs), 1), round(sum(ys) / len(ys), 1)


def _edge_columns(rels: list[dict[str, Any]], roll: list[int], index: dict[str, int],
                  lookups: dict[str, _Lookup]) -> dict[str, list[Any]]:
    cols: dict[str, list[Any]] = {k: [] for k in (
        "from", "to", "relation", "quad", "factuality", "asserted", "count", "documents",
        "outlets", "confidence", "days", "evidence", "roll", "members", "curve")}
    for r, kind in zip(rels, roll, strict=True):
        cols["from"].append(index[r["source"]])
        cols["to"].append(index[r["target"]])
        cols["relation"].append(lookups["relation"](r["relation"]))
        cols["quad"].append(lookups["quad"](quad_key(r.get("quad"))))
        cols["factuality"].append(lookups["factuality"](r["factuality"]))
        cols["asserted"].append(1 if r["asserted"] else 0)
        for k in ("count", "documents", "outlets"):
            cols[k].append(int(r.get(k) or 0))
        cols["confidence"].append(finite(r.get("confidence")))
        days: list[int] = []
        for day, n in sorted(r["days"].items()):
            days += [day_number(day), n]
        cols["days"].append(days)
        cols["evidence"].append(len(r.get("evidence") or []))
        cols["roll"].append(kind)
        cols["members"].append(r.get("members"))
    cols["curve"] = curves([(r["source"], r["target"]) for r in rels])
    return cols


def encode(view: View, show_non_asserted: bool) -> tuple[dict[str, Any], list[Any]]:
    """The page's data block, and the evidence groups per relation (for the side files)."""
    mapping, extra = rollup(view.actors)
    all_actors = [*view.actors, *extra]
    index = {a["id"]: i for i, a in enumerate(all_actors)}
    rolled = rolled_relations(view.relations, mapping)
    moved = {i for g in rolled for i in g["members"]}
    # roll: 0 shown either way, 1 replaced when rolled up, 2 only when rolled up
    roll = [1 if i in moved else 0 for i in range(len(view.relations))] + [2] * len(rolled)
    lookups = {k: _Lookup() for k in ("relation", "quad", "factuality")}
    rels = [*view.relations, *rolled]
    edges = _edge_columns(rels, roll, index, lookups)
    evidence = [evidence_groups(r.get("evidence") or []) for r in view.relations]
    types = Counter(type_key(a.get("type")) for a in view.actors)
    quads = Counter(quad_key(r.get("quad")) for r in view.relations)
    relations = Counter(r["relation"] for r in view.relations)
    meta = {
        "summary": view.summary, "drawnNodes": len(view.actors),
        "drawnEdges": len(view.relations), "droppedNodes": view.dropped_nodes,
        "droppedEdges": view.dropped_edges, "relations": lookups["relation"].values,
        "quads": lookups["quad"].values, "factualities": lookups["factuality"].values,
        "relationCounts": sorted(relations.items()),
        "quadCounts": [(q, quads[q]) for q in [*QUAD_COLOURS, "OTHER"] if quads[q]],
        "typeCounts": [(t, types[t]) for t in [*ACTOR_COLOURS, "OTHER"] if types[t]],
        "maxCount": max((r["count"] for r in view.relations), default=1),
        "actorColours": {**ACTOR_COLOURS, "OTHER": OTHER_COLOUR},
        "quadColours": {**QUAD_COLOURS, "OTHER": OTHER_QUAD_COLOUR},
        "communityColours": COMMUNITY_COLOURS, "typeLabels": TYPE_LABELS,
        "quadLabels": QUAD_LABELS, "showNonAsserted": show_non_asserted,
        "physics": view.positions is None, "topLabels": TOP_LABELS,
        "rolledActors": len(mapping), "nodeMin": NODE_MIN, "nodeMax": NODE_MAX,
    }
    data = {"nodes": _node_columns(view, extra, mapping, index), "edges": edges,
            "meta": meta, "options": vis_options(len(all_actors), len(rels), view)}
    return data, evidence


def vis_options(n: int, m: int, view: View) -> dict[str, Any]:
    """vis-network options: no labels of its own (the page draws and declutters them)."""
    big = n > 1000 or m > 4000
    max_count = max((r["count"] for r in view.relations), default=1)
    return {
        "autoResize": True,
        "nodes": {"shape": "dot", "borderWidth": 1, "borderWidthSelected": 3,
                  "scaling": {"min": NODE_MIN, "max": NODE_MAX, "label": {"enabled": False}},
                  "font": {"size": 0}, "color": {"border": "#ffffff"}},
        # Arrow heads on big graphs only once few relations are shown (see view.js).
        "edges": {"arrows": {"to": {"enabled": not big, "scaleFactor": 0.55}},
                  "arrowStrikethrough": False, "smooth": False, "selectionWidth": 2,
                  "hoverWidth": 1.5, "scaling": {"min": 1, "max": 7 if max_count > 1 else 1.5}},
        "physics": {
            "enabled": view.positions is None, "solver": "forceAtlas2Based",
            "forceAtlas2Based": {"gravitationalConstant": -60, "springLength": 110,
                                 "springConstant": 0.06, "avoidOverlap": 0.4},
            # Fewer rounds as the graph grows, so a big graph appears in seconds.
            "stabilization": {"enabled": True, "updateInterval": 25, "fit": True,
                              "iterations": 800 if n <= 200 else 300 if n <= 1000 else 150},
            "minVelocity": 0.75},
        "interaction": {
            # Hover highlighting redraws the canvas on every pointer move: small graphs only.
            "hover": not big, "hideEdgesOnDrag": big, "hideEdgesOnZoom": big,
            "navigationButtons": False, "keyboard": {"enabled": True, "bindToWindow": False},
            "multiselect": False},
        # vis-network's "improved" layout runs Kamada-Kawai in the browser: too slow, and
        # pointless when positions are given.
        "layout": {"improvedLayout": False, "randomSeed": 7},
    }


def vis_assets() -> tuple[str, str]:
    """vis-network's JS and CSS from the installed pyvis package (pinned to 0.3.2)."""
    lib = resources.files("pyvis") / "templates" / "lib" / f"vis-{_VIS_VERSION}"
    js = (lib / "vis-network.min.js").read_text(encoding="utf-8")
    css = (lib / "vis-network.css").read_text(encoding="utf-8")
    # Dev tools would fetch the source map; an offline page must not ask for anything.
    js = re.sub(r"^//# sourceMappingURL=.*$", "", js, flags=re.MULTILINE)
    if "</script" in js.lower() or "</style" in css.lower():
        raise RuntimeError("vis-network assets cannot be inlined safely")
    return js, css


def csp_hash(script: str) -> str:
    """The CSP source expression allowing exactly this inline script."""
    digest = hashlib.sha256(script.encode("utf-8")).digest()
    return "'sha256-" + base64.b64encode(digest).decode("ascii") + "'"


def _write_evidence(path: Path, evidence: list[Any], inline: str) -> dict[str, Any]:
    """Evidence inside the page (small graphs) or in side files; the page's instructions."""
    stem = path.name[: -len(path.suffix)] if path.suffix else path.name
    for old in path.parent.glob(f"{glob_escape(stem)}.evidence.*.js"):
        old.unlink()  # from an earlier, bigger render: never mix two renders' evidence
    text = script_json(evidence)
    if inline == "inline" or (inline == "auto" and len(text) <= INLINE_EVIDENCE_LIMIT):
        return {"inline": True, "json": text}
    chunks = [evidence[i:i + EVIDENCE_CHUNK] for i in range(0, len(evidence), EVIDENCE_CHUNK)]
    for k, chunk in enumerate(chunks):
        side = path.parent / f"{stem}.evidence.{k}.js"
        side.write_text(f"actorgraphEvidence({k},{script_json(chunk)});\n", encoding="utf-8")
    return {"inline": False, "json": script_json(None),
            "files": f"{stem}.evidence.", "chunk": EVIDENCE_CHUNK, "chunks": len(chunks)}


def glob_escape(text: str) -> str:
    """``text`` with glob metacharacters bracketed, for ``Path.glob``."""
    return re.sub(r"([*?\[])", r"[\1]", text)


def write_page(view: View, path: Path, *, title: str, show_non_asserted: bool,
               max_nodes: int | None, evidence: str = "auto",
               max_edges: int | None = None) -> Path:
    """Write the page for ``view`` to ``path`` (and its evidence side files if big)."""
    data, groups = encode(view, show_non_asserted)
    path.parent.mkdir(parents=True, exist_ok=True)
    ev = _write_evidence(path, groups, evidence)
    data["meta"]["title"] = title
    data["meta"]["maxNodes"] = max_nodes
    data["meta"]["maxEdges"] = max_edges
    data["meta"]["evidence"] = {k: v for k, v in ev.items() if k != "json"}
    vis_js, vis_css = vis_assets()
    scripts = [vis_js] + [(_ASSETS / s).read_text(encoding="utf-8") for s in SCRIPTS]
    csp = "; ".join([
        "default-src 'none'",
        "script-src 'self' " + " ".join(csp_hash(s) for s in scripts),
        "style-src 'unsafe-inline'", "img-src data:", "base-uri 'none'",
        "form-action 'none'"])
    env = Environment(loader=FileSystemLoader(str(_ASSETS)),
                      autoescape=select_autoescape(default=True, default_for_string=True))
    left_out = view_note(view, page=True)
    html = env.get_template("view.html.j2").render(
        title=title, summary_line=summary_line(view.summary),
        generated=datetime.now(timezone.utc).strftime("%Y-%m-%d %H:%M UTC"),
        left_out=left_out, meta=data["meta"], actor_colours=data["meta"]["actorColours"],
        quad_colours=data["meta"]["quadColours"], type_labels=TYPE_LABELS,
        quad_labels=QUAD_LABELS, csp=csp, vis_css=vis_css,
        page_css=(_ASSETS / "view.css").read_text(encoding="utf-8"),
        scripts=scripts, data_json=script_json(data), evidence_json=ev["json"],
        vis_version=_VIS_VERSION)
    path.write_text(html, encoding="utf-8")
    return path
