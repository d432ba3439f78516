"""The facts the actor network is made of, read from an RDF graph under the diplomacy ontology (any graph,
not only our builds), with the offices that place a person in an organisation and a country over time.

The graph is read with one index scan per predicate (rdflib's subject_objects), never one lookup per fact:
a 50,000-fact graph holds over a million triples, and a lookup costs microseconds.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from rdflib import Graph, Literal, URIRef
from rdflib.namespace import FOAF, ORG, RDF, SKOS, TIME

from kg.namespaces import DIP, SCHEMA

PERSON, ORGANISATION, COUNTRY = "person", "organisation", "country"

# The roles of each fact type the network reads (property -> role name).
ROLE_PROPERTIES = {
    DIP.participant: "participants", DIP.recipient: "recipient", DIP.conferredBy: "conferred_by",
    DIP.presentedBy: "presented_by", DIP.onBehalfOf: "on_behalf_of", DIP.envoy: "envoy",
    DIP.credentialsReceivedBy: "to", DIP.signatory: "signatory", DIP.document: "document",
    ORG.member: "person", ORG.organization: "organization", DIP.country: "country", DIP.post: "post",
}
FACT_TYPES = ("meeting", "award_conferral", "credentials_presented", "signed", "holds_office", "attended")


@dataclass
class ActorFact:
    iri: str
    type: str
    date: str = ""  # ISO YYYY[-MM[-DD]], "" when the graph gives none
    roles: dict = field(default_factory=dict)  # role name -> sorted list of IRIs (str)
    start: str = ""  # offices: org:memberDuring's beginning and end
    end: str = ""
    status: str = ""


@dataclass
class Office:
    organisation: str | None
    country: str | None
    start: str
    end: str
    status: str


@dataclass
class ActorData:
    labels: dict  # IRI -> label
    classes: dict  # actor IRI -> person | organisation | country
    facts: list  # ActorFact, sorted by IRI
    offices: dict  # person IRI -> [Office]
    post_place: dict  # post IRI -> (organisation or None, country or None)
    org_country: dict  # organisation IRI -> country IRI
    aliases: dict = field(default_factory=dict)  # IRI -> [skos:altLabel]

    def name(self, iri: str) -> str:
        return self.labels.get(iri) or iri.rsplit("/", 1)[-1]


def _classes(graph: Graph) -> dict:
    found: dict = {}
    for cls, name in ((SCHEMA.Country, COUNTRY), (ORG.Organization, ORGANISATION), (FOAF.Person, PERSON)):
        for s in graph.subjects(RDF.type, cls):
            if isinstance(s, URIRef):
                found[str(s)] = name  # a person typed as an organisation too counts as a person (last wins)
    return found


def _date_of(value) -> str:
    text = str(value) if isinstance(value, Literal) else ""
    return text[:10] if len(text) >= 4 and text[:4].isdigit() else ""


def _instant_dates(graph: Graph, predicate) -> dict:
    """interval IRI -> the date of its beginning (or end) instant (OWL-Time, as rdfmap writes it)."""
    instant_date: dict = {}
    for instant, when in graph.subject_objects(TIME.inXSDDate):
        instant_date[instant] = _date_of(when)
    for instant, when in graph.subject_objects(TIME.inXSDgYear):
        instant_date.setdefault(instant, _date_of(when))
    for instant, when in graph.subject_objects(TIME.inXSDgYearMonth):
        instant_date.setdefault(instant, _date_of(when))
    return {interval: instant_date.get(instant, "") for interval, instant in graph.subject_objects(predicate)}


def read_actor_data(graph: Graph) -> ActorData:
    labels = {str(s): str(o) for s, o in graph.subject_objects(SKOS.prefLabel) if isinstance(s, URIRef)}
    classes = _classes(graph)
    types = {str(s): str(o) for s, o in graph.subject_objects(DIP.factType)}
    facts = {iri: ActorFact(iri, t) for iri, t in types.items() if t in FACT_TYPES}
    for predicate, role in ROLE_PROPERTIES.items():
        for s, o in graph.subject_objects(predicate):
            fact = facts.get(str(s))
            if fact is not None and isinstance(o, URIRef):
                fact.roles.setdefault(role, []).append(str(o))
    for s, o in graph.subject_objects(SCHEMA.startDate):
        fact = facts.get(str(s))
        if fact is not None:
            fact.date = _date_of(o)
    for s, o in graph.subject_objects(DIP.status):
        fact = facts.get(str(s))
        if fact is not None:
            fact.status = str(o)
    _read_attendance(graph, facts)
    _read_office_intervals(graph, facts)
    for fact in facts.values():
        for role in fact.roles:
            fact.roles[role] = sorted(set(fact.roles[role]))
    post_place = _post_places(graph)
    org_country = _organisation_countries(graph, classes, post_place)
    offices = _offices(facts.values(), post_place, org_country)
    aliases: dict = {}
    for s, o in graph.subject_objects(SKOS.altLabel):
        aliases.setdefault(str(s), []).append(str(o))
    return ActorData(labels, classes, sorted(facts.values(), key=lambda f: f.iri), offices, post_place, org_country,
                     {k: sorted(v) for k, v in aliases.items()})


def _read_attendance(graph: Graph, facts: dict) -> None:
    """Attendance is a reified statement (event schema:attendee person); its date is the event's."""
    event_dates = {str(s): _date_of(o) for s, o in graph.subject_objects(SCHEMA.startDate)}
    subjects = {str(s): str(o) for s, o in graph.subject_objects(RDF.subject)}
    objects = {str(s): str(o) for s, o in graph.subject_objects(RDF.object)}
    for fact in facts.values():
        if fact.type == "attended" and fact.iri in subjects and fact.iri in objects:
            fact.roles = {"event": [subjects[fact.iri]], "attendee": [objects[fact.iri]]}
            fact.date = event_dates.get(subjects[fact.iri], "")


def _read_office_intervals(graph: Graph, facts: dict) -> None:
    beginnings = _instant_dates(graph, TIME.hasBeginning)
    ends = _instant_dates(graph, TIME.hasEnd)
    for s, interval in graph.subject_objects(ORG.memberDuring):
        fact = facts.get(str(s))
        if fact is not None:
            fact.start, fact.end = beginnings.get(interval, ""), ends.get(interval, "")
            fact.date = fact.date or fact.start


def _post_places(graph: Graph) -> dict:
    posts = {str(p) for p in graph.subjects(RDF.type, ORG.Post)}
    orgs = {str(s): str(o) for s, o in sorted(graph.subject_objects(ORG.postIn)) if str(s) in posts}
    countries = {str(s): str(o) for s, o in sorted(graph.subject_objects(DIP.country)) if str(s) in posts}
    return {post: (orgs.get(post), countries.get(post)) for post in sorted(posts)}


def _organisation_countries(graph: Graph, classes: dict, post_place: dict) -> dict:
    """An organisation's country: where it is located (through containing places), else the country most
    of its posts serve, else its parent organisation's."""
    contained = {str(s): str(o) for s, o in sorted(graph.subject_objects(SCHEMA.containedInPlace))}
    located = {str(s): str(o) for s, o in sorted(graph.subject_objects(SCHEMA.location))
               if classes.get(str(s)) == ORGANISATION}

    def country_of_place(place: str | None, hops: int = 0) -> str | None:
        if place is None or hops > 5:
            return None
        if classes.get(place) == COUNTRY:
            return place
        return country_of_place(contained.get(place), hops + 1)

    votes: dict = {}
    for org, country in post_place.values():
        if org and country:
            votes.setdefault(org, Counter())[country] += 1
    result = {}
    for org in sorted(i for i, c in classes.items() if c == ORGANISATION):
        country = country_of_place(located.get(org))
        if country is None and org in votes:
            country = min(votes[org].items(), key=lambda kv: (-kv[1], kv[0]))[0]
        if country:
            result[org] = country
    for child, parent in sorted(graph.subject_objects(ORG.subOrganizationOf)):
        if str(child) not in result and str(parent) in result:
            result[str(child)] = result[str(parent)]
    return result


def _offices(facts, post_place: dict, org_country: dict) -> dict:
    offices: dict = {}
    for fact in facts:
        if fact.type != "holds_office":
            continue
        post = (fact.roles.get("post") or [None])[0]
        post_org, post_country = post_place.get(post, (None, None)) if post else (None, None)
        org = (fact.roles.get("organization") or [post_org])[0]
        country = (fact.roles.get("country") or [post_country])[0] or (org_country.get(org) if org else None)
        for person in fact.roles.get("person", []):
            offices.setdefault(person, []).append(Office(org, country, fact.start, fact.end, fact.status))
    return offices
