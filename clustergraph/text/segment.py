"""Sentences and enumerations (一是/二是, 一则/二则, 一要/二要, 第一/第1, 其一/其二, 首先/其次,
一方面/另一方面, ①②, (1)(2), (a)(b)) inside paragraphs.

The helpers work on one paragraph's clean text (offsets relative to it);
:func:`segment_paragraphs` turns their spans into nodes with raw offsets.

An enumeration marker stands at the paragraph start or after punctuation, and counts only in a
sequence of at least two of the same style (1, 2, …; 最后 also closes a 第一/第二 or 其一/其二
sequence). Styles: "是" (一是), "则" (一则, 一则，), "要" (一要), "第" (第一，, 第1，), "其"
(其一，, 其一是), "序" (首先，其次，再次，然后，最后，), "方面" (一方面…另一方面…, and a closing
此外 as one more item: 此外 continues no other style), "①" (circled numbers), "()" ("(1)"),
"(a)" ("(a)", "(A)"), ")" ("1)"), "㈠" (parenthesised ideograph numbers), a label word with a
number ("措施一:", "做法二:"; the style is the word) and "→" (an arrow opening a paragraph: a run
of such paragraphs is numbered 1, 2, … in order). Numbered lines ("1）…", "①…" opening a line) are items of
the document structure instead (:mod:`clustergraph.text.patterns`).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace

from clustergraph.text.nodes import Node
from clustergraph.text.normalize import CleanText
from clustergraph.text.numerals import parse_chinese_int
from clustergraph.text.patterns import circled_value
from clustergraph.text.tree import adopt

__all__ = [
    "LIST_LABELS",
    "Marker",
    "chain_markers",
    "find_markers",
    "heading_clause",
    "item_end",
    "segment_paragraphs",
    "sentence_headings",
    "split_sentences",
]

_SENTENCE_END = frozenset("。!?")
_TRAILERS = frozenset("。!?”’」』)》〕】\"'")  # kept with the sentence they close
_OPENERS = frozenset("“「『")
_CLOSERS = frozenset("”」』")
_CN = "一二三四五六七八九十"
#: nouns that label the items of a list ("措施一:", "做法二:", "举措三:")
LIST_LABELS = ("措施", "举措", "做法", "经验", "路径", "任务", "重点", "亮点", "特色", "行动")
#: arrows that open the paragraphs of a list ("→建立工作机制。…")
_ARROWS = "→➔➜➢➤⇒"
#: a marker at the paragraph start or after punctuation (not "统一是", "全国第一,")
_MARKER = re.compile(
    r"(?<![^。;,:!?\s”\"])(?:"
    rf"(?P<shi>[{_CN}]{{1,3}})是"
    rf"|(?P<ze>[{_CN}]{{1,3}})则\s*[,、:]?"
    rf"|(?P<yao>[{_CN}]{{1,3}})要(?![素求点件])"
    rf"|(?P<di>第(?:[{_CN}]{{1,3}}|\d{{1,2}}))\s*[,、:]"
    rf"|(?P<qi>其[{_CN}]{{1,3}})\s*(?:[,、:]|是)"
    r"|(?P<seq>首先|其次|再次|然后|最后)\s*[,、:]"
    r"|(?P<side>另?一方面|此外)\s*[,、:]?"
    r"|(?P<circled>[\u2460-\u2473\u3251-\u325f\u32b1-\u32bf\u2776-\u2793\u24eb-\u24fe])"
    r"|\(\s*(?P<paren>\d{1,2})\s*\)"
    r"|\(\s*(?P<letter>[a-zA-Z])\s*\)"
    r"|(?P<rparen>\d{1,2})\)"
    r"|(?P<pideo>[\u3220-\u3229])"
    rf"|(?P<label>{'|'.join(LIST_LABELS)})(?P<lnum>[{_CN}]{{1,3}})\s*:"
    rf"|(?P<arrow>[{_ARROWS}])"
    r")"
)
#: 首先 starts a 序 sequence; 然后 and 最后 continue any (None: one more than the last)
_SEQUENCE_WORDS = {"首先": 1, "其次": 2, "再次": 3, "然后": None, "最后": None}
#: 一方面 starts a 方面 sequence, 另一方面 goes on; 此外 adds one last item to it
_SIDE_WORDS = {"一方面": 1, "另一方面": 2, "此外": None}
#: the sequences a word without a number (然后, 最后, 此外) may continue, by the word's style
_CONTINUES = {"方面": ("方面",)}
_CONTINUES_ANY = ("第", "其")
#: words that end the sequence they continue
_CLOSING_WORDS = frozenset({"最后", "此外"})
#: 此外 adds to a whole 一方面/另一方面 pair only (a lone 一方面 is no list yet)
_AFTER_A_PAIR = frozenset({"此外"})
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
    """An enumeration marker: "二是" at ``start``, its text from ``body``, ordinal 2.

    ``style``: "是", "则", "要", "第", "其", "序", "方面", "①", "()", "(a)", ")", "㈠", "→" or a
    label word ("措施", see the module docstring); ``number``: the numbering as written ("二",
    "第二", "第2", "其二", "其次", "另一方面", "②", "2", "b", "㈡", "措施二", "→"; None: the text
    before 是). ``ordinal`` None: "one more than the marker before"
    (然后, 最后, 此外), fixed by :func:`chain_markers`.
    """

    start: int
    body: int
    ordinal: int | None
    style: str = "是"
    number: str | None = None


def _number(text: str) -> int:
    """Value of a numeral written in Chinese ("三") or in (half- or full-width) digits ("3")."""
    return int(text) if text.isdigit() else parse_chinese_int(text)


def _marker(m: re.Match[str]) -> Marker:
    start, body = m.start(), m.end()
    if shi := m.group("shi"):
        return Marker(start, body, parse_chinese_int(shi), "是", shi)
    if ze := m.group("ze"):
        return Marker(start, body, parse_chinese_int(ze), "则", ze)
    if yao := m.group("yao"):
        return Marker(start, body, parse_chinese_int(yao), "要", yao)
    if di := m.group("di"):
        return Marker(start, body, _number(di[1:]), "第", di)
    if qi := m.group("qi"):
        return Marker(start, body, parse_chinese_int(qi[1:]), "其", qi)
    if seq := m.group("seq"):
        return Marker(start, body, _SEQUENCE_WORDS[seq], "序", seq)
    if side := m.group("side"):
        return Marker(start, body, _SIDE_WORDS[side], "方面", side)
    if circled := m.group("circled"):
        return Marker(start, body, circled_value(circled), "①", circled)
    if paren := m.group("paren"):
        return Marker(start, body, int(paren), "()", paren)
    if letter := m.group("letter"):
        ordinal = ord(letter.lower()) - ord("a") + 1
        return Marker(start, body, ordinal, "(a)" if letter.islower() else "(A)", letter)
    if pideo := m.group("pideo"):
        return Marker(start, body, int(unicodedata.numeric(pideo)), "㈠", pideo)
    if label := m.group("label"):
        number = m.group("lnum")
        return Marker(start, body, parse_chinese_int(number), label, label + number)
    if arrow := m.group("arrow"):
        return Marker(start, body, 1, "→", arrow)  # numbered by :func:`_number_arrows`
    return Marker(start, body, int(m.group("rparen")), ")", m.group("rparen"))


def find_markers(text: str) -> list[Marker]:
    """Every marker candidate in ``text`` (validated later by :func:`chain_markers`); an arrow
    counts only at the paragraph start.
    """
    return [
        _marker(m)
        for m in _MARKER.finditer(text)
        if not m.group("arrow") or not text[: m.start()].strip()
    ]


def _number_arrows(per_paragraph: Sequence[Sequence[Marker]]) -> list[list[Marker]]:
    """Number the arrows of consecutive paragraphs 1, 2, …: an arrow carries no number, its place
    in the run of arrowed paragraphs is its ordinal.
    """
    numbered: list[list[Marker]] = []
    previous = 0
    for markers in per_paragraph:
        arrow = next((m for m in markers if m.style == "→"), None)
        previous = previous + 1 if arrow is not None else 0
        numbered.append([replace(m, ordinal=previous) if m.style == "→" else m for m in markers])
    return numbered


def _continued(marker: Marker, chains: Mapping[str, Sequence[object]]) -> str | None:
    """The open sequence a word without a number (然后, 最后, 此外) continues, or None."""
    options = _CONTINUES.get(marker.style, (marker.style, *_CONTINUES_ANY))
    style = next((s for s in options if s in chains), None)
    if style is None or (marker.number in _AFTER_A_PAIR and len(chains[style]) < 2):
        return None
    return style


def chain_markers(per_paragraph: Sequence[Sequence[Marker]]) -> list[list[Marker]]:
    """Keep markers that form a sequence 1, 2, … of one style, at least two items long.

    A sequence may go on in the next paragraph; a paragraph without its next marker ends it.
    Sequences of different styles may nest (一是…(1)…(2)…二是…). 然后/最后 continue a 序 (else a
    第, else a 其) sequence; 此外 continues only a 一方面/另一方面 pair; 最后 and 此外 end it.
    """
    per_paragraph = _number_arrows(per_paragraph)
    kept: list[list[Marker]] = [[] for _ in per_paragraph]
    chains: dict[str, list[tuple[int, Marker]]] = {}

    def close(style: str) -> None:
        chain = chains.pop(style, [])
        if len(chain) >= 2:
            for index, marker in chain:
                kept[index].append(marker)

    for index, markers in enumerate(per_paragraph):
        took: set[str] = set()
        for marker in markers:
            style = marker.style
            if marker.ordinal is None:
                style = _continued(marker, chains)
                if style is None:
                    continue
                marker = replace(marker, ordinal=chains[style][-1][1].ordinal + 1, style=style)
                chains[style].append((index, marker))
                took.add(style)
                if marker.number in _CLOSING_WORDS:
                    close(style)
            elif marker.ordinal == 1:
                close(style)
                chains[style] = [(index, marker)]
                took.add(style)
            elif style in chains and marker.ordinal == chains[style][-1][1].ordinal + 1:
                chains[style].append((index, marker))
                took.add(style)
        for style in [s for s in chains if s not in took]:
            close(style)
    for style in list(chains):
        close(style)
    for markers in kept:
        markers.sort(key=lambda marker: marker.start)
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


def item_end(text: str, markers: Sequence[Marker], k: int) -> int:
    """Where item ``k`` ends: at the next marker of its style or of a list it is nested in
    ("(2)" ends at the "二是" after it), else at the end of ``text``.
    """
    began: dict[str, int] = {}  # where each style's sequence began (-1: in an earlier paragraph)
    for m in markers:
        began.setdefault(m.style, m.start if m.ordinal == 1 else -1)
    marker = markers[k]
    later = [
        m.start
        for m in markers[k + 1 :]
        if m.style == marker.style or began[m.style] < began[marker.style]
    ]
    end = later[0] if later else len(text)
    while end > marker.start and text[end - 1].isspace():
        end -= 1
    return end


def _enumerate(clean: CleanText, paragraph: Node, text: str, markers: Sequence[Marker]) -> None:
    """Add one paragraph's enumeration items: marker to next marker (or paragraph end)."""
    base = paragraph.clean_start
    for k, marker in enumerate(markers):
        end = item_end(text, markers, k)
        node = adopt(paragraph, _span_node("enumeration", clean, base + marker.start, base + end))
        node.number = marker.number or text[marker.start : marker.body - 1]
        node.ordinal = marker.ordinal
        node.role = marker.style
        node.heading = heading_clause(text, marker.body, end)


def sentence_headings(headings: Sequence[Node], clean: CleanText) -> None:
    """Give each run-in heading ("②组建跨区域产业联盟。" before its body text) one sentence child.

    Such a head is prose of the item, not only its title: rules that read a case sentence by
    sentence must see it.
    """
    for heading in headings:
        text = clean.clean[heading.clean_start : heading.clean_end]
        a, b = _trim(text, 0, len(text))
        if a < b:
            node = _span_node("sentence", clean, heading.clean_start + a, heading.clean_start + b)
            adopt(heading, node).ordinal = 1


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
