"""Centralities and communities of an actor network, deterministic.

All measures are taken on the undirected network where two actors are tied with the sum of the weights
of every tie between them, whatever its kind or direction (a conferral and a meeting both bring two
actors together). Degree counts distinct neighbours, weighted degree the facts; betweenness is the
normalised share of shortest (unweighted) paths through a node, exact while actors x ties stays under
BETWEENNESS_BUDGET (about 2,000 actors with 2,500 ties), else estimated from a seeded sample of sources
(about 60 on a corpus of 10,000 actors: a ranking of brokers, not exact values); PageRank (damping 0.85) and
Louvain communities (seeded) use the weights. Communities are numbered from 1, largest first.

The measures are computed by igraph (C): on a corpus of 10,000 actors networkx's pure-Python Brandes
takes minutes, its Louvain eight times as long as igraph's (which finds communities of the same
modularity), and merely building its graph takes longer than igraph's PageRank.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field

import igraph

from kg.network.actors import ActorNetwork

SEED = 20201119
BETWEENNESS_BUDGET = 5_000_000  # sources x ties igraph walks: about a second


@dataclass
class NodeMetrics:
    iri: str
    name: str
    cls: str
    degree: int = 0
    weighted_degree: int = 0
    betweenness: float = 0.0
    pagerank: float = 0.0
    community: int = 0


@dataclass
class Community:
    id: int
    members: list  # IRIs, most central first
    facts: list  # fact IRIs of the ties inside it, sorted


@dataclass
class Analysis:
    network: ActorNetwork
    nodes: list  # NodeMetrics, most central first (PageRank, then weighted degree, then name)
    communities: list = field(default_factory=list)
    betweenness_sampled: int = 0  # sources sampled (0: exact)

    def by_iri(self) -> dict:
        return {n.iri: n for n in self.nodes}


class Indexed:
    """The undirected network as an igraph graph: vertices in sorted IRI order, one edge per pair of actors
    weighted by the sum of their ties, edges sorted (igraph's results then depend on nothing else)."""

    def __init__(self, network: ActorNetwork):
        self.order = sorted(network.nodes)
        index = {v: i for i, v in enumerate(self.order)}
        weights: dict = {}
        for tie in network.ties:
            a, b = index[tie.source], index[tie.target]
            key = (a, b) if a < b else (b, a)
            weights[key] = weights.get(key, 0) + tie.weight
        pairs = sorted(weights)
        self.weights = [weights[p] for p in pairs]
        self.graph = igraph.Graph(n=len(self.order), edges=pairs, directed=False)


def betweenness(fast: Indexed) -> tuple[dict, int]:
    """Normalised betweenness and the number of sampled sources (0: exact)."""
    n, m = len(fast.order), len(fast.weights)
    pairs = (n - 1) * (n - 2) / 2 if n > 2 else 1.0
    if n * max(1, m) <= BETWEENNESS_BUDGET:
        between, sampled = fast.graph.betweenness(directed=False), 0
    else:  # Brandes and Pich: paths from k sources chosen at random (seeded), scaled by n / k
        sampled = max(1, BETWEENNESS_BUDGET // m)
        sources = sorted(random.Random(SEED).sample(range(n), sampled))
        between = [b * n / sampled for b in fast.graph.betweenness(directed=False, sources=sources)]
    return {v: between[i] / pairs for i, v in enumerate(fast.order)}, sampled


def pagerank(fast: Indexed) -> dict:
    rank = fast.graph.pagerank(directed=False, damping=0.85, weights=fast.weights or None)
    return {v: rank[i] for i, v in enumerate(fast.order)}


def communities(fast: Indexed) -> list:
    """Louvain (igraph's multilevel modularity optimisation), its random choices from a seeded generator."""
    if not fast.weights:
        return [[v] for v in fast.order]
    igraph.set_random_number_generator(random.Random(SEED))
    try:
        found = fast.graph.community_multilevel(weights=fast.weights)
    finally:
        igraph.set_random_number_generator(random)
    groups: dict = {}
    for i, label in enumerate(found.membership):
        groups.setdefault(label, []).append(fast.order[i])
    return [sorted(members) for members in groups.values()]


def analyze(network: ActorNetwork, with_communities: bool = True) -> Analysis:
    """Measures of every actor, most central first; communities unless with_communities is False (they
    are the slowest part at corpus scale)."""
    if not network.nodes:
        return Analysis(network, [])
    fast = Indexed(network)
    between, sampled = betweenness(fast)
    rank = pagerank(fast)
    degree, strength = fast.graph.degree(), fast.graph.strength(weights=fast.weights or None)
    nodes = {v: NodeMetrics(v, network.name(v), network.nodes[v], degree=degree[i], weighted_degree=int(strength[i]),
                            betweenness=round(between[v], 6), pagerank=round(rank[v], 6))
             for i, v in enumerate(fast.order)}
    ordered = sorted(nodes.values(), key=lambda m: (-m.pagerank, -m.weighted_degree, m.name, m.iri))
    if not with_communities:
        return Analysis(network, ordered, [], sampled)
    position = {m.iri: i for i, m in enumerate(ordered)}
    groups = sorted(communities(fast), key=lambda c: (-len(c), min(position[v] for v in c)))
    for number, members in enumerate(groups, start=1):
        for v in members:
            nodes[v].community = number
    inside: dict = {number: set() for number in range(1, len(groups) + 1)}
    for tie in network.ties:
        if nodes[tie.source].community == nodes[tie.target].community:
            inside[nodes[tie.source].community].update(tie.facts)
    result = [Community(number, sorted(members, key=position.__getitem__), sorted(inside[number]))
              for number, members in enumerate(groups, start=1)]
    return Analysis(network, ordered, result, sampled)
