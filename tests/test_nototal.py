"""Table 三 printed without its 总计 column (ogi.extract.nototal) and a rate row under it
(ogi.extract.rates), in text renderings: the header places a row of six values; the totals
stay null; a 办结率 row's percentages are no row of the template."""

from __future__ import annotations

import re

from expected import SEEDS
from ogi import parse
from ogi.extract.rates import rate_label

SEED = "004_3f0a03dfd5eda10b.txt"  # table 三 with pipes; its rows 一 10 …, (七) 9 …, 四 1 …
NO_TOTAL_FINDING = ("表三未印出“总计”列(表头只列出自然人和五类法人或其他组织),各行按六列读取,"
                    "25 个总计单元格取空值")


def _table3_as_text(total: bool, glued: bool = False) -> str:
    """The seed as a text rendering (cells apart by spaces, lynx's or a crawler's), table 三
    with (``total``) or without its 总计 column, each row's values apart or ``glued``."""
    out = []
    in_table3 = False
    for line in (SEEDS / SEED).read_text(encoding="utf-8").splitlines():
        in_table3 = in_table3 or "申请人情况" in line
        cells = [c.strip() for c in line.split("|") if c.strip()]
        if in_table3 and not total:
            cells = [c for c in cells if c != "总计"]
            digits = [i for i, c in enumerate(cells) if c.isdigit()]
            if len(digits) == 7:
                del cells[digits[-1]]
        if in_table3 and glued:
            text = " ".join(c for c in cells if not c.isdigit())
            line = text + " " + "".join(c for c in cells if c.isdigit())
        else:
            line = " ".join(cells)
        out.append(line)
        in_table3 = in_table3 and not line.startswith("四、结转下年度继续办理")
    return "\n".join(out)


def test_six_columns_named_by_the_header_are_read_and_the_totals_stay_null():
    report = parse(_table3_as_text(total=False).encode())
    assert report.table3["new_received"] == {"natural_person": 10, "commercial": 0, "research": 0,
                                             "social_welfare": 0, "legal_service": 0, "other_org": 0, "total": None}
    assert report.table3["total"]["natural_person"] == 9 and report.table3["total"]["total"] is None
    assert report.table3["carried_forward"]["natural_person"] == 1
    assert [f.message for f in report.findings if f.code == "TEMPLATE_DEVIATION"] == [NO_TOTAL_FINDING]
    assert not any(f.code == "CELL_AMBIGUOUS" and f.where.startswith("table3") for f in report.findings)


def test_glued_six_value_runs_split_one_way_are_read():
    """A crawler's text (the page on one line, cells glued): ``1000000`` under a six-column
    header splits one way only (no number starts with 0): 10 and five zeros."""
    text = "".join(_table3_as_text(total=False, glued=True).split())
    assert "本年新收政府信息公开申请数量1000000二、" in text
    report = parse(text.encode())
    assert report.table3["new_received"]["natural_person"] == 10
    assert report.table3["new_received"]["total"] is None


def test_a_seven_column_table_is_not_narrowed():
    report = parse(_table3_as_text(total=True).encode())
    assert report.table3["new_received"]["total"] == 10
    assert NO_TOTAL_FINDING not in [f.message for f in report.findings]


def test_rows_of_seven_values_refuse_a_header_that_lost_its_total_word():
    """A header that lost 总计 (printed down the cell) above rows of seven values: the rows
    show the seventh cell, the table is read with its total."""
    text = re.sub(r"(?m)^自然人 法人或其他组织 总计$", "自然人 法人或其他组织", _table3_as_text(total=True))
    assert "法人或其他组织 总计" not in text
    report = parse(text.encode())
    assert report.table3["new_received"]["total"] == 10
    assert NO_TOTAL_FINDING not in [f.message for f in report.findings]


def test_a_rate_row_under_table3_is_read_past():
    text = _table3_as_text(total=True).replace(
        "四、结转下年度继续办理 1 0 0 0 0 0 1",
        "四、结转下年度继续办理 1 0 0 0 0 0 1\n按时办结率 — 93.3% — 84.1% 84.1% — 66.8%")
    assert "按时办结率" in text
    report = parse(text.encode())
    assert report.table3["carried_forward"] == {"natural_person": 1, "commercial": 0, "research": 0,
                                                "social_welfare": 0, "legal_service": 0, "other_org": 0, "total": 1}
    assert [f.message for f in report.findings if f.code == "TEMPLATE_DEVIATION"] == [
        "表三多出“按时办结率”行(不在规定格式中),其数值已略去"]


def test_rate_labels():
    assert rate_label("按时办结率") and rate_label("公开率") and rate_label("办结率")
    assert not rate_label("四结转下年度继续办理") and not rate_label("本年新收政府信息公开申请数量")


VERTICAL_HEADER = ("自 法人或其他组织\n然 商业 科研 社会 法律 其\n人 企业 机构 公益 服务 他\n"
                   "组织 机构")  # a narrow header printed down its cells (w3m, pdftotext -layout)


def _vertical(text: str, total_word: str = "") -> str:
    header = "自然人 法人或其他组织\n商业 企业 科研 机构 社会公益组织 法律服务机构 其他"
    assert header in text
    pieces = VERTICAL_HEADER if not total_word else VERTICAL_HEADER.replace(" 其\n", f" 其 {total_word[0]}\n") \
        .replace(" 他\n", f" 他 {total_word[1]}\n")
    return text.replace(header, pieces)


def test_a_header_printed_down_its_cells_names_six_columns_by_its_characters():
    report = parse(_vertical(_table3_as_text(total=False)).encode())
    assert report.table3["new_received"]["natural_person"] == 10 and report.table3["new_received"]["total"] is None
    assert [f.message for f in report.findings if f.code == "TEMPLATE_DEVIATION"] == [NO_TOTAL_FINDING]


def test_a_header_down_its_cells_with_a_total_is_not_narrowed():
    """总 ⏎ 计 among the pieces: the table has a total column; rows of six values (a blank
    cell lost) stay null with their findings, as before."""
    text = _vertical(_table3_as_text(total=False), "总计")
    assert "其 总\n" in text
    report = parse(text.encode())
    assert report.table3["new_received"]["natural_person"] is None
    assert NO_TOTAL_FINDING not in [f.message for f in report.findings]


def test_a_header_cut_after_its_fifth_organisation_is_not_narrowed():
    """法人或其他组织's 其 and 他 are not 其他's: a header without 其他 (the table cut, its last
    columns printed elsewhere) names five organisations, not six."""
    text = _vertical(_table3_as_text(total=False)).replace(" 其\n", "\n").replace(" 他\n", "\n")
    assert "法律 其" not in text
    report = parse(text.encode())
    assert report.table3["new_received"]["natural_person"] is None
    assert NO_TOTAL_FINDING not in [f.message for f in report.findings]
