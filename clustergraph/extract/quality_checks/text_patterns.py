"""Text patterns of data-quality problems, found on the clean text alone.

Stated counts against the items listed ("N个X:A、B、C", "A、B、C三市"), shares against their ratio
("N个…有M个…占比达P%"; rates "N家参赛,M家胜出,胜出率为P%"), parts against a stated total ("N家,其中 a家、b家"), and duplicated phrases
("X和X", "“X”向“X”", "由X向X转变", "XX"; not a phrase chained across 、, "整机带部件、部件强整机").
Each check returns plain tuples with clean spans;
:mod:`clustergraph.extract.quality_checks.document_checks` turns them into findings.
"""

from __future__ import annotations

import re
from decimal import Decimal

from clustergraph.extract.numbers import parse_number
from clustergraph.extract.quality_checks.model import Span, within

__all__ = ["HAN", "NOT_LISTED", "find_text_findings"]

HAN = r"\u4e00-\u9fff"
_CN_COUNT = "一二两三四五六七八九十"
_COUNT = rf"(?P<n>\d+|[{_CN_COUNT}]+)"
#: classifiers of enumerations ("13个…", "八大平台", "三市", "两地")
_ENUM_CLASSIFIER = r"(?:个|家|项|大类|大|类|种|条|市|地|省|区|县)"
_COUNT_THEN_LIST = re.compile(
    rf"{_COUNT}\s*(?:个|家|项|大类|大|类|种|条)(?P<head>[^:;。,\n\t]{{1,24}}?)\s*:\s*(?P<list>[^;。\n\t]+)"
)
_COUNT_AFTER_LIST = re.compile(rf"{_COUNT}\s*{_ENUM_CLASSIFIER}")
_CONJUNCTIONS = ("以及", "和", "及", "与")
#: a list said to be given elsewhere or later ("名单另行发布", "具体名单另文印发", "暂不列出")
NOT_LISTED = re.compile(
    r"另行(?:发布|公布|印发|确定|认定|制定|通知)|另文(?:发布|公布|印发)|名单待定|暂不列出|不再列出|不一一列出"
)
_MAX_ITEM = 20


def _count(text: str) -> int | None:
    value = parse_number(text)
    return None if value is None or value != value.to_integral_value() else int(value)


def _readings(items: list[str]) -> tuple[int, ...]:
    """Item counts a list allows: as split on 、, and with a conjunction in the last item split."""
    n = len(items)
    last = items[-1]
    for word in _CONJUNCTIONS:
        if word in last:
            left, _, right = last.partition(word)
            if len(left.strip()) >= 2 and len(right.strip()) >= 2:
                return (n, n + 1)
    return (n,)


def _simple_items(text: str) -> list[str] | None:
    """Items of a plain 、-list (no commas, no figures, short items), else None."""
    if "," in text or "," in text:
        return None
    items = [item.strip() for item in text.split("、")]
    if len(items) < 2 or any(not item or len(item) > _MAX_ITEM for item in items):
        return None
    if any(re.search(r"\d", item) for item in items):
        return None
    return items


def _count_then_list(clean: str) -> list[tuple[Span, int, int, str]]:
    """Lists written "N个X:A、B、C" whose item count differs: (span, stated, listed, head).

    A list that says it is not given here ("名单另行发布") is not checked.
    """
    found = []
    for match in _COUNT_THEN_LIST.finditer(clean):
        stated = _count(match.group("n"))
        body = match.group("list").rstrip(" 。")
        if stated is None or stated < 2 or body.rstrip().endswith("等") or NOT_LISTED.search(body):
            continue
        items = _simple_items(body)
        if items is None or stated in _readings(items):
            continue
        end = match.start("list") + len(body)
        found.append(((match.start(), end), stated, len(items), match.group("head").strip()))
    return found


def _count_after_list(clean: str) -> list[tuple[Span, int, int, str]]:
    """Lists written "A、B、C三市" / "…八大平台" (touching the count) whose count differs."""
    found = []
    for match in _COUNT_AFTER_LIST.finditer(clean):
        stated = _count(match.group("n"))
        if stated is None or stated < 2:
            continue
        head = clean[: match.start()].rstrip(" ")
        if head.endswith("”"):
            opening = head.rfind("“")
            if opening < 0:
                continue
            body, start = head[opening + 1 : -1], opening
        else:
            cut = max(head.rfind(ch) for ch in ",;。:\n(“”\t")
            body, start = head[cut + 1 :], cut + 1
        if not body or "等" in body or body.endswith(("各", "共", "第", "前")) or "、" not in body:
            continue
        if body.rstrip().endswith(_CONJUNCTIONS):
            continue  # "由A、B和 9 家企业": the count is one more item, not the list's size
        if ")" in body or _COUNT_AFTER_LIST.search(body):
            # "31个省(区、市)中有28个": the list closed in brackets before the count;
            # "A、B五个方面的十个": the list has its own count, the later one counts other things
            continue
        if match.end() >= len(clean) or not re.match(rf"[{HAN}]", clean[match.end()]):
            continue  # "…强链项目 12 个,": a figure closing its clause, not a list's count
        items = _simple_items(body)
        if items is None or stated in _readings(items):
            continue
        found.append(((start, match.end()), stated, len(items), body))
    return found


_DUPLICATE = re.compile(rf"(?P<x>[{HAN}]{{2,}})(?P<c>以及|和|与|及|、)(?P=x)")
_BACK_TO_BACK = re.compile(rf"(?P<x>[{HAN}]{{3,}})(?P=x)")
#: the same quoted term on both sides of a connector or a change ("“X”向“X”延伸", "“X”和“X”")
_QUOTED_DUPLICATE = re.compile(
    r"“(?P<x>[^“”\n]{2,20})”\s*(?P<c>以及|和|与|及|、|或|向|到|至|转向|变为)\s*“(?P=x)”"
)
#: a change from a thing to itself ("由X向X转变", "从X到X")
_SELF_CHANGE = re.compile(
    rf"(?:由|从)(?P<x>[{HAN}]{{2,}})(?P<c>向|到|至)(?P=x)"
    r"(?=转变|转型|延伸|迈进|拓展|升级|跨越|演进|[,;。、]|$)"
)


def _anadiplosis(clean: str, match: re.Match[str]) -> bool:
    """Is "…x、x…" the end of one list item and the start of the next ("整机带部件、部件强整机")?

    、 separates items: when the repeated phrase is only the tail of the item before it and the
    head of the item after it, the two items differ (a rhetorical chain, 顶真), and nothing is
    duplicated. Other connectors join whole phrases ("发展X和X的意见") and are not excused.
    """
    if match.group("c") != "、" or match.start() == 0 or match.end() >= len(clean):
        return False
    han = re.compile(rf"[{HAN}]")
    return bool(han.match(clean[match.start() - 1]) and han.match(clean[match.end()]))


def _duplicates(clean: str) -> list[tuple[Span, str, str]]:
    """(clean span, repeated phrase, connector) for "X和X", "“X”向“X”", "由X到X" and "XX"."""
    found = []
    for match in _DUPLICATE.finditer(clean):
        if _anadiplosis(clean, match):
            continue
        found.append((match.span(), match.group("x"), match.group("c")))
    for pattern in (_QUOTED_DUPLICATE, _SELF_CHANGE):
        for match in pattern.finditer(clean):
            if not any(s < match.end() and match.start() < e for (s, e), _, _ in found):
                found.append((match.span(), match.group("x"), match.group("c")))
    for match in _BACK_TO_BACK.finditer(clean):
        if not any(s < match.end() and match.start() < e for (s, e), _, _ in found):
            found.append((match.span(), match.group("x"), ""))
    return sorted(found)


_SHARE = re.compile(r"(?:占比|比例|比重|占)\s*(?:达到|达|为|约|是)?\s*(?P<p>\d+(?:\.\d+)?)\s*%")
_COUNT_IN_SENTENCE = re.compile(
    rf"(?P<n>\d+|[{_CN_COUNT}百千]+)\s*(?P<cls>个|家|项|所|名|人|家次|次|台|套)"
)


#: a count followed by its own share ("高端装备20家,占23.8%"): one part of a list, no whole
_OWN_SHARE = re.compile(r"\s*[,;]?\s*(?:约|分别)?占(?:比)?[^\d,;。]{0,12}?\d+(?:\.\d+)?\s*%")
#: a rate of the sentence's counts: "84家参赛,30家胜出,总体胜出率为35.7%" (stem 胜出)
_RATE = re.compile(rf"(?P<stem>[{HAN}]{{2}})率\s*(?:达到|达|为|约|是)?\s*(?P<p>\d+(?:\.\d+)?)\s*%")


def _sentence_counts(clean: str, end: int) -> list[re.Match[str]]:
    start = max(clean.rfind(ch, 0, end) for ch in "。\n") + 1
    return list(_COUNT_IN_SENTENCE.finditer(clean, start, end))


def _ratio_finding(
    part: re.Match[str], whole: re.Match[str] | None, share: re.Match[str]
) -> tuple[Span, Decimal, Decimal, int, int] | None:
    m, n = _count(part.group("n")), _count(whole.group("n")) if whole else None
    if whole is None or m is None or n is None or n <= 0 or m > n:
        return None
    stated = Decimal(share.group("p"))
    ratio = Decimal(m) * 100 / Decimal(n)
    if within(ratio, stated):
        return None
    return (whole.start(), share.end()), stated, ratio, m, n


def _percentages(clean: str) -> list[tuple[Span, Decimal, Decimal, int, int]]:
    """Shares written "N个…有M个…占比达P%" (one sentence) where M/N disagrees with P.

    A count that carries its own share ("A 20家,占23.8%;B 17家,占20.2%") is a sibling part of
    a list, not the whole of the next one.
    """
    found = []
    for match in _SHARE.finditer(clean):
        counts = _sentence_counts(clean, match.start())
        if len(counts) < 2:
            continue
        part = counts[-1]
        whole = next(
            (
                c
                for c in counts[:-1]
                if c.group("cls") == part.group("cls") and not _OWN_SHARE.match(clean, c.end())
            ),
            None,
        )
        finding = _ratio_finding(part, whole, match)
        if finding is not None:
            found.append(finding)
    return found


def _clause(clean: str, count: re.Match[str]) -> str:
    """The clause (between , ; 。) that holds ``count``."""
    start = max(clean.rfind(ch, 0, count.start()) for ch in ",;。\n") + 1
    ends = [k for k in (clean.find(ch, count.end()) for ch in ",;。\n") if k >= 0]
    return clean[start : min(ends, default=len(clean))]


def _rates(clean: str) -> list[tuple[Span, Decimal, Decimal, int, int]]:
    """Rates written "N家…参赛,M家…胜出,胜出率为P%" where M/N disagrees with P.

    The part is the last count whose clause holds the rate's stem (胜出, 入选, 通过…), the
    whole an earlier count of the same measure word whose clause does not: a rate whose stem
    names none of the counts (利用率, 增长率) is not checked.
    """
    found = []
    for match in _RATE.finditer(clean):
        counts = _sentence_counts(clean, match.start())
        stem = match.group("stem")
        parts = [c for c in counts if stem in _clause(clean, c)]
        if not parts:
            continue
        part = parts[-1]
        whole = next(
            (
                c
                for c in reversed(counts[: counts.index(part)])
                if c.group("cls") == part.group("cls") and stem not in _clause(clean, c)
            ),
            None,
        )
        finding = _ratio_finding(part, whole, match)
        if finding is not None:
            found.append(finding)
    return found


_TOTAL_THEN_PARTS = re.compile(
    r"(?P<total>\d+)\s*(?P<cls>个|家|项|所|名|人|台|套|次)\s*[,;]?\s*其中\s*[,:]?"
)


def _sums(clean: str) -> list[tuple[Span, int, int, list[int]]]:
    """Totals written "N家,其中 A a家、B b家、C c家" whose parts do not add up."""
    found = []
    for match in _TOTAL_THEN_PARTS.finditer(clean):
        end = clean.find("。", match.end())
        end = len(clean) if end < 0 else end
        segment = clean[match.end() : end]
        if "各" in segment:
            continue
        parts = list(re.finditer(rf"(?P<n>\d+)\s*(?P<cls>{match.group('cls')})", segment))
        all_counts = list(_COUNT_IN_SENTENCE.finditer(segment))
        if len(parts) < 2 or len(parts) != len(all_counts):
            continue
        total = int(match.group("total"))
        values = [int(p.group("n")) for p in parts]
        partial = segment[parts[-1].end() :].lstrip().startswith("等")
        if sum(values) == total or (partial and sum(values) < total):
            continue
        found.append(((match.start(), match.end() + parts[-1].end()), total, sum(values), values))
    return found


def find_text_findings(clean: str) -> list[tuple[str, tuple]]:
    """All text-pattern findings in clean text, as (check name, details) in text order."""
    found: list[tuple[str, tuple]] = []
    found += [("count", f) for f in _count_then_list(clean)]
    found += [("count", f) for f in _count_after_list(clean)]
    found += [("percentage", f) for f in _percentages(clean)]
    found += [("percentage", f) for f in _rates(clean)]
    found += [("sum", f) for f in _sums(clean)]
    found += [("duplicate", f) for f in _duplicates(clean)]
    return sorted(found, key=lambda item: item[1][0])
