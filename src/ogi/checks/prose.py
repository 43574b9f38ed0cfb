"""The narrative of a report as sentences: each section's text normalised, web chrome
left out, split at sentence ends and at numbered headings."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from ..model import Report
from ..template import SECTIONS, clean

_CHROME = re.compile(r"^(?:上一条|下一条|上一篇|下一篇|打印本页|关闭窗口|返回顶部|【打印】|【关闭】)")
_HEADING = re.compile(r"^(?:\(?[一二三四五六七八九十]+[)、]|\d+[.、](?!\d))")
_SENTENCE_END = re.compile(r"(?<=[。!?;])")
_CLAUSE_MARK = re.compile(r"[,;:()\[\]]")
HEADING_MAX = 40  # a numbered line this short without a sentence end is a heading


@dataclass(frozen=True)
class Sentence:
    """A sentence of a section's text, and the section it is in."""

    text: str  # normalised (``clean``): ASCII punctuation, no spaces between words
    section: str  # "s1" … "s6"


def section_name(key: str) -> tuple[str, str]:
    """("第一部分", "section 一") for "s1"."""
    numeral = next(s.numeral for s in SECTIONS if s.key == key)
    return f"第{numeral}部分", f"section {numeral}"


def section_text(report: Report, key: str) -> str:
    """A section's text as one normalised string, chrome lines left out, paragraphs
    separated by newlines (a line broken inside a sentence is joined again)."""
    section = report.sections.get(key)
    if section is None:
        return ""
    return _normalised(section.text)


SECTIONS_KEPT = 64  # section texts whose normalised text and sentences are kept (the rules read each several times)


@lru_cache(maxsize=SECTIONS_KEPT)
def _normalised(text: str) -> str:
    """A section's text as :func:`section_text` gives it (kept: every rule over the text
    reads the same sections of the report, one after the other)."""
    blocks: list[str] = []
    for line in text.split("\n"):
        line = clean(line)
        if not line or _CHROME.match(line):
            continue
        if not blocks or _HEADING.match(line) or _ends(blocks[-1]):
            blocks.append(line)
        else:
            sep = " " if blocks[-1][-1:].isdigit() and line[:1].isdigit() else ""
            blocks[-1] += sep + line
    return "\n".join(blocks)


def _ends(block: str) -> bool:
    """Does a paragraph end here: at a sentence end, or after a short heading?"""
    return block.endswith(("。", "!", "?", ";")) or bool(_HEADING.match(block)) and len(block) <= HEADING_MAX


_ALL_SECTIONS = tuple(s.key for s in SECTIONS)


def sentences(report: Report, keys: tuple[str, ...] = _ALL_SECTIONS) -> list[Sentence]:
    out: list[Sentence] = []
    for key in keys:
        section = report.sections.get(key)
        if section is not None:
            out += _sentences(section.text, key)
    return out


@lru_cache(maxsize=SECTIONS_KEPT)
def _sentences(text: str, key: str) -> tuple[Sentence, ...]:
    """The sentences of one section's text (kept as :func:`_normalised`; a Sentence is frozen)."""
    out: list[Sentence] = []
    for block in _normalised(text).split("\n"):
        out += [Sentence(s.strip(), key) for s in _SENTENCE_END.split(block) if s.strip()]
    return tuple(out)


CLAUSES_KEPT = 4096  # short sentences whose clauses are kept (templated sentences repeat across reports)
KEPT_SENTENCE_CHARS = 200  # longer sentences are cut without keeping their clauses


def clauses(sentence: str) -> tuple[tuple[int, str], ...]:
    """The clauses of a sentence (split at commas, colons, semicolons and brackets),
    each with where it starts."""
    return _kept_clauses(sentence) if len(sentence) <= KEPT_SENTENCE_CHARS else _clauses(sentence)


@lru_cache(maxsize=CLAUSES_KEPT)
def _kept_clauses(sentence: str) -> tuple[tuple[int, str], ...]:
    """:func:`_clauses`, kept per short sentence (a tuple: every caller gets the same one)."""
    return _clauses(sentence)


def _clauses(sentence: str) -> tuple[tuple[int, str], ...]:
    out, start = [], 0
    for m in _CLAUSE_MARK.finditer(sentence + ","):
        if m.start() > start:
            out.append((start, sentence[start:m.start()]))
        start = m.end()
    return tuple(out)


def quote(text: str, at: int = 0, width: int = 60) -> str:
    """A sentence cut to about ``width`` characters around position ``at``."""
    if len(text) <= width:
        return text
    start = max(0, min(at - width // 2, len(text) - width))
    return ("…" if start else "") + text[start:start + width] + ("…" if start + width < len(text) else "")
