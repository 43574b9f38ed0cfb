"""A 10,000-row ledger to a rendered PDF: how long each step takes, beside floors measured
in the same run.

    PYTHONPATH=src python benchmarks/ledger.py [ROWS]

Steps (a synthetic ledger of ROWS applications across 2023–2025, written once into the
ledger template, :mod:`ogi.ledger.sample`):

- read: ``read_ledger`` of the xlsx (every row validated) — floor: calamine reading the
  same sheet's values without any checking; beside it openpyxl's read-only mode, which
  ``read_ledger`` used before (the reason it reads with calamine);
- read CSV: the same rows as CSV — floor: the csv module reading them;
- tables: tables 三 and 四 of 2024;
- deadlines: every row's deadline in working days, findings as of 2025-01-31;
- render: the report with those tables as PDF — this is ``ogi render``'s own cost, the
  floor of the whole pipeline: the ledger's share is the rest.

Each step runs REPEAT times; the best time counts (the machine is shared).
"""

from __future__ import annotations

import csv
import io
import random
import sys
import time
from datetime import date

from openpyxl import load_workbook
from python_calamine import CalamineWorkbook

from ogi.ledger import read_ledger, tables
from ogi.ledger.deadlines import findings
from ogi.ledger.sample import applications, to_csv, to_xlsx
from ogi.ledger.template import LEDGER_SHEET
from ogi.model import Meta, Report, SectionText, empty_tables
from ogi.render import render

REPEAT = 3
YEAR = 2024


def best(fn, repeat: int = REPEAT):
    times, value = [], None
    for _ in range(repeat):
        start = time.perf_counter()
        value = fn()
        times.append(time.perf_counter() - start)
    return min(times), value


def main(rows: int) -> None:
    data = applications(random.Random(1), YEAR, rows)
    xlsx, text = to_xlsx(data), to_csv(data)
    floor_xlsx, _ = best(lambda: len(CalamineWorkbook.from_filelike(io.BytesIO(xlsx)).get_sheet_by_name(LEDGER_SHEET)
                                     .to_python(skip_empty_area=False)))
    t_openpyxl, _ = best(lambda: sum(1 for _ in load_workbook(io.BytesIO(xlsx), read_only=True).worksheets[0]
                                     .iter_rows(values_only=True)), repeat=1)
    t_read, ledger = best(lambda: read_ledger("ledger.xlsx", xlsx))
    floor_csv, _ = best(lambda: sum(1 for _ in csv.reader(io.StringIO(text.decode("utf-8-sig")))))
    t_csv, _ = best(lambda: read_ledger("ledger.csv", text))
    t_tables, (t3, t4) = best(lambda: tables(ledger, YEAR))
    t_deadlines, found = best(lambda: findings(ledger, date(YEAR + 1, 1, 31)))
    report = Report(meta=Meta(title=f"某市某局{YEAR}年政府信息公开工作年度报告", agency="某市某局", year=YEAR, template="2021",
                              published_date=f"{YEAR + 1}-01-20"),
                    table2={r: {c: 0 for c in cols} for r, cols in empty_tables("2021")["table2"].items()},
                    table3=t3, table4=t4,
                    sections={"s1": SectionText(text="本局坚持以公开为常态、不公开为例外。"),
                              "s5": SectionText(text="宣传解读仍需加强。"), "s6": SectionText(text="未收取信息处理费。")})
    t_render, pdf = best(lambda: render(report, "pdf"))
    total = t_read + t_tables + t_deadlines + t_render
    print(f"ledger: {rows} applications, {len(xlsx) / 1e6:.1f} MB xlsx; {YEAR}: new {t3['new_received']['total']}, "
          f"carried over {t3['carried_over']['total']}, answered {t3['total']['total']}, "
          f"carried forward {t3['carried_forward']['total']}; {len(found)} deadline findings")
    print(f"{'step':28}{'seconds':>9}{'floor':>9}{'ratio':>8}")
    print(f"{'read xlsx (validated)':28}{t_read:9.2f}{floor_xlsx:9.2f}{t_read / floor_xlsx:8.2f}"
          f"   (openpyxl read-only, values only: {t_openpyxl:.2f})")
    print(f"{'read csv (validated)':28}{t_csv:9.2f}{floor_csv:9.2f}{t_csv / floor_csv:8.2f}")
    print(f"{'tables 三 and 四':28}{t_tables:9.3f}")
    print(f"{'deadlines (working days)':28}{t_deadlines:9.2f}")
    print(f"{'render PDF':28}{t_render:9.2f}   ({len(pdf) / 1e3:.0f} kB)")
    print(f"{'ledger xlsx → PDF':28}{total:9.2f}{t_render:9.2f}{total / t_render:8.2f}   (floor: the render alone)")


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 10_000)
