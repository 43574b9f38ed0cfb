"""The text-layer PDF reader's shortcuts (issue 14.2, tenth session) give the answers of the
long way, exactly.

Each test pins a shortcut against the computation it replaces: value bands grown row by row
against the bands of all chunks sorted again, lines grouped with their median taken only
where it decides against the line measuring itself, an uncut line's chunk against a fresh
line, cells' column spans counted by bisection; and the cut at gaps against the walk it
replaced, with OCR's float32 coordinates too (``x1 > right`` must keep max's operand order).
"""

from __future__ import annotations

import random

from ogi.document import Cell
from ogi.readers.pdf_columns import _bands, _grown_bands
from ogi.readers.pdf_grid import compact_columns
from ogi.readers.pdf_lines import Line, group_lines
from ogi.readers.pdf_page import Fragment


def _chunk(x0: float, x1: float) -> Line:
    return Line([Fragment("1", x0, 10.0, x1, 20.0)])


def test_bands_grown_row_by_row_are_the_bands_of_all_chunks():
    rows = [[_chunk(100, 120), _chunk(200, 220)], [_chunk(120, 130)], [_chunk(90, 95), _chunk(215, 240)],
            [_chunk(95, 100)], [_chunk(300, 310)]]
    bands, seen = [], []
    for row in rows:
        bands = _grown_bands(bands, row)
        seen += row
        assert bands == _bands(seen)
    assert bands == [(90, 130), (200, 240), (300, 310)]  # touching ranges are one band
    rng = random.Random(14)
    for _ in range(300):
        bands, seen = [], []
        for _ in range(rng.randint(1, 8)):
            row = [_chunk(x, x + rng.choice([0, 1, 5, 12])) for x in (rng.randint(0, 60) * 5.0 for _ in range(3))]
            bands = _grown_bands(bands, row)
            seen += row
            assert bands == _bands(seen)


def test_a_reversed_range_leaves_the_bands_to_the_full_sort():
    assert _grown_bands([(0.0, 10.0)], [_chunk(30, 20)]) is None
    assert _grown_bands(None, [_chunk(0, 1)]) is None


def _page_fragments(rng: random.Random, n: int) -> list[Fragment]:
    out = []
    for _ in range(n):
        top = rng.choice([100.0, 100.5, 101.0, 112.0, 113.0, 130.0]) + rng.choice([0.0, 0.25])
        x0 = rng.randint(0, 80) * 6.0
        out.append(Fragment(rng.choice("一二三4 5a"), x0, top, x0 + rng.choice([5.0, 6.0, 12.0]),
                            top + rng.choice([9.0, 10.0, 10.5, 12.0])))
    return out


def test_grouped_lines_are_measured_as_a_line_measures_itself():
    rng = random.Random(3)
    for _ in range(200):
        for line in group_lines(_page_fragments(rng, rng.randint(2, 40))):
            assert line._measure() == Line(list(line.fragments))._measure()
            assert line.text == Line(list(line.fragments)).text


def test_an_uncut_line_is_its_own_chunk():
    line = Line([Fragment("本", 0, 0, 10, 10), Fragment("年", 11, 0, 21, 10), Fragment("12", 24, 0, 34, 10)])
    (chunk,) = line.chunks()
    assert chunk.fragments == line.fragments and chunk.fragments is not line.fragments
    assert (chunk._measure(), chunk.text) == (Line(list(line.fragments))._measure(), "本年12")
    assert [c.text for c in Line([Fragment("本", 0, 0, 10, 10), Fragment("12", 40, 0, 50, 10)]).chunks()] == ["本", "12"]


def test_column_spans_count_the_column_starts_a_cell_covers():
    cells = [Cell("a", 0, 0, colspan=5), Cell("b", 1, 0), Cell("c", 1, 3, colspan=2), Cell("d", 2, 4, colspan=9),
             Cell("e", 3, 1, colspan=-2)]
    compact_columns(cells)
    assert [(c.col, c.colspan) for c in cells] == [(0, 4), (0, 1), (2, 2), (3, 1), (1, 1)]


def _split_fragment_by_fragment(fragments: list[Fragment], gap: float) -> list[list[Fragment]]:
    """split_at_gaps as it was written before: the piece's right end kept fragment by fragment."""
    out, right = [[fragments[0]]], fragments[0].x1
    for f in fragments[1:]:
        if f.x0 - right > gap:
            out.append([f])
            right = f.x1
        else:
            out[-1].append(f)
            right = max(right, f.x1)
    return out


def test_lines_cut_at_gaps_where_the_fragment_by_fragment_walk_cuts():
    import numpy as np

    from ogi.readers.pdf_lines import split_at_gaps

    rng = random.Random(5)
    for case in range(3000):
        fs, x = [], 0.0
        for _ in range(rng.randint(2, 14)):
            x += rng.choice([-3.0, 0.0, 0.5, 2.0, 6.0, 15.0])
            width = rng.choice([4.0, 9.0, 30.0] + ([-2.0] if case % 3 == 0 else []))  # a reversed box now and then
            x0, x1 = (np.float32(x), np.float32(x + width)) if case % 2 else (x, x + width)  # OCR's float32 too
            fs.append(Fragment("字", x0, 0.0, x1, 10.0))
            x += 4.0
        gap = rng.choice([0.0, 1.5, 3.0, 12.0])
        assert [ln.fragments for ln in split_at_gaps(fs, gap)] == _split_fragment_by_fragment(fs, gap)
