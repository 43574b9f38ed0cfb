"""The eighteenth session's speed cuts give the same answers as the code they skip.

Each cut is a quick test, read in C where it can be, that is the precondition of the work it
lets a report skip: it must say "may apply" wherever the work finds something. Random inputs
are run through each pass with its quick test and with the quick test forced to "may apply"
(or beside the old expression), and must come out the same; the runs are sized so that both
the quick test's "no" and the pass's changes occur (asserted, so the inputs stay meaningful).
"""

from __future__ import annotations

import random
import re
from dataclasses import astuple

import pytest

from ogi.document import Cell, Position, Table
from ogi.extract.align import REMARK_HEADER, _has_remark_column
from ogi.extract.layout import Event
from ogi.readers import md_emptycols, md_glued
from ogi.template.labels import Segment

TRIALS = 4000
ROW_LABELS = ("规章", "行政规范性文件", "行政许可", "其他对外管理服务事项", "自然人", "(七)总计")
WORDS = ("信息内容", "本年制发件数", "本", "组", "")
VALUES = ("0", "12", "3件", "—", "5")


def _cells(table: Table) -> list[tuple]:
    return [astuple(c) for c in table.cells]


def _part(rng: random.Random, first_row: int, noise: float) -> list[Cell]:
    """A header row and data rows whose values stand in some of the columns right of the
    label, the same columns in every row (a converter's guess leaving empty columns), with a
    cell now and then missing, blank, spanning, or holding words."""
    width = rng.randint(3, 8)
    label = rng.randint(1, 2)
    filled = set(rng.sample(range(label, width), rng.randint(1, width - label))) if noise \
        else set(range(label, width))  # a part whose rows fill every column (a text's grid)
    pos = Position(line=first_row + 1)
    cells = [Cell(rng.choice(WORDS) if noise else "信息内容", first_row, c, 1, 1, pos) for c in range(width)
             if not noise or rng.random() > 0.2]
    for r in range(first_row + 1, first_row + 1 + rng.randint(1, 4)):
        pos = Position(line=r + 1)
        for c in range(width):
            roll = rng.random() if noise else 0.5  # 0.5: a label or a value, in its place
            if roll < 0.04:
                continue  # no cell at this place
            if c < label:
                text = rng.choice(ROW_LABELS) if c == 0 or roll < 0.3 else ""
            elif c in filled:
                text = rng.choice(VALUES) if roll < 0.93 else rng.choice(("", "信息内容"))
            else:
                text = "" if roll < 0.95 else rng.choice(VALUES)
            cells.append(Cell(text, r, c, 1, 2 if roll > 0.985 and noise == 1 else 1, pos))
    return cells


def _random_table(rng: random.Random) -> Table:
    cells: list[Cell] = []
    row = 0
    noise = 1.0 if rng.random() < 0.5 else 0.0  # half the tables with no cell missing, blank or spanning
    for _ in range(rng.randint(1, 3)):
        part = _part(rng, row, noise)
        cells += part
        row = max((c.row for c in part), default=row) + 1
    if rng.random() < 0.2:
        rng.shuffle(cells)  # a reader may list cells out of order
    return Table(cells)


def test_join_empty_columns_gate_keeps_every_join(monkeypatch: pytest.MonkeyPatch) -> None:
    rng = random.Random(18)
    tables = [_random_table(rng) for _ in range(TRIALS)]
    gated = [md_emptycols.join_empty_columns(t) for t in tables]
    skipped = sum(1 for t in tables if len(t.cells) >= 4 and not md_emptycols._some_row_gapped(t.cells))
    monkeypatch.setattr(md_emptycols, "_some_row_gapped", lambda cells: True)
    full = [md_emptycols.join_empty_columns(t) for t in tables]
    assert [_cells(t) for t in gated] == [_cells(t) for t in full]
    joined = sum(1 for t, f in zip(tables, full) if f is not t)
    assert skipped > TRIALS // 10 and joined > 20  # both sides of the test are exercised


def test_a_row_gapped_is_one_with_a_column_left_without_text() -> None:
    """Columns count from the table's first: a row missing only that one is no gap; a data
    row missing a column between two with text is (a blank cell covers nothing); a header row
    (no value) missing one is not: an empty column is one no data row fills."""
    cells = [Cell("规章", 0, 0), Cell("1", 0, 1), Cell("2", 0, 2), Cell("", 0, 3)]
    assert not md_emptycols._some_row_gapped(cells)
    assert not md_emptycols._some_row_gapped([Cell("1", 1, 1), Cell("2", 1, 2, 1, 2), Cell("x", 0, 0)])
    assert md_emptycols._some_row_gapped([Cell("规章", 0, 0), Cell("1", 0, 1), Cell(" ", 0, 2), Cell("3", 0, 3)])
    assert md_emptycols._some_row_gapped([Cell("规章", 0, 0), Cell("1", 0, 1), Cell("3", 0, 3)])
    header = [Cell("信息内容", 0, 0), Cell("结果维持", 0, 5), Cell("总计", 0, 6)]
    assert not md_emptycols._some_row_gapped(header + [Cell(t, 1, c) for c, t in enumerate(["规章", "1", "2"])])


GLUED_TEXTS = ("3件5件", "3件 5件", " 1个2个3个 ", "１件２件", "12", "3件", "", " ", "件5", "5件件", "5件\n6件",
               "规章", "0")


def test_split_glued_units_gate_keeps_every_split(monkeypatch: pytest.MonkeyPatch) -> None:
    rng = random.Random(181)
    tables = []
    for _ in range(TRIALS):
        width, height = rng.randint(1, 5), rng.randint(1, 4)
        glued = rng.random() < 0.5
        texts = GLUED_TEXTS if glued else GLUED_TEXTS[4:]
        tables.append(Table([Cell(rng.choice(texts) if rng.random() < 0.6 else "", r, c)
                             for r in range(height) for c in range(width) if rng.random() > 0.05]))
    gated = [md_glued.split_glued_units(t) for t in tables]
    skipped = sum(1 for t in tables if not md_glued._TWO_GLUED.search("\0".join(c.text for c in t.cells)))
    monkeypatch.setattr(md_glued, "_TWO_GLUED", re.compile(""))
    full = [md_glued.split_glued_units(t) for t in tables]
    assert [_cells(t) for t in gated] == [_cells(t) for t in full]
    split = sum(1 for t, f in zip(tables, full) if f is not t)
    assert skipped > TRIALS // 4 and split > 20


def test_remark_column_is_a_gap_spelling_the_header() -> None:
    """The quick test in C (every segment's text) and the old reading (the gaps' text) agree."""
    rng = random.Random(1818)
    header = REMARK_HEADER
    texts = (header, "自然人", "备", header + "栏", "")
    pos = Position(line=1)
    found = 0
    for _ in range(TRIALS):
        evs = []
        for _ in range(rng.randint(0, 6)):
            kind = rng.choice(("gap", "phrase", "value", "barrier", "section"))
            text = rng.choice(texts)
            seg = Segment(text, 0, len(text)) if kind in ("gap", "phrase") else None
            evs.append(Event(kind, pos, seg))
        old = any(ev.kind == "gap" and ev.seg.text == header for ev in evs)
        assert _has_remark_column(evs) is old
        found += old
    assert 20 < found < TRIALS - 20


def test_line_break_gates_see_what_each_cell_shows(monkeypatch: pytest.MonkeyPatch) -> None:
    """The stacked-rows and merged-columns passes look for a line break in the cells joined
    by NUL: found there exactly where some cell holds one (pieces of ``<br`` in two cells do
    not make one); with the search forced to find one, the same tables come out."""
    from ogi.readers import md_twoheads, md_tworows

    rng = random.Random(1819)
    pieces = ("<b", "r>", "<br>", "\n", "\0", "自然人", "3", "", "申请<br>数量", "1\n2", "总计<br/>本年")
    tables, found = [], 0
    for _ in range(TRIALS):
        cells = [Cell("".join(rng.choice(pieces) for _ in range(rng.randint(0, 2))), rng.randint(0, 3),
                      rng.randint(0, 3)) for _ in range(rng.randint(0, 6))]
        old = any("<br" in c.text or "\n" in c.text for c in cells)
        texts = "\0".join(c.text for c in cells)
        assert ("<br" in texts or "\n" in texts) is old
        found += old
        tables.append(Table(cells))
    assert 20 < found < TRIALS - 20
    gated = [md_twoheads.split_merged_columns(md_tworows.split_stacked_rows(t)) for t in tables]
    monkeypatch.setattr(md_tworows, "_TEXT", lambda c: "\n")
    monkeypatch.setattr(md_twoheads, "_TEXT", lambda c: "\n")
    full = [md_twoheads.split_merged_columns(md_tworows.split_stacked_rows(t)) for t in tables]
    assert [_cells(t) for t in gated] == [_cells(t) for t in full]

