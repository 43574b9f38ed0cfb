"""Check data before it is rendered: the template is known, every cell of it is present,
and each value has the kind its column allows. Each problem names the cell."""

from __future__ import annotations

import math
from dataclasses import dataclass

from ..errors import OgiError
from ..model import SCHEMA_VERSION, SECTION_KEYS, Report
from ..template import FORMATS, Kind


@dataclass(frozen=True)
class Problem:
    """Something wrong with the data: where (a schema key) and what, in Chinese and English."""

    where: str
    message: str
    message_en: str

    def __str__(self) -> str:
        return f"{self.where}: {self.message} ({self.message_en})"


class InvalidReport(OgiError, ValueError):
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
    version = data.get("schema_version", SCHEMA_VERSION)
    if isinstance(version, bool) or not isinstance(version, int) or not 1 <= version <= SCHEMA_VERSION:
        found.append(Problem("schema_version", f"数据格式版本“{version}”无法读取,应为 1 至 {SCHEMA_VERSION}",
                             f"schema_version {version!r} cannot be read; expected 1 to {SCHEMA_VERSION}"))
    found += section_problems(data.get("sections"))
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


def section_problems(sections) -> list[Problem]:
    """What is wrong with ``sections``: keys s1…s6, each an object whose ``heading`` is text
    or null and whose ``text`` is text (paragraphs one a line)."""
    if sections is None:
        return []
    if not isinstance(sections, dict):
        return [Problem("sections", "sections 应为对象(s1 至 s6)", "sections must be an object (s1 to s6)")]
    found = []
    for key, section in sections.items():
        where = f"sections.{key}"
        if key not in SECTION_KEYS:
            found.append(Problem(where, f"没有“{key}”这一部分,应为 s1 至 s6", f"no section {key!r}; expected s1 to s6"))
        elif not isinstance(section, dict):
            found.append(Problem(where, "应为对象(heading、text)", "must be an object (heading, text)"))
        else:
            for field in ("heading", "text"):
                value = section.get(field)
                if value is not None and not isinstance(value, str):
                    found.append(Problem(f"{where}.{field}", f"“{value}”不是文字", f"{value!r} is not text"))
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
