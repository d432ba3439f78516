"""The subcommands, one module each, and the argument types they share."""

from __future__ import annotations

import argparse


# What `kg build` keeps of automatic extraction unless told otherwise: facts the calibrated scorer rates more
# likely right than wrong. `kg eval` scores the same by default; `kg extract` writes every candidate for review.
DEFAULT_MIN_CONFIDENCE = 0.5


def confidence_arg(value: str) -> float:
    """A --min-confidence value: a number from 0 to 1."""
    try:
        number = float(value)
    except ValueError:
        number = -1.0
    if not 0.0 <= number <= 1.0:
        raise argparse.ArgumentTypeError(f"must be a number from 0 to 1, not {value!r}")
    return number
