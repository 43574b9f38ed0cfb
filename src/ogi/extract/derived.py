"""A derived row's sums after a pass nulled one of its parts.

2021's (六)其他处理 is not printed: the extractor sums its three sub-rows (``_derive``), and a
sum is null wherever a part is. A pass that later leaves a sub-row's cell null — a copy in an
annex that disagrees (:mod:`ogi.extract.twice`), a column order the sums refute
(:mod:`ogi.extract.colorder_sums`) — must null the sum over it too, or the sum keeps a value
made from a number the report no longer vouches for. The sum's provenance (``derived``, and
the cells it is made from) stays, as ``_derive`` writes it for a null sum."""

from __future__ import annotations

from ..model import Report
from ..template.formats import TableSpec


def null_derived(report: Report, spec: TableSpec) -> None:
    """Null each derived cell of ``spec``'s table where a part it sums is null."""
    values = getattr(report, spec.key)
    for derived, parts in spec.derived.items():
        for col in values.get(derived, {}):
            if any(values.get(p, {}).get(col) is None for p in parts):
                values[derived][col] = None


__all__ = ["null_derived"]
