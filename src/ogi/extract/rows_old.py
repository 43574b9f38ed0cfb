"""Rows of the 2019 format printed in a 2021-format report.

An agency that fills the 2021 form from last year's file keeps some of the 2019 rows:
table 二's ``其他对外管理服务事项`` row under 行政许可, and its ``第二十条第（九）项``
block of ``政府集中采购`` (projects, amount). The 2021 format has neither row. Read by the
2021 template alone, such a label is no label of the table, and its values ran on into
the row above (行政许可 ``0 15``: two values for one cell, nulled) or stood unlabelled
between two labels (``6 321.3``, refused with the whole table in a text with no sums to
check it). :func:`other_format_row` recognises such a label by the template itself — a
row label of the same table in another format, naming a row this format does not have —
and the aligner reads it as a row the format does not have: its values are left out
with a finding, never summed into another row.

Table 三's ``(六)其他处理`` printed as ONE row is not changed here: ``schema.md`` keeps the
row as ``other`` and its three sub-rows null (the aligner's ``_place_other_as_one_row``),
even where the row is 0 — the shared corpora's expected values hold them null.
"""

from __future__ import annotations

from ..template.formats import TableSpec
from ..template.labels import Segment


def other_format_row(spec: TableSpec, fmt: str, seg: Segment | None) -> bool:
    """Is this text a row label of ``spec``'s table in another format only, naming a row
    the report's format does not have (2019's 其他对外管理服务事项 in a 2021 table 二)?"""
    if seg is None or not seg.phrases:
        return False
    keys = {r.key for r in spec.rows}
    rows = [p for p in seg.phrases if p.table == spec.key and p.kind == "row"]
    return bool(rows) and all(fmt not in p.formats and p.ref not in keys for p in rows)


__all__ = ["other_format_row"]
