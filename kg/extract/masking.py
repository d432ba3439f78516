"""Sentences as rule input: each mention replaced by a typed placeholder («PER3», «ORG7», ...), then office
phrases ("China's outgoing ambassador to Pakistan") folded into one «OFFn» placeholder with their parts.
Rule patterns are written against this masked text, so they stay short and independent of name spelling."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

PH = re.compile(r"«([A-Z]{3})(\d+)»")
KIND_OF = {"DEM": "CTY"}

_C = r"«(?:CTY|ORG)\d+»"
OFF_RE = re.compile(
    rf"(?:(?P<pre>{_C}|«GPE\d+»)(?:[’']s)?\s+)?"
    r"(?:(?P<art>the|a|an)\s+)?"
    # "Former Secretary ...", "Caretaker Minister of Justice": a sentence's first word is capitalised too
    r"(?:(?P<status>(?i:outgoing|former|departing|new|acting|previous|incoming|caretaker|interim))\s+)?"
    rf"(?:(?P<pre2>{_C})(?:[’']s)?\s+)?"
    r"(?P<title>«TTL\d+»)"
    rf"(?:\s+of\s+(?:the\s+)?(?P<of>«(?:CTY|ORG|GPE)\d+»)|\s+for\s+(?:the\s+)?(?P<for>«CTY\d+»))?"
    rf"(?:\s+(?:to|in)\s+(?:the\s+)?(?P<to>«CTY\d+»))?"
)


@dataclass
class Masked:
    text: str  # masked sentence
    start: int  # sentence offset in the article
    end: int
    refs: dict  # placeholder -> Mention or office dict
    offices: dict = field(default_factory=dict)


def mask(text: str, start: int, end: int, mentions, index: dict) -> Masked:
    parts, refs, pos = [], {}, start
    for m in mentions:
        if m.start < start or m.end > end:
            continue
        kind = KIND_OF.get(m.kind, m.kind)
        tag = f"«{kind}{index[id(m)]}»"
        parts.append(text[pos:m.start])
        parts.append(tag)
        refs[tag] = m
        pos = m.end
    parts.append(text[pos:end])
    masked = Masked("".join(parts), start, end, refs)
    _fold_offices(masked)
    return masked


def _fold_offices(masked: Masked) -> None:
    out, pos, n = [], 0, 0
    for m in OFF_RE.finditer(masked.text):
        tag = f"«OFF{n}»"
        n += 1
        parts = {k: v for k, v in m.groupdict().items() if v}
        start = m.start()
        if parts.get("pre", "").startswith("«GPE") and not _regional(masked, parts["title"]):
            # a place before a title is part of it only for a state's or province's office ("Punjab Chief
            # Minister"); "in Beijing Ambassador X" keeps its place
            del parts["pre"]
            start = min(m.start(g) for g in ("art", "status", "pre2", "title") if m.group(g))
        masked.offices[tag] = parts
        masked.offices[tag]["span"] = masked.text[start:m.end()]
        out.append(masked.text[pos:start])
        out.append(tag)
        pos = m.end()
    out.append(masked.text[pos:])
    masked.text = "".join(out)
    _lend_countries(masked)


def _regional(masked: Masked, title_tag: str) -> bool:
    from kg.extract import gazetteer

    return masked.refs[title_tag].value in gazetteer.load().regional_offices


_COORDINATED = re.compile(r"(«OFF\d+»),?\s+(?:and|&)\s+(«OFF\d+»)")


def _lend_countries(masked: Masked) -> None:
    """'Kazakh Deputy Prime Minister and Foreign Minister X': coordinated titles share the country the first
    one states, when the second states none of its own."""
    for m in _COORDINATED.finditer(masked.text):
        first, second = masked.offices[m.group(1)], masked.offices[m.group(2)]
        cue = first.get("pre2") or first.get("pre")
        if cue and cue.startswith("«CTY") and not any(second.get(k) for k in ("pre", "pre2", "of")):
            second["pre"] = cue


def unmask(masked: Masked, s: str) -> str:
    """Masked text back to the words it stands for ("four «OFF1»" -> "four Vice Ministers")."""
    s = re.sub(r"«OFF\d+»", lambda m: masked.offices[m.group(0)]["span"], s)
    return PH.sub(lambda m: masked.refs[m.group(0)].surface if m.group(0) in masked.refs else m.group(0), s)


def tags_in(masked: Masked, s: str) -> list[str]:
    """The mention placeholders in s, office placeholders opened up («OFF0» -> «ORG3» «TTL4»)."""
    s = re.sub(r"«OFF\d+»", lambda m: masked.offices[m.group(0)]["span"], s)
    return [m.group(0) for m in PH.finditer(s) if m.group(0) in masked.refs]
