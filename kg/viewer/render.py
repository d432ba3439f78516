"""First viewer: entities as labelled nodes coloured by class, shortcut relations as labelled edges.

pyvis renders the page; its 'in_line' mode inlines vis-network but still links Bootstrap from a CDN,
so every external <link>/<script src> is removed: the file must open from disk with no network.
"""

from __future__ import annotations

import html
import re

import networkx as nx
from rdflib import Graph, Literal, URIRef
from rdflib.namespace import RDF, SKOS

from kg.namespaces import PREFIXES

CLASS_COLOURS = {
    "foaf:Person": "#e15759",
    "org:Organization": "#4e79a7",
    "schema:Place": "#59a14f",
    "schema:Event": "#f28e2b",
    "dip:Award": "#b07aa1",
    "org:Post": "#76b7b2",
    "skos:Concept": "#bab0ac",
}


def _curie(node) -> str:
    for prefix, namespace in PREFIXES.items():
        if str(node).startswith(str(namespace)):
            return f"{prefix}:{str(node)[len(str(namespace)):]}"
    return str(node)


def to_networkx(graph: Graph) -> nx.MultiDiGraph:
    """Entities (anything with a skos:prefLabel) and the relations between them."""
    result = nx.MultiDiGraph()
    labels = {s: str(o) for s, o in graph.subject_objects(SKOS.prefLabel)}
    for node, label in sorted(labels.items()):
        types = {_curie(t) for t in graph.objects(node, RDF.type)}
        group = next((c for c in CLASS_COLOURS if c in types), "other")
        result.add_node(str(node), label=label, group=group)
    for s, p, o in sorted(graph):
        if s in labels and isinstance(o, URIRef) and o in labels and p != RDF.type:
            result.add_edge(str(s), str(o), label=_curie(p).split(":", 1)[-1])
    return result


def render_html(graph: Graph) -> str:
    from pyvis.network import Network

    net = Network(height="860px", width="100%", directed=True, cdn_resources="in_line", notebook=False)
    g = to_networkx(graph)
    for node, data in g.nodes(data=True):
        net.add_node(node, label=data["label"], title=data["label"], color=CLASS_COLOURS.get(data["group"], "#999999"))
    for s, o, data in g.edges(data=True):
        net.add_edge(s, o, label=data["label"], title=data["label"], arrows="to")
    net.set_options('{"physics": {"stabilization": {"iterations": 300}}, "edges": {"font": {"size": 10}}}')
    page = net.generate_html()
    page = re.sub(r'<link[^>]+href="https?://[^"]+"[^>]*>', "", page)
    page = re.sub(r'<script[^>]+src="https?://[^"]+"[^>]*>\s*</script>', "", page)
    legend = "".join(
        f'<span style="display:inline-block;margin-right:14px"><span style="display:inline-block;width:12px;'
        f'height:12px;background:{colour};margin-right:4px"></span>{html.escape(name)}</span>'
        for name, colour in CLASS_COLOURS.items()
    )
    return page.replace("<body>", f'<body>\n<div id="legend" style="font:13px sans-serif;padding:6px">{legend}</div>', 1)
