"""The ledger's vocabulary: its columns, and the values its choice columns take.

A ledger (依申请公开台账) has one row per application. Its applicant types are table 三's
six applicant columns and its outcomes are table 三's 办理结果 rows, both with the labels
:mod:`ogi.template` prints (``自然人`` … ``其他``; ``予以公开``, ``不予公开·属于国家秘密`` …);
its review and litigation results are table 四's. Nothing here spells a label of the
format again: the choices are built from the template, so a ledger row counts into the
very cell whose label it carries.

The outcomes are those of both formats: the 2021 format's three 其他处理 sub-rows and the
2019 format's single 其他处理. Counting a 2021-format year, a row marked with the 2019
label is a problem (which of the three?); counting a 2019-format year, the three
sub-rows count as the one row.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from typing import cast

from ..render.layout import printed, unnumbered
from ..template import APPLICANT_COLUMNS, FORMATS, T4_RESULTS, label_key

OUTCOME_GROUPS = ("denied", "unable", "not_processed", "other")  # groups whose rows are named group·row
T3_OUTCOMES_FIRST, T3_OUTCOMES_LAST = "granted", "total"  # the outcome rows lie between (total excluded)


@dataclass(frozen=True)
class Column:
    key: str
    label: str  # the header a ledger prints
    kind: str  # date | text | applicant | outcome | yesno | result
    required: bool = False
    width: int = 14


COLUMNS: tuple[Column, ...] = (
    Column("id", "编号", "text", width=10),
    Column("received", "收到申请日期", "date", required=True),
    Column("applicant_type", "申请人类型", "applicant", required=True),
    Column("applicant", "申请人", "text"),
    Column("channel", "申请方式", "text", width=10),
    Column("summary", "申请内容摘要", "text", width=40),
    Column("correction_requested", "补正通知日期", "date"),
    Column("correction_received", "收到补正日期", "date"),
    Column("extended", "延期答复", "yesno", width=10),
    Column("replied", "答复日期", "date"),
    Column("outcome", "办理结果", "outcome", width=36),
    Column("review_filed", "行政复议申请日期", "date"),
    Column("review_result", "行政复议结果", "result"),
    Column("litigation_filed", "行政诉讼起诉日期", "date"),
    Column("litigation_result", "行政诉讼结果", "result"),
)
BY_KEY = {c.key: c for c in COLUMNS}
CHANNELS = ("当面", "信函", "网络", "传真", "电子邮件", "其他")  # suggested; any text is accepted
YES, NO = "是", "否"


@cache
def applicant_types() -> dict[str, str]:
    """Applicant type label (as table 三 prints the column) → column key."""
    return {m.label: m.key for m in APPLICANT_COLUMNS if m.key != "total"}


@cache
def outcomes() -> dict[str, str]:
    """Outcome label (``予以公开``, ``不予公开·属于国家秘密``, …) → table 三 row key, for the
    outcome rows of both formats, in printed order (2021's first, then 2019's 其他处理)."""
    out: dict[str, str] = {}
    for name in ("2021", "2019"):
        spec = FORMATS[name].table3
        groups = {g.key: g.label for g in spec.groups}
        keys = [r.key for r in spec.rows]
        for row in spec.rows[keys.index(T3_OUTCOMES_FIRST):keys.index(T3_OUTCOMES_LAST)]:
            label = printed(unnumbered(cast(str, row.label)))  # table 三 rows are labelled
            if row.group in OUTCOME_GROUPS:
                label = f"{printed(unnumbered(groups[row.group]))}·{label}"
            out.setdefault(label, row.key)
    return out


@cache
def outcome_keys() -> dict[str, str]:
    """Matching key of every way a clerk may write an outcome → row key: the label, and a
    row's own label or variant where no other outcome shares it."""
    by_key: dict[str, str] = {label_key(label): key for label, key in outcomes().items()}
    seen: dict[str, set[str]] = {}
    for name in ("2021", "2019"):
        for row in FORMATS[name].table3.rows:
            if row.key in by_key.values():
                for text in (cast(str, row.label), *row.variants):
                    seen.setdefault(label_key(unnumbered(text)), set()).add(row.key)
    for k, rows in seen.items():
        if len(rows) == 1:
            by_key.setdefault(k, next(iter(rows)))
    return by_key


@cache
def results() -> dict[str, str]:
    """Review / litigation result label (table 四's: 结果维持 …) → result key."""
    return {m.label: m.key for m in T4_RESULTS if m.key != "total"}


@cache
def result_keys() -> dict[str, str]:
    """Matching key → result key: the label, and the label without 结果 (维持, 纠正, 其他)."""
    out = {}
    for label, key in results().items():
        out[label_key(label)] = key
        out[label_key(label.replace("结果", ""))] = key
    return out
