"""Rows of table 三 read from poppler's reading order that the text leaves two readings of
(extract/order.distrust_row_orders, docs/renderings.md §37).

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
    assert _ambiguous(report, "table3.granted") == [
        "“(一)予以公开”行的数值分印在多行(阅读顺序不可靠),按读出的顺序总计不等于各项之和,而换一种顺序则成立,"
        "无法区分是报告本身的错误还是阅读顺序造成的,未采用"]
    assert not [f for f in report.findings if f.code == "T3_ROW_TOTAL"]
    # rows whose sums hold as read stay read
    assert report.table3["denied.state_secret"] == _row(1, 0, 0, 0, 0, 0, 1)
    assert report.table3["total"] == _row(19, 0, 0, 0, 0, 0, 19)


def test_a_row_printed_on_one_line_is_read_as_printed_even_where_its_total_fails():
    # a printed line is one row's cells in their order (§22): the report's own error, reported
    text = UNITS.read_text(encoding="utf-8").replace("8\n8件\n0件\n0件\n0件\n0\n0\n", "8 8件 0件 0件 0件 0 0\n", 1)
    report = parse(text.encode("utf-8"), name="page.txt")
    assert report.table3["granted"] == _row(8, 8, 0, 0, 0, 0, 0)
    assert [f.where for f in report.findings if f.code == "T3_ROW_TOTAL"] == ["table3.granted.total"]
    assert not _ambiguous(report, "table3.granted")


def test_values_before_a_label_without_values_are_one_rows_or_two_where_cells_are_blank():
    # 3.危及… is three zeros and four blanks, 4.保护第三方合法权益 four zeros and three blanks;
    # its label stands beside the group cell (三)不予公开 and poppler printed it after both rows'
    # seven zeros, which the aligner read as 3.危及…'s seven cells
    report = parse(ZERO_BLANK)
    assert report.table3["denied.security_stability"] == NULL_ROW
    assert _ambiguous(report, "table3.denied.security_stability") == [
        "“3.危及“三安全一稳定””行的数值分印在多行,其后“4.保护第三方合法权益”行的行标题后没有数值(其数值可能印在行标题之前),"
        "而报告留有空单元格,这些数值属于一行还是两行无法由个数确定,未采用"]
    assert report.table3["denied.third_party_rights"] == NULL_ROW
    assert all(v is None or v == 0 for row in report.table3.values() for v in row.values())


def test_without_blank_cells_the_count_tells_and_the_rows_stay_read():
    # the units report leaves no cell blank: 3.危及…'s seven values are its own (the next
    # row's seven follow them, before its displaced label)
    report = parse(UNITS)
    assert report.table3["denied.security_stability"] == _row(0, 0, 0, 0, 0, 0, 0)
    assert not _ambiguous(report, "table3.denied.security_stability")
