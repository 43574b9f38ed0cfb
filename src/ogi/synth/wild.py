"""Deviations real agencies make that the template's variants do not list ("wild" reports).

The synthetic corpus varies labels only with the variants :mod:`ogi.template` already knows
(:func:`.transform.label_variants`), so a parser scored on it is scored on what it was taught.
This module makes reports that depart from the official format the ways real reports do and
that nobody taught the parser: each *kind* below is one such deviation, applied to a synthetic
report (:class:`.report.Synthetic`) before it is written, so it composes with every writer
(text flattenings, HTML, DOCX, PDF) and the expected values are carried over — changed only
where the deviation changes what the report states (a zero printed as ``—`` states no number:
``schema.md`` makes it null; a row left out states nothing).

The algorithm for one report and one kind:

1. The expected values are taken from the report as drawn (``Synthetic.expected_values``).
2. A *value* kind rewrites printed cells (``Synthetic.printed``) — full-width digits,
   thousands separators, a unit after the digits, two decimals on an amount, a zero printed
   as a dash, a slash, ``无`` or nothing — and nulls the expected value where the printed
   text is no number (``schema.md`` "Values": blank, ``/``, ``—``, ``-``, ``无`` → null), then
   derives table 三's summed rows again.
3. The page is drawn from the printed values.
4. A *label* kind rewrites the row and group labels (and for the year words the column
   headers) of the drawn tables: year words (本年 → 本年度/年度), scope words dropped or added
   (政府信息公开, 数量 → 件数), the numbering style changed, the numbering split into a 序号
   column, one character dropped or two swapped, spaces inside labels, traditional characters.
5. A *structure* kind edits the page: a ``注：…`` row under a table, a ``单位：件`` line above
   it, the caption repeated before it, an extra ``其中：…`` sub-row in table 三, a row of
   table 三 left out.

Every choice is drawn from the report's own random stream, so a seed gives the same files.
"""

from __future__ import annotations

import random
import re
from collections.abc import Callable
from dataclasses import dataclass, replace

from ..render.layout import DrawnCell, DrawnTable, Page
from ..template import FORMATS, Kind
from ..template.layout import HEADER, LABEL, VALUE
from .report import TABLES, Synthetic, derive


@dataclass(frozen=True)
class WildKind:
    name: str
    family: str  # "label" | "value" | "structure"
    what: str


# ------------------------------------------------------------------ labels

# the numbering a label starts with, and its level: 一、 (section), (一) (group), 1. (item)
_NUM_SECTION = re.compile(r"^([一二三四五六七])、")
_NUM_GROUP = re.compile(r"^[(（]([一二三四五六七])[)）]")
_NUM_ITEM = re.compile(r"^(\d)\.")
_CN = "一二三四五六七八九"
_CIRCLED = "①②③④⑤⑥⑦⑧⑨"

# how the same word is written in other reports (each pair: template word → what some print)
YEAR_WORDS = (("本年新收", ("本年度新收", "年度新收", "今年新收")),
              ("上年结转", ("上年度结转", "上一年度结转", "去年结转")),
              ("结转下年度继续办理", ("结转下年继续办理", "结转下一年度继续办理", "结转至下年度继续办理")),
              ("本年度办理结果", ("本年办理结果", "年度办理结果")),
              ("本年制发件数", ("本年度制发件数",)), ("本年废止件数", ("本年度废止件数",)),
              ("本年处理决定数量", ("本年度处理决定数量",)), ("本年收费金额", ("本年度收费金额",)),
              ("本年新制作数量", ("本年度新制作数量",)), ("本年新公开数量", ("本年度新公开数量",)))
SCOPE_WORDS = (("政府信息公开申请数量", ("申请数量", "政府信息公开申请件数", "申请件数", "信息公开申请数")),
               ("予以公开", ("予以公开政府信息", "同意公开")),
               ("属于国家秘密", ("属于国家秘密的",)),
               ("本机关不掌握相关政府信息", ("本机关不掌握相关信息", "本机关不掌握该政府信息")),
               ("重复申请", ("重复申请的",)),
               ("继续办理", ("继续办理的申请数量",)))
# traditional (or variant) characters some reports (Hong Kong, Taiwan, or a font) print
TRADITIONAL = str.maketrans({
    "请": "請", "处": "處", "结": "結", "转": "轉", "总": "總", "计": "計", "开": "開", "关": "關",
    "类": "類", "务": "務", "复": "復", "议": "議", "讼": "訟", "诉": "訴", "维": "維", "纠": "糾",
    "审": "審", "国": "國", "现": "現", "补": "補", "举": "舉", "报": "報", "访": "訪", "费": "費",
    "缴": "繳", "规": "規", "发": "發", "废": "廢", "许": "許", "罚": "罰", "强": "強", "购": "購",
    "项": "項", "数": "數", "业": "業", "织": "織", "机": "機", "构": "構", "险": "險", "护": "護",
    "权": "權", "过": "過", "执": "執", "询": "詢", "没": "沒", "内": "內", "确": "確", "认": "認",
    "获": "獲", "单": "單", "门": "門", "会": "會", "组": "組", "属": "屬", "与": "與", "这": "這",
    "经": "經", "无": "無", "当": "當", "书": "書", "决": "決", "营": "營", "两": "兩",
})


def _label_cells(table: DrawnTable, headers: bool = False) -> list[int]:
    roles = (LABEL, HEADER) if headers else (LABEL,)
    return [i for i, c in enumerate(table.cells) if c.role in roles and c.text]


def _retext(table: DrawnTable, edit: Callable[[str], str], headers: bool = False) -> DrawnTable:
    cells = list(table.cells)
    for i in _label_cells(table, headers):
        cells[i] = replace(cells[i], text=edit(cells[i].text))
    return replace(table, cells=tuple(cells))


def _words(rng: random.Random, pairs) -> Callable[[str], str]:
    chosen = {word: rng.choice(others) for word, others in pairs}

    def edit(text: str) -> str:
        for word, other in chosen.items():
            if word in text:
                return text.replace(word, other, 1)
        return text
    return edit


def year_words(rng: random.Random, table: DrawnTable) -> DrawnTable:
    return _retext(table, _words(rng, YEAR_WORDS), headers=True)


def scope_words(rng: random.Random, table: DrawnTable) -> DrawnTable:
    return _retext(table, _words(rng, SCOPE_WORDS))


def numbering(rng: random.Random, table: DrawnTable) -> DrawnTable:
    """Every level of numbering printed in another style, the same style for the whole report."""
    return _retext(table, numbering_edit(rng))


def numbering_edit(rng: random.Random) -> Callable[[str], str]:
    """A label's numbering in another style per level (chosen once: one style per report)."""
    section = rng.choice(("{n}.", "({c})", "{n}、", ""))
    group = rng.choice(("{n}.", "{c}、", "{n}、", ""))
    item = rng.choice(("({n})", "{n}、", "{o}", "{n}．", ""))

    def styled(style: str, k: int) -> str:
        return style.format(n=k + 1, c=_CN[k], o=_CIRCLED[k]).replace("(", "（").replace(")", "）")

    def edit(text: str) -> str:
        for pattern, style, index in ((_NUM_SECTION, section, lambda m: _CN.index(m[1])),
                                      (_NUM_GROUP, group, lambda m: _CN.index(m[1])),
                                      (_NUM_ITEM, item, lambda m: int(m[1]) - 1)):
            m = pattern.match(text)
            if m:
                return styled(style, index(m)) + text[m.end():]
        return text
    return edit


def _pick_labels(rng: random.Random, table: DrawnTable, n: int, min_len: int = 6) -> list[int]:
    picks = [i for i in _label_cells(table) if len(_bare(table.cells[i].text)) >= min_len]
    return rng.sample(picks, min(n, len(picks)))


def _bare(text: str) -> str:
    for pattern in (_NUM_SECTION, _NUM_GROUP, _NUM_ITEM):
        m = pattern.match(text)
        if m:
            return text[m.end():]
    return text


def typo(rng: random.Random, table: DrawnTable) -> DrawnTable:
    """One character dropped, or two neighbours swapped, in one to three labels."""
    cells = list(table.cells)
    for i in _pick_labels(rng, table, rng.randint(1, 3)):
        text = cells[i].text
        head = len(text) - len(_bare(text))
        at = rng.randint(head, len(text) - 2)
        if text[at] in "()（）“”" or text[at + 1] in "()（）“”":
            continue
        text = (text[:at] + text[at + 1:]) if rng.random() < 0.5 else (text[:at] + text[at + 1] + text[at] + text[at + 2:])
        cells[i] = replace(cells[i], text=text)
    return replace(table, cells=tuple(cells))


def spaces(rng: random.Random, table: DrawnTable) -> DrawnTable:
    """Spaces inside labels: between every character (``本 年 新 收``) or at one place."""
    return _retext(table, spaces_edit(rng), headers=True)


def spaces_edit(rng: random.Random) -> Callable[[str], str]:
    def edit(text: str) -> str:
        if rng.random() < 0.4:
            return text
        if len(text) <= 6 and rng.random() < 0.5:
            return " ".join(text)
        at = rng.randint(1, max(1, len(text) - 1))
        return text[:at] + rng.choice((" ", "  ", "\u3000")) + text[at:]
    return edit


def traditional(rng: random.Random, table: DrawnTable) -> DrawnTable:
    return _retext(table, lambda t: t.translate(TRADITIONAL), headers=True)


def serial_column(rng: random.Random, table: DrawnTable) -> DrawnTable:
    """Table 三's numbering in a 序号 column of its own before the labels: every cell moves one
    column right; a numbered label gives its numbering to a new cell in column 0."""
    if table.key != "table3":
        return table
    head = min(c.row for c in table.cells if c.role != HEADER)
    cells = [replace(c, col=c.col + 1) for c in table.cells]
    out = [DrawnCell(HEADER, 0, 0, rowspan=head, text="序号")]
    covered: set[int] = set(range(head))
    for i, c in enumerate(cells):
        if c.role != LABEL or c.col != 1:
            continue
        m = next((p.match(c.text) for p in (_NUM_SECTION, _NUM_GROUP) if p.match(c.text)), None)
        if m is None:
            continue
        out.append(DrawnCell(LABEL, c.row, 0, rowspan=c.rowspan, text=m.group(0).rstrip("、")))
        cells[i] = replace(c, text=c.text[m.end():])
        covered |= set(range(c.row, c.row + c.rowspan))
    n_rows = max(c.row + c.rowspan for c in cells)
    out += [DrawnCell(LABEL, r, 0) for r in range(n_rows) if r not in covered]
    return replace(table, cells=tuple(cells + out))


# ------------------------------------------------------------------ structure

NOTES = ("注：本表数据统计时间为{y}年1月1日至{y}年12月31日。",
         "注：“总计”栏中包含通过网络平台收到的申请{k}件。",
         "注：1.本表数据由各科室汇总；2.表中“0”表示无此项情况。",
         "备注：本年度依申请公开事项中，有{k}件为同一申请人重复提出。")
UNIT_LINES = {"table2": ("单位：件、万元", "（单位：件）"), "table3": ("单位：件", "（单位：件）", "计量单位：件"),
              "table4": ("单位：件", "（单位：件）")}
CAPTIONS = {"table2": ("表一：主动公开政府信息情况", "主动公开政府信息情况统计表"),
            "table3": ("表二：收到和处理政府信息公开申请情况", "收到和处理政府信息公开申请情况统计表",
                       "三、收到和处理政府信息公开申请情况"),
            "table4": ("表三：政府信息公开行政复议、行政诉讼情况", "政府信息公开行政复议、行政诉讼情况统计表")}
SUBROWS = {"new_received": ("其中：网上申请", "其中：当面申请", "其中:信函申请"),
           "granted": ("其中：主动公开后告知", "其中：当场答复")}
# table 三 rows a report may leave out (never the first row of a group: it shares the group's line)
OMITTABLE = ("denied.administrative_query", "denied.enforcement_file", "unable.still_unclear",
             "not_processed.confirm_existing", "not_processed.excessive", "other.other")


def _insert_row(table: DrawnTable, after: int, new: list[DrawnCell]) -> DrawnTable:
    """A grid row inserted below grid row ``after``: rows below move down, spans across grow."""
    cells = []
    for c in table.cells:
        if c.row > after:
            c = replace(c, row=c.row + 1)
        elif c.row + c.rowspan - 1 > after:
            c = replace(c, rowspan=c.rowspan + 1)
        cells.append(c)
    return replace(table, cells=tuple(cells + [replace(c, row=after + 1) for c in new]))


def _delete_row(table: DrawnTable, row: int) -> DrawnTable:
    cells = []
    for c in table.cells:
        if c.row == row and c.rowspan == 1:
            continue
        if c.row > row:
            c = replace(c, row=c.row - 1)
        elif c.row + c.rowspan - 1 >= row:
            c = replace(c, rowspan=c.rowspan - 1)
        cells.append(c)
    return replace(table, cells=tuple(cells))


def _row_of(table: DrawnTable, key: str) -> int:
    return next(c.row for c in table.cells if c.role == VALUE and c.cell and c.cell[0] == key)


def note_row(rng: random.Random, table: DrawnTable, year: int) -> DrawnTable:
    """A ``注：…`` row under the table, one cell over all its columns (numbers in it are prose)."""
    text = rng.choice(NOTES).format(y=year, k=rng.randint(1, 9))
    return replace(table, cells=table.cells + (DrawnCell(LABEL, table.n_rows, 0, colspan=table.n_cols, text=text),))


def subrow(rng: random.Random, table: DrawnTable, values: dict) -> DrawnTable:
    """An extra ``其中：…`` row of table 三 under 一 or (一), its values a part of the row above."""
    key = rng.choice(tuple(SUBROWS))
    parent = values["table3"][key]
    cols = list(parent)
    part = {c: (parent[c] // 2 if isinstance(parent[c], int) else 0) for c in cols[:-1]}
    part[cols[-1]] = sum(part.values())
    r = _row_of(table, key)
    label_col = min(c.col for c in table.cells if c.row == r and c.role == LABEL and c.rowspan == 1)
    first_value = min(c.col for c in table.cells if c.row == r and c.role == VALUE)
    new = [DrawnCell(LABEL, 0, label_col, colspan=first_value - label_col, text=rng.choice(SUBROWS[key]))]
    new += [DrawnCell(VALUE, 0, first_value + j, text=str(part[c])) for j, c in enumerate(cols)]
    return _insert_row(table, r, new)


# ------------------------------------------------------------------ values

FULL_DIGITS = str.maketrans("0123456789.", "０１２３４５６７８９．")
ZERO_DASHES = ("—", "-", "——", "－", "–")
ZERO_NA = ("/", "无", "／")


def _value_cells(template: str, table: str) -> list[tuple[str, str, Kind]]:
    return [cell for row in FORMATS[template].table(table).rows for cell in row.cells]


def _each_value(s: Synthetic, fn: Callable[[str, str, str, Kind, object], object]) -> None:
    """``printed[table][row][col] = fn(table, row, col, kind, printed)`` for every value cell."""
    for t in TABLES:
        for r, c, kind in _value_cells(s.template, t):
            if r in s.printed[t] and c in s.printed[t][r]:
                s.printed[t][r][c] = fn(t, r, c, kind, s.printed[t][r][c])


def fullwidth_digits(rng: random.Random, s: Synthetic, values: dict) -> None:
    _each_value(s, lambda t, r, c, k, v: str(v).translate(FULL_DIGITS) if isinstance(v, (int, float))
                and rng.random() < 0.6 else v)


def thousands(rng: random.Random, s: Synthetic, values: dict) -> None:
    """Table 二's stock columns (no identity ties them to another cell) made large and printed
    with thousands separators (``12,345``)."""
    stock = {"in_force", "total_published", "items_prev_year"}

    def edit(t, r, c, k, v):
        if t != "table2" or c not in stock or not isinstance(v, int):
            return v
        big = rng.randint(1000, 250000)
        values[t][r][c] = big
        return f"{big:,}"
    _each_value(s, edit)


def units(rng: random.Random, s: Synthetic, values: dict) -> None:
    """A unit after the digits: counts as ``12件`` (or 个/项), amounts as ``5万元``."""
    unit = rng.choice(("件", "件", "个", "项"))

    def edit(t, r, c, k, v):
        if not isinstance(v, (int, float)) or rng.random() < 0.3:
            return v
        if k == Kind.AMOUNT:
            return f"{v}万元"
        return f"{v}{unit}" if k == Kind.COUNT else v
    _each_value(s, edit)


def amounts(rng: random.Random, s: Synthetic, values: dict) -> None:
    """Amounts printed with two decimals (``0.00``, ``12.50``)."""
    def edit(t, r, c, k, v):
        if k != Kind.AMOUNT or not isinstance(v, (int, float)) or round(v, 2) != v:
            return v  # an amount with more decimals keeps them all
        return f"{v:.2f}"
    _each_value(s, edit)


def _zeros(marks: tuple[str, ...], share: float) -> Callable[[random.Random, Synthetic, dict], None]:
    def apply(rng: random.Random, s: Synthetic, values: dict) -> None:
        mark = rng.choice(marks)

        def edit(t, r, c, k, v):
            if v == 0 and not isinstance(v, str) and rng.random() < share:
                values[t][r][c] = None
                return mark
            return v
        _each_value(s, edit)
    return apply


# ------------------------------------------------------------------ the kinds

TABLE_LABEL_EDITS: dict[str, Callable[[random.Random, DrawnTable], DrawnTable]] = {
    "year_words": year_words, "scope_words": scope_words, "numbering": numbering, "serial_column": serial_column,
    "typo": typo, "spaces": spaces, "traditional": traditional,
}
VALUE_EDITS: dict[str, Callable[[random.Random, Synthetic, dict], None]] = {
    "fullwidth_digits": fullwidth_digits, "thousands": thousands, "units": units, "amounts": amounts,
    "zero_dash": _zeros(ZERO_DASHES, 0.7), "zero_blank": _zeros(("",), 0.7), "zero_na": _zeros(ZERO_NA, 0.7),
}
STRUCTURE = ("note_row", "unit_line", "caption", "subrow", "row_omitted")

KINDS: dict[str, WildKind] = {k.name: k for k in (
    WildKind("year_words", "label", "本年 → 本年度/年度/今年, 上年 → 上一年度, in labels and headers"),
    WildKind("scope_words", "label", "政府信息公开 dropped or added, 数量 → 件数/数, a trailing 的"),
    WildKind("numbering", "label", "一、 ↔ 1. ↔ （一） ↔ ① ↔ none, one style per report"),
    WildKind("serial_column", "label", "table 三's numbering in a 序号 column of its own"),
    WildKind("typo", "label", "one character dropped or two swapped in one to three labels"),
    WildKind("spaces", "label", "spaces (ASCII or U+3000) inside labels and headers"),
    WildKind("traditional", "label", "labels and headers in traditional characters"),
    WildKind("fullwidth_digits", "value", "digits printed full-width (１２)"),
    WildKind("thousands", "value", "table 二's stocks ≥ 1,000 printed with thousands separators"),
    WildKind("units", "value", "a unit after the digits: 12件 / 12个 / 5万元"),
    WildKind("amounts", "value", "amounts with two decimals: 0.00, 12.50"),
    WildKind("zero_dash", "value", "zeros printed as a dash (— - —— － –): null by schema.md"),
    WildKind("zero_blank", "value", "zeros left blank: null by schema.md"),
    WildKind("zero_na", "value", "zeros printed as / or 无: null by schema.md"),
    WildKind("note_row", "structure", "a 注：… row (with numbers) under tables 三 and 四"),
    WildKind("unit_line", "structure", "a 单位：件 line above each table"),
    WildKind("caption", "structure", "the table's caption printed again above it (表二：…统计表)"),
    WildKind("subrow", "structure", "an extra 其中：… sub-row in table 三 (under 一 or (一))"),
    WildKind("row_omitted", "structure", "a row of table 三 left out (its values: null)"),
    WildKind("mixed", "mixed", "one label, one value and one structure deviation together"),
)}


MIXED_FROM = ("year_words", "scope_words", "numbering", "typo", "spaces", "fullwidth_digits", "thousands", "units",
              "amounts", "zero_dash", "zero_na", "note_row", "unit_line", "caption", "subrow")


def kinds_of(rng: random.Random, kind: str) -> tuple[str, ...]:
    """The deviations ``kind`` stands for: itself, or for ``mixed`` three of :data:`MIXED_FROM`
    (one of each family where it can)."""
    if kind != "mixed":
        return (kind,)
    by_family = {f: [k for k in MIXED_FROM if KINDS[k].family == f] for f in ("label", "value", "structure")}
    return tuple(rng.choice(ks) for ks in by_family.values())


def apply(rng: random.Random, kind: str, s: Synthetic) -> tuple[Page, dict[str, dict]]:
    """The page of ``s`` with deviation ``kind`` and the values a correct parser reads from it."""
    values = s.expected_values()
    kinds = kinds_of(rng, kind)
    for k in kinds:
        if k in VALUE_EDITS:
            VALUE_EDITS[k](rng, s, values)
            derive(s.template, values["table3"])
    page = s.page()
    for k in kinds:
        _edit_page(rng, k, s, page, values)
    return page, values


def _edit_page(rng: random.Random, kind: str, s: Synthetic, page: Page, values: dict[str, dict]) -> None:
    for part in page.parts:
        table = part.table
        if table is None:
            continue
        if kind in TABLE_LABEL_EDITS:
            part.table = TABLE_LABEL_EDITS[kind](rng, table)
        elif kind == "note_row" and table.key in ("table3", "table4"):
            part.table = note_row(rng, table, s.profile.year)
        elif kind == "unit_line":
            part.paragraphs.append(rng.choice(UNIT_LINES[table.key]))
        elif kind == "caption":
            part.paragraphs.append(rng.choice(CAPTIONS[table.key]))
        elif kind == "subrow" and table.key == "table3":
            part.table = subrow(rng, table, values)
        elif kind == "row_omitted" and table.key == "table3":
            keys = [k for k in OMITTABLE if k in values["table3"]]
            key = rng.choice(keys)
            part.table = _delete_row(table, _row_of(table, key))
            values["table3"][key] = {c: None for c in values["table3"][key]}
            derive(s.template, values["table3"])


# ------------------------------------------------------------------ shapes of labelled reports

# the label deviations whose every report still names each row unambiguously, applied together
PAGE_LABEL_EDITS = ("year_words", "scope_words", "numbering", "traditional", "spaces")
_OFFICIAL_MARKS = (("本年新收",), ("信息内容",), ("行政复议", "行政诉讼"))


def _rng(stem: str, salt: str) -> random.Random:
    return random.Random(f"wild:{salt}:{stem}")


def _official_tables(tree) -> list:
    """The official tables of a page (二, 三, 四): innermost tables holding one of their marks."""
    out = []
    for t in tree.iter("table"):
        if t.find(".//table") is not None:
            continue
        text = "".join(t.text_content().split())
        if any(all(m in text for m in marks) for marks in _OFFICIAL_MARKS):
            out.append(t)
    return out


def _set_text(cell, text: str) -> None:
    """A cell's whole text replaced, its attributes (spans) kept."""
    attrib = dict(cell.attrib)
    cell.clear()
    cell.attrib.update(attrib)
    cell.text = text


def _cells(tree):
    for table in _official_tables(tree):
        yield from table.iter("td", "th")


def labels_page(source) -> str:
    """A labelled report's page with every label deviation that keeps rows nameable applied at
    once (year words, scope words, numbering style, traditional characters, spaces): the cells
    of the official tables that are not numbers. The values, and so the expected JSON, do not
    change."""
    from .shapes.sources import page_tree

    tree = page_tree(source.html)
    rng = _rng(source.stem, "labels")
    edits = [_words(rng, YEAR_WORDS), _words(rng, SCOPE_WORDS), numbering_edit(rng),
             lambda t: t.translate(TRADITIONAL), spaces_edit(rng)]
    from ..extract.tokens import cell_value

    for cell in _cells(tree):
        text = " ".join(cell.text_content().split())
        if cell_value(text) is not None:
            continue  # a value, a mark or a blank cell, not a label
        for edit in edits:
            text = edit(text)
        _set_text(cell, text)
    return _serialize(tree)


def values_page(source) -> str:
    """A labelled report's page with its numbers printed as agencies print them: full-width
    digits, and counts of tables 三 and 四 with 件 after them. The values do not change."""
    from .shapes.sources import page_tree

    tree = page_tree(source.html)
    rng = _rng(source.stem, "values")
    for table in _official_tables(tree):
        counts = "本年新收" in "".join(table.text_content().split()) or "行政复议" in table.text_content()
        for cell in table.iter("td", "th"):
            text = cell.text_content().strip()
            if not re.fullmatch(r"\d+", text):
                continue
            if counts and rng.random() < 0.4:
                text += "件"
            if rng.random() < 0.5:
                text = text.translate(FULL_DIGITS)
            _set_text(cell, text)
    return _serialize(tree)


def structure_page(source) -> str:
    """A labelled report's page with the structure agencies add around its tables: a unit line
    above each official table, table 三's caption repeated above it, a 注 row (with numbers)
    under tables 三 and 四, and a 其中 row (a part of the row above) under table 三's first row.
    The values do not change."""
    from lxml.html import builder as E

    from .shapes.sources import page_tree

    tree = page_tree(source.html)
    rng = _rng(source.stem, "structure")
    for table in _official_tables(tree):
        text = "".join(table.text_content().split())
        is_t3 = "本年新收" in text
        parent = table.getparent()
        at = parent.index(table)
        key = "table3" if is_t3 else "table4" if "行政复议" in text else "table2"
        before = [E.P(rng.choice(UNIT_LINES[key]))]
        if is_t3:
            before.insert(0, E.P(rng.choice(CAPTIONS["table3"])))
        for k, el in enumerate(before):
            parent.insert(at + k, el)
        rows = list(table.iter("tr"))
        width = max(sum(int(c.get("colspan") or 1) for c in r.iter("td", "th")) for r in rows)
        if is_t3 or "行政复议" in text:
            note = E.TR(E.TD(rng.choice(NOTES).format(y=2000 + rng.randint(19, 25), k=rng.randint(1, 9)),
                             colspan=str(width)))
            rows[-1].addnext(note)
        if is_t3:
            _sub_row(rng, rows)
    return _serialize(tree)


def _sub_row(rng: random.Random, rows: list) -> None:
    """A copy of the 本年新收 row labelled 其中:… with half its numbers, right under it."""
    import copy

    first = next((r for r in rows if "本年新收" in "".join(r.text_content().split())), None)
    if first is None:
        return
    sub = copy.deepcopy(first)
    labelled = False
    for cell in sub.iter("td", "th"):
        text = cell.text_content().strip()
        if re.fullmatch(r"\d+", text):
            _set_text(cell, str(int(text) // 2))
        elif text and not labelled:
            _set_text(cell, rng.choice(SUBROWS["new_received"]))
            labelled = True
        elif text:
            _set_text(cell, "")
    first.addnext(sub)


def _serialize(tree) -> str:
    from lxml import html as lxml_html

    return lxml_html.tostring(tree, doctype="<!DOCTYPE html>", encoding="unicode")


__all__ = [
    "KINDS",
    "SCOPE_WORDS",
    "TRADITIONAL",
    "YEAR_WORDS",
    "WildKind",
    "apply",
    "kinds_of",
    "note_row",
    "numbering",
    "scope_words",
    "serial_column",
    "spaces",
    "subrow",
    "traditional",
    "typo",
    "year_words",
]
