"""The build: articles -> facts (reviewed file, else extraction) -> graph -> SHACL gate -> exports."""

from __future__ import annotations

import sys
from dataclasses import dataclass
from pathlib import Path

from rdflib import Graph

from kg.articles import Article, find_articles, read_article
from kg.errors import InputError
from kg.facts import FactsDoc, load_facts
from kg.rdfmap import GraphBuilder
from kg.shacl import ValidationResult, validate


@dataclass
class BuildResult:
    graph: Graph
    articles: list[Article]
    docs: list[FactsDoc]
    entities: int
    facts: int
    validation: ValidationResult


def facts_for(article: Article, model: str | None = None, min_confidence: float = 0.0) -> FactsDoc:
    """The reviewed facts file when the article has one; automatic extraction otherwise, keeping the facts
    whose calibrated confidence is at least min_confidence (reviewed facts are kept whatever it is)."""
    if article.facts_path.exists():
        return load_facts(article.facts_path, article)
    from kg.extract import extract_article

    print(f"kg: {article.path.name}: no facts file, extracting automatically", file=sys.stderr)
    return extract_article(article, model=model, min_confidence=min_confidence)


def build(inputs: list[str | Path], model: str | None = None, min_confidence: float = 0.0) -> BuildResult:
    articles = [read_article(path) for path in find_articles(inputs)]
    docs = [facts_for(article, model, min_confidence) for article in articles]
    builder = GraphBuilder(list(zip(articles, docs)))
    graph = builder.build()
    entities = sum(1 for e in builder.entities.values() if e.kind not in ("Role", "Post"))
    return BuildResult(graph, articles, docs, entities, len(builder.fact_nodes), validate(graph))


def load_graph(path: Path | str) -> Graph:
    path = Path(path)
    if not path.exists():
        raise InputError("no such graph file; run `kg build` first or pass --data", path)
    try:
        return Graph().parse(path)
    except Exception as exc:  # rdflib raises many parser-specific types
        raise InputError(f"cannot parse as RDF: {str(exc).splitlines()[0][:200]}", path) from None
