"""Loading a build into the store in proportion to what changed.

A store written by a build carries a manifest (kg-graphs.json, inside the store folder, so it is swapped
in and out with the store): the digest of every named graph's sorted N-Triples lines, and a copy of the
shared graph's lines (kg-shared.nt). The next build compares its graphs with the manifest: when few
triples changed, it copies the store with hard links (Oxigraph's backup: RocksDB files never change once
written), replaces in the copy each changed article's graph and only the changed lines of the shared
graph, and swaps the copy in as write_store swaps in a new store. A reader sees the old store or the new,
as before. Anything unexpected (no manifest, an unreadable one, many changes) loads the whole store."""

from __future__ import annotations

import hashlib
import json
import shutil
import tempfile
from pathlib import Path

from kg.store import _locked_by_another_process, _swap_in, is_store, write_store

MANIFEST = "kg-graphs.json"
SHARED_LINES = "kg-shared.nt"
# Past this share of the triples changed, a bulk load of everything is as quick as the edits.
INCREMENTAL_SHARE = 0.2


def graph_digest(lines: list[str]) -> str:
    h = hashlib.sha256()
    for line in lines:
        h.update(line.encode("utf-8"))
    return h.hexdigest()


def _write_manifest(folder: Path, digests: dict[str, str], shared: str, shared_lines: list[str]) -> None:
    (folder / SHARED_LINES).write_text("".join(shared_lines), encoding="utf-8")
    (folder / MANIFEST).write_text(json.dumps({"graphs": digests, "shared": shared}, sort_keys=True),
                                   encoding="utf-8")


def _read_manifest(store_dir: Path, shared: str) -> tuple[dict[str, str], list[str]] | None:
    """(digest per graph, the shared graph's lines) of the store as the last build left it, or None."""
    try:
        manifest = json.loads((store_dir / MANIFEST).read_text(encoding="utf-8"))
        digests, old_shared = manifest["graphs"], manifest["shared"]
        lines = (store_dir / SHARED_LINES).read_text(encoding="utf-8").splitlines(keepends=True)
    except (OSError, ValueError, KeyError, TypeError):
        return None
    if old_shared != shared or not isinstance(digests, dict) or graph_digest(lines) != digests.get(shared):
        return None
    return digests, lines


def load_store(store_dir: Path, graphs: dict[str, list[str]], shared: str, nquads_path: Path) -> str:
    """Make store_dir hold exactly graphs (graph IRI -> sorted N-Triples lines; shared names the shared
    graph), whose N-Quads are in nquads_path. Returns how: "incremental" or "full"."""
    store_dir = Path(store_dir)
    digests = {name: graph_digest(lines) for name, lines in graphs.items()}
    previous = _read_manifest(store_dir, shared) if is_store(store_dir) else None
    if previous is not None and not _locked_by_another_process(store_dir):
        old_digests, old_shared_lines = previous
        changed = sorted(name for name, digest in digests.items() if old_digests.get(name) != digest)
        removed = sorted(set(old_digests) - set(digests))
        edited = sum(len(graphs[name]) for name in changed if name != shared)
        if edited <= INCREMENTAL_SHARE * sum(len(lines) for lines in graphs.values()):
            _edit_copy(store_dir, graphs, shared, changed, removed, old_shared_lines, digests, set(old_digests))
            return "incremental"
    write_store(store_dir, nquads_path,
                finish=lambda folder: _write_manifest(folder, digests, shared, graphs.get(shared, [])))
    return "full"


def _edit_copy(store_dir: Path, graphs: dict[str, list[str]], shared: str, changed: list[str],
               removed: list[str], old_shared_lines: list[str], digests: dict[str, str],
               old_graphs: set[str]) -> None:
    import pyoxigraph

    holder = Path(tempfile.mkdtemp(prefix=f".{store_dir.name}.new-", dir=store_dir.parent))
    copy = holder / "store"
    try:
        pyoxigraph.Store.read_only(str(store_dir)).backup(str(copy))  # hard links: no data copied
        store = pyoxigraph.Store(str(copy))
        for name in sorted(({*changed} & old_graphs | {*removed}) - {shared}):
            store.remove_graph(pyoxigraph.NamedNode(name))
        added = [line for name in changed if name != shared for line in _as_quads(graphs[name], name)]
        if shared in changed:
            old, new = set(old_shared_lines), set(graphs[shared])
            for quad in pyoxigraph.parse("".join(_as_quads(sorted(old - new), shared)),
                                         format=pyoxigraph.RdfFormat.N_QUADS):
                store.remove(quad)
            added += _as_quads(sorted(new - old), shared)
        if added:
            store.load("".join(added), format=pyoxigraph.RdfFormat.N_QUADS)
        store.flush()
        del store  # closes RocksDB before the folder is moved
        _write_manifest(copy, digests, shared, graphs.get(shared, []))
        _swap_in(copy, store_dir)
    finally:
        shutil.rmtree(holder, ignore_errors=True)


def _as_quads(lines: list[str], graph: str) -> list[str]:
    suffix = f" <{graph}> .\n"
    return [line[:-3] + suffix for line in lines]  # every N-Triples line ends with " .\n"
