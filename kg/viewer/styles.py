"""How each kind of thing looks in the viewer: one table, read by the model (class of an entity), the
legend and the page. Order matters: an entity takes the first class whose RDF types it has."""

from __future__ import annotations

from dataclasses import dataclass

from rdflib.namespace import FOAF, ORG

from kg.namespaces import DIP, SCHEMA


@dataclass(frozen=True)
class NodeClass:
    id: str
    label: str
    rdf_types: tuple
    colour: str
    shape: str  # a vis-network shape whose size follows the node's `size`
    symbol: str  # the legend's glyph for the shape


NODE_CLASSES: tuple[NodeClass, ...] = (
    NodeClass("person", "Person", (FOAF.Person,), "#e15759", "dot", "\u25cf"),
    NodeClass("award", "Award", (DIP.Award,), "#b07aa1", "hexagon", "\u2b22"),
    NodeClass("event", "Event", (SCHEMA.Event, DIP.Ceremony), "#f28e2b", "star", "\u2605"),
    NodeClass("organization", "Organisation", (ORG.Organization, ORG.OrganizationalUnit), "#4e79a7", "square", "\u25a0"),
    NodeClass("place", "Place", (SCHEMA.Place,), "#59a14f", "triangle", "\u25b2"),
    NodeClass("document", "Document", (FOAF.Document,), "#9c755f", "triangleDown", "\u25bc"),
    NodeClass("post", "Office (post)", (ORG.Post,), "#76b7b2", "square", "\u25a0"),
    NodeClass("other", "Other", (), "#9d9d9d", "dot", "\u25cf"),
)
CLASS_BY_ID = {c.id: c for c in NODE_CLASSES}

# N-ary facts drawn as a node of their own (expanded view).
FACT_NODE_COLOUR = "#555555"
FACT_NODE_SHAPE = "diamond"


def class_of(rdf_types: set) -> NodeClass:
    for node_class in NODE_CLASSES:
        if any(t in rdf_types for t in node_class.rdf_types):
            return node_class
    return CLASS_BY_ID["other"]
