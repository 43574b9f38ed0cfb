"""Tables of text markup languages (reStructuredText, AsciiDoc, MediaWiki) rewritten as pipe rows.

Converters write a report page's tables in the table syntax of the markup they are asked
for (``pandoc -t rst``, ``-t asciidoc``, ``-t mediawiki``). Read as plain text, none of these
is a row a line with its cells in order:

* a reStructuredText **grid table** wraps each cell's text inside its column, so a row is
  several lines between ``+----+`` rules, and a label cut in a narrow column reads as
  numbers (``3.危及“三安全一稳定”`` → ``| 3 |`` ⏎ ``| .危及 |``) — the text reader took the ``3``
  for a value, and rows shifted (608 wrong numbers, with findings, in 18 reports);
* an **AsciiDoc** table (``|===`` … ``|===``) writes its cells as ``|text`` and wraps a row
  over lines wherever it likes, between cells or between the words of one (``|结果`` ⏎
  ``维持 |结 果 纠 正``): a row is the next *n* cells, *n* the columns its ``cols`` attribute
  lists — taken only where every block of lines between empty lines (pandoc ends each row
  with one) holds whole rows: a page whose own rows are of uneven width (沭阳 2023 prints a
  row of 9 cells beside rows of 10) would put every cell after it a column off;
* a **MediaWiki** table (``{|`` … ``|}``) writes a cell a line (``| text`` or ``! text``), a row
  begun by ``|-``: read as text, every value was a line of its own and nearly nothing was
  placed.

Each such table is rewritten as one pipe-table line per row (``| 规章 | | 0 | 3 |``), every grid
position a cell, blank ones kept — the row of a Markdown pipe table, which the text reader
aligns against the template's grid whatever spans the converter flattened into empty cells
(a TAB line, a browser's copy of a table, holds one field per *cell*: read so, the empty
positions of a flattened ``colspan`` beside a blank value cell put 6 zeros of fresh6's
``zero_blank`` reports a column off, with findings). A ``|`` inside a cell is written ``｜``.
The row's line is the row's first line of the file and its other lines are emptied, so every
line keeps its number for provenance.

Their headings are marked too (``* 标题`` in Org, ``= 标题`` in AsciiDoc, ``= 标题 =`` in MediaWiki,
``h1. {anchor:标题}标题`` in Jira), and read as text the marks stayed in the title: the agency
read was ``*靖江市水利局`` or the title ``h1.{anchor:…}…`` in every report. Where a text holds at
least :data:`MIN_HEADINGS` lines marked the same way (a report's title and its sections), the
marks are taken off those lines, and Org's property drawers (``:PROPERTIES:`` … ``:END:``) and
MediaWiki's empty anchors above a heading (``<span id="标题"></span>``, read as the title in
joint reports) are emptied.

A table is rewritten only when its syntax is whole: a grid table whose every content line
splits into as many cells as its rules have columns (a row or column span, which leaves a
``|`` out, leaves the table as it is), an AsciiDoc table whose cells fill whole rows, a
MediaWiki table with no spans. A cell's wrapped pieces are joined without a space (the
text is Chinese; a number wrapped in a narrow column is one number), but with one between
two Latin letters or digits of words."""

from __future__ import annotations

import re
import unicodedata

from .md_notes import join_cell_notes

GRID_RULE = re.compile(r"^\+(?:[-=:]+\+)+$")  # a grid table's rule: +----+====+
ADOC_FENCE = "|==="
ADOC_COLS = re.compile(r"^\[cols=\"([^\"]*)\"")  # [cols=",,,",options="header",]
# [width="99%",cols="10%,10%,…",…]: the attributes pandoc writes where the page gave widths
ADOC_WIDTH_COLS = re.compile(r"^\[width=\"[^\"]*\",cols=\"([^\"]*)\"")
_ADOC_STYLED = re.compile(r"^[a-z]\|")  # a cell with a style (a| holds blocks: a layout's page)
WIKI_OPEN, WIKI_ROW, WIKI_CLOSE = "{|", "|-", "|}"
WIKI_CAPTION = "|+"  # a MediaWiki table's caption line, before its first row: |+ 表二：主动公开政府信息情况
_WIKI_SPAN = re.compile(r"\b(?:rowspan|colspan)\s*=")
_LATIN = re.compile(r"[A-Za-z0-9]")
_GRID_MARKS = re.compile(r"[|+]|-{3,}|={3,}")  # a nested grid's borders and rules, in a layout cell's text
_RULE_FRAGMENT = re.compile(r"[-=]*\+[-=+]*")  # a piece of a grid rule the layout wrapped: ---+-------+
_LONE_ZERO = re.compile(r"(?<![\d.])0$")  # a line ending in a lone 0 (no count has a leading zero)
_RULE_PIECE = re.compile(r"\s*-{2,}[-\s]*")  # a piece of a rule line: dashes and spaces
# an image's substitution reference in a grid cell (pandoc -t rst writes <img alt="表头"> as |表头|)
_SUBSTITUTION = re.compile(r"\|[^|\s](?:[^|]*[^|\s])?\|")
GRID_PAD = 1  # the space a grid table's writer (pandoc) leaves inside each side of a cell
MIN_HEADINGS = 3  # marked lines that make a text one of these markups (a title and two sections)
# a heading's marks, per markup: (pattern, group holding the heading's text)
HEADINGS = (
    (re.compile(r"^(=+) +(.*?) +\1 *$"), 2),  # MediaWiki: == 一、总体情况 ==
    (re.compile(r"^=+ +(.*\S)$"), 1),  # AsciiDoc: === 一、总体情况
    (re.compile(r"^h[1-6]\. +(?:\{anchor:[^}]*\})?(.*)$"), 1),  # Jira: h1. {anchor:标题}标题
    (re.compile(r"^\*+ +(.*\S)$"), 1),  # Org: ** 一、总体情况 (only with a property drawer in the text)
)
# an empty anchor a MediaWiki heading gets on the line above it (its id is the heading's text)
_ANCHOR_LINE = re.compile(r'^<span id="[^"]*"></span>$')


def _join(pieces: list[str], width: int | None = None) -> str:
    """A cell's wrapped lines as one text. With the cell's ``width`` (a grid table's, in
    display columns between its pipes), a digit that ends a line of several words short of
    the cell's edge and a digit that begins the next are two numbers, a space between: that
    line is a row of a table nested in a layout table's cell, wrapped at a gap between its
    columns (``|   9      0 |`` ⏎ ``| 0     0   |`` is 9, 0, 0, 0, not 9, 00 and 0). A number
    alone on a line may be cut anywhere (pandoc prints 25.2268万元 in a narrow column as
    ``2`` ⏎ ``5.226`` ⏎ ``8万元``): it is joined. A line that ends with a lone ``0`` broke at
    a space too: no count is printed with a leading zero. Other digits stay joined (``12`` ⏎
    ``34`` may be 1234 or 12 and 34: joined, the row prints a value fewer than its columns and
    is left null with a finding)."""
    out = ""
    short = False  # the last piece stopped short of the cell's edge
    rules = _nested_rules(pieces, width) if width is not None else set()
    for k, raw in enumerate(pieces):
        piece = raw.strip()
        if k in rules:
            short = True
            continue
        if not piece:
            continue
        if out and _LATIN.match(out[-1]) and _LATIN.match(piece[0]) and \
                not (out[-1].isdigit() and piece[0].isdigit() and not short and not _LONE_ZERO.search(out)):
            out += " "
        out += piece
        short = width is not None and _display_width(raw.rstrip()) < width - GRID_PAD and len(piece.split()) > 1
    return out


def _nested_rules(pieces: list[str], width: int) -> set[int]:
    """The pieces that are a nested table's rule lines: a run of pieces of dashes and spaces
    alone holding at least a cell's width of dashes — a simple table's ``------ ------`` rule,
    wider than the layout cell it stands in, wrapped over lines. (One cell's ``---``, an em
    dash, is fewer dashes than the line, and stands beside the row's other words.)"""
    out: set[int] = set()
    run: list[int] = []
    for k, raw in enumerate(pieces + [""]):
        if k < len(pieces) and _RULE_PIECE.fullmatch(raw):
            run.append(k)
            continue
        if run and sum(pieces[i].count("-") for i in run) >= width - 2 * GRID_PAD:
            out.update(run)
        run = []
    return out


def _display_width(text: str) -> int:
    """Columns a monospaced terminal gives the text: an ideograph (East Asian wide) two."""
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def _row(cells: list[str]) -> str:
    """A table row as one line: a pipe table's row (``| a | | b |``)."""
    return "| " + " | ".join(c.replace("|", "｜") for c in cells) + " |"


def markup_tables_as_pipes(text: str) -> str:
    """``text`` with every grid, AsciiDoc and MediaWiki table rewritten as pipe rows and the
    markups' heading marks taken off (the text itself when it holds none). A breakdown note
    a markup broke off its count's cell (``216<br />`` ⏎ ``（其中当面申请172件）``) is joined to
    the count first (:mod:`~ogi.readers.md_notes`), in every text."""
    text = join_cell_notes(text)
    if "+-" not in text and ADOC_FENCE not in text and WIKI_OPEN not in text and "h1. " not in text \
            and ":PROPERTIES:" not in text and "= " not in text:
        return text
    lines = text.split("\n")
    changed = _grid_tables(lines) | _asciidoc_tables(lines) | _wiki_tables(lines) | _headings(lines)
    return "\n".join(lines) if changed else text


def _headings(lines: list[str]) -> bool:
    """Take the heading marks off (see the module docstring)."""
    org = any(line.strip() == ":PROPERTIES:" for line in lines)
    for k, (pattern, group) in enumerate(HEADINGS):
        if k == len(HEADINGS) - 1 and not org:
            continue
        marked = [(i, m) for i, line in enumerate(lines) if (m := pattern.match(line))]
        if len(marked) < MIN_HEADINGS:
            continue
        for i, m in marked:
            lines[i] = m.group(group)
        for i, line in enumerate(lines):
            if _ANCHOR_LINE.match(line):
                lines[i] = ""
        if org:
            in_drawer = False
            for i, line in enumerate(lines):
                if line.strip() == ":PROPERTIES:":
                    in_drawer = True
                if in_drawer:
                    lines[i] = ""
                    in_drawer = line.strip() != ":END:"
        return True
    return False


# ---------------------------------------------------------------- reStructuredText grid tables

def _grid_tables(lines: list[str]) -> bool:
    changed = False
    i = 0
    while i < len(lines):
        if not GRID_RULE.match(lines[i].strip()):
            i += 1
            continue
        end = i + 1
        while end < len(lines) and lines[end].strip()[:1] in ("+", "|") and lines[end].strip()[-1:] in ("+", "|"):
            end += 1
        if _grid_table(lines, i, end):
            changed = True
        elif _layout_grid(lines, i, end):
            changed = True
            _nested_grids(lines, i, end)
        i = end
    return changed


def _layout_grid(lines: list[str], start: int, end: int) -> bool:
    """Unnest the grid table of ``lines[start:end]`` if it is a page's layout table — a cell
    holds a grid table of its own — in place; False (untouched) otherwise.

    Each row's cells are cut from its lines by the outer rule's columns (in display columns:
    an ideograph is two). The row's lines become the lines of its fullest cell (the report),
    as they stand in it, so its own tables are rewritten next as any grid table is; the other
    cells' text (a portal's links) goes on the rule line above the row, one line."""
    rule = lines[start].strip()
    widths = [len(seg) for seg in rule[1:-1].split("+")]
    rows: list[tuple[int, list[list[str]]]] = []  # (rule line above, cells' pieces)
    nested = False
    for k in range(start, end):
        line = lines[k].strip()
        if line == rule:
            rows.append((k, [[] for _ in widths]))
            continue
        pieces = _cut(line, widths)
        if pieces is None or not rows:
            return False
        for cell, piece in zip(rows[-1][1], pieces):
            cell.append(piece)
            nested = nested or bool(GRID_RULE.match(piece.strip()))
    if not nested:
        return False
    for above, cells in rows:
        main = max(range(len(cells)), key=lambda c: sum(1 for p in cells[c] if p.strip()))
        others = [_GRID_MARKS.sub(" ", " ".join(cells[c])).split() for c in range(len(cells)) if c != main]
        lines[above] = "  ".join(" ".join(words) for words in others if words)
        for offset, text in enumerate(_unwrapped([piece[GRID_PAD:].rstrip() for piece in cells[main]])):
            lines[above + 1 + offset] = text
    if end < len(lines) and lines[end - 1].strip() == rule:
        lines[end - 1] = ""
    return True


def _unwrapped(pieces: list[str]) -> list[str]:
    """A layout cell's lines with its paragraphs' wrapped lines joined, each on its first
    line (the others empty): a line that starts at the cell's edge with words goes on the
    line above — a new paragraph follows an empty line, an indented one (a directive's
    option) starts with spaces, and a nested table's lines with its border."""
    out = list(pieces)
    head = None  # the line the paragraph being joined started on
    for k, piece in enumerate(pieces):
        starts_block = not piece or piece[0] in " |+"
        if head is None or starts_block or not out[head] or out[head][0] in "|+":
            head = k
            continue
        out[head] = _join([out[head], piece])
        out[k] = ""
    return out


def _nested_grids(lines: list[str], start: int, end: int) -> None:
    """Rewrite the grid tables an unnested layout cell holds; one whose rows do not split
    into its columns (a span, its columns squeezed into the layout's cell: labels cut into
    numbers) is emptied — read as text, ``| 3 |`` ⏎ ``| .危及 |`` made values of labels —
    and its rows are left to the findings of a table the text does not print. So is what is
    left of a table wider than the cell, whose lines the layout wrapped (``| +-------+----``
    ⏎ ``| ---+-------+…``): no grid table any more, its pieces of rows ``|    | 1     | 0 |``
    read as rows."""
    tables: set[int] = set()  # the lines of the tables rewritten as pipe rows
    i = start
    while i < end:
        if not GRID_RULE.match(lines[i].strip()):
            i += 1
            continue
        stop = i + 1
        while stop < end and lines[stop].strip()[:1] in ("+", "|") and lines[stop].strip()[-1:] in ("+", "|"):
            stop += 1
        if _grid_table(lines, i, stop):
            tables.update(range(i, stop))
        else:
            for k in range(i, stop):
                lines[k] = ""
        i = stop
    for k in range(start, end):  # what is left of a table too wide for the cell: its wrapped lines
        if k not in tables and ("|" in lines[k] or _RULE_FRAGMENT.fullmatch(lines[k].strip())):
            lines[k] = ""


def _cut(line: str, widths: list[int]) -> list[str] | None:
    """A grid row's line cut into its cells' pieces at the columns ``widths`` gives (display
    columns), or None where a border does not stand at a column's edge."""
    if not (line.startswith("|") and line.endswith("|")):
        return None
    pieces: list[str] = []
    at, col = 1, 1  # index into the line, display column
    for width in widths:
        piece_start, target = at, col + width
        while at < len(line) and col < target:
            col += _display_width(line[at])
            at += 1
        if col != target or at >= len(line) or line[at] not in "|+":
            return None
        pieces.append(line[piece_start:at])
        at, col = at + 1, col + 1
    return pieces if at == len(line) else None


def _pictures_blanked(line: str, widths: list[int]) -> list[str] | None:
    """A grid row's line whose cell holds a picture, cut into its cells by the rules' columns.

    pandoc writes an ``<img>`` in a cell as a substitution reference, ``|表头|``, defined
    below the table (``.. |表头| image:: …``): its two ``|`` split the line into more fields
    than the table has columns, and the whole table was left as text — a page that pasted
    table 三's header as a picture (wild7 ``header_image``) then read labels cut in a narrow
    column as numbers (``1`` ⏎ ``.属于国家秘密``) and its values a row off. Cut by the
    columns' display widths (:func:`_cut`) the picture stays inside its cell, and is blanked
    there (a picture prints no text); None where a border does not stand at a column's edge."""
    pieces = _cut(line, widths)
    return None if pieces is None else [_SUBSTITUTION.sub(" ", p) for p in pieces]


def _grid_table(lines: list[str], start: int, end: int) -> bool:
    """Rewrite the grid table of ``lines[start:end]`` in place; False (untouched) if any row
    does not split into the rules' columns."""
    n_cols = lines[start].strip().count("+") - 1
    widths = [len(rule) for rule in lines[start].strip()[1:-1].split("+")]
    rows: list[tuple[int, list[list[str]]]] = []  # (first line, cells' pieces)
    current: tuple[int, list[list[str]]] | None = None
    for k in range(start, end):
        line = lines[k].strip()
        if GRID_RULE.match(line):
            if line.count("+") - 1 != n_cols:
                return False
            current = None
            continue
        split = line[1:-1].split("|")
        fields = split if len(split) == n_cols or not _SUBSTITUTION.search(line) \
            else _pictures_blanked(line, widths)  # mso19: a cell holding a picture (|表头|)
        if not line.startswith("|") or not line.endswith("|") or fields is None or len(fields) != n_cols:
            return False
        if current is None:
            current = (k, [[] for _ in range(n_cols)])
            rows.append(current)
        for cell, piece in zip(current[1], fields):
            cell.append(piece)
    if not rows:
        return False
    for k in range(start, end):
        lines[k] = ""
    for first, cells in rows:
        lines[first] = _row([_join(c, w) for c, w in zip(cells, widths)])
    return True


# ---------------------------------------------------------------- AsciiDoc tables

def _asciidoc_tables(lines: list[str]) -> bool:
    changed = False
    i = 0
    while i < len(lines):
        if lines[i].strip() != ADOC_FENCE:
            i += 1
            continue
        end = next((k for k in range(i + 1, len(lines)) if lines[k].strip() == ADOC_FENCE), None)
        if end is None:
            break
        m = ADOC_COLS.match(lines[i - 1].strip()) if i else None
        if m and _asciidoc_table(lines, i, end, m.group(1).count(",") + 1):
            lines[i - 1] = ""
            changed = True
        elif (m := ADOC_WIDTH_COLS.match(lines[i - 1].strip()) if i else None) \
                and not any(_ADOC_STYLED.match(lines[k].strip()) for k in range(i + 1, end)):
            n_cols = m.group(1).count(",") + 1
            if _asciidoc_table(lines, i, end, n_cols):
                lines[i - 1] = ""
                changed = True
            else:
                changed |= _asciidoc_wrapped_rows(lines, i, end, n_cols)
        i = end + 1
    return changed


def _asciidoc_table(lines: list[str], fence: int, end: int, n_cols: int) -> bool:
    cells: list[tuple[int, str]] = []  # (line, text)
    chunk = 0  # cells since the last empty line: pandoc ends a row (or the header's rows) with one
    for k in range(fence + 1, end):
        line = lines[k].strip()
        if not line:
            if chunk % n_cols:
                return False  # a row of another width: the cells cannot be told into rows
            chunk = 0
            continue
        if not line.startswith("|"):
            if not cells:
                return False  # text before the first cell: not the plain syntax
            k0, text = cells[-1]  # pandoc wraps a long row between the words of a cell: its text goes on
            head, _, rest = line.partition("|")
            cells[-1] = (k0, _join([text, head]))
            if not rest:
                continue
            line = "|" + rest
        pieces = line[1:].split("|")
        cells += [(k, piece.strip()) for piece in pieces]
        chunk += len(pieces)
    if not cells or len(cells) % n_cols or chunk % n_cols:
        return False
    for k in range(fence, end + 1):
        lines[k] = ""
    for r in range(0, len(cells), n_cols):
        row = cells[r:r + n_cols]
        lines[row[0][0]] = _row([text for _, text in row])
    return True


_HARD_BREAK = re.compile(r"\s\+$")  # AsciiDoc's hard line break inside a cell: " +" at a line's end


def _asciidoc_wrapped_rows(lines: list[str], fence: int, end: int, n_cols: int) -> bool:
    """A table whose attributes give its columns' widths (``[width="99%",cols="10%,…"]``,
    as pandoc writes a page's table that set them; never one with a styled cell, ``a|``,
    which holds a layout's page) is rewritten whole where its cells fill whole rows; where
    they do not — its header rows are of other widths (spans pandoc could not write) — each
    of its body rows still ends with an empty line. A block between empty lines that holds exactly ``n_cols`` cells over more than
    one line is one row pandoc wrapped (``| |(二)部分公开… | |9 |0 |0 |0 |0`` ⏎ ``|0 |9``: read as
    two lines, the row lost its last two values and the next line's ``0 9`` became a row of
    its own — a wrong number with a finding in wild4's ``stacked_headers`` 00005 and 00027): it
    is written on its first line as pandoc writes an unwrapped row (``|text |text …``, so it
    splits into cells as the table's other rows do), its other lines emptied. Every other
    block stays as it is. True when a row was joined."""
    changed = False
    start = fence + 1
    for k in range(fence + 1, end + 1):
        if k < end and lines[k].strip():
            continue
        block = [j for j in range(start, k) if lines[j].strip()]
        start = k + 1
        if len(block) < 2 or not lines[block[0]].lstrip().startswith("|"):
            continue
        cells = _block_cells([_HARD_BREAK.sub("", lines[j].strip()) for j in block])
        if cells is None or len(cells) != n_cols:
            continue
        lines[block[0]] = "|" + " |".join(cells)
        for j in block[1:]:
            lines[j] = ""
        changed = True
    return changed


def _block_cells(block: list[str]) -> list[str] | None:
    """The cells of a block of an AsciiDoc table's lines, a line that does not begin with
    ``|`` going on with the cell before it; None where a cell holds a ``|`` of its own."""
    cells: list[str] = []
    for line in block:
        if not line.startswith("|"):
            head, _, rest = line.partition("|")
            cells[-1] = _join([cells[-1], head.strip()])
            if not rest:
                continue
            line = "|" + rest
        cells += [piece.strip() for piece in line[1:].split("|")]
    return cells


# ---------------------------------------------------------------- MediaWiki tables

def _wiki_text(piece: str) -> str:
    """A cell's text: after its attributes (``style="…" | text``), if it has any."""
    head, bar, tail = piece.partition("|")
    return (tail if bar and "=" in head else piece).strip()


def _wiki_tables(lines: list[str]) -> bool:
    changed = False
    i = 0
    while i < len(lines):
        if not lines[i].startswith(WIKI_OPEN):
            i += 1
            continue
        end = next((k for k in range(i + 1, len(lines)) if lines[k].startswith(WIKI_CLOSE)), None)
        if end is None:
            break
        if _wiki_table(lines, i, end):
            changed = True
        i = end + 1
    return changed


def _wiki_table(lines: list[str], start: int, end: int) -> bool:
    rows: list[tuple[int, list[str]]] = []
    captions: list[tuple[int, str]] = []  # the table's caption lines (|+ 表二：…): a line of text above it
    current: tuple[int, list[str]] | None = None
    for k in range(start + 1, end):
        line = lines[k]
        if line.startswith(WIKI_ROW):
            current = None
            continue
        if line.startswith(WIKI_CAPTION) and not rows:
            captions.append((k, _wiki_text(line[len(WIKI_CAPTION):])))
            continue
        if not line.startswith(("|", "!")):
            if current is None or not current[1]:
                return False
            current[1][-1] += line.strip()  # a cell's text continued on the next line
            continue
        sep = "!!" if line.startswith("!") else "||"
        pieces = line[1:].split(sep)
        if any(_WIKI_SPAN.search(p.split("|")[0]) for p in pieces if "|" in p):
            return False  # a span: the row's positions are not its cells'
        if current is None:
            current = (k, [])
            rows.append(current)
        current[1].extend(_wiki_text(p) for p in pieces)
    if not rows or len({len(cells) for _, cells in rows}) != 1:
        return False
    for k in range(start, end + 1):
        lines[k] = ""
    for k, caption in captions:
        lines[k] = caption
    for first, cells in rows:
        lines[first] = _row(cells)
    return True


__all__ = ["markup_tables_as_pipes"]
