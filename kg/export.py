"""Writing exports: deterministic Turtle, TriG and N-Quads, and an all-or-nothing write of the output folder.

The writers sort the triples (quads: by graph first) as N-Triples lines and hand them, in that order, to
Oxigraph's serializer (pyoxigraph), which groups each subject's triples under the project's prefixes:
equal graphs give equal bytes, and a million triples take seconds rather than rdflib's minute."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

from rdflib import Graph

from kg.errors import InputError
from kg.namespaces import FOLDER_PREFIXES, ID, PREFIXES


def export_prefixes() -> dict[str, str]:
    prefixes = {name: str(ns) for name, ns in PREFIXES.items()}
    prefixes.update({name: str(ID[folder]) for name, folder in FOLDER_PREFIXES.items()})
    prefixes["graph"] = str(ID["graph/article/"])  # graph:<article> is that article's named graph
    prefixes["graphs"] = str(ID["graph/"])  # graphs:shared
    return prefixes


def _serialize(data: bytes, source_format: str, target_format: str) -> bytes:
    import pyoxigraph as ox

    formats = {"nt": ox.RdfFormat.N_TRIPLES, "nq": ox.RdfFormat.N_QUADS, "ttl": ox.RdfFormat.TURTLE,
               "trig": ox.RdfFormat.TRIG}
    parsed = ox.parse(data, format=formats[source_format])
    return _sorted_header(ox.serialize(parsed, format=formats[target_format], prefixes=export_prefixes()))


def _sorted_header(text: bytes) -> bytes:
    """The @prefix lines in a fixed order (the serializer keeps them in a hash map)."""
    lines = text.split(b"\n")
    n = next((i for i, line in enumerate(lines) if not line.startswith(b"@prefix ")), len(lines))
    return b"\n".join(sorted(lines[:n]) + lines[n:])


def lines_to_turtle(sorted_lines: list[str]) -> bytes:
    """Turtle of a graph given as sorted N-Triples lines."""
    return _serialize("".join(sorted_lines).encode("utf-8"), "nt", "ttl")


def nquads_to_trig(nquads: bytes) -> bytes:
    """TriG of N-Quads ordered by graph (one block per named graph)."""
    return _serialize(nquads, "nq", "trig")


def to_turtle(graph: Graph) -> str:
    """Turtle of an rdflib graph, the same bytes whatever order its triples were added in."""
    from kg.buildtasks import nt_lines

    return lines_to_turtle(nt_lines(graph)).decode("utf-8")


def _stage(folder: Path, name: str, content: str | bytes) -> Path:
    """Write content to a hidden temporary file beside its final name."""
    fd, tmp = tempfile.mkstemp(prefix=f".{name}.", suffix=".tmp", dir=folder)
    data = content.encode("utf-8") if isinstance(content, str) else content
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(tmp, 0o644)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return Path(tmp)


def write_outputs(out_dir: Path, files: dict[str, str | bytes]) -> None:
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
