"""A fourth set of wild deviations ("wild4"): the shapes real agencies give their tables that
:mod:`.wild`, :mod:`.wild2` and :mod:`.wild3` do not draw.

:mod:`.wild` changes one thing inside the official tables (a label's wording, a number's
print — full-width digits, thousands separators and units in cells are its kinds);
:mod:`.wild2` writes county and township reports and the page around their tables;
:mod:`.wild3` lays the page out as content systems do. Real reports also:

- ``split_prose``: cut a table where no merged cell crosses and write a sentence between the
  pieces (table 二 at each of its 第二十条 captions, table 三 after its 二 row or before its
  四 row), the continuation without header rows;
- ``page_marks``: keep the page furniture of the Word document they were pasted from — page
  numbers (``— 3 —``, ``第3页 共5页``, ``- 3 -``, ``3/5``) and the running title between
  paragraphs, and once inside table 三, which is cut there into two tables;
- ``transposed``: print table 三 turned over: the applicant types as rows, the official rows
  as columns (headers and labels keep their text, each value keeps its row and column);
- ``footnote_marks``: put a footnote mark on a few value cells (``12*``, ``3①``, ``5注1``,
  ``7[1]``) and explain the marks in a 注 paragraph under the table (the cell still states 12);
- ``table_image``: publish one official table as a picture (a PNG drawn from the table, inside
  the page, floated beside the section's prose) — its numbers are on the page, its text is not;
- ``stacked_headers``: write narrow header cells one character a line (``自<br>然<br>人``),
  as a word processor's narrow columns print them;
- ``inner_caption``: the table's name and unit as its own first rows, inside the table
  (``表三 收到和处理政府信息公开申请情况``, ``单位：件``), over the whole width;
- ``sum_rows``: add rows the format does not have: a 小计 row under table 三's 办理结果 block
  (the column sums of its rows), a 合计 row under table 二's 规章/规范性文件 stocks;
- ``merged_zeros``: print a value row that is all zeros as one cell over the row's width
  (``0``, or ``无``: a merged ``0`` states every cell it covers is 0; ``无`` is null by
  schema.md, as :mod:`.wild`'s ``zero_na``);
- ``table4_rows``: print table 四 as three rows (行政复议, 未经复议直接起诉, 复议后起诉) under
  one header row of its five results — the layout many agencies prefer to the 15-column one;
- ``mixed4``: three of the above together.

The expected values are the values the report states: a footnote mark, a comparison, a cut
table, a turned table, a picture of a table state the same numbers; a merged ``无`` states
nothing a number can hold. Every choice is drawn from the report's own random stream, so a
seed gives the same bytes.
"""

from __future__ import annotations

import base64
import io
import random
from dataclasses import dataclass, replace

from lxml import html as lxml_html
from lxml.html import builder as E

from ..render.layout import DrawnCell, DrawnTable
from ..template.layout import HEADER, LABEL, VALUE
from .report import Synthetic, synthesize
from .wild import WildKind
from .writers import html_page
from .kinds import mixed_kinds

# ------------------------------------------------------------------ helpers on drawn tables


def _first_value_row(table: DrawnTable) -> int:
    return min(c.row for c in table.cells if c.role == VALUE)


def _free_boundaries(table: DrawnTable, first: int) -> list[int]:
    """Rows ``r >= first`` below which a row can be inserted without cutting a merged cell."""
    last = max(c.row + c.rowspan for c in table.cells) - 1
    crossing = {r for c in table.cells for r in range(c.row, c.row + c.rowspan - 1)}
    return [r for r in range(first, last) if r not in crossing]


def _insert_rows(table: DrawnTable, after: int, block: list[DrawnCell], n: int) -> DrawnTable:
    """``n`` rows below grid row ``after`` (-1: on top); ``block``'s rows 0…n-1 fill them."""
    cells = [replace(c, row=c.row + n) if c.row > after else c for c in table.cells]
    return replace(table, cells=tuple(cells + [replace(c, row=c.row + after + 1) for c in block]))


# ------------------------------------------------------------------ table edits

def transposed(rng: random.Random, table: DrawnTable) -> DrawnTable:
    """Table 三 turned over its diagonal: every cell's row and column (and spans) swapped."""
    if table.key != "table3":
        return table
    return replace(table, cells=tuple(replace(c, row=c.col, col=c.row, rowspan=c.colspan, colspan=c.rowspan)
                                      for c in table.cells))


STACK_MAX = 8  # characters: a header cell at most this long, in a one-column slot, is stacked


def stacked_headers(rng: random.Random, table: DrawnTable) -> DrawnTable:
    """Each short header of a single column written one character a line (a ``\\n`` the HTML
    writer turns into ``<br>``)."""
    def edit(c: DrawnCell) -> DrawnCell:
        if c.role == HEADER and c.colspan == 1 and 1 < len(c.text) <= STACK_MAX:
            return replace(c, text="\n".join(c.text))
        return c
    return replace(table, cells=tuple(edit(c) for c in table.cells))


CAPTIONS = {"table2": ("表一 主动公开政府信息情况", "主动公开政府信息情况表"),
            "table3": ("表二 收到和处理政府信息公开申请情况", "收到和处理政府信息公开申请情况统计表"),
            "table4": ("表三 政府信息公开行政复议、行政诉讼情况", "政府信息公开行政复议、行政诉讼情况统计表")}
UNITS = {"table2": ("单位：件", "计量单位：件、万元"), "table3": ("单位：件", "（单位：件）"),
         "table4": ("单位：件", "（单位：件）")}


def inner_caption(rng: random.Random, table: DrawnTable) -> DrawnTable:
    """The table's name, its unit, or both, as its own first rows over the whole width."""
    width = table.n_cols
    texts = {0: [rng.choice(CAPTIONS[table.key])], 1: [rng.choice(UNITS[table.key])],
             2: [rng.choice(CAPTIONS[table.key]), rng.choice(UNITS[table.key])]}[rng.randrange(3)]
    block = [DrawnCell(HEADER, i, 0, colspan=width, text=t) for i, t in enumerate(texts)]
    return _insert_rows(table, -1, block, len(texts))


def sum_rows(rng: random.Random, table: DrawnTable) -> DrawnTable:
    """A 小计 row under table 三's 办理结果 block; a 合计 row under table 二's first block."""
    if table.key == "table3":
        return _subtotal3(table)
    if table.key == "table2":
        return _total2(table)
    return table


def _as_int(text: str) -> int | None:
    try:
        return int(text)
    except ValueError:
        return None


def _subtotal3(table: DrawnTable) -> DrawnTable:
    """Below the last row of block 三 (本年度办理结果): the column sums of its outcome rows,
    which equal its (七)总计 row."""
    first = _first_value_row(table)
    outer = [c for c in table.cells if c.role == LABEL and c.rowspan > 1 and c.row >= first]
    if not outer:
        return table
    block = max(outer, key=lambda c: c.rowspan)
    rows = range(block.row, block.row + block.rowspan)
    sums: dict[int, int | None] = {}
    for c in table.cells:  # the outcome rows: (七)总计 sums them already
        if c.role == VALUE and c.row in rows and c.cell and c.cell[0] != "total":
            v = _as_int(c.text)
            so_far = sums.get(c.col, 0)
            sums[c.col] = None if v is None or so_far is None else so_far + v
    if not sums:  # another deviation (a turned table) left no outcome rows under the block
        return table
    label_w = min(sums)
    after = block.row + block.rowspan - 1
    row = [DrawnCell(LABEL, 0, 0, colspan=label_w, text="小计")]
    row += [DrawnCell(LABEL, 0, col, text="" if s is None else str(s)) for col, s in sorted(sums.items())]
    return _insert_rows(table, after, row, 1)


def _total2(table: DrawnTable) -> DrawnTable:
    """A 合计 row after the first block's last value row (规章 + 规范性文件), sums of its counts."""
    first = _first_value_row(table)
    captions = sorted(c.row for c in table.cells if c.role != VALUE and c.colspan == table.n_cols and c.row > first)
    end = (captions[0] if captions else table.n_rows) - 1
    vals = [c for c in table.cells if c.role == VALUE and first <= c.row <= end]
    sums: dict[int, int | None] = {}
    for c in vals:
        v = _as_int(c.text)
        so_far = sums.get(c.col, 0)
        sums[c.col] = None if v is None or so_far is None else so_far + v
    if not sums:
        return table
    row = [DrawnCell(LABEL, 0, 0, colspan=min(sums), text="合计")]
    row += [DrawnCell(LABEL, 0, col, text="" if s is None else str(s)) for col, s in sorted(sums.items())]
    return _insert_rows(table, end, row, 1)


MERGED_ZERO_TEXTS = ("0", "0", "无")


def merged_zeros(rng: random.Random, table: DrawnTable, expected: dict) -> DrawnTable:
    """Each value row of the table that is all zeros (two or more cells, side by side) printed
    as one cell over those columns: ``0`` (every cell 0) or ``无`` (the cells null)."""
    by_row: dict[int, list[DrawnCell]] = {}
    for c in table.cells:
        if c.role == VALUE:
            by_row.setdefault(c.row, []).append(c)
    text = rng.choice(MERGED_ZERO_TEXTS)
    drop: set[int] = set()
    add: list[DrawnCell] = []
    for row, cells in by_row.items():
        cells.sort(key=lambda c: c.col)
        contiguous = all(b.col == a.col + 1 for a, b in zip(cells, cells[1:]))
        if len(cells) < 2 or not contiguous or any(c.text != "0" for c in cells):
            continue
        drop.update(id(c) for c in cells)
        add.append(DrawnCell(VALUE, row, cells[0].col, colspan=len(cells), text=text))
        if text == "无":
            for c in cells:
                assert c.cell is not None
                expected[table.key][c.cell[0]][c.cell[1]] = None
    if not add:
        return table
    return replace(table, cells=tuple([c for c in table.cells if id(c) not in drop] + add))


def table4_rows(rng: random.Random, table: DrawnTable) -> DrawnTable:
    """Table 四 as three rows under one header row: the block's name, then its five results."""
    if table.key != "table4":
        return table
    head = _first_value_row(table)
    values = {c.cell: c for c in table.cells if c.role == VALUE and c.cell}
    blocks: list[str] = []
    for c in table.cells:
        if c.cell and c.cell[0] not in blocks:
            blocks.append(c.cell[0])
    results = [c.cell[1] for c in sorted(table.cells, key=lambda c: c.col) if c.cell and c.cell[0] == blocks[0]]
    header_of = {c.col: c.text for c in table.cells if c.role == HEADER and c.row + c.rowspan == head}
    result_names = [header_of[values[(blocks[0], r)].col] for r in results]
    block_names = []
    for b in blocks:
        col = min(values[(b, r)].col for r in results)
        over = [c for c in table.cells if c.role == HEADER and c.col <= col < c.col + c.colspan and c.colspan == 5]
        block_names.append(over[-1].text if over else b)
    cells = [DrawnCell(HEADER, 0, 0, text=rng.choice(("类别", "项目", "")))]
    cells += [DrawnCell(HEADER, 0, 1 + i, text=t) for i, t in enumerate(result_names)]
    for i, (b, name) in enumerate(zip(blocks, block_names)):
        cells.append(DrawnCell(LABEL, 1 + i, 0, text=name))
        cells += [replace(values[(b, r)], row=1 + i, col=1 + j, rowspan=1, colspan=1) for j, r in enumerate(results)]
    return replace(table, cells=tuple(cells))


# ------------------------------------------------------------------ value edits

MARKS = ("*", "①", "注1", "[1]", "※")
MARK_CELLS = (1, 3)  # how many value cells of the report carry a mark


def footnote_marks(rng: random.Random, s: Synthetic) -> list[str]:
    """One to three count cells of tables 三/四 printed with a footnote mark; the notes."""
    slots = [(t, r, c) for t in ("table3", "table4") for r, cols in s.printed[t].items()
             for c, v in cols.items() if isinstance(v, int)]
    notes = []
    picked = rng.sample(slots, rng.randint(*MARK_CELLS))
    for (t, r, c), mark in zip(picked, rng.sample(MARKS, len(picked))):  # a mark a cell
        s.printed[t][r][c] = f"{s.printed[t][r][c]}{mark}"
        notes.append(f"{mark}{rng.choice(('含通过网上平台提交的申请', '其中部分申请已于次年初办结', '含同一申请人多次申请', '数据截至12月31日'))}")
    return notes


# ------------------------------------------------------------------ HTML edits

def _body_rows(table) -> list:
    return table.xpath("./tbody/tr|./tr")


def _free_cuts(table) -> list[int]:
    """Indices i of the body rows before which the body can be cut (no rowspan crosses)."""
    rows = _body_rows(table)
    reach = 0
    free = []
    for i, tr in enumerate(rows):
        if i > 0 and reach <= i:
            free.append(i)
        for td in tr.xpath("./td|./th"):
            reach = max(reach, i + int(td.get("rowspan", "1")))
    return free


def _cut(table, at: int, between: list) -> None:
    """The table's body rows from ``at`` on moved to a new table after ``between``'s elements."""
    rows = _body_rows(table)
    second = lxml_html.Element("table", dict(table.attrib))
    second.set("data-continued", "1")
    tbody = E.TBODY()
    second.append(tbody)
    for tr in rows[at:]:
        tr.getparent().remove(tr)
        tbody.append(tr)
    parent = table.getparent()
    i = parent.index(table)
    for j, el in enumerate(between + [second]):
        parent.insert(i + 1 + j, el)


BETWEEN = {"table2": ("另外，本机关{k}年度主动公开政府信息情况如下。", "其他主动公开政府信息情况见下表。"),
           "table3": ("本年度办理结果情况如下表所示。", "申请办理结果详见下表。", "办理结果统计如下："),
           "table4": ("",)}


def split_prose(rng: random.Random, doc, year: int) -> None:
    """Each official table cut where no merged cell crosses: table 二 before each 第二十条
    caption row after the first, table 三 once; a sentence between the pieces."""
    for table in list(doc.xpath("//table[@data-table]")):
        key = table.get("data-table")
        free = _free_cuts(table)
        if key == "table2":
            rows = _body_rows(table)
            cuts = [i for i in free if len(rows[i]) == 1 and "caption" in (rows[i][0].get("class") or "")]
        elif key == "table3":
            cuts = [rng.choice(free)] if free else []
        else:
            cuts = []
        for at in sorted(cuts, reverse=True):
            p = E.P(rng.choice(BETWEEN[key]).format(k=year))
            _cut(table, at, [p])


PAGE_MARKS = ("— {n} —", "第{n}页 共{m}页", "- {n} -", "{n}/{m}", "第 {n} 页")


def page_marks(rng: random.Random, doc, title: str) -> None:
    """Page numbers and the running title between paragraphs every few paragraphs, and one
    inside table 三 (cut there into two tables)."""
    style = rng.choice(PAGE_MARKS)
    body = doc.body
    blocks = [el for el in body if el.tag in ("p", "h2")]
    every = rng.randint(5, 9)
    running = rng.random() < 0.6

    def marks() -> list:
        out = [E.P("", **{"class": "pageno"})]
        if running:
            out.append(E.P(title, **{"class": "running"}))
        return out
    for el in blocks[every::every]:
        parent = el.getparent()
        i = parent.index(el)
        for j, mk in enumerate(marks()):
            parent.insert(i + j, mk)
    table3 = doc.xpath("//table[@data-table='table3']")
    if table3:
        free = _free_cuts(table3[0])
        if free:
            _cut(table3[0], rng.choice(free), marks())
    numbers = doc.xpath("//p[@class='pageno']")  # in document order
    for n, p in enumerate(numbers, 1):
        p.text = style.format(n=n, m=len(numbers) + 1)


def _font(size: int):
    from PIL import ImageFont

    for path in ("/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc",
                 "/usr/share/fonts/opentype/noto/NotoSerifCJK-Regular.ttc"):
        try:
            return ImageFont.truetype(path, size)
        except OSError:
            continue
    return ImageFont.load_default()


IMAGE_COL_PX = 46  # pixels: a value column's width in the picture of a table
IMAGE_LABEL_PX = 120  # pixels: a label or header column's width
IMAGE_ROW_PX = 26  # pixels: a row's height
IMAGE_FONT_PX = 12


def table_png(table: DrawnTable) -> bytes:
    """A picture of the drawn table: ruled cells, each cell's text (cut to its box)."""
    from PIL import Image, ImageDraw

    value_cols = {c.col for c in table.cells if c.role == VALUE}
    widths = [IMAGE_COL_PX if col in value_cols else IMAGE_LABEL_PX for col in range(table.n_cols)]
    xs = [0]
    for w in widths:
        xs.append(xs[-1] + w)
    img = Image.new("L", (xs[-1] + 1, table.n_rows * IMAGE_ROW_PX + 1), 255)
    draw = ImageDraw.Draw(img)
    font = _font(IMAGE_FONT_PX)
    for c in table.cells:
        x0, x1 = xs[c.col], xs[c.col + c.colspan]
        y0, y1 = c.row * IMAGE_ROW_PX, (c.row + c.rowspan) * IMAGE_ROW_PX
        draw.rectangle((x0, y0, x1, y1), outline=0)
        per_line = max(1, (x1 - x0 - 4) // IMAGE_FONT_PX)
        lines = [c.text[i:i + per_line] for i in range(0, len(c.text), per_line)][: max(1, (y1 - y0) // 14)]
        for k, line in enumerate(lines):
            draw.text((x0 + 2, y0 + 2 + 14 * k), line, fill=0, font=font)
    out = io.BytesIO()
    img.save(out, "PNG", optimize=True)
    return out.getvalue()


def table_image(rng: random.Random, doc, tables: dict[str, DrawnTable]) -> str:
    """One official table replaced by its picture, floated right of the section's prose."""
    key = rng.choice(sorted(tables))
    el = doc.xpath(f"//table[@data-table='{key}']")[0]
    png = base64.b64encode(table_png(tables[key])).decode("ascii")
    img = E.IMG(src=f"data:image/png;base64,{png}", alt="", style="float:right;max-width:60%;margin:0 0 1em 1em")
    el.getparent().replace(el, img)
    return key


# ------------------------------------------------------------------ the kinds

KINDS: dict[str, WildKind] = {k.name: k for k in (
    WildKind("split_prose", "structure", "tables cut where no merged cell crosses, a sentence between the pieces"),
    WildKind("page_marks", "page", "page numbers and the running title of the Word original, once inside table 三"),
    WildKind("transposed", "structure", "table 三 turned over: applicant types as rows, the official rows as columns"),
    WildKind("footnote_marks", "value", "a footnote mark on one to three cells (12*, 3①, 5注1) and a 注 under the table"),
    WildKind("table_image", "page", "one official table published as a picture beside the section's prose"),
    WildKind("stacked_headers", "label", "short header cells one character a line (自<br>然<br>人)"),
    WildKind("inner_caption", "structure", "the table's name and unit as its own first rows inside the table"),
    WildKind("sum_rows", "structure", "a 小计 row under table 三's 办理结果 block, a 合计 row in table 二"),
    WildKind("merged_zeros", "value", "an all-zero value row printed as one merged 0 (or 无) over its columns"),
    WildKind("table4_rows", "structure", "table 四 as three rows (复议, 直接起诉, 复议后起诉) under its five results"),
    WildKind("mixed4", "mixed", "three of the above together"),
)}
MIXED4_FROM = tuple(k for k in KINDS if k != "mixed4")
TABLE_EDITS = {"transposed": transposed, "stacked_headers": stacked_headers, "inner_caption": inner_caption,
               "sum_rows": sum_rows, "table4_rows": table4_rows}
# applied in this order: values first, then the drawn tables (sums before a caption moves the
# rows, a table turned before its headers are stacked), the page's HTML last
ORDER = ("footnote_marks", "merged_zeros", "sum_rows", "table4_rows", "transposed", "stacked_headers",
         "inner_caption", "table_image", "split_prose", "page_marks")
# kinds that do not go together: a picture has no rows to cut or stack; a turned table 三 has
# no 办理结果 rows to sum under
EXCLUSIVE = ({"table_image", "split_prose"}, {"table_image", "page_marks"}, {"transposed", "sum_rows"})


def kinds_of(rng: random.Random, kind: str) -> tuple[str, ...]:
    return mixed_kinds(rng, MIXED4_FROM, ORDER, EXCLUSIVE) if kind == "mixed4" else (kind,)


@dataclass
class Wild4:
    synthetic: Synthetic
    html: bytes
    expected: dict[str, dict]
    kinds: tuple[str, ...]


def make(rng: random.Random, kind: str) -> Wild4:
    """A clean synthetic report with deviation ``kind`` as an HTML page, and the values a
    correct parser reads from it."""
    kinds = kinds_of(rng, kind)
    s = synthesize(rng, "")
    expected = s.expected_values()
    notes = footnote_marks(rng, s) if "footnote_marks" in kinds else []
    page = s.page()
    for part in page.parts:
        if part.table is None:
            continue
        for k in ORDER:
            if k not in kinds:
                continue
            if k == "merged_zeros":
                part.table = merged_zeros(rng, part.table, expected)
            elif k in TABLE_EDITS:
                part.table = TABLE_EDITS[k](rng, part.table)
    tables = {p.table.key: p.table for p in page.parts if p.table is not None}
    html = html_page(rng, page, s.profile).decode("utf-8")
    doc = lxml_html.document_fromstring(html)
    if notes:
        _notes_under(doc, notes)
    for td in doc.xpath("//table[@data-table]//td"):
        if td.text and "\n" in td.text:
            _stack(td)
    if "table_image" in kinds:
        table_image(rng, doc, tables)
    if "split_prose" in kinds:
        split_prose(rng, doc, s.profile.year)
    if "page_marks" in kinds:
        page_marks(rng, doc, s.profile.title)
    out = lxml_html.tostring(doc, doctype="<!DOCTYPE html>", encoding="unicode")
    return Wild4(s, out.encode("utf-8"), expected, kinds)


def _notes_under(doc, notes: list[str]) -> None:
    """The notes as one 注 paragraph under the table whose cell carries each mark."""
    for table in doc.xpath("//table[@data-table]"):
        text = table.text_content()
        mine = [n for n in notes if _mark_of(n) and any(ch.isdigit() and text.find(ch + _mark_of(n)) >= 0
                                                        for ch in "0123456789")]
        if mine:
            p = E.P("注：" + "；".join(mine) + "。", **{"class": "note"})
            parent = table.getparent()
            parent.insert(parent.index(table) + 1, p)


def _mark_of(note: str) -> str:
    for m in MARKS:
        if note.startswith(m):
            return m
    return ""


def _stack(td) -> None:
    """A cell's ``\\n``-separated text as lines joined by ``<br>``."""
    lines = td.text.split("\n")
    td.text = lines[0]
    for line in lines[1:]:
        br = lxml_html.Element("br")
        br.tail = line
        td.append(br)


__all__ = ["KINDS", "Wild4", "footnote_marks", "inner_caption", "kinds_of", "make", "merged_zeros", "page_marks",
           "split_prose", "stacked_headers", "sum_rows", "table4_rows", "table_image", "table_png", "transposed"]
