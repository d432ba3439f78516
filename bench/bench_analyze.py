"""Benchmark of the network analysis at corpus scale: a synthetic corpus of about 10,000 entities and
50,000 facts (kg/viewer/synthetic.py, through the real RDF mapping), and

- `kg analyze`: reading the actor network out of the graph, the network of the person view, centralities
  and communities, the table; against the baseline of one rdflib pass over every triple of the graph (the
  floor of any reader of an in-memory graph), measured in the same run. With --cli, also the whole command
  on the corpus as an N-Triples file (rdflib's parsing included);
- the viewer (`kg build`'s graph.html) with the actor network and the timeline: building the page, and
  opening it in headless chromium to the first complete drawing; against the same page without the
  actor-network data (the viewer as it was), in the same run;
- `kg report`: building the page, and opening it in headless chromium (load event).

Prints figures; asserts nothing. Run once: building the corpus alone takes minutes.

    python bench/bench_analyze.py [--entities 10000] [--articles 7150] [--cli] [--chromium /usr/bin/chromium]
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from rdflib.namespace import RDF

from kg.namespaces import DIP
from kg.network import actor_network, analyze, read_actor_data
from kg.network.tables import as_table
from kg.report import report_html
from kg.viewer import gc_paused
from kg.viewer.actornet import actor_payload
from kg.viewer.model import build_model
from kg.viewer.render import render_page
from kg.viewer.synthetic import synthetic_graph

sys.path.insert(0, str(Path(__file__).resolve().parent))
from bench_viewer import CHROMIUM_ARGS, open_in_browser


def timed(fn, *args):
    start = time.perf_counter()
    value = fn(*args)
    return value, time.perf_counter() - start


def open_report(browser, path: Path) -> float:
    page = browser.new_page(viewport={"width": 1200, "height": 900})
    start = time.perf_counter()
    page.goto(path.resolve().as_uri(), wait_until="load", timeout=120_000)
    wall = time.perf_counter() - start
    page.close()
    return wall


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--entities", type=int, default=10_000)
    parser.add_argument("--articles", type=int, default=7_150, help="about seven facts each")
    parser.add_argument("--cli", action="store_true", help="also time `kg analyze --data corpus.nt` end to end")
    parser.add_argument("--chromium", default="/usr/bin/chromium")
    args = parser.parse_args(argv)
    folder = Path(tempfile.mkdtemp(prefix="bench-analyze-"))
    print(f"load average at the start: {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores", flush=True)
    with gc_paused():
        graph, build_s = timed(synthetic_graph, args.entities, 7, args.articles)
        facts = sum(1 for _ in graph.subjects(RDF.type, DIP.Fact))
        print(f"corpus: {len(graph):,} triples, {facts:,} facts, built in {build_s:.0f} s", flush=True)

        _, floor_s = timed(lambda: sum(1 for _ in graph.triples((None, None, None))))
        data, read_s = timed(read_actor_data, graph)
        network, net_s = timed(actor_network, data)
        analysis, metrics_s = timed(analyze, network)
        _, table_s = timed(as_table, analysis, 20)
        total = read_s + net_s + metrics_s + table_s
        print(f"kg analyze (in memory): {total:.2f} s = read {read_s:.2f} + network {net_s:.2f} + centralities and "
              f"communities {metrics_s:.2f} + table {table_s:.2f}; {len(network.nodes):,} actors, "
              f"{len(network.ties):,} ties, {len(analysis.communities)} communities "
              f"(target <= 5 s; baseline, one rdflib pass over every triple: {floor_s:.2f} s)", flush=True)

        model, model_s = timed(build_model, graph)
        plain, _ = timed(render_page, model)
        model.network, payload_s = timed(actor_payload, graph, model)
        page, page_s = timed(render_page, model)
        report, report_s = timed(report_html, graph)
    (folder / "graph.html").write_text(page, encoding="utf-8")
    (folder / "plain.html").write_text(plain, encoding="utf-8")
    (folder / "report.html").write_text(report, encoding="utf-8")
    print(f"viewer page: {model_s + payload_s + page_s:.1f} s to build (model {model_s:.1f}, actor network "
          f"{payload_s:.1f}, page {page_s:.1f}), {len(page.encode()) / 1e6:.1f} MB; without the actor network "
          f"{len(plain.encode()) / 1e6:.1f} MB", flush=True)
    print(f"report page: {report_s:.2f} s to build (target <= 5 s), {len(report.encode()) / 1e3:.0f} kB", flush=True)
    if Path(args.chromium).exists():
        from playwright.sync_api import sync_playwright

        with sync_playwright() as pw:
            browser = pw.chromium.launch(executable_path=args.chromium, args=CHROMIUM_ARGS)
            for name in ("graph.html", "plain.html"):
                result = open_in_browser(browser, folder / name)
                print(f"open {name}: first complete drawing at {result['stable_ms']:.0f} ms, next frame at "
                      f"{result['settled_ms']:.0f} ms, wall {result['wall_s']:.2f} s"
                      f" (target <= 3 s for graph.html; plain.html is the baseline), errors: {result['errors'][:2]}",
                      flush=True)
            print(f"open report.html: {open_report(browser, folder / 'report.html'):.2f} s to load (target <= 2 s)")
            browser.close()
    if args.cli:
        path = folder / "corpus.nt"
        graph.serialize(path, format="nt", encoding="utf-8")
        start = time.perf_counter()
        done = subprocess.run([sys.executable, "-m", "kg", "analyze", "--data", str(path)], capture_output=True,
                              text=True, check=False)
        print(f"kg analyze --data corpus.nt (parsing included): {time.perf_counter() - start:.1f} s, "
              f"exit {done.returncode}")
    print(f"pages kept in {folder}; load average at the end: {os.getloadavg()[0]:.1f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
