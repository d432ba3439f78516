"""Extraction quality on the development corpus and the seed article, with floors below what is measured."""

from pathlib import Path

from kg.articles import read_article
from kg.cli import main
from kg.evaluate import evaluate_article, gold_from_facts, load_gold, totals
from kg.extract import extract_article
from kg.facts import load_facts

DATA = Path(__file__).parent / "data"
DEV = DATA / "corpus" / "dev"


def test_dev_corpus_floor():
    gold = load_gold(DEV / "gold.yaml")
    results = [evaluate_article(n, gold[n], extract_article(read_article(DEV / n))) for n in gold]
    by_type, overall, alias_acc = totals(results)
    assert overall.f1 >= 0.88, overall  # measured 0.920
    assert overall.precision >= 0.93, overall  # measured 0.962
    assert alias_acc >= 0.80  # measured 0.837


def test_seed_recovery_floor():
    seed = DATA / "corpus" / "seed" / "hilal-i-pakistan-song-tao-2020.txt"
    article = read_article(seed)
    gold = gold_from_facts(load_facts(article.facts_path, article))
    result = evaluate_article(seed.name, gold, extract_article(article))
    _, overall, _ = totals([result])
    assert overall.recall >= 0.70, overall  # measured 0.739 (target 0.90 not reached)


def test_null_gold_fields_are_not_checked_and_aliases_count(tmp_path):
    from kg.facts import Entity, Evidence, Fact, FactsDoc

    doc = FactsDoc("a.txt", "extracted",
                   {"Zia ul Rahman": Entity("Zia ul Rahman", "Person", ["Mr. Zia-ul-Rahman"]),
                    "Ambassador to Peru": Entity("Ambassador to Peru", "Role"),
                    "Chile": Entity("Chile", "Country")},
                   [Fact("holds_office", {"person": "Zia ul Rahman", "office": "Ambassador to Peru", "country": "Chile"},
                         Evidence(0, 1, "x"))])
    gold = {"facts": [{"type": "holds_office", "person": "Zia-ul-Rehman", "office": "Ambassador",
                       "organization": None, "country": "Chile"}],
            "aliases": {"Zia-ul-Rehman": ["Mr. Zia-ul-Rahman"]}}
    result = evaluate_article("a.txt", gold, doc)
    assert result.by_type["holds_office"].tp_gold == 1
    assert result.alias_ok == 1


def test_eval_cli(capsys):
    assert main(["eval", str(DEV / "gold.yaml"), str(DEV / "05_dai_bingguo_hilal_i_pakistan.txt"), "--show-errors"]) == 0
    out = capsys.readouterr().out
    assert "micro overall" in out and "alias accuracy" in out


def test_eval_bad_gold(tmp_path, capsys):
    bad = tmp_path / "gold.yaml"
    bad.write_text("- just a list\n")
    assert main(["eval", str(bad)]) == 2
    assert "gold.yaml" in capsys.readouterr().err
