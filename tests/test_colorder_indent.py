"""自然人 printed right of the organisations, seen from a text layout's indentation
(extract/colorder_indent): hold18's ``reordered`` 00013 in PyMuPDF's sorted text and
pdftohtml's positioned page, nineteenth session."""

import pytest

from ogi.extract.colorder import order_printed_in_lines

HEAD = ["三、收到和处理政府信息公开申请情况", "                                   申请人情况"]
ROW = "一、本年新收政府信息公开申请数量                       0    1      0     25 122  4318 4466"

# PyMuPDF's sorted text of hold18 00013: 自然 above the organisations' line, 人 below, each
# alone on its line, indented past 企业 (the line of the second row's last lines)
AFTER = ["(本列数据的勾稽关系为:第一项加第二项之和,等于第三项加     法人或其他组织",
         "                                           自然",
         "            第四项之和)           商业 科研 社会公 法律服 其    总计",
         "                                           人",
         "                           企业 机构 益组织 务机构 他"]
# the template's order laid out the same way: 自然 left of every organisation's piece
TEMPLATE = ["(本列数据的勾稽关系为:第一项加第二项之和,等于第三     法人或其他组织",
            "                         自然 总",
            "         项加第四项之和)",
            "                             商业 科研 社会公益 法律服务 其",
            "                         人 计",
            "                            企业 机构 组织 机构 他"]


def test_自然人_indented_past_an_organisation_is_out_of_the_templates_order():
    assert order_printed_in_lines([*HEAD, *AFTER, ROW]) == "商业企业、自然人"


def test_the_templates_order_laid_out_says_nothing():
    assert order_printed_in_lines([*HEAD, *TEMPLATE, ROW]) is None


@pytest.mark.parametrize("header", [
    # no layout (pdfplumber's text): nothing indented, nothing compared — such a text cannot tell
    ["(本列数据的勾稽关系为:第一项加第二项之和,等于第三项加 法人或其他组织", "自然",
     "第四项之和) 商业 科研 社会公 法律服 其 总计", "人", "企业 机构 益组织 务机构 他"],
    # 自然 indented less than MIN_INDENT: not taken as placed
    ["法人或其他组织", "   自然", "商业 科研 社会公 法律服 其 总计", "人", "企 机构 益组织 务机构 他"],
    # 自然 indented, but not past the end of the organisation's piece that starts a line
    ["法人或其他组织", "      自然", "商业 科研 社会公 法律服 其 总计", "人", "    企业 机构 益组织 务机构 他"],
])
def test_a_header_that_places_nothing_by_its_indentation_is_not_read(header):
    assert order_printed_in_lines([*HEAD, *header, ROW]) is None


# poppler's text of LibreOffice's PDF: a cell (or a cell's line) a line, in the order the
# columns stand; 自然人 and 总计 share a baseline and print last on one line where 自然人 stands
# right of the five (hold18 00013; fresh17 00002)
NOTE = ["(本列数据的勾稽关系为:第一项加第二项", "之和,等于第三项加第四项之和)", "法人或其他组织"]
FIVE = ["商业企业", "科研", "机构", "社会", "公益", "组织", "法律服务", "机构", "其他"]


def test_自然人_and_总计_on_a_line_after_the_five_is_out_of_the_templates_order():
    assert order_printed_in_lines([*HEAD, *NOTE, *FIVE, "自然人 总计", ROW]) == "法人或其他组织、自然人、总计"


@pytest.mark.parametrize("header", [
    [*NOTE, "自然人", *FIVE, "总计"],  # the template's order
    [*NOTE, *FIVE[:-1], "自然人 总计", "其他"],  # an organisation after it: not every one before
    [*NOTE, *FIVE, "自然人 企业 总计"],  # a layout's line, not two cells on a baseline
])
def test_a_header_that_does_not_print_自然人_and_总计_after_the_five_is_not_read_so(header):
    assert order_printed_in_lines([*HEAD, *header, ROW]) is None
