"""Store (pyoxigraph) against rdflib in memory, on synthetic graphs of about 100k and 1M triples: load time,
each competency question's median and p95, selective questions, a cold `kg query` process, peak memory.

    python bench/bench_store.py [--sizes 100000 1000000] [--runs 7] [--rdflib-runs 3] [--keep DIR]

Prints figures; asserts nothing. The baseline (rdflib) is measured in the same run on the same graph."""

from __future__ import annotations

import argparse
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from synthetic_store import write_synthetic  # noqa: E402

from kg.query import competency_questions, run_query  # noqa: E402
from kg.store import open_store, write_store  # noqa: E402

SELECTIVE = {
    "one person's offices": "SELECT ?post ?label WHERE { person:song-tao-c7 org:holds ?post . "
                            "?post skos:prefLabel ?label }",
    "one fact's evidence": "SELECT ?quote ?b ?e WHERE { ?f a dip:OfficeHolding ; org:member person:guo-yezhou-c7 ; "
                           "dip:evidence ?ev . ?ev nif:anchorOf ?quote ; nif:beginIndex ?b ; nif:endIndex ?e }",
}


def timed(fn, runs: int) -> tuple[float, float, int]:
    """(median ms, p95 ms, rows) over runs."""
    times, rows = [], 0
    for _ in range(runs):
        started = time.perf_counter()
        rows = len(fn().rows)
        times.append((time.perf_counter() - started) * 1000)
    times.sort()
    p95 = times[min(len(times) - 1, round(0.95 * (len(times) - 1)))]
    return statistics.median(times), p95, rows


# The child reports its own peak (VmHWM): the kernel's ru_maxrss of a child counts the parent's pages at fork.
_REPORT_PEAK = ("import sys; from kg.cli import main; code = main(sys.argv[1:]); "
                "print([l for l in open('/proc/self/status') if l.startswith('VmHWM')][0].split()[1], file=sys.stderr); "
                "sys.exit(code)")


def cold_query(args: list[str]) -> tuple[float, float]:
    """(seconds from start to answer, peak RSS MB) of one `kg query` process."""
    started = time.perf_counter()
    result = subprocess.run([sys.executable, "-c", _REPORT_PEAK, "query", *args], stdout=subprocess.DEVNULL,
                            stderr=subprocess.PIPE, text=True, check=False)
    elapsed = time.perf_counter() - started
    if result.returncode != 0:
        raise RuntimeError(f"kg query {args} failed: {result.stderr}")
    return elapsed, int(result.stderr.strip().splitlines()[-1]) / 1024


def bench_size(size: int, runs: int, rdflib_runs: int, folder: Path) -> None:
    from rdflib import Dataset, Graph

    nquads = folder / f"synthetic-{size}.nq"
    copies = write_synthetic(nquads, size)
    lines = sum(1 for _ in nquads.open(encoding="utf-8"))
    print(f"\n== {lines:,} quads ({copies} copies of the seed and golden graphs), {nquads.stat().st_size / 1e6:.0f} MB")

    store_dir = folder / f"store-{size}"
    started = time.perf_counter()
    write_store(store_dir, nquads)
    store_load = time.perf_counter() - started
    store = open_store(store_dir)

    rss_before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    started = time.perf_counter()
    dataset = Dataset()
    dataset.parse(nquads, format="nquads")
    graph = Graph()
    for s, p, o, _ in dataset.quads((None, None, None, None)):
        graph.add((s, p, o))
    del dataset
    rdflib_load = time.perf_counter() - started
    rss_after = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"load: store {store_load:.1f} s (write_store: bulk load + swap) | rdflib {rdflib_load:.1f} s "
          f"(parse N-Quads into memory, {len(graph):,} triples); bench process peak RSS {rss_after:.0f} MB "
          f"(was {rss_before:.0f} MB before rdflib)")

    print(f"{'question':36} {'store median':>12} {'p95':>8} {'rdflib median':>14} {'p95':>8} {'rows':>7}")
    questions = {name: path.read_text(encoding="utf-8") for name, path in competency_questions().items()
                 if name[:2].isdigit()}
    for name, text in [*questions.items(), *SELECTIVE.items()]:
        s_med, s_p95, s_rows = timed(lambda t=text: run_query(store, t), runs)
        r_med, r_p95, r_rows = timed(lambda t=text: run_query(graph, t), rdflib_runs)
        flag = "" if s_rows == r_rows else f"  ROWS DIFFER ({r_rows} in rdflib)"
        print(f"{name:36} {s_med:10.1f}ms {s_p95:6.1f}ms {r_med:12.1f}ms {r_p95:6.1f}ms {s_rows:7}{flag}")
    graph = None  # frees the rdflib graph before the cold-process figures

    cold = [cold_query(["offices", "--store", str(store_dir), "--format", "csv"]) for _ in range(3)]
    print(f"cold `kg query offices --store`: {statistics.median(c[0] for c in cold):.2f} s start to answer "
          f"(median of 3), peak RSS {max(c[1] for c in cold):.0f} MB")
    if size <= 200_000:
        ttl = folder / f"synthetic-{size}.ttl"
        from kg.sources import as_graph

        ttl.write_text(as_graph(store).serialize(format="nt"), encoding="utf-8")
        seconds, rss = cold_query(["offices", "--data", str(ttl), "--format", "csv"])
        print(f"cold `kg query offices --data` (rdflib, N-Triples file): {seconds:.2f} s, peak RSS {rss:.0f} MB")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[100_000, 1_000_000])
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--rdflib-runs", type=int, default=3)
    parser.add_argument("--keep", default=None, metavar="DIR", help="keep the synthetic files and stores here")
    args = parser.parse_args()
    if args.keep:
        folder = Path(args.keep)
        folder.mkdir(parents=True, exist_ok=True)
        for size in args.sizes:
            bench_size(size, args.runs, args.rdflib_runs, folder)
        return
    with tempfile.TemporaryDirectory() as tmp:
        for size in args.sizes:
            bench_size(size, args.runs, args.rdflib_runs, Path(tmp))


if __name__ == "__main__":
    main()
