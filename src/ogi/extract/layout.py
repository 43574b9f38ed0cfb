"""Find the parts of a report: its six section headings, the span of units that holds the
three tables, and the events of that span (known phrases, gaps, values) in order.

Consecutive text across units is read as one string before it is segmented, so that a
label split over lines or cells (``商业`` / ``企业``, ``(三)不`` / ``予公开``) is found whole.
Narrative paragraphs inside the span (``Unit.prose``) become barriers: their numbers
are never table values.

**Numbers a PDF's text wrapped.** A cell too narrow for its number prints it over several
lines of the cell: a report that writes its counts in full-width digits (``１９``, each digit
as wide as a Chinese character) or with a unit (``11件``) has table 三's seven narrow columns
wrap them, and every text of the PDF prints the pieces on lines of their own, above or below
the row's line, in whatever order the tool reads them::

    １ １                                      (pdfplumber: heads above the row's line)
    一、本年新收政府信息公开申请数量 0 ０ 0 ０ 0
    ９ ９                                      (tails below: 19 and 19, not 1, 9, 1, 9)

    (七)总计 19 ０ ０ 0 0 ０ １ ９               (pypdf: the tail after the head, on one line)

Read as they stand the pieces are values of their own, and a row that shows seven of them is
placed — wrong, with only its sums failing to say so. :func:`wrapped_value_units` finds, in
table 三's section, the lines that can only be such pieces — a line whose values are
full-width digits alone, fewer than a row has cells, beside a row printed on one line; a line
printing more values than a row of table 三 has cells where two single full-width digits
stand side by side — and marks the values of that line and of the lines next to it
(``Token.wrapped``): no row whose values they are is read (the aligner leaves it null with a
finding), since which pieces make one number, and which row and column it is, no text
without positions tells.

A count unit wrapped alone (``19`` ⏎ ``件``) leaves its number whole: PDFium, poppler and
PyMuPDF print the number's line before the unit's, and read those rows right. pdfplumber
prints the first line of a two-line cell *above* the row's own line and the second below it
(``⼈ 企业 机构…`` ⏎ ``11 11`` ⏎ ``一、本年新收… 0件 0件 0件 0件 0`` ⏎ ``件 件`` ⏎ ``0 0``: the
11s are row 一's, the ``0 0`` row 二's), so a row takes its neighbours' numbers. Where the text
shows that order once — numbers alone between table 三's header and a row's line
(:func:`_heads_above_row`) — every unit standing alone marks its line and the lines next to
it too.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass, replace
from functools import lru_cache
from operator import attrgetter
from typing import TYPE_CHECKING

from ..document import Position
from ..template.formats import FORMATS
from ..template.labels import Phrase, Segment, dictionary, section_of, segment
from .markers import cut_marker
from .tokens import BLANK, NA, NUM, TEXT, Token, Unit

PHRASE_READINGS_KEPT = 4096  # (phrase key, table, format) readings kept; the template has about 600 keys


@dataclass(slots=True)
class Event:
    """One step of the layout: a known phrase, a gap, a value, a barrier or a section heading."""

    kind: str  # "phrase" | "gap" | "value" | "barrier" | "section"
    pos: Position
    segment: Segment | None = None
    token: Token | None = None
    section: str | None = None  # for "section" events: s2, s3, s4
    unit: int = -1  # index of the unit it came from
    table: bool = False  # the unit is a row of a table (its cells known), not running text

    if TYPE_CHECKING:
        @property
        def seg(self) -> Segment:
            """The segment of a "phrase" or "gap" event (every one has it)."""

        @property
        def tok(self) -> Token:
            """The token of a "value" event (every one has it)."""
    else:  # read in C: the aligner reads them hundreds of times a report (a Python getter's
        # frame cost more than the read); an event of another kind answers None
        seg = property(attrgetter("segment"), doc='The segment of a "phrase" or "gap" event (every one has it).')
        tok = property(attrgetter("token"), doc='The token of a "value" event (every one has it).')


def find_headings(units: list[Unit]) -> dict[str, int]:
    """Section key → index of the first unit that is its heading, in document order."""
    found: dict[str, int] = {}
    for i, u in enumerate(units):
        if u.in_table and len(u.tokens) > 1:
            continue
        key = section_of(u.text)
        if key and key not in found and all(found[k] < i for k in found if k < key):
            found[key] = i
    return found


T3_CELLS = 7  # value cells in a row of table 三 (both formats): a line with fewer is no whole row
# a line of a PDF's text that holds only full-width digits: pieces of numbers wrapped in their cells
_FULLWIDTH_PIECES = re.compile(r"^[\uff10-\uff19]+(?:\s+[\uff10-\uff19]+)*$")
# the values a line ends in, each after a space (or at the line's start)
_TRAILING_VALUES = re.compile(r"(?:(?:^|(?<=\s))[\d\uff10-\uff19][\d\uff10-\uff19.,]*\s*)+$")
# a count unit standing alone, as a word of its own: the rest of a cell "11件" whose digits went elsewhere
_LONE_UNIT = re.compile(r"(?:^|\s)[件个项条次](?=\s|$)")
# two single full-width digits side by side, the first not 0: a number's head and tail, or two cells
_SPLIT_DIGITS = re.compile(r"(?:^|\s)[\uff11-\uff19]\s+[\uff10-\uff19](?=\s|$)")
# what any of the rules needs to see on some line of the section
_MAY_BE_PIECES = re.compile(r"[\uff10-\uff19]|" + _LONE_UNIT.pattern)


def wrapped_value_units(units: list[Unit], start: int, end: int, headings: dict[str, int]) -> frozenset[int]:
    """The units of table 三's section (between its heading and the next) whose values may
    be pieces of numbers a PDF's text wrapped (module docstring): each line that can only be
    such pieces, and the lines holding values right before and after it.

    A line of full-width digits alone is such pieces only beside a row printed on one line:
    the run of lines of values alone (no label) that holds it must have a line with a label and
    two values or more right before or after it — PDFium prints ``１`` ⏎ ``９`` ⏎ ``0 ０ 0 ０ 0`` ⏎
    ``１`` ⏎ ``９`` under row 一's label, and the whole run is row 一's. Where every value stands
    on a line of its own (a cell a paragraph) a lone ``０`` is a cell, and where a text prints
    value columns as stacks of short lines (pdfminer) a piece of a stack; a number wrapped
    there leaves its row a value too many, which the aligner does not read."""
    s3, s4 = headings.get("s3"), headings.get("s4")
    if s3 is None:
        return frozenset()
    lo, hi = max(start, s3 + 1), min(end, s4 if s4 is not None and s4 > s3 else end)
    if not any(_MAY_BE_PIECES.search(units[i].text) for i in range(lo, hi)):
        return frozenset()  # every rule below needs a full-width digit or a unit standing alone
    heads_above: bool | None = None  # worked out at the first count unit standing alone
    found: set[int] = set()
    for i in range(lo, hi):
        u = units[i]
        first = last = i
        if _fullwidth_pieces(u):
            while first - 1 >= lo and _values_alone(units[first - 1]):
                first -= 1
            while last + 1 < hi and _values_alone(units[last + 1]):
                last += 1
            if not ((first - 1 >= lo and _labelled_row(units[first - 1]))
                    or (last + 1 < hi and _labelled_row(units[last + 1]))):
                continue
        elif not _overfull(u):
            if not _LONE_UNIT.search(u.text):
                continue
            if heads_above is None:
                heads_above = any(_heads_above_row(units, k) for k in range(lo + 1, hi - 1))
            if not heads_above:
                continue
        found.update(range(first, last + 1))
        for j in (first - 1, last + 1):
            if lo <= j < hi and _numbers(units[j]):
                found.add(j)
    return frozenset(found)


def _numbers(u: Unit) -> int:
    return sum(1 for t in u.tokens if t.kind == NUM)


def _labelled_row(u: Unit) -> bool:
    """Does the unit print a row on one line: words (a label) and two values or more?"""
    return _numbers(u) > 1 and _has_words(u)


def _has_words(u: Unit) -> bool:
    """Does the unit's text hold a letter other than a count unit (``3.其他``, ``⼈ 企业``)?"""
    return bool(_LETTER.search(_UNITS.sub("", u.text)))


_LETTER = re.compile(r"[^\W\d_]")  # a letter of any script (a Chinese character is one)
_UNITS = re.compile(r"[件个项条次]")
# a row label's numbering at a line's start: "一、", "(七)", "3."
_ROW_NUMBERING = re.compile(r"^\s*(?:[一二三四五六七八九十]{1,2}\s*、|[(（][一二三四五六七八九十]{1,2}[)）]|\d{1,2}\s*[.．、])")


def _heads_above_row(units: list[Unit], i: int) -> bool:
    """Does ``units[i]`` show a text that prints the first lines of a row's two-line cells
    above the row's own line (pdfplumber: ``⼈ 企业 机构…`` ⏎ ``11 11`` ⏎ ``一、本年新收… 0件 0件
    0件 0件 0``)? A line of numbers alone, fewer than a row's cells, between table 三's header
    (words and no number, no unit standing alone, no row's numbering: not a row label whose
    values follow it, ``(七)总计`` ⏎ ``2497`` ⏎ ``件 0件 …`` in pypdf) and a line that starts with
    words and is short of a row's cells."""
    before, u, after = units[i - 1], units[i], units[i + 1]
    nums = _numbers(u)
    return 0 < nums < T3_CELLS and nums == len(u.tokens) and not _numbers(before) \
        and any(t.kind == TEXT for t in before.tokens) and not _LONE_UNIT.search(before.text) \
        and not _ROW_NUMBERING.match(before.text) \
        and _has_words(after) and 0 < _numbers(after) < T3_CELLS


def _fullwidth_pieces(u: Unit) -> bool:
    """Does this unit print, after its words if any, full-width digits alone, fewer than a
    row's cells? A space-laid row rewritten as cells counts too (w3m's ``９    ９`` under row
    一's 1s, its blank cells kept, reads ``９ |  |  |  |  |  | ９``), and so does a piece beside
    a label's line (``pdftotext -layout`` of a paged report: ``度办理结 (二)部分公开(…,不  １`` ⏎
    ``果  ０ ０ 0 0 0 １８`` ⏎ ``计其他情形)  ８`` — 18 in the first column, printed over the
    label's first and last lines). A table row with words is not: its cells are known, and a
    row that leaves cells blank prints fewer values than it has cells (``四、结转下年度继续办理 |
    |  |  | ０ |  |  |``, an HTML table of a report that leaves zeros blank)."""
    nums = _numbers(u)
    if not 0 < nums < T3_CELLS or (u.in_table and _has_words(u)):
        return False
    m = _TRAILING_VALUES.search(u.text.replace("|", " "))
    return m is not None and len(m.group().split()) == nums and bool(_FULLWIDTH_PIECES.match(m.group().strip()))


def _overfull(u: Unit) -> bool:
    """Does this unit print more values than a row of table 三 has cells (and fewer than two
    rows), two single full-width digits side by side among them, the first not 0 — a number's
    two lines, or two cells (pypdf: ``(七)总计 19 ０ ０ 0 0 ０ １ ９``)?"""
    return T3_CELLS < _numbers(u) < 2 * T3_CELLS and bool(_SPLIT_DIGITS.search(u.text))


def _values_alone(u: Unit) -> bool:
    """Does the unit hold values and no label (a line of a row's values, or of pieces)?"""
    return _numbers(u) > 0 and not _has_words(u)


def events(units: list[Unit], start: int, end: int, headings: dict[str, int]) -> list[Event]:
    """The events of units[start:end]: text merged across units and segmented."""
    heading_at = {i: k for k, i in headings.items()}
    wrapped = wrapped_value_units(units, start, end, headings)
    out: list[Event] = []
    texts: list[tuple[str, Position, int]] = []  # pending text tokens to merge

    def flush() -> None:
        if not texts:
            return
        if len(texts) == 1:  # one text (a row's label): every segment is at its place
            t, pos, ui = texts[0]
            table = units[ui].in_table
            for seg in segment(t + "\u0001"):
                out.append(Event("phrase" if seg.phrases else "gap", pos, seg, None, None, ui, table))
            texts.clear()
            return
        joined, spans, at = "", [], 0
        for t, pos, ui in texts:
            joined += t + "\u0001"
            spans.append((at, at + len(t), pos, ui))
            at += len(t) + 1
        starts = [a for a, _, _, _ in spans]
        for seg in segment(joined):
            k = bisect_right(starts, seg.start) - 1  # the one span that can hold seg.start (they are in order)
            pos, ui = (spans[k][2], spans[k][3]) if k >= 0 and seg.start < spans[k][1] else (spans[0][2], spans[0][3])
            out.append(Event("phrase" if seg.phrases else "gap", pos, segment=seg, unit=ui,
                             table=units[ui].in_table))
        texts.clear()

    for i in range(start, end):
        u = units[i]
        if i in heading_at:
            flush()
            out.append(Event("section", u.pos, section=heading_at[i], unit=i))
            continue
        if u.prose or (not u.in_table and cut_marker(units, i)):  # a table row is prose only as a note under its table (注:…), never a cut marker
            flush()
            out.append(Event("barrier", u.pos, unit=i))
            continue
        toks = _trim_blanks(u.tokens)
        for tok in toks:
            if tok.kind == TEXT:
                texts.append((tok.text, tok.pos, i))
            elif tok.kind in (NUM, NA, BLANK):
                if texts:
                    flush()
                out.append(Event("value", tok.pos, None, replace(tok, wrapped=True) if i in wrapped else tok,
                                 None, i))
    flush()
    return out


def _trim_blanks(tokens: list[Token]) -> list[Token]:
    """Keep only the blank cells that stand among a row's values: merged cells leave
    empty cells at the end of a flattened row, and beside or before its labels.

    A row with no text whose cells are exactly as many as the template's one unlabelled
    row has (table 四's 15, :func:`_unlabelled_widths`) keeps its blank cells at the end
    too: it is that row printed whole, each cell in its place, and no label's span can
    stand in it (a report that leaves zeros blank prints ``| 0 |  | 0 | … |  |  |``: its
    trailing blanks trimmed, the row shows 12 cells of 15 and is lost)."""
    kinds = list(map(_KIND, tokens))  # the row's kinds, read and searched in C
    if BLANK not in kinds:
        return tokens  # nothing to trim (the caller only reads the list)
    if NUM not in kinds and NA not in kinds:
        return [t for t in tokens if t.kind != BLANK]
    if len(tokens) in _unlabelled_widths() and TEXT not in kinds:
        return tokens
    last = len(kinds) - 1  # the last token that is not blank (a value is there)
    while kinds[last] == BLANK:
        last -= 1
    last_text = len(kinds) - 1 - kinds[::-1].index(TEXT) if TEXT in kinds else -1
    return [t for i, t in enumerate(tokens[:last + 1]) if t.kind != BLANK or i > last_text]


_KIND = attrgetter("kind")


@lru_cache(maxsize=1)
def _unlabelled_widths() -> frozenset[int]:
    """The widths of the template's rows that print no label (table 四's one row of 15)."""
    return frozenset(row.width for fmt in FORMATS.values() for spec in fmt.tables for row in spec.rows
                     if not row.label)



def phrase_in(seg: Segment, table: str, fmt: str) -> Phrase | None:
    """What a segment means inside one table of one format, if anything."""
    if not seg.phrases:
        return None
    if seg.phrases is dictionary().get(seg.text):  # a phrase of the template: decided once per key
        return _known_phrase_in(seg.text, table, fmt)
    return _pick_in(seg.phrases, table, fmt)


@lru_cache(maxsize=PHRASE_READINGS_KEPT)
def _known_phrase_in(key: str, table: str, fmt: str) -> Phrase | None:
    return _pick_in(dictionary()[key], table, fmt)


def _pick_in(phrases: tuple[Phrase, ...], table: str, fmt: str) -> Phrase | None:
    options = [p for p in phrases if p.table == table and fmt in p.formats]
    if not options:
        return None
    return sorted(options, key=lambda p: (p.kind != "row", p.kind != "group", not p.exact))[0]
