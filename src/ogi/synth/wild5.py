"""A fifth set of wild deviations ("wild5"): how real agencies' pages carry the official tables
that none of :mod:`.wild`, :mod:`.wild2`, :mod:`.wild3` or :mod:`.wild4` draws.

The earlier sets change a label, a number's print, the page around the tables, a table's cut
(with a sentence between, no header), its turn, a merged zero. Real reports also:

- ``header_repeated``: a table that runs over a page break published as two HTML tables, the
  second repeating the header rows (as Word's "repeat header rows" prints it), a row-spanning
  label cut at the break and carried into the second (with its text, or empty as Word leaves
  it), sometimes ``续表`` or a page number between;
- ``column_split``: a wide table printed as two tables side by side cut by columns: table 三 as
  its label block with the first applicant columns, then the label block again with the rest;
  table 四 as a 行政复议 table and a 行政诉讼 table;
- ``reordered``: columns and rows in another order than the format's, each keeping its header
  or label: table 三's applicant columns (自然人 after the organisations, or the organisations
  shuffled), table 四's 行政诉讼 block before 行政复议, table 二's paired rows swapped;
- ``bilingual``: header cells and the main labels in Chinese with an English translation after
  them (``自然人<br>Natural persons``, ``予以公开 Disclosed``), as free-trade-zone and
  foreign-affairs offices publish;
- ``decoy_tables``: tables of the agency's 政务公开 work beside the official ones — a quarter by
  quarter count of the applications (第一季度 … 第四季度, 合计: the same labels as table 三's),
  the posts of its website and new media, the items it published by topic;
- ``tfoot_rows``: HTML 4's ``<tfoot>``: the last rows of table 三 ((七)总计, 四、结转…) and table
  二's last block written in a ``<tfoot>`` *before* ``<tbody>`` in the source — a browser draws
  them at the bottom, a reader of the source meets them first;
- ``div_grid``: one official table written as a CSS grid of ``<div>`` cells (a mobile content
  system's table: ``grid-column``/``grid-row`` spans), no ``<table>`` element at all;
- ``pre_table``: one official table as preformatted text (``<pre>``) in columns of spaces or
  between box-drawing bars ``│``, as old content systems pasted a plain-text table;
- ``year_compare``: a comparison with the year before inside the table: table 四 with a row for
  last year (and the change), under a year column; table 三 with a ``上年同期`` column;
- ``old_rows``: a 2021-format report with rows of the 2019 format mixed in: table 三's (六)其他处理
  as one row (its three sub-rows not printed), table 二 with the 2019 rows 其他对外管理服务事项 and
  政府集中采购 that the 2021 format dropped;
- ``mixed5``: three of the above together.

The expected values are what a careful reader reads from the page: every moved, cut, turned,
translated or re-drawn cell states its number; a decoy table, last year's row or column and a
2019 row state no official cell. Where the page leaves a cell unknowable the expected value is
null (schema.md): ``old_rows``' (六)其他处理 row states the group's sum per column, so its three
sub-rows are null — in every column, a column whose sum is 0 included: schema.md's contract is
that a 2021 report printing (六) as one row leaves its sub-rows null, and a reader that filled
them with 0 because counts cannot be negative would be inferring cells the page does not print.
Every choice is drawn from the report's own random stream, so a seed gives the same bytes.
"""

from __future__ import annotations

import itertools
import random
import re
import unicodedata
from dataclasses import dataclass, replace

from lxml import html as lxml_html
from lxml.html import builder as E

from ..render.html import table_element
from ..render.layout import DrawnCell, DrawnTable, header_rows
from ..template.layout import CAPTION, HEADER, LABEL, VALUE
from .report import Synthetic, synthesize
from .wild import WildKind
from .writers import html_page
from .kinds import mixed_kinds

# ------------------------------------------------------------------ helpers on drawn tables


def _label_width(table: DrawnTable) -> int:
    """How many columns at the left hold no value cell (table 三: 3; table 四: 0)."""
    value_cols = {col for c in table.cells if c.role == VALUE for col in range(c.col, c.col + c.colspan)}
    return min(value_cols) if value_cols else 0


def _shift_rows(table: DrawnTable, at: int, by: int) -> list[DrawnCell]:
    """The cells with rows ``>= at`` moved down by ``by`` (up if negative)."""
    return [replace(c, row=c.row + by) if c.row >= at else c for c in table.cells]


def _row_of(table: DrawnTable, key: str) -> int | None:
    rows = [c.row for c in table.cells if c.role == VALUE and c.cell and c.cell[0] == key]
    return min(rows) if rows else None


def _remap_cols(table: DrawnTable, new_of: dict[int, int]) -> DrawnTable:
    """Every cell moved to its columns' new places (a spanning cell's columns stay together)."""
    def moved(c: DrawnCell) -> DrawnCell:
        cols = [new_of.get(x, x) for x in range(c.col, c.col + c.colspan)]
        assert max(cols) - min(cols) == c.colspan - 1, "a spanned cell's columns must stay side by side"
        return replace(c, col=min(cols))
    return replace(table, cells=tuple(moved(c) for c in table.cells))


# ------------------------------------------------------------------ header_repeated

WORD_CARRIES_TEXT = 0.5  # share of cut spanning labels that print their text again after the break
BETWEEN_PIECES = ((), ("续表",), ("（续表）",), ("- {n} -",), ("第{n}页",))


def cut_rows(rng: random.Random, table: DrawnTable, at: int) -> tuple[DrawnTable, DrawnTable]:
    """The table cut above grid row ``at``: the rows before, and the header rows again with the
    rows from ``at`` on; a label spanning the cut is shortened and carried on in the second."""
    n_head = header_rows(table)
    carry = rng.random() < WORD_CARRIES_TEXT
    first, second = [], []
    for c in table.cells:
        if c.row < n_head:
            first.append(c)
            second.append(c)
        elif c.row + c.rowspan <= at:
            first.append(c)
        elif c.row >= at:
            second.append(replace(c, row=c.row - at + n_head))
        else:  # spans the cut
            first.append(replace(c, rowspan=at - c.row))
            second.append(replace(c, row=n_head, rowspan=c.row + c.rowspan - at, text=c.text if carry else ""))
    return replace(table, cells=tuple(first)), replace(table, cells=tuple(second))


def header_repeated(rng: random.Random, table: DrawnTable) -> list[DrawnTable]:
    """Table 三 cut once or twice inside its body, each piece with the header rows."""
    if table.key != "table3":
        return [table]
    n_head = header_rows(table)
    body = range(n_head + 2, table.n_rows - 1)
    cuts = sorted(rng.sample(list(body), 2 if rng.random() < 0.3 else 1), reverse=True)
    pieces: list[DrawnTable] = []
    rest = table
    for at in cuts:
        rest, tail = cut_rows(rng, rest, at)
        pieces.insert(0, tail)
    return [rest] + pieces


# ------------------------------------------------------------------ column_split

def cut_columns(table: DrawnTable, at: int) -> tuple[DrawnTable, DrawnTable]:
    """The table cut left of grid column ``at``: both pieces keep the label columns; a header
    spanning the cut is printed in both over its part."""
    k = _label_width(table)
    left, right = [], []
    shift = at - k
    for c in table.cells:
        end = c.col + c.colspan
        if end <= k:
            left.append(c)
            right.append(c)
        elif end <= at:
            left.append(c)
        elif c.col >= at:
            right.append(replace(c, col=c.col - shift))
        else:
            left.append(replace(c, colspan=at - c.col))
            right.append(replace(c, col=k, colspan=end - at))
    return replace(table, cells=tuple(left)), replace(table, cells=tuple(right))


T4_BLOCK = 5  # columns: table 四's 行政复议 block (its five results)


def column_split(rng: random.Random, table: DrawnTable) -> list[DrawnTable]:
    """Table 三 cut after two to four applicant columns; table 四 (half the time) after its
    行政复议 block."""
    k = _label_width(table)
    if table.key == "table3":
        return list(cut_columns(table, k + rng.randint(2, 4)))
    if table.key == "table4" and rng.random() < 0.5 and table.n_cols >= k + 3 * T4_BLOCK:
        return list(cut_columns(table, k + T4_BLOCK))
    return [table]


# ------------------------------------------------------------------ reordered

def reordered(rng: random.Random, table: DrawnTable) -> DrawnTable:
    """Table 三's applicant columns, table 四's two blocks, table 二's paired rows in another
    order; every cell keeps its header and label."""
    if table.key == "table3":
        k = _label_width(table)
        if rng.random() < 0.5:  # 自然人 after the five organisations
            new_of = {k: k + 5, **{k + 1 + i: k + i for i in range(5)}}
        else:  # the five organisations shuffled under their header
            order = list(range(5))
            while order == sorted(order):
                rng.shuffle(order)
            new_of = {k + 1 + i: k + 1 + j for i, j in enumerate(order)}
        return _remap_cols(table, new_of)
    if table.key == "table4":
        k = _label_width(table)
        review = range(k, k + T4_BLOCK)
        litigation = range(k + T4_BLOCK, k + 3 * T4_BLOCK)
        new_of = {c: c + 2 * T4_BLOCK for c in review} | {c: c - T4_BLOCK for c in litigation}
        return _remap_cols(table, new_of)
    if table.key == "table2":
        return _swap_pairs(table)
    return table


def _swap_pairs(table: DrawnTable) -> DrawnTable:
    """Two value rows side by side in one block (规章/规范性文件, 行政处罚/行政强制) swapped."""
    value_rows = sorted({c.row for c in table.cells if c.role == VALUE})
    pairs = [(a, b) for a, b in itertools.pairwise(value_rows) if b == a + 1]
    used: set[int] = set()
    new_of: dict[int, int] = {}
    for a, b in pairs:
        if a not in used:
            new_of |= {a: b, b: a}
            used |= {a, b}
    return replace(table, cells=tuple(replace(c, row=new_of.get(c.row, c.row)) for c in table.cells))


# ------------------------------------------------------------------ bilingual

ENGLISH_HEADERS = {
    "申请人情况": "Applicants", "自然人": "Natural persons", "法人或其他组织": "Legal persons and other organizations",
    "商业企业": "Businesses", "科研机构": "Research institutions", "社会公益组织": "Public-interest organizations",
    "法律服务机构": "Legal service providers", "其他": "Others", "总计": "Total",
    "行政复议": "Administrative reconsideration", "行政诉讼": "Administrative litigation",
    "未经复议直接起诉": "Suits without reconsideration", "复议后起诉": "Suits after reconsideration",
    "结果维持": "Upheld", "结果纠正": "Corrected", "其他结果": "Other results", "尚未审结": "Pending",
    "信息内容": "Item", "本年制发件数": "Issued this year", "本年废止件数": "Repealed this year",
    "现行有效件数": "In force", "本年处理决定数量": "Decisions this year", "上一年项目数量": "Items last year",
    "本年增/减": "Change this year", "处理决定数量": "Decisions", "本年新制作数量": "Made this year",
    "本年新公开数量": "Published this year", "对外公开总数量": "Total published", "采购项目数量": "Projects",
}
ENGLISH_HEADER_PREFIXES = {"本年收费金额": "Fees collected (10,000 yuan)", "采购总金额": "Amount (10,000 yuan)"}
ENGLISH_LABELS = {
    "本年新收政府信息公开申请数量": "New requests this year", "上年结转政府信息公开申请数量": "Carried over from last year",
    "本年度办理结果": "Outcomes this year", "予以公开": "Disclosed", "部分公开": "Partly disclosed",
    "不予公开": "Not disclosed", "无法提供": "Unable to provide", "不予处理": "Not processed",
    "其他处理": "Other handling", "总计": "Total", "结转下年度继续办理": "Carried forward to next year",
    "规章": "Regulations", "行政规范性文件": "Normative documents", "规范性文件": "Normative documents",
    "行政许可": "Administrative licensing", "行政处罚": "Administrative penalties", "行政强制": "Administrative coercion",
    "行政事业性收费": "Administrative fees", "其他对外管理服务事项": "Other services", "政府集中采购": "Government procurement",
    "属于国家秘密": "State secrets", "本机关不掌握相关政府信息": "Not held by this agency", "重复申请": "Repeated requests",
}
_NUMBERING = re.compile(r"^(?:[一二三四五六七八九十]+、|[(（][一二三四五六七八九十]+[)）]|\d+[.．、])")
# how the translation follows the Chinese: on a line of its own, after a space, in brackets
BILINGUAL_STYLES = ("{zh}\n{en}", "{zh}\n{en}", "{zh} {en}", "{zh}（{en}）")


def _english(c: DrawnCell) -> str | None:
    bare = _NUMBERING.sub("", c.text).strip()
    if c.role == HEADER:
        if bare in ENGLISH_HEADERS:
            return ENGLISH_HEADERS[bare]
        return next((en for zh, en in ENGLISH_HEADER_PREFIXES.items() if bare.startswith(zh)), None)
    if c.role == LABEL:
        core = re.sub(r"[(（].*$", "", bare)  # 部分公开(区分处理的…) → 部分公开
        return ENGLISH_LABELS.get(core)
    return None


def bilingual(rng: random.Random, table: DrawnTable) -> DrawnTable:
    """Header cells and the main labels with their English after them, one style a report
    (drawn by the caller and passed in the random stream's first draw)."""
    style = BILINGUAL_STYLES[rng.randrange(len(BILINGUAL_STYLES))]

    def edit(c: DrawnCell) -> DrawnCell:
        en = _english(c)
        return replace(c, text=style.format(zh=c.text, en=en)) if en else c
    return replace(table, cells=tuple(edit(c) for c in table.cells))


# ------------------------------------------------------------------ year_compare

CHANGE_ROW_SHARE = 0.5  # table 四 with a third row: this year's change over last year's


def _signed(n: int) -> str:
    return f"+{n}" if n > 0 else str(n)


def year_compare(rng: random.Random, table: DrawnTable, year: int) -> DrawnTable:
    """Table 四 under a year column with last year's row (before or after this year's) and
    sometimes the change; table 三 with a 上年同期 column of last year's totals."""
    if table.key == "table4":
        return _compare4(rng, table, year)
    if table.key == "table3" and rng.random() < 0.6:
        return _compare3(rng, table)
    return table


def _last_year4(rng: random.Random, this: list[DrawnCell]) -> list[int]:
    """Last year's 15 values: each block's four results and their total."""
    out: list[int] = []
    for b in range(0, len(this), T4_BLOCK):
        parts = [rng.choice((0, 0, 1, 2, 3)) for _ in range(T4_BLOCK - 1)]
        out += parts + [sum(parts)]
    return out


def _compare4(rng: random.Random, table: DrawnTable, year: int) -> DrawnTable:
    values = sorted((c for c in table.cells if c.role == VALUE), key=lambda c: c.col)
    if len(values) != 3 * T4_BLOCK or len({c.row for c in values}) != 1:
        return table
    row = values[0].row
    head = header_rows(table)
    last = _last_year4(rng, values)
    chronological = rng.random() < 0.5
    names = (f"{year - 1}年", f"{year}年") if chronological else ("本年度", "上年度")
    cells = [replace(c, col=c.col + 1) for c in table.cells]
    cells.append(DrawnCell(HEADER, 0, 0, rowspan=head, text=rng.choice(("年度", "时间", "项目"))))
    this_name, last_name = (names[1], names[0]) if chronological else names
    last_row = row if chronological else row + 1  # last year's row above this year's, or under it
    this_row = row + 1 if chronological else row
    cells = [replace(c, row=this_row) if c.role == VALUE else c for c in cells]
    cells.append(DrawnCell(LABEL, this_row, 0, text=this_name))
    cells.append(DrawnCell(LABEL, last_row, 0, text=last_name))
    cells += [DrawnCell(LABEL, last_row, c.col + 1, text=str(v)) for c, v in zip(values, last)]
    if rng.random() < CHANGE_ROW_SHARE:
        change = row + 2
        cells.append(DrawnCell(LABEL, change, 0, text=rng.choice(("增减", "同比增减", "比上年增减"))))
        cells += [DrawnCell(LABEL, change, c.col + 1, text=_signed(int(c.text) - v) if c.text.isdigit() else "")
                  for c, v in zip(values, last)]
    return replace(table, cells=tuple(cells))


def _compare3(rng: random.Random, table: DrawnTable) -> DrawnTable:
    """A 上年同期 column right of 总计: last year's totals, their own identities holding."""
    rows = {c.cell[0]: c.row for c in table.cells if c.role == VALUE and c.cell}
    outcomes = [k for k in rows if k not in ("new_received", "carried_over", "total", "carried_forward")]
    leaves = {k: rng.choice((0, 0, 0, 1, 2, 5)) for k in outcomes if not _has_parts(k, rows)}
    last = dict(leaves)
    for k in outcomes:
        if k not in last:
            last[k] = sum(v for sub, v in leaves.items() if sub.startswith(k + "."))
    last["total"] = sum(leaves.values())
    last["carried_over"] = rng.randint(0, 2)
    last["carried_forward"] = rng.randint(0, 2)
    last["new_received"] = max(0, last["total"] + last["carried_forward"] - last["carried_over"])
    last["carried_over"] = last["total"] + last["carried_forward"] - last["new_received"]
    col = table.n_cols
    head = header_rows(table)
    cells = list(table.cells) + [DrawnCell(HEADER, 0, col, rowspan=head, text=rng.choice(("上年同期", "上年总计")))]
    cells += [DrawnCell(LABEL, r, col, text=str(last[k])) for k, r in rows.items() if k in last]
    filled = {r for k, r in rows.items() if k in last}
    cells += [DrawnCell(LABEL, r, col, text="") for r in range(head, table.n_rows) if r not in filled]
    return replace(table, cells=tuple(cells))


def _has_parts(key: str, rows: dict[str, int]) -> bool:
    return any(k.startswith(key + ".") for k in rows)


# ------------------------------------------------------------------ old_rows (2021 reports only)

def old_rows(rng: random.Random, table: DrawnTable, expected: dict) -> DrawnTable:
    """Table 三's (六)其他处理 as one row of its sums; table 二 with the 2019 rows."""
    if table.key == "table3":
        return _one_other_row(table, expected)
    if table.key == "table2":
        return _rows_of_2019(rng, table)
    return table


def _one_other_row(table: DrawnTable, expected: dict) -> DrawnTable:
    subs = [c for c in table.cells if c.role == VALUE and c.cell and c.cell[0].startswith("other.")]
    if not subs:
        return table
    first = min(c.row for c in subs)
    n = len({c.row for c in subs})
    group = [c for c in table.cells if c.role == LABEL and c.row == first and c.rowspan == n]
    if not group:
        return table
    sums: dict[int, int] = {}
    for c in subs:
        sums[c.col] = sums.get(c.col, 0) + int(c.text)
    col_key = {c.col: c.cell[1] for c in subs if c.cell}
    t3 = expected["table3"]
    for c in subs:
        assert c.cell is not None
        t3[c.cell[0]][c.cell[1]] = None
    for col, s in sums.items():
        assert t3["other"][col_key[col]] == s
    sub_ids = {id(c) for c in subs}
    kept = []
    for c in table.cells:
        if first <= c.row < first + n and c.role != VALUE and c is not group[0] and c.col > group[0].col:
            continue  # the three sub-labels
        if id(c) in sub_ids:
            continue
        if c.row < first and c.row + c.rowspan > first:  # the 办理结果 label over them
            c = replace(c, rowspan=c.rowspan - (n - 1))
        elif c.row >= first + n:
            c = replace(c, row=c.row - (n - 1))
        kept.append(c)
    g = group[0]
    kept = [replace(c, rowspan=1, colspan=c.colspan + 1) if c is g else c for c in kept]
    kept += [DrawnCell(VALUE, first, col, text=str(s)) for col, s in sorted(sums.items())]
    return replace(table, cells=tuple(kept))


PROCUREMENT_CAPTION = "第二十条第（九）项"


def _rows_of_2019(rng: random.Random, table: DrawnTable) -> DrawnTable:
    """A 其他对外管理服务事项 row under 行政许可 and a 政府集中采购 block at the end."""
    width = table.n_cols
    lic = _row_of(table, "licensing")
    cells = list(table.cells)
    if lic is not None:
        cells = _shift_rows(table, lic + 1, 1)
        cells += [DrawnCell(LABEL, lic + 1, 0, text="其他对外管理服务事项"),
                  DrawnCell(VALUE, lic + 1, 1, colspan=width - 1, text=str(rng.randint(0, 40)))]
    end = max(c.row + c.rowspan for c in cells)
    amount = round(rng.uniform(10, 900), 1)
    cells += [DrawnCell(CAPTION, end, 0, colspan=width, text=PROCUREMENT_CAPTION),
              DrawnCell(HEADER, end + 1, 0, text="信息内容"),
              DrawnCell(HEADER, end + 1, 1, text="采购项目数量"),
              DrawnCell(HEADER, end + 1, 2, colspan=width - 2, text="采购总金额（单位：万元）"),
              DrawnCell(LABEL, end + 2, 0, text="政府集中采购"),
              DrawnCell(VALUE, end + 2, 1, text=str(rng.randint(1, 30))),
              DrawnCell(VALUE, end + 2, 2, colspan=width - 2, text=f"{amount:g}")]
    return replace(table, cells=tuple(cells))


# ------------------------------------------------------------------ HTML edits

def tfoot_rows(doc) -> None:
    """Table 三's (七)总计 and 四、结转 rows, and table 二's last block, in a ``<tfoot>`` written
    before the ``<tbody>`` (HTML 4's order); the 办理结果 label no longer spans the 总计 row."""
    for table in doc.xpath("//table[@data-table]"):
        key = table.get("data-table")
        tbody = table.find("tbody")
        if tbody is None:
            continue
        rows = list(tbody)
        if key == "table3":
            moved = _table3_foot(rows)
        elif key == "table2":
            moved = rows[-3:] if len(rows) > 3 and len(rows[-3]) == 1 else []
        else:
            moved = []
        if not moved:
            continue
        foot = E.TFOOT()
        for tr in moved:
            tbody.remove(tr)
            foot.append(tr)
        table.insert(table.index(tbody), foot)


def _table3_foot(rows: list) -> list:
    """The last row, and the row before it when it is the last under the 办理结果 label (that
    label shortened by one row, the row's own label widened over its column)."""
    spans = [(i, td) for i, tr in enumerate(rows) for td in tr if int(td.get("rowspan", "1")) > 1]
    if not spans:
        return rows[-1:]
    i, outer = max(spans, key=lambda x: int(x[1].get("rowspan")))
    span = int(outer.get("rowspan"))
    if i + span - 1 != len(rows) - 2:
        return rows[-1:]
    outer.set("rowspan", str(span - 1))
    label = rows[-2][0]
    label.set("colspan", str(int(label.get("colspan", "1")) + 1))
    return rows[-2:]


def _texts(cell_text: str) -> list[str]:
    return cell_text.split("\n")


GRID_STYLE = "display:grid;grid-template-columns:repeat({n},auto);border-left:1px solid #000;border-top:1px solid #000"
GRID_CELL_STYLE = "grid-column:{c}/span {cs};grid-row:{r}/span {rs};border-right:1px solid #000;border-bottom:1px solid #000;padding:2px 4px"


def div_grid(table: DrawnTable):
    """The drawn table as a CSS grid of ``<div>`` cells in row order."""
    grid = E.DIV(**{"class": "tbl", "style": GRID_STYLE.format(n=table.n_cols)})
    for c in sorted(table.cells, key=lambda c: (c.row, c.col)):
        div = E.DIV(**{"class": "td", "style": GRID_CELL_STYLE.format(c=c.col + 1, cs=c.colspan, r=c.row + 1,
                                                                     rs=c.rowspan)})
        _set_lines(div, _texts(c.text))
        grid.append(div)
    return grid


def _set_lines(el, lines: list[str]) -> None:
    el.text = lines[0]
    for line in lines[1:]:
        br = lxml_html.Element("br")
        br.tail = line
        el.append(br)


def _width(text: str) -> int:
    """Display width in a monospaced font: a wide (CJK, full-width) character is two columns."""
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def _pad(text: str, width: int, right: bool) -> str:
    gap = " " * max(0, width - _width(text))
    return gap + text if right else text + gap


PRE_GAP = 2  # spaces between two columns of a space-aligned text table


def pre_text(table: DrawnTable, bars: bool) -> str:
    """The drawn table as a plain-text table: each cell's text (its lines joined) at its first
    row, padded over its columns; values right-aligned; ``│`` between cells if ``bars``."""
    texts = {id(c): "".join(_texts(c.text)) for c in table.cells}
    sep = 1 if bars else PRE_GAP
    widths = [0] * table.n_cols
    for c in table.cells:
        if c.colspan == 1:
            widths[c.col] = max(widths[c.col], _width(texts[id(c)]))
    for c in sorted(table.cells, key=lambda c: c.colspan):
        if c.colspan > 1:
            have = sum(widths[c.col:c.col + c.colspan]) + sep * (c.colspan - 1)
            widths[c.col + c.colspan - 1] += max(0, _width(texts[id(c)]) - have)
    starts = {(c.row, c.col): c for c in table.cells}
    lines = []
    rule = "─" * (sum(widths) + sep * (table.n_cols - 1) + (2 if bars else 0))
    if bars:
        lines.append(rule)
    for r in range(table.n_rows):
        parts = []
        col = 0
        while col < table.n_cols:
            at = starts.get((r, col))
            if at is not None:
                w = sum(widths[col:col + at.colspan]) + sep * (at.colspan - 1)
                parts.append(_pad(texts[id(at)], w, at.role == VALUE))
                col += at.colspan
            else:
                parts.append(" " * widths[col])  # under a cell spanning rows, or none
                col += 1
        line = ("│" + "│".join(parts) + "│") if bars else (" " * PRE_GAP).join(parts).rstrip()
        lines.append(line)
    if bars:
        lines.append(rule)
    return "\n".join(lines)


# ------------------------------------------------------------------ decoy tables

QUARTERS = ("第一季度", "第二季度", "第三季度", "第四季度")


def _split4(rng: random.Random, n: int) -> list[int]:
    cuts = sorted(rng.randint(0, n) for _ in range(3))
    return [b - a for a, b in zip([0] + cuts, cuts + [n])]


def _decoy(caption: str, head: list[str], rows: list[list[str]]):
    trs = [E.TR(*[E.TD(h, **{"class": "header"}) for h in head])]
    trs += [E.TR(E.TD(r[0], **{"class": "label"}), *[E.TD(v, **{"class": "value"}) for v in r[1:]]) for r in rows]
    return [E.P(caption), E.TABLE(E.TBODY(*trs), **{"class": "official"})]


def decoy_quarters(rng: random.Random, s: Synthetic, expected: dict) -> list:
    """The year's applications quarter by quarter: the labels of table 三's blocks, 合计 the
    year's total column."""
    t3 = expected["table3"]

    def total(prefix: str) -> int:
        keys = [k for k in t3 if k == prefix or k.startswith(prefix + ".")]
        leaves = [k for k in keys if not any(o.startswith(k + ".") for o in keys)]
        return sum(t3[k]["total"] or 0 for k in leaves)
    rows = [("收到申请", total("new_received")), ("予以公开", total("granted")), ("部分公开", total("partially_granted")),
            ("不予公开", total("denied")), ("无法提供", total("unable")), ("不予处理", total("not_processed")),
            ("其他处理", total("other")), ("办结总数", t3["total"]["total"] or 0)]
    body = [[name] + [str(q) for q in _split4(rng, n)] + [str(n)] for name, n in rows]
    caption = rng.choice((f"{s.profile.year}年政府信息公开申请办理情况（按季度）", "表1 依申请公开分季度办理情况",
                          "各季度政府信息公开申请受理情况"))
    return _decoy(caption, ["项目"] + list(QUARTERS) + [rng.choice(("合计", "全年"))], body)


def decoy_platforms(rng: random.Random, s: Synthetic) -> list:
    """The posts of the agency's website and new media this year and last."""
    names = rng.sample(("政府门户网站", "政务微博", "政务微信公众号", "政务头条号", "政务抖音号", "政务服务网"), 4)
    body = [[n, str(rng.randint(20, 3000)), str(rng.randint(20, 3000))] for n in names]
    return _decoy(rng.choice(("政务公开平台信息发布情况", "政府网站和政务新媒体信息发布统计表")),
                  ["平台", f"{s.profile.year}年发布信息（条）", f"{s.profile.year - 1}年发布信息（条）"], body)


def decoy_topics(rng: random.Random, s: Synthetic) -> list:
    """The items published by topic, with the share of each."""
    topics = rng.sample(("机构职能", "政策文件", "规划计划", "财政预决算", "人事信息", "重大项目", "公共服务", "其他"), 5)
    counts = [rng.randint(1, 400) for _ in topics]
    total = sum(counts)
    body = [[t, str(n), f"{100 * n / total:.1f}%"] for t, n in zip(topics, counts)]
    body.append(["合计", str(total), "100%"])
    return _decoy("主动公开信息分类统计", ["类别", "数量（条）", "占比"], body)


def decoy_tables(rng: random.Random, doc, s: Synthetic, expected: dict) -> None:
    """Two of the three decoys in section 一; the quarter table sometimes under table 三."""
    makers = rng.sample(("quarters", "platforms", "topics"), 2)
    h2 = doc.xpath("//h2")
    anchor = h2[1] if len(h2) > 1 else None  # section 二's heading: the decoys go before it
    for which in makers:
        if which == "quarters":
            els = decoy_quarters(rng, s, expected)
            t3 = doc.xpath("//*[@data-table='table3']")
            if t3 and rng.random() < 0.5:
                last = t3[-1]
                while last.getnext() is not None and last.getnext().get("data-table") == "table3":
                    last = last.getnext()
                parent = last.getparent()
                for j, el in enumerate([E.P("各季度办理情况如下：")] + els[1:]):
                    parent.insert(parent.index(last) + 1 + j, el)
                continue
        else:
            els = decoy_platforms(rng, s) if which == "platforms" else decoy_topics(rng, s)
        if anchor is not None:
            parent = anchor.getparent()
            for el in els:
                parent.insert(parent.index(anchor), el)


# ------------------------------------------------------------------ the kinds

KINDS: dict[str, WildKind] = {k.name: k for k in (
    WildKind("header_repeated", "structure", "table 三 as two or three HTML tables at page breaks, the header rows repeated"),
    WildKind("column_split", "structure", "table 三 (and 四) cut by columns into two tables, the label block in both"),
    WildKind("reordered", "structure", "applicant columns, table 四's blocks, table 二's paired rows in another order"),
    WildKind("bilingual", "label", "headers and main labels with an English translation (自然人<br>Natural persons)"),
    WildKind("decoy_tables", "page", "政务公开 tables beside the official ones: by quarter, by platform, by topic"),
    WildKind("tfoot_rows", "structure", "table 三's 总计/结转 rows and table 二's last block in a <tfoot> before <tbody>"),
    WildKind("div_grid", "page", "one official table as a CSS grid of <div> cells, no <table>"),
    WildKind("pre_table", "page", "one official table as preformatted text (<pre>) in columns of spaces or │ bars"),
    WildKind("year_compare", "structure", "table 四 with last year's row (and the change); table 三 with a 上年同期 column"),
    WildKind("old_rows", "structure", "a 2021 report with 2019 rows: (六)其他处理 as one row, 其他对外管理服务事项, 政府集中采购"),
    WildKind("mixed5", "mixed", "three of the above together"),
)}
MIXED5_FROM = tuple(k for k in KINDS if k != "mixed5")
# the drawn tables' edits, in this order: sums first (old_rows), then added rows and columns,
# moves, words; the cuts last (they make two tables of one)
TABLE_ORDER = ("old_rows", "year_compare", "reordered", "bilingual", "column_split", "header_repeated")
# kinds that do not go together: both cut the same table 三 into pieces; the <tfoot> moves rows of
# a table 三 that the cut splits; a table re-drawn as text or divs has no <tfoot>
EXCLUSIVE = ({"column_split", "header_repeated"}, {"tfoot_rows", "header_repeated"}, {"tfoot_rows", "column_split"},
             {"div_grid", "pre_table"})
NEEDS_2021 = {"old_rows"}


def kinds_of(rng: random.Random, kind: str) -> tuple[str, ...]:
    return mixed_kinds(rng, MIXED5_FROM, KINDS, EXCLUSIVE) if kind == "mixed5" else (kind,)


@dataclass
class Wild5:
    synthetic: Synthetic
    html: bytes
    expected: dict[str, dict]
    kinds: tuple[str, ...]


def _edit_table(rng: random.Random, k: str, table: DrawnTable, s: Synthetic, expected: dict) -> list[DrawnTable]:
    if k == "old_rows":
        return [old_rows(rng, table, expected)]
    if k == "year_compare":
        return [year_compare(rng, table, s.profile.year)]
    if k == "reordered":
        return [reordered(rng, table)]
    if k == "bilingual":
        return [bilingual(rng, table)]
    if k == "column_split":
        return column_split(rng, table)
    return header_repeated(rng, table)


def make(rng: random.Random, kind: str) -> Wild5:
    """A clean synthetic report with deviation ``kind`` as an HTML page, and the values a
    careful reader reads from it."""
    kinds = kinds_of(rng, kind)
    s = synthesize(rng, "", years=(2021, 2025)) if NEEDS_2021 & set(kinds) else synthesize(rng, "")
    expected = s.expected_values()
    page = s.page()
    extra: dict[str, list[DrawnTable]] = {}  # a table's pieces after its first
    for part in page.parts:
        if part.table is None:
            continue
        pieces = [part.table]
        for k in TABLE_ORDER:
            if k in kinds:
                pieces = [p for piece in pieces for p in _edit_table(rng, k, piece, s, expected)]
        part.table = pieces[0]
        if len(pieces) > 1:
            extra[part.table.key] = pieces[1:]
    tables = {p.table.key: p.table for p in page.parts if p.table is not None}
    doc = lxml_html.document_fromstring(html_page(rng, page, s.profile).decode("utf-8"))
    for key, rest in extra.items():
        _after(rng, doc, key, rest)
    if "tfoot_rows" in kinds:
        tfoot_rows(doc)
    redrawn = [k for k in ("div_grid", "pre_table") if k in kinds]
    if redrawn:
        key = rng.choice(sorted(k for k in tables if k not in extra))
        _redraw(rng, doc, key, tables[key], redrawn[0])
    for td in doc.xpath("//table[@data-table]//td"):
        if td.text and "\n" in td.text:
            _set_lines(td, td.text.split("\n"))
    if "decoy_tables" in kinds:
        decoy_tables(rng, doc, s, expected)
    out = lxml_html.tostring(doc, doctype="<!DOCTYPE html>", encoding="unicode")
    return Wild5(s, out.encode("utf-8"), expected, kinds)


def _after(rng: random.Random, doc, key: str, rest: list[DrawnTable]) -> None:
    """The pieces after a table's first, each after the one before, a 续表 or page number
    between them sometimes."""
    el = doc.xpath(f"//table[@data-table='{key}']")[0]
    for n, piece in enumerate(rest):
        between = [E.P(t.format(n=rng.randint(2, 9))) for t in rng.choice(BETWEEN_PIECES)]
        new = table_element(piece)
        new.set("data-continued", str(n + 1))
        parent = el.getparent()
        for j, x in enumerate(between + [new]):
            parent.insert(parent.index(el) + 1 + j, x)
        el = new


def _redraw(rng: random.Random, doc, key: str, table: DrawnTable, how: str) -> None:
    el = doc.xpath(f"//table[@data-table='{key}']")[0]
    if how == "div_grid":
        new = div_grid(table)
    else:
        new = E.PRE(pre_text(table, bars=rng.random() < 0.5), **{"class": "table"})
    new.set("data-table", key)
    el.getparent().replace(el, new)


__all__ = ["EXCLUSIVE", "KINDS", "Wild5", "bilingual", "column_split", "cut_columns", "cut_rows", "decoy_tables",
           "div_grid", "header_repeated", "kinds_of", "make", "old_rows", "pre_text", "reordered", "tfoot_rows",
           "year_compare"]
