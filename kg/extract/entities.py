"""The article's entity table: mentions resolved to canonical entities with kinds and every surface form."""

from __future__ import annotations

import re

from kg.extract import gazetteer, names
from kg.facts import Entity

# A determiner or possessive in front makes a surface form a description, not a name ("the envoy").
_DETERMINER = re.compile(r"^(?:the|a|an|his|her|its|their|this|that|these|those)\s", re.IGNORECASE)
_PRONOUN = re.compile(r"^(?:he|she|it|they|him|her|them)$", re.IGNORECASE)


def is_descriptive(surface: str, kind: str) -> bool:
    if _DETERMINER.match(surface) or _PRONOUN.match(surface):
        return True
    # a lower-case phrase is a common-noun description ("civil award of Pakistan"), except for roles, whose
    # lower-case spelling ("prime minister") is the same title
    return kind != "Role" and surface[:1].islower()


class EntityTable:
    def __init__(self):
        self.entities: dict[str, Entity] = {}
        self.person_order: list[str] = []

    def add(self, label: str, kind: str, alias: str | None = None, **fields) -> str:
        label = label.strip()
        entity = self.entities.get(label)
        if entity is None:
            entity = Entity(label=label, kind=kind)
            wd = gazetteer.load().wikidata.get(label)
            entity.wikidata = wd
            self.entities[label] = entity
        elif entity.kind == "Organization" and kind != "Organization":
            entity.kind = kind
        if alias:
            self.alias(label, alias)
        for key, value in fields.items():
            if value and not getattr(entity, key):
                setattr(entity, key, value)
        return label

    def alias(self, label: str, surface: str) -> None:
        """Record a surface form: names and name-like forms as aliases (they become RDF labels), descriptive
        references ('the president', 'the civil award', 'his embassy') as references (they do not)."""
        surface = re.sub(r"\s+", " ", surface.strip())
        entity = self.entities[label]
        if not surface or surface == label:
            return
        forms = entity.references if is_descriptive(surface, entity.kind) else entity.aliases
        if surface not in forms:
            forms.append(surface)

    def country(self, name: str, alias: str | None = None) -> str:
        label = self.add(name, "Country", alias)
        formal = re.match(r"(?i)(?:the\s+)?(?:[\w-]+\s+){0,3}?(?:republic|kingdom|state|federation|sultanate|emirates?|"
                          r"commonwealth|union|principality|confederation)\s+of\s+(?:the\s+)?(?P<name>.+)$", alias or "")
        if formal:
            # 'the Republic of Türkiye' writes the name 'Türkiye' too
            self.alias(label, formal.group("name"))
        if not self.entities[label].wikidata:
            wd = gazetteer.load().wikidata
            spec_names = [n for n, c in gazetteer.load().country_names.items() if c == name]
            for key, q in wd.items():
                if key.lower() in spec_names:
                    self.entities[label].wikidata = q
        return label

    def post(self, role: str, country: str | None = None, organization: str | None = None, alias: str | None = None) -> str:
        self.add(role, "Role")
        where = organization or country
        label = f"{role} of {where}"
        if country:
            self.country(country)
        return self.add(label, "Post", alias, role=role, country=country, organization=organization)

    # --- people -------------------------------------------------------------------------------------
    def resolve_people(self, mentions) -> None:
        """Cluster PER mentions: variants of a full name merge; a surname alone joins its full name."""
        full: list[str] = []
        for m in mentions:
            if m.kind != "PER":
                continue
            label = names.canonical_person_label(m.surface)
            if len(label.split()) < 2:
                continue
            match = next((f for f in full if names.same_name(f, label)), None)
            if not match:
                # "Ms Frimpong Adjei" after "Akosua Frimpong Adjei": the tail of one longer name said before (its
                # head too when an honorific vouches for a short form: "Ms Nurul Aina" for "Nurul Aina Ismail")
                parts = names.name_tokens(label)
                longer = [f for f in full if _part_of(parts, names.name_tokens(f), bool(m.extra.get("honorific")))]
                match = longer[0] if len(longer) == 1 else None
            m.entity = match or label
            if not match:
                full.append(label)
        for m in mentions:
            if m.kind != "PER" or m.entity:
                continue
            label = names.canonical_person_label(m.surface)
            candidates = [f for f in full if names.refers_to(label, f)]
            by_last = [f for f in candidates if names.name_tokens(f)[-1] == names.canonical_key(label)]
            pick = (by_last or candidates)
            m.entity = pick[0] if len(set(pick)) >= 1 and (by_last or len(set(candidates)) == 1) else label
        for m in mentions:
            if m.kind == "PER":
                self.add(m.entity, "Person", m.surface,
                         honorific=(m.extra.get("honorific") or None), rank=(m.extra.get("rank") or None))
                bare = names.strip_titles(m.surface)[0]
                if bare and bare != m.surface:
                    self.alias(m.entity, bare)
                if m.entity not in self.person_order:
                    self.person_order.append(m.entity)

    def short_forms(self, text: str, mentions) -> list:
        """Further mentions of known people by a part of their name ('Song', 'Alvi') not caught as entities."""
        from kg.extract.mention import Mention

        persons = [label for label, e in self.entities.items() if e.kind == "Person" and len(label.split()) >= 2]
        parts: dict[str, set] = {}
        for label in persons:
            for tok in label.split():
                if len(tok) >= 3 and tok[0].isupper():
                    parts.setdefault(tok, set()).add(label)
            for m in mentions:
                if m.kind == "PER" and m.entity == label:
                    for tok in names.strip_titles(m.surface)[0].split():
                        if len(tok) >= 3 and tok[0].isupper():
                            parts.setdefault(tok, set()).add(label)
        extra = []
        taken = [(m.start, m.end) for m in mentions]
        forms = {}
        for m in mentions:
            if m.kind == "PER" and m.entity and len(m.surface.split()) >= 2:
                forms.setdefault(names.strip_titles(m.surface)[0], m.entity)
        for label in persons:
            forms.setdefault(label, label)
        for form, label in sorted(forms.items(), key=lambda kv: -len(kv[0])):
            for start in names.whole_word_hits(text, form):
                end = start + len(form)
                if not any(s < end and start < e for s, e in taken):
                    extra.append(Mention(start, end, "PER", form, None, {}, label))
                    taken.append((start, end))
        for tok, labels in parts.items():
            if len(labels) != 1:
                continue
            label = next(iter(labels))
            for start in names.whole_word_hits(text, tok):
                end = start + len(tok)
                if any(s < end and start < e for s, e in taken) or _after_other_name(text, start):
                    continue
                extra.append(Mention(start, end, "PER", tok, None, {}, label))
                taken.append((start, end))
                self.alias(label, tok)
        return extra


def _part_of(parts: list, whole: list, head_ok: bool) -> bool:
    n = len(parts)
    return 2 <= n < len(whole) and (whole[-n:] == parts or (head_ok and whole[:n] == parts))


def _after_other_name(text: str, start: int) -> bool:
    """'Yunus Demirer' when only 'Hatun Demirer' is known: a surname right after a capitalised word that is
    not a title or honorific belongs to another, unknown person's name."""
    prev = re.search(r"([A-Z][\w’'-]+)[ \t]+$", text[max(0, start - 30):start])
    if not prev:
        return False
    word = prev.group(1)
    stripped = names.strip_titles(word + " X")[0]
    return stripped == word + " X" and names.canonical_office(word) is None
