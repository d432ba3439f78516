"""How long a query has run, for --timeout: the CPU time its worker process spent on it, not the wall time.

On a busy machine (more runnable processes than cores) a query's wall time stretches with the load while its
work does not: measured on the shared 2-core machine at load 7-9, CQ6 at 1M took 7-14 s alone and past 30 s
beside other work, so a wall-clock timeout failed queries that were merely waiting for a core. CPU time
counts only the work, so a runaway query is still stopped after --timeout seconds of it, and a query that
is only starved is not. A wall-clock backstop (WALL_FACTOR times the timeout) stops a worker that spends
neither (stuck on I/O). Where /proc is not there (not Linux), CPU time is unknown and wall time is used."""

from __future__ import annotations

import os
import time

WALL_FACTOR = 4
_TICKS = os.sysconf("SC_CLK_TCK") if hasattr(os, "sysconf") else 100


def cpu_seconds(pid: int) -> float | None:
    """User plus system CPU time of a process so far, or None when it cannot be read."""
    try:
        with open(f"/proc/{pid}/stat", "rb") as stat:
            fields = stat.read().rsplit(b")", 1)[1].split()  # the name, in brackets, may hold spaces
    except (OSError, IndexError):
        return None
    return (int(fields[11]) + int(fields[12])) / _TICKS  # utime and stime, fields 14 and 15 of stat(5)


def wait_for_answer(conn, pid: int, timeout: float) -> bool:
    """Wait on a worker's pipe until its answer is there (True) or the query has used `timeout` seconds of
    CPU time, or WALL_FACTOR times that of wall time (False)."""
    began_cpu, began = cpu_seconds(pid), time.monotonic()
    wall_limit = timeout * (WALL_FACTOR if began_cpu is not None else 1)
    while True:
        now_cpu = cpu_seconds(pid) if began_cpu is not None else None
        used = now_cpu - began_cpu if now_cpu is not None else time.monotonic() - began
        left = min(timeout - used, wall_limit - (time.monotonic() - began))
        if left <= 0:
            return conn.poll(0)
        # CPU time accrues no faster than wall time on one thread, so the answer is awaited for the CPU
        # time left and the budget then read again
        if conn.poll(left):
            return True
