"""Metadata of a report: title, agency, report year, published date and 索引号, from the
content system's header block, the title, the preface and the signature."""

from __future__ import annotations

import re
from collections import Counter

from ..model import Meta
from ..template.normalize import clean, nfkc

_DATE = r"((?:19|20)\d{2})\s*(?:[-/.年])\s*(\d{1,2})\s*(?:[-/.月])\s*(\d{1,2})\s*日?"
_DATE_RE = re.compile(_DATE)
# labels of the content system's block, best first
_DATE_LABELS = ("发布日期", "公开日期", "发布时间", "发文日期", "成文日期", "生成日期", "印发日期", "日期", "时间")
_INDEX = re.compile(r"索\s*引\s*号\s*[:：]?\s*[|｜]?\s*([0-9A-Za-z][0-9A-Za-z\-_/—.]{4,60})")
_TITLE = re.compile(r"(政府信息公开|政务公开)(工作)?(年度)?(工作)?报告")
_TITLE_YEAR = re.compile(r"((?:19|20)\d{2})\s*年\s*度?")
# labels of the publishing body, best first: a scraper's "单位" or a site's "来源" may abbreviate
_PUBLISHER_LABELS = ("发布机构", "发布单位", "发文机关", "发布部门", "信息来源", "来源", "单位")
_AGENCY_SUFFIX = r"(?:人民政府办公室|人民政府|办事处|委员会|管理委员会|管委会|局|厅|办公室|镇|乡|街道|委|院|署|中心|所|站|处|队)"
_AGENCY_IN_TEXT = re.compile(r"现将\s*([\u4e00-\u9fff()]{2,30}?" + _AGENCY_SUFFIX + r")\s*(?:(?:19|20)\d{2}|本年|年度)")
_AGENCY_SUBJECT = re.compile(
    r"(?:^|[,,。;:\s、])((?:[\u4e00-\u9fff]{1,12}?[省市县区州旗])?[\u4e00-\u9fff]{1,10}?" + _AGENCY_SUFFIX
    + r")(?=作为|认真|坚持|政府信息公开|高度重视|严格|紧紧|深入|始终|全面|围绕)")
_PERIOD = re.compile(r"自\s*((?:19|20)\d{2})\s*年\s*1\s*月\s*1\s*日\s*(?:起\s*)?至\s*\1\s*年\s*12\s*月\s*31\s*日")
_YEAR_IN_TEXT = re.compile(r"((?:19|20)\d{2})\s*年")


def read_meta(lines: list[str], container: dict[str, str] | None = None) -> Meta:
    """Metadata from the report's lines (paragraphs and table rows in reading order) and
    from what the container says (an HTML <title>, PDF document info)."""
    container = container or {}
    head = [nfkc(x) for x in lines[:40]]
    body = [nfkc(x) for x in lines]
    title = _title(head) or _title([nfkc(container.get("title", ""))])
    year = _year(title, body)
    return Meta(
        title=title,
        agency=_agency(title, head, body, container),
        year=year,
        published_date=_published(head, body, container),
        index_number=_index(head, container),
    )


def _title(lines: list[str]) -> str | None:
    for i, line in enumerate(lines):
        t = clean(line).strip(" |")
        if not _TITLE.search(t) or len(t) > 60 or t.startswith(("上一", "下一", "名称", "标题")) or "《" in t:
            if _TITLE.search(t) and t.startswith(("名称", "标题")):
                t = re.sub(r"^(名称|标题)\s*[:：|]?\s*", "", t).split("|")[0].strip()
                if len(t) <= 60:
                    return t
            continue
        # an agency line above a title that starts with the year: "淮安市人民政府 / 2024年…"
        if re.match(r"^(19|20)\d{2}\s*年", t) and i > 0:
            prev = clean(lines[i - 1]).strip(" |")
            if 2 <= len(prev) <= 30 and re.search(_AGENCY_SUFFIX + "$", prev):
                return prev + t
        return t
    return None


def _year(title: str | None, body: list[str]) -> int | None:
    if title:
        m = _TITLE_YEAR.search(title)
        if m:
            return int(m.group(1))
    text = "\n".join(body)
    m = _PERIOD.search(text)
    if m:
        return int(m.group(1))
    m = re.search(r"((?:19|20)\d{2})\s*年\s*度?\s*(?:政府信息公开|政务公开)(?:工作)?(?:年度)?报告", text)
    if m:
        return int(m.group(1))
    m = re.search(r"现将[^。]{0,40}?((?:19|20)\d{2})\s*年", text)
    if m:
        return int(m.group(1))
    years = Counter(int(y) for y in _YEAR_IN_TEXT.findall("\n".join(body[:60])))
    return years.most_common(1)[0][0] if years else None


def _agency(title: str | None, head: list[str], body: list[str], container: dict[str, str]) -> str | None:
    best: tuple[int, str] | None = None
    for line in head:
        if len(line) > 120 or "统计指标" in line:  # the old statistics table's header: 统计指标 | 单位 | 统计数
            continue
        for rank, label in enumerate(_PUBLISHER_LABELS):
            m = re.search(r"(?:^|[|｜\s])" + label + r"\s*[:：]?\s*[|｜]?\s*([^\s|｜:：]{2,30})", line)
            if m and not _DATE_RE.match(m.group(1)) and not m.group(1).startswith("http") \
                    and (best is None or rank < best[0]):
                best = (rank, m.group(1))
    if best:
        return best[1]
    if title:
        m = re.match(r"^(.{2,40}?)(?:关于)?\s*(?:19|20)\d{2}\s*年", title)
        if m and not re.match(r"^(19|20)\d{2}", title):
            return m.group(1).strip()
        m = re.match(r"^(?:19|20)\d{2}\s*年\s*度?\s*(.{2,40}?)(?:政府信息公开|政务公开)", title)
        if m:
            return m.group(1).strip()
    text = "\n".join(body)
    m = _AGENCY_IN_TEXT.search(text)
    if m:
        return m.group(1)
    found = Counter(m.group(1) for m in _AGENCY_SUBJECT.finditer(text))
    if found:
        return found.most_common(1)[0][0]
    return container.get("agency") or None


def _published(head: list[str], body: list[str], container: dict[str, str]) -> str | None:
    best: tuple[int, str] | None = None
    for line in head:
        for rank, label in enumerate(_DATE_LABELS):
            m = re.search(re.escape(label) + r"\s*[:：]?\s*[|｜]?\s*" + _DATE, line)
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


def _index(head: list[str], container: dict[str, str]) -> str | None:
    for line in head:
        m = _INDEX.search(line)
        if m:
            return m.group(1).rstrip(".|")
    return container.get("index_number") or None


def _iso(y: str, m: str, d: str) -> str | None:
    mo, da = int(m), int(d)
    if not (1 <= mo <= 12 and 1 <= da <= 31):
        return None
    return f"{int(y):04d}-{mo:02d}-{da:02d}"
