"""The RDF namespaces the graph uses, the IRIs minted for entities, facts and evidence, and typed dates."""

from rdflib import Literal, Namespace
from rdflib.namespace import FOAF, ORG, OWL, PROV, RDF, RDFS, SKOS, TIME, XSD

from kg.model import slugify

DIP = Namespace("https://w3id.org/dipkg/ontology#")
ID = Namespace("https://w3id.org/dipkg/id/")
NIF = Namespace("http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#")
SCHEMA = Namespace("https://schema.org/")
WD = Namespace("http://www.wikidata.org/entity/")

PREFIXES = {
    "dip": DIP,
    "nif": NIF,
    "schema": SCHEMA,
    "wd": WD,
    "foaf": FOAF,
    "org": ORG,
    "owl": OWL,
    "prov": PROV,
    "rdf": RDF,
    "rdfs": RDFS,
    "skos": SKOS,
    "time": TIME,
    "xsd": XSD,
}

# IRI path segment per entity kind: people, organisations, places, events... each in their own folder.
_KIND_FOLDER = {
    "Person": "person",
    "Role": "role",
    "Post": "post",
    "Award": "award",
    "Document": "document",
    "Event": "event",
    "Ceremony": "event",
    "Country": "place",
    "City": "place",
    "Region": "place",
    "Place": "place",
}


# Readable Turtle: one prefix per IRI folder (person:song-tao rather than a full IRI).
FOLDER_PREFIXES = {
    "person": "person/", "organization": "org/", "place": "place/", "role": "role/", "post": "post/",
    "award": "award/", "event": "event/", "document": "document/", "fact": "fact/", "article": "article/",
}


def entity_iri(kind: str, label: str):
    return ID[f"{_KIND_FOLDER.get(kind, 'org')}/{slugify(label)}"]


def article_iri(slug: str):
    return ID[f"article/{slug}"]


def span_iri(slug: str, begin: int, end: int):
    """NIF's offset-based IRI scheme (RFC 5147 style): <article>#char=begin,end."""
    return ID[f"article/{slug}#char={begin},{end}"]


def bind_prefixes(graph) -> None:
    for prefix, namespace in PREFIXES.items():
        graph.bind(prefix, namespace, override=True, replace=True)
    for prefix, folder in FOLDER_PREFIXES.items():
        graph.bind(prefix, ID[folder], override=True, replace=True)


def query_namespaces() -> dict:
    """Prefixes a SPARQL query may use without declaring them."""
    return {**PREFIXES, **{prefix: ID[folder] for prefix, folder in FOLDER_PREFIXES.items()}}


def date_literal(iso: str) -> Literal:
    """YYYY, YYYY-MM or YYYY-MM-DD as xsd:gYear, xsd:gYearMonth or xsd:date."""
    datatype = {4: XSD.gYear, 7: XSD.gYearMonth}.get(len(iso), XSD.date)
    return Literal(iso, datatype=datatype)
