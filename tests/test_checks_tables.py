"""The hard rules (tolerance 0) on the seeds, on the real reports' values, and on every
single-cell change of seed 002's tables."""

from __future__ import annotations

import pytest
from checks_support import SEED, changed, codes, from_expected, reparse

from ogi import parse
from ogi.checks.tables import check_tables
from ogi.template import FORMATS

HARD = {"T3_BALANCE", "T3_ROW_TOTAL", "T3_OUTCOME_TOTAL", "T4_TOTAL", "VALUE_NEGATIVE", "VALUE_NOT_INTEGER"}


@pytest.fixture(scope="module")
def seed_002():
    return parse(SEED["002"])


@pytest.mark.parametrize("seed", sorted(SEED))
def test_every_seed_passes_the_hard_rules(seed):
    found = check_tables(parse(SEED[seed]))
    assert codes(found) & HARD == set()
    assert not [f for f in found if f.code == "RULE_NOT_ASSESSABLE"]


def test_every_single_cell_change_of_seed_002_is_caught(seed_002, capsys):
    """Each printed cell of seed 002's tables, ±1 in turn, on the parsed Report.

    The Report is mutated rather than a changed copy of the text re-parsed: the rules read
    only the Report, so this isolates them from the parser (whose reading of every seed
    cell the scorer checks), and it runs the 2 × 198 cases in a second instead of minutes.
    A changed copy re-parsed end to end is tested below."""
    fmt = FORMATS[seed_002.meta.template]
    share = {}
    for spec in fmt.tables:
        caught = tried = 0
        for row in spec.rows:
            for row_key, col, _ in row.cells:
                for delta in (1, -1):
                    report = seed_002.model_copy(deep=True)
                    getattr(report, spec.key)[row_key][col] += delta
                    tried += 1
                    caught += bool(codes(check_tables(report)) & HARD)
        share[spec.key] = caught / tried
    with capsys.disabled():
        print("\nshare of ±1 changes caught by a hard rule: "
              + ", ".join(f"{table} {value:.0%}" for table, value in share.items()))
    assert share["table3"] == 1.0
    assert share["table4"] == 1.0


def test_a_changed_total_reparsed_names_both_sides_and_the_cell():
    report = reparse(changed("004", ("(七)总计 | 9 | 0 | 0 | 0 | 0 | 0 | 9 |", "(七)总计 | 9 | 0 | 0 | 0 | 0 | 0 | 8 |")))
    found = {f.code: f for f in report.findings if f.code in HARD}
    assert set(found) == {"T3_ROW_TOTAL", "T3_BALANCE", "T3_OUTCOME_TOTAL"}
    balance = found["T3_BALANCE"]
    assert balance.message == "一+二 = 10+0 = 10 ≠ (七)+四 = 8+1 = 9 (总计列)"
    assert balance.message_en == ("new_received + carried_over = 10 + 0 = 10 ≠ total + carried_forward = 8 + 1 = 9 "
                                  "(column total)")
    assert (balance.where, balance.line) == ("table3.total.total", 61)
    assert found["T3_OUTCOME_TOTAL"].message == "(七) = 8 ≠ (一)+(二)+(三)+(四)+(五)+(六) = 3+0+0+6+0+0 = 9 (总计列)"
    assert found["T3_ROW_TOTAL"].message.endswith("= 9 ≠ 总计 = 8 ((七)总计)")


def test_t4_total_on_the_real_report_that_breaks_it():
    found = [f for f in check_tables(from_expected("huaian_hongze_2023")) if f.code == "T4_TOTAL"]
    assert [f.where for f in found] == ["table4.review", "table4.litigation_after_review"]  # the row: the sum names no cell
    assert found[0].message == "结果维持+结果纠正+其他结果+尚未审结 = 10+1+0+0 = 11 ≠ 总计 = 0 (行政复议)"


@pytest.mark.parametrize("stem", ["huaian_city_2024", "huaian_hongze_2024"])
def test_real_reports_that_hold_every_identity(stem):
    assert codes(check_tables(from_expected(stem))) & HARD == set()


def test_other_printed_as_one_row_stands_for_its_subrows():
    """huaian_hongze_2024 prints (六)其他处理 as one row in a 2021-format report."""
    report = from_expected("huaian_hongze_2024")
    assert report.table3["other.no_fee"]["total"] is None
    assert check_tables(report) == []
    report.table3["other"]["total"] = 1
    found = {f.where for f in check_tables(report)}
    assert {"table3.other", "table3.total.total"} <= found


def test_value_negative_and_not_integer():
    negative = reparse(changed("004", ("二、上年结转政府信息公开申请数量 | 0 | 0 |", "二、上年结转政府信息公开申请数量 | -1 | 0 |")))
    found = next(f for f in negative.findings if f.code == "VALUE_NEGATIVE")
    assert found.where == "table3.carried_over.natural_person" and "-1" in found.message
    fraction = reparse(changed("004", ("一、本年新收政府信息公开申请数量 | 10 |", "一、本年新收政府信息公开申请数量 | 10.5 |")))
    found = next(f for f in fraction.findings if f.code == "VALUE_NOT_INTEGER")
    assert found.where == "table3.new_received.natural_person" and "10.5" in found.message


def test_a_signed_change_and_a_fractional_amount_are_allowed(seed_002):
    report = seed_002.model_copy(deep=True)
    report.table2["fees"]["items_change"] = -3
    assert seed_002.table2["procurement"]["amount"] == 74708.228
    assert codes(check_tables(report)) & {"VALUE_NEGATIVE", "VALUE_NOT_INTEGER"} == set()


def test_null_inputs_are_not_assessable_once_per_rule_and_table():
    """shuyang_fgj_2023 fills only the 自然人 and 总计 columns of table 三."""
    found = check_tables(from_expected("shuyang_fgj_2023"))
    assert codes(found) & HARD == set()
    unassessed = [f for f in found if f.code == "RULE_NOT_ASSESSABLE"]
    assert sorted(f.message.split("(")[0] for f in unassessed) == ["T3_BALANCE", "T3_OUTCOME_TOTAL", "T3_ROW_TOTAL"]
    assert all(f.where == "table3" for f in unassessed)


def test_a_broken_assessable_column_still_fails_beside_null_ones():
    report = from_expected("shuyang_fgj_2023")
    report.table3["total"]["natural_person"] = 25
    assert {"T3_BALANCE", "T3_OUTCOME_TOTAL"} <= codes(check_tables(report))


def test_the_code_a_broken_identity_raises_comes_from_the_template(monkeypatch, seed_002):
    """Swap the codes of table 三's two column identities in the data: the checks follow."""
    from dataclasses import replace

    fmt = FORMATS[seed_002.meta.template]
    row_total, balance, outcome = fmt.table3.identities
    swapped = replace(fmt.table3, identities=(row_total, replace(balance, code=outcome.code),
                                              replace(outcome, code=balance.code)))
    monkeypatch.setitem(FORMATS, fmt.name, replace(fmt, table3=swapped))
    report = seed_002.model_copy(deep=True)
    report.table3["carried_forward"]["natural_person"] += 1
    report.table3["carried_forward"]["total"] += 1
    found = [f for f in check_tables(report) if f.code in HARD]
    assert [(f.code, f.where) for f in found] == [("T3_OUTCOME_TOTAL", "table3.total.natural_person"),
                                                  ("T3_OUTCOME_TOTAL", "table3.total.total")]


def test_a_broken_sub_row_of_other_is_found_in_their_sum_too():
    """(六)其他处理 is not printed in the 2021 format: the extractor sums its three sub-rows.
    A value read into the wrong column of a sub-row is wrong in the sum as well, so the row
    sum is asked of the sum too, and the sum's cells are not left without a finding (a
    total printed first, read by position: wild44's totals_first, pdfplumber's text)."""
    report = from_expected("huaian_city_2024")
    assert report.meta.template == "2021"
    report.table3["other.other"]["commercial"] += 1
    report.table3["other"]["commercial"] += 1
    found = [f for f in check_tables(report) if f.code == "T3_ROW_TOTAL"]
    assert [f.where for f in found] == ["table3.other.other", "table3.other"]
    assert found[1].message.endswith("((六)其他处理(各子行之和))")
    assert found[1].message_en.endswith("(other)")


def test_a_sum_of_sub_rows_with_a_null_is_not_said_twice():
    report = from_expected("huaian_city_2024")
    report.table3["other.other"]["commercial"] = None
    report.table3["other"]["commercial"] = None
    unassessed = [f for f in check_tables(report) if f.code == "RULE_NOT_ASSESSABLE" and "T3_ROW_TOTAL" in f.message]
    assert len(unassessed) == 1 and "(六)3" in unassessed[0].message and "(六)其他处理" not in unassessed[0].message
