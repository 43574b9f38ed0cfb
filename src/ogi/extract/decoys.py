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
  otherwise (``mistyped_label``) and holds no :data:`LABEL_PIECE_CHARS` characters in a row of
  a table 三 label (a 备注 cell's remark run on into the next row's label typed otherwise is not
  a decoy): no cell of the format is that long — it is a sentence or
  a header of columns the template does not have;
- the text right before the run is a known label and then values only: the official table's
  last row is complete where the run begins;
- the cut is inside one logical line of the text (``lines.logical_lines``: a paragraph cut at
  its section headings), after no sentence's end ``。``: a section's prose is never cut, nor a
  line at a heading it already breaks at.

A paragraph is only ever cut, never changed: both parts keep the paragraph's position.

**A decoy on lines of its own.** Where a rendering prints a cell a line (BeautifulSoup's lines,
a Word file's text), the decoy under table 三 is lines of unknown words — its caption and its
header (``各季度办理情况如下：`` ``项目`` ``第一季度`` … ``合计``) and its first row's label — then
values, then rows whose labels are table 三's words without their numbering (``予以公开``).
The layout reads the unknown lines as one gap between table 三's last values and the decoy's
first; the aligner would give the decoy's first row's values to table 三's last row (12
values in 四、结转下年度继续办理). :func:`decoy_starts` finds that gap — in table 三, after its
values, at least :data:`~ogi.extract.tokens.BARRIER_GAP` ideographs of words no template label
is (no numbering, no label typed otherwise, no run of :data:`LABEL_PIECE_CHARS` characters of a
table 三 label — a PDF's columns interleave pieces of wrapped labels —, fewer than :data:`HEADER_PIECES_SEEN` pieces of
table 三's column headers: a PDF's text prints the header repeated at a page break as such
pieces) spread over at least :data:`DECOY_HEADER_LINES` lines, after a row of table 三, and
followed by at least :data:`DECOY_ROWS` rows whose labels are table 三's words bare of their
numbering and by no numbered label of table 三 (a turned table's scattered characters, a long
note inside the official table, are followed by neither) — and ``extract._split_tables`` gives table 三 nothing from it to the next section
heading or the next table's own words: a decoy's rows are never an official table's.
"""

from __future__ import annotations

import re
from functools import lru_cache

from ..document import Block, Document, Paragraph
from ..template.formats import APPLICANT_COLUMNS, T3_HEADERS
from ..template.labels import dictionary, segment
from ..template.labels_match import mistyped_label, split_numbering
from ..template.normalize import label_key, nfkc
from .layout import Event
from .lines import logical_lines
from .tokens import BARRIER_GAP, TABLE_LINE_PHRASES

DECOY_HEADER_LINES = 3  # lines (units) of unknown words a decoy's caption and header take, at least
DECOY_ROWS = 2  # rows after it labelled with table 三's words bare of numbering, at least
T3_GROUP_HEADER = next(h for h in T3_HEADERS if h.startswith("法人"))  # 法人或其他组织, over five columns
HEADER_PIECES_SEEN = 2  # two-character pieces of table 三's column headers that make a gap its own header
# table 三's column headers cut in two-character pieces (商业 企业 科研 机构 …): a PDF's text prints a
# header repeated at a page break as such pieces, column by column, never as whole words
LABEL_PIECE_CHARS = 4  # characters in a row of a table 三 label that make a gap (a piece of) that label

_COLUMN_HEADERS = (*(m.label for m in APPLICANT_COLUMNS), T3_GROUP_HEADER)
_HEADER_PIECES = frozenset(label_key(label)[k:k + 2] for label in _COLUMN_HEADERS
                           for k in range(0, len(label_key(label)) - 1, 2))

_IDEOGRAPHS = re.compile("[\u3400-\u4dbf\u4e00-\u9fff]")
_DIGITLESS = re.compile(r"[^\d]+")
_VALUE_CHARS = re.compile(r"[\d\s.,+\-—/]*")


def decoys_apart(doc: Document) -> Document:
    """``doc`` with every one-line official table cut from a decoy table glued after it."""
    if not any(isinstance(b, Paragraph) and len(b.text) > BARRIER_GAP for b in doc.blocks):
        return doc
    blocks: list[Block] = []
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
    if len(text) < _min_cut_chars():
        return None  # no line of it is long enough (each is a piece of it, stripped)
    for piece, at in logical_lines(text):  # as tokens.tokenize cuts a paragraph
        key = nfkc(piece)
        if len(key) != len(piece):  # offsets would not carry over (℃ is °C): the line is left whole
            continue
        cut = _cut_in_line(key)
        if cut is not None:
            return at + cut
    return None


@lru_cache(maxsize=1)
def _min_cut_chars() -> int:
    """Characters a line must hold for a cut: :data:`TABLE_LINE_PHRASES` labels (each a key of
    the dictionary, printed with at least its key's characters), a digit, then
    :data:`BARRIER_GAP` characters of words (their key is no longer than they are). Nearly
    every paragraph of a report is shorter (a heading, a line of a table's text): it is not
    cut into lines at all."""
    return TABLE_LINE_PHRASES * min(map(len, dictionary()), default=1) + 1 + BARRIER_GAP


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
        if len(words) >= BARRIER_GAP and not mistyped_label(words) and not _holds_t3_label_piece(words) \
                and "。" not in key[:cut]:
            return cut
    return None


@lru_cache(maxsize=1)
def _t3_label_windows() -> frozenset[str]:
    """Every run of :data:`LABEL_PIECE_CHARS` characters of a table 三 label the template knows
    (row, group and header labels, both formats, their variants)."""
    keys = [k for k, phrases in dictionary().items() if any(p.table == "table3" for p in phrases)]
    return frozenset(k[i:i + LABEL_PIECE_CHARS] for k in keys for i in range(len(k) - LABEL_PIECE_CHARS + 1))


def _holds_t3_label_piece(words: str) -> bool:
    """Does ``words`` hold :data:`LABEL_PIECE_CHARS` characters in a row of a table 三 label?"""
    windows = _t3_label_windows()
    return any(words[k:k + LABEL_PIECE_CHARS] in windows for k in range(len(words) - LABEL_PIECE_CHARS + 1))


def decoy_starts(evs: list[Event], i: int) -> bool:
    """Does the gap ``evs[i]`` (an event of table 三, after some of its values) begin a decoy
    table printed a cell a line (the module's docstring)?"""
    ev = evs[i]
    if ev.kind != "gap" or i + 1 >= len(evs):
        return False
    key = ev.seg.text
    numbering, words = split_numbering(key)
    if numbering or len(_IDEOGRAPHS.findall(words)) < BARRIER_GAP or mistyped_label(words):
        return False  # (an English gloss's words are no decoy's header: ideographs are counted)
    if sum(1 for piece in _HEADER_PIECES if piece in words) >= HEADER_PIECES_SEEN:
        return False  # table 三's own header, repeated at a page break and cut by a PDF's columns
    if _holds_t3_label_piece(words):
        return False  # a piece of table 三's own labels: a label a PDF's columns cut and interleaved
    return evs[i + 1].unit - ev.unit >= DECOY_HEADER_LINES and _rows_of_bare_labels(evs, i + 1)


def _rows_of_bare_labels(evs: list[Event], start: int) -> bool:
    """After a decoy's header, up to the next section: at least :data:`DECOY_ROWS` rows whose
    label is table 三's words without their numbering (``予以公开``, ``无法提供``) followed by
    values, and no label of table 三 with its numbering — the official table's own rows print
    it, so the text after the gap is not the official table going on."""
    bare = 0
    for k in range(start, len(evs)):
        ev = evs[k]
        if ev.kind == "section":
            break
        if ev.kind != "phrase":
            continue
        p = ev.seg.in_table("table3")
        if p is None:
            continue
        if p.exact:
            return False
        bare += k + 1 < len(evs) and evs[k + 1].kind == "value"
    return bare >= DECOY_ROWS


__all__ = ["DECOY_HEADER_LINES", "decoy_cut", "decoy_starts", "decoys_apart"]
