"""Page furniture and page-break repair for text extracted from paginated PDFs.

Furniture is what the page layout adds around the content: page numbers, running headers and
footers, lines of spaces, captions of figures that were not extracted. A page break also cuts
paragraphs ("这次会" / blank line / "议提出"): a paragraph that stops mid-sentence continues on the
next content line unless that line starts something new (a heading, a numbered item, a row).
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

from clustergraph.text.lines import Line
from clustergraph.text.normalize import is_cjk
from clustergraph.text.patterns import TERMINAL_MARKS, LineMatch, ends_open

__all__ = ["Continuation", "continuation", "furniture_roles"]

_PAGE_NUMBER = re.compile(
    r"(?:第\s*)?[-—–]?\s*\d{1,3}\s*[-—–]?\s*页?|\d{1,3}\s*/\s*\d{1,3}|[ivxlc]{1,6}"
)
_LATIN = re.compile(r"[A-Za-z]")
#: a running line that carries its page number ("· 37 ·  期刊名 2022年第4期", "作者:题名  · 39 ·")
_EMBEDDED_PAGE = re.compile(
    r"^[·•\-—–]\s*\d{1,3}\s*[·•\-—–]\s*\S|\S\s*[·•\-—–]\s*\d{1,3}\s*[·•\-—–]$"
)
_DIGITS = re.compile(r"\d+")
MAX_RUNNING = 30  # longest running header or footer
MAX_RUNNING_BY_PAGE = 60  # ... when it repeats next to page numbers ("报告名 · 报告全称(2021)")
MIN_REPEATS = 3  # a short plain line seen this often is a running header or footer


def _is_running(norm: str, count: int, *, last: bool, by_page_number: bool) -> bool:
    """A running header/footer: short, not a sentence, and repeated (often), or repeated next to a
    page number, or a Latin+CJK brand line repeated or closing the document ("CCID 赛迪智库").
    """
    if "\t" in norm or norm[-1] in TERMINAL_MARKS:
        return False
    if len(norm) > MAX_RUNNING:
        return len(norm) <= MAX_RUNNING_BY_PAGE and count >= MIN_REPEATS and by_page_number
    if count >= MIN_REPEATS or (count >= 2 and by_page_number):
        return True
    branded = bool(_LATIN.search(norm)) and any(is_cjk(ch) for ch in norm)
    return branded and (count >= 2 or last)


def _surrounded(lines: Sequence[Line], i: int) -> bool:
    """True when the lines before and after are empty or whitespace (or absent)."""
    before = i == 0 or lines[i - 1].blank
    after = i + 1 >= len(lines) or lines[i + 1].blank
    return before and after


@dataclass(frozen=True, slots=True)
class _Context:
    """Document-wide facts the furniture rules look at."""

    counts: Counter[str]
    #: lines counted with their digits masked: a running line with its page number repeats so
    masked: Counter[str]
    pages: frozenset[int]
    neighbours: dict[int, tuple[int, int]]
    last: int


def _context(lines: Sequence[Line], body_start: int) -> _Context:
    content = [line.index for line in lines if not line.blank]
    body = [i for i in content if i >= body_start]
    pages = frozenset(i for i in body if _PAGE_NUMBER.fullmatch(lines[i].norm))
    neighbours = {
        i: (content[k - 1] if k else -1, content[k + 1] if k + 1 < len(content) else -1)
        for k, i in enumerate(content)
    }
    counts = Counter(lines[i].norm for i in body)
    masked = Counter(_DIGITS.sub("0", lines[i].norm) for i in body)
    return _Context(counts, masked, pages, neighbours, content[-1] if content else -1)


def _role(lines: Sequence[Line], i: int, match: LineMatch | None, ctx: _Context) -> str | None:
    norm = lines[i].norm
    if i in ctx.pages:
        return "page_number"
    if _EMBEDDED_PAGE.search(norm) and ctx.masked[_DIGITS.sub("0", norm)] >= 2:
        return "running_text"  # the same header or footer on every page, with its page number
    if match is not None:
        is_caption = match.kind == "figure_caption" and _surrounded(lines, i)
        return "figure_caption" if is_caption else None
    by_page = any(k in ctx.pages for k in ctx.neighbours[i])
    running = _is_running(norm, ctx.counts[norm], last=i == ctx.last, by_page_number=by_page)
    return "running_text" if running else None


def furniture_roles(
    lines: Sequence[Line], matches: Sequence[LineMatch | None], body_start: int
) -> dict[int, str]:
    """Line index → furniture role: blank, page_number, running_text or figure_caption.

    Lines before ``body_start`` (the title page) are content, except lines of spaces.
    """
    ctx = _context(lines, body_start)
    roles: dict[int, str] = {}
    for line, match in zip(lines, matches, strict=True):
        if line.whitespace_only:
            roles[line.index] = "blank"
        elif not line.blank and line.index >= body_start:
            role = _role(lines, line.index, match, ctx)
            if role is not None:
                roles[line.index] = role
    return roles


@dataclass(frozen=True, slots=True)
class Continuation:
    """The lines of one paragraph across page breaks, and the furniture lines in between."""

    lines: tuple[int, ...]
    furniture: tuple[int, ...]


def continuation(
    lines: Sequence[Line], plain: Sequence[bool], roles: dict[int, str], first: int
) -> Continuation:
    """Follow a paragraph from line ``first`` while it ends mid-sentence.

    ``plain[k]`` says whether line ``k`` is plain text that may continue a paragraph (not a
    heading, numbered line, table row or furniture). Empty lines and furniture are skipped.
    """
    taken = [first]
    skipped: list[int] = []
    current = first
    while ends_open(lines[current].norm):
        k = current + 1
        between: list[int] = []
        while k < len(lines) and (lines[k].blank or k in roles):
            if k in roles:
                between.append(k)
            k += 1
        if k >= len(lines) or not plain[k]:
            break
        taken.append(k)
        skipped.extend(between)
        current = k
    return Continuation(tuple(taken), tuple(skipped))
