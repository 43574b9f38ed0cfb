"""Table 三 cut by its columns into two tables, joined back into one by its headers and labels.

A wide table does not fit a page of a content system or a Word file in portrait, and some
agencies cut it by its columns: table 三 printed as its label block with the first applicant
columns (自然人, 商业企业 …), then — beside it, or after it, a ``续表`` or a page number between
— the label block again with the rest (… 其他, 总计). A header spanning the cut
(``申请人情况``, ``法人或其他组织``) is printed over its part in both. Read as it stands the page
prints table 三's first row twice, and ``extract.twice`` refuses it as a file of two reports:
every cell unread.

The template says what a whole table 三 is: its seven applicant columns, each under its own
header (:data:`~ogi.template.formats.APPLICANT_COLUMNS`), and its rows, each under its label.
A piece of a table cut by columns prints the label block whole and some of the seven
headers, each once. So :func:`tables_joined` joins two grids (a web page's, a Word file's, a
spreadsheet's tables: ``Table`` blocks) that follow each other where all of these hold:

- nothing stands between them but at most :data:`MOST_BETWEEN` blocks, none a section heading
  or a report's title, each a short line or a table that is no piece (:func:`_between`);
- each is a piece (:func:`piece`): it prints table 三's first row label; its value columns
  (from the first that prints a number in that row on) each stand under exactly one applicant
  header one column wide, and no label cell spans into them;
- the two pieces print the same label block: the same label cells, at the same places with
  the same spans, in the same rows counted from the first row label, and as many rows;
- their headers are the seven, each printed once over the two — the headers name which
  columns each piece holds; neither piece is a whole table; the piece holding 总计 may print
  one more column right of it under a header of last year's totals (上年同期, 上年总计 …, as
  ``extract.yearcols`` reads it), carried along: the aligner leaves it out by its header,
  as in a whole table 三;
- the joined table's rows confirm it: in no row where all seven cells print a number do the
  six applicants' counts fail to add up to the 总计 (the row identity ``T3_ROW_TOTAL``), so
  no row of one piece is set beside a row of another that is not its own.

The joined table is the first piece with the second's value columns after its own; a header
cell the cut printed in both (the same text, in the same row with the same row span, the
first piece's ending at the cut and the second's starting there) is one cell again. The
applicant columns then stand in the order the headers print them: where that is not the
template's, ``extract.colorder`` reads them by their headers, as for any table. A join gives a
TEMPLATE_DEVIATION finding, so a reviewer sees the table was printed in two pieces. Where
the page is running text, not grids, :mod:`.colsplit_text` joins the two pieces' lines.

Where any condition fails the tables are left as they are — and a page printing table 三
twice is refused as before: two whole tables (this year's and last year's, or two reports)
each print all seven headers, so are never pieces."""

from __future__ import annotations

from dataclasses import dataclass, replace

from ..document import Cell, Document, Paragraph, Table
from ..model import Finding
from ..template.formats import APPLICANT_COLUMNS, FORMATS
from ..template.labels import section_of
from ..template.normalize import label_key
from .tokens import NUM, cell_value
from .twice import report_title
from .yearcols import _LAST_COLUMN

FIRST_ROW = label_key(FORMATS["2021"].table3.rows[0].label or "")  # 一、本年新收政府信息公开申请数量
FIRST_CHAR = "收"  # a character the first row label prints in every script (新收): a text without it is none
HEADERS = {label_key(m.label): i for i, m in enumerate(APPLICANT_COLUMNS)}  # 自然人 … 总计 → 0 … 6
N_HEADERS = len(APPLICANT_COLUMNS)  # seven: six applicants and the total
TOTAL = N_HEADERS - 1  # the 总计 column's place in the template's order
MOST_BETWEEN = 4  # blocks: at most this many between two pieces (续表, a page number, a caption, a note's table)
BETWEEN_CHARS = 60  # characters: a line between two pieces is at most this long (a caption, a one-line note)
MOST_HEADER_ROWS = 4  # rows: table 三's header is three rows (申请人情况 / 法人或其他组织 / the five), a caption's above


@dataclass(frozen=True, slots=True)
class Piece:
    """A grid that may be a piece of table 三 cut by columns: ``first`` is the row of table
    三's first row label, ``width`` the columns of its label block, ``headers`` the applicant
    header (its index in the template's order) of each value column, ``labels`` its label
    cells from ``first`` on as (row - first, col, rowspan, colspan, key) — but a note under
    the rows, one cell across the whole table (``注：…``: each piece may print its own)."""

    table: Table
    first: int
    width: int
    headers: dict[int, int]
    labels: frozenset[tuple[int, int, int, int, str]]


def tables_joined(doc: Document) -> tuple[Document, list[Finding]]:
    """``doc`` with each pair of table 三's pieces cut by columns joined into one table, and
    a finding for each join (module docstring); the same document where none is."""
    blocks = list(doc.blocks)
    findings: list[Finding] = []
    i = 0 if _first_rows_in_tables(blocks) >= 2 else len(blocks)  # a join needs two printings
    while i < len(blocks):
        joined = _join_at(blocks, i)
        if joined is None:
            i += 1
            continue
        tables, stop = joined
        blocks[i:stop] = tables
        findings.append(_joined_finding())  # (a third piece joins on the next turn, at the same i)
    if findings:
        return replace(doc, blocks=blocks), findings
    from .colsplit_text import lines_joined  # (it imports this module's constants)
    return lines_joined(doc)  # the two pieces as runs of lines (running text)


def _first_rows_in_tables(blocks: list) -> int:
    """How many of the tables' cells begin with table 三's first row label: two pieces print
    it once each, a grid of both twice (:func:`piece`, :func:`_stacked`); with fewer no table
    joins, and the pass walks no table's rows (most documents: one table 三 or none)."""
    return sum(_first_row(c.text) for b in blocks if isinstance(b, Table) for c in b.cells)


def _join_at(blocks: list, i: int) -> tuple[list[Table], int] | None:
    """The table joined from the piece at ``i`` and the next (the pieces one grid prints one
    under the other: with the grid's rows before and after them), and the index after the
    second; None where they are no two pieces of one table."""
    first = blocks[i]
    if not isinstance(first, Table):
        return None
    if (stacked := _stacked(first)) is not None:
        return stacked, i + 1
    if (a := piece(first)) is None:
        return None
    j = i + 1
    while j < len(blocks) and j - i - 1 < MOST_BETWEEN and _between(blocks[j]):
        j += 1
    if j >= len(blocks) or not isinstance(blocks[j], Table) or (b := piece(blocks[j])) is None:
        return None
    table = join(a, b)
    return None if table is None else ([table], j + 1)


def _stacked(table: Table) -> list[Table] | None:
    """A grid that prints table 三's first row twice (a converter's one grid of a page's
    tables, or of two tables printed one under the other) as the grid's rows before the
    first piece, the two pieces joined, and its rows after the second — where the two
    printings are two pieces of one table (:func:`join`): the second as many rows high as
    the first, from the top of its header (the rows with no number right above its first row
    label, :data:`MOST_HEADER_ROWS` at most) on; None where they are not, or no cell spans
    from one part into another."""
    rows = table.rows()
    firsts = [r for r, cells in enumerate(rows) if any(_first_row(c.text) for c in cells)]
    if len(firsts) != 2:
        return None
    tops = [_header_top(rows, f) for f in firsts]
    stop = tops[1] + tops[1] - tops[0]
    bounds = (0, tops[0], tops[1], stop, table.n_rows)
    if tops[1] <= firsts[0] or stop > table.n_rows or any(
            c.row < b < c.row + c.rowspan for c in table.cells for b in bounds):
        return None
    a, b = (piece(_trimmed(_rows(table, tops[0], tops[1]))), piece(_trimmed(_rows(table, tops[1], stop))))
    joined = join(a, b) if a is not None and b is not None else None
    if joined is None:
        return None
    before, after = _rows(table, 0, tops[0]), _rows(table, stop, table.n_rows)
    return [t for t in (before, joined, after) if t.cells]


def _header_top(rows: list[list], first: int) -> int:
    """The top row of the header above the row ``first``: the rows right above it that print
    no number, :data:`MOST_HEADER_ROWS` at most."""
    top = first
    while top > 0 and first - top < MOST_HEADER_ROWS and not any(count(c.text) is not None for c in rows[top - 1]):
        top -= 1
    return top


def _rows(table: Table, start: int, stop: int) -> Table:
    """The rows ``start`` to ``stop`` of ``table`` as a table of their own."""
    return replace(table, cells=[replace(c, row=c.row - start) for c in table.cells if start <= c.row < stop])


def _trimmed(table: Table) -> Table:
    """``table`` without the empty cells right of its last printed one (the columns a wider
    piece printed in the same grid)."""
    end = max((c.col + c.colspan for c in table.cells if c.text.strip()), default=0)
    return replace(table, cells=[c for c in table.cells if c.col < end or c.text.strip()])


def _between(block: object) -> bool:
    """May the block stand between two pieces of one table: a short line that is no section
    heading or report title (``续表``, a page number, the table's caption), or a table that is
    no piece of table 三 (a note's table a page put between)?"""
    if isinstance(block, Table):
        return piece(block) is None
    text = block.text.strip() if isinstance(block, Paragraph) else ""
    return (isinstance(block, Paragraph) and len(text) <= BETWEEN_CHARS and section_of(text) is None
            and not report_title(text))


def piece(table: Table) -> Piece | None:
    """The table read as a piece of table 三 (:class:`Piece`), or None where it is none: no
    first row label, a value column without exactly one one-column applicant header, or a
    label cell spanning into the values."""
    rows = table.rows()
    first = next((r for r, cells in enumerate(rows) for c in cells if _first_row(c.text)), None)
    if first is None:
        return None
    label_end = max(c.col + c.colspan for c in rows[first] if _first_row(c.text))
    width = next((c.col for c in rows[first] if c.col >= label_end and count(c.text) is not None), None)
    n_cols = table.n_cols  # (a walk over every cell: read once, not once a cell)
    notes = {id(c) for c in table.cells if _note(c, first, n_cols)}
    if width is None or any(c.col < width < c.col + c.colspan for c in table.cells if id(c) not in notes):
        return None
    headers: dict[int, list[int]] = {}
    for c in table.cells:
        if c.row < first and c.col >= width and label_key(c.text) in HEADERS:
            if c.colspan != 1:
                return None
            headers.setdefault(c.col, []).append(HEADERS[label_key(c.text)])
    if any(len(h) != 1 for h in headers.values()):
        return None
    if sorted(headers) != list(range(width, n_cols)) and not _last_year_right(table, headers, width, first):
        return None
    if any(c.row >= first and c.col >= width and c.colspan != 1 for c in table.cells):
        return None
    labels = frozenset((c.row - first, c.col, c.rowspan, c.colspan, label_key(c.text))
                       for c in table.cells if c.row >= first and c.col < width and id(c) not in notes)
    return Piece(table, first, width, {col: h[0] for col, h in headers.items()}, labels)


def _last_year_right(table: Table, headers: dict[int, list[int]], width: int, first: int) -> bool:
    """Is the one value column no applicant header names the piece's last, right of its
    总计, under a header of last year's totals (上年同期, 上年总计 …: ``yearcols``), one column
    wide? The aligner leaves such a column out by its header, as in a whole table 三."""
    n_cols = table.n_cols
    if sorted(headers) != list(range(width, n_cols - 1)) or headers.get(n_cols - 2) != [TOTAL]:
        return False
    return any(c.row < first and c.col == n_cols - 1 and c.colspan == 1 and _LAST_COLUMN.match(label_key(c.text))
               for c in table.cells)


def _first_row(text: str) -> bool:
    """Does the text begin with table 三's first row label (收: a cheap test first)?"""
    return FIRST_CHAR in text and label_key(text).startswith(FIRST_ROW)


def _note(cell: Cell, first: int, width: int) -> bool:
    """Is the cell a note under the table's rows: one cell across the whole table, no count?"""
    return cell.row > first and cell.col == 0 and cell.colspan == width and count(cell.text) is None


def join(a: Piece, b: Piece) -> Table | None:
    """``a`` and ``b`` as one table (module docstring), or None where they are not two pieces
    of one."""
    held = sorted([*a.headers.values(), *b.headers.values()])
    if held != list(range(N_HEADERS)) or len(a.headers) == N_HEADERS or len(b.headers) == N_HEADERS:
        return None
    if (a.first, a.width, a.labels) != (b.first, b.width, b.labels):
        return None
    if a.table.n_rows - a.first != b.table.n_rows - b.first:
        return None
    n_cols = a.table.n_cols  # (read once, not once a cell)
    shift = n_cols - b.width
    cells = list(a.table.cells)
    ending = {(c.row, c.rowspan, label_key(c.text)): k for k, c in enumerate(cells)
              if c.row < a.first and c.col + c.colspan == n_cols}
    for c in b.table.cells:
        if c.col < b.width:
            continue
        k = ending.get((c.row, c.rowspan, label_key(c.text))) if c.row < b.first and c.col == b.width else None
        if k is not None:  # a header the cut printed in both: one cell again
            cells[k] = replace(cells[k], colspan=cells[k].colspan + c.colspan)
        else:
            cells.append(replace(c, col=c.col + shift))
    width = n_cols + b.table.n_cols - b.width  # (a last-year column too)
    cells = [replace(c, colspan=width) if _note(c, a.first, n_cols) else c for c in cells]
    columns = {**a.headers, **{col + shift: h for col, h in b.headers.items()}}
    table = replace(a.table, cells=sorted(cells, key=lambda c: (c.row, c.col)))
    return table if _rows_add_up(table, a.first, columns) else None


def _rows_add_up(table: Table, first: int, columns: dict[int, int]) -> bool:
    """Does no row from ``first`` on, whose seven applicant cells all print a number, refute
    the row identity (six applicants' counts add up to the 总计)?"""
    for cells in table.rows()[first:]:
        values: dict[int, int] = {}
        for c in cells:
            if c.col in columns and (v := count(c.text)) is not None:
                values[columns[c.col]] = v
        if len(values) == N_HEADERS and sum(v for h, v in values.items() if h != TOTAL) != values[TOTAL]:
            return False
    return True


def count(text: str) -> int | None:
    """The count a value cell prints (as the aligner reads a cell: ``1,234``, ``１２``, ``16件``),
    or None where it prints no whole number."""
    token = cell_value(text)
    return token.value if token is not None and token.kind == NUM and isinstance(token.value, int) else None


def _joined_finding() -> Finding:
    return Finding.of(
        "TEMPLATE_DEVIATION", "表三按列分成两张表印出(每张都印有标签列),已按表头和各行标签合并为一张表读入",
        "table 三 is printed cut by its columns into two tables, each with the label block; joined by their "
        "headers and row labels and read as one table", "table3")


__all__ = ["Piece", "count", "join", "piece", "tables_joined"]
