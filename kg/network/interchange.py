"""The actor network as files other tools read: GraphML for Gephi (networkx's writer) and two CSV tables
(nodes, edges) for pandas. The person view with every kind of tie; deterministic (sorted, no
timestamps), so two exports of one graph are byte-identical."""

from __future__ import annotations

import csv
import io

import networkx as nx
from rdflib import Graph

from kg.network.actors import actor_network
from kg.network.facts import read_actor_data
from kg.network.metrics import analyze

NODE_FIELDS = ("id", "label", "class", "facts", "degree", "weighted_degree", "betweenness", "pagerank",
               "community")
EDGE_FIELDS = ("source", "target", "source_label", "target_label", "kind", "directed", "weight", "facts",
               "first", "last", "fact_iris")


def _tables(rdf_graph: Graph) -> tuple[list, list]:
    network = actor_network(read_actor_data(rdf_graph))
    analysis = analyze(network)
    facts_of: dict = {}
    for tie in network.ties:
        for end in (tie.source, tie.target):
            facts_of.setdefault(end, set()).update(tie.facts)
    nodes = [{"id": m.iri, "label": m.name, "class": m.cls, "facts": len(facts_of.get(m.iri, ())),
              "degree": m.degree, "weighted_degree": m.weighted_degree, "betweenness": m.betweenness,
              "pagerank": m.pagerank, "community": m.community} for m in sorted(analysis.nodes, key=lambda m: m.iri)]
    edges = [{"source": t.source, "target": t.target, "source_label": network.name(t.source),
              "target_label": network.name(t.target), "kind": t.kind, "directed": t.directed, "weight": t.weight,
              "facts": len(t.facts), "first": t.first, "last": t.last, "fact_iris": " ".join(sorted(t.facts))}
             for t in network.ties]
    return nodes, edges


def graphml_text(rdf_graph: Graph) -> str:
    """GraphML of the actor network: labels, classes, measures and fact counts as node attributes; kind,
    direction, weight, dates and fact IRIs as edge attributes (a multigraph: one edge per kind of tie)."""
    nodes, edges = _tables(rdf_graph)
    graph = nx.MultiDiGraph()
    for node in nodes:
        graph.add_node(node["id"], **{k: v for k, v in node.items() if k != "id"})
    for edge in edges:
        attrs = {k: v for k, v in edge.items() if k not in ("source", "target", "source_label", "target_label")}
        graph.add_edge(edge["source"], edge["target"], key=edge["kind"], **attrs)
    return "\n".join(nx.generate_graphml(graph, encoding="utf-8", prettyprint=True)) + "\n"


def _csv(fields, rows) -> str:
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=fields, lineterminator="\n")
    writer.writeheader()
    writer.writerows(rows)
    return out.getvalue()


def csv_tables(rdf_graph: Graph) -> dict[str, str]:
    """{"nodes.csv": ..., "edges.csv": ...}: one row per actor, one per tie with its evidence count."""
    nodes, edges = _tables(rdf_graph)
    return {"nodes.csv": _csv(NODE_FIELDS, nodes), "edges.csv": _csv(EDGE_FIELDS, edges)}
