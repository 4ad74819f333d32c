"""Checks that read the document's structure: names of a case's cluster and of cited documents,
garbled passages, and the text patterns turned into findings with raw evidence spans.
"""

from __future__ import annotations

import re
from decimal import Decimal
from typing import TYPE_CHECKING

from clustergraph.extract.quality_checks.model import Finding, Span, percentage_finding
from clustergraph.extract.quality_checks.text_patterns import HAN, find_text_findings
from clustergraph.graph.namespaces import CG

if TYPE_CHECKING:
    from clustergraph.extract.context import ExtractionContext

__all__ = ["document_findings", "text_findings"]


def document_findings(ctx: ExtractionContext) -> list[Finding]:
    """Name inconsistencies (cases, documents) and garbled passages."""
    return [*_name_findings(ctx), *_document_name_findings(ctx), *_garbled(ctx)]


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
#: particles and prepositions: a body "name" whose substituted word holds one of them is a
#: phrase that merely ends in the title's tail ("国产数控系统在集群整机中"), not a name
_FUNCTION_CHARS = frozenset("的了在和与及对向从把被将是于由等")


def _substituted(title: str, body: str, end: int) -> tuple[str, str, str] | None:
    """The body's name ending at ``end`` if it is the title with one word substituted.

    The names must share a tail (at least 集群); before it, the title's word and the body's word
    (1–3 characters each) differ, and either a two-character context before them is the same
    (乐清电器/乐清电气) or, after a tail of four or more characters, they begin alike (高性能/高端).
    Words that merely add or drop characters (市, 产业) are not substitutions, nor is a word that
    brings in a particle or preposition (在, 的, 和…: the body's phrase is no name). Returns
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
            if not re.fullmatch(rf"[{HAN}]+", new + old):
                continue
            same = _common_prefix(new, old)
            if same == len(new) or same == len(old) or new[-1] == old[-1]:
                continue  # an insertion or deletion, not a substitution
            if any(ch in _FUNCTION_CHARS and ch not in old for ch in new):
                continue  # "数控系统在集群整机中": a preposition, the words are no name
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
    while n < min(6, len(head)) and re.fullmatch(rf"[{HAN}]", head[-1 - n]):
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


#: a notice that issues another document: "X关于印发Y的通知" is cited as 《Y》 as well
_ISSUING_NOTICE = re.compile(r"(?:关于)?(?:印发|转发|颁发|发布)(?P<issued>.{6,}?)的通知$")


def _title_core(title: str) -> str:
    """A document title without issuer, 关于/印发 wrappers and 文号: what two citations share.

    A notice issuing a document ("…关于印发《Y》的通知") is the same citation as the document Y.
    """
    core = _DOC_NUMBER.sub("", title).strip()
    notice = _ISSUING_NOTICE.search(core)
    if notice is not None:
        core = notice.group("issued").strip("《》")
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
_BROKEN_OFF = re.compile(rf"(?:以及|及|和|与|或|、)[{HAN}]{{0,4}}$")
#: the last item of a 、-list ("…:航空、虚拟现实、中医药", "…:A、B和C"): a list that ends, no break
_LIST_END = re.compile(rf"、(?P<item>[{HAN}]{{1,10}})$")
_CONJUNCTIONS = ("以及", "及", "和", "与", "或")


def _ends_a_list(text: str) -> bool:
    """Does ``text`` end with a complete last item of a 、-list (not with a conjunction)?"""
    end = _LIST_END.search(text)
    return end is not None and not end.group("item").endswith(_CONJUNCTIONS)


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
        if match is None or len(text) < 10 or _ends_a_list(text):
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


def text_findings(ctx: ExtractionContext) -> list[Finding]:
    """The text patterns outside the table of contents, as findings with raw spans."""
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
            found.append(percentage_finding([raw], stated, ratio, m, n, []))
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
