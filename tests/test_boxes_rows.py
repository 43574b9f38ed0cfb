"""Table 三 printed with rows the template does not have, read as pdfminer's text boxes
(``extract/boxes_rows.py``): a group printed as one row, an extra ``其中`` sub-row."""

from __future__ import annotations

from ogi.document import Position
from ogi.extract.layout import Event
from ogi.template.formats import FORMATS
from ogi.template.labels import segment

SPEC = FORMATS["2021"].table3  # 25 rows of 7 cells


def _phrase(text: str, unit: int) -> Event:
    return Event("phrase", Position(), segment=segment(text)[0], unit=unit)


# ---------------------------------------------------------------- a group printed as one row

def _other_as_one_row_text() -> str:
    """one_run_2021.txt (table 三 as one run of 7 × 25 values) as a report printing (六)其他处理
    as one row would print it: the group's label alone for its three sub-rows' labels, and in
    each column's 25 values the sub-rows' three (all 0 here) as one — 161 values."""
    from pathlib import Path

    path = Path(__file__).parent / "fixtures" / "boxes" / "one_run_2021.txt"
    lines = path.read_text(encoding="utf-8").split("\n")
    first = next(i for i, line in enumerate(lines) if line.startswith("1.申请⼈⽆正当理由逾期"))
    last = lines.index("3.其他")
    lines[first:last + 1] = ["(六)其他处理"]
    at = lines.index("(七)总计")
    values = [i for i in range(at, len(lines)) if lines[i].isdigit()][:175]
    drop = {values[col * 25 + row] for col in range(7) for row in (21, 22)}
    return "\n".join(line for i, line in enumerate(lines) if i not in drop)


def test_a_group_printed_as_one_row_is_read_as_the_groups_row():
    from ogi import parse

    report = parse(_other_as_one_row_text().encode("utf-8"), name="one_run_2021.txt")
    zeros = dict.fromkeys(("natural_person", "commercial", "research", "social_welfare", "legal_service",
                           "other_org", "total"), 0)
    assert report.table3["new_received"] == {**zeros, "natural_person": 6, "total": 6}
    assert report.table3["other"] == zeros
    assert report.table3["other.no_fee"] == dict.fromkeys(zeros)
    assert report.table3["not_processed.repeated"] == {**zeros, "natural_person": 2, "total": 2}
    assert report.provenance["table3.other.total"]["by"] == "boxes"
    table3 = [(f.code, f.where, f.message) for f in report.findings if f.where and f.where.startswith("table3")]
    assert table3 == [("TEMPLATE_DEVIATION", "table3.other",
                       "2021年格式中“(六)其他处理”应分为三个子行,本报告印为一行;已记入 other,三个子行为空"),
                      # the fee rule reads a sub-row the report does not print (as for the aligner's reading)
                      ("RULE_NOT_ASSESSABLE", "table3.other.no_fee",
                       "FEE_CONTRADICTION(有逾期未缴费的申请,正文却称未发出收费通知)无法判断,表三有空值:table3.other.no_fee.total")]


def test_the_rows_of_a_group_printed_as_one_row_are_the_templates_with_the_group_in_place():
    from ogi.extract.boxes_rows import one_row_spec

    spec = one_row_spec(SPEC, "other")
    keys = [row.key for row in spec.rows]
    assert len(keys) == 23 and keys[19:22] == ["not_processed.confirm_existing", "other", "total"]
    assert spec.identities == FORMATS["2019"].table3.identities and spec.derived == {}
    assert spec.row("other").label == "(六)其他处理"


def _extra_row_text() -> str:
    """one_run_2021.txt with an extra sub-row ``其中:网上申请`` under 一、本年新收 (3 of its 6,
    自然人): its label between 一's and 二's, and in each column's 25 values its value after
    一's — 182 values."""
    from pathlib import Path

    path = Path(__file__).parent / "fixtures" / "boxes" / "one_run_2021.txt"
    lines = path.read_text(encoding="utf-8").split("\n")
    at = lines.index("⼀、本年新收政府信息公开申请数量")
    lines[at + 1:at + 1] = ["", "其中:网上申请"]
    start = lines.index("(七)总计")
    values = [i for i in range(start, len(lines)) if lines[i].isdigit()][:175]
    part = [3, 0, 0, 0, 0, 0, 3]
    for col in reversed(range(7)):
        first = values[col * 25]
        lines[first + 1:first + 1] = ["", str(part[col])]
    return "\n".join(lines)


def test_an_extra_sub_row_is_read_past_and_the_table_read():
    from ogi import parse

    text = _extra_row_text()
    report = parse(text.encode("utf-8"), name="one_run_2021.txt")
    zeros = dict.fromkeys(("natural_person", "commercial", "research", "social_welfare", "legal_service",
                           "other_org", "total"), 0)
    assert report.table3["new_received"] == {**zeros, "natural_person": 6, "total": 6}
    assert report.table3["carried_over"] == zeros
    assert report.table3["granted"] == {**zeros, "natural_person": 1, "total": 1}
    assert report.table3["total"] == {**zeros, "natural_person": 6, "total": 6}
    assert report.provenance["table3.carried_over.total"]["by"] == "boxes"
    extra = [(f.code, f.where, f.message) for f in report.findings if f.code == "TEMPLATE_DEVIATION"]
    assert extra == [("TEMPLATE_DEVIATION", "table3", "表三多出“其中网上申请”行(不在规定格式中),其数值已略去")]  # the label's key, as the aligner says it
    # the extra row's label is what places it: without it, 182 values for 175 cells read nothing
    lines = text.split("\n")
    lines.remove("其中:网上申请")
    assert all(v is None for row, cols in parse("\n".join(lines).encode("utf-8"), name="x.txt").table3.items()
               if row != "carried_forward" for v in cols.values())


def test_an_extra_row_is_placed_only_between_two_consecutive_row_labels():
    from ogi.document import Position as P
    from ogi.extract.boxes_rows import extra_row, extra_row_spec

    def gap(text: str) -> Event:
        seg = segment(text)[0]
        return Event("gap", P(), segment=seg, unit=1)

    evs = [_phrase("一、本年新收政府信息公开申请数量", 1), gap("其中:网上申请"), _phrase("二、上年结转政府信息公开申请数量", 2)]
    assert evs[1].seg.text.startswith("其中")
    assert extra_row(SPEC, "2021", evs) == (0, evs[1].seg.text)
    assert extra_row(SPEC, "2021", [evs[0], evs[1], _phrase("(一)予以公开", 3)]) is None  # 二's label unread
    assert extra_row(SPEC, "2021", evs + [gap("其中:当场答复")]) is None  # two extra rows
    rows = extra_row_spec(SPEC, 0, "其中:网上申请")
    assert [r.key for r in rows.rows[:3]] == ["new_received", "extra", "carried_over"]
    assert rows.row("extra").sums == SPEC.rows[0].sums
