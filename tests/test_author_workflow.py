"""An agency writes its report in ogi: ledger + form → draft → checked → published, the
published version locked, a correction a new version with its changes listed — on both
store backends, and through the CLI."""

from __future__ import annotations

import json
import random
from datetime import date

import pytest
from typer.testing import CliRunner

from ogi import parse
from ogi.cli import app
from ogi.form import fill_form
from ogi.ledger import apply, read_ledger
from ogi.ledger.sample import applications, to_xlsx
from ogi.ledger.workflow import CHECKED, DRAFT, PUBLISHED, WorkflowError, check, publish, save, versions
from ogi.model import Meta, Report, SectionText, empty_tables
from ogi.render import render
from ogi.store import open_store

AGENCY = "某市自然资源和规划局"


def report_from_ledger(seed: int = 3) -> Report:
    ledger = read_ledger("l.xlsx", to_xlsx(applications(random.Random(seed), 2024, 300)))
    tables = empty_tables("2021")
    for cols in tables["table2"].values():
        for col in cols:
            cols[col] = 1.5 if col == "amount" else 2
    report = Report(meta=Meta(title=f"{AGENCY}2024年政府信息公开工作年度报告", agency=AGENCY, year=2024,
                              template="2021", index_number="11320800/2025-00001"), **tables)
    report.sections = {"s1": SectionText(text="2024年，本局坚持以公开为常态、不公开为例外。\n（一）主动公开情况。全年主动公开信息1200条。"),
                       "s5": SectionText(text="存在问题：政策解读形式较为单一。\n改进措施：丰富解读形式，加强培训。"),
                       "s6": SectionText(text="本局未收取信息处理费。")}
    return apply(report, ledger)


def test_draft_check_publish_and_correct(db_url):
    report = report_from_ledger()
    with open_store(db_url) as db:
        draft = report.model_copy(deep=True)
        del draft.sections["s5"]
        assert save(db, draft).state == DRAFT
        v, found = check(db, AGENCY, 2024)
        assert v.state == DRAFT and [f.where for f in found if f.code == "SECTION_MISSING"] == ["section.s5"]
        with pytest.raises(WorkflowError, match="尚未通过校验"):
            publish(db, AGENCY, 2024, date(2025, 1, 20))
        assert save(db, report).version == 1  # the draft is rewritten, not a new version
        assert check(db, AGENCY, 2024)[0].state == CHECKED
        v, late = publish(db, AGENCY, 2024, date(2025, 1, 20))
        assert (v.version, v.state, v.report.meta.published_date, late) == (1, PUBLISHED, "2025-01-20", [])
        with pytest.raises(WorkflowError, match="已发布,已锁定"):
            check(db, AGENCY, 2024)
        corrected = report.model_copy(deep=True)
        corrected.table2["regulations"]["issued"] = 3
        corrected.sections["s6"] = SectionText(text="本局未收取信息处理费。本报告第1版表二数据有误，已更正。")
        assert save(db, corrected).version == 2  # a correction: the published version stays
        check(db, AGENCY, 2024)
        v, late = publish(db, AGENCY, 2024, date(2025, 2, 10))
        assert [f.code for f in late] == ["PUBLISHED_LATE"]  # a department: 31 January
        assert v.changes == [
            {"where": "table2.regulations.issued", "old": 2, "new": 3},
            {"where": "section.s6", "old": "本局未收取信息处理费。", "new": "本局未收取信息处理费。本报告第1版表二数据有误，已更正。"},
        ]
        kept = versions(db, AGENCY, 2024)
        assert [(x.version, x.state) for x in kept] == [(1, PUBLISHED), (2, PUBLISHED)]
        assert kept[0].report.table2["regulations"]["issued"] == 2  # the first stays as published


def test_the_cli_from_ledger_to_a_published_pdf_ready_report(tmp_path):
    db = str(tmp_path / "store.duckdb")
    base = report_from_ledger()
    ledger = tmp_path / "ledger.xlsx"
    ledger.write_bytes(to_xlsx(applications(random.Random(3), 2024, 300)))
    form = tmp_path / "form.xlsx"
    form.write_bytes(fill_form(base))
    runner = CliRunner()
    done = runner.invoke(app, ["ledger", "report", str(ledger), "--data", str(form), "-o", str(tmp_path / "r.json")])
    assert done.exit_code == 0, done.output
    data = json.loads((tmp_path / "r.json").read_text(encoding="utf-8"))
    assert data["table3"] == base.table3 and data["sections"]["s5"]["text"] == base.sections["s5"].text
    for args in (["author", "save", str(tmp_path / "r.json")], ["author", "check", AGENCY, "2024"],
                 ["author", "publish", AGENCY, "2024", "--date", "2025-01-15"]):
        result = runner.invoke(app, [*args, "--db", db])
        assert result.exit_code == 0, result.output
    assert "第 1 版:已发布 2025-01-15" in result.output
    again = runner.invoke(app, ["author", "publish", AGENCY, "2024", "--db", db])
    assert again.exit_code == 1 and "已锁定" in again.output
    shown = runner.invoke(app, ["author", "show", AGENCY, "2024", "-o", str(tmp_path / "p.json"), "--db", db])
    assert shown.exit_code == 0
    rendered = runner.invoke(app, ["render", str(tmp_path / "p.json"), "--to", "docx"])
    assert rendered.exit_code == 0, rendered.output
    back = parse(tmp_path / "p.docx")
    assert back.table3 == base.table3 and back.sections["s1"].text == base.sections["s1"].text
    assert back.meta.published_date == "2025-01-15"


def test_a_report_rendered_from_the_ledger_parses_back(tmp_path):
    report = report_from_ledger(seed=5)
    back = parse(render(report, "html"), name="r.html")
    assert (back.table3, back.table4) == (report.table3, report.table4)
    assert not {f.code for f in back.findings if f.severity.value == "error"}
