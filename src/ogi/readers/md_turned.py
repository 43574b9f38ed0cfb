"""Table 三 printed turned over, whose outcome header a PDF converter lost: turned back.

Some agencies print table 三 turned over its diagonal: the applicants down the first column
(自然人, 商业企业 … 其他, 总计), the outcomes across the header (一、本年新收 … 四、结转下年度继续办理).
:mod:`ogi.extract.turned` turns such a grid back where it prints the outcomes' first label. A
PDF converter may lose that header whole: pymupdf4llm writes a header of vertical text as
"picture text" (a garble of characters beside the table) and keeps only the rows; its
``find_tables`` CSV writes the applicant rows and nothing above them::

    |⾃<br>|然<br>⼈|9|0|5|0|0|0|0|0|0|0|0|0|1|2|0|0|0|0|1|0|0|9|0|
    ||商<br>业<br>企<br>业|0|0|0|…
    …
    |总|计|9|0|5|0|0|0|0|0|0|0|0|0|1|2|0|0|0|0|1|0|0|9|0|

Read as printed, no row label names a row, and the aligner poured the 161 values, seven
rows of 23, into table 三's 23 rows of seven in the order they came: 22 wrong numbers (with
findings) in wild4's ``transposed`` report, in both renderings.

A run of consecutive rows of a table is such a table where

1. each row's label cells (the cells before its values — alone, or joined, ``总`` + ``计``)
   name exactly one of table 三's seven applicant columns, each column named by one row,
   all seven in the run;
2. each row's values are the row's last cells, one a cell, none blank, and every row has
   the same number of them — the number of rows table 三 has in one of the formats (23 in
   2019's, 25 in 2021's), which says which; and
3. the table holds no row label of table 三 (a table that prints its outcome labels is
   :mod:`ogi.extract.turned`'s to turn).

The run is then written as table 三 is printed without its label column: a header row of
the seven applicant labels in the order the rows printed them, and one row per outcome
holding the outcome's value of each applicant, no label cell before them (an empty one would
be read as a blank value). The aligner places unlabelled rows by position in the
template's order (each with its ROW_LABEL_MISSING finding), the order the format prints the
outcomes in and the only one a header-less turned table can have been read in; the table's
identities (each outcome's 总计, (七) as the sum of the outcomes, 一+二 = (七)+四 in every
column) check what is read. Rows after the run move down; each cell keeps its place in the
file, so provenance points at the printed value."""

from __future__ import annotations

import re
from collections import Counter
from functools import lru_cache
from operator import attrgetter

from ..document import Cell, Paragraph, Table
from ..template.normalize import label_key
from .md_continued import is_value

_BR = re.compile(r"<br */?>")
_ROW = attrgetter("row")  # a cell's row, read in C
_TEXT = attrgetter("text")


@lru_cache(maxsize=1)
def _applicants() -> dict[str, int]:
    """Each applicant column's label (as a label key) → its index in the template."""
    from ..template import APPLICANT_COLUMNS

    return {label_key(m.label): i for i, m in enumerate(APPLICANT_COLUMNS)}


@lru_cache(maxsize=1)
def _outcome_rows() -> dict[int, str]:
    """The number of table 三's rows → its format, for the formats that differ in it."""
    from ..template import FORMATS

    return {len(f.table3.rows): name for name, f in FORMATS.items()}


@lru_cache(maxsize=1)
def _table3_labels() -> frozenset[str]:
    from ..template import FORMATS

    return frozenset(label_key(text) for f in FORMATS.values() for row in f.table3.rows
                     for text in (row.label, *row.variants) if text)


def _key(text: str) -> str:
    return label_key(_BR.sub("", text))


def turn_headerless_tables(blocks: list) -> list:
    """``blocks`` with :func:`turn_headerless_table3` applied to each table — but not to a
    table whose header a page break left in the table before it (only paragraphs between, that
    table printing table 三's outcome labels): its rows are the data of a turned table 三 cut in
    two, which :func:`ogi.extract.rows_turned.flat_turned_split` joins to its header and reads
    whole (wild4 00021 in HTML: turned here without its header, 161 cells were lost)."""
    out = list(blocks)
    previous: Table | None = None
    for i, block in enumerate(out):
        if isinstance(block, Table):
            if previous is None or not _prints_outcome_labels(previous):
                out[i] = turn_headerless_table3(block)
            previous = block
        elif not isinstance(block, Paragraph):
            previous = None
    return out


def _prints_outcome_labels(table: Table) -> bool:
    labels = _table3_labels()  # each distinct text keyed once (speed: a table's 0s and labels repeat)
    return any(_key(text) in labels for text in set(map(_TEXT, table.cells)) if text.strip())


def turn_headerless_table3(table: Table) -> Table:
    """``table`` with a turned table 三 whose outcome header is lost turned back (see the
    module docstring); the same object when it holds none."""
    cells = table.cells
    if len(cells) < len(_applicants()) * min(_outcome_rows()):
        return table  # too few cells for seven rows of table 三's outcomes
    if max(Counter(map(_ROW, cells)).values()) <= min(_outcome_rows()):
        return table  # no row with a label and a value for each of table 三's rows (cheap, in C)
    rows: dict[int, list[Cell]] = {}
    for cell in cells:
        rows.setdefault(cell.row, []).append(cell)
    order = sorted(rows)
    named = {r: _applicant_row(sorted(rows[r], key=lambda c: c.col)) for r in order}
    n = len(_applicants())
    for i in range(len(order) - n + 1):
        run = order[i:i + n]
        if run[-1] - run[0] != n - 1 or any(named[r] is None for r in run):
            continue
        found = [named[r] for r in run]
        columns = [col for col, _, _ in found]  # type: ignore[misc]
        counts = {len(values) for _, _, values in found}  # type: ignore[misc]
        if sorted(columns) != list(range(n)) or len(counts) != 1 or counts.pop() not in _outcome_rows():
            continue
        if _prints_outcome_labels(table):
            return table  # the outcomes' labels are printed: extract.turned reads it
        return _turned(table, rows, run, found)  # type: ignore[arg-type]
    return table


def _applicant_row(row: list[Cell]) -> tuple[int, str, list[Cell]] | None:
    """(the applicant column a row's label cells name, the text naming it, its value cells), where its values
    are its last cells, one a cell and none blank, after label cells naming exactly one
    applicant column; None otherwise."""
    k = len(row)
    while k and is_value(row[k - 1].text) and row[k - 1].colspan == 1:
        k -= 1
    labels, values = row[:k], row[k:]
    if not values or any(c.rowspan != 1 for c in values):
        return None
    texts = [c.text for c in labels if c.text.strip()]
    if not texts or any(is_value(t) for t in texts):
        return None
    named = {t: _applicants().get(_key(t)) for t in (*texts, "".join(texts))}
    names = {i for i in named.values() if i is not None}
    if len(names) != 1:
        return None
    return names.pop(), next(t for t, i in named.items() if i is not None), values


def _turned(table: Table, rows: dict[int, list[Cell]], run: list[int],
            found: list[tuple[int, str, list[Cell]]]) -> Table:
    """The table with the run's rows written as a header row and one row per outcome."""
    first, width = run[0], len(found[0][2])
    grow = width + 1 - len(run)  # rows the run takes more than it did
    out: list[Cell] = []
    for r, row in rows.items():
        if r in run:
            continue
        for c in row:
            below = r > run[-1]
            spans_in = c.row < first and c.row + c.rowspan > first  # a cell above reaching into the run
            out.append(Cell(c.text, c.row + (grow if below else 0), c.col, c.rowspan + (grow if spans_in else 0),
                            c.colspan, c.pos, c.confidence))
    for j, (_, text, values) in enumerate(found):
        label = next(c for c in rows[run[j]] if c.text.strip() and not is_value(c.text))
        out.append(Cell(_BR.sub("", text), first, j, 1, 1, label.pos, label.confidence))
        out += [Cell(v.text, first + 1 + k, j, 1, 1, v.pos, v.confidence) for k, v in enumerate(values)]
    out.sort(key=lambda c: (c.row, c.col))
    return Table(out, table.pos)


__all__ = ["turn_headerless_table3", "turn_headerless_tables"]
