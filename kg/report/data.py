"""What the corpus overview shows, computed from the graph: counts by fact type, the most central actors,
the states that confer the most awards (and on whom), meetings per month, the strongest ties."""

from __future__ import annotations

import calendar
from collections import Counter
from dataclasses import dataclass

from rdflib import Graph

from kg.namespaces import DIP
from kg.network.actors import COUNTRY, Resolver, actor_network
from kg.network.facts import ActorData, read_actor_data
from kg.network.metrics import Analysis, analyze

TOP = 15


@dataclass
class Overview:
    data: ActorData
    fact_counts: list  # [(fact type, count)], most first
    analysis: Analysis
    conferring_states: list  # [(country IRI, awards, [(recipient IRI, count)])]
    meetings_per_month: list  # [(YYYY-MM, count)], every month from the first to the last
    strongest: list  # Tie, heaviest first


def fact_counts(graph: Graph) -> list:
    counts = Counter(str(o) for _, o in graph.subject_objects(DIP.factType))
    return sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))


def conferring_states(data: ActorData) -> list:
    resolve = Resolver(data, COUNTRY)
    awards: dict = {}
    for fact in data.facts:
        if fact.type != "award_conferral":
            continue
        sources = fact.roles.get("conferred_by", []) + fact.roles.get("on_behalf_of", [])
        states = {c for a in sources for c in resolve(a, fact.date)}
        if not states:  # the presenter's country when the graph names no conferring authority
            states = {c for a in fact.roles.get("presented_by", []) for c in resolve(a, fact.date)}
        for state in states:
            awards.setdefault(state, Counter()).update(fact.roles.get("recipient", []))
    rows = [(state, sum(c.values()), sorted(c.items(), key=lambda kv: (-kv[1], data.name(kv[0]))))
            for state, c in awards.items()]
    return sorted(rows, key=lambda r: (-r[1], data.name(r[0])))


def meetings_per_month(data: ActorData) -> list:
    months = Counter(f.date[:7] for f in data.facts if f.type == "meeting" and len(f.date) >= 7)
    if not months:
        return []
    first, last = min(months), max(months)
    year, month, rows = int(first[:4]), int(first[5:]), []
    while f"{year:04d}-{month:02d}" <= last:
        key = f"{year:04d}-{month:02d}"
        rows.append((key, months.get(key, 0)))
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    return rows


def month_bounds(month: str) -> tuple[str, str]:
    return f"{month}-01", f"{month}-{calendar.monthrange(int(month[:4]), int(month[5:]))[1]:02d}"


def overview(graph: Graph) -> Overview:
    data = read_actor_data(graph)
    network = actor_network(data)
    strongest = sorted(network.ties, key=lambda t: (-t.weight, network.name(t.source), network.name(t.target),
                                                   t.kind))[:TOP]
    return Overview(data, fact_counts(graph), analyze(network, with_communities=False), conferring_states(data),
                    meetings_per_month(data), strongest)
