"""extract_article: text -> mentions -> resolved entities -> rule matches -> frames -> a FactsDoc."""

from __future__ import annotations

import os
import re
import sys
from collections import Counter

from kg.articles import Article
from kg.extract import builders, coref, dates, gazetteer, masking, mentions as mention_mod, nlp as nlp_mod, orgs
from kg.extract.entities import EntityTable
from kg.extract.rules import RULES
from kg.facts import Fact, FactsDoc, locate_quote
from kg.model import FACT_TYPES

_DEBUG = bool(os.environ.get("KG_EXTRACT_DEBUG"))
DATELINE = re.compile(r"^\s*(?P<city>[A-Z][A-Z .]{2,30}?)\s*(?:,|:|\(|-|–|—)")


class Context:
    def __init__(self, article: Article, doc):
        self.article = article
        self.text = article.text
        self.published = article.meta.get("published")
        self.doc = doc
        self.table = EntityTable()
        self.facts: list[Fact] = []
        self.frames: dict = {}
        self.offices: dict[str, set] = {}
        self.countries: dict[str, set] = {}
        self.host: str | None = None
        self.mentions: list = []
        self.sentences = self._sentences()

    # --- sentences ----------------------------------------------------------------------------------
    def _sentences(self) -> list[tuple[int, int]]:
        spans = []
        for sent in self.doc.sents:
            pos = sent.start_char
            for piece in re.split(r"(\n+)", self.text[sent.start_char:sent.end_char]):
                if piece.strip() and not piece.startswith("\n"):
                    lead = len(piece) - len(piece.lstrip())
                    s = pos + lead
                    e = pos + len(piece.rstrip())
                    spans.append((s, e))
                pos += len(piece)
        # spaCy sometimes splits after a closing quote mid-sentence: rejoin pieces on one line that do not
        # end a sentence
        merged: list[tuple[int, int]] = []
        for s, e in spans:
            if merged and not re.search(r"[.!?][”\"’']?$", self.text[merged[-1][0]:merged[-1][1]]) \
                    and "\n" not in self.text[merged[-1][1]:s]:
                merged[-1] = (merged[-1][0], e)
            else:
                merged.append((s, e))
        return merged

    # --- entities -------------------------------------------------------------------------------------
    def org(self, mention) -> str | None:
        if mention is None or mention.kind != "ORG":
            return None
        label = mention.value
        kind = mention.extra.get("kind") or orgs.org_kind(label)
        self.table.add(label, kind, None if mention.extra.get("ref") else mention.surface)
        return label

    def org_country(self, org: str | None) -> str | None:
        if not org:
            return None
        gaz = gazetteer.load()
        low = org.lower()
        best = None
        for name in sorted(gaz.countries, key=len, reverse=True):
            m = re.search(rf"(?<![\w-]){re.escape(name)}(?![\w-])", low)
            if m and (best is None or m.start() < best[0]):
                best = (m.start(), gaz.countries[name])
        if best:
            self.table.country(best[1])
            return best[1]
        return None

    def place(self, mention) -> str | None:
        if mention is None:
            return None
        if mention.kind == "VEN":
            return self.table.add(mention.value, "Place", mention.surface)
        if mention.kind == "GPE":
            return self.table.add(mention.value, mention.extra.get("kind", "City"), mention.surface)
        if mention.kind in ("CTY", "DEM"):
            return self.table.country(mention.value, mention.surface if mention.kind == "CTY" else None)
        if mention.kind == "ORG":
            return self.org(mention)
        return None

    def person_office(self, person, role, country):
        self.offices.setdefault(person, set()).add(role)
        if country:
            self.countries.setdefault(person, set()).add(country)

    def office_parts(self, masked, tag) -> dict:
        gaz = gazetteer.load()
        parts = masked.offices[tag]
        title = masked.refs[parts["title"]]
        role = title.value
        country = organization = dest = city = None
        guessed = False
        for key in ("pre", "pre2", "of"):
            ref = masked.refs.get(parts.get(key))
            if ref is None:
                continue
            if ref.kind in ("CTY", "DEM"):
                country = ref.value
            elif ref.kind == "ORG":
                organization = self.org(ref)
            elif ref.kind == "GPE" and key == "of":
                city = self.place(ref)
        if parts.get("to"):
            dest = masked.refs[parts["to"]].value
        if organization and not country:
            country = self.org_country(organization)
        label = role
        if role in gaz.envoy_offices:
            dest = dest or (self.host if self.host != country else None)
            if dest:
                label = f"{role} to {dest}"
                self.table.country(dest)
        elif city:
            label = f"{role} of {city}"
        if not country and not organization and role in gaz.head_offices:
            sentence = [m.value for m in masked.refs.values() if m.kind in ("CTY", "DEM")]
            sentence += [gaz.capitals[m.value.lower()] for m in masked.refs.values() if m.kind == "GPE" and m.value.lower() in gaz.capitals]
            country = sentence[0] if len(set(sentence)) == 1 else self.host
            guessed = len(set(sentence)) != 1
        if not organization and (builders.STAFF.search(role) or role in gaz.envoy_offices):
            missions = {e.label for e in self.table.entities.values() if e.kind == "DiplomaticMission"}
            if len(missions) == 1:
                mission = missions.pop()
                if builders.STAFF.search(role) or (country and self.org_country(mission) == country):
                    organization = mission
                    country = country or self.org_country(organization)
        if country:
            self.table.country(country)
        status = builders.STATUS.get(parts.get("status", ""), None)
        if role.endswith("-designate"):
            status = "designate"
        return {"role": role, "label": label, "surface": title.surface, "country": country,
                "organization": organization, "status": status, "guessed": guessed}

    def envoy_office(self, person, role, sender, masked, rule):
        dest = self.frames.get("cred", {}).get("country") or self.host
        label = f"{role} to {dest}" if dest and dest != sender else role
        self.table.country(sender)
        self.person_office(person, role, sender)
        status = "designate" if role.endswith("-designate") else None
        self.add_fact("holds_office", {"person": person, "office": self.table.add(label, "Role"), "country": sender,
                                       "status": status}, masked, rule.confidence, rule.name)

    # --- dates and places of a sentence ---------------------------------------------------------------
    def sentence_date(self, masked) -> str | None:
        return dates.find_date(self.text[masked.start:masked.end], self.published)

    def sentence_place(self, masked) -> str | None:
        for kind in ("VEN", "GPE"):
            for ref in masked.refs.values():
                if ref.kind == kind and not ref.extra.get("ref"):
                    return self.place(ref)
        return None

    # --- frames -------------------------------------------------------------------------------------------
    def award_frame(self, award: str | None, masked) -> dict:
        frame = self.frames.get("award")
        if frame is None:
            frame = {"award": award, "recipients": {}, "attendees": {}, "evidence": masked}
            self.frames["award"] = frame
        if award and not frame["award"]:
            frame["award"] = award
        return frame

    def frame_date(self, frame, masked):
        if not frame.get("date"):
            frame["date"] = self.sentence_date(masked)
        if re.search(r"investiture", self.text[masked.start:masked.end], re.IGNORECASE):
            frame["investiture"] = True

    def cred_frame(self, masked, to) -> dict:
        frame = self.frames.get("cred")
        if frame is None:
            frame = {"to": to, "envoys": {}, "date": self.sentence_date(masked), "place": self.sentence_place(masked)}
            frame["country"] = next(iter(self.countries.get(to, ())), None) or self.host
            self.frames["cred"] = frame
        return frame

    def meeting(self, people, masked, rule, date=None, place=None):
        args = {"participants": sorted(set(people)), "date": date or self.sentence_date(masked),
                "place": place or self.sentence_place(masked)}
        self.add_fact("meeting", args, masked, rule.confidence, rule.name)

    # --- facts ----------------------------------------------------------------------------------------------
    def add_fact(self, ftype, args, masked, confidence, rule, evidence=None):
        args = {k: v for k, v in args.items() if v is not None}
        spec = FACT_TYPES[ftype]
        for arg in spec.args:
            value = args.get(arg.name)
            if arg.is_entity and value is not None:
                values = value if arg.many else [value]
                for v in values:
                    if v not in self.table.entities or self.table.entities[v].kind not in arg.kinds:
                        return  # never emit a fact the loader would refuse
        if any(a.required and a.name not in args for a in spec.args):
            return
        begin, end = evidence or (masked.start, masked.end)
        quote = self.text[begin:end]
        self.facts.append(Fact(ftype, args, locate_quote(self.text, quote, begin), confidence, rule))


def _host_country(ctx: Context, mentions) -> str | None:
    gaz = gazetteer.load()
    body = ctx.text.split("\n\n", 1)[-1]
    m = DATELINE.match(body)
    if m and m.group("city").strip().lower() in gaz.capitals:
        return gaz.capitals[m.group("city").strip().lower()]
    dests = re.findall(r"(?:ambassador|envoy|high commissioner)s?(?:-designate)?\s+(?:of\s+[\w ]+?\s+)?(?:\([^)]*\)\s+)?to\s+([A-Z][\w ]+?)\b(?=[,.;]|\s)", ctx.text, re.IGNORECASE)
    for d in dests:
        for n in sorted(gaz.country_names, key=len, reverse=True):
            if d.lower().startswith(n):
                return gaz.country_names[n]
    counts = Counter(m.value for m in mentions if m.kind in ("CTY",))
    return counts.most_common(1)[0][0] if counts else None


def _finish_frames(ctx: Context) -> None:
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
        is_person = lambda x: x and table.entities[x].kind == "Person"
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
            name += f" at {place}"
        ceremony = table.add(name, "Ceremony")
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
            ctx.add_fact("attended", {"person": p, "event": ceremony}, masked, 0.7, "attended_" + rule.name)
        first = next(iter(frame["recipients"].values()))[0]
        ctx.add_fact("event_held", {"event": ceremony, "date": frame.get("date"), "place": place}, first, 0.6, "ceremony_frame")
    cred = ctx.frames.get("cred")
    if cred:
        for envoy, (masked, rule) in cred["envoys"].items():
            if envoy != cred["to"]:
                ctx.add_fact("credentials_presented", {"envoy": envoy, "to": cred["to"], "date": cred["date"],
                                                       "place": cred["place"]}, masked, rule.confidence, rule.name)


def _structure_facts(ctx: Context, mentions) -> None:
    for m in mentions:
        if m.kind != "ORG" or m.extra.get("ref"):
            continue
        label = ctx.org(m)
        acronyms = orgs.find_acronyms(ctx.text)
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
        for child, parent in chain:
            ctx.table.add(parent, orgs.org_kind(parent))
            ctx.add_fact("part_of", {"organization": child, "parent": parent}, None, 0.75, "org_name_structure",
                         evidence=(m.start, m.end))


def _dedupe(facts: list[Fact]) -> list[Fact]:
    seen, out = set(), []
    for f in facts:
        key = (f.type, repr(sorted(f.args.items())))
        if key not in seen:
            seen.add(key)
            out.append(f)
    # a holds_office fact that another says more about (same person and office) is dropped
    keep = []
    for f in out:
        if f.type == "holds_office":
            richer = [g for g in out if g is not f and g.type == "holds_office" and g.args["person"] == f.args["person"]
                      and g.args["office"] == f.args["office"] and all(g.args.get(k) == v for k, v in f.args.items())
                      and len(g.args) > len(f.args)]
            if richer:
                continue
        keep.append(f)
    return keep


def extract_article(article: Article, model: str | None = None) -> FactsDoc:
    """Extract entities and facts from one article; the result is a FactsDoc with status 'extracted'."""
    nlp = nlp_mod.load(model)
    doc = nlp(article.text)
    return extract_doc(article, doc)


def extract_doc(article: Article, doc) -> FactsDoc:
    ctx = Context(article, doc)
    text = article.text
    found = mention_mod.find(doc, text)
    ctx.host = _host_country(ctx, found)
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
    full = sorted(staged + refs, key=lambda m: m.start)
    _run(ctx, full, stage=2)
    _finish_frames(ctx)
    _structure_facts(ctx, found)
    for m in found:
        if m.kind in ("CTY", "DEM"):
            ctx.table.country(m.value, m.surface)
        elif m.kind in ("GPE", "VEN", "ORG"):
            (ctx.place(m) if m.kind != "ORG" else ctx.org(m))
            if m.kind == "ORG" and m.extra.get("ref") and m.value in ctx.table.entities:
                ctx.table.alias(m.value, m.surface)
    facts = _dedupe(ctx.facts)
    entities = dict(ctx.table.entities)
    return FactsDoc(article.path.name, "extracted", entities, facts, None)


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
    for s, e in ctx.sentences:
        masked = masking.mask(ctx.text, s, e, mentions, index)
        if _DEBUG:
            print(f"[{stage}]", masked.text, file=sys.stderr)
        for rule in RULES:
            if rule.stage != stage:
                continue
            for m in rule.regex.finditer(masked.text):
                builders.BUILDERS[rule.build](ctx, m, masked, rule)
