"""A Word file written by LibreOffice's PDF import (text frames and ruling rectangles, no
paragraph, no table) read as a PDF's pages (readers/docx_frames.py)."""

from __future__ import annotations

from pathlib import Path

from ogi import parse
from ogi.readers.docx_frames import _placed

FIXTURE = Path(__file__).parent / "fixtures" / "pdf_docx" / "split_prose.docx"  # wild4 00000 through pdf_docx


def test_a_pdf_import_docx_is_read_whole():
    report = parse(FIXTURE)
    assert report.meta.title == "寿光市文化和旅游局2021年度政府信息公开工作年度报告"
    assert report.table2 == {
        "regulations": {"issued": 0, "repealed": 0, "in_force": 18},
        "normative_documents": {"issued": 6, "repealed": 0, "in_force": 6},
        "licensing": {"decisions": 0}, "punishment": {"decisions": 787}, "coercion": {"decisions": 0},
        "fees": {"amount": 252.29}}
    assert report.table4["review"] == {"upheld": 0, "corrected": 1, "other": 0, "pending": 0, "total": 1}
    assert sum(v is not None for t in (report.table2, report.table3, report.table4)
               for row in t.values() for v in row.values()) == 10 + 182 + 15
    assert [f.code for f in report.findings if f.severity.value != "info"] == ["PUBLISHED_LATE"]


def _walls(*xs: float) -> list[dict]:
    return [{"x0": x, "x1": x + 0.7, "top": 0.0, "bottom": 30.0} for x in xs]


def test_a_frame_is_kept_inside_the_cell_its_start_stands_in():
    # the substitute font makes the frame 20 pt wider than its cell (100-130): the glyphs are
    # fitted into the cell, none falls into the next
    glyphs = _placed(("1632.7", 100.0, 5.0, 50.0, 12.0, 10.0), _walls(98.0, 130.0, 200.0))
    assert "".join(g.text for g in glyphs) == "1632.7"
    assert max(g.x1 for g in glyphs) <= 130.35 - 1.0


def test_numbers_joined_with_spaces_go_one_to_a_cell():
    # LibreOffice joined a row's narrow cells' values into one frame, "3 0 12"
    glyphs = _placed(("3 0 12", 101.0, 5.0, 20.0, 12.0, 10.0), _walls(100.0, 113.0, 126.0, 139.0, 152.0))
    cells = {}
    for g in glyphs:
        cells.setdefault(int((g.x0 - 100.35) // 13), []).append(g.text)
    assert cells == {0: ["3"], 1: ["0"], 2: ["1", "2"]}


def test_free_text_runs_along_its_frame():
    glyphs = _placed(("一、总体情况", 74.0, 230.0, 96.0, 23.0, 16.0), [])
    assert [round(g.x0, 1) for g in glyphs] == [74.0, 90.0, 106.0, 122.0, 138.0, 154.0]
