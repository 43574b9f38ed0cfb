"""An unruled table whose value column is blank in every row (LibreOffice's PDF export of a
report that leaves zeros blank): the reader's columns are only where values sit, so such a
column makes none and the values right of it were read one column to the left — wrong
numbers flagged only by a CELL_BLANK. Such a table takes its columns from the column headers
printed above it (``pdf_columns._header_columns``); where no header shows them, its lines
stay text and the aligner nulls the rows that show too few values, each with a finding."""

from __future__ import annotations

import json
from pathlib import Path

from ogi import parse
from ogi.readers.pdf_columns import _label_width, _row_widths, _widest_row

FIXTURE = Path(__file__).parent / "fixtures" / "pdf" / "office_pdf_zero_blank.pdf"  # ogi synth wild_html 00032
NULL7 = dict.fromkeys(["natural_person", "commercial", "research", "social_welfare", "legal_service", "other_org",
                       "total"])


def _cells(part: dict, prefix: str = "") -> dict[str, object]:
    out = {}
    for k, v in part.items():
        out.update(_cells(v, f"{prefix}{k}.") if isinstance(v, dict) else {prefix + k: v})
    return out


def test_no_value_of_a_blank_column_report_lands_in_another_column():
    report = parse(FIXTURE)
    want = json.loads(FIXTURE.with_suffix(".expected.json").read_text())
    got = json.loads(report.model_dump_json())
    wrong = {}
    for table in ("table2", "table3", "table4"):
        mine, theirs = _cells(want[table]), _cells(got[table]) if table in got else {}
        wrong.update({f"{table}.{k}": (v, theirs.get(k)) for k, v in mine.items()
                      if theirs.get(k) is not None and theirs.get(k) != v})
    assert wrong == {}


def test_rows_showing_too_few_columns_take_the_columns_their_header_prints():
    """The column headers printed above the table (自然人 … 总计, 科研/机构 and 社会/公益/组织
    set over lines; 结果维持 … 总计 three times over table 四) place each value in its
    column (``pdf_columns._header_columns``); only rows whose table shows no header on its
    page stay null, with their finding."""
    report = parse(FIXTURE)
    # printed: 0 under 科研机构, 社会公益组织, 法律服务机构 — read before as 自然人, 商业企业, 科研机构
    assert report.table3["new_received"] == {**NULL7, "research": 0, "social_welfare": 0, "legal_service": 0}
    assert report.table3["other.no_correction"] == {**NULL7, "research": 0, "social_welfare": 0, "other_org": 0,
                                                    "total": 0}
    assert report.table4["litigation_after_review"] == {"upheld": None, "corrected": None, "other": None,
                                                        "pending": 0, "total": 0}
    found = {f.where: (f.code, f.message) for f in report.findings}
    assert found["table3.new_received"] == (
        "CELL_BLANK", "“一、本年新收政府信息公开申请数量”行有 4 个数值单元格为空(natural_person、commercial、other_org、total)")
    assert found["table3.carried_forward"] == (
        "CELL_AMBIGUOUS", ("“四、结转下年度继续办理”行只印出 1 个数值(0),应有 7 格;"
                           "文本中空单元格的位置已丢失,无法确定各数值所在的列,未采用"))


def test_a_rows_width_comes_from_its_label_in_the_format():
    assert _label_width("一、本年新收政府信息公开申请数量") == 7
    assert _label_width("规章") == 3
    assert _label_width("行政许可") == 1
    assert _label_width("1.本机关不掌握相关政府") == 7  # a label cut at its cell's edge
    assert _label_width("5.属于行政执法案卷") == 7  # numbered otherwise than the format (7.)
    assert _label_width("洪泽区龙泉镇") == 0  # no label of the format: proves nothing
    assert _widest_row() == 15


TALL_LABEL = Path(__file__).parent / "fixtures" / "wrapped" / "office_pdf_tall_label.pdf"  # wild_html seed 6161, 00012


def test_a_tall_label_beside_a_group_label_makes_no_columns_of_its_own():
    """(六)其他处理's row 2 printed a piece a line beside the group label (``他处2.申请人逾期未按收费``
    ⏎ … ⏎ ``政机关不再处理其政府  0 0 0 0``): no line is a label the format knows, and the block's
    four value columns were read as the row's first four — 0 under 科研机构 and 社会公益组织,
    printed under 其他 and 总计. Four columns are no row's width: the lines stay text."""
    report = parse(TALL_LABEL)
    want = json.loads(TALL_LABEL.with_suffix(".expected.json").read_text())
    got = json.loads(report.model_dump_json())
    wrong = {k: (v, _cells(got["table3"]).get(k)) for k, v in _cells(want["table3"]).items()
             if _cells(got["table3"]).get(k) is not None and _cells(got["table3"]).get(k) != v}
    assert wrong == {}
    # the header's columns place the four values: under 自然人, 商业企业, 其他 and 总计
    assert report.table3["other.no_fee"] == {**NULL7, "natural_person": 0, "commercial": 0, "other_org": 0, "total": 0}


def test_a_width_no_row_has():
    assert _row_widths() == frozenset({1, 2, 3, 7, 15})
