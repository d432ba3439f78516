from __future__ import annotations

import sys

from kg.query import format_result, resolve_query, run_query
from kg.sources import add_source_arguments, as_graph, open_source

NAME = "query"
HELP = ("Run SPARQL (text, a .rq file, or a competency question's name) over the store (.kg/store) or a "
        "graph file; SERVICE, updates and remote FROM are refused.")


def add_arguments(parser) -> None:
    parser.add_argument("query", metavar="QUERY", help="SPARQL text, a .rq file, or a competency question name")
    add_source_arguments(parser)
    parser.add_argument("--format", choices=("table", "csv", "json"), default="table")
    parser.add_argument("--infer", action="store_true", help="query an OWL 2 RL closure with the ontology (slower)")


def run(args) -> int:
    text, source = resolve_query(args.query)
    graph = open_source(args.store, args.data)
    if args.infer:
        from kg.inference import with_inference

        graph = with_inference(as_graph(graph))
    sys.stdout.write(format_result(run_query(graph, text, source), args.format))
    return 0
