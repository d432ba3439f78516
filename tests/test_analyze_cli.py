"""`kg analyze` as a user runs it: formats, bad input (exit 2, one line), empty ranges, determinism."""

from __future__ import annotations

import csv
import io
import json

import pytest
from conftest import REPO
from network_support import golden_graph

from kg.network.interchange import csv_tables, graphml_text


@pytest.fixture(scope="module")
def golden_file(tmp_path_factory):
    path = tmp_path_factory.mktemp("golden") / "golden.ttl"
    golden_graph().serialize(path, format="turtle")
    return path


def test_table_of_the_seed_export(kg):
    result = kg("analyze", "--top", "3")
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert lines[0].startswith("Actors (") and "top 3 shown" in lines[0]
    assert lines[3].split(" | ")[1].strip() == "Song Tao"  # the most central actor of the seed
    assert "Communities (" in result.stdout


def test_json_and_csv_of_the_golden_network(kg, golden_file):
    result = kg("analyze", "--data", str(golden_file), "--kind", "meeting,conferral", "--format", "json", "--top", "0")
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    betweenness = {n["name"]: n["betweenness"] for n in data["nodes"]}
    assert betweenness["Person C"] == 0.6 and betweenness["Person A"] == 0.0
    assert sorted(len(c["members"]) for c in data["communities"]) == [3, 3]
    assert {t["kind"] for t in data["ties"]} == {"meeting", "conferral"}
    rows = list(csv.DictReader(io.StringIO(kg("analyze", "--data", str(golden_file), "--format", "csv").stdout)))
    assert {r["name"] for r in rows} >= {"Person A", "Org P"} and rows[0]["rank"] == "1"


def test_country_view_and_ego(kg, golden_file):
    result = kg("analyze", "--data", str(golden_file), "--by", "country", "--format", "json")
    assert {n["name"] for n in json.loads(result.stdout)["nodes"]} == {"Pakistan", "Spain", "China"}
    ego = kg("analyze", "--data", str(golden_file), "--ego", "Person F", "--depth", "1", "--kind", "meeting",
             "--format", "json")
    assert ego.returncode == 0, ego.stderr
    assert {n["name"] for n in json.loads(ego.stdout)["nodes"]} == {"Person D", "Person E", "Person F"}


@pytest.mark.parametrize("args, message", [
    (("--ego", "Person Z"), "closest: 'Person"),
    (("--from", "2020-02-30"), "--from: '2020-02-30' is not a date"),
    (("--to", "soon"), "--to: 'soon' is not a date"),
    (("--by", "planet"), "--by: unknown view"),
    (("--kind", "dinner"), "--kind: unknown kind"),
    (("--depth", "2"), "--depth needs --ego"),
])
def test_bad_input_is_one_line_and_exit_2(kg, golden_file, args, message):
    result = kg("analyze", "--data", str(golden_file), *args)
    assert result.returncode == 2
    assert message in result.stderr and "Traceback" not in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1


def test_missing_file_names_it(kg, tmp_path):
    result = kg("analyze", "--data", str(tmp_path / "none.ttl"))
    assert result.returncode == 2 and "none.ttl" in result.stderr


def test_a_range_with_no_facts_is_an_empty_table_and_a_note(kg, golden_file):
    result = kg("analyze", "--data", str(golden_file), "--from", "1990", "--to", "1990-06", "--kind", "meeting")
    assert result.returncode == 0, result.stderr
    assert "Actors (0 in the person view)" in result.stdout
    assert "note: no ties from 1990-01-01 to 1990-06-30 (kinds: meeting" in result.stdout


def test_empty_graph(kg, tmp_path):
    empty = tmp_path / "empty.ttl"
    empty.write_text("", encoding="utf-8")
    result = kg("analyze", "--data", str(empty), "--format", "json")
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout)["nodes"] == [] and "the network is empty" in result.stderr


def test_output_is_byte_identical_across_runs(kg, golden_file):
    runs = [kg("analyze", "--data", str(golden_file), "--format", "json", env={"PYTHONHASHSEED": "random"}).stdout
            for _ in range(2)]
    assert runs[0] == runs[1] and runs[0]


def test_interchange_files_are_deterministic_and_read_back():
    import networkx as nx

    first, second = golden_graph(), golden_graph()
    text = graphml_text(first)
    assert text == graphml_text(second)
    assert csv_tables(first) == csv_tables(second)
    read = nx.read_graphml(io.BytesIO(text.encode("utf-8")))
    labels = {data["label"] for _, data in read.nodes(data=True)}
    assert {"Person A", "Org P"} <= labels
    edges = list(csv.DictReader(io.StringIO(csv_tables(first)["edges.csv"])))
    ab = next(e for e in edges if e["source_label"] == "Person A" and e["target_label"] == "Person B")
    assert (ab["kind"], ab["weight"], ab["facts"]) == ("meeting", "2", "2")
    assert REPO.exists()
