"""The per-article extraction context: the entity table, the facts found so far, event frames being filled,
and the helpers builders use to turn mentions into entities (organisations, places, offices, posts)."""

from __future__ import annotations

import functools
import re
from collections import Counter

from kg.articles import Article
from kg.extract import builders, dates, gazetteer, orgs
from kg.extract.entities import EntityTable
from kg.facts import Fact, locate_quote
from kg.model import FACT_TYPES

SAME_DAY = re.compile(r"\b(?:(?:later|earlier)\s+(?:in|on)\s+the\s+day|(?:on\s+)?the\s+same\s+day|later\s+that\s+day)\b"
                      r"|^\s*(?:Later|Afterwards|Subsequently|Thereafter|After\s+the\s+(?:meeting|ceremony|talks|signing))\b", re.IGNORECASE)
_PLACE_LEAD = re.compile(r"\b(?:at|in)\s+(?:the\s+|(?:his|her|their|its)\s+(?:official\s+)?(?:residence|office|home)\s+in\s+)?$")
DATELINE = re.compile(r"^\s*(?P<city>[A-Z][A-Z .]{2,30}?)\s*(?:,|:|\(|-|–|—)")

@functools.lru_cache(maxsize=1)
def _abbreviation_end() -> re.Pattern:
    gaz = gazetteer.load()
    forms = [f for f in list(gaz.honorifics) + list(gaz.ranks) if f.endswith(".")]
    return re.compile(r"(?<![\w.])(?:" + gazetteer.alternation(forms) + r")$")


def _remit_label(remit: str) -> str:
    """'on cooperation with CPC' -> 'on Cooperation with CPC': content words capitalised, as in a title."""
    small = {"on", "for", "with", "of", "to", "the", "and", "in"}
    return " ".join(w if w in small or not w[0].islower() else w[0].upper() + w[1:] for w in remit.split())


class Context:
    def __init__(self, article: Article, doc):
        self.article = article
        self.text = article.text
        self.published = article.meta.get("published")
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
        for sent in self.doc.sents:
            pos = sent.start_char
            for piece in re.split(r"(\n+)", self.text[sent.start_char:sent.end_char]):
                if piece.strip() and not piece.startswith("\n"):
                    lead = len(piece) - len(piece.lstrip())
                    s = pos + lead
                    e = pos + len(piece.rstrip())
                    spans.append((s, e))
                pos += len(piece)
        # spaCy sometimes splits after a closing quote mid-sentence: rejoin pieces on one line that do not
        # end a sentence
        # likewise after an honorific or rank abbreviation ("Defense Attache Brig. | Shahid Amir Afsar")
        merged: list[tuple[int, int]] = []
        abbrev = _abbreviation_end()
        for s, e in spans:
            prev = self.text[merged[-1][0]:merged[-1][1]] if merged else ""
            if merged and (not re.search(r"[.!?][”\"’']?$", prev) or abbrev.search(prev)) \
                    and "\n" not in self.text[merged[-1][1]:s]:
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
        best = None
        for name in sorted(gaz.countries, key=len, reverse=True):
            m = re.search(rf"(?<![\w-]){re.escape(name)}(?![\w-])", low)
            if m and (best is None or m.start() < best[0]):
                best = (m.start(), gaz.countries[name])
        if best:
            self.table.country(best[1])
            return best[1]
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
        gaz = gazetteer.load()
        parts = masked.offices[tag]
        title = masked.refs[parts["title"]]
        role = title.value
        country = organization = dest = city = None
        guessed = False
        for key in ("pre", "pre2", "of"):
            ref = masked.refs.get(parts.get(key))
            if ref is None:
                continue
            if ref.kind in ("CTY", "DEM"):
                country = ref.value
            elif ref.kind == "ORG":
                organization = self.org(ref)
            elif ref.kind == "GPE" and key == "of":
                city = self.place(ref)
        if parts.get("to"):
            dest = masked.refs[parts["to"]].value
        if organization and not country:
            country = self.org_country(organization)
        label = role
        if title.extra.get("remit"):
            label = f"{role} {_remit_label(title.extra['remit'])}"
        if role in gaz.envoy_offices:
            dest = dest or (self.host if self.host != country else None)
            if dest:
                label = f"{role} to {dest}"
                self.table.country(dest)
        elif city:
            label = f"{role} of {city}"
        explicit = bool(country)
        # a legislature or party whose name states no country ("the National Assembly", "UPND") is placed as
        # the office would be without it
        national = organization and orgs.org_kind(organization) in ("GovernmentBody", "PoliticalParty")
        if not country and (not organization or national) and (role in gaz.head_offices or role in gaz.government_offices
                                                                or (national and role in gaz.body_offices)):
            # no cue in the office's own phrase: a country the sentence names outside every other office
            # phrase, else the host (dateline) country; a head of state/government takes the host when the
            # sentence is ambiguous, other offices are left without one (the builder may still use the
            # person's country known from earlier facts)
            free = _free_countries(masked, tag)
            if len(set(free)) == 1:
                country = free[0]
            elif not free or role in gaz.head_offices:
                country = self.host
            guessed = len(set(free)) != 1
        if not organization and (builders.STAFF.search(role) or role in gaz.envoy_offices):
            mission = self._mission_for(masked)
            if mission and (builders.STAFF.search(role) or (country and self.org_country(mission) == country)
                            or (not country and role in gaz.mission_heads)):
                organization = mission
                country = country or self.org_country(organization)
        if country:
            self.table.country(country)
        status = builders.STATUS.get(parts.get("status", ""), None)
        if role.endswith("-designate"):
            status = "designate"
        surface = f"{title.surface} {title.extra['remit']}" if title.extra.get("remit") else title.surface
        return {"role": role, "label": label, "surface": surface, "country": country,
                "organization": organization, "status": status, "guessed": guessed, "explicit": explicit}

    def _mission_for(self, masked) -> str | None:
        """The mission a staff title belongs to: one the sentence names, else the article's only one, else the
        most fully named of the article's missions when they are all one country's ('Spanish embassy',
        'Embassy of Spain in Manila')."""
        here = [r for r in masked.refs.values() if r.kind == "ORG" and r.extra.get("kind") == "DiplomaticMission"]
        if len({r.value for r in here}) == 1:
            return self.org(here[0])
        missions = sorted({e.label for e in self.table.entities.values() if e.kind == "DiplomaticMission"})
        if len({self.org_country(x) for x in missions}) == 1 and (len(missions) == 1 or self.org_country(missions[0])):
            return max(missions, key=len)
        return None

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
            refs = [r for r in masked.refs.values() if r.kind == kind and not r.extra.get("ref")]
            led = [r for r in refs if _PLACE_LEAD.search(self.text[max(masked.start, r.start - 60):r.start])]
            for ref in led + refs:
                return self.place(ref)
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

    def frame_date(self, frame, masked):
        if not frame.get("date"):
            frame["date"] = self.sentence_date(masked)
        if re.search(r"investiture", self.text[masked.start:masked.end], re.IGNORECASE):
            frame["investiture"] = True

    def cred_frame(self, masked, to) -> dict:
        frame = self.frames.get("cred")
        if frame is None:
            frame = {"to": to, "envoys": {}, "date": self.sentence_date(masked), "place": self.sentence_place(masked)}
            frame["country"] = next(iter(self.countries.get(to, ())), None) or self.host
            self.frames["cred"] = frame
        return frame

    def meeting(self, people, masked, rule, date=None, place=None):
        args = {"participants": sorted(set(people)), "date": date or self.sentence_date(masked),
                "place": place or self.sentence_place(masked)}
        self.add_fact("meeting", args, masked, rule.confidence, rule.name)

    # --- facts ----------------------------------------------------------------------------------------------
    def add_fact(self, ftype, args, masked, confidence, rule, evidence=None):
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
        quote = self.text[begin:end]
        self.facts.append(Fact(ftype, args, locate_quote(self.text, quote, begin), confidence, rule))


def _free_countries(masked, tag) -> list[str]:
    """Countries (names, demonyms, capitals) a sentence names outside the phrases of its other offices: in
    "Foreign Minister A and the Senegalese Minister B", 'Senegalese' belongs to B's office, not A's."""
    gaz = gazetteer.load()
    taken = {v for t, parts in masked.offices.items() if t != tag
             for k, v in parts.items() if k in ("pre", "pre2", "of", "to")}
    taken |= {parts.get("to") for parts in masked.offices.values()}
    out = []
    for ph, m in masked.refs.items():
        if ph in taken:
            continue
        if m.kind in ("CTY", "DEM"):
            out.append(m.value)
        elif m.kind == "GPE" and m.value.lower() in gaz.capitals and _PLACE_LEAD.search(masked.text[:masked.text.find(ph)]):
            out.append(gaz.capitals[m.value.lower()])  # where it happens ("in Colombo"), not whence ("from Male")
    return out


def host_country(ctx: Context, mentions) -> str | None:
    gaz = gazetteer.load()
    body = ctx.text.split("\n\n", 1)[-1]
    m = DATELINE.match(body)
    if m and m.group("city").strip().lower() in gaz.capitals:
        return gaz.capitals[m.group("city").strip().lower()]
    dests = re.findall(r"(?:ambassador|envoy|high commissioner)s?(?:-designate)?\s+(?:of\s+[\w ]+?\s+)?(?:\([^)]*\)\s+)?to\s+([A-Z][\w ]+?)\b(?=[,.;]|\s)", ctx.text, re.IGNORECASE)
    for d in dests:
        for n in sorted(gaz.country_names, key=len, reverse=True):
            if d.lower().startswith(n):
                return gaz.country_names[n]
    counts = Counter(m.value for m in mentions if m.kind in ("CTY",))
    return counts.most_common(1)[0][0] if counts else None


