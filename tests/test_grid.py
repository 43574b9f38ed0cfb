"""One grid type: the reader's table, the template's layout, the drawn table and the web's
shown table are each an ``ogi.grid.Grid``, sized by their cells and walked the same way."""

from __future__ import annotations

from pathlib import Path

from ogi.api import parse
from ogi.document import Cell, Table
from ogi.grid import Grid
from ogi.render.layout import DrawnTable, draw_table
from ogi.template.layout import VALUE, TableGrid, table_grid

SAMPLE = Path(__file__).resolve().parents[1] / "samples" / "html_html.html"


def _merged() -> Table:
    """A 3×3 table: a header over two columns, a label over two rows."""
    return Table([Cell("组", 0, 0, rowspan=2), Cell("头", 0, 1, colspan=2), Cell("a", 1, 1), Cell("b", 1, 2),
                  Cell("尾", 2, 0, colspan=3)])


def test_the_size_is_the_cells_extent():
    t = _merged()
    assert (t.n_rows, t.n_cols) == (3, 3)
    assert (Table([]).n_rows, Table([]).n_cols) == (0, 0)
    t.cells.append(Cell("远", 4, 5))  # a reader's table grows as it reads
    assert (t.n_rows, t.n_cols) == (5, 6)


def test_three_walks():
    t = _merged()
    assert [[c.text for c in row] for row in t.rows()] == [["组", "头"], ["a", "b"], ["尾"]]
    assert [[c.text if c else None for c in row] for row in t.slots()] == [
        ["组", "头", None], [None, "a", "b"], ["尾", None, None]]
    assert [[c.text if c else None for c in row] for row in t.grid()] == [
        ["组", "头", "头"], ["组", "a", "b"], ["尾", "尾", "尾"]]


def test_every_room_holds_the_same_grid():
    grid = table_grid("2021", "table3")
    drawn = draw_table(grid, parse(SAMPLE).table3)
    assert isinstance(_merged(), Grid) and isinstance(grid, Grid) and DrawnTable is TableGrid
    assert isinstance(drawn, TableGrid) and (drawn.key, drawn.title) == (grid.key, grid.title)
    assert (grid.n_rows, grid.n_cols) == (drawn.n_rows, drawn.n_cols) == (28, 10)
    assert [(c.row, c.col, c.rowspan, c.colspan, c.role, c.cell) for c in drawn.cells] == \
        [(c.row, c.col, c.rowspan, c.colspan, c.role, c.cell) for c in grid.cells]
    values = {c.cell: c.text for c in drawn.cells if c.role == VALUE}
    assert values[("granted", "total")] == "0" and all(c.text == "" for c in grid.value_cells())


def test_the_web_shows_the_drawn_grid():
    from ogi.web.pages.reports import ShownTable, shown_tables

    report = parse(SAMPLE)
    shown = shown_tables(report, [])
    drawn = [draw_table(table_grid("2021", t), getattr(report, t)) for t in ("table2", "table3", "table4")]
    assert all(isinstance(s, ShownTable) and isinstance(s, Grid) for s in shown)
    for s, d in zip(shown, drawn):
        assert [[(c.text, c.role, c.rowspan, c.colspan) for c in row] for row in s.rows()] == \
            [[(c.text, c.role, c.rowspan, c.colspan) for c in row] for row in d.rows()]
        rows = s.as_json()["rows"]
        assert [len(r) for r in rows] == [len(r) for r in d.rows()] and "row" not in rows[0][0]
