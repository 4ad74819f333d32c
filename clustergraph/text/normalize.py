"""The clean view of a source: NFKC-folded, ``**`` dropped, whitespace collapsed, mapped to raw.

Circled numbers ("①", "⑫") and parenthesised ideograph numbers ("㈠", "㈣") are the exceptions to
NFKC: they are list markers, and folded to "1", "12" they would read as numerals ("①个性化…" as
"1个"), folded to "(一)" as outline section headings.

Extraction rules match regexes on the clean text (one comma, one colon, no PDF line breaks) but
evidence must quote the raw file, so every clean character remembers the raw range it came from.
Offsets are Python ``str`` indices into the decoded text (BOM already stripped).
"""

from __future__ import annotations

import unicodedata
from bisect import bisect_left
from dataclasses import dataclass, field

__all__ = ["CleanBuilder", "CleanText", "is_cjk", "is_cjk_like", "normalize"]

_MARKER_CHARS = "*＊"
_LINE_BREAKS = frozenset("\n\r\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029")
_FOLD_CACHE: dict[str, str] = {}


def is_cjk(ch: str) -> bool:
    """True for a CJK ideograph (basic block, extension A, compatibility, supplementary planes)."""
    cp = ord(ch)
    return (
        0x4E00 <= cp <= 0x9FFF
        or 0x3400 <= cp <= 0x4DBF
        or 0xF900 <= cp <= 0xFAFF
        or 0x20000 <= cp <= 0x3FFFF
        or cp in (0x3007,)  # 〇
    )


def is_cjk_like(ch: str) -> bool:
    """True for characters of East Asian typesetting, between which spaces are PDF artefacts."""
    cp = ord(ch)
    return (
        0x2E80 <= cp <= 0x9FFF  # radicals, CJK symbols and punctuation, kana, ext. A, ideographs
        or 0xAC00 <= cp <= 0xD7AF  # hangul syllables
        or 0xF900 <= cp <= 0xFAFF
        or 0xFE30 <= cp <= 0xFE4F  # CJK compatibility forms
        or 0xFF00 <= cp <= 0xFFEF  # full-width / half-width forms
        or 0x20000 <= cp <= 0x3FFFF
        or 0x2014 <= cp <= 0x2026  # — ‘ ’ “ ” …
        or cp == 0x00B7  # ·
    )


def _fold(ch: str) -> str:
    """NFKC of one character (cached: a document uses a few thousand distinct characters)."""
    if ch < "\x80":
        return ch
    folded = _FOLD_CACHE.get(ch)
    if folded is None:
        folded = unicodedata.normalize("NFKC", ch)
        if not folded or any(c.isspace() for c in folded):
            folded = ch  # spacing accents ("´" → " ́"): a space here would move word boundaries
        elif folded.isdigit() and "CIRCLED" in unicodedata.name(ch, ""):
            folded = ch  # "①" is a list marker, not the digit 1
        elif "PARENTHESIZED IDEOGRAPH" in unicodedata.name(ch, "") and unicodedata.numeric(ch, 0):
            folded = ch  # "㈠" is a list marker, not the outline heading "(一)"
        _FOLD_CACHE[ch] = folded
    return folded


@dataclass(frozen=True, slots=True)
class CleanText:
    """A normalised string plus, for each of its characters, the raw ``[start, end)`` it came from.

    ``to_raw(len(clean))`` is ``raw_length``: the end of the raw text.
    """

    clean: str
    raw_length: int
    _starts: tuple[int, ...] = field(repr=False)
    _ends: tuple[int, ...] = field(repr=False)

    def __len__(self) -> int:
        return len(self.clean)

    def __str__(self) -> str:
        return self.clean

    def to_raw(self, i: int) -> int:
        """Raw index of clean index ``i``; ``i == len(clean)`` gives the raw end."""
        if not 0 <= i <= len(self.clean):
            raise IndexError(f"clean index {i} outside 0..{len(self.clean)}")
        return self._starts[i] if i < len(self.clean) else self.raw_length

    def raw_span(self, clean_start: int, clean_end: int) -> tuple[int, int]:
        """The minimal raw ``[start, end)`` covering clean ``[clean_start, clean_end)``."""
        if not 0 <= clean_start <= clean_end <= len(self.clean):
            raise IndexError(f"clean span {clean_start}-{clean_end} outside 0..{len(self.clean)}")
        if clean_start == clean_end:
            at = self.to_raw(clean_start)
            return at, at
        return self._starts[clean_start], self._ends[clean_end - 1]

    def to_clean(self, raw_index: int) -> int:
        """The first clean index whose raw start is at or after ``raw_index``."""
        return bisect_left(self._starts, raw_index)


@dataclass(slots=True)
class _Pending:
    """Whitespace seen but not yet written: its fate depends on the next visible character."""

    start: int
    end: int
    tab: bool
    newline: bool


class CleanBuilder:
    """Appends normalised raw ranges and separators, in raw order, keeping the offset map."""

    def __init__(self, raw: str) -> None:
        self._raw = raw
        self._chars: list[str] = []
        self._starts: list[int] = []
        self._ends: list[int] = []
        self._pending: _Pending | None = None
        self._prev_cjk = False
        self._has_prev = False
        self._last_end = 0

    @property
    def pos(self) -> int:
        """Current length of the clean text."""
        return len(self._chars)

    @property
    def last_end(self) -> int:
        """Raw end of the last character written."""
        return self._last_end

    def _put(self, text: str, start: int, end: int) -> None:
        for ch in text:
            self._chars.append(ch)
            self._starts.append(start)
            self._ends.append(end)
        self._last_end = max(self._last_end, end)

    def _space(self, start: int, end: int, tab: bool, newline: bool) -> None:
        pending = self._pending
        if pending is None:
            self._pending = _Pending(start, end, tab, newline)
        else:
            pending.start = min(pending.start, start)
            pending.end = max(pending.end, end)
            pending.tab = pending.tab or tab
            pending.newline = pending.newline or newline

    def _resolve(self, next_cjk: bool, tabs: bool) -> None:
        pending, self._pending = self._pending, None
        if pending is None or not self._has_prev:
            return
        if tabs and pending.tab:
            self._put("\t", pending.start, pending.end)
        elif pending.newline:
            if not (self._prev_cjk or next_cjk):  # a wrapped line: a space only between words
                self._put(" ", pending.start, pending.end)
        elif not (self._prev_cjk and next_cjk):
            self._put(" ", pending.start, pending.end)

    def text(self, start: int, end: int, *, tabs: bool = False) -> tuple[int, int]:
        """Normalise and append ``raw[start:end]``; return the clean span of what was written.

        A whitespace run becomes one tab when ``tabs`` and it holds a tab; else, if it holds a
        line break (a wrapped or page-broken line), nothing next to a CJK character and one space
        between two other characters; else nothing between two CJK characters and one space
        otherwise. Leading and trailing whitespace is held back until the next visible character.
        """
        raw = self._raw
        first: int | None = None
        i = start
        while i < end:
            ch = raw[i]
            if ch.isspace():
                j = i + 1
                while j < end and raw[j].isspace():
                    j += 1
                run = raw[i:j]
                self._space(i, j, "\t" in run, not _LINE_BREAKS.isdisjoint(run))
                i = j
                continue
            if ch in _MARKER_CHARS and i + 1 < end and raw[i + 1] in _MARKER_CHARS:
                i += 2  # a bold marker: invisible, also for the whitespace rule
                continue
            cjk = is_cjk_like(ch)
            self._resolve(cjk, tabs)
            if first is None:
                first = self.pos
            self._put(_fold(ch), i, i + 1)
            self._prev_cjk = cjk
            self._has_prev = True
            i += 1
        return (self.pos if first is None else first), self.pos

    def soft_break(self, start: int, end: int) -> None:
        """A gap inside one paragraph (a page break): treated like a line break."""
        self._space(start, end, False, True)

    def separator(self, sep: str, next_start: int) -> None:
        """Write ``sep`` (a newline between blocks, a tab between cells) for the raw gap."""
        self._pending = None
        self._has_prev = False
        if self._chars:
            self._put(sep, self._last_end, max(self._last_end, next_start))

    def build(self) -> CleanText:
        """Freeze into a :class:`CleanText`."""
        return CleanText(
            "".join(self._chars), len(self._raw), tuple(self._starts), tuple(self._ends)
        )


def normalize(raw: str, *, keep_tabs: bool = False) -> CleanText:
    """The clean view of one run of text (e.g. a paragraph): every line break is whitespace."""
    builder = CleanBuilder(raw)
    builder.text(0, len(raw), tabs=keep_tabs)
    return builder.build()
