"""Score extraction on the real-text evaluation set (tests/data/real; see its ANNOTATION.md).

    python bench/real_eval.py tune [--show-errors] [--cutoffs]
    python bench/real_eval.py spent             # every spent set together (the tuning data)
    python bench/real_eval.py blind9           # once, before any change it guides; errors are never shown

`blind` to `blind8` were measured once each, then spent (tuning data since); `blind9` is the fresh one.

The texts are not in the repository: they live in tests/data/real/cache/<half>/, filled with the search tool
from the addresses in SOURCES.md and <half>/articles.yaml. This script writes each cached text's metadata
sidecar from articles.yaml, says which texts are missing, and scores the rest with `kg eval`.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

import yaml

REAL = Path(__file__).resolve().parent.parent / "tests" / "data" / "real"
SPENT = ("tune", "blind", "blind2", "blind3", "blind4", "blind5", "blind6", "blind7", "blind8")
UNSPENT_BLIND = "blind9"  # the blind set not yet measured: its errors are never shown


def write_sidecars(half: str) -> Path:
    cache = REAL / "cache" / half
    cache.mkdir(parents=True, exist_ok=True)
    articles = yaml.safe_load((REAL / half / "articles.yaml").read_text(encoding="utf-8")) or {}
    for name, spec in sorted(articles.items()):
        meta = {k: spec.get(k) for k in ("published", "publisher") if spec.get(k)}
        meta["source_url"] = spec["url"]
        (cache / f"{name}.meta.yaml").write_text(yaml.safe_dump(meta, sort_keys=True), encoding="utf-8")
    return cache


def combine(halves) -> tuple[Path, Path]:
    """Several sets scored as one: their gold concatenated and their cached texts linked into one folder
    (article names are unique across sets), under the git-ignored cache."""
    root = REAL / "cache" / "+".join(halves)
    root.mkdir(parents=True, exist_ok=True)
    gold = {}
    for half in halves:
        cache = write_sidecars(half)
        gold.update(yaml.safe_load((REAL / half / "gold.yaml").read_text(encoding="utf-8")) or {})
        for path in cache.iterdir():
            link = root / path.name
            if not link.exists():
                link.symlink_to(path)
    gold_path = root / "gold.yaml"
    gold_path.write_text(yaml.safe_dump(gold, sort_keys=True, allow_unicode=True), encoding="utf-8")
    return gold_path, root


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("half", choices=SPENT + (UNSPENT_BLIND, "spent"))
    parser.add_argument("--show-errors", action="store_true")
    parser.add_argument("--cutoffs", action="store_true")
    parser.add_argument("--min-confidence", default="0.5")
    args = parser.parse_args(argv)
    if args.half == UNSPENT_BLIND and args.show_errors:
        parser.error("the blind half's errors are not shown: studying them would make it tuning data")
    if args.half == "spent":
        gold, cache = combine(SPENT)
    else:
        gold, cache = REAL / args.half / "gold.yaml", write_sidecars(args.half)
    from kg.cli import main as kg_main

    kg_args = ["eval", str(gold), "--texts", str(cache), "--min-confidence", args.min_confidence]
    kg_args += ["--show-errors"] * args.show_errors + ["--cutoffs"] * args.cutoffs
    return kg_main(kg_args)


if __name__ == "__main__":
    sys.exit(main())
