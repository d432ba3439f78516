"""The graph read once for the viewer, as plain dicts, so the model builder never asks rdflib in a loop
(each rdflib lookup costs microseconds; a 10,000-entity graph has about half a million triples and the
builder would ask millions of questions).

The triples are read in one pass through rdflib's public API (its private store indexes would be
faster, but would break silently with an rdflib upgrade).
Multi-valued lookups return values in rdflib's term order (as sorted(graph.objects(...)) would), single
lookups the smallest, so the view model does not depend on the order triples happen to be stored in.
"""

from __future__ import annotations

from rdflib import Graph, URIRef
from rdflib.namespace import RDF, SKOS

from kg.namespaces import PREFIXES

TYPE, PREF_LABEL = RDF.type, SKOS.prefLabel  # rdflib namespace attributes cost microseconds: looked up once
_EMPTY: list = []
_NONE: dict = {}


class GraphIndex:
    def __init__(self, graph: Graph):
        self.graph = graph
        self._spo: dict = {}
        for s, p, o in graph.triples((None, None, None)):
            self._spo.setdefault(s, {}).setdefault(p, {})[o] = 1
        self._sorted: dict = {}  # (subject, predicate) -> sorted objects
        self.by_type: dict = {}  # class -> set of subjects
        for s, by_predicate in self._spo.items():
            for cls in by_predicate.get(TYPE, _NONE):
                self.by_type.setdefault(cls, set()).add(s)
        self.labels = pref_labels(self)

    def objects(self, subject, predicate) -> list:
        """All objects of (subject, predicate), sorted (do not modify the list)."""
        values = self._spo.get(subject, _NONE).get(predicate)
        if not values:
            return _EMPTY
        if len(values) == 1:
            return list(values)
        key = (subject, predicate)
        found = self._sorted.get(key)
        if found is None:
            found = self._sorted[key] = _ordered(values)
        return found

    def value(self, subject, predicate):
        values = self._spo.get(subject, _NONE).get(predicate)
        if not values:
            return None
        return next(iter(values)) if len(values) == 1 else self.objects(subject, predicate)[0]

    def predicates(self, subject) -> list:
        """[(predicate, [objects])] of a subject, sorted by predicate."""
        by_predicate = self._spo.get(subject, _NONE)
        return [(p, self.objects(subject, p)) for p in _ordered(by_predicate) if by_predicate[p]]

    def has(self, subject, predicate, obj) -> bool:
        return obj in self._spo.get(subject, _NONE).get(predicate, _NONE)

    def instances(self, cls) -> list:
        """Subjects of rdf:type cls, sorted by IRI."""
        return sorted(self.by_type.get(cls, ()), key=str)

    def subjects(self):
        return self._spo.keys()


def _ordered(values) -> list:
    items = list(values)
    if len(items) > 1:
        try:
            items.sort()  # rdflib's own term order
        except TypeError:
            items.sort(key=lambda t: (type(t).__name__, str(t)))
    return items


def pref_labels(index: GraphIndex) -> dict:
    """One label per subject: English (or untagged) preferred, then the smallest, for determinism."""
    found: dict = {}
    for subject in index.subjects():
        if not isinstance(subject, URIRef):
            continue
        labels = index._spo[subject].get(PREF_LABEL)
        if labels:
            found[subject] = min((0 if getattr(x, "language", None) in (None, "en") else 1, str(x)) for x in labels)[1]
    return found


def curie(node) -> str:
    text = str(node)
    for prefix, namespace in PREFIXES.items():
        if text.startswith(str(namespace)):
            return f"{prefix}:{text[len(str(namespace)):]}"
    return text


def local_name(node) -> str:
    text = str(node)
    return text.rsplit("#", 1)[-1].rsplit("/", 1)[-1]


def text_of(value) -> str:
    return "" if value is None else str(value)
