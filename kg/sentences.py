"""Sentence spans of an article, found without a parser so that building from reviewed facts stays fast.

Good enough to show a quote inside its sentence: splits after . ! ? (and closing quotes) followed by
space and an upper-case letter or digit, and at line breaks, but not after common abbreviations.
"""

from __future__ import annotations

import re

_ABBREVIATIONS = {
    "mr", "mrs", "ms", "dr", "prof", "brig", "gen", "col", "maj", "capt", "lt", "adm", "cdr", "sgt",
    "st", "no", "vs", "h.e", "e.g", "i.e", "u.s", "u.k", "jr", "sr", "gov", "sen", "rep", "amb",
}
_BOUNDARY = re.compile(r"[.!?][\"'”’)\]]*(?=\s+[\"'“‘(\[]?[A-Z0-9])|\n+")


def sentence_spans(text: str) -> list[tuple[int, int]]:
    spans: list[tuple[int, int]] = []
    start = 0
    for match in _BOUNDARY.finditer(text):
        if match.group().startswith("."):
            word = re.search(r"([\w.]+)\.$", text[max(0, match.start() - 12) : match.start() + 1])
            if word and (word.group(1).lower() in _ABBREVIATIONS or len(word.group(1)) == 1):
                continue
        end = match.start() if match.group().startswith("\n") else match.end()
        _add(spans, text, start, end)
        start = match.end()
    _add(spans, text, start, len(text))
    return spans


def _add(spans, text, begin, end):
    while begin < end and text[begin].isspace():
        begin += 1
    while end > begin and text[end - 1].isspace():
        end -= 1
    if end > begin:
        spans.append((begin, end))


def covering_sentences(spans: list[tuple[int, int]], begin: int, end: int) -> list[tuple[int, int]]:
    """The sentences a quote [begin, end) overlaps (one, usually)."""
    hits = [s for s in spans if s[0] < end and begin < s[1]]
    return hits or [(begin, end)]
