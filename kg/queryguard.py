"""Queries that would open a connection are refused before any backend sees them.

Both engines follow SERVICE to any address (rdflib and pyoxigraph alike, checked), rdflib also fetches
the IRI of a FROM it does not hold, and LOAD is an update that fetches. So the query text is scanned as
SPARQL tokens: strings, IRIs and comments are skipped, codepoint escapes (\\u0053ERVICE) are decoded first,
as SPARQL 1.1 section 19.2 says, and a keyword is a word that is neither a variable nor part of a prefixed
name. The scan is conservative: it may refuse a query no engine would have run, never the reverse.

FROM and FROM NAMED may name this project's graphs (full IRIs under https://w3id.org/dipkg/): in the
store they select graphs, nothing is fetched."""

from __future__ import annotations

import re

from kg.errors import InputError

PROJECT_IRI = "https://w3id.org/dipkg/"

UPDATE_KEYWORDS = frozenset({"LOAD", "INSERT", "DELETE", "CLEAR", "DROP", "CREATE", "ADD", "MOVE", "COPY", "WITH"})

_ESCAPE = re.compile(r"\\u([0-9A-Fa-f]{4})|\\U([0-9A-Fa-f]{8})")
_TOKEN = re.compile(
    r'(?P<skip>"""(?:[^"\\]|\\.|"(?!""))*"""|\'\'\'(?:[^\'\\]|\\.|\'(?!\'\'))*\'\'\''
    r'|"(?:[^"\\\n]|\\.)*"|\'(?:[^\'\\\n]|\\.)*\'|#[^\n]*)'
    r'|(?P<iri><[^<>"{}|^`\\\x00-\x20]*>)'
    r"|(?P<word>[?$]?[A-Za-z_][\w.-]*(?::[\w.%:-]*)?|:[\w.%:-]*)",
    re.DOTALL,
)


class QueryRefused(InputError):
    """A query that asks for something read-only, offline SPARQL does not do; the endpoint answers 403."""


def _decode_escapes(text: str) -> str:
    return _ESCAPE.sub(lambda m: chr(int(m.group(1) or m.group(2), 16)), text)


def _tokens(text: str):
    """(kind, value) for IRIs and words outside strings and comments, in order."""
    for match in _TOKEN.finditer(_decode_escapes(text)):
        if match.lastgroup != "skip":
            yield match.lastgroup, match.group(match.lastgroup)


def check_query(text: str, source: str | None = None) -> None:
    """Raise QueryRefused for SERVICE, an update (LOAD, INSERT, ...) or a FROM outside the project's graphs."""
    tokens = list(_tokens(text))
    for i, (kind, value) in enumerate(tokens):
        if kind != "word" or value[0] in "?$:" or ":" in value:
            continue
        word = value.upper()
        if word == "SERVICE":
            raise QueryRefused("SERVICE is refused: queries run offline and never call another address", source)
        if word in UPDATE_KEYWORDS:
            raise QueryRefused(f"{word} is refused: this is a read-only query service (no updates, no LOAD)", source)
        if word == "FROM":
            following = tokens[i + 1 : i + 3]
            if following and following[0][1].upper() == "NAMED":
                following = following[1:]
            target = following[0] if following else ("", "")
            if target[0] != "iri" or not target[1][1:].startswith(PROJECT_IRI):
                raise QueryRefused(
                    f"FROM {target[1]} is refused: FROM and FROM NAMED may only name this project's graphs, "
                    f"as full IRIs under <{PROJECT_IRI}>; nothing is ever fetched", source)


def dataset_clauses(text: str) -> tuple[list[str], list[str]]:
    """The IRIs of the query's FROM and of its FROM NAMED clauses, in order (after check_query, which
    refuses a FROM that names anything but a full IRI). kg serve needs them because pyoxigraph's union
    default graph would otherwise silently override a FROM."""
    tokens = list(_tokens(text))
    default, named = [], []
    for i, (kind, value) in enumerate(tokens):
        if kind != "word" or value.upper() != "FROM":
            continue
        following = tokens[i + 1 : i + 3]
        into = default
        if following and following[0][0] == "word" and following[0][1].upper() == "NAMED":
            following, into = following[1:], named
        if following and following[0][0] == "iri":
            into.append(following[0][1][1:-1])
    return default, named
