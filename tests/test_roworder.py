"""Rows of table 三 read from poppler's reading order that the text leaves two readings of
(extract/order.distrust_row_orders, docs/renderings.md §40).

The fixtures are ``pdftotext`` (reading order, no ``-layout``) of two reports of the unseen
wild corpus (seed 6161): one that prints a unit after each count (``8件``, wrapped in its cell,
so poppler prints ``8 ⏎ 8件 ⏎ 0件 …``) and one that leaves zeros blank."""

from pathlib import Path

from ogi import parse

FIXTURES = Path(__file__).parent / "fixtures" / "readorder"
UNITS = FIXTURES / "pdftotext_units_wild.txt"
ZERO_BLANK = FIXTURES / "pdftotext_zero_blank_wild.txt"
COLUMNS = ("natural_person", "commercial", "research", "social_welfare", "legal_service", "other_org", "total")
NULL_ROW = dict.fromkeys(COLUMNS)


def _row(*values):
    return dict(zip(COLUMNS, values))


def _ambiguous(report, where: str) -> list[str]:
    return [f.message for f in report.findings if f.code == "CELL_AMBIGUOUS" and f.where == where]


def test_a_row_whose_total_holds_in_another_order_of_its_values_is_null():
    # (一)予以公开 is 8件 0件 0件 0件 0件 0 8件; poppler printed 8 ⏎ 8件 ⏎ 0件 ⏎ 0件 ⏎ 0件 ⏎ 0 ⏎ 0: read
    # in that order, 8 stood under 商业企业 and the total's finding blamed 总计
    report = parse(UNITS)
    assert report.table3["granted"] == NULL_ROW
    assert _ambiguous(report, "table3.granted") == [(
        "“(一)予以公开”行的数值分印在多行(阅读顺序不可靠),按读出的顺序总计不等于各项之和,而换一种顺序则成立,"
        "无法区分是报告本身的错误还是阅读顺序造成的,未采用")]
    assert not [f for f in report.findings if f.code == "T3_ROW_TOTAL"]
    # rows whose sums hold as read stay read
    assert report.table3["denied.state_secret"] == _row(1, 0, 0, 0, 0, 0, 1)
    assert report.table3["total"] == _row(19, 0, 0, 0, 0, 0, 19)


def test_a_row_printed_on_one_line_is_read_as_printed_even_where_its_total_fails():
    # a printed line is one row's cells in their order (§22): the report's own error, reported
    text = UNITS.read_text(encoding="utf-8").replace("8\n8件\n0件\n0件\n0件\n0\n0\n", "8 8件 0件 0件 0件 0 0\n", 1)
    report = parse(text.encode("utf-8"), name="page.txt")
    assert report.table3["granted"] == _row(8, 8, 0, 0, 0, 0, 0)
    assert [f.where for f in report.findings if f.code == "T3_ROW_TOTAL"] == ["table3.granted"]
    assert not _ambiguous(report, "table3.granted")


def test_values_before_a_label_without_values_are_one_rows_or_two_where_cells_are_blank():
    # 3.危及… is three zeros and four blanks, 4.保护第三方合法权益 four zeros and three blanks;
    # its label stands beside the group cell (三)不予公开 and poppler printed it after both rows'
    # seven zeros, which the aligner read as 3.危及…'s seven cells
    report = parse(ZERO_BLANK)
    assert report.table3["denied.security_stability"] == NULL_ROW
    assert _ambiguous(report, "table3.denied.security_stability") == [(
        "“3.危及“三安全一稳定””行的数值分印在多行,其后“4.保护第三方合法权益”行的行标题后没有数值(其数值可能印在行标题之前),"
        "而报告留有空单元格,这些数值属于一行还是两行无法由个数确定,未采用")]
    assert report.table3["denied.third_party_rights"] == NULL_ROW
    assert all(v is None or v == 0 for row in report.table3.values() for v in row.values())


def test_without_blank_cells_the_count_tells_and_the_rows_stay_read():
    # the units report leaves no cell blank: 3.危及…'s seven values are its own (the next
    # row's seven follow them, before its displaced label)
    report = parse(UNITS)
    assert report.table3["denied.security_stability"] == _row(0, 0, 0, 0, 0, 0, 0)
    assert not _ambiguous(report, "table3.denied.security_stability")


# ---------------------------------------------------------------- table 四, a header read across

from ogi.extract.pagedtable4 import _across, _read_across

RESULTS = ("结果维持", "结果纠正", "其他结果", "尚未审结", "总计")
ACROSS = FIXTURES / "paged_pdftotext_table4_across.txt"
ACROSS_OWN_SUM_BROKEN = FIXTURES / "paged_pdftotext_table4_across_own_sum_broken.txt"


def _t4(*values):
    keys = ("upheld", "corrected", "other", "pending", "total")
    return {"review": dict(zip(keys, values[:5])), "litigation_direct": dict(zip(keys, values[5:10])),
            "litigation_after_review": dict(zip(keys, values[10:]))}


def _items(*lines: str):
    return [(line, line.split() if line.replace(" ", "").isdigit() else [], 0) for line in lines]


FIRST, SECOND = ("结果", "结果", "其他", "尚未", "总"), ("维持", "纠正", "结果", "审结", "计")


def test_a_header_printed_a_line_across_at_a_time_orders_table4():
    # synthetic 00079 on narrow pages: 行政复议 ⏎ 行政诉讼 ⏎ 结果 ⏎ 结果 ⏎ 其他 ⏎ 尚未 ⏎ 总 ⏎ 维持 ⏎ 纠正 ⏎
    # 结果 ⏎ 审结 ⏎ 计 ⏎ 0 ⏎ 0 ⏎ 36 ⏎ 15 ⏎ 51 ⏎ 未经复议直接起诉 ⏎ 复议后 起诉 ⏎ (the pieces twice) ⏎ 12 ⏎ …
    report = parse(ACROSS)
    assert report.table4 == _t4(0, 0, 36, 15, 51, 12, 0, 3, 27, 42, 0, 8, 0, 0, 8)
    assert not [f for f in report.findings if (f.where or "").startswith("table4")]


def test_a_table4_read_across_keeps_the_reports_own_broken_sum_and_reports_it():
    report = parse(ACROSS_OWN_SUM_BROKEN)
    assert report.table4 == _t4(0, 0, 0, 0, 2, *[0] * 10)
    assert [(f.code, f.where, f.message) for f in report.findings if (f.where or "").startswith("table4")] == [
        ("T4_TOTAL", "table4.review", "结果维持+结果纠正+其他结果+尚未审结 = 0+0+0+0 = 0 ≠ 总计 = 2 (行政复议)")]


def test_across_wants_every_cells_pieces_a_line_at_a_time():
    assert _across([*FIRST, *SECOND], RESULTS)
    assert _across(list(RESULTS), RESULTS)  # not wrapped: one line across
    # a cell at a time (a block per cell), and ragged lines (总计 on the middle lines only)
    assert not _across(["结果", "维持", "结果", "纠正", "其他", "结果", "尚未", "审结", "总", "计"], RESULTS)
    assert not _across(["结", "结", "其", "尚", "果", "果", "他", "未", "总", "维", "纠", "结", "审", "计",
                        "持", "正", "果", "结"], RESULTS)


def test_a_table4_read_across_wants_nothing_else_among_its_lines():
    lines = ("行政复议", "行政诉讼", *FIRST, *SECOND, "1", "1", "0", "0", "2", "未经复议直接起诉", "复议后起诉",
             *FIRST * 2, *SECOND * 2, *"1000010201")
    assert _read_across(_items(*lines)) == [1, 1, 0, 0, 2, 1, 0, 0, 0, 0, 1, 0, 2, 0, 1]
    # a print line among the values: another block between them, the order no longer shown
    at = lines.index("0")
    assert _read_across(_items(*lines[:at], "打印日期：2023-12-28", *lines[at:])) is None
    # a value short
    assert _read_across(_items(*lines[:-1])) is None


def test_short_rows_prove_blank_cells_only_where_no_label_stands_before_too_many_values():
    from ogi.extract.order import _labels_without_values, _part_rows
    from ogi.template.formats import FORMATS
    spec = FORMATS["2021"].table3
    blank = [("denied.prohibited_by_law", 2), ("denied.security_stability", 7), ("denied.third_party_rights", 0),
             ("denied.internal_affairs", 4)]
    assert _part_rows(spec, blank)
    assert _labels_without_values(blank) == [("denied.security_stability", "denied.third_party_rights")]
    # pdfminer's columns: a label with no value, one with fifty — the short rows prove nothing
    columns = [("new_received", 7), ("carried_over", 0), ("granted", 2), ("denied.process_information", 50)]
    assert not _part_rows(spec, columns)
