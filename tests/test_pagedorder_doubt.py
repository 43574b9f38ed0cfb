"""Paged ``pdftotext`` (reading order), eleventh session (docs/renderings.md §27): a row of
table 三 read through an order — not printed whole, its seven values one after another — is left
out where a column identity it is a term of fails on the rows read and its applicant values are
not one number: the row sums cannot tell the column order poppler printed its values in. Input
cut from the unseen corpus's ``paged_pdftotext`` (``ogi synth 60 --formats html --seed 20261203``,
report 00057, made by the repo's paged PDF and the real pdftotext); each test pins exact values,
and the rule's part is shown by switching it off."""

from __future__ import annotations

import ogi.extract.pagedrows as pagedrows

# table 三's lines of synthetic 00057 (2021 format): the last row alone on the last page, its
# label printed among the repeated header's characters, six values after them, the header's
# ``总 ⏎ 计``, then its total — ``0 0 1 0 0 0 … 1`` for 1 0 0 0 0 0 1 (the row's 总计 holds in
# any order of the six)
SYNTH_00057_TABLE3 = (
    '申请人情况|法人或其他组织|(本列数据的勾稽关系为:第一项加第|二项之和,等于第三项加第四项之和)|自|然|人|社|法|商|科|会|律|业|研|公|服|其|企|机|益|务|他|业|构|组|机|织|构|'
    '总|计|一、本年新收政府信息公开申请数量|19|0|0|0|0|0 19|二、上年结转政府信息公开申请数量|1|0|0|0|0|0|1|三、本 (一)予以公开|9|0|0|0|0|0|9|年度办 (二'
    ')部分公开(区分处理的,|理结果 只计这一情形,不计其他情|4|0|0|0|0|0|4|0|0|0|0|0|0|0|0|0|0|0|0|0|0|0|0|0|0|0|0|0|形)|(三)|1.属于国家秘'
    '密|不予|2.其他法律行政法规|公开|禁止公开|3.危及“三安全一稳|定”|申请人情况|法人或其他组织|(本列数据的勾稽关系为:第一项加第|二项之和,等于第三项加第四项之和)|自|然|人|4.保护第三'
    '方合法权|科|会|律|业|研|公|服|其|企|机|益|务|他|业|构|组|机|织|构|总|计|0|0|0|0|0|0|0|0|0|0|0|0|0|0|0|0|0|0|0|7.属于行政执法案卷|0|0|'
    '0|0|0|0|0|8.属于行政查询事项|0|0|0|0|0|0|0|4|0|0|0|0|0|4|0|0|0|0|0|0|0|1|0|0|0|0|0|1|1|0|0|0|0|0|1|0|0|0|0|0'
    '|0|0|信息|6.属于四类过程性信|息|1.本机关不掌握相关|提供|商|0|5.属于三类内部事务|无法|法|0|益|(四)|社|政府信息|2.没有现成信息需要|另行制作|3.补正后申请内容仍|不明确'
    '|(五)|1.信访举报投诉类申|不予|请|处理|2.重复申请|申请人情况|法人或其他组织|(本列数据的勾稽关系为:第一项加第|二项之和,等于第三项加第四项之和)|自|然|人|3.要求提供公开出版|物|'
    '4.无正当理由大量反|复申请|社|法|商|科|会|律|业|研|公|服|其|企|机|益|务|他|业|构|组|机|织|构|总|计|0|0|0|0|0|0|0|0|0|0|0|0|0|0|0|0|0|0|0'
    '|0|0|0|0|0|0|0|0|0|0|0|0|0|0|0|0|0|0|0|0|0|0|0|19|0|0|0|0|0 19|5.要求行政机关确认|或重新出具已获取信|息|1.申请人无正当理由|逾期不'
    '补正、行政机|关不再处理其政府信|(六)|其他|处理|息公开申请|2.申请人逾期未按收|费通知要求缴纳费|用、行政机关不再处|理其政府信息公开申|请|3.其他|(七)总计|申请人情况|法人或其他组织|'
    '(本列数据的勾稽关系为:第一项加第|自|二项之和,等于第三项加第四项之和)|然|人|四、结转下年度继续办理|社|法|商|科|会|律|业|研|公|服|其|企|机|益|务|他|业|构|组|机|织|构|0|'
    '0|1|0|0|0|总|计|1'
)

# synthetic 00033 (2021 format, its own balance broken: 一+二 = 429 ≠ (七)+四 = 439): 二、上年结转's
# last two zeros printed after the displaced labels of its page, under ``3.补正后申请内容仍不明``
# (its own row printed a page before) — a label right above a stray run
SYNTH_00033_TABLE3 = (
    '申请人情况|法人或其他组织|(本列数据的勾稽关系为:第一项加第二项之|和,等于第三项加第四项之和)|自然|人|商|科|业|研|企|机|业|构|社会 法律|公益 服务|组织 机构|其|他|总|计|一、本'
    '年新收政府信息公开申请数量|429|0|0|0|0 42 471|二、上年结转政府信息公开申请数量|0|0|0|0|0|233|0|0|0|0 20 253|32|0|0|0|0|3|35|3|0|0'
    '|0|0|0|3|5|0|0|0|0|0|5|3.危及“三安全一稳定”|3|0|0|0|0|0|3|予公|4.保护第三方合法权益|3|0|0|0|0|1|4|开|5.属于三类内部事务信息|4|0|0|'
    '0|0|0|4|6.属于四类过程性信息|5|0|0|0|0|0|5|7.属于行政执法案卷|4|0|0|0|0|1|5|8.属于行政查询事项|3|0|0|0|0|0|3|59|0|0|0|0|11|70'
    '|11|0|0|0|0|2|13|13|0|0|0|0|1|14|三、本|(一)予以公开|年度办|(二)部分公开(区分处理的,只计这|理结果|一情形,不计其他情形)|1.属于国家秘密|2.其他法律行政'
    '法规禁止|公开|(三)不|1.本机关不掌握相关政府|(四)无|法提|供|信息|2.没有现成信息需要另行|制作|3.补正后申请内容仍不明|确|0|0|申请人情况|法人或其他组织|(本列数据的勾稽关系为:'
    '第一项加第二项之|和,等于第三项加第四项之和)|理|人|商|科|业|研|企|机|业|构|社会 法律|公益 服务|组织 机构|其|他|总|计|1.信访举报投诉类申请|4|0|0|0|0|0|4|2.重复'
    '申请|5|0|0|0|0|0|5|8|0|0|0|0|0|8|4|0|0|0|0|1|5|6|0|0|0|0|0|6|8|0|0|0|0|0|8|8|0|0|0|0|0|8|8|0|0|0|0|1|9'
    '|429|0|0|0|0 41 470|10|0|0|0|0|(五)不 3.要求提供公开出版物|予处|自然|4.无正当理由大量反复申|请|5.要求行政机关确认或重|新出具已获取信息|1.申请人无正当理'
    '由逾期|不补正、行政机关不再处|(六)其|他处|理|理其政府信息公开申请|2.申请人逾期未按收费通|知要求缴纳费用、行政机|关不再处理其政府信息公|开申请|3.其他|(七)总计|四、结转下年度继续办理'
    '|1|11'
)

# samples' html_gbk printed on narrow pages (2021 format): 二、上年结转's seventh ``0`` printed
# among the values after (二)部分公开's label — its segment one value short, that one one long
SAMPLE_HTML_GBK_TABLE3 = (
    '申请人情况|法人或其他组织|(本列数据的勾稽关系为:第一项加第|二项之和,等于第三项加第四项之和)|自|然|人|社|法|商|科|会|律|业|研|公|服|其|企|机|益|务|他|业|构|组|机|织|构|'
    '总|计|一、本年新收政府信息公开申请数量|21|0|0|0|0|0 21|二、上年结转政府信息公开申请数量|0|0|0|0|0|0|三、本 (一)予以公开|11|0|0|0|0|0 11|年度办 (二'
    ')部分公开(区分处理的,|理结果 只计这一情形,不计其他情|2|0|0|0|0|0|2|1|0|0|0|0|0|1|0|0|0|0|0|0|0|0|0|0|0|0|0|0|0|0|0|0|0|0|0|'
    '0|0|0|0|0|0|0|0|0|0|0|0|0|0|0|形)|(三)|1.属于国家秘密|不予|2.其他法律行政法规|公开|禁止公开|3.危及“三安全一稳|定”|4.保护第三方合法权|益|5.属于三'
    '类内部事务|信息|申请人情况|法人或其他组织|(本列数据的勾稽关系为:第一项加第|二项之和,等于第三项加第四项之和)|自|然|人|社|法|商|科|会|律|业|研|公|服|其|企|机|益|务|他|业|构'
    '|组|机|织|构|总|计|6.属于四类过程性信|息|7.属于行政执法案卷|0|0|0|0|0|0|0|8.属于行政查询事项|0|0|0|0|0|0|0|3|0|0|0|0|0|3|0|0|0|0|0|'
    '0|0|0|0|0|0|0|0|0|2|0|0|0|0|0|2|0|0|0|0|0|0|0|0|0|0|0|0|0|0|0|0|0|0|0|0|0|1|0|0|0|0|0|1|1.本机关不掌握相关|('
    '四)|无法|提供|政府信息|2.没有现成信息需要|另行制作|3.补正后申请内容仍|不明确|1.信访举报投诉类申|请|(五)|不予|处理|2.重复申请|3.要求提供公开出版|物|4.无正当理由大量反|复'
    '申请|申请人情况|法人或其他组织|(本列数据的勾稽关系为:第一项加第|二项之和,等于第三项加第四项之和)|自|然|人|社|法|商|科|会|律|业|研|公|服|其|企|机|益|务|他|业|构|组|机|织'
    '|构|总|计|5.要求行政机关确认|或重新出具已获取信|息|1.申请人无正当理由|逾期不补正、行政机|0|0|0|0|0|0|0|0|0|0|0|0|0|0|1|0|0|0|0|0|1|(七)总计|2'
    '1|0|0|0|0|0 21|四、结转下年度继续办理|0|0|0|0|0|0|关不再处理其政府信|(六)|其他|处理|息公开申请|2.申请人逾期未按收|费通知要求缴纳费|用、行政机关不再处|理其政府信'
    '息公开申|请|3.其他|0'
)

# peer 洪泽区 2024 (a real report, 2019 format): 二、上年结转 printed with six zeros, a seventh among
# the next rows' values before the page break — or is it 2.没有现成信息's first cell?
PEER_HONGZE_2024_TABLE3 = (
    '申请人情况|（本列数据的勾稽关系为：第一项加第二|项之和，等于第三项加第四项之和）|法人或其他组织|自|然|人|商业 科研|企业 机构|社会|法律|公益|服务|组织|机构|其|他|总|计|一、本年新收'
    '政府信息公开申请数量|95|0|0|0|0|0 95|二、上年结转政府信息公开申请数量|0|0|0|0|0|0|三、本年 （一）予以公开|50|0|0|0|0|0 50|度办理结 （二）部分公开（区分'
    '处理|果|的，只计这一情形，不计其他|9|0|0|0|0|0|9|0|0|0|0|0|0|0|0|0|0|0|0|0|0|1|0|0|0|0|0|1|0|0|0|0|0|0|0|0|0|0|0|0|0'
    '|0|1|0|0|0|0|0|1|1|0|0|0|0|0|1|0|0|0|0|0|0|0|31|0|0|0|0|0|31|0|情形）|1.属于国家秘密|2.其他法律行政法|规禁止公开|3.危及“三安全'
    '一|稳定”|4.保护第三方合法|（三）不|予公开|权益|5.属于三类内部事|务信息|6.属于四类过程性|信息|7.属于行政执法案|卷|8.属于行政查询事|项|（四）无|1.本机关不掌握相|法提供|关政'
    '府信息|3|申请人情况|（本列数据的勾稽关系为：第一项加第二|项之和，等于第三项加第四项之和）|法人或其他组织|自|然|人|2.没有现成信息需|商业 科研|企业 机构|社会|法律|公益|服务|组织|机'
    '构|其|他|总|计|1|0|0|0|0|0|1|0|0|0|0|0|0|0|1|0|0|0|0|0|1|0|0|0|0|0|0|0|0|0|0|0|0|0|0|0|0|0|0|0|0|0|0|0|0|'
    '0|0|0|0|（六）其他处理|0|0|0|0|0|0|0|（七）总计|95|0|0|0|0|0 95|0|0|0|0|0|0|要另行制作|3.补正后申请内容|仍不明确|1.信访举报投诉类|申请|2.'
    '重复申请|3.要求提供公开出|（五）不|版物|予处理|4.无正当理由大量|反复申请|5.要求行政机关确|认或重新出具已获|取信息|四、结转下年度继续办理|0'
)


def _rows3(body: str) -> dict[str, list[int]]:
    rows = pagedrows._read(body.split("|"), 0, None) or []
    return {row.split("\t")[0]: [int(v) for v in row.split("\t")[1:]] for row in rows}


def test_a_row_read_through_the_header_is_left_out_where_the_balance_fails():
    rows = _rows3(SYNTH_00057_TABLE3)
    assert "四、结转下年度继续办理" not in rows  # ROW_MISSING: null with a finding
    assert len(rows) == 24
    assert rows["一、本年新收政府信息公开申请数量"] == [19, 0, 0, 0, 0, 0, 19]
    assert rows["二、上年结转政府信息公开申请数量"] == [1, 0, 0, 0, 0, 0, 1]
    assert rows["(七)总计"] == [19, 0, 0, 0, 0, 0, 19]


def test_without_the_rule_the_row_reads_in_the_printed_column_order(monkeypatch):
    monkeypatch.setattr(pagedrows, "_drop_doubtful", lambda spec, grid, whole: None)
    rows = _rows3(SYNTH_00057_TABLE3)
    assert rows["四、结转下年度继续办理"] == [0, 0, 1, 0, 0, 0, 1]  # the silent wrong number


def test_printed_whole_rows_are_those_read_as_printed_with_no_text_among_them():
    items = [("一、本年新收", []), ("5", [5]), ("0 0", [0, 0]), ("0", [0]), ("0", [0]), ("0", [0]), ("5", [5]),
             ("四、结转", []), ("0", [0]), ("0", [0]), ("1", [1]), ("0", [0]), ("0", [0]), ("0", [0]),
             ("总", []), ("计", []), ("1", [1])]
    reading = [[5, 0, 0, 0, 0, 0, 5], [0, 0, 1, 0, 0, 0, 1]]
    assert pagedrows._printed_whole(items, reading) == [0]
    assert pagedrows._printed_whole(items, [[0, 0, 0, 0, 0, 5, 5], [0, 0, 1, 0, 0, 0, 1]]) == []


def test_a_doubtful_row_of_one_applicant_number_stays():
    spec = pagedrows._SPECS[0]
    keys = [row.key for row in spec.rows]
    grid: list[list[int] | None] = [[0] * 7 for _ in keys]
    grid[keys.index("total")] = [1, 1, 1, 1, 1, 1, 6]
    # 一+二 = 0 ≠ (七)+四 = 1 in every column, and (七) ≠ the outcomes' sum: the report's own
    # sums, or rows out of order — but no order of one number changes a row
    before = [list(cells) if cells else None for cells in grid]
    pagedrows._drop_doubtful(spec, grid, whole=set())
    assert grid == before
    grid[keys.index("total")] = [1, 0, 0, 0, 0, 0, 1]
    grid[keys.index("carried_forward")] = [0, 0, 0, 1, 0, 0, 1]
    pagedrows._drop_doubtful(spec, grid, whole={keys.index("total")})
    assert grid[keys.index("carried_forward")] is None  # read by an order, 0 0 0 1 0 0 are not one number
    assert grid[keys.index("total")] == [1, 0, 0, 0, 0, 0, 1]  # printed whole: kept
    assert grid[keys.index("new_received")] == [0] * 7


def test_a_label_right_above_a_stray_run_anchors_nothing():
    rows = _rows3(SYNTH_00033_TABLE3)
    assert len(rows) == 23
    assert rows["二、上年结转政府信息公开申请数量"] == [0, 0, 0, 0, 0, 0, 0]
    assert rows["(一)予以公开"] == [233, 0, 0, 0, 0, 20, 253]
    assert rows["3.补正后申请内容仍不明确"] == [13, 0, 0, 0, 0, 1, 14]
    # the report's own balance fails: (七)总计 and 四、结转 were read across an anchor (an order),
    # so both are left out (ROW_MISSING) and the broken sums are reported against the rest
    assert "(七)总计" not in rows and "四、结转下年度继续办理" not in rows


def test_with_the_run_anchor_the_short_rows_are_not_read(monkeypatch):
    monkeypatch.setattr(pagedrows, "_without_run_anchors", lambda spec, items, anchors: anchors)
    rows = _rows3(SYNTH_00033_TABLE3)
    assert len(rows) == 16
    assert "二、上年结转政府信息公开申请数量" not in rows and "3.补正后申请内容仍不明确" not in rows


def test_a_value_moved_from_a_short_segment_to_a_long_one_is_read_where_one_pair_holds():
    rows = _rows3(SAMPLE_HTML_GBK_TABLE3)
    assert len(rows) == 25
    assert rows["二、上年结转政府信息公开申请数量"] == [0, 0, 0, 0, 0, 0, 0]
    assert rows["(二)部分公开(区分处理的,只计这一情形,不计其他情形)"] == [2, 0, 0, 0, 0, 0, 2]
    assert rows["1.属于国家秘密"] == [1, 0, 0, 0, 0, 0, 1]
    assert rows["3.危及“三安全一稳定”"] == [0] * 7


def test_without_the_moved_value_the_two_segments_are_left_out(monkeypatch):
    monkeypatch.setattr(pagedrows, "_moved_value", lambda spec, items, bounds, grid: None)
    rows = _rows3(SAMPLE_HTML_GBK_TABLE3)
    assert len(rows) == 17
    assert "二、上年结转政府信息公开申请数量" not in rows and "1.属于国家秘密" not in rows


def _rows3_paged(body: str, page: int, offset: int) -> dict[str, list[int]]:
    rows = pagedrows._read(body.split("|"), page, offset) or []
    return {row.split("\t")[0]: [int(v) for v in row.split("\t")[1:]] for row in rows}


def test_the_column_identities_choose_the_moved_value_where_two_places_hold():
    # the table begins on page 2 (counted from 0), page i prints i + 1: a page number among
    # the cells is dropped (docs/renderings.md §12)
    rows = _rows3_paged(PEER_HONGZE_2024_TABLE3, 2, 1)
    assert len(rows) == 23
    assert rows["二、上年结转政府信息公开申请数量"] == [0] * 7
    assert rows["1.本机关不掌握相关政府信息"] == [31, 0, 0, 0, 0, 0, 31]
    # by the row sums alone also 0 1 0 0 0 0 1: the extra 0 taken as this row's first cell
    assert rows["2.没有现成信息需要另行制作"] == [1, 0, 0, 0, 0, 0, 1]


def test_two_pairs_that_both_hold_leave_the_segments_unread(monkeypatch):
    monkeypatch.setattr(pagedrows, "_pair_holds", lambda spec, grid, short, long, pair: True)
    assert _rows3_paged(PEER_HONGZE_2024_TABLE3, 2, 1) == {}  # too few rows read: the text is left as printed


def test_an_identity_failing_in_the_total_column_alone_drops_nothing():
    """No order of a row's six applicant values changes its 总计: an identity that fails only
    in the 总计 column is the report's own sums (fresh synthetic 00017), not a row out of order."""
    spec = pagedrows._SPECS[0]
    keys = [row.key for row in spec.rows]
    grid: list[list[int] | None] = [[0] * 7 for _ in keys]
    grid[keys.index("new_received")] = [2, 1, 0, 0, 0, 0, 3]
    grid[keys.index("granted")] = [2, 1, 0, 0, 0, 0, 3]
    grid[keys.index("total")] = [2, 1, 0, 0, 0, 0, 13]  # the report's (七)总计 says 13
    before = [list(cells) if cells else None for cells in grid]
    pagedrows._drop_doubtful(spec, grid, whole=set())
    assert grid == before
    grid[keys.index("total")] = [1, 2, 0, 0, 0, 0, 3]  # now 自然人 and 商业企业 fail too
    pagedrows._drop_doubtful(spec, grid, whole=set())
    assert [keys[r] for r, cells in enumerate(grid) if cells is None] == ["new_received", "granted", "total"]
