"""Writing exports: deterministic Turtle, and an all-or-nothing write of the output folder."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

from rdflib import Graph

from kg.errors import InputError

from kg.namespaces import bind_prefixes


def to_turtle(graph: Graph) -> str:
    """Turtle with fixed prefixes; rdflib sorts subjects and predicates, so equal graphs give equal bytes."""
    out = Graph()
    bind_prefixes(out)
    for triple in graph:
        out.add(triple)
    return out.serialize(format="turtle")


def _stage(folder: Path, name: str, content: str) -> Path:
    """Write content to a hidden temporary file beside its final name."""
    fd, tmp = tempfile.mkstemp(prefix=f".{name}.", suffix=".tmp", dir=folder)
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as handle:
            handle.write(content)
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(tmp, 0o644)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return Path(tmp)


def write_outputs(out_dir: Path, files: dict[str, str]) -> None:
    """Write every file to a temporary name first, then move them into place, so a failure while
    producing any output leaves the folder as it was."""
    out_dir.mkdir(parents=True, exist_ok=True)
    staged: list[tuple[Path, Path]] = []
    try:
        for name, content in files.items():
            staged.append((_stage(out_dir, name, content), out_dir / name))
    except BaseException:
        for tmp, _ in staged:
            tmp.unlink(missing_ok=True)
        raise
    for tmp, final in staged:
        os.replace(tmp, final)


def write_text_atomic(path: Path, text: str) -> None:
    """One file, never half-written: a reader sees the old content or the new, nothing between."""
    folder = path.parent if str(path.parent) else Path(".")
    if not folder.is_dir():
        raise InputError("output folder does not exist", folder)
    os.replace(_stage(folder, path.name, text), path)
