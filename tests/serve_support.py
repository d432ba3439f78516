"""A `kg serve` subprocess on a free loopback port, for the endpoint's tests."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from contextlib import contextmanager
from pathlib import Path

from conftest import REPO


@contextmanager
def running_server(*args: str, cwd: Path = REPO):
    process = subprocess.Popen([sys.executable, "-m", "kg", "serve", "--port", "0", "--quiet", *args], cwd=cwd,
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=os.environ.copy())
    try:
        line = process.stdout.readline()
        if "http://" not in line:
            raise RuntimeError(f"kg serve did not start: {line}{process.stderr.read()}")
        base = line.split("SPARQL endpoint ", 1)[1].split("/sparql", 1)[0]
        yield base
    finally:
        process.send_signal(signal.SIGINT)
        try:
            process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
