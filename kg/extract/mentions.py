"""Mention detection: spans of the text that name a person, office title, organisation, place, venue or award.

Sources: spaCy's entities (with the gazetteer's EntityRuler), and gazetteer-driven regular expressions for
what the statistical model misses in this genre (titles, honorific-led names, org phrases, award variants).
Overlaps are settled by priority, then length.
"""

from __future__ import annotations

import functools
import re

from kg.extract import gazetteer, names, orgs, spans
from kg.extract.mention import APPOSED_NAME_END, CAP, Mention
from kg.extract.titles import title_mentions

# lower-case name particles may join the parts of a name ("Khalid bin Ahmed", "Moin ul Haque")
_PARTICLE = r"(?:bin|bint|ibn|ul|ud|ur|van|von|de|da|del|di|du|dos|das)"
NAME = rf"{CAP}(?:(?:[ \t]+{_PARTICLE})?[ \t]+{CAP}){{0,3}}"

# Places share a tier so that the longer wins: "Mexico City" over "Mexico"
PRIORITY = {"AWD": 0, "VEN": 1, "ORG": 2, "TTL": 3, "PER": 4, "CTY": 5, "DEM": 5, "GPE": 5, "REF": 7}


@functools.lru_cache(maxsize=1)
def _regexes():
    gaz = gazetteer.load()
    alt = gazetteer.alternation
    hon = alt(gaz.honorifics + tuple(gaz.ranks))
    award_forms = list(gaz.awards)
    award_re = re.compile(r"(?<![\w-])(?:" + "|".join(
        re.escape(a).replace(r"\-", r"[-\s]").replace(r"\ ", r"[-\s]") for a in sorted(award_forms, key=len, reverse=True)
    ) + r")(?![\w-])", re.IGNORECASE)
    generic_award = re.compile(rf"\b(?:Order of (?:the )?{CAP}(?: {CAP})?|{CAP} (?:Order|Medal))\b")
    venue_re = re.compile(r"(?<![\w-])(?:" + alt(v for v in gaz.venues if not v.startswith("the ")) + r")(?![\w-])", re.IGNORECASE)
    the_venues = [v[4:] for v in gaz.venues if v.startswith("the ")]
    # an empty alternation would match every bare "the ": no such venues, no such pattern
    venue_the_re = re.compile(r"\bthe (?:" + alt(the_venues) + r")\b" if the_venues else r"(?!)", re.IGNORECASE)
    venue_head_re = re.compile(rf"\b(?:{CAP}\s+){{1,3}}(?:{alt(gaz.venue_heads)})\b")
    # "the Palace of International Forums", "Hall of the People": a head word, 'of' and a capitalised name
    venue_of_re = re.compile(rf"\b(?:{CAP}\s+){{0,2}}(?:{alt(gaz.venue_heads)})\s+of\s+(?:the\s+)?{CAP}(?:\s+(?:and\s+)?{CAP}){{0,3}}")
    hon_name = re.compile(rf"(?<![\w.])(?P<hon>(?:(?:{hon})\s+)+)(?P<name>{NAME})")
    # a state's formal name is the state: "the Republic of Chile", "the Hashemite Kingdom of Jordan"
    formal = (r"(?:(?:the\s+)?(?:(?:Federal|Democratic|Islamic|People['’]s|Socialist|United|Hashemite|Arab|Plurinational|"
              r"Bolivarian|Co-?operative|Federative|Oriental|Independent|Sovereign)\s+)*(?:Republic|Kingdom|State|Sultanate|"
              r"Emirate|Principality|Grand\s+Duchy|Commonwealth|Federation)\s+of\s+(?:the\s+)?)?")
    country_re = re.compile(r"(?<![\w-])" + formal + r"(?P<name>" + alt(gaz.country_forms + tuple(f.upper() for f in gaz.country_forms if len(f) > 4)) + r")(?![\w-])(?:\s*\((?P<acr>[A-Za-z.]{2,6})\))?")
    # "the French Republic", "the Russian Federation", "Lao People's Democratic Republic"
    demonym_state_re = re.compile(r"(?<![\w-])(?P<dem>" + alt(gaz.demonym_forms) + r")(?:\s+(?:People['’]s|Democratic|Socialist|"
                                  r"Islamic|Federal|Arab))*\s+(?:Republic|Federation|Kingdom)(?![\w-])")
    demonym_re = re.compile(r"(?<![\w-])(?:" + alt(gaz.demonym_forms) + r")(?![\w])")
    capital_re = re.compile(r"(?<![\w-])(?:" + alt(c.title() for c in gaz.capitals) + r"|" + alt(c.upper() for c in gaz.capitals) + r"|" + alt(gaz.regions) + r")(?![\w-])")
    after_title = re.compile(rf"[ \t]+(?P<hon>(?:(?:{hon})[ \t]+)*)(?P<name>{NAME})")
    before_title = re.compile(rf"(?:^|(?<=[\n.;:(–—-] )|(?<=\n))(?P<name>{CAP}(?:[ \t]+{CAP}){{1,3}}),\s+(?:the\s+|a\s+|an\s+)?(?:[\w’'-]+\s+){{0,2}}$")
    return {
        "after_title": after_title, "before_title": before_title,
        "award": award_re, "generic_award": generic_award, "venue": venue_re, "venue_the": venue_the_re,
        "venue_head": venue_head_re, "venue_of": venue_of_re, "hon_name": hon_name, "country": country_re, "demonym_state": demonym_state_re,
        "demonym": demonym_re, "capital": capital_re,
    }


def _clean_person(text: str, start: int, end: int) -> tuple[int, int] | None:
    """Trim a person span: leading titles/honorifics/ranks, trailing possessive; None if nothing remains."""
    gaz = gazetteer.load()
    span = text[start:end]
    changed = True
    while changed:
        changed = False
        stripped = names.strip_titles(span)[0]
        if stripped != span:
            start += span.index(stripped) if stripped else len(span)
            span = stripped
            changed = True
        cut = _leading_title(span, gaz) or _leading_place_or_body(span, gaz)
        if cut:
            start += cut
            span = span[cut:]
            changed = True
    m = re.search(r"(?:[’']s?|\s+of\s+.*)$", span)
    if m:
        span = span[: m.start()]
    span = span.rstrip(" ,.;:")
    if not span or not span[0].isupper():
        return None
    return start, start + len(span)


def _leading_title(span: str, gaz) -> int:
    """Where a name starts after a title written before it ('Ambassador X', 'Vice Minister X'): 0 if none."""
    words = span.split()
    for k in range(min(4, len(words) - 1), 0, -1):
        lead = " ".join(words[:k])
        if names.canonical_office(lead) and (lead.lower() in gaz.offices or k == 2):
            # the k-th word's own position: a repeated title ("Ambassador Ambassador X") must not match its
            # first copy
            return [w.start() for w in re.finditer(r"\S+", span)][k]
    return 0


def _leading_place_or_body(span: str, gaz) -> int:
    """Where a name starts after a country or a body written before it ('Kuwait Tareq Al-Faraj' after 'the
    Ambassador of', 'Cabinet Division Sardar Sukhera' after 'Secretary'): 0 when the span starts with a name."""
    words = list(re.finditer(r"\S+", span))
    for k in range(min(4, len(words) - 2), 0, -1):
        prefix = span[:words[k - 1].end()]
        low = prefix.lower().rstrip(",")
        if low in gaz.country_names or low in gaz.demonyms or (orgs.has_head(prefix) and orgs.has_head(words[k - 1].group(0))):
            return words[k].start()
    return 0


def _is_person_like(surface: str) -> bool:
    gaz = gazetteer.load()
    low = surface.lower()
    if low in gaz.countries or low in gaz.capitals or low in gaz.awards or low in gaz.venues or low in gaz.offices:
        return False
    if any(w in gaz.org_heads or w in gaz.venue_heads for w in surface.split()):
        return False
    if re.match(r"(?:On|In|At|By|Later|Earlier|During)\b", surface) or re.search(_TIME_WORDS, surface):
        return False  # "On Tuesday", "Later Monday": a time phrase spaCy tagged as a name
    return bool(re.match(CAP, surface))


_PLACE_BEFORE = re.compile(r"\b(?:residence|office|home|held|located|based)\s+in\s+$|\b(?:arrived|travelled|traveled)\s+(?:in|to)\s+$")
_TIME_WORDS = r"\b(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|January|February|March|April|June|July|August|September|October|November|December)\b"


def find(doc, text: str) -> list[Mention]:
    """All mentions of the article, non-overlapping, in text order (references are added by coref)."""
    rx = _regexes()
    gaz = gazetteer.load()
    # the lexicon is matched on a diacritic-free copy of the text (same offsets): 'Béla', 'Hilāl' match too
    folded = names.fold_chars(text)
    cands: list[Mention] = []
    for m in rx["award"].finditer(folded):
        cands.append(Mention(m.start(), m.end(), "AWD", text[m.start():m.end()], names.canonical_award(m.group(0))))
    for m in rx["generic_award"].finditer(text):
        cands.append(Mention(m.start(), m.end(), "AWD", m.group(0), m.group(0)))
    for m in rx["venue"].finditer(folded):
        cands.append(Mention(m.start(), m.end(), "VEN", text[m.start():m.end()], gaz.venues[m.group(0).lower()]))
    for m in rx["venue_the"].finditer(folded):
        cands.append(Mention(m.start(), m.end(), "VEN", text[m.start():m.end()], gaz.venues[m.group(0).lower()]))
    for m in rx["venue_of"].finditer(text):
        words = m.group(0).split()
        while words and (names.canonical_office(words[0]) or words[0].lower() in ("the", "a", "at", "in")):
            words = words[1:]
        # a body's name with a head word of its own ("House of Representatives") is an organisation
        if words and not orgs.has_head(" ".join(words)) and words[-1].lower() not in gaz.countries:
            s = m.end() - len(" ".join(words))
            cands.append(Mention(s, m.end(), "VEN", text[s:m.end()], text[s:m.end()]))
    for m in rx["venue_head"].finditer(text):
        words = m.group(0).split()
        while words and (names.canonical_office(words[0]) or words[0].lower() in ("the", "a", "at", "in")):
            words = words[1:]
        if len(words) >= 2:
            s = m.end() - len(" ".join(words))
            cands.append(Mention(s, m.end(), "VEN", text[s:m.end()], text[s:m.end()]))
    for om in orgs.find_orgs(text):
        cands.append(om)
    titles = title_mentions(text)
    cands.extend(titles)
    after_title, before_title = rx["after_title"], rx["before_title"]
    for t in titles:
        b = before_title.search(text[max(0, t.start - 80):t.start])
        if b:
            s0 = max(0, t.start - 80) + b.start("name")
            span = _clean_person(text, s0, s0 + len(b.group("name")))
            if span and _is_person_like(text[span[0]:span[1]]) and text[span[0]:span[1]].lower() not in gaz.countries:
                cands.append(Mention(span[0], span[1], "PER", text[span[0]:span[1]]))
        if not t.surface[0].isupper():
            continue
        end, comma = spans.title_phrase_end(text, t.extra.get("remit_end", t.end), rx["country"])
        m = after_title.match(text, end)
        if m and comma and not re.match(APPOSED_NAME_END, text[m.end("name"):]):
            m = None  # "Ambassador of Spain, X": an apposition only when the name ends the phrase
        if m:
            span = _clean_person(text, m.start("name"), m.end("name"))
            if span and span[0] == m.start("name") and _is_person_like(text[span[0]:span[1]]):
                s0 = m.start("hon") if m.group("hon") else span[0]
                hon = names.strip_titles(m.group("hon") + "X")
                cands.append(Mention(s0, span[1], "PER", text[s0:span[1]], None, {"honorific": hon[1], "rank": hon[2]}))
    for m in rx["country"].finditer(folded):
        canon = gaz.country_names[m.group("name").lower()]
        cands.append(Mention(m.start(), m.end(), "CTY", text[m.start():m.end()], canon, {"acronym": m.group("acr")}))
    for m in rx["demonym_state"].finditer(folded):
        cands.append(Mention(m.start(), m.end(), "CTY", text[m.start():m.end()], gaz.demonyms[m.group("dem").lower()]))
    for m in rx["demonym"].finditer(folded):
        cands.append(Mention(m.start(), m.end(), "DEM", text[m.start():m.end()], gaz.demonyms[m.group(0).lower()]))
    for m in rx["capital"].finditer(folded):
        label = m.group(0).title() if m.group(0).isupper() else m.group(0)
        kind = "Region" if label in gaz.regions else "City"
        cands.append(Mention(m.start(), m.end(), "GPE", text[m.start():m.end()], label, {"kind": kind}))
    # people: honorific/rank-led names, spaCy PERSON entities, "Name of Country" list items
    for m in rx["hon_name"].finditer(text):
        hon_text = m.group("hon").strip()
        stripped, hon, rank = names.strip_titles(hon_text + " X")
        span = _clean_person(text, m.start("name"), m.end("name"))
        if span and _is_person_like(text[span[0]:span[1]]):
            s0 = m.start() if span[0] == m.start("name") else span[0]
            cands.append(Mention(s0, span[1], "PER", text[s0:span[1]], None, {"honorific": hon, "rank": rank, "prefix": hon_text}))
    for ent in doc.ents:
        if ent.label_ == "PERSON" and _PLACE_BEFORE.search(text[max(0, ent.start_char - 30):ent.start_char]):
            # "at her residence in Kandy": after a place preposition a bare name is a town, not a person
            if re.fullmatch(rf"{CAP}(?:\s+{CAP})?", ent.text):
                cands.append(Mention(ent.start_char, ent.end_char, "GPE", ent.text, ent.text, {"kind": "City", "weak": True}))
            continue
        if ent.label_ == "PERSON" or (ent.label_ in ("ORG", "GPE") and re.fullmatch(rf"{CAP}\s+{CAP}(?:\s+of\s+{CAP})", ent.text)):
            span = _clean_person(text, ent.start_char, ent.end_char)
            if span and _is_person_like(text[span[0]:span[1]]):
                cands.append(Mention(span[0], span[1], "PER", text[span[0]:span[1]]))
        elif ent.label_ in ("GPE", "LOC") and not gaz.countries.get(ent.text.lower()):
            t = re.sub(r"^the\s+", "", ent.text)
            if re.fullmatch(rf"{CAP}(?:\s+{CAP})?", t) and t.lower() not in gaz.demonyms:
                s = ent.end_char - len(t)
                cands.append(Mention(s, ent.end_char, "GPE", t, t.title() if t.isupper() else t, {"kind": "City", "weak": True}))
    for m in re.finditer(rf"(?:(?<=[,:])\s+|\bwere\s+|\band\s+)(?P<name>{CAP}\s+{CAP}(?:\s+{CAP})?)\s+of\s+(?=[A-Z])", text):
        s, e = m.start("name"), m.end("name")
        if _is_person_like(m.group("name")) and text[e + 4:e + 40].split()[0].rstrip(",.").lower() in gaz.country_names:
            cands.append(Mention(s, e, "PER", m.group("name")))
    for s0, e0 in _cued_names(text):
        span = _clean_person(text, s0, e0)
        if span and _is_person_like(text[span[0]:span[1]]) and text[span[0]:span[1]].lower() not in gaz.countries:
            cands.append(Mention(span[0], span[1], "PER", text[span[0]:span[1]]))
    cands = spans.titles_over_orgs(cands, titles)
    cands.extend(spans.widen_people(doc, text, cands))
    cands = [m for m in cands if m.kind != "PER" or _name_like(m.surface)]
    return spans.fold_remits(_settle(_headline_people(text, cands)))


def _name_like(surface: str) -> bool:
    """Not a name: an honorific or rank cut off by a sentence split ('Amb.', 'Rt.', 'Dr'), or post-nominal
    letters alone ('AC DSC', 'MP')."""
    gaz = gazetteer.load()
    bare = surface.strip(" .,")
    if bare.lower() in _honorific_words() or bare in gaz.ranks or bare + "." in gaz.ranks:
        return False
    words = bare.split()
    return not all(w.isupper() and len(w.strip(".")) <= 4 for w in words)


@functools.lru_cache(maxsize=1)
def _honorific_words() -> frozenset:
    return frozenset(h.strip(".").lower() for h in gazetteer.load().honorifics)


def _headline_people(text: str, cands: list[Mention]) -> list[Mention]:
    """A headline in title case ('Pollitt Pays Farewell Call On President') defeats the tagger, which reads
    capitalised verbs as more name: a person named in the headline keeps only the longest leading part of
    the name that the body writes too, and is dropped when the body never writes it."""
    first = re.match(r"\s*([^\n]+)\n", text)
    if not first or re.search(r"[.!?]\s*$", first.group(1)):
        return cands
    head_end = first.end(1)
    body = text[head_end:]
    out = []
    for m in cands:
        if m.kind != "PER" or m.start >= head_end:
            out.append(m)
            continue
        words = list(re.finditer(r"\S+", m.surface))
        for k in range(len(words), 0, -1):
            part = m.surface[:words[k - 1].end()]
            if next(names.whole_word_hits(body, part), None) is not None:
                if k < len(words):
                    m = Mention(m.start, m.start + len(part), m.kind, part, m.value, dict(m.extra))
                out.append(m)
                break
    return out


_APPOINTED = re.compile(rf"\b(?:appointed|named|nominated|designated|swore in)\s+(?P<name>{CAP}(?:[ \t]+{CAP}){{1,3}})\s+as\b")
# a list item or clause naming someone to a post: "- A B as Minister for Lands", ", C D as Ambassador to E"
@functools.lru_cache(maxsize=1)
def _listed_as() -> re.Pattern:
    offices = [v for v in gazetteer.load().offices if len(v) > 2]
    return re.compile(rf"(?:^|(?<=\n)|(?<=, )|(?<=\band ))[ \t]*(?:[-–—•·*▪●][ \t]+|\d{{1,2}}[.)][ \t]+)?"
                      rf"(?P<name>{CAP}(?:[ \t]+{CAP}){{1,3}})[ \t]+as[ \t]+(?:the[ \t]+)?(?:new[ \t]+)?"
                      rf"(?i:{gazetteer.alternation(offices)})(?![\w-])", re.MULTILINE)


_NAME_LIST = re.compile(rf"\b(?:ambassadors|envoys|diplomats|appointees|high commissioners),\s+(?P<list>{CAP}(?:[ \t]+{CAP}){{1,3}}"
                        rf"(?:,\s+{CAP}(?:[ \t]+{CAP}){{1,3}})*,?\s+and\s+{CAP}(?:[ \t]+{CAP}){{1,3}})")


_MET_NAME = re.compile(rf"\b(?:met(?:\s+with)?|called\s+on|held\s+talks\s+with|welcomed)\s+(?P<name>{CAP}(?:[ \t]+{CAP}){{1,3}})"
                       rf"(?=,|\s+(?:at|in|on|and)\b)")


@functools.lru_cache(maxsize=1)
def _apposed_name() -> re.Pattern:
    """A name with its title in apposition ("Khamla Sisavath, general secretary of ..."): the title's
    words in any case, the name capitalised."""
    offices = [v for v in gazetteer.load().offices if len(v) > 2]
    return re.compile(rf"(?<![\w-])(?P<name>{CAP}(?:[ \t]+{CAP}){{1,3}}),\s+(?:the\s+)?(?:(?:new|former|outgoing)\s+)?"
                      rf"(?i:{gazetteer.alternation(offices)})(?![\w-])")


@functools.lru_cache(maxsize=1)
def _bracketed_title() -> re.Pattern:
    """A name with its title in brackets after it ("Vivian Asempapa (Ambassador to Senegal)")."""
    offices = [v for v in gazetteer.load().offices if len(v) > 2]
    return re.compile(rf"(?<![\w-])(?P<name>{CAP}(?:[ \t]+{CAP}){{1,4}})[ \t]*\((?:the\s+)?(?:(?:new|former|outgoing)\s+)?"
                      rf"(?i:{gazetteer.alternation(offices)})(?![\w-])")


def _cued_names(text: str):
    """Names the wording vouches for: "appointed A B as ...", "three ambassadors, A B, C D and E F", a name
    its title follows in apposition or in brackets, a name someone met, "- A B as Minister for ..." in a list."""
    for m in _APPOINTED.finditer(text):
        yield m.start("name"), m.end("name")
    for rx in (_apposed_name(), _bracketed_title(), _MET_NAME, _listed_as()):
        for m in rx.finditer(text):
            yield m.start("name"), m.end("name")
    for m in _NAME_LIST.finditer(text):
        for item in re.finditer(rf"{CAP}(?:[ \t]+{CAP}){{1,3}}", m.group("list")):
            yield m.start("list") + item.start(), m.start("list") + item.end()


def _settle(cands: list[Mention]) -> list[Mention]:
    chosen: list[Mention] = []
    for m in sorted(cands, key=lambda c: (PRIORITY[c.kind] + (3 if c.extra.get("weak") else 0), -(c.end - c.start), c.start)):
        if m.start >= m.end:
            continue
        clash = [c for c in chosen if c.overlaps(m)]
        if not clash:
            chosen.append(m)
        elif m.kind == "PER" and all(c.kind in ("GPE", "CTY", "DEM") and c.extra.get("weak") for c in clash):
            for c in clash:
                chosen.remove(c)
            chosen.append(m)
    return sorted(chosen, key=lambda c: c.start)
