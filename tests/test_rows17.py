"""Turned tables 三 and merged zero rows in text renderings (round 2, seventeenth session, rows17).

``ogi.extract.rows_turned`` rebuilds a table 三 printed turned over whose merged cells a text
rendering flattened (a Markdown pipe table, a CSV grid holding the other tables too, lines of
plain text); ``ogi.extract.rows_zeros`` reads a row printed as one ``0`` as zeros only where the
identities fix every cell of it at 0. The fixtures are wild4 reports (fresh10, seed 9200) as
Markdown, pandas' CSV and lynx's dump; their expected table 三 beside them."""

from __future__ import annotations

import json
from fractions import Fraction
from pathlib import Path

import pytest

from ogi import parse
from ogi.document import Cell, Paragraph, Table
from ogi.extract.rows_turned import flat_turned_lines, flat_turned_rebuilt
from ogi.extract.rows_zeros import _fix
from ogi.template import FORMATS

FIX = Path(__file__).resolve().parent / "fixtures" / "rows17"
EXPECTED = json.loads((FIX / "expected_table3.json").read_text(encoding="utf-8"))
TURNED = "表三行列互换印出(申请人各类为行、办理情况为列),已转回规定格式读入"


def _table3(report) -> dict:
    return {row: dict(cols) for row, cols in report.table3.items()}


@pytest.mark.parametrize("name, expected", [
    ("markdown_turned_2021.md", "turned_2021"),  # a pipe table: rowspans lost, rows shifted left
    ("pandas_csv_turned_2019.csv", "turned_2019"),  # one grid with tables 二 and 四 above and below
    ("lynx_turned_2019.txt", "turned_2019"),  # lines of text, the header's lines wrapped
    ("markdown_turned_split.md", "turned_split"),  # header and data cut apart by a page's marks
])
def test_a_turned_table_3_in_text_reads_every_cell(name, expected):
    report = parse(FIX / name)
    assert _table3(report) == EXPECTED[expected]
    assert [f.message for f in report.findings if f.code == "TEMPLATE_DEVIATION"] == [TURNED]
    assert report.provenance["table3.granted.natural_person"]["text"] == str(EXPECTED[expected]["granted"]["natural_person"])


def _markdown_grid(text: str) -> Table:
    lines = [line.strip() for line in text.splitlines() if "|" in line and not line.startswith("---")]
    return Table([Cell(cell.strip(), r, c) for r, line in enumerate(lines) for c, cell in enumerate(line.split("|"))
                  if cell.strip()])


def _turned_section() -> str:
    text = (FIX / "markdown_turned_2021.md").read_text(encoding="utf-8")
    return text[text.index("## 三、"):text.index("## 四、")]


def test_the_rebuilt_table_prints_the_format_orientation():
    rebuilt = flat_turned_rebuilt(_markdown_grid(_turned_section()))
    spec = FORMATS["2021"].table3
    assert rebuilt is not None
    header = [c.text for c in rebuilt.cells if c.row == 0]
    assert header == ["自然人", "商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他", "总计"]
    labels = {c.row: c.text for c in rebuilt.cells if c.col in (0, 1, 2) and c.row > 0 and c.rowspan == 1}
    assert len(labels) == len(spec.rows) and labels[1].startswith("一、本年新收")
    assert labels[len(spec.rows)] == "四、结转下年度继续办理"
    assert [c.text for c in rebuilt.cells if c.row == 1 and c.col >= 3] == ["2", "0", "0", "0", "1", "0", "3"]


def test_a_header_out_of_the_template_order_is_left_as_printed():
    """Two numbered rows of (三) swapped in the header: their columns may be swapped too, and
    no identity would tell (both are parts of the same sums) — the table is not rebuilt."""
    text = _turned_section().replace("1.属于国家秘密", "@@").replace("2.其他法律行政法规禁止公开", "1.属于国家秘密")
    grid = _markdown_grid(text.replace("@@", "2.其他法律行政法规禁止公开"))
    assert flat_turned_rebuilt(grid) is None


def test_a_row_label_missing_or_a_data_row_short_is_left_as_printed():
    section = _turned_section()
    assert flat_turned_rebuilt(_markdown_grid(section.replace("8.属于行政查询事项", "八"))) is None
    short = section.replace("科研机构 | 0 | 0 |", "科研机构 | 0 |", 1)
    assert flat_turned_rebuilt(_markdown_grid(short)) is None
    blank = section.replace("科研机构 | 0 | 0 |", "科研机构 | 0 | — |", 1)
    assert flat_turned_rebuilt(_markdown_grid(blank)) is None


def test_an_upright_table_3_in_lines_is_not_taken_for_a_turned_one():
    text = (FIX / "lynx_merged_zeros.txt").read_text(encoding="utf-8")
    blocks = [Paragraph(line.strip()) for line in text.splitlines() if line.strip()]
    same, count = flat_turned_lines(blocks)
    assert count == 0 and same == blocks


MERGED = ("表三 18 行只印一个“0”((二)、(三)1、(三)2、(三)3、(三)5、(三)6、(三)7、(三)8、(四)1、(四)2、(四)3、"
          "(五)1、(五)2、(五)3、(五)4、(五)5、(六)1、(六)2):表中其他数值已满足各项勾稽关系,这些行各格只能为0,按0读入")


@pytest.mark.parametrize("name", ["markdown_merged_zeros.md", "lynx_merged_zeros.txt"])
def test_rows_printed_as_one_0_read_as_zeros_where_the_sums_leave_no_other_reading(name):
    """(七) and each column's 一 already balance without the outcome rows printed as one 0:
    each of their cells is 0. 二 and 四 are both one 0: the sums say 二 = 四 in each column,
    not what they are — they stay null with their findings."""
    report = parse(FIX / name)
    expected = EXPECTED["merged_zeros"]
    got = _table3(report)
    for row, cols in got.items():
        if row in ("carried_over", "carried_forward"):
            assert all(v is None for c, v in cols.items() if c != "natural_person"), row
            continue
        assert cols == expected[row], row
    assert [f.message for f in report.findings if f.code == "TEMPLATE_DEVIATION"] == [MERGED]
    blank = [f for f in report.findings if f.code in ("CELL_BLANK", "CELL_AMBIGUOUS") and f.where.startswith("table3")]
    assert blank and all(f.where in ("table3", "table3.carried_over", "table3.carried_forward") for f in blank)
    assert report.provenance["table3.denied.state_secret.research"]["merged"] is True


def test_a_row_printed_as_one_0_stays_null_when_the_sums_do_not_hold_without_it():
    """A column whose (七) exceeds its other outcome rows: the row's cell there is not 0."""
    text = (FIX / "markdown_merged_zeros.md").read_text(encoding="utf-8")
    text = text.replace("(七)总计 | 4 | 0 | 0 | 0 | 0 | 0 | 4", "(七)总计 | 4 | 1 | 0 | 0 | 0 | 0 | 5")
    text = text.replace("一、本年新收政府信息公开申请数量 | 4 | 0 | 0 | 0 | 0 | 0 | 4",
                        "一、本年新收政府信息公开申请数量 | 4 | 1 | 0 | 0 | 0 | 0 | 5")
    path = Path(FIX.parent.parent / "_rows17_tmp.md")
    try:
        path.write_text(text, encoding="utf-8")
        report = parse(path)
    finally:
        path.unlink()
    assert report.table3["denied.state_secret"]["commercial"] is None
    assert not [f for f in report.findings if f.code == "TEMPLATE_DEVIATION"]


def test_one_sum_fixes_its_terms_only_when_certain():
    known = {("a", "x"): Fraction(3), ("b", "x"): Fraction(3)}
    assert _fix([("a", "x")], [("b", "x"), ("c", "x"), ("d", "x")], known) == {
        ("c", "x"): 0, ("d", "x"): 0}  # the known part already makes the total: the rest are 0
    assert _fix([("a", "x")], [("b", "x"), ("c", "x")], {**known, ("b", "x"): Fraction(1)}) == {("c", "x"): 2}
    assert _fix([("a", "x"), ("e", "x")], [("b", "x"), ("c", "x")], known) == {}  # one open term a side
    assert _fix([("a", "x")], [("b", "x"), ("c", "x")], {**known, ("b", "x"): Fraction(4)}) is None  # broken
    assert _fix([("a", "x")], [("b", "x")], {**known, ("b", "x"): Fraction(2)}) is None
