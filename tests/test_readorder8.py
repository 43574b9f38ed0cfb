"""poppler's reading order, fourteenth session (docs/renderings.md §45): table 二 of the 2021
format read by column stacks — the fee printed after table 三's heading given back to table 二,
a lone column's header beginning the run after it, no column values after a merged cell's in
one run — and paged table 三's reworded labels anchoring their rows.

The input is cut from the lead's matrix cache (``pdftotext`` of synthetic 00002, made by the
repo's PDF and the real pdftotext); each test pins exact values, and a rule's part is shown by
switching it off."""

from __future__ import annotations

from pathlib import Path

import ogi.extract.columns as columns
from ogi import parse
from ogi.template.formats import FORMATS

# synthetic 00002 (2021 format), table 二 in poppler's reading order: the labels, then each
# column's header and its values; 本年处理决定数量 (the merged cells' headers) printed between
# 本年废止件数 and its two values, 许可/处罚/强制's values after 现行有效件数's two, and the fee
# (4.4) after table 三's heading — a page break fell inside table 二
SYNTH_00002 = (
    "靖江市司法局2022年政府信息公开工作年度报告|二、主动公开政府信息情况|第二十条第(一)项|信息内容|规章|"
    "行政规范性文件|第二十条第(五)项|信息内容|行政许可|第二十条第(六)项|信息内容|行政处罚|行政强制|第二十条第(八)项|"
    "本年制发件数|6|0|本年废止件数|本年处理决定数量|本年处理决定数量|0|0|现行有效件数|6|17|936|200|131|"
    "\x0c信息内容|行政事业性收费|本年收费金额(单位:万元)|三、收到和处理政府信息公开申请情况|4.4|申请人情况|"
)
TABLE2 = {"regulations": {"issued": 6, "repealed": 0, "in_force": 6},
          "normative_documents": {"issued": 0, "repealed": 0, "in_force": 17},
          "licensing": {"decisions": 936}, "punishment": {"decisions": 200}, "coercion": {"decisions": 131},
          "fees": {"amount": 4.4}}


def _parse(text: str):
    return parse(text.replace("|", "\n").encode(), name="page.txt")


def test_table2_of_2021_in_reading_order_is_read_whole_with_its_fee_after_table3s_heading():
    report = _parse(SYNTH_00002)
    assert report.table2 == TABLE2
    assert report.provenance["table2.fees.amount"]["by"] == "columns"
    assert not [f for f in report.findings if f.code in ("CELL_AMBIGUOUS", "ROW_AMBIGUOUS", "CELL_BLANK")]


def test_without_the_fee_the_table_is_one_value_short_and_not_read_by_columns():
    report = _parse(SYNTH_00002.replace("三、收到和处理政府信息公开申请情况|4.4|", "三、收到和处理政府信息公开申请情况|"))
    assert "columns" not in {p.get("by") for k, p in report.provenance.items() if k.startswith("table2.")}


def test_a_lone_columns_header_decides_which_column_the_run_after_it_begins(monkeypatch):
    # switched off, the values after 本年废止件数 may be 许可 and 处罚's, and those after
    # 现行有效件数 本年废止件数's: six cells have two readings and stay null
    monkeypatch.setattr(columns, "_column_first", lambda group, lone: None)
    report = _parse(SYNTH_00002)
    assert report.table2["regulations"] == {"issued": 6, "repealed": None, "in_force": None}
    assert report.table2["licensing"] == {"decisions": None}
    assert report.table2["fees"] == {"amount": 4.4}
    ambiguous = [f for f in report.findings if f.code == "CELL_AMBIGUOUS"]
    assert [f.message for f in ambiguous] == [
        "表二按列读出时,6 个单元格有多种读法(规章本年废止件数、行政规范性文件本年废止件数、规章现行有效件数、"
        "行政规范性文件现行有效件数 等),未采用"]


def test_the_lone_columns_of_2021s_table2_are_the_first_captions_three():
    spec = FORMATS["2021"].table2
    cells_of = columns._stacks_of(spec)
    lone = columns._lone_columns(spec, cells_of, columns._caption_index(spec))
    assert lone == {(0, 0): True, (0, 1): True, (0, 2): True}
    # the merged cells' headers (captions 1–3, one column) name no position
    assert columns._column_first(((0, 1), (1, 0), (2, 0)), lone) == (0, 1)
    assert columns._column_first(((1, 0), (2, 0), (3, 0), (0, 2)), lone) == (0, 2)
    assert columns._column_first(((1, 0), (2, 0)), lone) is None
    assert columns._column_first(((0, 1), (0, 2)), lone) is None  # two columns: the choice stays open


def test_in_2019_every_column_shares_its_position_with_other_captions_so_no_header_decides():
    spec = FORMATS["2019"].table2
    cells_of = columns._stacks_of(spec)
    lone = columns._lone_columns(spec, cells_of, columns._caption_index(spec))
    assert lone and not any(lone.values())
    assert columns._column_first(((0, 2),), lone) is None


HEADERS_LATE = Path(__file__).parent / "fixtures" / "readorder" / "word_pdftotext_table2_headers_late.txt"


def test_headers_printed_a_column_late_switch_the_lone_header_rule_off(monkeypatch):
    """pdftotext of a Word file's PDF (the seed 004 report's ``word_pdftotext``, lead, fourteenth
    session; values made up here): 本年制发件数 with no value after it, then 本年废止件数 with the
    made column's values (0 3), 现行有效件数 with the repealed column's (0 1), then the in-force
    column (0 9). Two several-column headers with no value between them say the headers run a
    column ahead of their values, so no header decides a run's column: the rows the stacks
    leave two readings of stay null with a finding — with the rule on, 1 was read as in force."""
    report = parse(HEADERS_LATE)
    t2 = report.as_json()["table2"]
    assert t2["normative_documents"] == {"issued": None, "repealed": None, "in_force": None}
    assert t2["regulations"] == {"issued": 0, "repealed": 0, "in_force": 0}
    assert t2["licensing"] == {"decisions": 2} and t2["fees"] == {"amount": 12.5}
    assert [f.code for f in report.findings if f.where == "table2"][0] == "CELL_AMBIGUOUS"
    monkeypatch.setattr(columns, "_headers_shifted", lambda *_: False)
    assert parse(HEADERS_LATE).as_json()["table2"]["normative_documents"]["in_force"] == 1  # the wrong reading
