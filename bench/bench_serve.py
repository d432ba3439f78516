"""A bounded load test of `kg serve` on loopback: 1, 8 and 32 concurrent clients sending the competency
questions for a fixed time each; queries/s, p50 and p95 latency, errors, and the server's memory (server
process and its query workers) before and after. It stops by itself and talks to 127.0.0.1 only.

    python bench/bench_serve.py [--store DIR | --triples N] [--seconds 30] [--clients 1 8 32] [--repeat 3]
                                [--workers 2] [--timeout 30] [--queue-wait 300]

Without --store it builds a synthetic store of N triples (bench/synthetic_store.py, default 100,000). The
baseline, in the same run, is the questions evaluated one after another in this process without a server.
"in line" and "running" are the medians of the server's own Server-Timing figures for each answer."""

from __future__ import annotations

import argparse
import math
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from synthetic_store import write_synthetic  # noqa: E402

from kg.query import competency_questions  # noqa: E402
from kg.store import write_store  # noqa: E402


def rss_mb(pid: int) -> float:
    """Resident memory of a process and its children (the query workers), MB."""
    total = 0.0
    pids = [pid]
    children = Path(f"/proc/{pid}/task/{pid}/children")
    if children.exists():
        pids += [int(p) for p in children.read_text().split()]
    for p in pids:
        for line in Path(f"/proc/{p}/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                total += int(line.split()[1]) / 1024
    return total


def server_timing(header: str | None) -> tuple[float, float] | None:
    """(seconds in line, seconds running) from kg serve's Server-Timing header."""
    if not header:
        return None
    parts = dict(part.strip().split(";dur=") for part in header.split(","))
    return float(parts["queue"]) / 1000, float(parts["query"]) / 1000


def client_loop(base: str, queries: list[str], first: int, stop: float, timeout: float, seen: dict) -> None:
    began = time.monotonic()
    i = first  # clients start at different questions, as independent users would
    while time.monotonic() < stop:
        which = i % len(queries)
        query = queries[which]
        i += 1
        body = urllib.parse.urlencode({"query": query}).encode()
        request = urllib.request.Request(base + "/sparql", data=body, headers={
            "Content-Type": "application/x-www-form-urlencoded", "Accept": "application/sparql-results+json"})
        started = time.perf_counter()
        try:
            with urllib.request.urlopen(request, timeout=timeout) as response:
                response.read()
                timing = server_timing(response.headers.get("Server-Timing"))
            seen["latency"].append(time.perf_counter() - started)
            seen["by_query"].setdefault(which, []).append(timing[1] if timing else float("nan"))
            if timing:
                seen["queue"].append(timing[0])
                seen["run"].append(timing[1])
        except urllib.error.HTTPError as exc:
            message = f"HTTP {exc.code}: {exc.read().decode(errors='replace').strip()}"
            seen["errors"].append((time.monotonic() - began, f"question {which + 1}: {message}"))
        except (urllib.error.URLError, OSError) as exc:
            seen["errors"].append((time.monotonic() - began, f"question {which + 1}: {exc}"))


def step(base: str, queries: list[str], clients: int, seconds: float, timeout: float) -> dict:
    seen = {"latency": [], "queue": [], "run": [], "errors": [], "by_query": {}}
    stop = time.monotonic() + seconds
    threads = [threading.Thread(target=client_loop, args=(base, queries, c, stop, timeout, seen))
               for c in range(clients)]
    started = time.monotonic()
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    elapsed = time.monotonic() - started  # until the last answer, so queries still running at the stop count
    latencies = sorted(seen["latency"])
    return {"queries": len(latencies), "qps": len(latencies) / elapsed, "elapsed": elapsed,
            "p50": statistics.median(latencies) if latencies else float("nan"),
            "p95": latencies[int(0.95 * (len(latencies) - 1))] if latencies else float("nan"),
            "queue": statistics.median(seen["queue"]) if seen["queue"] else float("nan"),
            "run": statistics.median(seen["run"]) if seen["run"] else float("nan"),
            "errors": seen["errors"], "by_query": seen["by_query"]}


def direct_baseline(store: Path, queries: list[str], max_rows: int) -> list[float]:
    """Seconds for each question evaluated and serialized in this process, one after another: what the
    server's workers do, without HTTP, the line or other queries running at the same time."""
    from kg.serve.results import evaluate
    from kg.store import open_store

    opened = open_store(store)
    times = []
    for query in queries:
        started = time.perf_counter()
        reply = evaluate(opened, query, "application/sparql-results+json", max_rows)
        times.append(time.perf_counter() - started)
        assert reply.status == 200, reply.body[:200]
    return times


def print_per_question(queries: list[str], direct: list[float], results: dict[int, list[dict]]) -> None:
    """Each question's time alone (the baseline) and its median running time in the server's workers at each
    client count, with the errors it got: which questions a load's errors and its time come from."""
    names = [name for name, _ in sorted(competency_questions().items()) if name[:2].isdigit()]
    counts = list(results)
    print("per question: alone (baseline) and median running time in the server, s (errors in brackets):")
    print(f"{'question':24} {'alone':>6} " + " ".join(f"{f'{c} cl.':>12}" for c in counts))
    for i, name in enumerate(names[: len(queries)]):
        cells = []
        for c in counts:
            runs = [t for r in results[c] for t in r["by_query"].get(i, []) if not math.isnan(t)]
            errors = sum(1 for r in results[c] for _, e in r["errors"] if e.startswith(f"question {i + 1}:"))
            cell = f"{statistics.median(runs):.2f}" if runs else "-"
            cells.append(f"{cell + (f' [{errors}]' if errors else ''):>12}")
        print(f"{name:24} {direct[i]:6.2f} " + " ".join(cells))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--store", default=None)
    parser.add_argument("--triples", type=int, default=100_000)
    parser.add_argument("--seconds", type=float, default=30.0)
    parser.add_argument("--clients", type=int, nargs="+", default=[1, 8, 32])
    parser.add_argument("--repeat", type=int, default=1, help="rounds of every client count; medians are shown")
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--timeout", type=float, default=30.0, help="kg serve --timeout (its default)")
    parser.add_argument("--queue-wait", type=float, default=300.0, help="kg serve --queue-wait (its default)")
    parser.add_argument("--max-rows", type=int, default=10_000, help="kg serve --max-rows (its default)")
    parser.add_argument("--kg-root", default=None,
                        help="serve with the kg package of another checkout (an earlier commit, to compare in one run)")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        store = Path(args.store) if args.store else None
        if store is None:
            nquads = Path(tmp) / "synthetic.nq"
            write_synthetic(nquads, args.triples)
            store = Path(tmp) / "store"
            write_store(store, nquads)
            print(f"synthetic store: {sum(1 for _ in nquads.open(encoding='utf-8')):,} quads")
        queries = [p.read_text(encoding="utf-8") for n, p in sorted(competency_questions().items()) if n[:2].isdigit()]
        direct = direct_baseline(store, queries, args.max_rows)
        print(f"baseline, the {len(queries)} questions one after another in this process (no server): "
              f"{sum(direct):.1f} s, median {statistics.median(direct) * 1000:.0f} ms, "
              f"{len(queries) / sum(direct):.2f} q/s")
        # python -m puts its working folder first on sys.path: run there, so that checkout's kg is the one
        root = Path(args.kg_root).resolve() if args.kg_root else ROOT
        server = subprocess.Popen([sys.executable, "-m", "kg", "serve", "--store", str(store.resolve()), "--host", "127.0.0.1",
                                   "--port", "0", "--quiet", "--workers", str(args.workers),
                                   "--timeout", str(args.timeout), "--queue-wait", str(args.queue_wait),
                                   "--max-rows", str(args.max_rows)],
                                  stdout=subprocess.PIPE, text=True, cwd=root)
        client_timeout = args.queue_wait + args.timeout + 60  # longer than the server may take to answer
        try:
            line = server.stdout.readline()
            base = line.split("SPARQL endpoint ", 1)[1].split("/sparql", 1)[0]
            before = rss_mb(server.pid)
            print(f"server {base}, {args.workers} query workers, timeout {args.timeout:g} s, queue wait "
                  f"{args.queue_wait:g} s; memory before: {before:.0f} MB")
            results: dict[int, list[dict]] = {c: [] for c in args.clients}
            for round_ in range(args.repeat):
                for clients in args.clients:
                    result = step(base, queries, clients, args.seconds, client_timeout)
                    result["rss"] = rss_mb(server.pid)
                    results[clients].append(result)
                    print(f"  round {round_ + 1}, {clients} clients: {result['queries']} answers in "
                          f"{result['elapsed']:.0f} s, {result['qps']:.2f} q/s, p50 {result['p50']:.2f} s, "
                          f"p95 {result['p95']:.2f} s, {len(result['errors'])} errors, {result['rss']:.0f} MB",
                          flush=True)
                    for at, error in sorted(result["errors"])[:3]:
                        print(f"      error at {at:.1f} s: {error}")
            print(f"medians of {args.repeat} round(s), {args.seconds:g} s each:")
            print(f"{'clients':>7} {'answers':>8} {'q/s':>6} {'p50 s':>7} {'p95 s':>7} {'in line':>8} {'running':>8}"
                  f" {'errors':>6} {'RSS MB':>7}")
            for clients, runs in results.items():
                med = {k: statistics.median(r[k] for r in runs) for k in ("queries", "qps", "p50", "p95", "queue",
                                                                           "run", "rss")}
                errors = sum(len(r["errors"]) for r in runs)
                print(f"{clients:7} {med['queries']:8.0f} {med['qps']:6.2f} {med['p50']:7.2f} {med['p95']:7.2f} "
                      f"{med['queue']:8.2f} {med['run']:8.2f} {errors:6} {med['rss']:7.0f}")
            print(f"memory before {before:.0f} MB, after {rss_mb(server.pid):.0f} MB (server and its workers); "
                  "errors are summed over the rounds")
            print_per_question(queries, direct, results)
        finally:
            server.terminate()
            server.wait(timeout=30)


if __name__ == "__main__":
    main()
