"""RDF -> view model: what the viewer draws, built from the graph alone (any kg.ttl, not only our builds).

Drawn as nodes: entities (anything with a skos:prefLabel) except roles, and except posts that sit in an
organisation or country: an office reads as an edge person --holds: Minister--> organisation, with the
post in the fact's details. N-ary facts (award conferral, meeting, credentials, signing) are nodes of
their own with role-labelled edges (the expanded view), and also a set of direct labelled edges that
replace them in the collapsed view. Binary facts are edges. Facts about literals only (quantities,
founding dates) are not drawn: they are listed in their entity's details. Articles, NIF spans and fact
nodes' literals are never drawn; evidence spans go to the side panel.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Callable

from rdflib import Graph, Literal, URIRef
from rdflib.namespace import ORG, PROV, RDF, RDFS, SKOS, TIME

from kg.namespaces import DIP, PREFIXES, SCHEMA, WD
from kg.rdfmap import FACT_MAPPINGS, NaryMapping, StatementMapping
from kg.viewer import wording
from kg.viewer.evidence import EvidenceTable, date_range
from kg.viewer.styles import class_of

# Fact-node properties that are bookkeeping, not roles.
META = {RDF.type, PROV.wasDerivedFrom, DIP.evidence, DIP.factType, DIP.extractionRule, DIP.reviewStatus,
        SKOS.note, DIP.confidence, DIP.post, ORG.memberDuring}
# Shortcut triples restate facts that are drawn from their fact nodes: never drawn a second time.
SHORTCUTS = {ORG.holds, ORG.heldBy, DIP.conferredOn, DIP.awardReceived, DIP.met, DIP.presentedCredentialsTo,
             DIP.signed, RDF.type, SCHEMA.mentions, ORG.postIn, ORG.role, DIP.country}
HUB_MIN_ENDPOINTS = 2


@dataclass
class Node:
    id: str
    label: str
    cls: str  # a styles.NodeClass id, or "fact" for an n-ary fact node
    iri: str = ""
    alt: list = field(default_factory=list)
    wikidata: str = ""
    props: list = field(default_factory=list)  # [name, value] pairs shown in the details
    fact: int | None = None  # fact nodes: index of their fact
    facts: list = field(default_factory=list)  # entities: indices of the facts about them
    degree: int = 0


@dataclass
class Edge:
    source: str
    target: str
    label: str
    fact: int | None  # None: an asserted triple with no fact node (no evidence)
    mode: str  # "all": both views; "hub": expanded view only; "flat": collapsed view only


@dataclass
class Fact:
    iri: str
    type: str
    summary: str
    drawn: str  # "node", "edge" or "detail"
    date: str = ""
    range: tuple = ()  # first and last day the fact's date covers, for the date filter
    confidence: str = ""
    status: str = ""
    rule: str = ""
    note: str = ""
    roles: list = field(default_factory=list)  # [role label, node id or "", text]
    evidence: list = field(default_factory=list)
    entities: list = field(default_factory=list)


@dataclass
class ViewModel:
    nodes: list
    edges: list
    facts: list
    evidence: list
    articles: list

    def entity_nodes(self) -> list:
        return [n for n in self.nodes if n.cls != "fact"]


def curie(node) -> str:
    text = str(node)
    for prefix, namespace in PREFIXES.items():
        if text.startswith(str(namespace)):
            return f"{prefix}:{text[len(str(namespace)):]}"
    return text


def local_name(node) -> str:
    text = str(node)
    return text.rsplit("#", 1)[-1].rsplit("/", 1)[-1]


def _text(value) -> str:
    return "" if value is None else str(value)


def pref_labels(graph: Graph) -> dict:
    """One label per subject: English (or untagged) preferred, then the smallest, for determinism."""
    found: dict = {}
    for subject, label in graph.subject_objects(SKOS.prefLabel):
        if not isinstance(subject, URIRef):
            continue
        key = (0 if getattr(label, "language", None) in (None, "en") else 1, str(label))
        if subject not in found or key < found[subject]:
            found[subject] = key
    return {s: k[1] for s, k in found.items()}


class ModelBuilder:
    def __init__(self, graph: Graph, keep_entity: Callable | None = None, keep_fact_type: Callable | None = None):
        self.g = graph
        self.keep_entity = keep_entity or (lambda iri, cls: True)
        self.keep_fact_type = keep_fact_type or (lambda ft: True)
        self.labels = pref_labels(graph)
        self.evidence = EvidenceTable(graph)
        self.nodes: dict = {}  # iri -> Node (drawn entities)
        self.absorbed: dict = {}  # post iri -> entity iri the post is in
        self.edges: list = []
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
                wikidata=next((str(m)[len(str(WD)):] for m in sorted(g.objects(iri, SKOS.exactMatch))
                               if str(m).startswith(str(WD))), ""),
                props=self._props(iri, kinds[iri]),
            )

    def _props(self, iri, types) -> list:
        g, props = self.g, []
        for name, predicate in (("honorific", SCHEMA.honorificPrefix), ("rank", DIP.rank), ("note", SKOS.note),
                                ("note", RDFS.comment)):
            props += [[name, str(v)] for v in sorted(g.objects(iri, predicate))]
        props.append(["types", ", ".join(sorted(curie(t) for t in types))])
        return props

    def endpoint(self, iri) -> tuple:
        """(node id, post label) for an argument: the entity's node, or for a post the node it sits in."""
        if iri in self.nodes:
            return self.nodes[iri].id, ""
        if iri in self.absorbed and self.absorbed[iri] in self.nodes:
            return self.nodes[self.absorbed[iri]].id, self.name(iri)
        return None, ""

    # -- facts -------------------------------------------------------------------------------------
    def add_facts(self) -> None:
        for node in sorted(set(self.g.subjects(RDF.type, DIP.Fact)), key=str):
            fact_type = _text(self.g.value(node, DIP.factType)) or next(
                (local_name(t) for t in sorted(self.g.objects(node, RDF.type)) if t != DIP.Fact), "fact")
            if not self.keep_fact_type(fact_type):
                continue
            if (node, RDF.type, RDF.Statement) in self.g:
                self.add_statement(node, fact_type)
            else:
                self.add_nary(node, fact_type)

    def _fact(self, node, fact_type: str, args: dict, iris: dict, date: str) -> Fact:
        g = self.g
        fact = Fact(
            iri=str(node), type=fact_type, summary=wording.summary(fact_type, args), drawn="detail", date=date,
            range=date_range(date) or (), confidence=_text(g.value(node, DIP.confidence)),
            status=_text(g.value(node, DIP.reviewStatus)), rule=_text(g.value(node, DIP.extractionRule)),
            note=_text(g.value(node, SKOS.note)),
        )
        for span in sorted(g.objects(node, DIP.evidence), key=str):
            index = self.evidence.span(span)
            if index is not None:
                fact.evidence.append(index)
        for role in sorted(iris):
            for value in iris[role]:
                node_id, post = self.endpoint(value) if isinstance(value, URIRef) else (None, "")
                text = self.name(value) if isinstance(value, URIRef) else str(value)
                fact.roles.append([wording.role_label(role), node_id or "", text])
                if node_id and node_id not in fact.entities:
                    fact.entities.append(node_id)
        return fact

    def _commit(self, fact: Fact) -> int | None:
        if not fact.entities:
            return None  # nothing it is about is drawn
        index = len(self.facts)
        self.facts.append(fact)
        return index

    def add_statement(self, node, fact_type: str) -> None:
        g = self.g
        s, p, o = g.value(node, RDF.subject), g.value(node, RDF.predicate), g.value(node, RDF.object)
        if s is None or p is None or o is None:
            return
        self.covered.add((s, p, o))
        mapping = FACT_MAPPINGS.get(fact_type)
        names = (mapping.subject, mapping.object) if isinstance(mapping, StatementMapping) else ("subject", "object")
        iris = {names[0]: [s], names[1]: [o]}
        date = next((str(g.value(x, SCHEMA.startDate)) for x in (s, o) if g.value(x, SCHEMA.startDate) is not None), "")
        if isinstance(o, Literal) and o.datatype is not None and date_range(str(o)):
            date = str(o)
        args = {k: [self.name(v)] for k, v in ((names[0], s), (names[1], o))}
        fact = self._fact(node, fact_type, args, iris, date)
        a, b = self.endpoint(s)[0], self.endpoint(o)[0] if isinstance(o, URIRef) else None
        index = self._commit(fact)
        if index is None or not (a and b):
            return
        label, reverse = wording.BINARY_LABELS.get(fact_type, (local_name(p), False))
        fact.drawn = "edge"
        self.edges.append(Edge(b, a, label, index, "all") if reverse else Edge(a, b, label, index, "all"))

    def add_nary(self, node, fact_type: str) -> None:
        g = self.g
        mapping = FACT_MAPPINGS.get(fact_type)
        role_of = {p: n for n, p in mapping.roles.items()} if isinstance(mapping, NaryMapping) else {}
        iris: dict = {}
        for p, o in sorted(g.predicate_objects(node)):
            if p not in META:
                iris.setdefault(role_of.get(p, local_name(p)), []).append(o)
        args = {k: [self.name(v) for v in vs] for k, vs in iris.items()}
        post = g.value(node, DIP.post)
        if post is not None:
            args["post"] = [self.name(post)]
        interval = g.value(node, ORG.memberDuring)
        for key, predicate in (("start", TIME.hasBeginning), ("end", TIME.hasEnd)):
            instant = g.value(interval, predicate) if interval is not None else None
            when = next((o for _, o in g.predicate_objects(instant) if isinstance(o, Literal)), None) if instant else None
            if when is not None:
                args[key] = [str(when)]
                iris[key] = [when]
        date = (args.get("date") or args.get("start") or [""])[0]
        fact = self._fact(node, fact_type, args, iris, date)
        index = self._commit(fact)
        if index is None:
            return
        if fact_type == "holds_office":
            self._office_edge(fact, index, iris, post)
        elif fact_type == "event_held":
            self._simple_edge(fact, index, iris, "event", "place", "held at")
            for e in iris.get("event", []):
                for p in iris.get("place", []):
                    self.covered.add((e, SCHEMA.location, p))
        elif fact_type != "quantity":
            self._hub(fact, index, iris)

    def _office_edge(self, fact: Fact, index: int, iris: dict, post) -> None:
        person = self.endpoint((iris.get("person") or [None])[0])[0]
        target = None
        for key in ("organization", "country"):
            target = target or (self.endpoint(iris[key][0])[0] if iris.get(key) else None)
        if target is None and post is not None:
            target = self.endpoint(post)[0]
        if person and target:
            role = self.name(iris["office"][0]) if iris.get("office") else self.name(post)
            status = _text(iris.get("status", [""])[0])
            verb = "held" if status == "former" else "holds"
            fact.drawn = "edge"
            self.edges.append(Edge(person, target, f"{verb}: {role}" + (f" ({status})" if status not in ("", "current", "former") else ""), index, "all"))

    def _simple_edge(self, fact, index, iris, source_role, target_role, label) -> None:
        a = self.endpoint((iris.get(source_role) or [None])[0])[0]
        b = self.endpoint((iris.get(target_role) or [None])[0])[0]
        if a and b:
            fact.drawn = "edge"
            self.edges.append(Edge(a, b, label, index, "all"))

    def _hub(self, fact: Fact, index: int, iris: dict) -> None:
        if len(fact.entities) < HUB_MIN_ENDPOINTS:
            return
        fact.drawn = "node"
        hub = f"f{index}"
        args = {k: [self.name(v) for v in vs] for k, vs in iris.items()}
        self.hubs.append(Node(id=hub, label=wording.fact_node_label(fact.type, args), cls="fact", iri=fact.iri,
                              fact=index))
        ends = {}  # role -> [(node id, post label)]
        for role in sorted(iris):
            for value in iris[role]:
                node_id, post = self.endpoint(value) if isinstance(value, URIRef) else (None, "")
                if node_id:
                    ends.setdefault(role, []).append((node_id, post))
                    label = wording.role_label(role) + (f" ({post})" if post else "")
                    self.edges.append(Edge(hub, node_id, label, index, "hub"))
        if fact.type == "meeting":
            people = sorted({n for n, _ in ends.get("participants", [])})
            for i, a in enumerate(people):
                for b in people[i + 1:]:
                    self.edges.append(Edge(a, b, "met", index, "flat"))
            return
        pivot_role, labels = wording.COLLAPSED.get(fact.type, (next(iter(ends)), {}))
        pivots = ends.get(pivot_role) or ends[next(iter(ends))]
        for pivot, _ in pivots:
            for role, targets in ends.items():
                for node_id, post in targets:
                    if node_id != pivot:
                        label = labels.get(role, wording.role_label(role)) + (f" ({post})" if post else "")
                        self.edges.append(Edge(pivot, node_id, label, index, "flat"))

    # -- asserted triples with no fact node ----------------------------------------------------------
    def add_plain_triples(self) -> None:
        for s, p, o in sorted(self.g.triples((None, None, None))):
            if p in SHORTCUTS or (s, p, o) in self.covered or not isinstance(o, URIRef):
                continue
            a, b = self.endpoint(s)[0], self.endpoint(o)[0]
            if a and b and s in self.nodes:
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
        self.hubs: list = []
        self.add_entities()
        self.add_facts()
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
        return ViewModel(nodes, self.edges, self.facts, self.evidence.spans, self.evidence.articles)


def build_model(graph: Graph, keep_entity: Callable | None = None, keep_fact_type: Callable | None = None) -> ViewModel:
    return ModelBuilder(graph, keep_entity, keep_fact_type).build()
