"""Clusters rule: one cluster per case study, with its places, category, industry and evidence."""

from __future__ import annotations

import pytest
from rdflib import Graph, Literal, URIRef
from rdflib import namespace as ns

from clustergraph.extract import clusters
from clustergraph.extract.context import ExtractionContext
from clustergraph.graph.namespaces import CG, OA
from tests.conftest import GENRE
from tests.extract._helpers import extract

#: the rules, in order, that the fixtures of conftest.py run (on FIXTURE and on the white paper)
RULES = (clusters,)
FIXTURE = "cases_toolbox.txt"


def _codes(graph: Graph, cluster: URIRef, prop: URIRef) -> list[str]:
    return sorted(str(graph.value(r, CG.gbt2260Code)) for r in graph.objects(cluster, prop))


def _by_label(ctx: ExtractionContext) -> dict[str, URIRef]:
    return {record.label: record.iri for record in ctx.clusters}


# -- small fixture -------------------------------------------------------------------------


def test_fixture_cases_become_clusters_in_order(fixture_ctx: ExtractionContext) -> None:
    assert [c.label for c in fixture_ctx.clusters] == [
        "江苏苏州纳米材料集群",
        "广东广佛肇家具集群",
        "安徽合肥、芜湖新能源汽车集群",
        "福建厦门光电集群",
    ]
    graph = fixture_ctx.writer.graph
    numbers = [int(graph.value(c.iri, CG.caseNumber)) for c in fixture_ctx.clusters]
    assert numbers == [1, 1, 2, 1]
    for record in fixture_ctx.clusters:
        assert (record.iri, ns.RDF.type, CG.Cluster) in graph
        assert (record.iri, ns.RDFS.label, Literal(record.label, lang="zh")) in graph


def test_fixture_category_from_section_heading(fixture_ctx: ExtractionContext) -> None:
    categories = [c.category for c in fixture_ctx.clusters]
    assert categories == [
        CG.InnovationToolbox,
        CG.CrossRegionalToolbox,
        CG.CrossRegionalToolbox,
        CG.GovernanceToolbox,
    ]
    graph = fixture_ctx.writer.graph
    for record in fixture_ctx.clusters:
        assert graph.value(record.iri, CG.toolboxCategory) == record.category


def test_fixture_abbreviation_in_title_expands_to_cities(fixture_ctx: ExtractionContext) -> None:
    graph = fixture_ctx.writer.graph
    iri = _by_label(fixture_ctx)["广东广佛肇家具集群"]
    # 广州, 佛山, 肇庆 — the province 广东 is not a place of its own when cities follow
    assert _codes(graph, iri, CG.locatedIn) == ["440100", "440600", "441200"]
    assert _codes(graph, iri, CG.province) == ["440000"]
    assert graph.value(iri, CG.spansMultipleCities) == Literal(True, datatype=ns.XSD.boolean)
    assert graph.value(iri, CG.spansMultipleProvinces) == Literal(False, datatype=ns.XSD.boolean)


def test_fixture_single_city_and_industry(fixture_ctx: ExtractionContext) -> None:
    graph = fixture_ctx.writer.graph
    iri = _by_label(fixture_ctx)["江苏苏州纳米材料集群"]
    assert _codes(graph, iri, CG.locatedIn) == ["320500"]
    assert graph.value(iri, CG.spansMultipleCities) == Literal(False, datatype=ns.XSD.boolean)
    industry = graph.value(iri, CG.industry)
    assert industry is not None
    assert str(graph.value(industry, ns.SKOS.prefLabel)) == "纳米材料"
    two = _by_label(fixture_ctx)["安徽合肥、芜湖新能源汽车集群"]
    assert _codes(graph, two, CG.locatedIn) == ["340100", "340200"]
    assert str(graph.value(graph.value(two, CG.industry), ns.SKOS.prefLabel)) == "新能源汽车"


def test_fixture_evidence_is_the_title(fixture_ctx: ExtractionContext) -> None:
    graph = fixture_ctx.writer.graph
    for record in fixture_ctx.clusters:
        quotes = {
            str(graph.value(sel, OA.exact))
            for ev in graph.objects(record.iri, CG.evidence)
            for sel in graph.objects(ev, OA.hasSelector)
            if graph.value(sel, OA.exact) is not None
        }
        assert quotes == {record.label}


def test_fixture_place_evidence_is_the_mention(fixture_ctx: ExtractionContext) -> None:
    graph = fixture_ctx.writer.graph
    suzhou = URIRef("https://w3id.org/clustergraph/id/region/320500")
    quotes = {
        str(graph.value(sel, OA.exact))
        for ev in graph.objects(suzhou, CG.evidence)
        for sel in graph.objects(ev, OA.hasSelector)
        if graph.value(sel, OA.exact) is not None
    }
    assert quotes == {"苏州"}


def test_industry_of_title_strips_places_and_generic_tail() -> None:
    assert clusters.industry_of_title("市生物医药和新型医疗器械先进制造业集群") == (
        "生物医药和新型医疗器械"
    )
    assert clusters.industry_of_title("自治区乳制品产业集群") == "乳制品"
    assert clusters.industry_of_title("、磁性材料集群") == "磁性材料"


def test_abbreviation_in_first_sentence_adds_places() -> None:
    raw = (
        "二、探索实践\n\n（一）深化集群跨区域协作\n\n案例一：江苏新材料集群\n\n"
        "通扬泰三地致力于打造沿江新材料产业带。一是共建平台。二是共享人才。\n"
    )
    ctx = extract(raw, clusters)
    graph = ctx.writer.graph
    iri = ctx.clusters[0].iri
    # 南通, 扬州, 泰州 from the abbreviation, evidence = the abbreviation in the text
    assert _codes(graph, iri, CG.locatedIn) == ["320600", "321000", "321200"]
    assert [r.code6 for r in ctx.clusters[0].regions] == ["320600", "321000", "321200"]


def test_title_abbreviation_does_not_swallow_the_industry() -> None:
    # 杭嘉 + 新材料: the longest token 杭嘉新 also expands (杭州, 嘉兴, 新昌县), but the case
    # text uses 杭嘉 on its own ("杭嘉两地"), so the abbreviation is 杭嘉
    raw = (
        "二、探索实践\n\n（四）深化集群跨区域协作\n\n案例一：浙江杭嘉新材料集群\n\n"
        "杭州、嘉兴两市新材料企业密集。杭嘉两地共建中试平台。一是共建平台。二是共享人才。\n"
    )
    ctx = extract(raw, clusters)
    graph = ctx.writer.graph
    iri = ctx.clusters[0].iri
    assert _codes(graph, iri, CG.locatedIn) == ["330100", "330400"]
    assert clusters.case_industry(ctx.doc, ctx.gazetteer, ctx.clusters[0].case) == "新材料"


# -- white paper ---------------------------------------------------------------------------

TITLES = [
    "浙江杭州数字安防集群",
    "山东青岛轨道交通装备集群",
    "江苏常州新型碳材料集群",
    "四川成都市软件和信息服务业集群",
    "广东深圳广州高性能医疗器械集群",
    "浙江绍兴现代纺织集群",
    "山东潍坊动力装备集群",
    "天津信息安全集群",
    "湖北武汉节能与新能源智能网联汽车集群",
    "山东青岛智能家电集群",
    "内蒙古自治区呼和浩特乳制品集群",
    "广东广深佛莞智能装备集群",
    "浙江金华现代五金集群",
    "泰州市、连云港市、无锡市生物医药和新型医疗器械先进制造业集群",
    "江苏南通、扬州、泰州海工装备和高技术船舶集群",
    "湖北宜昌、荆州、荆门磷化工集群",
    "四川成都、德阳高端能源装备集群",
    "浙江宁波磁性材料集群",
    "浙江温州乐清电器集群",
    "天津动力电池集群",
]


def test_whitepaper_has_twenty_clusters_with_exact_titles(paper: ExtractionContext) -> None:
    assert [c.label for c in paper.clusters] == TITLES


def test_whitepaper_case_numbers_restart_per_section(paper: ExtractionContext) -> None:
    graph = paper.writer.graph
    numbers = [int(graph.value(c.iri, CG.caseNumber)) for c in paper.clusters]
    assert numbers == [1, 2, 3, 4, 1, 2, 3, 4, 5, 1, 2, 3, 4, 1, 2, 3, 4, 1, 2, 3]
    categories = [c.category for c in paper.clusters]
    assert categories.count(CG.InnovationToolbox) == 4
    assert categories.count(CG.IndustrialChainToolbox) == 5
    assert categories.count(CG.DigitalizationToolbox) == 4
    assert categories.count(CG.CrossRegionalToolbox) == 4
    assert categories.count(CG.GovernanceToolbox) == 3


@pytest.mark.parametrize(
    ("title", "located", "provinces", "multi"),
    [
        (
            "泰州市、连云港市、无锡市生物医药和新型医疗器械先进制造业集群",
            ["320200", "320700", "321200"],
            ["320000"],
            True,
        ),
        ("广东广深佛莞智能装备集群", ["440100", "440300", "440600", "441900"], ["440000"], True),
        ("四川成都、德阳高端能源装备集群", ["510100", "510600"], ["510000"], True),
        ("广东深圳广州高性能医疗器械集群", ["440100", "440300"], ["440000"], True),
        ("浙江温州乐清电器集群", ["330382"], ["330000"], False),
        ("天津信息安全集群", ["120000"], ["120000"], False),
        ("内蒙古自治区呼和浩特乳制品集群", ["150100"], ["150000"], False),
    ],
    ids=[
        "tai-lian-xi",
        "guang-shen-fo-guan",
        "cheng-de",
        "shen-guang",
        "yueqing",
        "tianjin",
        "hohhot",
    ],
)
def test_whitepaper_places(
    paper: ExtractionContext, title: str, located: list[str], provinces: list[str], multi: bool
) -> None:
    graph = paper.writer.graph
    iri = _by_label(paper)[title]
    assert _codes(graph, iri, CG.locatedIn) == located
    assert _codes(graph, iri, CG.province) == provinces
    assert graph.value(iri, CG.spansMultipleCities) == Literal(multi, datatype=ns.XSD.boolean)
    assert graph.value(iri, CG.spansMultipleProvinces) == Literal(False, datatype=ns.XSD.boolean)


@pytest.mark.parametrize(
    ("title", "industry"),
    [
        ("浙江宁波磁性材料集群", "磁性材料"),
        ("泰州市、连云港市、无锡市生物医药和新型医疗器械先进制造业集群", "生物医药和新型医疗器械"),
        ("四川成都市软件和信息服务业集群", "软件和信息服务业"),
        ("广东广深佛莞智能装备集群", "智能装备"),
        ("内蒙古自治区呼和浩特乳制品集群", "乳制品"),
    ],
    ids=["ningbo", "tai-lian-xi", "chengdu", "guang-shen-fo-guan", "hohhot"],
)
def test_whitepaper_industry(paper: ExtractionContext, title: str, industry: str) -> None:
    graph = paper.writer.graph
    concept = graph.value(_by_label(paper)[title], CG.industry)
    assert str(graph.value(concept, ns.SKOS.prefLabel)) == industry


def test_genre_document_clusters() -> None:
    ctx = extract(GENRE, clusters)
    graph = ctx.writer.graph
    by_label = _by_label(ctx)
    assert len(ctx.clusters) == 10
    # a county-level city named after its prefecture: only the county is the place
    assert _codes(graph, by_label["福建泉州晋江运动鞋服集群"], CG.locatedIn) == ["350582"]
    three = _codes(graph, by_label["湖南长沙、株洲、湘潭工程机械集群"], CG.locatedIn)
    assert three == ["430100", "430200", "430300"]


def test_toolbox_heading_at_any_depth() -> None:
    # a house style whose toolbox headings are numbered 一、… (read as parts or as sections)
    raw = (
        "第二章　实践篇\n\n一、产业链协作\n\n链主企业带动配套企业。\n\n"
        "案例一：河北保定汽车集群\n\n保定汽车集群整车企业集中。一是发布采购清单。\n\n"
        "二、数字化转型\n\n案例二：河北唐山焊接装备集群\n\n唐山焊接装备集群企业众多。一是建设平台。\n"
    )
    ctx = extract(raw, clusters)
    assert [c.category for c in ctx.clusters] == [
        CG.IndustrialChainToolbox,
        CG.DigitalizationToolbox,
    ]
    # without a chapter above them the same headings are parts
    part_level = extract(raw.split("\n\n", 1)[1], clusters)
    assert part_level.clusters[0].case.enclosing("section") is None
    assert [c.category for c in part_level.clusters] == [
        CG.IndustrialChainToolbox,
        CG.DigitalizationToolbox,
    ]


def test_toolbox_of_prefers_the_innermost_heading() -> None:
    from clustergraph.extract.concepts import toolbox_of
    from clustergraph.text.nodes import Node

    part = Node("part", 0, 10, 0, 10, title="先进制造业集群培育工具箱")
    section = Node("section", 0, 10, 0, 10, title="强化集群协同创新", parent=part)
    case = Node("case", 0, 10, 0, 10, title="甲", parent=section)
    assert toolbox_of(case) == CG.InnovationToolbox
    plain = Node("section", 0, 10, 0, 10, title="典型案例", parent=Node("part", 0, 10, 0, 10))
    assert toolbox_of(Node("case", 0, 10, 0, 10, parent=plain)) is None


def test_title_abbreviation_resolved_by_the_first_sentence() -> None:
    # a title with no place name, opening with a compound abbreviation (one character per place,
    # 津 the official one-character abbreviation of 天津): the first sentence names the places
    raw = (
        "二、探索实践\n\n（四）深化集群跨区域协作\n\n案例一：京津地区信息安全集群\n\n"
        "北京、天津两市信息安全企业密集。京津两地共建测评平台。一是共建平台。\n\n"
        "案例二：京唐地区钢铁集群\n\n北京钢铁企业外迁后形成了沿海基地。一是共建园区。\n"
    )
    ctx = extract(raw, clusters)
    graph = ctx.writer.graph
    first, second = ctx.clusters
    assert _codes(graph, first.iri, CG.locatedIn) == ["110000", "120000"]
    assert graph.value(first.iri, CG.spansMultipleCities) == Literal(True, datatype=ns.XSD.boolean)
    assert str(graph.value(graph.value(first.iri, CG.industry), ns.SKOS.prefLabel)) == "信息安全"
    # 唐 (唐山) is not named in the first sentences: no guess, no places
    assert _codes(graph, second.iri, CG.locatedIn) == []


@pytest.mark.parametrize(
    ("title", "codes", "industry"),
    [
        # a city is named: the industry's first characters are no abbreviation, even when they
        # expand (高端 → 高要区 + 端州区; 石化 → 石狮 + 德化)
        ("广东珠海高端装备集群", ["440400"], "高端装备"),
        ("福建福州石化产业集群", ["350100"], "石化"),
        # only the province is named: two districts of one unnamed city are no abbreviation
        ("广东高端装备集群", ["440000"], "高端装备"),
        # still abbreviations: cities after a province, counties inside the named city
        ("福建福莆宁电子信息集群", ["350100", "350300", "350900"], "电子信息"),
        ("浙江温州乐瑞电气集群", ["330381", "330382"], "电气"),
    ],
    ids=["city-then-gaoduan", "city-then-shihua", "province-then-gaoduan", "fu-pu-ning", "le-rui"],
)
def test_industry_words_after_the_title_places_are_no_abbreviation(
    title: str, codes: list[str], industry: str
) -> None:
    raw = (
        f"二、探索实践\n\n（一）强化集群协同创新\n\n案例一：{title}\n\n"
        "该集群产业基础雄厚。一是共建平台。二是共享人才。\n"
    )
    ctx = extract(raw, clusters)
    record = ctx.clusters[0]
    assert _codes(ctx.writer.graph, record.iri, CG.locatedIn) == codes
    assert clusters.case_industry(ctx.doc, ctx.gazetteer, record.case) == industry


def test_a_headline_names_its_cluster_without_the_colon() -> None:
    raw = (
        "【经验交流·协同创新】\n\n导言。\n\n◆ 常州：新型碳材料集群打造研发闭环\n\n"
        "常州新型碳材料集群集聚企业400余家。\n"
    )
    ctx = extract(raw, clusters)
    assert [record.label for record in ctx.clusters] == ["常州新型碳材料集群"]


def test_a_county_level_city_opening_the_title_is_its_place() -> None:
    raw = (
        "【经验交流·数字化】\n\n导言。\n\n◆ 晋江：运动鞋服集群上云用数\n\n"
        "晋江运动鞋服集群拥有鞋服企业3000余家。\n"
    )
    ctx = extract(raw, clusters)
    graph = ctx.writer.graph
    (record,) = ctx.clusters
    codes = {str(graph.value(r, CG.gbt2260Code)) for r in graph.objects(record.iri, CG.locatedIn)}
    assert codes == {"350582"}
