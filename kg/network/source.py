"""Where `kg analyze` and `kg report` read their graph: the one place input is loaded, so that another
source (an on-disk store) is one more branch here."""

from __future__ import annotations

from pathlib import Path

from rdflib import Graph

from kg.paths import project_path
from kg.pipeline import load_graph as load_graph_file


def add_source_arguments(parser) -> None:
    parser.add_argument("--data", default=None, metavar="FILE",
                        help="the graph to read, any RDF format rdflib reads (default: exports/kg.ttl)")


def data_path(args) -> Path:
    return Path(args.data) if getattr(args, "data", None) else project_path("exports") / "kg.ttl"


def load_graph(args) -> Graph:
    """The graph the arguments name (raises InputError for a missing or unparsable file)."""
    return load_graph_file(data_path(args))
