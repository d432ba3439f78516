"""`kg push` of a corpus to Oxigraph's own server (`oxigraph serve`, from the test extras) on loopback, against
baselines measured in the same run: a bulk load of the same N-Quads into a fresh local store (pyoxigraph),
and the same N-Quads POSTed to the server in one request (what the server's ingest alone costs).

    python bench/bench_push.py [--triples 1000000 | --nquads FILE] [--repeat 3] [--put-rounds 1]

Each round starts a fresh server in a temporary folder, pushes into it with --batch (the first push) and
again (a re-push, which replaces every graph), checks each time that the server holds the corpus's quads,
and stops it; the first --put-rounds rounds also time the portable push, one PUT per graph, into a fresh
server. The server listens on 127.0.0.1 only; the benchmark stops by itself. Medians are printed."""

from __future__ import annotations

import argparse
import json
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.parse
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from synthetic_store import write_synthetic

from kg.store import write_store

OXIGRAPH = shutil.which("oxigraph") or str(Path(sys.executable).with_name("oxigraph"))
COUNT = "SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def start_server(folder: Path) -> tuple[subprocess.Popen, str]:
    port = free_port()
    process = subprocess.Popen([OXIGRAPH, "serve", "--location", str(folder), "--bind", f"127.0.0.1:{port}",
                                "--union-default-graph"], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    base = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 60
    while True:
        try:
            urllib.request.urlopen(base + "/query?query=ASK%7B%7D", timeout=2).close()
            return process, base
        except OSError:
            if process.poll() is not None or time.monotonic() > deadline:
                raise RuntimeError("oxigraph serve did not start") from None
            time.sleep(0.1)


def server_count(base: str) -> int:
    url = base + "/query?" + urllib.parse.urlencode({"query": COUNT})
    request = urllib.request.Request(url, headers={"Accept": "application/sparql-results+json"})
    with urllib.request.urlopen(request, timeout=600) as response:
        return int(json.loads(response.read())["results"]["bindings"][0]["n"]["value"])


KG_ROOT = ROOT  # the checkout whose kg pushes (--kg-root: an earlier commit's, to compare in one run)


def timed_push(store: Path, base: str, *options: str) -> float:
    started = time.perf_counter()
    # python -m puts its working folder first on sys.path: run there, so that checkout's kg is the one
    result = subprocess.run([sys.executable, "-m", "kg", "push", "--store", str(store.resolve()), "--endpoint",
                             base + "/query", "--graph-store", base + "/store", *options], capture_output=True,
                            text=True, check=False, cwd=KG_ROOT)
    elapsed = time.perf_counter() - started
    if result.returncode != 0:
        raise RuntimeError(f"kg push failed: {result.stderr.strip()}")
    return elapsed


def check_count(base: str, quads: int) -> None:
    held = server_count(base)
    if held != quads:
        raise RuntimeError(f"the server holds {held:,} quads, the corpus {quads:,}")


def bulk_load_baseline(nquads: Path, folder: Path) -> float:
    import pyoxigraph

    started = time.perf_counter()
    store = pyoxigraph.Store(str(folder))
    store.bulk_load(path=str(nquads), format=pyoxigraph.RdfFormat.N_QUADS)
    store.flush()
    elapsed = time.perf_counter() - started
    del store
    return elapsed


def one_post_baseline(nquads: Path, base: str) -> float:
    data = nquads.read_bytes()
    started = time.perf_counter()
    request = urllib.request.Request(base + "/store", data=data, method="POST",
                                     headers={"Content-Type": "application/n-quads"})
    with urllib.request.urlopen(request, timeout=600) as response:
        response.read()
    return time.perf_counter() - started


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--triples", type=int, default=1_000_000)
    parser.add_argument("--nquads", default=None, help="an N-Quads file to push instead of a synthetic corpus")
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--put-rounds", type=int, default=1,
                        help="rounds that also time a push of one PUT per graph (minutes at 1M; 0: none)")
    parser.add_argument("--kg-root", default=None,
                        help="push with the kg package of another checkout (an earlier commit, to compare in one run)")
    args = parser.parse_args()
    global KG_ROOT
    KG_ROOT = Path(args.kg_root).resolve() if args.kg_root else ROOT
    if not Path(OXIGRAPH).exists():
        sys.exit("the oxigraph server is not installed (pip install -e '.[test]')")
    with tempfile.TemporaryDirectory() as tmp:
        tmp_path = Path(tmp)
        nquads = Path(args.nquads) if args.nquads else tmp_path / "corpus.nq"
        if not args.nquads:
            write_synthetic(nquads, args.triples)
        store = tmp_path / "store"
        write_store(store, nquads)
        quads = sum(1 for _ in nquads.open(encoding="utf-8"))
        graphs = len({line.rsplit("<", 1)[-1] for line in nquads.open(encoding="utf-8") if line.strip()})
        print(f"corpus: {quads:,} quads in about {graphs:,} named graphs")
        rows = {"bulk load into a fresh local store (baseline)": [], "one POST of the N-Quads to the server": [],
                "kg push --batch, first": [], "kg push --batch, again (replaces every graph)": [],
                "kg push (one PUT per graph), first": []}
        for round_ in range(args.repeat):
            rows["bulk load into a fresh local store (baseline)"].append(
                bulk_load_baseline(nquads, tmp_path / f"bulk{round_}"))
            shutil.rmtree(tmp_path / f"bulk{round_}", ignore_errors=True)
            process, base = start_server(tmp_path / f"posted{round_}")
            try:
                rows["one POST of the N-Quads to the server"].append(one_post_baseline(nquads, base))
            finally:
                process.terminate()
                process.wait(timeout=60)
            shutil.rmtree(tmp_path / f"posted{round_}", ignore_errors=True)
            process, base = start_server(tmp_path / f"server{round_}")
            try:
                rows["kg push --batch, first"].append(timed_push(store, base, "--batch"))
                check_count(base, quads)
                rows["kg push --batch, again (replaces every graph)"].append(timed_push(store, base, "--batch"))
                check_count(base, quads)
            finally:
                process.terminate()
                process.wait(timeout=60)
            shutil.rmtree(tmp_path / f"server{round_}", ignore_errors=True)
            if round_ < args.put_rounds:
                process, base = start_server(tmp_path / f"put{round_}")
                try:
                    rows["kg push (one PUT per graph), first"].append(timed_push(store, base))
                    check_count(base, quads)
                finally:
                    process.terminate()
                    process.wait(timeout=60)
                shutil.rmtree(tmp_path / f"put{round_}", ignore_errors=True)
            print(f"  round {round_ + 1}: " + ", ".join(f"{name.split(' (')[0]} {times[-1]:.1f} s"
                                                       for name, times in rows.items() if len(times) > round_),
                  flush=True)
        print(f"medians of {args.repeat} round(s), {quads:,} quads (target for kg push: <= 60 s):")
        for name, times in rows.items():
            if not times:
                continue
            print(f"  {name:48} {statistics.median(times):6.1f} s   (all: {', '.join(f'{t:.1f}' for t in times)})")


if __name__ == "__main__":
    main()
