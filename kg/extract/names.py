"""Person names: honorifics and ranks stripped, glued names split, diacritics folded, variants compared.

Canonical labels are deterministic functions of the name, so the same person gets the same label (and the
same IRI slug) in every article: see canonical_person_label and canonical_key.
"""

from __future__ import annotations

import functools
import re
import unicodedata

from rapidfuzz import fuzz

from kg.extract import gazetteer

_GLUE = re.compile(r"(?<=[a-z\u00df-\u00ff]{2})(?=[A-Z\u00c0-\u00de][a-z\u00df-\u00ff]{2})")
_GLUE_EXCEPT = re.compile(r"^(Mc|Mac|De|Di|Da|La|Le|Van|Von|O)[A-Z]")


# letters that are not a base letter plus a diacritic, so NFKD leaves them whole (Vietnamese Đặng, Polish
# Łukasz, Danish Søren): folded by hand, one letter for one, so that no name loses a letter
_LETTERS = str.maketrans({"Đ": "D", "đ": "d", "Ð": "D", "ð": "d", "Ø": "O", "ø": "o", "Ł": "L", "ł": "l",
                          "Ħ": "H", "ħ": "h", "ı": "i", "Ŧ": "T", "ŧ": "t"})


def ascii_fold(text: str) -> str:
    return unicodedata.normalize("NFKD", text.translate(_LETTERS)).encode("ascii", "ignore").decode("ascii")


def fold_chars(text: str) -> str:
    """Each character without its diacritics where that leaves one ASCII letter ('é' -> 'e', 'ā' -> 'a'),
    every other character as it is: the result has the same length, so offsets found in it hold in text."""
    return "".join(_fold_char(c) for c in text) if not text.isascii() else text


@functools.lru_cache(maxsize=4096)
def _fold_char(c: str) -> str:
    base = unicodedata.normalize("NFKD", c.translate(_LETTERS))[:1]
    return base if base.isascii() and base.isalpha() and c.isalpha() else c


def whole_word_hits(text: str, part: str):
    """Start offsets of part in text as whole words (no letter, digit, '-' or '_' on either side). A plain
    scan: names differ per article, and a compiled pattern for each would evict the rules' patterns from
    the regex cache."""
    at = text.find(part)
    while at >= 0:
        end = at + len(part)
        before = text[at - 1] if at else " "
        after = text[end] if end < len(text) else " "
        if not (before.isalnum() or before in "-_") and not (after.isalnum() or after in "-_"):
            yield at
        at = text.find(part, at + 1)


def split_glued(token: str) -> str:
    """'NaeemCheema' -> 'Naeem Cheema'; leaves 'McDonald' and 'DeLuca' alone."""
    if _GLUE_EXCEPT.match(token):
        return token
    return _GLUE.sub(" ", token)


@functools.lru_cache(maxsize=1)
def _title_res() -> tuple[re.Pattern, re.Pattern]:
    """One compiled pattern each for a leading rank and a leading honorific (longest form first)."""
    gaz = gazetteer.load()
    rank = re.compile("(?:" + gazetteer.alternation(gaz.ranks) + r")(?=\s)")
    hon = re.compile("(?:" + gazetteer.alternation(gaz.honorifics) + r")(?=\s)")
    return rank, hon


def strip_titles(name: str) -> tuple[str, str | None, str | None]:
    """Remove leading honorifics and ranks; returns (name, honorific, rank)."""
    gaz = gazetteer.load()
    rank_re, hon_re = _title_res()
    honorific = rank = None
    text = name.strip()
    while True:
        m = rank_re.match(text)
        if m:
            rank = gaz.ranks[m.group(0)]
            text = text[m.end():].strip()
        h = hon_re.match(text)
        if h:
            honorific = honorific or h.group(0)
            text = text[h.end():].strip()
        if not m and not h:
            return text, honorific, rank


def _particles(name: str) -> str:
    parts = gazetteer.load().particles

    def fix(match):
        return f" {match.group(1)} " if match.group(1).lower() in parts else match.group(0)

    # "Moin-ul-Haque" -> "Moin ul Haque" (a lower-case connective between capitalised parts)
    return re.sub(r"(?<=[A-Za-z])-([a-z]{1,4})-(?=[A-Z])", fix, name)


def canonical_person_label(surface: str) -> str:
    """The canonical label of a person name as written: no honorific, split, folded, spaced particles."""
    name, _, _ = strip_titles(surface)
    name = re.sub(r"[’']s$", "", name).strip(" ,.;:")
    # post-nominal letters ("George Brandis QC", "Peter Cosgrove AK MC (Retd)") are not part of the name
    words = name.split()
    post = gazetteer.load().post_nominals
    while len(words) > 2 and words[-1].strip(",") in post:
        words.pop()
    name = " ".join(words)
    name = " ".join(split_glued(tok) for tok in name.split())
    name = _particles(name)
    name = ascii_fold(name)
    return re.sub(r"\s+", " ", name).strip()


def canonical_key(label: str) -> str:
    """A comparison key for names: case-, diacritic-, hyphen- and honorific-insensitive."""
    text = canonical_person_label(label) if label else ""
    return re.sub(r"[^a-z0-9]+", " ", text.lower()).strip()


def name_tokens(label: str) -> list[str]:
    return canonical_key(label).split()


def same_name(a: str, b: str, threshold: float = 90.0) -> bool:
    """Two full names are variants of one another (transliteration, spacing, a letter or two)."""
    ka, kb = canonical_key(a), canonical_key(b)
    if ka == kb:
        return True
    if ka.replace(" ", "") == kb.replace(" ", ""):
        return True
    ta, tb = ka.split(), kb.split()
    if len(ta) != len(tb) or len(ta) < 2:
        return False
    # every part must be close, and the first letters must agree: Haq ~ Haque, not Song ~ Sun
    return all(x[0] == y[0] and fuzz.ratio(x, y) >= 75 for x, y in zip(ta, tb)) and fuzz.ratio(ka, kb) >= threshold - 10


def refers_to(short: str, full: str) -> bool:
    """A short form (surname or given name alone, or a subset of parts) refers to a full name."""
    ts, tf = name_tokens(short), name_tokens(full)
    if not ts or len(ts) >= len(tf):
        return False
    return all(t in tf for t in ts) or (len(ts) == 1 and any(fuzz.ratio(ts[0], t) >= 88 and ts[0][0] == t[0] for t in tf[-1:]))


def canonical_office(surface: str) -> str | None:
    """An office title as written -> the gazetteer's canonical title, correcting misspellings."""
    gaz = gazetteer.load()
    key = re.sub(r"\s+", " ", surface.strip().lower())
    key = re.sub(r"\s*&\s*", " & ", key)
    if key in gaz.offices:
        return gaz.offices[key]
    if key.endswith("s") and key[:-1] in gaz.offices:  # plural: "Vice Ministers"
        return gaz.offices[key[:-1]]
    best, score = None, 0.0
    # a word derived from a title ("Presidential", "Ministry") or naming a body is not a misspelt title
    heads = {h.lower() for h in gaz.org_heads}
    if any(w in heads for w in key.split()):
        return None
    for variant, canon in gaz.offices.items():
        if abs(len(variant) - len(key)) > 3 or len(key) < 6 or key.startswith(variant):
            continue
        s = fuzz.ratio(key, variant)
        if s > score:
            best, score = canon, s
    return best if score >= 85 else None


def canonical_award(surface: str) -> str | None:
    gaz = gazetteer.load()
    key = surface.strip().strip("“”\"'").lower()
    key = re.sub(r"^the\s+", "", key)
    return gaz.awards.get(key) or gaz.awards.get(key.replace("-", " "))
