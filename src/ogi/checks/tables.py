"""The hard rules the format itself implies, tolerance 0: every identity of every table
(``TableSpec.identities`` in ``ogi.template``: table 三's row totals, balance and outcome
total, table 四's totals), each raising the code the template gives it, and the kind of
every value (no negative counts, no fractions)."""

from __future__ import annotations

from collections.abc import Iterable
from itertools import chain
from operator import methodcaller

from ..model import Finding, Report
from ..template import APPLICANT_COLUMNS, FORMATS, T4_RESULTS, Identity, Kind, Per, TableSpec
from ..template.arithmetic import all_known
from ..template.formats import T4_GROUP_LABELS, sum_positions
from .cells import (
    group_short,
    located,
    not_assessable,
    number,
    printed_rows,
    row_parts,
    row_short,
    summand,
    summed_rows,
    table_name,
)

_MEASURES = {"table3": {m.key: m.label for m in APPLICANT_COLUMNS}, "table4": {m.key: m.label for m in T4_RESULTS}}


def check_tables(report: Report) -> list[Finding]:
    fmt = FORMATS.get(report.meta.template or "")
    if fmt is None:
        return []
    out: list[Finding] = []
    for spec in fmt.tables:
        for identity in spec.identities:
            out += (_row_sums if identity.per is Per.ROW else _identity)(report, spec, identity)
    for spec in fmt.tables:
        out += _value_kinds(report, spec)
    return out


# ------------------------------------------------------------------ sums within a row

def _row_sums(report: Report, spec: TableSpec, identity: Identity) -> list[Finding]:
    """A row identity in each printed row that has it: the total cell = its part cells."""
    code = identity.code
    out: list[Finding] = []
    nulls: list[str] = []
    skipped: list[str] = []
    labels = _MEASURES[spec.key]
    table = getattr(report, spec.key)
    summed = summed_rows(report, spec)
    for row in chain(printed_rows(report, spec), summed):
        for total_at, part_ats in _sum_positions(identity, row.cells):
            total_key, parts = row.cells[total_at], [row.cells[i] for i in part_ats]
            cells = parts + [total_key]
            values = [table.get(r, _NO_ROW).get(c) for r, c, _ in cells]  # report.value(key), without making the keys
            known = all_known(values)
            if known is None:
                if summed and row in summed:  # a sum of sub-rows: its nulls are theirs, said once
                    continue
                nulls += [f"{spec.key}.{r}.{c}" for (r, c, _), v in zip(cells, values) if v is None]
                skipped.append(T4_GROUP_LABELS.get(total_key[0]) or row_short(spec, row.key))
                continue
            *part_values, total = known
            if sum(part_values) == total:
                continue
            context = T4_GROUP_LABELS.get(total_key[0]) or row.label or row.key
            names = "+".join(labels[c] for _, c, _ in parts)
            names_en = " + ".join(c for _, c, _ in parts)
            shown = "+".join(summand(v) for v in part_values)
            out.append(_at_row(
                report, code,
                f"{names} = {shown} = {number(sum(part_values))} ≠ {labels[total_key[1]]} = {number(total)} ({context})",
                f"{names_en} = {shown.replace('+', ' + ')} = {number(sum(part_values))} ≠ {total_key[1]} = "
                f"{number(total)} ({total_key[0]})",
                spec.key, total_key, [r for r, _, _ in cells]))
    if nulls:
        zh, en = table_name(spec)
        out.append(not_assessable(code, f"{zh} {'、'.join(skipped)} 行", f"{en} (rows: {len(skipped)})",
                                  nulls, spec.key))
    return out


def _at_row(report: Report, code: str, zh: str, en: str, table: str, total: tuple, rows: list[str]) -> Finding:
    """A broken row sum, located at the whole row: the sum says that one of its cells is
    wrong, not which — the total as often as a part (a row read a column off prints its
    total under the first applicant, its parts one column right). ``where`` is the row's
    key (``table3.granted``, ``table4.review``: every cell of the row, as the web view and
    the scorer read a key), the line and page those of the total's cell; where the sum's
    cells are not all one row's, the total's cell alone."""
    cell = f"{table}.{total[0]}.{total[1]}"
    where = f"{table}.{total[0]}" if all(r == total[0] for r in rows) else cell
    prov = report.provenance.get(cell, {})
    return Finding.of(code, zh, en, where, line=prov.get("line"), page=prov.get("page"))


_POSITIONS: dict[tuple[int, int], tuple[Identity, tuple, tuple]] = {}  # see _sum_positions
POSITIONS_KEPT = 4096  # (identity, printed row) pairs whose sum positions are kept by identity


def _sum_positions(identity: Identity, cells: tuple) -> tuple[tuple[int, tuple[int, ...]], ...]:
    """:func:`sum_positions`, looked up by the identity of its arguments (the template's own
    objects, asked of every report) instead of by hashing every cell of the row. The entry
    holds its arguments, so an id cannot be reused while it is kept."""
    key = (id(identity), id(cells))
    kept = _POSITIONS.get(key)
    if kept is None or kept[0] is not identity or kept[1] is not cells:
        if len(_POSITIONS) >= POSITIONS_KEPT:
            _POSITIONS.clear()
        kept = _POSITIONS[key] = (identity, cells, sum_positions(identity, cells))
    return kept[2]


# ------------------------------------------------------------------ identities over columns

def _terms(spec: TableSpec, rows: Iterable[str]) -> list[tuple[str, str, list[str]]]:
    """The rows of one side of an identity as a message names them (zh, en, row keys):
    the sub-rows of a numbered group ((三)不予公开 …) summed under its number."""
    terms: list[tuple[str, str, list[str]]] = []
    for key in rows:
        row = next((r for r in spec.rows if r.key == key), None)
        group = row.group if row else None
        name = group_short(spec, group) if group else ""
        if not name.startswith("("):
            terms.append((row_short(spec, key), key, [key]))
        elif terms and terms[-1][1] == f"{group}.*":
            terms[-1][2].append(key)
        else:
            terms.append((name, f"{group}.*", [key]))
    return terms


_TERMS: dict[tuple[int, tuple[str, ...]], tuple[TableSpec, list]] = {}  # see _kept_terms
TERMS_KEPT = 1024  # (table, rows) pairs whose message terms are kept


def _kept_terms(spec: TableSpec, rows: tuple[str, ...]) -> list[tuple[str, str, list[str]]]:
    """:func:`_terms`, kept per table of the template (by its identity, held in the entry so
    that an id cannot be reused while kept) and rows: they depend on nothing else."""
    key = (id(spec), rows)
    kept = _TERMS.get(key)
    if kept is None or kept[0] is not spec:
        if len(_TERMS) >= TERMS_KEPT:
            _TERMS.clear()
        kept = _TERMS[key] = (spec, _terms(spec, rows))
    return kept[1]


_NO_ROW: dict = {}  # an absent row's cells (read only)


def _identity(report: Report, spec: TableSpec, identity: Identity) -> list[Finding]:
    """A column identity in every column: the left rows' sum = the right rows'."""
    code = identity.code
    left, right = (row_parts(report, spec, side) for side in (identity.left, identity.right))
    anchor = (left if len(left) < len(right) else right)[0]
    sides = (_kept_terms(spec, left), _kept_terms(spec, right))
    table = getattr(report, spec.key)
    columns = [c for _, c, _ in spec.rows[0].cells]
    out: list[Finding] = []
    nulls: list[str] = []
    skipped: list[str] = []
    both = [table.get(r, _NO_ROW) for r in left + right]
    # each column's values down the identity's rows, read in C (a row's cells by map, the
    # columns by zip); a column with a null is not assessed (no rows: no column either, and
    # no finding, as before)
    for col, column in zip(columns, zip(*[list(map(cells.get, columns)) for cells in both])):
        if None in column:
            nulls += [f"{spec.key}.{r}.{col}" for r in left + right if table.get(r, {}).get(col) is None]
            skipped.append(_MEASURES[spec.key][col])
            continue
        term_values = [[sum([table[r][col] for r in keys]) for _, _, keys in terms] for terms in sides]
        if sum(term_values[0]) != sum(term_values[1]):  # the message only for a broken identity
            shown_zh = [_side("+", [t[0] for t in terms], values) for terms, values in zip(sides, term_values)]
            shown_en = [_side(" + ", [t[1] for t in terms], values) for terms, values in zip(sides, term_values)]
            label = _MEASURES[spec.key][col]
            out.append(located(report, code, f"{shown_zh[0]} ≠ {shown_zh[1]} ({label}列)",
                               f"{shown_en[0]} ≠ {shown_en[1]} (column {col})", f"{spec.key}.{anchor}.{col}"))
    if nulls:
        zh, en = table_name(spec)
        out.append(not_assessable(code, f"{zh} {'、'.join(skipped)} 列", f"{en} (columns: {len(skipped)})",
                                  nulls, spec.key))
    return out


def _side(plus: str, names: list[str], values: list) -> str:
    if len(values) == 1:
        return f"{names[0]} = {number(values[0])}"
    return f"{plus.join(names)} = {plus.join(summand(v) for v in values)} = {number(sum(values))}"


# ------------------------------------------------------------------ the kind of each value

def _value_kinds(report: Report, spec: TableSpec) -> list[Finding]:
    """VALUE_NEGATIVE: below zero where the kind is not signed; VALUE_NOT_INTEGER: a
    count or signed count with a fraction. A null cell is left to the parser's findings."""
    out: list[Finding] = []
    table = getattr(report, spec.key)
    if _counts_only(table):
        return out
    tname, tname_en = table_name(spec)
    for row in printed_rows(report, spec):
        for i, (row_key, col, kind) in enumerate(row.cells):
            v = table.get(row_key, _NO_ROW).get(col)  # report.value(key), without making the key of every cell
            if v is None or (type(v) is int and v >= 0) or not _wrong_kind(v, kind):  # a count is right
                continue
            key = f"{spec.key}.{row_key}.{col}"
            label = _cell_labels(spec, row)[i]
            text = report.provenance.get(key, {}).get("text", number(v))
            if v < 0 and kind != Kind.SIGNED:
                out.append(located(report, "VALUE_NEGATIVE", f"{tname}{label}为负数 {number(v)}(印为“{text}”)",
                                   f"{tname_en} {key} is negative: {number(v)} (printed '{text}')", key))
            if kind != Kind.AMOUNT and v != int(v):
                out.append(located(report, "VALUE_NOT_INTEGER", f"{tname}{label}不是整数:{number(v)}(印为“{text}”)",
                                   f"{tname_en} {key} is not an integer: {number(v)} (printed '{text}')", key))
    return out


_COUNT_TYPES = frozenset({int, type(None)})
_VALUES = methodcaller("values")


def _counts_only(table: dict[str, dict]) -> bool:
    """Is every value of the table null or a whole number ≥ 0 (nearly every table)? Then no
    cell breaks its kind: the rule's own first test, asked in C of all the values at once."""
    values = list(chain.from_iterable(map(_VALUES, table.values())))
    return set(map(type, values)) <= _COUNT_TYPES and min(filter(None, values), default=0) >= 0


def _wrong_kind(v: int | float, kind: Kind) -> bool:
    """Does a value break its kind: negative where not signed, or a fraction where not an amount?"""
    return (v < 0 and kind != Kind.SIGNED) or (kind != Kind.AMOUNT and v != int(v))


def _cell_labels(spec: TableSpec, row) -> list[str]:
    """A readable name for each cell of a printed row: “row label”的“column”."""
    if spec.key == "table2":
        return [f"“{row.label}”的“{c}”" for c in row.column_labels]
    if spec.key == "table4":
        return [f"“{T4_GROUP_LABELS[r]}”的“{_MEASURES['table4'][c]}”" for r, c, _ in row.cells]
    return [f"“{row.label}”的“{_MEASURES['table3'][c]}”" for _, c, _ in row.cells]
