"""The report builder (``/builder``, ``/builder.json``, downloads at ``/builder/{name}.{fmt}``,
one view model :class:`Built`): agencies, or a region with every region inside it, ×
measures × years → a table of per-year sums with the change from the year before, a chart,
downloads, and a list of anomalies worth a look.

- **Measures** are those of ``ogi stats`` (:data:`ogi.store.queries.MEASURES`: sums of
  cells, labelled from the template), its rates (:data:`~ogi.store.queries.RATES`: a sum
  over a sum), or any single table cell by its key (``table3.new_received.natural_person``).
- **Which reports**: the counted one per agency and year (``primary_reports``); with the
  *same agencies* basis, only agencies that have a counted report in every year shown, so a
  year-on-year change is not a change in who reported.
- **One statement** reads, per agency and year, the sums of exactly the cells the measures
  need; everything else (totals, rates, changes, anomalies) is arithmetic over those rows.
- **Anomalies**: the largest year-on-year jumps of an agency (at least
  :data:`MIN_JUMP` in absolute terms and :data:`MIN_JUMP_RATIO` of the year before), and values far outside their peers of the same year
  — a robust z-score over the median absolute deviation above :data:`OUTLIER_Z` — each
  with a link to the report.
"""

from __future__ import annotations

import re
import statistics
from collections import defaultdict
from collections.abc import Mapping
from dataclasses import dataclass, field

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse

from ...store import Database
from ...store import pages as data
from ...store.builder import agency_names, measure_cells
from ...store.queries import MEASURES, RATES
from .. import labels
from ..datasets import Dataset, number
from ..lists import BadQuery, id_value, some_text, year_value
from . import download, json_response, render

router = APIRouter(include_in_schema=False)
MAX_AGENCIES = 200  # agencies named one by one
MAX_MEASURES = 12
MAX_YEARS = 30
MIN_JUMP = 100  # an absolute change smaller than this is no anomaly, whatever its ratio
MIN_JUMP_RATIO = 1.0  # nor a change by less than this share of the year before (doubling, or falling to zero)
OUTLIER_Z = 5.0  # robust z-score (|x − median| / (1.4826 · MAD)) above which a value is an outlier
ANOMALIES_SHOWN = 20
_MEASURE = {m.key: m for m in MEASURES}
_RATE = {key: (label, num, den) for key, label, num, den in RATES}


@dataclass(frozen=True)
class Choice:
    """What the builder was asked for (from the query string)."""

    agencies: tuple[int, ...] = ()
    region: str | None = None
    level: str | None = None
    measures: tuple[str, ...] = ("received", "handled", "granted")
    year_from: int | None = None
    year_to: int | None = None
    same_agencies: bool = False

    def params(self) -> dict:
        return {"agency": " ".join(map(str, self.agencies)) or None, "region": self.region, "level": self.level,
                "measure": list(self.measures), "year_from": self.year_from, "year_to": self.year_to,
                "basis": "same" if self.same_agencies else None}


@dataclass
class Built:
    choice: Choice
    years: list[int]
    agencies: int
    datasets: dict[str, Dataset] = field(default_factory=dict)

    def as_json(self) -> dict:
        return {"choice": self.choice.params(), "years": self.years, "agencies": self.agencies,
                "datasets": {n: d.as_json() for n, d in self.datasets.items()}}


def measure_label(key: str) -> str:
    if key in _MEASURE:
        return labels.figure_label(_MEASURE[key].label)
    if key in _RATE:
        return _RATE[key][0]
    return labels.place_label(key)


def measure_options() -> list[tuple[str, str]]:
    return [(m.key, measure_label(m.key)) for m in MEASURES] + [(k, v[0]) for k, v in _RATE.items()]


def _cells_of(key: str) -> tuple[tuple[str, str, str], ...]:
    if key in _MEASURE:
        return _MEASURE[key].cells
    if key in _RATE:
        _, num, den = _RATE[key]
        return tuple(c for m in (*num, *den) for c in _MEASURE[m.lstrip("-")].cells)
    parts = key.split(".")
    if len(parts) == 3 and parts[0] in ("table2", "table3", "table4") and labels.place_label(key) != key:
        table, row, column = parts
        return ((table, row, column),)
    raise BadQuery(f"指标“{key[:60]}”无效")


def read_choice(query: Mapping[str, list[str]]) -> Choice:
    """The builder's choice from a query (every value of a repeated parameter)."""
    one = {k: (v[-1].strip() if v else "") for k, v in query.items()}
    given = [a for value in query.get("agency", []) for a in re.split(r"[\s,,、]+", value) if a]
    agencies = tuple(dict.fromkeys(id_value(a) for a in given[:MAX_AGENCIES + 1]))
    if len(agencies) > MAX_AGENCIES:
        raise BadQuery(f"最多选择 {MAX_AGENCIES} 个机关")
    measures = tuple(dict.fromkeys(m.strip() for m in query.get("measure", []) if m.strip())) or Choice.measures
    if len(measures) > MAX_MEASURES:
        raise BadQuery(f"最多选择 {MAX_MEASURES} 个指标")
    for m in measures:
        _cells_of(m)
    level = one.get("level") or None
    if level and level not in labels.LEVELS:
        raise BadQuery(f"层级“{level[:20]}”无效")
    year_from = year_value(one["year_from"]) if one.get("year_from") else None
    year_to = year_value(one["year_to"]) if one.get("year_to") else None
    if year_from and year_to and year_to < year_from:
        year_from, year_to = year_to, year_from
    if year_from and year_to and year_to - year_from >= MAX_YEARS:
        raise BadQuery(f"最多 {MAX_YEARS} 个年度")
    return Choice(agencies, some_text(one.get("region", "")) or None, level, measures, year_from, year_to,
                  one.get("basis") == "same")


def _rows(db: Database, choice: Choice) -> list[tuple]:
    """(agency id, year, report id, table, row, column, value) for the cells the measures need."""
    keys = [".".join(c) for c in sorted({c for m in choice.measures for c in _cells_of(m)})]
    return measure_cells(db, keys, choice.year_from, choice.year_to, choice.region, choice.level, choice.agencies)


def _value(key: str, cells: dict) -> float | None:
    """A measure over summed cells: a sum, or a rate (None when its denominator is 0)."""
    if key in _RATE:
        _, num, den = _RATE[key]
        top = sum(_value(m, cells) or 0 for m in num)
        bottom = sum((-1 if m.startswith("-") else 1) * (_value(m.lstrip("-"), cells) or 0) for m in den)
        return round(top / bottom, 4) if bottom else None
    return _sum(key, cells)


def _sum(key: str, cells: dict) -> float:
    """A measure that sums cells (any but a rate): the sum of its cells, a missing one 0."""
    return sum(cells.get(c) or 0 for c in _cells_of(key))


def _change(before, after) -> float | None:
    if before in (None, 0) or after is None:
        return None
    return round((after - before) / before * 100, 1)


def build(db: Database, choice: Choice) -> Built:
    by_agency: dict[tuple[int, int], dict] = defaultdict(dict)
    report_of: dict[tuple[int, int], int] = {}
    for agency, year, report, table, row, column, value in _rows(db, choice):
        cells = by_agency[agency, year]
        cells[table, row, column] = (cells.get((table, row, column)) or 0) + (value or 0)
        report_of[agency, year] = report
    years = sorted({y for _, y in by_agency})
    if choice.same_agencies and years:
        present: dict[int, set[int]] = defaultdict(set)
        for agency, year in by_agency:
            present[agency].add(year)
        keep = {a for a, ys in present.items() if len(ys) == len(years)}
        by_agency = defaultdict(dict, {k: v for k, v in by_agency.items() if k[0] in keep})
    totals: dict[int, dict] = defaultdict(dict)
    counted: dict[int, set[int]] = defaultdict(set)
    for (agency, year), cells in by_agency.items():
        counted[year].add(agency)
        for cell, value in cells.items():
            totals[year][cell] = totals[year].get(cell, 0) + value
    names = [measure_label(m) for m in choice.measures]
    rows: list[list] = []
    previous: list | None = None
    for year in years:
        values = [number(v) if (v := _value(m, totals[year])) is not None else None for m in choice.measures]
        changes = [_change(p, v) for p, v in zip(previous or [None] * len(values), values)]
        rows.append([year, len(counted[year]), *values, *changes])
        previous = values
    table = Dataset("table", "各年度合计", ["年度", "机关数", *names, *(f"{n} 同比(%)" for n in names)], rows)
    chart = Dataset("chart", "各年度合计", ["年度", *names], [[r[0], *r[2:2 + len(names)]] for r in rows],
                    chart="line")
    agencies = len({a for a, _ in by_agency})
    built = Built(choice, years, agencies, {d.name: d for d in (table, chart)})
    built.datasets["anomalies"] = anomalies(db, choice, by_agency, report_of)
    return built


def anomalies(db: Database, choice: Choice, by_agency: dict, report_of: dict) -> Dataset:
    """The largest year-on-year jumps of single agencies, and values far outside their peers."""
    found = []
    sums = [m for m in choice.measures if m not in _RATE]
    for m in sums:
        series: dict[int, dict[int, float]] = defaultdict(dict)
        for (agency, year), cells in by_agency.items():
            series[agency][year] = _sum(m, cells)
        for agency, values in series.items():
            ordered = sorted(values.items())
            for (y0, v0), (y1, v1) in zip(ordered, ordered[1:]):
                if y1 == y0 + 1 and v0 > 0 and abs(v1 - v0) >= max(MIN_JUMP, MIN_JUMP_RATIO * v0):
                    found.append(("jump", abs(v1 - v0) / v0, agency, y1, m, v1, f"较上年 {number(v0)} → {number(v1)}"))
        per_year: dict[int, list[tuple[int, float]]] = defaultdict(list)
        for (agency, year), cells in by_agency.items():
            per_year[year].append((agency, _sum(m, cells)))
        for year, peers in per_year.items():
            if len(peers) < 5:
                continue
            median = statistics.median(v for _, v in peers)
            mad = statistics.median(abs(v - median) for _, v in peers) * 1.4826
            for agency, v in peers:
                z = abs(v - median) / mad if mad else (float("inf") if v != median else 0)
                if z > OUTLIER_Z and abs(v - median) >= MIN_JUMP:
                    found.append(("outlier", z, agency, year, m, v, f"同年中位数 {number(median)}"))
    found.sort(key=lambda f: -f[1])
    found = found[:ANOMALIES_SHOWN]
    names = agency_names(db, [f[2] for f in found])
    kinds = {"jump": "同比突变", "outlier": "远离同类"}
    return Dataset("anomalies", "值得核查的数字", ["类型", "机关", "年度", "指标", "数值", "对照"],
                   [[kinds[k], names.get(a, str(a)), y, measure_label(m), number(v), note]
                    for k, _, a, y, m, v, note in found],
                   links=[f"/reports/{report_of[a, y]}" for _, _, a, y, _, _, _ in found])


# ------------------------------------------------------------------ routes

def _built(request: Request) -> tuple[Built, dict]:
    query = {k: request.query_params.getlist(k) for k in request.query_params}
    choice = read_choice(query)
    with request.app.state.site.store() as db:
        return build(db, choice), data.filter_options(db)


@router.get("/builder", response_class=HTMLResponse)
def builder_page(request: Request):
    built, options = _built(request)
    return render(request, "builder.html", built=built, options=options, measures=measure_options())


@router.get("/builder.json")
def builder_json(request: Request):
    return json_response(_built(request)[0].as_json())


@router.get("/builder/{name}.{fmt}")
def builder_download(request: Request, name: str, fmt: str):
    return download(_built(request)[0].datasets, name, fmt, "builder")
