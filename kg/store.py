"""The on-disk Oxigraph store (pyoxigraph): written whole and swapped in atomically, opened read-only.

A store is a folder Oxigraph (RocksDB) made: it has CURRENT and IDENTITY files. SPARQL over it treats the
union of the named graphs (and the default graph) as the default graph, so a question answers the same
over the store as over the Turtle file that holds the same triples."""

from __future__ import annotations

import ctypes
import ctypes.util
import fcntl
import os
import shutil
import tempfile
from pathlib import Path

from kg.errors import InputError

STORE_FILES = ("CURRENT", "IDENTITY")
# Paths this process holds open read-write: probing their LOCK file would release RocksDB's POSIX lock.
_OPEN_FOR_WRITING: set[Path] = set()


def is_store(folder: Path) -> bool:
    return folder.is_dir() and all((folder / name).is_file() for name in STORE_FILES)


def _is_empty_folder(folder: Path) -> bool:
    return folder.is_dir() and not any(folder.iterdir())


def _locked_by_another_process(folder: Path) -> bool:
    lock = folder / "LOCK"
    if folder.resolve() in _OPEN_FOR_WRITING or not lock.exists():
        return False
    fd = os.open(lock, os.O_RDONLY)
    try:
        fcntl.lockf(fd, fcntl.LOCK_SH | fcntl.LOCK_NB)
    except OSError:
        return True
    finally:
        os.close(fd)
    return False


def open_store(store_dir: Path | str, read_only: bool = True):
    """The pyoxigraph Store in store_dir. A folder that is not a store, or a store another process holds
    open for writing, is an InputError; neither is touched."""
    import pyoxigraph

    folder = Path(store_dir)
    if not folder.exists():
        raise InputError("no such store; run `kg build` first, or name one with --store", folder)
    if not is_store(folder):
        raise InputError("not a kg store (an Oxigraph folder has CURRENT and IDENTITY files)", folder)
    if _locked_by_another_process(folder):
        raise InputError("the store is locked by another process (a build or a server writing to it); "
                         "wait for it to finish or stop it", folder)
    try:
        if read_only:
            return pyoxigraph.Store.read_only(str(folder))
        store = pyoxigraph.Store(str(folder))
    except OSError as exc:
        reason = "locked by another process" if "lock" in str(exc).lower() else "cannot be opened"
        raise InputError(f"the store {reason}: {str(exc).splitlines()[0][:200]}", folder) from None
    _OPEN_FOR_WRITING.add(folder.resolve())
    return store


def _load_into(folder: Path, nquads_path: Path) -> None:
    import pyoxigraph

    store = pyoxigraph.Store(str(folder))
    try:
        store.bulk_load(path=str(nquads_path), format=pyoxigraph.RdfFormat.N_QUADS)
        store.flush()
    except SyntaxError as exc:
        raise InputError(f"not valid N-Quads: {exc}", nquads_path) from None
    finally:
        del store  # closes RocksDB before the folder is moved


def _exchange(a: Path, b: Path) -> bool:
    """Swap two paths in one step (Linux renameat2 RENAME_EXCHANGE); False where the system cannot."""
    libc = ctypes.CDLL(ctypes.util.find_library("c"), use_errno=True)
    renameat2 = getattr(libc, "renameat2", None)
    if renameat2 is None:
        return False
    at_fdcwd, rename_exchange = -100, 2
    return renameat2(at_fdcwd, os.fsencode(a), at_fdcwd, os.fsencode(b), rename_exchange) == 0


def _swap_in(new: Path, store_dir: Path) -> None:
    if not store_dir.exists():
        os.rename(new, store_dir)
        return
    if not _exchange(new, store_dir):
        # Two renames: a reader in between finds no store and answers from the exports instead.
        old = Path(tempfile.mkdtemp(prefix=f".{store_dir.name}.old-", dir=store_dir.parent))
        os.rename(store_dir, old / "store")
        os.rename(new, store_dir)
        new = old
    shutil.rmtree(new, ignore_errors=True)


def write_store(store_dir: Path | str, nquads_path: Path | str, finish=None) -> None:
    """Load an N-Quads file into store_dir: into a temporary sibling folder first, then swapped in, so a
    reader sees the old store or the new one, never a half-loaded one. A folder that exists and is not a
    store (an empty folder aside) is refused and left as it is. finish(folder), if given, runs on the
    loaded store's folder before it is swapped in (kg.storeupdate writes its manifest there)."""
    store_dir, nquads_path = Path(store_dir), Path(nquads_path)
    if store_dir.exists() and not (is_store(store_dir) or _is_empty_folder(store_dir)):
        raise InputError("exists and is not a kg store; refusing to replace it (remove it or choose another --out)",
                         store_dir)
    if not nquads_path.is_file():
        raise InputError("no such N-Quads file", nquads_path)
    if store_dir.exists() and _locked_by_another_process(store_dir):
        raise InputError("the store is locked by another process; not replaced", store_dir)
    store_dir.parent.mkdir(parents=True, exist_ok=True)
    new = Path(tempfile.mkdtemp(prefix=f".{store_dir.name}.new-", dir=store_dir.parent))
    try:
        _load_into(new, nquads_path)
        if finish is not None:
            finish(new)
        _swap_in(new, store_dir)
    except BaseException:
        shutil.rmtree(new, ignore_errors=True)
        raise


def query(store, text: str):
    """SPARQL over an open store, the union of its graphs as the default graph and guarded as `kg query` is
    (no SERVICE, no update, no remote FROM): a kg.query.Answer (kind, columns, rows of text)."""
    from kg.query import run_query

    return run_query(store, text)
