"""Roles rule: n-ary cg:Role nodes (promotion agency, founder, host, partner, leading …)."""

from __future__ import annotations

import pytest
from rdflib import URIRef
from rdflib import namespace as ns

from clustergraph.extract import clusters, institutions, roles
from clustergraph.extract.context import ExtractionContext
from clustergraph.graph.namespaces import CG, OA, ORG
from tests.conftest import GENRE
from tests.extract._helpers import extract
from tests.extract._helpers import zh_label as _label

#: the rules, in order, that the fixtures of conftest.py run (on FIXTURE and on the white paper)
RULES = (clusters, institutions, roles)
FIXTURE = "cases_toolbox.txt"

SHORT = {
    CG.PromotionAgencyRole: "agency",
    CG.LeadingEnterpriseRole: "leading",
    CG.FounderRole: "founder",
    CG.HostRole: "host",
    CG.PartnerRole: "partner",
    CG.MemberRole: "member",
    CG.SupportingEnterpriseRole: "supporting",
}


def _roles(ctx: ExtractionContext) -> set[tuple[str, str, str]]:
    """(cluster label, institution label, role) for every role node."""
    graph = ctx.writer.graph
    return {
        (
            _label(graph, graph.value(role, ORG.organization)),
            _label(graph, graph.value(role, ORG.member)),
            SHORT[graph.value(role, ORG.role)],
        )
        for role in graph.subjects(ns.RDF.type, CG.Role)
    }


def _objects(ctx: ExtractionContext, cluster: str, member: str, kind: str) -> set[str]:
    graph = ctx.writer.graph
    found: set[str] = set()
    for role in graph.subjects(ns.RDF.type, CG.Role):
        if (
            _label(graph, graph.value(role, ORG.organization)) == cluster
            and _label(graph, graph.value(role, ORG.member)) == member
            and SHORT[graph.value(role, ORG.role)] == kind
        ):
            found |= {_label(graph, o) for o in graph.objects(role, CG.roleObject)}
    return found


# -- small fixture -------------------------------------------------------------------------

SUZHOU = "江苏苏州纳米材料集群"
XIAMEN = "福建厦门光电集群"
FURNITURE = "广东广佛肇家具集群"


def test_fixture_roles(fixture_ctx: ExtractionContext) -> None:
    assert _roles(fixture_ctx) == {
        (SUZHOU, "苏州纳米科技研究院", "host"),
        (SUZHOU, "苏州纳米科技研究院", "founder"),
        (SUZHOU, "甲乙光电", "leading"),
        (SUZHOU, "甲乙光电", "partner"),
        (SUZHOU, "丙丁科技", "leading"),
        (SUZHOU, "丙丁科技", "partner"),
        (SUZHOU, "苏州东吴纳米材料股份有限公司", "leading"),
        (SUZHOU, "苏州金鸡湖新材料有限公司", "leading"),
        (SUZHOU, "苏州相城精密（集团）有限公司", "supporting"),
        (SUZHOU, "苏州吴中微纳有限公司", "supporting"),
        (SUZHOU, "南大", "partner"),
        (SUZHOU, "东南大学", "partner"),
        (FURNITURE, "红木坊", "member"),
        (FURNITURE, "松林家居", "member"),
        (FURNITURE, "华庭家私", "member"),
        (XIAMEN, "厦门市光电行业协会", "agency"),
        (XIAMEN, "厦门市光电行业协会", "founder"),
        (XIAMEN, "星辰微电子", "leading"),
        (XIAMEN, "蓝海光学", "leading"),
        (XIAMEN, "极光 LED", "leading"),
    }


def test_fixture_role_objects(fixture_ctx: ExtractionContext) -> None:
    # 依托X,联合…组建A和B: X hosts A and B; the alias 纳米院 founds the 检测 centre
    assert _objects(fixture_ctx, SUZHOU, "苏州纳米科技研究院", "host") == {
        "苏州纳米制造业创新中心",
        "纳米技术产业联盟",
    }
    assert _objects(fixture_ctx, SUZHOU, "苏州纳米科技研究院", "founder") == {
        "江苏省纳米检测技术创新中心"
    }
    assert _objects(fixture_ctx, XIAMEN, "厦门市光电行业协会", "founder") == {
        "厦门光电检测公共服务平台"
    }


def test_fixture_unnamed_promotion_agency_has_no_role(fixture_ctx: ExtractionContext) -> None:
    assert not any(c == "安徽合肥、芜湖新能源汽车集群" for c, _, _ in _roles(fixture_ctx))


def test_fixture_role_node_shape(fixture_ctx: ExtractionContext) -> None:
    graph = fixture_ctx.writer.graph
    iri = URIRef(
        "https://w3id.org/clustergraph/id/role/fu-jian-xia-men-guang-dian-ji-qun/"
        "promotion-agency/xia-men-shi-guang-dian-hang-ye-xie-hui"
    )
    assert (iri, ns.RDF.type, CG.Role) in graph
    assert (iri, ns.RDF.type, ORG.Membership) in graph
    # stated in two sentences (积极承担…, 由促进机构…牵头): one node, two pieces of evidence
    quotes = {
        str(graph.value(sel, OA.exact))
        for ev in graph.objects(iri, CG.evidence)
        for sel in graph.objects(ev, OA.hasSelector)
        if graph.value(sel, OA.exact) is not None
    }
    assert len(quotes) == 2
    assert all(quote.endswith(("。", ":")) for quote in quotes)


REWORDED = (
    "二、探索实践\n\n（五）创新集群治理机制\n\n案例一：浙江嘉兴智能传感集群\n\n"
    "嘉兴智能传感集群发展促进机构职能由嘉兴市传感器行业协会（简称传感协会）承担。"
    "以浙江清华长三角研究院为依托,联合嘉兴禾芯微电子有限公司等龙头企业组建嘉兴智能传感"
    "创新中心。\n"
)


def test_reworded_agency_and_framed_host() -> None:
    # "促进机构职能由X承担" names the promotion agency; "以X为依托" is 依托X
    ctx = extract(REWORDED, *RULES)
    found = _roles(ctx)
    cluster = "浙江嘉兴智能传感集群"
    assert (cluster, "嘉兴市传感器行业协会", "agency") in found
    assert (cluster, "浙江清华长三角研究院", "host") in found
    assert (cluster, "浙江清华长三角研究院", "founder") not in found  # not the subject
    assert (cluster, "嘉兴禾芯微电子有限公司", "partner") in found
    assert _objects(ctx, cluster, "浙江清华长三角研究院", "host") == {"嘉兴智能传感创新中心"}


# -- white paper ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("cluster", "agency"),
    [
        ("浙江宁波磁性材料集群", "中国科学院宁波材料技术与工程研究所"),
        ("浙江温州乐清电器集群", "乐清市电气产业创新发展服务中心"),
        ("天津动力电池集群", "天津市电池行业协会"),
        ("江苏南通、扬州、泰州海工装备和高技术船舶集群", "江苏省船舶工业行业协会"),
    ],
    ids=["ningbo", "yueqing", "tianjin-battery", "jiangsu-shipbuilding"],
)
def test_whitepaper_promotion_agencies(paper: ExtractionContext, cluster: str, agency: str) -> None:
    assert (cluster, agency, "agency") in _roles(paper)


def test_whitepaper_only_four_promotion_agencies(paper: ExtractionContext) -> None:
    assert sum(1 for _, _, role in _roles(paper) if role == "agency") == 4


def test_whitepaper_ningbo_founder_through_alias(paper: ExtractionContext) -> None:
    objects = _objects(
        paper, "浙江宁波磁性材料集群", "中国科学院宁波材料技术与工程研究所", "founder"
    )
    assert objects == {"浙江省磁性材料应用技术创新中心", "稀土永磁材料与应用技术国家工程实验室"}


def test_whitepaper_enterprise_roles(paper: ExtractionContext) -> None:
    found = _roles(paper)
    rail = "山东青岛轨道交通装备集群"
    assert (rail, "中车四方机车车辆股份有限公司", "leading") in found
    assert (rail, "青岛威奥轨道（集团）有限公司", "supporting") in found
    assert (rail, "清华", "partner") in found
    assert (rail, "中科院", "partner") in found
    tianjin = {m for c, m, r in found if c == "天津信息安全集群" and r == "leading"}
    assert {"三六零", "飞腾 CPU", "紫光云"} <= tianjin
    assert ("浙江杭州数字安防集群", "海康", "partner") in found
    assert ("浙江杭州数字安防集群", "海康", "leading") in found
    assert ("浙江杭州数字安防集群", "海康", "founder") not in found  # the subject is unnamed


def test_whitepaper_role_counts(paper: ExtractionContext) -> None:
    kinds = [role for _, _, role in _roles(paper)]
    assert len(kinds) == 42
    assert kinds.count("leading") == 17
    assert kinds.count("founder") == 2


def test_genre_document_roles() -> None:
    found = _roles(extract(GENRE, *RULES))
    assert ("安徽合肥新型显示集群", "合肥工业大学", "host") in found
    assert ("湖南长沙、株洲、湘潭工程机械集群", "湖南省工程机械行业协会", "founder") in found
    assert ("江西赣州稀土新材料集群", "赣州章贡稀土永磁有限公司", "member") in found


# -- coordinated names, passive founding, relative-clause subjects ----------------------------

CERAMICS = "山东淄博陶瓷集群"
GOVERNANCE = (
    "二、探索实践\n\n（五）完善集群治理机制\n\n案例一：山东淄博陶瓷集群\n\n"
    "淄博市陶瓷产业促进中心（以下简称“促进中心”）和淄博市陶瓷行业协会共同作为集群发展促进机构。"
    "促进中心由淄博市人民政府、淄博市陶瓷行业协会和 6 家龙头企业共同发起设立。"
    "瓷都实业有限公司、窑光瓷业有限公司等龙头企业，以及鲁中釉料有限公司等配套企业均为协会会员。"
    "总部位于淄博的窑光瓷业在潍坊投资 5 亿元，建设窑光智能窑炉产业园。"
    "鲁中釉料担任协会副会长单位，与山东理工大学共建淄博陶瓷新材料研究院。"
    "淄博市工业和信息化局与淄博市财政局建立陶瓷产业协同发展工作机制。\n"
)


@pytest.fixture(scope="module")
def governance_ctx() -> ExtractionContext:
    return extract(GOVERNANCE, *RULES)


def test_coordinated_names_share_what_follows(governance_ctx: ExtractionContext) -> None:
    found = _roles(governance_ctx)
    # "X和Y共同作为…促进机构": both agencies, and Y is no partner of X
    assert (CERAMICS, "淄博市陶瓷产业促进中心", "agency") in found
    assert (CERAMICS, "淄博市陶瓷行业协会", "agency") in found
    assert (CERAMICS, "淄博市陶瓷行业协会", "partner") not in found
    # "A、B等龙头企业，以及C等配套企业均为协会会员": all three are members
    for name in ("瓷都实业有限公司", "窑光瓷业有限公司", "鲁中釉料有限公司"):
        assert (CERAMICS, name, "member") in found


def test_passive_founding(governance_ctx: ExtractionContext) -> None:
    # "促进中心由X、Y和 6 家龙头企业共同发起设立": X and Y found the centre
    for name in ("淄博市人民政府", "淄博市陶瓷行业协会"):
        assert _objects(governance_ctx, CERAMICS, name, "founder") == {"淄博市陶瓷产业促进中心"}


def test_subject_after_relative_clause_and_continued_clauses(
    governance_ctx: ExtractionContext,
) -> None:
    # "总部位于淄博的X在潍坊投资…，建设Y": X is the subject
    assert _objects(governance_ctx, CERAMICS, "窑光瓷业有限公司", "founder") == {
        "窑光智能窑炉产业园"
    }
    # "X担任…，与Z共建W": the 与-clause goes on with X; an institute can be founded
    assert _objects(governance_ctx, CERAMICS, "鲁中釉料有限公司", "founder") == {
        "淄博陶瓷新材料研究院"
    }
    assert (CERAMICS, "山东理工大学", "partner") in _roles(governance_ctx)


def test_with_phrase_of_another_verb_is_no_partnership(governance_ctx: ExtractionContext) -> None:
    # "X与Y建立…协同发展工作机制": 建立 governs the 与-phrase, not a co-operation verb
    found = _roles(governance_ctx)
    assert not any(name == "淄博市财政局" for _, name, _ in found)


def test_members_of_a_list_without_category_and_a_university_as_founder() -> None:
    raw = (
        "二、探索实践\n\n（一）协同创新\n\n案例一：江苏常州储能集群\n\n"
        "一是组建常州储能产业联盟，天目储能科技有限公司、金坛材料、溧阳电驱等均为联盟会员。"
        "二是支持江苏理工学院建设龙城储能产业学院，每年培养人才约500人。\n"
    )
    found = _roles(extract(raw, *RULES))
    cluster = "江苏常州储能集群"
    for member in ("天目储能科技有限公司", "金坛材料", "溧阳电驱"):
        assert (cluster, member, "member") in found
    # an industry college (a University by its suffix) is set up by the university
    assert (cluster, "江苏理工学院", "founder") in found


def test_a_list_joined_by_yiji_shares_the_lead_and_a_repeated_name_founds() -> None:
    raw = (
        "二、探索实践\n\n（一）协同创新\n\n案例一：湖北武汉光电子信息集群\n\n"
        "武汉集聚了鸠兹光电、江城激光等龙头企业。一是光谷促进中心牵头，联合华中科技大学、武汉大学，"
        "以及楚天光纤股份有限公司、江城激光等龙头企业，组建光谷光电子创新联盟。二是由鸠兹光电牵头，"
        "联合武汉理工大学建设光谷激光检测平台。\n"
    )
    found = _roles(extract(raw, *RULES))
    cluster = "湖北武汉光电子信息集群"
    # ",以及D、E等龙头企业" is still governed by 联合: partners, and the subject founds the alliance
    assert (cluster, "楚天光纤股份有限公司", "partner") in found
    assert (cluster, "江城激光", "partner") in found
    assert (cluster, "光谷促进中心", "founder") in found
    # a bare name of an earlier list, again after 由: it founds the platform
    assert (cluster, "鸠兹光电", "founder") in found
