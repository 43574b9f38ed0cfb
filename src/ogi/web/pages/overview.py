"""The overview page (``/``, ``/api/overview``, ``/api/filters``): for a selection of
counted reports (year, region, level, finding code), the totals of tables 三 and 四 as
charts and the agencies ranked by their findings. The page, its JSON and its downloads
are the same view model (:class:`Overview`).

Charts are composed from the template's rows (labels from :mod:`ogi.template`) over the
sums one SQL statement returns (:func:`ogi.store.pages.summary_sums`)."""

from __future__ import annotations

from dataclasses import dataclass
from urllib.parse import urlencode

from fastapi import APIRouter, Query, Request
from fastapi.responses import HTMLResponse, Response
from pydantic import BaseModel

from ...store import Database, summary
from ...store import pages as data
from ...template import APPLICANT_COLUMNS, FORMATS, T4_GROUPS, T4_RESULTS
from ...template.formats import T4_GROUP_LABELS, PrintedRow
from ..datasets import Dataset, number
from ..labels import LEVELS, SEVERITIES, figure_label, rule_text, short_label
from ..params import MAX_TEXT
from ..schemas import DatasetOut, Format
from . import ALL_YEARS, download, render, selection_of

router = APIRouter(include_in_schema=False)
api = APIRouter(prefix="/api")
T3 = FORMATS["2021"].table3  # rows both formats share, and ``other`` (2019's row, 2021's derived sum)
HANDLING_ROWS = ("new_received", "carried_over", "total", "carried_forward")
RANKING_SHOWN = 50  # agencies the page lists, and the API's page of the ranking unless asked for another
RANKING_MAX = 1000  # the most agencies one page of the API's ranking holds
YEAR_HELP = "a year; none: the latest there is; `all`: every year"
@dataclass
class Overview:
    selection: data.Selection
    counts: dict
    datasets: dict[str, Dataset]
    ranking_page: dict | None = None  # the ranking's page: limit, offset, total (None: the whole ranking)

    def as_json(self) -> dict:
        return {"selection": vars(self.selection), "counts": self.counts,
                "datasets": {name: d.as_json() for name, d in self.datasets.items()},
                "ranking_page": self.ranking_page}



def outcome_parts() -> list[tuple[str, tuple[str, ...]]]:
    """The outcomes of table 三 as the format groups them: (label, rows summed)."""
    groups = {g.key: g.label for g in T3.groups}
    parts: dict[str, tuple[str, list[str]]] = {}
    for row in T3.rows:
        if row.group == "outcomes":
            parts[row.key] = (_label(row), [row.key])
        elif row.group in T3.derived:  # (六)其他处理: the row both formats have
            parts[row.group] = (groups[row.group], [row.group])
        elif row.group in groups:
            parts.setdefault(row.group, (groups[row.group], []))[1].append(row.key)
    return [(label, tuple(rows)) for label, rows in parts.values()]


def _label(row: PrintedRow) -> str:
    """A table 三 row's label (every one has a label)."""
    assert row.label is not None, row.key
    return row.label


def totals_datasets(sums: dict) -> list[Dataset]:
    """Requests, how they were handled, outcomes, refusal reasons, review and litigation results."""
    def t3(row: str, column: str = "total"):
        return number(sums.get(("table3", row, column)))

    applicants = [m for m in APPLICANT_COLUMNS if m.key != "total"]
    denied = [r for r in T3.rows if r.group == "denied"]
    results = [m for m in T4_RESULTS if m.key != "total"]
    return [
        Dataset("requests", "本年新收申请(按申请人)", ["申请人", "新收申请"],
                [[m.label, t3("new_received", m.key)] for m in applicants], chart="pie"),
        Dataset("handling", "申请办理概况", ["项目", "件数"], [[figure_label(_label(T3.row(r))), t3(r)] for r in HANDLING_ROWS],
                chart="hbar"),
        Dataset("outcomes", "办理结果", ["办理结果", "件数"],
                [[short_label(label), sum(t3(r) for r in rows)] for label, rows in outcome_parts()], chart="pie"),
        Dataset("refusals", "不予公开的理由", ["理由", "件数"],
                [[short_label(_label(r)), t3(r.key)] for r in denied], chart="hbar"),
        Dataset("review_litigation", "行政复议和行政诉讼结果", ["结果", *(T4_GROUP_LABELS[g] for g in T4_GROUPS)],
                [[m.label, *(number(sums.get(("table4", g, m.key))) for g in T4_GROUPS)] for m in results],
                chart="bars"),
    ]


def findings_dataset(rows: list[tuple[str, str, int]], selection: data.Selection | None = None) -> Dataset:
    """Findings by rule (a click on a bar opens those findings in the review queue)."""
    narrowed = {k: v for k, v in (("year", selection and selection.year), ("region", selection and selection.region),
                                  ("level", selection and selection.level)) if v}
    links: list[str | None] = [f"/findings?{urlencode({'code': code, **narrowed})}" for code, _, _ in rows]
    return Dataset("findings", "问题分布", ["问题", "级别", "数量"],
                   [[rule_text(code), SEVERITIES.get(severity, severity), n] for code, severity, n in rows],
                   chart="hbar", links=links)


def ranking_dataset(rows: list[dict], first: int = 1) -> Dataset:
    """The ranked agencies, numbered from ``first`` (a later page's first place)."""
    return Dataset("ranking", "机关问题排名", ["名次", "机关", "地区", "层级", "报告数", "错误", "警告", "提示"],
                   [[i, r["agency"], r["region"] or "", LEVELS.get(r["level"], r["level"] or ""), r["reports"],
                     number(r["errors"]), number(r["warnings"]), number(r["infos"])]
                    for i, r in enumerate(rows, start=first)],
                   links=[f"/agencies/{r['agency_id']}" for r in rows])


def overview(db: Database, selection: data.Selection, ranking_limit: int | None = None,
             ranking_offset: int = 0) -> Overview:
    """The overview of a selection; ``ranking_limit`` agencies of the ranking from the
    ``ranking_offset``-th (all by default: the downloads), ``counts["ranked"]`` how many there are."""
    source = summary.counted_from(db)  # whether the per-report summary is fresh, asked once
    counts, by_code, ranked = data.overview_findings(db, selection, ranking_limit, ranking_offset, source)
    sets = totals_datasets(data.summary_sums(db, selection, source=source))
    sets += [findings_dataset(by_code, selection), ranking_dataset(ranked, ranking_offset + 1)]
    page = None if ranking_limit is None else {"limit": ranking_limit, "offset": ranking_offset,
                                               "total": counts["ranked"]}
    return Overview(selection, counts, {d.name: d for d in sets}, page)


# ------------------------------------------------------------------ the JSON's shapes

class FiltersOut(BaseModel):
    years: list[int]
    regions: list[str]
    levels: list[str]
    codes: list[str]


class SelectionOut(BaseModel):
    year: int | None
    region: str | None
    level: str | None
    code: str | None
    agency_id: int | None


class CountsOut(BaseModel):
    reports: int
    agencies: int
    error: int
    warning: int
    info: int
    ranked: int = 0  # agencies with open errors or warnings (the ranking's length)


class RankingPageOut(BaseModel):
    limit: int  # agencies asked for
    offset: int  # agencies skipped before the first shown
    total: int  # agencies in the whole ranking


class OverviewOut(BaseModel):
    selection: SelectionOut
    counts: CountsOut
    datasets: dict[str, DatasetOut]
    ranking_page: RankingPageOut | None = None  # which part of the ranking ``datasets.ranking`` holds


# ------------------------------------------------------------------ routes

def _overview(request: Request, year, region, level, code, ranking_limit: int | None = None,
              ranking_offset: int = 0) -> Overview:
    with request.app.state.site.store() as db:
        return overview(db, selection_of(data.filter_options(db), year, region, level, code), ranking_limit,
                        ranking_offset)


@router.get("/", response_class=HTMLResponse)
def overview_page(request: Request, year: str | None = Query(None, max_length=8),
                  region: str | None = Query(None, max_length=MAX_TEXT), level: str | None = Query(None, max_length=20),
                  code: str | None = Query(None, max_length=60)):
    with request.app.state.site.store() as db:
        options = data.filter_options(db)
        selection = selection_of(options, year, region, level, code)
        page = overview(db, selection, RANKING_SHOWN)  # the page lists the first ones; downloads have all
    params = {"year": ALL_YEARS if selection.year is None else selection.year, "region": selection.region,
              "level": selection.level, "code": selection.code}
    return render(request, "overview.html", page=page, options=options, params=params)


@api.get("/filters", response_model=FiltersOut, summary="The years, regions, levels and finding codes in the store")
def filters(request: Request):
    with request.app.state.site.store() as db:
        return data.filter_options(db)


@api.get("/overview", response_model=OverviewOut, summary="Totals, charts and the ranking of agencies by findings")
def overview_api(request: Request, year: str | None = Query(None, max_length=8, description=YEAR_HELP),
                 region: str | None = Query(None, max_length=MAX_TEXT,
                                            description="part of a region's name: the region and every region inside it"),
                 level: str | None = Query(None, max_length=20, description="province, city, county or township"),
                 code: str | None = Query(None, max_length=60, description="only reports with this finding code"),
                 limit: int = Query(RANKING_SHOWN, ge=1, le=RANKING_MAX,
                                    description="agencies of the ranking in this page"),
                 offset: int = Query(0, ge=0, description="agencies of the ranking skipped before this page")):
    return _overview(request, year, region, level, code, limit, offset).as_json()


@api.get("/overview/{name}.{fmt}", summary="One table or chart of the overview as CSV or XLSX",
         response_class=Response)
def overview_download(request: Request, name: str, fmt: Format,
                      year: str | None = Query(None, max_length=8, description=YEAR_HELP),
                      region: str | None = Query(None, max_length=MAX_TEXT), level: str | None = Query(None, max_length=MAX_TEXT), code: str | None = Query(None, max_length=MAX_TEXT)):
    page = _overview(request, year, region, level, code)
    return download(page.datasets, name, fmt, f"overview-{page.selection.year or 'all'}")
