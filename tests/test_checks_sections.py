"""What sections 一, 五 and 六 must say: OVERVIEW_INCOMPLETE, PROBLEMS_TRIVIAL,
FEE_NOT_REPORTED and FEE_CONTRADICTION."""

from __future__ import annotations

import pytest
from checks_support import SEED, changed, codes, peer, reparse, seed_text

from ogi import parse
from ogi.checks.sections import check_sections

FEE_SENTENCE = "2023年,吴兴区发改经信局未收取政府信息公开信息处理费。"
NO_FEE_ROW = "2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请 | 0 | 0 | 0 | 0 | 0 | 0 | 0 |"
NOT_HELD_ROW = "1.本机关不掌握相关政府信息 | 6 | 0 | 0 | 0 | 0 | 0 | 6 |"


def test_overview_without_disclosure_on_request_seed_001():
    found = [f for f in check_sections(parse(SEED["001"])) if f.code == "OVERVIEW_INCOMPLETE"]
    assert len(found) == 1 and found[0].message == "第一部分没有谈到:依申请公开"


@pytest.mark.parametrize("seed", ["000", "002", "003", "004"])
def test_overviews_that_cover_the_five_aspects(seed):
    assert "OVERVIEW_INCOMPLETE" not in codes(check_sections(parse(SEED[seed])))


def test_problems_said_in_one_word():
    text = seed_text("003")
    problems = text[text.index("五、存在的主要问题及改进情况\n") + len("五、存在的主要问题及改进情况\n"):text.index("六、其他需要报告的事项")]
    report = reparse(changed("003", (problems, "无。\n")))
    found = [f for f in check_sections(report) if f.code == "PROBLEMS_TRIVIAL"]
    assert len(found) == 1 and "“无。”" in found[0].message
    assert "PROBLEMS_TRIVIAL" not in codes(check_sections(parse(SEED["003"])))


def test_fee_not_reported_in_section_six():
    report = reparse(changed("004", (FEE_SENTENCE, "")))
    assert "FEE_NOT_REPORTED" in codes(check_sections(report))
    assert "FEE_NOT_REPORTED" not in codes(check_sections(parse(SEED["004"])))
    assert "FEE_NOT_REPORTED" not in codes(check_sections(peer("shuyang_fgj_2023.html")))  # 未发生收费情况


def test_fee_is_a_2021_format_rule():
    """Seed 002 (2019 format) says nothing of fees in section 六 (暂无其他需要报告的事项)."""
    assert "FEE_NOT_REPORTED" not in codes(check_sections(parse(SEED["002"])))


def _dropped_for_a_fee(statement: str):
    """Seed 004 with one application dropped for a fee not paid (instead of one not held),
    and section 六 saying ``statement``."""
    return reparse(changed("004", (NO_FEE_ROW, NO_FEE_ROW.replace("| 0 | 0 | 0 | 0 | 0 | 0 | 0 |",
                                                                  "| 1 | 0 | 0 | 0 | 0 | 0 | 1 |")),
                           (NOT_HELD_ROW, NOT_HELD_ROW.replace("| 6 |", "| 5 |").replace("| 0 | 6 |", "| 0 | 5 |")),
                           (FEE_SENTENCE, statement)))


def test_no_fee_notice_said_but_one_application_dropped_for_its_fee():
    report = _dropped_for_a_fee("2023年,我局未向申请人发出收费通知,未收取信息处理费。")
    assert report.table3["other.no_fee"]["total"] == 1 and codes(report.findings).isdisjoint({"T3_BALANCE"})
    found = next(f for f in check_sections(report) if f.code == "FEE_CONTRADICTION")
    assert found.where == "table3.other.no_fee.total" and "未向申请人发出收费通知" in found.message


def test_no_fee_collected_is_no_contradiction():
    """An applicant who did not pay after a notice: no fee was collected, consistently."""
    report = _dropped_for_a_fee(FEE_SENTENCE)
    assert "FEE_CONTRADICTION" not in codes(check_sections(report))
