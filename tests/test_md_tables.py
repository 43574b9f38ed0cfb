"""PDF-to-Markdown converters' column guesses repaired at the table (readers/md_continued.py,
md_labelcols.py, md_twoheads.py, md_tworows.py, md_glued.py,
pandoc_marks.py): a table continued on the next page without
its blank columns, a row label short of the label columns, two value columns guessed as one,
and unit-ended values glued into one cell. The tables are pymupdf4llm's, from the peer page
沭阳 2023 and the unseen corpora wild36 (00009, 00018) and wild30 (00009, 00029)."""

from __future__ import annotations

from pathlib import Path

import pytest
from grid_support import grid_of, table_of

from ogi import parse
from ogi.document import Cell, Paragraph, Table
from ogi.readers.md_continued import widen_continued
from ogi.readers.md_glued import split_glued_units
from ogi.readers.md_guessed import guessed_tables_as_lines
from ogi.readers.md_labelcols import span_short_labels
from ogi.readers.md_twoheads import split_merged_columns
from ogi.readers.md_tworows import split_stacked_rows, stacked_labels
from ogi.readers.pandoc_marks import strip_attributes

_table, _grid = table_of, grid_of


HEAD = ["", "", "", "商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他", ""]
PAGE_1 = [HEAD, ["", "一、本年新收政府信息公开申请数量", "26", "", "", "", "", "", "26"],
          ["", "二、上年结转政府信息公开申请数量", "0", "", "", "", "", "", "0"]]


# ---------------------------------------------------------------- md_continued

def test_a_part_after_a_page_break_is_widened_onto_the_columns_the_part_above_filled():
    """沭阳 2023: after the break each row prints two cells (自然人 and 总计); they go back under
    columns 2 and 8, the five legal-person columns empty."""
    page_2 = _table([["", "5.属于三类内部事务信息", "0", "0"], ["（四）无法提供", "1.本机关不掌握相关政府信息", "0", "0"]])
    page_3 = _table([["（七）总计", "26", "26"]])
    out = widen_continued([_table(PAGE_1), page_2, page_3])
    assert _grid(out[1])[0] == [(0, "", 1), (1, "5.属于三类内部事务信息", 1), (2, "0", 1), (3, "", 1), (4, "", 1),
                                (5, "", 1), (6, "", 1), (7, "", 1), (8, "0", 1)]
    assert _grid(out[2]) == [[(1, "（七）总计", 1), (2, "26", 1), (3, "", 1), (4, "", 1), (5, "", 1), (6, "", 1),
                              (7, "", 1), (8, "26", 1)]]


def test_a_part_printing_a_value_count_other_than_the_filled_columns_is_left():
    page_2 = _table([["", "5.属于三类内部事务信息", "0", "0", "0"]])
    blocks = [_table(PAGE_1), page_2]
    assert widen_continued(blocks) is blocks


def test_a_part_whose_rows_fill_different_columns_sets_no_grid():
    rows = [HEAD, ["", "一、本年新收政府信息公开申请数量", "26", "", "", "", "", "", "26"],
            ["", "二、上年结转政府信息公开申请数量", "", "1", "", "", "", "", "1"]]
    blocks = [_table(rows), _table([["", "5.属于三类内部事务信息", "0", "0"]])]
    assert widen_continued(blocks) is blocks


def test_words_between_the_tables_end_the_continuation():
    blocks = [_table(PAGE_1), Paragraph("四、政府信息公开行政复议、行政诉讼情况"),
              _table([["", "5.属于三类内部事务信息", "0", "0"]])]
    assert widen_continued(blocks) is blocks


# ---------------------------------------------------------------- md_labelcols

def test_a_label_short_of_the_label_columns_spans_them():
    """wild36 00009: ``|(七)总计||0|0|0|—|/|无||``: the empty cell after the label is the
    label's (another row prints a label in that column), not 自然人."""
    table = _table([["", "3.其他", "无", "0", "—", "", "0", "0", ""],
                    ["(七)总计", "", "0", "0", "0", "—", "/", "无", ""]])
    assert _grid(span_short_labels(table))[1][:2] == [(0, "(七)总计", 2), (2, "0", 1)]


def test_an_empty_cell_in_a_column_no_row_labels_is_kept():
    """A value column blank in every row is no label column."""
    table = _table([["一、本年新收政府信息公开申请数量", "", "3", "3"], ["二、上年结转政府信息公开申请数量", "", "0", "0"]])
    assert span_short_labels(table) is table


def test_a_row_of_another_width_is_compared_with_its_own_rows():
    """wild30 00012: 四、结转下年度继续办理 printed apart under one label column, in the same pipe table."""
    table = _table([["", "3.其他", "0", "0", "", "", "", "", "0"],
                    ["(七)总计", "", "7", "", "", "", "", "", "7"]])
    apart = Table(table.cells + [Cell(t, 2, c) for c, t in enumerate(["四、结转下年度继续办理", "", "", "", "0", "", "", ""])])
    grid = _grid(span_short_labels(apart))
    assert grid[1][0] == (0, "(七)总计", 2) and grid[2][:2] == [(0, "四、结转下年度继续办理", 1), (1, "", 1)]


# ---------------------------------------------------------------- md_twoheads

def test_two_value_columns_guessed_as_one_are_split():
    """wild36 00018: ``本年制发件数<br>本年废止件数`` over ``—<br>0`` and ``—``."""
    table = _table([["信息内容", "本年制发件数<br>本年废止件数", "现行有效件数"],
                    ["规章", "—<br>0", "1"], ["行政规范性文件", "—", "8"], ["第二十条第(五)项", "", ""],
                    ["信息内容", "本年处理决定数量", ""]])
    assert _grid(split_merged_columns(table)) == [
        [(0, "信息内容", 1), (1, "本年制发件数", 1), (2, "本年废止件数", 1), (3, "现行有效件数", 1)],
        [(0, "规章", 1), (1, "—", 1), (2, "0", 1), (3, "1", 1)],
        [(0, "行政规范性文件", 1), (1, "—", 1), (2, "", 1), (3, "8", 1)],
        [(0, "第二十条第(五)项", 1), (1, "", 1), (2, "", 1), (3, "", 1)],
        [(0, "信息内容", 1), (1, "本年处理决定数量", 2), (3, "", 1)],
    ]


def test_one_number_under_two_merged_headers_leaves_the_table():
    table = _table([["信息内容", "本年制发件数<br>本年废止件数", "现行有效件数"], ["行政规范性文件", "3", "8"]])
    assert split_merged_columns(table) is table


def test_two_headers_the_template_does_not_print_in_that_order_are_one_cell():
    table = _table([["信息内容", "本年废止件数<br>本年制发件数", "现行有效件数"], ["规章", "0<br>0", "1"]])
    assert split_merged_columns(table) is table


def test_three_value_columns_guessed_as_one_are_split():
    """wild44 00020 (pymupdf4llm): all three of table 二's measures in one guessed column."""
    table = _table([["信息内容", "本年制发件数<br>本年废止件数<br>现行有效件数"],
                    ["规章", "0<br>0<br>17"], ["行政规范性文件", "1<br>0<br>3"], ["", "第二十条第(五)项"]])
    assert _grid(split_merged_columns(table)) == [
        [(0, "信息内容", 1), (1, "本年制发件数", 1), (2, "本年废止件数", 1), (3, "现行有效件数", 1)],
        [(0, "规章", 1), (1, "0", 1), (2, "0", 1), (3, "17", 1)],
        [(0, "行政规范性文件", 1), (1, "1", 1), (2, "0", 1), (3, "3", 1)],
        [(0, "", 1), (1, "第二十条第(五)项", 3)],
    ]


def test_three_headers_with_two_values_leave_the_table():
    table = _table([["信息内容", "本年制发件数<br>本年废止件数<br>现行有效件数"], ["规章", "0<br>17"]])
    assert split_merged_columns(table) is table


# ---------------------------------------------------------------- md_tworows

def test_two_rows_guessed_as_one_are_split():
    """wild44 00011 (pymupdf4llm): (五)3 and (五)4 in one row, every value cell both values;
    the group label and the remark stay whole in the first row."""
    table = _table([["(五)不<br>予处理", "3.要求提供公开出版物<br>4.无正当理由大量反复申请", "4<br>4", "0<br>0",
                     "4<br>4", "均在法定<br>期限内答<br>复"],
                    ["", "5.要求行政机关确认或重新出具<br>已获取信息", "4", "1", "5", ""]])
    assert [[t for _, t, _ in row] for row in _grid(split_stacked_rows(table))] == [
        ["(五)不予处理", "3.要求提供公开出版物", "4", "0", "4", "均在法定期限内答复"],
        ["", "4.无正当理由大量反复申请", "4", "0", "4", ""],
        ["", "5.要求行政机关确认或重新出具<br>已获取信息", "4", "1", "5", ""],
    ]


@pytest.mark.parametrize("text, n", [
    ("3.要求提供公开出版物<br>4.无正当理由大量反复申请", 2),
    ("1.属于国家秘密<br>2.其他法律行政法规禁止公开<br>3.危及“三安全一稳定”", 3),
    ("1.申请人无正当理由逾期不补<br>正、行政机关不再处理", 0),  # one label wrapped
    ("3.要求提供公开出版物<br>5.要求行政机关确认", 0),  # not numbered one after another
    ("(五)不<br>予处理", 0),
])
def test_stacked_labels_are_numbered_one_after_another(text, n):
    assert stacked_labels(text) == n


def test_a_stacked_row_whose_values_do_not_split_a_line_a_row_is_left():
    table = _table([["3.要求提供公开出版物<br>4.无正当理由大量反复申请", "44", "0<br>0"]])
    assert split_stacked_rows(table) is table


# ---------------------------------------------------------------- pandoc_marks

def test_digit_lines_of_stacked_values_are_not_joined_as_one_number():
    text = ("|信息内容|本年制发件数<br>本年废止件数<br>现行有效件数|\n|---|---|\n|规章|1<br>0<br>3|\n\n"
            "|(五)不<br>予处理|3.要求提供公开出版物<br>4.无正当理由大量反复申请|4<br>4|0<br>0|\n"
            "|一、本年新收政府信息公开申请数量|１<br>８|0|\n")
    assert strip_attributes(text.encode()).decode().split("\n") == [
        "|信息内容|本年制发件数<br>本年废止件数<br>现行有效件数|", "|---|---|", "|规章|1<br>0<br>3|", "",
        "|(五)不<br>予处理|3.要求提供公开出版物<br>4.无正当理由大量反复申请|4<br>4|0<br>0|",
        "|一、本年新收政府信息公开申请数量|１８|0|", ""]  # a number wrapped in its box is still one


def test_a_raw_span_tag_in_a_markdown_cell_is_taken_off_but_not_in_a_page():
    cell = '| <span lang="EN-US" style="font-family:仿宋_GB2312">1</span> |'
    assert strip_attributes(cell.encode()) == b"| 1 |"
    page = "<html><body><p>" + cell + "</p></body></html>"
    assert strip_attributes(page.encode()) == page.encode()


# ---------------------------------------------------------------- md_guessed

def test_pipe_rows_of_guessed_columns_are_read_as_the_lines_they_print():
    text = ("标题\n| 信息内容 | 本年制发件数 | |\n| --- | --- | --- |\n"
            "| (一)予以公开 | 916 | | 0 | 5 | 0 | | 25 0 | 946 |\n")
    assert guessed_tables_as_lines(text).split("\n") == [
        "标题", "信息内容 本年制发件数", "", "(一)予以公开 916 0 5 0 25 0 946", ""]


def test_pipe_rows_without_two_numbers_in_a_cell_stay_a_grid():
    text = "| 规章 | | 0 | 12 |\n| --- | --- | --- | --- |\n| 行政许可 | 8 |\n"
    assert guessed_tables_as_lines(text) is text


def test_a_grid_table_whose_cells_wrap_numbers_is_left_to_markup_tables():
    text = "+----+----+\n|  0   1 |    |\n+----+----+\n"
    assert guessed_tables_as_lines(text) is text


# ---------------------------------------------------------------- md_glued

def test_unit_values_glued_beside_empty_cells_fill_them_in_order():
    """wild30 00009 and 00029 (pymupdf4llm_html): ``|(empty)|0件0件|`` and ``|(empty)|11件5件379件|(empty)|``."""
    table = _table([["一、本年新收政府信息公开申请数量", "60件", "0件", "0件", "0件", "", "0件0件", "60件"],
                    ["1.本机关不掌握相关政府信息", "363", "0件", "0件", "0件", "", "11件5件379件", ""]])
    assert [[t for _, t, _ in row] for row in _grid(split_glued_units(table))] == [
        ["一、本年新收政府信息公开申请数量", "60件", "0件", "0件", "0件", "0件", "0件", "60件"],
        ["1.本机关不掌握相关政府信息", "363", "0件", "0件", "0件", "11件", "5件", "379件"]]


def test_glued_values_in_a_row_with_another_empty_cell_are_left():
    table = _table([["一、本年新收政府信息公开申请数量", "60件", "", "0件", "0件", "", "0件0件", "60件"]])
    assert split_glued_units(table) is table


def test_glued_digits_without_units_are_left():
    table = _table([["一、本年新收政府信息公开申请数量", "60", "0", "0", "0", "", "00", "60"]])
    assert split_glued_units(table) is table


# ---------------------------------------------------------------- whole reports

FIXTURES = Path(__file__).parent / "fixtures" / "markdown"


def test_a_pipe_total_row_short_of_its_label_column_reads_exactly():
    """wild36 00009 (pymupdf4llm): ``|(七)总计||0|0|0|—|/|无||`` — 3 zeros, three marks, 总计 blank."""
    report = parse(FIXTURES / "pymupdf4llm_total_label_short.md")
    assert report.table3["total"] == {"natural_person": 0, "commercial": 0, "research": 0, "social_welfare": None,
                                      "legal_service": None, "other_org": None, "total": None}
    assert report.table3["other.other"] == {"natural_person": None, "commercial": 0, "research": None,
                                            "social_welfare": None, "legal_service": 0, "other_org": 0, "total": None}


def test_two_heads_in_one_pipe_column_read_exactly():
    """wild36 00018 (pymupdf4llm): the mark under two merged headers leaves both null; 8 is 现行有效件数."""
    report = parse(FIXTURES / "pymupdf4llm_two_heads_one_column.md")
    assert (report.table2["regulations"], report.table2["normative_documents"]) == (
        {"issued": None, "repealed": 0, "in_force": 1}, {"issued": None, "repealed": None, "in_force": 8})


def test_glued_unit_values_read_exactly():
    """wild30 00029 (pymupdf4llm_html): ``|(empty)|11件5件379件|(empty)|`` is 11, 5 and 379."""
    report = parse(FIXTURES / "pymupdf4llm_html_glued_units.md")
    assert report.table3["unable.not_held"] == {"natural_person": 363, "commercial": 0, "research": 0,
                                                "social_welfare": 0, "legal_service": 11, "other_org": 5,
                                                "total": 379}
    assert report.table3["new_received"] == {"natural_person": 2365, "commercial": 0, "research": 0,
                                             "social_welfare": 0, "legal_service": 39, "other_org": 22, "total": 2426}


def test_three_heads_in_one_pipe_column_read_exactly():
    """wild44 00020 (pymupdf4llm): ``|行政规范性文件|1<br>0<br>3|`` under three headers is 1, 0, 3 (read 103)."""
    report = parse(FIXTURES / "pymupdf4llm_three_heads_one_column.md")
    assert (report.table2["regulations"], report.table2["normative_documents"]) == (
        {"issued": 0, "repealed": 0, "in_force": 17}, {"issued": 1, "repealed": 0, "in_force": 3})


def test_two_rows_in_one_pipe_row_read_exactly():
    """wild44 00011 (pymupdf4llm): (五)3 and (五)4 stacked in one row are 4 and 4 (4 was read 44)."""
    report = parse(FIXTURES / "pymupdf4llm_stacked_rows.md")
    want = {"natural_person": 4, "commercial": 0, "research": 0, "social_welfare": 0, "legal_service": 0,
            "other_org": 0, "total": 4}
    assert report.table3["not_processed.publication"] == want
    assert report.table3["not_processed.excessive"] == want
    assert report.table3["not_processed.confirm_existing"] == dict(want, commercial=1, total=5)


def test_markitdowns_pdf_tables_of_guessed_columns_read_exactly():
    """wild36 00001 (markitdown of the browser's PDF): ``| 916 | | 0 | 5 | 0 | | 25 0 | 946 |``
    is (一)'s seven values in order — read as a grid, 38 cells were wrong (with findings)."""
    report = parse(FIXTURES / "markitdown_pdf_guessed_columns.md")
    assert report.table3["granted"] == {"natural_person": 916, "commercial": 0, "research": 5,
                                        "social_welfare": 0, "legal_service": 25, "other_org": 0, "total": 946}
    assert report.table3["total"] == {"natural_person": 1836, "commercial": 0, "research": 9,
                                      "social_welfare": 0, "legal_service": 46, "other_org": 0, "total": 1891}
