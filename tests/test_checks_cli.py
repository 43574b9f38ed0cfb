"""``ogi check``: text grouped by severity, json, exit status, --strict, --lang, files
that cannot be read, and the rules across several files."""

from __future__ import annotations

import json

from checks_support import SEED, changed, seed_text
from typer.testing import CliRunner

from ogi.cli import app

runner = CliRunner()


def check(*args: str):
    return runner.invoke(app, ["check", *map(str, args)])


def test_warnings_only_exit_0_grouped_with_numbers_and_lines():
    result = check(SEED["004"])
    assert result.exit_code == 0, result.output
    out = result.output
    assert "警告 (3)" in out and "错误" not in out.split("警告")[0]
    assert "TEXT_TABLE_MISMATCH  section.s1 · 第7行" in out and "收到申请 13 件" in out  # the sentence's line
    assert out.rstrip().endswith("检查了 1 份报告,错误 0,警告 3,提示 0")


def test_strict_fails_on_any_finding():
    assert check(SEED["004"], "--strict").exit_code == 1


def test_english():
    result = check(SEED["004"], "--lang", "en")
    assert "warnings (3)" in result.output and "applications received 13" in result.output
    assert "section.s1 · line 7" in result.output  # the sentence's own line


def test_an_error_exits_1(tmp_path):
    broken = tmp_path / "broken.txt"
    broken.write_text(changed("004", ("(七)总计 | 9 | 0 | 0 | 0 | 0 | 0 | 9 |", "(七)总计 | 9 | 0 | 0 | 0 | 0 | 0 | 8 |")),
                      encoding="utf-8")
    result = check(broken)
    assert result.exit_code == 1
    assert "错误 (3)" in result.output and "一+二 = 10+0 = 10 ≠ (七)+四 = 8+1 = 9 (总计列)" in result.output
    assert "table3.total.total · 第61行" in result.output


def test_json_as_in_the_schema():
    result = check(SEED["002"], "--format", "json")
    data = json.loads(result.stdout)
    assert set(data) >= {"schema_version", "source", "meta", "table2", "table3", "table4", "findings", "provenance"}
    finding = next(f for f in data["findings"] if f["code"] == "TEXT_TABLE_MISMATCH")
    assert set(finding) == {"code", "severity", "message", "where"} and finding["severity"] == "warning"


def test_an_unreadable_file_is_named_and_the_batch_goes_on(tmp_path):
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    result = check(empty, SEED["003"], tmp_path / "missing.txt")
    assert result.exit_code == 1
    assert "empty.txt" in result.output and "missing.txt: no such file" in result.output
    assert "检查了 1 份报告,2 份无法读取" in result.output


def test_several_files_are_checked_across(tmp_path):
    next_year = tmp_path / "next_year.txt"
    next_year.write_text(seed_text("004").replace("2024", "2025").replace("2023", "2024").replace("2022", "2023"),
                         encoding="utf-8")
    result = check(SEED["004"], next_year, "--format", "json")
    later = json.loads(result.stdout)[1]
    assert {"CROSS_YEAR_CARRY", "TEXT_COPIED"} <= {f["code"] for f in later["findings"]}


def test_findings_grouped_by_code_with_a_one_line_summary():
    """沭阳县发改局 2023 (a real web page): one summary line, the three not-assessable notes
    under one heading with the rule's description."""
    from expected import PEER

    result = check(PEER / "shuyang_fgj_2023.html")
    lines = result.output.splitlines()
    assert lines[1] == "4 条发现:CELL_BLANK 1 · RULE_NOT_ASSESSABLE 3"
    assert "  RULE_NOT_ASSESSABLE (3)  规则的输入有空值,无法判断" in lines
    assert "  CELL_BLANK  table3 · 第417行" in lines
    assert [line for line in lines if line.startswith("    table3")] == ["    table3"] * 3
