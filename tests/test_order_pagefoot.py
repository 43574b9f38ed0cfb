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


HEADER_AFTER_LABEL = Path(__file__).parent / "fixtures" / "readorder" / "office_pdftotext_header_after_label_wild40.txt"
AFTER_HEADER = ("“行政处罚”行的数值印在表头之后、行标题与数值之间隔着表头(阅读顺序不是逐行的),而报告留有空单元格、"
                "表二没有合计关系可以核对,这些数值属于哪一行无法确定,未采用")


def test_a_value_after_a_header_printed_after_the_label_is_no_rows_where_cells_are_blank():
    # poppler's text of LibreOffice's PDF of wild40 00032 (zero_blank: blank cells): 行政处罚's cell
    # is blank; the 1 printed after its label and the header is 规章's 现行有效件数
    text = HEADER_AFTER_LABEL.read_text(encoding="utf-8")
    assert "行政处罚\n\n本年处理决定数量\n\n1\n" in text
    report = _parse(text)
    assert report.table2["punishment"] == {"decisions": None}
    assert [(f.code, f.message) for f in report.findings if f.where == "table2.punishment"] == [
        ("CELL_AMBIGUOUS", AFTER_HEADER)]
    assert report.table2["licensing"] == {"decisions": 0}  # its header before its label: read


def test_the_header_after_the_label_is_no_sign_where_every_cell_is_filled():
    # the same order in the all-filled wild4 fixture (2019 format): the values are the row's by count
    header = "上一年项目数量 本年增/减\n\n处理决定数量\n\n"
    text = _text()
    assert text.count(header + "行政处罚\n") == 1
    report = _parse(text.replace(header + "行政处罚\n\n", "行政处罚\n\n" + header))
    assert report.table2["punishment"] == {"items_prev_year": 0, "items_change": 0, "decisions": 0}
    assert report.table2["coercion"] == {"items_prev_year": 6, "items_change": -2, "decisions": 50}
    assert not [f for f in report.findings if f.where in ("table2.punishment", "table2.coercion")]
