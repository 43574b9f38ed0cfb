"""The texts' pure functions kept in a dict whose lookup is the function
(``template.normalize.KeptByText``: ``label_key``, ``clean``, ``readers.spans.is_label``,
``readers.html_text.collapse``) give
the answers of the functions they keep, for short and long text, before and after the dict is
emptied at its bound."""

from __future__ import annotations

import random

from ogi.readers import html_text, spans
from ogi.template import normalize
from ogi.template.normalize import KEPT_CHARS, KeptByText, clean, label_key

_PIECES = ["（一）予以公开", "(二)部分公开", "本年新收", "政府信息公开申请数量", "總體情況", "商业 企业",
           "12", " 3 4 ", "—", "／", "件", "\u3000", "\u200b", "⼀", "⺠", "1、", "1．", "A b", "无", "",
           "\n", "\r\n ", "\u00a0", "  "]


def _texts(n: int, seed: int) -> list[str]:
    rnd = random.Random(seed)
    return ["".join(rnd.choice(_PIECES) for _ in range(rnd.randint(0, 6))) for _ in range(n)]


def test_kept_functions_answer_as_the_functions_they_keep() -> None:
    long_text = "本年新收政府信息公开申请数量 12 " * 20
    assert len(long_text) > KEPT_CHARS
    for text in _texts(3000, 1) + [long_text]:
        for _ in range(2):  # computed, then read back
            assert label_key(text) == normalize._label_key(text)
            assert clean(text) == normalize._clean(text)
            assert spans.is_label(text) == spans._is_label(text)
            assert html_text.collapse(text) == html_text._collapse(text)


def test_exact_values() -> None:
    assert label_key("（一）予以公开") == "一予以公开" == label_key("(一)予以公开")
    assert label_key("總體情況") == "总体情况"
    assert clean("商业 企业  12  3") == "商业企业 12 3"
    assert spans.is_label("予以公开") is True
    assert spans.is_label("12件") is False
    assert html_text.collapse(" 予以\n公开  12 ") == "予以公开 12"


def test_long_text_is_not_kept_and_the_bound_empties_the_dict() -> None:
    calls: list[str] = []

    def upper(text: str) -> str:
        calls.append(text)
        return text.upper()

    kept = KeptByText(upper, kept=3)
    long_text = "a" * (KEPT_CHARS + 1)
    assert kept[long_text] == long_text.upper() and long_text not in kept
    assert kept["ab"] == "AB" and kept["ab"] == "AB" and calls.count("ab") == 1
    for text in ("c", "d", "e"):
        assert kept[text] == text.upper()
    assert len(kept) <= 3 and kept["ab"] == "AB" and calls.count("ab") == 2  # emptied at 3, asked again
    short = KeptByText(upper, chars=1)
    assert short["xy"] == "XY" and "xy" not in short and short["x"] == "X" and "x" in short
