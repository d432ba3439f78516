"""The last stage of extraction: each candidate fact's confidence, from a logistic model learned on gold
(`kg calibrate`, kg/data/scorer.json), so that a confidence of 0.8 means about four facts in five are right.

Features describe the candidate, never the article: its fact type, the rule that made it and that rule's
prior, which roles are filled, how an office's country was found (its cues), the shape of its names, how long
its evidence is and how many candidates share its sentence. Scoring
is a dot product (no scikit-learn at run time); a missing or empty model leaves the rules' priors as they are,
and so does the model for fact types its gold did not score.
"""

from __future__ import annotations

import functools
import json
import math
from collections import Counter
from pathlib import Path

from kg.extract.gazetteer import DATA
from kg.model import FACT_TYPES

MODEL_PATH = DATA / "scorer.json"


def features(fact, siblings: int = 1) -> dict[str, float]:
    """The candidate's features (names are stable strings: the model file maps them to weights)."""
    t = fact.type
    out = {f"type={t}": 1.0, f"rule={fact.rule}": 1.0, "prior": fact.confidence, f"prior|type={t}": fact.confidence}
    for arg in FACT_TYPES[t].args:
        value = fact.args.get(arg.name)
        if value is not None and not arg.required:
            out[f"has={t}.{arg.name}"] = 1.0
        if arg.many and isinstance(value, list):
            out[f"many={t}.{arg.name}"] = float(min(len(value), 5))
    people = [v for a in FACT_TYPES[t].args if "Person" in a.kinds
              for v in (fact.args.get(a.name) if a.many else [fact.args.get(a.name)]) or [] if isinstance(v, str)]
    if people:
        # one-word and very long "names" are the tagger's usual mistakes (a surname, a headline)
        words = [len(p.split()) for p in people]
        out["person_one_word"] = float(min(words) == 1)
        out["person_long"] = float(max(words) >= 5)
    for name, how in sorted(fact.cues.items()):
        if how and isinstance(how, str):  # not the sets of countries an office was barred from
            # how an argument was found: in the office's own words, or guessed from the sentence or the host
            out[f"cue={t}.{name}={how}"] = 1.0
    length = fact.evidence.end - fact.evidence.begin if fact.evidence else 0
    out["log_quote_len"] = math.log1p(length)
    out["siblings"] = float(min(siblings, 10))
    return out


@functools.lru_cache(maxsize=2)
def load_model(path: Path = MODEL_PATH) -> dict | None:
    if not path.exists():
        return None
    data = json.loads(path.read_text(encoding="utf-8"))
    return data if data.get("weights") else None


def probability(model: dict, feats: dict[str, float]) -> float:
    weights = model["weights"]
    z = model["bias"] + sum(weights.get(name, 0.0) * value for name, value in feats.items())
    return 1.0 / (1.0 + math.exp(-z))


def candidate_features(facts) -> list[dict[str, float]]:
    """Every candidate's features, in order. Siblings: how many candidates share its evidence span (a
    sentence that yields many facts is a list, or a sentence the rules over-read)."""
    key = lambda f: (f.evidence.begin, f.evidence.end) if f.evidence else None  # noqa: E731
    counts = Counter(key(f) for f in facts)
    return [features(f, counts[key(f)]) for f in facts]


def rescore(facts, model: dict | None = None) -> list:
    """The facts with their confidence replaced by the model's probability (rounded, so files diff cleanly)."""
    model = model if model is not None else load_model()
    if not model:
        return facts
    trained = set(model.get("types") or ())
    for f, feats in zip(facts, candidate_features(facts)):
        if trained and f.type not in trained:
            continue  # a type the gold never scored: its rule's prior is all there is to go on
        f.confidence = round(probability(model, feats), 3)
    return facts
