"""Builders: turn a rule match (over a masked sentence) into facts, or into slots of an event frame."""

from __future__ import annotations

import re

from kg.extract import gazetteer, quantities
from kg.extract.masking import PH, unmask
from kg.extract.quantities import b_quantity  # noqa: F401  (registered in BUILDERS below)

STATUS = {"outgoing": "outgoing", "departing": "outgoing", "former": "former", "previous": "former",
          "acting": "acting", "caretaker": "acting", "interim": "acting", "new": None, "incoming": None}
STAFF = re.compile(r"Secretary|Attach|Counsellor|Chancery|Deputy Head of Mission")


def _tags(s: str) -> list[str]:
    return [m.group(0) for m in PH.finditer(s or "")]


def person(ctx, masked, tag):
    m = masked.refs.get(tag)
    return m.entity if m is not None and m.kind == "PER" else None


def persons(ctx, masked, s):
    return [masked.refs[t].entity for t in _tags(s) if t.startswith("«PER") and masked.refs[t].entity]


def agent(ctx, masked, s, allow_country=False):
    """A person (possibly titled), or an office without a holder (a Post: 'the President of Pakistan')."""
    tags = _tags(s)
    per = [t for t in tags if t.startswith("«PER")]
    if per:
        if tags[0].startswith("«OFF"):
            office(ctx, masked, tags[0], masked.refs[per[0]].entity, 0.8, "office_title_before_name")
        return masked.refs[per[0]].entity
    off = [t for t in tags if t.startswith("«OFF")]
    if off:
        o = ctx.office_parts(masked, off[0])
        if o["country"] or o["organization"]:
            # the phrase as written ("President of the French Republic") is a name of the post too
            written = re.sub(r"^(?:the|a|an)\s+", "", unmask(masked, masked.offices[off[0]]["span"]))
            return ctx.table.post(o["role"], o["country"], o["organization"], alias=written)
    org = [t for t in tags if t.startswith("«ORG")]
    if org and not off:
        # a government or other body confers awards too ("by the Government of Japan")
        return ctx.org(masked.refs[org[0]])
    cty = [t for t in tags if t.startswith("«CTY")]
    if cty and allow_country:
        return ctx.table.country(masked.refs[cty[0]].value)
    return None


_NAME_OF_COUNTRY = re.compile(r"\s+of\s+(?:the\s+)?(«CTY\d+»)")


def office(ctx, masked, off_tag, per_label, confidence, rule, evidence=None, per_tag=None):
    if not per_label:
        return
    title = masked.refs[masked.offices[off_tag]["title"]]
    before = masked.text[: masked.text.find(off_tag)]
    # "a team of four Vice Ministers & two Assistant Ministers, Mr. X": a counted plural title is a quantity
    if title.extra.get("plural") and re.search(rf"(?:{quantities.NUMBER})\s*$", before):
        return
    o = ctx.office_parts(masked, off_tag)
    after = _NAME_OF_COUNTRY.match(masked.text, masked.text.find(per_tag) + len(per_tag)) if per_tag else None
    if after and not o["explicit"] and not o["organization"]:
        # "President Vladimir Putin of Russia": the country after the name is the office's own
        o["country"], o["explicit"] = ctx.table.country(masked.refs[after.group(1)].value), True
    known = ctx.countries.get(per_label)
    how = "own" if o["explicit"] else ("host" if o["guessed"] else "sentence")
    if not o["explicit"] and known and o["country"] not in known:
        # a country read from the sentence or the dateline yields to the person's country known from an
        # explicit cue earlier ("President of Senegal, X" ... "President X's visit to the UAE")
        o["country"] = sorted(known)[0] if len(known) == 1 else None
        how = "known"
    args = {"person": per_label, "office": ctx.table.add(o["label"], "Role", o["surface"]),
            "organization": o["organization"], "country": o["country"], "status": o["status"]}
    ctx.person_office(per_label, o["role"], o["country"])
    cues = {"country": how if o["country"] else None, "not_countries": o["not_countries"]}
    if _DANGLING.match(masked.text, masked.text.find(off_tag) + len(off_tag)):
        # "First Secretary of the party's committee in ...": the title goes on with words no mention read, so
        # the body it is held in is missing from the fact
        cues["complement"] = "unread"
        confidence *= 0.7
    ctx.add_fact("holds_office", args, masked, confidence, rule, evidence, cues=cues)


_DANGLING = re.compile(r"\s+(?:of|for|at|in)\s+(?:the\s+|its\s+|his\s+|her\s+|their\s+)?[a-z][\w’']*\s+[a-z]")


# --- builders named in the registry --------------------------------------------------------------------

def b_office(ctx, m, masked, rule):
    office(ctx, masked, m.group("off"), person(ctx, masked, m.group("per")), rule.confidence, rule.name,
           per_tag=m.group("per"))


def b_office_replaced(ctx, m, masked, rule):
    """'X was appointed ambassador to Y, replacing Z': Z held that office before."""
    before = len(ctx.facts)
    office(ctx, masked, m.group("off"), person(ctx, masked, m.group("per")), rule.confidence, rule.name)
    for f in ctx.facts[before:]:
        f.args["status"] = "former"


def b_office_heads(ctx, m, masked, rule):
    per = person(ctx, masked, m.group("per"))
    org = ctx.org(masked.refs[m.group("org")])
    role = "Head" if m.group("verb") == "heads" else ("Chairman" if m.group("verb") == "chairs" else "Head")
    if per and org:
        args = {"person": per, "office": ctx.table.add(role, "Role"), "organization": org, "country": ctx.org_country(org)}
        ctx.person_office(per, role, args["country"])
        ctx.add_fact("holds_office", args, masked, rule.confidence, rule.name)


def b_office_represents(ctx, m, masked, rule):
    per = person(ctx, masked, m.group("per"))
    sender, host = masked.refs[m.group("sender")].value, masked.refs[m.group("host")].value
    label = ctx.table.add(f"Ambassador to {host}", "Role")
    ctx.table.country(sender)
    ctx.table.country(host)
    ctx.person_office(per, "Ambassador", sender)
    ctx.add_fact("holds_office", {"person": per, "office": label, "country": sender}, masked, rule.confidence, rule.name)


def b_office_list_org(ctx, m, masked, rule):
    org = ctx.org(masked.refs[m.group("org")])
    tags = _tags(m.group("people"))
    for i, t in enumerate(tags):
        if t.startswith("«PER") and i and tags[i - 1].startswith("«OFF"):
            o = ctx.office_parts(masked, tags[i - 1])
            per = masked.refs[t].entity
            args = {"person": per, "office": ctx.table.add(o["label"], "Role", o["surface"]), "organization": org,
                    "country": o["country"] or ctx.org_country(org)}
            ctx.person_office(per, o["role"], args["country"])
            ctx.add_fact("holds_office", args, masked, rule.confidence, rule.name)


def b_member_of(ctx, m, masked, rule):
    per = person(ctx, masked, m.group("per"))
    org = ctx.org(masked.refs[m.group("org")])
    if per and org:
        ctx.add_fact("member_of", {"person": per, "organization": org}, masked, rule.confidence, rule.name)


def b_member_list(ctx, m, masked, rule):
    org = ctx.org(masked.refs[m.group("org")])
    for per in persons(ctx, masked, m.group("people")):
        if org:
            ctx.add_fact("member_of", {"person": per, "organization": org}, masked, rule.confidence, rule.name)


def _award(ctx, masked, tag):
    mention = masked.refs.get(tag)
    return ctx.award_frame(mention.value if mention else None, masked)


def b_award_active(ctx, m, masked, rule):
    frame = _award(ctx, masked, m.group("award") or m.group("award2"))
    who = agent(ctx, masked, m.group("agent"), allow_country=True)
    if who and frame.get("giver") and who != frame["giver"] and ctx.table.entities[who].kind == "Person":
        # the authority was named before ("awarded ... by the President"): this agent hands it over
        frame.setdefault("presenter", who)
    elif who:
        frame.setdefault("giver", who)
    for r in persons(ctx, masked, m.group("rec") or ""):
        frame["recipients"].setdefault(r, (masked, rule))
    ctx.frame_date(frame, masked)


def b_award_passive(ctx, m, masked, rule):
    frame = _award(ctx, masked, m.group("award"))
    for r in persons(ctx, masked, m.group("rec")):
        frame["recipients"].setdefault(r, (masked, rule))
    if m.groupdict().get("agent"):
        who = agent(ctx, masked, m.group("agent"))
        if who:
            frame.setdefault("giver", who)
    ctx.frame_date(frame, masked)


def b_award_recipients(ctx, m, masked, rule):
    frame = ctx.award_frame(None, masked)
    for r in persons(ctx, masked, m.group("rec")):
        frame["recipients"].setdefault(r, (masked, rule))
    ctx.frame_date(frame, masked)


def b_award_presenter(ctx, m, masked, rule):
    frame = _award(ctx, masked, m.group("award"))
    who = agent(ctx, masked, m.group("agent"))
    if who and ctx.table.entities[who].kind == "Person":
        frame["presenter"] = who
    elif who:
        # "was conferred ... by the President of X": an office or body is the authority, not a presenter
        frame.setdefault("giver", who)
    ctx.frame_date(frame, masked)


def b_award_behalf(ctx, m, masked, rule):
    if not ctx.frames.get("award"):
        return
    frame = ctx.award_frame(None, masked)
    who = agent(ctx, masked, m.group("agent"), allow_country=True)
    if who:
        frame["behalf"] = who
        # the one acting on someone's behalf is the sentence's other agent
        before = masked.text[: m.start()]
        per = [t for t in _tags(before) if t.startswith("«PER")]
        if per and "presenter" not in frame:
            frame["presenter"] = masked.refs[per[-1]].entity


def b_award_place(ctx, m, masked, rule):
    if not ctx.frames.get("award"):
        # a ceremony announced before its award: remember where and when, for the frame to use
        cer = ctx.frames.setdefault("ceremony", {"attendees": {}})
        date = ctx.sentence_date(masked)
        # a dated sentence ("was held at X on 4 March") says more than a headline ("Reception in Oslo")
        if "place" not in cer or (date and not cer.get("date")):
            cer.update(place=ctx.place(masked.refs[m.group("place")]), date=date, evidence=masked,
                       word=(m.groupdict().get("word") or "ceremony").lower())
        cer["investiture"] = cer.get("investiture") or bool(re.search(r"investiture", masked.text, re.IGNORECASE))
        if m.groupdict().get("surface"):
            cer.setdefault("surfaces", []).append(m.group("surface"))
        return
    frame = ctx.award_frame(None, masked)
    frame.setdefault("place", ctx.place(masked.refs[m.group("place")]))
    if re.search(r"investiture", masked.text, re.IGNORECASE):
        frame["investiture"] = True
    ctx.frame_date(frame, masked)


def b_credentials(ctx, m, masked, rule):
    per = person(ctx, masked, m.group("per"))
    to = agent(ctx, masked, m.group("agent"))
    if per and to:
        frame = ctx.cred_frame(masked, to)
        frame["envoys"].setdefault(per, (masked, rule))


def b_credentials_group(ctx, m, masked, rule):
    to = agent(ctx, masked, m.group("agent"))
    if to:
        frame = ctx.cred_frame(masked, to)
        frame["title"] = ctx.office_parts(masked, m.group("title"))["role"]


def b_envoy_list(ctx, m, masked, rule):
    frame = ctx.frames.get("cred")
    if not frame:
        return
    tail = m.group("list")
    for pm in re.finditer(r"(?P<per>«PER\d+»)(?:\s+of\s+(?P<c>«CTY\d+»))?", tail):
        per = masked.refs[pm.group("per")].entity
        frame["envoys"].setdefault(per, (masked, rule))
        if pm.group("c"):
            sender = masked.refs[pm.group("c")].value
            ctx.envoy_office(per, frame.get("title") or "Ambassador", sender, masked, rule)


_COMPANION = re.compile(r"\baccompanied\s+by\s+[^.;]*$")


def b_meeting(ctx, m, masked, rule):
    if _COMPANION.search(masked.text, 0, m.start("a")):
        return  # "A, accompanied by B, called on C": B came along; A's meeting is read by meeting_accompanied
    a = person(ctx, masked, m.group("a"))
    b = agent(ctx, masked, m.group("b"))
    if a and b and a != b and ctx.table.entities[b].kind == "Person":
        ctx.meeting([a, b], masked, rule)


def b_meeting_each_envoy(ctx, m, masked, rule):
    b = agent(ctx, masked, m.group("b"))
    envoys = [p for p, roles in ctx.offices.items() if roles & gazetteer.load().envoy_offices]
    for e in envoys:
        if b and e != b:
            ctx.meeting([b, e], masked, rule)


def b_delegation_host(ctx, m, masked, rule):
    host = person(ctx, masked, m.group("host"))
    if host:
        ctx.frames["host"] = {"host": host, "date": ctx.sentence_date(masked), "place": ctx.sentence_place(masked)}


def b_delegation_guest(ctx, m, masked, rule):
    frame = ctx.frames.get("host")
    guest = person(ctx, masked, m.group("guest"))
    if frame and guest and guest != frame["host"]:
        ctx.meeting([frame["host"], guest], masked, rule, date=frame["date"], place=frame["place"])


# where a list of attendees ends: the clause's next verb ("accompanied by A and B, called on C")
_LIST_END = re.compile(r"\b(?:have|has|had|was|were|is|are|will|would|called|calls|met|meets|paid|pays|presented|"
                       r"signed|held|said|says|flew|arrived|discussed|conveyed|handed|received|who|which)\b")


def b_attended_list(ctx, m, masked, rule):
    frame = ctx.frames.get("award") or ctx.frames.get("ceremony")
    if frame is None:
        # a ceremony first named by who attended it ("The signing ceremony was attended by ...")
        kind = re.search(r"\b(signing|swearing-in|credentials?|oath-taking)\s+ceremony", masked.text, re.IGNORECASE)
        frame = ctx.ceremony_frame(masked, f"{kind.group(1).lower()} ceremony") if kind else ctx.attendance_frame(masked)
    if frame is None:
        return
    for p in listed_persons(ctx, masked, m.group("list")):
        frame["attendees"].setdefault(p, (masked, rule))


def listed_persons(ctx, masked, listed: str) -> list:
    """The people of a list that runs to the end of the sentence, up to the clause's next verb."""
    end = _LIST_END.search(listed)
    return persons(ctx, masked, listed[: end.start()] if end else listed)


def b_located_in(ctx, m, masked, rule):
    place = ctx.place(masked.refs[m.group("place")])
    where = ctx.place(masked.refs[m.group("in")])
    if place and where and place != where:
        ctx.add_fact("located_in", {"place": place, "in": where}, masked, rule.confidence, rule.name)


def b_part_of(ctx, m, masked, rule):
    org, parent = ctx.org(masked.refs[m.group("org")]), ctx.org(masked.refs[m.group("parent")])
    if org and parent and org != parent:
        ctx.add_fact("part_of", {"organization": org, "parent": parent}, masked, rule.confidence, rule.name)


def b_founded(ctx, m, masked, rule):
    org = ctx.org(masked.refs[m.group("org")])
    if org:
        ctx.add_fact("founded", {"organization": org, "date": m.group("year")}, masked, rule.confidence, rule.name)


def _signed(ctx, masked, rule, document: str, people: str) -> None:
    # the parties a document is "between" are mentions of their own: their words go back into its name
    label = re.sub(r"\s+", " ", unmask(masked, document)).strip()
    doc = ctx.table.add(label[0].upper() + label[1:], "Document")
    for per in dict.fromkeys(persons(ctx, masked, people)):
        ctx.add_fact("signed", {"person": per, "document": doc, "date": ctx.sentence_date(masked)}, masked,
                     rule.confidence, rule.name)
    ctx.ceremony_frame(masked, "signing ceremony")


def b_signed(ctx, m, masked, rule):
    _signed(ctx, masked, rule, m.group("doc"), m.group("people"))


def b_signed_apposed(ctx, m, masked, rule):
    """'The first MoU, on defence cooperation, was signed by A and B': the document is 'MoU on defence
    cooperation' (its head without the ordinal, and its subject)."""
    head = re.sub(r"^(?:an?|the)\s+(?:first|second|third|fourth|fifth|sixth|last|other|new)?\s*", "",
                  m.group("head"), flags=re.IGNORECASE)
    _signed(ctx, masked, rule, f"{head} {m.group('subj')}", m.group("people"))


BUILDERS = {name[2:]: fn for name, fn in globals().items() if name.startswith("b_")}
