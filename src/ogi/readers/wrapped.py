"""A number a narrow cell printed over several lines, made one number again.

A PDF converter that writes a table as HTML or Markdown (pymupdf4llm, MinerU, marker) keeps
each printed line of a cell as a line break, so a number too wide for its column reaches the
reader as ``１<br>８``. The HTML reader (``html_tables``) and the Markdown pipe cells
(``pandoc_marks``) both ask :func:`wrapped_number`; it lives here, apart from either, so a
text file's reading does not load the HTML reader's lxml."""

from __future__ import annotations

import re

# a line of a cell that is a digit run (ASCII or full-width), for :func:`wrapped_number`
_DIGIT_RUN = re.compile(r"[0-9\uff10-\uff19]+")


_ZEROS = frozenset("0\uff10")  # a zero digit, ASCII or full-width


def leads_zero(line: str) -> bool:
    """Does this line begin with a zero (so begins no wrapped number)?"""
    return line[:1] in _ZEROS


def wrapped_number(lines: list[str]) -> str | None:
    """The number a narrow cell printed over several lines, or None.

    A PDF converter that writes a table as HTML or Markdown (pymupdf4llm, MinerU, marker)
    keeps each printed line of a cell as a line break: a number too wide for its column — a
    full-width ``１８`` under ``自然人``, a long ``1428`` — reaches it as ``１<br>８``, and read as
    two values it shifted the row a column. The lines are one number when each is a digit
    run, every line but the last is as long as the first (a wrap fills a line before it
    starts the next, and digits are of one width) and the last is no longer. Anything else —
    a value and its unit, two values of different widths, a label — is not joined; nor are
    lines whose first begins with a zero (``0`` ⏎ ``4``, ``0`` ⏎ ``0``): no count is printed with
    a leading zero, so those lines are values of their own — a converter's column guess that
    put two columns' values in one cell (pymupdf4llm's 其他 and 总计 of wild4's
    ``merged_zeros``: ``0<br>4`` read 4 under 其他, a wrong number). A cell spanning rows is
    never joined (its lines may be its rows' values)."""
    if len(lines) < 2 or not all(_DIGIT_RUN.fullmatch(line) for line in lines) or leads_zero(lines[0]):
        return None
    full = len(lines[0])
    if any(len(line) != full for line in lines[:-1]) or len(lines[-1]) > full:
        return None
    return "".join(lines)
