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
- its header lines: every printed row label of the format's table 三 once, and in each line the
  labels (rows and the groups above them) in the template's order — the only order in which a
  flattened header of the format's tree prints them when its columns stand in the template's
  order. A line out of order, a row label missing or printed twice, a data row of another
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

from ..document import Cell, Table
from ..template import APPLICANT_COLUMNS, FORMATS
from ..template.formats import TableSpec
from ..template.normalize import label_key

_APPLICANTS = frozenset(label_key(m.label) for m in APPLICANT_COLUMNS)
_COUNT = re.compile(r"\d+")
# label columns of table 三 as the format prints it: 一/二/四 span all three, 三、本年度办理结果
# the first, (三)…(六) the second, their numbered rows the third
_LABEL_COLUMNS = 3
_OUTCOME_GROUP = "outcomes"


def flat_turned_rebuilt(table: Table) -> Table | None:
    """``table`` rebuilt in the format's orientation if it is a table 三 printed turned over
    whose header text flattened (see the module docstring); None otherwise."""
    rows: dict[int, list[Cell]] = {}
    for cell in table.cells:
        rows.setdefault(cell.row, []).append(cell)
    lines = [sorted(rows[r], key=lambda c: c.col) for r in sorted(rows)]
    data = [i for i, line in enumerate(lines) if _data_row(line) is not None]
    if len(data) != len(_APPLICANTS) or data != list(range(data[0], data[0] + len(data))):
        return None
    if data[-1] != len(lines) - 1 or data[0] == 0:
        return None  # rows of anything else below the data
    parsed = [_data_row(lines[i]) for i in data]
    heads = [head for head, _ in parsed]
    if len({label_key(h.text) for h in heads}) != len(_APPLICANTS):
        return None
    counts = {len(values) for _, values in parsed}
    if len(counts) != 1:
        return None
    width = counts.pop()
    for spec in (FORMATS["2021"].table3, FORMATS["2019"].table3):
        if len(spec.rows) != width:
            continue
        labels = _header_labels(spec, lines[:data[0]])
        if labels is not None:
            return _rebuild(spec, labels, heads, [values for _, values in parsed], table)
    return None


def _data_row(line: list[Cell]) -> tuple[Cell, list[Cell]] | None:
    """(the applicant's header cell, the value cells) of a printed data row, or None."""
    values: list[Cell] = []
    at = len(line)
    while at and _COUNT.fullmatch(unicodedata.normalize("NFKC", line[at - 1].text.strip())):
        at -= 1
    values = line[at:]
    if not values or at == 0 or label_key(line[at - 1].text) not in _APPLICANTS:
        return None
    if any(not c.text.strip() or c.text.isascii() for c in line[:at]):
        return None  # a blank or a stray number among the labels
    return line[at - 1], values


def _header_labels(spec: TableSpec, lines: list[list[Cell]]) -> dict[str, Cell] | None:
    """Each template row's and group's printed header cell, or None unless every row label
    stands once and each line prints its labels in the template's order."""
    order = {row.key: i for i, row in enumerate(spec.rows)}
    names: dict[str, str] = {}
    for row in spec.rows:
        for text in (row.label or "", *row.variants):
            names.setdefault(label_key(text), row.key)
    first_of = {}
    for i, row in enumerate(spec.rows):
        first_of.setdefault(row.group, i)
    groups: dict[str, str] = {}
    for group in spec.groups:
        for text in (group.label, *group.variants):
            groups.setdefault(label_key(text), group.key)
    found: dict[str, Cell] = {}
    for line in lines:
        last = -1
        for cell in line:
            key = label_key(cell.text)
            if not key:
                continue
            if key in names:
                name, at = names[key], order[names[key]]
            elif key in groups:
                name, at = "group:" + groups[key], first_of.get(groups[key], -1)
            else:
                continue  # a note (本列数据的勾稽关系…), a corner's words
            if name in found or at <= last:
                return None
            found[name], last = cell, at
    if any(row.key not in found for row in spec.rows):
        return None
    return found


def _rebuild(spec: TableSpec, labels: dict[str, Cell], heads: list[Cell], values: list[list[Cell]],
             table: Table) -> Table:
    """The table in the format's orientation: row labels down, applicants across."""
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
    return Table(cells, table.pos)


__all__ = ["flat_turned_rebuilt"]
