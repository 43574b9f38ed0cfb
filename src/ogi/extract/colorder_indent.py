"""自然人 printed right of an organisation, read from how far a text layout indents its lines.

The template's 自然人 column stands left of all five organisations. A PDF's text laid out
with spaces (PyMuPDF's sorted text, poppler's ``-layout``, a positioned page laid out by
:mod:`ogi.readers.html_positioned`) prints 自然人's two lines centred down its two header rows,
often each alone on a line of its own (``自然`` above the organisations' line, ``人`` below),
so no one line holds 自然人 beside an organisation and the rules of :mod:`.colorder`, which
compare the pieces of one line, see the template's order — where the page prints 自然人 right
of the five (hold18's ``reordered`` 00013 and 00035: 97 and 6 numbers read into the wrong
columns with no finding in each of PyMuPDF's sorted text, pdfplumber's and pdftohtml's).

What such a layout does keep is each line's indentation: the spaces before a line's first
piece place it on the page. Tools count those spaces differently after other text (PyMuPDF
one a character, poppler two a CJK character), but spaces before the first piece are the
same count in either measure. So :func:`person_right_of_an_organisation` compares only
pieces that start their line: a piece only 自然人 holds (``自然``, ``然``, ``自然人``: ``人``
is 法人或其他组织's too) whose indentation reaches past the end of a line-starting piece of an
organisation (its label, or a part only it holds: ``企业``, ``社会公``) — the end counted in
display columns, a CJK character two, the wider of the two measures. In the template's order
that cannot happen in a layout that places lines by their glyphs' x: 自然人's column ends
where the first organisation's begins. A text with no layout (a line a cell, a converter's
paragraphs) indents nothing, so nothing is compared; a line indented less than
:data:`MIN_INDENT`, either piece's, is not taken as placed (a line of a note's column, or
of no layout, may start an organisation's piece at the margin). Over 19,105 texts of the
matrix, wild4, wild44, wild36, hold17, wild5, wild6 and hold18 it names an order no other
rule names in two only: hold18's 00013 and 00035 in PyMuPDF's sorted text.

It only names the deviation: table 三's applicant cells are then left null with the
TEMPLATE_DEVIATION finding. It does not read the columns' order (the other organisations'
places are not all seen), so the values are not moved."""

from __future__ import annotations

import unicodedata
from collections.abc import Callable

from ..template.formats import APPLICANT_COLUMNS

MIN_INDENT = 4  # spaces: a line's start indented less than this is not taken as placed by a layout
_PERSON = APPLICANT_COLUMNS[0].label
_ORGANISATIONS = frozenset(m.label for m in APPLICANT_COLUMNS[1:-1])
SEPARATOR = "、"


def _width(text: str) -> int:
    """Display columns: a wide (CJK) character two, any other one."""
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def _first_piece(line: str) -> tuple[int, str] | None:
    """The line's indentation (leading ASCII spaces only) and its first piece."""
    stripped = line.lstrip(" ")
    if not stripped or stripped[0].isspace():
        return None  # a TAB or another space: no count of columns
    return len(line) - len(stripped), stripped.split()[0]


def person_right_of_an_organisation(lines: list[str], label_of: Callable[[str], str | None]) -> str | None:
    """``组织、自然人`` (the organisation, then 自然人: the order the page shows) where a
    line-starting piece only 自然人 holds is indented past the end of a line-starting piece of
    an organisation; None otherwise. ``label_of``: the label a piece is, whole or in part."""
    people: list[int] = []
    ends: list[tuple[int, str]] = []
    for line in lines:
        first = _first_piece(line)
        if first is None:
            continue
        indent, piece = first
        label = label_of(piece)
        if label == _PERSON and indent >= MIN_INDENT:
            people.append(indent)
        elif label in _ORGANISATIONS and indent >= MIN_INDENT:
            ends.append((indent + _width(piece), label))
    for indent in people:
        left = [label for end, label in ends if end <= indent]
        if left:
            return SEPARATOR.join((left[0], _PERSON))
    return None


__all__ = ["MIN_INDENT", "person_right_of_an_organisation"]
