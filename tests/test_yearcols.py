"""Last year beside this year (``ogi.extract.yearcols``): table 四 printed a row a year
(``2022年``/``2023年``, ``本年度``/``上年度``, a ``比上年增减`` row) read by this year's row only,
in a grid and in running text; table 三's column of last year's totals left out of running
text's rows where the identities confirm it — and everything else left as printed."""

from __future__ import annotations

from ogi import parse
from ogi.document import Cell, Document, Paragraph, Table
from ogi.extract.yearcols import (
    last_year_column_dropped,
    row_kind,
    this_years_rows,
    this_years_text_rows,
)

RESULTS = ["结果维持", "结果纠正", "其他结果", "尚未审结", "总计"]
LAST = [1, 1, 3, 2, 7, 2, 3, 1, 0, 6, 1, 1, 1, 0, 3]  # last year's fifteen: every block sums
THIS = [0, 0, 1, 0, 1, 0, 0, 0, 0, 0, 2, 0, 0, 1, 3]
DELTA = [b - a for a, b in zip(LAST, THIS)]
TITLE = "某县财政局2023年政府信息公开工作年度报告"
FOUND_2023 = "表四按年度分行印出(另有:2022年、比上年增减),已只读入本年度一行(2023年)"


def _cells(row: int, texts: list[str], col: int = 0) -> list[Cell]:
    return [Cell(t, row, col + k) for k, t in enumerate(texts)]


def _table4(rows: list[tuple[str, list[int]]], head: str = "时间") -> Table:
    """Table 四 as a web page draws it with a label column: 时间 over three header rows."""
    cells = [Cell(head, 0, 0, rowspan=3), Cell("行政复议", 0, 1, colspan=5), Cell("行政诉讼", 0, 6, colspan=10)]
    cells += [Cell(r, 1, 1 + k, rowspan=2) for k, r in enumerate(RESULTS)]
    cells += [Cell("未经复议直接起诉", 1, 6, colspan=5), Cell("复议后起诉", 1, 11, colspan=5)]
    cells += _cells(2, RESULTS * 2, col=6)
    for k, (label, values) in enumerate(rows):
        cells += _cells(3 + k, [label, *map(str, values)])
    return Table(cells)


def _doc(*blocks, title: str = TITLE) -> Document:
    return Document([Paragraph(title), *blocks], "html", {"title": title})


def _values_row(doc: Document) -> list[str]:
    table = next(b for b in doc.blocks if isinstance(b, Table))
    return [c.text for c in table.rows()[3]]


# ------------------------------------------------------------------ labels

def test_row_labels_of_a_comparison_are_told_apart():
    assert row_kind("2023年") == ("year", 2023)
    assert row_kind("2023年度") == ("year", 2023)
    assert row_kind("本年度") == ("this", None)
    assert row_kind("上年同期") == ("last", None)
    assert row_kind("比上年增减") == ("delta", None)
    assert row_kind("同比增减") == ("delta", None)
    assert row_kind("结果维持") is None
    assert row_kind("合计") is None


# ------------------------------------------------------------------ grids

def test_a_grid_keeps_this_years_row_by_the_reports_year_and_drops_the_label_column_cell():
    doc = _doc(_table4([("2022年", LAST), ("2023年", THIS), ("比上年增减", DELTA)]))
    out, found = this_years_rows(doc)
    assert [f.message for f in found] == [FOUND_2023]
    assert [(f.code, f.where) for f in found] == [("TEMPLATE_DEVIATION", "table4")]
    assert _values_row(out) == list(map(str, THIS))
    table = next(b for b in out.blocks if isinstance(b, Table))
    assert table.n_rows == 4  # the header's three rows and this year's


def test_a_grid_labelled_this_year_needs_no_year():
    doc = _doc(_table4([("本年度", THIS), ("上年度", LAST), ("同比增减", DELTA)]), title="某县财政局政府信息公开工作年度报告")
    out, found = this_years_rows(doc)
    assert [f.message for f in found] == ["表四按年度分行印出(另有:上年度、同比增减),已只读入本年度一行(本年度)"]
    assert _values_row(out) == list(map(str, THIS))


def test_a_grid_is_left_as_printed_where_this_years_row_is_not_certain():
    # the report's year is not the latest printed: 2023 in a 2022 report cannot be told last year's
    doc = _doc(_table4([("2022年", LAST), ("2023年", THIS)]), title="某县财政局2022年政府信息公开工作年度报告")
    assert this_years_rows(doc) == (doc, [])
    # no year at all, and no 本年 row
    doc = _doc(_table4([("2022年", LAST), ("2023年", THIS)]), title="某县财政局政府信息公开工作年度报告")
    assert this_years_rows(doc) == (doc, [])
    # a row label that is not a comparison's
    doc = _doc(_table4([("2023年", THIS), ("合计", LAST)]))
    assert this_years_rows(doc) == (doc, [])
    # one row only: the format's own table 四 with a label
    doc = _doc(_table4([("2023年", THIS)]))
    assert this_years_rows(doc) == (doc, [])
    # this year's row with a value missing
    doc = _doc(_table4([("2022年", LAST), ("2023年", THIS[:14])]))
    assert this_years_rows(doc) == (doc, [])


def test_a_report_parsed_whole_reads_table_4_from_this_years_row(tmp_path):
    head = "".join(f"<td>{r}</td>" for r in RESULTS)
    rows = "".join(f"<tr><td>{label}</td>{''.join(f'<td>{v}</td>' for v in values)}</tr>"
                   for label, values in (("2022年", LAST), ("2023年", THIS), ("比上年增减", DELTA)))
    html = (f"<html><head><title>{TITLE}</title></head><body><h1>{TITLE}</h1>"
            "<h2>四、政府信息公开行政复议、行政诉讼情况</h2><table>"
            '<tr><td rowspan="3">时间</td><td colspan="5">行政复议</td><td colspan="10">行政诉讼</td></tr>'
            "<tr>" + "".join(f'<td rowspan="2">{r}</td>' for r in RESULTS)
            + '<td colspan="5">未经复议直接起诉</td><td colspan="5">复议后起诉</td></tr>'
            f"<tr>{head}{head}</tr>{rows}</table><h2>五、存在的主要问题及改进情况</h2><p>无。</p></body></html>")
    path = tmp_path / "report.html"
    path.write_text(html, encoding="utf-8")
    report = parse(path)
    read = [report.table4[g][m] for g in ("review", "litigation_direct", "litigation_after_review")
            for m in ("upheld", "corrected", "other", "pending", "total")]
    assert read == THIS
    assert FOUND_2023 in [f.message for f in report.findings]


# ------------------------------------------------------------------ running text

HEADER4 = ["四、政府信息公开行政复议、行政诉讼情况", "行政复议", "行政诉讼", "未经复议直接起诉", "复议后起诉",
           "时间 结果 结果 其他 尚未 总", "维持 纠正 结果 审结 计"]


def _text(lines: list[str], title: str = TITLE) -> Document:
    return Document([Paragraph(line) for line in [title, *lines]], "txt")


def _joined(values: list[int]) -> str:
    return " ".join(map(str, values))


def test_text_rows_a_line_each_with_labels_wrapped_past_their_values():
    # a PDF's text layer: 2022 ⏎ 年 and 比上年 … ⏎ 增减 — a narrow label cell's lines beside the row
    rows = ["2022", _joined(LAST), "年", "2023年", _joined(THIS), f"比上年 {_joined(DELTA)}", "增减"]
    doc = _text([*HEADER4, *rows, "五、存在的主要问题及改进情况"])
    out, found = this_years_text_rows(doc)
    assert [f.message for f in found] == [FOUND_2023]
    texts = [b.text for b in out.blocks]
    assert texts[len(HEADER4) + 1:] == [_joined(THIS), "五、存在的主要问题及改进情况"]


def test_text_rows_a_cell_a_line():
    rows = ["本年", "度", *map(str, THIS), "上年", "度", *map(str, LAST), "同比", "增减", *map(str, DELTA)]
    doc = _text([*HEADER4, *rows, "五、存在的主要问题及改进情况"], title="某县财政局政府信息公开工作年度报告")
    out, found = this_years_text_rows(doc)
    assert [f.message for f in found] == ["表四按年度分行印出(另有:上年度、同比增减),已只读入本年度一行(本年度)"]
    assert [b.text for b in out.blocks][len(HEADER4) + 1:] == [_joined(THIS), "五、存在的主要问题及改进情况"]


def test_text_rows_left_as_printed_where_not_read_whole_or_not_summing():
    glued = ["2022年 " + _joined(LAST), "2023年 0 0 1 0 1 0 0 0 0 0 2 0 0 13"]  # two values glued: 14
    doc = _text([*HEADER4, *glued, "五、"])
    assert this_years_text_rows(doc) == (doc, [])
    slip = [*THIS[:4], 9, *THIS[5:]]  # 行政复议's 总计 not the sum of its results
    doc = _text([*HEADER4, "2022年 " + _joined(LAST), "2023年 " + _joined(slip), "五、"])
    assert this_years_text_rows(doc) == (doc, [])
    values_first = [_joined(LAST), "2022年", _joined(THIS), "2023年"]  # values before their labels
    doc = _text([*HEADER4, *values_first, "五、"])
    assert this_years_text_rows(doc) == (doc, [])
    other = ["2022年 " + _joined(LAST), "2023年 " + _joined(THIS) + " 件"]  # other text among the values
    doc = _text([*HEADER4, *other, "五、"])
    assert this_years_text_rows(doc) == (doc, [])


# ------------------------------------------------------------------ table 三's last-year column

HEADER3 = ["三、收到和处理政府信息公开申请情况", "申请人情况", "上年同期", "自然人", "法人或其他组织", "总计",
           "商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他"]
ROWS3 = [("一、本年新收政府信息公开申请数量", [5, 1, 0, 0, 0, 2, 8, 11]),
         ("二、上年结转政府信息公开申请数量", [1, 0, 0, 0, 0, 0, 1, 0]),
         ("(一)予以公开", [3, 1, 0, 0, 0, 1, 5, 9])]
DROPPED3 = "表三在总计右侧另印上年数一列,该列未读入(各行前六列之和等于总计,已核)"


def _table3_text(rows, cell_a_line: bool = True) -> Document:
    lines = list(HEADER3)
    for label, values in rows:
        lines += [label, *map(str, values)] if cell_a_line else [f"{label} {_joined(values)}"]
    return _text([*lines, "四、政府信息公开行政复议、行政诉讼情况"])


def test_last_years_column_dropped_from_each_row_a_cell_a_line_and_a_row_a_line():
    for cell_a_line in (True, False):
        out, found = last_year_column_dropped(_table3_text(ROWS3, cell_a_line))
        assert [(f.code, f.where, f.message) for f in found] == [("TEMPLATE_DEVIATION", "table3", DROPPED3)]
        text = "\n".join(b.text for b in out.blocks)
        for label, values in ROWS3:
            kept = "\n".join([label, *map(str, values[:7])]) if cell_a_line else f"{label} {_joined(values[:7])}"
            assert f"{kept}\n" in text + "\n"
        assert "\n11\n" not in text and " 11" not in text  # last year's 11 is gone


def test_last_years_column_left_where_the_rows_do_not_confirm_it():
    glued = [ROWS3[0], ("二、上年结转政府信息公开申请数量", [1, 0, 0, 0, 0, 0, 10])]  # 1 ⏎ 0 glued: seven
    doc = _table3_text(glued)
    assert last_year_column_dropped(doc) == (doc, [])
    zeros = [(label, [0] * 8) for label, _ in ROWS3]  # both readings sum: which column is last year's is not told
    doc = _table3_text(zeros)
    assert last_year_column_dropped(doc) == (doc, [])
    no_header = _text([h for h in HEADER3 if h != "上年同期"] + [f"{ROWS3[0][0]} {_joined(ROWS3[0][1])}"])
    assert last_year_column_dropped(no_header) == (no_header, [])


# ------------------------------------------------------------------ table 二's rows (colorder_rows)

def _table2(rows: list[tuple[str, list[str]]]) -> Table:
    cells = [Cell("第二十条第(一)项", 0, 0, colspan=4)] + _cells(1, ["信息内容", "本年制发件数", "本年废止件数", "现行有效件数"])
    for k, (label, values) in enumerate(rows):
        cells += _cells(2 + k, [label, *values])
    cells += [Cell("第二十条第(六)项", 2 + len(rows), 0, colspan=4)]
    return Table(cells)


def test_table_2_rows_printed_the_other_way_round_in_a_grid_are_put_back_by_their_labels():
    from ogi.extract.colorder_rows import rows_in_template_order
    doc = _doc(_table2([("行政规范性文件", ["1", "0", "12"]), ("规章", ["0", "0", "3"])]))
    out, found = rows_in_template_order(doc)
    assert [(f.code, f.where, f.message) for f in found] == [(
        "TEMPLATE_DEVIATION", "table2", "表二各行的顺序与规定格式不同(印为:行政规范性文件、规章),已按行标签读入各行")]
    table = next(b for b in out.blocks if isinstance(b, Table))
    assert [[c.text for c in row] for row in table.rows()[2:4]] == [["规章", "0", "0", "3"],
                                                                  ["行政规范性文件", "1", "0", "12"]]


def test_table_2_rows_left_as_printed_in_order_repeated_or_cut_otherwise():
    from ogi.extract.colorder_rows import rows_in_template_order
    in_order = _doc(_table2([("规章", ["0", "0", "3"]), ("行政规范性文件", ["1", "0", "12"])]))
    assert rows_in_template_order(in_order) == (in_order, [])
    repeated = _doc(_table2([("规章", ["0", "0", "3"]), ("规章", ["1", "0", "12"])]))
    assert rows_in_template_order(repeated) == (repeated, [])
    cut = _doc(_table2([("行政规范性文件", ["1", "0", "12"]), ("规章", ["0", "3"])]))  # a row of other columns
    assert rows_in_template_order(cut) == (cut, [])
