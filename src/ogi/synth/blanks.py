"""Labelled reports with blank cells: the zeros of an HTML report's tables left empty.

Many agencies print a table cell with nothing in it where the count is zero (the peer page
沭阳 2023 prints 2 values of 7 in each row of table 三). In the HTML such a cell is simply
empty, and every rendering that lays a table out with spaces (a text-mode browser, pandoc's
plain text, inscriptis, ``pdftotext -layout``) keeps where the other values stand only as
their character columns. The synthetic corpus prints every zero, so none of that was tested.

:func:`blank_zeros` writes, from a labelled folder of HTML reports (``ogi synth N --formats
html`` output, or any report + ``expected/<stem>.json``), a new labelled folder in which every
innermost table cell whose whole text is ``0`` is emptied and every expected cell of
``table2``/``table3``/``table4`` whose value is 0 becomes ``null`` — the schema's value of a
blank cell. Nothing else changes, so the pair stays consistent wherever each printed ``0``
was exactly one expected zero; :func:`blank_zeros` checks that by counting (the number of
cells emptied must equal the number of expected zeros nulled) and skips a report where it
does not hold, naming why. The shapes of the new folder are then made as for any labelled
folder (``ogi synth --shapes … --from OUT``)."""

from __future__ import annotations

import json
from pathlib import Path

from lxml import html as lxml_html

from ..template.formats import FORMATS
from .shapes.sources import HTML_SUFFIXES, utf8_page

__all__ = ["BLANK_TABLES", "blank_zeros", "blank_page", "blank_expected"]

BLANK_TABLES = ("table2", "table3", "table4")
ZERO_TEXT = "0"


def blank_page(page: str) -> tuple[str, int]:
    """The page with every innermost table cell whose text is ``0`` emptied, and how many."""
    tree = lxml_html.document_fromstring(page)
    emptied = 0
    for table in tree.iter("table"):
        if table.find(".//table") is not None:
            continue  # a layout table around the report: its cells are not the report's
        for cell in table.iter("td", "th"):
            if "".join(cell.text_content().split()) == ZERO_TEXT:
                for child in list(cell):
                    cell.remove(child)
                cell.text = ""
                emptied += 1
    return lxml_html.tostring(tree, encoding="unicode", doctype="<!DOCTYPE html>"), emptied


def blank_expected(want: dict) -> tuple[dict, int]:
    """The expected values with every printed 0 of the tables made ``null``, and how many.
    A derived row (the 2021 format's 其他处理 = the sum of its three sub-rows, never printed)
    is derived again as the parser derives it: ``null`` where a part is."""
    fmt = FORMATS.get((want.get("meta") or {}).get("template") or "")
    nulled = 0
    for table in BLANK_TABLES:
        derived = dict(fmt.table(table).derived) if fmt else {}
        rows = want.get(table) or {}
        for row_key, row in rows.items():
            if row_key in derived:
                continue
            for key, value in row.items():
                if value == 0 and not isinstance(value, bool):
                    row[key] = None
                    nulled += 1
        for row_key, parts in derived.items():
            for key in rows.get(row_key, {}):
                items = [rows.get(p, {}).get(key) for p in parts]
                rows[row_key][key] = None if any(v is None for v in items) else sum(items)
    return want, nulled


def blank_zeros(folder: Path, out: Path) -> tuple[list[str], list[str]]:
    """Write the blanked copy of every HTML report of ``folder`` (with its expected JSON)
    into ``out``; return the stems written and one line per report skipped."""
    (out / "expected").mkdir(parents=True, exist_ok=True)
    written, skipped = [], []
    for path in sorted(folder.iterdir()):
        if not path.is_file() or path.suffix.lower() not in HTML_SUFFIXES:
            continue
        exp = folder / "expected" / f"{path.stem}.json"
        if not exp.is_file():
            skipped.append(f"{path.name}: no expected/{path.stem}.json")
            continue
        page, emptied = blank_page(utf8_page(path.read_bytes()))
        want, nulled = blank_expected(json.loads(exp.read_text(encoding="utf-8")))
        if emptied != nulled:
            skipped.append(f"{path.name}: {emptied} cells printed 0 but {nulled} expected zeros")
            continue
        (out / f"{path.stem}.html").write_text(page, encoding="utf-8")
        (out / "expected" / f"{path.stem}.json").write_text(
            json.dumps(want, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
        written.append(path.stem)
    return written, skipped
