"""The actor network of one view: persons, organisations and countries as nodes, ties from facts as edges.

Edge kinds (registry below): meeting (participants pairwise), attendance (people at the same event,
pairwise), conferral (conferrer, presenter or on-behalf-of -> recipient), credentials (envoy -> receiver),
signing (signatories of the same document, pairwise), office (person -> organisation, else country).
Each edge keeps its kind, its weight (distinct facts behind it; for attendance and signing, the shared
events or documents), its first and last date and the fact IRIs.

Views: by person, every actor is itself (a post, such as "President of Pakistan", counts as the
organisation or country it is in). By organisation or by country, a person counts for the organisation
(or country) of their office at the time of the fact; a person with no known office there drops out of
that fact, and organisations count for their country. Office ties are drawn in the person view only.
"""

from __future__ import annotations

import calendar
from dataclasses import dataclass, field
from itertools import combinations

from kg.network.facts import COUNTRY, ORGANISATION, PERSON, ActorData, ActorFact

VIEWS = (PERSON, ORGANISATION, COUNTRY)
VIEW_ALIASES = {"people": PERSON, "persons": PERSON, "organization": ORGANISATION, "org": ORGANISATION,
                "organizations": ORGANISATION, "organisations": ORGANISATION, "state": COUNTRY,
                "countries": COUNTRY, "states": COUNTRY}


@dataclass(frozen=True)
class EdgeKind:
    name: str
    fact_type: str
    directed: bool
    sources: tuple = ()  # directed kinds: roles on the tail side
    targets: tuple = ()  # directed kinds: roles on the head side
    members: tuple = ()  # undirected kinds: roles whose actors are tied pairwise
    occasion: str = ""  # undirected kinds across facts: the role that groups facts (event, document)


KINDS = {k.name: k for k in (
    EdgeKind("meeting", "meeting", False, members=("participants",)),
    EdgeKind("attendance", "attended", False, members=("attendee",), occasion="event"),
    EdgeKind("conferral", "award_conferral", True, sources=("conferred_by", "presented_by", "on_behalf_of"),
             targets=("recipient",)),
    EdgeKind("credentials", "credentials_presented", True, sources=("envoy",), targets=("to",)),
    EdgeKind("signing", "signed", False, members=("signatory",), occasion="document"),
    EdgeKind("office", "holds_office", True, sources=("person",), targets=("organization", "country")),
)}


@dataclass
class Tie:
    source: str
    target: str
    kind: str
    directed: bool
    facts: set = field(default_factory=set)
    occasions: set = field(default_factory=set)
    dates: list = field(default_factory=list)

    @property
    def weight(self) -> int:
        return len(self.occasions)

    @property
    def first(self) -> str:
        return min(self.dates, default="")

    @property
    def last(self) -> str:
        return max(self.dates, default="")


@dataclass
class ActorNetwork:
    view: str
    nodes: dict  # node IRI -> class (person, organisation, country)
    labels: dict  # node IRI -> label
    ties: list  # Tie, sorted by (source, target, kind)
    facts_used: int
    facts_dropped: int  # in range and of a chosen kind, but with fewer than two actors in this view

    def name(self, iri: str) -> str:
        return self.labels.get(iri) or iri.rsplit("/", 1)[-1]


def in_range(fact: ActorFact, date_from: str | None, date_to: str | None) -> bool:
    """Whether the fact's date overlaps [date_from, date_to] (full ISO days). With no range every fact is
    kept; with one, undated facts are left out (an office counts from its start to its end when it has
    either)."""
    if not date_from and not date_to:
        return True
    if fact.type == "holds_office" and (fact.start or fact.end):
        first, last = fact.start or "0000", fact.end or "9999"
    elif fact.date:
        first, last = fact.date, fact.date
    else:
        return False
    first, last = day_range(first)[0], day_range(last)[1]
    return not ((date_from and last < date_from) or (date_to and first > date_to))


def day_range(date: str) -> tuple[str, str]:
    if len(date) == 4:
        return f"{date}-01-01", f"{date}-12-31"
    if len(date) == 7:
        return f"{date}-01", f"{date}-{calendar.monthrange(int(date[:4]), int(date[5:]))[1]:02d}"
    return date, date


class Resolver:
    """Who an actor counts as in a view, at a date."""

    def __init__(self, data: ActorData, view: str):
        self.data, self.view = data, view

    def offices_at(self, person: str, date: str) -> list:
        offices = self.data.offices.get(person, [])
        if date:
            timed = [o for o in offices if (o.start or o.end)
                     and (not o.start or o.start[:len(date)] <= date) and (not o.end or date[:len(o.end)] <= o.end)]
            if timed:
                return timed
        untimed = [o for o in offices if not (o.start or o.end)]
        current = [o for o in untimed if o.status != "former"]
        if current or untimed:
            return current or untimed
        return [] if date else offices  # only dated offices, none at the time: no known office then

    def __call__(self, iri: str, date: str) -> list:
        data = self.data
        cls = data.classes.get(iri)
        if cls is None and iri in data.post_place:
            org, country = data.post_place[iri]
            return self._organisation(org, date) if org else self(country, date) if country else []
        if cls == PERSON:
            if self.view == PERSON:
                return [iri]
            offices = self.offices_at(iri, date)
            if self.view == ORGANISATION:
                return sorted({o.organisation for o in offices if o.organisation})
            return sorted({o.country for o in offices if o.country})
        if cls == ORGANISATION:
            return self._organisation(iri, date)
        if cls == COUNTRY:
            return [iri]
        return []

    def _organisation(self, org: str, date: str) -> list:
        if self.view != COUNTRY:
            return [org]
        country = self.data.org_country.get(org)
        return [country] if country else []


def actor_network(data: ActorData, view: str = PERSON, kinds=None, date_from: str | None = None,
                  date_to: str | None = None) -> ActorNetwork:
    kinds = tuple(kinds or KINDS)
    if view != PERSON:
        kinds = tuple(k for k in kinds if k != "office")
    resolve = Resolver(data, view)
    by_type = {KINDS[k].fact_type: KINDS[k] for k in kinds}
    ties: dict = {}
    used = dropped = 0

    def tie(a: str, b: str, kind: EdgeKind, fact: ActorFact, occasion: str) -> None:
        if a == b:
            return
        if not kind.directed and b < a:
            a, b = b, a
        key = (a, b, kind.name)
        found = ties.get(key)
        if found is None:
            found = ties[key] = Tie(a, b, kind.name, kind.directed)
        found.facts.add(fact.iri)
        found.occasions.add(occasion)
        if fact.date:
            found.dates.append(fact.date)

    groups: dict = {}  # (kind, occasion IRI) -> [(actor, fact)]
    for fact in data.facts:
        kind = by_type.get(fact.type)
        if kind is None or not in_range(fact, date_from, date_to):
            continue
        if kind.occasion:
            for occasion in fact.roles.get(kind.occasion, []):
                for role in kind.members:
                    for actor in fact.roles.get(role, []):
                        for node in resolve(actor, fact.date):
                            groups.setdefault((kind.name, occasion), []).append((node, fact))
            continue
        if kind.directed:
            heads = [n for r in kind.targets for a in fact.roles.get(r, []) for n in resolve(a, fact.date)]
            if kind.name == "office":
                heads = heads[:1]  # the organisation when there is one, else the country
            tails = {n for r in kind.sources for a in fact.roles.get(r, []) for n in resolve(a, fact.date)}
            pairs = [(t, h) for t in sorted(tails) for h in sorted(set(heads)) if t != h]
        else:
            members = sorted({n for r in kind.members for a in fact.roles.get(r, []) for n in resolve(a, fact.date)})
            pairs = list(combinations(members, 2))
        for a, b in pairs:
            tie(a, b, kind, fact, fact.iri)
        used, dropped = (used + 1, dropped) if pairs else (used, dropped + 1)
    for (kind_name, occasion), members in sorted(groups.items()):
        kind = KINDS[kind_name]
        tied = False
        for (a, fa), (b, fb) in combinations(sorted(members, key=lambda m: (m[0], m[1].iri)), 2):
            if a != b:
                tie(a, b, kind, fa, occasion)
                tie(a, b, kind, fb, occasion)
                tied = True
        facts = {f.iri for _, f in members}
        used, dropped = (used + len(facts), dropped) if tied else (used, dropped + len(facts))
    nodes = {}
    for t in ties.values():
        for end in (t.source, t.target):
            nodes[end] = data.classes.get(end, ORGANISATION)
    labels = {iri: data.name(iri) for iri in nodes}
    return ActorNetwork(view, dict(sorted(nodes.items())), labels, [ties[k] for k in sorted(ties)], used, dropped)
