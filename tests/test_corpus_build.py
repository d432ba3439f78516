"""Corpora: one named graph per article plus a shared graph, incremental rebuilds, per-article SHACL,
bad articles left out, the store, the lock, the Python API."""

from __future__ import annotations

import subprocess
import sys
import time

import pytest
from conftest import REPO, SEED_ARTICLE, SEEDS
from corpus_support import SECOND, SECOND_FACTS, two_article_corpus
from rdflib import Dataset, Graph, Literal, URIRef
from rdflib.compare import isomorphic
from rdflib.namespace import XSD

from kg.dataset import SHARED_GRAPH, article_graph_iri
from kg.pipeline import build

SONG_TAO = URIRef("https://w3id.org/dipkg/id/person/song-tao")



@pytest.fixture
def corpus(tmp_path):
    return two_article_corpus(tmp_path)


def _graphs(result) -> dict[str, list[str]]:
    return result.dataset.graphs


def test_one_named_graph_per_article_and_one_shared_graph(corpus):
    result = build([corpus])
    names = set(_graphs(result))
    assert names == {str(SHARED_GRAPH), str(article_graph_iri("second")),
                     str(article_graph_iri("hilal-i-pakistan-song-tao-2020"))}
    # one person, one node: Song Tao's labels are in the shared graph once, his aliases pooled
    shared = Graph().parse(data="".join(_graphs(result)[str(SHARED_GRAPH)]), format="nt")
    assert len(list(shared.objects(SONG_TAO, URIRef("http://www.w3.org/2004/02/skos/core#prefLabel")))) == 1
    assert "Mr. Song" in {str(o) for o in shared.objects(SONG_TAO, URIRef("http://www.w3.org/2004/02/skos/core#altLabel"))}
    # each article's facts are in its own graph
    second = "".join(_graphs(result)[str(article_graph_iri("second"))])
    assert "Lin Feng" not in "".join(_graphs(result)[str(article_graph_iri("hilal-i-pakistan-song-tao-2020"))])
    assert "dipkg/ontology#Meeting" in second
    # the union is the default graph of the dataset
    dataset = result.rdf_dataset
    assert len(dataset.graph(URIRef(str(article_graph_iri("second"))))) == len(_graphs(result)[str(article_graph_iri("second"))])


def test_changing_an_article_replaces_exactly_its_graph_and_deleting_removes_what_only_it_said(corpus):
    before = build([corpus])
    (corpus / "second.facts.yaml").write_text(SECOND_FACTS.replace("    participants", "    date: 2020-11-23\n    participants"),
                                              encoding="utf-8")
    changed = build([corpus])
    seed_graph = str(article_graph_iri("hilal-i-pakistan-song-tao-2020"))
    second_graph = str(article_graph_iri("second"))
    assert _graphs(changed)[seed_graph] == _graphs(before)[seed_graph]
    assert _graphs(changed)[second_graph] != _graphs(before)[second_graph]
    # the shared graph changes only in the corpus-wide confidence of the changed article's own facts
    moved = set(_graphs(changed)[str(SHARED_GRAPH)]) ^ set(_graphs(before)[str(SHARED_GRAPH)])
    assert moved and all("/fact/meeting-lin-feng-" in line and "#confidence" in line for line in moved)

    (corpus / "second.txt").unlink()
    (corpus / "second.facts.yaml").unlink()
    deleted = build([corpus])
    alone = build([SEEDS])
    assert set(_graphs(deleted)) == {str(SHARED_GRAPH), seed_graph}
    assert "lin-feng" not in "".join(_graphs(deleted)[str(SHARED_GRAPH)])
    assert _graphs(deleted) == _graphs(alone)


def test_exports_hold_the_named_graphs_and_parse_back(kg, corpus, tmp_path):
    out = tmp_path / "out"
    result = kg("build", str(corpus), "--out", str(out), "--no-cache", "--jobs", "1")
    assert result.returncode == 0, result.stderr
    union = Graph().parse(out / "kg.ttl")
    trig = Dataset()
    trig.parse(out / "kg.trig", format="trig")
    nquads = Dataset()
    nquads.parse(out / "kg.nq", format="nquads")
    names = {str(g.identifier) for g in trig.graphs() if len(g)}
    assert str(article_graph_iri("second")) in names and str(SHARED_GRAPH) in names
    for name in names:
        assert isomorphic(trig.graph(URIRef(name)), nquads.graph(URIRef(name))), name
    merged = Graph()
    for name in names:
        merged += trig.graph(URIRef(name))
    assert isomorphic(merged, union)


def test_the_store_holds_the_dataset_and_answers_over_the_union(kg, corpus, tmp_path):
    import kg as kg_api

    out = tmp_path / "out"
    result = kg_api.build([corpus], out=out, jobs=1, cache=None, store=tmp_path / "store")
    store = kg_api.open_store(tmp_path / "store")
    assert len(store) == sum(len(lines) for lines in result.dataset.graphs.values())
    query = "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }"
    (row,) = store.query(query, use_default_graph_as_union=True)
    assert int(row["n"].value) == len(result.graph)
    names = {str(q.graph_name.value) for q in store.quads_for_pattern(None, None, None, None)}
    assert str(article_graph_iri("second")) in names


def test_a_corpus_with_bad_articles_builds_the_good_ones_and_exits_2(kg, corpus, tmp_path):
    (corpus / "empty.txt").write_text("  \n", encoding="utf-8")
    (corpus / "latin.txt").write_bytes("Caf\xe9 diplomacy\nline two".encode("latin-1"))
    (corpus / "badmeta.txt").write_text("Envoy meets minister.\n\nThe envoy met the minister.\n", encoding="utf-8")
    (corpus / "badmeta.meta.yaml").write_text("title: [unclosed\n", encoding="utf-8")
    (corpus / "badfacts.txt").write_text(SECOND, encoding="utf-8")
    (corpus / "badfacts.facts.yaml").write_text(SECOND_FACTS.replace("type: meeting", "type: meting"), encoding="utf-8")
    out = tmp_path / "out"
    result = kg("build", str(corpus), "--out", str(out), "--no-cache", "--jobs", "1")
    assert result.returncode == 2 and "Traceback" not in result.stderr
    for fragment in ("empty.txt", "article is empty", "latin.txt:1", "UTF-8", "badmeta.meta.yaml:2", "malformed YAML",
                     "badfacts.facts.yaml:7", "unknown fact type"):
        assert fragment in result.stderr, (fragment, result.stderr)
    assert "articles: 2 (4 left out" in result.stdout
    text = (out / "kg.trig").read_text(encoding="utf-8")
    assert "graph:second {" in text and "badfacts" not in text and "latin" not in text


def test_a_non_conforming_article_is_named_and_left_out(corpus, tmp_path):
    # Two statements of one conferral (same award, recipient, date) at two places: one fact node with two
    # schema:location, which the shapes forbid.
    (corpus / "twice.txt").write_text("Lin Feng got the Star in Paris.\n\nLin Feng got the Star in Rome.\n", encoding="utf-8")
    (corpus / "twice.facts.yaml").write_text("""\
article: twice.txt
status: reviewed
entities:
  Lin Feng: {kind: Person}
  Star: {kind: Award}
  Paris: {kind: City}
  Rome: {kind: City}
facts:
  - {type: award_conferral, award: Star, recipient: Lin Feng, date: 2020-01-01, place: Paris, quote: Lin Feng got the Star in Paris}
  - {type: award_conferral, award: Star, recipient: Lin Feng, date: 2020-01-01, place: Rome, quote: Lin Feng got the Star in Rome}
""", encoding="utf-8")
    result = build([corpus])
    assert any("twice.txt" in e and "does not conform" in e for e in result.errors), result.errors
    assert str(article_graph_iri("twice")) not in result.dataset.graphs
    assert str(article_graph_iri("second")) in result.dataset.graphs
    assert "place/rome" not in "".join(result.dataset.graphs[str(SHARED_GRAPH)])
    assert not result.validation.conforms and "twice" in result.validation.report()


def test_unchanged_articles_come_from_the_cache(corpus, tmp_path, monkeypatch):
    cache = tmp_path / "cache"
    first = build([corpus], cache=cache)
    assert first.cache_hits == 0

    import kg.corpus

    def no_work(*args, **kwargs):
        raise AssertionError("an unchanged article was processed again")

    monkeypatch.setattr(kg.corpus, "extract_batch", no_work)
    monkeypatch.setattr(kg.corpus, "map_batch", no_work)
    monkeypatch.setattr(kg.corpus, "load_facts", no_work)
    second = build([corpus], cache=cache)
    assert second.dataset.graphs == first.dataset.graphs
    assert second.cache_hits == 2 * len(first.articles)


def test_a_build_waits_for_another_build_into_the_same_folder(tmp_path):
    from kg.buildlock import output_lock

    out = tmp_path / "out"
    with output_lock(out):
        proc = subprocess.Popen([sys.executable, "-m", "kg", "build", str(SEED_ARTICLE), "--out", str(out), "--no-cache",
                                 "--store", str(tmp_path / "store")], cwd=REPO, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        deadline = time.time() + 60
        while time.time() < deadline and proc.poll() is None and not (out / "kg.ttl").exists():
            time.sleep(0.5)
        time.sleep(2)
        assert proc.poll() is None, "the second build did not wait"
        assert not (out / "kg.ttl").exists()
    _, stderr = proc.communicate(timeout=120)
    assert proc.returncode == 0, stderr
    assert "waiting for it to finish" in stderr
    assert (out / "kg.ttl").exists() and (tmp_path / "store").is_dir()


def test_quiet_when_not_a_terminal(kg, tmp_path):
    result = kg("build", str(SEED_ARTICLE), "--out", str(tmp_path / "o"), "--no-cache")
    assert result.returncode == 0 and "\r" not in result.stderr and "it/s" not in result.stderr


def test_a_store_folder_that_is_not_a_store_is_never_replaced(kg, tmp_path):
    out = tmp_path / "out"
    (out / "store").mkdir(parents=True)
    (out / "store" / "notes.txt").write_text("mine\n", encoding="utf-8")
    result = kg("build", str(SEED_ARTICLE), "--out", str(out), "--no-cache", "--store", str(out / "store"))
    assert result.returncode == 2 and "not an Oxigraph store" in result.stderr and "Traceback" not in result.stderr
    assert (out / "store" / "notes.txt").read_text(encoding="utf-8") == "mine\n"
    assert not (out / "kg.ttl").exists()


def _stderr_on_a_terminal(args: list[str]) -> str:
    import fcntl
    import os
    import pty
    import struct
    import termios

    leader, follower = pty.openpty()
    fcntl.ioctl(follower, termios.TIOCSWINSZ, struct.pack("HHHH", 30, 100, 0, 0))
    proc = subprocess.Popen([sys.executable, "-m", "kg", "build", *args], cwd=REPO, stdout=subprocess.DEVNULL,
                            stderr=follower)
    os.close(follower)
    chunks = []
    while True:
        try:
            data = os.read(leader, 65536)
        except OSError:  # the terminal closed: the build is done
            break
        if not data:
            break
        chunks.append(data)
    proc.wait(timeout=300)
    os.close(leader)
    return b"".join(chunks).decode("utf-8", "replace")


def test_a_progress_bar_on_a_terminal_and_none_with_quiet(tmp_path):
    from kg.synthetic_corpus import write_corpus

    write_corpus(tmp_path / "c", 4, seed=3)
    shown = _stderr_on_a_terminal([str(tmp_path / "c"), "--out", str(tmp_path / "o"), "--no-cache", "--jobs", "1"])
    assert "extracting" in shown and "4/4" in shown, shown
    quiet = _stderr_on_a_terminal([str(tmp_path / "c"), "--out", str(tmp_path / "o"), "--no-cache", "--jobs", "1", "-q"])
    assert "extracting" not in quiet and "4/4" not in quiet, quiet


def test_no_viewer_removes_the_older_one_and_a_cached_viewer_is_the_same(kg, tmp_path):
    out, cache = tmp_path / "out", tmp_path / "cache"
    first = kg("build", str(SEED_ARTICLE), "--out", str(out), "--cache", str(cache))
    assert first.returncode == 0, first.stderr
    drawn = (out / "graph.html").read_bytes()
    again = kg("build", str(SEED_ARTICLE), "--out", str(out), "--cache", str(cache))
    assert again.returncode == 0 and (out / "graph.html").read_bytes() == drawn
    bare = kg("build", str(SEED_ARTICLE), "--out", str(out), "--cache", str(cache), "--no-viewer")
    assert bare.returncode == 0 and not (out / "graph.html").exists() and (out / "kg.ttl").exists()


def test_what_a_killed_build_left_while_writing_is_cleared(kg, tmp_path):
    out = tmp_path / "out"
    (tmp_path / ".store.new-12345").mkdir(parents=True)
    out.mkdir()
    (out / ".kg.ttl.abc123.tmp").write_text("half", encoding="utf-8")
    (out / "notes.txt").write_text("mine\n", encoding="utf-8")
    result = kg("build", str(SEED_ARTICLE), "--out", str(out), "--no-cache", "--store", str(tmp_path / "store"))
    assert result.returncode == 0, result.stderr
    assert sorted(p.name for p in out.iterdir()) == ["graph.html", "kg.nq", "kg.trig", "kg.ttl", "notes.txt"]
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out", "store"]


def test_the_shared_graph_is_the_one_rdfmap_draws_and_comes_from_the_cache_unchanged(corpus, tmp_path):
    """The shared lines written directly (confidences) and drawn per entity (cached by its state) are the
    lines rdfmap's shared graph serializes to, on a first build and on a rebuild from the cache."""
    from kg.buildcache import BuildCache
    from kg.buildtasks import nt_lines
    from kg.corpus import Options, build_corpus, confidence_line
    from kg.rdfmap import GraphBuilder

    for _ in range(2):
        built = build_corpus([corpus], Options(cache=BuildCache(tmp_path / "cache")))
        builder = GraphBuilder([(i.article, i.doc) for i in built.built], entities=built.entities)
        expected = nt_lines(builder.shared_graph({URIRef(n): v for n, v in built.confidences.items()}))
        assert built.shared_lines == expected
    for node in ("https://w3id.org/dipkg/id/fact/x-1", "https://example.org/é"):
        for value in (0.9, 0.12345, 1.0, 0.0005):
            graph = Graph()
            graph.add((URIRef(node), URIRef("https://w3id.org/dipkg/ontology#confidence"),
                       Literal(f"{round(value, 3):.3f}", datatype=XSD.decimal)))
            assert confidence_line(node, value) == nt_lines(graph)[0]


def test_metadata_comes_from_the_cache_unless_its_file_changed(corpus, tmp_path):
    from kg.buildcache import BuildCache
    from kg.corpus import Options, build_corpus

    (corpus / "second.meta.yaml").write_text("title: Talks in Beijing\npublished: 2020-11-23\n", encoding="utf-8")
    first = build_corpus([corpus], Options(cache=BuildCache(tmp_path / "cache")))
    again = build_corpus([corpus], Options(cache=BuildCache(tmp_path / "cache")))
    assert [i.article.meta for i in again.items] == [i.article.meta for i in first.items]
    assert {i.article.meta.get("title") for i in again.items} >= {"Talks in Beijing"}
    (corpus / "second.meta.yaml").write_text("title: Talks in Shanghai\npublished: 2020-11-23\n", encoding="utf-8")
    changed = build_corpus([corpus], Options(cache=BuildCache(tmp_path / "cache")))
    assert "Talks in Shanghai" in {i.article.meta.get("title") for i in changed.items}
    (corpus / "second.meta.yaml").write_text("title: [unclosed\n", encoding="utf-8")
    broken = build_corpus([corpus], Options(cache=BuildCache(tmp_path / "cache")))
    assert any("second.meta.yaml" in e for e in broken.errors)
