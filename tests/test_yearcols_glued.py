"""Year comparisons and page breaks in a crawler's one-line text (``ogi.extract.yearcols_glued``,
``ogi.extract.crawl_pages``): table 四's year rows cut to this year's digits by their labels,
table 三's glued last-year column left where every run splits one way, a page number glued
between a row and the header printed again dropped — and everything else left as printed.

Fixtures (``tests/fixtures/crawl19``): ``ogi synth 22 --formats wild5_html --seed 19019`` rendered
by ``ogi synth --shapes crawler_text,soup_spaced`` (docs/renderings.md, nineteenth session)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from ogi import parse
from ogi.document import Document, Paragraph
from ogi.extract.crawl_pages import glued_page_marks_dropped
from ogi.extract.yearcols import last_year_column_dropped, this_years_text_rows
from ogi.extract.yearcols_glued import last_year_glued_column_dropped, this_years_glued_rows

FIXTURES = Path(__file__).parent / "fixtures" / "crawl19"
TITLE = "某县财政局2023年政府信息公开工作年度报告"
HEADER4 = ("四、政府信息公开行政复议、行政诉讼情况项目行政复议行政诉讼结果维持结果纠正其他结果尚未审结总计"
           "未经复议直接起诉复议后起诉结果维持结果纠正其他结果尚未审结总计结果维持结果纠正其他结果尚未审结总计")
LAST = "113272310611103"  # 1 1 3 2 7 | 2 3 1 0 6 | 1 1 1 0 3: every block sums
THIS = "001010000000213"  # 0 0 1 0 1 | 0 0 0 0 0 | 2 0 0 1 3
AFTER = "五、存在的主要问题及改进情况2023年,本机关……"
FOUND_2023 = "表四按年度分行印出(另有:2022年、比上年增减),已只读入本年度一行(2023年)"
DROPPED3 = "表三在总计右侧另印上年数一列(数字粘连),该列未读入(各行末尾的上年数只有一种拆分,前六列之和等于总计,已核)"


def _doc(text: str) -> Document:
    return Document([Paragraph(TITLE + text)], "txt")


# ------------------------------------------------------------------ table 四

def test_glued_year_rows_cut_to_this_years_digits_a_year_glued_after_the_digits_before_it():
    doc = _doc(HEADER4 + "2022年" + LAST + "2023年" + THIS + "比上年增减-1-1-2-2-6-2-3-1" + AFTER)
    out, found = this_years_glued_rows(doc)
    assert [(f.code, f.where, f.message) for f in found] == [("TEMPLATE_DEVIATION", "table4", FOUND_2023)]
    assert out.blocks[0].text == TITLE + HEADER4 + THIS + AFTER
    assert this_years_text_rows(doc) == (out, found)  # the running-text pass falls back to it


def test_glued_year_rows_labelled_this_year_and_spaced_values_kept_spaced():
    spaced = " ".join(THIS)
    doc = Document([Paragraph("某县财政局政府信息公开工作年度报告" + HEADER4 + "本年度 " + spaced + " 上年度 "
                              + " ".join(LAST) + " " + AFTER)], "txt")
    out, found = this_years_glued_rows(doc)
    assert [f.message for f in found] == ["表四按年度分行印出(另有:上年度),已只读入本年度一行(本年度)"]
    assert f"总计 {spaced} 五、" in out.blocks[0].text


@pytest.mark.parametrize("rows", [
    "2022年" + LAST,  # one row: no comparison
    "2022年" + LAST + "2023年" + THIS[:-1] + "4",  # this year's 行政诉讼 total not the sum
    "2022年" + THIS + "2021年" + LAST,  # the report's year (2023) not printed
    "2023年" + LAST + "2022年" + THIS + "本年度" + THIS,  # two rows this year's
    "2022年" + LAST + "2023年-1" + THIS,  # a sign in a row of counts
])
def test_glued_year_rows_left_as_printed_where_not_certain(rows):
    doc = _doc(HEADER4 + rows + AFTER)
    assert this_years_glued_rows(doc) == (doc, [])


def test_glued_year_rows_need_the_header_with_no_digit_before_them():
    doc = _doc("四、政府信息公开行政复议、行政诉讼情况共3件。2022年" + LAST + "2023年" + THIS + AFTER)
    assert this_years_glued_rows(doc) == (doc, [])


# ------------------------------------------------------------------ table 三's last-year column

HEADER3 = ("三、收到和处理政府信息公开申请情况申请人情况上年同期自然人法人或其他组织总计商业企业科研机构"
           "社会公益组织法律服务机构其他")
ROWS3 = ("一、本年新收政府信息公开申请数量" + "25000002528" + "二、上年结转政府信息公开申请数量" + "00000002"
         + "三、本年度办理结果(一)予以公开" + "1000000100" + "(三)不予公开1.属于国家秘密" + "00000001"
         + "2.其他法律行政法规禁止公开" + "00000005")
READ3 = ("一、本年新收政府信息公开申请数量 25 0 0 0 0 0 25 二、上年结转政府信息公开申请数量 0 0 0 0 0 0 0 "
         "三、本年度办理结果(一)予以公开 10 0 0 0 0 0 10 (三)不予公开1.属于国家秘密 0 0 0 0 0 0 0 "
         "2.其他法律行政法规禁止公开 0 0 0 0 0 0 0 ")
END3 = "四、政府信息公开行政复议"


def test_glued_last_year_column_left_where_every_run_splits_one_way():
    doc = _doc(HEADER3 + ROWS3 + END3)
    out, found = last_year_glued_column_dropped(doc)
    assert [(f.code, f.where, f.message) for f in found] == [("TEMPLATE_DEVIATION", "table3", DROPPED3)]
    assert out.blocks[0].text == TITLE + HEADER3 + READ3 + END3  # 2. after 00000001: the next label's number
    assert last_year_column_dropped(doc) == (out, found)  # the running-text pass falls back to it


def test_glued_last_year_column_cut_off_a_row_read_two_ways_that_end_alike():
    # 1·9·0·0·0·10·20 or 19·0·0·0·1·0·20, and 19 in both: the row's digits stay glued without
    # it, for the aligner to choose by the column identities
    doc = _doc(HEADER3 + ROWS3 + "3.危及“三安全一稳定”" + "19000102019" + END3)
    out, found = last_year_glued_column_dropped(doc)
    assert [f.message for f in found] == [DROPPED3]
    assert out.blocks[0].text == TITLE + HEADER3 + READ3 + "3.危及“三安全一稳定”" + "190001020" + END3


@pytest.mark.parametrize("header, rows", [
    (HEADER3, ROWS3 + "3.危及“三安全一稳定”" + "1000001112"),  # 1…1·112 or 10…1·11·2: two readings ending apart
    (HEADER3, ROWS3.replace("00000005", "0000000")),  # a run of seven: no reading of eight
    (HEADER3.replace("上年同期", ""), ROWS3),  # no last-year column named
    (HEADER3, "一、本年新收政府信息公开申请数量00000000二、上年结转政府信息公开申请数量00000000"),  # zeros: either end
])
def test_glued_last_year_column_left_as_printed_where_not_certain(header, rows):
    doc = _doc(header + rows + END3)
    assert last_year_glued_column_dropped(doc) == (doc, [])


# ------------------------------------------------------------------ page numbers glued

HEAD_AGAIN = "(本列数据的勾稽关系为:第一项加第二项之和,等于第三项加第四项之和)申请人情况自然人"


@pytest.mark.parametrize("mark", ["- 5 -", "-5-", "—5—", "第4页", "第 4 页 共 9 页"])
def test_a_page_number_between_a_row_and_its_header_again_is_dropped(mark):
    text = HEAD_AGAIN + "…5.属于三类内部事务信息0000000" + mark + HEAD_AGAIN + "6.属于四类过程性信息0000000"
    assert glued_page_marks_dropped(text) == text.replace(mark, "")
    continued = "…8.属于行政查询事项0000000" + mark + "续表(四)无法提供"
    assert glued_page_marks_dropped(continued) == continued.replace(mark, "")
    spaced = HEAD_AGAIN + " 四、结转下年度继续办理 0 0 0 0 " + mark + " " + HEAD_AGAIN  # get_text(" ")
    assert glued_page_marks_dropped(spaced) == spaced.replace(mark, "")


@pytest.mark.parametrize("text", [
    HEAD_AGAIN + "5.属于三类内部事务信息0000000- 5 -6.属于四类过程性信息",  # no header after it
    HEAD_AGAIN + "5.属于三类内部事务信息0000000- 5 -(注:本表按季度统计)",  # words not printed before
    HEAD_AGAIN + "全年共收到申请- 5 -" + HEAD_AGAIN,  # no digits right before it
    HEAD_AGAIN + "4.保护第三方合法权益00000- 5 -2.其他法律行政法规禁止公开" + HEAD_AGAIN,  # a number after it
])
def test_a_page_number_is_left_where_the_break_does_not_show_on_both_sides(text):
    assert glued_page_marks_dropped(text) == text


# ------------------------------------------------------------------ whole reports

def _cells(tables: dict) -> dict[str, object]:
    return {f"{t}.{r}.{c}": v for t in ("table2", "table3", "table4")
            for r, cols in (tables.get(t) or {}).items() for c, v in cols.items()}


def _read(name: str):
    report = parse(FIXTURES / f"{name}.txt")
    want = _cells(json.loads((FIXTURES / "expected" / f"{name}.json").read_text(encoding="utf-8")))
    return report, _cells(json.loads(report.model_dump_json())), want


# each fixture → the rows left null with CELL_AMBIGUOUS (table 二's glued rows have no sum; the
# 2019 (六) row splits two ways) and the TEMPLATE_DEVIATION messages of this module
FIXTURE_ROWS = {
    "crawler_text_00000_wild5_html_header_repeated": ((), ()),
    "crawler_text_00008_wild5_html_year_compare": (
        ("table2.licensing", "table2.other_services", "table2.punishment", "table2.procurement"),
        ("表四按年度分行印出(另有:2019年),已只读入本年度一行(2020年)", DROPPED3)),
    "crawler_text_00019_wild5_html_year_compare": (
        ("table2.regulations", "table2.coercion", "table2.fees"),
        ("表四按年度分行印出(另有:2018年),已只读入本年度一行(2019年)", DROPPED3)),
    "soup_spaced_00019_wild5_html_year_compare": ((), ("表四按年度分行印出(另有:2018年),已只读入本年度一行(2019年)",)),
    "crawler_text_00020_wild5_html_old_rows": (
        ("table2.regulations", "table2.normative_documents", "table3.other"), ()),
}


@pytest.mark.parametrize("name", FIXTURE_ROWS)
def test_every_cell_read_exactly_or_null_with_a_finding(name):
    report, got, want = _read(name)
    ambiguous, deviations = FIXTURE_ROWS[name]
    assert tuple(f.where for f in report.findings if f.code == "CELL_AMBIGUOUS") == ambiguous
    messages = [f.message for f in report.findings if f.code == "TEMPLATE_DEVIATION"]
    assert all(m in messages for m in deviations)
    for key, value in want.items():
        if got[key] != value:
            assert got[key] is None, key  # never a wrong number
            row = key.rsplit(".", 1)[0]
            assert any(row.startswith(a) for a in ambiguous) or (
                name.endswith("old_rows") and row.startswith("table3.other.")), key  # 2019's one (六): null
