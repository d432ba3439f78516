"""Office title mentions: a known title as written, the remit or portfolio that completes it ("Adviser on X",
"Minister of State for Foreign Affairs"), and misspelt titles close to a known one ("Second Secratary")."""

from __future__ import annotations

import functools
import re

from kg.extract import gazetteer, names
from kg.extract.mention import CAP, Mention


@functools.lru_cache(maxsize=1)
def _title_re() -> re.Pattern:
    offices = [v for v in gazetteer.load().offices if len(v) > 2]
    # "President-elect", "Prime Minister-elect": an office one is elected to and not yet in
    return re.compile(r"(?<![\w-])(?:" + gazetteer.alternation(offices) + r")s?(?:-elect)?(?![\w-])", re.IGNORECASE)


# a lower-case title is an office before its complement ("ambassador to"), or before a capitalised name
# ("incoming ambassadors Sebastian Groth ...", "minister Wang")
_LOWER_TITLE_OK = re.compile(r"\s+(?:of|to|in|for)\b|[ \t]+[A-Z][a-z]+[ \t]+[A-Z]")
# A lower-case title is an office, not a common noun, after a copula or determiner of office ("is its new
# ambassador"), a possessive ("PTI's advisor"), or "the <demonym>" ("the Spanish prime minister").
_LOWER_TITLE_BEFORE = re.compile(
    r"(?:\b(?:is|as|each|every|[Ii]ts)\s+(?:(?:new|outgoing|former|departing|previous)\s+)?"
    r"|[’']s\s+)$")
_THE_DEMONYM = re.compile(r"\b[Tt]he\s+(?P<d>[A-Z][a-z]+(?:\s+[A-Z][a-z]+)?)\s+$")
# What an adviser or envoy is for ("advisor on cooperation with CPC", "Special Envoy for Climate Change"):
# lower-case words, optionally ending in a preposition and a name or acronym.
_RSTOP = r"(?!(?:with\s+(?:active|the\s+help)|who|which|that|is|was|has|had|and|said|behalf)\b)"
_REMIT = re.compile(
    rf"\s+(?P<remit>(?:on|for)\s+{_RSTOP}(?:[a-z][\w-]*\s+{_RSTOP}){{0,3}}"
    rf"(?:(?:with|of|to)\s+(?:the\s+)?(?:[A-Z][\w-]*(?:\s+[A-Z][\w-]*){{0,3}})|[a-z][\w-]*|[A-Z][\w-]*(?:\s+(?:of\s+(?:the\s+)?)?[A-Z][\w-]*){{0,3}}))")


class _Span:
    """A match-like span (start, end, group(0)) for overlapping matches found with a lookahead."""

    def __init__(self, start, end, text):
        self._s, self._e, self._t = start, end, text

    def start(self):
        return self._s

    def end(self):
        return self._e

    def group(self, _=0):
        return self._t


@functools.lru_cache(maxsize=1)
def _portfolio_re() -> re.Pattern:
    """ 'for Foreign Affairs', 'of Labour', 'for Science and Technology': a known portfolio after a title."""
    folios = gazetteer.alternation(gazetteer.load().portfolios)
    heads = r"(?:\s+(?:Policy|Planning|Production|Procurement|Relations|Cooperation|Development|Services|Affairs))?"
    return re.compile(rf"\s+(?P<remit>(?:for|of)\s+(?:the\s+)?(?:{folios}){heads}(?:,\s+(?:{folios}){heads})*"
                      rf"(?:,?\s+and\s+(?:the\s+)?(?:{folios}){heads})?)(?![\w-])")


def title_mentions(text: str) -> list:
    """TTL mentions: known titles (a lower-case one only where the wording makes it an office), with their
    remit or portfolio, and misspelt titles corrected."""

    rx = _title_re()
    gaz = gazetteer.load()
    out = []
    for m in rx.finditer(text):
        surface = m.group(0)
        elect = surface.lower().endswith("-elect")
        office = names.canonical_office(surface[:-6] if elect else surface)
        if office is None:
            continue
        office += "-elect" if elect else ""
        lower = surface[0].islower()
        before = text[max(0, m.start() - 40):m.start()]
        dem = _THE_DEMONYM.search(before)
        if lower and not _LOWER_TITLE_OK.match(text, m.end()) and not _LOWER_TITLE_BEFORE.search(before) \
                and not (dem and dem.group("d").lower() in gaz.demonyms):
            continue
        extra = {"plural": surface.lower().endswith("s") and not office.lower().endswith("s")}
        remit = _REMIT.match(text, m.end()) if office in gaz.remit_offices else None
        end = m.end()
        if remit:
            # the remit stays outside the span: it may hold an org mention ("with CPC") of its own
            extra["remit"] = remit.group("remit")
            extra["remit_end"] = remit.end()
        elif office in gaz.portfolio_offices and not surface[0].islower():
            folio = _portfolio_re().match(text, m.end())
            if folio:
                # the portfolio is part of the title: masked with it, so "A, Minister of State for X B" reads as
                # a title before B, not an apposition to A
                extra["remit"] = folio.group("remit")
                end = folio.end()
        out.append(Mention(m.start(), end, "TTL", surface, office, extra))
    out = [_with_portfolio(text, m) for m in _composed(text, out)]
    # misspelt titles: a capitalised pair close to a known title ("Vise Minister", "Second Secratary");
    # pairs overlap ("IDCPC Vise", "Vise Minister"), hence the lookahead
    for m in re.finditer(rf"\b(?=({CAP}\s+{CAP})\b)", text):
        m = _Span(m.start(), m.start() + len(m.group(1)), m.group(1))
        if any(o.start <= m.start() < o.end for o in out):
            continue
        office = names.canonical_office(m.group(0))
        if office and len(office.split()) == 2:
            words = m.group(0).split()
            # only when one word is already a title word and the other is no function word: fixes a typo
            # ("Vise Minister"), does not invent a title ("The Minister" is no misspelt "Home Minister")
            if words[0].lower() not in _FUNCTION_WORDS and any(names.canonical_office(w) or w.lower() in ("vice", "deputy", "second", "first", "third", "assistant") for w in words):
                out = [o for o in out if not (m.start() < o.end and o.start < m.end())]  # the pair replaces "Minister"
                out.append(Mention(m.start(), m.end(), "TTL", m.group(0), office, {"corrected": True}))
    return out


_FUNCTION_WORDS = frozenset("the a an his her its their this that these those our your my and or of for to in on at by "
                            "with from as new former".split())

# titles a portfolio can be written before: any minister or adviser, and a (cabinet) secretary
_PORTFOLIO_HEADS = re.compile(r"(?:.*\b(?:Minister|Adviser|Advisor)|(?:Cabinet\s+)?Secretary)$")


@functools.lru_cache(maxsize=1)
def _portfolio_before_re() -> re.Pattern:
    """'Youth and Sports ', 'Treasury and ', 'Public Works and Transport ': portfolios written before the title."""
    folio = gazetteer.alternation(gazetteer.load().portfolios)
    # on the title's own line: a portfolio ending the line above is another office's
    return re.compile(rf"(?<![\w-])(?P<p>(?:{folio})(?:,[ \t]+(?:{folio}))*(?:,?[ \t]+(?:and|&)[ \t]+(?:{folio}))?(?:,?[ \t]+(?:and|&))?)[ \t]+$")


@functools.lru_cache(maxsize=1)
def _and_portfolio_re() -> re.Pattern:
    folio = gazetteer.alternation(gazetteer.load().portfolios)
    return re.compile(rf"\s+(?:and|&)\s+(?:the\s+)?(?:{folio})(?![\w-])")


def _with_portfolio(text: str, m: Mention) -> Mention:
    """A title with its portfolio written before it ('Transport Minister', 'Energy Adviser', 'Treasury and
    Finance Minister'), or a second portfolio after it ('Minister of Foreign Affairs and Regional Integration')."""
    if not m.surface[:1].isupper() or m.extra.get("remit"):
        return m
    head = m.value
    before = _portfolio_before_re().search(text, max(0, m.start - 80), m.start)
    if before and _PORTFOLIO_HEADS.match(head):
        start = before.start("p")
        surface = text[start:m.end]
        return Mention(start, m.end, "TTL", surface, re.sub(r"\s+", " ", surface), dict(m.extra))
    more = _and_portfolio_re().match(text, m.end)
    if more and re.search(r"\b(?:of|for)\s+", m.value):
        surface = text[m.start:more.end()]
        return Mention(m.start, more.end(), "TTL", surface, re.sub(r"\s+", " ", surface), dict(m.extra))
    return m


# rank words that make another office of a title ("First Deputy Prime Minister", "Deputy Consul General")
_RANK_PREFIX = re.compile(r"(?<![\w-])((?:(?:First|Second|Deputy|Vice|Assistant|Associate|Principal|Senior|Executive)\s+)+)$")
_TO_THE = re.compile(r"\s+to\s+the\s+$")


def _composed(text: str, found: list) -> list:
    """Titles built from titles: a rank word before one ("First Deputy Prime Minister"), and an office held
    to another office's holder ("Secretary to the President", "Adviser to the Prime Minister"): the whole
    phrase is the office, and the second title names no one."""
    heads = gazetteer.load().head_offices
    out = []
    for m in sorted(found, key=lambda x: x.start):
        prefix = _RANK_PREFIX.search(text, max(0, m.start - 40), m.start)
        if prefix and m.surface[:1].isupper() and not m.extra.get("remit"):
            m = Mention(prefix.start(1), m.end, "TTL", text[prefix.start(1):m.end], prefix.group(1) + m.value, dict(m.extra))
        prev = out[-1] if out else None
        if prev is not None and m.value in heads and not prev.extra.get("remit") \
                and _TO_THE.fullmatch(text, prev.end, m.start):
            out[-1] = Mention(prev.start, m.end, "TTL", text[prev.start:m.end], f"{prev.value} to the {m.value}", {})
            continue
        out.append(m)
    return out
