"""Compare a parsed report with an expected file in the corpus format (`expected/*.json`
as `../shared/tools/score.py` reads it): every listed cell and meta field, and the
findings that must and must not be raised."""

from __future__ import annotations

import json
import math
from pathlib import Path

SHARED = Path(__file__).resolve().parents[2] / "shared"
SEEDS = SHARED / "corpus" / "seeds"
PEER = SHARED / "corpus" / "peer"
FIXTURES = Path(__file__).resolve().parent / "fixtures"


def cases(folder: Path) -> list[tuple[Path, Path]]:
    """(report file, expected file) pairs of a corpus folder."""
    out = []
    for exp in sorted((folder / "expected").glob("*.json")):
        docs = [p for p in folder.iterdir() if p.is_file() and p.stem == exp.stem]
        if docs:
            out.append((docs[0], exp))
    return out


def _same(a, b) -> bool:
    if a is None or b is None:
        return a is None and b is None
    if isinstance(a, (int, float)) and isinstance(b, (int, float)):
        return math.isclose(a, b, rel_tol=1e-9, abs_tol=1e-6)
    return a == b


def differences(expected_path: Path, report) -> list[str]:
    """Every way the report differs from the expected file (empty when it matches)."""
    exp = json.loads(expected_path.read_text(encoding="utf-8"))
    got = report.as_json()
    wrong = []
    for table in ("table2", "table3", "table4"):
        for row, cols in (exp.get(table) or {}).items():
            for col, want in cols.items():
                have = got[table].get(row, {}).get(col, "missing")
                if not _same(have, want):
                    wrong.append(f"{table}.{row}.{col}: want {want!r}, got {have!r}")
    meta = exp.get("meta") or {}
    for key in ("year", "template", "published_date", "index_number"):
        if key in meta and got["meta"].get(key) != meta[key]:
            wrong.append(f"meta.{key}: want {meta[key]!r}, got {got['meta'].get(key)!r}")
    if "agency_contains" in meta and meta["agency_contains"] not in (got["meta"].get("agency") or ""):
        wrong.append(f"meta.agency: want to contain {meta['agency_contains']!r}, got {got['meta'].get('agency')!r}")
    codes = {f["code"] for f in got["findings"]}
    wrong += [f"finding {c} not raised" for c in exp.get("findings_must", []) if c not in codes]
    wrong += [f"finding {c} raised wrongly" for c in exp.get("findings_must_not", []) if c in codes]
    return wrong
