"""The three real PDFs of the peer corpus (read in place): every table value and the
meta the expected files hold, and the reader's view of their hardest spots."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from ogi import parse
from ogi.document import Table
from ogi.readers.pdf import read_pdf

PEER = Path(__file__).resolve().parents[2] / "shared" / "corpus" / "peer"
PDFS = sorted(PEER.glob("*.pdf")) if PEER.is_dir() else []
pytestmark = pytest.mark.skipif(not PDFS, reason=f"peer corpus not found at {PEER}")


def _flat(tree: dict, prefix: str = "") -> dict:
    out = {}
    for k, v in tree.items():
        if isinstance(v, dict):
            out.update(_flat(v, f"{prefix}{k}."))
        else:
            out[prefix + k] = v
    return out


@pytest.mark.parametrize("pdf", PDFS, ids=lambda p: p.stem)
def test_every_value_and_meta(pdf):
    expected = json.loads((PEER / "expected" / f"{pdf.stem}.json").read_text())
    got = parse(pdf)
    tables = {t: getattr(got, t) for t in ("table2", "table3", "table4")}
    for table in ("table2", "table3", "table4"):
        want = _flat(expected[table])
        have = _flat(tables[table])
        assert {k: have.get(k) for k in want} == want, table
    meta = expected["meta"]
    assert got.meta.year == meta["year"] and got.meta.template == meta["template"]
    assert meta["agency_contains"] in (got.meta.agency or "")


def test_vertical_and_broken_labels_are_whole_cells():
    doc = read_pdf((PEER / "huaian_city_2024.pdf").read_bytes())
    texts = [c.text for b in doc.blocks if isinstance(b, Table) for c in b.cells]
    assert "三、本年度办理结果" in texts  # printed one character a line
    assert "（六）其他处理" in texts  # printed '（六）其\n他处理'
    assert "（四）无" in texts and "法提供" in texts  # the group label broken by the page
    assert not any(t.strip() in ("- 1 -", "- 2 -") for b in doc.blocks if not isinstance(b, Table) for t in [b.text])
