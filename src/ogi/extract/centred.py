"""A row whose values stand beside the middle line of its label, wrapped over three lines.

A text tool that prints a page line by line (pdfplumber's ``extract_text``, which joins the
words of one height) prints a table row whose label wraps over three lines in its cell, and
whose values are centred in theirs, as three lines: the label's first line, its second line
with the row's values after it, and its third line — and where a tall group cell beside it
wraps too, that cell's pieces stand as lines of their own between them::

    (二)部分公开(区分处理的,
    理结果                                   ← a piece of 三、本年度办理结果
    只计这一情形,不计其他情 22 0 0 0 0 0 22
    形)

Read line by line, the values follow a label that is not the template's (``只计这一情形,
不计其他情``), and the row is null with a finding. :func:`rejoin_centred_rows` writes such a
row as one line, ``(二)部分公开(区分处理的,只计这一情形,不计其他情形) 22 0 0 0 0 0 22``, on
the middle line (its values one space apart), and empties the label's other two lines
(every line keeps its number), only where nothing is left to choose:

- the middle line is the values (two numbers or more, separated by spaces), after words
  with no digit or alone (``2.其他法律法规`` ⏎ ``0 0 0 0 0 0 0`` ⏎ ``开`` ⏎ ``禁止公开``);
- a first line within :data:`MAX_PIECES` lines above it and a third line within
  :data:`MAX_PIECES` below it, each words alone (no digit but a row label's own numbering,
  no longer than a label's line), joined with the middle line's words, are exactly a row
  label of the template (by :func:`~ogi.template.normalize.label_key`; a variant the
  template lists counts, ``2.其他法律法规禁止公开``) printed with as many
  cells as the line has values — or, where the middle line's words are themselves a piece
  of a group label (``2.没有现成信息需要另行`` ⏎ ``无法提供 0 0 0 0 0 0 0`` ⏎ ``制作``: the
  group cell's text on the values' line), the first and third lines alone are;
- every line between them is a piece of a group label of the template (its key inside the
  group label's key) — the tall cell beside the row, not text of the row;
- the first two lines alone are no row label (then the third line would be the next row's),
  nor the first line alone;
- exactly one choice of first and third line (and of the middle words' part) reads so.

And where no such three lines read, a label over two lines each begun by a piece of the
group cell (``pdftotext -layout``, which keeps the cell's piece on the label's line)::

    度办 部分公开(区分处理的,只计这
    理结 一情形,不计其他情形)                 7   0    0    0   0   0   7

is the row ``理结 部分公开(区分处理的,只计这一情形,不计其他情形) 7 0 0 0 0 0 7`` (the line
above keeps its piece) where the two pieces, one after the other, are in one group label of
the template, and the two rests joined — the first alone not — are exactly a row label
printed with as many cells as the line has values (:func:`_prefixed_row`).

Anything else is left as printed."""

from __future__ import annotations

import re
from functools import lru_cache

__all__ = ["rejoin_centred_rows"]

MAX_PIECES = 2  # lines of a group cell's pieces that may stand between a label's lines
LABEL_LINE_CHARS = 48  # characters: a line of the label column is no longer (prose is)

_NUMBERS = r"\d+(?:\.\d+)?(?:[ \t]+\d+(?:\.\d+)?)+"
# the middle line: words without a digit, then two or more numbers
_MIDDLE = re.compile(rf"^[ \t]*(?:(?P<words>[^\d\n]*[^\d\s])[ \t]+)?(?P<cells>{_NUMBERS})[ \t]*$")
# a middle line followed by a line of words: such a row may be here (one scan in C)
_MAY_BE = re.compile(rf"^[^\d\n]*{_NUMBERS}[ \t]*\n[ \t]*[^\d\s][^\d\n]*$", re.M)
# the same after a line break: searched for by its first character, not tried at every position;
# the words possessive (a digit follows them: giving one back cannot make a match)
_MAY_BE_AFTER = re.compile(rf"\n[^\d\n]*+{_NUMBERS}[ \t]*\n[ \t]*[^\d\s][^\d\n]*$", re.M)
# a row label's numbering, the one place its first line may hold a digit: "3.", "(三)"
_NUMBERING = re.compile(r"^\s*\d{1,2}[.．、]")


@lru_cache(maxsize=1)
def _group_keys() -> tuple[str, ...]:
    """The label keys of the template's group labels (``三、本年度办理结果``, ``(三)不予公开`` …)."""
    from ..template.labels import dictionary

    return tuple(k for k, phrases in dictionary().items()
                 if any(p.kind == "group" and p.exact for p in phrases))


def rejoin_centred_rows(text: str) -> str:
    """``text`` with every such row written on one line (see the module docstring)."""
    if not (_MAY_BE.match(text) or _MAY_BE_AFTER.search(text)):
        return text
    from ..template.normalize import label_key

    from ..template.labels import row_label_widths

    widths = row_label_widths(variants=True)
    lines = text.split("\n")
    changed = False
    for b, line in enumerate(lines):
        m = _MIDDLE.match(line)
        if m is None or len(m["words"] or "") > LABEL_LINE_CHARS:
            continue
        width = len(m["cells"].split())
        words = (m["words"] or "").strip()
        parts = (words, "") if words and _group_piece(label_key(words)) else (words,)
        reads = [(a, c, w) for a in range(max(0, b - 1 - MAX_PIECES), b)
                 for c in range(b + 1, min(len(lines), b + 2 + MAX_PIECES))
                 for w in parts if _reads_as_row(lines, a, b, c, w, width, widths, label_key)]
        if len(reads) == 1:
            (a, c, w), = reads
            lines[b] = f"{lines[a].strip()}{w}{lines[c].strip()} {' '.join(m['cells'].split())}"
            lines[a] = lines[c] = ""
            changed = True
        elif not reads and b and (row := _prefixed_row(lines[b - 1], words, width, widths, label_key)):
            lines[b - 1], lines[b] = row[0], f"{row[1]} {' '.join(m['cells'].split())}"
            changed = True
    return "\n".join(lines) if changed else text


def _prefixed_row(above: str, words: str, width: int, widths: dict[str, frozenset[int]],
                  label_key) -> tuple[str, str] | None:
    """A label over two lines, each begun by a piece of the group cell beside it (``pdftotext
    -layout``: ``度办 部分公开(区分处理的,只计这`` ⏎ ``理结 一情形,不计其他情形) 7 0 …``), as
    (the line above: its piece alone, the row's line: its piece, then the whole label); None
    unless the two pieces, one after the other, are in one group label, and the two rests
    joined are exactly a row label printed with ``width`` cells, the first rest alone none."""
    top, bottom = above.strip().split(None, 1), words.split(None, 1)
    if len(top) != 2 or len(bottom) != 2 or len(above.strip()) > LABEL_LINE_CHARS:
        return None
    (p1, l1), (p2, l2) = top, bottom
    if not _group_piece(label_key(p1 + p2)) or any(ch.isdigit() for ch in p1 + p2):
        return None
    if not _label_line(l1, numbered=True) or label_key(l1) in widths:
        return None
    if width not in widths.get(label_key(l1 + l2), ()):
        return None
    return p1, f"{p2} {l1}{l2}"


def _reads_as_row(lines: list[str], a: int, b: int, c: int, words: str, width: int,
                  widths: dict[str, frozenset[int]], label_key) -> bool:
    """Whether lines ``a`` and ``c`` are the first and third line of the label whose second
    line is ``words`` (line ``b``), the lines between being a group cell's pieces."""
    first, third = lines[a].strip(), lines[c].strip()
    if not _label_line(first, numbered=True) or not _label_line(third, numbered=False):
        return False
    if width not in widths.get(label_key(first + words + third), ()):
        return False
    if label_key(first) in widths or (words and label_key(first + words) in widths):
        return False
    between = [ln.strip() for ln in lines[a + 1:b] + lines[b + 1:c]]
    return all(between) and all(_group_piece(label_key(p)) for p in between)


def _label_line(text: str, numbered: bool) -> bool:
    """A line of a label's words: not empty, not long, no digit (but a first line's numbering)."""
    if not text or len(text) > LABEL_LINE_CHARS:
        return False
    if numbered:
        text = _NUMBERING.sub("", text, count=1)
    return not any(ch.isdigit() for ch in text)


def _group_piece(key: str) -> bool:
    """Whether a line's key is a piece of a group label of the template."""
    return bool(key) and any(key in g for g in _group_keys())
