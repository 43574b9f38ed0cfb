"""One synthetic report: who publishes it, its printed tables (deliberate error included),
its prose, the page drawn from them, and what a correct parser must read from it."""

from __future__ import annotations

import random
from dataclasses import dataclass, field

from ..render.layout import META_LABELS, Page, Part, draw_table
from ..template import FORMATS, SECTIONS
from ..template.layout import table_grid
from . import errors, narrative, values
from .profile import Profile, preface, profile

TABLES = ("table2", "table3", "table4")
SECTION_TABLE = {"s2": "table2", "s3": "table3", "s4": "table4"}
UNIT_SHARE = 0.5  # 2019 procurement amounts printed with 万元 in the cell (seed 000)


@dataclass
class Synthetic:
    profile: Profile
    printed: dict[str, dict]  # table → row → column → what the cell prints (number, or text)
    prose: dict[str, list[str]]  # section key → paragraphs
    error: str = ""  # one of errors.KINDS, or "" for a clean report
    error_at: str = ""
    findings_must: set[str] = field(default_factory=set)

    @property
    def template(self) -> str:
        return self.profile.template

    def page(self) -> Page:
        meta_values = {"index_number": self.profile.index_number, "agency": self.profile.agency,
                       "published_date": self.profile.published.isoformat()}
        parts = []
        for section in SECTIONS:
            part = Part(section.key, section.heading, list(self.prose.get(section.key, [])))
            if section.key in SECTION_TABLE:
                key = SECTION_TABLE[section.key]
                part.table = draw_table(table_grid(self.template, key), self.printed[key])
            parts.append(part)
        return Page(self.profile.title, [(label, meta_values[k]) for k, label in META_LABELS],
                    preface(self.profile), parts)

    def expected_values(self) -> dict[str, dict]:
        """Printed numbers as numbers, text as null, and derived rows summed."""
        out = {t: {r: {c: _number(v) for c, v in cols.items()} for r, cols in self.printed[t].items()}
               for t in TABLES}
        derive(self.template, out["table3"])
        return out


def derive(template: str, table3: dict[str, dict]) -> None:
    for derived, parts in FORMATS[template].table3.derived.items():
        for col in table3[derived]:
            items = [table3[p][col] for p in parts]
            table3[derived][col] = None if any(v is None for v in items) else sum(items)


def _number(v):
    if isinstance(v, str):
        return float(v[:-2]) if v.endswith("万元") else None
    return v


def synthesize(rng: random.Random, error: str = "", years: tuple[int, int] = (2019, 2025)) -> Synthetic:
    p = profile(rng, years)
    printed = {"table2": values.table2(rng, p.template, p.scale),
               "table3": values.table3(rng, p.template, p.scale),
               "table4": values.table4(rng, p.scale)}
    if p.template == "2019" and rng.random() < UNIT_SHARE:
        amount = printed["table2"]["procurement"]["amount"]
        printed["table2"]["procurement"]["amount"] = f"{amount}万元"
    published = rng.randint(20, 900)  # the one draw the prose takes from the report's stream
    prose = narrative.sections(random.Random(f"{published}:{p.index_number}"), p, printed["table3"], printed["table4"],
                               published)
    for key in SECTION_TABLE:
        prose.setdefault(key, [])
    s = Synthetic(p, printed, prose)
    if error:
        s.error = error
        s.error_at = errors.inject(rng, error, p.template, printed)
        derive(p.template, printed["table3"])
        s.findings_must = errors.broken_rules(p.template, s.expected_values())
        if error == "cell_text":
            s.findings_must.add("CELL_TEXT")
    return s
