"""Progress bars (tqdm) on a terminal for the steps of a build that take more than a second; nothing when
stderr is not a terminal or the user asked for quiet."""

from __future__ import annotations

import sys
from contextlib import contextmanager


class _Silent:
    def update(self, n: int = 1) -> None:
        pass

    def set_postfix_str(self, text: str) -> None:
        pass

    def close(self) -> None:
        pass


def enabled(quiet: bool) -> bool:
    return not quiet and sys.stderr.isatty()


def bar(total: int, desc: str, unit: str = "article", quiet: bool = False):
    """A bar that appears only once its step has run for a second (tqdm's delay)."""
    if not enabled(quiet):
        return _Silent()
    from tqdm import tqdm

    return tqdm(total=total, desc=desc, unit=unit, file=sys.stderr, delay=1.0, leave=False, dynamic_ncols=True)


@contextmanager
def step(desc: str, quiet: bool = False):
    """One step of unknown length (an export, a store load): a one-item bar with its elapsed time."""
    progress = bar(1, desc, unit="step", quiet=quiet)
    try:
        yield progress
    finally:
        progress.update(1)
        progress.close()
