"""pdfminer's text boxes of table 三 with an unofficial subtotal column (``extract/boxes_subtotal.py``),
a year printed inside a label, a table of zeros printed a row a line, and table 二's boxes printed
after table 三's heading (``extract/boxes.py``).

The fixtures are pdfminer's ``extract_text`` of four reports of the unseen corpus wild7 (seed
9500: ``subtotal_column`` 00002 and 00035, ``year_headers`` 00001, ``header_image`` 00026),
and of wild5 (seed 9300, ``bilingual`` 00025), with their expected values beside them."""

from __future__ import annotations

import json
from pathlib import Path

from ogi import parse
from ogi.extract.boxes_subtotal import SUBTOTAL_KEY, subtotal_word, widened
from ogi.template.arithmetic import table_holds
from ogi.template.formats import FORMATS

FIXTURES = Path(__file__).parent / "fixtures" / "boxes"
SUM_WORD = FIXTURES / "subtotal_sum_word_2021.txt"  # headers 总 ⏎ 计 … 合 ⏎ 计, then one run of 8 × 25 values
SUBTOTAL = FIXTURES / "subtotal_column_2021.txt"  # headers … ⼩ ⏎ 计 (小计)
LABEL_YEARS = FIXTURES / "label_years_2021.txt"  # 二、2023年结转…, 三、2024年度办理结果, 四、结转2025年继续办理
ZERO_ROWS = FIXTURES / "zeros_row_lines_2021.txt"  # header a picture: 25 lines "0 0 0 0 0 0 0" after the labels
AHEAD = FIXTURES / "table2_after_heading_2021.txt"  # wild5 00025: 三、收到… ⏎ 0 ⏎ 17 ⏎ 356 ⏎ 459 ⏎ 0 ⏎ 0 (table 二's)


def _expected(path: Path) -> dict:
    return json.loads(path.with_suffix(".expected.json").read_text(encoding="utf-8"))


def _parse_text(text: str, name: str):
    return parse(text.encode("utf-8"), name=name)


def _table3_findings(report) -> list[tuple[str, str]]:
    return [(f.code, f.message) for f in report.findings if f.where and f.where.startswith("table3")]


def test_sum_word_beside_total_is_a_subtotal_column_read_and_left_out():
    report = parse(SUM_WORD)
    assert report.table3 == _expected(SUM_WORD)["table3"]
    assert report.table3["new_received"] == {"natural_person": 6, "commercial": 0, "research": 0,
                                             "social_welfare": 0, "legal_service": 0, "other_org": 0, "total": 6}
    assert report.provenance["table3.total.total"]["by"] == "boxes"
    assert _table3_findings(report) == [("TEMPLATE_DEVIATION", "表三多出“合计”列(不在规定格式中),已略去")]


def test_subtotal_header_read_and_left_out():
    report = parse(SUBTOTAL)
    assert report.table3 == _expected(SUBTOTAL)["table3"]
    assert report.table3["new_received"] == {"natural_person": 22, "commercial": 6, "research": 0,
                                             "social_welfare": 0, "legal_service": 0, "other_org": 0, "total": 28}
    assert _table3_findings(report) == [("TEMPLATE_DEVIATION", "表三多出“小计”列(不在规定格式中),已略去")]


def test_sum_word_without_total_is_no_subtotal_and_nothing_is_read_from_the_boxes():
    # drop the 总 ⏎ 计 header box: a 合计 with no 总计 beside it is the total itself
    # (extract/subtotal.py), so the table is not widened and its 200 values stay unread
    lines = SUM_WORD.read_text(encoding="utf-8").split("\n")
    assert lines[202:206] == ["总", "", "计", ""]
    report = _parse_text("\n".join(lines[:202] + lines[206:]), SUM_WORD.name)
    assert not any(p.get("by") == "boxes" for k, p in report.provenance.items() if k.startswith("table3"))
    assert "TEMPLATE_DEVIATION" not in [code for code, _ in _table3_findings(report)]


def test_a_subtotal_breaking_its_identity_reads_nothing():
    # the subtotal of 一、本年新收 (the 151st value: the seventh column's first) printed 1 where the
    # five organisations are all 0: no reading of the widened table holds every identity
    lines = SUM_WORD.read_text(encoding="utf-8").split("\n")
    first = lines.index("\u2f08") + 2  # the first value, after ⾃ ⏎ 然 ⏎ ⼈
    at = first + 2 * 150
    assert lines[first] == "6" and lines[at] == "0" and lines[at + 2 * 25] == "6"  # 总计 of the row: 6
    report = _parse_text("\n".join(lines[:at] + ["1"] + lines[at + 1:]), SUM_WORD.name)
    assert not any(p.get("by") == "boxes" for k, p in report.provenance.items() if k.startswith("table3"))


def test_widened_table_holds_the_subtotal_to_the_five_organisations():
    spec = next(s for s in FORMATS["2021"].tables if s.key == "table3")
    wide = widened(spec)
    assert [c for _, c, _ in wide.rows[0].cells][5:] == ["other_org", SUBTOTAL_KEY, "total"]
    assert wide.rows[0].sums == ((7, (0, 1, 2, 3, 4, 5)), (6, (1, 2, 3, 4, 5)))
    good = dict(zip([c for _, c, _ in wide.rows[0].cells], (2, 1, 0, 0, 3, 0, 4, 6)))
    bad = dict(good, **{SUBTOTAL_KEY: 5})
    for row, holds in ((good, True), (bad, False)):
        values = {(r.key, c): row[c] for r in wide.rows[:1] for _, c, _ in r.cells}
        assert table_holds(wide, lambda r, c: values.get((r, c))) is holds
    assert subtotal_word([]) is None


def test_years_inside_table3_labels_are_no_values():
    report = parse(LABEL_YEARS)
    assert report.table3 == _expected(LABEL_YEARS)["table3"]
    assert report.table3["carried_over"]["total"] == 0
    assert report.provenance["table3.new_received.total"]["by"] == "boxes"


def test_table_of_zeros_printed_a_row_a_line_with_labels_apart_reads_zero():
    report = parse(ZERO_ROWS)
    assert report.table3 == _expected(ZERO_ROWS)["table3"]
    assert all(v == 0 for cols in report.table3.values() for v in cols.values())


def test_table2_boxes_printed_after_table3s_heading_are_set_aside():
    report = parse(AHEAD)
    assert report.table3 == _expected(AHEAD)["table3"]
    assert report.provenance["table3.total.total"]["by"] == "boxes"


def test_a_value_too_many_elsewhere_is_not_taken_for_the_runs_ahead():
    # one value more after table 三's last box: the six ahead no longer hold exactly the values
    # too many, so nothing is set aside and the boxes read nothing
    lines = AHEAD.read_text(encoding="utf-8").split("\n")
    assert lines[76] == "三、收到和处理政府信息公开申请情况" and lines[78:89:2] == ["0", "17", "356", "459", "0", "0"]
    heading = next(i for i, line in enumerate(lines) if line.startswith("四、政府信息公开行政复议") or line.startswith("四、政府信息公开⾏政复议"))
    report = _parse_text("\n".join(lines[:heading] + ["0", ""] + lines[heading:]), AHEAD.name)
    assert not any(p.get("by") == "boxes" for k, p in report.provenance.items() if k.startswith("table3"))
