"""Table 三 printed with rows the template does not have, among pdfminer's text boxes.

The boxes reader (``extract/boxes.py``) counts a table's values against the template's
cells; a report that prints its rows otherwise has more or fewer values, and nothing was
read. Two such deviations are shown by the text itself, and are read here against the
rows the report prints, with every rule and search of the boxes reader:

**A group printed as one row.** The 2021 form splits table 三's (六)其他处理 into three
sub-rows (``1.申请人无正当理由逾期不补正…``, ``2.申请人逾期未按收费通知…``, ``3.其他``); some
agencies print it as one row, as the 2019 form did (the aligner keeps such a row as
``other``, its three sub-rows null, with a ``TEMPLATE_DEVIATION``:
``align._place_other_as_one_row``). Where the table's text prints the group's label and
none of its sub-rows' labels, the boxes are read against the template's rows with the
sub-rows replaced by one row of the group (the template's ``derived`` rows: ``other`` = its
three sub-rows), under the same identities with the one row in place of its sub-rows
(:func:`one_row_spec`). The row is kept as the group's, its sub-rows null.

**An extra sub-row** (``其中:网上申请`` under 一; ``align.EXTRA_ROW``): a row of the same
columns, a part of the row above, no cell of the model — the aligner reads past its values
with a ``TEMPLATE_DEVIATION``. pdfminer prints the row labels as one box, top to bottom, so
the extra row's label stands between two row labels; where exactly one such label is
printed, right after row r's label and right before row r+1's, the boxes are read with a
row inserted after row r (:func:`extra_row_spec`): the same columns, held to the row's own
sum (总计 = its parts, as every row of table 三) and to no column identity. Its values are
then left out, as the aligner leaves them.

Either way, the count of values must equal the cells of the rows read, and the table's
identities must hold as for any reading; where no reading exists nothing is read.
"""

from __future__ import annotations

from dataclasses import replace

from ..model import Finding
from ..template.arithmetic import Identity
from ..template.formats import PrintedRow, TableSpec
from .align import EXTRA_ROW
from .layout import Event, phrase_in

EXTRA_KEY = "extra"  # the key of an extra sub-row inserted to read the boxes (its values are left out)

__all__ = ["EXTRA_KEY", "deviation", "extra_deviation", "extra_row", "extra_row_spec", "group_as_one_row", "one_row_spec"]


def group_as_one_row(spec: TableSpec, fmt: str, evs: list[Event]) -> str | None:
    """The derived row (a group of sub-rows, ``other``) whose label the table's text prints
    while printing none of its sub-rows' labels; None where there is none, or several."""
    groups: set[str] = set()
    rows: set[str] = set()
    for ev in evs:
        if ev.kind != "phrase":
            continue
        phrase = phrase_in(ev.seg, spec.key, fmt)
        if phrase is None:
            continue
        if phrase.kind == "group":
            groups.add(phrase.ref)
        elif phrase.kind == "row":
            rows.add(phrase.ref)
    found = [derived for derived, parts in spec.derived.items() if derived in groups and not rows & set(parts)]
    return found[0] if len(found) == 1 else None


def one_row_spec(spec: TableSpec, derived: str) -> TableSpec:
    """The table with the derived row's sub-rows replaced by one row of the group, in the
    first sub-row's place, its cells keyed by the group; identities naming the sub-rows name
    the one row instead."""
    parts = spec.derived[derived]
    first = spec.row(parts[0])
    group = spec.group(first.group or "")
    one = PrintedRow(derived, group.label, tuple((derived, c, k) for _, c, k in first.cells), sums=first.sums)
    rows: list[PrintedRow] = []
    for row in spec.rows:
        if row.key == parts[0]:
            rows.append(one)
        elif row.key not in parts:
            rows.append(row)

    def renamed(keys: tuple[str, ...]) -> tuple[str, ...]:
        out: list[str] = []
        for key in keys:
            new = derived if key in parts else key
            if new not in out:
                out.append(new)
        return tuple(out)

    identities: list[Identity] = [replace(i, left=renamed(i.left), right=renamed(i.right)) for i in spec.identities]
    return replace(spec, rows=tuple(rows), identities=tuple(identities), derived={})


def deviation(spec: TableSpec, derived: str) -> Finding:
    """The finding the aligner records for a group printed as one row (the same words)."""
    label = spec.group(spec.row(spec.derived[derived][0]).group or "").label
    return Finding.of(
        "TEMPLATE_DEVIATION", f"2021年格式中“{label}”应分为三个子行,本报告印为一行;已记入 {derived},三个子行为空",
        f"{label} printed as one row in a 2021-format report: kept as '{derived}', its three sub-rows null",
        f"{spec.key}.{derived}")


def extra_row(spec: TableSpec, fmt: str, evs: list[Event]) -> tuple[int, str] | None:
    """(r, its label) where the table's text prints exactly one extra sub-row's label
    (``其中:…``), right after row r's label and right before row r+1's among the labels
    read; None otherwise."""
    index = {row.key: r for r, row in enumerate(spec.rows)}
    marks: list[tuple[str, int | str]] = []  # ("row", index) or ("extra", label), in print order
    for ev in evs:
        if ev.kind == "gap" and ev.seg.text.startswith(EXTRA_ROW):
            marks.append(("extra", ev.seg.text))
        elif ev.kind == "phrase":
            phrase = phrase_in(ev.seg, spec.key, fmt)
            if phrase is not None and phrase.kind == "row" and phrase.ref in index:
                marks.append(("row", index[phrase.ref]))
    extras = [k for k, (kind, _) in enumerate(marks) if kind == "extra"]
    if len(extras) != 1:
        return None
    k = extras[0]
    before = next((m for kind, m in reversed(marks[:k]) if kind == "row"), None)
    after = next((m for kind, m in marks[k + 1:] if kind == "row"), None)
    if not isinstance(before, int) or after != before + 1:
        return None
    return before, str(marks[k][1])


def extra_row_spec(spec: TableSpec, after: int, label: str) -> TableSpec:
    """The table with a row of the same columns (:data:`EXTRA_KEY`) inserted after row
    ``after``: held to its own sum (the per-row identities take every row), to no other."""
    parent = spec.rows[after]
    extra = PrintedRow(EXTRA_KEY, label, tuple((EXTRA_KEY, c, k) for _, c, k in parent.cells), sums=parent.sums)
    return replace(spec, rows=spec.rows[:after + 1] + (extra,) + spec.rows[after + 1:], derived={})


def extra_deviation(spec: TableSpec, label: str) -> Finding:
    """The finding the aligner records for an extra row (``align._extra_row``: the same words)."""
    return Finding.of(
        "TEMPLATE_DEVIATION", f"{spec.name.zh}多出“{label}”行(不在规定格式中),其数值已略去",
        f"{spec.key} has an extra row '{label}' (not in the official format); its values left out",
        spec.key)
