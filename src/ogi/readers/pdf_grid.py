"""Tables drawn with ruling lines: cells from the lines' intersections (pdfplumber's
table finder, fed with any page's edges, so scans use it too), a grid with row and column
spans, and each cell's whole text.

Word processors also draw invisible boxes around body text (a page-wide frame per line).
Rows that are one cell as wide as the table, at the top or bottom of a table, are such
frames or captions: their text goes back to the page's running text.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections import defaultdict
from dataclasses import dataclass
from operator import itemgetter

from pdfplumber.table import merge_edges
from pdfplumber.utils import filter_edges

from ..document import Cell, Position, Table
from .pdf_lines import group_lines, join_lines, min_confidence
from .pdf_page import EDGE_MIN_LENGTH, Fragment, PageContent, edge

SNAP = 3.0  # pt: lines this close are one line (pdfplumber's default)
GRID = 1.0  # pt: cell borders this close are one grid line
MIN_CLOSED_COLUMNS = 2  # columns whose open ends are joined into a border (see _closing_edges)
_REACH = 1e-6  # pt: a margin round a band looked up by bisection, which the exact test then narrows (edges_to_intersections)

BBox = tuple[float, float, float, float]
_X0, _TOP, _X1, _BOTTOM = itemgetter(0), itemgetter(1), itemgetter(2), itemgetter(3)  # of a BBox


@dataclass
class PlacedTable:
    """A table found on a page, with where it starts (for reading order)."""

    table: Table
    top: float
    bbox: BBox
    label_starts: tuple[float, ...] = ()  # an unruled table's label columns after the first (pdf_columns)


def ruled_tables(page: PageContent) -> tuple[list[PlacedTable], list[Fragment]]:
    """The page's ruled tables and the fragments outside them."""
    edges = merge_edges(page.edges, SNAP, SNAP, SNAP, SNAP)
    edges = filter_edges(edges, min_length=EDGE_MIN_LENGTH)
    closing = _closing_edges(edges)
    if closing:  # merged edges are snapped and joined already: only new ones need merging
        edges = merge_edges(edges + closing, SNAP, SNAP, SNAP, SNAP)
    cell_groups = cells_to_tables(intersections_to_cells(edges_to_intersections(edges, SNAP, SNAP)))
    free = list(page.fragments)
    found: list[PlacedTable] = []
    for boxes in cell_groups:
        placed, free = _table(boxes, free, page)
        if placed is not None:
            found.append(placed)
    return found, free


def edges_to_intersections(edges: list[dict], x_tolerance: float, y_tolerance: float) -> dict:
    """pdfplumber's ``edges_to_intersections``: the same points, each with the same edges
    in the same order. pdfplumber sorts the horizontal edges again for every vertical one
    and tests every pair; here they are sorted once, and a vertical edge is tested only
    against the horizontal ones whose ``top`` falls in its span (found by bisection, with
    a margin of ``_REACH``; the test itself is pdfplumber's, term for term). Tops that
    are not numbers (NaN) have no order: then every pair is tested, as pdfplumber does."""
    intersections: dict = {}
    v_edges = [e for e in edges if e["orientation"] == "v"]
    h_edges = sorted([e for e in edges if e["orientation"] == "h"], key=itemgetter("top", "x0"))
    tops = [h["top"] for h in h_edges]
    ordered = all(t == t for t in tops)  # no NaN (a damaged file's matrix), which leaves no order to bisect
    for v in sorted(v_edges, key=itemgetter("x0", "top")):
        v_top, v_bottom, x = v["top"], v["bottom"], v["x0"]
        first = bisect_left(tops, v_top - y_tolerance - _REACH) if ordered else 0
        last = bisect_right(tops, v_bottom + y_tolerance + _REACH) if ordered else len(tops)
        for h in h_edges[first:last]:
            if (v_top <= (h["top"] + y_tolerance)) and (v_bottom >= (h["top"] - y_tolerance)) \
                    and (x >= (h["x0"] - x_tolerance)) and (x <= (h["x1"] + x_tolerance)):
                vertex = (x, h["top"])
                if vertex not in intersections:
                    intersections[vertex] = {"v": [], "h": []}
                intersections[vertex]["v"].append(v)
                intersections[vertex]["h"].append(h)
    return intersections


def cells_to_tables(cells: list[BBox]) -> list[list[BBox]]:
    """pdfplumber's ``cells_to_tables``: the same tables of the same cells in the same
    order. Cells join the group they share a corner with, in passes over the cells left
    until a pass adds none; pdfplumber removes each cell it places from the list (a scan
    of the list for each), here each pass keeps the cells it does not place. The cells
    are distinct (one per intersection), so the two leave the same cells in the same
    order."""
    remaining = list(cells)
    corners: set = set()
    current: list[BBox] = []
    tables: list[list[BBox]] = []
    while remaining:
        placed = len(current)
        left: list[BBox] = []
        for cell in remaining:
            x0, top, x1, bottom = cell
            a, b, c, d = (x0, top), (x0, bottom), (x1, top), (x1, bottom)
            if not current or a in corners or b in corners or c in corners or d in corners:
                corners.update((a, b, c, d))
                current.append(cell)
            else:
                left.append(cell)
        remaining = left
        if len(current) == placed:
            tables.append(list(current))
            corners.clear()
            current.clear()
    if current:
        tables.append(list(current))
    return [t for t in sorted(tables, key=lambda t: min((c[1], c[0]) for c in t)) if len(t) > 1]


def intersections_to_cells(intersections: dict) -> list[BBox]:
    """pdfplumber's ``intersections_to_cells``: the same cells in the same order. For each
    intersection (sorted), the smallest cell whose corners are intersections joined by a
    common edge along each side. pdfplumber rebuilds two sets of edge boxes for every pair
    of points it tests and filters the points below and right of each point from all the
    points after it (quadratic in the points: a fifth of a ruled page's reading time);
    here each point's edge boxes are built once and the points below and right of a point
    are its column and row, in the same (ascending) order."""
    vertical = {p: {(e["x0"], e["top"], e["x1"], e["bottom"]) for e in d["v"]} for p, d in intersections.items()}
    horizontal = {p: {(e["x0"], e["top"], e["x1"], e["bottom"]) for e in d["h"]} for p, d in intersections.items()}
    points = sorted(intersections)
    column: dict[float, list] = {}
    row: dict[float, list] = {}
    after: dict[tuple, tuple[int, int]] = {}  # a point's place in its column and its row, plus one
    for p in points:
        col, line = column.setdefault(p[0], []), row.setdefault(p[1], [])
        col.append(p)
        line.append(p)
        after[p] = (len(col), len(line))

    def connects(p1, p2) -> bool:
        return (p1[0] == p2[0] and not vertical[p1].isdisjoint(vertical[p2])) \
            or (p1[1] == p2[1] and not horizontal[p1].isdisjoint(horizontal[p2]))

    def smallest(pt) -> BBox | None:
        in_col, in_row = after[pt]
        below = column[pt[0]][in_col:]
        right = row[pt[1]][in_row:]
        for below_pt in below:
            if not connects(pt, below_pt):
                continue
            for right_pt in right:
                if not connects(pt, right_pt):
                    continue
                corner = (right_pt[0], below_pt[1])
                if corner in intersections and connects(corner, right_pt) and connects(corner, below_pt):
                    return (pt[0], pt[1], corner[0], corner[1])
        return None

    return [cell for cell in map(smallest, points) if cell is not None]


def _closing_edges(edges: list[dict]) -> list[dict]:
    """Borders a table broken by the page does not draw: where several vertical lines end
    together with no horizontal line there, a line joins their ends."""
    horizontal = [e for e in edges if e["orientation"] == "h"]
    vertical = [e for e in edges if e["orientation"] == "v"]
    out = []
    for end in ("top", "bottom"):
        groups: list[list[dict]] = []
        for e in sorted(vertical, key=lambda e: e[end]):
            if groups and e[end] - groups[-1][-1][end] <= SNAP:
                groups[-1].append(e)
            else:
                groups.append([e])
        for group in groups:
            if len(group) < MIN_CLOSED_COLUMNS + 1:
                continue
            y = sum(e[end] for e in group) / len(group)
            x0, x1 = min(e["x0"] for e in group), max(e["x0"] for e in group)
            if not any(abs(h["top"] - y) <= SNAP and h["x0"] <= x0 + SNAP and h["x1"] >= x1 - SNAP for h in horizontal):
                x0, x1 = _frame_sides(vertical, y, x0, x1)
                out.append(edge(x0, y, x1, y))
    return out


def _frame_sides(vertical: list[dict], y: float, x0: float, x1: float) -> tuple[float, float]:
    """The join of open ends at ``y`` reaches the nearest vertical lines running through
    ``y`` on either side: a frame drawn round the table's part on the page (WeasyPrint
    draws the table's own border there, lower than its last row) closes the cells beside
    it, so a label cell cut by the page gets its bottom border too."""
    through = [e["x0"] for e in vertical if e["top"] < y - SNAP and e["bottom"] > y + SNAP]
    left = [x for x in through if x < x0 - SNAP]
    right = [x for x in through if x > x1 + SNAP]
    return (max(left) if left else x0), (min(right) if right else x1)


def _table(boxes: list[BBox], fragments: list[Fragment], page: PageContent) -> tuple[PlacedTable | None, list[Fragment]]:
    xs = _grid_lines([b[0] for b in boxes] + [b[2] for b in boxes])
    ys = _grid_lines([b[1] for b in boxes] + [b[3] for b in boxes])
    spans = _spans(boxes, xs, ys)
    holes = _holes(spans.values(), xs, ys)
    boxes = boxes + holes
    spans.update(_spans(holes, xs, ys))
    inside: dict[BBox, list[Fragment]] = {b: [] for b in boxes}
    outside: list[Fragment] = []
    left, top = min(map(_X0, boxes)), min(map(_TOP, boxes))
    right, bottom = max(map(_X1, boxes)), max(map(_BOTTOM, boxes))
    first_containing = _Bins(boxes).first_containing
    beside = outside.append
    for f in fragments:  # most of a page's text is beside its tables: across first, then down
        cx = (f.x0 + f.x1) / 2
        if left <= cx <= right:
            cy = (f.top + f.bottom) / 2
            if top <= cy <= bottom:
                box = first_containing(cx, cy)
                if box:
                    inside[box].append(f)
                    continue
        beside(f)
    hole_set = set(holes)
    boxes = [b for b in boxes if inside[b] or b not in hole_set]  # an empty hole is no cell
    rows: dict[int, list[tuple[BBox, Cell]]] = {}
    for b in boxes:
        r0, r1, c0, c1 = spans[b]
        lines = group_lines(inside[b]) if inside[b] else []
        cell = Cell(join_lines([ln.text for ln in lines]), r0, c0, max(1, r1 - r0), max(1, c1 - c0),
                    pos=Position(page=page.number, bbox=page.box(*b)), confidence=min_confidence(inside[b]))
        rows.setdefault(r0, []).append((b, cell))
    n_cols = len(xs) - 1
    order = sorted(rows)
    # peel one-cell full-width rows (text frames, captions) from the top and the bottom
    while order and _full_width(rows[order[0]], n_cols):
        outside += inside[rows[order.pop(0)][0][0]]
    while order and _full_width(rows[order[-1]], n_cols):
        outside += inside[rows[order.pop()][0][0]]
    kept = [(b, c) for r in order for b, c in rows[r]]
    if not any(c.text for _, c in kept):
        return None, outside + [f for b, _ in kept for f in inside[b]]
    first = order[0]
    renumber = {r: i for i, r in enumerate(order)}
    cells = []
    for _, c in kept:
        last = order[bisect_left(order, c.row + c.rowspan) - 1]  # the last kept row it spans
        c.rowspan = renumber[last] - renumber[c.row] + 1
        c.row = renumber[c.row]
        cells.append(c)
    compact_columns(cells)
    kept_boxes = [b for b, _ in kept]
    bbox = (min(map(_X0, kept_boxes)), min(map(_TOP, kept_boxes)), max(map(_X1, kept_boxes)), max(map(_BOTTOM, kept_boxes)))
    return PlacedTable(Table(cells, Position(page=page.number, bbox=page.box(*bbox))), ys[first], bbox), outside


class _Bins:
    """Boxes by square bins of the page, to find the first box (in list order) holding a
    point without testing every box: a box is listed in every bin it touches, so the bin
    of a point lists every box that may hold it, in the boxes' order."""

    SIZE = 48.0  # pt: a bin's side

    def __init__(self, boxes: list[BBox]):
        self.bins: dict[tuple[int, int], list[BBox]] = defaultdict(list)
        s = self.SIZE
        bins = self.bins
        for b in boxes:
            rows = range(int(b[1] // s), int(b[3] // s) + 1)
            for i in range(int(b[0] // s), int(b[2] // s) + 1):
                for j in rows:
                    bins[i, j].append(b)

    def first_containing(self, x: float, y: float) -> BBox | None:
        s = self.SIZE
        for b in self.bins.get((int(x // s), int(y // s)), ()):
            if b[0] <= x <= b[2] and b[1] <= y <= b[3]:
                return b
        return None


def compact_columns(cells: list[Cell]) -> None:
    """Renumber grid columns so that each starts some cell: columns every cell spans (Word
    adds them to align borders; peeled frame rows leave them) are no table columns."""
    starts = sorted({c.col for c in cells})
    index = {col: i for i, col in enumerate(starts)}
    for c in cells:
        first = index[c.col]
        c.colspan = max(1, bisect_left(starts, c.col + c.colspan) - first)  # the starts in [col, col + colspan)
        c.col = first


def _spans(boxes: list[BBox], xs: list[float], ys: list[float]) -> dict[BBox, tuple[int, int, int, int]]:
    """Each box's grid lines: first row, row after, first column, column after (``_index``
    of its sides, asked once per box)."""
    last_y, last_x = len(ys) - 1, len(xs) - 1
    out = {}
    for b in boxes:  # _index of each side, written out: it runs for every cell of every table
        r0, r1 = bisect_left(ys, b[1] - GRID), bisect_left(ys, b[3] - GRID)
        c0, c1 = bisect_left(xs, b[0] - GRID), bisect_left(xs, b[2] - GRID)
        out[b] = (r0 if r0 < last_y else last_y, r1 if r1 < last_y else last_y,
                  c0 if c0 < last_x else last_x, c1 if c1 < last_x else last_x)
    return out


def _holes(spans, xs: list[float], ys: list[float]) -> list[BBox]:
    """Grid positions no cell covers (a cell whose border is missing, often at a page
    break), each vertical run of them a cell, so that text printed there stays in the table.
    ``spans``: the cells' grid lines (``_spans``)."""
    covered = set()
    for r0, r1, c0, c1 in spans:
        for r in range(r0, r1):
            for c in range(c0, c1):
                covered.add((r, c))
    holes: list[BBox] = []
    for c in range(len(xs) - 1):
        run_start = None
        for r in range(len(ys)):  # a vertical run of holes is one cell whose borders are lost
            hole = r < len(ys) - 1 and (r, c) not in covered
            if hole and run_start is None:
                run_start = r
            elif not hole and run_start is not None:
                holes.append((xs[c], ys[run_start], xs[c + 1], ys[r]))
                run_start = None
    return holes


def _full_width(row: list[tuple[BBox, Cell]], n_cols: int) -> bool:
    return len(row) == 1 and row[0][1].colspan == n_cols and row[0][1].rowspan == 1


def _grid_lines(values: list[float]) -> list[float]:
    out: list[float] = []
    for v in sorted(values):
        if not out or v - out[-1] > GRID:
            out.append(v)
    return out


def _index(lines: list[float], v: float) -> int:
    i = bisect_left(lines, v - GRID)
    return min(i, len(lines) - 1)
