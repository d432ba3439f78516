"""The RDF dataset a query runs over, for both engines and both commands (kg query, kg serve).

By default the default graph is the union of every graph (so the competency questions answer the same over
the store and a Turtle file) and GRAPH ?g sees the named graphs. A query's FROM and FROM NAMED, or a
request's default-graph-uri and named-graph-uri (kg.serve.dataset), name another dataset, which replaces
that one whole: the default graph is then the merge of the FROM graphs only (empty with only FROM NAMED),
and GRAPH sees the FROM NAMED graphs only. Neither engine can be left to do this alone: pyoxigraph with its
union default graph on ignores a FROM, and rdflib fetches the IRI of a FROM it does not hold (checked), so
the dataset is read from the query here (kg.queryguard.dataset_clauses) and handed to the engine."""

from __future__ import annotations

from dataclasses import dataclass

from kg.queryguard import dataset_clauses


@dataclass(frozen=True)
class Dataset:
    """The graphs (full IRIs) that make the default graph and the named graphs of one query."""
    default: tuple[str, ...] = ()
    named: tuple[str, ...] = ()


def query_dataset(query: str) -> Dataset | None:
    """The dataset of the query's FROM and FROM NAMED clauses, or None when it has neither (the union then).
    Call after kg.queryguard.check_query, which refuses a FROM outside the project's graphs."""
    default, named = dataset_clauses(query)
    if not default and not named:
        return None
    return Dataset(default=tuple(dict.fromkeys(default)), named=tuple(dict.fromkeys(named)))


def store_options(dataset: Dataset | None) -> dict:
    """Keyword arguments of pyoxigraph's Store.query for the dataset."""
    import pyoxigraph

    if dataset is None:
        return {"use_default_graph_as_union": True}
    return {"default_graph": [pyoxigraph.NamedNode(g) for g in dataset.default],
            "named_graphs": [pyoxigraph.NamedNode(g) for g in dataset.named]}


def rdflib_view(source, dataset: Dataset):
    """An rdflib Dataset holding just the dataset's graphs taken from an rdflib source: the FROM graphs
    merged into its default graph, the FROM NAMED ones as named graphs. A plain Graph (a Turtle file) has
    no named graphs, so every graph a query names is empty in it, as in a store loaded from that file."""
    from rdflib import Dataset as RdflibDataset
    from rdflib import Graph, URIRef

    def graph(name: str) -> Graph:
        # get_context on a graph the source lacks gives an empty graph; it is never fetched
        return source.get_context(URIRef(name)) if isinstance(source, RdflibDataset) else Graph()

    view = RdflibDataset()  # default_union off: its default graph is the FROM graphs and nothing else
    for name in dataset.default:
        for triple in graph(name):
            view.default_graph.add(triple)
    for name in dataset.named:
        into = view.graph(URIRef(name))
        for triple in graph(name):
            into.add(triple)
    return view
