"""A footnote mark printed after a cell's number (wild4's ``footnote_marks``): the cell states
the number. NFKC made ``①`` a ``1`` glued to it (``0①`` read 1), and ``0[1]`` or ``0注1`` read
as two values, the second taking the next column's place."""

from __future__ import annotations

import random

import pytest

from ogi import parse
from ogi.extract.tokens import cell_value
from ogi.synth.wild4 import make


@pytest.mark.parametrize("text, value", [
    ("0①", 0), ("12*", 12), ("0[1]", 0), ("0注1", 0), ("5注", 5), ("3※", 3), ("0①②", 0), ("３①", 3),
    ("3①件", 3), ("12注①", 12), ("1.5*", 1.5),
])
def test_a_number_with_a_footnote_mark_reads_the_number(text, value):
    token = cell_value(text)
    assert token is not None and token.kind == "num" and token.value == value


@pytest.mark.parametrize("text, value", [("12", 12), ("１２", 12), ("12件", 12), ("1,234", 1234), ("2019", 2019)])
def test_numbers_without_a_mark_read_as_before(text, value):
    assert cell_value(text).value == value


def test_a_mark_alone_or_a_bracketed_number_is_no_marked_value():
    assert cell_value("*").kind == "na"
    assert cell_value("(1)") is None


@pytest.mark.parametrize("seed", ["notes", "notes-2", "notes-3"])
def test_a_report_with_marked_cells_reads_every_cell(seed, tmp_path):
    w = make(random.Random(seed), "footnote_marks")
    page = tmp_path / "report.html"
    page.write_bytes(w.html)
    report = parse(page)
    for table in ("table2", "table3", "table4"):
        assert getattr(report, table) == w.expected[table], table


def _numbers(line: str) -> list:
    from ogi.extract.tokens import split_free_text

    return [value for kind, _, _, value, _ in split_free_text(line) if kind == "num"]


def test_a_mark_glued_to_a_number_in_a_line_of_text_is_no_value():
    # lynx, w3m, pandoc's plain text: cells in a row separated by spaces
    assert _numbers("2.其他法律行政法规禁止公开 0 0 0注1 0 0 0 0") == [0] * 7
    assert _numbers("3.危及“三安全一稳定” 0① 0 0 0 0 0 0") == [0] * 7
    assert _numbers("(五)不予处理 0 0 0 0 0 0 12[1]") == [0] * 6 + [12]


def test_a_circled_number_glued_to_a_label_still_numbers_it():
    assert _numbers("0 0 0①属于国家秘密 0") == [0, 0, 0, 0]
    assert _numbers("注1：含网上申请") == [1]  # a note's own line: its mark is followed by its text


def test_a_page_ending_in_a_marked_value_is_no_page_number():
    # poppler's text of the office suite's PDF: a page ended in "0①" (str.isdigit takes ① for a
    # digit, and int() refused it: the whole report raised ValueError)
    from ogi.extract.pagedrows import _page_offset

    assert _page_offset("a\n1\f b\n0①\f c\n3") is None
