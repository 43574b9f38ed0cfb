"""Wrapped header cells' lines glued into one piece, read part by part.

pdfminer's positioned HTML (and a layout that leaves no space between narrow columns) prints
the first lines of table 三's five organisation cells as one run: ``社会公科研其商业法律服``
over ``益组织机构他企业务机构``, each a cell's line, wrapped in its column. :mod:`.colorder`
reads a piece that is a label whole or a part only one label holds (:data:`.colorder.PARTS`);
a run of several such parts was no label and no part, and gave nothing — hold19's
``reordered`` 00035 (its five printed 社会公益组织, 科研机构, 其他, 商业企业, 法律服务机构) was
read by position: 42 numbers in the wrong columns with no finding.

:func:`parts_glued` cuts such a run from its start, each time taking the longest text that
is part of a header label (any: ``其`` of 其他 and of 法人或其他组织 is one), and where the
whole run is so cut, into two parts or more, gives the labels of the parts of two characters
or more that only one label holds (``社会公`` → 社会公益组织; ``其``, ``机构``, shared, give none).
The labels only feed the line rules that find two labels out of the format's order; a run
never names all five (其他's pieces are shared), so it never lets a reading move a column:
at most it leaves table 三's applicant cells null with the TEMPLATE_DEVIATION finding. Where
a run is not a part-by-part cut of header text (a digit, a word of the note beside it), it
gives nothing, as before."""

from __future__ import annotations

from collections.abc import Mapping
from functools import lru_cache

MIN_PART_CHARS = 2  # a part naming its label: one character may be a neighbour column's
MIN_PARTS = 2  # a run of one part is the part itself (read by the caller)


def parts_glued(key: str, parts: Mapping[str, str], labels: tuple[str, ...]) -> list[str]:
    """The labels the parts of ``key`` (a piece's key) name, left to right, where ``key`` cuts
    wholly, longest first, into pieces of the header ``labels``' keys; [] where it does not."""
    return list(_cut(key, tuple(sorted(parts.items())), labels))


@lru_cache(maxsize=1024)
def _cut(key: str, parts: tuple[tuple[str, str], ...], labels: tuple[str, ...]) -> tuple[str, ...]:
    of_part = dict(parts)
    found: list[str] = []
    at = cuts = 0
    while at < len(key):
        end = next((e for e in range(len(key), at, -1) if any(key[at:e] in label for label in labels)), at)
        if end == at:
            return ()  # a character of no header label: not a run of the header's parts
        part = key[at:end]
        if len(part) >= MIN_PART_CHARS and part in of_part:
            found.append(of_part[part])
        at, cuts = end, cuts + 1
    return tuple(found) if cuts >= MIN_PARTS else ()


__all__ = ["parts_glued"]
