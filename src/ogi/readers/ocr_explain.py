"""Which OCR readings could explain a failing identity: a value is doubted only where a
misreading of it could.

``ogi.checks.confidence`` settles each value OCR read against the format's identities (row
sums, table 三's column identities). An identity that fails, as read, has an explanation:
a term was misread, or the report disagrees with itself. OCR reads some numbers *doubtfully*
(below ``LOW_CONFIDENCE``: a ``/`` read ``1`` at 0.5–0.8); the others it reads confidently,
and a confident misreading is rare (``benchmarks/ocr_digits.py`` found none in thousands of
printed numbers). So a failing identity is explained, in this order:

1. **By its doubtful readings alone.** Each doubtful term may have been printed as what was
   read, as a mark counted 0 (a ``/`` or ``—`` read as a digit) or as one of its
   misreadings (``ocr_misreads.misreadings``: one digit changed, lost or added). When some
   such values make the identity hold, the doubtful reading explains it: the identity says
   nothing against a confident term in it (nor for it — it holds only through a guess).
2. **By a misreading of the value judged**, with every doubtful term as in 1 (a confident
   misreading beside a doubtful one: two errors in one identity, the case that made a wrong
   number when only single misreadings were tried). When one makes the identity hold, the
   value cannot be trusted: null, and the finding says which reading would fit.
3. **By nothing one misreading does**: the report itself disagrees (or two confident
   misreadings: the risk accepted for every identity). The value stays, unless its own glyph
   confidence is low (the caller's rule).

Before this rule (docs/renderings.md §41) a failing identity with a doubtful term nulled every
term of it when no counts at all in the doubtful places could make it hold — the identity
failing *whatever* the doubtful reading was, so that reading could not be its cause, and the
confident values beside it were lost (a scanned report whose sums do not hold, with one
doubtful reading in a row: the whole row and every column through it). Now they are null
only where 2 finds a misreading of theirs that explains the failure (§47).

With more than :data:`MAX_DOUBTFUL` doubtful terms in one identity their combinations are not
listed: each is then some count, any non-negative number (scan7's rule), so the identity is
explained by them whenever counts on their side could make it hold. So is a doubtful reading
that is no number at all (a glyph read as a letter).

A value judged is a *term* of its identities; the identity :func:`judge` takes has the terms
of each side with their values (a cell printed empty counts 0) and whether each was read
doubtfully. Nothing here reads a report: the caller builds the terms.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from functools import lru_cache
from itertools import product

from ..template.arithmetic import Number
from .ocr_misreads import misreadings

MAX_DOUBTFUL = 2  # doubtful terms of one identity whose printed values are listed; more: any count


@dataclass(frozen=True)
class Term:
    """A term of an identity: the cell's key, the value it counts for (0 for a cell printed
    empty), the text OCR read (empty when none) and whether the reading is doubtful. A
    doubtful reading that is no number at all (``known`` False) is some count."""

    key: str
    value: Number
    text: str = ""
    doubtful: bool = False
    known: bool = True


Identity = tuple[Sequence[Term], Sequence[Term]]  # the sum of the left terms = the sum of the right terms

SETTLED = "settled"  # an identity with no other doubtful term holds
MISREAD = "misread"  # a misreading of the value (with the doubtful terms' printed values) explains a failure
FAILS = "fails"  # an identity fails and nothing one misreading does explains it
UNTESTED = "untested"  # no identity tests the value (none known, or held/explained by doubtful readings)


@dataclass(frozen=True)
class Verdict:
    """What the identities say of one value: ``kind`` is one of :data:`SETTLED`,
    :data:`MISREAD`, :data:`FAILS`, :data:`UNTESTED`. For :data:`MISREAD`, ``needed`` is the
    value that makes a failing identity hold and ``doubtful`` the doubtful terms taken as
    printed otherwise than read, ``(key, value)``, value None for "some count"."""

    kind: str
    needed: int | None = None
    doubtful: tuple[tuple[str, int | None], ...] = ()


def judge(key: str, text: str, identities: Sequence[Identity]) -> Verdict:
    """The verdict on the value of ``key`` (read as ``text``) from its ``identities`` (each
    holds a :class:`Term` for ``key``; see the module text for the order)."""
    for identity in identities:
        if _gap(identity) == 0 and not any(t.doubtful for t in _terms(identity) if t.key != key):
            return Verdict(SETTLED)
    failing = []
    for identity in identities:
        gap = _gap(identity, doubtful_apart=key)
        printed = _Doubtful(identity, key)
        if not printed.explains(gap):  # neither holds as read nor through its doubtful readings alone
            failing.append((identity, gap, printed))
    for as_read in (True, False):  # a misreading of the value alone first, in any identity
        for identity, gap, printed in failing:
            found = _misreading(key, text, identity, gap, printed, as_read)
            if found is not None:
                return found
    return Verdict(FAILS) if failing else Verdict(UNTESTED)


def _terms(identity: Identity) -> Iterator[Term]:
    yield from identity[0]
    yield from identity[1]


def _gap(identity: Identity, doubtful_apart: str | None = None) -> Number:
    """Right minus left; with ``doubtful_apart``, only over the terms not doubtful (and the
    term of that key, doubtful or not)."""
    def counted(t: Term) -> bool:
        return doubtful_apart is None or not t.doubtful or t.key == doubtful_apart

    return sum(t.value for t in identity[1] if counted(t)) - sum(t.value for t in identity[0] if counted(t))


def _misreading(key: str, text: str, identity: Identity, gap: Number, printed: _Doubtful,
                as_read: bool) -> Verdict | None:
    """A misreading of the value that makes ``identity`` hold, with the doubtful terms
    ``as_read`` or as they may have been printed; None when there is none."""
    on_left = any(t.key == key for t in identity[0])
    value = next(t.value for t in _terms(identity) if t.key == key)
    for needed in dict.fromkeys(misreadings(text)):
        if needed == value or (needed < 0 <= value):  # itself; a count is never negative
            continue
        moved = gap + (value - needed if on_left else needed - value)
        found = printed.as_read(moved) if as_read else printed.find(moved)
        if found is not None:
            return Verdict(MISREAD, needed, found)
    return None


def alternatives(term: Term) -> set[Number]:
    """What a doubtful reading may have been printed as: what was read, a mark (counted 0)
    or one of its misreadings — a count, so never negative."""
    return {term.value, 0, *(n for n in misreadings(term.text) if n >= 0)}


class _Doubtful:
    """The doubtful terms of an identity (other than the value judged): what their sum, left
    minus right, may have been as printed."""

    def __init__(self, identity: Identity, key: str):
        self.sides = [[t for t in side if t.doubtful and t.key != key] for side in identity]
        self.read: Number | None = sum(t.value for t in self.sides[0]) - sum(t.value for t in self.sides[1])
        if not all(t.known for side in self.sides for t in side):
            self.read = None  # a reading that is no number has no value as read
        self.listed = (len(self.sides[0]) + len(self.sides[1]) <= MAX_DOUBTFUL
                       and all(t.known for side in self.sides for t in side))

    def explains(self, gap: Number) -> bool:
        """Could the doubtful terms' printed values close ``gap`` (right minus left of the
        other terms)? With none, only a gap of 0."""
        return self.find(gap) is not None

    def as_read(self, gap: Number) -> tuple[tuple[str, int | None], ...] | None:
        """``()`` when the doubtful terms as read close ``gap``, else None."""
        return () if self.read == gap else None

    def find(self, gap: Number) -> tuple[tuple[str, int | None], ...] | None:
        """Doubtful terms taken otherwise than read, ``(key, value)``, that close ``gap``
        (``()``: as read); None when no printed values can."""
        if self.read == gap:
            return ()
        if not self.listed:
            return self._any_counts(gap)
        return _offsets(tuple(self.sides[0]), tuple(self.sides[1])).get(gap)

    def _any_counts(self, gap: Number) -> tuple[tuple[str, int | None], ...] | None:
        """Beyond :data:`MAX_DOUBTFUL`: each doubtful term is any count."""
        left, right = self.sides
        if (left and right) or (left and gap >= 0) or (right and gap <= 0):
            return tuple((t.key, None) for t in (*left, *right))
        return None


Offsets = dict[Number, tuple[tuple[str, int | None], ...]]


@lru_cache(maxsize=32)
def _offsets(left: tuple[Term, ...], right: tuple[Term, ...]) -> Offsets:
    """Every sum (left minus right) the doubtful terms' alternatives make, with the fewest
    terms changed from their reading for each (the same terms recur in each value's
    identities: listed once)."""
    terms = [(t, 1) for t in left] + [(t, -1) for t in right]
    offsets: Offsets = {}
    choices = [_as_read_first(t) for t, _ in terms]
    for values in product(*choices):
        total = sum(sign * v for (_, sign), v in zip(terms, values))
        changed = tuple((t.key, int(v)) for (t, _), v in zip(terms, values) if v != t.value)
        if total not in offsets or len(changed) < len(offsets[total]):
            offsets[total] = changed
    return offsets


def _as_read_first(term: Term) -> list[Number]:
    """The term's alternatives, what was read first (a sum reached as read is taken so)."""
    return [term.value, *sorted(alternatives(term) - {term.value})]
