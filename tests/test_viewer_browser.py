"""The viewer in a real browser: headless Debian chromium driven by Playwright, the page opened from disk.

Skipped (with the reason) when /usr/bin/chromium or Playwright is missing; CI installs both
(apt-get install -y chromium; pip install playwright)."""

from __future__ import annotations

from pathlib import Path

import browser_support  # skips this module without chromium; the browser fixture is in conftest
import pytest
from test_viewer_support import (
    XSS_AMP,
    XSS_IMG,
    XSS_SCRIPT,
    expected_entity_count,
    hostile_graph,
    seed_graph,
)

from kg.viewer import render_html


@pytest.fixture(scope="module")
def seed():
    graph = seed_graph()
    return graph, render_html(graph)


class Opened:
    def __init__(self, page, requests, errors):
        self.page, self.requests, self.errors = page, requests, errors


def open_page(browser, html: str, folder: Path) -> Opened:
    path = folder / "graph.html"
    path.write_text(html, encoding="utf-8")
    context = browser.new_context(viewport={"width": 1400, "height": 900})
    requests, errors = [], []

    def guard(route):
        url = route.request.url
        if url.startswith(("file:", "data:")):
            route.continue_()
        else:
            route.abort()

    context.route("**/*", guard)
    page = context.new_page()
    page.on("request", lambda r: requests.append(r.url))
    page.on("console", lambda m: errors.append(m.text) if m.type in ("error", "warning") else None)
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    page.goto(path.as_uri())
    browser_support.wait_until(page, "window.kgViewer && window.kgViewer.ready", 30)
    return Opened(page, requests, errors)


@pytest.fixture
def seed_page(browser, seed, tmp_path):
    opened = open_page(browser, seed[1], tmp_path)
    yield opened
    opened.page.context.close()


def click_node(page, node_id):
    box = page.locator("#graph canvas").bounding_box()
    pos = page.evaluate("id => kgViewer.canvasPosition(id)", node_id)
    page.mouse.click(box["x"] + pos["x"], box["y"] + pos["y"])


def node_id(page, label):
    return page.evaluate("l => kgViewer.search(l).filter(r => r.label === l)[0].id", label)


def test_opens_offline_without_errors(seed_page, seed):
    page = seed_page.page
    assert seed_page.errors == []
    assert seed_page.requests and all(u.startswith(("file:", "data:")) for u in seed_page.requests), seed_page.requests
    assert page.evaluate("kgViewer.nodeCount()") == expected_entity_count(seed[0])
    assert page.evaluate("kgViewer.factNodeCount()") == 1


def test_search_by_alias_then_details(seed_page, tmp_path):
    page = seed_page.page
    page.fill("#search", "guoyeshou")
    first = page.locator("#results li button").first
    assert "Guo Yezhou" in first.text_content()
    first.click()
    assert page.locator("#details h2").text_content() == "Guo Yezhou"
    assert "Guoyeshou" in page.locator("#details table.props").text_content()
    assert page.locator("#details mark").count() >= 1
    page.screenshot(path=str(tmp_path / "search.png"))


def test_click_node_shows_quote(seed_page, tmp_path):
    page = seed_page.page
    click_node(page, node_id(page, "Song Tao"))
    page.wait_for_selector("#details h2")
    assert page.locator("#details h2").text_content() == "Song Tao"
    marks = page.locator("#details mark").all_text_contents()
    assert any("Song Tao" in m for m in marks)
    assert "Pakistan confers the Civil Award" in page.locator("#details .evidence .source").first.text_content()
    page.screenshot(path=str(tmp_path / "song-tao.png"))


def test_click_award_conferral_shows_roles_and_evidence(seed_page):
    page = seed_page.page
    hub = page.evaluate("kgViewer.hubOf(kgViewer.factIndex('award_conferral'))")
    click_node(page, hub)
    page.wait_for_selector("#details .evidence")
    title = page.locator("#details h2").text_content()
    assert title.startswith("Hilal-i-Pakistan conferred on Song Tao by President of Pakistan")
    table = page.locator("#details table.props").text_content()
    assert "presented by" in table and "Moin ul Haque" in table and "2020-11-19" in table
    assert "Pakistan\u2019s Ambassador" in page.locator("#details mark").first.text_content()


def test_wikidata_link(seed_page):
    page = seed_page.page
    page.evaluate("kgViewer.selectByLabel('Pakistan Tehreek-e-Insaf')")
    link = page.locator("#details a")
    assert link.get_attribute("href") == "https://www.wikidata.org/wiki/Q284454"
    assert link.get_attribute("rel") == "noopener noreferrer"


def test_filters_and_collapsed_view(seed_page):
    page = seed_page.page
    everything = len(page.evaluate("kgViewer.visibleNodeIds()"))
    page.locator('input[data-class="person"]').uncheck()
    assert len(page.evaluate("kgViewer.visibleNodeIds()")) == everything - 9
    page.locator('input[data-class="person"]').check()
    page.locator("#expanded").uncheck()
    ids = page.evaluate("kgViewer.visibleNodeIds()")
    assert not [i for i in ids if i.startswith("f")], "no fact nodes in the collapsed view"
    labels = page.evaluate("kgViewer.visibleEdgeIds().map(id => kgViewer.edge(id).label)")
    assert "conferred on" in labels and "recipient" not in labels
    page.locator("#expanded").check()
    page.locator('input[data-type="attended"]').uncheck()
    labels = page.evaluate("kgViewer.visibleEdgeIds().map(id => kgViewer.edge(id).label)")
    assert "attended" not in labels and "recipient" in labels
    page.locator('input[data-type="attended"]').check()
    page.fill("#date-from", "2021")
    assert not [i for i in page.evaluate("kgViewer.visibleNodeIds()") if i.startswith("f")]
    page.fill("#date-from", "2020-11")
    assert [i for i in page.evaluate("kgViewer.visibleNodeIds()") if i.startswith("f")]
    assert seed_page.errors == []


def test_hostile_labels_stay_inert(browser, tmp_path):
    opened = open_page(browser, render_html(hostile_graph()), tmp_path)
    page = opened.page
    try:
        assert page.evaluate("typeof window.__pwned") == "undefined"
        assert page.locator("img").count() == 0
        hit = page.evaluate("kgViewer.search('mallory')[0]")
        page.evaluate("id => kgViewer.select(id)", hit["id"])
        assert page.locator("#details h2").text_content() == XSS_IMG
        assert XSS_SCRIPT in page.locator("#details table.props").text_content()
        assert XSS_IMG in page.locator("#details mark").first.text_content()
        assert XSS_SCRIPT in page.locator("#details .evidence .source").first.text_content()
        assert page.evaluate("label => kgViewer.selectByLabel(label)", XSS_AMP)
        assert page.locator("#details h2").text_content() == XSS_AMP
        page.fill("#search", "<img")
        assert XSS_IMG in page.locator("#results").text_content()
        assert page.locator("img").count() == 0
        assert page.evaluate("typeof window.__pwned") == "undefined"
        assert opened.errors == [] and all(u.startswith("file:") for u in opened.requests)
        page.screenshot(path=str(tmp_path / "hostile.png"))
    finally:
        page.context.close()


def visible_entity_labels(page):
    return set(page.evaluate("kgViewer.visibleNodeIds().filter(id => !id.startsWith('f')).map(kgViewer.label)"))


def test_date_range_hides_entities_left_without_facts(seed_page, seed):
    page = seed_page.page
    everything = visible_entity_labels(page)
    assert len(everything) == expected_entity_count(seed[0])
    page.fill("#date-from", "2021")
    kept = visible_entity_labels(page)
    # The award and the ceremony only have facts of 2020-11-19; Song Tao keeps his (undated) offices.
    assert "Hilal-i-Pakistan" not in kept and "Song Tao" in kept and kept < everything
    page.locator("#undated").uncheck()
    assert visible_entity_labels(page) == set(), "every fact of the seed is dated before 2021 or undated"
    page.locator("#undated").check()
    page.fill("#date-from", "2020-11")
    assert "Hilal-i-Pakistan" in visible_entity_labels(page)
    page.fill("#date-to", "2020-11-18")
    assert "Hilal-i-Pakistan" not in visible_entity_labels(page)
    # An entity the filter hides can still be found: its details open, the canvas is left alone.
    assert page.evaluate("kgViewer.selectByLabel('Hilal-i-Pakistan')")
    assert page.locator("#details h2").text_content() == "Hilal-i-Pakistan"
    page.fill("#date-from", "")
    page.fill("#date-to", "")
    assert visible_entity_labels(page) == everything, "no date set: every entity is back"
    help_text = page.locator("#date-section").get_attribute("title") + page.locator("#date-help").text_content()
    assert "entities" in help_text and "hidden" in help_text
    assert seed_page.errors == []


def test_quotes_sharing_a_sentence_are_each_highlighted(seed_page, seed):
    from kg.viewer import build_model

    model = build_model(seed[0])
    by_context: dict = {}
    for fact_index, fact in enumerate(model.facts):
        for ev_index in fact.evidence:
            ev = model.evidence[ev_index]
            by_context.setdefault(ev["ctx"], {})[(ev["qb"], ev["qe"])] = fact_index
    shared = next(quotes for quotes in by_context.values() if len(quotes) > 1)
    page = seed_page.page
    context = model.contexts[next(k for k, v in by_context.items() if v is shared)]
    for (qb, qe), fact_index in sorted(shared.items()):
        page.evaluate("i => kgViewer.showFact(i)", fact_index)
        marks = page.locator("#details mark").all_text_contents()
        assert context[qb:qe] in marks
        quotes = page.locator("#details blockquote").all_text_contents()
        assert context in quotes, "the whole sentence is shown around the quote"
    assert seed_page.errors == []
