"""Cross-regional links between the cities of a cluster → ``cg:RegionLink`` nodes.

General rules of the genre (no list of this document's places or clusters):

* ``cg:MultiCityCluster`` – a cluster whose places lie in two or more cities (a county counts as
  its prefecture, a province-level city as itself): one link per pair of its cities; evidence:
  the case title.
* ``cg:Investment`` – "<place><institution>在<place>投资…" in a case sentence: from the first
  place's city to the second's (e.g. "无锡药明康德在泰州投资 15.8 亿美元" → 无锡 → 泰州).
* ``cg:EnclaveEconomy`` (飞地) is directed: "<place>在<place>共建/投资…" in the 飞地 sentence or
  the next one gives the city that sets up the enclave and the host city ("合肥在芜湖共建…产业园",
  "无锡药明康德在泰州投资…" → 无锡 → 泰州); without such a phrase it is treated like the next kinds.
* ``cg:JointMeeting`` (联席会议), ``cg:SameCityIntegration`` (同城): among the cities the sentence
  names (place names, or a compound abbreviation such as 成德 right before 同城/两市/三地), or, when
  it names fewer than two, among all of the cluster's cities.
* ``cg:CrossRegionalAlliance`` / ``cg:CrossRegionalPlatform`` – "跨区域…联盟" / "跨区域…平台"
  (also 跨地区, 跨市, 跨省): among the cities the sentence names, else the cluster's cities.

Symmetric kinds (all but investment and a directed enclave) order the pair by region code; the IRI is
``cgid:link/{kind}/{from code}-{to code}/{cluster slug}``, so a link stated twice is one node with
two pieces of evidence (the sentences).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from itertools import combinations, pairwise
from typing import TYPE_CHECKING

from rdflib import URIRef

from clustergraph.graph.mint import mint
from clustergraph.graph.namespaces import CG

if TYPE_CHECKING:
    from clustergraph.extract.context import ClusterRecord, ExtractionContext
    from clustergraph.gazetteer import Gazetteer, Region

__all__ = ["KIND_SLUGS", "LinkFact", "city_of", "find_links", "run"]

#: link kind → IRI segment
KIND_SLUGS: dict[URIRef, str] = {
    CG.MultiCityCluster: "multi-city-cluster",
    CG.Investment: "investment",
    CG.EnclaveEconomy: "enclave-economy",
    CG.JointMeeting: "joint-meeting",
    CG.SameCityIntegration: "same-city-integration",
    CG.CrossRegionalAlliance: "cross-regional-alliance",
    CG.CrossRegionalPlatform: "cross-regional-platform",
}

_CROSS = r"跨(?:区域|地区|地域|市域?|省域?|城市|行政区)"
#: sentence cue → symmetric link kind
_CUES: tuple[tuple[re.Pattern[str], URIRef], ...] = (
    (re.compile(r"飞地"), CG.EnclaveEconomy),
    (re.compile(r"联席会议?"), CG.JointMeeting),
    (re.compile(r"同城"), CG.SameCityIntegration),
    (re.compile(rf"{_CROSS}[^,;。]{{0,14}}?联盟"), CG.CrossRegionalAlliance),
    (re.compile(rf"{_CROSS}[^,;。]{{0,14}}?平台"), CG.CrossRegionalPlatform),
)
#: "<place><institution>在<place>投资": what may stand between the two places, and the verb after
_INVEST_BETWEEN = re.compile(r"^[^,;。、]{0,40}?(?:在|到|赴)$")
_INVEST_VERB = re.compile(r"^\s*(?:共同|累计|新增|追加)?\s*(?:投资|投建|出资|增资)")
#: "<place>在<place>共建/设立…": who sets up an enclave where (飞地经济 is directed)
_ENCLAVE_VERB = re.compile(
    r"^\s*(?:共同|合作|联合)?\s*(?:投资|投建|共建|建设|建立|设立|打造|布局|兴建|合建|援建)"
)
#: a compound abbreviation stands right before these ("成德同城", "通扬泰三地", "深广两市")
_ABBREVIATION_ANCHOR = re.compile(r"(?:[两二三四五六七八九十]|\d+)\s*(?:市|地|城)|同城")
_MAX_ABBREVIATION = 4


@dataclass(frozen=True)
class LinkFact:
    """A link found in a sentence: kind, ordered city pair, clean spans naming them, evidence."""

    kind: URIRef
    source: Region
    target: Region
    source_span: tuple[int, int] | None
    target_span: tuple[int, int] | None
    evidence: tuple[int, int]


def city_of(gazetteer: Gazetteer, region: Region) -> Region | None:
    """The city a place belongs to: a prefecture, or a province-level city; None for a province."""
    if region.level == "prefecture":
        return region
    if region.level == "province":
        return region if region.name.endswith("市") else None
    for ancestor in gazetteer.ancestors(region.code6):
        if ancestor.level == "prefecture" or (
            ancestor.level == "province" and ancestor.name.endswith("市")
        ):
            return ancestor
    return None


def _unique(regions: list[Region]) -> list[Region]:
    seen: list[Region] = []
    for region in regions:
        if all(other.code6 != region.code6 for other in seen):
            seen.append(region)
    return seen


def _cluster_cities(gazetteer: Gazetteer, record: ClusterRecord) -> list[Region]:
    cities = [city_of(gazetteer, region) for region in record.regions]
    return _unique([city for city in cities if city is not None])


def _named_cities(
    gazetteer: Gazetteer, text: str, offset: int, context: list[Region]
) -> list[tuple[Region, tuple[int, int]]]:
    """Cities a sentence names, in order: place names, then abbreviations before 同城/两市/三地."""
    found: list[tuple[Region, tuple[int, int]]] = []
    for mention in gazetteer.find_mentions(text):
        city = city_of(gazetteer, mention.region)
        if city is not None:
            found.append((city, (offset + mention.start, offset + mention.end)))
    if context:
        for anchor in _ABBREVIATION_ANCHOR.finditer(text):
            for length in range(_MAX_ABBREVIATION, 1, -1):
                start = anchor.start() - length
                token = text[start : anchor.start()] if start >= 0 else ""
                if not re.fullmatch(r"[\u4e00-\u9fff]+", token) or gazetteer.find_mentions(token):
                    continue
                expanded = gazetteer.expand_abbreviation(token, context) or []
                cities = [city_of(gazetteer, region) for region in expanded]
                codes = {c.code6 for c in context}
                if len(expanded) >= 2 and all(c is not None and c.code6 in codes for c in cities):
                    for city in cities:
                        assert city is not None
                        found.append((city, (offset + start, offset + anchor.start())))
                    break
    ordered: list[tuple[Region, tuple[int, int]]] = []
    for city, span in sorted(found, key=lambda item: item[1]):
        if all(other.code6 != city.code6 for other, _ in ordered):
            ordered.append((city, span))
    return ordered


def _pairs(
    kind: URIRef,
    cities: list[tuple[Region, tuple[int, int] | None]],
    evidence: tuple[int, int],
) -> list[LinkFact]:
    facts = []
    ordered = sorted(cities, key=lambda item: item[0].code6)
    for (a, a_span), (b, b_span) in combinations(ordered, 2):
        facts.append(LinkFact(kind, a, b, a_span, b_span, evidence))
    return facts


def _directed(
    gazetteer: Gazetteer,
    text: str,
    offset: int,
    evidence: tuple[int, int],
    kind: URIRef = CG.Investment,
    verb: re.Pattern[str] = _INVEST_VERB,
) -> list[LinkFact]:
    """Links written "<place>[institution]在<place><verb>": first place's city → second's."""
    facts = []
    mentions = gazetteer.find_mentions(text)
    for first, second in pairwise(mentions):
        between = text[first.end : second.start]
        if not _INVEST_BETWEEN.match(between) or not verb.match(text[second.end :]):
            continue
        source, target = city_of(gazetteer, first.region), city_of(gazetteer, second.region)
        if source is None or target is None or source.code6 == target.code6:
            continue
        facts.append(
            LinkFact(
                kind,
                source,
                target,
                (offset + first.start, offset + first.end),
                (offset + second.start, offset + second.end),
                evidence,
            )
        )
    return facts


def find_links(ctx: ExtractionContext, record: ClusterRecord) -> list[LinkFact]:
    """Links stated in one case study (sentence by sentence), plus its multi-city links."""
    gazetteer = ctx.gazetteer
    clean = ctx.doc.clean.clean
    cities = _cluster_cities(gazetteer, record)
    facts: list[LinkFact] = []
    if len(cities) >= 2:
        from clustergraph.extract.clusters import cluster_title_span

        title = cluster_title_span(ctx.doc, record.case)
        named = {
            city.code6: span
            for city, span in _named_cities(gazetteer, clean[title[0] : title[1]], title[0], cities)
        }
        facts.extend(
            _pairs(CG.MultiCityCluster, [(c, named.get(c.code6, title)) for c in cities], title)
        )
    sentences = list(record.case.iter("sentence"))
    for index, sentence in enumerate(sentences):
        text = clean[sentence.clean_start : sentence.clean_end]
        span = (sentence.clean_start, sentence.clean_end)
        facts.extend(_directed(gazetteer, text, sentence.clean_start, span))
        kinds = [kind for cue, kind in _CUES if cue.search(text)]
        if not kinds:
            continue
        named = _named_cities(gazetteer, text, sentence.clean_start, cities)
        for kind in kinds:
            if kind == CG.EnclaveEconomy:
                directed = _enclave(ctx, sentences[index : index + 2])
                if directed:
                    facts.extend(directed)
                    continue
                if len(named) < 2:
                    continue  # an enclave has a direction: no pairs guessed among all cities
            if len(named) >= 2:
                among: list[tuple[Region, tuple[int, int] | None]] = list(named)
            else:
                among = [(city, None) for city in cities]
            facts.extend(_pairs(kind, among, span))
    return facts


def _enclave(ctx: ExtractionContext, sentences: list) -> list[LinkFact]:
    """Who sets up the enclave where: "<place>在<place>共建/投资…" in the 飞地 sentence or the next."""
    clean = ctx.doc.clean.clean
    for sentence in sentences:
        text = clean[sentence.clean_start : sentence.clean_end]
        span = (sentences[0].clean_start, sentence.clean_end)  # the 飞地 sentence through this one
        found = _directed(
            ctx.gazetteer, text, sentence.clean_start, span, CG.EnclaveEconomy, _ENCLAVE_VERB
        )
        if found:
            return found[:1]  # the first such phrase is the enclave; later ones are examples
    return []


def _emit(ctx: ExtractionContext, record: ClusterRecord, fact: LinkFact) -> URIRef:
    from clustergraph.gazetteer.rdf import emit_region

    writer = ctx.writer
    cluster_slug = str(record.iri).rstrip("/").rsplit("/", 1)[-1]
    iri = mint(
        "link", KIND_SLUGS[fact.kind], f"{fact.source.code6}-{fact.target.code6}", cluster_slug
    )
    writer.entity(iri, CG.RegionLink, span=writer.raw_span(*fact.evidence))
    source_span = writer.raw_span(*fact.source_span) if fact.source_span else None
    target_span = writer.raw_span(*fact.target_span) if fact.target_span else None
    writer.add(iri, CG.fromRegion, emit_region(writer, fact.source, source_span))
    writer.add(iri, CG.toRegion, emit_region(writer, fact.target, target_span))
    writer.add(iri, CG.linkKind, fact.kind)
    writer.add(iri, CG.refCluster, record.iri)
    return iri


def run(ctx: ExtractionContext) -> None:
    """Add the cross-regional links of every case-study cluster, in document order."""
    for record in ctx.clusters:
        for fact in find_links(ctx, record):
            _emit(ctx, record, fact)
