"""SHACL validation against the shapes in ontology/, with a report a person can read."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from rdflib import Graph
from rdflib.namespace import RDF, SH

from kg.paths import ontology_file


@dataclass
class ValidationResult:
    conforms: bool
    problems: list[str]

    def summary(self) -> str:
        return "conforms" if self.conforms else f"{len(self.problems)} violation(s)"

    def report(self) -> str:
        if self.conforms:
            return "SHACL: the graph conforms to ontology/shapes.ttl"
        return "SHACL: the graph does not conform:\n" + "\n".join(f"  - {p}" for p in self.problems)


@lru_cache(maxsize=1)
def _shapes() -> tuple[Graph, Graph]:
    return Graph().parse(ontology_file("shapes.ttl")), Graph().parse(ontology_file("diplomacy.ttl"))


def _short(graph: Graph, node) -> str:
    try:
        return node.n3(graph.namespace_manager)
    except Exception:
        return str(node)


def validate(graph: Graph, inplace: bool = False) -> ValidationResult:
    """inplace: the caller's graph may be changed (the ontology mixed into it), which spares pyshacl a copy."""
    import pyshacl

    shapes, ontology = _shapes()
    conforms, results, _ = pyshacl.validate(
        graph, shacl_graph=shapes, ont_graph=ontology, inference="none", advanced=True, allow_warnings=True,
        inplace=inplace,
    )
    problems = []
    for result in results.subjects(RDF.type, SH.ValidationResult):
        focus = results.value(result, SH.focusNode)
        path = results.value(result, SH.resultPath)
        value = results.value(result, SH.value)
        message = results.value(result, SH.resultMessage) or "constraint violated"
        where = _short(graph, focus) + (f" {_short(graph, path)}" if path is not None else "")
        shown = f" (value {_short(graph, value)})" if value is not None else ""
        problems.append(f"{where}: {message}{shown}")
    return ValidationResult(bool(conforms), sorted(problems))
