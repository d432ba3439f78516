"""The view model: what the page draws and shows, independent of RDF (built by model.py, written by
render.py)."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass
class Node:
    id: str
    label: str
    cls: str  # a styles.NodeClass id, or "fact" for an n-ary fact node
    iri: str = ""
    alt: list = field(default_factory=list)
    wikidata: str = ""
    props: list = field(default_factory=list)  # [name, value] pairs shown in the details
    fact: int | None = None  # fact nodes: index of their fact
    facts: list = field(default_factory=list)  # entities: indices of the facts about them
    degree: int = 0


@dataclass
class Edge:
    source: str
    target: str
    label: str
    fact: int | None  # None: an asserted triple with no fact node (no evidence)
    mode: str  # "all": both views; "hub": expanded view only; "flat": collapsed view only


@dataclass
class Fact:
    iri: str
    type: str
    summary: str
    drawn: str  # "node", "edge" or "detail"
    date: str = ""
    range: tuple = ()  # first and last day the fact's date covers, for the date filter
    confidence: str = ""
    status: str = ""
    rule: str = ""
    note: str = ""
    roles: list = field(default_factory=list)  # [role label, node id or "", text]
    evidence: list = field(default_factory=list)
    entities: list = field(default_factory=list)


@dataclass
class ViewModel:
    nodes: list
    edges: list
    facts: list
    evidence: list  # spans: {"article", "ctx" (index into contexts), "qb", "qe", "begin", "end"}
    articles: list
    contexts: list = field(default_factory=list)  # the sentence(s) around quotes, each text once
    network: dict = field(default_factory=dict)  # actornet.py: centralities and actor-network ties

    def entity_nodes(self) -> list:
        return [n for n in self.nodes if n.cls != "fact"]
