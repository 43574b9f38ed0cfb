"""Table 三 printed without its 总计 column: the header places the six applicant columns.

Some agencies print table 三 with the six applicant columns only (自然人 and the five
organisations under 法人或其他组织) and no 总计 column. In a grid (HTML, a Word file) the
missing column is simply absent and every row's cells stand under their headers. A text
rendering (lynx, w3m, pandoc's plain text, a crawler's glued line) prints each row as six
values, and the aligner, expecting the official seven cells, cannot tell which cell of the
seven is the one left blank: every row stayed null with "行只印出 6 个数值,应有 7 格".

The header says which: where the phrases of table 三 before its first row label name all
six applicant columns and no header anywhere in the table names a total (总计, or 合计
which without 总计 *is* the total, or 小计), the table has six value columns, and a row of
six values is the six applicants in the header's order. The table is then aligned with a
narrowed template (each row's six applicant cells; the row identity 总计 = Σ applicants
gone with its total; the column identities, which hold in every column, kept for settling
glued runs), and each row's 总计 is left null — the page prints none, so no total is ever
derived from the applicants — with one finding naming the missing column.

The header alone does not decide it: a text that lost the 总计 header word of a seven-column
table (a header broken over lines, a column's word printed down the cell) still prints seven
values a row. So the narrowing is refused where any row label is followed by more than six
separate values before the next label (:func:`_rows_fit`): such a row shows the seventh
cell the header did not name. A glued run (crawler text) is one token and shows nothing of
its width; it is read by the narrowed template only where its digits split into six cells
one way (or one way the column identities confirm), as the aligner splits any glued run.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import replace

from ..model import Finding
from ..template.formats import APPLICANT_COLUMNS, PrintedRow, TableSpec
from ..template.normalize import label_key
from .layout import Event
from .tokens import NA, NUM

APPLICANT_KEYS = frozenset(label_key(m.label) for m in APPLICANT_COLUMNS if m.key != "total")  # the six headers
TOTAL_WORDS = frozenset(label_key(w) for w in ("总计", "合计", "小计"))  # a header naming any sum column
TOTAL_COLUMN = "total"  # the key of table 三's 总计 column
NARROW_WIDTH = len(APPLICANT_KEYS)  # cells a row prints without its total: 6
ORGANISATIONS_KEY = label_key("法人或其他组织")  # the header spanning the five organisations
# the characters of the six headers and of the one above the five, each as often as printed
APPLICANT_CHARS = Counter("".join(APPLICANT_KEYS) + ORGANISATIONS_KEY)
TOTAL_CHARS = frozenset("总计")  # a character any header of a sum column keeps (总计, 合计, 小计)


def total_unprinted(spec: TableSpec, evs: list[Event]) -> bool:
    """Does table 三's header name the six applicant columns and no total, and no row show a
    seventh value?"""
    if spec.key != "table3" or len(APPLICANT_KEYS) != 6:
        return False
    before_rows: set[str] = set()  # the header's phrases (matching keys) before the first row label
    header_text: list[str] = []  # and all its text, phrases and unknown pieces
    seen_row = False
    for ev in evs:
        if ev.kind not in ("phrase", "gap"):
            continue
        kinds = {p.kind for p in ev.seg.phrases if p.table == "table3"} if ev.kind == "phrase" else set()
        if "row" in kinds:
            seen_row = True
        elif "header" in kinds and ev.seg.text in TOTAL_WORDS:
            return False  # a total or subtotal column is named (or a bare 总计 row: not narrowed either)
        elif not seen_row:
            header_text.append(ev.seg.text)
            if "header" in kinds:
                before_rows.add(ev.seg.text)
    named = APPLICANT_KEYS <= before_rows or _in_pieces("".join(header_text))
    return named and _rows_fit(evs)


def _in_pieces(text: str) -> bool:
    """A header printed down its narrow cells, a character or two a line (``自 ⏎ 然 ⏎ 人``,
    ``商业 ⏎ 企业``: w3m, ``pdftotext -layout``), interleaves its columns' words, so no word is
    read whole. It still holds every character of the six applicant headers, and a total
    column's header, however broken, leaves its 总 or 计 (总计, 合计, 小计): a header text that
    holds the six headers' characters and neither of those names the six columns and no total.
    The characters are counted with 法人或其他组织's above the five (its 其 and 他 are not 其他's:
    a table cut after its fifth organisation, 其他 and 总计 printed elsewhere, names five)."""
    have = Counter(text)
    return not (have.keys() & TOTAL_CHARS) and all(have[c] >= n for c, n in APPLICANT_CHARS.items())


def _rows_fit(evs: list[Event]) -> bool:
    """Does no row label stand before more than six separate values (a seventh cell shown)?"""
    count = 0
    for ev in evs:
        if ev.kind == "value":
            if ev.tok.kind in (NUM, NA):
                count += 1
                if count > NARROW_WIDTH:
                    return False
            continue
        count = 0
    return True


def without_total(spec: TableSpec) -> TableSpec:
    """Table 三 as printed: each row's six applicant cells, no row sum, the column identities kept."""
    def narrowed(row: PrintedRow) -> PrintedRow:
        return replace(row, cells=tuple(c for c in row.cells if c[1] != TOTAL_COLUMN), sums=())
    return replace(spec, rows=tuple(narrowed(r) for r in spec.rows), identities=spec.column_identities)


def add_total_nulls(spec: TableSpec, cells: dict, provenance: dict, findings: list[Finding]) -> None:
    """Every row's 总计 null (the page prints none: never derived), and one finding for the column."""
    rows = [row for row in spec.rows if any(c == TOTAL_COLUMN for _, c, _ in row.cells)]
    for row in rows:
        for row_key, col_key, _ in row.cells:
            if col_key == TOTAL_COLUMN:
                cells[(row_key, col_key)] = None
                provenance.pop((row_key, col_key), None)
    findings.append(Finding.of(
        "TEMPLATE_DEVIATION",
        f"表三未印出“总计”列(表头只列出自然人和五类法人或其他组织),各行按六列读取,{len(rows)} 个总计单元格取空值",
        f"table 三 prints no '总计' column (its header names the six applicants only); each row is read as six "
        f"columns and its {len(rows)} total cell(s) are left null", "table3"))
