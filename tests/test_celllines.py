"""A table printed a cell a line, a blank cell an empty line (readers/celllines.py).

The rows below are 沭阳 2023's table 三 (2 values of 7 in every row) as LibreOffice's text
export and docx2txt print the office DOCX of the page (``ogi synth --shapes
office_txt,docx2txt``)."""

from __future__ import annotations

from ogi.readers.celllines import blank_cells_on_lines

ROWS = [("一、本年新收政府信息公开申请数量", "26"), ("二、上年结转政府信息公开申请数量", "0"),
        ("（一）予以公开", "26"), ("1.属于国家秘密", "0")]


def _office(rows=ROWS) -> str:
    lines = ["三、收到和处理政府信息公开申请情况", "申请人情况", "", "自然人", "法人或其他组织", "总计"]
    for label, value in rows:
        lines += [label, value, "", "", "", "", "", value, ""]
    return "\n".join(lines + ["四、政府信息公开行政复议、行政诉讼情况"])


def _docx2txt(rows=ROWS) -> str:
    lines = ["三、收到和处理政府信息公开申请情况", "", "申请人情况", ""]
    for label, value in rows:
        lines += [label, "", value, ""] + [""] * 10 + [value, ""]
    return "\n".join(lines + ["四、政府信息公开行政复议、行政诉讼情况"])


def test_libreoffice_text_rows_are_rebuilt_with_their_blank_cells():
    text = _office()
    out = blank_cells_on_lines(text).split("\n")
    assert out[6] == "一、本年新收政府信息公开申请数量\t26\t\t\t\t\t\t26"
    assert out[7:14] == [""] * 7  # the cells' own lines emptied: every line keeps its number
    assert len(out) == len(text.split("\n"))
    assert "（一）予以公开\t26\t\t\t\t\t\t26" in out


def test_docx2txt_rows_are_rebuilt_with_a_stride_of_two():
    out = blank_cells_on_lines(_docx2txt()).split("\n")
    assert "二、上年结转政府信息公开申请数量\t0\t\t\t\t\t\t0" in out
    assert "1.属于国家秘密\t0\t\t\t\t\t\t0" in out


def test_a_text_with_no_blank_cell_is_left_as_it_is():
    text = "\n".join(line for label, v in ROWS for line in (label, *[v] * 7))
    assert blank_cells_on_lines(text) is text


def test_too_few_rows_are_no_table():
    text = _office(ROWS[:2])
    assert blank_cells_on_lines(text) is text


def test_a_row_with_a_value_after_its_cells_is_not_read_and_the_table_is_left():
    """One row's lines hold more numbers than its cells: the lines are not its cells, and
    no row of that table is rebuilt."""
    text = _office().replace("（一）予以公开\n26\n\n\n\n\n\n26\n", "（一）予以公开\n26\n\n\n\n\n\n26\n5\n")
    assert blank_cells_on_lines(text) == text


def test_prose_between_paragraphs_is_not_a_table():
    text = "一、总体情况\n\n2023年,我局共收到申请26件。\n\n26\n\n二、主动公开政府信息情况\n\n0\n\n规章\n\n0\n\n"
    assert blank_cells_on_lines(text) == text
