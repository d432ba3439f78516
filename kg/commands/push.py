from __future__ import annotations

from rdflib import Dataset

from kg.errors import InputError
from kg.push import Client, push
from kg.sources import add_source_arguments, memory_store, open_source

NAME = "push"
HELP = ("Push the store's named graphs to a triple store over the SPARQL 1.1 Graph Store Protocol (PUT per "
        "graph; stale project graphs deleted). Credentials: KG_PUSH_USER/KG_PUSH_PASSWORD or KG_PUSH_TOKEN.")


def add_arguments(parser) -> None:
    parser.add_argument("--endpoint", required=True, metavar="URL", help="the server's SPARQL query endpoint")
    parser.add_argument("--graph-store", default=None, metavar="URL",
                        help="its Graph Store Protocol endpoint, when it is not --endpoint")
    parser.add_argument("--timeout", type=float, default=60.0, metavar="S", help="per request (default: 60)")
    parser.add_argument("--jobs", type=int, default=4, metavar="N",
                        help="requests sent at the same time (default: 4)")
    parser.add_argument("--batch", nargs="?", type=int, const=100_000, default=0, metavar="TRIPLES",
                        help="for servers that take N-Quads at the graph store (Oxigraph, Fuseki): delete the "
                             "graphs to replace, then POST about TRIPLES triples a request (default 100000) "
                             "instead of one PUT per graph")
    add_source_arguments(parser)


def run(args) -> int:
    if args.jobs < 1 or args.batch < 0:
        raise InputError("--jobs must be 1 or more, --batch 1 or more")
    client = Client(args.endpoint, args.graph_store, args.timeout)
    source = open_source(args.store, args.data)
    if isinstance(source, Dataset):  # a TriG or N-Quads file: each of its named graphs is pushed as itself
        source = memory_store(source)
    report = push(source, client, args.jobs, args.batch)
    print(f"pushed {report.pushed} graph(s), {report.triples} triples, to {client.graph_store}; "
          f"deleted {report.deleted} stale graph(s)")
    return 0
