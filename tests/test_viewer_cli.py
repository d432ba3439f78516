"""`kg view`: defaults, ego networks, and bad input as exit code 2 with nothing written."""

from __future__ import annotations

import pytest

from kg.cli import main
from kg.export import to_turtle
from test_viewer_support import seed_graph


@pytest.fixture(scope="module")
def data(tmp_path_factory):
    path = tmp_path_factory.mktemp("view") / "kg.ttl"
    path.write_text(to_turtle(seed_graph()), encoding="utf-8")
    return path


def test_view_writes_graph_html_beside_the_data(data, capsys):
    assert main(["view", "--data", str(data)]) == 0
    page = (data.parent / "graph.html").read_text(encoding="utf-8")
    assert page.startswith("<!DOCTYPE html>") and "Song Tao" in page
    assert "wrote:" in capsys.readouterr().out


def test_view_focus_and_out(data, tmp_path):
    out = tmp_path / "ego.html"
    assert main(["view", "--data", str(data), "--out", str(out), "--focus", "Guoyeshou", "--depth", "1",
                 "--collapsed"]) == 0
    page = out.read_text(encoding="utf-8")
    assert "Guo Yezhou" in page and "Pedro Sanchez" not in page


@pytest.mark.parametrize("args, message", [
    (["--focus", "Nobody At All"], "no entity is named"),
    (["--types", "persons,planets"], "unknown type 'planets'"),
    (["--depth", "2"], "--depth needs --focus"),
])
def test_bad_input_exits_2_and_writes_nothing(data, tmp_path, capsys, args, message):
    out = tmp_path / "never.html"
    assert main(["view", "--data", str(data), "--out", str(out), *args]) == 2
    assert message in capsys.readouterr().err
    assert not out.exists() and not list(tmp_path.iterdir())


def test_missing_or_broken_data_exits_2(tmp_path, capsys):
    assert main(["view", "--data", str(tmp_path / "none.ttl")]) == 2
    broken = tmp_path / "broken.ttl"
    broken.write_text("this is <not turtle", encoding="utf-8")
    assert main(["view", "--data", str(broken)]) == 2
    assert "cannot parse" in capsys.readouterr().err
