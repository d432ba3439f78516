"""The on-disk Oxigraph store (pyoxigraph) the build loads the dataset into.

Minimal version for the build side; the store's read side (queries, messages for a folder that is not a
store) lives with `kg query --store`. Only these two functions are the build's contract."""

from __future__ import annotations

import os
import shutil
from pathlib import Path


def write_store(store_dir: Path, nquads_path: Path) -> None:
    """Replace store_dir by a store bulk-loaded from the N-Quads file: built in a temporary sibling folder,
    then swapped in, so a reader sees the old store or the new one."""
    import pyoxigraph as ox

    store_dir = Path(store_dir)
    store_dir.parent.mkdir(parents=True, exist_ok=True)
    tmp = store_dir.with_name(f".{store_dir.name}.new-{os.getpid()}")
    old = store_dir.with_name(f".{store_dir.name}.old-{os.getpid()}")
    shutil.rmtree(tmp, ignore_errors=True)
    try:
        store = ox.Store(str(tmp))
        store.bulk_load(path=str(nquads_path), format=ox.RdfFormat.N_QUADS)
        store.flush()
        del store
    except BaseException:
        shutil.rmtree(tmp, ignore_errors=True)
        raise
    if store_dir.exists():
        os.replace(store_dir, old)
    os.replace(tmp, store_dir)
    shutil.rmtree(old, ignore_errors=True)


def open_store(store_dir: Path, read_only: bool = True):
    import pyoxigraph as ox

    return ox.Store.read_only(str(store_dir)) if read_only else ox.Store(str(store_dir))
