"""ROLLUP_MISMATCH: a government's tables against the sum of its constituent agencies'.

A government's report covers its own organ (本级), not the sum of its departments: most
governments' tables count the applications the government itself received. A roll-up is
therefore judged only when both hold:

1. the report states an aggregate scope — its text speaks of the whole jurisdiction's
   disclosure work (``全区政府信息公开工作``, ``全市共受理政府信息公开申请3119件``), found by
   :func:`aggregate_scope`; and
2. every constituent agency of that year is known and has a report: the caller (the store)
   passes the parts only when a person has recorded the government's complete list of
   constituents (``ogi agencies members``) and each of them has a report of the year.

Then every count of tables 三 and 四 is compared with the parts' sum
(:func:`rollup_mismatches`); a cell where the government's value or a part's is missing
is not assessed, nor is a year in which a constituent's report is in another format.
Table 二's figures are not sums (a government issues its own 规章), so they are left out.
:func:`check_rollup` is the whole rule, a pure function of the reports and their values;
the store only selects the candidates and saves the findings.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from ..model import Finding, Report
from ..template.arithmetic import all_known
from .prose import sentences

ROLLUP_TABLES = ("table3", "table4")
SHOWN_NAMES = 5  # constituent agencies a finding names before "等"
# the whole jurisdiction as the subject of disclosure work or of applications received
_AGGREGATE = re.compile(r"全(?:省|市|区|县|旗|州|盟)(?:范围内)?(?:各级行政机关|各部门|各单位)?的?"
                        r"(?:政府信息公开工作|政务公开工作|共?(?:收到|受理|新收|办理)[^,。;]{0,10}申请)")

Cells = Mapping[tuple[str, str, str], float | None]  # (table, row, column) → value


@dataclass(frozen=True)
class Constituent:
    """One constituent agency's report of the government's year: its name, format and cells."""

    name: str
    template: str | None
    cells: Cells


def check_rollup(government: Report, cells: Cells, parts: Sequence[Constituent]) -> list[Finding]:
    """ROLLUP_MISMATCH for a government's report (its ``cells``) against the reports of every
    one of its constituents of that year (``parts``: all of them, see the module text):
    judged only when the report states an aggregate scope and every part is in its format."""
    if not parts or any(p.template != government.meta.template for p in parts):
        return []
    if aggregate_scope(government) is None:
        return []
    return rollup_mismatches(cells, [(p.name, p.cells) for p in parts])


def aggregate_scope(report: Report) -> str | None:
    """The sentence in which a report states that it covers its whole jurisdiction, or None."""
    for sentence in sentences(report):
        if _AGGREGATE.search(sentence.text):
            return sentence.text
    return None


def _number(value: float) -> int | float:
    return int(value) if float(value).is_integer() else value


def rollup_mismatches(government: Cells, parts: Sequence[tuple[str, Cells]]) -> list[Finding]:
    """One ROLLUP_MISMATCH per count of tables 三/四 that differs from the parts' sum
    (``parts``: each constituent's name and cells; all of them, see the module text)."""
    if not parts:
        return []
    names = "、".join(name for name, _ in parts[:SHOWN_NAMES]) + ("等" if len(parts) > SHOWN_NAMES else "")
    found = []
    for key, value in sorted(government.items()):
        if key[0] not in ROLLUP_TABLES:
            continue
        values = all_known([cells.get(key) for _, cells in parts])
        if value is None or values is None:
            continue
        total = sum(values)
        if total != value:
            where = ".".join(key)
            g, s = _number(value), _number(total)
            found.append(Finding.of(
                "ROLLUP_MISMATCH",
                f"{where}: 报告称汇总全辖区,为 {g},而所属 {len(parts)} 个机关的报告之和为 {s}({names})",
                f"{where}: the report covers its whole jurisdiction and gives {g}; the sum of its "
                f"{len(parts)} constituent agencies' reports is {s}",
                where))
    return found
