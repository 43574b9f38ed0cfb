"""A number printed as several digit runs: join them back where the identities allow one way.

Word's own HTML export (``Save as Web Page``) often splits one number over several runs,
``<span lang=EN-US>3</span><span>4</span>``, when the digits were typed or pasted at different
times. A browser prints the runs joined (``34``), but text extractors that put a space
between inline elements (inscriptis, BeautifulSoup's ``get_text(" ")``) print ``3 4``: a row of
table 三 then shows nine numbers for its seven cells, and filling the row from the left puts
``3`` under 自然人, ``4`` under 商业企业 and the row's first ``0`` under 总计 — a wrong number
behind every column after the split.

Nothing in such a text tells a space between two runs from a space between two cells, so the
row is read by its own identities (the template's row sums: the six applicant columns add up
to 总计). When a row prints more numbers than it has cells, and the numbers read from the
left break the row's sums, every way of joining adjacent numbers into exactly the row's count
of cells is tried — a joined group never starts with ``0`` (no printed number does) and holds
plain integers only:

* exactly one joining makes every row sum hold → that joining is the row as printed;
* several do → the row's candidates are handed to the aligner's ambiguous rows, whose column
  identities (:func:`ogi.extract.align._resolve_by_identities`) keep the one that fits the
  other rows, else the row stays null with a ``CELL_AMBIGUOUS`` finding;
* none does → nothing is decided here (the surplus may be the next row's numbers, whose label
  was not printed): the aligner goes on as before.

Only a surplus of at most ``MAX_EXTRA_NUMBERS`` numbers is considered, and fewer than the row's
cells: a longer tail is another row's numbers, not runs of this row's. The numbers must stand in
one printed row (a line of text, a grid row): numbers gathered over several lines under one
label (a PDF's columns read one after another) are several rows' cells, which the aligner
leaves null.
"""

from __future__ import annotations

from itertools import combinations

from ..template.arithmetic import row_sums_hold
from ..template.formats import PrintedRow
from .tokens import NUM, Token

MAX_EXTRA_NUMBERS = 4  # surplus numbers (runs) a row's joining may absorb; C(n-1, 4) readings at most


def candidate_rows(row: PrintedRow, values: list[Token]) -> list[list[Token]] | None:
    """The joinings of ``values`` into ``row``'s cells that make its row sums hold, or None
    where this reading does not apply (no surplus, marks or text among the numbers, no row
    sum to test, or the numbers read from the left already hold)."""
    width = row.width
    extra = len(values) - width
    if not row.sums or extra <= 0 or extra > MAX_EXTRA_NUMBERS or extra >= width:
        return None
    if not all(_plain(t) for t in values) or len({t.row for t in values}) > 1:
        return None  # numbers of several printed rows are several rows' cells, not one row's runs
    if row_sums_hold(row, [t.value for t in values[:width]]):
        return None
    found = []
    for cuts in combinations(range(1, len(values)), width - 1):
        groups = [values[a:b] for a, b in zip((0, *cuts), (*cuts, len(values)))]
        if any(len(g) > 1 and g[0].text == "0" for g in groups):
            continue  # no printed number starts with 0
        joined = [_joined(g) for g in groups]
        if row_sums_hold(row, [t.value for t in joined]):
            found.append(joined)
    return found


def _plain(tok: Token) -> bool:
    """A number printed alone as plain digits (a run that can be part of a longer number)."""
    return tok.kind == NUM and not tok.glued and not tok.wrapped and not tok.unit \
        and isinstance(tok.value, int) and tok.text.isdigit()


def _joined(group: list[Token]) -> Token:
    """The number the runs of ``group`` print together, where the first run stands."""
    if len(group) == 1:
        return group[0]
    text = "".join(t.text for t in group)
    first = group[0]
    return Token(NUM, text, first.pos, first.row, int(text),
                 "joined:" + " ".join(t.text for t in group), confidence=first.confidence)
