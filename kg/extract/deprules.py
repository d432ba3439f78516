"""Builders for the dependency rules (rules.DEP_RULES): award conferral, signing, meetings, credentials and
witnessed ceremonies read from the parse of one clause (see clauses). A role the clause does not fill stays
empty, and a fact whose required roles are not all in the clause is not emitted: precision before recall.
Registered into builders.BUILDERS on import."""

from __future__ import annotations

import re

from kg.extract import builders
from kg.extract.clauses import Clause

GIVE = {"present", "presented", "presents", "presenting", "hand", "handed", "hands", "give", "gave", "gives", "given"}
DOC_HEADS = {"agreement", "agreements", "memorandum", "mou", "treaty", "protocol", "accord", "convention", "document",
             "deal", "pact", "documents", "memoranda", "mous"}
GENERIC_DOC = {"document", "documents", "deal", "agreements", "memoranda", "mous", "pact"}
TALKS = {"talks", "meeting", "meetings", "discussions", "consultations", "call", "visit"}


def _person(ctx, label) -> bool:
    return bool(label) and label in ctx.table.entities and ctx.table.entities[label].kind == "Person"


def d_conferral(ctx, c: Clause, rule):
    """'P conferred/awarded A on/to X', 'X was conferred with/decorated with A by P', 'P decorated X with A'."""
    award = c.award()
    if not award or any(t.lower_ in ("credentials", "credence") for t in c.tokens):
        return
    subj = c.subject()
    if c.passive():
        subj_is_award = subj is not None and c.mention_at(subj, ("AWD",)) is not None
        recipients = [p for t in c.preps({"on", "upon", "to"}) for p in c.persons(t)] if subj_is_award else c.persons(subj)
        givers = [p for t in c.preps({"by"}) for p in c.persons(t)]
    else:
        givers = c.subject_persons()
        recipients = [p for t in c.preps({"on", "upon", "to"}) for p in c.persons(t)]
        for t in c.children(c.verb, {"dobj", "dative"}):
            if c.mention_at(t, ("AWD",)) is None:
                recipients += c.persons(t)
    giver = givers[0] if len(givers) == 1 else None
    recipients = [r for r in dict.fromkeys(recipients) if r != giver]
    if not recipients:
        return
    frame = ctx.award_frame(award, c.masked)
    if frame.get("award") != award:
        return  # another award's ceremony: the article frame holds one
    for r in recipients:
        frame["recipients"].setdefault(r, (c.masked, rule))
    if giver:
        frame.setdefault("dep_presenter" if c.verb.lower_ in GIVE else "dep_giver", giver)
    place, date = c.place(), c.date()
    if place and c.place_kind in ("VEN", "NEW"):
        frame.setdefault("dep_place", place)
    if date:
        frame.setdefault("date", date)
    ctx.frame_date(frame, c.masked)


def _topical(prep) -> bool:
    """'in disaster management' (a topic: a lower-case common noun) as against 'in Dhaka', 'in May'."""
    objs = [x for x in prep.children if x.dep_ == "pobj"]
    return bool(objs) and all(o.pos_ == "NOUN" and o.text[:1].islower() and not o.ent_type_ for o in objs)


def _doc_label(ctx, tok) -> str | None:
    """A document's name from its phrase ('a memorandum of understanding on ...'), without the article, the
    circumstances (at/in/during, a weekday) and clauses hanging off it."""
    keep = [tok]
    stack = [tok]
    while stack:
        t = stack.pop()
        for ch in t.children:
            if ch.dep_ in ("det", "poss", "punct", "relcl", "acl", "advcl", "cc", "conj", "appos") or ch.dep_ == "nummod":
                continue
            if ch.dep_ == "prep" and ((ch.lower_ in ("at", "in", "during", "with", "between", "by", "before", "after")
                                       and (t == tok or not _topical(ch))) or
                                      (ch.lower_ == "on" and any(x.lower_ in ("behalf", "sidelines") or x.ent_type_ == "DATE"
                                                                  for x in ch.children))):
                continue
            keep.append(ch)
            stack.append(ch)
    keep.sort(key=lambda t: t.i)
    first = next((i for i, t in enumerate(keep) if t.pos_ not in ("ADJ",) or t.text[:1].isupper()), 0)
    keep = keep[first:]
    if not keep:
        return None
    label = re.sub(r"\s+", " ", ctx.text[keep[0].idx:keep[-1].idx + len(keep[-1])]).strip()
    return label[0].upper() + label[1:] if label else None


def note_document(ctx, tok, date=None) -> str | None:
    """A document named in full ('an agreement on X'): remembered, for 'the document' later to refer to."""
    label = _doc_label(ctx, tok)
    if not label or tok.lower_ in GENERIC_DOC or len(label.split()) < 2:
        return None
    docs = ctx.frames.setdefault("documents", [])
    docs.append({"label": ctx.table.add(label, "Document"), "date": date, "head": tok.lower_})
    return label


def d_signing(ctx, c: Clause, rule):
    """'A and B signed X', 'X was signed by A and B', 'A and B signed the document' (the one named before)."""
    date = c.date()
    if c.passive():
        doc_tok = c.subject()
        signers = [p for t in c.preps({"by"}) for p in c.persons(t)]
    else:
        objs = c.children(c.verb, {"dobj"})
        doc_tok = objs[0] if objs else None
        signers = c.subject_persons()
    if doc_tok is None or doc_tok.lower_ not in DOC_HEADS:
        return
    named = note_document(ctx, doc_tok, date)
    docs = ctx.frames.get("documents", [])
    if named:
        doc = docs[-1]
    elif docs and any(ch.dep_ == "det" and ch.lower_ in ("the", "this", "these") for ch in doc_tok.children):
        doc = docs[-1]  # 'the document', 'the agreement': the one the report named last
    else:
        return
    for p in dict.fromkeys(signers):
        ctx.add_fact("signed", {"person": p, "document": doc["label"], "date": date or doc["date"]},
                     c.masked, rule.confidence, rule.name)
    if signers:
        ctx.ceremony_frame(c.masked, "signing ceremony")


def d_note_documents(ctx, c: Clause, rule):
    """'witnessed the signing of an agreement on X': the document is named here, signed by whoever is said."""
    for t in c.tokens:
        if t.lower_ in DOC_HEADS and t.dep_ == "pobj" and t.head.lower_ == "of" and t.head.head.lower_ == "signing":
            note_document(ctx, t, c.date())


def d_meeting(ctx, c: Clause, rule):
    """'A called on / met / held talks with / paid a courtesy call on B', with the clause's date and place."""
    verb = c.verb.lower_
    objects = []
    if verb.startswith("call"):
        objects = c.preps({"on"}, within=None)
        objects = [o for o in objects if o.head.head == c.verb]
    elif verb.startswith("pa"):
        calls = [t for t in c.children(c.verb, {"dobj"}) if t.lower_ in ("call", "visit")]
        if not calls:
            return
        objects = [o for o in c.preps({"on", "to"}) if o.head.head in (c.verb, calls[0])]
    elif verb.startswith("me"):
        objects = c.children(c.verb, {"dobj"}) + [o for o in c.preps({"with"}) if o.head.head == c.verb]
    elif verb.startswith("h"):
        talks = [t for t in c.children(c.verb, {"dobj"}) if t.lower_ in TALKS]
        if not talks:
            return
        objects = [o for o in c.preps({"with"}) if o.head.head in (c.verb, talks[0])]
    subj = c.subject_persons() or _the_two(ctx, c)
    others = [p for o in objects for p in c.persons(o)]
    if not subj or (not others and (len(subj) < 2 or verb.startswith(("call", "pa")))):
        return
    people = list(dict.fromkeys(subj + others))
    if len(people) < 2 or not all(_person(ctx, p) for p in people):
        return
    ctx.meeting(people, c.masked, rule, date=c.date(), place=c.place())


def _the_two(ctx, c: Clause) -> list[str]:
    """'The two presidents/ministers held talks': the two people of that office named last before."""
    from kg.extract.coordination import _TWO_NOUNS, _recent_holders
    subj = c.subject()
    if subj is None or subj.lower_ not in _TWO_NOUNS or not any(t.lower_ == "two" for t in subj.children):
        return []
    return _recent_holders(ctx, c.masked, _TWO_NOUNS[subj.lower_], 2)


def d_credentials(ctx, c: Clause, rule):
    """'X presented her credentials / letter of credence to P at VENUE on DAY'."""
    objs = c.children(c.verb, {"dobj"})
    if not any(t.lower_ in ("credentials", "credential", "copy", "copies") for t in objs) \
            and not any(t.lower_ in ("credence", "credentials", "credential") for t in c.tokens):
        return
    envoys = c.subject_persons()
    to = [p for t in c.preps({"to"}) for p in c.persons(t)]
    if not envoys:
        return
    frame = ctx.frames.get("cred")
    if frame is None and len(to) != 1:
        return
    frame = frame or ctx.cred_frame(c.masked, to[0])
    place = c.place()
    if place and not frame.get("dep_place"):
        frame["place"] = frame["dep_place"] = place
    for e in envoys:
        if e != frame["to"]:
            frame["envoys"].setdefault(e, (c.masked, rule))


def d_witnessed(ctx, c: Clause, rule):
    """'The ceremony was witnessed by A and B', 'A and B witnessed the signing': attendees of that event."""
    if c.passive():
        people = [p for t in c.preps({"by"}) for p in c.persons(t)]
        event = c.subject()
    else:
        people = c.persons(c.subject())
        objs = c.children(c.verb, {"dobj"})
        event = objs[0] if objs else None
    if event is None or not people:
        return
    if event.lower_ == "signing":
        frame = ctx.frames.get("ceremony") or ctx.ceremony_frame(c.masked, "signing ceremony")
    elif event.lower_ in ("ceremony", "investiture", "function", "event", "occasion", "meeting", "talks"):
        frame = ctx.attendance_frame(c.masked)
    else:
        return
    if frame is None:
        return
    for p in people:
        frame["attendees"].setdefault(p, (c.masked, rule))


def d_present(ctx, c: Clause, rule):
    """'A, B and senior officials were present (on the occasion)': attendees of the article's ceremony."""
    if c.verb.lower_ not in ("was", "were") or not any(t.lower_ == "present" and t.dep_ in ("acomp", "advmod", "attr")
                                                       for t in c.children(c.verb)):
        return
    frame = ctx.attendance_frame(c.masked)
    if frame is None:
        return
    for p in c.persons(c.subject()):
        frame["attendees"].setdefault(p, (c.masked, rule))


builders.BUILDERS.update({"dep_" + name[2:]: fn for name, fn in list(globals().items()) if name.startswith("d_")})
