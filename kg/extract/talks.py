"""Builders for meetings told in the genre's other shapes: a pronoun subject ("He also held talks with X"), a
delegation and its leader ("met a delegation led by X", "the delegation, headed by X, met Y"), and a call
received ("X received a courtesy call from Y"). Registered into builders.BUILDERS on import; the rules that call
them are rows of the registry (rules.py)."""

from __future__ import annotations

from kg.extract import builders
from kg.extract.builders import agent, person, persons


def last_subject(ctx, before: int) -> str | None:
    """The person who was last the grammatical subject of a clause before this point: whom a sentence-initial
    'He' or 'She' (or 'his call') most likely refers to in a report."""
    for mention in sorted((x for x in ctx.mentions_all if x.kind == "PER" and x.entity and x.end <= before),
                          key=lambda x: -x.start):
        span = ctx.doc.char_span(mention.start, mention.end, alignment_mode="expand")
        if span is None:
            continue
        if any(t.dep_ in ("nsubj", "nsubjpass") or (t.dep_ == "appos" and t.head.dep_ in ("nsubj", "nsubjpass"))
               for t in span):
            return mention.entity
    return None


def b_meeting_pronoun(ctx, m, masked, rule):
    a = last_subject(ctx, masked.start)
    b = agent(ctx, masked, m.group("b"))
    if a and b and a != b and ctx.table.entities[b].kind == "Person":
        ctx.meeting([a, b], masked, rule)


def b_meeting_leader(ctx, m, masked, rule):
    """A delegation meets for its leader: 'A met a delegation led by B', 'a delegation led by A met B and C'."""
    a = person(ctx, masked, m.group("a"))
    others = persons(ctx, masked, m.group("b"))
    for b in others:
        if a and b != a:
            ctx.meeting([a, b], masked, rule)


builders.BUILDERS.update({name[2:]: fn for name, fn in list(globals().items()) if name.startswith("b_")})
