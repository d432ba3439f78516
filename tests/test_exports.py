"""Exports are deterministic, and the committed exports/ is what `kg build` produces now."""

from __future__ import annotations

import filecmp

from conftest import REPO


def test_two_builds_are_byte_identical(kg, tmp_path):
    # Separate processes: hash randomisation and set ordering differ between them.
    for name in ("one", "two"):
        result = kg("build", "--out", str(tmp_path / name), "--no-cache", "--store", str(tmp_path / f"{name}.store"),
                    env={"PYTHONHASHSEED": "random"})
        assert result.returncode == 0, result.stderr
    for file in ("kg.ttl", "kg.trig", "kg.nq", "graph.html"):
        assert filecmp.cmp(tmp_path / "one" / file, tmp_path / "two" / file, shallow=False), file


def test_committed_exports_are_up_to_date(kg, tmp_path):
    fresh = tmp_path / "fresh"
    result = kg("build", "--out", str(fresh), "--store", str(tmp_path / "store"))
    assert result.returncode == 0, result.stderr
    # the whole folder, both ways: nothing in exports/ that a build does not write byte for byte (the store,
    # a database whose files differ between builds, lives in .kg/, not here)
    built = sorted(str(p.relative_to(fresh)) for p in fresh.rglob("*"))
    committed = sorted(str(p.relative_to(REPO / "exports")) for p in (REPO / "exports").rglob("*"))
    assert built == committed, "exports/ does not hold exactly what `kg build` writes: run it and commit exports/"
    for name in built:
        assert filecmp.cmp(fresh / name, REPO / "exports" / name, shallow=False), (
            f"exports/{name} is stale: run `kg build` and commit exports/"
        )


def test_export_parses_back_to_the_same_graph(seed_graph):
    from rdflib import Graph
    from rdflib.compare import isomorphic

    from kg.export import to_turtle

    assert isomorphic(Graph().parse(data=to_turtle(seed_graph), format="turtle"), seed_graph)


def test_kg_view_of_the_export_equals_the_built_viewer(kg, tmp_path):
    result = kg("view", "--data", str(REPO / "exports" / "kg.ttl"), "--out", str(tmp_path / "graph.html"))
    assert result.returncode == 0, result.stderr
    assert filecmp.cmp(tmp_path / "graph.html", REPO / "exports" / "graph.html", shallow=False)
