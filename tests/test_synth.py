"""The synthetic corpus: deterministic, internally consistent, expected values that a
correct parser reads, deliberate errors that break the rules they claim to break."""

from __future__ import annotations

import csv
import json
import random

import pytest
from typer.testing import CliRunner

from ogi import parse
from ogi.cli import app
from ogi.synth import MANGLINGS, generate
from ogi.synth.corpus import plan, write_one
from ogi.synth.errors import HARD_RULES, broken_rules
from ogi.synth.flatten import glued_reading
from ogi.synth.report import synthesize
from ogi.template import FORMATS

TXT_HTML = ("txt", "html")


def cells_wrong(expected: dict, report) -> list[str]:
    return [f"{t}.{r}.{c}: want {v!r}, got {getattr(report, t).get(r, {}).get(c)!r}"
            for t in ("table2", "table3", "table4") for r, cols in expected[t].items() for c, v in cols.items()
            if getattr(report, t).get(r, {}).get(c) != v]


def test_same_seed_same_corpus(tmp_path):
    a = generate(30, tmp_path / "a", seed=5, formats=TXT_HTML)
    b = generate(30, tmp_path / "b", seed=5, formats=TXT_HTML)
    assert [w.data for w in a] == [w.data for w in b]
    c = generate(30, tmp_path / "c", seed=6, formats=TXT_HTML)
    assert [w.data for w in a] != [w.data for w in c]


def test_corpus_files_expected_and_manifest(tmp_path):
    written = generate(len(MANGLINGS["txt"]) + len(MANGLINGS["html"]), tmp_path, seed=1, formats=TXT_HTML)
    with open(tmp_path / "manifest.csv", encoding="utf-8") as fh:
        rows = list(csv.DictReader(fh))
    assert [r["stem"] for r in rows] == [w.stem for w in written]
    assert {r["mangling"] for r in rows} == set(MANGLINGS["txt"]) | set(MANGLINGS["html"])
    for w in written:
        assert (tmp_path / f"{w.stem}.{w.format}").exists()
        exp = json.loads((tmp_path / "expected" / f"{w.stem}.json").read_text(encoding="utf-8"))
        assert set(exp["meta"]) == {"agency_contains", "year", "template", "published_date", "index_number"}
        assert set(exp["findings_must_not"]).isdisjoint(exp["findings_must"])


@pytest.mark.parametrize("template", ["2019", "2021"])
def test_clean_values_keep_every_rule(template):
    for seed in range(40):
        s = synthesize(random.Random(seed), years=(2020, 2020) if template == "2019" else (2024, 2024))
        assert broken_rules(template, s.expected_values()) == set()
        for t in ("table2", "table3", "table4"):
            for row, cols in s.expected_values()[t].items():
                assert set(cols) == set(FORMATS[template].table(t).output_rows()[row])


@pytest.mark.parametrize("kind,codes", [("wrong_total", {"T3_ROW_TOTAL"}), ("carry_mismatch", {"T3_BALANCE"}),
                                        ("t4_total", {"T4_TOTAL"}), ("cell_text", {"CELL_TEXT"})])
def test_each_error_breaks_its_rule(kind, codes):
    for seed in range(20):
        s = synthesize(random.Random(seed), kind)
        assert codes <= s.findings_must
        if kind == "cell_text":
            table, row = s.error_at.split(".")
            assert all(v is None for v in s.expected_values()[table][row].values())


def test_glued_rows_that_split_several_ways_expect_null():
    spec = FORMATS["2019"].table2
    printed = {r.key: {c: 0 for _, c, _ in r.cells} for r in spec.rows}
    printed["fees"] = {"items_prev_year": 12, "items_change": 3}  # "123": 1|23 or 12|3
    printed["regulations"] = {"made": 0, "published": 0, "total_published": 5}  # "005": only 0|0|5
    values, ambiguous = glued_reading(spec, printed, {k: dict(v) for k, v in printed.items()})
    assert ambiguous == ["fees"]
    assert values["fees"] == {"items_prev_year": None, "items_change": None}
    assert values["regulations"] == printed["regulations"]


@pytest.mark.parametrize("fmt,mangling", [(f, m) for f in TXT_HTML for m in MANGLINGS[f]])
def test_parser_reads_each_mangling(fmt, mangling):
    """One report of each mangling parsed in-process gives the expected values."""
    combos = [(f, m) for f in TXT_HTML for m in MANGLINGS[f]]
    i = combos.index((fmt, mangling))
    stem, f, m, error, rng = list(plan(i + 1, 11, TXT_HTML))[i]
    data, expected = write_one(rng, f, m, error)
    report = parse(data, name=f"{stem}.{f}")
    assert cells_wrong(expected, report) == []
    assert report.meta.year == expected["meta"]["year"]
    assert report.meta.template == expected["meta"]["template"]
    codes = {x.code for x in report.findings}
    assert not codes & set(expected["findings_must_not"]) & set(HARD_RULES)


@pytest.mark.parametrize("fmt", ["pdf", "docx"])
def test_pdf_and_docx_writers_produce_their_files(fmt, tmp_path):
    if fmt == "pdf":
        pytest.importorskip("weasyprint")
    written = generate(len(MANGLINGS[fmt]), tmp_path, seed=3, formats=(fmt,))
    magic = b"%PDF" if fmt == "pdf" else b"PK\x03\x04"
    assert all(w.data.startswith(magic) for w in written)


def test_synth_command(tmp_path):
    result = CliRunner().invoke(app, ["synth", "12", "--out", str(tmp_path), "--seed", "4"])
    assert result.exit_code == 0, result.output
    assert len(list((tmp_path / "expected").glob("*.json"))) == 12
    bad = CliRunner().invoke(app, ["synth", "2", "--out", str(tmp_path / "x"), "--formats", "rtf"])
    assert bad.exit_code == 2 and "rtf" in bad.output
