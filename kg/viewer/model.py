"""RDF -> view model: what the viewer draws, built from the graph alone (any kg.ttl, not only our builds).

Drawn as nodes: entities (anything with a skos:prefLabel) except roles, and except posts that sit in an
organisation or country: an office reads as an edge person --holds: Minister--> organisation, with the
post in the fact's details. N-ary facts (award conferral, meeting, credentials, signing) are nodes of
their own with role-labelled edges (the expanded view), and also a set of direct labelled edges that
replace them in the collapsed view. Binary facts are edges. Facts about literals only (quantities,
founding dates) are not drawn: they are listed in their entity's details. Articles, NIF spans and fact
nodes' literals are never drawn; evidence spans go to the side panel.

This module holds the data classes and the order of the steps; the graph is read once (index.py), facts
are read in facts.py and drawn (offices, hubs, collapsed edges) in drawing.py.
"""

from __future__ import annotations

from typing import Callable

from rdflib import Graph, Literal, URIRef
from rdflib.namespace import ORG, RDF, RDFS, SKOS

from kg.namespaces import DIP, SCHEMA, WD
from kg.viewer.evidence import EvidenceTable
from kg.viewer.facts import add_facts
from kg.viewer.index import GraphIndex, curie, local_name
from kg.viewer.styles import class_of
from kg.viewer.viewmodel import Edge, Fact, Node, ViewModel

# Shortcut triples restate facts that are drawn from their fact nodes: never drawn a second time.
SHORTCUTS = {ORG.holds, ORG.heldBy, DIP.conferredOn, DIP.awardReceived, DIP.met, DIP.presentedCredentialsTo,
             DIP.signed, RDF.type, SCHEMA.mentions, ORG.postIn, ORG.role, DIP.country}

__all__ = ["ModelBuilder", "build_model", "Node", "Edge", "Fact", "ViewModel"]


class ModelBuilder:
    def __init__(self, index: GraphIndex, keep_entity: Callable | None = None,
                 keep_fact_type: Callable | None = None):
        self.g = index
        self.keep_entity = keep_entity or (lambda iri, cls: True)
        self.keep_fact_type = keep_fact_type or (lambda ft: True)
        self.labels = index.labels
        self.evidence = EvidenceTable(index)
        self.nodes: dict = {}  # iri -> Node (drawn entities)
        self.absorbed: dict = {}  # post iri -> entity iri the post is in
        self.edges: list = []
        self.hubs: list = []
        self.facts: list = []
        self.covered: set = set()

    # -- entities ----------------------------------------------------------------------------------
    def name(self, node) -> str:
        return self.labels.get(node) or (str(node) if isinstance(node, Literal) else local_name(node))

    def add_entities(self) -> None:
        g = self.g
        kinds = {iri: set(g.objects(iri, RDF.type)) for iri in self.labels}
        drawable = sorted(i for i, t in kinds.items() if ORG.Role not in t)
        for iri in drawable:
            if ORG.Post in kinds[iri]:
                target = g.value(iri, ORG.postIn) or g.value(iri, DIP.country)
                if target in kinds and ORG.Role not in kinds[target] and ORG.Post not in kinds[target]:
                    self.absorbed[iri] = target
                    continue
            node_class = class_of(kinds[iri])
            if not self.keep_entity(iri, node_class.id):
                continue
            self.nodes[iri] = Node(
                id=f"n{len(self.nodes)}", label=self.labels[iri], cls=node_class.id, iri=str(iri),
                alt=sorted({str(a) for a in g.objects(iri, SKOS.altLabel)} - {self.labels[iri]}),
                wikidata=next((str(m)[len(str(WD)):] for m in g.objects(iri, SKOS.exactMatch)
                               if str(m).startswith(str(WD))), ""),
                props=self._props(iri, kinds[iri]),
            )

    def _props(self, iri, types) -> list:
        props = []
        for name, predicate in (("honorific", SCHEMA.honorificPrefix), ("rank", DIP.rank), ("note", SKOS.note),
                                ("note", RDFS.comment)):
            props += [[name, str(v)] for v in self.g.objects(iri, predicate)]
        props.append(["types", ", ".join(sorted(curie(t) for t in types))])
        return props

    def endpoint(self, iri) -> tuple:
        """(node id, post label) for an argument: the entity's node, or for a post the node it sits in."""
        node = self.nodes.get(iri)
        if node is not None:
            return node.id, ""
        target = self.absorbed.get(iri)
        if target is not None and target in self.nodes:
            return self.nodes[target].id, self.name(iri)
        return None, ""

    # -- asserted triples with no fact node ----------------------------------------------------------
    def add_plain_triples(self) -> None:
        found = []
        for s in self.nodes:
            for p, objects in self.g.predicates(s):
                if p in SHORTCUTS:
                    continue
                found += [(s, p, o) for o in objects if isinstance(o, URIRef) and (s, p, o) not in self.covered]
        for s, p, o in sorted(found):
            a, b = self.endpoint(s)[0], self.endpoint(o)[0]
            if a and b:
                self.edges.append(Edge(a, b, local_name(p), None, "all"))

    def merged_edges(self) -> list:
        """One edge per (source, target, fact, view): roles that point at the same node share it."""
        merged: dict = {}
        for edge in self.edges:
            key = (edge.source, edge.target, edge.fact, edge.mode)
            if key in merged:
                if edge.label not in merged[key].label.split(" / "):
                    merged[key].label += " / " + edge.label
            else:
                merged[key] = Edge(edge.source, edge.target, edge.label, edge.fact, edge.mode)
        return list(merged.values())

    def build(self) -> ViewModel:
        self.add_entities()
        add_facts(self)
        self.add_plain_triples()
        self.edges = self.merged_edges()
        by_id = {n.id: n for n in self.nodes.values()}
        for index, fact in enumerate(self.facts):
            for node_id in fact.entities:
                by_id[node_id].facts.append(index)
        touching: dict = {}
        for edge in self.edges:
            if edge.mode != "flat":
                key = edge.fact if edge.fact is not None else id(edge)
                touching.setdefault(edge.source, set()).add(key)
                touching.setdefault(edge.target, set()).add(key)
        nodes = list(self.nodes.values()) + self.hubs
        for node in nodes:
            node.degree = len(touching.get(node.id, ()))
        ev = self.evidence
        return ViewModel(nodes, self.edges, self.facts, ev.spans, ev.articles, ev.contexts)


def build_model(graph: Graph | GraphIndex, keep_entity: Callable | None = None,
                keep_fact_type: Callable | None = None) -> ViewModel:
    """The view model of a graph (or of a GraphIndex already made, so that one reading serves several
    models), keeping the entities and fact types the callbacks accept."""
    index = graph if isinstance(graph, GraphIndex) else GraphIndex(graph)
    return ModelBuilder(index, keep_entity, keep_fact_type).build()
