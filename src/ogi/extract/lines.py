"""Logical lines: cut a paragraph where the report's own structure says a new part begins.

Line breaks are only a hint. A crawler's ``text_content()`` or ``get_text()`` with no
separator puts a whole report on one line — title, chrome, six section headings, the
three tables and the prose — and the tables' cells glued together
(``…四、政府信息公开行政复议、行政诉讼情况行政复议行政诉讼…总计000110000000000五、存在的主要问题…``).
Read as one paragraph, such a line is a single sentence of narrative and its tables are
lost. This module finds, inside one paragraph, the places where the template says a new
part begins, and cuts there:

1. **Section headings.** A numeral ``一``…``六`` with its ``、`` followed by the words of
   that section (``template.SECTIONS``) starts a heading wherever it stands. The heading
   ends where the canonical heading ends; where only a keyword matched
   (``五、存在的主要问题及整改措施（一）…``), it runs on over a short tail up to the next
   punctuation or the next label the template knows, and no further.
2. **Sentences, where tables share the line.** A paragraph that also holds table labels
   (``dictionary()`` phrases) is cut after each ``。；！？``, so that the narrative around
   a table becomes its own units (barriers, whose numbers are never table values) and the
   table's labels and numbers stand apart from it.

3. **Remarks in brackets, where tables share the line.** A bracketed clause with a comma
   and a number inside (``（以下为办理结果，共9件申请已全部办结）``, an agency's remark printed
   between two rows) is cut out as a piece of its own: :func:`is_remark` makes it prose, so
   its number is no cell of the row before it. No label of the template holds a number in
   brackets with a comma (``(区分处理的,只计这一情形,不计其他情形)`` holds none).

Ordinary prose paragraphs have no heading inside and no table labels: they come back
whole. The pieces keep their order and their offset in the paragraph, so positions and
section text stay faithful to the source.
"""

from __future__ import annotations

import re
from functools import lru_cache

from ..template.formats import SECTIONS
from ..template.labels import dictionary, segment
from ..template.normalize import label_key
from ..template.variant_chars import VARIANT_CHARS

HEADING_TAIL_CHARS = 8  # words a printed heading may add after its keyword (…及整改措施)
TABLE_TEXT_PHRASES = 3  # table labels in a paragraph that make it share the line with a table
MIN_TABLE_LABEL_KEY = 4  # a label key this long at a position ends a heading's tail there
_SEPARATOR = r"\s*[、.．,，:：]\s*"
# a sentence ends at 。；！？ — and at an ASCII ; ! ? only before Chinese text, since the
# page's own CSS and scripts, which a crawler's text keeps, are full of them
_SENTENCE_END = re.compile(r"(?<=[。；！？])|(?<=[;!?])(?=\s*[\u4e00-\u9fff])")
# a bracketed clause: a comma inside, no bracket, at most REMARK_CHARS characters
REMARK_CHARS = 60
_REMARK = re.compile(rf"[（(][^（()）\n]{{0,{REMARK_CHARS}}}[，,][^（()）\n]{{0,{REMARK_CHARS}}}[）)]")
_DIGIT = re.compile(r"\d")
_WORD_CHAR = re.compile(r"[0-9A-Za-z\u3400-\u4dbf\u4e00-\u9fff]")
_TAIL_STOP = re.compile(r"[\s\d。；;，,：:！？!?()（）《》“”\"|/\\-]")


# the template's character → itself and its traditional (variant) forms: a heading printed in
# traditional characters (一、總體情況) is a heading (wild6fix18: label_key folds them too)
_FORMS: dict[str, str] = {}
for _other, _own in VARIANT_CHARS.items():
    _FORMS[_own] = _FORMS.get(_own, _own) + _other


def _char(ch: str) -> str:
    """A regex for one word character of a heading: the character or any of its forms."""
    forms = _FORMS.get(ch)
    return f"[{forms}]" if forms else re.escape(ch)


def _spaced(word: str) -> str:
    """A regex for ``word`` that allows whitespace between its characters and any of
    ``、，,`` where it prints one."""
    parts = [_char(ch) if _WORD_CHAR.match(ch) else r"[、，,]?" for ch in word if not ch.isspace()]
    return r"\s*".join(parts)


@lru_cache(maxsize=1)
def _heading_pattern() -> re.Pattern[str]:
    alternatives = []
    for section in SECTIONS:
        words = sorted({section.heading[2:]} | set(section.keywords), key=len, reverse=True)
        body = "|".join(_spaced(w) for w in words)
        alternatives.append(f"(?P<{section.key}>{re.escape(section.numeral)}{_SEPARATOR}(?:{body}))")
    return re.compile("|".join(alternatives))


def _canonical(key: str) -> str:
    section = next(s for s in SECTIONS if s.key == key)
    return label_key(section.heading)


def logical_lines(text: str) -> list[tuple[str, int]]:
    """The paragraph cut into (piece, offset) at headings and, where it shares the line
    with a table, after sentences. A paragraph with neither comes back as one piece."""
    found: set[int] = set()
    for start, end in heading_spans(text):
        found.update((start, end))
    if _shares_line_with_table(text):
        found.update(m.start() for m in _SENTENCE_END.finditer(text))
        for m in _REMARK.finditer(text):
            if is_remark(m.group()):
                found.update((m.start(), m.end()))
    cuts = sorted(c for c in found if 0 < c < len(text))
    if not cuts:
        return [(text, 0)]
    pieces = []
    for a, b in zip([0] + cuts, cuts + [len(text)]):
        piece = text[a:b]
        if piece.strip():
            lead = len(piece) - len(piece.lstrip())
            pieces.append((piece.strip(), a + lead))
    return pieces


def heading_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) of every section heading printed inside ``text``."""
    spans = []
    for m in _heading_pattern().finditer(text):
        key = m.lastgroup
        assert key is not None  # each alternative is one named group, with none inside it
        end = m.end()
        if label_key(m.group(0)) != _canonical(key):
            end = _tail_end(text, end)
        spans.append((m.start(), end))
    return spans


def _tail_end(text: str, at: int) -> int:
    """Where a heading that matched only a keyword ends: the next punctuation, digit or
    known table label within a few characters; else right after the keyword."""
    for j in range(at, min(len(text), at + HEADING_TAIL_CHARS + 1)):
        if _TAIL_STOP.match(text[j]) or _label_starts(text, j):
            return j
    return at


def _label_starts(text: str, at: int) -> bool:
    segs = segment(text[at:at + 60])
    return bool(segs) and segs[0].start == 0 and bool(segs[0].phrases) and len(segs[0].text) >= MIN_TABLE_LABEL_KEY


def _shares_line_with_table(text: str) -> bool:
    if len(text) < 40:
        return False
    found = 0
    for seg in segment(text):
        if seg.phrases and len(seg.text) >= MIN_TABLE_LABEL_KEY and seg.text in dictionary():
            found += 1
            if found >= TABLE_TEXT_PHRASES:
                return True
    return False


def is_remark(text: str) -> bool:
    """Is ``text`` (stripped) a remark in brackets: a clause with a comma and a number
    inside, which no label of the template is?"""
    text = text.strip()
    m = _REMARK.fullmatch(text)
    return m is not None and _DIGIT.search(text) is not None and label_key(text) not in dictionary()
