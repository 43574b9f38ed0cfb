"""Plausibility of table 二: stocks that cannot fall below what was added, item counts
that cannot change by more than they were, and amounts whose unit is printed nowhere."""

from __future__ import annotations

import re
from collections.abc import Callable

from ..model import Finding, Report
from ..template import FORMATS, Kind, TableSpec
from .cells import located, not_assessable, number, table_name

_UNIT = re.compile(r"万?元")

# a relation: (the row's values, its column labels) → None when it holds, else (zh, en)
_Relation = Callable[[dict, dict], tuple[str, str] | None]


def _stock(v: dict, n: dict) -> tuple[str, str] | None:
    added = v["issued"] - v["repealed"]
    if v["in_force"] >= added:
        return None
    sides = f"{number(v['issued'])} − {number(v['repealed'])} = {number(added)}"
    return (f"{n['in_force']} {number(v['in_force'])} < {n['issued']} − {n['repealed']} = {sides}",
            f"in_force {number(v['in_force'])} < issued − repealed = {sides}")


def _published(v: dict, n: dict) -> tuple[str, str] | None:
    if v["total_published"] >= v["published"]:
        return None
    return (f"{n['total_published']} {number(v['total_published'])} < {n['published']} {number(v['published'])}",
            f"total_published {number(v['total_published'])} < published {number(v['published'])}")


def _change(v: dict, n: dict) -> tuple[str, str] | None:
    if abs(v["items_change"]) <= v["items_prev_year"]:
        return None
    change, before = number(v["items_change"]), number(v["items_prev_year"])
    return (f"|{n['items_change']}| = |{change}| > {n['items_prev_year']} {before}",
            f"|items_change| = |{change}| > items_prev_year {before}")


# code → (the format it applies to, the columns a row must have, the relation)
_RELATIONS: dict[str, tuple[str, tuple[str, ...], _Relation]] = {
    "T2_STOCK": ("2021", ("issued", "repealed", "in_force"), _stock),
    "T2_PUBLISHED": ("2019", ("published", "total_published"), _published),
    "T2_CHANGE_LARGE": ("2019", ("items_prev_year", "items_change"), _change),
}


def check_plausibility(report: Report) -> list[Finding]:
    fmt = FORMATS.get(report.meta.template or "")
    if fmt is None:
        return []
    out: list[Finding] = []
    for code, (fmt_name, columns, relation) in _RELATIONS.items():
        if fmt.name == fmt_name:
            out += _relation(report, fmt.table2, code, columns, relation)
    out += _amount_units(report, fmt.table2)
    return out


def _relation(report: Report, spec: TableSpec, code: str, columns: tuple[str, ...],
              relation: _Relation) -> list[Finding]:
    out: list[Finding] = []
    nulls: list[str] = []
    skipped: list[str] = []
    tname, tname_en = table_name(spec)
    for row in spec.rows:
        names = {col: label for (_, col, _), label in zip(row.cells, row.column_labels)}
        if not set(columns) <= set(names):
            continue
        keys = {col: f"table2.{row.key}.{col}" for col in columns}
        values = {col: report.value(key) for col, key in keys.items()}
        if any(v is None for v in values.values()):
            nulls += [keys[c] for c, v in values.items() if v is None]
            assert row.label is not None  # every table 二 row is labelled
            skipped.append(row.label)
            continue
        failed = relation(values, names)
        if failed:
            zh, en = failed
            out.append(located(report, code, f"{tname}“{row.label}”:{zh}", f"{tname_en} {row.key}: {en}",
                               keys[columns[-1]]))
    if nulls:
        out.append(not_assessable(code, f"{tname} {'、'.join(skipped)} 行", f"{tname_en} (rows: {len(skipped)})",
                                  nulls, "table2"))
    return out


def _amount_units(report: Report, spec: TableSpec) -> list[Finding]:
    """An amount needs a unit: in its printed header (as the official one prints it) or
    in its cell. A zero needs none. (An amount in 元 is converted by the parser, which
    raises AMOUNT_UNIT itself.)"""
    out: list[Finding] = []
    tname, tname_en = table_name(spec)
    for row in spec.rows:
        for (row_key, col, kind), header in zip(row.cells, row.column_labels):
            if kind != Kind.AMOUNT:
                continue  # only an amount has a unit
            key = f"table2.{row_key}.{col}"
            prov = report.provenance.get(key, {})
            header = prov.get("header", header)
            value = report.value(key)
            if not value or _UNIT.search(header) or _UNIT.search(prov.get("text", "")):
                continue
            out.append(located(
                report, "AMOUNT_UNIT",
                f"{tname}“{row.label}”的“{header}”为 {number(value)},表头和单元格都没有注明单位(按万元读取)",
                f"{tname_en} {key} = {number(value)} has no unit in its header or its cell (read as 万元)", key))
    return out
