"""Table 三's applicant values read in the order a text header prints its columns.

:mod:`.colorder` finds, in running text, that table 三's header prints its applicant
columns in another order than the template's, and until the sixteenth session that was all
it could do: a value's column in text is its place in the row, the header's order was read
only in part (two labels of one header row), so every applicant cell was left null. A
report that prints 总计 first (``总计 自然人 法人或其他组织 ⏎ 商业企业 … 其他``) lost its
whole table 三 in every text rendering.

Where the header is read whole the columns' order is certain, and the values can be read
by it. The header of the format has two rows: 自然人, 法人或其他组织 and 总计 in the first,
the five organisations under 法人或其他组织 in the second. The joined reading of
:func:`.colorder._joined` reads all eight labels whole, once each, the first row's three
before the five — the order the cells are drawn, row by row, left to right (a crawler's
text, a converter's paragraph a cell, a PDF text layer's piece a line, a text browser's row
a line). The columns' order follows: the first row's, with 法人或其他组织 standing for its
five in their order (:func:`structured`). It is trusted only where no line of the header,
read on its own, shows two labels of one header row in the other order, and only for the
deviations the text can vouch for. A joined reading follows the order the pieces come in,
which is the order drawn only where the renderer keeps it: ``pdftotext`` of an office
suite's PDF prints the one-line 法人或其他组织 above the vertically centred 总计 and 自然人
(``法人或其他组织 ⏎ 总计 自然人 ⏎ 商业企业 …``), a first row read as 法人、总计、自然人 whose
columns are 总计、自然人、法人. So 自然人 must stand right before the five, as the format has
it (only 总计 moves, which the sums check, below); and the five in another order than the
format's are read only where one line prints all five so, left to right (the joined reading
alone does not tell drawn order from a renderer's).

The order travels as the text the finding prints (and, for a text file, in
``Document.meta`` under :data:`.colorder.PRINTED_ORDER`, set by the text reader): the first
row as printed with the five in brackets after 法人或其他组织
(``总计、自然人、法人或其他组织(商业企业、科研机构、社会公益组织、法律服务机构、其他)``).
Only a reading of that form names the columns (:func:`column_order`); a reading of part of
the header (``总计、自然人``) names none, and table 三 is left null as before.

The values a row prints are then the printed columns' in turn: the aligner put the row's
first value in the template's first column, so each row's values are moved to the columns
the header names (:func:`read_in_printed_order`). A row read only in part (a blank, a value
lost) has no certain places and is left null. The identities confirm the order where the
values allow: every row read whole must have its 总计 equal the sum of its six parts after
the move; a row that does not (a misread header, or a table drawn in another order than its
columns) leaves the whole table's applicant cells null, as before. And the values must rule
out the template's order: some row read whole must fail to sum as read by position, unless
both readings give the same values. Both readings sum where every applicant is a natural
person (``5 0 0 0 0 0 5`` read 总计 first: 总计 5, 其他 5, 自然人 0), so the sums alone do
not place 总计; a header misread there leaves table 三 null. The organisations' order among
themselves rests on the header alone (one line printing all five, left to right): no sum
tells them apart."""

from __future__ import annotations

import re
from typing import Any

from ..template.formats import APPLICANT_COLUMNS

GROUP = "法人或其他组织"  # the first row's header over the five organisations
_LABELS = tuple(m.label for m in APPLICANT_COLUMNS)
_KEY_OF = {m.label: m.key for m in APPLICANT_COLUMNS}
_ORGS = _LABELS[1:-1]
_FIRST_ROW = (_LABELS[0], GROUP, _LABELS[-1])
SEPARATOR = "、"
_STRUCTURED = re.compile(rf"(?P<before>.*?){GROUP}\((?P<orgs>[^()]*)\)(?P<after>.*)")


def structured(drawn: list[str], on_lines: list[list[str]], cells_a_line: bool = False,
               first_on_a_line: list[str] | None = None) -> str | None:
    """The header's order as the finding prints it, the five in brackets after
    法人或其他组织, from the joined reading ``drawn`` (the eight labels, the first row's three
    before the five); None where there is no such reading, or a line read on its own
    (``on_lines``) prints two labels of one header row in another order than it. The five in
    another order than the format's are read where one line prints them so, or where the
    header prints a cell a line, each label whole (``cells_a_line``: the cells' drawn order).
    自然人 elsewhere than right before the five is read where one line prints the first row's
    three labels whole in the joined reading's order (``first_on_a_line``: ``法人或其他组织
    自然人 总计``, a row of a TAB or pipe text, a text browser's grid): the cells' places."""
    if len(drawn) != len(_FIRST_ROW) + len(_ORGS):
        return None
    first, orgs = list(drawn[:len(_FIRST_ROW)]), list(drawn[len(_FIRST_ROW):])
    if sorted(first) != sorted(_FIRST_ROW) or sorted(orgs) != sorted(_ORGS):
        return None
    if first.index(GROUP) != first.index(_LABELS[0]) + 1 and first != first_on_a_line:
        return None  # 自然人 not right before the five, no line printing the three so: a place no sum confirms
    if orgs != list(_ORGS) and not cells_a_line and not any(
            [label for label in found if label in _ORGS] == orgs for found in on_lines):
        return None  # the five in another order, and no line (nor a cell a line) prints them so
    columns = _expanded(first, orgs)
    for found in on_lines:
        seen = [label for label in found if label in columns]
        for row in ((_LABELS[0], _LABELS[-1]), _ORGS):
            in_row = [label for label in seen if label in row]
            if len(set(in_row)) != len(in_row) or in_row != sorted(in_row, key=columns.index):
                return None  # a line read on its own says otherwise (or prints a label twice)
    head = [f"{GROUP}({SEPARATOR.join(orgs)})" if label == GROUP else label for label in first]
    return SEPARATOR.join(head)


def _expanded(first: list[str], orgs: list[str]) -> list[str]:
    at = first.index(GROUP)
    return first[:at] + orgs + first[at + 1:]


def column_order(printed: str) -> tuple[str, ...] | None:
    """The seven applicant labels in the order of the columns, where ``printed`` is a
    reading :func:`structured` made; None for any other reading (part of the header)."""
    m = _STRUCTURED.fullmatch(printed)
    if m is None:
        return None
    first = [p for p in (*m["before"].split(SEPARATOR), GROUP, *m["after"].split(SEPARATOR)) if p]
    orgs = m["orgs"].split(SEPARATOR)
    if sorted(first) != sorted(_FIRST_ROW) or sorted(orgs) != sorted(_ORGS):
        return None
    return tuple(_expanded(first, orgs))


def read_in_printed_order(table3: dict[str, dict], provenance: dict[str, Any], printed: str) -> bool:
    """Move each row's applicant values (placed by position, in the template's order) to
    the columns the header ``printed`` names; a row read in part left null. False, and
    nothing changed, where ``printed`` names no order, no row is read whole, or a row read
    whole does not sum to its 总计 once moved."""
    order = column_order(printed)
    if order is None:
        return False
    keys = [m.key for m in APPLICANT_COLUMNS]
    taken = [_KEY_OF[label] for label in order]  # the column the value in place i stands in
    moved: dict[str, dict[str, Any]] = {}
    for row_key, cells in table3.items():
        values = [cells.get(k) for k in keys]
        if not any(k in cells for k in keys):
            continue
        if any(v is None for v in values):
            moved[row_key] = dict.fromkeys(keys)
            continue
        row = dict(zip(taken, values))
        if not _sums(row):
            return False
        moved[row_key] = row
    if not any(v is not None for row in moved.values() for v in row.values()):
        return False
    moves_total = order[-1] != _LABELS[-1]  # 总计 not last: the sums must refute the position reading
    if moves_total and not _position_refuted(table3, moved, keys):
        return False  # both readings sum and differ: the values cannot tell which is right
    for row_key, row in moved.items():
        whole = all(v is not None for v in row.values())
        places = {k: provenance.pop(f"table3.{row_key}.{k}", None) for k in keys}
        for place, key in zip(keys, taken):
            table3[row_key][key] = row[key]
            if whole and places[place] is not None:
                provenance[f"table3.{row_key}.{key}"] = places[place]
    return True


def _position_refuted(table3: dict[str, dict], moved: dict[str, dict[str, Any]], keys: list[str]) -> bool:
    """Whether the values rule out the template's order: the moved reading is the same
    values (nothing to choose), or some row read whole does not sum as read by position.
    A table whose every row sums in both readings cannot tell them apart: a row of natural
    persons only (``5 0 0 0 0 0 5``) read as 总计 first sums too (总计 5, 其他 5, 自然人 0)."""
    whole = [row_key for row_key, row in moved.items() if all(v is not None for v in row.values())]
    if all(moved[r] == {k: table3[r].get(k) for k in keys} for r in whole):
        return True
    return any(not _sums({k: table3[r].get(k) for k in keys}) for r in whole)


def _sums(row: dict[str, Any]) -> bool:
    """总计 is the sum of the six parts (whole numbers only: a row with another value is
    no confirmation)."""
    values = list(row.values())
    if not all(isinstance(v, int) and not isinstance(v, bool) for v in values):
        return False
    parts = [row[m.key] for m in APPLICANT_COLUMNS[:-1]]
    return sum(parts) == row[APPLICANT_COLUMNS[-1].key]


__all__ = ["GROUP", "column_order", "read_in_printed_order", "structured"]
