"""A table printed twice (extract/twice.py): an annex copy after section 六 is read once and
held against the report's table; two reports in one file are still refused."""

from __future__ import annotations

import random

import pytest

from expected import SEEDS
from ogi import NotAReport, parse
from ogi.synth.wild3 import make

SEED = SEEDS / "004_3f0a03dfd5eda10b.txt"  # a 2023 report as a pipe table text, 71 lines (the annex from line 72)
T3_FIRST, T3_LAST = 35, 62  # table 三's lines (1-based): its header to 四、结转下年度继续办理
T4_FIRST, T4_LAST = 64, 67  # table 四's lines: its header to its row of values
CAPTION = "附表：收到和处理政府信息公开申请情况统计表"


def _lines() -> list[str]:
    return SEED.read_text(encoding="utf-8").splitlines()


def _with_annex(copy: list[str], caption: str = CAPTION) -> str:
    return "\n".join(_lines() + [caption] + copy) + "\n"


def _table3() -> list[str]:
    return _lines()[T3_FIRST - 1:T3_LAST]


def test_an_annex_copy_of_table_3_that_agrees_is_read_once():
    plain = parse(SEED.read_bytes())
    report = parse(_with_annex(_table3()).encode())
    assert (report.table2, report.table3, report.table4) == (plain.table2, plain.table3, plain.table4)
    (repeated,) = [f for f in report.findings if f.code == "TABLE_REPEATED"]
    assert (repeated.where, repeated.severity.value, repeated.line) == ("table3", "info", 76)
    assert repeated.message == "表三(依申请公开)在报告之后的附表中(第76行)再次印出,两处数值一致(175个单元格),按一处读入"
    assert repeated.message_en == ("table 3 is printed again in an annex after the report at line 76; "
                                   "the two copies agree in 175 cells, read once")
    assert report.sections["s6"].text == plain.sections["s6"].text  # the annex is no part of section 六
    assert not {f.code for f in report.findings} - {f.code for f in plain.findings} - {"TABLE_REPEATED"}


def test_a_cell_the_copies_print_differently_is_null_with_both_places():
    copy = _table3()
    at = next(i for i, line in enumerate(copy) if line.startswith("(四)无法提供"))
    assert copy[at].startswith("(四)无法提供 | 1.本机关不掌握相关政府信息 | 6 | 0 | 0 | 0 | 0 | 0 | 6 |")
    copy[at] = copy[at].replace("| 6 | 0 | 0 | 0 | 0 | 0 | 6 |", "| 5 | 0 | 0 | 0 | 0 | 0 | 6 |", 1)
    report = parse(_with_annex(copy).encode())
    plain = parse(SEED.read_bytes())
    assert report.table3["unable.not_held"]["natural_person"] is None
    differ = [f for f in report.findings if f.code == "TABLE_COPIES_DIFFER"]
    assert [(f.where, f.severity.value, f.line) for f in differ] == [
        ("table3.unable.not_held.natural_person", "warning", 50)]
    assert differ[0].message == ("表三(依申请公开)印了两次,此单元格两处数值不同:报告中(第50行)为6,"
                                 "附表中(第88行)为5,无法确定,取空值")
    assert differ[0].message_en == ("table 3 is printed twice and this cell differs: 6 in the report at line 50, "
                                    "5 in the annex at line 88; which one is meant cannot be told, null")
    assert not any(f.code == "TABLE_REPEATED" for f in report.findings)
    changed = {(r, c) for r, cols in plain.table3.items() for c, v in cols.items() if report.table3[r][c] != v}
    assert changed == {("unable.not_held", "natural_person")}


def test_an_annex_copy_of_table_4_that_agrees():
    lines = _lines()
    report = parse(_with_annex(lines[T4_FIRST - 1:T4_LAST], "附件2：政府信息公开行政复议、行政诉讼情况").encode())
    (repeated,) = [f for f in report.findings if f.code == "TABLE_REPEATED"]
    assert repeated.message_en == ("table 4 is printed again in an annex after the report at line 76; "
                                   "the two copies agree in 15 cells, read once")
    assert report.table4 == parse(SEED.read_bytes()).table4


def test_two_reports_with_an_annex_between_them_are_refused_counting_reports_not_copies():
    text = SEED.read_text(encoding="utf-8")
    with pytest.raises(NotAReport, match=r"^the file holds 2 reports \(table 三 is printed 3 times, 1 of them in an annex\)"):
        parse((_with_annex(_table3()) + text).encode())
    with pytest.raises(NotAReport, match=r"^the file holds 2 reports \(table 三 is printed 2 times\)"):
        parse((text + "\n" + text).encode())


def test_a_second_title_after_section_6_makes_the_copy_a_second_report():
    title = "湖州市吴兴区发展改革和经济信息化局2022年度政府信息公开工作年度报告"
    with pytest.raises(NotAReport, match="2 reports"):
        parse(_with_annex(_table3(), title).encode())


@pytest.mark.parametrize("seed", ["c", "d"])
def test_a_web_page_with_table_3_again_in_an_annex(seed):
    page = make(random.Random(seed), "table_twice")
    html = page.html.decode("utf-8")
    assert CAPTION in html
    report = parse(page.html)
    for table in ("table2", "table3", "table4"):
        for row, cols in page.expected[table].items():
            for col, want in cols.items():
                got = getattr(report, table)[row][col]
                assert got == want, (table, row, col, got, want)
    (repeated,) = [f for f in report.findings if f.code == "TABLE_REPEATED"]
    assert repeated.where == "table3"
    assert CAPTION not in report.sections["s6"].text


@pytest.mark.parametrize("tail, message", [
    # prose glued after the table's last value: the glued run cannot be cut, the copy is named only
    ("本页由某区人民政府整理。", "报告之后的附表中(第72行)再次印出表三(依申请公开),其数值未能读出,未与报告中的比对"),
    # the portal's footer glued after it is the site's, not the report's (extract/pager_end, pager20): cut
    # there, the run is the table's alone, read and compared with the report's
    ("主办单位:某区人民政府。", "表三(依申请公开)在报告之后的附表中(第72行)再次印出,两处数值一致(175个单元格),按一处读入"),
])
def test_an_annex_a_crawler_glued_into_one_paragraph_is_named_or_compared(tail: str, message: str):
    glued = CAPTION + "".join(line.replace("|", "").replace(" ", "") for line in _table3()) + tail
    report = parse(("\n".join(_lines() + [glued]) + "\n").encode())
    plain = parse(SEED.read_bytes())
    assert (report.table2, report.table3, report.table4) == (plain.table2, plain.table3, plain.table4)
    (repeated,) = [f for f in report.findings if f.code.startswith("TABLE_")]
    assert (repeated.code, repeated.where, repeated.line) == ("TABLE_REPEATED", "table3", 72)
    assert repeated.message == message
    assert report.sections["s6"].text == plain.sections["s6"].text


def test_tables_printed_after_all_the_text_are_no_copies():
    """A Word file whose tables a converter put after every paragraph (python-docx's split):
    the two printings of table 三 after section 六 have none before them, so neither is a
    copy — two reports, as before."""
    lines = _lines()
    text = [ln for ln in lines if "|" not in ln]
    tables = [ln for ln in lines if "|" in ln]
    with pytest.raises(NotAReport, match="2 reports"):
        parse("\n".join(text + tables + [CAPTION] + _table3()).encode())
