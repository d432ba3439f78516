"""Debian's chromium driven by Playwright, for every browser test: where the browser is, the flags that keep
it off the network, and the rule that CI (KG_REQUIRE_BROWSER=1) fails rather than skips without it."""

from __future__ import annotations

import os
import time
from pathlib import Path

import pytest

CHROMIUM = os.environ.get("KG_CHROMIUM", "/usr/bin/chromium")
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
        "--disable-component-update", "--disable-sync"]

if not Path(CHROMIUM).exists():
    if os.environ.get("KG_REQUIRE_BROWSER") == "1":
        raise RuntimeError(f"KG_REQUIRE_BROWSER=1 but {CHROMIUM} is missing")
    pytest.skip(f"{CHROMIUM} not found: install Debian's chromium (apt-get install -y chromium) to run the "
                "browser tests", allow_module_level=True)
sync_api = pytest.importorskip("playwright.sync_api", reason="Playwright (pip install playwright) is not installed")



def wait_until(page, expression: str, timeout: float = 30.0) -> None:
    """Poll a JavaScript expression from Python until it is truthy. Playwright's wait_for_function compiles
    its predicate inside the page when it has to poll, which the pages' Content Security Policy (no
    'unsafe-eval') forbids; page.evaluate goes through the debugging protocol and is not subject to it."""
    deadline = time.monotonic() + timeout
    while not page.evaluate(expression):
        if time.monotonic() > deadline:
            raise AssertionError(f"timed out after {timeout} s waiting for: {expression}")
        time.sleep(0.05)


def brush_timeline(page, start: float, end: float) -> tuple[str, str]:
    """Drag across the viewer's timeline from one fraction of its width to another; returns the date range
    the brush set (the date filter's from and to)."""
    box = page.locator("#timeline-chart").bounding_box()
    y = box["y"] + box["height"] / 2
    page.mouse.move(box["x"] + box["width"] * start, y)
    page.mouse.down()
    page.mouse.move(box["x"] + box["width"] * end, y, steps=4)
    page.mouse.up()
    return page.input_value("#date-from"), page.input_value("#date-to")
