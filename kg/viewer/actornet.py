"""The actor network in the viewer's page: each drawn actor's centralities and community, and the ties of
the actor network (person view, every kind) with the facts behind each, by their index in the page.
The page sizes and colours nodes by these, keeps the top actors' labels, and lists a tie's facts."""

from __future__ import annotations

from rdflib import Graph

from kg.network import actor_network, analyze, read_actor_data
from kg.viewer.viewmodel import ViewModel


def actor_payload(graph: Graph, model: ViewModel) -> dict:
    analysis = analyze(actor_network(read_actor_data(graph)))
    node_of = {n.iri: n.id for n in model.entity_nodes()}
    fact_index = {f.iri: i for i, f in enumerate(model.facts)}
    metrics = [{"id": node_of[m.iri], "deg": m.degree, "wdeg": m.weighted_degree, "btw": m.betweenness,
                "pr": m.pagerank, "comm": m.community} for m in analysis.nodes if m.iri in node_of]
    ties = []
    for tie in analysis.network.ties:
        if tie.source in node_of and tie.target in node_of:
            facts = sorted(fact_index[f] for f in tie.facts if f in fact_index)
            ties.append({"source": node_of[tie.source], "target": node_of[tie.target], "kind": tie.kind,
                         "weight": tie.weight, "directed": tie.directed, "facts": facts})
    return {"metrics": metrics, "ties": ties, "communities": len(analysis.communities)}
