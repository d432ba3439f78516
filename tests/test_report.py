"""`kg report`: what the overview computes on the golden network, escaping, determinism, the command."""

from __future__ import annotations

from network_support import golden_graph
from test_viewer_support import XSS_IMG, XSS_SCRIPT, hostile_graph

from kg.report import report_html
from kg.report.data import overview


def test_overview_of_the_golden_network():
    ov = overview(golden_graph())
    counts = dict(ov.fact_counts)
    assert counts["meeting"] == 7 and counts["holds_office"] == 6 and counts["award_conferral"] == 1
    # C presented the award in 2020, when C was in Org P (Pakistan); the recipient is D
    (state, awards, recipients), = ov.conferring_states
    assert (ov.data.name(state), awards, [ov.data.name(r) for r, _ in recipients]) == ("Pakistan", 1, ["Person D"])
    months = dict(ov.meetings_per_month)
    assert months["2020-02"] == 1 and months["2019-07"] == 0 and len(months) == 22  # 2019-06 .. 2021-03
    strongest = ov.strongest[0]
    assert (ov.data.name(strongest.source), ov.data.name(strongest.target), strongest.weight) == (
        "Person A", "Person B", 2)


def test_hostile_labels_are_escaped_and_the_page_has_no_script():
    page = report_html(hostile_graph(), title=f"T {XSS_SCRIPT}")
    assert "<script" not in page.lower() and "<img" not in page.lower()
    assert "&lt;img src=x onerror=&quot;window.__pwned=1&quot;&gt;" in page
    assert "default-src 'none'" in page
    assert XSS_IMG not in page


def test_report_is_deterministic():
    assert report_html(golden_graph()) == report_html(golden_graph())


def test_kg_report_writes_one_file(kg, tmp_path):
    out = tmp_path / "overview.html"
    result = kg("report", "--out", str(out))
    assert result.returncode == 0, result.stderr
    text = out.read_text(encoding="utf-8")
    assert "Song Tao" in text and "graph.html#select=" in text
    assert kg("report", "--out", str(tmp_path)).returncode == 2
    missing = kg("report", "--data", str(tmp_path / "missing.ttl"), "--out", str(tmp_path / "x.html"))
    assert missing.returncode == 2 and "missing.ttl" in missing.stderr and not (tmp_path / "x.html").exists()
