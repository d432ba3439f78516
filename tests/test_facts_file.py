"""Loading a reviewed facts file: offsets computed from quotes, and every mistake named with its line."""

from __future__ import annotations

import pytest

from kg.articles import Article
from kg.errors import InputError
from kg.facts import dump_facts, load_facts, locate_quote

TEXT = "The minister met the envoy. The envoy thanked the minister. The envoy left."


def write(tmp_path, body: str):
    path = tmp_path / "a.facts.yaml"
    path.write_text(body, encoding="utf-8")
    return path


def article(tmp_path):
    return Article(path=tmp_path / "a.txt", text=TEXT)


def test_locate_quote_finds_unique_and_refuses_ambiguous():
    ev = locate_quote(TEXT, "The envoy thanked")
    assert TEXT[ev.begin : ev.end] == "The envoy thanked"
    with pytest.raises(ValueError, match="more than once"):
        locate_quote(TEXT, "envoy")
    ev = locate_quote(TEXT, "envoy", begin=TEXT.rindex("envoy"))
    assert (ev.begin, ev.end) == (TEXT.rindex("envoy"), TEXT.rindex("envoy") + 5)
    with pytest.raises(ValueError, match="not at offset"):
        locate_quote(TEXT, "envoy", begin=3)
    with pytest.raises(ValueError, match="not found"):
        locate_quote(TEXT, "the ambassador")


def test_duplicate_entity_is_refused_with_its_line(tmp_path):
    path = write(tmp_path, "entities:\n  A: {kind: Person}\n  A: {kind: Person}\nfacts: []\n")
    with pytest.raises(InputError) as err:
        load_facts(path, article(tmp_path))
    assert err.value.line == 3 and "duplicate key" in str(err.value)


def test_meeting_needs_two_participants_and_dates_must_be_iso(tmp_path):
    base = "entities:\n  A: {kind: Person}\n  B: {kind: Person}\nfacts:\n"
    one = base + "  - {type: meeting, participants: [A, A], quote: The minister met the envoy}\n"
    with pytest.raises(InputError, match="two different participants"):
        load_facts(write(tmp_path, one), article(tmp_path))
    bad_date = base + "  - {type: meeting, participants: [A, B], date: 19/11/2020, quote: The minister met the envoy}\n"
    with pytest.raises(InputError, match="ISO date"):
        load_facts(write(tmp_path, bad_date), article(tmp_path))


def test_round_trip_through_dump(tmp_path):
    body = (
        "entities:\n  Ann Lee: {kind: Person, honorific: Dr, aliases: [Dr Lee]}\n  Bo Chan: {kind: Person}\n"
        "facts:\n  - {type: meeting, participants: [Ann Lee, Bo Chan], date: '2021-03-04', quote: The minister met the envoy,"
        " confidence: 0.8, rule: meeting.met}\n"
    )
    doc = load_facts(write(tmp_path, body), article(tmp_path))
    again = load_facts(write(tmp_path, dump_facts(doc)), article(tmp_path))
    assert again.entities == doc.entities
    assert [(f.type, f.args, f.evidence, f.confidence, f.rule) for f in again.facts] == [
        (f.type, f.args, f.evidence, f.confidence, f.rule) for f in doc.facts
    ]


def test_an_office_with_neither_organisation_nor_country_still_builds(tmp_path):
    from rdflib.namespace import ORG

    from kg.rdfmap import build_graph
    from kg.shacl import validate

    body = ("entities:\n  Ann Lee: {kind: Person}\n  Envoy: {kind: Role}\n"
            "facts:\n  - {type: holds_office, person: Ann Lee, office: Envoy, quote: the envoy left}\n")
    text = "Then the envoy left."
    art = Article(path=tmp_path / "a.txt", text=text)
    graph = build_graph([(art, load_facts(write(tmp_path, body), art))])
    assert validate(graph).conforms
    posts = {str(o) for o in graph.objects(None, ORG.holds)}
    assert posts == {"https://w3id.org/dipkg/id/post/envoy-post"}
