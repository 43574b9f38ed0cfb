"""Rules across reports: CROSS_YEAR_CARRY, CROSS_YEAR_STOCK, CROSS_YEAR_ITEMS for one
agency in consecutive years, and TEXT_COPIED (across reports and within one)."""

from __future__ import annotations

import pytest
from checks_support import SEED, changed, codes, from_expected, peer, reparse, seed_text

from ogi import parse
from ogi.checks import check_across, check_report
from ogi.checks.copied import check_fields
from ogi.checks.cross import previous_reports

CARRIED_OVER_ROW = "二、上年结转政府信息公开申请数量 | 0 | 0 | 0 | 0 | 0 | 0 | 0 |"
CARRIED_FORWARD_ROW = "四、结转下年度继续办理 | 1 | 0 | 0 | 0 | 0 | 0 | 1 |"


def next_year_of_004(text: str | None = None) -> str:
    """Seed 004 (2023) as if it were the same bureau's 2024 report."""
    text = text or seed_text("004")
    return text.replace("2024", "2025").replace("2023", "2024").replace("2022", "2023")


def across(*reports):
    return [(i, f) for i, f in check_across(list(reports))]


def test_carried_over_is_not_last_years_carried_forward():
    before, now = parse(SEED["004"]), reparse(next_year_of_004())
    assert now.meta.year == 2024 and now.table3["carried_over"]["total"] == 0
    found = [(i, f) for i, f in across(before, now) if f.code == "CROSS_YEAR_CARRY"]
    assert [(i, f.where) for i, f in found] == [(1, "table3.carried_over.natural_person"), (1, "table3.carried_over.total")]
    assert found[1][1].message == "二、上年结转 = 0 ≠ 2023年报告的 四、结转下年度继续办理 = 1(总计列)"


def test_carried_over_as_last_year_carried_forward():
    text = next_year_of_004(changed("004", (CARRIED_OVER_ROW, CARRIED_OVER_ROW.replace("| 0 | 0 | 0 | 0 | 0 | 0 | 0 |",
                                                                                    "| 1 | 0 | 0 | 0 | 0 | 0 | 1 |")),
                                    (CARRIED_FORWARD_ROW, CARRIED_FORWARD_ROW.replace("| 1 |", "| 2 |"))))
    now = reparse(text)
    assert codes(now.findings).isdisjoint({"T3_BALANCE", "T3_OUTCOME_TOTAL", "T3_ROW_TOTAL"})
    assert "CROSS_YEAR_CARRY" not in codes(f for _, f in across(parse(SEED["004"]), now))


def test_real_consecutive_years_follow_on():
    """洪泽区人民政府 2023 and 淮安市洪泽区人民政府 2024: carried_over 0 = 0; normative
    documents in force 5 + 3 − 0 = 8."""
    before, now = from_expected("huaian_hongze_2023"), from_expected("huaian_hongze_2024")
    assert across(before, now) == []
    now.table2["normative_documents"]["in_force"] = 9
    found = [(i, f) for i, f in across(before, now) if f.code == "CROSS_YEAR_STOCK"]
    assert [(i, f.where) for i, f in found] == [(1, "table2.normative_documents.in_force")]
    assert "5 + 本年制发 3 − 本年废止 0 = 8" in found[0][1].message


def test_stock_across_years_with_a_null_is_not_assessable():
    before, now = from_expected("huaian_hongze_2023"), from_expected("huaian_hongze_2024")
    before.table2["regulations"]["in_force"] = None
    found = [f for _, f in across(before, now) if f.code == "RULE_NOT_ASSESSABLE"]
    assert len(found) == 1 and found[0].message.startswith("CROSS_YEAR_STOCK")


def test_items_of_2019_format_follow_on():
    """Seed 002 (2020) and the same government's 2019 report: items_prev_year(2020) must
    be items_prev_year(2019) + items_change(2019)."""
    now = parse(SEED["002"])
    before = now.model_copy(deep=True)
    before.meta.year = 2019
    found = [f for _, f in across(before, now) if f.code == "CROSS_YEAR_ITEMS"]
    assert "table2.licensing.items_prev_year" in {f.where for f in found}  # 622 ≠ 622 + 259
    for row in ("licensing", "other_services", "punishment", "coercion", "fees"):
        before.table2[row]["items_change"] = 0
    assert [f for _, f in across(before, now) if f.code == "CROSS_YEAR_ITEMS"] == []


def test_different_agencies_or_years_apart_are_not_paired():
    assert across(parse(SEED["002"]), parse(SEED["004"])) == []
    before, now = from_expected("huaian_hongze_2023"), from_expected("huaian_hongze_2024")
    before.meta.year = 2022
    assert across(before, now) == []


# ------------------------------------------------------------------ copied text

def test_sections_repeated_from_the_agencys_previous_report():
    found = [(i, f) for i, f in across(parse(SEED["004"]), reparse(next_year_of_004())) if f.code == "TEXT_COPIED"]
    assert [(i, f.where) for i, f in found] == [(1, "section.s1"), (1, "section.s5")]
    assert "100% 的文字与本机关 2023 年的报告" in found[0][1].message


def test_sections_repeated_from_another_agency_of_the_same_year():
    other = reparse(changed("004", ("索 引 号: | 11330524MB15359635/2024-00007 |", "索 引 号: | |"),
                            ("发布机构: | 区发改经信局 |", "发布机构: | 区住建局 |")), name="other.txt")
    assert other.meta.agency == "区住建局"
    found = [(i, f.where) for i, f in across(parse(SEED["004"]), other) if f.code == "TEXT_COPIED"]
    assert found == [(0, "section.s1"), (0, "section.s5"), (1, "section.s1"), (1, "section.s5")]


def test_real_reports_a_year_apart_are_paired_and_not_copies():
    """洪泽区人民政府 (2023) is 淮安市洪泽区人民政府 (2024); they share about a third of
    sections 一 and 五, and their tables follow on."""
    before, now = peer("huaian_hongze_2023.pdf"), peer("huaian_hongze_2024.pdf")
    assert previous_reports([before, now]) == {1: 0}
    assert across(before, now) == []


def test_a_department_writing_of_another_departments_field_seed_004():
    found = check_fields(parse(SEED["004"]))
    assert [(f.code, f.where) for f in found] == [("TEXT_COPIED", "section.s1")]
    assert "住建领域事项" in found[0].message and "区发改经信局" in found[0].message


@pytest.mark.parametrize("seed", ["002", "003"])
def test_own_fields_and_governments_are_fine(seed):
    """003 is a 信访局 writing of 信访 work; 002 is a government, whose report covers every field."""
    assert check_fields(parse(SEED[seed])) == []


def test_reports_without_their_text_say_the_text_rules_could_not_be_assessed():
    found = [f for f in check_report(from_expected("huaian_city_2024")) if f.where == "sections"]
    assert [f.code for f in found] == ["RULE_NOT_ASSESSABLE"] and "TEXT_TABLE_MISMATCH" in found[0].message


def test_a_section_copied_by_several_agencies_is_one_finding_naming_the_closest():
    """Seed 004's sections in two other agencies' reports of the same year: one finding per
    section (not one per other report), with the closest source, its year and the share."""
    def other(name, path, extra=""):
        return reparse(changed("004", ("索 引 号: | 11330524MB15359635/2024-00007 |", "索 引 号: | |"),
                               ("发布机构: | 区发改经信局 |", f"发布机构: | {name} |"),
                               ("一、工作开展情况\n", "一、工作开展情况\n" + extra)), name=path)
    extra = "本年度我们围绕群众关切持续深化政务公开,重点推进民生领域信息发布与解读回应,不断提升公开质量和实效。\n"
    found = [(i, f) for i, f in across(parse(SEED["004"]), other("区住建局", "a.txt"), other("区水利局", "b.txt", extra))
             if f.code == "TEXT_COPIED" and i == 0]
    assert [f.where for _, f in found] == ["section.s1", "section.s5"]
    s1 = found[0][1].message
    assert s1.startswith("第一部分 100% 的文字与区住建局 2023 年的报告(a.txt)相同") and s1.endswith(
        ";另有 1 份报告的该部分相似度不低于 60%")


# ------------------------------------------------------------------ pairing by the caller's agency ids

def test_reports_pair_by_the_agency_ids_the_caller_settled():
    """A renamed agency (the store merged its two names): its printed names do not pair the
    reports, the ids it passes do; different ids keep printed namesakes apart."""
    before, now = parse(SEED["004"]), reparse(next_year_of_004())
    now.meta.agency, now.meta.index_number = "某某新名称局", None
    before.meta.index_number = None
    assert previous_reports([before, now]) == {}
    assert [(i, f.where) for i, f in check_across([before, now], agencies=[7, 7]) if f.code == "CROSS_YEAR_CARRY"] \
        == [(1, "table3.carried_over.natural_person"), (1, "table3.carried_over.total")]
    assert previous_reports([parse(SEED["004"]), reparse(next_year_of_004())], agencies=[1, 2]) == {}
    with pytest.raises(ValueError, match="1 agencies for 2 reports"):
        check_across([before, now], agencies=[7])


def test_copied_across_judges_the_candidates_the_store_selected():
    """The store's candidates for seed 004 (another agency's copy of it, and the bureau's own
    next-year report): the rule keeps the copy of which 004 is the later report."""
    from ogi.checks.copied import copied_across, receives_finding

    mine = parse(SEED["004"])
    same_year = reparse(changed("004", ("发布机构: | 区发改经信局 |", "发布机构: | 区住建局 |")), name="same.txt")
    later = reparse(next_year_of_004(), name="later.txt")
    assert (receives_finding(mine, same_year), receives_finding(mine, later), receives_finding(later, mine)) == (
        True, False, True)
    found = copied_across(mine, "s1", [later, same_year])
    assert (found.code, found.where) == ("TEXT_COPIED", "section.s1")
    assert found.message == "第一部分 100% 的文字与区住建局 2023 年的报告(same.txt)相同"
    assert copied_across(mine, "s1", [later]) is None
