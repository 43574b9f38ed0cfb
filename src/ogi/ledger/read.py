"""Read a ledger from XLSX or CSV, validated row by row.

The header row names the columns by their labels (:data:`ogi.ledger.columns.COLUMNS`, in
any order; unknown columns are left aside, a missing required one stops the import).
Every later row is one application. Each cell is read by its column's kind — dates in
the forms clerks type (``2024-01-05``, ``2024/1/5``, ``2024年1月5日``, ``20240105``, or an
Excel date), choices by their printed label — and every row is checked for sense (a
reply needs an outcome and the other way round, no reply before receipt, a correction
received after it was asked for …). Each problem names the row and the column in
Chinese, as the clerk sees them (``第 12 行「答复日期」:…``); all are collected, and the
import fails only after the whole file has been read, so that one pass lists them all.
A blank row is skipped. Bounded: at most :data:`MAX_ROWS` rows.
"""

from __future__ import annotations

import csv
import io
import re
from dataclasses import dataclass
from datetime import date, datetime
from functools import cache, lru_cache
from pathlib import Path

from ..errors import OgiError
from ..template import label_key
from .columns import BY_KEY, COLUMNS, NO, YES, applicant_types, outcome_keys, result_keys
from .model import Application, Ledger

MAX_ROWS = 1_000_000  # applications in one ledger file
MAX_CELL = 10_000  # characters in one cell
_DATE = re.compile(r"^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?$")
_COMPACT_DATE = re.compile(r"^(\d{4})(\d{2})(\d{2})$")
_YES = {"是", "y", "yes", "true", "1", "延期", "已延期"}
_NO = {"否", "n", "no", "false", "0", ""}


@dataclass(frozen=True)
class LedgerProblem:
    row: int | None  # the sheet row / CSV line (header = 1); None for the file as a whole
    column: str | None  # the column's label
    message: str

    def __str__(self) -> str:
        where = (f"第 {self.row} 行" if self.row else "") + (f"「{self.column}」" if self.column else "")
        return f"{where}:{self.message}" if where else self.message


class LedgerError(OgiError, ValueError):
    """The ledger could not be read; ``problems`` lists every row and column at fault."""

    def __init__(self, problems: list[LedgerProblem]):
        self.problems = problems
        super().__init__("\n".join(str(p) for p in problems))


def read_ledger(path: Path | str, data: bytes | None = None) -> Ledger:
    """The ledger in ``path`` (.xlsx or .csv; ``data`` instead of reading the file)."""
    path = Path(path)
    data = path.read_bytes() if data is None else data
    rows = _xlsx_rows(data) if data.startswith(b"PK\x03\x04") else _csv_rows(data)
    ledger = ledger_from_rows(rows)
    ledger.source = str(path)
    return ledger


def ledger_from_rows(rows) -> Ledger:
    """Rows of cells (the first the header) → a validated :class:`Ledger`."""
    rows = iter(rows)
    header = next(rows, None)
    if header is None:
        raise LedgerError([LedgerProblem(None, None, "文件是空的,没有表头行")])
    by_label = {label_key(c.label): c for c in COLUMNS}
    index: dict[str, int] = {}
    for i, text in enumerate(header):
        col = by_label.get(label_key(str(text or "")))
        if col and col.key not in index:
            index[col.key] = i
    missing = [c.label for c in COLUMNS if c.required and c.key not in index]
    if missing:
        raise LedgerError([LedgerProblem(1, None, f"表头缺少必填列「{'」「'.join(missing)}」"
                                         f"(表头应为:{'、'.join(c.label for c in COLUMNS)})")])
    problems: list[LedgerProblem] = []
    applications: list[Application] = []
    for n, cells in enumerate(rows, start=2):
        if n - 1 > MAX_ROWS:
            problems.append(LedgerProblem(n, None, f"台账超过 {MAX_ROWS} 行,其余未读"))
            break
        values = {key: (cells[i] if i < len(cells) else None) for key, i in index.items()}
        if all(_blank(v) for v in values.values()):
            continue
        app = _application(n, values, problems)
        if app is not None:
            applications.append(app)
    ids: dict[str, int] = {}
    for a in applications:
        if a.id and a.id in ids:
            problems.append(LedgerProblem(a.row, BY_KEY["id"].label, f"编号“{a.id}”与第 {ids[a.id]} 行重复"))
        ids.setdefault(a.id, a.row) if a.id else None
    if problems:
        raise LedgerError(problems)
    return Ledger(applications)


def _blank(value) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


def _application(n: int, values: dict, problems: list[LedgerProblem]) -> Application | None:
    found: dict = {}
    before = len(problems)
    for key, raw in values.items():
        col = BY_KEY[key]
        try:
            found[key] = _read(col.kind, raw)
        except ValueError as exc:
            problems.append(LedgerProblem(n, col.label, str(exc)))
    for col in COLUMNS:
        if col.required and found.get(col.key) in (None, "") and not any(p.row == n and p.column == col.label
                                                                          for p in problems[before:]):
            problems.append(LedgerProblem(n, col.label, "必填,不能为空"))
    if len(problems) > before:
        return None
    app = Application(row=n, **{k: v for k, v in found.items() if v is not None})
    problems += [LedgerProblem(n, BY_KEY[k].label, m) for k, m in _sense(app)]
    return app if len(problems) == before else None


def _read(kind: str, raw):
    """A cell's value by its column's kind; ValueError says in Chinese what is wrong."""
    if _blank(raw):
        return False if kind == "yesno" else None
    if kind == "date":
        return _date(raw)
    text = str(raw).strip()
    if len(text) > MAX_CELL:
        raise ValueError(f"内容超过 {MAX_CELL} 字")
    if kind == "text":
        return text[:-2] if isinstance(raw, float) and text.endswith(".0") else text
    if kind == "yesno":
        if text.lower() in _YES:
            return True
        if text.lower() in _NO:
            return False
        raise ValueError(f"“{text}”应填“{YES}”或“{NO}”")
    key = _choice(kind, text)
    if key is None:
        choices = {"applicant": "、".join(applicant_types()), "outcome": "表三“办理结果”各行的名称(见模板的下拉列表)",
                   "result": "结果维持、结果纠正、其他结果、尚未审结"}[kind]
        raise ValueError(f"“{text}”不是可选的值,应为:{choices}")
    return key


@lru_cache(maxsize=1 << 12)
def _choice(kind: str, text: str) -> str | None:
    """The value key of a choice as typed (a ledger repeats the same few: cached)."""
    return _choices(kind).get(label_key(text))


@cache
def _choices(kind: str) -> dict[str, str]:
    """Matching key → value key, for a choice column's kind."""
    if kind == "applicant":
        return {label_key(k): v for k, v in applicant_types().items()}
    return {"outcome": outcome_keys, "result": result_keys}[kind]()


def _date(raw) -> date:
    if isinstance(raw, datetime):
        return raw.date()
    if isinstance(raw, date):
        return raw
    if isinstance(raw, (int, float)) and not isinstance(raw, bool) and 20000 < raw < 80000:  # an Excel serial day
        from openpyxl.utils.datetime import from_excel
        return from_excel(raw).date()
    return _date_text(str(raw).strip())


@lru_cache(maxsize=1 << 14)
def _date_text(text: str) -> date:
    m = _DATE.match(text) or _COMPACT_DATE.match(text)
    if m:
        try:
            return date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
        except ValueError:
            pass
    raise ValueError(f"“{text}”不是日期(应如 2024-01-05)")


def _sense(a: Application) -> list[tuple[str, str]]:
    """What a well-formed row may still get wrong: (column key, message)."""
    out = []
    if a.replied and a.outcome is None:
        out.append(("outcome", "已填答复日期,须填办理结果"))
    if a.outcome and a.replied is None:
        out.append(("replied", "已填办理结果,须填答复日期"))
    if a.replied and a.replied < a.received:
        out.append(("replied", f"答复日期 {a.replied} 早于收到申请日期 {a.received}"))
    if a.correction_received and not a.correction_requested:
        out.append(("correction_requested", "已填收到补正日期,须填补正通知日期"))
    if a.correction_requested and a.correction_requested < a.received:
        out.append(("correction_requested", f"补正通知日期 {a.correction_requested} 早于收到申请日期 {a.received}"))
    if a.correction_received and a.correction_requested and a.correction_received < a.correction_requested:
        out.append(("correction_received", f"收到补正日期 {a.correction_received} 早于补正通知日期 {a.correction_requested}"))
    if a.replied and a.correction_received and a.replied < a.correction_received:
        out.append(("replied", f"答复日期 {a.replied} 早于收到补正日期 {a.correction_received}"))
    for filed, result in (("review_filed", "review_result"), ("litigation_filed", "litigation_result")):
        if getattr(a, result) and not getattr(a, filed):
            out.append((filed, f"已填{BY_KEY[result].label},须填{BY_KEY[filed].label}"))
        if getattr(a, filed) and a.replied is None:
            out.append((filed, "尚未答复的申请不能有行政复议或诉讼"))
        elif getattr(a, filed) and getattr(a, filed) < a.replied:
            out.append((filed, f"{BY_KEY[filed].label} {getattr(a, filed)} 早于答复日期 {a.replied}"))
    return out


# ------------------------------------------------------------------ file formats

def _xlsx_rows(data: bytes):
    """The ledger sheet's rows (the sheet 依申请公开台账, else the first). Read by calamine
    (Rust): 10,000 rows in about 0.5 s where openpyxl's read-only mode takes over 6 s
    (benchmarks/ledger.py); openpyxl still writes the template."""
    from python_calamine import CalamineError, CalamineWorkbook

    from .template import LEDGER_SHEET
    try:
        wb = CalamineWorkbook.from_filelike(io.BytesIO(data))
        name = LEDGER_SHEET if LEDGER_SHEET in wb.sheet_names else wb.sheet_names[0]
        return wb.get_sheet_by_name(name).to_python(skip_empty_area=False)
    except (CalamineError, IndexError, ValueError, OSError) as exc:
        raise LedgerError([LedgerProblem(None, None, f"无法读取 xlsx 文件:{exc}")]) from exc


def _csv_rows(data: bytes):
    for encoding in ("utf-8-sig", "gb18030"):  # Excel on a Chinese Windows saves CSV as GBK
        try:
            text = data.decode(encoding)
            break
        except UnicodeDecodeError:
            continue
    else:
        raise LedgerError([LedgerProblem(None, None, "CSV 文件既不是 UTF-8 也不是 GBK 编码")])
    if "\x00" in text:
        raise LedgerError([LedgerProblem(None, None, "不是 CSV 或 xlsx 文件")])
    return csv.reader(io.StringIO(text, newline=""))
