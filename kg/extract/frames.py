"""Closing the event frames once every sentence is read: an award conferral (with its ceremony, attendees and
event_held) and credentials presentations, from the slots rules filled (see builders)."""

from __future__ import annotations

import re

from kg.extract import dates, gazetteer
from kg.extract.context import Context
from kg.extract.rules import Rule


def _is_person(table, label) -> bool:
    return label in table.entities and table.entities[label].kind == "Person"


def finish_frames(ctx: Context) -> None:
    frame = ctx.frames.get("award")
    table = ctx.table
    cer = ctx.frames.get("ceremony") or {}
    if frame:
        for key in ("place", "date", "investiture"):
            if not frame.get(key) and cer.get(key):
                frame[key] = cer[key]
    if frame and not frame.get("date"):
        for s, e in ctx.sentences:
            sentence = ctx.text[s:e]
            if any(s <= m.start < e and m.kind == "AWD" for m in ctx.mentions):
                frame["date"] = dates.find_date(sentence, ctx.published)
                if frame["date"]:
                    break
    if frame and frame.get("award") and frame["recipients"]:
        award = table.add(frame["award"], "Award")
        giver, behalf, presenter = frame.get("giver"), frame.get("behalf"), frame.get("presenter")
        if frame.get("dep_giver") or frame.get("dep_presenter"):
            # roles read from the conferral clause itself win over roles guessed from nearby sentences
            giver = frame.get("dep_giver") or (giver if giver and not _is_person(table, giver) else None)
            presenter = frame.get("dep_presenter")
        if frame.get("dep_place"):
            frame["place"] = frame["dep_place"]
        def is_person(x):
            return x and table.entities[x].kind == "Person"

        conferred_by = behalf or giver
        presented_by = presenter or (giver if is_person(giver) and giver != behalf else None)
        if not is_person(presented_by):
            presented_by = None
        recipients = list(frame["recipients"])
        place = frame.get("place")
        name = f"{frame['award']} {'investiture ' if frame.get('investiture') else ''}ceremony"
        if len(recipients) == 1:
            name += f" for {recipients[0]}"
        if place:
            name += _where(table, place)
        ceremony = table.add(name, "Ceremony")
        for surface in cer.get("surfaces", []):
            table.alias(ceremony, surface)
        for r, (masked, rule) in frame["recipients"].items():
            ctx.add_fact("award_conferral", {"award": award, "recipient": r, "conferred_by": conferred_by,
                                              "presented_by": presented_by, "on_behalf_of": behalf,
                                              "date": frame.get("date"), "place": place, "ceremony": ceremony},
                         masked, rule.confidence, rule.name)
        people = dict(frame["recipients"])
        if presented_by:
            people.setdefault(presented_by, next(iter(frame["recipients"].values())))
        people.update({k: v for k, v in frame["attendees"].items() if k not in people})
        for p, (masked, rule) in people.items():
            ctx.add_fact("attended", {"person": p, "event": ceremony}, masked, 0.7, "attended_" + rule.name,
                         cues={"event": "named"})
        # the sentence announcing the ceremony is its best evidence; else the conferral's
        first = cer.get("evidence") or next(iter(frame["recipients"].values()))[0]
        ctx.add_fact("event_held", {"event": ceremony, "date": frame.get("date"), "place": place}, first, 0.6, "ceremony_frame")
    elif cer.get("place") or cer.get("attendees"):
        # a ceremony or reception with no award conferred at it is still an event held somewhere
        word = ("investiture " if cer.get("investiture") and cer["word"] == "ceremony" else "") + cer["word"]
        label = cer.get("label") or f"{word[0].upper()}{word[1:]}"
        label += _where(table, cer["place"]) if cer.get("place") else ""
        event = table.add(label, "Ceremony")
        for surface in cer.get("surfaces", []):
            table.alias(event, surface)
        ctx.add_fact("event_held", {"event": event, "date": cer.get("date"), "place": cer["place"]},
                     cer["evidence"], 0.6, "ceremony_held")
        for p, (masked, rule) in cer["attendees"].items():
            # an event the report named ("the ceremony"), or one inferred from what it told (a meeting)
            ctx.add_fact("attended", {"person": p, "event": event}, masked, 0.7, "attended_" + rule.name,
                         cues={"event": cer.get("how", "named")})
    cred = ctx.frames.get("cred")
    if cred:
        _envoys_by_office(ctx, cred)
        for envoy, (masked, rule) in cred["envoys"].items():
            if envoy != cred["to"]:
                ctx.add_fact("credentials_presented", {"envoy": envoy, "to": cred["to"], "date": cred["date"],
                                                       "place": cred["place"]}, masked, rule.confidence, rule.name)
    _group_meetings(ctx, cred)


def _where(table, place: str) -> str:
    """' at the State House', ' in Lisbon': a venue is where an event was at, a city or country where it was in."""
    kind = table.entities[place].kind if place in table.entities else None
    return f" in {place}" if kind in ("City", "Region", "Country") else f" at {place}"


_ENVOY_BY_OFFICE = Rule("credentials_envoy_office", 2, "", "credentials", 0.55)


def _envoys_by_office(ctx: Context, cred) -> None:
    """'Ambassadors of A and B presented their credentials to X' then 'The Ambassador of A, Mr Y, said ...':
    in a credentials report, a serving envoy to the receiving country is one who presented them."""
    if not cred.get("country"):
        return
    gaz = gazetteer.load()
    for f in ctx.facts:
        if f.type != "holds_office" or f.args.get("status") in ("former", "outgoing"):
            continue
        role, _, dest = ctx.table.entities[f.args["office"]].label.partition(" to ")
        if dest == cred["country"] and role in gaz.envoy_offices and f.args["person"] != cred["to"]:
            cred["envoys"].setdefault(f.args["person"], (cred["evidence"], _ENVOY_BY_OFFICE))


def _group_meetings(ctx: Context, cred) -> None:
    """'Following the ceremony, X met the newly appointed ambassadors': a meeting of X with each envoy who
    presented credentials (named before or after that sentence)."""
    envoys = list((cred or {}).get("envoys", {}))
    for host, masked, rule in ctx.frames.get("group_meetings", []):
        for envoy in envoys:
            if envoy != host:
                ctx.meeting([host, envoy], masked, rule, date=cred.get("date"), place=cred.get("place"))


_HELD_AT = re.compile(r"\b(?:ceremony|meeting|event|function|talks|signing|investiture|audience|call)\b[^.;]{0,60}?"
                      r"\b(?:(?:(?:was|were)\s+)?(?:held|organi[sz]ed|hosted|conducted)|took\s+place)\s+(?:here\s+)?(?:at|in)\b",
                      re.IGNORECASE)
PLACED_TYPES = ("credentials_presented", "meeting", "award_conferral")


def held_at_places(ctx: Context, facts) -> None:
    """'The ceremony was held at Bangabhaban': a sentence that places the event gives its place to the
    events told before it (back to the previous such sentence) that have none of their own."""
    placed = []
    for s, e in ctx.sentences:
        m = _HELD_AT.search(ctx.text, s, e)
        if not m:
            continue
        for kind in ("VEN", "GPE"):
            where = [x for x in ctx.mentions_all if m.end() <= x.start < e and x.kind == kind and not x.extra.get("ref")]
            if where:
                placed.append((s, ctx.place(where[0])))
                break
    previous = 0
    for start, place in placed:
        for f in facts:
            if f.type in PLACED_TYPES and not f.args.get("place") and f.evidence and previous <= f.evidence.begin < start:
                f.args["place"] = place
        previous = start


_VISIT_TO = re.compile(r"\b(?:(?:official|state|working|goodwill|two-day|three-day|\w+-day)\s+)?(?:visit|visits|trip|tour)\s+to\s+(?:the\s+)?",
                       re.IGNORECASE)


# "held a series of meetings at the Grand Serail", "received at State House": where the meetings told next were
_MEETINGS_AT = re.compile(r"\b(?:meetings|talks|audiences|consultations)\s+(?:(?:here|today|on\s+\w+day)\s+)?(?:at|in)\s+(?:the\s+)?",
                          re.IGNORECASE)


def meeting_places(ctx: Context, facts) -> None:
    """A meeting the sentence does not place happened where the report's visit went ('on a visit to Laos ...
    During the visit, A met B') or where its series of meetings was held, else where the report's previous
    meeting did: a report tells of one trip."""
    visits = []
    for rx, kinds in ((_VISIT_TO, ("CTY", "GPE")), (_MEETINGS_AT, ("VEN", "GPE"))):
        for m in rx.finditer(ctx.text):
            where = next((x for x in ctx.mentions_all if x.start == m.end() and x.kind in kinds
                          and not x.extra.get("ref")), None)
            if where is not None:
                visits.append((m.start(), ctx.place(where)))
    visits.sort(key=lambda v: v[0])
    placed = []
    for f in sorted((f for f in facts if f.type == "meeting" and f.evidence), key=lambda f: f.evidence.begin):
        if f.args.get("place"):
            placed.append(f.args["place"])
            continue
        visit = [p for start, p in visits if start < f.evidence.end and p]
        if visit:
            f.args["place"] = visit[-1]
        elif placed:
            f.args["place"] = placed[-1]


# one ceremony per report: its presentations and signings share a day (meetings and awards may not: a visit
# spans days, and a report lists earlier recipients of an award)
DATED_TYPES = ("credentials_presented", "signed")


def event_dates(facts) -> None:
    """An event whose sentence states no date takes the one date the report gives its other events of that
    kind: one credentials ceremony or signing, told over several sentences ("Marcos also received the
    credentials of ...")."""
    for kind in DATED_TYPES:
        same = [f for f in facts if f.type == kind]
        dated = {f.args["date"] for f in same if f.args.get("date")}
        if len(dated) == 1:
            for f in same:
                f.args.setdefault("date", next(iter(dated)))


LEAD_DATED = ("credentials_presented", "signed", "meeting", "award_conferral")


def lead_dates(ctx: Context, facts) -> None:
    """An event no sentence dates happened on the day the report's lead gives ('... on Tuesday presented',
    'yesterday', '12 March 2024'): a report tells of one day's events. The lead is the first three sentences;
    its first stated day is the one."""
    day = None
    for s, e in ctx.sentences[:3]:
        day = dates.find_date(ctx.text[s:e], ctx.published)
        if day:
            break
    if not day:
        return
    for f in facts:
        # earlier recipients of an award were not decorated that day
        if f.type in LEAD_DATED and not f.args.get("date") and f.rule != "award_past_recipients":
            f.args["date"] = day
            f.cues["date"] = "lead"
