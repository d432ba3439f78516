"""Turtle and TriG exports written in proportion to what changed, byte for byte as kg.export writes them.

Oxigraph's serializer, given sorted triples, writes the @prefix header and then one block per subject
(per graph in TriG) that depends on nothing before it: so the file is the header followed by the
serializations of consecutive pieces, cut between subjects (Turtle) or between graphs (TriG). The pieces
are cut where the content says (a subject whose checksum ends in six zero bits starts a new piece), so a
change moves only the pieces it touches; each piece's bytes are kept in the build cache by a digest of
its lines, and a rebuild serializes only the pieces it has not seen."""

from __future__ import annotations

import hashlib
import zlib

from kg.export import _serialize

_CUT_MASK = 0x3F  # about one piece per 64 subjects


def _digest(lines: list[str]) -> str:
    h = hashlib.sha1()
    for line in lines:
        h.update(line.encode("utf-8"))
    return h.hexdigest()


def _split_header(text: bytes) -> tuple[bytes, bytes]:
    lines = text.split(b"\n")
    n = next((i for i, line in enumerate(lines) if not line.startswith(b"@prefix ")), len(lines))
    return b"\n".join(lines[:n]), b"\n".join(lines[n:])


def _turtle_pieces(sorted_lines: list[str]) -> list[list[str]]:
    pieces, current, subject = [], [], None
    for line in sorted_lines:
        this = line[: line.index(" ")]
        if this != subject:
            if current and (zlib.crc32(this.encode("utf-8")) & _CUT_MASK) == 0:
                pieces.append(current)
                current = []
            subject = this
        current.append(line)
    if current:
        pieces.append(current)
    return pieces


def _assemble(pieces: list[list[str]], source: str, target: str, known: dict[str, bytes]) -> tuple[bytes, dict]:
    """The header and every piece's body (from known, else serialized); the bodies of this build."""
    header, bodies, used = None, [], {}
    for piece in pieces:
        key = _digest(piece)
        body = known.get(key)
        if body is None or header is None:
            piece_header, body = _split_header(_serialize("".join(piece).encode("utf-8"), source, target))
            if header is None:
                header = piece_header
        used[key] = body
        bodies.append(body)
    return header + b"\n" + b"".join(bodies), used


def _cached(cache, name: str, pieces: list[list[str]], source: str, target: str) -> bytes:
    import pyoxigraph

    from kg.buildcache import digest, source_version

    key = digest(name, source_version("export.py", "exportcache.py", "namespaces.py"), pyoxigraph.__version__)
    known = cache.get("export", key, count=False) or {}
    text, used = _assemble(pieces, source, target, known)
    if used.keys() != known.keys():
        cache.put("export", key, used)  # this build's pieces only: the entry does not grow
    return text


def turtle(sorted_lines: list[str], cache) -> bytes:
    """kg.export.lines_to_turtle(sorted_lines), serializing only the pieces the cache does not hold."""
    from kg.export import lines_to_turtle

    if not sorted_lines or cache is None or cache.folder is None:
        return lines_to_turtle(sorted_lines)
    return _cached(cache, "turtle-pieces", _turtle_pieces(sorted_lines), "nt", "ttl")


def trig(graphs: dict[str, list[str]], cache) -> bytes:
    """kg.export.nquads_to_trig of the graphs' N-Quads (ordered by graph), one piece per graph."""
    from kg.export import nquads_to_trig

    pieces = []
    for name in sorted(graphs):
        suffix = f" <{name}> .\n"
        pieces.append([line[:-3] + suffix for line in graphs[name]])  # every line ends with " .\n"
    pieces = [piece for piece in pieces if piece]
    if not pieces or cache is None or cache.folder is None:
        return nquads_to_trig("".join(line for piece in pieces for line in piece).encode("utf-8"))
    return _cached(cache, "trig-pieces", pieces, "nq", "trig")
