"""Align what a table shows with the template's printed rows.

The events of one table (labels, gaps, values in reading order) are first grouped into
*entries*: a label and the values that follow it, or values with no label. Entries whose
label names a template row are anchors. Values between two anchors are placed on the
template rows between them only when their number fits those rows exactly (a lost label,
seed 000); a group label carries its first sub-row's values, as the official layout prints
them. Digit runs that lost their boundaries are split when exactly one split satisfies the
row's identities. Anything else is left null with a finding — never a guess.
"""

from __future__ import annotations

import difflib
import itertools
import re
from collections import Counter
from dataclasses import dataclass, field, replace
from functools import lru_cache
from operator import attrgetter

from ..document import Position
from ..model import Finding
from ..template.arithmetic import identities_hold, instances, row_sums_hold, table_holds
from ..template.formats import OTHER_SUBROWS, SUBTOTAL, Kind, PrintedRow, TableSpec
from ..template.labels import _NUMBERING
from ..template.labels_match import named_row
from ..template.normalize import label_key
from .columns import read_by_columns, read_by_stacks
from . import nototal, rates, rows_moved, rows_old, splitruns
from .glue import Marks, splits
from .layout import Event, phrase_in
from .subtotal import ROWS_WORD, subtotal_header, subtotal_in_rows
from .tokens import BLANK, NA, NUM, SIGN_OR_MARK, TEXT, Token, mark_counts

EXTRA_ROW = "其中"  # the key a sub-row the format does not have starts with (其中:网上申请)
FUZZY = 0.72  # similarity above which an unknown label is read as a template row
FUZZY_WINDOW = 4  # rows after the last one read that an unknown label may name
AMOUNT_UNIT = "万元"  # the unit an amount cell may print after its digits
COUNT_UNITS = frozenset({"件", "个", "项", "条", "次"})  # the units a count cell may print after its digits
UNREAD_LABEL_CHARS = 4  # characters of unknown text (its key) that stand for a row label naming no row
AMBIGUOUS_LIMIT = 24  # readings of a glued row kept for the column identities to choose from
POSITIONS_KEPT = 4096  # source lines whose provenance fields are kept (every value of a row shares its line)
_SUBTOTAL_KEY = label_key(SUBTOTAL)
_AMOUNT_HEADER_KEY = label_key("单位:万元")


@dataclass
class Entry:
    """A printed row in reading: the template row (or group) its label names and its values."""

    row: int | None = None  # index of the template row its label names
    group: str | None = None  # or the group its label names
    values: list[Token] = field(default_factory=list)
    texts: list[tuple[str, Position]] = field(default_factory=list)  # text where values belong
    label_pos: Position | None = None
    headers: tuple[str, ...] = ()  # the column headers printed above the row (matching keys)
    wrapped: bool = False  # its values run on over more than one line of running text
    label_unit: int = -1  # the unit its label was read from
    next_line: int | None = None  # the source line of what follows its values (the next label)
    extra: str | None = None  # the label of a row the format does not have (其中:…): its values are no cells
    unread_label: bool = False  # its values follow a label that names no row of the template (reworded)
    by_label: bool = False  # its row was named by a template label read whole (not resembled, not by place)


@dataclass
class Placed:
    """The result for one table."""

    cells: dict[tuple[str, str], int | float | None] = field(default_factory=dict)
    provenance: dict[tuple[str, str], dict] = field(default_factory=dict)
    findings: list[Finding] = field(default_factory=list)
    rows_seen: set[str] = field(default_factory=set)
    deviation_other: bool = False  # 2021: (六)其他处理 printed as one row
    scrambled: bool = False  # a row label was printed out of the template's order
    # glued rows that split more than one way: row → (candidate readings, printed text, position)
    ambiguous: dict[str, tuple[list[list], str, Position]] = field(default_factory=dict)
    inferred: set[str] = field(default_factory=set)  # rows given values printed before their label
    # the report leaves cells blank: a row printed no value, or a glued run too short for its cells
    blanks_shown: bool = False
    glued: bool = False  # a row's values had to be split out of glued digit runs
    columns_kept: bool = False  # the reader keeps a table row's blank cells (HTML, Word, PDF geometry)
    order_doubtful: bool = False  # read from running text in an order the layout does not vouch for
    # sums that hold in any order of their parts, read in a doubtful order: (row, part cells, values)
    unconfirmed: list[tuple[str, list[tuple[str, str]], list]] = field(default_factory=list)
    # table 四 read whole in a doubtful order whose sums fail, as read before it was nulled
    # (``extract/order.keep_vouched_order`` keeps it where table 三 vouches for the order)
    doubted: tuple[dict[tuple[str, str], int | float | None], Finding] | None = None
    remark_column: bool = False  # the table prints a 备注 column at its right (read from running text)
    remark_rows: set[str] = field(default_factory=set)  # ambiguous rows: a mark after a glued run, remark or cell


def align(spec: TableSpec, fmt: str, evs: list[Event], blanks: bool = False, columns_kept: bool = False,
          paged: bool = False) -> Placed:
    """Place the values of one table's events on the template's cells. ``blanks``: the report
    is known to leave cells blank (another table showed it), so no glued digit run is split:
    a run may then stand for fewer cells than its row has, and no identity can tell which.
    ``columns_kept``: the file's tables keep their blank cells (a web page, a Word file, a PDF
    read by its geometry), so one row's values stand in their columns from the left."""
    subtotal = _subtotal_column(evs) if spec.key == "table3" else None
    if subtotal:
        spec = _with_subtotal(spec)
    printed_spec = spec
    no_total = not subtotal and nototal.total_unprinted(spec, evs)  # table 三 of six columns
    if no_total:
        spec = nototal.without_total(spec)
    # a 备注 column is read in running text, not in a paginated print's text (``paged``), whose
    # extractors print a table's cells column by column, the remark among a column's values
    out = Placed(blanks_shown=blanks, columns_kept=columns_kept, remark_column=not paged and _has_remark_column(evs))
    if _place_columns(spec, fmt, evs, out):
        return out
    entries = _entries(spec, fmt, evs, out.remark_column)
    out = _place_restored(spec, fmt, evs, entries, out)
    if subtotal:
        _drop_subtotal(out, subtotal)
    if no_total:
        nototal.add_total_nulls(printed_spec, out.cells, out.provenance, out.findings)
    for row_key, (_, printed, pos) in out.ambiguous.items():
        label = _printed_label(spec, row_key)
        if row_key in out.remark_rows:
            out.findings.append(Finding.of(
                "CELL_AMBIGUOUS", f"“{label}”行数字粘连({printed}),表格有“备注”列,末尾的标记可能是备注,"
                "也可能是本行的数值格,未采用",
                f"glued digits in row '{label}' ({printed}); the table has a 备注 column, and the "
                "mark after them may be the remark or a cell of the row; left null",
                f"{spec.key}.{row_key}", line=_line(pos), page=_page(pos)))
            continue
        out.findings.append(Finding.of(
            "CELL_AMBIGUOUS", f"“{label}”行数字粘连({printed}),有多种拆分方式,未采用",
            f"glued digits in row '{label}' ({printed}) split more than one way; left null",
            f"{spec.key}.{row_key}", line=_line(pos), page=_page(pos)))
    return out


def _printed_label(spec: TableSpec, key: str) -> str:
    """The label of row ``key`` — or of the group ``key`` where one row was printed for a group's
    rows (a 2019 report's one (六)其他处理 row) — or the table's key where it has none."""
    row = next((r for r in spec.rows if r.key == key), None)
    group = next((g for g in spec.groups if g.key == key), None)
    return (row.label if row else group.label if group else "") or spec.key


def _place_restored(spec: TableSpec, fmt: str, evs: list[Event], entries: list[Entry], out: Placed) -> Placed:
    """Place the entries; where whole blocks of rows were printed out of the template's
    place (:mod:`ogi.extract.rows_moved`), in the template's order if the table's sums
    confirm it, else as printed (the rows out of place ignored)."""
    restored = rows_moved.restore_order(spec, entries)
    if restored is None:
        _place_entries(spec, fmt, evs, entries, out)
        return out
    moved = Placed(blanks_shown=out.blanks_shown, columns_kept=out.columns_kept, remark_column=out.remark_column,
                   findings=list(out.findings))
    _place_entries(spec, fmt, evs, restored.entries, moved)
    if rows_moved.confirmed(spec, restored.entries, moved, restored.moved):
        moved.findings.append(rows_moved.moved_finding(spec, restored))
        return moved
    _place_entries(spec, fmt, evs, _entries(spec, fmt, evs, out.remark_column), out)  # placing changed them
    return out


def _place_entries(spec: TableSpec, fmt: str, evs: list[Event], entries: list[Entry], out: Placed) -> None:
    """Place the table's entries, settle its glued rows by its identities, and distrust a
    reading its order does not vouch for."""
    _place(spec, fmt, entries, out)
    _resolve_by_identities(spec, out)
    _resolve_jointly(spec, out)
    _confirm_inferred(spec, out)
    _distrust_scrambled(spec, fmt, evs, entries, out)


def place_cells(spec: TableSpec, cells: dict, out: Placed, by: str,
                headers: tuple[str, ...] = ()) -> list[tuple[str, str]]:
    """Place a table another reader read cell by cell (``by``: ``"columns"``, ``"boxes"``),
    each row through :func:`_place_row`; a cell it read more than one way (``None``) is left
    null and returned."""
    unsure = [cell for cell, tok in cells.items() if tok is None]
    for row in spec.rows:
        _place_row(spec, row, [cells[(r, c)] or Token(NUM, "0", Position(), 0, 0) for r, c, _ in row.cells],
                   [], None, out, headers)
        for r, c, _ in row.cells:
            if (r, c) in out.provenance:
                out.provenance[(r, c)]["by"] = by
    for cell in unsure:
        out.cells[cell] = None
        out.provenance.pop(cell, None)
    return unsure


def _place_columns(spec: TableSpec, fmt: str, evs: list[Event], out: Placed) -> bool:
    """A table with captions and no identity (table 二), printed column by column in text
    extracted from a PDF: placed where its structure allows one reading only
    (:func:`.columns.read_by_columns`)."""
    if spec.column_identities or not any(r.caption for r in spec.rows) or not _read_from_text(evs):
        return False
    cells: dict | None = read_by_columns(spec, fmt, evs)
    if cells is None:
        cells = read_by_stacks(spec, fmt, evs)
    if cells is None:
        return False
    headers = tuple(ev.seg.text for ev in evs if ev.kind == "phrase"
                    and (p := phrase_in(ev.seg, spec.key, fmt)) is not None and p.kind == "header")
    unsure = place_cells(spec, cells, out, "columns", headers)
    if unsure:
        out.findings.append(Finding.of(
            "CELL_AMBIGUOUS", f"表二按列读出时,{len(unsure)} 个单元格有多种读法({_cell_names(spec, unsure)}),未采用",
            f"table 二 read by columns: {len(unsure)} cell(s) read more than one way; left null",
            spec.key if len(unsure) > 1 else f"{spec.key}.{unsure[0][0]}.{unsure[0][1]}"))
    return True


def _cell_names(spec: TableSpec, cells: list[tuple[str, str]]) -> str:
    """``规章本年制发件数、…`` for table 二's cells (the first few)."""
    names = []
    for r, c in cells[:4]:
        row = spec.row(r)
        names.append(f"{row.label}{row.column_labels[[k for _, k, _ in row.cells].index(c)]}")
    return "、".join(names) + (" 等" if len(cells) > 4 else "")


def _subtotal_column(evs: list[Event]) -> str | None:
    """The header word of table 三's subtotal column (小计, or 合计 beside a 总计 column:
    :func:`.subtotal.subtotal_header`) — or, where the header lost it, what the rows show
    (:func:`.subtotal.subtotal_in_rows`) — or None."""
    return subtotal_header(evs) or (ROWS_WORD if subtotal_in_rows(evs) else None)


def _with_subtotal(spec: TableSpec) -> TableSpec:
    """Table 三 with the unofficial 小计 column read after the five organisation columns."""
    def widened(row: PrintedRow) -> PrintedRow:
        cells = row.cells[:6] + ((row.key, _SUBTOTAL_KEY, Kind.COUNT),) + row.cells[6:]
        return replace(row, cells=cells, sums=((7, (0, 1, 2, 3, 4, 5)), (6, (1, 2, 3, 4, 5))))
    return replace(spec, rows=tuple(widened(r) for r in spec.rows))


def _drop_subtotal(out: Placed, word: str = SUBTOTAL) -> None:
    """The subtotal's values (its header ``word``: 小计 or 合计) are not part of the model:
    read past them, and say so."""
    for cell in [c for c in out.cells if c[1] == _SUBTOTAL_KEY]:
        del out.cells[cell]
        out.provenance.pop(cell, None)
    out.findings.append(Finding.of(
        "TEMPLATE_DEVIATION", f"表三多出“{word}”列(不在规定格式中),已略去",
        f"table 三 has an extra '{word}' column (not in the official format); left out", "table3"))


def _distrust_scrambled(spec: TableSpec, fmt: str, evs: list[Event], entries: list[Entry], out: Placed) -> None:
    """Placement by position and by reading order is an inference; where the reading
    order is shown to be scrambled, the table's own identities must confirm it.

    Evidence of scrambling: a row label printed out of the template's order; in a table
    whose header is printed once, above its rows, a header phrase standing between its
    values; or, for a row with no label of its own (table 四's), a header read in pieces —
    fewer than half of its column words found whole (vertical text broken into single
    characters) — or its values printed one to a line of running text (a PDF's text
    extracted cell by cell, whose order is the extractor's guess) — since then nothing
    but the order says which value is which — as text extracted from a PDF in content order prints it (``72 64 178 37
    结果 维持 … 12 1 1 6 总计 351``). Such a table is kept only if every identity that can
    be tested holds in what was read: a scrambled reading that satisfies all of table 三's
    row and column sums is not chance. Otherwise every cell stays null with one finding.

    A header between values, or a header in pieces, is no evidence against a table whose
    rows were each read whole (:func:`_rows_whole`): a layout text repeats the header on
    every page (``pdftotext -layout``), and a row of values on one line of its own is in the
    order its cells are printed left to right, whatever happened to the header above it."""
    if not _read_from_text(evs):
        return  # a table's grid (HTML, Word, a PDF's ruling lines) orders its cells itself
    order_doubtful = (_header_among_values(spec, fmt, evs) or _header_unread(spec, fmt, evs)
                      or _one_value_a_line(spec, evs)) and not _rows_whole(spec, entries)
    out.order_doubtful = order_doubtful
    if not (out.scrambled or order_doubtful):
        return
    if _table_holds(spec, out):
        if order_doubtful and not spec.column_identities:
            out.unconfirmed = _unconfirmed_parts(spec, out)
        return
    read = dict(out.cells)
    for cell in out.cells:
        out.cells[cell] = None
    out.ambiguous.clear()
    out.findings.append(Finding.of(
        "ROW_AMBIGUOUS",
        f"{spec.name.zh}的数值只能按读出的顺序认定(版面的阅读顺序不可靠:行标题或表头与数值交错,"
        "或数值逐个成行),而按此顺序合计关系不成立,无法区分是报告本身的错误还是阅读顺序造成的,整表未采用",
        f"the cells of {spec.key} can only be told by the order read (an unreliable reading order: labels or header "
        "interleaved with values, or one value a line) and in that order its sums do not hold; a reporting error "
        "cannot be told from a reading-order error, the table is left null",
        spec.key))
    if order_doubtful and not out.scrambled and not spec.column_identities:
        out.doubted = (read, out.findings[-1])


def _unconfirmed_parts(spec: TableSpec, out: Placed) -> list[tuple[str, list[tuple[str, str]], list]]:
    """The sums of a table with row sums only (table 四) whose parts are not all equal: read
    in a doubtful order, such a sum holds whatever the order of its parts (poppler's reading
    order printed 直接起诉's ``17 ⏎ 0 ⏎ 0 ⏎ 0 17`` where the row is 0 17 0 0 17), so the sum
    does not confirm them. :func:`ogi.extract.order.null_unconfirmed_parts` decides, with the
    document's other tables, whether they stay."""
    found = []
    for row in spec.rows:
        for total, parts in row.sums:
            keys = [(row.cells[i][0], row.cells[i][1]) for i in parts]
            values = [out.cells.get(k) for k in keys]
            if all(v is not None for v in values) and len(set(values)) > 1:
                found.append((row.cells[total][0], keys, values))
    return found


def _rows_whole(spec: TableSpec, entries: list[Entry]) -> bool:
    """Was every row of the table read whole: its label (or, for table 四's one unlabelled
    row, no label and the table's only row; or a lost label in a table whose rows are all
    as wide) followed by exactly the row's cells, all of them numbers or not-applicable
    marks printed on one line?"""
    filled = [e for e in entries if e.values]
    if not filled:
        return False
    for e in filled:
        if e.row is not None:
            width = spec.rows[e.row].width
        elif e.group is None and len(spec.rows) == 1 and spec.rows[0].label is None:
            width = spec.rows[0].width
        elif e.group is None and len({r.width for r in spec.rows}) == 1:
            width = spec.rows[0].width  # a row whose label was lost: placed by the anchors around it
        else:
            return False
        if len(e.values) != width or len({t.row for t in e.values}) != 1 \
                or any(t.kind not in (NUM, NA) for t in e.values):
            return False
    return True


def _read_from_text(evs: list[Event]) -> bool:
    """Were any of the table's values read from running text (no cell grid)?"""
    return any(tok.free and tok.kind == NUM for tok in [ev.tok for ev in evs if ev.kind == "value"])


def _header_among_values(spec: TableSpec, fmt: str, evs: list[Event]) -> bool:
    """In a table whose header is printed once (no sub-table captions), does a header
    phrase stand between two of its values, with no row label between the header and the
    values after it? A header repeated at a page break, followed by the next row's label,
    is not scrambling: the label anchors what follows it. Values right after a header,
    with values before it, are a column printed under its header (text extracted from a
    PDF column by column)."""
    if any(r.caption for r in spec.rows):
        return False
    seen_value = header_after = False
    for i, ev in enumerate(evs):
        if ev.kind == "value" and ev.tok.kind == NUM:
            if header_after:
                return True
            seen_value = True
        elif ev.kind == "phrase" and seen_value:
            phrase = phrase_in(ev.seg, spec.key, fmt)
            if phrase is not None and phrase.kind == "header" and not _inside_words(evs, i):
                header_after = True
            elif phrase is not None and phrase.kind in ("row", "group"):
                header_after = False
    return False


def _inside_words(evs: list[Event], i: int) -> bool:
    """Is the phrase at ``evs[i]`` a word inside longer text of its line (``不计其他情形``,
    ``2.其他法律行政法规``): unknown text on both sides of it, in the same unit?"""
    return 0 < i < len(evs) - 1 and all(
        evs[j].kind == "gap" and evs[j].unit == evs[i].unit for j in (i - 1, i + 1))


HEADER_WHOLE_SHARE = 0.5  # of a table's distinct header words that must be read whole to trust order


def _header_unread(spec: TableSpec, fmt: str, evs: list[Event]) -> bool:
    """For a table whose data row has no label, is its header mostly unread?"""
    if not any(r.label is None for r in spec.rows):
        return False
    wanted = {label_key(h) for h in spec.headers}
    seen = set()
    for ev in evs:
        if ev.kind == "phrase":
            phrase = phrase_in(ev.seg, spec.key, fmt)
            if phrase is not None and phrase.kind == "header":
                seen.add(phrase.ref)
    return len(seen & wanted) < HEADER_WHOLE_SHARE * len(wanted)


def _one_value_a_line(spec: TableSpec, evs: list[Event]) -> bool:
    """For a table whose data row has no label: are its values running text, one a line?"""
    if not any(r.label is None for r in spec.rows):
        return False
    values = [ev for ev in evs if ev.kind == "value" and ev.tok.kind == NUM]
    return len(values) > 1 and all(ev.tok.free for ev in values) and len({ev.unit for ev in values}) == len(values)


def _table_holds(spec: TableSpec, out: Placed) -> bool:
    """Does every testable row sum and column identity hold in what was placed?"""
    return table_holds(spec, lambda r, c: out.cells.get((r, c)))


def _resolve_by_identities(spec: TableSpec, out: Placed) -> None:
    """Keep the one reading of an ambiguous glued row that makes the table's column
    identities hold, where every other input of an identity is known."""
    changed = True
    while changed and out.ambiguous and spec.column_identities:
        changed = False
        for row_key, (candidates, printed, pos) in list(out.ambiguous.items()):
            if len(candidates) >= AMBIGUOUS_LIMIT:
                continue  # a reading list cut at the limit may miss another reading that fits
            row = next((r for r in spec.rows if r.key == row_key), None)
            if row is None:
                continue  # a row printed for rows of the template (2019's one (六)): no identity names it
            fitting = [c for c in candidates if _fits(spec, out, row, c)]
            if len(fitting) == 1 and fitting != candidates:
                for (r, col, _), v in zip(row.cells, fitting[0]):
                    out.cells[(r, col)] = v
                    out.provenance[(r, col)] = _prov(_cell_text(v), pos) | {"split_from": printed, "by": "identities"}
                del out.ambiguous[row_key]
                changed = True


JOINT_READINGS_LIMIT = 20000  # combinations of several glued rows' readings tried together


def _resolve_jointly(spec: TableSpec, out: Placed) -> None:
    """Glued rows that stay ambiguous one by one because they feed the same identities
    (``一、本年新收`` and ``(七)总计`` both ``282000030``): try their readings together, and
    keep the one combination under which every identity they take part in can be tested
    in every column and holds. Two or more such combinations, or none: they stay null."""
    rows = list(out.ambiguous)
    if len(rows) < 2 or not spec.column_identities:
        return
    options = [out.ambiguous[r][0] for r in rows]
    if any(len(o) >= AMBIGUOUS_LIMIT for o in options):
        return  # a reading list cut at the limit may miss the true one
    count = 1
    for o in options:
        count *= len(o)
    if count > JOINT_READINGS_LIMIT:
        return
    cells = {r: spec.row(r).cells for r in rows}
    fitting = []
    for combo in itertools.product(*options):
        mine = {(rk, c): v for r, reading in zip(rows, combo) for (rk, c, _), v in zip(cells[r], reading)}
        lookup = lambda r, c: mine.get((r, c), out.cells.get((r, c)))  # noqa: E731 - the combination's cells
        if _identities_known_and_hold(spec, lookup, rows):
            fitting.append(combo)
            if len(fitting) > 1:
                return
        elif any(r in out.remark_rows and None in reading for r, reading in zip(rows, combo)) \
                and identities_hold(spec, lookup, rows):
            return  # a reading with a remark's mark as a cell (unknown) that no identity refutes
    if len(fitting) != 1:
        return
    for r, reading in zip(rows, fitting[0]):
        _, printed, pos = out.ambiguous.pop(r)
        for (rk, col, _), v in zip(cells[r], reading):
            out.cells[(rk, col)] = v
            out.provenance[(rk, col)] = _prov(_cell_text(v), pos) | {"split_from": printed, "by": "identities"}


def _cell_text(v) -> str:
    """A cell of a reading as text (None: a mark of a glued run of them)."""
    return "—" if v is None else str(v)


def _identities_known_and_hold(spec: TableSpec, value, rows: list[str]) -> bool:
    """Does every column identity involving one of ``rows`` have all its inputs known,
    in every column, and hold? (At least one such identity.)"""
    involved = [i for i in spec.column_identities if set(rows) & set(i.terms)]
    for identity in involved:
        for left, right in instances(spec, identity):
            sides = [[value(r, c) for r, c in side] for side in (left, right)]
            if any(v is None for side in sides for v in side) or sum(sides[0]) != sum(sides[1]):
                return False
    return bool(involved)


def _fits(spec: TableSpec, out: Placed, row: PrintedRow, reading: list) -> bool:
    """Does this reading of a row break no identity it can be tested against?"""
    mine = {(r, c): v for (r, c, _), v in zip(row.cells, reading)}

    def value(r: str, c: str):
        if r == row.key:
            return mine.get((r, c))
        return None if r in out.ambiguous else out.cells.get((r, c))
    return identities_hold(spec, value, rows=[row.key])


# ------------------------------------------------------------------ entries

def _entries(spec: TableSpec, fmt: str, evs: list[Event], remarks: bool = False) -> list[Entry]:
    values_in_unit: dict[int, int] = dict(Counter([ev.unit for ev in evs if ev.kind == "value"]))  # counted in C
    entries: list[Entry] = []
    cur: Entry | None = None
    last_row = -1
    last_unit = -1
    headers: list[str] = []
    unread = False  # the event before was a label that names no row, after no labelled row
    in_remark = False  # reading the text of a row's 备注 cell (running text): its numbers are no cells
    for i, ev in enumerate(evs):
        if in_remark and (ev.kind == "value" or ev.kind == "gap" and not _numbered(ev.seg.text)
                          and not _starts_next_row(spec, ev.seg.text, last_row, tails=True)
                          and _own_text_row(spec, fmt, evs, i, last_row, tails=True) is None):
            continue
        in_remark = False
        if ev.kind == "value":
            # a table row of several values has ended: the next values start a new row
            new_row = (cur is not None and cur.values and ev.unit != last_unit
                       and values_in_unit.get(last_unit, 0) >= 2)
            if cur is not None and new_row and _wraps(spec, cur, ev, values_in_unit):
                new_row, cur.wrapped = False, True
            if cur is None or new_row:
                cur = Entry(unread_label=unread)
                entries.append(cur)
            cur.values.append(ev.tok)
            last_unit = ev.unit
            unread = False
            continue
        unread = False
        if cur is not None and cur.values and cur.next_line is None:
            cur.next_line = ev.pos.line
        if ev.kind == "barrier" or ev.kind == "section":
            cur = None
            continue
        if remarks and _begins_remark(spec, fmt, evs, i, cur, last_row):
            cur, in_remark = None, True
            continue
        if ev.kind == "gap" and (ev.seg.text.startswith(EXTRA_ROW) or rates.rate_label(ev.seg.text)):
            cur = Entry(extra=ev.seg.text, label_pos=ev.pos, label_unit=ev.unit)
            entries.append(cur)
            continue
        if ev.kind == "gap" and _numbering_of_next(evs, i):
            continue  # "1.予以公开": a label numbered in another style than the template's
        phrase = phrase_in(ev.seg, spec.key, fmt) if ev.kind == "phrase" else None
        if phrase is None and ev.kind == "phrase" and rows_old.other_format_row(spec, fmt, ev.seg):
            cur = Entry(extra=ev.seg.text, label_pos=ev.pos, label_unit=ev.unit)  # a 2019 row in a 2021 table
            entries.append(cur)
            continue
        row_index = None
        if phrase is None and ev.kind == "gap":
            row_index = _own_text_row(spec, fmt, evs, i, last_row, tails=remarks)
            if row_index is None:
                row_index = _fuzzy_row(spec, _gap_key(spec, fmt, evs, i), last_row)
        elif phrase is not None and phrase.kind == "row":
            row_index = _row_indexes(spec).get(phrase.ref)
        elif phrase is not None and phrase.kind == "header" and i and _numbering_of_next(evs, i - 1):
            row_index = _bare_row(spec, evs, i, last_row)  # "7.总计": a numbered row, not the column
        elif phrase is not None and phrase.kind == "header" and last_row >= 0 and _heads_a_row(evs, i, values_in_unit):
            row_index = _bare_row(spec, evs, i, last_row, numbered=False)  # "总计 | 95 | …" in the body
        if row_index is not None:
            cur = Entry(row=row_index, label_pos=ev.pos, headers=tuple(headers), label_unit=ev.unit,
                        by_label=phrase is not None and phrase.kind == "row")
            entries.append(cur)
            last_row = row_index
        elif phrase is not None and phrase.kind == "group":
            cur = Entry(group=phrase.ref, label_pos=ev.pos)
            entries.append(cur)
        elif phrase is not None and phrase.kind == "header" and cur is not None and cur.row is not None \
                and not cur.values and phrase.exact and _measures_row(spec, cur.row, ev.seg.text):
            continue  # the row's own column header, printed between its label and its value
        elif phrase is not None and phrase.kind == "header" and (_inside_label(cur, ev) or (
                cur is not None and cur.row is not None and _inside_words(evs, i)
                and len(cur.values) < spec.rows[cur.row].width)):
            continue  # a header word inside a row label of running text (…不计其他情形), also where
            # the label's last line comes after the row's first values (a wrapped row, kept only
            # where its sums hold)
        elif phrase is not None:  # a header word, caption or note ends a row
            if cur is not None and cur.row is not None:
                headers = []  # a new sub-table's header begins
            headers.append(ev.seg.text)
            cur = None
        elif cur is not None and cur.row is not None and ev.table and values_in_unit.get(ev.unit, 0) \
                and _piece_of_own_label(spec, cur, ev):
            continue  # the row's label wrapped onto its values' line: label, not a value cell
        elif cur is not None and cur.row is not None and _text_in_a_value_cell(spec, cur, ev, values_in_unit):
            cur.values.append(Token(TEXT, ev.seg.text, ev.pos, ev.unit))
        elif cur is not None and not cur.values and (cur.row is not None or cur.group):
            cur.texts.append((ev.seg.text, ev.pos))
        elif ev.kind == "gap" and (cur is None or (cur.row is None and cur.group is None and cur.extra is None
                                                   and cur.values) or _numbers_next_row(spec, cur, ev, last_row, remarks)) \
                and len(ev.seg.text) >= UNREAD_LABEL_CHARS:
            # a label no row is read from (``一、本年新收申请件数``): the values right after it
            # are a row of their own, whichever it is — they do not run on from those before it
            cur, unread = None, True
    return entries


REMARK_HEADER = label_key("备注")  # the header of the column of remarks an agency may add at a table's right


def _has_remark_column(evs: list[Event]) -> bool:
    """Does the table print a 备注 column (its header word among the table's words, read as
    a gap: the template has no such column)? Asked first in C, over every event's segment
    (a value's is None): where no segment's text is the header, no gap's is (speed: the
    events are read per table of every report)."""
    if REMARK_HEADER not in map(_SEG_TEXT, filter(None, map(_SEGMENT, evs))):
        return False
    return any(ev.kind == "gap" and ev.seg.text == REMARK_HEADER for ev in evs)


_SEGMENT, _SEG_TEXT = attrgetter("segment"), attrgetter("text")
_WRAPPED, _GLUED = attrgetter("wrapped"), attrgetter("glued")  # a token's flags, read in C by any(map(…))


def _numbered(key: str) -> bool:
    """Does a gap's key start with a numbering (``4涉及第三方权益``), as a row label does?"""
    return _NUMBERING.match(key) is not None


def _begins_remark(spec: TableSpec, fmt: str, evs: list[Event], i: int, cur: Entry | None, last_row: int) -> bool:
    """In a table with a 备注 column read from running text, does the gap ``evs[i]`` begin a
    row's remark (``含网上申请3件``, ``同比增加6件``, ``已全部办结``)? Text after a row's
    values, or after the header, that names no row and starts with no numbering: the 备注
    cell, the last of its row. Its numbers are no cells (taken as cells they ran on into the
    row's, or made a row of their own). A gap that starts with a numbering is a row's label
    (reworded), and keeps its values."""
    ev = evs[i]
    if ev.kind != "gap" or ev.table or ev.seg.text == REMARK_HEADER or _numbered(ev.seg.text) \
            or (cur is not None and _numbers_next_row(spec, cur, ev, last_row, tails=True)):
        return False
    if cur is not None and not (cur.row is not None and cur.values):
        return False
    return _own_text_row(spec, fmt, evs, i, last_row, tails=True) is None and _fuzzy_row(spec, _gap_key(spec, fmt, evs, i),
                                                                             last_row) is None


def _numbers_next_row(spec: TableSpec, cur: Entry, ev: Event, last_row: int, tails: bool = False) -> bool:
    """Is the unknown text ``ev``, after a labelled row's values, the label of the next row
    reworded (``4.涉及第三方权益`` after row ``3.危及…``'s values): it starts with the next
    row's own numbering? Then the row before has ended (its values do not run on), and the
    values after it are a row of their own, placed by position where they fit."""
    return cur.row is not None and bool(cur.values) and _starts_next_row(spec, ev.seg.text, last_row, tails)


def _starts_next_row(spec: TableSpec, text: str, last_row: int, tails: bool = False) -> bool:
    """Does a gap's key, or with ``tails`` a tail of it (:func:`_numbered_tails`: in a table
    with a 备注 column), start with the numbering of the row after ``last_row`` and go on
    with words?"""
    if last_row + 1 >= len(spec.rows):
        return False
    label = spec.rows[last_row + 1].label
    own = _NUMBERING.match(label_key(label)) if label else None
    if own is None:
        return False
    for key in (text, *(_numbered_tails(text) if tails else ())):
        m = _NUMBERING.match(key)
        if m is not None and m.group(0) == own.group(0) and len(key) > m.end():
            return True
    return False


def _inside_label(cur: Entry | None, ev: Event) -> bool:
    """Is a header phrase part of the row label before it? In running text a row's label
    and its values share a line and no column header stands between them, so a header
    word on the label's own line, before any value, is a word of the label."""
    return cur is not None and cur.row is not None and not cur.values and not ev.table \
        and ev.unit == cur.label_unit


def _text_in_a_value_cell(spec: TableSpec, cur: Entry, ev: Event, values_in_unit: dict[int, int]) -> bool:
    """Text in a table row that also holds numbers, but fewer than the row has cells
    (``规章 | 由市司法局填报 | 7 | 16``): the text fills a value cell of its own, and the
    numbers after it keep their columns."""
    numbers = values_in_unit.get(ev.unit, 0)
    return ev.table and cur.row is not None and 0 < numbers < spec.rows[cur.row].width \
        and not any(t.free for t in cur.values) and not _begins_a_later_row(spec, cur, ev)


LABEL_PIECE_CHARS = 2  # characters: a shorter text (``无``) is no telling piece of a label


def _piece_of_own_label(spec: TableSpec, cur: Entry, ev: Event) -> bool:
    """Is text in a table row that holds numbers, before the row's first value, a piece of
    that row's own label wrapped onto the values' line (``1.申请人无正当理由逾期不补`` ⏎ ``正、行政机关不再处理其政府 ⇥ 0 ⇥ ⇥ 0 …`` ⏎
    ``信息公开申请``: pdftotext ``-layout`` of a Word table whose label cell wraps over three
    lines, the values on the middle one)? It is the label, not a value cell: taken as one, the
    row held a cell too many and its values were read a column right."""
    assert cur.row is not None  # (the caller's test)
    if cur.values:
        return False
    key = label_key(ev.seg.text)
    row = spec.rows[cur.row]
    return len(key) >= LABEL_PIECE_CHARS and any(key in label_key(t) for t in (row.label or "", *row.variants))


def _begins_a_later_row(spec: TableSpec, cur: Entry, ev: Event) -> bool:
    """Does text stand at the start of a table row after the one whose values ``cur`` holds,
    a row whose cells are all there (``果 | 1.信访举报投诉类申请 | …`` under
    ``3.补正后申请内容仍不明确 | ⇥×6 | 0``: the last piece of a tall group label,
    ``三、本年度办理结果``, a text-mode browser printed a piece a line beside the rows it
    spans)? It is no value cell of that full row: taken as one, the row would hold a cell too
    many and its values be read a column off. (A row short of cells keeps taking it: its
    values' columns are unknown, and the text among them leaves the row null.)"""
    assert cur.row is not None  # (the caller's test)
    return len(cur.values) >= spec.rows[cur.row].width and ev.unit != cur.label_unit \
        and all(t.row != ev.unit for t in cur.values)


def _wraps(spec: TableSpec, cur: Entry, ev: Event, values_in_unit: dict[int, int]) -> bool:
    """Does a labelled row of running text go on in the next line (``一、本年新收… ⏎ 49 1 0
    ⏎ 0 ⏎ 0 0 50``, a PDF's text wrapping a row)? Only while the row is short of its
    width and the next line's values fit in what is left; its sums confirm it later."""
    if cur.row is None or not ev.tok.free or not all(t.free for t in cur.values):
        return False
    return len(cur.values) + values_in_unit.get(ev.unit, 0) <= spec.rows[cur.row].width


def _measures_row(spec: TableSpec, row: int, header: str) -> bool:
    """Is ``header`` the printed column header of one of this row's value cells?"""
    return any(label_key(h) == header for h in spec.rows[row].column_labels)


_NUMBERING_ONLY = re.compile(r"\d{1,2}|[一二三四五六七八九十]{1,2}")


def _numbering_of_next(evs: list[Event], i: int) -> bool:
    """Is the gap ``evs[i]`` only a numbering (``1``, ``七``: the key of ``1.`` ``(七)`` ``七、``)
    printed on the same line just before a known phrase: the number of the label that follows?"""
    ev = evs[i]
    return ev.kind == "gap" and _NUMBERING_ONLY.fullmatch(ev.seg.text) is not None and i + 1 < len(evs) \
        and evs[i + 1].kind == "phrase" and evs[i + 1].unit == ev.unit


_CJK_DIGITS = "一二三四五六七八九十"


def _bare_row(spec: TableSpec, evs: list[Event], i: int, after: int, numbered: bool = True) -> int | None:
    """The row a header word printed after a numbering is the whole label of (``7`` ``总计``
    → ``(七)总计``, a label too short to be a variant of its own): one of the next rows after
    ``after`` whose label is that word under the same number, and only where nothing of the
    label follows on the line (``2.其他法律…`` is no ``3.其他``). Not ``numbered``: the word
    heads a row of values in the table's body, its numbering left out (``总计 | 95 | …``)."""
    key = evs[i].seg.text
    if i + 1 < len(evs) and evs[i + 1].kind == "gap" and evs[i + 1].unit == evs[i].unit:
        return None
    number = evs[i - 1].seg.text if numbered else ""
    n = int(number) if number.isdigit() else _CJK_DIGITS.index(number) + 1 if number in _CJK_DIGITS else 0
    for k in range(after + 1, min(len(spec.rows), after + FUZZY_WINDOW + 1)):
        label = label_key(spec.rows[k].label or "")
        m = _NUMBERING.match(label)
        own = m.group(0).strip("()") if m else ""
        if m and label[m.end():] == key and (not numbered or own in (str(n), _CJK_DIGITS[n - 1:n])):
            return k
    return None


def _heads_a_row(evs: list[Event], i: int, values_in_unit: dict[int, int]) -> bool:
    """Is the phrase ``evs[i]`` the first text of a table row that holds values after it (a
    row label, not a header cell among the column headers)?"""
    ev = evs[i]
    return ev.table and (i == 0 or evs[i - 1].unit != ev.unit) and values_in_unit.get(ev.unit, 0) > 0 \
        and i + 1 < len(evs) and evs[i + 1].unit == ev.unit and evs[i + 1].kind == "value"


def _gap_key(spec: TableSpec, fmt: str, evs: list[Event], i: int) -> str:
    """A gap's text with the phrases of other tables printed just before it on its line: a
    label with a typo can start with another table's word (``其他外对管理服务事项`` reads as
    三's header ``其他`` and a gap), and only the whole resembles the row."""
    key, j = evs[i].seg.text, i - 1
    while j >= 0 and evs[j].unit == evs[i].unit and evs[j].kind == "phrase" \
            and phrase_in(evs[j].seg, spec.key, fmt) is None:
        key, j = evs[j].seg.text + key, j - 1
    return key


LABEL_PIECES = 3  # events before an unknown label (its numbering, header words inside it) read with it


def _own_text_row(spec: TableSpec, fmt: str, evs: list[Event], i: int, after: int, tails: bool = False) -> int | None:
    """The row an unknown label names by its own text, shortened or mistyped
    (:func:`~ogi.template.labels_match.named_row`: the one label of the table it resembles),
    where that row comes after ``after`` within :data:`FUZZY_WINDOW` rows. The label is read
    with the numbering and header words printed just before it on its line, no value between
    (``2.`` ``其他`` ``法规禁止公开``: ``其他`` is table 三's header word, and the numbering
    tells the rows of a group apart), then alone; with ``tails`` (a table with a 备注 column,
    whose remark runs into the next line's label) also its numbered tails
    (:func:`_numbered_tails`). Elsewhere a label's pieces interleave in a layout text
    (``…政府信息公开申请六2申请人逾期未按收``: the end of one row's wrapped label, a group, the
    start of the next row's), and a tail named a row before its values came.

    Only a label its values follow at once is read so: a layout text wraps a long label over
    lines, its values beside a later piece (``六1申请人无正当理`` ⏎ ``由逾期不补正… 0 0 …``), and
    its first piece read as the row left the values to the aligner's other readings, which
    placed them less well than by position (wild36's paged and office layout texts)."""
    if i + 1 >= len(evs) or evs[i + 1].kind != "value":
        return None
    for key in _label_keys(spec, fmt, evs, i) + (_numbered_tails(evs[i].seg.text) if tails else []):
        ref = named_row(spec, key)
        if ref is not None:
            k = _row_indexes(spec).get(ref)
            return k if k is not None and after < k <= after + FUZZY_WINDOW else None
    return None


def _label_keys(spec: TableSpec, fmt: str, evs: list[Event], i: int) -> list[str]:
    """The keys an unknown label ``evs[i]`` may be read by, longest first: with the gaps and
    header words (of any table) just before it on its line, then alone."""
    keys = [evs[i].seg.text]
    key, j = keys[0], i - 1
    while j >= 0 and i - j <= LABEL_PIECES and evs[j].unit == evs[i].unit and evs[j].kind in ("gap", "phrase"):
        if evs[j].kind == "phrase":
            p = phrase_in(evs[j].seg, spec.key, fmt)
            if p is not None and p.kind != "header":
                break
        key = evs[j].seg.text + key
        keys.insert(0, key)
        j -= 1
    return keys


_INNER_NUMBERING = re.compile(r"(?<=\D)\d{1,2}(?=\D)")


def _numbered_tails(key: str) -> list[str]:
    """The tails of a gap's key that start at a numbering inside it (``已全部办结4涉及第三方权益``:
    a row's remark, the last cell of its line, read as one text with the next line's label
    ``4.涉及第三方权益``). A digit inside a gap is such a numbering: the tokenizer leaves a
    digit in the text only where it numbers the label after it (``4.``)."""
    return [key[m.start():] for m in _INNER_NUMBERING.finditer(key)]


def _fuzzy_row(spec: TableSpec, key: str, after: int) -> int | None:
    """The template row (after ``after``) whose label this unknown text most resembles."""
    if len(key) < 4:
        return None
    best, best_ratio = None, FUZZY
    for i in range(after + 1, min(len(spec.rows), after + FUZZY_WINDOW + 1)):
        label = spec.rows[i].label
        if not label:
            continue
        for cand in (label_key(label), _NUMBERING.sub("", label_key(label))):
            ratio = difflib.SequenceMatcher(None, key, cand).ratio()
            if ratio > best_ratio:
                best, best_ratio = i, ratio
    return best


# ------------------------------------------------------------------ placement

def _extra_row(spec: TableSpec, e: Entry, out: Placed) -> None:
    """A sub-row the format does not have (``其中:网上申请``): its values are a part of the row
    above, no cell of the model; read past them, and say so."""
    out.findings.append(Finding.of(
        "TEMPLATE_DEVIATION", f"{spec.name.zh}多出“{e.extra}”行(不在规定格式中),其数值已略去",
        f"{spec.key} has an extra row '{e.extra}' (not in the official format); its values left out",
        spec.key, line=_line(e.label_pos), page=_page(e.label_pos)))


_ROW_INDEXES: dict[int, tuple[TableSpec, dict[str, int]]] = {}  # see _row_indexes
SPECS_KEPT = 64  # tables (the template's, and table 三 widened by 小计) whose row indexes are kept


def _row_indexes(spec: TableSpec) -> dict[str, int]:
    """Row key → the index of its first row, made once per table (kept by its identity, held
    in the entry so that an id cannot be reused while kept) instead of a walk of the rows at
    every row label read."""
    kept = _ROW_INDEXES.get(id(spec))
    if kept is None or kept[0] is not spec:
        if len(_ROW_INDEXES) >= SPECS_KEPT:
            _ROW_INDEXES.clear()
        indexes: dict[str, int] = {}
        for i, r in enumerate(spec.rows):
            indexes.setdefault(r.key, i)
        kept = _ROW_INDEXES[id(spec)] = (spec, indexes)
    return kept[1]


def _first_of_group(spec: TableSpec, group: str) -> int | None:
    return next((i for i, r in enumerate(spec.rows) if r.group == group), None)


def _place(spec: TableSpec, fmt: str, entries: list[Entry], out: Placed) -> None:
    pending: list[Token] = []
    row_starts: set[int] = {id(e.values[0]) for e in entries if e.unread_label and e.values}
    shifted = False  # the pending values were displaced by a label printed after its values
    last = -1
    for k, e in enumerate(entries):
        if e.extra is not None:
            _extra_row(spec, e, out)
            continue
        if e.row is None and e.group is None:
            pending += e.values
            continue
        if e.group is not None:
            first = _first_of_group(spec, e.group)
            if first is None:
                continue
            if e.group == "other" and fmt == "2021" and e.values and _other_as_one_row(spec, entries, k):
                _flush(spec, pending, last, first, out, row_starts=row_starts)
                pending = []
                _place_other_as_one_row(spec, e, out)
                last = spec.rows.index(spec.row(OTHER_SUBROWS[-1]))
                continue
            if e.values and (first <= last or _spills_into_group(spec, pending, last, first)) \
                    and _group_goes_on(spec, e.group, max(last, first)):
                pending += e.values  # a group label printed beside a later row of its group
                continue
            if not e.values and not e.texts and first <= last:
                continue  # a tall group cell's text printed beside a later row of its group
            if not e.values and not e.texts and _spills_into_group(spec, pending, last, first) \
                    and _group_goes_on(spec, e.group, first):
                continue  # printed beside a later row of its group, after the values of an earlier one
            if not e.values and not e.texts:
                _flush(spec, pending, last, first, out, row_starts=row_starts)
                pending, last = [], first - 1
                continue
            e.row = first
        assert e.row is not None  # its label's row, or its group's first row (just above)
        if e.row <= last:
            out.scrambled = True
            out.findings.append(Finding.of(
                "TEMPLATE_DEVIATION", f"行“{spec.rows[e.row].label}”出现在不应出现的位置,已忽略",
                f"row '{spec.rows[e.row].label}' printed out of order; ignored", f"{spec.key}.{spec.rows[e.row].key}",
                line=_line(e.label_pos), page=_page(e.label_pos)))
            continue
        values = e.values
        if _label_after_values(spec, pending, last, e.row) and _shift_ends(spec, entries, k):
            values, pending = pending, list(e.values)  # its values came first; its own are the next row's
            out.inferred.add(spec.rows[e.row].key)
            shifted = bool(pending)
        else:
            _flush(spec, pending, last, e.row, out, inferred=shifted, row_starts=row_starts)
            pending, shifted = [], False
        if values is e.values:
            values = _spread_by_blank_lines(spec.rows[e.row], values, e.label_pos, e.next_line)
        overflow = _place_row(spec, spec.rows[e.row], values, e.texts, e.label_pos, out, e.headers, e.wrapped,
                              e.label_unit)
        pending += overflow
        last = e.row
    _flush(spec, pending, last, len(spec.rows), out, inferred=shifted, row_starts=row_starts)


PARAGRAPH_LINES = 2  # source lines a filled cell takes when every cell is a paragraph: its text, a blank line


def _spread_by_blank_lines(row: PrintedRow, values: list[Token], label_pos: Position | None,
                           next_line: int | None) -> list[Token]:
    """A row copied from a table whose cells are paragraphs, every cell on a line of its
    own and a blank line after each, where an empty cell left only its blank line
    (``一、本年新收… ⏎⏎ 26 ⏎⏎⏎⏎⏎⏎⏎ 26``): the blank lines give each value its column.

    Used only where the row's values fill fewer cells than it has, one paragraph each, and
    the lines account for the row exactly: from the label to the next label, each value
    taking two lines and each empty cell one, the cells come to the row's width — and its
    sums hold with the empty cells as 0. The table's last row, with no next label, is
    accounted for only where its last value falls in its last cell. Otherwise the values
    come back as they were."""
    if label_pos is None or label_pos.line is None or not values \
            or len(values) >= row.width or any(not t.free or t.kind != NUM or t.pos.line is None for t in values) \
            or len({t.row for t in values}) != len(values):
        return values
    lines = [t.pos.line or 0 for t in values]  # all known (checked above)
    cols: list[int] = []
    for line in lines:
        col = (line - label_pos.line - PARAGRAPH_LINES) - len(cols)
        if col < (cols[-1] + 1 if cols else 0) or col >= row.width:
            return values
        cols.append(col)
    trailing = 0 if next_line is None else next_line - lines[-1] - PARAGRAPH_LINES
    if trailing < 0 or cols[-1] + 1 + trailing != row.width:
        return values
    spread = _spread(row, values, cols)
    if not row_sums_hold(row, [t.value if t.kind == NUM else 0 for t in spread]):
        return values
    if next_line is not None and _a_line_a_cell(row, values, lines, label_pos.line, next_line, cols):
        return values  # the lines read as well one cell a line, the values in other columns
    return spread


def _spread(row: PrintedRow, values: list[Token], cols: list[int]) -> list[Token]:
    spread = [Token(BLANK, "", values[0].pos, values[0].row) for _ in range(row.width)]
    for col, t in zip(cols, values):
        spread[col] = t
    return spread


def _a_line_a_cell(row: PrintedRow, values: list[Token], lines: list[int], label_line: int, next_line: int,
                   cols: list[int]) -> bool:
    """Do the lines also read as a table printed one cell a line, an empty cell an empty line
    and blank lines between rows (a page's source text, a ``<td>`` a line: ``8.属于行政查询事项
    ⏎⏎⏎⏎ 0 ⏎⏎⏎⏎⏎ (四)…``), with the values in other columns and the row's sums holding as
    well? Then the lines do not say which columns the values are in."""
    other = [line - label_line - 1 for line in lines]
    if other == cols or other[-1] >= row.width or label_line + row.width >= next_line:
        return False
    return row_sums_hold(row, [t.value if t.kind == NUM else 0 for t in _spread(row, values, other)])


def _shift_ends(spec: TableSpec, entries: list[Entry], k: int) -> bool:
    """Does giving entry ``k`` the values before its label displace nothing further than
    the next row: its own values none, or exactly the next row's, whose label follows with
    none? A longer chain of displacements is no reading of a tall label cell."""
    e = entries[k]
    if not e.values:
        return True
    nxt = entries[k + 1] if k + 1 < len(entries) else None
    return nxt is not None and e.row is not None and nxt.row == e.row + 1 and not nxt.values \
        and len(e.values) == spec.rows[e.row + 1].width


def _label_after_values(spec: TableSpec, pending: list[Token], last: int, row: int) -> bool:
    """Were the values before this label printed before it (text extracted from a PDF
    puts a tall label cell's text after the values beside it)? Only where they have no
    other place — no template row between the last anchor and this label — and fill the
    row exactly. A reading the table's identities must confirm (:func:`_confirm_inferred`)."""
    return bool(pending) and row == last + 1 and len(pending) == spec.rows[row].width \
        and all(t.free and t.kind in (NUM, NA) for t in pending)


def _confirm_inferred(spec: TableSpec, out: Placed) -> None:
    """Rows given the values printed before their label are kept only where every column
    identity they take part in can be tested, in every column, and holds; otherwise they
    are null with one finding (table 二's rows, with no identity, are never kept so)."""
    if not out.inferred:
        return
    if _identities_known_and_hold(spec, lambda r, c: out.cells.get((r, c)), sorted(out.inferred)):
        return
    keys = sorted(out.inferred, key=lambda k: [r.key for r in spec.rows].index(k))
    for (r, c) in list(out.cells):
        if r in out.inferred:
            out.cells[(r, c)] = None
    out.findings.append(Finding.of(
        "ROW_AMBIGUOUS",
        f"{spec.name.zh}有 {len(keys)} 行的数值印在行标题之前(版面的阅读顺序不可靠),"
        "合计关系无法证实这种读法,这些行未采用",
        f"{len(keys)} row(s) of {spec.key} have their values printed before their label (an unreliable reading "
        "order) and the table's identities cannot confirm that reading; those rows are left null",
        ",".join(f"{spec.key}.{k}" for k in keys)))


def _group_goes_on(spec: TableSpec, group: str, last: int) -> bool:
    """Has the group rows left after row ``last``? A layout text prints a group's label at
    the middle of its rows (``(六)其他处理`` beside 2.申请人逾期未按…): values on that line
    belong to a later row of the group, which the anchors around them decide."""
    return any(r.group == group for r in spec.rows[last + 1:])


def _spills_into_group(spec: TableSpec, pending: list[Token], last: int, first: int) -> bool:
    """Are the values waiting before a group label more than the rows between the last
    anchor and the group's first row hold? Then the label is printed beside a later row of
    its group (a text browser's dump puts ``其他处理`` beside 2.申请人逾期…, after the values of
    1.申请人无正当理由逾期不补正 whose wrapped label matched nothing), and the values run on
    into the group: the next row anchor decides where, by count, as for any unlabelled run."""
    if not pending:
        return False
    return first == last + 1 or len(pending) > sum(r.width for r in spec.rows[last + 1:first])


def _other_as_one_row(spec: TableSpec, entries: list[Entry], k: int) -> bool:
    """2021: is (六)其他处理 printed as one row? Its own values fill one row and the next
    label is (七)总计, with no unlabelled values between."""
    e = entries[k]
    after = 0
    for nxt in entries[k + 1:]:
        if nxt.row is not None or nxt.group is not None:
            return spec.rows[nxt.row].key == "total" if nxt.row is not None else False
        after += len(nxt.values)
    return False if after else len(e.values) <= spec.rows[0].width


def _place_other_as_one_row(spec: TableSpec, e: Entry, out: Placed) -> None:
    first = spec.row(OTHER_SUBROWS[0])
    label = spec.group(first.group or "").label  # (六)其他处理
    pseudo = PrintedRow("other", label, tuple(("other", c, k) for _, c, k in first.cells), sums=first.sums)
    _place_row(spec, pseudo, e.values, e.texts, e.label_pos, out)
    out.deviation_other = True
    out.findings.append(Finding.of(
        "TEMPLATE_DEVIATION", f"2021年格式中“{label}”应分为三个子行,本报告印为一行;已记入 other,三个子行为空",
        f"{label} printed as one row in a 2021-format report: kept as 'other', its three sub-rows null",
        f"{spec.key}.other", line=_line(e.label_pos), page=_page(e.label_pos)))
    for key in OTHER_SUBROWS:
        out.rows_seen.add(key)


def _flush(spec: TableSpec, values: list[Token], last: int, upto: int, out: Placed,
           inferred: bool = False, row_starts: set[int] | frozenset[int] = frozenset()) -> None:
    """Place unlabelled values on the template rows strictly between ``last`` and ``upto``
    (``inferred``: values displaced by a label printed after its values, to be confirmed;
    ``row_starts``: the ids of values that start a row after a label naming none)."""
    if not values:
        return
    slots = [spec.rows[i] for i in range(last + 1, upto)]
    if inferred:
        out.inferred.update(r.key for r in slots)
    width = sum(r.width for r in slots)
    if len(slots) == 1 and len(values) < width and (any(t.glued for t in values) or (out.columns_kept and _one_table_row(values))):
        _place_row(spec, slots[0], values, [], None, out)  # splits, records the ambiguity, or fills from the left
        _label_missing(spec, slots[0], values[0].pos, out)
        return
    if slots and len(values) != width:
        jointly = _unglue(values, width, _joint_sums(slots), tuple(k for r in slots for _, _, k in r.cells))[0]
        runs = _runs_as_rows(slots, values, row_starts)
        if runs is not None and (jointly is None or not _keeps_runs(jointly, runs)):
            for row, run in zip(slots, runs):  # each run its own row: split, or left ambiguous, there
                _place_row(spec, row, run, [], None, out)
                _label_missing(spec, row, run[0].pos, out)
            return
        values = jointly or values
    if not slots or len(values) != width:
        where = f"{spec.key}.{slots[0].key}" if slots else spec.key
        out.findings.append(Finding.of(
            "ROW_AMBIGUOUS",
            f"{len(values)} 个数值无法确定所属的行(此处应有 {len(slots)} 行共 {width} 格),未采用: "
            + " ".join(t.text for t in values[:20]),
            f"{len(values)} values could not be placed ({len(slots)} rows, {width} cells expected here); not used",
            where, line=_line(values[0].pos), page=_page(values[0].pos)))
        return
    at = 0
    for row in slots:
        _place_row(spec, row, values[at:at + row.width], [], None, out)
        _label_missing(spec, row, values[at].pos, out)
        at += row.width


def _runs_as_rows(slots: list[PrintedRow], values: list[Token], row_starts: set[int] | frozenset[int]) -> list[list[Token]] | None:
    """Values that follow, run by run, as many labels that name no row as there are rows to
    fill (reworded labels of a table printed as one line: ``一、本年新收申请件数46712801500610
    二、上年结转申请件数8000008``): the runs, one a row in order, where none holds more values
    than its row has cells and the short ones are glued (a glued run is split for its own row,
    with its own sums, and the column identities choose where it splits more than one way).
    None otherwise."""
    if not values or id(values[0]) not in row_starts:
        return None
    runs: list[list[Token]] = []
    for t in values:
        if id(t) in row_starts:
            runs.append([])
        runs[-1].append(t)
    if len(runs) != len(slots) or any(len(run) > row.width or (len(run) < row.width and not any(t.glued for t in run))
                                      for row, run in zip(slots, runs)):
        return None
    return runs


def _keeps_runs(split: list[Token], runs: list[list[Token]]) -> bool:
    """Does a joint split of several rows' values put each run's digits in its own row (no
    row takes digits from a run after a label)?"""
    at = 0
    for run in runs:
        digits = "".join(_digits(t).replace(",", "") if t.glued else str(_number(t)) for t in run)
        acc = ""
        while at < len(split) and len(acc) < len(digits):
            acc += str(_number(split[at]))
            at += 1
        if acc != digits:
            return False
    return at == len(split)


def _one_table_row(values: list[Token]) -> bool:
    """Are these the cells of one row of a table (not running text)? In a file whose tables
    keep their blank cells, those before and among its values are there; only those after its
    last value were left out (``layout._trim_blanks``), so its values stand in their columns
    from the left — table 四's one row with its last cells blank. (A text file's row split at
    runs of spaces may have lost a blank anywhere: not there.)"""
    return not any(t.free for t in values) and len({t.row for t in values}) == 1


def _label_missing(spec: TableSpec, row: PrintedRow, pos: Position, out: Placed) -> None:
    if row.label:
        out.findings.append(Finding.of(
            "ROW_LABEL_MISSING", f"行标题缺失,按位置认定为“{row.label}”",
            f"row label lost; placed by position as '{row.label}'", f"{spec.key}.{row.key}",
            line=_line(pos), page=_page(pos)))


def _joint_sums(rows: list[PrintedRow]) -> tuple:
    sums, offset = [], 0
    for r in rows:
        sums += [(offset + t, tuple(offset + p for p in parts)) for t, parts in r.sums]
        offset += r.width
    return tuple(sums)


def _unglue(values: list[Token], width: int, sums: tuple, kinds: tuple[Kind, ...] | None = None
            ) -> tuple[list[Token] | None, list[list]]:
    """Split glued digit runs so that ``values`` fill ``width`` cells (of these ``kinds``).

    Returns (the split tokens, []) when exactly one split satisfies ``sums``; (None,
    the readings) when several do; (None, []) when none does or nothing is glued. Where
    no split satisfies ``sums`` but the digits read one way only (``0000003``: no number
    starts with 0), that one reading is the row as printed — the report's own sums are
    broken, and the checks say so."""
    marks = any(t.kind == NA and t.glued for t in values)
    if (len(values) >= width and not marks) or not any(t.glued for t in values) \
            or any(t.kind not in (NUM, NA) for t in values):
        return None, []
    parts = _parts(values)
    sizes: list[list[int]] = []
    found = splits(parts, width, sums, limit=AMBIGUOUS_LIMIT, kinds=kinds, sizes=sizes)
    if not found and sums:
        sizes = []
        found = splits(parts, width, (), limit=2, kinds=kinds, sizes=sizes)
    if len(found) != 1:
        return None, found
    out: list[Token] = []
    rest = found[0]
    for t, n in zip(values, sizes[0]):
        for v in rest[:n]:
            if t.kind == NA:  # a mark of a glued run of them: the run is what was printed
                out.append(Token(NA, t.text, t.pos, t.row, None, None, confidence=t.confidence))
                continue
            out.append(Token(NUM, str(v), t.pos, t.row, v, f"split:{t.text}" if t.glued else t.unit,
                             confidence=t.confidence))
        rest = rest[n:]
    return out, []


def _parts(values: list[Token]) -> list:
    """The parts :func:`~ogi.extract.glue.splits` reads: a glued run's digits, a number, or
    the counts of cells a run of marks may hold (one for a mark printed alone)."""
    return [(_marks(t) if t.glued else Marks((1,))) if t.kind == NA
            else _digits(t) if t.glued else _number(t) for t in values]


def _marks(tok: Token) -> Marks:
    """A glued run of marks as a part: its counts of cells, and, where its last ``-`` may be
    the next number's sign (``SIGN_OR_MARK``), its counts without that ``-``."""
    if tok.unit != SIGN_OR_MARK:
        return Marks(mark_counts(tok.text))
    rest = tok.text[:-1]
    return Marks(mark_counts(tok.text), mark_counts(rest) if rest else (0,))


def _digits(tok: Token) -> str:
    """A glued run's digits, without the 万元 or the count's unit printed after its last one
    (``00万元``, ``002个``: the unit belongs to the run's last number). A run ending in 元 keeps
    it, and so reads no way: its amount would need converting, and which number is the
    amount is what the split would decide."""
    if tok.unit == AMOUNT_UNIT or tok.unit in COUNT_UNITS:
        return tok.text.removesuffix(tok.unit).rstrip()
    return tok.text


def _number(tok: Token) -> int | float:
    """The value of a NUM token (every one carries it)."""
    assert tok.value is not None, tok.text
    return tok.value


def _run_length(values: list[int], digits: str) -> int:
    """How many of ``values`` spell out ``digits``."""
    acc = ""
    digits = digits.replace(",", "")  # a thousands separator inside the run's last number
    for i, v in enumerate(values, start=1):
        acc += str(v)
        if acc == digits:
            return i
    return len(values)


def _place_row(spec: TableSpec, row: PrintedRow, values: list[Token], texts: list[tuple[str, Position]],
               label_pos: Position | None, out: Placed, headers: tuple[str, ...] = (),
               wrapped: bool = False, label_unit: int = -1) -> list[Token]:
    """Fill one printed row; returns the values beyond its width (they belong further on).
    A row whose values wrapped over lines is kept only where its sums hold. ``label_unit``:
    the unit its label was read from (-1: unknown)."""
    out.rows_seen.add(row.key)
    if any(map(_WRAPPED, values)):  # read in C, as the two tests of glued runs below
        _wrapped_digits(spec, row, values, out)
        return []
    values = list(values)
    width = row.width
    while len(values) > width and values[0].kind == BLANK:
        values.pop(0)  # an empty sub-label cell beside a group label
    if out.remark_column and values and all(t.free for t in values):
        if _remark_glued(values) and _remark_after_glued(values, width):
            values.pop()  # the 备注 cell: the run before it fills the row
        elif _remark_glued(values):
            _remark_or_cell(spec, row, values, out)
            return []
        if len(values) == width + 1 and values[-1].kind in (NA, TEXT):
            values.pop()  # the 备注 cell, last of the row: one cell more than the row has
    if _blank_lines_lost(values, width, label_unit):
        _unplaceable(spec, row, values, out)  # before ungluing: a number alone on its line is one cell
        return []
    if not texts and all(t.kind == BLANK for t in values):
        out.blanks_shown = True  # a row that printed nothing at all: this report leaves cells blank
    if any(map(_GLUED, values)) and ((len(values) < width) or any(t.glued for t in values if t.kind == NA)):
        out.glued = True
        if _fewer_digits_than_cells(values, width):
            out.blanks_shown = True
        if out.blanks_shown and _reads_as_fewer_cells(values, width):
            _glued_with_blanks(spec, row, values, out)
            return []
        split, readings = _unglue(values, width, row.sums, tuple(k for _, _, k in row.cells))
        if readings:
            printed = " ".join(t.text for t in values)
            out.ambiguous[row.key] = (readings, printed, values[0].pos)
            for row_key, col_key, _ in row.cells:
                out.cells[(row_key, col_key)] = None
                out.provenance[(row_key, col_key)] = _prov(printed, values[0].pos)
            return []
        if split:
            values = split
        elif any(t.glued for t in values if t.kind == NA):
            _null_glued(spec, row, values, out, ";数字与“/”“—”等标记无法拆成本行的格数,未采用",
                        "; its digits and marks do not split into the row's cells; left null")
            return []
    if len(values) > width and (joinings := splitruns.candidate_rows(row, values)):  # mso19: runs of one number
        if len(joinings) > 1:
            printed = " ".join(t.text for t in values)
            out.ambiguous[row.key] = ([[t.value for t in j] for j in joinings], printed, values[0].pos)
            for row_key, col_key, _ in row.cells:
                out.cells[(row_key, col_key)] = None
                out.provenance[(row_key, col_key)] = _prov(printed, values[0].pos)
            return []
        values = joinings[0]
    if any(map(_GLUED, values)) and any(t.glued and "," in t.text for t in values):
        _misgrouped(spec, row, values, out)  # a run with a thousands number that no split read
        return []
    if (len(values) != width  # a row that fills its cells exactly is none of these three
            and (_cells_lost(values, width) or _text_misplaces(values, width) or _lines_of_others(values, width))) \
            or (wrapped and not _sums_hold(row, values[:width])):
        _unplaceable(spec, row, values, out)
        return []
    mine, overflow = values[:width], values[width:]
    blank, na, text_cells = [], [], []
    for i, (row_key, col_key, kind) in enumerate(row.cells):
        cell = (row_key, col_key)
        tok = mine[i] if i < len(mine) else None
        if tok is None or tok.kind != NUM:
            out.cells[cell] = None
            if tok is not None and tok.kind == NA:
                na.append(col_key)
                out.provenance[cell] = _prov(tok.text, tok.pos, tok)
            elif tok is None and texts:
                text_cells.append(col_key)
                out.provenance[cell] = _prov(texts[0][0], texts[0][1])
            elif tok is not None and tok.kind == TEXT:
                text_cells.append(col_key)
                texts = texts or [(tok.text, tok.pos)]
                out.provenance[cell] = _prov(tok.text, tok.pos)
            else:
                blank.append(col_key)
                if tok is not None:
                    out.provenance[cell] = _prov("", tok.pos, tok)
            continue
        value = _number(tok)
        at = tok.pos  # _prov(tok.text, tok.pos, tok), inline: every value cell makes one
        prov = {"text": tok.text, **(_line_fields(at.line, at.page) if at.bbox is None else at.as_dict())}
        if tok.confidence is not None:
            prov["confidence"] = tok.confidence
        if kind == Kind.AMOUNT:  # the printed header says whether the column has a unit
            prov["header"] = next((h for h in headers if "金额" in h), "") + \
                next((h for h in headers if h == _AMOUNT_HEADER_KEY), "")
        if tok.unit and tok.unit.startswith("split:"):
            prov["split_from"] = tok.unit[6:]
        elif tok.unit and tok.unit.startswith("joined:"):  # mso19: a number printed as runs
            prov["joined_from"] = tok.unit[7:]
        elif kind == Kind.AMOUNT and tok.unit == "元":
            value = round(value / 10000, 6)
            prov["converted"] = "元→万元"
            out.findings.append(Finding.of(
                "AMOUNT_UNIT", f"金额印为“{tok.text}”(元),已换算为 {value} 万元",
                f"amount printed in 元 ({tok.text}); converted to {value} 万元",
                f"{spec.key}.{row_key}.{col_key}", line=_line(tok.pos), page=_page(tok.pos)))
        out.cells[cell] = value
        out.provenance[cell] = prov
    label = row.label or spec.key
    where = f"{spec.key}.{row.key}"
    pos = (mine[0].pos if mine else label_pos)
    if text_cells:
        out.findings.append(Finding.of(
            "CELL_TEXT", f"“{label}”行的数值单元格是文字“{texts[0][0]}”,取空值",
            f"value cells of '{label}' hold text '{texts[0][0]}'; null", _where(where, text_cells),
            line=_line(texts[0][1]), page=_page(texts[0][1])))
    if blank:
        out.findings.append(Finding.of(
            "CELL_BLANK", f"“{label}”行有 {len(blank)} 个数值单元格为空({'、'.join(blank)})",
            f"{len(blank)} blank value cell(s) in '{label}' ({', '.join(blank)})", _where(where, blank),
            line=_line(pos), page=_page(pos)))
    if na:
        out.findings.append(Finding.of(
            "CELL_NOT_APPLICABLE", f"“{label}”行有 {len(na)} 个单元格填写“/”“—”或“无”,取空值",
            f"{len(na)} cell(s) of '{label}' marked not applicable; null", _where(where, na),
            line=_line(pos), page=_page(pos)))
    return overflow


def _remark_glued(values: list[Token]) -> bool:
    """In a table with a 备注 column, does a mark (``无``) follow a glued digit run at the end
    of a row of running text (``1000001无``)? It may be the remark, the run then the row's
    cells, or the row's last cell, the run one cell short: which, no text tells."""
    return len(values) >= 2 and values[-1].kind == NA and not values[-1].glued and values[-2].glued


def _remark_or_cell(spec: TableSpec, row: PrintedRow, values: list[Token], out: Placed) -> None:
    """A row whose mark after a glued run may be its remark or its last cell: both readings
    (the run split into the row's cells; the run one cell short and the mark that cell) are
    kept as the row's candidates, for the column identities to choose from — the mark's cell
    unknown, a reading with it is kept only where every identity it can be tested against
    refutes the other (:func:`_resolve_by_identities`, :func:`_resolve_jointly`). Else the row
    stays null with a finding."""
    kinds = tuple(k for _, _, k in row.cells)
    readings: list[list] = []
    for vals in (values[:-1], values):
        split, found = _unglue(vals, row.width, row.sums, kinds)
        readings += [[t.value if t.kind == NUM else None for t in split]] if split else found
    printed = " ".join(t.text for t in values)
    out.glued = True
    out.ambiguous[row.key] = (readings, printed, values[0].pos)
    out.remark_rows.add(row.key)
    for row_key, col_key, _ in row.cells:
        out.cells[(row_key, col_key)] = None
        out.provenance[(row_key, col_key)] = _prov(printed, values[0].pos)


def _remark_after_glued(values: list[Token], width: int) -> bool | None:
    """For a row whose mark follows a glued run (:func:`_remark_glued`): True where the mark
    can only be the remark — the digits before it read as no fewer than ``width`` cells
    (``0000000无``: no number starts with 0, so the run is the row's seven cells); False
    where the run may also be one cell short and the mark its last cell (``1000001无``:
    ``10·0·0·0·0·1`` and ``无``)."""
    rest = values[:-1]
    if any(t.kind not in (NUM, NA) for t in rest):
        return False
    return not splits(_parts(rest), width - 1, (), limit=1)


def _fewer_digits_than_cells(values: list[Token], width: int) -> bool:
    """Can these values not fill ``width`` cells even one digit a cell (``5252`` for a row of
    seven)? Then the run left blank cells out."""
    return sum(len(_digits(t).replace(".", "").replace(",", "")) if t.glued else 1 for t in values) < width


def _reads_as_fewer_cells(values: list[Token], width: int) -> bool:
    """Do these values (glued runs among them) also read as fewer numbers than ``width``?
    In a report that leaves cells blank such a run may be those numbers with blank cells
    between them (``1203123``: seven digits, or 120·3·123 and four blanks). ``0000000``
    reads only as seven zeros (no number starts with 0), so it stays certain."""
    # a mark (—, /, 无) is a cell of its own, whatever it stands for, and a glued run of them
    # one of its counts of cells: no sum is tested here
    # a run ending in a "-" before a number may also be that number's sign (``8-3``: 8 and −3,
    # two cells, beside a blank one — or 8, a dash and 3)
    parts = [_marks(t) if t.kind == NA and t.glued else _digits(t) if t.glued
             else _number(t) if t.kind == NUM else 0 for t in values]
    signs = any(isinstance(p, Marks) and p.signed for p in parts)
    return any(splits(parts, k, (), limit=1) for k in range(len(values), width)) \
        or (signs and any(splits(parts, k, (), limit=1, kinds=[Kind.SIGNED] * k) for k in range(1, width)))


def _glued_with_blanks(spec: TableSpec, row: PrintedRow, values: list[Token], out: Placed) -> None:
    """A glued run in a report that leaves cells blank, which also reads as fewer numbers
    than the row has cells: a blank cell prints nothing, so which reading the report printed,
    and in which columns, is unknown; the row stays null."""
    _null_glued(spec, row, values, out, ";本报告有空白单元格,粘连的数字可能略去了空白格,无法确定拆分,未采用",
                "; the report leaves cells blank, so the run may omit blank cells and cannot be split with "
                "certainty; left null")


def _sums_hold(row: PrintedRow, values: list[Token]) -> bool:
    return row_sums_hold(row, [t.value if t.kind == NUM else None for t in values])


def _text_misplaces(values: list[Token], width: int) -> bool:
    """A row with a text cell among its numbers is read by position only when its cells
    fill the row exactly; a merged text cell would otherwise shift the numbers after it."""
    return any(t.kind == TEXT for t in values) and len(values) != width


def _lines_of_others(values: list[Token], width: int) -> bool:
    """More values than the row has cells, read from running text over several lines:
    columns of several rows printed under one label (text extracted from a PDF column by
    column), not this row followed by the next — which of them are this row's is unknown."""
    return len(values) > width and all(t.free for t in values) and len({t.row for t in values}) > 1


def _cells_lost(values: list[Token], width: int) -> bool:
    """Values read from running text that fill only part of a row: the text lost the
    boundaries of the row's blank cells, so which columns the values belong to is unknown."""
    printed = [t for t in values if t.kind in (NUM, NA)]
    return 0 < len(printed) < width and len(values) < width and all(t.free for t in printed)


def _blank_lines_lost(values: list[Token], width: int, label_unit: int) -> bool:
    """Values that fill only part of a row, each printed on a line of its own apart from the
    label (one cell a line, seed B's flattening): a blank cell's line holds nothing but its
    separator and is dropped on reading, so which columns the values belong to is unknown
    (filling the row from the left would put a number in the wrong column, and splitting a
    number of several digits to make up the count would invent cells: ``3`` ⏎ ⏎ ``46`` is
    3, a blank and 46, not 3, 4, 6)."""
    if len(values) >= width:
        return False  # the row is full (the test below, before its list is made)
    printed = [t for t in values if t.kind in (NUM, NA)]
    if not 0 < len(printed) < width or len({t.row for t in printed}) < len(printed):
        return False
    return len(printed) > 1 or (label_unit >= 0 and printed[0].row != label_unit)


def _misgrouped(spec: TableSpec, row: PrintedRow, values: list[Token], out: Placed) -> None:
    """A glued run ending in a thousands number (``1234,567``) that was not split: as printed
    it is no number (a separator follows at most three digits), so the row stays null."""
    _null_glued(spec, row, values, out, ",千位分隔符前的数字不止一个数,无法确定拆分,未采用",
                ": the digits before a thousands separator are more than one number and cannot be split with "
                "certainty; left null")


def _null_glued(spec: TableSpec, row: PrintedRow, values: list[Token], out: Placed, zh_why: str, en_why: str) -> None:
    """Leave a row of glued digits null, its finding naming the row, the run and why."""
    label, printed = _shown(spec, row, values)
    _null_row(spec, row, values, out, f"“{label}”行数字粘连({printed}){zh_why}",
              f"glued digits in row '{label}' ({printed}){en_why}")


def _shown(spec: TableSpec, row: PrintedRow, values: list[Token]) -> tuple[str, str]:
    """The row's label (the table's key where it printed none) and its values as printed, for a finding."""
    return row.label or spec.key, " ".join(t.text for t in values)


def _unplaceable(spec: TableSpec, row: PrintedRow, values: list[Token], out: Placed) -> None:
    label, printed = _shown(spec, row, values)
    _null_row(spec, row, values, out,
              f"“{label}”行只印出 {len(values)} 个数值({printed}),应有 {row.width} 格;文本中空单元格的位置已丢失,"
              "无法确定各数值所在的列,未采用",
              f"row '{label}' shows {len(values)} value(s) ({printed}) for {row.width} cells; the text lost where its "
              "blank cells were, so the columns cannot be told; left null")


def _wrapped_digits(spec: TableSpec, row: PrintedRow, values: list[Token], out: Placed) -> None:
    label, printed = _shown(spec, row, values)
    _null_row(spec, row, values, out,
              f"“{label}”行的数值({printed})旁有 PDF 文本中折行的数字或单位(窄单元格中一个数印在几行上),"
              "无法确定每个数由哪几段组成、各在哪一列,未采用",
              f"row '{label}' ({printed}) stands beside digits or units a PDF's text wrapped over lines (a number "
              "printed over several lines of a narrow cell): which pieces make each number, and its column, "
              "cannot be told; left null")


def _null_row(spec: TableSpec, row: PrintedRow, values: list[Token], out: Placed, zh: str, en: str) -> None:
    """Every cell of ``row`` null, its provenance the values printed, and one CELL_AMBIGUOUS."""
    printed = " ".join(t.text for t in values)
    pos = values[0].pos
    for row_key, col_key, _ in row.cells:
        out.cells[(row_key, col_key)] = None
        out.provenance[(row_key, col_key)] = _prov(printed, pos)
    out.findings.append(Finding.of("CELL_AMBIGUOUS", zh, en, f"{spec.key}.{row.key}", line=_line(pos), page=_page(pos)))


def _where(row_where: str, cols: list[str]) -> str:
    return f"{row_where}.{cols[0]}" if len(cols) == 1 else row_where


def _prov(text: str, pos: Position | None, tok: Token | None = None) -> dict:
    p: dict = {"text": text}
    if pos is not None:
        p.update(_line_fields(pos.line, pos.page) if pos.bbox is None else pos.as_dict())
    if tok is not None and tok.confidence is not None:
        p["confidence"] = tok.confidence
    return p


@lru_cache(maxsize=POSITIONS_KEPT)
def _line_fields(line: int | None, page: int | None) -> dict:
    """``pos.as_dict()`` of a position without a box (its line and page), made once per
    line and page (a dict only read, to update each provenance from)."""
    return Position(line=line, page=page).as_dict()


def _line(pos: Position | None) -> int | None:
    return pos.line if pos else None


def _page(pos: Position | None) -> int | None:
    return pos.page if pos else None
