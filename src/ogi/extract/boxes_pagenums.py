"""Page numbers printed among a paged table's text boxes, set aside by the pages' rows.

A paged print numbers its pages (``1``, ``2`` … at the foot or head of each page), and
pdfminer prints the page number's box wherever its layout analysis puts it on the page —
first, last, or between two of the table's column boxes — as a line holding one bare
number. Among the table's values it is one value too many on its page. The text cannot tell
it from a cell by its look; the page can:

- a page break cuts a table between two rows (a row's cells stand side by side), so the
  values of a page are the cells of whole rows (``boxes.bands``): a page holding one value
  more than whole rows holds one value that is not the table's;
- the page's own number is printed on it: the value set aside is a line of one value of
  its own (a run of one, not joined to a column's box) equal to the page's number, counted
  from the text's first page (:data:`FIRST_PAGE_NUMBER`; the pages are the text's form
  feeds, ``boxes.PAGE_STARTS``).

Where the values are more than the cells, every page's count is whole rows or whole rows
and one, and each page with one over holds such a line, the choices — one such line a page —
are set aside in turn (each ending nothing: it is a run of its own) and the rest read as the
table is read otherwise (``boxes.read_runs``: one block a run, in print order, in pieces),
in the rows of each page. A cell is read only where every reading of every choice gives it
one value; where a choice spends its search's budget, nothing is read. The choices are at
most :data:`MAX_CHOICES` (pages with two lines of their number multiply them); beyond that
nothing is read. The choices share one table's budgets (``boxes.MAX_STATES`` for the
print-order search, ``boxes.PIECES_STEPS`` for the search in pieces; the exact cover's
``boxes.MAX_STEPS`` is each choice's), so setting page numbers aside costs at most one table's
searches and :data:`MAX_CHOICES` exact covers. As everywhere in this reader, the table's identities are the guard: a
choice that sets aside a cell of the table has a reading only where every sum still holds."""

from __future__ import annotations

import itertools
from collections.abc import Sequence

from ..template.formats import TableSpec
from .boxes import (
    FIRST_NAMED_STEPS,
    MAX_STATES,
    PIECES_STEPS,
    Cell,
    Run,
    _even,
    _Spent,
    bands,
    read_runs,
)
from .tokens import Token

__all__ = ["FIRST_PAGE_NUMBER", "MAX_CHOICES", "page_number_choices", "read_without_page_numbers"]

FIRST_PAGE_NUMBER = 1  # the number printed on the text's first page (its form feeds count the rest)
MAX_CHOICES = 8  # ways of setting the page numbers aside that are read before giving up (each may run every search)


def page_number_choices(spec: TableSpec, runs: Sequence[Run]) -> list[tuple[int, ...]] | None:
    """Every way of setting aside one page number on each page that holds one value over
    whole rows: tuples of run indices (runs of one value equal to their page's number).
    None where the pages say nothing of it — no page breaks, rows of several widths, a page
    that holds neither whole rows nor whole rows and one, or such a page without a line of
    its number."""
    if not runs or any(run.page is None for run in runs) or not _even(spec):
        return None
    width = spec.rows[0].width
    per_page: dict[int, int] = {}
    for run in runs:
        assert run.page is not None
        per_page[run.page] = per_page.get(run.page, 0) + len(run.values)
    over = sorted(page for page, n in per_page.items() if n % width == 1 % width)
    if not over or any(n % width not in (0, 1 % width) for n in per_page.values()):
        return None
    lines = []
    for page in over:
        number = page + FIRST_PAGE_NUMBER
        lines.append([j for j, run in enumerate(runs) if run.page == page and not run.line
                      and len(run.values) == 1 and run.values[0].value == number])
    if not all(lines):
        return None
    return list(itertools.islice(itertools.product(*lines), MAX_CHOICES + 1))


def read_without_page_numbers(spec: TableSpec, runs: list[Run],
                              named: list[frozenset[int] | None]) -> dict[Cell, Token | None] | None:
    """Cell → its token where every reading of every choice of page numbers set aside
    (module docstring) gives it one value, None where two differ; None for the table where
    the pages show no page numbers to set aside, the choices are more than
    :data:`MAX_CHOICES`, none has a reading, or a search spends its budget."""
    choices = page_number_choices(spec, runs)
    cells = sum(row.width for row in spec.rows)
    if not choices or len(choices) > MAX_CHOICES:
        return None
    found: dict[Cell, Token | None] = {}
    read = False
    budgets = ([MAX_STATES], [PIECES_STEPS], [FIRST_NAMED_STEPS])  # one table's budgets, shared by all the choices
    for aside in choices:
        kept = [j for j in range(len(runs)) if j not in aside]
        left = [runs[j] for j in kept]
        if sum(len(run.values) for run in left) != cells or bands(spec, left) is None:
            return None
        try:
            cells_read = read_runs(spec, left, [named[j] for j in kept], budgets)
        except _Spent:
            return None
        if cells_read is None:
            continue
        if not read:
            found, read = dict(cells_read), True
            continue
        for cell, tok in cells_read.items():
            had = found.get(cell)
            if had is not None and (tok is None or tok.value != had.value):
                found[cell] = None
    return found if read else None
