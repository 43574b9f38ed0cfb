"""The seventeenth session's speed cuts give the same answers as the code they skip.

Each cut is a quick test that lets a repair pass return its input at once: the test must
say "may change" wherever the pass changes something. Random grids (labels, values, blanks,
spans, tables continued narrower) are run through each pass twice, with its quick test and
with the quick test forced to "may change", and must come out the same; the runs are sized
so that both the quick test's "no" and the pass's changes occur (asserted, so the grids stay
meaningful). The table 四 header's text is compared with the old line-by-line reading.
"""

from __future__ import annotations

import random
from dataclasses import astuple

import pytest

from ogi.document import Cell, Document, Paragraph, Position, Table
from ogi.extract import colorder_t4
from ogi.readers import md_continued, md_labelcols

LABELS = ("自然人", "商业企业", "(七)总计", "其他", "信息内容", "结果维持", "总计")
VALUES = ("0", "12", "3件", "—", "无", "/")
TRIALS = 4000


def _cells(table: Table) -> list[tuple]:
    return [astuple(c) for c in table.cells]


def _blocks(blocks: list) -> list:
    return [_cells(b) if isinstance(b, Table) else b.text for b in blocks]


def _random_row(rng: random.Random, r: int, width: int, spans: bool) -> list[Cell]:
    cells, col = [], 0
    pos = Position(line=r + 1)
    while col < width:
        span = 2 if spans and rng.random() < 0.1 and col + 2 <= width else 1
        kind = rng.random()
        text = rng.choice(LABELS) if kind < 0.3 else rng.choice(VALUES) if kind < 0.75 else rng.choice(("", " "))
        if rng.random() > 0.05:  # now and then a place left without a cell
            cells.append(Cell(text, r, col, 1, span, pos))
        col += span
    return cells


def _structured(rng: random.Random, first_row: int, width: int) -> list[Cell]:
    """A part with a header over a column its data rows leave blank (a grid to widen onto)."""
    first = rng.randint(1, 2)
    filled = sorted(rng.sample(range(first, width), rng.randint(1, width - first)))
    cells = [Cell(rng.choice(LABELS) if c >= first or rng.random() < 0.5 else "", first_row, c) for c in range(width)]
    for r in range(first_row + 1, first_row + 1 + rng.randint(1, 3)):
        cells += [Cell(rng.choice(LABELS) if c < first else rng.choice(VALUES) if c in filled else "", r, c)
                  for c in range(width)]
    return cells


def _continued(rng: random.Random, first_row: int, k: int, labels: int) -> list[Cell]:
    cells = []
    for r in range(first_row, first_row + rng.randint(1, 3)):
        cells += [Cell(rng.choice(LABELS), r, c) for c in range(labels)]
        cells += [Cell(rng.choice(VALUES), r, labels + n) for n in range(k)]
    return cells


def _random_table(rng: random.Random) -> Table:
    cells: list[Cell] = []
    row = 0
    for _ in range(rng.randint(1, 3)):
        choice = rng.random()
        if choice < 0.3:
            width = rng.randint(3, 6)
            part = _structured(rng, row, width)
        elif choice < 0.55:
            part = _continued(rng, row, rng.randint(1, 3), rng.randint(0, 2))
        else:
            width = rng.randint(2, 6)
            part = [c for r in range(row, row + rng.randint(1, 4)) for c in _random_row(rng, r, width, True)]
        cells += part
        row = max((c.row for c in part), default=row) + 1
    if rng.random() < 0.2:
        rng.shuffle(cells)  # a reader may list cells out of order
    return Table(cells)


def _random_blocks(rng: random.Random) -> list:
    blocks: list = []
    for _ in range(rng.randint(1, 4)):
        roll = rng.random()
        if roll < 0.15:
            blocks.append(Paragraph("一、总体情况"))
        elif roll < 0.2:
            blocks.append(Table([]))
        else:
            blocks.append(_random_table(rng))
    return blocks


def test_widen_continued_gate_keeps_every_widening(monkeypatch: pytest.MonkeyPatch) -> None:
    rng = random.Random(17)
    cases = [_random_blocks(rng) for _ in range(TRIALS)]
    gated = [md_continued.widen_continued(b) for b in cases]
    skipped = sum(1 for b in cases if not md_continued._may_narrow(b))
    monkeypatch.setattr(md_continued, "_may_narrow", lambda blocks: True)
    monkeypatch.setattr(md_continued, "_may_continue", lambda blocks: True)
    full = [md_continued.widen_continued(b) for b in cases]
    assert [_blocks(b) for b in gated] == [_blocks(b) for b in full]
    widened = sum(1 for b, f in zip(cases, full) if f is not b)
    assert skipped > TRIALS // 4 and widened > 20  # both sides of the test are exercised


def test_span_short_labels_gate_keeps_every_span(monkeypatch: pytest.MonkeyPatch) -> None:
    rng = random.Random(1717)
    tables = []
    for _ in range(TRIALS):
        t = _random_table(rng)
        if rng.random() < 0.4:  # a pipe table's short label: a label, blanks, then values
            r = max((c.row for c in t.cells), default=-1) + 1
            width = rng.randint(3, 6)
            lab = rng.randint(1, width - 2)
            cols = [Cell(rng.choice(LABELS) if c < lab else "" if c < width - 2 else rng.choice(VALUES), r, c)
                    for c in range(width)]
            t = Table(t.cells + cols)
        tables.append(t)
    gated = [md_labelcols.span_short_labels(t) for t in tables]
    skipped = sum(1 for t in tables if not md_labelcols._label_then_empty(t))
    monkeypatch.setattr(md_labelcols, "_label_then_empty", lambda table: True)
    full = [md_labelcols.span_short_labels(t) for t in tables]
    assert [_cells(t) for t in gated] == [_cells(t) for t in full]
    spanned = sum(1 for t, f in zip(tables, full) if f is not t)
    assert skipped > TRIALS // 4 and spanned > 20


def _old_doc_lines(doc: Document) -> list[str]:
    """The sixteenth session's reading: each table row's cells joined by a space."""
    lines: list[str] = []
    for block in doc.blocks:
        if isinstance(block, Table):
            lines += [" ".join(c.text for c in row) for row in block.rows()]
        else:
            lines += block.text.split("\n")
    return lines


def test_table4_header_text_is_the_line_by_line_reading() -> None:
    rng = random.Random(4)
    words = ("行政复议", "行政诉讼", "结果维持", "总计", "结果 纠正", "|", " - ", "\n", "12", "其他结果", "")
    for _ in range(TRIALS):
        blocks: list = []
        for _ in range(rng.randint(1, 4)):
            if rng.random() < 0.4:
                blocks.append(Paragraph("".join(rng.choice(words) for _ in range(rng.randint(0, 6)))))
            else:
                cells = [Cell(rng.choice(words), rng.randint(0, 3), rng.randint(0, 4)) for _ in range(rng.randint(0, 10))]
                blocks.append(Table(cells))
        doc = Document(blocks, "txt")
        old = colorder_t4._SQUEEZED.sub("", "\n".join(_old_doc_lines(doc)))
        assert colorder_t4._SQUEEZED.sub("", "".join(colorder_t4._doc_texts(doc))) == old


HEADER_PIECES = ("本年", "增/减", "本年增/减", "上一年项目数量", "采购总金额", "处理决定数量", "总计", "自然人",
                 "商业企业", "信息内容", "行政许可", "")


def test_join_cut_columns_looks_only_at_rows_that_may_join(monkeypatch: pytest.MonkeyPatch) -> None:
    """Rows without a cut header's pieces side by side, or a whole header before an empty
    cell, are passed over; forcing every row to be looked at gives the same tables."""
    from ogi.readers import cutcells

    rng = random.Random(99)
    tables = []
    for _ in range(TRIALS):
        width, height = rng.randint(2, 5), rng.randint(1, 5)
        cells = [Cell(rng.choice(HEADER_PIECES) if rng.random() < 0.5 else rng.choice(VALUES + ("",)), r, c,
                      1, 2 if rng.random() < 0.05 else 1)
                 for r in range(height) for c in range(width) if rng.random() > 0.05]
        tables.append(Table(cells))
    gated = [cutcells.join_cut_columns(t) for t in tables]
    looked = sum(1 for t in tables if any(cutcells._may_join(t.cells)))
    every = lambda cells: ({c.row for c in cells}, {c.row for c in cells})
    monkeypatch.setattr(cutcells, "_may_join", every)
    full = [cutcells.join_cut_columns(t) for t in tables]
    assert [_cells(t) for t in gated] == [_cells(t) for t in full]
    joined = sum(1 for t, f in zip(tables, full) if f is not t)
    assert looked < TRIALS and joined > 20
