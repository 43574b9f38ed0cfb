"""Tables printed after all the prose, put back under their sections by their own labels.

A common scraper of Word files prints ``document.paragraphs`` and then ``document.tables``
(python-docx): every paragraph of the report — the six section headings and their text —
and after section 六 every table, one after another, each after a blank line. Read in the
order it is printed, the report's sections 二–四 hold no table and its tables stand where
an annex would (``extract.twice``): an annex is never a source of numbers, so nothing was
read. The same holds for any file whose report prints its tables only after its last
section (an agency's page of prose with every table at its foot).

Where a table stands tells nothing then; what it prints does. :func:`tables_placed` moves
each official table back to the end of its own section, where the rest of the reader finds
it as it finds any table, when the document has that shape and no other:

- the report's outline is printed once — each section heading found at most once, all of
  them before the first table (a file of two reports prints two outlines: it is left as it
  is, and refused as before by ``extract.twice``);
- every block from the first table on is a table (or an empty paragraph), and no table
  stands before it: the body prints none.

The tables are cut into the pieces the text shows — a blank line between two rows, where a
Word file's next table begins (table 二 of the 2021 format is four tables; a table cut by a
page or a sentence is two) — and each piece is named by its labels: the template phrases
its cells print that only one table prints (:func:`ogi.template.labels.segment`). A piece
whose labels name one table is that table's; a piece whose labels name two tables, or none
(values alone, a note), names no table and is not placed.

Pieces of one table that follow each other are one printing of it, unless a piece prints a
row label an earlier piece of the printing printed already: that is the table printed again
(an annex's copy). Each table is placed once — its first printing, at the end of its own
section (before the next section heading); a later printing of it, and every piece that
names no table, stays after the prose, where ``extract.twice`` reads it as an annex: compared
with the placed table, never a source of numbers. A table whose section heading is not
printed is not placed either. Every piece not placed that prints a number gets a finding,
and so does the placing (the tables stood apart from their sections), so the reader can
see that the tables were put back by their labels, not read where they stood.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from ..document import Document, Paragraph, Table
from ..model import Finding
from ..template.labels import section_of, segment
from ..template.normalize import label_key

TABLE_SECTION = {"table2": "s2", "table3": "s3", "table4": "s4"}  # each table's section
TABLE_NAMES = {"table2": "表二", "table3": "表三", "table4": "表四"}
ROW_NUMBERS = 3  # numbers a line prints at least to be a table's row of values
WORDS_PER_NUMBER = 4  # letters a row of values prints at most for each of its numbers
_NUMBERS = re.compile(r"\d+(?:\.\d+)?")


@dataclass(slots=True)
class _Part:
    """Rows ``first``..``stop - 1`` of a table, or a paragraph (``first``, ``stop`` unused)."""

    block: Table | Paragraph
    first: int = 0
    stop: int = 0

    def texts(self) -> list[str]:
        if isinstance(self.block, Paragraph):
            return [self.block.text]
        return [c.text for c in self.block.cells if self.first <= c.row < self.stop]

    def cut(self) -> Table | Paragraph:
        """The part as a block of its own: a table's rows renumbered from 0, spans cut at its ends."""
        if isinstance(self.block, Paragraph):
            return self.block
        cells = [replace(c, row=c.row - self.first, rowspan=min(c.row + c.rowspan, self.stop) - c.row)
                 for c in self.block.cells if self.first <= c.row < self.stop]
        return Table(cells, cells[0].pos if cells else self.block.pos)


@dataclass(slots=True)
class _Piece:
    """What the text prints without a blank line between: the parts (table rows and the
    paragraphs a table's cell broke into), its first source line, the one table its labels
    name (None: none or two), and the row labels it prints."""

    parts: list[_Part]
    line: int | None
    key: str | None = None
    rows: frozenset[str] = frozenset()
    headers: frozenset[str] = frozenset()

    def has_value(self) -> bool:
        return any(label_key(t).isdigit() for part in self.parts for t in part.texts())

    def blocks(self) -> list[Table | Paragraph]:
        return [part.cut() for part in self.parts]


def tables_placed(doc: Document) -> tuple[Document, list[Finding]]:
    """``doc`` with the tables it prints after all its prose moved to the end of their own
    sections, and the findings that say so (module docstring); the same document and no
    finding where it has not that shape."""
    headings = _headings(doc)
    tail = _tail(doc, headings)
    if headings is None or tail is None:
        return doc, []
    pieces = _pieces(doc.blocks[tail:])
    placed, split = _first_printings(pieces)
    findings: list[Finding] = [_split_finding(key) for key in split]
    as_text = _printed_as_text(doc, headings, tail)
    for key in list(placed):
        if key in as_text:
            del placed[key]  # printed in its section already: the one after the prose is a copy
        elif TABLE_SECTION[key] not in headings:
            del placed[key]
            findings.append(_no_heading_finding(key))
    if not placed and not split:
        return doc, findings
    kept = {id(p) for group in (*placed.values(), *split.values()) for p in group}  # placed, or dropped
    rest = [p for p in pieces if id(p) not in kept]
    findings += [_not_placed_finding(p) for p in rest if p.has_value()]
    if placed:
        findings.insert(0, _placed_finding(placed))
    return replace(doc, blocks=_moved(doc, tail, headings, placed, rest)), findings


def _headings(doc: Document) -> dict[str, int] | None:
    """Each section heading's block, where every heading is printed at most once; else None."""
    found: dict[str, int] = {}
    for i, block in enumerate(doc.blocks):
        if isinstance(block, Paragraph) and block.text.strip() and (key := section_of(block.text)):
            if key in found:
                return None  # a second outline: two reports, or a table of contents
            found[key] = i
    return found


def _tail(doc: Document, headings: dict[str, int] | None) -> int | None:
    """The first block of the tables printed after all the prose: the first table, where it
    comes after every heading."""
    first = next((i for i, b in enumerate(doc.blocks) if isinstance(b, Table)), None)
    if first is None or not headings or max(headings.values()) > first:
        return None
    return first


def _printed_as_text(doc: Document, headings: dict[str, int], tail: int) -> set[str]:
    """The tables whose rows the sections print as lines of text (a ``<pre>`` table, a text
    whose tables are lines of their own): a line that begins with a table's row label and
    holds a number, or — table 四's values have no label — a line of numbers in a table's
    section. A table after the prose is no printing of theirs to place, only a copy."""
    body = min(headings.get(k, tail) for k in TABLE_SECTION.values())
    starts = sorted((at, key) for key, at in headings.items())
    found: set[str] = set()
    for i in range(body, tail):
        block = doc.blocks[i]
        if not isinstance(block, Paragraph):
            continue
        found |= _row_of(block.text)
        section = next((key for at, key in reversed(starts) if at <= i), None)
        table = next((t for t, k in TABLE_SECTION.items() if k == section), None)
        if table and _numbers_line(block.text):
            found.add(table)
    return found


def _numbers_line(text: str) -> bool:
    """Is the line a row of numbers: at least :data:`ROW_NUMBERS` of them, and at most
    :data:`WORDS_PER_NUMBER` other characters for each (running text has far more)?"""
    numbers = _NUMBERS.findall(text)
    words = sum(1 for ch in text if ch.isalpha())
    return len(numbers) >= ROW_NUMBERS and words <= WORDS_PER_NUMBER * len(numbers)


def _row_of(text: str) -> set[str]:
    """The tables a paragraph prints a row of: it begins with their row label and holds a number."""
    segs = segment(text)
    if not segs or text[:segs[0].start].strip() or not any(ch.isdigit() for ch in text[segs[0].end:]):
        return set()
    return {p.table for p in segs[0].phrases if p.kind == "row"}


def _pieces(blocks: list) -> list[_Piece]:
    """The tail's table rows and paragraphs, cut where the text leaves a blank line between
    two of them (their source lines are not consecutive), each piece named by its labels."""
    pieces: list[_Piece] = []
    last: int | None = None
    for block in blocks:
        parts: list[tuple[_Part, int | None, int | None]] = []
        if isinstance(block, Paragraph):
            if not block.text.strip():
                continue
            line = block.pos.line
            parts.append((_Part(block), line, None if line is None else line + block.text.count("\n")))
        else:
            for r, row in enumerate(block.rows()):
                line = min((c.pos.line for c in row if c.pos.line), default=None)
                parts.append((_Part(block, r, r + 1), line, line))
        for part, line, end in parts:
            if pieces and _continues(pieces[-1], part, line, last):
                _join(pieces[-1], part)
            else:
                pieces.append(_Piece([part], line))
            last = end if end is not None else last
    for piece in pieces:
        _name(piece)
    return pieces


def _continues(piece: _Piece, part: _Part, line: int | None, last: int | None) -> bool:
    """Does the part go on the piece before it: its line follows the piece's last line, or —
    lines unknown (a Word file's tables) — it is the next row of the same table?"""
    if line is not None and last is not None:
        return line <= last + 1
    return piece.parts[-1].block is part.block


def _join(piece: _Piece, part: _Part) -> None:
    """Add a part to a piece: a table's next row widens the piece's last part of that table."""
    prev = piece.parts[-1]
    if isinstance(part.block, Table) and prev.block is part.block and prev.stop == part.first:
        prev.stop = part.stop
    else:
        piece.parts.append(part)


def _name(piece: _Piece) -> None:
    """Name the piece by the one table its labels name, if one, and note its row labels."""
    tables: set[str] = set()
    rows: set[str] = set()
    headers: set[str] = set()
    for part in piece.parts:
        for text in part.texts():
            for seg in segment(text):
                named = {p.table for p in seg.phrases}
                if len(named) == 1:
                    tables |= named
                    rows |= {f"{p.table}.{p.ref}" for p in seg.phrases if p.kind == "row"}
                    headers |= {f"{p.table}.{p.ref}" for p in seg.phrases if p.kind == "header"}
    piece.key = next(iter(tables)) if len(tables) == 1 else None
    piece.rows = frozenset(rows)
    piece.headers = frozenset(headers)


def _printings(pieces: list[_Piece]) -> dict[str, list[list[_Piece]]]:
    """Each table's printings: runs of pieces its labels name, each up to a piece of another
    table, a piece that names none, or one that prints a row label of the run again."""
    printings: dict[str, list[list[_Piece]]] = {}
    run: list[_Piece] = []
    for piece in pieces:
        if run and (piece.key != run[0].key or any(piece.rows & p.rows for p in run)):
            printings.setdefault(run[0].key, []).append(run)  # type: ignore[arg-type]  # runs hold named pieces
            run = []
        if piece.key is not None:
            run.append(piece)
    if run:
        printings.setdefault(run[0].key, []).append(run)  # type: ignore[arg-type]
    return printings


def _labels(run: list[_Piece]) -> tuple[frozenset[str], frozenset[str]]:
    return frozenset().union(*(p.rows for p in run)), frozenset().union(*(p.headers for p in run))


def _first_printings(pieces: list[_Piece]) -> tuple[dict[str, list[_Piece]], dict[str, list[_Piece]]]:
    """Each table's printing to place: the first whose row labels and headers hold every
    other printing's — a copy (an annex's, compared by ``extract.twice``), or a table of other
    numbers under some of its labels (a 政务公开 table by quarter) stays after the prose; and
    the tables printed in parts none of which holds the others' labels — cut by columns into
    two tables that repeat the row labels — with their pieces: no printing stands for the
    table alone, and the parts are no second report's."""
    placed: dict[str, list[_Piece]] = {}
    split: dict[str, list[_Piece]] = {}
    for key, runs in _printings(pieces).items():
        labels = [_labels(run) for run in runs]
        whole = next((run for run, (rows, heads) in zip(runs, labels)
                      if all(r <= rows and h <= heads for r, h in labels)), None)
        if whole is not None:
            placed[key] = whole
        else:
            split[key] = [piece for run in runs for piece in run]
    return placed, split


def _moved(doc: Document, tail: int, headings: dict[str, int], placed: dict[str, list[_Piece]],
           rest: list[_Piece]) -> list:
    """The prose with each placed table at the end of its section (before the next heading,
    else at the prose's end), then the pieces not placed, as they were printed."""
    at: dict[int, list[Table | Paragraph]] = {}
    bounds = sorted(headings.values())
    for key, group in placed.items():
        start = headings[TABLE_SECTION[key]]
        end = next((i for i in bounds if i > start), tail)
        at.setdefault(end, []).extend(_printing(group))
    blocks: list = []
    for i, block in enumerate(doc.blocks[:tail]):
        blocks += at.pop(i, [])
        blocks.append(block)
    blocks += at.pop(tail, [])
    return blocks + [b for p in rest for b in p.blocks()]


def _printing(group: list[_Piece]) -> list[Table | Paragraph]:
    """A printing's blocks: the rows of one table the text reader read as one, cut only by a
    blank line, are one table again (a table cut by a page keeps its header with its rows)."""
    parts: list[_Part] = []
    for part in (part for piece in group for part in piece.parts):
        if parts and isinstance(part.block, Table) and parts[-1].block is part.block and parts[-1].stop == part.first:
            parts[-1] = _Part(part.block, parts[-1].first, part.stop)
        else:
            parts.append(part)
    return [part.cut() for part in parts]


def _placed_finding(placed: dict[str, list[_Piece]]) -> Finding:
    names = "、".join(TABLE_NAMES[k] for k in TABLE_SECTION if k in placed)
    return Finding.of(
        "TEMPLATE_DEVIATION", f"统计表印在全部正文之后,{names}已按各自的标签归入其章节读入",
        f"the tables are printed after all the sections; {names} placed in their sections by their own labels", None)


def _no_heading_finding(key: str) -> Finding:
    name = TABLE_NAMES[key]
    return Finding.of(
        "TEMPLATE_DEVIATION", f"{name}印在全部正文之后,而其章节标题未印出,无法归位,未读入",
        f"{key} is printed after all the sections and its section heading is missing: not placed, not read", key)


def _split_finding(key: str) -> Finding:
    name = TABLE_NAMES[key]
    return Finding.of(
        "TEMPLATE_DEVIATION", f"{name}印在全部正文之后,且分几处印出、各处的行或列不同(如按列拆成两张表),无法确定,未读入",
        f"{key} is printed after all the sections, in parts whose rows or columns differ (a table cut by its "
        "columns): not placed, not read", key)


def _not_placed_finding(piece: _Piece) -> Finding:
    where = f"第{piece.line}行" if piece.line else "正文之后"
    return Finding.of(
        "TEMPLATE_DEVIATION", f"{where}的表格无法按标签认定为某一张统计表(或为已读入之表的再次印出),未作为数据来源",
        f"the table at line {piece.line} cannot be told by its labels to be one table (or prints one again): "
        "not a source of numbers", piece.key, line=piece.line)


__all__ = ["tables_placed"]
