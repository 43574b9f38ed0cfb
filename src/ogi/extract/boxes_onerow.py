"""A group printed as one row among pdfminer's text boxes: (六)其他处理 of a 2021 table 三.

The 2021 form splits table 三's (六)其他处理 into three sub-rows (``1.申请人无正当理由逾期不补正…``,
``2.申请人逾期未按收费通知…``, ``3.其他``); some agencies print it as one row, as the 2019 form
did (the aligner keeps such a row as ``other``, its three sub-rows null, with a
``TEMPLATE_DEVIATION``: ``align._place_other_as_one_row``). Printed as pdfminer's text boxes,
such a table holds one row's values for three rows' cells — 14 values fewer than the 2021
table has cells — and the boxes reader, counting against the 2021 rows, read nothing.

Where the text shows the group so — the group's label printed, none of its sub-rows'
labels, and exactly as many values as the table has cells with the group as one row — the
boxes are read (``boxes.read_boxes``, every rule and search as for any table) against the
rows of that table: the template's rows with the group's sub-rows replaced by one row of the
group (the template's ``derived`` rows: ``other`` = its three sub-rows), under the same
identities with the one row in place of its sub-rows. The one row is kept as the group's
(``other``), its sub-rows null, with the aligner's finding."""

from __future__ import annotations

from dataclasses import replace

from ..model import Finding
from ..template.arithmetic import Identity
from ..template.formats import PrintedRow, TableSpec
from .layout import Event, phrase_in

__all__ = ["deviation", "group_as_one_row", "one_row_spec"]


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
