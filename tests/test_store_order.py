"""The store's ORDER BY done in Python (kg.storeorder) orders rows exactly as Oxigraph's own ORDER BY does,
for every competency question, and leaves to Oxigraph every ORDER BY it could get wrong."""

from __future__ import annotations

import pyoxigraph
import pytest
from test_competency_questions import QUESTIONS
from test_store import golden, golden_store, seed_store  # noqa: F401 (fixtures)

from kg.namespaces import query_namespaces
from kg.query import run_query
from kg.store import open_store
from kg.storeorder import SortKey, Unsortable, sort_rows, split_order_by


def _oxigraph_rows(store, text):
    """Rows as Oxigraph itself orders them: the query as written, nothing sorted in Python."""
    result = store.query(text, prefixes={k: str(v) for k, v in query_namespaces().items()},
                         use_default_graph_as_union=True)
    return [[term.value if term is not None else "" for term in solution] for solution in result]


@pytest.mark.parametrize("question", QUESTIONS, ids=lambda p: p.stem)
def test_every_question_is_sorted_in_python_as_oxigraph_sorts_it(seed_store, golden_store, question):  # noqa: F811
    text = question.read_text(encoding="utf-8")
    stripped, keys = split_order_by(text)
    assert keys, f"{question.name} has no ORDER BY this module takes over"
    for folder in (seed_store, golden_store):
        store = open_store(folder)
        result = store.query(stripped, prefixes={k: str(v) for k, v in query_namespaces().items()},
                             use_default_graph_as_union=True)
        columns = [v.value for v in result.variables]
        rows = sort_rows(columns, [list(s) for s in result], keys)  # raises Unsortable if it would fall back
        assert [[t.value if t is not None else "" for t in row] for row in rows] == _oxigraph_rows(store, text)


def _tiny_store():
    store = pyoxigraph.Store()
    ex, xsd = "http://example.org/", "http://www.w3.org/2001/XMLSchema#"
    values = [pyoxigraph.Literal("b", language="en"), pyoxigraph.Literal("A", language="en"),
              pyoxigraph.Literal("a", language="en"), pyoxigraph.Literal("é", language="en"), None]
    numbers = ["10", "9", "-1", "2.5", None]
    dates = ["2020-11-19", "2019-01-01", None, "2021-03-04", "2020-01-31"]
    for i, (value, number, date) in enumerate(zip(values, numbers, dates)):
        subject = pyoxigraph.NamedNode(f"{ex}s{4 - i}")
        store.add(pyoxigraph.Quad(subject, pyoxigraph.NamedNode(ex + "kind"), pyoxigraph.Literal("thing")))
        if value is not None:
            store.add(pyoxigraph.Quad(subject, pyoxigraph.NamedNode(ex + "label"), value))
        if number is not None:
            datatype = "decimal" if "." in number else "integer"
            store.add(pyoxigraph.Quad(subject, pyoxigraph.NamedNode(ex + "n"),
                                      pyoxigraph.Literal(number, datatype=pyoxigraph.NamedNode(xsd + datatype))))
        if date is not None:
            store.add(pyoxigraph.Quad(subject, pyoxigraph.NamedNode(ex + "date"),
                                      pyoxigraph.Literal(date, datatype=pyoxigraph.NamedNode(xsd + "date"))))
    return store


@pytest.mark.parametrize("order", [
    "?label", "DESC(?label)", "?n ?s", "DESC(?n)", "?date", "DESC(?date) ?s", "STR(?s)", "DESC(STR(?label))",
    "?s", "ASC(?kind) DESC(?s)",
])
def test_unbound_values_strings_numbers_dates_and_iris_order_as_in_oxigraph(order):
    store = _tiny_store()
    text = ("SELECT ?s ?kind ?label ?n ?date WHERE { ?s <http://example.org/kind> ?kind . "
            "OPTIONAL { ?s <http://example.org/label> ?label } OPTIONAL { ?s <http://example.org/n> ?n } "
            f"OPTIONAL {{ ?s <http://example.org/date> ?date }} }} ORDER BY {order}")
    stripped, keys = split_order_by(text)
    result = store.query(stripped)
    rows = sort_rows([v.value for v in result.variables], [list(s) for s in result], keys)
    assert [[t.value if t is not None else "" for t in row] for row in rows] == _oxigraph_rows(store, text)
    assert run_query(store, text).rows == _oxigraph_rows(store, text)


def test_columns_the_engines_could_order_differently_are_left_to_oxigraph():
    store = _tiny_store()
    mixed = "SELECT ?o WHERE { ?s ?p ?o } ORDER BY ?o"  # strings, numbers and dates in one column
    stripped, keys = split_order_by(mixed)
    result = store.query(stripped)
    with pytest.raises(Unsortable):
        sort_rows([v.value for v in result.variables], [list(s) for s in result], keys)
    assert run_query(store, mixed).rows == _oxigraph_rows(store, mixed)
    assert run_query(store, "SELECT ?s WHERE { ?s ?p ?o } ORDER BY ?missing").rows == _oxigraph_rows(
        store, "SELECT ?s WHERE { ?s ?p ?o } ORDER BY ?missing")


@pytest.mark.parametrize("text", [
    "SELECT ?x WHERE { ?x ?p ?o } ORDER BY DESC(?x + 1)",           # an expression
    "SELECT ?x WHERE { ?x ?p ?o } ORDER BY ?x LIMIT 2",             # LIMIT after it
    "SELECT ?x WHERE { { SELECT ?x WHERE { ?x ?p ?o } ORDER BY ?x } }",  # only inside a subquery
    "CONSTRUCT { ?x ?p ?o } WHERE { ?x ?p ?o } ORDER BY ?x",        # not a SELECT
    "SELECT ?x WHERE { ?x ?p ?o } ORDER BY LCASE(?x)",              # a function other than STR
    "SELECT ?x WHERE { ?x ?p ?o } \\u004FRDER BY ?x",               # codepoint escapes
    "SELECT ?x WHERE { ?x ?p ?o } ORDER BY STR(?x) = \"a\"",
])
def test_an_order_by_other_than_plain_variables_is_not_taken_over(text):
    assert split_order_by(text) is None


def test_the_final_order_by_is_found_past_braces_and_keywords_in_strings_and_comments():
    text = 'SELECT ?x WHERE { ?x ?p "} ORDER BY ?p" # ORDER BY ?o }\n } ORDER BY DESC(?x) str(?p) # done'
    stripped, keys = split_order_by(text)
    assert stripped == 'SELECT ?x WHERE { ?x ?p "} ORDER BY ?p" # ORDER BY ?o }\n } '
    assert keys == [SortKey("x", descending=True), SortKey("p", as_string=True)]
