"""Numbers a PDF's text wrapped in their cells (extract/layout.py, ``wrapped_value_units``).

The fixtures are the text layers of one synthetic wild report (``ogi synth --formats wild_html
--seed 6161``, report 00027, counts in full-width digits) as five PDF text tools print it: its
table 三 prints 19 as ``１`` ⏎ ``９`` in rows 一 and (七). Before, every tool's text read a wrong
number there (1 or 9 for 19) with only a failed sum to say so; now those rows are null with a
finding, and the rows away from the pieces are still read. ``units_pdfium_text.txt`` (report
00009, ``19件`` wrapped as ``19`` ⏎ ``件``) keeps its number whole and stays read."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from ogi import parse

FIXTURES = Path(__file__).parent / "fixtures" / "wrapped"
TOOLS = ("pdftotext_raw", "pypdf_text", "pdfium_text", "pdfplumber_text", "pdftotext_layout")
COLUMNS = ("natural_person", "commercial", "research", "social_welfare", "legal_service", "other_org", "total")
# the report's own rows (its source page)
NEW_RECEIVED = dict(zip(COLUMNS, (19, 0, 0, 0, 0, 0, 19)))
GRANTED = dict(zip(COLUMNS, (9, 0, 0, 0, 0, 0, 9)))
TOTAL = dict(zip(COLUMNS, (19, 0, 0, 0, 0, 0, 19)))
NULL_ROW = dict.fromkeys(COLUMNS)


def _report(name: str):
    return parse(FIXTURES / name)


@pytest.mark.parametrize("tool", TOOLS)
def test_no_wrong_number_where_digits_wrapped(tool):
    report = _report(f"fullwidth_{tool}.txt")
    t3 = report.as_json()["table3"]
    assert t3["new_received"] == NULL_ROW
    assert t3["total"] in (NULL_ROW, TOTAL)  # pdftotext -layout prints (七)'s 19 on one line
    assert t3["granted"] == GRANTED  # a row away from the pieces is read
    wrapped = [f for f in report.findings if f.code == "CELL_AMBIGUOUS" and f.where == "table3.new_received"]
    assert len(wrapped) == 1
    assert "旁有 PDF 文本中折行的数字或单位(窄单元格中一个数印在几行上),无法确定每个数由哪几段组成、各在哪一列,未采用" \
        in wrapped[0].message


def test_pdfium_row_with_pieces_on_lines_of_their_own():
    report = _report("fullwidth_pdfium_text.txt")  # 一、… ⏎ １ ⏎ ９ ⏎ 0 ０ 0 ０ 0 ⏎ １ ⏎ ９
    msg = next(f.message for f in report.findings if f.where == "table3.new_received")
    assert msg.startswith("“一、本年新收政府信息公开申请数量”行的数值(1 9 0 0 0 0 0)旁有 PDF 文本中折行的数字")


def test_pypdf_head_and_tail_on_one_line():
    report = _report("fullwidth_pypdf_text.txt")  # (七)总计 19 ０ ０ 0 0 ０ １ ９
    assert report.as_json()["table3"]["total"] == NULL_ROW
    msg = next(f.message for f in report.findings if f.where == "table3.total")
    assert msg.startswith("“(七)总计”行的数值(19 0 0 0 0 0 1 9)旁有")


def test_a_unit_wrapped_alone_keeps_the_number_read():
    report = _report("units_pdfium_text.txt")  # 一、… ⏎ 19 ⏎ 件 ⏎ 0件 0 0 0 ⏎ 0 ⏎ 件 ⏎ 19
    assert report.as_json()["table3"]["new_received"] == NEW_RECEIVED
    assert not [f for f in report.findings if "折行" in f.message]


def test_pdfplumber_heads_above_the_row():
    """``⼈ 企业 机构…`` ⏎ ``11 11`` ⏎ ``⼀、本年新收… 0件 0件 0件 0件 0`` ⏎ ``件 件`` ⏎ ``0 0`` (report
    00029): row 一 read 0 for its 11s before; (二)部分公开 read 0 and 1 a column off."""
    report = _report("units_pdfplumber_text.txt")
    t3 = report.as_json()["table3"]
    assert t3["new_received"] == NULL_ROW
    assert t3["partially_granted"] == NULL_ROW
    assert "旁有 PDF 文本中折行的数字或单位" in next(f.message for f in report.findings
                                          if f.where == "table3.partially_granted")


def test_w3m_piece_row_rewritten_as_cells():
    """w3m wraps the page's table the same way: ``９    ９`` under row 一's 1s, which the
    space-laid reader rewrote as a row of cells (``９ |  |  |  |  |  | ９``). Table 三 was null
    (the piece row made a row of its own). Since §44 the stacked digits are read: the one split
    of the ``１`` ⏎ ``９`` pieces whose row total holds and whose pieces align the same way in
    every row (19 and 19), so the whole table reads as the page prints it."""
    report = _report("fullwidth_w3m_dump.txt")
    t3 = report.as_json()["table3"]
    assert t3["new_received"] == NEW_RECEIVED and t3["carried_over"] == dict.fromkeys(COLUMNS, 0)
    assert t3["granted"] == GRANTED and t3["total"] == TOTAL
    assert not [f for f in report.findings if "折行" in f.message]


def test_stacks_of_short_lines_are_not_pieces():
    """pdfminer's text (a paged report of fresh7's wild30, 00007) prints table 三's value
    columns as stacks of short lines (``０`` ⏎ ``０`` ⏎ ``0 ０ 1`` …); no row is printed on one
    line, so a lone full-width digit there marks nothing."""
    report = _report("fullwidth_stacks_paged_pdfminer.txt")
    assert not [f for f in report.findings if "折行" in f.message]


def test_a_row_label_whose_values_follow_is_no_header():
    """pypdf (fresh7 wild30 00029): ``(七)总计`` ⏎ ``2497`` ⏎ ``件 0件 0件 0 37 22`` — numbers
    alone after a row label, not pdfplumber's first lines above a row: read whole."""
    report = _report("units_paged_pypdf_text.txt")
    assert report.as_json()["table3"]["total"] == dict(zip(COLUMNS, (2497, 0, 0, 0, 37, 22, 2556)))
    assert not [f for f in report.findings if "折行" in f.message]


def _cells(part: dict, prefix: str = "") -> dict:
    out = {}
    for k, v in part.items():
        out.update(_cells(v, f"{prefix}{k}.") if isinstance(v, dict) else {prefix + k: v})
    return out


def test_pieces_beside_a_labels_lines():
    """``pdftotext -layout`` of a paged report (fresh7 wild30 00027): ``度办理结 (二)部分公开(…,不  １``
    ⏎ ``果  ０ ０ 0 0 0 １８`` ⏎ ``计其他情形)  ８`` — 18 in the first column, printed over the
    label's first and last lines — read 1 before; no table 三 number is wrong now."""
    path = FIXTURES / "fullwidth_label_lines_paged_pdftotext_layout.txt"
    report = parse(path)
    want = _cells(json.loads(path.with_name(path.stem + ".expected.json").read_text())["table3"])
    got = _cells(report.as_json()["table3"])
    assert {k: (v, got.get(k)) for k, v in want.items() if got.get(k) is not None and got.get(k) != v} == {}
    assert report.as_json()["table3"]["partially_granted"] == NULL_ROW
