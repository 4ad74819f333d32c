"""Measures: what each case did (its 一是/二是/… items) and what each toolbox section recommends.

* **Case measures** – every enumerated item of a case study is a ``cg:Measure``: ``cg:measureOf``
  the case's cluster, ``cg:ordinal`` (1 = 一是/一则/第一/第1/其一/首先/一方面/①/(a)/1）/㈠/措施一/
  the first →), the cluster's ``cg:toolboxCategory``, ``rdfs:label`` = the item's heading (its
  run-in title, or the heading clause of an enumeration item) or else its first clause cut at 40
  characters, and evidence = the full item text. The case's items are (:func:`case_items`) its
  numbered items when it has at least two (lines opening with "1）", "①", "1、" …: the document
  structure's ``item`` nodes), else the enumeration items the text layer found in its paragraphs
  (一是 …, 一则…, 第一，…, 第1，…, 其一，…, 首先，…其次，…, 一方面…另一方面…此外…, (a)…(b)…,
  ㈠…㈡…, 措施一：…措施二：…, paragraphs opening with →, with or without ``**``, ended by 。 or
  ;), of the style that comes first, else a chain whose 一是 or 一方面 follows a lead word
  (``其做法一是…;二是…``, ``集群一方面…;另一方面…``, see :func:`loose_items`). IRI
  ``cgid:measure/{cluster slug}/{ordinal}``.
* **Recommended measures** – the introduction of a toolbox section (its paragraphs before the
  first case) states general advice. When it enumerates (``主要做法包括:一是…;二是…``,
  ``一要…;二要…``) each item is
  a ``cg:RecommendedMeasure`` (⊑ ``cg:Measure``); in prose, each sentence that *recommends* is one
  (:data:`PROSE_RECOMMENDATIONS`). They carry ``cg:recommendedFor`` and ``cg:toolboxCategory`` the
  section's category, ``cg:ordinal`` in order, evidence = the item or sentence, label = the item's
  heading, or the sentence's first clause that carries the advice (cut at 40 characters). IRI
  ``cgid:measure/toolbox-{category}/{ordinal}``.

  A sentence recommends when it has a modal (要, 应, 应当, 需要, 必须 – not 重要/主要/要素, not
  应用/供应/效应 …), or when it has an action verb (推动, 加快, 加强, 鼓励, 探索, 建立, 完善, 促进,
  引导, 推进, 构建, 搭建, 营造, 提高, 提升 …) and is neither a completed report (a clause with
  perfective 了: ``有效增强了…``, ``提高了…``), nor a judgement of the form ``…是…之一/组成部分/
  重要任务/主要机制/常用手段`` or ``…的核心/关键(，)是…``, nor a report of a trend
  (``越来越多的城市将…``, ``领先集群普遍以…``, ``大多…``, ``纷纷…``). 促进 in a body's name or
  duty (促进机构, 促进职能) is no action verb. A numbered item (``1）…``) of an introduction is one
  recommendation, like an enumeration item.
  A sentence that tells what localities do and by what means (``各地……通过……``, ``地方在实践中，
  通过……``) recommends too, even in the perfective, unless it reports a trend.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from clustergraph.extract.clusters import written
from clustergraph.extract.concepts import toolbox_for_heading
from clustergraph.graph.mint import mint, slugify
from clustergraph.graph.namespaces import CG, RDFS
from clustergraph.graph.writer import integer, zh
from clustergraph.text.nodes import Node
from clustergraph.text.segment import (
    LIST_LABELS,
    Marker,
    chain_markers,
    find_markers,
    heading_clause,
    item_end,
)

if TYPE_CHECKING:
    from rdflib import URIRef

    from clustergraph.extract.context import ExtractionContext
    from clustergraph.text import Document

__all__ = [
    "case_items",
    "category_slug",
    "is_recommendation",
    "loose_items",
    "measure_label",
    "run",
]

MAX_LABEL = 40
#: also read recommendations out of prose introductions (sentence by sentence); when False only
#: introductions that enumerate (一是/二是…) give recommended measures
PROSE_RECOMMENDATIONS = True
#: an enumeration or item marker at the start of an item's text (一是, 一则, 一要, 第一, 第1, 首先,
#: 一方面, 此外, ①, (1), (a), 1）, 1、, ㈠, 措施一:, → …)
_MARKER = re.compile(
    r"^\s*(?:[一二三四五六七八九十]+[是要]|[一二三四五六七八九十]+则\s*[,、:]?"
    rf"|(?:{'|'.join(LIST_LABELS)})[一二三四五六七八九十]+\s*:|[\u3220-\u3229→➔➜➢➤⇒]"
    r"|[第其][一二三四五六七八九十]+\s*[,、:]|第\d{1,2}\s*[,、:]"
    r"|(?:首先|其次|再次|然后|最后)\s*[,、:]|(?:另?一方面|此外)\s*[,、:]?"
    r"|[\u2460-\u2473\u3251-\u325f\u32b1-\u32bf\u2776-\u2793\u24eb-\u24fe]|\(\s*\d{1,2}\s*\)"
    r"|\(\s*[a-zA-Z]\s*\)|\d{1,2}\s*(?:\)|、|\.(?!\d)))\s*"
)
_CLAUSE_END = re.compile(r"[。,;:!?]")
#: 一是 right after a Han character ("其做法一是"), unless 一 ends a word (统一, 唯一, 之一 …)
_LOOSE_FIRST = re.compile(r"(?<=[\u4e00-\u9fff])(?<![统唯同第之万划专单合归如均逐])一是")
#: 一方面 right after a Han character ("集群一方面…"), unless it is 另一方面 or 这一方面, 每一方面 …
_LOOSE_SIDE = re.compile(r"(?<=[\u4e00-\u9fff])(?<![另这那每任某同单哪])一方面\s*[,、:]?")
_MODAL = re.compile(
    r"(?<![重主需只纲摘概想])要(?![素求点闻害务])|应当|应该|(?<![效供响适反对相感呼答])应(?![用对急届运])"
    r"|需要|必须|亟需|亟待"
)
_ACTION = re.compile(
    r"推动|加快|加强|鼓励|探索|建立|完善|促进|引导|推进|构建|搭建|营造|提高|提升|培育|打造|强化|"
    r"支持|发挥|突破|打破|避免|注重|优化|深化|拓展|推广|加速|健全|夯实|扩大|积极|大力|着力|不断"
)
#: action words used as nouns: "集群发展促进机构/促进职能/促进中心" names a body or a duty
_NOMINAL_ACTION = re.compile(r"促进(?=机构|职能|中心|会|组织|工作)")
_PERFECTIVE = re.compile(r"(?<![为除罢])了(?![解])")
#: what localities do, by what means ("各地……通过……等方式", "地方在实践中，通过建设…，带动…"): a
#: practice to copy even when told in the perfective ("有效增强了…")
_LOCAL_PRACTICE = re.compile(
    r"^\s*(?:各地|各地方|多地|一些地方|部分地区|地方在实践中)[^。;]{0,30}?通过[^。;]{2,}"
)
#: the means of a local practice ("通过建设…")
_MEANS = re.compile(r"通过")
#: a sentence that reports how many clusters or cities already do something, not advice
_TREND = re.compile(r"越来越多|普遍|大多|多数|纷纷")
_JUDGEMENT = re.compile(
    r"是[^,;。]*(?:之一|组成部分|重要任务|关键|核心|基础|前提|保障|特征|根本|手段|路径|机制|途径|方式"
    r"|抓手|载体|模式)"
    r"|之一是|离不开"
    r"|的(?:核心|关键|重点|本质|实质|要义|根本)(?:在于|\s*,?\s*是)"
)


def category_slug(category: URIRef) -> str:
    """``cg:IndustrialChainToolbox`` → ``industrial-chain`` (for measure IRIs)."""
    local = str(category).rsplit("#", 1)[-1].removesuffix("Toolbox")
    return re.sub(r"(?<!^)(?=[A-Z])", "-", local).lower()


def measure_label(text: str, heading: str | None = None) -> str:
    """The heading clause, or the first clause (without 一是) cut at 40 characters."""
    if heading:
        return heading.strip()
    body = _MARKER.sub("", text)
    cut = _CLAUSE_END.search(body)
    clause = (body[: cut.start()] if cut else body).strip()
    return clause[:MAX_LABEL]


def is_recommendation(sentence: str) -> bool:
    """Does this introduction sentence give advice (see module docstring)?"""
    if _MODAL.search(sentence):
        return True
    if _LOCAL_PRACTICE.search(sentence) and not _TREND.search(sentence):
        return True
    if not _ACTION.search(_NOMINAL_ACTION.sub("", sentence)):
        return False
    return not any(p.search(sentence) for p in (_PERFECTIVE, _JUDGEMENT, _TREND))


def _advice_clause(sentence: str) -> str:
    """The clause with the modal, else the action verb, else the means (通过…) of a practice."""
    clauses = [c.strip() for c in _CLAUSE_END.split(sentence) if c.strip()]
    for pattern in (_MODAL, _ACTION, _MEANS):
        for clause in clauses:
            if pattern.search(clause):
                return clause[:MAX_LABEL]
    return clauses[0][:MAX_LABEL] if clauses else sentence[:MAX_LABEL]


def _loose_markers(text: str) -> list[Marker]:
    """Markers of ``text``, with a first 一是 or 一方面 written right after a word ("其做法一是…",
    "集群一方面…").
    """
    markers = find_markers(text)
    seen = {marker.start for marker in markers}
    for pattern, style in ((_LOOSE_FIRST, "是"), (_LOOSE_SIDE, "方面")):
        for match in pattern.finditer(text):
            if match.start() not in seen:
                number = "一" if style == "是" else "一方面"
                markers.append(Marker(match.start(), match.end(), 1, style, number))
    return sorted(markers, key=lambda marker: marker.start)


def loose_items(doc: Document, case: Node) -> list[Node]:
    """The case's 一是/二是 (or 一方面/另一方面/此外) items when the first marker follows a lead
    word, not punctuation.

    The text layer starts a chain only after punctuation ("做法主要有:一是…"); the genre also writes
    "其做法一是…;二是…;三是…" and "集群一方面…;另一方面…。此外，…" with the chain going on after
    punctuation. The items are built the same way (marker to next marker or paragraph end) but are
    not added to the document tree.
    """
    clean = doc.clean
    paragraphs = [node for node in case.iter("paragraph")]
    texts = [clean.clean[p.clean_start : p.clean_end] for p in paragraphs]
    chains = chain_markers([_loose_markers(text) for text in texts])
    items: list[Node] = []
    for paragraph, text, markers in zip(paragraphs, texts, chains, strict=True):
        base = paragraph.clean_start
        for k, marker in enumerate(markers):
            end = item_end(text, markers, k)
            start, stop = clean.raw_span(base + marker.start, base + end)
            node = Node("enumeration", start, stop, base + marker.start, base + end)
            node.number = marker.number or text[marker.start : marker.body - 1]
            node.ordinal = marker.ordinal
            node.role = marker.style
            node.heading = heading_clause(text, marker.body, end)
            items.append(node)
    return items


def case_items(doc: Document, case: Node) -> list[Node]:
    """The enumerated items of a case, outermost list first (see the module docstring).

    Numbered items (``item`` nodes: "1）…", "①…" lines) when the case has two or more, unless
    they are bare sub-headings ("1、基本情况", "2、主要做法") over enumeration items; else the
    enumeration items of the style that comes first (一是… holding (1)…(2)… gives the 一是 items);
    else a 一是 chain that starts after a lead word.
    """
    numbered = [child for child in case.children if child.kind == "item" and child.ordinal]
    found = list(case.iter("enumeration"))
    if len(numbered) >= 2 and not (found and all(_subheading(item) for item in numbered)):
        return numbered
    if found:
        return [node for node in found if node.role == found[0].role]
    return loose_items(doc, case)


def _subheading(item: Node) -> bool:
    """A titled item whose heading line holds only the title ("1、主要做法"), no run-in text."""
    heading = item.children[0] if item.children else None
    return bool(item.title) and heading is not None and not heading.children


def _item_body(item: Node) -> Node | None:
    """A numbered item's first paragraph (its body), or None (then the whole item counts).

    Paragraphs after it stay inside the item in the document tree (a case's closing remarks after
    its last "4）…"), but are not the measure.
    """
    if item.kind != "item":
        return None
    body = next((c for c in item.children if c.kind not in ("heading", "furniture")), None)
    return body if body is not None and body.kind == "paragraph" else None


def _item_span(item: Node) -> tuple[int, int]:
    """Raw span of a measure's text: the enumeration item, or the numbered item up to its body."""
    body = _item_body(item)
    return item.start, (item.end if body is None else body.end)


def _item_label(doc: Document, item: Node) -> str:
    """The item's heading (run-in title or heading clause), else its first clause."""
    if item.kind == "item" and item.title:
        return item.title
    body = _item_body(item)
    end = item.clean_end if body is None else body.clean_end
    return measure_label(doc.clean.clean[item.clean_start : end], item.heading)


def _case_measures(ctx: ExtractionContext) -> None:
    writer, doc = ctx.writer, ctx.doc
    for cluster in ctx.clusters:
        items = case_items(doc, cluster.case)
        for position, item in enumerate(items, start=1):
            ordinal = item.ordinal or position
            iri = mint("measure", slugify(cluster.label), ordinal)
            label = _item_label(doc, item)
            writer.entity(iri, CG.Measure, span=_item_span(item))
            writer.add(iri, RDFS.label, zh(_as_written(doc, item, label)))
            writer.add(iri, CG.measureOf, cluster.iri)
            writer.add(iri, CG.ordinal, integer(ordinal))
            if cluster.category is not None:
                writer.add(iri, CG.toolboxCategory, cluster.category)


def _as_written(doc: Document, node: Node, label: str) -> str:
    """``label`` (a piece of the node's clean text) as printed in the raw file."""
    text = doc.clean_text(node)
    at = text.find(label)
    if at < 0:
        return label
    return written(doc, node.clean_start + at, node.clean_start + at + len(label))


def _intro_units(section: Node) -> list[Node]:
    """The section introduction's numbered and enumeration items, and its sentences that hold
    none.
    """
    units: list[Node] = []
    for child in section.children:
        if child.kind == "case":
            break
        if child.kind == "item" and child.ordinal:
            units.append(child)
            continue
        if child.kind != "paragraph":
            continue
        items = list(child.iter("enumeration"))
        for sentence in child.iter("sentence"):
            inside = [i for i in items if sentence.start <= i.start < sentence.end]
            if inside:
                units.extend(inside)
            elif PROSE_RECOMMENDATIONS:
                units.append(sentence)
    return units


def _recommended_measures(ctx: ExtractionContext) -> None:
    writer, doc = ctx.writer, ctx.doc
    for section in doc.iter("section"):
        if not any(child.kind == "case" for child in section.children):
            continue
        category = toolbox_for_heading(section.title or "")
        if category is None:
            continue
        ordinal = 0
        for unit in _intro_units(section):
            text = doc.clean_text(unit)
            if unit.kind in ("enumeration", "item"):
                label = _item_label(doc, unit)
            elif is_recommendation(text):
                label = _advice_clause(text)
            else:
                continue
            ordinal += 1
            iri = mint("measure", f"toolbox-{category_slug(category)}", ordinal)
            writer.entity(iri, CG.Measure, CG.RecommendedMeasure, span=_item_span(unit))
            writer.add(iri, RDFS.label, zh(_as_written(doc, unit, label)))
            writer.add(iri, CG.recommendedFor, category)
            writer.add(iri, CG.toolboxCategory, category)
            writer.add(iri, CG.ordinal, integer(ordinal))


def run(ctx: ExtractionContext) -> None:
    """Case measures for every cluster, then each toolbox section's recommendations."""
    _case_measures(ctx)
    _recommended_measures(ctx)
