"""Counted quantities ("over 70 million members", "eight (8) Bureaus", "a team of four Vice Ministers"):
number words and digits, scale words, comparators, the counted noun phrase, and the entity counted.

The vocabulary is data (tables below); the rule that finds the construction is in the registry (rules.py);
its builder, b_quantity, is here and registered in builders.BUILDERS."""

from __future__ import annotations

import re

from kg.extract.masking import tags_in, unmask

UNITS = {w: i for i, w in enumerate(
    "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen "
    "seventeen eighteen nineteen".split())}
TENS = {w: 10 * (i + 2) for i, w in enumerate("twenty thirty forty fifty sixty seventy eighty ninety".split())}
SCALES = {"hundred": 100, "thousand": 1_000, "lakh": 100_000, "million": 1_000_000, "crore": 10_000_000,
          "billion": 1_000_000_000}
# comparator phrase -> the model's comparator (kg.model.COMPARATORS)
COMPARATORS = {
    "over": "more than", "more than": "more than", "above": "more than", "in excess of": "more than",
    "upwards of": "more than", "at least": "at least", "no fewer than": "at least", "no less than": "at least",
    "about": "about", "around": "about", "approximately": "about", "nearly": "about", "almost": "about",
    "roughly": "about", "some": "about", "close to": "about", "less than": "less than",
    "fewer than": "less than", "under": "less than", "below": "less than", "up to": "at most",
    "at most": "at most", "no more than": "at most",
}
# Nouns that, before "of <quantity>", make the quantity describe a country: "a country of 1.3 billion people"
COUNTRY_NOUNS = ("country", "nation")
# Counted nouns that are plural without a final -s
PLURALS = ("people", "personnel", "staff", "children", "men", "women", "police", "cattle")

_word = "|".join(sorted(list(UNITS) + list(TENS), key=len, reverse=True))
NUMBER = rf"(?:\d{{1,3}}(?:,\d{{3}})+|\d+(?:\.\d+)?|(?:{'|'.join(TENS)})-(?:{'|'.join(UNITS)})|(?:{_word}))(?![\w.,]\d)"
SCALE = "|".join(SCALES)
COMPARATOR = "|".join(sorted((re.escape(c) for c in COMPARATORS), key=len, reverse=True))
# Words that end a counted noun phrase: prepositions, relatives, verbs, determiners, numbers
_STOP = (r"(?:in|of|with|to|from|for|across|at|on|by|under|over|through|after|into|within|among|between|during|"
         r"like|as|per|since|while|but|and|or|the|a|an|its|their|who|which|that|is|are|"
         r"was|were|has|have|had|will|would|than|" + _word + r"|\w+ing|\w{3,}ed)\b")
_WORD = rf"(?!{_STOP})(?:«OFF\d+»|[A-Za-z][\w’'-]*)"
MEASURE = rf"{_WORD}(?:\s+{_WORD}){{0,3}}(?:\s+(?:and|&)\s+{_WORD}(?:\s+{_WORD}){{0,2}})?"


def value(number: str, scale: str | None) -> int | float | None:
    number = number.lower().replace(",", "")
    if re.fullmatch(r"\d+(?:\.\d+)?", number):
        n = float(number)
    elif "-" in number:
        tens, unit = number.split("-", 1)
        n = TENS[tens] + UNITS[unit]
    else:
        n = UNITS.get(number, TENS.get(number))
    if n is None:
        return None
    n = n * SCALES.get((scale or "").lower(), 1)
    return int(n) if float(n).is_integer() else n


def comparator(phrase: str | None, number: str, scale: str | None) -> str | None:
    if phrase:
        return COMPARATORS[re.sub(r"\s+", " ", phrase.lower())]
    # "1.3 billion" is a rounded figure: about, unless the text says otherwise
    if scale and "." in number:
        return "about"
    return None


def is_counted(measure: str) -> bool:
    """The phrase names countable things in the plural ("members", "Vice Ministers", "people")."""
    head = measure.split()[-1].lower()
    return head in PLURALS or (head.endswith("s") and not head.endswith("ss") and len(head) > 3)


# --- the builder ----------------------------------------------------------------------------------------

def b_quantity(ctx, m, masked, rule):
    num, scale = m.group("num"), m.group("scale")
    if not scale and re.fullmatch(r"(?:1[89]|20)\d\d", num):
        return  # a year, not a count
    measure = _noun_phrase(ctx, masked, m)
    if not measure or not is_counted(measure) or re.search(r"[’']s?$", measure):
        return
    amount = value(num, scale)
    before = masked.text[: m.start()]
    if re.search(rf"\b(?:a|the)\s+(?:{'|'.join(COUNTRY_NOUNS)})\s+of\s+$", before):
        subject = _country_of_sentence(ctx, masked, before)
    else:
        subject = _org_of_sentence(ctx, masked, before, masked.text[m.end():])
    if subject and amount is not None:
        ctx.add_fact("quantity", {"subject": subject, "measure": measure.lower(), "value": amount,
                                  "comparator": comparator(m.group("cmp"), num, scale)},
                     masked, rule.confidence, rule.name)


_NP = ("NOUN", "PROPN", "ADJ")


def _noun_phrase(ctx, masked, m) -> str | None:
    """The counted noun phrase, cut where the parser says it ends ("members | and leading a country")."""
    begin = masked.start + len(unmask(masked, masked.text[: m.start("measure")]))
    end = begin + len(unmask(masked, m.group("measure")))
    span = ctx.doc.char_span(begin, end, alignment_mode="expand")
    if span is None:
        return None
    last = None
    for i, tok in enumerate(span):
        nxt = span[i + 1] if i + 1 < len(span) else None
        if tok.pos_ in _NP or tok.tag_ in ("NNS", "NNPS"):
            last = tok
        elif tok.pos_ == "CCONJ" and nxt is not None and (nxt.pos_ in _NP or nxt.tag_ in ("NNS", "NNPS")):
            continue
        else:
            break
    if last is None:
        return None
    return re.sub(r"\s+", " ", ctx.text[span[0].idx: last.idx + len(last.text)])


def _org_of_sentence(ctx, masked, before, after):
    """The organisation a count is about: the nearest one named before it in the sentence, else the first after."""
    for tags in (reversed(tags_in(masked, before)), tags_in(masked, after)):
        for t in tags:
            if t.startswith("«ORG"):
                return ctx.org(masked.refs[t])
    return None


def _country_of_sentence(ctx, masked, before):
    """'a country of N people': the one country the sentence names, else the country of its organisation."""
    countries = {masked.refs[t].value for t in tags_in(masked, masked.text) if t.startswith("«CTY")}
    if len(countries) == 1:
        return ctx.table.country(countries.pop())
    return ctx.org_country(_org_of_sentence(ctx, masked, before, masked.text[len(before):]))
