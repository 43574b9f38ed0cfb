"""A value column a converter's column guess cut in two (readers/cutcells.py), and the CJK
radicals pdfminer, pdfplumber and pypdf print for ideographs (template/normalize.py).

The tables below are pymupdf4llm's Markdown of seeds 000 and 002 printed by Chromium, as
``ogi synth --shapes pymupdf4llm,pymupdf4llm_html`` writes them (radicals kept: ⼀ for 一)."""

from __future__ import annotations

from ogi import parse
from ogi.document import Cell, Table
from ogi.readers.cutcells import join_cut_columns
from ogi.template.normalize import unify_radicals, unify_radicals_utf8

# seed 000's table 二 as pymupdf4llm prints it: the 2019 fees and procurement parts with their
# header cut in two (本年|增/减, 采购总金额（|单位：万元）) and each row's value under one piece
PIPES_000 = """\
# 靖江市滨江新区办事处2020年度政府信息公开⼯作年度报告

## ⼀、总体情况

2020年,办事处认真学习贯彻新《条例》精神。

## ⼆、主动公开政府信息情况

### 第⼆⼗条第（⼀）项

|信息内容|本年新制作数量|本年新公开数量|对外公开总数量|
|---|---|---|---|
|规章|0|0|0|
|规范性⽂件|0|0|0|
|第⼆⼗条第（五）项||||
|信息内容|上⼀年项⽬数量|本年增/减|处理决定数量|
|⾏政许可|0|0|0|
|其他对外管理服务事项|0|0|0|

### 第⼆⼗条第（六）项

|信息内容|上⼀年项⽬数量|本年增/减|处理决定数量|
|---|---|---|---|
|⾏政处罚|0|0|0|
|⾏政强制|0|0|0|
|第⼆⼗条第（⼋）项||||
|信息内容|上⼀年项⽬数量|本年|增/减|
|⾏政事业性收费|45||37|
|第⼆⼗条第（九）项||||
|信息内容|采购项⽬数量|采购总⾦额（|单位：万元）|
|政府集中采购|9||1428.9|
"""

# the same with table_output="html": an empty column before 本年增/减 and 采购总金额
HTML_000 = """\
## ⼆、主动公开政府信息情况

<table><tr><th>信息内容</th><th>上一年项目数量</th><th>本年增/减</th><th>处理决定数量</th></tr>\
<tr><td>行政处罚</td><td>0</td><td>0</td><td>0</td></tr><tr><td>行政强制</td><td>0</td><td>0</td><td>0</td></tr>\
<tr><td>第二十条第（八）项</td><td></td><td></td><td></td></tr>\
<tr><td>信息内容</td><td>上一年项目数量</td><td></td><td>本年增/减</td></tr>\
<tr><td>行政事业性收费</td><td>45</td><td></td><td>37</td></tr>\
<tr><td>第二十条第（九）项</td><td></td><td></td><td></td></tr>\
<tr><td>信息内容</td><td>采购项目数量</td><td></td><td>采购总金额（单位：万元）</td></tr>\
<tr><td>政府集中采购</td><td>9</td><td></td><td>1428.9</td></tr></table>
"""


def _table(rows: list[list[str]]) -> Table:
    return Table([Cell(text, r, c) for r, row in enumerate(rows) for c, text in enumerate(row)])


def _grid(table: Table) -> list[list[tuple[str, int]]]:
    rows: dict[int, list[Cell]] = {}
    for cell in table.cells:
        rows.setdefault(cell.row, []).append(cell)
    return [[(c.text, c.colspan) for c in sorted(rows[r], key=lambda c: c.col)] for r in sorted(rows)]


def test_a_header_cut_in_two_and_its_values_are_one_column():
    table = _table([["信息内容", "上一年项目数量", "本年", "增/减"],
                    ["行政事业性收费", "0", "", "37"],
                    ["第二十条第(九)项", "", "", ""],
                    ["信息内容", "采购项目数量", "采购总金额(", "单位:万元)"],
                    ["政府集中采购", "9", "1428.9", ""]])
    assert _grid(join_cut_columns(table)) == [
        [("信息内容", 1), ("上一年项目数量", 1), ("本年增/减", 2)],
        [("行政事业性收费", 1), ("0", 1), ("37", 2)],
        [("第二十条第(九)项", 1), ("", 1), ("", 2)],
        [("信息内容", 1), ("采购项目数量", 1), ("采购总金额(单位:万元)", 2)],
        [("政府集中采购", 1), ("9", 1), ("1428.9", 2)],
    ]


def test_an_empty_column_before_a_header_joins_it():
    table = _table([["信息内容", "上一年项目数量", "", "本年增/减"], ["行政事业性收费", "0", "", "37"]])
    assert _grid(join_cut_columns(table)) == [[("信息内容", 1), ("上一年项目数量", 1), ("本年增/减", 2)],
                                              [("行政事业性收费", 1), ("0", 1), ("37", 2)]]


def test_two_values_under_the_two_pieces_stay_two_cells():
    table = _table([["信息内容", "上一年项目数量", "本年", "增/减"], ["行政事业性收费", "0", "5", "37"]])
    assert join_cut_columns(table) is table


def test_a_column_under_a_header_of_the_row_above_is_not_a_column_too_many():
    """Table 三's two header rows flattened: the empty cell under 自然人 is 自然人's column, even
    where the report leaves 自然人 blank in every row."""
    table = _table([["", "自然人", "法人或其他组织", "", "", "", "", "总计"],
                    ["", "", "商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他", ""],
                    ["一、本年新收政府信息公开申请数量", "", "3", "0", "0", "0", "0", "3"]])
    assert join_cut_columns(table) is table


def test_an_empty_cell_where_the_template_prints_a_column_the_header_lacks_is_that_column():
    """pymupdf4llm's HTML of 沭阳 2023: 自然人 printed in a table above, an empty header cell
    before 商业企业 over 自然人's values — 自然人's place (商业企业 follows 自然人 in the
    template, and this header row does not print it), not a column too many."""
    table = _table([["", "", "", "商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他", ""],
                    ["", "一、本年新收政府信息公开申请数量", "26", "", "", "", "", "", "26"]])
    assert join_cut_columns(table) is table


def test_values_one_column_right_of_a_last_header_are_its():
    """wild36 00003 (pymupdf4llm): table 二's procurement after a page break, 34.7 under the
    empty cell that ends the header row."""
    table = _table([["信息内容", "采购项目数量", "采购总金额", ""], ["政府集中采购", "274", "", "34.7"]])
    assert _grid(join_cut_columns(table)) == [[("信息内容", 1), ("采购项目数量", 1), ("采购总金额", 2)],
                                              [("政府集中采购", 1), ("274", 1), ("34.7", 2)]]


def test_an_empty_cell_after_a_header_the_template_continues_is_kept():
    """本年制发件数 is followed by 本年废止件数 in the template: the empty cell may be its place."""
    table = _table([["信息内容", "本年制发件数", ""], ["规章", "", "3"]])
    assert join_cut_columns(table) is table


def test_a_group_header_is_not_a_value_column():
    """Table 四's 行政复议 spans five columns: the empty cell before 行政诉讼 is 行政复议's 总计."""
    table = _table([["行政复议", "", "", "", "", "行政诉讼", "", ""], ["", "", "", "", "3", "", "", ""]])
    assert join_cut_columns(table) is table


def test_a_table_with_no_empty_cell_is_returned_at_once():
    table = _table([["信息内容", "本年", "增/减"], ["行政事业性收费", "0", "37"]])
    assert join_cut_columns(table) is table


def test_pymupdf4llm_pipes_read_exactly():
    report = parse(PIPES_000.encode("utf-8"), "report.md")
    t2 = report.table2
    assert (t2["fees"], t2["procurement"]) == ({"items_prev_year": 45, "items_change": 37},
                                               {"projects": 9, "amount": 1428.9})
    assert t2["licensing"] == {"items_prev_year": 0, "items_change": 0, "decisions": 0}
    assert [f.code for f in report.findings if (f.where or "").startswith("table2")] == []


def test_pymupdf4llm_html_tables_read_exactly():
    report = parse(HTML_000.encode("utf-8"), "report.md")
    assert (report.table2["fees"], report.table2["procurement"]) == (
        {"items_prev_year": 45, "items_change": 37}, {"projects": 9, "amount": 1428.9})


def test_radicals_become_their_ideographs_one_for_one():
    text = "## ⼀、总体情况 ⾏政 人⺠ ⻔户"
    assert unify_radicals(text) == "## 一、总体情况 行政 人民 门户"
    assert len(unify_radicals(text)) == len(text)
    assert unify_radicals("一、总体情况") == "一、总体情况"
    assert unify_radicals_utf8(text.encode("utf-8")) == "## 一、总体情况 行政 人民 门户".encode()
    gbk = "⼀、总体情况".encode("gb18030")
    assert unify_radicals_utf8(gbk) == gbk  # not UTF-8: left as it is


def test_a_heading_in_radicals_is_a_section_heading():
    """pymupdf4llm's ``## ⼀、总体情况``: the heading's ⼀ is 一 before the reader looks at it."""
    report = parse(PIPES_000.encode("utf-8"), "report.md")
    assert report.sections["s1"].heading == "一、总体情况"
    assert "SECTION_MISSING" not in [f.code for f in report.findings if f.where == "section.s1"]
