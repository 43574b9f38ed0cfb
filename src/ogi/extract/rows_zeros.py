"""A row of table 三 printed as one ``0``, read as zeros where the identities leave no other reading.

Agencies with nothing to report in a row of table 三 sometimes merge its seven value cells into
one and write a single ``0`` across them. HTML and Word keep the merge (:mod:`ogi.extract.merged`
splits it there); every rendering as text loses it: the row reaches the reader as its label and
one number. A grid's row (a Markdown pipe table, a TAB copy) then has fewer cells than the
table's, and the aligner places the ``0`` under the first applicant and leaves the other six null
with CELL_BLANK; running text (lynx, pdfplumber) loses even that, and the row is null with
CELL_AMBIGUOUS. Both rightly: a single ``0`` may as well be one cell of a row whose other cells
were left blank (a blank cell is null, schema.md), and nothing in the row tells the two apart.

Two things together do. First, the table must show that it writes its zeros: every other row
prints all seven cells, and one of those a ``0``. A report that leaves zeros blank prints rows
short of their cells (``5 · · · · · 5``: running text shows fewer values, a grid empty cells),
and the pass reads nothing there. Second, the identities must fix each cell of the row at 0.
Table 三's cells are counts (never negative) tied by the format's sums (``TableSpec.identities``):
every column ``一+二 = (七)+四`` and ``(七) = the outcome rows``, every row ``总计 = the six
applicants``. Where the numbers read already satisfy a sum without a row's unread cells — the
known terms of one side add up to the other side exactly — each unread term on that side is 0,
since a positive one would break the sum; where a sum has exactly one unread term, that term is
the difference. The pass applies the two rules to every sum until nothing more follows, over
every null cell of the table (a cell found so helps find others), and reads a row printed as one
``0`` only when each of its unread cells was found, and found 0. A row the sums do not fix (``二``
and ``四`` both printed as ``0`` leave ``二 = 四`` in each column, not their value) stays as read,
null with its finding. Nothing is read in a table whose sums are already broken as read (a sum
whose every term is known and fails, or one the rules would make negative or fractional).

A row read so loses its CELL_BLANK / CELL_AMBIGUOUS finding; one TEMPLATE_DEVIATION names the
rows read. Each cell's provenance is the printed ``0``'s, marked ``"merged": true``. 2021's
derived (六)其他处理 is summed again over sub-rows read so.
"""

from __future__ import annotations

from fractions import Fraction

from ..checks.cells import row_short
from ..model import Finding, Report
from ..template.formats import Per, TableSpec

Cell = tuple[str, str]  # (row key, column key)


def zero_rows_read(report: Report, spec: TableSpec) -> list[str]:
    """Read every row of ``spec``'s table printed as one ``0`` whose blank cells the identities
    fix at 0; the row keys read (their findings updated), [] when none is."""
    values: dict[str, dict[str, int | float | None]] = getattr(report, spec.key)
    candidates = _single_zero_rows(report, spec, values)
    if not candidates:
        return []
    found = _solve(spec, values)
    if found is None:
        return []
    read = [row for row, cells in candidates.items() if all(found.get(c) == 0 for c in cells)]
    for row in read:
        _read_row(report, spec, values, row, candidates[row])
    if read:
        report.findings.append(_read_finding(spec, read))
    for derived, parts in spec.derived.items():
        for col, v in values.get(derived, {}).items():
            items = [values.get(p, {}).get(col) for p in parts]
            if v is None and all(i is not None for i in items):
                values[derived][col] = sum(i for i in items if i is not None)
    return read


def _single_zero_rows(report: Report, spec: TableSpec, values: dict) -> dict[str, list[Cell]]:
    """Rows printed as one ``0``, each with the cells to read; {} unless the table writes its
    zeros: every other row prints all its cells, and one of them a 0 (a report that leaves
    zeros blank prints rows short of their cells — its single 0 is one cell, the rest blank)."""
    out: dict[str, list[Cell]] = {}
    writes_zeros = False
    for row in spec.rows:
        if row.key in spec.derived or len(row.cells) < 2:
            continue
        cells = [(r, c) for r, c, _ in row.cells]
        got = [values.get(r, {}).get(c) for r, c in cells]
        if all(v is not None for v in got):
            writes_zeros = writes_zeros or 0 in got
            continue
        blank = _one_zero(report, spec, cells, got)
        if blank is None:
            return {}  # a row short of its cells otherwise: the report may leave cells blank
        out[row.key] = blank
    return out if writes_zeros else {}


def _one_zero(report: Report, spec: TableSpec, cells: list[Cell], got: list) -> list[Cell] | None:
    """The cells to read of a row printed as one ``0``, or None. Either a grid's row of fewer
    cells than the table's: its one cell 0, under the first column, the others with nothing
    printed (no provenance — a grid's blank cell would have some); or running text's row of
    one value, 0, the aligner could not place (every cell null, its provenance the printed
    ``0``: ``align._null_row``)."""
    prov = [report.provenance.get(_key(spec, cell)) for cell in cells]
    if got[0] == 0 and all(v is None for v in got[1:]) and prov[0] and prov[0].get("text", "").strip() in _ZERO_TEXTS:
        return cells[1:] if not any(prov[1:]) else None
    if all(v is None for v in got) and all(p and p.get("text", "").strip() in _ZERO_TEXTS for p in prov):
        return cells
    return None


_ZERO_TEXTS = frozenset({"0", "０"})


def _instances(spec: TableSpec, values: dict) -> list[tuple[list[Cell], list[Cell]]]:
    """Every sum of the table as (left cells, right cells)."""
    out = []
    columns = list(dict.fromkeys(c for row in spec.rows for _, c, _ in row.cells))
    for identity in spec.identities:
        if identity.per is Per.ROW:
            for row in spec.rows:
                cols = {c for _, c, _ in row.cells}
                if row.key not in spec.derived and set(identity.terms) <= cols:
                    out.append(([(row.key, c) for c in identity.left], [(row.key, c) for c in identity.right]))
        else:
            for col in columns:
                if all(col in values.get(r, {}) for r in identity.terms):
                    out.append(([(r, col) for r in identity.left], [(r, col) for r in identity.right]))
    return out


def _solve(spec: TableSpec, values: dict) -> dict[Cell, Fraction] | None:
    """Every null cell the sums fix, with its value; None when a sum is broken as read."""
    known: dict[Cell, Fraction] = {}
    for row, cols in values.items():
        for col, v in cols.items():
            if v is not None:
                known[(row, col)] = Fraction(v)
    found: dict[Cell, Fraction] = {}
    sums = _instances(spec, values)
    changed = True
    while changed:
        changed = False
        for left, right in sums:
            fixed = _fix(left, right, known)
            if fixed is None:
                return None
            for cell, v in fixed.items():
                known[cell] = found[cell] = v
                changed = True
    return found


def _fix(left: list[Cell], right: list[Cell], known: dict[Cell, Fraction]) -> dict[Cell, Fraction] | None:
    """What one sum fixes among its unknown terms ({} for nothing); None if it is broken."""
    open_l = [c for c in left if c not in known]
    open_r = [c for c in right if c not in known]
    diff = sum((known[c] for c in left if c in known), Fraction(0)) - sum(
        (known[c] for c in right if c in known), Fraction(0))
    if not open_l and not open_r:
        return None if diff != 0 else {}
    if len(open_l) + len(open_r) == 1:
        v = -diff if open_l else diff  # left + x = right, or left = right + x
        return None if v < 0 or v.denominator != 1 else {(open_l or open_r)[0]: v}
    if not open_r and diff == 0 or not open_l and diff == 0:
        return dict.fromkeys(open_l or open_r, Fraction(0))  # the known side already holds the sum
    if not open_r and diff > 0 or not open_l and diff < 0:
        return None  # the known parts alone exceed the total
    return {}


def _key(spec: TableSpec, cell: Cell) -> str:
    return f"{spec.key}.{cell[0]}.{cell[1]}"


def _read_row(report: Report, spec: TableSpec, values: dict, row_key: str, blank: list[Cell]) -> None:
    row = next(r for r in spec.rows if r.key == row_key)
    printed = next(((r, c) for r, c, _ in row.cells if (r, c) not in blank), blank[0])
    prov = {**report.provenance.get(_key(spec, printed), {}), "merged": True}
    report.provenance[_key(spec, printed)] = prov
    for r, c in blank:
        values.setdefault(r, {})[c] = 0
        report.provenance[_key(spec, (r, c))] = dict(prov)
    where = f"{spec.key}.{row_key}"
    report.findings[:] = [f for f in report.findings
                          if not (f.code in _ANSWERED and f.where is not None
                                  and (f.where == where or f.where.startswith(where + ".")))]


_ANSWERED = frozenset({"CELL_BLANK", "CELL_AMBIGUOUS"})  # the findings a row read so answers


def _read_finding(spec: TableSpec, rows: list[str]) -> Finding:
    labels = [row_short(spec, key) for key in rows]
    return Finding.of(
        "TEMPLATE_DEVIATION",
        f"表三 {len(rows)} 行只印一个“0”({'、'.join(labels)}):表中其他数值已满足各项勾稽关系,这些行各格只能为0,按0读入",
        f"table 三: {len(rows)} row(s) print a single 0 ({', '.join(labels)}): the other numbers already satisfy "
        "every identity, so each of their cells can only be 0; read as 0", spec.key)


__all__ = ["zero_rows_read"]
