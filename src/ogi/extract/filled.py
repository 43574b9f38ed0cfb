"""Merged cells that a spreadsheet unmerged and filled, merged back.

Excel and WPS can "unmerge and fill" a table: every merged cell becomes as many cells as it
covered, each holding the merged cell's text. A report's tables come back with table 三's
row labels printed three times across the label columns (``一、本年新收政府信息公开申请数量``
in each of the three slots that one label cell spanned), ``法人或其他组织`` over each of its
five columns, and ``行政复议`` over each of its five. Read as they stand, such a row's label
is seen three times in a row and the aligner drops the row as printed out of its place.

The official format never prints one label twice side by side in a row: wherever two
neighbouring cells of one row hold the same label, they are the one merged cell they were.
So this pass, run on the document before it is read, joins every run of cells that

- lie in the same row, with the same rowspan, each starting where the one before ends;
- hold the same text (spaces aside);
- and hold a label, not a value: the text has at least :data:`LABEL_MIN_HAN` Chinese
  characters, is no number (``12件``) and no mark a cell is left blank with (``暂无``, ``空白``),
  and is one the official format draws over more than one column, once (:data:`SPANNED_LABELS`,
  below): a reader that builds a table from a PDF's words cuts table 四's two-line headers
  into ``结果`` ``结果`` ``结果`` over ``维持`` ``纠正`` ``其他`` — distinct cells of one text

into one cell spanning their columns, at the first one's position. Values are never joined:
two neighbouring ``0`` cells are two cells. A table with no such run is the same table.

Text renderings print the filled cells one after another: on one line, separated by spaces,
TABs or pipes (inscriptis, lynx, pandoc's plain text), or each on a line of its own (a
crawler's text of the cells, one a line). There the pass is narrower, keyed to the format: a
line (or a paragraph) that repeats the paragraph before it, or a run of one label repeated
side by side in a line, is joined only when the label is one the official format draws over
more than one column (:data:`SPANNED_LABELS`: ``一、本年新收…``, ``(一)予以公开``,
``法人或其他组织``, ``申请人情况``, ``行政复议`` …) — exactly the labels a fill repeats side by
side. The repeats in a line are blanked (each character by a blank of its width, so the
columns after them stay where they were); a repeated paragraph is dropped.

Labels repeated down a column (``三、本年度办理结果`` in each of its 22 rows) are left as they
are: a label printed beside each row of its group reads as its group already.
"""

from __future__ import annotations

import re
from dataclasses import replace
from itertools import pairwise
from unicodedata import east_asian_width

from ..document import Cell, Document, Table
from ..template import FORMATS, label_key
from ..template.layout import CAPTION, HEADER, LABEL, table_grid
from .tokens import cell_value

LABEL_MIN_HAN = 2  # Chinese characters a cell needs to be a label (a blank mark is one: 无, 空)
_HAN = re.compile(r"[\u4e00-\u9fff]")
_BLANK_MARKS = re.compile(r"^(?:暂无|无|空白|空|不适用)+$")  # a value cell left blank, in words
_SPACES = re.compile(r"\s+")
_WORDS = re.compile(r"[^\s|]+")  # a line's cells: text between spaces, TABs and pipes
_GAP = re.compile(r"[ \t\u3000|]+")  # what stands between two cells of one line
# The speed gates (exact: each asks in C for what the loop after it needs, and skips the loop
# only where that is absent). A line's loop needs a word repeated right after itself, with
# only _GAP between; a table's needs two cells next in the list whose texts match once their
# whitespace is gone — asked of the texts joined by _SEP, where no cell's text holds _SEP.
# Both ask for a word holding a character at or above U+2E80 (CJK radicals, ideographs,
# full-width forms): a spanned label's key is Chinese, and no text without such a character
# keys to one, so rows of numbers ("0 0 0") never send a line or a table to the loop. The
# word is taken whole (possessive) and the character looked for ahead of it, so a search is
# linear in the text.
_REPEATED_WORD = re.compile(r"(?<![^\s|])(?=[^\s|]*?[^\s|\x00-\u2e7f])([^\s|]++)[ \t\u3000|]+\1(?![^\s|])")
_SEP = "\x00"
_NEXT_SAME = re.compile(r"(?:^|\x00)(?=[^\x00]*?[^\x00-\u2e7f])([^\x00]++)\x00\1(?=\x00|$)")
WIDE = "\u3000"  # a blank as wide as a Chinese character (and one character, as it is)


def _spanned_labels() -> frozenset[str]:
    """The label keys of every caption, header and label cell the official formats draw over
    more than one column, and only once in a format (table 二's ``本年处理决定数量`` is drawn
    twice, and a column stack prints the two one under the other)."""
    spanned: set[str] = set()
    twice: set[str] = set()
    for f in FORMATS:
        seen: set[str] = set()
        for t in ("table2", "table3", "table4"):
            for c in table_grid(f, t).cells:
                if c.role in (CAPTION, HEADER, LABEL) and c.text:
                    key = label_key(c.text)
                    if key in seen:
                        twice.add(key)
                    seen.add(key)
                    if c.colspan > 1:
                        spanned.add(key)
    return frozenset(spanned - twice)


SPANNED_LABELS = _spanned_labels()


def filled_cells_merged(doc: Document) -> Document:
    """``doc`` with every run of a row's neighbouring cells repeating one label merged into one
    cell, and a spanned label repeated in text printed once; the same document when there is
    none."""
    blocks: list = []
    changed = False
    before: str | None = None  # the previous paragraph's text, stripped
    for block in doc.blocks:
        if isinstance(block, Table):
            before = None
            if _has_run(block.cells):
                block, changed = Table(_merged(block.cells), block.pos), True
        else:
            text = block.text.strip()
            if text and text == before and _spanned(text):
                changed = True
                continue  # the fill's next slot, one a line
            before = text
            line = _line_blanked(block.text)
            if line is not None:
                block, changed = replace(block, text=line), True
        blocks.append(block)
    return replace(doc, blocks=blocks) if changed else doc


def _spanned(text: str) -> bool:
    return label_key(text) in SPANNED_LABELS


def _line_blanked(text: str) -> str | None:
    """``text`` with every spanned label repeated right after itself (only blanks or pipes
    between) blanked to its width; None when there is no such repeat."""
    if not _REPEATED_WORD.search(text):
        return None  # no word repeated right after itself: asked in C, before the per-word loop
    words = list(_WORDS.finditer(text))
    out: list[str] | None = None
    for a, b in pairwise(words):
        if a.group() == b.group() and _GAP.fullmatch(text, a.end(), b.start()) and _spanned(a.group()):
            if out is None:
                out = list(text)
            out[b.start():b.end()] = [_blank(ch) for ch in b.group()]
    return None if out is None else "".join(out)


def _blank(ch: str) -> str:
    return WIDE if east_asian_width(ch) in ("W", "F") else " "


def _joins(a: Cell, b: Cell) -> bool:
    """Whether ``b`` continues ``a``'s filled span: the same row and height, right after it,
    the same label."""
    return (a.row == b.row and a.rowspan == b.rowspan and a.col + a.colspan == b.col
            and _key(a.text) == _key(b.text) and is_label(a.text) and _spanned(a.text))


def _has_run(cells: list[Cell]) -> bool:
    # readers list a row's cells left to right, so a run is two cells next in the list
    keys = _SPACES.sub("", _SEP.join([c.text for c in cells]))
    if keys.count(_SEP) == len(cells) - 1 and not _NEXT_SAME.search(keys):
        return False  # no two cells next in the list hold one key: asked in C, before the per-pair loop
    return any(_joins(a, b) for a, b in pairwise(cells))


def _merged(cells: list[Cell]) -> list[Cell]:
    rows: dict[int, list[Cell]] = {}
    for c in cells:
        rows.setdefault(c.row, []).append(c)
    out: list[Cell] = []
    for row in rows.values():
        row.sort(key=lambda c: c.col)
        run = row[0]
        span = run.colspan
        for c in row[1:]:
            if _joins(replace(run, colspan=span), c):
                span += c.colspan
                continue
            out.append(replace(run, colspan=span) if span != run.colspan else run)
            run, span = c, c.colspan
        out.append(replace(run, colspan=span) if span != run.colspan else run)
    return out


def _key(text: str) -> str:
    return _SPACES.sub("", text)


def is_label(text: str) -> bool:
    """Whether a cell's text is a label (or header), never a value or a blank mark."""
    t = _key(text)
    return (len(_HAN.findall(t)) >= LABEL_MIN_HAN and cell_value(t) is None
            and not _BLANK_MARKS.match(t))


__all__ = ["LABEL_MIN_HAN", "SPANNED_LABELS", "filled_cells_merged", "is_label"]
