"""kg query honours a query's FROM and FROM NAMED as kg serve does (kg.querydataset): over the store, and over
a TriG or N-Quads file (rdflib's Dataset), FROM <an article's graph> answers from that graph only, FROM NAMED
names the graphs GRAPH sees, and a query with neither answers from the union of every graph."""

from __future__ import annotations

import json

import pytest

from kg.query import run_query
from kg.sources import open_source
from kg.store import write_store

COUNT = "SELECT (COUNT(*) AS ?n) {from} WHERE {{ ?s ?p ?o }}"
GRAPHS = "SELECT DISTINCT ?g {from} WHERE {{ GRAPH ?g {{ ?s ?p ?o }} }} ORDER BY ?g"


@pytest.fixture(scope="module")
def sources(seed_build, tmp_path_factory):
    """The seed's dataset as a store, a TriG file and an N-Quads file, and its graphs' sorted lines."""
    folder = tmp_path_factory.mktemp("from")
    nquads = folder / "kg.nq"
    nquads.write_text("".join(seed_build.dataset.nquads_lines()), encoding="utf-8")
    write_store(folder / "store", nquads)
    (folder / "kg.trig").write_text(seed_build.dataset.rdflib_dataset().serialize(format="trig"), encoding="utf-8")
    return {"store": ("--store", str(folder / "store")), "trig": ("--data", str(folder / "kg.trig")),
            "nquads": ("--data", str(nquads))}


@pytest.fixture(scope="module")
def graphs(seed_build):
    lines = seed_build.dataset.graphs
    assert len(lines) == 2  # the seed's article graph and the shared graph
    return {name: set(found) for name, found in lines.items()}


def article(graphs):
    return next(name for name in graphs if "/graph/article/" in name)


def shared(graphs):
    return next(name for name in graphs if name.endswith("/graph/shared"))


def ask(source, query):
    option, path = source
    opened = open_source(path if option == "--store" else None, path if option == "--data" else None)
    return run_query(opened, query)


def count(source, query) -> int:
    return int(ask(source, query).rows[0][0])


@pytest.mark.parametrize("kind", ["store", "trig", "nquads"])
def test_without_from_the_default_graph_is_the_union(sources, graphs, kind):
    union = set().union(*graphs.values())
    assert count(sources[kind], COUNT.format(**{"from": ""})) == len(union)
    assert [row[0] for row in ask(sources[kind], GRAPHS.format(**{"from": ""})).rows] == sorted(graphs)


@pytest.mark.parametrize("kind", ["store", "trig", "nquads"])
def test_from_an_article_s_graph_answers_from_that_graph_only(sources, graphs, kind):
    for name in (article(graphs), shared(graphs)):
        assert count(sources[kind], COUNT.format(**{"from": f"FROM <{name}>"})) == len(graphs[name])
    # a triple only the shared graph states is not seen through the article's graph
    only_shared = min(graphs[shared(graphs)] - graphs[article(graphs)]).rstrip(" .\n")
    assert ask(sources[kind], f"ASK FROM <{shared(graphs)}> {{ {only_shared} }}").rows == [["true"]]
    assert ask(sources[kind], f"ASK FROM <{article(graphs)}> {{ {only_shared} }}").rows == [["false"]]
    both = f"FROM <{article(graphs)}> FROM <{shared(graphs)}>"
    assert count(sources[kind], COUNT.format(**{"from": both})) == len(set().union(*graphs.values()))


@pytest.mark.parametrize("kind", ["store", "trig", "nquads"])
def test_from_named_names_the_graphs_graph_sees_and_leaves_the_default_graph_empty(sources, graphs, kind):
    named = f"FROM NAMED <{article(graphs)}>"
    assert [row[0] for row in ask(sources[kind], GRAPHS.format(**{"from": named})).rows] == [article(graphs)]
    assert count(sources[kind], COUNT.format(**{"from": named})) == 0
    mixed = f"FROM <{shared(graphs)}> FROM NAMED <{article(graphs)}>"
    assert count(sources[kind], COUNT.format(**{"from": mixed})) == len(graphs[shared(graphs)])


def test_a_graph_the_source_lacks_is_empty_and_never_fetched(sources):
    missing = "https://w3id.org/dipkg/id/graph/article/no-such-article"
    for source in sources.values():
        assert count(source, COUNT.format(**{"from": f"FROM <{missing}>"})) == 0


def test_a_turtle_file_has_no_named_graphs(graphs, seed_build, tmp_path):
    """A Turtle file holds one unnamed graph, so a graph a FROM names is empty in it, as in the store that
    kg serve --data loads from such a file."""
    path = tmp_path / "kg.ttl"
    path.write_text("".join(seed_build.dataset.union_lines()), encoding="utf-8")
    assert count(("--data", str(path)), COUNT.format(**{"from": ""})) == len(set().union(*graphs.values()))
    assert count(("--data", str(path)), COUNT.format(**{"from": f"FROM <{article(graphs)}>"})) == 0


@pytest.mark.parametrize("kind", ["store", "trig", "nquads"])
def test_the_command_line_honours_from(kg, sources, graphs, kind):
    for clause, expected in (("", len(set().union(*graphs.values()))), (f"FROM <{article(graphs)}>",
                                                                           len(graphs[article(graphs)]))):
        result = kg("query", COUNT.format(**{"from": clause}), *sources[kind], "--format", "json")
        assert result.returncode == 0, result.stderr
        assert json.loads(result.stdout) == [{"n": str(expected)}]
