"""Totals printed before their parts (``ogi.extract.colorder``, ``colorder_read``,
``colorder_t4``): table 三's 总计 column right after the labels, table 四's 总计 first in
each block — read by the header in a grid, by the header's order in running text where it
is read whole, null with a finding where it is not."""

from __future__ import annotations

import random

from ogi import parse
from ogi.document import Cell, Document, Paragraph, Table
from ogi.extract.colorder import columns_in_template_order, order_printed_in_lines
from ogi.extract.colorder_read import column_order, read_in_printed_order
from ogi.extract.colorder_t4 import blocks_in_template_order
from ogi.extract.colorder_t4 import order_printed_in_text as t4_order
from ogi.extract.colorder_t4 import read_in_printed_order as t4_read
from ogi.synth import wild3
from ogi.synth.shapes.text import inner_text_walk

ORGS = ["商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他"]
KEYS = ("natural_person", "commercial", "research", "social_welfare", "legal_service", "other_org", "total")
RESULTS = ["结果维持", "结果纠正", "其他结果", "尚未审结", "总计"]
SEED = 26  # a totals-first report with organisations' applications and table 四 cases in all three blocks
GRID3 = "表三申请人各列的顺序与规定格式不同(印为:总计、自然人、商业企业、科研机构、社会公益组织、法律服务机构、其他),已按表头读入各列"
GRID4 = ("表四结果各列的顺序与规定格式不同(印为:" + ";".join(
    f"{b}:总计、结果维持、结果纠正、其他结果、尚未审结" for b in ("行政复议", "未经复议直接起诉", "复议后起诉"))
    + "),已按表头读入各列")
TOTALS_FIRST = "总计、自然人、法人或其他组织(商业企业、科研机构、社会公益组织、法律服务机构、其他)"
TEXT3 = f"表三表头所印申请人各列的顺序与规定格式不同(印为:{TOTALS_FIRST}),已按表头所印顺序读入各列"
T4_PRINTED = ";".join(["总计、结果维持、结果纠正、其他结果、尚未审结"] * 3)
TEXT4 = f"表四表头所印结果各列的顺序与规定格式不同(印为:{T4_PRINTED}),已按表头所印顺序读入各列"


def _report() -> wild3.Wild3:
    return wild3.make(random.Random(SEED), "totals_first")


def test_a_totals_first_page_reads_every_value_by_its_header():
    """The page's table 三 prints 总计 before 自然人 under 申请人情况, 法人或其他组织 spanning the
    five after them; table 四 prints 总计 first in each block. Before: table 三's applicant
    cells all null (法人或其他组织 moves one left, which the grid rule refused), table 四 read
    by position (review's 30 read as 结果维持's)."""
    w = _report()
    report = parse(w.html, name="totals.html")
    assert report.table3 == w.expected["table3"]
    assert report.table4 == w.expected["table4"]
    assert report.table3["new_received"] == dict(zip(KEYS, (95, 0, 15, 0, 0, 0, 110)))
    assert report.table4["review"] == {"upheld": 0, "corrected": 25, "other": 5, "pending": 0, "total": 30}
    assert [f.message for f in report.findings if f.code == "TEMPLATE_DEVIATION"] == [GRID3, GRID4]


def test_the_same_report_as_a_text_browsers_rows_is_read_in_the_order_its_header_prints():
    """Its text (a row a line): table 三's header read whole (first row, then the five), and
    table 四's results in the same order in its three blocks, only 总计 moved — both read in
    that order, the sums confirming 总计's place."""
    w = _report()
    text = inner_text_walk(w.html.decode("utf-8")).replace("\t", " ").encode("utf-8")
    report = parse(text, name="totals.txt")
    assert report.table3 == w.expected["table3"]
    assert report.table4 == w.expected["table4"]
    assert [f.message for f in report.findings if f.code == "TEMPLATE_DEVIATION"] == [TEXT3, TEXT4]


def _table3(first_row: list[tuple[str, int, int]], values: list[str], width: int = 10) -> Table:
    """A table 三 grid: labels over columns 0-2, the header's rows as given (text, column,
    span), the five under 法人或其他组织 after the first row's cells, one row of values."""
    cells = [Cell("申请人情况", 0, 3, 1, 7)]
    cells += [Cell(text, 1, col, 1 if span > 1 else 2, span) for text, col, span in first_row]
    start = next(col for text, col, _ in first_row if text == "法人或其他组织")
    cells += [Cell(org, 2, start + i) for i, org in enumerate(ORGS)]
    cells += [Cell("一、本年新收政府信息公开申请数量", 3, 0, 1, 3)] + [Cell(v, 3, 3 + i) for i, v in enumerate(values)]
    return Table(cells)


def _row(table: Table, row: int) -> list[str]:
    return [c.text for c in sorted((c for c in table.cells if c.row == row), key=lambda c: c.col)]


TOTAL_FIRST_ROW = [("总计", 3, 1), ("自然人", 4, 1), ("法人或其他组织", 5, 5)]


def test_a_spanning_header_moves_with_the_columns_it_spans_where_they_stay_side_by_side():
    doc, notes = columns_in_template_order(Document([_table3(TOTAL_FIRST_ROW, ["10", "5", "3", "2", "0", "0", "0"])], "html"))
    table = doc.blocks[0]
    assert _row(table, 1) == ["自然人", "法人或其他组织", "总计"]  # 法人或其他组织 one left, 总计 at the end
    assert [(c.col, c.colspan) for c in table.cells if c.text == "法人或其他组织"] == [(4, 5)]
    assert _row(table, 3)[1:] == ["5", "3", "2", "0", "0", "0", "10"]
    assert notes == ["总计、自然人、商业企业、科研机构、社会公益组织、法律服务机构、其他"]


def test_a_table_three_cut_by_a_page_break_moves_alike_or_not_at_all():
    """The rows a PDF's next page holds come as a table of their own, under no header: moved
    as the header's table where they have its columns; where they do not, which column a
    value stands in cannot be told, and the table is left as printed (the text rule decides)."""
    head = _table3(TOTAL_FIRST_ROW, ["10", "5", "3", "2", "0", "0", "0"])
    rest = Table([Cell("(七)总计", 0, 1, 1, 2)] + [Cell(v, 0, 3 + i) for i, v in enumerate(["4", "4", "0", "0", "0", "0", "0"])])
    doc, notes = columns_in_template_order(Document([head, Paragraph("- 2 -"), rest], "pdf"))
    assert _row(doc.blocks[2], 0) == ["(七)总计", "4", "0", "0", "0", "0", "0", "4"]
    assert len(notes) == 1
    narrower = Table([Cell("(七)总计", 0, 0)] + [Cell(v, 0, 1 + i) for i, v in enumerate(["4", "4", "0", "0", "0", "0", "0"])])
    doc = Document([head, narrower], "pdf")
    assert columns_in_template_order(doc) == (doc, [])


def _table4(results: list[str], values: list[int]) -> Table:
    cells = [Cell("行政复议", 0, 0, 1, 5), Cell("行政诉讼", 0, 5, 1, 10)]
    cells += [Cell(r, 1, i, 2, 1) for i, r in enumerate(results)]
    cells += [Cell("未经复议直接起诉", 1, 5, 1, 5), Cell("复议后起诉", 1, 10, 1, 5)]
    cells += [Cell(r, 2, 5 + i + 5 * b) for b in range(2) for i, r in enumerate(results)]
    cells += [Cell(str(v), 3, i) for i, v in enumerate(values)]
    return Table(cells)


def test_table_fours_blocks_are_put_in_the_templates_order_by_their_headers():
    printed = ["总计", "结果维持", "结果纠正", "其他结果", "尚未审结"]
    doc, notes = blocks_in_template_order(Document([_table4(printed, [3, 1, 2, 0, 0] * 3)], "html"))
    assert _row(doc.blocks[0], 3) == ["1", "2", "0", "0", "3"] * 3
    assert notes == [";".join(f"{b}:总计、结果维持、结果纠正、其他结果、尚未审结"
                              for b in ("行政复议", "未经复议直接起诉", "复议后起诉"))]
    same = Document([_table4(RESULTS, [1, 2, 0, 0, 3] * 3)], "html")
    assert blocks_in_template_order(same) == (same, [])
    repeated = Document([_table4(["总计", "结果维持", "结果维持", "其他结果", "尚未审结"], [0] * 15)], "html")
    assert blocks_in_template_order(repeated) == (repeated, [])  # a result missing: left as printed


def _table4_litigation_first(results: list[str], values: list[int]) -> Table:
    """Table 四 as some agencies print it: 行政诉讼's two blocks first, 行政复议 last."""
    cells = [Cell("行政诉讼", 0, 0, 1, 10), Cell("行政复议", 0, 10, 1, 5)]
    cells += [Cell("未经复议直接起诉", 1, 0, 1, 5), Cell("复议后起诉", 1, 5, 1, 5)]
    cells += [Cell(r, 1, 10 + i, 2, 1) for i, r in enumerate(results)]
    cells += [Cell(r, 2, i + 5 * b) for b in range(2) for i, r in enumerate(results)]
    cells += [Cell(str(v), 3, i) for i, v in enumerate(values)]
    return Table(cells)


def test_table_fours_blocks_printed_litigation_first_are_dealt_back_by_their_headers():
    direct, after, review = [0, 1, 2, 6, 9], [4, 0, 5, 1, 10], [0, 0, 3, 22, 25]
    doc, notes = blocks_in_template_order(Document([_table4_litigation_first(RESULTS, direct + after + review)], "html"))
    assert _row(doc.blocks[0], 3) == [str(v) for v in review + direct + after]
    assert notes == ["栏序:未经复议直接起诉、复议后起诉、行政复议"]
    printed = ["总计", "结果维持", "结果纠正", "其他结果", "尚未审结"]  # ... and 总计 first in each block
    first = [v[-1:] + v[:-1] for v in (direct, after, review)]
    doc, notes = blocks_in_template_order(Document([_table4_litigation_first(printed, [v for block in first for v in block])], "html"))
    assert _row(doc.blocks[0], 3) == [str(v) for v in review + direct + after]
    assert notes == ["栏序:未经复议直接起诉、复议后起诉、行政复议;" + ";".join(
        f"{b}:总计、结果维持、结果纠正、其他结果、尚未审结" for b in ("未经复议直接起诉", "复议后起诉", "行政复议"))]


def test_a_page_with_table_fours_blocks_litigation_first_reads_each_block_or_none():
    direct, after, review = [0, 1, 2, 6, 9], [4, 0, 5, 1, 10], [0, 0, 3, 22, 25]
    rows = "".join(f"<tr>{''.join(f'<td>{c}</td>' for c in row)}</tr>" for row in (direct + after + review,))
    page = ("<html><body><p>四、政府信息公开行政复议、行政诉讼情况</p><table>"
            "<tr><td colspan=10>行政诉讼</td><td colspan=5>行政复议</td></tr>"
            "<tr><td colspan=5>未经复议直接起诉</td><td colspan=5>复议后起诉</td>"
            + "".join(f"<td rowspan=2>{r}</td>" for r in RESULTS) + "</tr><tr>"
            + "".join(f"<td>{r}</td>" for r in RESULTS * 2) + f"</tr>{rows}</table>"
            "<p>五、存在的主要问题及改进情况</p><p>无。</p></body></html>")
    report = parse(page.encode(), name="t4.html")
    assert report.table4 == {"review": dict(zip(T4_KEYS, review)), "litigation_direct": dict(zip(T4_KEYS, direct)),
                             "litigation_after_review": dict(zip(T4_KEYS, after))}
    assert [f.message for f in report.findings if f.code == "TEMPLATE_DEVIATION"] == [
        "表四各栏的顺序与规定格式不同(印为:未经复议直接起诉、复议后起诉、行政复议),已按表头读入各列"]
    text = "\n".join(["四、政府信息公开行政复议、行政诉讼情况", "行政诉讼 行政复议", "未经复议直接起诉 复议后起诉",
                      " ".join(RESULTS * 3), " ".join(map(str, direct + after + review))])
    report = parse(text.encode(), name="t4.txt")
    assert all(v is None for block in report.table4.values() for v in block.values())
    assert [f.message for f in report.findings if f.code == "TEMPLATE_DEVIATION"] == [
        ("表四表头所印各栏的顺序与规定格式不同(印为:行政诉讼、行政复议、未经复议直接起诉、复议后起诉),"
         "各列数值无法按位置对应,表四未读入")]


T4_KEYS = ("upheld", "corrected", "other", "pending", "total")


HEAD = ["三、收到和处理政府信息公开申请情况", "申请人情况"]
FIRST = ["一、本年新收政府信息公开申请数量 10 5 3 2 0 0 0"]


def test_a_text_header_read_whole_names_the_columns_and_one_read_in_part_names_none():
    lines = HEAD + ["总计 自然人 法人或其他组织", " ".join(ORGS)] + FIRST
    assert order_printed_in_lines(lines) == TOTALS_FIRST
    assert column_order(TOTALS_FIRST) == ("总计", "自然人", *ORGS)
    # pdftotext of an office suite's PDF: the one-line 法人或其他组织 above the centred 总计 and
    # 自然人 — the joined reading puts it first, which no sum can confirm: read in part only
    office = HEAD + ["法人或其他组织", "总计 自然人", " ".join(ORGS)] + FIRST
    assert order_printed_in_lines(office) == "总计、自然人"
    assert column_order("总计、自然人") is None
    # the five in another order, a cell a line, each label whole (docx2txt, BeautifulSoup's lines:
    # the cells in the order drawn): read (round 2, eighteenth session)
    cells = HEAD + ["总计", "自然人", "法人或其他组织", "科研机构", "商业企业", *ORGS[2:]] + FIRST
    shuffled = "总计、自然人、法人或其他组织(科研机构、商业企业、社会公益组织、法律服务机构、其他)"
    assert order_printed_in_lines(cells) == shuffled
    assert column_order(shuffled) == ("总计", "自然人", "科研机构", "商业企业", *ORGS[2:])
    # ... but not where a cell is wrapped over lines (a PDF's text layer, a piece a line): the
    # joined reading alone does not tell the order drawn from a renderer's
    pieces = HEAD + ["总计", "自然人", "法人或其他组织", "科研", "机构", "商业企业", *ORGS[2:]] + FIRST
    assert order_printed_in_lines(pieces) == "总计、自然人、科研机构、商业企业、社会公益组织、法律服务机构、其他"


def _rows(*rows: tuple[int, ...]) -> dict[str, dict]:
    return {f"r{i}": dict(zip(KEYS, row)) for i, row in enumerate(rows)}


def test_values_move_to_the_printed_columns_where_every_row_sums():
    table3 = _rows((10, 5, 3, 2, 0, 0, 0), (None, 1, 0, 0, 0, 0, 0))
    provenance = {"table3.r0.natural_person": {"line": 9}}
    assert read_in_printed_order(table3, provenance, TOTALS_FIRST)
    assert table3["r0"] == dict(zip(KEYS, (5, 3, 2, 0, 0, 0, 10)))
    assert table3["r1"] == dict.fromkeys(KEYS)  # a row read in part has no certain places
    assert provenance == {"table3.r0.total": {"line": 9}}


def test_a_row_that_does_not_sum_once_moved_leaves_everything_as_it_was():
    table3 = _rows((10, 5, 3, 2, 0, 0, 0), (4, 1, 1, 0, 0, 0, 0))
    before = {k: dict(v) for k, v in table3.items()}
    assert not read_in_printed_order(table3, {}, TOTALS_FIRST)
    assert table3 == before
    assert not read_in_printed_order(table3, {}, "总计、自然人")  # no order named


def _doc(*lines: str) -> Document:
    return Document([Paragraph(line) for line in lines], "txt")


T4_HEAD = ["四、政府信息公开行政复议、行政诉讼情况", "行政复议 | 行政诉讼"]


def test_table_fours_text_header_is_read_only_where_all_three_blocks_show_the_same_order():
    first = "总计 结果维持 结果纠正 其他结果 尚未审结"
    whole = _doc(*T4_HEAD, f"{first} 未经复议直接起诉 复议后起诉", f"{first} {first}", "0 0 0 0 0")
    assert t4_order(whole) == T4_PRINTED
    table4 = {g: {"upheld": 3, "corrected": 1, "other": 2, "pending": 0, "total": 0}
              for g in ("review", "litigation_direct", "litigation_after_review")}
    assert t4_read(table4, {}, T4_PRINTED)
    assert table4["review"] == {"upheld": 1, "corrected": 2, "other": 0, "pending": 0, "total": 3}
    # html2text drops the third header row's second half: two blocks shown, the third unknown
    cut = _doc(*T4_HEAD, f"{first} 未经复议直接起诉 复议后起诉", first, "0 0 0 0 0")
    assert t4_order(cut) == ";".join(["总计、结果维持、结果纠正、其他结果、尚未审结"] * 2)
    assert not t4_read(table4, {}, t4_order(cut))
    parts = ";".join(["总计、结果纠正、结果维持、其他结果、尚未审结"] * 3)  # the four moved too: no sum confirms
    assert not t4_read(table4, {}, parts)
    template = _doc(*T4_HEAD, "结果维持 结果纠正 其他结果 尚未审结 总计", "0 0 0")
    assert t4_order(template) is None


def test_a_table_four_header_whose_cells_wrap_is_not_read():
    """A Word PDF's grid whose result cells wrap prints their lines row by row: 总计, the one
    label on one line, would seem printed first (wild44 word_pdf 00017: table 四 nulled, in
    the template's order). A piece of a label not read whole: no reading."""
    wrapped = _doc(*T4_HEAD, "结果 结果 其他 尚未 总计 未经复议直接起诉 复议后起诉", "维持 纠正 结果 审结",
                   "结果维持 结果纠正 其他结果 尚未审结 总计 结果维持 结果纠正 其他结果 尚未审结 总计", "0 0 0")
    assert t4_order(wrapped) is None


def test_table_four_blocks_read_in_different_orders_are_no_evidence():
    """pdfminer's boxes: the review block's 总计 (two rows high) printed before its results,
    the litigation blocks in the template's order (peer shuyang_fgj_2023, which prints the
    template's order): no reading, table 四 read as before."""
    first = "总计 结果维持 结果纠正 其他结果 尚未审结"
    template = "结果维持 结果纠正 其他结果 尚未审结 总计"
    mixed = _doc(*T4_HEAD, f"{first} 未经复议直接起诉 复议后起诉", f"{template} {template}", "0 0 0")
    assert t4_order(mixed) is None


def test_rows_that_sum_in_both_readings_cannot_place_the_total():
    """Natural persons only: ``5 0 0 0 0 0 5`` sums read by position and read 总计 first
    (总计 5, 其他 5, 自然人 0); where every row does, the values cannot tell a misread header
    from the template's order: nothing moves. A row that fails as read by position decides."""
    both = _rows((5, 0, 0, 0, 0, 0, 5), (0, 0, 0, 0, 0, 0, 0))
    assert not read_in_printed_order(both, {}, TOTALS_FIRST)
    assert both["r0"]["natural_person"] == 5
    decided = _rows((5, 0, 0, 0, 0, 0, 5), (4, 4, 0, 0, 0, 0, 0))  # 4 then 4: 总计 first
    assert read_in_printed_order(decided, {}, TOTALS_FIRST)
    assert decided["r0"] == dict(zip(KEYS, (0, 0, 0, 0, 0, 5, 5))) and decided["r1"] == dict(zip(KEYS, (4, 0, 0, 0, 0, 0, 4)))
    table4 = {g: {"upheld": 3, "corrected": 3, "other": 0, "pending": 0, "total": 0}
              for g in ("review", "litigation_direct", "litigation_after_review")}
    assert t4_read(table4, {}, T4_PRINTED)  # 3 3 0 0 0 fails as read by position: 总计 first
    same = {g: {"upheld": 3, "corrected": 0, "other": 0, "pending": 0, "total": 3}
            for g in ("review", "litigation_direct", "litigation_after_review")}
    assert not t4_read(same, {}, T4_PRINTED)  # 3 0 0 0 3 sums both ways


PERSON_AFTER = "法人或其他组织(商业企业、科研机构、社会公益组织、法律服务机构、其他)、自然人、总计"


def test_自然人_printed_after_the_five_is_read_by_the_header_alone_where_总计_stays_last():
    # a PDF's glyphs place 自然人 right of the five (wild5 ``reordered``, nineteenth session): 总计
    # is still the row's last value, so no sum tells the readings apart, and none is asked —
    # as for the five shuffled among themselves, the header is the evidence
    table3 = _rows((0, 2, 0, 0, 1, 4, 7), (None, 0, 0, 0, 0, 0, 0))
    provenance = {"table3.r0.other_org": {"line": 3}}  # the sixth value: 自然人's
    assert read_in_printed_order(table3, provenance, PERSON_AFTER)
    assert table3["r0"] == dict(zip(KEYS, (4, 0, 2, 0, 0, 1, 7)))
    assert table3["r1"] == dict.fromkeys(KEYS)
    assert provenance == {"table3.r0.natural_person": {"line": 3}}
