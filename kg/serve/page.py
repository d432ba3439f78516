"""The query page: one HTML page, its script and style served from this server (no CDN, nothing else
fetched), with the competency questions as examples."""

from __future__ import annotations

import json
import re
from functools import lru_cache
from importlib.resources import files

from kg.query import competency_questions

_ASSET_DIR = files("kg.serve") / "assets"
ASSETS = {
    "/query.js": ("text/javascript; charset=utf-8", (_ASSET_DIR / "query.js").read_bytes()),
    "/query.css": ("text/css; charset=utf-8", (_ASSET_DIR / "query.css").read_bytes()),
}


def examples() -> list[dict]:
    """Each competency question: its name, its question (the '# CQ' line) and its SPARQL."""
    found = []
    for name, path in sorted(competency_questions().items()):
        if not name[:2].isdigit():
            continue
        text = path.read_text(encoding="utf-8")
        title = re.sub(r"^#\s*(CQ\d+:\s*)?", "", text.splitlines()[0]).strip()
        found.append({"name": name, "title": title, "query": text})
    return found


@lru_cache(maxsize=1)
def page_html() -> str:
    data = json.dumps(examples(), ensure_ascii=True).replace("<", "\\u003c").replace(">", "\\u003e")
    data = data.replace("&", "\\u0026")
    template = (_ASSET_DIR / "query.html").read_text(encoding="utf-8")
    return template.replace("{{EXAMPLES}}", data)
