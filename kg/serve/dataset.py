"""default-graph-uri and named-graph-uri (SPARQL 1.1 Protocol, 2.1.4): the RDF dataset a request names.

Supported rather than refused, because clients use them (SPARQLWrapper's addDefaultGraph, YASGUI's graph
settings) to query one article's graph. As the protocol says, a dataset named in the request replaces the
one in the query (FROM, FROM NAMED) and the store's default one (the union of the graphs). The graphs
named follow the rule of FROM (kg.queryguard): only this project's graphs, as full IRIs. A query's own FROM
and FROM NAMED are honoured the same way when the request names no dataset (kg.querydataset, shared with
kg query)."""

from __future__ import annotations

import pyoxigraph

from kg.errors import InputError
from kg.querydataset import Dataset
from kg.queryguard import PROJECT_IRI, QueryRefused

PARAMETERS = ("default-graph-uri", "named-graph-uri")


def protocol_dataset(params: dict[str, list[str]]) -> Dataset | None:
    """The request's dataset, or None when it names none (the store's union default graph then).

    Raises InputError (400) for a value that is not an absolute IRI, QueryRefused (403) for a graph outside
    the project."""
    if not any(name in params for name in PARAMETERS):
        return None
    graphs = {name: tuple(dict.fromkeys(_checked(name, v) for v in params.get(name, []))) for name in PARAMETERS}
    return Dataset(default=graphs["default-graph-uri"], named=graphs["named-graph-uri"])


def _checked(name: str, value: str) -> str:
    iri = value.strip()
    try:
        pyoxigraph.NamedNode(iri)
    except ValueError:
        raise InputError(f"{name}={value!r} is not an absolute IRI") from None
    if not iri.startswith(PROJECT_IRI):
        raise QueryRefused(f"{name} <{iri}> is refused: the dataset may only name this project's graphs, "
                           f"as full IRIs under <{PROJECT_IRI}>")
    return iri
