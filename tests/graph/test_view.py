"""The HTML viewer and the static picture.

Unit tests read the page's embedded JSON; browser tests (``-m browser``) open the page from
``file://`` in headless Chromium with every non-file request aborted and recorded, and save
screenshots under tests/artifacts/ for review.
"""

from __future__ import annotations

import json
import re
import sys
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import networkx as nx
import pytest

ROOT = Path(__file__).resolve().parents[2]
if str(ROOT) not in sys.path:  # tests.browser and bench.view_scale live beside the package
    sys.path.insert(0, str(ROOT))

from hedged_graph import ESP, FACTS, HEDGED, HUN, PRT, hedged_store  # noqa: E402

from actorgraph.extract.triples import ActorRef, Triple  # noqa: E402
from actorgraph.graph.store import DocumentRecord, GraphStore, open_store  # noqa: E402
from actorgraph.graph.view import (  # noqa: E402
    ACTOR_COLOURS,
    NODE_MAX,
    NODE_MIN,
    QUAD_COLOURS,
    _radii,
    _script_json,
    _view,
    compute_layout,
    render_html,
    render_image,
    select_actors,
)
from tests.browser import have_chromium, open_browser, open_page, wait_for  # noqa: E402

ARTIFACTS = ROOT / "tests" / "artifacts"

XSS_NAME = '<img src=x onerror="window.__pwned=1;alert(1)">'
XSS_ALIAS = "</script><script>window.__pwned=2;alert(2)</script>"
XSS_SENTENCE = ("<img src=x onerror=alert(3)> threatened the UN </script><script>alert(4)"
                "</script> <!-- \u2028\u2029 & &amp; <svg onload=alert(5)>")
XSS_TITLE = "<script>alert('title')</script>"


def _actor(id_: str, name: str, type_: str, text: str | None = None, **kw: Any) -> ActorRef:
    return ActorRef(id=id_, name=name, text=text or name, type=type_, **kw)


KERRY = _actor("person:john_kerry", "John Kerry", "PERSON", "Kerry", country="USA",
               role="Secretary of State")
LAVROV = _actor("person:sergei_lavrov", "Sergei Lavrov", "PERSON", "Lavrov", country="RUS",
                role="Foreign Minister")
SYRIA = _actor("country:syr", "Syria", "COUNTRY", country="SYR")
ISIS = _actor("armed:isis", "Islamic State", "ARMED_GROUP", "ISIS")
UN = _actor("igo:un", "United Nations", "IGO", "UN")
HOSTILE = _actor("org:hostile", XSS_NAME, "ORGANIZATION", XSS_ALIAS)
NOBODY = _actor("party:nobody", "Quiet Party", "PARTY")


def _t(doc: str, subj: ActorRef, rel: str, obj: ActorRef, plover: str, quad: str,
       sentence: str, **kw: Any) -> Triple:
    return Triple(doc=doc, sentence=sentence, start=0, end=len(sentence), subject=subj,
                  relation=rel, object=obj, plover=plover, quad=quad, trigger="x", **kw)


def small_store() -> GraphStore:
    """Seven actors, ten relations: two negated/hedged, one actor only in a hedged one."""
    s = GraphStore()
    s.add_document(DocumentRecord("d1", "h1", title="Kerry and Lavrov meet",
                                  date="2016-03-01"), [
        _t("d1", KERRY, "MEETS", LAVROV, "CONSULT", "VERBAL_COOPERATION",
           "Kerry met Lavrov in Moscow."),
        _t("d1", KERRY, "MEETS", LAVROV, "CONSULT", "VERBAL_COOPERATION",
           "Kerry met Lavrov again on Tuesday."),
        _t("d1", LAVROV, "NEGOTIATES", KERRY, "CONSULT", "VERBAL_COOPERATION",
           "Lavrov held talks with Kerry."),
        _t("d1", SYRIA, "ATTACKS", ISIS, "ASSAULT", "MATERIAL_CONFLICT",
           "Syrian forces attacked ISIS near Palmyra."),
        _t("d1", KERRY, "ACCUSES", SYRIA, "ACCUSE", "VERBAL_CONFLICT",
           "Kerry accused Syria of violating the truce."),
    ])
    s.add_document(DocumentRecord("d2", "h2", title=XSS_TITLE, date="2016-04-02"), [
        _t("d2", UN, "AIDS", SYRIA, "AID", "MATERIAL_COOPERATION", "The UN sent aid to Syria."),
        _t("d2", HOSTILE, "THREATENS", UN, "THREATEN", "VERBAL_CONFLICT", XSS_SENTENCE),
        _t("d2", KERRY, "ATTACKS", ISIS, "ASSAULT", "MATERIAL_CONFLICT",
           "Kerry did not attack ISIS.", negated=True),
        _t("d2", NOBODY, "SANCTIONS", SYRIA, "SANCTION", "MATERIAL_CONFLICT",
           "The party might sanction Syria.", modality="hypothetical"),
        _t("d2", ISIS, "ATTACKS", SYRIA, "ASSAULT", "MATERIAL_CONFLICT",
           "ISIS attacked Syrian troops."),
        _t("d2", LAVROV, "SUPPORTS", SYRIA, "SUPPORT", "VERBAL_COOPERATION",
           "Lavrov backed the Syrian government."),
    ])
    return s


def page_data(path: Path) -> dict[str, Any]:
    html = path.read_text(encoding="utf-8")
    m = re.search(r'<script type="application/json" id="ag-data">(.*?)</script>', html, re.S)
    assert m, "no data block"
    return json.loads(m.group(1))


def asserted_counts(store: GraphStore, nodes: set[str] | None = None) -> tuple[int, int]:
    """(actors in an asserted relation, asserted relations), optionally among ``nodes``."""
    edges = [(u, v) for u, v, d in store.graph.edges(data=True) if d["asserted"]
             and (nodes is None or (u in nodes and v in nodes))]
    return len({n for e in edges for n in e}), len(edges)


# --- unit tests ---------------------------------------------------------------------------


def test_script_json_escapes_everything_that_could_end_or_confuse_a_script() -> None:
    obj = {"s": XSS_SENTENCE, "n": XSS_NAME, "a": XSS_ALIAS}
    text = _script_json(obj)
    for bad in ("<", ">", "&", "\u2028", "\u2029"):
        assert bad not in text
    assert json.loads(text) == obj


class _Tags(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.tags: list[tuple[str, dict[str, str | None]]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))


def test_page_is_self_contained_and_escapes_untrusted_text(tmp_path: Path) -> None:
    path = render_html(small_store(), tmp_path / "g.html", title="<b>Syria</b> & co")
    html = path.read_text(encoding="utf-8")
    parser = _Tags()
    parser.feed(html)
    tags = parser.tags
    # Nothing is loaded from anywhere: no external scripts, styles, images, frames.
    assert not [t for t, a in tags if t in ("link", "img", "iframe", "object", "embed")]
    assert all("src" not in a for t, a in tags if t == "script")
    assert "sourceMappingURL" not in html
    csp = next(a["content"] for t, a in tags
               if t == "meta" and a.get("http-equiv") == "Content-Security-Policy")
    assert csp and "default-src 'none'" in csp and "unsafe-inline" not in csp.split("style-src")[0]
    # The hostile strings appear only escaped: in JSON as \u003c..., in markup as &lt;...
    for raw in (XSS_NAME, XSS_ALIAS, XSS_TITLE, "<img src=x", "<svg onload", "alert(4)</"):
        assert raw not in html
    assert "&lt;b&gt;Syria&lt;/b&gt; &amp; co" in html
    assert html.count("</script>") == len([t for t, _ in tags if t == "script"])


def test_page_holds_every_relation_and_summary(tmp_path: Path) -> None:
    store = small_store()
    data = page_data(render_html(store, tmp_path / "g.html"))
    assert len(data["nodes"]) == store.graph.number_of_nodes() == 7
    assert len(data["edges"]) == store.graph.number_of_edges() == 10
    meta = data["meta"]
    assert meta["summary"]["documents"] == 2
    assert (meta["summary"]["first_date"], meta["summary"]["last_date"]) == (
        "2016-03-01", "2016-04-02")
    assert meta["droppedNodes"] == 0 and meta["showNonAsserted"] is False
    edge = next(e for e in data["edges"] if e["relation"] == "THREATENS")
    assert edge["evidence"] == [[XSS_TITLE, XSS_SENTENCE]]
    assert edge["color"] == QUAD_COLOURS["VERBAL_CONFLICT"]
    assert edge["arrows"] == "to"
    hostile = next(n for n in data["nodes"] if n["key"] == HOSTILE.id)
    assert hostile["label"] == XSS_NAME and hostile["aliases"] == [XSS_ALIAS]
    assert hostile["group"] == "ORGANIZATION"
    assert data["options"]["groups"]["ORGANIZATION"]["color"]["background"] == ACTOR_COLOURS[
        "ORGANIZATION"]
    dashed = {e["relation"] for e in data["edges"] if e["dashes"]}
    assert dashed == {"ATTACKS", "SANCTIONS"} and all(not e["asserted"] for e in data["edges"]
                                                      if e["dashes"])
    meets = next(e for e in data["edges"] if e["relation"] == "MEETS")
    assert meets["count"] == 2 and meets["value"] == 2
    # Kerry<->Lavrov have two relations: they fan out instead of overlapping.
    # Curves are judged from Kerry to Lavrov: Lavrov->Kerry clockwise is Kerry->Lavrov's
    # anticlockwise side.
    key = {n["id"]: n["key"] for n in data["nodes"]}
    sides = set()
    for e in data["edges"]:
        if e["relation"] in ("MEETS", "NEGOTIATES"):
            clockwise = e["smooth"]["type"] == "curvedCW"
            sides.add(clockwise == (key[e["from"]] == KERRY.id))
    assert sides == {True, False}
    # Precomputed layout: every node has a position and physics is off.
    assert all("x" in n and "y" in n for n in data["nodes"])
    assert data["options"]["physics"]["enabled"] is False


def test_max_nodes_keeps_top_actors_and_says_what_is_left_out(tmp_path: Path) -> None:
    store = small_store()
    top = select_actors(store, 3)
    weight = sorted((store.graph.nodes[n]["asserted_mentions"] for n in store.graph),
                    reverse=True)
    assert [store.graph.nodes[n]["asserted_mentions"] for n in top] == weight[:3]
    path = render_html(store, tmp_path / "g.html", max_nodes=3)
    data = page_data(path)
    kept = {n["key"] for n in data["nodes"]}
    assert kept == set(top)
    expected_edges = [(u, v) for u, v in store.graph.edges() if u in kept and v in kept]
    assert len(data["edges"]) == len(expected_edges)
    assert data["meta"]["droppedNodes"] == 4
    assert data["meta"]["droppedEdges"] == 10 - len(expected_edges)
    html = path.read_text(encoding="utf-8")
    assert "4 actors and" in html and "left out" in html


def test_max_nodes_ranks_actors_by_asserted_mentions_only(tmp_path: Path) -> None:
    # Hungary and Slovakia have 10 mentions each, all negated or hedged; Portugal and Spain
    # 2 each, asserted. Only facts may decide who is drawn.
    store = hedged_store()
    assert store.graph.nodes[HUN.id]["mentions"] > store.graph.nodes[PRT.id]["mentions"]
    assert set(select_actors(store, 2)) == FACTS
    assert set(select_actors(store, None)[2:]) == HEDGED  # still drawable, ranked last
    page = render_html(store, tmp_path / "g.html", max_nodes=2)
    data = page_data(page)
    assert {n["key"] for n in data["nodes"]} == FACTS
    assert data["meta"]["droppedNodes"] == 2
    assert "2 actors with most asserted mentions" in page.read_text(encoding="utf-8")
    # The full page sizes nodes by asserted mentions and carries both numbers.
    nodes = {n["key"]: n for n in page_data(render_html(store, tmp_path / "all.html"))["nodes"]}
    assert (nodes[PRT.id]["value"], nodes[PRT.id]["assertedMentions"],
            nodes[PRT.id]["mentions"]) == (2, 2, 2)
    assert (nodes[HUN.id]["value"], nodes[HUN.id]["assertedMentions"],
            nodes[HUN.id]["mentions"]) == (0, 0, 10)
    radius = _radii(_view(store, None), store.graph)
    assert radius[PRT.id] == radius[ESP.id] == NODE_MAX
    assert radius[HUN.id] == NODE_MIN


def test_picture_labels_the_actors_with_most_asserted_mentions(tmp_path: Path) -> None:
    pytest.importorskip("matplotlib")
    store = hedged_store()
    svg = render_image(store, tmp_path / "g.svg", max_nodes=None, labels=2,
                       show_non_asserted=True).read_text(encoding="utf-8")
    assert "<!-- Portugal -->" in svg and "<!-- Spain -->" in svg
    assert "Hungary" not in svg and "Slovakia" not in svg
    svg = render_image(store, tmp_path / "top.svg", max_nodes=2).read_text(encoding="utf-8")
    assert "<!-- Portugal -->" in svg and "Hungary" not in svg


def test_layouts(tmp_path: Path) -> None:
    store = small_store()
    pos = {n: (i, -i) for i, n in enumerate(store.graph)}
    data = page_data(render_html(store, tmp_path / "a.html", layout=pos))
    x = {n["key"]: n["x"] for n in data["nodes"]}
    xs = [x[n] for n in store.graph]
    assert xs == sorted(xs) and len(set(xs)) == len(xs)  # the given positions, rescaled
    data = page_data(render_html(store, tmp_path / "b.html", layout="physics"))
    assert data["options"]["physics"]["enabled"] is True
    assert not any("x" in n for n in data["nodes"])
    with pytest.raises(ValueError, match="no position"):
        render_html(store, tmp_path / "c.html", layout={"person:john_kerry": (0, 0)})
    with pytest.raises(ValueError, match="unknown layout"):
        render_html(store, tmp_path / "d.html", layout="circle")  # type: ignore[arg-type]


def test_fast_layout_spreads_a_large_graph() -> None:
    g = nx.barabasi_albert_graph(1500, 2, seed=3)
    pos = compute_layout(g, "auto")
    assert len(pos) == 1500
    pts = list(pos.values())
    assert len({(round(x, 6), round(y, 6)) for x, y in pts}) == 1500  # no two on one spot
    # Layout units: neighbours about 1 apart, whatever the size of the graph.
    import numpy as np

    p = np.array(pts)
    dist = np.hypot(*(p[:, None, :] - p[None, :, :]).transpose(2, 0, 1))
    np.fill_diagonal(dist, np.inf)
    nearest = sorted(dist.min(axis=1))
    assert 0.2 < nearest[len(nearest) // 2] < 3


def test_components_are_packed_not_scattered() -> None:
    g = nx.disjoint_union_all([nx.complete_graph(12), nx.path_graph(2), nx.path_graph(2),
                               nx.path_graph(3)])
    pos = compute_layout(g)
    xs = [p[0] for p in pos.values()]
    ys = [p[1] for p in pos.values()]
    main = [pos[v] for v in range(12)]
    main_w = max(p[0] for p in main) - min(p[0] for p in main)
    # The main component takes a good share of the picture, not a corner of it.
    assert main_w > 0.3 * (max(xs) - min(xs))
    assert max(ys) - min(ys) < 3 * (max(xs) - min(xs))


def test_empty_store_renders(tmp_path: Path) -> None:
    data = page_data(render_html(GraphStore(), tmp_path / "e.html"))
    assert data["nodes"] == [] and data["edges"] == []
    assert render_image(GraphStore(), tmp_path / "e.png").stat().st_size > 0


def test_render_image_png_and_svg(tmp_path: Path) -> None:
    pytest.importorskip("matplotlib")
    store = small_store()
    png = render_image(store, tmp_path / "g.png", title="Costs $5 <b>")
    assert png.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    svg = render_image(store, tmp_path / "g.svg", show_non_asserted=True)
    text = svg.read_text(encoding="utf-8")
    assert text.lstrip().startswith("<?xml") and "<svg" in text
    assert "<img" not in text and "<script" not in text  # names are drawn, not embedded
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    render_image(store, ARTIFACTS / "view_small.png", title="Synthetic test graph",
                 show_non_asserted=True)
    with pytest.raises(ValueError, match=r"\.png or \.svg"):
        render_image(store, tmp_path / "g.gif")


# --- browser tests ------------------------------------------------------------------------

browser = pytest.mark.skipif(not have_chromium(), reason="needs Playwright and /usr/bin/chromium")


@pytest.fixture(scope="module")
def chromium() -> Any:
    if not have_chromium():
        pytest.skip("needs Playwright and /usr/bin/chromium")
    with open_browser() as context:
        yield context


def shown(page: Any) -> tuple[int, int]:
    s = page.evaluate("actorgraph.shown()")
    return s["nodes"], s["edges"]


def loaded(page: Any) -> None:
    wait_for(page, "document.body && document.body.dataset.state === 'stable'", 60)


def clean(log: Any) -> None:
    assert log.errors == []
    assert log.external_requests == []
    assert log.dialogs == []
    assert len(log.requests) == 1 and log.requests[0].startswith("file://")


def screen_point(page: Any, js_canvas_point: str) -> tuple[float, float]:
    """A canvas point (JS expression over ``a`` = window.actorgraph) in page coordinates."""
    p = page.evaluate(f"""(() => {{ const a = window.actorgraph; const c = {js_canvas_point};
        const d = a.network.canvasToDOM(c);
        const r = document.getElementById('ag-network').getBoundingClientRect();
        return [d.x + r.left, d.y + r.top]; }})()""")
    return p[0], p[1]


def hover(page: Any, x: float, y: float) -> None:
    page.mouse.move(x - 40, y - 40)
    page.mouse.move(x, y, steps=6)
    page.wait_for_timeout(400)


@pytest.mark.browser
@browser
def test_page_loads_offline_and_shows_asserted_relations(tmp_path: Path, chromium: Any) -> None:
    store = small_store()
    path = render_html(store, tmp_path / "g.html", title="Syria talks, spring 2016")
    with open_page(path, context=chromium) as (page, log):
        loaded(page)
        total = page.evaluate("[actorgraph.nodes.length, actorgraph.edges.length]")
        assert total == [store.graph.number_of_nodes(), store.graph.number_of_edges()]
        assert shown(page) == asserted_counts(store) == (6, 8)
        # The checkbox shows negated and hedged relations too, dashed.
        page.check("#ag-non-asserted")
        assert shown(page) == (7, 10)
        dashed = page.evaluate(
            "actorgraph.edgeView.get({filter: e => e.dashes}).map(e => e.factuality).sort()")
        assert dashed == ["hypothetical", "negated"]
        page.uncheck("#ag-non-asserted")
        assert shown(page) == (6, 8)
        assert "Syria talks, spring 2016" in page.title()
        summary = page.text_content("#ag-summary") or ""
        assert "2 documents" in summary and "7 actors" in summary and "10 relations" in summary
        assert "2016-03-01 – 2016-04-02" in summary
        ARTIFACTS.mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(ARTIFACTS / "view_small.html.png"))
        clean(log)


@pytest.mark.browser
@browser
def test_show_non_asserted_option_starts_with_everything(tmp_path: Path, chromium: Any) -> None:
    store = small_store()
    path = render_html(store, tmp_path / "g.html", show_non_asserted=True)
    with open_page(path, context=chromium) as (page, log):
        loaded(page)
        assert shown(page) == (store.graph.number_of_nodes(), store.graph.number_of_edges())
        assert page.is_checked("#ag-non-asserted")
        clean(log)


@pytest.mark.browser
@browser
def test_filters_change_what_is_visible(tmp_path: Path, chromium: Any) -> None:
    store = small_store()
    path = render_html(store, tmp_path / "g.html")
    with open_page(path, context=chromium) as (page, log):
        loaded(page)
        assert shown(page) == (6, 8)
        # Quad class: material conflict (2 asserted ATTACKS) off.
        page.uncheck('#ag-quads input[data-quad="MATERIAL_CONFLICT"]')
        assert shown(page) == (5, 6)  # ISIS was only in attacks
        page.uncheck('#ag-quads input[data-quad="VERBAL_CONFLICT"]')  # ACCUSES, THREATENS
        assert shown(page) == (4, 4)  # meets, talks, supports, aids
        page.check('#ag-quads input[data-quad="MATERIAL_CONFLICT"]')
        page.check('#ag-quads input[data-quad="VERBAL_CONFLICT"]')
        # Relation type.
        page.click("#ag-relations-box summary")
        page.uncheck('#ag-relations input[data-relation="MEETS"]')
        assert shown(page) == (6, 7)
        page.click("#ag-rel-none")
        assert shown(page) == (0, 0)
        page.click("#ag-rel-all")
        assert shown(page) == (6, 8)
        # Minimum count: only MEETS was said twice.
        page.fill("#ag-min-count", "2")
        page.dispatch_event("#ag-min-count", "input")
        assert shown(page) == (2, 1)
        page.fill("#ag-min-count", "1")
        page.dispatch_event("#ag-min-count", "input")
        # Actor type: people off removes their relations.
        page.uncheck('#ag-types input[data-type="PERSON"]')
        assert shown(page) == (4, 4)  # Syria-ISIS both ways, UN-Syria, hostile-UN
        page.uncheck("#ag-hide-isolated")
        assert shown(page) == (5, 4)  # plus the Quiet Party, only in a hedged relation
        page.check('#ag-types input[data-type="PERSON"]')
        page.check("#ag-hide-isolated")
        assert shown(page) == (6, 8)
        clean(log)


@pytest.mark.browser
@browser
def test_details_and_search_weigh_asserted_mentions(tmp_path: Path, chromium: Any) -> None:
    path = render_html(hedged_store(), tmp_path / "g.html", show_non_asserted=True)
    with open_page(path, context=chromium) as (page, log):
        loaded(page)
        # The search list and a partial-name search prefer facts over hedged mentions.
        first = page.evaluate("document.querySelector('#ag-names option').value")
        assert first in ("Portugal", "Spain")
        best = page.evaluate("actorgraph.nodes.get(actorgraph.findActor('a')).key")
        assert best in FACTS
        page.fill("#ag-search", "hungary")
        page.press("#ag-search", "Enter")
        details = page.text_content("#ag-details") or ""
        assert "0 asserted of 10 mentions" in details, details
        page.fill("#ag-search", "portugal")
        page.press("#ag-search", "Enter")
        assert "2 asserted of 2 mentions" in (page.text_content("#ag-details") or "")
        clean(log)


@pytest.mark.browser
@browser
def test_search_focuses_on_a_neighbourhood(tmp_path: Path, chromium: Any) -> None:
    store = small_store()
    path = render_html(store, tmp_path / "g.html")
    asserted = nx.Graph()
    asserted.add_edges_from((u, v) for u, v, d in store.graph.edges(data=True) if d["asserted"])
    with open_page(path, context=chromium) as (page, log):
        loaded(page)
        page.fill("#ag-search", "lavrov")
        page.press("#ag-search", "Enter")
        around = {"person:sergei_lavrov", *asserted.adj["person:sergei_lavrov"]}
        expected_edges = sum(1 for u, v, d in store.graph.edges(data=True)
                             if d["asserted"] and u in around and v in around)
        assert shown(page) == (len(around), expected_edges) == (3, 4)
        keys = page.evaluate("actorgraph.nodeView.get().map(n => n.key).sort()")
        assert set(keys) == around
        assert "Sergei Lavrov" in (page.text_content("#ag-details") or "")
        # Two steps from Lavrov reach ISIS and the UN through Syria.
        page.select_option("#ag-depth", "2")
        two = set(nx.single_source_shortest_path_length(asserted, "person:sergei_lavrov", 2))
        assert shown(page)[0] == len(two)
        # An alias works too, and "Show all" goes back.
        page.fill("#ag-search", "ISIS")
        page.press("#ag-search", "Enter")
        assert "around Islamic State" in (page.text_content("#ag-status") or "")
        page.click("#ag-clear")
        assert shown(page) == (6, 8)
        page.fill("#ag-search", "nobody at all")
        page.press("#ag-search", "Enter")
        assert "No actor" in (page.text_content("#ag-search-msg") or "")
        clean(log)


@pytest.mark.browser
@browser
def test_hostile_text_is_shown_as_text_and_never_runs(tmp_path: Path, chromium: Any) -> None:
    store = small_store()
    path = render_html(store, tmp_path / "g.html", title=XSS_NAME, show_non_asserted=True)
    with open_page(path, context=chromium) as (page, log):
        loaded(page)
        assert page.title() == XSS_NAME
        assert page.text_content("#ag-title") == XSS_NAME
        # Hover the hostile actor: the tooltip shows its name and alias as text.
        nid = page.evaluate(f"actorgraph.findActor({json.dumps(XSS_NAME)})")
        x, y = screen_point(page, f"a.network.getPositions([{nid}])[{nid}]")
        hover(page, x, y)
        tip = page.text_content("#ag-tip") or ""
        assert XSS_NAME in tip and XSS_ALIAS in tip
        page.mouse.click(x, y)
        assert XSS_NAME in (page.text_content("#ag-details") or "")
        # Hover the middle of its THREATENS edge: evidence sentence and document title.
        x, y = screen_point(page, """(() => {
            const e = a.edges.get({filter: e => e.relation === 'THREATENS'})[0];
            const p = a.network.getPositions([e.from, e.to]);
            return {x: (p[e.from].x + p[e.to].x) / 2, y: (p[e.from].y + p[e.to].y) / 2}; })()""")
        page.mouse.move(0, 0)
        hover(page, x, y)
        tip = page.text_content("#ag-tip") or ""
        assert "threatened the UN </script><script>alert(4)</script>" in tip
        assert XSS_TITLE in tip
        page.mouse.click(x, y)
        page.wait_for_timeout(200)
        details = page.text_content("#ag-details") or ""
        assert XSS_TITLE in details
        # Search by the hostile name goes through the same code paths.
        page.fill("#ag-search", XSS_NAME)
        page.press("#ag-search", "Enter")
        page.wait_for_timeout(600)
        ARTIFACTS.mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(ARTIFACTS / "view_xss.html.png"))
        # Nothing ran: no dialog, no flag, no element made from the data, no image fetched.
        assert log.dialogs == []
        assert page.evaluate("window.__pwned === undefined")
        assert page.evaluate("document.querySelectorAll('img, svg, iframe').length") == 0
        assert page.evaluate("document.querySelectorAll('script').length") == 3
        clean(log)


@pytest.mark.browser
@browser
def test_physics_layout_settles_then_stops(tmp_path: Path, chromium: Any) -> None:
    store = small_store()
    path = render_html(store, tmp_path / "g.html", layout="physics")
    with open_page(path, context=chromium) as (page, log):
        loaded(page)
        assert page.evaluate("actorgraph.network.physics.physicsEnabled") is False
        assert not page.is_checked("#ag-physics")
        page.check("#ag-physics")
        assert page.evaluate("actorgraph.network.physics.physicsEnabled") is True
        page.uncheck("#ag-physics")
        clean(log)


@pytest.mark.browser
@pytest.mark.slow
@browser
def test_a_mid_size_graph_is_interactive(tmp_path: Path, chromium: Any) -> None:
    from bench.view_scale import synthetic_store

    store = synthetic_store(1000, 4000)
    path = render_html(store, tmp_path / "g.html", max_nodes=800)
    kept = set(select_actors(store, 800))
    with open_page(path, context=chromium) as (page, log):
        loaded(page)
        assert page.evaluate("[actorgraph.nodes.length, actorgraph.edges.length]") == [
            800, sum(1 for u, v in store.graph.edges() if u in kept and v in kept)]
        assert shown(page) == asserted_counts(store, kept)
        assert "200 actors and" in (page.text_content("#ag-left-out") or "")
        page.uncheck('#ag-quads input[data-quad="MATERIAL_CONFLICT"]')
        assert shown(page)[1] < asserted_counts(store, kept)[1]
        page.screenshot(path=str(ARTIFACTS / "view_1000.html.png"))
        clean(log)


@pytest.mark.browser
@pytest.mark.slow
@browser
def test_seeds_graph_page(tmp_path: Path, chromium: Any) -> None:
    pipeline = pytest.importorskip("actorgraph.pipeline")
    seeds = sorted((ROOT / "seeds").glob("*"))
    pipeline.build(seeds, tmp_path / "out")
    store = open_store(tmp_path / "out")
    assert store.graph.number_of_nodes() > 0
    path = render_html(store, tmp_path / "seeds.html", title="Seeds")
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    render_image(store, ARTIFACTS / "view_seeds.png", title="Seeds")
    with open_page(path, context=chromium) as (page, log):
        loaded(page)
        assert page.evaluate("[actorgraph.nodes.length, actorgraph.edges.length]") == [
            store.graph.number_of_nodes(), store.graph.number_of_edges()]
        assert shown(page) == asserted_counts(store)
        page.check("#ag-non-asserted")
        page.uncheck("#ag-hide-isolated")
        assert shown(page) == (store.graph.number_of_nodes(), store.graph.number_of_edges())
        page.uncheck("#ag-non-asserted")
        page.check("#ag-hide-isolated")
        page.screenshot(path=str(ARTIFACTS / "view_seeds.html.png"))
        # Focus on the most mentioned actor and hover one of its relations.
        top = select_actors(store, 1)[0]
        page.fill("#ag-search", store.graph.nodes[top]["name"])
        page.press("#ag-search", "Enter")
        page.wait_for_timeout(600)
        x, y = screen_point(page, """(() => {
            const e = a.edgeView.get({order: (p, q) => q.count - p.count})[0];
            const p = a.network.getPositions([e.from, e.to]);
            return {x: p[e.from].x * 0.4 + p[e.to].x * 0.6,
                    y: p[e.from].y * 0.4 + p[e.to].y * 0.6};
        })()""")
        hover(page, x, y)
        assert not page.is_hidden("#ag-tip")
        page.screenshot(path=str(ARTIFACTS / "view_seeds_focus.html.png"))
        clean(log)
