"""The compare page (``/compare``, ``/api/compare``): two agencies (their reports of one
year) or two years (all counted reports, or one agency's), cell by cell, differences
marked; the page, its JSON and its downloads are one view model (:class:`ComparePage`).
The comparison itself is :mod:`ogi.store.queries`'s (``ogi compare``); this adds labels
and the key figures."""

from __future__ import annotations

import re
from dataclasses import dataclass

from fastapi import APIRouter, HTTPException, Query, Request
from fastapi.responses import HTMLResponse, Response
from pydantic import BaseModel

from ...store import Database, StoreError
from ...store import pages as data
from ...store.agencies import resolve
from ...store.queries import MEASURES, compare_agencies, compare_years
from ..datasets import Dataset, number
from ..labels import figure_label, place_label
from ..lists import BadQuery
from ..params import MAX_TEXT, YearNo
from ..schemas import DatasetOut, Format
from . import download, form_year, render

router = APIRouter(include_in_schema=False)
api = APIRouter(prefix="/api")
YEAR = re.compile(r"^(19|20)\d{2}$")
FIGURES = ("received", "handled", "granted", "partially_granted", "denied", "unable", "not_processed", "carried_forward",
           "review", "litigation")


@dataclass(frozen=True)
class CompareQuery:
    """What to compare: ``a`` and ``b`` are two years, or two agencies (id or name); ``year``
    picks the agencies' year, ``agency`` the one agency whose years are compared."""

    a: str
    b: str
    year: int | None = None
    agency: str | None = None
    only_differences: bool = False

    @property
    def by_year(self) -> bool:
        return bool(YEAR.match(self.a) and YEAR.match(self.b))


@dataclass
class ComparePage:
    left: str
    right: str
    datasets: dict[str, Dataset]

    def as_json(self) -> dict:
        return {"left": self.left, "right": self.right,
                "datasets": {name: d.as_json() for name, d in self.datasets.items()}}


MAX_ID_DIGITS = 16


def resolve_agency(db: Database, text: str) -> int:
    """An agency by id or name, never a silent pick: an id too long to be one is unknown,
    and a name several agencies share is refused with each of them (id, region, code) to
    choose from."""
    text = text.strip()
    if text.isdigit():
        if not text.isascii() or len(text) > MAX_ID_DIGITS:
            raise BadQuery(f"机关编号“{text[:20]}…”无效:编号最多 {MAX_ID_DIGITS} 位数字")
        return resolve(db, text)
    same = data.agencies_named(db, text)
    if len(same) > 1:
        listed = ";".join(f"编号 {i}({region or '地区未识别'}{'· 代码 ' + code if code else ''})"
                          for i, region, code in same[:10])
        more = f" 等 {len(same)} 个" if len(same) > 10 else ""
        raise StoreError(f"有 {len(same)} 个机关名为“{text}”,请用编号指明:{listed}{more}")
    return resolve(db, text)


def _has_reports(db: Database, year: int, agency_id: int | None) -> None:
    """A year to compare must have counted reports (of the agency): zeros are no comparison."""
    if not data.counted_reports(db, year, agency_id):
        whose = "该机关" if agency_id is not None else ""
        raise StoreError(f"{whose}{year} 年没有计入统计的报告,无法对比")


def compare(db: Database, query: CompareQuery) -> ComparePage:
    """The comparison; :class:`StoreError` with a message for the reader when an agency or
    year is unknown or has no reports."""
    try:
        return _comparison(db, query)
    except StoreError as exc:
        raise StoreError(_for_the_page(str(exc))) from None


def _for_the_page(message: str) -> str:
    """A comparison's message as the page says it: no command-line option in it."""
    if "--year" in message:
        return "两个机关没有同一年度的报告,请在“年度”中指定要对比的年度"
    return message


def _comparison(db: Database, query: CompareQuery) -> ComparePage:
    if query.by_year:
        agency_id = resolve_agency(db, query.agency) if query.agency else None
        for year in (int(query.a), int(query.b)):
            _has_reports(db, year, agency_id)
        result = compare_years(db, int(query.a), int(query.b), agency_id, everything=True)
    elif YEAR.match(query.a) or YEAR.match(query.b):
        raise StoreError("请比较两个年度,或两个机关 / compare two years or two agencies")
    else:
        result = compare_agencies(db, resolve_agency(db, query.a), resolve_agency(db, query.b), query.year,
                                  everything=True)
    cells = {key: (a, b) for key, a, b, _ in result.rows}
    rows = [row for row in result.rows if not query.only_differences or row[1] != row[2]]
    by_cell = Dataset("cells", "逐格对比", ["位置", result.left, result.right, "差"],
                      [[place_label(key), a, b, d] for key, a, b, d in rows],
                      marked=[a != b for _, a, b, _ in rows])
    figures = []
    for m in (m for key in FIGURES for m in MEASURES if m.key == key):
        sides = [[cells.get(".".join(c), (None, None))[i] for c in m.cells] for i in (0, 1)]
        figures.append([figure_label(m.label), *(number(sum(v or 0 for v in side)) for side in sides)])
    key_figures = Dataset("figures", "关键数字", ["项目", result.left, result.right], figures, chart="bars",
                          marked=[a != b for _, a, b in figures])
    return ComparePage(result.left, result.right, {d.name: d for d in (key_figures, by_cell)})


class CompareOut(BaseModel):
    left: str
    right: str
    datasets: dict[str, DatasetOut]


# ------------------------------------------------------------------ routes

@router.get("/compare", response_class=HTMLResponse)
def compare_page(request: Request, a: str = Query("", max_length=MAX_TEXT), b: str = Query("", max_length=MAX_TEXT),
                 year: str | None = Query(None, max_length=8), agency: str | None = Query(None, max_length=MAX_TEXT),
                 only_differences: bool = False):
    year_no = form_year(year)
    a, b = a.strip(), b.strip()
    params = {"a": a, "b": b, "year": year_no, "agency": agency or None,
              "only_differences": "true" if only_differences else None}
    page, problem = None, None
    if a and b:
        with request.app.state.site.store() as db:
            try:
                page = compare(db, CompareQuery(a, b, year_no, agency or None, only_differences))
            except StoreError as exc:
                problem = str(exc)
    return render(request, "compare.html", page=page, problem=problem, params=params)


def _compare(request: Request, a: str, b: str, year: int | None, agency: str | None,
             only_differences: bool) -> ComparePage:
    with request.app.state.site.store() as db:
        try:
            return compare(db, CompareQuery(a.strip(), b.strip(), year, agency, only_differences))
        except StoreError as exc:
            raise HTTPException(400, str(exc)) from None


COMPARE_A = Query(..., max_length=MAX_TEXT, description="a year, or an agency (id or name)")
COMPARE_B = Query(..., max_length=MAX_TEXT, description="another year, or another agency")


@api.get("/compare", response_model=CompareOut, summary="Two agencies or two years, cell by cell")
def compare_api(request: Request, a: str = COMPARE_A, b: str = COMPARE_B,
                year: YearNo = None,
                agency: str | None = Query(None, max_length=MAX_TEXT,
                                           description="two years: one agency's reports (default: all)"),
                only_differences: bool = False):
    return _compare(request, a, b, year, agency, only_differences).as_json()


@api.get("/compare/{name}.{fmt}", response_class=Response, summary="A comparison's table or chart as CSV or XLSX")
def compare_download(request: Request, name: str, fmt: Format, a: str = COMPARE_A, b: str = COMPARE_B,
                     year: YearNo = None, agency: str | None = Query(None, max_length=MAX_TEXT), only_differences: bool = False):
    return download(_compare(request, a, b, year, agency, only_differences).datasets, name, fmt, "compare")
