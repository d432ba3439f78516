"""The line of queries waiting for a query worker: first come, first served, bounded in length and in wait.

queue.Queue is not enough here: a request arriving just as a worker comes free can take it ahead of one
that has waited for a minute (a woken waiter re-checks the queue after the newcomer), so under steady load
some requests wait far longer than others and pass the wait limit. Here a freed worker is handed to the
oldest waiter directly, and a newcomer gets an idle worker only when nobody is waiting."""

from __future__ import annotations

import threading
import time
from collections import deque
from collections.abc import Callable
from typing import Generic, TypeVar

T = TypeVar("T")
CHECK_EVERY = 1.0  # seconds between checks that a waiting request still wants its answer


class LineFull(Exception):
    """As many requests as the line holds are already waiting."""


class WaitedTooLong(Exception):
    """No worker came free within the wait limit."""


class Cancelled(Exception):
    """The waiter gave up (its client left) before a worker came free."""


class _Ticket:
    __slots__ = ("event", "item")

    def __init__(self):
        self.event = threading.Event()
        self.item = None


class Lineup(Generic[T]):
    def __init__(self, max_waiting: int):
        self.max_waiting = max_waiting
        self._lock = threading.Lock()
        self._idle: deque[T] = deque()
        self._waiting: deque[_Ticket] = deque()

    def put(self, item: T) -> None:
        """A worker comes free: to the oldest waiter, else to the idle ones."""
        with self._lock:
            if self._waiting:
                ticket = self._waiting.popleft()
                ticket.item = item
                ticket.event.set()
            else:
                self._idle.append(item)

    def take(self, wait: float, cancelled: Callable[[], bool] | None = None) -> T:
        """An idle worker, or the next one freed after those already waiting got theirs.

        Raises LineFull at once when max_waiting requests wait already, WaitedTooLong after `wait` seconds,
        Cancelled when `cancelled()` (asked about once a second) says the request is no longer wanted."""
        with self._lock:
            if self._idle and not self._waiting:
                return self._idle.popleft()
            if len(self._waiting) >= self.max_waiting:
                raise LineFull
            ticket = _Ticket()
            self._waiting.append(ticket)
        deadline = time.monotonic() + wait
        while (left := deadline - time.monotonic()) > 0:
            if ticket.event.wait(min(CHECK_EVERY, left)):
                return ticket.item
            if cancelled is not None and cancelled():
                return self._leave(ticket, Cancelled)
        return self._leave(ticket, WaitedTooLong)

    def _leave(self, ticket: _Ticket, why: type[Exception]) -> T:
        with self._lock:
            if ticket.event.is_set():  # handed a worker just as the wait ended: take it after all
                return ticket.item
            self._waiting.remove(ticket)
        raise why

    def waiting(self) -> int:
        with self._lock:
            return len(self._waiting)

    def idle(self) -> int:
        with self._lock:
            return len(self._idle)

    def drain(self) -> list[T]:
        """Every idle worker, taken out of the line (at shutdown)."""
        with self._lock:
            items, self._idle = list(self._idle), deque()
            return items
