"""`kg serve`: the SPARQL 1.1 Protocol over the store, checked with SPARQLWrapper as a real client and with
raw requests: formats by Accept, read-only, SERVICE refused, syntax errors, timeouts and the row cap, and
the server answering after every one of them."""

from __future__ import annotations

import csv
import io
import json
import socket
import threading
import time
import urllib.error
import urllib.parse
import urllib.request

import pyoxigraph
import pytest
from rdflib import Graph
from serve_support import running_server
from store_support import GRAPH_NS, make_store
from test_competency_questions import QUESTIONS, _rows

from kg.query import format_result, resolve_query, run_query

SPARQLWrapper = pytest.importorskip("SPARQLWrapper")
MAX_ROWS = 50
TIMEOUT = 3


@pytest.fixture(scope="module")
def seed_store(seed_graph, tmp_path_factory):
    return make_store(tmp_path_factory.mktemp("serve") / "store", seed_graph)


@pytest.fixture(scope="module")
def endpoint(seed_store):
    with running_server("--store", str(seed_store), "--timeout", str(TIMEOUT), "--max-rows", str(MAX_ROWS),
                        "--workers", "2") as base:
        yield base


def request(base, query=None, method="GET", accept=None, body=None, content_type=None, path="/sparql"):
    url = base + path
    data = None
    if method == "GET" and query is not None:
        url += "?" + urllib.parse.urlencode({"query": query})
    elif body is not None:
        data = body.encode("utf-8")
    headers = {k: v for k, v in (("Accept", accept), ("Content-Type", content_type)) if v}
    req = urllib.request.Request(url, data=data, method=method, headers=headers)
    try:
        with urllib.request.urlopen(req, timeout=60) as response:
            return response.status, dict(response.headers), response.read()
    except urllib.error.HTTPError as err:
        return err.code, dict(err.headers), err.read()


def alive(base):
    status, _, body = request(base, "ASK { ?s a foaf:Person }", accept="application/sparql-results+json")
    assert status == 200 and json.loads(body)["boolean"] is True


@pytest.mark.parametrize("question", QUESTIONS, ids=lambda p: p.stem)
def test_sparqlwrapper_gets_every_competency_question_as_answered_locally(endpoint, seed_graph, question):
    text, where = resolve_query(str(question))
    client = SPARQLWrapper.SPARQLWrapper(endpoint + "/sparql")
    client.setQuery(text)
    client.setReturnFormat(SPARQLWrapper.JSON)
    client.setMethod(SPARQLWrapper.POST)
    data = client.query().convert()
    columns = data["head"]["vars"]
    rows = [[b.get(v, {}).get("value", "") for v in columns] for b in data["results"]["bindings"]]
    buffer = io.StringIO()
    csv.writer(buffer, lineterminator="\n").writerows([columns, *rows])
    assert _rows(buffer.getvalue()) == _rows(format_result(run_query(seed_graph, text, where), "csv"))


def test_sparqlwrapper_construct_as_turtle(endpoint, seed_graph):
    query = "CONSTRUCT { ?p a foaf:Person ; skos:prefLabel ?l } WHERE { ?p a foaf:Person ; skos:prefLabel ?l }"
    client = SPARQLWrapper.SPARQLWrapper(endpoint + "/sparql")
    client.setQuery(query)
    client.setReturnFormat(SPARQLWrapper.TURTLE)
    got = Graph().parse(data=client.query().convert(), format="turtle")
    assert set(got) == set(seed_graph.query(query).graph) and len(got) > 5


RESULT_PARSERS = {
    "application/sparql-results+json": pyoxigraph.QueryResultsFormat.JSON,
    "application/sparql-results+xml": pyoxigraph.QueryResultsFormat.XML,
    "text/csv": None,  # lossy by design (pyoxigraph will not read it): read as a table
    "text/tab-separated-values": pyoxigraph.QueryResultsFormat.TSV,
}


@pytest.mark.parametrize("accept", RESULT_PARSERS)
@pytest.mark.parametrize("method", ["GET", "POST-form", "POST-query"])
def test_select_in_every_results_format_and_method(endpoint, accept, method):
    query = "SELECT ?p ?name WHERE { ?p a foaf:Person ; skos:prefLabel ?name } ORDER BY ?name"
    if method == "GET":
        status, headers, body = request(endpoint, query, accept=accept)
    elif method == "POST-form":
        status, headers, body = request(endpoint, method="POST", accept=accept,
                                        body=urllib.parse.urlencode({"query": query}),
                                        content_type="application/x-www-form-urlencoded")
    else:
        status, headers, body = request(endpoint, method="POST", accept=accept, body=query,
                                        content_type="application/sparql-query")
    assert status == 200, body
    assert headers["Content-Type"].startswith(accept)
    if RESULT_PARSERS[accept] is None:
        names = [row["name"] for row in csv.DictReader(io.StringIO(body.decode("utf-8")))]
    else:
        names = [s["name"].value for s in pyoxigraph.parse_query_results(body, format=RESULT_PARSERS[accept])]
    assert "Song Tao" in names and names == sorted(names)


@pytest.mark.parametrize(("accept", "rdf_format"), [("text/turtle", "turtle"), ("application/n-triples", "nt"),
                                                    ("application/ld+json", "json-ld")])
def test_construct_and_describe_as_graphs(endpoint, seed_graph, accept, rdf_format):
    query = "CONSTRUCT { ?f dip:award ?a } WHERE { ?f dip:award ?a }"
    status, headers, body = request(endpoint, query, accept=accept)
    assert status == 200 and headers["Content-Type"].startswith(accept)
    assert set(Graph().parse(data=body, format=rdf_format)) == set(seed_graph.query(query).graph)
    status, _, body = request(endpoint, "DESCRIBE person:song-tao", accept=accept)
    assert status == 200 and len(Graph().parse(data=body, format=rdf_format)) > 3


def test_unknown_accept_is_406(endpoint):
    status, _, body = request(endpoint, "SELECT * WHERE { ?s ?p ?o } LIMIT 1", accept="image/png")
    assert status == 406 and b"offered" in body
    status, _, _ = request(endpoint, "CONSTRUCT WHERE { ?s ?p ?o } LIMIT 1", accept="text/csv")
    assert status == 406
    alive(endpoint)


def test_syntax_error_is_400_with_the_parsers_message(endpoint):
    status, _, body = request(endpoint, "SELECT ?x WHERE { ?x ?y }")
    assert status == 400 and body.startswith(b"SPARQL syntax error: error at 1:")
    alive(endpoint)


@pytest.mark.parametrize("how", ["form", "media", "in-query"])
def test_updates_are_refused(endpoint, how):
    update = "INSERT DATA { <http://example.org/a> <http://example.org/b> <http://example.org/c> }"
    if how == "form":
        status, _, body = request(endpoint, method="POST", body=urllib.parse.urlencode({"update": update}),
                                  content_type="application/x-www-form-urlencoded")
    elif how == "media":
        status, _, body = request(endpoint, method="POST", body=update, content_type="application/sparql-update")
    else:
        status, _, body = request(endpoint, update)
    assert status == 403 and b"read-only" in body
    status, _, body = request(endpoint, "ASK { <http://example.org/a> ?p ?o }", accept="application/sparql-results+json")
    assert json.loads(body)["boolean"] is False


def test_service_is_refused_and_no_connection_is_made(endpoint):
    listener = socket.socket()
    listener.bind(("127.0.0.1", 0))
    listener.listen(4)
    listener.settimeout(0.5)
    port = listener.getsockname()[1]
    try:
        for query in (f"SELECT * WHERE {{ SERVICE <http://127.0.0.1:{port}/sparql> {{ ?s ?p ?o }} }}",
                      f"SELECT * FROM <http://127.0.0.1:{port}/x.ttl> WHERE {{ ?s ?p ?o }}"):
            status, _, body = request(endpoint, query)
            assert status == 403 and b"refused" in body
        with pytest.raises((TimeoutError, OSError)):
            listener.accept()
    finally:
        listener.close()


def test_a_huge_result_is_cut_at_the_cap_and_says_so(endpoint):
    status, headers, body = request(endpoint, "SELECT * WHERE { ?s ?p ?o }", accept="application/sparql-results+json")
    assert status == 200
    assert len(json.loads(body)["results"]["bindings"]) == MAX_ROWS
    assert f"cut at {MAX_ROWS} rows" in headers["KG-Truncated"]
    status, headers, body = request(endpoint, "CONSTRUCT WHERE { ?s ?p ?o }", accept="application/n-triples")
    assert len(body.decode().strip().splitlines()) == MAX_ROWS and "KG-Truncated" in headers
    status, headers, _ = request(endpoint, "SELECT * WHERE { ?s ?p ?o } LIMIT 5")
    assert "KG-Truncated" not in headers


SLOW = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l }"


def test_a_query_past_the_timeout_is_stopped_and_frees_its_worker(endpoint):
    started = time.monotonic()
    status, _, body = request(endpoint, SLOW)
    assert status == 503 and b"timed out" in body
    assert time.monotonic() - started < TIMEOUT + 10
    # while one slow query holds a worker, the other answers; then both workers answer again
    slow = threading.Thread(target=request, args=(endpoint, SLOW))
    slow.start()
    time.sleep(0.3)
    quick = time.monotonic()
    alive(endpoint)
    assert time.monotonic() - quick < TIMEOUT
    slow.join()
    for _ in range(3):
        alive(endpoint)


def test_other_paths_and_methods(endpoint):
    assert request(endpoint, path="/nothing")[0] == 404
    assert request(endpoint, method="PUT", body="x", content_type="text/turtle")[0] == 405
    assert request(endpoint)[0] == 400
    assert request(endpoint, method="POST", body="x", content_type="text/plain")[0] == 415
    status, headers, body = request(endpoint, path="/")
    assert status == 200 and b"kg-examples" in body and "default-src 'none'" in headers["Content-Security-Policy"]
    alive(endpoint)


def test_a_missing_store_is_one_line_exit_2(kg, tmp_path):
    result = kg("serve", "--store", str(tmp_path / "none"), "--port", "0")
    assert result.returncode == 2 and "no such store" in result.stderr and "Traceback" not in result.stderr


def test_a_rebuilt_store_is_served_without_a_restart(tmp_path):
    from kg.store import write_store

    first, second = tmp_path / "first.nq", tmp_path / "second.nq"
    first.write_text('<https://w3id.org/dipkg/id/a> <http://e.org/p> "first" <https://w3id.org/dipkg/graph/a> .\n',
                     encoding="utf-8")
    second.write_text('<https://w3id.org/dipkg/id/a> <http://e.org/p> "second" <https://w3id.org/dipkg/graph/a> .\n',
                      encoding="utf-8")
    write_store(tmp_path / "store", first)
    ask = 'ASK { ?s <http://e.org/p> "second" }'
    with running_server("--store", str(tmp_path / "store"), "--workers", "1") as base:
        assert json.loads(request(base, ask, accept="application/sparql-results+json")[2])["boolean"] is False
        write_store(tmp_path / "store", second)
        assert json.loads(request(base, ask, accept="application/sparql-results+json")[2])["boolean"] is True


# The RDF dataset named by the request (default-graph-uri, named-graph-uri; SPARQL 1.1 Protocol 2.1.4)

COUNT = "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }"
GRAPHS = "SELECT DISTINCT ?g WHERE { GRAPH ?g { ?s ?p ?o } } ORDER BY ?g"
SHARED = GRAPH_NS + "shared"


def protocol(base, params, method="GET", in_url=None):
    """A raw protocol request: params as the query string (GET), a form body (POST) or, for method
    "direct", the query as the body and the rest in the URL."""
    params = [(k, v) for k, v in params]
    headers = {"Accept": "application/sparql-results+json"}
    url, data = base + "/sparql", None
    if method == "GET":
        url += "?" + urllib.parse.urlencode(params)
    elif method == "POST":
        data = urllib.parse.urlencode(params).encode()
        headers["Content-Type"] = "application/x-www-form-urlencoded"
    else:
        data = dict(params)["query"].encode()
        headers["Content-Type"] = "application/sparql-query"
        url += "?" + urllib.parse.urlencode([(k, v) for k, v in params if k != "query"])
    if in_url:
        url += ("&" if "?" in url else "?") + urllib.parse.urlencode(in_url)
    req = urllib.request.Request(url, data=data, headers=headers)
    try:
        with urllib.request.urlopen(req, timeout=60) as response:
            return response.status, json.loads(response.read())
    except urllib.error.HTTPError as err:
        return err.code, err.read().decode()


def local_count(seed_store, graph):
    store = pyoxigraph.Store.read_only(str(seed_store))
    return int(next(iter(store.query(f"SELECT (COUNT(*) AS ?n) WHERE {{ GRAPH <{graph}> {{ ?s ?p ?o }} }}")))["n"].value)


def answer(result):
    status, body = result
    assert status == 200, body
    bindings = body["results"]["bindings"] if "results" in body else body["boolean"]
    return bindings if isinstance(bindings, bool) else [{k: v["value"] for k, v in b.items()} for b in bindings]


@pytest.fixture(scope="module")
def article_graph(endpoint):
    names = [row["g"] for row in answer(protocol(endpoint, [("query", GRAPHS)]))]
    assert SHARED in names and len(names) == 2
    return next(name for name in names if name != SHARED)


@pytest.mark.parametrize("method", ["GET", "POST", "direct"])
def test_default_graph_uri_makes_that_graph_the_default_graph(endpoint, seed_store, article_graph, method):
    for graph in (article_graph, SHARED):
        rows = answer(protocol(endpoint, [("query", COUNT), ("default-graph-uri", graph)], method))
        assert int(rows[0]["n"]) == local_count(seed_store, graph)
    # with no named-graph-uri the request's dataset has no named graphs
    assert answer(protocol(endpoint, [("query", GRAPHS), ("default-graph-uri", SHARED)], method)) == []


@pytest.mark.parametrize("method", ["GET", "POST", "direct"])
def test_named_graph_uri_names_the_graphs_graph_sees_and_leaves_the_default_graph_empty(endpoint, article_graph,
                                                                                        method):
    params = [("query", GRAPHS), ("named-graph-uri", article_graph)]
    assert answer(protocol(endpoint, params, method)) == [{"g": article_graph}]
    both = [("query", GRAPHS), ("named-graph-uri", article_graph), ("named-graph-uri", SHARED)]
    assert answer(protocol(endpoint, both, method)) == [{"g": article_graph}, {"g": SHARED}]
    assert answer(protocol(endpoint, [("query", "ASK { ?s ?p ?o }"), ("named-graph-uri", SHARED)], method)) is False


def test_the_request_s_dataset_replaces_the_query_s_from(endpoint, seed_store, article_graph):
    query = f"SELECT (COUNT(*) AS ?n) FROM <{SHARED}> WHERE {{ ?s ?p ?o }}"
    assert int(answer(protocol(endpoint, [("query", query)]))[0]["n"]) == local_count(seed_store, SHARED)
    rows = answer(protocol(endpoint, [("query", query), ("default-graph-uri", article_graph)]))
    assert int(rows[0]["n"]) == local_count(seed_store, article_graph)


def test_a_form_s_dataset_may_also_come_in_the_url(endpoint, seed_store, article_graph):
    rows = answer(protocol(endpoint, [("query", COUNT)], "POST", in_url=[("default-graph-uri", article_graph)]))
    assert int(rows[0]["n"]) == local_count(seed_store, article_graph)


def test_a_bad_or_foreign_dataset_graph_is_refused_clearly(endpoint):
    for name in ("default-graph-uri", "named-graph-uri"):
        status, body = protocol(endpoint, [("query", COUNT), (name, "not an iri")])
        assert status == 400 and name in body and "absolute IRI" in body
        status, body = protocol(endpoint, [("query", COUNT), (name, "http://example.org/elsewhere")])
        assert status == 403 and "only name this project's graphs" in body
    alive(endpoint)


def test_a_query_s_own_from_and_from_named_are_honoured(endpoint, seed_store, article_graph):
    query = f"SELECT (COUNT(*) AS ?n) FROM <{article_graph}> WHERE {{ ?s ?p ?o }}"
    assert int(answer(protocol(endpoint, [("query", query)]))[0]["n"]) == local_count(seed_store, article_graph)
    named = f"SELECT DISTINCT ?g FROM NAMED <{SHARED}> WHERE {{ GRAPH ?g {{ ?s ?p ?o }} }}"
    assert answer(protocol(endpoint, [("query", named)])) == [{"g": SHARED}]
    assert answer(protocol(endpoint, [("query", f"ASK FROM NAMED <{SHARED}> {{ ?s ?p ?o }}")])) is False
