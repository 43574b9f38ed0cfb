"""Realistic synthetic ledgers, for tests, benchmarks and demonstrations.

Applications arrive on working days from December of the year before to January of the
year after (so some are carried over into the year and some carried forward out of it);
most are natural persons; about one in ten is sent back for correction (补正, answered
within a few working days or never, which ends as 逾期不补正), one in twenty is extended,
most are answered within their deadline and a few late; some are still open. A few
answers are contested by 行政复议 and fewer by 行政诉讼. Dates are counted in working days
of the national calendar (:mod:`ogi.ledger.deadlines`), so holidays and make-up working
days shape them as they shape a real ledger.
"""

from __future__ import annotations

import csv
import io
import random
from datetime import date, timedelta
from typing import Any

from .columns import COLUMNS, NO, YES, applicant_types, outcomes, results
from .deadlines import add_working_days, is_workday

APPLICANT_WEIGHTS = {"natural_person": 80, "commercial": 10, "research": 1, "social_welfare": 1,
                     "legal_service": 4, "other_org": 4}
OUTCOME_WEIGHTS_2021 = {"granted": 40, "partially_granted": 8, "denied.state_secret": 1, "denied.prohibited_by_law": 1,
                        "denied.security_stability": 1, "denied.third_party_rights": 2, "denied.internal_affairs": 2,
                        "denied.process_information": 3, "denied.enforcement_file": 1,
                        "denied.administrative_query": 2, "unable.not_held": 20, "unable.needs_creation": 3,
                        "unable.still_unclear": 1, "not_processed.complaint": 4, "not_processed.repeated": 3,
                        "not_processed.publication": 1, "not_processed.excessive": 1,
                        "not_processed.confirm_existing": 1, "other.no_fee": 1, "other.other": 4}
CHANNELS = ("网络", "信函", "当面", "电子邮件")


def applications(rng: random.Random, year: int, n: int) -> list[dict]:
    """``n`` applications as ledger rows (column key → value, choices as printed labels),
    received from 1 December of ``year - 1`` to 31 January of ``year + 1``."""
    days = [d for d in (date(year - 1, 12, 1) + timedelta(i) for i in range(31 + 365 + 366 + 31))
            if d <= date(year + 1, 1, 31) and is_workday(d)]
    type_label = {v: k for k, v in applicant_types().items()}
    outcome_label = {v: k for k, v in outcomes().items()}
    result_label = {v: k for k, v in results().items()}
    last_day = date(year + 1, 1, 31)
    rows = []
    for i in range(n):
        received = rng.choice(days)
        row: dict[str, Any] = {"id": f"{received.year}-{i + 1:05d}", "received": received,
               "applicant_type": type_label[_pick(rng, APPLICANT_WEIGHTS)], "applicant": f"申请人{i + 1}",
               "channel": rng.choice(CHANNELS), "summary": f"申请公开{rng.choice(('规划', '征收', '许可', '处罚', '财政'))}信息"}
        start = received
        outcome = _pick(rng, OUTCOME_WEIGHTS_2021)
        if rng.random() < 0.1:
            row["correction_requested"] = add_working_days(received, rng.randint(1, 7))
            if rng.random() < 0.8:
                start = row["correction_received"] = add_working_days(row["correction_requested"], rng.randint(1, 10))
            else:
                outcome, start = "other.no_correction", add_working_days(row["correction_requested"], 15)
        extended = rng.random() < 0.05
        row["extended"] = YES if extended else NO
        late = rng.random() < 0.03
        took = rng.randint(21, 25) if late else rng.randint(1, 40 if extended else 20)
        replied = add_working_days(start, took)
        if replied <= last_day and rng.random() > 0.02:  # a few stay open
            row["replied"], row["outcome"] = replied, outcome_label[outcome]
            if rng.random() < 0.03:
                row["review_filed"] = replied + timedelta(days=rng.randint(5, 50))
                row["review_result"] = result_label[rng.choice(("upheld", "upheld", "corrected", "other"))] \
                    if rng.random() < 0.8 else None
                if rng.random() < 0.3:
                    row["litigation_filed"] = row["review_filed"] + timedelta(days=rng.randint(20, 60))
            elif rng.random() < 0.01:
                row["litigation_filed"] = replied + timedelta(days=rng.randint(10, 90))
            if "litigation_filed" in row and rng.random() < 0.6:
                row["litigation_result"] = result_label[rng.choice(("upheld", "corrected", "other"))]
        rows.append(row)
    return rows


def _pick(rng: random.Random, weights: dict[str, int]) -> str:
    return rng.choices(list(weights), weights=list(weights.values()))[0]


def to_csv(rows: list[dict]) -> bytes:
    out = io.StringIO()
    w = csv.writer(out)
    w.writerow([c.label for c in COLUMNS])
    for row in rows:
        w.writerow([_text(row.get(c.key)) for c in COLUMNS])
    return out.getvalue().encode("utf-8-sig")


def to_xlsx(rows: list[dict]) -> bytes:
    """The rows written into the ledger template (``ogi form --ledger``)."""
    from openpyxl import load_workbook

    from .template import LEDGER_SHEET, write_ledger_template

    wb = load_workbook(io.BytesIO(write_ledger_template()))
    ws = wb[LEDGER_SHEET]
    for row in rows:
        ws.append([row.get(c.key) for c in COLUMNS])
    out = io.BytesIO()
    wb.save(out)
    return out.getvalue()


def _text(value) -> str:
    return "" if value is None else value.isoformat() if isinstance(value, date) else str(value)
