"""The `kg extract` command: default output, no overwrite of reviewed files, --diff, bad input exits 2."""

import shutil
from pathlib import Path

import pytest

from kg.cli import main

DATA = Path(__file__).parent / "data"


@pytest.fixture()
def article(tmp_path):
    path = tmp_path / "visit.txt"
    path.write_text("Visit\n\nPresident Tahir Siddiqui met with Ana Pereira on Monday in Islamabad.\n", encoding="utf-8")
    return path


def test_writes_beside_article_then_refuses_reviewed(article, capsys):
    assert main(["extract", str(article)]) == 0
    out = article.with_name("visit.facts.yaml")
    assert "status: extracted" in out.read_text()
    assert main(["extract", str(article)]) == 0  # extracted files may be refreshed
    out.write_text(out.read_text().replace("status: extracted", "status: reviewed"))
    before = out.read_text()
    assert main(["extract", str(article)]) == 2
    assert "reviewed" in capsys.readouterr().err
    assert out.read_text() == before
    assert main(["extract", str(article), "--force"]) == 0
    assert "status: extracted" in out.read_text()


def test_stdout_and_diff(article, capsys):
    assert main(["extract", str(article), "-o", "-"]) == 0
    assert "facts:" in capsys.readouterr().out
    assert main(["extract", str(article)]) == 0
    out = article.with_name("visit.facts.yaml")
    text = out.read_text().replace("status: extracted", "status: reviewed")
    out.write_text(text)
    assert main(["extract", str(article), "--diff"]) == 0
    printed = capsys.readouterr().out
    assert "facts in both" in printed
    assert out.read_text() == text


def test_diff_against_reviewed_seed(tmp_path, capsys):
    seeds = Path(__file__).parent.parent / "seeds"
    for f in seeds.glob("hilal-i-pakistan-song-tao-2020.*"):
        shutil.copy(f, tmp_path / f.name)
    article = tmp_path / "hilal-i-pakistan-song-tao-2020.txt"
    assert main(["extract", str(article)]) == 2  # the reviewed file is protected
    assert main(["extract", str(article), "--diff"]) == 0
    assert "only in the extraction" in capsys.readouterr().out


@pytest.mark.parametrize(
    "content, message",
    [
        ("", "empty"),
        ("   \n\n", "empty"),
        ("<!DOCTYPE html><html><body><p>x</p></body></html>", "HTML"),
    ],
)
def test_bad_input_exit_2(tmp_path, capsys, content, message):
    path = tmp_path / "bad.txt"
    path.write_text(content, encoding="utf-8")
    assert main(["extract", str(path)]) == 2
    err = capsys.readouterr().err
    assert message in err and "bad.txt" in err
    assert not (tmp_path / "bad.facts.yaml").exists()


def test_huge_article_refused(tmp_path, capsys):
    path = tmp_path / "huge.txt"
    path.write_text("Talks were held. " * 650_000, encoding="utf-8")  # ~10 MB
    assert main(["extract", str(path)]) == 2
    assert "huge.txt" in capsys.readouterr().err
    assert not (tmp_path / "huge.facts.yaml").exists()


def test_missing_file_and_no_entities(tmp_path, capsys):
    assert main(["extract", str(tmp_path / "nope.txt")]) == 2
    path = tmp_path / "plain.txt"
    path.write_text("nothing of note happened here today.\n", encoding="utf-8")
    assert main(["extract", str(path)]) == 0
    assert "no entities" in capsys.readouterr().err
    assert "facts: []" in path.with_name("plain.facts.yaml").read_text()
