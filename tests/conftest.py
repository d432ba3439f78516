from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
SEEDS = REPO / "seeds"
SEED_ARTICLE = SEEDS / "hilal-i-pakistan-song-tao-2020.txt"


@pytest.fixture(scope="session")
def seed_build():
    """The seed article built in-process, once for the whole session."""
    from kg.pipeline import build

    return build([SEEDS])


@pytest.fixture(scope="session")
def seed_graph(seed_build):
    return seed_build.graph


def run_kg(*args: str, cwd: Path = REPO, env: dict | None = None) -> subprocess.CompletedProcess:
    """Run the real command line, as a user would."""
    full_env = {**os.environ, **(env or {})}
    return subprocess.run(
        [sys.executable, "-m", "kg", *args], cwd=cwd, capture_output=True, text=True, env=full_env, timeout=300
    )


@pytest.fixture
def kg():
    return run_kg


@pytest.fixture(scope="module")
def browser():
    """Debian's chromium under Playwright (see browser_support), one per test module."""
    from browser_support import ARGS, CHROMIUM, sync_api

    with sync_api.sync_playwright() as pw:
        launched = pw.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        yield launched
        launched.close()
