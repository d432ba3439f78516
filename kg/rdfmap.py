"""Facts to RDF under the diplomacy ontology (ontology/diplomacy.ttl).

Each fact becomes one fact node with its provenance (prov:wasDerivedFrom the article, dip:evidence a NIF
span whose text[begin:end] is its anchorOf). N-ary facts (office holding, award conferral, meeting, ...)
get a node of their own class with one property per role, plus the shortcut triples users query directly
(person org:holds post; award dip:conferredOn person). Binary facts (part of, located in, attended, ...)
are asserted as plain triples and reified by an rdf:Statement fact node that carries their provenance.
No blank nodes: every IRI is derived from labels, offsets or a digest of the fact's identity.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass

from rdflib import Graph, Literal, URIRef
from rdflib.namespace import FOAF, ORG, PROV, RDF, RDFS, SKOS, XSD

from kg.articles import Article
from kg.entities import merge_entities, post_for
from kg.facts import Entity, Fact, FactsDoc
from kg.model import FACT_TYPES, PLACES, slugify
from kg.namespaces import (
    DIP,
    ID,
    NIF,
    SCHEMA,
    WD,
    article_iri,
    bind_prefixes,
    date_literal,
    entity_iri,
    span_iri,
)
from kg.sentences import covering_sentences, sentence_spans
from kg.shortcuts import add_shortcuts

# Entity kind -> (specific class, general class). Both are asserted so that queries work without inference.
KIND_CLASSES = {
    "Person": (FOAF.Person, FOAF.Person),
    "Organization": (ORG.Organization, ORG.Organization),
    "PoliticalParty": (DIP.PoliticalParty, ORG.Organization),
    "GovernmentBody": (DIP.GovernmentBody, ORG.Organization),
    "DiplomaticMission": (DIP.DiplomaticMission, ORG.Organization),
    "OrganizationalUnit": (ORG.OrganizationalUnit, ORG.Organization),
    "Country": (SCHEMA.Country, SCHEMA.Place),
    "City": (SCHEMA.City, SCHEMA.Place),
    "Region": (SCHEMA.AdministrativeArea, SCHEMA.Place),
    "Place": (SCHEMA.Place, SCHEMA.Place),
    "Event": (SCHEMA.Event, SCHEMA.Event),
    "Ceremony": (DIP.Ceremony, SCHEMA.Event),
    "Role": (ORG.Role, SKOS.Concept),
    "Post": (ORG.Post, ORG.Post),
    "Award": (DIP.Award, DIP.Award),
    "Document": (FOAF.Document, FOAF.Document),
}


@dataclass(frozen=True)
class NaryMapping:
    """An n-ary fact: its class and the property each argument maps to."""

    cls: URIRef
    roles: dict


@dataclass(frozen=True)
class StatementMapping:
    """A binary fact subject --predicate--> object, reified for provenance."""

    subject: str
    object: str
    predicate: URIRef | None = None  # None: chosen by the subject's kind (see _located_in_predicate)


FACT_MAPPINGS = {
    "holds_office": NaryMapping(
        DIP.OfficeHolding,
        {"person": ORG.member, "office": ORG.role, "organization": ORG.organization, "country": DIP.country,
         "status": DIP.status},
    ),
    "award_conferral": NaryMapping(
        DIP.AwardConferral,
        {"award": DIP.award, "recipient": DIP.recipient, "conferred_by": DIP.conferredBy,
         "presented_by": DIP.presentedBy, "on_behalf_of": DIP.onBehalfOf, "date": SCHEMA.startDate,
         "place": SCHEMA.location, "reason": DIP.reason, "ceremony": SCHEMA.superEvent},
    ),
    "meeting": NaryMapping(
        DIP.Meeting,
        {"participants": DIP.participant, "date": SCHEMA.startDate, "place": SCHEMA.location,
         "event": SCHEMA.superEvent},
    ),
    "credentials_presented": NaryMapping(
        DIP.CredentialsPresentation,
        {"envoy": DIP.envoy, "to": DIP.credentialsReceivedBy, "date": SCHEMA.startDate, "place": SCHEMA.location,
         "event": SCHEMA.superEvent},
    ),
    "signed": NaryMapping(
        DIP.Signing,
        {"person": DIP.signatory, "document": DIP.document, "date": SCHEMA.startDate, "place": SCHEMA.location},
    ),
    "event_held": NaryMapping(
        DIP.EventOccurrence, {"event": DIP.event, "date": SCHEMA.startDate, "place": SCHEMA.location}
    ),
    "quantity": NaryMapping(
        DIP.Quantity,
        {"subject": DIP.quantityOf, "measure": SCHEMA.unitText, "value": SCHEMA.value, "comparator": DIP.comparator},
    ),
    "attended": StatementMapping("event", "person", SCHEMA.attendee),
    "member_of": StatementMapping("person", "organization", ORG.memberOf),
    "part_of": StatementMapping("organization", "parent", ORG.subOrganizationOf),
    "located_in": StatementMapping("place", "in"),
    "founded": StatementMapping("organization", "date", SCHEMA.foundingDate),
}
assert set(FACT_MAPPINGS) == set(FACT_TYPES), "every fact type needs an RDF mapping"


def _located_in_predicate(kind: str) -> URIRef:
    return SCHEMA.containedInPlace if kind in PLACES else SCHEMA.location


class GraphBuilder:
    """Maps articles, entities and facts to RDF: one graph per article (its node, evidence, facts and the
    triples they assert) and one shared graph (the entities, posts, and each fact's corpus-wide confidence),
    whose union is what build() returns."""

    def __init__(self, pairs: list[tuple[Article, FactsDoc]], entities: dict[str, Entity] | None = None):
        self.pairs = pairs
        self.entities: dict[str, Entity] = entities if entities is not None else merge_entities([d for _, d in pairs])
        self.graph = Graph()
        bind_prefixes(self.graph)
        self.fact_nodes: set[URIRef] = set()
        # A fact stated in several places (even in several articles) keeps the highest confidence any
        # statement of it has: a corpus-level value, so it lives in the shared graph.
        self.confidences: dict[URIRef, float] = {}

    # -- entities --------------------------------------------------------------------------------
    def iri(self, label: str) -> URIRef:
        return entity_iri(self.entities[label].kind, label)

    def add_entity(self, entity: Entity) -> None:
        g, node = self.graph, self.iri(entity.label)
        for cls in dict.fromkeys(KIND_CLASSES[entity.kind]):
            g.add((node, RDF.type, cls))
        g.add((node, SKOS.prefLabel, Literal(entity.label, lang="en")))
        g.add((node, RDFS.label, Literal(entity.label, lang="en")))
        for alias in entity.aliases:
            g.add((node, SKOS.altLabel, Literal(alias, lang="en")))
        if entity.wikidata:
            g.add((node, SKOS.exactMatch, WD[entity.wikidata]))
        if entity.honorific:
            g.add((node, SCHEMA.honorificPrefix, Literal(entity.honorific)))
        if entity.rank:
            g.add((node, DIP.rank, Literal(entity.rank, lang="en")))
        if entity.note:
            g.add((node, SKOS.note, Literal(entity.note, lang="en")))
        if entity.kind == "Post":
            g.add((node, ORG.role, self.iri(entity.role)))
            if entity.organization:
                g.add((node, ORG.postIn, self.iri(entity.organization)))
            if entity.country:
                g.add((node, DIP.country, self.iri(entity.country)))

    # -- articles and evidence -------------------------------------------------------------------
    def add_article(self, article: Article, doc: FactsDoc) -> URIRef:
        g, node = self.graph, article_iri(article.slug)
        g.add((node, RDF.type, SCHEMA.NewsArticle))
        g.add((node, RDF.type, PROV.Entity))
        g.add((node, RDF.type, NIF.Context))
        g.add((node, SCHEMA.headline, Literal(article.title, lang="en")))
        g.add((node, SCHEMA.name, Literal(article.path.name)))
        g.add((node, NIF.isString, Literal(article.text)))
        g.add((node, NIF.beginIndex, Literal(0, datatype=XSD.nonNegativeInteger)))
        g.add((node, NIF.endIndex, Literal(len(article.text), datatype=XSD.nonNegativeInteger)))
        g.add((node, DIP.reviewStatus, Literal(doc.status)))
        if article.published:
            g.add((node, SCHEMA.datePublished, date_literal(article.published)))
        if article.meta.get("publisher"):
            g.add((node, SCHEMA.publisher, Literal(article.meta["publisher"])))
        if article.meta.get("source_url"):
            g.add((node, SCHEMA.url, Literal(article.meta["source_url"], datatype=XSD.anyURI)))
        return node

    def add_span(self, article: Article, begin: int, end: int, cls: URIRef) -> URIRef:
        g, node = self.graph, span_iri(article.slug, begin, end)
        g.add((node, RDF.type, cls))
        g.add((node, RDF.type, NIF.OffsetBasedString))
        g.add((node, NIF.referenceContext, article_iri(article.slug)))
        g.add((node, NIF.beginIndex, Literal(begin, datatype=XSD.nonNegativeInteger)))
        g.add((node, NIF.endIndex, Literal(end, datatype=XSD.nonNegativeInteger)))
        g.add((node, NIF.anchorOf, Literal(article.text[begin:end])))
        return node

    def add_evidence(self, article: Article, sentences, fact: Fact) -> URIRef:
        ev = fact.evidence
        assert article.text[ev.begin : ev.end] == ev.quote, "offsets must slice the quote out of the text"
        span = self.add_span(article, ev.begin, ev.end, NIF.Phrase)
        for s_begin, s_end in covering_sentences(sentences, ev.begin, ev.end):
            self.graph.add((span, NIF.sentence, self.add_span(article, s_begin, s_end, NIF.Sentence)))
        return span

    # -- facts -----------------------------------------------------------------------------------
    def fact_iri(self, fact: Fact) -> URIRef:
        spec = FACT_TYPES[fact.type]
        identity = {name: fact.args.get(name) for name in spec.identity_args}
        if fact.type == "meeting":
            identity["participants"] = sorted(identity["participants"])
        digest = hashlib.sha256(json.dumps([fact.type, identity], sort_keys=True).encode()).hexdigest()[:10]
        first = next((v for v in identity.values() if v), fact.type)
        first = first[0] if isinstance(first, list) else first
        return ID[f"fact/{slugify(fact.type)}-{slugify(str(first))[:40].strip('-')}-{digest}"]

    def value(self, fact: Fact, name: str, value):
        arg = FACT_TYPES[fact.type].arg(name)
        if arg.is_entity:
            return self.iri(value)
        if arg.literal == "date":
            return date_literal(value)
        if arg.literal == "number":
            return Literal(value, datatype=XSD.integer if isinstance(value, int) else XSD.decimal)
        return Literal(value, lang="en") if name == "reason" else Literal(value)

    def add_fact(self, article: Article, doc: FactsDoc, sentences, fact: Fact) -> URIRef:
        g = self.graph
        node = self.fact_iri(fact)
        mapping = FACT_MAPPINGS[fact.type]
        g.add((node, RDF.type, DIP.Fact))
        g.add((node, PROV.wasDerivedFrom, article_iri(article.slug)))
        g.add((node, DIP.evidence, self.add_evidence(article, sentences, fact)))
        g.add((node, DIP.factType, Literal(fact.type)))
        g.add((node, DIP.extractionRule, Literal(fact.rule)))
        g.add((node, DIP.reviewStatus, Literal(doc.status)))
        if fact.note:
            g.add((node, SKOS.note, Literal(fact.note, lang="en")))
        self._set_confidence(node, fact.confidence)
        if isinstance(mapping, NaryMapping):
            g.add((node, RDF.type, mapping.cls))
            for name, predicate in mapping.roles.items():
                values = fact.args.get(name)
                for value in values if isinstance(values, list) else [values] if values is not None else []:
                    g.add((node, predicate, self.value(fact, name, value)))
            add_shortcuts(self, node, fact)
        else:
            subject = self.value(fact, mapping.subject, fact.args[mapping.subject])
            obj = self.value(fact, mapping.object, fact.args[mapping.object])
            predicate = mapping.predicate or _located_in_predicate(self.entities[fact.args[mapping.subject]].kind)
            g.add((subject, predicate, obj))
            g.add((node, RDF.type, RDF.Statement))
            g.add((node, RDF.subject, subject))
            g.add((node, RDF.predicate, predicate))
            g.add((node, RDF.object, obj))
        self.fact_nodes.add(node)
        return node

    def _set_confidence(self, node: URIRef, confidence: float) -> None:
        self.confidences[node] = max(confidence, self.confidences.get(node, 0.0))

    # -- the graphs ------------------------------------------------------------------------------
    def add_posts(self) -> None:
        """Mint the post of every office holding (in article order, so the same corpus gives the same posts)."""
        for _, doc in self.pairs:
            for fact in doc.facts:
                if fact.type == "holds_office":
                    post_for(self.entities, fact.args["office"], fact.args.get("organization"), fact.args.get("country"))

    def article_graph(self, article: Article, doc: FactsDoc) -> Graph:
        """The article's own graph; call add_posts() first."""
        self.graph = Graph()
        bind_prefixes(self.graph)
        article_node = self.add_article(article, doc)
        sentences = sentence_spans(article.text)
        for fact in doc.facts:
            self.add_fact(article, doc, sentences, fact)
            for label in _entity_arguments(fact):
                self.graph.add((article_node, SCHEMA.mentions, self.iri(label)))
        return self.graph

    def shared_graph(self, confidences: dict[URIRef, float] | None = None) -> Graph:
        """Entities and posts, and the confidence of every fact (default: of the article graphs made here)."""
        self.graph = Graph()
        bind_prefixes(self.graph)
        for entity in self.entities.values():
            self.add_entity(entity)
        for node, value in (self.confidences if confidences is None else confidences).items():
            self.graph.add((node, DIP.confidence, Literal(f"{round(value, 3):.3f}", datatype=XSD.decimal)))
        return self.graph

    def build(self) -> Graph:
        """The union of every article's graph and the shared graph."""
        self.add_posts()
        union = Graph()
        bind_prefixes(union)
        for article, doc in self.pairs:
            union += self.article_graph(article, doc)
        union += self.shared_graph()
        self.graph = union
        return union


def _entity_arguments(fact: Fact):
    for arg in FACT_TYPES[fact.type].args:
        value = fact.args.get(arg.name)
        if arg.is_entity and value is not None:
            yield from value if isinstance(value, list) else [value]


def build_graph(pairs: list[tuple[Article, FactsDoc]]) -> Graph:
    return GraphBuilder(pairs).build()
