"""Render → parse gives back exactly the data, for random reports of both formats.

A reader written by someone else may not be there yet: its format is skipped then."""

from __future__ import annotations

import importlib.util

import pytest
from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st

from ogi import parse
from ogi.model import Meta, Report, empty_tables
from ogi.render import render
from ogi.template import FORMATS, Kind

HAS_WEASYPRINT = importlib.util.find_spec("weasyprint") is not None
READER = {"html": "ogi.readers.html", "md": "ogi.readers.text", "docx": "ogi.readers.docx", "pdf": "ogi.readers.pdf"}
AGENCIES = ("南京市鼓楼区人民政府", "靖江市滨江新区办事处", "湖州市吴兴区发展和改革局", "禄丰市一平浪镇人民政府")


def needs_reader(to: str):
    return pytest.mark.skipif(importlib.util.find_spec(READER[to]) is None, reason=f"no {to} reader yet")


def _value(kind: Kind):
    if kind == Kind.SIGNED:
        return st.integers(-5000, 5000)
    if kind == Kind.AMOUNT:
        return st.one_of(st.integers(0, 99999), st.decimals(0, 99999, places=2).map(float))
    return st.one_of(st.integers(0, 30), st.integers(0, 9_999_999))


@st.composite
def reports(draw) -> Report:
    template = draw(st.sampled_from(("2019", "2021")))
    year = draw(st.integers(2019, 2020) if template == "2019" else st.integers(2021, 2025))
    tables = empty_tables(template)
    for spec in FORMATS[template].tables:
        for row in spec.rows:
            for row_key, col_key, kind in row.cells:
                tables[spec.key][row_key][col_key] = draw(_value(kind))
        for derived, parts in spec.derived.items():
            for col in tables[spec.key][derived]:
                tables[spec.key][derived][col] = sum(tables[spec.key][p][col] for p in parts)
    agency = draw(st.sampled_from(AGENCIES))
    month, day = draw(st.integers(1, 3)), draw(st.integers(1, 28))
    meta = Meta(title=f"{agency}{year}年度政府信息公开工作年度报告", agency=agency, year=year, template=template,
                published_date=f"{year + 1}-{month:02d}-{day:02d}",
                index_number=f"{draw(st.integers(10**8, 10**9 - 1))}/{year + 1}-{draw(st.integers(1, 99999)):05d}")
    return Report(meta=meta, **tables)


def assert_same(report: Report, back: Report) -> None:
    for table in ("table2", "table3", "table4"):
        assert getattr(back, table) == getattr(report, table), table
    for key in ("year", "template", "published_date", "index_number"):
        assert getattr(back.meta, key) == getattr(report.meta, key), key
    assert report.meta.agency in (back.meta.agency or "") or (back.meta.agency or "_") in report.meta.agency


FAST = settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@pytest.mark.parametrize("to", [pytest.param(t, marks=needs_reader(t)) for t in ("html", "md")])
@FAST
@given(report=reports())
def test_render_then_parse_gives_back_the_data(to, report):
    assert_same(report, parse(render(report, to), name=f"report.{to}"))


@needs_reader("docx")
@settings(max_examples=10, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(report=reports())
def test_docx_render_then_parse_gives_back_the_data(report):
    assert_same(report, parse(render(report, "docx"), name="report.docx"))


@pytest.mark.slow
@needs_reader("pdf")
@pytest.mark.skipif(not HAS_WEASYPRINT, reason="WeasyPrint is not installed")
@settings(max_examples=8, deadline=None, suppress_health_check=[HealthCheck.too_slow],
          phases=(Phase.explicit, Phase.reuse, Phase.generate))  # shrinking PDFs takes minutes
@given(report=reports())
def test_pdf_render_then_parse_gives_back_the_data(report):
    assert_same(report, parse(render(report, "pdf"), name="report.pdf"))


def test_markdown_tables_parse_without_warnings():
    """The empty cells a merged cell leaves before a sub-row's label are not values."""
    tables = empty_tables("2021")
    for table in tables.values():
        for cols in table.values():
            for col in cols:
                cols[col] = 0
    report = Report(meta=Meta(title="某局2023年度政府信息公开工作年度报告", agency="某局", year=2023,
                              template="2021", published_date="2024-01-10", index_number="1/2024-1"), **tables)
    back = parse(render(report, "md"), name="r.md")
    assert_same(report, back)
    assert [f.code for f in back.findings if f.code == "ROW_AMBIGUOUS"] == []
