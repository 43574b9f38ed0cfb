"""A second set of wild deviations: reports written the way county and township agencies
write them, and published the way their content systems publish them ("wild2" reports).

:mod:`.wild` departs from the official format one deviation at a time inside the tables.
Real reports also depart around the tables and across the whole page, and several of these
were never drawn by any generator, so no rule of the parser was made on them:

- ``sparse``: a township's report, nearly every cell zero, its zeros printed in several ways
  in the same report (``0``, nothing, ``无``, ``/``, ``—``): only ``0`` states a number;
- ``explain_rows``: explanatory rows inside the tables (``说明：…`` over the whole width, between
  two rows no label spans), holding numbers that are prose;
- ``repeated_header``: a table split over two pages as a word processor prints it when the
  header rows repeat: ``（续表）`` and the header rows again in the middle of the table;
- ``cn_year``: the year in Chinese numerals in the title and the sign-off (``二〇二一年度``,
  ``二〇二二年一月十五日``);
- ``signoff_styles``: a sign-off (落款: agency, date) under the last section, its date in one of
  several styles (``2022.1.5``, ``2022/01/05``, ``2022-01-05``, ``2022年01月05日``), and the
  发布日期 of the metadata block in another;
- ``late_2019``: a report on 2019 or 2020 (the 2019 format) published two to four years late,
  when the 2021 format was in force;
- ``joint``: two agencies' joint report: both names in the title, the metadata and the
  sign-off (the first is the report's agency);
- ``old_columns``: table 三's applicant columns under the names drafts and older forms used
  (法人或者其他组织, 企业, 科研院所, 公益组织, 律师事务所, 其他组织);
- ``mixed2``: three of the above together.

The expected values are carried over as in :mod:`.wild`: changed only where the deviation
changes what the report states (a zero printed as nothing states no number). The metadata a
report states does not change (``cn_year`` still states its year; ``joint`` its first agency).

Every choice is drawn from the report's own random stream, so a seed gives the same files.
"""

from __future__ import annotations

import random
import re
from dataclasses import dataclass, replace
from datetime import date

from ..render.layout import DrawnCell, DrawnTable, Page
from ..template.layout import HEADER, LABEL, VALUE
from . import narrative, values
from .profile import DEPARTMENTS, Profile
from .report import Synthetic, derive, synthesize
from .wild import WildKind, _each_value, _insert_row

# ------------------------------------------------------------------ values

# how a township prints a zero: the same report mixes them (only "0" states a number)
SPARSE_ZERO_MARKS = ("0", "0", "", "无", "/", "—")
SPARSE_ZERO_SHARE = 0.85  # zeros printed with a mark drawn from SPARSE_ZERO_MARKS


def sparse(rng: random.Random, s: Synthetic) -> None:
    """Table values drawn again at township scale (mostly zeros), the prose written again to
    agree with them (before the expected values are taken)."""
    s.profile.scale = "township"
    s.printed["table3"] = values.table3(rng, s.template, "township")
    s.printed["table4"] = values.table4(rng, "township")
    s.printed["table2"] = values.table2(rng, s.template, "township")
    s.prose.update(narrative.sections(random.Random(f"sparse:{s.profile.index_number}"), s.profile,
                                      s.printed["table3"], s.printed["table4"], rng.randint(5, 60)))


def sparse_marks(rng: random.Random, s: Synthetic, expected: dict) -> None:
    def edit(t, r, c, k, v):
        if v == 0 and not isinstance(v, str) and rng.random() < SPARSE_ZERO_SHARE:
            mark = rng.choice(SPARSE_ZERO_MARKS)
            if mark != "0":
                expected[t][r][c] = None
            return mark
        return v
    _each_value(s, edit)


# ------------------------------------------------------------------ structure

EXPLANATIONS = {
    "table2": ("说明：规章栏目本机关无制定权限，按“0”填报。", "说明：本年度行政规范性文件均已按规定报备。",
               "注：行政许可处理决定数量含变更、延续事项。"),
    "table3": ("说明：本表“申请人情况”按申请人身份统计，同一申请人多次申请的分别计算。",
               "（以下为办理结果，共{k}件申请已全部办结）", "注：本年度通过网络平台收到申请{k}件，信函申请1件。"),
    "table4": ("说明：本年度行政复议、行政诉讼均未涉及本机关信息公开事项以外的内容。",
               "注：复议后起诉{k}件已计入行政诉讼栏。"),
}


def _free_boundaries(table: DrawnTable, first: int) -> list[int]:
    """Rows ``r >= first`` below which a row can be inserted without cutting a spanned cell."""
    last = max(c.row + c.rowspan for c in table.cells) - 1
    crossing = {r for c in table.cells for r in range(c.row, c.row + c.rowspan - 1)}
    return [r for r in range(first, last) if r not in crossing]


def _first_value_row(table: DrawnTable) -> int:
    return min(c.row for c in table.cells if c.role == VALUE)


def explain_rows(rng: random.Random, table: DrawnTable) -> DrawnTable:
    """One or two ``说明：…`` rows over the whole width inside the table, where no label spans."""
    free = _free_boundaries(table, _first_value_row(table))
    for after in sorted(rng.sample(free, min(len(free), rng.choice((1, 1, 2)))), reverse=True):
        text = rng.choice(EXPLANATIONS[table.key]).format(k=rng.randint(1, 9))
        table = _insert_row(table, after, [DrawnCell(LABEL, 0, 0, colspan=table.n_cols, text=text)])
    return table


CONTINUED = ("（续表）", "续表", "续上表", "")


def repeated_header(rng: random.Random, table: DrawnTable) -> DrawnTable:
    """The table as printed over two pages with its header rows repeated: a ``（续表）`` row
    (or none) and a copy of the header rows between two rows no label spans."""
    head = _first_value_row(table)
    free = [r for r in _free_boundaries(table, head) if r >= head + 2]
    if not free:
        return table
    after = rng.choice(free)
    mark = rng.choice(CONTINUED)
    block = [DrawnCell(LABEL, 0, 0, colspan=table.n_cols, text=mark)] if mark else []
    block += [replace(c, row=c.row + (1 if mark else 0)) for c in table.cells if c.row < head]
    return _insert_block(table, after, block, head + (1 if mark else 0))


def _insert_block(table: DrawnTable, after: int, block: list[DrawnCell], n: int) -> DrawnTable:
    """``n`` grid rows inserted below grid row ``after`` (no cell spans across it): the rows
    below move down; ``block``'s cells (rows 0…n-1, their spans kept) fill the gap."""
    cells = [replace(c, row=c.row + n) if c.row > after else c for c in table.cells]
    return replace(table, cells=tuple(cells + [replace(c, row=c.row + after + 1) for c in block]))


# the applicant columns of table 三 as drafts and older forms name them
OLD_COLUMNS = (("法人或其他组织", ("法人或者其他组织", "法人和其他组织")), ("商业企业", ("企业", "商业企业")),
               ("科研机构", ("科研院所", "科研单位")), ("社会公益组织", ("公益组织", "社会团体")),
               ("法律服务机构", ("律师事务所", "法律服务组织")), ("申请人情况", ("申请人类型", "申请人性质")))
OTHER_COLUMN = ("其他组织", "其他")


def old_columns(rng: random.Random, table: DrawnTable) -> DrawnTable:
    if table.key != "table3":
        return table
    chosen = {word: rng.choice(others) for word, others in OLD_COLUMNS}
    other = rng.choice(OTHER_COLUMN)
    head = _first_value_row(table)

    def edit(cell: DrawnCell) -> DrawnCell:
        if cell.role != HEADER or cell.row >= head:
            return cell
        if cell.text == "其他":
            return replace(cell, text=other)
        return replace(cell, text=chosen.get(cell.text, cell.text))
    return replace(table, cells=tuple(edit(c) for c in table.cells))


# ------------------------------------------------------------------ the page around the tables

CN_DIGITS = "〇一二三四五六七八九"


def cn_year(year: int) -> str:
    """``2021`` → ``二〇二一``."""
    return "".join(CN_DIGITS[int(d)] for d in str(year))


def cn_number(n: int) -> str:
    """A month or day (1–31) in Chinese numerals: ``十五``, ``二十``, ``三十一``."""
    tens, ones = divmod(n, 10)
    return ((CN_DIGITS[tens] if tens > 1 else "") + ("十" if tens else "") + (CN_DIGITS[ones] if ones else "")) or "〇"


def cn_date(d: date) -> str:
    return f"{cn_year(d.year)}年{cn_number(d.month)}月{cn_number(d.day)}日"


DATE_STYLES = ("{y}年{m}月{d}日", "{y}年{m:02d}月{d:02d}日", "{y}-{m:02d}-{d:02d}", "{y}.{m}.{d}", "{y}/{m:02d}/{d:02d}",
               "cn")
META_DATE_STYLES = ("{y}-{m:02d}-{d:02d}", "{y}年{m:02d}月{d:02d}日", "{y}-{m:02d}-{d:02d} 10:{d:02d}:00",
                    "{y}/{m}/{d}")


def date_text(style: str, d: date) -> str:
    return cn_date(d) if style == "cn" else style.format(y=d.year, m=d.month, d=d.day)


def signoff(page: Page, names: list[str], when: str) -> None:
    """The sign-off under the last section: the agency (or agencies, a line each), the date."""
    page.parts[-1].paragraphs += [*names, when]


def _set_meta(page: Page, key_label: str, value: str) -> None:
    page.meta = [(label, value if label == key_label else v) for label, v in page.meta]


# ------------------------------------------------------------------ profiles

def late(rng: random.Random) -> Synthetic:
    """A clean report on 2019 or 2020 (the 2019 format) published two to four years late."""
    year = rng.choice((2019, 2020))
    s = synthesize(rng, "", years=(year, year))
    published = date(year + rng.randint(2, 4), rng.randint(1, 12), rng.randint(1, 28))
    index = s.profile.index_number.replace(f"/{year + 1}-", f"/{published.year}-", 1)
    s.profile = replace(s.profile, published=published, index_number=index)
    return s


JOINT_PARTNERS = ("人民政府办公室", "政务服务管理局", "大数据发展局", "行政审批局")


_PLACE = re.compile(r"^.*?[市区县州]")


def joint_names(rng: random.Random, p: Profile) -> str:
    """A second agency of the same place publishing with ``p``'s."""
    m = _PLACE.match(p.agency)
    place = m.group(0) if m else p.agency[:3]
    second = place + rng.choice(JOINT_PARTNERS + DEPARTMENTS[:4])
    return second if second != p.agency else place + "行政审批局"


# ------------------------------------------------------------------ the kinds

KINDS: dict[str, WildKind] = {k.name: k for k in (
    WildKind("sparse", "value", "a township's report: nearly all zeros, printed as 0, nothing, 无, / or — in one report"),
    WildKind("explain_rows", "structure", "说明：… rows over the whole width inside the tables"),
    WildKind("repeated_header", "structure", "a table printed over two pages: （续表） and its header rows again"),
    WildKind("cn_year", "meta", "the year in Chinese numerals in the title and the sign-off (二〇二一年度)"),
    WildKind("signoff_styles", "meta", "a sign-off with the date in one of several styles; 发布日期 in another"),
    WildKind("late_2019", "meta", "a 2019/2020 report (2019 format) published two to four years late"),
    WildKind("joint", "meta", "two agencies' joint report: both names in the title, metadata and sign-off"),
    WildKind("old_columns", "label", "table 三's applicant columns under older names (企业, 科研院所, 律师事务所 …)"),
    WildKind("mixed2", "mixed", "three of the above together"),
)}
MIXED2_FROM = ("sparse", "explain_rows", "repeated_header", "cn_year", "signoff_styles", "joint", "old_columns")
TABLE_EDITS = {"explain_rows": explain_rows, "repeated_header": repeated_header, "old_columns": old_columns}


def kinds_of(rng: random.Random, kind: str) -> tuple[str, ...]:
    return tuple(rng.sample(MIXED2_FROM, 3)) if kind == "mixed2" else (kind,)


@dataclass
class Wild2:
    synthetic: Synthetic
    page: Page
    expected: dict[str, dict]
    kinds: tuple[str, ...]


def make(rng: random.Random, kind: str) -> Wild2:
    """A clean synthetic report with deviation ``kind``: its page and the values a correct
    parser reads from it."""
    kinds = kinds_of(rng, kind)
    s = late(rng) if "late_2019" in kinds else synthesize(rng, "")
    if "sparse" in kinds:
        sparse(rng, s)
    expected = s.expected_values()
    if "sparse" in kinds:
        sparse_marks(rng, s, expected)
        derive(s.template, expected["table3"])
    page = s.page()
    p = s.profile
    names = [p.agency]
    if "joint" in kinds:
        names.append(joint_names(rng, p))
        page.title = page.title.replace(p.agency, rng.choice(("、", " ", "　")).join(names), 1)
        _set_meta(page, "发布机构", "、".join(names))
    when = f"{p.published.year}年{p.published.month}月{p.published.day}日"
    if "cn_year" in kinds:
        page.title = page.title.replace(f"{p.year}年", f"{cn_year(p.year)}年", 1)
        when = cn_date(p.published)
    elif "signoff_styles" in kinds:
        when = date_text(rng.choice(DATE_STYLES), p.published)
        _set_meta(page, "发布日期", date_text(rng.choice(META_DATE_STYLES), p.published))
    if {"cn_year", "signoff_styles", "joint"} & set(kinds) or rng.random() < 0.5:
        signoff(page, names, when)
    for k in kinds:
        if k in TABLE_EDITS:
            for part in page.parts:
                if part.table is not None:
                    part.table = TABLE_EDITS[k](rng, part.table)
    return Wild2(s, page, expected, kinds)


__all__ = ["KINDS", "Wild2", "cn_date", "cn_number", "cn_year", "explain_rows", "make", "old_columns",
           "repeated_header", "sparse"]
