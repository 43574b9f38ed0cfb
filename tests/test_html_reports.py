"""HTML reports parse end to end (``ogi.parse(bytes)``) to their expected values: the
fixtures under ``fixtures/html`` (each shape a content system gives a report: see the
``notes`` of its expected file) and the real page of the peer corpus."""

from __future__ import annotations

import json

import pytest

from expected import FIXTURES, PEER, cases, differences
from ogi import parse

HTML = FIXTURES / "html"
SHUYANG = PEER / "shuyang_fgj_2023.html"
# findings of ogi.checks: the reader's tests do not wait on them (the checks have their own)
PENDING_FINDINGS = ("RULE_NOT_ASSESSABLE",)


def _differences(path, expected) -> list[str]:
    report = parse(path.read_bytes())
    return [w for w in differences(expected, report)
            if not (w.endswith("not raised") and any(c in w for c in PENDING_FINDINGS))]


@pytest.mark.parametrize("path,expected", cases(HTML), ids=lambda p: p.stem)
def test_fixture_values_and_meta(path, expected):
    assert _differences(path, expected) == []


def test_every_fixture_is_checked():
    assert len(cases(HTML)) == 7


@pytest.mark.parametrize("path,expected", cases(HTML), ids=lambda p: p.stem)
def test_fixture_tables_keep_their_identities(path, expected):
    """The expected values themselves balance, so a fixture cannot drift into nonsense."""
    exp = json.loads(expected.read_text(encoding="utf-8"))
    t3, t4 = exp["table3"], exp["table4"]
    derived = "other" if "other.other" in t3 else None  # 2021: the sum of its three sub-rows
    outcome_rows = [r for r in list(t3)[2:-2] if r != derived]
    for col in t3["total"]:
        assert t3["new_received"][col] + t3["carried_over"][col] == t3["total"][col] + t3["carried_forward"][col]
        assert sum(t3[r][col] for r in outcome_rows) == t3["total"][col]
    for row in t3.values():
        assert row["total"] == sum(v for k, v in row.items() if k != "total")
    for group in t4.values():
        assert group["total"] == group["upheld"] + group["corrected"] + group["other"] + group["pending"]


def test_split_table_is_read_as_one_stream():
    report = parse((HTML / "2023_layout_split.html").read_bytes())
    assert report.table3["unable.not_held"]["total"] == 14
    assert report.provenance["table3.unable.not_held.total"]["line"] > report.provenance["table3.granted.total"]["line"]


def test_hidden_copy_of_table_four_is_not_read():
    report = parse((HTML / "2021_nonzero_cms.html").read_bytes())
    assert report.table4["review"] == {"upheld": 5, "corrected": 2, "other": 1, "pending": 1, "total": 9}


needs_peer = pytest.mark.skipif(not SHUYANG.exists(), reason="the peer corpus is not beside the project")


@needs_peer
def test_shuyang_cells_and_meta():
    wrong = _differences(SHUYANG, PEER / "expected" / "shuyang_fgj_2023.json")
    assert [w for w in wrong if not w.startswith("meta.agency")] == []


@needs_peer
def test_shuyang_blank_cells_are_null_with_a_finding():
    report = parse(SHUYANG.read_bytes())
    assert report.table3["new_received"]["commercial"] is None
    assert report.table3["new_received"]["natural_person"] == 26
    assert any(f.code == "CELL_BLANK" for f in report.findings)


@needs_peer
def test_shuyang_agency_is_the_publishing_body():
    """The scraper's '单位：沭阳县发改局' comes first; the content system's 发布机构 row wins."""
    report = parse(SHUYANG.read_bytes())
    assert "沭阳县发展和改革局" in (report.meta.agency or "")
