"""Rows of a sparse table read from pdfminer's boxes (``extract/boxes_scattered.py``): where the
text prints values away from their labels and the report leaves cells blank, a row read from
values on several lines is left null — its count of values proves nothing.

The fixture is the paged pdfminer text of an unseen wild36 report (00018, a county's sparse
table 三 mixing 0, blank, ``/``, ``—`` and ``无``)."""

from __future__ import annotations

from pathlib import Path

from ogi import parse
from ogi.document import Position
from ogi.extract.align import Placed
from ogi.extract.boxes_scattered import distrust_scattered_rows
from ogi.extract.layout import Event
from ogi.extract.tokens import NA, NUM, Token
from ogi.template.formats import FORMATS
from ogi.template.labels import segment

FIXTURE = Path(__file__).parent / "fixtures" / "boxes" / "sparse_marks_paged_2021.txt"
SPEC = FORMATS["2021"].table3
COLUMNS = ("natural_person", "commercial", "research", "social_welfare", "legal_service", "other_org", "total")


def test_a_row_whose_count_of_values_is_made_up_by_a_neighbours_is_left_null():
    # (一)予以公开 prints 1 ⏎ 0 — ⏎ / — ⏎ 0 ⏎ 1 after its label: seven values for seven cells,
    # read before as 1 0 — / — 0 1 — its 商业企业 (blank on the page) read as 0
    report = parse(FIXTURE)
    assert report.table3["granted"] == dict.fromkeys(COLUMNS)
    assert report.table3["not_processed.repeated"] == dict.fromkeys(COLUMNS)
    found = [f for f in report.findings if f.where == "table3.granted" and f.code == "CELL_AMBIGUOUS"]
    assert [f.message for f in found] == [
        ("表三印为文本框(数值与行标题分开印出),而报告留有空单元格:“(一)予以公开”行的数值分印在多行,"
         "其个数不能证明它们都属于这一行,未采用")]


def _event(kind: str, unit: int, text: str) -> Event:
    if kind == "phrase":
        return Event("phrase", Position(line=unit), segment=segment(text)[0], unit=unit)
    mark = text in "/—无"
    tok = Token(NA if mark else NUM, text, Position(line=unit), unit, None if mark else int(text), free=True)
    return Event("value", Position(line=unit), token=tok, unit=unit)


def _placed_row(key: str, values: list, lines: list[int]) -> Placed:
    placed = Placed()
    for row in SPEC.rows:
        for r, c, _ in row.cells:
            placed.cells[(r, c)] = None
    row = next(row for row in SPEC.rows if row.key == key)
    for (r, c, _), v, line in zip(row.cells, values, lines):
        placed.cells[(r, c)] = v
        if v is not None:
            placed.provenance[(r, c)] = {"text": str(v), "line": line}
    return placed


def _events(step: int) -> list[Event]:
    """The first row's label, then eight values (more than its seven cells) a line each, every
    ``step``-th line (2: an empty line after each, as pdfminer ends its boxes), then the second
    row's label."""
    values = ["1", "0", "/", "0", "—", "0", "1", "0"]
    return ([_event("phrase", 1, "一、本年新收政府信息公开申请数量")]
            + [_event("value", 2 + step * i, v) for i, v in enumerate(values)]
            + [_event("phrase", 2 + step * len(values), "二、上年结转政府信息公开申请数量")])


EVENTS = _events(2)


def test_only_rows_read_from_several_lines_with_a_cell_left_null_are_distrusted():
    # pdfminer ends every box with an empty line: values on lines 2, 4, 6 … are read across boxes
    with_mark = _placed_row("new_received", [1, 0, None, 0, None, 0, 1], [2, 4, 6, 8, 10, 12, 14])
    out = distrust_scattered_rows(SPEC, "2021", EVENTS, with_mark)
    assert all(v is None for v in out.cells.values())
    assert [f.where for f in out.findings] == ["table3.new_received"]
    whole = _placed_row("new_received", [1, 0, 0, 0, 0, 0, 1], [2, 3, 4, 5, 6, 7, 8])
    assert distrust_scattered_rows(SPEC, "2021", EVENTS, whole).cells[("new_received", "total")] == 1
    one_line = _placed_row("new_received", [1, 0, None, 0, None, 0, 1], [2] * 7)
    assert distrust_scattered_rows(SPEC, "2021", EVENTS, one_line).cells[("new_received", "total")] == 1
    # lines with no empty line between (poppler's text of the same page: a mark on the line
    # between two values read) are no boxes' order
    adjacent = _placed_row("new_received", [1, 0, None, 0, None, 0, 1], [2, 3, 4, 5, 6, 7, 8])
    assert distrust_scattered_rows(SPEC, "2021", _events(1), adjacent).cells[("new_received", "total")] == 1


def test_nothing_is_distrusted_where_every_label_is_followed_by_at_most_its_rows_values():
    events = EVENTS[:8] + EVENTS[9:]  # seven values after the first label (an empty line where the eighth was)
    placed = _placed_row("new_received", [1, 0, None, 0, None, 0, 1], [2, 4, 6, 8, 10, 12, 14])
    assert distrust_scattered_rows(SPEC, "2021", events, placed).cells[("new_received", "total")] == 1
    assert not placed.findings


def test_nothing_is_distrusted_where_the_table_prints_as_many_values_as_cells():
    # a report printing every cell (zeros as —) leaves none blank: a row's count is its own
    filler = [_event("value", 20 + i, "0") for i in range(sum(row.width for row in SPEC.rows))]
    placed = _placed_row("new_received", [1, 0, None, 0, None, 0, 1], [2, 4, 6, 8, 10, 12, 14])
    assert distrust_scattered_rows(SPEC, "2021", EVENTS + filler, placed).cells[("new_received", "total")] == 1
