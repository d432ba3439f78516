"""One entity, one node: merging the entities of several facts files, linking to Wikidata, minting posts."""

from __future__ import annotations

from dataclasses import replace
from importlib import resources

from kg.errors import InputError
from kg.facts import Entity, FactsDoc
from kg.yamlio import load_yaml


def wikidata_ids() -> dict[str, str]:
    """Verified Wikidata items of the project (kg/data/wikidata-ids.yaml), by label."""
    with resources.as_file(resources.files("kg") / "data" / "wikidata-ids.yaml") as path:
        return dict((load_yaml(path) or {}).get("items") or {})


class EntityMerger:
    """Pools the entities of documents one at a time, keyed by canonical label. The same label must mean
    the same kind of thing everywhere; aliases are pooled. A document that contradicts the ones before it
    is refused whole (InputError naming it), leaving the pool as it was."""

    def __init__(self):
        self.merged: dict[str, Entity] = {}
        self.origin: dict[str, FactsDoc] = {}

    def add(self, doc: FactsDoc) -> None:
        for label, entity in doc.entities.items():  # check everything before changing anything
            known = self.merged.get(label)
            for key in ("kind", "wikidata", "role", "organization", "country") if known else ():
                mine, theirs = getattr(known, key), getattr(entity, key)
                if mine and theirs and mine != theirs:
                    raise InputError(
                        f"entity {label!r} has {key} {theirs!r} here but {mine!r} in {self.origin[label].path}; "
                        "one label must name one thing",
                        doc.path,
                    )
        for label, entity in doc.entities.items():
            known = self.merged.get(label)
            if known is None:
                self.merged[label] = replace(entity, aliases=list(entity.aliases), references=list(entity.references))
                self.origin[label] = doc
                continue
            for key in ("kind", "wikidata", "role", "organization", "country"):
                if getattr(entity, key) and not getattr(known, key):
                    setattr(known, key, getattr(entity, key))
            for key in ("aliases", "references"):
                pooled = getattr(known, key)
                pooled.extend(name for name in getattr(entity, key) if name not in pooled)

    def result(self) -> dict[str, Entity]:
        link_wikidata(self.merged)
        return self.merged


def merge_entities(docs: list[FactsDoc]) -> dict[str, Entity]:
    """Union of the entities of all documents (see EntityMerger)."""
    merger = EntityMerger()
    for doc in docs:
        merger.add(doc)
    return merger.result()


def link_wikidata(entities: dict[str, Entity]) -> None:
    """Fill in Wikidata ids from the project's verified list where a label or alias matches exactly."""
    known = wikidata_ids()
    for entity in entities.values():
        if entity.wikidata or entity.kind in ("Role", "Post"):
            continue
        for name in [entity.label, *entity.aliases]:
            if name in known:
                entity.wikidata = known[name]
                break


def post_label(office: str, organization: str | None, country: str | None) -> str:
    if organization:
        return f"{office}, {organization}"
    # With neither, the post still differs from its role: a role is what the office is, a post one seat of it.
    return f"{office} of {country}" if country else f"{office} (post)"


def post_for(entities: dict[str, Entity], office: str, organization: str | None, country: str | None) -> Entity:
    """The post an office holding is of: a declared Post with the same role and place, or a new one."""
    for entity in entities.values():
        if entity.kind == "Post" and entity.role == office and (
            (organization and entity.organization == organization)
            or (not organization and not entity.organization and entity.country == country)
        ):
            return entity
    label = post_label(office, organization, country)
    existing = entities.get(label)
    if existing is not None:
        if existing.kind != "Post":
            raise InputError(f"the post label {label!r} is already used by a {existing.kind}")
        return existing
    post = Entity(label=label, kind="Post", role=office, organization=organization, country=country)
    entities[label] = post
    return post
