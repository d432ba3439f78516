"""The ontology documents every term it adds, and the graph uses no project term it does not define."""

from __future__ import annotations

from rdflib import Graph
from rdflib.namespace import OWL, RDF, RDFS

from kg.namespaces import DIP

from conftest import REPO

ONTOLOGY = Graph().parse(REPO / "ontology" / "diplomacy.ttl")


def test_every_term_has_an_english_label_and_comment():
    terms = {s for s in ONTOLOGY.subjects(RDF.type, None) if str(s).startswith(str(DIP))}
    assert len(terms) >= 30
    for term in terms:
        assert any(lab.language == "en" for lab in ONTOLOGY.objects(term, RDFS.label)), term
        assert any(c.language == "en" for c in ONTOLOGY.objects(term, RDFS.comment)), term
        kinds = set(ONTOLOGY.objects(term, RDF.type))
        assert kinds & {OWL.Class, OWL.ObjectProperty, OWL.DatatypeProperty}, term


def test_the_graph_uses_only_defined_project_terms(seed_graph):
    defined = set(ONTOLOGY.subjects(RDF.type, None))
    used = {t for triple in seed_graph for t in (triple[1], triple[2]) if str(t).startswith(str(DIP))}
    used |= {o for o in seed_graph.objects(None, RDF.type) if str(o).startswith(str(DIP))}
    assert used - defined == set()


def test_golden_graph_uses_only_defined_project_terms():
    golden = Graph().parse(REPO / "tests" / "data" / "golden" / "all-fact-types.expected.ttl")
    defined = set(ONTOLOGY.subjects(RDF.type, None))
    used = {t for triple in golden for t in triple[1:] if str(t).startswith(str(DIP))}
    assert used - defined == set()
