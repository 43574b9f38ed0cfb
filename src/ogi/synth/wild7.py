"""A seventh set of wild deviations ("wild7"): what real agencies' reports print that none of
:mod:`.wild` … :mod:`.wild6` draws.

The earlier sets change labels and numbers' print (:mod:`.wild`), the report's kind and
sign-off (:mod:`.wild2`: the year in Chinese numerals among them), the page around the tables
(:mod:`.wild3`), a table's cut, turn (table 三 only) or picture (:mod:`.wild4`), the tables' own
HTML (:mod:`.wild5`) and how a site serves the page (:mod:`.wild6`). Real reports also:

- ``year_title``: print the year elsewhere in the title — after it in brackets
  (``…工作年度报告（2023年）``), before the agency (``2023年XX局…``), with a space (``2023 年``),
  or the title set on two lines (agency, ``<br>``, the rest);
- ``year_headers``: write the year where the format says 本年/上年/下年度: ``2023年制发件数``,
  ``截至2023年底现行有效件数``, ``一、2023年新收…``, ``二、2022年结转…``, ``四、结转2024年继续办理``
  (so the header and label cells hold digits that are no value);
- ``subtotal_column``: add a 小计 (or 合计) column to table 三 after the five organisations, under
  法人或其他组织, holding their sum in every row;
- ``serial_table2``: number table 二's rows in a 序号 first column (1 … n over its value rows);
- ``header_image``: paste table 三's three header rows as one picture (a row of one cell holding
  an ``<img>``), the value rows as text under it;
- ``annex_table``: leave one official table out of the page: the section says 详见附件 and links a
  PDF (the page holds no numbers of that table: a careful reader cannot read them);
- ``filled_spans``: unmerge every label, header and caption cell and repeat its text in each slot
  it covered (a spreadsheet's "unmerge and fill", or a CMS that cannot span);
- ``word_mso``: Word's own HTML export: every cell's text in ``<p class=MsoNormal><span …>…
  <o:p></o:p></span></p>``, empty cells ``<o:p>&nbsp;</o:p>``, the document's properties (pages,
  words, characters: numbers) in an ``<!--[if gte mso 9]><xml>`` block, and the headings'
  numbering in ``<![if !supportLists]>`` spans;
- ``transposed4``: table 四 turned over its diagonal (its fifteen results as rows, a value column);
- ``listing_page``: the report as one ``<article>`` of the column's listing page, beside
  articles that sum up the agency's reports of other years (their titles, dates and a line with
  their numbers);
- ``mixed7``: three of the above together.

The expected values are what a careful reader reads from the page: a subtotal, a serial number,
a year in a header and the numbers of another year's summary are no cells of the report; a table
only in an annex stays as the report states it (the page cannot show it: a parser must say so).
Every choice is drawn from the report's own random stream, so a seed gives the same bytes.
"""

from __future__ import annotations

import base64
import random
import re
from dataclasses import dataclass, replace
from datetime import timedelta

from lxml import html as lxml_html
from lxml.html import builder as E

from ..render.layout import DrawnCell, DrawnTable, header_rows
from ..template.layout import CAPTION, HEADER, LABEL, VALUE
from .kinds import mixed_kinds
from .report import Synthetic, synthesize
from .wild import WildKind
from .writers import html_page

# ------------------------------------------------------------------ year_title

TITLE_STYLES = ("bracket", "bracket_du", "year_first", "spaced", "two_lines")
TITLE_TAIL = "政府信息公开工作年度报告"


def year_title(rng: random.Random, agency: str, year: int) -> tuple[str, str | None]:
    """The title with the year printed another way: (the title's text, and for a two-line
    title the second line — the first is the agency)."""
    style = rng.choice(TITLE_STYLES)
    if style == "bracket":
        return f"{agency}{TITLE_TAIL}（{year}年）", None
    if style == "bracket_du":
        return f"{agency}{TITLE_TAIL}（{year}年度）", None
    if style == "year_first":
        return f"{year}年{agency}{TITLE_TAIL}", None
    if style == "spaced":
        return f"{agency}{year} 年{TITLE_TAIL}", None
    return f"{agency}{year}年{TITLE_TAIL}", f"{year}年{TITLE_TAIL}"


def set_title(doc, title: str, second_line: str | None, agency: str) -> None:
    doc.find(".//title").text = title
    h1 = doc.find(".//h1")
    h1.text = title
    if second_line:
        h1.text = agency
        br = lxml_html.Element("br")
        br.tail = second_line
        h1.append(br)


# ------------------------------------------------------------------ year_headers

def year_words(text: str, year: int) -> str:
    """本年/上年/下年度 in a header or label printed as the year."""
    if text.startswith("现行有效") and "截至" not in text:
        text = f"截至{year}年底{text}"
    text = text.replace("本年度", f"{year}年度").replace("本年", f"{year}年")
    text = text.replace("上一年", f"{year - 1}年").replace("上年", f"{year - 1}年")
    return text.replace("下年度", f"{year + 1}年")


def year_headers(table: DrawnTable, year: int) -> DrawnTable:
    cells = tuple(replace(c, text=year_words(c.text, year)) if c.role in (HEADER, LABEL) else c
                  for c in table.cells)
    return replace(table, cells=cells)


# ------------------------------------------------------------------ subtotal_column

APPLICANT_HEAD = "法人或其他组织"
SUBTOTAL_NAMES = ("小计", "合计")


def subtotal_column(rng: random.Random, table: DrawnTable) -> DrawnTable:
    """Table 三 with a subtotal column after the organisations' five, their sum in each row."""
    if table.key != "table3":
        return table
    group = next(c for c in table.cells if c.text == APPLICANT_HEAD)
    at = group.col + group.colspan  # the new column's index
    name = rng.choice(SUBTOTAL_NAMES)
    cells: list[DrawnCell] = []
    for c in table.cells:
        if c.col >= at:
            cells.append(replace(c, col=c.col + 1))
        elif c.col + c.colspan > at or c is group:  # the group and the headers over it widen
            cells.append(replace(c, colspan=c.colspan + 1))
        else:
            cells.append(c)
    cells.append(DrawnCell(HEADER, group.row + 1, at, text=name))
    for row in table.rows():
        orgs = [c for c in row if c.role == VALUE and group.col <= c.col < at]
        if not orgs:
            continue
        numbers = [n for c in orgs if (n := _int(c.text)) is not None]
        total = str(sum(numbers)) if len(numbers) == len(orgs) else ""  # blank where a cell is not a number
        cells.append(DrawnCell(VALUE, orgs[0].row, at, text=total))
    return replace(table, cells=tuple(cells))


def _int(text: str) -> int | None:
    return int(text) if re.fullmatch(r"-?\d+", text.strip()) else None


# ------------------------------------------------------------------ serial_table2

SERIAL_HEAD = "序号"


def serial_table2(table: DrawnTable) -> DrawnTable:
    """Table 二 with a 序号 first column numbering its value rows."""
    if table.key != "table2":
        return table
    cells: list[DrawnCell] = []
    n = 0
    for row in table.rows():
        if not row:
            continue
        first = row[0]
        if first.role == CAPTION and first.colspan == table.n_cols:
            cells.append(replace(first, colspan=first.colspan + 1))
            continue
        cells += [replace(c, col=c.col + 1) for c in row]
        if any(c.role == VALUE for c in row):
            n += 1
            cells.append(DrawnCell(LABEL, first.row, 0, text=str(n)))
        else:
            cells.append(DrawnCell(HEADER, first.row, 0, text=SERIAL_HEAD))
    return replace(table, cells=tuple(cells))


# ------------------------------------------------------------------ header_image

# a 1×1 white PNG: the picture's pixels are not the point, that its text is not on the page is
HEADER_PNG = base64.b64encode(bytes.fromhex(
    "89504e470d0a1a0a0000000d4948445200000001000000010802000000907753de0000000c4944415408d763f8ffff"
    "3f0005fe02fea7d6a4f00000000049454e44ae426082")).decode("ascii")
HEADER_ALTS = ("", "表头", "image")


def header_image(rng: random.Random, doc, table: DrawnTable) -> None:
    """Table 三's header rows replaced by one row of one cell holding a picture of them."""
    el = doc.xpath("//table[@data-table='table3']")[0]
    n = header_rows(table)
    rows = el.xpath(".//tr")[:n]
    parent = rows[0].getparent()
    img = E.IMG(src=f"data:image/png;base64,{HEADER_PNG}", alt=rng.choice(HEADER_ALTS),
                width="640", height=str(24 * n))
    new = E.TR(E.TD(img, colspan=str(table.n_cols), **{"class": "header-image"}))
    parent.insert(parent.index(rows[0]), new)
    for tr in rows:
        tr.getparent().remove(tr)


# ------------------------------------------------------------------ annex_table

ANNEX_NAMES = {"table2": "主动公开政府信息情况统计表", "table3": "收到和处理政府信息公开申请情况统计表",
               "table4": "政府信息公开行政复议、行政诉讼情况统计表"}


def annex_table(rng: random.Random, doc, year: int) -> str:
    """One official table left out: the section points to a PDF annex instead."""
    key = rng.choice(("table2", "table3", "table3", "table4"))
    el = doc.xpath(f"//table[@data-table='{key}']")[0]
    k = rng.randint(1, 3)
    a = E.A(f"附件{k}：{year}年{ANNEX_NAMES[key]}.pdf", href=f"/xxgk/fj/{year}/P0{rng.randint(10000, 99999)}.pdf")
    p = E.P(rng.choice(("具体情况详见附件：", "（详见附件）", "详见：")), a)
    el.getparent().replace(el, p)
    return key


# ------------------------------------------------------------------ filled_spans

def filled_spans(table: DrawnTable) -> DrawnTable:
    """Every label, header and caption cell unmerged, its text in each slot it covered."""
    cells: list[DrawnCell] = []
    for c in table.cells:
        if c.role == VALUE or (c.rowspan == 1 and c.colspan == 1):
            cells.append(c)
            continue
        cells += [replace(c, row=r, col=k, rowspan=1, colspan=1)
                  for r in range(c.row, c.row + c.rowspan) for k in range(c.col, c.col + c.colspan)]
    return replace(table, cells=tuple(cells))


# ------------------------------------------------------------------ word_mso

MSO_PROPS = ("<!--[if gte mso 9]><xml>\n<o:DocumentProperties>\n<o:Author>{author}</o:Author>\n"
             "<o:Revision>{rev}</o:Revision>\n<o:TotalTime>{time}</o:TotalTime>\n"
             "<o:Created>{created}T0{h}:12:00Z</o:Created>\n<o:Pages>{pages}</o:Pages>\n<o:Words>{words}</o:Words>\n"
             "<o:Characters>{chars}</o:Characters>\n<o:Lines>{lines}</o:Lines>\n<o:Paragraphs>{paras}</o:Paragraphs>\n"
             "<o:Version>16.00</o:Version>\n</o:DocumentProperties>\n</xml><![endif]-->\n")
MSO_CELL_STYLE = "width:{w}pt;border:solid windowtext 1.0pt;mso-border-alt:solid windowtext .5pt;padding:0cm 5.4pt 0cm 5.4pt"
OP = "@@OP@@"  # stands for <o:p></o:p> until the page is text (lxml drops the namespace prefix)
OP_EMPTY = "@@OPNB@@"


def word_mso(rng: random.Random, doc) -> None:
    """Each official table's cells and each section heading as Word writes them."""
    for td in doc.xpath("//table[@data-table]//td"):
        text = td.text_content()
        for child in list(td):
            td.remove(child)
        td.text = None
        td.set("width", str(rng.randint(40, 120)))
        td.set("valign", "middle")
        td.set("style", MSO_CELL_STYLE.format(w=rng.randint(30, 90)))
        span = E.SPAN(style="font-size:10.5pt;font-family:宋体;mso-bidi-font-family:宋体")
        if re.fullmatch(r"-?\d+", text) and len(text) > 1 and rng.random() < 0.5:
            span.set("lang", "EN-US")
            cut = rng.randint(1, len(text) - 1)
            span.text = text[:cut]
            tail = E.SPAN(text[cut:], lang="EN-US", style="font-size:10.5pt;font-family:宋体")
            tail.tail = OP
            span.append(tail)
        else:
            span.text = text + (OP if text else OP_EMPTY)
        p = E.P(span, **{"class": "MsoNormal", "align": "center", "style": "text-align:center"})
        td.append(p)
    for h2 in doc.xpath("//h2"):
        m = re.match(r"([一二三四五六七八九十]+、)(.*)", h2.text or "")
        if not m:
            continue
        h2.text = f"@@LIST({m.group(1)})@@{m.group(2)}"


def mso_text(rng: random.Random, out: str) -> str:
    """The markers as Word's markup, and the document's properties block in the head."""
    out = out.replace(OP, "<o:p></o:p>").replace(OP_EMPTY, "<o:p>&nbsp;</o:p>")
    out = re.sub(r"@@LIST\((.*?)\)@@",
                 lambda m: ("<![if !supportLists]><span style='mso-list:Ignore'>" + m.group(1)
                            + "<span style='font:7.0pt \"Times New Roman\"'>&nbsp;&nbsp; </span></span><![endif]>"),
                 out)
    props = MSO_PROPS.format(author=rng.choice(("Administrator", "lenovo", "微软用户", "dell")), rev=rng.randint(2, 40),
                             time=rng.randint(10, 400), created=f"20{rng.randint(20, 25)}-0{rng.randint(1, 3)}-1{rng.randint(0, 9)}",
                             h=rng.randint(1, 9), pages=rng.randint(3, 9), words=rng.randint(600, 3000),
                             chars=rng.randint(3000, 9000), lines=rng.randint(40, 200), paras=rng.randint(10, 60))
    return out.replace("</head>", props + "</head>", 1)


# ------------------------------------------------------------------ transposed4

def transposed(table: DrawnTable) -> DrawnTable:
    """The table turned over its diagonal: rows become columns, spans turn with them."""
    cells = tuple(replace(c, row=c.col, col=c.row, rowspan=c.colspan, colspan=c.rowspan) for c in table.cells)
    return replace(table, cells=cells)


# ------------------------------------------------------------------ listing_page

LISTING_HEADS = ("政府信息公开年报", "年度报告", "信息公开年报")


def listing_page(rng: random.Random, doc, s: Synthetic) -> None:
    """The report's body as one ``<article>`` of a listing page, other years' summaries as
    articles before or after it."""
    p = s.profile
    body = doc.body
    article = E.ARTICLE(**{"class": "news-item"})
    for el in list(body):
        body.remove(el)
        article.append(el)
    others = []
    for y in rng.sample(range(p.year - 3, p.year), rng.randint(1, 3)):
        day = p.published.replace(year=y + 1) - timedelta(days=rng.randint(0, 40))
        n = rng.randint(0, 400)
        others.append(E.ARTICLE(
            E.H3(E.A(f"{p.agency}{y}年政府信息公开工作年度报告", href=f"/xxgk/ndbg/{y}/index.html")),
            E.P(f"发布日期：{day.isoformat()}", **{"class": "date"}),
            E.P(f"{y}年，{p.agency}共收到政府信息公开申请{n}件，办结{n}件……", **{"class": "summary"}),
            E.P(E.A("阅读全文", href=f"/xxgk/ndbg/{y}/index.html")), **{"class": "news-item"}))
    body.append(E.DIV(rng.choice(LISTING_HEADS), **{"class": "column-head"}))
    if rng.random() < 0.5:
        body.append(article)
        body.extend(others)
    else:
        body.extend(others)
        body.append(article)


# ------------------------------------------------------------------ the kinds

KINDS: dict[str, WildKind] = {k.name: k for k in (
    WildKind("year_title", "meta", "the year elsewhere in the title: （2023年）, 2023年XX局…, 2023 年, two lines"),
    WildKind("year_headers", "label", "本年/上年/下年度 printed as the year in headers and labels: 2023年制发件数"),
    WildKind("subtotal_column", "structure", "a 小计/合计 column in table 三 after the five organisations, their sum"),
    WildKind("serial_table2", "structure", "table 二 with a 序号 first column numbering its value rows"),
    WildKind("header_image", "structure", "table 三's header rows pasted as one picture, the value rows as text"),
    WildKind("annex_table", "page", "one official table only in a linked PDF annex (详见附件)"),
    WildKind("filled_spans", "structure", "every merged label/header cell unmerged, its text repeated in each slot"),
    WildKind("word_mso", "page", "Word's HTML: MsoNormal cells with <o:p>, the properties' xml, supportLists"),
    WildKind("transposed4", "structure", "table 四 turned over: its fifteen results as rows, one value column"),
    WildKind("listing_page", "page", "the report as one <article> of a listing page beside other years' summaries"),
    WildKind("mixed7", "mixed", "three of the above together"),
)}
MIXED7_FROM = tuple(k for k in KINDS if k != "mixed7")
# a picture of table 三's header has no header cells to unmerge or to widen with a subtotal
EXCLUSIVE = ({"header_image", "filled_spans"}, {"header_image", "subtotal_column"},
             {"annex_table", "header_image"})


def kinds_of(rng: random.Random, kind: str) -> tuple[str, ...]:
    return mixed_kinds(rng, MIXED7_FROM, KINDS, EXCLUSIVE) if kind == "mixed7" else (kind,)


@dataclass
class Wild7:
    synthetic: Synthetic
    html: bytes
    expected: dict[str, dict]
    kinds: tuple[str, ...]


def make(rng: random.Random, kind: str) -> Wild7:
    """A clean synthetic report with deviation ``kind`` as an HTML page, and the values a
    careful reader reads from it."""
    kinds = kinds_of(rng, kind)
    s = synthesize(rng, "")
    expected = s.expected_values()
    page = s.page()
    p = s.profile
    for part in page.parts:
        if part.table is None:
            continue
        if "year_headers" in kinds:
            part.table = year_headers(part.table, p.year)
        if "subtotal_column" in kinds:
            part.table = subtotal_column(rng, part.table)
        if "serial_table2" in kinds:
            part.table = serial_table2(part.table)
        if "transposed4" in kinds and part.table.key == "table4":
            part.table = transposed(part.table)
        if "filled_spans" in kinds:
            part.table = filled_spans(part.table)
    tables = {pt.table.key: pt.table for pt in page.parts if pt.table is not None}
    doc = lxml_html.document_fromstring(html_page(rng, page, p).decode("utf-8"))
    if "year_title" in kinds:
        set_title(doc, *year_title(rng, p.agency, p.year), p.agency)
    if "header_image" in kinds:
        header_image(rng, doc, tables["table3"])
    if "annex_table" in kinds:
        annex_table(rng, doc, p.year)
    if "word_mso" in kinds:
        word_mso(rng, doc)
    if "listing_page" in kinds:
        listing_page(rng, doc, s)
    out = lxml_html.tostring(doc, doctype="<!DOCTYPE html>", encoding="unicode")
    if "word_mso" in kinds:
        out = mso_text(rng, out)
    return Wild7(s, out.encode("utf-8"), expected, kinds)


__all__ = ["EXCLUSIVE", "KINDS", "Wild7", "annex_table", "filled_spans", "header_image", "kinds_of", "listing_page",
           "make", "serial_table2", "subtotal_column", "transposed", "word_mso", "year_headers", "year_title"]
