from __future__ import annotations

from kg.errors import InputError
from kg.shacl import validate
from kg.sources import add_source_arguments, as_graph, open_source

NAME = "validate"
HELP = ("Check the store (.kg/store) or a graph file against the SHACL shapes of the ontology "
        "(exit 1 if it does not conform).")


def add_arguments(parser) -> None:
    parser.add_argument("file", nargs="?", default=None, help="graph file (the same as --data FILE)")
    add_source_arguments(parser)


def run(args) -> int:
    if args.file and args.data:
        raise InputError("give the graph file once: FILE or --data FILE")
    result = validate(as_graph(open_source(args.store, args.file or args.data)))
    print(result.report())
    return 0 if result.conforms else 1
