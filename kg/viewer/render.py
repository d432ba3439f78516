"""View model -> one self-contained HTML page: our template, CSS and script, vis-network (the copy pyvis
ships) inlined, and the data as a JSON block. Nothing is fetched when the page opens.

Records (nodes, edges, facts, evidence spans) are written as columns, IRIs as namespace + local name,
and each sentence around a quote once (see evidence.py): the page's script turns them back into objects.
The data comes in two blocks: what drawing and filtering the graph needs (#kg-data, read at opening), and
what only the details panel shows (#kg-details: facts' summaries, roles and quotes, the sentences, the
articles; read the first time a detail is shown), more than half of a big page that opening no longer
parses.

Every string from the graph is untrusted: the JSON block escapes <, >, & (and the JS line separators) so
no label can end the script element, and the page's script only puts text into the DOM via textContent.
Output is deterministic: sorted keys, a fixed layout, no timestamps.
"""

from __future__ import annotations

import html
import json
import re
from dataclasses import dataclass
from importlib import resources

from kg.viewer.layout import layout
from kg.viewer.model import ViewModel
from kg.viewer.styles import NODE_CLASSES

VIS_VERSION = "vis-9.1.2"
_JSON_ESCAPES = {"<": "\\u003c", ">": "\\u003e", "&": "\\u0026", "\u2028": "\\u2028", "\u2029": "\\u2029"}


@dataclass(frozen=True)
class RenderOptions:
    title: str = "Diplomacy knowledge graph"
    collapsed: bool = False  # start with n-ary facts drawn as direct edges


def asset(name: str) -> str:
    return (resources.files("kg.viewer") / "assets" / name).read_text(encoding="utf-8")


def vis_network_js() -> str:
    """vis-network as bundled with pyvis (no CDN)."""
    try:
        path = resources.files("pyvis") / "lib" / VIS_VERSION / "vis-network.min.js"
        return path.read_text(encoding="utf-8")
    except (ModuleNotFoundError, FileNotFoundError) as exc:  # pragma: no cover - broken install
        raise RuntimeError(f"pyvis's bundled vis-network ({VIS_VERSION}) is missing: reinstall pyvis==0.3.2") from exc


def script_json(data) -> str:
    """JSON safe to put inside <script>: no '<', '>' or '&' left, so no '</script>' or '<!--' can occur."""
    text = json.dumps(data, ensure_ascii=False, sort_keys=True, separators=(",", ":"), allow_nan=False)
    return re.sub("[<>&\u2028\u2029]", lambda m: _JSON_ESCAPES[m.group()], text)


def label_width(label: str, small: bool) -> float:
    """About how wide the label is drawn, in pixels (14px font; 11px for fact nodes)."""
    longest = max((len(line) for line in label.splitlines()), default=0)
    return min(420.0, max(40.0, longest * (6.0 if small else 7.6)))


def columns(rows: list) -> dict:
    """A list of records as one list per field ({field: [value per record]}, null where a record lacks
    it): the field names are written once instead of once per record, a third of a big page."""
    keys = sorted({k for row in rows for k in row})
    return {k: [row.get(k) for row in rows] for k in keys}


class IriTable:
    """IRIs as [namespace index, local name]: the namespace (up to the last '/' or '#') is written once."""

    def __init__(self):
        self.namespaces: list = []
        self._index: dict = {}

    def __call__(self, iri: str) -> list:
        cut = max(iri.rfind("/"), iri.rfind("#")) + 1
        namespace = iri[:cut]
        if namespace not in self._index:
            self._index[namespace] = len(self.namespaces)
            self.namespaces.append(namespace)
        return [self._index[namespace], iri[cut:]]


def payload(model: ViewModel, options: RenderOptions) -> tuple[dict, dict]:
    """(what the page reads at opening, what it reads for the details panel)"""
    widths = {n.id: label_width(n.label, n.cls == "fact") for n in model.nodes}
    positions = layout([n.id for n in model.nodes], [(e.source, e.target) for e in model.edges if e.mode != "flat"],
                       widths)
    iri = IriTable()
    labels = {n.id: n.label for n in model.nodes}
    nodes, node_details = [], []
    for n in model.nodes:
        x, y = positions[n.id]
        item = {"id": n.id, "label": n.label, "cls": n.cls, "x": x, "y": y, "deg": n.degree}
        if n.cls == "fact":
            item["fact"] = n.fact
            node_details.append({})
        else:
            item.update({"iri": iri(n.iri), "alt": n.alt, "facts": n.facts})
            node_details.append({"wd": n.wikidata, "props": n.props})
        nodes.append(item)
    facts, fact_details = [], []
    for f in model.facts:
        # A role's text is left out when it is the label of the node it links to (the page reads it there).
        roles = [[name, node, "" if node and labels.get(node) == text else text] for name, node, text in f.roles]
        facts.append({"type": f.type, "range": list(f.range)})
        fact_details.append({"iri": iri(f.iri), "summary": f.summary, "drawn": f.drawn, "date": f.date,
                             "confidence": f.confidence, "status": f.status, "rule": f.rule, "note": f.note,
                             "roles": roles, "evidence": f.evidence})
    graph = {
        "options": {"collapsed": options.collapsed, "title": options.title},
        "classes": [{"id": c.id, "label": c.label, "colour": c.colour, "shape": c.shape, "symbol": c.symbol}
                    for c in NODE_CLASSES],
        "nodes": columns(nodes),
        "edges": columns([{"source": e.source, "target": e.target, "label": e.label, "fact": e.fact, "mode": e.mode}
                          for e in model.edges]),
        "facts": columns(facts),
        "network": {"metrics": columns(model.network.get("metrics", [])),
                    "ties": columns(model.network.get("ties", [])),
                    "communities": model.network.get("communities", 0)},
    }
    details = {
        "nodes": columns(node_details),
        "facts": columns(fact_details),
        "evidence": columns(model.evidence),
        "contexts": model.contexts,
        "articles": model.articles,
    }
    graph["namespaces"] = iri.namespaces  # after every IRI of both blocks is in the table
    return graph, details


def render_page(model: ViewModel, options: RenderOptions | None = None) -> str:
    options = options or RenderOptions()
    data, details = payload(model, options)
    parts = {
        "TITLE": html.escape(options.title),
        "CSS": asset("viewer.css"),
        "VIS_JS": vis_network_js(),
        "DETAIL_JS": asset("detail.js"),
        "APP_JS": asset("viewer.js"),
        "NET_JS": asset("network.js"),
        "DATA": script_json(data),
        "DETAILS": script_json(details),
    }
    for name in ("CSS", "VIS_JS", "DETAIL_JS", "APP_JS", "NET_JS"):
        if re.search(r"</(script|style)", parts[name], re.IGNORECASE):
            raise RuntimeError(f"asset {name} would end its element early")
    # One pass over the template only, so text inside an inserted part is never substituted again.
    return re.sub(r"\{\{([A-Z_]+)\}\}", lambda m: parts[m.group(1)], asset("viewer.html"))
