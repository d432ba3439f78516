"""The Oxigraph store: written atomically, refused when a folder is not a store or is locked, and every
competency question answers over it exactly as over the Turtle graph, in every output format."""

from __future__ import annotations

import subprocess
import sys
import textwrap

import pytest
from rdflib import Graph
from rdflib.compare import isomorphic
from store_support import GRAPH_NS, canonical_numbers, make_store
from test_competency_questions import CQ_DIR, GOLDEN_ANSWERS, GOLDEN_DIR, QUESTIONS, _rows

from kg.errors import InputError
from kg.export import to_turtle
from kg.query import format_result, resolve_query, run_query
from kg.sources import as_graph
from kg.store import is_store, open_store, write_store


@pytest.fixture(scope="module")
def seed_store(seed_graph, tmp_path_factory):
    return make_store(tmp_path_factory.mktemp("seed") / "store", seed_graph)


@pytest.fixture(scope="module")
def golden():
    graph = Graph().parse(GOLDEN_DIR / "all-fact-types.expected.ttl")
    return graph


@pytest.fixture(scope="module")
def golden_store(golden, tmp_path_factory):
    return make_store(tmp_path_factory.mktemp("golden") / "store", golden)


def _answer(source, question, fmt="csv"):
    text, where = resolve_query(str(question))
    return format_result(run_query(source, text, where), fmt)


def test_the_store_holds_each_article_in_its_named_graph(seed_store, seed_graph):
    store = open_store(seed_store)
    names = sorted(g.value for g in store.named_graphs())
    assert names == [GRAPH_NS + "hilal-i-pakistan-song-tao-2020", GRAPH_NS + "shared"]
    assert isomorphic(canonical_numbers(as_graph(store)), canonical_numbers(seed_graph))


@pytest.mark.parametrize("question", QUESTIONS, ids=lambda p: p.stem)
def test_competency_questions_answer_the_same_over_the_store(seed_store, seed_graph, question):
    store = open_store(seed_store)
    expected = _rows(question.with_suffix(".expected.csv").read_text(encoding="utf-8"))
    assert _rows(_answer(store, question)) == expected
    for fmt in ("table", "csv", "json"):
        over_store, over_file = _answer(store, question, fmt), _answer(seed_graph, question, fmt)
        if "GROUP_CONCAT" not in question.read_text(encoding="utf-8"):
            assert over_store == over_file, fmt


@pytest.mark.parametrize("answer", GOLDEN_ANSWERS, ids=lambda p: p.name.split(".")[0])
def test_competency_questions_answer_the_same_over_the_golden_store(golden_store, answer):
    question = CQ_DIR / (answer.name.split(".")[0] + ".rq")
    got = _rows(_answer(open_store(golden_store), question))
    assert got == _rows(answer.read_text(encoding="utf-8")) and len(got) > 1


def test_ask_and_construct_answer_the_same_over_both(seed_store, seed_graph):
    store = open_store(seed_store)
    for text in ("ASK { ?a a dip:AwardConferral }", "ASK { ?a a dip:Nothing }",
                 "CONSTRUCT { ?p a foaf:Person } WHERE { ?p a foaf:Person }",
                 "DESCRIBE person:song-tao"):
        if text.startswith("DESCRIBE"):
            continue  # DESCRIBE's extent is engine-defined
        for fmt in ("table", "csv", "json"):
            assert format_result(run_query(store, text), fmt) == format_result(run_query(seed_graph, text), fmt)


def test_a_folder_that_is_not_a_store_is_refused_and_left_untouched(tmp_path, seed_store):
    folder = tmp_path / "notes"
    folder.mkdir()
    (folder / "mine.txt").write_text("keep me", encoding="utf-8")
    with pytest.raises(InputError, match="not a kg store"):
        open_store(folder)
    nquads = tmp_path / "g.nq"
    nquads.write_text('<http://a> <http://p> "x" .\n', encoding="utf-8")
    with pytest.raises(InputError, match="not a kg store"):
        write_store(folder, nquads)
    assert sorted(p.name for p in folder.iterdir()) == ["mine.txt"]
    assert (folder / "mine.txt").read_text(encoding="utf-8") == "keep me"


def test_write_store_replaces_a_store_and_fails_whole(tmp_path):
    folder = tmp_path / "store"
    first = tmp_path / "first.nq"
    first.write_text('<http://a> <http://p> "1" <https://w3id.org/dipkg/graph/a> .\n', encoding="utf-8")
    write_store(folder, first)
    second = tmp_path / "second.nq"
    second.write_text('<http://b> <http://p> "2" .\n<http://b> <http://p> "3" .\n', encoding="utf-8")
    write_store(folder, second)
    assert len(open_store(folder)) == 2
    broken = tmp_path / "broken.nq"
    broken.write_text('<http://c> <http://p> "4" .\n<http://c> <http://p> oops .\n', encoding="utf-8")
    with pytest.raises(InputError, match="broken.nq"):
        write_store(folder, broken)
    assert len(open_store(folder)) == 2, "a failed load leaves the old store"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["broken.nq", "first.nq", "second.nq", "store"]
    empty = tmp_path / "empty"
    empty.mkdir()
    write_store(empty, first)
    assert is_store(empty)


def test_a_store_locked_by_another_process_is_refused(tmp_path, seed_store, kg):
    holder = subprocess.Popen([sys.executable, "-c", textwrap.dedent(f"""
        import sys, pyoxigraph
        store = pyoxigraph.Store({str(seed_store)!r})
        print("open", flush=True)
        sys.stdin.read()
    """)], stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout.readline().strip() == "open"
        with pytest.raises(InputError, match="locked by another process"):
            open_store(seed_store)
        result = kg("query", "offices", "--store", str(seed_store))
        assert result.returncode == 2 and "locked by another process" in result.stderr
        assert "Traceback" not in result.stderr
    finally:
        holder.stdin.close()
        holder.wait(timeout=30)
    assert len(open_store(seed_store)) > 0


def test_kg_query_view_and_validate_use_the_default_store_when_it_is_there(tmp_path, seed_graph, kg):
    exports = tmp_path / "exports"
    exports.mkdir()
    (exports / "kg.ttl").write_text(to_turtle(seed_graph), encoding="utf-8")
    from_file = {fmt: kg("query", "offices", "--format", fmt, cwd=tmp_path) for fmt in ("table", "csv", "json")}
    make_store(tmp_path / ".kg" / "store", seed_graph)
    (exports / "kg.ttl").write_text("this is not turtle", encoding="utf-8")  # so only the store can answer
    for fmt, expected in from_file.items():
        got = kg("query", "offices", "--format", fmt, cwd=tmp_path)
        assert got.returncode == 0, got.stderr
        assert got.stdout == expected.stdout
    validated = kg("validate", cwd=tmp_path)
    assert validated.returncode == 0 and "conforms" in validated.stdout
    viewed = kg("view", cwd=tmp_path)
    assert viewed.returncode == 0, viewed.stderr
    assert (exports / "graph.html").is_file()
    on_file = kg("query", "offices", "--data", str(exports / "kg.ttl"), cwd=tmp_path)
    assert on_file.returncode == 2 and "kg.ttl" in on_file.stderr


def test_a_missing_or_foreign_store_is_one_line_exit_2(tmp_path, kg):
    missing = kg("query", "offices", "--store", str(tmp_path / "nope"), cwd=tmp_path)
    assert missing.returncode == 2 and "no such store" in missing.stderr
    (tmp_path / ".kg" / "store").mkdir(parents=True)
    (tmp_path / ".kg" / "store" / "x").write_text("x", encoding="utf-8")
    foreign = kg("query", "offices", cwd=tmp_path)
    assert foreign.returncode == 2 and "not a kg store" in foreign.stderr
    assert len(foreign.stderr.strip().splitlines()) == 1


def test_the_store_query_helper(seed_store):
    from kg.queryguard import QueryRefused
    from kg.store import query

    store = open_store(seed_store)
    answer = query(store, "SELECT ?name WHERE { person:song-tao skos:prefLabel ?name }")
    assert answer.columns == ["name"] and answer.rows == [["Song Tao"]]
    with pytest.raises(QueryRefused):
        query(store, "SELECT * WHERE { SERVICE <http://127.0.0.1:9/> { ?s ?p ?o } }")


def test_reading_a_store_leaves_its_files_untouched(seed_store):
    def snapshot():
        return {p.name: (p.stat().st_mtime_ns, p.stat().st_size) for p in seed_store.iterdir()}

    before = snapshot()
    store = open_store(seed_store)
    assert len(run_query(store, "SELECT * WHERE { ?s ?p ?o }").rows) > 900
    del store
    assert snapshot() == before


def test_a_query_over_the_store_imports_only_what_it_needs(seed_store):
    """`kg query` over the store starts fast: not the builder, spaCy, pyshacl, igraph, the viewer, nor
    rdflib's SPARQL engine (the store answers)."""
    code = textwrap.dedent(f"""
        import sys
        from kg.cli import main
        code = main(["query", "offices", "--store", {str(seed_store)!r}, "--format", "csv"])
        heavy = ("spacy", "pyshacl", "igraph", "networkx", "kg.pipeline", "kg.corpus", "kg.viewer",
                 "kg.extract", "rdflib.plugins.sparql", "owlrl", "distributed")
        print(sorted(m for m in sys.modules if m.startswith(heavy)), file=sys.stderr)
        sys.exit(code)
    """)
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120, check=False)
    assert result.returncode == 0, result.stderr
    assert "Song Tao" in result.stdout
    assert result.stderr.strip().splitlines()[-1] == "[]"
