"""The agency page: the agency, all its reports, its key figures by year, and the
findings across its years (cross-year rules, roll-ups). The key figures are those of
``ogi stats`` (:data:`ogi.store.queries.MEASURES`), summed per year in one statement."""

from __future__ import annotations

from dataclasses import dataclass

from ..store import Database
from ..store.queries import MEASURES
from ..store import pages as data
from .datasets import Dataset
from .labels import (
    ORIGINS,
    SEVERITIES,
    STATUSES,
    TEMPLATES,
    figure_label,
    place_label,
    rule_text,
)
from .overview import number

TREND_MEASURES = ("received", "handled", "granted", "partially_granted", "denied", "unable", "review", "litigation")
ACROSS_ORIGINS = ("across", "rollup")


@dataclass
class AgencyPage:
    agency: dict
    datasets: dict[str, Dataset]

    def as_json(self) -> dict:
        return {"agency": self.agency, "datasets": {name: d.as_json() for name, d in self.datasets.items()}}


def trend_dataset(by_year: dict[int, dict]) -> Dataset:
    measures = [m for key in TREND_MEASURES for m in MEASURES if m.key == key]
    rows = [[year, *(number(sum(sums.get(c) or 0 for c in m.cells)) for m in measures)]
            for year, sums in sorted(by_year.items()) if year is not None]
    return Dataset("trend", "关键数字(按年度)", ["年度", *(figure_label(m.label) for m in measures)], rows, chart="line")


def reports_dataset(reports: list[dict]) -> Dataset:
    return Dataset("reports", "各年度报告", ["年度", "标题", "格式", "发布日期", "错误", "警告", "计入统计"],
                   [[r["year"], r["title"] or "", TEMPLATES.get(r["template"], r["template"] or ""),
                     r["published_date"] or "", r["errors"], r["warnings"], "是" if r["counted"] else "否"]
                    for r in reports],
                   links=[f"/reports/{r['id']}" for r in reports])


def across_dataset(findings: list[dict]) -> Dataset:
    return Dataset("across", "跨年度与汇总问题", ["年度", "来源", "代码", "规则", "级别", "位置", "说明", "状态", "备注"],
                   [[f["year"], ORIGINS.get(f["origin"], f["origin"]), f["code"], rule_text(f["code"]),
                     SEVERITIES.get(f["severity"], f["severity"]), place_label(f["where"]), f["message"],
                     STATUSES.get(f["status"], f["status"]), f["comment"] or ""] for f in findings],
                   links=[f"/reports/{f['report_id']}#finding-{f['key']}" for f in findings])


def agency_page(db: Database, agency_id: int) -> AgencyPage | None:
    agency = data.agency_row(db, agency_id)
    if agency is None:
        return None
    sets = [reports_dataset(data.agency_reports(db, agency_id)),
            trend_dataset(data.cell_sums(db, data.Selection(agency_id=agency_id), by_year=True)),
            across_dataset(data.agency_findings(db, agency_id, ACROSS_ORIGINS))]
    return AgencyPage(agency, {d.name: d for d in sets})
