"""Table 三 printed turned over its diagonal (applicants as rows) is turned back and read
(``ogi.extract.turned``); a table that is not turned is left alone."""

from __future__ import annotations

from pathlib import Path

from ogi.api import read_document
from ogi.checks import check_report
from ogi.document import Table
from ogi.extract import extract
from ogi.extract.turned import _is_turned, _turn, tables_turned_back

SAMPLE = Path(__file__).resolve().parents[1] / "samples" / "html_html.html"


def _with_table3_turned():
    doc = read_document(SAMPLE.read_bytes(), SAMPLE.name)
    tables = [i for i, b in enumerate(doc.blocks) if isinstance(b, Table) and "自然人" in " ".join(c.text for c in b.cells)]
    assert len(tables) == 1
    turned = list(doc.blocks)
    turned[tables[0]] = _turn(doc.blocks[tables[0]])
    return doc, type(doc)(turned, doc.format, doc.meta), tables[0]


def test_a_turned_table_3_reads_as_the_same_report_printed_upright():
    doc, turned, at = _with_table3_turned()
    assert _is_turned(turned.blocks[at]) and not _is_turned(doc.blocks[at])
    upright, read = extract(doc), extract(turned)
    assert read.table3 == upright.table3 and read.table2 == upright.table2 and read.table4 == upright.table4
    assert read.table3["new_received"]["total"] is not None
    deviation = [f for f in read.findings if f.code == "TEMPLATE_DEVIATION"]
    assert [(f.where, f.message) for f in deviation] == [
        ("table3", "表三行列互换印出(申请人各类为行、办理情况为列),已转回规定格式读入")]
    assert not [f for f in check_report(read) if f.severity == "error"]


def test_turning_twice_gives_the_table_back_and_an_upright_table_is_left_alone():
    doc, turned, at = _with_table3_turned()
    assert _turn(turned.blocks[at]).cells == sorted(doc.blocks[at].cells, key=lambda c: (c.row, c.col))
    same, count = tables_turned_back(doc)
    assert same is doc and count == 0


def test_a_grid_that_also_holds_table_2_or_4_is_not_turned():
    """A CSV of a page's tables one under another is one grid: turning it would turn tables
    二 and 四 too (pandas' CSV of a page whose table 三 is turned, read 0 cells so)."""
    from dataclasses import replace as _replace

    _, turned, at = _with_table3_turned()
    table = turned.blocks[at]
    assert _is_turned(table)
    extra = _replace(table.cells[0], text="行政许可", row=table.n_rows, col=0, rowspan=1, colspan=1)
    assert not _is_turned(Table([*table.cells, extra], table.pos))
