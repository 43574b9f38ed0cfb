"""A sixth set of wild deviations ("wild6"): how real agencies' sites serve a report that none
of :mod:`.wild` … :mod:`.wild5` draws.

The earlier sets change labels and numbers' print (:mod:`.wild`: a 序号 column, full-width
digits, units, thousands separators, ``—`` for zero, traditional *labels*), the report's kind
and sign-off (:mod:`.wild2`), the page around the tables (:mod:`.wild3`), a table's cut, turn
or picture (:mod:`.wild4`), and the tables' own HTML (:mod:`.wild5`). Real sites also:

- ``paged_join``: publish a long report as several pages (``上一页 1 2 3 下一页``) that a crawler
  joins into one: the title, the breadcrumbs and the pager again at each page's top and foot,
  and once in a while the cut inside table 三 (the rest on the next page under its header rows);
- ``caption_column``: draw table 二's 第二十条 captions as a merged first column beside their
  blocks (one cell spanning the block's rows) instead of rows across the table;
- ``row_tables``: write one official table as one ``<table>`` per row, each with the same
  inline column widths (a content editor's paste of a PDF, or a page builder's rows); a
  row-spanning label is cut at each row: printed in its first row, the rows under it empty;
- ``archive_links``: a 往年报告 list (the agency's reports of the years before, each a link
  with its date) before or after the report, as a column's sidebar prints it;
- ``framed``: the report inside an ``<iframe srcdoc="…">`` of a portal's shell page (the
  shell's own breadcrumbs, a short title and the date outside the frame);
- ``traditional_all``: the whole page in traditional characters (a site's 繁體 version made
  by converting every character): title, metadata, prose, labels and headers;
- ``mobile_copy``: a responsive page that carries one official table twice — the desktop table,
  and a copy for phones hidden by CSS (``display:none``), as a table again or as a list of
  ``label：value`` lines;
- ``meta_table``: the metadata as the portal's grid above the title — 索引号, 发布机构, 主题分类,
  成文日期 (days before publication), 发布日期, 文号 (``X政办〔2024〕3号``), 有效性 — in two or
  four columns;
- ``spacer_cells``: a word processor's HTML export: each official table ending in a row of empty
  width-setting cells (``<tr height=0>``), and rows ragged with an empty trailing cell;
- ``mixed6``: three of the above together.

The expected values are what a careful reader reads from the page: every repeated, hidden,
framed, converted or re-cut table states the same numbers as the report; a link, a pager or a
hidden copy states no other. ``traditional_all`` asks the agency in the characters the page
prints. Every choice is drawn from the report's own random stream, so a seed gives the same
bytes.
"""

from __future__ import annotations

import html as html_escape
import random
from dataclasses import dataclass, replace
from datetime import timedelta

from lxml import html as lxml_html
from lxml.html import builder as E

from ..render.html import table_element
from ..render.layout import DrawnCell, DrawnTable, header_rows
from ..template.layout import CAPTION, LABEL, VALUE
from .report import Synthetic, synthesize
from .wild import TRADITIONAL, WildKind
from .wild5 import cut_rows
from .writers import CRUMBS, html_page
from .kinds import mixed_kinds

# ------------------------------------------------------------------ paged_join

PAGES = (2, 3)  # how many pages a long report is served as
CUT_IN_TABLE3 = 0.4  # share of paged reports whose one cut falls inside table 三
PAGER_STYLES = ("上一页 {links} 下一页", "共{n}页 第{i}页", "首页 上一页 {links} 下一页 尾页", "<< {links} >>")


def _pager(rng: random.Random, style: str, i: int, n: int):
    links = " ".join(str(k) for k in range(1, n + 1))
    return E.DIV(style.format(links=links, n=n, i=i), **{"class": "pager"})


def paged_join(rng: random.Random, doc, title: str) -> None:
    """The body cut into pages at section headings (or inside table 三 where it was cut), each
    page closed by its pager and the next opened by the crumbs and the title again."""
    body = doc.body
    n = rng.choice(PAGES)
    style = rng.choice(PAGER_STYLES)
    cont = [el for el in body if el.get("data-continued")]
    h2 = [el for el in body if el.tag == "h2"][1:]
    cuts = list(cont)  # a cut table 三: the cut is at its second piece
    cuts += rng.sample(h2, max(0, n - 1 - len(cuts)))
    cuts = sorted(cuts[: n - 1], key=lambda el: body.index(el))
    for i, el in enumerate(cuts, start=1):
        at = body.index(el)
        block = [_pager(rng, style, i, len(cuts) + 1)] + _page_top_title(rng, title, i + 1)
        for j, x in enumerate(block):
            body.insert(at + j, x)
    body.append(_pager(rng, style, len(cuts) + 1, len(cuts) + 1))


def _page_top_title(rng: random.Random, title: str, i: int) -> list:
    named = rng.choice((title, f"{title}（{i}）", f"{title}（第{i}页）"))
    return [E.DIV(rng.choice(CRUMBS), **{"class": "crumb"}), E.H1(named)]


def cut_table3(rng: random.Random, table: DrawnTable) -> list[DrawnTable]:
    """Table 三 cut once inside its body, the rest under its header rows again."""
    n_head = header_rows(table)
    at = rng.choice(range(n_head + 2, table.n_rows - 1))
    return list(cut_rows(rng, table, at))


# ------------------------------------------------------------------ caption_column

def caption_column(table: DrawnTable) -> DrawnTable:
    """Table 二's caption rows as one merged cell each in a new first column, beside the rows
    of its block (header and values); the caption rows themselves go."""
    if table.key != "table2":
        return table
    captions = sorted((c for c in table.cells if c.role == CAPTION and c.colspan == table.n_cols), key=lambda c: c.row)
    if not captions:
        return table
    cap_rows = [c.row for c in captions]
    ends = cap_rows[1:] + [table.n_rows]

    def new_row(r: int) -> int:
        return r - sum(1 for x in cap_rows if x <= r)
    cells = [replace(c, row=new_row(c.row), col=c.col + 1) for c in table.cells if c.row not in cap_rows]
    for c, end in zip(captions, ends):
        first = new_row(c.row + 1)
        cells.append(replace(c, row=first, col=0, colspan=1, rowspan=end - c.row - 1))
    return replace(table, cells=tuple(cells))


# ------------------------------------------------------------------ row_tables

ROW_TABLE_STYLE = "width:100%;border-collapse:collapse;table-layout:fixed;margin:0"
ROW_CELL_STYLE = "border:1px solid #000;padding:2px 4px;width:{w}%"


def unspanned_rows(table: DrawnTable) -> DrawnTable:
    """Every row-spanning cell printed in its first row only: the rows under it get an empty
    cell of the same role and width (a row cannot span into another ``<table>``)."""
    cells: list[DrawnCell] = []
    for c in table.cells:
        if c.rowspan == 1:
            cells.append(c)
            continue
        cells.append(replace(c, rowspan=1))
        cells += [replace(c, row=r, rowspan=1, text="") for r in range(c.row + 1, c.row + c.rowspan)]
    return replace(table, cells=tuple(cells))


def row_tables(table: DrawnTable) -> list:
    """The table as one ``<table>`` per grid row, each with the same column widths."""
    flat = unspanned_rows(table)
    width = round(100 / flat.n_cols, 2)
    out = []
    for cells in flat.rows():
        tds = []
        for c in cells:
            attrs = {"class": c.role, "style": ROW_CELL_STYLE.format(w=round(width * c.colspan, 2))}
            if c.colspan > 1:
                attrs["colspan"] = str(c.colspan)
            td = E.TD(**attrs)
            _set_lines(td, c.text.split("\n"))
            tds.append(td)
        out.append(E.TABLE(E.TBODY(E.TR(*tds)), **{"style": ROW_TABLE_STYLE, "class": "row"}))
    return out


def _set_lines(el, lines: list[str]) -> None:
    el.text = lines[0]
    for line in lines[1:]:
        br = lxml_html.Element("br")
        br.tail = line
        el.append(br)


# ------------------------------------------------------------------ archive_links

ARCHIVE_HEADS = ("往年报告", "历年年报", "相关报告", "政府信息公开年报")


def archive_links(rng: random.Random, doc, s: Synthetic) -> None:
    """A list of the agency's reports of earlier years, each with its date, in a sidebar
    before the title or a block after the last section."""
    p = s.profile
    years = range(p.year - 1, p.year - 1 - rng.randint(3, 5), -1)
    items = []
    for y in years:
        day = p.published.replace(year=y + 1) - timedelta(days=rng.randint(0, 40))
        title = f"{p.agency}{y}年{rng.choice(('', '度'))}政府信息公开工作年度报告"
        items.append(E.LI(E.A(title, href=f"/xxgk/ndbg/{y}/index.html"), " ", E.SPAN(day.isoformat())))
    block = E.DIV(E.H3(rng.choice(ARCHIVE_HEADS)), E.UL(*items), **{"class": "archive"})
    body = doc.body
    if rng.random() < 0.5:
        body.insert(0, block)
    else:
        body.append(block)


# ------------------------------------------------------------------ framed

SHELL_TITLES = ("政府信息公开年报", "年度报告", "信息公开")


def framed(rng: random.Random, page: str, s: Synthetic) -> str:
    """The page inside a shell page's ``<iframe srcdoc>``."""
    shell = lxml_html.document_fromstring("<html><head><meta charset='utf-8'><title>x</title></head><body></body></html>")
    shell.find(".//title").text = rng.choice(SHELL_TITLES)
    body = shell.body
    body.append(E.DIV(rng.choice(CRUMBS), **{"class": "crumb"}))
    body.append(E.DIV(f"{rng.choice(SHELL_TITLES)}  发布时间：{s.profile.published.isoformat()}", **{"class": "info"}))
    body.append(E.IFRAME(srcdoc="@@SRCDOC@@", width="100%", height="4000", frameborder="0"))
    out = lxml_html.tostring(shell, doctype="<!DOCTYPE html>", encoding="unicode")
    return out.replace("@@SRCDOC@@", html_escape.escape(page, quote=True))


# ------------------------------------------------------------------ traditional_all

# characters of the page (titles, places, prose) beyond the labels' (wild.TRADITIONAL)
TRADITIONAL_MORE = str.maketrans({
    "区": "區", "县": "縣", "乡": "鄉", "镇": "鎮", "厅": "廳", "员": "員", "卫": "衛", "财": "財", "税": "稅", "农": "農",
    "环": "環", "资": "資", "态": "態", "统": "統", "运": "運", "输": "輸", "应": "應", "场": "場", "监": "監", "户": "戶",
    "网": "網", "时": "時", "间": "間", "条": "條", "编": "編", "对": "對", "问": "問", "联": "聯", "领": "領", "导": "導",
    "贯": "貫", "彻": "徹", "实": "實", "坚": "堅", "进": "進", "动": "動", "读": "讀", "众": "眾", "稳": "穩", "纳": "納",
    "训": "訓", "责": "責", "继": "繼", "续": "續", "办": "辦", "况": "況", "体": "體", "种": "種", "级": "級", "题": "題",
    "称": "稱", "号": "號", "标": "標", "准": "準", "产": "產", "质": "質", "劳": "勞", "医": "醫", "疗": "療", "药": "藥",
    "广": "廣", "电": "電", "视": "視", "园": "園", "气": "氣", "华": "華", "湾": "灣", "东": "東", "阳": "陽", "汉": "漢",
    "长": "長", "宁": "寧", "兴": "興", "龙": "龍", "凤": "鳳", "桥": "橋", "丰": "豐", "庆": "慶", "齐": "齊", "济": "濟",
    "辽": "遼", "苏": "蘇", "闽": "閩", "赣": "贛", "鲁": "魯", "粤": "粵", "琼": "瓊", "贵": "貴", "云": "雲", "陕": "陝",
    "门": "門", "设": "設", "闻": "聞", "报": "報", "织": "織", "库": "庫", "储": "儲", "测": "測", "绘": "繪", "图": "圖",
    "档": "檔", "馆": "館", "历": "歷", "风": "風", "险": "險", "灾": "災", "纪": "紀", "检": "檢", "验": "驗", "养": "養",
    "残": "殘", "妇": "婦", "红": "紅", "绿": "綠", "渔": "漁", "邮": "郵", "线": "線", "营": "營", "销": "銷", "购": "購",
    "价": "價", "执": "執", "侨": "僑", "台": "臺", "韩": "韓", "纸": "紙", "样": "樣", "论": "論", "还": "還", "较": "較",
    "为": "為", "将": "將", "们": "們", "扩": "擴", "宽": "寬", "围": "圍", "见": "見", "规": "規", "范": "範", "订": "訂",
    "岗": "崗", "职": "職", "传": "傳", "筹": "籌", "协": "協", "调": "調", "专": "專", "项": "項", "节": "節", "约": "約",
    "综": "綜", "优": "優", "数": "數", "据": "據", "录": "錄", "证": "證", "书": "書", "码": "碼", "满": "滿", "义": "義",
    "积": "積", "极": "極", "开": "開", "听": "聽", "说": "說", "话": "話", "语": "語", "响": "響", "热": "熱",
})


def traditional(text: str) -> str:
    return text.translate(TRADITIONAL).translate(TRADITIONAL_MORE)


# ------------------------------------------------------------------ mobile_copy

MOBILE_CSS = "@media (max-width: 768px) { .pc-only { display: none; } .m-only { display: block !important; } }"


def mobile_copy(rng: random.Random, doc, table: DrawnTable) -> None:
    """After the official table ``table``, a copy for phones hidden on a desktop: the table
    again, or its value rows as ``label：value`` lines under each header."""
    el = doc.xpath(f"//table[@data-table='{table.key}']")[0]
    el.set("class", el.get("class", "") + " pc-only")
    copy = E.DIV(**{"class": "m-only", "style": "display:none"})
    if rng.random() < 0.5:
        again = table_element(table)
        again.attrib.pop("data-table", None)
        copy.append(again)
    else:
        copy.extend(_lines_of(table))
    el.addnext(copy)
    style = doc.find(".//style")
    if style is not None:
        style.text = (style.text or "") + MOBILE_CSS + "\n"


def _lines_of(table: DrawnTable) -> list:
    """Each value row as a paragraph of ``label：header value`` pairs, its label the row's labels."""
    heads: dict[int, list[str]] = {}
    for c in table.cells:
        if c.role not in (VALUE, LABEL, CAPTION) and c.text:
            for col in range(c.col, c.col + c.colspan):
                heads.setdefault(col, []).append(c.text.replace("\n", ""))
    out = []
    for cells in table.rows():
        values = [c for c in cells if c.role == VALUE]
        if not values:
            continue
        labels = [c.text.replace("\n", "") for c in table.cells
                  if c.role == LABEL and c.row <= values[0].row < c.row + c.rowspan and c.text]
        pairs = [f"{'/'.join(heads.get(v.col, [])[-1:])}：{v.text}" for v in values]
        out.append(E.P(" ".join(labels) + "  " + "；".join(pairs)))
    return out


# ------------------------------------------------------------------ meta_table

def meta_table(rng: random.Random, doc, s: Synthetic) -> None:
    """The metadata lines replaced by the portal's grid above the title."""
    p = s.profile
    written = p.published - timedelta(days=rng.randint(2, 30))
    fields = [("索引号", p.index_number), ("发布机构", p.agency),
              ("主题分类", rng.choice(("政务公开", "其他", "综合政务\\政务公开"))),
              ("成文日期", written.isoformat()), ("发布日期", p.published.isoformat()),
              ("文号", rng.choice(("", f"{p.agency[:2]}政办〔{p.published.year}〕{rng.randint(1, 40)}号"))),
              ("有效性", "有效")]
    per_row = rng.choice((1, 2))
    trs = []
    for i in range(0, len(fields), per_row):
        tds = []
        for label, value in fields[i:i + per_row]:
            tds += [E.TD(label + rng.choice(("：", "", ":")), **{"class": "mt-label"}), E.TD(value)]
        trs.append(E.TR(*tds))
    grid = E.TABLE(E.TBODY(*trs), **{"class": "meta-table"})
    body = doc.body
    for el in body.xpath("./p[@class='meta']"):
        body.remove(el)
    body.insert(0, grid)


# ------------------------------------------------------------------ spacer_cells

def spacer_cells(rng: random.Random, doc) -> None:
    """Each official table with a last row of empty width cells; some rows with an empty
    trailing cell."""
    for table in doc.xpath("//table[@data-table]"):
        rows = table.xpath(".//tr")
        n = max(sum(int(td.get("colspan", "1")) for td in tr) for tr in rows)
        tbody = table.find("tbody")
        if tbody is None:
            continue
        spacer = E.TR(*[E.TD(width=str(rng.randint(40, 120)), style="border:none;padding:0") for _ in range(n)],
                      height="0")
        tbody.append(spacer)
        for tr in rows:
            if rng.random() < 0.3:
                tr.append(E.TD(style="border:none", width="0"))


# ------------------------------------------------------------------ the kinds

KINDS: dict[str, WildKind] = {k.name: k for k in (
    WildKind("paged_join", "page", "the report served as 2-3 pages joined by a crawler: pager, crumbs, title again"),
    WildKind("caption_column", "structure", "table 二's 第二十条 captions as a merged first column beside their blocks"),
    WildKind("row_tables", "structure", "one official table as one <table> per row with inline widths, spans cut"),
    WildKind("archive_links", "page", "a 往年报告 list of the earlier years' reports (links with dates)"),
    WildKind("framed", "page", "the report inside an <iframe srcdoc> of a portal's shell page"),
    WildKind("traditional_all", "label", "the whole page in traditional characters (a 繁體 version)"),
    WildKind("mobile_copy", "page", "one official table again for phones, hidden by CSS (a table, or label：value lines)"),
    WildKind("meta_table", "meta", "the metadata as a grid: 成文日期 before 发布日期, a 文号 with a year, 主题分类"),
    WildKind("spacer_cells", "structure", "a word processor's export: a row of empty width cells, ragged rows"),
    WildKind("mixed6", "mixed", "three of the above together"),
)}
MIXED6_FROM = tuple(k for k in KINDS if k != "mixed6")
# row_tables re-draws a table that mobile_copy or spacer_cells would find as one <table>
EXCLUSIVE = ({"row_tables", "spacer_cells"}, {"row_tables", "mobile_copy"})


def kinds_of(rng: random.Random, kind: str) -> tuple[str, ...]:
    return mixed_kinds(rng, MIXED6_FROM, KINDS, EXCLUSIVE) if kind == "mixed6" else (kind,)


@dataclass
class Wild6:
    synthetic: Synthetic
    html: bytes
    expected: dict[str, dict]
    kinds: tuple[str, ...]
    agency: str | None = None  # the agency as the page prints it, where not the profile's


def make(rng: random.Random, kind: str) -> Wild6:
    """A clean synthetic report with deviation ``kind`` as an HTML page, and the values a
    careful reader reads from it."""
    kinds = kinds_of(rng, kind)
    s = synthesize(rng, "")
    expected = s.expected_values()
    page = s.page()
    title = page.title
    agency = None
    cut: list[DrawnTable] = []
    for part in page.parts:
        if part.table is None:
            continue
        if "caption_column" in kinds:
            part.table = caption_column(part.table)
        if "paged_join" in kinds and part.table.key == "table3" and rng.random() < CUT_IN_TABLE3:
            part.table, second = cut_table3(rng, part.table)
            cut.append(second)
    tables = {p.table.key: p.table for p in page.parts if p.table is not None}
    doc = lxml_html.document_fromstring(html_page(rng, page, s.profile).decode("utf-8"))
    for second in cut:
        el = doc.xpath("//table[@data-table='table3']")[0]
        new = table_element(second)
        new.set("data-continued", "1")
        el.addnext(new)
    if "row_tables" in kinds:
        key = rng.choice(("table2", "table3", "table3", "table4"))
        el = doc.xpath(f"//table[@data-table='{key}']")[0]
        wrap = E.DIV(*row_tables(tables[key]), **{"class": "row-tables", "data-table": key})
        el.getparent().replace(el, wrap)
    if "spacer_cells" in kinds:
        spacer_cells(rng, doc)
    if "mobile_copy" in kinds:
        mobile_copy(rng, doc, tables[rng.choice(("table2", "table3", "table4"))])
    if "meta_table" in kinds:
        meta_table(rng, doc, s)
    if "archive_links" in kinds:
        archive_links(rng, doc, s)
    if "paged_join" in kinds:
        paged_join(rng, doc, title)
    for td in doc.xpath("//table[@data-table]//td"):
        if td.text and "\n" in td.text:
            _set_lines(td, td.text.split("\n"))
    out = lxml_html.tostring(doc, doctype="<!DOCTYPE html>", encoding="unicode")
    if "traditional_all" in kinds:
        out = traditional(out)
        agency = traditional(s.profile.short)
    if "framed" in kinds:
        out = framed(rng, out, s)
    return Wild6(s, out.encode("utf-8"), expected, kinds, agency)


__all__ = ["EXCLUSIVE", "KINDS", "Wild6", "archive_links", "caption_column", "framed", "kinds_of", "make",
           "meta_table", "mobile_copy", "paged_join", "row_tables", "spacer_cells", "traditional", "unspanned_rows"]
