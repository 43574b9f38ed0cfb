"""The ledger template (``ogi form --ledger``): an xlsx workbook with one sheet to fill in,
one row per application, its header the ledger's column labels; date columns formatted
and validated as dates, choice columns as drop-down lists whose values sit on a second
sheet (``选项``, built from the template's labels), and a third sheet that says how to
fill it in."""

from __future__ import annotations

import io

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.datavalidation import DataValidation

from .columns import CHANNELS, COLUMNS, NO, YES, applicant_types, outcomes, results

LEDGER_SHEET = "依申请公开台账"
CHOICES_SHEET = "选项"
HELP_SHEET = "填写说明"
TEMPLATE_ROWS = 2000  # rows that carry the validations (Excel extends them as rows are inserted)
HEADER_FILL = PatternFill("solid", fgColor="DDEBF7")
HELP = (
    "每一行是一件政府信息公开申请。表头请勿修改;列的顺序可以调整。",
    "日期填写为 2024-01-05(也可 2024/1/5、2024年1月5日)。",
    "申请人类型、办理结果、复议和诉讼结果请从下拉列表选择,名称与年度报告表三、表四一致。",
    "补正:填写发出补正通知的日期和收到补正的日期;答复期限自收到补正之日起重新计算。",
    "延期答复:经批准延长答复期限的填“是”(最长延长20个工作日)。",
    "尚未答复的申请,答复日期和办理结果留空:它们计入“结转下年度继续办理”。",
    "上年收到、本年答复的申请也请保留在台账中:它们计入“上年结转”。",
)


def write_ledger_template() -> bytes:
    wb = Workbook()
    ws = wb.active
    ws.title = LEDGER_SHEET
    choices = wb.create_sheet(CHOICES_SHEET)
    lists = {"applicant": list(applicant_types()), "outcome": list(outcomes()),
             "result": list(results()), "yesno": [YES, NO], "channel": list(CHANNELS)}
    ranges = {}
    for k, (kind, values) in enumerate(lists.items(), start=1):
        letter = get_column_letter(k)
        choices.cell(1, k, kind)
        for i, value in enumerate(values, start=2):
            choices.cell(i, k, value)
        ranges[kind] = f"'{CHOICES_SHEET}'!${letter}$2:${letter}${len(values) + 1}"
    for k, col in enumerate(COLUMNS, start=1):
        cell = ws.cell(1, k, col.label)
        cell.font, cell.fill = Font(bold=True, color="C00000" if col.required else None), HEADER_FILL
        cell.alignment = Alignment(wrap_text=True, vertical="center")
        letter = get_column_letter(k)
        ws.column_dimensions[letter].width = col.width
        span = f"{letter}2:{letter}{TEMPLATE_ROWS + 1}"
        kind = "channel" if col.key == "channel" else col.kind
        if kind == "date":
            dv = DataValidation(type="date", operator="greaterThan", formula1="36526")  # after 2000-01-01
            dv.error = "请填写日期,如 2024-01-05"
            ws.column_dimensions[letter].number_format = "yyyy-mm-dd"  # a column style: the rows stay empty
        elif kind in ranges:
            dv = DataValidation(type="list", formula1=ranges[kind], showErrorMessage=kind != "channel")
            dv.error = "请从下拉列表中选择"
        else:
            continue
        dv.errorTitle, dv.allow_blank = "输入无效", True
        dv.showErrorMessage = kind != "channel"
        ws.add_data_validation(dv)
        dv.add(span)
    ws.freeze_panes = "A2"
    help_ws = wb.create_sheet(HELP_SHEET)
    help_ws.column_dimensions["A"].width = 100
    for i, line in enumerate(HELP, start=1):
        help_ws.cell(i, 1, line)
    out = io.BytesIO()
    wb.save(out)
    return out.getvalue()
