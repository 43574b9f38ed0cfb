"""One finding per fact: the parser's cell findings (CELL_BLANK, CELL_TEXT,
CELL_NOT_APPLICABLE) grouped per table and pattern.

The parser raises one finding per printed row whose cells are blank, text or ``/``. A
report that fills only the 自然人 and 总计 columns of table 三 is one fact, not 25
warnings. For each such finding the affected cells are read back from the report (a null
value whose printed text is empty, ``/``-like or words); findings of one code in one
table whose rows miss the same columns (and, for text, hold the same words) become one
finding that names the rows, the columns missing and the columns filled. A pattern seen
in a single row keeps the parser's own finding.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

from ..model import Finding, Report
from ..template import FORMATS, TableSpec
from ..template.formats import APPLICANT_COLUMNS, T4_GROUP_LABELS, T4_RESULTS, PrintedRow
from .cells import row_short, table_name

GROUPED = ("CELL_BLANK", "CELL_TEXT", "CELL_NOT_APPLICABLE")
NOT_APPLICABLE_TEXTS = ("/", "/", "—", "-", "--", "——", "无", "-", "－")
SHOWN_ROWS = 8  # rows a grouped finding lists before "等"
_WHAT = {"CELL_BLANK": ("为空", "blank"), "CELL_NOT_APPLICABLE": ("填写“/”“—”或“无”", "marked not applicable"),
         "CELL_TEXT": ("是文字", "hold text")}


@dataclass(frozen=True)
class _Affected:
    """A cell finding, with the table, the printed row and the cells it is about."""

    finding: Finding
    spec: TableSpec
    row: PrintedRow
    cells: tuple[tuple[str, str], ...]  # (row key, column key) of the affected cells
    text: str  # CELL_TEXT: the words printed; else ""


def group_cell_findings(report: Report) -> None:
    """Replace, in place, the cell findings of one pattern in one table by one finding."""
    fmt = FORMATS.get(report.meta.template or "")
    if fmt is None:
        return
    groups: dict[tuple, list[_Affected]] = defaultdict(list)
    for finding in report.findings:
        affected = _affected(report, fmt.tables, finding) if finding.code in GROUPED else None
        if affected is not None and affected.cells:
            pattern = tuple(_column(affected.spec, r, c) for r, c in affected.cells)
            groups[finding.code, affected.spec.key, pattern, affected.text].append(affected)
    merged: dict[int, Finding | None] = {}
    for (code, _, pattern, text), members in groups.items():
        if len(members) < 2:
            continue
        merged[id(members[0].finding)] = _merge(report, code, pattern, text, members)
        for m in members[1:]:
            merged[id(m.finding)] = None
    if merged:
        kept = [merged.get(id(f), f) for f in report.findings]
        report.findings[:] = [f for f in kept if f is not None]


def _affected(report: Report, tables: tuple[TableSpec, ...], finding: Finding) -> _Affected | None:
    table_key, _, rest = (finding.where or "").partition(".")
    spec = next((t for t in tables if t.key == table_key), None)
    if spec is None or not rest:
        return None
    row = next((r for r in spec.rows if r.key == rest), None)
    only = None
    if row is None:
        row_key, _, only = rest.rpartition(".")
        row = next((r for r in spec.rows if r.key == row_key or any(k == row_key for k, _, _ in r.cells)), None)
        if row is None:
            return None
    cells, texts = [], set()
    for row_key, col_key, _ in row.cells:
        if only is not None and col_key != only:
            continue
        where = f"{table_key}.{row_key}.{col_key}"
        if report.value(where) is not None:
            continue
        printed = (report.provenance.get(where) or {}).get("text", "").strip()
        if _kind(printed) == finding.code:
            cells.append((row_key, col_key))
            texts.add(printed if finding.code == "CELL_TEXT" else "")
    return _Affected(finding, spec, row, tuple(cells), "、".join(sorted(texts)))


def _kind(printed: str) -> str:
    if not printed:
        return "CELL_BLANK"
    return "CELL_NOT_APPLICABLE" if printed in NOT_APPLICABLE_TEXTS else "CELL_TEXT"


def _column(spec: TableSpec, row_key: str, col_key: str) -> str:
    """A column's printed name (table 四: the group's and the result's)."""
    if spec.key == "table4":
        return T4_GROUP_LABELS.get(row_key, row_key) + next((m.label for m in T4_RESULTS if m.key == col_key), col_key)
    if spec.key == "table3":
        return next((m.label for m in APPLICANT_COLUMNS if m.key == col_key), col_key)
    row = next(r for r in spec.rows if any(k == row_key for k, _, _ in r.cells))
    labels = dict(zip((c for _, c, _ in row.cells), row.column_labels))
    return labels.get(col_key, col_key)


def _merge(report: Report, code: str, pattern: tuple[str, ...], text: str, members: list[_Affected]) -> Finding:
    spec = members[0].spec
    table_zh, table_en = table_name(spec)
    count = sum(len(m.cells) for m in members)
    rows = [row_short(spec, m.row.key) for m in members]
    shown = "、".join(rows[:SHOWN_ROWS]) + ("等" if len(rows) > SHOWN_ROWS else "")
    filled = [c for c in dict.fromkeys(_column(spec, r, c) for r, c, _ in members[0].row.cells) if c not in pattern]
    what_zh, what_en = _WHAT[code]
    words = f"“{text}”" if text else ""
    only = f",只填了{'、'.join(filled)}列" if filled else ""
    zh = (f"{table_zh} {count} 个单元格{what_zh}{words}{only}:{len(rows)} 行({shown})的"
          f"{'、'.join(pattern)}列,取空值")
    en = (f"{table_en}: {count} cells {what_en}{' (' + text + ')' if text else ''} — columns "
          f"{', '.join(pattern)} of {len(rows)} rows ({', '.join(rows[:SHOWN_ROWS])}); null")
    first = members[0].finding
    return Finding.of(code, zh, en, spec.key, line=first.line, page=first.page)
