"""What a rendered report shows, independent of the output format: the title, the
content system's metadata lines, the six sections in order, and under 二/三/四 the
official tables as grids of drawn cells (labels from :mod:`ogi.template`, spans from
:mod:`ogi.template.layout`, values formatted for print). A drawn table is the format's
:class:`~ogi.template.layout.TableGrid` (an :class:`ogi.grid.Grid`) with each value slot's
text filled in; ``DrawnTable`` and ``DrawnCell`` name it where a table is drawn.

The template spells its labels normalised (ASCII brackets and commas, as the parser
compares them); a page prints them as the official format does, with full-width
punctuation (``（一）予以公开``, ``（单位：万元）``). An amount column whose official header
names no unit (the 2019 format's 采购总金额) is printed with its unit, 万元, so that
no amount on a rendered page is without one. A report that failed the checks and was
rendered anyway (``--force``) is marked as a draft on every page (:data:`DRAFT_MARK`)."""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from typing import cast

from ..model import Report
from ..template import FORMATS, SECTIONS, Kind
from ..template.layout import HEADER, VALUE, GridCell, TableGrid, table_grid

SECTION_TABLE = {"s2": "table2", "s3": "table3", "s4": "table4"}
META_LABELS = (("index_number", "索引号"), ("agency", "发布机构"), ("published_date", "发布日期"))
DRAFT_MARK = "草稿 · 未通过校验"  # on every page of a report rendered with --force despite errors
AMOUNT_UNIT = "万元"
_FULL_WIDTH = str.maketrans({"(": "（", ")": "）", ",": "，", ":": "：", ";": "；"})


def printed(label: str) -> str:
    """A template label as the official format prints it: full-width brackets, commas
    and colons (labels hold no numbers, so no decimal point or thousands comma is touched)."""
    return label.translate(_FULL_WIDTH)


_NUMBERING = re.compile(r"^[(（]?[一二三四五六七八九十\d]+[)）、.．]")


def unnumbered(label: str) -> str:
    """A label without its numbering, as a person names the row: ``(一)予以公开`` → ``予以公开``."""
    return _NUMBERING.sub("", label.strip())


def amount_headers(template: str) -> set[str]:
    """The printed headers of the amount columns of table 二 that name no unit."""
    return {label for row in FORMATS[template].table2.rows
            for label, (_, _, kind) in zip(row.column_labels, row.cells)
            if kind == Kind.AMOUNT and AMOUNT_UNIT not in label}


def header_text(label: str, template: str) -> str:
    """A header or label cell's printed text (an amount header gets its unit)."""
    if label in amount_headers(template):
        label = f"{label}(单位:{AMOUNT_UNIT})"
    return printed(label)


DrawnCell = GridCell  # a drawn cell is a grid cell whose value slot holds the printed value
DrawnTable = TableGrid  # a drawn table is the format's grid with the report's values in it (ogi.grid)


@dataclass
class Part:
    """One section: its heading, its paragraphs, and the table it holds (二/三/四)."""

    key: str
    heading: str
    paragraphs: list[str] = field(default_factory=list)
    table: TableGrid | None = None


@dataclass
class Page:
    title: str
    meta: list[tuple[str, str]]
    preface: list[str]
    parts: list[Part]
    draft: bool = False  # failed the checks, rendered anyway: every page says so

    @property
    def mark(self) -> str | None:
        return DRAFT_MARK if self.draft else None


def format_value(value) -> str:
    """A value as a report prints it: integers plainly, amounts without a trailing ``.0``."""
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def draw_table(grid: TableGrid, values: dict[str, dict], template: str | None = None) -> TableGrid:
    """The grid with its values filled in, cell for cell in the grid's order; given the
    ``template``, labels are printed as the format prints them (:func:`header_text`), else as
    the template spells them."""
    cells = []
    for c in grid.cells:
        if c.role == VALUE:
            row, col = cast("tuple[str, str]", c.cell)  # a value cell's
            text = format_value(values.get(row, {}).get(col))
        else:
            text = header_text(c.text, template) if template else c.text
        cells.append(replace(c, text=text))
    return replace(grid, cells=tuple(cells))


def header_rows(table: TableGrid) -> int:
    """How many rows at the top hold only header cells (table 三 and 四: three; table 二
    starts with a caption): the rows a page repeats when the table goes on to the next."""
    n = 0
    for row in table.rows():
        if not row or any(c.role != HEADER for c in row):
            break
        n += 1
    return n


def title_of(report: Report) -> str:
    m = report.meta
    if m.title:
        return m.title
    return f"{m.agency or ''}{m.year or ''}年度政府信息公开工作年度报告"


def page_of(report: Report, preface: tuple[str, ...] = (), draft: bool = False) -> Page:
    """The page of a report in its format (``meta.template`` must be 2019 or 2021);
    ``preface`` is the text between the title and section 一; ``draft`` marks it as
    not having passed the checks. Each section shows its heading as given (the printed
    one of a parsed report) or the official one, and its paragraphs."""
    template = report.meta.template
    meta = [(label, str(getattr(report.meta, key))) for key, label in META_LABELS if getattr(report.meta, key)]
    parts = []
    for section in SECTIONS:
        given = report.sections.get(section.key)
        part = Part(section.key, (given.heading if given and given.heading else section.heading),
                    given.paragraphs() if given else [])
        if section.key in SECTION_TABLE:
            table = SECTION_TABLE[section.key]
            grid = table_grid(_drawn_format(report, table), table)
            part.table = draw_table(grid, getattr(report, table), template)
        parts.append(part)
    return Page(title_of(report), meta, list(preface), parts, draft)


def _drawn_format(report: Report, table: str) -> str:
    """The format whose grid draws ``table``: the report's, except where a 2021-format report
    printed (六)其他处理 as one row, as the 2019 format does (``other`` filled, its three
    sub-rows null: a TEMPLATE_DEVIATION the parser records) — that table 三 is drawn as it
    was printed, the 2019 way, or its row would be lost."""
    template = cast(str, report.meta.template)
    spec = FORMATS[template].table(table)
    for derived, parts in spec.derived.items():
        values = getattr(report, table)
        whole = values.get(derived) or {}
        if any(v is not None for v in whole.values()) and all(
                v is None for p in parts for v in (values.get(p) or {}).values()):
            return next(f.name for f in FORMATS.values() if derived in {r.key for r in f.table(table).rows})
    return template
