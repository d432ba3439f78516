"""The HTML graph viewer: one self-contained file, no network needed to open it.

render_html(graph) is what `kg build` writes as graph.html; `kg view` adds an ego network (--focus/--depth)
and class or fact-type selection (--types) through view_html.
"""

from __future__ import annotations

from rdflib import Graph

from kg.viewer.model import ViewModel, build_model
from kg.viewer.render import RenderOptions, render_page
from kg.viewer.select import Selection, select_model

__all__ = ["render_html", "view_html", "build_model", "select_model", "Selection", "RenderOptions", "ViewModel"]


def render_html(graph: Graph, options: RenderOptions | None = None) -> str:
    """The whole graph as a viewer page, with default options."""
    return render_page(build_model(graph), options)


def view_html(graph: Graph, selection: Selection | None = None, options: RenderOptions | None = None) -> str:
    """A viewer page of the part of the graph a selection keeps (raises InputError for a bad selection)."""
    model = select_model(graph, selection) if selection else build_model(graph)
    return render_page(model, options)
