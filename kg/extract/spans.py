"""Adjusting mention spans where candidate sources disagree or fall short: a title's phrase and remit, titles
overlapping org phrases, and person names that spaCy tagged only in part."""

from __future__ import annotations

import re

from kg.extract import gazetteer, names, orgs
from kg.extract.mention import Mention


_OF_TO = re.compile(r"[ \t]+(?:of|to)[ \t]+(?:the[ \t]+)?")


def _body_re():
    """A capitalised body name ending in an organisation head word ("National Assembly", "House of Representatives")."""
    heads = gazetteer.alternation(gazetteer.load().org_heads)
    return re.compile(rf"(?:[A-Z][\w’'-]*[ \t]+){{0,3}}?(?:{heads})(?![\w-])")


def title_phrase_end(text: str, end: int, country_re) -> tuple[int, bool]:
    """Where a title phrase ends: after 'of <country>' and 'to <country>' ("Ambassador-designate of Brazil",
    "Ambassador of India to Bahrain"), and after an apposition comma. Returns (offset, comma seen)."""
    while True:
        link = _OF_TO.match(text, end)
        country = country_re.match(text, link.end()) if link else None
        if not country and link and link.group(0).strip().startswith("of"):
            country = _body_re().match(text, link.end())
        if not country:
            break
        end = country.end()
    comma = text.startswith(",", end)
    return (end + 1 if comma else end), comma


def fold_remits(chosen: list) -> list:
    """A title's remit ("Special Envoy for the Great Lakes") joins the title's span when no other mention
    lies inside it, so rules read the whole phrase as one office; a remit naming an org keeps it apart."""
    for i, m in enumerate(chosen):
        end = m.extra.get("remit_end")
        if m.kind == "TTL" and end and not any(m.end <= o.start < end for o in chosen[i + 1:]):
            m.end = end
    return chosen


def titles_over_orgs(cands: list, titles: list) -> list:
    """An org phrase and a title that overlap: the title owns its words. An org starting inside a title
    ("Deputy Head of [Mission Sana Iqbal]") is dropped; one running on into a title ("European Union [Special
    Envoy ...]") ends where the title begins, so the org becomes the title's organisation."""
    out = []
    for c in cands:
        if c.kind == "ORG" and not c.extra.get("acronym"):
            inside = [t for t in titles if t.start <= c.start < t.end]
            if inside:
                continue
            after = [t for t in titles if c.start < t.start < c.end]
            if after:
                cut = c.surface[: after[0].start - c.start].rstrip()
                cut = re.sub(r"\s+(?:of|for|and|the)$", "", cut)
                if not orgs.has_head(cut):
                    continue
                c = Mention(c.start, c.start + len(cut), "ORG", cut, orgs.canonical_org(cut, orgs.find_acronyms(cut)), dict(c.extra))
        out.append(c)
    return out


def widen_people(doc, text: str, cands: list) -> list:
    """spaCy often tags only the last parts of a long name ("Kwame Asante [Boateng]"): a person span grows
    leftwards over adjacent proper-noun tokens that no other mention claims and that are not titles,
    countries or honorifics."""
    gaz = gazetteer.load()
    taken = [(c.start, c.end) for c in cands if c.kind != "PER"]
    out = []
    for c in cands:
        if c.kind != "PER" or c.extra.get("honorific") or c.extra.get("rank"):
            continue
        tok = doc.char_span(c.start, c.end, alignment_mode="expand")
        if tok is None:
            continue
        start, i = c.start, tok.start - 1
        while i >= 0:
            t = doc[i]
            low = t.text.lower()
            if t.pos_ != "PROPN" or not t.text[:1].isupper() or t.is_sent_start or t.whitespace_ != " " \
                    or low in gaz.countries or low in gaz.offices or names.strip_titles(t.text + " X")[0] != "X" \
                    or any(s <= t.idx < e for s, e in taken) or text[t.idx:t.idx + len(t.text)].isupper():
                break
            start, i = t.idx, i - 1
        if start < c.start:
            out.append(Mention(start, c.end, "PER", text[start:c.end], None, dict(c.extra)))
    return out
