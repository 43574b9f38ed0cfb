"""Metadata of the pages wild6 (fresh18) draws: a portal's metadata grid glued into one line by
a crawler, and a page in traditional characters."""

from __future__ import annotations

from ogi.extract.meta import read_meta

GLUED = ("索引号：11BANKXLAFN7TW7AER/2022-39780发布机构湾沚区医疗保障局主题分类:其他成文日期:2022-03-01"
         "发布日期2022-03-23文号：湾沚政办〔2022〕6号有效性有效湾沚区医疗保障局2021年度政府信息公开工作年度报告"
         "本报告根据《中华人民共和国政府信息公开条例》要求编制。")


def test_a_glued_grid_names_the_publisher_up_to_the_next_label_and_the_title_from_it():
    m = read_meta([GLUED, "一、总体情况", "2021年,湾沚区医疗保障局认真贯彻落实条例。"])
    assert m.agency == "湾沚区医疗保障局"
    assert m.title == "湾沚区医疗保障局2021年度政府信息公开工作年度报告"
    assert (m.year, m.published_date, m.index_number) == (2021, "2022-03-23", "11BANKXLAFN7TW7AER/2022-39780")


def test_a_grid_whose_last_value_is_two_characters_is_cut_off_the_title_too():
    line = GLUED.replace("文号：湾沚政办〔2022〕6号", "文号").replace("有效性有效", "有效性有效")
    m = read_meta([line, "一、总体情况"])
    assert m.title == "湾沚区医疗保障局2021年度政府信息公开工作年度报告"


def test_a_long_line_with_a_publisher_label_but_no_grid_is_not_read_as_the_label():
    prose = "本报告由发布机构审核后公开" + "。" * 130
    assert read_meta([prose, "一、总体情况"]).agency is None


def test_traditional_labels_give_the_date_the_index_and_the_agency_as_printed():
    lines = ["索引號:842522622/2026-65226", "發布機構:涪城區東城街道", "發布日期:2026-02-22",
             "本報告中所列數據的統計期限自2025年1月1日起至2025年12月31日止。", "一、總體情況"]
    m = read_meta(lines)
    assert (m.agency, m.published_date, m.index_number) == ("涪城區東城街道", "2026-02-22", "842522622/2026-65226")


def test_a_date_label_alone_on_its_line_takes_the_next_lines_date_before_a_lower_label():
    lines = ["索引号", "380537199/2020-24890 发布机构: 吴兴区新港街道", "主题分类：政务公开", "成文日期2020-02-02",
             "发布日期", "2020-02-12", "吴兴区新港街道2019年政府信息公开工作年度报告", "一、总体情况"]
    m = read_meta(lines)
    assert (m.published_date, m.index_number) == ("2020-02-12", "380537199/2020-24890")


def test_an_index_number_whose_pieces_run_into_the_grids_next_label_is_joined():
    lines = ["索引号： 175794334    /2021  -41825 发布机构：  沭阳县卫生健康委员会", "一、总体情况"]
    assert read_meta(lines).index_number == "175794334/2021-41825"


def test_an_index_label_alone_takes_no_next_line_without_the_formats_shape():
    assert read_meta(["索引号", "ABC123 发布机构: 某局", "一、总体情况"]).index_number is None
