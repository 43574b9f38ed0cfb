"""A realistic panel of synthetic reports: the same agencies reporting year after year.

``ogi synth N`` alone makes every report its own agency, so the cross-year rules, agency
identity and the roll-ups are never exercised at scale. A panel is built place by place:
each place (a county of :data:`~ogi.synth.profile.PLACES`) has its government, some of its
departments and a township, and each of them publishes one report for every year of the
span. Across the years an agency's reports agree as real ones do:

- table 三's carry-over: this year's 二、上年结转 is last year's 四、结转下年度继续办理,
  column by column (``new_received`` is then set so that the year's own balance holds, and
  ``carried_forward`` raised where last year's carry-over exceeds this year's work);
- stocks (2021 format): 现行有效件数 = last year's + 本年制发 − 本年废止 for 规章 and
  行政规范性文件 (repeals bounded by what is in force);
- items (2019 format): 上一年项目数量 = last year's + its 本年增/减;
- one organisation code in every 索引号, as the agency's content system prints it;
- renamed agencies (机构改革): a department renamed in :data:`REFORM_YEAR` (卫生和计划生育局 →
  卫生健康局 …) keeps its organisation code, which is what links its reports.

Panel reports carry no deliberate errors: an injected one would break the carry-over and
the expected cross-year findings with it. ``panel.csv`` lists each report's agency, its
government and its former name.
"""

from __future__ import annotations

import random
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, timedelta

from ..template import APPLICANT_COLUMNS
from . import values
from .narrative import sections
from .profile import DEPARTMENTS, PLACES, TOWNS, Profile
from .report import Synthetic

YEARS = (2019, 2023)  # report years of a panel (inclusive): both formats, a format change between 2020 and 2021
DEPARTMENTS_PER_PLACE = 3
REFORM_YEAR = 2020  # renamed departments use their new name from this report year on
RENAMES = (("卫生和计划生育局", "卫生健康局"), ("国土资源局", "自然资源局"), ("环境保护局", "生态环境局"))
STOCK_ROWS = ("regulations", "normative_documents")
ITEM_ROWS = ("licensing", "other_services", "punishment", "coercion", "fees")
_COLUMNS = tuple(m.key for m in APPLICANT_COLUMNS[:-1])


@dataclass(frozen=True)
class PanelAgency:
    """One agency of the panel: its names (before and after a rename), size, organisation code
    and government."""

    name: str
    short: str
    scale: str
    code: str
    government: str | None = None  # the government it belongs to (None for a government)
    former: str | None = None  # its name before REFORM_YEAR, when renamed

    def name_in(self, year: int) -> str:
        return self.former if self.former and year < REFORM_YEAR else self.name


def _code(rng: random.Random) -> str:
    return "".join(rng.choice("0123456789") for _ in range(9))


def place_agencies(rng: random.Random, place: tuple[str, str, str]) -> list[PanelAgency]:
    """A county's government (named with its province and city, as a content system may
    print it), some of its departments (named by the county alone; one renamed) and a township."""
    province, city, county = place
    government = f"{province}{city if city != province else ''}{county}人民政府"
    out = [PanelAgency(government, government, "county", _code(rng))]
    renamed_old, renamed_new = rng.choice(RENAMES)
    out.append(PanelAgency(county + renamed_new, county + renamed_new, "county", _code(rng), government,
                           county + renamed_old))
    for department in rng.sample([d for d in DEPARTMENTS if d != renamed_new], DEPARTMENTS_PER_PLACE - 1):
        out.append(PanelAgency(county + department, county + department, "county", _code(rng), government))
    town = rng.choice([t for t in TOWNS if not t.endswith("办事处")])
    out.append(PanelAgency(county + town, county + town, "township", _code(rng), government))
    return out


_NAME_CHARS = "安平宁远丰泰兴华昌永嘉新城山河清阳明德庆福江海东西南北中云龙凤金玉长乐武文"


def places(rng: random.Random) -> Iterator[tuple[str, str, str]]:
    """The places of PLACES, then made-up counties in the same provinces and cities."""
    yield from PLACES
    seen = {county for _, _, county in PLACES}
    while True:
        province, city, county = rng.choice(PLACES)
        name = rng.choice(_NAME_CHARS) + rng.choice(_NAME_CHARS) + county[-1]
        if name not in seen and name[0] != name[1]:
            seen.add(name)
            yield province, city, name


def _profile(rng: random.Random, agency: PanelAgency, year: int) -> Profile:
    name = agency.name_in(year)
    template = "2019" if year <= 2020 else "2021"
    published = date(year + 1, 1, 5) + timedelta(days=rng.randint(0, 80))
    index = f"{agency.code}/{year + 1}-{rng.randint(1, 99999):05d}"
    return Profile(name, name, agency.scale, year, template, published, index,
                   f"{name}{year}年政府信息公开工作年度报告")


def _carry(table3: dict, previous: dict | None) -> None:
    """This year's carried_over = last year's carried_forward, the balance kept."""
    if previous is None:
        return
    for col in _COLUMNS:
        over = previous["carried_forward"][col]
        handled = table3["total"][col]
        forward = max(table3["carried_forward"][col], over - handled)
        table3["carried_over"][col] = over
        table3["carried_forward"][col] = forward
        table3["new_received"][col] = handled + forward - over
    for row in ("carried_over", "carried_forward", "new_received"):
        table3[row]["total"] = sum(table3[row][c] for c in _COLUMNS)


def _stocks(table2: dict, previous: dict | None, template: str, previous_template: str | None) -> None:
    """Stocks and items that follow from last year's report of the same format."""
    if previous is None or template != previous_template:
        return
    if template == "2021":
        for row in STOCK_ROWS:
            cells = table2[row]
            cells["repealed"] = min(cells["repealed"], previous[row]["in_force"] + cells["issued"])
            cells["in_force"] = previous[row]["in_force"] + cells["issued"] - cells["repealed"]
    else:
        for row in ITEM_ROWS:
            prev = previous[row]["items_prev_year"] + previous[row]["items_change"]
            table2[row]["items_prev_year"] = prev
            table2[row]["items_change"] = max(table2[row]["items_change"], -prev)


def series(rng: random.Random, agency: PanelAgency, years: tuple[int, int] = YEARS) -> Iterator[Synthetic]:
    """The agency's report of every year, each consistent with the one before."""
    previous: Synthetic | None = None
    for year in range(years[0], years[1] + 1):
        p = _profile(rng, agency, year)
        printed = {"table2": values.table2(rng, p.template, p.scale),
                   "table3": values.table3(rng, p.template, p.scale),
                   "table4": values.table4(rng, p.scale)}
        _carry(printed["table3"], previous.printed["table3"] if previous else None)
        _stocks(printed["table2"], previous.printed["table2"] if previous else None, p.template,
                previous.template if previous else None)
        published = rng.randint(20, 900)  # proactively published items, as ogi synth draws them
        prose = sections(random.Random(f"{published}:{p.index_number}"), p, printed["table3"], printed["table4"],
                         published)
        for key in ("s2", "s3", "s4"):
            prose.setdefault(key, [])
        previous = Synthetic(p, printed, prose)
        yield previous


@dataclass(frozen=True)
class PanelReport:
    synthetic: Synthetic
    agency: PanelAgency


def panel(rng: random.Random, n: int, years: tuple[int, int] = YEARS) -> Iterator[PanelReport]:
    """``n`` reports of whole agencies' series, place after place (the last series may be cut short)."""
    made = 0
    for place in places(rng):
        for agency in place_agencies(rng, place):
            for s in series(rng, agency, years):
                if made == n:
                    return
                yield PanelReport(s, agency)
                made += 1
