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

_QUOTES = str.maketrans({"“": '"', "”": '"', "「": '"', "」": '"', "‘": "'", "’": "'",
                         "〔": "[", "〕": "]", "【": "[", "】": "]", "－": "-", "−": "-",
                         "—": "—", "―": "—", "━": "—", "﹣": "-", "．": ".", "。": "。",
                         # CJK radicals a PDF's fonts map some characters to (Chromium prints 人民
                         # as 人⺠, 龙泉 as ⻰泉); NFKC leaves this block alone
                         "⺠": "民", "⻰": "龙", "⻓": "长", "⻔": "门", "⻛": "风", "⻜": "飞", "⻢": "马",
                         "⻋": "车", "⻅": "见", "⻉": "贝", "⻚": "页", "⻄": "西", "⻩": "黄", "⻬": "齐",
                         "⻥": "鱼", "⻦": "鸟", "⻙": "韦", "⻆": "角", "⻨": "麦", "⻘": "青", "⻝": "食"})
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
    """The matching key of a label: letters, digits and ideographs only."""
    return _kept_label_key(text) if len(text) <= KEPT_CHARS else _NOT_WORD.sub("", nfkc(text))


@lru_cache(maxsize=1 << 16)
def _kept_label_key(text: str) -> str:
    return _NOT_WORD.sub("", nfkc(text))
