"""Check data before it is rendered: the template is known, every cell of it is present,
and each value has the kind its column allows. Each problem names the cell."""

from __future__ import annotations

import math
from dataclasses import dataclass

from ..model import Report
from ..template import FORMATS, Kind


@dataclass(frozen=True)
class Problem:
    """Something wrong with the data: where (a schema key) and what, in Chinese and English."""

    where: str
    message: str
    message_en: str

    def __str__(self) -> str:
        return f"{self.where}: {self.message} ({self.message_en})"


class InvalidReport(ValueError):
    """The data cannot be rendered; ``problems`` says where and why."""

    def __init__(self, problems: list[Problem]):
        self.problems = problems
        super().__init__("\n".join(str(p) for p in problems))


def kinds(template: str) -> dict[str, Kind]:
    """Schema key (``table3.granted.total``) → value kind, for every printed cell of a format."""
    out: dict[str, Kind] = {}
    for spec in FORMATS[template].tables:
        for row in spec.rows:
            for row_key, col_key, kind in row.cells:
                out[f"{spec.key}.{row_key}.{col_key}"] = kind
    return out


def problems(data: dict) -> list[Problem]:
    """What keeps ``data`` (the JSON of ``ogi parse``) from being a renderable report."""
    meta = data.get("meta")
    if not isinstance(meta, dict):
        return [Problem("meta", "缺少 meta", "meta is missing")]
    template = meta.get("template")
    if template not in FORMATS:
        return [Problem("meta.template", f"格式“{template}”无法绘制,应为 2019 或 2021",
                        f"template {template!r} cannot be drawn; expected 2019 or 2021")]
    found: list[Problem] = []
    year = meta.get("year")
    if year is not None and (isinstance(year, bool) or not isinstance(year, int)):
        found.append(Problem("meta.year", f"年度“{year}”不是整数", f"year {year!r} is not an integer"))
    expected = kinds(template)
    missing_rows: set[str] = set()
    for key, kind in expected.items():
        table, row, col = _split(key)
        rows = data.get(table)
        if not isinstance(rows, dict):
            if table not in missing_rows:
                missing_rows.add(table)
                found.append(Problem(table, "缺少该表", "table missing"))
            continue
        cols = rows.get(row)
        if not isinstance(cols, dict):
            if f"{table}.{row}" not in missing_rows:
                missing_rows.add(f"{table}.{row}")
                found.append(Problem(f"{table}.{row}", "缺少该行", "row missing"))
            continue
        if col not in cols:
            found.append(Problem(key, "缺少该单元格", "cell missing"))
            continue
        issue = _value_problem(cols[col], kind)
        if issue:
            found.append(Problem(key, *issue))
    known_rows = {k.rsplit(".", 1)[0] for k in expected} | {
        f"{spec.key}.{d}" for spec in FORMATS[template].tables for d in spec.derived}
    for table in ("table2", "table3", "table4"):
        for row, cols in (data.get(table) or {}).items():
            if f"{table}.{row}" not in known_rows:
                found.append(Problem(f"{table}.{row}", f"{template} 格式中没有这一行", f"no such row in the {template} format"))
    return found


def _split(key: str) -> tuple[str, str, str]:
    table, rest = key.split(".", 1)
    row, col = rest.rsplit(".", 1)
    return table, row, col


def _value_problem(value, kind: Kind) -> tuple[str, str] | None:
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        return f"“{value}”不是数字", f"{value!r} is not a number"
    if isinstance(value, float) and not math.isfinite(value):
        return f"“{value}”不是有限的数", f"{value!r} is not a finite number"
    if kind != Kind.AMOUNT and value != int(value):
        return f"数量“{value}”应为整数", f"count {value!r} is not a whole number"
    if kind != Kind.SIGNED and value < 0:
        return f"“{value}”为负数,此处不能为负", f"{value!r} is negative; this cell cannot be"
    return None


def report_from_json(data: dict) -> Report:
    """The Report of ``data``, or :class:`InvalidReport` naming every bad cell."""
    if not isinstance(data, dict):
        raise InvalidReport([Problem("(root)", "数据应为一个 JSON 对象", "the data must be a JSON object")])
    found = problems(data)
    if found:
        raise InvalidReport(found)
    return Report.from_json(data)
