"""Turtle and TriG written piece by piece from the cache (kg.exportcache) are byte for byte what the
whole-file writers give, on a first build, a rebuild, and after one graph changed."""

from __future__ import annotations

import re

from kg.buildcache import BuildCache
from kg.export import lines_to_turtle, nquads_to_trig
from kg.exportcache import _turtle_pieces, trig, turtle

_RENAMED = re.compile(r"(https://w3id\.org/dipkg/id/(?:graph/)?[a-z]+/)")


def _corpus_graphs(seed_build, copies: int = 30) -> dict[str, list[str]]:
    """The seed's graphs copied under renamed IRIs: many subjects, so many pieces."""
    graphs: dict[str, set[str]] = {}
    for k in range(copies):
        for name, lines in seed_build.dataset.graphs.items():
            target = _RENAMED.sub(rf"\g<1>r{k}-", name)
            graphs.setdefault(target, set()).update(_RENAMED.sub(rf"\g<1>r{k}-", line) for line in lines)
    return {name: sorted(lines) for name, lines in graphs.items()}


def _nquads(graphs) -> bytes:
    return "".join(line[:-3] + f" <{name}> .\n" for name in sorted(graphs) for line in graphs[name]).encode()


def _union(graphs) -> list[str]:
    return sorted({line for lines in graphs.values() for line in lines})


def test_pieces_give_the_same_bytes_cold_warm_and_after_a_change(seed_build, tmp_path):
    graphs = _corpus_graphs(seed_build)
    assert len(_turtle_pieces(_union(graphs))) > 5
    cache = BuildCache(tmp_path / "cache")
    for _ in range(2):  # the first run fills the cache, the second reads it
        assert turtle(_union(graphs), cache) == lines_to_turtle(_union(graphs))
        assert trig(graphs, cache) == nquads_to_trig(_nquads(graphs))
    changed = dict(graphs)
    name = next(n for n in sorted(changed) if any('"@en' in line for line in changed[n]))
    first = next(line for line in changed[name] if '"@en' in line)
    changed[name] = sorted({*changed[name]} - {first} | {first.replace('"@en', ' (changed)"@en')})
    del changed[sorted(changed)[5]]
    assert _union(changed) != _union(graphs)
    assert turtle(_union(changed), cache) == lines_to_turtle(_union(changed))
    assert trig(changed, cache) == nquads_to_trig(_nquads(changed))


def test_without_a_cache_the_whole_file_writers_are_used(seed_build):
    graphs = seed_build.dataset.graphs
    assert turtle(_union(graphs), None) == lines_to_turtle(_union(graphs))
    assert trig(graphs, BuildCache(None)) == nquads_to_trig(_nquads(graphs))
