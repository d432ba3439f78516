"""Synthetic corpora for the viewer's benchmark and tests: articles and facts of the real shape, pushed
through the real RDF mapping (kg.rdfmap.GraphBuilder), so the graph is what `kg build` would make.
Seeded, so the same size always gives the same graph."""

from __future__ import annotations

import random
from pathlib import Path

from rdflib import Graph

from kg.articles import Article
from kg.facts import Entity, Evidence, Fact, FactsDoc
from kg.rdfmap import GraphBuilder

ROLES = ("Ambassador", "Minister", "Vice Minister", "Secretary General", "Defence Attache", "Counsellor",
         "President", "Prime Minister", "Chairman", "Deputy Head of Mission")
FIRST = ("Amir", "Li", "Sara", "Wang", "Omar", "Elena", "Zhang", "Imran", "Maria", "Chen", "Ahmed", "Liu",
         "Fatima", "Hans", "Aiko", "Pedro", "Nadia", "Ivan", "Grace", "Tariq")
LAST = ("Khan", "Wei", "Petrova", "Haque", "Song", "Garcia", "Malik", "Zhou", "Schmidt", "Tanaka", "Cheema",
        "Rossi", "Farooq", "Novak", "Yilmaz", "Sato", "Kasi", "Guo", "Dubois", "Okafor")


class _Writer:
    """Builds one article's text sentence by sentence, remembering where each sentence is."""

    def __init__(self):
        self.parts: list[str] = []
        self.length = 0

    def sentence(self, text: str) -> Evidence:
        begin = self.length + (1 if self.parts else 0)
        self.parts.append(text)
        self.length = begin + len(text)
        return Evidence(begin, begin + len(text), text)

    @property
    def text(self) -> str:
        return " ".join(self.parts)


def synthetic_pairs(entities_wanted: int, seed: int = 7, articles: int | None = None) -> list[tuple[Article, FactsDoc]]:
    """About seven facts an article; `articles` (default: one per five entities) sets the corpus size."""
    rng = random.Random(seed)
    n_people = max(4, int(entities_wanted * 0.55))
    n_orgs = max(2, int(entities_wanted * 0.25))
    n_places = max(2, int(entities_wanted * 0.1))
    n_events = max(1, int(entities_wanted * 0.07))
    n_awards = max(1, entities_wanted - n_people - n_orgs - n_places - n_events)
    people = [f"{FIRST[i % len(FIRST)]} {LAST[(i // len(FIRST)) % len(LAST)]} {i}" for i in range(n_people)]
    orgs = [f"Ministry {i}" if i % 3 else f"Party {i}" for i in range(n_orgs)]
    places = [f"City {i}" for i in range(n_places)]
    events = [f"Ceremony {i}" for i in range(n_events)]
    awards = [f"Order of Merit {i}" for i in range(n_awards)]

    def popular(items):  # a few very connected organisations and places, as in real news
        return items[min(len(items) - 1, int(rng.paretovariate(1.2)) - 1)] if rng.random() < 0.3 else rng.choice(items)

    pairs = []
    n_articles = articles or max(1, entities_wanted // 5)
    for a in range(n_articles):
        w = _Writer()
        ents: dict[str, Entity] = {}
        facts: list[Fact] = []

        def ent(label, kind, **kw):
            ents.setdefault(label, Entity(label=label, kind=kind, **kw))
            return label

        date = f"20{10 + a % 14:02d}-{1 + a % 12:02d}-{1 + a % 28:02d}"
        for _ in range(3):
            person, org, role = rng.choice(people), popular(orgs), rng.choice(ROLES)
            ent(person, "Person", aliases=[person.replace(" ", "")]), ent(org, "Organization"), ent(role, "Role")
            ev = w.sentence(f"{person} is {role} of {org}.")
            facts.append(Fact("holds_office", {"person": person, "office": role, "organization": org}, ev))
        recipient, presenter, award, place = rng.choice(people), rng.choice(people), rng.choice(awards), popular(places)
        for label, kind in ((recipient, "Person"), (presenter, "Person"), (award, "Award"), (place, "City")):
            ent(label, kind)
        ev = w.sentence(f"{presenter} conferred the {award} on {recipient} in {place} on {date}.")
        facts.append(Fact("award_conferral", {"award": award, "recipient": recipient, "presented_by": presenter,
                                              "date": date, "place": place}, ev))
        met = sorted({rng.choice(people) for _ in range(2 + a % 2)})
        if len(met) > 1:
            for p in met:
                ent(p, "Person")
            ev = w.sentence(f"{' and '.join(met)} met on {date}.")
            facts.append(Fact("meeting", {"participants": met, "date": date}, ev))
        event, guest = rng.choice(events), rng.choice(people)
        ent(event, "Ceremony"), ent(guest, "Person")
        ev = w.sentence(f"{guest} attended the {event}.")
        facts.append(Fact("attended", {"person": guest, "event": event}, ev))
        child, parent = rng.choice(orgs), popular(orgs)
        if child != parent:
            ent(child, "Organization"), ent(parent, "Organization")
            ev = w.sentence(f"{child} is part of {parent}.")
            facts.append(Fact("part_of", {"organization": child, "parent": parent}, ev))
        article = Article(path=Path(f"synthetic-{a:05d}.txt"), text=w.text, meta={"title": f"Synthetic report {a}"})
        pairs.append((article, FactsDoc(article.path.name, "extracted", ents, facts)))
    return pairs


def synthetic_graph(entities_wanted: int, seed: int = 7, articles: int | None = None) -> Graph:
    return GraphBuilder(synthetic_pairs(entities_wanted, seed, articles)).build()
