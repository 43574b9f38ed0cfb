"""A table of the agency's own printed right after an official one on the same line of text.

Agencies put tables of their 政务公开 work beside the official ones: the applications
quarter by quarter (``项目 第一季度 … 第四季度 合计``, rows 收到申请 予以公开 部分公开 …: table
三's words without their numbering), the posts of each platform this year and last, the
items published by topic. As HTML tables they are tables of their own whose header is not
the template's, and are never taken for an official table. A crawler that prints a page's
text as one line per block glues such a table to the official table above it: table 三's
last row's values run straight into the decoy's caption and header::

    …四、结转下年度继续办理0000000各季度办理情况如下:项目第一季度第二季度…合计收到申请01001予以公开00000…

The line then holds unknown text longer than any cell between two runs of digits, which
makes the whole line prose (``tokens.Unit.prose``): a barrier, and table 三 is lost.

:func:`decoys_apart` cuts such a line in two where the decoy begins, so the official table
is read from the first part and the second is prose (its numbers are never cells). The cut
is made only where the format says the official table has ended and something else begins:

- before the cut the line holds at least :data:`~ogi.extract.tokens.TABLE_LINE_PHRASES`
  labels the template knows: it is a table printed as one line;
- the cut is at the start of a run of unknown words without a digit at least
  :data:`~ogi.extract.tokens.BARRIER_GAP` characters long that is no template label typed
  otherwise (``mistyped_label``): no cell of the format is that long — it is a sentence or
  a header of columns the template does not have;
- the text right before the run is a known label and then values only: the official table's
  last row is complete where the run begins;
- the cut is inside one logical line of the text (``lines.logical_lines``: a paragraph cut at
  its section headings), after no sentence's end ``。``: a section's prose is never cut, nor a
  line at a heading it already breaks at.

A paragraph is only ever cut, never changed: both parts keep the paragraph's position.
"""

from __future__ import annotations

import re

from ..document import Document, Paragraph
from ..template.labels import segment
from ..template.labels_match import mistyped_label
from ..template.normalize import label_key, nfkc
from .lines import logical_lines
from .tokens import BARRIER_GAP, TABLE_LINE_PHRASES

_DIGITLESS = re.compile(r"[^\d]+")
_VALUE_CHARS = re.compile(r"[\d\s.,+\-—/]*")


def decoys_apart(doc: Document) -> Document:
    """``doc`` with every one-line official table cut from a decoy table glued after it."""
    if not any(isinstance(b, Paragraph) and len(b.text) > BARRIER_GAP for b in doc.blocks):
        return doc
    blocks = []
    for b in doc.blocks:
        if isinstance(b, Paragraph):
            cut = decoy_cut(b.text)
            if cut is not None:
                blocks += [Paragraph(b.text[:cut].rstrip(), b.pos), Paragraph(b.text[cut:], b.pos)]
                continue
        blocks.append(b)
    doc.blocks = blocks
    return doc


def decoy_cut(text: str) -> int | None:
    """Where in ``text`` a decoy glued to a one-line official table begins (the three tests of
    the module's docstring, inside one logical line of the text that is no sentence), or None."""
    for piece, at in logical_lines(text):  # as tokens.tokenize cuts a paragraph
        key = nfkc(piece)
        if len(key) != len(piece):  # offsets would not carry over (℃ is °C): the line is left whole
            continue
        cut = _cut_in_line(key)
        if cut is not None:
            return at + cut
    return None


def _cut_in_line(key: str) -> int | None:
    """:func:`decoy_cut` in one logical line: strictly inside it, after no sentence's end."""
    segs = segment(key)
    known = 0
    for i, seg in enumerate(segs):
        if seg.phrases:
            known += 1
            continue
        if known < TABLE_LINE_PHRASES or i == 0 or not segs[i - 1].phrases:
            continue
        gap = key[seg.start:seg.end]
        values = _VALUE_CHARS.match(gap)
        assert values is not None  # the pattern matches the empty string
        if not any(ch.isdigit() for ch in values.group(0)):
            continue  # the label before the run has no values: its row is not complete
        run = _DIGITLESS.match(gap, values.end())
        words = label_key(run.group(0)) if run is not None else ""
        cut = seg.start + values.end()
        if len(words) >= BARRIER_GAP and not mistyped_label(words) and "。" not in key[:cut]:
            return cut
    return None


__all__ = ["decoy_cut", "decoys_apart"]
