"""Table 四's blocks in another order, read where the header's rows print one a line.

Some agencies print table 四 with 行政诉讼's two blocks first and 行政复议 last. In a grid the
block headers' spans place every column (:func:`.colorder_t4.blocks_in_template_order`), and
in a PDF the glyphs' positions do (:mod:`ogi.readers.pdf_order4`); in running text the
extractor saw only that the header prints ``行政诉讼`` before ``行政复议``
(:func:`.colorder_t4.blocks_printed_in_text`) and left table 四 null: no sum tells one block
from another, each block's 总计 being the sum of its own four results wherever it stands.

A text that prints each header row on a line of its own, its cells left to right (a TAB
text copied from a browser, a Markdown or plain-text table from a converter, a text
browser's grid), still says where each block stands, and says it twice. The format's header
has three rows: the two block headers (行政复议 over five columns, 行政诉讼 over ten); under
行政诉讼 its two blocks (未经复议直接起诉, 复议后起诉), beside them 行政复议's five results,
each cell two rows high; and last the two blocks' ten results. Printed in the format's order,
row by row, that is ``行政复议 行政诉讼 ⏎ 结果维持 … 总计 未经复议直接起诉 复议后起诉 ⏎ 结果维持 …``.
With 行政诉讼 first it is ``行政诉讼 行政复议 ⏎ 未经复议直接起诉 复议后起诉 结果维持 … 总计 ⏎
结果维持 …``. The first line puts 行政复议 right of 行政诉讼 and the
second puts 行政复议's own results right of 行政诉讼's two blocks: two lines, each its cells
left to right, agreeing. Where 行政复议's results stand on the third row with the others
(``未经复议直接起诉 复议后起诉 ⏎`` and fifteen results), only the first line tells, and the
table stays null as before (test_colorder_totals). :func:`blocks_on_lines` reads the blocks' order only there — each
line holding exactly those labels, every label whole as a piece of its own, every block's
results in the format's order, the lines one after another up to the values — and gives it
in the form :func:`.colorder_t4pdf.read_blocks_in_printed_order` takes (the three blocks left
to right), which moves each run of five values to its block where every value is read and
each block sums. A header whose labels are wrapped, glued or printed a piece a line (a PDF's
text layer, a crawler's one line) is not read so and stays null with the finding."""

from __future__ import annotations

from collections.abc import Iterator

from ..document import Document, Paragraph
from ..template.formats import T4_RESULTS
from ..template.normalize import label_key
from .colorder import row_lines

REVIEW, LITIGATION = "行政复议", "行政诉讼"  # the first header row's two block labels
SUB_BLOCKS = ("未经复议直接起诉", "复议后起诉")  # 行政诉讼's two blocks, in the format's order
_RESULTS = tuple(label_key(m.label) for m in T4_RESULTS)  # one block's results, in the format's order
_FIRST = [label_key(LITIGATION), label_key(REVIEW)]  # the first header row with 行政诉讼 first
_SUBS = {label_key(b): b for b in SUB_BLOCKS}


def blocks_on_lines(doc: Document) -> str | None:
    """The three blocks left to right (``未经复议直接起诉、复议后起诉、行政复议``) where the
    document prints table 四's header a row a line with 行政诉讼 first (see the module's
    docstring); None anywhere else."""
    lines = _keyed_lines(doc)
    for keys in lines:
        if keys != _FIRST:
            continue
        second = next(lines, None)
        third = next(lines, None)
        if second is None or third is None:
            return None
        subs, results = second[:len(SUB_BLOCKS)], second[len(SUB_BLOCKS):]
        if sorted(subs) != sorted(_SUBS) or not _runs_of_results(results, 1) or not _runs_of_results(third, 2):
            return None  # 行政复议's results right of the two blocks, theirs on the next line: else untold
        return "、".join([*(_SUBS[s] for s in subs), REVIEW])
    return None


def _runs_of_results(keys: list[str], runs: int) -> bool:
    """``keys`` is ``runs`` blocks' results, each in the format's order."""
    return keys == list(_RESULTS) * runs


def _keyed_lines(doc: Document) -> Iterator[list[str]]:
    """Each line of the document that holds a word, as its pieces' keys (pieces that are
    only marks, a Markdown ``|``, dropped): a paragraph's lines, a table's rows. A line
    with a digit ends nothing here; the caller reads the lines it needs in turn."""
    for block in doc.blocks:
        texts = block.text.split("\n") if isinstance(block, Paragraph) else row_lines(block)
        for text in texts:
            if not text.strip():
                continue
            keys = [k for k in map(label_key, text.split()) if k]
            if keys:
                yield keys


__all__ = ["blocks_on_lines"]
