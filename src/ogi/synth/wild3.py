"""A third set of wild deviations: reports laid out the way agencies' own documents and
content systems lay them out, none of which :mod:`.wild` or :mod:`.wild2` draws ("wild3").

:mod:`.wild` changes one thing inside the official tables (a label's wording, a number's
print, a row added or left out); :mod:`.wild2` writes county and township reports and the
page around their tables. Real reports also:

- ``remark_column``: add a 备注 column at the right of a table, mostly empty, some rows with
  a remark that holds a number (``含网上申请3件``) or a mark (``无``);
- ``yoy_values``: print a comparison beside a count in its own cell (``12（同比增加3件）``,
  ``12(上年9)``) — the cell still states 12;
- ``totals_first``: put a total column before the parts it sums (table 三's 总计 right after
  the labels, each block of table 四 led by its 总计);
- ``abbreviated``: shorten the long official labels and headers (``部分公开``, ``逾期不补正``,
  ``直接起诉``, ``现行有效``, table 二's 行政规范性文件 as 规范性文件);
- ``misspelled``: mistype a word of one to three labels with a character that sounds the same
  (申请 → 申清, 复议 → 复义, 补正 → 补证): the typist's slip, not :mod:`.wild`'s dropped or
  swapped character;
- ``table_twice``: print one of the tables a second time in an annex (附表) after section 六;
- ``narrative_more``: state the tables' numbers again in the prose, in phrasings no other
  generator writes (table 二's documents and decisions, table 三's results with a 公开率,
  table 四's results) — every number agrees with the tables;
- ``two_reports``: publish two of the agency's reports on one page: this year's, then the
  year before's under its own title (the page is the first report's);
- ``layout_table``: the whole report inside a content system's layout table (a header row, a
  navigation column of links, the report in the other column);
- ``word_html``: the page saved from a word processor as HTML: each cell's text inside
  ``<p class=MsoNormal><span>…</span></p>``, runs split, long labels broken by a source-line
  break, an empty cell holding ``&nbsp;``;
- ``mixed3``: three of the above together.

The expected values are the values the report states: none of the deviations changes them
(a comparison beside a count does not change the count, a table printed twice states the same
numbers twice, the second report on the page is not the page's report). Every choice is drawn
from the report's own random stream, so a seed gives the same bytes.
"""

from __future__ import annotations

import copy
import random
from dataclasses import dataclass, replace

from lxml import html as lxml_html
from lxml.html import builder as E

from ..render.layout import DrawnCell, DrawnTable, Page, Part
from ..template import Kind
from ..template.layout import HEADER, LABEL, VALUE
from . import narrative
from .report import Synthetic, synthesize
from .wild import WildKind, _each_value
from .writers import html_page

# ------------------------------------------------------------------ 备注 column

REMARK_SHARE = 0.25  # body rows whose 备注 cell holds a remark (the rest are empty)
REMARKS = ("含网上申请{k}件", "已全部办结", "均在法定期限内答复", "同比增加{k}件", "无", "详见说明", "其中{k}件为同一申请人")


def remark_column(rng: random.Random, table: DrawnTable) -> DrawnTable:
    """A 备注 column at the right: one header cell over the header rows; a cell a body row
    (empty, or a remark); a row held by one cell over the whole width keeps it (one wider)."""
    head = _first_value_row(table)
    width = table.n_cols
    cells = []
    full_rows: set[int] = set()
    for c in table.cells:
        if c.col == 0 and c.colspan == width:
            full_rows.update(range(c.row, c.row + c.rowspan))
            c = replace(c, colspan=width + 1)
        cells.append(c)
    cells.append(DrawnCell(HEADER, 0, width, rowspan=head, text="备注"))
    for r in range(head, table.n_rows):
        if r in full_rows:
            continue
        text = rng.choice(REMARKS).format(k=rng.randint(1, 9)) if rng.random() < REMARK_SHARE else ""
        cells.append(DrawnCell(LABEL, r, width, text=text))
    return replace(table, cells=tuple(cells))


def _first_value_row(table: DrawnTable) -> int:
    return min(c.row for c in table.cells if c.role == VALUE)


# ------------------------------------------------------------------ 同比 beside a count

YOY_SHARE = 0.35  # counts printed with a comparison beside them
YOY_STYLES = ("{v}（同比增加{d}件）", "{v}（同比减少{d}件）", "{v}(上年{p})", "{v}（同比持平）", "{v}（较上年+{d}）")


def yoy_values(rng: random.Random, s: Synthetic) -> None:
    """Counts of tables 二 and 四 and table 三's 总计 column printed with last year's figure or
    the change beside them, in the cell (the expected values were taken before)."""
    def edit(t, r, c, k, v):
        if k != Kind.COUNT or isinstance(v, (str, float)) or rng.random() >= YOY_SHARE:
            return v
        if t == "table3" and c != "total":
            return v
        style = rng.choice(YOY_STYLES)
        d = rng.randint(1, 9)
        if "减少" in style and d > v:
            style = YOY_STYLES[0]
        return style.format(v=v, d=d, p=max(0, v + rng.randint(-5, 5)))
    _each_value(s, edit)


# ------------------------------------------------------------------ totals first

def _move_column(table: DrawnTable, src: int, dst: int) -> DrawnTable:
    """Column ``src`` moved left to ``dst`` (``dst < src``): the columns between move one right.
    A cell spanning the whole range stays; a cell inside ``dst…src-1`` moves right."""
    cells = []
    for c in table.cells:
        end = c.col + c.colspan - 1
        if c.col == src and c.colspan == 1:
            c = replace(c, col=dst)
        elif dst <= c.col and end < src:
            c = replace(c, col=c.col + 1)
        elif not (end < dst or c.col > src or (c.col <= dst and end >= src)):
            raise ValueError(f"cell {c} straddles the columns {dst}…{src}")
        cells.append(c)
    return replace(table, cells=tuple(cells))


def totals_first(rng: random.Random, table: DrawnTable) -> DrawnTable:
    """Table 三's 总计 column right after the labels; table 四's 总计 first in each block."""
    if table.key == "table3":
        first = min(c.col for c in table.cells if c.role == VALUE)
        return _move_column(table, table.n_cols - 1, first)
    if table.key == "table4":
        for key in ("review", "litigation_direct", "litigation_after_review"):
            cols = {c.cell[1]: c.col for c in table.cells if c.role == VALUE and c.cell and c.cell[0] == key}
            table = _move_column(table, cols["total"], min(cols.values()))
    return table


# ------------------------------------------------------------------ labels

# long official words → the shorter words agencies print (template text, ASCII brackets)
ABBREVIATIONS = (
    ("本年新收政府信息公开申请数量", ("本年新收申请", "新收申请数", "本年新收")),
    ("上年结转政府信息公开申请数量", ("上年结转申请", "上年结转")),
    ("本年度办理结果", ("办理结果",)),
    ("结转下年度继续办理", ("结转下年度", "结转下年")),
    ("部分公开(区分处理的,只计这一情形,不计其他情形)", ("部分公开",)),
    ("其他法律行政法规禁止公开", ("法律法规禁止公开", "其他法规禁止公开")),
    ("危及“三安全一稳定”", ("危及三安全一稳定", "危及安全稳定")),
    ("保护第三方合法权益", ("第三方合法权益", "涉及第三方权益")),
    ("属于三类内部事务信息", ("三类内部事务信息", "内部事务信息")),
    ("属于四类过程性信息", ("四类过程性信息", "过程性信息")),
    ("属于行政执法案卷", ("行政执法案卷",)),
    ("属于行政查询事项", ("行政查询事项",)),
    ("本机关不掌握相关政府信息", ("不掌握相关信息", "本机关不掌握")),
    ("没有现成信息需要另行制作", ("需另行制作", "没有现成信息")),
    ("补正后申请内容仍不明确", ("补正后仍不明确", "申请内容不明确")),
    ("信访举报投诉类申请", ("信访举报投诉类",)),
    ("无正当理由大量反复申请", ("大量反复申请",)),
    ("要求行政机关确认或重新出具已获取信息", ("要求确认或重新出具信息", "确认或重新出具已获取信息")),
    ("申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请", ("逾期不补正", "申请人逾期不补正")),
    ("申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请", ("逾期未缴费", "逾期未缴纳费用")),
    ("未经复议直接起诉", ("直接起诉",)),
    ("尚未审结", ("未审结",)),
    ("本年制发件数", ("本年制发", "制发")),
    ("本年废止件数", ("本年废止", "废止")),
    ("现行有效件数", ("现行有效",)),
    ("本年处理决定数量", ("处理决定数", "本年处理决定")),
    ("本年收费金额(单位:万元)", ("收费金额(万元)", "收费金额")),
    ("行政规范性文件", ("规范性文件",)),
)


def abbreviated(rng: random.Random, table: DrawnTable) -> DrawnTable:
    """Every long label and header in one of its shorter forms (one form per word a report)."""
    chosen = {word: rng.choice(short) for word, short in ABBREVIATIONS}

    def edit(c: DrawnCell) -> DrawnCell:
        if c.role not in (LABEL, HEADER) or not c.text:
            return c
        for word, short in chosen.items():
            if word in c.text:
                return replace(c, text=c.text.replace(word, short, 1))
        return c
    return replace(table, cells=tuple(edit(c) for c in table.cells))


# a word of the official labels and a character that sounds like one of its own, as typed
HOMOPHONES = (("申请", "申清"), ("处理", "处里"), ("复议", "复义"), ("诉讼", "诉松"), ("补正", "补证"),
              ("结转", "节转"), ("予以", "于以"), ("纠正", "纠证"), ("审结", "审洁"), ("权益", "权宜"),
              ("信访", "信仿"), ("强制", "强治"), ("制发", "制法"), ("掌握", "掌搱"), ("不明确", "不名确"))


def misspelled(rng: random.Random, table: DrawnTable) -> DrawnTable:
    """One to three labels or headers with one word typed with a homophone."""
    cells = list(table.cells)
    picks = [i for i, c in enumerate(cells) if c.role in (LABEL, HEADER) and any(w in c.text for w, _ in HOMOPHONES)]
    for i in rng.sample(picks, min(len(picks), rng.randint(1, 3))):
        word, wrong = rng.choice([p for p in HOMOPHONES if p[0] in cells[i].text])
        cells[i] = replace(cells[i], text=cells[i].text.replace(word, wrong, 1))
    return replace(table, cells=tuple(cells))


# ------------------------------------------------------------------ the page

ANNEX_HEADINGS = {"table2": "附表1：主动公开政府信息情况", "table3": "附表：收到和处理政府信息公开申请情况统计表",
                  "table4": "附件2：政府信息公开行政复议、行政诉讼情况"}


def table_twice(rng: random.Random, page: Page) -> None:
    """One official table printed again, unchanged, in an annex after section 六."""
    part = rng.choice([p for p in page.parts if p.table is not None])
    assert part.table is not None
    page.parts.append(Part("annex", ANNEX_HEADINGS[part.table.key], [], part.table))


def narrative_more(rng: random.Random, s: Synthetic, page: Page, expected: dict[str, dict]) -> None:
    """Each table's numbers stated again in the prose above it (the values the tables state)."""
    by_key = {p.key: p for p in page.parts}
    t2, t3, t4 = expected["table2"], expected["table3"], expected["table4"]
    if s.template == "2021":
        nd, reg = t2["normative_documents"], t2["regulations"]
        by_key["s2"].paragraphs.append(
            f"本年度制发行政规范性文件{nd['issued']}件，废止{nd['repealed']}件，现行有效{nd['in_force']}件；"
            f"规章现行有效{reg['in_force']}件。作出行政许可决定{t2['licensing']['decisions']}件、"
            f"行政处罚决定{t2['punishment']['decisions']}件、行政强制决定{t2['coercion']['decisions']}件。")
    done = t3["total"]["total"]
    if isinstance(done, int) and done:
        granted, part = t3["granted"]["total"], t3["partially_granted"]["total"]
        rate = 100 * (granted + part) / done
        by_key["s3"].paragraphs.append(
            f"本年度办结的{done}件申请中，予以公开{granted}件，部分公开{part}件，"
            f"依申请公开率{rate:.1f}%；结转下年度继续办理{t3['carried_forward']['total']}件。")
    review = t4["review"]
    if review["total"]:
        by_key["s4"].paragraphs.append(
            f"本年度政府信息公开行政复议{review['total']}件，其中结果维持{review['upheld']}件、结果纠正"
            f"{review['corrected']}件、其他结果{review['other']}件、尚未审结{review['pending']}件。")


SIDEBAR = ("政府信息公开指南", "政府信息公开制度", "法定主动公开内容", "政府信息公开年报", "依申请公开", "监督保障")


def layout_table(rng: random.Random, html: str) -> str:
    """The page's body inside a layout table: a header row with the site's name, a row with a
    navigation column (itself a table of links) and the report."""
    doc = lxml_html.document_fromstring(html)
    body = doc.body
    content = list(body)
    for el in content:
        body.remove(el)
    nav = E.TABLE(*[E.TR(E.TD(E.A(t, href=f"/xxgk/{i}.html"))) for i, t in enumerate(SIDEBAR)],
                  **{"class": "nav", "width": "100%"})
    main = E.TD(*content, **{"class": "main", "valign": "top"})
    side = E.TD(nav, **{"class": "side", "width": "180", "valign": "top"})
    cells = [side, main] if rng.random() < 0.7 else [main, side]
    layout = E.TABLE(E.TR(E.TD(rng.choice(("政府信息公开专栏", "信息公开目录")), colspan="2", **{"class": "top"})),
                     E.TR(*cells), **{"class": "layout", "width": "960", "align": "center"})
    body.append(layout)
    return lxml_html.tostring(doc, doctype="<!DOCTYPE html>", encoding="unicode")


WORD_BREAK_SHARE = 0.3  # long label cells whose text a word processor's HTML breaks on a source line
WORD_LONG_LABEL = 8  # characters: a label this long may be broken


def word_html(rng: random.Random, html: str) -> str:
    """The official tables as a word processor saves them: each cell's text in
    ``<p class=MsoNormal><span>``, a long label in two runs (sometimes with a source-line break
    between them), an empty cell holding a no-break space."""
    doc = lxml_html.document_fromstring(html)
    for table in doc.iter("table"):
        if not table.get("data-table"):
            continue
        table.attrib.clear()
        table.attrib.update({"class": "MsoNormalTable", "border": "1", "cellspacing": "0", "cellpadding": "0",
                             "style": "border-collapse:collapse;border:none"})
        for cell in table.iter("td", "th"):
            text = cell.text_content().strip()
            spans = {k: v for k, v in cell.attrib.items() if k in ("rowspan", "colspan")}
            cell.clear()
            cell.attrib.update(spans)
            cell.set("style", "border:solid windowtext 1.0pt;padding:0cm 5.4pt 0cm 5.4pt")
            p = E.P(**{"class": "MsoNormal", "align": "center", "style": "text-align:center"})
            for run in _runs(rng, text) if text else ["\u00a0"]:
                span = E.SPAN(**{"lang": "EN-US", "style": "font-size:10.5pt;font-family:仿宋_GB2312"})
                span.text = run
                p.append(span)
            cell.append(p)
    return lxml_html.tostring(doc, doctype="<!DOCTYPE html>", encoding="unicode")


def _runs(rng: random.Random, text: str) -> list[str]:
    if len(text) < WORD_LONG_LABEL or any(ch.isdigit() for ch in text):
        return [text]
    at = rng.randint(2, len(text) - 2)
    head, tail = text[:at], text[at:]
    if rng.random() < WORD_BREAK_SHARE:
        tail = "\n" + tail
    return [head, tail]


def two_reports(rng: random.Random, s: Synthetic, html: str) -> str:
    """The agency's report on the year before printed after this one on the same page, under
    its own title and headings (without the content system's metadata lines)."""
    year = s.profile.year - 1 if s.profile.year > 2019 else s.profile.year + 1
    other = synthesize(rng, "", years=(year, year))
    p = s.profile
    title = f"{p.agency}{year}年度政府信息公开工作年度报告"
    other.profile = replace(other.profile, agency=p.agency, short=p.short, scale=p.scale, title=title)
    other.prose.update(narrative.sections(random.Random(f"two:{p.index_number}"), other.profile,
                                          other.printed["table3"], other.printed["table4"], rng.randint(20, 400)))
    second = other.page()
    second.meta = []
    doc = lxml_html.document_fromstring(html)
    extra = lxml_html.document_fromstring(html_page(rng, second, other.profile).decode("utf-8"))
    doc.body.append(E.HR())
    for el in list(extra.body):
        doc.body.append(copy.deepcopy(el))
    return lxml_html.tostring(doc, doctype="<!DOCTYPE html>", encoding="unicode")


# ------------------------------------------------------------------ the kinds

KINDS: dict[str, WildKind] = {k.name: k for k in (
    WildKind("remark_column", "structure", "a 备注 column at the right of each table, a few rows with a remark"),
    WildKind("yoy_values", "value", "a count with 同比 or last year's figure beside it in its cell: 12（同比增加3件）"),
    WildKind("totals_first", "structure", "table 三's 总计 column first, table 四's 总计 first in each block"),
    WildKind("abbreviated", "label", "long labels and headers shortened: 部分公开, 逾期不补正, 直接起诉, 现行有效"),
    WildKind("misspelled", "label", "a word of one to three labels typed with a homophone: 申清, 复义, 补证"),
    WildKind("table_twice", "structure", "one official table printed again in an annex after section 六"),
    WildKind("narrative_more", "prose", "the tables' numbers stated again in the prose, a 公开率 among them"),
    WildKind("two_reports", "page", "the agency's report on the year before printed after this one on the page"),
    WildKind("layout_table", "page", "the whole report inside a content system's layout table with a link column"),
    WildKind("word_html", "page", "a word processor's HTML: MsoNormal paragraphs, split runs, &nbsp; cells"),
    WildKind("mixed3", "mixed", "three of the above together"),
)}
MIXED3_FROM = tuple(k for k in KINDS if k != "mixed3")
TABLE_EDITS = {"remark_column": remark_column, "totals_first": totals_first, "abbreviated": abbreviated,
               "misspelled": misspelled}
# applied in this order: table edits before the annex copies a table; HTML edits last, the
# word processor's before the layout table wraps the page
ORDER = ("yoy_values", "totals_first", "abbreviated", "misspelled", "remark_column", "narrative_more",
         "table_twice", "two_reports", "word_html", "layout_table")


def kinds_of(rng: random.Random, kind: str) -> tuple[str, ...]:
    chosen = set(rng.sample(MIXED3_FROM, 3)) if kind == "mixed3" else {kind}
    return tuple(k for k in ORDER if k in chosen)


@dataclass
class Wild3:
    synthetic: Synthetic
    html: bytes
    expected: dict[str, dict]
    kinds: tuple[str, ...]


def make(rng: random.Random, kind: str) -> Wild3:
    """A clean synthetic report with deviation ``kind`` as an HTML page, and the values a
    correct parser reads from it."""
    kinds = kinds_of(rng, kind)
    s = synthesize(rng, "")
    expected = s.expected_values()
    if "yoy_values" in kinds:
        yoy_values(rng, s)
    page = s.page()
    for k in kinds:
        if k in TABLE_EDITS:
            for part in page.parts:
                if part.table is not None:
                    part.table = TABLE_EDITS[k](rng, part.table)
        elif k == "narrative_more":
            narrative_more(rng, s, page, expected)
        elif k == "table_twice":
            table_twice(rng, page)
    html = html_page(rng, page, s.profile).decode("utf-8")
    if "two_reports" in kinds:
        html = two_reports(rng, s, html)
    if "word_html" in kinds:
        html = word_html(rng, html)
    if "layout_table" in kinds:
        html = layout_table(rng, html)
    return Wild3(s, html.encode("utf-8"), expected, kinds)


__all__ = ["KINDS", "Wild3", "abbreviated", "kinds_of", "layout_table", "make", "misspelled", "remark_column",
           "totals_first", "two_reports", "word_html", "yoy_values"]
