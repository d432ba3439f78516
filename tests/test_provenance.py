"""Every fact is traceable: derived from its article, with a span whose offsets slice out its quote."""

from __future__ import annotations

from rdflib import BNode, Literal, URIRef
from rdflib.namespace import FOAF, ORG, PROV, RDF, SKOS

from kg.namespaces import DIP, NIF
from kg.shacl import validate

from conftest import SEED_ARTICLE


def test_every_fact_has_article_and_evidence(seed_graph):
    facts = set(seed_graph.subjects(RDF.type, DIP.Fact))
    assert len(facts) >= 30
    for fact in facts:
        assert list(seed_graph.objects(fact, PROV.wasDerivedFrom)), fact
        assert list(seed_graph.objects(fact, DIP.evidence)), fact


def test_offsets_slice_the_quote_out_of_the_article_file(seed_graph):
    text = SEED_ARTICLE.read_text(encoding="utf-8")
    spans = set(seed_graph.objects(None, DIP.evidence)) | set(seed_graph.objects(None, NIF.sentence))
    assert spans
    for span in spans:
        begin = int(seed_graph.value(span, NIF.beginIndex))
        end = int(seed_graph.value(span, NIF.endIndex))
        context = seed_graph.value(span, NIF.referenceContext)
        assert str(seed_graph.value(context, NIF.isString)) == text
        assert text[begin:end] == str(seed_graph.value(span, NIF.anchorOf))
        assert str(span).endswith(f"#char={begin},{end}")


def test_quotes_sit_inside_their_sentences(seed_graph):
    for span in set(seed_graph.objects(None, DIP.evidence)):
        sentences = list(seed_graph.objects(span, NIF.sentence))
        assert sentences, span
        begin = int(seed_graph.value(span, NIF.beginIndex))
        end = int(seed_graph.value(span, NIF.endIndex))
        s_begin = min(int(seed_graph.value(s, NIF.beginIndex)) for s in sentences)
        s_end = max(int(seed_graph.value(s, NIF.endIndex)) for s in sentences)
        assert s_begin <= begin < end <= s_end


def test_no_blank_nodes(seed_graph):
    for triple in seed_graph:
        assert not any(isinstance(term, BNode) for term in triple), triple


def test_shacl_conforms(seed_build):
    assert seed_build.validation.conforms, seed_build.validation.report()


def _copy(graph):
    from rdflib import Graph

    copy = Graph()
    for triple in graph:
        copy.add(triple)
    return copy


def test_shacl_catches_a_quote_that_does_not_match_its_offsets(seed_graph):
    graph = _copy(seed_graph)
    span = next(iter(graph.objects(None, DIP.evidence)))
    graph.set((span, NIF.anchorOf, Literal("something the article never said")))
    result = validate(graph)
    assert not result.conforms
    assert any("anchorOf must equal" in p for p in result.problems)


def test_shacl_catches_a_fact_without_evidence(seed_graph):
    graph = _copy(seed_graph)
    fact = next(iter(graph.subjects(RDF.type, DIP.OfficeHolding)))
    graph.remove((fact, DIP.evidence, None))
    assert not validate(graph).conforms


def test_shacl_catches_a_non_person_typed_as_person_and_honorifics_in_names(seed_graph):
    graph = _copy(seed_graph)
    party = next(iter(graph.subjects(SKOS.prefLabel, Literal("Communist Party of China", lang="en"))))
    graph.add((party, RDF.type, FOAF.Person))
    person = URIRef("https://w3id.org/dipkg/id/person/song-tao")
    graph.set((person, SKOS.prefLabel, Literal("Mr. Song Tao", lang="en")))
    problems = "\n".join(validate(graph).problems)
    assert "nothing that is not a person" in problems
    assert "honorific" in problems


def test_shacl_catches_a_missing_shortcut(seed_graph):
    graph = _copy(seed_graph)
    graph.remove((None, ORG.holds, None))
    assert any("org:holds" in p for p in validate(graph).problems)
