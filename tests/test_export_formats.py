"""`kg export`: every RDF format parses back to a graph isomorphic to the store's, byte-identical from run
to run and whatever order the store was filled in; JSON-LD carries the shipped context."""

from __future__ import annotations

import json

import pytest
from rdflib import Dataset, Graph, URIRef
from rdflib.compare import isomorphic
from store_support import article_graphs, make_store

from kg.formats import FORMATS, jsonld_context
from kg.paths import ontology_file
from kg.sources import as_graph, store_from_graph
from kg.store import open_store

TRIPLE_FORMATS = {"ttl": "turtle", "nt": "nt", "jsonld": "json-ld"}
QUAD_FORMATS = {"trig": "trig", "nq": "nquads"}


@pytest.fixture(scope="module")
def store(seed_graph, tmp_path_factory):
    return open_store(make_store(tmp_path_factory.mktemp("export") / "store", seed_graph))


def test_the_registry_has_every_rdf_format():
    assert set(TRIPLE_FORMATS) | set(QUAD_FORMATS) <= set(FORMATS)
    assert {name: fmt.extension for name, fmt in FORMATS.items() if name in TRIPLE_FORMATS} == {
        "ttl": ".ttl", "nt": ".nt", "jsonld": ".jsonld"}


@pytest.mark.parametrize("name", sorted(TRIPLE_FORMATS))
def test_triple_formats_parse_back_to_the_stores_graph(store, name):
    data = FORMATS[name].writer(store)
    parsed = Graph().parse(data=data, format=TRIPLE_FORMATS[name])
    assert len(parsed) > 900
    assert isomorphic(parsed, as_graph(store))


@pytest.mark.parametrize("name", sorted(QUAD_FORMATS))
def test_quad_formats_keep_every_named_graph(store, seed_graph, name):
    dataset = Dataset()
    dataset.parse(data=FORMATS[name].writer(store), format=QUAD_FORMATS[name])
    graphs = {str(g.identifier): g for g in dataset.graphs() if len(g)}
    expected = {}
    graph_of = article_graphs(seed_graph)
    for triple in as_graph(store):
        expected.setdefault(str(graph_of(triple)), Graph()).add(triple)
    assert sorted(graphs) == sorted(expected) and len(graphs) == 2
    for name_, graph in graphs.items():
        assert isomorphic(graph, expected[name_]), name_


@pytest.mark.parametrize("name", sorted(FORMATS))
def test_exports_are_deterministic_whatever_the_stores_history(store, seed_graph, tmp_path, name):
    first = FORMATS[name].writer(store)
    assert FORMATS[name].writer(store) == first
    reversed_graph = Graph()
    for triple in sorted(seed_graph, reverse=True):
        reversed_graph.add(triple)
    other = tmp_path / "other"
    store_from_graph(other, reversed_graph, article_graphs(seed_graph))
    assert FORMATS[name].writer(open_store(other)) == first


def test_jsonld_is_compact_under_the_shipped_context(store):
    document = json.loads(FORMATS["jsonld"].writer(store))
    shipped = json.loads(ontology_file("context.jsonld").read_text(encoding="utf-8"))["@context"]
    assert document["@context"] == shipped == jsonld_context()
    keys = {key for node in document["@graph"] for key in node}
    assert "skos:prefLabel" in keys and "dip:evidence" in keys
    assert any(node["@id"] == "person:song-tao" for node in document["@graph"])


def test_the_context_names_every_prefix_queries_may_use():
    from kg.namespaces import query_namespaces

    assert {k: str(v) for k, v in query_namespaces().items()}.items() <= jsonld_context().items()


def test_kg_export_cli(kg, store, tmp_path, seed_graph):
    out = tmp_path / "kg.nq"
    result = kg("export", "--format", "nq", "--out", str(out), "--data", "exports/kg.ttl")
    assert result.returncode == 0, result.stderr
    dataset = Dataset()
    dataset.parse(out, format="nquads")
    assert isomorphic(Graph() + dataset.default_graph, seed_graph)
    to_stdout = kg("export", "--format", "nt", "--data", "exports/kg.ttl")
    assert isomorphic(Graph().parse(data=to_stdout.stdout, format="nt"), seed_graph)
    assert kg("export", "--format", "nt", "--out", str(tmp_path), "--data", "exports/kg.ttl").returncode == 2
    assert kg("export", "--format", "rdfxml").returncode == 2
    assert URIRef("https://w3id.org/dipkg/id/person/song-tao") in set(seed_graph.subjects())


def test_actor_network_formats_from_the_store_and_the_cli(kg, store, seed_graph, tmp_path):
    import csv
    import io

    import networkx as nx

    # the store and the graph file give the same actor network, byte for byte
    assert FORMATS["graphml"].writer(store) == FORMATS["graphml"].writer(seed_graph)
    network = nx.read_graphml(io.BytesIO(FORMATS["graphml"].writer(store)))
    labels = {data.get("label") for _, data in network.nodes(data=True)}
    assert {"Song Tao", "Moin ul Haque"} <= labels and network.number_of_edges() > 0
    tables = FORMATS["csv"].writer(store)
    assert set(tables) == {"nodes.csv", "edges.csv"}
    nodes = list(csv.DictReader(io.StringIO(tables["nodes.csv"].decode("utf-8"))))
    assert {"Song Tao", "Moin ul Haque"} <= {row["label"] for row in nodes}
    out = tmp_path / "tables"
    result = kg("export", "--format", "csv", "--out", str(out), "--data", "exports/kg.ttl")
    assert result.returncode == 0, result.stderr
    assert (out / "nodes.csv").read_bytes() == tables["nodes.csv"] and (out / "edges.csv").read_bytes() == tables["edges.csv"]
    refused = kg("export", "--format", "csv", "--data", "exports/kg.ttl")
    assert refused.returncode == 2 and "--out FOLDER" in refused.stderr
