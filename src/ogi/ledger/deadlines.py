"""Statutory reply deadlines of the ledger's applications, in working days.

条例 Art. 33: an agency replies within 20 working days from receiving an application;
with its head's approval it may extend once, by at most 20 working days. Art. 30: an
unclear application is sent back for correction (补正) within 7 working days of receipt,
and the reply period then runs from the day the correction is received; while the
correction is awaited, no clock runs. A period counts from the day after its start (the
day of receipt is not counted) and ends on its last working day.

Working days are the national calendar's: weekends and public holidays off, the make-up
working days (调休, e.g. a Sunday before 春节 or 国庆) on, as the State Council publishes
them each year; the ``chinese-calendar`` package carries that calendar. A date beyond the
years it knows cannot be counted: the row's deadline is then "not assessable", never
guessed from weekdays.

Findings (codes in :mod:`ogi.template.rules`):

- ``REPLY_OVERDUE``: replied after the deadline, or still open after it (as of a date);
- ``REPLY_DUE_SOON``: open, with at most :data:`DUE_SOON_DAYS` working days left;
- ``CORRECTION_LATE``: the correction notice went out after the 7 working days.
"""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass
from datetime import date, timedelta
from functools import cache, lru_cache
from typing import cast

import chinese_calendar

from ..errors import OgiError
from ..model import Finding
from .model import Application, Ledger

REPLY_DAYS = 20  # working days to reply (Art. 33)
EXTENSION_DAYS = 20  # at most, once (Art. 33)
CORRECTION_NOTICE_DAYS = 7  # working days to ask for a correction (Art. 30)
DUE_SOON_DAYS = 5  # working days left at which an open application is flagged
MAX_SPAN_DAYS = 400  # calendar days a count of working days may run over before giving up


class CalendarUnknown(OgiError, ValueError):
    """A date outside the years the holiday calendar knows."""


@lru_cache(maxsize=1 << 14)
def is_workday(day: date) -> bool:
    try:
        return chinese_calendar.is_workday(day)
    except NotImplementedError as exc:
        raise CalendarUnknown(f"节假日日历不含 {day.year} 年(请升级 chinesecalendar)") from exc


@cache
def _workdays(year: int) -> tuple[int, ...]:
    """The ordinals of the working days of ``year``, in order (asked of the calendar once)."""
    first = date(year, 1, 1)
    days = (first + timedelta(days=i) for i in range((date(year + 1, 1, 1) - first).days))
    return tuple(d.toordinal() for d in days if is_workday(d))


def add_working_days(start: date, n: int) -> date:
    """The ``n``-th working day after ``start`` (``start`` itself not counted)."""
    year, left = start.year, n
    at = bisect_right(_workdays(year), start.toordinal())
    while year - start.year <= MAX_SPAN_DAYS // 365:
        days = _workdays(year)
        if at + left - 1 < len(days):
            return date.fromordinal(days[at + left - 1])
        left -= len(days) - at
        year, at = year + 1, 0
    raise CalendarUnknown(f"{start} 之后 {MAX_SPAN_DAYS} 天内不足 {n} 个工作日")


def working_days_between(start: date, end: date) -> int:
    """Working days after ``start`` up to and including ``end`` (0 if ``end`` ≤ ``start``)."""
    if end <= start:
        return 0
    n = 0
    for year in range(start.year, end.year + 1):
        days = _workdays(year)
        n += bisect_right(days, end.toordinal()) - bisect_right(days, start.toordinal())
    return n


@dataclass(frozen=True)
class Deadline:
    clock_start: date | None  # receipt, or the correction's receipt; None while a correction is awaited
    due: date | None
    correction_due: date


def deadline(a: Application) -> Deadline:
    correction_due = add_working_days(a.received, CORRECTION_NOTICE_DAYS)
    if a.correction_requested and not a.correction_received:
        return Deadline(None, None, correction_due)
    start = a.correction_received if a.correction_requested else a.received
    days = REPLY_DAYS + (EXTENSION_DAYS if a.extended else 0)
    return Deadline(start, add_working_days(cast(date, start), days), correction_due)  # received is required


def findings(ledger: Ledger, as_of: date | None = None) -> list[Finding]:
    """Deadline findings over the ledger; open applications are judged as of ``as_of``
    (default: today)."""
    as_of = as_of or date.today()
    out: list[Finding] = []
    for a in ledger.applications:
        try:
            out += _row_findings(a, as_of)
        except CalendarUnknown as exc:
            out.append(Finding.of("RULE_NOT_ASSESSABLE", f"{a.name}:无法计算答复期限,{exc}",
                                  f"row {a.row}: the reply deadline cannot be computed ({exc})", f"ledger.{a.row}",
                                  line=a.row))
    return out


def _row_findings(a: Application, as_of: date) -> list[Finding]:
    out = []
    d = deadline(a)
    where = f"ledger.{a.row}"
    if a.correction_requested and a.correction_requested > d.correction_due:
        out.append(Finding.of(
            "CORRECTION_LATE", f"{a.name}:{a.received} 收到申请,{a.correction_requested} 才发出补正通知,"
            f"晚于期限 {d.correction_due}(收到申请后{CORRECTION_NOTICE_DAYS}个工作日)",
            f"row {a.row}: correction requested on {a.correction_requested}, after {d.correction_due}", where,
            line=a.row))
    if d.due is None:
        return out
    extended = f"(已延期,共{REPLY_DAYS + EXTENSION_DAYS}个工作日)" if a.extended else f"({REPLY_DAYS}个工作日)"
    start = f"收到补正 {d.clock_start}" if a.correction_requested else f"收到申请 {d.clock_start}"
    if a.replied is not None:
        if a.replied > d.due:
            late = working_days_between(d.due, a.replied)
            out.append(Finding.of(
                "REPLY_OVERDUE", f"{a.name}:{start},{a.replied} 答复,超过期限 {d.due}{extended} {late} 个工作日",
                f"row {a.row}: replied on {a.replied}, {late} working days after the deadline {d.due}", where,
                line=a.row))
        return out
    if as_of > d.due:
        late = working_days_between(d.due, as_of)
        out.append(Finding.of(
            "REPLY_OVERDUE", f"{a.name}:{start},至 {as_of} 仍未答复,已超过期限 {d.due}{extended} {late} 个工作日",
            f"row {a.row}: still open on {as_of}, {late} working days past the deadline {d.due}", where, line=a.row))
    elif as_of >= a.received:
        left = working_days_between(as_of, d.due)
        if left <= DUE_SOON_DAYS:
            out.append(Finding.of(
                "REPLY_DUE_SOON", f"{a.name}:{start},答复期限 {d.due}{extended},还剩 {left} 个工作日",
                f"row {a.row}: due on {d.due}, {left} working days left", where, line=a.row))
    return out
