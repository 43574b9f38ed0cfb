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


# ---------------------------------------------------------------- table 四's one row, a cell a line

T4_HEADER = ["行政复议", "行政诉讼",
             "结果维持", "结果纠正", "其他结果", "尚未审结", "总计", "未经复议直接起诉", "复议后起诉",
             "", "", "", "", "",  # the five result cells of 行政复议 span two header rows
             *["结果维持", "结果纠正", "其他结果", "尚未审结", "总计"] * 2]
# txt_rows' table 四 (samples/): its own sums fail (直接起诉's 总计 1 over four 0s)
T4_VALUES = ["0", "0", "0", "0", "0", "0", "0", "0", "0", "1", "0", "0", "0", "0", "0"]
T3_ROWS = [("一、本年新收政府信息公开申请数量", ["3", "0", "0", "0", "0", "0", "3"]),
           ("二、上年结转政府信息公开申请数量", ["0"] * 7),
           ("（一）予以公开", ["2", "0", "0", "0", "0", "0", "2"])]


def _word_text(stride: int, header=T4_HEADER, values=T4_VALUES) -> str:
    """LibreOffice's text (stride 1) or docx2txt's (stride 2) of a report's tables 三 and 四."""
    def cells(items):
        out = []
        for item in items:
            out += [item] + [""] * (stride - 1)
        return out
    lines = ["三、收到和处理政府信息公开申请情况"]
    for label, row in T3_ROWS:
        lines += cells([label, *row])
    lines += ["四、政府信息公开行政复议、行政诉讼情况", *cells(header), *cells(values),
              "五、存在的主要问题及改进情况"]
    return "\n".join(lines)


def test_table4_row_under_its_whole_header_is_one_row_on_its_first_cell_line():
    """LibreOffice's text: the row's 15 cells become one TAB row where the first one was; the
    labelled rows of table 三, with no blank, are left as printed."""
    text = _word_text(1)
    out = blank_cells_on_lines(text).split("\n")
    first = len(out) - 1 - len(T4_VALUES)  # the line after the header's last cell
    assert out[first] == "\t".join(T4_VALUES)
    assert out[first + 1:first + 15] == [""] * 14
    assert len(out) == len(text.split("\n"))
    assert "一、本年新收政府信息公开申请数量" in out and "3" in out  # table 三 untouched


def test_table4_row_of_docx2txt_is_read_at_a_stride_of_two_with_its_blank_cells():
    values = ["2", "", "", "", "2", "1", "", "", "", "1", "", "", "", "", "0"]
    out = blank_cells_on_lines(_word_text(2, values=values)).split("\n")
    assert "2\t\t\t\t2\t1\t\t\t\t1\t\t\t\t\t0" in out


def test_table4_header_in_pieces_is_left_as_printed():
    """A PDF's text (PyMuPDF) breaks 结果维持 into 结果 ⏎ 维持: its order is a page's, not a
    document's grid, and the row is left to the aligner (null where its sums fail)."""
    header = [piece for cell in T4_HEADER for piece in ([cell[:2], cell[2:]] if len(cell) == 4 else [cell])]
    text = _word_text(1, header=header)
    assert blank_cells_on_lines(text) == text


def test_table4_header_with_no_merged_cell_is_not_a_documents_table():
    """No empty cell among the header: nothing shows a document's merged cell, the text may be
    a page's, read in the order its tool guessed."""
    header = [c for c in T4_HEADER if c]
    text = _word_text(1, header=header)
    assert blank_cells_on_lines(text) == text


def test_table4_header_out_of_the_templates_order_is_left():
    header = list(T4_HEADER)
    header[2], header[3] = header[3], header[2]  # 结果纠正 before 结果维持
    text = _word_text(1, header=header)
    assert blank_cells_on_lines(text) == text


def test_table4_row_with_a_number_after_its_fifteen_cells_is_left():
    text = _word_text(1, values=T4_VALUES + ["7"])
    assert blank_cells_on_lines(text) == text


def test_table4_row_whose_first_cell_is_blank_is_left():
    """The first cell empty: it cannot be told from one more empty header cell."""
    text = _word_text(1, values=[""] + T4_VALUES[1:])
    assert blank_cells_on_lines(text) == text


def test_table4_rule_needs_a_text_without_page_breaks():
    text = _word_text(1).replace("五、存在", "\f五、存在")
    assert blank_cells_on_lines(text) == text


def test_table4_row_with_one_more_empty_line_before_the_next_words_is_left():
    """A cell printed over two lines (a second, empty paragraph) would shift the values after
    it a column: the row must take exactly its 15 cells' lines before the next words."""
    text = _word_text(1).replace("五、存在", "\n五、存在")
    assert blank_cells_on_lines(text) == text


def test_a_sparse_row_mixing_zeros_marks_and_blanks_is_rebuilt():
    # a township's table (fresh8 wild36 sparse, docs/renderings.md §48): 0, /, 无, — and blank
    # cells in one row; with marks not taken as cells the row was left to the text reader, which
    # could not place its cells (373 cells null in office_txt and in docx2txt)
    rows = [("一、本年新收政府信息公开申请数量", ["1", "/", "无", "0", "—", "", "1"]),
            ("二、上年结转政府信息公开申请数量", ["/", "0", "无", "", "0", "0", "0"]),
            ("（一）予以公开", ["1", "/", "0", "0", "", "", "1"]),
            ("1.属于国家秘密", ["无", "0", "0", "", "0", "0", "无"])]
    lines = ["三、收到和处理政府信息公开申请情况", "申请人情况", "", "自然人", "法人或其他组织", "总计"]
    for label, cells in rows:
        lines += [label, *cells]
    out = blank_cells_on_lines("\n".join(lines + ["四、政府信息公开行政复议、行政诉讼情况"])).split("\n")
    assert "一、本年新收政府信息公开申请数量\t1\t/\t无\t0\t—\t\t1" in out
    assert "1.属于国家秘密\t无\t0\t0\t\t0\t0\t无" in out


def test_a_sparse_township_report_as_word_text_reads_exactly():
    from pathlib import Path
    import json

    from ogi import parse
    from ogi.synth.shapes.score import score_report

    here = Path(__file__).parent / "fixtures" / "markup"
    want = json.loads((here / "sparse.json").read_text(encoding="utf-8"))
    # before: 150 of 207 cells in both (57 null with findings)
    for name, right in (("office_txt_sparse.txt", 207), ("docx2txt_sparse.txt", 200)):
        score = score_report(want, parse(here / name))
        assert score.wrong_flagged == score.wrong_silent == score.null_silent == 0, score.examples
        assert (score.cells, score.right) == (207, right), (name, score.examples)
    # docx2txt's rows whose first cell is blank (two empty lines after the label) stay the text
    # reader's: null with a finding (see _numbers_follow)
    report = parse(here / "docx2txt_sparse.txt")
    assert report.table3["denied.internal_affairs"]["research"] is None
    assert any(f.where == "table3.denied.internal_affairs" for f in report.findings)
