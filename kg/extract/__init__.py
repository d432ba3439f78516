"""Automatic fact extraction from diplomacy news (issue 3): spaCy + gazetteer + a registry of pattern rules.

    extract_article(article, model=None) -> FactsDoc (status 'extracted')
    canonical_key(name) -> the comparison key of a person name (case/diacritic/honorific/hyphen-insensitive)
"""

from kg.extract.names import canonical_key, canonical_person_label
from kg.extract.pipeline import extract_article

__all__ = ["extract_article", "canonical_key", "canonical_person_label"]
