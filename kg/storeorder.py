"""A query's final ORDER BY, done in Python for the store.

Oxigraph sorts by reading each string back from RocksDB at every comparison: at 1M triples that is most of
a listing question's time (every fact's evidence, 35k rows: 3 s of its 9 s), while sorting the answer once
it is decoded takes milliseconds. So a SELECT whose last clause is ORDER BY over plain variables (ASC,
DESC, STR) runs without it and its rows are sorted here, the way SPARQL 1.1 section 15.1 orders them:
unbound, then IRIs, then literals. Only columns whose values compare the same way in every engine are
sorted here: IRIs, and literals of one kind (plain strings, strings of one language, integers and
decimals, dates without a time zone). Anything else (blank nodes, mixed literal kinds, LIMIT, an
expression) is left to Oxigraph, which runs the query as written."""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

XSD = "http://www.w3.org/2001/XMLSchema#"
_NUMBERS = frozenset(XSD + name for name in (
    "integer", "decimal", "nonNegativeInteger", "positiveInteger", "nonPositiveInteger", "negativeInteger",
    "long", "int", "short", "byte", "unsignedLong", "unsignedInt", "unsignedShort", "unsignedByte"))
_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")

# Comments are dropped; strings and IRIs are single tokens (a brace or ORDER inside them is not one); any
# other character is a token too, so an ORDER BY with anything but the forms below is left to the engine.
_TOKEN = re.compile(
    r"(?P<comment>#[^\n]*)"
    r'|(?P<term>"""(?:[^"\\]|\\.|"(?!""))*"""|\'\'\'(?:[^\'\\]|\\.|\'(?!\'\'))*\'\'\''
    r'|"(?:[^"\\\n]|\\.)*"|\'(?:[^\'\\\n]|\\.)*\'|<[^<>"{}|^`\\\x00-\x20]*>)'
    r"|(?P<var>[?$][A-Za-z_0-9]\w*)"
    r"|(?P<word>[A-Za-z_][\w.-]*(?::[\w.%:-]*)?|:[\w.%:-]*)"
    r"|(?P<punct>[{}()])"
    r"|(?P<other>\S)",
    re.DOTALL,
)


@dataclass(frozen=True)
class SortKey:
    variable: str
    descending: bool = False
    as_string: bool = False  # STR(?v)


def split_order_by(text: str) -> tuple[str, list[SortKey]] | None:
    """(the query without its final ORDER BY, the keys), or None when that ORDER BY is not one of plain
    variables or the query is not a SELECT."""
    if "\\u" in text or "\\U" in text:  # codepoint escapes could spell a keyword: leave it to the engine
        return None
    depth, query_form, order_at, tail = 0, None, None, []
    tokens = [(m.lastgroup, m.group(), m.start()) for m in _TOKEN.finditer(text) if m.lastgroup != "comment"]
    for i, (kind, value, start) in enumerate(tokens):
        if kind == "punct" and value in "{}":
            depth += 1 if value == "{" else -1
        elif depth == 0 and kind == "word":
            word = value.upper()
            if query_form is None and word in ("SELECT", "CONSTRUCT", "ASK", "DESCRIBE"):
                query_form = word
            elif word == "ORDER" and i + 1 < len(tokens) and tokens[i + 1][1].upper() == "BY":
                order_at, tail = start, tokens[i + 2:]
    if query_form != "SELECT" or order_at is None:
        return None
    keys = _keys(tail)
    return (text[:order_at], keys) if keys else None


def _keys(tokens) -> list[SortKey] | None:
    """ORDER BY conditions of the forms ?v, ASC(?v), DESC(?v), STR(?v), ASC(STR(?v)), DESC(STR(?v))."""
    if any(kind in ("term", "other") for kind, _, _ in tokens):
        return None
    words = [value.upper() if kind == "word" else value for kind, value, _ in tokens]
    keys, i = [], 0
    patterns = (
        (["?"], False, False), (["ASC", "(", "?", ")"], False, False), (["DESC", "(", "?", ")"], True, False),
        (["STR", "(", "?", ")"], False, True), (["ASC", "(", "STR", "(", "?", ")", ")"], False, True),
        (["DESC", "(", "STR", "(", "?", ")", ")"], True, True),
    )
    while i < len(words):
        for shape, descending, as_string in patterns:
            found = words[i:i + len(shape)]
            if len(found) == len(shape) and all(
                    (want == "?" and got[0] in "?$") or want == got for want, got in zip(shape, found)):
                variable = next(got for want, got in zip(shape, found) if want == "?")
                keys.append(SortKey(variable[1:], descending, as_string))
                i += len(shape)
                break
        else:
            return None
    return keys


class Unsortable(Exception):
    """A column this module does not order the way the engine would: the engine sorts instead."""


def _kind_and_value(term, as_string: bool):
    """(rank, kind, comparable value) of a pyoxigraph term as ORDER BY sees it."""
    import pyoxigraph

    if term is None:
        return 0, None, ""
    if isinstance(term, pyoxigraph.BlankNode):
        if as_string:  # STR of a blank node is an error, which ORDER BY treats as unbound
            return 0, None, ""
        raise Unsortable("blank node")
    if as_string:
        return 3, "string", term.value
    if isinstance(term, pyoxigraph.NamedNode):
        return 2, None, term.value
    if not isinstance(term, pyoxigraph.Literal):
        raise Unsortable("quoted triple")
    if term.language:
        return 3, "lang:" + term.language.lower(), term.value
    datatype = term.datatype.value
    if datatype == XSD + "string":
        return 3, "string", term.value
    if datatype in _NUMBERS:
        try:
            return 3, "number", Decimal(term.value)
        except InvalidOperation:
            raise Unsortable("ill-formed number") from None
    if datatype == XSD + "date" and _DATE.fullmatch(term.value):
        return 3, "date", term.value
    raise Unsortable(f"literal of type {datatype}")


def sort_rows(columns: list[str], rows: list[list], keys: list[SortKey]) -> list[list]:
    """rows (lists of pyoxigraph terms, in columns' order) sorted by keys; Unsortable where this module
    would not order a column as the engine does."""
    decorated = [[row] for row in rows]
    for key in keys:
        if key.variable not in columns:
            raise Unsortable(f"?{key.variable} is not projected")
        index, kinds = columns.index(key.variable), set()
        for entry in decorated:
            rank, kind, value = _kind_and_value(entry[0][index], key.as_string)
            if kind is not None:
                kinds.add(kind)
            entry.append((rank, value))
        if len(kinds) > 1:
            raise Unsortable(f"?{key.variable} mixes {', '.join(sorted(kinds))}")
    # Stable sorts from the last key to the first give the order of all keys together.
    for position in range(len(keys), 0, -1):
        decorated.sort(key=lambda entry, p=position: entry[p], reverse=keys[position - 1].descending)
    return [entry[0] for entry in decorated]
