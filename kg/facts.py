"""The facts file (<article>.facts.yaml): reading, checking against the article and the model, writing.

A facts file is what a person reviews. It names each entity once (canonical label, kind, aliases,
Wikidata id) and lists facts whose arguments refer to entities by canonical label. Every fact carries a
verbatim quote; loading computes its offsets in the article and refuses a quote that is not there.
"""

from __future__ import annotations

import difflib
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from kg.articles import Article
from kg.errors import InputError
from kg.model import ENTITY_KINDS, FACT_TYPES, NUMBER, parse_date
from kg.yamlio import LineDict, load_yaml

STATUSES = ("reviewed", "extracted")
ENTITY_KEYS = ("kind", "aliases", "references", "wikidata", "honorific", "rank", "role", "organization", "country", "note")
FACT_META_KEYS = ("type", "quote", "begin", "confidence", "rule", "note")


@dataclass
class Entity:
    label: str
    kind: str
    aliases: list[str] = field(default_factory=list)
    # Descriptive references resolved to this entity ('the president', 'the envoy'): kept for review and
    # evaluation, but not names, so not exported as labels.
    references: list[str] = field(default_factory=list)
    wikidata: str | None = None
    honorific: str | None = None
    rank: str | None = None
    # Posts only: the role and where it is held.
    role: str | None = None
    organization: str | None = None
    country: str | None = None
    note: str | None = None

    def to_yaml(self) -> dict:
        data = {"kind": self.kind}
        for key in ENTITY_KEYS[1:]:
            value = getattr(self, key)
            if value:
                data[key] = list(value) if key in ("aliases", "references") else value
        return data


@dataclass
class Evidence:
    begin: int
    end: int
    quote: str


@dataclass
class Fact:
    type: str
    args: dict
    evidence: Evidence
    confidence: float = 1.0
    rule: str = "reviewed"
    note: str | None = None
    line: int | None = None
    # what extraction knew of how an argument was found ({"country": "guessed"}); never written to a file
    cues: dict = field(default_factory=dict, compare=False, repr=False)

    def to_yaml(self) -> dict:
        data = {"type": self.type}
        spec = FACT_TYPES[self.type]
        for arg in spec.args:
            if self.args.get(arg.name) is not None:
                data[arg.name] = self.args[arg.name]
        data["quote"] = self.evidence.quote
        data["begin"] = self.evidence.begin
        data["confidence"] = round(float(self.confidence), 3)
        data["rule"] = self.rule
        if self.note:
            data["note"] = self.note
        return data


@dataclass
class FactsDoc:
    article: str
    status: str
    entities: dict[str, Entity]
    facts: list[Fact]
    path: Path | None = None


def _suggest(name: str, options) -> str:
    close = difflib.get_close_matches(name, list(options), n=1, cutoff=0.6)
    return f" (did you mean {close[0]!r}?)" if close else ""


def locate_quote(text: str, quote: str, begin: int | None = None) -> Evidence:
    """Find quote in text; raises ValueError with a reason a person can act on."""
    if not quote or not quote.strip():
        raise ValueError("quote is empty")
    if begin is not None:
        if text[begin : begin + len(quote)] == quote:
            return Evidence(begin, begin + len(quote), quote)
        raise ValueError(f"quote is not at offset {begin} of the article")
    first = text.find(quote)
    if first < 0:
        raise ValueError(f"quote not found verbatim in the article: {quote[:80]!r}")
    second = text.find(quote, first + 1)
    if second >= 0:
        raise ValueError(f"quote occurs more than once (offsets {first}, {second}, ...); add 'begin: N' to choose")
    return Evidence(first, first + len(quote), quote)


def load_facts(path: Path, article: Article) -> FactsDoc:
    data = load_yaml(path)
    if not isinstance(data, LineDict):
        raise InputError("a facts file is a mapping with keys article, status, entities, facts", path)
    for key in data:
        if key not in ("article", "status", "entities", "facts"):
            raise InputError(f"unknown key {key!r}; expected article, status, entities, facts", path, data.line_of(key))
    status = data.get("status", "reviewed")
    if status not in STATUSES:
        raise InputError(f"status must be one of {', '.join(STATUSES)}, not {status!r}", path, data.line_of("status"))
    entities = _load_entities(path, data.get("entities") or LineDict())
    raw_facts = data.get("facts") or []
    if not isinstance(raw_facts, list):
        raise InputError("'facts' must be a list", path, data.line_of("facts"))
    facts = [_load_fact(path, raw, entities, article.text) for raw in raw_facts]
    return FactsDoc(str(data.get("article") or article.path.name), status, entities, facts, path)


def _load_entities(path: Path, raw: dict) -> dict[str, Entity]:
    if not isinstance(raw, dict):
        raise InputError("'entities' must be a mapping from canonical label to its description", path)
    entities: dict[str, Entity] = {}
    for label, spec in raw.items():
        line = raw.line_of(label) if isinstance(raw, LineDict) else None
        if not isinstance(label, str) or not label.strip():
            raise InputError(f"entity label must be a non-empty string, not {label!r}", path, line)
        if not isinstance(spec, dict):
            raise InputError(f"entity {label!r} needs a mapping with at least 'kind'", path, line)
        for key in spec:
            if key not in ENTITY_KEYS:
                raise InputError(f"entity {label!r}: unknown key {key!r}{_suggest(key, ENTITY_KEYS)}", path, line)
        kind = spec.get("kind")
        if kind not in ENTITY_KINDS:
            raise InputError(
                f"entity {label!r}: kind must be one of {', '.join(ENTITY_KINDS)}, not {kind!r}"
                f"{_suggest(str(kind), ENTITY_KINDS)}",
                path,
                line,
            )
        aliases = spec.get("aliases") or []
        references = spec.get("references") or []
        for key, names in (("aliases", aliases), ("references", references)):
            if isinstance(names, str) or not all(isinstance(a, str) for a in names):
                raise InputError(f"entity {label!r}: {key} must be a list of strings", path, line)
        wikidata = spec.get("wikidata")
        if wikidata is not None and not (str(wikidata).startswith("Q") and str(wikidata)[1:].isdigit()):
            raise InputError(f"entity {label!r}: wikidata must be an item id like Q956, not {wikidata!r}", path, line)
        entity = Entity(
            label=label.strip(),
            kind=kind,
            aliases=[a for a in dict.fromkeys(aliases) if a != label],
            references=list(dict.fromkeys(references)),
            wikidata=str(wikidata) if wikidata else None,
            **{k: (str(spec[k]) if spec.get(k) is not None else None) for k in ENTITY_KEYS[4:]},
        )
        if kind == "Post" and not (entity.role and (entity.organization or entity.country)):
            raise InputError(f"post {label!r} needs a role and an organization or country", path, line)
        entities[entity.label] = entity
    for entity in entities.values():
        for key, kinds in (("role", ("Role",)), ("organization", None), ("country", ("Country",))):
            ref = getattr(entity, key)
            if ref is None:
                continue
            target = entities.get(ref)
            if target is None:
                raise InputError(f"entity {entity.label!r}: {key} {ref!r} is not a declared entity{_suggest(ref, entities)}", path)
            if kinds and target.kind not in kinds:
                raise InputError(f"entity {entity.label!r}: {key} {ref!r} is a {target.kind}, expected {kinds[0]}", path)
    return entities


def _load_fact(path: Path, raw, entities: dict[str, Entity], text: str) -> Fact:
    line = getattr(raw, "line", None)
    if not isinstance(raw, dict):
        raise InputError("each fact must be a mapping with a 'type'", path, line)
    ftype = raw.get("type")
    spec = FACT_TYPES.get(ftype)
    if spec is None:
        raise InputError(
            f"unknown fact type {ftype!r}{_suggest(str(ftype), FACT_TYPES)}; known: {', '.join(FACT_TYPES)}", path, line
        )
    for key in raw:
        if key not in FACT_META_KEYS and spec.arg(key) is None:
            known = [a.name for a in spec.args]
            raise InputError(f"{ftype}: unknown argument {key!r}{_suggest(key, known)}; expected {', '.join(known)}", path, raw.line_of(key))
    args: dict = {}
    for arg in spec.args:
        value = raw.get(arg.name)
        where = raw.line_of(arg.name)
        if value is None:
            if arg.required:
                raise InputError(f"{ftype}: missing required argument {arg.name!r}", path, line)
            continue
        if arg.many:
            if not isinstance(value, list) or not value:
                raise InputError(f"{ftype}: {arg.name} must be a non-empty list", path, where)
            args[arg.name] = [_check_value(path, where, ftype, arg, v, entities) for v in value]
        else:
            args[arg.name] = _check_value(path, where, ftype, arg, value, entities)
    if ftype == "meeting" and len(set(args["participants"])) < 2:
        raise InputError("meeting: needs at least two different participants", path, line)
    quote = raw.get("quote")
    if not isinstance(quote, str):
        raise InputError(f"{ftype}: every fact needs a verbatim 'quote' from the article", path, line)
    begin = raw.get("begin")
    if begin is not None and (not isinstance(begin, int) or begin < 0):
        raise InputError(f"{ftype}: begin must be a non-negative integer offset", path, raw.line_of("begin"))
    try:
        evidence = locate_quote(text, quote, begin)
    except ValueError as exc:
        raise InputError(f"{ftype}: {exc}", path, raw.line_of("quote")) from None
    confidence = raw.get("confidence", 1.0)
    if not isinstance(confidence, (int, float)) or not 0 <= confidence <= 1:
        raise InputError(f"{ftype}: confidence must be a number from 0 to 1", path, raw.line_of("confidence"))
    return Fact(ftype, args, evidence, float(confidence), str(raw.get("rule", "reviewed")), raw.get("note"), line)


def _check_value(path, line, ftype, arg, value, entities):
    if arg.is_entity:
        if not isinstance(value, str) or value not in entities:
            raise InputError(
                f"{ftype}: {arg.name} refers to {value!r}, which is not a declared entity{_suggest(str(value), entities)}",
                path,
                line,
            )
        kind = entities[value].kind
        if kind not in arg.kinds:
            raise InputError(f"{ftype}: {arg.name} {value!r} is a {kind}; expected one of {', '.join(arg.kinds)}", path, line)
        return value
    if arg.literal == NUMBER:
        if isinstance(value, bool) or not isinstance(value, (int, float)):
            raise InputError(f"{ftype}: {arg.name} must be a number, not {value!r}", path, line)
        return value
    if arg.literal == "date":
        iso = parse_date(value)
        if iso is None:
            raise InputError(f"{ftype}: {arg.name} must be an ISO date (YYYY, YYYY-MM or YYYY-MM-DD), not {value!r}", path, line)
        return iso
    if arg.choices and value not in arg.choices:
        raise InputError(f"{ftype}: {arg.name} must be one of {', '.join(arg.choices)}, not {value!r}", path, line)
    return str(value)


def dump_facts(doc: FactsDoc) -> str:
    """The facts file as deterministic YAML (what `kg extract` writes and a person then reviews)."""
    data = {
        "article": doc.article,
        "status": doc.status,
        "entities": {label: e.to_yaml() for label, e in sorted(doc.entities.items())},
        "facts": [f.to_yaml() for f in sorted(doc.facts, key=lambda f: (f.evidence.begin, f.type, str(f.args)))],
    }
    return yaml.safe_dump(data, sort_keys=False, allow_unicode=True, width=110)
