"""Paged ``pdftotext`` (reading order), tenth session (docs/renderings.md §22): an order other
than the printed one is weighed only where it keeps every printed line of several values in
one row; a row label printed without its numbering, or as a variant the template lists,
anchors its row; table 二's two rows before their values read where by column a value would
not suit its cell (``tests/test_pagedtables.py``). Inputs are cut from the lead's matrix cache
(``paged_pdftotext`` of synthetic 00064 and 00079, made by the repo's paged PDF and the real
pdftotext); each test pins exact values, and the rule's part is shown by switching it off."""

from __future__ import annotations

import ogi.extract.pagedrows as pagedrows

# synthetic 00064 (2021 format), table 三's lines: 一、本年新收's label printed before the
# header's pieces, its values after them (``190 ⏎ 0 ⏎ 0 ⏎ 0 ⏎ 0 ⏎ 0 190``), then 二、上年结转's seven
# zeros, its label displaced after the page's rows: no anchor before (一)予以公开
SYNTH_00064_TABLE3 = (
    "申请人情况|法人或其他组织|(本列数据的勾稽关系为:第一项加第|二项之和,等于第三项加第四项之和)|自|然|人|一、本年新收政府信息公开申请数|社|法|商|科|"
    "会|律|业|研|公|服|其|企|机|益|务|他|业|构|组|机|织|构|总|计|190|0|0|0|0|0 190|0|0|0|0|0|0|0|三、本 (一)予"
    "以公开|83|0|0|0|0|0|83|年度办 (二)部分公开(区分处理的,|理结果 只计这一情形,不计其他情|22|0|0|0|0|0|22|0|0|0|0|"
    "0|0|0|5|0|0|0|0|0|5|2|0|0|0|0|0|2|1|0|0|0|0|0|1|量|二、上年结转政府信息公开申请数|量|形)|(三)|1.属于国"
    "家秘密|不予|2.其他法律行政法|公开|规禁止公开|3.危及“三安全一|稳定”|4.保护第三方合法|权益|打印日期：2024-01-15|\x0c夷陵区发展和改革局|"
    "4|申请人情况|法人或其他组织|(本列数据的勾稽关系为:第一项加第|二项之和,等于第三项加第四项之和)|自|然|人|5.属于三类内部事|务信息|6.属于四类过程"
    "性|信息|7.属于行政执法案|卷|8.属于行政查询事|项|1.本机关不掌握相|(四)|无法|提供|关政府信息|2.没有现成信息需|要另行制作|3.补正后申请内容"
    "|仍不明确|(五)|1.信访举报投诉类|不予|申请|处理|2.重复申请|打印日期：2024-01-15|社|法|商|科|会|律|业|研|公|服|其|企|机|益|"
    "务|他|业|构|组|机|织|构|总|计|2|0|0|0|0|0|2|2|0|0|0|0|0|2|2|0|0|0|0|0|2|5|0|0|0|0|0|5|31|0"
    "|0|0|0|0|31|2|0|0|0|0|0|2|4|0|0|0|0|0|4|2|0|0|0|0|0|2|3|0|0|0|0|0|3|\x0c夷陵区发展和改革局|5"
    "|申请人情况|法人或其他组织|(本列数据的勾稽关系为:第一项加第|二项之和,等于第三项加第四项之和)|自|然|人|3.要求提供公开出|版物|4.无正当理由大量|"
    "反复申请|社|法|商|科|会|律|业|研|公|服|其|企|机|益|务|他|业|构|组|机|织|构|总|计|6|0|0|0|0|0|6|2|0|0|0|0|0|2"
    "|4|0|0|0|0|0|4|4|0|0|0|0|0|4|5|0|0|0|0|0|5|3|0|0|0|0|0|3|190|0|0|0|0|0 190|5.要求行"
    "政机关确|认或重新出具已获|取信息|1.申请人无正当理|由逾期不补正、行|政机关不再处理其|(六)|其他|处理|政府信息公开申请|2.申请人逾期未按|收费通知要"
    "求缴纳|费用、行政机关不|再处理其政府信息|公开申请|3.其他|(七)总计|打印日期：2024-01-15|\x0c夷陵区发展和改革局|6|申请人情况|法人或其他组织"
    "|(本列数据的勾稽关系为:第一项加第|自|二项之和,等于第三项加第四项之和)|然|人|四、结转下年度继续办理|0|社|法|商|科|会|律|业|研|公|服|其|企"
    "|机|益|务|他|业|构|组|机|织|构|0|0|0|0|0|总|计|0"
)
# synthetic 00079 (2019 format, the template's label variants): labels printed without their
# numbering (``上年结转政府信息公开申请数量``, ``本年度 ⏎ (一)予以公开``), the values 177 (two too many)
SYNTH_00079_TABLE3 = (
    "申请人 情况|（本列数据的勾稽关系为：第一项加第二项之|和，等于第三项加第四项之和）|自然|法人或 其他组织|商业|科研|社会 公|法律服|其 总计|企业|机构"
    "|益组织|务机构|他|1177|0|0|0|143|上年结转政府信息公开申请数量|10|0|0|0|0|0|10|本年度|(一)予以公开|539|0|0|0|7"
    "2|0|611|办理结|（二）部分公开（区分处理的，只计这|121|0|0|0|16|0|137|7|0|0|0|3|0|10|11|0|0|0|1|0|12|"
    "3.危及“三安全一稳定”|10|0|0|0|1|0|11|4.保护第三方合法权益|14|0|0|0|1|0|15|5.属于三类内部事务信息|10|0|0|0|2"
    "|0|12|6.属于四类过程性信息|13|0|0|0|3|0|16|7.属于行政执法案卷|12|0|0|0|1|0|13|8.属于行政查询事项|11|0|0|0"
    "|0|0|11|247|0|0|0|28|0|275|一、本年新收政府信息公开申请数量|果|人|一情形，不计其他情形）|1.属于国家秘密|2.其他法律行政法规禁"
    "止|公开|不予公开|（四）无法 1.本机关不掌握相关政府|提供|打印日期：2025-01-20|信息|2/4|0 1320|\x0c成都市人民政府信息公开|申请人 情"
    "况|（本列数据的勾稽关系为：第一项加第二项之|和，等于第三项加第四项之和）|自然|商业|科研|社会 公|法律服|其 总计|企业|机构|益组织|务机构|他|47|"
    "0|0|0|3|0|50|30|0|0|0|4|0|34|1.信访举报投诉类申请|24|0|0|0|1|0|25|2.重复申请|20|0|0|0|1|0|21|"
    "3.要求提供公开出版物|19|0|0|0|1|0|20|25|0|0|0|1|0|26|11|0|0|0|1|0|12|16|0|0|0|3|0|19|1187"
    "|0|0|0|143|0|0|0|0|0|人|2.没有现成信息需要另行|制作|3.补正后申请内容仍不明|确|(五)不予处|4.无正当理由大量反复申|理|法人或 "
    "其他组织|请|5.要求行政机关确认或重|新出具已获取信息|(六)其他处理|(七)总计|四、结转下年度继续办理|0 1330|0|0"
)


def _rows3(body: str) -> dict[str, list[int]]:
    rows = pagedrows._read(body.split("|"), 0, None) or []
    return {row.split("\t")[0]: [int(v) for v in row.split("\t")[1:]] for row in rows}


def test_a_line_of_two_values_rules_out_the_columns_before_the_first_anchor():
    """The two rows before the first anchor, read as seven columns of two printed one after
    another, have a column (190 0) that is the sum of the others — as good a reading as row
    by row, so they were refused. But the line ``0 190`` is one baseline: two cells of one
    row, which no column order keeps together. Row by row is the one order left."""
    rows = _rows3(SYNTH_00064_TABLE3)
    assert len(rows) == 25
    assert rows["一、本年新收政府信息公开申请数量"] == [190, 0, 0, 0, 0, 0, 190]
    assert rows["二、上年结转政府信息公开申请数量"] == [0] * 7
    assert rows["(七)总计"] == [190, 0, 0, 0, 0, 0, 190]
    split = SYNTH_00064_TABLE3.replace("|0 190|", "|0|190|")  # the same values one a line
    assert split != SYNTH_00064_TABLE3
    assert "一、本年新收政府信息公开申请数量" not in _rows3(split)


def test_the_columns_are_weighed_where_every_line_holds_one_value():
    items = [("190", [190])] + [("0", [0])] * 5 + [("190", [190])] + [("0", [0])] * 7
    assert pagedrows._segment(items, 2, anchored=False) == []  # (190 0) as a column: refused
    joined = items[:5] + [("0 190", [0, 190])] + items[7:]
    assert pagedrows._segment(joined, 2, anchored=False) == [[[190, 0, 0, 0, 0, 0, 190], [0] * 7]]


def test_an_order_that_splits_a_printed_line_over_two_rows_is_not_weighed():
    """Two anchored rows one value a line, 0 1 0 0 0 0 1 · 1 0 2 0 2 1 6: read column by column
    (0 0 0 1 0 0 1 · 1 0 0 1 2 2 6) every row's 总计 holds too — two readings, none taken. Where
    ``1 6`` is one printed line, the columns would put its values in two rows: one reading."""
    values = [0, 1, 0, 0, 0, 0, 1, 1, 0, 2, 0, 2, 1, 6]
    one_a_line = [(str(v), [v]) for v in values]
    assert pagedrows._segment(one_a_line, 2) == [[values[:7], values[7:]],
                                                 [[0, 0, 0, 1, 0, 0, 1], [1, 0, 0, 1, 2, 2, 6]]]
    joined = one_a_line[:12] + [("1 6", [1, 6])]
    assert pagedrows._segment(joined, 2) == [[values[:7], values[7:]]]


def test_a_label_without_its_numbering_or_a_listed_variant_names_its_row():
    spec = pagedrows._SPECS[1]  # 2019
    assert pagedrows._row_of(spec, ["上年结转政府信息公开申请数量"]) == 1
    assert pagedrows._row_of(spec, ["本年度", "(一)予以公开"]) == 2
    assert pagedrows._row_of(spec, ["三、本 予以公开"]) == 2  # a group's piece on the label's line
    assert pagedrows._row_of(spec, ["2.其他法律法规禁止公开"]) == 5  # a typo the template lists
    assert pagedrows._row_of(spec, ["重复"]) is None  # too short to name a row
    assert pagedrows._row_of(spec, ["其他处理"]) == 20  # 2019's (六)其他处理, a row of its own
    assert pagedrows._row_of(pagedrows._SPECS[0], ["其他处理"]) is None  # 2021's: a group


def test_rows_printed_under_the_templates_label_variants_are_anchored(monkeypatch):
    """Half the rows (12 of 23) are read from anchors the labels without numbering give; the
    values are two more than the table's, so the rest is left out (ROW_MISSING). With only the
    template's own labels as anchors, too few rows are read and the table is left as printed."""
    rows = _rows3(SYNTH_00079_TABLE3)
    assert len(rows) == 17  # 12, and since §27 five more: 一、本年新收's ``0 1320`` moved (below)
    assert rows["二、上年结转政府信息公开申请数量"] == [10, 0, 0, 0, 0, 0, 10]
    assert rows["(一)予以公开"] == [539, 0, 0, 0, 72, 0, 611]
    assert rows["2.重复申请"] == [20, 0, 0, 0, 1, 0, 21]
    with monkeypatch.context() as patch:
        patch.setattr(pagedrows, "_moved_value", lambda spec, items, bounds, grid: None)
        assert len(_rows3(SYNTH_00079_TABLE3)) == 14  # and since §32 two read page by page
        patch.setattr(pagedrows, "_read_by_pages", lambda items, pages, bounds, grid: None)
        assert len(_rows3(SYNTH_00079_TABLE3)) == 12
    monkeypatch.setattr(pagedrows, "_printed_keys", lambda spec: tuple((k,) for k in pagedrows._label_keys(spec)))
    assert len(_rows3(SYNTH_00079_TABLE3)) == 17  # the moved piece reads the first two rows as one segment
    monkeypatch.setattr(pagedrows, "_moved_value", lambda spec, items, bounds, grid: None)
    assert len(_rows3(SYNTH_00079_TABLE3)) == 13  # since §32, read page by page
    monkeypatch.setattr(pagedrows, "_read_by_pages", lambda items, pages, bounds, grid: None)
    assert _rows3(SYNTH_00079_TABLE3) == {}


def test_a_moved_line_of_two_values_goes_back_to_the_one_segment_two_short():
    """docs/renderings.md §27: 一、本年新收's last two cells, one printed line ``0 1320``, were
    printed a page on among the displaced labels, in the segment of 8.属于行政查询事项 and the
    three rows after it (two values long); the rows before the first anchor are two short. Only
    after ``143`` does the row's 总计 hold."""
    rows = _rows3(SYNTH_00079_TABLE3)
    assert rows["一、本年新收政府信息公开申请数量"] == [1177, 0, 0, 0, 143, 0, 1320]
    assert rows["8.属于行政查询事项"] == [11, 0, 0, 0, 0, 0, 11]
    assert rows["1.本机关不掌握相关政府信息"] == [247, 0, 0, 0, 28, 0, 275]
    assert rows["3.补正后申请内容仍不明确"] == [30, 0, 0, 0, 4, 0, 34]
    assert "(七)总计" not in rows  # its segment and the next are 3 apart, one printed line across two rows
