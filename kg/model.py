"""The fact model: which kinds of entity exist, which fact types exist and what arguments each takes.

This module is the single registry both the reviewed facts files and the extractor are checked against,
and that the RDF mapping, the evaluator and the viewer read. It holds no RDF: see kg.rdfmap for that.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

# Entity kinds, grouped so that an argument can accept "any organisation" or "any place".
PERSON = ("Person",)
ORGANIZATIONS = ("Organization", "PoliticalParty", "GovernmentBody", "DiplomaticMission", "OrganizationalUnit")
PLACES = ("Country", "City", "Region", "Place")
EVENTS = ("Event", "Ceremony")
ENTITY_KINDS = PERSON + ORGANIZATIONS + PLACES + EVENTS + ("Role", "Post", "Award", "Document")

# Literal argument kinds.
DATE = "date"  # ISO 8601: YYYY, YYYY-MM or YYYY-MM-DD
TEXT = "text"
NUMBER = "number"

STATUSES = ("current", "former", "outgoing", "designate", "acting")
COMPARATORS = ("exactly", "more than", "at least", "less than", "at most", "about")


@dataclass(frozen=True)
class Arg:
    """One argument of a fact type: an entity reference (accepting some kinds) or a literal."""

    name: str
    kinds: tuple[str, ...] = ()
    literal: str | None = None
    required: bool = False
    many: bool = False
    choices: tuple[str, ...] = ()
    doc: str = ""

    @property
    def is_entity(self) -> bool:
        return self.literal is None


@dataclass(frozen=True)
class FactType:
    name: str
    doc: str
    args: tuple[Arg, ...]
    # The arguments that say *which* fact this is: two facts equal on these are the same fact,
    # whatever their quotes, so they share one node (with several pieces of evidence).
    identity: tuple[str, ...] = field(default=())

    def arg(self, name: str) -> Arg | None:
        return next((a for a in self.args if a.name == name), None)

    @property
    def identity_args(self) -> tuple[str, ...]:
        return self.identity or tuple(a.name for a in self.args)


_AGENT = PERSON + ORGANIZATIONS + ("Post", "Country")
_WHERE = PLACES + ORGANIZATIONS

FACT_TYPES: dict[str, FactType] = {
    ft.name: ft
    for ft in (
        FactType(
            "holds_office",
            "A person holds (or held) an office, in an organisation and/or for a country.",
            (
                Arg("person", PERSON, required=True),
                Arg("office", ("Role",), required=True, doc="the role, e.g. Vice Minister"),
                Arg("organization", ORGANIZATIONS, doc="where the post is"),
                Arg("country", ("Country",), doc="the country the post serves"),
                Arg("status", literal=TEXT, choices=STATUSES, doc="current unless stated"),
                Arg("start", literal=DATE),
                Arg("end", literal=DATE),
            ),
            identity=("person", "office", "organization", "country"),
        ),
        FactType(
            "award_conferral",
            "An award is conferred on a recipient, possibly presented by an envoy on someone's behalf.",
            (
                Arg("award", ("Award",), required=True),
                Arg("recipient", PERSON + ORGANIZATIONS, required=True),
                Arg("conferred_by", _AGENT, doc="the authority that confers it"),
                Arg("presented_by", PERSON, doc="who hands it over"),
                Arg("on_behalf_of", _AGENT),
                Arg("date", literal=DATE, doc="day of the presentation"),
                Arg("place", _WHERE),
                Arg("reason", literal=TEXT),
                Arg("ceremony", EVENTS),
            ),
            identity=("award", "recipient", "date"),
        ),
        FactType(
            "attended",
            "A person attended an event.",
            (Arg("person", PERSON, required=True), Arg("event", EVENTS, required=True)),
        ),
        FactType(
            "meeting",
            "Two or more parties met or held talks.",
            (
                Arg("participants", PERSON + ORGANIZATIONS, required=True, many=True),
                Arg("date", literal=DATE),
                Arg("place", _WHERE),
                Arg("event", EVENTS),
            ),
            identity=("participants", "date"),
        ),
        FactType(
            "credentials_presented",
            "An envoy presented letters of credence to a head of state (or their representative).",
            (
                Arg("envoy", PERSON, required=True),
                Arg("to", PERSON + ("Post",), required=True),
                Arg("date", literal=DATE),
                Arg("place", _WHERE),
                Arg("event", EVENTS),
            ),
            identity=("envoy", "to", "date"),
        ),
        FactType(
            "signed",
            "A person signed a document (agreement, MoU) on a date.",
            (
                Arg("person", PERSON + ORGANIZATIONS, required=True),
                Arg("document", ("Document",), required=True),
                Arg("date", literal=DATE),
                Arg("place", _WHERE),
            ),
            identity=("person", "document"),
        ),
        FactType(
            "member_of",
            "A person is a member of an organisation (a party, a committee, a parliament).",
            (Arg("person", PERSON, required=True), Arg("organization", ORGANIZATIONS, required=True)),
        ),
        FactType(
            "part_of",
            "An organisation is part of (an organ, unit or body of) another.",
            (Arg("organization", ORGANIZATIONS, required=True), Arg("parent", ORGANIZATIONS, required=True)),
        ),
        FactType(
            "located_in",
            "A place, building or organisation is located in a place.",
            (Arg("place", _WHERE + EVENTS, required=True), Arg("in", PLACES, required=True)),
        ),
        FactType(
            "founded",
            "An organisation exists since (was founded in) a year or date.",
            (Arg("organization", ORGANIZATIONS, required=True), Arg("date", literal=DATE, required=True)),
        ),
        FactType(
            "event_held",
            "An event took place on a date and/or at a place.",
            (Arg("event", EVENTS, required=True), Arg("date", literal=DATE), Arg("place", _WHERE)),
            identity=("event",),
        ),
        FactType(
            "quantity",
            "A counted quantity the article gives about an entity: 'over 70 million members'.",
            (
                Arg("subject", ENTITY_KINDS, required=True),
                Arg("measure", literal=TEXT, required=True, doc="what is counted, e.g. members"),
                Arg("value", literal=NUMBER, required=True),
                Arg("comparator", literal=TEXT, choices=COMPARATORS, doc="exactly unless stated"),
            ),
            identity=("subject", "measure"),
        ),
    )
}


_DATE_RE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")


def parse_date(value) -> str | None:
    """Return the ISO string if value is a valid YYYY, YYYY-MM or YYYY-MM-DD date, else None."""
    import datetime as _dt

    text = str(value)
    if not _DATE_RE.match(text):
        return None
    parts = [int(p) for p in text.split("-")]
    try:
        _dt.date(parts[0], parts[1] if len(parts) > 1 else 1, parts[2] if len(parts) > 2 else 1)
    except ValueError:
        return None
    return text


def slugify(text: str) -> str:
    """A stable, readable IRI segment: lower-case ASCII words joined by hyphens."""
    import unicodedata

    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    slug = re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")
    return slug or "x"
