from __future__ import annotations
NAME = "report"
HELP = "placeholder"
def add_arguments(parser) -> None:
    pass
def run(args) -> int:
    return 0
