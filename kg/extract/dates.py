"""Dates: explicit dates parsed to ISO, relative weekdays resolved against the publication date."""

from __future__ import annotations

import datetime as dt
import re

MONTHS = {m: i + 1 for i, m in enumerate(
    ["january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december"])}
MONTHS.update({m[:3]: i for m, i in list(MONTHS.items())})
MONTHS["sept"] = 9
WEEKDAYS = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]

_MON = r"(?P<mon>Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?"
_DAY = r"(?P<day>\d{1,2})(?:st|nd|rd|th)?"
_YEAR = r"(?P<year>(?:19|20)\d{2})"
DATE_PATTERNS = [
    re.compile(rf"\b(?:the\s+)?{_DAY}\s+(?:of\s+)?{_MON}(?:,?\s+{_YEAR})?\b"),  # 19th November, 2020
    re.compile(rf"\b{_MON}(?:\s+|(?<=\.)){_DAY}(?:,?\s+{_YEAR})?\b"),  # November 19, 2020; Feb.4
    re.compile(r"\b(?P<iso>(?:19|20)\d{2}-\d{2}-\d{2})\b"),
]
# "on Tuesday", "last Friday"; and a bare weekday used as an adverb before the verb ("President X Wednesday
# conferred ...") or set off by commas, never one that starts a name ("Monday Semaya")
WEEKDAY_RE = re.compile(r"\b(?:(?:[Oo]n|[Ll]ast|[Tt]his|[Oo]n last)\s+(?P<wd>Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b"
                        r"|(?P<bare>Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)(?=\s+[a-z]|,))")
MONTH_YEAR_RE = re.compile(rf"\b(?:in|since)\s+{_MON}(?:\s+{_YEAR})?\b")


def parse_published(published) -> dt.date | None:
    if not published:
        return None
    try:
        return dt.date.fromisoformat(str(published)[:10])
    except ValueError:
        return None


def resolve_weekday(name: str, published) -> str | None:
    """The most recent such weekday on or before the publication date (None if unknown)."""
    pub = parse_published(published)
    if pub is None:
        return None
    target = WEEKDAYS.index(name.lower())
    delta = (pub.weekday() - target) % 7
    return (pub - dt.timedelta(days=delta)).isoformat()


def _iso(year, month, day) -> str | None:
    try:
        return dt.date(int(year), int(month), int(day)).isoformat()
    except (TypeError, ValueError):
        return None


def parse_explicit(text: str, published=None) -> tuple[str, int, int] | None:
    """The first explicit calendar date in text, as (iso, begin, end); the year defaults to publication's."""
    pub = parse_published(published)
    best = None
    for pattern in DATE_PATTERNS:
        for m in pattern.finditer(text):
            g = m.groupdict()
            if g.get("iso"):
                iso = g["iso"]
            else:
                month = MONTHS.get(g["mon"].lower().rstrip("."))
                year = g.get("year") or (pub.year if pub else None)
                if month is None or year is None:
                    continue
                iso = _iso(year, month, g["day"])
                if iso and pub and not g.get("year") and dt.date.fromisoformat(iso) > pub:
                    iso = _iso(int(year) - 1, month, g["day"])
            if iso and (best is None or m.start() < best[1]):
                best = (iso, m.start(), m.end())
            break
    return best


# the day of publication, or the day before: "today", "this morning", "yesterday" (not "today's world")
RELATIVE_DAY_RE = re.compile(r"\b(?P<word>today|this\s+(?:morning|afternoon|evening)|tonight|yesterday)\b(?!['’]s)", re.IGNORECASE)


def find_date(text: str, published=None) -> str | None:
    """The date a sentence states: an explicit date wins over a weekday resolved against publication, which
    wins over 'today' and 'yesterday'."""
    explicit = parse_explicit(text, published)
    if explicit:
        return explicit[0]
    m = WEEKDAY_RE.search(text)
    if m:
        return resolve_weekday(m.group("wd") or m.group("bare"), published)
    m = RELATIVE_DAY_RE.search(text)
    pub = parse_published(published)
    if m and pub:
        return (pub - dt.timedelta(days=1 if m.group("word").lower() == "yesterday" else 0)).isoformat()
    return None
