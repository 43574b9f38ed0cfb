"""Pandoc's Markdown attributes, taken off before a file is read.

``pandoc -t markdown`` keeps what it cannot say in Markdown as attributes: a styled
``<span>`` becomes ``[text]{style="font-family: 微软雅黑;"}``, an empty one ``[]{…}``, an
element with an id ``[2025年12月30日]{#utime}``, a styled ``<div>`` a fenced block
``::: {style="…"}`` … ``:::``. Report pages pasted from an office suite wrap nearly every run
of text in such spans, so a table row reads ``[规章]{style="…"}[]{style="…"}  [0]{style="…"}``:
the attribute text (and its ``;``) made the row prose, and table 二 was lost. The text inside
the brackets is the report's; the attributes are markup.

Only a UTF-8 file is touched (pandoc writes UTF-8; a GBK file's trail bytes include the
ASCII brackets), and only attribute sets pandoc writes — ``{#id}``, ``{.class}``,
``{key="value"}`` — so CSS rules (``a[href]{color:red}``) and prose braces stay.

A Markdown writer also escapes a cell that holds only a dash or a star, lest it read as a
list item or a rule: a report that prints a zero or a not-applicable cell as ``-`` reaches
``pandoc -t gfm`` as ``| 规章 | \\- | \\- | 0 |``. Read as text, ``\\-`` was no mark, the row's
cells shifted and 0 went to 本年制发件数 (a wrong number, flagged only as blank cells). A
backslash before ``-``, ``--`` or ``*`` standing as a cell of its own (between pipes, spaces or
a line's ends) is taken off, so the cell is the mark the report printed; a backslash inside
a word, a path or a script is left.

Pandoc's Markdown writes an em dash as ``---`` (its ``smart`` extension): a cell printed ``——``
reaches the text as ``------`` and was no mark (a rule, or nothing), so the row's values lost
their columns. A run of hyphens three at a time standing as a cell of its own, on a line that
holds words or numbers too (a table's rule line holds only dashes, pipes, colons and spaces),
is the em dashes it stands for.

A Markdown writer escapes, too, a number and a dot or a bracket that begin a block, lest they
read as an ordered list: a row label a report prints with a space after its numbering
(``3. 其他``, ``7. 属于行政执法案卷``) reaches ``pandoc -t markdown`` and ``-t gfm`` as ``3\\. 其他``;
read as text the label was no row's (``3\\.`` is no numbering), and the row's seven values were
left null. A backslash between one to three digits standing at a cell's start (after a pipe,
spaces or the line's start) and the ``.`` or ``)`` that ends the numbering, with a space or the
cell's end after it, is taken off; ``v3\\.1`` or a path keeps it.

Jira's wiki markup (``pandoc -t jira``) escapes, too, a sign or a bracket that begins a
cell: a decrease printed ``-429`` reaches it as ``| \\-429 |`` and a group label ``(一)予以公开``
as ``| \\(一)予以公开 |``. Read as text, ``\\-429`` was no number: the row's next value moved
into its cell (a wrong number with a finding in 6 of 18 reports' table 二). A backslash
right after a pipe (and spaces) before an ASCII sign or bracket is taken off.

``pandoc -t gfm`` keeps a styled ``<span>`` it cannot say in GitHub's Markdown as the raw
tag, in a pipe cell too: a Word page's cells reach it as ``| <span lang="EN-US"
style="font-family:仿宋_GB2312">1</span> |``. Read as text, the tag's attribute (with its
ideographs) was the cell's words: every value cell read as the same label, joined as one
spanned cell, and the row's values shifted (4 wrong numbers, with findings, in fresh9's wild44
``word_html``). A ``<span …>`` and ``</span>`` tag, on one line, is taken off: it holds no
text of its own, and what it wraps is the report's.

A pipe table whose cell holds two numbers apart (``| 25 0 |``) is a PDF converter's guess
of columns from word positions: its pipe rows are read as the lines they print
(:mod:`~ogi.readers.md_guessed`).

A PDF's Markdown (pymupdf4llm) writes each printed line of a table cell with a ``<br>``
between: a number too wide for its column reaches a pipe table as ``|１<br>８|``, and read as
two values it shifted the row a column. A pipe cell whose ``<br>``-separated lines are one
wrapped number (``wrapped.wrapped_number``: digit runs, every line but the last as long
as the first, the last no longer) is written as that number; any other cell keeps its
``<br>``s. A row one of whose cells holds digit runs that are certainly several values (the
first begins with a zero, ``0<br>1``: the converter put two columns' values in one cell, as
pymupdf4llm does to 其他 and 总计 beside a merged zero row) has none of its cells joined:
its ``1<br>0`` is as likely 自然人's 1 and 商业企业's 0 as a wrapped 10 (read 10 it was a wrong
number, with a finding, in two of wild4's four ``merged_zeros`` reports), and read as its
lines the table's identities check it."""

from __future__ import annotations

import re

from .md_guessed import guessed_tables_as_lines
from .wrapped import leads_zero, wrapped_number

_ATTRS = r"\{(?:[#.][^{}\n]*|[A-Za-z-]+=\"[^\"\n]*\"[^{}\n]*)\}"
_SPAN = re.compile(r"\[([^\[\]\n]*)\]" + _ATTRS)
_FENCE = re.compile(r"^ *:{3,}(?: *" + _ATTRS + r"| *[A-Za-z-]+)? *$", re.MULTILINE)
_HEADING_ATTRS = re.compile(r"(?m)^(#{1,6} [^\n]*?) *" + _ATTRS + r" *$")
# an escaped mark standing as a cell of its own: "| \- |", "  \-  " (see the module docstring)
_ESCAPED_MARK = re.compile(r"(?<![^\s|])\\(--?|\*)(?![^\s|])")
# an escaped list numbering at a cell's start: "3\\. 其他" (see the module docstring)
_ESCAPED_NUMBERING = re.compile(r"(?<![^\s|])(\d{1,3})\\([.)])(?=[\s|]|$)", re.MULTILINE)
# a Markdown or Jira escape at a pipe cell's start: "| \\-429 |", "| \\(一)予以公开 |" (module docstring)
_ESCAPED_CELL_START = re.compile(r"(?<=\|)( *)\\([-()\[\]{}*_+#!~^])")
# pandoc's em dashes standing as a cell of their own, on a line that holds more than a rule
_EM_DASHES = re.compile(r"(?<![^\s|])((?:---)+)(?![^\s|])")
_RULE_ONLY = re.compile(r"[-|+:=\s]*")
# a pipe cell of digit runs between <br>s (see the module docstring)
_BROKEN_CELL = re.compile(r"(?<=\|)( *)([0-9\uff10-\uff19]+(?:<br */?>[0-9\uff10-\uff19]+)+)( *)(?=\|)")
_BR = re.compile(r"<br */?>")
# a pipe cell of a number, then lines of text after it (a footnote mark wrapped in a narrow cell)
_MARKED_CELL = re.compile(r"(?<=\|)( *)([0-9]+)(<br */?>[^|<>\d][^|<>]{0,3}(?:<br */?>[^|<>]{1,3})*)( *)(?=\|)")
_DIGIT_LINES = re.compile(r" *([0-9\uff10-\uff19]+)(?:<br */?>[0-9\uff10-\uff19]+)+ *")  # a cell of digit runs, its first kept
_GLUED_BYTES = re.compile(rb"\| *\d[\d,.]* +\d[\d,.]* *\|")  # a pipe cell of two numbers: md_guessed
_HTML_SPAN = re.compile(r"</?span\b[^<>\n]*>")  # pandoc gfm's raw inline span tag (see the module docstring)
_BROKEN_CELL_BYTES = re.compile(rb"\| *(?:[0-9]|\xef\xbc[\x90-\x99])+<br")  # its start, in UTF-8


def strip_attributes(data: bytes) -> bytes:
    """``data`` without pandoc's span attributes and fenced-div lines (see the module
    docstring); unchanged when there are none or the file is not UTF-8."""
    glued = _GLUED_BYTES.search(data) is not None
    if b"]{" not in data and b":::" not in data and b"\\" not in data and b"---" not in data \
            and b"</span>" not in data and not glued and not _BROKEN_CELL_BYTES.search(data):
        return data
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        return data
    out = _SPAN.sub(r"\1", text)
    if "</span>" in out and not _is_html(out):
        out = _HTML_SPAN.sub("", out)
    out = _FENCE.sub("", out)
    out = _HEADING_ATTRS.sub(r"\1", out)
    out = _ESCAPED_MARK.sub(r"\1", out)
    out = _ESCAPED_NUMBERING.sub(r"\1\2", out)
    out = _ESCAPED_CELL_START.sub(r"\1\2", out)
    if _BROKEN_CELL_BYTES.search(data):
        out = _joined_cells(out)
    if glued and not _is_html(out):  # a PDF converter's guessed columns (md_guessed)
        out = guessed_tables_as_lines(out)
    if "---" in out:
        out = "\n".join(_em_dashes(line) if "---" in line else line for line in out.split("\n"))
    return data if out == text else out.encode("utf-8")


def _is_html(text: str) -> bool:
    """Whether the reader takes the text for an HTML page (``readers.sniff``'s marks), whose
    spans are elements the HTML reader reads (a hidden one among them)."""
    lower = text.lower()
    return "<html" in lower or "<body" in lower or "<div" in lower or "<table" in lower[:65536] \
        or "<?xml" in lower[:64] or "<p" in lower[:64]


def _joined_cells(text: str) -> str:
    """``text`` with every pipe cell's wrapped number made one, except the cells of stacked
    values: a row whose label cell holds several sub-rows' labels a line each
    (:func:`~ogi.readers.md_tworows.stacked_labels`), and a column whose header cell, in a
    row above in the same table, holds several value columns' headers a line each
    (:func:`~ogi.readers.md_twoheads.header_run`) — there ``1<br>0<br>3`` under ``本年制发件数<br>
    本年废止件数<br>现行有效件数`` is three values, not 103, and the cell is left for the
    table's split (``md_tworows``, ``md_twoheads``)."""
    from .md_twoheads import header_run
    from .md_tworows import stacked_labels

    lines = text.split("\n")
    stacked_columns: dict[int, int] = {}  # column → the headers its header cell stacks
    for i, line in enumerate(lines):
        if not line.startswith("|"):
            stacked_columns = {}
            continue
        cells = line.split("|")[1:-1]
        has_br = "<br" in line
        for col, cell in enumerate(cells):
            if has_br and header_run(cell.strip()):
                stacked_columns[col] = len(_BR.split(cell.strip()))
        if _MARKED_CELL.search(line):
            line = lines[i] = _MARKED_CELL.sub(_marked_cell, line)
        if not _BROKEN_CELL.search(line):
            continue
        rows = max((stacked_labels(cell) for cell in cells), default=0)
        if any(_several_values(cell) for cell in cells):
            continue  # the row's cells hold several columns' values: none is one wrapped number
        keep = {col for col, cell in enumerate(cells)
                if len(_BR.split(cell.strip())) in (rows, stacked_columns.get(col))}
        lines[i] = "|".join([""] + [cell if col in keep else _BROKEN_CELL.sub(_joined_cell, "|" + cell + "|")[1:-1]
                                    for col, cell in enumerate(cells)] + line.split("|")[len(cells) + 1:])
    return "\n".join(lines)


def _marked_cell(m: re.Match) -> str:
    """A pipe cell's number and the footnote mark wrapped onto the lines after it, as one
    line (``0<br>注<br>1`` → ``0注1``), where so joined the cell reads as that number (the
    mark read as the cell reader reads ``0注1``, ``3①``, ``12*``); the cell as it is otherwise."""
    first, rest = m.group(2), "".join(_BR.split(m.group(3)))
    if rest[:1].isdecimal():
        return m.group(0)  # a line that begins with a digit: a value of its own, or a wrapped number's
    from ..extract.tokens import cell_value

    token = cell_value(first + rest)
    if token is None or token.kind != "num" or token.value != int(first):
        return m.group(0)
    return m.group(1) + first + rest + m.group(4)


def _several_values(cell: str) -> bool:
    """Is this pipe cell digit runs a line each that are certainly several values — the first
    begins with a zero, which no count does (``0<br>1``)?"""
    m = _DIGIT_LINES.fullmatch(cell)
    return m is not None and leads_zero(m.group(1))


def _joined_cell(m: re.Match) -> str:
    """A pipe cell's wrapped number made one (its spaces kept), or the cell as it is."""
    number = wrapped_number(_BR.split(m.group(2)))
    return m.group(0) if number is None else m.group(1) + number + m.group(3)


def _em_dashes(line: str) -> str:
    """``line`` with pandoc's ``---`` cells made the em dashes they stand for, unless the line
    is a table's rule (only dashes, pipes, colons, ``=`` and spaces)."""
    if _RULE_ONLY.fullmatch(line):
        return line
    return _EM_DASHES.sub(lambda m: "—" * (len(m.group(1)) // 3), line)


__all__ = ["strip_attributes"]
