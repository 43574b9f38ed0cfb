"""Table 三 cut by its columns, in running text: the two pieces' rows joined line by line.

:mod:`.colsplit` joins two grids that each print table 三's label block with some of its
columns. A text rendering of the same page (a text browser's dump, a crawler's lines, a PDF's
text layer) keeps no grid: each piece is a run of lines, one a row, its label then its values
(``一、本年新收政府信息公开申请数量   0   0   0   0``), a wrapped label's second line with no
value. What still ties the two runs together is what the template fixes:

- both runs print the same rows, from table 三's first row to its last (``四、结转下年度继续办理``,
  the template's last row, in either format): the same words over the run (the keys of
  its lines without their trailing values, :func:`ogi.template.normalize.label_key`: the same
  characters, however the pieces' widths wrapped them), as many value lines, and each pair
  of value lines — the k-th of each run — printing words of one row (the same key, or
  :data:`SHARED_CHARS` characters of it in a row: a label wraps at another place in a piece of
  another width, and a label spanning rows prints at another line of its span);
- a value line prints the same number of values in every row of a run — ``n`` in the first
  and ``7 − n`` in the second, so the two together are the seven columns;
- the first run's header (its lines from the last ``申请人情况`` above its first row) prints
  ``自然人`` — the template's first column — and not ``总计``, its last; the second's prints no
  ``自然人`` (each label read as its characters in order over the header's lines: a cell
  wrapped in a narrow column prints a character a line between the other cells' pieces).
  The first piece holds the first columns, the second the rest;
- every row confirms it: the first six of its seven values add up to the seventh (the row
  identity ``T3_ROW_TOTAL``), and at least one row prints a total above 0, so the identity
  is not met by zeros alone — or, a table of zeros, the headers name the columns each piece
  holds (:func:`_named`): the characters of each header's lines are exactly those of one set
  of applicant headers and of words that name no column (申请人情况, 法人或其他组织, the
  column note), counted, not read in order (a narrow column wraps its label among the
  others'), and the two sets are ``n`` and ``7 − n`` of the seven, each once. The identity
  is needed only to pair rows whose header does not say which columns they hold.

A second piece may print one value more a row, right of its 总计, under a header of last
year's totals (上年同期, 上年总计 … whole in its header: :data:`LAST_YEAR_WORDS`, the rest of
the header naming columns with 总计 among them). Its last value is last year's where the
rows add up with it left out and, with any other of the piece's values left out instead,
some row does not (:func:`_last_year_read`); it is then left out of the join, with a finding.

Text renderings print the same rows in other shapes, read so where the line-a-row reading
finds no two pieces:

- a cell a line (docx2txt, LibreOffice's text export, a soup's lines, mammoth's Markdown):
  each count alone on a line is one more value of the line above it (:func:`_grouped`), so
  a row is its label's line and the values under it; where the two pieces join, the second
  piece's value lines move under the first piece's row (:func:`_cells_spliced`), each with
  the place the page printed it;
- a line of values alone (a PDF's text layer prints a row's values between a wrapped label's
  lines) is a value line with no words; such a line, or one whose label the other piece
  wraps elsewhere, is paired by the words of the lines above and below it;
- the header a Word table prints again at a page's top is no row of a run: from a line
  printing 申请人情况, or a line of header characters that prints a header label of four
  characters or more, while the lines print only header characters (:data:`HEADER_CHARS`);
- a TAB or Markdown text whose ``续表`` line cut the pieces into two ragged grids: the two
  grids, each printing the first row label once, read as one (:func:`_grids_joined`).

Where all hold (:func:`lines_joined`), each value line of the first run gets the second run's
values after its own (as printed, with their separators), and the second run — its header
and its rows — is dropped (:func:`rows_joined` does the same on a grid whose ragged rows print
both pieces one under the other — Markdown's, a TAB-separated text's — cell by cell): the report reads one table 三, as printed in one piece. The
header left is the first piece's; the values' columns are their places in the joined row, as
for any table in text. Where any fails the text is left as it is, and a page printing table
三's first row twice stays refused (``extract.twice``) — two whole tables print seven values
a row each, never ``n`` and ``7 − n``."""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, replace
from difflib import SequenceMatcher
from itertools import product
from operator import attrgetter

from ..document import Block, Cell, Document, Paragraph, Table
from ..model import Finding
from ..template.formats import APPLICANT_COLUMNS, FORMATS, T3_HEADERS
from ..template.normalize import label_key
from .colsplit import (
    FIRST_CHAR,
    FIRST_ROW,
    MOST_BETWEEN,
    N_HEADERS,
    TOTAL,
    _between,
    count,
)

LAST_ROWS = tuple({label_key(FORMATS[f].table3.rows[-1].label or "") for f in ("2019", "2021")})  # 四、结转…
TABLE_HEADER = label_key("申请人情况")  # where table 三's header starts
HEADER_CHARS = frozenset("".join(label_key(h) for h in T3_HEADERS))  # what table 三's header prints
HEADER_WORDS = tuple(k for h in T3_HEADERS if len(k := label_key(h)) >= 4)  # ... a line of it no row prints
APPLICANT_KEYS = tuple(label_key(m.label) for m in APPLICANT_COLUMNS)  # 自然人 … 总计, the seven columns
# what a header prints that names no column, each printed once or not at all: the headers over
# several columns (申请人情况, 法人或其他组织) and the column note in the corner cell, whole or one of
# its two halves (本列数据的勾稽关系为 / 第一项加…); 小计 names a column none of the seven is, so is none
UNNAMING = (label_key("申请人情况"), label_key("法人或其他组织"),
            label_key("本列数据的勾稽关系为"), label_key("第一项加第二项之和等于第三项加第四项之和"))
_UNNAMING_SETS = tuple(sum((Counter(w) for w, on in zip(UNNAMING, bits) if on), Counter())
                       for bits in product((0, 1), repeat=len(UNNAMING)))
# each set of applicant headers by the characters it prints (the keys' multiset)
_BY_CHARS: dict[frozenset, list[frozenset[str]]] = {}
for _bits in product((0, 1), repeat=len(APPLICANT_KEYS)):
    _set = frozenset(k for k, on in zip(APPLICANT_KEYS, _bits) if on)
    _BY_CHARS.setdefault(frozenset(Counter("".join(_set)).items()), []).append(_set)
GROUP_HEADER = label_key("法人或其他组织")  # the header over the five organisations, one header row
GROUP_OTHER = label_key("或其他")  # ... a piece of it a narrow column wraps (法人或其他 / 组织): no 其他 column
ORG_KEYS = APPLICANT_KEYS[1:-1]  # 商业企业 … 其他, the organisations in the template's order
FIRST_HEADER = label_key("自然人")  # the template's first applicant column
LAST_HEADER = label_key("总计")  # ... and its last
SHARED_CHARS = 4  # characters: two lines of one row print this many of its words in a row at least
MOST_HEADER_LINES = 16  # lines: a header in narrow columns (seven labels two lines each, 申请人情况, 法人…)
_TEXT = attrgetter("text")
# a header of last year's totals right of 总计 (yearcols' _LAST_COLUMN: 上年同期, 上年度总计, 去年数 …),
# every word it matches, longest first
LAST_YEAR_WORDS = tuple(sorted((f"{y}{p}{t}" for y in ("上年", "上年度", "去年") for p in ("", "同期")
                                for t in ("", "总计", "合计", "数")), key=len, reverse=True))
_PRINTED_LAST = re.compile(r"[ \t\u3000|]*(?:\d{1,3}(?:,\d{3})+|\d+)$")  # a printed run's last value
# 收 then 政 with nothing a key keeps between them: what a text whose key begins with the first row
# label (一本年新收政府…) prints — no other character's NFKC or traditional form gives 收 or 政, and a
# character the key drops is none of these (ASCII letters and digits, ideographs keep their own).
# A match never runs over a word character, so each cell that can begin so holds a match of its own
_FIRST_ROW_PIECE = re.compile(f"{FIRST_CHAR}[^0-9A-Za-z\u3400-\u4dbf\u4e00-\u9fff]*政")
_COUNT = re.compile(r"\d{1,3}(?:,\d{3})+|\d+")  # a paragraph that is a count alone (a cell a line)
# a line's trailing values: counts (digits, thousands' commas) each after spaces, a TAB or a
# pipe — or the first at the line's start: a line of values alone (a PDF's text prints a
# row's values on a line of their own where its label wraps)
_VALUES = re.compile(r"((?:(?:^|[ \t\u3000|]+)(?:\d{1,3}(?:,\d{3})+|\d+))+)[ \t\u3000|]*$")


@dataclass(frozen=True, slots=True)
class Line:
    """A paragraph read as a row: the key of its words, its trailing values and their text."""

    key: str
    values: tuple[int, ...]
    printed: str  # the values as printed, their separators with them


@dataclass(frozen=True, slots=True)
class Run:
    """A piece's lines from its first row to its last: the keys of their words joined
    (``words``), and each value line's index, the span of its own words in ``words``, and
    its reading; ``end`` is the index of its last line."""

    words: str
    rows: tuple[tuple[int, int, int, Line], ...]
    end: int
    near: tuple[str, ...] = ()  # each value line's words with those of the lines above and below


def lines_joined(doc: Document) -> tuple[Document, list[Finding]]:
    """``doc`` with table 三's two pieces, printed as runs of lines (or of a grid's rows),
    joined (module docstring), and the findings of the join (none: not joined); the same
    document and no finding where they are not."""
    texts = [b.text if isinstance(b, Paragraph) else None for b in doc.blocks]
    if _twice([t for t in texts if t is not None]):  # (else no line is read: cheap)
        pair = _pieces([_line(t) if t is not None else None for t in texts])
        if pair is not None:
            out = list(doc.blocks)
            for (i, _, _, _), (_, _, _, line) in zip(pair[0].rows, pair[1].rows, strict=True):
                par = out[i]
                assert isinstance(par, Paragraph)
                out[i] = replace(par, text=par.text.rstrip() + line.printed)
            del out[pair[2]:pair[1].end + 1]
            return replace(doc, blocks=out), _findings(pair[3])
        groups = _grouped(texts)  # a value a line (a cell a line): each row's values read with its label
        pair = _pieces([line for _, _, line in groups])
        if pair is not None:
            return _cells_spliced(doc, groups, pair), _findings(pair[3])
    for k, block in enumerate(doc.blocks):
        if isinstance(block, Table) and (joined := _rows_joined(block)) is not None:
            return replace(doc, blocks=[*doc.blocks[:k], joined[0], *doc.blocks[k + 1:]]), _findings(joined[1])
        if isinstance(block, Table) and (two := _grids_joined(doc.blocks, k)) is not None:
            table, m, extra = two
            return (replace(doc, blocks=[*doc.blocks[:k], table, *doc.blocks[k + 1:m], *doc.blocks[m + 1:]]),
                    _findings(extra))
    return doc, []


def _findings(extra: int) -> list[Finding]:
    """A join's findings: the join's, and — where the second piece printed last year's totals
    right of 总计 — that column's, left out."""
    from .colsplit import _joined_finding  # (it imports this module)

    return [_joined_finding(), *([_last_year_finding()] if extra else [])]


def _last_year_finding() -> Finding:
    return Finding.of(
        "TEMPLATE_DEVIATION", "表三在总计右侧另印上年数一列,该列未读入(各行前六列之和等于总计,已核)",
        "table 三 prints a column of last year's figures right of 总计; it is left (each row's six sum to its 总计)",
        "table3")


def _grids_joined(blocks: list[Block], k: int) -> tuple[Table, int, int] | None:
    """The ragged grid at ``k`` and the next one — a ``续表``, a page number between, at most
    :data:`~.colsplit.MOST_BETWEEN` short lines and no table (:func:`.colsplit._between`),
    each printing table 三's first row once — read as one grid whose rows print the two
    pieces one under the other (:func:`rows_joined`: a TAB text whose 续表 line cut it into
    two grids), joined, and the index of the second; None where they are not two pieces."""
    m = k + 1
    while m < len(blocks) and m - k - 1 < MOST_BETWEEN and isinstance(blocks[m], Paragraph) and _between(blocks[m]):
        m += 1
    first, second = blocks[k], blocks[m] if m < len(blocks) else None
    if not isinstance(first, Table) or not isinstance(second, Table) or not _once(first) or not _once(second):
        return None
    height = len(first.rows())
    both = replace(first, cells=[*first.cells, *(replace(c, row=c.row + height) for c in second.cells)])
    joined = _rows_joined(both)
    return None if joined is None else (joined[0], m, joined[1])


def _grouped(texts: list[str | None]) -> list[tuple[int, int, Line | None]]:
    """The paragraphs read as rows where a text prints a cell a line: each paragraph that is
    a count alone (:data:`_COUNT`) read as one more value of the line above it, the
    paragraphs ``first`` … ``last`` of each row with their reading (None: a block no line)."""
    groups: list[tuple[int, int, Line | None]] = []
    for i, text in enumerate(texts):
        value = _COUNT.fullmatch(text.strip()) if text is not None else None
        if value is not None and groups and (last := groups[-1][2]) is not None:
            v = value.group(0)
            groups[-1] = (groups[-1][0], i, Line(last.key, (*last.values, int(v.replace(",", ""))),
                                                  f"{last.printed} {v}"))
        else:
            groups.append((i, i, _line(text) if text is not None else None))
    return groups


def _cells_spliced(doc: Document, groups: list[tuple[int, int, Line | None]],
                   pair: tuple[Run, Run, int, int]) -> Document:
    """``doc`` with each row of the first piece given the second's values after its own and
    the second piece (from its header's first paragraph to its last row's last value)
    dropped, where :func:`_grouped` read the rows: a second piece's row printed a value a
    line keeps its value paragraphs (each where the page printed it); otherwise its values
    are written after the first piece's row's last value, as printed."""
    one, two, top, extra = pair
    out: list[Block] = list(doc.blocks[:groups[top][0]])
    out += doc.blocks[groups[two.end][1] + 1:]
    for (i, _, _, _), (j, _, _, line) in reversed(list(zip(one.rows, two.rows, strict=True))):
        first, last, _ = groups[i]
        second, end, _ = groups[j]
        label = doc.blocks[second]
        if last > first and end > second and isinstance(label, Paragraph) and not _line(label.text).values:
            out[last + 1:last + 1] = doc.blocks[second + 1:end + 1 - extra]  # (not last year's)
        else:
            par = out[last]
            assert isinstance(par, Paragraph)
            out[last] = replace(par, text=par.text.rstrip() + line.printed)
    return replace(doc, blocks=out)


def rows_joined(table: Table) -> Table | None:
    """A grid whose rows print table 三's two pieces one under the other, each row a label
    and its values (a Markdown or TAB-separated text's one grid, ragged: its cells in no
    columns), with the second piece's values after the first's in each row and the second
    piece's rows dropped; None where they are no two pieces of one table."""
    joined = _rows_joined(table)
    return None if joined is None else joined[0]


def _rows_joined(table: Table) -> tuple[Table, int] | None:
    """:func:`rows_joined`'s table and the values each second piece's row printed after its
    总计 and were left out (1: last year's totals)."""
    if len(_FIRST_ROW_PIECE.findall("\n".join(map(_TEXT, table.cells)))) < 2:
        return None  # no two cells can begin with the first row label (read in C, most tables)
    rows = table.rows()
    if not _twice([next((c.text for c in cells if c.text.strip()), "") for cells in rows]):
        return None
    pair = _pieces([_row(cells) for cells in rows])
    if pair is None:
        return None
    one, two, top, extra = pair
    drop = range(top, two.end + 1)
    if any(c.row < top < c.row + c.rowspan or c.row <= two.end < c.row + c.rowspan - 1 for c in table.cells):
        return None  # a cell spans into the rows dropped
    cells = [c for c in table.cells if c.row not in drop]
    for (i, _, _, _), (j, _, _, _) in zip(one.rows, two.rows, strict=True):
        end = max(c.col + c.colspan for c in rows[i])
        printed = [c for c in rows[j] if c.text.strip()]
        values = printed[len(printed) - extra - N_HEADERS + len(_row(rows[i]).values):len(printed) - extra]
        cells += [replace(c, row=i, col=end + n, rowspan=1, colspan=1) for n, c in enumerate(values)]
    shift = len(drop)
    cells = [replace(c, row=c.row - shift) if c.row > two.end else c for c in cells]
    return replace(table, cells=sorted(cells, key=lambda c: (c.row, c.col))), extra


def _once(table: Table) -> bool:
    """Does the grid print table 三's first row label (at a row's start) once: a piece?"""
    return _first_rows([next((c.text for c in cells if c.text.strip()), "") for cells in table.rows()]) == 1


def _first_rows(texts: list[str]) -> int:
    """How many of the texts print table 三's first row label at their start."""
    return sum(1 for t in texts if FIRST_CHAR in t and label_key(t).startswith(FIRST_ROW))


def _twice(texts: list[str]) -> bool:
    """Do the texts print table 三's first row label (at their start) twice?"""
    return _first_rows(texts) == 2


def _pieces(lines: list[Line | None]) -> tuple[Run, Run, int, int] | None:
    """The two pieces' runs in ``lines``, the first line of the second's header and how many
    values each row of the second prints after its 总计 (1: a column of last year's totals,
    :func:`_last_year_read`; its values are left out of the second run's lines), where they
    are two pieces of one table (module docstring); None where they are not."""
    firsts = [i for i, line in enumerate(lines) if line is not None and line.key.startswith(FIRST_ROW)]
    if len(firsts) != 2:
        return None
    a, b = firsts
    one, two = _run(lines, a, b), _run(lines, b, len(lines))
    if one is None or two is None:
        return None
    top_a, top_b = _header_top(lines, a), _header_top(lines, b)
    if top_a is None or top_b is None or top_b <= one.end or not _headers_hold(lines, top_a, a, top_b, b):
        return None
    first = _named(_header_words(lines, top_a, a))
    second, last_year = _second_named(_header_words(lines, top_b, b))
    n = len(one.rows[0][3].values) if one.rows else 0
    extra = 0
    if last_year:
        if second is None or LAST_HEADER not in second or not _last_year_read(one, two):
            return None
        two, extra = _last_year_left(two), 1
    named = (first is not None and second is not None and len(first) == n
             and len(second) == N_HEADERS - n and first | second == set(APPLICANT_KEYS))
    ordered = _in_template_order(_header_words(lines, top_a, a), _header_words(lines, top_b, b))
    if not _rows_pair(one, two, named, ordered):
        return None
    return one, two, top_b, extra


def _in_template_order(first: str, second: str) -> bool:
    """Does nothing the two headers print whole say their columns stand in another order than
    the template's? The organisations under 法人或其他组织 are one header row of one-row cells:
    a text prints each that fits one line whole, on one line with the others that do, in their
    columns' order — the first piece's before the second's. (Where 自然人 and 总计 stand is not
    told so: a PDF prints a cell spanning the header's rows at its middle, after the group.)
    The joined row's values are read by their places (the template's order), which the row
    identity confirms only for 总计 — a summand's place is the header's word alone."""
    both = f"{first}|{second}".replace(GROUP_HEADER, "|").replace(GROUP_OTHER, "|")
    places = [both.find(k) for k in ORG_KEYS if both.count(k) == 1]
    return places == sorted(places)


def _header_words(lines: list[Line | None], top: int, first: int) -> str:
    return "".join(line.key for line in lines[top:first] if line is not None)


def _second_named(header: str) -> tuple[frozenset[str] | None, bool]:
    """The second piece's header read as :func:`_named` reads one, and whether it prints a
    header of last year's totals (:data:`LAST_YEAR_WORDS`, whole, once) beside the columns
    it names — each reading of which word it is naming the same columns; (None, True) where
    it prints one but the rest names no columns with certainty."""
    named = _named(header)
    if named is not None:
        return named, False
    found = {n for w in LAST_YEAR_WORDS if header.count(w) == 1 and (n := _named(header.replace(w, ""))) is not None}
    if not any(w in header for w in LAST_YEAR_WORDS):
        return None, False
    return (next(iter(found)) if len(found) == 1 else None), True


def _last_year_read(one: Run, two: Run) -> bool:
    """Does every row of the second run print one value more than its share of the seven
    (``7 − n + 1``), the last being last year's with certainty: read with it left out every
    row adds up (checked by :func:`_rows_pair`), and read with any other of the second's
    values left out instead some row does not (as ``yearcols`` asks of a whole table's eighth)?"""
    n = len(one.rows[0][3].values) if one.rows else 0
    if not two.rows or any(len(y.values) != N_HEADERS - n + 1 for _, _, _, y in two.rows):
        return False
    for p in range(N_HEADERS - n):  # each other value of the second piece left out instead
        if all(sum(row[:TOTAL]) == row[TOTAL] for row in (
                x.values + y.values[:p] + y.values[p + 1:] for (_, _, _, x), (_, _, _, y) in zip(one.rows, two.rows))):
            return False
    return True


def _last_year_left(run: Run) -> Run:
    """The run with each value line's last value (last year's) left out, as printed too."""
    rows = tuple((i, s, e, Line(line.key, line.values[:-1], _PRINTED_LAST.sub("", line.printed)))
                 for i, s, e, line in run.rows)
    return replace(run, rows=rows)


def _line(text: str) -> Line:
    m = _VALUES.search(text)
    if m is None:
        return Line(label_key(text), (), "")
    values = tuple(int(v.replace(",", "")) for v in re.findall(r"\d{1,3}(?:,\d{3})+|\d+", m.group(1)))
    printed = m.group(1).rstrip(" \t\u3000")
    return Line(label_key(text[:m.start()]), values, printed if m.start() else f" {printed}")  # (a separator before)


def _row(cells: list[Cell]) -> Line:
    """A grid's row read as a line: its last cells that print counts are its values, the
    text of the cells before them its words (empty cells are none of them)."""
    printed = [c for c in cells if c.text.strip()]
    n = 0
    while n < len(printed) and count(printed[len(printed) - 1 - n].text) is not None:
        n += 1
    values = tuple(v for c in printed[len(printed) - n:] if (v := count(c.text)) is not None)
    return Line(label_key("".join(c.text for c in printed[:len(printed) - n])), values, "")


def _run(lines: list[Line | None], first: int, stop: int) -> Run | None:
    """The piece's lines from its first row ``first`` to the value line of the template's
    last row (before ``stop``); None where a block between is no line, or it is not reached."""
    words = ""
    rows: list[tuple[int, int, int, Line]] = []
    near: list[str] = []
    header = False
    for i in range(first, stop):
        line = lines[i]
        if line is None:
            return None
        if not line.values and (TABLE_HEADER in line.key or set(line.key) <= HEADER_CHARS and (
                header or any(h in line.key for h in HEADER_WORDS))):
            header = True  # the header printed again at a page's top (a Word table's header rows): no row
            continue
        header = False
        if line.values:
            around = _around(lines, i, first, stop)
            rows.append((i, len(words), len(words) + len(line.key), line if line.key else replace(line, key=around)))
            near.append(around)
        words += line.key
        if line.values and line.key.startswith(LAST_ROWS):
            return Run(words, tuple(rows), i, tuple(near))
    return None


def _around(lines: list[Line | None], i: int, first: int, stop: int) -> str:
    """The words a value line stands among: its own with those of the lines right above and
    below it in its run (a PDF's text prints the values between a wrapped label's lines, or
    beside a piece of it that the other piece wraps elsewhere)."""
    above = lines[i - 1] if i > first else None
    below = lines[i + 1] if i + 1 < stop else None
    own = lines[i]
    return "".join(line.key for line in (above, own, below) if line is not None)


def _rows_pair(one: Run, two: Run, named: bool = False, ordered: bool = True) -> bool:
    """Are the two runs two pieces of one table: the same words, as many value lines, each
    pair over the same words (their own, or — a label wrapped elsewhere in each piece — with
    the lines above and below them), ``n`` and ``7 − n`` values, and every row's seven
    adding up, one total at least above 0 — or, where the headers name each piece's columns
    (``named``: each prints, by :func:`_named`, the columns its piece holds), totals of 0 alone
    (a table of zeros)? A table whose headers print its columns in another order than the
    template's (not ``ordered``) is joined only as a table of zeros: its summands' places are
    not the template's, and no identity tells them."""
    if sorted(one.words) != sorted(two.words) or len(one.rows) != len(two.rows):
        return False
    counts = {(len(x.values), len(y.values)) for (_, _, _, x), (_, _, _, y) in zip(one.rows, two.rows)}
    if len(counts) != 1 or sum(next(iter(counts))) != N_HEADERS:
        return False
    above = False
    for (_, _, _, x), (_, _, _, y), near_x, near_y in zip(one.rows, two.rows, one.near, two.near, strict=True):
        row = x.values + y.values
        if not (_same_row(x.key, y.key) or _same_row(near_x, near_y)) or sum(row[:TOTAL]) != row[TOTAL]:
            return False
        above = above or row[TOTAL] > 0
    return (above and ordered) or (named and not above)


def _same_row(one: str, two: str) -> bool:
    """Do two value lines print words of one row: the same words, or :data:`SHARED_CHARS`
    of them in a row (a label wrapped at another place in a piece of another width)?"""
    if one == two:
        return True
    m = SequenceMatcher(None, one, two, autojunk=False).find_longest_match(0, len(one), 0, len(two))
    return m.size >= SHARED_CHARS


def _header_top(lines: list[Line | None], first: int) -> int | None:
    """The line of the last ``申请人情况`` above the row ``first``, within the header's lines."""
    for i in range(first - 1, max(first - 1 - MOST_HEADER_LINES, -1), -1):
        line = lines[i]
        if line is None or line.values:
            return None
        if TABLE_HEADER in line.key:
            return i
    return None


def _headers_hold(lines: list[Line | None], top_a: int, a: int, top_b: int, b: int) -> bool:
    """Does the first header print 自然人 and no 总计, the second no 自然人 — each read as its
    characters in order over the header's lines (a header cell wrapped in a narrow column
    prints a character or two a line, between the other cells' pieces)?"""
    first = "".join(line.key for line in lines[top_a:a] if line is not None)
    second = "".join(line.key for line in lines[top_b:b] if line is not None)
    return _prints(first, FIRST_HEADER) and not _prints(first, LAST_HEADER) and not _prints(second, FIRST_HEADER)


def _named(header: str) -> frozenset[str] | None:
    """The applicant headers a header's words print, where its characters are exactly those
    of one set of them and of the words that name no column (:data:`UNNAMING`), each printed
    once or not at all — counted as characters, not read in order, since a narrow column
    wraps a header a character or two a line among the other cells' pieces; None where no
    set or more than one explains them (a 小计, a caption, a header printed twice: the
    header does not name the columns)."""
    have = Counter(header)
    found: set[frozenset[str]] = set()
    for extra in _UNNAMING_SETS:
        if all(have[ch] >= n for ch, n in extra.items()):
            found.update(_BY_CHARS.get(frozenset((have - extra).items()), ()))
    return next(iter(found)) if len(found) == 1 else None


def _prints(text: str, label: str) -> bool:
    """Are the label's characters in ``text``, in order?"""
    rest = iter(text)
    return all(ch in rest for ch in label)


__all__ = ["lines_joined", "rows_joined"]
