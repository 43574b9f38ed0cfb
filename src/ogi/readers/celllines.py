"""A table printed a cell a line, a blank cell an empty line: its rows rebuilt, blanks kept.

Text extractors of Word files print a table one cell a line. LibreOffice's text export
prints each cell on a line of its own and a blank cell as an empty line; docx2txt follows
every paragraph — a cell's too — with an empty line, so a cell takes two lines and a blank
cell two empty ones::

    一、本年新收政府信息公开申请数量        一、本年新收政府信息公开申请数量
    26                                     (empty)
    (empty) × 5                            26
    26                                     (empty) × 11
    二、上年结转政府信息公开申请数量         26

Read as lines, the empty lines are paragraph breaks and the row shows 2 values of 7: its
cells are left null with a finding, though the text says exactly where the blanks were.

A row is rebuilt where the text says so beyond doubt. For a line that is a row label of
the template (its whole text, by :func:`~ogi.template.normalize.label_key`) whose row has
*w* cells, and a stride *s* of 1 (a cell a line) or 2 (a cell and an empty line), the
*w* lines at *s*, 2*s*, … *w*·*s* lines below the label are its cells when:

1. each is a number, a not-applicable mark (``/ — - 无``: a township's sparse table mixes them
   with zeros and blanks in one row, and such a row was left to the text reader, which cannot
   place its cells — 373 cells of fresh8's wild36 in both Word-text shapes) or empty, at least
   one a number and at least one empty (a row with no blank reads the same either way and is
   left to the text reader);
2. with stride 2, every line between them is empty;
3. no number follows the last cell before the next line of words (a value after it would
   mean the row has more lines than cells: the lines are not its cells — this is what tells
   docx2txt's stride 2 from a stride of 1);
4. every row label of the text that is followed by numbers at all fits the same pattern
   with the same stride, and at least :data:`MIN_ROWS` rows do (one table printed a cell a
   line, not a stray row of a text whose empty lines mean something else); where both
   strides fit, neither is taken.

The row is then written as one TAB-separated line on the label's line (``label⇥26⇥⇥⇥⇥⇥⇥26``,
the shape of a browser's copy of a table, which the text reader reads with its blank cells
kept) and its other lines are emptied, so every line keeps its number for provenance.

Table 四's one row has no label: its 15 values one a line are, to the aligner, a reading order
it cannot trust (a PDF's text prints a table a value a line in whatever order the page drew
it), kept only where the table's sums hold — so a report whose own table 四 does not add up
lost all 15 cells in a Word file's text, though the text is the document's grid in order. The
row is rebuilt too (:func:`_table4_row`) where the text shows it is a document's grid: in a
text with no form feed (a page's), whose labelled rows fit one stride (rule 4, blank or not),
the lines above the row at that stride are table 四's header exactly as the template's grid
prints it, a cell a line, with the empty positions of its merged cells — and the row follows
at the stride. It is written as one TAB line where its first cell was."""

from __future__ import annotations

import re

from ..template.formats import T4_GROUPS, T4_RESULTS, TABLE4

STRIDES = (1, 2)  # lines per cell: LibreOffice's text export; docx2txt's (a cell and an empty line)
MIN_ROWS = 3  # rows that must fit the pattern before any is rebuilt

_NUMBER = re.compile(r"[+\-−]?\d[\d,]*(?:\.\d+)?")
# a not-applicable mark printed as a cell's whole text (schema.md "Values": /, —, -, 无): a cell too
_MARK = re.compile(r"[/／无無]|[—–\-－‒]{1,2}")


def _is_cell(text: str) -> bool:
    """A value cell's whole text: a number or a mark (an empty cell is checked apart)."""
    return bool(_NUMBER.fullmatch(text) or _MARK.fullmatch(text))
# a number on a line of its own with an empty line after it: a blank cell may follow
_NUMBER_THEN_EMPTY = re.compile(r"^[+\-−]?\d[\d,]*(?:\.\d+)?[ \t]*\n[ \t]*\n", re.MULTILINE)
# the same in a text after a line break put before it, its last line break left to the next
# match: as many matches, searched for by their first character, not tried at every position
_NUMBER_THEN_EMPTY_AFTER = re.compile(r"\n[+\-−]?\d[\d,]*(?:\.\d+)?[ \t]*\n[ \t]*(?=\n)")


def blank_cells_on_lines(text: str) -> str:
    """``text`` with the rows of a table printed a cell a line, blank cells as empty lines,
    rebuilt as TAB-separated lines (see the module docstring), and table 四's one row of
    values so printed under its whole header (:func:`_table4_row`); the same text when there
    is no such table."""
    blanks = len(_NUMBER_THEN_EMPTY_AFTER.findall("\n" + text)) >= MIN_ROWS  # (one scan in C)
    table4 = "\f" not in text and (_T4_LAST_HEADER.match(text) or _T4_LAST_HEADER_AFTER.search(text)) is not None
    if not (blanks or table4):
        return text  # too few numbers before an empty line, and no table 四 header a cell a line
    from ..template.normalize import label_key

    lines = text.split("\n")
    from ..template.labels import row_label_widths

    widths = row_label_widths()
    labels = [(i, widths[k]) for i, line in enumerate(lines)
              if line.strip() and len(line) <= MAX_LABEL_CHARS and (k := label_key(line)) in widths]
    fits = {stride: rows for stride in STRIDES
            if (rows := _rows(lines, labels, stride, need_blank=not table4)) is not None}
    if len(fits) != 1:
        return text
    (stride, rows), = fits.items()
    if not any(not c for cells in rows.values() for c in cells):
        rows = {}  # no row shows a blank: each reads the same as printed
    t4 = _table4_row(lines, stride) if table4 else None
    if not rows and t4 is None:
        return text
    return _rewritten(lines, rows, stride, t4)


MAX_LABEL_CHARS = 80  # characters: longer than any row label of the format, prose beyond

# table 四's header, from the template: the result columns printed once per group, the group words
_T4_RESULT_WORDS = tuple(m.label for m in T4_RESULTS)
_T4_GROUP_WORDS = tuple(w for w in TABLE4.headers if w not in _T4_RESULT_WORDS)
T4_CELLS = len(T4_GROUPS) * len(T4_RESULTS)  # the one row's value cells
_T4_HEADER_WORDS = frozenset(TABLE4.headers)
# the last header cell, 总计, on a line of its own: a table 四 header printed a cell a line may be here
_T4_LAST_HEADER = re.compile(r"^[ \t]*" + r"[ \t]*".join(_T4_RESULT_WORDS[-1]) + r"[ \t]*$", re.MULTILINE)
_T4_LAST_HEADER_AFTER = re.compile("\n" + _T4_LAST_HEADER.pattern[1:], re.MULTILINE)  # found by its first character


def _rows(lines: list[str], labels: list[tuple[int, frozenset[int]]], stride: int,
          need_blank: bool = True) -> dict[int, list[str]] | None:
    """Label line → its cells, where every labelled row followed by numbers fits ``stride``
    and (with ``need_blank``) at least one shows a blank; else None."""
    rows: dict[int, list[str]] = {}
    for at, widths in labels:
        if not _numbers_follow(lines, at):
            continue
        cells = next((c for w in sorted(widths) if (c := _cells(lines, at, w, stride)) is not None), None)
        if cells is None:
            return None
        rows[at] = cells
    if len(rows) < MIN_ROWS or (need_blank and not any(not c for cells in rows.values() for c in cells)):
        return None
    return rows


def _numbers_follow(lines: list[str], at: int) -> bool:
    """Whether a number (or a mark) is among the first non-empty lines after the label. (Not
    looked for further: a row whose first cell is blank in docx2txt's text, two empty lines,
    stays the text reader's — looked for two lines further, a page source's text a cell a line
    read two ways, and a value was placed: tests/test_zeroblank.py.)"""
    nxt = next((ln.strip() for ln in lines[at + 1:at + 4] if ln.strip()), "")
    return _is_cell(nxt)


def _cells(lines: list[str], at: int, width: int, stride: int) -> list[str] | None:
    """The row's cells below label line ``at``, or None where the lines are not its cells."""
    end = at + width * stride
    if end >= len(lines):
        return None
    cells = [lines[at + k * stride].strip() for k in range(1, width + 1)]
    if not all(not c or _is_cell(c) for c in cells):
        return None
    if stride > 1 and any(lines[j].strip() for j in range(at + 1, end + 1) if (j - at) % stride):
        return None
    for line in lines[end + 1:]:  # up to the next words: no number (or mark) left over
        if _is_cell(line.strip()):
            return None
        if line.strip():
            break
    return cells


def _table4_row(lines: list[str], stride: int) -> tuple[int, list[str]] | None:
    """Table 四's row of values printed a cell a line right under its header, as
    ``(line before its first cell, its cells)``; None where the text does not settle it.

    The header's cells are read back from its last one (a line that is the last result
    column's header, 总计) at ``stride``, each a whole header word of table 四 or empty, up to
    the first other line. They must read as the template's grid prints them: the result
    columns (结果维持 … 总计) in their order once for each of the three groups, the group
    words (行政复议, 行政诉讼, 未经复议直接起诉, 复议后起诉) once each in their order — and
    at least one empty cell among them: a merged header cell's other positions, which only
    a document's table prints (a page's text has nothing there). The row's cells follow at
    the stride from the very next cell line, the first a number, each a number or empty,
    the lines between them empty, and the next words stand exactly one cell after the 15th
    (:func:`_words_right_after`). Exactly one place in the text may read so."""
    from ..template.normalize import label_key

    found = []
    for last, line in enumerate(lines):
        if len(line) > MAX_LABEL_CHARS or label_key(line) != _T4_RESULT_WORDS[-1]:
            continue
        if not _t4_header_ends_at(lines, last, stride):
            continue
        first = last + stride
        if first >= len(lines) or not _is_cell(lines[first].strip()) \
                or not _words_right_after(lines, last, stride):
            continue  # (a blank first cell: the TAB line would start with blanks the reader strips)
        cells = _cells(lines, last, T4_CELLS, stride)
        if cells is not None:
            found.append((last, cells))
    return found[0] if len(found) == 1 else None


def _words_right_after(lines: list[str], last: int, stride: int) -> bool:
    """Whether the line one cell after the row's 15th (at ``stride``) is words, the lines
    before it empty: the row takes exactly its 15 cells' lines, so it starts right under the
    header and no cell took two lines. (One more empty line — a second paragraph in the
    header's last cell or in a value's — would shift the values after it a column; then the
    row would reach the line where these words stand.)"""
    after = last + (T4_CELLS + 1) * stride
    if after >= len(lines) or any(lines[j].strip() for j in range(last + T4_CELLS * stride + 1, after)):
        return False
    text = lines[after].strip()
    return bool(text) and not _is_cell(text)


def _t4_header_ends_at(lines: list[str], last: int, stride: int) -> bool:
    """Whether the lines up to ``last`` at ``stride`` are table 四's header a cell a line
    (see :func:`_table4_row`)."""
    from ..template.normalize import label_key

    cells: list[str] = []  # the header's cells, last first; "" for an empty one
    at = last
    while at >= 0:
        text = lines[at].strip()
        if stride > 1 and any(lines[j].strip() for j in range(at + 1, at + stride)):
            break
        if text and (len(text) > MAX_LABEL_CHARS or (text := label_key(text)) not in _T4_HEADER_WORDS):
            break
        cells.append(text)
        at -= stride
    while cells and not cells[-1]:
        cells.pop()  # empty lines above the header: not its cells
    words = [c for c in cells[::-1] if c]
    return ("" in cells
            and [w for w in words if w in _T4_RESULT_WORDS] == list(_T4_RESULT_WORDS) * len(T4_GROUPS)
            and [w for w in words if w not in _T4_RESULT_WORDS] == list(_T4_GROUP_WORDS))


def _rewritten(lines: list[str], rows: dict[int, list[str]], stride: int,
               table4: tuple[int, list[str]] | None = None) -> str:
    """Each labelled row on its label's line, table 四's row (no label) on its first cell's
    line; the cells' other lines emptied."""
    out = list(lines)
    for at, cells in rows.items():
        out[at] = "\t".join([lines[at].strip(), *cells])
        for j in range(at + 1, at + len(cells) * stride + 1):
            out[j] = ""
    if table4 is not None:
        last_header, cells = table4
        first = last_header + stride
        out[first] = "\t".join(cells)
        for j in range(first + 1, last_header + len(cells) * stride + 1):
            out[j] = ""
    return "\n".join(out)


__all__ = ["blank_cells_on_lines"]
