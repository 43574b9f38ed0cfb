"""What every check needs: values by schema key, where they were printed, names for
rows, columns and tables in a message, and the finding that says a rule could not be
assessed."""

from __future__ import annotations

import re
from dataclasses import replace

from ..model import Finding, Report, Value
from ..template import BY_CODE, TableSpec
from ..template.formats import PrintedRow

_TOP = re.compile(r"^([一二三四五六七八九十]+)、")
_ITEM = re.compile(r"^(\([一二三四五六七八九十]+\))")
_SUB = re.compile(r"^(\d+)[.、]")
SHOWN_NULLS = 3  # null cells a not-assessable finding lists by key


def number(v: Value) -> str:
    if v is None:
        return "—"
    return str(int(v)) if isinstance(v, float) and v.is_integer() else str(v)


def summand(v: Value) -> str:
    """A number as a term of a sum: negatives in brackets (``10+(-1)``)."""
    return f"({number(v)})" if v is not None and v < 0 else number(v)


def located(report: Report, code: str, zh: str, en: str, where: str | None) -> Finding:
    """A finding at a cell (or part), with the line/page it was printed at."""
    prov = report.provenance.get(where or "", {})
    return Finding.of(code, zh, en, where, line=prov.get("line"), page=prov.get("page"))


def table_name(spec: TableSpec) -> tuple[str, str]:
    """("表三", "table 3"): the table's names in the template."""
    return spec.name.zh, spec.name.en


def row_short(spec: TableSpec, row_key: str) -> str:
    """A row's printed numbering: ``一``, ``(七)``, ``(三)1``; the label when it has none."""
    row = next((r for r in spec.rows if r.key == row_key), None)
    label = row.label if row else _group_label(spec, row_key)
    for pattern in (_TOP, _ITEM):
        m = pattern.match(label or "")
        if m:
            return m.group(1)
    m = _SUB.match(label or "")
    if m and row and row.group:
        return f"{group_short(spec, row.group)}{m.group(1)}"
    return label or row_key


def group_short(spec: TableSpec, group: str) -> str:
    label = _group_label(spec, group) or group
    m = _ITEM.match(label) or _TOP.match(label)
    return m.group(1) if m else label


def _group_label(spec: TableSpec, key: str) -> str | None:
    return next((g.label for g in spec.groups if g.key == key), None)


def printed_as_one_row(report: Report, spec: TableSpec, derived: str) -> bool:
    """2021: was (六)其他处理 printed as one row? Then ``other`` holds it and its
    sub-rows are null (a derived ``other`` is null whenever a sub-row is)."""
    table = getattr(report, spec.key)
    parts = spec.derived[derived]
    return (any(v is not None for v in table.get(derived, {}).values())
            and all(v is None for p in parts for v in table.get(p, {}).values()))


def printed_rows(report: Report, spec: TableSpec) -> list[PrintedRow]:
    """The table's printed rows as this report printed them: a derived row printed as one
    row (a deviation from the 2021 format) stands in for its null sub-rows."""
    rows = list(spec.rows)
    for derived, parts in spec.derived.items():
        if not printed_as_one_row(report, spec, derived):
            continue
        first = spec.row(parts[0])
        label = _group_label(spec, first.group) if first.group else derived
        one = replace(first, key=derived, label=label, group=None,
                      cells=tuple((derived, col, kind) for _, col, kind in first.cells))
        at = rows.index(first)
        rows = rows[:at] + [one] + [r for r in rows[at:] if r.key not in parts]
    return rows


def summed_rows(report: Report, spec: TableSpec) -> list[PrintedRow]:
    """The derived rows this report did not print (2021: (六)其他处理, the sum of its three
    sub-rows), shaped as printed rows so that a row identity can be asked of them: their
    values are sums the extractor made, so a wrong value in a sub-row is wrong in its sum
    too, and a finding on the sub-row alone would leave the sum's cell with none."""
    return [_summed_row(spec, derived) for derived in spec.derived
            if not printed_as_one_row(report, spec, derived)]


_SUMMED: dict[tuple[int, str], tuple[TableSpec, PrintedRow]] = {}


def _summed_row(spec: TableSpec, derived: str) -> PrintedRow:
    """One row object per template row (the identities' positions are kept by its id)."""
    kept = _SUMMED.get((id(spec), derived))
    if kept is None or kept[0] is not spec:
        kept = _SUMMED[(id(spec), derived)] = (spec, _make_summed_row(spec, derived))
    return kept[1]


def _make_summed_row(spec: TableSpec, derived: str) -> PrintedRow:
    first = spec.row(spec.derived[derived][0])
    label = _group_label(spec, first.group) if first.group else derived
    return replace(first, key=derived, label=f"{label}(各子行之和)", group=None,
                   cells=tuple((derived, col, kind) for _, col, kind in first.cells))


def row_parts(report: Report, spec: TableSpec, rows: tuple[str, ...]) -> tuple[str, ...]:
    """Rows as an identity lists them, with a derived row printed as one row in place of
    its sub-rows."""
    for derived, parts in spec.derived.items():
        if parts[0] in rows and printed_as_one_row(report, spec, derived):
            rows = tuple(derived if r == parts[0] else r for r in rows if r not in parts[1:])
    return rows


def not_assessable(code: str, scope_zh: str, scope_en: str, nulls: list[str], where: str | None) -> Finding:
    """RULE_NOT_ASSESSABLE for one rule over one table (or part): what could not be
    judged, and the null inputs that stopped it."""
    shown = "、".join(nulls[:SHOWN_NULLS])
    more_zh = f" 等 {len(nulls)} 个" if len(nulls) > SHOWN_NULLS else ""
    more_en = f" and {len(nulls) - SHOWN_NULLS} more" if len(nulls) > SHOWN_NULLS else ""
    rule = BY_CODE[code]
    return Finding.of(
        "RULE_NOT_ASSESSABLE",
        f"{code}({rule.zh})无法判断,{scope_zh}有空值:{shown}{more_zh}",
        f"{code} ({rule.en}) not assessable, null inputs in {scope_en}: {', '.join(nulls[:SHOWN_NULLS])}{more_en}",
        where)
