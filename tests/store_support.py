"""Stores for tests, made from an rdflib graph until the build writes them: each article's fact nodes and
evidence spans in the article's named graph, everything else (entities, posts, the article records) in a
shared graph, as the corpus build lays them out."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

from rdflib import Graph, Literal, URIRef
from rdflib.namespace import PROV, XSD

from kg.namespaces import ID
from kg.sources import store_from_graph

GRAPH_NS = "https://w3id.org/dipkg/graph/"
ARTICLE_NS = str(ID["article/"])


def article_graphs(graph: Graph):
    """graph_of(triple) for store_from_graph: the named graph each triple belongs in."""
    derived = {s: o for s, o in graph.subject_objects(PROV.wasDerivedFrom) if str(o).startswith(ARTICLE_NS)}

    def graph_of(triple):
        subject = triple[0]
        article = derived.get(subject)
        if article is None and str(subject).startswith(ARTICLE_NS) and "#" in str(subject):
            article = str(subject).split("#", 1)[0]
        if article is None:
            return URIRef(GRAPH_NS + "shared")
        return URIRef(GRAPH_NS + str(article)[len(ARTICLE_NS):])

    return graph_of


def make_store(folder: Path, graph: Graph) -> Path:
    store_from_graph(folder, graph, article_graphs(graph))
    return folder


def canonical_numbers(graph: Graph) -> Graph:
    """The graph with decimals in their shortest form: Oxigraph keeps a number's value, not its lexical
    form ("1.000"^^xsd:decimal comes back as "1")."""
    out = Graph()
    for s, p, o in graph:
        if isinstance(o, Literal) and o.datatype == XSD.decimal:
            o = Literal(_shortest(o), datatype=XSD.decimal)
        out.add((s, p, o))
    return out


def _shortest(value: Literal) -> str:
    return format(Decimal(str(value)).normalize(), "f")
