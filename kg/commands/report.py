from __future__ import annotations

from pathlib import Path

from kg.network.source import add_source_arguments, output_folder

NAME = "report"
HELP = ("Write the corpus overview: one self-contained offline HTML page with counts by fact type, the most "
        "central actors, the states that confer the most awards and on whom, meetings per month and the "
        "strongest ties, each linking into the viewer (default: report.html beside --data).")


def add_arguments(parser) -> None:
    add_source_arguments(parser)
    parser.add_argument("--out", default=None, metavar="FILE",
                        help="the HTML file to write (default: report.html in the folder of --data)")
    parser.add_argument("--viewer", default="graph.html", metavar="HREF",
                        help="where the links open the viewer, relative to the report (default: graph.html)")
    parser.add_argument("--title", default=None, help="page title")


def run(args) -> int:
    from kg.errors import InputError
    from kg.export import write_outputs
    from kg.network.source import load_graph
    from kg.report import TITLE, report_html
    from kg.viewer import gc_paused

    out = Path(args.out) if args.out else output_folder(args) / "report.html"
    if out.exists() and out.is_dir():
        raise InputError("--out is a folder; give a file name such as report.html", out)
    with gc_paused():
        page = report_html(load_graph(args), args.title or TITLE, args.viewer)
    write_outputs(out.parent if str(out.parent) else Path("."), {out.name: page})
    print(f"wrote: {out}")
    return 0
