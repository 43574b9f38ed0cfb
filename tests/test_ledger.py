"""The application ledger: import (XLSX, CSV) validated row by row, tables 三 and 四
computed from it with their identities holding by construction, the rows behind a cell,
and the CLI."""

from __future__ import annotations

import io
import json
import random
from datetime import date

import pytest
from openpyxl import load_workbook
from typer.testing import CliRunner

from ogi.cli import app
from ogi.ledger import LedgerError, count, read_ledger, tables
from ogi.ledger.columns import COLUMNS, outcomes
from ogi.ledger.sample import applications, to_csv, to_xlsx
from ogi.ledger.template import CHOICES_SHEET, LEDGER_SHEET, write_ledger_template
from ogi.model import Meta, Report, empty_tables
from ogi.render.checked import check

HEADER = [c.label for c in COLUMNS]


def csv_ledger(*rows: list) -> bytes:
    lines = [",".join(HEADER)] + [",".join(str(x) for x in r) + "," * (len(HEADER) - len(r)) for r in rows]
    return ("\n".join(lines) + "\n").encode("utf-8")


# id, received, type, applicant, channel, summary, corr. asked, corr. received, extended, replied, outcome,
# review filed, review result, litigation filed, litigation result
SMALL = csv_ledger(
    ["A1", "2023-12-20", "自然人", "张三", "网络", "规划许可", "", "", "否", "2024-01-10", "予以公开"],
    ["A2", "2023-12-28", "商业企业", "某公司", "信函", "征收补偿", "", "", "否", "", ""],  # open all 2024
    ["A3", "2024-02-01", "商业企业", "某公司", "信函", "处罚决定", "2024-02-05", "2024-02-20", "是", "2024-04-02",
     "不予公开·属于国家秘密", "2024-04-20", "结果维持", "2024-06-01", ""],
    ["A4", "2024-03-01", "自然人", "李四", "当面", "财政预算", "", "", "", "2024-03-20",
     "无法提供·本机关不掌握相关政府信息", "", "", "2024-05-06", "纠正"],
    ["A5", "2024-12-30", "法律服务机构", "某律所", "网络", "会议纪要", "", "", "", "2025-01-08", "部分公开"],
    ["A6", "2023-11-02", "自然人", "王五", "网络", "拆迁", "", "", "", "2023-11-20", "不予处理·重复申请"],
    ["A7", "2024-05-06", "其他", "某协会", "网络", "统计", "", "", "", "2024-05-20",
     "其他处理·申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请"],
)


def test_a_small_ledger_counts_into_the_cells_it_names():
    ledger = read_ledger("small.csv", SMALL)
    t3, t4 = tables(ledger, 2024)
    assert t3["new_received"] == {"natural_person": 1, "commercial": 1, "research": 0, "social_welfare": 0,
                                  "legal_service": 1, "other_org": 1, "total": 4}
    assert t3["carried_over"]["natural_person"] == 1 and t3["carried_over"]["commercial"] == 1
    assert t3["carried_over"]["total"] == 2  # A1 and A2; A6 was answered in 2023
    assert t3["granted"]["total"] == 1 and t3["denied.state_secret"]["commercial"] == 1
    assert t3["unable.not_held"]["natural_person"] == 1
    assert t3["other.no_fee"]["other_org"] == 1 and t3["other"]["other_org"] == 1
    assert t3["total"]["total"] == 4
    assert t3["carried_forward"] == {"natural_person": 0, "commercial": 1, "research": 0, "social_welfare": 0,
                                     "legal_service": 1, "other_org": 0, "total": 2}  # A2, A5
    assert t4["review"] == {"upheld": 1, "corrected": 0, "other": 0, "pending": 0, "total": 1}
    assert t4["litigation_after_review"] == {"upheld": 0, "corrected": 0, "other": 0, "pending": 1, "total": 1}
    assert t4["litigation_direct"] == {"upheld": 0, "corrected": 1, "other": 0, "pending": 0, "total": 1}
    cells = count(ledger, 2024)
    assert [a.id for a in cells.explain("table3.carried_forward.total")] == ["A2", "A5"]
    assert [a.id for a in cells.explain("table3.other.other_org")] == ["A7"]
    assert [a.row for a in cells.explain("table3.new_received.commercial")] == [4]
    with pytest.raises(KeyError):
        cells.explain("table3.no_such_row.total")


def test_a_2019_format_year_counts_the_three_other_rows_as_one():
    ledger = read_ledger("small.csv", SMALL.replace(b"2024-", b"2020-").replace(b"2023-", b"2019-")
                         .replace(b"2025-", b"2021-"))
    t3, _ = tables(ledger, 2020)
    assert "other.no_fee" not in t3 and t3["other"]["other_org"] == 1


def test_the_2019_other_row_is_refused_in_a_2021_format_year():
    data = csv_ledger(["B1", "2024-03-01", "自然人", "", "", "", "", "", "", "2024-03-05", "其他处理"])
    ledger = read_ledger("b.csv", data)
    with pytest.raises(LedgerError) as caught:
        tables(ledger, 2024)
    assert [str(p) for p in caught.value.problems] == [
        "第 2 行「办理结果」:“其他处理”在 2021 格式中须细分为:"
        "其他处理·申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请、"
        "其他处理·申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请、其他处理·其他"]


def test_every_problem_is_named_by_row_and_column():
    data = csv_ledger(
        ["C1", "2024-13-01", "自然人"],
        ["C2", "2024-03-01", "外国人"],
        ["C3", "2024-03-01", "自然人", "", "", "", "", "", "", "2024-03-05", ""],
        ["C4", "2024-03-10", "自然人", "", "", "", "", "", "", "2024-03-05", "予以公开"],
        ["C5", "", "自然人"],
        ["C6", "2024-03-01", "自然人", "", "", "", "", "", "也许"],
        ["C1", "2024-03-01", "自然人"],
        [],
    )
    with pytest.raises(LedgerError) as caught:
        read_ledger("c.csv", data)
    assert [str(p) for p in caught.value.problems] == [
        "第 2 行「收到申请日期」:“2024-13-01”不是日期(应如 2024-01-05)",
        "第 3 行「申请人类型」:“外国人”不是可选的值,应为:自然人、商业企业、科研机构、社会公益组织、法律服务机构、其他",
        "第 4 行「办理结果」:已填答复日期,须填办理结果",
        "第 5 行「答复日期」:答复日期 2024-03-05 早于收到申请日期 2024-03-10",
        "第 6 行「收到申请日期」:必填,不能为空",
        "第 7 行「延期答复」:“也许”应填“是”或“否”",
    ]  # C1's duplicate is only checked among readable rows: row 8 duplicates no readable row


def test_duplicate_numbers_and_a_missing_header_are_named():
    with pytest.raises(LedgerError) as caught:
        read_ledger("d.csv", csv_ledger(["D1", "2024-03-01", "自然人"], ["D1", "2024-03-02", "自然人"]))
    assert [str(p) for p in caught.value.problems] == ["第 3 行「编号」:编号“D1”与第 2 行重复"]
    with pytest.raises(LedgerError) as caught:
        read_ledger("e.csv", "编号,申请人\nE1,张三\n".encode())
    assert str(caught.value.problems[0]).startswith("第 1 行:表头缺少必填列「收到申请日期」「申请人类型」")


def test_gbk_csv_and_typed_dates_read():
    data = csv_ledger(["G1", "2024年3月1日", "自然人", "", "", "", "", "", "", "2024/3/5", "予以公开"],
                      ["G2", "20240302", "科研机构"]).decode().encode("gb18030")
    ledger = read_ledger("g.csv", data)
    assert [(a.received, a.replied, a.applicant_type) for a in ledger.applications] == [
        (date(2024, 3, 1), date(2024, 3, 5), "natural_person"), (date(2024, 3, 2), None, "research")]


def test_the_template_has_drop_downs_built_from_the_format():
    wb = load_workbook(io.BytesIO(write_ledger_template()))
    assert [c.value for c in wb[LEDGER_SHEET][1]] == HEADER
    listed = [c.value for c in wb[CHOICES_SHEET]["B"][1:] if c.value]
    assert listed == list(outcomes())
    assert listed[:3] == ["予以公开", "部分公开（区分处理的，只计这一情形，不计其他情形）", "不予公开·属于国家秘密"]


@pytest.fixture(scope="module")
def realistic():
    """600 applications from December 2023 to January 2025: holidays, corrections, extensions."""
    rows = applications(random.Random(20240101), 2024, 600)
    return rows, read_ledger("ledger.xlsx", to_xlsx(rows))


def test_xlsx_and_csv_of_the_same_rows_read_the_same(realistic):
    rows, ledger = realistic
    assert read_ledger("ledger.csv", to_csv(rows)).applications == ledger.applications
    apps = ledger.applications
    assert len(apps) == 600
    # what makes it realistic: corrections (some never answered), extensions, open cases, the
    # year boundary on both sides, make-up working weekends (调休), reviews and suits
    assert (sum(a.correction_received is not None for a in apps),
            sum(a.correction_requested is not None and a.correction_received is None for a in apps),
            sum(a.extended for a in apps), sum(a.replied is None for a in apps),
            sum(a.received.year == 2023 for a in apps), sum(a.received.year == 2025 for a in apps),
            sum(a.received.weekday() >= 5 for a in apps),
            sum(a.review_filed is not None for a in apps), sum(a.litigation_filed is not None for a in apps)) == (
        53, 12, 26, 40, 45, 38, 20, 16, 10)


@pytest.mark.parametrize("year", [2023, 2024, 2025])
def test_identities_hold_by_construction(realistic, year):
    _, ledger = realistic
    t3, t4 = tables(ledger, year)
    template = "2021"
    report = Report(meta=Meta(year=year, template=template, agency="某市某局", published_date=f"{year + 1}-01-20"),
                    table2=empty_tables(template)["table2"], table3=t3, table4=t4)
    assert {f.code for f in check(report) if f.code.startswith(("T3_", "T4_"))} == set()
    report.table3["carried_forward"]["natural_person"] += 1  # the check does see a broken balance
    assert "T3_BALANCE" in {f.code for f in check(report)}
    previous, _ = tables(ledger, year - 1)
    assert t3["carried_over"] == previous["carried_forward"]
    assert t3["new_received"]["total"] == sum(a.received.year == year for a in ledger.applications)


def test_cli_tables_explain_and_report(tmp_path, realistic):
    rows, ledger = realistic
    path = tmp_path / "ledger.xlsx"
    path.write_bytes(to_xlsx(rows))
    runner = CliRunner()
    result = runner.invoke(app, ["ledger", "tables", str(path), "--year", "2024", "-f", "json"])
    assert result.exit_code == 0, result.output
    t3 = json.loads(result.output)["table3"]
    assert t3 == tables(ledger, 2024)[0]
    result = runner.invoke(app, ["ledger", "explain", str(path), "table3.granted.research", "--year", "2024", "-f", "json"])
    listed = json.loads(result.output)
    assert listed["count"] == t3["granted"]["research"] == len(listed["applications"])
    assert {a["outcome"] for a in listed["applications"]} <= {"予以公开"}
    assert {a["applicant_type"] for a in listed["applications"]} <= {"科研机构"}
    bad = runner.invoke(app, ["ledger", "explain", str(path), "table3.nothing.total", "--year", "2024"])
    assert bad.exit_code == 1 and "no such cell" in bad.output


def test_cli_names_bad_rows(tmp_path):
    path = tmp_path / "bad.csv"
    path.write_bytes(csv_ledger(["X1", "2024-02-30", "自然人"]))
    result = CliRunner().invoke(app, ["ledger", "tables", str(path), "--year", "2024"])
    assert result.exit_code == 1
    assert "第 2 行「收到申请日期」:“2024-02-30”不是日期" in result.output
    assert "Traceback" not in result.output


def test_cli_check_lists_deadline_findings_and_fails_on_overdue(tmp_path):
    path = tmp_path / "l.csv"
    path.write_bytes(csv_ledger(["H1", "2024-09-27", "自然人", "", "", "", "", "", "", "2024-11-01", "予以公开"],
                                ["H2", "2024-10-21", "自然人"]))
    result = CliRunner().invoke(app, ["ledger", "check", str(path), "--as-of", "2024-11-12"])
    assert result.exit_code == 1
    assert result.output.splitlines() == [
        "warning REPLY_OVERDUE    第 2 行(编号 H1):收到申请 2024-09-27,2024-11-01 答复,超过期限 2024-10-30(20个工作日) 2 个工作日",
        "info    REPLY_DUE_SOON   第 3 行(编号 H2):收到申请 2024-10-21,答复期限 2024-11-18(20个工作日),还剩 4 个工作日",
        "2 件申请,2 条提示"]
    fine = CliRunner().invoke(app, ["ledger", "check", str(path), "--as-of", "2024-10-22", "-f", "json"])
    assert fine.exit_code == 1 and json.loads(fine.output)[0]["code"] == "REPLY_OVERDUE"  # H1 was replied late


def test_a_file_that_is_no_ledger_says_so():
    for data, message in ((b"PK\x03\x04not a workbook", "无法读取 xlsx 文件"), (b"", "文件是空的,没有表头行")):
        with pytest.raises(LedgerError) as caught:
            read_ledger("x.xlsx", data)
        assert str(caught.value).startswith(message)
