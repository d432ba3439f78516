from __future__ import annotations

from kg.paths import project_path
from kg.pipeline import load_graph
from kg.shacl import validate

NAME = "validate"
HELP = "Check a graph file against the SHACL shapes in ontology/ (exit 1 if it does not conform)."


def add_arguments(parser) -> None:
    parser.add_argument("file", nargs="?", default=None, help="graph file (default: exports/kg.ttl)")


def run(args) -> int:
    result = validate(load_graph(args.file or project_path("exports/kg.ttl")))
    print(result.report())
    return 0 if result.conforms else 1
