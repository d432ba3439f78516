"""Shared by the extraction tests: run the extractor on a synthetic article and pick out its facts."""

from kg.articles import Article
from kg.extract import extract_article
from kg.facts import dump_facts, load_facts


def run(tmp_path, text, published="2024-03-14"):
    path = tmp_path / "a.txt"
    path.write_text(text, encoding="utf-8")
    article = Article(path, text, {"published": published} if published else {})
    doc = extract_article(article)
    # every extraction must survive the loader
    out = tmp_path / "a.facts.yaml"
    out.write_text(dump_facts(doc), encoding="utf-8")
    loaded = load_facts(out, article)
    for f in loaded.facts:
        assert text[f.evidence.begin:f.evidence.end] == f.evidence.quote
    return doc


def facts(doc, ftype):
    return [f.args for f in doc.facts if f.type == ftype]
