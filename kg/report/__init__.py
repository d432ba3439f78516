"""`kg report`: the corpus overview page (data.py computes, svg.py draws charts, page.py writes HTML)."""

from __future__ import annotations

from rdflib import Graph

from kg.report.data import overview
from kg.report.page import render

TITLE = "Diplomacy knowledge graph: corpus overview"


def report_html(graph: Graph, title: str = TITLE, viewer: str = "graph.html") -> str:
    return render(overview(graph), title, viewer)
