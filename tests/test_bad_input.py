"""Bad input gets a clear message and an exit status, never a traceback; a batch goes on."""

from __future__ import annotations

import json
import os

import pytest
from typer.testing import CliRunner

from expected import SEEDS
from ogi import NotAReport, UnreadableFile, parse
from ogi.cli import app

SEED = SEEDS / "004_3f0a03dfd5eda10b.txt"
runner = CliRunner()


def test_empty_file():
    with pytest.raises(UnreadableFile, match="empty"):
        parse(b"")
    with pytest.raises(UnreadableFile, match="empty"):
        parse(b"  \n\n ")


def test_binary_garbage():
    with pytest.raises(UnreadableFile, match="binary|not text"):
        parse(os.urandom(4096) + b"\x00" * 64)


def test_text_that_is_not_a_report():
    with pytest.raises(NotAReport):
        parse("今天天气很好。我们去公园散步,看见了很多花。\n第二段文字,与政府信息公开无关。".encode())


def test_html_page_that_is_not_a_report():
    page = ("<html><head><title>新闻</title></head><body><div class='nav'>首页 > 新闻</div>"
            "<p>今天召开了全区安全生产工作会议。会议强调要落实责任。</p><p>上一条 下一条</p></body></html>")
    with pytest.raises(NotAReport, match="no annual report"):
        parse(page.encode())


def test_two_reports_in_one_file():
    text = SEED.read_text(encoding="utf-8")
    with pytest.raises(NotAReport, match="2 reports"):
        parse((text + "\n" + text).encode())


def test_report_whose_tables_are_missing():
    text = SEED.read_text(encoding="utf-8")
    prose = [ln for ln in text.splitlines() if "|" not in ln]
    report = parse("\n".join(prose).encode())
    missing = {f.where for f in report.findings if f.code == "TABLE_MISSING"}
    assert missing == {"table2", "table3", "table4"}
    assert report.meta.year == 2023
    assert not any(f.code == "ROW_MISSING" for f in report.findings)


def test_unfilled_form_is_no_data():
    text = SEED.read_text(encoding="utf-8")
    blank = "\n".join("|".join("" if c.strip().lstrip("-").isdigit() else c for c in ln.split("|"))
                      for ln in text.splitlines())
    report = parse(blank.encode())
    assert any(f.code == "NO_DATA" for f in report.findings)
    assert report.table3["new_received"]["total"] is None


def test_cli_batch_goes_on_and_exits_1(tmp_path):
    bad = tmp_path / "empty.txt"
    bad.write_bytes(b"")
    result = runner.invoke(app, ["parse", str(SEED), str(bad), str(tmp_path / "nope.txt")])
    assert result.exit_code == 1
    data = json.loads(result.stdout)
    assert len(data) == 1 and data[0]["table3"]["new_received"]["total"] == 10
    assert "empty.txt: the file is empty" in result.stderr
    assert "nope.txt: no such file" in result.stderr
    assert "Traceback" not in result.stderr


def test_cli_usage_error_is_2():
    assert runner.invoke(app, ["parse", "--format", "yaml", str(SEED)]).exit_code == 2
    assert runner.invoke(app, ["parse"]).exit_code == 2


def test_cli_reads_standard_input():
    result = runner.invoke(app, ["parse", "-", "--format", "csv"], input=SEED.read_bytes())
    assert result.exit_code == 0
    assert "table3,new_received,total,10," in result.stdout


def test_cli_table_format_draws_the_tables():
    result = runner.invoke(app, ["parse", str(SEED), "--format", "table"])
    assert result.exit_code == 0
    assert "收到和处理政府信息公开申请情况" in result.stdout and "行政复议" in result.stdout
