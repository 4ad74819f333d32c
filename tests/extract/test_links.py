"""Links rule: cross-regional links between a cluster's cities, with kind, direction and evidence."""

from __future__ import annotations

from rdflib import URIRef

from clustergraph.extract import clusters, links
from clustergraph.extract.context import ExtractionContext
from clustergraph.graph.namespaces import CG, RDF
from tests.conftest import GENRE
from tests.extract._helpers import evidence_quotes, extract

#: the rules, in order, that the fixtures of conftest.py run (on FIXTURE and on the white paper)
RULES = (clusters, links)
FIXTURE = "qlq_links.txt"
KINDS = {
    CG.MultiCityCluster: "multi-city",
    CG.Investment: "investment",
    CG.EnclaveEconomy: "enclave",
    CG.JointMeeting: "joint-meeting",
    CG.SameCityIntegration: "same-city",
    CG.CrossRegionalAlliance: "alliance",
    CG.CrossRegionalPlatform: "platform",
}


def _links(ctx: ExtractionContext) -> list[tuple[str, str, str, str]]:
    """(kind, from code, to code, cluster label prefix) for every link."""
    graph = ctx.writer.graph
    labels = {record.iri: record.label for record in ctx.clusters}
    out = []
    for link in graph.subjects(RDF.type, CG.RegionLink):
        out.append(
            (
                KINDS[graph.value(link, CG.linkKind)],
                str(graph.value(graph.value(link, CG.fromRegion), CG.gbt2260Code)),
                str(graph.value(graph.value(link, CG.toRegion), CG.gbt2260Code)),
                labels[graph.value(link, CG.refCluster)][:6],
            )
        )
    return sorted(out)


def _quotes(ctx: ExtractionContext, node: URIRef) -> list[str]:
    return evidence_quotes(ctx.writer.graph, node)


def test_fixture_links_every_kind(fixture_ctx: ExtractionContext) -> None:
    hangzhou, jiaxing = "330100", "330400"
    assert _links(fixture_ctx) == [
        ("alliance", hangzhou, jiaxing, "浙江杭州、嘉"),
        ("enclave", jiaxing, hangzhou, "浙江杭州、嘉"),  # 嘉兴在杭州设立科创飞地: directed
        ("investment", hangzhou, jiaxing, "浙江杭州、嘉"),  # 杭州…公司在嘉兴投资
        ("joint-meeting", hangzhou, jiaxing, "浙江杭州、嘉"),
        ("multi-city", hangzhou, jiaxing, "浙江杭州、嘉"),
        ("platform", hangzhou, jiaxing, "浙江杭州、嘉"),
        ("same-city", hangzhou, jiaxing, "浙江杭州、嘉"),  # 杭嘉同城化: an abbreviation
    ]


def test_single_city_cluster_has_no_links(fixture_ctx: ExtractionContext) -> None:
    nanjing = next(r for r in fixture_ctx.clusters if r.label.startswith("江苏南京"))
    graph = fixture_ctx.writer.graph
    assert not list(graph.subjects(CG.refCluster, nanjing.iri))


def test_fixture_evidence_and_regions(fixture_ctx: ExtractionContext) -> None:
    graph = fixture_ctx.writer.graph
    for link in graph.subjects(RDF.type, CG.RegionLink):
        assert _quotes(fixture_ctx, link), link
        for prop in (CG.fromRegion, CG.toRegion):
            region = graph.value(link, prop)
            assert (region, RDF.type, CG.PrefectureLevelDivision) in graph
    investment = next(s for s in graph.subjects(CG.linkKind, CG.Investment))
    assert any("在嘉兴投资 20 亿元" in q for q in _quotes(fixture_ctx, investment))
    assert "/link/investment/330100-330400/" in str(investment)


def test_white_paper_cross_regional_section(paper: ExtractionContext) -> None:
    found = _links(paper)
    wuxi, taizhou, lianyungang = "320200", "321200", "320700"
    assert ("investment", wuxi, taizhou, "泰州市、连云") in found
    joint = [row for row in found if row[0] == "joint-meeting"]
    assert joint == [
        ("joint-meeting", wuxi, lianyungang, "泰州市、连云"),
        ("joint-meeting", wuxi, taizhou, "泰州市、连云"),
        ("joint-meeting", lianyungang, taizhou, "泰州市、连云"),
    ]
    assert ("same-city", "510100", "510600", "四川成都、德") in found
    multi = {row[3] for row in found if row[0] == "multi-city"}
    for cluster in ("泰州市、连云", "江苏南通、扬", "湖北宜昌、荆", "四川成都、德"):
        assert cluster in multi


def test_white_paper_counts_by_kind(paper: ExtractionContext) -> None:
    counts: dict[str, int] = {}
    for kind, *_ in _links(paper):
        counts[kind] = counts.get(kind, 0) + 1
    assert counts == {
        "multi-city": 17,
        "joint-meeting": 3,
        "alliance": 3,
        "platform": 4,
        "investment": 1,
        "enclave": 1,
        "same-city": 1,
    }


def test_same_city_link_has_both_sentences(paper: ExtractionContext) -> None:
    graph = paper.writer.graph
    (link,) = list(graph.subjects(CG.linkKind, CG.SameCityIntegration))
    quotes = _quotes(paper, link)
    assert len(quotes) == 2
    assert any("成都、德阳同城化" in q for q in quotes)
    assert any("成德同城" in q for q in quotes)


def test_genre_document_links() -> None:
    found = _links(extract(GENRE, *RULES))
    assert len(found) == 16
    assert ("enclave", "340100", "340200", "安徽合肥、芜") in found
    assert ("investment", "340100", "340200", "安徽合肥、芜") in found
    same_city = [row for row in found if row[0] == "same-city"]
    assert len(same_city) == 3  # 长株潭同城化: three cities from one abbreviation


def test_links_of_a_cluster_titled_by_an_abbreviation() -> None:
    # the title names no place (京津…): its places come from the abbreviation, so the
    # mechanisms that name no cities link the two municipalities
    raw = (
        "二、探索实践\n\n（四）深化集群跨区域协作\n\n案例一：京津地区信息安全集群\n\n"
        "北京、天津两市信息安全企业密集。一是建立联席会议制度，每季度召开一次。"
        "二是组建跨区域产业联盟。\n"
    )
    ctx = extract(raw, clusters, links)
    assert _links(ctx) == [
        ("alliance", "110000", "120000", "京津地区信息"),
        ("joint-meeting", "110000", "120000", "京津地区信息"),
        ("multi-city", "110000", "120000", "京津地区信息"),
    ]


def test_enclave_needs_a_direction_or_two_named_cities() -> None:
    # the run-in head names the mechanism, the next sentence gives its direction; a closing
    # remark about 飞地 with no cities adds no guessed pairs among the cluster's three cities
    raw = (
        "二、探索实践\n\n（四）深化集群跨区域协作\n\n案例一：江苏苏州、无锡、常州智能装备集群\n\n"
        "三市装备企业密集。（1）探索“飞地经济”合作。苏州在常州共建苏常装备产业园，利益共享。"
        "（2）以“飞地”园区分享利益，为城市共建集群提供了一种可行路径。\n"
    )
    suzhou, wuxi, changzhou = "320500", "320200", "320400"
    ctx = extract(raw, clusters, links)
    enclaves = [link for link in _links(ctx) if link[0] == "enclave"]
    assert enclaves == [("enclave", suzhou, changzhou, "江苏苏州、无")]
    assert wuxi not in {code for link in enclaves for code in link[1:3]}
