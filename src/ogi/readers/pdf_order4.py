"""Table 四's blocks in another order, read from a PDF page's geometry.

Table 四 prints one row of fifteen values under three blocks — 行政复议, then 行政诉讼's
未经复议直接起诉 and 复议后起诉 — each of five results (结果维持, 结果纠正, 其他结果, 尚未审结,
总计). Some agencies print 行政诉讼's two blocks first. A PDF whose table 四 has no ruling
lines (LibreOffice's PDF of a web page) reaches the extractor as running text, where the
header's order shows only as ``行政诉讼 … 行政复议``, and no sum tells one block from another
(each block's 总计 is the sum of its four results whatever block it is): table 四 was left
null with a finding (:func:`ogi.extract.colorder_t4.blocks_printed_in_text`). The page still
says where each glyph stands, so this reads the blocks' order from their places, with the
certainty the table 三 reading (:mod:`.pdf_colorder`) asks for:

1. The header is the page's free lines from the first line with a piece that is a block label
   whole (``行政复议``, ``未经复议直接起诉``, ``复议后起诉``; the section heading that names
   行政复议 in a sentence is no piece of that kind) down to the first line below it made of
   numbers only (the values).
2. A line is cut into pieces where two glyphs stand further apart than a space
   (:func:`.pdf_colorder._pieces`). A piece is a result label read whole, or a part only one
   result label holds (``维持``, ``纠正``, ``其他``, ``尚未``, ``审结``; ``结果``, which three
   hold, says nothing and is passed over). A label's pieces whose spans overlap are one cell
   (``尚未`` over ``审结``), and each result label must make exactly three cells.
3. The fifteen result cells, left to right, must overlap nowhere; cut into three runs of five,
   each run must print the five results in the template's order (a block whose results are
   in another order is not read here), and each block label's centre must stand over exactly
   one run, one label a run.

The blocks' order is then certain. Where it is not the template's, it is left in
``Document.meta`` under :data:`PRINTED_BLOCKS` (the three block labels, left to right), and
the extractor reads each five values by the block they stand under
(:func:`ogi.extract.colorder_t4pdf.read_blocks_in_printed_order`)."""

from __future__ import annotations

from collections.abc import Sequence
from itertools import pairwise

from ..extract.colorder_t4 import BLOCKS
from ..extract.colorder_t4pdf import PRINTED_BLOCKS
from ..template.formats import T4_RESULTS
from ..template.normalize import label_key
from .pdf_colorder import _pieces
from .pdf_grid import PlacedTable
from .pdf_lines import Line

SEPARATOR = "、"
_BLOCK_OF_KEY = {label_key(block): block for block in BLOCKS}
_RESULTS = tuple(m.label for m in T4_RESULTS)
_WIDTH = len(_RESULTS)  # result columns under each block


def _result_parts() -> dict[str, str]:
    """Each result label's key, and each part of it no other result label holds, to its label."""
    keys = {label_key(label): label for label in _RESULTS}
    out: dict[str, str] = {}
    for key, label in keys.items():
        for start in range(len(key)):
            for end in range(start + 1, len(key) + 1):
                part = key[start:end]
                if not any(part in other for other in keys if other != key):
                    out[part] = label
    return out


_RESULT_PART = _result_parts()


def printed_blocks(pages: Sequence[tuple[list[Line], list[PlacedTable]]]) -> str | None:
    """Table 四's three blocks, left to right, as a page's glyphs place them with certainty,
    where that is not the template's order; else None. ``pages``: each page's free lines
    (top to bottom) and ruled tables (unused: a ruled table 四 is a grid, read by its cells)."""
    for lines, _tables in pages:
        header = _header(lines)
        if header:
            return _blocks(header)
    return None


def _is_number(text: str) -> bool:
    return text.replace(",", "").isdigit()


def _header(lines: list[Line]) -> list[list[tuple[float, float, str]]]:
    """The header's lines, each cut into pieces, from the first block label to the values."""
    out: list[list[tuple[float, float, str]]] = []
    for line in lines:
        pieces = _pieces(line)
        if not out and not any(label_key(text) in _BLOCK_OF_KEY for _, _, text in pieces):
            continue
        if out and pieces and all(_is_number(text.strip()) for _, _, text in pieces):
            return out
        out.append(pieces)
    return []  # no values below: not table 四's header on this page


def _cells(header: list[list[tuple[float, float, str]]]) -> list[tuple[float, float, str]] | None:
    """The result label cells (x0, x1, label), a label's overlapping pieces one cell; None
    where a piece holds result characters no one label's part says."""
    spans: dict[str, list[list[float]]] = {}
    for pieces in header:
        for x0, x1, text in pieces:
            key = label_key(text)
            if not key or key in _BLOCK_OF_KEY or key == label_key("行政诉讼"):
                continue
            label = _RESULT_PART.get(key)
            if label is None:
                if key == label_key("结果"):
                    continue  # the start of three labels: no cell said
                return None  # header text that is no label's part: not read
            for span in spans.setdefault(label, []):
                if x0 < span[1] and span[0] < x1:
                    span[0], span[1] = min(span[0], x0), max(span[1], x1)
                    break
            else:
                spans[label].append([x0, x1])
    if sorted(spans) != sorted(_RESULTS) or any(len(v) != len(BLOCKS) for v in spans.values()):
        return None
    return sorted(((a, b, label) for label, found in spans.items() for a, b in found), key=lambda c: c[0])


def _blocks(header: list[list[tuple[float, float, str]]]) -> str | None:
    cells = _cells(header)
    if cells is None or any(a[1] > b[0] for a, b in pairwise(cells)):
        return None  # a label not found three times, or two cells overlap: which is left cannot be told
    runs = [cells[i:i + _WIDTH] for i in range(0, len(cells), _WIDTH)]
    if any([label for _, _, label in run] != list(_RESULTS) for run in runs):
        return None  # a block's results in another order: not this reading's to say
    labels = [(x0, x1, _BLOCK_OF_KEY[label_key(text)]) for pieces in header for x0, x1, text in pieces
              if label_key(text) in _BLOCK_OF_KEY]
    if sorted(label for _, _, label in labels) != sorted(BLOCKS):
        return None  # a block label missing or printed twice
    order: list[str | None] = [None] * len(runs)
    for x0, x1, label in labels:
        centre = (x0 + x1) / 2
        under = [i for i, run in enumerate(runs) if run[0][0] <= centre <= run[-1][1]]
        if len(under) != 1 or order[under[0]] is not None:
            return None  # a block label over no run, over two, or two labels over one
        order[under[0]] = label
    return None if order == list(BLOCKS) else SEPARATOR.join(order)  # type: ignore[arg-type]


__all__ = ["PRINTED_BLOCKS", "printed_blocks"]
