"""The shortcut triples users query directly, derived from each n-ary fact node: person org:holds post,
award dip:conferredOn recipient, dip:met between participants, and so on. One function per fact type."""

from __future__ import annotations

from itertools import combinations

from rdflib import URIRef
from rdflib.namespace import ORG, RDF, TIME, XSD

from kg.entities import post_for
from kg.facts import Fact
from kg.namespaces import DIP, ID, SCHEMA, date_literal


def _office_shortcuts(builder, node: URIRef, fact: Fact) -> None:
    args = fact.args
    post = post_for(builder.entities, args["office"], args.get("organization"), args.get("country"))
    person, post_node = builder.iri(args["person"]), builder.iri(post.label)
    builder.graph.add((node, DIP.post, post_node))
    builder.graph.add((person, ORG.holds, post_node))
    builder.graph.add((post_node, ORG.heldBy, person))
    if args.get("start") or args.get("end"):
        interval = ID[node.removeprefix(str(ID)) + "/interval"]
        builder.graph.add((node, ORG.memberDuring, interval))
        builder.graph.add((interval, RDF.type, TIME.Interval))
        for key, predicate in (("start", TIME.hasBeginning), ("end", TIME.hasEnd)):
            if args.get(key):
                instant = ID[interval.removeprefix(str(ID)) + f"/{key}"]
                builder.graph.add((interval, predicate, instant))
                builder.graph.add((instant, RDF.type, TIME.Instant))
                literal = date_literal(args[key])
                time_property = {XSD.gYear: TIME.inXSDgYear, XSD.gYearMonth: TIME.inXSDgYearMonth}.get(
                    literal.datatype, TIME.inXSDDate
                )
                builder.graph.add((instant, time_property, literal))


def _award_shortcuts(builder, node: URIRef, fact: Fact) -> None:
    award, recipient = builder.iri(fact.args["award"]), builder.iri(fact.args["recipient"])
    builder.graph.add((award, DIP.conferredOn, recipient))
    builder.graph.add((recipient, DIP.awardReceived, award))


def _meeting_shortcuts(builder, node: URIRef, fact: Fact) -> None:
    people = sorted(set(fact.args["participants"]))
    for a, b in combinations(people, 2):
        builder.graph.add((builder.iri(a), DIP.met, builder.iri(b)))
        builder.graph.add((builder.iri(b), DIP.met, builder.iri(a)))


def _credentials_shortcuts(builder, node: URIRef, fact: Fact) -> None:
    builder.graph.add((builder.iri(fact.args["envoy"]), DIP.presentedCredentialsTo, builder.iri(fact.args["to"])))


def _signing_shortcuts(builder, node: URIRef, fact: Fact) -> None:
    builder.graph.add((builder.iri(fact.args["person"]), DIP.signed, builder.iri(fact.args["document"])))


def _event_shortcuts(builder, node: URIRef, fact: Fact) -> None:
    event = builder.iri(fact.args["event"])
    if fact.args.get("date"):
        builder.graph.add((event, SCHEMA.startDate, date_literal(fact.args["date"])))
    if fact.args.get("place"):
        builder.graph.add((event, SCHEMA.location, builder.iri(fact.args["place"])))


SHORTCUTS = {
    "holds_office": _office_shortcuts,
    "award_conferral": _award_shortcuts,
    "meeting": _meeting_shortcuts,
    "credentials_presented": _credentials_shortcuts,
    "signed": _signing_shortcuts,
    "event_held": _event_shortcuts,
}


def add_shortcuts(builder, node: URIRef, fact: Fact) -> None:
    handler = SHORTCUTS.get(fact.type)
    if handler is not None:
        handler(builder, node, fact)
