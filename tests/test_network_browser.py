"""The viewer's corpus-scale modes and the report page in headless chromium (as test_viewer_browser.py):
no console errors, no outside request, the top-N labels drawn without overlap at any zoom, the timeline's
brush filtering the graph, an actor-network tie listing its facts, report links opening the viewer."""

from __future__ import annotations

import browser_support  # skips this module without chromium; the browser fixture is in conftest
import pytest
from network_support import golden_graph
from test_viewer_browser import open_page
from test_viewer_support import XSS_IMG, XSS_SCRIPT, hostile_graph

from kg.report import report_html
from kg.viewer import render_html
from kg.viewer.synthetic import synthetic_graph


@pytest.fixture(scope="module")
def corpus_html():
    return render_html(synthetic_graph(400))


@pytest.fixture
def corpus(browser, corpus_html, tmp_path):
    opened = open_page(browser, corpus_html, tmp_path)
    yield opened
    opened.page.context.close()


def assert_offline(opened):
    assert opened.errors == []
    assert opened.requests and all(u.startswith(("file:", "data:")) for u in opened.requests), opened.requests


def labels_ok(page, n):
    page.evaluate("kgViewer.network.redraw()")
    drawn = page.evaluate("kgViewer.drawnLabels()")
    assert sorted(b["id"] for b in drawn) == sorted(page.evaluate("kgViewer.topIds()"))
    assert len(drawn) == n
    for i, a in enumerate(drawn):
        for b in drawn[i + 1:]:
            apart = (a["x"] + a["w"] <= b["x"] or b["x"] + b["w"] <= a["x"] or a["y"] + a["h"] <= b["y"]
                     or b["y"] + b["h"] <= a["y"])
            assert apart, (a, b)


def test_top_labels_are_drawn_without_overlap_at_every_zoom(corpus):
    page = corpus.page
    page.evaluate("kgViewer.setSizeBy('pr')")
    labels_ok(page, 20)
    for scale in (0.02, 0.3, 2.5):
        page.evaluate("s => kgViewer.network.moveTo({scale: s})", scale)
        labels_ok(page, 20)
    page.evaluate("kgViewer.setTopN(40)")
    labels_ok(page, 40)
    top = page.evaluate("kgViewer.topIds()")[0]
    best = max(page.evaluate("kgViewer.visibleNodeIds().filter(id => kgViewer.metrics(id)).map(id => kgViewer.metrics(id).pr)"))
    assert page.evaluate("id => kgViewer.metrics(id).pr", top) == best
    sizes = page.evaluate("kgViewer.visibleNodeIds().filter(id => kgViewer.metrics(id)).map(id => kgViewer.nodeStyle(id).size)")
    assert page.evaluate("id => kgViewer.nodeStyle(id).size", top) == max(sizes)
    assert_offline(corpus)


def test_timeline_brush_filters_the_graph(corpus):
    page = corpus.page
    months = page.evaluate("kgViewer.months()")
    assert len(months) > 12
    everything = len(page.evaluate("kgViewer.visibleNodeIds()"))
    first, last = browser_support.brush_timeline(page, 0.20, 0.30)
    assert first in months and last in months and first < last
    visible = page.evaluate("kgViewer.visibleNodeIds()")
    assert 0 < len(visible) < everything
    ranges = page.evaluate("""ids => ids.filter(id => id.startsWith('f')).map(id =>
        kgViewer.internals.DATA.facts[kgViewer.internals.nodeById[id].fact].range)""", visible)
    assert ranges and all(r[1] >= first + "-01" and r[0] <= last + "-31" for r in ranges)
    labels_ok(page, 20)
    page.click("#timeline-clear")
    assert len(page.evaluate("kgViewer.visibleNodeIds()")) == everything
    assert_offline(corpus)


def test_colour_by_community(corpus):
    page = corpus.page
    page.evaluate("kgViewer.setColourBy('community')")
    pairs = page.evaluate("""kgViewer.visibleNodeIds().filter(id => kgViewer.metrics(id)).map(id =>
        [kgViewer.metrics(id).comm, kgViewer.nodeStyle(id).colour])""")
    colour_of = {}
    for community, colour in pairs:
        assert colour_of.setdefault(community, colour) == colour
    assert len(set(colour_of.values())) > 1


def test_clicking_an_actor_tie_lists_its_facts_with_quotes(browser, tmp_path):
    opened = open_page(browser, render_html(golden_graph()), tmp_path)
    page = opened.page
    try:
        page.evaluate("kgViewer.setActor(true)")
        edges = page.evaluate("kgViewer.visibleEdgeIds()")
        assert edges and all(e.startswith("t") for e in edges)
        a, b = (page.evaluate("l => kgViewer.search(l)[0].id", f"Person {p}") for p in "AB")
        tie = next(e for e in edges if {page.evaluate("id => kgViewer.edge(id).source", e),
                                        page.evaluate("id => kgViewer.edge(id).target", e)} == {a, b})
        page.evaluate("kgViewer.network.fit({animation: false})")
        canvas = page.locator("#graph canvas").bounding_box()
        pa, pb = (page.evaluate("id => kgViewer.canvasPosition(id)", n) for n in (a, b))
        page.mouse.click(canvas["x"] + (pa["x"] * 0.6 + pb["x"] * 0.4), canvas["y"] + (pa["y"] * 0.6 + pb["y"] * 0.4))
        page.wait_for_selector("#details ul.facts")
        assert page.locator("#details h2").text_content() == "Person A \u2014 Person B"
        assert page.locator("#details ul.facts > li").count() == 2
        assert page.locator("#details mark").all_text_contents() == ["Fact number 0 was reported.",
                                                                     "Fact number 1 was reported."]
        assert tie in edges
        assert_offline(opened)
    finally:
        page.context.close()


class Report:
    def __init__(self, browser, html: str, folder):
        self.path = folder / "report.html"
        self.path.write_text(html, encoding="utf-8")
        self.context = browser.new_context(viewport={"width": 1200, "height": 900})
        self.requests, self.errors = [], []
        self.context.route("**/*", lambda route: route.continue_() if route.request.url.startswith(("file:", "data:"))
                           else route.abort())
        self.page = self.context.new_page()
        self.page.on("request", lambda r: self.requests.append(r.url))
        self.page.on("console", lambda m: self.errors.append(m.text) if m.type in ("error", "warning") else None)
        self.page.on("pageerror", lambda exc: self.errors.append(str(exc)))
        self.page.goto(self.path.as_uri())


def test_report_opens_offline_and_links_into_the_viewer(browser, tmp_path):
    graph = golden_graph()
    (tmp_path / "graph.html").write_text(render_html(graph), encoding="utf-8")
    opened = Report(browser, report_html(graph), tmp_path)
    page = opened.page
    try:
        assert page.locator("svg.chart").count() >= 2
        assert page.locator("h2").first.text_content().startswith("Facts by type")
        assert opened.errors == [] and all(u.startswith("file:") for u in opened.requests)
        page.click("text=Person D >> nth=0")
        browser_support.wait_until(page, "window.kgViewer && window.kgViewer.ready")
        assert page.locator("#details h2").text_content() == "Person D"
        page.goto(opened.path.as_uri())
        page.locator("a", has_text="meeting").first.click()
        page.wait_for_selector("#details ul.facts")
        assert page.evaluate("kgViewer.visibleEdgeIds().every(id => id.startsWith('t'))")
        page.goto(opened.path.as_uri())
        page.locator('svg.chart a[href*="from=2021-03"] rect').click()  # a month of the meetings chart
        browser_support.wait_until(page, "window.kgViewer && window.kgViewer.ready")
        assert page.input_value("#date-from") == "2021-03-01" and page.input_value("#date-to") == "2021-03-31"
        assert opened.errors == [] and all(u.startswith("file:") for u in opened.requests)
    finally:
        opened.context.close()


def test_hostile_labels_are_inert_on_the_report(browser, tmp_path):
    opened = Report(browser, report_html(hostile_graph(), title=f"Report {XSS_SCRIPT}"), tmp_path)
    page = opened.page
    try:
        assert page.evaluate("typeof window.__pwned") == "undefined"
        assert page.locator("img").count() == 0 and page.locator("script").count() == 0
        assert XSS_IMG in page.locator("body").text_content()
        assert page.title() == f"Report {XSS_SCRIPT}"
        assert opened.errors == [] and all(u.startswith("file:") for u in opened.requests)
    finally:
        opened.context.close()
