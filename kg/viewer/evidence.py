"""Evidence for the viewer: each NIF span of a fact as its quote inside the sentence(s) around it, and
the article it comes from (title, publication data). Only what the side panel shows is kept, so the page
does not carry whole articles."""

from __future__ import annotations

from rdflib import Graph, URIRef
from rdflib.namespace import XSD

from kg.namespaces import NIF, SCHEMA

CONTEXT_WINDOW = 160  # characters shown either side of a quote that has no sentence span


def _int(graph: Graph, node, predicate) -> int | None:
    value = graph.value(node, predicate)
    try:
        return int(value) if value is not None else None
    except (TypeError, ValueError):
        return None


class EvidenceTable:
    """Collects evidence spans and articles, each once, in first-seen order (callers go in sorted order)."""

    def __init__(self, graph: Graph):
        self.graph = graph
        self.spans: list[dict] = []
        self.articles: list[dict] = []
        self._span_index: dict[URIRef, int] = {}
        self._article_index: dict[URIRef, int] = {}
        self._texts: dict[URIRef, str] = {}

    def article(self, node: URIRef) -> int:
        if node not in self._article_index:
            g = self.graph
            published = g.value(node, SCHEMA.datePublished)
            entry = {
                "title": str(g.value(node, SCHEMA.headline) or g.value(node, SCHEMA.name) or node),
                "name": str(g.value(node, SCHEMA.name) or ""),
                "published": str(published) if published is not None else "",
                "publisher": str(g.value(node, SCHEMA.publisher) or ""),
                "url": str(g.value(node, SCHEMA.url) or ""),
            }
            self._article_index[node] = len(self.articles)
            self.articles.append(entry)
        return self._article_index[node]

    def span(self, node: URIRef) -> int | None:
        """Index of the span's entry, or None when the span carries no usable text."""
        if node in self._span_index:
            return self._span_index[node]
        g = self.graph
        begin, end = _int(g, node, NIF.beginIndex), _int(g, node, NIF.endIndex)
        anchor = g.value(node, NIF.anchorOf)
        context_node = g.value(node, NIF.referenceContext)
        text = self._text(context_node) if context_node is not None else ""
        if begin is None or end is None or not (0 <= begin <= end <= len(text)) or text[begin:end] != str(anchor):
            if anchor is None:
                return None
            # No article text to place it in: show the quote alone.
            context, quote_begin, quote_end = str(anchor), 0, len(str(anchor))
        else:
            bounds = [(_int(g, s, NIF.beginIndex), _int(g, s, NIF.endIndex)) for s in g.objects(node, NIF.sentence)]
            bounds = sorted((b, e) for b, e in bounds if b is not None and e is not None and b <= e <= len(text))
            if bounds:
                ctx_begin, ctx_end = min(b for b, _ in bounds), max(e for _, e in bounds)
            else:
                ctx_begin, ctx_end = max(0, begin - CONTEXT_WINDOW), min(len(text), end + CONTEXT_WINDOW)
            ctx_begin, ctx_end = min(ctx_begin, begin), max(ctx_end, end)
            context, quote_begin, quote_end = text[ctx_begin:ctx_end], begin - ctx_begin, end - ctx_begin
        entry = {
            "article": self.article(context_node) if context_node is not None else None,
            "context": context,
            "qb": quote_begin,
            "qe": quote_end,
            "begin": begin,
            "end": end,
        }
        self._span_index[node] = len(self.spans)
        self.spans.append(entry)
        return self._span_index[node]

    def _text(self, context_node) -> str:
        if context_node not in self._texts:
            value = self.graph.value(context_node, NIF.isString)
            self._texts[context_node] = str(value) if value is not None else ""
        return self._texts[context_node]


def date_range(value: str) -> tuple[str, str] | None:
    """An ISO date, year-month or year as the first and last day it covers (for the date filter)."""
    text = str(value)
    if len(text) == 4 and text.isdigit():
        return f"{text}-01-01", f"{text}-12-31"
    if len(text) == 7 and text[4] == "-":
        return f"{text}-01", f"{text}-31"
    if len(text) >= 10 and text[4] == "-" and text[7] == "-":
        return text[:10], text[:10]
    return None


DATE_TYPES = (XSD.date, XSD.gYear, XSD.gYearMonth, XSD.dateTime)
