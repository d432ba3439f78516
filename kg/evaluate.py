"""Scoring extraction against gold facts (corpus/dev/gold.yaml format, or a reviewed facts file).

Matching rules (the same for every article, no special cases):
- Which fact types are scored depends on the gold: a corpus gold.yaml is scored on its schema (GOLD_SCHEMA);
  a reviewed facts file on every type it can contain (REVIEWED_SCHEMA = GOLD_SCHEMA plus founded,
  event_held and quantity). Other predicted types are ignored.
- Gold facts that are the same fact on their scored arguments (one fact, two quotes) count once.
- A predicted fact matches a gold fact when the types agree and every argument the gold fact states agrees.
  A gold `null` means "not stated or not resolvable": it is not checked (the prediction may say something
  or nothing there). Arguments absent from the gold schema are not checked either.
- Entity values agree when they name the same entity: equal after normalisation (case, diacritics,
  honorifics, punctuation, a parenthesised acronym such as "(MoU)"), or the predicted entity's label or one of its proper-name aliases is one of the
  gold entity's aliases. Descriptive aliases ("the president") are not used for matching.
- Offices agree when equal after normalisation, or equal once a destination qualifier (" to <country>") and
  a status word (acting, former, outgoing, incoming, interim, caretaker, -designate: the holding's status argument) are
  removed from both ("Ambassador to China" ~ "Ambassador"): reviewed files and gold differ on that habit.
- Events (ceremonies) are descriptive labels: they agree when their normalised token sets overlap
  (rapidfuzz token_set_ratio >= 80). Signed documents too, when both names have two words or more ("MoU on
  Political Consultations" ~ "Memorandum of Understanding (MoU) on Political Consultations"; a bare
  "Agreement" names no particular document).
- Participants (lists) agree as sets. Dates agree when equal ISO strings.
- founded: organisation and date (ISO string) must agree.
- event_held: the event agrees as ceremonies do (fuzzy), date and place as above (place as an entity).
- quantity: subject (an entity), measure, value and, when the gold states one, comparator must agree.
  Values agree when numerically equal (8 == 8.0). Measures agree when, normalised with plural -s dropped
  word by word, one starts with the other: reviewers qualify what is counted ("countries" ~ "countries of
  the parties it has contacts with"); a different head ("vice ministers" vs "assistant ministers") does not.
  A gold comparator is checked against the predicted one ("exactly" when the prediction states none).
- Predicted facts are deduplicated on their scored arguments first; precision is the share of distinct
  predicted facts matching some gold fact, recall the share of gold facts matched by some prediction.
Alias accuracy: the share of gold (entity, surface form) pairs for which the extraction has an entity that
carries that surface form (label, alias or descriptive reference, case-insensitive) and is the gold entity
(the same entity by the rule above for entity values). With a reviewed facts file as gold, only the forms
the article actually writes count (a reviewer's canonical label may appear nowhere in the text).
References ("the envoy") count here, as gold alias lists contain them, but never for fact matching.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from rapidfuzz import fuzz

from kg.errors import InputError
from kg.extract.names import ascii_fold, strip_titles
from kg.facts import FactsDoc
from kg.model import FACT_TYPES
from kg.yamlio import load_yaml

GOLD_SCHEMA = {
    "holds_office": ("person", "office", "organization", "country"),
    "award_conferral": ("award", "recipient", "conferred_by", "presented_by", "on_behalf_of", "date", "place"),
    "attended": ("person", "event"),
    "meeting": ("participants", "date", "place"),
    "credentials_presented": ("envoy", "to", "date", "place"),
    "signed": ("person", "document", "date"),
    "member_of": ("person", "organization"),
    "located_in": ("place", "in"),
    "part_of": ("organization", "parent"),
}
REVIEWED_SCHEMA = {
    **GOLD_SCHEMA,
    "founded": ("organization", "date"),
    "event_held": ("event", "date", "place"),
    "quantity": ("subject", "measure", "value", "comparator"),
}
DESCRIPTIVE = re.compile(r"^(the|his|her|their|its|a|an)\b", re.IGNORECASE)


def norm(value) -> str:
    # a parenthesised acronym is the writer's aside, not part of the name: "Memorandum of Understanding (MoU)"
    text = re.sub(r"\s*\([A-Z][A-Za-z.&]{1,9}\)", "", ascii_fold(str(value))).strip()
    text = strip_titles(text)[0] or text
    text = re.sub(r"[^a-z0-9]+", " ", text.lower()).strip()
    return re.sub(r"^the ", "", text)


def _office_core(value: str) -> str:
    # articles inside an office name are style, not meaning: "Adviser on Cooperation with (the) CPC"; and a
    # holding's status is its own argument, so "Acting Minister" is the office "Minister" held as acting
    core = re.sub(r"\bthe ", "", re.sub(r" to [a-z ]+$", "", norm(value)))
    return re.sub(r"^(?:acting|former|outgoing|incoming|interim|caretaker) | designate\b", "", core).strip()


def _document_match(gold, pred) -> bool:
    # a document's name is descriptive too: where it ends is style ("the Border Cooperation Protocol" or
    # "... between the two Defence Ministries"); a bare head noun ("Agreement") names no particular one
    g, p = norm(gold), norm(pred)
    return min(len(g.split()), len(p.split())) >= 2 and fuzz.token_set_ratio(g, p) >= 80


def _measure_words(value) -> list[str]:
    return [re.sub(r"(?<=[a-z]{3})s$", "", w) for w in norm(value).split()]


def _measure_match(gold, pred) -> bool:
    g, p = _measure_words(gold), _measure_words(pred)
    n = min(len(g), len(p))
    return n > 0 and g[:n] == p[:n]


def _number(value) -> float | None:
    try:
        return float(value)
    except (TypeError, ValueError):
        return None


# --- gold ---------------------------------------------------------------------------------------------

def load_gold(path: Path) -> dict:
    """{article file name: {"facts": [dict], "aliases": {canonical: [surface]}}}; a reviewed facts file is
    accepted too (one article)."""
    data = load_yaml(path)
    if not isinstance(data, dict) or not data:
        raise InputError("a gold file maps article file names to {facts, aliases}", path)
    if "facts" in data and "article" in data:
        from kg.articles import read_article
        from kg.facts import load_facts

        article = read_article(Path(path).parent / data["article"])
        return {data["article"]: gold_from_facts(load_facts(Path(path), article), article.text)}
    gold = {}
    for name, block in data.items():
        if not isinstance(block, dict) or not isinstance(block.get("facts", []), list):
            raise InputError(f"article {name!r}: expected a mapping with 'facts' (a list) and 'aliases'", path)
        for fact in block.get("facts") or []:
            if not isinstance(fact, dict) or fact.get("type") not in FACT_TYPES:
                raise InputError(f"article {name!r}: a fact needs a known 'type', got {fact!r}", path)
        aliases = block.get("aliases") or {}
        if not isinstance(aliases, dict):
            raise InputError(f"article {name!r}: 'aliases' must map a canonical name to its surface forms", path)
        gold[name] = {"facts": list(block.get("facts") or []), "aliases": {k: list(v or []) for k, v in aliases.items()}}
    return gold


def gold_from_facts(doc: FactsDoc, text: str | None = None) -> dict:
    """A reviewed facts file as a gold block: its facts (scored arguments) and its entities' surface forms.
    Given the article text, only forms the article writes are kept for alias accuracy, as in gold.yaml: a
    canonical label a reviewer wrote ("Guo Yezhou" for "Guoyeshou") is not a surface form to recover."""
    facts = []
    for f in doc.facts:
        if f.type not in REVIEWED_SCHEMA:
            continue
        facts.append({"type": f.type, **{k: f.args.get(k) for k in REVIEWED_SCHEMA[f.type]}})
    # the same fact quoted twice is one gold fact
    unique = {repr(sorted(f.items(), key=lambda kv: kv[0])): f for f in facts}
    aliases = {label: [label] + list(e.aliases) + list(e.references) for label, e in doc.entities.items()}
    if text is not None:
        aliases = {label: [f for f in forms if f in text] for label, forms in aliases.items()}
    return {"facts": list(unique.values()), "aliases": aliases, "schema": REVIEWED_SCHEMA}


# --- matching -----------------------------------------------------------------------------------------

class Resolver:
    """Maps predicted entity labels to gold canonical names for one article."""

    def __init__(self, gold_aliases: dict, pred: FactsDoc):
        self.gold_names = {g: {norm(g)} | {norm(a) for a in forms if not DESCRIPTIVE.match(a)} for g, forms in gold_aliases.items()}
        self.pred = pred

    def names_of(self, label: str) -> set:
        entity = self.pred.entities.get(label)
        out = {norm(label)}
        if entity is not None:
            out |= {norm(a) for a in entity.aliases if not DESCRIPTIVE.match(a)}
        return out

    def same(self, gold_value: str, pred_label: str) -> bool:
        if norm(gold_value) == norm(pred_label):
            return True
        gold_forms = self.gold_names.get(gold_value, {norm(gold_value)})
        if norm(pred_label) in gold_forms:
            return True
        return bool(self.names_of(pred_label) & gold_forms)


def _value_match(resolver: Resolver, ftype: str, arg: str, gold, pred) -> bool:
    if gold is None:
        return True
    if arg == "comparator":
        return norm(gold) == norm(pred or "exactly")
    if pred is None:
        return False
    if arg == "measure":
        return _measure_match(gold, pred)
    if arg == "value":
        return _number(gold) is not None and _number(gold) == _number(pred)
    spec = FACT_TYPES[ftype].arg(arg)
    if spec is not None and spec.many:
        gold_list, pred_list = list(gold), list(pred)
        return len(gold_list) == len(set(pred_list)) and all(any(resolver.same(g, p) for p in pred_list) for g in gold_list)
    if spec is not None and not spec.is_entity:
        return norm(gold) == norm(pred)
    if spec is not None and set(spec.kinds) <= {"Event", "Ceremony"}:
        return fuzz.token_set_ratio(norm(gold), norm(pred)) >= 80
    if spec is not None and set(spec.kinds) == {"Document"}:
        return resolver.same(gold, pred) or _document_match(gold, pred)
    if arg == "office":
        return resolver.same(gold, pred) or _office_core(gold) == _office_core(pred)
    return resolver.same(gold, pred)


def fact_match(resolver: Resolver, gold: dict, pred, schema: dict = GOLD_SCHEMA) -> bool:
    if gold["type"] != pred.type:
        return False
    return all(_value_match(resolver, gold["type"], k, gold.get(k), pred.args.get(k)) for k in schema[gold["type"]])


@dataclass
class Score:
    tp_pred: int = 0
    pred: int = 0
    tp_gold: int = 0
    gold: int = 0

    @property
    def precision(self) -> float:
        return self.tp_pred / self.pred if self.pred else (1.0 if not self.gold else 0.0)

    @property
    def recall(self) -> float:
        return self.tp_gold / self.gold if self.gold else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def add(self, other: "Score") -> None:
        self.tp_pred += other.tp_pred
        self.pred += other.pred
        self.tp_gold += other.tp_gold
        self.gold += other.gold


@dataclass
class ArticleResult:
    name: str
    by_type: dict = field(default_factory=dict)
    missed: list = field(default_factory=list)
    false: list = field(default_factory=list)
    alias_total: int = 0
    alias_ok: int = 0
    alias_errors: list = field(default_factory=list)


def _pred_key(fact, schema: dict) -> tuple:
    return (fact.type,) + tuple(repr(fact.args.get(k)) for k in schema[fact.type])


def evaluate_article(name: str, gold_block: dict, pred: FactsDoc) -> ArticleResult:
    resolver = Resolver(gold_block.get("aliases", {}), pred)
    schema = gold_block.get("schema") or GOLD_SCHEMA
    result = ArticleResult(name)
    preds = {}
    for f in pred.facts:
        if f.type in schema:
            preds.setdefault(_pred_key(f, schema), f)
    preds = list(preds.values())
    golds = gold_block.get("facts", [])
    for ftype in schema:
        score = Score()
        g_of = [g for g in golds if g["type"] == ftype]
        p_of = [p for p in preds if p.type == ftype]
        score.gold, score.pred = len(g_of), len(p_of)
        for g in g_of:
            if any(fact_match(resolver, g, p, schema) for p in p_of):
                score.tp_gold += 1
            else:
                result.missed.append(g)
        for p in p_of:
            if any(fact_match(resolver, g, p, schema) for g in g_of):
                score.tp_pred += 1
            else:
                result.false.append(p)
        if score.gold or score.pred:
            result.by_type[ftype] = score
    # alias accuracy
    surface_index: dict[str, list[str]] = {}
    for label, entity in pred.entities.items():
        for form in [label] + list(entity.aliases) + list(entity.references):
            surface_index.setdefault(form.lower(), []).append(label)
    for canonical, forms in gold_block.get("aliases", {}).items():
        for form in forms:
            result.alias_total += 1
            labels = surface_index.get(form.lower(), [])
            if any(resolver.same(canonical, label) for label in labels):
                result.alias_ok += 1
            else:
                result.alias_errors.append((canonical, form, labels))
    return result


def totals(results: list[ArticleResult]) -> tuple[dict, Score, float]:
    by_type: dict[str, Score] = {}
    overall = Score()
    for r in results:
        for ftype, s in r.by_type.items():
            by_type.setdefault(ftype, Score()).add(s)
            overall.add(s)
    alias_total = sum(r.alias_total for r in results)
    alias_acc = sum(r.alias_ok for r in results) / alias_total if alias_total else 1.0
    return by_type, overall, alias_acc


CUTOFFS = (0.0, 0.5, 0.6, 0.7, 0.8, 0.9)


def at_confidence(doc: FactsDoc, cutoff: float) -> FactsDoc:
    """The extraction with only the facts whose confidence is at least cutoff."""
    return FactsDoc(doc.article, doc.status, doc.entities, [f for f in doc.facts if f.confidence >= cutoff], doc.path)


def cutoff_table(scored: list[tuple[str, dict, FactsDoc]], cutoffs=CUTOFFS) -> str:
    """Micro precision and recall when only facts at or above each confidence cut-off are kept: what a user
    gets from `kg build --min-confidence C` or `kg extract --min-confidence C`."""
    lines = [f"{'min confidence':<16}{'kept':>6}{'P':>8}{'R':>8}{'F1':>8}", "-" * 46]
    for c in cutoffs:
        results = [evaluate_article(name, gold, at_confidence(pred, c)) for name, gold, pred in scored]
        _, overall, _ = totals(results)
        lines.append(f"{c:<16.2f}{overall.pred:>6}{overall.precision:>8.3f}{overall.recall:>8.3f}{overall.f1:>8.3f}")
    return "\n".join(lines)


def format_table(results: list[ArticleResult], show_errors: bool = False) -> str:
    by_type, overall, alias_acc = totals(results)
    lines = [f"{'fact type':<24}{'gold':>6}{'pred':>6}{'P':>8}{'R':>8}{'F1':>8}", "-" * 60]
    for ftype in REVIEWED_SCHEMA:
        s = by_type.get(ftype)
        if s is None:
            continue
        lines.append(f"{ftype:<24}{s.gold:>6}{s.pred:>6}{s.precision:>8.3f}{s.recall:>8.3f}{s.f1:>8.3f}")
    lines.append("-" * 60)
    lines.append(f"{'micro overall':<24}{overall.gold:>6}{overall.pred:>6}{overall.precision:>8.3f}{overall.recall:>8.3f}{overall.f1:>8.3f}")
    alias_total = sum(r.alias_total for r in results)
    lines.append(f"alias accuracy: {alias_acc:.3f} ({sum(r.alias_ok for r in results)}/{alias_total} surface forms)")
    if show_errors:
        for r in results:
            if not (r.missed or r.false or r.alias_errors):
                continue
            lines.append(f"\n== {r.name}")
            for g in r.missed:
                lines.append("  missed: " + ", ".join(f"{k}={v}" for k, v in g.items() if v is not None))
            for p in r.false:
                lines.append(f"  false:  type={p.type}, " + ", ".join(f"{k}={v}" for k, v in p.args.items()) + f"  [{p.rule}]")
            for canonical, form, labels in r.alias_errors:
                lines.append(f"  alias:  {form!r} should map to {canonical!r}; got {labels or 'nothing'}")
    return "\n".join(lines)
