"""Shared helpers of the viewer tests (no tests here): the seed graph and a graph of hostile labels."""

from __future__ import annotations

from pathlib import Path

from rdflib import Graph
from rdflib.namespace import ORG, RDF, SKOS

from kg.articles import Article, read_article
from kg.facts import Entity, Evidence, Fact, FactsDoc
from kg.rdfmap import GraphBuilder

REPO = Path(__file__).resolve().parent.parent
SEED = REPO / "seeds" / "hilal-i-pakistan-song-tao-2020.txt"

XSS_IMG = '<img src=x onerror="window.__pwned=1">'
XSS_SCRIPT = "</script><script>window.__pwned=2</script>"
XSS_AMP = "&lt;b&gt; & <!-- \u2028"


def seed_graph() -> Graph:
    from kg.pipeline import facts_for

    article = read_article(SEED)
    return GraphBuilder([(article, facts_for(article))]).build()


def expected_entity_count(graph: Graph) -> int:
    """Entities as `kg build` counts them: labelled things that are not roles or posts."""
    labelled = set(graph.subjects(SKOS.prefLabel, None))
    return len({s for s in labelled if (s, RDF.type, ORG.Role) not in graph and (s, RDF.type, ORG.Post) not in graph})


def hostile_graph() -> Graph:
    """Labels, aliases, quotes and the article title all carry markup that must stay text."""
    sentence = f"{XSS_IMG} met Jane Doe in Paris on 2021-03-04. {XSS_AMP} attended the {XSS_SCRIPT} summit."
    article = Article(path=Path("hostile.txt"), text=sentence, meta={"title": f"Title {XSS_SCRIPT}"})
    first = sentence.index(". ") + 1
    entities = {
        XSS_IMG: Entity(XSS_IMG, "Person", aliases=[XSS_SCRIPT, "Mallory"]),
        "Jane Doe": Entity("Jane Doe", "Person"),
        "Paris": Entity("Paris", "City"),
        XSS_AMP: Entity(XSS_AMP, "Person"),
        f"{XSS_SCRIPT} summit": Entity(f"{XSS_SCRIPT} summit", "Event"),
    }
    facts = [
        Fact("meeting", {"participants": [XSS_IMG, "Jane Doe"], "date": "2021-03-04", "place": "Paris"},
             Evidence(0, first, sentence[:first])),
        Fact("attended", {"person": XSS_AMP, "event": f"{XSS_SCRIPT} summit"},
             Evidence(first + 1, len(sentence), sentence[first + 1:])),
    ]
    return GraphBuilder([(article, FactsDoc("hostile.txt", "reviewed", entities, facts))]).build()
