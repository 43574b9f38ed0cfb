"""Paged ``pdftotext`` (reading order), ninth session: the page numbering proved on the text
as printed, before ``extract/pagemarks`` takes the page chrome out (``pagedrows.numbering``),
table 四's heading wrapped on a narrow page, and three readings of table 三 (first cells
printed among a repeated header, a stray run of values, a whole short label as anchor). Inputs are cut from the lead's matrix cache
(``paged_pdftotext`` of synthetic 00020 and seed 001, made by the repo's paged PDF and the
real pdftotext); each test pins exact values, and the rule's part is shown by switching it off."""

from __future__ import annotations

import ogi.extract.pagedrows as pagedrows
from ogi import parse
from ogi.extract import pagedtable4

# synthetic 00020 (2019 format), table 二 over pages 0–1: page 0's number (1) printed among
# 行政处罚's values (6 1 -2 0), where the reading order reached the page's foot; pages 1 and 2
# print their numbers (2, 3) as their last lines, which extract/pagemarks takes out
SYNTH_00020 = (
    "偃师区白鹤乡2019年度政府信息公开工作年度报告|二、主动公开政府信息情况|第二十条第(一)项|信息内容|本年新制作数量|"
    "本年新公开数量|对外公开总数量|规章|0|0|5|规范性文件|0|0|6|第二十条第(五)项|信息内容|上一年项目数量|本年增/减|"
    "处理决定数量|行政许可|0|0|0|其他对外管理服务事项|6|-2|189|第二十条第(六)项|信息内容|上一年项目数量|行政处罚|"
    "http://www.example.gov.cn/zwgk/ndbg/|本年增/减|6|1|处理决定数量|-2|0|"
    "\x0c沭阳县人民政府门户网站 www.example.gov.cn|第二十条第(一)项|信息内容|本年新制作数量|行政强制|本年新公开数量|6|"
    "对外公开总数量|-1|21|第二十条第(八)项|信息内容|上一年项目数量|行政事业性收费|本年增/减|0|0|第二十条第(九)项|"
    "信息内容|采购项目数量|政府集中采购|采购总金额|0|23.4711万元|三、收到和处理政府信息公开申请情况|申请人情况|"
    "http://www.example.gov.cn/zwgk/ndbg/|2|"
    "\x0c沭阳县人民政府门户网站 www.example.gov.cn|六、其他需要报告的事项|无。|"
    "http://www.example.gov.cn/zwgk/ndbg/|3|\x0c"
)


def _parse(text: str):
    return parse(text.replace("|", "\n").encode(), name="page.txt")


def _table(report, name: str) -> dict[str, list]:
    return {key: list(cells.values()) for key, cells in (getattr(report, name) or {}).items()}


def test_numbering_is_proved_by_the_bare_page_numbers_pagemarks_took_out():
    printed = SYNTH_00020.replace("|", "\n")
    taken_out = printed.replace("\n2\n\x0c", "\n\n\x0c").replace("\n3\n\x0c", "\n\n\x0c")
    # two pages end in their own number: too few for the text as printed alone (three) …
    assert pagedrows._page_offset(printed) is None
    # … but pagemarks took both out as one running sequence: page i prints i + 1
    assert pagedrows.numbering(taken_out, printed) == (1, frozenset({1, 2}))
    assert pagedrows.numbering(taken_out) == (None, frozenset())  # the text alone proves nothing


def test_a_page_number_among_table2s_values_is_dropped_where_pagemarks_proved_the_numbering(monkeypatch):
    report = _parse(SYNTH_00020)
    assert _table(report, "table2") == {
        "regulations": [0, 0, 5], "normative_documents": [0, 0, 6], "licensing": [0, 0, 0],
        "other_services": [6, -2, 189], "punishment": [6, -2, 0], "coercion": [6, -1, 21],
        "fees": [0, 0], "procurement": [0, 23.4711]}
    # proved on the text with its chrome taken out only, there is no numbering: 6 1 -2 0 is
    # four values for three cells, and table 二 is left to the aligner
    monkeypatch.setattr(pagedrows, "numbering", lambda text, printed=None: (None, frozenset()))
    assert _table(_parse(SYNTH_00020), "table2")["punishment"] == [None, None, None]


def test_a_value_equal_to_its_pages_number_taken_out_at_the_edge_is_a_value(monkeypatch):
    """Page 1 printed its number (2) as its last line, and pagemarks took it out: a 2 among
    page 1's cells is then a cell's value, never the page's number again."""
    printed = SYNTH_00020.replace("|", "\n").replace("本年新公开数量\n6\n", "本年新公开数量\n6\n2\n")
    taken_out = printed.replace("\n2\n\x0c", "\n\n\x0c").replace("\n3\n\x0c", "\n\n\x0c")
    offset, taken = pagedrows.numbering(taken_out, printed)
    assert offset == 1 and 1 in taken
    report = _parse(printed.replace("\n", "|"))
    assert _table(report, "table2")["coercion"] == [None, None, None]  # 6 2 -1 21: four values, left null
    # not knowing page 1's number was taken out, the 2 would be dropped as that number
    monkeypatch.setattr(pagedrows, "numbering", lambda text, printed=None: (1, frozenset()))
    assert _table(_parse(printed.replace("\n", "|")), "table2")["coercion"] == [6, -1, 21]


# seed 001 (2021 format), table 四 on page 6 (numbered 7): the heading wrapped after 行政复议,
# and the page's number printed among the fifteen zeros
SEED_001_TABLE4 = (
    "四、政府信息公开行政复议|行政复议|行政诉讼|未经复议直接起诉|结|结|其|尚|果|果|他|未|总|维|纠|结|审|计|持|正|果|"
    "结|0|0|0|0|0|结|结|其|尚|果|果|他|未|维|纠|结|审|持|正|果|结|0|0|0|0|7|复议后起诉|结|结|其|尚|总|果|果|他|未|"
    "总|计|维|纠|结|审|计|持|正|果|结|0|0|0|0|0|0|\x0c宿迁市人民政府门户网站 www.example.gov.cn|"
    "五、存在的主要问题及改进情况|"
)


def test_table4_under_a_wrapped_heading_with_its_pages_number_among_the_zeros_is_read(monkeypatch):
    pages = "".join(f"第{i}页的正文|{i + 1}|\x0c" for i in range(6))  # pages 0–5 end in i + 1
    text = "某县人民政府2022年政府信息公开工作年度报告|" + pages + SEED_001_TABLE4
    assert pagedtable4._HEADING == "四、政府信息公开行政复议"
    report = _parse(text)
    assert _table(report, "table4") == {
        "review": [0] * 5, "litigation_direct": [0] * 5, "litigation_after_review": [0] * 5}
    # the whole title as the heading: the wrapped one is not found, the 7 is a sixteenth value
    monkeypatch.setattr(pagedtable4, "_HEADING", pagedtable4._SPEC.title)
    assert _table(_parse(text), "table4")["litigation_direct"] == [None] * 5


# table 三's lines (blank lines and page ends dropped) of three synthetic reports; each a
# rule's case: 00070 the repeated header printed among the first rows' first cells
# (``7|0|3|法律|公益|…|0|0|0|0|7|0|0|0|0|0|3``); 00021 二、上年结转's last two zeros printed after
# the displaced labels of 三、本年度办理结果; 00098 (2019 format) (七)总计 printed whole above its values
SYNTH_00070_TABLE3 = (
    '申请人情况|法人或其他组织|(本列数据的勾稽关系为:第一项加第二项之|和,等于第三项加第四项之和)|自|然|人|商|科|业|研|企|机|业|构|社会|法律|公益|服务|组织|机构|其|他|总|计|一、'
    '本年新收政府信息公开申请数量|17|0|0|0|0|0 17|二、上年结转政府信息公开申请数量|3|0|0|0|0|0|3|申请人情况|法人或其他组织|(本列数据的勾稽关系为:第一项加第二项之|自|商'
    '|科|业|研|企|机|业|构|7|0|3|法律|公益|服务|组织|机构|0|0|0|0|7|0|0|0|0|0|3|0|0|0|0|0|0|0|0|0|0|0|0|0|0|3.危及“三安全一稳定”|1'
    '|0|0|0|0|0|1|予公|4.保护第三方合法权益|0|0|0|0|0|0|0|开|5.属于三类内部事务信息|0|0|0|0|0|0|0|6.属于四类过程性信息|1|0|0|0|0|0|1|7.属'
    '于行政执法案卷|0|0|0|0|0|0|0|8.属于行政查询事项|0|0|0|0|0|0|0|2|0|0|0|0|0|2|2|0|0|0|0|0|2|3.补正后申请内容仍不明确|0|0|0|0|0|0'
    '|0|1.信访举报投诉类申请|0|0|0|0|0|0|0|2.重复申请|0|0|0|0|0|0|0|3.要求提供公开出版物|0|0|0|0|0|0|0|4.无正当理由大量反复申请|2|0|0|0|0|'
    '0|2|1|0|0|0|0|0|1|然|人|三、本|(一)予以公开|年度办|(二)部分公开(区分处理的,只计这|理结果|总|社会|和,等于第三项加第四项之和)|一情形,不计其他情形)|1.属于国家秘密'
    '|2.其他法律行政法规禁止公|开|(三)不|1.本机关不掌握相关政府信|(四)无 息|法提|2.没有现成信息需要另行制|供|作|(五)不|予处|理|5.要求行政机关确认或重新|出具已获取信息|其|他|'
    '计|申请人情况|法人或其他组织|(本列数据的勾稽关系为:第一项加第二项之|和,等于第三项加第四项之和)|自|商|科|业|研|企|机|业|构|0|0|1|总|社会|法律|公益|服务|组织|机构|0|0|'
    '0|0|0|0|0|0|0|0|1|0|0|0|0|0|0|0|20|0|0|0|0|0 20|0|0|0|0|0|0|然|人|其|他|计|1.申请人无正当理由逾期不|补正、行政机关不再处理|(六)其'
    '|他处|其政府信息公开申请|2.申请人逾期未按收费通知|要求缴纳费用、行政机关|理|不再处理其政府信息公开|申请|3.其他|(七)总计|四、结转下年度继续办理|0'
)
SYNTH_00021_TABLE3 = (
    '申请人情况|法人或其他组织|(本列数据的勾稽关系为:第一项加第二项之|和,等于第三项加第四项之和)|自然|人|商|科|业|研|企|机|业|构|社会 法律|公益 服务|组织 机构|其 总计|他|一、本年'
    '新收政府信息公开申请数量|4319|0|0|11|0 43 4373|二、上年结转政府信息公开申请数量|0|0|0|0|0|1704|0|0|6|0 20 1730|305|0|0|2|0|2|309'
    '|41|0|0|0|0|1|42|40|0|0|0|0|1|41|3.危及“三安全一稳定”|43|0|0|0|0|0|43|不予|4.保护第三方合法权益|47|0|0|0|0|2|49|公开|5.属于'
    '三类内部事务信息|52|0|0|0|0|1|53|6.属于四类过程性信息|57|0|0|0|0|2|59|7.属于行政执法案卷|31|0|0|0|0|0|31|8.属于行政查询事项|56|0|0|0|'
    '0|0|56|1079|0|0|2|0|7 1088|126|0|0|0|0|0|126|165|0|0|0|0|2|167|三、本|(一)予以公开|年度办|(二)部分公开(区分处理的,只计|理结果|'
    '这一情形,不计其他情形)|1.属于国家秘密|2.其他法律行政法规禁止|公开|(三)|1.本机关不掌握相关政府|(四)|无法|提供|信息|2.没有现成信息需要另行|制作|3.补正后申请内容仍不明|确|打'
    '印日期：2025-01-20|3/5|0|0|申请人情况|法人或其他组织|(本列数据的勾稽关系为:第一项加第二项之|和,等于第三项加第四项之和)|自然|人|商|科|业|研|企|机|业|构|社会 法律|'
    '公益 服务|组织 机构|其 总计|他|1.信访举报投诉类申请|48|0|0|0|0|0|48|2.重复申请|66|0|0|0|0|0|66|(五)|3.要求提供公开出版物|46|0|0|0|0|0|4'
    '6|不予|4.无正当理由大量反复申|54|0|0|0|0|0|54|75|0|0|0|0|0|75|98|0|0|0|0|4|102|91|0|0|0|0|0|91|95|0|0|1|0|1|97|4'
    '319|0|0|11|0 43 4373|0|0|0|0|0|处理|请|5.要求行政机关确认或重|新出具已获取信息|1.申请人无正当理由逾期|不补正、行政机关不再处|(六)|其他|处理|理其政府信息公'
    '开申请|2.申请人逾期未按收费通|知要求缴纳费用、行政机|关不再处理其政府信息公|开申请|3.其他|(七)总计|四、结转下年度继续办理|打印日期：2025-01-20|4/5|0|0'
)
SYNTH_00098_TABLE3 = (
    '申请人情况|(本列数据的勾稽关系为:第一项加第二项之和,等于|第三项加第四项之和)|自然|人|法人或其他组织|商业|科研|社会公|法律服|其|企业|机构|益组织|务机构|他|总|计|一、本年新收政府信'
    '息公开申请数量|0|0|0|0|0|0|0|二、上年结转政府信息公开申请数量|0|0|0|0|0|0|0|三、本年度|(一)予以公开|0|0|0|0|0|0|0|办理结果|(二)部分公开(区分处理的,'
    '只计这一|0|0|0|0|0|0|0|0|0|0|0|0|0|0|0|0|0|0|0|0|0|3.危及“三安全一稳定”|0|0|0|0|0|0|0|4.保护第三方合法权益|0|0|0|0|0|0|0|'
    '5.属于三类内部事务信息|0|0|0|0|0|0|0|6.属于四类过程性信息|0|0|0|0|0|0|0|7.属于行政执法案卷|0|0|0|0|0|0|0|8.属于行政查询事项|0|0|0|0|0|0'
    '|0|0|0|0|0|0|0|0|情形,不计其他情形)|1.属于国家秘密|2.其他法律行政法规禁止|公开|(三)不予|公开|(四)无法 1.本机关不掌握相关政府|提供|信息|申请人情况|(本列数据的勾'
    '稽关系为:第一项加第二项之和,等于|第三项加第四项之和)|自然|法人或其他组织|总|商业|科研|社会公|法律服|其|企业|机构|益组织|务机构|他|0|0|0|0|0|0|0|0|0|0|0|0|0|'
    '0|1.信访举报投诉类申请|0|0|0|0|0|0|0|2.重复申请|0|0|0|0|0|0|0|3.要求提供公开出版物|0|0|0|0|0|0|0|0|0|0|0|0|0|0|0|0|0|0|0|0'
    '|0|(六)其他处理|0|0|0|0|0|0|0|(七)总计|0|0|0|0|0|0|0|2|0|0|0|0|0|2|人|2.没有现成信息需要另行|制作|3.补正后申请内容仍不明|确|(五)不予|处理'
    '|4.无正当理由大量反复申|请|5.要求行政机关确认或重|新出具已获取信息|四、结转下年度继续办理|计'
)


def _rows3(body: str) -> dict[str, list[int]]:
    rows = pagedrows._read(body.split("|"), 0, None) or []
    return {row.split("\t")[0]: [int(v) for v in row.split("\t")[1:]] for row in rows}


def test_first_cells_printed_among_a_repeated_header_are_split_over_the_rows_they_begin(monkeypatch):
    """``7 ⏎ 0 ⏎ 3`` then the header's last pieces, then ``0 0 0 0 7 ⏎ 0 0 0 0 0 3 …``: of the
    splits of 7 0 3 over (一)予以公开 and (二)部分公开, only two cells and one make every row's
    总计 hold (7 0 0 0 0 0 7 and 3 0 0 0 0 0 3); read as printed, 7 0 3 0 0 0 0 fails."""
    rows = _rows3(SYNTH_00070_TABLE3)
    assert len(rows) == 25
    assert rows["(一)予以公开"] == [7, 0, 0, 0, 0, 0, 7]
    assert rows["(二)部分公开(区分处理的,只计这一情形,不计其他情形)"] == [3, 0, 0, 0, 0, 0, 3]
    assert rows["1.属于国家秘密"] == [0] * 7 and rows["(七)总计"] == [20, 0, 0, 0, 0, 0, 20]
    monkeypatch.setattr(pagedrows, "_first_cells_apart", lambda values, at: [])
    assert "(一)予以公开" not in _rows3(SYNTH_00070_TABLE3)


def test_first_cells_apart_are_every_split_over_consecutive_rows():
    values = list(range(21))  # three rows; text printed after the first row's third value
    orders = pagedrows._first_cells_apart(values, 3)
    # 0 1 | 2 (two cells of the first row, one of the second), 0 | 1 2, 0 | 1 | 2
    assert orders == [[0, 3, 4, 5, 6, 7, 8, 1, 9, 10, 11, 12, 13, 14, 2, 15, 16, 17, 18, 19, 20],
                      [0, 3, 4, 5, 6, 7, 8, 1, 2, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20],
                      [0, 1, 3, 4, 5, 6, 7, 2, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20]]
    assert pagedrows._compositions(3) == [(1, 1, 1), (1, 2), (2, 1), (3,)]


def test_a_line_printed_across_two_rows_is_read_only_where_a_split_puts_it_in_one():
    """``15 ⏎ 0 ⏎ 3`` then ``0 ⏎ 0 ⏎ 0 ⏎ 0 15`` (one line) and ``0 0 0 0 0 3``: as printed the line
    ``0 15`` holds the first row's seventh value and the second's first; split 2 + 1, it is
    the first row's last two cells."""
    items = [("15", [15]), ("0", [0]), ("3", [3]), ("法律", []), ("0", [0]), ("0", [0]), ("0", [0]),
             ("0 15", [0, 15])] + [("0", [0])] * 5 + [("3", [3])]
    assert pagedrows._segment(items, 2) == [[[15, 0, 0, 0, 0, 0, 15], [3, 0, 0, 0, 0, 0, 3]]]


def test_a_stray_run_goes_back_to_the_one_segment_short_by_its_values(monkeypatch):
    """二、上年结转 prints five zeros, then (一)予以公开's 1704 …; its last two zeros come a page
    on, alone between label pieces: the segment they sit in is exact without them, the
    one from 二、上年结转 short by two — tried in every place there, only after the fifth
    zero do all the rows' sums hold."""
    rows = _rows3(SYNTH_00021_TABLE3)
    assert len(rows) == 25
    assert rows["二、上年结转政府信息公开申请数量"] == [0] * 7
    assert rows["(一)予以公开"] == [1704, 0, 0, 6, 0, 20, 1730]
    assert rows["2.其他法律行政法规禁止公开"] == [40, 0, 0, 0, 0, 1, 41]
    monkeypatch.setattr(pagedrows, "MAX_STRAY_RUN", 1)
    assert "(一)予以公开" not in _rows3(SYNTH_00021_TABLE3)


def test_a_whole_short_label_anchors_its_row_only_in_the_templates_order(monkeypatch):
    """2019's (六)其他处理 and (七)总计: ``(七)总计`` is three key characters, too short for a
    label's piece, but printed whole right above its values, between the anchors around it,
    it anchors (七)总计 — (六)其他处理's seven zeros are then a stretch of their own."""
    rows = _rows3(SYNTH_00098_TABLE3)
    assert rows["(六)其他处理"] == [0] * 7
    monkeypatch.setattr(pagedrows, "_short_anchors", lambda spec, items, anchors: anchors)
    assert "(六)其他处理" not in _rows3(SYNTH_00098_TABLE3)


# synthetic 00030: (二)部分公开's stretch two values short, two zeros printed alone among the
# labels of (四)无法提供, in a segment exact without them
SYNTH_00030_TABLE3 = (
    '申请人情况|法人或其他组织|(本列数据的勾稽关系为:第一项加第|二项之和,等于第三项加第四项之和)|自|然|人|社|法|商|科|会|律|业|研|公|服|其|企|机|益|务|他|业|构|组|机|织|构|'
    '总|计|一、本年新收政府信息公开申请数量|23|0|0|0|1|0 24|二、上年结转政府信息公开申请数量|0|0|0|0|0|0|0|三、本 (一)予以公开|8|0|0|0|0|0|8|年度办 (二'
    ')部分公开(区分处理的,|理结果 只计这一情形,不计其他情|4|0|0|0|0|0|4|1|0|0|0|0|0|1|0|0|0|0|0|0|0|形)|(三)|1.属于国家秘密|不予|2.其他法律行政法'
    '规|公开|禁止公开|申请人情况|法人或其他组织|(本列数据的勾稽关系为:第一项加第|二项之和,等于第三项加第四项之和)|自|然|人|3.危及“三安全一稳|科|会|律|业|研|公|服|其|企|机|益|务'
    '|他|业|构|组|机|织|构|总|计|0|0|0|0|0|1|0|0|0|0|0|1|0|0|0|0|0|0|0|1|0|0|0|0|0|1|7.属于行政执法案卷|0|0|0|0|0|0|0|8.属于'
    '行政查询事项|0|0|0|0|0|0|0|4|0|0|0|1|0|5|2|0|0|0|0|0|2|1|0|0|0|0|0|1|益|5.属于三类内部事务|信息|6.属于四类过程性信|息|1.本机关不掌握'
    '相关|提供|商|0|4.保护第三方合法权|无法|法|0|定”|(四)|社|政府信息|2.没有现成信息需要|另行制作|3.补正后申请内容仍|不明确|申请人情况|法人或其他组织|(本列数据的勾稽关系为:第'
    '一项加第|二项之和,等于第三项加第四项之和)|自|然|人|1.信访举报投诉类申|请|2.重复申请|(五)|不予|处理|3.要求提供公开出版|物|4.无正当理由大量反|复申请|社|法|商|科|会|律|业'
    '|研|公|服|其|企|机|益|务|他|业|构|组|机|织|构|总|计|0|0|0|0|0|0|0|0|0|0|0|0|0|0|0|0|0|0|0|0|0|0|0|0|0|0|0|0|0|0|0|0|0'
    '|0|0|0|0|0|0|0|0|0|1|0|0|0|0|0|1|5.要求行政机关确认|或重新出具已获取信|息|(六)|1.申请人无正当理由|其他|逾期不补正、行政机|处理|关不再处理其政府信|息公开'
    '申请|2.申请人逾期未按收|费通知要求缴纳费|用、行政机关不再处|理其政府信息公开申|请|申请人情况|法人或其他组织|(本列数据的勾稽关系为:第一项加第|自|二项之和,等于第三项加第四项之和)|然|人'
    '|3.其他|社|法|商|科|会|律|业|研|公|服|其|企|机|益|务|他|业|构|组|机|织|构|总|计|0|0|0|0|0|0|0|(七)总计|23|0|0|0|1|0 24|四、结转下年度继续办'
    '理|0|0|0|0|0|0|0'
)


def test_two_strays_go_back_to_the_one_segment_short_by_two(monkeypatch):
    rows = _rows3(SYNTH_00030_TABLE3)
    assert len(rows) == 25
    assert rows["(二)部分公开(区分处理的,只计这一情形,不计其他情形)"] == [4, 0, 0, 0, 0, 0, 4]
    assert rows["4.保护第三方合法权益"] == [1, 0, 0, 0, 0, 0, 1]
    monkeypatch.setattr(pagedrows, "MAX_LONE_STRAYS", 1)
    assert "4.保护第三方合法权益" not in _rows3(SYNTH_00030_TABLE3)
