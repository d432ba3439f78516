"""How an n-ary fact is drawn: an office as one edge person --holds: Role--> organisation; an event held
as event --held at--> place; anything else with two or more drawn arguments as a fact node ("hub") with
an edge per role (expanded view) plus direct edges that replace the hub in the collapsed view (from a
pivot argument, or a clique of "met" edges for meetings)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from rdflib import URIRef

from kg.namespaces import SCHEMA
from kg.viewer import wording
from kg.viewer.index import text_of
from kg.viewer.viewmodel import Edge, Fact, Node

if TYPE_CHECKING:  # the builder imports this module
    from kg.viewer.model import ModelBuilder

HUB_MIN_ENDPOINTS = 2


def draw_nary(b: ModelBuilder, fact: Fact, index: int, iris: dict, post) -> None:
    if fact.type == "holds_office":
        office_edge(b, fact, index, iris, post)
    elif fact.type == "event_held":
        simple_edge(b, fact, index, iris, "event", "place", "held at")
        for e in iris.get("event", []):
            for p in iris.get("place", []):
                b.covered.add((e, SCHEMA.location, p))
    elif fact.type != "quantity":
        hub(b, fact, index, iris)


def office_edge(b: ModelBuilder, fact: Fact, index: int, iris: dict, post) -> None:
    person = b.endpoint((iris.get("person") or [None])[0])[0]
    target = None
    for key in ("organization", "country"):
        target = target or (b.endpoint(iris[key][0])[0] if iris.get(key) else None)
    if target is None and post is not None:
        target = b.endpoint(post)[0]
    if person and target:
        role = b.name(iris["office"][0]) if iris.get("office") else b.name(post)
        status = text_of(iris.get("status", [""])[0])
        verb = "held" if status == "former" else "holds"
        qualifier = f" ({status})" if status not in ("", "current", "former") else ""
        fact.drawn = "edge"
        b.edges.append(Edge(person, target, f"{verb}: {role}{qualifier}", index, "all"))


def simple_edge(b: ModelBuilder, fact: Fact, index: int, iris: dict, source_role: str, target_role: str,
                label: str) -> None:
    source = b.endpoint((iris.get(source_role) or [None])[0])[0]
    target = b.endpoint((iris.get(target_role) or [None])[0])[0]
    if source and target:
        fact.drawn = "edge"
        b.edges.append(Edge(source, target, label, index, "all"))


def hub(b: ModelBuilder, fact: Fact, index: int, iris: dict) -> None:
    if len(fact.entities) < HUB_MIN_ENDPOINTS:
        return
    fact.drawn = "node"
    hub_id = f"f{index}"
    args = {k: [b.name(v) for v in vs] for k, vs in iris.items()}
    b.hubs.append(Node(id=hub_id, label=wording.fact_node_label(fact.type, args), cls="fact", iri=fact.iri,
                       fact=index))
    ends: dict = {}  # role -> [(node id, post label)]
    for role in sorted(iris):
        for value in iris[role]:
            node_id, post = b.endpoint(value) if isinstance(value, URIRef) else (None, "")
            if node_id:
                ends.setdefault(role, []).append((node_id, post))
                label = wording.role_label(role) + (f" ({post})" if post else "")
                b.edges.append(Edge(hub_id, node_id, label, index, "hub"))
    if fact.type == "meeting":
        people = sorted({n for n, _ in ends.get("participants", [])})
        for i, a in enumerate(people):
            for other in people[i + 1:]:
                b.edges.append(Edge(a, other, "met", index, "flat"))
        return
    collapsed_edges(b, fact, index, ends)


def collapsed_edges(b: ModelBuilder, fact: Fact, index: int, ends: dict) -> None:
    """The collapsed view: edges from the pivot argument (the award, the envoy...) to every other one."""
    pivot_role, labels = wording.COLLAPSED.get(fact.type, (next(iter(ends)), {}))
    pivots = ends.get(pivot_role) or ends[next(iter(ends))]
    for pivot, _ in pivots:
        for role, targets in ends.items():
            for node_id, post in targets:
                if node_id != pivot:
                    label = labels.get(role, wording.role_label(role)) + (f" ({post})" if post else "")
                    b.edges.append(Edge(pivot, node_id, label, index, "flat"))
