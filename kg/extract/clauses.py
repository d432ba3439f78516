"""Clause-local argument finding over spaCy's dependency parse, for the dependency rules (see deprules).

A trigger verb's clause is its subtree without nested clauses (relative, adverbial, complement clauses and
coordinated verbs): every argument a dependency rule assigns (agent, recipient, participants, date, place)
comes from that clause, never from a neighbouring sentence. Arguments are mentions (see mentions) found
inside the parse role's subtree, so names the tagger splits oddly still count as one person."""

from __future__ import annotations

import functools
import re

from kg.extract import dates

# children that open another clause: their words belong to that clause, not the trigger's
CLAUSAL = {"relcl", "advcl", "ccomp", "parataxis", "csubj", "acl"}
# prepositions of time and place: their objects are circumstances, never the person a role names
CIRCUMSTANCE = {"at", "in", "on", "during", "after", "before", "since", "for", "following", "amid", "ahead", "upon"}
WEEKDAY_OR_MONTH = re.compile(r"^(?:mon|tues|wednes|thurs|fri|satur|sun)day$|^(?:january|february|march|april|may|june|july|"
                              r"august|september|october|november|december)$", re.IGNORECASE)
SAME_DAY = re.compile(r"\b(?:(?:later|earlier)\s+(?:in|on)\s+the\s+day|(?:on\s+)?the\s+same\s+day|later\s+that\s+day)\b",
                      re.IGNORECASE)


PH_PER = re.compile(r"«PER\d+»")


@functools.lru_cache(maxsize=1)
def _pers_regex():
    from kg.extract.rules import expand
    return expand("{PERS}")


@functools.lru_cache(maxsize=1)
def _opening_agent():
    from kg.extract.rules import expand
    return expand(r"^(?:(?:«GPE\d+»|[A-Z][A-Z .]+)\s*[:–—-]\s*)?(?:[Tt]he\s+)?(?P<who>{AGENT}),?\s+(?:(?:also|today|on\s+\w+day)\s+)*$")


def _masked_prefix(masked, offset: int, raw: str) -> str:
    """The sentence up to a character offset, masked as the rules see it (mentions as tags, offices folded)."""
    from kg.extract.masking import OFF_RE
    text = []
    cur = masked.start
    for tag, m in sorted(((t, m) for t, m in masked.refs.items() if m.start < masked.start + offset), key=lambda x: x[1].start):
        text.append(raw[cur - masked.start:m.start - masked.start])
        text.append(tag)
        cur = m.end
    text.append(raw[cur - masked.start:offset])
    return OFF_RE.sub("«OFF0»", "".join(text))


class Clause:
    """A trigger token with the sentence's mentions: role lookups, and the date and place it states."""

    def __init__(self, ctx, trigger, mentions, masked):
        self.ctx, self.verb, self.masked = ctx, trigger, masked
        self.mentions = [m for m in mentions if m.kind in ("PER", "AWD", "VEN", "GPE", "ORG", "CTY")]
        self.tokens = clause_tokens(trigger)

    # --- roles --------------------------------------------------------------------------------------
    def children(self, tok, deps=None, words=None):
        return [c for c in tok.children if (deps is None or c.dep_ in deps) and (words is None or c.lower_ in words)]

    def subject(self):
        subj = self.children(self.verb, {"nsubj", "nsubjpass"})
        if subj:
            return subj[0]
        if self.verb.dep_ in ("acl", "relcl") and self.verb.head.pos_ in ("NOUN", "PROPN"):
            return self.verb.head  # "The ambassador called on ...", parsed as a reduced relative
        if self.verb.dep_ == "conj" and self.verb.head.pos_ in ("VERB", "AUX"):
            return Clause(self.ctx, self.verb.head, self.mentions, self.masked).subject()
        return None

    def subject_persons(self) -> list[str]:
        """The subject's people; when the parse put the subject elsewhere, a sentence that opens with a person
        (titled or in apposition) right before the verb ('The French Ambassador, X, presented ...')."""
        found = self.persons(self.subject())
        if found:
            return found
        before = self.ctx.text[self.masked.start:self.verb.idx]
        head = _opening_agent().match(_masked_prefix(self.masked, self.verb.idx - self.masked.start, before))
        if not head:
            return []
        return [self.masked.refs[t].entity for t in PH_PER.findall(head.group("who"))
                if t in self.masked.refs and self.masked.refs[t].entity][:1]

    def passive(self) -> bool:
        return bool(self.children(self.verb, {"nsubjpass", "auxpass"}))

    def preps(self, words, within=None):
        """Objects of the given prepositions anywhere in the clause (or under one token of it)."""
        pool = self.tokens if within is None else [t for t in self.tokens if within.i <= t.i and t in set(within.subtree)]
        out = []
        for t in pool:
            if t.dep_ in ("prep", "agent", "prt", "dative") and t.lower_ in words:
                out.extend(c for c in t.children if c.dep_ == "pobj")
        return out

    def persons(self, tok) -> list[str]:
        """People named in a role's phrase: one per conjunct (the name covering the conjunct's head, else the
        fullest name in it: 'the Odissi dancer Kavya Raman' is one person), then the rest of a coordinated list
        the tagger split ('A and Ambassador to X B'), read off the masked sentence."""
        if tok is None:
            return []
        out = []
        for conj in [tok] + [t for t in tok.subtree if t.dep_ == "conj" and t != tok]:
            spans = [(t.idx, t.idx + len(t)) for t in phrase_tokens(conj, skip_conj=True)]
            found = [m for m in self.mentions if m.kind == "PER" and m.entity and any(s < m.end and m.start < e for s, e in spans)]
            if not found:
                continue
            head = [m for m in found if m.start <= conj.idx < m.end]
            pick = head[0] if head else max(found, key=lambda m: (len(m.surface.split()), -m.start))
            if pick.entity not in out:
                out.append(pick.entity)
        for extra in self._coordinated(out):
            if extra not in out:
                out.append(extra)
        return out

    def _coordinated(self, people) -> list[str]:
        if not people:
            return []
        tags = {t for t, m in self.masked.refs.items() if m.kind == "PER" and m.entity in people}
        for m in _pers_regex().finditer(self.masked.text):
            inside = PH_PER.findall(m.group(0))
            if tags & set(inside):
                return [self.masked.refs[t].entity for t in inside if t in self.masked.refs and self.masked.refs[t].entity]
        return []

    def mention_at(self, tok, kinds):
        for m in self.mentions:
            if m.kind in kinds and m.start <= tok.idx < m.end:
                return m
        return None

    def award(self):
        for t in self.tokens:
            m = self.mention_at(t, ("AWD",))
            if m is not None and m.value:
                return m.value
        return None

    # --- circumstances ----------------------------------------------------------------------------------
    def span_text(self) -> tuple[int, int]:
        return min(t.idx for t in self.tokens), max(t.idx + len(t) for t in self.tokens)

    def date(self) -> str | None:
        s, e = self.span_text()
        text = self.ctx.text[s:e]
        found = dates.find_date(text, self.ctx.published)
        if found or not SAME_DAY.search(text):
            return found
        return self.ctx.sentence_date(self.masked)

    def place(self) -> str | None:
        """The most specific place the clause puts its event at: a venue (a gazetteer venue, or a capitalised
        name right after 'at'), else a government building, else a city."""
        best = None
        rank = {"VEN": 0, "NEW": 0, "ORG": 1, "GPE": 2}
        for pobj in self.preps({"at", "in"}):
            for cand in _chain(pobj):
                got = self._place_of(cand)
                if got and (best is None or rank[got[0]] < rank[best[0]]):
                    best = got
        self.place_kind = best[0] if best else None
        return best[1] if best else None

    def _place_of(self, tok):
        m = self.mention_at(tok, ("VEN", "GPE", "ORG", "PER", "CTY"))
        if m is not None:
            if m.kind in ("VEN", "GPE"):
                return (m.kind, self.ctx.place(m))
            if m.kind == "ORG" and (m.extra.get("kind") in ("GovernmentBody", "DiplomaticMission")) and not m.extra.get("ref"):
                return ("ORG", self.ctx.org(m))
            if m.kind == "PER" and tok.head.lower_ == "at" and not self.ctx.offices.get(m.entity):
                return self._new_venue(tok)  # the tagger took a palace's name for a person's
            return None
        if tok.head.lower_ == "at" and _name_word(tok):
            return self._new_venue(tok)
        if tok.lower_ in ("headquarters", "secretariat", "premises"):
            org = [m for t in tok.children if t.dep_ == "compound" for m in [self.mention_at(t, ("ORG",))] if m]
            if org and not org[0].extra.get("ref"):
                label = self.ctx.text[org[0].start:tok.idx + len(tok)]
                return ("NEW", self.ctx.table.add(label, "Place", label))
        return None

    def _new_venue(self, tok):
        doc = tok.doc
        first = last = tok.i
        while first > tok.i - 4 and first > 0 and _name_word(doc[first - 1]) and doc[first - 1].head.i >= first - 1:
            first -= 1
        while last + 1 < len(doc) and last < tok.i + 4 and _name_word(doc[last + 1]):
            last += 1
        if any(self.mention_at(doc[i], ("CTY", "GPE", "ORG")) for i in range(first, last + 1)):
            return None
        label = self.ctx.text[doc[first].idx:doc[last].idx + len(doc[last])]
        if len(label) < 4:
            return None
        known = self.ctx.table.entities.get(label)
        if known is not None and known.kind == "Person":
            if self.ctx.offices.get(label):
                return None
            known.kind = "Place"  # a name after 'at' that holds no office is where, not who
        return ("NEW", self.ctx.table.add(label, "Place", label))


def _name_word(tok) -> bool:
    return tok.pos_ == "PROPN" and tok.text[:1].isupper() and not WEEKDAY_OR_MONTH.match(tok.text)


def clause_tokens(verb) -> list:
    out, stack = [], [verb]
    while stack:
        t = stack.pop()
        out.append(t)
        for c in t.children:
            if c.dep_ in CLAUSAL and c.pos_ in ("VERB", "AUX"):
                continue
            if c.dep_ == "conj" and c.pos_ in ("VERB", "AUX") and t == verb:
                continue
            stack.append(c)
    return sorted(out, key=lambda t: t.i)


def phrase_tokens(tok, skip_conj=False) -> list:
    """A role phrase: the token's subtree without circumstantial prepositions and clauses hanging off it."""
    out, stack = [], [tok]
    while stack:
        t = stack.pop()
        out.append(t)
        for c in t.children:
            if c.dep_ in CLAUSAL or (c.dep_ == "prep" and c.lower_ in CIRCUMSTANCE) or c.dep_ == "punct":
                continue
            if skip_conj and c.dep_ in ("conj", "cc"):
                continue
            stack.append(c)
    return out


def _chain(pobj):
    """'at his residence in Islamabad': the object, then objects of at/in hanging off it."""
    out, stack = [], [pobj]
    while stack:
        t = stack.pop(0)
        out.append(t)
        for c in t.children:
            if c.dep_ == "prep" and c.lower_ in ("at", "in"):
                stack.extend(x for x in c.children if x.dep_ == "pobj")
            elif c.dep_ in ("appos", "conj") and c.pos_ == "PROPN":
                stack.append(c)
    return out
