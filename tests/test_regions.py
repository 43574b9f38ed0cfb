"""行政区划 codes (GB/T 2260) from the data package: a name's divisions placed, renamed
divisions found by their stem, ambiguous names left unresolved, and a county named in a
township's text (seed 001)."""

from __future__ import annotations

from checks_support import SEED

from ogi import parse
from ogi.regions import county_in_text, resolve
from ogi.store.agencies import report_text


def test_divisions_placed_with_their_full_path():
    assert resolve(("重庆市", "北碚区")) == resolve(("北碚区",))
    assert resolve(("北碚区",)).code == "500109" and resolve(("北碚区",)).path == "重庆市北碚区"
    assert resolve(("淮安市", "洪泽区")).names == ("江苏省", "淮安市", "洪泽区")
    assert resolve(("淮安市",)).code == "320800" and resolve(("江苏省",)).code == "320000"


def test_a_renamed_county_by_its_stem_and_a_name_several_bear():
    assert resolve(("禄丰县",)).path == "云南省楚雄彝族自治州禄丰市"  # 禄丰县 became 禄丰市 in 2021
    assert resolve(("鼓楼区",)) is None  # 南京, 福州, 徐州, 开封 each have one
    assert resolve(("南京市", "鼓楼区")).code == "320106"
    assert resolve(("一平浪镇",)) is None  # townships are below the table


def test_the_county_a_township_report_names():
    assert county_in_text(report_text(parse(SEED["001"]))).path == "云南省楚雄彝族自治州禄丰市"
    assert county_in_text("全年无其他需要报告的事项。") is None


def test_a_site_domain_settles_a_name_several_regions_bear_and_never_overrides_one():
    from ogi.domains import host_regions

    assert resolve(("鼓楼区",), hints=host_regions("www.njgl.gov.cn")).path == "江苏省南京市鼓楼区"
    assert resolve(("鼓楼区",), hints=host_regions("www.gl.gov.cn")) is None  # 南京, 福州, 徐州, 开封 all spell gl
    assert resolve(("南京市", "鼓楼区"), hints={"350102"}).code == "320106"  # the name's own city wins
    assert resolve(("北碚区",), hints=host_regions("www.wuxing.gov.cn")).code == "500109"


def test_a_site_domain_places_a_township_whose_text_names_no_county():
    assert county_in_text("全年无其他需要报告的事项。", hints={"532302"}).path == "云南省楚雄彝族自治州禄丰市"
    assert county_in_text("全年无其他需要报告的事项。", hints={"532302", "420506"}) is None
    assert county_in_text("全年无其他需要报告的事项。", hints={"530000"}) is None  # a province's portal
    tie = "禄丰市政府网站与夷陵区政府网站"
    assert county_in_text(tie) is None
    assert county_in_text(tie, hints={"420506"}).path == "湖北省宜昌市夷陵区"
    assert county_in_text("禄丰市政府网站", hints={"420506"}).code == "532302"  # the text names its county
