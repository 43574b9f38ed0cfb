"""Rows a table prints out of the template's place, placed by their own labels.

A page can print some of a table's rows before the others: an HTML ``<tfoot>`` holding
table 三's ``(七)总计`` and ``四、结转下年度继续办理`` rows (or table 二's last block) comes
before ``<tbody>`` in the source, and every reader that follows the source — a crawler's
text, an office suite's text or PDF, docx2txt, a Markdown converter — prints those rows
first. The aligner (:func:`ogi.extract.align._place`) walks a table's rows in the
template's order and ignores a row printed after a later one, so every row after the
moved block was lost.

Here the printed rows (the aligner's *entries*) are put back in the template's order
before they are placed, but only where the order is certain to be the labels' own:

* a group label with no values of its own (a heading, which a PDF prints at the middle of
  its tall cell, beside any of its rows) is set aside: it places nothing;
* no row is printed twice (a second table with the same labels — a 政务公开 table by
  quarter — is not a moved block);
* the printed order cuts into at most :data:`MOVED_BLOCKS` runs, each in the template's
  order, and the runs' spans of template rows do not overlap: whole blocks moved, not a
  reading order interleaving labels (a layout text printing a group label beside a later
  row of its group cuts a run whose span overlaps the next, and is left alone);
* the longest run is the body, which the aligner reads as it reads any table in order
  (values with no label and labels it only resembles placed by their place between the
  others, as before); every entry of the other runs — the moved ones — names its row by
  a template label or group label read whole, and its values follow its label and are no
  more than its cells (no value runs on into another row): numbers, not-applicable marks
  or a grid's empty cells.

The rows so placed are then confirmed (:func:`confirmed`): where the table has identities
over its rows (table 三's 勾稽关系), every identity a moved row takes part in must be
testable in every column and hold, and every row sum must hold; in a table without them
(table 二) every moved row must print exactly its cells. Unconfirmed, the table is read
as before (the rows out of place ignored, with their finding). A confirmed reading says
which rows were printed out of place (``TEMPLATE_DEVIATION``)."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from ..model import Finding
from ..template.arithmetic import table_holds
from ..template.formats import TableSpec
from .tokens import BLANK, NA, NUM

if TYPE_CHECKING:  # align imports this module
    from .align import Entry, Placed

MOVED_BLOCKS = 3  # runs in the template's order a table's printed rows may cut into (a moved head and foot)
GROUP_FIRST = 0  # a group label sorts before its first row (the row it heads)
ROW_AFTER_GROUP = 1


@dataclass
class Restored:
    """A table's entries in the template's order, and the rows printed out of place."""

    entries: list
    moved: list[str]  # keys of the rows of the runs other than the body, and of the repeated rows
    repeated: list[str] = field(default_factory=list)  # keys of the rows printed again as they were (read once)


def restore_order(spec: TableSpec, entries: list[Entry]) -> Restored | None:
    """The entries in the template's order where whole blocks of rows were printed out of
    place, or a row printed again as it was (a repeated footer), and the moved rows are
    certain by their labels (see the module's text); else None."""
    if not _rows_out_of_order(entries):
        return None
    entries = [e for e in entries if not _bare_heading(e)]
    entries, repeated = _without_repeats(spec, entries)
    keys = _sort_keys(spec, entries)
    if keys is None:
        return None
    blocks = _blocks(keys)
    if len(blocks) == 1 and repeated:
        return Restored(entries, repeated, repeated)  # in order once the repeats are read once
    if not 2 <= len(blocks) <= MOVED_BLOCKS:
        return None
    spans = sorted((keys[b[0]], keys[b[-1]], b) for b in blocks)
    if any(a[1] >= b[0] for a, b in zip(spans, spans[1:])):
        return None  # the runs interleave: a reading order, not a moved block
    body = _body(blocks)
    moved = [entries[i] for b in blocks if b is not body for i in b]
    if not all(_certain(e) and _values_own(spec, e) for e in moved):
        return None
    ordered = [entries[i] for _, _, b in spans for i in b]
    rows = _moved_rows(spec, moved)
    return Restored(ordered, sorted(set(rows) | set(repeated), key=_template_index(spec)), repeated)


def _without_repeats(spec: TableSpec, entries: list[Entry]) -> tuple[list[Entry], list[str]]:
    """The entries with a row printed again exactly as before read once, at its last place
    (a browser's print repeats a ``<tfoot>`` at the foot of every page: ``(七)总计`` and
    ``四、结转`` under table 三's first rows, and again at its end), and those rows' keys.
    Only rows certain by their labels, printing the same values, one to a printed row."""
    last: dict[int, int] = {}
    for i, e in enumerate(entries):
        if e.row is not None:
            last[e.row] = i
    dropped: set[int] = set()
    for i, e in enumerate(entries):
        j = last.get(e.row) if e.row is not None else None
        if j is not None and j != i and _same_row(spec, e, entries[j]):
            dropped.add(i)
    repeated = [spec.rows[entries[i].row].key for i in sorted(dropped)]  # type: ignore[index]
    return [e for i, e in enumerate(entries) if i not in dropped], sorted(set(repeated), key=_template_index(spec))


def _same_row(spec: TableSpec, a: Entry, b: Entry) -> bool:
    return a.by_label and b.by_label and bool(a.values) and _values_own(spec, a) and _values_own(spec, b) \
        and [t.text for t in a.values] == [t.text for t in b.values]


def _template_index(spec: TableSpec):
    index = {r.key: i for i, r in enumerate(spec.rows)}
    return lambda key: index[key]


def confirmed(spec: TableSpec, entries: list[Entry], out: Placed, moved: list[str]) -> bool:
    """Do the table's own sums confirm the rows placed out of their printed order?"""
    value = lambda r, c: out.cells.get((r, c))  # noqa: E731 - the placed cells
    if any(value(r, c) is None for key in moved for r, c, _ in spec.row(key).cells):
        return False
    involved = [i for i in spec.column_identities if set(moved) & set(i.terms)]
    if involved:
        from .align import _identities_known_and_hold  # align imports this module
        return _identities_known_and_hold(spec, value, moved) and table_holds(spec, value)
    if spec.column_identities:
        return False  # moved rows no identity of the table can test
    whole = {spec.rows[e.row].key for e in entries if e.row is not None
             and len(e.values) == spec.rows[e.row].width and all(t.kind in (NUM, NA) for t in e.values)}
    return set(moved) <= whole and table_holds(spec, value)


def moved_finding(spec: TableSpec, restored: Restored) -> Finding:
    """The finding of a confirmed reading: which rows were printed out of place or again,
    and what confirmed them."""
    by_sums = bool(spec.column_identities)
    zh_why = "合计关系成立" if by_sums else "各行数值格数与规定格式相符"
    en_why = "the table's sums hold" if by_sums else "each row prints exactly its cells"
    moved = [k for k in restored.moved if k not in restored.repeated]
    zh, en = [], []
    if moved:
        zh.append(f"{'、'.join(f'“{spec.row(k).label}”' for k in moved)}行印在其他行之前或之后(不在规定格式的位置),已按行标题归位")
        en.append(f"row(s) {', '.join(moved)} printed out of the official order; placed by their labels")
    if restored.repeated:
        zh.append(f"{'、'.join(f'“{spec.row(k).label}”' for k in restored.repeated)}行以相同数值重复印出(如每页重复的表尾),只读一次")
        en.append(f"row(s) {', '.join(restored.repeated)} printed again with the same values (a repeated footer); read once")
    return Finding.of(
        "TEMPLATE_DEVIATION", f"{spec.name.zh}的" + ";".join(zh) + f",{zh_why}",
        f"{spec.key}: " + "; ".join(en) + f", {en_why}",
        ",".join(f"{spec.key}.{k}" for k in restored.moved))


def _sort_keys(spec: TableSpec, entries: list[Entry]) -> list[tuple[int, int]] | None:
    """Each entry's place in the template (a group label just before its first row; a row
    the format does not have, or values with no label, just after what precedes them);
    None where a row or group is printed twice, or the table starts with unlabelled values."""
    keys: list[tuple[int, int]] = []
    rows: set[int] = set()
    groups: set[str] = set()
    for e in entries:
        if e.row is not None:
            if e.row in rows:
                return None
            rows.add(e.row)
            keys.append((e.row, ROW_AFTER_GROUP))
        elif e.group is not None:
            first = _first_of_group(spec, e.group)
            if first is None or e.group in groups:
                return None
            groups.add(e.group)
            keys.append((first, GROUP_FIRST))
        elif keys:
            keys.append(keys[-1])  # placed after what precedes it, as the aligner places it
        else:
            return None
    return keys


def _certain(e: Entry) -> bool:
    """Is a moved entry's row certain by its label: a template label read whole (or a group
    label, or a row the format does not have, named by its own text)? Values with no label,
    or a label only resembling a row, are placed by their place among the others: never moved."""
    if e.extra is not None:
        return True
    return e.by_label if e.row is not None else e.group is not None


def _bare_heading(e: Entry) -> bool:
    """A group's label with no values and no text of its own: a heading over its rows,
    which a page's geometry may print beside any of them (a tall cell's text at its middle).
    It places nothing, and the rows under it are placed by their own labels."""
    return e.group is not None and e.row is None and not e.values and not e.texts


def _rows_out_of_order(entries: list[Entry]) -> bool:
    rows = [e.row for e in entries if e.row is not None]
    return any(b <= a for a, b in zip(rows, rows[1:]))


def _values_own(spec: TableSpec, e: Entry) -> bool:
    """Are the values after this label its row's alone: numbers, marks or empty cells, no
    more numbers and marks than its cells?"""
    if e.extra is not None:
        return True
    row = e.row if e.row is not None else _first_of_group(spec, e.group or "")
    if row is None or any(t.kind not in (NUM, NA, BLANK) for t in e.values):
        return False
    return sum(t.kind != BLANK for t in e.values) <= spec.rows[row].width


def _body(blocks: list[list[int]]) -> list[int] | None:
    """The longest run, read as any table in order; None where two are as long (every run
    is then a moved one, held to the moved runs' certainty)."""
    longest = max(len(b) for b in blocks)
    runs = [b for b in blocks if len(b) == longest]
    return runs[0] if len(runs) == 1 else None


def _first_of_group(spec: TableSpec, group: str) -> int | None:
    return next((i for i, r in enumerate(spec.rows) if r.group == group), None)


def _blocks(keys: list[tuple[int, int]]) -> list[list[int]]:
    """The entries' indexes cut into runs in the template's order."""
    blocks: list[list[int]] = [[0]] if keys else []
    for i in range(1, len(keys)):
        if keys[i] < keys[i - 1]:
            blocks.append([i])
        else:
            blocks[-1].append(i)
    return blocks


def _moved_rows(spec: TableSpec, moved: list[Entry]) -> list[str]:
    """The rows the moved entries fill, in the template's order."""
    rows: set[int | None] = {e.row for e in moved if e.row is not None}
    rows |= {_first_of_group(spec, e.group) for e in moved if e.row is None and e.group is not None and e.values}
    return [spec.rows[k].key for k in sorted(k for k in rows if k is not None)]
