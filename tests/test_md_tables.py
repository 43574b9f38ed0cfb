"""PDF-to-Markdown converters' column guesses repaired at the table (readers/md_continued.py,
md_labelcols.py, md_twoheads.py, md_glued.py): a table continued on the next page without
its blank columns, a row label short of the label columns, two value columns guessed as one,
and unit-ended values glued into one cell. The tables are pymupdf4llm's, from the peer page
沭阳 2023 and the unseen corpora wild36 (00009, 00018) and wild30 (00009, 00029)."""

from __future__ import annotations

from pathlib import Path

from ogi import parse
from ogi.document import Cell, Paragraph, Table
from ogi.readers.md_continued import widen_continued
from ogi.readers.md_glued import split_glued_units
from ogi.readers.md_labelcols import span_short_labels
from ogi.readers.md_twoheads import split_merged_columns


def _table(rows: list[list[str]]) -> Table:
    return Table([Cell(text, r, c) for r, row in enumerate(rows) for c, text in enumerate(row)])


def _grid(table: Table) -> list[list[tuple[int, str, int]]]:
    rows: dict[int, list[Cell]] = {}
    for cell in table.cells:
        rows.setdefault(cell.row, []).append(cell)
    return [[(c.col, c.text, c.colspan) for c in sorted(rows[r], key=lambda c: c.col)] for r in sorted(rows)]


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
