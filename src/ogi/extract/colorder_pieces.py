"""The five organisations out of order in a header printed a piece a line.

A PDF text layer read in its flow order (poppler's ``pdftotext`` of a browser's paged PDF,
its ``-raw``) prints table 三's header a piece a line: each cell's lines in turn, the cells
in the order their columns stand, and two narrow cells wrapped a character a line beside each
other interleaved line by line (``科 ⏎ 商 ⏎ 研 ⏎ 业 ⏎ 机 ⏎ 企 ⏎ 构 ⏎ 业``: 科研机构 left of 商业企业,
the order of their characters no column's: hold19's 00024 prints ``社 ⏎ 法 ⏎ 商 ⏎ 科 ⏎ 会 …`` for
商业企业, 科研机构, 社会公益组织, 法律服务机构 left to right). The rules of :mod:`.colorder` read such a header only
where its joined text reads every label whole (:func:`.colorder._joined`); interleaved, it
does not, and a page whose five organisations are shuffled (hold19's ``reordered`` 00013:
``法律 ⏎ 服务 ⏎ 机构 ⏎ 科 ⏎ 商 ⏎ 研 ⏎ 业 … ⏎ 社会 ⏎ 公益 ⏎ 组织``) was read by position — 6 numbers in
the wrong columns with no finding.

:func:`five_out_of_order` takes each organisation where a piece of the header first names it
(a label whole, or a part of two characters or more only it holds: ``法律``, ``社会``; a
character alone may be a column's interleaved with its neighbours'), over a header whose every line
holds one piece at most, and names the order where two stand otherwise than in the format.
It only names the deviation: which column a value stands in still rests on pieces a text
printed apart, so table 三's applicant cells are left null with the TEMPLATE_DEVIATION
finding, never read by it. A header whose lines hold several pieces (a layout's lines, a
converter's grid) is left to the line rules: there a line's order is its columns', and the
order the lines come in is not (the seventh session's rule on the joined five cost pandoc's
text of Word files 2,506 right cells, docs/renderings.md §15)."""

from __future__ import annotations

from collections.abc import Callable

from ..template.formats import APPLICANT_COLUMNS
from ..template.normalize import label_key

_ORGANISATIONS = tuple(m.label for m in APPLICANT_COLUMNS[1:-1])
SEPARATOR = "、"
MIN_SEEN = 2  # organisations named before an order among them can be out of the format's
MIN_PIECE_CHARS = 2  # a piece naming an organisation: a character alone may be an interleaved one's


def five_out_of_order(lines: list[list[str]], label_of: Callable[[str], str | None]) -> str | None:
    """The organisations in the order a header printed a piece a line first names them
    (``法律服务机构、科研机构、商业企业、社会公益组织``), where that order is not the format's;
    None where a line holds more than one piece, or the order is the format's."""
    if any(len(pieces) > 1 for pieces in lines):
        return None
    seen: list[str] = []
    for pieces in lines:
        label = label_of(pieces[0]) if pieces and len(label_key(pieces[0])) >= MIN_PIECE_CHARS else None
        if label in _ORGANISATIONS and label not in seen:
            seen.append(label)
    if len(seen) < MIN_SEEN or seen == sorted(seen, key=_ORGANISATIONS.index):
        return None
    return SEPARATOR.join(seen)


__all__ = ["five_out_of_order"]
