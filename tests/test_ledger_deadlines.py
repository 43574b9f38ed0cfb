"""Reply deadlines in working days of the national calendar (条例 Art. 30, 33): 春节 and
国庆 with their make-up working days, the extension, the 补正 pause, and the findings."""

from __future__ import annotations

from datetime import date

from ogi.ledger import Application, Ledger
from ogi.ledger.deadlines import add_working_days, deadline, findings, working_days_between


def app(**kw) -> Application:
    return Application(row=kw.pop("row", 2), applicant_type="natural_person", **kw)


def test_spring_festival_2024_with_its_make_up_sundays():
    # 2024: 10–17 Feb off; Sunday 4 Feb and Sunday 18 Feb are working days
    assert add_working_days(date(2024, 2, 2), 1) == date(2024, 2, 4)
    assert add_working_days(date(2024, 2, 9), 1) == date(2024, 2, 18)
    assert add_working_days(date(2024, 2, 2), 20) == date(2024, 3, 6)


def test_national_day_2024_with_its_make_up_days():
    # 2024: 1–7 Oct off; Sunday 29 Sep and Saturday 12 Oct are working days
    assert add_working_days(date(2024, 9, 27), 20) == date(2024, 10, 30)
    assert working_days_between(date(2024, 9, 30), date(2024, 10, 12)) == 5  # 8, 9, 10, 11 and Saturday 12 Oct
    assert add_working_days(date(2024, 9, 27), 40) == date(2024, 11, 27)  # extended once by 20


def test_a_year_boundary():
    assert add_working_days(date(2023, 12, 29), 1) == date(2024, 1, 2)  # 1 Jan is a holiday


def test_the_correction_pause_restarts_the_clock():
    asked = app(received=date(2024, 2, 2), correction_requested=date(2024, 2, 5))
    assert deadline(asked).due is None  # waiting for the correction: no clock
    corrected = app(received=date(2024, 2, 2), correction_requested=date(2024, 2, 5),
                    correction_received=date(2024, 9, 27))
    assert deadline(corrected).due == date(2024, 10, 30)
    assert deadline(corrected).correction_due == date(2024, 2, 18)


def test_findings_name_the_row_and_the_days():
    ledger = Ledger([
        app(row=2, id="F1", received=date(2024, 9, 27), replied=date(2024, 11, 1), outcome="granted"),
        app(row=3, id="F2", received=date(2024, 9, 27), extended=True, replied=date(2024, 11, 1), outcome="granted"),
        app(row=4, id="F3", received=date(2024, 9, 27)),
        app(row=5, id="F4", received=date(2024, 10, 21)),
        app(row=6, id="F5", received=date(2024, 2, 2), correction_requested=date(2024, 2, 19),
            correction_received=date(2024, 2, 20), replied=date(2024, 3, 1), outcome="granted"),
    ])
    found = [(f.code, f.where, f.message) for f in findings(ledger, as_of=date(2024, 11, 12))]
    assert found == [
        ("REPLY_OVERDUE", "ledger.2", "第 2 行(编号 F1):收到申请 2024-09-27,2024-11-01 答复,超过期限 2024-10-30(20个工作日) 2 个工作日"),
        ("REPLY_OVERDUE", "ledger.4", "第 4 行(编号 F3):收到申请 2024-09-27,至 2024-11-12 仍未答复,已超过期限 2024-10-30(20个工作日) 9 个工作日"),
        ("REPLY_DUE_SOON", "ledger.5", "第 5 行(编号 F4):收到申请 2024-10-21,答复期限 2024-11-18(20个工作日),还剩 4 个工作日"),
        ("CORRECTION_LATE", "ledger.6", "第 6 行(编号 F5):2024-02-02 收到申请,2024-02-19 才发出补正通知,晚于期限 2024-02-18(收到申请后7个工作日)"),
    ]


def test_a_date_beyond_the_calendar_is_not_guessed():
    found = findings(Ledger([app(received=date(2031, 3, 3))]), as_of=date(2031, 3, 4))
    assert [(f.code, f.where) for f in found] == [("RULE_NOT_ASSESSABLE", "ledger.2")]
    assert "节假日日历不含 2031 年" in found[0].message
