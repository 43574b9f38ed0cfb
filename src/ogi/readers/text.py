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
from functools import lru_cache
from itertools import chain, product

from ..document import Cell, Document, Paragraph, Position, Table
from ..extract.boxes import PAGE_STARTS, page_starts
from ..extract.colorder import PRINTED_ORDER, order_printed_in_lines
from ..extract.crawl_cards import glued_cards_dropped
from ..extract.crawl_filled import glued_fills_dropped
from ..extract.crawl_pages import glued_page_marks_dropped
from ..extract.crawl_serial import table2_serials_dropped
from ..extract.crawl_years import label_years_in_words
from ..extract.pagedrows import rejoin_paged_rows
from ..extract.spaced import blank_wrapped_notes, spaced_cells
from ..template.formats import FORMATS
from ..template.labels import segment
from ..template.normalize import label_key
from ..extract.stacks import rejoin_label_stacks
from .decode import decode

# one cell boundary: a pipe or ONE tab, with spaces (not tabs) around it — two tabs are a
# blank cell between them, as a browser's copy of a table prints it
_SEPARATOR = re.compile(r"[^\S\t]*[|\t│┃║][^\S\t]*")
# a table's ruling drawn in characters: a text-mode browser's box (w3m: ┌─┬─┐ ├─┼─┤ └─┴─┘),
# a grid table's +---+---+ / +===+ (pandoc), a pipe table's |---|:--:|; it separates rows, it is no row
_RULE_LINE = re.compile(r"^(?=.*[─━═\-=]{3})[\u2500-\u257f+\-=:|\s]+$")
_RULE_STARTS = "+-=:|"  # the first characters a rule line can have, besides box drawing ones
LONG_CELL_CHARS = 200  # characters: longer than any label or value cell of the format
# a page number on a line of its own, as text extracted from a paginated file prints it:
# "-2-", "— 3 —", "第 4 页", "第4页 共9页"; read as a value it would be "-2"
_PAGE_NUMBER = re.compile(r"^(?:[-—–－]\s*\d{1,4}\s*[-—–－]|第\s*\d{1,4}\s*页(?:\s*[,，/]?\s*共\s*\d{1,4}\s*页)?)$")
_PAGE_NUMBER_STARTS = "-—–－第"  # the first characters a page number line can have


TAB_LINES_MIN = 7  # TAB-only lines that mark a text as a browser's one-cell-per-line table
ROW_BREAK_BLANK_LINES = 2  # blank lines that end a row in such a text (one stands around each cell)


def rejoin_tab_lines(text: str) -> str:
    """Rows whose cells a browser printed one per line, with TAB-only lines between
    them, as one TAB-separated line each. Other text comes back as it was."""
    if text.count("\t") < TAB_LINES_MIN:
        return text  # too few TABs for as many TAB-only lines: not such a text
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
# _NUMBERS_LINE twice, one line after the other, over a whole text: a column block's first group
# has at least two rows, one a line
_NUMBERS_LINE_BODY = r" *(?:\d[\d,]*(?:\.\d+)?|[/—-])(?: +(?:\d[\d,]*(?:\.\d+)?|[/—-]))* *"
_TWO_NUMBERS_LINES = re.compile(f"^{_NUMBERS_LINE_BODY}\n{_NUMBERS_LINE_BODY}$", re.MULTILINE)
# the same two lines after a line break: a pattern that starts with a character is searched
# for by that character (the engine skips to each line break), not tried at every position
_TWO_NUMBERS_LINES_AFTER = re.compile(f"\n{_NUMBERS_LINE_BODY}\n{_NUMBERS_LINE_BODY}$", re.MULTILINE)
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
    if not (_TWO_NUMBERS_LINES.match(text) or _TWO_NUMBERS_LINES_AFTER.search(text)):
        return text  # no two lines of numbers only, one after the other: no block (most texts;
        # one scan in C instead of one call a line)
    lines = text.split("\n")
    out: list[str] = []
    i = floor = 0
    while i < len(lines):
        block = _column_block(lines, i, floor)
        if block is None:
            out.append(lines[i])
            i += 1
            continue
        rows, at_lines, end, kept = block
        offset = len(out) - i  # out holds lines[floor:i] one for one at its end
        for at, cells in zip(at_lines, rows):
            out[at + offset] = f"{out[at + offset].rstrip()}   {' '.join(cells)}"
        out += kept
        i = floor = end
    return "\n".join(out)


def _column_block(lines: list[str], start: int, floor: int) -> tuple[list[list[str]], list[int], int, list[str]] | None:
    """The rows of a column block starting at ``lines[start]``, the indices of their label
    lines, the index after the block (label lines are looked for at ``floor`` or later) and
    the lines inside it to keep (a heading its last group was printed after)."""
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
    kept: list[str] = []
    rows = [[c for _, g in groups for c in g[r]] for r in range(k)]
    above = start - (1 if start and not lines[start - 1].strip() else 0)
    if above >= k + 1 + floor:
        labels = lines[above - k:above]
        before = lines[above - k - 1]
        if not any(not ln.strip() or _ENDS_WITH_NUMBER.search(ln) for ln in labels) and not (
                before.strip() and not _ENDS_WITH_NUMBER.search(before) and not _NUMBERS_LINE.match(before)):
            return rows, list(range(above - k, above)), end, kept
    numbered = _numbered_labels(lines, above, k, floor)
    if not numbered:
        return None
    last = _group_after_heading(lines, end, k, len(rows[0]))
    if last is not None:
        group, end = last
        rows = [r + g for r, g in zip(rows, group)]
        kept = [lines[i] for i in range(start, end) if _SECTION_HEADING.match(lines[i])]
    return rows, numbered, end, kept


# a section heading on a line of its own: "四、政府信息公开行政复议、行政诉讼情况"
_SECTION_HEADING = re.compile(r"^\f?\s*[一二三四五六]、\S")
ROW_CELLS = 7  # table 三's value cells in a row: the only table printed as column blocks of k > 1 rows


def _group_after_heading(lines: list[str], end: int, k: int, cells: int) -> tuple[list[list[str]], int] | None:
    """The last column group of a block, printed by reading order right after the next
    section's heading (``四、政府信息公开… ⏎⏎ 0 ⏎ 0 ⏎ 0 ⏎ 0``): taken only where the rows are one
    cell short of table 三's width, and exactly k lines of one number each follow the
    heading, then a blank line or text — the next section's own text starts with words."""
    j = end
    while j < len(lines) and not lines[j].strip():
        j += 1
    if cells != ROW_CELLS - 1 or j >= len(lines) or not _SECTION_HEADING.match(lines[j]):
        return None
    j += 1
    while j < len(lines) and not lines[j].strip():
        j += 1
    group: list[list[str]] = []
    while j < len(lines) and len(group) <= k and (m := _NUMBERS_LINE.match(lines[j])):
        group.append(m["cells"].split())
        j += 1
    if len(group) != k or any(len(g) != 1 for g in group):
        return None
    return group, j


# a line that starts a row label with its numbering: "3.其他", "(七)总计", "四、结转…"
_NUMBERED_LABEL = re.compile(r"^\f?\s*(?:\d{1,2}[.．、]|[一二三四五六七八九十]{1,2}、|[(（][一二三四五六七八九十]{1,2}[)）])\s*[^\d\s]")


LABEL_LINE_CHARS = 48  # characters: a line of a table's label column is no longer (its prose is)


def _numbered_labels(lines: list[str], above: int, k: int, floor: int) -> list[int] | None:
    """The k label lines above a column block where reading order put blank lines between
    them (``3.其他 ⏎⏎ (七)总计 ⏎ 四、结转下年度继续办理``): accepted only where each of them
    starts with a row's numbering — so none is the continuation of a longer label — and
    holds no value."""
    found: list[int] = []  # the last line of each label, bottom up
    heads: list[str] = []  # the first line of each label (its numbering), bottom up
    tail: int | None = None  # the last line of the label being read upwards
    j = above - 1
    while j >= floor and len(found) < k:
        line = lines[j]
        if line.strip():
            if any(c.isdigit() for c in _NUMBERED_LABEL.sub("", line)) or len(line.strip()) > LABEL_LINE_CHARS:
                return None
            tail = j if tail is None else tail
            if _NUMBERED_LABEL.match(line):
                found.append(tail)
                heads.append(line)
                tail = None
        elif tail is not None or (found and not lines[j + 1].strip()):
            return None  # a continuation above a blank line, or two blank lines: not one block
        j -= 1
    if len(found) != k or tail is not None:
        return None
    return found[::-1] if _numbering_in_order(heads[::-1]) else None


_CJK_DIGITS = "一二三四五六七八九十"


def _numbering_in_order(labels: list[str]) -> bool:
    """Could these numbered labels be consecutive rows, in this order? A row numbered
    ``N、`` (四、结转…) ends the table's rows; ``(N)`` rows and ``N.`` sub-rows count up —
    a sub-row may follow its group's row, and after a sub-row comes the next sub-row or a
    later group. (A reading order that printed a label out of place fails this.)"""
    last: tuple[int, int] | None = None  # (level, number): 0 for N、, 1 for (N), 2 for N.
    for label in labels:
        text = label.lstrip("\f").strip()
        m = re.match(r"^(?:(\d{1,2})[.．、]|([一二三四五六七八九十]{1,2})、|[(（]([一二三四五六七八九十]{1,2})[)）])", text)
        if m is None:
            return False
        if m[1]:
            cur = (2, int(m[1]))
        elif m[2]:
            cur = (0, _cjk_number(m[2]))
        else:
            cur = (1, _cjk_number(m[3]))
        if last is not None and not _may_follow(last, cur):
            return False
        last = cur
    return True


def _cjk_number(text: str) -> int:
    if len(text) == 1:
        return _CJK_DIGITS.index(text) + 1
    return 10 + (_CJK_DIGITS.index(text[1]) + 1 if text[0] == "十" else 0)


def _may_follow(prev: tuple[int, int], cur: tuple[int, int]) -> bool:
    if prev[0] == 0:
        return cur[0] == 0 and cur[1] > prev[1]
    if prev[0] == 1:
        return cur[0] == 0 or (cur[0] == 1 and cur[1] > prev[1]) or cur[0] == 2
    return cur[0] in (0, 1) or cur[1] == prev[1] + 1


_BORDERS = "|│┃║"


def _borderless_rule(rule: str) -> bool:
    """Is this a pipe table's delimiter row drawn without outer pipes (``---|---``, as
    html2text draws every table)? Then the writer draws no border on any row: a pipe at a
    row's end is the boundary of an empty cell beyond it (``|  |  | … | 0 |  |  | 0 |``: table
    四's row with its first and last cells blank), not the table's border."""
    return "|" in rule and rule[0] != "|" and rule[-1] != "|" and "-" in rule


def _inside_border(line: str) -> str:
    """A Markdown pipe row, or a row of a table drawn in box characters, without its outer
    border (``| a | b |`` → ``a | b``): in pipe-table syntax the outer pipes are the table's border, not blank cells (else an unlabelled row such as
    table 四's reads one blank value too many). A leading TAB stays: it is a blank cell."""
    if len(line) > 1 and line[0] in _BORDERS and line[-1] in _BORDERS:
        return line[1:-1]
    return line


# the values a line of text ends in: numbers set apart from the text by two spaces or more
_VALUES_TAIL = re.compile(r"\s{2,}(?P<values>\d+(?:\s+\d+)*)\s*$")
WRAPPED_LABEL_LINE_CHARS = 24  # characters: the last line of a wrapped label cell is no longer
WRAPPED_ROW_LINE_CHARS = 200  # characters: a laid-out row line is no longer (prose, a crawler's one line are)
# a line ending in a digit, then a short line of text with no digit
_WRAPPED_ROW = re.compile(r"\d[^\S\n]*\n(?=[^\S\n]*[^\d\s][^\d\n]{0,%d}\n)" % WRAPPED_LABEL_LINE_CHARS)


def rejoin_wrapped_labels(text: str) -> str:
    """A row label wrapped over three lines with the row's values on the middle one, as
    ``pdftotext -layout`` prints a tall label cell beside a group cell::

        年度办 (二)部分公开(区分处理的,
        理结果 只计这一情形,不计其他情               0   0    0   0   0   0   0
               形)

    written as one line (``(二)部分公开(区分处理的,只计这一情形,不计其他情形)  0 0 …``) between two
    blank lines (so every line keeps its number). Only where the three lines' text — each whole, or without its first piece
    before a space (a group cell's piece: ``年度办``, ``理结果``) — joins into exactly one row
    label of the template (all of it: a known label, never a guess at one), the line before
    holds no value and the line after holds no digit and is no longer than
    :data:`WRAPPED_LABEL_LINE_CHARS`. The values stay as printed. (The aligner reads the label
    variant ``(二)部分公开`` on the first line and the rest as text in a value cell.)"""
    out: list[str] = []
    done = 0  # text[:done] is in out
    for found in _WRAPPED_ROW.finditer(text):
        begin = text.rfind("\n", 0, found.start()) + 1  # the value line
        end = found.end() - 1
        after_end = text.find("\n", end + 1)
        if begin == 0 or begin < done or after_end < 0:
            continue
        before_begin = text.rfind("\n", 0, begin - 1) + 1
        line, before, after = text[begin:end], text[before_begin:begin - 1].strip(), text[end + 1:after_end].strip()
        if not before or before[-1].isdigit() or max(len(line), len(before)) > WRAPPED_ROW_LINE_CHARS:
            continue
        m = _VALUES_TAIL.search(line)
        words = line[:m.start()].strip() if m else ""
        if m is None or not words or words[-1].isdigit():
            continue
        values = m["values"]
        if "\t" in line:  # a row the spaced reader wrote as cells: every cell after the label kept, blank ones too
            words, _, values = line.partition("\t")
            words, values = words.strip(), "\t" + values
        label = _one_label([_pieces(before), _pieces(words), [after]])
        if label is not None:
            out += [text[done:before_begin], f"\n{label}  {values}\n"]
            done = after_end
    return "".join(out) + text[done:] if out else text


def _pieces(line: str) -> list[str]:
    """A line of a label cell whole, and without its first piece where a space follows it."""
    head, _, rest = line.partition(" ")
    return [line, rest.strip()] if rest.strip() else [line]


def _one_label(choices: list[list[str]]) -> str | None:
    """The one template row label that the lines, joined in some choice of their pieces, spell."""
    found = {_ROW_LABELS[label_key("".join(parts))] for parts in product(*choices)
             if label_key("".join(parts)) in _ROW_LABELS}
    return found.pop() if len(found) == 1 else None


_ROW_LABELS = {label_key(row.label): row.label for fmt in FORMATS.values() for spec in fmt.tables
               for row in spec.rows if row.label}


LINE_POSITIONS_KEPT = 1 << 14  # source lines whose (frozen) Position is kept, shared by every text


@lru_cache(maxsize=LINE_POSITIONS_KEPT)
def _line_position(line: int) -> Position:
    """The Position of a text's line: one frozen object per line number, shared by the rows,
    tables and paragraphs of every text (a frozen dataclass made by keyword costs three
    ``object.__setattr__`` calls, several microseconds a line)."""
    return Position(line=line)


def read_text(data: bytes) -> Document:
    text, _ = decode(data)
    return parse_text(text)


_VALUE_CELL = re.compile(r"[-+−]?\d[\d,，]*(?:\.\d+)?\s*(?:万元|%)?")  # a number as a value cell prints it


def _label_columns(rows: list[list[str]]) -> frozenset[int]:
    """The label columns of a grid (every row as many cells) that a label may span: pairs
    of neighbouring columns that hold no number in any row, and in the rows that hold
    numbers only row labels of the template (at least one) or nothing — the columns a
    flattened header span leaves empty beside its label. A value column left blank in every
    row holds no label, so it is never one of them; a grid whose rows differ in length says
    nothing (a cell may have been lost anywhere). Empty where no label can span."""
    width = len(rows[0])
    if width < 3 or any(len(parts) != width for parts in rows):
        return frozenset()
    # the texts that print a value, each tested once (cells repeat: ``0``, ``/``); rows and
    # columns are then tested against the set in C
    values = {t for t in set(chain.from_iterable(rows)) if t and _VALUE_CELL.fullmatch(t)}
    data = [parts for parts in rows if not values.isdisjoint(parts)]
    if not data:
        return frozenset()  # no row of values: no column is bare
    texts = [list(filter(None, column)) for column in zip(*data)]
    bare = [bool(col) and values.isdisjoint(col) for col in texts]
    pairs = [c for c in range(width - 1) if bare[c] and bare[c + 1]]
    if not pairs:
        return frozenset()  # no label column beside another: nothing can span
    found = {c for c in {*pairs, *(c + 1 for c in pairs)} if all(map(_names_a_row, texts[c]))}
    return frozenset(c for c in found if c + 1 in found or c - 1 in found)


def _names_a_row(text: str) -> bool:
    """Is this cell a row or group label of the template (and no column header)?"""
    phrases = [p for seg in segment(text) for p in (seg.phrases or ())]
    return bool(phrases) and all(p.kind in ("row", "group") for p in phrases)


def _row_cells(parts: list[str], r: int, pos: Position, label_only: frozenset[int],
               continued: frozenset[int] = frozenset()) -> list[Cell]:
    """A grid row's cells, where a label is followed by empty cells of label-only columns
    (a Markdown or pipe table flattens ``colspan`` so), or by the cells a writer marked as
    the continuation of the cell before (``continued``, :func:`_spans_shown`): the label
    spans them, as the page printed it. The empty cells would otherwise stand as blank
    value cells before the row's values and, with the row's trailing blanks left out, put
    its values columns off."""
    out: list[Cell] = []
    c = 0
    while c < len(parts):
        span = 1
        if parts[c] and c in label_only:
            while c + span < len(parts) and not parts[c + span] and (c + span in label_only or c + span in continued):
                span += 1
        elif parts[c] and continued and not _VALUE_CELL.fullmatch(parts[c]):
            while c + span in continued:
                span += 1
        out.append(Cell(parts[c], r, c, 1, span, pos))
        c += span
    return out


def _runs_of_equal_rows(rows: list[tuple[int, list[str]]]) -> list[list[tuple[int, int, list[str]]]]:
    """The block's rows as runs of consecutive rows with as many cells, each row as
    (index in the block, line, cells). A text-extraction library that prints a page's tables
    one after the other with no line between (trafilatura) leaves them in one block, each
    table a grid of its own width: a run is the grid :func:`_label_columns` reads."""
    runs: list[list[tuple[int, int, list[str]]]] = []
    for r, (n, parts) in enumerate(rows):
        if runs and len(runs[-1][-1][2]) == len(parts):
            runs[-1].append((r, n, parts))
        else:
            runs.append([(r, n, parts)])
    return runs


# a pipe row's cells as printed between its pipes, spaces kept (a line with no other separator)
_PADDED_EMPTY = re.compile(r"(?<=\|) {2,}(?=\|)")


def _spans_shown(lines: list[str]) -> list[frozenset[int]]:
    """For each row of a pipe table, the cells its writer printed as the continuation of
    the cell before: markdownify (markitdown's Markdown) writes a cell that spans k columns as
    `` text |`` followed by k - 1 `` |`` — one space between two pipes — and an empty cell
    as ``  |``, two. Read so only where the table shows both: some empty cell printed with
    two spaces (the writer pads a cell on both sides, so one space is no empty cell of its),
    and a one-space cell after a filled cell or after another one-space cell, in a row that
    holds a value (a data row: its label spans them). Lines with a TAB or a box-drawing
    border are not read so; nor is a row whose pipes do not split as the reader splits it."""
    none: list[frozenset[int]] = [frozenset()] * len(lines)
    if not any(_PADDED_EMPTY.search(line) for line in lines):
        return none
    out = [_continued_cells(line) for line in lines]
    return out if any(out) else none


def _continued_cells(line: str) -> frozenset[int]:
    if "\t" in line or "│" in line or "┃" in line or "║" in line or "| |" not in line:
        return frozenset()
    raw = _inside_border(line).split("|")
    if not any(cell.strip() and _VALUE_CELL.fullmatch(cell.strip()) for cell in raw):
        return frozenset()  # a header row: its spans are not read here
    found: set[int] = set()
    for c in range(1, len(raw)):
        if raw[c] == " " and (raw[c - 1].strip() or c - 1 in found):
            found.add(c)
    return frozenset(found)


_OUTER_SPACES = re.compile(r"^[^\S\t]+|[^\S\t]+$")  # whitespace at a line's ends, TABs left


def _tab_row(line: str) -> str:
    """A row whose cells TABs separate, with its TABs at either end kept: each is the
    boundary of a blank cell there (``⇥⇥0⇥⇥⇥⇥0⇥…``, a table 四 that leaves its first cells
    blank, as a browser's copy or the spaced reader writes it). Only a line that holds a TAB
    between its words is a row at all: a paragraph indented by a TAB stays a paragraph."""
    return _OUTER_SPACES.sub("", line)


def parse_text(text: str, fmt: str = "txt", as_printed: str | None = None) -> Document:
    """The document of a plain text; ``as_printed``: the text before its page chrome was
    taken out (``extract/pagemarks``), where it was — the page numbering is proved on it."""
    blocks: list = []
    rows: list[tuple[int, list[str]]] = []
    rows_text: list[str] = []  # each row's line as printed (stripped): a one-space cell is seen there
    borderless = False  # the pipe table's rule line has no outer pipes: nor have its rows after it

    def flush() -> None:
        nonlocal borderless
        if rows:
            cells = []
            spans = _spans_shown(rows_text)
            for run in _runs_of_equal_rows(rows):
                label_only = _label_columns([parts for _, _, parts in run])
                for r, n, parts in run:
                    pos = _line_position(n)  # the row's cells share its (frozen) position
                    cells += _row_cells(parts, r, pos, label_only, spans[r]) if label_only or spans[r] else \
                        [Cell(t, r, c, 1, 1, pos) for c, t in enumerate(parts)]
            blocks.append(Table(cells, _line_position(rows[0][0])))
            rows.clear()
            rows_text.clear()
        borderless = False

    text = glued_page_marks_dropped(text)  # page numbers glued inside a crawler's one line (extract/crawl_pages)
    text = glued_fills_dropped(text)  # a filled span's label glued again after itself, dropped (extract/crawl_filled)
    text = label_years_in_words(text)  # a year printed in a label (2024年制发件数) written in words (extract/crawl_years)
    text = table2_serials_dropped(text)  # table 二's 序号 glued before its rows' labels, dropped (extract/crawl_serial)
    text = glued_cards_dropped(text)  # a phone copy's label：value cards after the table, dropped (extract/crawl_cards)
    printed = order_printed_in_lines(text.splitlines())  # table 三's header, before the rewriting drops it
    text = rejoin_wrapped_labels(rejoin_label_stacks(rejoin_column_blocks(spaced_cells(rejoin_paged_rows(rejoin_tab_lines(text if "\f" in text else blank_wrapped_notes(text)), as_printed)))))
    for n, line in enumerate(text.splitlines(), start=1):
        stripped = line.strip()  # a form feed is whitespace too
        if not stripped or (stripped[0] in _PAGE_NUMBER_STARTS and _PAGE_NUMBER.match(stripped)):
            borderless = borderless and bool(stripped)  # an empty line ends a pipe table (GFM)
            continue
        first = stripped[0]  # a rule line starts with one of its characters: others are not tried
        if rows and (first in _RULE_STARTS or "\u2500" <= first <= "\u257f") and _RULE_LINE.match(stripped):
            borderless = borderless or _borderless_rule(stripped)
            continue  # a rule between rows: the table goes on
        if "|" in stripped or "\t" in stripped or "│" in stripped or "┃" in stripped or "║" in stripped:
            row = _tab_row(line) if "\t" in stripped else stripped
            cells = list(map(str.strip, _SEPARATOR.split(row if borderless else _inside_border(row))))
            if max(map(len, cells)) <= LONG_CELL_CHARS:
                rows.append((n, cells))
                rows_text.append(stripped)
                continue
        if rows:
            flush()
        blocks.append(Paragraph(stripped, _line_position(n)))
    flush()
    meta = {PRINTED_ORDER: printed} if printed else {}
    starts = page_starts(text)  # where pages open: pdfminer's boxes never cross one
    return Document(blocks, fmt, {**meta, PAGE_STARTS: starts} if starts else meta)
