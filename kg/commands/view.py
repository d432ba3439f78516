from __future__ import annotations

from pathlib import Path

from kg.errors import InputError
from kg.export import write_outputs
from kg.sources import add_source_arguments, as_graph, open_source, output_folder, source_name

NAME = "view"
HELP = (
    "Write the HTML graph viewer of the store or a graph file: one self-contained page that opens from disk with no "
    "network (default: the store .kg/store, else exports/kg.ttl -> graph.html beside it)."
)


def add_arguments(parser) -> None:
    add_source_arguments(parser)
    parser.add_argument("--out", default=None, metavar="FILE",
                        help="the HTML file to write (default: graph.html beside the store or the graph file)")
    parser.add_argument("--focus", default=None, metavar="NAME",
                        help="show only the ego network of the entity with this label or alias")
    parser.add_argument("--depth", type=int, default=None, metavar="N",
                        help="with --focus: keep entities within N facts of it (default: 1)")
    parser.add_argument("--types", nargs="+", default=(), metavar="TYPE",
                        help="show only these entity classes (person, organization, place, event, award, "
                             "document, post) and/or fact types (award_conferral, holds_office, ...); "
                             "space or comma separated")
    parser.add_argument("--collapsed", action="store_true",
                        help="open with n-ary facts drawn as direct labelled edges (a toggle in the page)")
    parser.add_argument("--title", default=None, help="page title (default: Diplomacy knowledge graph)")


def run(args) -> int:
    from kg.viewer import RenderOptions, Selection, view_html

    out = Path(args.out) if args.out else output_folder(args.data) / "graph.html"
    if args.depth is not None and not args.focus:
        raise InputError("--depth needs --focus NAME")
    if out.exists() and out.is_dir():
        raise InputError("--out is a folder; give a file name such as graph.html", out)
    graph = as_graph(open_source(args.store, args.data))
    selection = Selection(focus=args.focus, depth=1 if args.depth is None else args.depth, types=tuple(args.types))
    # Without options the page equals the one `kg build` writes, so `kg view` never makes exports/ stale.
    title = args.title or (f"{args.focus} and neighbours ({source_name(args.store, args.data).name})" if args.focus else RenderOptions.title)
    page = view_html(graph, selection, RenderOptions(title=title, collapsed=args.collapsed))
    write_outputs(out.parent if str(out.parent) else Path("."), {out.name: page})
    print(f"wrote: {out}")
    return 0
