"""Legacy (2008–2018) reports: told by year and structure, never forced into the 2019
format, and their headline figures read as data with provenance — from the old
statistics table (统计指标 | 单位 | 统计数) and from the sentences that state them."""

from __future__ import annotations

from pathlib import Path

from ogi import parse

COUNTY_2015 = Path(__file__).parent / "fixtures" / "legacy" / "county_2015.txt"
FIGURES_2015 = {"proactive": 4286, "normative_documents": 36, "applications_received": 46,
                "applications_completed": 46, "answers_total": 46, "answers_already_public": 0, "answers_granted": 31,
                "answers_partially_granted": 4, "answers_denied": 3, "answers_not_own": 5, "answers_not_exist": 3,
                "answers_correction": 0, "answers_other_channel": 0, "reviews": 2, "suits": 1, "complaints": 0,
                "fees": 0}


def _parse(text: str):
    return parse(text.encode("utf-8"), name="county_2015.txt")


def test_a_2015_county_report_with_the_old_statistics_table():
    report = parse(COUNTY_2015)
    assert (report.meta.template, report.meta.year, report.meta.agency) == ("legacy", 2015, "某某县人民政府办公室")
    assert report.legacy == FIGURES_2015
    assert report.provenance["legacy.applications_received"] == {
        "text": "46", "row": "(一)收到申请数", "unit": "件", "from": "table", "line": 30}
    assert report.provenance["legacy.fees"]["unit"] == "万元"
    assert [f.code for f in report.findings] == ["RULE_NOT_ASSESSABLE"]
    assert report.table3 == {} and report.as_json()["legacy"] == FIGURES_2015


def test_the_statistics_table_header_is_not_the_agency():
    """Without 发布机构 lines, the header cell 统计数 beside 单位 was taken for the publisher."""
    report = _parse(COUNTY_2015.read_text(encoding="utf-8").split("\n", 2)[2])
    assert (report.meta.template, report.meta.agency) == ("legacy", "某某县人民政府")


def test_figures_from_the_text_alone():
    text = COUNTY_2015.read_text(encoding="utf-8")
    report = _parse(text[:text.index("附件:")])
    assert report.meta.template == "legacy"
    assert report.legacy == {"proactive": 4286, "applications_received": 46, "answers_granted": 31,
                             "answers_partially_granted": 4, "answers_denied": 3, "answers_not_own": 5,
                             "answers_not_exist": 3, "fees": 0, "reviews": 2, "suits": 1}
    assert report.provenance["legacy.reviews"] == {"text": "行政复议2件", "from": "text", "line": 14}
    assert report.provenance["legacy.fees"]["text"] == "未收取任何费用"


def test_the_text_against_the_statistics_table():
    text = COUNTY_2015.read_text(encoding="utf-8").replace("全县共收到政府信息公开申请46件", "全县共收到政府信息公开申请48件")
    report = _parse(text)
    assert report.legacy["applications_received"] == 46  # the table's own count
    (mismatch,) = [f for f in report.findings if f.code == "TEXT_TABLE_MISMATCH"]
    assert (mismatch.where, mismatch.line) == ("legacy.applications_received", 10)
    assert mismatch.message == "正文“收到政府信息公开申请48件”:收到申请 48 件,而统计表“(一)收到申请数”为 46 件"


def test_a_current_report_has_no_legacy_block():
    from checks_support import SEED

    report = parse(SEED["004"])
    assert report.legacy is None and "legacy" not in report.as_json()


OUTLINE_2019 = ("某区司法局2019年政府信息公开工作年度报告\n一、总体情况\n本机关全年受理申请22件。\n"
                "二、主动公开政府信息情况\n三、{s3}\n四、政府信息公开行政复议、行政诉讼情况\n"
                "五、存在的主要问题及改进情况\n仍存在不足。\n六、其他需要报告的事项\n无。\n")


def test_a_2019_report_in_the_current_outline_whose_tables_are_lost_is_of_the_2019_format():
    # a portal's layout table read by a text extractor prints the tables apart from their
    # sections (here: not at all): the outline is the current formats', so the tables are
    # missing with a finding each — not a legacy report whose cells need none
    report = parse(OUTLINE_2019.format(s3="收到和处理政府信息公开申请情况").encode("utf-8"), name="r.txt")
    assert report.meta.template == "2019"
    assert [(f.code, f.where) for f in report.findings if f.code == "TABLE_MISSING"] == [
        ("TABLE_MISSING", "table2"), ("TABLE_MISSING", "table3"), ("TABLE_MISSING", "table4")]


def test_a_2019_report_in_the_old_outline_stays_legacy():
    report = parse(OUTLINE_2019.format(s3="依申请公开政府信息情况").encode("utf-8"), name="r.txt")
    assert report.meta.template == "legacy"


def test_a_current_report_with_a_title_and_neither_headings_nor_tables_misses_its_tables():
    # a page that lays the whole report out in a grid a converter flattens (pandoc's rst of a
    # portal's layout table): no heading or table is found, but the title says a 2022 report
    text = "某县某局2022年政府信息公开工作年度报告\n本机关全年受理申请22件，均已按时答复。\n"
    report = parse(text.encode("utf-8"), name="r.txt")
    assert report.meta.template == "2021"
    assert [f.where for f in report.findings if f.code == "TABLE_MISSING"] == ["table2", "table3", "table4"]
