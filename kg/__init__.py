"""Diplomacy knowledge-graph builder: news articles to provenance-tracked RDF."""

__version__ = "0.1.0"
