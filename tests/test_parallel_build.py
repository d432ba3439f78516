"""Extraction in processes and on Dask gives the bytes a serial build gives; a build killed with SIGKILL
leaves a cache from which the next build is correct and complete."""

from __future__ import annotations

import filecmp
import os
import signal
import subprocess
import sys
import time

import pytest
from conftest import REPO

DEV = REPO / "tests" / "data" / "corpus" / "dev"
FILES = ("kg.ttl", "kg.trig", "kg.nq", "graph.html")


def _same(a, b) -> None:
    for name in FILES:
        assert filecmp.cmp(a / name, b / name, shallow=False), name


@pytest.fixture(scope="module")
def serial(tmp_path_factory):
    from conftest import run_kg

    out = tmp_path_factory.mktemp("serial")
    result = run_kg("build", str(DEV), "--out", str(out), "--no-cache", "--jobs", "1", env={"PYTHONHASHSEED": "random"})
    assert result.returncode == 0, result.stderr
    assert "articles: 8" in result.stdout
    return out


def test_two_processes_give_the_serial_bytes(kg, serial, tmp_path):
    result = kg("build", str(DEV), "--out", str(tmp_path), "--no-cache", "--jobs", "2", env={"PYTHONHASHSEED": "random"})
    assert result.returncode == 0, result.stderr
    _same(serial, tmp_path)


def test_a_dask_cluster_gives_the_serial_bytes(kg, serial, tmp_path):
    distributed = pytest.importorskip("distributed")
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None) as cluster:
        result = kg("build", str(DEV), "--out", str(tmp_path), "--no-cache", "--scheduler", cluster.scheduler_address)
    assert result.returncode == 0, result.stderr
    _same(serial, tmp_path)


def test_an_unreachable_scheduler_is_a_clear_error(kg, tmp_path):
    result = kg("build", str(DEV), "--out", str(tmp_path), "--no-cache", "--scheduler", "tcp://127.0.0.1:9")
    assert result.returncode == 2 and "Dask scheduler" in result.stderr and "Traceback" not in result.stderr


def test_a_build_killed_midway_leaves_a_cache_the_next_build_completes(kg, serial, tmp_path):
    cache, out = tmp_path / "cache", tmp_path / "out"
    proc = subprocess.Popen([sys.executable, "-m", "kg", "build", str(DEV), "--out", str(out), "--cache", str(cache),
                             "--jobs", "1"], cwd=REPO, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.time() + 240
    while time.time() < deadline and proc.poll() is None and not list((cache / "facts").rglob("*.pickle")):
        time.sleep(0.05)
    assert proc.poll() is None, "the build ended before it could be killed"
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait()
    done = len(list((cache / "facts").rglob("*.pickle")))
    assert 0 < done < 8, done
    result = kg("build", str(DEV), "--out", str(out), "--cache", str(cache), "--jobs", "1")
    assert result.returncode == 0, result.stderr
    _same(serial, out)
    assert len(list((cache / "facts").rglob("*.pickle"))) == 8
