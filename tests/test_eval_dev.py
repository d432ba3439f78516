"""Extraction quality on the development corpus and the seed article, with floors below what is measured."""

from pathlib import Path

from kg.articles import read_article
from kg.cli import main
from kg.commands import DEFAULT_MIN_CONFIDENCE
from kg.evaluate import evaluate_article, gold_from_facts, load_gold, totals
from kg.extract import extract_article
from kg.facts import load_facts

DATA = Path(__file__).parent / "data"
DEV = DATA / "corpus" / "dev"
# The project's own seed and its reviewed facts: the test follows any review of them.
SEED_ARTICLE = Path(__file__).parent.parent / "seeds" / "hilal-i-pakistan-song-tao-2020.txt"


def test_dev_corpus_floor():
    # what kg build keeps of the extraction: facts at the default confidence cut-off
    gold = load_gold(DEV / "gold.yaml")
    results = [evaluate_article(n, gold[n], extract_article(read_article(DEV / n), min_confidence=DEFAULT_MIN_CONFIDENCE))
               for n in gold]
    by_type, overall, alias_acc = totals(results)
    assert overall.f1 >= 0.94, overall  # measured 0.945
    assert overall.precision >= 0.98, overall  # measured 0.987
    assert alias_acc >= 0.89  # measured 0.904 (names, aliases and descriptive references)


def test_train_corpus_floor():
    # articles written for generalisation work (other regions, offices, awards and constructions)
    train = DATA / "corpus" / "train"
    gold = load_gold(train / "gold.yaml")
    results = [evaluate_article(n, gold[n], extract_article(read_article(train / n))) for n in gold]
    by_type, overall, alias_acc = totals(results)
    # 50 articles (15-24 target the held-out error classes: conferral clauses, clause-local meeting dates and
    # places, venues without a head word, plural signatories, party bodies, short references; 25-32: appointments
    # and swearing-in, Permanent Representatives, emirs, party acronym + title, two countries in one sentence,
    # mission staff, inherited meeting dates, residence places, topical document titles); 33-42, 43-46 and 47-50
    # were written as held-out text, and joined the train set once their error classes had guided tuning)
    assert overall.f1 >= 0.89, overall  # measured 0.901 over 50 articles
    assert overall.precision >= 0.92, overall  # measured 0.931
    assert alias_acc >= 0.95  # measured 0.966


def test_seed_recovery_floor():
    seed = SEED_ARTICLE
    article = read_article(seed)
    gold = gold_from_facts(load_facts(article.facts_path, article), article.text)
    result = evaluate_article(seed.name, gold, extract_article(article))
    by_type, overall, alias_acc = totals([result])
    assert alias_acc >= 0.90  # measured 0.913 (forms the article writes)
    # every reviewed fact type is scored, quantity, founded and event_held included (32 distinct facts)
    assert {"quantity", "founded", "event_held"} <= set(by_type)
    assert overall.gold == 32
    assert overall.recall >= 0.96, overall  # measured 1.000 (32/32); target 0.90
    assert overall.precision >= 0.96, overall  # measured 1.000


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


def test_reviewed_types_matching_rules():
    from kg.evaluate import REVIEWED_SCHEMA
    from kg.facts import Entity, Evidence, Fact, FactsDoc

    ev = Evidence(0, 1, "x")
    doc = FactsDoc("a.txt", "extracted",
                   {"Green League": Entity("Green League", "PoliticalParty", ["GL"]),
                    "Tree planting ceremony at City Hall": Entity("Tree planting ceremony at City Hall", "Ceremony"),
                    "City Hall": Entity("City Hall", "Place")},
                   [Fact("quantity", {"subject": "Green League", "measure": "members", "value": 40000,
                                      "comparator": "more than"}, ev),
                    Fact("quantity", {"subject": "Green League", "measure": "regional branches", "value": 12}, ev),
                    Fact("founded", {"organization": "Green League", "date": "1988"}, ev),
                    Fact("event_held", {"event": "Tree planting ceremony at City Hall", "date": "2024-05-02",
                                        "place": "City Hall"}, ev)])
    gold = {"schema": REVIEWED_SCHEMA, "aliases": {"GL party": ["GL"]}, "facts": [
        {"type": "quantity", "subject": "GL party", "measure": "members of the league", "value": 40000.0,
         "comparator": "more than"},
        {"type": "quantity", "subject": "GL party", "measure": "regional branches", "value": 12, "comparator": "about"},
        {"type": "quantity", "subject": "GL party", "measure": "local branches", "value": 12, "comparator": None},
        {"type": "founded", "organization": "GL party", "date": "1988"},
        {"type": "event_held", "event": "tree planting ceremony", "date": "2024-05-02", "place": "City Hall"}]}
    result = evaluate_article("a.txt", gold, doc)
    assert result.by_type["quantity"].tp_gold == 1  # a stated comparator must agree; a different head does not
    assert result.by_type["founded"].tp_gold == 1
    assert result.by_type["event_held"].tp_gold == 1


def test_duplicate_reviewed_facts_count_once(tmp_path):
    seed = SEED_ARTICLE
    article = read_article(seed)
    doc = load_facts(article.facts_path, article)
    gold = gold_from_facts(doc)
    assert len(doc.facts) == 34 and len(gold["facts"]) == 32


def test_eval_cli(capsys):
    assert main(["eval", str(DEV / "gold.yaml"), str(DEV / "05_dai_bingguo_hilal_i_pakistan.txt"), "--show-errors"]) == 0
    out = capsys.readouterr().out
    assert "micro overall" in out and "alias accuracy" in out


def test_eval_bad_gold(tmp_path, capsys):
    bad = tmp_path / "gold.yaml"
    bad.write_text("- just a list\n")
    assert main(["eval", str(bad)]) == 2
    assert "gold.yaml" in capsys.readouterr().err
