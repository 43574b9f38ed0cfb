"""From a Document to a Report: find the sections and tables, detect the format, align
each table with the template, read the metadata, and record what could not be placed."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from ..document import Document
from ..errors import NotAReport
from ..model import Finding, Report, SectionText, Source, empty_tables
from ..template.formats import FORMATS, SECTIONS, TableSpec, expected_format
from ..template.labels import Segment, dictionary, segment
from ..template.normalize import label_key
from . import legacy, twice
from .boxes import pages_of, reread as reread_boxes
from .annex import annex_finding, annex_links_dropped  # alarm20: a table linked as an annex
from .sections_end import section_ended  # alarm20: a listing page's other reports after the last section
from .align import Placed, align
from .colorder_alike import null_doubtful, total_first
from .colorder_sums import null_where_sums_refute_order
from .colorder import columns_in_template_order, null_applicant_cells, order_printed_in_text
from .colorder_read import read_in_printed_order
from .colorder_rows import rows_in_template_order
from .colorder_t4 import BLOCKS_NOTE, blocks_in_template_order, null_table4
from .colorder_t4 import printed_in_text as t4_printed_in_text
from .colorder_t4 import read_in_printed_order as t4_read_in_printed_order
from .colorder_t4pdf import PRINTED_BLOCKS, read_blocks_in_printed_order
from .colorder_t4lines import blocks_on_lines
from .colsplit import tables_joined
from .colstacks import reread_subtotal_row
from .decoys import decoy_starts, decoys_apart
from .columns import read_by_columns, read_by_stacks
from .layout import PHRASE_READINGS_KEPT, Event, events, find_headings
from .filled import filled_cells_merged
from .merged import merged_rows_split
from .pager import pagers_dropped
from .ptt_lastyear import last_year_pairs_spaced
from .ptt_lastyear_stacked import last_year_stacked_dropped
from .ptt_subtotal import subtotal_column_dropped
from .rows_zeros import zero_rows_read
from .serials import serial_columns_dropped
from .meta import read_meta
from .order import (distrust_header_after_label, distrust_page_foot_rows, distrust_row_orders, distrust_unconfirmed,
                    null_unconfirmed_parts)
from .placed import tables_placed
from .tokens import Unit, tokenize
from .turned import tables_turned_back, turned_finding
from .wordpdf import reread_word_stacks
from .yearcols import last_year_column_dropped, this_years_rows, this_years_text_rows

TABLE_ORDER = ("table2", "table3", "table4")
SECTION_TABLE = {"s2": "table2", "s3": "table3", "s4": "table4"}


def extract(doc: Document, source: Source | None = None) -> Report:
    doc = pagers_dropped(doc)  # a paged site's pagers, crumbs and title again: page furniture (pager)
    doc = filled_cells_merged(doc)  # a row's label unmerged and filled into each slot, merged back (fill19)
    doc = serial_columns_dropped(doc)  # a 序号 column numbering the rows: no cells of the report (serials)
    doc = twice.copies_dropped(doc)  # a table printed again right after itself (a phone copy) read once
    doc = decoys_apart(doc)  # a one-line table 三 glued to a decoy table printed after it, cut apart
    doc, joined = tables_joined(doc)  # table 三 cut by its columns into two tables, joined (colsplit)
    doc, placing = tables_placed(doc)  # tables printed after all the prose, put back by their labels
    doc, turned = tables_turned_back(doc)  # table 三 printed turned over, turned back
    doc = merged_rows_split(doc)  # a row of zeros printed as one merged 0, one cell a column
    doc, reordered = columns_in_template_order(doc)  # table 三's columns as its headers say
    doc, reordered4 = blocks_in_template_order(doc)  # ... and table 四's blocks'
    doc, moved2 = rows_in_template_order(doc)  # table 二's rows as their labels say, in a grid
    doc, years4 = this_years_rows(doc)  # table 四 with last year's row beside this year's: this year's
    doc, years4t = this_years_text_rows(doc) if not years4 else (doc, [])  # ... and so in running text
    doc, _ = last_year_pairs_spaced(doc)  # ... its 总计 and last year's glued in a PDF's text: cut by the sums
    doc, years3 = last_year_column_dropped(doc)  # table 三's column of last year's totals, in running text
    doc, subtotal3 = subtotal_column_dropped(doc)  # ... its 小计/合计 column where the header word wrapped
    doc, stacked3 = last_year_stacked_dropped(doc)  # ... its last-year column headed down the cell (上 ⏎ …)
    printed_in_text = None if reordered else order_printed_in_text(doc)  # ... or as a text header prints them
    printed4 = None if reordered4 else t4_printed_in_text(doc)  # (its order's words, else its blocks')
    units = tokenize(doc)
    headings = find_headings(units)
    layout = twice.report_layout(units, headings)  # one report (an annex copy is no second one)
    start = _tables_start(units, headings)
    end = _tables_end(units, headings)
    evs = events(units, start, end, headings) if start is not None else []
    report = Report(source=source or Source(format=doc.format))
    report.meta = read_meta([u.text for u in units], doc.meta)
    fmt = detect_format(evs, report.meta.year)
    report.meta.template = fmt or "legacy"
    if legacy.is_legacy(units, report.meta.year):  # the old 条例's reports: headline figures only
        fmt, report.meta.template = None, "legacy"
        report.legacy, found = legacy.read_figures(units)
        report.provenance.update(found)

    tables_end = end
    if fmt is None and (headings or _looks_like_report(report)) and _current_outline(report, units, headings):
        fmt = "2021" if (report.meta.year or 0) >= 2021 else "2019"  # a current report whose tables are lost
        report.meta.template = fmt
    if fmt:
        by_table, tables_end = _split_tables(evs, fmt, end, headings)
        _fill_tables(report, fmt, by_table, pages_of(doc.meta))
    _sections(report, units, headings, start, tables_end, has_tables=fmt is not None, report_end=layout.end)
    if fmt:
        report.findings += joined + placing
        report.findings += [turned_finding() for _ in range(turned)]
        report.findings += [_reordered_finding(printed) for printed in reordered]
        report.findings += [_reordered4_finding(printed) for printed in reordered4]
        report.findings += moved2 + years4 + years4t + years3 + subtotal3 + stacked3
        if printed_in_text and read_in_printed_order(report.table3, report.provenance, printed_in_text):
            report.findings.append(_text_read_finding(printed_in_text))
        elif printed_in_text:
            null_applicant_cells(report.table3, report.provenance)
            report.findings.append(_text_order_finding(printed_in_text))
        if printed4 and (t4_read_in_printed_order(report.table4, report.provenance, printed4) or  # colorder_t4pdf:
                         read_blocks_in_printed_order(report.table4, report.provenance,
                                                     doc.meta.get(PRINTED_BLOCKS) or blocks_on_lines(doc))):
            report.findings.append(_text4_finding(printed4, read=True))
        elif printed4:
            null_table4(report.table4, report.provenance)
            report.findings.append(_text4_finding(printed4, read=False))
        by_sums = null_where_sums_refute_order(report, table3=not (reordered or printed_in_text),
                                               table4=not (reordered4 or printed4))
        report.findings += by_sums
        refuted = {f.where for f in by_sums}
        report.findings += null_doubtful(
            report, doc, shown3=total_first(reordered or printed_in_text) or "table3" in refuted,
            shown4=total_first(reordered4 or printed4) or "table4" in refuted,
            read3=bool(reordered or printed_in_text), read4=bool(reordered4 or printed4))
        zero_rows_read(report, FORMATS[fmt].table3)  # a row printed as one 0 the sums fix at 0
        if layout.annex:
            copy = _read_annex(report, fmt, units, headings, layout.annex, pages_of(doc.meta))
            twice.compare(report, fmt, copy, units[slice(*layout.annex)])
    if not fmt and not headings and not _looks_like_report(report):
        raise NotAReport("no annual report found: none of its section headings, tables or title")
    _format_findings(report)
    return report


# section 三's heading in the current formats' outline; the old 条例's reports head it
# 依申请公开政府信息情况 (legacy.py)
CURRENT_REQUESTS_HEADING = "收到和处理政府信息公开申请情况"


def _current_outline(report: Report, units: list[Unit], headings: dict[str, int]) -> bool:
    """Is a report whose tables were not found one of the current formats' all the same?
    From 2020 on every report is; a 2019 report may still follow the old outline (the 2019
    format was only encouraged that year), so it is one where its section 三 is headed as
    the current formats head it and nothing of the old outline was read — a page that prints
    its tables apart from its sections (a portal's layout table, read by a text extractor).
    A 2019 page that prints no heading of either outline (a crawler's text of a page whose
    report stands in a frame it did not follow) is taken as the format of its year too: its
    tables are then reported missing, where an old outline's report would have no tables to miss."""
    year = report.meta.year
    if not year or year < 2019:
        return False
    if year >= 2020 or (not headings and not legacy.old_outline(units)):
        return True
    at = headings.get("s3")
    return at is not None and not report.legacy and label_key(CURRENT_REQUESTS_HEADING) in label_key(units[at].text)  # 處理 too


def _reordered_finding(printed: str) -> Finding:
    return Finding.of(
        "TEMPLATE_DEVIATION", f"表三申请人各列的顺序与规定格式不同(印为:{printed}),已按表头读入各列",
        f"table 三 prints its applicant columns in another order ({printed}); each read by its header", "table3")


def _reordered4_finding(printed: str) -> Finding:
    zh, en = ("各栏", "its blocks") if printed.startswith(BLOCKS_NOTE) else ("结果各列", "a block's result columns")
    printed = printed.removeprefix(BLOCKS_NOTE)
    return Finding.of(
        "TEMPLATE_DEVIATION", f"表四{zh}的顺序与规定格式不同(印为:{printed}),已按表头读入各列",
        f"table 四 prints {en} in another order ({printed}); each read by its header", "table4")


def _text4_finding(printed: str, read: bool) -> Finding:
    zh, en = (("已按表头所印顺序读入各列", "each block's values read in that order") if read else
              ("各列数值无法按位置对应,表四未读入",
               "a value read by its place cannot be told to be in its column, so table 四's cells are left null"))
    what_zh, what_en = ("各栏", "its blocks") if printed.startswith(BLOCKS_NOTE) else ("结果各列", "its result columns")
    printed = printed.removeprefix(BLOCKS_NOTE)
    return Finding.of("TEMPLATE_DEVIATION", f"表四表头所印{what_zh}的顺序与规定格式不同(印为:{printed}),{zh}",
                      f"table 四's header prints {what_en} in another order ({printed}); {en}", "table4")


def _text_read_finding(printed: str) -> Finding:
    return Finding.of(
        "TEMPLATE_DEVIATION", f"表三表头所印申请人各列的顺序与规定格式不同(印为:{printed}),已按表头所印顺序读入各列",
        f"table 三's header prints its applicant columns in another order ({printed}); each row's values "
        "read in that order", "table3")


def _text_order_finding(printed: str) -> Finding:
    return Finding.of(
        "TEMPLATE_DEVIATION", f"表三表头所印申请人各列的顺序与规定格式不同(印为:{printed}),"
        "各列数值无法按位置对应,表三申请人各列未读入",
        f"table 三's header prints its applicant columns in another order ({printed}); a value read by "
        "its place cannot be told to be in its column, so table 三's applicant cells are left null", "table3")


# ------------------------------------------------------------------ where the tables are

def _tables_start(units: list[Unit], headings: dict[str, int]) -> int | None:
    """The first table section's heading — the earliest printed, whatever its number: a
    report may print its tables in another order (表三 before 表二) — else the first table
    header."""
    printed = [headings[key] for key in SECTION_TABLE if key in headings]
    if printed:
        return min(printed)
    for i, u in enumerate(units):  # the headings are lost: the first table header marks the start
        if any(p.kind == "header" and p.table != "table4" and len(p.ref) >= 4
               for seg in segment(u.text) for p in seg.phrases):
            return i
    return None


def _tables_end(units: list[Unit], headings: dict[str, int]) -> int:
    after = [headings[k] for k in ("s5", "s6") if k in headings]
    return min(after) if after else len(units)


# the first report year of the 2021 format (国办公开办函〔2021〕30号: from the 2021 annual reports on)
FIRST_2021_YEAR = 2021


def detect_format(evs: list[Event], year: int | None = None) -> str | None:
    """2019 or 2021 from the phrases only one format prints. A tie (tables whose
    format-specific rows were lost) is broken by the report's year where it is known — the
    2021 format from the 2021 reports on, the 2019 format before — and else by the number of
    values read: the format whose tables print the nearest count (``Format.value_cells``:
    22 + 161 + 15 for 2019, 10 + 175 + 15 for 2021; the later format when equally near).
    None: no table at all."""
    votes = {"2019": 0, "2021": 0}
    tables_seen = 0
    for ev in evs:
        if ev.kind != "phrase":
            continue
        fmts = _formats(ev.seg)
        tables_seen += 1
        if len(fmts) == 1:
            votes[next(iter(fmts))] += 1
    if votes["2019"] != votes["2021"]:
        return max(votes, key=votes.__getitem__)
    if tables_seen < 3:
        return None
    if year:
        return "2021" if year >= FIRST_2021_YEAR else "2019"
    values = sum(1 for ev in evs if ev.kind == "value")
    return min(reversed(FORMATS), key=lambda name: abs(values - FORMATS[name].value_cells))


def _formats(seg: Segment) -> frozenset[str]:
    """The formats that print a phrase (decided once per key of the template)."""
    if seg.phrases is dictionary().get(seg.text):
        return _known_formats(seg.text)
    return frozenset().union(*(p.formats for p in seg.phrases))


@lru_cache(maxsize=PHRASE_READINGS_KEPT)
def _known_formats(key: str) -> frozenset[str]:
    return frozenset().union(*(p.formats for p in dictionary()[key]))


def _tables(seg: Segment, fmt: str) -> frozenset[str]:
    """The tables of one format that print a phrase (decided once per key of the template)."""
    if seg.phrases is dictionary().get(seg.text):
        return _known_tables(seg.text, fmt)
    return frozenset(p.table for p in seg.phrases if fmt in p.formats)


@lru_cache(maxsize=PHRASE_READINGS_KEPT)
def _known_tables(key: str, fmt: str) -> frozenset[str]:
    return frozenset(p.table for p in dictionary()[key] if fmt in p.formats)


def _split_tables(evs: list[Event], fmt: str, end: int,
                  headings: dict[str, int] | None = None) -> tuple[dict[str, list[Event]], int]:
    """Events per table. A table starts at its section heading or at the first phrase only
    it prints; table 四 ends at the first prose after its values. Table 二's columns printed
    after table 三's heading (reading order) go back to table 二: the phrases only it prints,
    the values after them, and values right after the heading, before any phrase — those
    only where table 二 then reads as columns (they are table 三's otherwise: a table's first
    printed text is its header, so values above it are the earlier table's end, poppler
    printing the last column's block after the heading's line).

    A table reached by a phrase (not a heading) may have been reached by mistake: a label
    of the earlier table with a typo can begin with a word only the later table prints
    (``其他外管理服务事项``, table 二's row, begins with table 三's header ``其他``). Where a
    phrase only the earlier table prints comes after such a switch and before any phrase
    only the later table prints, the events since the switch go back to the earlier table
    (:class:`_Switch`): a table's own header words follow its first phrase at once, a
    mistaken switch meets the earlier table's next label instead."""
    by_table: dict[str, list[Event]] = {t: [] for t in TABLE_ORDER}
    current = "table2"
    switch: _Switch | None = None  # the last change of table made by a phrase, while it may be a mistake
    t4_values = False
    t3_row = t3_values = False  # a row label of table 三 read, and values after it
    spill = False  # table 二's heading has just given way to table 三's: its columns may go on
    spilling = False  # ... and they do: a phrase only table 二 prints came before any of table 三's
    held: list[Event] = []  # values right after table 三's heading, before any phrase: whose?
    moved: list[Event] = []  # ... given to table 二, as a column of it printed after the heading
    decoy = False  # in a decoy table printed under table 三 a cell a line (extract/decoys.py)
    # the last table section's heading: table 四 ends at prose only after it (a report printing
    # its tables in another order — 三、四 then 二 — has a table still to come after 四's)
    last_heading = max((headings[k] for k in SECTION_TABLE if k in headings), default=-1) if headings else -1
    for i, ev in enumerate(evs):
        if decoy and (ev.kind == "section" or ev.kind == "phrase" and "table3" not in _tables(ev.seg, fmt)):
            decoy = False
        elif decoy or current == "table3" and t3_values and decoy_starts(evs, i):
            decoy = True
            continue
        t3_row = t3_row or current == "table3" and ev.kind == "phrase" and _names_t3_row(ev.seg)
        t3_values = t3_values or t3_row and ev.kind == "value"
        if held and ev.kind != "value":
            # values between table 三's heading and its first phrase: table 二's column printed
            # after the heading, where table 二 then reads as columns (checked below); else 三's
            by_table["table2"] += held
            moved += held
            held = []
        if ev.kind == "section":
            assert ev.section is not None  # a "section" event names its section
            switch = None
            spill = current == "table2" and SECTION_TABLE.get(ev.section) == "table3"
            spilling = False
            current = SECTION_TABLE.get(ev.section, current)
        elif ev.kind == "phrase":
            tables = _tables(ev.seg, fmt)
            spilling = spill and tables == {"table2"}
            spill = spill and (spilling or not tables)
            if spilling:
                by_table["table2"].append(ev)  # a column of table 二 printed after table 三's heading
                continue
            if switch is not None and tables == {switch.earlier}:
                current = switch.take_back(by_table)  # the switch was a typo'd label's first word
                switch = None
            elif switch is not None and tables == {current}:
                switch = None  # the later table's own words: the switch stands
            if tables and current not in tables:
                later = [t for t in TABLE_ORDER if t in tables and TABLE_ORDER.index(t) > TABLE_ORDER.index(current)]
                if later:
                    switch = _Switch(current, later[0], len(by_table[later[0]]))
                current = later[0] if later else current
        elif ev.kind == "barrier" and current == "table4" and t4_values and ev.unit > last_heading:
            return by_table, ev.unit  # (a table section printed after 四's is still to come)
        elif ev.kind == "value" and current == "table4":
            t4_values = True
        elif spilling and ev.kind == "value":
            by_table["table2"].append(ev)
            continue
        elif spill and ev.kind == "value" and current == "table3" and not by_table["table3"][1:]:
            held.append(ev)  # right after the heading (the heading is table 三's only event)
            continue
        by_table[current].append(ev)
    if held:
        by_table[current] += held
    if moved and not _read_as_columns(FORMATS[fmt].table2, fmt, by_table["table2"]):
        # only a reading of table 二 as columns may take them: else they are table 三's again
        by_table["table2"] = [e for e in by_table["table2"] if not any(e is m for m in moved)]
        by_table["table3"][1:1] = moved
    return by_table, end


def _names_t3_row(seg: Segment) -> bool:
    """Is the phrase a row label of table 三 (not a header word)?"""
    p = seg.in_table("table3")
    return p is not None and p.kind == "row"


@dataclass(slots=True)
class _Switch:
    """A change of table made by a phrase: from ``earlier`` to ``later``, whose events from
    index ``at`` on were placed after it."""

    earlier: str
    later: str
    at: int

    def take_back(self, by_table: dict[str, list[Event]]) -> str:
        """Give the events placed since the switch back to the earlier table; returns it."""
        by_table[self.earlier] += by_table[self.later][self.at:]
        del by_table[self.later][self.at:]
        return self.earlier


def _read_as_columns(spec: TableSpec, fmt: str, evs: list[Event]) -> bool:
    """Does table 二 read as columns (``extract.columns``) from these events?"""
    return read_by_columns(spec, fmt, evs) is not None or read_by_stacks(spec, fmt, evs) is not None


def _read_annex(report: Report, fmt: str, units: list[Unit], headings: dict[str, int], annex: tuple[int, int],
                pages: tuple[int, ...]) -> Report:
    """The tables an annex after the report prints (``extract.twice``), read as the report's
    own are, into a report of their own."""
    copy = Report(source=report.source)
    by_table, _ = _split_tables(events(units, annex[0], annex[1], headings), fmt, annex[1])
    _fill_tables(copy, fmt, by_table, pages)
    return copy


# ------------------------------------------------------------------ tables into the report

# files whose tables keep every cell in its column, blank ones included: a web page's and a
# Word or Excel file's cells, a PDF's (and a scan's) cells placed by the page's geometry
COLUMNS_KEPT = frozenset({"html", "docx", "xlsx", "pdf", "image"})


def _fill_tables(report: Report, fmt: str, by_table: dict[str, list[Event]], pages: tuple[int, ...] = ()) -> None:
    tables = empty_tables(fmt)
    any_value = False
    annexed = {}  # a link to an annex under a table's section is no table (extract/annex.py, alarm20)
    for key, evs in by_table.items():
        by_table[key], annexed[key] = annex_links_dropped(evs)
    kept = report.source.format in COLUMNS_KEPT
    placed_by = {spec.key: align(spec, fmt, by_table[spec.key], columns_kept=kept, paged=bool(pages))
                 for spec in FORMATS[fmt].tables}
    if any(p.blanks_shown for p in placed_by.values()):
        for spec in FORMATS[fmt].tables:  # glued runs split before the blanks showed are split no more
            if placed_by[spec.key].glued:
                placed_by[spec.key] = align(spec, fmt, by_table[spec.key], blanks=True, columns_kept=kept,
                                            paged=bool(pages))
    for spec in FORMATS[fmt].tables:  # pdfminer's text boxes: a table printed column by column (extract/boxes.py)
        placed_by[spec.key] = reread_boxes(spec, fmt, by_table[spec.key], placed_by[spec.key], pages)
        placed_by[spec.key] = reread_subtotal_row(spec, fmt, by_table[spec.key], placed_by[spec.key], pages)
        placed_by[spec.key] = reread_word_stacks(spec, by_table[spec.key], placed_by[spec.key], pages)  # Word PDF's stacks
    for spec in FORMATS[fmt].tables:
        placed = placed_by[spec.key]
        distrust_unconfirmed(spec, by_table[spec.key], placed)
        distrust_row_orders(spec, fmt, by_table[spec.key], placed)
        distrust_page_foot_rows(spec, placed, pages, [ev for evs in by_table.values() for ev in evs] if pages else ())
        distrust_header_after_label(spec, fmt, by_table[spec.key], placed)
        null_unconfirmed_parts(spec, placed, FORMATS[fmt].table3, placed_by.get("table3"), by_table[spec.key], fmt)
        values = tables[spec.key]
        for (row_key, col), v in placed.cells.items():
            values.setdefault(row_key, {})[col] = v
        for (row_key, col), p in placed.provenance.items():
            report.provenance[f"{spec.key}.{row_key}.{col}"] = p
        report.findings += placed.findings
        if spec.derived:
            _derive(spec, values, report, placed)
        has_values = any(v is not None for (r, c), v in placed.cells.items())
        any_value = any_value or has_values
        if not placed.rows_seen and not any(ev.kind == "phrase" for ev in by_table[spec.key]):
            zh, en = (annex_finding(_table_name(spec), annexed[spec.key][0]) if annexed.get(spec.key)
                      else (f"未找到{_table_name(spec)}", f"{spec.key} not found"))
            report.add(Finding.of("TABLE_MISSING", zh, en, spec.key))
            continue
        for row in spec.rows:
            if row.key in placed.rows_seen:
                continue
            if row.label is None:  # table 四's one unlabelled row: the header is there, the numbers are not
                report.add(Finding.of("CELL_BLANK", f"{_table_name(spec)}没有填写数值", f"no value in {spec.key}", spec.key))
            else:
                report.add(Finding.of("ROW_MISSING", f"{_table_name(spec)}缺少“{row.label}”行",
                                      f"row '{row.label}' missing from {spec.key}", f"{spec.key}.{row.key}"))
    report.table2, report.table3, report.table4 = tables["table2"], tables["table3"], tables["table4"]
    if not any_value and not any(f.code == "TABLE_MISSING" for f in report.findings):
        report.add(Finding.of("NO_DATA", "三张统计表没有任何数值:是一份未填写的表格",
                              "no value in any table: an unfilled form", None))


def _derive(spec: TableSpec, values: dict, report: Report, placed: Placed) -> None:
    """2021: ``other`` is the sum of its three sub-rows (unless printed as one row)."""
    for derived, parts in spec.derived.items():
        if placed.deviation_other:
            for part in parts:
                values[part] = dict.fromkeys(values[part])
            continue
        for col in values[derived]:
            items = [values[p].get(col) for p in parts]
            values[derived][col] = None if any(v is None for v in items) else sum(items)
            report.provenance[f"{spec.key}.{derived}.{col}"] = {
                "derived": True, "from": [f"{spec.key}.{p}.{col}" for p in parts]}


def _table_name(spec: TableSpec) -> str:
    return f"{spec.name.zh}({spec.name.topic})"


# ------------------------------------------------------------------ sections

def _sections(report: Report, units: list[Unit], headings: dict[str, int], start: int | None,
              tables_end: int, has_tables: bool, report_end: int | None = None) -> None:
    """Each section's text, from its heading to the next one's; the last one's to
    ``report_end`` (where an annex after the report begins), else to the end."""
    report_end = len(units) if report_end is None else report_end
    order = sorted(headings.items(), key=lambda kv: kv[1])
    bounds = [i for _, i in order] + [report_end]
    for (key, at), nxt in zip(order, bounds[1:]):
        body = [u for j, u in enumerate(units[at + 1:nxt], start=at + 1)
                if not (has_tables and start is not None and start <= j < tables_end and (u.in_table or not u.prose))]
        report.sections[key] = _section(units[at].text, units[at], body)
    if order:  # the last section ends where a listing's title of another year's report begins (alarm20)
        report.sections[order[-1][0]] = section_ended(report.sections[order[-1][0]], report.meta.year)
    if "s1" not in report.sections and start is not None:
        first = min(headings.values(), default=start)
        report.sections["s1"] = _section(None, None, [u for u in units[:min(first, start)] if not u.in_table])
    if "s5" not in headings and has_tables and tables_end < report_end:
        stop = headings.get("s6", report_end)
        body = [u for u in units[tables_end:stop] if not u.in_table]
        if any(u.text.strip() for u in body):
            report.sections["s5"] = _section(None, units[tables_end], body)
    for section in SECTIONS:
        if section.key in headings or report.meta.template == "legacy":  # legacy reports had other parts
            continue
        if section.key in SECTION_TABLE and has_tables:
            continue  # placed by its table
        placed = section.key in report.sections
        report.add(Finding.of(
            "SECTION_MISSING",
            f"缺少“{section.heading}”的标题" + (",其内容按位置认定" if placed else ""),
            f"heading of section '{section.heading}' missing" + ("; its text placed by position" if placed else ""),
            f"section.{section.key}"))


def _section(heading: str | None, at: Unit | None, body: list[Unit]) -> SectionText:
    """A section's text, one unit a line, each line's source place kept."""
    text = ""
    for k, u in enumerate(body):
        text += ("" if k == 0 or u.joins else "\n") + u.text.replace("\n", " ")
    places = [(u.pos.line, u.pos.page) for k, u in enumerate(body) if k == 0 or not u.joins]
    return SectionText(heading=heading, text=text, places=places,
                       line=at.pos.line if at else None, page=at.pos.page if at else None)


def _looks_like_report(report: Report) -> bool:
    return bool(report.meta.title)


# ------------------------------------------------------------------ format findings

def _format_findings(report: Report) -> None:
    meta = report.meta
    if meta.year is not None and meta.template not in expected_format(meta.year):
        report.add(Finding.of(
            "TEMPLATE_YEAR_MISMATCH", f"{meta.year}年度报告使用了{meta.template}格式",
            f"a {meta.year} report in the {meta.template} format", "meta.template"))


__all__ = ["TABLE_ORDER", "SECTION_TABLE", "extract", "detect_format"]
