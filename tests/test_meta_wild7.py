"""Metadata of the pages wild7 draws (fresh19): a listing page's other reports before the
report (their titles, 发布日期 and summaries, on lines of their own or glued by a crawler), and
a title set on two lines under a Markdown heading's mark."""

from __future__ import annotations

from ogi.extract.meta import _owner_year, read_meta

PERIOD = "本报告中所列数据的统计期限自2024年1月1日起至2024年12月31日止。"
BODY = ["一、总体情况", "2024年，北碚区农业农村局认真贯彻落实《条例》。"]


def test_a_listing_pages_other_articles_date_their_own_reports_not_this_one():
    lines = ["信息公开年报",
             "北碚区农业农村局2022年政府信息公开工作年度报告", "发布日期：2023-01-18",
             "2022年，北碚区农业农村局共收到政府信息公开申请366件，办结366件……", "阅读全文",
             "北碚区农业农村局2024年度政府信息公开工作年度报告", "索引号:759967121/2025-34916",
             "发布机构:北碚区农业农村局", "发布日期:2025-01-25", PERIOD, *BODY]
    m = read_meta(lines)
    assert (m.title, m.year, m.published_date) == ("北碚区农业农村局2024年度政府信息公开工作年度报告", 2024, "2025-01-25")


def test_a_crawlers_listing_line_gives_the_title_of_the_bodys_year_and_its_date():
    glued = ("信息公开年报北碚区农业农村局2022年政府信息公开工作年度报告发布日期:2023-01-182022年,北碚区农业农村局共收到"
             "政府信息公开申请366件,办结366件......阅读全文北碚区农业农村局2023年政府信息公开工作年度报告发布日期:"
             "2024-01-142023年,北碚区农业农村局共收到政府信息公开申请216件......阅读全文北碚区农业农村局2024年度政府信息"
             "公开工作年度报告索引号:759967121/2025-34916发布机构:北碚区农业农村局发布日期:2025-01-25本报告根据《条例》编制。")
    m = read_meta([glued, PERIOD, *BODY])
    assert (m.title, m.year, m.published_date) == ("北碚区农业农村局2024年度政府信息公开工作年度报告", 2024, "2025-01-25")
    assert m.agency == "北碚区农业农村局"


def test_a_date_above_every_title_stays_the_reports():
    lines = ["索引号", "759967121/2025-34916", "发布日期：2025-01-25",
             "北碚区农业农村局2024年政府信息公开工作年度报告", PERIOD, *BODY]
    assert read_meta(lines).published_date == "2025-01-25"


def test_the_owner_of_a_label_is_the_nearest_title_before_it_with_its_year_before_or_after_its_words():
    head = ["某局2022年政府信息公开工作年度报告 发布日期：2023-01-18",
            "某局政府信息公开工作年度报告（2024年度）", "发布日期：2025-01-25"]
    assert _owner_year(head, 0, head[0].find("发布日期")) == 2022
    assert _owner_year(head, 2, 0) == 2024
    assert _owner_year(["发布日期：2025-01-25"], 0, 0) is None


def test_a_two_line_title_under_a_markdown_heading_mark_loses_the_mark():
    m = read_meta(["# 吴兴区信访局", "2020年政府信息公开工作年度报告", "发布日期：2021-03-19",
                   "本报告中所列数据的统计期限自2020年1月1日起至2020年12月31日止。"])
    assert (m.title, m.agency) == ("吴兴区信访局2020年政府信息公开工作年度报告", "吴兴区信访局")


def test_a_title_with_its_year_in_brackets_after_it_is_found_inside_a_crawlers_line():
    glued = ("首页>信息公开>政府信息公开年报北碚区农业农村局政府信息公开工作年度报告(2024年度)索引号:382968340/2025-95879"
             "发布机构:北碚区农业农村局发布日期:2025-03-03本报告根据《条例》编制。")
    m = read_meta([glued, PERIOD, *BODY])
    assert (m.title, m.agency, m.year, m.published_date) == (
        "北碚区农业农村局政府信息公开工作年度报告(2024年度)", "北碚区农业农村局", 2024, "2025-03-03")


def test_a_heading_line_with_its_year_in_brackets_and_labels_glued_after_it():
    line = "# 北碚区农业农村局政府信息公开工作年度报告（2024年度）索引号:382968340/2025-95879 发布机构:北碚区农业农村局"
    assert read_meta([line, PERIOD, *BODY]).title == "北碚区农业农村局政府信息公开工作年度报告(2024年度)"


def test_a_two_line_title_loses_each_markups_heading_marks():
    tail = "本报告中所列数据的统计期限自2020年1月1日起至2020年12月31日止。"
    for first, second in (("== 吴兴区信访局 +", "2020年政府信息公开工作年度报告"),  # AsciiDoc
                          ("* 吴兴区信访局\\\\", "2020年政府信息公开工作年度报告"),  # Org
                          ("= 吴兴区信访局<br />", "2020年政府信息公开工作年度报告 =")):  # MediaWiki
        m = read_meta([first, second, tail])
        assert (m.title, m.agency) == ("吴兴区信访局2020年政府信息公开工作年度报告", "吴兴区信访局"), first


def test_a_listing_columns_name_glued_before_the_title_is_no_part_of_it():
    for head, title in (("年度报告", "偃师区水利局2024年度政府信息公开工作年度报告"),
                        ("信息公开年报", "2024年偃师区水利局政府信息公开工作年度报告")):
        line = f"{head}{title}索引号:833342426/2025-70609发布机构:偃师区水利局发布日期:2025-02-20本报告根据《条例》编制。"
        m = read_meta([line, PERIOD, *BODY])
        assert (m.title, m.agency) == (title, "偃师区水利局"), head


def test_a_heading_mark_between_the_column_name_and_the_title_goes_with_the_name():
    line = "年度报告# 2023年禄丰市新港街道政府信息公开工作年度报告"
    m = read_meta([line, "发布日期：2024-03-24", "本报告中所列数据的统计期限自2023年1月1日起至2023年12月31日止。"])
    assert (m.title, m.agency) == ("2023年禄丰市新港街道政府信息公开工作年度报告", "禄丰市新港街道")


def test_a_heading_mark_after_a_portal_columns_name_goes_with_the_name():
    line = "信息公开年报# 2023年禄丰市新港街道政府信息公开工作年度报告"
    m = read_meta([line, "发布日期：2024-03-24", "本报告中所列数据的统计期限自2023年1月1日起至2023年12月31日止。"])
    assert (m.title, m.agency) == ("2023年禄丰市新港街道政府信息公开工作年度报告", "禄丰市新港街道")
