"""The codebook: generated from the template, complete, and the committed doc is its output."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

from typer.testing import CliRunner

from ogi.cli import app
from ogi.codebook import entries, render
from ogi.template import FORMATS

runner = CliRunner()
DOC = Path(__file__).resolve().parents[1] / "docs" / "codebook.md"


def by_key():
    return {e.key: e for e in entries()}


def test_every_cell_of_both_formats_is_in_the_codebook_once():
    keys = [e.key for e in entries()]
    assert len(keys) == len(set(keys))
    cells = {f"{t.key}.{row}.{col}" for fmt in FORMATS.values() for t in fmt.tables
             for row, cols in t.output_rows().items() for col in cols}
    assert set(keys) == cells
    assert len(keys) == 226


def test_entries_carry_labels_formats_units_and_identities():
    e = by_key()
    denied = e["table3.denied.process_information.natural_person"]
    assert denied.label_zh == ("三、收到和处理政府信息公开申请情况 › 三、本年度办理结果 › (三)不予公开 › "
                               "6.属于四类过程性信息 › 申请人情况 › 自然人")
    assert denied.label_en == "not disclosed: process information — natural persons"
    assert (denied.formats, denied.unit, denied.identities) == ("2019,2021", "件 (count)",
                                                                "T3_ROW_TOTAL,T3_OUTCOME_TOTAL")
    carried = e["table3.carried_over.total"]
    assert carried.identities == "T3_BALANCE,T3_ROW_TOTAL,CROSS_YEAR_CARRY"
    other = e["table3.other.total"]
    assert (other.formats, other.derived_in) == ("2019,2021", "2021")
    assert other.identities == "T3_ROW_TOTAL,T3_OUTCOME_TOTAL,DERIVED"
    assert e["table3.other.no_fee.total"].formats == "2021"
    fees = e["table2.fees.amount"]
    assert (fees.formats, fees.unit, fees.label_zh) == (
        "2021", "万元 (10,000 yuan)", "二、主动公开政府信息情况 › 第二十条第(八)项 › 行政事业性收费 › 本年收费金额(单位:万元)")
    change = e["table2.licensing.items_change"]
    assert (change.formats, change.unit, change.identities) == (
        "2019", "件, signed (count, may be negative)", "T2_CHANGE_LARGE,CROSS_YEAR_ITEMS")
    assert e["table2.licensing.decisions"].formats == "2019,2021"
    review = e["table4.review.corrected"]
    assert (review.label_zh, review.label_en, review.identities) == (
        "四、政府信息公开行政复议、行政诉讼情况 › 行政复议 › 结果纠正", "administrative review — corrected", "T4_TOTAL")
    assert e["table4.litigation_after_review.other"].label_zh.endswith("行政诉讼 › 复议后起诉 › 其他结果")


def test_codebook_command_in_three_formats():
    as_json = runner.invoke(app, ["codebook", "--format", "json"])
    assert as_json.exit_code == 0
    items = json.loads(as_json.stdout)
    assert len(items) == 226 and items[0]["key"] == "table2.regulations.issued"
    as_csv = runner.invoke(app, ["codebook", "--format", "csv"])
    rows = list(csv.DictReader(io.StringIO(as_csv.stdout)))
    assert [r["key"] for r in rows] == [i["key"] for i in items]
    assert rows[0]["identities"] == "T2_STOCK,CROSS_YEAR_STOCK"


def test_the_committed_codebook_doc_is_the_generated_one():
    assert DOC.read_text(encoding="utf-8") == render("md"), "run: ogi codebook --format md -o docs/codebook.md"
