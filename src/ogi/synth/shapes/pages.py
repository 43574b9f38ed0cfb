"""Shapes that change the page itself, as real sites change it (lxml edits of the source page).

* ``chrome`` — the report inside a portal page of *another* organ: a site header (“淮安市人民政府
  门户网站”), a UI bar (桌面 / 时间 with a crawl date / 无障碍), navigation, breadcrumbs
  (首页 > 政务公开 > 年度报告), the CMS lines 标题 / 发布时间 / 来源 / 原文链接, a font-size and
  print bar (字号 大 中 小, 打印, 关闭) before the report; after it a related-link list of *other*
  agencies' reports of other years and a footer with 主办单位, ICP and 网站标识码. The report's own
  agency and year stay where the report prints them, so the expected meta does not change.
* ``chrome_sidebar`` — the same portal page laid out in two columns, its left column first in
  the source: the site's 信息公开目录, a list of this agency's annual reports of *other* years
  (``2022年政府信息公开工作年度报告``, no agency: the department's own site), and a 热点信息 list
  of other agencies' reports with their dates — every one title-shaped, all before the report's
  own title.
* ``extra_table`` — a non-standard table (信息处理费收取情况: items, counts, amounts) inserted
  between table 三 and the heading of section 四, as agencies add one.
* ``misaligned_colspan`` — table 四's 行政复议 header spans one column fewer than the five
  data cells below it; ``misaligned_colspan3`` — table 三's 法人或其他组织 header spans one
  column more than its five columns. Both as pasted from office suites.

Everything chosen (which organ runs the site, the related links, the fee numbers) is picked
from a hash of the report's stem, so the same input gives the same page."""

from __future__ import annotations

import hashlib
import json

from lxml import html as lxml_html
from lxml.html import builder as E

from ...errors import OgiError
from .sources import Source, page_tree

# portals that host other organs' reports: the organ named in the chrome is never the report's
SITE_ORGANS = ("淮安市人民政府", "宿迁市人民政府", "南京市江宁区人民政府", "佛山市顺德区人民政府",
               "杭州市西湖区人民政府", "成都市人民政府", "泰州市人民政府", "沭阳县人民政府")
RELATED_AGENCIES = ("市教育局", "市民政局", "市财政局", "市生态环境局", "市卫生健康委员会", "市交通运输局",
                    "县自然资源局", "区市场监督管理局")
CRAWL_DAY = "2025年12月30日 星期二"  # the day the page was saved, shown in the UI bar
NAV_ITEMS = ("首页", "要闻动态", "政务公开", "政务服务", "互动交流", "走进本市")
UI_WORDS = ("设为首页", "加入收藏", "无障碍", "长者模式", "English", "登录", "注册")
SIDEBAR_CATALOGUE = ("信息公开指南", "信息公开制度", "法定主动公开内容", "政府信息公开年报", "依申请公开")
FEE_ROWS = ("按件计收", "按量计收")

TABLE3_MARK = "本年新收"
TABLE4_MARKS = ("行政复议", "行政诉讼")
TABLE4_SHRUNK_HEADER = "行政复议"  # spans 5 data columns; drawn over 4
TABLE3_WIDENED_HEADER = "法人或其他组织"  # spans 5 data columns; drawn over 6


class NotApplicable(OgiError, ValueError):
    """The page lacks what the shape changes (e.g. no table 四 header to misalign)."""


def pick(stem: str, salt: str, n: int) -> int:
    """A number in ``range(n)`` fixed by the stem (the same report always gets the same)."""
    return int.from_bytes(hashlib.sha256(f"{salt}:{stem}".encode()).digest()[:4], "big") % n


def _meta(source: Source) -> dict:
    return json.loads(source.expected).get("meta") or {}


def _agency(source: Source) -> str:
    meta = _meta(source)
    return str(meta.get("agency") or meta.get("agency_contains") or "")


def _site_organ(source: Source) -> str:
    agency = _agency(source)
    organs = [o for o in SITE_ORGANS if o not in agency and agency not in o]
    return organs[pick(source.stem, "site", len(organs))]


def _serialize(tree) -> str:
    return lxml_html.tostring(tree, doctype="<!DOCTYPE html>", encoding="unicode")


def _title(tree) -> str:
    h1 = tree.find(".//h1")
    text = (h1.text_content() if h1 is not None else tree.findtext(".//title") or "")
    return " ".join(text.split())


def chrome_page(source: Source, sidebar: bool = False) -> str:
    """The report inside another organ's portal page (see the module docstring); with
    ``sidebar``, a left column of other reports' titles before it."""
    tree = page_tree(source.html)
    body = tree.body
    organ = _site_organ(source)
    meta = _meta(source)
    year = meta.get("year")
    title = _title(tree) or f"{_agency(source)}{year or ''}年政府信息公开工作年度报告"
    n = pick(source.stem, "url", 900000) + 100000
    before = [
        E.DIV(E.SPAN(f"{organ}门户网站"), E.SPAN(" | ".join(UI_WORDS)), **{"class": "site-header"}),
        E.DIV(E.SPAN("桌面"), E.SPAN(f"时间:{CRAWL_DAY}"), E.SPAN("天气:晴 12℃"), **{"class": "ui-bar"}),
        E.UL(*[E.LI(E.A(item, href="#")) for item in NAV_ITEMS], **{"class": "nav"}),
        E.DIV("当前位置:", E.A("首页", href="#"), " > ", E.A("政务公开", href="#"), " > ",
              E.A("政府信息公开年度报告", href="#"), **{"class": "breadcrumb"}),
    ]
    if sidebar:
        before.append(_sidebar(source, organ, year))
    before += [
        E.DIV(f"标题:{title}", **{"class": "info"}),
    ]
    if meta.get("published_date"):
        before.append(E.DIV(f"发布时间:{meta['published_date']} 09:30:00", **{"class": "info"}))
    before += [
        E.DIV(f"来源:{organ}办公室", **{"class": "info"}),
        E.DIV(f"原文链接:http://www.example.gov.cn/zwgk/ndbg/{n}.html", **{"class": "info"}),
        E.DIV("字号:[ 大 中 小 ]", E.SPAN("打印"), E.SPAN("关闭"), E.SPAN("分享到:"), **{"class": "tools"}),
    ]
    related = []
    for i in range(4):
        other = RELATED_AGENCIES[pick(source.stem, f"rel{i}", len(RELATED_AGENCIES))]
        other_year = (year or 2023) - pick(source.stem, f"year{i}", 3)
        related.append(E.LI(E.A(f"{organ[:3]}{other}{other_year}年政府信息公开工作年度报告", href="#"),
                            E.SPAN(f"{other_year + 1}-01-{10 + i:02d}")))
    after = [
        E.DIV("【打印本页】【关闭窗口】", **{"class": "tools"}),
        E.DIV(E.H3("相关链接"), E.UL(*related), **{"class": "related"}),
        E.DIV(E.P(f"主办单位:{organ}办公室  承办单位:{organ[:3]}大数据管理中心"),
              E.P(f"网站标识码:32{n:08d}  苏ICP备{n % 100000000:08d}号  苏公网安备 32{n:012d}号"),
              E.P("建议使用1920×1080分辨率浏览本网站"), **{"class": "footer"}),
    ]
    content = E.DIV(**{"class": "article-content"})
    for child in list(body):
        content.append(child)
    content.text, body.text = body.text, None
    for el in (*before, content, *after):
        body.append(el)
    return _serialize(tree)


def chrome_sidebar_page(source: Source) -> str:
    """The portal page with a left column of other reports' titles (module docstring)."""
    return chrome_page(source, sidebar=True)


def _sidebar(source: Source, organ: str, year: int | None):
    """A portal's left column: the catalogue, this agency's reports of other years (title-shaped,
    no agency), and other agencies' reports with their dates."""
    year = year or 2023
    catalogue = E.UL(*[E.LI(E.A(item, href="#")) for item in SIDEBAR_CATALOGUE])
    own_years = [year - k for k in (1, 2, 3)] + ([year + 1] if pick(source.stem, "next", 2) else [])
    own = E.UL(*[E.LI(E.A(f"{y}年政府信息公开工作年度报告", href="#")) for y in sorted(own_years, reverse=True)])
    hot = []
    for i in range(3):
        other = RELATED_AGENCIES[pick(source.stem, f"hot{i}", len(RELATED_AGENCIES))]
        other_year = year - pick(source.stem, f"hotyear{i}", 4)
        hot.append(E.LI(E.A(f"{organ[:3]}{other}{other_year}年度政府信息公开工作报告", href="#"),
                        E.SPAN(f"{other_year + 1}-0{1 + i}-2{i}")))
    return E.DIV(E.H3("信息公开目录"), catalogue, E.H3("年度报告"), own, E.H3("热点信息"), E.UL(*hot),
                 **{"class": "sidebar"})


def _innermost_tables(tree):
    return [t for t in tree.iter("table") if t.find(".//table") is None]


def _text(el) -> str:
    return "".join(el.text_content().split())


def _table3(tree):
    found = [t for t in _innermost_tables(tree) if TABLE3_MARK in _text(t)]
    if not found:
        raise NotApplicable("no table 三 on the page")
    return found[0]


def _table4(tree):
    found = [t for t in _innermost_tables(tree)
             if all(m in _text(t) for m in TABLE4_MARKS) and TABLE3_MARK not in _text(t)]
    if not found:
        raise NotApplicable("no table 四 on the page")
    return found[-1]


def extra_table_page(source: Source) -> str:
    """The page with a 信息处理费收取情况 table between table 三 and section 四."""
    tree = page_tree(source.html)
    anchor = _table3(tree)
    counts = [pick(source.stem, f"fee{i}", 5) + 1 for i in range(len(FEE_ROWS))]
    amounts = [c * (pick(source.stem, f"amount{i}", 9) + 1) * 10 for i, c in enumerate(counts)]
    rows = [E.TR(E.TD("收费项目"), E.TD("收费件数(件)"), E.TD("收费金额(元)"), E.TD("备注"))]
    rows += [E.TR(E.TD(label), E.TD(str(c)), E.TD(str(a)), E.TD("按《政府信息公开信息处理费管理办法》"))
             for label, c, a in zip(FEE_ROWS, counts, amounts)]
    rows.append(E.TR(E.TD("合计"), E.TD(str(sum(counts))), E.TD(str(sum(amounts))), E.TD("")))
    note = E.P(f"信息处理费收取情况:本年度共收取信息处理费{sum(amounts)}元。")
    table = E.TABLE(E.TBODY(*rows), border="1", **{"class": "fee"})
    parent = anchor.getparent()
    at = parent.index(anchor)
    note.tail, table.tail, anchor.tail = None, anchor.tail, None
    parent.insert(at + 1, note)
    parent.insert(at + 2, table)
    return _serialize(tree)


def _respan(table, header: str, delta: int) -> None:
    for cell in table.iter("td", "th"):
        span = int(cell.get("colspan") or 1)
        if _text(cell) == header and span > 1:
            cell.set("colspan", str(span + delta))
            return
    raise NotApplicable(f"no {header} header spanning columns")


def misaligned_table4_page(source: Source) -> str:
    """Table 四 with its 行政复议 header one column short."""
    tree = page_tree(source.html)
    _respan(_table4(tree), TABLE4_SHRUNK_HEADER, -1)
    return _serialize(tree)


def misaligned_table3_page(source: Source) -> str:
    """Table 三 with its 法人或其他组织 header one column too wide."""
    tree = page_tree(source.html)
    _respan(_table3(tree), TABLE3_WIDENED_HEADER, +1)
    return _serialize(tree)
