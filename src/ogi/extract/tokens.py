"""From a Document to a stream of tokens: numbers, not-applicable marks, blank cells and
text, each with its source position and the row it was printed in.

Reading a cell's value follows ``schema.md``: full-width digits, thousands separators and
stray spaces are normalised, ``1428.9万元`` is 1428.9 with its unit, ``减少3`` is -3, and
``/``, ``—``, ``-``, ``无`` mark a value as not applicable. In free text (a line a crawler
flattened) numbers are separated by spaces or by labels; a digit run there may be several
cells glued together, which the aligner splits later with what the template knows.

A report repeats the same cell texts many times (``0``, ``/``, the row labels), and a
batch of reports repeats them across files: each distinct text is read once, its reading
kept (keyed by the text and the ``digits`` limit in force, which decides whether it is
refused) and every occurrence gets fresh tokens built from that reading.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from collections.abc import Callable
from functools import lru_cache
from typing import Any, Generic, TypeVar, cast, overload

from .. import limits
from ..document import Document, Paragraph, Position
from ..template.labels import segment
from ..template.labels_match import mistyped_label
from ..template.normalize import clean, nfkc
from ..template.variant_chars import VARIANT_CHARS
from .crawl_years import label_years_in_words
from .lines import is_remark, logical_lines

NUM, NA, BLANK, TEXT = "num", "na", "blank", "text"
# characters of a text whose label years the tokenizer writes in words: a cell or a line holding a
# label (the longest, (二)部分公开(区分处理的…), is 28); a text reader has already done a whole text
# (readers/text.py), and a paragraph of prose holds no table value
LABEL_YEAR_CHARS = 48

_NA = {"/", "\\", "—", "——", "–", "––", "-", "--", "无", "空", "暂无", "——/", "×", "x", "X", "*"}
# a number, or a glued run whose last number is printed with thousands separators
# (``01236,120``: 0, 1 and 236,120 — the digits before the comma are not one number)
_NUM = r"(?P<num>\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d{4,}(?:,\d{3})+(?!\d)|\d+(?:\.\d+)?)"
_UNIT = r"(?P<unit>万元|元|件|个|项|条|次)?"
_NUMBER = re.compile(r"(?P<sign>减少|增加|[-+])?" + _NUM + r"\s*" + _UNIT)
_CELL_NUMBER = re.compile(r"^(?P<sign>减少|增加|[-+])?" + _NUM + _UNIT + "$")
_SPACED_THOUSANDS = re.compile(r"^\d{1,3}(?: \d{3})+$")
# a comparison with the year before, in brackets right after a count (``12（同比增加3件）``,
# ``0（较上年+3）``, ``0(上年0)``, after NFKC): the agency's remark on the value, not a value of its own —
# read as a number, its 3 took the next cell's place and the row's values moved a column on
_COMPARISON_NOTE = re.compile(r"(?<=[\d件项个元])\s*\([^()]{0,24}?(?:同比|环比|上年|上一年|去年|[较比]\d{4}年)[^()]{0,24}\)")
# a breakdown of a count in brackets right after it (``12（含网上申请5件）``, ``8（其中依申请6件）``,
# ``3（包括转办1件）``, after NFKC), printed under it in its cell: a part of the count, no cell of its own
# (where the part exceeds the count the report contradicts itself; the cell still states the count)
_BREAKDOWN_NOTE = re.compile(r"(?<=[\d件项个])\s*\(\s*(?:其中|含|包括|包含)[^()\d]{0,12}\d+[^()\d]{0,12}\)")
# a digit that numbers the next label: "…0002.其他法律…" → the "2" starts "2.其他…"
_LABEL_NUMBER = re.compile(r"\d\s{0,2}[.、]\s{0,2}(?=[^\d\s])")
# a label numbered in brackets, "(1)属于…" (after NFKC), or with a circled number, "①属于…"
# (NFKC would make ① a plain 1 glued to the label: read as "(1)" first)
_BRACKET_OPENS = re.compile(r"\(\s{0,2}$")
_BRACKET_CLOSES = re.compile(r"\s{0,2}\)\s{0,2}(?=[^\d\s.件个项条次元万])")
# a footnote mark printed after a cell's number (``12*``, ``3①``, ``5注1``, ``7[1]``, ``2※``): it
# points at a note under the table, the cell states the number (read before NFKC, which makes
# ① a 1 glued to the number: ``0①`` read 1)
_FOOTNOTE_MARK = re.compile(r"(?<=\d)\s*(?:[\u2460-\u2473\u2776-\u277f]|[*＊※△▲#＃]|[\[［]\s*\d{1,2}\s*[\]］]"
                            r"|注\s*[\d\u2460-\u2473]{0,2})+(?=\s*(?:万元|元|件|个|项|条|次)?$)")
# the same marks glued to a number in a line of text, where a space or the line's end follows
# (``0 0 0注1 0``, ``0① 0``): blanked; glued to a label (``0①属于…``) a circled number numbers it
_FOOTNOTE_IN_TEXT = re.compile(r"(?<=\d)(?:[\u2460-\u2473\u2776-\u277f]|[*＊※△▲]|[\[［]\d{1,2}[\]］]|注\d{1,2})+"
                               r"(?=[ \t\u3000]|$)", re.M)
_CIRCLED = str.maketrans({chr(0x2460 + k): f"({k + 1})" for k in range(20)})
_CIRCLED_NUMBER = re.compile("[\u2460-\u2473]")


@dataclass(slots=True)
class Token:
    """A value, mark, blank cell or piece of text, where it was printed."""

    kind: str  # NUM | NA | BLANK | TEXT
    text: str  # as printed (normalised)
    pos: Position
    row: int  # id of the printed row (a table row, or a paragraph)
    value: float | int | None = None
    unit: str | None = None
    glued: bool = False  # a digit run in free text that may hold several cells
    confidence: float | None = None
    free: bool = False  # read from running text, not from a table cell: no cell boundaries
    # printed where a PDF's text wrapped a number over lines (extract/layout.py,
    # wrapped_value_units): the row it stands in is not read
    wrapped: bool = False


def parse_number(sign: str | None, num: str, unit: str | None) -> tuple[int | float, str | None]:
    digits = num.replace(",", "")
    _check_digits(digits)
    value: int | float = float(digits) if "." in digits else int(digits)
    if isinstance(value, float) and value.is_integer() and not digits.endswith(".0"):
        value = int(value)
    if sign in ("减少", "-"):
        value = -value
    return value, (unit or None)


def _check_digits(digits: str) -> None:
    """A digit run longer than the ``digits`` limit is no value of any report (a glued row
    of table 三 has under 80): refused before ``int()``, which costs quadratic time on it
    (and stops at Python's 4,300-digit guard), and before a float of it overflows."""
    lim = limits.active()
    count = len(digits) - digits.count(".")
    if count > lim.digits:
        raise limits.exceeded("digits", f"a number has {count} digits, more than {lim.digits} "
                                        f"(it starts {digits[:12]}…)")


READINGS_KEPT = 1 << 16  # distinct cell and line texts whose readings are kept (a report has a few hundred)
KEPT_TEXT_CHARS = 200  # longer text (a paragraph: seldom seen twice) is read without keeping its reading

# A reading of a text: (kind, printed, value, unit, glued) for each token it makes.
Reading = tuple[str, str, float | int | None, str | None, bool]


def cell_value(text: str) -> Token | None:
    """Read a whole table cell as one value, or None if it is not one."""
    reading = _cell_reading(text, limits.active().digits)
    if reading is None:
        return None
    kind, printed, value, unit, _ = reading
    return Token(kind, printed, Position(), 0, value, unit)


def _cell_reading(text: str, digits: int) -> Reading | None:
    """The reading of a whole cell (kept for short text, which repeats)."""
    return _kept_cell_reading(text, digits) if len(text) <= KEPT_TEXT_CHARS else _read_cell(text)


@lru_cache(maxsize=READINGS_KEPT)
def _kept_cell_reading(text: str, digits: int) -> Reading | None:
    """:func:`_read_cell`, kept per text and ``digits`` limit (the limit in force is part of
    the key since it decides whether a long number is refused)."""
    return _read_cell(text)


def _read_cell(text: str) -> Reading | None:
    """The reading of a whole cell as one value, or None if it is not one."""
    t = clean(text)
    if not t:
        return (BLANK, "", None, None, False)
    raw = text.strip()
    if not (raw.isascii() and raw.isdigit()) and _FOOTNOTE_MARK.search(raw):  # str.isdigit takes ① for a digit
        bare = _read_cell(_FOOTNOTE_MARK.sub("", raw))
        return (NUM, t, bare[2], bare[3], False) if bare is not None and bare[0] == NUM else None
    if t in _NA:
        return (NA, t, None, None, False)
    if "(" in t and (_COMPARISON_NOTE.search(t) or _BREAKDOWN_NOTE.search(t)):
        bare = _read_cell(_BREAKDOWN_NOTE.sub("", _COMPARISON_NOTE.sub("", t)))
        return (NUM, t, bare[2], bare[3], False) if bare is not None and bare[0] == NUM else None
    compact = t.replace(" ", "") if _SPACED_THOUSANDS.match(t) or " " not in t else None
    if compact is None:
        compact = re.sub(r"(?<=[^\d])\s+|\s+(?=[^\d])", "", t)  # "1428.9 万元", "减少 3"
    m = _CELL_NUMBER.match(compact)
    if not m:
        return None
    value, unit = parse_number(m["sign"], m["num"], m["unit"])
    return (NUM, t, value, unit, False)


def split_free_text(text: str, running: bool = True) -> list[tuple[str, str, bool, float | int | None, str | None]]:
    """Split free text into ("num"|"text", printed, glued, value, unit) pieces. ``running``:
    a line of running text (not a table cell's text), where a ``-`` glued on its left to the
    text before a number may be a dash cell rather than the number's sign."""
    if _FOOTNOTE_IN_TEXT.search(text):
        text = _FOOTNOTE_IN_TEXT.sub(lambda m: " " * len(m.group()), text)
    t = nfkc(text.translate(_CIRCLED) if _CIRCLED_NUMBER.search(text) else text)
    notes: list[tuple[int, int]] = []
    if "(" in t:  # a remark comparing a count with the year before: blanked, its numbers no cells
        notes = [m.span() for m in _COMPARISON_NOTE.finditer(t)]
        t = _COMPARISON_NOTE.sub(lambda m: " " * len(m.group()), t)
        if _BREAKDOWN_NOTE.search(t):  # ... and a breakdown of a count, a part of it
            notes += [m.span() for m in _BREAKDOWN_NOTE.finditer(t)]
            t = _BREAKDOWN_NOTE.sub(lambda m: " " * len(m.group()), t)
    pieces: list = []
    last = 0
    for m in _NUMBER.finditer(t):
        start, end = m.start(), m.end()
        if _in_code(t, m.start("num"), m.end("num"), running):
            continue  # a digit of an address, a formula or an identifier, not a count
        if not m["sign"] and _bracketed(t, m.start("num"), m.end("num")):
            continue  # "(1)属于国家秘密": the number of the label that follows
        num = m["num"]
        follow = t[m.end("num"):m.end("num") + 6]
        if not m["unit"] and _LABEL_NUMBER.match(num[-1:] + follow):
            # the last digit numbers the label that follows
            num = num[:-1]
            end = m.end("num") - 1
            if not num:
                continue
            m_sign = m["sign"]
            unit = None
        else:
            m_sign, unit = m["sign"], m["unit"]
        if m_sign in ("增加", "减少") and not _is_value_sign(t, m.start()):
            m_sign = None
            start = m.start("num")
        elif running and m_sign == "-" and start > 0 and t[start - 1] not in _CELL_DELIMITERS \
                and not _in_date(t, start):
            # ``13-0``, ``--0``, ``规章-7``: a ``-`` glued on its left may be a dash cell as well
            # as the sign; it is left to the text before, a mark run the aligner reads (SIGN_OR_MARK)
            m_sign = None
            start = m.start("num")
        if start > last:
            pieces.append((TEXT, t[last:start], False, None, None))
        value, unit = parse_number(m_sign, num, unit)
        if "," in num:  # a thousands number is one cell, unless digits are glued before it (01236,120)
            glued = len(num.split(",")[0]) > THOUSANDS_GROUP
        else:
            glued = len(num.split(".")[0]) > 1 and not _delimited(t, start, start + len(t[start:end].rstrip()), notes)
        pieces.append((NUM, t[start:end], glued, value, unit))
        last = end
    if last < len(t):
        pieces.append((TEXT, t[last:], False, None, None))
    return [p for p in pieces if p[0] == NUM or p[1].strip()]


# what a rendering prints between cells: a number with one of these (or the text's edge) on
# both sides was printed as a cell of its own, never as several cells glued together
_CELL_DELIMITERS = frozenset(" \t\u3000|│┃║")


def _delimited(text: str, start: int, end: int, notes: list[tuple[int, int]] = ()) -> bool:  # type: ignore[assignment]
    """Is the number at ``text[start:end]`` set apart on both sides (``规章   711``, a value
    between spaces)? Then the rendering kept the boundaries of its cells, and a row that
    shows fewer numbers than cells has blank cells (``711`` is one value, not 7·1·1); only a
    run glued to a label or to other text (``规章4014``, a crawler's one line) may hold
    several cells.

    A comparison note (``notes``: its spans, blanked) is no delimiter of its own: it ends the
    cell before it, but whether the text sets cells apart is told by what stands beyond it
    (``45（同比持平）-112763（同比持平）``, a crawler's one line: ``-112763`` is ``-11`` and
    ``2763`` glued, the blanks where the notes were notwithstanding)."""
    b, a = start - 1, end
    for n0, n1 in notes:
        if n0 <= b < n1:
            b = n0 - 1
        if n0 <= a < n1:
            a = n1
    before = text[b] if b >= 0 else " "
    after = text[a] if a < len(text) else " "
    return before in _CELL_DELIMITERS and after in _CELL_DELIMITERS


def _bracketed(text: str, start: int, end: int) -> bool:
    """Is the number at text[start:end] (one or two digits) a label's numbering in brackets,
    ``(1)属于…`` or ``( 1 )属于…``, followed by the label rather than a unit?"""
    return end - start <= 2 and _BRACKET_OPENS.search(text, max(0, start - 3), start) is not None \
        and _BRACKET_CLOSES.match(text, end) is not None


_CODE_BEFORE = frozenset("/:=@#%&?_\\")


def _in_code(text: str, start: int, end: int, running: bool = False) -> bool:
    """Is the number at text[start:end] part of a URL, an IP address, a formula or an
    identifier (``http://127.0.0.1/x``, ``=HYPERLINK(…)``, ``ICP05000000``)? Digits touching
    ASCII letters or these marks are not a table's counts."""
    before = text[start - 1] if start > 0 else ""
    after = text[end] if end < len(text) else ""
    if running and before == "/" and _slash_cell(text, start - 1):
        return False
    if (before.isascii() and before.isalpha()) or before in _CODE_BEFORE:
        return True
    if before == "." and start > 1 and text[start - 2].isdigit():
        return True
    return (after.isascii() and after.isalpha()) or (after == "." and text[end + 1:end + 2].isdigit())


_DATE = re.compile(r"\d{4}([-/])\d{1,2}\1\d{1,2}")


def _in_date(text: str, at: int) -> bool:
    """Is ``text[at]`` inside a date (``2025-01-20``, ``2023/01/15``)? Its dashes and slashes
    are no cells."""
    return any(m.start() <= at < m.end() for m in _DATE.finditer(text, max(0, at - 8), at + 8))


def _slash_cell(text: str, at: int) -> bool:
    """Is the ``/`` at ``text[at]`` before a number a cell's mark glued to it (``40/0//4``, a
    crawler's one line of a table that marks cells ``/``), not a path or a date? The slash
    run (and the digits before it) must follow no Latin letter or address punctuation, in no
    URL and no date."""
    k = at
    while k > 0 and (text[k - 1] in MARK_CHARS or text[k - 1].isdigit()):
        k -= 1  # the numbers and marks before it must stand in the table's text too, not in a code
    before = text[k - 1] if k > 0 else ""
    if before.isascii() and (before.isalnum() or before in _CODE_BESIDE or before in _CODE_BEFORE):
        return False  # ``cn/2021``, ``049530429/2021``, ``:/3``
    near = text[max(0, at - 12):at + 12]
    return "://" not in near and _DATE.search(near) is None


def _is_value_sign(text: str, at: int) -> bool:
    """``减少3`` is a signed value only where it stands alone, not inside a sentence."""
    before = text[max(0, at - 1):at]
    return not before or before in " |\t"


# a note printed under a table: 注:… / 注1:… / 备注:… / 说明:… (after NFKC)
_NOTE = re.compile(r"^\s*(?:注|备注|附注|说明)\s*\d?\s*:")
_NOTE_STARTS = frozenset("注备附说")
BARRIER_GAP = 24  # unknown text this long (letters, not digits) is prose, not a cell
TABLE_LINE_PHRASES = 8  # known labels in one paragraph that make it a table printed as one line
# a note that starts inside a line after a table's last value, mark or label (``…0 0 126 注：…``,
# ``…126备注:…``, ``…0//备注:…``): where a renderer puts a whole table on one line, the note under it follows
# the last cell with no line break
_NOTE_INSIDE = re.compile(r"(?<=[\s\d)）/／—–\-])(?:注|备注|附注|说明)\s*\d?\s*[:：]")
# the same note glued to a table's label or header (``…第二十条第(五)项说明：…``, ``…本年增/减说明：…``):
# a crawler's one line of a table with a note printed between its rows; taken only where
# the line before it is table text and ends with a label the template knows
_NOTE_AFTER_LABEL = re.compile(r"(?:注|备注|附注|说明)\s*\d?\s*[:：]")
_DIGITS = re.compile(r"\d+")
THOUSANDS_GROUP = 3  # digits before a number's first thousands separator, at most


_T = TypeVar("_T")


class _kept(Generic[_T]):
    """``functools.cached_property`` without its lock: Python 3.11's takes one ``RLock``,
    shared by every instance, at each first read (about a microsecond, for every unit of
    every report). The value is computed once and stored in the instance, which later
    reads find first; units are never shared between threads while being read."""

    def __init__(self, fn: Callable[[Any], _T]) -> None:
        self.fn = fn
        self.name = fn.__name__
        self.__doc__ = fn.__doc__

    @overload
    def __get__(self, obj: None, owner: type | None = None) -> _kept[_T]: ...

    @overload
    def __get__(self, obj: object, owner: type | None = None) -> _T: ...

    def __get__(self, obj: object | None, owner: type | None = None) -> _kept[_T] | _T:
        if obj is None:
            return self
        value = obj.__dict__[self.name] = self.fn(obj)
        return value


@dataclass
class Unit:
    """A paragraph or a table row, with its text and tokens."""

    text: str
    tokens: list[Token]
    pos: Position
    in_table: bool  # a row of a table (cells known), not a paragraph
    joins: bool = False  # continues the paragraph of the unit before it (a logical line cut from it)

    @_kept
    def prose(self) -> bool:
        """A paragraph of narrative: a sentence, or long text that matches no label.
        Its numbers are never table values."""
        if self.text.lstrip()[:1] in _NOTE_STARTS and _NOTE.match(nfkc(self.text)):
            return True  # a note under a table (注:…), also where it is printed as a row of the table
        if self.in_table:
            return False
        if self.text.lstrip()[:1] in "（(" and is_remark(self.text):
            return True  # a remark in brackets between two rows (lines.py): its number is no cell
        text = template_chars(nfkc(self.text))  # a label in traditional characters is a label
        if "。" in text or ";" in text:
            return True
        segs = segment(text)
        if sum(1 for s in segs if s.phrases) >= TABLE_LINE_PHRASES:
            # a table printed as one line: its unknown labels (reworded ones) stand between its
            # values, so the letters between two digit runs are what says prose
            return any(not s.phrases and _prose_between_digits(s.text) for s in segs)
        return any(not s.phrases and len(s.text) - sum(map(str.isdigit, s.text)) >= BARRIER_GAP for s in segs)


def _prose_between_digits(key: str) -> bool:
    """Does ``key`` (unknown text of a table printed as one line) hold a run of words without
    a digit as long as a sentence, which is no row label typed with a character otherwise
    (``申清人无正当理由逾期不补正、…``: one slip of the typist in a long label must not make the
    whole table prose, :func:`~ogi.template.labels_match.mistyped_label`)?"""
    return any(len(run) >= BARRIER_GAP and not mistyped_label(run) for run in _DIGITS.split(key))


def tokenize(doc: Document) -> list[Unit]:
    """The document as units in reading order: one per paragraph or table row (a table
    row's tokens are its cells' tokens, blank cells included)."""
    digits = limits.active().digits
    units: list[Unit] = []
    cell_readings: dict[str, Reading | None] = {}  # this document's cell texts read so far (they repeat)
    for block in doc.blocks:
        if isinstance(block, Paragraph):
            text = block.text
            pieces = _kept_paragraph(text, digits) if len(text) <= KEPT_TEXT_CHARS else _paragraph(text, digits)
            pos, k = block.pos, 0
            for piece, readings in pieces:  # each line's tokens, inline (as _tokens makes them)
                row_id = len(units)
                toks = [Token(kind, printed, pos, row_id, value, unit, glued, None, True)
                        for kind, printed, value, unit, glued in readings]
                units.append(Unit(piece, toks, pos, False, joins=k > 0))
                k += 1
            continue
        for cells in block.rows():
            if not cells:
                continue
            row_id = len(units)
            row: list[Token] = []
            for c in cells:  # each cell's tokens, inline (a call per cell was a tenth of their cost)
                text = c.text
                if text in cell_readings:
                    whole = cell_readings[text]
                else:
                    whole = cell_readings[text] = _kept_cell_reading(text, digits) if len(text) <= KEPT_TEXT_CHARS \
                        else _read_cell(text)
                if whole is not None:  # one value, mark or blank (nearly every cell): its one token
                    kind, printed, value, unit, glued = whole
                    row.append(Token(kind, printed, c.pos, row_id, value, unit, glued, c.confidence, False))
                else:
                    row += _tokens(_free_reading(text, digits, False), c.pos, row_id, c.confidence)
            units.append(Unit(" | ".join([c.text for c in cells]), row, cells[0].pos, True))
    return units


def _paragraph(text: str, digits: int) -> tuple[tuple[str, tuple[Reading, ...]], ...]:
    """A paragraph's logical lines (:func:`~ogi.extract.lines.logical_lines`), each with the
    readings of its free text."""
    return tuple((part, _free_reading(part, digits)) for piece, _ in logical_lines(text)
                 for part in _note_apart(piece))


def _note_apart(piece: str) -> list[str]:
    """A logical line that holds a table and then the note under it (``注:``, ``备注:``,
    ``附注:``, ``说明:`` after the table's last value), cut before the note: the note is
    prose (its numbers are never cells), the table before it is not. A line holding fewer
    than :data:`TABLE_LINE_PHRASES` known labels before the note is left whole.

    A note glued to a label (no value, mark or space before it: a crawler's one line of a
    table whose agency printed a 说明 row between two of its rows, ``…第二十条第(五)项说明：…``)
    is cut off too where the text before it is table text and ends with a label the
    template knows or a value (:func:`_table_text_before`): a sentence's ``…的说明：`` ends
    neither; so is a note after a value where fewer labels, with only values between them,
    stand before it (a one-line table 二 cut at the sentence before it)."""
    m = _NOTE_INSIDE.search(piece)
    if m is not None and sum(1 for s in segment(nfkc(piece[:m.start()])) if s.phrases) >= TABLE_LINE_PHRASES:
        return [piece[:m.start()].rstrip(), piece[m.start():]]
    for m in _NOTE_AFTER_LABEL.finditer(piece):
        if _table_text_before(piece[:m.start()]):
            return [piece[:m.start()].rstrip(), piece[m.start():]]
    return [piece]


NOTE_TABLE_PHRASES = 3  # known labels before a note glued to a label that make the text before it a table's


def _table_text_before(text: str) -> bool:
    """Is ``text`` (what precedes a note) a table's text: it ends with a known label or a
    value, and holds :data:`TABLE_LINE_PHRASES` known labels, or
    :data:`NOTE_TABLE_PHRASES` with nothing but values between them (no unknown words)?"""
    key = nfkc(text).rstrip()
    segs = segment(key)
    if not segs or segs[-1].end != len(key) or not (segs[-1].phrases or _values_only(segs[-1].text)):
        return False
    labels = sum(1 for s in segs if s.phrases)
    if labels >= TABLE_LINE_PHRASES:
        return True
    return labels >= NOTE_TABLE_PHRASES and all(s.phrases or _values_only(s.text) for s in segs)


def _values_only(key: str) -> bool:
    """A gap between labels that holds values alone: digits, signs, marks, a decimal point."""
    return all(ch.isdigit() or ch in MARK_CHARS or ch in ".,+" for ch in key)


@lru_cache(maxsize=READINGS_KEPT)
def _kept_paragraph(text: str, digits: int) -> tuple[tuple[str, tuple[Reading, ...]], ...]:
    """:func:`_paragraph`, kept per short text and ``digits`` limit: a report's headings and
    labels on lines of their own repeat from report to report, and both steps depend only
    on the text (the readings are fresh tokens' values, never changed)."""
    return _paragraph(text, digits)


def _tokens(readings: tuple[Reading, ...], pos: Position, row_id: int, confidence: float | None,
            free: bool = False) -> list[Token]:
    """Fresh tokens (the aligner changes them) for a text's readings, at ``pos``."""
    return [Token(kind, printed, pos, row_id, value, unit, glued, confidence, free)
            for kind, printed, value, unit, glued in readings]


def _free(text: str, pos: Position, row_id: int) -> list[Token]:
    return _tokens(_free_reading(text, limits.active().digits), pos, row_id, None)


def _free_reading(text: str, digits: int, running: bool = True) -> tuple[Reading, ...]:
    """The readings of free text (kept for short text, which repeats); ``running``: a line of
    running text, not a table cell's text (:func:`_read_free`)."""
    return _kept_free_reading(text, digits, running) if len(text) <= KEPT_TEXT_CHARS else _read_free(text, running)


@lru_cache(maxsize=READINGS_KEPT)
def _kept_free_reading(text: str, digits: int, running: bool = True) -> tuple[Reading, ...]:
    """:func:`_read_free`, kept per text and ``digits`` limit (as for :func:`_cell_reading`)."""
    return _read_free(text, running)


_VARIANT_CHAR = re.compile("[" + "".join(VARIANT_CHARS) + "]")
_TO_TEMPLATE_CHARS = str.maketrans(VARIANT_CHARS)


def template_chars(text: str) -> str:
    """Text with traditional (or variant) forms of the template's characters printed as the
    template prints them (``申請數量`` → ``申请数量``), so a label in traditional characters
    matches its row (:mod:`ogi.template.variant_chars`)."""
    return text.translate(_TO_TEMPLATE_CHARS) if _VARIANT_CHAR.search(text) else text


def _inside_label(parts: list[str], k: int) -> bool:
    """Is the mark ``parts[k]`` the slash of a label spaced out (``本年增 / 减``), not a cell?"""
    return parts[k] == "/" and 0 < k < len(parts) - 1 and parts[k - 1].endswith("增") \
        and parts[k + 1].startswith("减")


def _read_free(text: str, running: bool = True) -> tuple[Reading, ...]:
    """The readings of free text: its numbers, not-applicable marks and words, in order.
    In running text (``running``: a paragraph's line, not a table cell's text, whose cells
    the table keeps) that holds a table on one line (:func:`_table_line`), marks glued to
    numbers and labels are read as cells (:func:`_mark_runs`, :func:`_word_mark_runs`).
    Where a mark word (无, 空, 暂无) glued after a number or a mark is not read as cells (it
    runs into a label the template does not print), the line is read as if it held no table:
    its marks and signs as printed, its short rows left null (§43, §44)."""
    text = template_chars(text)
    if len(text) <= LABEL_YEAR_CHARS and "年" in text:  # a year printed in a label (2024年制发件数,
        text = label_years_in_words(text)  # 一、2024年新收…): the label's word, no value (extract/crawl_years)
    if running and _table_line(text):
        out, hidden = _readings(text, True)
        if not hidden:
            return out
    return _readings(text, False)[0]


def _readings(text: str, running: bool) -> tuple[tuple[Reading, ...], bool]:
    """:func:`_read_free`'s readings of ``text`` (template characters), and whether a mark
    word glued after a number or a mark was left in a word (``running`` only)."""
    out: list[Reading] = []
    hidden = False
    pieces = split_free_text(text, running)
    for j, (kind, printed, glued, value, unit) in enumerate(pieces):
        if kind == TEXT:
            after_num = j > 0 and pieces[j - 1][0] == NUM and not pieces[j - 1][1][-1:].isspace()
            before_num = j + 1 < len(pieces) and pieces[j + 1][0] == NUM
            words: list[str] = []
            parts = printed.split()
            for k, part in enumerate(parts + [""]):
                digit_before = after_num and k == 0 and not printed[:1].isspace()
                digit_after = before_num and k == len(parts) - 1 and not printed[-1:].isspace()
                runs: list[tuple[object, bool]] | None = None
                if running:
                    line_end = j == len(pieces) - 1 and k == len(parts) - 1  # a cell may end the line
                    cut, left_out = _word_mark_runs(part, digit_before, digit_after or line_end)
                    hidden = hidden or left_out
                    runs = _mark_runs_around(cut, part, digit_before, digit_after,
                                             parts[k - 1][-1:] if k > 0 else "",
                                             parts[k + 1][:1] if k + 1 < len(parts) else "")
                if runs:
                    for piece, is_mark in runs:
                        if not is_mark:
                            words.append(cast(str, piece))  # a word
                            continue
                        if words:
                            out.append((TEXT, clean(" ".join(words)), None, None, False))
                            words = []
                        out += cast("list[Reading]", piece)  # a run's readings
                    continue
                if part and (part not in _NA or _inside_label(parts, k)):
                    words.append(part)
                    continue
                if words:
                    out.append((TEXT, clean(" ".join(words)), None, None, False))
                    words = []
                if part:
                    out.append((NA, part, None, None, False))
        else:
            out.append((NUM, printed.strip(), value, unit, glued))
    return tuple(out), hidden


def _mark_runs_around(cut: list[tuple[str, bool]] | None, part: str, digit_before: bool, digit_after: bool,
                      prev: str, nxt: str) -> list[tuple[object, bool]] | None:
    """A word cut at its mark words (``cut``, :func:`_word_mark_runs`; None: it holds none)
    and each piece between them cut at its runs of mark characters (:func:`_mark_runs`): a
    piece beside a mark word touches a cell, as one beside a digit does."""
    if cut is None:
        return _mark_runs(part, digit_before, digit_after, prev, nxt)
    out: list[tuple[object, bool]] = []
    for i, (piece, is_mark) in enumerate(cut):
        if is_mark:
            out.append(([(NA, m, None, None, False) for m in _WORD_MARK.findall(piece)], True))
            continue
        first, last = i == 0, i == len(cut) - 1
        runs = _mark_runs(piece, digit_before if first else True, digit_after if last else True,
                          prev if first else piece[:0], nxt if last else "")
        out += runs if runs else [(piece, False)]
    return out


# a cell marked with a word (无, 空, 暂无) and a run of them glued together (``无无18``)
_WORD_MARK = re.compile("暂无|无|空")
_WORD_MARK_RUN = re.compile("(?:暂无|无|空)+")
# a mark word glued to a number or to a mark character: a line that may print a table's marks
_WORD_MARK_TOUCHES = re.compile(r"[\d/\\—–-](?:暂无|无|空)|(?:无|空)\d")
# a label's numbering or a section's heading right after a run of mark words (``无无五、存在…``,
# ``无4.无正当理由…``, ``无(六)其他处理``): the run ends at a label
_NUMBERING_AHEAD = re.compile(r"[(（]?\s*(?:[一二三四五六七八九十]{1,3}|\d{1,2})\s*[)）、.．]")


def _word_mark_runs(part: str, digit_before: bool, digit_after: bool) -> tuple[list[tuple[str, bool]] | None, bool]:
    """A word of a table printed on one line, cut at the runs of mark words glued into it:
    ([(text, False) or (run, True)], or None where no run is read), and whether a run glued
    after a number or a mark character was left in the word.

    A crawler glues a row's cells printed 无 to the label before them, to each other and to
    the next label (``规章无无18``, ``0无无无无无无(六)其他处理``, ``16-4无其他对外管理服务事项``). A
    run of 无, 空 and 暂无 outside every template label of the word (``无法提供``,
    ``无正当理由…`` keep theirs) is cells where it touches a cell or a label on both sides: a
    number or a mark character, the word's edge beside a number, a template label's end
    before it and its start (or a label's numbering, a section's heading) after it. Any
    other 无 (``本机关无此信息``, a reworded label) is text."""
    found = list(_WORD_MARK_RUN.finditer(part))
    if not found:
        return None, False
    phrases = [(seg.start, seg.end) for seg in segment(part) if seg.phrases]
    out: list[tuple[str, bool]] = []
    hidden = False
    last = 0
    for m in found:
        for a, b in _outside(m.start(), m.end(), phrases):
            glued_after = (a == 0 and digit_before) or (a > 0 and part[a - 1] in MARK_CHARS)
            left = glued_after or (a > 0 and any(_only_punct(part, e, a) for _, e in phrases))
            right = (b == len(part) and digit_after) or (b < len(part) and part[b] in MARK_CHARS) \
                or any(_only_punct(part, b, s) for s, _ in phrases) or _NUMBERING_AHEAD.match(part, b) is not None
            if not (left and right):
                hidden = hidden or glued_after
                continue
            if a > last:
                out.append((part[last:a], False))
            out.append((part[a:b], True))
            last = b
    if not out:
        return None, hidden
    if last < len(part):
        out.append((part[last:], False))
    return out, hidden


def _outside(a: int, b: int, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """The pieces of ``[a, b)`` outside every span (a run of mark words less the template
    labels that print 无 in it)."""
    pieces = [(a, b)]
    for s, e in spans:
        if e <= a or s >= b:
            continue
        pieces = [p for x, y in pieces for p in ((x, min(y, s)), (max(x, e), y)) if p[0] < p[1]]
    return pieces


def _only_punct(text: str, a: int, b: int) -> bool:
    """Does ``text[a:b]`` hold no letter and no digit (nothing, or brackets and stops)?"""
    return a <= b and not any(c.isalnum() for c in text[a:b])


# the characters the marks of a not-applicable cell are printed with (``/`` ``—`` ``-`` …), and
# those marks: a crawler's one line glues a row's marks to each other and to its numbers
# (``0——0————00``, ``40/0//4``, ``13-0-0-13``), and each run of them is one or more cells
MARK_CHARS = frozenset("/\\—–-")
_MARKS = tuple(sorted((m for m in _NA if set(m) <= MARK_CHARS), key=len))
_MARK_RUN = re.compile("[" + re.escape("".join(sorted(MARK_CHARS))) + "]+")
MARK_RUN_LIMIT = 48  # characters: a row of 15 cells (table 四) of marks of three at most; longer is a rule
MARK_RUN_CHARS = 2  # a run this long between two letters is marks, whatever the labels print
PIPE_SIDES = frozenset("|:")  # a Markdown pipe cell's edges (``:---:`` aligns a column)
# the unit of a mark run printed right before a number whose last ``-`` may be that number's
# sign (``7-120``: 7, −12, 0 or 7, a dash and 120): only a signed cell (本年增/减) could take it
SIGN_OR_MARK = "sign-or-mark"


_CODE_BESIDE = frozenset(":._~%=?&#@")  # what stands beside a slash or hyphen of a path or an address


def _table_line(text: str) -> bool:
    """Is this line a table printed on one line, whose marks may be glued to its numbers? A
    line with a mark character (or a mark word glued to a number or a mark) holding :data:`TABLE_LINE_PHRASES`+ template labels (§30's
    test): a page's footer ``2/3``, a running date or a line of a paged text is none."""
    text = nfkc(text)
    return (_MARK_RUN.search(text) is not None or _WORD_MARK_TOUCHES.search(text) is not None) and \
        sum(1 for seg in segment(text) if seg.phrases) >= TABLE_LINE_PHRASES


def _mark_runs(part: str, digit_before: bool, digit_after: bool, prev: str = "", nxt: str = ""
               ) -> list[tuple[object, bool]] | None:
    """A word of free text cut at the runs of marks glued into it: [(word, False) or
    (readings of a run, True)], or None where it holds no such run (the word as before).
    ``prev`` and ``nxt``: the letters of the words before and after it, across the space.

    A run of mark characters is cells where it touches a digit (``0——0``: the text between two
    numbers), or stands between words (``信息///////(六)``: a row of marks between two labels;
    ``行政许可-第二十条``: a row of one cell). A run that is the whole word between spaces
    stays as before (one mark, or text); one mark between the two letters a template label
    prints it between (``增/减``, :func:`_label_marks`) is that label's, and one beside a Latin
    letter or an address's punctuation is a path's or a word's; a run
    beside a digit the text kept (``2023/01/15``, ``http://1.2.3.4``: not a count) is no cell."""
    if not part:
        return None
    found = list(_MARK_RUN.finditer(part))
    if not found:
        return None
    out: list[tuple[object, bool]] = []
    last = 0
    for m in found:
        a, b = m.span()
        touches_digit = (a == 0 and digit_before) or (b == len(part) and digit_after)
        whole = a == 0 and b == len(part)
        if b - a > MARK_RUN_LIMIT:
            continue  # a rule line (``|---|---|``), no row's cells
        # the run with a letter each side, across a space (``本年增/ 减``; at the text's edge,
        # a line that starts ``/减``: one side, part of the label's)
        around = (part[a - 1] if a > 0 else prev) + m.group() + (part[b] if b < len(part) else nxt)
        if around[0] in PIPE_SIDES and around[-1] in PIPE_SIDES:
            continue  # a pipe table's cell, whole (a Markdown rule line's ``|------|``): not glued
        if not touches_digit and (whole or (b - a < MARK_RUN_CHARS and any(around in lm for lm in _label_marks()))):
            continue
        if any(c.isascii() and (c.isalpha() or c in _CODE_BESIDE) for c in (around[0], around[-1])):
            continue  # a path's or an address's slash (``example.gov.cn/zwgk/``), a word's hyphen
        if (b < len(part) and part[b].isdigit() and not _LABEL_NUMBER.match(part, b)) \
                or (a > 0 and part[a - 1].isdigit()):
            continue  # beside a digit left in the text (a date's, a URL's; not a label's number): no cell
        if a > last:
            out.append((part[last:a], False))
        out.append((_run_readings(m.group(), b == len(part) and digit_after), True))
        last = b
    if not out:
        return None
    if last < len(part):
        out.append((part[last:], False))
    return out


@lru_cache(maxsize=1)
def _label_marks() -> frozenset[str]:
    """The mark characters the template's labels print between two letters, each with its
    two letters (``增/减``): where a one-line text prints one, it is the label's, not a cell."""
    from ..template.formats import FORMATS
    from ..template.labels import _phrases_of
    return frozenset(t[k - 1:k + 2] for fmt in FORMATS.values() for t, _ in _phrases_of(fmt)
                     for k in range(1, len(t) - 1) if t[k] in MARK_CHARS and t[k - 1] not in MARK_CHARS
                     and t[k + 1] not in MARK_CHARS)


def _run_readings(run: str, before_number: bool) -> list[Reading]:
    """The tokens of a glued run of marks: one a mark where the run splits into marks in
    only one way (``///``: three; ``—``), else one NA token marked ``glued`` whose count of
    cells the aligner decides (``————``: two to four). A run ending in a ``-`` right before a
    number is glued with :data:`SIGN_OR_MARK`: that ``-`` may be the number's sign."""
    ways, _, only = _mark_ways(run)
    sign = before_number and run.endswith("-")
    if ways == 1 and not sign:
        return [(NA, mark, None, None, False) for mark in only]
    return [(NA, run, None, SIGN_OR_MARK if sign else None, True)]


@lru_cache(maxsize=1024)
def _mark_ways(run: str) -> tuple[int, frozenset[int], tuple[str, ...]]:
    """How ``run`` reads as a sequence of marks, without listing the ways (a run of n dashes
    reads in Fibonacci(n) ways): their number (1, or 2 for two or more), the counts of marks
    they make, and the one way where there is only one. Built from the run's end."""
    ways = [0] * len(run) + [1]
    counts: list[frozenset[int]] = [frozenset()] * len(run) + [frozenset({0})]
    first = [""] * (len(run) + 1)
    for i in range(len(run) - 1, -1, -1):
        fits = [m for m in _MARKS if run.startswith(m, i) and ways[i + len(m)]]
        ways[i] = min(2, sum(ways[i + len(m)] for m in fits))
        counts[i] = frozenset(c + 1 for m in fits for c in counts[i + len(m)])
        first[i] = fits[0] if len(fits) == 1 else ""
    only: list[str] = []
    at = 0
    while ways[0] == 1 and at < len(run):
        only.append(first[at])
        at += len(first[at])
    return ways[0], counts[0], tuple(only)


def mark_counts(run: str) -> tuple[int, ...]:
    """The numbers of cells a glued run of marks may hold (``————``: 2, 3, 4)."""
    return tuple(sorted(_mark_ways(run)[1]))
