"""A bounded load test of `kg serve` on loopback: 1, 8 and 32 concurrent clients sending the competency
questions for a fixed time each; queries/s, p50 and p95 latency, errors, and the server's memory (server
process and its query workers) before and after. It stops by itself and talks to 127.0.0.1 only.

    python bench/bench_serve.py [--store DIR | --triples N] [--seconds 30] [--clients 1 8 32] [--workers 2]

Without --store it builds a synthetic store of N triples (bench/synthetic_store.py, default 100,000)."""

from __future__ import annotations

import argparse
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


def client_loop(base: str, queries: list[str], stop: float, latencies: list, errors: list) -> None:
    i = 0
    while time.monotonic() < stop:
        query = queries[i % len(queries)]
        i += 1
        body = urllib.parse.urlencode({"query": query}).encode()
        request = urllib.request.Request(base + "/sparql", data=body, headers={
            "Content-Type": "application/x-www-form-urlencoded", "Accept": "application/sparql-results+json"})
        started = time.perf_counter()
        try:
            with urllib.request.urlopen(request, timeout=120) as response:
                response.read()
            latencies.append(time.perf_counter() - started)
        except (urllib.error.URLError, OSError) as exc:
            errors.append(str(exc))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--store", default=None)
    parser.add_argument("--triples", type=int, default=100_000)
    parser.add_argument("--seconds", type=float, default=30.0)
    parser.add_argument("--clients", type=int, nargs="+", default=[1, 8, 32])
    parser.add_argument("--workers", type=int, default=2)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        store = Path(args.store) if args.store else None
        if store is None:
            nquads = Path(tmp) / "synthetic.nq"
            write_synthetic(nquads, args.triples)
            store = Path(tmp) / "store"
            write_store(store, nquads)
            print(f"synthetic store: {sum(1 for _ in nquads.open(encoding='utf-8')):,} quads")
        server = subprocess.Popen([sys.executable, "-m", "kg", "serve", "--store", str(store), "--host", "127.0.0.1",
                                   "--port", "0", "--quiet", "--workers", str(args.workers)],
                                  stdout=subprocess.PIPE, text=True)
        try:
            line = server.stdout.readline()
            base = line.split("SPARQL endpoint ", 1)[1].split("/sparql", 1)[0]
            queries = [p.read_text(encoding="utf-8") for n, p in sorted(competency_questions().items()) if n[:2].isdigit()]
            print(f"server {base}, {args.workers} query workers; memory before: {rss_mb(server.pid):.0f} MB")
            print(f"{'clients':>7} {'queries':>8} {'q/s':>7} {'p50 ms':>8} {'p95 ms':>8} {'errors':>6} {'RSS MB':>7}")
            for clients in args.clients:
                latencies, errors = [], []
                stop = time.monotonic() + args.seconds
                threads = [threading.Thread(target=client_loop, args=(base, queries, stop, latencies, errors))
                           for _ in range(clients)]
                started = time.monotonic()
                for t in threads:
                    t.start()
                for t in threads:
                    t.join()
                elapsed = time.monotonic() - started
                latencies.sort()
                p50 = statistics.median(latencies) * 1000 if latencies else float("nan")
                p95 = latencies[int(0.95 * (len(latencies) - 1))] * 1000 if latencies else float("nan")
                print(f"{clients:7} {len(latencies):8} {len(latencies) / elapsed:7.1f} {p50:8.1f} {p95:8.1f} "
                      f"{len(errors):6} {rss_mb(server.pid):7.0f}")
                if errors:
                    print(f"        first error: {errors[0]}")
        finally:
            server.terminate()
            server.wait(timeout=30)


if __name__ == "__main__":
    main()
