"""extract_article: text -> mentions -> resolved entities -> rule matches -> frames -> a FactsDoc."""

from __future__ import annotations

import os
import re
import sys

from kg.articles import Article
from kg.extract import (  # noqa: F401
    builders,
    coordination,
    coref,
    deprules,
    gazetteer,
    layout,
    masking,
    officelists,
    orgs,
    placement,
    receptions,
    scoring,
    talks,
)
from kg.extract import mentions as mention_mod
from kg.extract import nlp as nlp_mod
from kg.extract.clauses import Clause
from kg.extract.context import Context
from kg.extract.frames import (
    event_dates,
    finish_frames,
    held_at_places,
    lead_dates,
    meeting_places,
)
from kg.extract.placement import counterpart_state, host_country
from kg.extract.rules import DEP_RULES, RULES
from kg.facts import Fact, FactsDoc
from kg.model import FACT_TYPES

_DEBUG = bool(os.environ.get("KG_EXTRACT_DEBUG"))


def _structure_facts(ctx: Context, mentions) -> None:
    acronyms = orgs.find_acronyms(ctx.text)
    for m in mentions:
        if m.kind != "ORG" or m.extra.get("ref"):
            continue
        label = ctx.org(m)
        chain, child = [], label
        while child:
            parent = orgs.parent_of(child, acronyms)
            if not parent or parent == child:
                break
            chain.append((child, parent))
            child = parent
        if m.extra.get("parent"):
            chain.append((label, m.extra["parent"]))
            ctx.table.add(m.extra["parent"], orgs.org_kind(m.extra["parent"]), m.extra.get("parent_surface"))
        city = _mission_city(ctx, label, m)
        if city:
            ctx.add_fact("located_in", {"place": label, "in": city}, None, 0.75, "mission_name_city",
                         evidence=(m.start, m.end))
        for child, parent in chain:
            ctx.table.add(parent, orgs.org_kind(parent))
            ctx.add_fact("part_of", {"organization": child, "parent": parent}, None, 0.75, "org_name_structure",
                         evidence=(m.start, m.end))


def _mission_city(ctx: Context, label: str, mention) -> str | None:
    """'Embassy of France in New Delhi' is in New Delhi: a mission's name states its city (a known capital)."""
    if (mention.extra.get("kind") or orgs.org_kind(label)) != "DiplomaticMission":
        return None
    m = re.search(r" in ([A-Z][\w ]+)$", label)
    capitals = {c.lower(): c for c in gazetteer.load().capitals}
    if not m or m.group(1).lower() not in capitals:
        return None
    city = m.group(1)
    return ctx.table.add(city, "City")


def _own_countries_win(ctx: Context) -> None:
    """An office's country guessed from its sentence or the host yields to the country the report states
    for that person elsewhere ("the Pakistani foreign minister"); and a guess that is another person's
    stated nationality in the same sentence ("X held talks with his Iranian counterpart Y"), in a report
    from a third country's point of view, is no guess at all: it is dropped for the placing below."""
    own: dict[str, set] = {}
    for f in ctx.facts:
        if f.type == "holds_office" and f.cues.get("country") == "own" and f.args.get("country"):
            own.setdefault(f.args["person"], set()).add(f.args["country"])
    for f in ctx.facts:
        if f.type != "holds_office" or f.cues.get("country") not in ("sentence", "host"):
            continue
        person, country = f.args["person"], f.args.get("country")
        mine = own.get(person, set())
        if len(mine) == 1:
            f.args["country"] = next(iter(mine))
            f.cues["country"] = "known"
        elif not mine and country != ctx.host and any(
                country in cs and _named_in(ctx, p, f.evidence.quote) for p, cs in own.items() if p != person):
            del f.args["country"]
            f.cues["country"] = None


def _named_in(ctx: Context, label: str, quote: str) -> bool:
    entity = ctx.table.entities.get(label)
    forms = [label] + (list(entity.aliases) if entity else [])
    return any(form in quote for form in forms)


def _placed_offices(ctx: Context) -> list[Fact]:
    """An office is held in an organisation and/or for a country: one whose phrase names neither takes the
    person's only known country from other facts (an office, or membership of a national body such as a
    party's Central Committee), else the host country: surely for a government's own office or an envoy
    sent from home, at a lower confidence for any other office (a report tells of the officials of the
    country where it happens). Not the host for an envoy to the host, nor at a multilateral gathering,
    where the host is only where it was held; then the office is kept at a low confidence, for review."""
    gaz = gazetteer.load()
    members: dict[str, set] = {}
    for f in ctx.facts:
        if f.type == "member_of" and (country := ctx.org_country(f.args["organization"])):
            members.setdefault(f.args["person"], set()).add(country)
    counterpart = counterpart_state(ctx)
    for f in ctx.facts:
        if f.type != "holds_office" or f.args.get("organization") or f.args.get("country"):
            continue
        known = ctx.countries.get(f.args["person"], set()) or members.get(f.args["person"], set())
        role = f.args["office"]
        envoy = re.match(r"(?P<role>.+?)(?:-designate)? to (?P<dest>.+)$", role)
        gathering = placement.multilateral_text(f.evidence.quote)
        own = (envoy and envoy.group("role") in gaz.envoy_offices and envoy.group("dest") != ctx.host) \
            or ((role in gaz.government_offices or role in gaz.head_offices) and not gathering)
        # an envoy to the host and a mission's staff serve abroad; so does an envoy whose title names no
        # destination, though the host may still be the envoy's own country (sent from home)
        in_host_abroad = (envoy and envoy.group("dest") == ctx.host) or role in gaz.mission_staff
        abroad = in_host_abroad or (role in gaz.envoy_offices and not envoy)
        foreign = in_host_abroad or gathering
        # the countries its sentence gives to others (an envoy's own, a counterpart's) are not this office's:
        # the host is then the other state of the report, or nothing
        barred = f.cues.get("not_countries") or set()
        host = ctx.host if ctx.host not in barred else (counterpart if counterpart not in barred else None)
        if len(known) == 1:
            f.args["country"], f.cues["country"] = next(iter(known)), "known"
        elif host and abroad and not gathering and counterpart and counterpart not in barred:
            f.args["country"], f.cues["country"] = ctx.table.country(counterpart), "counterpart"
            f.confidence = round(f.confidence * 0.8, 3)
        elif host and own:
            f.args["country"], f.cues["country"] = ctx.table.country(host), "host"
            f.confidence = round(f.confidence * 0.8, 3)
        elif host and not foreign:
            f.args["country"], f.cues["country"] = ctx.table.country(host), "host_other"
            f.confidence = round(f.confidence * 0.7, 3)
        else:
            f.confidence, f.cues["country"] = min(f.confidence, 0.4), "none"
    return list(ctx.facts)



def _dedupe(facts: list[Fact]) -> list[Fact]:
    seen, out = set(), []
    for f in facts:
        key = (f.type, repr(sorted(f.args.items())))
        if key not in seen:
            seen.add(key)
            out.append(f)
    # a fact that another of its kind says more about is dropped: an office holding with the same person and
    # office, a meeting of the same people told again without its date ("The Prime Minister welcomed the envoy")
    keep = []
    for f in out:
        if f.type in _SAME_WHEN:
            same = _SAME_WHEN[f.type]
            richer = [g for g in out if g is not f and g.type == f.type and same(f, g)
                      and all(g.args.get(k) == v for k, v in f.args.items()) and len(g.args) > len(f.args)]
            if richer:
                continue
        keep.append(f)
    return keep


_SAME_WHEN = {
    "holds_office": lambda f, g: g.args["person"] == f.args["person"] and g.args["office"] == f.args["office"],
    "meeting": lambda f, g: sorted(g.args["participants"]) == sorted(f.args["participants"]),
}


def extract_article(article: Article, model: str | None = None, score: bool = True,
                    min_confidence: float = 0.0) -> FactsDoc:
    """Extract entities and facts from one article; the result is a FactsDoc with status 'extracted'.
    score=False keeps the rules' own confidences (what the scorer learns from); min_confidence drops the
    facts the scorer rates lower."""
    nlp = nlp_mod.load(model)
    doc = nlp(layout.unwrap(article.text))
    return extract_doc(article, doc, score, min_confidence)


def extract_doc(article: Article, doc, score: bool = True, min_confidence: float = 0.0) -> FactsDoc:
    ctx = Context(article, doc)
    text = ctx.text
    found = mention_mod.find(doc, text)
    ctx.host = host_country(ctx, found)
    ctx.mentions = found
    ctx.table.resolve_people(found)
    found = sorted(found + ctx.table.short_forms(text, found), key=lambda m: m.start)
    for m in found:
        if m.kind == "ORG":
            m.extra.setdefault("kind", orgs.org_kind(m.value))
            m.entity = m.value
        elif m.kind == "AWD":
            m.entity = m.value
    found = sorted(found + coref.other_refs(text, found), key=lambda m: m.start)
    # stage 1 (offices, memberships), then coreference that needs them, then stage 2 (events, relations)
    pronouns = [r for r in coref.person_refs(text, found, {}, {}) if r.extra.get("pronoun")]
    staged = sorted(found + pronouns, key=lambda m: m.start)
    for m in staged:
        if m.kind == "ORG" and not m.extra.get("ref"):
            ctx.org(m)
    _run(ctx, staged, stage=1)
    roles = {p: set(r) for p, r in ctx.offices.items()}
    for label, entity in ctx.table.entities.items():
        if entity.kind == "Person" and entity.rank:
            roles.setdefault(label, set()).add(entity.rank)
    refs = [r for r in coref.person_refs(text, staged, roles, ctx.countries) if not r.extra.get("pronoun")]
    for r in refs:
        ctx.table.alias(r.entity, r.surface)
    for m in found:
        if m.kind == "AWD" and m.value:
            ctx.table.add(m.value, "Award", m.surface)
    # a reference replaces the bare title it was read from ("the ambassador in ...")
    staged = [m for m in staged if not (m.kind == "TTL" and any(r.overlaps(m) for r in refs))]
    full = sorted(staged + refs, key=lambda m: m.start)
    _title_name_aliases(ctx, full)
    ctx.mentions_all = full
    _run(ctx, full, stage=2)
    finish_frames(ctx)
    _structure_facts(ctx, found)
    for m in found:
        if m.kind in ("CTY", "DEM"):
            ctx.table.country(m.value, m.surface)
        elif m.kind in ("GPE", "VEN", "ORG"):
            (ctx.place(m) if m.kind != "ORG" else ctx.org(m))
            if m.kind == "ORG" and m.extra.get("ref") and m.value in ctx.table.entities:
                ctx.table.alias(m.value, m.surface)
    _own_countries_win(ctx)
    facts = _placed_offices(ctx)
    held_at_places(ctx, facts)
    meeting_places(ctx, facts)
    event_dates(facts)
    lead_dates(ctx, facts)
    facts = _dedupe(_clause_facts_win(facts))
    if score:
        facts = [f for f in scoring.rescore(facts) if f.confidence >= min_confidence]
    entities = dict(ctx.table.entities)
    return FactsDoc(article.path.name, "extracted", entities, facts, None)


def _title_name_aliases(ctx: Context, mentions) -> None:
    """'President Ruto', 'Ambassador Iwama': a capitalised title written right before a person mention is a
    surface form of that person too (kept as an alias, so the short reference links to the full name)."""
    for prev, m in zip(mentions, mentions[1:]):
        if prev.kind == "TTL" and m.kind == "PER" and m.entity and prev.surface[:1].isupper() \
                and not m.extra.get("ref") and ctx.text[prev.end:m.start] == " " and not prev.extra.get("remit"):
            ctx.table.alias(m.entity, ctx.text[prev.start:m.end])


def _referenced(facts, entities) -> set:
    used = set()
    for f in facts:
        for arg in FACT_TYPES[f.type].args:
            v = f.args.get(arg.name)
            if arg.is_entity and v is not None:
                used.update(v if isinstance(v, list) else [v])
    for label in list(used):
        e = entities.get(label)
        if e is not None:
            used.update(x for x in (e.role, e.organization, e.country) if x)
    return used


def _run(ctx: Context, mentions, stage: int) -> None:
    index = {id(m): i for i, m in enumerate(mentions)}
    dep_rules = [r for r in DEP_RULES if r.stage == stage]
    for s, e in ctx.sentences:
        masked = masking.mask(ctx.text, s, e, mentions, index)
        if _DEBUG:
            print(f"[{stage}]", masked.text, file=sys.stderr)
        if dep_rules:
            _run_dep(ctx, dep_rules, masked, [m for m in mentions if s <= m.start and m.end <= e])
        for rule in RULES:
            if rule.stage != stage:
                continue
            for m in rule.regex.finditer(masked.text):
                builders.BUILDERS[rule.build](ctx, m, masked, rule)


def _run_dep(ctx: Context, rules, masked, mentions) -> None:
    """Dependency rules first: what they find in a clause is kept over what a pattern finds in the sentence."""
    span = ctx.doc.char_span(masked.start, masked.end, alignment_mode="expand")
    if span is None:
        return
    for tok in span:
        for rule in rules:
            if tok.lower_ in rule.triggers and tok.pos_ in rule.pos:
                builders.BUILDERS[rule.build](ctx, Clause(ctx, tok, mentions, masked), rule)


def _clause_facts_win(facts: list[Fact]) -> list[Fact]:
    """A meeting or signing a dependency rule read from a sentence replaces what patterns guessed there."""
    dep = {(f.type, f.evidence.begin) for f in facts if f.rule.startswith("dep_")}
    return [f for f in facts if f.rule.startswith("dep_") or f.type not in ("meeting", "signed")
            or (f.type, f.evidence.begin) not in dep]
