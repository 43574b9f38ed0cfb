"""Comma-separated text: a report's tables as a data analyst or a spreadsheet saves them.

A report's tables reach users as CSV in two common ways: ``pandas.read_html`` of the report's
page with each table written by ``DataFrame.to_csv`` (the tables only, one after another), and
a spreadsheet's "save as CSV" of a table copied into it. Read as plain text, a CSV row is one
run of words and numbers glued by commas: the comma is no separator the text reader knows, and
``1,234`` could be a thousands separator. A CSV text is therefore rewritten, before the text
reader sees it, as the same rows with a TAB between cells — the rendering a browser's copy
gives (an empty field for a blank cell), which the text reader aligns against the template.
A merged cell that pandas repeats in every column it spans (``行政许可,8,8,8`` under a
``本年处理决定数量`` spanning three columns) is joined again later by ``spans``, as docling's
grids are.

**What is taken for CSV.** Every non-blank line of the text parses (``csv`` module, quotes
honoured) to at least two fields, at least :data:`MIN_RECORDS` records do, and most records
have :data:`MIN_FIELDS` or more fields. A report's own text fails this at once: its headings
and prose hold no ASCII comma (Chinese text uses ``，``). A text holding a TAB is left alone
(it is already delimited).

**What is dropped.** pandas writes a DataFrame's column index as a header row when the page
gave the table no header: ``0,1,2,3`` — the integers from 0, one per column. Such a row is no
row of the report (read, it would be values with no label), so it becomes a blank line. With
``index=True`` pandas also writes the row index as a first column (an empty header field, then
0, 1, 2 … down the rows); where a table's first column is exactly that, it is dropped.

**A page-layout table's frame.** Old portals set the whole page in a layout table, the
report's own tables nested in one of its cells. ``pandas.read_html`` reads every ``<tr>``
under a table as that table's row, nested ones too: the layout table's frame holds the rows
of all the report's tables one after another (their header rows as its header levels, a
column of ints cast to floats — ``0.0`` — where another table's rows left it blank), and the
cell's whole text in a field of its own; then each nested table follows as a frame of its
own. Read whole, the file printed table 三 three times and was refused as three reports
(fresh9's wild44 ``layout_table``: 0 of 828 cells in ``pandas_csv``). A frame (from a record
that starts with pandas' empty index header to the next such start) is that flattening when
every one of its records that holds a number is, as values, a record of a later frame (its
index field and trailing blanks aside, ``0.0`` equal to ``0``), and those records come from
:data:`MIN_NESTED` later frames or more — a layout holds the report's tables, where a table
printed twice is one. Such a frame is dropped whole: every number in it is printed again,
once, in the frames after it.

**Merged cells left empty.** A PDF table extractor (pdfplumber's ``extract_tables``) or a
spreadsheet writes a merged cell's text in its first position and leaves the others empty:
``一、本年新收…,,,0,0,…`` (the label spans three columns), ``,,2.其他法律…,0,…`` (the group
label above spans the group's rows). In a grid of equal rows, the columns left of the first
one where any row prints a value hold labels only; their empty fields are taken out, as the
browser's copy prints a spanned cell once. The value columns' empty fields stay: those are
blank cells (a report that leaves zeros blank).

**Provenance.** Each record is written on the line where it starts in the file; a quoted
field running over several lines leaves blank lines after its record, so a cell's line is
the file's line. Inside a field a line break is the cell's text wrapped in its box: it is
taken out, the two sides joined (with a space only between two Latin letters).
"""

from __future__ import annotations

import csv
import re

from .frames import MIN_INDEX, is_count

MIN_RECORDS = 5  # records a CSV text has at least (a report's three tables are dozens of rows)
MIN_FIELDS = 3  # fields most records have (a label and two values; a row of table 三 has 8)
MOST = 0.6  # the share of records that must have MIN_FIELDS or more
MIN_NESTED = 2  # later frames whose records a page-layout table's frame must repeat

_BREAK = re.compile(r"\s*\n\s*")


def csv_as_tabs(text: str) -> str | None:
    """The text with its CSV records as TAB-separated lines, or ``None`` if it is not CSV."""
    if "\t" in text or "," not in text:
        return None
    records = _records(text)
    if records is None:
        return None
    filled = [fields for _, fields in records if fields]
    if len(filled) < MIN_RECORDS or sum(len(f) >= MIN_FIELDS for f in filled) < MOST * len(filled):
        return None
    _drop_flattened_frames(records)
    _drop_frame_indexes(records)
    for first, end in _blocks(records):
        _drop_span_blanks(records, first, end)
    lines: list[str] = []
    for start, fields in records:
        lines.extend([""] * (start - len(lines)))  # a record on the line where it starts
        lines.append("\t".join(map(_one_line, fields)) if any(f.strip() for f in fields) else "")
    return "\n".join(lines) + "\n"


def _records(text: str) -> list[tuple[int, list[str]]] | None:
    """Each record with the 0-based line it starts on; ``None`` where a non-blank line is
    one field (no comma outside quotes) or the text is not valid CSV."""
    reader = csv.reader(text.splitlines(keepends=True), strict=True)
    records: list[tuple[int, list[str]]] = []
    start = 0
    try:
        for fields in reader:
            if fields and len(fields) < 2 and fields[0].strip():
                return None
            records.append((start, fields if len(fields) >= 2 else []))
            start = reader.line_num
    except csv.Error:
        return None
    return records


def _frames(records: list[tuple[int, list[str]]]) -> list[tuple[int, int]] | None:
    """The runs ``[first, end)`` of records pandas wrote as one DataFrame — each starts at a
    record whose first field is empty (the index's header) after one whose first is not, and
    its records after the header count its row index 0, 1, 2 … in their first field — or
    None where the text is not all such runs (a PDF table extractor's CSV, a sheet's)."""
    starts = [k for k, (_, fields) in enumerate(records)
              if fields and fields[0] == "" and (k == 0 or not records[k - 1][1] or records[k - 1][1][0] != "")]
    if not starts or any(fields for _, fields in records[:starts[0]]):
        return None
    frames = list(zip(starts, starts[1:] + [len(records)]))
    for a, b in frames:
        firsts = [fields[0] for _, fields in records[a:b] if fields]
        body = firsts[next((i for i, f in enumerate(firsts) if f != ""), len(firsts)):]
        if not body or body != [str(i) for i in range(len(body))]:
            return None
    return frames


_FLOAT_INT = re.compile(r"(-?\d+)\.0")


def _as_values(fields: list[str]) -> tuple[str, ...] | None:
    """A body record's fields as values — the index field off, trailing blanks off, an int
    pandas cast to a float (``0.0``) as the int — or None where it holds no number."""
    body = [f.strip() for f in fields[1:]]
    while body and not body[-1]:
        body.pop()
    body = [m.group(1) if (m := _FLOAT_INT.fullmatch(f)) else f for f in body]
    return tuple(body) if any(f.replace(".", "", 1).isdigit() for f in body) else None


def _drop_flattened_frames(records: list[tuple[int, list[str]]]) -> None:
    """Blank a page-layout table's frame: one whose every record holding a number is printed
    again in :data:`MIN_NESTED` or more later frames (see the module docstring)."""
    frames = _frames(records)
    if frames is None or len(frames) <= MIN_NESTED:
        return
    rows = [{v for _, fields in records[a:b] if fields and fields[0] != "" and (v := _as_values(fields))}
            for a, b in frames]
    for i, (a, b) in enumerate(frames):
        if not rows[i]:
            continue
        later = [j for j in range(i + 1, len(frames)) if rows[i] & rows[j]]
        if len(later) >= MIN_NESTED and rows[i] <= set().union(*(rows[j] for j in later)):
            for k in range(a, b):
                records[k] = (records[k][0], [])


def _is_column_index(fields: list[str]) -> bool:
    """``0,1,2,…`` — pandas' default column labels (optionally after an empty index header)."""
    return is_count(fields[1:] if fields and fields[0] == "" else fields)


def _one_column_index(records: list[tuple[int, list[str]]], k: int) -> bool:
    """``,0`` heading records ``0,…`` ``1,…`` of two fields: a one-column DataFrame's column
    index (a page's list of links, set in a table) — one ``0`` is no count by itself, so
    the records under it must show the frame's row index."""
    fields = records[k][1]
    below = [f for _, f in records[k + 1:k + 1 + MIN_INDEX]]
    return fields == ["", "0"] and len(below) == MIN_INDEX and all(len(f) == 2 for f in below) \
        and [f[0] for f in below] == [str(i) for i in range(MIN_INDEX)]


def _drop_frame_indexes(records: list[tuple[int, list[str]]]) -> None:
    """Blank pandas' column-index rows, and drop a row-index first column: 0, 1, 2 … down
    the records after the header rows that start with an empty field."""
    heads = 0
    for k, (start, fields) in enumerate(records):
        column_index = _is_column_index(fields) or _one_column_index(records, k)
        if len(fields) >= 2 and fields[0] == "":
            heads = heads + 1 if k and len(records[k - 1][1]) == len(fields) else 1
            _drop_row_index(records, k + 1, len(fields), heads)
        else:
            heads = 0
        if column_index:
            records[k] = (start, [])


def _drop_row_index(records: list[tuple[int, list[str]]], first: int, width: int, heads: int) -> None:
    """From ``first`` on, the records of ``width`` fields whose first field counts 0, 1, 2 …
    lose that field, if at least :data:`~ogi.readers.frames.MIN_INDEX` do (one row counted
    ``0`` may be a row of values) — or one does, ending the table, under a header of two rows
    or more each starting empty (a DataFrame of one row under a header of several levels:
    table 四)."""
    end = first
    while end < len(records) and len(records[end][1]) == width and records[end][1][0] == str(end - first):
        end += 1
    ends_table = end == len(records) or len(records[end][1]) != width
    if end - first < MIN_INDEX and not (end - first == 1 and heads >= MIN_INDEX and ends_table):
        return
    for k in range(first, end):
        start, fields = records[k]
        records[k] = (start, fields[1:])


def _blocks(records: list[tuple[int, list[str]]]) -> list[tuple[int, int]]:
    """The runs ``[first, end)`` of consecutive records with the same number of fields: a
    table's grid as a PDF table extractor or a spreadsheet writes it."""
    runs: list[tuple[int, int]] = []
    first = 0
    for k in range(1, len(records) + 1):
        if k == len(records) or len(records[k][1]) != len(records[first][1]):
            if records[first][1] and k - first >= 2:
                runs.append((first, k))
            first = k
    return runs


def _drop_span_blanks(records: list[tuple[int, list[str]]], first: int, end: int) -> None:
    """Take out the empty fields of a grid's label columns: the columns left of the first
    one any row prints a value in. There an empty field is a merged cell's other position
    (pdfplumber's ``None``, a spreadsheet's merged area), not a blank cell — a row label
    spanning three columns, a group label spanning the group's rows. Left in, they would
    read as blank values; the browser's copy prints a spanned cell once, and so does this."""
    from ..extract.tokens import NA, NUM, cell_value

    def is_value(text: str) -> bool:
        token = cell_value(text) if text.strip() else None
        return token is not None and token.kind in (NUM, NA)

    values_from = min((next((c for c, f in enumerate(fields) if is_value(f)), len(fields))
                       for _, fields in records[first:end]), default=0)
    if values_from == 0:
        return
    for k in range(first, end):
        start, fields = records[k]
        labels = [f for f in fields[:values_from] if f.strip()]
        records[k] = (start, labels + fields[values_from:])


# marks a PDF table extractor sets on a line of their own after their cell's text: glyphs that
# sit low on the line (the point of ``1.`` and ``18.5``, a minus sign, 、) are sorted below it
_LOW_MARKS = re.compile(r"\s*[.．\-−－、](?:\s+[.．\-−－、])*\s*")
_GAP = re.compile(r"(?<=\S) (?=\S)")  # the gap a mark left inside the text
_POINT_GAP = re.compile(r"(?<=\d) (?=\S)")  # the gap a point left: after a digit, before the rest
_SIGNED_DIGITS = re.compile(r"\d+(?:\.\d+)?")
_AMOUNT = re.compile(r"\d+\s*(?:万元|元|件|个|项)?")  # digits (and a unit) with no gap: where the point was, unknown
# a row label's numbering with no gap left: one or two digits, then the label's first ideograph
_NUMBERING_GAP = re.compile(r"(?<=^\d)(?=[\u4e00-\u9fff])|(?<=^\d\d)(?=[\u4e00-\u9fff])")
# what a number's field becomes when its point was set apart with no gap left to show where it
# stood (``224`` ⏎ ``.`` is 2.24, 22.4 or 224.): a text, so the cell is null with CELL_TEXT
# naming why, never the digits read as 224
UNPLACED_POINT = "（小数点位置不明）"
_IDEOGRAPH = re.compile(r"[\u4e00-\u9fff]")  # a label's text: a line a mark may be put back into
_NUMBERING = re.compile(r"(\d{1,2}) ?(?=[\u4e00-\u9fff])")  # a label's leading numbering, its point set apart


def _one_line(field: str) -> str:
    """A field on one line: a mark set apart put back (:func:`_marks_back`), a line break
    taken out, a TAB made a space."""
    if "\n" in field or "\r" in field:
        field = _marks_back(field)
        field = _BREAK.sub(lambda m: _join(field, m), field)
    return field.replace("\t", " ").strip()


def _marks_back(field: str) -> str:
    """A field whose text a PDF table extractor (PyMuPDF's ``find_tables``) wrote with its low
    marks on a line of their own after the first, put back where they were printed: into the
    gaps they left in the first line, in order, where the gaps and the marks are as many
    (``1 申请人…不补正 行政`` ⏎ ``. 、`` is ``1.申请人…不补正、行政``); one point into the gap after
    the first digit (``1 属于国家秘密`` ⏎ ``.`` is ``1.属于国家秘密``, ``18 5202`` ⏎ ``.`` is
    ``18.5202``), else after a label's leading numbering (``1属于国家秘密`` ⏎ ``.``); a minus sign
    before a field of digits alone (``429`` ⏎ ``-`` is ``-429``). A point beside digits (and a
    unit) with no gap among them cannot be placed (``224`` ⏎ ``.`` is 2.24, 22.4 or 224.): the
    field becomes :data:`UNPLACED_POINT`. Other marks with no place are left as they were
    (joined, the field keeps what it printed)."""
    lines = re.split(r"\r?\n|\r", field)
    at = [i for i, line in enumerate(lines) if i and _LOW_MARKS.fullmatch(line)]
    if len(at) != 1:
        return _label_marks_back(lines, at) or field
    marks = lines[at[0]].split()
    rest = [line for i, line in enumerate(lines) if i != at[0]]
    gaps = _GAP.findall(rest[0])
    if len(gaps) == len(marks) and "-" not in marks:
        fill = iter(marks)
        rest[0] = _GAP.sub(lambda m: next(fill), rest[0])
    elif marks in (["."], ["．"]):
        rest[0], n = _POINT_GAP.subn(marks[0], rest[0], count=1)
        if not n and len(rest) == 1 and _AMOUNT.fullmatch(rest[0].strip()):
            return UNPLACED_POINT
        if not n:
            rest[0], n = _NUMBERING_GAP.subn(marks[0], rest[0], count=1)
        if not n:
            return field
    elif len(marks) == 1 and marks[0] in "-−－" and len(rest) == 1 and _SIGNED_DIGITS.fullmatch(rest[0].strip()):
        rest[0] = marks[0] + rest[0].strip()
    else:
        return _label_marks_back(lines, at) or field
    return "\n".join(rest)


def _label_marks_back(lines: list[str], at: list[int]) -> str | None:
    """A label's field whose marks stand on lines of their own, each after the line of the
    cell's text it was printed on (a label wrapped over several lines in its box:
    ``2 申请人…要求缴`` ⏎ ``.`` ⏎ ``纳费用 行政机关…其政`` ⏎ ``、`` ⏎ ``府信息公开申请``): each
    mark line's marks go back into the text line above it — a first point after the line's
    leading numbering, with or without a gap (``1申请人…不补正 行政机关不`` ⏎ ``. 、``), the
    others into its gaps, in order. A mark with nothing after it on its line left no gap there
    (the extractor trims a line's end), so a line may take one mark more than it has gaps, the
    last at its end — where joining the lines would put it too (``1 申请人…不补正`` ⏎ ``. 、``
    ⏎ ``行政机关…`` is ``1.申请人…不补正、行政机关…``). Only lines that hold an
    ideograph (a label's text) take marks — a number's point is never placed here — and
    ``None`` (nothing placed) where any mark line does not fit so."""
    if not at:
        return None
    out = list(lines)
    for a in at:
        above = out[a - 1]
        if a - 1 in at or not _IDEOGRAPH.search(above):
            return None
        marks = lines[a].split()
        if any(mark in "-−－" for mark in marks):
            return None
        numbering = _NUMBERING.match(above)
        if numbering and marks[0] in ".．":  # the point of the label's numbering, gap or not
            above = numbering.group(1) + marks.pop(0) + above[numbering.end():]
        gaps = len(_GAP.findall(above))
        if len(marks) not in (gaps, gaps + 1):
            return None
        parts = _GAP.split(above)  # the text between the gaps: one more than the gaps
        out[a - 1] = parts[0] + "".join(m + p for m, p in zip(marks, parts[1:])) + "".join(marks[gaps:])
    return "\n".join(line for i, line in enumerate(out) if i not in at)


def _join(field: str, m: re.Match[str]) -> str:
    """A line break inside a field: a cell's text wrapped in its box (``１`` ⏎ ``９`` is 19,
    ``政府信`` ⏎ ``息`` one word), joined — with a space only between two Latin letters."""
    before = field[m.start() - 1] if m.start() else ""
    after = field[m.end()] if m.end() < len(field) else ""
    return " " if before.isascii() and before.isalpha() and after.isascii() and after.isalpha() else ""
