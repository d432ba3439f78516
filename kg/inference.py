"""OWL 2 RL inference (owlrl) on a copy of the graph plus the ontology, for queries that need it.

Exports hold asserted facts only; `kg query --infer` reasons over a copy, so that, e.g., every
dip:OfficeHolding is also an org:Membership and every dip:AwardConferral a schema:Event."""

from __future__ import annotations

from rdflib import Graph

from kg.paths import ontology_file


def with_inference(graph: Graph) -> Graph:
    import owlrl

    closure = Graph()
    for triple in graph:
        closure.add(triple)
    closure.parse(ontology_file("diplomacy.ttl"))
    owlrl.DeductiveClosure(owlrl.OWLRL_Semantics, axiomatic_triples=False, datatype_axioms=False).expand(closure)
    return closure
