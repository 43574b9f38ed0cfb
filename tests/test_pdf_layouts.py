"""Table layouts agencies print, made by ``ogi.synth.pdflayouts`` (a Word document
restyled, printed to PDF by LibreOffice): the restyling itself, and two PDFs whose cells the
reader lost before (kept as fixtures, made with ``benchmarks/pdf_layouts.py --per 3``, seed
9400: ``three_line_01``, ``no_rules_00``)."""

from __future__ import annotations

import io
import json
import random
from pathlib import Path

from docx import Document as open_document
from docx.oxml.ns import qn

from ogi import parse
from ogi.synth.pdflayouts import LAYOUTS, make

FIXTURES = Path(__file__).parent / "fixtures" / "pdf"


def _cells(part: dict, prefix: str = "") -> dict[str, object]:
    out = {}
    for k, v in part.items():
        out.update(_cells(v, f"{prefix}{k}.") if isinstance(v, dict) else {prefix + k: v})
    return out


def _score(name: str) -> tuple[dict, dict]:
    """(cells read otherwise than expected, cells expected) of a fixture."""
    pdf = FIXTURES / f"layout_{name}.pdf"
    want = json.loads(pdf.with_suffix(".expected.json").read_text(encoding="utf-8"))
    got = json.loads(parse(pdf).model_dump_json())
    missed, total = {}, 0
    for table in ("table2", "table3", "table4"):
        mine, theirs = _cells(want[table]), _cells(got.get(table) or {})
        total += len(mine)
        missed.update({f"{table}.{k}": (v, theirs.get(k)) for k, v in mine.items() if theirs.get(k) != v})
    return missed, {"cells": total}


def test_a_three_line_tables_outer_group_label_stays_apart_from_the_inner_one():
    """``三、本年`` / ``度办理结`` / ``果`` (the outer group, left of the inner groups' column)
    and ``(四)无法提供`` below it were one group label: rows 7. and 8. of (三)不予公开 were
    then read under (四) and dropped as out of order (14 cells)."""
    missed, seen = _score("three_line")
    assert missed == {} and seen["cells"] == 198


def test_a_caption_under_an_unruled_tables_last_row_is_no_line_of_its_label():
    """``行政规范性文件`` ⏎ ``第二十条第(五)项`` set close under it, no rule between: the
    caption was joined to the row's label and the row lost its three numbers."""
    missed, seen = _score("no_rules")
    assert missed == {} and seen["cells"] == 207
    report = parse(FIXTURES / "layout_no_rules.pdf")
    assert report.table2["normative_documents"] == {"issued": 0, "repealed": 0, "in_force": 93}


def _docx(layout: str, seed: int = 1):
    data, expected = make(random.Random(seed), layout)
    return open_document(io.BytesIO(data)), expected


def test_three_line_borders():
    doc, _ = _docx("three_line")
    borders = doc.tables[1]._tbl.tblPr.find(qn("w:tblBorders"))
    vals = {el.tag.split("}")[1]: el.get(qn("w:val")) for el in borders}
    assert vals == {"top": "single", "left": "nil", "bottom": "single", "right": "nil", "insideH": "nil",
                    "insideV": "nil"}
    under_header = doc.tables[1].rows[2].cells[5]._tc.tcPr.find(qn("w:tcBorders")).find(qn("w:bottom"))
    assert under_header.get(qn("w:val")) == "single"


def test_repeated_header_shading_and_landscape():
    doc, _ = _docx("split_repeat")
    t3 = doc.tables[1]
    assert [r._tr.trPr is not None and r._tr.trPr.find(qn("w:tblHeader")) is not None for r in t3.rows[:4]] == \
        [True, True, True, False]
    doc, _ = _docx("shaded_header")
    assert doc.tables[1].rows[0].cells[0]._tc.tcPr.find(qn("w:shd")).get(qn("w:fill")) == "D9D9D9"
    doc, _ = _docx("landscape")
    assert doc.sections[0].page_width > doc.sections[0].page_height


def test_blank_zeros_expect_null_where_the_page_is_blank():
    _, expected = _docx("blank_zeros", seed=3)
    values = [v for t in ("table2", "table3", "table4") for v in _cells(expected[t]).values()]
    assert None in values and expected["findings_must"] == []
    assert set(LAYOUTS) >= {"grid", "three_line", "no_rules", "split_plain", "blank_zeros_no_rules"}
