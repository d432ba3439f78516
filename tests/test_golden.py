"""Golden file: a small article using every fact type maps to exactly the graph pinned beside it."""

from __future__ import annotations

from rdflib import Graph
from rdflib.compare import graph_diff, isomorphic, to_isomorphic

from kg.pipeline import build

from conftest import REPO

GOLDEN = REPO / "tests" / "data" / "golden"


def test_every_fact_type_is_used_by_the_golden_article():
    from kg.model import FACT_TYPES

    text = (GOLDEN / "all-fact-types.facts.yaml").read_text(encoding="utf-8")
    assert all(f"type: {name}" in text for name in FACT_TYPES)


def test_golden_graph():
    result = build([GOLDEN / "all-fact-types.txt"])
    assert result.validation.conforms, result.validation.report()
    expected = Graph().parse(GOLDEN / "all-fact-types.expected.ttl")
    if not isomorphic(result.graph, expected):
        _, missing, extra = graph_diff(to_isomorphic(expected), to_isomorphic(result.graph))
        raise AssertionError(
            "graph differs from the golden file\nmissing:\n"
            + "\n".join(sorted(" ".join(t.n3() for t in triple) for triple in missing))[:3000]
            + "\nunexpected:\n"
            + "\n".join(sorted(" ".join(t.n3() for t in triple) for triple in extra))[:3000]
        )
