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
from functools import lru_cache

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


def clean(text: str) -> str:
    """Normalise text for reading: NFKC, collapse spaces, drop spaces inside words."""
    return _kept_clean(text) if len(text) <= KEPT_CHARS else _clean(text)


@lru_cache(maxsize=1 << 16)
def _kept_clean(text: str) -> str:
    return _clean(text)


def _clean(text: str) -> str:
    text = _ANY_SPACE.sub(" ", nfkc(text)).strip()
    return _SPACE_BETWEEN_NON_DIGITS.sub("", text)


def label_key(text: str) -> str:
    """The matching key of a label: letters, digits and ideographs only, the traditional
    (variant) forms of the template's characters folded to the template's own
    (:data:`~ogi.template.variant_chars.VARIANT_CHARS`: ``總體情況`` keys as ``总体情况``, as
    the tokenizer reads a label in traditional characters). None of those forms is a
    character of the template, so a template label keeps its key."""
    return _kept_label_key(text) if len(text) <= KEPT_CHARS else _label_key(text)


@lru_cache(maxsize=1 << 16)
def _kept_label_key(text: str) -> str:
    return _label_key(text)


_VARIANT_CHAR = re.compile("[" + "".join(VARIANT_CHARS) + "]")
_TO_TEMPLATE_CHARS = str.maketrans(VARIANT_CHARS)


def _label_key(text: str) -> str:
    key = _NOT_WORD.sub("", nfkc(text))
    return key.translate(_TO_TEMPLATE_CHARS) if _VARIANT_CHAR.search(key) else key
