"""Figures in the narrative against the tables (TEXT_TABLE_MISMATCH): the seeds that
contradict their tables, the real reports whose text agrees, scope words, and numbers
about something else."""

from __future__ import annotations

import pytest
from checks_support import SEED, changed, codes, peer, reparse

from ogi import parse
from ogi.checks.text import check_text

SEED_004_SENTENCE = "收到申请信息公开件共13件。"


def mismatches(report):
    return [f for f in check_text(report) if f.code == "TEXT_TABLE_MISMATCH"]


def test_seed_002_whole_district_68_against_50():
    found = mismatches(parse(SEED["002"]))
    assert len(found) == 1
    f = found[0]
    assert (f.where, f.line) == ("section.s1", 5)  # the sentence saying 68
    assert "全区共收到政府信息依申请公开68件" in f.message and "(范围:全区)" in f.message
    assert "收到申请 68 件" in f.message and "总计 = 50" in f.message
    assert "(scope: 全区)" in f.message_en and "table3.new_received.total = 50" in f.message_en


def test_seed_004_13_against_10_and_its_parts_agree():
    found = mismatches(parse(SEED["004"]))
    assert len(found) == 1  # 其中信函申请共10件 is a part; 无法提供6件, 结转下年度办理1件 agree
    assert SEED_004_SENTENCE in found[0].message and "总计 = 10" in found[0].message


def test_seed_004_agrees_when_its_text_says_10():
    report = reparse(changed("004", (SEED_004_SENTENCE, "收到申请信息公开件共10件。")))
    assert mismatches(report) == []


def test_carried_forward_in_the_text_against_the_table():
    report = reparse(changed("004", ("结转下年度办理1件", "结转下年度办理2件")))
    found = mismatches(report)
    assert any("结转下年度申请 2 件" in f.message and "四、结转下年度继续办理" in f.message for f in found)


@pytest.mark.parametrize("sentence", [
    "全年受理网络问政182件。",  # not an application for disclosure
    "12345政府热线转办申请75件。",
    "清理规范性文件及配套规定300余件。",  # approximate
    "部门规范性文件报区司法局备案审查12件。",  # another body's documents
    "其中依申请公开件共7件。",  # a part
    "各部门共收到政府信息公开申请40件。",  # other units
])
def test_numbers_about_something_else_are_not_compared(sentence):
    report = reparse(changed("004", (SEED_004_SENTENCE, sentence + "收到申请信息公开件共10件。")))
    assert mismatches(report) == []


@pytest.mark.parametrize("sentence,what", [
    ("我局共收到政府信息公开申请12件。", "收到申请 12 件"),
    ("本机关全年受理政府信息公开申请12件。", "收到申请 12 件"),
    ("全区被申请行政复议3件。", "行政复议 3 件"),
    ("发生政府信息公开行政诉讼2件。", "行政诉讼 2 件"),
    ("全年制发行政规范性文件3件。", "制发规范性文件 3 件"),
])
def test_own_figures_that_contradict_the_tables(sentence, what):
    report = reparse(changed("004", (SEED_004_SENTENCE, sentence + "收到申请信息公开件共10件。")))
    found = mismatches(report)
    assert len(found) == 1 and what in found[0].message


# ------------------------------------------------------------------ real reports

def test_shuyang_text_agrees_with_its_table():
    """'2023年度我局共收到依申请信息公开26件' = new_received.total 26; '全年受理网络问政182件'
    is not an application; '行政公文和政策解读信息9条' is not a count of 规范性文件."""
    report = peer("shuyang_fgj_2023.html")
    assert mismatches(report) == []
    report.table3["new_received"]["total"] = 25
    found = mismatches(report)
    assert len(found) == 1 and "(范围:我局)" in found[0].message and "收到申请 26 件" in found[0].message


def test_huaian_city_text_agrees_with_its_tables():
    """受理3119件, 答复3050件, 上年度结转34件, 103件顺延到下年度, 行政复议351件, 行政诉讼46件 = 26+20."""
    report = peer("huaian_city_2024.pdf")
    assert "TEXT_TABLE_MISMATCH" not in codes(report.findings)
    for key, said in [("table3.new_received.total", "收到申请 3119"), ("table3.total.total", "答复申请 3050"),
                      ("table3.carried_over.total", "上年结转申请 34"), ("table3.carried_forward.total", "结转下年度申请 103"),
                      ("table4.review.total", "行政复议 351"), ("table4.litigation_direct.total", "行政诉讼 46")]:
        changed_report = report.model_copy(deep=True)
        table, row, col = key.split(".")
        getattr(changed_report, table)[row][col] += 1
        assert [said in f.message for f in mismatches(changed_report)] == [True], key


def test_hongze_office_figure_is_not_the_districts():
    """'区政府办代表区政府受理政府信息公开申请17件' counts the office's applications, table 三
    the district's 95: a difference of scope, not a contradiction, so not raised."""
    assert mismatches(peer("huaian_hongze_2024.pdf")) == []


def test_hongze_2023_whole_district_figure_is_compared():
    report = peer("huaian_hongze_2023.pdf")
    assert mismatches(report) == []
    report.table3["new_received"]["total"] = 20
    assert ["(范围:全区)" in f.message for f in mismatches(report)] == [True]


# ------------------------------------------------------------------ reviews and suits in the text
# Seed 004's table 四: 行政复议 1 (维持), no suits. Its sentence on applications stays as 10 (agreeing).

AGREEING = "收到申请信息公开件共10件。"


def appeals(sentence):
    report = reparse(changed("004", (SEED_004_SENTENCE, sentence + AGREEING)))
    return [f.message.rsplit(":", 1)[1] for f in mismatches(report)]


@pytest.mark.parametrize("sentence", [
    "本机关因政府信息公开申请引发行政复议1件、行政诉讼0件。",
    "本机关因政府信息公开申请引发行政复议1件,行政诉讼0件。",
    "本年度共发生行政复议和行政诉讼1件,其中行政复议1件、行政诉讼0件。",
    "全年未发生因政府信息公开引起的行政诉讼。",
    "全年未发生行政复议被纠错的情况。",  # not a count of reviews
    "全年办理行政复议案件100件。",  # a count of cases in general, not of disclosure's
])
def test_appeals_sentences_that_agree_with_table_4(sentence):
    assert appeals(sentence) == []


def test_reviews_and_suits_in_one_clause_are_two_figures():
    """The second count of “行政复议5件、行政诉讼12件” is the suits', not the sum of both."""
    assert appeals("本机关因政府信息公开申请引发行政复议5件、行政诉讼12件。") == [
        "行政复议 5 件,而表四行政复议总计 = 1", "行政诉讼 12 件,而表四两类行政诉讼总计之和 = 0"]


@pytest.mark.parametrize("sentence,said", [
    ("行政复议和行政诉讼各2件。", ["行政复议 2 件,而表四行政复议总计 = 1", "行政诉讼 2 件,而表四两类行政诉讼总计之和 = 0"]),
    ("行政复议、行政诉讼共3件。", ["行政复议和行政诉讼 3 件,而表四三项总计之和 = 1"]),
    ("本年度共发生行政复议和行政诉讼1件,其中行政复议0件、行政诉讼1件。",
     ["行政复议 0 件,而表四行政复议总计 = 1", "行政诉讼 1 件,而表四两类行政诉讼总计之和 = 0"]),
    ("全年未发生因政府信息公开引起的行政复议、行政诉讼。", ["行政复议 0 件,而表四行政复议总计 = 1"]),
    ("未发生政府信息公开行政复议和诉讼案件。", ["行政复议 0 件,而表四行政复议总计 = 1"]),
])
def test_common_appeals_phrasings_are_read_figure_by_figure(sentence, said):
    assert appeals(sentence) == said
