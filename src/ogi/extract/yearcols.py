"""Table 四 printed with last year's row beside this year's: this year's row read, the others left.

The format's table 四 is one row of fifteen values under its header (行政复议's five results,
行政诉讼's two blocks of five). Some agencies compare it with the year before: a label column
(headed 项目, 时间, 年度 …) and a row a year — chronological (``2022年`` then ``2023年``) or
this year first (``本年度`` then ``上年度``) — sometimes with a difference row (``比上年增减``,
``同比增减``) whose values may be negative. Read by position, every row's values compete for
the one row the template has: the aligner cannot tell which is this year's and leaves table
四 null (ROW_AMBIGUOUS) — safe, but fifteen cells unread where the labels say which row is
the report's.

Where table 四 is a grid (a web page, a Word file, a Markdown or CSV table with its cells),
this pass finds it by its header (a ``行政复议`` cell over five result columns, as
:mod:`.colorder_t4` finds it), and looks at the first cell of every row below the header:
each must be a row label of a comparison (:func:`row_kind`: a year, 本年/本年度, 上年/上年度/
去年/上年同期, or a difference: 增减/增长/变化 …), at least two of them, and exactly one of
them this year's — ``本年``/``本年度``, or the year the report's metadata gives (its title,
its statistics period: :func:`ogi.extract.meta.read_meta`), which must be the latest year
printed (a report cannot hold a later year's figures). Then the table keeps its header and
that one row, without the label column, as the format prints it; the other rows go, and a
finding says which were left. Anything else — a label not a comparison's, two rows that could
be this year's, no year known, this year not the latest — leaves the table as printed (read
by position, null where ambiguous, as before): a number is never taken from a row the labels
do not name as this year's."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import replace

from ..document import Cell, Document, Paragraph, Table
from ..model import Finding
from ..template.formats import T4_RESULTS
from ..template.normalize import label_key, nfkc
from .colorder_t4 import BLOCKS
from .meta import read_meta

REVIEW_KEY = label_key(BLOCKS[0])  # 行政复议 and 行政诉讼: the block headers that mark table 四's grid
LITIGATION_KEY = label_key("行政诉讼")
_HEADER_KEYS = frozenset((LITIGATION_KEY, *map(label_key, BLOCKS), *(label_key(m.label) for m in T4_RESULTS)))
VALUES = 15  # table 四's values in a row: three blocks of five results
MIN_ROWS = 2  # a comparison prints this year's row and at least one other

THIS, LAST, DELTA = "this", "last", "delta"
# labels of this year's row, last year's row, and a difference row (keys: letters and ideographs)
_THIS = frozenset(("本年", "本年度", "今年", "本期", "本年数", "本年度数"))
_LAST = frozenset(("上年", "上年度", "去年", "上年同期", "上期", "上年数", "上年度数"))
_DELTA = re.compile(r"^(?:比上年|较上年|同比|与上年相比|比去年)?(?:增减|增长|变化|增减变化|增减情况|增减数|变动)$")
_YEAR = re.compile(r"^(20\d\d)年?度?$")


def row_kind(text: str) -> tuple[str, int | None] | None:
    """What a comparison's row label says: (THIS, None), (LAST, None), (DELTA, None), or
    ("year", Y) for a year ``Y``; None for any other label."""
    key = label_key(nfkc(text))
    if key in _THIS:
        return THIS, None
    if key in _LAST:
        return LAST, None
    if _DELTA.match(key):
        return DELTA, None
    m = _YEAR.match(key)
    return ("year", int(m.group(1))) if m else None


def this_years_rows(doc: Document) -> tuple[Document, list[Finding]]:
    """``doc`` with every table 四 grid that compares years cut to this year's row (and
    its label column), and a finding each; the same document and no findings where none is."""
    candidates = [i for i, b in enumerate(doc.blocks) if isinstance(b, Table) and _label_column(b) is not None]
    if not candidates:
        return doc, []
    year = read_meta(doc.text().split("\n"), doc.meta).year
    blocks = list(doc.blocks)
    findings: list[Finding] = []
    for i in candidates:
        table = blocks[i]
        assert isinstance(table, Table)  # candidates are tables
        cut = _cut(table, year)
        if cut is not None:
            blocks[i], finding = cut
            findings.append(finding)
    return (replace(doc, blocks=blocks), findings) if findings else (doc, [])


def _may_name_both(text: str) -> bool:
    """False only where no cell of ``text`` can be keyed 行政复议 and another 行政诉讼: the text
    lacks 议 or 讼 (in either script: a key folds 議, 訟) and NFKC leaves it as it is."""
    return (("议" in text or "議" in text) and ("讼" in text or "訟" in text)) or not (
        text.isascii() or unicodedata.is_normalized("NFKC", text))


def _label_column(table: Table) -> tuple[int, list[list[Cell]]] | None:
    """Where ``table`` is table 四 whose rows below the header each start with a row label of a
    comparison (:func:`row_kind`): the last header row's end and those rows; else None. The
    header is found by its labels (a 行政复议 and a 行政诉讼 cell, the result labels under them),
    not its spans: a Markdown or wiki table keeps its cells but loses the spans, and its header
    rows' labels shift left, while its rows below keep their cells in place."""
    if not _may_name_both(" ".join(c.text for c in table.cells)):
        return None  # no cell can be keyed 行政复议 and 行政诉讼: asked in C before a key is built
    keys = {label_key(c.text) for c in table.cells if c.text}
    if REVIEW_KEY not in keys or LITIGATION_KEY not in keys:
        return None
    header_end = 1 + max(c.row + c.rowspan - 1 for c in table.cells if label_key(c.text) in _HEADER_KEYS)
    rows = [r for r in table.rows()[header_end:] if any(c.text.strip() for c in r)]
    if len(rows) < MIN_ROWS or any(r[0].col != 0 or row_kind(r[0].text) is None for r in rows):
        return None
    return header_end, rows


def _cut(table: Table, year: int | None) -> tuple[Table, Finding] | None:
    """``table`` with its header and this year's row only, that row's label cell left out
    (the format's table 四 prints no label), and the finding; None where no row is certain."""
    found = _label_column(table)
    if found is None:
        return None
    header_end, rows = found
    this = _this_row([row_kind(r[0].text) for r in rows], year)
    if this is None:
        return None
    row = rows[this]
    values = row[1:]
    if len(values) != VALUES or any(c.colspan != 1 or c.rowspan != 1 for c in values):
        return None
    kept = [c for c in table.cells if c.row < header_end] + [replace(c, row=header_end) for c in values]
    left = [r[0].text.strip() for k, r in enumerate(rows) if k != this]
    return Table(kept, table.pos), _finding(row[0].text.strip(), left)


def _this_row(kinds: list[tuple[str, int | None] | None], year: int | None) -> int | None:
    """The one row of ``kinds`` that is this year's: labelled 本年(度), or the report's
    year where it is the latest printed; None where no row or more than one is (a 本年度 row
    beside the report's year's row is two)."""
    this = [k for k, kind in enumerate(kinds) if kind and kind[0] == THIS]
    years = [kind[1] for kind in kinds if kind and kind[0] == "year" and kind[1] is not None]
    if year is not None and years and max(years) == year:
        this += [k for k, kind in enumerate(kinds) if kind == ("year", year)]  # 本年度 and 2023年: two rows
    return this[0] if len(this) == 1 else None


# ------------------------------------------------------------------ running text

# the pieces a text layer may cut a difference row's label into (``比上年 0 0 … ⏎ 增减``: a PDF's
# text prints the label's first line with the row's values, its second line after them)
_DELTA_HEADS = frozenset(("比上年", "较上年", "同比", "与上年相比", "比去年"))
_DELTA_TAILS = frozenset(("增减", "增长", "变化", "增减变化", "增减情况", "增减数", "变动"))
_TAILS = frozenset(("年", "度", "年度", *_DELTA_TAILS))  # a wrapped label's last line (本年 ⏎ 度, 2021 ⏎ 年)
_NUMBER = re.compile(r"^[+\-−]?[0-9]+$")
_BARE_YEAR = re.compile(r"^20[0-9][0-9]$")
_COUNT = re.compile(r"^[0-9]+$")  # a count as a text prints it (no sign: table 三 counts none)
HEADER_LINES_MAX = 60  # lines from table 四's 行政复议 header cell to its first row (a cell a line: ~25)


def this_years_text_rows(doc: Document) -> tuple[Document, list[Finding]]:
    """``doc`` with table 四's comparison rows in running text cut to this year's values, and
    a finding; the same document and no finding where they are not certain: read a row a
    line (:func:`_this_years_line_rows`), else glued on one line as a crawler prints them
    (:mod:`.yearcols_glued`)."""
    from .yearcols_glued import this_years_glued_rows  # it reads this module's labels: imported here

    doc, found = _this_years_line_rows(doc)
    return (doc, found) if found else this_years_glued_rows(doc)


def _this_years_line_rows(doc: Document) -> tuple[Document, list[Finding]]:
    """Table 四's comparison rows, a row a line (or its cells a line each).

    The rows are read line by line after table 四's header (from a line holding 行政复议,
    through lines without a digit, to the first line starting with a comparison's label):
    tokens split at spaces, each a number or a piece of a comparison's label, until a line
    that starts with anything else (the next heading). A label starts a row, its numbers
    follow; a label's piece printed after the row's numbers (a PDF's ``比上年 … ⏎ 增减``) ends
    that label. Every row must have a comparison's label and fifteen values, this year's one
    (:func:`_this_row`) fifteen counts that keep table 四's identity (each block's 总计 the sum
    of its four results) — else the text is left as printed. Those rows' lines become one
    line of this year's fifteen values, as the format prints table 四."""
    if not _ROW_START.search(_paragraphs(doc)):
        return doc, []  # no line starts with a comparison's label: nothing to read (one search)
    lines = _lines(doc)
    region = _text_region(lines)
    if region is None:
        return doc, []
    start, end, rows = region
    this = _this_row([row_kind(label) for label, _ in rows], read_meta(doc.text().split("\n"), doc.meta).year)
    if this is None or not _counts_sum(rows[this][1]):
        return doc, []
    values = " ".join(rows[this][1])
    dropped = {(i, k) for i, k, _ in lines[start:end]}
    first = lines[start][:2]
    blocks = list(doc.blocks)
    for i in sorted({i for i, _ in dropped}):
        para = blocks[i]
        assert isinstance(para, Paragraph)  # lines are read from paragraphs only
        kept = [values if (i, k) == first else line for k, line in enumerate(para.text.split("\n"))
                if (i, k) not in dropped or (i, k) == first]
        blocks[i] = replace(para, text="\n".join(kept))
    left = [label for k, (label, _) in enumerate(rows) if k != this]
    return replace(doc, blocks=[b for b in blocks if not isinstance(b, Paragraph) or b.text.strip()]), [
        _finding(rows[this][0], left)]


def _text_region(lines: list[tuple[int, int, str]]) -> tuple[int, int, list[tuple[str, list[str]]]] | None:
    """The first run of comparison rows after a 行政复议 header line: its first and past-last
    line and its rows (label, values); None where there is none read whole."""
    header = None
    for n, (_, _, line) in enumerate(lines):
        if "行政复议" in line:
            header = n
            continue
        if header is None or n - header > HEADER_LINES_MAX:
            continue
        tokens = line.split()
        if not tokens:
            continue
        if not _is_piece(tokens[0]):
            if any(ch.isdigit() for ch in line):
                header = None  # a digit before any row label: not a header over comparison rows
            continue
        found = _rows_from(lines, n)
        if found is not None:
            return found
        header = None  # a piece of a label that starts no rows read whole (a wrapped 本年度办理结果)
    return None


def _rows_from(lines: list[tuple[int, int, str]], start: int):
    rows: list[tuple[str, list[str]]] = []
    end = start
    for n in range(start, len(lines)):
        tokens = lines[n][2].split()
        if tokens and not (_NUMBER.match(tokens[0]) or _is_piece(tokens[0])):
            break
        for token in tokens:
            if _BARE_YEAR.match(token) and (not rows or len(rows[-1][1]) >= VALUES):
                rows.append((token, []))  # a year whose 年 a narrow cell wrapped to its next line
            elif _NUMBER.match(token):
                if not rows:
                    return None
                rows[-1][1].append(token.replace("−", "-"))
            elif not _is_piece(token):
                return None  # a line of rows with other text in it: not certain
            elif rows and (not rows[-1][1] or (token in _TAILS and row_kind(rows[-1][0] + token) is not None)):
                rows[-1] = (rows[-1][0] + token, rows[-1][1])  # a label's next piece
            else:
                rows.append((token, []))
        end = n + 1
    if len(rows) < MIN_ROWS or any(row_kind(label) is None or len(values) != VALUES for label, values in rows):
        return None
    return start, end, rows


def _is_piece(token: str) -> bool:
    """Is ``token`` a comparison's row label or a piece a text layer cuts one into?"""
    key = label_key(nfkc(token))
    return bool(key) and (row_kind(token) is not None or key in _DELTA_HEADS or key in _TAILS)


def _counts_sum(values: list[str]) -> bool:
    """Fifteen counts (none negative) whose every block's 总计 is the sum of its four results."""
    counts = [int(v) for v in values]
    if any(v < 0 for v in counts):
        return False
    return all(sum(counts[b:b + 4]) == counts[b + 4] for b in range(0, VALUES, len(T4_RESULTS)))


# ------------------------------------------------------------------ table 三's last-year column

# a header of last year's totals printed right of table 三's 总计 (上年同期, 上年总计, 去年同期数 …)
_LAST_COLUMN = re.compile(r"^(?:上年度?|去年)(?:同期)?(?:总计|合计|数)?$")
T3_START, T3_FIRST_ROW = "申请人情况", "本年新收"  # table 三's header starts at …, ends at its first row
T3_COLUMNS = 7  # table 三's values in a row: 自然人, the five organisations, 总计
T3_END = ("行政复议", "行政诉讼")  # table 四's heading or header: table 三 has ended


def last_year_column_dropped(doc: Document) -> tuple[Document, list[Finding]]:
    """``doc`` with table 三's column of last year's totals left out of its rows in running
    text, and a finding; the same document and none where that is not certain: its values
    spaced (:func:`_last_year_spaced_dropped`), else glued as a crawler prints them
    (:mod:`.yearcols_glued`)."""
    from .yearcols_glued import last_year_glued_column_dropped  # it reads this module's labels

    doc, found = _last_year_spaced_dropped(doc)
    return (doc, found) if found else last_year_glued_column_dropped(doc)


def _last_year_spaced_dropped(doc: Document) -> tuple[Document, list[Finding]]:
    """Table 三's last-year column where its values are spaced tokens.

    A grid says which column a value stands in, so there the column is ignored by its
    header. In running text a value's column is its place in the row, and a row of eight
    values cannot be placed. Where table 三's header (from 申请人情况 to the first row's
    label) prints a token that is a last-year header (:data:`_LAST_COLUMN`), every run of
    numbers in the table (numbers with no other token between, over lines: a row's values
    however a renderer wraps them) must be eight, and each must keep table 三's row identity
    read with the last value left (the first six sum to the seventh) — and some run must
    fail it read with the first left (so the eighth is not a first column's value moved).
    Then the eighth value of every run is taken out of its line. Anything else — a run of
    seven (two values glued), a run of nine, a sum that fails — leaves the text as printed:
    its rows are not placed, as before."""
    if not _last_year_token(_paragraphs(doc)):
        return doc, []  # no last-year header printed as a piece of its own (one search)
    lines = _lines(doc)
    runs = _table3_runs(lines)
    if runs is None:
        return doc, []
    runs = [chunk for run in runs for chunk in _rows_of(run)]
    dropped: set[tuple[int, int, int]] = set()  # (block, line, token) of each run's eighth value
    for run in runs:
        values = [int(lines[n][2].split()[t]) for n, t in run]
        if len(values) != T3_COLUMNS + 1 or sum(values[:T3_COLUMNS - 1]) != values[T3_COLUMNS - 1]:
            continue
        n, t = run[-1]
        dropped.add((lines[n][0], lines[n][1], t))
    if all(sum(int(lines[n][2].split()[t]) for n, t in run[1:T3_COLUMNS]) == int(lines[run[-1][0]][2].split()[run[-1][1]])
           for run in runs):
        return doc, []  # read with the first value left, the sums hold as well: which column is last year's is not told
    blocks = list(doc.blocks)
    for i in sorted({i for i, _, _ in dropped}):
        para = blocks[i]
        assert isinstance(para, Paragraph)  # runs are read from paragraphs only
        kept = []
        for k, line in enumerate(para.text.split("\n")):
            tokens = [tok for t, tok in enumerate(line.split()) if (i, k, t) not in dropped]
            if (i, k) in {(a, b) for a, b, _ in dropped}:
                if tokens:
                    kept.append(" ".join(tokens))
            else:
                kept.append(line)
        blocks[i] = replace(para, text="\n".join(kept))
    blocks = [b for b in blocks if not isinstance(b, Paragraph) or b.text.strip()]
    return replace(doc, blocks=blocks), [Finding.of(
        "TEMPLATE_DEVIATION", "表三在总计右侧另印上年数一列,该列未读入(各行前六列之和等于总计,已核)",
        "table 三 prints a column of last year's figures right of 总计; it is left (each row's six sum to its 总计)",
        "table3")]


def _rows_of(run: list[tuple[int, int]]) -> list[list[tuple[int, int]]]:
    """A run of numbers cut into rows of eight where it holds a whole number of them: a PDF's
    text prints the labels of rows whose label wraps apart from their values (poppler's flow
    of the office suite's PDF: ``(二)部分公开…`` then the eight values of (二) and of each row of
    (三), their labels after them), so one run holds several rows' values in the table's order.
    Each piece is then held to the row identity like a run of its own; a run of any other
    length is left whole (and fails the test of eight)."""
    width = T3_COLUMNS + 1
    if len(run) <= width or len(run) % width:
        return [run]
    return [run[k:k + width] for k in range(0, len(run), width)]


def _table3_runs(lines: list[tuple[int, int, str]]) -> list[list[tuple[int, int]]] | None:
    """The runs of numbers of table 三 (each a list of (line, token) places), where its
    header prints a last-year column; None where it prints none or no run is found."""
    start = next((n for n, (_, _, line) in enumerate(lines) if T3_START in line), None)
    if start is None:
        return None
    first = next((n for n in range(start, len(lines)) if T3_FIRST_ROW in lines[n][2]), None)
    if first is None or not any(_LAST_COLUMN.match(label_key(nfkc(tok))) for n in range(start, first)
                                for tok in lines[n][2].split()):
        return None
    return runs_from(lines, first) or None


def runs_from(lines: list[tuple[int, int, str]], first: int) -> list[list[tuple[int, int]]]:
    """Table 三's runs of numbers (line, token) from its first row's label (line ``first``)
    to table 四: numbers with no other token between them."""
    runs: list[list[tuple[int, int]]] = []
    run: list[tuple[int, int]] = []
    for n in range(first, len(lines)):
        line = lines[n][2]
        if any(end in line for end in T3_END):
            break
        for t, tok in enumerate(line.split()):
            if _COUNT.match(tok):
                run.append((n, t))
            elif run:
                runs.append(run)
                run = []
    if run:
        runs.append(run)
    return runs


# the cheap tests before a text is read line by line: a line starting with a comparison's label
# as a piece of its own, then a number or the line's end (``2022年 0 1 …``, ``本年`` ⏎; not
# ``2022年，…`` prose nor ``本年 收费金额`` a header), and a last-year header as a piece of its own
_ROW_START = re.compile(r"^[ \t]*(?:20[0-9]{2}(?:年度?)?|本年度?|上年度?|今年|去年|本期|上期|比上年|较上年|同比|与上年相比|比去年)"
                        r"(?:[ \t]+[-+−]?[0-9]|[ \t]*$)", re.MULTILINE)
_LAST_TOKEN = re.compile(r"(?:上年|去年)度?(?:同期)?(?:总计|合计|数)?(?:[ \t]|$)", re.MULTILINE)  # a literal first: fast


def _last_year_token(text: str) -> bool:
    """Does ``text`` print a last-year header as a piece of its own (after a space or a line's start)?"""
    return any(m.start() == 0 or text[m.start() - 1] in " \t\n" for m in _LAST_TOKEN.finditer(text))


def _paragraphs(doc: Document) -> str:
    return "\n".join(b.text for b in doc.blocks if isinstance(b, Paragraph))


def _lines(doc: Document) -> list[tuple[int, int, str]]:
    """Every paragraph's lines: (block, line in the block, text)."""
    return [(i, k, line) for i, b in enumerate(doc.blocks) if isinstance(b, Paragraph)
            for k, line in enumerate(b.text.split("\n"))]


def _finding(this: str, left: list[str]) -> Finding:
    others = "、".join(left)
    return Finding.of(
        "TEMPLATE_DEVIATION", f"表四按年度分行印出(另有:{others}),已只读入本年度一行({this})",
        f"table 四 prints a row a year ({this}, and {others}); only this year's row is read", "table4")


__all__ = ["last_year_column_dropped", "row_kind", "runs_from", "this_years_rows", "this_years_text_rows"]
