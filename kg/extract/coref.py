"""Short references resolved to the entity they mean: 'the minister', 'the envoy', 'he', 'the award',
'the embassy'. Each candidate must be compatible (office, rank, nationality) and the most recent mention wins."""

from __future__ import annotations

import functools
import re

from kg.extract import gazetteer
from kg.extract.mention import Mention


@functools.lru_cache(maxsize=1)
def _ref_re():
    gaz = gazetteer.load()
    # a reference is "the" + a listed phrase ("the crown prince", "the President"), any case; not a title
    # with its own complement ("the President of Kenya", "the Minister for Trade") or a name ("the Emir Tamim")
    heads = {k.split(" ", 1)[1] for k in gaz.references if k.startswith("the ")}
    heads = {h for h in heads if h.split()[0] not in gaz.demonyms} | {k.split()[-1] for k in gaz.references}
    dem = gazetteer.alternation(d.title() for d in gaz.demonyms)
    return re.compile(
        rf"\b(?P<the>[Tt]he|[Hh]is|[Hh]er)\s+(?:(?P<dem>{dem})\s+)?(?P<adj>(?:outgoing|departing|visiting)\s+)?"
        rf"(?P<head>(?i:{gazetteer.alternation(heads)}))\b(?![\w-])(?!\s+(?:of|to)\b)(?!\s+for\s+(?:the\s+)?[A-Z])(?!\s+[A-Z])"
    )


PRONOUN_RE = re.compile(r"(?:^|(?<=[.;]\s)|(?<=,\s))(?P<p>[Hh]e|[Ss]he)(?=\s+(?:is|was|has|had|also|previously|serves|served|heads|holds|sits)\b)")
AWARD_REF_RE = re.compile(r"\b(?:[Tt]he\s+)?(?:civil\s+award(?:\s+of\s+\w+)?|(?:award|honou?r|order|medal|decoration|distinction)\b)", re.IGNORECASE)


def _free(mentions, s, e):
    return not any(m.start < e and s < m.end for m in mentions)


def person_refs(text: str, mentions: list[Mention], offices: dict, countries: dict) -> list[Mention]:
    """Descriptive references and pronouns as PER mentions with .entity set (unresolvable ones dropped)."""
    gaz = gazetteer.load()
    people = sorted((m for m in mentions if m.kind == "PER" and m.entity), key=lambda m: m.start)
    out = []
    for m in _ref_re().finditer(text):
        if not _free([x for x in mentions if not (x.kind == "TTL" and x.surface.lower() == m.group("head").lower())],
                     m.start(), m.end()):
            continue  # a bare title the mention finder took ("the ambassador in ...") is read as a reference
        key = f"the {m.group('head').lower()}"
        wanted = gaz.references.get(f"the {(m.group('adj') or '').strip()} {m.group('head')}".lower().replace("  ", " ")) or gaz.references.get(key)
        if m.group("dem"):
            wanted = gaz.references.get(f"the {m.group('dem').lower()} {m.group('head').lower()}") or wanted
        if not wanted:
            continue
        dem_country = gaz.demonyms.get(m.group("dem").lower()) if m.group("dem") else None
        pick = None
        for p in reversed([p for p in people if p.end <= m.start()]):
            offs = offices.get(p.entity, set())
            ok = "*" in wanted or any(w in offs or w.split(":", 1)[-1] in offs for w in wanted)
            if dem_country and dem_country not in countries.get(p.entity, set()):
                ok = False
            if ok:
                pick = p.entity
                break
        if pick is None and m.group("head").lower() in ("president", "minister", "prime minister", "emir", "king"):
            holders = [e for e, offs in offices.items() if any(w in offs for w in wanted)]
            if len(set(holders)) == 1:
                pick = holders[0]
        if pick:
            out.append(Mention(m.start(), m.end(), "PER", m.group(0), None, {"ref": True}, pick))
    for m in PRONOUN_RE.finditer(text):
        prev = [p for p in people if p.end <= m.start()]
        if prev and _free(mentions, m.start("p"), m.end("p")):
            out.append(Mention(m.start("p"), m.end("p"), "PER", m.group("p"), None, {"ref": True, "pronoun": True}, prev[-1].entity))
    return out


def other_refs(text: str, mentions: list[Mention]) -> list[Mention]:
    """'the award' -> the article's most recent award; 'the embassy' -> its most recent diplomatic mission."""
    out = []
    awards = [m for m in mentions if m.kind == "AWD"]
    for m in AWARD_REF_RE.finditer(text):
        if not _free(mentions + out, m.start(), m.end()):
            continue
        prev = [a for a in awards if a.end <= m.start()] or awards
        if prev and (m.group(0).lower().startswith("the") or "civil" in m.group(0).lower()):
            out.append(Mention(m.start(), m.end(), "AWD", m.group(0), prev[-1].value, {"ref": True}, prev[-1].value))
    missions = [m for m in mentions if m.kind == "ORG" and m.extra.get("kind") == "DiplomaticMission"]
    for m in re.finditer(r"\bthe (?:embassy|high commission|mission)\b", text, re.IGNORECASE):
        prev = [o for o in missions if o.end <= m.start()]
        if prev and _free(mentions + out, m.start(), m.end()):
            out.append(Mention(m.start(), m.end(), "ORG", m.group(0), prev[-1].value, {"ref": True, "kind": "DiplomaticMission"}, prev[-1].entity))
    return out
