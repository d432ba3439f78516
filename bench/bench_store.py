"""Store (pyoxigraph) against rdflib in memory, on synthetic graphs of about 100k and 1M triples: load time,
each competency question's median and p95, selective questions, a cold `kg query` process, peak memory.

    python bench/bench_store.py [--sizes 100000 1000000] [--runs 7] [--rdflib-runs 3] [--keep DIR]
                                [--no-rdflib] [--plain]

Prints figures; asserts nothing. The baseline (rdflib) is measured in the same run on the same graph.
--plain adds a second baseline: each competency question as it was before it was rewritten for Oxigraph
(tests/data/cq-plain, else the question itself), run the way `kg query` ran it before (Oxigraph doing the
ORDER BY), with a check that both give the same rows. --no-rdflib skips the rdflib load and timings
(several minutes at 1M triples)."""

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


PLAIN = ROOT / "tests" / "data" / "cq-plain"


def oxigraph_sorted(store, text: str):
    """The query answered the way kg.query did before kg.storeorder: Oxigraph sorts, solution[v] reads."""
    from kg.query import Answer, _term, query_namespaces

    result = store.query(text, prefixes={k: str(v) for k, v in query_namespaces().items()},
                         use_default_graph_as_union=True)
    variables = result.variables
    return Answer("SELECT", [v.value for v in variables],
                  [[_term(solution[v]) for v in variables] for solution in result])


def _same_rows(a, b) -> bool:
    # GROUP_CONCAT's order inside a cell is not defined
    def norm(rows):
        return [["; ".join(sorted(c.split("; "))) for c in row] for row in rows]
    return norm(a.rows) == norm(b.rows)


CPU_MS: list[float] = []  # the CPU time of the last timed() call's runs (median), see timed()


def timed(fn, runs: int) -> tuple[float, float, int]:
    """(median ms, p95 ms, rows) over runs; the median CPU ms goes to CPU_MS (on a shared machine the CPU
    time moves less with the load than the wall time does)."""
    times, cpu, rows = [], [], 0
    for _ in range(runs):
        started, started_cpu = time.perf_counter(), time.process_time()
        rows = len(fn().rows)
        times.append((time.perf_counter() - started) * 1000)
        cpu.append((time.process_time() - started_cpu) * 1000)
    CPU_MS[:] = [statistics.median(cpu)]
    times.sort()
    p95 = times[min(len(times) - 1, round(0.95 * (len(times) - 1)))]
    return statistics.median(times), p95, rows


# The child reports its own peak (VmHWM): the kernel's ru_maxrss of a child counts the parent's pages at fork.
_REPORT_PEAK = ("import sys; from kg.cli import main; code = main(sys.argv[1:]); "
                "print([l for l in open('/proc/self/status') if l.startswith('VmHWM')][0].split()[1], file=sys.stderr); "
                "sys.exit(code)")


def cold_query(args: list[str]) -> tuple[float, float, float]:
    """(seconds from start to answer, peak RSS MB, CPU seconds) of one `kg query` process. The CPU time
    (user + system) depends less on what else the shared machine runs than the wall time does."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.perf_counter()
    result = subprocess.run([sys.executable, "-c", _REPORT_PEAK, "query", *args], stdout=subprocess.DEVNULL,
                            stderr=subprocess.PIPE, text=True, check=False)
    elapsed = time.perf_counter() - started
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if result.returncode != 0:
        raise RuntimeError(f"kg query {args} failed: {result.stderr}")
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return elapsed, int(result.stderr.strip().splitlines()[-1]) / 1024, cpu


def bench_size(size: int, runs: int, rdflib_runs: int, folder: Path, with_rdflib: bool = True,
               plain: bool = False) -> None:
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

    graph = None
    if with_rdflib:
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
    else:
        print(f"load: store {store_load:.1f} s (write_store: bulk load + swap)")

    print(f"{'question':36} {'store median':>12} {'p95':>8} {'rdflib median':>14} {'p95':>8} {'rows':>7}"
          + (f" {'before median':>14} {'p95':>8}" if plain else ""))
    questions = {name: path.read_text(encoding="utf-8") for name, path in competency_questions().items()
                 if name[:2].isdigit()}
    for name, text in [*questions.items(), *SELECTIVE.items()]:
        s_med, s_p95, s_rows = timed(lambda t=text: run_query(store, t), runs)
        s_cpu = CPU_MS[0]
        line = f"{name:36} {s_med:10.1f}ms {s_p95:6.1f}ms "
        if graph is not None:
            r_med, r_p95, r_rows = timed(lambda t=text: run_query(graph, t), rdflib_runs)
            flag = "" if s_rows == r_rows else f"  ROWS DIFFER ({r_rows} in rdflib)"
            line += f"{r_med:12.1f}ms {r_p95:6.1f}ms {s_rows:7}{flag}"
        else:
            line += f"{'-':>14} {'-':>8} {s_rows:7}"
        if plain and name in questions:
            before = (PLAIN / f"{name}.rq").read_text(encoding="utf-8") if (PLAIN / f"{name}.rq").exists() else text
            b_med, b_p95, _ = timed(lambda t=before: oxigraph_sorted(store, t), max(3, runs // 2))
            same = _same_rows(run_query(store, text), oxigraph_sorted(store, before))
            line += (f" {b_med:12.1f}ms {b_p95:6.1f}ms | CPU {s_cpu:7.1f}ms before {CPU_MS[0]:7.1f}ms"
                     + ("" if same else "  ANSWERS DIFFER from the plain form"))
        print(line, flush=True)
    graph = None  # frees the rdflib graph before the cold-process figures

    cold = [cold_query(["offices", "--store", str(store_dir), "--format", "csv"]) for _ in range(3)]
    print(f"cold `kg query offices --store`: {statistics.median(c[0] for c in cold):.2f} s start to answer "
          f"(median of 3; {statistics.median(c[2] for c in cold):.2f} s of CPU), peak RSS {max(c[1] for c in cold):.0f} MB")
    if size <= 200_000:
        ttl = folder / f"synthetic-{size}.ttl"
        from kg.sources import as_graph

        ttl.write_text(as_graph(store).serialize(format="nt"), encoding="utf-8")
        seconds, rss, _ = cold_query(["offices", "--data", str(ttl), "--format", "csv"])
        print(f"cold `kg query offices --data` (rdflib, N-Triples file): {seconds:.2f} s, peak RSS {rss:.0f} MB")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[100_000, 1_000_000])
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--rdflib-runs", type=int, default=3)
    parser.add_argument("--keep", default=None, metavar="DIR", help="keep the synthetic files and stores here")
    parser.add_argument("--no-rdflib", action="store_true", help="skip the rdflib baseline")
    parser.add_argument("--plain", action="store_true",
                        help="also time each question's plain form with Oxigraph sorting (the code before)")
    args = parser.parse_args()
    options = {"with_rdflib": not args.no_rdflib, "plain": args.plain}
    if args.keep:
        folder = Path(args.keep)
        folder.mkdir(parents=True, exist_ok=True)
        for size in args.sizes:
            bench_size(size, args.runs, args.rdflib_runs, folder, **options)
        return
    with tempfile.TemporaryDirectory() as tmp:
        for size in args.sizes:
            bench_size(size, args.runs, args.rdflib_runs, Path(tmp), **options)


if __name__ == "__main__":
    main()
