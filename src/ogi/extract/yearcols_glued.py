"""Year comparisons in a crawler's text: the whole page on one line, the cells glued.

:mod:`.yearcols` reads the two comparisons agencies add to the format — table 四 with a row a
year (``2022年``/``2023年``, ``本年度``/``上年度``, a ``比上年增减`` row) and table 三 with a column
of last year's totals right of 总计 (``上年同期``) — in grids and in text that keeps a row a line
or a cell a token. A crawler that takes a page's text without its tags keeps neither: every
cell's text follows the one before with no space (``…总计2021年1132723106111032022年0000…``),
and the format's own glued reading (:mod:`.glue`: split a run of digits the one way the row's
sums allow) fails on both, as a run then holds another year's values too.

Table 四 (:func:`this_years_glued_rows`). After the 行政复议 header (no digit in it), the
comparison's rows follow one another: a row label (:func:`.yearcols.row_kind`: a year, 本年度,
上年度, 比上年增减 …) and its values (digits, and a difference row's signs). A year label glued
after the previous row's digits is told by its 年: it is the four digits right before it. The
rows are read while each is a label followed by values; at least two, each label a
comparison's, and exactly one this year's (:func:`.yearcols._this_row`: 本年(度), or the
report's year where it is the latest printed). This year's values must be digits only and
split into table 四's fifteen counts at least one way under its sums (each block's 总计) —
else the text is left as printed. The rows are replaced by this year's digits alone, as the
format prints table 四 (one row, no label): the aligner then splits them as any glued row,
one way or null with a finding.

Table 三 (:func:`last_year_glued_column_dropped`). Where table 三's header (申请人情况 … up to
the first row's label 本年新收) names a last-year column (上年同期, 上年总计, 去年同期数 …),
every row's run of digits holds eight values: the format's seven, then last year's. Each
run must split into eight exactly one way with the row's identity (the first six sum to the
seventh; the eighth is free) where it reads one way, or end in the same digits in every
reading where it reads several (fewer than :data:`READINGS_MAX`); and — so the eighth is not a
first column's value moved — some run must have no reading with the first value free
instead (the last six summing to the eighth). Then a run that reads one way is written as
its seven values, spaced, and one that reads several ways as its digits without last year's
ending, still glued: the aligner chooses among its readings by the table's column identities
(:func:`ogi.extract.align._resolve_by_identities`) or leaves the row null with a finding, as
for any glued row. The eighth value is left, with a finding. One run with no reading, or with
readings that end apart, leaves the whole table as printed: a run of eight read as seven may
find a reading that holds and is wrong (``200000020``: 20 … 20), so no run of eight is left
beside rows read.

An item number glued after a run (``…000000012.其他法律…``: the run, then ``2.``) belongs to
the next label: a run followed by ``.`` gives its last digit to that label."""

from __future__ import annotations

import re
from dataclasses import replace

from ..document import Document, Paragraph
from ..model import Finding
from ..template.formats import T4_RESULTS
from ..template.normalize import label_key, nfkc
from .glue import splits
from .meta import read_meta
from .yearcols import (_LAST_COLUMN, DELTA, T3_COLUMNS, T3_END, T3_FIRST_ROW, T3_START, VALUES, MIN_ROWS,
                       _finding, _this_row, row_kind)

# a comparison's row label as a crawler glues it (validated by row_kind): a year, this year's,
# last year's, a difference
_LABEL = (r"20[0-9]{2}年度?|本年度数|本年度|本年数|本年|今年|本期|上年同期|上年度数|上年度|上年数|上年|去年|上期"
          r"|(?:比上年|较上年|同比|与上年相比|比去年)?(?:增减变化|增减情况|增减数|增减|增长|变化|变动)")
_ROW = re.compile(rf"(?P<label>{_LABEL})(?P<values>[-+−0-9 \t]*?)(?=(?:{_LABEL})|[^-+−0-9 \t]|$)")
_DIGITS = re.compile(r"[0-9]+")
T4_HEADER = "行政复议"
T4_HEADER_MAX = 200  # characters from table 四's 行政复议 to its first row label (its header glued: ~90)
READINGS_MAX = 8  # readings of one glued row looked for: a list this long may be cut, and is not used
T3_RUNS_MAX = 40  # table 三's rows (the 2021 format prints 25): more runs than this are not its rows
# each block's 总计 (the fifth) the sum of its four results, for a row of fifteen
T4_SUMS = tuple((b + len(T4_RESULTS) - 1, tuple(range(b, b + len(T4_RESULTS) - 1)))
                for b in range(0, VALUES, len(T4_RESULTS)))
LAST_FREE = ((T3_COLUMNS - 1, tuple(range(T3_COLUMNS - 1))),)  # the first six sum to the seventh
FIRST_FREE = ((T3_COLUMNS, tuple(range(1, T3_COLUMNS))),)  # ... or the six after the first to the eighth


def this_years_glued_rows(doc: Document) -> tuple[Document, list[Finding]]:
    """``doc`` with table 四's glued comparison rows cut to this year's digits, and a finding;
    the same document and none where that is not certain."""
    year = None
    for i, block in enumerate(doc.blocks):
        if not isinstance(block, Paragraph) or T4_HEADER not in block.text:
            continue
        found = _t4_rows(block.text)
        if found is None:
            continue
        start, end, rows = found
        if year is None:
            year = read_meta(doc.text().split("\n"), doc.meta).year
        this = _this_row([row_kind(label) for label, _ in rows], year)
        if this is None:
            continue
        values = rows[this][1].strip()
        if not _counts(values) or not splits(values.split(), VALUES, T4_SUMS, limit=1):
            continue
        gap = " " if " " in values or "\t" in values else ""  # glued digits stay glued: the aligner splits them
        text = block.text[:start] + gap + values + gap + block.text[end:]
        blocks = list(doc.blocks)
        blocks[i] = replace(block, text=text)
        left = [label for k, (label, _) in enumerate(rows) if k != this]
        return replace(doc, blocks=blocks), [_finding(rows[this][0], left)]
    return doc, []


def _t4_rows(text: str) -> tuple[int, int, list[tuple[str, str]]] | None:
    """The comparison rows glued after table 四's 行政复议 header in ``text``: where they start
    and end, and each (label, values); None where there are none read whole."""
    for header in re.finditer(T4_HEADER, text):
        m = next((m for m in _ROW.finditer(text, header.end(), header.end() + T4_HEADER_MAX)
                  if m.group("values").strip()), None)
        if m is None or any(ch.isdigit() for ch in text[header.end():m.start()]):
            continue  # no row label right after the header, or a digit before it: not a comparison
        start, pos, rows = m.start(), m.start(), []
        while (m := _ROW.match(text, pos)) is not None and m.group("values").strip():
            rows.append((m.group("label"), m.group("values")))
            pos = m.end()
        kinds = [row_kind(label) for label, _ in rows]
        if len(rows) >= MIN_ROWS and all(kind is not None for kind in kinds) and all(
                _counts(values) or (kind is not None and kind[0] == DELTA) for kind, (_, values) in zip(kinds, rows)):
            return start, pos, rows
    return None


def _counts(values: str) -> bool:
    """Are ``values`` counts only: digits, glued or spaced, no sign?"""
    return bool(values.strip()) and all(token.isdigit() for token in values.split())


def last_year_glued_column_dropped(doc: Document) -> tuple[Document, list[Finding]]:
    """``doc`` with table 三's glued column of last year's totals left out of every row's run,
    and a finding; the same document and none where that is not certain."""
    for i, block in enumerate(doc.blocks):
        if not isinstance(block, Paragraph):
            continue
        text = _t3_cut(block.text)
        if text is not None:
            blocks = list(doc.blocks)
            blocks[i] = replace(block, text=text)
            return replace(doc, blocks=blocks), [Finding.of(
                "TEMPLATE_DEVIATION",
                "表三在总计右侧另印上年数一列(数字粘连),该列未读入(各行末尾的上年数只有一种拆分,前六列之和等于总计,已核)",
                "table 三 prints a column of last year's figures right of 总计 (its digits glued); it is left "
                "(each row's last value splits one way, its six summing to its 总计)", "table3")]
    return doc, []


def _t3_cut(text: str) -> str | None:
    """``text`` with each of table 三's glued runs written as its first seven values, where its
    header names a last-year column and every run splits as :func:`last_year_glued_column_dropped`
    says; None otherwise."""
    head = text.find(T3_START)
    first = text.find(T3_FIRST_ROW, head) if head >= 0 else -1
    if first < 0 or not _names_last_year(text[head + len(T3_START):first]):
        return None
    ends = [k for k in (text.find(e, first) for e in T3_END) if k >= 0]
    end = min(ends) if ends else -1
    if end < 0:
        return None
    runs = _runs(text, first, end)
    if not runs or len(runs) > T3_RUNS_MAX:
        return None
    kept = []
    for a, b in runs:
        found = _kept(text[a:b])
        if found is None:
            return None  # a run of another width, or whose last year's digits are not certain: left as printed
        kept.append(found)
    if all(splits([text[a:b]], T3_COLUMNS + 1, FIRST_FREE, limit=1) for a, b in runs):
        return None  # read with the first value free, every sum holds as well: which column is last year's is not told
    out, pos = [], 0
    for (a, b), row in zip(runs, kept):
        out += [text[pos:a], row]
        pos = b
    return "".join(out) + text[pos:]


def _kept(run: str) -> str | None:
    """What of a glued run of eight values is written back: its seven values spaced where it
    reads one way; where it reads several ways (``19000102019``: 1·9·0·0·0·10·20 or
    19·0·0·0·1·0·20, then 19 in both), its digits without last year's where every reading
    ends in the same digits — glued, for the aligner to choose by the table's column
    identities as it does any glued row; None where no reading, or readings that end apart."""
    found = splits([run], T3_COLUMNS + 1, LAST_FREE, limit=READINGS_MAX)
    if len(found) == 1:
        return " " + " ".join(map(str, found[0][:T3_COLUMNS])) + " "
    if not found or len(found) >= READINGS_MAX:
        return None  # no reading, or a list cut at the limit: another reading may end otherwise
    ends = {str(values[-1]) for values in found}
    if len(ends) != 1 or not run.endswith(last := ends.pop()):
        return None
    return run[:-len(last)]


def _names_last_year(header: str) -> bool:
    """Does table 三's glued header name a column of last year's totals?"""
    return any(_LAST_COLUMN.match(label_key(nfkc(m.group(0))))
               for m in re.finditer(r"(?:上年度?|去年)(?:同期)?(?:总计|合计|数)?", header))


def _runs(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """The runs of digits in ``text[start:end]`` (a row's values glued), each (start, end); a
    run followed by ``.`` ends before its last digit, the next label's item number (``2.``)."""
    runs = []
    for m in _DIGITS.finditer(text, start, end):
        a, b = m.span()
        if b < len(text) and text[b] == ".":
            b -= 1  # the next label's item number
        if b > a:
            runs.append((a, b))
    return runs


__all__ = ["last_year_glued_column_dropped", "this_years_glued_rows"]
