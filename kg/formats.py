"""Export formats, by name: each a writer from a graph source (an rdflib Graph or the store) to bytes, and
the file extension it writes. Every writer is deterministic: quads are sorted before pyoxigraph writes
them, JSON-LD is sorted after rdflib writes it. Other modules add formats with register()."""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache

from kg.namespaces import query_namespaces
from kg.paths import ontology_file


@dataclass(frozen=True)
class ExportFormat:
    writer: Callable[[object], bytes | dict[str, bytes]]
    extension: str
    description: str
    tables: bool = False  # the writer gives several files ({name: bytes}), written into a folder


FORMATS: dict[str, ExportFormat] = {}


def register(name: str, writer: Callable, extension: str, description: str, tables: bool = False) -> None:
    FORMATS[name] = ExportFormat(writer, extension, description, tables)


def _prefixes() -> dict[str, str]:
    return {k: str(v) for k, v in query_namespaces().items()}


@lru_cache(maxsize=1)
def _restored_datatypes() -> dict:
    """pyoxigraph predicate -> integer subtype (see kg.sources.restore_datatypes)."""
    import pyoxigraph

    from kg.sources import declared_integer_subtypes

    return {pyoxigraph.NamedNode(str(p)): pyoxigraph.NamedNode(str(d)) for p, d in declared_integer_subtypes().items()}


def sorted_quads(source) -> list:
    """Every quad of the source as pyoxigraph Quads, sorted, integer subtypes restored. A graph file's
    triples are in the default graph."""
    import pyoxigraph
    from rdflib import Graph

    if isinstance(source, Graph):
        quads = pyoxigraph.parse(source.serialize(format="nt", encoding="utf-8"), format=pyoxigraph.RdfFormat.N_TRIPLES)
    else:
        quads = source.quads_for_pattern(None, None, None, None)
    out = list(restored_quads(quads))
    out.sort(key=lambda q: (str(q.graph_name), str(q.subject), str(q.predicate), str(q.object)))
    return out


def restored_quads(quads):
    """The quads with the integer subtypes the shapes declare given back (the store keeps xsd:integer)."""
    import pyoxigraph

    declared, integer = _restored_datatypes(), pyoxigraph.NamedNode("http://www.w3.org/2001/XMLSchema#integer")
    for quad in quads:
        subtype = declared.get(quad.predicate)
        if subtype is not None and isinstance(quad.object, pyoxigraph.Literal) and quad.object.datatype == integer:
            quad = pyoxigraph.Quad(quad.subject, quad.predicate, pyoxigraph.Literal(quad.object.value, datatype=subtype),
                                   quad.graph_name)
        yield quad


def sorted_triples(source) -> list:
    """The union of the source's graphs as sorted, distinct pyoxigraph Triples."""
    unique = {str(q.triple): q.triple for q in sorted_quads(source)}
    return [unique[key] for key in sorted(unique, key=lambda k: (str(unique[k].subject), str(unique[k].predicate),
                                                                str(unique[k].object)))]


def _pyoxigraph_writer(rdf_format: str, quads: bool) -> Callable[[object], bytes]:
    def write(source) -> bytes:
        import pyoxigraph

        fmt = getattr(pyoxigraph.RdfFormat, rdf_format)
        prefixes = _prefixes() if rdf_format in ("TURTLE", "TRIG") else None
        data = sorted_quads(source) if quads else sorted_triples(source)
        return pyoxigraph.serialize(data, format=fmt, prefixes=prefixes)

    return write


@lru_cache(maxsize=1)
def jsonld_context() -> dict:
    """The JSON-LD context shipped with the ontology (ontology/context.jsonld)."""
    return json.loads(ontology_file("context.jsonld").read_text(encoding="utf-8"))["@context"]


def _sort_values(node):
    if isinstance(node, dict):  # an @list keeps its order; every other array is a set
        return {key: value if key == "@list" else _sort_values(value) for key, value in node.items()}
    if isinstance(node, list):
        return sorted((_sort_values(v) for v in node), key=lambda v: json.dumps(v, sort_keys=True))
    return node


def write_jsonld(source) -> bytes:
    """Compact JSON-LD of the union graph under the shipped context (embedded, so nothing is fetched)."""
    import pyoxigraph
    from rdflib import Graph

    graph = Graph().parse(data=pyoxigraph.serialize(sorted_triples(source), format=pyoxigraph.RdfFormat.N_TRIPLES),
                          format="nt")
    document = json.loads(graph.serialize(format="json-ld", context=jsonld_context(), auto_compact=True))
    nodes = document.get("@graph", [document] if "@id" in document else [])
    nodes = [_sort_values({k: v for k, v in node.items() if k != "@context"}) for node in nodes]
    nodes.sort(key=lambda n: n.get("@id", ""))
    out = {"@context": jsonld_context(), "@graph": nodes}
    return (json.dumps(out, indent=1, sort_keys=True, ensure_ascii=False) + "\n").encode("utf-8")


register("ttl", _pyoxigraph_writer("TURTLE", quads=False), ".ttl", "Turtle: the union of the graphs")
register("trig", _pyoxigraph_writer("TRIG", quads=True), ".trig", "TriG: every named graph")
register("nt", _pyoxigraph_writer("N_TRIPLES", quads=False), ".nt", "N-Triples: the union, one triple a line, sorted")
register("nq", _pyoxigraph_writer("N_QUADS", quads=True), ".nq", "N-Quads: every named graph, one quad a line, sorted")
register("jsonld", write_jsonld, ".jsonld", "JSON-LD: the union, compacted with the shipped context")


def write_graphml(source) -> bytes:
    """The actor network (kg.network) as GraphML, for Gephi."""
    from kg.network.interchange import graphml_text
    from kg.sources import as_graph

    return graphml_text(as_graph(source)).encode("utf-8")


def write_csv_tables(source) -> dict[str, bytes]:
    """The actor network as node and edge tables, for pandas and R."""
    from kg.network.interchange import csv_tables
    from kg.sources import as_graph

    return {name: text.encode("utf-8") for name, text in csv_tables(as_graph(source)).items()}


register("graphml", write_graphml, ".graphml", "GraphML: the actor network (persons, organisations, countries and "
         "their ties), for Gephi")
register("csv", write_csv_tables, "", "CSV: the actor network as nodes.csv and edges.csv in the --out folder",
         tables=True)
