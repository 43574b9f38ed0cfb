"""Table 三 printed turned over, as text keeps it: its header rows flattened, rebuilt as printed.

:mod:`ogi.extract.turned` turns back a turned table 三 whose grid a reader kept (HTML, Word): the
five organisations' headers stand in one column, one a row. A rendering as text (a Markdown
pipe table, a browser's copy with TABs, a converter's lines) keeps each printed row but not the
merged cells: a label spanning rows is written once, on its first line, so every row after it
starts one cell further left, and the header's labels spanning columns no longer stand over the
columns they name. The grid is lost; the rows are not.

What such a table still states with certainty:

- its data rows: each prints its applicant's header last among its labels (自然人, 商业企业 …
  总计 — any group label such as 申请人情况 or 法人或其他组织 before it) and then one number per
  table 三 row of the format, every cell a plain count (no blank, mark or word);
- its header lines: every printed row label of the format's table 三 once, and at each level of
  the format's header tree (一/二/三/四; (一)…(七); the numbered rows of (三)…(六)) the labels
  (rows and the groups above them) in the template's order, over all its lines — the only order
  a flattened header prints when its columns stand in the template's order, however its lines
  wrap. A line out of order, a row label missing or printed twice, a data row of another
  length, a cell that is not a count, or a row of anything else (a table 二 or 四 in the same
  grid) leaves the table as it is.

Such a table is rebuilt in the format's own orientation — the printed row labels (with their
group labels, spanning their rows as the format prints them) down the left, the applicants'
printed headers across, each value cell the printed one with its position — and read as any
table 三: its applicant columns ordered by their headers (:mod:`ogi.extract.colorder`) and every
value placed by the aligner, whose identities check it. The extractor notes each table rebuilt
with the same TEMPLATE_DEVIATION as a grid turned back.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from dataclasses import replace
from operator import attrgetter

from ..document import Cell, Paragraph, Table
from ..template import APPLICANT_COLUMNS, FORMATS
from ..template.formats import PrintedRow, TableSpec
from ..template.normalize import label_key

_APPLICANTS = frozenset(label_key(m.label) for m in APPLICANT_COLUMNS)
_COUNT = re.compile(r"\d+")
# label columns of table 三 as the format prints it: 一/二/四 span all three, 三、本年度办理结果
# the first, (三)…(六) the second, their numbered rows the third
_LABEL_COLUMNS = 3
_OUTCOME_GROUP = "outcomes"
# the fewest printed rows of a format's table 三 (2019: 23): a turned data row's count of values
_FEWEST_ROWS = min(len(f.table3.rows) for f in FORMATS.values())
_ROW = attrgetter("row")  # a cell's row, read in C
_T3_LABELS = frozenset(label_key(text) for f in FORMATS.values()
                       for text in [*(t for r in f.table3.rows for t in (r.label or "", *r.variants)),
                                    *(t for g in f.table3.groups for t in (g.label, *g.variants))])


def may_hold_flat_turned(blocks: list) -> bool:
    """Can any of ``blocks`` hold a data row of a turned table 三 — a row of a table with more
    cells, or a paragraph with more words, than table 三 has rows (an applicant's header and one
    count per row)? A cheap exact test, made in C, so that a report with no such row (nearly
    every one) pays for none of the rebuilding passes."""
    for block in blocks:
        if isinstance(block, Table):
            if block.cells and max(Counter(map(_ROW, block.cells)).values()) > _FEWEST_ROWS:
                return True
        elif isinstance(block, Paragraph) and len(block.text.split()) > _FEWEST_ROWS:
            return True
    return False


def flat_turned_rebuilt(table: Table) -> Table | None:
    """``table`` with a table 三 printed turned over whose header text flattened rebuilt in the
    format's orientation (see the module docstring); None when it holds none."""
    if len(table.cells) < len(_APPLICANTS) * _FEWEST_ROWS:
        return None  # (cheap, exact: too few cells for seven data rows)
    rows: dict[int, list[Cell]] = {}
    for cell in table.cells:
        rows.setdefault(cell.row, []).append(cell)
    numbers = sorted(rows)
    lines = [sorted(rows[r], key=lambda c: c.col) for r in numbers]
    found = [_data_row(line) for line in lines]
    parsed = {i: p for i, p in enumerate(found) if p is not None}
    data = sorted(parsed)
    if len(data) != len(_APPLICANTS) or data != list(range(data[0], data[0] + len(data))):
        return None
    top = data[0]
    while top and not any(_is_count(c) for c in lines[top - 1]):
        top -= 1  # the header lines: every line above the data up to one that prints a number
    if top == data[0]:
        return None
    heads = [parsed[i][0] for i in data]
    if len({label_key(h.text) for h in heads}) != len(_APPLICANTS):
        return None
    counts = {len(parsed[i][1]) for i in data}
    if len(counts) != 1:
        return None
    width = counts.pop()
    for spec in (FORMATS["2021"].table3, FORMATS["2019"].table3):
        if len(spec.rows) != width:
            continue
        labels = _header_labels(spec, lines[top:data[0]])
        if labels is None:
            continue
        rebuilt = _rebuild(spec, labels, heads, [parsed[i][1] for i in data])
        first, end = numbers[top], numbers[data[-1]]
        shift = len(spec.rows) + 1 - (end - first + 1)
        before = [c for c in table.cells if c.row < first]
        after = [replace(c, row=c.row + shift) for c in table.cells if c.row > end]
        return Table(before + [replace(c, row=c.row + first) for c in rebuilt] + after, table.pos)
    return None


def flat_turned_lines(blocks: list) -> tuple[list, int]:
    """``blocks`` with each turned table 三 printed as lines of text (one printed row a line, its
    cells apart by spaces: pandoc's and lynx's plain text) rebuilt as a table in the format's
    orientation, and how many were."""
    out = list(blocks)
    done = 0
    i = len(out) - 1
    while i >= 0:
        found = _lines_at(out, i)
        if found is None:
            i -= 1
            continue
        top, table = found
        out[top:i + 1] = [table]
        done += 1
        i = top - 1
    return out, done


def flat_turned_split(blocks: list) -> tuple[list, int]:
    """``blocks`` with each turned table 三 cut in two — its header lines one table, its data
    rows the next, only paragraphs between (a page's number and running title, a sentence) —
    rebuilt as one table where the first stood, and how many were."""
    out = list(blocks)
    done = 0
    for i in range(len(out) - 1, 0, -1):
        table = out[i]
        if not isinstance(table, Table) or len(table.cells) < len(_APPLICANTS) * _FEWEST_ROWS:
            continue
        j = i - 1
        while j >= 0 and isinstance(out[j], Paragraph):
            j -= 1
        if j < 0 or not isinstance(out[j], Table) or not _starts_with_data(table):
            continue
        head = out[j]
        below = head.n_rows if head.cells else 0
        joined = Table(head.cells + [replace(c, row=c.row + below) for c in table.cells], head.pos)
        rebuilt = flat_turned_rebuilt(joined)
        if rebuilt is not None:
            out[j] = rebuilt
            del out[i]
            done += 1
    return out, done


def _starts_with_data(table: Table) -> bool:
    """Is the grid's first row a data row of a turned table 三 (its header printed elsewhere)?"""
    first = min(c.row for c in table.cells)
    return _data_row(sorted((c for c in table.cells if c.row == first), key=lambda c: c.col)) is not None


def _lines_at(blocks: list, end: int) -> tuple[int, Table] | None:
    """(first block, table rebuilt) when the paragraph ``blocks[end]`` is the last data line of a
    turned table 三 printed as lines of text."""
    block = blocks[end]
    if not isinstance(block, Paragraph) or not block.text.rstrip()[-1:].isdigit():
        return None  # (cheap: most lines end otherwise)
    words = _words(block, 0)
    if len(words) <= _FEWEST_ROWS or _data_row(words) is None:
        return None
    start = end - len(_APPLICANTS) + 1
    if start <= 0 or any(not isinstance(b, Paragraph) or _data_row(_words(b, 0)) is None
                         for b in blocks[start:end]):
        return None
    top = start
    while top and isinstance(blocks[top - 1], Paragraph) and _header_line(_words(blocks[top - 1], 0)):
        top -= 1
    if top == start:
        return None
    grid = Table([c for k, b in enumerate(blocks[top:end + 1]) for c in _words(b, k)], blocks[top].pos)
    rebuilt = flat_turned_rebuilt(grid)
    return None if rebuilt is None else (top, rebuilt)


def _words(paragraph: Paragraph, row: int) -> list[Cell]:
    return [Cell(w, row, j, pos=paragraph.pos) for j, w in enumerate(paragraph.text.split())]


def _header_line(line: list[Cell]) -> bool:
    """A line of a turned table 三's header: no number, and a label of the format's table 三."""
    return (not any(_is_count(c) for c in line)) and any(label_key(c.text) in _T3_LABELS for c in line)


def _is_count(cell: Cell) -> bool:
    return bool(_COUNT.fullmatch(unicodedata.normalize("NFKC", cell.text.strip())))


def _data_row(line: list[Cell]) -> tuple[Cell, list[Cell]] | None:
    """(the applicant's header cell, the value cells) of a printed data row, or None."""
    end = len(line)
    while end and not line[end - 1].text.strip():
        end -= 1  # a grid's blank cells padding the row
    at = end
    while at and _is_count(line[at - 1]):
        at -= 1
    values = line[at:end]
    if not values or at == 0 or label_key(line[at - 1].text) not in _APPLICANTS:
        return None
    if any(c.text.strip() and c.text.isascii() for c in line[:at]):
        return None  # a stray number among the labels
    return line[at - 1], values


def _header_labels(spec: TableSpec, lines: list[list[Cell]]) -> dict[str, Cell] | None:
    """Each template row's and group's printed header cell, or None unless every row label
    stands once and each line prints its labels in the template's order."""
    order = {row.key: i for i, row in enumerate(spec.rows)}
    names: dict[str, str] = {}
    for row in spec.rows:
        for text in (row.label or "", *row.variants):
            names.setdefault(label_key(text), row.key)
    first_of: dict[str | None, int] = {}
    for i, row in enumerate(spec.rows):
        first_of.setdefault(row.group, i)
    groups: dict[str, str] = {}
    for group in spec.groups:
        for text in (group.label, *group.variants):
            groups.setdefault(label_key(text), group.key)
    found: dict[str, Cell] = {}
    last: dict[int, int] = {}  # each level of the header's tree: the last position printed
    for line in lines:
        for cell in line:
            key = label_key(cell.text)
            if not key:
                continue
            if key in names:
                name, at = names[key], order[names[key]]
                level = _level(spec.rows[at])
            elif key in groups:
                name, at = "group:" + groups[key], first_of.get(groups[key], -1)
                level = 1 if groups[key] == _OUTCOME_GROUP else 2
            else:
                continue  # a note (本列数据的勾稽关系…), a corner's words
            if name in found or at <= last.get(level, -1):
                return None
            found[name], last[level] = cell, at
    if any(row.key not in found for row in spec.rows):
        return None
    return found


def _level(row: PrintedRow) -> int:
    """The header level a row's label stands at when table 三 is turned: 1 for 一, 二, 四, 2 for
    the outcomes' own rows ((一), (二), (七) …), 3 for the numbered rows of (三)…(六)."""
    if row.group is None and row.key != "total":
        return 1
    return 2 if row.group in (None, _OUTCOME_GROUP) else 3


def _rebuild(spec: TableSpec, labels: dict[str, Cell], heads: list[Cell], values: list[list[Cell]]) -> list[Cell]:
    """Table 三's cells in the format's orientation: row labels down, applicants across (its
    header the first row, 0)."""
    cells: list[Cell] = [Cell(h.text, 0, _LABEL_COLUMNS + j, pos=h.pos) for j, h in enumerate(heads)]
    outcome_rows = [i for i, row in enumerate(spec.rows) if row.group is not None or row.key == "total"]
    outcome_rows = [i for i in range(outcome_rows[0], outcome_rows[-1] + 1)] if outcome_rows else []
    group_rows: dict[str, list[int]] = {}
    for i, row in enumerate(spec.rows):
        if row.group is not None and row.group != _OUTCOME_GROUP:
            group_rows.setdefault(row.group, []).append(i)
    outcome = labels.get("group:" + _OUTCOME_GROUP)
    if outcome is not None and outcome_rows:
        cells.append(Cell(outcome.text, 1 + outcome_rows[0], 0, rowspan=len(outcome_rows), pos=outcome.pos))
    for group, at in group_rows.items():
        head = labels.get("group:" + group)
        if head is not None:
            cells.append(Cell(head.text, 1 + at[0], 1, rowspan=len(at), pos=head.pos))
    for i, row in enumerate(spec.rows):
        label = labels[row.key]
        if row.group is not None and row.group != _OUTCOME_GROUP:
            col, span = 2, 1
        elif i in outcome_rows and outcome is not None:
            col, span = 1, 2
        else:
            col, span = 0, 3
        cells.append(Cell(label.text, 1 + i, col, colspan=span, pos=label.pos))
        for j, printed in enumerate(values):
            v = printed[i]
            cells.append(Cell(v.text, 1 + i, _LABEL_COLUMNS + j, pos=v.pos, confidence=v.confidence))
    cells.sort(key=lambda c: (c.row, c.col))
    return cells


__all__ = ["flat_turned_lines", "flat_turned_rebuilt", "flat_turned_split"]
