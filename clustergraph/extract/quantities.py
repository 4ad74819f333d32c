"""Figures in the case studies → ``cg:Quantity`` observations (RDF Data Cube).

Every number with a unit inside a case (see :mod:`clustergraph.extract.numbers` for what counts
as one) becomes ``cgid:obs/quantity/{start}-{end}`` (raw span of the number expression) in
``cgid:dataset/quantities`` with its value and unit as written (近7万家 → 7 "万家"), qualifier, the
cluster of the case and the clause that states it as evidence. A unit written with a magnitude also
gets ``cg:normalizedValue``/``cg:normalizedUnit`` (70000 "家", 15.8 亿美元 → 1580000000 "美元") so
figures can be compared. Figures outside case studies (the competition, the policy
table) are modelled by their own rules.

What a figure measures (``cg:measuredThing``) is read with general clause patterns of the genre,
tried in this order:

1. the noun phrase right after the unit: "集聚了 1300 多家零部件企业" → 零部件企业 (cut before a
   following verb: "17 家企业开展试点" → 企业); "…的 X" after the unit makes X the thing, with an
   attribute named before the number appended: "设立总规模为 10 亿元的产业投资基金" →
   产业投资基金总规模; a bare attribute noun after the unit takes the subject before it:
   "变速器百万台产能" → …变速器产能;
2. a share stated with 占: "造船完工量占全国的 40%" → 造船完工量占全国;
3. the subject before the number, after the last verb of the clause: "每年投入集群发展资金 10 亿元"
   → 集群发展资金, "碳纤维复合材料织物全球市占率达 30%" → 碳纤维复合材料织物全球市占率;
   after a change verb alone ("由 30% 提高到 52%") the previous figure's subject;
4. durations (连续 9 年 …) measure the activity written after them.

A count that announces the text's own enumeration ("做法主要有三条:一是…") is no figure of the
cluster and is skipped.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

from rdflib import Literal, URIRef

from clustergraph.extract.numbers import NumberMatch, find_numbers
from clustergraph.graph.mint import mint
from clustergraph.graph.namespaces import CG, DCTERMS, PROV, QB, RDF, RDFS
from clustergraph.graph.writer import decimal, zh

if TYPE_CHECKING:
    from clustergraph.extract.context import ExtractionContext
    from clustergraph.text import Node

__all__ = ["DATASET", "QuantityFact", "find_quantities", "measured_thing", "run"]

DATASET = mint("dataset", "quantities")


def _words(text: str) -> tuple[str, ...]:
    """A word list written as one space-separated string."""
    return tuple(text.split())


#: clause delimiters in clean text (the full-width forms are folded to these by NFKC)
_CLAUSE_END = ",;。!?:\n"
_SPACE = " \t\u3000"

#: verbs after which the counted noun phrase begins ("聚集 X 300 余家")
_LEFT_VERBS = tuple(
    sorted(
        _words(
            "投入 设立 推出 获得 拥有 共有 现有 聚集 集聚 汇聚 创建 形成 突破 实施 引进 引入 "
            "建成 建设 转化 吸纳 促成 引导 带动 培养 培育 输送 服务 接入 实现 新增 完成 组建 "
            "打造 认定 入选 开展 举办 承办 组织 签约 投资 遴选 支持 推动 吸引 包括 涵盖 成立 "
            "搭建 编制 制定 出台 发布 举行 参加 孵化 培训 招引 储备 申请 获批 建立 设有 "
            "达成 承担 投用 带来 创造 提供 落户 吸收 涌现 聚焦"
        ),
        key=len,
        reverse=True,
    )
)
#: a verb followed by one of these is part of a compound noun (投资基金, 服务机构, 服务企业)
_NOUN_AFTER_VERB = _words(
    "基金 机构 平台 中心 公司 项目 资金 企业 单位 体系 能力 主体 载体 园区 基地 人才 规模 额 "
    "总额 对象 站 网络 商 型 业"
)
#: words that end the noun phrase written after a unit ("17 家企业开展试点")
_AFTER_CUT = _words(
    "开展 提供 落地 参与 实现 完成 形成 建立 参赛 胜出 可 将 正在 已经 已 共同 联合 承担 成立 "
    "分工 协同 在 进行 获得 达到 实施 投入 用于 入驻 均 先后 分别 为 向 与 参加"
)
#: an after-unit phrase starting with these is a predicate, not the counted thing
_PREDICATE_START = _words(
    "建立 建设 用于 投资 投入 开展 实现 完成 落地 参赛 胜出 发展 增长 提升 提高 下降 位居 居 "
    "排名 建成 生产 打造 支持 带动 覆盖 服务 以上 左右"
)
#: attribute nouns that need their owner ("变速器百万台产能")
_ATTRIBUTE_NOUNS = ("产能", "产值", "规模", "营收", "产量", "销量", "总量", "能力")
#: words dropped from the start of a noun phrase
_LEADING = _words(
    "其中 另有 此外 累计 共计 合计 总计 总共 共 已经 已 目前 现 大小 各类 各种 全部 所有 了 均 "
    "主要 先后 分别 每年 当年 全年"
)
#: words dropped from the end of the text before a number
_TRAILING = _words(
    "达到 达 为 是 约 近 共计 合计 累计 总计 共 超过 已经 已 均 分别 增至 提高到 提升到 "
    "增长到 增加到 下降到 降至 升至 缩短至 缩短到 减少到 由 从 高达 多达 仅 只有 还有 实现"
)
#: the before-part is only a change verb: the figure has the previous figure's subject
_CHANGE_VERBS = ("提高到", "提升到", "增长到", "增加到", "下降到", "降至", "升至", "增至", "缩短至")
_DATE_PREFIX = re.compile(
    r"^(?:\d{4}\s*年(?:\s*\d{1,2}\s*月)?(?:\s*\d{1,2}\s*日)?|近[一二两三四五六七八九十\d]+\s*年来?|"
    r"[一二两三四五六七八九十\d]+\s*年来)\s*"
)
#: what follows the count of the text's own enumeration ("主要有三条:一是…", "三个方面:首先…")
_ANNOUNCES_LIST = re.compile(
    r"\s*(?:方面|做法|经验|举措|措施|特点)?\s*:\s*(?:[一二三四五六七八九十]+是|首先|第一|其一|\(1\)|1[.、])"
)
_PARENTHETICAL = re.compile(r"\([^()]*\)|\（[^（）]*\）")


@dataclass(frozen=True)
class QuantityFact:
    """A figure found in clean text, with offsets into the clean text of the document."""

    number: NumberMatch  # offsets relative to the scanned text
    start: int  # clean offsets of the number expression
    end: int
    clause_start: int
    clause_end: int
    thing: str | None


def _strip_leading(text: str) -> str:
    changed = True
    while changed and text:
        changed = False
        text = text.lstrip(_SPACE + "、,")
        date = _DATE_PREFIX.match(text)
        if date and date.end() < len(text):
            text = text[date.end() :]
            changed = True
        for word in _LEADING:
            if text.startswith(word) and len(text) > len(word):
                text = text[len(word) :]
                changed = True
    return text


def _strip_trailing(text: str) -> str:
    changed = True
    while changed and text:
        changed = False
        text = text.rstrip(_SPACE + "、,的")
        for word in _TRAILING:
            if text.endswith(word) and len(text) > len(word):
                text = text[: -len(word)]
                changed = True
                break
    return text.rstrip(_SPACE)


def _tidy(text: str) -> str | None:
    """Final clean-up of a noun phrase: parentheticals, list heads ending in 等, outer quotes."""
    text = _PARENTHETICAL.sub("", text)
    text = " ".join(text.split())
    if "等" in text[:-1]:
        text = text[text.rindex("等", 0, len(text) - 1) + 1 :]
    text = text.strip(_SPACE + "、,等")
    if text.startswith("“") and text.endswith("”") and text.count("“") == 1:
        text = text[1:-1]
    return text if len(text) >= 2 and re.search(r"[\u4e00-\u9fff]", text) else None


def _unquoted_positions(text: str) -> list[bool]:
    depth = 0
    out = []
    for ch in text:
        if ch in "“《":
            depth += 1
        elif ch in "”》":
            depth = max(0, depth - 1)
        out.append(depth == 0)
    return out


def _after_last_verb(text: str) -> str:
    """The noun phrase after the last verb of ``text``; all of ``text`` without a verb.

    Verbs in quotes and verbs that begin a compound noun (投资基金, 服务机构) do not count.
    """
    free = _unquoted_positions(text)
    for i in range(len(text) - 1, -1, -1):
        if not free[i]:
            continue
        verb = next((v for v in _LEFT_VERBS if text.startswith(v, i)), None)
        if verb is None:
            continue
        rest = text[i + len(verb) :]
        if rest.strip() and any(rest.startswith(noun) for noun in _NOUN_AFTER_VERB):
            continue
        return rest
    return text


def _subject(before: str) -> str | None:
    before = _strip_trailing(before)
    return _tidy(_strip_leading(_after_last_verb(before)))


def _strip_connectors(text: str) -> str:
    """Drop a trailing list connector left when the next figure was cut off (、 以及 和 …)."""
    text = text.rstrip(_SPACE)
    changed = True
    while changed:
        changed = False
        for word in ("以及", "、", "和", "及", "与", "并", ","):
            if text.endswith(word):
                text = text[: -len(word)].rstrip(_SPACE)
                changed = True
    return text


def _after_phrase(after: str) -> str:
    """The noun phrase written right after the unit, cut before a following verb."""
    free = _unquoted_positions(after)
    end = len(after)
    for dash in ("——", "—"):
        if dash in after:
            end = min(end, after.index(dash))
    for i in range(2, end):
        if free[i] and any(after.startswith(word, i) for word in _AFTER_CUT):
            end = i
            break
    return after[:end]


def measured_thing(
    clause: str,
    number: tuple[int, int],
    previous: tuple[int, str | None] | None = None,
    *,
    next_start: int | None = None,
    duration: bool = False,
) -> str | None:
    """What the figure at ``clause[number[0]:number[1]]`` measures (see the module docstring).

    :param previous: end offset (in ``clause``) and thing of the previous figure in the clause,
        if any; the before-part starts after it and may inherit its thing.
    :param next_start: where the next figure of the clause begins (the after-part stops there).
    """
    start, end = number
    left = previous[0] if previous else 0
    before = clause[left:start]
    after = clause[end : next_start if next_start is not None else len(clause)]
    after = _strip_connectors(after.lstrip(_SPACE))
    if after.startswith(("、", "—")):
        after = ""
    if duration:
        return _tidy(after.split("等")[0]) if after else None
    return (
        _thing_after(before, after)
        or _thing_of_share(before)
        or _thing_before(before, previous[1] if previous else None, bool(previous))
    )


def _thing_after(before: str, after: str) -> str | None:
    """Pattern 1: the noun phrase written after the unit (with 的 and attribute forms)."""
    if after.startswith("的"):
        owner = _tidy(_after_phrase(after[1:]))
        attribute = _subject(before)
        if owner and attribute and not owner.endswith(attribute):
            return owner + attribute
        return owner
    if not after or any(after.startswith(word) for word in _PREDICATE_START):
        return None
    phrase = _tidy(_after_phrase(after))
    if phrase in _ATTRIBUTE_NOUNS:
        owner = _subject(before)
        return owner + phrase if owner else phrase
    return phrase


def _thing_of_share(before: str) -> str | None:
    """Pattern 2: X 占 Y 的 N% → "X占Y" (a leading cluster name is dropped from X)."""
    free = _unquoted_positions(before)
    share_at = next(
        (i for i in range(len(before) - 1, -1, -1) if before[i] == "占" and free[i]), -1
    )
    if share_at <= 0:
        return None
    subject = before[:share_at]
    if "集群" in subject[:-2]:
        subject = subject[subject.rindex("集群", 0, len(subject) - 2) + 2 :]
    subject = _tidy(_strip_leading(subject)) or ""
    base = _strip_trailing(before[share_at + 1 :])
    if not subject:
        return None
    return f"{subject}占{base}" if base else subject


def _thing_before(before: str, previous: str | None, has_previous: bool) -> str | None:
    """Pattern 3: the subject before the number (or the previous figure's, after 提高到)."""
    trimmed = before.strip(_SPACE + "、,")
    if has_previous and (not trimmed or trimmed in _CHANGE_VERBS):
        return previous
    thing = _subject(before)
    if thing is None and _strip_trailing(before).endswith(("投资", "投入")):
        # "A 在 B 投资 15.8 亿美元…": the investment itself, without the framing verb phrase
        text = _PARENTHETICAL.sub("", _strip_trailing(before))
        if "了" in text:
            text = text[text.rindex("了") + 1 :]
        return _tidy(_strip_leading(text))
    return thing


def _clauses(text: str) -> list[tuple[int, int]]:
    """Clause spans of ``text`` (a comma between digits does not end a clause)."""
    spans = []
    start = 0
    for i, ch in enumerate(text):
        if ch in _CLAUSE_END:
            if (
                ch == ","
                and 0 < i < len(text) - 1
                and text[i - 1].isdigit()
                and text[i + 1].isdigit()
            ):
                continue
            if i > start:
                spans.append((start, i))
            start = i + 1
    if start < len(text):
        spans.append((start, len(text)))
    return spans


def find_quantities(
    text: str, offset: int = 0, masked: tuple[tuple[int, int], ...] | list[tuple[int, int]] = ()
) -> list[QuantityFact]:
    """Figures in ``text`` (clean text starting at clean offset ``offset``), with their things.

    :param masked: clean spans (e.g. institution names) in which numbers are not figures.
    """
    clauses = _clauses(text)
    facts: list[QuantityFact] = []
    previous: tuple[int, int, str | None] | None = None  # clause start, end in clause, thing
    numbers = find_numbers(text)
    for index, match in enumerate(numbers):
        start, end = offset + match.start, offset + match.end
        if any(s < end and start < e for s, e in masked):
            continue
        if match.is_count and _ANNOUNCES_LIST.match(text, match.end):
            continue  # "做法主要有三条:一是…": the count of the text's own items
        c_start, c_end = next(
            ((s, e) for s, e in clauses if s <= match.start < e), (match.start, match.end)
        )
        c_end = max(c_end, match.end)
        clause = text[c_start:c_end]
        local = (match.start - c_start, match.end - c_start)
        before = (previous[1], previous[2]) if previous and previous[0] == c_start else None
        following = numbers[index + 1].start if index + 1 < len(numbers) else None
        thing = measured_thing(
            clause,
            local,
            before,
            next_start=following - c_start if following is not None and following < c_end else None,
            duration=match.kind == "duration" and match.unit == "年",
        )
        facts.append(QuantityFact(match, start, end, offset + c_start, offset + c_end, thing))
        previous = (c_start, local[1], thing)
    return facts


def _trim_clause(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start] in _SPACE + "\n":
        start += 1
    while end > start and text[end - 1] in _SPACE + "\n":
        end -= 1
    return start, end


def _institution_spans(ctx: ExtractionContext, start: int, text: str) -> list[tuple[int, int]]:
    """Clean spans of registered institution names that contain a digit or numeral."""
    spans = []
    for name in ctx.institutions:
        if not re.search(r"[\d一二两三四五六七八九十百千万亿〇零]", name):
            continue
        for found in re.finditer(re.escape(name), text):
            spans.append((start + found.start(), start + found.end()))
    return spans


def _case_body(case: Node) -> list[Node]:
    """The case's content blocks (everything but its heading), in order."""
    return [child for child in case.children if child.kind not in ("heading", "furniture")]


def _declare_dataset(ctx: ExtractionContext) -> None:
    writer = ctx.writer
    if (DATASET, RDF.type, QB.DataSet) in writer.graph:
        return
    writer.add(DATASET, RDF.type, QB.DataSet)
    writer.add(DATASET, QB.structure, CG.QuantityStructure)
    writer.add(DATASET, RDFS.label, Literal("Figures stated in the case studies", lang="en"))
    writer.add(DATASET, RDFS.label, zh("案例中的数量指标"))
    writer.add(DATASET, DCTERMS.source, writer.source_iri)
    writer.add(DATASET, PROV.wasDerivedFrom, writer.source_iri)


def run(ctx: ExtractionContext) -> None:
    """Add a ``cg:Quantity`` for every figure in every case study, in document order."""
    doc = ctx.doc
    clean = doc.clean.clean
    for case in doc.iter("case"):
        if case.enclosing("toc") is not None:
            continue
        cluster = ctx.cluster_for(case.start)
        for block in _case_body(case):
            text = clean[block.clean_start : block.clean_end]
            masked = _institution_spans(ctx, block.clean_start, text)
            for fact in find_quantities(text, block.clean_start, masked):
                _emit(ctx, fact, cluster.iri if cluster else None)


def _emit(ctx: ExtractionContext, fact: QuantityFact, cluster: URIRef | None) -> URIRef:
    writer = ctx.writer
    clean = ctx.doc.clean.clean
    raw_start, raw_end = writer.raw_span(fact.start, fact.end)
    iri = mint("obs", "quantity", f"{raw_start}-{raw_end}")
    _declare_dataset(ctx)
    clause = _trim_clause(clean, fact.clause_start, fact.clause_end)
    writer.entity(iri, CG.Quantity, QB.Observation, span=writer.raw_span(*clause))
    number = fact.number
    writer.add(iri, QB.dataSet, DATASET)
    writer.add(iri, CG.value, decimal(number.value))
    writer.add(iri, CG.unit, zh(number.unit))
    if number.base_unit and number.base_unit != number.unit and number.normalized is not None:
        writer.add(iri, CG.normalizedValue, decimal(number.normalized))
        writer.add(iri, CG.normalizedUnit, zh(number.base_unit))
    writer.add(iri, CG.qualifier, CG[number.qualifier])
    if fact.thing:
        writer.add(iri, CG.measuredThing, zh(fact.thing))
    if cluster is not None:
        writer.add(iri, CG.refCluster, cluster)
    return iri
