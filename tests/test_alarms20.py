"""Findings that must not cry wolf on renderings (alarm20): a table linked as an annex is
missing, not blank; a listing page's other reports are not section 六.

Fixtures (tests/fixtures/alarm20/, from the unseen corpus wild7, seed 9500): ``annex_table4``
(table 四 only as a link ``附件3：…统计表.pdf``), ``listing_page_crawler`` (a column page as a
crawler's one-line text: three other years' reports listed after the report) and
``listing_annex_mixed`` (both, in HTML)."""

from pathlib import Path

from ogi import parse
from ogi.extract.sections_end import listing_cut, section_ended
from ogi.model import SectionText

FIX = Path(__file__).parent / "fixtures" / "alarm20"


def _loud(report):
    return [(f.code, f.where) for f in report.findings if f.severity.value != "info"]


def test_table_linked_as_annex_is_missing_and_says_where():
    r = parse(FIX / "annex_table4.html")
    assert _loud(r) == [("TABLE_MISSING", "table4"), ("PUBLISHED_LATE", "meta.published_date")]
    missing = next(f for f in r.findings if f.code == "TABLE_MISSING")
    assert missing.message == ("表四(复议诉讼)未在正文中印出,见“附件3：2023年政府信息公开行政复议行政诉讼情况统计表.pdf”"
                               "(附件未读入)")
    assert all(v is None for row in r.table4.values() for v in row.values())
    assert r.table3["total"]["total"] == 96  # the tables on the page are read as before


def test_listing_titles_end_the_last_section_in_one_line_text():
    r = parse(FIX / "listing_page_crawler.txt")
    assert _loud(r) == [("PUBLISHED_LATE", "meta.published_date")]
    assert r.sections["s6"].text.endswith("相关申请不再处理。无其他需要报告的事项。")
    assert "阅读全文" not in r.sections["s6"].text
    assert r.table3["total"]["total"] == 35


def test_listing_and_annex_in_html():
    r = parse(FIX / "listing_annex_mixed.html")
    assert _loud(r) == [("TABLE_MISSING", "table4")]
    assert r.sections["s6"].text.endswith("无其他需要报告的事项。")


def test_listing_cut_needs_another_year_and_a_listing_shape():
    listing = "无其他需要报告的事项。\nXX局2022年政府信息公开工作年度报告\n发布日期：2023-01-18\n阅读全文"
    assert listing_cut(listing, 2024) == listing.index("XX局")
    assert listing_cut(listing, 2022) is None  # the report's own year: no other report
    dated = "无其他需要报告的事项。XX局2021年政府信息公开工作年度报告发布日期：2022-01-15"
    assert listing_cut(dated, 2024) == dated.index("XX局")
    prose = "对照2022年政府信息公开工作年度报告中提出的问题,逐项整改。"
    assert listing_cut(prose, 2024) is None  # a mention in a sentence: neither a line nor dated
    assert listing_cut(listing, None) is None


def test_section_ended_keeps_places_of_the_lines_kept():
    s = SectionText(heading="六", text="无其他事项。\nXX局2022年政府信息公开工作年度报告\n发布日期：2023-01-18",
                    places=[(10, None), (11, None), (12, None)])
    out = section_ended(s, 2023)
    assert out.text == "无其他事项。"
    assert out.places == [(10, None)]
    assert section_ended(s, 2022) is s


def test_listing_glued_on_one_line_cuts_after_the_title_before():
    # a sidebar of related reports as a crawler prints it: titles and dates glued
    text = ("无其他需要报告的事项。相关链接泰州市市教育局2024年政府信息公开工作年度报告2025-01-10"
            "泰州市市生态环境局2023年政府信息公开工作年度报告2024-01-11")
    assert text[listing_cut(text, 2024):] == "泰州市市生态环境局2023年政府信息公开工作年度报告2024-01-11"
