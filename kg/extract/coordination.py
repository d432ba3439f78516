"""Builders for the wider genre's constructions: coordinated subjects and objects (two envoys presenting
credentials, two ministers signing), "his <demonym> counterpart", swearing-in, awards presented *to* someone,
and non-award ceremonies (credentials, signing, swearing-in) that people attend. Registered into
builders.BUILDERS on import; the rules that call them are rows of the registry (rules.py)."""

from __future__ import annotations

import re

from kg.extract import builders, gazetteer, names
from kg.extract.builders import agent, office, persons

# What "the two <noun>" can refer back to: people holding an office of this kind (None: any office)
_TWO_NOUNS = {"ministers": "Minister", "diplomats": "envoy", "envoys": "envoy", "ambassadors": "envoy",
              "presidents": "President", "leaders": None, "officials": None}


def _last_role(ctx, person: str) -> str | None:
    """The office most recently stated for a person (the order facts were found in is text order)."""
    held = [f for f in ctx.facts if f.type == "holds_office" and f.args["person"] == person]
    if not held:
        return None
    label = held[-1].args["office"]
    return re.sub(r" to [A-Z][\w ]+$", "", label)


def b_office_counterpart(ctx, m, masked, rule):
    # "A and his Serbian counterpart B": B holds A's office, for the demonym's country
    a, b = builders.person(ctx, masked, m.group("a")), builders.person(ctx, masked, m.group("b"))
    role = _last_role(ctx, a) if a else None
    if not (role and b) or a == b:
        return
    country = ctx.table.country(masked.refs[m.group("c")].value)
    if gazetteer.load().offices.get(role.lower()) in gazetteer.load().envoy_offices:
        return  # an envoy's counterpart is another country's envoy elsewhere: the destination is unknown
    ctx.person_office(b, role, country)
    ctx.add_fact("holds_office", {"person": b, "office": ctx.table.add(role, "Role"), "country": country},
                 masked, rule.confidence, rule.name)


def b_sworn_in(ctx, m, masked, rule):
    """'X swore in A as <office>', 'X administered the oath to three new ambassadors, A, B and C': each
    sworn person holds the office, for the swearing authority's country when the title names none."""
    swearer = agent(ctx, masked, m.group("a") or "")
    people = persons(ctx, masked, m.group("people")) + persons(ctx, masked, m.groupdict().get("more") or "")
    sworn_country = next(iter(sorted(ctx.countries.get(swearer, ()))), None) if swearer else None
    for p in people:
        if m.groupdict().get("off"):
            before = len(ctx.facts)
            office(ctx, masked, m.group("off"), p, rule.confidence, rule.name)
            new = [f for f in ctx.facts[before:] if f.type == "holds_office"]
            for f in new:
                if not f.args.get("country") and not f.args.get("organization") and sworn_country:
                    f.args["country"] = ctx.table.country(sworn_country)
                    ctx.person_office(p, ctx.table.entities[f.args["office"]].label, sworn_country)
        elif m.groupdict().get("noun"):
            role = names.canonical_office(m.group("noun"))
            if role and sworn_country:
                ctx.person_office(p, role, sworn_country)
                ctx.add_fact("holds_office", {"person": p, "office": ctx.table.add(role, "Role"),
                                              "country": ctx.table.country(sworn_country)},
                             masked, rule.confidence, rule.name)
    # the event is called what the report calls it: an oath-taking, or a swearing-in (ceremony)
    sentence = ctx.text[masked.start:masked.end]
    word = "oath-taking" if re.search(r"\boath", m.group(0)) and not re.search(r"\bceremony\b", sentence, re.IGNORECASE) \
        else "swearing-in ceremony"
    _swearing_in(ctx, masked, rule, word, swearer, people)


def _swearing_in(ctx, masked, rule, word: str, swearer, people) -> dict:
    """The report's swearing-in: the swearer (a person) and the people sworn in attend it."""
    cer = ctx.ceremony_frame(masked, word)
    for p in ([swearer] if swearer and ctx.table.entities[swearer].kind == "Person" else []) + list(people):
        cer["attendees"].setdefault(p, (masked, rule))
    return cer


def b_sworn_in_group(ctx, m, masked, rule):
    """'X swore in five new ambassadors': a swearing-in whose people the report names next ('They included
    ...'); the swearer attends it."""
    cer = _swearing_in(ctx, masked, rule, "swearing-in ceremony", agent(ctx, masked, m.group("a") or ""), [])
    cer["group"] = True


def b_group_included(ctx, m, masked, rule):
    """'They included A, Ambassador-designate to B; C, ...': the people of the group a ceremony was held for."""
    cer = ctx.frames.get("ceremony")
    if not cer or not cer.get("group"):
        return
    if not m.group("list"):
        cer["bullets"] = True  # "... include:": the people follow, one a line
        return
    for p in builders.listed_persons(ctx, masked, m.group("list")):
        cer["attendees"].setdefault(p, (masked, rule))


def b_oath_list(ctx, m, masked, rule):
    _swearing_in(ctx, masked, rule, "swearing-in ceremony", agent(ctx, masked, m.group("a")),
                 persons(ctx, masked, m.group("list")))


def b_group_bullet(ctx, m, masked, rule):
    cer = ctx.frames.get("ceremony")
    per = builders.person(ctx, masked, m.group("per"))
    if cer and cer.get("bullets") and per:
        cer["attendees"].setdefault(per, (masked, rule))


def b_meeting_envoy_group(ctx, m, masked, rule):
    """'X met (with) the newly appointed ambassadors': kept until the report's envoys are all known."""
    if m.group("off") and not masked.refs[masked.offices[m.group("off")]["title"]].extra.get("plural"):
        return  # one titled person met ("met the Ambassador"): the meeting rules read it
    host = builders.person(ctx, masked, m.group("a"))
    if host:
        ctx.frames.setdefault("group_meetings", []).append((host, masked, rule))


def b_attended_gathering(ctx, m, masked, rule):
    """'A led a delegation that attended the 55th National Conference of the ANC': the gathering is the event,
    named as the report writes it."""
    from kg.extract.masking import unmask

    label = re.sub(r"^(?:the|a)\s+", "", unmask(masked, m.group("event"))).strip()
    if not label:
        return
    event = ctx.table.add(label[0].upper() + label[1:], "Event")
    for p in persons(ctx, masked, m.group("list")):
        ctx.add_fact("attended", {"person": p, "event": event}, masked, rule.confidence, rule.name,
                     cues={"event": "named"})


def b_credentials_receiver(ctx, m, masked, rule):
    to = agent(ctx, masked, m.group("agent"))
    if to and ctx.table.entities[to].kind == "Person":
        ctx.cred_frame(masked, to)
        ctx.ceremony_frame(masked, "credentials ceremony")


def b_award_presenter_to(ctx, m, masked, rule):
    """'A presented the <award> to B': A hands it over (presented_by); who confers it is said elsewhere
    ('on behalf of', 'conferred ... by') or not at all."""
    frame = builders._award(ctx, masked, m.group("award"))
    who = agent(ctx, masked, m.group("agent"))
    if who and ctx.table.entities[who].kind == "Person":
        frame["presenter"] = who
    for r in persons(ctx, masked, m.group("rec")):
        if r != who:
            frame["recipients"].setdefault(r, (masked, rule))
    ctx.frame_date(frame, masked)


def b_credentials_list(ctx, m, masked, rule):
    to = agent(ctx, masked, m.group("agent"))
    if not to:
        return
    frame = ctx.cred_frame(masked, to)
    for p in persons(ctx, masked, m.group("people")):
        if p != to:
            frame["envoys"].setdefault(p, (masked, rule))
    ctx.ceremony_frame(masked, "credentials ceremony")


def b_meeting_pair(ctx, m, masked, rule):
    people = list(dict.fromkeys(persons(ctx, masked, m.group("people"))))
    if len(people) >= 2:
        ctx.meeting(people, masked, rule)


def _recent_holders(ctx, masked, kind: str | None, n: int) -> list[str]:
    """The n people most recently mentioned before this sentence whose offices fit kind."""
    gaz = gazetteer.load()
    out = []
    for mention in sorted((x for x in ctx.mentions_all if x.kind == "PER" and x.entity and x.end <= masked.start),
                          key=lambda x: -x.start):
        roles = ctx.offices.get(mention.entity, set())
        fits = bool(roles) if kind is None else (
            bool(roles & gaz.envoy_offices) if kind == "envoy" else any(kind in r for r in roles))
        if fits and mention.entity not in out:
            out.append(mention.entity)
        if len(out) == n:
            return out
    return []


def b_meeting_the_two(ctx, m, masked, rule):
    pair = _recent_holders(ctx, masked, _TWO_NOUNS[m.group("noun")], 2)
    if not pair:
        return
    other = agent(ctx, masked, m.group("b")) if m.group("b") else None
    if other:
        if ctx.table.entities[other].kind != "Person":
            return
        for p in pair:
            if p != other:
                ctx.meeting([p, other], masked, rule)
    else:
        ctx.meeting(pair, masked, rule)


def b_located_in_body(ctx, m, masked, rule):
    # only a body that is a building-like place (a ministry, an embassy) is located in a city this way
    ref = masked.refs[m.group("place")]
    if (ref.extra.get("kind") or "") not in ("GovernmentBody", "DiplomaticMission"):
        return
    builders.b_located_in(ctx, m, masked, rule)


builders.BUILDERS.update({name[2:]: fn for name, fn in list(globals().items()) if name.startswith("b_")})
