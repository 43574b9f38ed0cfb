"""The agencies: a list like datasette's (facets, sort, search by any known name or the
organisation code; ``/agencies``, ``/agencies.json`` and ``/api/agencies`` are one query),
and the agency page (``/agencies/{id}``, ``/api/agencies/{id}``): the agency, all its
reports, its key figures by year, the findings across its years (cross-year rules,
roll-ups), and the other agencies of the same name to tell it apart — one view model
(:class:`AgencyPage`). Administrators merge and split agencies from it (the same stored
decisions as the command line: :func:`ogi.store.agencies.merge` and ``split``).

The key figures are those of ``ogi stats`` (:data:`ogi.store.queries.MEASURES`), summed per
year in one statement."""

from __future__ import annotations

from dataclasses import dataclass

from fastapi import APIRouter, Depends, Form, HTTPException, Query, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from pydantic import BaseModel, Field

from ...store import Database, StoreError
from ...store import pages as data
from ...store.agencies import merge, split
from ...store.queries import MEASURES
from .. import lists
from ..datasets import Dataset, number
from ..labels import ORIGINS, SEVERITIES, STATUSES, TEMPLATES, figure_label, place_label, rule_text
from ..params import MAX_TEXT, Id, Limit, Offset, PageNo
from ..schemas import SORT_HELP, DatasetOut, Format, ListOut
from ..security import require_admin
from . import download, json_response, list_query, render
from .compare import resolve_agency

router = APIRouter(include_in_schema=False)
api = APIRouter(prefix="/api")
PAGE_SIZE = 50
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


# ------------------------------------------------------------------ the JSON's shapes

class AgencyBase(BaseModel):
    """What every agency shape says of it: who it is and where it stands."""

    id: int
    name: str
    region: str | None
    level: str | None
    kind: str | None
    parent_name: str | None


class AgencyItem(AgencyBase):
    org_code: str | None = None
    reports: int
    first_year: int | None
    last_year: int | None
    same_name: int = Field(1, description="how many agencies have this very name")


class AgencyListOut(ListOut):
    agencies: list[AgencyItem]


class AgencyOut(AgencyBase):
    aliases: list[str]
    org_codes: list[str] = []
    namesakes: list[dict] = Field([], description="other agencies of the same name: id, region, level, org_code, "
                                                  "reports, first_year, last_year")


class AgencyPageOut(BaseModel):
    agency: AgencyOut
    datasets: dict[str, DatasetOut]


# ------------------------------------------------------------------ the list

def _list(request: Request, page: int) -> lists.ListResult:
    with request.app.state.site.store() as db:
        return lists.run(db, lists.AGENCIES, list_query(request), page, PAGE_SIZE)


@router.get("/agencies", response_class=HTMLResponse)
def agencies_page(request: Request, page: PageNo = 1):
    return render(request, "agencies.html", result=_list(request, page))


@router.get("/agencies.json")
def agencies_json(request: Request, page: PageNo = 1):
    return json_response(_list(request, page).as_json())


@api.get("/agencies", response_model=AgencyListOut, summary="Agencies: filtered, searched, sorted, with facets")
def agencies_api(request: Request, q: str | None = Query(None, max_length=MAX_TEXT,
                                                         description="words of the name, a former name, region or code"),
                 level: str | None = Query(None, max_length=MAX_TEXT), region: str | None = Query(None, max_length=MAX_TEXT), kind: str | None = Query(None, max_length=MAX_TEXT),
                 sort: str | None = Query(None, max_length=40, description=SORT_HELP),
                 limit: Limit = 50, offset: Offset = 0):
    with request.app.state.site.store() as db:
        return lists.run(db, lists.AGENCIES, list_query(request), size=limit, offset=offset).as_json()


# ------------------------------------------------------------------ the agency page

def _agency(request: Request, agency_id: int) -> AgencyPage:
    with request.app.state.site.store() as db:
        page = agency_page(db, agency_id)
    if page is None:
        raise HTTPException(404, f"没有编号为 {agency_id} 的机关 / no agency {agency_id}")
    return page


@router.get("/agencies/{agency_id}", response_class=HTMLResponse)
def agency_view(request: Request, agency_id: Id, done: str | None = None):
    with request.app.state.site.store() as db:
        page = agency_page(db, agency_id)
    if page is None:
        raise HTTPException(404, f"没有编号为 {agency_id} 的机关")
    return render(request, "agency.html", page=page, done=done if done in ("merged", "split") else None)


@api.get("/agencies/{agency_id}", response_model=AgencyPageOut,
         summary="An agency: its reports, key figures by year, cross-year findings")
def agency_api(request: Request, agency_id: Id):
    return _agency(request, agency_id).as_json()


@api.get("/agencies/{agency_id}/{name}.{fmt}", response_class=Response,
         summary="One table or chart of an agency's page as CSV or XLSX")
def agency_download(request: Request, agency_id: Id, name: str, fmt: Format):
    return download(_agency(request, agency_id).datasets, name, fmt, f"agency-{agency_id}")


# ------------------------------------------------------------------ merging and splitting (administrators)

@router.post("/agencies/{agency_id}/merge", dependencies=[Depends(require_admin)])
def merge_form(request: Request, agency_id: Id, other: str = Form(..., max_length=MAX_TEXT)):
    with request.app.state.site.store() as db:
        try:
            gone = resolve_agency(db, other)
            if not data.agency_exists(db, agency_id):
                raise StoreError(f"没有编号为 {agency_id} 的机关")
            merge(db, agency_id, gone)
        except StoreError as exc:
            raise HTTPException(400, str(exc)) from None
    return RedirectResponse(f"/agencies/{agency_id}?done=merged", status_code=303)


@router.post("/agencies/{agency_id}/split", dependencies=[Depends(require_admin)])
def split_form(request: Request, agency_id: Id, aliases: list[str] = Form(default=[])):
    if not aliases:
        raise HTTPException(400, "没有选择要拆出的名称或代码")
    with request.app.state.site.store() as db:
        try:
            new_id = split(db, agency_id, [a[:MAX_TEXT] for a in aliases])
        except StoreError as exc:
            raise HTTPException(400, str(exc)) from None
    return RedirectResponse(f"/agencies/{new_id}?done=split", status_code=303)
