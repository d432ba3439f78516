"""Fact nodes (dip:Fact) -> view-model facts: their type, roles, summary, date and evidence. Binary facts
(reified rdf:Statement) become one edge; n-ary facts are handed to drawing.py, which decides how they
are drawn (an office edge, a simple edge, or a fact node with role edges)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from rdflib import Literal, URIRef
from rdflib.namespace import ORG, PROV, RDF, SKOS, TIME

from kg.namespaces import DIP, SCHEMA
from kg.rdfmap import FACT_MAPPINGS, NaryMapping, StatementMapping
from kg.viewer import drawing, wording
from kg.viewer.evidence import date_range
from kg.viewer.index import local_name, text_of
from kg.viewer.viewmodel import Edge, Fact

if TYPE_CHECKING:  # the builder imports this module
    from kg.viewer.model import ModelBuilder

# Fact-node properties that are bookkeeping, not roles.
META = {RDF.type, PROV.wasDerivedFrom, DIP.evidence, DIP.factType, DIP.extractionRule, DIP.reviewStatus,
        SKOS.note, DIP.confidence, DIP.post, ORG.memberDuring}
START_DATE = SCHEMA.startDate

# Terms used in loops, looked up once (rdflib namespace attributes are slow).
DIP_FACT = DIP.Fact
DIP_CONFIDENCE = DIP.confidence
DIP_EVIDENCE = DIP.evidence
DIP_EXTRACTIONRULE = DIP.extractionRule
DIP_FACTTYPE = DIP.factType
DIP_POST = DIP.post
DIP_REVIEWSTATUS = DIP.reviewStatus
ORG_MEMBERDURING = ORG.memberDuring
RDF_STATEMENT = RDF.Statement
RDF_OBJECT = RDF.object
RDF_PREDICATE = RDF.predicate
RDF_SUBJECT = RDF.subject
RDF_TYPE = RDF.type
SKOS_NOTE = SKOS.note
TIME_HASBEGINNING = TIME.hasBeginning
TIME_HASEND = TIME.hasEnd


def add_facts(b: ModelBuilder) -> None:
    g = b.g
    for node in g.instances(DIP_FACT):
        fact_type = text_of(g.value(node, DIP_FACTTYPE)) or next(
            (local_name(t) for t in g.objects(node, RDF_TYPE) if t != DIP_FACT), "fact")
        if not b.keep_fact_type(fact_type):
            continue
        if g.has(node, RDF_TYPE, RDF_STATEMENT):
            add_statement(b, node, fact_type)
        else:
            add_nary(b, node, fact_type)


def make_fact(b: ModelBuilder, node, fact_type: str, args: dict, iris: dict, date: str) -> Fact:
    g = b.g
    fact = Fact(
        iri=str(node), type=fact_type, summary=wording.summary(fact_type, args), drawn="detail", date=date,
        range=date_range(date) or (), confidence=text_of(g.value(node, DIP_CONFIDENCE)),
        status=text_of(g.value(node, DIP_REVIEWSTATUS)), rule=text_of(g.value(node, DIP_EXTRACTIONRULE)),
        note=text_of(g.value(node, SKOS_NOTE)),
    )
    for span in sorted(g.objects(node, DIP_EVIDENCE), key=str):
        index = b.evidence.span(span)
        if index is not None:
            fact.evidence.append(index)
    for role in sorted(iris):
        for value in iris[role]:
            node_id, post = b.endpoint(value) if isinstance(value, URIRef) else (None, "")
            text = b.name(value) if isinstance(value, URIRef) else str(value)
            fact.roles.append([wording.role_label(role), node_id or "", text])
            if node_id and node_id not in fact.entities:
                fact.entities.append(node_id)
    return fact


def commit(b: ModelBuilder, fact: Fact) -> int | None:
    if not fact.entities:
        return None  # nothing it is about is drawn
    b.facts.append(fact)
    return len(b.facts) - 1


def add_statement(b: ModelBuilder, node, fact_type: str) -> None:
    g = b.g
    s, p, o = g.value(node, RDF_SUBJECT), g.value(node, RDF_PREDICATE), g.value(node, RDF_OBJECT)
    if s is None or p is None or o is None:
        return
    b.covered.add((s, p, o))
    mapping = FACT_MAPPINGS.get(fact_type)
    names = (mapping.subject, mapping.object) if isinstance(mapping, StatementMapping) else ("subject", "object")
    iris = {names[0]: [s], names[1]: [o]}
    date = next((str(g.value(x, START_DATE)) for x in (s, o) if g.value(x, START_DATE) is not None), "")
    if isinstance(o, Literal) and o.datatype is not None and date_range(str(o)):
        date = str(o)
    args = {k: [b.name(v)] for k, v in ((names[0], s), (names[1], o))}
    fact = make_fact(b, node, fact_type, args, iris, date)
    a, c = b.endpoint(s)[0], b.endpoint(o)[0] if isinstance(o, URIRef) else None
    index = commit(b, fact)
    if index is None or not (a and c):
        return
    label, reverse = wording.BINARY_LABELS.get(fact_type, (local_name(p), False))
    fact.drawn = "edge"
    b.edges.append(Edge(c, a, label, index, "all") if reverse else Edge(a, c, label, index, "all"))


def add_nary(b: ModelBuilder, node, fact_type: str) -> None:
    g = b.g
    mapping = FACT_MAPPINGS.get(fact_type)
    role_of = {p: n for n, p in mapping.roles.items()} if isinstance(mapping, NaryMapping) else {}
    iris: dict = {}
    for p, objects in g.predicates(node):
        if p not in META:
            iris.setdefault(role_of.get(p, local_name(p)), []).extend(objects)
    args = {k: [b.name(v) for v in vs] for k, vs in iris.items()}
    post = g.value(node, DIP_POST)
    if post is not None:
        args["post"] = [b.name(post)]
    interval = g.value(node, ORG_MEMBERDURING)
    for key, predicate in (("start", TIME_HASBEGINNING), ("end", TIME_HASEND)):
        instant = g.value(interval, predicate) if interval is not None else None
        when = next((o for _, objects in g.predicates(instant) for o in objects
                     if isinstance(o, Literal)), None) if instant is not None else None
        if when is not None:
            args[key] = [str(when)]
            iris[key] = [when]
    date = (args.get("date") or args.get("start") or [""])[0]
    fact = make_fact(b, node, fact_type, args, iris, date)
    index = commit(b, fact)
    if index is not None:
        drawing.draw_nary(b, fact, index, iris, post)
