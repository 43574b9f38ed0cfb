"""The DOCX reader (python-docx): spans from gridSpan and vMerge, nested tables, content
controls, body order; a whole 2021-format report; the blank official form; bad files."""

from __future__ import annotations

from pathlib import Path

import pytest
from fixtures.docx import build

from ogi import parse
from ogi.document import Paragraph, Table
from ogi.readers import UnreadableFile, read
from ogi.readers.docx import read_docx
from ogi.template.formats import FORMATS

TEMPLATE = Path(__file__).resolve().parents[2] / "shared/corpus/peer/templates/gov_disclosure_annual_report_template_2021.docx"


def _describe(doc) -> list:
    out = []
    for b in doc.blocks:
        if isinstance(b, Paragraph):
            out.append(b.text)
        else:
            out.append([[(c.text, c.rowspan, c.colspan) for c in row] for row in b.rows()])
    return out


def test_spans_nesting_content_controls_and_body_order():
    doc = read_docx(build.generic())
    assert doc.format == "docx"
    assert _describe(doc) == [
        "第一段",
        [[("左上合并", 2, 2), ("横向合并", 1, 2)],
         [("甲", 1, 1), ("乙", 1, 1)],
         [("纵向合并", 2, 1), ("行2", 1, 1), ("20", 1, 1), ("21", 1, 1)],
         [("行3", 1, 1), ("30", 1, 1), ("31", 1, 1)]],
        [[("内表", 1, 1), ("7", 1, 1)]],  # nested in a cell: right after its table
        "控件中的段落",
        [[("控件表", 1, 1), ("5", 1, 1)]],
        "框内段落",  # a one-cell frame table is unwrapped
        [[("框内表", 1, 1), ("3", 1, 1)]],
        "最后一段",
    ]
    grid = next(b for b in doc.blocks if isinstance(b, Table))
    assert [(c.row, c.col) for c in grid.cells if c.text == "行3"] == [(3, 1)]
    assert all(c.pos.line for c in grid.cells)


def test_report_values_land_in_their_cells():
    report = parse(build.report_2021(), name="report.docx")
    assert (report.meta.template, report.meta.year) == ("2021", 2023)
    fmt = FORMATS["2021"]
    for table in ("table2", "table3"):
        values = getattr(report, table)
        for i, row in enumerate(fmt.table(table).rows):
            for k, (row_key, col_key, _) in enumerate(row.cells):
                assert values[row_key][col_key] == build.value(table, i, k), (table, row_key, col_key)
    t4 = report.table4
    assert [t4[g][r] for g in ("review", "litigation_direct", "litigation_after_review")
            for r in ("upheld", "corrected", "other", "pending", "total")] == [build.value("table4", 0, k) for k in range(15)]


@pytest.mark.skipif(not TEMPLATE.exists(), reason=f"peer template not found at {TEMPLATE}")
def test_blank_official_form_is_2021_with_no_data():
    report = parse(TEMPLATE)
    assert report.meta.template == "2021"
    assert all(v is None for t in (report.table2, report.table3, report.table4) for row in t.values() for v in row.values())
    assert "NO_DATA" in {f.code for f in report.findings}


@pytest.mark.parametrize("damage", [build.truncated, build.with_broken_xml], ids=["truncated", "broken-xml"])
def test_damaged_docx(damage):
    with pytest.raises(UnreadableFile):
        read(damage(build.generic()), "x.docx")


def test_encrypted_word_file():
    fake = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 504 + "EncryptedPackage".encode("utf-16-le") + b"\x00" * 512
    with pytest.raises(UnreadableFile, match="encrypted"):
        read(fake, "x.docx")


def test_row_label_with_a_space_after_its_number():
    """'1. 属于国家秘密': the '1' numbers the label, it is not a value."""
    from ogi.extract import extract

    doc = read_docx(build.report_2021())
    for table in (b for b in doc.blocks if isinstance(b, Table)):
        for cell in table.cells:
            if cell.text == "1.属于国家秘密":
                cell.text = "1. 属于国家秘密"
    report = extract(doc)
    row = FORMATS["2021"].table("table3").rows.index(FORMATS["2021"].table("table3").row("denied.state_secret"))
    assert report.table3["denied.state_secret"]["natural_person"] == build.value("table3", row, 0)
