"""Read a label an agency shortened or mistyped as the template row it names, by the row's
own label text — no list of the spellings met anywhere.

Agencies print the official labels shortened (``本年新收政府信息公开申请数量`` as
``新收申请数``, ``申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请``
as ``逾期未缴费``) and mistyped with a character that sounds the same (``申请`` as ``申清``).
Where a table keeps its cells (HTML, Word) the label's cell still says which row it is; in
text (a crawler's one line, a converter's plain text) an unknown label is a *gap* between
values, and a row whose label is not read lends its values to the row before it.

Both slips leave the printed words *nearly in order inside the official label*: a shortened
label is a subsequence of the official one (its characters in the official order, some
left out); a mistyped one has a character that is not. So a printed label ``u`` (its
matching key, :func:`~ogi.template.normalize.label_key`) *resembles* a template label
``L`` when

- its words (the numbering ``1.`` ``(一)`` ``一、`` apart) are at least :data:`MIN_CHARS`
  characters — a shorter text (``其他``, ``合计``) says too little;
- where both print a numbering, it is the same (``2.没有现成信息`` is no row ``1.…``);
- the longest common subsequence of the two words is all of ``u``'s but at most one
  character in :data:`TYPO_SPAN`, none below :data:`TYPO_MIN_CHARS` (a typo a few
  characters, never a reworded phrase; a short piece of a layout's interleaved labels,
  ``供行制作`` of ``(四)无法提供`` and ``…另行制作``, names no row:
  ``涉及第三方权益`` shares only ``第三方权益`` with ``保护第三方合法权益`` and names no row).

A resemblance is a reading only where it is **unique among the table's labels**: every row
label and its listed variants, every group label and every header word of the table are
tried, and the text is read as a row only when that row is the one label it resembles
(``申请数`` resembles half of table 三; ``逾期未缴费`` only ``other.no_fee``). The aligner
asks, besides, that the row come after the last one read, within a few rows
(``align._own_text_row``), and the table's identities check what it places.
"""

from __future__ import annotations

import re
from functools import lru_cache

from .formats import FORMATS, TableSpec
from .normalize import label_key

MIN_CHARS = 4  # characters of a label's words (its numbering apart) below which it names no row
TYPO_SPAN = 4  # one character typed otherwise allowed per this many characters of the printed words
TYPO_MIN_CHARS = 8  # printed words shorter than this must be the label's characters in order, no typo
MATCHES_KEPT = 1 << 12  # (table, text) answers kept: a report has a few dozen unknown labels
_NUMBERING = re.compile(r"^(?:\d{1,2}|[一二三四五六七八九十]{1,2})(?=\D)")


def split_numbering(key: str) -> tuple[str, str]:
    """A label key's numbering (``1``, ``一``; ``""`` if none) and its words."""
    m = _NUMBERING.match(key)
    return (m.group(0), key[m.end():]) if m else ("", key)


def common_in_order(a: str, b: str) -> int:
    """The length of the longest common subsequence of ``a`` and ``b`` (characters in order)."""
    if len(a) > len(b):
        a, b = b, a
    prev = [0] * (len(a) + 1)
    for ch in b:
        cur = [0]
        for i, ca in enumerate(a):
            cur.append(prev[i] + 1 if ca == ch else max(prev[i + 1], cur[i]))
        prev = cur
    return prev[-1]


def resembles(words: str, label_words: str, typo_span: int = TYPO_SPAN) -> bool:
    """Are ``words`` (a printed label's, numbering apart) the label ``label_words`` shortened
    or mistyped: all their characters in its order but one in ``typo_span``, and no longer?"""
    if len(words) < MIN_CHARS or len(words) > len(label_words) + len(words) // typo_span:
        return False
    if words in label_words:
        return True
    typos = len(words) // typo_span if len(words) >= TYPO_MIN_CHARS else 0
    return common_in_order(words, label_words) >= len(words) - typos


def _labels(spec: TableSpec) -> tuple[tuple[str, str, str, str], ...]:
    """(kind, ref, numbering, words) of every label of ``spec``: its rows' labels and listed
    variants (a variant takes its row's numbering where it prints none), its groups' labels
    and variants, its header words."""
    out = []
    for r in spec.rows:
        if not r.label:
            continue
        number, words = split_numbering(label_key(r.label))
        out.append(("row", r.key, number, words))
        for v in r.variants:
            n, w = split_numbering(label_key(v))
            out.append(("row", r.key, n or number, w))
    for g in spec.groups:
        number, words = split_numbering(label_key(g.label))
        out.append(("group", g.key, number, words))
        for v in g.variants:
            n, w = split_numbering(label_key(v))
            out.append(("group", g.key, n or number, w))
    out += [("header", label_key(h), "", label_key(h)) for h in spec.headers]
    return tuple(out)


def named_row(spec: TableSpec, key: str) -> str | None:
    """The key of the one row of ``spec`` whose label the printed label ``key`` (a matching
    key) resembles — None where it resembles none, or more than one label of the table."""
    return _named_row(_kept_labels(spec), key)


@lru_cache(maxsize=MATCHES_KEPT)
def _named_row(labels: tuple[tuple[str, str, str, str], ...], key: str) -> str | None:
    number, words = split_numbering(key)
    if len(words) < MIN_CHARS:
        return None
    found: set[tuple[str, str]] = set()
    for kind, ref, n, w in labels:
        if number and n and number != n:
            continue
        if number and kind == "header":
            continue
        if resembles(words, w):
            found.add((kind, ref))
            if len(found) > 1:
                return None
    if len(found) != 1:
        return None
    kind, ref = found.pop()
    return ref if kind == "row" else None


_LABELS: dict[int, tuple[TableSpec, tuple]] = {}
SPECS_KEPT = 64  # tables whose labels are kept (the template's, and table 三 widened by 小计)


def _kept_labels(spec: TableSpec) -> tuple[tuple[str, str, str, str], ...]:
    kept = _LABELS.get(id(spec))
    if kept is None or kept[0] is not spec:
        if len(_LABELS) >= SPECS_KEPT:
            _LABELS.clear()
        kept = _LABELS[id(spec)] = (spec, _labels(spec))
    return kept[1]


PROSE_TYPO_SPAN = 10  # a long run read as a mistyped label: one character otherwise in this many


@lru_cache(maxsize=1)
def _long_labels() -> tuple[str, ...]:
    """The words of every row label of every table and format (numbering apart)."""
    out = {split_numbering(label_key(r.label))[1] for f in FORMATS.values() for t in f.tables
           for r in t.rows if r.label}
    return tuple(sorted(out))


def mistyped_label(words: str) -> bool:
    """Is a long run of unknown words (no digit in it) a row label of the template typed with a
    character or two otherwise (``申清人无正当理由逾期不补正、…``), not a sentence? The same
    length as the label, give or take, and all its characters in order but one in
    :data:`PROSE_TYPO_SPAN`."""
    _, words = split_numbering(words)
    allowed = len(words) // PROSE_TYPO_SPAN
    return any(abs(len(w) - len(words)) <= allowed and resembles(words, w, PROSE_TYPO_SPAN)
               for w in _long_labels())
