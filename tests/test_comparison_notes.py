"""A count's cell that also compares it with the year before (``12（同比增加3件）``,
``0（较上年+3）``, ``0(上年0)``): the remark is no value of its own (tokens._COMPARISON_NOTE)."""

from __future__ import annotations

from ogi import parse
from ogi.extract.tokens import NUM, TEXT, cell_value, split_free_text

ROW = "其他对外管理服务事项"


def _page(cells: list[str]) -> bytes:
    """A 2021 table 二 row of three cells on a page of the format's first tables."""
    tds = "".join(f"<td>{c}</td>" for c in cells)
    return (
        "<html><body><h1>某县某局2023年政府信息公开工作年度报告</h1>"
        "<p>二、主动公开政府信息情况</p><table>"
        "<tr><td>第二十条第(五)项</td></tr>"
        "<tr><td>信息内容</td><td>上一年项目数量</td><td>本年增/减</td><td>处理决定数量</td></tr>"
        f"<tr><td>{ROW}</td>{tds}</tr></table></body></html>"
    ).encode("utf-8")


def test_a_cell_with_a_comparison_reads_as_its_count():
    for text, value in [("0（同比增加6件）", 0), ("12（较上年+3）", 12), ("5件（同比持平）", 5), ("0(上年0)", 0)]:
        tok = cell_value(text)
        assert tok is not None and (tok.kind, tok.value, tok.text) == (NUM, value, text.replace("（", "(").replace("）", ")")), text


def test_a_breakdown_is_read_as_its_count_and_a_bracketed_numeral_as_nothing():
    tok = cell_value("0（含网上申请3件）")  # a breakdown of the count (twentieth session): the count is the cell
    assert tok is not None and (tok.kind, tok.value) == (NUM, 0)
    assert cell_value("（三）") is None


def test_running_text_drops_the_remarks_numbers():
    pieces = split_free_text("规范性文件0（较上年+3）01")
    assert [(k, p.strip()) for k, p, *_ in pieces if k == NUM] == [(NUM, "0"), (NUM, "01")]
    assert all(not (k == TEXT and "3" in p) for k, p, *_ in pieces)


def test_the_row_keeps_its_columns_on_a_page():
    report = parse(_page(["0（同比增加6件）", "0", "43"]), name="page.html")
    assert report.table2["other_services"] == {"items_prev_year": 0, "items_change": 0, "decisions": 43}
