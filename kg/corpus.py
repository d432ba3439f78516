"""Building a corpus: each article read, its facts loaded or extracted (cached, in parallel), mapped to its
own named graph and checked against the shapes (cached, in parallel); the entities pooled into one shared
graph. A bad article is reported by name and left out; the rest builds."""

from __future__ import annotations

import functools
import re
import time
from dataclasses import dataclass, field
from pathlib import Path

from kg import progress
from kg.articles import Article, find_articles, read_article
from kg.buildcache import BuildCache, digest, file_digest, model_version, source_version
from kg.buildtasks import ArticleGraph, extract_batch, map_batch, nt_lines
from kg.entities import EntityMerger, post_for, post_label
from kg.errors import InputError
from kg.facts import Entity, FactsDoc, load_facts
from kg.model import FACT_TYPES
from kg.settings import spacy_model

BATCH = 4  # articles per task, whatever the number of processes (so the batches never depend on where they run)
MAP_BATCH = 8  # articles per mapping task: their SHACL check runs as one pyshacl call
EXTRACTOR_CODE = ("extract", "data", "facts.py", "model.py", "articles.py", "sentences.py", "yamlio.py")
MAPPER_CODE = ("rdfmap.py", "shortcuts.py", "namespaces.py", "entities.py", "sentences.py", "shacl.py",
               "articlecheck.py", "buildtasks.py", "model.py", "facts.py")


@dataclass
class Options:
    model: str | None = None
    min_confidence: float = 0.0
    jobs: int = 1
    scheduler: str | None = None
    cache: BuildCache = field(default_factory=lambda: BuildCache(None))
    quiet: bool = True


@dataclass
class Item:
    """One article on its way through the build."""

    path: Path
    article: Article | None = None
    doc_key: str | None = None
    doc: FactsDoc | None = None
    error: str | None = None
    graph: ArticleGraph | None = None

    @property
    def ok(self) -> bool:
        return self.error is None


def _read(items: list[Item], options: Options) -> None:
    model = spacy_model(options.model)
    # metadata already parsed, by the digest of its file (one cache entry for the corpus)
    meta_key = digest("meta", source_version("articles.py", "yamlio.py"))
    cached_meta = options.cache.get("meta", meta_key, count=False) or {}
    known_meta = _SeenDict(cached_meta)
    for item in items:
        try:
            item.article = article = read_article(item.path, known_meta)
        except InputError as exc:
            item.error = str(exc)
            continue
        meta = dict(sorted(article.meta.items()))
        if article.facts_path.exists():
            item.doc_key = digest("facts", source_version(*EXTRACTOR_CODE), article.path.name, article.text, meta,
                                  file_digest(article.facts_path))
        else:
            item.doc_key = digest("extract", source_version(*EXTRACTOR_CODE), article.path.name, article.text, meta,
                                  model, model_version(model), options.min_confidence)
    if known_meta.seen != cached_meta.keys():  # the entry keeps this build's files only
        options.cache.put("meta", meta_key, {k: dict.__getitem__(known_meta, k) for k in known_meta.seen})


class _SeenDict(dict):
    """A dict that remembers which keys were read."""

    def __init__(self, *args):
        super().__init__(*args)
        self.seen: set = set()

    def __getitem__(self, key):
        self.seen.add(key)
        return super().__getitem__(key)


def _facts(items: list[Item], options: Options) -> None:
    """Each article's FactsDoc: cached, else its reviewed facts file, else extraction (in batches)."""
    pending: list[Item] = []
    for item in items:
        if not item.ok:
            continue
        cached = options.cache.get("facts", item.doc_key)
        if cached is not None:
            item.doc = cached
            item.doc.path = item.article.facts_path if item.article.facts_path.exists() else None
        elif item.article.facts_path.exists():
            try:
                item.doc = load_facts(item.article.facts_path, item.article)
                options.cache.put("facts", item.doc_key, item.doc)
            except InputError as exc:
                item.error = str(exc)
        else:
            pending.append(item)
    batches = [pending[i : i + BATCH] for i in range(0, len(pending), BATCH)]
    bar = progress.bar(len(pending), "extracting", quiet=options.quiet)
    from kg.parallel import run_tasks

    tasks = [([i.article for i in b], options.model, options.min_confidence) for b in batches]

    def done(index: int, outcome: list) -> None:
        for item, doc in zip(batches[index], outcome):
            if isinstance(doc, str):
                item.error = doc
            else:
                item.doc = doc
                options.cache.put("facts", item.doc_key, doc)
        bar.update(len(outcome))

    run_tasks(extract_batch, tasks, options.jobs, options.scheduler, on_done=done)
    bar.close()


class PostIndex:
    """kg.entities.post_for over a corpus-sized entity table, by lookup rather than a scan per office."""

    def __init__(self, entities: dict[str, Entity]):
        self.entities = entities
        self.by_seat: dict[tuple, Entity] = {}
        for entity in entities.values():
            if entity.kind == "Post":
                self.by_seat.setdefault(self._seat(entity.role, entity.organization, entity.country), entity)

    @staticmethod
    def _seat(office, organization, country) -> tuple:
        return (office, organization, None) if organization else (office, None, country)

    def post(self, args: dict) -> Entity:
        office, organization, country = args["office"], args.get("organization"), args.get("country")
        seat = self._seat(office, organization, country)
        if seat not in self.by_seat:
            # a new post: post_for mints it (an empty table stands for "no declared post of this seat")
            scratch = {}
            label = post_label(office, organization, country)
            if label in self.entities:
                scratch[label] = self.entities[label]
            post = post_for(scratch, office, organization, country)
            self.entities.setdefault(post.label, post)
            self.by_seat[seat] = post
        return self.by_seat[seat]


def _merge(items: list[Item]) -> tuple[dict[str, Entity], PostIndex]:
    merger = EntityMerger()
    for item in items:
        if item.ok:
            try:
                merger.add(item.doc)
            except InputError as exc:
                item.error = str(exc)
    entities = merger.result()
    posts = PostIndex(entities)
    for item in items:  # mint every post, in article order
        if item.ok:
            for fact in item.doc.facts:
                if fact.type == "holds_office":
                    posts.post(fact.args)
    return entities, posts


def _used_entities(doc: FactsDoc, entities: dict[str, Entity], posts: PostIndex) -> dict[str, Entity]:
    """The shared entities an article's graph refers to: its facts' arguments and their posts."""
    labels: set[str] = set()
    for fact in doc.facts:
        for arg in FACT_TYPES[fact.type].args:
            value = fact.args.get(arg.name)
            if arg.is_entity and value is not None:
                labels.update(value if isinstance(value, list) else [value])
        if fact.type == "holds_office":
            labels.add(posts.post(fact.args).label)
    for label in list(labels):
        entity = entities[label]
        if entity.kind == "Post":
            labels.update(x for x in (entity.role, entity.organization, entity.country) if x)
    return {label: entities[label] for label in sorted(labels)}


@functools.cache
def _ontology_version() -> str:
    """The shapes and the ontology the SHACL check reads: a changed shape checks every article again."""
    from kg.paths import ontology_file

    return digest(file_digest(ontology_file("shapes.ttl")), file_digest(ontology_file("diplomacy.ttl")))


def _entity_digests(entities: dict[str, Entity]) -> dict[str, str]:
    """A digest of each entity's state, computed once per build: articles share entities, and turning the
    same entity into a dict for every article that uses it took most of an unchanged rebuild's mapping."""
    from dataclasses import asdict

    return {label: digest(asdict(entity)) for label, entity in entities.items()}


def _map(items: list[Item], entities: dict[str, Entity], posts: PostIndex, options: Options) -> None:
    """Each article's graph and SHACL result: cached by its facts, the shared entities it uses and the code."""
    pending, keys = [], {}
    states: dict[str, str] = {}
    for item in items:
        if not item.ok:
            continue
        used = _used_entities(item.doc, entities, posts)
        for label in used.keys() - states.keys():
            states.update(_entity_digests({label: used[label]}))
        key = digest("map", source_version(*MAPPER_CODE), _ontology_version(), item.doc_key, item.article.path.name,
                     [states[label] for label in used])
        cached = options.cache.get("graph", key)
        if cached is not None:
            item.graph = cached
        else:
            pending.append((item, used))
            keys[id(item)] = key
    batches = [pending[i : i + MAP_BATCH] for i in range(0, len(pending), MAP_BATCH)]
    bar = progress.bar(len(pending), "mapping and checking", quiet=options.quiet)
    from kg.parallel import run_tasks

    tasks = [[(item.article, item.doc, used) for item, used in b] for b in batches]

    def done(index: int, graphs: list) -> None:
        for (item, _), graph in zip(batches[index], graphs):
            item.graph = graph
            options.cache.put("graph", keys[id(item)], graph)
        bar.update(len(graphs))

    run_tasks(map_batch, tasks, options.jobs, options.scheduler, on_done=done)
    bar.close()


@dataclass
class CorpusBuild:
    items: list[Item]
    entities: dict[str, Entity]
    shared_lines: list[str]
    confidences: dict[str, float]
    timings: dict[str, float] = field(default_factory=dict)

    @property
    def built(self) -> list[Item]:
        return [i for i in self.items if i.ok]

    @property
    def errors(self) -> list[str]:
        return [i.error for i in self.items if not i.ok]


def build_corpus(inputs: list[str | Path], options: Options) -> CorpusBuild:
    clock = _Clock()
    items = [Item(path) for path in find_articles(inputs)]
    _read(items, options)
    clock.lap("read")
    _facts(items, options)
    clock.lap("facts")
    while True:
        entities, posts = _merge(items)
        clock.lap("merge")
        _map(items, entities, posts, options)
        clock.lap("map+shacl")
        failing = [i for i in items if i.ok and not i.graph.validation.conforms]
        if not failing:
            break
        for item in failing:  # left out; the others are mapped again without its entities
            problems = item.graph.validation.problems
            item.error = (f"{item.path}: does not conform to the shapes, left out of the exports "
                          f"({len(problems)} violation(s): {'; '.join(problems[:3])})")
    confidences: dict[str, float] = {}
    for item in items:
        if item.ok:
            for node, value in item.graph.confidences.items():
                confidences[node] = max(value, confidences.get(node, 0.0))
    shared = _shared_lines(items, entities, confidences, options.cache)
    clock.lap("shared")
    return CorpusBuild(items, entities, shared, confidences, clock.laps)


class _Clock:
    """Seconds per phase, for `kg build --timings` and the benchmark."""

    def __init__(self):
        self.laps: dict[str, float] = {}
        self.last = time.perf_counter()

    def lap(self, name: str) -> None:
        now = time.perf_counter()
        self.laps[name] = self.laps.get(name, 0.0) + now - self.last
        self.last = now


def _shared_lines(items: list[Item], entities: dict[str, Entity], confidences: dict[str, float],
                  cache: BuildCache | None = None) -> list[str]:
    """The shared graph as sorted N-Triples lines: each entity's lines (drawn by rdfmap, and kept in the
    cache by the entity's state, so that a rebuild draws only the entities that changed) and each fact's
    corpus-wide confidence (written here directly: one line of a fixed shape per fact)."""
    from kg.rdfmap import GraphBuilder

    states = _entity_digests(entities)
    key = digest("shared-entities", source_version(*MAPPER_CODE))
    known: dict[str, list[str]] = (cache.get("shared", key, count=False) if cache is not None else None) or {}
    drawn: dict[str, list[str]] = {}
    builder = GraphBuilder([], entities=entities)
    lines: list[str] = []
    for label, entity in entities.items():
        entity_lines = known.get(states[label])
        if entity_lines is None:
            builder.graph = _empty_graph()
            builder.add_entity(entity)
            entity_lines = nt_lines(builder.graph)
        drawn[states[label]] = entity_lines
        lines += entity_lines
    if cache is not None and drawn.keys() != known.keys():
        cache.put("shared", key, drawn)  # the entities of this build only: the entry does not grow forever
    lines += [confidence_line(node, value) for node, value in confidences.items()]
    return sorted(set(lines))


def _empty_graph():
    from rdflib import Graph

    from kg.namespaces import bind_prefixes

    graph = Graph()
    bind_prefixes(graph)
    return graph


_PLAIN_IRI = re.compile(r"[A-Za-z][A-Za-z0-9+.-]*:[!#-;=?-\[\]_a-z~]*")


def confidence_line(node: str, value: float) -> str:
    """The N-Triples line rdflib writes for (node, dip:confidence, value as a 3-place xsd:decimal)."""
    if not _PLAIN_IRI.fullmatch(node):  # an IRI rdflib would escape: let rdflib write it
        from rdflib import Graph, Literal, URIRef
        from rdflib.namespace import XSD

        from kg.namespaces import DIP

        graph = Graph()
        graph.add((URIRef(node), DIP.confidence, Literal(f"{round(value, 3):.3f}", datatype=XSD.decimal)))
        return nt_lines(graph)[0]
    return (f"<{node}> <https://w3id.org/dipkg/ontology#confidence> "
            f'"{round(value, 3):.3f}"^^<http://www.w3.org/2001/XMLSchema#decimal> .\n')
