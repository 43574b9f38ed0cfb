"""The official formats of the annual report, as data.

Every printed label, every key of ``schema.md`` and every table layout is spelled here
once; the extractor, the checks and the renderer read it. A table is a sequence of
*printed rows*: the label a report prints and the cells (``row_key``, ``column_key``)
its values fill, in printed order. Group labels (``(三)不予公开``) sit above their
sub-rows and in the official layout share a printed line with the first of them.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from enum import Enum
from functools import cached_property, lru_cache

from .rules import RULES

SUM_POSITIONS_KEPT = 1024  # (identity, printed row) pairs whose sum positions are kept; the formats have about 100


class Kind(str, Enum):
    """What a value cell may hold."""

    COUNT = "count"  # a non-negative integer
    SIGNED = "signed"  # an integer that may be negative (本年增/减)
    AMOUNT = "amount"  # a number of 万元, fractions allowed


@dataclass(frozen=True)
class Measure:
    """One value column: its key, printed header and kind."""

    key: str
    label: str
    kind: Kind = Kind.COUNT
    variants: tuple[str, ...] = ()


@dataclass(frozen=True)
class PrintedRow:
    """A row as the official format prints it and the cells it fills."""

    key: str  # the row key of schema.md (table 四: the whole data row, "results")
    label: str | None  # None for table 四's unlabelled data row
    cells: tuple[tuple[str, str, Kind], ...]  # (row_key, column_key, kind) in printed order
    variants: tuple[str, ...] = ()
    group: str | None = None  # key of the Group printed above this row
    caption: str | None = None  # table 二: the 第二十条第(N)项 caption over this row
    sums: tuple[tuple[int, tuple[int, ...]], ...] = ()  # (total cell, its part cells), by index
    column_labels: tuple[str, ...] = ()  # table 二: the printed header of each value column

    @cached_property
    def width(self) -> int:
        """The number of cells (kept: the aligner asks for it at every row it reads)."""
        return len(self.cells)


class Per(str, Enum):
    """Where an identity holds: in every column of its table (its terms are rows) or in
    every row (its terms are columns)."""

    COLUMN = "column"  # sum of the left rows = sum of the right rows, in each column
    ROW = "row"  # sum of the left columns = sum of the right columns, in each row that has them


@dataclass(frozen=True)
class Identity:
    """One hard rule of a table, as data: the sum of the ``left`` terms equals the sum of the
    ``right`` ones, in every column (``Per.COLUMN``: the terms are row keys, table 三's
    ``一+二 = (七)+四``) or in every row (``Per.ROW``: the terms are column keys, a row's
    总计). A broken identity raises ``code`` (a code of ``ogi.template.rules``)."""

    code: str
    left: tuple[str, ...]
    right: tuple[str, ...]
    per: Per = Per.COLUMN

    @property
    def terms(self) -> tuple[str, ...]:
        return self.left + self.right


@lru_cache(maxsize=SUM_POSITIONS_KEPT)
def sum_positions(identity: Identity, cells: tuple[tuple[str, str, Kind], ...]) -> tuple[tuple[int, tuple[int, ...]], ...]:
    """Where a row identity (``Per.ROW``, one total on its left) falls in a printed row:
    (index of the total cell, indices of its part cells) for each row key of ``cells`` that
    has every column of it, in printed order. (Kept per identity and row: the checks ask
    it of every report.)"""
    if identity.per is not Per.ROW or len(identity.left) != 1:
        return ()
    at = {(r, c): i for i, (r, c, _) in enumerate(cells)}
    out = []
    for row_key in dict.fromkeys(r for r, _, _ in cells):
        wanted = [(row_key, c) for c in identity.terms]
        if all(w in at for w in wanted):
            total, *parts = (at[w] for w in wanted)
            out.append((total, tuple(parts)))
    return tuple(out)


def _summed(rows: tuple[PrintedRow, ...], identities: tuple[Identity, ...]) -> tuple[PrintedRow, ...]:
    """The printed rows with their ``sums`` read off the table's row identities."""
    return tuple(replace(r, sums=tuple(s for i in identities for s in sum_positions(i, r.cells))) for r in rows)


@dataclass(frozen=True)
class Group:
    """A label printed over several rows (its first sub-row shares its line)."""

    key: str
    label: str
    variants: tuple[str, ...] = ()


@dataclass(frozen=True)
class TableSpec:
    """One of the three statistical tables in one format."""

    key: str  # "table2" | "table3" | "table4"
    title: str  # the section heading the table sits under
    rows: tuple[PrintedRow, ...]
    groups: tuple[Group, ...] = ()
    headers: tuple[str, ...] = ()  # header words, captions and notes to recognise and skip
    derived: dict[str, tuple[str, ...]] = field(default_factory=dict)  # row = sum of rows
    identities: tuple[Identity, ...] = ()  # the table's hard rules, each with its finding code

    def row(self, key: str) -> PrintedRow:
        return next(r for r in self.rows if r.key == key)

    def group(self, key: str) -> Group:
        return next(g for g in self.groups if g.key == key)

    @property
    def column_identities(self) -> tuple[Identity, ...]:
        """Identities over rows that hold in every column (table 三's 勾稽关系)."""
        return tuple(i for i in self.identities if i.per is Per.COLUMN)

    @property
    def row_identities(self) -> tuple[Identity, ...]:
        """Identities over columns that hold in every row (a row's 总计)."""
        return tuple(i for i in self.identities if i.per is Per.ROW)

    @property
    def name(self) -> TableName:
        """How a message, a sheet or a heading names the table (``表三``, ``依申请公开``)."""
        return TABLE_NAMES[self.key]

    def output_rows(self) -> dict[str, tuple[str, ...]]:
        """Row key → column keys, as the JSON output lists them (derived rows included,
        placed where the format prints their group)."""
        firsts = {parts[0]: derived for derived, parts in self.derived.items()}
        out: dict[str, list[str]] = {}
        for printed in self.rows:
            for row_key, col_key, _ in printed.cells:
                if row_key in firsts and firsts[row_key] not in out:
                    out[firsts[row_key]] = [c for r, c, _ in printed.cells if r == row_key]
                out.setdefault(row_key, []).append(col_key)
        return {k: tuple(v) for k, v in out.items()}


@dataclass(frozen=True)
class Format:
    """An official format: its name, the notice that set it, the years it serves, its three
    tables. (It is told from the document by the phrases only it prints: see
    ``ogi.extract.detect_format``.)"""

    name: str  # "2019" | "2021"
    notice: str
    years: tuple[int, int]  # report years it is meant for (inclusive)
    table2: TableSpec
    table3: TableSpec
    table4: TableSpec

    @property
    def tables(self) -> tuple[TableSpec, TableSpec, TableSpec]:
        return (self.table2, self.table3, self.table4)

    def table(self, key: str) -> TableSpec:
        return {"table2": self.table2, "table3": self.table3, "table4": self.table4}[key]

    @property
    def value_cells(self) -> int:
        """How many values the format's three tables print (2019: 22 + 161 + 15)."""
        return sum(row.width for spec in self.tables for row in spec.rows)


@dataclass(frozen=True)
class TableName:
    """A table's names: ``表三`` as a message says it, its topic (``依申请公开``), English."""

    zh: str
    topic: str
    en: str


TABLE_NAMES = {
    "table2": TableName("表二", "主动公开", "table 2"),
    "table3": TableName("表三", "依申请公开", "table 3"),
    "table4": TableName("表四", "复议诉讼", "table 4"),
}


# ---------------------------------------------------------------- sections

@dataclass(frozen=True)
class Section:
    """One of the six sections: number, canonical heading, and words that identify it."""

    key: str  # "s1" … "s6"
    numeral: str
    heading: str
    keywords: tuple[str, ...]  # any of these after the numeral marks the heading


SECTIONS: tuple[Section, ...] = (
    Section("s1", "一", "一、总体情况", ("总体情况", "工作开展情况", "概述", "基本工作情况", "基本情况", "工作情况")),
    Section("s2", "二", "二、主动公开政府信息情况", ("主动公开政府信息情况", "主动公开政府信息", "主动公开情况")),
    Section("s3", "三", "三、收到和处理政府信息公开申请情况",
            ("收到和处理政府信息公开申请情况", "收到和处理政府信息公开申请", "依申请公开政府信息情况")),
    Section("s4", "四", "四、政府信息公开行政复议、行政诉讼情况",
            ("政府信息公开行政复议", "行政复议、行政诉讼", "行政复议和行政诉讼", "因政府信息公开工作被申请行政复议",
             "行政复议行政诉讼")),
    Section("s5", "五", "五、存在的主要问题及改进情况",
            ("存在的主要问题", "存在问题", "主要问题及", "政府信息公开工作存在的主要问题")),
    Section("s6", "六", "六、其他需要报告的事项", ("其他需要报告", "其它需要报告")),
)


# ---------------------------------------------------------------- table 三 (both formats)

APPLICANT_COLUMNS: tuple[Measure, ...] = (
    Measure("natural_person", "自然人"),
    Measure("commercial", "商业企业"),
    Measure("research", "科研机构"),
    Measure("social_welfare", "社会公益组织"),
    Measure("legal_service", "法律服务机构"),
    Measure("other_org", "其他"),
    Measure("total", "总计"),
)

SUBTOTAL = "小计"  # not in the official format: some reports add this column after 法人或其他组织's five

T3_HEADERS = (
    "(本列数据的勾稽关系为:第一项加第二项之和,等于第三项加第四项之和)",
    "本列数据的勾稽关系为",
    "第一项加第二项之和,等于第三项加第四项之和",
    "申请人情况", "自然人", "法人或其他组织", "商业企业", "科研机构", "社会公益组织", "法律服务机构",
    "其他", "总计", SUBTOTAL,
)


def _t3_row(key: str, label: str, *variants: str, group: str | None = None) -> PrintedRow:
    cells = tuple((key, m.key, Kind.COUNT) for m in APPLICANT_COLUMNS)
    return PrintedRow(key, label, cells, variants, group)


_T3_HEAD = (
    _t3_row("new_received", "一、本年新收政府信息公开申请数量", "本年新收政府信息公开申请数量"),
    _t3_row("carried_over", "二、上年结转政府信息公开申请数量", "上年结转政府信息公开申请数量"),
    _t3_row("granted", "(一)予以公开", "予以公开", group="outcomes"),
    _t3_row("partially_granted", "(二)部分公开(区分处理的,只计这一情形,不计其他情形)", "(二)部分公开",
            "部分公开(区分处理的,只计这一情形,不计其他情形)", group="outcomes"),
    _t3_row("denied.state_secret", "1.属于国家秘密", group="denied"),
    _t3_row("denied.prohibited_by_law", "2.其他法律行政法规禁止公开", "2.其他法律行政止公开",
            "2.其他法律法规禁止公开", group="denied"),
    _t3_row("denied.security_stability", "3.危及“三安全一稳定”", group="denied"),
    _t3_row("denied.third_party_rights", "4.保护第三方合法权益", group="denied"),
    _t3_row("denied.internal_affairs", "5.属于三类内部事务信息", group="denied"),
    _t3_row("denied.process_information", "6.属于四类过程性信息", group="denied"),
    _t3_row("denied.enforcement_file", "7.属于行政执法案卷", group="denied"),
    _t3_row("denied.administrative_query", "8.属于行政查询事项", group="denied"),
    _t3_row("unable.not_held", "1.本机关不掌握相关政府信息", group="unable"),
    _t3_row("unable.needs_creation", "2.没有现成信息需要另行制作", group="unable"),
    _t3_row("unable.still_unclear", "3.补正后申请内容仍不明确", group="unable"),
    _t3_row("not_processed.complaint", "1.信访举报投诉类申请", group="not_processed"),
    _t3_row("not_processed.repeated", "2.重复申请", group="not_processed"),
    _t3_row("not_processed.publication", "3.要求提供公开出版物", group="not_processed"),
    _t3_row("not_processed.excessive", "4.无正当理由大量反复申请", group="not_processed"),
    _t3_row("not_processed.confirm_existing", "5.要求行政机关确认或重新出具已获取信息", group="not_processed"),
)
_T3_TAIL = (
    _t3_row("total", "(七)总计", "七、总计"),
    _t3_row("carried_forward", "四、结转下年度继续办理", "结转下年度继续办理"),
)
_T3_GROUPS = (
    Group("outcomes", "三、本年度办理结果", ("本年度办理结果",)),
    Group("denied", "(三)不予公开", ("不予公开",)),
    Group("unable", "(四)无法提供", ("无法提供",)),
    Group("not_processed", "(五)不予处理", ("不予处理",)),
)
OTHER_SUBROWS = ("other.no_correction", "other.no_fee", "other.other")

# every row: 总计 = the six applicant columns
ROW_TOTAL = Identity("T3_ROW_TOTAL", (APPLICANT_COLUMNS[-1].key,), tuple(m.key for m in APPLICANT_COLUMNS[:-1]), Per.ROW)
# every column: 一 + 二 = (七)总计 + 四 (the 勾稽关系 the form prints under table 三)
BALANCE = Identity("T3_BALANCE", ("new_received", "carried_over"), ("total", "carried_forward"))
_OUTCOMES = tuple(r.key for r in _T3_HEAD[2:])

TABLE3_2019 = TableSpec(
    "table3", "三、收到和处理政府信息公开申请情况",
    _summed(_T3_HEAD + (_t3_row("other", "(六)其他处理", group="outcomes"),) + _T3_TAIL, (ROW_TOTAL,)),
    _T3_GROUPS, T3_HEADERS,
    identities=(ROW_TOTAL, BALANCE, Identity("T3_OUTCOME_TOTAL", ("total",), _OUTCOMES + ("other",))),
)
TABLE3_2021 = TableSpec(
    "table3", "三、收到和处理政府信息公开申请情况",
    _summed(_T3_HEAD + (
        _t3_row("other.no_correction", "1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请",
                "1.申请人无正当理由逾期不补正", group="other"),
        _t3_row("other.no_fee", "2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请",
                "2.申请人逾期未按收费通知要求缴纳费用", group="other"),
        _t3_row("other.other", "3.其他", group="other"),
    ) + _T3_TAIL, (ROW_TOTAL,)),
    _T3_GROUPS + (Group("other", "(六)其他处理", ("其他处理",)),), T3_HEADERS,
    derived={"other": OTHER_SUBROWS},
    identities=(ROW_TOTAL, BALANCE, Identity("T3_OUTCOME_TOTAL", ("total",), _OUTCOMES + OTHER_SUBROWS)),
)

# ---------------------------------------------------------------- table 四 (both formats)

T4_GROUPS = ("review", "litigation_direct", "litigation_after_review")
T4_RESULTS: tuple[Measure, ...] = (
    Measure("upheld", "结果维持"),
    Measure("corrected", "结果纠正"),
    Measure("other", "其他结果"),
    Measure("pending", "尚未审结"),
    Measure("total", "总计"),
)
# each of 复议, 直接起诉, 复议后起诉: 总计 = 维持 + 纠正 + 其他 + 尚未审结
T4_TOTAL = Identity("T4_TOTAL", (T4_RESULTS[-1].key,), tuple(m.key for m in T4_RESULTS[:-1]), Per.ROW)
TABLE4 = TableSpec(
    "table4", "四、政府信息公开行政复议、行政诉讼情况",
    _summed((PrintedRow("results", None, tuple((g, m.key, Kind.COUNT) for g in T4_GROUPS for m in T4_RESULTS)),),
            (T4_TOTAL,)),
    (), ("行政复议", "行政诉讼", "未经复议直接起诉", "复议后起诉") + tuple(m.label for m in T4_RESULTS),
    identities=(T4_TOTAL,),
)
T4_GROUP_LABELS = {"review": "行政复议", "litigation_direct": "行政诉讼(未经复议直接起诉)",
                   "litigation_after_review": "行政诉讼(复议后起诉)"}

# ---------------------------------------------------------------- table 二

CAPTIONS = {n: f"第二十条第({n})项" for n in ("一", "五", "六", "八", "九")}


def _t2_row(key: str, label: str, caption: str, measures: tuple[Measure, ...], *variants: str) -> PrintedRow:
    return PrintedRow(key, label, tuple((key, m.key, m.kind) for m in measures), variants,
                      caption=CAPTIONS[caption], column_labels=tuple(m.label for m in measures))


_DOCS_2021 = (Measure("issued", "本年制发件数"), Measure("repealed", "本年废止件数"),
              Measure("in_force", "现行有效件数"))
_DECISIONS_2021 = (Measure("decisions", "本年处理决定数量"),)
_FEES_2021 = (Measure("amount", "本年收费金额(单位:万元)", Kind.AMOUNT, ("本年收费金额",)),)
TABLE2_2021 = TableSpec(
    "table2", "二、主动公开政府信息情况",
    (
        _t2_row("regulations", "规章", "一", _DOCS_2021),
        _t2_row("normative_documents", "行政规范性文件", "一", _DOCS_2021, "规范性文件"),
        _t2_row("licensing", "行政许可", "五", _DECISIONS_2021),
        _t2_row("punishment", "行政处罚", "六", _DECISIONS_2021),
        _t2_row("coercion", "行政强制", "六", _DECISIONS_2021),
        _t2_row("fees", "行政事业性收费", "八", _FEES_2021),
    ),
    headers=("信息内容",) + tuple(CAPTIONS[n] for n in ("一", "五", "六", "八"))
    + tuple(m.label for m in _DOCS_2021 + _DECISIONS_2021 + _FEES_2021) + ("本年收费金额", "单位:万元")
    # printed with 本年度 for 本年 (docs/wild.md)
    + ("本年度制发件数", "本年度废止件数", "本年度处理决定数量", "本年度收费金额"),
)

_DOCS_2019 = (Measure("made", "本年新制作数量"), Measure("published", "本年新公开数量"),
              Measure("total_published", "对外公开总数量"))
_ITEMS_2019 = (Measure("items_prev_year", "上一年项目数量"), Measure("items_change", "本年增/减", Kind.SIGNED),
               Measure("decisions", "处理决定数量"))
_PROCUREMENT_2019 = (Measure("projects", "采购项目数量"),
                     Measure("amount", "采购总金额", Kind.AMOUNT, ("采购总金额(单位:万元)", "采购总金额(万元)")))
TABLE2_2019 = TableSpec(
    "table2", "二、主动公开政府信息情况",
    (
        _t2_row("regulations", "规章", "一", _DOCS_2019),
        _t2_row("normative_documents", "规范性文件", "一", _DOCS_2019, "行政规范性文件"),
        _t2_row("licensing", "行政许可", "五", _ITEMS_2019),
        _t2_row("other_services", "其他对外管理服务事项", "五", _ITEMS_2019, "其他对外管理服务"),
        _t2_row("punishment", "行政处罚", "六", _ITEMS_2019),
        _t2_row("coercion", "行政强制", "六", _ITEMS_2019),
        _t2_row("fees", "行政事业性收费", "八", _ITEMS_2019[:2]),
        _t2_row("procurement", "政府集中采购", "九", _PROCUREMENT_2019),
    ),
    headers=("信息内容",) + tuple(CAPTIONS.values())
    + tuple(m.label for m in _DOCS_2019 + _ITEMS_2019 + _PROCUREMENT_2019)
    + ("采购总金额(单位:万元)", "采购总金额(万元)", "单位:万元")
    + ("本年度新制作数量", "本年度新公开数量", "本年度增/减"),  # printed with 本年度 for 本年 (docs/wild.md)
)

FORMAT_2019 = Format(
    "2019", "国办公开办函〔2019〕60号", (2019, 2020), TABLE2_2019, TABLE3_2019, TABLE4,
)
FORMAT_2021 = Format(
    "2021", "国办公开办函〔2021〕30号", (2021, 9999), TABLE2_2021, TABLE3_2021, TABLE4,
)
FORMATS: dict[str, Format] = {"2019": FORMAT_2019, "2021": FORMAT_2021}
# the codes a broken identity raises (the hard rules), in the order of ``ogi.template.rules``
def value_column_labels() -> tuple[str, ...]:
    """The printed header of every value column of both formats, with its printed variants:
    table 二's measures (上一年项目数量, 本年增/减, 采购总金额(单位:万元) …), table 三's applicant
    columns and table 四's results — the words a header cell directly over values says (a
    group header such as 行政复议 or 法人或其他组织, a caption, 信息内容 are not among them)."""
    measures = (_DOCS_2019 + _ITEMS_2019 + _PROCUREMENT_2019 + _DOCS_2021 + _DECISIONS_2021 + _FEES_2021
                + APPLICANT_COLUMNS + T4_RESULTS)
    return tuple(dict.fromkeys(text for m in measures for text in (m.label, *m.variants)))


IDENTITY_CODES = tuple(r.code for r in RULES
                       if any(r.code == i.code for f in FORMATS.values() for t in f.tables for i in t.identities))


def expected_format(year: int | None) -> set[str]:
    """The format names a report of this year may use: those meant for it, and for 2019 and
    earlier "legacy" (the 2019 format was only encouraged for 2019 reports)."""
    if year is None:
        return {"2019", "2021", "legacy"}
    meant = {f.name for f in FORMATS.values() if f.years[0] <= year <= f.years[1]}
    return meant | ({"legacy"} if year <= 2019 else set())
