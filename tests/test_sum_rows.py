"""A 小计 row some reports add under table 三's 办理结果 block is a row of sums, not the
unofficial 小计 column (which only the header prints): the row widens nothing, and every
official cell reads as printed (a wild4 page, ``ogi synth --formats wild4_html``)."""

from __future__ import annotations

import json
from pathlib import Path

from ogi import parse

HERE = Path(__file__).parent / "fixtures" / "wild4"


def _flat(table: dict) -> dict:
    return {f"{r}.{c}": v for r, cells in table.items() for c, v in cells.items()}


def test_a_subtotal_row_under_table_3_reads_every_official_cell():
    report = parse(HERE / "sum_rows.html")
    want = json.loads((HERE / "sum_rows.json").read_text(encoding="utf-8"))
    assert _flat(report.table3) == _flat(want["table3"])
    assert _flat(report.table2) == _flat(want["table2"])
    assert not [f for f in report.findings if "小计" in f.message and "列" in f.message]
