"""Finding and reading articles: the text exactly as received, plus the optional metadata sidecar."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from kg.errors import InputError
from kg.model import parse_date, slugify
from kg.yamlio import LineDict, load_yaml

# Articles of this genre are a few kilobytes; a limit keeps memory bounded and says so plainly.
MAX_ARTICLE_BYTES = 2_000_000
META_KEYS = ("title", "published", "publisher", "source_url", "url", "note", "language")


@dataclass
class Article:
    path: Path
    text: str
    meta: dict = field(default_factory=dict)

    @property
    def slug(self) -> str:
        return slugify(self.path.stem)

    @property
    def title(self) -> str:
        return self.meta.get("title") or self.text.strip().splitlines()[0].strip()

    @property
    def published(self) -> str | None:
        return self.meta.get("published")

    @property
    def facts_path(self) -> Path:
        return self.path.with_name(self.path.stem + ".facts.yaml")

    @property
    def meta_path(self) -> Path:
        return self.path.with_name(self.path.stem + ".meta.yaml")


def find_articles(inputs: list[str | Path]) -> list[Path]:
    """Expand files and folders into article paths (folders: every *.txt in them, recursively)."""
    found: list[Path] = []
    for item in inputs:
        path = Path(item)
        if not path.exists():
            raise InputError("no such file or folder", path)
        if path.is_dir():
            articles = sorted(p for p in path.rglob("*.txt") if p.is_file())
            if not articles:
                raise InputError("folder holds no .txt articles", path)
            found.extend(articles)
        else:
            found.append(path)
    unique = sorted(set(p.resolve() for p in found))
    slugs: dict[str, Path] = {}
    for path in unique:
        other = slugs.setdefault(slugify(path.stem), path)
        if other != path:
            raise InputError(f"two articles share the name {path.stem!r}: {other} and {path}", path)
    return unique


def read_article(path: Path, known_meta: dict | None = None) -> Article:
    """The article at path with its metadata. known_meta (metadata file digest -> its metadata, filled as
    files are read) spares a rebuild of a large corpus the YAML parse of every unchanged metadata file."""
    path = Path(path)
    try:
        size = path.stat().st_size
    except FileNotFoundError:
        raise InputError("no such file", path) from None
    if size > MAX_ARTICLE_BYTES:
        raise InputError(
            f"article is {size:,} bytes; the limit is {MAX_ARTICLE_BYTES:,} bytes. Split it into articles.", path
        )
    raw = path.read_bytes()
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        raise InputError(f"not UTF-8 text (invalid byte at offset {exc.start}); save it as UTF-8", path, line) from None
    if text.startswith("\ufeff"):
        text = text[1:]
    if not text.strip():
        raise InputError("article is empty", path)
    from kg.htmltext import looks_like_html

    if looks_like_html(text):
        raise InputError("this is HTML, not plain text; save the article's text as a .txt file", path)
    meta_path = path.with_name(path.stem + ".meta.yaml")
    if known_meta is None or not meta_path.exists():
        return Article(path=path, text=text, meta=read_meta(meta_path))
    import hashlib

    key = hashlib.sha1(meta_path.read_bytes()).hexdigest()
    if key not in known_meta:
        known_meta[key] = read_meta(meta_path)  # a bad file raises here and is never remembered
    return Article(path=path, text=text, meta=dict(known_meta[key]))


def read_meta(path: Path) -> dict:
    if not path.exists():
        return {}
    data = load_yaml(path)
    if data is None:
        return {}
    if not isinstance(data, dict):
        raise InputError("metadata must be a mapping (title, published, publisher, source_url)", path)
    meta = {}
    for key, value in data.items():
        line = data.line_of(key) if isinstance(data, LineDict) else None
        if key not in META_KEYS:
            raise InputError(f"unknown metadata key {key!r}; expected one of {', '.join(META_KEYS)}", path, line)
        if value is None:
            continue
        if key == "published":
            if parse_date(value) is None:
                raise InputError(f"published must be an ISO date (YYYY-MM-DD), not {value!r}", path, line)
            value = str(value)
        meta[key] = str(value)
    if "url" in meta:
        meta.setdefault("source_url", meta.pop("url"))
    return meta
