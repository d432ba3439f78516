"""Small actor networks for the network tests (no tests here): entities and facts pushed through the real
RDF mapping, so the graphs are what `kg build` would make."""

from __future__ import annotations

from pathlib import Path

from rdflib import Graph

from kg.articles import Article
from kg.facts import Entity, Evidence, Fact, FactsDoc
from kg.rdfmap import GraphBuilder


def graph_of(entities: dict, facts: list, title: str = "Golden network") -> Graph:
    """entities: {label: kind}; facts: [(fact type, args)], each stated by a sentence of its own."""
    sentences, evidence, length = [], [], 0
    for number, _ in enumerate(facts):
        text = f"Fact number {number} was reported."
        begin = length + (1 if sentences else 0)
        sentences.append(text)
        evidence.append(Evidence(begin, begin + len(text), text))
        length = begin + len(text)
    article = Article(path=Path("golden-network.txt"), text=" ".join(sentences), meta={"title": title})
    ents = {label: Entity(label, kind) for label, kind in entities.items()}
    made = [Fact(t, args, ev) for (t, args), ev in zip(facts, evidence)]
    return GraphBuilder([(article, FactsDoc(article.path.name, "reviewed", ents, made))]).build()


PEOPLE = "ABCDEF"

# Two triangles of meetings (A-B twice) joined by one conferral C -> D; offices place A, B in Org P
# (Pakistan), D, E in Org Q (China), C in Org R (Spain) until 2019 and in Org P from 2020; F has none.
GOLDEN_ENTITIES = {
    **{f"Person {p}": "Person" for p in PEOPLE},
    "Org P": "DiplomaticMission", "Org Q": "GovernmentBody", "Org R": "GovernmentBody",
    "Pakistan": "Country", "China": "Country", "Spain": "Country",
    "Envoy": "Role", "Order of Friendship": "Award",
}


def meeting(a: str, b: str, date: str) -> tuple:
    return ("meeting", {"participants": [f"Person {a}", f"Person {b}"], "date": date})


def office(person: str, org: str, country: str, **dates) -> tuple:
    return ("holds_office", {"person": f"Person {person}", "office": "Envoy", "organization": org,
                             "country": country, **dates})


GOLDEN_FACTS = [
    meeting("A", "B", "2020-02-01"), meeting("A", "B", "2020-03-05"), meeting("B", "C", "2020-04-01"),
    meeting("A", "C", "2019-06-01"),
    meeting("D", "E", "2021-01-10"), meeting("E", "F", "2021-02-10"), meeting("D", "F", "2021-03-10"),
    ("award_conferral", {"award": "Order of Friendship", "recipient": "Person D", "presented_by": "Person C",
                         "date": "2020-05-01"}),
    office("A", "Org P", "Pakistan"), office("B", "Org P", "Pakistan"),
    office("D", "Org Q", "China"), office("E", "Org Q", "China"),
    office("C", "Org R", "Spain", end="2019-12-31"), office("C", "Org P", "Pakistan", start="2020-01-01"),
]


def golden_graph() -> Graph:
    return graph_of(GOLDEN_ENTITIES, GOLDEN_FACTS)
