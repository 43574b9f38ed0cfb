"""Rows of table 三 that poppler's reading order printed as labels each followed by its first
value, then the other columns as stacks — rebuilt only where every row's own sum confirms them.

``pdftotext`` without ``-layout`` reads the last rows of table 三 (rows taller than one line,
a wrapped label among them) as one block per column: first each row's label with the value
of the column nearest to it (on the label's line, or on a line of its own right after the
label), then — after a blank line — every further column group as a stack of one line per
row, top to bottom, the groups separated by blank lines::

    4.无正当理由大量反复申请 3
    5.要求行政机关确认或重新 4
    出具已获取信息
    (六)其他处理
    3
    (七)总计
    257
    四、结转下年度继续办理
    0
    ⏎
    0 ⏎ 0 ⏎ 0 ⏎ 0 ⏎ 0          (商业企业, five rows)
    ⏎
    1 ⏎ 0 ⏎ 0 ⏎ 7 ⏎ 0          (科研机构)
    …
    0 6 ⏎ 0 8 ⏎ 0 4 ⏎ 0 376 ⏎ 0 0   (其他, 总计)

Row i is then the i-th label's value followed by line i of every stack.
:func:`rejoin_label_stacks` writes such a block back as one line per row
(``4.无正当理由大量反复申请 3 0 1 0 2 0 6``), and only where nothing is left to choose:

- k ≥ 2 stacks of exactly k number-only lines each, every line of a stack with as many
  numbers, each stack after a blank line;
- right above them, k label entries, each a numbered row label (``4.``, ``(六)``, ``四、``)
  with exactly one value — at the end of its first line, or alone on the line after the
  label's lines — and the label's wrapped lines holding no digit; the numbering reads as
  consecutive rows (:func:`ogi.readers.text._numbering_in_order`);
- the line above the first entry is no such entry (one more single-value label would make
  the k rows ambiguous);
- every rebuilt row has exactly table 三's seven cells and satisfies the table's row identity
  (``T3_ROW_TOTAL``: 总计 = the six applicant columns), read from the template.

Anything else is left as printed, and the aligner's findings stand."""

from __future__ import annotations

import re
from decimal import Decimal, InvalidOperation

from ..template.formats import APPLICANT_COLUMNS, ROW_TOTAL
from .centred import rejoin_centred_rows

__all__ = ["rejoin_label_stacks"]

ROW_CELLS = len(APPLICANT_COLUMNS)  # table 三's value cells in a row
LABEL_LINE_CHARS = 48  # characters: a line of the label column is no longer (prose is)
MAX_ROWS = 12  # rows one such block holds at most (a page of table 三's tail)

# a line that starts a row label with its numbering: "3.其他", "(七)总计", "四、结转…"
_NUMBERED = re.compile(r"^\f?\s*(?:\d{1,2}[.．、]|[一二三四五六七八九十]{1,2}、|[(（][一二三四五六七八九十]{1,2}[)）])\s*[^\d\s]")
_NUMBERS = re.compile(r"^\f?\s*(?P<cells>\d+(?: +\d+)*)\s*$")
_LABEL_AND_VALUE = re.compile(r"^(?P<label>.*\S)\s+(?P<value>\d+)\s*$")


# what every block holds: two stacks of at least two lines of numbers only, each after blank lines
_NUMBERS_ROW = r"[^\S\n]*\d+(?: +\d+)*[^\S\n]*"  # _NUMBERS on one line of a whole text
_STACK_BLOCK = re.compile(rf"^(?:[^\S\n]*\n)+{_NUMBERS_ROW}\n{_NUMBERS_ROW}\n(?:{_NUMBERS_ROW}\n)*"
                          rf"(?:[^\S\n]*\n)+{_NUMBERS_ROW}\n{_NUMBERS_ROW}$", re.M)
# the same after a line break: searched for by its first character, not tried at every position
_STACK_BLOCK_AFTER = re.compile("\n" + _STACK_BLOCK.pattern[1:], re.M)


def rejoin_label_stacks(text: str) -> str:
    """``text`` with every such block of table 三 rows written one row a line — and, first,
    every row whose values stand beside the middle line of its three-line label on one line
    (:func:`ogi.extract.centred.rejoin_centred_rows`)."""
    text = rejoin_centred_rows(text)
    if not (_STACK_BLOCK.match(text) or _STACK_BLOCK_AFTER.search(text)):
        return text  # no block can be there (most texts; one scan in C instead of one call a line)
    lines = text.split("\n")
    changed = False
    i = 0
    while i < len(lines):
        found = _block_at(lines, i)
        if found is None:
            i += 1
            continue
        first, end, rows = found
        lines[first:end] = rows
        changed = True
        i = first + len(rows)
    return "\n".join(lines) if changed else text


def _stacks(lines: list[str], start: int) -> tuple[list[list[list[str]]], int] | None:
    """The stacks from ``lines[start]`` (a blank line): each a blank line, then number-only
    lines; the index after the last stack."""
    stacks: list[list[list[str]]] = []
    j = start
    while j < len(lines) and not lines[j].strip():
        k = j
        while k < len(lines) and not lines[k].strip():
            k += 1
        stack: list[list[str]] = []
        while k < len(lines) and (m := _NUMBERS.match(lines[k])):
            stack.append(m["cells"].split())
            k += 1
        if not stack:
            break
        stacks.append(stack)
        j = k
    return (stacks, j) if stacks else None


def _block_at(lines: list[str], blank: int) -> tuple[int, int, list[str]] | None:
    """(first line, line after, rebuilt lines) of a block whose stacks start at the blank
    line ``blank``; None where there is none or it is not certain."""
    if lines[blank].strip() or blank == 0 or not lines[blank - 1].strip():
        return None
    found = _stacks(lines, blank)
    if found is None:
        return None
    stacks, end = found
    k = len(stacks[0])
    if not 2 <= k <= MAX_ROWS or len(stacks) < 2:
        return None
    if any(len(s) != k or len({len(r) for r in s}) != 1 for s in stacks):
        return None
    entries = _entries_above(lines, blank, k)
    if entries is None:
        return None
    first = entries[0][0]
    from ..readers.text import _numbering_in_order  # the one reading of row numbering

    if not _numbering_in_order([lines[e[0]] for e in entries]):
        return None
    rebuilt: list[str] = []
    for r, (_, label_lines, value) in enumerate(entries):
        cells = [value] + [c for s in stacks for c in s[r]]
        if len(cells) != ROW_CELLS or not _row_sums(cells):
            return None
        rebuilt += label_lines[:-1] + [f"{label_lines[-1]} {' '.join(cells)}"]
    return first, end, rebuilt


def _entries_above(lines: list[str], blank: int, k: int) -> list[tuple[int, list[str], str]] | None:
    """The k label entries that end right above line ``blank``, top down: (index of the
    label's first line, the label's lines without the value, the value)."""
    entries: list[tuple[int, list[str], str]] = []
    j = blank - 1
    while len(entries) <= k:
        entry = _entry_ending_at(lines, j)
        if entry is None:
            break
        entries.append(entry)
        j = entry[0] - 1
    if len(entries) != k:
        return None  # too few, or one more single-value label above: which k rows is not certain
    return entries[::-1]


def _entry_ending_at(lines: list[str], last: int) -> tuple[int, list[str], str] | None:
    """The label entry whose last line is ``lines[last]``: a numbered label line, lines of
    its wrapped text, and one value — at the end of the first line or alone on the last."""
    if last < 0:
        return None
    value: str | None = None
    j = last
    m = _NUMBERS.match(lines[j])
    if m:
        if len(m["cells"].split()) != 1:
            return None
        value, j = m["cells"], j - 1
    tail: list[str] = []
    while j >= 0 and len(tail) < 3:
        line = lines[j].strip().strip("\f").strip()
        if not line or len(line) > LABEL_LINE_CHARS:
            return None
        if _NUMBERED.match(lines[j]):
            lv = _LABEL_AND_VALUE.match(line)
            head = line
            if lv and not any(c.isdigit() for c in _NUMBERED.sub("", lv["label"])):
                if value is not None:
                    return None  # a value on the label's line and another below it
                head, value = lv["label"], lv["value"]
            elif any(c.isdigit() for c in _NUMBERED.sub("", line)):
                return None
            if value is None:
                return None
            return j, [head] + tail[::-1], value
        if any(c.isdigit() for c in line):
            return None
        tail.append(line)
        j -= 1
    return None


def _row_sums(cells: list[str]) -> bool:
    """Does the row satisfy table 三's row identity (its total is the sum of the others)?"""
    try:
        values = [Decimal(c) for c in cells]
    except InvalidOperation:
        return False
    keys = [m.key for m in APPLICANT_COLUMNS]
    total = values[keys.index(ROW_TOTAL.left[0])]
    return total == sum(values[keys.index(c)] for c in ROW_TOTAL.right)
