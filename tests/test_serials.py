"""A 序号 column numbering table 二's rows is no column of the format: its serials are taken
out of the grid before it is read (extract/serials.py). Read as they stood, each was a number
no cell could take: a ROW_AMBIGUOUS warning on every row of a table read right."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from ogi import parse
from ogi.document import Cell, Document, Paragraph, Table
from ogi.extract.serials import serial_columns_dropped

PAGE = Path(__file__).parent / "fixtures" / "html" / "2021_nonzero_cms.html"
ITEMS = ("规章", "行政规范性文件", "行政许可", "行政处罚", "行政强制", "行政事业性收费")
TD = '<td align="center" valign="middle">'


def _numbered(serials: tuple[int, ...]) -> bytes:
    """The fixture's table 二 with a 序号 column: a header over it in each block, ``serials``
    before the six items."""
    html = PAGE.read_text(encoding="utf-8")
    html = html.replace(f'<td colspan="4" align="center" valign="middle">第二十条',
                        f'<td colspan="5" align="center" valign="middle">第二十条')
    html = html.replace(f"{TD}信息内容</td>", f"{TD}序号</td>\n    {TD}信息内容</td>")
    for item, n in zip(ITEMS, serials):
        html = re.sub(rf"({re.escape(TD)}{item}</td>)", rf"{TD}{n}</td>\n    \1", html, count=1)
    return html.encode("utf-8")


def _ambiguous(report) -> list[str]:
    return [f.message for f in report.findings if f.code == "ROW_AMBIGUOUS"]


@pytest.mark.parametrize("serials", [(1, 2, 3, 4, 5, 6), (1, 2, 1, 1, 2, 1)])
def test_a_serial_column_is_no_cell(serials: tuple[int, ...]) -> None:
    want = parse(PAGE.read_bytes(), name="r.html")
    got = parse(_numbered(serials), name="r.html")
    assert got.table2 == want.table2
    assert got.table2["licensing"]["decisions"] == 1256
    assert _ambiguous(got) == []


def test_a_numbering_with_a_gap_is_left_as_printed() -> None:
    got = parse(_numbered((1, 2, 4, 5, 6, 7)), name="r.html")
    assert _ambiguous(got)  # the numbers stay in the grid: each is reported, none is placed
    assert got.table2["licensing"]["decisions"] == 1256


def _grid(rows: list[list[str]]) -> Table:
    return Table(cells=[Cell(text, r, c) for r, row in enumerate(rows) for c, text in enumerate(row)])


def test_the_numbering_goes_on_across_grids() -> None:
    first = _grid([["序号", "信息内容", "本年制发件数"], ["1", "规章", "2"], ["2", "行政规范性文件", "12"]])
    second = _grid([["序号", "信息内容", "本年处理决定数量"], ["3", "行政许可", "1256"]])
    doc = serial_columns_dropped(Document(blocks=[first, Paragraph("…"), second], format="html"))
    texts = [[c.text for c in b.cells] for b in doc.blocks if isinstance(b, Table)]
    assert texts == [["序号", "信息内容", "本年制发件数", "规章", "2", "行政规范性文件", "12"],
                     ["序号", "信息内容", "本年处理决定数量", "行政许可", "1256"]]


@pytest.mark.parametrize("rows", [
    [["序号", "信息内容", "本年制发件数"], ["1", "规章", "2"]],  # one number alone: no numbering shown
    [["序号", "信息内容", "本年制发件数"], ["1", "规章", "2"], ["2", "3", "12"]],  # no label beside a number
    [["序号", "信息内容", "本年制发件数"], ["1", "规章", "2"], ["2", "行政规范性文件", "12"], ["5件", "x", "0"]],
])
def test_anything_else_under_the_header_is_left(rows: list[list[str]]) -> None:
    doc = Document(blocks=[_grid(rows)], format="html")
    assert serial_columns_dropped(doc) is doc
