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
