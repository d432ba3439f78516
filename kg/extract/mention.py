"""The mention record every mention finder produces, and the capitalised-word pattern they share (kept
apart from kg.extract.mentions so the finders it calls can build mentions without importing it back)."""

from __future__ import annotations

from dataclasses import dataclass, field

CAP = r"[A-Z\u00C0-\u00DE\u0100-\u017F][\w’'\-\u00C0-\u024F]*"  # a capitalised word
# what may follow a name set off after its title ("the Prime Minister of Portugal, X witnessed ..."): punctuation,
# a lower-case word or the end, not more capitalised words, which would make the name a guess
APPOSED_NAME_END = r"\s*(?:[,.;:)]|[a-z]|$)"


@dataclass
class Mention:
    start: int
    end: int
    kind: str  # PER TTL ORG CTY DEM GPE VEN AWD REF
    surface: str
    value: str | None = None  # canonical label (or office, or reference phrase)
    extra: dict = field(default_factory=dict)
    entity: str | None = None  # resolved entity label

    def overlaps(self, other: "Mention") -> bool:
        return self.start < other.end and other.start < self.end
