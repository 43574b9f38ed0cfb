"""The site's furniture after a report's last section (ogi.extract.pager_end): the article's
tools, its neighbours, related links and the portal's footer end the report."""

from __future__ import annotations

from ogi.document import Document, Paragraph, Table
from ogi.extract.pager import pagers_dropped
from ogi.extract.pager_end import site_end_dropped

SIX = "六、其他需要报告的事项"
LAST = "2019年度,未收取政府信息公开信息处理费。无其他需要报告的事项。"
LINKS = "相关链接杭州市县自然资源局2018年政府信息公开工作年度报告2019-01-10"
FOOTER = "主办单位:杭州市西湖区人民政府办公室  承办单位:杭州市大数据管理中心网站标识码:3200935473"


def _texts(doc: Document) -> list[str]:
    return [b.text for b in doc.blocks if isinstance(b, Paragraph)]


def test_a_crawlers_one_line_ends_at_the_first_mark_after_section_六():
    doc = Document([Paragraph(f"五、存在的主要问题{SIX}{LAST}【打印本页】【关闭窗口】{LINKS}{FOOTER}")], "txt")
    assert _texts(site_end_dropped(doc)) == [f"五、存在的主要问题{SIX}{LAST}"]


def test_every_mark_ends_the_report_after_a_sentences_end():
    for mark in ("【打印本页】", "[关闭]", "上一篇：2018年报告", "下一篇:关于…", "下一条:关于公布2020年度收费目录", "上一条：2020年度财政预算", "相关阅读", "相关文章",
                 "主办单位：某某", "网站标识码3200", "版权所有 某某", "打印本页 关闭窗口"):
        doc = Document([Paragraph(SIX), Paragraph(LAST + mark)], "html")
        assert _texts(site_end_dropped(doc)) == [SIX, LAST], mark


def test_the_paragraphs_after_the_mark_are_dropped_and_tables_kept():
    table = Table([])
    doc = Document([Paragraph(SIX), Paragraph(LAST), Paragraph("【打印本页】【关闭窗口】"), Paragraph("相关链接"),
                    table, Paragraph(FOOTER)], "html")
    got = site_end_dropped(doc)
    assert _texts(got) == [SIX, LAST] and got.blocks[-1] is table


def test_a_mark_inside_a_sentence_or_before_section_六_is_the_reports_own():
    kept = [Document([Paragraph(SIX), Paragraph("详见本网站相关链接。无其他需要报告的事项。")], "html"),
            Document([Paragraph("相关链接"), Paragraph(SIX), Paragraph(LAST)], "html"),
            Document([Paragraph("五、存在的主要问题【打印本页】"), Paragraph(LAST)], "html")]
    for doc in kept:
        assert site_end_dropped(doc) is doc


def test_the_last_六_heading_counts_not_a_table_of_contents():
    doc = Document([Paragraph(f"目录 一、总体情况 {SIX}"), Paragraph("相关链接"), Paragraph(SIX), Paragraph(LAST),
                    Paragraph(LINKS)], "html")
    assert _texts(site_end_dropped(doc)) == [f"目录 一、总体情况 {SIX}", "相关链接", SIX, LAST]


REQUESTS = "三、收到和处理政府信息公开申请情况"


def test_a_first_pages_last_pager_after_section_三_ends_the_report():
    doc = Document([Paragraph(REQUESTS), Table([]), Paragraph("共2页 1 2 下一页 尾页"), Paragraph("【打印本页】【关闭窗口】"),
                    Paragraph("相关链接"), Paragraph(LINKS), Paragraph(FOOTER)], "html")
    assert _texts(pagers_dropped(doc)) == [REQUESTS]
    text = f"{REQUESTS}四、结转下年度继续办理0000000下一页【打印本页】{LINKS}{FOOTER}"
    assert _texts(pagers_dropped(Document([Paragraph(text)], "txt"))) == [f"{REQUESTS}四、结转下年度继续办理0000000"]


def test_a_pager_above_the_report_or_between_joined_pages_ends_nothing():
    top = Document([Paragraph("共2页 1 2 下一页 尾页"), Paragraph("[打印] [关闭]"), Paragraph(REQUESTS)], "html")
    assert _texts(pagers_dropped(top)) == ["[打印] [关闭]", REQUESTS]
    joined = Document([Paragraph(REQUESTS), Paragraph("首页 上一页 1 2 下一页 尾页"), Paragraph("[打印] [关闭]"),
                       Paragraph("四、政府信息公开行政复议、行政诉讼情况")], "html")
    assert _texts(pagers_dropped(joined)) == [REQUESTS, "[打印] [关闭]", "四、政府信息公开行政复议、行政诉讼情况"]
