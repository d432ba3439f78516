"""A query evaluated in a worker: the answer cut at the row cap and serialized by pyoxigraph in the format
the client accepts. Rows are collected up to the cap, written as SPARQL TSV (each cell is the term in
N-Triples syntax, which pyoxigraph's str() gives) and read back by pyoxigraph, so every result format is
pyoxigraph's own serializer, applied to at most cap rows."""

from __future__ import annotations

from dataclasses import dataclass, field
from itertools import islice

import pyoxigraph

from kg.namespaces import query_namespaces
from kg.querydataset import Dataset, store_options
from kg.serve.negotiate import choose, offered


@dataclass
class Reply:
    status: int
    content_type: str
    body: bytes
    headers: dict = field(default_factory=dict)


def text_reply(status: int, message: str, headers: dict | None = None) -> Reply:
    return Reply(status, "text/plain; charset=utf-8", (message.rstrip("\n") + "\n").encode("utf-8"),
                 dict(headers or {}))


_PREFIXES = {k: str(v) for k, v in query_namespaces().items()}


def evaluate(store, query: str, accept: str | None, max_rows: int, dataset: Dataset | None = None) -> Reply:
    try:
        result = store.query(query, prefixes=_PREFIXES, **store_options(dataset))
    except SyntaxError as exc:
        return text_reply(400, f"SPARQL syntax error: {exc}")
    form = ("ASK" if isinstance(result, pyoxigraph.QueryBoolean)
            else "CONSTRUCT" if isinstance(result, pyoxigraph.QueryTriples) else "SELECT")
    chosen = choose(accept, form)
    if chosen is None:
        return text_reply(406, f"cannot answer a {form} query as {accept}; offered: {offered(form)}")
    media, name = chosen
    if form == "ASK":
        body = result.serialize(format=getattr(pyoxigraph.QueryResultsFormat, name))
        return Reply(200, _with_charset(media), body)
    if form == "CONSTRUCT":
        triples = list(islice(result, max_rows + 1))
        cut = len(triples) > max_rows
        prefixes = _PREFIXES if name == "TURTLE" else None
        body = pyoxigraph.serialize(triples[:max_rows], format=getattr(pyoxigraph.RdfFormat, name), prefixes=prefixes)
        return Reply(200, _with_charset(media), body, _cut_headers(cut, max_rows))
    variables = result.variables
    rows = list(islice(result, max_rows + 1))
    cut = len(rows) > max_rows
    tsv = ["\t".join(str(v) for v in variables)]
    tsv += ["\t".join("" if row[v] is None else str(row[v]) for v in variables) for row in rows[:max_rows]]
    capped = pyoxigraph.parse_query_results(("\n".join(tsv) + "\n").encode("utf-8"),
                                            format=pyoxigraph.QueryResultsFormat.TSV)
    body = capped.serialize(format=getattr(pyoxigraph.QueryResultsFormat, name))
    return Reply(200, _with_charset(media), body, _cut_headers(cut, max_rows))


def _with_charset(media: str) -> str:
    return media if media.endswith(("+json", "/json", "+xml", "/xml")) else f"{media}; charset=utf-8"


def _cut_headers(cut: bool, max_rows: int) -> dict:
    # The result formats have no place to say so, hence a header (the query page shows it).
    return {"KG-Truncated": f"true; the answer was cut at {max_rows} rows (kg serve --max-rows)"} if cut else {}
