"""SPARQL over the graph: resolving what the user named, running it, and printing the answer."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

from rdflib import BNode, Graph, Literal, URIRef
from rdflib.plugins.sparql import prepareQuery

from kg.errors import InputError
from kg.namespaces import ID, PREFIXES, query_namespaces
from kg.paths import ontology_folder


def competency_questions() -> dict[str, Path]:
    """Competency questions by name: '01-offices' and its short form 'offices' both work."""
    folder = ontology_folder() / "cq"
    found = {}
    for path in sorted(folder.glob("*.rq")):
        found[path.stem] = path
        found.setdefault(path.stem.split("-", 1)[-1], path)
    return found


def resolve_query(query: str) -> tuple[str, str]:
    """(SPARQL text, where it came from) for SPARQL text, a .rq file or a competency question's name."""
    if query.strip().endswith(".rq") or (len(query) < 200 and Path(query).is_file()):
        path = Path(query)
        if not path.is_file():
            raise InputError("no such query file", path)
        return path.read_text(encoding="utf-8"), str(path)
    questions = competency_questions()
    if query in questions:
        return questions[query].read_text(encoding="utf-8"), str(questions[query])
    if not any(word in query.upper() for word in ("SELECT", "ASK", "CONSTRUCT", "DESCRIBE")):
        raise InputError(
            f"{query!r} is neither SPARQL, a .rq file, nor a competency question; known questions: "
            + ", ".join(sorted(q for q in questions if q[:2].isdigit()))
        )
    return query, "the command line"


def run_query(graph: Graph, text: str, source: str = "query"):
    try:
        prepared = prepareQuery(text, initNs=query_namespaces())
    except Exception as exc:  # pyparsing and rdflib raise several types for bad SPARQL
        raise InputError(f"SPARQL syntax error: {str(exc).splitlines()[0][:300]}", source) from None
    try:
        return graph.query(prepared)
    except Exception as exc:
        raise InputError(f"query failed: {exc}", source) from None


def _cell(value) -> str:
    if value is None:
        return ""
    if isinstance(value, Literal):
        return str(value)
    if isinstance(value, (URIRef, BNode)):
        return str(value)
    return str(value)


def rows_of(result) -> tuple[list[str], list[list[str]]]:
    if result.type == "ASK":
        return ["ask"], [["true" if result.askAnswer else "false"]]
    if result.type in ("CONSTRUCT", "DESCRIBE"):
        return ["subject", "predicate", "object"], sorted([_cell(t) for t in triple] for triple in result.graph)
    columns = [str(v) for v in result.vars]
    return columns, [[_cell(row[v]) for v in result.vars] for row in result]


def format_result(result, fmt: str = "table") -> str:
    columns, rows = rows_of(result)
    if fmt == "json":
        return json.dumps([dict(zip(columns, row)) for row in rows], indent=2, ensure_ascii=False) + "\n"
    if fmt == "csv":
        buffer = io.StringIO()
        writer = csv.writer(buffer, lineterminator="\n")
        writer.writerow(columns)
        writer.writerows(rows)
        return buffer.getvalue()
    return _table(columns, rows)


def _shorten(value: str) -> str:
    """Table cells show IRIs as the id path (person/song-tao) or a CURIE (dip:OfficeHolding)."""
    if value.startswith(str(ID)):
        return value[len(str(ID)) :]
    for prefix, namespace in PREFIXES.items():
        if value.startswith(str(namespace)):
            return f"{prefix}:{value[len(str(namespace)):]}"
    return value


def _table(columns: list[str], rows: list[list[str]]) -> str:
    shown = [[_shorten(c).replace("\n", " ") for c in row] for row in rows]
    widths = [min(60, max([len(col)] + [len(r[i]) for r in shown])) for i, col in enumerate(columns)]

    def line(cells):
        return " | ".join((c if len(c) <= w else c[: w - 1] + "…").ljust(w) for c, w in zip(cells, widths)).rstrip()

    out = [line(columns), "-+-".join("-" * w for w in widths)]
    out += [line(r) for r in shown]
    out.append(f"({len(rows)} row{'s' if len(rows) != 1 else ''})")
    return "\n".join(out) + "\n"
