"""Versions of a report (a corrected re-publication is counted, not the first upload), rates
that leave out reports breaking their own tables' identities, and the per-report summary."""

from __future__ import annotations

import copy
import json

from typer.testing import CliRunner

from ogi.cli import app
from ogi.store import open_store
from ogi.store.queries import MEASURES
from ogi.store.schema import MIGRATIONS
from ogi.store.summary import COLUMNS, SUMMARY_CELLS

runner = CliRunner()
AGENCY = "江苏省测试市甲区人民政府"
OTHER = "江苏省测试市乙区教育局"


def cli_json(*args: str):
    result = runner.invoke(app, [*args, "--format", "json"])
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


def corrected(tables: dict) -> dict:
    """The same tables with one more application granted to a natural person (still balanced)."""
    out = copy.deepcopy(tables)
    t3 = out["table3"]
    for row in ("granted", "total", "new_received"):
        t3[row]["natural_person"] += 1
        t3[row]["total"] += 1
    return out


def republish(generated, date: str) -> None:
    text = generated.path.read_text(encoding="utf-8")
    generated.path.write_text(text.replace(f"成文日期: | {generated.year + 1}-01-20", f"成文日期: | {date}"),
                              encoding="utf-8")


def test_a_corrected_republication_is_a_new_version_and_the_one_counted(db_url, report_writer):
    first = report_writer.write(AGENCY, 2022)
    copy_path = report_writer.folder / "00001_copy.txt"  # the same report as another file (its page, its PDF)
    copy_path.write_text(first.path.read_text(encoding="utf-8") + "\n", encoding="utf-8")
    second = report_writer.write(AGENCY, 2022, tables=corrected(first.tables))
    republish(second, "2023-03-15")
    assert runner.invoke(app, ["ingest", str(report_writer.folder), "--db", db_url, "-j", "1"]).exit_code == 0

    (overall,) = cli_json("stats", "--db", db_url)
    assert overall["reports"] == 1
    assert overall["granted"] == first.tables["table3"]["granted"]["total"] + 1
    shown = runner.invoke(app, ["stats", "--db", db_url])
    assert "计入每个机关每年一份报告(最新版本):1 份;未计入的较早版本或副本 2 份。" in shown.output

    listed = cli_json("versions", "甲区人民政府", "2022", "--db", db_url)
    assert [(v["version"], v["date"], v["counted"]) for v in listed["versions"]] == [
        (1, "2023-01-20", False), (1, "2023-01-20", False), (2, "2023-03-15", True)]
    assert listed["versions"][1]["copy_of"] == listed["versions"][0]["report_id"]
    before = first.tables["table3"]
    assert listed["changes"] == [
        {"from_version": 1, "to_version": 2, "cell": f"table3.{row}.{col}", "before": before[row][col],
         "after": before[row][col] + 1}
        for row in ("new_received", "granted", "total") for col in ("natural_person", "total")]

    rows = cli_json("compare", "2022", "2022", "--all", "--agency", AGENCY, "--db", db_url)
    granted = next(r for r in rows if r["cell"] == "table3.granted.total")
    assert granted["2022"] == before["granted"]["total"] + 1


def test_rates_leave_out_reports_that_break_their_own_tables_and_say_so(db_url, report_writer):
    good = report_writer.write(AGENCY, 2022)
    bad_tables = copy.deepcopy(report_writer.write(OTHER, 2022).tables)
    bad_tables["table4"]["review"]["total"] += 1  # T4_TOTAL: total ≠ upheld + corrected + other + pending
    report_writer.count -= 1
    bad = report_writer.write(OTHER, 2022, tables=bad_tables, name="00002_2022.txt")
    assert runner.invoke(app, ["ingest", str(report_writer.folder), "--db", db_url, "-j", "1"]).exit_code == 0

    (overall,) = cli_json("stats", "--db", db_url)
    assert (overall["reports"], overall["excluded"], overall["excluded_T4_TOTAL"], overall["excluded_T3_BALANCE"]) \
        == (1, 1, 1, 0)
    assert overall["review"] == good.tables["table4"]["review"]["total"]
    assert overall["review_correction_rate_numerator"] == good.tables["table4"]["review"]["corrected"]
    (everything,) = cli_json("stats", "--include-inconsistent", "--db", db_url)
    assert (everything["reports"], everything["excluded"]) == (2, 0)
    assert everything["review"] == good.tables["table4"]["review"]["total"] + bad.tables["table4"]["review"]["total"]
    shown = runner.invoke(app, ["stats", "--db", db_url])
    assert "未计入表内勾稽关系不符的报告 1 份(表四 总计≠各项之和 1 份);加 --include-inconsistent 可计入。" \
        in shown.output


def test_a_report_stored_without_its_summary_is_summed_from_its_cells(db_url, report_writer):
    made = [report_writer.write(AGENCY, year) for year in (2021, 2022)]
    assert runner.invoke(app, ["ingest", str(report_writer.folder), "--db", db_url, "-j", "1"]).exit_code == 0
    (before,) = cli_json("stats", "--db", db_url)
    with open_store(db_url) as db:
        db.execute("DELETE FROM report_summary WHERE report_id = (SELECT min(id) FROM reports)")
    (after,) = cli_json("stats", "--db", db_url)
    assert after == before and after["received"] == sum(g.tables["table3"]["new_received"]["total"] for g in made)


def test_migration_3_fixes_the_summary_columns():
    step = next(m for m in MIGRATIONS if m.version == 3)
    assert len(MEASURES) == 23 and len(COLUMNS) == len(MEASURES) + len(SUMMARY_CELLS) == 23 + 47  # + step 10
    assert COLUMNS[:3] == ("m_received", "m_carried_over", "m_handled")
    assert "m_denied__process_information" in COLUMNS
    assert any(s.startswith("CREATE TABLE report_summary") for s in step.statements)


def test_after_a_merge_the_counted_report_follows_the_agencies(db_url, report_writer):
    first = report_writer.write("江苏省测试市甲区民政局", 2022)
    second = report_writer.write("江苏省测试市乙区民政局", 2022, tables=corrected(first.tables))
    republish(second, "2023-03-15")
    assert runner.invoke(app, ["ingest", str(report_writer.folder), "--db", db_url, "-j", "1"]).exit_code == 0
    (before,) = cli_json("stats", "--db", db_url)
    assert before["reports"] == 2
    ids = {row["name"]: row["id"] for row in cli_json("agencies", "list", "--db", db_url)}
    merged = runner.invoke(app, ["agencies", "merge", str(ids["江苏省测试市乙区民政局"]),
                                 str(ids["江苏省测试市甲区民政局"]), "--db", db_url])
    assert merged.exit_code == 0, merged.output
    (after,) = cli_json("stats", "--db", db_url)  # one agency now: its later report is the one counted
    assert after["reports"] == 1 and after["granted"] == first.tables["table3"]["granted"]["total"] + 1
