"""The viewer's big-page mode in headless chromium (level of detail, kg/viewer/assets/detail.js): past 1,500
nodes vis holds the most central entities and, once zoomed in, what is in view; everything else visible is
drawn under it as one canvas layer. The page here (about 2,000 synthetic entities and a few hostile ones,
2,700 nodes) runs the same code as the 10,000-entity page of bench/bench_viewer.py, in seconds instead of
minutes. Features, not speed: no timing assertions (speed is measured by the benchmark)."""

from __future__ import annotations

import browser_support  # skips this module without chromium; the browser fixture is in conftest
import pytest
from test_network_browser import assert_offline, labels_ok
from test_viewer_browser import open_page
from test_viewer_support import XSS_IMG, XSS_SCRIPT, hostile_graph

from kg.viewer import render_html
from kg.viewer.synthetic import synthetic_graph


@pytest.fixture(scope="module")
def big_html():
    return render_html(synthetic_graph(2000) + hostile_graph())


@pytest.fixture
def big(browser, big_html, tmp_path):
    opened = open_page(browser, big_html, tmp_path)
    yield opened
    opened.page.context.close()


def zoom_to(page, node_id, scale):
    """Centre the view on a node at a scale and let the level of detail follow at once (a user's zoom gets
    there after a short pause)."""
    page.evaluate("""([id, s]) => { const p = kgViewer.network.getPositions([id])[id];
        kgViewer.network.moveTo({position: p, scale: s}); kgViewer.updateDetail(); kgViewer.network.redraw(); }""",
                  [node_id, scale])


def in_vis_consistent(page):
    """What vis holds is visible, an edge in vis has both ends there, and the rest is drawn by detail.js."""
    # read at one moment (the level of detail may change between two evaluations while a zoom settles)
    state = page.evaluate("""(() => { kgViewer.network.redraw(); const drawn = kgViewer.drawnEdgeIds();
        return {visibleNodes: kgViewer.visibleNodeIds(), visibleEdges: kgViewer.visibleEdgeIds(),
                drawnNodes: kgViewer.drawnNodeIds(), drawnEdges: drawn, detail: kgViewer.detail(),
                ends: drawn.map(id => [kgViewer.edge(id).source, kgViewer.edge(id).target])}; })()""")
    visible_nodes, visible_edges = set(state["visibleNodes"]), set(state["visibleEdges"])
    drawn_nodes, drawn_edges = set(state["drawnNodes"]), set(state["drawnEdges"])
    assert drawn_nodes <= visible_nodes and drawn_edges <= visible_edges
    assert all(a in drawn_nodes and b in drawn_nodes for a, b in state["ends"])
    detail = state["detail"]
    assert detail["restEdges"] == len(visible_edges - drawn_edges)
    assert detail["restNodes"] == len(visible_nodes - drawn_nodes)
    return drawn_nodes, drawn_edges


def test_opens_as_an_overview_with_the_rest_drawn_as_one_layer(big):
    page = big.page
    detail = page.evaluate("kgViewer.detail()")
    assert detail["big"] is True
    drawn_nodes, drawn_edges = in_vis_consistent(page)
    visible = page.evaluate("kgViewer.visibleNodeIds()")
    assert 0 < len(drawn_nodes) < len(visible) and drawn_edges == set()
    assert page.evaluate("kgViewer.detail()")["restEdges"] > 1500, "the overview still shows every edge"
    # the fitted view shows every node (vis' own fit would only see those it holds)
    box = page.evaluate("""(() => { const r = kgViewer.network.canvas.frame.canvas.getBoundingClientRect();
        return [r.width, r.height]; })()""")
    spots = page.evaluate("""ids => ids.map(id => { const n = kgViewer.internals.nodeById[id];
        return kgViewer.network.canvasToDOM({x: n.x, y: n.y}); })""", visible)
    assert all(-1 <= p["x"] <= box[0] + 1 and -1 <= p["y"] <= box[1] + 1 for p in spots)
    assert_offline(big)


def test_top_labels_drawn_without_overlap_at_every_zoom(big):
    page = big.page
    page.evaluate("kgViewer.setSizeBy('pr')")
    labels_ok(page, 20)
    top = page.evaluate("kgViewer.topIds()")
    for scale in (0.02, 0.3, 2.5):
        zoom_to(page, top[0], scale)
        labels_ok(page, 20)
        assert set(top) <= set(page.evaluate("kgViewer.drawnNodeIds()")), "labelled nodes stay in vis"
    page.evaluate("kgViewer.setTopN(60)")
    labels_ok(page, 60)
    best = max(page.evaluate("kgViewer.visibleNodeIds().filter(id => kgViewer.metrics(id)).map(id => kgViewer.metrics(id).pr)"))
    assert page.evaluate("id => kgViewer.metrics(id).pr", top[0]) == best
    sizes = page.evaluate("kgViewer.visibleNodeIds().filter(id => kgViewer.metrics(id)).map(id => kgViewer.internals.nodeById[id].size)")
    assert page.evaluate("id => kgViewer.nodeStyle(id).size", top[0]) == max(sizes)
    assert_offline(big)


def test_colour_by_community_in_vis_and_in_the_drawn_layer(big):
    page = big.page
    page.evaluate("kgViewer.setColourBy('community')")
    pairs = page.evaluate("""kgViewer.visibleNodeIds().filter(id => kgViewer.metrics(id)).map(id =>
        [kgViewer.metrics(id).comm, kgViewer.internals.nodeById[id].colour])""")
    colour_of = {}
    for community, colour in pairs:
        assert colour_of.setdefault(community, colour) == colour
    assert len(set(colour_of.values())) > 1
    in_vis = page.evaluate("kgViewer.drawnNodeIds().filter(id => kgViewer.metrics(id))")
    assert all(page.evaluate("id => kgViewer.nodeStyle(id).colour === kgViewer.internals.nodeById[id].colour", i)
               for i in in_vis[:50])


def test_zooming_in_hands_vis_what_is_in_view_and_an_actor_tie_lists_its_facts(big):
    page = big.page
    page.evaluate("kgViewer.setActor(true)")
    top = page.evaluate("kgViewer.topIds()")[0]
    zoom_to(page, top, 1.5)
    _, drawn_edges = in_vis_consistent(page)
    assert 0 < len(drawn_edges) <= 1500 and all(e.startswith("t") for e in drawn_edges)
    # a point on a tie where vis finds that tie and only it within a few pixels (no node, no other edge)
    spot = page.evaluate("""ids => {
        const net = kgViewer.network, c = net.canvas.frame.canvas;
        for (const id of ids) {
          const e = kgViewer.edge(id), pos = net.getPositions([e.source, e.target]);
          const a = net.canvasToDOM(pos[e.source]), b = net.canvasToDOM(pos[e.target]);
          const m = {x: Math.round((a.x + b.x) / 2), y: Math.round((a.y + b.y) / 2)};
          if (Math.hypot(a.x - b.x, a.y - b.y) < 120 || m.x < 20 || m.y < 20 || m.x > c.clientWidth - 20 || m.y > c.clientHeight - 20) continue;
          let alone = true;
          for (let dx = -3; dx <= 3 && alone; dx += 3) for (let dy = -3; dy <= 3 && alone; dy += 3) {
            const q = {x: m.x + dx, y: m.y + dy};
            alone = net.getNodeAt(q) === undefined && [undefined, id].includes(net.getEdgeAt(q));
          }
          if (alone && net.getEdgeAt(m) === id) return {id: id, x: m.x, y: m.y};
        }
        return null; }""", sorted(drawn_edges))
    assert spot, "some tie in view can be clicked"
    canvas = page.locator("#graph canvas").bounding_box()
    page.mouse.click(canvas["x"] + spot["x"], canvas["y"] + spot["y"])
    page.wait_for_selector("#details ul.facts")
    tie = page.evaluate("id => kgViewer.edge(id)", spot["id"])
    ends = [page.evaluate("id => kgViewer.label(id)", tie[k]) for k in ("source", "target")]
    assert page.locator("#details h2").text_content() == ends[0] + (" \u2192 " if tie["directed"] else " \u2014 ") + ends[1]
    assert page.locator("#details ul.facts > li").count() == len(tie["facts"])
    assert page.locator("#details mark").count() >= len(tie["facts"]), "every fact with its quote"
    assert_offline(big)


def test_timeline_brush_filters_the_big_page(big):
    page = big.page
    everything = len(page.evaluate("kgViewer.visibleNodeIds()"))
    first, last = browser_support.brush_timeline(page, 0.40, 0.45)
    assert first < last
    visible = page.evaluate("kgViewer.visibleNodeIds()")
    assert 0 < len(visible) < everything
    ranges = page.evaluate("""ids => ids.filter(id => id.startsWith('f')).map(id =>
        kgViewer.internals.DATA.facts[kgViewer.internals.nodeById[id].fact].range)""", visible)
    assert ranges and all(r[1] >= first + "-01" and r[0] <= last + "-31" for r in ranges)
    in_vis_consistent(page)
    labels_ok(page, 20)
    page.click("#timeline-clear")
    assert len(page.evaluate("kgViewer.visibleNodeIds()")) == everything
    in_vis_consistent(page)
    assert_offline(big)


def test_search_selects_an_entity_vis_did_not_hold_and_hostile_labels_stay_inert(big):
    page = big.page
    hit = page.evaluate("kgViewer.search('mallory')[0].id")
    assert hit not in page.evaluate("kgViewer.drawnNodeIds()")
    page.evaluate("id => kgViewer.select(id)", hit)
    assert hit in page.evaluate("kgViewer.drawnNodeIds()")
    assert page.evaluate("kgViewer.network.getSelectedNodes()") == [hit]
    assert page.locator("#details h2").text_content() == XSS_IMG
    assert XSS_SCRIPT in page.locator("#details table.props").text_content()
    page.fill("#search", "<img")
    assert XSS_IMG in page.locator("#results").text_content()
    assert page.locator("img").count() == 0
    assert page.evaluate("typeof window.__pwned") == "undefined"
    # a fact node vis did not hold: shown, selected, its quote in the details
    index = page.evaluate("kgViewer.factIndex('award_conferral')")
    hub = page.evaluate("i => kgViewer.hubOf(i)", index)
    assert hub not in page.evaluate("kgViewer.drawnNodeIds()")
    page.evaluate("i => kgViewer.showFact(i)", index)
    assert page.evaluate("kgViewer.network.getSelectedNodes()") == [hub]
    assert page.locator("#details .evidence mark").count() >= 1
    assert_offline(big)


def test_the_detail_follows_a_users_zoom_by_itself(big):
    page = big.page
    top = page.evaluate("kgViewer.topIds()[0]")
    page.evaluate("""id => { const p = kgViewer.network.getPositions([id])[id];
        kgViewer.network.moveTo({position: p, scale: 0.4}); }""", top)
    canvas = page.locator("#graph canvas").bounding_box()
    page.mouse.move(canvas["x"] + canvas["width"] / 2, canvas["y"] + canvas["height"] / 2)
    page.mouse.wheel(0, -200)  # vis zooms in; the level of detail follows once the wheel has stopped
    browser_support.wait_until(page, "kgViewer.detail().edges > 0 && !kgViewer.detail().pending", 10)
    in_vis_consistent(page)
    page.click("#fit")  # back to the overview: vis lets the edges go again
    browser_support.wait_until(page, "kgViewer.detail().edges === 0 && !kgViewer.detail().pending", 10)
    assert page.evaluate("kgViewer.detail()")["restEdges"] > 1500
    assert_offline(big)
