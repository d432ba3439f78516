"""--timeout counts a query's work, not the wall time a busy machine stretches it to (kg.serve.budget): a
worker that waits without working is given its answer past the timeout, a worker that works past it is not,
and one that neither works nor answers is stopped at the wall-clock backstop. Asserts outcomes only."""

from __future__ import annotations

import multiprocessing
import threading

import pytest

from kg.serve.budget import WALL_FACTOR, cpu_seconds, wait_for_answer

_CONTEXT = multiprocessing.get_context("spawn")


def _idle(conn, answer_after: float) -> None:
    import time

    time.sleep(answer_after)  # waiting, as a worker starved of a core does: no CPU time spent
    conn.send("answer")
    time.sleep(60)


def _busy(conn) -> None:
    while True:  # working, as a runaway query does
        pass


@pytest.fixture
def child():
    started = []

    def start(target, *args):
        parent, child_end = _CONTEXT.Pipe()
        process = _CONTEXT.Process(target=target, args=(child_end, *args), daemon=True)
        process.start()
        started.append(process)
        return parent, process.pid

    yield start
    for process in started:
        process.kill()
        process.join(5)


def test_cpu_time_of_a_process_is_read():
    assert cpu_seconds(multiprocessing.current_process().pid) is not None
    assert cpu_seconds(2**22 + 12345) is None  # no such process


def test_a_worker_that_only_waits_gets_past_the_timeout_to_its_answer(child):
    conn, pid = child(_idle, 2.0)  # answers at 2 s wall, with a timeout of 1 s and a backstop of 4 s
    assert WALL_FACTOR * 1.0 > 2.0
    assert wait_for_answer(conn, pid, timeout=1.0) is True


def test_a_worker_that_works_past_the_timeout_is_given_up(child):
    conn, pid = child(_busy)
    result = []
    waiter = threading.Thread(target=lambda: result.append(wait_for_answer(conn, pid, timeout=0.5)), daemon=True)
    waiter.start()
    waiter.join(60)
    assert result == [False]


def test_a_worker_that_neither_works_nor_answers_is_given_up_at_the_backstop(child):
    conn, pid = child(_idle, 120.0)
    assert wait_for_answer(conn, pid, timeout=0.25) is False
