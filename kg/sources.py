"""Which graph a command reads: --data FILE (rdflib), --store DIR, else .kg/store when it exists, else
exports/kg.ttl; and the conversions between an rdflib graph, N-Quads and a store."""

from __future__ import annotations

import tempfile
from functools import lru_cache
from pathlib import Path

from rdflib import Dataset, Graph, Literal, URIRef
from rdflib.namespace import SH, XSD

from kg.errors import InputError
from kg.paths import DEFAULT_EXPORTS, default_store, project_path
from kg.store import open_store, write_store


def add_source_arguments(parser) -> None:
    parser.add_argument("--store", default=None, metavar="DIR",
                        help="an Oxigraph store (default: .kg/store when it exists)")
    parser.add_argument("--data", default=None, metavar="FILE",
                        help="a graph file in any RDF format rdflib reads (default, without a store: exports/kg.ttl)")


def default_graph_file() -> Path:
    return project_path(DEFAULT_EXPORTS) / "kg.ttl"


def chosen_store(store: str | None, data: str | None) -> Path | None:
    """The store folder to read, or None when the graph comes from a file."""
    if store and data:
        raise InputError("give --store DIR or --data FILE, not both")
    if data:
        return None
    if store:
        return Path(store)
    return default_store() if default_store().exists() else None


def open_source(store: str | None = None, data: str | None = None):
    """An rdflib Graph (--data, or exports/kg.ttl) or a read-only pyoxigraph Store."""
    folder = chosen_store(store, data)
    if folder is not None:
        return open_store(folder)
    from kg.pipeline import load_graph  # the builder's module: not needed to open a store

    return load_graph(data or default_graph_file())


def source_name(store: str | None = None, data: str | None = None) -> Path:
    folder = chosen_store(store, data)
    return folder if folder is not None else Path(data or default_graph_file())


def output_folder(data: str | None = None) -> Path:
    """Where a page drawn from a source goes by default: beside a graph file named with --data, else in
    exports/ (a store lives in .kg/, which holds no page of the user's)."""
    return Path(data).parent if data else project_path(DEFAULT_EXPORTS)


def as_graph(source) -> Graph:
    """An rdflib Graph of the source: for a store, the union of its graphs, datatypes restored."""
    if isinstance(source, Graph):
        return source
    import pyoxigraph

    triples = source.query("CONSTRUCT { ?s ?p ?o } WHERE { ?s ?p ?o }", use_default_graph_as_union=True)
    graph = Graph().parse(data=pyoxigraph.serialize(triples, format=pyoxigraph.RdfFormat.N_TRIPLES), format="nt")
    return restore_datatypes(graph)


# Oxigraph stores every integer type as xsd:integer (its value encoding keeps the number, not the
# subtype): nif:beginIndex "12"^^xsd:nonNegativeInteger comes back "12"^^xsd:integer.
_INTEGER_SUBTYPES = {XSD[name] for name in (
    "nonNegativeInteger", "positiveInteger", "nonPositiveInteger", "negativeInteger", "long", "int", "short",
    "byte", "unsignedLong", "unsignedInt", "unsignedShort", "unsignedByte")}


@lru_cache(maxsize=1)
def declared_integer_subtypes() -> dict:
    """property -> the integer subtype the shapes require of its values."""
    from kg.paths import ontology_file

    shapes = Graph().parse(ontology_file("shapes.ttl"))
    found = {}
    for shape, datatype in shapes.subject_objects(SH.datatype):
        path = shapes.value(shape, SH.path)
        if datatype in _INTEGER_SUBTYPES and isinstance(path, URIRef):
            found[path] = datatype
    return found


def restore_datatypes(graph: Graph) -> Graph:
    """Give integer values back the subtype the shapes declare for their property (see above)."""
    declared = declared_integer_subtypes()
    for predicate, datatype in declared.items():
        for subject, value in list(graph.subject_objects(predicate)):
            if isinstance(value, Literal) and value.datatype == XSD.integer:
                graph.remove((subject, predicate, value))
                graph.add((subject, predicate, Literal(str(value), datatype=datatype)))
    return graph


def graph_to_nquads(graph: Graph | Dataset, graph_of=None) -> str:
    """N-Quads of a graph: triples in the named graph graph_of(triple) returns (None: the default graph)."""
    dataset = Dataset()
    if isinstance(graph, Dataset):
        dataset = graph
    else:
        for triple in graph:
            name = graph_of(triple) if graph_of else None
            (dataset.graph(name) if name is not None else dataset.default_graph).add(triple)
    return dataset.serialize(format="nquads")


def memory_store(dataset: Dataset):
    """An in-memory pyoxigraph Store of an rdflib Dataset, its named graphs kept as graphs (a TriG or N-Quads
    file read with --data), so what works on a store's graphs works on the file's."""
    import pyoxigraph

    store = pyoxigraph.Store()
    store.load(graph_to_nquads(dataset).encode("utf-8"), format=pyoxigraph.RdfFormat.N_QUADS)
    return store


def store_from_graph(store_dir: Path, graph: Graph | Dataset, graph_of=None) -> None:
    """Write a store from an rdflib graph, through N-Quads and write_store."""
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "graph.nq"
        path.write_text(graph_to_nquads(graph, graph_of), encoding="utf-8")
        write_store(store_dir, path)
