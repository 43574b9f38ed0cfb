"""A table whose column order no header and no sum shows, read beside one whose order is shown.

Table 三's applicant columns and table 四's results each end with their 总计, and an agency
that prints the total first prints it first in both tables: it draws its tables alike. Where
a table's header cannot be read (a converter stacks each header cell's characters in a
column of its own, or cuts the block headers over table 四's results into pieces) its rows
are read by position, in the template's order, and :mod:`.colorder_sums` lets the row sums
tell the total-first order where they can. They cannot for a row whose two readings both
sum: table 四's block ``x 0 0 0 x`` is 结果维持 x and 总计 x in the template's order, and
总计 x and 尚未审结 x printed total first; table 三's row ``x 0 0 0 0 0 x`` is 自然人 x or
其他 x. Read by position, such a row is silently wrong in a total-first report (cols10's
totals-first set: 2 wrong numbers with no finding in each of pymupdf4llm's and w3m's texts).

So where one table is shown printed total first — its header read so (reordered in a grid,
or named by a text header), or its sums refuting the template's order — and the other
table's order was read from no header, each row of the other table that sums when read total
first is doubtful — whether it also sums as read (the two readings above) or not (a single
block of table 四 failing its sum as read: one row is too few for the sums alone,
:data:`.colorder_sums.MIN_REFUTING_ROWS`): its cells the readings give differently are left
null, with a TEMPLATE_DEVIATION naming the table. Cells both readings agree on (the zeros)
stay. A row that does not sum read total first is left as the sums already judged it. Where the other
table's header reads the template's order whole (a grid's block headers over their five
results, a text header's labels whole and in order), nothing is doubted: the header says
the agency drew the two tables differently."""

from __future__ import annotations

from ..document import Document, Table
from ..model import Finding, Report
from ..template import APPLICANT_COLUMNS, FORMATS
from ..template.formats import T4_GROUPS, T4_RESULTS
from ..template.normalize import label_key
from . import colorder, colorder_t4
from .derived import null_derived

_T3_COLUMNS = tuple(m.key for m in APPLICANT_COLUMNS)  # parts…, total
_T4_COLUMNS = tuple(m.key for m in T4_RESULTS)
TOTAL_LABEL = "总计"  # the label the total columns of both tables print


def total_first(printed: list[str] | str | None) -> bool:
    """Whether a printed order (a finding's note: labels joined by 、, blocks by ;) names
    总计 first in each of its parts."""
    if not printed:
        return False
    notes = [printed] if isinstance(printed, str) else printed
    parts = [p.split(":")[-1] for note in notes for p in note.split(";")]
    return bool(parts) and all(p.split("、")[0] == TOTAL_LABEL for p in parts)


def null_doubtful(report: Report, doc: Document, shown3: bool, shown4: bool,
                  read3: bool, read4: bool) -> list[Finding]:
    """Null the doubtful rows of the table whose order nothing read (``read3``/``read4``
    false) where the other is shown total first (``shown3``/``shown4``); the findings."""
    out: list[Finding] = []
    if shown3 and not read4 and not t4_header_in_template_order(doc):
        rows = [(f"table4.{g}", report.table4.get(g)) for g in T4_GROUPS]
        if _null_ambiguous(rows, _T4_COLUMNS, report.provenance):
            out.append(_finding("table4", "表四", "table 四", "表三", "table 三"))
    if shown4 and not read3 and not t3_header_in_template_order(doc):
        fmt = FORMATS.get(report.meta.template or "")
        if fmt is not None:
            derived = fmt.table3.derived
            rows = [(f"table3.{k}", report.table3.get(k)) for k in report.table3 if k not in derived]
            if _null_ambiguous(rows, _T3_COLUMNS, report.provenance):
                null_derived(report, fmt.table3)
                out.append(_finding("table3", "表三", "table 三", "表四", "table 四"))
    return out


def _null_ambiguous(rows: list[tuple[str, dict | None]], columns: tuple[str, ...], provenance: dict) -> bool:
    """Null, in each complete row that sums when read total first, the cells the two
    readings give differently; whether any was."""
    nulled = False
    for prefix, cells in rows:
        if not cells:
            continue
        values = [cells.get(c) for c in columns]
        read = [v for v in values if isinstance(v, int) and not isinstance(v, bool)]
        if len(read) != len(values):
            continue  # a cell null: no sum to ask
        other = [*read[1:], read[0]]  # printed total first: total read first, the parts after
        if other == read or sum(other[:-1]) != other[-1]:
            continue  # the same either way, or the total-first reading does not sum
        for col, a, b in zip(columns, read, other):
            if a != b:
                cells[col] = None
                provenance.pop(f"{prefix}.{col}", None)
                nulled = True
    return nulled


def t3_header_in_template_order(doc: Document) -> bool:
    """Whether some table 三 header reads its applicant columns in the template's order: a
    grid's seven headers, each once and one column wide, in order; or a text header's eight
    labels joined whole in the order the format draws them."""
    for block in doc.blocks:
        if isinstance(block, Table):
            columns = colorder._header_columns(block)
            if columns is not None and columns == sorted(columns):
                return True
    return colorder._joined(colorder._header_lines(colorder._lines(doc))) == list(colorder._DRAWN)


def t4_header_in_template_order(doc: Document) -> bool:
    """Whether some table 四 header reads its results in the template's order: a grid's
    three block headers each over its five results in order, or a text header's fifteen
    labels read whole, three blocks in the template's order."""
    for block in doc.blocks:
        if isinstance(block, Table) and _grid_in_order(block):
            return True
    return _text_in_order(doc)


def _grid_in_order(table: Table) -> bool:
    found = 0
    for cell in table.cells:
        if cell.colspan != len(_T4_COLUMNS) or cell.text.isascii() or label_key(cell.text) not in colorder_t4._BLOCK_KEYS:
            continue
        columns = colorder_t4._result_columns(table, cell)
        if columns is None or columns != sorted(columns):
            return False
        found += 1
    return found == len(T4_GROUPS)


def _text_in_order(doc: Document) -> bool:
    blocks = colorder_t4.header_blocks(doc)
    return blocks == [list(colorder_t4._RESULT_LABELS)] * len(T4_GROUPS)


def _finding(where: str, zh: str, en: str, zh_other: str, en_other: str) -> Finding:
    return Finding.of(
        "TEMPLATE_DEVIATION",
        f"{zh_other}的总计列印在各项之前,{zh}表头未能读出列序:{zh}中按两种列序都相等而数值不同的行,"
        "两种读法不同的单元格未读入",
        f"{en_other} prints its total column first and {en}'s header could not be read: in each of "
        f"{en}'s rows that sums in both column orders with different values, the cells the two orders "
        "read differently are left null", where)


__all__ = ["TOTAL_LABEL", "null_doubtful", "t3_header_in_template_order", "t4_header_in_template_order", "total_first"]
