"""The HTML graph viewer: one self-contained file, no network needed to open it.

render_html(graph) is what `kg build` writes as graph.html; `kg view` adds an ego network (--focus/--depth)
and class or fact-type selection (--types) through view_html.
"""

from __future__ import annotations

import gc
from contextlib import contextmanager

from rdflib import Graph

from kg.viewer.actornet import actor_payload
from kg.viewer.model import ViewModel, build_model
from kg.viewer.render import RenderOptions, render_page
from kg.viewer.select import Selection, select_model

__all__ = [
    "RenderOptions",
    "Selection",
    "ViewModel",
    "build_model",
    "gc_paused",
    "render_html",
    "select_model",
    "view_html",
]


@contextmanager
def gc_paused():
    """Building a page allocates millions of small objects next to a big rdflib graph, and Python's cyclic
    collector would rescan that graph again and again (a quarter of the time at 10,000 entities); nothing
    here makes reference cycles worth collecting, so it pauses while the page is built."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def render_html(graph: Graph, options: RenderOptions | None = None) -> str:
    """The whole graph as a viewer page, with default options (the view model is built once)."""
    with gc_paused():
        model = build_model(graph)
        model.network = actor_payload(graph, model)
        return render_page(model, options)


def view_html(graph: Graph, selection: Selection | None = None, options: RenderOptions | None = None) -> str:
    """A viewer page of the part of the graph a selection keeps (raises InputError for a bad selection)."""
    with gc_paused():
        model = select_model(graph, selection) if selection else build_model(graph)
        model.network = actor_payload(graph, model)
        return render_page(model, options)
