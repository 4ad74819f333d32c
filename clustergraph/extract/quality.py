"""Data-quality findings → ``cg:Finding`` nodes (a ``dqv:QualityAnnotation`` with evidence).

Runs last: it checks what the earlier rules recorded in the graph against itself, and scans the
text for patterns of the genre. Every check is general (no list of this document's errors):

* **Stated counts vs listed items** (``cg:CountMismatch``): each ``cg:PolicyTier``'s
  ``cg:statedCount`` against its ``cg:target`` items; "N个X:A、B、C" and "A、B、C三市/八大平台"
  anywhere in the text (a list ending in 等 is partial and not checked; a conjunction in the last
  item may join two items, so "…、装备产业和技术服务" counts as either reading); a survey's stated
  count of regions against the distinct regions of its ``cg:usage`` phrasings.
* **Parts vs stated totals** (``cg:SumMismatch``): each breakdown ``qb:Slice`` of a competition
  against the competition's ``cg:entrantCount``/``cg:winnerCount`` (a partial breakdown, marked
  ``cg:isPartial`` because its list ends in 等, is not checked unless it exceeds the total);
  per-batch counts against the totals; "total N, 其中 a、b、c" in the text.
* **Stated percentages vs their ratio** (``cg:PercentageMismatch``): a survey's ``cg:statedShare``
  against statedCount / surveyedCount, and "M个…占比达P%" after "N个…" in one sentence; flagged
  only when off by more than 0.1 percentage point beyond the rounding of the stated figure.
* **Duplicated phrases** (``cg:DuplicatedText``): "X和X" (also 与/及/、/以及) with X of two or
  more characters ("十大战略性新兴产业集群和十大战略性新兴产业集群", "承办和承办"), and a phrase of three or
  more characters repeated back to back.
* **Garbled text** (``cg:GarbledText``): a blend of two constructions ("营造了良好的…氛围浓厚":
  营造…氛围 + 氛围浓厚), and a table cell or paragraph that breaks off after a conjunction
  ("…(2020年6月发布)以及全省").
* **Name inconsistency** (``cg:NameInconsistency``): a case whose text names its cluster with a word
  of the title substituted (电器 → 电气, 高性能 → 高端; dropped or added words such as 市 or 产业 are
  not findings), and a document cited under two different titles (《提升…的若干意见》 in the text,
  《关于进一步提升…的意见》 in the table; an issuer prefix, 关于/印发 and a 文号 do not count).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal
from typing import TYPE_CHECKING, Any

from rdflib import Literal, URIRef

from clustergraph.extract.numbers import parse_number
from clustergraph.graph.mint import mint
from clustergraph.graph.namespaces import CG, DCTERMS, DQV, OA, QB, RDF, RDFS
from clustergraph.graph.writer import decimal

if TYPE_CHECKING:
    from rdflib import Graph

    from clustergraph.extract.context import ExtractionContext

__all__ = ["KIND_SLUGS", "Finding", "find_text_findings", "run"]

KIND_SLUGS: dict[URIRef, str] = {
    CG.CountMismatch: "count-mismatch",
    CG.SumMismatch: "sum-mismatch",
    CG.PercentageMismatch: "percentage-mismatch",
    CG.DuplicatedText: "duplicated-text",
    CG.GarbledText: "garbled-text",
    CG.NameInconsistency: "name-inconsistency",
}

Span = tuple[int, int]


@dataclass
class Finding:
    """One finding before it is written: raw spans (the first names the finding)."""

    kind: URIRef
    spans: list[Span]
    en: str
    zh: str
    stated: Decimal | None = None
    computed: Decimal | None = None
    targets: list[URIRef] = field(default_factory=list)


# -- text patterns ---------------------------------------------------------------------------

_HAN = r"\u4e00-\u9fff"
_CN_COUNT = "一二两三四五六七八九十"
_COUNT = rf"(?P<n>\d+|[{_CN_COUNT}]+)"
#: classifiers of enumerations ("13个…", "八大平台", "三市", "两地")
_ENUM_CLASSIFIER = r"(?:个|家|项|大类|大|类|种|条|市|地|省|区|县)"
_COUNT_THEN_LIST = re.compile(
    rf"{_COUNT}\s*(?:个|家|项|大类|大|类|种|条)(?P<head>[^:;。,\n\t]{{1,24}}?)\s*:\s*(?P<list>[^;。\n\t]+)"
)
_COUNT_AFTER_LIST = re.compile(rf"{_COUNT}\s*{_ENUM_CLASSIFIER}")
_CONJUNCTIONS = ("以及", "和", "及", "与")
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
    """Lists written "N个X:A、B、C" whose item count differs: (span, stated, listed, head)."""
    found = []
    for match in _COUNT_THEN_LIST.finditer(clean):
        stated = _count(match.group("n"))
        body = match.group("list").rstrip(" 。")
        if stated is None or stated < 2 or body.rstrip().endswith("等"):
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
        if match.end() >= len(clean) or not re.match(rf"[{_HAN}]", clean[match.end()]):
            continue  # "…强链项目 12 个,": a figure closing its clause, not a list's count
        items = _simple_items(body)
        if items is None or stated in _readings(items):
            continue
        found.append(((start, match.end()), stated, len(items), body))
    return found


_DUPLICATE = re.compile(rf"(?P<x>[{_HAN}]{{2,}})(?P<c>以及|和|与|及|、)(?P=x)")
_BACK_TO_BACK = re.compile(rf"(?P<x>[{_HAN}]{{3,}})(?P=x)")


def _duplicates(clean: str) -> list[tuple[Span, str, str]]:
    """(clean span, repeated phrase, connector) for "X和X" and "XX" repetitions."""
    found = []
    for match in _DUPLICATE.finditer(clean):
        found.append((match.span(), match.group("x"), match.group("c")))
    for match in _BACK_TO_BACK.finditer(clean):
        if not any(s < match.end() and match.start() < e for (s, e), _, _ in found):
            found.append((match.span(), match.group("x"), ""))
    return sorted(found)


_SHARE = re.compile(r"(?:占比|比例|比重|占)\s*(?:达到|达|为|约|是)?\s*(?P<p>\d+(?:\.\d+)?)\s*%")
_COUNT_IN_SENTENCE = re.compile(
    rf"(?P<n>\d+|[{_CN_COUNT}百千]+)\s*(?P<cls>个|家|项|所|名|人|家次|次|台|套)"
)


def _within(value: Decimal, stated: Decimal) -> bool:
    """True when ``value`` matches ``stated`` within its rounding plus 0.1 percentage point."""
    exponent = stated.as_tuple().exponent
    places = -exponent if isinstance(exponent, int) and exponent < 0 else 0
    step = Decimal(1).scaleb(-places)
    rounded = value.quantize(step, rounding=ROUND_HALF_UP)
    return abs(rounded - stated) <= Decimal("0.1")


def _percentages(clean: str) -> list[tuple[Span, Decimal, Decimal, int, int]]:
    """Shares written "N个…有M个…占比达P%" (one sentence) where M/N disagrees with P."""
    found = []
    for match in _SHARE.finditer(clean):
        start = max(clean.rfind(ch, 0, match.start()) for ch in "。\n") + 1
        counts = list(_COUNT_IN_SENTENCE.finditer(clean, start, match.start()))
        if len(counts) < 2:
            continue
        part = counts[-1]
        whole = next((c for c in counts[:-1] if c.group("cls") == part.group("cls")), None)
        m, n = _count(part.group("n")), _count(whole.group("n")) if whole else None
        if whole is None or m is None or n is None or n <= 0 or m > n:
            continue
        stated = Decimal(match.group("p"))
        ratio = Decimal(m) * 100 / Decimal(n)
        if not _within(ratio, stated):
            found.append(((whole.start(), match.end()), stated, ratio, m, n))
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
    found += [("sum", f) for f in _sums(clean)]
    found += [("duplicate", f) for f in _duplicates(clean)]
    return sorted(found, key=lambda item: item[1][0])


# -- graph checks ----------------------------------------------------------------------------


def _spans(graph: Graph, node: URIRef) -> list[tuple[int, int, str]]:
    """(start, end, quote) of every piece of evidence of ``node``, in text order."""
    out = []
    for evidence in graph.objects(node, CG.evidence):
        start = end = None
        quote = ""
        for selector in graph.objects(evidence, OA.hasSelector):
            if graph.value(selector, OA.start) is not None:
                start = int(graph.value(selector, OA.start))
                end = int(graph.value(selector, OA.end))
            exact = graph.value(selector, OA.exact)
            if exact is not None:
                quote = str(exact)
        if start is not None and end is not None:
            out.append((start, end, quote))
    return sorted(out)


def _zh_label(graph: Graph, node: URIRef) -> str:
    for label in graph.objects(node, RDFS.label):
        if isinstance(label, Literal) and label.language == "zh":
            return str(label)
    return ""


def _int(graph: Graph, node: URIRef, prop: URIRef) -> int | None:
    value = graph.value(node, prop)
    return None if value is None else int(value)


def _tier_findings(graph: Graph) -> list[Finding]:
    found = []
    for tier in sorted(graph.subjects(RDF.type, CG.PolicyTier)):
        stated = _int(graph, tier, CG.statedCount)
        listed = len(set(graph.objects(tier, CG.target)))
        spans = _spans(graph, tier)
        if stated is None or not listed or stated == listed or not spans:
            continue
        label = _zh_label(graph, tier)
        found.append(
            Finding(
                CG.CountMismatch,
                [(s, e) for s, e, _ in spans],
                f"The table states {stated} {label} but lists {listed}.",
                f"表中写明{stated}个{label}，但只列出{listed}个。"
                if listed < stated
                else f"表中写明{stated}个{label}，但列出了{listed}个。",
                Decimal(stated),
                Decimal(listed),
                [tier],
            )
        )
    return found


def _survey_findings(graph: Graph) -> list[Finding]:
    found = []
    for survey in sorted(graph.subjects(RDF.type, CG.WorkReportSurvey)):
        spans = [(s, e) for s, e, _ in _spans(graph, survey)]
        if not spans:
            continue
        stated = _int(graph, survey, CG.statedCount)
        surveyed = _int(graph, survey, CG.surveyedCount)
        regions = {graph.value(usage, CG.region) for usage in graph.objects(survey, CG.usage)} - {
            None
        }
        if stated is not None and regions and len(regions) != stated:
            found.append(
                Finding(
                    CG.CountMismatch,
                    spans,
                    f"The survey states {stated} regions, but its phrasings name {len(regions)}.",
                    f"文中称有{stated}个地区，但列出的表述涉及{len(regions)}个地区。",
                    Decimal(stated),
                    Decimal(len(regions)),
                    [survey],
                )
            )
        share = graph.value(survey, CG.statedShare)
        if stated is not None and surveyed and share is not None:
            ratio = Decimal(stated) * 100 / Decimal(surveyed)
            if not _within(ratio, Decimal(str(share))):
                found.append(
                    _percentage_finding(
                        spans, Decimal(str(share)), ratio, stated, surveyed, [survey]
                    )
                )
    return found


def _percentage_finding(
    spans: list[Span], stated: Decimal, ratio: Decimal, m: int, n: int, targets: list[URIRef]
) -> Finding:
    shown = ratio.quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)
    return Finding(
        CG.PercentageMismatch,
        spans,
        f"Stated share {stated}% but {m} / {n} = {shown}%.",
        f"文中占比为{stated}%，但{m}/{n}={shown}%。",
        stated,
        shown,
        targets,
    )


_STAGE_NAMES = {CG.Entrants: ("entrants", "参赛"), CG.Winners: ("winners", "胜出")}
_STAGE_TOTALS = {CG.Entrants: CG.entrantCount, CG.Winners: CG.winnerCount}


def _slice_findings(graph: Graph) -> list[Finding]:
    found = []
    for piece in sorted(graph.subjects(RDF.type, QB.Slice)):
        contest = graph.value(piece, CG.refCompetition)
        stage = graph.value(piece, CG.stage)
        if contest is None or stage not in _STAGE_TOTALS:
            continue
        total = _int(graph, contest, _STAGE_TOTALS[stage])
        counts = [_int(graph, obs, CG["count"]) for obs in graph.objects(piece, QB.observation)]
        spans = [(s, e) for s, e, _ in _spans(graph, piece)]
        if total is None or not counts or None in counts or not spans:
            continue
        parts = sum(c for c in counts if c is not None)
        if parts == total:
            continue
        partial = str(graph.value(piece, CG.isPartial)).lower() == "true"
        observations = list(graph.objects(piece, QB.observation))
        industry = any(graph.value(obs, CG.sector) is not None for obs in observations)
        dimension, by_zh = ("industry", "行业") if industry else ("province", "地区")
        en_stage, zh_stage = _STAGE_NAMES[stage]
        if partial and parts < total:
            continue  # a list ending in 等 states only part of the total (cg:isPartial says so)
        found.append(
            Finding(
                CG.SumMismatch,
                spans,
                f"The breakdown of {en_stage} by {dimension} adds up to {parts}, not the stated "
                f"total {total}.",
                f"按{by_zh}列出的{zh_stage}集群合计{parts}个，与所述总数{total}个不符。",
                Decimal(total),
                Decimal(parts),
                [piece, contest],
            )
        )
    return found


def _batch_findings(graph: Graph) -> list[Finding]:
    found = []
    for contest in sorted(graph.subjects(RDF.type, CG.Competition)):
        batches = sorted(
            graph.subjects(DCTERMS.isPartOf, contest),
            key=lambda b: _int(graph, b, CG.batchNumber) or 0,
        )
        batches = [b for b in batches if (b, RDF.type, CG.CompetitionBatch) in graph]
        for stage, prop in _STAGE_TOTALS.items():
            total = _int(graph, contest, prop)
            values = [_int(graph, b, prop) for b in batches]
            if total is None or len(values) < 2 or None in values:
                continue
            parts = [v for v in values if v is not None]
            if sum(parts) == total:
                continue
            batch_spans = [
                (s, e)
                for b, v in zip(batches, parts, strict=True)
                for s, e, quote in _spans(graph, b)
                if str(v) in quote
            ]
            total_spans = [(s, e) for s, e, quote in _spans(graph, contest) if str(total) in quote]
            if not batch_spans:
                continue
            span = (min(s for s, _ in batch_spans), max(e for _, e in batch_spans))
            en_stage, zh_stage = _STAGE_NAMES[stage]
            terms = " + ".join(str(v) for v in parts)
            found.append(
                Finding(
                    CG.SumMismatch,
                    [span, *total_spans],
                    f"Per-batch {en_stage} {terms} = {sum(parts)} do not add up to the stated "
                    f"total of {total}.",
                    f"各批{zh_stage}数之和 {terms} = {sum(parts)}，与所述总数{total}不符。",
                    Decimal(total),
                    Decimal(sum(parts)),
                    [contest, *batches],
                )
            )
    return found


def _name_findings(ctx: ExtractionContext) -> list[Finding]:
    """A case body naming its cluster with a word of the title substituted."""
    from clustergraph.extract.clusters import cluster_title_span

    found = []
    clean = ctx.doc.clean.clean
    writer = ctx.writer
    for record in ctx.clusters:
        t_start, t_end = cluster_title_span(ctx.doc, record.case)
        title = clean[t_start:t_end]
        if len(title) < 4:
            continue
        body_start = max(t_end, record.case.clean_start)
        body = clean[body_start : record.case.clean_end]
        seen: set[str] = set()
        for match in re.finditer(re.escape(title[-2:]), body):
            variant = _substituted(title, body, match.end())
            if variant is None or variant[0] in seen:
                continue
            text, old, new = variant
            seen.add(text)
            start = body_start + match.end() - len(text)
            found.append(
                Finding(
                    CG.NameInconsistency,
                    [
                        writer.raw_span(start, body_start + match.end()),
                        writer.raw_span(t_start, t_end),
                    ],
                    f"The case title names the cluster “{title}” but its text writes “{text}” "
                    f"({old} vs {new}).",
                    f"案例标题为“{title}”，正文写作“{text}”（“{old}”与“{new}”不一致）。",
                    targets=[record.iri],
                )
            )
    return found


def _common_suffix(a: str, b: str) -> int:
    n = 0
    while n < min(len(a), len(b)) and a[-1 - n] == b[-1 - n]:
        n += 1
    return n


def _common_prefix(a: str, b: str) -> int:
    n = 0
    while n < min(len(a), len(b)) and a[n] == b[n]:
        n += 1
    return n


_MAX_WORD = 3


def _substituted(title: str, body: str, end: int) -> tuple[str, str, str] | None:
    """The body's name ending at ``end`` if it is the title with one word substituted.

    The names must share a tail (at least 集群); before it, the title's word and the body's word
    (1–3 characters each) differ, and either a two-character context before them is the same
    (乐清电器/乐清电气) or, after a tail of four or more characters, they begin alike (高性能/高端).
    Words that merely add or drop characters (市, 产业) are not substitutions. Returns
    (body name, title word, body word).
    """
    window = body[max(0, end - len(title) - _MAX_WORD) : end]
    tail = _common_suffix(window, title)
    if tail >= len(title) or tail < 2:
        return None
    w_head, t_head = window[: len(window) - tail], title[: len(title) - tail]
    for size in range(2, 2 * _MAX_WORD + 1):
        for k in range(1, _MAX_WORD + 1):
            j = size - k
            if not 1 <= j <= _MAX_WORD or k > len(w_head) or j > len(t_head):
                continue
            new, old = w_head[-k:], t_head[-j:]
            if not re.fullmatch(rf"[{_HAN}]+", new + old):
                continue
            same = _common_prefix(new, old)
            if same == len(new) or same == len(old) or new[-1] == old[-1]:
                continue  # an insertion or deletion, not a substitution
            context_w, context_t = w_head[-k - 2 : -k], t_head[-j - 2 : -j]
            anchored = len(context_w) == 2 and context_w == context_t
            alike = tail >= 4 and same >= 1 and k >= 2 and j >= 2
            if anchored or alike:
                start = len(w_head) - k - (2 if anchored else 0)
                name = window[max(0, start - _name_lead(w_head[:start])) :]
                return name, old, new
    return None


def _name_lead(head: str) -> int:
    """How many Han characters before a matched name still belong to it (up to 6)."""
    n = 0
    while n < min(6, len(head)) and re.fullmatch(rf"[{_HAN}]", head[-1 - n]):
        n += 1
    return n


_SAME_TITLE_RATIO = 0.8
_DOC_TYPES = (
    "意见",
    "通知",
    "方案",
    "计划",
    "措施",
    "规划",
    "决定",
    "办法",
    "纲要",
    "建议",
    "报告",
)
_DOC_NUMBER = re.compile(r"\([^()]*〔\d{4}〕[^()]*\)|\([^()]*\)$")
_BOOK_TITLE = re.compile(r"《(?P<t>[^《》\n]{6,80})》")


def _title_core(title: str) -> str:
    """A document title without issuer, 关于/印发 wrappers and 文号: what two citations share."""
    core = _DOC_NUMBER.sub("", title).strip()
    if "关于" in core:
        core = core[core.index("关于") + 2 :]
    return core.replace("印发", "").replace(" ", "")


def _document_titles(ctx: ExtractionContext) -> list[tuple[str, Span, bool]]:
    """Document titles cited in the text (《…》) and in table cells: (title, clean span, in cell)."""
    clean = ctx.doc.clean.clean
    skip = _skipped_ranges(ctx)
    titles: list[tuple[str, Span, bool]] = []
    for match in _BOOK_TITLE.finditer(clean):
        if not any(s <= match.start() < e for s, e in skip) and match.group("t").endswith(
            _DOC_TYPES
        ):
            titles.append((match.group("t"), match.span(), False))
    for cell in ctx.doc.iter("table_cell"):
        text = clean[cell.clean_start : cell.clean_end].strip()
        if "《" in text or len(text) < 10:
            continue
        if _DOC_NUMBER.sub("", text).strip().endswith(_DOC_TYPES):
            titles.append((text, (cell.clean_start, cell.clean_start + len(text)), True))
    return sorted(titles, key=lambda item: item[1])


def _same_document(ctx: ExtractionContext, a: str, b: str) -> bool:
    """Two title cores that name the same places and differ in a few characters only."""
    from difflib import SequenceMatcher

    matcher = SequenceMatcher(None, a, b, autojunk=False)
    if matcher.find_longest_match().size < 10 or matcher.ratio() < _SAME_TITLE_RATIO:
        return False
    places = [[m.region.code6 for m in ctx.gazetteer.find_mentions(text)] for text in (a, b)]
    return places[0] == places[1]


def _document_name_findings(ctx: ExtractionContext) -> list[Finding]:
    """One document cited under two titles that differ in more than wrappers.

    Two cells of a table are different documents by construction and are not compared.
    """
    writer = ctx.writer
    found = []
    titles = _document_titles(ctx)
    reported: set[str] = set()
    for i, (first, first_span, first_cell) in enumerate(titles):
        for second, second_span, second_cell in titles[i + 1 :]:
            a, b = _title_core(first), _title_core(second)
            if a == b or a in reported or (first_cell and second_cell):
                continue
            if not _same_document(ctx, a, b):
                continue
            reported.add(a)
            found.append(
                Finding(
                    CG.NameInconsistency,
                    [writer.raw_span(*first_span), writer.raw_span(*second_span)],
                    f"One document is cited as “{first}” and as “{second}”.",
                    f"同一文件先后写作“{first}”和“{second}”，名称不一致。",
                )
            )
    return found


_BLEND = re.compile(
    r"(?:营造|形成|打造|构建|创造)了?[^,;。:]{2,30}?(?:氛围|环境|局面|格局|态势|风气)"
    r"(?:浓厚|浓郁|良好|显著|明显)(?=[。;,]|$)"
)
_BROKEN_OFF = re.compile(rf"(?:以及|及|和|与|或|、)[{_HAN}]{{0,4}}$")


def _garbled(ctx: ExtractionContext) -> list[Finding]:
    """Blended constructions and passages that break off after a conjunction."""
    clean = ctx.doc.clean.clean
    writer = ctx.writer
    found = []
    for match in _BLEND.finditer(clean):
        found.append(
            Finding(
                CG.GarbledText,
                [writer.raw_span(*match.span())],
                f"Garbled sentence: “{match.group()}” blends two constructions (营造…X and X + "
                "adjective).",
                f"语句杂糅：“{match.group()}”。",
            )
        )
    for node in ctx.doc.iter():
        if node.kind not in ("table_cell", "paragraph") or node.enclosing("toc") is not None:
            continue
        text = clean[node.clean_start : node.clean_end].rstrip()
        match = _BROKEN_OFF.search(text)
        if match is None or len(text) < 10:
            continue
        start = node.clean_start + match.start()
        opening = text.rfind("(", 0, match.start())
        if opening >= 0 and text.find(")", opening) == match.start() - 1:
            start = node.clean_start + opening  # "(2020年6月发布)以及全省": keep the aside
        fragment = clean[start : node.clean_start + len(text)]
        found.append(
            Finding(
                CG.GarbledText,
                [writer.raw_span(start, node.clean_start + len(text))],
                f"The passage breaks off after a conjunction: “…{fragment}”.",
                f"文字不完整，在连词后中断：“…{fragment}”。",
            )
        )
    return found


# -- text findings → Finding -----------------------------------------------------------------


def _text_findings(ctx: ExtractionContext) -> list[Finding]:
    writer = ctx.writer
    clean = ctx.doc.clean.clean
    skip = _skipped_ranges(ctx)
    found = []
    for check, details in find_text_findings(clean):
        span = details[0]
        if any(s <= span[0] < e for s, e in skip):
            continue
        raw = writer.raw_span(*span)
        if check == "count":
            _, stated, listed, head = details
            found.append(
                Finding(
                    CG.CountMismatch,
                    [raw],
                    f"The text states {stated} but lists {listed} items ({head}).",
                    f"文中写明{stated}个（{head}），但列出{listed}项。",
                    Decimal(stated),
                    Decimal(listed),
                )
            )
        elif check == "percentage":
            _, stated, ratio, m, n = details
            found.append(_percentage_finding([raw], stated, ratio, m, n, []))
        elif check == "sum":
            _, total, parts, values = details
            terms = " + ".join(map(str, values))
            found.append(
                Finding(
                    CG.SumMismatch,
                    [raw],
                    f"The parts {terms} = {parts} do not add up to the stated total {total}.",
                    f"分项 {terms} = {parts}，与所述总数{total}不符。",
                    Decimal(total),
                    Decimal(parts),
                )
            )
        else:
            found.append(_duplicate_finding(raw, *details[1:]))
    return found


def _duplicate_finding(raw: Span, phrase: str, connector: str) -> Finding:
    shown = f"{phrase}{connector}{phrase}"
    where = f" on both sides of “{connector}”." if connector else " back to back."
    return Finding(
        CG.DuplicatedText,
        [raw],
        f"Duplicated phrase: “{shown}” repeats “{phrase}”{where}",
        f"重复短语：“{shown}”中“{phrase}”重复出现。",
    )


def _skipped_ranges(ctx: ExtractionContext) -> list[Span]:
    """Clean ranges that are not content (the table of contents)."""
    return [(node.clean_start, node.clean_end) for node in ctx.doc.iter("toc")]


# -- writing ---------------------------------------------------------------------------------


def _overlaps(a: Span, b: Span) -> bool:
    return a[0] < b[1] and b[0] < a[1]


def _emit(ctx: ExtractionContext, finding: Finding) -> URIRef:
    writer = ctx.writer
    start, end = finding.spans[0]
    iri = mint("finding", KIND_SLUGS[finding.kind], f"{start}-{end}")
    writer.entity(iri, CG.Finding, DQV.QualityAnnotation)
    for span in finding.spans:
        writer.cite(iri, span)
    writer.add(iri, CG.findingKind, finding.kind)
    writer.add(iri, OA.motivatedBy, DQV.qualityAssessment)
    writer.add(iri, RDFS.comment, Literal(finding.en, lang="en"))
    writer.add(iri, RDFS.comment, Literal(finding.zh, lang="zh"))
    if finding.stated is not None:
        writer.add(iri, CG.statedValue, decimal(finding.stated))
    if finding.computed is not None:
        writer.add(iri, CG.computedValue, decimal(finding.computed))
    for target in finding.targets:
        writer.add(iri, OA.hasTarget, target)
    return iri


def run(ctx: ExtractionContext) -> None:
    """Check the graph built so far and the text; add one ``cg:Finding`` per problem."""
    graph = ctx.writer.graph
    findings: list[Finding] = []
    findings += _tier_findings(graph)
    findings += _survey_findings(graph)
    findings += _slice_findings(graph)
    findings += _batch_findings(graph)
    findings += _name_findings(ctx)
    findings += _document_name_findings(ctx)
    findings += _garbled(ctx)
    for finding in _text_findings(ctx):
        # the graph checks already cover a passage: keep the graph's finding (it has targets)
        if any(
            other.kind == finding.kind and _overlaps(other.spans[0], finding.spans[0])
            for other in findings
        ):
            continue
        findings.append(finding)
    for finding in sorted(findings, key=lambda f: (f.spans[0], KIND_SLUGS[f.kind])):
        _emit(ctx, finding)


# -- reading back (``clustergraph audit``) ---------------------------------------------------

AUDIT_FORMATS = ("text", "table", "json")


def read_findings(graph: Graph) -> list[dict[str, Any]]:
    """The findings recorded in ``graph`` as plain records, in text order of their first span."""
    records: list[dict[str, Any]] = []
    for node in set(graph.subjects(RDF.type, CG.Finding)):
        kind = graph.value(node, CG.findingKind)
        comments = {
            lit.language: str(lit)
            for lit in graph.objects(node, RDFS.comment)
            if isinstance(lit, Literal)
        }
        stated, computed = graph.value(node, CG.statedValue), graph.value(node, CG.computedValue)
        evidence = [{"start": s, "end": e, "quote": q} for s, e, q in _spans(graph, node)]
        records.append(
            {
                "finding": str(node),
                "kind": KIND_SLUGS.get(kind, str(kind)) if isinstance(kind, URIRef) else None,
                "description_en": comments.get("en", ""),
                "description_zh": comments.get("zh", ""),
                "stated": None if stated is None else str(stated),
                "computed": None if computed is None else str(computed),
                "evidence": evidence,
                "targets": sorted(str(t) for t in graph.objects(node, OA.hasTarget)),
            }
        )
    return sorted(records, key=_record_key)


def _naming_span(record: dict[str, Any]) -> tuple[int, int] | None:
    """The span that names a finding (its IRI's ``{start}-{end}``), else its first evidence."""
    match = re.fullmatch(r"(\d+)-(\d+)", str(record["finding"]).rsplit("/", 1)[-1])
    if match:
        return int(match.group(1)), int(match.group(2))
    evidence = record["evidence"]
    return (evidence[0]["start"], evidence[0]["end"]) if evidence else None


def _record_key(record: dict[str, Any]) -> tuple[int, str]:
    span = _naming_span(record)
    return (span[0] if span else -1, str(record["kind"]))


def render_findings(records: list[dict[str, Any]], fmt: str = "text") -> str:
    """Findings as one block each (``text``), an aligned ``table`` or ``json``."""
    import json

    if fmt == "json":
        return json.dumps(records, ensure_ascii=False, indent=1) + "\n"
    if fmt == "table":
        return _table(records)
    blocks = []
    for n, record in enumerate(records, 1):
        lines = [f"[{n}] {record['kind']}  {record['finding']}"]
        lines += [
            f"    {record[key]}" for key in ("description_en", "description_zh") if record[key]
        ]
        if record["stated"] is not None or record["computed"] is not None:
            lines.append(f"    stated {record['stated']}, computed {record['computed']}")
        for item in record["evidence"]:
            quote = " ".join(str(item["quote"]).split())
            lines.append(f"    quote [{item['start']}-{item['end']}]: “{quote}”")
        blocks.append("\n".join(lines))
    counts: dict[str, int] = {}
    for record in records:
        counts[str(record["kind"])] = counts.get(str(record["kind"]), 0) + 1
    summary = ", ".join(f"{counts[k]} {k}" for k in sorted(counts)) or "none"
    blocks.append(f"{len(records)} findings: {summary}")
    return "\n\n".join(blocks) + "\n"


def _table(records: list[dict[str, Any]]) -> str:
    from clustergraph.query.formats import display_width

    header = ("kind", "span", "stated", "computed", "description")
    rows = [header]
    for record in records:
        named = _naming_span(record)
        span = f"{named[0]}-{named[1]}" if named else ""
        rows.append(
            (
                str(record["kind"]),
                span,
                str(record["stated"] or ""),
                str(record["computed"] or ""),
                str(record["description_en"]),
            )
        )
    widths = [max(display_width(row[i]) for row in rows) for i in range(len(header) - 1)]
    lines = []
    for row in rows:
        cells = [cell + " " * (widths[i] - display_width(cell)) for i, cell in enumerate(row[:-1])]
        lines.append("  ".join([*cells, row[-1]]).rstrip())
    return "\n".join(lines) + "\n"
