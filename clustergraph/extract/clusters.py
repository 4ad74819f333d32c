"""Case studies → clusters: one ``cg:Cluster`` per ``案例N:`` heading of the case-study part.

How a case becomes a cluster (general rules of the genre, no list of this document's clusters):

* **Name** – the case title exactly as written (the heading after ``案例一:``), read back from
  the raw file so full-width punctuation stays as printed; IRI ``cgid:cluster/{slug of title}``.
* **Number / category** – ``cg:caseNumber`` is the case's ordinal within its section;
  ``cg:toolboxCategory`` comes from the nearest enclosing section or part heading that names a
  toolbox (:func:`clustergraph.extract.concepts.toolbox_of`).
* **Places** – every gazetteer mention in the title (province, prefecture, county), plus compound
  abbreviations (深广, 广深佛莞, 通扬泰 …) found where the genre writes them: right after the
  place names at the start of the title, at the start of the case's first two sentences, or
  right before ``两市/三地/同城`` in them. An abbreviation is resolved by
  :meth:`Gazetteer.expand_abbreviation` with the title's places as context; a token that is
  itself a place name (or part of one, even a short county name the strict scan would drop, such
  as 晋江) is not an abbreviation, and neither is a token whose places are only districts (区) of
  one city the context does not name (高端 read as 高要区 + 端州区): a compound abbreviation joins
  cities or counties, not the parts of an unnamed city. After leading places that already name a
  city or county (广东珠海…), a title abbreviation must stay inside them, since the place is
  named and the industry follows (广东珠海高端装备集群: 珠海 only; 广东广深佛莞… is read inside
  广东). A title that names no place but opens with an abbreviation (成渝地区…集群) is resolved
  against the places the case's first sentences name, and only onto those places. In a title the
  longest token that expands wins unless the case text uses a shorter one on its own (莞惠新一代…
  with "莞惠两市" in the text: 莞惠, not 莞惠新). Places in the title carry the span of their
  name in the title as evidence; places only reached through an abbreviation in the text carry
  the abbreviation's span.
* ``cg:locatedIn`` – the most specific places: a named place is dropped when another named place
  lies inside it (广东 + 广州/深圳/佛山/东莞 → the four cities; 浙江 温州 乐清 → 乐清). A
  province-level city named alone (天津) is its own most specific place.
  ``cg:province`` – the province-level division of each such place (derived when the title names
  none, as in 泰州市、连云港市、无锡市…: 江苏).
* ``cg:spansMultipleCities`` – more than one prefecture-level unit (a county counts as its
  prefecture, a province-level city as itself); ``cg:spansMultipleProvinces`` – more than one
  province.
* **Industry** – the title after its leading places/abbreviation (and separators, 市/省/自治区/地区
  left over), with a trailing 先进制造业集群/产业集群/集群 removed: "磁性材料",
  "生物医药和新型医疗器械"; made a concept with :func:`industry_concept`.

The :class:`ClusterRecord` appended to ``ctx.clusters`` lists the ``cg:locatedIn`` places in
title order (later rules – roles, quantities, links – read it).
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from rdflib import Literal

from clustergraph.extract.concepts import industry_concept, toolbox_of
from clustergraph.extract.context import ClusterRecord
from clustergraph.gazetteer.rdf import emit_region
from clustergraph.graph.mint import mint
from clustergraph.graph.namespaces import CG, ORG, XSD
from clustergraph.graph.writer import integer

if TYPE_CHECKING:
    from collections.abc import Iterator

    from clustergraph.extract.context import ExtractionContext
    from clustergraph.gazetteer import Gazetteer, Mention, Region
    from clustergraph.text import Document, Node

__all__ = ["case_industry", "cluster_title_span", "industry_of_title", "run", "written"]

#: what may stand between two place names at the start of a title
_SEPARATORS = "、,和与及 "
#: administrative words a place mention may leave behind (内蒙古 + 自治区, 成都 + 市)
#: (no bare 区/县: 杭州区块链集群 keeps 区块链)
_ADMIN_LEFTOVERS = ("特别行政区", "自治区", "自治州", "地区", "省", "市")
#: generic tails of a cluster title
_GENERIC_TAILS = ("先进制造业集群", "制造业集群", "产业集群", "集群")
#: "两市", "三地", "四市", "同城": a compound abbreviation usually stands right before these
_COUNT_PLACES = re.compile(r"(?:[两二三四五六七八九十]|\d+)\s*(?:市|地|城|省|区|县)|同城")
_MAX_ABBREVIATION = 4
_FIRST_SENTENCES = 2


def written(doc: Document, clean_start: int, clean_end: int) -> str:
    """The clean span as printed in the raw file (full-width forms kept), whitespace collapsed.

    Characters the clean view dropped (``**``, page-break blank lines) stay dropped, so a name
    broken by a page break reads as one word.
    """
    clean = doc.clean
    chars: list[str] = []
    last = -1
    for index in range(clean_start, clean_end):
        raw_index = clean.to_raw(index)
        if raw_index == last:
            continue
        last = raw_index
        char = doc.raw[raw_index]
        chars.append(" " if char.isspace() else char)
    return " ".join("".join(chars).split())


def cluster_title_span(doc: Document, case: Node) -> tuple[int, int]:
    """Clean span of the case title (the heading without ``案例一:``)."""
    title = case.title or ""
    heading = next((child for child in case.children if child.kind == "heading"), None)
    if heading is not None:
        text = doc.clean_text(heading).rstrip()
        end = heading.clean_start + len(text)
        if title and text.endswith(title):
            return end - len(title), end
    text = doc.clean_text(case)
    found = text.find(title) if title else -1
    if found >= 0:
        return case.clean_start + found, case.clean_start + found + len(title)
    line_end = text.find("\n")
    return case.clean_start, case.clean_start + (line_end if line_end >= 0 else len(text))


def industry_of_title(remainder: str) -> str:
    """Strip separators, administrative leftovers and the generic tail from a title remainder."""
    text = remainder
    changed = True
    while changed:
        changed = False
        text = text.lstrip(_SEPARATORS)
        for word in _ADMIN_LEFTOVERS:
            if text.startswith(word):
                text = text[len(word) :]
                changed = True
                break
    for tail in _GENERIC_TAILS:
        if text.endswith(tail) and len(text) > len(tail):
            text = text[: -len(tail)]
            break
    return text.strip(_SEPARATORS)


class _Places:
    """Places of one case in order of first mention, each with the clean span that names it."""

    def __init__(self) -> None:
        self.regions: list[Region] = []
        self.spans: dict[str, tuple[int, int]] = {}

    def add(self, region: Region, span: tuple[int, int]) -> None:
        if region.code6 not in self.spans:
            self.regions.append(region)
            self.spans[region.code6] = span


def _leading_end(title: str, mentions: list[Mention]) -> int:
    """End (in the title) of the run of place names that opens it."""
    end = 0
    for mention in mentions:
        between = title[end : mention.start]
        if between.strip(_SEPARATORS) and not _only_leftovers(between):
            break
        end = mention.end
    return end


def _only_leftovers(text: str) -> bool:
    rest = text.strip(_SEPARATORS)
    for word in _ADMIN_LEFTOVERS:
        rest = rest.replace(word, "")
    return not rest.strip(_SEPARATORS)


def _is_han_run(token: str) -> bool:
    return bool(token) and all("\u4e00" <= ch <= "\u9fff" for ch in token)


def _expand(gazetteer: Gazetteer, token: str, context: list[Region]) -> list[Region] | None:
    """A compound abbreviation's places, if ``token`` is one (and not a place name itself)."""
    if len(token) < 2 or not _is_han_run(token) or gazetteer.find_mentions(token, strict=False):
        return None
    found = gazetteer.expand_abbreviation(token, context)
    if not found or len(found) < 2 or _districts_of_unnamed_city(found, context):
        return None
    return found


def _is_district(region: Region) -> bool:
    """A 市辖区 district: county level, named …区, under a prefecture (not a province)."""
    parent = region.parent_code
    return (
        region.level == "county"
        and region.name.endswith("区")
        and parent is not None
        and not parent.endswith("0000")
    )


def _districts_of_unnamed_city(found: list[Region], context: list[Region]) -> bool:
    """All places are districts of one city that the context does not name (高端 → 高要区, 端州区)."""
    parents = {region.parent_code for region in found}
    if len(parents) != 1 or not all(_is_district(region) for region in found):
        return False
    return all(region.code6 not in parents for region in context)


def _inside_lead(gazetteer: Gazetteer, found: list[Region], lead: list[Region]) -> bool:
    """Does an abbreviation after the title's leading places stay inside them?

    Leading places that are all provinces (广东广深佛莞…) leave the abbreviation free within the
    province (the expansion already looks there); once they name a city or county (广东深圳…), the
    places it stands for must be inside that city or county.
    """
    named = _most_specific(gazetteer, lead)
    if all(region.level == "province" for region in named):
        return True
    return all(any(gazetteer.is_within(region, place) for place in named) for region in found)


def _overlaps(start: int, end: int, taken: list[tuple[int, int]]) -> bool:
    return any(start < t_end and t_start < end for t_start, t_end in taken)


def _abbreviations_at(
    gazetteer: Gazetteer,
    text: str,
    start: int,
    context: list[Region],
    taken: list[tuple[int, int]],
) -> Iterator[tuple[int, list[Region]]]:
    """Each abbreviation beginning at ``text[start]`` (no part of a place name), longest first.

    Lazy, so a caller that wants only the longest expands no shorter token.
    """
    for length in range(_MAX_ABBREVIATION, 1, -1):
        token = text[start : start + length]
        if len(token) == length and not _overlaps(start, start + length, taken):
            found = _expand(gazetteer, token, context)
            if found:
                yield length, found


def _abbreviation_at_start(
    gazetteer: Gazetteer,
    text: str,
    start: int,
    context: list[Region],
    taken: list[tuple[int, int]],
) -> tuple[int, list[Region]] | None:
    """Longest abbreviation beginning at ``text[start]`` that is no part of a place name."""
    return next(_abbreviations_at(gazetteer, text, start, context, taken), None)


def _title_abbreviation(
    gazetteer: Gazetteer,
    title: str,
    start: int,
    context: list[Region],
    taken: list[tuple[int, int]],
    body: str,
) -> tuple[int, list[Region]] | None:
    """The abbreviation at ``title[start]``, checked against the case text.

    The longest token that expands wins, unless it swallows the first character of the industry
    words (莞惠 + 新一代电子信息 read as 莞惠新 → 东莞, 惠州, 新丰县): a token the case text goes on
    to use on its own ("莞惠两市") is the abbreviation, and a longer one that the text never uses
    except as the start of the title's own words is not preferred over it.
    """
    found = list(_abbreviations_at(gazetteer, title, start, context, taken))
    if not found:
        return None
    for length, regions in found:
        if _used_alone(title[start : start + length], title[start + length :], body):
            return length, regions
    return found[0]


def _used_alone(token: str, rest: str, body: str) -> bool:
    """``token`` occurs in ``body`` other than as a repetition of the title (token + ``rest``)."""
    at = body.find(token)
    while at >= 0:
        following = body[at + len(token) : at + len(token) + 2]
        if not rest or not following or not rest.startswith(following):
            return True
        at = body.find(token, at + 1)
    return False


def _abbreviation_before(
    gazetteer: Gazetteer,
    text: str,
    end: int,
    context: list[Region],
    taken: list[tuple[int, int]],
) -> tuple[int, list[Region]] | None:
    """Longest abbreviation ending at ``text[end]`` that is no part of a place name."""
    for length in range(_MAX_ABBREVIATION, 1, -1):
        if end - length < 0 or _overlaps(end - length, end, taken):
            continue
        found = _expand(gazetteer, text[end - length : end], context)
        if found:
            return end - length, found
    return None


def _first_sentences(case: Node) -> list[Node]:
    sentences = [node for node in case.iter("sentence")]
    return sentences[:_FIRST_SENTENCES]


def _first_sentence_places(doc: Document, gazetteer: Gazetteer, case: Node) -> list[Region]:
    """Places named in the case's first sentences, in order of first mention."""
    clean = doc.clean.clean
    found: list[Region] = []
    for sentence in _first_sentences(case):
        for mention in gazetteer.find_mentions(clean[sentence.clean_start : sentence.clean_end]):
            if all(region.code6 != mention.region.code6 for region in found):
                found.append(mention.region)
    return found


def _bare_title_abbreviation(
    doc: Document, gazetteer: Gazetteer, case: Node, title_start: int, title: str, places: _Places
) -> int:
    """A title that opens with an abbreviation alone (成渝地区…集群): resolved against the places
    the case's first sentences name, and only onto those places; returns where the rest begins.
    """
    body = doc.clean.clean[title_start + len(title) : case.clean_end]
    named = _first_sentence_places(doc, gazetteer, case)
    hit = _title_abbreviation(gazetteer, title, 0, named, [], body) if named else None
    codes = {region.code6 for region in named}
    if not hit or not all(region.code6 in codes for region in hit[1]):
        return 0
    length, regions = hit
    for region in regions:
        places.add(region, (title_start, title_start + length))
    return length


def case_industry(doc: Document, gazetteer: Gazetteer, case: Node) -> str:
    """The industry words of a case title (``浙江宁波磁性材料集群`` → ``磁性材料``)."""
    start, end = cluster_title_span(doc, case)
    title = doc.clean.clean[start:end]
    _, lead = _collect_places(doc, gazetteer, case, start, title)
    return industry_of_title(title[lead:])


def _collect_places(
    doc: Document, gazetteer: Gazetteer, case: Node, title_start: int, title: str
) -> tuple[_Places, int]:
    """Places of a case and where (in the title) its industry words begin."""
    places = _Places()
    mentions = gazetteer.find_mentions(title)
    if not mentions:
        # a county-level city opening the title without 市 (晋江运动鞋服集群): the title's first
        # word is its place, so the short name counts there
        opening = [m for m in gazetteer.find_mentions(title, strict=False) if m.start == 0]
        mentions = opening[:1]
    for mention in mentions:
        places.add(mention.region, (title_start + mention.start, title_start + mention.end))
    lead = _leading_end(title, mentions)
    context = list(places.regions)
    if not context:
        lead = _bare_title_abbreviation(doc, gazetteer, case, title_start, title, places)
        context = list(places.regions)
    # an abbreviation right after the leading places (广东广深佛莞智能装备集群)
    else:
        skip = lead
        while skip < len(title) and title[skip] in _SEPARATORS:
            skip += 1
        taken = [(m.start, m.end) for m in mentions]
        body = doc.clean.clean[title_start + len(title) : case.clean_end]
        hit = _title_abbreviation(gazetteer, title, skip, context, taken, body)
        if hit and _inside_lead(gazetteer, hit[1], context):
            length, regions = hit
            for region in regions:
                places.add(region, (title_start + skip, title_start + skip + length))
            lead = skip + length
    if not context:
        return places, lead
    clean = doc.clean.clean
    for sentence in _first_sentences(case):
        text = clean[sentence.clean_start : sentence.clean_end]
        taken = [(m.start, m.end) for m in gazetteer.find_mentions(text, strict=False)]
        hits: list[tuple[int, int, list[Region]]] = []
        start_hit = _abbreviation_at_start(gazetteer, text, 0, context, taken)
        if start_hit:
            hits.append((0, start_hit[0], start_hit[1]))
        for match in _COUNT_PLACES.finditer(text):
            before = _abbreviation_before(gazetteer, text, match.start(), context, taken)
            if before:
                hits.append((before[0], match.start(), before[1]))
        for start, end, regions in hits:
            for region in regions:
                places.add(region, (sentence.clean_start + start, sentence.clean_start + end))
    return places, lead


def _most_specific(gazetteer: Gazetteer, regions: list[Region]) -> list[Region]:
    return [
        region
        for region in regions
        if not any(
            other.code6 != region.code6 and gazetteer.is_within(other, region) for other in regions
        )
    ]


def _city_unit(gazetteer: Gazetteer, region: Region) -> str:
    """The prefecture-level unit of a place (a province-level city is its own unit)."""
    if region.level == "county":
        for ancestor in gazetteer.ancestors(region.code6):
            if ancestor.level in ("prefecture", "province"):
                return ancestor.code6
    return region.code6


_HEADLINE_PLACE = re.compile(r"^(?P<place>[^\s:：]{2,8})\s*[:：]\s*(?P<rest>\S.*集群)$")


def _without_headline_colon(label: str) -> str:
    """A news headline names its cluster as "常州:新型碳材料集群": the name is 常州新型碳材料集群."""
    m = _HEADLINE_PLACE.match(label)
    return m.group("place") + m.group("rest") if m else label


def _case_number(case: Node) -> int:
    """The printed case number (案例三 → 3), or the case's position in its section.

    A heading printed without a number (a line that only names the cluster) has only its place.
    """
    if case.ordinal is not None:
        return case.ordinal
    siblings = [node for node in case.parent.children if node.kind == "case"] if case.parent else []
    return next((k for k, node in enumerate(siblings, 1) if node is case), 1)


def _cluster(ctx: ExtractionContext, case: Node) -> ClusterRecord:
    doc, writer, gazetteer = ctx.doc, ctx.writer, ctx.gazetteer
    title_start, title_end = cluster_title_span(doc, case)
    title_clean = doc.clean.clean[title_start:title_end]
    label = _without_headline_colon(written(doc, title_start, title_end))
    iri = mint("cluster", label)
    writer.entity(iri, CG.Cluster, ORG.Organization, label=label)
    writer.cite_clean(iri, title_start, title_end)
    writer.add(iri, CG.caseNumber, integer(_case_number(case)))
    category = toolbox_of(case)
    if category is not None:
        writer.add(iri, CG.toolboxCategory, category)

    places, lead = _collect_places(doc, gazetteer, case, title_start, title_clean)
    located = _most_specific(gazetteer, places.regions)
    for region in located:
        start, end = places.spans[region.code6]
        writer.add(iri, CG.locatedIn, emit_region(writer, region, writer.raw_span(start, end)))
    provinces: list[Region] = []
    for region in located:
        province = gazetteer.province_of(region.code6)
        if province is not None and all(p.code6 != province.code6 for p in provinces):
            provinces.append(province)
    for province in provinces:
        span = places.spans.get(province.code6)
        raw = writer.raw_span(*span) if span else None
        writer.add(iri, CG.province, emit_region(writer, province, raw))
    if located:
        cities = {_city_unit(gazetteer, region) for region in located}
        writer.add(iri, CG.spansMultipleCities, Literal(len(cities) > 1, datatype=XSD.boolean))
        writer.add(
            iri, CG.spansMultipleProvinces, Literal(len(provinces) > 1, datatype=XSD.boolean)
        )

    industry = industry_of_title(title_clean[lead:])
    if industry:
        writer.add(iri, CG.industry, industry_concept(writer, industry))
    return ClusterRecord(iri=iri, label=label, case=case, category=category, regions=located)


def run(ctx: ExtractionContext) -> None:
    """Add one cluster per case study, in document order, and record it in ``ctx.clusters``."""
    for case in ctx.doc.iter("case"):
        if case.enclosing("toc") is not None:
            continue
        ctx.clusters.append(_cluster(ctx, case))
