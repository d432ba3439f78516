"""Builders for what a receiving authority does: accepting the credentials of a group of envoys (listed in the
same clause or in the next sentence), and an award received at a venue ("X received the insignia of Chevalier
of the Y at the Embassy"). Registered into builders.BUILDERS on import; the rules that call them are rows of
the registry (rules.py)."""

from __future__ import annotations

from kg.extract import builders
from kg.extract.builders import agent, persons


def b_credentials_received(ctx, m, masked, rule):
    """'P received the credentials of A and B' (or of 'newly appointed ambassadors', listed later): P is the
    receiver, each listed envoy presented theirs, with the sentence's date and place."""
    if masked.end <= ctx.text.find("\n"):
        return  # a headline announces the ceremony; its clause in the body says who, when and where
    to = agent(ctx, masked, m.group("agent"))
    if not to or ctx.frames.get("cred", {}).get("to", to) != to:
        return  # one credentials ceremony per report: a second receiver is not guessed into it
    if ctx.table.entities[to].kind not in ("Person", "Post"):
        return
    frame = ctx.cred_frame(masked, to)
    for p in persons(ctx, masked, m.group("list") or ""):
        if p != to:
            frame["envoys"].setdefault(p, (masked, rule))
    ctx.ceremony_frame(masked, "credentials ceremony")


def b_award_received(ctx, m, masked, rule):
    """'X received (the insignia of <grade> of) the <award> (at VENUE)': X is a recipient; the venue, where
    the clause names one, is where it was conferred."""
    builders.b_award_passive(ctx, m, masked, rule)
    if m.group("place"):
        frame = ctx.frames.get("award")
        place = ctx.place(masked.refs[m.group("place")])
        if frame is not None and place:
            frame.setdefault("place", place)




def b_award_past_recipients(ctx, m, masked, rule):
    """'Other recipients of the order include A, B and C': each listed person received the award the report is
    about (the award named in this sentence, else the report's), at another time: the conferral has no giver,
    date or place of the report's own ceremony."""
    named = [r for r in masked.refs.values() if r.kind == "AWD" and r.value]
    frame = ctx.frames.get("award")
    award = named[0].value if named else (frame or {}).get("award")
    if not award:
        return
    award = ctx.table.add(award, "Award")
    for p in builders.listed_persons(ctx, masked, m.group("list")):
        if frame is None or p not in frame["recipients"]:
            ctx.add_fact("award_conferral", {"award": award, "recipient": p}, masked, rule.confidence, rule.name)




def b_credentials_talks(ctx, m, masked, rule):
    """'During the meeting, the two discussed ...' after a presentation of credentials: the receiver and each
    envoy met (a ceremony is a meeting only when the report says they talked)."""
    cred = ctx.frames.get("cred")
    if not cred or not cred.get("to"):
        return
    to = cred["to"]
    if ctx.table.entities[to].kind != "Person":
        return
    for envoy in cred["envoys"]:
        if envoy != to:
            ctx.meeting([to, envoy], masked, rule, date=cred.get("date"), place=cred.get("place"))


builders.BUILDERS.update({name[2:]: fn for name, fn in list(globals().items()) if name.startswith("b_")})
