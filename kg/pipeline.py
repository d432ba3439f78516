"""The build: articles -> facts (reviewed file, else extraction) -> one graph per article + a shared
graph -> SHACL per article -> the dataset the exports and the store are written from."""

from __future__ import annotations

import sys
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path

from rdflib import Graph

from kg.articles import Article
from kg.buildcache import BuildCache
from kg.corpus import CorpusBuild, Options, build_corpus
from kg.dataset import CorpusDataset
from kg.errors import InputError
from kg.facts import FactsDoc, load_facts
from kg.shacl import ValidationResult


@dataclass
class BuildResult:
    """What a build made. `graph` (the union, an rdflib Graph) and `rdf_dataset` (an rdflib Dataset with
    one named graph per article) are made on first use: at corpus scale prefer the exports or the store."""

    dataset: CorpusDataset
    articles: list[Article]
    docs: list[FactsDoc]
    entities: int
    facts: int
    validation: ValidationResult
    errors: list[str] = field(default_factory=list)
    cache_hits: int = 0
    timings: dict[str, float] = field(default_factory=dict)  # seconds per phase

    @property
    def ok(self) -> bool:
        return not self.errors

    @cached_property
    def graph(self) -> Graph:
        return self.dataset.union_graph()

    @cached_property
    def rdf_dataset(self):
        return self.dataset.rdflib_dataset()


def facts_for(article: Article, model: str | None = None, min_confidence: float = 0.0) -> FactsDoc:
    """The reviewed facts file when the article has one; automatic extraction otherwise, keeping the facts
    whose calibrated confidence is at least min_confidence (reviewed facts are kept whatever it is)."""
    if article.facts_path.exists():
        return load_facts(article.facts_path, article)
    from kg.extract import extract_article

    print(f"kg: {article.path.name}: no facts file, extracting automatically", file=sys.stderr)
    return extract_article(article, model=model, min_confidence=min_confidence)


def build(inputs: list[str | Path], model: str | None = None, min_confidence: float = 0.0, *, jobs: int = 1,
          scheduler: str | None = None, cache: Path | str | None = None, quiet: bool = True) -> BuildResult:
    """Build the articles under inputs. Bad articles do not stop the build: they are in result.errors
    (one line each, naming the file) and left out. cache: a folder for the build cache, None for none."""
    options = Options(model, min_confidence, jobs, scheduler, BuildCache(cache), quiet)
    corpus = build_corpus(inputs, options)
    return _result(corpus, options)


def _result(corpus: CorpusBuild, options: Options) -> BuildResult:
    built = corpus.built
    problems = sorted(e for e in corpus.errors if "does not conform to the shapes" in e)
    dataset = CorpusDataset.from_corpus(corpus)
    entities = sum(1 for e in corpus.entities.values() if e.kind not in ("Role", "Post"))
    return BuildResult(
        dataset, [i.article for i in built], [i.doc for i in built], entities, len(corpus.confidences),
        ValidationResult(not problems, problems), corpus.errors, options.cache.hits, dict(corpus.timings),
    )


QUAD_FORMATS = ("trig", "nquads", "trix")


def load_graph(path: Path | str) -> Graph:
    """An rdflib graph of a file; for a file of named graphs, a Dataset whose union is the graph."""
    path = Path(path)
    if not path.exists():
        raise InputError("no such graph file; run `kg build` first or pass --data", path)
    from rdflib import Dataset
    from rdflib.util import guess_format

    rdf_format = guess_format(str(path))
    try:
        if rdf_format in QUAD_FORMATS:
            # a plain Graph silently reads no triple from TriG or N-Quads (checked: 0 of 961 from
            # exports/kg.trig): a Dataset keeps the named graphs, which a query's FROM selects, and its
            # union stands for the graph wherever a command reads one
            return Dataset(default_union=True).parse(path, format=rdf_format)
        return Graph().parse(path)
    except Exception as exc:  # rdflib raises many parser-specific types
        raise InputError(f"cannot parse as RDF: {str(exc).splitlines()[0][:200]}", path) from None
