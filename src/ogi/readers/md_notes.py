"""A note printed under a count inside its cell, joined to that count again.

Agencies write a breakdown of a count under it in the same cell: ``12<br>（含网上申请5件）``,
``8<br>（其中依申请6件）``, ``3<br>（包括转办1件）`` — a part of the count the cell states, no cell
of its own (``extract/tokens``' ``_COMPARISON_NOTE`` reads ``12（含网上申请5件）`` as 12). The
lightweight markups cannot keep a line break inside a table cell, and each writer breaks the
cell's text its own way, so the note reaches the text reader as a line of its own::

    Markdown (html2text, markdownify):  … | 8␣␣ ⏎ （含转办6件） | 0 | 0 | … | 8␣␣ ⏎ （其中依申请6件）␣␣
    pandoc's Markdown:                  … | 8\\ ⏎ （含转办6件） | 0 | …
    Jira (pandoc -t jira):              | 行政许可 | 216 ⏎ （其中当面申请172件） |  |  |
    MediaWiki (pandoc -t mediawiki):    | 216<br /> ⏎ （其中当面申请172件）
    Org (pandoc -t org):                | 行政许可 | 216\\\\ | … | ⏎ |          | （其中当面申请172件） | … |

Read as lines, the note line was a row of its own (``其中依申请`` a sub-row the template has
not) or, in the middle of a row, it cut the row in two: the cells after it were read a column
off — ``granted.commercial`` read 6 from ``（含转办6件）``, wrong numbers with findings in
every such rendering of wild8's ``cell_notes``.

A line is joined to the line above where the text says it is the rest of that cell, beyond
doubt:

1. the line *begins* with a bracketed breakdown, at its very first character (a layout text —
   pdfplumber's, pdftotext's — indents a cell's second line under its column, and pads its
   lines with spaces: its ``0␣␣`` is no Markdown line break) (``（`` 其中/含/包括/包含 … a number … ``）``,
   at most :data:`NOTE_WORDS` characters on either side of the number), and what follows it
   is the rest of a table row (nothing, cells after a ``|``, or values after spaces where the
   writer dropped the table's pipes: html2text's ``（含转办6件） 0 0 0 0 0 8␣␣``);
2. the line above ends in a number — the count the note breaks down — and then in the mark
   of a line break *inside a cell* that its markup writes: exactly two spaces or a ``\\`` (a Markdown
   hard break), ``<br />`` (MediaWiki's), or, in a Jira row (begun by ``|``), no closing ``|``
   while the note's line closes it (Jira writes the cell's line break as it is).

The note is written after the count (``8（含转办6件）``), the break mark dropped, and the note's
line is emptied, so every line keeps its number for provenance. An Org table (which has no
line break in a cell either) prints the note on a row of its own whose other cells are
empty, under a count ended by ``\\\\``: where every filled cell of such a row is a note and
the cell above it ends so, the notes join the cells above and the row is emptied. Anything
else — a note in running text, a line that only looks like one — is left as printed."""

from __future__ import annotations

import re
import unicodedata

NOTE_WORDS = 12  # characters of words on either side of a breakdown note's number (tokens' _COMPARISON_NOTE)
_NOTE = (r"[（(]\s*(?:其中|含|包括|包含)[^()（）\d|]{0,%d}\d[\d,]*[^()（）|]{0,%d}[）)]" % (NOTE_WORDS, NOTE_WORDS))
_ANY_NOTE = re.compile(_NOTE)
_VALUE = r"(?:[\d.,%]+|[—/-])"  # a cell of a row whose cells a space parts (html2text without tables): a value or a mark
# a line that begins with a note at its very start (a markup's line break puts the cell's next line
# there; a laid-out text indents it under its column), then the rest of its row: nothing, or more
# cells after a pipe or, in a table
# written without pipes (html2text --ignore-tables), values after spaces
_NOTE_LINE = re.compile(r"^(?P<note>%s)(?P<rest>[ \t]*(?:\|.*)?|(?:[ ]+%s)+[ ]*|(?:\t[^\t]*)+)$" % (_NOTE, _VALUE))
# a TAB row's line ending in a count (a browser's copy, innerText: a line break inside a cell is a line
# break of the text, and the row goes on after the note with its next cells)
_TAB_COUNT_END = re.compile(r"\t[^\t]*\d[ ]*$")
# a line that ends in a count and a line break inside a cell: two spaces or a \ (Markdown; \\ before the
# escapes are read), <br /> (MediaWiki), " +" (AsciiDoc)
_COUNT_BROKEN = re.compile(r"(?<=\d)(?:[ ]{2}|\\{1,2}|<br\s*/?>|[ ]\+)[ \t]*$")
# the same break marks between a count and its note on one line, inside a cell (DokuWiki: 8\\ （含转办6件）)
_BREAK_BEFORE_NOTE = re.compile(r"(?<=\d)(?:\\{1,2}|<br\s*/?>)[ ]*(?=%s)" % _NOTE)
_COUNT_END = re.compile(r"\d[ \t]*$")  # a Jira row's line ending in a count, its cell left open
_ORG_NOTE = re.compile(r"^\s*%s\s*$" % _NOTE)  # an Org cell holding a note alone
_ORG_BROKEN = re.compile(r"(?<=\d)\\{1,2}\s*$")  # an Org cell ending in a count and its line break (\\)
_ORG_ROW = re.compile(r"^\|.*\|[ \t]*$")
_RUN = re.compile(r"\S+(?: \S+)*")  # a run of a laid-out line's text: words apart by one space at most
_LAID_COUNT = re.compile(r"\d[\d,.]*(?P<mark>\\{1,2})(?=\s|$)")  # a count and its line break, in a laid-out row


def join_cell_notes(text: str) -> str:
    """``text`` with every breakdown note a markup broke off its count's cell joined to it
    again (see the module docstring); the text itself where it holds none."""
    if ("其中" not in text and "含" not in text and "包括" not in text) or _ANY_NOTE.search(text) is None:
        return text
    lines = text.split("\n")
    changed = False
    into: dict[int, int] = {}  # a note's emptied line → the line it was joined to (a row may hold two notes)
    for i in range(1, len(lines)):
        if "含" not in lines[i] and "其中" not in lines[i] and "包括" not in lines[i]:
            continue  # no note on the line (a cheap gate: most lines of a text)
        k = into.get(i - 1, i - 1)
        if not lines[k].strip():
            continue
        if lines[i].startswith("|") and _org_joined(lines, k, i):
            into[i], changed = k, True
            continue
        m = _NOTE_LINE.match(lines[i])
        head = _head(lines[k], m) if m is not None else None
        if head is not None and m is not None:
            lines[k] = head + m["note"] + m["rest"]
            lines[i] = ""
        elif not _layout_joined(lines, k, i):
            continue
        into[i], changed = k, True
    text = "\n".join(lines) if changed else text
    return _BREAK_BEFORE_NOTE.sub("", text) if "\\" in text or "<br" in text else text


def _head(above: str, m: re.Match) -> str | None:
    """The line ``above`` a note line (matched by ``m``) without its cell's break mark, where it
    ends in a count and a line break inside that cell; None where it does not."""
    broken = _COUNT_BROKEN.search(above)
    if broken is not None:
        return above[:broken.start()]
    if above.lstrip().startswith("|") and not above.rstrip().endswith("|") and _COUNT_END.search(above) \
            and "|" in m["rest"]:
        return above.rstrip()  # Jira: the row's line ends inside the cell, the note's line goes on with the row
    if "\t" in above and _TAB_COUNT_END.search(above) and (not m["rest"].strip() or m["rest"].startswith("\t")):
        return above.rstrip(" ")  # TAB text: the row's line ends inside the cell, the note's line goes on with the row
    return None


def _layout_joined(lines: list[str], k: int, i: int) -> bool:
    """A line ``i`` of a column-laid table (pandoc's multiline table) holding notes alone, each
    starting in the display column where a count ending in its line break (``8\\``) starts on
    line ``k``: the notes and the break marks blanked (the tokens drop such a note anyway; blank,
    its number is no value under the row), line ``i`` emptied. False (nothing changed) otherwise."""
    line = lines[i]
    if "|" in line or not line[:1].isspace():
        return False
    runs = [(r.start(), r.group()) for r in _RUN.finditer(line)]
    if not runs or not all(_ORG_NOTE.match(text) for _, text in runs):
        return False
    above, cols = lines[k], _columns(lines[k])
    counts = []
    for start, _ in runs:
        at = cols.get(_display_width(line[:start]))
        count = _LAID_COUNT.match(above, at) if at is not None else None
        if count is None:
            return False
        counts.append(count)
    for count in reversed(counts):
        above = above[:count.start("mark")] + " " * len(count["mark"]) + above[count.end("mark"):]
    lines[k], lines[i] = above, ""
    return True


def _columns(line: str) -> dict[int, int]:
    """Each character's display column in ``line`` → its index (an ideograph takes two columns)."""
    out, col = {}, 0
    for n, ch in enumerate(line):
        out[col] = n
        col += 2 if unicodedata.east_asian_width(ch) in "WF" else 1
    return out


def _display_width(text: str) -> int:
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def _org_joined(lines: list[str], k: int, i: int) -> bool:
    """An Org row ``i`` whose filled cells are all notes, under a row ``k`` of as many cells
    whose cells above the notes end in a count and ``\\\\``: the notes joined to those cells,
    row ``i`` emptied. False (nothing changed) otherwise."""
    if not _ORG_ROW.match(lines[k]) or not _ORG_ROW.match(lines[i]):
        return False
    cells, above = lines[i].rstrip().split("|"), lines[k].rstrip().split("|")
    if len(cells) != len(above):
        return False
    notes = [c for c, cell in enumerate(cells) if cell.strip()]
    if not notes or not all(_ORG_NOTE.match(cells[c]) and _ORG_BROKEN.search(above[c]) for c in notes):
        return False
    for c in notes:
        above[c] = _ORG_BROKEN.sub("", above[c]) + cells[c].strip() + " "
    lines[k] = "|".join(above)
    lines[i] = ""
    return True


__all__ = ["join_cell_notes"]
