"""A table or chart as the pages show it, and the same data as CSV or XLSX.

Every table and chart of a page is a :class:`Dataset`; its download is written from the
very rows the page shows, so the two never disagree. A chart is a dataset with a
``chart`` kind: its first column holds the categories, every other column one series.
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass, field

from openpyxl import Workbook
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE

FORMATS = {"csv": "text/csv; charset=utf-8", "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"}
CHARTS = ("bar", "hbar", "pie", "line", "bars")  # bars: grouped bars, one group per category


@dataclass
class Dataset:
    name: str  # its name in the download URL
    title: str  # shown above it, in Chinese
    columns: list[str]
    rows: list[list] = field(default_factory=list)
    chart: str | None = None  # one of CHARTS, or None for a table
    links: list[str | None] = field(default_factory=list)  # per row: the page a row leads to
    marked: list[bool] = field(default_factory=list)  # per row: highlighted (a difference, say)

    def as_json(self) -> dict:
        return {"name": self.name, "title": self.title, "columns": self.columns, "rows": self.rows,
                "chart": self.chart, "links": self.links, "marked": self.marked}


def _plain(value):
    """A value as a spreadsheet cell: numbers as numbers, whole floats as integers."""
    if isinstance(value, float) and value.is_integer():
        return int(value)
    if isinstance(value, (int, float, str)) or value is None:
        return value
    return str(value)


def to_csv(data: Dataset) -> bytes:
    """UTF-8 with a byte-order mark, so that spreadsheet programs read the Chinese right."""
    out = io.StringIO()
    w = csv.writer(out)
    w.writerow(data.columns)
    w.writerows([_plain(v) for v in row] for row in data.rows)
    return out.getvalue().encode("utf-8-sig")


def to_xlsx(data: Dataset) -> bytes:
    wb = Workbook(write_only=True)
    ws = wb.create_sheet(data.name[:31])
    ws.append(data.columns)
    for row in data.rows:
        ws.append([ILLEGAL_CHARACTERS_RE.sub("", v) if isinstance(v, str) else _plain(v) for v in row])
    out = io.BytesIO()
    wb.save(out)
    return out.getvalue()


def encode(data: Dataset, fmt: str) -> bytes:
    if fmt == "csv":
        return to_csv(data)
    if fmt == "xlsx":
        return to_xlsx(data)
    raise ValueError(f"unknown download format {fmt!r}: csv or xlsx")
