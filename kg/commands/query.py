from __future__ import annotations

import sys

from kg.paths import project_path
from kg.pipeline import load_graph
from kg.query import format_result, resolve_query, run_query

NAME = "query"
HELP = "Run SPARQL (text, a .rq file, or a competency question's name from ontology/cq) over a graph."


def add_arguments(parser) -> None:
    parser.add_argument("query", metavar="QUERY", help="SPARQL text, a .rq file, or a competency question name")
    parser.add_argument("--data", default=None, metavar="FILE", help="graph file (default: exports/kg.ttl)")
    parser.add_argument("--format", choices=("table", "csv", "json"), default="table")
    parser.add_argument("--infer", action="store_true", help="query an OWL 2 RL closure with the ontology (slower)")


def run(args) -> int:
    text, source = resolve_query(args.query)
    graph = load_graph(args.data or project_path("exports/kg.ttl"))
    if args.infer:
        from kg.inference import with_inference

        graph = with_inference(graph)
    sys.stdout.write(format_result(run_query(graph, text, source), args.format))
    return 0
