"""The spaCy pipeline: the configured model plus an EntityRuler fed by the gazetteer, loaded once per process."""

from __future__ import annotations

import functools

from kg.errors import InputError
from kg.extract import gazetteer, layout
from kg.settings import spacy_model

try:
    from spacy.language import Language

    # line breaks and the dateline end sentences whatever the parser would make of them
    Language.component("kg_layout", func=layout.mark_sentence_starts)
except ImportError:  # spaCy missing: load() says so when it is needed
    pass


def ruler_patterns() -> list[dict]:
    """Phrase patterns (matched on lower-case token text by the ruler's PhraseMatcher, whose cost does not
    grow with the number of patterns as a token Matcher's does)."""
    gaz = gazetteer.load()
    patterns = []
    for variant in gaz.awards:
        patterns.append({"label": "AWARD", "pattern": variant})
    for variant in gaz.venues:
        if not variant.startswith("the "):
            patterns.append({"label": "FAC", "pattern": variant})
    for name in gaz.country_names:
        patterns.append({"label": "GPE", "pattern": name})
    for name in gaz.capitals:
        patterns.append({"label": "GPE", "pattern": name})
    for name in gaz.demonyms:
        patterns.append({"label": "NORP", "pattern": name})
    return patterns


@functools.lru_cache(maxsize=4)
def load(model: str | None = None):
    """The spaCy Language for extraction (cached: one load per process and model name)."""
    import spacy

    name = spacy_model(model)
    try:
        nlp = spacy.load(name, exclude=["lemmatizer"])
    except OSError:
        raise InputError(f"spaCy model {name!r} is not installed; install it or pass --model NAME") from None
    if "parser" in nlp.pipe_names:
        nlp.add_pipe("kg_layout", before="parser")
    if "ner" in nlp.pipe_names and "entity_ruler" not in nlp.pipe_names:
        ruler = nlp.add_pipe("entity_ruler", before="ner", config={"overwrite_ents": True, "phrase_matcher_attr": "LOWER"})
        ruler.add_patterns(ruler_patterns())
    return nlp


def bare(model: str | None = None):
    """The same model without our additions (the benchmark's baseline)."""
    import spacy

    return spacy.load(spacy_model(model), exclude=["lemmatizer"])
