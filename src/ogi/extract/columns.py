"""Read a table that text extracted from a PDF printed column by column (poppler's reading
order), where nothing but the structure can say which value is which.

``pdftotext`` without ``-layout`` reads a table without ruling lines as blocks of text: the
row labels of a stretch of rows first, then each value column of that stretch — its header,
then its values from top to bottom — then the next stretch. Table 二 prints so:

    规章 ⏎ 规范性文件 ⏎ 行政许可 ⏎ 其他对外管理服务事项 ⏎ 本年新制作数量 ⏎ 上一年项目数量 ⏎ 0 0 0 0 ⏎
    本年新公开数量 ⏎ 本年增/减 ⏎ 0 0 0 0 ⏎ …

Table 二 has no identity to confirm a reading, so a reading is accepted only where the
structure leaves no choice:

- every value column is named by its own header (a measure of the template: ``本年新制作数量``
  names the ``made`` column of 第二十条第(一)项). A measure that several captions share
  (``上一年项目数量``) names, occurrence by occurrence in reading order, the captions that
  have it in the template's order;
- a *run* is one or more headers followed at once by values, with no row label, prose or
  unknown text among them; its values fill, in order, the rows of each of its headers'
  captions from top to bottom — and their number must equal those rows exactly;
- every value cell of the table is named by exactly one run, every run's captions come in
  the template's order, and each caption's measures come in its columns' order over the runs;
- every row label is printed, in the template's order, before the first value of its row
  (a column's values come after the labels of the rows they stand beside);
- every value suits its cell: a count is a whole number of at least 0, only an amount may
  have a fraction.

Anything else returns None, and the aligner's own reading — with its findings — stands."""

from __future__ import annotations

from ..template.formats import Kind, TableSpec
from ..template.normalize import label_key
from .layout import Event, phrase_in
from .tokens import NA, NUM, Token

MIN_HEADER_CHARS = 4  # a header fragment shorter than this names no measure (单位万元 aside)


def read_by_columns(spec: TableSpec, fmt: str, evs: list[Event]) -> dict[tuple[str, str], Token] | None:
    """Cell → its token, where the table reads one way only as columns; else None."""
    blocks = _blocks(spec)
    runs, labels = _runs(spec, fmt, evs)
    if runs is None or not runs:
        return None
    used: dict[str, int] = {}  # measure key → occurrences assigned so far
    cells: dict[tuple[str, str], Token] = {}
    first_value: dict[str, int] = {}  # row key → event index of its first value
    column_of: dict[int, int] = {}  # block index → measure index of its last column read
    for headers, values in runs:
        slots: list[tuple[str, str, Kind]] = []
        last_block = -1
        for measure in headers:
            owners = [b for b, (_, measures) in enumerate(blocks) if measure in measures]
            n = used.get(measure, 0)
            if n >= len(owners):
                return None  # more headers of this measure than captions that have it
            used[measure] = n + 1
            b = owners[n]
            col = blocks[b][1].index(measure)
            if b <= last_block or col <= column_of.get(b, -1):
                return None  # captions out of order in a run, or a caption's columns out of order
            last_block, column_of[b] = b, col
            slots += [row.cells[col] for row in blocks[b][0]]
        if len(slots) != len(values):
            return None
        for (row_key, col_key, kind), (at, tok) in zip(slots, values):
            if (row_key, col_key) in cells or not _suits(tok, kind):
                return None
            cells[(row_key, col_key)] = tok
            first_value.setdefault(row_key, at)
    wanted = {(r, c) for row in spec.rows for r, c, _ in row.cells}
    if set(cells) != wanted:
        return None
    if any(row.key not in labels for row in spec.rows):
        return None
    order = [labels[row.key] for row in spec.rows]
    if order != sorted(order):
        return None
    if any(labels[row.key] > first_value[row.key] for row in spec.rows):
        return None
    return cells


def _blocks(spec: TableSpec) -> list[tuple[list, list[str]]]:
    """The table's captions in order: (their rows, the measure keys of their columns)."""
    out: list[tuple[list, list[str]]] = []
    for row in spec.rows:
        measures = [label_key(h) for h in row.column_labels]
        if out and out[-1][0][0].caption == row.caption:
            out[-1][0].append(row)
        else:
            out.append(([row], measures))
    return out


def _measure(spec: TableSpec, ref: str) -> str | None:
    """The measure a header names (``采购总金额单位万元`` → ``采购总金额``), if exactly one."""
    if len(ref) < MIN_HEADER_CHARS:
        return None
    keys = {label_key(h) for row in spec.rows for h in row.column_labels}
    found = {k for k in keys if k == ref or ref.startswith(k) or k.startswith(ref)}
    return next(iter(found)) if len(found) == 1 else None


Runs = list[tuple[list[str], list[tuple[int, Token]]]]


def _runs(spec: TableSpec, fmt: str, evs: list[Event]) -> tuple[Runs | None, dict[str, int]]:
    """The runs of headers and the values right after them, and where each row label is
    printed (row key → event index); (None, {}) where something breaks a run."""
    runs: Runs = []
    labels: dict[str, int] = {}
    headers: list[str] = []
    values: list[tuple[int, Token]] = []
    for i, ev in enumerate(evs):
        if ev.kind == "value":
            tok = ev.token
            if tok is None or tok.kind not in (NUM, NA) or not headers:
                return None, {}
            values.append((i, tok))
            continue
        if ev.kind != "phrase":
            if ev.kind in ("gap", "section") and not values and not headers:
                continue  # the heading, or text between runs (a caption's remnant), names nothing
            return None, {}
        phrase = phrase_in(ev.segment, spec.key, fmt) if ev.segment is not None else None
        if phrase is None:
            return None, {}
        if values:  # a run ends at the next phrase
            runs.append((headers, values))
            headers, values = [], []
        if phrase.kind == "row":
            if headers or phrase.ref in labels:
                return None, {}  # a label between a run's headers and its values, or twice
            labels[phrase.ref] = i
        elif phrase.kind == "header":
            measure = _measure(spec, phrase.ref)
            if measure is not None:
                headers.append(measure)
        else:
            return None, {}
    if headers and not values:
        return None, {}
    if values:
        runs.append((headers, values))
    return runs, labels


def _suits(tok: Token, kind: Kind) -> bool:
    """Can this value stand in a cell of this kind?"""
    if tok.kind == NA:
        return True
    if tok.unit not in (None, "万元") and kind is Kind.AMOUNT:
        return False
    if kind is Kind.AMOUNT:
        return tok.value is not None and tok.value >= 0
    if not isinstance(tok.value, int) or tok.unit not in (None, "件", "个", "项", "条", "次"):
        return False
    return kind is Kind.SIGNED or tok.value >= 0
