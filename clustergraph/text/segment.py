"""Sentences and 一是/二是 enumerations inside paragraphs, found on the clean text.

The helpers work on one paragraph's clean text (offsets relative to it);
:func:`segment_paragraphs` turns their spans into nodes with raw offsets.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from clustergraph.text.nodes import Node
from clustergraph.text.normalize import CleanText
from clustergraph.text.numerals import parse_chinese_int
from clustergraph.text.tree import adopt

__all__ = [
    "Marker",
    "chain_markers",
    "find_markers",
    "heading_clause",
    "segment_paragraphs",
    "split_sentences",
]

_SENTENCE_END = frozenset("。!?")
_TRAILERS = frozenset("。!?”’」』)》〕】\"'")  # kept with the sentence they close
_OPENERS = frozenset("“「『")
_CLOSERS = frozenset("”」』")
#: "一是" … "十二是" at the paragraph start or after punctuation (not "统一是")
_MARKER = re.compile(r"(?<![^。;,:!?\s”\"])([一二三四五六七八九十]{1,3})是")
_CLAUSE_END = re.compile(r"[。,;!?]")
MAX_HEADING_CLAUSE = 30


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def _split(text: str, *, quotes: bool) -> list[tuple[int, int]] | None:
    """Cut after 。!? (and the quotes closing them); None if quotes do not balance."""
    spans: list[tuple[int, int]] = []
    start = depth = i = 0
    while i < len(text):
        ch = text[i]
        if quotes and ch in _OPENERS:
            depth += 1
        elif quotes and ch in _CLOSERS:
            depth -= 1
            if depth < 0:
                return None
        if ch in _SENTENCE_END and depth == 0:
            i += 1
            while i < len(text) and text[i] in _TRAILERS:
                i += 1
            spans.append(_trim(text, start, i))
            start = i
            continue
        i += 1
    if depth:
        return None
    spans.append(_trim(text, start, len(text)))
    return [span for span in spans if span[0] < span[1]]


def split_sentences(text: str) -> list[tuple[int, int]]:
    """Sentence spans: split on 。!? but not inside “…” when the quotes balance; ; does not split."""
    spans = _split(text, quotes=True)
    return spans if spans is not None else _split(text, quotes=False) or []


@dataclass(frozen=True, slots=True)
class Marker:
    """An enumeration marker: "二是" at ``start``, its text from ``body``, ordinal 2."""

    start: int
    body: int
    ordinal: int


def find_markers(text: str) -> list[Marker]:
    """Every 一是/二是/… candidate in ``text`` (validated later by :func:`chain_markers`)."""
    return [
        Marker(m.start(), m.end(), parse_chinese_int(m.group(1))) for m in _MARKER.finditer(text)
    ]


def chain_markers(per_paragraph: Sequence[Sequence[Marker]]) -> list[list[Marker]]:
    """Keep markers that form a sequence 一是, 二是, … of at least two items.

    A sequence may go on in the next paragraph; a paragraph without a next marker ends it.
    """
    kept: list[list[Marker]] = [[] for _ in per_paragraph]
    chain: list[tuple[int, Marker]] = []

    def close() -> None:
        if len(chain) >= 2:
            for index, marker in chain:
                kept[index].append(marker)
        chain.clear()

    for index, markers in enumerate(per_paragraph):
        took = False
        for marker in markers:
            if marker.ordinal == 1:
                close()
                chain.append((index, marker))
                took = True
            elif chain and marker.ordinal == chain[-1][1].ordinal + 1:
                chain.append((index, marker))
                took = True
        if not took:
            close()
    close()
    return kept


def heading_clause(text: str, body: int, end: int) -> str | None:
    """The item's first clause (up to 。 , ; ! ?) when it is short enough to be its heading."""
    item = text[body:end]
    cut = _CLAUSE_END.search(item)
    clause = (item[: cut.start()] if cut else item).strip()
    return clause if 0 < len(clause) <= MAX_HEADING_CLAUSE else None


def _span_node(kind: str, clean: CleanText, clean_start: int, clean_end: int) -> Node:
    start, end = clean.raw_span(clean_start, clean_end)
    return Node(kind, start, end, clean_start, clean_end)


def _enumerate(clean: CleanText, paragraph: Node, text: str, markers: Sequence[Marker]) -> None:
    """Add one paragraph's enumeration items: marker to next marker (or paragraph end)."""
    base = paragraph.clean_start
    for k, marker in enumerate(markers):
        end = markers[k + 1].start if k + 1 < len(markers) else len(text)
        while end > marker.start and text[end - 1].isspace():
            end -= 1
        node = adopt(paragraph, _span_node("enumeration", clean, base + marker.start, base + end))
        node.number = text[marker.start : marker.body - 1]
        node.ordinal = marker.ordinal
        node.heading = heading_clause(text, marker.body, end)


def segment_paragraphs(paragraphs: Sequence[Node], clean: CleanText) -> None:
    """Give each paragraph its sentences and enumeration items (in document order).

    An enumeration may run on through the following paragraphs of the same container.
    """
    groups: dict[int, list[Node]] = {}
    for paragraph in paragraphs:
        groups.setdefault(id(paragraph.parent), []).append(paragraph)
        base = paragraph.clean_start
        text = clean.clean[base : paragraph.clean_end]
        for number, (a, b) in enumerate(split_sentences(text), start=1):
            adopt(paragraph, _span_node("sentence", clean, base + a, base + b)).ordinal = number
    for group in groups.values():
        texts = [clean.clean[p.clean_start : p.clean_end] for p in group]
        kept = chain_markers([find_markers(text) for text in texts])
        for paragraph, text, markers in zip(group, texts, kept, strict=True):
            _enumerate(clean, paragraph, text, markers)
