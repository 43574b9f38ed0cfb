"""An eighth set of wild deviations ("wild8"): what real agencies' pages print that none of
:mod:`.wild` … :mod:`.wild7` draws.

The earlier sets change labels and numbers' print, the report's kind and sign-off, the page
around the tables, a table's cut, turn or picture, the tables' own HTML, how a site serves the
page and what the report prints in its headers, titles and columns. Real pages also:

- ``no_total``: leave table 三's 总计 column out (the six applicant columns only; the page
  prints no total, so the expected totals are null: the page does not print them);
- ``tables_order``: put the sections with their tables in another order — 四 before 三, or
  二 after 三 (a content system that sorts the sections, an editor who moved one);
- ``cell_notes``: a value cell holding a second line under its number, a note with a number
  of its own: ``12<br>（含网上申请5件）``, ``3<br>（其中依申请2件）`` (the note is no cell);
- ``rate_row``: a row under table 三 with a rate per column: ``办结率`` ``100%`` … (no cell
  of the report: its percentages are not counts);
- ``th_cells``: every cell of the official tables written as ``<th>`` (a content system whose
  editor marks every cell a header), bold and centred;
- ``caption_tag``: each table's name in a ``<caption>`` element and its unit (``单位：件``) in
  a ``<thead>`` row of its own over the whole width;
- ``first_page``: the report served in pages, this page only up to table 三 — the sections
  after it are on page 2 behind ``下一页`` (the page cannot show table 四: the expected keeps
  the report's values, so the right answer is null WITH a finding, as wild7's annex);
- ``zone_agency``: the publisher a development zone's committee or a 街道 office
  (``XX经济技术开发区管理委员会``, ``XX高新区管委会``, ``XX街道办事处``), its name in the title,
  the metadata and the prose;
- ``mixed8``: three of the above together.

Every choice is drawn from the report's own random stream, so a seed gives the same bytes.
"""

from __future__ import annotations

import random
import re
from dataclasses import dataclass, replace

from lxml import html as lxml_html
from lxml.html import builder as E

from ..render.layout import DrawnCell, DrawnTable
from ..template.layout import HEADER, LABEL, VALUE
from .kinds import mixed_kinds
from .report import Synthetic, synthesize
from .wild import WildKind
from .writers import html_page

TOTAL_HEAD = "总计"

# ------------------------------------------------------------------ no_total


def no_total(table: DrawnTable) -> DrawnTable:
    """Table 三 without its 总计 column: the column's cells gone, the spans over it narrowed,
    the columns after it moved left."""
    if table.key != "table3":
        return table
    head = next((c for c in table.cells if c.role == HEADER and c.text == TOTAL_HEAD), None)
    if head is None:
        return table
    at = head.col
    cells: list[DrawnCell] = []
    for c in table.cells:
        if c.col == at and c.colspan == 1:
            continue
        if c.col <= at < c.col + c.colspan:
            cells.append(replace(c, colspan=c.colspan - 1))
        elif c.col > at:
            cells.append(replace(c, col=c.col - 1))
        else:
            cells.append(c)
    return replace(table, cells=tuple(cells))


def no_total_expected(expected: dict[str, dict]) -> None:
    """The totals the page does not print: null."""
    for cols in expected["table3"].values():
        if "total" in cols:
            cols["total"] = None


# ------------------------------------------------------------------ tables_order

ORDERS = (("s1", "s2", "s4", "s3", "s5", "s6"),  # 四 before 三
          ("s1", "s3", "s2", "s4", "s5", "s6"),  # 二 after 三
          ("s1", "s3", "s4", "s2", "s5", "s6"))  # 二 after 三 and 四


def tables_order(rng: random.Random, parts: list) -> list:
    order = rng.choice(ORDERS)
    by_key = {p.key: p for p in parts}
    return [by_key[k] for k in order if k in by_key] + [p for p in parts if p.key not in order]


# ------------------------------------------------------------------ cell_notes

NOTES = ("（含网上申请{n}件）", "（其中依申请{n}件）", "（含转办{n}件）", "（其中当面申请{n}件）")
NOTE_CELLS = (1, 4)  # how many value cells carry a note


def cell_notes(rng: random.Random, doc) -> None:
    """One to four cells holding a number ≥ 2 get a second line: a note with a smaller number."""
    tds = [td for td in doc.xpath("//table[@data-table]//td[@class='value']")
           if re.fullmatch(r"\d+", (td.text or "").strip()) and int(td.text.strip()) >= 2]
    for td in rng.sample(tds, min(len(tds), rng.randint(*NOTE_CELLS))):
        n = rng.randint(1, int(td.text.strip()) - 1)
        br = lxml_html.Element("br")
        br.tail = rng.choice(NOTES).format(n=n)
        td.append(br)


# ------------------------------------------------------------------ rate_row

RATE_LABELS = ("办结率", "按时办结率", "公开率")


def rate_row(rng: random.Random, table: DrawnTable) -> DrawnTable:
    """Table 三 with a last row of percentages under the value columns."""
    if table.key != "table3":
        return table
    values = [c for c in table.cells if c.role == VALUE]
    last = max(c.row + c.rowspan for c in table.cells)
    cols = sorted({c.col for c in values})
    first = min(cols)
    label = rng.choice(RATE_LABELS)
    new = [DrawnCell(LABEL, last, 0, colspan=first, text=label)]
    new += [DrawnCell(VALUE, last, k, text=rng.choice(("100%", f"{rng.randint(60, 99)}.{rng.randint(0, 9)}%", "—")))
            for k in cols]
    return replace(table, cells=table.cells + tuple(new))


# ------------------------------------------------------------------ th_cells

def th_cells(doc) -> None:
    for td in doc.xpath("//table[@data-table]//td"):
        td.tag = "th"
        td.set("style", "font-weight:bold;text-align:center")


# ------------------------------------------------------------------ caption_tag

TABLE_NAMES = {"table2": "主动公开政府信息情况", "table3": "收到和处理政府信息公开申请情况",
               "table4": "政府信息公开行政复议、行政诉讼情况"}
UNITS = ("单位：件", "单位：件、个", "（单位：件）")


def caption_tag(rng: random.Random, doc) -> None:
    for el in doc.xpath("//table[@data-table]"):
        key = el.get("data-table")
        n_cols = max(sum(int(td.get("colspan", "1")) for td in tr) for tr in el.xpath(".//tr"))
        el.insert(0, E.CAPTION(f"表{'二三四'[int(key[-1]) - 2]}：{TABLE_NAMES[key]}"))
        unit = E.TR(E.TD(rng.choice(UNITS), colspan=str(n_cols), style="text-align:right", **{"class": "unit"}))
        thead = el.find("thead")
        if thead is None:
            thead = E.THEAD()
            el.insert(1, thead)
        thead.insert(0, unit)


# ------------------------------------------------------------------ first_page

PAGERS = ("共2页 1 2 下一页 尾页", "首页 上一页 1 2 下一页 末页", "下一页")


def first_page(rng: random.Random, doc) -> None:
    """The page ends after table 三; a pager links page 2."""
    body = doc.body
    cut = doc.xpath("//table[@data-table='table3']")[0]
    kids = list(body)
    for el in kids[kids.index(cut) + 1:]:
        body.remove(el)
    body.append(E.DIV(rng.choice(PAGERS), **{"class": "pager"}))


# ------------------------------------------------------------------ zone_agency

CITIES = ("青岛", "苏州", "合肥", "成都", "郑州", "武汉", "南宁", "昆明", "沈阳", "西安")
ZONES = ("经济技术开发区管理委员会", "高新技术产业开发区管理委员会", "高新区管委会", "经开区管委会", "综合保税区管理委员会")
STREETS = ("城关街道办事处", "东湖街道办事处", "新华街道办事处")


def zone_agency(rng: random.Random, s: Synthetic) -> Synthetic:
    p = s.profile
    city = rng.choice(CITIES)
    name = f"{city}{rng.choice(ZONES)}" if rng.random() < 0.7 else f"{city}市{rng.choice(('', '江北区', '高新区'))}{rng.choice(STREETS)}"
    title = p.title.replace(p.agency, name, 1)
    prose = {k: [t.replace(p.agency, name) for t in v] for k, v in s.prose.items()}
    return replace(s, profile=replace(p, agency=name, short=name, title=title), prose=prose)


# ------------------------------------------------------------------ the kinds

KINDS: dict[str, WildKind] = {k.name: k for k in (
    WildKind("no_total", "structure", "table 三 without its 总计 column (the totals: null, not printed)"),
    WildKind("tables_order", "page", "the sections with their tables in another order: 四 before 三, 二 after 三"),
    WildKind("cell_notes", "value", "a value cell with a second line, a note with a number: 12<br>（含网上申请5件）"),
    WildKind("rate_row", "structure", "a 办结率/公开率 row of percentages under table 三"),
    WildKind("th_cells", "page", "every cell of the official tables a <th>"),
    WildKind("caption_tag", "structure", "each table's name in <caption>, its unit in a <thead> row over the width"),
    WildKind("first_page", "page", "the page ends after table 三, 下一页 to page 2 (table 四 not on the page)"),
    WildKind("zone_agency", "meta", "a development zone's committee or a 街道 office publishes the report"),
    WildKind("mixed8", "mixed", "three of the above together"),
)}
MIXED8_FROM = tuple(k for k in KINDS if k != "mixed8")
EXCLUSIVE = ({"first_page", "tables_order"},)  # which sections a first page holds depends on the order


def kinds_of(rng: random.Random, kind: str) -> tuple[str, ...]:
    return mixed_kinds(rng, MIXED8_FROM, KINDS, EXCLUSIVE) if kind == "mixed8" else (kind,)


@dataclass
class Wild8:
    synthetic: Synthetic
    html: bytes
    expected: dict[str, dict]
    kinds: tuple[str, ...]


def make(rng: random.Random, kind: str) -> Wild8:
    """A clean synthetic report with deviation ``kind`` as an HTML page, and the values a
    careful reader reads from it."""
    kinds = kinds_of(rng, kind)
    s = synthesize(rng, "")
    if "zone_agency" in kinds:
        s = zone_agency(rng, s)
    expected = s.expected_values()
    page = s.page()
    p = s.profile
    for part in page.parts:
        if part.table is None:
            continue
        if "no_total" in kinds:
            part.table = no_total(part.table)
        if "rate_row" in kinds:
            part.table = rate_row(rng, part.table)
    if "no_total" in kinds:
        no_total_expected(expected)
    if "tables_order" in kinds:
        page.parts = tables_order(rng, page.parts)
    doc = lxml_html.document_fromstring(html_page(rng, page, p).decode("utf-8"))
    if "cell_notes" in kinds:
        cell_notes(rng, doc)
    if "caption_tag" in kinds:
        caption_tag(rng, doc)
    if "first_page" in kinds:
        first_page(rng, doc)
    if "th_cells" in kinds:
        th_cells(doc)
    out = lxml_html.tostring(doc, doctype="<!DOCTYPE html>", encoding="unicode")
    return Wild8(s, out.encode("utf-8"), expected, kinds)


__all__ = ["EXCLUSIVE", "KINDS", "Wild8", "caption_tag", "cell_notes", "first_page", "kinds_of", "make", "no_total",
           "rate_row", "tables_order", "th_cells", "zone_agency"]
