"""Columns and blocks in another order, read or seen where a text still shows it (round 2,
twentieth session, reorder20): table 三's first row printed whole on one line
(``法人或其他组织 自然人 总计``: a TAB or pipe row), table 四's header a row a line with
行政诉讼 first (extract/colorder_t4lines), and wrapped cells' lines glued into one piece
(extract/colorder_glued)."""

from __future__ import annotations

from pathlib import Path

import pytest

from ogi import parse
from ogi.document import Document, Paragraph
from ogi.extract.colorder import PARTS, _ALL_HEADERS, order_printed_in_lines
from ogi.extract.colorder_glued import parts_glued
from ogi.extract.colorder_t4lines import blocks_on_lines

FIXTURES = Path(__file__).parent / "fixtures" / "reordered"
HEAD = ["三、收到和处理政府信息公开申请情况", "(本列数据的勾稽关系为:第一项加第二项之和,等于第三项加第四项之和)\t申请人情况"]
ROW = "一、本年新收政府信息公开申请数量\t0\t0\t0\t0\t0\t4\t4"
FIVE = "商业企业\t科研机构\t社会公益组织\t法律服务机构\t其他"
PERSON_AFTER = "法人或其他组织(商业企业、科研机构、社会公益组织、法律服务机构、其他)、自然人、总计"


def test_the_first_row_whole_on_one_line_names_every_column():
    assert order_printed_in_lines([*HEAD, "法人或其他组织\t自然人\t总计", FIVE, ROW]) == PERSON_AFTER


def test_the_first_row_over_two_lines_names_none():
    # poppler's lines of a PDF whose 自然人 and 总计 are centred down two rows: not the cells' places
    got = order_printed_in_lines([*HEAD, "法人或其他组织", "总计 自然人", FIVE, ROW])
    assert got is None or "(" not in got


def test_a_copied_page_printing_自然人_after_the_five_is_read_by_its_header():
    report = parse(FIXTURES.joinpath("copy_paste_natural_person_after.txt").read_bytes(), name="t.txt")
    assert report.table3["new_received"]["natural_person"] == 4
    assert report.table3["new_received"]["other_org"] == 0
    assert report.table3["granted"]["natural_person"] == 1
    assert any(f.code == "TEMPLATE_DEVIATION" and f.where == "table3" and "已按表头所印顺序读入各列" in f.message
               for f in report.findings)


LITIGATION_FIRST = ["行政诉讼 | 行政复议", "---|---",
                    "未经复议直接起诉 | 复议后起诉 | 结果维持 | 结果纠正 | 其他结果 | 尚未审结 | 总计",
                    " | ".join(["结果维持", "结果纠正", "其他结果", "尚未审结", "总计"] * 2)]


def _doc(lines: list[str]) -> Document:
    return Document([Paragraph(line) for line in lines], "txt", {})


def test_table_四s_header_a_row_a_line_places_each_block():
    assert blocks_on_lines(_doc(LITIGATION_FIRST)) == "未经复议直接起诉、复议后起诉、行政复议"
    swapped = [*LITIGATION_FIRST[:2], LITIGATION_FIRST[2].replace("未经复议直接起诉 | 复议后起诉", "复议后起诉 | 未经复议直接起诉"),
               LITIGATION_FIRST[3]]
    assert blocks_on_lines(_doc(swapped)) == "复议后起诉、未经复议直接起诉、行政复议"


@pytest.mark.parametrize("lines", [
    # the format's order: nothing to read
    ["行政复议 | 行政诉讼", "结果维持 | 结果纠正 | 其他结果 | 尚未审结 | 总计 | 未经复议直接起诉 | 复议后起诉",
     " | ".join(["结果维持", "结果纠正", "其他结果", "尚未审结", "总计"] * 2)],
    # 行政复议's results beside, but left of, 行政诉讼's blocks: the two lines disagree
    ["行政诉讼 | 行政复议", "结果维持 | 结果纠正 | 其他结果 | 尚未审结 | 总计 | 未经复议直接起诉 | 复议后起诉",
     " | ".join(["结果维持", "结果纠正", "其他结果", "尚未审结", "总计"] * 2)],
    # a result wrapped in its cell: not each label whole
    ["行政诉讼 | 行政复议", "未经复议直接起诉 | 复议后起诉 | 结果 | 维持 | 结果纠正 | 其他结果 | 尚未审结 | 总计",
     " | ".join(["结果维持", "结果纠正", "其他结果", "尚未审结", "总计"] * 2)],
    # the results in another order: the blocks move, the results within them would not
    ["行政诉讼 | 行政复议", "未经复议直接起诉 | 复议后起诉 | 总计 | 结果维持 | 结果纠正 | 其他结果 | 尚未审结",
     " | ".join(["结果维持", "结果纠正", "其他结果", "尚未审结", "总计"] * 2)],
])
def test_a_header_that_does_not_place_each_block_is_not_read(lines):
    assert blocks_on_lines(_doc(lines)) is None


def test_table_四_with_行政诉讼_first_is_read_block_by_block():
    text = FIXTURES.joinpath("markdown_litigation_first.md").read_text(encoding="utf-8")
    zeros = " | ".join(["0"] * 15)
    assert text.count(zeros) == 1
    text = text.replace(zeros, "1 | 0 | 0 | 0 | 1 | 0 | 2 | 0 | 0 | 2 | 0 | 0 | 3 | 0 | 3")
    report = parse(text.encode("utf-8"), name="t.md")
    assert report.table4["litigation_direct"] == {"upheld": 1, "corrected": 0, "other": 0, "pending": 0, "total": 1}
    assert report.table4["litigation_after_review"] == {"upheld": 0, "corrected": 2, "other": 0, "pending": 0, "total": 2}
    assert report.table4["review"] == {"upheld": 0, "corrected": 0, "other": 3, "pending": 0, "total": 3}
    assert any(f.code == "TEMPLATE_DEVIATION" and f.where == "table4" for f in report.findings)


# poppler's flow text of a browser's PDF, a piece a line: the order the pieces come in is no
# column's (wild44's Word pages print the five 社会公益 ⏎ 法律服务 ⏎ 商业 ⏎ 科研 in the format's
# columns), so a header printed so names nothing (colorder_pieces, tried and dropped)
PAGED = ["法人或其他组织", "(本列数据的勾稽关系为:第一项加第二项之", "和,等于第三项加第四项之和)", "自", "然", "人",
         "法律", "服务", "机构", "科", "商", "研", "业", "机", "企", "构", "业", "社会", "公益", "组织", "其", "他", "总", "计"]


def test_the_five_a_piece_a_line_name_no_order():
    assert order_printed_in_lines(["申请人情况", *PAGED, "一、本年新收政府信息公开申请数量", "46"]) is None


def test_a_run_of_glued_parts_is_read_part_by_part():
    assert parts_glued("社会公科研其商业法律服", PARTS, _ALL_HEADERS) == ["社会公益组织", "科研机构", "商业企业", "法律服务机构"]
    assert parts_glued("益组织机构他企业务机构", PARTS, _ALL_HEADERS) == ["社会公益组织", "商业企业", "法律服务机构"]
    assert parts_glued("四项之和", PARTS, _ALL_HEADERS) == []  # no header text
    assert parts_glued("商业", PARTS, _ALL_HEADERS) == []  # one part: the caller's


def test_glued_first_lines_out_of_order_leave_table_三_null():
    lines = ["申请人情况", "(本列数据的勾稽关系为:第一项加第二项之和,等于第三项加 法人或其他组织", "自然 总",
             "第四项之和) 社会公科研其商业法律服", "人 计", "益组织机构他企业务机构", "一、本年新收政府信息公开申请数量 1"]
    assert order_printed_in_lines(lines) == "社会公益组织、科研机构、商业企业、法律服务机构"
