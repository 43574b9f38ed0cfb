"""Tables printed after all the prose (python-docx's ``document.paragraphs`` then
``document.tables``) put back under their sections by their own labels (extract/placed.py)."""

from __future__ import annotations

from pathlib import Path

import pytest

from ogi import parse
from ogi.document import Cell, Document, Paragraph, Position, Table
from ogi.errors import NotAReport
from ogi.extract.placed import tables_placed

FIXTURES = Path(__file__).parent / "fixtures" / "placed"
PLACED = "统计表印在全部正文之后,表二、表三、表四已按各自的标签归入其章节读入"
ZEROS = dict.fromkeys(("natural_person", "commercial", "research", "social_welfare", "legal_service", "other_org",
                       "total"), 0)


def _messages(report) -> list[str]:
    return [f.message for f in report.findings if f.code == "TEMPLATE_DEVIATION"]


def test_tables_after_the_prose_are_read_in_their_sections():
    # wild4 split_prose through python-docx's paragraphs-then-tables: table 二 is four Word
    # tables (第二十条 (一)(五)(六)(八)), table 三 two, each after a blank line, all after 六
    report = parse(FIXTURES / "split_prose.txt")
    assert report.table2 == {
        "regulations": {"issued": 0, "repealed": 0, "in_force": 18},
        "normative_documents": {"issued": 6, "repealed": 0, "in_force": 6},
        "licensing": {"decisions": 0}, "punishment": {"decisions": 787}, "coercion": {"decisions": 0},
        "fees": {"amount": 252.29}}
    assert report.table3["new_received"] == ZEROS and report.table3["total"] == ZEROS
    assert report.table4["review"] == {"upheld": 0, "corrected": 1, "other": 0, "pending": 0, "total": 1}
    assert sum(v is not None for t in (report.table2, report.table3, report.table4)
               for row in t.values() for v in row.values()) == 10 + 182 + 15
    assert _messages(report) == [PLACED]
    # provenance keeps the lines the values stand on in the file, not where they were moved
    assert report.provenance["table2.fees.amount"]["line"] == 43
    assert report.provenance["table4.review.corrected"]["line"] == 78
    assert report.sections["s6"].text == "本年度未向申请人发出收费通知,未收取信息处理费。无其他需要报告的事项。"


def test_a_table_printed_twice_is_placed_once_and_its_copy_compared():
    # wild44 table_twice: table 三 printed again after table 四 — its first printing is placed,
    # the second stays after the prose as an annex (extract/twice), compared, never a source
    report = parse(FIXTURES / "table_twice.txt")
    assert report.table3["new_received"] == {**ZEROS, "natural_person": 8, "total": 8}
    assert report.table2["fees"] == {"amount": 3.4837}
    assert _messages(report) == [
        PLACED, "第74行的表格无法按标签认定为某一张统计表(或为已读入之表的再次印出),未作为数据来源"]
    assert [f.code for f in report.findings if f.code.startswith("TABLE_")] == ["TABLE_REPEATED"]


def test_two_reports_in_one_file_are_still_refused():
    with pytest.raises(NotAReport, match="holds 2 reports"):
        parse(FIXTURES / "two_reports.txt")


def _table(rows: list[list[str]], line: int) -> Table:
    cells = [Cell(text, r, c, pos=Position(line=line + r)) for r, row in enumerate(rows) for c, text in enumerate(row)]
    return Table(cells, cells[0].pos)


def _doc(*tables: Table, body_table: bool = False) -> Document:
    prose = [Paragraph(text, Position(line=k)) for k, text in enumerate(
        ["二、主动公开政府信息情况", "三、收到和处理政府信息公开申请情况", "四、政府信息公开行政复议、行政诉讼情况",
         "五、存在的主要问题及改进情况", "六、其他需要报告的事项"], start=1)]
    if body_table:
        prose.insert(1, _table([["规章", "0", "0", "1"]], 90))
    return Document([*prose, *tables], "txt")


TABLE2 = [["信息内容", "本年制发件数", "本年废止件数", "现行有效件数"], ["规章", "1", "0", "5"]]
TABLE4 = [["行政复议", "行政诉讼"], ["结果维持", "结果纠正"], ["0", "0"]]


def test_each_table_goes_to_the_end_of_its_own_section():
    doc, findings = tables_placed(_doc(_table(TABLE2, 20), _table(TABLE4, 30)))
    kinds = [b.text if isinstance(b, Paragraph) else b.cells[0].text for b in doc.blocks]
    assert kinds == ["二、主动公开政府信息情况", "信息内容", "三、收到和处理政府信息公开申请情况",
                     "四、政府信息公开行政复议、行政诉讼情况", "行政复议", "五、存在的主要问题及改进情况",
                     "六、其他需要报告的事项"]
    assert [f.message for f in findings] == ["统计表印在全部正文之后,表二、表四已按各自的标签归入其章节读入"]


def test_a_piece_naming_two_tables_or_none_is_not_placed():
    mixed = [["规章", "1", "0", "5"], ["行政复议", "0"]]  # labels of table 二 and table 四, no blank line
    doc, findings = tables_placed(_doc(_table(mixed, 20), _table([["7", "8"]], 30)))
    assert doc.blocks[-2:] == [b for b in doc.blocks[-2:] if isinstance(b, Table)]  # both still after the prose
    assert findings == []  # nothing placed: the document as it was, its tables an annex's
    doc, findings = tables_placed(_doc(_table(TABLE2, 20), _table([["7", "8"]], 30)))
    assert [f.message for f in findings] == [
        "统计表印在全部正文之后,表二已按各自的标签归入其章节读入",
        "第30行的表格无法按标签认定为某一张统计表(或为已读入之表的再次印出),未作为数据来源"]
    assert isinstance(doc.blocks[-1], Table) and doc.blocks[-1].cells[0].text == "7"


def test_a_report_that_prints_a_table_in_its_sections_is_left_as_it_is():
    original = _doc(_table(TABLE2, 20), body_table=True)
    assert tables_placed(original) == (original, [])


def test_a_table_its_section_prints_as_text_is_not_placed_again():
    # table 二 printed in its section as lines of text (a <pre> table): the one after the prose
    # is a copy; table 四 is placed
    doc = _doc(_table(TABLE2, 20), _table(TABLE4, 30))
    doc.blocks.insert(1, Paragraph("规章 1 0 5", Position(line=2)))
    placed, findings = tables_placed(doc)
    assert [f.message for f in findings] == [
        "统计表印在全部正文之后,表四已按各自的标签归入其章节读入",
        "第20行的表格无法按标签认定为某一张统计表(或为已读入之表的再次印出),未作为数据来源"]
    assert placed.blocks[-1].cells[0].text == "信息内容"  # still after the prose


ROWS3 = ["一、本年新收政府信息公开申请数量", "二、上年结转政府信息公开申请数量"]


def test_a_table_cut_by_its_columns_is_not_placed_and_its_parts_dropped():
    left = [["申请人情况", "自然人", "商业企业"], *([label, "1", "0"] for label in ROWS3)]
    right = [["申请人情况", "其他", "总计"], *([label, "0", "1"] for label in ROWS3)]
    doc, findings = tables_placed(_doc(_table(left, 20), _table(right, 30), _table(TABLE4, 40)))
    assert [f.message for f in findings] == [
        "统计表印在全部正文之后,表四已按各自的标签归入其章节读入",
        "表三印在全部正文之后,且分几处印出、各处的行或列不同(如按列拆成两张表),无法确定,未读入"]
    assert not any(isinstance(b, Table) and b.cells[0].text == "申请人情况" for b in doc.blocks)


def test_a_line_of_numbers_in_a_tables_section_is_that_table_printed_as_text():
    # a PDF's text prints table 四 in its section as lines (its values have no label); the
    # table after the prose is an annex's copy of it, not placed (wild44 table_twice, pdfplumber)
    doc = _doc(_table(TABLE4, 30))
    doc.blocks.insert(3, Paragraph("0 0 0 0 0 0 0 0 0 0 0 0 0 0 0", Position(line=4)))
    assert tables_placed(doc) == (doc, [])
    prose = _doc(_table(TABLE4, 30))  # running text with numbers is no row of values
    prose.blocks.insert(3, Paragraph("全年共办理行政复议案件3件、行政诉讼案件2件,其中纠正1件。", Position(line=4)))
    assert [f.message for f in tables_placed(prose)[1]] == ["统计表印在全部正文之后,表四已按各自的标签归入其章节读入"]
