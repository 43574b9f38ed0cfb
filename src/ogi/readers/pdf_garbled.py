"""A text layer that is there but says nothing: pages whose glyphs have no Unicode.

A PDF's fonts map each glyph to its character through a ``ToUnicode`` table. Some
producers embed a subset font without one (older office drivers, some converters of
Chinese documents); the page looks right, but its text layer is glyph numbers read as
characters: control characters, C1 controls, Latin-1 letters, the private-use area,
U+FFFD — ``\\x9e\\x83\\x04åýà\\x13\\x11…`` where the page prints ``2023年政府信息公开…``.
Such a page has plenty of glyphs, so it is not taken for a scan, and nothing of the report
is found in it.

Other producers' glyph numbers land among the CJK code points (``䇥䈾䶿䈮⟖䕮⪙``): the
characters are valid but are not Chinese text. Chinese prose is made mostly of its few
hundred commonest characters (80–92% of the CJK characters of every page of the shared
PDFs are among the 500 of :data:`COMMON_HANZI`); such a page has 1–4%.

A page is *garbled* when either holds:

* at least :data:`GARBLED_SHARE` of its printed characters (at least :data:`MIN_CHARS` of
  them) are characters no Chinese report prints: controls (C0 but for whitespace, C1),
  private-use and unassigned code points, U+FFFD, and Latin-1 letters (``å``, ``ý``; the
  signs a report may print there — ``·``, ``°``, ``×`` — are not letters);
* it has at least :data:`MIN_CHARS` CJK characters and fewer than :data:`COMMON_SHARE` of
  them are among :data:`COMMON_HANZI`.
The PDF reader then reads the page by OCR like a scanned one: the page renders right from
the font's outlines, only the map to characters is missing. A page of a few such
characters among real text (a stray symbol font) is far below the share and stays."""

from __future__ import annotations

import unicodedata
from collections import Counter
from functools import lru_cache

from .pdf_page import PageContent

GARBLED_SHARE = 0.1  # share of a page's printed characters that makes its text layer garbled
MIN_CHARS = 50  # printed (or CJK) characters a page needs before its text layer is judged
COMMON_SHARE = 0.3  # below this share of common characters, a page's CJK characters are not Chinese text
# the 500 commonest characters of modern Chinese (by frequency), and 息申请 of every report's tables
COMMON_HANZI = frozenset(
    "的一是在不了有和人这中大为上个国我以要他时来用们生到作地于出就分对成会可主发年动同工也能下过子说产种面而方后多定行学法所民得经十三之进着等部度家电力里如水化高自二理起小物现实加量都两体制机当使点从业本去把性好应开它合还因由其些然前外天政四日那社义事平形相全表间样与关各重新线内数正心反你明看原又么利比或但质气第向道命此变条只没结解问意建月公无系军很情者最立代想已通并提直题党程展五果料象员革位入常文总次品式活设及管特件长求老头基资边流路级少图山统接知较将组见计别她手角期根论运农指几九区强放决西被干做"
    "必战先回则任取据处队南给色光门即保治北造百规热领七海口东导器压志世金增争济阶油思术极交受联什认六共权收证改清己美再采转更单风切打白教速花带安场身车例真务具万每目至达走积示议声报斗完类八离华名确才科张信马节话米整空元况今集温传土许步群广石记需段研界拉林律叫且究观越织装影算低持音众书布复容儿须际商非验连断深难近矿千周委素技备半办青省列习响约支般史感劳便团往酸历市克何除消构府称太准精值号率族维划选标写存候毛亲快效斯院查江型眼王按格养易置派层片始却专状育厂京识适属圆包火住调满县局照参红细引听该铁价严息申请")

_BAD_CATEGORIES = frozenset({"Cc", "Co", "Cn", "Cs"})


def unmapped(char: str) -> bool:
    """Whether ``char`` is one a glyph without a Unicode map prints (see the module docstring)."""
    code = ord(char)
    if code == 0xFFFD or unicodedata.category(char) in _BAD_CATEGORIES:
        return True
    return 0x80 <= code <= 0xFF and unicodedata.category(char).startswith("L")


def garbled(content: PageContent) -> bool:
    """Whether the page's text layer is garbled: glyphs without a Unicode map. Each
    distinct character is judged once (a page prints a few hundred of them)."""
    counts = Counter("".join([f.text for f in content.fragments]))
    printed = {c: n for c, n in counts.items() if not c.isspace()}
    total = sum(printed.values())
    if total >= MIN_CHARS and sum(n for c, n in printed.items() if _unmapped(c)) >= GARBLED_SHARE * total:
        return True
    cjk = {c: n for c, n in printed.items() if "\u3400" <= c <= "\u9fff"}
    total_cjk = sum(cjk.values())
    return total_cjk >= MIN_CHARS and sum(n for c, n in cjk.items() if c in COMMON_HANZI) < COMMON_SHARE * total_cjk


_unmapped = lru_cache(maxsize=4096)(unmapped)  # pages of one PDF print mostly the same characters


__all__ = ["COMMON_HANZI", "COMMON_SHARE", "GARBLED_SHARE", "MIN_CHARS", "garbled", "unmapped"]
