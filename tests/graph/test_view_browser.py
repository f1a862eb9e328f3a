"""The viewer in headless Chromium: offline, safe, readable at scale, every control works.

Pages open from ``file://`` with every request but the page's own (and its evidence side
files) aborted and recorded. Screenshots go to tests/artifacts/ (and, for the README, to
docs/).
"""

from __future__ import annotations

import csv
import io
import os
import sys
from pathlib import Path
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(Path(__file__).resolve().parent))
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from view_fixtures import (  # noqa: E402
    XSS_NAME,
    XSS_SENTENCE,
    XSS_TITLE,
    small_store,
    syndicated_store,
)

from actorgraph.graph.store import GraphStore, open_store  # noqa: E402
from actorgraph.graph.view import render_html, render_image, select_actors  # noqa: E402
from tests.browser import have_chromium, open_browser, open_page, wait_for  # noqa: E402

ARTIFACTS = ROOT / "tests" / "artifacts"
# The README's screenshots are refreshed only on request (ACTORGRAPH_SCREENSHOTS=docs):
# a test run must not rewrite tracked files.
DOCS = ROOT / os.environ.get("ACTORGRAPH_SCREENSHOTS", "tests/artifacts")

pytestmark = [pytest.mark.browser,
              pytest.mark.skipif(not have_chromium(), reason="needs Playwright and Chromium")]


@pytest.fixture(scope="module")
def chromium() -> Any:
    with open_browser() as context:
        yield context


def shown(page: Any) -> tuple[int, int]:
    s = page.evaluate("actorgraph.shown()")
    return s["nodes"], s["edges"]


def loaded(page: Any) -> None:
    wait_for(page, "document.body && document.body.dataset.state === 'stable'", 90)


def clean(log: Any) -> None:
    assert log.errors == []
    assert log.external_requests == []
    assert log.dialogs == []


def asserted_counts(store: GraphStore) -> tuple[int, int]:
    edges = [(u, v) for u, v, d in store.graph.edges(data=True) if d["asserted"]]
    return len({n for e in edges for n in e}), len(edges)


def shown_in_view(page: Any) -> dict[str, float]:
    """How much of the canvas the shown actors' bounding box fills after framing."""
    return page.evaluate("""(() => {
        const a = window.actorgraph, c = document.getElementById('ag-network');
        const pos = a.network.getPositions(a.shownNodes());
        const pts = Object.values(pos).map(p => a.network.canvasToDOM(p));
        const xs = pts.map(p => p.x), ys = pts.map(p => p.y);
        return {w: (Math.max(...xs) - Math.min(...xs)) / c.clientWidth,
                h: (Math.max(...ys) - Math.min(...ys)) / c.clientHeight,
                inside: pts.every(p => p.x >= 0 && p.y >= 0 && p.x <= c.clientWidth
                                        && p.y <= c.clientHeight)};
    })()""")


def small_png(page: Any, path: Path) -> None:
    """A screenshot for the README, quantised to 256 colours (a third of the bytes)."""
    from PIL import Image

    path.parent.mkdir(exist_ok=True)
    page.screenshot(path=str(path))
    Image.open(path).convert("RGB").quantize(256).save(path, optimize=True)


def settle(page: Any, ms: int = 600) -> None:
    page.wait_for_timeout(ms)  # the re-framing animation (300 ms) and a drawing


def test_page_loads_offline_and_names_every_actor(tmp_path: Path, chromium: Any) -> None:
    store = small_store()
    path = render_html(store, tmp_path / "g.html", title="Syria talks, spring 2016")
    with open_page(path, context=chromium) as (page, log):
        loaded(page)
        assert page.title() == "Syria talks, spring 2016"
        assert shown(page) == asserted_counts(store)
        placed = page.evaluate("actorgraph.labels.placed.map(p => p.text)")
        names = page.evaluate("actorgraph.shownNodes().map(i => actorgraph.N[i].name)")
        assert sorted(placed) == sorted(names)  # a small graph: every actor named
        page.check("#ag-non-asserted")
        page.uncheck("#ag-hide-isolated")
        assert shown(page) == (store.graph.number_of_nodes(), store.graph.number_of_edges())
        clean(log)


def test_hostile_text_is_shown_as_text_and_never_runs(tmp_path: Path, chromium: Any) -> None:
    path = render_html(small_store(), tmp_path / "g.html", title=XSS_NAME,
                       show_non_asserted=True)
    with open_page(path, context=chromium) as (page, log):
        loaded(page)
        assert page.evaluate("document.title") == XSS_NAME
        eid = page.evaluate("actorgraph.E.find(e => e.rel === 'THREATENS').id")
        page.evaluate(f"actorgraph.details.edge({eid})")
        wait_for(page, "document.querySelector('#ag-details .ag-ev')")
        card = page.locator("#ag-details .ag-ev").first
        assert XSS_SENTENCE.split("<!--")[0].strip() in card.inner_text()
        # The javascript: URL of that document is text, not a link; its title is text too.
        assert card.locator("a").count() == 0
        assert XSS_TITLE in card.inner_text() and "<b>Outlet</b>" in card.inner_text()
        assert page.evaluate("window.__pwned === undefined")
        assert page.locator("#ag-details img, #ag-details script, #ag-details svg image"
                            ).count() == 0
        clean(log)


def test_evidence_cards_carry_date_outlet_link_and_marks(tmp_path: Path,
                                                         chromium: Any) -> None:
    path = render_html(syndicated_store(), tmp_path / "g.html")
    with open_page(path, context=chromium) as (page, log):
        loaded(page)
        page.evaluate("actorgraph.details.edge(0)")
        wait_for(page, "document.querySelector('#ag-details .ag-ev')")
        cards = page.locator("#ag-details .ag-ev")
        assert cards.count() == 5  # a page of five sentence groups
        first = cards.first
        link = first.locator(".ag-src a").first
        assert link.get_attribute("href").startswith("https://news.example/")
        assert "noopener" in link.get_attribute("rel")
        assert link.get_attribute("target") == "_blank"
        text = first.locator(".ag-src").first.inner_text()
        assert "2016-03-" in text  # newest first, with its date and outlet
        assert first.locator("mark.ag-m-s").inner_text() == "Kerry"
        assert first.locator("mark.ag-m-o").inner_text() == "Lavrov"
        # Every sentence is reachable: the next page holds the sixth, the (older) wire
        # sentence: one card, "7 reports from 7 outlets".
        assert "sentences 1–5 of 6" in page.locator("#ag-details .ag-pager").inner_text()
        page.click("#ag-details .ag-next")
        assert cards.count() == 1
        wire = page.locator("#ag-details .ag-ev[data-copies='7']")
        assert wire.count() == 1 and wire.get_attribute("data-outlets") == "7"
        assert "7 reports from 7 outlets" in wire.inner_text()
        # Mentions per month: a bar per month from January to March.
        assert page.locator("#ag-details .ag-spark rect").count() == 3
        clean(log)


def test_relation_chip_opens_its_evidence(tmp_path: Path, chromium: Any) -> None:
    path = render_html(small_store(), tmp_path / "g.html")
    with open_page(path, context=chromium) as (page, log):
        loaded(page)
        kerry = page.evaluate("actorgraph.findActor('John Kerry')")
        page.evaluate(f"actorgraph.details.node({kerry})")
        chip = page.locator("#ag-details .ag-chip", has_text="Sergei Lavrov").first
        relation = chip.locator(".ag-tag").inner_text()
        chip.click()
        wait_for(page, "document.querySelector('#ag-details .ag-ev')")
        head = page.locator("#ag-details .ag-h").first.inner_text()
        assert "John Kerry" in head and "Sergei Lavrov" in head
        assert page.locator("#ag-details .ag-tag").first.inner_text() == relation
        assert "Lavrov" in page.locator("#ag-details .ag-ev q").first.inner_text()
        clean(log)


def test_evidence_side_files_load_on_demand(tmp_path: Path, chromium: Any) -> None:
    path = render_html(syndicated_store(), tmp_path / "g.html", evidence="files")
    with open_page(path, context=chromium) as (page, log):
        loaded(page)
        assert not [r for r in log.requests if "g.evidence." in r]  # nothing until asked
        page.evaluate("actorgraph.details.edge(0)")
        wait_for(page, "document.querySelector('#ag-details .ag-ev')")
        assert [r for r in log.requests if r.endswith("g.evidence.0.js")]
        clean(log)
    (tmp_path / "g.evidence.0.js").unlink()  # the page moved without its side file
    with open_page(path, context=chromium) as (page, _log):
        loaded(page)
        page.evaluate("actorgraph.details.edge(0)")
        wait_for(page, "document.querySelector('.ag-ev-holder').textContent"
                       ".includes('not found')")


def test_date_control_changes_the_shown_relations(tmp_path: Path, chromium: Any) -> None:
    store = small_store()  # March: five relations of d1; April: the rest
    path = render_html(store, tmp_path / "g.html")
    with open_page(path, context=chromium) as (page, log):
        loaded(page)
        before = shown(page)
        assert page.evaluate("document.getElementById('ag-date-to').max") == "1"
        page.evaluate("""(() => { const to = document.getElementById('ag-date-to');
            to.value = '0'; to.dispatchEvent(new Event('input')); })()""")
        march = shown(page)
        assert march[1] == 4 and march != before  # MEETS, NEGOTIATES, ATTACKS, ACCUSES
        assert "2016-03 – 2016-03" in page.inner_text("#ag-date-out")
        rels = page.evaluate("actorgraph.shownEdges().map(i => actorgraph.E[i].rel).sort()")
        assert rels == ["ACCUSES", "ATTACKS", "MEETS", "NEGOTIATES"]
        page.click("#ag-date-reset")
        assert shown(page) == before
        clean(log)


def test_filter_reframes_and_relayout_spreads_what_is_shown(tmp_path: Path,
                                                            chromium: Any) -> None:
    from bench.view_scale import synthetic_store

    store = synthetic_store(400, 1200)
    path = render_html(store, tmp_path / "g.html")
    with open_page(path, context=chromium) as (page, log):
        loaded(page)
        scale0 = page.evaluate("actorgraph.network.getScale()")
        page.click("#ag-relations-box summary")
        page.click("#ag-rel-none")
        rel = page.evaluate("actorgraph.meta.relationCounts[0][0]")
        page.check(f"#ag-relations input[data-relation='{rel}']")
        settle(page)
        n, m = shown(page)
        assert 0 < m < 300
        view = shown_in_view(page)
        assert view["inside"] and max(view["w"], view["h"]) > 0.6  # framed to what is shown
        assert page.evaluate("actorgraph.network.getScale()") != scale0
        page.click("#ag-relayout")
        wait_for(page, "!actorgraph.layout.running && "
                       "!document.getElementById('ag-restore').disabled", 60)
        settle(page)
        assert shown_in_view(page)["inside"]
        page.click("#ag-restore")
        clean(log)


def test_table_view_sorts_and_downloads_csv(tmp_path: Path, chromium: Any) -> None:
    store = small_store()
    path = render_html(store, tmp_path / "g.html")
    with open_page(path, context=chromium) as (page, log):
        loaded(page)
        page.click("#ag-table-toggle")
        rows = page.locator("#ag-table-body tr")
        assert rows.count() == asserted_counts(store)[1]
        counts = [int(rows.nth(i).locator("td").nth(5).inner_text()) for i in range(rows.count())]
        assert counts == sorted(counts, reverse=True)  # by mentions, most first
        page.click("#ag-table-head button[data-key='source']")
        sources = [rows.nth(i).locator("td").first.inner_text() for i in range(rows.count())]
        assert sources == sorted(sources)
        with page.expect_download() as info:
            page.click("#ag-csv")
        text = Path(info.value.path()).read_text(encoding="utf-8")
        table = list(csv.reader(io.StringIO(text)))
        assert table[0][:3] == ["Source", "Relation", "Target"]
        assert len(table) == 1 + asserted_counts(store)[1]
        assert any(r[0] == XSS_NAME for r in table[1:])  # as text, a leading < is harmless
        rows.first.click()
        assert not page.is_hidden("#ag-details")
        clean(log)


def test_url_hash_restores_a_view(tmp_path: Path, chromium: Any) -> None:
    store = small_store()
    path = render_html(store, tmp_path / "g.html")
    with open_page(path, context=chromium) as (page, log):
        loaded(page)
        page.uncheck("#ag-quads input[data-quad='VERBAL_COOPERATION']")
        page.check("#ag-non-asserted")
        page.select_option("#ag-colour", "community")
        page.fill("#ag-search", "Syria")
        page.press("#ag-search", "Enter")
        page.click("#ag-table-toggle")
        settle(page)
        want = shown(page)
        url = page.evaluate("location.href")
        assert "#" in url and "q=VERBAL_COOPERATION" in url and "f=country" in url
        clean(log)
    page = chromium.new_page()
    try:
        page.goto(url)
        loaded(page)
        assert shown(page) == want
        assert not page.is_checked("#ag-quads input[data-quad='VERBAL_COOPERATION']")
        assert page.is_checked("#ag-non-asserted")
        assert page.input_value("#ag-colour") == "community"
        assert page.evaluate("actorgraph.N[actorgraph.state.focus].name") == "Syria"
        assert not page.is_hidden("#ag-table")
        # A hand-made hash with junk in it changes nothing it should not.
        page.goto("about:blank")
        page.goto(url.split("#")[0] + "#tb=__proto__:9&e=99999&f=%3Cimg%20src%3Dx%3E&m=abc"
                  "&dt=never..ever")
        loaded(page)
        assert page.evaluate("actorgraph.table.sort.key") == "count"
        assert page.evaluate("actorgraph.state.focus") is None
        assert shown(page) == asserted_counts(store)
        assert page.evaluate("window.__pwned === undefined")
        # Editing the hash in place opens that view afresh.
        page.evaluate("location.hash = 'q=VERBAL_COOPERATION'")
        page.wait_for_timeout(300)
        loaded(page)
        assert not page.is_checked("#ag-quads input[data-quad='VERBAL_COOPERATION']")
        assert page.is_hidden("#ag-table")
    finally:
        page.close()


def test_top_labels_are_readable_at_the_fitted_zoom(tmp_path: Path, chromium: Any) -> None:
    from bench.view_scale import synthetic_store

    store = synthetic_store(400, 1200)
    path = render_html(store, tmp_path / "g.html", title="Synthetic: 400 actors")
    with open_page(path, context=chromium) as (page, log):
        loaded(page)
        placed = page.evaluate("actorgraph.labels.placed")
        shown_ids = set(page.evaluate("actorgraph.shownNodes()"))
        keys = page.evaluate("actorgraph.N.map(n => n.key)")
        top = [k for k in select_actors(store, None) if keys.index(k) in shown_ids][:30]
        named = {keys[p["id"]] for p in placed if p["top"]}
        assert named == set(top)
        width, height = page.evaluate("[document.getElementById('ag-network').clientWidth,"
                                      " document.getElementById('ag-network').clientHeight]")
        for i, a in enumerate(placed):
            assert a["h"] >= 14 and 0 <= a["x"] - a["w"] / 2 and a["x"] + a["w"] / 2 <= width
            assert 0 <= a["y"] - a["h"] / 2 and a["y"] + a["h"] / 2 <= height
            for b in placed[i + 1:]:
                assert not (abs(a["x"] - b["x"]) * 2 < a["w"] + b["w"] - 0.01
                            and abs(a["y"] - b["y"]) * 2 < a["h"] + b["h"] - 0.01)
        # Zoomed in on the busiest actor, the top names still fit without overlap.
        page.evaluate("actorgraph.network.moveTo({scale: actorgraph.network.getScale() * 3})")
        page.wait_for_timeout(200)
        assert page.evaluate("actorgraph.labels.placed.length") > 0
        # Small components: hidden with a count, shown on request.
        small = page.inner_text("#ag-small-n")
        assert "group" in small
        before = shown(page)
        page.check("#ag-small")
        assert shown(page)[0] > before[0]
        page.uncheck("#ag-small")
        page.evaluate("actorgraph.network.fit()")
        page.evaluate("actorgraph.network.moveTo({scale: actorgraph.network.getScale() * 0.9})")
        page.wait_for_timeout(200)
        small_png(page, DOCS / "viewer-400-actors.png")
        clean(log)


def test_community_colours_and_country_rollup_toggle(tmp_path: Path, chromium: Any) -> None:
    from bench.view_scale import synthetic_store

    store = synthetic_store(300, 900)
    path = render_html(store, tmp_path / "g.html")
    with open_page(path, context=chromium) as (page, log):
        loaded(page)
        colour = "actorgraph.nodes.get(0).color.background"
        by_type = page.evaluate(colour)
        page.select_option("#ag-colour", "community")
        assert page.evaluate(colour) != by_type or page.evaluate(
            "actorgraph.N[0].community") > 11
        assert page.is_disabled("#ag-rollup")  # synthetic actors have no sector
        clean(log)


def test_physics_layout_settles_then_stops(tmp_path: Path, chromium: Any) -> None:
    store = small_store()
    path = render_html(store, tmp_path / "g.html", layout="physics")
    with open_page(path, context=chromium) as (page, log):
        loaded(page)
        assert not page.is_checked("#ag-physics")
        assert page.evaluate("actorgraph.network.physics.physicsEnabled") is False
        assert page.evaluate("actorgraph.labels.placed.length") == shown(page)[0]
        clean(log)


@pytest.mark.slow
def test_seeds_page(seeds_out: Path, chromium: Any, tmp_path: Path) -> None:
    store = open_store(seeds_out)
    path = render_html(store, tmp_path / "seeds.html", title="Seeds")
    with open_page(path, context=chromium) as (page, log):
        loaded(page)
        assert shown(page) == asserted_counts(store) or shown(page)[1] <= asserted_counts(
            store)[1]
        placed = page.evaluate("actorgraph.labels.placed.filter(p => p.top).length")
        assert placed == min(30, shown(page)[0])
        top = page.evaluate("actorgraph.E.filter(e => e.asserted)"
                            ".sort((a, b) => b.count - a.count)[0].id")
        page.evaluate(f"actorgraph.details.edge({top})")
        wait_for(page, "document.querySelector('#ag-details .ag-ev')")
        assert page.locator("#ag-details mark").count() >= 1
        small_png(page, DOCS / "viewer-seeds.png")
        figure = render_image(store, tmp_path / "figure.png", title="Seeds", size=(11, 7),
                              dpi=110)
        from PIL import Image

        Image.open(figure).convert("RGB").quantize(256).save(DOCS / "figure-seeds.png",
                                                             optimize=True)
        # Roll state sectors into their country: "Russia government" joins Russia.
        assert page.is_enabled("#ag-rollup")
        before = shown(page)
        page.check("#ag-rollup")
        after = shown(page)
        assert after[0] < before[0]
        names = page.evaluate("actorgraph.shownNodes().map(i => actorgraph.N[i].name)")
        assert "Russia government" not in names and "Russia" in names
        page.uncheck("#ag-rollup")
        assert shown(page) == before
        clean(log)
