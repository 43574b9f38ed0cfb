"""Chinese names for what the pages show: a cell or part by its schema key, agency levels
and kinds, severities, review statuses, finding origins. Row and column labels are read
from :mod:`ogi.template`; none is spelled here."""

from __future__ import annotations

import re

from ..checks.cells import table_name
from ..render.layout import META_LABELS
from ..template import APPLICANT_COLUMNS, BY_CODE, FORMATS, SECTIONS, T4_RESULTS
from ..template.formats import T4_GROUP_LABELS

LEVELS = {"province": "省级", "city": "市级", "county": "县级", "township": "乡镇级"}
KINDS = {"government": "政府", "department": "部门", "township": "乡镇(街道)"}
SEVERITIES = {"error": "错误", "warning": "警告", "info": "提示"}
STATUSES = {"open": "待审核", "confirmed": "已确认", "dismissed": "已驳回"}
ORIGINS = {"parse": "本报告", "across": "跨年度", "rollup": "部门汇总"}
ORIGINS_ALL = {**ORIGINS, "copied": "跨机关照搬"}
FILE_FORMATS = {"txt": "文本", "html": "网页", "pdf": "PDF", "docx": "Word", "doc": "Word(旧版)", "wps": "WPS",
                "rtf": "RTF", "odt": "ODT", "xlsx": "Excel 填报表", "image": "图片"}
CODES = tuple(BY_CODE)  # every finding code, in the order of ogi.template.rules
TEMPLATES = {"2019": "2019 年格式", "2021": "2021 年格式", "legacy": "旧格式(无统计表)"}
_META = {**dict(META_LABELS), "title": "标题", "year": "年度", "template": "格式"}
_NUMBERING = re.compile(r"^(?:[一二三四五六七八九十]+、|\([一二三四五六七八九十]+\)|\d+[.、])")
_NOTE = re.compile(r"\(.*\)$")


def short_label(label: str) -> str:
    """A printed label without its numbering and trailing note: ``(二)部分公开(区分…)`` →
    ``部分公开``; for chart axes."""
    return _NOTE.sub("", _NUMBERING.sub("", label)) or label


def _outcomes_total() -> tuple[str, str]:
    """Table 三's (七)总计 as printed, and as a figure's name: 本年度办理结果总计."""
    t3 = FORMATS["2021"].table3
    total = t3.row("total").label
    assert total is not None  # (七)总计 is a labelled row
    outcomes = next(g.label for g in t3.groups if g.key == "outcomes")
    return total, short_label(outcomes) + short_label(total)


_OUTCOMES_TOTAL = _outcomes_total()


def figure_label(label: str) -> str:
    """A row's label as the name of a figure on a chart: :func:`short_label`, and the total
    of the outcomes named as such (a bare 总计 would say nothing)."""
    return _OUTCOMES_TOTAL[1] if label == _OUTCOMES_TOTAL[0] else short_label(label)


def rule_text(code: str) -> str:
    """What a finding code's rule says, in plain words."""
    rule = BY_CODE.get(code)
    return rule.zh if rule else code


def _row_label(table: str, row: str, template: str) -> str | None:
    spec = FORMATS[template].table(table)
    if table == "table4":
        return T4_GROUP_LABELS.get(row)
    groups = {g.key: g.label for g in spec.groups}
    printed = next((r for r in spec.rows if r.key == row), None)
    if printed is None:
        return groups.get(row)  # a derived row stands where its group is printed
    if printed.group in groups and printed.group != "outcomes":
        return f"{groups[printed.group]} {printed.label}"
    return printed.label


def _column_label(table: str, row: str, column: str, template: str) -> str | None:
    if table == "table3":
        return next((m.label for m in APPLICANT_COLUMNS if m.key == column), None)
    if table == "table4":
        return next((m.label for m in T4_RESULTS if m.key == column), None)
    printed = next((r for r in FORMATS[template].table2.rows if r.key == row), None)
    if printed is None:
        return None
    keys = [c for _, c, _ in printed.cells]
    return printed.column_labels[keys.index(column)] if column in keys else None


def _table_part(parts: list[str], template: str | None) -> str | None:
    """表三 (七)总计 · 自然人 for ``table3.total.natural_person`` (a row alone for a row key)."""
    table = parts[0]
    templates = sorted(FORMATS, key=lambda fmt: fmt != template)  # the report's own format first
    rest = ".".join(parts[1:])
    for fmt in templates:
        spec = FORMATS[fmt].table(table)
        name = table_name(spec)[0]
        if not rest:
            return name
        rows = spec.output_rows()
        if rest in rows or (table == "table4" and rest in T4_GROUP_LABELS):
            return f"{name} {_row_label(table, rest, fmt)}"
        if "." in rest:
            row, column = rest.rsplit(".", 1)
            if column in rows.get(row, ()):
                return f"{name} {_row_label(table, row, fmt)} · {_column_label(table, row, column, fmt)}"
    return None


def place_label(where: str | None, template: str | None = None) -> str:
    """A finding's place (a cell, row, table, section or metadata field) in words; the key
    itself when it is none of these."""
    if not where:
        return "整份报告"
    parts = where.split(".")
    if parts[0] in ("table2", "table3", "table4"):
        return _table_part(parts, template) or where
    if parts[0] == "section" and len(parts) == 2:
        section = next((s for s in SECTIONS if s.key == parts[1]), None)
        return f"第{section.numeral}部分 {section.heading.split('、', 1)[1]}" if section else where
    if parts[0] == "sections":
        return "正文"
    if parts[0] == "meta" and len(parts) == 2:
        return _META.get(parts[1], where)
    return where


def value_label(key: str, value) -> str:
    """A filter's value in words: 省级 for ``level=province``, a rule for a code."""
    names = {"level": LEVELS, "kind": KINDS, "severity": SEVERITIES, "status": STATUSES, "origin": ORIGINS_ALL,
             "template": TEMPLATES, "format": FILE_FORMATS}
    if key == "code":
        return f"{rule_text(value)}"
    return names.get(key, {}).get(value, str(value))
