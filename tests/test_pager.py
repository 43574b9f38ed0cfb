"""Pagers of a report a site serves as several pages (ogi.extract.pager): page furniture,
never values — the pager's page numbers and the title's year stay out of the tables."""

from __future__ import annotations

import json
import random
from pathlib import Path

from lxml import html as lxml_html

from ogi import parse
from ogi.document import Cell, Document, Paragraph, Table
from ogi.extract import twice
from ogi.extract.pagemarks import drop_page_marks
from ogi.extract.pager import cut_pagers, is_title_line, pagers_dropped
from ogi.synth.wild6 import make

TITLE = "夷陵区农业农村局2019年政府信息公开工作年度报告"


def test_a_pager_glued_to_a_rows_digits_is_cut_with_the_crumbs_and_title_after_it():
    text = (f"政府集中采购2050首页 上一页 1 2 3 下一页 尾页首页 > 政务公开 > 政府信息公开年报 > 正文{TITLE}"
            "三、收到和处理政府信息公开申请情况")
    assert cut_pagers(text) == (["政府集中采购2050", "三、收到和处理政府信息公开申请情况"], False)


def test_every_pager_form_is_cut_and_the_page_mark_of_the_title_again():
    for pager in ("共2页 第1页", "第1页 共2页", "<< 1 2 >>", "上一页 1 2 下一页", "« 1 2 3 »"):
        text = f"行政事业性收费0{pager}当前位置:首页 >> 信息公开 >> 年度报告{TITLE}（第2页）申请人情况"
        assert cut_pagers(text)[0] == ["行政事业性收费0", "申请人情况"], pager


def test_what_numbers_no_pages_is_left_as_printed():
    for text in ("上一页 2 3 下一页", "<< 12 >>", "<< 1 >>", "共2页 第3页", "第二十条第(一)项 1 2 3"):
        assert cut_pagers(text) == ([text], False), text


def test_a_heading_or_a_sentence_after_a_pager_is_never_taken_for_the_title():
    text = "0共2页 第1页五、存在的主要问题及改进情况2019年,我单位政府信息公开工作报告"
    assert cut_pagers(text)[0] == ["0", "五、存在的主要问题及改进情况2019年,我单位政府信息公开工作报告"]


def test_a_pager_alone_drops_its_paragraph_and_the_crumbs_and_title_paragraphs_after_it():
    doc = Document([Paragraph("行政强制 0"), Paragraph("<< 1 2 3 >>"),
                    Paragraph("您现在的位置: 首页 > 政府信息公开 > 政府信息公开年报"), Paragraph(f"{TITLE}（2）"),
                    Paragraph("三、收到和处理政府信息公开申请情况")], "html")
    assert [b.text for b in pagers_dropped(doc).blocks] == ["行政强制 0", "三、收到和处理政府信息公开申请情况"]


def test_a_document_with_no_pager_comes_back_as_it_is():
    doc = Document([Paragraph("第1页"), Paragraph(TITLE)], "txt")
    assert pagers_dropped(doc) is doc


def test_the_title_line_is_a_year_and_政府信息公开_报告_with_no_other_digit_or_punctuation():
    assert is_title_line(f"# {TITLE}")
    assert is_title_line("沭阳县信访局2021年度政府信息公开工作年度报告")
    assert not is_title_line("2019年,我单位政府信息公开工作报告")
    assert not is_title_line("六、其他需要报告的事项")


def test_the_title_a_paged_site_prints_at_each_pages_top_is_kept_once():
    lines = [f"# {TITLE}", "", "一、总体情况", "正文。", "", "共2页 第1页", "",
             "您现在的位置: 首页 > 政府信息公开", "", f"# {TITLE}", "", "五、存在的主要问题", "", "共2页 第2页"]
    kept = drop_page_marks("\n".join(lines)).split("\n")
    assert kept[0] == f"# {TITLE}" and kept.count(f"# {TITLE}") == 1


def test_a_paged_report_in_a_crawlers_one_line_text_reads_whole():
    w = make(random.Random("t6:paged_join:3"), "paged_join")  # table 三 cut by the pager
    text = lxml_html.document_fromstring(w.html).body.text_content()
    assert "上一页" in text or "共" in text or "<<" in text
    got = parse(text.encode(), "page.txt").model_dump()
    assert {t: got[t] for t in w.expected} == w.expected  # 51 of 198 cells before


# ------------------------------------------------------------------ a phone copy printed right after its table

def test_a_table_run_printed_again_at_once_in_running_text_is_read_once():
    t4 = "行政复议行政诉讼结果维持结果纠正其他结果尚未审结总计" + "0" * 15
    text = f"四、政府信息公开行政复议、行政诉讼情况{t4}{t4}五、存在的主要问题"
    doc = twice.copies_dropped(Document([Paragraph(text)], "txt"))
    assert doc.blocks[0].text == f"四、政府信息公开行政复议、行政诉讼情况{t4}五、存在的主要问题"


def test_a_copy_that_differs_in_one_character_is_left_as_printed():
    t4 = "行政复议行政诉讼结果维持结果纠正其他结果尚未审结总计" + "0" * 15
    doc = Document([Paragraph(t4 + t4[:-1] + "1")], "txt")
    assert twice.copies_dropped(doc) is doc


def _grid(rows: list[list[str]]) -> Table:
    return Table([Cell(t, r, c) for r, row in enumerate(rows) for c, t in enumerate(row)])


def test_a_grid_and_rows_printed_again_right_after_themselves_are_read_once():
    rows = [["行政复议", "行政诉讼"], ["结果维持", "总计"], ["0", "1", "2", "3", "4", "5", "6"]]
    doc = twice.copies_dropped(Document([_grid(rows), Paragraph(" "), _grid(rows)], "txt"))
    assert len(doc.blocks) == 2 and doc.blocks[0].n_rows == 3
    joined = twice.copies_dropped(Document([_grid(rows + rows)], "txt"))
    assert [(c.row, c.text) for c in joined.blocks[0].cells] == [(c.row, c.text) for c in _grid(rows).cells]
    apart = Document([_grid(rows), Paragraph("注：以下为手机版"), _grid(rows)], "txt")
    assert twice.copies_dropped(apart) is apart  # not right after: left as printed


def test_runs_of_rows_repeated_inside_one_table_are_no_copy():
    # table 四 a cell a line: its 结果维持…总计 header over both 行政诉讼 blocks, and rows of zeros
    header = [["结果维持"], ["结果纠正"], ["其他结果"], ["尚未审结"], ["总计"]]
    rows = [["行政复议"], ["行政诉讼"]] + header + [["未经复议直接起诉"], ["复议后起诉"]] + header + header + [["0"]] * 15
    doc = Document([_grid(rows)], "txt")
    assert twice.copies_dropped(doc) is doc


# ------------------------------------------------------------------ a first page of two (round 2, twentieth session)

def test_a_first_pages_pager_without_上一页_is_cut_where_it_follows_a_rows_digits():
    row = "四、结转下年度继续办理0000000"
    for pager in ("共2页 1 2 下一页 尾页", "共3页 1 2 3 下一页", "首页 1 2 下一页 末页", "下一页", "下一页 尾页"):
        text = f"{row}{pager}【打印本页】【关闭窗口】相关链接"
        assert cut_pagers(text)[0] == [row, "【打印本页】【关闭窗口】相关链接"], pager


def test_a_first_pages_pager_whose_links_are_not_its_pages_is_left_as_printed():
    for text in ("0共3页 1 2 下一页", "0共2页 2 3 下一页"):
        assert cut_pagers(text) == ([text], False), text
    # links right after a row's digits could be the row's own: only the next page's link is cut
    assert cut_pagers("办理0000000 1 2 下一页") == (["办理0000000 1 2"], True)


def test_下一页_inside_a_sentence_is_no_pager():
    text = "详见下一页。表格见下页"
    assert cut_pagers(text) == ([text], False)


FIXTURES = Path(__file__).parent / "fixtures" / "pager"


def test_a_crawlers_first_page_of_two_with_the_sites_chrome_reads_table_三():
    """wild8 first_page (fresh20, seed 9600) in crawler_text_chrome: the page ends after table 三,
    its pager (共2页 1 2 下一页 尾页, or 下一页 alone) glued to row 四's digits and the portal's
    footer after it. Table 三 was lost whole (TABLE_MISSING, 10 of 207 cells right before)."""
    want = json.loads((FIXTURES / "first_page_table3.json").read_text(encoding="utf-8"))
    for name, table3 in want.items():
        got = parse(FIXTURES / f"{name}.txt")
        assert got.table3 == table3, name
        assert all(v is None for row in got.table4.values() for v in row.values()), name
        missing = [f.message for f in got.findings if f.code == "TABLE_MISSING"]
        assert missing == ["未找到表四(复议诉讼)"], name
