"""What part of the actor network a command looks at: the view, the kinds of tie, a date range, one
actor's neighbourhood. Bad values raise InputError naming the argument."""

from __future__ import annotations

from dataclasses import dataclass

import networkx as nx
from rapidfuzz import fuzz, process

from kg.errors import InputError
from kg.model import parse_date
from kg.network.actors import KINDS, VIEW_ALIASES, VIEWS, ActorNetwork, day_range

KIND_ALIASES = {"meetings": "meeting", "met": "meeting", "attended": "attendance", "award": "conferral",
                "awards": "conferral", "award_conferral": "conferral", "conferrals": "conferral",
                "credentials_presented": "credentials", "signed": "signing", "signings": "signing",
                "holds_office": "office", "offices": "office"}


@dataclass(frozen=True)
class DateRange:
    first: str | None = None  # YYYY-MM-DD or None
    last: str | None = None

    def __bool__(self) -> bool:
        return bool(self.first or self.last)

    def describe(self) -> str:
        return f"{self.first or 'the start'} to {self.last or 'the end'}"


def parse_view(value: str | None) -> str:
    key = (value or "person").strip().lower()
    key = VIEW_ALIASES.get(key, key)
    if key not in VIEWS:
        raise InputError(f"--by: unknown view {value!r}; choose one of {', '.join(VIEWS)}")
    return key


def parse_kinds(values) -> tuple:
    kinds = []
    for raw in values or ():
        for name in filter(None, (p.strip().lower().replace("-", "_") for p in str(raw).split(","))):
            key = KIND_ALIASES.get(name, name)
            if key not in KINDS:
                raise InputError(f"--kind: unknown kind of tie {name!r}; choose from {', '.join(KINDS)}")
            kinds.append(key)
    return tuple(dict.fromkeys(kinds)) or tuple(KINDS)


def parse_range(date_from: str | None, date_to: str | None) -> DateRange:
    bounds = []
    for flag, value, end in (("--from", date_from, 0), ("--to", date_to, 1)):
        if value is None or value == "":
            bounds.append(None)
            continue
        if parse_date(value.strip()) is None:
            raise InputError(f"{flag}: {value!r} is not a date; give YYYY, YYYY-MM or YYYY-MM-DD")
        bounds.append(day_range(value.strip())[end])
    if bounds[0] and bounds[1] and bounds[0] > bounds[1]:
        raise InputError(f"--from {date_from} is after --to {date_to}")
    return DateRange(*bounds)


def find_actor(network: ActorNetwork, name: str, aliases: dict | None = None) -> str:
    """The node a name (label or alias, any case) denotes; unknown names get the closest as suggestions."""
    key = " ".join(name.casefold().split())
    names: dict = {}
    for iri in network.nodes:
        for n in [network.name(iri), *(aliases or {}).get(iri, ())]:
            names.setdefault(" ".join(n.casefold().split()), set()).add(iri)
    hits = sorted(names.get(key, ()))
    if len(hits) == 1:
        return hits[0]
    if len(hits) > 1:
        raise InputError(f"--ego {name!r} names {len(hits)} actors: {'; '.join(hits[:10])}")
    labels = sorted({network.name(i) for i in network.nodes})
    close = [m for m, score, _ in process.extract(name, labels, scorer=fuzz.WRatio, limit=3) if score >= 50]
    hint = f"; closest: {', '.join(repr(c) for c in close)}" if close else ""
    raise InputError(f"--ego: no actor in the {network.view} view is named {name!r}{hint}")


def ego_network(network: ActorNetwork, center: str, depth: int) -> ActorNetwork:
    """The actors within `depth` ties of center, and the ties among them."""
    if depth < 0:
        raise InputError(f"--depth must be 0 or more, not {depth}")
    graph = nx.Graph()
    graph.add_nodes_from(network.nodes)
    graph.add_edges_from((t.source, t.target) for t in network.ties)
    keep = set(nx.single_source_shortest_path_length(graph, center, cutoff=depth))
    ties = [t for t in network.ties if t.source in keep and t.target in keep]
    nodes = {i: c for i, c in network.nodes.items() if i in keep}
    return ActorNetwork(network.view, nodes, {i: network.labels[i] for i in nodes}, ties,
                        len({f for t in ties for f in t.facts}), 0)
