"""A table with no identity, read from text whose order is shown not to be row by row.

Table 二 has no sum to confirm a reading: a value read after a row label is that row's only
because text usually prints a row's values after its label. Text extracted from a PDF by a
layout analysis (pdfminer's text boxes) or in poppler's reading order prints columns, not
rows, and a label may then be followed by another row's values — ``政府集中采购 ⏎ 5 ⏎ 657``
where 5 is 行政事业性收费's and 657 the purchase count. Nothing in the table can tell.

The text itself can show that its order is not row by row: values that belong to no row
(printed before any label, or more than the rows between two labels hold), which the
aligner reports as ``ROW_AMBIGUOUS`` for the whole table. Where a table without identities
was read from running text (no cell boundaries) and holds such values, the rows it did place
are no more trustworthy than the values it could not: :func:`distrust_unconfirmed` leaves
them null, with one finding saying why. A table read from a grid (HTML, Word, a PDF's
ruling lines) or by the column reader (``extract/columns.py``, which checks the whole
structure) is left as it is."""

from __future__ import annotations

from ..model import Finding
from ..template.formats import TableSpec
from .align import Placed
from .layout import Event


def distrust_unconfirmed(spec: TableSpec, evs: list[Event], placed: Placed) -> None:
    """Null the cells of ``placed`` where ``spec`` has no identity, its values were read
    from running text, and some of them belong to no row (see the module docstring)."""
    if spec.identities or not any(v is not None for v in placed.cells.values()):
        return
    values = [ev.tok for ev in evs if ev.kind == "value"]
    if not values or not all(t.free for t in values):
        return
    if not any(f.code == "ROW_AMBIGUOUS" and f.where == spec.key for f in placed.findings):
        return
    for cell in placed.cells:
        placed.cells[cell] = None
    placed.findings.append(Finding.of(
        "ROW_AMBIGUOUS",
        f"{spec.name.zh}的文本不是逐行排列的(有数值不属于任何一行),而{spec.name.zh}没有合计关系可以核对按行读出的数值,"
        "整表未采用",
        f"the text of {spec.key} is not printed row by row (some values belong to no row), and {spec.key} has no "
        "sum to confirm the values read by row: the table is left null",
        spec.key))


__all__ = ["distrust_unconfirmed"]
