"""Paged ``pdftotext`` (reading order), twelfth session (docs/renderings.md §32): table 三 read
page by page where the counts place each page's rows, and a table rewritten with rows left
out whatever its total count. Fixtures are whole texts of synthetic reports made by the repo's
paged PDF and the real pdftotext (``tests/fixtures/pagedpages/paged_pdftotext_*``: synth100 00084 and
00012, ``ogi synth 100 --formats html``; the unseen corpus's 00004 and 00040, ``ogi synth 60
--formats html --seed 20261203``), with their expected JSON; each test pins exact values, and
the rules' parts are shown on small texts."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from ogi import parse
from ogi.extract import pagedrows
from ogi.synth.shapes.score import score_report

FIXTURES = Path(__file__).resolve().parent / "fixtures" / "pagedpages"  # not in txt/: those must read whole


def _scored(name: str):
    report = parse(FIXTURES / f"{name}.txt")
    expected = json.loads((FIXTURES / "expected" / f"{name}.json").read_text(encoding="utf-8"))
    return report, score_report(expected, report)


def _missing(report) -> list[str]:
    return [f.where for f in report.findings if f.code == "ROW_MISSING"]


# (fixture, cells, right, null with a finding) — before this session: 7, 11, 0 and 65 right
@pytest.mark.parametrize("name, cells, right, null_flagged", [
    ("paged_pdftotext_scrambled_page_2021", 207, 105, 102),  # reworded anchors (§45) read 119: reverted
    ("paged_pdftotext_label_out_of_order_2021", 207, 123, 84),
    ("paged_pdftotext_last_row_before_label_2019", 198, 91, 107),
    ("paged_pdftotext_extra_values_2021", 198, 191, 7),
])
def test_whole_reports_read_page_by_page_with_no_wrong_number(name, cells, right, null_flagged):
    _, score = _scored(name)
    assert (score.cells, score.right, score.null_flagged) == (cells, right, null_flagged)
    assert (score.wrong_flagged, score.wrong_silent, score.null_silent) == (0, 0, 0)


def test_a_page_scrambled_among_its_header_costs_its_own_rows_only():
    # synth100 00084: page 4's first rows printed among the repeated header's characters, in
    # reverse; the segment (二)部分公开 … (七)总计 spans pages 3–5 (35, 63 and 49 values: 5, 9
    # and 7 rows), so pages 3 and 5 are read and page 4's nine rows are left out
    report, _ = _scored("paged_pdftotext_scrambled_page_2021")
    t3 = report.table3
    assert list(t3["partially_granted"].values()) == [92, 0, 0, 0, 0, 0, 92]
    assert list(t3["denied.third_party_rights"].values()) == [10, 0, 0, 0, 0, 0, 10]
    assert list(t3["not_processed.publication"].values()) == [15, 0, 0, 0, 0, 0, 15]
    assert list(t3["other.no_fee"].values()) == [14, 0, 0, 0, 1, 0, 15]
    assert list(t3["total"].values()) == [1015, 0, 0, 0, 11, 0, 1026]
    assert _missing(report) == [
        "table3.new_received", "table3.carried_over", "table3.denied.internal_affairs",
        "table3.denied.process_information", "table3.denied.enforcement_file",
        "table3.denied.administrative_query", "table3.unable.not_held", "table3.unable.needs_creation",
        "table3.unable.still_unclear", "table3.not_processed.complaint", "table3.not_processed.repeated"]


def test_labels_out_of_the_template_order_leave_the_pages_to_count():
    # synth100 00012: 二、上年结转 printed after (二)部分公开, right above two of its cells; every
    # page holds whole rows (56, 63, 49, 7 values), so the counts place them. The last page's
    # row is printed ``0 0 11 0 0 ⏎ 总计 ⏎ 0 11`` (11 0 0 0 0 0 11): text among its values, and
    # read as printed its 总计 holds — left out, never read 0 0 11 0 0 0 11
    report, _ = _scored("paged_pdftotext_label_out_of_order_2021")
    t3 = report.table3
    assert list(t3["denied.internal_affairs"].values()) == [2, 0, 0, 0, 0, 0, 2]
    assert list(t3["unable.not_held"].values()) == [68, 0, 0, 0, 0, 17, 85]
    assert list(t3["total"].values()) == [437, 0, 0, 0, 0, 94, 531]
    assert all(v is None for v in t3["carried_forward"].values())
    assert "table3.carried_forward" in _missing(report)


def test_a_segment_with_more_values_than_its_rows_is_counted_from_its_exact_end():
    # the unseen 00004 (2019): no label anchors a row before 四、结转下年度继续办理, whose first
    # six values are printed before its label — the one segment has 160 values for 22 rows;
    # its pages hold 7, 91 and 62: the first two, counted from the table's start, are rows
    # 一 … (四)2, the last part (not whole rows) is left out
    report, _ = _scored("paged_pdftotext_last_row_before_label_2019")
    t3 = report.table3
    assert list(t3["carried_over"].values()) == [0, 0, 0, 0, 0, 0, 0]
    assert list(t3["unable.needs_creation"].values()) == [66, 0, 0, 0, 0, 0, 66]
    assert "table3.unable.still_unclear" in _missing(report)


def test_a_table_whose_count_is_off_is_still_rewritten_with_the_rows_read():
    # the unseen 00040: the values are not exactly the table's cells, yet every row but the
    # first is read by its own segment's rules — the table is rewritten, 一 left out
    report, _ = _scored("paged_pdftotext_extra_values_2021")
    assert list(report.table3["total"].values()) == [14, 4, 0, 0, 0, 0, 18]
    assert _missing(report) == ["table3.new_received"]


def _items(*lines: str) -> list[tuple[str, list[int]]]:
    return [(line, [int(v) for v in line.split()] if line.replace(" ", "").isdigit() else []) for line in lines]


ROW_A = ["1", "0", "0", "0", "0", "0", "1"]
ROW_B = ["3", "1", "0", "0", "0", "0", "4"]
ROW_C = ["5", "0", "2", "0", "0", "0", "7"]


def test_page_pieces_place_whole_rows_by_the_count_of_each_page():
    items = _items("标签", *ROW_A, "页眉", *ROW_B, *ROW_C)
    pages = [0] * 8 + [1] * 15
    pieces = pagedrows._page_pieces(items, pages, 3, 0, 0, 3, len(items))
    assert [(at, readings) for at, _, readings in pieces] == [
        (0, [[[1, 0, 0, 0, 0, 0, 1]]]), (1, [[[3, 1, 0, 0, 0, 0, 4], [5, 0, 2, 0, 0, 0, 7]]])]
    # the same page read as one segment of three rows, with no page ends: not read
    assert pagedrows._page_pieces(items, [0] * len(items), 3, 0, 0, 3, len(items)) == []


def test_page_pieces_refuse_a_segment_short_of_its_values():
    # fewer values than rows: whole rows of it were printed in another segment — no count
    # from either end places them
    items = _items(*ROW_A, "页眉", *ROW_B)
    pages = [0] * 7 + [1] * 8
    assert pagedrows._page_pieces(items, pages, 3, 0, 0, 3, len(items)) == []


def test_page_pieces_count_from_the_end_only_where_the_values_after_are_exact():
    # 7 + 1 values on page 0 (one more than a row), a whole row on page 1, then the next
    # segment's row exactly: page 1 is the segment's last row
    items = _items(*ROW_A, "9", "页眉", *ROW_B, "标签", *ROW_A)
    pages = [0] * 9 + [1] * 15
    pieces = pagedrows._page_pieces(items, pages, 3, 0, 0, 2, 16)
    assert [(at, readings) for at, _, readings in pieces] == [(1, [[[3, 1, 0, 0, 0, 0, 4]]])]
    assert pagedrows._page_pieces(items[:16], pages[:16], 2, 0, 0, 2, 16) == [
        (1, items[9:16], [[[3, 1, 0, 0, 0, 0, 4]]])]  # no row after: counted from the table's end
    # the row after short of a value: the count from the end is refused too
    assert pagedrows._page_pieces(items[:-1], pages[:-1], 3, 0, 0, 2, 16) == []


def test_a_row_is_printed_together_only_with_no_text_among_its_values():
    items = _items("0", "0", "11", "0", "0", "总计", "0", "11")
    assert not pagedrows._printed_together(items, [0, 0, 11, 0, 0, 0, 11])
    assert pagedrows._printed_together(_items("页眉", *ROW_B, "x"), [3, 1, 0, 0, 0, 0, 4])
    assert not pagedrows._printed_together(_items(*ROW_B), [1, 3, 0, 0, 0, 0, 4])  # in that order
