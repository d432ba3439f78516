"""Benchmark of the HTML viewer: for synthetic graphs of about 200, 2,000 and 10,000 entities (made through
the real RDF mapping), the time to build the view model and the whole page (graph -> HTML, the model
included, as `kg build` does it), the page's size, and the time from opening the file in headless chromium
to stable: the page's ready flag (set at its first complete drawing, after every script has set up; the
layout is precomputed and physics is off) and the next frame after it (so the drawing is on screen and
nothing queued is left), the median of --repeat openings; plus the time a search and a click to the
details panel take. In the same run, the baselines:
- with --before REF, the viewer as it was at git commit REF, on the same graph (its page rendered by REF's
  code in a subprocess), opened alternately with ours;
- unless --no-pyvis, a raw pyvis dump of the same graph (every triple between two labelled nodes an edge,
  pyvis' default physics), timed from opening to vis' 'stabilized' event, capped at --cap seconds.
Prints figures; asserts nothing. The issue's corpus (10,000 entities, ~50,000 facts, the actor network and
the timeline) is `--sizes 10000 --articles 7150`.

    python bench/bench_viewer.py [--sizes 200 2000 10000] [--articles N] [--repeat 3] [--before REF]
                                 [--no-pyvis] [--chromium /usr/bin/chromium] [--keep DIR]
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from kg.viewer import gc_paused
from kg.viewer.actornet import actor_payload
from kg.viewer.model import build_model
from kg.viewer.render import render_page
from kg.viewer.synthetic import synthetic_graph

ROOT = Path(__file__).resolve().parent.parent
# The page of a synthetic graph as `kg build` writes it, by whichever kg is first on the path.
RENDER_SCRIPT = """
import sys
from kg.viewer import render_html
from kg.viewer.synthetic import synthetic_graph
size, articles, out = int(sys.argv[1]), int(sys.argv[2]) or None, sys.argv[3]
open(out, "w", encoding="utf-8").write(render_html(synthetic_graph(size, 7, articles)))
"""

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
    # the next frame, and a task after it: the drawing is on screen and nothing queued before it is left
    settled_ms = page.evaluate("new Promise(r => requestAnimationFrame(() => setTimeout(() => r(performance.now()), 0)))")
    wall = time.perf_counter() - start
    stable_ms = page.evaluate("window.kgViewer.stableMs")
    counts = page.evaluate("[kgViewer.nodeCount(), kgViewer.factNodeCount(), kgViewer.visibleEdgeIds().length]")
    t = time.perf_counter()
    hit = page.evaluate("kgViewer.search('Khan')[0].id")
    page.evaluate("id => kgViewer.select(id)", hit)
    page.wait_for_selector("#details .evidence, #details h3")
    select_s = time.perf_counter() - t
    page.close()
    return {"wall_s": wall, "stable_ms": stable_ms, "settled_ms": settled_ms, "counts": counts, "select_s": select_s,
            "errors": errors}


def open_repeatedly(browser, paths: list, repeat: int) -> list[dict]:
    """Each page opened `repeat` times, the pages in turn (so a busy moment of a shared machine falls on
    all of them); per page the medians of the timings, and the errors of every opening."""
    runs: dict = {path: [] for path in paths}
    for _ in range(repeat):
        for path in paths:
            runs[path].append(open_in_browser(browser, path))
    medians = []
    for path in paths:
        rows = runs[path]
        medians.append({"stable_ms": statistics.median(r["stable_ms"] for r in rows),
                        "settled_ms": statistics.median(r["settled_ms"] for r in rows),
                        "wall_s": statistics.median(r["wall_s"] for r in rows),
                        "select_s": statistics.median(r["select_s"] for r in rows),
                        "all_settled_ms": [round(r["settled_ms"]) for r in rows],
                        "errors": [e for r in rows for e in r["errors"]]})
    return medians


def render_before(ref: str, size: int, articles: int | None, out: Path) -> None:
    """The page of the same synthetic graph drawn by the viewer at commit `ref`: its kg/ (and ontology/,
    installed as kg.ontology) taken out of git into a temporary folder first on the path of a subprocess."""
    with tempfile.TemporaryDirectory(prefix="kg-before-") as tmp:
        archive = subprocess.run(["git", "-C", str(ROOT), "archive", ref, "kg", "ontology"], capture_output=True,
                                 check=True).stdout
        subprocess.run(["tar", "-x", "-C", tmp], input=archive, check=True)
        shutil.move(os.path.join(tmp, "ontology"), os.path.join(tmp, "kg", "ontology"))
        env = {**os.environ, "PYTHONPATH": tmp}
        subprocess.run([sys.executable, "-c", RENDER_SCRIPT, str(size), str(articles or 0), str(out)], env=env,
                       check=True, cwd=tmp)


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
    parser.add_argument("--articles", type=int, default=None,
                        help="articles of about seven facts each (default: one per five entities)")
    parser.add_argument("--repeat", type=int, default=3, help="openings of each page (medians are printed)")
    parser.add_argument("--before", default=None, metavar="REF", help="also time the viewer of this git commit")
    parser.add_argument("--no-pyvis", action="store_true", help="skip the raw pyvis baseline")
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
    print(f"load average at the start: {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores", flush=True)
    try:
        for size in args.sizes:
            graph = synthetic_graph(size, 7, args.articles)
            # What render_html (kg build) does, timed by stage: the view model, the actor network, the page.
            with gc_paused():
                t = time.perf_counter()
                model = build_model(graph)
                model_s = time.perf_counter() - t
                model.network = actor_payload(graph, model)
                actor_s = time.perf_counter() - t - model_s
                page = render_page(model)
                page_s = time.perf_counter() - t - model_s - actor_s
            path = out_dir / f"viewer-{size}.html"
            path.write_text(page, encoding="utf-8")
            entities = len(model.entity_nodes())
            print(f"~{size} entities: {entities:,} entities, {len(model.nodes) - entities:,} fact nodes, "
                  f"{len(model.edges):,} edges, {len(model.facts):,} facts, {len(graph):,} triples; page built in "
                  f"{model_s + actor_s + page_s:.1f} s (model {model_s:.1f}, actor network {actor_s:.1f}, page "
                  f"{page_s:.1f}), {len(page.encode()) / 1e6:.1f} MB", flush=True)
            if browser is None:
                continue
            pages, names = [path], ["this viewer"]
            if args.before:
                before_path = out_dir / f"before-{size}.html"
                render_before(args.before, size, args.articles, before_path)
                pages.append(before_path)
                names.append(f"viewer at {args.before}")
            for name, result in zip(names, open_repeatedly(browser, pages, args.repeat)):
                print(f"  {name:<22} open -> ready {result['stable_ms']:6.0f} ms, -> settled (next frame) "
                      f"{result['settled_ms']:6.0f} ms (median of {args.repeat}: {result['all_settled_ms']}), wall "
                      f"{result['wall_s']:.2f} s, search + click {result['select_s']:.2f} s"
                      + (f"; errors: {result['errors'][:3]}" if result["errors"] else ""), flush=True)
            if not args.no_pyvis:
                baseline_path = out_dir / f"baseline-{size}.html"
                baseline_path.write_text(pyvis_baseline_html(graph), encoding="utf-8")
                iterations, settled = open_baseline(browser, baseline_path, args.cap)
                shown = [f"{v:.0f} ms" if v is not None else f"> {args.cap:.0f} s" for v in (iterations, settled)]
                print(f"  {'raw pyvis, physics on':<22} stabilisation iterations done {shown[0]}, settled {shown[1]}",
                      flush=True)
        print(f"load average at the end: {os.getloadavg()[0]:.1f}")
    finally:
        if browser is not None:
            browser.close()
            pw.stop()
        if not args.keep:
            shutil.rmtree(out_dir, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
