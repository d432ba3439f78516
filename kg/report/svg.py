"""Charts as inline SVG text: no script, no library, every label escaped."""

from __future__ import annotations

from html import escape

BAR_COLOUR = "#3b6ea8"


def bar_chart(rows: list, width: int = 640, bar: int = 18, label_width: int = 220) -> str:
    """Horizontal bars: rows of (label, value, href or None)."""
    if not rows:
        return '<p class="hint">Nothing to chart.</p>'
    top = max(value for _, value, _ in rows) or 1
    span = width - label_width - 60
    height = len(rows) * (bar + 6) + 4
    parts = [f'<svg class="chart" role="img" width="{width}" height="{height}" viewBox="0 0 {width} {height}">']
    for i, (label, value, href) in enumerate(rows):
        y = 2 + i * (bar + 6)
        length = max(1, round(span * value / top))
        text = escape(_clip(str(label), 34))
        item = (f'<text x="{label_width - 6}" y="{y + bar - 5}" text-anchor="end">{text}</text>'
                f'<rect x="{label_width}" y="{y}" width="{length}" height="{bar}" fill="{BAR_COLOUR}">'
                f'<title>{escape(str(label))}: {value}</title></rect>'
                f'<text x="{label_width + length + 4}" y="{y + bar - 5}">{value}</text>')
        parts.append(f'<a href="{escape(href)}">{item}</a>' if href else item)
    parts.append("</svg>")
    return "".join(parts)


def column_chart(rows: list, height: int = 180, column: int = 14) -> str:
    """Vertical columns over time: rows of (label such as 2020-11, value, href or None), in order."""
    if not rows:
        return '<p class="hint">Nothing to chart.</p>'
    top = max(value for _, value, _ in rows) or 1
    gap, base = 3, height - 34
    width = max(200, len(rows) * (column + gap) + 40)
    parts = [f'<svg class="chart" role="img" width="{width}" height="{height}" viewBox="0 0 {width} {height}">',
             f'<text x="2" y="12">{top}</text><line x1="30" y1="{base}" x2="{width}" y2="{base}" stroke="#999"/>']
    for i, (label, value, href) in enumerate(rows):
        x = 34 + i * (column + gap)
        h = max(1, round((base - 16) * value / top)) if value else 0
        item = (f'<rect x="{x}" y="{base - h}" width="{column}" height="{h}" fill="{BAR_COLOUR}">'
                f'<title>{escape(str(label))}: {value}</title></rect>')
        if i % max(1, len(rows) // 12) == 0:
            item += (f'<text x="{x}" y="{base + 14}" font-size="10" transform="rotate(30 {x} {base + 14})">'
                     f'{escape(str(label))}</text>')
        parts.append(f'<a href="{escape(href)}">{item}</a>' if href else item)
    parts.append("</svg>")
    return "".join(parts)


def _clip(text: str, width: int) -> str:
    return text if len(text) <= width else text[: width - 1] + "\u2026"
