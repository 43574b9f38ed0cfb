"""Merged cells unmerged and filled by a spreadsheet (Excel/WPS), read as the merged cells they
were (``ogi.extract.filled``): in a grid, in a text of one cell a line and in a spaced text.

The fixtures are one 2021 report of fresh19's wild7 corpus (kind ``filled_spans``: every merged
caption, header and label cell unmerged and its text repeated in each slot) as the page, as
BeautifulSoup's text one cell a line, and as inscriptis' spaced text; the expected values are
the corpus's own."""

from __future__ import annotations

import json
from pathlib import Path

from ogi import parse
from ogi.document import Cell, Document, Paragraph, Position, Table
from ogi.extract.filled import SPANNED_LABELS, filled_cells_merged, is_label
from ogi.template import label_key

FIXTURES = Path(__file__).resolve().parent / "fixtures" / "filled"
EXPECTED = json.loads((FIXTURES / "filled_spans_2021.expected.json").read_text(encoding="utf-8"))
SAMPLE = Path(__file__).resolve().parents[1] / "samples" / "html_html.html"


def _tables(name: str) -> tuple[dict, dict, dict, list[str]]:
    report = parse(FIXTURES / name)
    d = report.model_dump()
    return d["table2"], d["table3"], d["table4"], [f.code for f in report.findings]


def test_a_filled_page_reads_every_cell_as_printed():
    t2, t3, t4, codes = _tables("filled_spans_2021.html")
    assert (t2, t3, t4) == (EXPECTED["table2"], EXPECTED["table3"], EXPECTED["table4"])
    assert t3["new_received"] == {"natural_person": 49, "commercial": 1, "research": 0, "social_welfare": 0,
                                  "legal_service": 0, "other_org": 0, "total": 50}
    assert "TEMPLATE_DEVIATION" not in codes and "CELL_BLANK" not in codes


def test_a_filled_page_as_text_one_cell_a_line_is_one_report_read_whole():
    # the three copies of each label were taken for three reports (twice.py) and the page refused
    t2, t3, t4, codes = _tables("filled_spans_2021_soup_lines.txt")
    assert (t2, t3, t4) == (EXPECTED["table2"], EXPECTED["table3"], EXPECTED["table4"])
    assert "TEMPLATE_DEVIATION" not in codes


def test_a_filled_page_as_spaced_text_reads_every_cell():
    t2, t3, t4, codes = _tables("filled_spans_2021_inscriptis.txt")
    assert (t2, t3, t4) == (EXPECTED["table2"], EXPECTED["table3"], EXPECTED["table4"])
    assert "TEMPLATE_DEVIATION" not in codes


def _row(texts: list[str], row: int = 0) -> list[Cell]:
    return [Cell(t, row, k) for k, t in enumerate(texts)]


def test_neighbouring_label_cells_of_one_text_merge_into_one_spanning_cell():
    label = "一、本年新收政府信息公开申请数量"
    table = Table(_row([label, label, label, "27", "0", "0"]))
    doc = filled_cells_merged(Document([table], "html"))
    cells = doc.blocks[0].cells
    assert [(c.text, c.col, c.colspan) for c in cells] == [(label, 0, 3), ("27", 3, 1), ("0", 4, 1), ("0", 5, 1)]


def test_values_and_blank_marks_side_by_side_stay_apart():
    for text in ("0", "12件", "无", "暂无", "空白", "—", "/"):
        assert not is_label(text), text
        table = Table(_row(["(一)予以公开", text, text, text]))
        doc = Document([table], "html")
        assert filled_cells_merged(doc) is doc  # nothing merged: the same document


def test_a_label_repeated_down_a_column_is_left_alone():
    label = "三、本年度办理结果"
    table = Table(_row([label, "(一)予以公开", "1"], 0) + _row([label, "(二)部分公开", "2"], 1))
    doc = Document([table], "html")
    assert filled_cells_merged(doc) is doc


def test_cells_of_one_label_in_different_rows_or_heights_stay_apart():
    label = "法人或其他组织"
    table = Table([Cell(label, 0, 0, rowspan=2), Cell(label, 0, 1)])
    doc = Document([table], "html")
    assert filled_cells_merged(doc) is doc


def test_a_spanned_label_repeated_in_a_line_is_blanked_to_its_width():
    label = "一、本年新收政府信息公开申请数量"
    line = f"{label}  {label} | {label} 27 0"
    doc = filled_cells_merged(Document([Paragraph(line, Position(line=3))], "txt"))
    blank = "\u3000" * len(label)
    assert doc.blocks[0].text == f"{label}  {blank} | {blank} 27 0"
    assert len(doc.blocks[0].text) == len(line) and doc.blocks[0].pos == Position(line=3)


def test_a_spanned_label_repeated_on_the_next_line_is_read_once():
    label = "法人或其他组织"
    doc = filled_cells_merged(Document([Paragraph(label), Paragraph(label), Paragraph(label), Paragraph("其他")], "txt"))
    assert [b.text for b in doc.blocks] == [label, "其他"]


def test_labels_the_format_prints_twice_or_in_one_column_are_kept_when_repeated():
    # table 二 (2021) draws 本年处理决定数量 twice: a column stack prints the two one under the other
    assert label_key("本年处理决定数量") not in SPANNED_LABELS
    assert label_key("三、本年度办理结果") not in SPANNED_LABELS  # a column's label (spans rows, not columns)
    assert label_key("法人或其他组织") in SPANNED_LABELS and label_key("行政复议") in SPANNED_LABELS
    for text in ("本年处理决定数量", "三、本年度办理结果", "自然人"):
        doc = Document([Paragraph(text), Paragraph(text), Paragraph(f"{text} {text} 1")], "txt")
        assert filled_cells_merged(doc) is doc, text


def test_a_standard_page_is_the_same_document():
    from ogi.api import read_document
    doc = read_document(SAMPLE.read_bytes(), SAMPLE.name)
    assert filled_cells_merged(doc) is doc


def test_a_header_cut_into_lines_by_a_pdf_reader_stays_apart():
    # office_pdf's word-built tables cut table 四's 结果维持/结果纠正/其他结果 into two lines:
    # 结果 结果 结果 over 维持 纠正 其他 are three cells, not a label the format spans
    table = Table(_row(["结果", "结果", "结果", "尚未", "总计"], 0) + _row(["维持", "纠正", "其他", "审结", ""], 1))
    doc = Document([table], "pdf")
    assert filled_cells_merged(doc) is doc
