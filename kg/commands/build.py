from __future__ import annotations

import sys
from pathlib import Path

from kg.commands import DEFAULT_MIN_CONFIDENCE, confidence_arg
from kg.export import to_turtle, write_outputs
from kg.paths import project_path
from kg.pipeline import build

NAME = "build"
HELP = "Build the knowledge graph of articles into DIR (kg.ttl and graph.html)."


def add_arguments(parser) -> None:
    parser.add_argument("inputs", nargs="*", metavar="INPUT", help="article files or folders (default: seeds/)")
    parser.add_argument("--out", default=None, metavar="DIR", help="output folder (default: exports/)")
    parser.add_argument("--model", default=None, help="spaCy model for articles without a reviewed facts file")
    parser.add_argument("--min-confidence", type=confidence_arg, default=DEFAULT_MIN_CONFIDENCE, metavar="C",
                        help="keep only extracted facts whose calibrated confidence is at least C (0-1, default "
                             f"{DEFAULT_MIN_CONFIDENCE}; reviewed facts are always kept). Higher C: a smaller, more "
                             "precise graph; 0 keeps every candidate. See the README's table")


def run(args) -> int:
    from kg.viewer import render_html

    inputs = args.inputs or [project_path("seeds")]
    out_dir = Path(args.out) if args.out else project_path("exports")
    result = build(inputs, model=args.model, min_confidence=args.min_confidence)
    print(f"articles: {len(result.articles)}")
    print(f"entities: {result.entities}")
    print(f"facts:    {result.facts}")
    print(f"triples:  {len(result.graph)}")
    print(f"SHACL:    {result.validation.summary()}")
    if not result.validation.conforms:
        print(result.validation.report(), file=sys.stderr)
        print(f"kg build: error: the graph does not conform to the shapes; nothing written to {out_dir}", file=sys.stderr)
        return 2
    write_outputs(out_dir, {"kg.ttl": to_turtle(result.graph), "graph.html": render_html(result.graph)})
    print(f"wrote:    {out_dir / 'kg.ttl'}, {out_dir / 'graph.html'}")
    return 0
