"""Publication dates against the deadline, and sections 五/六 writing of another year."""

from __future__ import annotations

import pytest
from checks_support import SEED, changed, codes, peer, reparse

from ogi import parse
from ogi.checks.dates import check_other_year, check_published


def test_published_before_the_year_ended_seed_001():
    found = check_published(parse(SEED["001"]))
    assert [(f.code, f.where) for f in found] == [("PUBLISHED_EARLY", "meta.published_date")]
    assert "2022-12-02" in found[0].message


def test_a_department_on_its_deadline_and_a_day_after():
    """Seed 004 is a county-level department (区发改经信局): 31 January."""
    assert check_published(parse(SEED["004"])) == []
    late = reparse(changed("004", ("成文日期: | 2024-01-31", "成文日期: | 2024-02-01")))
    found = check_published(late)
    assert [f.code for f in found] == ["PUBLISHED_LATE"]
    assert "2024-01-31" in found[0].message and "县级以上人民政府部门" in found[0].message


@pytest.mark.parametrize("published,late", [("2021-03-31", False), ("2021-04-01", True)])
def test_a_governments_own_report_has_until_31_march(published, late):
    report = parse(SEED["002"])  # 重庆市北碚区人民政府, 2020; prints no date
    report.meta.published_date = published
    assert ("PUBLISHED_LATE" in codes(check_published(report))) is late


def test_a_township_follows_the_later_deadline():
    report = parse(SEED["000"])  # 靖江市滨江新区办事处, published 2021-01-18
    assert check_published(report) == []
    report.meta.published_date = "2021-03-01"
    assert check_published(report) == []


def test_no_date_is_not_assessable():
    found = check_published(parse(SEED["003"]))
    assert [f.code for f in found] == ["RULE_NOT_ASSESSABLE"] * 2
    assert [f.message.split("(")[0] for f in found] == ["PUBLISHED_EARLY", "PUBLISHED_LATE"]


def test_section_five_of_a_2023_report_writes_of_2022_seed_004():
    found = check_other_year(parse(SEED["004"]))
    assert [(f.code, f.where, f.line) for f in found] == [("YEAR_MISMATCH_TEXT", "section.s5", 69)]  # the sentence
    assert "2022年,我局顺利完成" in found[0].message and "2023" in found[0].message


def test_the_report_year_the_next_years_plans_and_chrome_are_fine():
    assert check_other_year(reparse(changed("004", ("2022年,我局顺利完成", "2023年,我局顺利完成")))) == []
    assert check_other_year(parse(SEED["001"])) == []  # 上一条:一平浪镇2023年… is page chrome
    assert check_other_year(parse(SEED["003"])) == []


def test_plans_for_the_next_year_in_a_real_report():
    """huaian_hongze_2024 section 五: '针对存在问题，2025 年我们将切实抓好以下工作'."""
    assert check_other_year(peer("huaian_hongze_2024.pdf")) == []
