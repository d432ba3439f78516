"""`kg push` sends several graphs at a time: every graph is PUT once, with exactly its triples, whatever the
number of jobs; the first failed PUT stops the push before the rest of the corpus is sent. A recording
client stands in for the server (tests/test_push.py runs against Oxigraph's)."""

from __future__ import annotations

import threading

import pyoxigraph
import pytest
from rdflib import Graph
from store_support import make_store

from kg.errors import InputError
from kg.formats import sorted_quads
from kg.push import Client, graph_payloads, local_graphs, push
from kg.store import open_store, write_store

GRAPHS = 30
NS = "https://w3id.org/dipkg/graph/g"


class Recording(Client):
    def __init__(self, fail_at: int | None = None):
        super().__init__("http://127.0.0.1:1/sparql")
        self.fail_at, self.sent, self.deleted, self.lock = fail_at, {}, [], threading.Lock()
        self.attempts, self.posted, self.log, self.remote = 0, [], [], set()

    def graphs(self):
        return {NS + "-stale", "http://example.org/theirs", *self.remote}

    def put(self, graph, data):
        with self.lock:
            self.attempts += 1
            if self.fail_at is not None and len(self.sent) >= self.fail_at:
                raise InputError(f"PUT {graph}: HTTP 500")
            assert graph not in self.sent, "each graph is PUT once"
            self.sent[graph] = data

    def delete(self, graph):
        with self.lock:
            self.deleted.append(graph)
            self.log.append(("DELETE", graph))

    def post_dataset(self, nquads):
        with self.lock:
            self.attempts += 1
            if self.fail_at is not None and len(self.posted) >= self.fail_at:
                raise InputError("POST: HTTP 500")
            self.posted.append(nquads)
            self.log.append(("POST", nquads.decode()))


@pytest.fixture(scope="module")
def store(tmp_path_factory):
    folder = tmp_path_factory.mktemp("push-parallel")
    lines = [f'<https://w3id.org/dipkg/id/s{g}-{i}> <http://e.org/p> "{i}" <{NS}{g:02d}> .'
             for g in range(GRAPHS) for i in range(g + 1)]
    (folder / "corpus.nq").write_text("\n".join(lines) + "\n", encoding="utf-8")
    write_store(folder / "store", folder / "corpus.nq")
    return folder / "store"


@pytest.mark.parametrize("jobs", [1, 3, 8])
def test_every_graph_is_put_once_with_its_triples_whatever_the_jobs(store, jobs):
    client = Recording()
    report = push(open_store(store), client, jobs=jobs)
    assert client.sent == local_graphs(open_store(store))
    assert sorted(client.sent) == [f"{NS}{g:02d}" for g in range(GRAPHS)]
    assert all(data.count(b"\n") == int(name[-2:]) + 1 for name, data in client.sent.items())
    assert (report.pushed, report.triples, report.deleted) == (GRAPHS, GRAPHS * (GRAPHS + 1) // 2, 1)
    assert client.deleted == [NS + "-stale"]  # never someone else's graph


def test_a_failed_put_stops_the_push_and_deletes_nothing(store):
    client = Recording(fail_at=2)
    with pytest.raises(InputError, match="HTTP 500"):
        push(open_store(store), client, jobs=2)
    assert len(client.sent) == 2 and client.deleted == []
    assert client.attempts < GRAPHS // 2  # no more graphs were handed out once a PUT had failed


def test_each_graph_s_payload_is_the_store_s_graph_with_the_declared_subtypes(seed_graph, tmp_path):
    store = open_store(make_store(tmp_path / "store", seed_graph))
    expected: dict[str, list] = {}
    for quad in sorted_quads(store):  # the term-by-term restoration the exports use
        expected.setdefault(quad.graph_name.value, []).append(quad.triple)
    payloads = dict(graph_payloads(store))
    assert sorted(payloads) == sorted(expected)
    for name, triples in expected.items():
        lines = pyoxigraph.serialize(triples, format=pyoxigraph.RdfFormat.N_TRIPLES).splitlines()
        assert sorted(payloads[name].splitlines()) == sorted(lines), name
    assert b"XMLSchema#nonNegativeInteger" in b"".join(payloads.values())
    union = Graph()
    for data in payloads.values():
        union.parse(data=data, format="nt")
    assert len(union) == len(seed_graph)


def posted_graphs(client) -> dict[str, bytes]:
    found: dict[str, list] = {}
    for quad in pyoxigraph.parse(b"".join(client.posted), format=pyoxigraph.RdfFormat.N_QUADS):
        found.setdefault(quad.graph_name.value, []).append(quad.triple)
    return {name: b"".join(sorted(pyoxigraph.serialize(ts, format=pyoxigraph.RdfFormat.N_TRIPLES)
                                  .splitlines(keepends=True))) for name, ts in found.items()}


@pytest.mark.parametrize("batch", [1, 100, 10_000])
def test_a_batched_push_posts_every_graph_once_after_deleting_those_it_replaces(store, batch):
    client = Recording()
    client.remote = {f"{NS}03", f"{NS}17"}  # already on the server from an earlier push
    report = push(open_store(store), client, jobs=3, batch_triples=batch)
    assert posted_graphs(client) == local_graphs(open_store(store)) and client.sent == {}
    # each graph the server held is deleted once, before the POST that carries it
    assert sorted(g for method, g in client.log if method == "DELETE" and g != NS + "-stale") == sorted(client.remote)
    for graph in client.remote:
        carried = next(i for i, (method, body) in enumerate(client.log) if method == "POST" and f"<{graph}>" in body)
        assert client.log.index(("DELETE", graph)) < carried
    assert client.log[-1] == ("DELETE", NS + "-stale")
    expected_posts = 1 if batch == 10_000 else GRAPHS if batch == 1 else None
    if expected_posts is not None:
        assert len(client.posted) == expected_posts
    assert (report.pushed, report.deleted) == (GRAPHS, 1)


def test_a_failed_batch_stops_the_push(store):
    client = Recording(fail_at=1)
    with pytest.raises(InputError, match="HTTP 500"):
        push(open_store(store), client, jobs=2, batch_triples=10)
    assert len(client.posted) == 1 and client.attempts < GRAPHS // 2 and client.deleted == []
