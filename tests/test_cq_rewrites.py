"""Competency questions rewritten for Oxigraph's planner (each triple pattern in a subquery, a selective
pattern first) answer exactly as their plain forms (tests/data/cq-plain), over rdflib and over the store,
on the seed and on the golden graph."""

from __future__ import annotations

import pytest
from conftest import REPO
from test_competency_questions import CQ_DIR
from test_store import golden, golden_store, seed_store  # noqa: F401 (fixtures)

from kg.query import run_query
from kg.store import open_store

PLAIN = sorted((REPO / "tests" / "data" / "cq-plain").glob("*.rq"))


def _cells(rows):
    """Rows with each concatenated list sorted: the order inside a GROUP_CONCAT is not defined."""
    return [["; ".join(sorted(cell.split("; "))) for cell in row] for row in rows]


def test_every_rewritten_question_has_its_plain_form():
    assert len(PLAIN) >= 7
    for plain in PLAIN:
        assert (CQ_DIR / plain.name).read_text(encoding="utf-8") != plain.read_text(encoding="utf-8")


@pytest.mark.parametrize("plain", PLAIN, ids=lambda p: p.stem)
def test_a_rewritten_question_answers_as_its_plain_form(plain, seed_graph, golden, seed_store, golden_store):  # noqa: F811
    rewritten = (CQ_DIR / plain.name).read_text(encoding="utf-8")
    original = plain.read_text(encoding="utf-8")
    for source in (seed_graph, golden, open_store(seed_store), open_store(golden_store)):
        got, want = run_query(source, rewritten), run_query(source, original)
        assert got.columns == want.columns
        assert _cells(got.rows) == _cells(want.rows)


@pytest.fixture(scope="module")
def thinned(seed_graph, golden, tmp_path_factory):  # noqa: F811
    """The seed and golden graphs together with one value of each optional part removed (a holding without
    its country or organisation, a span without its sentence, a quantity without its comparator, a person
    without an alias or honorific, an entity without its founding date or Wikidata link), so that the rows
    with and without each OPTIONAL of the rewrites are compared."""
    from rdflib import Graph
    from rdflib.namespace import ORG, SKOS
    from store_support import make_store

    from kg.namespaces import DIP, NIF, SCHEMA

    graph = Graph()
    for triple in (*seed_graph, *golden):
        graph.add(triple)
    for predicate in (DIP.country, ORG.organization, NIF.sentence, DIP.comparator, SKOS.altLabel,
                      SCHEMA.honorificPrefix, SKOS.exactMatch, SCHEMA.foundingDate):
        first = min(graph.triples((None, predicate, None)))
        graph.remove(first)
    return graph, make_store(tmp_path_factory.mktemp("thinned") / "store", graph)


@pytest.mark.parametrize("plain", PLAIN, ids=lambda p: p.stem)
def test_rewrites_answer_as_their_plain_forms_where_optional_parts_are_missing(plain, thinned):
    graph, store_dir = thinned
    rewritten, original = (CQ_DIR / plain.name).read_text(encoding="utf-8"), plain.read_text(encoding="utf-8")
    for source in (graph, open_store(store_dir)):
        got, want = run_query(source, rewritten), run_query(source, original)
        assert _cells(got.rows) == _cells(want.rows) and got.rows
