"""Writing a build's outputs into a folder: kg.ttl (the union), kg.trig and kg.nq (one named graph per
article and the shared graph), graph.html, and the Oxigraph store in store/. Everything is produced
before anything is replaced; the store is swapped in first, then the files, each atomically."""

from __future__ import annotations

import hashlib
import os
import tempfile
import time
from pathlib import Path

from kg import exportcache, progress
from kg.errors import InputError
from kg.export import lines_to_turtle, nquads_to_trig, write_outputs

EXPORT_FILES = ("kg.ttl", "kg.trig", "kg.nq", "graph.html")


def render_outputs(result, quiet: bool = True, cache=None, viewer: bool = True) -> dict[str, bytes | str]:
    """Every export of result. cache (a BuildCache): the viewer of an unchanged union is reused, since
    drawing a large graph takes longer than everything else an unchanged rebuild does."""
    clock = time.perf_counter()

    def lap(name: str) -> None:
        nonlocal clock
        result.timings[name] = time.perf_counter() - clock
        clock = time.perf_counter()

    with progress.step("writing N-Quads", quiet):
        nquads = "".join(result.dataset.nquads_lines()).encode("utf-8")
    lap("nquads")
    # with a cache, only the pieces of the files that changed are serialized again (kg.exportcache)
    with progress.step("writing TriG", quiet):
        trig = exportcache.trig(result.dataset.graphs, cache) if cache is not None else nquads_to_trig(nquads)
    lap("trig")
    with progress.step("writing Turtle", quiet):
        union = result.dataset.union_lines()
        turtle = exportcache.turtle(union, cache) if cache is not None else lines_to_turtle(union)
    lap("turtle")
    files = {"kg.ttl": turtle, "kg.trig": trig, "kg.nq": nquads}
    if viewer:
        with progress.step("writing the viewer", quiet):
            files["graph.html"] = _viewer(result, turtle, cache)
        lap("viewer")
    return files


def _viewer(result, turtle: bytes, cache) -> str:
    from kg.buildcache import digest, source_version

    key = digest("viewer", source_version("viewer", "namespaces.py"), hashlib.sha256(turtle).hexdigest())
    html = cache.get("viewer", key) if cache is not None else None
    if html is None:
        # imported only when drawing: it loads networkx and numpy
        from kg.viewer import render_html

        html = render_html(result.graph)
        if cache is not None:
            cache.put("viewer", key, html)
    return html


def _check_replaceable(store_dir: Path) -> None:
    """Never delete a folder the build did not make: an existing store must be an Oxigraph (RocksDB) store."""
    if store_dir.exists() and not (store_dir.is_dir() and (store_dir / "CURRENT").is_file()):
        raise InputError("exists and is not an Oxigraph store made by kg build; move it away or choose another "
                         "--store (or pass --no-store)", store_dir)


def _clear_leftovers(out_dir: Path, store_dir: Path | None) -> None:
    """What a build killed while writing left behind: its staged files and half-built or old stores. Only
    called under the output lock, so no running build owns them."""
    import shutil

    for name in (*EXPORT_FILES, "kg.nq"):
        for leftover in out_dir.glob(f".{name}.*.tmp"):
            leftover.unlink(missing_ok=True)
    if store_dir is not None and store_dir.parent.is_dir():
        for leftover in (*store_dir.parent.glob(f".{store_dir.name}.new-*"), *store_dir.parent.glob(f".{store_dir.name}.old-*")):
            shutil.rmtree(leftover, ignore_errors=True)


def publish(result, out_dir: Path, store_dir: Path | None = None, quiet: bool = True, cache=None,
            viewer: bool = True) -> list[Path]:
    """Write the outputs of result into out_dir, and load them into the store store_dir unless it is None
    (the caller holds the output lock); returns what was written."""
    if out_dir.is_dir():
        _clear_leftovers(out_dir, store_dir)
    if store_dir is not None:
        _check_replaceable(store_dir)
    files = render_outputs(result, quiet, cache, viewer)
    out_dir.mkdir(parents=True, exist_ok=True)
    written = [out_dir / name for name in files]
    if store_dir is not None:
        from kg.dataset import SHARED_GRAPH
        from kg.storeupdate import load_store

        fd, staged = tempfile.mkstemp(prefix=".kg.nq.", suffix=".tmp", dir=out_dir)
        try:
            with os.fdopen(fd, "wb") as handle:
                handle.write(files["kg.nq"])
            with progress.step("loading the store", quiet):
                started = time.perf_counter()
                store_dir.parent.mkdir(parents=True, exist_ok=True)
                # only the changed graphs when the store's manifest allows (kg.storeupdate)
                how = load_store(store_dir, result.dataset.graphs, str(SHARED_GRAPH), Path(staged))
                result.timings[f"store ({how})"] = time.perf_counter() - started
        finally:
            Path(staged).unlink(missing_ok=True)
        written.append(store_dir)
    write_outputs(out_dir, files)
    if not viewer:  # a viewer of an older build would no longer match the exports beside it
        (out_dir / "graph.html").unlink(missing_ok=True)
    return written
