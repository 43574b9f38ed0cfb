"""A table printed twice: an annex copy of one of the report's tables told apart from a
second report in the same file, and the copy's numbers held against the report's.

Agencies print a table of their report a second time after its last section — an annex
(附表, 附件) that repeats table 三 or table 二 for readers who want the figures on a page of
their own. A page may instead hold two reports — this year's and the year before's, or a
merged PDF — whose tables are printed twice as well. The two differ in what stands between
the report's last section and the second printing:

- **a second report** begins with a title of its own (``XX局2022年度政府信息公开工作年度报告``)
  or an outline of its own (a numbered section heading, ``一、总体情况``, printed again);
- **an annex** prints a table — at most a caption (``附表：…``) before it — after section 六
  (or 五, where 六 is not printed) with neither.

So the report's layout is read from its units (:func:`report_layout`). Its annex runs from
the first line after its section 六 (五 where 六 is not printed) that begins a table — a
caption right before it included — to the next report's title or section heading, or the
file's end. A printing of table 三 (a line its first row's label begins, or running text
that holds the label and a row's values) inside the annex is a copy where the report printed
table 三 before it; every other printing is a report's, and so is any printing after a
second report's title or outline. More than one report is refused, as before — a file of
two reports is bad input, with a one-line message naming how many reports it holds.

The report's own annex — from its caption (or the copy's first line) to the next report's
title or the file's end — is not the report's section 六: it is read apart, as tables, and
each cell the copy and the report both read is compared (:func:`compare`):

- copies that agree: the report's cells stand, read once; an info finding
  (``TABLE_REPEATED``) says where the copy is;
- a cell the copies print differently: null, with a finding (``TABLE_COPIES_DIFFER``) that
  names both places and both numbers — which of the two the agency meant cannot be told.

A cell only the report reads keeps its value; a cell only the copy reads stays null (the
copy is never a source of numbers, only a check on them), so a copy read wrong can cost
cells but never make a number wrong."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from ..errors import NotAReport
from ..model import Finding, Report
from ..template.formats import FORMATS, TableSpec
from ..template.labels import section_of, segment
from ..template.normalize import label_key
from .derived import null_derived
from .tokens import Unit

TABLE3_FIRST_ROW = label_key(FORMATS["2021"].table3.rows[0].label or "")  # 一、本年新收政府信息公开申请数量
UNIT_CHARS_COUNTED = 2000  # characters: a longer unit of running text is no printing of table 三's row
ROW_VALUES = 7  # values of a row of table 三 (six applicant columns and the total)
LAST_SECTIONS = ("s6", "s5")  # the report's last section, the first found: an annex follows it
CAPTION_CHARS = 40  # characters: an annex's caption is a short line (附表：收到和处理…统计表)
HEADER_REF_CHARS = 4  # characters: a table header phrase this long begins a table (as _tables_start)
COPY_VALUES = 4  # numbers an annex must print to be read as a table's copy
TITLE_PREFIX_CHARS = 40  # characters of an organ's name before the year of a report's title
# a report's title at the start of a unit (its letters, digits and ideographs only): an organ,
# the year (digits or Chinese numerals), 政府信息公开(工作)(年度)报告
_TITLE = re.compile(r"^[\u4e00-\u9fff]{0," + str(TITLE_PREFIX_CHARS) + r"}?"
                    r"(?:(?:19|20)\d{2}|[一二][〇零○九][〇零○一二三四五六七八九]{2})年度?"
                    r"(?:政府信息公开|政务公开)(?:工作)?的?(?:年度)?(?:工作)?报告")
TITLE_KEY_CHARS = 120  # characters of a unit's key a title is looked for in


@dataclass(frozen=True, slots=True)
class Layout:
    """Where the report's own text ends, and the units of its annex (``annex_start`` to
    ``annex_stop``) where it prints tables after its last section; ``end`` is the unit
    where its sections end (the annex's start, the next report's title, or the file's end)."""

    end: int
    annex_start: int | None = None
    annex_stop: int | None = None

    @property
    def annex(self) -> tuple[int, int] | None:
        return None if self.annex_start is None or self.annex_stop is None else (self.annex_start, self.annex_stop)


def report_layout(units: list[Unit], headings: dict[str, int]) -> Layout:
    """The report's layout (module docstring); raises :class:`NotAReport` where the file
    holds more than one report: table 三 printed more than once, not as an annex copy, or
    printed at all after a second report's title or outline."""
    last = next((headings[k] for k in LAST_SECTIONS if k in headings), None)
    span, stop = _annex_after(units, last) if last is not None else (None, len(units))
    printings = [i for i, u in enumerate(units) if _prints_table3(u)]
    if len(printings) > 1:
        own = span is not None and printings[0] < span[0]  # a copy is one of a table the report printed before
        copies = [i for i in printings if own and span is not None and span[0] <= i < span[1]]
        later = any(i >= stop for i in printings)  # a second report's table (or a report's, printed after all text)
        reports = max(len(printings) - len(copies), 2 if later else 1)
        if reports > 1:
            raise NotAReport(f"the file holds {reports} reports (table 三 is printed {len(printings)} times"
                             + (f", {len(copies)} of them in an annex" if copies else "")
                             + "); split it into one file per report")
    if span is None:
        return Layout(end=len(units))
    return Layout(end=span[0], annex_start=span[0], annex_stop=span[1])


def _prints_table3(u: Unit) -> bool:
    """Does the unit print table 三's first row: its label begins the unit, or running text
    (not a table's row) holds the label and a row's values?"""
    key = label_key(u.text)
    return key.startswith(TABLE3_FIRST_ROW) or (
        not u.in_table and TABLE3_FIRST_ROW in key and len(u.text) < UNIT_CHARS_COUNTED
        and sum(1 for t in u.tokens if t.kind == "num") >= ROW_VALUES)


def _annex_after(units: list[Unit], last: int) -> tuple[tuple[int, int] | None, int]:
    """The annex after the last section's heading at ``last`` — the units from the first that
    begins a table (or the caption right before it) up to the next report's title or section
    heading, where they print numbers; None where no table follows the heading — and where
    the next report begins (the file's end where none does). A paragraph
    of running text that prints table 三's first row with its values begins one too (a
    crawler's text glues a whole table, and the page's footer after it, into one paragraph)."""
    stop = next((k for k in range(last + 1, len(units)) if _report_sign(units[k])), len(units))
    first = next((k for k in range(last + 1, stop) if _begins_table(units[k]) or _prints_table3(units[k])), None)
    if first is None or sum(1 for u in units[first:stop] for t in u.tokens if t.kind == "num") < COPY_VALUES:
        return None, stop
    return ((first - 1 if first - 1 > last and _caption(units[first - 1]) else first), stop), stop


def _heading(u: Unit) -> str | None:
    """The section whose heading the unit is (a table's row of values never is)."""
    if u.in_table and len(u.tokens) > 1:
        return None
    return section_of(u.text)


def _title(u: Unit) -> bool:
    return not u.in_table and report_title(u.text)


def report_title(text: str) -> bool:
    """Does ``text`` begin with a report's title (an organ, the year, 政府信息公开工作年度报告)?"""
    return bool(_TITLE.match(label_key(text[:TITLE_KEY_CHARS])))


def _report_sign(u: Unit) -> bool:
    """Does the unit begin a report: a title, or a numbered section heading?"""
    return _heading(u) is not None or _title(u)


def _begins_table(u: Unit) -> bool:
    """Does the unit begin a table: a table's row, or a line that prints a table's header?"""
    if u.prose:
        return False
    if u.in_table:
        return True
    return any(p.kind == "header" and len(p.ref) >= HEADER_REF_CHARS for seg in segment(u.text) for p in seg.phrases)


def _caption(u: Unit) -> bool:
    """Is the unit an annex's caption: a short line of words (附表：…, …统计表), no number?"""
    text = u.text.strip()
    return (not u.prose and len(text) <= CAPTION_CHARS and not any(t.kind == "num" for t in u.tokens)
            and (text.startswith("附") or text.endswith("表")))


# ------------------------------------------------------------------ the copy against the report

def compare(report: Report, fmt: str, copy: Report, annex: list[Unit]) -> None:
    """Hold the annex's tables (``copy``, read as a report of its own from the units
    ``annex``) against the report's: a cell the two print differently is null with a finding
    naming both places; a table whose copy agrees gets an info finding. A table the copy
    does not print is left alone; an annex whose numbers could not be read at all, after a
    report whose tables were read, is named by an info finding (the report's tables stand as
    read)."""
    compared = False
    for spec in FORMATS[fmt].tables:
        theirs: dict[str, dict[str, Any]] = getattr(copy, spec.key) or {}
        ours: dict[str, dict[str, Any]] = getattr(report, spec.key) or {}
        read = [(row, col) for row, cols in theirs.items() for col, v in cols.items()
                if v is not None and not _derived(copy, spec, row, col)]
        if not read:
            continue
        compared = True
        both = [(row, col) for row, col in read if ours.get(row, {}).get(col) is not None]
        if not both:
            continue  # the report read none of the copy's cells: nothing to hold it against
        differ = [(row, col) for row, col in both if ours[row][col] != theirs[row][col]]
        at = _first_place(copy, spec.key, read)
        if not differ:
            report.add(Finding.of(
                "TABLE_REPEATED", f"{_name(spec)}在报告之后的附表中{_place_zh(at)}再次印出,"
                f"两处数值一致({len(both)}个单元格),按一处读入",
                f"{_name_en(spec)} is printed again in an annex after the report{_place_en(at)}; the two "
                f"copies agree in {len(both)} cells, read once", spec.key, **at))
            continue
        for row, col in differ:
            _null_differing(report, copy, spec, row, col)
        null_derived(report, spec)
    if not compared and _any_value(report):
        _not_compared(report, annex)  # (where the report read no table either, the annex may be its tables)


def _any_value(report: Report) -> bool:
    return any(v is not None for table in (report.table2, report.table3, report.table4)
               for cols in table.values() for v in cols.values())


def _not_compared(report: Report, annex: list[Unit]) -> None:
    at = {k: v for k, v in (("line", annex[0].pos.line), ("page", annex[0].pos.page)) if v is not None}
    table3 = any(_prints_table3(u) for u in annex)
    name_zh, name_en = ("表三(依申请公开)", "table 3") if table3 else ("统计表", "a table")
    report.add(Finding.of(
        "TABLE_REPEATED", f"报告之后的附表中{_place_zh(at)}再次印出{name_zh},其数值未能读出,未与报告中的比对",
        f"{name_en} is printed again in an annex after the report{_place_en(at)}; its numbers could not be read "
        "and are not compared with the report's", "table3" if table3 else None, **at))


def _derived(report: Report, spec: TableSpec, row: str, col: str) -> bool:
    return bool((report.provenance.get(f"{spec.key}.{row}.{col}") or {}).get("derived"))


def _null_differing(report: Report, copy: Report, spec: TableSpec, row: str, col: str) -> None:
    key = f"{spec.key}.{row}.{col}"
    ours, theirs = report.value(key), copy.value(key)
    here, there = _place(report.provenance.get(key)), _place(copy.provenance.get(key))
    getattr(report, spec.key)[row][col] = None
    report.add(Finding.of(
        "TABLE_COPIES_DIFFER",
        f"{_name(spec)}印了两次,此单元格两处数值不同:报告中{_place_zh(here)}为{ours},"
        f"附表中{_place_zh(there)}为{theirs},无法确定,取空值",
        f"{_name_en(spec)} is printed twice and this cell differs: {ours} in the report{_place_en(here)}, "
        f"{theirs} in the annex{_place_en(there)}; which one is meant cannot be told, null", key, **here))


def _first_place(copy: Report, table: str, cells: list[tuple[str, str]]) -> dict[str, int]:
    places = [_place(copy.provenance.get(f"{table}.{row}.{col}")) for row, col in cells]
    places = [p for p in places if p]
    return min(places, key=lambda p: (p.get("page") or 0, p.get("line") or 0)) if places else {}


def _place(prov: dict | None) -> dict[str, int]:
    return {k: prov[k] for k in ("line", "page") if prov and isinstance(prov.get(k), int)}


def _place_zh(at: dict[str, int]) -> str:
    """``(第3页第12行)``: where a cell is printed, as far as it is known."""
    parts = ([f"第{at['page']}页"] if "page" in at else []) + ([f"第{at['line']}行"] if "line" in at else [])
    return f"({''.join(parts)})" if parts else ""


def _place_en(at: dict[str, int]) -> str:
    """`` at page 3, line 12``: where a cell is printed, as far as it is known."""
    parts = ([f"page {at['page']}"] if "page" in at else []) + ([f"line {at['line']}"] if "line" in at else [])
    return f" at {', '.join(parts)}" if parts else ""


def _name(spec: TableSpec) -> str:
    return f"{spec.name.zh}({spec.name.topic})"


def _name_en(spec: TableSpec) -> str:
    return spec.name.en


__all__ = ["Layout", "compare", "report_layout", "report_title"]


# ------------------------------------------------------------------ a table printed again right after itself

# A page may hold a table twice, the second a copy for phones that CSS hides (``display:none``
# under a ``@media`` rule): a text renderer, which applies no CSS, prints both, one right after
# the other. Where the second printing is the first again, character for character (a grid:
# every cell's text; running text: the run from the table's header to the copy's start,
# printed again at once), it is a copy and is read once — it can add no number the first does
# not hold, and read twice its values are too many for the rows (ROW_AMBIGUOUS) or a second
# report (wild6 ``mobile_copy``). A copy that differs in any character is left as printed.

# the words that open a printing of table 二 (each 第二十条 block), 三 and 四 in the template
COPY_ANCHORS = ("信息内容", "申请人情况", "行政复议")
COPY_MIN_CHARS = 40  # characters of a run printed twice, at least, to be a table's copy
COPY_MIN_DIGITS = 7  # digits such a run holds at least (a row of table 三's values)
COPY_MAX_ROWS = 200  # rows of a grid looked at, at most (table 三, the longest, prints some 30)
_COPY_ANCHOR = re.compile("|".join(COPY_ANCHORS))
_DIGIT = re.compile(r"\d")


def copies_dropped(doc: Any) -> Any:
    """``doc`` with each table printed again right after itself read once (see above); ``doc``
    itself where none is."""
    from ..document import Document, Paragraph, Table

    blocks: list = []
    changed = False
    for b in doc.blocks:
        if isinstance(b, Paragraph):
            text = _tandem_dropped(b.text)
            if text != b.text:
                b, changed = Paragraph(text, b.pos), True
        elif isinstance(b, Table):
            prev = next((x for x in reversed(blocks) if not (isinstance(x, Paragraph) and not x.text.strip())), None)
            if isinstance(prev, Table) and _grid(prev) == _grid(b) and _digits(_grid(b)) >= COPY_MIN_DIGITS:
                changed = True
                continue
            rows = _rows_once(b)
            if rows is not b:
                b, changed = rows, True
        blocks.append(b)
    return Document(blocks, doc.format, doc.meta) if changed else doc


def _rows_once(table: Any) -> Any:
    """``table`` read once where it is two tables a text reader joined into one grid: its rows
    are a run printed twice, the whole grid, cell for cell (column, spans, text), no merged
    cell crossing the middle; ``table`` itself otherwise. (Only the whole grid: runs of rows
    repeat inside a table of its own — table 四's 结果维持…总计 header over both 行政诉讼
    blocks, rows of zeros — and are no copy.)"""
    from ..document import Table

    by_row: dict[int, list] = {}
    for c in table.cells:
        by_row.setdefault(c.row, []).append(c)
    n = max(by_row, default=-1) + 1
    half = n // 2
    if n % 2 or n > COPY_MAX_ROWS or half < 2:
        return table
    if _row_printed(by_row, 0) != _row_printed(by_row, half):
        return table  # the first rows of the two halves differ: no copy (asked before every row is built)
    rows = [tuple((c.col, c.rowspan, c.colspan, c.text.strip()) for c in by_row.get(r, [])) for r in range(n)]
    if rows[:half] != rows[half:] or sum(len(_DIGIT.findall(t)) for row in rows[:half] for *_, t in row) < COPY_MIN_DIGITS \
            or any(c.row < half <= c.row + c.rowspan - 1 for c in table.cells):
        return table
    return Table([c for c in table.cells if c.row < half], table.pos)


def _row_printed(by_row: dict[int, list], r: int) -> tuple:
    return tuple((c.col, c.rowspan, c.colspan, c.text.strip()) for c in by_row.get(r, []))


def _grid(table: Any) -> tuple[tuple[int, int, str], ...]:
    return tuple((c.row, c.col, c.text.strip()) for c in table.cells)


def _digits(grid: tuple[tuple[int, int, str], ...]) -> int:
    return sum(len(_DIGIT.findall(t)) for _, _, t in grid)


def _tandem_dropped(text: str) -> str:
    """``text`` with a run that starts at a table's opening words and is printed again right
    after itself, character for character, printed once."""
    if len(text) < 2 * COPY_MIN_CHARS:
        return text
    starts = [m.start() for m in _COPY_ANCHOR.finditer(text)]
    for p in starts:
        for q in starts:
            run = text[p:q]
            if q - p >= COPY_MIN_CHARS and text.startswith(run, q) and len(_DIGIT.findall(run)) >= COPY_MIN_DIGITS:
                return _tandem_dropped(text[:q] + text[q + len(run):])
    return text
