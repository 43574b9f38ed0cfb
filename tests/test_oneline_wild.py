"""One-line renderings (a crawler's ``text_content()``, BeautifulSoup's ``get_text(" ")``) of
reports whose labels are reworded as real reports reword them (``ogi.synth.wild``): each table
found and read from the template's labels, order and identities, or null with a finding —
never a wrong number. Fixtures: ``ogi synth 40 --formats wild_html --seed 7373`` rendered by
``ogi synth --shapes crawler_text,soup_spaced`` (docs/renderings.md §30)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from ogi import parse
from ogi.document import Position
from ogi.extract.align import _digits, _reads_as_fewer_cells, _run_length
from ogi.extract.glue import splits
from ogi.extract.tokens import NA, NUM, SIGN_OR_MARK, TEXT, Token, Unit, _note_apart, _read_free, mark_counts

FIXTURES = Path(__file__).parent / "fixtures" / "oneline"
# fixture → the row left null with CELL_AMBIGUOUS: a glued run of table 二, whose 2021 rows
# have no sum, that splits more than one way (``7025``: 7·0·25, 70·2·5 …)
EXACT = {
    "crawler_text_00000_wild_html_year_words": None,  # 本年度/去年 labels: table 三 was prose
    "crawler_text_00001_wild_html_scope_words": "table2.normative_documents",  # 本年新收申请数: run by run
    "crawler_text_00009_wild_html_units": "table2.regulations",  # 0个00个…: the unit taken off a glued run
    "soup_spaced_00014_wild_html_note_row": None,  # 注：…。 after table 三's last value
    "soup_spaced_00026_wild_html_traditional": None,  # 數据的勾稽關系: template characters
    "soup_spaced_00024_wild_html_typo": None,  # 其他外管理服务事项: table 二's label begins with 三's 其他
    "crawler_text_00011_wild_html_zero_dash": None,  # 0————0——00: runs of —— glued to the numbers
    "crawler_text_00031_wild_html_zero_dash": None,  # 13-0-0-13, --0---0: runs of - glued to the numbers
    "crawler_text_00033_wild_html_zero_na": None,  # 0////0/0 (／): runs of / glued to the numbers
}


def _cells(tables: dict) -> dict[str, object]:
    return {f"{t}.{r}.{c}": v for t in ("table2", "table3", "table4")
            for r, cols in (tables.get(t) or {}).items() for c, v in cols.items()}


def _read(name: str):
    report = parse(FIXTURES / f"{name}.txt")
    expected = json.loads((FIXTURES / "expected" / f"{name}.json").read_text(encoding="utf-8"))
    got = _cells(json.loads(report.model_dump_json()))
    return report, got, _cells(expected)


@pytest.mark.parametrize("name", EXACT)
def test_every_cell_read_exactly_or_null_with_a_finding(name):
    report, got, want = _read(name)
    row = EXACT[name]
    assert {k: v for k, v in got.items() if v != want[k]} == {k: None for k in want if row and k.startswith(row + ".")}
    doubts = [f.where for f in report.findings if f.code in ("TABLE_MISSING", "CELL_AMBIGUOUS", "ROW_AMBIGUOUS")]
    assert doubts == ([row] if row else [])


def test_the_reworded_labels_name_their_rows_by_their_own_text():
    # 一、本年新收申请件数 / 二、上年结转申请件数: the template's words in order but one
    # (件数 for 数量), the only labels of table 三 they resemble (template/labels_match.py);
    # placed by position before, with a ROW_LABEL_MISSING each
    report, got, _ = _read("crawler_text_00001_wild_html_scope_words")
    assert [got[f"table3.new_received.{c}"] for c in ("natural_person", "commercial", "total")] == [40, 0, 40]
    assert got["table3.carried_over.total"] == 0
    assert [f.where for f in report.findings if f.code == "ROW_LABEL_MISSING"] == []


def test_a_thousands_number_glued_behind_other_digits_is_null_not_wrong():
    # 规章10113,798 and 行政规范性文件01236,120: the comma lies inside the last number, which
    # may start one, two or three digits before it; read 0·1236·120 before (a silent wrong)
    report, got, want = _read("crawler_text_00008_wild_html_thousands")
    wrong = {k: (got[k], v) for k, v in want.items() if got[k] != v}
    assert wrong == {
        "table2.regulations.issued": (None, 1), "table2.regulations.repealed": (None, 0),
        "table2.regulations.in_force": (None, 113798), "table2.normative_documents.issued": (None, 0),
        "table2.normative_documents.repealed": (None, 1), "table2.normative_documents.in_force": (None, 236120),
    }
    ambiguous = sorted(f.where for f in report.findings if f.code == "CELL_AMBIGUOUS")
    assert ambiguous == ["table2.normative_documents", "table2.regulations"]


def test_a_glued_run_with_a_thousands_separator_splits_only_around_it():
    assert splits(["01236,120"], 3, (), limit=5) == [[0, 1, 236120], [0, 12, 36120], [0, 123, 6120]]
    assert splits(["0012,345"], 3, (), limit=5) == [[0, 0, 12345]]
    assert splits(["1234,56"], 2, (), limit=5) == []  # a group has three digits
    assert _read_free("文件01236,120第") == (
        (TEXT, "文件", None, None, False), (NUM, "01236,120", 1236120, None, True), (TEXT, "第", None, None, False))
    assert _read_free("规章12,345件")[1] == (NUM, "12,345件", 12345, "件", False)  # one number, as before


def test_a_count_unit_after_a_glued_run_is_taken_off_before_it_is_split():
    tok = Token(NUM, "002个", Position(), 0, 2, "个", glued=True)
    assert _digits(tok) == "002"
    money = Token(NUM, "005元", Position(), 0, 5, "元", glued=True)
    assert _digits(money) == "005元"  # 元 needs converting: the run reads no way
    assert _run_length([0, 1, 236120, 7], "01236,120") == 3


def test_a_note_after_a_tables_last_value_is_cut_off_as_prose():
    table = "三、本年度办理结果 (一)予以公开 1 0 0 0 0 0 1 (二)部分公开 0 0 0 0 0 0 0 (七)总计 1 0 0 0 0 0 1 " \
            "四、结转下年度继续办理 0 0 0 0 0 0 0 自然人 商业企业 科研机构 社会公益组织 法律服务机构 "
    note = "注：“总计”栏中包含通过网络平台收到的申请9件。"
    assert _note_apart(table + note) == [table.rstrip(), note]
    assert _note_apart("本年度共收到申请 12 件 注：含网上申请") == ["本年度共收到申请 12 件 注：含网上申请"]  # no table
    assert Unit(note, [], Position(), False).prose


def test_a_one_line_table_with_reworded_labels_is_no_prose():
    text = ("申请人情况 自然人 法人或其他组织 总计 商业企业 科研机构 社会公益组织 法律服务机构 其他 "
            "一、本年度新收政府信息公开申请数量 0 0 0 0 0 0 0 二、去年结转政府信息公开申请数量 0 0 0 0 0 0 0 "
            "三、本年办理结果 (一)予以公开 0 0 0 0 0 0 0")
    assert not Unit(text, [], Position(), False).prose
    # the same reworded labels without digits between them are 24+ letters of unknown text
    assert Unit("一、本年度新收政府信息公开申请数量二、去年结转政府信息公开申请数量", [], Position(), False).prose


def test_a_typod_label_beginning_with_a_later_tables_word_goes_back_to_its_table():
    # 其他外管理服务事项 (其他对外… with a character dropped) begins with table 三's header word
    # 其他: the split made table 三 start there, and table 二's last five rows were ROW_MISSING
    # (seed 6161's 00024, every rendering); 第二十条第(六)项, a phrase only table 二 prints,
    # comes before any of table 三's own words and takes them back
    report, got, _ = _read("soup_spaced_00024_wild_html_typo")
    assert [got[f"table2.other_services.{c}"] for c in ("items_prev_year", "items_change", "decisions")] == [11, -2, 0]
    assert [got[f"table2.punishment.{c}"] for c in ("items_prev_year", "items_change", "decisions")] == [14, 3, 219]
    assert got["table2.procurement.amount"] == 0
    assert not [f for f in report.findings if f.code in ("ROW_MISSING", "ROW_AMBIGUOUS", "TABLE_MISSING")]


def test_a_table_reached_by_its_own_words_without_a_heading_stays_reached():
    # the same page without table 三's heading: 本列数据的勾稽关系…, only table 三's, starts it,
    # and its own header words follow at once, so the switch stands
    text = (FIXTURES / "soup_spaced_00024_wild_html_typo.txt").read_text(encoding="utf-8")
    assert text.count("三、收到和处理政府信息公开申请情况") == 1
    report = parse(text.replace("三、收到和处理政府信息公开申请情况", "").encode(), name="x.txt")
    want = _cells(json.loads((FIXTURES / "expected" / "soup_spaced_00024_wild_html_typo.json").read_text(encoding="utf-8")))
    got = _cells(json.loads(report.model_dump_json()))
    assert {k: (got[k], v) for k, v in want.items() if got[k] != v} == {}


# ------------------------------------------------------------------ marks glued into a one-line table (§43)

# a table's header printed on the same line: a line of 8+ template labels is a table on one line
HEAD = "申请人情况自然人法人或其他组织总计商业企业科研机构社会公益组织法律服务机构其他"


def _row(text: str):
    """The readings of ``text`` printed after a table's header on one line, the header's own off."""
    out = _read_free(HEAD + text)
    assert out[0][0] == TEXT and out[0][1].startswith(HEAD)
    return ((TEXT, out[0][1][len(HEAD):], None, None, False),) + out[1:]


def test_a_run_of_marks_glued_to_numbers_is_read_as_cells():
    assert _row("数量40／0／／4二、") == (
        (TEXT, "数量", None, None, False), (NUM, "40", 40, None, True), (NA, "/", None, None, False),
        (NUM, "0", 0, None, False), (NA, "/", None, None, False), (NA, "/", None, None, False),
        (NUM, "4", 4, None, False), (TEXT, "二、", None, None, False))
    # —— and — are both marks: a run of them holds several counts of cells, left to the aligner
    assert _row("申请数量0————0")[2] == (NA, "————", None, None, True)
    assert mark_counts("————") == (2, 3, 4) and mark_counts("///") == (3,)
    # a row of marks between two labels
    assert [t[1] for t in _row("信息///////(六)其他处理")] == ["信息"] + ["/"] * 7 + ["(六)其他处理"]
    # a "-" glued before a number may be its sign: marked for the aligner
    assert _row("行政强制7-120")[2] == (NA, "-", None, SIGN_OR_MARK, True)
    # a line that is no table on one line reads as before (a paged text's footer 2/3)
    assert _read_free("数量40／0／／4") == (
        (TEXT, "数量", None, None, False), (NUM, "40", 40, None, True), (TEXT, "/0//4", None, None, False))
    assert _read_free("2/3") == ((NUM, "2", 2, None, False), (TEXT, "/3", None, None, False))


def test_slashes_and_dashes_that_are_no_cells_stay_text():
    assert _row("本年增/减处理决定数量")[0] == (TEXT, "本年增/减处理决定数量", None, None, False)  # the label's
    assert [t[0] for t in _row("本年增/ 减")] == [TEXT]
    assert _row("见http://www.example.gov.cn/zwgk/") == ((TEXT, "见http://www.example.gov.cn/zwgk/", None, None, False),)
    assert [t[0] for t in _row("发布日期2023/01/15")] == [TEXT, NUM, TEXT]  # 2023, then /01/15 as text
    assert [t[1] for t in _row("打印日期:2025-01-20")] == ["打印日期:2025", "-01", "-20"]  # a date's dashes
    assert _row("索引号:049530429/2021-39892")[0][0] == TEXT
    # a table cell's text keeps its marks as it printed them (the table keeps its cells)
    assert _read_free("4.保护第三方合法权益-", running=False) == ((TEXT, "4.保护第三方合法权益-", None, None, False),)
    assert _read_free("7-120", running=False)[1] == (NUM, "-120", -120, None, True)


def test_a_dash_before_a_number_in_a_signed_row_stays_ambiguous():
    # 行政强制7-120 (2019: 上一年项目数量, 本年增/减, 处理决定数量): 7·−1·20, 7·−12·0 or 7·—·120
    report, got, want = _read("crawler_text_00013_wild_html_zero_na")
    wrong = {k: (got[k], v) for k, v in want.items() if got[k] != v}
    assert sorted({k.rsplit(".", 1)[0] for k in wrong}) == ["table2.coercion", "table2.other_services"]
    assert all(g is None for g, _ in wrong.values())
    ambiguous = {f.where: f.message for f in report.findings if f.code == "CELL_AMBIGUOUS"}
    assert ambiguous == {
        "table2.other_services": "“其他对外管理服务事项”行数字粘连(7212),有多种拆分方式,未采用",
        "table2.coercion": "“行政强制”行数字粘连(7 - 120),有多种拆分方式,未采用"}
    assert [got[f"table3.new_received.{c}"] for c in ("natural_person", "commercial", "research", "total")] == [4, 0, None, 4]


def test_a_word_mark_glued_into_a_label_the_template_prints_is_a_cell():
    # fresh7's wild30 00013 (zero_na, marks printed 无): 行政许可16-4无其他对外… is 16, −4, 无.
    # The 无 stands between a number and a template label: a cell (§44). (§43 read the line
    # as printed: 16, −4 and the 无 in the label — the row a cell short, left null)
    assert _row("行政许可16-4无其他对外管理服务事项51无") == (
        (TEXT, "行政许可", None, None, False), (NUM, "16", 16, None, True), (NA, "-", None, SIGN_OR_MARK, True),
        (NUM, "4", 4, None, False), (NA, "无", None, None, False), (TEXT, "其他对外管理服务事项", None, None, False),
        (NUM, "51", 51, None, True), (NA, "无", None, None, False))


def test_a_word_mark_glued_into_a_label_the_template_does_not_print_counts_no_marks():
    # 无 before a label the template does not print may be the label's (本机关无此信息): the
    # row would seem a cell short and a "-" read as a dash could take the 无's place, so the
    # line reads its marks and signs as printed (§43) and its short rows stay null
    assert _row("行政许可16-4无此类事项51无") == (
        (TEXT, "行政许可", None, None, False), (NUM, "16", 16, None, True), (NUM, "-4", -4, None, False),
        (TEXT, "无此类事项", None, None, False), (NUM, "51", 51, None, True), (NA, "无", None, None, False))


# ------------------------------------------------------------------ cells printed 无 glued together (§44)

def test_a_run_of_word_marks_between_cells_and_labels_is_cells():
    def kinds(text: str) -> list[tuple[str, str]]:
        return [(k, p) for k, p, *_ in _row(text) if p]
    # after a label, before a number
    assert kinds("规章无无18规范性文件") == [(TEXT, "规章"), (NA, "无"), (NA, "无"), (NUM, "18"), (TEXT, "规范性文件")]
    # a row of marks between a number and the next label, and between two labels
    assert kinds("信息0无无无(六)其他处理无无无无无无无(七)总计") == [
        (TEXT, "信息"), (NUM, "0")] + [(NA, "无")] * 3 + [(TEXT, "(六)其他处理")] + [(NA, "无")] * 7 + [(TEXT, "(七)总计")]
    # before a section's heading, and 暂无 / 空 as marks
    assert kinds("000暂无无五、存在的主要问题") == [(NUM, "000"), (NA, "暂无"), (NA, "无"), (TEXT, "五、存在的主要问题")]
    assert kinds("规章空3") == [(TEXT, "规章"), (NA, "空"), (NUM, "3")]
    # a template label that begins with 无 keeps it, with or without its numbering
    assert kinds("0无4.无正当理由大量反复申请无0") == [
        (NUM, "0"), (NA, "无"), (TEXT, "4.无正当理由大量反复申请"), (NA, "无"), (NUM, "0")]
    assert kinds("0无无正当理由大量反复申请") == [(NUM, "0"), (NA, "无"), (TEXT, "无正当理由大量反复申请")]
    assert kinds("(四)无法提供") == [(TEXT, "(四)无法提供")]
    # in a sentence 无 is a word
    assert _read_free("本年度未收取信息处理费。无其他需要报告的事项。") == (
        (TEXT, "本年度未收取信息处理费。无其他需要报告的事项。", None, None, False),)


def test_a_report_that_prints_zeros_as_wu_reads_whole_on_one_line():
    # ogi synth 40 --formats wild_html --seed 8486, 00033 (zero_na, 2019's format): every
    # cell printed 无 glued to the numbers and labels around it (无2无无无无2, 无无无第二十条…)
    report, got, want = _read("crawler_text_s8486_00033_wild_html_zero_na")
    assert {k: (got[k], v) for k, v in want.items() if got[k] != v} == {}
    assert [f for f in report.findings if f.code in ("TABLE_MISSING", "CELL_AMBIGUOUS", "ROW_AMBIGUOUS")] == []
    assert [got[f"table3.new_received.{c}"] for c in ("natural_person", "commercial", "total")] == [None, 2, 2]


def test_marked_parts_bound_a_row_s_total():
    # seed 8486, 00013 (2021's format): 予以公开… read by the row's sum taken as a bound (a
    # marked part holds 0 or more); the rows whose runs split several ways even so are null
    report, got, want = _read("crawler_text_s8486_00013_wild_html_zero_na")
    wrong = {k: (got[k], v) for k, v in want.items() if got[k] != v}
    assert all(g is None for g, _ in wrong.values())
    ambiguous = {f.where: f.message for f in report.findings if f.code == "CELL_AMBIGUOUS"}
    assert sorted({k.rsplit(".", 1)[0] for k in wrong}) == sorted(ambiguous)
    assert ambiguous["table3.denied.enforcement_file"] == \
        "“7.属于行政执法案卷”行数字粘连(11200 无 无 13),有多种拆分方式,未采用"
    assert len(ambiguous) == 7 and sum(1 for k in want if got[k] == want[k]) == 178


def test_a_dash_before_a_number_in_a_report_that_leaves_cells_blank_may_be_its_sign():
    # seed 8484, 00012 (zero_blank): 行政许可8-3 is 8 and −3 beside a blank 处理决定数量 — or 8, a
    # dash and 3. A blank prints nothing on one line, so the sign's reading (two cells) is as
    # good as the dash's (three): the row is null (it had been read 8·—·3, a wrong 3)
    report, got, want = _read("crawler_text_s8484_00012_wild_html_zero_blank")
    assert [got[f"table2.licensing.{c}"] for c in ("items_prev_year", "items_change", "decisions")] == [None] * 3
    assert want["table2.licensing.items_change"] == -3 and want["table2.licensing.decisions"] is None
    assert {k: (got[k], v) for k, v in want.items() if got[k] is not None and got[k] != v} == {}
    assert [f.message for f in report.findings if f.where == "table2.licensing"] == [
        "“行政许可”行数字粘连(8 - 3);本报告有空白单元格,粘连的数字可能略去了空白格,无法确定拆分,未采用"]
    pos = Position()
    values = [Token(NUM, "8", pos, 0, 8), Token(NA, "-", pos, 0, None, SIGN_OR_MARK, True), Token(NUM, "3", pos, 0, 3)]
    assert _reads_as_fewer_cells(values, 3)
    assert not _reads_as_fewer_cells([values[0], Token(NA, "/", pos, 0, None, None, False), values[2]], 3)


def test_a_note_glued_to_a_tables_label_is_cut_off_as_prose():
    # a crawler's one line of table 二 with the agency's 说明 row between two of its rows:
    # the note follows a header label, not a value; its "0" is no cell
    table = "第二十条第(一)项信息内容本年制发件数本年废止件数现行有效件数规章006行政规范性文件000第二十条第(五)项"
    note = "说明：本年度行政规范性文件均已按规定报备。"
    assert _note_apart(table + note) == [table, note]
    # after a value, with fewer labels than a whole table's line, values only between them
    assert _note_apart("现行有效件数规章006行政规范性文件000" + note) == ["现行有效件数规章006行政规范性文件000", note]
    assert _note_apart("规章006行政规范性文件000" + note) == ["规章006行政规范性文件000" + note]  # two labels: too few
    part = "行政事业性收费0106第二十条第(九)项信息内容采购项目数量采购总金额"
    assert _note_apart(part + "注：行政许可处理决定数量含变更、延续事项。")[0] == part
    # a sentence's 说明 ends no label: left whole
    prose = "行政许可、行政处罚工作情况的说明：本年度办理0件。"
    assert _note_apart(prose) == [prose]
    # labels with unknown words between them are no table's text
    assert _note_apart("根据行政许可行政处罚信息内容说明：见附件。") == ["根据行政许可行政处罚信息内容说明：见附件。"]


def test_a_remark_in_brackets_between_two_rows_is_cut_out_as_prose():
    from ogi.extract.lines import is_remark, logical_lines

    remark = "（以下为办理结果，共9件申请已全部办结）"
    text = ("(六)其他处理3.其他0000000(七)总计0000000" + remark
            + "续上表申请人情况自然人法人或其他组织总计商业企业科研机构")
    pieces = [p for p, _ in logical_lines(text)]
    assert remark in pieces and pieces[pieces.index(remark) - 1].endswith("(七)总计0000000")
    assert Unit(remark, [], Position(), False).prose
    # the template's own bracketed labels hold no number: never remarks
    assert not is_remark("(区分处理的,只计这一情形,不计其他情形)")
    assert not is_remark("(本列数据的勾稽关系为:第一项加第二项之和,等于第三项加第四项之和)")
    assert not is_remark("(单位:万元)") and not is_remark("(共9件)")  # no comma: no clause
    # a line that shares no line with a table is left whole
    assert [p for p, _ in logical_lines("本年度共收到申请（其中网上申请3件，信函1件）")] == ["本年度共收到申请（其中网上申请3件，信函1件）"]
