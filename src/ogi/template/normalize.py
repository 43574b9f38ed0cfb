"""Text normalisation shared by every stage that compares printed labels.

Two levels:

- :func:`clean` is what a person would call the same text: Unicode NFKC (full-width
  digits and brackets become ASCII, U+3000 and U+00A0 become spaces), unified quotes
  and dashes, and whitespace between two non-digits removed (``商业 企业`` →
  ``商业企业``) while whitespace next to a digit is kept, since it separates numbers.
- :func:`label_key` is the matching key of a label: ``clean`` without any whitespace or
  punctuation, so ``（二）部分公开（区分处理的，…）`` and ``(二)部分公开(区分处理的,…)``
  share a key, and so do ``1、`` ``1．`` ``1.`` numbering.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable
from functools import lru_cache
from typing import TypeVar

from .variant_chars import VARIANT_CHARS

_QUOTES = str.maketrans({"“": '"', "”": '"', "「": '"', "」": '"', "‘": "'", "’": "'",
                         "〔": "[", "〕": "]", "【": "[", "】": "]", "－": "-", "−": "-",
                         "—": "—", "―": "—", "━": "—", "⸺": "—", "⸻": "—", "﹣": "-", "∕": "/", "⁄": "/", "╱": "/",
                         "‐": "-", "‑": "-", "‒": "-",  # pymupdf4llm prints a cell's en dash as ‒
                         "⁃": "-", "﹘": "—", "．": ".", "。": "。",
                         # CJK radicals a PDF's fonts map some characters to (Chromium prints 人民
                         # as 人⺠, 龙泉 as ⻰泉); NFKC leaves this block alone
                         "⺠": "民", "⻰": "龙", "⻓": "长", "⻔": "门", "⻛": "风", "⻜": "飞", "⻢": "马",
                         "⻋": "车", "⻅": "见", "⻉": "贝", "⻚": "页", "⻄": "西", "⻩": "黄", "⻬": "齐",
                         "⻥": "鱼", "⻦": "鸟", "⻙": "韦", "⻆": "角", "⻨": "麦", "⻘": "青", "⻝": "食"})
# Kangxi radicals (U+2F00–U+2FD5) are what pdfminer, pdfplumber and pypdf print for the
# ideographs a PDF font maps to them (一 as ⼀, 文 as ⽂, 行 as ⾏): NFKC gives each its
# ideograph, one character for one, so offsets are kept
_KANGXI = {cp: unicodedata.normalize("NFKC", chr(cp)) for cp in range(0x2F00, 0x2FD6)}
RADICALS = str.maketrans({**_KANGXI, **{k: v for k, v in _QUOTES.items() if 0x2E80 <= k <= 0x2EFF}})
_ANY_RADICAL = re.compile("[\u2e80-\u2fdf]")
_SPACE_BETWEEN_NON_DIGITS = re.compile(r"(?<=[^\d\s])\s+(?=[^\d\s])")
_ANY_SPACE = re.compile(r"\s+")
# Everything that is not a CJK ideograph, a letter or a digit.
_NOT_WORD = re.compile(r"[^0-9A-Za-z\u3400-\u4dbf\u4e00-\u9fff]+")


@lru_cache(maxsize=1 << 16)
def nfkc(text: str) -> str:
    """NFKC with quotes and dashes unified; zero-width characters removed.
    (Cached: reports repeat the same cells and labels over and over.)"""
    text = unicodedata.normalize("NFKC", text).translate(_QUOTES)
    return text.replace("\u200b", "").replace("\ufeff", "").replace("\u00ad", "")


def unify_radicals(text: str) -> str:
    """``text`` with every CJK radical a PDF font maps an ideograph to replaced by that
    ideograph (one character for one: offsets and provenance are kept). The text readers
    apply it before any pattern looks at a line — a section heading ``⼆、主动公开…``, a
    numbering ``（⼀）`` — as :func:`nfkc` already does for labels."""
    return text.translate(RADICALS) if _ANY_RADICAL.search(text) else text


_ANY_RADICAL_UTF8 = re.compile(rb"\xe2[\xba-\xbf]")  # U+2E80–U+2FFF in UTF-8


def unify_radicals_utf8(data: bytes) -> bytes:
    """:func:`unify_radicals` of a UTF-8 file's bytes; other bytes (a GBK page) as they are."""
    if not _ANY_RADICAL_UTF8.search(data):
        return data
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        return data
    return unify_radicals(text).encode("utf-8")


KEPT_CHARS = 200  # text up to this long (cells, labels: they repeat) is normalised once and kept


TEXTS_KEPT = 1 << 16  # distinct short texts whose clean form (and, apart, key) is kept


_V = TypeVar("_V")


class KeptByText(dict[str, _V]):
    """A pure function of a text, kept for short text (at most :data:`KEPT_CHARS`) in a dict
    whose ``__getitem__`` is the function (``chars``, ``kept``: the bounds)—a text seen before is answered by one dictionary
    lookup in C, without a Python frame (``label_key`` is the most called function of a
    parse, ~700 calls a text report; a Python wrapper around an ``lru_cache`` cost 0.64 µs a
    call, the lookup 0.23 µs). A text not kept is computed by ``__missing__``; when
    :data:`TEXTS_KEPT` texts are kept the dict is emptied (the answers are the same either
    way: the function is pure)."""

    __slots__ = ("chars", "fn", "kept")

    def __init__(self, fn: Callable[[str], _V], chars: int = KEPT_CHARS, kept: int = TEXTS_KEPT) -> None:
        super().__init__()
        self.fn = fn
        self.chars = chars  # longer text is computed each time, never kept
        self.kept = kept  # texts kept at most

    def __missing__(self, text: str) -> _V:
        value = self.fn(text)
        if len(text) <= self.chars:
            if len(self) >= self.kept:
                self.clear()
            self[text] = value
        return value


def _clean(text: str) -> str:
    text = _ANY_SPACE.sub(" ", nfkc(text)).strip()
    return _SPACE_BETWEEN_NON_DIGITS.sub("", text)


_VARIANT_CHAR = re.compile("[" + "".join(VARIANT_CHARS) + "]")
_TO_TEMPLATE_CHARS = str.maketrans(VARIANT_CHARS)


def _label_key(text: str) -> str:
    key = _NOT_WORD.sub("", nfkc(text))
    return key.translate(_TO_TEMPLATE_CHARS) if _VARIANT_CHAR.search(key) else key


# Normalise text for reading: NFKC, collapse spaces, drop spaces inside words (kept: `KeptByText`).
clean: Callable[[str], str] = KeptByText(_clean).__getitem__
# The matching key of a label: letters, digits and ideographs only, the traditional
# (variant) forms of the template's characters folded to the template's own
# (:data:`~ogi.template.variant_chars.VARIANT_CHARS`: ``總體情況`` keys as ``总体情况``, as
# the tokenizer reads a label in traditional characters). None of those forms is a
# character of the template, so a template label keeps its key. (Kept: `KeptByText`.)
label_key: Callable[[str], str] = KeptByText(_label_key).__getitem__
