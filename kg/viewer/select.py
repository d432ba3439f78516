"""Which part of the graph a page shows: entity classes and fact types (--types), and the ego network of
one entity (--focus NAME --depth N: everything within N facts of it)."""

from __future__ import annotations

import difflib
import unicodedata
from dataclasses import dataclass, field

import networkx as nx
from rdflib import Graph

from kg.errors import InputError
from kg.model import FACT_TYPES
from kg.viewer.index import GraphIndex
from kg.viewer.model import ViewModel, build_model
from kg.viewer.styles import NODE_CLASSES

CLASS_ALIASES = {"organisation": "organization", "org": "organization", "people": "person", "persons": "person",
                 "places": "place", "events": "event", "awards": "award", "documents": "document",
                 "organizations": "organization", "organisations": "organization", "posts": "post"}


@dataclass(frozen=True)
class Selection:
    focus: str | None = None
    depth: int = 1
    types: tuple = field(default_factory=tuple)


def fold(text: str) -> str:
    text = unicodedata.normalize("NFKD", str(text))
    return " ".join("".join(c for c in text if not unicodedata.combining(c)).casefold().split())


def parse_types(names) -> tuple[set | None, set | None]:
    """Split --types values (space or comma separated) into entity classes and fact types."""
    classes, fact_types = set(), set()
    known_classes = {c.id for c in NODE_CLASSES}
    for raw in names:
        for name in filter(None, (part.strip() for part in str(raw).split(","))):
            key = CLASS_ALIASES.get(name.lower(), name.lower()).replace("-", "_")
            if key in known_classes:
                classes.add(key)
            elif key in FACT_TYPES:
                fact_types.add(key)
            else:
                raise InputError(
                    f"--types: unknown type {name!r}; entity classes: {', '.join(sorted(known_classes))}; "
                    f"fact types: {', '.join(sorted(FACT_TYPES))}"
                )
    return classes or None, fact_types or None


def find_focus(model: ViewModel, name: str):
    key = fold(name)
    exact = [n for n in model.entity_nodes() if fold(n.label) == key]
    hits = exact or [n for n in model.entity_nodes() if key in (fold(a) for a in n.alt)]
    if len(hits) == 1:
        return hits[0]
    if len(hits) > 1:
        listed = "; ".join(f"{n.label} ({n.iri})" for n in hits[:10])
        raise InputError(f"--focus {name!r} names {len(hits)} entities: {listed}; use a canonical label")
    labels = sorted({n.label for n in model.entity_nodes()} | {a for n in model.entity_nodes() for a in n.alt})
    close = difflib.get_close_matches(name, labels, n=3, cutoff=0.6)
    hint = f" (did you mean {', '.join(repr(c) for c in close)}?)" if close else ""
    raise InputError(f"--focus: no entity is named {name!r} (label or alias){hint}")


def ego_iris(model: ViewModel, focus_id: str, depth: int) -> set:
    graph = nx.Graph()
    graph.add_nodes_from(n.id for n in model.entity_nodes())
    for fact in model.facts:
        ids = fact.entities
        graph.add_edges_from((a, b) for i, a in enumerate(ids) for b in ids[i + 1:])
    for edge in model.edges:
        if edge.fact is None:
            graph.add_edge(edge.source, edge.target)
    keep = nx.single_source_shortest_path_length(graph, focus_id, cutoff=depth)
    return {n.iri for n in model.entity_nodes() if n.id in keep}


def select_model(graph: Graph, selection: Selection) -> ViewModel:
    if selection.depth < 0:
        raise InputError(f"--depth must be 0 or more, not {selection.depth}")
    classes, fact_types = parse_types(selection.types)

    def keep_class(iri, cls):
        return classes is None or cls in classes

    def keep_type(fact_type):
        return fact_types is None or fact_type in fact_types

    index = GraphIndex(graph)  # read once, for both models a focus needs
    model = build_model(index, keep_class, keep_type)
    if not selection.focus:
        return model
    focus = find_focus(model, selection.focus)
    keep = ego_iris(model, focus.id, selection.depth)
    return build_model(index, lambda iri, cls: str(iri) in keep and keep_class(iri, cls), keep_type)
