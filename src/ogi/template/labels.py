"""The label dictionary: every printed phrase of both formats, and a segmenter that finds
them in flattened text.

A flattened table often runs labels together (``三、本年度办理结果(一)予以公开``), splits
them (``商业`` / ``企业``) or puts header words, captions and row labels on one line. The
segmenter reads the matching key of such text (see :func:`label_key`) left to right and
takes the longest known phrase at each position; what matches nothing is a *gap*.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from .formats import FORMATS, SECTIONS, Format, TableSpec
from .normalize import label_key, nfkc

_WORD = re.compile(r"[0-9A-Za-z\u3400-\u4dbf\u4e00-\u9fff]")
_WORDS = re.compile(_WORD.pattern + "+")
_NUMBERING = re.compile(r"^(?:[0-9]{1,2}|[一二三四五六七八九十]{1,2}|\([一二三四五六七八九十]\))[.、:]?")


@dataclass(frozen=True)
class Phrase:
    """A known printed phrase and what it stands for."""

    kind: str  # "row" | "group" | "header"
    table: str  # "table2" | "table3" | "table4"
    ref: str  # row key, group key or the header text itself
    formats: frozenset[str]  # formats that print it
    exact: bool = True  # False for a variant without its numbering or a known typo


@dataclass(frozen=True)
class Segment:
    """A piece of text: a matched phrase, or a gap (``phrase is None``)."""

    text: str  # the key text of the piece
    start: int  # offsets into the original string
    end: int
    phrases: tuple[Phrase, ...] = ()  # every phrase with this key; empty for a gap

    @property
    def phrase(self) -> Phrase | None:
        """The likeliest reading: a row before a group before a header."""
        return _pick(self.phrases)

    def in_table(self, table: str) -> Phrase | None:
        """The reading of this segment within one table, if it has one there."""
        return _pick(tuple(p for p in self.phrases if p.table == table))


def _phrases_of(fmt: Format) -> list[tuple[str, Phrase]]:
    out: list[tuple[str, Phrase]] = []
    f = frozenset({fmt.name})
    for table in fmt.tables:
        out += _table_phrases(table, f)
    return out


def _table_phrases(table: TableSpec, f: frozenset[str]) -> list[tuple[str, Phrase]]:
    out: list[tuple[str, Phrase]] = []
    for row in table.rows:
        if row.label:
            out.append((row.label, Phrase("row", table.key, row.key, f)))
            out += [(v, Phrase("row", table.key, row.key, f, exact=False)) for v in row.variants]
            bare = _NUMBERING.sub("", label_key(row.label))
            if len(bare) >= 4 and bare != label_key(row.label):
                out.append((bare, Phrase("row", table.key, row.key, f, exact=False)))
    for group in table.groups:
        out.append((group.label, Phrase("group", table.key, group.key, f)))
        out += [(v, Phrase("group", table.key, group.key, f, exact=False)) for v in group.variants]
    out += [(h, Phrase("header", table.key, label_key(h), f)) for h in table.headers]
    return out


@lru_cache(maxsize=1)
def dictionary() -> dict[str, tuple[Phrase, ...]]:
    """Matching key → the phrases with that key, over both formats."""
    merged: dict[tuple[str, str, str, str, bool], set[str]] = {}
    for fmt in FORMATS.values():
        for text, p in _phrases_of(fmt):
            k = label_key(text)
            if k:
                merged.setdefault((k, p.kind, p.table, p.ref, p.exact), set()).update(p.formats)
    out: dict[str, list[Phrase]] = {}
    for (k, kind, table, ref, exact), fmts in merged.items():
        out.setdefault(k, []).append(Phrase(kind, table, ref, frozenset(fmts), exact))
    return {k: tuple(v) for k, v in out.items()}


@lru_cache(maxsize=2)
def row_label_widths(variants: bool = False) -> dict[str, frozenset[int]]:
    """Row label key → the widths its row is printed at, in the formats the label belongs to
    (one label may name rows of other widths in the two formats); with ``variants``, the
    label's variants the dictionary lists count too (without numbering, known typos:
    ``2.其他法律法规禁止公开``), else only the template's own labels."""
    out: dict[str, set[int]] = {}
    for key, phrases in dictionary().items():
        for p in phrases:
            if p.kind != "row" or not (variants or p.exact):
                continue
            for fmt in FORMATS.values():
                table = next(t for t in fmt.tables if t.key == p.table)
                row = next((r for r in table.rows if r.key == p.ref), None)
                if row is not None and fmt.name in p.formats:
                    out.setdefault(key, set()).add(row.width)
    return {k: frozenset(v) for k, v in out.items()}


@lru_cache(maxsize=1)
def _by_prefix() -> dict[str, tuple[str, ...]]:
    index: dict[str, list[str]] = {}
    for k in dictionary():
        index.setdefault(k[:2], []).append(k)
    return {p: tuple(sorted(ks, key=len, reverse=True)) for p, ks in index.items()}


def key_with_offsets(text: str) -> tuple[str, list[int]]:
    """The matching key of ``text`` and, for each key character, its offset in ``text``."""
    normal = nfkc(text)
    if len(normal) == len(text):  # the usual case: one character for one
        runs = [(m.group(0), m.start()) for m in _WORDS.finditer(normal)]  # runs of key characters
        return "".join(r for r, _ in runs), [i for r, at in runs for i in range(at, at + len(r))]
    chars, offsets = [], []
    for i, ch in enumerate(text):
        n = nfkc(ch)
        for c in n:
            if _WORD.match(c):
                chars.append(c)
                offsets.append(i)
    return "".join(chars), offsets


@lru_cache(maxsize=1)
def _keys_pattern() -> re.Pattern[str] | None:
    """Every key of the dictionary, longest first, as one alternation: at each position the
    first alternative that matches is the longest key there — what :func:`segment`'s walk
    by two-character prefixes finds, the scan done in C. None if a key is shorter than two
    characters (the walk's prefix lookup treats those differently)."""
    keys = sorted(dictionary(), key=len, reverse=True)
    if any(len(k) < 2 for k in keys):
        return None
    return re.compile("|".join(re.escape(k) for k in keys))


@lru_cache(maxsize=1 << 14)
def segment(text: str) -> tuple[Segment, ...]:
    """Split text into known phrases (longest first) and the gaps between them."""
    key, offsets = key_with_offsets(text)
    pattern = _keys_pattern()
    if pattern is not None:
        return _segment_by_pattern(pattern, key, offsets, text)
    prefixes = _by_prefix()
    words = dictionary()
    out: list[Segment] = []
    gap_start = None
    i = 0
    while i < len(key):
        match = None
        for k in prefixes.get(key[i:i + 2], ()):  # longest first
            if key.startswith(k, i):
                match = k
                break
        if match is None:
            if gap_start is None:
                gap_start = i
            i += 1
            continue
        if gap_start is not None:
            out.append(_piece(key, offsets, text, gap_start, i, None))
            gap_start = None
        out.append(_piece(key, offsets, text, i, i + len(match), words[match]))
        i += len(match)
    if gap_start is not None:
        out.append(_piece(key, offsets, text, gap_start, len(key), None))
    return tuple(out)


def _segment_by_pattern(pattern: re.Pattern[str], key: str, offsets: list[int], text: str) -> tuple[Segment, ...]:
    words = dictionary()
    out: list[Segment] = []
    at = 0  # where the gap before the next phrase starts
    for m in pattern.finditer(key):
        a, b = m.span()
        if a > at:
            out.append(_piece(key, offsets, text, at, a, None))
        out.append(_piece(key, offsets, text, a, b, words[m.group()]))
        at = b
    if at < len(key):
        out.append(_piece(key, offsets, text, at, len(key), None))
    return tuple(out)


def _piece(key: str, offsets: list[int], text: str, a: int, b: int,
           phrases: tuple[Phrase, ...] | None) -> Segment:
    start, end = offsets[a], offsets[b - 1] + 1
    return Segment(key[a:b], start, end, phrases or ())


def _pick(phrases: tuple[Phrase, ...] | None) -> Phrase | None:
    """Several phrases share a key (``总计`` is a header of 三 and of 四): prefer rows."""
    if not phrases:
        return None
    return sorted(phrases, key=lambda p: (p.kind != "row", p.kind != "group"))[0]


_HEADING = re.compile(r"^\s*([一二三四五六])\s*[、.,:\s]")


HEADINGS_KEPT = 1 << 14  # short texts whose section answer is kept (labels and headings repeat across reports)
KEPT_HEADING_CHARS = 200  # longer text is read without keeping its answer


def section_of(text: str) -> str | None:
    """The section key ("s1"…"s6") if ``text`` is one of the six section headings:
    its numeral (``一、``, not ``(一)``) followed by words of that section."""
    return _kept_section_of(text) if len(text) <= KEPT_HEADING_CHARS else _section_of(text)


@lru_cache(maxsize=HEADINGS_KEPT)
def _kept_section_of(text: str) -> str | None:
    """:func:`_section_of`, kept per short text: the answer depends on the text only."""
    return _section_of(text)


def _section_of(text: str) -> str | None:
    text = nfkc(text)
    m = _HEADING.match(text)
    if not m or len(label_key(text)) > 70:
        return None
    head = label_key(text)[:45]
    for section in SECTIONS:
        if m.group(1) == section.numeral and any(label_key(k) in head for k in section.keywords):
            return section.key
    return None
