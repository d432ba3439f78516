"""`kg push` against a real triple store: Oxigraph's server (`oxigraph` on PyPI) on loopback, started here.
Skipped when the binary is missing, unless KG_REQUIRE_OXIGRAPH=1 (.ci/run sets it)."""

from __future__ import annotations

import http.server
import os
import shutil
import socket
import subprocess
import sys
import threading
import time
import urllib.parse
import urllib.request
from pathlib import Path

import pytest
from rdflib import Dataset, Graph
from rdflib.compare import isomorphic
from store_support import GRAPH_NS, make_store
from test_competency_questions import QUESTIONS, _rows

import kg.push as push_module
from kg.errors import InputError
from kg.push import Client, local_graphs, push
from kg.query import format_result, resolve_query, run_query
from kg.sources import restore_datatypes
from kg.store import open_store

OXIGRAPH = shutil.which("oxigraph") or str(Path(sys.executable).with_name("oxigraph"))
if not Path(OXIGRAPH).exists():
    if os.environ.get("KG_REQUIRE_OXIGRAPH") == "1":
        raise RuntimeError("KG_REQUIRE_OXIGRAPH=1 but the oxigraph binary (pip install oxigraph) is missing")
    pytest.skip("the oxigraph server (pip install oxigraph) is not installed", allow_module_level=True)


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture
def oxigraph(tmp_path):
    port = _free_port()
    process = subprocess.Popen([OXIGRAPH, "serve", "--location", str(tmp_path / "oxigraph"), "--bind",
                                f"127.0.0.1:{port}", "--union-default-graph"],
                               stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    base = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 30
    while True:
        try:
            urllib.request.urlopen(base + "/query?query=ASK%7B%7D", timeout=2).close()
            break
        except OSError:
            assert process.poll() is None and time.monotonic() < deadline, "oxigraph serve did not start"
            time.sleep(0.1)
    yield base
    process.terminate()
    process.wait(timeout=20)


@pytest.fixture(scope="module")
def local(seed_graph, tmp_path_factory):
    return make_store(tmp_path_factory.mktemp("push") / "store", seed_graph)


def server_dataset(base: str) -> Dataset:
    request = urllib.request.Request(base + "/store", headers={"Accept": "application/n-quads"})
    with urllib.request.urlopen(request, timeout=30) as response:
        dataset = Dataset()
        dataset.parse(data=response.read(), format="nquads")
    return dataset


def assert_server_holds_exactly_the_local_graphs(base: str, local_store) -> None:
    remote = server_dataset(base)
    mine = {str(g.identifier): g for g in remote.graphs() if str(g.identifier).startswith(GRAPH_NS)}
    expected = local_graphs(open_store(local_store))
    assert sorted(mine) == sorted(expected)
    for name, data in expected.items():
        # Oxigraph's server, like the store, keeps xsd:nonNegativeInteger as xsd:integer
        assert isomorphic(restore_datatypes(Graph() + mine[name]), Graph().parse(data=data, format="nt")), name


def test_push_then_every_competency_question_answers_the_same_from_the_server(oxigraph, local, kg):
    result = kg("push", "--endpoint", oxigraph + "/query", "--graph-store", oxigraph + "/store",
                "--store", str(local))
    assert result.returncode == 0, result.stderr
    assert "pushed 2 graph(s)" in result.stdout
    assert_server_holds_exactly_the_local_graphs(oxigraph, local)
    import SPARQLWrapper

    for question in QUESTIONS:
        text, where = resolve_query(str(question))
        client = SPARQLWrapper.SPARQLWrapper(oxigraph + "/query")
        client.setQuery(text)
        client.setReturnFormat(SPARQLWrapper.CSV)
        remote = client.query().convert().decode("utf-8").replace("\r\n", "\n")
        local_answer = format_result(run_query(open_store(local), text, where), "csv")
        assert _rows(remote) == _rows(local_answer), question.stem


def test_an_interrupted_push_run_again_leaves_exactly_the_local_graphs(oxigraph, local, monkeypatch):
    client = Client(oxigraph + "/query", oxigraph + "/store")
    # the server already holds an older push's graph that is no longer local, and a graph of someone else's
    client.put(GRAPH_NS + "deleted-article", b'<https://w3id.org/dipkg/id/x> <http://e.org/p> "old" .\n')
    client.put("http://example.org/theirs", b'<http://example.org/a> <http://example.org/p> "keep" .\n')
    real_put, calls = Client.put, []

    def put_then_fail(self, graph, data):
        if calls:
            raise KeyboardInterrupt  # the push is cut short after its first graph
        calls.append(graph)
        real_put(self, graph, data)

    monkeypatch.setattr(Client, "put", put_then_fail)
    with pytest.raises(KeyboardInterrupt):
        push(open_store(local), client)
    monkeypatch.setattr(Client, "put", real_put)
    report = push(open_store(local), client)
    assert report.pushed == 2 and report.deleted == 1
    assert_server_holds_exactly_the_local_graphs(oxigraph, local)
    theirs = [g for g in server_dataset(oxigraph).graphs() if str(g.identifier) == "http://example.org/theirs"]
    assert len(theirs) == 1 and len(theirs[0]) == 1
    again = push(open_store(local), client)
    assert again.deleted == 0
    assert_server_holds_exactly_the_local_graphs(oxigraph, local)


class _Unauthorised(http.server.BaseHTTPRequestHandler):
    seen: list = []

    def do_GET(self):
        _Unauthorised.seen.append((self.command, self.headers.get("Authorization")))
        self.send_response(401)
        self.send_header("WWW-Authenticate", 'Basic realm="kg"')
        self.send_header("Content-Length", "0")
        self.end_headers()

    do_PUT = do_DELETE = do_GET

    def log_message(self, *args):
        pass


def test_a_401_a_refused_connection_or_a_wrong_endpoint_is_one_line_exit_2(kg, local, oxigraph):
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), _Unauthorised)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        url = f"http://127.0.0.1:{server.server_address[1]}/sparql"
        secret = "s3cr3t-pa55"
        result = kg("push", "--endpoint", url, "--store", str(local),
                    env={"KG_PUSH_USER": "analyst", "KG_PUSH_PASSWORD": secret})
        assert result.returncode == 2 and "HTTP 401" in result.stderr
        assert secret not in result.stderr + result.stdout
        assert len(result.stderr.strip().splitlines()) == 1
        assert [m for m, _ in _Unauthorised.seen] == ["GET"], "nothing is PUT once the server says 401"
        assert _Unauthorised.seen[0][1].startswith("Basic ")
    finally:
        server.shutdown()
    refused = kg("push", "--endpoint", f"http://127.0.0.1:{_free_port()}/sparql", "--store", str(local))
    assert refused.returncode == 2 and "cannot connect" in refused.stderr
    wrong = kg("push", "--endpoint", oxigraph + "/nothing", "--store", str(local))
    assert wrong.returncode == 2 and "HTTP 404" in wrong.stderr
    assert len(server_dataset(oxigraph)) == 0, "nothing was written"
    with_credentials = kg("push", "--endpoint", "http://user:pw@127.0.0.1:1/sparql", "--store", str(local))
    assert with_credentials.returncode == 2 and "pw" not in with_credentials.stderr


def test_local_graphs_refuse_a_graph_outside_the_project(tmp_path):
    nq = tmp_path / "x.nq"
    nq.write_text('<http://a> <http://p> "1" <http://example.org/g> .\n', encoding="utf-8")
    from kg.store import write_store

    write_store(tmp_path / "store", nq)
    with pytest.raises(InputError, match="outside the project"):
        local_graphs(open_store(tmp_path / "store"))
    assert push_module.DEFAULT_GRAPH_NAME.startswith(push_module.PROJECT_IRI)
    assert urllib.parse.urlsplit(push_module.DEFAULT_GRAPH_NAME).scheme == "https"


def test_a_batched_push_and_re_push_leave_exactly_the_local_graphs(oxigraph, local, kg):
    client = Client(oxigraph + "/query", oxigraph + "/store")
    client.put("http://example.org/theirs", b'<http://example.org/a> <http://example.org/p> "keep" .\n')
    for _ in range(2):  # into an empty server, then replacing every graph
        result = kg("push", "--endpoint", oxigraph + "/query", "--graph-store", oxigraph + "/store",
                    "--store", str(local), "--batch", "100")
        assert result.returncode == 0, result.stderr
        assert "pushed 2 graph(s)" in result.stdout
        assert_server_holds_exactly_the_local_graphs(oxigraph, local)
    theirs = [g for g in server_dataset(oxigraph).graphs() if str(g.identifier) == "http://example.org/theirs"]
    assert len(theirs) == 1 and len(theirs[0]) == 1


def test_an_interrupted_batched_push_run_again_leaves_exactly_the_local_graphs(oxigraph, local, monkeypatch):
    client = Client(oxigraph + "/query", oxigraph + "/store")
    push(open_store(local), client)
    client.put(GRAPH_NS + "deleted-article", b'<https://w3id.org/dipkg/id/x> <http://e.org/p> "old" .\n')
    real_post, calls = Client.post_dataset, []

    def post_then_fail(self, nquads):
        if calls:
            raise KeyboardInterrupt  # cut short after its first batch, the graphs to replace deleted
        calls.append(1)
        real_post(self, nquads)

    monkeypatch.setattr(Client, "post_dataset", post_then_fail)
    with pytest.raises(KeyboardInterrupt):
        push(open_store(local), client, jobs=1, batch_triples=50)
    monkeypatch.setattr(Client, "post_dataset", real_post)
    report = push(open_store(local), client, batch_triples=50)
    assert report.pushed == 2 and report.deleted == 1
    assert_server_holds_exactly_the_local_graphs(oxigraph, local)


@pytest.mark.parametrize("suffix, rdf_format", [(".trig", "TRIG"), (".nq", "N_QUADS")])
def test_a_quad_file_given_with_data_is_pushed_graph_by_graph(oxigraph, local, kg, tmp_path, suffix, rdf_format):
    import pyoxigraph

    path = tmp_path / f"kg{suffix}"
    open_store(local).dump(str(path), format=getattr(pyoxigraph.RdfFormat, rdf_format))
    result = kg("push", "--endpoint", oxigraph + "/query", "--graph-store", oxigraph + "/store", "--data", str(path))
    assert result.returncode == 0, result.stderr
    assert "pushed 2 graph(s)" in result.stdout
    assert_server_holds_exactly_the_local_graphs(oxigraph, local)
