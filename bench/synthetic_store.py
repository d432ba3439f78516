"""A synthetic corpus graph for the store benchmarks: the seed and the golden graph, replicated with fresh
IRIs (every IRI under https://w3id.org/dipkg/id/ gets a copy suffix, labels too) until it holds about the
number of triples asked for, each copy's articles in their own named graphs. Written as N-Quads."""

from __future__ import annotations

import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))

ID = "https://w3id.org/dipkg/id/"
_IRI = re.compile(r"<https://w3id\.org/dipkg/(id|graph)/([^>#]+)(#[^>]*)?>")
_LABEL = re.compile(r'(<http://www\.w3\.org/2004/02/skos/core#(?:prefLabel|altLabel)> ")((?:[^"\\]|\\.)*)(")')


def template_lines() -> list[str]:
    """N-Quads lines of the seed and golden graphs, with per-article named graphs."""
    from rdflib import Graph
    from store_support import article_graphs

    from kg.pipeline import build
    from kg.sources import graph_to_nquads

    seed = build([ROOT / "seeds"]).graph
    golden = Graph().parse(ROOT / "tests" / "data" / "golden" / "all-fact-types.expected.ttl")
    lines = []
    for graph in (seed, golden):
        lines += [line for line in graph_to_nquads(graph, article_graphs(graph)).splitlines() if line.strip()]
    return sorted(set(lines))


def write_synthetic(path: Path, triples: int) -> int:
    """Write about `triples` quads to path; returns the number of copies made."""
    lines = template_lines()
    copies = max(1, round(triples / len(lines)))
    with path.open("w", encoding="utf-8") as out:
        for i in range(copies):
            suffix = f"-c{i}"
            for line in lines:
                line = _IRI.sub(lambda m, s=suffix: f"<https://w3id.org/dipkg/{m.group(1)}/{m.group(2)}{s}{m.group(3) or ''}>",
                                line)
                line = _LABEL.sub(lambda m, i=i: f"{m.group(1)}{m.group(2)} {i}{m.group(3)}", line)
                out.write(line + "\n")
    return copies
