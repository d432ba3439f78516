"""SHACL per article: an article's graph, with the shared triples of the entities and facts it uses,
validated against ontology/shapes.ttl once, when the article is built (the result is cached with it).

pyshacl parses a SPARQL-based constraint's query again for every focus node, which made one article
cost seconds; the queries are the shapes' own fixed texts, so they are parsed once here and reused."""

from __future__ import annotations

import functools

from rdflib import Graph

from kg.shacl import ValidationResult, validate


@functools.lru_cache(maxsize=64)
def _prepared(text: str):
    from rdflib.plugins.sparql import prepareQuery

    return prepareQuery(text)


def _reuse_parsed_sparql() -> None:
    from pyshacl.constraints.sparql import sparql_based_constraints as module

    original = module.SPARQLBasedConstraint._validate_sparql_query
    if getattr(original, "kg_cached", False):
        return

    def cached(self, query, init_binds, target_graph):
        if isinstance(query, str):
            try:
                query = _prepared(query)
            except Exception:  # noqa: BLE001, S110 -- anything unusual goes down pyshacl's own path
                pass
        return original(self, query, init_binds, target_graph)

    cached.kg_cached = True
    module.SPARQLBasedConstraint._validate_sparql_query = cached


def validate_lines(nt_lines: list[str]) -> ValidationResult:
    """Validate the graph written as N-Triples lines."""
    _reuse_parsed_sparql()
    graph = Graph()
    if nt_lines:
        graph.parse(data="".join(nt_lines), format="nt")
    return validate(graph, inplace=True)  # the graph is ours, made just for this check
