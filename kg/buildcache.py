"""The build cache: what an article's extraction and mapping produced, keyed by everything it depends on.

Entries are pickles under DIR/<kind>/<2 hex>/<key>.pickle, each written to a temporary file and renamed
into place, so a build killed at any moment (even by SIGKILL) leaves whole entries or none: the next
build reuses the whole ones and redoes the rest. An entry that cannot be read is treated as missing."""

from __future__ import annotations

import hashlib
import json
import os
import pickle
import tempfile
from functools import cache
from importlib import metadata
from pathlib import Path

import kg

DEFAULT_CACHE = Path(".kg") / "cache"
_PACKAGE = Path(kg.__file__).resolve().parent


def digest(*parts) -> str:
    """A stable hex digest of JSON-able parts (dicts with sorted keys)."""
    text = json.dumps(parts, sort_keys=True, ensure_ascii=False, default=str)
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def file_digest(path: Path) -> str:
    return hashlib.sha256(Path(path).read_bytes()).hexdigest()


@cache
def source_version(*names: str) -> str:
    """The package version and a digest of the named source files or folders (under kg/): a cache entry
    made by other code is never reused."""
    h = hashlib.sha256(kg.__version__.encode())
    for name in names:
        target = _PACKAGE / name
        files = sorted(p for p in target.rglob("*") if p.is_file() and p.suffix != ".pyc") if target.is_dir() else [target]
        for path in files:
            h.update(str(path.relative_to(_PACKAGE)).encode())
            h.update(path.read_bytes())
    return h.hexdigest()


@cache
def model_version(name: str) -> str:
    """The installed spaCy model package's version (the model's weights are part of what extraction is)."""
    for dist in (name, name.replace("_", "-")):
        try:
            return metadata.version(dist)
        except metadata.PackageNotFoundError:
            continue
    return "unknown"


class BuildCache:
    """Get and put pickled values by (kind, key); a cache built with folder=None stores nothing."""

    def __init__(self, folder: Path | str | None):
        self.folder = Path(folder) if folder is not None else None
        self.hits = 0
        self.misses = 0

    def _path(self, kind: str, key: str) -> Path:
        return self.folder / kind / key[:2] / f"{key}.pickle"

    def get(self, kind: str, key: str, count: bool = True):
        """The value, or None. count=False leaves hits and misses alone (they count articles' entries)."""
        if self.folder is None:
            self.misses += count
            return None
        try:
            with open(self._path(kind, key), "rb") as handle:
                value = pickle.load(handle)
        except Exception:  # noqa: BLE001 -- missing, or written by an incompatible version: build it again
            self.misses += count
            return None
        self.hits += count
        return value

    def put(self, kind: str, key: str, value) -> None:
        if self.folder is None:
            return
        path = self._path(kind, key)
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=".", suffix=".tmp", dir=path.parent)
        try:
            with os.fdopen(fd, "wb") as handle:
                # no fsync: a killed process loses nothing written (the rename is atomic); fsync per entry
                # would cost more than the entry, and a lost entry after a power cut is merely rebuilt
                pickle.dump(value, handle, protocol=pickle.HIGHEST_PROTOCOL)
            os.replace(tmp, path)
        except BaseException:
            Path(tmp).unlink(missing_ok=True)
            raise
