"""Institutions rule: suffix names, enumerated short names, aliases, one node per institution."""

from __future__ import annotations

import pytest
from rdflib import Literal, URIRef
from rdflib import namespace as ns

from clustergraph.extract import clusters, institutions
from clustergraph.extract.context import ExtractionContext
from clustergraph.graph.namespaces import CG
from tests.conftest import GENRE
from tests.extract._helpers import evidence_quotes as _quotes
from tests.extract._helpers import extract, fixture_text

#: the rules, in order, that the fixtures of conftest.py run (on FIXTURE and on the white paper)
RULES = (clusters, institutions)
FIXTURE = "cases_toolbox.txt"


def _records(ctx: ExtractionContext) -> list:
    """One record per node (the registry maps every name and alias to its node's record)."""
    return list({id(record): record for record in ctx.institutions.values()}.values())


def _kinds(ctx: ExtractionContext) -> dict[str, URIRef]:
    """Canonical name → kind, one entry per node."""
    return {record.name: record.kind for record in ctx.institutions.values()}


# -- small fixtures ------------------------------------------------------------------------


def test_fixture_institutions_and_kinds(fixture_ctx: ExtractionContext) -> None:
    assert _kinds(fixture_ctx) == {
        "苏州纳米科技研究院": CG.ResearchInstitute,
        "甲乙光电": CG.Enterprise,
        "丙丁科技": CG.Enterprise,
        "苏州纳米制造业创新中心": CG.InnovationCenter,
        "纳米技术产业联盟": CG.Alliance,
        "苏州东吴纳米材料股份有限公司": CG.Enterprise,
        "苏州金鸡湖新材料有限公司": CG.Enterprise,
        "苏州相城精密（集团）有限公司": CG.Enterprise,
        "苏州吴中微纳有限公司": CG.Enterprise,
        "江苏省纳米检测技术创新中心": CG.InnovationCenter,
        "南大": CG.University,
        "东南大学": CG.University,
        "红木坊": CG.Enterprise,
        "松林家居": CG.Enterprise,
        "华庭家私": CG.Enterprise,
        "厦门市光电行业协会": CG.IndustryAssociation,
        "星辰微电子": CG.Enterprise,
        "蓝海光学": CG.Enterprise,
        "极光 LED": CG.Enterprise,
        "厦门光电检测公共服务平台": CG.Platform,
    }


def test_fixture_nodes_are_typed_and_labelled(fixture_ctx: ExtractionContext) -> None:
    graph = fixture_ctx.writer.graph
    for record in _records(fixture_ctx):
        assert (record.iri, ns.RDF.type, CG.Institution) in graph
        assert (record.iri, ns.RDF.type, record.kind) in graph
        assert (record.iri, ns.RDFS.label, Literal(record.name, lang="zh")) in graph
        assert graph.value(record.iri, CG.mentionedInCluster) is not None


def test_fixture_specific_alias_is_one_node(fixture_ctx: ExtractionContext) -> None:
    record = fixture_ctx.institutions["纳米院"]
    assert record is fixture_ctx.institutions["苏州纳米科技研究院"]
    graph = fixture_ctx.writer.graph
    assert (record.iri, ns.SKOS.altLabel, Literal("纳米院", lang="zh")) in graph
    # the defining mention (with its parenthesis) and the later bare alias
    assert _quotes(graph, record.iri) == ["纳米院", "苏州纳米科技研究院（简称纳米院）"]


def test_fixture_generic_alias_stays_in_its_case(fixture_ctx: ExtractionContext) -> None:
    record = fixture_ctx.institutions["厦门市光电行业协会"]
    graph = fixture_ctx.writer.graph
    assert (record.iri, ns.SKOS.altLabel, Literal("协会", lang="zh")) in graph
    assert "协会" not in fixture_ctx.institutions  # never merges another case's 协会
    quotes = _quotes(graph, record.iri)
    assert "协会" in quotes
    assert "厦门市光电行业协会" in quotes


def test_fixture_enumerated_name_keeps_its_space(fixture_ctx: ExtractionContext) -> None:
    graph = fixture_ctx.writer.graph
    record = fixture_ctx.institutions["极光 LED"]
    assert _quotes(graph, record.iri) == ["极光 LED"]


def test_fixture_generic_phrases_are_not_institutions(fixture_ctx: ExtractionContext) -> None:
    names = set(_kinds(fixture_ctx))
    for generic in (
        "产业投资基金",
        "创新中心",
        "一批创新中心",
        "龙头企业",
        "产业技术创新战略联盟",
        "集群促进机构",
        "高校",
        "科研机构",
        "公共服务平台",
    ):
        assert generic not in names


def test_negative_patterns() -> None:
    ctx = extract(fixture_text("cases_negatives.txt"), *RULES)
    assert _kinds(ctx) == {
        "国家工业和信息化部": CG.GovernmentBody,
        "无锡康达生物": CG.Enterprise,
        "温州市五金商会": CG.IndustryAssociation,
    }


PARKS_AND_QUALIFIERS = (
    "二、探索实践\n\n（二）提升产业链协作水平\n\n案例一：四川绵阳电子信息集群\n\n"
    "一是打造高水平协同创新平台。二是共建跨省公共服务平台,推动绵阳科技城软件园与涪城电子"
    "合作园对接。三是蜀光电器、涪江电子等骨干企业都是协会会员单位。\n"
)


def test_park_suffixes_and_generic_qualifiers() -> None:
    # 软件园/合作园 are park names; 高水平/跨省 are generic qualifiers, not proper names;
    # "都是" introduces what follows (骨干企业都是协会 is no name)
    ctx = extract(PARKS_AND_QUALIFIERS, *RULES)
    assert _kinds(ctx) == {
        "绵阳科技城软件园": CG.IndustrialPark,
        "涪城电子合作园": CG.IndustrialPark,
        "蜀光电器": CG.Enterprise,
        "涪江电子": CG.Enterprise,
    }


@pytest.mark.parametrize(
    ("name", "proper"),
    [
        ("龙城实验室", True),
        ("重点实验室", False),
        ("产业技术创新战略联盟", False),
        ("智慧视频技术产业联盟", True),
        ("一批创新中心", False),
        ("国家高性能医疗器械创新中心", True),
        ("产业投资基金", False),
    ],
    ids=["lab", "generic-lab", "generic-alliance", "alliance", "counted", "centre", "fund"],
)
def test_proper_name_part(name: str, proper: bool) -> None:
    suffix = next(s for s in institutions.SUFFIXES if name.endswith(s.text))
    assert institutions.is_proper(name, suffix) is proper


def test_case_industry_alone_is_no_name() -> None:
    suffix = next(s for s in institutions.SUFFIXES if s.text == "平台")
    assert not institutions.is_proper("磁性材料公共服务平台", suffix, "磁性材料")
    centre = next(s for s in institutions.SUFFIXES if s.text == "创新中心")
    assert institutions.is_proper("国家级智能家电创新中心", centre, "智能家电")


# -- white paper ---------------------------------------------------------------------------


def _in_cluster(ctx: ExtractionContext, title: str) -> dict[str, URIRef]:
    cluster = next(c for c in ctx.clusters if c.label == title)
    graph = ctx.writer.graph
    return {
        record.name: record.kind
        for record in _records(ctx)
        if (record.iri, CG.mentionedInCluster, cluster.iri) in graph
    }


def test_whitepaper_tianjin_enumeration_gives_separate_enterprises(
    paper: ExtractionContext,
) -> None:
    found = _in_cluster(paper, "天津信息安全集群")
    enterprises = {name for name, kind in found.items() if kind == CG.Enterprise}
    assert len(enterprises) >= 7
    assert {
        "三六零",
        "曙光信息",
        "飞腾 CPU",
        "麒麟软件",
        "南大通用",
        "神舟通用",
        "紫光云",
    } <= enterprises


def test_whitepaper_ningbo_alias_is_one_node(paper: ExtractionContext) -> None:
    record = paper.institutions["宁波材料所"]
    assert record is paper.institutions["中国科学院宁波材料技术与工程研究所"]
    assert record.kind == CG.ResearchInstitute
    graph = paper.writer.graph
    assert (record.iri, ns.SKOS.altLabel, Literal("宁波材料所", lang="zh")) in graph
    quotes = _quotes(graph, record.iri)
    assert quotes.count("宁波材料所") == 3  # 牵头组建, 建立了, 近三年来
    ningbo = next(c for c in paper.clusters if c.label == "浙江宁波磁性材料集群")
    assert list(graph.objects(record.iri, CG.mentionedInCluster)) == [ningbo.iri]


def test_whitepaper_generic_aliases_are_case_local(paper: ExtractionContext) -> None:
    assert "中心" not in paper.institutions
    assert "协会" not in paper.institutions
    graph = paper.writer.graph
    battery = paper.institutions["天津市电池行业协会"]
    assert _quotes(graph, battery.iri).count("协会") == 2
    yueqing = paper.institutions["乐清市电气产业创新发展服务中心"]
    assert yueqing.kind == CG.ServiceOrganization
    assert _quotes(graph, yueqing.iri).count("中心") == 1


def test_whitepaper_same_name_twice_is_one_node(paper: ExtractionContext) -> None:
    record = paper.institutions["中车四方机车车辆股份有限公司"]
    assert len(_quotes(paper.writer.graph, record.iri)) == 2


def test_whitepaper_labels_as_printed(paper: ExtractionContext) -> None:
    assert "青岛威奥轨道（集团）有限公司" in paper.institutions  # full-width, as printed
    assert "东风雪铁龙" in paper.institutions  # list item after a page break
    record = paper.institutions["省级石墨烯制造业创新中心"]
    assert "石墨烯制造业创新中心" in record.aliases


def test_whitepaper_no_generic_names(paper: ExtractionContext) -> None:
    names = set(_kinds(paper))
    for generic in (
        "产业投资基金",
        "集群产业基金",
        "联合实验室",
        "产业技术创新战略联盟",
        "国家基础应用技术协同创新平台",
        "技术专家委员会",
        "一产业链一平台",
        "化纤面料生产基地",
        "原料药基地",
        "深水半潜式起重平台",
    ):
        assert generic not in names


def test_whitepaper_counts(paper: ExtractionContext) -> None:
    kinds = list(_kinds(paper).values())
    assert len(kinds) >= 75
    assert kinds.count(CG.Enterprise) >= 30
    assert kinds.count(CG.GovernmentBody) == 1  # 国家工业和信息化部


def test_genre_document_institutions() -> None:
    ctx = extract(GENRE, *RULES)
    kinds = _kinds(ctx)
    assert kinds["中国科学技术大学"] == CG.University
    assert ctx.institutions["中国科大"] is ctx.institutions["中国科学技术大学"]
    assert kinds["南昌VR科创城"] == CG.IndustrialPark
    assert kinds["合肥新型显示产业基金"] == CG.Fund
    assert "集群企业与西安航空职业技术学院" not in kinds
    assert kinds["西安航空职业技术学院"] == CG.University


# -- names without the usual suffixes, short forms, ordinary words --------------------------

MARKET_AND_NODES = (
    "二、探索实践\n\n（三）深化集群跨区域协作\n\n案例一：江西九江、景德镇陶瓷集群\n\n"
    "九江、景德镇两市陶瓷企业众多，集聚了瓷源陶瓷股份有限公司、窑火科技有限公司等骨干企业。"
    "一是建立检测体系。依托国家陶瓷产品质量检验检测中心，在两市设立分中心；建成国家工业互联网"
    "标识解析（景德镇）陶瓷行业二级节点。二是建设园区。由九江在景德镇高新经开区共建九景釉料"
    "产业园；支持瓷源陶瓷建设瓷源釉料中试基地，同时在两市建设人才实训基地和生产基地，向周边"
    "县区延伸布局釉料、窑炉等专业园区。三是设立基金。两市联合设立规模 20 亿元的九景陶瓷产业"
    "发展基金，另设总规模 5 亿元的产业发展基金。四是推动营销。瓷源在景德镇投资 3 亿元，"
    "窑火科技、瓷源陶瓷均为协会会员，联合中国景德镇陶瓷城建设展销中心，推动两市同城化。"
    "景德镇享有“中国瓷都名城”之誉，是我国东部陶瓷企业在九江、景德镇布局的首选地。"
    "推动技术走出实验室，否则平台运营难以持续，展销收入占协会经费的比重逐年提高。\n"
)


@pytest.fixture(scope="module")
def market_ctx() -> ExtractionContext:
    return extract(MARKET_AND_NODES, *RULES)


def test_inspection_centre_node_development_zone_market(market_ctx: ExtractionContext) -> None:
    kinds = _kinds(market_ctx)
    assert kinds["国家陶瓷产品质量检验检测中心"] == CG.Platform
    assert kinds["国家工业互联网标识解析（景德镇）陶瓷行业二级节点"] == CG.Platform
    assert kinds["景德镇高新经开区"] == CG.IndustrialPark
    assert kinds["中国景德镇陶瓷城"] == CG.Platform  # a designated market (中国…城)


def test_fund_after_an_amount_and_branded_base(market_ctx: ExtractionContext) -> None:
    kinds = _kinds(market_ctx)
    # "规模 20 亿元的X基金": a name after an amount and 的 (the generic 产业发展基金 is none)
    assert kinds["九景陶瓷产业发展基金"] == CG.Fund
    assert "产业发展基金" not in kinds
    # a base opened by the brand of an enterprise of the case; 人才实训基地/生产基地 are not names
    assert kinds["瓷源釉料中试基地"] == CG.IndustrialPark
    assert not any(name.endswith(("人才实训基地", "生产基地")) for name in kinds)


def test_undeclared_short_forms_are_the_company(market_ctx: ExtractionContext) -> None:
    record = market_ctx.institutions["瓷源陶瓷股份有限公司"]
    # an investor's short name and the name without its legal form, neither declared (简称)
    assert market_ctx.institutions["瓷源"] is record
    assert market_ctx.institutions["瓷源陶瓷"] is record
    assert market_ctx.institutions["窑火科技"] is market_ctx.institutions["窑火科技有限公司"]
    assert len(_records(market_ctx)) == 9


def test_ordinary_words_and_fragments_are_no_names(market_ctx: ExtractionContext) -> None:
    names = set(_kinds(market_ctx))
    # 东部/布局/名城/同城: ordinary words ending in 部/局/城; 釉料、窑炉等专业园区: industries of parks;
    # 走出实验室, 否则平台, 占协会: a verb, a conjunction or a share before a suffix
    for name in names:
        assert not name.endswith(("东部", "布局", "名城", "同城")), name
        assert not name.startswith(("推动技术", "否则", "展销收入")), name
    assert not {"釉料", "窑炉"} & names


# -- descriptors in apposition, member lists, relative clauses of lack -----------------------------

APPOSITION_AND_MEMBERS = (
    "二、探索实践\n\n（一）协同创新\n\n案例一：江苏常州储能集群\n\n"
    "一是推动跨市布局。常州整车企业金驰汽车在溧阳投资20亿元建设电池基地；溧阳企业天目储能科技"
    "有限公司在常州投资5亿元设立研发中心。二是依托江苏理工学院，建设中试公共服务平台龙城储能中试"
    "验证中心，设立常州储能知识产权运营中心，配套建设概念验证中心。三是由促进机构补齐检测认证、"
    "样品试制等中小企业难以自建的公共能力。四是天目储能科技有限公司、金坛材料、溧阳电驱等均为联盟"
    "会员，张伟、李强等均为协会会员。五是支持江苏理工学院建设龙城储能产业学院，联合常州市中小企业"
    "数字化转型促进中心开展培训。集群着力破解实验室成果转化难题，再用产业链基金撬动社会资本。\n"
)


@pytest.fixture(scope="module")
def apposition_ctx() -> ExtractionContext:
    return extract(APPOSITION_AND_MEMBERS, *RULES)


def test_descriptor_in_apposition_is_not_part_of_the_name(
    apposition_ctx: ExtractionContext,
) -> None:
    kinds = _kinds(apposition_ctx)
    # "<place><generic>企业X": the descriptor goes; "建设中试公共服务平台X验证中心" likewise
    assert kinds["金驰汽车"] == CG.Enterprise
    assert kinds["天目储能科技有限公司"] == CG.Enterprise
    assert kinds["龙城储能中试验证中心"] == CG.Platform
    assert kinds["常州储能知识产权运营中心"] == CG.ServiceOrganization
    assert not any(name.startswith(("常州整车企业", "溧阳企业", "中试")) for name in kinds)
    # a name that opens with generic words keeps its 企业 (中小企业…促进中心)
    assert kinds["常州市中小企业数字化转型促进中心"] == CG.ServiceOrganization
    assert "概念验证中心" not in kinds  # a bare category noun


def test_member_list_without_category(apposition_ctx: ExtractionContext) -> None:
    kinds = _kinds(apposition_ctx)
    # "A、B、C等均为联盟会员" with one suffixed name: the bare names are members of unknown kind
    assert kinds["金坛材料"] == CG.Institution
    assert kinds["溧阳电驱"] == CG.Institution
    # no organisation suffix in the list: the members may be people
    assert not {"张伟", "李强"} & set(kinds)


def test_list_of_what_a_category_lacks_and_effort_verbs(apposition_ctx: ExtractionContext) -> None:
    names = set(_kinds(apposition_ctx))
    assert not {"检测认证", "样品试制", "补齐检测认证"} & names
    assert not any(name.endswith(("实验室", "产业链基金")) for name in names), names


def test_choosing_verbs_time_adverbs_and_name_verbs() -> None:
    raw = (
        "二、探索实践\n\n（三）数字化\n\n案例一：浙江台州智能模具集群\n\n"
        "一是遴选黄岩精模、路桥塑模等龙头企业建设样板工厂。二是与台州学院共建产业学院，每年为"
        "椒江模塑等企业培养人才。三是台州模具协会设立台州模具质量提升服务中心，采取“母基金+专项子"
        "基金”方式设立台州模具产业基金。\n"
    )
    names = set(_kinds(extract(raw, *RULES)))
    assert {"黄岩精模", "路桥塑模", "椒江模塑", "台州模具质量提升服务中心"} <= names
    # 提升 right before a suffix is part of the name; 专项子基金 is a bare category noun
    assert not {"遴选黄岩精模", "每年为椒江模塑", "专项子基金", "服务中心"} & names


def test_a_bare_name_found_in_a_list_is_found_again_later_in_its_case() -> None:
    raw = (
        "二、探索实践\n\n（二）产业链\n\n案例一：安徽芜湖新能源汽车集群\n\n"
        "芜湖集聚了鸠兹汽车、江城电驱等龙头企业。一是由鸠兹汽车牵头，联合合肥工业大学建设芜湖"
        "新能源汽车检测认证平台。二是配套企业向鸠兹汽车供货。\n\n"
        "案例二：安徽合肥新型显示集群\n\n由鸠兹汽车牵头建设平台。\n"
    )
    ctx = extract(raw, *RULES)
    found = [m for m in institutions.institution_mentions(ctx) if m.canonical == "鸠兹汽车"]
    # the list, then 由鸠兹汽车 (after a lead-in); not mid-clause (向鸠兹汽车), not in another case
    assert [m.how for m in found] == ["list", "repeat"]
