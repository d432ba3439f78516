from __future__ import annotations

import sys
from pathlib import Path

from kg.commands import DEFAULT_MIN_CONFIDENCE, confidence_arg

NAME = "build"
HELP = "Build the knowledge graph of articles into DIR (kg.ttl, kg.trig, kg.nq, graph.html) and the store .kg/store."


def _jobs(value: str) -> int:
    import argparse

    if not value.isdigit() or int(value) < 1:
        raise argparse.ArgumentTypeError(f"must be a whole number of at least 1, not {value!r}")
    return int(value)


def add_arguments(parser) -> None:
    from kg.parallel import default_jobs

    parser.add_argument("inputs", nargs="*", metavar="INPUT", help="article files or folders (default: seeds/)")
    parser.add_argument("--out", default=None, metavar="DIR", help="output folder (default: exports/)")
    parser.add_argument("--model", default=None, help="spaCy model for articles without a reviewed facts file")
    parser.add_argument("--min-confidence", type=confidence_arg, default=DEFAULT_MIN_CONFIDENCE, metavar="C",
                        help="keep only extracted facts whose calibrated confidence is at least C (0-1, default "
                             f"{DEFAULT_MIN_CONFIDENCE}; reviewed facts are always kept). Higher C: a smaller, more "
                             "precise graph; 0 keeps every candidate. See the README's table")
    parser.add_argument("--jobs", "-j", type=_jobs, default=default_jobs(), metavar="N",
                        help="extract and map articles in N processes (default: the number of cores, here "
                             f"{default_jobs()})")
    parser.add_argument("--scheduler", default=None, metavar="ADDRESS",
                        help="run the per-article tasks on the Dask cluster at ADDRESS (tcp://host:8786; "
                             'needs pip install "kg[dask]"); the output is the same as a local build')
    parser.add_argument("--cache", default=None, metavar="DIR",
                        help="build cache: an unchanged article is not extracted again (default: .kg/cache)")
    parser.add_argument("--no-cache", action="store_true", help="neither read nor write the build cache")
    parser.add_argument("--store", default=None, metavar="DIR",
                        help="the Oxigraph store to load the graph into (default: .kg/store beside the output folder)")
    parser.add_argument("--no-store", action="store_true", help="do not load the Oxigraph store")
    parser.add_argument("--no-viewer", action="store_true",
                        help="do not write DIR/graph.html, and remove an older one (drawing a corpus of many thousand "
                             "facts takes a while; `kg view --focus` draws part of it)")
    parser.add_argument("--quiet", "-q", action="store_true", help="no progress bars")
    parser.add_argument("--timings", action="store_true", help="print the seconds each phase took")


def run(args) -> int:
    from kg.buildcache import DEFAULT_CACHE
    from kg.buildlock import output_lock
    from kg.paths import default_store, project_path
    from kg.pipeline import build
    from kg.publish import publish

    inputs = args.inputs or [project_path("seeds")]
    out_dir = Path(args.out) if args.out else project_path("exports")
    cache = None if args.no_cache else Path(args.cache) if args.cache else DEFAULT_CACHE
    with output_lock(out_dir):
        result = build(inputs, model=args.model, min_confidence=args.min_confidence, jobs=args.jobs,
                       scheduler=args.scheduler, cache=cache, quiet=args.quiet)
        for error in result.errors:
            print(f"kg build: error: {error}", file=sys.stderr)
        print(f"articles: {len(result.articles)}" + (f" ({len(result.errors)} left out, see above)" if result.errors else ""))
        print(f"entities: {result.entities}")
        print(f"facts:    {result.facts}")
        print(f"triples:  {len(result.dataset)}")
        print(f"SHACL:    {result.validation.summary()}")
        if not result.articles:
            print(f"kg build: error: no article could be built; nothing written to {out_dir}", file=sys.stderr)
            return 2
        from kg.buildcache import BuildCache

        store_dir = None if args.no_store else Path(args.store) if args.store else default_store(out_dir)
        written = publish(result, out_dir, store_dir, quiet=args.quiet, cache=BuildCache(cache),
                          viewer=not args.no_viewer)
    print(f"wrote:    {', '.join(str(p) for p in written)}")
    if args.timings:
        print("timings:  " + ", ".join(f"{name} {seconds:.2f} s" for name, seconds in result.timings.items()))
    return 2 if result.errors else 0
