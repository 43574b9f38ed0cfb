"""The roll-up rule as a pure function: the aggregate scope a report states, read from real
reports' text, and the comparison of a government's cells with its constituents' sum."""

from __future__ import annotations

from checks_support import SEED, peer

from ogi import parse
from ogi.checks.rollup import aggregate_scope, rollup_mismatches


def test_real_reports_that_state_their_whole_jurisdiction():
    assert aggregate_scope(peer("huaian_hongze_2023.pdf")) == "2023年全区受理政府信息公开申请21件,均在法定期限答复。"
    assert aggregate_scope(peer("huaian_hongze_2024.pdf")).startswith("2024年,全区政府信息公开工作虽取得一定成绩")
    assert aggregate_scope(peer("huaian_city_2024.pdf")).startswith("2024年,全市共受理政府信息公开申请3119件")


def test_real_reports_of_one_organ_state_no_aggregate_scope():
    assert aggregate_scope(peer("shuyang_fgj_2023.html")) is None  # 我局
    assert aggregate_scope(parse(SEED["004"])) is None  # 我局; 全市… only of training and platforms


def test_a_cell_against_the_sum_of_all_constituents():
    gov = {("table3", "total", "total"): 7.0, ("table4", "review", "total"): 1.0, ("table2", "fees", "amount"): 9.0,
           ("table3", "granted", "total"): None}
    parts = [("甲局", {("table3", "total", "total"): 3.0, ("table4", "review", "total"): 1.0,
                      ("table2", "fees", "amount"): 1.0, ("table3", "granted", "total"): 2.0}),
             ("乙局", {("table3", "total", "total"): 3.0, ("table4", "review", "total"): None,
                      ("table2", "fees", "amount"): 1.0, ("table3", "granted", "total"): 2.0})]
    (found,) = rollup_mismatches(gov, parts)  # table 二 is not a sum; null cells are not judged
    assert (found.code, found.where) == ("ROLLUP_MISMATCH", "table3.total.total")
    assert found.message == "table3.total.total: 报告称汇总全辖区,为 7,而所属 2 个机关的报告之和为 6(甲局、乙局)"
    assert rollup_mismatches(gov, []) == []


def test_check_rollup_judges_only_a_stated_aggregate_scope_in_one_format():
    from ogi.checks.rollup import Constituent, check_rollup

    gov = peer("huaian_hongze_2023.pdf")  # states 全区受理政府信息公开申请21件
    cells = {("table3", "total", "total"): 21.0}
    parts = [Constituent("甲局", gov.meta.template, {("table3", "total", "total"): 20.0})]
    (found,) = check_rollup(gov, cells, parts)
    assert found.message == "table3.total.total: 报告称汇总全辖区,为 21,而所属 1 个机关的报告之和为 20(甲局)"
    assert check_rollup(gov, cells, [Constituent("甲局", "2019", parts[0].cells)]) == []  # another format
    assert check_rollup(gov, cells, []) == []
    one_organ = peer("shuyang_fgj_2023.html")  # 我局: no aggregate scope
    assert check_rollup(one_organ, cells, [Constituent("甲局", one_organ.meta.template, parts[0].cells)]) == []
