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

Anything else returns None, and the aligner's own reading — with its findings — stands.

Where no run fills its headers' rows exactly, :func:`read_by_stacks` reads the table under a
looser model of the same order (pieces of column stacks, top to bottom), enumerating every
reading: a cell is read only where all readings agree on its value."""

from __future__ import annotations

from typing import cast

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
    found = {k for k in _measure_keys(spec) if k == ref or ref.startswith(k) or k.startswith(ref)}
    return next(iter(found)) if len(found) == 1 else None


_MEASURE_KEYS: dict[int, tuple[TableSpec, frozenset[str]]] = {}  # see _measure_keys
SPECS_KEPT = 64  # tables of the template whose header keys are kept (the formats have six)


def _measure_keys(spec: TableSpec) -> frozenset[str]:
    """The keys of a table's column headers, made once per table of the template (kept by
    its identity, held in the entry so that an id cannot be reused while kept): they depend
    on nothing else, and every header phrase of every report asked for them."""
    kept = _MEASURE_KEYS.get(id(spec))
    if kept is None or kept[0] is not spec:
        if len(_MEASURE_KEYS) >= SPECS_KEPT:
            _MEASURE_KEYS.clear()
        kept = _MEASURE_KEYS[id(spec)] = (spec, frozenset(label_key(h) for row in spec.rows for h in row.column_labels))
    return kept[1]


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


# ------------------------------------------------------------------ stacks across runs

MAX_READINGS = 64  # readings of a table collected before giving up (all must agree)
MAX_STEPS = 20_000  # search steps before giving up


def read_by_stacks(spec: TableSpec, fmt: str, evs: list[Event]) -> dict[tuple[str, str], Token | None] | None:
    """Cell → its token where every reading of the table as column stacks gives the cell the
    same value, None where two readings differ; None for the table where it has no such
    reading (or too many to enumerate).

    Where :func:`read_by_columns` finds no run that fills its headers' rows exactly (poppler
    printed part of a column, then the rest after more labels, or two columns in one run),
    the table is read under a looser model of the same reading order: the cells of each
    *stack* — the value column at one position of the captions that have as many columns
    (the merged cells of the 2021 format's single-column captions are one stack) — are
    printed from top to bottom over the whole table, and a run of values is one or more
    pieces of distinct stacks, each going on where that stack stopped and printed whole: a
    piece ends only where its stack's next cell could not be printed yet (its row's label or
    its column's header comes later) or the stack is done — inside a run; a run itself may
    end where its last piece could go on (a text box of pdfminer's ends where a caption's rows
    do, the column going on in the next box). Every value must suit its cell,
    come after its row's label and after the header that names its cell's column, and every
    cell must be filled exactly once. All readings are enumerated (up to
    :data:`MAX_READINGS`); a cell is read only where all of them give it the same value, the
    others stay null (with a finding, from the aligner). Where there is no reading at all,
    nothing is read, and the aligner's own nulls and findings stand."""
    items = _items(spec, fmt, evs)
    if items is None or not _headers_after_labels(spec, items) or not _labels_in_template_order(spec, items):
        return None
    cells_of = _stacks_of(spec)
    kinds = {(r, c): k for row in spec.rows for r, c, k in row.cells}
    wanted = sum(len(s) for s in cells_of.values())
    values = [tok for kind, tok, _ in items if kind == "value" and tok is not None]
    if len(values) != wanted:
        return None
    readings: list[list[tuple[str, str]]] = []
    steps = 0
    filled = dict.fromkeys(cells_of, 0)
    seen_rows: set[str] = set()
    seen_cols: set[tuple[int, int]] = set()  # (caption block, column) whose header was printed
    order: list[tuple[str, str]] = []
    caption_of = _caption_index(spec)
    lone = _lone_columns(spec, cells_of, caption_of)
    if _headers_shifted(items, lone):
        lone = {}

    def open_(key: tuple[int, int]) -> bool:
        """Could the stack's next cell be printed now (its row's label and its column's
        header came already)?"""
        cells = cells_of[key]
        if filled[key] == len(cells):
            return False
        row_key = cells[filled[key]][0]
        return row_key in seen_rows and (caption_of[row_key], key[0]) in seen_cols

    def seen_then_walk(seen: set, ref: object, i: int, group: Group) -> bool:
        """Read on past a row label or column header, with ``ref`` seen until the walk
        comes back (if it was not seen before)."""
        new = ref not in seen
        seen.add(ref)
        ok = walk(i + 1, (), group)
        if new:
            seen.discard(ref)
        return ok

    def walk(i: int, run: tuple[tuple[int, int], ...], group: Group) -> bool:
        """Read items[i:]; ``run``: the stacks the current run of values has pieces of, the
        last one the piece being read; ``group``: the headers printed since the last value.
        Inside a run a piece ends only where its stack has no cell left that could be
        printed (a block of a column is printed whole)."""
        nonlocal steps
        steps += 1
        if steps > MAX_STEPS or len(readings) > MAX_READINGS:
            return False
        kind, tok, ref = items[i] if i < len(items) else ("end", None, None)
        # a run may end inside a piece whose stack could go on: pdfminer's text boxes cut a
        # column where one caption's rows end and the next caption's begin (measured: with
        # "a piece is printed whole" at a run's end, pdfminer's text of 5 synthetic reports
        # had table 二 read wrong with every reading agreeing; without it pdftotext reads more)
        if kind == "end":
            readings.append(list(order))
            return True
        if run:
            group = ()  # a run of values ended: no header printed since
        if kind == "label":
            return seen_then_walk(seen_rows, cast(str, ref), i, group)
        if kind == "header":
            return seen_then_walk(seen_cols, cast(tuple[int, int], ref), i, group + (cast(tuple[int, int], ref),))
        if kind == "break":
            return walk(i + 1, (), group)
        assert tok is not None
        first = _column_first(group, lone) if not run else None
        ok = True
        for key, cells in cells_of.items():  # the piece this value goes on, or a new one
            at = filled[key]
            if at == len(cells) or (key in run and key != run[-1]):
                continue  # a stack's piece in a run is one block: no coming back to it
            if run and key != run[-1] and open_(run[-1]):
                continue  # a new piece only where the last one could not go on
            cell = cells[at]
            row_key = cell[0]
            if row_key not in seen_rows or (caption_of[row_key], key[0]) not in seen_cols:
                continue
            if not _suits(tok, kinds[cell]):
                continue
            if first is not None and (caption_of[row_key], key[0]) != first:
                continue  # a lone column's header right before the run: the run begins with it
            if run and key != run[-1] and run[-1][1] == 1 < key[1]:
                continue  # a column's values after a merged cell's, within a run
            filled[key] += 1
            order.append(cell)
            ok = walk(i + 1, run if run and run[-1] == key else run + (key,), group) and ok
            order.pop()
            filled[key] -= 1
            if steps > MAX_STEPS or len(readings) > MAX_READINGS:
                return False
        return ok

    walk(0, (), ())
    if not readings or steps > MAX_STEPS or len(readings) > MAX_READINGS:
        return None
    first: dict[tuple[str, str], Token | None] = {cell: tok for cell, tok in zip(readings[0], values)}
    for reading in readings[1:]:
        for cell, tok in zip(reading, values):
            had = first[cell]
            if had is not None and (tok.kind != had.kind or tok.value != had.value):
                first[cell] = None  # two readings give this cell two values: it stays null
    return first


Group = tuple[tuple[int, int], ...]  # (caption block, column) of headers, in printed order


def _lone_columns(spec: TableSpec, cells_of: dict[tuple[int, int], list[tuple[str, str]]],
                  caption_of: dict[str, int]) -> dict[tuple[int, int], bool]:
    """(caption block, column) of every caption with several columns → is that column the
    only caption's at its position (its stack holds no other caption's cells)?"""
    out: dict[tuple[int, int], bool] = {}
    for (col, width), cells in cells_of.items():
        if width > 1:
            blocks = {caption_of[r] for r, _ in cells}
            for b in blocks:
                out[(b, col)] = len(blocks) == 1
    return out


def _headers_shifted(items: list[Item], several: dict[tuple[int, int], bool]) -> bool:
    """Did the text print two headers of a several-column caption with no value between them?
    Then its headers and its values are not printed in step, and a header right before a run
    says nothing of the run's column (:func:`_column_first` is off for the table): pdftotext of
    a Word file's PDF prints 本年制发件数, then 本年废止件数 with the made column's values after
    it, and 现行有效件数 with the repealed column's — read as in force, a wrong number (the
    seed 004 report's ``word_pdftotext``, round 2, fourteenth session)."""
    since_value = 0  # ``several``: the headers of several-column captions (:func:`_lone_columns`'s keys)
    for kind, _, ref in items:
        if kind == "value":
            since_value = 0
        elif kind == "header" and ref in several:
            since_value += 1
            if since_value > 1:
                return True
    return False


def _column_first(group: Group, lone: dict[tuple[int, int], bool]) -> tuple[int, int] | None:
    """The column a run of values must begin with, printed right after these headers: the
    one header among them of a caption with several columns, where that column is alone at
    its position (merged cells' headers, a single column spanning the table, name no
    position and may stand between); None where the headers leave the choice open."""
    columns = [h for h in group if h in lone]
    if len(columns) == 1 and lone[columns[0]]:
        return columns[0]
    return None


def _headers_after_labels(spec: TableSpec, items: list[Item]) -> bool:
    """Was the table printed column by column — a column header after a row label of its own
    caption? (A table printed row by row prints each caption's headers above its rows.)"""
    caption_of = _caption_index(spec)
    labelled: set[int] = set()
    for kind, _, ref in items:
        if kind == "label":
            labelled.add(caption_of[cast(str, ref)])
        elif kind == "header" and cast(tuple[int, int], ref)[0] in labelled:
            return True
    return False


def _labels_in_template_order(spec: TableSpec, items: list[Item]) -> bool:
    """Are the row labels printed in the template's order? A stack's values stand beside the
    labels as printed, top to bottom; a report that prints two rows the other way round
    (行政规范性文件 above 规章, 行政强制 above 行政处罚: wild5's ``reordered``, fresh17) would
    have its values read into each other's rows by the template's order, with no identity of
    table 二 to notice (pdftotext: 8 wrong numbers with no finding in one report)."""
    rank = {row.key: i for i, row in enumerate(spec.rows)}
    printed = [rank[ref] for kind, _, ref in items if kind == "label" and isinstance(ref, str) and ref in rank]
    return printed == sorted(printed)


def _stacks_of(spec: TableSpec) -> dict[tuple[int, int], list[tuple[str, str]]]:
    """(column position, columns of its caption) → that stack's cells, top to bottom."""
    out: dict[tuple[int, int], list[tuple[str, str]]] = {}
    for row in spec.rows:
        for col, (r, c, _) in enumerate(row.cells):
            out.setdefault((col, row.width), []).append((r, c))
    return out


def _caption_index(spec: TableSpec) -> dict[str, int]:
    """Row key → index of its caption block."""
    return {row.key: b for b, (rows, _) in enumerate(_blocks(spec)) for row in rows}


Item = tuple[str, Token | None, object]


def _items(spec: TableSpec, fmt: str, evs: list[Event]) -> list[Item] | None:
    """The events as labels (row key), headers ((caption block, column)), values and breaks;
    None where an event means something else (prose, a group, an unknown header)."""
    blocks = _blocks(spec)
    used: dict[str, int] = {}
    out: list[Item] = []
    for ev in evs:
        if ev.kind == "value":
            tok = ev.token
            if tok is None or tok.kind not in (NUM, NA):
                return None
            out.append(("value", tok, None))
            continue
        if ev.kind in ("gap", "section"):
            out.append(("break", None, None))
            continue
        if ev.kind != "phrase" or ev.segment is None:
            return None
        phrase = phrase_in(ev.segment, spec.key, fmt)
        if phrase is None:
            return None
        if phrase.kind == "row":
            out.append(("label", None, phrase.ref))
        elif phrase.kind == "header":
            measure = _measure(spec, phrase.ref)
            if measure is None:
                out.append(("break", None, None))  # a caption or 信息内容: names no column
                continue
            owners = [b for b, (_, measures) in enumerate(blocks) if measure in measures]
            n = used.get(measure, 0)
            if n >= len(owners):
                return None
            used[measure] = n + 1
            out.append(("header", None, (owners[n], blocks[owners[n]][1].index(measure))))
        else:
            return None
    return out
