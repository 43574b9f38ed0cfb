"""The application ledger (依申请公开台账): one row per application, from which tables 三
and 四 of the annual report are computed, so that their identities hold by construction,
every cell can show the applications it counts, and each application's statutory reply
deadline is checked.

- :mod:`.columns` — the ledger's columns and choices, built from :mod:`ogi.template`;
- :mod:`.read` — import from XLSX or CSV, validated row by row;
- :mod:`.template` — the blank ledger workbook (``ogi form --ledger``);
- :mod:`.compute` — tables 三 and 四 of a year, and the rows behind a cell;
- :mod:`.deadlines` — working-day deadlines (条例 Art. 30, 33) with the national calendar.
"""

from .compute import apply, count, format_of, tables
from .model import Application, Ledger
from .read import LedgerError, LedgerProblem, read_ledger

__all__ = ["Application", "Ledger", "LedgerError", "LedgerProblem", "apply", "count", "format_of",
           "read_ledger", "tables"]
