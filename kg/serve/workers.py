"""Worker processes, each with the store open read-only. A query runs in one; at the timeout the worker is
stopped (an Oxigraph evaluation cannot be interrupted from Python) and a fresh one takes its place, so a
runaway query never holds a worker or the server; the timeout counts the worker's CPU time (kg.serve.budget),
so a query slowed only by a busy machine is not failed. When a build swaps a new store in (kg.store.write_store
replaces the folder), workers that opened the old one are replaced before their next query."""

from __future__ import annotations

import multiprocessing
import os
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass

from kg.querydataset import Dataset
from kg.serve.budget import wait_for_answer
from kg.serve.lineup import Cancelled, LineFull, Lineup, WaitedTooLong
from kg.serve.results import Reply, text_reply

_CONTEXT = multiprocessing.get_context("spawn")  # no fork of a threaded server


def _worker_main(conn, store_dir: str) -> None:
    from kg.serve.results import evaluate
    from kg.store import open_store

    try:
        store = open_store(store_dir)
    except Exception as exc:  # reported to the parent, which refuses to start
        conn.send(("error", str(exc)))
        return
    conn.send(("ready", ""))
    while True:
        try:
            query, accept, max_rows, dataset = conn.recv()
        except EOFError:
            return
        try:
            reply = evaluate(store, query, accept, max_rows, dataset)
        except Exception as exc:  # an engine error answers this query, the worker lives on
            reply = text_reply(500, f"query failed: {exc}")
        try:
            conn.send(reply)
        except OSError:  # the server has gone: so does its worker
            return


@dataclass(eq=False)  # hashed by identity in the pool's set
class _Worker:
    process: object
    conn: object
    store_id: tuple

    def stop(self) -> None:
        self.process.kill()
        self.process.join(5)
        self.conn.close()


class WorkerPool:
    def __init__(self, store_dir: str, size: int, timeout: float, queue_wait: float = 300.0,
                 queue_size: int = 64):
        # A query waits in line (at most queue_size of them, each up to queue_wait seconds) for a free
        # worker, then runs for up to timeout. Waiting is first come, first served (kg.serve.lineup).
        self.store_dir, self.timeout, self.queue_wait = str(store_dir), timeout, queue_wait
        self.lineup: Lineup[_Worker] = Lineup(queue_size)
        self._all: set = set()
        self._missing = 0
        self._lock = threading.Lock()
        self._refilling = threading.Lock()
        for _ in range(size):
            self.lineup.put(self._start())

    def _store_id(self) -> tuple:
        try:
            info = os.stat(self.store_dir)
        except OSError:
            return ()
        return info.st_dev, info.st_ino

    def _start(self) -> _Worker:
        store_id = self._store_id()
        parent, child = _CONTEXT.Pipe()
        process = _CONTEXT.Process(target=_worker_main, args=(child, self.store_dir), daemon=True)
        process.start()
        child.close()
        if not parent.poll(60):
            process.kill()
            raise RuntimeError("a query worker did not start within 60 s")
        status, message = parent.recv()
        if status != "ready":
            process.join(5)
            raise RuntimeError(message)
        worker = _Worker(process, parent, store_id)
        with self._lock:
            self._all.add(worker)
        return worker

    def _replace(self, worker: _Worker, keep: bool = False) -> _Worker | None:
        """Stop a worker and start another (returned with keep, else handed to the line). When the store
        cannot be opened just now (a swap in progress), the place is refilled by a later request."""
        with self._lock:
            self._all.discard(worker)
        worker.stop()
        try:
            fresh = self._start()
        except RuntimeError:
            with self._lock:
                self._missing += 1
            return None
        if keep:
            return fresh
        self.lineup.put(fresh)
        return None

    def _refill(self) -> None:
        if not self._refilling.acquire(blocking=False):  # one thread refills; the others wait in line
            return
        try:
            while self._missing:
                try:
                    fresh = self._start()
                except RuntimeError:
                    return
                with self._lock:
                    self._missing -= 1
                self.lineup.put(fresh)
        finally:
            self._refilling.release()

    def _take(self, gone: Callable[[], bool] | None) -> _Worker:
        def cancelled() -> bool:
            self._refill()  # a place lost to a store swap is filled while requests wait for it
            return gone is not None and gone()

        return self.lineup.take(self.queue_wait, cancelled)

    def run(self, query: str, accept: str | None, max_rows: int, dataset: Dataset | None = None,
            gone: Callable[[], bool] | None = None) -> Reply | None:
        """The reply to a query; None when `gone()` said, while it waited, that its client had left."""
        self._refill()
        arrived = time.monotonic()
        try:
            worker = self._take(gone)
        except LineFull:
            return text_reply(503, f"{self.lineup.max_waiting} queries are already waiting for a worker "
                                   "(kg serve --queue-size); try again shortly", {"Retry-After": "5"})
        except WaitedTooLong:
            return text_reply(503, f"every query worker stayed busy for {self.queue_wait:g} s "
                                   "(kg serve --queue-wait); try again later", {"Retry-After": "10"})
        except Cancelled:
            return None
        waited = time.monotonic() - arrived
        if worker.store_id != self._store_id():
            worker = self._replace(worker, keep=True)
            if worker is None:
                return text_reply(503, "the store is being replaced or cannot be opened; try again shortly",
                                  {"Retry-After": "5"})
        try:
            worker.conn.send((query, accept, max_rows, dataset))
            if wait_for_answer(worker.conn, worker.process.pid, self.timeout):
                reply = worker.conn.recv()
                self.lineup.put(worker)
                return _timed(reply, waited, time.monotonic() - arrived - waited)
        except (EOFError, OSError):
            self._replace(worker)
            return text_reply(500, "the query worker stopped unexpectedly; it has been replaced")
        # Past the timeout (CPU time: kg.serve.budget): the worker is killed (the only way to stop an Oxigraph evaluation), and a fresh
        # one takes its place in the line, so the next request waiting gets it.
        self._replace(worker)
        return text_reply(503, f"query timed out after {self.timeout:g} s of work (kg serve --timeout); it was stopped")

    def close(self) -> None:
        self.lineup.drain()
        with self._lock:
            workers, self._all = list(self._all), set()
        for worker in workers:
            worker.stop()


def _timed(reply: Reply, waited: float, ran: float) -> Reply:
    # Server-Timing (a standard header): how long the query waited in line and how long it ran.
    reply.headers["Server-Timing"] = f"queue;dur={waited * 1000:.1f}, query;dur={ran * 1000:.1f}"
    return reply
