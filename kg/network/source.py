"""Where `kg analyze` and `kg report` read their graph: the project's sources (kg.sources), so --store DIR,
--data FILE and the defaults (.kg/store when it exists, else exports/kg.ttl) work as for every command."""

from __future__ import annotations

from pathlib import Path

from rdflib import Graph

from kg import sources


def add_source_arguments(parser) -> None:
    sources.add_source_arguments(parser)


def output_folder(args) -> Path:
    return sources.output_folder(getattr(args, "data", None))


def load_graph(args) -> Graph:
    """The graph the arguments name (raises InputError for a missing or unreadable source)."""
    return sources.as_graph(sources.open_source(getattr(args, "store", None), getattr(args, "data", None)))
