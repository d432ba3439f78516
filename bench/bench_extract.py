"""Benchmark (not a test): extraction speed vs spaCy's bare parse of the same texts with the same model.

    python bench/bench_extract.py [ARTICLE_OR_FOLDER ...] [--repeat N] [--model NAME]

Defaults to the dev corpus copy under tests/data/corpus/dev plus the seed article. Prints articles/s,
tokens/s for both, and the overhead of extraction over the bare parse (target: <= 30%).
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from kg.articles import find_articles, read_article  # noqa: E402
from kg.extract import nlp as nlp_mod  # noqa: E402
from kg.extract.pipeline import extract_doc  # noqa: E402


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("inputs", nargs="*", default=[str(ROOT / "tests/data/corpus/dev"), str(ROOT / "seeds")])
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--model")
    args = parser.parse_args()
    articles = [read_article(p) for p in find_articles(args.inputs)]
    texts = [a.text for a in articles] * args.repeat
    bare = nlp_mod.bare(args.model)
    ours = nlp_mod.load(args.model)
    list(bare.pipe(texts[:2]))  # warm up both
    list(ours.pipe(texts[:2]))

    t0 = time.perf_counter()
    tokens = sum(len(d) for d in bare.pipe(texts))
    t_bare = time.perf_counter() - t0

    t0 = time.perf_counter()
    n_facts = 0
    for article, doc in zip(articles * args.repeat, ours.pipe(texts)):
        n_facts += len(extract_doc(article, doc).facts)
    t_ours = time.perf_counter() - t0

    n = len(texts)
    print(f"model: {bare.meta['lang']}_{bare.meta['name']} {bare.meta['version']}; {len(articles)} articles x {args.repeat} = {n} texts, {tokens} tokens")
    print(f"{'':<22}{'seconds':>10}{'articles/s':>12}{'tokens/s':>12}")
    print(f"{'spaCy bare parse':<22}{t_bare:>10.3f}{n / t_bare:>12.1f}{tokens / t_bare:>12.0f}")
    print(f"{'extraction (total)':<22}{t_ours:>10.3f}{n / t_ours:>12.1f}{tokens / t_ours:>12.0f}")
    print(f"overhead: {100 * (t_ours - t_bare) / t_bare:.1f}% (target <= 30%); {n_facts} facts")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
