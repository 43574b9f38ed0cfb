"""The report's title, agency and year as titles are printed in the wild, and a title among other
reports' titles (a portal's lists) — read from the lines the extractor hands to ``read_meta``."""

from __future__ import annotations

import pytest

from ogi.extract.meta import read_meta

PERIOD = "本报告中所列数据的统计期限自2023年1月1日起至2023年12月31日止。"
BODY = [PERIOD, "一、总体情况", "2023年，本局认真贯彻落实《条例》。"]
SIGNED = BODY + ["沭阳县水利局", "2024年1月20日"]


@pytest.mark.parametrize("title", [
    "沭阳县水利局2023年政府信息公开工作年度报告",
    "沭阳县水利局2023年度政府信息公开工作报告",
    "2023年度沭阳县水利局政府信息公开工作年度报告",
    "沭阳县水利局关于2023年政府信息公开工作年度报告",
    "沭阳县水利局2023年政府信息公开年度工作报告",
    "沭阳县水利局2023年政务公开工作年度报告",
    # the year after the title words: the organ is what stands before them
    "沭阳县水利局政府信息公开工作年度报告（2023年）",
    # 关于…工作的报告
    "关于沭阳县水利局2023年度政府信息公开工作的报告",
    # the year in Chinese numerals, before or after the organ
    "沭阳县水利局二〇二三年政府信息公开工作年度报告",
    "二〇二三年沭阳县水利局政府信息公开工作年度报告",
])
@pytest.mark.parametrize("body", [BODY, SIGNED], ids=["unsigned", "signed"])
def test_title_agency_and_year_as_titles_are_printed(title, body):
    meta = read_meta([title, *body])
    assert (meta.agency, meta.year) == ("沭阳县水利局", 2023)
    assert meta.title == title.replace("（", "(").replace("）", ")")


SIDEBAR = ["信息公开目录", "年度报告",
           "2022年政府信息公开工作年度报告", "2021年政府信息公开工作年度报告",
           "热点信息", "淮安市市财政局2023年度政府信息公开工作报告", "2024-02-21",
           "淮安市市民政局2022年度政府信息公开工作报告", "2023-03-22"]
TITLE = "沭阳县水利局2023年政府信息公开工作年度报告"


@pytest.mark.parametrize("body", [BODY, SIGNED], ids=["unsigned", "signed"])
def test_a_list_of_other_reports_before_the_title_is_passed_over(body):
    meta = read_meta([*SIDEBAR, "发布时间:2024-01-20", TITLE, *body])
    assert (meta.title, meta.agency, meta.year) == (TITLE, "沭阳县水利局", 2023)


def test_a_list_entry_of_the_same_year_loses_to_the_signed_organ():
    """Year and organ: 淮安市市财政局's report of 2023 is listed first; the signature names 水利局."""
    meta = read_meta([*SIDEBAR, TITLE, *SIGNED])
    assert (meta.title, meta.agency) == (TITLE, "沭阳县水利局")


def test_glued_titles_in_one_line_are_a_list():
    line = ("年度报告2022年政府信息公开工作年度报告2021年政府信息公开工作年度报告热点信息"
            "淮安市市财政局2023年度政府信息公开工作报告2024-02-21" f"标题:{TITLE}发布时间:2024-01-20")
    meta = read_meta([line + "".join(BODY)])
    assert (meta.title, meta.agency, meta.year) == (TITLE, "沭阳县水利局", 2023)


def test_without_the_bodys_word_the_first_title_stands():
    """No period, no signature, no 现将: the first title-shaped line that is no list entry."""
    meta = read_meta(["沭阳县水利局2022年政府信息公开工作年度报告", "一、总体情况"])
    assert (meta.title, meta.year) == ("沭阳县水利局2022年政府信息公开工作年度报告", 2022)


@pytest.mark.parametrize("line, title", [
    # a crawler's text of a page in a layout table: the portal's column of links glued before it
    ("政府信息公开专栏政府信息公开指南政府信息公开制度法定主动公开内容政府信息公开年报依申请公开监督保障"
     "沭阳县水利局2023年政府信息公开工作年度报告索引号:1234/2024-00001发布机构:沭阳县水利局",
     "沭阳县水利局2023年政府信息公开工作年度报告"),
    ("信息公开目录沭阳县水利局2023年政府信息公开工作年度报告", "沭阳县水利局2023年政府信息公开工作年度报告"),
    # a laid-out PDF's line: the link column printed after the title
    ("沭阳县水利局2023年政府信息公开工作年度报告政府信息公开制度", "沭阳县水利局2023年政府信息公开工作年度报告"),
    # a place, a higher organ or the party before the organ stays
    ("中共沭阳县委办公室2023年政府信息公开工作年度报告", "中共沭阳县委办公室2023年政府信息公开工作年度报告"),
])
def test_the_portals_link_words_glued_to_a_title_are_not_the_title(line, title):
    meta = read_meta([line, *BODY])
    assert meta.title == title


@pytest.mark.parametrize("printed", [
    "沭阳县水利局 2023 年政府信息公开工作年度报告",  # LibreOffice's PDF through pdftotext
    "沭阳县水利局 2023年政府信息公开工作年度报告",
    "沭阳县水利局\u30002023\u3000年政府信息公开工作年度报告",
])
def test_a_pdfs_spaces_around_the_titles_year_are_not_the_titles(printed):
    meta = read_meta([printed, *SIGNED])
    assert (meta.title, meta.agency, meta.year) == ("沭阳县水利局2023年政府信息公开工作年度报告", "沭阳县水利局", 2023)
