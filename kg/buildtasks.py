"""The per-article tasks of a build, as plain functions of picklable values, so that local processes and
Dask workers run exactly the same code (no file access: the article's text travels with the task).

    extract_batch((articles, model, min_confidence)) -> [FactsDoc or error message]
    map_batch([(article, doc, entities)]) -> [ArticleGraph]
"""

from __future__ import annotations

import copy
import traceback
from dataclasses import dataclass

from kg.articles import Article
from kg.errors import InputError
from kg.facts import Entity, FactsDoc
from kg.shacl import ValidationResult


def extract_batch(task: tuple[list[Article], str | None, float]) -> list:
    """Extract facts from each article; a failure is that article's one-line error, not the batch's."""
    articles, model, min_confidence = task
    from kg.extract import layout
    from kg.extract import nlp as nlp_mod
    from kg.extract.pipeline import extract_doc

    nlp = nlp_mod.load(model)
    out: list = []
    texts = [layout.unwrap(article.text) for article in articles]
    for article, parsed in zip(articles, nlp.pipe(texts)):
        try:
            out.append(extract_doc(article, parsed, True, min_confidence))
        except InputError as exc:
            out.append(str(exc))
        except Exception as exc:  # noqa: BLE001 -- a bug met on one article must not sink the corpus
            where = traceback.extract_tb(exc.__traceback__)[-1]
            out.append(f"{article.path}: extraction failed ({type(exc).__name__}: {exc} at "
                       f"{where.filename.rsplit('/', 1)[-1]}:{where.lineno}); please report it")
    return out


@dataclass
class ArticleGraph:
    """What mapping one article gives: its graph as sorted N-Triples lines, the confidence of each fact
    node it states (IRI -> value), and its SHACL result with the shared triples it uses."""

    lines: list[str]
    confidences: dict[str, float]
    validation: ValidationResult


def nt_lines(graph) -> list[str]:
    text = graph.serialize(format="nt", encoding="utf-8").decode("utf-8")
    return sorted(line + "\n" for line in text.splitlines() if line.strip())


def _mapped(article: Article, doc: FactsDoc, entities: dict[str, Entity]) -> tuple[list[str], dict, list[str]]:
    """The article's graph, its facts' confidences, and the shared triples it uses (as N-Triples lines)."""
    from kg.rdfmap import GraphBuilder

    builder = GraphBuilder([(article, doc)], entities=copy.deepcopy(entities))
    lines = nt_lines(builder.article_graph(article, doc))
    confidences = {str(node): value for node, value in builder.confidences.items()}
    return lines, confidences, nt_lines(builder.shared_graph())


def map_article(article: Article, doc: FactsDoc, entities: dict[str, Entity]) -> ArticleGraph:
    from kg.articlecheck import validate_lines

    lines, confidences, shared = _mapped(article, doc, entities)
    return ArticleGraph(lines, confidences, validate_lines(lines + shared))


def map_batch(batch: list[tuple[Article, FactsDoc, dict[str, Entity]]]) -> list[ArticleGraph]:
    """Map each article, and check the batch's graphs together (pyshacl's cost per call is large); only a
    batch that does not conform is checked again article by article, to say which ones fail. Every
    article's result is the one it would get alone: an article's graph is checked with the shared triples
    it uses, and articles only share nodes that the same facts map to the same triples."""
    from kg.articlecheck import validate_lines

    mapped = [_mapped(*item) for item in batch]
    together = validate_lines(sorted({line for lines, _, shared in mapped for line in lines + shared}))
    if together.conforms:
        return [ArticleGraph(lines, confidences, together) for lines, confidences, _ in mapped]
    return [ArticleGraph(lines, confidences, validate_lines(lines + shared)) for lines, confidences, shared in mapped]
