"""Table 三 of a report printed on narrow pages, as poppler's ``pdftotext`` (reading order)
prints it: one value a line, row after row, some labels displaced after the rows of their page,
the header again on every page (``ogi.extract.pagedrows``). Every input is cut from a real
shape (``paged_pdftotext`` of a shared peer report and of synthetic reports, A5/B5 pages);
each test pins exact values, and the rule's part is shown by switching it off."""

from __future__ import annotations

import pytest

import ogi.readers.text as text_reader
from ogi import parse
from ogi.extract import pagedrows
from ogi.extract.pagedrows import rejoin_paged_rows
from ogi.readers.text import rejoin_wrapped_labels

# synth100/00000 (paged_pdftotext): 5.属于三类内部事务信息 and 2.重复申请 print their values in
# place with no label before them (the labels follow every row of the page, beside the group's
# pieces); page 2 starts with six rows whose labels are printed around the repeated header
PAGED_00000 = (
    '三、收到和处理政府信息公开申请情况|申请人情况|'
    '(本列数据的勾稽关系为:第一项加第二项之和,等于第三项|加第四项之和)|法人或其他组织|自|然|'
    '人|商业 科研|企业 机构|社会|法律|公益|服务|组织|机构|其|他|总|计|'
    '一、本年新收政府信息公开申请数量|27|3|0|0|0|0 30|'
    '二、上年结转政府信息公开申请数量|2|0|0|0|0|0|2|三、本年|(一)予以公开|10|'
    '0|0|0|0|0|10|度办理结|(二)部分公开(区分处理的,只计这一情形,不计|4|0|0|'
    '0|0|0|4|1.属于国家秘密|1|0|0|0|0|0|1|2.其他法律行政法规禁止公开|0|'
    '0|0|0|0|0|0|3.危及“三安全一稳定”|0|0|0|0|0|0|0|'
    '4.保护第三方合法权益|1|0|0|0|0|0|1|0|1|0|0|0|0|1|'
    '6.属于四类过程性信息|0|0|0|0|0|0|0|7.属于行政执法案卷|0|0|0|0|0|'
    '0|0|8.属于行政查询事项|3|0|0|0|0|0|3|1.本机关不掌握相关政府信息|4|1|'
    '0|0|0|0|5|2.没有现成信息需要另行制作|0|0|0|0|0|0|0|'
    '3.补正后申请内容仍不明确|1|0|0|0|0|0|1|1.信访举报投诉类申请|0|0|0|0|'
    '0|0|0|1|0|0|0|0|0|1|3.要求提供公开出版物|1|0|0|0|0|0|1|'
    '4.无正当理由大量反复申请|0|0|0|0|0|0|0|果|其他情形)|(三)不|'
    '予公开 5.属于三类内部事务信息|(四)无|法提供|(五)不|予处理 2.重复申请|'
    '打印日期：2025-01-20|—2—|\x0c成都市人民政府政务公开专栏|申请人情况|'
    '(本列数据的勾稽关系为:第一项加第二项之和,等于第三项|加第四项之和)|然|人|'
    '5.要求行政机关确认或重新出具已获|商业 科研|企业 机构|社会|法律|公益|服务|组织|机构|'
    '其|他|总|计|0|0|0|0|0|0|0|2|1|0|0|0|0|3|1|0|0|0|0|0|'
    '1|0|0|0|0|0|0|0|29|3|0|0|0|0 32|0|0|0|0|0|0|0|'
    '取信息|1.申请人无正当理由逾期不补正、行|政机关不再处理其政府信息公开申请|(六)其|'
    '法人或其他组织|自|2.申请人逾期未按收费通知要求缴纳|'
    '他处理 费用、行政机关不再处理其政府信息|公开申请|3.其他|(七)总计|'
    '四、结转下年度继续办理|四、政府信息公开行政复议、行政诉讼情况|'
)

# the shared peer report 淮安市 2024: the total of 二、上年结转 (34) is printed alone among the
# label pieces further down, so the seven values after that label are 34 0 0 0 0 0 and the
# next row's 1288
HUAIAN_CITY_2024 = (
    '三、收到和处理政府信息公开申请情况|申请人情况|法人或其他组织|'
    '（本列数据的勾稽关系为：第一项加第二项|之和，等于第三项加第四项之和）|自然|人|商|科|业|'
    '研|企|机|业|构|社会 法律|公益 服务|组织 机构|其 总计|他|'
    '一、本年新收政府信息公开申请数量|3001|53|0|0|61|4 3119|'
    '二、上年结转政府信息公开申请数量|34|0|0|0|0|0|1288|21|0|0|50|'
    '3 1362|447|7|0|0|0|0|454|2|0|0|0|0|0|2|30|1|0|0|'
    '0|0|31|三、本|（一）予以公开|年度办|（二）部分公开（区分处理的，|理结果|'
    '只计这一情形，不计其他情形）|（三）|1.属于国家秘密|不予公|2.其他法律行政法规禁|开|'
    '止公开|http://www.example.gov.cn/zwgk/ndbg/|34|'
    '\x0c泰州市人民政府门户网站 www.example.gov.cn|第4页|申请人情况|'
    '法人或其他组织|（本列数据的勾稽关系为：第一项加第二项|商|科|业|研|企|机|业|构|5|0|'
    '0|0|0|0|5|6|0|0|0|0|0|6|7|1|0|0|0|0|8|'
    '6.属于四类过程性信息|12|0|0|0|0|0|12|7.属于行政执法案卷|9|0|0|0|'
    '0|0|9|8.属于行政查询事项|105|0|0|0|0|0|105|746|12|0|0|'
    '10|1|769|11|0|0|0|0|0|11|1|0|0|0|0|0|1|'
    '1.信访举报投诉类申请|56|6|0|0|0|0|62|2.重复申请|25|0|0|0|0|0|'
    '25|（五）|3.要求提供公开出版物|0|0|0|0|0|0|0|不予处|'
    '4.无正当理由大量反复|0|0|0|0|0|0|0|1|0|0|0|0|0|1|'
    '之和，等于第三项加第四项之和）|3.危及“三安全一稳|定”|4.保护第三方合法权益|'
    '5.属于三类内部事务信|息|1.本机关不掌握相关政|（四）|无法提|供|府信息|'
    '2.没有现成信息需要另|行制作|3.补正后申请内容仍不|明确|理|申请|5.要求行政机关确认或|'
    '重新出具已获取信息|http://www.example.gov.cn/zwgk/ndbg/|'
    '自然|人|社会 法律|公益 服务|组织 机构|其 总计|他|'
    '\x0c泰州市人民政府门户网站 www.example.gov.cn|第5页|申请人情况|'
    '法人或其他组织|（本列数据的勾稽关系为：第一项加第二项|商|科|业|研|企|机|业|构|67|'
    '3|0|0|1|0|71|6|0|0|0|0|0|6|108|2|0|0|0|0|110|'
    '2932|53|0|0|61|4 3050|103|0|0|0|0|0|自然|'
    '之和，等于第三项加第四项之和）|人|社会 法律|公益 服务|组织 机构|其 总计|他|'
    '1.申请人无正当理由逾|期不补正、行政机关不|再处理其政府信息公开|（六）|申请|其他处|'
    '2.申请人逾期未按收费|理|通知要求缴纳费用、行|政机关不再处理其政府|信息公开申请|3.其他|'
    '（七）总计|四、结转下年度继续办理|103|四、政府信息公开行政复议、行政诉讼情况|'
)

# synth100/00030 (paged_pdftotext): two zeros printed alone among label pieces
# (``商 ⏎ 0 ⏎ 4.保护第三方合法权``) after the rows of (四)–(五)
PAGED_00030 = (
    '三、收到和处理政府信息公开申请情况|申请人情况|法人或其他组织|'
    '(本列数据的勾稽关系为:第一项加第|二项之和,等于第三项加第四项之和)|自|然|人|社|法|商|'
    '科|会|律|业|研|公|服|其|企|机|益|务|他|业|构|组|机|织|构|总|计|'
    '一、本年新收政府信息公开申请数量|23|0|0|0|1|0 24|'
    '二、上年结转政府信息公开申请数量|0|0|0|0|0|0|0|三、本 (一)予以公开|8|0|'
    '0|0|0|0|8|年度办 (二)部分公开(区分处理的,|理结果 只计这一情形,不计其他情|4|'
    '0|0|0|0|0|4|1|0|0|0|0|0|1|0|0|0|0|0|0|0|形)|(三)|'
    '1.属于国家秘密|不予|2.其他法律行政法规|公开|禁止公开|第3页|'
    '\x0c成都市人民政府门户网站 www.example.gov.cn|申请人情况|法人或其他组织|'
    '(本列数据的勾稽关系为:第一项加第|二项之和,等于第三项加第四项之和)|自|然|人|'
    '3.危及“三安全一稳|科|会|律|业|研|公|服|其|企|机|益|务|他|业|构|组|机|织|'
    '构|总|计|0|0|0|0|0|1|0|0|0|0|0|1|0|0|0|0|0|0|0|1|0|'
    '0|0|0|0|1|7.属于行政执法案卷|0|0|0|0|0|0|0|8.属于行政查询事项|0|'
    '0|0|0|0|0|0|4|0|0|0|1|0|5|2|0|0|0|0|0|2|1|0|0|0|'
    '0|0|1|益|5.属于三类内部事务|信息|6.属于四类过程性信|息|1.本机关不掌握相关|'
    '提供|商|0|4.保护第三方合法权|无法|法|0|定”|(四)|社|政府信息|'
    '2.没有现成信息需要|另行制作|3.补正后申请内容仍|不明确|第4页|'
    '\x0c成都市人民政府门户网站 www.example.gov.cn|申请人情况|法人或其他组织|'
    '(本列数据的勾稽关系为:第一项加第|二项之和,等于第三项加第四项之和)|自|然|人|'
    '1.信访举报投诉类申|请|2.重复申请|(五)|不予|处理|3.要求提供公开出版|物|'
    '4.无正当理由大量反|复申请|社|法|商|科|会|律|业|研|公|服|其|企|机|益|务|他|'
    '业|构|组|机|织|构|总|计|0|0|0|0|0|0|0|0|0|0|0|0|0|0|0|0|'
    '0|0|0|0|0|0|0|0|0|0|0|0|0|0|0|0|0|0|0|0|0|0|0|0|'
    '0|0|1|0|0|0|0|0|1|5.要求行政机关确认|或重新出具已获取信|息|(六)|'
    '1.申请人无正当理由|其他|逾期不补正、行政机|处理|关不再处理其政府信|息公开申请|'
    '2.申请人逾期未按收|费通知要求缴纳费|用、行政机关不再处|理其政府信息公开申|请|第5页|'
    '\x0c成都市人民政府门户网站 www.example.gov.cn|申请人情况|法人或其他组织|'
    '(本列数据的勾稽关系为:第一项加第|自|二项之和,等于第三项加第四项之和)|然|人|3.其他|'
    '社|法|商|科|会|律|业|研|公|服|其|企|机|益|务|他|业|构|组|机|织|构|总|计|'
    '0|0|0|0|0|0|0|(七)总计|23|0|0|0|1|0 24|四、结转下年度继续办理|'
    '0|0|0|0|0|0|0|四、政府信息公开行政复议、行政诉讼情况|'
)


def _report(excerpt: str, title: str = "顺德区民政局2021年政府信息公开工作年度报告"):
    return parse((title + "\n" + excerpt.replace("|", "\n") + "\n").encode(), name="page.txt")


def _row(report, key: str) -> list:
    return list((report.table3.get(key) or {}).values())


def _findings(report, where: str) -> list[str]:
    return [f.code for f in report.findings if f.where == where]


def test_rows_printed_one_value_a_line_with_labels_displaced_read_in_the_template_order(monkeypatch):
    report = _report(PAGED_00000)
    assert _row(report, "denied.third_party_rights") == [1, 0, 0, 0, 0, 0, 1]
    assert _row(report, "denied.internal_affairs") == [0, 1, 0, 0, 0, 0, 1]  # no label before its values
    assert _row(report, "denied.process_information") == [0, 0, 0, 0, 0, 0, 0]
    assert _row(report, "other.no_correction") == [2, 1, 0, 0, 0, 0, 3]  # page 2, after the header
    assert _row(report, "other.no_fee") == [1, 0, 0, 0, 0, 0, 1]
    assert _row(report, "total") == [29, 3, 0, 0, 0, 0, 32]
    assert _row(report, "carried_forward") == [0] * 7
    assert all(None not in _row(report, key) for key in report.table3)
    assert not [f for f in report.findings if f.where and f.where.startswith("table3")]
    # without the rule the aligner has no anchor for those rows
    monkeypatch.setattr(text_reader, "rejoin_paged_rows", lambda text, *printed: text)
    before = _report(PAGED_00000)
    assert _row(before, "denied.internal_affairs") == [None] * 7
    assert _row(before, "total") == [None] * 7


def test_two_rows_whose_sums_hold_in_either_order_are_chosen_by_the_column_identities(monkeypatch):
    # 1.信访举报投诉类申请 and the unlabelled 2.重复申请 after it: fourteen values one a line
    items = [(str(v), [v]) for v in [0, 0, 0, 0, 0, 0, 0, 1, 0, 0, 0, 0, 0, 1]]
    assert pagedrows._segment(items, 2) == [
        [[0, 0, 0, 0, 0, 0, 0], [1, 0, 0, 0, 0, 0, 1]],  # row by row
        [[0, 0, 0, 0, 0, 0, 0], [0, 0, 0, 1, 0, 0, 1]],  # column by column: the sums hold too
    ]
    assert _row(_report(PAGED_00000), "not_processed.repeated") == [1, 0, 0, 0, 0, 0, 1]  # T3_OUTCOME_TOTAL
    monkeypatch.setattr(pagedrows, "_resolve", lambda spec, grid, open_segments: None)
    report = _report(PAGED_00000)
    assert _row(report, "not_processed.repeated") == [None] * 7
    assert "ROW_MISSING" in _findings(report, "table3.not_processed.repeated")


def test_a_row_that_lost_a_value_is_left_out_never_read_with_the_next_rows_value(monkeypatch):
    body = HUAIAN_CITY_2024.split("|")[1:-1]  # the table's lines, between the two headings
    monkeypatch.setattr(pagedrows, "PARTIAL_SHARE", 0.0)  # the rows this rule reads, shown alone
    rows = {row.split("\t")[0]: row.split("\t")[1:] for row in pagedrows._read(body, 0, None) or []}
    assert rows["一、本年新收政府信息公开申请数量"] == ["3001", "53", "0", "0", "61", "4", "3119"]
    # never 34 0 0 0 0 0 1288: its total, printed after the labels, goes back in the one place
    # where every row of the stretch sums (pagedrows._stray_in_place)
    assert rows["二、上年结转政府信息公开申请数量"] == ["34", "0", "0", "0", "0", "0", "34"]
    assert rows["(一)予以公开"] == ["1288", "21", "0", "0", "50", "3", "1362"]
    assert rows["6.属于四类过程性信息"] == ["12", "0", "0", "0", "0", "0", "12"]
    assert rows["3.要求提供公开出版物"] == ["0"] * 7
    # the last row's first six values before the labels, its total after 四、结转…: read with
    # the segment before it as one stretch (pagedrows._across_anchor)
    assert rows["四、结转下年度继续办理"] == ["103", "0", "0", "0", "0", "0", "103"]
    assert rows["(七)总计"] == ["2932", "53", "0", "0", "61", "4", "3050"]
    monkeypatch.undo()
    report = _report(HUAIAN_CITY_2024, "淮安市人民政府2024年政府信息公开工作年度报告")
    assert all(None not in _row(report, key) for key in report.table3)
    # without putting the stray back, the rows it belongs to are left out: null, with a finding
    monkeypatch.setattr(pagedrows, "_stray_in_place", lambda *args: [])
    report = _report(HUAIAN_CITY_2024, "淮安市人民政府2024年政府信息公开工作年度报告")
    assert _row(report, "carried_over") == [None] * 7
    assert _findings(report, "table3.carried_over") == ["ROW_MISSING"]
    monkeypatch.setattr(pagedrows, "_across_anchor", lambda *args: [])
    assert _row(_report(HUAIAN_CITY_2024, "淮安市人民政府2024年政府信息公开工作年度报告"), "carried_forward") == [None] * 7


def test_a_value_printed_alone_among_label_pieces_counts_in_no_stretch_of_rows(monkeypatch):
    title = "某区2021年政府信息公开工作年度报告"
    report = _report(PAGED_00030, title)
    assert _row(report, "unable.not_held") == [4, 0, 0, 0, 1, 0, 5]
    assert _row(report, "unable.needs_creation") == [2, 0, 0, 0, 0, 0, 2]
    assert _row(report, "total") == [23, 0, 0, 0, 1, 0, 24]
    # the stretch the two zeros left is short by them: they go back (ninth session, two strays)
    assert _row(report, "denied.state_secret") == [1, 0, 0, 0, 0, 0, 1]  # the expected values
    monkeypatch.setattr(pagedrows, "_stray", lambda items, i: False)
    assert _row(_report(PAGED_00030, title), "unable.not_held") == [None] * 7


def test_a_label_with_its_values_on_its_line_is_another_layout_and_left_as_printed():
    # pdftotext -raw of the same page: each row on one line
    text = ("三、收到和处理政府信息公开申请情况\n一、本年新收政府信息公开申请数量 27 3 0 0 0 0 30\n"
            "二、上年结转政府信息公开申请数量 2 0 0 0 0 0 2\n四、政府信息公开行政复议、行政诉讼情况\n")
    assert rejoin_paged_rows(text) is text


@pytest.mark.parametrize("values, readings", [
    ([0] * 14, 1),  # every order gives the same cells
    ([3, 0, 0, 0, 0, 0, 3, 2, 0, 0, 0, 0, 1, 3], 1),  # by column 3 0 0 0 0 0 1 fails its total
    ([1, 0, 0, 0, 0, 0, 2, 0, 0, 0, 0, 0, 0, 0], 0),  # row by row the first total fails
])
def test_a_stretch_of_unlabelled_rows_is_read_only_where_one_order_satisfies_their_sums(values, readings):
    items = [(str(v), [v]) for v in values]
    assert len(pagedrows._segment(items, 2)) == readings


# synth100/00002 (paged_pdftotext_layout, B5): (二)部分公开's label wraps over three lines beside
# the group cell 三、本年度办理结果, its values on the middle line
LAYOUT_00002 = (
    '     三、收到和处理政府信息公开申请情况\n'
    '                                       申请人情况\n'
    '                                       法人或其他组织\n'
    '                                            社   法\n'
    ' (本列数据的勾稽关系为:第一项加第            自    商   科    会   律\n'
    '                                                        总\n'
    ' 二项之和,等于第三项加第四项之和)            然    业   研    公   服   其\n'
    '                                                        计\n'
    '                              人    企   机    益   务   他\n'
    '                                   业   构    组   机\n'
    '                                            织   构\n'
    '一、本年新收政府信息公开申请数量               5   1    0   0   0   0   6\n'
    '二、上年结转政府信息公开申请数量               0   0    0   0   0   0   0\n'
    '三、本 (一)予以公开                    3   1    0   0   0   0   4\n'
    '年度办 (二)部分公开(区分处理的,\n'
    '理结果 只计这一情形,不计其他情               0   0    0   0   0   0   0\n'
    '       形)\n'
    '       (三)    1.属于国家秘密         0   0    0   0   0   0   0\n'
    '       不予     2.其他法律行政法规\n'
    '       公开                      0   0    0   0   0   0   0\n'
    '              禁止公开\n'
    '              3.危及“三安全一稳\n'
    '                               0   0    0   0   0   0   0\n'
    '              定”\n'
    '              4.保护第三方合法权\n'
    '                               0   0    0   0   0   0   0\n'
    '              益\n'
    '              5.属于三类内部事务\n'
)


def test_a_label_wrapped_around_its_values_is_joined_into_one_row(monkeypatch):
    lines = rejoin_wrapped_labels(LAYOUT_00002).split("\n")
    assert lines[14:17] == ["", "(二)部分公开(区分处理的,只计这一情形,不计其他情形)  0   0    0   0   0   0   0", ""]
    text = "杭州市西湖区2021年政府信息公开工作年度报告\n" + LAYOUT_00002 + "四、政府信息公开行政复议、行政诉讼情况\n"
    report = parse(text.encode(), name="page.txt")
    assert _row(report, "granted") == [3, 1, 0, 0, 0, 0, 4]
    assert _row(report, "partially_granted") == [0] * 7
    assert _row(report, "denied.state_secret") == [0] * 7
    assert not _findings(report, "table3.partially_granted")
    monkeypatch.setattr(text_reader, "rejoin_wrapped_labels", lambda text: text)
    before = parse(text.encode(), name="page.txt")
    assert _row(before, "partially_granted") == [None] * 7
    assert _findings(before, "table3.partially_granted") == ["CELL_TEXT"]


def test_lines_that_spell_no_label_whole_are_left_as_printed():
    # the next rows: 2.其他法律行政法规 / 公开 0 0 … / 禁止公开 spell the label only with the
    # group piece 公开 inside it, and a row's own first line is no label of three lines
    text = ("       不予     2.其他法律行政法规\n       公开                      0   0    0   0   0   0   0\n"
            "              禁止公开\n")
    assert rejoin_wrapped_labels(text) is text


# the shared seed report 001 (一平浪镇 2022), paged_pdftotext: table 三's lines (pages 4–7, the
# form feeds kept). Every page ends in its number, but pages 5 and 7, whose cells poppler
# reordered, print theirs among the cells (``要另行制作 ⏎ 5 ⏎ 社``): 178 values for 175 cells
SEED_001_TABLE3 = (
    '申请人情况|法人或其他组织|（本列数据的勾稽关系为：第一项加|第二项之和，等于第三项加第四项之|'
    '和）|自|然|人|社|法|商|科|会|律|业|研|公|服|其|企|机|益|务|他|业|构|组|'
    '机|织|构|总|计|一、本年新收政府信息公开申请数量|0|0|0|0|0|0|0|'
    '二、上年结转政府信息公开申请数量|0|0|0|0|0|0|0|三、本 （一）予以公开|0|0|'
    '0|0|0|0|0|年度办 （二）部分公开（区分处理|理结果 的，只计这一情形，不计其|0|0|'
    '0|0|0|0|0|0|0|0|0|0|0|0|他情形）|（三）|1.属于国家秘密|不予公|开|'
    '4|\x0c宿迁市人民政府门户网站 www.example.gov.cn|申请人情况|法人或其他组织|'
    '（本列数据的勾稽关系为：第一项加|第二项之和，等于第三项加第四项之|和）|自|然|人|'
    '2.其他法律行政法|规禁止公开|3.危及“三安全一|稳定”|4.保护第三方合法|权益|'
    '5.属于三类内部事|务信息|6.属于四类过程性|信息|7.属于行政执法案|卷|'
    '8.属于行政查询事|项|（四）|1.本机关不掌握相|无法提|关政府信息|供|2.没有现成信息需|'
    '要另行制作|5|社|法|商|科|会|律|业|研|公|服|其|企|机|益|务|他|业|构|组|机|'
    '织|构|总|计|0|0|0|0|0|0|0|0|0|0|0|0|0|0|0|0|0|0|0|0|'
    '0|0|0|0|0|0|0|0|0|0|0|0|0|0|0|0|0|0|0|0|0|0|0|0|'
    '0|0|0|0|0|0|0|0|0|0|0|0|0|0|0|0|0|0|0|'
    '\x0c宿迁市人民政府门户网站 www.example.gov.cn|申请人情况|法人或其他组织|'
    '（本列数据的勾稽关系为：第一项加|第二项之和，等于第三项加第四项之|和）|仍不明确|'
    '1.信访举报投诉类|申请|2.重复申请|不予处|理|然|人|3.补正后申请内容|（五）|自|'
    '3.要求提供公开出|版物|4.无正当理由大量|反复申请|社|法|商|科|会|律|业|研|公|服|'
    '其|企|机|益|务|他|业|构|组|机|织|构|总|计|0|0|0|0|0|0|0|0|0|0|'
    '0|0|0|0|0|0|0|0|0|0|0|0|0|0|0|0|0|0|0|0|0|0|0|0|'
    '0|0|0|0|0|0|0|0|0|0|0|0|0|0|0|5.要求行政机关确|'
    '认或重新出具已获|取信息|（六）|1.申请人无正当理|其他处|由逾期不补正、行|理|'
    '政机关不再处理其|政府信息公开申请|6|'
    '\x0c宿迁市人民政府门户网站 www.example.gov.cn|申请人情况|法人或其他组织|'
    '（本列数据的勾稽关系为：第一项加|第二项之和，等于第三项加第四项之|和）|自|然|人|社|法|'
    '商|科|会|律|业|研|公|服|其|企|机|益|务|他|业|构|组|机|织|构|总|计|'
    '2.申请人逾期未按|收费通知要求缴纳|费用、行政机关不|0|0|0|0|0|0|0|0|0|0|'
    '0|0|0|0|0|0|0|0|0|0|0|0|0|0|0|0|0|0|再处理其政府信息|'
    '公开申请|3.其他|（七）总计|四、结转下年度继续办理|'
)
SEED_001_PAGE_ENDS = ["1", "2", "3", "4", "0", "6", "0", "8", "9"]  # each page's last line


def test_page_numbers_printed_among_the_cells_are_dropped_where_the_count_then_fits(monkeypatch):
    pages = "".join(f"正文。\n{end}\n\f" for end in SEED_001_PAGE_ENDS)
    assert pagedrows._page_offset(pages) == 1  # page i (from 0) prints i + 1; two pages end in a value
    monkeypatch.setattr(pagedrows, "PARTIAL_SHARE", 0.0)
    rows = pagedrows._read(SEED_001_TABLE3.split("|"), 3, 1)
    assert rows is not None and len(rows) == 25  # every row of the 2021 table, each all zeros
    assert rows[13] == "2.没有现成信息需要另行制作\t0\t0\t0\t0\t0\t0\t0"
    assert all(row.split("\t")[1:] == ["0"] * 7 for row in rows)
    # without the page numbers dropped, 178 values: no count fits, and only the rows whose own
    # segments are exact are read (7 of 25) — a table is rewritten with the rows read, whatever
    # its count (docs/renderings.md §32), only where at least half are
    partial = pagedrows._read(SEED_001_TABLE3.split("|"), 3, None)
    assert partial is not None and len(partial) == 7
    monkeypatch.setattr(pagedrows, "PARTIAL_SHARE", 0.5)
    assert pagedrows._read(SEED_001_TABLE3.split("|"), 3, None) is None


# synth100/00002 (paged_pdftotext): 6.属于四类过程性信息's total (0) is printed among the label
# pieces further down (``法 ⏎ 0 ⏎ 息``), so the rows from (二) to 6. show one value too few
PAGED_00002_TABLE3 = (
    '申请人情况|法人或其他组织|(本列数据的勾稽关系为:第一项加第|'
    '二项之和,等于第三项加第四项之和)|自|然|人|社|法|商|科|会|律|业|研|公|服|其|企|'
    '机|益|务|他|业|构|组|机|织|构|总|计|一、本年新收政府信息公开申请数量|5|1|0|'
    '0|0|0|6|二、上年结转政府信息公开申请数量|0|0|0|0|0|0|0|'
    '三、本 (一)予以公开|3|1|0|0|0|0|4|年度办 (二)部分公开(区分处理的,|'
    '理结果 只计这一情形,不计其他情|0|0|0|0|0|0|0|0|0|0|0|0|0|0|0|'
    '0|0|0|0|0|0|0|0|0|0|0|0|0|0|0|0|0|0|0|0|0|0|0|0|'
    '0|0|0|形)|(三)|1.属于国家秘密|不予|2.其他法律行政法规|公开|禁止公开|'
    '3.危及“三安全一稳|定”|4.保护第三方合法权|益|5.属于三类内部事务|信息|'
    '打印日期：2025-01-20|—3—|'
    '\x0c杭州市西湖区人民政府门户网站 www.example.gov.cn|申请人情况|'
    '法人或其他组织|(本列数据的勾稽关系为:第一项加第|二项之和,等于第三项加第四项之和)|自|然|'
    '人|6.属于四类过程性信|提供|商|科|会|律|业|研|公|服|其|企|机|益|务|他|业|构|'
    '组|机|织|构|总|计|0|0|0|0|0|0|7.属于行政执法案卷|0|0|0|0|0|0|'
    '0|8.属于行政查询事项|0|0|0|0|0|0|0|1|0|0|0|0|0|1|0|0|0|'
    '0|0|0|0|0|0|0|0|0|0|0|0|0|0|0|0|0|0|0|0|0|0|0|0|'
    '0|0|0|0|0|0|0|0|0|0|0|0|0|0|0|1.本机关不掌握相关|无法|法|0|'
    '息|(四)|社|政府信息|2.没有现成信息需要|另行制作|3.补正后申请内容仍|不明确|(五)|'
    '1.信访举报投诉类申|不予|请|处理|2.重复申请|3.要求提供公开出版|物|'
    '4.无正当理由大量反|复申请|打印日期：2025-01-20|—4—|'
    '\x0c杭州市西湖区人民政府门户网站 www.example.gov.cn|申请人情况|'
    '法人或其他组织|(本列数据的勾稽关系为:第一项加第|二项之和,等于第三项加第四项之和)|自|然|'
    '人|社|法|商|科|会|律|业|研|公|服|其|企|机|益|务|他|业|构|组|机|织|构|总|'
    '计|5.要求行政机关确认|或重新出具已获取信|1|0|0|0|0|0|1|0|0|0|0|0|'
    '0|0|0|0|0|0|0|0|0|0|0|0|0|0|0|0|(七)总计|5|1|0|0|0|'
    '0|6|四、结转下年度继续办理|0|0|0|0|0|0|0|息|1.申请人无正当理由|'
    '逾期不补正、行政机|关不再处理其政府信|(六)|其他|处理|息公开申请|2.申请人逾期未按收|'
    '费通知要求缴纳费|用、行政机关不再处|理其政府信息公开申|请|3.其他|'
    '打印日期：2025-01-20|—5—|'
    '\x0c杭州市西湖区人民政府门户网站 www.example.gov.cn|'
)


def test_rows_left_unread_take_the_one_number_all_values_not_placed_are(monkeypatch):
    rows = pagedrows._read(PAGED_00002_TABLE3.split("|"), 0, None)
    assert rows is not None and len(rows) == 25
    assert rows[3] == "(二)部分公开(区分处理的,只计这一情形,不计其他情形)\t0\t0\t0\t0\t0\t0\t0"
    assert rows[9] == "6.属于四类过程性信息\t0\t0\t0\t0\t0\t0\t0"
    assert rows[12] == "1.本机关不掌握相关政府信息\t1\t0\t0\t0\t0\t0\t1"  # read by its stretch
    monkeypatch.setattr(pagedrows, "_fill_uniform", lambda grid, values: None)
    # the one stray 0 also fills the one segment a value short (pagedrows._lone_stray)
    assert pagedrows._read(PAGED_00002_TABLE3.split("|"), 0, None) == rows
    monkeypatch.setattr(pagedrows, "_lone_stray", lambda *args: None)
    left = pagedrows._read(PAGED_00002_TABLE3.split("|"), 0, None)
    assert left is not None and len(left) == 18  # (二) and 1.–6. of (三) left out
    assert not any(row.startswith("6.属于四类过程性信息") for row in left)


# samples/pdf_pdf_split as pdfminer prints it on paged output (paged_pdfminer): the labels as one
# block, then the values column by column with 自然人 last — one value a line too
PDFMINER_SPLIT_TABLE3 = (
    '（本列数据的勾稽关系为：第一项加第二项之和，等于第三|项加第四项之和）|'
    '一、本年新收政府信息公开申请数量|二、上年结转政府信息公开申请数量|三、本年|（一）予以公开|'
    '度办理结|果|（二）部分公开（区分处理的，只计这一情|形，不计其他情形）|（三）不|予公开|'
    '1.属于国家秘密|2.其他法律行政法规禁止公开|3.危及“三安全一稳定”|'
    '4.保护第三方合法权益|5.属于三类内部事务信息|6.属于四类过程性信息|7.属于行政执法案卷|'
    '8.属于行政查询事项|（四）无|法提供|1.本机关不掌握相关政府信息|'
    '2.没有现成信息需要另行制作|3.补正后申请内容仍不明确|1.信访举报投诉类申请|2.重复申请|'
    '（五）不|3.要求提供公开出版物|予处理|4.无正当理由大量反复申请|'
    '5.要求行政机关确认或重新出具已|获取信息|申请人情况|法人或其他组织|商业|科研|企业|机构|'
    '社会|公益|组织|法律|服务|机构|总|计|其|他|0|0|0|0|0|0|0|0|0|0|0|'
    '0|0|0|0|0|0|0|0|0|0|0|0|0|0|0|0|0|0|0|0|0|0|0|0|'
    '0|0|0|0|0|0|0|0|0|0|0|0|0|0|0|0|0|0|0|0|0|0|0|0|'
    '0|0|0|0|0|0|0|0|0|0|0|0|0|0|0|0|0|0|0|0|0|0|0|0|'
    '0|0|0|0|0|0|0|0|0|0|0|0|0|0|0|0|0|1|0|1|0|0|0|0|'
    '0|0|0|0|0|0|0|0|0|0|0|0|0|自|然|人|1|0|1|0|0|0|0|0|'
    '0|0|0|0|0|0|0|0|0|0|0|0|'
    'http://www.example.gov.cn/zwgk/ndbg/|'
    '\x0c南京市江宁区人民政府政务公开专栏|- 3 -|'
    '（本列数据的勾稽关系为：第一项加第二项之和，等于第三|项加第四项之和）|申请人情况|'
    '法人或其他组织|商业|科研|企业|机构|社会|公益|组织|法律|服务|机构|总|计|其|他|自|'
    '然|人|1.申请人无正当理由逾期不补正、|行政机关不再处理其政府信息公开|0|0|0|申请|'
    '（六）其|他处理|2.申请人逾期未按收费通知要求缴|纳费用、行政机关不再处理其政府|'
    '信息公开申请|3.其他|（七）总计|四、结转下年度继续办理|0|0|1|0|0|0|0|0|0|'
    '0|0|0|0|0|0|0|0|0|0|0|0|0|0|0|0|0|0|0|0|0|1|0|'
)


def test_values_before_any_label_that_read_as_columns_in_another_order_are_not_read(monkeypatch):
    assert pagedrows._read(PDFMINER_SPLIT_TABLE3.split("|"), 0, None) is None
    # without the test, the sparse table's sums hold row by row too — and the rows are wrong:
    # 一、本年新收 is 1 0 0 0 0 0 1, not 0 0 0 0 0 1 1
    monkeypatch.setattr(pagedrows, "_columns_in_another_order", lambda values, n_rows: False)
    rows = pagedrows._read(PDFMINER_SPLIT_TABLE3.split("|"), 0, None)
    assert rows is not None and rows[0] == "一、本年新收政府信息公开申请数量\t0\t0\t0\t0\t0\t1\t1"


def test_a_text_without_page_ends_is_left_to_the_aligner():
    """A web page's cells copied one a line (no form feed: not poppler's pages), with its own
    labels reworded (本年度新收, 上一年度结转: no anchor of the template's): read by the aligner
    as before the rule, not rewritten with those rows left out."""
    from ogi.extract.pagedrows import rejoin_paged_rows

    text = PAGED_00000.replace("\x0c", "").replace("|", "\n")
    assert rejoin_paged_rows(text) is text
    copied = "\n\n".join([
        "三、收到和处理政府信息公开申请情况", "申请人情况", "自然人", "法人或其他组织", "总计", "商业企业", "科研机构",
        "社会公益组织", "法律服务机构", "其他", "一、本年度新收政府信息公开申请数量", "44", "0", "0", "0", "0", "0", "44",
        "二、上一年度结转政府信息公开申请数量", *["0"] * 7, "四、政府信息公开行政复议、行政诉讼情况"])
    assert rejoin_paged_rows(copied) is copied
