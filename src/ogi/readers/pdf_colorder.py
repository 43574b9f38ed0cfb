"""Table 三's applicant columns in another order, read from a PDF page's geometry.

A PDF's table whose header is not a grid of cells (LibreOffice's PDF of a web page draws
table 三 without ruling lines; the header's cells span rows and columns) reaches the
extractor as running text, and the layout glues a Chinese line's glyphs whatever the gap
(``自然人科研``, ``商业企业公益``): the text rule of :mod:`ogi.extract.colorder` can then
read no order, and a report that prints two applicant columns swapped gave wrong numbers
with no finding. The page still says where each glyph stands, so this reads the order the
header prints from the glyphs' positions, with the same certainty the text rule asks for:

1. The header is the page's free lines (not in a ruled table) below the last line holding
   ``申请人情况`` and above the first line, or ruled table, holding table 三's first row
   label ``本年新收…`` on the same page.
2. Each line is cut into *pieces* where the gap between two glyphs is wider than
   :data:`~ogi.readers.pdf_lines.SPACE_GAP` line heights (inside a cell's line glyphs
   touch; between two cells' there is the cell padding). A piece is an applicant label
   read whole, or a part of one that no other header label holds
   (:data:`ogi.extract.colorder.PARTS`: ``科研``, ``企业``, ``益组织``); a part several labels
   hold (``机构``, ``组织``) and ``法人或其他组织`` say nothing of a column and are passed
   over. A piece holding header label characters that are no one label's (two cells glued:
   ``自然人科研``) leaves the order unread: a piece that cannot be told is not guessed at.
3. Each label's span is the union of its pieces' (a cell wrapped over several lines). The
   labels of one header row (自然人 and 总计; the five organisations) are read left to
   right where all seven are found and no two spans of one row overlap.

Where that order is not the template's, it is left in ``Document.meta`` under
:data:`ogi.extract.colorder.PRINTED_ORDER`. Where the seven spans also stand apart from each
other left to right, the five side by side (:func:`_seen_left_to_right`, nineteenth session),
the reading names every column and the extractor reads each row's values by it
(:func:`ogi.extract.colorder_read.read_in_printed_order`); otherwise it leaves table 三's
applicant cells null with a TEMPLATE_DEVIATION finding, as for a text header. Measured in
docs/renderings.md §19 and §79."""

from __future__ import annotations

from collections.abc import Sequence
from itertools import pairwise

from ..extract.colorder import HEADER_ROWS, PARTS, TABLE_HEADER, whole_labels
from ..extract.colorder_read import GROUP, SEPARATOR
from ..template.normalize import label_key
from .pdf_grid import PlacedTable
from .pdf_lines import SPACE_GAP, Line

FIRST_ROW_KEY = "本年新收"  # table 三's first row label: where its header ends
_ORGANISATIONS = "法人或其他组织"  # the first row's cell over the five: a piece of the header, no column
_ALL_KEYS = tuple(label_key(label) for row in HEADER_ROWS for label in row) + (_ORGANISATIONS,)
_TEMPLATE = (HEADER_ROWS[0][0], *HEADER_ROWS[1], HEADER_ROWS[0][1])  # 自然人, the five, 总计: left to right
_LABEL_CHARS = frozenset("".join(label_key(label) for row in HEADER_ROWS for label in row) + _ORGANISATIONS)


def printed_order(pages: Sequence[tuple[list[Line], list[PlacedTable]]]) -> str | None:
    """The applicant columns' order as table 三's header prints it on a page, where its
    glyphs say it with certainty and it is not the template's; else None. ``pages``: each
    page's free lines (top to bottom) and ruled tables."""
    for lines, tables in pages:
        header = _header(lines, tables)
        if header:
            return _order(header)
    return None


def _header(lines: list[Line], tables: list[PlacedTable]) -> list[Line]:
    """The free lines between the last ``申请人情况`` line and table 三's first row."""
    keys = [label_key(line.text) for line in lines]
    ends = [line.top for line, key in zip(lines, keys) if FIRST_ROW_KEY in key]
    ends += [t.top for t in tables if any(FIRST_ROW_KEY in label_key(c.text) for c in t.table.cells)]
    starts = [line.bottom for line, key in zip(lines, keys) if TABLE_HEADER in key]
    for end in sorted(ends):
        above = [s for s in starts if s <= end]
        if above:
            start = max(above)
            return [line for line in lines if line.top >= start and line.bottom <= end]
    return []


def _pieces(line: Line) -> list[tuple[float, float, str]]:
    """The line cut where two glyphs stand further apart than a space: (x0, x1, text)."""
    out: list[tuple[float, float, str]] = []
    gap = SPACE_GAP * line.height
    for f in line.fragments:  # left to right
        if out and f.x0 - out[-1][1] <= gap:
            x0, _, text = out[-1]
            out[-1] = (x0, max(out[-1][1], f.x1), text + f.text)
        else:
            out.append((f.x0, f.x1, f.text))
    return out


def _order(header: list[Line]) -> str | None:
    spans: dict[str, tuple[float, float]] = {}
    for line in header:
        for x0, x1, text in _pieces(line):
            key = label_key(text)
            if not _LABEL_CHARS & set(key):
                continue  # the 勾稽关系 note beside the header, a stray mark
            if key == label_key(_ORGANISATIONS):
                continue
            whole = whole_labels(text)
            label = whole[0] if len(whole) == 1 and label_key(whole[0]) == key else PARTS.get(key)
            if label is None:
                if any(key in other for other in _ALL_KEYS):
                    continue  # part of several labels (``机构``, ``组织``): no column said, none taken
                return None  # label characters that are no one label's (two cells glued): not read
            a, b = spans.get(label, (x0, x1))
            spans[label] = (min(a, x0), max(b, x1))
    if len(spans) != sum(map(len, HEADER_ROWS)):
        return None
    seen = _seen_left_to_right(spans)
    if seen is not None:
        return seen
    printed: list[list[str]] = []
    for row in HEADER_ROWS:
        ordered = sorted(row, key=lambda label: spans[label][0])
        if any(spans[a][1] > spans[b][0] for a, b in pairwise(ordered)):
            return None  # two columns' spans overlap: which stands left cannot be told
        printed.append(ordered)
    if all(list(found) == list(row) for found, row in zip(printed, HEADER_ROWS)):
        return _across_rows(spans)
    first, orgs = printed
    return "、".join([first[0], *orgs, first[1]])


def _seen_left_to_right(spans: dict[str, tuple[float, float]]) -> str | None:
    """The columns' order as :func:`ogi.extract.colorder_read.column_order` names it, where
    the seven spans, left to right, overlap nowhere and the five organisations stand side
    by side (under 法人或其他组织, as the format's two-row header draws them): the glyphs'
    places say which column each value of a row stands in, so the extractor can read the
    values by it (``自然人、法人或其他组织(商业企业、科研机构、其他、社会公益组织、法律服务机构)、总计``).
    None where they do not say it, or say the template's order (the caller then reads the
    rows' orders alone, as before)."""
    ordered = sorted(spans, key=lambda label: spans[label][0])
    if ordered == list(_TEMPLATE) or any(spans[a][1] > spans[b][0] for a, b in pairwise(ordered)):
        return None
    at = [i for i, label in enumerate(ordered) if label in HEADER_ROWS[1]]
    if at != list(range(at[0], at[0] + len(HEADER_ROWS[1]))):
        return None  # 自然人 or 总计 between two organisations: no two-row header draws that
    orgs = SEPARATOR.join(ordered[i] for i in at)
    first = [label for label in ordered if label not in HEADER_ROWS[1]]
    first.insert(at[0], f"{GROUP}({orgs})")
    return SEPARATOR.join(first)


def _across_rows(spans: dict[str, tuple[float, float]]) -> str | None:
    """The seven columns left to right where each header row is in the template's order but
    the two rows are not placed as the template places them — 自然人 printed right of the five
    organisations, or 总计 left of them (wild5 ``reordered``: 14 wrong numbers with no finding
    in LibreOffice's PDF) — and no two spans overlap; None otherwise."""
    ordered = sorted(spans, key=lambda label: spans[label][0])
    if any(spans[a][1] > spans[b][0] for a, b in pairwise(ordered)):
        return None  # two columns' spans overlap: which stands left cannot be told
    return None if ordered == list(_TEMPLATE) else "、".join(ordered)
