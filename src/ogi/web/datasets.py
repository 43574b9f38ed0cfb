"""A table or chart as the pages show it, and the same data as CSV or XLSX.

Every table and chart of a page is a :class:`Dataset`; its download is written from the
very rows the page shows, so the two never disagree. A chart is a dataset with a
``chart`` kind: its first column holds the categories, every other column one series.

Text from reports (agency names, titles, messages) goes into spreadsheets as text, never
as a formula: a CSV cell that starts with ``=``, ``+``, ``-``, ``@`` (or a tab or carriage
return, which some programs skip before looking) gets a leading apostrophe, which
spreadsheet programs show as the cell's text; in an XLSX such a cell is written with the
string type, so ``=HYPERLINK(…)`` in an agency's name stays the name it is.
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass, field

from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE

FORMATS = {"csv": "text/csv; charset=utf-8", "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
           "parquet": "application/vnd.apache.parquet", "json": "application/json; charset=utf-8"}
CHARTS = ("bar", "hbar", "pie", "line", "bars")  # bars: grouped bars, one group per category


def number(value):
    """A sum as shown: whole numbers as int, no value as 0."""
    if value is None:
        return 0
    return int(value) if float(value).is_integer() else round(value, 4)


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


FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def is_formula_like(value) -> bool:
    """Text a spreadsheet program would run as a formula."""
    return isinstance(value, str) and value.startswith(FORMULA_STARTS)


def csv_text(value):
    """A CSV field: text that looks like a formula gets a leading apostrophe."""
    value = _plain(value)
    return "'" + value if is_formula_like(value) else value


def to_csv(data: Dataset) -> bytes:
    """UTF-8 with a byte-order mark, so that spreadsheet programs read the Chinese right."""
    out = io.StringIO()
    w = csv.writer(out)
    w.writerow([csv_text(c) for c in data.columns])
    w.writerows([csv_text(v) for v in row] for row in data.rows)
    return out.getvalue().encode("utf-8-sig")


def xlsx_cell(ws, value):
    """A worksheet cell: text always as text (openpyxl would store ``=…`` as a formula)."""
    if isinstance(value, str):
        cell = WriteOnlyCell(ws, ILLEGAL_CHARACTERS_RE.sub("", value))
        cell.data_type = "s"
        return cell
    return _plain(value)


def to_xlsx(data: Dataset) -> bytes:
    wb = Workbook(write_only=True)
    ws = wb.create_sheet(data.name[:31])
    ws.append([xlsx_cell(ws, c) for c in data.columns])
    for row in data.rows:
        ws.append([xlsx_cell(ws, v) for v in row])
    out = io.BytesIO()
    wb.save(out)
    return out.getvalue()


def to_parquet(data: Dataset) -> bytes:
    """One column per column: numbers where every value is a number (or none), text otherwise."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    columns = {}
    for i, name in enumerate(data.columns):
        values = [_plain(row[i]) if i < len(row) else None for row in data.rows]
        if not all(v is None or (isinstance(v, (int, float)) and not isinstance(v, bool)) for v in values):
            values = [None if v is None else str(v) for v in values]
        columns[f"{i}:{name}" if name in columns else name] = values
    out = pa.BufferOutputStream()
    pq.write_table(pa.table(columns), out)
    return out.getvalue().to_pybytes()


def to_json(data: Dataset) -> bytes:
    import json

    return json.dumps([dict(zip(data.columns, (_plain(v) for v in row))) for row in data.rows], ensure_ascii=False,
                      default=str).encode("utf-8")


def encode(data: Dataset, fmt: str) -> bytes:
    if fmt == "csv":
        return to_csv(data)
    if fmt == "xlsx":
        return to_xlsx(data)
    if fmt == "parquet":
        return to_parquet(data)
    if fmt == "json":
        return to_json(data)
    raise ValueError(f"unknown download format {fmt!r}: csv, xlsx, parquet or json")
