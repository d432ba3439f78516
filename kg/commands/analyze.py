from __future__ import annotations

import sys

from kg.network.source import add_source_arguments

NAME = "analyze"
HELP = ("The actor network (persons, organisations, countries tied by meetings, attendance, conferrals, "
        "credentials, signings and offices): degree, weighted degree, betweenness, PageRank and communities.")


def add_arguments(parser) -> None:
    add_source_arguments(parser)
    parser.add_argument("--by", default="person", metavar="VIEW",
                        help="person (default), organisation or country: a person counts for the organisation "
                             "or country of their office at the time of the fact")
    parser.add_argument("--kind", nargs="+", default=(), metavar="KIND",
                        help="ties to use: meeting, attendance, conferral, credentials, signing, office "
                             "(default: all; space or comma separated)")
    parser.add_argument("--from", dest="date_from", default=None, metavar="DATE",
                        help="only facts on or after this date (YYYY, YYYY-MM or YYYY-MM-DD)")
    parser.add_argument("--to", dest="date_to", default=None, metavar="DATE", help="only facts up to this date")
    parser.add_argument("--top", type=int, default=20, metavar="N",
                        help="rows of the most central actors and largest communities (default 20; 0: all)")
    parser.add_argument("--format", choices=("table", "csv", "json"), default="table")
    parser.add_argument("--ego", default=None, metavar="NAME", help="only this actor's neighbourhood")
    parser.add_argument("--depth", type=int, default=None, metavar="N", help="with --ego: ties away (default 1)")


def run(args) -> int:
    from kg.errors import InputError
    from kg.network import actor_network, analyze, read_actor_data
    from kg.network.selection import (
        ego_network,
        find_actor,
        parse_kinds,
        parse_range,
        parse_view,
    )
    from kg.network.source import load_graph
    from kg.network.tables import FORMATS
    from kg.viewer import gc_paused

    if args.depth is not None and not args.ego:
        raise InputError("--depth needs --ego NAME")
    if args.top < 0:
        raise InputError(f"--top must be 0 or more, not {args.top}")
    view, kinds = parse_view(args.by), parse_kinds(args.kind)
    dates = parse_range(args.date_from, args.date_to)
    with gc_paused():  # see kg.viewer.gc_paused: the collector would rescan the big graph again and again
        data = read_actor_data(load_graph(args))
    network = actor_network(data, view, kinds, dates.first, dates.last)
    notes = []
    if args.ego:
        if not network.nodes:
            raise InputError(f"--ego: the {view} view has no actors to look {args.ego!r} up in")
        center = find_actor(network, args.ego, data.aliases)
        network = ego_network(network, center, 1 if args.depth is None else args.depth)
        notes.append(f"ego network of {network.name(center)}, depth {1 if args.depth is None else args.depth}")
    if not network.ties:
        what = f" from {dates.describe()}" if dates else ""
        notes.append(f"no ties{what} (kinds: {', '.join(kinds)}; view: {view}): the network is empty")
    if network.facts_dropped:
        notes.append(f"{network.facts_dropped} facts tie fewer than two actors in the {view} view and were left out")
    analysis = analyze(network)
    if analysis.betweenness_sampled:
        notes.append(f"betweenness estimated from {analysis.betweenness_sampled} sampled sources")
    sys.stdout.write(FORMATS[args.format](analysis, args.top or None, notes))
    for note in notes:
        if args.format == "table":
            print(f"note: {note}")
        else:
            print(f"kg analyze: note: {note}", file=sys.stderr)
    return 0
