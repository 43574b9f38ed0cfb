"""Table 三's column stacks read against the rows the report prints: a 小计 row among them
(``extract/colstacks.py``)."""

from __future__ import annotations

from pathlib import Path

from ogi.document import Position
from ogi.extract.layout import Event
from ogi.template.formats import FORMATS
from ogi.template.labels import segment

SPEC = FORMATS["2021"].table3  # 25 rows of 7 cells
FIXTURE = Path(__file__).parent / "fixtures" / "boxes" / "one_run_2021.txt"  # table 三 as one run of 7 × 25 values
COLUMNS = ("natural_person", "commercial", "research", "social_welfare", "legal_service", "other_org", "total")
ZEROS = dict.fromkeys(COLUMNS, 0)
TOTAL_ROW = 23  # (七)总计's index among the 25 rows: the 小计 row is printed under it


def _with_subtotal_row(label_at: str = "四、结转下年度继续办理", value_row: int = TOTAL_ROW) -> str:
    """one_run_2021.txt as a report adding a 小计 row under (七)总计 prints it: the label ``小计``
    in the label block right before ``label_at``, and in each column's stack one value more —
    the block's sum, (七)总计's value (6 自然人 and 总计, 0 the others) — after row
    ``value_row``'s value: 182 values."""
    lines = FIXTURE.read_text(encoding="utf-8").split("\n")
    at = lines.index(label_at)
    lines[at:at] = ["⼩计", ""]
    start = lines.index("四、结转下年度继续办理")
    values = [i for i in range(start, len(lines)) if lines[i].isdigit()][:175]
    subtotal = [6, 0, 0, 0, 0, 0, 6]
    for col in reversed(range(7)):
        after = values[col * 25 + value_row]
        lines[after + 1:after + 1] = ["", str(subtotal[col])]
    return "\n".join(lines)


def _parse(text: str):
    from ogi import parse

    return parse(text.encode("utf-8"), name="one_run_2021.txt")


def test_a_subtotal_row_among_the_row_labels_is_read_past_and_the_stacks_read():
    report = _parse(_with_subtotal_row())
    assert report.table3["new_received"] == {**ZEROS, "natural_person": 6, "total": 6}
    assert report.table3["carried_over"] == ZEROS
    assert report.table3["granted"] == {**ZEROS, "natural_person": 1, "total": 1}
    assert report.table3["total"] == {**ZEROS, "natural_person": 6, "total": 6}
    assert report.table3["carried_forward"] == ZEROS
    assert report.provenance["table3.carried_forward.total"]["by"] == "boxes"
    assert sum(v is not None for cols in report.table3.values() for v in cols.values()) == 26 * 7
    deviations = [(f.code, f.where, f.message) for f in report.findings if f.code == "TEMPLATE_DEVIATION"]
    assert deviations == [("TEMPLATE_DEVIATION", "table3", "表三多出“小计”行(不在规定格式中),其数值已略去")]
    assert not [f for f in report.findings if f.where and f.where.startswith("table3") and f.code != "TEMPLATE_DEVIATION"]


def test_without_its_label_the_extra_values_read_nothing():
    text = _with_subtotal_row().replace("⼩计\n", "", 1)
    report = _parse(text)
    assert all(v is None for row, cols in report.table3.items() if row != "carried_forward" for v in cols.values())


def test_a_subtotal_printed_before_the_row_labels_is_a_column_header_not_a_row():
    report = _parse(_with_subtotal_row(label_at="⼀、本年新收政府信息公开申请数量"))
    assert all(v is None for row, cols in report.table3.items() if row != "carried_forward" for v in cols.values())


def test_values_the_identities_refute_are_not_read():
    # the label says the row is under (七)总计, the stacks hold the extra value under 一: read
    # against the printed rows, every column's balance (一+二 = (七)+四) fails — nothing is kept
    report = _parse(_with_subtotal_row(value_row=0))
    assert all(v is None for cols in report.table3.values() for v in cols.values())
    assert not any(f.code == "TEMPLATE_DEVIATION" and "小计" in f.message for f in report.findings)


def _phrase(text: str) -> Event:
    return Event("phrase", Position(), segment=segment(text)[0], unit=1)


def test_the_subtotal_row_is_placed_only_between_two_consecutive_row_labels():
    from ogi.extract.colstacks import subtotal_row

    total, subtotal, forward = _phrase("(七)总计"), _phrase("小计"), _phrase("四、结转下年度继续办理")
    assert subtotal_row(SPEC, "2021", [total, subtotal, forward]) == TOTAL_ROW
    assert subtotal_row(SPEC, "2021", [subtotal, total, forward]) is None  # before the rows: a column's header
    assert subtotal_row(SPEC, "2021", [total, forward, subtotal]) is None  # after the last row's label
    assert subtotal_row(SPEC, "2021", [total, subtotal, subtotal, forward]) is None  # two: which is the row?
    assert subtotal_row(SPEC, "2021", [_phrase("3.其他"), subtotal, forward]) is None  # (七)总计's label unread


def _with_subtotal_printed_across(values: tuple[int, ...] = (6, 0, 0, 0, 0, 0, 6)) -> str:
    """one_run_2021.txt with the 小计 row printed across right after its label, between
    (七)总计's label and 四's, one value a line (as pdfminer prints a row box), the stacks as
    they were: 175 values in them and the row's 7 after its label."""
    lines = FIXTURE.read_text(encoding="utf-8").split("\n")
    at = lines.index("四、结转下年度继续办理")
    row = ["⼩计", ""] + [line for v in values for line in (str(v), "")]
    lines[at:at] = row
    return "\n".join(lines)


def test_a_subtotal_row_printed_across_after_its_label_is_set_aside_and_the_stacks_read():
    report = _parse(_with_subtotal_printed_across())
    assert report.table3["new_received"] == {**ZEROS, "natural_person": 6, "total": 6}
    assert report.table3["total"] == {**ZEROS, "natural_person": 6, "total": 6}
    assert sum(v is not None for cols in report.table3.values() for v in cols.values()) == 26 * 7
    deviations = [(f.code, f.where, f.message) for f in report.findings if f.code == "TEMPLATE_DEVIATION"]
    assert deviations == [("TEMPLATE_DEVIATION", "table3", "表三多出“小计”行(不在规定格式中),其数值已略去")]


def test_values_after_the_subtotal_label_that_are_no_row_are_not_set_aside():
    # six values after the label are no row of seven: read against the printed rows instead,
    # 181 values for 182 cells — nothing is read
    report = _parse(_with_subtotal_printed_across((6, 0, 0, 0, 0, 6)))
    assert all(v is None for row, cols in report.table3.items() if row != "carried_forward" for v in cols.values())
