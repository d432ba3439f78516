"""The project's gazetteer (kg/data/gazetteer.yaml): generic genre vocabulary, loaded once and indexed."""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from pathlib import Path

import yaml

DATA = Path(__file__).resolve().parent.parent / "data"
CONNECTIVES = ("i", "e", "I", "E")


@dataclass(frozen=True)
class Gazetteer:
    honorifics: tuple[str, ...]
    ranks: dict  # surface -> canonical rank
    offices: dict  # lower-case variant -> canonical office
    office_canon: tuple[str, ...]
    envoy_offices: frozenset
    head_offices: frozenset
    government_offices: frozenset  # a government's own offices: the host's when no cue says otherwise
    body_offices: frozenset  # offices of a legislature or party (Speaker, Chairman): placed with their body
    mission_heads: frozenset  # who heads a mission ad interim: the mission's country when none is named
    mission_staff: frozenset  # the staff of a mission abroad: never the host's officials
    references: dict  # "the minister" -> tuple of offices / rank:X / '*'
    awards: dict  # lower-case variant -> canonical award
    award_references: tuple[str, ...]
    award_grades: tuple[str, ...]  # "Chevalier", "Knight Commander": the grade of an order, before "of the <award>"
    multilateral_cues: tuple[str, ...]  # "sidelines", "summit": a meeting held in a third country
    venues: dict  # lower-case variant -> canonical venue
    venue_heads: tuple[str, ...]
    org_heads: dict  # head word -> kind
    unit_heads: tuple[str, ...]
    countries: dict  # lower-case name/demonym -> canonical country
    country_names: dict  # lower-case *name* (not demonym) -> canonical
    demonyms: dict  # lower-case demonym -> canonical
    capitals: dict  # lower-case capital -> canonical country
    regions: frozenset
    regional_offices: frozenset  # offices of a state or province ("Chief Minister of Punjab")
    country_forms: tuple  # names as written (case kept)
    demonym_forms: tuple
    ceremony_words: tuple[str, ...]
    particles: frozenset
    remit_offices: frozenset  # offices written with a remit: "Adviser on X", "Special Envoy for Y"
    portfolio_offices: frozenset  # offices named with a portfolio: "Minister of State for Foreign Affairs"
    portfolios: tuple  # portfolio words as written ("Foreign Affairs", "Labour")
    parties: dict  # lower-case name or acronym -> (canonical name, country)
    party_forms: tuple  # names and acronyms as written
    wikidata: dict  # label -> Q id
    post_nominals: frozenset = frozenset()  # letters after a name ("MP", "QC", "GCMG"): not part of it


def _award_variants(template: str) -> tuple[str, list[str]]:
    canonical = template.replace("{c}", "i")
    n = template.count("{c}")
    if not n:
        return canonical, [canonical]
    variants = []
    for c in CONNECTIVES:
        variants.append(template.replace("{c}", c))
    return canonical, variants


@functools.lru_cache(maxsize=1)
def load() -> Gazetteer:
    data = yaml.safe_load((DATA / "gazetteer.yaml").read_text(encoding="utf-8"))
    wd = yaml.safe_load((DATA / "wikidata-ids.yaml").read_text(encoding="utf-8")) or {}
    offices = {}
    for canon, variants in data["offices"].items():
        offices[canon.lower()] = canon
        for v in variants:
            offices[v.lower()] = canon
    awards = {}
    for template in data["awards"]:
        if isinstance(template, dict):  # {canonical: [other spellings]}: "Légion d'honneur" is the Legion of Honour
            (canon, others), = template.items()
            for v in [canon] + list(others):
                awards[v.lower()] = canon
            continue
        canon, variants = _award_variants(template)
        for v in variants:
            awards[v.lower()] = canon
            awards[v.lower().replace("-", " ")] = canon
    venues = {}
    for canon, variants in data["venues"].items():
        venues[canon.lower()] = canon
        for v in variants:
            venues[v.lower()] = canon
    countries, names, demonyms, capitals = {}, {}, {}, {}
    forms, dforms = [], []
    for canon, spec in data["countries"].items():
        for n in spec.get("names", []) + [canon]:
            names[n.lower()] = canon
            forms.append(n)
        for d in spec.get("demonyms", []):
            demonyms[d.lower()] = canon
            dforms.append(d)
        if spec.get("capital"):
            capitals[spec["capital"].lower()] = canon
    countries.update(demonyms)
    countries.update(names)
    refs = {k.lower(): tuple(v) for k, v in data["references"].items()}
    parties, party_forms = {}, []
    for canon, spec in (data.get("parties") or {}).items():
        for form in [canon] + list(spec.get("names", [])):
            parties[form.lower()] = (canon, spec.get("country"))
            party_forms.append(form)
    return Gazetteer(
        honorifics=tuple(data["honorifics"]),
        ranks=dict(data["ranks"]),
        offices=offices,
        office_canon=tuple(data["offices"]),
        envoy_offices=frozenset(data["envoy_offices"]),
        head_offices=frozenset(data["head_offices"]),
        government_offices=frozenset(data.get("government_offices") or ()),
        body_offices=frozenset(data.get("body_offices") or ()),
        mission_heads=frozenset(data.get("mission_heads") or ()),
        mission_staff=frozenset(data.get("mission_staff") or ()),
        references=refs,
        awards=awards,
        award_references=tuple(data["award_references"]),
        award_grades=tuple(data.get("award_grades") or ()),
        multilateral_cues=tuple(data.get("multilateral_cues") or ()),
        venues=venues,
        venue_heads=tuple(data["venue_heads"]),
        org_heads=dict(data["organization_heads"]),
        unit_heads=tuple(data["unit_heads"]),
        countries=countries,
        country_names=names,
        demonyms=demonyms,
        capitals=capitals,
        regions=frozenset(data["regions"]),
        regional_offices=frozenset(data.get("regional_offices") or ()),
        country_forms=tuple(forms),
        demonym_forms=tuple(dforms),
        ceremony_words=tuple(data["ceremony_words"]),
        particles=frozenset(data["name_particles"]),
        remit_offices=frozenset(data.get("remit_offices") or ()),
        portfolio_offices=frozenset(data.get("portfolio_offices") or ()),
        portfolios=tuple(data.get("portfolios") or ()),
        parties=parties,
        party_forms=tuple(party_forms),
        post_nominals=frozenset(data.get("post_nominals") or ()),
        wikidata=dict((wd or {}).get("items") or {}),
    )


def alternation(words, flags_escape=True) -> str:
    """A regex alternation, longest first, of literal words."""
    items = sorted(set(words), key=len, reverse=True)
    return "|".join(re.escape(w) if flags_escape else w for w in items)
