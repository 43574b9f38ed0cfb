"""Plausibility of table 二 (T2_STOCK, T2_PUBLISHED, T2_CHANGE_LARGE) and amounts
without a unit (AMOUNT_UNIT), on the seeds and minimal changes of them."""

from __future__ import annotations

import pytest
from checks_support import SEED, changed, codes, reparse, with_lines

from ogi import parse
from ogi.checks.plausibility import check_plausibility


def test_change_larger_than_the_items_seed_002():
    found = [f for f in check_plausibility(parse(SEED["002"])) if f.code == "T2_CHANGE_LARGE"]
    assert [f.where for f in found] == ["table2.fees.items_change"]
    assert "|37| > 上一年项目数量 26" in found[0].message and found[0].line == 55


def test_change_within_the_items():
    assert "T2_CHANGE_LARGE" not in codes(check_plausibility(parse(SEED["000"])))
    report = reparse(with_lines("002", {55: "20 | ||"}))
    assert report.table2["fees"]["items_change"] == 20
    assert "T2_CHANGE_LARGE" not in codes(check_plausibility(report))


def test_published_total_below_this_years_publications():
    report = reparse(with_lines("002", {22: "30 | |"}))
    assert report.table2["normative_documents"] == {"made": 40, "published": 40, "total_published": 30}
    found = next(f for f in check_plausibility(report) if f.code == "T2_PUBLISHED")
    assert found.message == "表二“规范性文件”:对外公开总数量 30 < 本年新公开数量 40"
    assert "T2_PUBLISHED" not in codes(check_plausibility(parse(SEED["002"])))


def test_stock_below_what_was_issued_less_repealed():
    report = reparse(changed("004", ("行政规范性文件 | 0 | 1 | 2 |", "行政规范性文件 | 5 | 1 | 2 |")))
    found = next(f for f in check_plausibility(report) if f.code == "T2_STOCK")
    assert found.where == "table2.normative_documents.in_force"
    assert found.message == "表二“行政规范性文件”:现行有效件数 2 < 本年制发件数 − 本年废止件数 = 5 − 1 = 4"
    assert "T2_STOCK" not in codes(check_plausibility(parse(SEED["004"])))


def test_stock_with_null_cells_is_not_assessable():
    """Seed 001's 行政规范性文件 row holds the text 由市司法局填报."""
    found = [f for f in check_plausibility(parse(SEED["001"])) if f.code == "RULE_NOT_ASSESSABLE"]
    assert len(found) == 1 and found[0].message.startswith("T2_STOCK")
    assert "table2.normative_documents.in_force" in found[0].message


def test_amount_without_any_unit():
    report = reparse(with_lines("002", {62: "74708.228 |"}))
    found = next(f for f in check_plausibility(report) if f.code == "AMOUNT_UNIT")
    assert found.where == "table2.procurement.amount" and "74708.228" in found.message


@pytest.mark.parametrize("seed", ["000", "002", "004"])
def test_amount_with_its_unit_in_the_cell_or_the_format(seed):
    assert "AMOUNT_UNIT" not in codes(check_plausibility(parse(SEED[seed])))


def test_amount_whose_unit_is_in_its_printed_header():
    report = reparse(with_lines("003", {68: "12.5 |"}))
    assert report.table2["procurement"]["amount"] == 12.5
    assert "AMOUNT_UNIT" not in codes(check_plausibility(report))
