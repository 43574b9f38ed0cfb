"""Random but internally consistent table values, scaled like real agencies: townships
mostly zeros, county departments tens, city governments thousands."""

from __future__ import annotations

import random
from typing import Any

from ..model import empty_tables
from ..template import APPLICANT_COLUMNS, FORMATS, T4_RESULTS, Kind

SCALES = {"township": 3, "county": 40, "city": 2500}  # typical applications a year
# how an application is usually answered (weights, in the order of the outcome rows)
OUTCOME_WEIGHT = {"granted": 45, "partially_granted": 10, "denied.": 1, "unable.not_held": 20, "unable.": 3,
                  "not_processed.": 1.5, "other": 2}
COLUMN_WEIGHT = {"natural_person": 85, "commercial": 8, "research": 0.5, "social_welfare": 0.5,
                 "legal_service": 4, "other_org": 2}


def _weight(row_key: str) -> float:
    for prefix in (row_key, row_key.split(".")[0] + "."):
        if prefix in OUTCOME_WEIGHT:
            return OUTCOME_WEIGHT[prefix]
    return OUTCOME_WEIGHT["other"]


def _count(rng: random.Random, mean: float, zero_share: float = 0.0) -> int:
    """A count near ``mean`` (geometric-like spread), zero with probability ``zero_share``."""
    if mean <= 0 or rng.random() < zero_share:
        return 0
    return max(0, int(rng.expovariate(1 / mean)))


def _spread(rng: random.Random, n: int, keys: list[str], weights: list[float]) -> dict[str, int]:
    """``n`` items over ``keys`` by ``weights`` (a multinomial draw)."""
    out = dict.fromkeys(keys, 0)
    if n > 200:  # big counts: proportional shares with jitter, then fix the sum
        total = sum(weights)
        for k, w in zip(keys, weights):
            out[k] = int(n * w / total * rng.uniform(0.6, 1.4))
        diff = n - sum(out.values())
        out[keys[0]] = max(0, out[keys[0]] + diff)
        if sum(out.values()) != n:  # the first share could not absorb a deficit
            out[max(out, key=lambda k: out[k])] += n - sum(out.values())
        return out
    for k in rng.choices(keys, weights, k=n):
        out[k] += 1
    return out


def table3(rng: random.Random, template: str, scale: str) -> dict[str, dict[str, int]]:
    spec = FORMATS[template].table3
    outcome_rows = [r.key for r in spec.rows if r.key not in ("new_received", "carried_over", "total", "carried_forward")]
    values: dict[str, dict[str, Any]] = {k: dict(v) for k, v in empty_tables(template)["table3"].items()}  # all set below
    mean = SCALES[scale]
    zero_share = 0.6 if scale == "township" else 0.1
    columns = [m.key for m in APPLICANT_COLUMNS[:-1]]
    for col in columns:
        n = _count(rng, mean * COLUMN_WEIGHT[col] / 100, zero_share if col == "natural_person" else 0.7)
        handled = _spread(rng, n, outcome_rows, [_weight(r) for r in outcome_rows])
        for row, v in handled.items():
            values[row][col] = v
        values["total"][col] = n
        forward = _count(rng, n * 0.05, 0.6)
        over = _count(rng, n * 0.04, 0.6)
        values["carried_over"][col] = over
        values["carried_forward"][col] = forward
        values["new_received"][col] = n + forward - over
        if values["new_received"][col] < 0:
            values["carried_over"][col] = n + forward
            values["new_received"][col] = 0
    for row, cols in values.items():
        if row not in spec.derived:
            cols["total"] = sum(cols[c] for c in columns)
    for derived, parts in spec.derived.items():
        values[derived] = {c: sum(values[p][c] for p in parts) for c in values[derived]}
    return values


def table4(rng: random.Random, scale: str) -> dict[str, dict[str, int]]:
    mean = {"township": 0.3, "county": 1.5, "city": 60}[scale]
    out = {}
    for group, weight in (("review", 1.0), ("litigation_direct", 0.4), ("litigation_after_review", 0.3)):
        row = {m.key: _count(rng, mean * weight / 4, 0.5) for m in T4_RESULTS[:-1]}
        row[T4_RESULTS[-1].key] = sum(row.values())
        out[group] = row
    return out


def table2(rng: random.Random, template: str, scale: str) -> dict[str, dict]:
    big = {"township": 0.2, "county": 1.0, "city": 30.0}[scale]
    out: dict[str, dict] = {}
    for row in FORMATS[template].table2.rows:
        keys = [c for _, c, _ in row.cells]
        kinds = [k for _, _, k in row.cells]
        if keys == ["issued", "repealed", "in_force"]:
            issued, repealed = _count(rng, 3 * big, 0.5), _count(rng, 1 * big, 0.7)
            out[row.key] = {"issued": issued, "repealed": repealed,
                            "in_force": max(0, issued - repealed) + _count(rng, 20 * big, 0.3)}
        elif keys == ["made", "published", "total_published"]:
            made = _count(rng, 3 * big, 0.5)
            out[row.key] = {"made": made, "published": made, "total_published": made + _count(rng, 20 * big, 0.3)}
        elif keys[:2] == ["items_prev_year", "items_change"]:
            prev = _count(rng, 30 * big, 0.4)
            change = rng.randint(-prev // 3, prev // 3 + 1) if prev else _count(rng, 2 * big, 0.7)
            vals: dict[str, int | float] = {"items_prev_year": prev, "items_change": change}
            if len(keys) == 3:
                vals["decisions"] = _count(rng, 500 * big, 0.4)
            out[row.key] = vals
        else:
            vals = {}
            for key, kind in zip(keys, kinds):
                vals[key] = _amount(rng, big) if kind == Kind.AMOUNT else _count(rng, 300 * big, 0.4)
            out[row.key] = vals
    return out


def _amount(rng: random.Random, big: float) -> float | int:
    """An amount in 万元: zero, or a number with up to four decimals."""
    if rng.random() < 0.4:
        return 0
    return round(rng.expovariate(1 / (50 * big)), rng.choice((1, 2, 4)))
