"""Builders for offices stated in lists: several titles of one person ("Deputy Prime Minister and Foreign
Minister X") and one plural title over several holders ("incoming ambassadors A of Germany and B of the
Sudan"). Registered into builders.BUILDERS on import; the rules that call them are rows of the registry."""

from __future__ import annotations

from kg.extract import builders
from kg.extract.builders import office


def b_office_each(ctx, m, masked, rule):
    per = builders.person(ctx, masked, m.group("per"))
    for tag in builders._tags(m.group("offs")):
        if tag.startswith("«OFF"):
            office(ctx, masked, tag, per, rule.confidence, rule.name)


def b_office_plural_list(ctx, m, masked, rule):
    off = m.group("off")
    if not masked.refs[masked.offices[off]["title"]].extra.get("plural"):
        return  # a singular title before a list names the first holder only (the title-before-name rule)
    for tag in builders._tags(m.group("list")):
        if tag.startswith("«PER"):
            office(ctx, masked, off, builders.person(ctx, masked, tag), rule.confidence, rule.name, per_tag=tag)


builders.BUILDERS.update({name[2:]: fn for name, fn in list(globals().items()) if name.startswith("b_")})
