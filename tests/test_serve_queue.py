"""`kg serve` under more queries than workers: they wait in line, first come first served, up to a bounded
length and a wait limit, rather than being refused on arrival. Every check waits for a state (a worker
taken, a request in line) before the next step, and asserts outcomes and order, never durations."""

from __future__ import annotations

import json
import threading
import time
import urllib.parse
import urllib.request

import pytest
from serve_support import running_server
from store_support import make_store

import kg.serve.lineup as lineup_module
from kg.serve.lineup import Cancelled, LineFull, Lineup, WaitedTooLong
from kg.serve.workers import WorkerPool

SLOW = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l }"  # runs into the timeout
ASK = "ASK { ?s a foaf:Person }"
JSON = "application/sparql-results+json"


def until(condition, what: str, limit: float = 120.0) -> None:
    """Wait for a state of the server to be reached (a bound on a hang, not a timing assertion)."""
    deadline = time.monotonic() + limit
    while not condition():
        assert time.monotonic() < deadline, f"never reached: {what}"
        time.sleep(0.01)


class Waiter(threading.Thread):
    def __init__(self, call):
        super().__init__(daemon=True)
        self.call, self.result, self.error = call, None, None

    def run(self):
        try:
            self.result = self.call()
        except Exception as exc:  # noqa: BLE001 - handed to the test, which asserts on its type
            self.error = exc


# The line itself


def test_workers_are_handed_out_in_the_order_requests_arrived():
    line = Lineup(max_waiting=8)
    waiters = []
    for i in range(3):  # each joins the line only after the one before it is in it
        waiter = Waiter(lambda: line.take(60))
        waiter.start()
        waiters.append(waiter)
        until(lambda n=i + 1: line.waiting() == n, f"{i + 1} waiting")
    for item in ("first", "second", "third"):
        line.put(item)
    for waiter in waiters:
        waiter.join()
    assert [w.result for w in waiters] == ["first", "second", "third"]


def test_a_newcomer_does_not_take_a_worker_freed_for_someone_waiting():
    line = Lineup(max_waiting=8)
    waiting = Waiter(lambda: line.take(60))
    waiting.start()
    until(lambda: line.waiting() == 1, "one waiting")
    line.put("worker")
    with pytest.raises(WaitedTooLong):
        line.take(0.05)  # the worker is already the waiter's, though it may not have woken yet
    waiting.join()
    assert waiting.result == "worker" and line.idle() == 0


def test_an_idle_worker_is_taken_at_once_and_the_line_is_bounded():
    line = Lineup(max_waiting=1)
    line.put("worker")
    assert line.take(60) == "worker"
    waiting = Waiter(lambda: line.take(60))
    waiting.start()
    until(lambda: line.waiting() == 1, "one waiting")
    with pytest.raises(LineFull):
        line.take(60)  # refused at once: the line is full
    line.put("worker")
    waiting.join()
    assert waiting.result == "worker"
    with pytest.raises(LineFull):
        Lineup(max_waiting=0).take(60)


def test_a_wait_ends_at_its_limit_or_when_the_request_is_given_up(monkeypatch):
    monkeypatch.setattr(lineup_module, "CHECK_EVERY", 0.01)
    line = Lineup(max_waiting=4)
    with pytest.raises(WaitedTooLong):
        line.take(0.05)
    with pytest.raises(Cancelled):
        line.take(60, cancelled=lambda: True)
    assert line.waiting() == 0  # neither left a place taken in the line
    line.put("worker")
    assert line.take(60) == "worker"


# The worker pool: real worker processes over the seed store


@pytest.fixture(scope="module")
def seed_store(seed_graph, tmp_path_factory):
    return make_store(tmp_path_factory.mktemp("queue") / "store", seed_graph)


@pytest.fixture
def one_worker(seed_store):
    pool = WorkerPool(seed_store, size=1, timeout=4, queue_wait=120, queue_size=2)
    yield pool
    pool.close()


def _hold_the_worker(pool) -> Waiter:
    """A slow query running on the pool's only worker (started, and holding it, when this returns)."""
    slow = Waiter(lambda: pool.run(SLOW, JSON, 10))
    slow.start()
    until(lambda: pool.lineup.idle() == 0, "the slow query holds the worker")
    return slow


def test_a_query_waits_for_the_only_worker_held_by_a_slow_one_then_answers(one_worker):
    pool = one_worker
    slow = _hold_the_worker(pool)
    waiting = Waiter(lambda: pool.run(ASK, JSON, 10))
    waiting.start()
    until(lambda: pool.lineup.waiting() == 1, "the second query in line")
    slow.join()
    waiting.join()
    assert slow.result.status == 503 and b"timed out" in slow.result.body
    assert waiting.result.status == 200 and json.loads(waiting.result.body)["boolean"] is True
    assert "queue;dur=" in waiting.result.headers["Server-Timing"]
    again = pool.run(ASK, JSON, 10)  # the timed-out query's worker was replaced: the pool is whole
    assert again.status == 200 and pool.lineup.idle() == 1


def test_past_the_line_s_length_a_query_is_refused_at_once_and_a_departed_client_s_query_never_runs(one_worker):
    pool = one_worker
    slow = _hold_the_worker(pool)
    first = Waiter(lambda: pool.run(ASK, JSON, 10))
    first.start()
    until(lambda: pool.lineup.waiting() == 1, "one query in line")
    left = threading.Event()  # its client leaves when the test says so
    departed = Waiter(lambda: pool.run(ASK, JSON, 10, gone=left.is_set))
    departed.start()
    until(lambda: pool.lineup.waiting() == 2, "two queries in line")
    refused = pool.run(ASK, JSON, 10)  # the line holds two
    assert refused.status == 503 and b"--queue-size" in refused.body and "Retry-After" in refused.headers
    left.set()
    departed.join()
    assert departed.result is None  # its client left: it gave up its place without running
    slow.join()
    first.join()
    assert first.result.status == 200
    assert pool.run(ASK, JSON, 10).status == 200


# Over HTTP: more clients than workers, none refused


def test_more_concurrent_clients_than_workers_all_get_answers(seed_store):
    with running_server("--store", str(seed_store), "--workers", "1", "--queue-size", "16") as base:
        statuses: list[int] = []

        def client():
            for _ in range(3):
                body = urllib.parse.urlencode({"query": ASK}).encode()
                request = urllib.request.Request(base + "/sparql", data=body, headers={"Accept": JSON})
                with urllib.request.urlopen(request, timeout=120) as response:
                    statuses.append(response.status)
                    assert json.loads(response.read())["boolean"] is True

        threads = [threading.Thread(target=client) for _ in range(8)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        assert statuses == [200] * 24
