"""Evidence for the viewer: each NIF span of a fact as its quote inside the sentence(s) around it, and
the article it comes from (title, publication data). Only what the side panel shows is kept, so the page
does not carry whole articles, and each sentence (context) is stored once: spans that share a sentence
refer to it by its index in `contexts`, with the quote's offsets inside it."""

from __future__ import annotations

from rdflib import URIRef
from rdflib.namespace import XSD

from kg.namespaces import NIF, SCHEMA
from kg.viewer.index import GraphIndex

CONTEXT_WINDOW = 160  # characters shown either side of a quote that has no sentence span

# Terms used in loops, looked up once (rdflib namespace attributes are slow).
NIF_ANCHOROF = NIF.anchorOf
NIF_BEGININDEX = NIF.beginIndex
NIF_ENDINDEX = NIF.endIndex
NIF_ISSTRING = NIF.isString
NIF_REFERENCECONTEXT = NIF.referenceContext
NIF_SENTENCE = NIF.sentence
SCHEMA_DATEPUBLISHED = SCHEMA.datePublished
SCHEMA_HEADLINE = SCHEMA.headline
SCHEMA_NAME = SCHEMA.name
SCHEMA_PUBLISHER = SCHEMA.publisher
SCHEMA_URL = SCHEMA.url


def _int(index: GraphIndex, node, predicate) -> int | None:
    value = index.value(node, predicate)
    try:
        return int(value) if value is not None else None
    except (TypeError, ValueError):
        return None


class EvidenceTable:
    """Collects evidence spans, their contexts and articles, each once, in first-seen order (callers go in
    sorted order)."""

    def __init__(self, index: GraphIndex):
        self.index = index
        self.spans: list[dict] = []
        self.contexts: list[str] = []
        self.articles: list[dict] = []
        self._span_index: dict[URIRef, int] = {}
        self._context_index: dict[str, int] = {}
        self._article_index: dict[URIRef, int] = {}
        self._texts: dict[URIRef, str] = {}

    def article(self, node: URIRef) -> int:
        if node not in self._article_index:
            g = self.index
            published = g.value(node, SCHEMA_DATEPUBLISHED)
            entry = {
                "title": str(g.value(node, SCHEMA_HEADLINE) or g.value(node, SCHEMA_NAME) or node),
                "name": str(g.value(node, SCHEMA_NAME) or ""),
                "published": str(published) if published is not None else "",
                "publisher": str(g.value(node, SCHEMA_PUBLISHER) or ""),
                "url": str(g.value(node, SCHEMA_URL) or ""),
            }
            self._article_index[node] = len(self.articles)
            self.articles.append(entry)
        return self._article_index[node]

    def context(self, text: str) -> int:
        """Index of a context text, stored once however many spans it frames."""
        found = self._context_index.get(text)
        if found is None:
            found = self._context_index[text] = len(self.contexts)
            self.contexts.append(text)
        return found

    def span(self, node: URIRef) -> int | None:
        """Index of the span's entry, or None when the span carries no usable text."""
        if node in self._span_index:
            return self._span_index[node]
        g = self.index
        begin, end = _int(g, node, NIF_BEGININDEX), _int(g, node, NIF_ENDINDEX)
        anchor = g.value(node, NIF_ANCHOROF)
        context_node = g.value(node, NIF_REFERENCECONTEXT)
        text = self._text(context_node) if context_node is not None else ""
        if begin is None or end is None or not (0 <= begin <= end <= len(text)) or text[begin:end] != str(anchor):
            if anchor is None:
                return None
            # No article text to place it in: show the quote alone.
            context, quote_begin, quote_end = str(anchor), 0, len(str(anchor))
        else:
            bounds = [(_int(g, s, NIF_BEGININDEX), _int(g, s, NIF_ENDINDEX)) for s in g.objects(node, NIF_SENTENCE)]
            bounds = sorted((b, e) for b, e in bounds if b is not None and e is not None and b <= e <= len(text))
            if bounds:
                ctx_begin, ctx_end = min(b for b, _ in bounds), max(e for _, e in bounds)
            else:
                ctx_begin, ctx_end = max(0, begin - CONTEXT_WINDOW), min(len(text), end + CONTEXT_WINDOW)
            ctx_begin, ctx_end = min(ctx_begin, begin), max(ctx_end, end)
            context, quote_begin, quote_end = text[ctx_begin:ctx_end], begin - ctx_begin, end - ctx_begin
        entry = {
            "article": self.article(context_node) if context_node is not None else None,
            "ctx": self.context(context),
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
            value = self.index.value(context_node, NIF_ISSTRING)
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
