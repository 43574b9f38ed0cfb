"""自然人 printed after the five organisations, read from a text that prints the header's
cells in the order their columns stand.

poppler's ``pdftotext`` of an office suite's PDF prints table 三's header a cell (or a
cell's line) a line, the cells in the order their columns stand left to right, and two cells
on one line where their text shares a baseline and nothing stands between (``总计 自然人``
where a report prints 总计 first). In the template's order 自然人's column comes first; a
page that prints 自然人 right of the five organisations gives, read so, every organisation
first and ``自然人 总计`` last, on one line (hold18's and fresh17's ``reordered`` 00002, 00013,
00035: 14 to 50 numbers a report read into the wrong columns with no finding). The rules of
:mod:`.colorder` compare labels of one line, and the joined reading wants each label whole.

:func:`person_after_the_five` names the order where a line of the header is exactly
自然人 and 总计, whole, in that order, every one of the five organisations was printed on the
lines before it (each whole, or by a part only it holds: ``科研``, ``社会公``), and no piece of
自然人 was. It asks for 总计 beside it so that a layout's line (``自然人 企业 机构 …``: a
text laid out with spaces, where 自然人 centred down a tall header may stand below the
organisations' first line) is not read so: there the line holds the organisations' other
lines too. Over the 19,105 texts of the matrix, wild4, wild44, wild36, hold17, wild5, wild6
and hold18, it names an order no other rule names only in ``reordered`` pages that print
自然人 after the five (docs/renderings.md). It only names the deviation: table 三's applicant
cells are left null with the TEMPLATE_DEVIATION finding."""

from __future__ import annotations

from collections.abc import Callable

from ..template.formats import APPLICANT_COLUMNS
from ..template.normalize import label_key

_PERSON, _TOTAL = APPLICANT_COLUMNS[0].label, APPLICANT_COLUMNS[-1].label
_ORGANISATIONS = frozenset(m.label for m in APPLICANT_COLUMNS[1:-1])
_LAST_LINE = (label_key(_PERSON), label_key(_TOTAL))
GROUP = "法人或其他组织"
SEPARATOR = "、"


def person_after_the_five(lines: list[list[str]], label_of: Callable[[str], str | None]) -> str | None:
    """``法人或其他组织、自然人、总计`` where the header's lines (each a list of pieces) print
    every organisation before a line that is ``自然人 总计``; None otherwise. ``label_of``: the
    label a piece is, whole or by a part only it holds."""
    seen: set[str] = set()
    for pieces in lines:
        if tuple(map(label_key, pieces)) == _LAST_LINE:
            return SEPARATOR.join((GROUP, _PERSON, _TOTAL)) if seen == _ORGANISATIONS else None
        labels = [label_of(piece) for piece in pieces]
        if _PERSON in labels:
            return None  # 自然人 (or a piece of it) before the line: not this reading
        seen.update(label for label in labels if label in _ORGANISATIONS)
    return None


__all__ = ["person_after_the_five"]
