"""Organisations: finding org phrases, acronyms defined once and reused, canonical names, and the
part_of structure that a nested name spells out ("International Department of the CPC Central Committee")."""

from __future__ import annotations

import functools
import re

from kg.extract import gazetteer, names
from kg.extract.mention import Mention

_W = r"(?:\d{1,2}(?:st|nd|rd|th)|[A-Z][\w\-\u00C0-\u024F]*(?:[’']s)?|\([A-Z][A-Za-z]{1,7}(?:-[A-Z][A-Za-z]{0,4})?\)|committee|embassy)"
_CONN = (
    r"(?:\s+(?:of|for|and|&)(?:\s+the)?"
    r"|(?:(?<=Committee)|(?<=Commission)|(?<=Council))\s+on"
    r"|(?:(?<=Embassy)|(?<=Consulate)|(?<=Mission)|(?<=embassy))\s+in(?:\s+the)?"
    r")?[ \t]+"
)
CHUNK_RE = re.compile(rf"(?<![\w-]){_W}(?:{_CONN}{_W})*")
SPLIT_RE = re.compile(r"\s+(?:of|for|and|&|on|in)(?:\s+the)?\s+")
# "(CPC)", "(ZANU-PF)": an acronym defined in brackets, possibly hyphenated
ACR_RE = re.compile(r"\(([A-Z][A-Za-z]{1,7}(?:-[A-Z][A-Za-z]{0,4})?)\)")
_STOP_INITIAL = {"of", "the", "and", "for", "on", "in", "&"}


@functools.lru_cache(maxsize=1)
def _heads():
    gaz = gazetteer.load()
    heads = sorted(gaz.org_heads, key=len, reverse=True)
    return gaz.org_heads, re.compile(r"(?<![\w-])(?:" + "|".join(re.escape(h) for h in heads) + r")(?![\w-])", re.IGNORECASE)


def org_kind(label: str) -> str:
    """The entity kind an org name's head word gives (the first head word, before any 'of')."""
    table, rx = _heads()
    first = SPLIT_RE.split(label)[0]
    m = rx.search(first) or rx.search(label)
    if not m:
        return "Organization"
    for head, kind in table.items():
        if head.lower() == m.group(0).lower():
            return kind
    return "Organization"


def has_head(text: str) -> bool:
    return bool(_heads()[1].search(text))


def initials(words: list[str]) -> str:
    # a hyphenated word gives one initial per part: "Union-Patriotic" -> "UP"
    parts = [p for w in words if w.lower() not in _STOP_INITIAL for p in w.split("-") if p]
    return "".join(p[0].upper() for p in parts if p[0].isalpha())


def acronym_expansion(before: str, acronym: str) -> str:
    """The phrase an '(ACR)' defines: the shortest tail of what precedes it whose initials spell it."""
    words = before.split()
    target = acronym.upper().replace(".", "").replace("-", "")
    for k in range(1, len(words) + 1):
        tail = words[-k:]
        if tail[0].lower() in _STOP_INITIAL:
            continue
        if initials(tail) == target:
            return " ".join(tail)
    start = 1 if words and words[0].lower() == "the" else 0
    return " ".join(words[start:])


def _titlecase_heads(text: str) -> str:
    return re.sub(r"\b(committee|department|party|embassy)\b", lambda m: m.group(1).title(), text)


def canonical_org(surface: str, acronyms: dict[str, str] | None = None) -> str:
    """A deterministic canonical label for an organisation name as written."""
    acronyms = acronyms or {}
    gaz = gazetteer.load()
    text = ACR_RE.sub("", surface)
    text = re.sub(r"\s+", " ", text).strip(" ,.;:")
    text = re.sub(r"^the\s+", "", text, flags=re.IGNORECASE)
    text = _titlecase_heads(text)
    m = re.match(r"^(?P<x>[A-Z][\w ]*?)[’']s (?P<y>.+)$", text)
    if m:
        country = gaz.country_names.get(m.group("x").lower())
        mission = re.match(r"^(?P<h>(?:Embassy|High Commission|Consulate|Mission)) in (?P<z>.+)$", m.group("y"), re.IGNORECASE)
        if country and mission:
            text = f"{mission.group('h').title()} of {country} in {mission.group('z')}"
        elif country:
            text = f"{m.group('y')} of {country}"
        else:
            text = f"{m.group('x')} {m.group('y')}"
    if text in acronyms:
        return canonical_org(acronyms[text], {k: v for k, v in acronyms.items() if k != text})
    m = re.match(r"^(?P<ord>\d{1,2}(?:st|nd|rd|th) )?(?P<a>[A-Z]{2,8}) (?P<u>(?:Central )?Committee)$", text)
    if m and m.group("a") in acronyms:
        text = f"{m.group('ord') or ''}{acronyms[m.group('a')]} {m.group('u')}"
    m = re.match(r"^(?P<u>.+ of the) (?P<a>[A-Z]{2,8})$", text)
    if m and m.group("a") in acronyms:
        text = f"{m.group('u')} {canonical_org(acronyms[m.group('a')], {})}"
    return names.ascii_fold(_structure(text))


def _structure(text: str) -> str:
    m = re.match(r"^(?P<u>(?:\d{1,2}(?:st|nd|rd|th) )?[A-Z][\w ]*?) of (?P<the>the )?(?P<r>.+)$", text)
    if m and _unit_head_end().search(m.group("u")):
        inner = _structure(m.group("r"))
        if inner != m.group("r"):
            return f"{m.group('u')} of the {inner}"
        return text
    m = re.match(r"^(?P<ord>\d{1,2}(?:st|nd|rd|th) )?(?P<p>.+?) (?P<u>Central Committee)$", text)
    if m and has_head(m.group("p")):
        return f"{m.group('ord') or ''}{m.group('u')} of the {m.group('p')}"
    return text


def parent_of(label: str, acronyms: dict[str, str] | None = None) -> str | None:
    """The body a unit's canonical name says it belongs to: 'X Department of the Y' -> Y."""
    gaz = gazetteer.load()
    m = re.match(r"^(?P<u>(?:\d{1,2}(?:st|nd|rd|th) )?[A-Z][\w ]*?) of (?:the )?(?P<r>.+)$", label)
    if m and any(re.search(rf"\b{h}$", m.group("u")) for h in gaz.unit_heads) and has_head(m.group("r")):
        return m.group("r")
    first, _, rest = label.partition(" ")
    if acronyms and first in acronyms and rest and any(rest.endswith(h) for h in gaz.unit_heads):
        return canonical_org(acronyms[first], acronyms)
    return None


def find_acronyms(text: str) -> dict[str, str]:
    """Acronyms defined in the text, '... Party of China (CPC)' -> {'CPC': 'Communist Party of China'}."""
    found: dict[str, str] = {}
    for chunk in CHUNK_RE.finditer(text):
        for m in ACR_RE.finditer(chunk.group(0)):
            acr = m.group(1)
            before = ACR_RE.sub("", chunk.group(0)[: m.start()]).strip()
            if acr in found or not before:
                continue
            expansion = acronym_expansion(before, acr)
            after = chunk.group(0)[m.end():].strip()
            whole = _trim_leading(before)
            if expansion == whole and re.fullmatch(r"(?:Central )?[Cc]ommittee", after):
                expansion = f"{expansion} {after}"
            found[acr] = expansion
    return found


def _trim_leading(phrase: str) -> str:
    while True:
        seg = SPLIT_RE.split(phrase, maxsplit=1)
        if len(seg) == 2 and not has_head(seg[0]):
            phrase = phrase[SPLIT_RE.search(phrase).end():]
            continue
        return re.sub(r"^the\s+", "", phrase, flags=re.IGNORECASE)


def _mission_in_city(text: str, start: int, phrase: str) -> str:
    """'Embassy of Spain' + ' in Manila': a diplomatic mission's name includes the capital it sits in."""
    if org_kind(phrase) != "DiplomaticMission" or " in " in phrase:
        return phrase
    m = re.match(r"[ \t]+in[ \t]+([A-Z][\w-]+(?:[ \t][A-Z][\w-]+)?)(?![\w-])", text[start + len(phrase):])
    if m and m.group(1).lower() in gazetteer.load().capitals:
        return phrase + m.group(0)
    return phrase


def _before_coordinated(phrase: str) -> str:
    """'the Party of X (PX) and the Y Front (YF)': a bracketed acronym closes a name, so what follows 'and'
    is another organisation, not part of this one."""
    m = re.search(r"\)\s+(?:and|&)\s", phrase)
    return phrase[: m.start() + 1] if m and ACR_RE.search(phrase[: m.start() + 1]) else phrase


def _without_trailing_name(phrase: str) -> str:
    """'Arab League Samir Fetouh': two or more capitalised words glued after the last head word, with no
    connective and no head word among them, are a name that follows the organisation, not part of it."""
    heads = list(_heads()[1].finditer(phrase))
    if not heads:
        return phrase
    tail = phrase[heads[-1].end():]
    if re.fullmatch(r"(?:[ \t]+[A-Z][a-z\u00C0-\u024F][\w’'\u00C0-\u024F-]*){2,4}", tail):
        return phrase[: heads[-1].end()]
    return phrase


# "Speaker of Parliament", "President of the Senate": a legislature named by its head word alone
_LONE_BODY = re.compile(r"(?<=[a-z]) of (?:the )?(?P<b>Parliament|Senate|Congress|Duma|Majlis|Knesset|Storting|Riksdag|Bundestag)(?![\w-]| of| \()")


def find_orgs(text: str):
    """ORG mentions: capitalised phrases with an organisation head word, and uses of defined acronyms."""

    gaz = gazetteer.load()
    acronyms = find_acronyms(text)
    out = []
    for chunk in CHUNK_RE.finditer(text):
        s = chunk.start()
        phrase = _before_coordinated(chunk.group(0))
        if not has_head(phrase):
            continue
        # drop leading segments that carry no head word ("Minister of the ...", "Song Tao, ...")
        while True:
            seg = SPLIT_RE.split(phrase, maxsplit=1)
            first = seg[0]
            if len(seg) == 2 and not has_head(first) and first.split()[0] not in acronyms:
                cut = SPLIT_RE.search(phrase)
                s += cut.end()
                phrase = phrase[cut.end():]
                continue
            break
        # drop a leading title or country-less capitalised word run that is an office ("IDCPC Vise Minister")
        hon = re.search(r"\s(?:Mr|Mrs|Ms|Dr|H\.E|Brig|Adm|Gen|Prof)\b", phrase)
        if hon:
            phrase = phrase[: hon.start()]
        if names.canonical_office(phrase) and not _heads()[1].match(phrase):
            continue
        words = phrase.split()
        if not words or (len(words) == 1 and (phrase in gaz.org_heads or phrase.lower() in gaz.org_heads or not has_head(phrase))):
            continue
        if words[0] in ("The", "A", "An"):
            s += len(words[0]) + 1
            phrase = phrase[len(words[0]) + 1:]
        if not has_head(phrase) or phrase.rstrip("’'s").lower() in {h.lower() for h in gaz.org_heads}:
            continue
        if phrase.endswith(("’s", "'s")):
            phrase = phrase[:-2]
        phrase = _mission_in_city(text, s, _without_trailing_name(phrase))
        value = canonical_org(phrase, acronyms)
        extra = {}
        inner = ACR_RE.search(phrase)
        if inner and inner.group(1) in acronyms:
            before = ACR_RE.sub("", phrase[: inner.start()]).strip()
            before = re.sub(r"^the\s+", "", before, flags=re.IGNORECASE)
            if acronyms[inner.group(1)].startswith(before) and acronyms[inner.group(1)] != before:
                value = canonical_org(acronyms[inner.group(1)], acronyms)
        poss = re.match(r"^(?P<x>.+?)[’']s (?P<y>.+)$", phrase)
        if poss and has_head(poss.group("x")) and not gaz.country_names.get(poss.group("x").lower()):
            extra["parent"] = canonical_org(poss.group("x"), acronyms)
            extra["parent_surface"] = poss.group("x")
        out.append(Mention(s, s + len(phrase), "ORG", phrase, value, extra))
    for m in _LONE_BODY.finditer(text):
        out.append(Mention(m.start("b"), m.end("b"), "ORG", m.group("b"), m.group("b"), {"kind": "GovernmentBody"}))
    # known parties by name or undefined acronym ("PTI's advisor"); an acronym the text defines wins
    for form in gaz.party_forms:
        if form in acronyms:
            continue
        canon = gaz.parties[form.lower()][0]
        for m in _party_form_re(form).finditer(text):
            out.append(Mention(m.start(), m.end(), "ORG", form, canon, {"kind": "PoliticalParty"}))
    for acr, expansion in acronyms.items():
        if not has_head(expansion):
            continue
        for m in _acronym_re(acr).finditer(text):
            out.append(Mention(m.start(), m.end(), "ORG", acr, canonical_org(expansion, acronyms), {"acronym": acr}))
    return out


# patterns built from vocabulary or from an article's acronyms, compiled once each and kept here: left to
# the re module's small cache they would evict the rules' patterns
@functools.lru_cache(maxsize=None)
def _party_form_re(form: str) -> re.Pattern:
    # a dash glued before the acronym is punctuation ("Mr. X -PTI's advisor"), not part of a word
    return re.compile(rf"(?<![\w(])(?<!\w-){re.escape(form)}(?![\w)-])")


@functools.lru_cache(maxsize=4096)
def _acronym_re(acr: str) -> re.Pattern:
    return re.compile(rf"(?<![\w(-]){re.escape(acr)}(?![\w)-])")


@functools.lru_cache(maxsize=1)
def _unit_head_end() -> re.Pattern:
    return re.compile(r"\b(?:" + "|".join(gazetteer.load().unit_heads) + r")$")
