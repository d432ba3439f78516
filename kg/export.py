"""Writing exports: deterministic Turtle, and an all-or-nothing write of the output folder."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

from rdflib import Graph

from kg.namespaces import bind_prefixes


def to_turtle(graph: Graph) -> str:
    """Turtle with fixed prefixes; rdflib sorts subjects and predicates, so equal graphs give equal bytes."""
    out = Graph()
    bind_prefixes(out)
    for triple in graph:
        out.add(triple)
    return out.serialize(format="turtle")


def write_outputs(out_dir: Path, files: dict[str, str]) -> None:
    """Write every file to a temporary name first, then move them into place, so a failure while
    producing any output leaves the folder as it was."""
    out_dir.mkdir(parents=True, exist_ok=True)
    staged: list[tuple[str, Path]] = []
    try:
        for name, content in files.items():
            fd, tmp = tempfile.mkstemp(prefix=f".{name}.", dir=out_dir)
            with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as handle:
                handle.write(content)
            staged.append((tmp, out_dir / name))
    except BaseException:
        for tmp, _ in staged:
            Path(tmp).unlink(missing_ok=True)
        raise
    for tmp, final in staged:
        os.chmod(tmp, 0o644)
        os.replace(tmp, final)
