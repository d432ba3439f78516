"""The HTML graph viewer: one self-contained file, no network needed to open it."""

from kg.viewer.render import render_html

__all__ = ["render_html"]
