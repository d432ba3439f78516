"""Placing an office: the parts of an office phrase (role, label, country, organisation, destination, status),
and the country an uncued title is given. The host (dateline) country is a guess made only where it is safe:
never for a minister at a multilateral meeting held in a third country (see _uncued_country)."""

from __future__ import annotations

import functools
import re
from collections import Counter

from kg.extract import builders, gazetteer, layout, orgs

_STATE_FORM = re.compile(r"(?:the\s+)?(?:[A-Z]\w+\s+){0,2}(?:Kingdom|Republic|State|Federation|Sultanate|Principality|Commonwealth)\s+of\b")
_COUNTERPART = re.compile(r"\s+counterparts?\b")
PLACE_LEAD = re.compile(r"\b(?:at|in)\s+(?:the\s+|(?:his|her|their|its)\s+(?:official\s+)?(?:residence|office|home)\s+in\s+)?$")


def _remit_label(remit: str) -> str:
    """'on cooperation with CPC' -> 'on Cooperation with CPC': content words capitalised, as in a title."""
    small = {"on", "for", "with", "of", "to", "the", "and", "in"}
    return " ".join(w if w in small or not w[0].islower() else w[0].upper() + w[1:] for w in remit.split())


@functools.lru_cache(maxsize=1)
def _multilateral() -> re.Pattern:
    cues = gazetteer.load().multilateral_cues
    return re.compile(r"(?<![\w-])(?:" + gazetteer.alternation(cues) + r")(?![\w-])", re.IGNORECASE) if cues else re.compile(r"(?!)")


def is_multilateral(ctx, masked) -> bool:
    """The sentence tells of a multilateral gathering ('on the sidelines of the X summit in Y')."""
    return multilateral_text(ctx.text[masked.start:masked.end])


def multilateral_text(text: str) -> bool:
    return bool(_multilateral().search(text))


def office_parts(ctx, masked, tag) -> dict:
    gaz = gazetteer.load()
    parts = masked.offices[tag]
    title = masked.refs[parts["title"]]
    role = title.value
    country = organization = dest = city = None
    guessed, not_countries = False, set()
    for key in ("pre", "pre2", "of"):
        ref = masked.refs.get(parts.get(key))
        if ref is None:
            continue
        if ref.kind in ("CTY", "DEM"):
            country = ref.value
        elif ref.kind == "ORG":
            organization = ctx.org(ref)
        elif ref.kind == "GPE" and (key == "of" or role in gaz.regional_offices):
            city = ctx.place(ref)  # "Governor of Punjab", "the Punjab Chief Minister"
    if parts.get("to"):
        dest = masked.refs[parts["to"]].value
    if parts.get("for"):
        # "Ambassador for the Kingdom of Thailand" is Thailand's envoy; "Special Envoy for Syria" is sent there
        ref = masked.refs[parts["for"]]
        if _STATE_FORM.match(ref.surface):
            country = country or ref.value
        else:
            dest = dest or ref.value
    if organization and not country:
        country = ctx.org_country(organization)
    label = role
    if title.extra.get("remit"):
        label = f"{role} {_remit_label(title.extra['remit'])}"
    if role in gaz.envoy_offices:
        dest = dest or (ctx.host if ctx.host != country else None)
        if dest:
            label = f"{role} to {dest}"
            ctx.table.country(dest)
    elif city:
        label = f"{role} of {city}"
    explicit = bool(country)
    # a legislature or party whose name states no country ("the National Assembly", "UPND") is placed as
    # the office would be without it
    national = organization and orgs.org_kind(organization) in ("GovernmentBody", "PoliticalParty")
    if not country and (not organization or national) and (role in gaz.head_offices or role in gaz.government_offices
                                                            or (national and role in gaz.body_offices)):
        country, guessed, not_countries = _uncued_country(ctx, masked, tag, role)
    if not organization and (builders.STAFF.search(role) or role in gaz.envoy_offices):
        mission = _mission_for(ctx, masked)
        if mission and (builders.STAFF.search(role) or (country and ctx.org_country(mission) == country)
                        or (not country and role in gaz.mission_heads)):
            organization = mission
            country = country or ctx.org_country(organization)
    if country:
        ctx.table.country(country)
    status = builders.STATUS.get(parts.get("status", "").lower(), None)
    if role.endswith(("-designate", "-elect")):
        status = "designate"
    surface = f"{title.surface} {title.extra['remit']}" if title.extra.get("remit") else title.surface
    return {"role": role, "label": label, "surface": surface, "country": country,
            "organization": organization, "status": status, "guessed": guessed, "explicit": explicit,
            "not_countries": not_countries}


def _uncued_country(ctx, masked, tag, role) -> tuple[str | None, bool, set]:
    """No cue in the office's own phrase: a country the sentence names outside every other office phrase, else
    the host (dateline) country; a head of state/government takes the host when the sentence is ambiguous,
    other offices are left without one (the builder may still use the person's country known from earlier
    facts). Also returned: the countries the sentence gives to others (an envoy's own, a counterpart's),
    which the office is not to be placed in later either. At a multilateral gathering the city says where it was held, not whose the office is: there the
    only cue is the headline's one country that no other office of the sentence claims, else none."""
    gaz = gazetteer.load()
    if is_multilateral(ctx, masked):
        free = _free_countries(masked, tag, capitals=False)
        if len(set(free)) == 1:
            return free[0], False, set()
        return _headline_country(ctx, masked), True, set()
    # an envoy's own country is named for the envoy: the minister who receives the Ambassador of Uruguay,
    # or is visited by the Ambassador for the Kingdom of Thailand, is the host's, not Uruguay's or Thailand's
    # and whoever meets "his Cambodian counterpart" is not Cambodia's; but envoys sworn in or appointed are at
    # home, with their own head of state
    sentence = ctx.text[masked.start:masked.end]
    senders = _sentence_senders(sentence, gaz) if not _AT_HOME.search(sentence) else set()
    others = senders | _counterpart_countries(masked)
    free = [c for c in _free_countries(masked, tag) if c not in others]
    if len(set(free)) == 1:
        return free[0], False, others
    if not free or role in gaz.head_offices:
        return (ctx.host if ctx.host not in others else None), True, others
    return None, True, others


def _counterpart_countries(masked) -> set[str]:
    return {m.value for ph, m in masked.refs.items() if m.kind in ("CTY", "DEM")
            and _COUNTERPART.match(masked.text, masked.text.find(ph) + len(ph))}


def _headline_country(ctx, masked) -> str | None:
    """'Foreign ministers of A and B meet ...': the headline's countries less those the sentence names and the
    host's (the guess this replaces)."""
    end = ctx.text.find("\n")
    if end < 0 or end >= masked.start:
        return None
    named = {m.value for m in ctx.mentions if m.kind in ("CTY", "DEM") and m.end <= end}
    said = {m.value for m in masked.refs.values() if m.kind in ("CTY", "DEM")}
    left = named - said - {ctx.host}
    return next(iter(left)) if len(left) == 1 else None


def _mission_for(ctx, masked) -> str | None:
    """The mission a staff title belongs to: one the sentence names, else the article's only one, else the
    most fully named of the article's missions when they are all one country's ('Spanish embassy',
    'Embassy of Spain in Manila')."""
    here = [r for r in masked.refs.values() if r.kind == "ORG" and r.extra.get("kind") == "DiplomaticMission"]
    if len({r.value for r in here}) == 1:
        return ctx.org(here[0])
    missions = sorted({e.label for e in ctx.table.entities.values() if e.kind == "DiplomaticMission"})
    if len({ctx.org_country(x) for x in missions}) == 1 and (len(missions) == 1 or ctx.org_country(missions[0])):
        return max(missions, key=len)
    return None


def _free_countries(masked, tag, capitals: bool = True) -> list[str]:
    """Countries (names, demonyms and, unless told not to, capitals) a sentence names outside the phrases of
    its other offices: in "Foreign Minister A and the Senegalese Minister B", 'Senegalese' belongs to B's
    office, not A's."""
    gaz = gazetteer.load()
    taken = {v for t, parts in masked.offices.items() if t != tag
             for k, v in parts.items() if k in ("pre", "pre2", "of", "to", "for")}
    taken |= {parts.get("to") for parts in masked.offices.values()}
    out = []
    for ph, m in masked.refs.items():
        if ph in taken or _COUNTERPART.match(masked.text, masked.text.find(ph) + len(ph)):
            continue  # "his Iranian counterpart": the counterpart's country, not the speaker's
        if m.kind in ("CTY", "DEM"):
            out.append(m.value)
        elif capitals and m.kind == "GPE" and m.value.lower() in gaz.capitals \
                and PLACE_LEAD.search(masked.text[:masked.text.find(ph)]):
            out.append(gaz.capitals[m.value.lower()])  # where it happens ("in Colombo"), not whence ("from Male")
    return out


# envoys sworn in or appointed there and then (not "the newly appointed ambassador", who has arrived)
_AT_HOME = re.compile(r"\b(?:sworn|swore|swears|oath|(?<!newly )(?<!newly-)(?<!recently )appointed|appoints|nominated|nominates)\b",
                      re.IGNORECASE)


def host_country(ctx, mentions) -> str | None:
    gaz = gazetteer.load()
    line = layout.dateline(ctx.text)
    if line and line.city.lower() in gaz.capitals:
        return gaz.capitals[line.city.lower()]
    # else a capital the lead places its event in ("... at the Jubilee House in Accra"): where it happened
    lead_end = ctx.sentences[min(2, len(ctx.sentences) - 1)][1] if ctx.sentences else 0
    for m in sorted(mentions, key=lambda m: m.start):
        if m.start >= lead_end:
            break
        if m.kind == "GPE" and m.value.lower() in gaz.capitals and re.search(r"\bin\s+$", ctx.text[max(0, m.start - 4):m.start]):
            return gaz.capitals[m.value.lower()]
    found, sent = set(), False
    for dm in re.finditer(r"(?:ambassador|envoy|high commissioner)s?(?:-designate)?\s+(?:of\s+[\w ]+?\s+)?(?:\([^)]*\)\s+)?to\s+(?:the\s+)?([A-Z][\w ]*)", ctx.text, re.IGNORECASE):
        d = dm.group(1)
        # envoys sworn in or appointed (at home) say nothing of where the report is: told in the same sentence
        sentence = next((ctx.text[a:b] for a, b in ctx.sentences if a <= dm.start() < b), "")
        sent = sent or bool(_AT_HOME.search(sentence))
        # 'Japan', 'the Kingdom of Spain', 'the Islamic Republic of Egypt': the country the phrase names
        d = re.sub(r"^(?:[\w-]+\s+){0,3}?(?:Republic|Kingdom|State|Federation|Sultanate|Emirates?|Commonwealth|"
                   r"Union|Principality)\s+of\s+(?:the\s+)?", "", d)
        for n in sorted(gaz.country_names, key=len, reverse=True):
            if d.lower().startswith(n):
                found.add(gaz.country_names[n])
                break
    # envoys all accredited to one country are in it; envoys sent to several, or sworn in or appointed (at
    # home), say nothing of where the report is
    if len(found) == 1 and not sent:
        return found.pop()
    # else the country the report names most, the first named of those tied, leaving out the countries
    # envoys are of ("the Ambassador of Vietnam called on ..."): an envoy serves away from home
    senders = _envoy_senders(ctx.text, gaz)
    named = [m.value for m in sorted(mentions, key=lambda m: m.start) if m.kind in ("CTY", "DEM")]
    if senders:
        named = [c for c in named if c not in senders]
    if not named:
        # a report that names no country at all, only its capital ("at State House, Nairobi")
        named = [gaz.capitals[m.value.lower()] for m in sorted(mentions, key=lambda m: m.start)
                 if m.kind == "GPE" and m.value.lower() in gaz.capitals]
    counts = Counter(named)
    if not counts:
        return None
    top = max(counts.values())
    # of the countries named most, one envoys are sent to is where they go, not where the report is from
    tied = [c for c in named if counts[c] == top]
    return next((c for c in tied if c not in found), tied[0])


def counterpart_state(ctx) -> str | None:
    """The other state of a bilateral report: the country named most apart from the host (in organisations'
    names too: "the Government of Nepal"), when it is named at least twice as often as any third one. An envoy
    in the host country whose own country the report does not state is that state's."""
    named = [m.value if m.kind != "ORG" else ctx.org_country(m.value) for m in ctx.mentions
             if m.kind in ("CTY", "DEM") or (m.kind == "ORG" and not m.extra.get("ref"))]
    ranked = Counter(c for c in named if c and c != ctx.host).most_common(2)
    if not ranked or (len(ranked) == 2 and ranked[0][1] < 2 * ranked[1][1]):
        return None
    return ranked[0][0]


_SENDER = re.compile(r"\b(?:[Aa]mbassador|[Ee]nvoy|[Hh]igh [Cc]ommissioner|[Cc]harg[eé] d'[Aa]ffaires)s?(?:-designate)?\s+"
                     r"(?:of\s+(?:the\s+)?|for\s+the\s+(?=(?:[A-Z]\w+\s+){0,2}(?:Kingdom|Republic|State|Federation|Sultanate)\s+of\b))"
                     r"([A-Z][\w]+(?:\s+(?:of\s+(?:the\s+)?)?[A-Z][\w]+){0,4})")


_DEMONYM_ENVOY = re.compile(r"\b([A-Z][a-z]+(?:\s+[A-Z][a-z]+)?)\s+(?:[Aa]mbassador|[Ee]nvoy|[Hh]igh [Cc]ommissioner|[Cc]harg[eé] d'[Aa]ffaires)s?\b")


def _sentence_senders(sentence: str, gaz) -> set[str]:
    """Countries a sentence's envoys are of, 'the Australian envoy' included."""
    return _envoy_senders(sentence, gaz) | {gaz.demonyms[m.group(1).lower()] for m in _DEMONYM_ENVOY.finditer(sentence)
                                            if m.group(1).lower() in gaz.demonyms}


def _envoy_senders(text: str, gaz) -> set[str]:
    """Countries the report's envoys are of: 'Ambassador of Vietnam', 'High Commissioner of the Maldives'."""
    found = set()
    for m in _SENDER.finditer(text):
        words = m.group(1).split()
        # the longest country name in the phrase: 'Vietnam', 'the Maldives', 'the Republic of India'
        spans = sorted(((i, j) for i in range(len(words)) for j in range(i + 1, len(words) + 1)), key=lambda x: x[0] - x[1])
        name = next((" ".join(words[i:j]).lower() for i, j in spans if " ".join(words[i:j]).lower() in gaz.country_names), None)
        if name:
            found.add(gaz.country_names[name])
    return found
