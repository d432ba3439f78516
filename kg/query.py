"""SPARQL over a graph file (rdflib) or the store (pyoxigraph): resolving what the user named, refusing what
would open a connection, running it, and printing the answer the same way whichever engine answered."""

from __future__ import annotations

import csv
import io
import json
from dataclasses import dataclass
from pathlib import Path

from kg.errors import InputError
from kg.namespaces import ID, PREFIXES, query_namespaces
from kg.paths import ontology_folder
from kg.querydataset import Dataset, query_dataset, rdflib_view, store_options
from kg.queryguard import check_query


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
    check_query(query, "the command line")  # an update such as LOAD gets its own message
    if not any(word in query.upper() for word in ("SELECT", "ASK", "CONSTRUCT", "DESCRIBE")):
        raise InputError(
            f"{query!r} is neither SPARQL, a .rq file, nor a competency question; known questions: "
            + ", ".join(sorted(q for q in questions if q[:2].isdigit()))
        )
    return query, "the command line"


@dataclass
class Answer:
    """What a query answered, as text cells, the same whichever engine answered it."""

    kind: str  # SELECT, ASK or CONSTRUCT (DESCRIBE answers as CONSTRUCT does)
    columns: list[str]
    rows: list[list[str]]


def run_query(source, text: str, where: str = "query") -> Answer:
    """Run SPARQL over an rdflib Graph or Dataset or a pyoxigraph Store: over the union of the graphs, or
    over the graphs the query's FROM and FROM NAMED name (kg.querydataset, as kg serve does)."""
    import pyoxigraph

    check_query(text, where)
    dataset = query_dataset(text)
    answer = _store_answer if isinstance(source, pyoxigraph.Store) else _rdflib_answer
    return answer(source, text, where, dataset)


def _rdflib_answer(graph, text: str, where: str, dataset: Dataset | None) -> Answer:
    # imported here: rdflib's SPARQL grammar takes a tenth of a second to load, and a query over the
    # store never needs it
    import rdflib.plugins.sparql as rdflib_sparql
    from rdflib.plugins.sparql import prepareQuery

    rdflib_sparql.SPARQL_LOAD_GRAPHS = False  # a FROM never fetches, whatever the guard lets through
    try:
        prepared = prepareQuery(text, initNs=query_namespaces())
    except Exception as exc:  # pyparsing and rdflib raise several types for bad SPARQL
        raise InputError(f"SPARQL syntax error: {str(exc).splitlines()[0][:300]}", where) from None
    if dataset is not None:
        # rdflib would read FROM itself (and fetch a graph it lacks): the view holds the dataset instead
        graph, prepared.algebra["datasetClause"] = rdflib_view(graph, dataset), None
    try:
        result = graph.query(prepared)
        if result.type == "ASK":
            return Answer("ASK", ["ask"], [["true" if result.askAnswer else "false"]])
        if result.type in ("CONSTRUCT", "DESCRIBE"):
            return Answer("CONSTRUCT", TRIPLE_COLUMNS, sorted([_cell(t) for t in triple] for triple in result.graph))
        columns = [str(v) for v in result.vars]
        return Answer("SELECT", columns, [[_cell(row[v]) for v in result.vars] for row in result])
    except Exception as exc:
        raise InputError(f"query failed: {exc}", where) from None


def _store_answer(store, text: str, where: str, dataset: Dataset | None) -> Answer:
    import pyoxigraph

    from kg.storeorder import Unsortable, sort_rows, split_order_by

    def ask(sparql):
        return store.query(sparql, prefixes={k: str(v) for k, v in query_namespaces().items()},
                           **store_options(dataset))

    try:
        ordered = split_order_by(text)  # Oxigraph sorts slowly at scale: see kg.storeorder
        result = ask(ordered[0] if ordered else text)
        if isinstance(result, pyoxigraph.QueryBoolean):
            return Answer("ASK", ["ask"], [["true" if bool(result) else "false"]])
        if isinstance(result, pyoxigraph.QueryTriples):
            return Answer("CONSTRUCT", TRIPLE_COLUMNS,
                          sorted([_term(t.subject), _term(t.predicate), _term(t.object)] for t in result))
        columns = [v.value for v in result.variables]
        rows = [list(solution) for solution in result]  # iterating a solution is twice as fast as solution[v]
        if ordered:
            try:
                rows = sort_rows(columns, rows, ordered[1])
            except Unsortable:
                rows = [list(solution) for solution in ask(text)]
        return Answer("SELECT", columns, [[_term(term) for term in row] for row in rows])
    except SyntaxError as exc:
        raise InputError(f"SPARQL syntax error: {str(exc).splitlines()[0][:300]}", where) from None
    except OSError as exc:
        raise InputError(f"query failed: {exc}", where) from None


TRIPLE_COLUMNS = ["subject", "predicate", "object"]


def _term(term) -> str:
    """A pyoxigraph term as rdflib's str() gives it: the IRI, the lexical form, the blank node's id."""
    if term is None:
        return ""
    value = getattr(term, "value", None)
    return str(term) if value is None else value  # a quoted triple has no value: its N-Triples form


def _cell(value) -> str:
    if value is None:
        return ""
    return str(value)


def format_result(answer: Answer, fmt: str = "table") -> str:
    columns, rows = answer.columns, answer.rows
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
