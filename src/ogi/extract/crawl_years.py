"""The year printed inside a table's labels, glued in a crawler's one line, written in words.

The format's labels and headers say 本年, 上年, 上一年, 下年度 (``本年制发件数``, ``一、本年新收政府信息
公开申请数量``, ``二、上年结转…``, ``三、本年度办理结果``, ``四、结转下年度继续办理``, ``上一年项目数量``).
Many agencies print the year instead: ``2024年制发件数``, ``截至2024年底现行有效件数``,
``一、2024年新收…``, ``二、2023年结转…``, ``四、结转2025年继续办理``. Where a label keeps a cell or a
line of its own, the year reads as part of it. A crawler's ``text_content()`` glues the page on one
line, and the year's digits become a number among the cells:
``…一、2024年新收政府信息公开申请数量6000006二、2023年结转…`` gives the row 一 the values
``6000006`` and ``2023`` (too many: the row is refused), and table 二's header ``2024年制发件数2024年废止
件数截至2024年底…`` three values that belong to no row (the table is refused whole: it has no
sums to check a row by).

No cell of the tables is a count followed by 年: a value is followed by the next value, the next
row's label (none begins with 年) or the text after the table. So a year is read as a label's
word where the template puts one: right where a label of the template says 本年/上年/上一年/下年度,
with the label's own words next to it — its numbering before it (``一、``, ``二、``, ``四、结转``) or,
for a header (no numbering), a letter of the header before it or the start of a line (a text
that prints a cell a line, as BeautifulSoup's ``get_text("\n")`` does), and after the year's ``年`` (or
``年度``) the first :data:`NEXT_CHARS` characters of the label after that word (``新收``, ``结转``,
``办理``, ``继续``, ``制发``, ``废止``, ``处理``, ``收费``, ``项目``, ``增/`` …); or after ``截至`` as the
end of the year (``截至2024年底``, ``年末``). There the year's digits are written as the Chinese
numerals they read (``2024`` → ``二〇二四``): one character for one, so the text keeps its length
and lines, and no number is invented or dropped — the year is text the label holds, not a cell.
A year anywhere else (the prose's ``2024年，…``, ``自2024年1月1日``) is left as printed.
"""

from __future__ import annotations

import re

from ..template import FORMATS
from ..template.layout import table_grid

NEXT_CHARS = 2  # characters of a label after its year word that must follow the printed year
YEAR_WORDS = ("本年度", "下年度", "上一年", "本年", "上年")  # the template's words a year stands for, longest first
_DIGITS = str.maketrans("0123456789", "〇一二三四五六七八九")
_YEAR = r"(?:19|20)\d\d(?=[ \t]?年度?"  # a year's digits (the match), its 年 or 年度 after them …
_NUMBERING_MARK = "[、,，.．]"  # what a crawler may print after a heading's numeral (一、 一. 一，)
_HAN = "[\u4e00-\u9fff\n]"  # before a header's year: a letter of the header before it, or a line's start
# (or the text's own start: a grid cell holding the header alone, 2024年处理决定数量)


def _patterns() -> re.Pattern[str]:
    """One pattern for every place the template's labels put a year word (see the docstring)."""
    alts: set[str] = set()
    for f in FORMATS:
        for t in ("table2", "table3", "table4"):
            for c in table_grid(f, t).cells:
                alts |= _label_alternatives(c.text or "")
    alts.add(r"(?<=截至)(?:19|20)\d\d(?=[ \t]?年[底末])")
    return re.compile("|".join(sorted(alts)))


def _label_alternatives(text: str) -> set[str]:
    out: set[str] = set()
    for word in YEAR_WORDS:
        at = text.find(word)
        if at < 0:
            continue
        before, after = text[:at], text[at + len(word):][:NEXT_CHARS]
        if len(after) < NEXT_CHARS:
            break
        if before:
            before = re.escape(before[0]) + _NUMBERING_MARK + re.escape(before[2:]) if before[1:2] == "、" else re.escape(before)
            out.add(rf"(?<={before}){_YEAR}{re.escape(after)})")
        else:
            out.add(rf"(?:(?<={_HAN})|^){_YEAR}{re.escape(after)})")  # (^: a cell's own text starts so)
        break  # one year word a label
    return out


YEAR_IN_LABEL = _patterns()
_CANDIDATE = re.compile(r"(?:19|20)\d\d(?=[ \t]?年)")  # any year with its 年: looked for first, in C


def label_years_in_words(text: str) -> str:
    """``text`` with every year printed where a label of the template says 本年/上年/下年度
    written in Chinese numerals; ``text`` itself where there is none."""
    if "年" not in text:
        return text
    out: list[str] | None = None
    for year in _CANDIDATE.finditer(text):
        m = YEAR_IN_LABEL.match(text, year.start())  # its lookbehinds see the text before the year
        if m is None:
            continue
        if out is None:
            out = list(text)
        a, b = m.span()  # the year's digits: the label's words around them are looked at, not taken
        out[a:b] = list(text[a:b].translate(_DIGITS))
    return text if out is None else "".join(out)


__all__ = ["NEXT_CHARS", "YEAR_IN_LABEL", "YEAR_WORDS", "label_years_in_words"]
