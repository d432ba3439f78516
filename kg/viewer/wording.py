"""Words for facts: edge labels per role, a one-line summary per fact type, the label of a fact node.

Tables keyed by fact type, so that a new fact type needs a line here and nothing else (a type with no
entry still shows, with generic wording)."""

from __future__ import annotations

# Role (argument) name -> label of the edge from a fact node to the argument (expanded view).
ROLE_LABELS = {
    "participants": "participant",
    "to": "received by",
    "place": "at",
    "event": "during",
    "ceremony": "ceremony",
    "person": "person",
    "conferred_by": "conferred by",
    "presented_by": "presented by",
    "on_behalf_of": "on behalf of",
}

# Fact type -> (pivot role, {other role: edge label}) for the collapsed view: the fact node is replaced by
# edges from the pivot argument to the others. Meetings are a clique of "met" edges instead.
COLLAPSED = {
    "award_conferral": ("award", {"recipient": "conferred on", "conferred_by": "conferred by",
                                  "presented_by": "presented by", "on_behalf_of": "on behalf of",
                                  "place": "conferred at", "ceremony": "conferred during"}),
    "credentials_presented": ("envoy", {"to": "presented credentials to", "place": "credentials at",
                                        "event": "credentials during"}),
    "signed": ("person", {"document": "signed", "place": "signed at"}),
}

# Binary facts: fact type -> (edge label, reversed?) for subject --label--> object.
BINARY_LABELS = {
    "attended": ("attended", True),  # stored as event schema:attendee person; read person attended event
    "member_of": ("member of", False),
    "part_of": ("part of", False),
    "located_in": ("located in", False),
}

FACT_NODE_LABELS = {
    "award_conferral": lambda a: f"{_first(a, 'award') or 'award'} conferral",
    "meeting": lambda a: "meeting",
    "credentials_presented": lambda a: "credentials",
    "signed": lambda a: "signing",
}


def role_label(role: str) -> str:
    return ROLE_LABELS.get(role, role.replace("_", " "))


def _first(args: dict, name: str) -> str:
    values = args.get(name) or []
    return values[0] if values else ""


def _join(names: list[str]) -> str:
    if len(names) <= 1:
        return "".join(names)
    return ", ".join(names[:-1]) + " and " + names[-1]


def _tail(args: dict) -> str:
    parts = [p for p in (_first(args, "date"), _first(args, "place")) if p]
    return ", " + ", ".join(parts) if parts else ""


def _award(a: dict) -> str:
    text = f"{_first(a, 'award')} conferred on {_first(a, 'recipient')}"
    if a.get("conferred_by"):
        text += f" by {_first(a, 'conferred_by')}"
    if a.get("presented_by"):
        text += f", presented by {_first(a, 'presented_by')}"
    if a.get("on_behalf_of") and a.get("on_behalf_of") != a.get("conferred_by"):
        text += f" on behalf of {_first(a, 'on_behalf_of')}"
    return text + _tail(a)


def _office(a: dict) -> str:
    status = _first(a, "status")
    text = f"{_first(a, 'person')} {'held' if status == 'former' else 'holds'} {_first(a, 'post') or _first(a, 'office')}"
    if status and status not in ("current", "former"):
        text += f" ({status})"
    span = " to ".join(p for p in (_first(a, "start"), _first(a, "end")) if p)
    return text + (f", {span}" if span else "")


def _quantity(a: dict) -> str:
    comparator = _first(a, "comparator")
    comparator = "" if comparator in ("", "exactly") else comparator + " "
    return f"{_first(a, 'subject')}: {comparator}{_first(a, 'value')} {_first(a, 'measure')}"


SUMMARIES = {
    "award_conferral": _award,
    "holds_office": _office,
    "meeting": lambda a: f"{_join(a.get('participants') or [])} met" + _tail(a),
    "credentials_presented": lambda a: f"{_first(a, 'envoy')} presented credentials to {_first(a, 'to')}" + _tail(a),
    "signed": lambda a: f"{_first(a, 'person')} signed {_first(a, 'document')}" + _tail(a),
    "event_held": lambda a: f"{_first(a, 'event')} held" + _tail(a),
    "quantity": _quantity,
    "attended": lambda a: f"{_first(a, 'person')} attended {_first(a, 'event')}",
    "member_of": lambda a: f"{_first(a, 'person')} is a member of {_first(a, 'organization')}",
    "part_of": lambda a: f"{_first(a, 'organization')} is part of {_first(a, 'parent')}",
    "located_in": lambda a: f"{_first(a, 'place')} is located in {_first(a, 'in')}",
    "founded": lambda a: f"{_first(a, 'organization')} founded {_first(a, 'date')}",
}


def summary(fact_type: str, args: dict) -> str:
    """One line a person reads at a glance; args maps role name -> list of display strings."""
    make = SUMMARIES.get(fact_type)
    if make is not None:
        try:
            return make(args)
        except Exception:  # a fact missing a role still gets the generic wording
            pass
    parts = "; ".join(f"{role_label(k)}: {', '.join(v)}" for k, v in sorted(args.items()) if v)
    return f"{fact_type.replace('_', ' ')}: {parts}"


def fact_node_label(fact_type: str, args: dict) -> str:
    make = FACT_NODE_LABELS.get(fact_type, lambda a: fact_type.replace("_", " "))
    date = _first(args, "date")
    return make(args) + (f"\n{date}" if date else "")
