"""The viewer without a browser: RDF -> view model, selection, layout, and the HTML page's properties."""

from __future__ import annotations

import json
import re
from html.parser import HTMLParser

import pytest
from rdflib import Graph

from kg.errors import InputError
from kg.export import to_turtle
from kg.namespaces import NIF
from kg.viewer import Selection, build_model, render_html, select_model, view_html
from kg.viewer.index import GraphIndex
from kg.viewer.layout import layout
from kg.viewer.render import script_json
from kg.viewer.synthetic import synthetic_graph
from test_viewer_support import XSS_IMG, XSS_SCRIPT, expected_entity_count, hostile_graph, seed_graph


@pytest.fixture(scope="module")
def graph():
    return seed_graph()


@pytest.fixture(scope="module")
def model(graph):
    return build_model(graph)


@pytest.fixture(scope="module")
def page(graph):
    return render_html(graph)


def by_label(model, label):
    return next(n for n in model.nodes if n.label == label)


def test_node_count_equals_entity_count(graph, model):
    assert len(model.entity_nodes()) == expected_entity_count(graph) == 23
    assert len({n.id for n in model.nodes}) == len(model.nodes)


def test_award_conferral_is_a_node_with_its_roles(model):
    hubs = [n for n in model.nodes if n.cls == "fact" and model.facts[n.fact].type == "award_conferral"]
    assert len(hubs) == 1
    hub, fact = hubs[0], model.facts[hubs[0].fact]
    ids = {n.id: n.label for n in model.nodes}
    roles = {(e.label, ids[e.target]) for e in model.edges if e.source == hub.id and e.mode == "hub"}
    assert ("recipient", "Song Tao") in roles
    assert ("award", "Hilal-i-Pakistan") in roles
    assert ("presented by", "Moin ul Haque") in roles
    assert ("at", "Diaoyutai State Guest House") in roles
    # The conferring authority is a post: drawn as an edge to the country it serves, named in the label.
    assert any(label.startswith("conferred by (President of Pakistan)") and target == "Pakistan" for label, target in roles)
    assert fact.summary.startswith("Hilal-i-Pakistan conferred on Song Tao by President of Pakistan, presented by Moin ul Haque")
    assert "2020-11-19" in fact.summary and "Diaoyutai State Guest House" in fact.summary
    assert ["recipient", by_label(model, "Song Tao").id, "Song Tao"] in fact.roles
    # Collapsed view: the same fact as direct edges from the award.
    flat = {(ids[e.source], e.label, ids[e.target]) for e in model.edges if e.mode == "flat" and e.fact == hub.fact}
    assert ("Hilal-i-Pakistan", "conferred on", "Song Tao") in flat
    assert ("Hilal-i-Pakistan", "presented by", "Moin ul Haque") in flat


def test_offices_are_edges_to_the_organisation(model):
    ids = {n.id: n.label for n in model.nodes}
    offices = {(ids[e.source], e.label, ids[e.target]) for e in model.edges if e.fact is not None
               and model.facts[e.fact].type == "holds_office"}
    assert ("Song Tao", "holds: Minister", "International Department of the CPC Central Committee") in offices
    assert ("Xi Jinping", "holds: President", "China") in offices
    assert not [n for n in model.nodes if n.cls == "post"], "posts in an organisation are not drawn"
    song_tao_office = next(f for f in model.facts if f.type == "holds_office" and f.summary.startswith("Song Tao"))
    assert len(song_tao_office.evidence) == 2, "a fact stated twice keeps both quotes"


def test_provenance_and_literal_only_nodes_are_not_drawn(graph, model):
    iris = {n.iri for n in model.entity_nodes()}
    assert not [i for i in iris if "/article/" in i or "#char=" in i or "/fact/" in i]
    for node in (n for n in model.nodes if n.cls == "fact"):
        assert model.facts[node.fact].type == "award_conferral" and node.iri == model.facts[node.fact].iri
    assert not any(n.label.startswith("Pakistan confers the Civil Award") for n in model.nodes), "no article node"
    quantities = [f for f in model.facts if f.type == "quantity"]
    assert quantities and all(f.drawn == "detail" for f in quantities)
    china = by_label(model, "Communist Party of China")
    assert any(model.facts[i].type == "quantity" for i in china.facts), "quantities are listed in the entity's details"


def test_evidence_is_the_quote_inside_its_sentence(graph, model):
    fact = next(f for f in model.facts if f.type == "award_conferral")
    spans = {str(s): s for s in graph.subjects(None, NIF.OffsetBasedString)}
    for index in fact.evidence:
        ev = model.evidence[index]
        quote = model.contexts[ev["ctx"]][ev["qb"]:ev["qe"]]
        anchor = [str(graph.value(s, NIF.anchorOf)) for s in spans.values()
                  if int(graph.value(s, NIF.beginIndex)) == ev["begin"] and int(graph.value(s, NIF.endIndex)) == ev["end"]]
        assert quote in anchor
        assert model.articles[ev["article"]]["title"].startswith("Pakistan confers the Civil Award")


def test_entity_details(model):
    pti = by_label(model, "Pakistan Tehreek-e-Insaf")
    assert pti.wikidata == "Q284454" and "PTI" in pti.alt
    guo = by_label(model, "Guo Yezhou")
    assert "Guoyeshou" in guo.alt


class _Refs(HTMLParser):
    def __init__(self):
        super().__init__()
        self.refs, self.tags = [], []

    def handle_starttag(self, tag, attrs):
        self.tags.append(tag)
        self.refs += [(tag, k, v) for k, v in attrs if k in ("src", "href", "srcset", "data", "action") and v]


def test_page_is_self_contained(page):
    parser = _Refs()
    parser.feed(page)
    assert parser.refs == [], "no element of the page refers to another resource"
    assert "link" not in parser.tags and "iframe" not in parser.tags
    markup = re.sub(r"<script\b[^>]*>.*?</script>", "", page, flags=re.S | re.I)
    assert not re.search(r"""(src|href)\s*=\s*["']?\s*(https?:)?//""", markup, re.IGNORECASE)
    assert not re.search(r"@import|url\(\s*['\"]?(https?:)?//", page)
    assert not re.search(r"<script[^>]+src=", page, re.I), "scripts are inlined"
    assert "vis.Network" in page or "Network" in page
    assert "default-src 'none'" in page  # the CSP forbids fetching anything, should anything try


def test_output_is_deterministic(graph, page):
    assert render_html(graph) == page
    reparsed = Graph().parse(data=to_turtle(graph), format="turtle")
    assert render_html(reparsed) == page, "the same graph read afresh gives the same bytes"


def data_block(page: str, name: str) -> str:
    return re.search(rf'<script id="{name}" type="application/json">(.*?)</script>', page, re.S).group(1)


def page_data(page: str) -> dict:
    """The page's data blocks (the graph, and the details joined to its node and fact records), with records
    turned back from columns into dicts (as the page's script does)."""
    def rows(table):
        return [dict(zip(table, values)) for values in zip(*table.values())]

    data, details = json.loads(data_block(page, "kg-data")), json.loads(data_block(page, "kg-details"))
    for name in ("nodes", "facts"):
        data[name] = [{**record, **more} for record, more in zip(rows(data[name]), rows(details[name]), strict=True)]
    data["edges"], data["evidence"] = rows(data["edges"]), rows(details["evidence"])
    data["contexts"], data["articles"] = details["contexts"], details["articles"]
    return data


def test_data_block_round_trips(page, model):
    data = page_data(page)
    assert len([n for n in data["nodes"] if n["cls"] != "fact"]) == len(model.entity_nodes())
    assert any(n["label"] == "Song Tao" for n in data["nodes"])
    song = next(n for n in data["nodes"] if n["label"] == "Song Tao")
    assert data["namespaces"][song["iri"][0]] + song["iri"][1] == by_label(model, "Song Tao").iri
    assert len(data["edges"]) == len(model.edges) and len(data["facts"]) == len(model.facts)
    office = next(f for f in data["facts"] if f["type"] == "holds_office")
    assert all(text == "" for _, node, text in office["roles"] if node), "a linked role's text is its node's label"


def test_sentences_are_stored_once_and_quotes_still_match(graph, model, page):
    assert len(set(model.contexts)) == len(model.contexts) < len(model.evidence), "the seed's spans share sentences"
    spans = {(int(graph.value(s, NIF.beginIndex)), int(graph.value(s, NIF.endIndex))): str(graph.value(s, NIF.anchorOf))
             for s in graph.subjects(None, NIF.OffsetBasedString)}
    shared = 0
    for ev in model.evidence:
        context = model.contexts[ev["ctx"]]
        assert context[ev["qb"]:ev["qe"]] == spans[(ev["begin"], ev["end"])]
        shared += sum(1 for other in model.evidence if other["ctx"] == ev["ctx"] and other is not ev)
    assert shared, "some sentence frames two different quotes"
    data = page_data(page)
    assert data["contexts"] == model.contexts and len(page_data(page)["evidence"]) == len(model.evidence)


def test_hostile_labels_are_escaped():
    page = render_html(hostile_graph())
    for name in ("kg-data", "kg-details"):
        block = data_block(page, name)
        assert "<" not in block and ">" not in block and "&" not in block
        assert "\u2028" not in block
    assert "<img" not in page and "window.__pwned" not in page.replace("window.__pwned=", "\u0000")
    data = page_data(page)
    assert any(n["label"] == XSS_IMG and XSS_SCRIPT in n["alt"] for n in data["nodes"])
    assert XSS_SCRIPT in data["articles"][0]["title"]
    assert script_json({"a": "</script>"}) == '{"a":"\\u003c/script\\u003e"}'


def test_focus_keeps_the_ego_network(graph):
    model = select_model(graph, Selection(focus="guoyeshou", depth=1))
    labels = {n.label for n in model.entity_nodes()}
    assert "Guo Yezhou" in labels and "International Department of the CPC Central Committee" in labels
    assert "Pedro Sanchez" not in labels and "Spain" not in labels
    wider = select_model(graph, Selection(focus="Guo Yezhou", depth=3))
    assert len(wider.entity_nodes()) > len(model.entity_nodes())
    only = select_model(graph, Selection(focus="Song Tao", depth=0))
    assert [n.label for n in only.entity_nodes()] == ["Song Tao"]


def test_types_select_classes_and_fact_types(graph):
    people = select_model(graph, Selection(types=("person",)))
    assert {n.cls for n in people.entity_nodes()} == {"person"}
    song = next(n for n in people.entity_nodes() if n.label == "Song Tao")
    assert any(people.facts[i].type == "holds_office" for i in song.facts), "offices stay in the details"
    awards = select_model(graph, Selection(types=("award_conferral", "organisation,person")))
    assert {f.type for f in awards.facts} == {"award_conferral"}


@pytest.mark.parametrize("selection, message", [
    (Selection(focus="Song Tau"), "did you mean 'Song Tao'"),
    (Selection(types=("persn",)), "unknown type 'persn'"),
    (Selection(focus="Song Tao", depth=-1), "--depth"),
])
def test_bad_selection_is_input_error(graph, selection, message):
    with pytest.raises(InputError, match=re.escape(message)):
        view_html(graph, selection)


def test_layout_is_deterministic_and_places_everything():
    graph = synthetic_graph(700)  # one component above the networkx size: the sampled layout
    model = build_model(graph)
    nodes, edges = [n.id for n in model.nodes], [(e.source, e.target) for e in model.edges if e.mode != "flat"]
    first = layout(nodes, edges)
    assert set(first) == set(nodes)
    assert layout(list(reversed(nodes)), list(reversed(edges))) == first
    assert len(set(first.values())) > 0.95 * len(nodes), "nodes do not pile up on one point"


def test_big_page_is_deterministic_and_model_built_from_one_reading():
    graph = synthetic_graph(700)
    assert render_html(graph) == render_html(graph)
    index = GraphIndex(graph)
    assert build_model(index) == build_model(graph), "a model from a shared index equals one from the graph"


def test_index_reads_any_store_the_same():
    graph = seed_graph()
    copy = Graph(store="SimpleMemory")  # another store, another triple order: the same page
    for triple in graph:
        copy.add(triple)
    assert render_html(copy) == render_html(graph)
