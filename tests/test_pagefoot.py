"""Table 二's rows read one value a line at the foot of a page (extract/order.distrust_page_foot_rows).

The fixture is poppler's reading order (``pdftotext``, no ``-layout``) of LibreOffice's PDF of
the unseen wild4 report 00017 (inner_caption): table 二's 行政许可 row (2019 format: 上一年项目数量 3,
本年增/减 1, 处理决定数量 0) is the last row of page 1 and comes out as ``3 ⏎ 0 ⏎ 1 ⏎ \\f`` — the
third cell printed before the second. Table 二 has no sum, so read as printed the two numbers
were wrong with no finding."""

from pathlib import Path

from ogi import parse

FIXTURE = Path(__file__).parent / "fixtures" / "readorder" / "office_pdftotext_page_foot_wild4.txt"
FOOT = ("“行政许可”行的数值逐个成行,印在一页的末尾(其后没有同页的行),文本的阅读顺序不能确定各值的先后,"
        "而表二没有合计关系可以核对,未采用")
ROW = "行政许可\n\n3\n\n0\n\n1\n\n\f"


def _parse(text: str):
    return parse(text.encode("utf-8"), name="page.txt")


def _text() -> str:
    text = FIXTURE.read_text(encoding="utf-8")
    assert text.count(ROW) == 1
    return text


def test_a_row_of_table2_one_value_a_line_at_a_page_foot_is_null_with_a_finding():
    report = _parse(_text())
    assert report.table2["licensing"] == {"items_prev_year": None, "items_change": None, "decisions": None}
    assert [(f.code, f.message) for f in report.findings if f.where == "table2.licensing"] == [
        ("CELL_AMBIGUOUS", FOOT)]
    # the rows with a row after them on their page stand as read
    assert report.table2["other_services"] == {"items_prev_year": 0, "items_change": 0, "decisions": 0}
    assert report.table2["coercion"] == {"items_prev_year": 6, "items_change": -2, "decisions": 50}
    assert report.table2["fees"] == {"items_prev_year": 18, "items_change": 6}


def test_the_same_row_with_a_row_after_it_on_its_page_is_read_as_printed():
    report = _parse(_text().replace(ROW, "行政许可\n\n3\n\n0\n\n1\n\n"))
    assert report.table2["licensing"] == {"items_prev_year": 3, "items_change": 0, "decisions": 1}
    assert not [f for f in report.findings if f.where == "table2.licensing"]


def test_a_row_printed_on_one_line_at_a_page_foot_is_read_as_printed():
    # a printed line is one row's cells in their order (§22)
    report = _parse(_text().replace(ROW, "行政许可 3 1 0\n\n\f"))
    assert report.table2["licensing"] == {"items_prev_year": 3, "items_change": 1, "decisions": 0}


def test_a_row_of_equal_values_at_a_page_foot_reads_the_same_in_any_order():
    report = _parse(_text().replace(ROW, "行政许可\n\n0\n\n0\n\n0\n\n\f"))
    assert report.table2["licensing"] == {"items_prev_year": 0, "items_change": 0, "decisions": 0}
    assert not [f for f in report.findings if f.where == "table2.licensing"]
