"""An analysis as text: a terminal table, CSV or JSON (for notebooks). Deterministic: the same analysis
gives the same bytes."""

from __future__ import annotations

import csv
import io
import json

from kg.network.metrics import Analysis

NODE_COLUMNS = ("rank", "name", "class", "degree", "weighted_degree", "betweenness", "pagerank", "community",
                "iri")
MEMBERS_SHOWN = 6


def node_rows(analysis: Analysis, top: int | None) -> list:
    chosen = analysis.nodes if not top else analysis.nodes[:top]
    return [[i, m.name, m.cls, m.degree, m.weighted_degree, f"{m.betweenness:.4f}", f"{m.pagerank:.4f}",
             m.community, m.iri] for i, m in enumerate(chosen, start=1)]


def community_rows(analysis: Analysis, top: int | None) -> list:
    names = {m.iri: m.name for m in analysis.nodes}
    chosen = analysis.communities if not top else analysis.communities[:top]
    rows = []
    for c in chosen:
        shown = ", ".join(names[i] for i in c.members[:MEMBERS_SHOWN])
        more = len(c.members) - MEMBERS_SHOWN
        rows.append([c.id, len(c.members), len(c.facts), shown + (f" (+{more} more)" if more > 0 else "")])
    return rows


def text_table(columns, rows) -> str:
    cells = [[str(c) for c in columns]] + [[_clip(str(v)) for v in row] for row in rows]
    widths = [max(len(row[i]) for row in cells) for i in range(len(columns))]
    lines = [" | ".join(v.ljust(w) for v, w in zip(row, widths)).rstrip() for row in cells]
    lines.insert(1, "-+-".join("-" * w for w in widths))
    return "\n".join(lines)


def _clip(text: str, width: int = 70) -> str:
    return text if len(text) <= width else text[: width - 1] + "\u2026"


def as_table(analysis: Analysis, top: int | None) -> str:
    columns = [c for c in NODE_COLUMNS if c != "iri"]
    nodes = [row[:-1] for row in node_rows(analysis, top)]
    parts = [f"Actors ({len(analysis.nodes)} in the {analysis.network.view} view"
             + (f", top {top} shown" if top and top < len(analysis.nodes) else "") + ")",
             text_table(columns, nodes), "",
             f"Communities ({len(analysis.communities)})",
             text_table(("community", "size", "facts", "members, most central first"), community_rows(analysis, top))]
    return "\n".join(parts) + "\n"


def as_csv(analysis: Analysis, top: int | None) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(NODE_COLUMNS)
    writer.writerows(node_rows(analysis, top))
    return out.getvalue()


def as_json(analysis: Analysis, top: int | None, notes: list) -> str:
    net = analysis.network
    chosen = analysis.nodes if not top else analysis.nodes[:top]
    data = {
        "view": net.view,
        "notes": notes,
        "betweenness_sampled_sources": analysis.betweenness_sampled,
        "nodes": [{"iri": m.iri, "name": m.name, "class": m.cls, "degree": m.degree,
                   "weighted_degree": m.weighted_degree, "betweenness": m.betweenness, "pagerank": m.pagerank,
                   "community": m.community} for m in chosen],
        "communities": [{"id": c.id, "members": c.members, "facts": c.facts} for c in analysis.communities],
        "ties": [{"source": t.source, "target": t.target, "kind": t.kind, "directed": t.directed,
                  "weight": t.weight, "first": t.first, "last": t.last, "facts": sorted(t.facts)}
                 for t in net.ties],
    }
    return json.dumps(data, ensure_ascii=False, indent=1, sort_keys=True) + "\n"


FORMATS = {"table": lambda a, top, notes: as_table(a, top), "csv": lambda a, top, notes: as_csv(a, top),
           "json": as_json}
