"""Metadata of a report: title, agency, report year, published date and 索引号, from the
content system's header block, the title, the preface and the signature.

The report speaks for itself before the page around it does. A web page wraps the report
in chrome — the site's name (often another organ: the government that hosts a
department's report), navigation, UI words (字号 大 中 小, 打印, 关闭), breadcrumbs and
lists of other reports' titles — and a crawler may glue all of it onto the report's first
line. So the agency is taken from the report's own title first (found inside a long line
too, with chrome words cut from its front, never from a 上一篇/下一篇/related-link entry);
a fuller name from the content system's 发布机构 or from the 落款 (the signature that ends
the report) replaces it only where it contains the title's name; the page's own labels
(来源, 单位) count only where the report names no agency itself. Every candidate must read
as an organ's name (it ends as organs' names end), so a UI word never becomes the agency.
"""

from __future__ import annotations

import re
from collections import Counter

from ..model import Meta
from ..template.normalize import clean, nfkc
from ..template.variant_chars import VARIANT_CHARS

LIST_GAP_CHARS = 12  # characters between two glued titles of a list: separators, a year, a date
_IDEOGRAPH = re.compile(r"[\u4e00-\u9fff]")
TITLE_TAIL_CHARS = 12  # characters of a wrapped title's last line: at most 政府信息公开工作年度报告's
HEAD_UNITS = 80  # units (lines, or the pieces a crawler's long line is cut into) that hold the header block
_DATE = r"((?:19|20)\d{2})\s*(?:[-/.年])\s*(\d{1,2})\s*(?:[-/.月])\s*(\d{1,2})\s*日?"
_DATE_RE = re.compile(_DATE)
# labels of the content system's block, best first
_DATE_LABELS = ("发布日期", "公开日期", "发布时间", "发文日期", "成文日期", "生成日期", "印发日期", "日期", "时间")
# the bare labels count only on their own (a line's start or after a separator): glued to a word
# they date something else — a scraper's 采集时间, a page's 更新时间 or 浏览时间
_BARE_DATE_LABELS = frozenset({"日期", "时间"})
_INDEX = re.compile(r"索\s*引\s*号\s*[:：]?\s*[|｜]?\s*([0-9A-Za-z][0-9A-Za-z\-_/—.]{4,60})")
# a header block whose labels and values print on lines of their own (PyMuPDF, pdfminer):
# the label alone, then the number alone on the next line
_INDEX_LABEL = re.compile(r"\s*索\s*引\s*号\s*[:：]?\s*")
_INDEX_VALUE = re.compile(r"\s*([0-9A-Za-z][0-9A-Za-z\-_/—.]{4,60})\s*")
_INDEX_VALUE_FIRST = re.compile(r"\s*([0-9A-Za-z][0-9A-Za-z\-_/—.]{4,60})\s")
_TITLE = re.compile(r"(政府信息公开|政务公开)(工作)?(的)?(年度)?(工作)?报告")  # …工作的报告 too
_HAN_YEAR = "[一二][〇零○九][〇零○一二三四五六七八九]{2}"  # 二〇二三 (年): a year in Chinese numerals
_TITLE_WORDS = re.compile(r"政府信息公开|政务公开")
_TITLE_YEAR = re.compile(r"((?:19|20)\d{2})\s*年\s*度?")
_TITLE_HAN_YEAR = re.compile("(" + _HAN_YEAR + r")\s*年")
_YEAR_AT_END = re.compile(r"(?:(?:19|20)\d{2}|" + _HAN_YEAR + r")\s*年\s*度?$")
_HAN_DIGITS = {c: str(d) for d, cs in enumerate(("〇零○", "一", "二", "三", "四", "五", "六", "七", "八", "九")) for c in cs}
# labels of the publishing body, best first: a scraper's "单位" or a site's "来源" may abbreviate
_PUBLISHER_LABELS = ("发布机构", "发布单位", "发文机关", "发布部门", "信息来源", "来源", "单位")
_STRONG_LABELS = 4  # the first four name the publishing organ; the others may name the site
# words of a web page's chrome that a crawler glues in front of the title
_CHROME_WORDS = ("您现在的位置", "当前位置", "您的位置", "所在位置", "首页", "字号", "大中小", "大 中 小", "打印本页",
                 "打印", "关闭窗口", "关闭", "分享到", "收藏", "浏览次数", "访问量", "点击数", "政府信息公开年报",
                 "信息公开年报", "桌面", "无障碍", "繁體版", "繁体版", "适老化", "智能问答", "登录", "注册",
                 "搜索", "正文", "阅读全文", "查看全文", "微信", "微博", "QQ空间", "朋友圈", "扫一扫", "手机版", ">", "》", "|", ":", "：")
# a breadcrumb trail (当前位置：首页 > 政务公开 > 政府信息公开年度报告): its last step may read
# like a title, but it names the page's section, not the report
_LOCATION_WORDS = ("您现在的位置", "当前位置", "您的位置", "所在位置", "您当前的位置")
_BREADCRUMB = re.compile(r"首页\s*(?:>|»|›|→|/)")
# a Markdown writer's marks around a title line: "# 标题", "**标题**"
_MARKDOWN_MARKS = re.compile(r"^#{1,6}\s*|^\*\*(?=.*\*\*$)|\*\*$")
# a heading's marks in the lightweight markups pandoc writes, where a title set on two lines
# (agency, <br>, the rest) leaves them on each line: AsciiDoc ``== 吴兴区信访局 +``, Org
# ``* 吴兴区信访局\\``, MediaWiki ``= 吴兴区信访局<br />`` ⏎ ``2020年…报告 =`` (wild7 ``year_title``, fresh19)
_HEADING_MARKS = re.compile(r"^(?:#{1,6}|={1,6}|\*{1,6})\s*|\s*\+$|\\{1,2}$|<br\s*/?>$|\s*={1,6}$")
# a title's year printed after its words, in brackets: ``XX局政府信息公开工作年度报告（2024年度）``
_BRACKET_YEAR = re.compile(r"\s*[(（]\s*((?:19|20)\d{2})\s*年\s*度?\s*[)）]")
# labels of the content system's block that a crawler glues right after the title
_AFTER_TITLE = re.compile(r"\s*(?:索\s*引\s*号|发布机构|发布单位|发文机关|发布部门|信息来源|来源|发布日期|公开日期|"
                          r"发布时间|发文日期|成文日期|字号|浏览次数|点击数)\s*[:：]")
_NAV_BEFORE = ("上一篇", "下一篇", "上一条", "下一条", "相关链接", "相关文章", "相关阅读", "相关信息", "推荐阅读", "热点")
# the first organ of two agencies' joint title, ``XX乡、XX局2024年度…`` (its suffix, as _AGENCY_SUFFIX)
_JOINT_SUFFIX = r"(?:政府|办事处|委员会|管委会|局|厅|办公室|镇|乡|街道|委|院|署|中心|所|站|处|队)"
_TITLE_IN_TEXT = re.compile(
    r"(?:(?P<agency>(?:[\u4e00-\u9fff()（）]{2,30}?" + _JOINT_SUFFIX + r"、)?[\u4e00-\u9fff()（）]{2,40}?)\s*(?P<year>(?:19|20)\d{2}|" + _HAN_YEAR + r")\s*年\s*度?|"
    r"(?P<year2>(?:19|20)\d{2}|" + _HAN_YEAR + r")\s*年\s*度?\s*(?P<agency2>[\u4e00-\u9fff()（）]{2,40}?))\s*"
    r"(?:政府信息公开|政务公开)(?:工作)?的?(?:年度)?(?:工作)?报告")
_AGENCY_SUFFIX = r"(?:人民政府办公室|人民政府|办事处|委员会|管理委员会|管委会|局|厅|办公室|镇|乡|街道|委|院|署|中心|所|站|处|队)"
_AGENCY_IN_TEXT = re.compile(r"现将\s*([\u4e00-\u9fff()]{2,30}?" + _AGENCY_SUFFIX + r")\s*(?:(?:19|20)\d{2}|本年|年度)")
_AGENCY_SUBJECT = re.compile(
    r"(?:^|[,,。;:\s、])((?:[\u4e00-\u9fff]{1,12}?[省市县区州旗])?[\u4e00-\u9fff]{1,10}?" + _AGENCY_SUFFIX
    + r")(?=作为|认真|坚持|政府信息公开|高度重视|严格|紧紧|深入|始终|全面|围绕)")
_PERIOD = re.compile(r"自\s*((?:19|20)\d{2})\s*年\s*1\s*月\s*1\s*日\s*(?:起\s*)?至\s*\1\s*年\s*12\s*月\s*31\s*日")
_YEAR_IN_TEXT = re.compile(r"((?:19|20)\d{2})\s*年")
_SENTENCE_END = re.compile(r"[。；;！？!?]")
# a list entry's date printed after the title it links (``…年度报告 2024-01-20``, ``…报告[2024-01-20]``)
_LISTED_AFTER = re.compile(r"报告\s*[\[(（]?\s*" + _DATE + r"\s*[\])）]?\s*$")
_LISTED_NEXT = re.compile(r"\s*[\[(（]?\s*" + _DATE)  # the same, after a title found inside a line


# the traditional forms of the characters that the metadata's labels (索引號, 發布機構, 發布時間,
# 信息來源, 發布部門), the title's words (政府信息公開工作年度報告) and organs' names (委員會, 鎮, 鄉,
# 縣, 廳, 隊) print, mapped to the simplified ones the patterns below are written in: the
# template's pairs (:data:`~ogi.template.variant_chars.VARIANT_CHARS`, made with OpenCC) and
# these words' own, each an OpenCC s2t pair that t2s converts back (a site's 繁體 version of the
# page, wild6 ``traditional_all``, fresh18)
META_VARIANT_CHARS = {**VARIANT_CHARS, "號": "号", "來": "来", "門": "门", "時": "时", "間": "间", "員": "员",
                      "廳": "厅", "鎮": "镇", "鄉": "乡", "隊": "队", "縣": "县", "將": "将"}
_META_VARIANT = re.compile("[" + "".join(META_VARIANT_CHARS) + "]")
_TO_SIMPLIFIED = str.maketrans(META_VARIANT_CHARS)


# the spaces an office suite's or Word's PDF puts between a title's ideographs and its year
# (``…街道 2025 年度政府信息公开…``): a font change around the digits, which pdftotext and
# pdfplumber print as a space the page's own title does not hold
_SPACE_AT_DIGITS = re.compile(r"(?<=[\u4e00-\u9fff])[ \t\u3000]+(?=[0-9])|(?<=[0-9])[ \t\u3000]+(?=[\u4e00-\u9fff])")


def _digits_unspaced(title: str | None) -> str | None:
    """``title`` without the spaces between its ideographs and its digits."""
    return _SPACE_AT_DIGITS.sub("", title) if title else title


def read_meta(lines: list[str], container: dict[str, str] | None = None) -> Meta:
    """Metadata from the report's lines (paragraphs and table rows in reading order) and
    from what the container says (an HTML <title>, PDF document info).

    A page that prints traditional forms (:data:`META_VARIANT_CHARS`) has its labels
    (索引號, 發布機構, 發布日期) read in the simplified forms, a character for a character, and
    the agency given back as the page prints it (the same places of the printed line). Its
    title is looked for as printed: a title read in a page whose section headings and tables
    the parser cannot read in traditional characters would make it a report of no format (see
    docs/renderings.md, wild6 ``traditional_all``)."""
    container = container or {}
    lines = [_unescaped(x) for x in lines]
    head = [nfkc(x) for x in lines[:_head_end(lines)]]
    body = [nfkc(x) for x in lines]
    title = _title(head, body) or _title([nfkc(container.get("title", ""))], body)
    title = _without_links_before(title, head, body)
    year = _year(title, body)
    printed = body
    if any(_META_VARIANT.search(x) for x in head):
        head, body = [x.translate(_TO_SIMPLIFIED) for x in head], [x.translate(_TO_SIMPLIFIED) for x in body]
        container = {k: (v.translate(_TO_SIMPLIFIED) if isinstance(v, str) else v) for k, v in container.items()}
    agency = _as_printed(_agency(title, head, body, container), body, printed)
    return Meta(
        title=_digits_unspaced(title),
        agency=agency,
        year=year,
        published_date=_published(head, body, container, year),
        index_number=_index(head, container),
    )


def _as_printed(found: str | None, read: list[str], printed: list[str]) -> str | None:
    """``found`` (a piece of a line of ``read``) as the same line of ``printed`` prints it."""
    if not found:
        return found
    for r, p in zip(read, printed):
        at = r.find(found)
        if at >= 0 and len(r) == len(p):
            return p[at:at + len(found)]
    return found


# Markdown's backslash before ASCII punctuation (mammoth's Markdown writes 索引号:375299036/2024\-29534,
# 发布日期:2024\-03\-14): the character itself, as the Markdown reads (fresh17: mammoth_markdown's
# index numbers were cut at the backslash and its dates lost, 44 reports)
_MD_ESCAPE = re.compile(r"\\([!-/:-@\[-`{-~])")


# Textile's block signature before a heading or paragraph (pandoc -t textile: ``h1(#id). 标题``,
# the id spelling the title again): markup, or the title reads twice (fresh18, pandoc_textile)
_TEXTILE_BLOCK = re.compile(r"^(?:h[1-6]|p|bq)(?:\([^()]*\))?\.\s+")


def _unescaped(line: str) -> str:
    line = _MD_ESCAPE.sub(r"\1", line) if "\\" in line else line
    return _TEXTILE_BLOCK.sub("", line) if line[:1] in "hpb" else line


def _head_end(lines: list[str]) -> int:
    """Where the header block ends: at the first section heading (a title-shaped line
    after it is a link to another report), and within :data:`HEAD_UNITS` units."""
    from ..template.labels import section_of

    first = next((i for i, line in enumerate(lines[:HEAD_UNITS]) if section_of(line)), None)
    return HEAD_UNITS if first is None else first


def _title(lines: list[str], body: list[str]) -> str | None:
    """The report's title: of the title-shaped lines (else phrases inside long lines) of the
    header block, the first that agrees with what the report's body says of itself.

    A line that holds a title with the content system's labels glued after it is read as a
    title's line, and only its first title is taken; a crawler's text of a listing page glues
    the titles of the column's other reports (each with its 发布日期 and a summary) before the
    report's own on that line (wild7 ``listing_page``, fresh19). Where the title so found names
    another year than the body's statistics period, the phrases inside the lines are asked
    too, and one that names the body's year is the report's."""
    own = _titles_on_own_lines(lines)
    chosen = _own_title(own, body) if own else None
    year = _body_year(body) if chosen else None
    if chosen and (year is None or _title_year(chosen) in (year, None)):
        return chosen
    inside = _titles_in_text(lines)
    if inside:
        other = _own_title(inside, body)
        if chosen is None or _title_year(other) == year:
            return other
    return chosen


def _own_title(titles: list[tuple[str, bool]], body: list[str]) -> str:
    """The first of ``titles`` whose year is the report's and whose organ is the signature's.

    A portal page lists other reports' titles before the report — its catalogue of the
    agency's reports of other years, 热点 lists of other organs' — and every entry is
    title-shaped. The body names its own year (the statistics period, ``自2023年1月1日起至
    2023年12月31日``, or ``现将…2023年…``) and ends with its organ's signature; a title that
    disagrees with either is another report's. Where the body says neither, or no title
    agrees, the first title stands (a title-shaped line is the report's far more often than not)."""
    if len({title for title, _ in titles}) == 1:  # one title, printed once or more (标题: line, heading)
        return titles[0][0]
    year = _body_year(body)
    organ = _body_organ(body)

    def agrees(found: tuple[str, bool]) -> int:
        title, listed = found
        own = _title_agency(title)
        year_ok = year is None or _title_year(title) == year
        organ_ok = organ is None or (own is not None and (own in organ or organ in own))
        return 4 * year_ok + 2 * organ_ok + (not listed)

    return max(titles, key=agrees)[0]  # max keeps the first of equals


# the columns of a 政府信息公开专栏 (the disclosure portal every government runs has these links in
# its navigation): a page laid out in a layout table prints them beside the report, and a
# crawler's text or a laid-out PDF's line glues them to the title
PORTAL_COLUMNS = ("政府信息公开指南", "政府信息公开制度", "法定主动公开内容", "政府信息公开年报", "依申请公开",
                  "监督保障", "政府信息公开专栏", "信息公开目录", "信息公开指南", "信息公开制度", "主动公开",
                  "信息公开年报")
# the last character of what may stand before an organ's name inside its title: a place
# (湖州市 | 吴兴区司法局), a higher organ (国家税务总局 | 湖州市税务局), the party (中共 | 湖州市委办公室),
# or the 、 between two agencies of a joint title
_BEFORE_ORGAN_END = "省市区县州旗盟镇乡村局委办厅院署所站处队心府会共、"
MIN_LINKS_BEFORE = 4  # characters: the shortest run of link words glued before a title (信息公开目录)


def _without_links_before(title: str | None, head: list[str], body: list[str]) -> str | None:
    """The title without the portal's navigation words glued to it (:data:`PORTAL_COLUMNS`:
    ``依申请公开监督保障吴兴区司法局2019年…`` in a crawler's text, ``…年度报告政府信息公开制度``
    in a laid-out PDF's line). Before the title: the words up to the last column name before
    the year; or, where the organ the 发布机构 label or the signature names stands inside the
    title after :data:`MIN_LINKS_BEFORE` characters or more that end as no place, organ or
    joint title does (:data:`_BEFORE_ORGAN_END`), the words before the organ. After it: column
    names and nothing else after the last 报告."""
    if not title:
        return title
    year = _TITLE_YEAR.search(title) or _TITLE_HAN_YEAR.search(title)
    if year:
        cut = max((title.rfind(w, 0, year.start()) + len(w) for w in PORTAL_COLUMNS
                   if title.rfind(w, 0, year.start()) >= 0), default=0)
        if cut and _TITLE.search(title[cut:]):
            title = title[cut:].lstrip(_MARKS_AFTER_REPORT)
        at = (_TITLE_YEAR.search(title) or _TITLE_HAN_YEAR.search(title) or year).start()
        ahead = _after_report(title[:at])  # an organ's name holds no 报告 (fresh19)
        if len(ahead) < at and _TITLE.search(title[at - len(ahead):]):
            title = title[at - len(ahead):].lstrip()
    glued = _glued_grid(head)
    for organ in (_labelled_agency(head)[0], _signature_agency(body)):
        at = title.find(organ) if organ else -1
        least = 1 if glued else MIN_LINKS_BEFORE  # a glued grid's last value (有效) ends right before it
        if at >= least and title[at - 1] not in _BEFORE_ORGAN_END and _title_year(title[at:]) is not None:
            title = title[at:]
            break
    end = title.rfind("报告") + len("报告")
    tail = title[end:]
    if end > len("报告") and tail and not re.sub("|".join(PORTAL_COLUMNS), "", tail):
        title = title[:end]
    return title


def _title_year(title: str) -> int | None:
    """The year a title names, in digits or in Chinese numerals (``二〇二一年度``: a title
    written so must not lose to another report's title in a portal's list that names the
    report's year in digits)."""
    m = _TITLE_YEAR.search(title)
    if m:
        return int(m.group(1))
    m = _TITLE_HAN_YEAR.search(title)
    return int("".join(_HAN_DIGITS[c] for c in m.group(1))) if m else None


def _body_organ(body: list[str]) -> str | None:
    """The organ the body names as itself: its signature, else its 发布机构-like label, else
    ``现将XX局2023年…``."""
    text = "\n".join(body)
    m = _AGENCY_IN_TEXT.search(text)
    return _signature_agency(body) or _labelled_agency(body[:HEAD_UNITS])[0] or (m.group(1) if m else None)


def _body_year(body: list[str]) -> int | None:
    """The year the report's body gives itself: its statistics period, else ``现将…Y年``."""
    text = "\n".join(line for line in body if not _is_nav_entry(line))
    m = _PERIOD.search(text) or re.search(r"现将[^。]{0,40}?((?:19|20)\d{2})\s*年", text)
    return int(m.group(1)) if m else None


def _titles_in_text(lines: list[str]) -> list[tuple[str, bool]]:
    """The report's title where a crawler glued it into a longer line: the title-shaped
    phrases that are no entry of a navigation or related-link list, with the chrome words
    before them cut away, each with whether a date follows it as it follows a list's entry."""
    found: list[tuple[str, bool]] = []
    for line in lines:
        if "告" not in line:  # as in _titles_on_own_lines
            continue
        t = clean(line)
        matches = list(_TITLE_IN_TEXT.finditer(t))
        for k, m in enumerate(matches):
            before = t[max(0, m.start() - 8):m.start()]
            if any(w in before for w in _NAV_BEFORE):
                continue
            front = m.start("agency") if m.group("agency") else m.start("year2")
            lead = _after_report(_strip_chrome(t[front:m.start("year")])) if m.group("agency") else ""
            title = lead + t[m.start("year") if m.group("agency") else front:m.end()]
            if title and len(title) <= 60:
                glued = [n for n in (matches[k - 1] if k else None, matches[k + 1] if k + 1 < len(matches) else None)
                         if n is not None and _glued(t, m, n) and n.group(0) != m.group(0)]
                found.append((title, bool(_LISTED_NEXT.match(t, m.end())) or bool(glued)))
        found += _bracket_titles_in_text(t, [m.span() for m in matches])
    return found


_TITLE_THEN_YEAR = re.compile(r"(?P<agency>[\u4e00-\u9fff()（）]{2,40}?)\s*(?:政府信息公开|政务公开)(?:工作)?的?(?:年度)?(?:工作)?"
                              r"报告" + _BRACKET_YEAR.pattern)


def _bracket_titles_in_text(t: str, taken: list[tuple[int, int]]) -> list[tuple[str, bool]]:
    """The titles inside a line that print their year after their words, in brackets
    (``北碚区农业农村局政府信息公开工作年度报告(2024年度)``, wild7 ``year_title`` in a crawler's
    text), outside the titles already found: the organ is what follows the chrome words and the
    last 报告 before it (another title glued in front)."""
    found: list[tuple[str, bool]] = []
    for m in _TITLE_THEN_YEAR.finditer(t):
        if any(a < m.end() and m.start() < b for a, b in taken):
            continue
        before = t[max(0, m.start() - 8):m.start()]
        if any(w in before for w in _NAV_BEFORE):
            continue
        agency = _strip_chrome(_after_report(m.group("agency")))
        title = agency + t[m.end("agency"):m.end()]
        if len(agency) >= 2 and len(title) <= 60:
            found.append((title, bool(_LISTED_NEXT.match(t, m.end()))))
    return found


def _after_report(lead: str) -> str:
    """What stands before a title's year inside a line, after its last 报告: an organ's name
    holds no 报告, so the words up to it are another title's end or a column's name glued in
    front (a listing page's ``年度报告`` head, wild7 ``listing_page`` in a crawler's text, fresh19)."""
    at = lead.rfind("报告")
    return lead[at + len("报告"):].lstrip(_MARKS_AFTER_REPORT) if at >= 0 else lead


# what stands between a column's name and the title it is glued to: a heading's mark, a separator
_MARKS_AFTER_REPORT = "#=*|>》:：· \u3000"


def _glued(text: str, a: re.Match, b: re.Match) -> bool:
    """Two title-shaped phrases printed one right after the other, as a list's entries are:
    nothing but a few digits, marks or a date between them (no word)."""
    gap = text[a.end():b.start()] if b.start() >= a.end() else text[b.end():a.start()]
    return len(gap) <= LIST_GAP_CHARS and not _IDEOGRAPH.search(gap)


def _strip_chrome(text: str) -> str:
    """``text`` after the last chrome word inside it (``…关闭窗口寿光市农业农村局2022年…``)."""
    cut = 0
    for w in _CHROME_WORDS:
        at = text.rfind(w)
        if at >= 0 and not re.match(r"^(19|20)\d{2}", text[at + len(w):]):
            cut = max(cut, at + len(w))
    return text[cut:].strip(" |:：>》")


def _titles_on_own_lines(lines: list[str]) -> list[tuple[str, bool]]:
    """The title-shaped lines (a title on a line of its own, or after a 名称/标题 label), each
    with whether it ends with a date as a list's entry does."""
    found: list[tuple[str, bool]] = []
    at: list[int | None] = []  # each title's line, None for a labelled one (never a list's entry)
    for i, line in enumerate(lines):
        if "告" not in line:  # every title ends in 报告 (lines are NFKC already): most lines are passed over
            continue
        t = clean(line).strip(" |")
        if _is_breadcrumb(t):
            continue
        t = _cut_labels_after(_MARKDOWN_MARKS.sub("", t).strip())
        if i > 0 and (not _TITLE.search(t) or _TITLE.match(t)):  # no title, or its words alone
            t = _title_wrapped(lines[i - 1], t) or t
        if i + 1 < len(lines):
            t = _bracket_wrapped(t, lines[i + 1])
        if not _TITLE.search(t) or len(t) > 60 or t.startswith(("上一", "下一", "名称", "标题")) or "《" in t:
            if _TITLE.search(t) and t.startswith(("名称", "标题")):
                t = re.sub(r"^(名称|标题)\s*[:：|]?\s*", "", t).split("|")[0].strip()
                if len(t) <= 60:
                    found.append((t, False))
                    at.append(None)
            continue
        # an agency line above a title that starts with the year: "淮安市人民政府 / 2024年…"
        if re.match(r"^(19|20)\d{2}\s*年", t) and i > 0:
            # (a Markdown heading's mark before the agency: ``# 吴兴区信访局`` / ``2020年…``, fresh19)
            prev = _HEADING_MARKS.sub("", _MARKDOWN_MARKS.sub("", clean(lines[i - 1]).strip(" |")).strip())
            t = _HEADING_MARKS.sub("", t)
            if 2 <= len(prev) <= 30 and re.search(_AGENCY_SUFFIX + "$", prev):
                t = prev + t
        found.append((t, bool(_LISTED_AFTER.search(t))))
        at.append(i)
    return [(t, listed or _in_a_list(k, found, at, lines)) for k, (t, listed) in enumerate(found)]


_OPEN_BRACKET_YEAR = re.compile(r"[(（]\s*(?:19|20)\d{2}(?:\s*年)?(?:\s*度)?$")
_BRACKET_REST = re.compile(r"^\s*(?:年\s*)?(?:度\s*)?[)）]\s*$")


def _bracket_wrapped(title: str, below: str) -> str:
    """A title whose bracketed year a page's width cut (``…工作年度报告（2024年`` / ``度）``:
    WeasyPrint's PDF of wild7 ``year_title``, fresh20): the bracket's rest on the next line
    joined, when the title ends inside an open bracket after a year and the next line holds
    only the bracket's rest (年, 度 and the closing bracket). Otherwise the title as it is."""
    rest = clean(below).strip(" |")
    if _OPEN_BRACKET_YEAR.search(title) and _BRACKET_REST.match(rest) and (
            ("年" in rest) != bool(re.search(r"年\s*度?$", title))):
        return title + rest.strip()
    return title


def _title_wrapped(above: str, tail: str) -> str | None:
    """A title a narrow page printed over two lines (``寿光市白鹤乡2019年度政府信息公开工作`` /
    ``年度报告``, an A5 page's text): the two lines joined, when the line holding 告 is short
    (:data:`TITLE_TAIL_CHARS`, the title words after the year at most), the line above names a year and holds no 告, and the two
    end as a title does. The year may be in Chinese numerals (``二〇二〇年度``), and the break may
    fall right before the title words when the line above ends with the year (a joint title,
    ``XX乡、XX局2024年度`` / ``政府信息公开工作年度报告``: the second line alone was taken as the
    title)."""
    if len(tail) > TITLE_TAIL_CHARS or "告" in above:
        return None
    head = clean(above).strip(" |")
    joined = head + tail
    m = _TITLE.search(joined)
    whole_words = m is not None and m.start() == len(head) and _YEAR_AT_END.search(head) is not None
    if not m or m.end() != len(joined) or (m.start() >= len(head) and not whole_words) \
            or _title_year(head) is None or len(joined) > 60 or _is_breadcrumb(head):
        return None
    return joined


def _in_a_list(k: int, found: list[tuple[str, bool]], at: list[int | None], lines: list[str]) -> bool:
    """Is the ``k``-th title a list's entry: another title on the next or previous line, or
    with only a date between them (a list of links with their dates, one text node a line)?"""
    i = at[k]
    if i is None:
        return False
    for j, (other, _) in zip(at, found):
        if j is None or j == i or other == found[k][0] or abs(j - i) > 2:
            continue
        between = lines[min(i, j) + 1:max(i, j)]
        if all(not clean(x).strip() or _DATE_RE.fullmatch(clean(x).strip(" |[]()（）")) for x in between):
            return True
    return False


def _is_breadcrumb(text: str) -> bool:
    """A page's breadcrumb trail: it starts with a location word, or walks from 首页 on."""
    return text.startswith(_LOCATION_WORDS) or bool(_BREADCRUMB.search(text))


def _cut_labels_after(text: str) -> str:
    """A title-shaped line with the content system's labels glued after it (a crawler's
    ``…年度报告发布机构:一平浪镇发布日期:2022-12-02``): the title only, with its year in
    brackets where it prints one after its words (``…年度报告(2024年度)索引号:…``)."""
    m = _TITLE.search(text)
    if not m:
        return text
    end = m.end()
    year = _BRACKET_YEAR.match(text, end)
    if year:
        end = year.end()
    if _AFTER_TITLE.match(text, end):
        return text[:end]
    return text


def _year(title: str | None, body: list[str]) -> int | None:
    if title:
        m = _TITLE_YEAR.search(title)
        if m:
            return int(m.group(1))
    text = "\n".join(line for line in body if not _is_nav_entry(line))
    m = _PERIOD.search(text)
    if m:
        return int(m.group(1))
    m = re.search(r"((?:19|20)\d{2})\s*年\s*度?\s*(?:政府信息公开|政务公开)(?:工作)?(?:年度)?报告", text)
    if m:
        return int(m.group(1))
    m = re.search(r"现将[^。]{0,40}?((?:19|20)\d{2})\s*年", text)
    if m:
        return int(m.group(1))
    return _most_named_year(body[:60])


def _most_named_year(lines: list[str]) -> int | None:
    """The year the lines name most often (the first named, of two named as often). A tie is
    no evidence — table 四's ``2022年`` and ``2023年`` rows in a CSV of the tables alone name the
    year before first (wild5's ``year_compare`` in pdfplumber_csv, fresh17) — but a tie broken
    to none lost four right years of the matrix's samples/trafilatura (the report's year and the
    publication's named once each, the report's first), so the first named is kept."""
    years = Counter(int(y) for y in _YEAR_IN_TEXT.findall("\n".join(lines)))
    return years.most_common(1)[0][0] if years else None


def _is_nav_entry(line: str) -> bool:
    """A 上一篇/下一篇/相关链接 entry: another report's title, never this report's year
    (a text extractor that drops the page's title keeps these links at the end)."""
    return clean(line).lstrip(" |").startswith(_NAV_BEFORE)


def _agency(title: str | None, head: list[str], body: list[str], container: dict[str, str]) -> str | None:
    own = _title_agency(title)
    strong, weak = _labelled_agency(head)
    signed = _signature_agency(body)
    for fuller in (strong, signed):
        if own and fuller and own in fuller and fuller != own:
            return fuller
    if own:
        return own
    text = "\n".join(body)
    m = _AGENCY_IN_TEXT.search(text)
    in_text = m.group(1) if m else None
    found = Counter(m.group(1) for m in _AGENCY_SUBJECT.finditer(text))
    subject = found.most_common(1)[0][0] if found else None
    for cand in (strong, signed, in_text, weak, subject, container.get("agency")):
        if cand and _is_organ(cand):
            return cand
    return None


def _title_agency(title: str | None) -> str | None:
    if not title:
        return None
    title = re.sub(r"^关于\s*", "", title)  # 关于XX局2023年度政府信息公开工作的报告
    m = re.match(r"^(.{2,40}?)(?:关于)?\s*(?:(?:19|20)\d{2}|" + _HAN_YEAR + r")\s*年", title)
    if m and not re.match(r"^(?:(?:19|20)\d{2}|" + _HAN_YEAR + ")", title):
        # the year printed after the title words (XX局政府信息公开工作年度报告(2023年)): the organ
        # is what stands before them
        return _strip_chrome(_TITLE_WORDS.split(m.group(1))[0].strip()) or None
    m = re.match(r"^(?:(?:19|20)\d{2}|" + _HAN_YEAR + r")\s*年\s*度?\s*(.{2,40}?)(?:政府信息公开|政务公开)", title)
    return m.group(1).strip() if m else None


HEAD_LINE_CHARS = 120  # characters: a longer line is a paragraph (or a whole page glued), not a label's line
# the labels of a portal's metadata grid (索引号 | 主题分类 | 发布机构 | 成文日期 | 发布日期 | 文号 |
# 有效性 …): a crawler's text glues the grid into one line, each value running into the next label
# (``发布机构湾沚区医疗保障局主题分类:其他成文日期:…``, wild6 ``meta_table``, fresh18)
GRID_LABELS = ("索引号", "主题分类", "发布机构", "成文日期", "发布日期", "生成日期", "发布时间", "发文字号", "文号",
               "有效性", "主题词", "公开方式", "公开范围")
_GRID_LABEL = re.compile("|".join(GRID_LABELS))


def _before_grid_label(value: str) -> tuple[str, bool]:
    """``value`` up to the first metadata-grid label inside it, and whether one was there."""
    m = _GRID_LABEL.search(value)
    return (value[:m.start()], True) if m else (value, False)


def _glued_grid(head: list[str]) -> bool:
    """Does a line of the header block hold a metadata grid glued into one line (a publisher
    label whose value runs into the next grid label, on a line longer than a label's)?"""
    return any(len(line) > HEAD_LINE_CHARS and any(
        label in line and _GRID_LABEL.search(line[line.index(label) + len(label):line.index(label) + len(label) + 32])
        for label in _PUBLISHER_LABELS[:_STRONG_LABELS]) for line in head)


def _labelled_agency(head: list[str]) -> tuple[str | None, str | None]:
    """(the organ a 发布机构-like label names, the best of the page's 来源/单位 labels).

    A value runs to the next metadata-grid label (:data:`GRID_LABELS`); a line longer than
    :data:`HEAD_LINE_CHARS` is read only where such a label ends the value (a glued grid)."""
    best: tuple[int, str] | None = None
    for line in head:
        if "统计指标" in line:  # the old statistics table's header: 统计指标 | 单位 | 统计数
            continue
        long = len(line) > HEAD_LINE_CHARS
        for rank, label in enumerate(_PUBLISHER_LABELS):
            if label not in line:  # the pattern holds the label: most lines are passed over unsearched
                continue
            before = "" if long else r"(?:^|[|｜\s])"  # in a glued grid the label follows the last value
            m = re.search(before + label + r"\s*[:：]?\s*[|｜]?\s*([^\s|｜:：]{2,30})", line)
            if not m:
                continue
            value, cut = _before_grid_label(m.group(1))
            if long and not cut:
                continue
            if _is_organ(value) and not value.startswith("http") and (best is None or rank < best[0]):
                best = (rank, value)
    if best is None:
        return None, None
    return (best[1], None) if best[0] < _STRONG_LABELS else (None, best[1])


def _signature_agency(body: list[str]) -> str | None:
    """The 落款: the organ named on the line before the closing date, or with it."""
    tail = [clean(x).strip(" |") for x in body[-8:] if clean(x).strip(" |")]
    for i in range(len(tail) - 1, -1, -1):
        m = re.fullmatch(r"(?P<organ>[\u4e00-\u9fff()（）]{2,40}?)?\s*" + _DATE, tail[i])
        if not m:
            continue
        organ = m.group("organ") or (tail[i - 1] if i > 0 else None)
        if organ:  # a converter that joins lines glues the last sentence to it: the organ follows it
            organ = _SENTENCE_END.split(organ)[-1].strip()
        if not (organ and len(organ) <= 40 and _is_organ(organ)):
            return None
        first = _SENTENCE_END.split(tail[i - 2])[-1].strip() if not m.group("organ") and i > 1 else ""
        if first and first != organ and len(first) <= 40 and _is_organ(first):
            return first + "、" + organ  # two agencies' joint report signs with both, a line each
        return organ
    return None


def _is_organ(name: str) -> bool:
    """Does ``name`` read as an organ's name (not a UI word, a date or a site's slogan)?"""
    return bool(re.search(_AGENCY_SUFFIX + r"$", name)) and not _DATE_RE.match(name)


def _published(head: list[str], body: list[str], container: dict[str, str], year: int | None = None) -> str | None:
    """The publication date: the best-ranked date label's (:data:`_DATE_LABELS`) in the header
    block, else the container's, else the signature's. A label under another year's report
    title (:func:`_owner_year`) dates that report, not this one (a listing page's other
    articles, each a title, its 发布日期 and a summary: wild7 ``listing_page``, fresh19)."""
    best: tuple[int, str | None] | None = None  # (label rank, ISO date: None when no calendar date)
    for i, line in enumerate(head):
        for rank, label in enumerate(_DATE_LABELS):
            if label not in line:  # as in _labelled_agency
                continue
            before = r"(?:^|[|｜\s])" if label in _BARE_DATE_LABELS else ""
            pattern = re.compile(before + re.escape(label) + r"\s*[:：]?\s*[|｜]?\s*" + _DATE)
            m = next((x for x in pattern.finditer(line)
                      if year is None or _owner_year(head, i, x.start()) in (None, year)), None)
            if not m and i + 1 < len(head) and re.fullmatch(r"\s*" + re.escape(label) + r"\s*[:：]?\s*", line) \
                    and (year is None or _owner_year(head, i, 0) in (None, year)):
                # the label alone on its line, its date the next line's start (a PDF's text of a metadata
                # grid prints a cell a line: 发布日期 ⏎ 2020-02-12, fresh18)
                m = re.match(r"\s*" + _DATE, head[i + 1])
            if m and (best is None or rank < best[0]):
                best = (rank, _iso(m.group(1), m.group(2), m.group(3)))
    if best:
        return best[1]
    if container.get("published_date"):
        return container["published_date"]
    # a signature: the report ends with the agency and the date on a line of its own
    for line in reversed(body[-8:]):
        m = _DATE_RE.fullmatch(clean(line).strip(" |"))
        if m:
            return _iso(*m.groups())
    return None


TITLE_YEAR_BEFORE = 40  # characters before a title's words that may hold its organ and year
TITLE_YEAR_AFTER = 10  # characters after them that may hold its year in brackets: （2024年度）


def _owner_year(head: list[str], i: int, at: int) -> int | None:
    """The year the nearest report title before position ``at`` of line ``i`` names (the year
    before its words 政府信息公开…报告, the last such, else in brackets after them), or None
    where no title stands before it or the title names no year. A title whose words a line
    break cuts (``…工作年度报`` ⏎ ``告``: WeasyPrint's print of wild7 ``listing_page``) is read
    across the break."""
    for j in range(i, -1, -1):
        text = head[j][:at] if j == i else head[j]
        found = list(_TITLE.finditer(text))
        if not found and j < i:  # a title the page's width wrapped (…工作年度报 ⏎ 告, fresh20)
            below = head[j + 1][:at] if j + 1 == i else head[j + 1]
            joined = text + below[:TITLE_TAIL_CHARS]
            found = [m for m in _TITLE.finditer(joined) if m.start() < len(text) < m.end()]
            text = joined if found else text
        if not found:
            continue
        m = found[-1]
        years = list(_TITLE_YEAR.finditer(text, max(0, m.start() - TITLE_YEAR_BEFORE), m.start()))
        if years:
            return int(years[-1].group(1))
        after = _TITLE_YEAR.search(text, m.end(), m.end() + TITLE_YEAR_AFTER)
        return int(after.group(1)) if after else _title_year(text[max(0, m.start() - TITLE_YEAR_BEFORE):m.end()])
    return None


def _index(head: list[str], container: dict[str, str]) -> str | None:
    for i, line in enumerate(head):
        m = _INDEX.search(line)
        if m:
            return _index_rest(m.group(1), line[m.end():]).rstrip(".|")
        if i + 1 < len(head) and _INDEX_LABEL.fullmatch(line):
            m = _INDEX_VALUE.fullmatch(head[i + 1])
            if m and any(c.isdigit() for c in m.group(1)):
                return m.group(1).rstrip(".|")
            # the grid's next cell printed after it on the value's line (380537199/2020-24890 发布机构: …):
            # the value only where it has the format's shape
            m = _INDEX_VALUE_FIRST.match(head[i + 1])
            if m and _INDEX_SHAPE.fullmatch(m.group(1)):
                return m.group(1)
    return container.get("index_number") or None


# an index number as the format gives it: the organ's code, then / year - sequence
# (``11320000014000000K/2024-00015``, ``000014349/2024-00012``)
_INDEX_SHAPE = re.compile(r"[0-9A-Za-z][0-9A-Za-z\-_—.]*/(?:19|20)\d{2}-\d{1,8}")
# the rest of a line after a number's first piece: only its characters and gaps, to the line's end
_INDEX_REST = re.compile(r"[0-9A-Za-z\-_/—.\s]{1,80}")


def _index_rest(found: str, after: str) -> str:
    """``found`` with the pieces a laid-out text printed after it with gaps (a PDF preview
    placing ``11YGUGGHJW`` and ``1N4N0B2B/2026-15591`` in two fonts), where ``found`` alone is no
    index number of the format's shape (:data:`_INDEX_SHAPE`) and the pieces joined are one,
    and nothing but those pieces follows on the line (up to a metadata grid's next label,
    :data:`GRID_LABELS`: ``175794334 /2021 -41825 发布机构：…`` in pdftohtml's placed pieces): an
    index number that has its shape, or a date or words after it, stays as found."""
    rest = _before_grid_label(after)[0].strip()  # a metadata grid's next label ends the value (fresh18)
    if not rest or _INDEX_SHAPE.fullmatch(found) or not _INDEX_REST.fullmatch(rest):
        return found
    joined = found + re.sub(r"\s+", "", rest)
    return joined if _INDEX_SHAPE.fullmatch(joined) else found


def _iso(y: str, m: str, d: str) -> str | None:
    mo, da = int(m), int(d)
    if not (1 <= mo <= 12 and 1 <= da <= 31):
        return None
    return f"{int(y):04d}-{mo:02d}-{da:02d}"
