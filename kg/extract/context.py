"""The per-article extraction context: the entity table, the facts found so far, event frames being filled,
and the helpers builders use to turn mentions into entities (organisations, places, offices, posts)."""

from __future__ import annotations

import functools
import re

from kg.articles import Article
from kg.extract import dates, gazetteer, layout, orgs, placement, rules
from kg.extract.entities import EntityTable
from kg.extract.placement import PLACE_LEAD as _PLACE_LEAD
from kg.facts import Fact, locate_quote
from kg.model import FACT_TYPES

SAME_DAY = re.compile(r"\b(?:(?:later|earlier)\s+(?:in|on)\s+the\s+day|(?:on\s+)?the\s+same\s+day|later\s+that\s+day)\b"
                      r"|^\s*(?:Later|Afterwards|Subsequently|Thereafter|After\s+the\s+(?:meeting|ceremony|talks|signing))\b", re.IGNORECASE)

# what kind of event a report tells of, from its words: the ceremony its attendance cues speak of
_CREDENCE = re.compile(rf"\b{rules.CREDENCE}\b", re.IGNORECASE)
_SIGNING = re.compile(r"\b(?:signed|signing|inked)\b", re.IGNORECASE)
_SWEARING = re.compile(r"\b(?:sworn|swearing|swore|oath)\b", re.IGNORECASE)


@functools.lru_cache(maxsize=1)
def _abbreviation_end() -> re.Pattern:
    gaz = gazetteer.load()
    forms = [f for f in list(gaz.honorifics) + list(gaz.ranks) if f.endswith(".")]
    return re.compile(r"(?<![\w.])(?:" + gazetteer.alternation(forms) + r")$")


@functools.lru_cache(maxsize=1)
def _country_in_name() -> re.Pattern:
    return re.compile(r"(?<![\w-])(?:" + gazetteer.alternation(gazetteer.load().countries) + r")(?![\w-])")


_CITY_AS_NAME = re.compile(r"\s+(?:[A-Z]?[a-z]+\s+)?(?:conference|summit|forum|process|declaration|format|dialogue|initiative|"
                           r"agreement|accord|protocol|talks|meeting|group|plan)s?\b", re.IGNORECASE)
_HERE = re.compile(r"(?<![“\"])\bhere\b(?=\s+(?:on|today|yesterday|this|last|at|in|during|after|before|with|and)\b|\s*[,.;]|\s*$)")


class Context:
    def __init__(self, article: Article, doc):
        self.article = article
        # what the rules read: the parsed text (soft wraps as spaces, offsets as in the article)
        self.text = doc.text if len(doc.text) == len(article.text) else article.text
        # the report's own date (dateline, 'Published:' stamp) stands in when the metadata has none
        published = article.meta.get("published") or layout.document_date(article.text)
        # what "today" means: the dateline's day when it states one ("Rome, Feb.4 (BNA): ... today met"),
        # its year the publication's, else the publication date
        line = layout.dateline(self.text)
        day = dates.parse_explicit(line.day, published) if line and line.day and published else None
        self.published = day[0] if day else published
        self.doc = doc
        self.table = EntityTable()
        self.facts: list[Fact] = []
        self.frames: dict = {}
        self.offices: dict[str, set] = {}
        self.countries: dict[str, set] = {}
        self.host: str | None = None
        self.mentions: list = []
        self.mentions_all: list = []  # every mention, references included (set before stage 2)
        self.sentences = self._sentences()

    # --- sentences ----------------------------------------------------------------------------------
    def _sentences(self) -> list[tuple[int, int]]:
        spans = []
        line = layout.dateline(self.text)
        # line breaks end sentences (a hard-wrapped text's soft wraps are spaces in self.text already)
        for sent in self.doc.sents:
            pos = sent.start_char
            for piece in re.split(r"(\n+)", self.text[sent.start_char:sent.end_char]):
                if piece.strip() and not piece.startswith("\n"):
                    lead = len(piece) - len(piece.lstrip())
                    spans.append((pos + lead, pos + len(piece.rstrip())))
                pos += len(piece)
        # spaCy sometimes splits after a closing quote mid-sentence: rejoin pieces on one line that do not
        # end a sentence
        # likewise after an honorific or rank abbreviation ("Defense Attache Brig. | Shahid Amir Afsar")
        merged: list[tuple[int, int]] = []
        abbrev = _abbreviation_end()
        for s, e in spans:
            prev = self.text[merged[-1][0]:merged[-1][1]] if merged else ""
            if merged and (not re.search(r"[.!?][”\"’']?$", prev) or abbrev.search(prev)) \
                    and "\n" not in self.text[merged[-1][1]:s] and not (line and s == line.end):
                merged[-1] = (merged[-1][0], e)
            else:
                merged.append((s, e))
        return merged

    # --- entities -------------------------------------------------------------------------------------
    def org(self, mention) -> str | None:
        if mention is None or mention.kind != "ORG":
            return None
        label = mention.value
        kind = mention.extra.get("kind") or orgs.org_kind(label)
        self.table.add(label, kind, None if mention.extra.get("ref") else mention.surface)
        return label

    def org_country(self, org: str | None) -> str | None:
        if not org:
            return None
        gaz = gazetteer.load()
        low = org.lower()
        if gaz.parties.get(low, (None, None))[1]:
            return self.table.country(gaz.parties[low][1])
        # the first country name or demonym the name contains (the longest one at that place)
        m = _country_in_name().search(low)
        if m:
            return self.table.country(gaz.countries[m.group(0)])
        return None

    def place(self, mention) -> str | None:
        if mention is None:
            return None
        if mention.kind == "VEN":
            return self.table.add(mention.value, "Place", mention.surface)
        if mention.kind == "GPE":
            return self.table.add(mention.value, mention.extra.get("kind", "City"), mention.surface)
        if mention.kind in ("CTY", "DEM"):
            return self.table.country(mention.value, mention.surface if mention.kind == "CTY" else None)
        if mention.kind == "ORG":
            return self.org(mention)
        return None

    def person_office(self, person, role, country):
        self.offices.setdefault(person, set()).add(role)
        if country:
            self.countries.setdefault(person, set()).add(country)

    def office_parts(self, masked, tag) -> dict:
        """An office phrase's parts: role, label, country, organisation, status (see placement)."""
        return placement.office_parts(self, masked, tag)

    def envoy_office(self, person, role, sender, masked, rule):
        dest = self.frames.get("cred", {}).get("country") or self.host
        label = f"{role} to {dest}" if dest and dest != sender else role
        self.table.country(sender)
        self.person_office(person, role, sender)
        status = "designate" if role.endswith("-designate") else None
        self.add_fact("holds_office", {"person": person, "office": self.table.add(label, "Role"), "country": sender,
                                       "status": status}, masked, rule.confidence, rule.name)

    # --- dates and places of a sentence ---------------------------------------------------------------
    def sentence_date(self, masked) -> str | None:
        text = self.text[masked.start:masked.end]
        line = layout.dateline(self.text)
        if line and masked.start <= line.start < masked.end:
            # the dateline's date is when the report was filed; a date the sentence states says when it happened
            found = dates.find_date(self.text[line.end:masked.end], self.published)
            if found:
                return found
        found = dates.find_date(text, self.published)
        if found or not SAME_DAY.search(text):
            return found
        # "later in the day", "on the same day": the date of the nearest earlier sentence that states one
        for s, e in reversed([x for x in self.sentences if x[1] <= masked.start]):
            found = dates.find_date(self.text[s:e], self.published)
            if found:
                return found
        return None

    def sentence_place(self, masked) -> str | None:
        """A venue, else a city: one the sentence introduces with 'at'/'in' ("at his residence in Sale") before
        any other (a dateline city opening the sentence is where the report was filed, not the event)."""
        for kind in ("VEN", "GPE"):
            # not a city naming something else: "the Brussels conference", "the Astana format"
            refs = [r for r in masked.refs.values() if r.kind == kind and not r.extra.get("ref")
                    and not (kind == "GPE" and _CITY_AS_NAME.match(self.text, r.end))]
            led = [r for r in refs if _PLACE_LEAD.search(self.text[max(masked.start, r.start - 60):r.start])]
            for ref in led + refs:
                return self.place(ref)
        # "held a meeting here on Tuesday": here is the city the report was filed from
        line = layout.dateline(self.text)
        if line and _HERE.search(self.text[masked.start:masked.end]):
            city = line.city.title() if line.city.isupper() else line.city
            return self.table.add(city, "City", line.city)
        return None

    # --- frames -------------------------------------------------------------------------------------------
    def award_frame(self, award: str | None, masked) -> dict:
        frame = self.frames.get("award")
        if frame is None:
            frame = {"award": award, "recipients": {}, "attendees": {}, "evidence": masked}
            self.frames["award"] = frame
        if award and not frame["award"]:
            frame["award"] = award
        return frame

    def ceremony_frame(self, masked, word: str, label: str | None = None, place=None, date=None) -> dict:
        """The article's non-award ceremony (credentials, signing, swearing-in): the first one named wins, as a
        report usually tells of one; place and date come from the sentence that introduces it."""
        cer = self.frames.get("ceremony")
        if cer is None:
            cer = {"attendees": {}, "word": word, "label": label, "place": place or self.sentence_place(masked),
                   "date": date or self.sentence_date(masked), "evidence": masked}
            self.frames["ceremony"] = cer
        return cer

    def attendance_frame(self, masked) -> dict | None:
        """The event an attendance cue ('X was also present', 'accompanied by X') speaks of: the award ceremony or
        the ceremony already named, else the event the report has told so far (a credentials presentation, a
        signing, a meeting or call), which becomes the ceremony people attend."""
        frame = self.frames.get("award") or self.frames.get("ceremony")
        if frame is not None:
            return frame
        frame = self._told_frame(masked)
        if frame is not None:
            frame["how"] = "told"  # a cue for the scorer: inferred, not named
        return frame

    def _told_frame(self, masked) -> dict | None:
        told = {f.type for f in self.facts}
        before = self.text[: masked.end]
        cred = self.frames.get("cred")
        if cred or "credentials_presented" in told or _CREDENCE.search(before):
            cred = cred or {}
            return self.ceremony_frame(masked, "credentials ceremony", place=cred.get("place"), date=cred.get("date"))
        if "signed" in told or _SIGNING.search(before):
            return self.ceremony_frame(masked, "signing ceremony")
        if _SWEARING.search(before):
            return self.ceremony_frame(masked, "swearing-in ceremony")
        meetings = [f for f in self.facts if f.type == "meeting"]
        if meetings:
            last = meetings[-1].args
            people = " and ".join(last["participants"])
            return self.ceremony_frame(masked, "meeting", label=f"Meeting of {people}", place=last.get("place"),
                                       date=last.get("date"))
        return None

    def frame_date(self, frame, masked):
        if not frame.get("date"):
            frame["date"] = self.sentence_date(masked)
        if re.search(r"investiture", self.text[masked.start:masked.end], re.IGNORECASE):
            frame["investiture"] = True

    def cred_frame(self, masked, to) -> dict:
        frame = self.frames.get("cred")
        if frame is None:
            frame = {"to": to, "envoys": {}, "date": self.sentence_date(masked), "place": self.sentence_place(masked),
                     "evidence": masked}
            frame["country"] = next(iter(self.countries.get(to, ())), None) or self.host
            self.frames["cred"] = frame
        return frame

    def meeting(self, people, masked, rule, date=None, place=None):
        """A meeting of two; 'A met B, C and D' is a meeting of A with each (analysts count dyads, and a
        report seldom says whether a list met jointly). people: the subject first."""
        people = list(dict.fromkeys(people))
        pairs = [people] if len(people) <= 2 else [[people[0], other] for other in people[1:]]
        date = date or self.sentence_date(masked)
        place = place or self.sentence_place(masked)
        for pair in pairs:
            args = {"participants": sorted(pair), "date": date, "place": place}
            self.add_fact("meeting", args, masked, rule.confidence, rule.name)

    # --- facts ----------------------------------------------------------------------------------------------
    def add_fact(self, ftype, args, masked, confidence, rule, evidence=None, cues=None):
        args = {k: v for k, v in args.items() if v is not None}
        spec = FACT_TYPES[ftype]
        for arg in spec.args:
            value = args.get(arg.name)
            if arg.is_entity and value is not None:
                values = value if arg.many else [value]
                for v in values:
                    if v not in self.table.entities or self.table.entities[v].kind not in arg.kinds:
                        return  # never emit a fact the loader would refuse
        if any(a.required and a.name not in args for a in spec.args):
            return
        begin, end = evidence or (masked.start, masked.end)
        quote = self.article.text[begin:end]  # evidence is always the article's own characters
        self.facts.append(Fact(ftype, args, locate_quote(self.article.text, quote, begin), confidence, rule, cues=cues or {}))
