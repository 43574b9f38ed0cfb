"""One application of the ledger, and the ledger itself."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date


@dataclass(frozen=True)
class Application:
    """A ledger row, typed. ``row`` is where the clerk finds it (the spreadsheet row or
    CSV line, header = 1); choice values are keys (``natural_person``, ``granted``,
    ``upheld``), dates are dates, blanks are None."""

    row: int
    received: date
    applicant_type: str
    id: str = ""
    applicant: str = ""
    channel: str = ""
    summary: str = ""
    correction_requested: date | None = None
    correction_received: date | None = None
    extended: bool = False
    replied: date | None = None
    outcome: str | None = None
    review_filed: date | None = None
    review_result: str | None = None
    litigation_filed: date | None = None
    litigation_result: str | None = None

    @property
    def name(self) -> str:
        """How a message names the row: its spreadsheet row, and its number if it has one."""
        return f"第 {self.row} 行" + (f"(编号 {self.id})" if self.id else "")

    def open_at(self, day: date) -> bool:
        """Received by ``day`` and not yet answered at its end."""
        return self.received <= day and (self.replied is None or self.replied > day)


@dataclass
class Ledger:
    applications: list[Application] = field(default_factory=list)
    source: str | None = None

    def __len__(self) -> int:
        return len(self.applications)

    def years(self) -> list[int]:
        return sorted({a.received.year for a in self.applications}
                      | {a.replied.year for a in self.applications if a.replied})
