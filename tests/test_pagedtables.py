"""Tables 二 and 四 of a report printed on narrow pages, as poppler's ``pdftotext`` (reading
order) prints them: one value a line, the header's pieces among them, a page number where the
reading order reached a page's foot (``ogi.extract.pagedtable2``, ``ogi.extract.pagedtable4``).
Every input is cut from a real shape (``paged_pdftotext`` of the shared seed and peer reports,
made by the repo's paged PDF and the real pdftotext); each test pins exact values, and the
rule's part is shown by switching it off."""

from __future__ import annotations

import ogi.extract.pagedrows as pagedrows
from ogi import parse
from ogi.extract import pagedtable2, pagedtable4

# seed 002 (2019 format): every row after its label, header words among the values of
# 行政事业性收费 and 政府集中采购
SEED_002_TABLE2 = (
    "二、主动公开政府信息情况|第二十条第（一）项|信息内容|本年新制作数量|本年新公开数量|对外公开总数量|规章|0|0|0|"
    "规范性文件|40|40|62|第二十条第（五）项|信息内容|上一年项目数量|本年增/减|处理决定数量|行政许可|622|259|187481|"
    "其他对外管理服务事项|1964|163|1074931|第二十条第（六）项|信息内容|上一年项目数量|本年增/减|处理决定数量|"
    "行政处罚|1574|430|250653|行政强制|79|0|2665|第二十条第（八）项|信息内容|上一年项目数量|行政事业性收费|本年增/减|"
    "26|37|第二十条第（九）项|信息内容|采购项目数量|政府集中采购|采购总金额（单位：万元）|318|74708.228|"
    "三、收到和处理政府信息公开申请情况|"
)
# peer 洪泽区 2024 (2021 format), pages 2–3 of 5: the print line, then 行政事业性收费's value,
# then the page's number (2) as the page's last line
HONGZE_2024_TABLE2 = (
    "第二十条第（一）项|信息内容|本年制发件数|本年废止件数|现行有效件数|规章|0|0|0|行政规范性文件|3|0|8|"
    "第二十条第（五）项|信息内容|本年处理决定数量|行政许可|9487|第二十条第（六）项|信息内容|本年处理决定数量|"
    "行政处罚|2776|行政强制|84|第二十条第（八）项|信息内容|本年收费金额（单位：万元）|行政事业性收费|"
    "打印日期：2023-12-28|7545|2|\x0c宿迁市人民政府门户网站 www.example.gov.cn"
)
# seed 001 (2021 format): 行政规范性文件's cells blank, and 行政处罚's value followed by the
# page's number (3)
SEED_001_TABLE2 = (
    "二、主动公开政府信息情况|第二十条第（一）项|信息内容|规章|本年制发件数|本年废止件数|0|现行有效件数|0|0|"
    "行政规范性文件|第二十条第（五）项|信息内容|本年处理决定数量|行政许可|0|第二十条第（六）项|信息内容|本年处理决定数量|"
    "行政处罚|1|3|\x0c宿迁市人民政府门户网站 www.example.gov.cn|第二十条第（一）项|信息内容|本年制发件数|本年废止件数|"
    "现行有效件数|行政强制|0|第二十条第（八）项|信息内容|本年收费金额（单位：万元）|行政事业性收费|"
    "三、收到和处理政府信息公开申请情况|"
)
# peer 淮安市 2024: the direct suits' 尚未审结 and 总计 (1 26) after the other suits' first three
HUAIAN_CITY_2024_TABLE4 = (
    "四、政府信息公开行政复议、行政诉讼情况|行政复议|行政诉讼|未经复议直接起诉|结|结|尚|果|果|其他|未|总|维|纠|结果|"
    "审|计|持|正|72|64|结|178|37 351|结|结|其|尚|果|果|他|未|维|纠|结|审|持|正|果|结|13|4|8|"
    "http://www.example.gov.cn/zwgk/ndbg/|复议后起诉|结|结|其|尚|总|果|果|他|未|总|计|维|纠|结|审|计|持|正|果|结|"
    "12|1|1|1 26|6 20|\x0c泰州市人民政府门户网站 www.example.gov.cn|第6页|五、存在的主要问题及改进情况|"
)
# peer 洪泽区 2023: the report's own 行政复议 total is 0 for 10 + 1 (its T4_TOTAL broken)
HONGZE_2023_TABLE4 = (
    "四、政府信息公开行政复议、行政诉讼情况|行政复议|行政诉讼|结果|结果|其他|尚未|总|维持|纠正|结果|审结|计|"
    "10|1|0|0|0|未经复议直接起诉|复议后起诉|结果|结果|其他|尚未|总|结果|结果|其他|尚未|总|维持|纠正|结果|审结|计|"
    "维持|纠正|结果|审结|计|0|0|0|0|0|5|0|0|0|0|五、存在的主要问题及改进情况|"
)
# synthetic 00055 (paged_pdftotext, 2021 format): fifteen zeros, the page's print line among them
SYNTH_00055_TABLE4 = (
    "四、政府信息公开行政复议、行政诉讼情况|行政 复议|行政 诉讼|未经复议直接起诉|结|结|其|尚|果|果|他|未|总|维|纠|结|审|计|"
    "持|正|果|结|0|0|0|0|打印日期：2023-12-28|0|结|结|其|尚|果|果|他|未|维|纠|结|审|持|正|果|结|0|0|0|0|复议 后起诉|"
    "结|结|其|尚|总|果|果|他|未|总|计|维|纠|结|审|计|持|正|果|结|0|0|0|0|0|0|\x0c宿迁市人民政府政务公开专栏|-6-|"
    "五、存在的主要问题及改进情况|"
)
# synthetic 00006 (paged_pdftotext, B5) once its page chrome is dropped (extract/pagemarks):
# 行政许可 and a wrapped 其他对外管理服务事项 before their six zeros, a page's header again
# before 行政事业性收费, 采购总金额 printed with its unit
SYNTH_00006_TABLE2 = (
    "第二十条第(一)项|信息内容|本年新制作数|本年新公开数|对外公开总数|量|量|量|规章|0|0|0|规范性文件|0|0|2|"
    "第二十条第(五)项|信息内容|上一年项目数|量|行政许可|其他对外管理服务事|项|本年增/减|处理决定数量|0|0|0|0|0|0|"
    "第二十条第(六)项|信息内容|上一年项目数|量|本年增/减|处理决定数量|行政处罚|0|0|50|行政强制|2|-1|0|第二十条第(八)项|"
    "\x0c第二十条第(一)项|信息内容|信息内容|本年新制作数|本年新公开数|对外公开总数|量|量|量|上一年项目数|本年增/减|量|"
    "行政事业性收费|2|1|第二十条第(九)项|信息内容|采购项目数量|政府集中采购|采购总金额|8|0.03万元"
)
# synthetic 00028 (paged_pdftotext): 行政许可 and a wrapped 其他对外管理服务事项 before their six
# values (0 0 215 · 9 -1 0), every other row after its label
SYNTH_00028_TABLE2 = (
    "二、主动公开政府信息情况|第二十条第(一)项|信息内容|本年新制作数|本年新公开数|对外公开总数|量|量|量|规章|0|0|10|"
    "规范性文件|0|0|2|第二十条第(五)项|信息内容|上一年项目数|量|行政许可|其他对外管理服务事|项|本年增/减|处理决定数量|"
    "0|0|215|9|-1|0|第二十条第(六)项|信息内容|上一年项目数|量|本年增/减|处理决定数量|行政处罚|11|3|0|行政强制|3|2|4|"
    "第二十条第(八)项|信息内容|上一年项目数|量|http://www.example.gov.cn/zwgk/ndbg/|本年增/减|第2页|"
    "\x0c淮安市人民政府门户网站 www.example.gov.cn|第二十条第(一)项|信息内容|本年新制作数|本年新公开数|对外公开总数|"
    "量|量|量|行政事业性收费|0|0|第二十条第(九)项|信息内容|采购项目数量|政府集中采购|采购总金额|0|0|"
    "三、收到和处理政府信息公开申请情况|"
)
TITLE = "某县人民政府2023年政府信息公开工作年度报告"


def _report(excerpt: str, title: str = TITLE):
    # a form feed ends the title's page: the text is poppler's, cut into pages
    return parse((title + "\n\x0c" + excerpt.replace("|", "\n") + "\n").encode(), name="page.txt")


def _table(report, name: str) -> dict[str, list]:
    return {key: list(cells.values()) for key, cells in (getattr(report, name) or {}).items()}


def _codes(report, prefix: str) -> list[str]:
    return sorted({f.code for f in report.findings if f.where and f.where.startswith(prefix)})


def test_table2_rows_each_after_their_label_are_read_row_by_row(monkeypatch):
    report = _report(SEED_002_TABLE2)
    assert _table(report, "table2") == {
        "regulations": [0, 0, 0], "normative_documents": [40, 40, 62],
        "licensing": [622, 259, 187481], "other_services": [1964, 163, 1074931],
        "punishment": [1574, 430, 250653], "coercion": [79, 0, 2665],
        "fees": [26, 37], "procurement": [318, 74708.228]}
    assert report.meta.template == "2019"  # the template's headers are written with the rows
    assert not [c for c in _codes(report, "table2") if c.startswith(("ROW_", "CELL_"))]
    # without the rule the header words among the values leave table 二 null
    monkeypatch.setattr(pagedrows, "rejoin_paged_table2", lambda text, *numbering: text)
    before = _report(SEED_002_TABLE2)
    assert _table(before, "table2")["procurement"] == [None, None]
    assert "ROW_AMBIGUOUS" in _codes(before, "table2")


def test_table2_is_written_as_a_browser_copies_it_with_the_templates_headers():
    body = SEED_002_TABLE2.split("|")[1:-2]
    assert pagedtable2._read(body, 0, None) == [
        "第二十条第(一)项", "信息内容\t本年新制作数量\t本年新公开数量\t对外公开总数量",
        "规章\t0\t0\t0", "规范性文件\t40\t40\t62",
        "第二十条第(五)项", "信息内容\t上一年项目数量\t本年增/减\t处理决定数量",
        "行政许可\t622\t259\t187481", "其他对外管理服务事项\t1964\t163\t1074931",
        "第二十条第(六)项", "信息内容\t上一年项目数量\t本年增/减\t处理决定数量",
        "行政处罚\t1574\t430\t250653", "行政强制\t79\t0\t2665",
        "第二十条第(八)项", "信息内容\t上一年项目数量\t本年增/减", "行政事业性收费\t26\t37",
        "第二十条第(九)项", "信息内容\t采购项目数量\t采购总金额", "政府集中采购\t318\t74708.228"]


def test_a_page_number_printed_after_a_rows_value_is_dropped_where_that_makes_the_row_exact():
    body = HONGZE_2024_TABLE2.split("|")
    edges = [("", ""), ("第二十条第（一）项", "2"), ("宿迁市人民政府门户网站 www.example.gov.cn", "")]
    rows = pagedtable2._read(body, 1, 1, edges, 2)  # page i (from 0) prints i + 1; the table on page 1
    assert rows is not None and rows[-1] == "行政事业性收费\t7545"
    assert "行政许可\t9487" in rows and "行政规范性文件\t3\t0\t8" in rows
    # with no page numbering proved, 7545 and 2 are two values for one cell: not read
    assert pagedtable2._read(body, 1, None, edges, 2) is None


def test_a_value_equal_to_the_page_number_is_kept_where_the_page_prints_its_number_at_its_edge():
    items = [("7545", ["7545"], 1), ("2", ["2"], 1), ("宿迁", [], 1)]
    # page 1 ends in "宿迁" (the item before it is not the page's last line) but prints 2 at its foot
    assert pagedtable2._page_numbers(items, {1: 2}, 1, [("", ""), ("x", "2")], 2) == set()
    assert pagedtable2._page_numbers(items, {1: 2}, 1, [("", ""), ("x", "宿迁")], 2) == {1}


def test_two_labels_before_their_values_are_read_only_where_every_order_gives_the_same_cells():
    rows = pagedtable2._read(SYNTH_00006_TABLE2.split("|"), 0, None)
    assert rows is not None
    assert "行政许可\t0\t0\t0" in rows and "其他对外管理服务事项\t0\t0\t0" in rows  # six zeros
    assert "行政强制\t2\t-1\t0" in rows  # a change may be negative
    assert rows[-1] == "政府集中采购\t8\t0.03"  # the amount in the header's unit, 万元
    # the same two labels before 1 2 3 4 5 6: row by row or column by column, nothing says
    mixed = SYNTH_00006_TABLE2.replace("处理决定数量|0|0|0|0|0|0|", "处理决定数量|1|2|3|4|5|6|")
    left = pagedtable2._read(mixed.split("|"), 0, None)
    assert left is not None and not any(row.startswith(("行政许可", "其他对外")) for row in left)


def test_a_value_that_suits_no_cell_of_its_row_leaves_table2_as_printed():
    assert pagedtable2._read(SYNTH_00006_TABLE2.replace("规章|0|0|0", "规章|0|-3|0").split("|"), 0, None) is None
    assert pagedtable2._read(SYNTH_00006_TABLE2.replace("规章|0|0|0", "规章|0|0|0.5").split("|"), 0, None) is None
    assert pagedtable2._read(SYNTH_00006_TABLE2.replace("规章|0|0|0", "规章|0|0|3万元").split("|"), 0, None) is None


def test_labels_with_no_value_between_them_leave_table2_to_the_aligner():
    """行政规范性文件's cells are blank: its label and 行政许可's come with only text between,
    and the one value after them cannot be dealt to two rows of four cells. The table is left
    as printed: the aligner's nulls, each with a finding — never 0 given to 行政规范性文件."""
    assert pagedtable2._read(SEED_001_TABLE2.split("|")[1:-2], 0, None) is None
    report = _report(SEED_001_TABLE2)
    table = _table(report, "table2")
    assert table["normative_documents"] == [None, None, None]
    assert table["licensing"] == [None]
    assert _codes(report, "table2.normative_documents") == ["CELL_BLANK"]
    assert "ROW_AMBIGUOUS" in _codes(report, "table2")


def test_table4_of_zeros_with_the_print_line_among_them_is_read(monkeypatch):
    report = _report(SYNTH_00055_TABLE4)
    assert _table(report, "table4") == {
        "review": [0] * 5, "litigation_direct": [0] * 5, "litigation_after_review": [0] * 5}
    assert not _codes(report, "table4")
    # without the rule the print line's date is read as two values (-12 -28) and the rows are not
    # rejoined; the boxes' reading of a table of one number (miner20, extract/boxes) still reads the
    # fifteen zeros — every reading of them gives the same cells — and no finding is raised
    monkeypatch.setattr(pagedrows, "rejoin_paged_table4", lambda text, *numbering: text)
    again = _report(SYNTH_00055_TABLE4)
    assert _table(again, "table4")["review"] == [0] * 5
    assert {v["by"] for k, v in again.provenance.items() if k.startswith("table4.")} == {"boxes"}


def test_table4_of_different_values_is_left_to_the_aligner_whatever_its_sums():
    """The blocks' order is not the cells': 淮安市 2024's direct suits print 13 4 8 before the
    other suits' 12 1 1 and their own 1 26 after. Its sums would pick one dealing of the
    values to groups if each group kept its cells' order — but poppler does not keep it
    (synthetic 00021: 19 0 0 printed 0 0 19), so the table is not read from this text."""
    body = HUAIAN_CITY_2024_TABLE4.split("|")[1:-2]
    assert pagedtable4._read(body, 0, None) is None
    report = _report(HUAIAN_CITY_2024_TABLE4, "淮安市人民政府2024年政府信息公开工作年度报告")
    assert _table(report, "table4")["litigation_direct"] == [None] * 5
    assert "ROW_AMBIGUOUS" in _codes(report, "table4")


def test_table4_whose_own_sums_are_broken_is_read_where_its_header_was_printed_across():
    """洪泽区 2023 prints its result headers a line across at a time (结果 ⏎ 结果 ⏎ 其他 ⏎ 尚未 ⏎
    总 ⏎ 维持 ⏎ …, every cell's first line, then every second line), the values right after
    each header row: the cells in order (docs/renderings.md §40). Its own sum is broken
    (10 + 1 ≠ 0): read as printed and reported, where before no order could be confirmed."""
    body = HONGZE_2023_TABLE4.split("|")[1:-2]
    assert pagedtable4._read(body, 0, None) == [10, 1, 0, 0, 0, 0, 0, 0, 0, 0, 5, 0, 0, 0, 0]
    report = _report(HONGZE_2023_TABLE4)
    assert _table(report, "table4") == {"review": [10, 1, 0, 0, 0], "litigation_direct": [0] * 5,
                                        "litigation_after_review": [5, 0, 0, 0, 0]}
    assert _codes(report, "table4") == ["T4_TOTAL"]


def test_table4_is_written_as_a_browser_copies_it():
    assert pagedtable4._written([0] * 15) == [
        "行政复议\t行政诉讼", "结果维持\t结果纠正\t其他结果\t尚未审结\t总计\t未经复议直接起诉\t复议后起诉",
        "\t".join(["结果维持", "结果纠正", "其他结果", "尚未审结", "总计"] * 2), "\t".join(["0"] * 15)]


def test_a_text_without_page_ends_is_left_as_printed():
    text = HUAIAN_CITY_2024_TABLE4.replace("\x0c", "").replace("|", "\n")
    assert pagedtable4.rejoin_paged_table4(text, None) is text
    text2 = SEED_002_TABLE2.replace("|", "\n")
    assert pagedtable2.rejoin_paged_table2(text2, None) is text2


def test_the_page_ends_inside_a_rewritten_table_stay_for_the_pages_after_it():
    """Table 三's page numbering counts the form feeds before it: a rewritten table 二 keeps
    its page ends (after its rows), and the page numbering proved on the text as printed is
    the one table 三 is read with."""
    text = ("某县2023年报告\n\x0c二、主动公开政府信息情况\n" + SYNTH_00006_TABLE2.replace("|", "\n")
            + "\n三、收到和处理政府信息公开申请情况\n")
    out = pagedtable2.rejoin_paged_table2(text, None)
    assert out != text and "政府集中采购\t8\t0.03\n" in out
    assert out.count("\x0c") == text.count("\x0c")


def test_two_rows_printed_before_their_values_are_read_where_by_column_a_value_would_not_suit_its_cell():
    """Every group has exactly its cells, so no value crossed a label. The two rows printed
    before six unequal values are read row by row (0 0 215 · 9 -1 0): column by column — the
    one other order poppler prints a group in — would read 0 215 -1 · 0 9 0, a count of
    decisions of -1, which no cell of that kind holds (docs/renderings.md §22)."""
    rows = pagedtable2._read(SYNTH_00028_TABLE2.split("|")[1:-2], 0, None)
    assert rows is not None
    assert "行政许可\t0\t0\t215" in rows and "其他对外管理服务事项\t9\t-1\t0" in rows
    assert "行政处罚\t11\t3\t0" in rows and "行政强制\t3\t2\t4" in rows and "规章\t0\t0\t10" in rows
    report = _report(SYNTH_00028_TABLE2)
    table = _table(report, "table2")
    assert table["licensing"] == [0, 0, 215] and table["other_services"] == [9, -1, 0]
    assert _codes(report, "table2.licensing") == []
    assert table["punishment"] == [11, 3, 0] and table["fees"] == [0, 0] and table["procurement"] == [0, 0]


def test_two_rows_whose_order_nothing_tells_are_left_out_the_others_read():
    """The same rows with 1 for -1: by column, 0 215 1 · 0 9 0, every value suits its cell in
    both orders and nothing tells which: the two rows are left out — null, each with
    ROW_MISSING — and every other row is read."""
    text = SYNTH_00028_TABLE2.replace("|0|0|215|9|-1|0|", "|0|0|215|9|1|0|")
    assert text != SYNTH_00028_TABLE2
    rows = pagedtable2._read(text.split("|")[1:-2], 0, None)
    assert rows is not None
    assert not any(row.startswith(("行政许可", "其他对外管理服务事项")) for row in rows)
    assert "行政处罚\t11\t3\t0" in rows
    report = _report(text)
    table = _table(report, "table2")
    assert table["licensing"] == [None] * 3 and table["other_services"] == [None] * 3
    assert _codes(report, "table2.licensing") == ["ROW_MISSING"]


def test_two_rows_are_read_row_by_row_where_a_printed_line_holds_two_of_their_values():
    """A line of two values is one baseline: two cells of one row. By column, the printed
    ``0 215`` would be cells of two rows, so only the order row by row is left."""
    text = SYNTH_00028_TABLE2.replace("|0|0|215|9|-1|0|", "|0|0 215|9|1|0|")
    rows = pagedtable2._read(text.split("|")[1:-2], 0, None)
    assert rows is not None
    assert "行政许可\t0\t0\t215" in rows and "其他对外管理服务事项\t9\t1\t0" in rows


def test_a_rewritten_table_keeps_every_later_line_where_the_file_has_it():
    """The rows written in place of values printed one a line take fewer lines: empty lines
    make up the difference, so what follows (here section 三's heading) keeps its line."""
    text = SEED_002_TABLE2.replace("|", "\n") + "\f"  # a text cut into pages
    rewritten = pagedtable2.rejoin_paged_table2(text, None)
    assert rewritten != text
    assert rewritten.count("\n") == text.count("\n")
    assert rewritten.split("\n").index("三、收到和处理政府信息公开申请情况") == \
        text.split("\n").index("三、收到和处理政府信息公开申请情况")
