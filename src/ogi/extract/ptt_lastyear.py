"""Table 三's last-year column glued to 总计 in a PDF's text: each glued pair cut where the sums say.

Some agencies print a column of last year's totals right of table 三's 总计 (上年同期, 上年总计
…). :mod:`.yearcols` leaves that column out of running text where every row prints eight
spaced values (the first six summing to the seventh). Poppler's ``pdftotext`` (its reading
order) prints the two narrow columns 总计 and 上年同期 so close that it often puts no space
between them: a row then prints seven tokens, the last one both values glued —
``1 0 0 0 0 0 11`` (总计 1, last year 1), ``0 0 0 0 0 0 02`` (0, then 2) — while a row whose
values are wide enough is spaced (``25 0 0 0 0 0 25 28``). The aligner, given seven tokens
for seven columns of which one is glued, leaves the row null with a finding.

The glued token is read by the format's row identity: the first six values sum to 总计, so
the token must start with that sum's digits, and what follows is last year's value (a count:
``0`` or no leading zero). That cut is the only one the identity allows. This pass cuts such
tokens in table 三's runs of numbers (:func:`.yearcols._table3_runs`: numbers with no other
token between, from the first row's label to table 四) only where everything agrees:

* the header prints a last-year column as a piece of its own (:mod:`.yearcols`' test);
* every run of numbers is cut into rows exactly one way, each row eight spaced values whose
  first six sum to the seventh, or seven whose last token is a glued pair as above (a run
  holds several rows' values where a label wraps apart from them) — a run that cuts no way,
  or more than one way, leaves the text as printed;
* the rows found are exactly the rows of one format's table 三 (:data:`FORMATS`), and the 总计
  column so read keeps every column identity of that table (一+二 = (七)+四, (七) = the sum
  of the results): an identity the cut did not use, so a row that was not a glued pair (a
  blank cell, a seven-value row) cannot pass unnoticed.

Then each glued token is written as its two values, spaced, and :mod:`.yearcols` drops the
last-year column as for any spaced table (with its finding); the cut adds none of its own,
as no value is left out by it. Anything else leaves the text as printed: null with the
aligner's finding, as before."""

from __future__ import annotations

import re
from dataclasses import replace

from ..document import Document, Paragraph
from ..model import Finding
from ..template.formats import TABLE3_2019, TABLE3_2021, TableSpec
from .yearcols import T3_COLUMNS, _last_year_token, _lines, _paragraphs, _table3_runs

FORMATS = (TABLE3_2021, TABLE3_2019)  # table 三 as each format prints it: its rows, its identities
SPACED = T3_COLUMNS + 1  # a row's tokens with last year's value spaced: the six, 总计, last year
GLUED = T3_COLUMNS  # ... with 总计 and last year's value glued into one token
SIX = T3_COLUMNS - 1  # the applicant columns summing to 总计
_COUNT = re.compile(r"^(?:0|[1-9][0-9]*)$")  # a count as printed: no leading zero

Place = tuple[int, int]  # (line, token) in :func:`.yearcols._lines`


def last_year_pairs_spaced(doc: Document) -> tuple[Document, list[Finding]]:
    """``doc`` with table 三's glued 总计‖last-year tokens written as two values; the same
    document where that is not certain. No finding: :mod:`.yearcols` reports the column."""
    if not _last_year_token(_paragraphs(doc)):
        return doc, []
    lines = _lines(doc)
    runs = _table3_runs(lines)
    if runs is None:
        return doc, []
    rows: list[tuple[list[Place], int | None, int]] = []  # each row's places, its cut, its 总计
    for run in runs:
        tokens = [lines[n][2].split()[t] for n, t in run]
        cut = _one_cut(tokens)
        if cut is None:
            return doc, []
        start = 0
        for width, digits, total in cut:
            rows.append((run[start:start + width], digits, total))
            start += width
    if all(digits is None for _, digits, _ in rows) or not _identities_hold([total for _, _, total in rows]):
        return doc, []
    return _written(doc, lines, [(places[-1], digits) for places, digits, _ in rows if digits is not None]), []


def _one_cut(tokens: list[str]) -> list[tuple[int, int | None, int]] | None:
    """The one way ``tokens`` (a run of counts) cut into table 三 rows, each (its tokens, the
    digits of 总计 in a glued last token or None, 总计); None where there is none or several."""
    ways: list[list[list[tuple[int, int | None, int]]]] = [[] for _ in range(len(tokens) + 1)]
    ways[0] = [[]]
    for end in range(1, len(tokens) + 1):
        found: list[list[tuple[int, int | None, int]]] = []
        for width in (SPACED, GLUED):
            if end < width:
                continue
            row = _row(tokens[end - width:end])
            if row is not None:
                found.extend(prev + [(width, row[0], row[1])] for prev in ways[end - width][:2])
        ways[end] = found[:2]  # two are enough to know a cut is not the only one
    return ways[-1][0] if len(ways[-1]) == 1 else None


def _row(tokens: list[str]) -> tuple[int | None, int] | None:
    """(the digits of 总计 in a glued last token or None, 总计) where ``tokens`` are one row under
    the row identity: eight spaced values, or seven whose last is 总计‖last year; else None."""
    if not all(_COUNT.match(t) for t in tokens[:-1]) or not tokens[-1].isdigit():
        return None
    total = sum(int(t) for t in tokens[:SIX])
    if len(tokens) == SPACED:
        return (None, total) if _COUNT.match(tokens[-1]) and int(tokens[SIX]) == total else None
    head = str(total)
    last = tokens[-1][len(head):]
    if tokens[-1].startswith(head) and last and _COUNT.match(last):
        return len(head), total
    return None


def _identities_hold(totals: list[int]) -> bool:
    """Do ``totals`` (the 总计 of each row, in the order printed) make one format's table 三
    whose column identities hold in the 总计 column?"""
    for spec in FORMATS:
        if len(totals) != len(spec.rows):
            continue
        value = {row.key: total for row, total in zip(spec.rows, totals)}
        return all(_sum(spec, value, rule.left) == _sum(spec, value, rule.right) for rule in spec.column_identities)
    return False


def _sum(spec: TableSpec, value: dict[str, int], keys: tuple[str, ...]) -> int:
    """The sum of the rows ``keys`` name; a derived row (2021's (六)其他处理) as its parts' sum."""
    return sum(value[k] if k in value else sum(value[p] for p in spec.derived[k]) for k in keys)


def _written(doc: Document, lines: list[tuple[int, int, str]], cuts: list[tuple[Place, int]]) -> Document:
    """``doc`` with each glued token (its place, its cut) written as two tokens."""
    cut_at = {(lines[n][0], lines[n][1], t): digits for (n, t), digits in cuts}
    blocks = list(doc.blocks)
    for i in sorted({i for i, _, _ in cut_at}):
        para = blocks[i]
        assert isinstance(para, Paragraph)  # runs are read from paragraphs only
        out = []
        for k, line in enumerate(para.text.split("\n")):
            if not any((i, k, t) in cut_at for t in range(len(line.split()))):
                out.append(line)
                continue
            tokens = []
            for t, tok in enumerate(line.split()):
                digits = cut_at.get((i, k, t))
                tokens.append(tok if digits is None else f"{tok[:digits]} {tok[digits:]}")
            out.append(" ".join(tokens))
        blocks[i] = replace(para, text="\n".join(out))
    return replace(doc, blocks=blocks)


__all__ = ["last_year_pairs_spaced"]
