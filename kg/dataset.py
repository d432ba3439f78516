"""The built dataset: one named graph per article and one shared graph, each held as sorted N-Triples
lines (the form the cache keeps and the fast writers read), with rdflib views for small corpora."""

from __future__ import annotations

from dataclasses import dataclass

from rdflib import Dataset, Graph, URIRef

from kg.namespaces import ID, bind_prefixes

SHARED_GRAPH = ID["graph/shared"]


def article_graph_iri(slug: str) -> URIRef:
    """The named graph of one article, from its stable id (the file name's slug, as its node's IRI)."""
    return ID[f"graph/article/{slug}"]


@dataclass
class CorpusDataset:
    graphs: dict[str, list[str]]  # graph IRI -> sorted N-Triples lines

    @classmethod
    def from_corpus(cls, corpus) -> CorpusDataset:
        graphs = {str(SHARED_GRAPH): corpus.shared_lines}
        for item in corpus.built:
            graphs[str(article_graph_iri(item.article.slug))] = item.graph.lines
        return cls(graphs)

    def __len__(self) -> int:
        """Triples in the union (a triple stated in two graphs counts once)."""
        return len(self.union_lines())

    def union_lines(self) -> list[str]:
        """The union's sorted lines, computed once (a build asks for them more than once, and at 10,000
        articles the sort of a million lines takes seconds); the graphs are not changed once built."""
        key = tuple((name, len(lines), id(lines)) for name, lines in self.graphs.items())
        cached = self.__dict__.get("_union")
        if cached is not None and cached[0] == key:
            return cached[1]
        union: set[str] = set()
        for lines in self.graphs.values():
            union.update(lines)
        self.__dict__["_union"] = (key, sorted(union))
        return self.__dict__["_union"][1]

    def nquads_lines(self):
        """Quads ordered by graph, then subject, predicate, object: N-Quads text, deterministic."""
        for name in sorted(self.graphs):
            suffix = f" <{name}> .\n"
            for line in self.graphs[name]:
                yield line[:-3] + suffix  # every line ends with " .\n"

    def union_graph(self) -> Graph:
        graph = Graph()
        bind_prefixes(graph)
        graph.parse(data="".join(self.union_lines()), format="nt")
        return graph

    def rdflib_dataset(self) -> Dataset:
        dataset = Dataset()
        bind_prefixes(dataset)
        dataset.parse(data="".join(self.nquads_lines()), format="nquads")
        return dataset
