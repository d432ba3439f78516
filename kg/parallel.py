"""Running the build's per-article tasks: in this process, in N local processes, or on a Dask cluster.

Every way runs the same module-level functions on the same batches and returns the results in the
batches' order, so where a task ran never changes what the build writes."""

from __future__ import annotations

import os
from concurrent.futures import ProcessPoolExecutor, as_completed
from multiprocessing import get_context

from kg.errors import InputError


def default_jobs() -> int:
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # not Linux
        return max(1, os.cpu_count() or 1)


def run_tasks(fn, batches: list, jobs: int = 1, scheduler: str | None = None, on_done=None) -> list:
    """[fn(batch) for batch in batches], run where asked; on_done(i, result) as each one finishes (to
    keep its result at once: a build killed later keeps what was done)."""
    if not batches:
        return []
    if scheduler:
        return _on_dask(fn, batches, scheduler, on_done)
    if jobs <= 1 or len(batches) == 1:
        results = []
        for batch in batches:
            results.append(fn(batch))
            if on_done:
                on_done(len(results) - 1, results[-1])
        return results
    results = [None] * len(batches)
    # spawn: workers start clean (no copy of the parent's threads or open files), as Dask's do
    with ProcessPoolExecutor(max_workers=min(jobs, len(batches)), mp_context=get_context("spawn")) as pool:
        futures = {pool.submit(fn, batch): i for i, batch in enumerate(batches)}
        for future in as_completed(futures):
            i = futures[future]
            results[i] = future.result()
            if on_done:
                on_done(i, results[i])
    return results


def _on_dask(fn, batches: list, scheduler: str, on_done) -> list:
    try:
        from distributed import Client
        from distributed import as_completed as dask_completed
    except ImportError:
        raise InputError('--scheduler needs Dask: pip install "kg[dask]"') from None
    try:
        client = Client(scheduler, timeout="10s")
    except (OSError, TimeoutError) as exc:
        raise InputError(f"cannot reach the Dask scheduler at {scheduler}: {exc}") from None
    try:
        futures = client.map(fn, batches, pure=False)
        index = {future.key: i for i, future in enumerate(futures)}
        results = [None] * len(batches)
        for future in dask_completed(futures):
            i = index[future.key]
            results[i] = future.result()
            if on_done:
                on_done(i, results[i])
        return results
    finally:
        client.close()
