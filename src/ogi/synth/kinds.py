"""The kinds a wild corpus's ``mixed`` page draws: three of the corpus's other kinds, drawn
again until no two of them are a pair the corpus cannot draw on one page (a table cut by its
columns has no ``<tfoot>``; a table re-drawn as divs is no ``<pre>`` text). The kinds come back
in the corpus's own order, so a seed makes the same page every time."""

from __future__ import annotations

import random
from collections.abc import Iterable, Sequence

MIXED_DRAWS = 3  # kinds a mixed page combines


def mixed_kinds(rng: random.Random, pool: Sequence[str], order: Iterable[str],
                exclusive: Iterable[set[str]] = ()) -> tuple[str, ...]:
    """Three kinds of ``pool`` no pair of ``exclusive`` holds both of, in ``order``."""
    pairs = tuple(exclusive)
    while True:
        chosen = set(rng.sample(pool, MIXED_DRAWS))
        if not any(pair <= chosen for pair in pairs):
            return tuple(k for k in order if k in chosen)


__all__ = ["MIXED_DRAWS", "mixed_kinds"]
