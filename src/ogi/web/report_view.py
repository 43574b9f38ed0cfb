"""The report page: the three tables in the official layout, each value cell with its
schema key, where it was printed and the findings on it; the findings with their rules in
plain words; the original beside them; the values and findings as downloads.

The layout is the renderer's (:func:`ogi.render.layout.draw_table` over
:func:`ogi.template.layout.table_grid`); ``draw_table`` draws the grid's cells in the grid's
order, so each drawn cell is paired with the grid cell that names its key.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from ..model import Report
from ..render.layout import SECTION_TABLE, draw_table
from ..template import FORMATS, SECTIONS
from ..template.layout import VALUE, table_grid
from ..store import pages as data
from .datasets import Dataset
from .labels import SEVERITIES, STATUSES, place_label, rule_text
from .original import Original, original_of
from .site import Site

SEVERITY_RANK = {"error": 0, "warning": 1, "info": 2}
TABLES = tuple(SECTION_TABLE.values())


@dataclass
class ShownCell:
    text: str
    role: str  # caption | header | label | value
    rowspan: int = 1
    colspan: int = 1
    key: str | None = None  # a value cell's schema key (table3.total.total)
    printed: str | None = None  # what the report printed where no value was read (由市司法局填报)
    line: int | None = None
    page: int | None = None
    bbox: list[float] | None = None
    derived: bool = False
    severity: str | None = None  # the worst finding on the cell that is not dismissed
    findings: list[str] = field(default_factory=list)  # their keys


@dataclass
class ShownTable:
    key: str
    title: str
    rows: list[list[ShownCell]]
    findings: list[str] = field(default_factory=list)  # keys of the findings on the table as a whole


def flags(findings: list[dict]) -> dict[str, list[dict]]:
    """Findings by the place they name (``where``), dismissed ones left out."""
    out: dict[str, list[dict]] = {}
    for f in findings:
        if f["status"] != "dismissed" and f["where"]:
            out.setdefault(f["where"], []).append(f)
    return out


def _on_cell(key: str, by_place: dict[str, list[dict]]) -> list[dict]:
    """The findings on a value cell: those on the cell, and on its row (a row key is a prefix of the cell's key)."""
    parts = key.split(".")
    return [f for i in range(2, len(parts) + 1) for f in by_place.get(".".join(parts[:i]), [])]


def shown_tables(report: Report, findings: list[dict]) -> list[ShownTable]:
    """The report's three tables; none for a report without an official format (legacy)."""
    template = report.meta.template
    if template not in FORMATS:
        return []
    by_place = flags(findings)
    tables = []
    for table in TABLES:
        grid = table_grid(template, table)
        drawn = draw_table(grid, getattr(report, table))
        rows: list[list[ShownCell]] = [[] for _ in range(drawn.n_rows)]
        for cell in drawn.cells:
            shown = ShownCell(cell.text, cell.role, cell.rowspan, cell.colspan)
            if cell.role == VALUE and cell.cell:
                key = f"{table}.{cell.cell[0]}.{cell.cell[1]}"
                prov = report.provenance.get(key, {})
                on_cell = sorted(_on_cell(key, by_place), key=lambda f: SEVERITY_RANK.get(f["severity"], 3))
                shown.key, shown.line, shown.page, shown.bbox = key, prov.get("line"), prov.get("page"), prov.get("bbox")
                shown.derived = bool(prov.get("derived"))
                shown.printed = prov.get("text") if not cell.text else None
                shown.severity = on_cell[0]["severity"] if on_cell else None
                shown.findings = [f["key"] for f in on_cell]
            rows[cell.row].append(shown)
        on_table = [f["key"] for f in by_place.get(table, [])]
        tables.append(ShownTable(table, grid.title, rows, on_table))
    return tables


def section_headings(report: Report) -> list[tuple[str, str, int | None, int | None]]:
    """(key, heading as printed or as the format names it, line, page) of each section found."""
    out = []
    for section in SECTIONS:
        given = report.sections.get(section.key)
        if given is not None:
            out.append((section.key, given.heading or section.heading, given.line, given.page))
    return out


def labelled(findings: list[dict], template: str | None) -> list[dict]:
    """Findings with their rule in plain words and their place in words."""
    return [{**f, "rule": rule_text(f["code"]), "place": place_label(f["where"], template)} for f in findings]


def report_datasets(report: Report, findings: list[dict], row: dict | None = None) -> dict[str, Dataset]:
    """The report's values and its findings, as downloads; every row says which report,
    agency and year it is of, so downloads of several reports can be put together."""
    template = report.meta.template
    row = row or {}
    whose = [row.get("id"), row.get("agency") or report.meta.agency, report.meta.year]
    cells = []
    for table in TABLES:
        for row, columns in getattr(report, table).items():
            for column, value in columns.items():
                key = f"{table}.{row}.{column}"
                prov = report.provenance.get(key, {})
                cells.append([*whose, key, place_label(key, template), value, prov.get("text"), prov.get("line"),
                              prov.get("page")])
    return {
        "cells": Dataset("cells", "表格数值", ["报告编号", "机关", "年度", "键", "位置", "数值", "原文", "行", "页"],
                         cells),
        "findings": Dataset("findings", "问题", ["报告编号", "机关", "年度", "编号", "代码", "规则", "级别", "位置", "说明",
                                               "状态", "审核人", "备注"],
                            [[*whose, f["key"], f["code"], f["rule"], SEVERITIES.get(f["severity"], f["severity"]),
                              f["place"], f["message"], STATUSES.get(f["status"], f["status"]), f.get("reviewer") or "",
                              f["comment"] or ""] for f in findings]),
    }


@dataclass
class ReportPage:
    row: dict  # the stored fields (data.report_row)
    report: Report
    findings: list[dict]  # labelled
    tables: list[ShownTable]
    original: Original
    datasets: dict[str, Dataset]


def report_page(site: Site, report_id: int) -> ReportPage | None:
    """Everything the report page shows; None when there is no such report. The original
    is read outside the store's lock."""
    with site.store() as db:
        row = data.report_row(db, report_id)
        if row is None:
            return None
        report = data.stored_report(db, report_id)
        assert report is not None  # its row is there, and reports.document is NOT NULL
        findings = labelled(data.report_findings(db, report_id), report.meta.template)
    original = original_of(row["sha256"], site.files.original(row["sha256"], row["local_path"]), row["format"])
    return ReportPage(row, report, findings, shown_tables(report, findings), original,
                      report_datasets(report, findings, row))
