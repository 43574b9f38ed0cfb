"""Page chrome in text extracted from a PDF: page numbers and running headers and footers.

A PDF report prints on every page a page number (``- 3 -``, ``第 3 页 共 5 页``, ``3/5``, a
bare ``3``) and often a running header or footer (the agency's or the portal's name, a
print line ``打印日期：2024-01-15``). Text tools (``pdftotext`` in every mode, pdfminer) put
them between the lines of the pages, that is *between the rows of a table* a page break
cuts: a bare ``3`` there is a value like any other, a header line may end a table. The
geometry that tells a margin from the body is gone; what is left is the page break itself:
poppler and pdfminer end every page with a form feed (``\\f``). This module takes the chrome
out of such text before it is read, only where the pages prove it is chrome:

1. The text is cut into pages at the form feeds. Fewer than two pages: nothing is done (a
   text without page breaks proves nothing).
2. The *edge lines* of a page are its first and last :data:`EDGE_LINES` non-blank lines.
3. **Running lines.** An edge line's key is its text without spaces, each digit run one
   ``#``. A key with words (not only digits and punctuation) found at the same edge (top or
   bottom) of at least :func:`_needed` pages — half of them, at least two — is a running
   header or footer; every edge line with that key goes. (``打印日期：2024-01-15  3`` and
   ``…专栏`` print the same key on every page.) A line whose key holds digits as well as
   words (the print line ``打印日期：2024-01-15``; three characters besides its digits at
   least, :data:`PRINT_LINE_WORDS`, so no value with its unit, ``0件``), printed once on each
   of as many pages and at an edge of two of them at least, goes wherever it stands on a page: poppler's reading order prints a footer where the flow of text blocks reaches it,
   which in a table cut by the page is among the rows (``0 ⏎ 打印日期：2024-01-15 ⏎ 0``),
   and there its digits read as values (``-01``, ``-15``). A body line printing those words
   and that digit pattern on half the pages is that print line; a running line of words
   only (the agency's name) stays off the edges, where it may be the report's own line (its
   sign-off).
4. **Page numbers.** An edge line that is nothing but a page number in a decorated form
   (``- 3 -``, ``— 3 —``, ``第3页``, ``第 3 页 共 5 页``, ``3/5``, ``Page 3 of 5``) goes: no
   value of a report prints so. A *bare* number (``3``) is a page number only where the
   sequence says so (:func:`page_sequence`): the bare numbers at the edges run with the
   pages (page *i* has *i* + *c* for one offset *c*) on every page but perhaps the first
   (printed without its number), on two pages at least. A number that does not
   fit the sequence, or any bare number in a text whose pages do not number so, stays: it
   may be a value.
5. **Wrapped page numbers.** A margin box too narrow for its page number wraps it: ``- 3``
   then ``-``, ``第 3 页 共`` then ``9 页``, ``第3`` then ``页`` (:func:`split_page_number`:
   the two lines' ends together print a decorated form neither prints alone). Two edge
   lines of a page that print one so, and nothing else, go where the numbers run with the
   pages as bare numbers must (:func:`page_sequence`; a page number printed whole at an
   edge counts in that sequence too: ``- 9 -`` fits, ``- 10 -`` wraps): each piece alone
   may be a value, ``-`` a blank cell's mark.

A line taken out is left as an empty line (its form feeds kept), so line numbers in
positions and findings still point at the file's lines.

**Text without form feeds.** pypdfium2 (what a Chromium PDF viewer copies), pypdf and
many pipelines join the pages with a plain line break. There the pages are proven by their
numbers (:func:`numbered_page_ends`): lines that print a page number in a decorated form —
alone (``— 3 —``, ``第3页 共5页``, ``3/5``) or after words (``…政务公开专栏 — 3 —``,
``打印日期：2024-03-02 第3页``) — and that, taken in order with the same words around the
number, count up by one, on :data:`MIN_PAGES` lines at least. A bare number after words
(``打印日期：2024-01-15 3``) counts only on :data:`BARE_RUN_PAGES` lines at least, all with
the same words to the character. Each such line ends a page: a form feed is put after it, and the text is then
read as above. A bare number alone on a line counts the same way when the line of words
right before it, or right after it, is the same on :data:`BARE_RUN_PAGES` such lines (PDFium
prints the footer's words and then the number; pdfplumber the number at a page's foot and
then the next page's running header). A page number wrapped onto two lines counts the same
way, keyed by the words its lines print before its pieces (pdfplumber prints two margin boxes
side by side: ``http://…/zwgk/ 第3`` then ``ndbg/ 页``), and proves pages only on
:data:`BARE_RUN_PAGES` lines at least; it ends its page at its second line. Numbers that do
not count up so prove nothing, and the text is left as it is; a bare number alone on a line
beside words that do not repeat is never taken for a page number without form feeds (it may
be a value). Where the numbers cut the pages, what follows the last of them may be the rest
of the last page's footer (a wrapped address's second line): a page of fewer than
:data:`EDGE_LINES` lines there is one for the running lines but not for the numbers
(:func:`_footer_rest`)."""

from __future__ import annotations

import math
import re
from bisect import bisect_right
from collections import Counter, defaultdict
from typing import TypeVar

from .pager import is_title_line

EDGE_LINES = 2  # lines at the top and at the bottom of a page that may be chrome
MIN_PAGES = 2  # a running line or a page-number sequence shows on this many pages at least
# a line of digits and words is a print line only with this many letters or characters
# besides its digits (``打印日期：2024-01-15``), not a value with its unit (``0件``, ``18万元``)
PRINT_LINE_WORDS = 3
BARE_RUN_PAGES = 3  # without form feeds, a bare number after words numbers pages only on this many lines
FORM_FEED = "\f"

_WORDS = re.compile(r"[^\W\d_#]")
_BARE = re.compile(r"^\s*\d{1,4}\s*$")
_DASH = r"[\-—–－_·•]{1,2}"
# a page number in its printed forms: (number, total or None). A dash on one side only is no
# decoration: ``-3`` is a decrease (本年增/减)
_PAGE_FORMS = (
    re.compile(r"^(?P<n>\d{1,4})$"),
    re.compile(rf"^{_DASH}\s*(?P<n>\d{{1,4}})\s*{_DASH}$"),
    re.compile(r"^第\s*(?P<n>\d{1,4})\s*页(?:\s*[,，/／]?\s*共\s*(?P<total>\d{1,4})\s*页)?$"),
    re.compile(r"^共\s*(?P<total>\d{1,4})\s*页\s*[,，/／]?\s*第\s*(?P<n>\d{1,4})\s*页$"),
    re.compile(r"^(?P<n>\d{1,4})\s*[/／]\s*(?P<total>\d{1,4})$"),
    re.compile(r"^(?:page|p\.)\s*(?P<n>\d{1,4})(?:\s*(?:of|/)\s*(?P<total>\d{1,4}))?$", re.IGNORECASE),
)


def drop_page_marks(text: str) -> str:
    """``text`` with its proven page chrome replaced by empty lines (see the module
    docstring); unchanged when it holds fewer than two pages."""
    found = FORM_FEED not in text
    if found:
        ends = numbered_page_ends(text)
        if not ends:
            return text
        lines = text.split("\n")
        text = "\n".join(ln + FORM_FEED if i in ends else ln for i, ln in enumerate(lines))
    lines = text.split("\n")
    pages = _pages(lines)
    if len(pages) < MIN_PAGES:
        return text
    numbered = pages[:-1] if found and _footer_rest(pages[-1]) else pages
    drop = _running_lines(lines, pages) | _page_numbers(lines, numbered) | _split_page_numbers(lines, numbered)
    drop -= _title_kept(lines, pages[0], drop)
    if not drop:
        return text
    return "\n".join(FORM_FEED * ln.count(FORM_FEED) if i in drop else ln for i, ln in enumerate(lines))


def _title_kept(lines: list[str], first_page: list[int], drop: set[int]) -> set[int]:
    """The first page's running line that is the report's title (:func:`~ogi.extract.pager.is_title_line`),
    kept once: a paged site prints its title again at each page's top, where it runs like a
    header — dropped everywhere, the report would have no title left."""
    kept = next((i for i in first_page if i in drop and is_title_line(lines[i])), None)
    return {kept} if kept is not None else set()


def _footer_rest(page: list[int]) -> bool:
    """Is the last page, where the page ends were found by their numbers, fewer lines than
    :data:`EDGE_LINES` — the rest of the last page's footer printed after its number, no
    page of its own? (pdfplumber prints a footer's lines by their height: a wrapped
    address's second line comes after the number printed beside its first, and so stands
    at the top of the next page as the numbers cut them.) It is a page for the running
    lines (its line at the top edge, as on every page before it) but not for the page
    numbers: a numbering whose last page prints none proves nothing (:func:`page_sequence`)."""
    return len(page) < EDGE_LINES


def _pages(lines: list[str]) -> list[list[int]]:
    """The indices of the non-blank lines of each page (a line belongs to the page its
    first printed character is on: form feeds before it open new pages)."""
    pages: list[list[int]] = [[]]
    for i, line in enumerate(lines):
        lead = len(line) - len(line.lstrip(FORM_FEED + " \t"))
        pages.extend([] for _ in range(line[:lead].count(FORM_FEED)))
        if line.strip(FORM_FEED + " \t\r\v"):
            pages[-1].append(i)
        pages.extend([] for _ in range(line[lead:].count(FORM_FEED)))
    while pages and not pages[-1]:
        pages.pop()  # poppler ends the last page with a form feed too
    return pages


def _edges(page: list[int]) -> dict[str, list[int]]:
    return {"top": page[:EDGE_LINES], "bottom": page[-EDGE_LINES:]}


def _needed(n_pages: int) -> int:
    return max(MIN_PAGES, math.ceil(n_pages / 2))


def _key(line: str) -> str:
    return re.sub(r"\d+", "#", re.sub(r"\s+", "", line.strip(FORM_FEED)))


def _running_lines(lines: list[str], pages: list[list[int]]) -> set[int]:
    """Edge lines whose key (with words) repeats at the same edge of enough pages, and every
    line whose key holds words and digits (a print line) where that key is printed once a page
    on enough pages and at an edge of :data:`MIN_PAGES` of them."""
    seen: dict[tuple[str, str], set[int]] = defaultdict(set)
    where: dict[tuple[str, str], list[int]] = defaultdict(list)
    for p, page in enumerate(pages):
        for edge, idx in _edges(page).items():
            for i in idx:
                key = _key(lines[i])
                if _WORDS.search(key):
                    seen[(edge, key)].add(p)
                    where[(edge, key)].append(i)
    needed = _needed(len(pages))
    drop = {i for k, ps in seen.items() if len(ps) >= needed for i in where[k]}
    anywhere: dict[str, list[int]] = defaultdict(list)  # key → the page of each line printing it
    for p, page in enumerate(pages):
        for i in page:
            key = _key(lines[i])
            if "#" in key and len(_WORDS.findall(key)) >= PRINT_LINE_WORDS:
                anywhere[key].append(p)
    for key, ps in anywhere.items():
        at_edge = set().union(*(seen.get((edge, key), set()) for edge in ("top", "bottom")))
        if len(set(ps)) >= needed and len(set(ps)) == len(ps) and len(at_edge) >= MIN_PAGES:
            drop |= {i for page in pages for i in page if _key(lines[i]) == key}
    return drop


def page_number(line: str) -> tuple[int, int | None] | None:
    """``(number, total)`` when ``line`` is nothing but a page number in a printed form."""
    text = line.strip(FORM_FEED).strip()
    for form in _PAGE_FORMS:
        m = form.match(text)
        if m:
            total = m.groupdict().get("total")
            return int(m["n"]), int(total) if total else None
    return None


def _page_numbers(lines: list[str], pages: list[list[int]]) -> set[int]:
    """Edge lines that are page numbers: a decorated form wherever it stands at an edge, a
    bare number only as part of a sequence running with the pages."""
    drop: set[int] = set()
    bare: list[list[tuple[int, int]]] = []  # per page: (line, number)
    for page in pages:
        edges = _edges(page)
        bare.append([])
        for i in dict.fromkeys(edges["top"] + edges["bottom"]):
            found = page_number(lines[i])
            if found is None:
                continue
            if _BARE.match(lines[i].strip(FORM_FEED)):
                bare[-1].append((i, found[0]))
            else:
                drop.add(i)
    return drop | {i for _, i in page_sequence(bare)}


_Item = TypeVar("_Item")  # what a page number is found at: a line, or the lines of a wrapped one


def page_sequence(numbers: list[list[tuple[_Item, int]]]) -> list[tuple[int, _Item]]:
    """The ``(page, item)`` pairs of bare numbers that number the pages: ``numbers`` holds,
    per page, ``(item, number)`` of each bare number at the page's edges. They are page
    numbers only where one offset *c* makes page *i* print *i* + *c* on every page but
    perhaps the first (printed without its number) and on :data:`MIN_PAGES` pages at least,
    with one such number a page, and no second offset fits as well. Otherwise none: a
    number that might be a value stays."""
    if len(numbers) < MIN_PAGES:
        return []
    later = numbers[1:]  # the first page may go unnumbered; every later page must fit
    fitting = set.intersection(*({n - p for _, n in found} for p, found in enumerate(later, start=1)))
    if len(numbers) == MIN_PAGES:
        fitting &= {n for _, n in numbers[0]}  # two pages: both must print their number
    if len(fitting) != 1:
        return []
    offset = fitting.pop()
    picked = [(p, item) for p, found in enumerate(numbers) for item, n in found if n - p == offset]
    if len({p for p, _ in picked}) != len(picked):
        return []  # two numbers of the sequence on one page: which is the page's is not certain
    return picked


# --- a page number wrapped onto two lines ------------------------------------------------

SPLIT_TOKENS = 4  # a wrapped page number's pieces: at most this many of each line's last tokens
_SPLIT_FIRST_LAST = frozenset("/／共第-—–－_·•")  # the last character of a wrapped number's first piece, but for a digit
_SPLIT_SECOND_LAST = frozenset("页-—–－_·•")  # the last character of its second piece
_FORM_FIRST = frozenset("0123456789第共pP-—–－_·•")  # the first character of a page number's printed form


def split_page_number(first: str, second: str) -> tuple[str, int, int | None] | None:
    """``(words, number, total)`` where the ends of two consecutive lines together print a
    page number in a decorated form that neither line prints alone: a footer's margin box
    too narrow for it wraps ``- 3 -`` into ``- 3`` and ``-``, ``第 3 页 共 9 页`` into
    ``第 3 页 共`` and ``9 页``, ``第3页`` into ``第3`` and ``页``. The pieces are the last
    tokens (at most :data:`SPLIT_TOKENS`) of each line; ``words`` is what the two lines print
    before them, white space out (a tool that prints two margin boxes side by side puts a
    wrapped address's lines before the pieces: ``http://…/zwgk/ 第3`` and ``ndbg/ 页``). A
    bare number is never read so (two numbers on two lines are two values); a line that
    prints a decorated page number alone is no piece of one."""
    a, b = first.strip(), second.strip()  # white space and form feeds
    if not a or not b or len(a) > MAX_NUMBERED_CHARS or len(b) > MAX_NUMBERED_CHARS:
        return None
    if not (b[-1] in _SPLIT_SECOND_LAST or a[-1] in _SPLIT_FIRST_LAST):
        return None  # no decorated form ends so (a cheap test: table rows end in digits)
    ta, tb = a.split(), b.split()
    for j in range(1, min(SPLIT_TOKENS, len(ta)) + 1):
        if ta[-j][0] not in _FORM_FIRST:
            continue  # no printed form starts so
        for k in range(1, min(SPLIT_TOKENS, len(tb)) + 1):
            found = page_number(" ".join(ta[-j:] + tb[-k:]))
            if found is not None:
                if any(page_number(line) is not None and not _BARE.match(line) for line in (a, b)):
                    return None  # a line that prints a page number whole is read as it is
                return "".join(ta[:-j] + tb[:-k]), found[0], found[1]
    return None


def _split_page_numbers(lines: list[str], pages: list[list[int]]) -> set[int]:
    """The lines of page numbers wrapped onto two edge lines of a page with nothing beside
    the pieces (:func:`split_page_number`), where their numbers run with the pages
    (:func:`page_sequence`: a piece alone may be a value — ``-`` a blank cell's mark — so
    the sequence is the proof, as for a bare number). A page number printed whole at an
    edge counts in the sequence too (it goes anyway): a wider number wraps where a narrower
    one did not (``- 9 -``, then ``- 10`` and ``-``)."""
    split: list[dict[tuple[int, ...], int]] = []
    for page in pages:
        found: dict[tuple[int, ...], int] = {}
        for edge in _edges(page).values():
            for a, b in zip(edge, edge[1:]):
                piece = split_page_number(lines[a], lines[b])
                if piece is not None and not piece[0]:
                    found[(a, b)] = piece[1]
        split.append(found)
    if not any(split):
        return set()
    numbers: list[list[tuple[tuple[int, ...], int]]] = []
    for page, found in zip(pages, split):
        for i in dict.fromkeys(_edges(page)["top"] + _edges(page)["bottom"]):
            whole = page_number(lines[i])
            if whole is not None and not _BARE.match(lines[i].strip(FORM_FEED)):
                found[(i,)] = whole[0]
        numbers.append(list(found.items()))
    return {i for _, item in page_sequence(numbers) if len(item) > 1 for i in item}


_SPLIT_CUE = re.compile(r"[页/／共第\-—–－_·•][^\S\n]*$", re.MULTILINE)  # a line a wrapped number may end


def _split_numbered(text: str) -> list[tuple[int, int, int | None, str]]:
    """``(index, number, total, key)`` of each page number wrapped onto two consecutive
    lines (:func:`split_page_number`), indexed by its second line (the page's end), keyed
    as a decorated number after its words is (digit runs ``#``). Only the lines around a
    line that ends as a piece may (:data:`_SPLIT_CUE`, one scan in C) are tried."""
    out = []
    tried: set[int] = set()  # the start of the first line of each pair tried
    for m in _SPLIT_CUE.finditer(text):
        start = text.rfind("\n", 0, m.start()) + 1
        end = text.find("\n", m.start())
        end = len(text) if end < 0 else end
        last = text[start:end].rstrip()[-1:]
        if last in _SPLIT_SECOND_LAST and start > 0:
            before = text.rfind("\n", 0, start - 1) + 1
            tried.add(before)
        if last in _SPLIT_FIRST_LAST and end < len(text):
            tried.add(start)
    for start in sorted(tried):
        mid = text.find("\n", start)
        end = text.find("\n", mid + 1)
        found = split_page_number(text[start:mid], text[mid + 1:end if end >= 0 else len(text)])
        if found is not None:
            words, n, total = found
            out.append((text.count("\n", 0, mid + 1), n, total, re.sub(r"\d+", "#", words)))
    return out


# a page number printed after the words of a running line: ``…专栏 — 3 —``, ``… 第3页``,
# ``… 3/5``, or bare after a space (``打印日期：2024-01-15 3``)
_TRAILING_PAGE = re.compile(
    rf"^(?P<words>.*?[^\W\d_].*?)\s*(?P<form>{_DASH}\s*\d{{1,4}}\s*{_DASH}|第\s*\d{{1,4}}\s*页(?:\s*[,，/／]?\s*共\s*\d{{1,4}}\s*页)?"
    r"|\d{1,4}\s*[/／]\s*\d{1,4})$|^(?P<bare_words>.*?[^\W\d_].*?)\s+(?P<bare>\d{1,4})$")
_PAGE_LAST = frozenset("页-—–－_·•")  # the last character of a page number's form, but for a digit
_BARE_MARK = "#bare"  # the words of a line with a bare trailing number, keyed apart
MAX_NUMBERED_CHARS = 80  # a longer line is no page number's line (a paragraph)
_SKETCH_OUT = re.compile(r"[\s\d#]+")  # what a line's sketch leaves out: white space, digits, ``#``
# every character a page number's printed form spells besides digits and white space (the
# dashes, 第页共, the separators, ``page``/``p.``/``of`` in either case) and those of the bare
# mark: what the end of a sketch may hold beyond a line's words (:func:`_sketch`)
_FORM_CHARS = "-—–－_·•第页共,，/／.pagePAGEoOfFbr"


def _numbered_line(line: str) -> tuple[str, int, int | None] | None:
    """``(words, number, total)`` of a line that prints a decorated page number, alone or
    after words, or a bare number after words (its words then end in :data:`_BARE_MARK`);
    ``None`` for any other line (a bare number alone among them)."""
    text = line.strip()
    if not text or len(text) > MAX_NUMBERED_CHARS or _BARE.match(text):
        return None
    found = page_number(text)
    if found is not None:
        return "", found[0], found[1]
    m = _TRAILING_PAGE.match(text)
    if m is None:
        return None
    if m["bare"] is not None:
        return re.sub(r"\s+", "", m["bare_words"]) + _BARE_MARK, int(m["bare"]), None
    found = page_number(m["form"])
    return None if found is None else (re.sub(r"\s+", "", m["words"]), found[0], found[1])


def numbered_page_ends(text: str) -> set[int]:
    """The lines of a text without form feeds that end its pages: lines printing a page
    number (:func:`_numbered_line`) whose numbers, with the same words around them and in
    the text's order, count up by one (and name one total, if any) on :data:`MIN_PAGES`
    lines at least. Empty when the numbers prove nothing."""
    found: dict[str, list[tuple[int, int, int | None]]] = defaultdict(list)
    for i, line in _runnable_lines(text):
        numbered = _numbered_line(line)
        if numbered is not None:
            words, n, total = numbered
            # a decorated number's words may print the page's date or total; a bare number's
            # words must be the same to the character (``2021年 12``, ``2022年 13`` are rows)
            key = words if words.endswith(_BARE_MARK) else re.sub(r"\d+", "#", words)
            found[key].append((i, n, total))
    for i, n, key in _bare_beside_words(text):
        found[key].append((i, n, None))
    wrapped: set[int] = set()
    for i, n, total, key in _split_numbered(text):
        found[key].append((i, n, total))
        wrapped.add(i)
    ends: set[int] = set()
    for key, run in found.items():
        if wrapped:
            run.sort()  # wrapped and whole numbers under one key, in the text's order
        numbers = [n for _, n, _ in run]
        totals = {t for _, _, t in run}
        weak = key.endswith(_BARE_MARK) or any(i in wrapped for i, _, _ in run)
        needed = BARE_RUN_PAGES if weak else MIN_PAGES
        if (len(run) >= needed and numbers == list(range(numbers[0], numbers[0] + len(run)))
                and len(totals) == 1 and (None in totals or numbers[-1] <= min(t for t in totals if t))):
            ends.update(i for i, _, _ in run)
    return ends


_BARE_LINE = re.compile(r"^[ \t]*(\d{1,4})[ \t]*$", re.MULTILINE)
_BARE_LINE_AFTER = re.compile(r"\n[ \t]*(\d{1,4})[ \t]*$", re.MULTILINE)  # found by its first character


def _bare_beside_words(text: str) -> list[tuple[int, int, str]]:
    """``(index, number, key)`` of each bare number on a line of its own, once keyed by the
    line of words right before it and once by the line right after it: a PDF text tool that
    prints the page number and the running line apart prints them one after the other —
    PDFium the footer's words then the number, pdfplumber the number at the page's foot then
    the next page's running header. Keyed as a bare number after words (:data:`_BARE_MARK`,
    the side apart), such numbers prove pages only on :data:`BARE_RUN_PAGES` lines with the
    same words to the character, counting up by one."""
    if not (_BARE_LINE.match(text) or _BARE_LINE_AFTER.search(text)):
        return []  # (one scan in C) no bare number on a line of its own
    lines = text.split("\n")
    starts = [0]
    for line in lines[:-1]:
        starts.append(starts[-1] + len(line) + 1)
    out: list[tuple[int, int, str]] = []
    for m in _BARE_LINE.finditer(text):
        i = bisect_right(starts, m.start()) - 1
        for side, j in (("<", i - 1), (">", i + 1)):
            words = lines[j].strip() if 0 <= j < len(lines) else ""
            if words and len(words) <= MAX_NUMBERED_CHARS and not _BARE.match(words):
                out.append((i, int(m[1]), side + re.sub(r"\s+", "", words) + _BARE_MARK))
    return out


def _runnable_lines(text: str) -> list[tuple[int, str]]:
    """``(index, line)`` of the lines of ``text`` that may be in a run of numbered lines,
    in order: every line :func:`_numbered_line` may read as a page number's, but a line
    whose sketch (:func:`_sketch`) no other such line has. Two lines keyed alike in
    :func:`numbered_page_ends` have the same sketch, and every run proving pages holds two
    lines at least, so a line with a sketch of its own is in no such run: the runs found
    are the same, without trying the patterns on every table row that ends in a number
    (a row's label is seldom printed twice)."""
    tried: list[tuple[int, str, str]] = []
    for i, line in enumerate(text.split("\n")):
        last = line.rstrip()[-1:]
        if not (last.isdigit() or last in _PAGE_LAST):
            continue  # every printed form of a page number ends in a digit, a dash or 页
        if len(line.strip()) > MAX_NUMBERED_CHARS or _BARE.match(line):
            continue  # what _numbered_line refuses first
        tried.append((i, line, _sketch(line)))
    counts = Counter(sketch for _, _, sketch in tried)
    return [(i, line) for i, line, sketch in tried if counts[sketch] >= _FEWEST_RUN]


_FEWEST_RUN = min(MIN_PAGES, BARE_RUN_PAGES)  # the fewest lines of a run that proves pages


def _sketch(line: str) -> str:
    """A line without white space, digits and ``#``, then without the characters of
    :data:`_FORM_CHARS` at its end. It is a function of the line's key in
    :func:`numbered_page_ends`: the key is the words before the page number, white space
    out (each digit run ``#`` for a decorated number; :data:`_BARE_MARK` after a bare
    one's), and the page number's form and the bare mark are spelled with digits, white
    space, ``#`` and :data:`_FORM_CHARS` only, so taking those out and stripping the form
    characters at the end leaves the same from the line and from its key."""
    return _SKETCH_OUT.sub("", line).rstrip(_FORM_CHARS)


__all__ = ["EDGE_LINES", "PRINT_LINE_WORDS", "drop_page_marks", "numbered_page_ends", "page_number", "page_sequence", "split_page_number"]
