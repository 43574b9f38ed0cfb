"""``ogi trend``: a measure year over year per agency or region, with change and percent change."""

from __future__ import annotations

import json

from typer.testing import CliRunner

from ogi.cli import app

runner = CliRunner()
A = "江苏省测试市甲区人民政府"
B = "浙江省样例市丙县民政局"


def cli_json(*args: str):
    result = runner.invoke(app, [*args, "--format", "json"])
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


def received(g):
    return g.tables["table3"]["new_received"]["total"]


def test_trend_per_agency_with_change_and_percent_change(db_url, report_writer):
    made = {(name, year): report_writer.write(name, year, scale=30)
            for name in (A, B) for year in (2021, 2022, 2023) if (name, year) != (B, 2023)}
    assert runner.invoke(app, ["ingest", str(report_writer.folder), "--db", db_url, "-j", "1"]).exit_code == 0

    rows = cli_json("trend", "--by", "agency", "--db", db_url)
    assert [(r["group"], r["year"]) for r in rows] == [(A, 2021), (A, 2022), (A, 2023), (B, 2021), (B, 2022)]
    for r in rows:
        now, before = made[r["group"], r["year"]], made.get((r["group"], r["year"] - 1))
        assert r["value"] == received(now) and r["reports"] == 1
        if before is None:
            assert (r["previous"], r["change"], r["pct_change"]) == (None, None, None)
        else:
            change = received(now) - received(before)
            assert (r["previous"], r["change"]) == (received(before), change)
            assert r["pct_change"] == (round(change / received(before), 4) if received(before) else None)

    ranked = cli_json("trend", "--by", "agency", "--sort", "change", "--limit", "2", "--db", db_url)
    changes = sorted(((received(made[n, y]) - received(made[n, y - 1]), n, y) for n, y in made
                      if (n, y - 1) in made), key=lambda t: (-t[0], t[1], t[2]))
    assert [(r["change"], r["group"], r["year"]) for r in ranked] == changes[:2]

    by_province = cli_json("trend", "--by", "province", "--years", "2022-2023", "--db", db_url)
    assert [(r["group"], r["year"], r["value"]) for r in by_province] == [
        ("江苏省", 2022, received(made[A, 2022])), ("江苏省", 2023, received(made[A, 2023])),
        ("浙江省", 2022, received(made[B, 2022]))]
    assert by_province[0]["previous"] == received(made[A, 2021])  # the year before the span gives the change

    one = cli_json("trend", "--agency", "丙县民政局", "-m", "table3.granted.natural_person", "--db", db_url)
    assert [(r["year"], r["value"]) for r in one] == [
        (y, made[B, y].tables["table3"]["granted"]["natural_person"]) for y in (2021, 2022)]
    region = cli_json("trend", "--region", "甲区", "--db", db_url)
    assert [(r["group"], r["value"]) for r in region] == [("全部(甲区)", received(made[A, y])) for y in (2021, 2022, 2023)]


def test_trend_explains_a_bad_measure_or_span(db_url, report_writer):
    report_writer.write(A, 2022)
    assert runner.invoke(app, ["ingest", str(report_writer.folder), "--db", db_url, "-j", "1"]).exit_code == 0
    bad = runner.invoke(app, ["trend", "-m", "table9.x.y", "--db", db_url])
    assert bad.exit_code == 2 and "unknown measure 'table9.x.y'" in bad.output
    span = runner.invoke(app, ["trend", "--years", "last", "--db", db_url])
    assert span.exit_code == 2 and "--years must look like 2021-2023" in span.output
