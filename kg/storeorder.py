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


def _column(rows: list[list], index: int, as_string: bool) -> list[tuple]:
    """The (rank, comparable value) of each row's term at index, as ORDER BY sees it; Unsortable where the
    column holds what this module does not order as the engine does. One pass, attributes read once per
    cell (this runs for every row of a listing question)."""
    import pyoxigraph

    named, blank, literal = pyoxigraph.NamedNode, pyoxigraph.BlankNode, pyoxigraph.Literal
    out, kinds = [], set()
    for row in rows:
        term = row[index]
        cls = type(term)
        if term is None or (cls is blank and as_string):  # STR of a blank node is an error: unbound
            out.append((0, ""))
        elif cls is blank:
            raise Unsortable("blank node")
        elif as_string:
            if cls is not named and cls is not literal:
                raise Unsortable("quoted triple")
            out.append((3, term.value))
            kinds.add("string")
        elif cls is named:
            out.append((2, term.value))
        elif cls is not literal:
            raise Unsortable("quoted triple")
        else:
            language = term.language
            if language:
                kinds.add("lang:" + language.lower())
                out.append((3, term.value))
                continue
            datatype, value = term.datatype.value, term.value
            if datatype == XSD + "string":
                kinds.add("string")
                out.append((3, value))
            elif datatype in _NUMBERS:
                kinds.add("number")
                try:
                    out.append((3, int(value) if datatype != XSD + "decimal" else Decimal(value)))
                except (ValueError, InvalidOperation):
                    raise Unsortable("ill-formed number") from None
            elif datatype == XSD + "date" and _DATE.fullmatch(value):
                kinds.add("date")
                out.append((3, value))
            else:
                raise Unsortable(f"literal of type {datatype}")
        if len(kinds) > 1:
            raise Unsortable(f"a column mixes {', '.join(sorted(kinds))}")
    return out


def sort_rows(columns: list[str], rows: list[list], keys: list[SortKey]) -> list[list]:
    """rows (lists of pyoxigraph terms, in columns' order) sorted by keys; Unsortable where this module
    would not order a column as the engine does."""
    for key in keys:
        if key.variable not in columns:
            raise Unsortable(f"?{key.variable} is not projected")
    values = [_column(rows, columns.index(key.variable), key.as_string) for key in keys]
    order = list(range(len(rows)))
    if all(key.descending == keys[0].descending for key in keys):  # one sort on the keys together
        decorated = list(zip(*values)) if values else [()] * len(rows)
        order.sort(key=decorated.__getitem__, reverse=keys[0].descending)
    else:  # stable sorts from the last key to the first give the order of all keys together
        for key, column in reversed(list(zip(keys, values))):
            order.sort(key=column.__getitem__, reverse=key.descending)
    return [rows[i] for i in order]
