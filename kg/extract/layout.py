"""The layout of a report as received: headline, dateline ("ISLAMABAD, Oct 5 (APP):"), date stamps
("First Published: Jul 02 2016"), and where sentences must start whatever the parser thinks (after a line
break, after the dateline). Found on the raw text, before parsing, so the parser can respect them."""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from kg.extract import dates, gazetteer

_MONTH = r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?"
_DATE = rf"(?:{_MONTH}(?:\s+|(?<=\.))\d{{1,2}}(?:st|nd|rd|th)?(?:,?\s+\d{{4}})?|\d{{1,2}}(?:st|nd|rd|th)?\s+{_MONTH}(?:,?\s+\d{{4}})?)"
# CITY[, REGION][, DATE][ (OUTLET)] then a colon or dash: the place a report was filed from
DATELINE = re.compile(
    rf"(?P<city>[A-Z][A-Za-z.'’\- ]{{1,28}}?)(?:,\s*(?P<region>[A-Z][A-Za-z.\- ]{{1,24}}?))?"
    # "Pretoria, Jun 18 (Prensa Latina) Cuban ...": after the outlet's bracket the separator may be left out
    rf"(?:,?\s+(?P<date>{_DATE}))?\s*(?:\((?P<outlet>[A-Za-z][\w .&-]{{1,30}})\))?\s*(?P<sep>:|--|–|—|-(?=\s)|(?<=\))(?=\s*[A-Z]))\s*"
)
_STAMP = re.compile(rf"^\s*(?:(?:First\s+)?Published(?:\s+on)?|Posted(?:\s+on)?|Updated(?:\s+on)?|Date|Dated)\s*[:\-]?\s*"
                    rf"(?P<date>(?:[A-Z][a-z]+day,?\s+)?{_DATE})", re.MULTILINE | re.IGNORECASE)
_BARE_DATE_LINE = re.compile(rf"^\s*(?:[A-Z][a-z]+day,?\s+)?(?P<date>{_DATE})\s*$", re.MULTILINE)
_LOOK = 1500  # datelines and stamps sit at the top of a report


@dataclass(frozen=True)
class Dateline:
    start: int
    end: int  # where the first sentence of the body begins
    city: str
    date: str | None  # ISO, when the dateline states a year
    day: str | None = None  # the date as written ("Feb.4"), with or without a year


@functools.lru_cache(maxsize=8)  # asked by the parser step, the sentence splitter, the host and the date
def dateline(text: str) -> Dateline | None:
    """The dateline opening a body paragraph within the first lines: an upper-case city ('NEW DELHI:'), or a
    city with a date or an outlet ('Abuja, May 3 (NAN) -'), or a capitalised place opening a line below the
    headline ('New Delhi: Envoys ...'). 'Kenya: a new envoy' (a country, then lower case) is not one."""
    countries = gazetteer.load().countries
    for n, line in enumerate(re.finditer(r"[^\n]+", text[:_LOOK])):
        m = DATELINE.match(text, line.start())
        if not m or m.end() >= line.end():
            continue
        city = m.group("city").strip()
        words = city.split()
        upper = city.replace(" ", "").replace(".", "").isupper()
        placed = n > 0 and all(w[0].isupper() for w in words) and city.lower() not in countries \
            and text[m.end():m.end() + 1].isupper()
        if not (upper or m.group("date") or m.group("outlet") or placed) or len(words) > 3:
            continue
        iso = None
        if m.group("date") and re.search(r"\d{4}", m.group("date")):
            found = dates.parse_explicit(m.group("date"))
            iso = found[0] if found else None
        return Dateline(m.start(), m.end(), city, iso, m.group("date"))
    return None


def document_date(text: str) -> str | None:
    """A date the report states for itself: a dated dateline, a 'Published: ...' stamp or a line that is
    only a date near the top, or a stamp at the foot ("First Published: Jul 02 2016 | 10:28 PM IST"). Used
    as the publication date when the metadata has none."""
    line = dateline(text)
    if line and line.date:
        return line.date
    for pattern, part in ((_STAMP, text[:_LOOK]), (_BARE_DATE_LINE, text[:_LOOK]), (_STAMP, text[-_LOOK:])):
        for m in pattern.finditer(part):
            found = dates.parse_explicit(m.group("date")) if re.search(r"\d{4}", m.group("date")) else None
            if found:
                return found[0]
    return None


_TERMINAL = ".!?:;\"”’)|"
_BULLET = re.compile(r"[ \t]*(?:[-–—•·*▪●]|\d{1,2}[.)])\s")  # a list item starts a line of its own


@functools.lru_cache(maxsize=8)
def soft_breaks(text: str) -> frozenset[int]:
    """Offsets of line breaks that do not end a sentence: in a hard-wrapped text (most lines of a similar
    length, running on without final punctuation) a single line break inside a paragraph is only a wrap.
    Everywhere else a line break ends a sentence."""
    lines = [m for m in re.finditer(r"[^\n]+", text) if m.group().strip()]
    running = [m for m in lines if 45 <= len(m.group().rstrip()) <= 100 and m.group().rstrip()[-1] not in _TERMINAL]
    if len(lines) < 5 or len(running) < 0.5 * len(lines):
        return frozenset()
    out = set()
    for m in re.finditer(r"(?<=[^\n])\n(?=[^\n])", text):
        before = text[:m.start()].rstrip(" \t")
        if before and before[-1] not in _TERMINAL and text[m.end():m.end() + 1].strip() \
                and not _BULLET.match(text, m.end()):
            out.add(m.start())
    return frozenset(out)


def unwrap(text: str) -> str:
    """The text with its soft wraps as spaces: the same length, so every offset found in it holds in the
    text as received (quotes are always cut from that)."""
    soft = soft_breaks(text)
    if not soft:
        return text
    chars = list(text)
    for i in soft:
        chars[i] = " "
    return "".join(chars)


def sentence_starts(text: str) -> list[int]:
    """Character offsets where a sentence must start: the first non-space character after a line break
    (not a soft wrap), and the body after the dateline."""
    soft = soft_breaks(text)
    starts = [m.end() for m in re.finditer(r"\n\s*(?=\S)", text) if m.start() not in soft]
    line = dateline(text)
    if line:
        starts.append(line.end)
    return sorted(set(starts))


def mark_sentence_starts(doc):
    """A pipeline step before the parser: the layout's sentence starts are fixed, the parser fills the rest."""
    wanted = set(sentence_starts(doc.text))
    if not wanted:
        return doc
    for tok in doc[1:]:
        if tok.idx in wanted:
            tok.is_sent_start = True
    return doc
