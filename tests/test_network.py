"""The actor network and its measures on a small golden network whose answers are computed by hand
(tests/network_support.py draws it)."""

from __future__ import annotations

import pytest
from network_support import golden_graph, graph_of

from kg.errors import InputError
from kg.network import actor_network, analyze, read_actor_data
from kg.network.selection import ego_network, find_actor, parse_kinds, parse_range

TIES = ("meeting", "conferral")


@pytest.fixture(scope="module")
def data():
    return read_actor_data(golden_graph())


def by_name(analysis):
    return {m.name: m for m in analysis.nodes}


def test_degrees_betweenness_and_communities_match_the_hand_computed_answers(data):
    nodes = by_name(analyze(actor_network(data, "person", TIES)))
    assert sorted(nodes) == [f"Person {p}" for p in "ABCDEF"]
    assert {n: m.degree for n, m in nodes.items()} == {
        "Person A": 2, "Person B": 2, "Person C": 3, "Person D": 3, "Person E": 2, "Person F": 2}
    # A-B met twice: weight 2
    assert {n: m.weighted_degree for n, m in nodes.items()} == {
        "Person A": 3, "Person B": 3, "Person C": 3, "Person D": 3, "Person E": 2, "Person F": 2}
    # every path from {A, B} to {D, E, F} crosses C and D: 6 of the 10 pairs not involving the node
    assert {n: m.betweenness for n, m in nodes.items()} == {
        "Person A": 0.0, "Person B": 0.0, "Person C": 0.6, "Person D": 0.6, "Person E": 0.0, "Person F": 0.0}
    communities = {frozenset(n for n, m in nodes.items() if m.community == c) for c in (1, 2)}
    assert communities == {frozenset({"Person A", "Person B", "Person C"}),
                           frozenset({"Person D", "Person E", "Person F"})}
    assert abs(sum(m.pagerank for m in nodes.values()) - 1.0) < 1e-5
    assert nodes["Person E"].pagerank == nodes["Person F"].pagerank


def test_pagerank_of_a_star_matches_the_closed_form():
    # centre X with 3 leaves, d = 0.85: X = 0.0375 + 0.85 * 3L, L = 0.0375 + 0.85 X / 3
    # -> X = 0.133125 / 0.2775 = 0.479730, L = 0.173423
    entities = {name: "Person" for name in ("X", "L1", "L2", "L3")}
    facts = [("meeting", {"participants": ["X", leaf], "date": "2022-01-01"}) for leaf in ("L1", "L2", "L3")]
    nodes = by_name(analyze(actor_network(read_actor_data(graph_of(entities, facts)))))
    assert nodes["X"].pagerank == pytest.approx(0.479730, abs=1e-5)
    for leaf in ("L1", "L2", "L3"):
        assert nodes[leaf].pagerank == pytest.approx(0.173423, abs=1e-5)
    assert nodes["X"].betweenness == 1.0


def test_ties_carry_kind_weight_dates_and_facts(data):
    network = actor_network(data, "person", TIES)
    ties = {(network.name(t.source), network.name(t.target), t.kind): t for t in network.ties}
    ab = ties[("Person A", "Person B", "meeting")]
    assert (ab.weight, ab.first, ab.last, len(ab.facts), ab.directed) == (2, "2020-02-01", "2020-03-05", 2, False)
    cd = ties[("Person C", "Person D", "conferral")]
    assert (cd.weight, cd.directed, cd.first) == (1, True, "2020-05-01")
    assert all(f.startswith("https://w3id.org/dipkg/id/fact/") for t in network.ties for f in t.facts)


def test_office_ties_in_the_person_view(data):
    network = actor_network(data, "person", ("office",))
    ties = sorted((network.name(t.source), network.name(t.target)) for t in network.ties)
    assert ties == [("Person A", "Org P"), ("Person B", "Org P"), ("Person C", "Org P"), ("Person C", "Org R"),
                    ("Person D", "Org Q"), ("Person E", "Org Q")]


def test_the_country_view_places_a_person_by_their_office_at_the_time(data):
    network = actor_network(data, "country")
    ties = {(network.name(t.source), network.name(t.target), t.kind): t.weight for t in network.ties}
    # C met A in 2019 as Spain's envoy; presented the award in 2020 as Pakistan's; F (no office) drops out
    assert ties == {("Pakistan", "Spain", "meeting"): 1, ("Pakistan", "China", "conferral"): 1}
    organisations = actor_network(data, "organisation")
    assert {(organisations.name(t.source), organisations.name(t.target)) for t in organisations.ties} == {
        ("Org P", "Org R"), ("Org P", "Org Q")}


def test_date_range_and_kinds_filter_the_ties(data):
    dates = parse_range("2021", None)
    network = actor_network(data, "person", TIES, dates.first, dates.last)
    assert {network.name(n) for n in network.nodes} == {"Person D", "Person E", "Person F"}
    empty = parse_range("1990-01", "1990-02")
    assert actor_network(data, "person", TIES, empty.first, empty.last).ties == []
    # an office counts over its dates; undated offices are left out of any range
    offices = actor_network(data, "person", ("office",), "2018-01-01", "2018-12-31")
    assert [(offices.name(t.source), offices.name(t.target)) for t in offices.ties] == [("Person C", "Org R")]
    assert parse_kinds(["meetings,award"]) == ("meeting", "conferral")


def test_attendance_and_signing_together():
    entities = {"G": "Person", "H": "Person", "K": "Person", "Summit": "Event", "MoU": "Document"}
    facts = [("attended", {"person": "G", "event": "Summit"}), ("attended", {"person": "H", "event": "Summit"}),
             ("attended", {"person": "K", "event": "Summit"}),
             ("signed", {"person": "G", "document": "MoU", "date": "2023-04-05"}),
             ("signed", {"person": "H", "document": "MoU", "date": "2023-04-05"})]
    network = actor_network(read_actor_data(graph_of(entities, facts)))
    ties = {(network.name(t.source), network.name(t.target), t.kind): (t.weight, len(t.facts)) for t in network.ties}
    assert ties == {("G", "H", "attendance"): (1, 2), ("G", "K", "attendance"): (1, 2),
                    ("H", "K", "attendance"): (1, 2), ("G", "H", "signing"): (1, 2)}


def test_ego_network_and_suggestions(data):
    network = actor_network(data, "person", TIES)
    center = find_actor(network, "person a")
    ego = ego_network(network, center, 1)
    assert {network.name(n) for n in ego.nodes} == {"Person A", "Person B", "Person C"}
    assert len(ego_network(network, center, 2).nodes) == 4
    with pytest.raises(InputError, match="closest: 'Person A'"):
        find_actor(network, "Persn A")


@pytest.mark.parametrize("value", ["2020-13", "yesterday", "20-01-01"])
def test_unparsable_dates_name_the_argument(value):
    with pytest.raises(InputError, match="--to"):
        parse_range(None, value)


def test_empty_graph_gives_an_empty_analysis():
    analysis = analyze(actor_network(read_actor_data(graph_of({}, []))))
    assert analysis.nodes == [] and analysis.communities == []


def test_betweenness_is_sampled_past_the_budget_and_stays_deterministic(data, monkeypatch):
    from kg.network import metrics

    exact = by_name(analyze(actor_network(data, "person", TIES)))
    monkeypatch.setattr(metrics, "BETWEENNESS_BUDGET", 35)  # 6 actors x 7 ties = 42: 35 // 7 = 5 sources
    first, second = (analyze(actor_network(data, "person", TIES)) for _ in range(2))
    assert first.betweenness_sampled == 5
    assert [(m.name, m.betweenness) for m in first.nodes] == [(m.name, m.betweenness) for m in second.nodes]
    estimate = by_name(first)
    assert {n for n, m in estimate.items() if m.betweenness > 0} == {"Person C", "Person D"}
    assert all(abs(estimate[n].betweenness - exact[n].betweenness) <= 0.25 for n in exact)
