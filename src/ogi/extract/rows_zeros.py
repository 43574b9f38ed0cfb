"""A row of table 三 printed as one ``0``, read as zeros where the identities leave no other reading.

Agencies with nothing to report in a row of table 三 sometimes merge its seven value cells into
one and write a single ``0`` across them. HTML and Word keep the merge (:mod:`ogi.extract.merged`
splits it there); every rendering as text loses it: the row reaches the reader as its label and
one number. The aligner places that number under the first applicant and leaves the other six
null with a CELL_BLANK finding — rightly, for a single ``0`` may as well be one cell of a row whose
other cells were left blank, and nothing in the text tells the two apart.

The identities sometimes do. Table 三's cells are counts (never negative) tied by the format's
sums (``TableSpec.identities``): every column ``一+二 = (七)+四`` and ``(七) = the outcome rows``,
every row ``总计 = the six applicants``. Where the numbers read already satisfy a sum without a
row's blank cells — the known parts of one side add up to the other side exactly — each blank
part on that side is 0, since a positive one would break the sum; where a sum has exactly one
blank term, that term is the difference. This pass applies the two rules to every sum until
nothing more follows, over every null cell of the table (a cell found so helps find others), and
then reads a row printed as one ``0`` (one non-null cell, 0, every other cell null with no printed
cell of its own: the text held no blank there) as all zeros only when each of its null cells was
found, and found 0. A row whose blank cells the sums do not fix (``二`` and ``四`` both printed as
``0`` leave ``二 = 四`` in each column, not their value) stays as read, null with its finding. The
pass reads nothing in a table whose sums are already broken as read (a sum whose every term is
known and fails, or one the rules would make negative or fractional): there the numbers
themselves are in doubt.

A row read so loses its CELL_BLANK finding and gains a TEMPLATE_DEVIATION one naming it; each
cell's provenance is the printed ``0``'s, marked ``"merged": true``. 2021's derived (六)其他处理
is summed again over sub-rows read so.
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
                values[derived][col] = sum(items)
    return read


def _single_zero_rows(report: Report, spec: TableSpec, values: dict) -> dict[str, list[Cell]]:
    """Rows printed as one ``0``, each with its null cells: one non-null cell holding 0, every
    other cell null with no printed cell behind it (no provenance) — or, where running text
    lost the columns, every cell null, its provenance the row's printed values, all zeros."""
    out: dict[str, list[Cell]] = {}
    for row in spec.rows:
        if row.key in spec.derived or len(row.cells) < 2:
            continue
        cells = [(r, c) for r, c, _ in row.cells]
        filled = [cell for cell in cells if values.get(cell[0], {}).get(cell[1]) is not None]
        if not filled and _zeros_unplaced(report, spec, cells):
            out[row.key] = cells
            continue
        if len(filled) != 1 or values[filled[0][0]][filled[0][1]] != 0:
            continue
        if report.provenance.get(_key(spec, filled[0]), {}).get("text", "").strip() not in _ZERO_TEXTS:
            continue
        blank = [cell for cell in cells if cell != filled[0]]
        if any(_key(spec, cell) in report.provenance for cell in blank):
            continue  # a printed blank cell (a grid's): the report left it blank
        out[row.key] = blank
    return out


def _zeros_unplaced(report: Report, spec: TableSpec, cells: list[Cell]) -> bool:
    """Did the aligner leave the row null because running text printed fewer values than its
    cells — values all zeros (each cell's provenance the printed values, ``_null_row``)?"""
    texts = {report.provenance.get(_key(spec, cell), {}).get("text") for cell in cells}
    if len(texts) != 1:
        return False
    printed = texts.pop()
    return bool(printed) and all(word in _ZERO_TEXTS for word in printed.split())


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
    diff = sum(known[c] for c in left if c in known) - sum(known[c] for c in right if c in known)
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
