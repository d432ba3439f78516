"""Content negotiation: the result format a request's Accept header asks for, by the query's form."""

from __future__ import annotations

# media type -> format name; the first entry of each table is the default for */* or no Accept.
RESULT_TYPES = {
    "application/sparql-results+json": "JSON",
    "application/json": "JSON",
    "application/sparql-results+xml": "XML",
    "application/xml": "XML",
    "text/xml": "XML",
    "text/csv": "CSV",
    "text/tab-separated-values": "TSV",
}
GRAPH_TYPES = {
    "text/turtle": "TURTLE",
    "application/x-turtle": "TURTLE",
    "application/turtle": "TURTLE",
    "application/n-triples": "N_TRIPLES",
    "text/plain": "N_TRIPLES",
    "application/ld+json": "JSON_LD",
    "application/json": "JSON_LD",
    "application/rdf+xml": "RDF_XML",
}
TABLES = {"SELECT": RESULT_TYPES, "ASK": RESULT_TYPES, "CONSTRUCT": GRAPH_TYPES}


def _ranges(accept: str) -> list[tuple[float, int, str]]:
    ranges = []
    for position, part in enumerate(accept.split(",")):
        fields = [f.strip() for f in part.split(";")]
        media = fields[0].lower()
        if not media:
            continue
        q = 1.0
        for field in fields[1:]:
            if field.lower().startswith("q="):
                try:
                    q = float(field[2:])
                except ValueError:
                    q = 0.0
        if q > 0:
            ranges.append((-q, position, media))
    return sorted(ranges)


def choose(accept: str | None, form: str) -> tuple[str, str] | None:
    """(media type, format name) for a query form (SELECT, ASK, CONSTRUCT), or None: nothing acceptable."""
    table = TABLES[form]
    if not accept or not accept.strip():
        accept = "*/*"
    for _, _, media in _ranges(accept):
        if media in table:
            return media, table[media]
        if media == "*/*":
            default = next(iter(table))
            return default, table[default]
        if media.endswith("/*"):
            for candidate, name in table.items():
                if candidate.startswith(media[:-1]):
                    return candidate, name
    return None


def offered(form: str) -> str:
    return ", ".join(TABLES[form])
