"""Benchmark of the HTML viewer: for synthetic graphs of about 200, 2,000 and 10,000 entities (made through
the real RDF mapping), the time to build the view model and the whole page (graph -> HTML, the model
included, as `kg build` does it), the page's size, and the time from
opening the file in headless chromium to the first complete drawing (the layout is precomputed and
physics is off, so that is when the graph is stable and usable), plus the time a search and a click to
the details panel take. In the same run, the baseline: a raw pyvis dump of the same graph (every triple
between two labelled nodes an edge, pyvis' default physics), timed from opening to vis' 'stabilized'
event, capped at --cap seconds. Prints figures; asserts nothing.

    python bench/bench_viewer.py [--sizes 200 2000 10000] [--chromium /usr/bin/chromium] [--keep DIR]
"""

from __future__ import annotations

import argparse
import shutil
import sys
import tempfile
import time
from pathlib import Path

from kg.viewer import gc_paused
from kg.viewer.model import build_model
from kg.viewer.render import render_page
from kg.viewer.synthetic import synthetic_graph

CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync"]


def open_in_browser(browser, path: Path) -> dict:
    page = browser.new_page(viewport={"width": 1400, "height": 900})
    errors: list[str] = []
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    page.on("console", lambda msg: errors.append(msg.text) if msg.type == "error" else None)
    start = time.perf_counter()
    page.goto(path.resolve().as_uri(), timeout=300_000)
    page.wait_for_function("window.kgViewer && window.kgViewer.ready", timeout=300_000, polling=20)
    wall = time.perf_counter() - start
    stable_ms = page.evaluate("window.kgViewer.stableMs")
    counts = page.evaluate("[kgViewer.nodeCount(), kgViewer.factNodeCount(), kgViewer.visibleEdgeIds().length]")
    t = time.perf_counter()
    hit = page.evaluate("kgViewer.search('Khan')[0].id")
    page.evaluate("id => kgViewer.select(id)", hit)
    page.wait_for_selector("#details .evidence, #details h3")
    select_s = time.perf_counter() - t
    page.close()
    return {"wall_s": wall, "stable_ms": stable_ms, "counts": counts, "select_s": select_s, "errors": errors}


def pyvis_baseline_html(graph) -> str:
    """The naive viewer: pyvis with physics on, CDN links removed so it opens offline, plus a hook that
    records when vis reports the network stabilised."""
    import re

    from pyvis.network import Network
    from rdflib import URIRef
    from rdflib.namespace import SKOS

    net = Network(height="900px", width="100%", directed=True, cdn_resources="in_line")
    labels = {s: str(o) for s, o in graph.subject_objects(SKOS.prefLabel)}
    for node, label in sorted(labels.items()):
        net.add_node(str(node), label=label)
    for s, p, o in sorted(graph):
        if s in labels and isinstance(o, URIRef) and o in labels:
            net.add_edge(str(s), str(o), label=str(p).rsplit("/", 1)[-1].rsplit("#", 1)[-1])
    page = net.generate_html()
    page = re.sub(r'<link[^>]+href="https?://[^"]+"[^>]*>', "", page)
    page = re.sub(r'<script[^>]+src="https?://[^"]+"[^>]*>\s*</script>', "", page)
    hook = ("<script>network.once('stabilizationIterationsDone', function () "
            "{ window.__iterationsMs = performance.now(); });"
            "network.once('stabilized', function () { window.__stableMs = performance.now(); });</script>")
    return page.replace("</body>", hook + "</body>")


def open_baseline(browser, path: Path, cap_s: float) -> tuple[float | None, float | None]:
    """(ms to the end of vis' stabilisation iterations, ms until the physics stops moving); None when
    that did not happen within the cap."""
    page = browser.new_page(viewport={"width": 1400, "height": 900})
    page.goto(path.resolve().as_uri(), timeout=300_000)
    try:
        page.wait_for_function("window.__stableMs !== undefined", timeout=cap_s * 1000, polling=50)
    except Exception:  # still moving at the cap: reported as such
        pass
    iterations, stable = page.evaluate("[window.__iterationsMs ?? null, window.__stableMs ?? null]")
    page.close()
    return iterations, stable


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[200, 2000, 10000])
    parser.add_argument("--chromium", default="/usr/bin/chromium")
    parser.add_argument("--keep", default=None, help="folder to keep the generated pages in")
    parser.add_argument("--cap", type=float, default=60.0, help="seconds to wait for the pyvis baseline to settle")
    args = parser.parse_args(argv)
    out_dir = Path(args.keep) if args.keep else Path(tempfile.mkdtemp(prefix="bench-viewer-"))
    out_dir.mkdir(parents=True, exist_ok=True)
    have_browser = Path(args.chromium).exists()
    if not have_browser:
        print(f"note: {args.chromium} not found: browser timings skipped (apt-get install chromium)")
    pw = browser = None
    if have_browser:
        from playwright.sync_api import sync_playwright

        pw = sync_playwright().start()
        browser = pw.chromium.launch(executable_path=args.chromium, args=CHROMIUM_ARGS)
    print(f"{'wanted':>7} {'entities':>8} {'fact nodes':>10} {'edges':>6} {'triples':>8} {'model s':>8} "
          f"{'page s':>7} {'HTML MB':>8} {'open->stable ms':>16} {'wall s':>7} {'search+click s':>15} "
          f"{'pyvis iterations ms':>19} {'pyvis settled ms':>16}")
    try:
        for size in args.sizes:
            graph = synthetic_graph(size)
            # What render_html (kg build) does, timed by stage: one view model, then the page from it.
            with gc_paused():
                t = time.perf_counter()
                model = build_model(graph)
                model_s = time.perf_counter() - t
                page = render_page(model)
                page_s = time.perf_counter() - t
            path = out_dir / f"viewer-{size}.html"
            path.write_text(page, encoding="utf-8")
            entities = len(model.entity_nodes())
            row = (f"{size:>7} {entities:>8} {len(model.nodes) - entities:>10} {len(model.edges):>6} {len(graph):>8} "
                   f"{model_s:>8.2f} {page_s:>7.2f} {len(page.encode()) / 1e6:>8.2f}")
            if browser is not None:
                result = open_in_browser(browser, path)
                row += f" {result['stable_ms']:>16.0f} {result['wall_s']:>7.2f} {result['select_s']:>15.2f}"
                baseline_path = out_dir / f"baseline-{size}.html"
                baseline_path.write_text(pyvis_baseline_html(graph), encoding="utf-8")
                capped = ">" + str(int(args.cap * 1000))
                for value, width in zip(open_baseline(browser, baseline_path, args.cap), (19, 16)):
                    row += f" {value:>{width}.0f}" if value is not None else f" {capped:>{width}}"
                if result["errors"]:
                    row += f"  errors: {result['errors'][:3]}"
            print(row, flush=True)
    finally:
        if browser is not None:
            browser.close()
            pw.stop()
        if not args.keep:
            shutil.rmtree(out_dir, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
