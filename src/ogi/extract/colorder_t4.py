"""Table 四's result columns in another order than the template's, read by their headers.

Table 四 prints one row of fifteen values: three blocks (行政复议, 行政诉讼's 未经复议直接起诉
and 复议后起诉), each of five results (结果维持, 结果纠正, 其他结果, 尚未审结, 总计). The
aligner places them by position, so a report that prints each block's 总计 first (as some
agencies do, the total before its parts) has every value of a block one column off: 总计's
value read as 结果维持's, 尚未审结's as 总计's. The identity 总计 = the four results fails
where the values are not all zero — wrong numbers, with a finding, not read ones.

Where table 四 is a grid (a web page, a Word file, a PDF's cells, a Markdown or CSV table
with its spans), each block's header says which column is which. This pass, beside
:func:`.colorder.columns_in_template_order` for table 三, finds each block header cell
(:data:`BLOCKS`, by its label's key) that spans as many columns as there are results, and
under it (in a later header row, inside its columns) the five result headers, each once and
one column wide, filling its columns. Where they do not stand in the template's order, every
cell one column wide in those columns — headers and values — moves to the column its header
takes in the template's order; a cell spanning columns moves with them where they stay side
by side (:func:`.colorder.move_columns`: 行政诉讼 over its two blocks stays), else the table is left
as it is. A block whose results cannot be told (a label missing, repeated, abbreviated past
its key) is left as printed, read by position as before. Each block reordered gives a note
the extractor turns into a TEMPLATE_DEVIATION finding.

The blocks themselves may stand in another order: some agencies print 行政诉讼's two blocks
first and 行政复议 last. Where the three block headers stand once each, five columns wide, and
each has its five results found, the blocks' runs of columns are dealt out in the template's
order (行政复议, 未经复议直接起诉, 复议后起诉) and each block's results within its run in the
template's result order — one move, headers and values, 行政诉讼 over its two blocks moving
with them. Read by position, such a table gave every block another's values, and each block's
own sum still held: wrong numbers no identity inside the table could catch.

In running text the header prints ``行政诉讼…行政复议`` where the template prints
``行政复议行政诉讼``; the values follow in the printed blocks' order, and no sum tells one
block from another, so :func:`blocks_printed_in_text` names that order and the extractor leaves
table 四 null with a finding."""

from __future__ import annotations

import re
from dataclasses import replace
from operator import attrgetter
from typing import Any

from ..document import Cell, Document, Table
from ..template.formats import T4_GROUPS, T4_RESULTS
from ..template.normalize import label_key
from .colorder import move_columns

BLOCKS = ("行政复议", "未经复议直接起诉", "复议后起诉")  # the block headers over five result columns each
_BLOCK_KEYS = {label_key(b): b for b in BLOCKS}
_RESULT_KEYS = {label_key(m.label): i for i, m in enumerate(T4_RESULTS)}
_WIDTH = len(T4_RESULTS)


def blocks_in_template_order(doc: Document) -> tuple[Document, list[str]]:
    """``doc`` with every table 四 block whose result columns are in another order put in
    the template's order, and one note per table reordered, its blocks' orders
    (``行政复议:总计、结果维持、…;复议后起诉:…``);
    the same document and no notes when there is none."""
    notes: list[str] = []
    blocks = list(doc.blocks)
    for i, block in enumerate(blocks):
        if isinstance(block, Table):
            moved = _reordered(block)
            if moved is not None:
                blocks[i], printed = moved
                notes.append(printed)
    if not notes:
        return doc, notes
    return replace(doc, blocks=blocks), notes


def _reordered(table: Table) -> tuple[Table, str] | None:
    heads = sorted((c for c in table.cells
                    if c.colspan == _WIDTH and not c.text.isascii() and label_key(c.text) in _BLOCK_KEYS), key=_COL)
    columns = {id(head): _result_columns(table, head) for head in heads}
    target = _blocks_moved(heads, columns)  # results dealt out with their blocks, where those moved
    blocks_moved = bool(target)
    notes = [BLOCKS_NOTE + "、".join(_BLOCK_KEYS[label_key(h.text)] for h in heads)] if blocks_moved else []
    for head in heads:
        found = columns[id(head)]
        if found is None or found == sorted(found):
            continue
        if not blocks_moved:  # the blocks in the template's order: each result to its block's own place
            target.update(zip(found, sorted(found)))  # printed column → the column it takes
        printed = "、".join(T4_RESULTS[i].label for _, i in sorted(zip(found, range(_WIDTH))))
        notes.append(f"{_BLOCK_KEYS[label_key(head.text)]}:{printed}")
    if not target:
        return None
    moved = move_columns(table, target)
    return None if moved is None else (moved, ";".join(notes))


def _blocks_moved(heads: list[Cell], columns: dict[int, list[int] | None]) -> dict[int, int]:
    """Where the three block headers stand once each, in another order than the template's
    (行政诉讼's two blocks printed before 行政复议), each with its five results found: every
    printed column → the column it takes, the blocks' runs of columns dealt out in the
    template's block order and each block's results in the template's result order. Empty
    where the blocks stand in the template's order or cannot all be told."""
    by_key = {label_key(h.text): h for h in heads}
    if len(heads) != len(BLOCKS) or len(by_key) != len(BLOCKS):
        return {}
    ordered = [by_key[label_key(b)] for b in BLOCKS]
    if [h.col for h in ordered] == sorted(h.col for h in ordered):
        return {}
    found = [columns[id(h)] for h in ordered]
    if any(f is None for f in found):
        return {}
    starts = sorted(h.col for h in ordered)
    return {col: start + i for start, cols in zip(starts, found) if cols for i, col in enumerate(cols)}


_COL = attrgetter("col")
BLOCKS_NOTE = "栏序:"  # a note's head where the blocks themselves are printed in another order


def _result_columns(table: Table, block: Cell) -> list[int] | None:
    """The column of each result header under ``block``, in the template's order, where
    each is found once, one column wide, and together they fill the block's columns."""
    span = range(block.col, block.col + block.colspan)
    found: dict[int, list[Cell]] = {}
    for cell in table.cells:
        if cell.row <= block.row or cell.col not in span or cell.text.isascii():
            continue
        at = _RESULT_KEYS.get(label_key(cell.text))
        if at is not None:
            found.setdefault(at, []).append(cell)
    if len(found) != _WIDTH or any(len(cells) != 1 or cells[0].colspan != 1 for cells in found.values()):
        return None
    columns = [found[i][0].col for i in range(_WIDTH)]
    return columns if sorted(columns) == list(span) else None




# ------------------------------------------------------------------ running text

_RESULT_LABELS = tuple(m.label for m in T4_RESULTS)
# the header's first row, squeezed: where table 四's header starts in a text
_ANCHOR = "行政复议行政诉讼"
_SQUEEZED = re.compile(r"[\s|+\-=:_*#]+")  # what text renderers put between a header's cells
_RESULT = re.compile("|".join(map(re.escape, _RESULT_LABELS)))
_DIGIT = re.compile(r"[0-9０-９]")
_BLOCK_OR_RESULT = re.compile("|".join(map(re.escape, ("行政诉讼", *BLOCKS, *_RESULT_LABELS))))
_LABEL_CHARS = frozenset("".join(_RESULT_LABELS))  # the characters of the result labels


def order_printed_in_text(doc: Document, text: str | None = None) -> str | None:
    """The results' order table 四's header prints in running text, where it is not the
    template's: the labels of each block, blocks apart by ``;``. None where the header
    shows no other order. Read from the header's first row (``行政复议`` then ``行政诉讼``,
    with only a renderer's separators between) to the first digit (its values): the result
    labels found in turn, cut where one repeats (the next block). Not read where the header
    holds a piece of a result label besides the labels it prints whole: a grid whose cells
    wrap prints their lines row by row (``结果 结果 其他 尚未 总计 ⏎ 维持 纠正 结果 审结``),
    and 总计, the one label on one line, would seem printed first. Nor where the blocks read
    disagree: pdfminer's text boxes put the review block's 总计 (two rows high) before its
    other results and the litigation blocks' in the template's order (peer shuyang_fgj_2023:
    ``总计、结果维持…;结果维持…、总计``) — an agency prints its blocks alike."""
    blocks = header_blocks(doc, text)
    if not blocks or not any(_out_of_order(block) for block in blocks) or any(block != blocks[0] for block in blocks):
        return None  # the template's order, or blocks that disagree: pdfminer's boxes, no evidence
    return ";".join("、".join(block) for block in blocks)


_SWAPPED = re.compile("行政诉讼(?:未经复议直接起诉|复议后起诉|行政复议)")
_BLOCK_LABEL = re.compile("|".join(("行政诉讼", *BLOCKS)))


def printed_in_text(doc: Document) -> str | None:
    """:func:`order_printed_in_text`, else :func:`blocks_printed_in_text`, the document's text
    squeezed once for both (a report's whole text: ~1% of its parse each time)."""
    text = squeezed_text(doc)
    return order_printed_in_text(doc, text) or blocks_printed_in_text(doc, text)


def squeezed_text(doc: Document) -> str:
    """The document's text (:func:`_doc_texts`) with a renderer's separators squeezed out."""
    return _SQUEEZED.sub("", "".join(_doc_texts(doc)))


def blocks_printed_in_text(doc: Document, text: str | None = None) -> str | None:
    """The blocks' order table 四's header prints in running text where 行政诉讼 comes before
    行政复议 (``行政诉讼 行政复议 ⏎ 未经复议直接起诉 复议后起诉 …``, or its two blocks first):
    the block labels in the order printed, up to the first digit; None where the header
    starts as the template's (``行政复议行政诉讼``) or is not found. ``text``: the document's
    :func:`squeezed_text`, where already made."""
    text = squeezed_text(doc) if text is None else text
    if _ANCHOR in text:
        return None
    m = _SWAPPED.search(text)
    if m is None:
        return None
    head = text[m.start():]
    digit = _DIGIT.search(head)
    head = head[:digit.start()] if digit else head
    printed = _BLOCK_LABEL.findall(head)
    if "行政复议" not in printed or printed.index("行政复议") < printed.index("行政诉讼"):
        return None
    return BLOCKS_NOTE + "、".join(dict.fromkeys(printed))


def header_blocks(doc: Document, text: str | None = None) -> list[list[str]] | None:
    """The result labels table 四's header prints in running text, block by block (a block
    ends where a label repeats), read from its first row to its first digit; None where
    there is no such header or it holds a piece of a label not read whole. ``text``: the
    document's :func:`squeezed_text`, where already made."""
    text = squeezed_text(doc) if text is None else text
    at = text.find(_ANCHOR)
    if at < 0:
        return None
    head = text[at:]
    digit = _DIGIT.search(head)
    head = head[:digit.start()] if digit else head
    if _LABEL_CHARS & set(_BLOCK_OR_RESULT.sub("", head)):
        return None  # a piece of a label not read whole: cells wrapped, their lines interleaved
    blocks: list[list[str]] = [[]]
    for m in _RESULT.finditer(head):
        if m.group() in blocks[-1]:
            blocks.append([])
        blocks[-1].append(m.group())
    return blocks


def _out_of_order(block: list[str]) -> bool:
    return block != sorted(block, key=_RESULT_LABELS.index)


def _doc_texts(doc: Document) -> list[str]:
    """The document's text in reading order, a paragraph's text or a table's cells row by
    row, left to right, with nothing between: the header is read squeezed, and every
    separator a line or a row's cells would get (a newline, a space) is one the squeeze
    takes out. A table's cells sorted by (row, column) — in C, stable — are the order
    :meth:`~ogi.grid.Grid.rows` gives them."""
    texts: list[str] = []
    for block in doc.blocks:
        if isinstance(block, Table):
            texts += map(_TEXT, sorted(block.cells, key=_PLACE))
        else:
            texts.append(block.text)
    return texts


_TEXT, _PLACE = attrgetter("text"), attrgetter("row", "col")


def read_in_printed_order(table4: dict[str, dict], provenance: dict[str, Any], printed: str) -> bool:
    """Move each block's values (placed by position, in the template's order) to the
    results the header ``printed`` names, where it names the same order for each of the
    three blocks, all five once each, and that order keeps the four results in the
    template's order (only 总计 moved; the four results' order among themselves would rest
    on a text's order alone). Every block must then have its 总计 equal the sum of the four,
    and the values must rule out the template's order: some block fails to sum as read by
    position, unless both readings give the same values (a block of one kind of result only,
    ``3 3 0 0 0``, sums both ways). False, and nothing changed, otherwise."""
    blocks = [block.split("、") for block in printed.split(";")]
    if len(blocks) != len(T4_GROUPS) or any(block != blocks[0] for block in blocks):
        return False
    order = blocks[0]
    if sorted(order) != sorted(_RESULT_LABELS) or [r for r in order if r != _RESULT_LABELS[-1]] != list(_RESULT_LABELS[:-1]):
        return False
    keys = [m.key for m in T4_RESULTS]
    taken = [keys[_RESULT_LABELS.index(label)] for label in order]
    moved: dict[str, dict[str, Any]] = {}
    for group in T4_GROUPS:
        cells = table4.get(group, {})
        values = [cells.get(k) for k in keys]
        whole = [v for v in values if isinstance(v, int) and not isinstance(v, bool)]
        if len(whole) != len(keys):
            return False  # a cell null, or not a whole number: no confirmation
        row = dict(zip(taken, whole))
        if sum(row[k] for k in keys[:-1]) != row[keys[-1]]:
            return False
        moved[group] = row
    as_read = {group: {k: table4[group][k] for k in keys} for group in moved}
    if moved != as_read and all(_t4_sums(row, keys) for row in as_read.values()):
        return False  # both readings sum and differ: the values cannot tell which is right
    for group, row in moved.items():
        places = {k: provenance.pop(f"table4.{group}.{k}", None) for k in keys}
        for place, key in zip(keys, taken):
            table4[group][key] = row[key]
            if places[place] is not None:
                provenance[f"table4.{group}.{key}"] = places[place]
    return True


def _t4_sums(row: dict[str, Any], keys: list[str]) -> bool:
    return sum(row[k] for k in keys[:-1]) == row[keys[-1]]


def null_table4(table4: dict[str, dict], provenance: dict[str, Any]) -> None:
    """Leave every cell of table 四 null (and without provenance): which result a value
    read by position stands for cannot be told."""
    for group, cells in table4.items():
        for key in cells:
            cells[key] = None
            provenance.pop(f"table4.{group}.{key}", None)


__all__ = ["BLOCKS", "BLOCKS_NOTE", "blocks_printed_in_text", "blocks_in_template_order", "header_blocks", "null_table4", "order_printed_in_text",
           "printed_in_text", "squeezed_text",
           "read_in_printed_order"]
