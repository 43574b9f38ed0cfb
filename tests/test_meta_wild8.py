"""Metadata of titles a page's width cut inside their bracketed year (fresh20): WeasyPrint's
PDF of wild7 ``year_title`` prints ``…工作年度报告（2024年`` and ``度）`` on the next line."""

from __future__ import annotations

from ogi.extract.meta import read_meta

HEAD = ["索引号:114RJLPB9437L7MTMM/2025-43742", "发布机构:偃师区滨江新区办事处", "发布日期:2025-01-23",
        "本报告中所列数据的统计期限自2024年1月1日起至2024年12月31日止。", "一、总体情况"]


def _title(first: str, second: str) -> str | None:
    return read_meta([first, second, *HEAD]).title


def test_the_bracket_rest_on_the_next_line_is_joined():
    name = "偃师区滨江新区办事处政府信息公开工作年度报告"
    assert _title(name + "（2024年", "度）") == name + "(2024年度)"
    assert _title(name + "（2024", "年度）") == name + "(2024年度)"
    assert _title(name + "(2024年度", ")") == name + "(2024年度)"
    assert _title(name + "（2024", "年）") == name + "(2024年)"


def test_a_next_line_that_is_not_the_bracket_rest_is_not_joined():
    name = "偃师区滨江新区办事处政府信息公开工作年度报告"
    assert _title(name + "（2024年度）", "）") == name + "(2024年度)"
    assert _title(name + "（2024年", "年）") == name + "(2024年"
    assert _title(name + "（2024年", "度）发布") == name + "(2024年"


def test_a_listing_pages_own_title_wrapped_in_its_words_still_owns_its_date():
    lines = ["年度报告",
             "湾沚区住房和城乡建设局2017年政府信息公开工作年度报告", "发布日期：2017-12-29",
             "2017年，湾沚区住房和城乡建设局共收到政府信息公开申请265件，办结265件……", "阅读全文",
             "湾沚区住房和城乡建设局2019年度政府信息公开工作年度报", "告", "索引号:741250742/2020-23658",
             "发布机构:湾沚区住房和城乡建设局", "发布日期:2020-02-05",
             "本报告中所列数据的统计期限自2019年1月1日起至2019年12月31日止。", "一、总体情况"]
    m = read_meta(lines)
    assert (m.title, m.year, m.published_date) == ("湾沚区住房和城乡建设局2019年度政府信息公开工作年度报告", 2019, "2020-02-05")
    # the other report's date stays its own: no title cut after it, the 2017 title owns it
    assert read_meta(lines[:3] + lines[5:]).published_date == "2020-02-05"
