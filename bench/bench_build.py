"""Benchmark (not a test): corpus builds against spaCy's bare parse, incremental rebuilds, fast exports.

    python bench/bench_build.py [--articles 1000] [--jobs 2] [--export-triples 1000000] [--skip-build]

1. A seeded synthetic corpus (kg.synthetic_corpus) of N articles.
2. Baseline: spaCy's bare parse of the same texts, in the same number of processes, same batches.
   Then `kg build --jobs N` into an empty cache (extraction, mapping, SHACL per article, exports, store).
   Target: build <= 1.3x the bare parse.
3. `kg build` with a cache: cold, unchanged, then after changing one article (target <= 3 s at 10,000).
4. Exports of ~1M triples (the corpus's dataset replicated under renamed IRIs) as Turtle, TriG and
   N-Quads, each twice (bytes compared); baseline: rdflib's Turtle writer on the corpus's own union.
Run it once; the machine is shared.
"""

from __future__ import annotations

import argparse
import hashlib
import re
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from concurrent.futures import ProcessPoolExecutor
from multiprocessing import get_context
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from kg.corpus import BATCH
from kg.synthetic_corpus import write_corpus

_BARE = []


def _bare_batch(texts: list[str]) -> int:
    """The baseline task: one model per process (loaded once, as the build's workers do), a bare parse."""
    if not _BARE:
        from kg.extract import nlp as nlp_mod

        _BARE.append(nlp_mod.bare())
    return sum(len(doc) for doc in _BARE[0].pipe(texts))


def bare_parse(paths: list[Path], jobs: int) -> tuple[float, int]:
    from kg.extract import layout

    texts = [layout.unwrap(p.read_text(encoding="utf-8")) for p in paths]
    batches = [texts[i : i + BATCH] for i in range(0, len(texts), BATCH)]
    t0 = time.perf_counter()
    with ProcessPoolExecutor(max_workers=jobs, mp_context=get_context("spawn")) as pool:
        tokens = sum(pool.map(_bare_batch, batches))
    return time.perf_counter() - t0, tokens


def kg_build(*args: str) -> tuple[float, str]:
    """Wall seconds of a whole `kg build` process (start-up included), and its --timings line."""
    t0 = time.perf_counter()
    result = subprocess.run([sys.executable, "-m", "kg", "build", *args, "--quiet"], capture_output=True, text=True,
                            check=False, cwd=ROOT)
    elapsed = time.perf_counter() - t0
    if result.returncode != 0:
        print(result.stdout, result.stderr, file=sys.stderr)
        raise SystemExit("kg build failed")
    timings = next((line for line in result.stdout.splitlines() if line.startswith("timings:")), "")
    return elapsed, timings.removeprefix("timings:").strip()


def bench_build(folder: Path, out: Path, jobs: int, n: int) -> None:
    paths = sorted(folder.glob("*.txt"))
    t_bare, tokens = bare_parse(paths, jobs)
    cache = out / "cache"
    target = ["--out", str(out / "build"), "--cache", str(cache), "--jobs", str(jobs), "--timings"]
    t_build, phases = kg_build(str(folder), *target)
    print(f"\n== build of {n} articles, {jobs} processes ({tokens:,} tokens)")
    print(f"{'':<36}{'seconds':>10}{'articles/s':>12}")
    print(f"{'spaCy bare parse (baseline)':<36}{t_bare:>10.1f}{n / t_bare:>12.1f}")
    print(f"{'kg build (empty cache)':<36}{t_build:>10.1f}{n / t_build:>12.1f}")
    print(f"ratio build / bare parse: {t_build / t_bare:.2f} (target <= 1.3)")
    print(f"phases: {phases}")

    t_same, phases_same = kg_build(str(folder), *target)
    changed = paths[len(paths) // 2]
    changed.write_text(changed.read_text(encoding="utf-8") + "\nThe talks ended on a cordial note.\n", encoding="utf-8")
    t_one, phases_one = kg_build(str(folder), *target)
    print(f"\n== incremental builds of {n} articles")
    print(f"{'unchanged':<36}{t_same:>10.1f}   {phases_same}")
    print(f"{'one article changed':<36}{t_one:>10.1f}   {phases_one}")
    print("(target <= 3 s at 10,000 articles)")
    ttl = out / "build" / "kg.ttl"
    print(f"union: {sum(1 for _ in (out / 'build' / 'kg.nq').open(encoding='utf-8')):,} quads; kg.ttl "
          f"{ttl.stat().st_size / 1e6:.1f} MB")


def _replicated(lines: dict[str, list[str]], copies: int) -> dict[str, list[str]]:
    renamed = re.compile(r"(https://w3id\.org/dipkg/id/(?:graph/)?[a-z]+/)")
    graphs: dict[str, set[str]] = {}
    for k in range(copies):
        for name, body in lines.items():
            target = renamed.sub(rf"\g<1>r{k}-", name)
            graphs.setdefault(target, set()).update(renamed.sub(rf"\g<1>r{k}-", line) for line in body)
    return {name: sorted(body) for name, body in graphs.items()}


def bench_export(nquads: Path, target: int) -> None:
    from rdflib import Graph

    from kg.dataset import CorpusDataset
    from kg.export import lines_to_turtle, nquads_to_trig

    graphs: dict[str, list[str]] = {}
    for line in nquads.open(encoding="utf-8"):
        head, _, graph = line.rstrip(" .\n").rpartition(" <")
        graphs.setdefault(graph.rstrip(">"), []).append(head + " .\n")
    base = CorpusDataset({g: sorted(v) for g, v in graphs.items()})
    base_n = len(base)
    copies = max(1, round(target / base_n))
    dataset = CorpusDataset(_replicated(base.graphs, copies))
    union = dataset.union_lines()
    print(f"\n== exports of {len(union):,} triples ({copies} renamed copies of the {base_n:,}-triple corpus)")

    def timed(name, fn):
        t0 = time.perf_counter()
        first = fn()
        t1 = time.perf_counter()
        second = fn()
        same = hashlib.sha256(first).digest() == hashlib.sha256(second).digest()
        print(f"{name:<36}{t1 - t0:>10.2f} s  {len(first) / 1e6:>8.1f} MB  byte-identical twice: {same}")
        return first

    nq = timed("N-Quads", lambda: "".join(dataset.nquads_lines()).encode("utf-8"))
    timed("TriG", lambda: nquads_to_trig(nq))
    timed("Turtle (union)", lambda: lines_to_turtle(dataset.union_lines()))
    small = Graph().parse(data="".join(base.union_lines()), format="nt")
    t0 = time.perf_counter()
    small.serialize(format="turtle")
    t_rdflib = time.perf_counter() - t0
    t0 = time.perf_counter()
    lines_to_turtle(base.union_lines())
    t_ours = time.perf_counter() - t0
    print(f"baseline on the corpus's own {len(small):,} triples: rdflib Turtle {t_rdflib:.2f} s, ours {t_ours:.2f} s "
          f"({t_rdflib / t_ours:.0f}x)")


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--articles", type=int, default=1000)
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("--export-triples", type=int, default=1_000_000)
    parser.add_argument("--skip-export", action="store_true", help="only the builds")
    parser.add_argument("--keep", metavar="DIR", help="work in DIR and keep it (default: a temporary folder)")
    args = parser.parse_args()
    work = Path(args.keep) if args.keep else Path(tempfile.mkdtemp(prefix="kg-bench-build-"))
    try:
        folder = work / "corpus"
        if not folder.exists():
            write_corpus(folder, args.articles, seed=8)
        bench_build(folder, work / "out", args.jobs, args.articles)
        if not args.skip_export:
            bench_export(work / "out" / "build" / "kg.nq", args.export_triples)
        peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        child = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
        print(f"\npeak resident memory: this process {peak:.0f} MB, largest kg build {child:.0f} MB")
    finally:
        if not args.keep:
            shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
