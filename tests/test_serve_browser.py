"""The endpoint's query page in headless Debian chromium (Playwright): the competency questions are its
examples, a question runs and shows its answer as a table, errors show the server's message, and the
page requests nothing but its own server. Skipped without chromium unless KG_REQUIRE_BROWSER=1."""

from __future__ import annotations

import csv
import time

import browser_support
import pytest
from browser_support import ARGS, CHROMIUM, sync_api
from serve_support import running_server
from store_support import make_store
from test_competency_questions import CQ_DIR, QUESTIONS


@pytest.fixture(scope="module")
def endpoint(seed_graph, tmp_path_factory):
    store = make_store(tmp_path_factory.mktemp("page") / "store", seed_graph)
    with running_server("--store", str(store), "--max-rows", "40") as base:
        yield base


@pytest.fixture(scope="module")
def page(endpoint):
    with sync_api.sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        context = browser.new_context()
        foreign, errors = [], []

        def guard(route):
            if route.request.url.startswith(endpoint + "/"):
                route.continue_()
            else:
                foreign.append(route.request.url)
                route.abort()

        context.route("**/*", guard)
        page = context.new_page()
        page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
        page.on("pageerror", lambda exc: errors.append(str(exc)))
        page.goto(endpoint + "/")
        browser_support.wait_until(page, "window.kgQuery && window.kgQuery.ready", 30)
        yield page, foreign, errors
        browser.close()


def _run(page):
    # polled from Python: wait_for_function would evaluate its predicate as a string, which the page's CSP forbids
    page.evaluate("document.getElementById('status').textContent = ''")
    page.click("#run")
    deadline = time.monotonic() + 30
    while "(" not in page.text_content("#status"):
        assert time.monotonic() < deadline, "the query page did not show an answer"
        time.sleep(0.05)


def test_the_examples_are_the_competency_questions(page):
    opened, foreign, errors = page
    names = opened.eval_on_selector_all("#example option", "os => os.map(o => o.value).filter(v => v)")
    assert names == [q.stem for q in QUESTIONS]
    assert foreign == [] and errors == []


def test_a_question_runs_and_shows_its_answer(page):
    opened, foreign, errors = page
    opened.select_option("#example", "01-offices")
    assert "OfficeHolding" in opened.input_value("#query") or "holds" in opened.input_value("#query")
    _run(opened)
    expected = list(csv.reader((CQ_DIR / "01-offices.expected.csv").open(encoding="utf-8")))
    header = opened.eval_on_selector_all("#result th", "ths => ths.map(t => t.textContent)")
    assert header == expected[0]
    rows = opened.eval_on_selector_all("#result tbody tr",
                                       "trs => trs.map(tr => [...tr.cells].map(c => c.textContent))")
    assert sorted(rows) == sorted(expected[1:])
    assert opened.is_hidden("#notice")
    assert foreign == [] and errors == []


def test_errors_and_cuts_are_shown(page):
    opened, foreign, _ = page
    opened.fill("#query", "SELECT ?x WHERE { ?x ?y }")
    _run(opened)
    assert "400" in opened.text_content("#status")
    assert "SPARQL syntax error" in opened.text_content("#result .error")
    opened.fill("#query", "SELECT * WHERE { ?s ?p ?o }")
    _run(opened)
    assert opened.eval_on_selector_all("#result tbody tr", "trs => trs.length") == 40
    assert "cut at 40 rows" in opened.text_content("#notice")
    opened.fill("#query", "CONSTRUCT WHERE { ?s a foaf:Person }")
    _run(opened)
    assert "foaf:Person" in opened.text_content("#result pre")
    assert foreign == []
