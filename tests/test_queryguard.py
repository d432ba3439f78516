"""No query opens a connection: SERVICE, LOAD and other updates, and FROM outside the project's graphs are
refused before either engine sees them, with one clear line and exit code 2. A listening loopback socket
named in the query must receive nothing."""

from __future__ import annotations

import socket

import pytest
from store_support import make_store

from kg.queryguard import QueryRefused, check_query


@pytest.fixture
def listener():
    """A loopback socket that records every connection made to it."""
    server = socket.socket()
    server.bind(("127.0.0.1", 0))
    server.listen(8)
    server.settimeout(0.5)
    yield server

    server.close()


def connections(server: socket.socket) -> int:
    count = 0
    while True:
        try:
            conn, _ = server.accept()
        except (TimeoutError, OSError):
            return count
        conn.close()
        count += 1


REFUSED = [
    "SELECT * WHERE { SERVICE <http://127.0.0.1:{port}/sparql> { ?s ?p ?o } }",
    "select * where { service silent <http://127.0.0.1:{port}/sparql> { ?s ?p ?o } }",
    "SELECT * WHERE { \\u0053ERVICE <http://127.0.0.1:{port}/sparql> { ?s ?p ?o } }",
    "SELECT * WHERE { ?a ?b ?c { SELECT * WHERE { SERVICE<http://127.0.0.1:{port}/>{?s ?p ?o} } } }",
    "SELECT * FROM <http://127.0.0.1:{port}/data.ttl> WHERE { ?s ?p ?o }",
    "SELECT * FROM NAMED <http://127.0.0.1:{port}/data.ttl> WHERE { GRAPH ?g { ?s ?p ?o } }",
    "PREFIX x: <http://127.0.0.1:{port}/> SELECT * FROM x:data WHERE { ?s ?p ?o }",
    "LOAD <http://127.0.0.1:{port}/data.ttl>",
    "INSERT DATA { <http://a> <http://b> <http://c> } ; SELECT * WHERE { ?s ?p ?o }",
]

ALLOWED = [
    'SELECT ?service WHERE { ?service a dip:Meeting ; rdfs:comment "SERVICE <http://x/> { }" }',
    "SELECT * WHERE { ?s <http://example.org/SERVICE> ?o } # SERVICE <http://x/>",
    "PREFIX service: <http://example.org/> SELECT * WHERE { ?s service:load ?o . ?s a service:SERVICE }",
    "SELECT * FROM <https://w3id.org/dipkg/graph/shared> WHERE { ?s ?p ?o }",
    "SELECT * WHERE { FILTER(?a<?b) ?s ?p ?o }",
]


@pytest.mark.parametrize("query", REFUSED)
def test_refused(query):
    with pytest.raises(QueryRefused):
        check_query(query.replace("{port}", "9"))


@pytest.mark.parametrize("query", ALLOWED)
def test_allowed(query):
    check_query(query)


@pytest.fixture(scope="module")
def seed_store(seed_graph, tmp_path_factory):
    return make_store(tmp_path_factory.mktemp("guard") / "store", seed_graph)


@pytest.mark.parametrize("backend", ["store", "file"])
@pytest.mark.parametrize("query", REFUSED[:7] + REFUSED[7:8])
def test_kg_query_makes_no_connection(kg, listener, seed_store, backend, query):
    port = listener.getsockname()[1]
    source = ["--store", str(seed_store)] if backend == "store" else ["--data", "exports/kg.ttl"]
    result = kg("query", query.replace("{port}", str(port)), *source)
    assert result.returncode == 2, result.stdout
    assert "refused" in result.stderr and "Traceback" not in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1
    assert connections(listener) == 0


def test_the_listener_does_see_a_connection_when_one_is_made(listener):
    """The check above can fail: a real connection to the listener is counted."""
    socket.create_connection(listener.getsockname(), timeout=2).close()
    assert connections(listener) == 1
