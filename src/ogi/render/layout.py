"""What a rendered report shows, independent of the output format: the title, the
content system's metadata lines, the six sections in order, and under 二/三/四 the
official tables as grids of drawn cells (labels from :mod:`ogi.template`, spans from
:mod:`ogi.template.layout`, values formatted for print)."""

from __future__ import annotations

from dataclasses import dataclass, field

from ..model import Report
from ..template import SECTIONS
from ..template.layout import VALUE, TableGrid, table_grid

SECTION_TABLE = {"s2": "table2", "s3": "table3", "s4": "table4"}
META_LABELS = (("index_number", "索引号"), ("agency", "发布机构"), ("published_date", "发布日期"))


@dataclass(frozen=True)
class DrawnCell:
    text: str
    row: int
    col: int
    rowspan: int = 1
    colspan: int = 1
    role: str = VALUE  # caption | header | label | value
    cell: tuple[str, str] | None = None  # a value cell's (row key, column key)


@dataclass
class DrawnTable:
    key: str
    n_rows: int
    n_cols: int
    cells: list[DrawnCell]

    def rows(self) -> list[list[DrawnCell]]:
        out: list[list[DrawnCell]] = [[] for _ in range(self.n_rows)]
        for c in self.cells:
            out[c.row].append(c)
        for r in out:
            r.sort(key=lambda c: c.col)
        return out

    def slots(self) -> list[list[DrawnCell | None]]:
        """Every grid position: the cell that starts there, None where a span covers it."""
        grid: list[list[DrawnCell | None]] = [[None] * self.n_cols for _ in range(self.n_rows)]
        for c in self.cells:
            grid[c.row][c.col] = c
        return grid


@dataclass
class Part:
    """One section: its heading, its paragraphs, and the table it holds (二/三/四)."""

    key: str
    heading: str
    paragraphs: list[str] = field(default_factory=list)
    table: DrawnTable | None = None


@dataclass
class Page:
    title: str
    meta: list[tuple[str, str]]
    preface: list[str]
    parts: list[Part]


def format_value(value) -> str:
    """A value as a report prints it: integers plainly, amounts without a trailing ``.0``."""
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def draw_table(grid: TableGrid, values: dict[str, dict]) -> DrawnTable:
    cells = []
    for c in grid.cells:
        text = format_value(values.get(c.cell[0], {}).get(c.cell[1])) if c.role == VALUE else c.text
        cells.append(DrawnCell(text, c.row, c.col, c.rowspan, c.colspan, c.role, c.cell))
    return DrawnTable(grid.key, grid.n_rows, grid.n_cols, cells)


def title_of(report: Report) -> str:
    m = report.meta
    if m.title:
        return m.title
    return f"{m.agency or ''}{m.year or ''}年度政府信息公开工作年度报告"


def page_of(report: Report, preface: tuple[str, ...] = ()) -> Page:
    """The page of a report in its format (``meta.template`` must be 2019 or 2021);
    ``preface`` is the text between the title and section 一."""
    template = report.meta.template
    meta = [(label, str(getattr(report.meta, key))) for key, label in META_LABELS if getattr(report.meta, key)]
    parts = []
    for section in SECTIONS:
        given = report.sections.get(section.key)
        part = Part(section.key, (given.heading if given and given.heading else section.heading),
                    _paragraphs(given.text) if given else [])
        if section.key in SECTION_TABLE:
            table = SECTION_TABLE[section.key]
            part.table = draw_table(table_grid(template, table), getattr(report, table))
        parts.append(part)
    return Page(title_of(report), meta, list(preface), parts)


def _paragraphs(text: str) -> list[str]:
    return [p.strip() for p in text.splitlines() if p.strip()]
