"""The corpus overview as one self-contained HTML page: inline CSS and SVG, no script, no request (a
Content-Security-Policy forbids any). Every string from the graph is escaped; links open the viewer
(graph.html beside the report) on an actor, a tie or a month."""

from __future__ import annotations

from html import escape
from urllib.parse import quote

from kg.network.actors import Tie
from kg.report.data import TOP, Overview, month_bounds
from kg.report.svg import bar_chart, column_chart

CSS = """
body{font:14px/1.45 system-ui,sans-serif;margin:0 auto;max-width:1100px;padding:16px 24px;color:#222}
h1{font-size:22px}h2{font-size:17px;margin-top:28px;border-bottom:1px solid #ddd}
table{border-collapse:collapse;margin:6px 0}td,th{padding:3px 8px;border-bottom:1px solid #eee;text-align:left;
vertical-align:top}th{background:#f4f4f4}td.n{text-align:right;font-variant-numeric:tabular-nums}
.hint{color:#666}.chart text{font:12px sans-serif;fill:#222}.chart a:hover rect{fill:#c0392b}
a{color:#1f5d99}.grid{display:grid;grid-template-columns:1fr 1fr;gap:24px}
"""


class Links:
    """Fragments the viewer reads on opening: select an actor, show a tie, or set the date filter."""

    def __init__(self, viewer: str):
        self.viewer = viewer

    def actor(self, iri: str) -> str:
        return f"{self.viewer}#select={quote(iri, safe='')}"

    def tie(self, tie: Tie) -> str:
        return f"{self.viewer}#tie={quote(tie.source, safe='')}|{quote(tie.target, safe='')}"

    def dates(self, first: str, last: str) -> str:
        return f"{self.viewer}#from={first}&to={last}"


def _link(href: str, text: str) -> str:
    return f'<a href="{escape(href)}">{escape(text)}</a>'


def _table(head: tuple, rows: list) -> str:
    """rows of already escaped cells; numeric cells are ints."""
    out = ["<table><tr>" + "".join(f"<th>{escape(h)}</th>" for h in head) + "</tr>"]
    for row in rows:
        cells = "".join(f'<td class="n">{c}</td>' if isinstance(c, int) else f"<td>{c}</td>" for c in row)
        out.append(f"<tr>{cells}</tr>")
    return "".join(out) + "</table>"


def sections(ov: Overview, links: Links) -> list:
    data, analysis = ov.data, ov.analysis
    name = data.name
    total = sum(c for _, c in ov.fact_counts)
    parts = [f"<h2>Facts by type ({total})</h2>",
             bar_chart([(t.replace("_", " "), c, None) for t, c in ov.fact_counts])]
    central = analysis.nodes[:TOP]
    parts.append(f"<h2>Most central actors (of {len(analysis.nodes)}, by PageRank)</h2>")
    parts.append(_table(("actor", "class", "ties", "facts", "betweenness", "PageRank"), [
        (_link(links.actor(m.iri), m.name), escape(m.cls), m.degree, m.weighted_degree, f"{m.betweenness:.3f}",
         f"{m.pagerank:.3f}") for m in central]) if central else '<p class="hint">No ties.</p>')
    parts.append("<h2>States that confer the most awards, and on whom</h2>")
    parts.append(_table(("state", "awards", "recipients"), [
        (_link(links.actor(state), name(state)), count,
         ", ".join(_link(links.actor(r), name(r)) + (f" ({n})" if n > 1 else "") for r, n in recipients[:12])
         + (f" and {len(recipients) - 12} more" if len(recipients) > 12 else ""))
        for state, count, recipients in ov.conferring_states[:TOP]])
        if ov.conferring_states else '<p class="hint">No award conferral names a state.</p>')
    months = ov.meetings_per_month
    parts.append(f"<h2>Meetings per month ({sum(c for _, c in months)} dated meetings)</h2>")
    parts.append(column_chart([(m, c, links.dates(*month_bounds(m))) for m, c in months]))
    parts.append("<h2>Strongest ties</h2>")
    parts.append(_table(("from", "to", "kind", "facts", "first", "last"), [
        (_link(links.actor(t.source), name(t.source)), _link(links.actor(t.target), name(t.target)),
         _link(links.tie(t), t.kind), t.weight, escape(t.first), escape(t.last)) for t in ov.strongest])
        if ov.strongest else '<p class="hint">No ties.</p>')
    return parts


def render(ov: Overview, title: str, viewer: str) -> str:
    body = "\n".join(sections(ov, Links(viewer)))
    return f"""<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">
<title>{escape(title)}</title>
<style>{CSS}</style>
</head>
<body>
<h1>{escape(title)}</h1>
<p class="hint">{len(ov.data.facts)} facts between actors; {len(ov.analysis.nodes)} actors tied in the person view.
Links open the viewer (<a href="{escape(viewer)}">{escape(viewer)}</a>) on the actor, the tie or the month.</p>
{body}
</body>
</html>
"""
