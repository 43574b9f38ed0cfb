"""Read a plain-text report: lines become paragraphs; runs of lines with cell separators
(``|`` or tabs) become tables, one line a row.

A separator does not make a table row by itself: a crawler that puts a whole page on one
line keeps the page's own ``字号:大中小|打印本页|关闭窗口`` in it. A line one of whose
"cells" runs past :data:`LONG_CELL_CHARS` is text, not a row: no table cell of a report
holds that much, and the extractor cuts such a line at the structure it finds inside.

A browser's ``innerText`` of a table whose cells hold paragraphs prints every cell on a
line of its own and every cell boundary as a line holding only a TAB, blank lines around
both (``label⏎⏎⇥⏎⏎26⏎⏎⇥⏎⏎⇥⏎⏎…``); a blank cell is two TAB lines with nothing between,
and a new row begins after a longer run of blank lines. :func:`rejoin_tab_lines` rebuilds
those rows as TAB-separated lines, blank cells kept, before lines are read as rows."""

from __future__ import annotations

import re

from ..document import Cell, Document, Paragraph, Position, Table
from .decode import decode

# one cell boundary: a pipe or ONE tab, with spaces (not tabs) around it — two tabs are a
# blank cell between them, as a browser's copy of a table prints it
_SEPARATOR = re.compile(r"[^\S\t]*[|\t][^\S\t]*")
LONG_CELL_CHARS = 200  # characters: longer than any label or value cell of the format
# a page number on a line of its own, as text extracted from a paginated file prints it:
# "-2-", "— 3 —", "第 4 页", "第4页 共9页"; read as a value it would be "-2"
_PAGE_NUMBER = re.compile(r"^(?:[-—–－]\s*\d{1,4}\s*[-—–－]|第\s*\d{1,4}\s*页(?:\s*[,，/]?\s*共\s*\d{1,4}\s*页)?)$")


TAB_LINES_MIN = 7  # TAB-only lines that mark a text as a browser's one-cell-per-line table
ROW_BREAK_BLANK_LINES = 2  # blank lines that end a row in such a text (one stands around each cell)


def rejoin_tab_lines(text: str) -> str:
    """Rows whose cells a browser printed one per line, with TAB-only lines between
    them, as one TAB-separated line each. Other text comes back as it was."""
    lines = text.splitlines()
    if sum(1 for ln in lines if "\t" in ln and not ln.strip()) < TAB_LINES_MIN:
        return text
    out: list[str] = []
    row: list[str] | None = None
    seps = blanks = 0

    def flush() -> None:
        nonlocal row
        if row is not None:
            out.append("\t".join(row + [""] * seps) if len(row) + seps > 1 else (row[0] if row else ""))
        row = None

    for line in lines:
        if not line.strip():
            if "\t" in line:
                if row is None or blanks >= ROW_BREAK_BLANK_LINES:
                    flush()
                    row, seps = [], 0
                seps += line.count("\t")
                blanks = 0
            else:
                blanks += 1
            continue
        content = line.strip()
        if row is not None and seps and blanks < ROW_BREAK_BLANK_LINES:
            row += [""] * (seps - (1 if row else 0)) + [content]
        else:
            seps = 0
            flush()
            row = [content]
        seps, blanks = 0, 0
    flush()
    return "\n".join(out)


# a line of a layout text that holds only numbers (and not-applicable marks), indented
_NUMBERS_LINE = re.compile(r"^(?P<indent> *)(?P<cells>(?:\d[\d,]*(?:\.\d+)?|[/—-])(?: +(?:\d[\d,]*(?:\.\d+)?|[/—-]))*) *$")
_ENDS_WITH_NUMBER = re.compile(r"\d\s*$")
INDENT_SLACK = 1  # characters: lines of one column block start at the same column, give or take this


def rejoin_column_blocks(text: str) -> str:
    """Rows that text extracted from a PDF printed as a block of column groups under their
    labels, as one line each.

    Where rows of a table are taller than one line, poppler prints their label lines first
    and then their values column group by column group, each group a stack of one line per
    row — at its own indentation in layout mode (``pdftotext -layout``), after a blank line
    in reading-order mode::

        不予公开 4.保护第三方合法权益              (七)总计
                 5.属于三类内部事务信息            四、结转下年度继续办理
                            0 0 0
                            0 1 0                  3
                                       0           4
                                       0
                                           0 0 1   0 0 0
                                           0 0 0   0 0 0

    The block is rebuilt only where it is unambiguous: k label lines with no value (then at
    most one blank line), right after a line that ends with a value or holds none; then
    groups of exactly k number-only lines each, as many cells on every line of a group, each
    group after a blank line or further right than the one before. Line i of every group is
    the i-th row, whose label is the i-th label line. Anything else is left as it was."""
    lines = text.split("\n")
    out: list[str] = []
    i = floor = 0
    while i < len(lines):
        block = _column_block(lines, i, floor)
        if block is None:
            out.append(lines[i])
            i += 1
            continue
        rows, at_lines, end = block
        offset = len(out) - i  # out holds lines[floor:i] one for one at its end
        for at, cells in zip(at_lines, rows):
            out[at + offset] = f"{out[at + offset].rstrip()}   {' '.join(cells)}"
        i = floor = end
    return "\n".join(out)


def _column_block(lines: list[str], start: int, floor: int) -> tuple[list[list[str]], list[int], int] | None:
    """The rows of a column block starting at ``lines[start]``, the indices of their label
    lines, and the index after the block (label lines are looked for at ``floor`` or later)."""
    if not _NUMBERS_LINE.match(lines[start]):
        return None
    groups: list[tuple[int, list[list[str]]]] = []
    j, end, after_blank = start, start, False
    while j < len(lines):
        if not lines[j].strip():
            after_blank, j = True, j + 1
            continue
        m = _NUMBERS_LINE.match(lines[j])
        if not m:
            break
        indent = len(m["indent"])
        if groups and not after_blank and abs(groups[-1][0] - indent) <= INDENT_SLACK:
            groups[-1][1].append(m["cells"].split())
        elif groups and not after_blank and indent <= groups[-1][0]:
            return None  # a new group neither after a blank line nor further right
        else:
            groups.append((indent, [m["cells"].split()]))
        after_blank, j = False, j + 1
        end = j
    if len(groups) < 2:
        return None
    k = len(groups[0][1])
    if k < 2 or any(len(g) != k for _, g in groups) or any(len({len(r) for r in g}) != 1 for _, g in groups):
        return None  # a group's lines are one set of columns, one line per row
    rows = [[c for _, g in groups for c in g[r]] for r in range(k)]
    above = start - (1 if start and not lines[start - 1].strip() else 0)
    if above >= k + 1 + floor:
        labels = lines[above - k:above]
        before = lines[above - k - 1]
        if not any(not ln.strip() or _ENDS_WITH_NUMBER.search(ln) for ln in labels) and not (
                before.strip() and not _ENDS_WITH_NUMBER.search(before) and not _NUMBERS_LINE.match(before)):
            return rows, list(range(above - k, above)), end
    numbered = _numbered_labels(lines, above, k, floor)
    return (rows, numbered, end) if numbered else None


# a line that starts a row label with its numbering: "3.其他", "(七)总计", "四、结转…"
_NUMBERED_LABEL = re.compile(r"^\f?\s*(?:\d{1,2}[.．、]|[一二三四五六七八九十]{1,2}、|[(（][一二三四五六七八九十]{1,2}[)）])\s*[^\d\s]")


def _numbered_labels(lines: list[str], above: int, k: int, floor: int) -> list[int] | None:
    """The k label lines above a column block where reading order put blank lines between
    them (``3.其他 ⏎⏎ (七)总计 ⏎ 四、结转下年度继续办理``): accepted only where each of them
    starts with a row's numbering — so none is the continuation of a longer label — and
    holds no value."""
    found: list[int] = []
    j = above - 1
    while j >= floor and len(found) < k:
        if lines[j].strip():
            if not _NUMBERED_LABEL.match(lines[j]) or _ENDS_WITH_NUMBER.search(lines[j]):
                return None
            found.append(j)
        elif found and not lines[j + 1].strip():
            return None  # two blank lines: the labels are not one block
        j -= 1
    return sorted(found) if len(found) == k else None


def read_text(data: bytes) -> Document:
    text, _ = decode(data)
    return parse_text(text)


def parse_text(text: str, fmt: str = "txt") -> Document:
    blocks: list = []
    rows: list[tuple[int, list[str]]] = []

    def flush() -> None:
        if rows:
            cells = [Cell(t, r, c, pos=Position(line=n)) for r, (n, parts) in enumerate(rows)
                     for c, t in enumerate(parts)]
            blocks.append(Table(cells, Position(line=rows[0][0])))
            rows.clear()

    text = rejoin_column_blocks(rejoin_tab_lines(text))
    for n, line in enumerate(text.splitlines(), start=1):
        stripped = line.strip().strip("\f").strip()
        if not stripped or _PAGE_NUMBER.match(stripped):
            continue
        if "|" in stripped or "\t" in stripped:
            cells = [p.strip() for p in _SEPARATOR.split(stripped)]
            if max(map(len, cells)) <= LONG_CELL_CHARS:
                rows.append((n, cells))
                continue
        flush()
        blocks.append(Paragraph(stripped, Position(line=n)))
    flush()
    return Document(blocks, fmt)
