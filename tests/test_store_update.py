"""The store after an incremental build holds exactly what a full load of the same build holds: a changed
article's graph replaced, a deleted one's removed, the shared graph's changed lines edited; and anything
the manifest cannot vouch for loads the whole store."""

from __future__ import annotations

import json

import pyoxigraph
from corpus_support import SECOND, SECOND_FACTS, two_article_corpus

import kg as kg_api
from kg.dataset import SHARED_GRAPH, article_graph_iri
from kg.storeupdate import MANIFEST, load_store


def _quads(folder) -> set[str]:
    store = pyoxigraph.Store.read_only(str(folder))
    return {str(q) for q in store.quads_for_pattern(None, None, None, None)}


def _expected(result) -> set[str]:
    """The build's quads as a fresh Oxigraph store holds them (integer subtypes stored as xsd:integer)."""
    store = pyoxigraph.Store()
    store.load("".join(result.dataset.nquads_lines()), format=pyoxigraph.RdfFormat.N_QUADS)
    return {str(q) for q in store.quads_for_pattern(None, None, None, None)}


def test_an_incremental_build_leaves_the_store_a_full_load_would(tmp_path):
    corpus, store, out = two_article_corpus(tmp_path), tmp_path / "store", tmp_path / "out"
    first = kg_api.build([corpus], out=out, jobs=1, cache=tmp_path / "cache", store=store)
    assert "store (full)" in first.timings and _quads(store) == _expected(first)

    # one article changes: its graph and the shared graph's confidence lines change
    (corpus / "second.facts.yaml").write_text(
        SECOND_FACTS.replace("    participants", "    date: 2020-11-23\n    participants"), encoding="utf-8")
    changed = kg_api.build([corpus], out=out, jobs=1, cache=tmp_path / "cache", store=store)
    assert "store (incremental)" in changed.timings
    assert _quads(store) == _expected(changed)

    # an article is deleted: its graph and the entities only it mentioned leave the store
    (corpus / "second.txt").unlink()
    (corpus / "second.facts.yaml").unlink()
    deleted = kg_api.build([corpus], out=out, jobs=1, cache=tmp_path / "cache", store=store)
    assert "store (incremental)" in deleted.timings
    assert _quads(store) == _expected(deleted)
    assert str(article_graph_iri("second")) not in {g.value for g in pyoxigraph.Store.read_only(str(store)).named_graphs()}

    # and a new article is added
    (corpus / "second.txt").write_text(SECOND, encoding="utf-8")
    (corpus / "second.facts.yaml").write_text(SECOND_FACTS, encoding="utf-8")
    added = kg_api.build([corpus], out=out, jobs=1, cache=tmp_path / "cache", store=store)
    assert "store (incremental)" in added.timings
    assert _quads(store) == _expected(added) == _expected(first)
    leftovers = [p.name for p in tmp_path.iterdir() if p.name.startswith(".store.")]
    assert leftovers == []


def test_a_store_the_manifest_does_not_describe_is_loaded_whole(tmp_path):
    corpus, store, out = two_article_corpus(tmp_path), tmp_path / "store", tmp_path / "out"
    result = kg_api.build([corpus], out=out, jobs=1, cache=None, store=store)
    nquads = out / "kg.nq"
    graphs, shared = result.dataset.graphs, str(SHARED_GRAPH)

    manifest = json.loads((store / MANIFEST).read_text(encoding="utf-8"))
    manifest["graphs"][shared] = "0" * 64  # the shared lines kept beside it no longer match
    (store / MANIFEST).write_text(json.dumps(manifest), encoding="utf-8")
    assert load_store(store, graphs, shared, nquads) == "full"
    assert _quads(store) == _expected(result)

    (store / MANIFEST).write_text("{not json", encoding="utf-8")
    assert load_store(store, graphs, shared, nquads) == "full"
    (store / MANIFEST).unlink()
    assert load_store(store, graphs, shared, nquads) == "full"
    assert load_store(store, graphs, shared, nquads) == "incremental"  # nothing changed: no edit at all
    assert _quads(store) == _expected(result)
