"""Table 三's subtotal column in a PDF's text whose header word wrapped a character a line.

Some reports add a column after 法人或其他组织's five organisations holding their sum (小计,
or 合计 beside a 总计 column: :mod:`.subtotal`). The aligner widens table 三 by it where the
header prints the word, or where each row's eight values stand on its label's line. Poppler's
``pdftotext`` (its reading order) gives it neither: the narrow column's two-character header
wraps one character a line (``…其 合 总计`` ⏎ ``…他 计``: 合 above 计), and each row's values
follow its label over lines of their own (``6 0 0`` ⏎ ``0`` ⏎ ``0 0 0 6``). Every row then
prints eight values for seven cells and is left null (CELL_AMBIGUOUS).

This pass drops the subtotal's values from the text where the format and the numbers agree:

* table 三's header (from 申请人情况 to the first row's label) prints the subtotal's first
  character as a piece of its own (小 or 合: the word wrapped, ``…其 合 总计`` ⏎ ``…他 计``) and
  the total (总计, or 总 wrapped the same way); no whole 小计/合计, and not the word printed down
  a cell of its own (合 alone on a line, 计 alone on the next: the aligner's layout joins that
  stack into the word and reads the column itself — dropping it here too would leave the
  widened table a column short); and no last-year column (:mod:`.yearcols` and
  :mod:`.ptt_lastyear` read that);
* every run of numbers in the table (numbers with no other token between, from the first row's
  label to table 四: :func:`_table3_runs`) holds whole rows of eight, and in each row the
  seventh value is the sum of the five organisations (2nd–6th) and the eighth the sum of
  自然人 and the seventh — the widened row's own identities;
* the rows are exactly one format's table 三 (:data:`.ptt_lastyear.FORMATS`), and the table
  read without the seventh values keeps every column identity (一+二 = (七)+四, (七) = the
  results) in each of its seven columns.

Then each row's seventh value is taken out of its line and a finding says the column was left,
as the aligner's own does. Where 自然人 is 0 the seventh and eighth are equal, so the row's
seven cells are the same whichever is dropped; elsewhere the sums fix them. Anything else
leaves the text as printed (null with the aligner's finding, as before)."""

from __future__ import annotations

import re
from dataclasses import replace
from itertools import pairwise

from ..document import Document, Paragraph
from ..model import Finding
from ..template.formats import TableSpec
from .ptt_lastyear import FORMATS
from .yearcols import (
    _COUNT,
    T3_COLUMNS,
    T3_FIRST_ROW,
    T3_START,
    _last_year_token,
    _lines,
    _paragraphs,
    _rows_of,
    runs_from,
)

WIDENED = T3_COLUMNS + 1  # a row's values with the subtotal: 自然人, the five, the subtotal, 总计
SUBTOTAL_AT = T3_COLUMNS - 1  # the subtotal's index in a widened row
FIRST_CHARS = {"小": "小计", "合": "合计"}  # a subtotal header's first character wrapped apart: its word
LAST_CHAR = "计"  # ... and its last
_FIRST_ALONE = re.compile(r"(?:^|(?<=\s))[小合](?=\s|$)")  # such a first character as a token of its own
WHOLE_WORDS = frozenset(FIRST_CHARS.values())  # the header word printed whole: the aligner's own case
TOTAL_PIECES = frozenset(("总计", "总"))  # the total's header, whole or wrapped

Place = tuple[int, int]  # (line, token) in :func:`.yearcols._lines`


def subtotal_column_dropped(doc: Document) -> tuple[Document, list[Finding]]:
    """``doc`` with table 三's subtotal values left out of its rows, and a finding; the same
    document and none where that is not certain."""
    text = _paragraphs(doc)
    if T3_START not in text or not _FIRST_ALONE.search(text) or _last_year_token(text):
        return doc, []  # (no token 小 or 合 alone: no wrapped subtotal word — exact, in C)
    lines = _lines(doc)
    found = _header_and_runs(lines)
    if found is None:
        return doc, []
    word, runs = found
    rows: list[list[Place]] = []
    for run in runs:
        if len(run) % WIDENED:
            return doc, []
        rows += _rows_of(run) if len(run) > WIDENED else [run]
    values = [[int(lines[n][2].split()[t]) for n, t in row] for row in rows]
    if not all(_widened(v) for v in values) or not _identities_hold([v[:SUBTOTAL_AT] + v[-1:] for v in values]):
        return doc, []
    dropped = {(lines[n][0], lines[n][1], t) for row in rows for n, t in row[SUBTOTAL_AT:SUBTOTAL_AT + 1]}
    return _without(doc, dropped), [Finding.of(
        "TEMPLATE_DEVIATION", f"表三多出“{word}”列(不在规定格式中),已略去",
        f"table 三 has an extra '{word}' column (not in the official format); left out", "table3")]


def _header_and_runs(lines: list[tuple[int, int, str]]) -> tuple[str, list[list[Place]]] | None:
    """The subtotal's word its header names (wrapped) and table 三's runs of numbers; None
    where the header names no wrapped subtotal beside a total, or no run is found."""
    start = next((n for n, (_, _, line) in enumerate(lines) if T3_START in line), None)
    if start is None:
        return None
    first = next((n for n in range(start, len(lines)) if T3_FIRST_ROW in lines[n][2]), None)
    if first is None:
        return None
    header = [lines[n][2].split() for n in range(start, first)]
    pieces = {tok for line in header for tok in line}
    # the first character a piece of its own; not alone on its line with 计 alone below it: a stack
    # the aligner's layout joins into the word itself
    words = {FIRST_CHARS[p] for line in header for p in line if p in FIRST_CHARS}
    stacked = any(len(line) == 1 and line[0] in FIRST_CHARS and below == [LAST_CHAR]
                  for line, below in pairwise(header))
    if len(words) != 1 or stacked or pieces & WHOLE_WORDS or not pieces & TOTAL_PIECES:
        return None
    if any(_COUNT.match(tok) for tok in lines[first][2].split(T3_FIRST_ROW, 1)[-1].split()):
        return None  # a row's values on its label's line (a laid-out text: w3m, -layout): the aligner reads
        # the row by its line and finds the subtotal in the header's columns itself (hold20 wild7b 00035)
    runs = table3_runs(lines, first)
    return (words.pop(), runs) if runs else None


def table3_runs(lines: list[tuple[int, int, str]], first: int) -> list[list[Place]]:
    """Table 三's runs of numbers from its first row's label (line ``first``) to table 四."""
    return runs_from(lines, first)


def _widened(values: list[int]) -> bool:
    """Does a row of eight keep the widened row's sums (subtotal = the five, 总计 = 自然人 + subtotal)?"""
    return (len(values) == WIDENED and values[SUBTOTAL_AT] == sum(values[1:SUBTOTAL_AT])
            and values[-1] == values[0] + values[SUBTOTAL_AT])


def _identities_hold(rows: list[list[int]]) -> bool:
    """Do ``rows`` (seven values each, in the order printed) make one format's table 三 whose
    column identities hold in every column?"""
    for spec in FORMATS:
        if len(rows) != len(spec.rows):
            continue
        return all(_column_holds(spec, {row.key: values[c] for row, values in zip(spec.rows, rows)})
                   for c in range(T3_COLUMNS))
    return False


def _column_holds(spec: TableSpec, value: dict[str, int]) -> bool:
    def total(keys: tuple[str, ...]) -> int:
        return sum(value[k] if k in value else sum(value[p] for p in spec.derived[k]) for k in keys)
    return all(total(rule.left) == total(rule.right) for rule in spec.column_identities)


def _without(doc: Document, dropped: set[tuple[int, int, int]]) -> Document:
    """``doc`` without the tokens at ``dropped`` (block, line, token); a line left empty goes."""
    blocks = list(doc.blocks)
    for i in sorted({i for i, _, _ in dropped}):
        para = blocks[i]
        assert isinstance(para, Paragraph)  # runs are read from paragraphs only
        kept = []
        for k, line in enumerate(para.text.split("\n")):
            if not any((i, k, t) in dropped for t in range(len(line.split()))):
                kept.append(line)
                continue
            tokens = [tok for t, tok in enumerate(line.split()) if (i, k, t) not in dropped]
            if tokens:
                kept.append(" ".join(tokens))
        blocks[i] = replace(para, text="\n".join(kept))
    blocks = [b for b in blocks if not isinstance(b, Paragraph) or b.text.strip()]
    return replace(doc, blocks=blocks)


__all__ = ["subtotal_column_dropped", "table3_runs"]
