"""`kg push` sends several graphs at a time: every graph is PUT once, with exactly its triples, whatever the
number of jobs; the first failed PUT stops the push before the rest of the corpus is sent. A recording
client stands in for the server (tests/test_push.py runs against Oxigraph's)."""

from __future__ import annotations

import threading

import pytest

from kg.errors import InputError
from kg.push import Client, local_graphs, push
from kg.store import open_store, write_store

GRAPHS = 30
NS = "https://w3id.org/dipkg/graph/g"


class Recording(Client):
    def __init__(self, fail_at: int | None = None):
        super().__init__("http://127.0.0.1:1/sparql")
        self.fail_at, self.sent, self.deleted, self.lock = fail_at, {}, [], threading.Lock()
        self.attempts = 0

    def graphs(self):
        return {NS + "-stale", "http://example.org/theirs"}

    def put(self, graph, data):
        with self.lock:
            self.attempts += 1
            if self.fail_at is not None and len(self.sent) >= self.fail_at:
                raise InputError(f"PUT {graph}: HTTP 500")
            assert graph not in self.sent, "each graph is PUT once"
            self.sent[graph] = data

    def delete(self, graph):
        self.deleted.append(graph)


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
