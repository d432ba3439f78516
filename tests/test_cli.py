"""The command line: builds, queries, validates, and refuses bad input clearly (exit 2, no traceback,
nothing written)."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from conftest import SEED_ARTICLE

GOOD_FACTS = """\
article: a.txt
status: reviewed
entities:
  Song Tao: {kind: Person}
  Moin ul Haque: {kind: Person, aliases: [Moin-ul-Haque]}
  Ambassador: {kind: Role}
  Pakistan: {kind: Country}
facts:
  - type: holds_office
    person: Moin ul Haque
    office: Ambassador
    country: Pakistan
    quote: Pakistan’s Ambassador Mr. Moin-ul-Haque
"""


@pytest.fixture
def article_dir(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    shutil.copy(SEED_ARTICLE, folder / "a.txt")
    (folder / "a.facts.yaml").write_text(GOOD_FACTS, encoding="utf-8")
    return folder


@pytest.fixture
def out_dir(tmp_path):
    folder = tmp_path / "out"
    folder.mkdir()
    (folder / "kg.ttl").write_text("previous export\n", encoding="utf-8")
    return folder


def assert_refused(result, out_dir: Path, *fragments: str):
    assert result.returncode == 2, result.stderr
    assert "Traceback" not in result.stderr
    for fragment in fragments:
        assert fragment in result.stderr, result.stderr
    assert (out_dir / "kg.ttl").read_text(encoding="utf-8") == "previous export\n"
    assert sorted(p.name for p in out_dir.iterdir()) == ["kg.ttl"]


def test_build_writes_graph_and_viewer_and_prints_a_summary(kg, article_dir, tmp_path):
    out = tmp_path / "fresh"
    result = kg("build", str(article_dir), "--out", str(out))
    assert result.returncode == 0, result.stderr
    for word in ("articles: 1", "entities:", "facts:    1", "triples:", "SHACL:    conforms"):
        assert word in result.stdout
    assert (out / "kg.ttl").stat().st_size > 0 and (out / "graph.html").stat().st_size > 0


def test_missing_input(kg, out_dir, tmp_path):
    assert_refused(kg("build", str(tmp_path / "nope"), "--out", str(out_dir)), out_dir, "nope", "no such file")


def test_empty_article(kg, article_dir, out_dir):
    (article_dir / "a.txt").write_text("  \n", encoding="utf-8")
    assert_refused(kg("build", str(article_dir), "--out", str(out_dir)), out_dir, "a.txt", "empty")


def test_non_utf8_article(kg, article_dir, out_dir):
    (article_dir / "a.txt").write_bytes("Caf\xe9 diplomacy\nline two".encode("latin-1"))
    assert_refused(kg("build", str(article_dir), "--out", str(out_dir)), out_dir, "a.txt:1", "UTF-8")


def test_html_article(kg, article_dir, out_dir):
    (article_dir / "a.txt").write_text("<!DOCTYPE html><html><body><p>Hi</p></body></html>", encoding="utf-8")
    assert_refused(kg("build", str(article_dir), "--out", str(out_dir)), out_dir, "a.txt", "HTML")


def test_malformed_yaml_names_file_and_line(kg, article_dir, out_dir):
    (article_dir / "a.facts.yaml").write_text(GOOD_FACTS.replace("    country: Pakistan\n", "    country: [Pakistan\n"))
    assert_refused(kg("build", str(article_dir), "--out", str(out_dir)), out_dir, "a.facts.yaml:", "malformed YAML")


def test_quote_not_in_article(kg, article_dir, out_dir):
    (article_dir / "a.facts.yaml").write_text(GOOD_FACTS.replace("Mr. Moin-ul-Haque", "Mr. Moin ul Haque"))
    assert_refused(kg("build", str(article_dir), "--out", str(out_dir)), out_dir, "a.facts.yaml:13", "quote not found")


def test_unknown_fact_type(kg, article_dir, out_dir):
    (article_dir / "a.facts.yaml").write_text(GOOD_FACTS.replace("type: holds_office", "type: holds_ofice"))
    assert_refused(kg("build", str(article_dir), "--out", str(out_dir)), out_dir, "a.facts.yaml:9",
                   "unknown fact type 'holds_ofice'", "did you mean 'holds_office'")


def test_unknown_entity_reference(kg, article_dir, out_dir):
    (article_dir / "a.facts.yaml").write_text(GOOD_FACTS.replace("person: Moin ul Haque", "person: Moin-ul-Haq"))
    assert_refused(kg("build", str(article_dir), "--out", str(out_dir)), out_dir, "a.facts.yaml:10",
                   "not a declared entity", "did you mean 'Moin ul Haque'")


def test_wrong_entity_kind(kg, article_dir, out_dir):
    (article_dir / "a.facts.yaml").write_text(GOOD_FACTS.replace("person: Moin ul Haque", "person: Pakistan"))
    assert_refused(kg("build", str(article_dir), "--out", str(out_dir)), out_dir, "is a Country")


def test_query_table_csv_json(kg, tmp_path, article_dir):
    out = tmp_path / "q"
    assert kg("build", str(article_dir), "--out", str(out)).returncode == 0
    data = str(out / "kg.ttl")
    table = kg("query", "offices", "--data", data)
    assert table.returncode == 0 and "Moin ul Haque" in table.stdout and "(1 row)" in table.stdout
    as_json = json.loads(kg("query", "01-offices", "--data", data, "--format", "json").stdout)
    assert as_json == [{"person": "Moin ul Haque", "office": "Ambassador", "organization": "", "country": "Pakistan"}]
    text = kg("query", "SELECT (COUNT(*) AS ?n) WHERE { ?p a foaf:Person }", "--data", data, "--format", "csv")
    assert text.stdout.splitlines() == ["n", "2"]  # Song Tao is declared too


def test_query_errors(kg, tmp_path):
    bad = kg("query", "SELECT ?x WHERE { ?x ?y }")
    assert bad.returncode == 2 and "SPARQL syntax error" in bad.stderr and "Traceback" not in bad.stderr
    unknown = kg("query", "who-is-who")
    assert unknown.returncode == 2 and "competency question" in unknown.stderr
    missing = kg("query", "offices", "--data", str(tmp_path / "none.ttl"))
    assert missing.returncode == 2 and "none.ttl" in missing.stderr
    broken = tmp_path / "broken.ttl"
    broken.write_text("this is not turtle", encoding="utf-8")
    unparsable = kg("query", "offices", "--data", str(broken))
    assert unparsable.returncode == 2 and "broken.ttl" in unparsable.stderr


def test_validate_reports_and_exits_1_on_violation(kg, tmp_path, article_dir):
    out = tmp_path / "v"
    assert kg("build", str(article_dir), "--out", str(out)).returncode == 0
    good = kg("validate", str(out / "kg.ttl"))
    assert good.returncode == 0 and "conforms" in good.stdout
    ttl = (out / "kg.ttl").read_text(encoding="utf-8")
    (out / "bad.ttl").write_text(ttl.replace('nif:anchorOf "Pakistan’s Ambassador', 'nif:anchorOf "Someone else'), encoding="utf-8")
    bad = kg("validate", str(out / "bad.ttl"))
    assert bad.returncode == 1 and "anchorOf must equal" in bad.stdout


def test_query_with_inference_reasons_over_a_copy(kg):
    query = "SELECT (COUNT(?m) AS ?n) WHERE { ?m a org:Membership }"
    assert kg("query", query, "--format", "csv").stdout.splitlines() == ["n", "0"]  # exports: asserted only
    assert kg("query", query, "--format", "csv", "--infer").stdout.splitlines() == ["n", "10"]


def test_a_missing_dependency_is_named_not_a_traceback():
    import subprocess
    import sys

    code = "import sys; sys.modules['rdflib'] = None; from kg.cli import main; raise SystemExit(main(['build']))"
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    assert result.returncode == 2
    assert "'rdflib' is missing" in result.stderr and "Traceback" not in result.stderr
