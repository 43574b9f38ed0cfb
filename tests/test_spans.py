"""Merged cells printed as repeated text (docling's Markdown): ``ogi.readers.spans``. Each
rule pins what is joined and what never is: a label repeated across a row or down a column
is one cell; a value is never merged."""

from __future__ import annotations

from pathlib import Path

import pytest

from ogi import parse
from ogi.readers.spans import is_label, join_repeated_spans
from ogi.readers.text import parse_text

from expected import differences

TXT = Path(__file__).parent / "fixtures" / "txt"


def _table(text: str):
    return parse_text(text).blocks[0]


def _cells(table) -> list[tuple[str, int, int, int, int]]:
    return [(c.text, c.row, c.col, c.rowspan, c.colspan) for c in table.cells]


def test_a_label_repeated_across_a_row_is_one_cell_spanning_it():
    table = join_repeated_spans(_table(
        "| 申请人情况 | 申请人情况 | 申请人情况 |\n"
        "| 一、本年新收政府信息公开申请数量 | 一、本年新收政府信息公开申请数量 | 10 |"))
    assert _cells(table) == [("申请人情况", 0, 0, 1, 3),
                             ("一、本年新收政府信息公开申请数量", 1, 0, 1, 2), ("10", 1, 2, 1, 1)]


def test_a_label_repeated_down_a_column_continues_the_cell_above():
    table = join_repeated_spans(_table(
        "| 三、本年度办理结果 | （三）不予公开 | 1.属于国家秘密 | 0 |\n"
        "| 三、本年度办理结果 | （三）不予公开 | 2.其他法律行政法规禁止公开 | 0 |\n"
        "| 三、本年度办理结果 | （四）无法提供 | 1.本机关不掌握相关政府信息 | 6 |"))
    assert _cells(table) == [
        ("三、本年度办理结果", 0, 0, 3, 1), ("（三）不予公开", 0, 1, 2, 1), ("1.属于国家秘密", 0, 2, 1, 1), ("0", 0, 3, 1, 1),
        ("2.其他法律行政法规禁止公开", 1, 2, 1, 1), ("0", 1, 3, 1, 1),
        ("（四）无法提供", 2, 1, 1, 1), ("1.本机关不掌握相关政府信息", 2, 2, 1, 1), ("6", 2, 3, 1, 1)]


def test_values_are_never_merged_and_a_table_without_repeats_is_returned_as_it_is():
    table = _table("| 行政许可 | 0 | 0 | 0 |\n| 行政处罚 | 0 | 0 | 0 |\n| 政府集中采购 | 5万元 | 5万元 |")
    assert join_repeated_spans(table) is table


@pytest.mark.parametrize("text,label", [
    ("申请人情况", True), ("1.属于国家秘密", True), ("（七）总计", True), ("总计", True),
    ("0", False), ("12件", False), ("5万元", False), ("1,234.5万元", False), ("无", False), ("—", False),
    ("", False), ("计", False), ("-3", False),
])
def test_what_is_a_label(text, label):
    assert is_label(text) is label


@pytest.mark.parametrize("stem", ["docling_2021", "docling_2019", "docling_docx_blanks_2021"])
def test_doclings_markdown_reads_exactly(stem):
    """docling's Markdown of a seed page (2019 and 2021 formats) and of the office DOCX of the
    peer page (blank cells as empty cells): before the rule, table 三 was lost (each row read
    three labels), 777 of 1008 cells of the seeds."""
    report = parse(TXT / f"{stem}.md")
    assert differences(TXT / "expected" / f"{stem}.json", report) == []
    assert not [f for f in report.findings if f.code in ("ROW_AMBIGUOUS", "CELL_AMBIGUOUS", "TEMPLATE_DEVIATION")]


def test_equal_values_under_a_joined_header_are_one_value_unequal_ones_stay():
    table = join_repeated_spans(_table(
        "| 信息内容 | 本年处理决定数量 | 本年处理决定数量 | 本年处理决定数量 |\n"
        "| 行政处罚 | 7 | 7 | 7 |\n"
        "| 行政强制 | 0 | 0 | 0 |\n"
        "| 其他 | 1 | 2 | 3 |"))
    assert _cells(table) == [
        ("信息内容", 0, 0, 1, 1), ("本年处理决定数量", 0, 1, 1, 3),
        ("行政处罚", 1, 0, 1, 1), ("7", 1, 1, 1, 3), ("行政强制", 2, 0, 1, 1), ("0", 2, 1, 1, 3),
        ("其他", 3, 0, 1, 1), ("1", 3, 1, 1, 1), ("2", 3, 2, 1, 1), ("3", 3, 3, 1, 1)]


@pytest.mark.parametrize("text", [
    "| 规章 | 0 | 0 |\n| 行政规范性文件 | 0 | 0 |",  # no text twice but the values
    "| 信息内容 | 本年制发件数 |\n| 规章 | 1 |\n| 信息内容 | 本年处理决定数量 |",  # a label twice, not adjacent
])
def test_a_table_whose_labels_do_not_repeat_side_by_side_is_returned_as_it_is(text):
    table = _table(text)
    assert join_repeated_spans(table) is table
