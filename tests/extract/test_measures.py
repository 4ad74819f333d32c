"""Measures rule: each case's 一是/二是 items, and each toolbox section's recommendations."""

from __future__ import annotations

from collections import Counter

import pytest
from rdflib import Graph, URIRef
from rdflib import namespace as ns

from clustergraph.extract import clusters, measures
from clustergraph.extract.context import ExtractionContext
from clustergraph.graph.namespaces import CG, OA
from tests.conftest import GENRE
from tests.extract._helpers import ID, extract, fixture_text
from tests.extract._helpers import zh_label as _label

#: the rules, in order, that the fixtures of conftest.py run (on FIXTURE and on the white paper)
RULES = (clusters, measures)
FIXTURE = "cases_toolbox.txt"


def _quote(graph: Graph, node: URIRef) -> str:
    evidence = graph.value(node, CG.evidence)
    return next(
        str(graph.value(sel, OA.exact))
        for sel in graph.objects(evidence, OA.hasSelector)
        if graph.value(sel, OA.exact) is not None
    )


def _per_cluster(ctx: ExtractionContext) -> dict[str, int]:
    graph = ctx.writer.graph
    counts = Counter(graph.value(m, CG.measureOf) for m in graph.subjects(CG.measureOf, None))
    return {record.label: counts[record.iri] for record in ctx.clusters}


def _recommended(ctx: ExtractionContext) -> list[tuple[str, int, str]]:
    graph = ctx.writer.graph
    return sorted(
        (
            str(graph.value(m, CG.recommendedFor)).rsplit("#", 1)[1],
            int(graph.value(m, CG.ordinal)),
            _label(graph, m),
        )
        for m in graph.subjects(ns.RDF.type, CG.RecommendedMeasure)
    )


# -- small fixture -------------------------------------------------------------------------


def test_fixture_case_measures(fixture_ctx: ExtractionContext) -> None:
    assert _per_cluster(fixture_ctx) == {
        "江苏苏州纳米材料集群": 3,
        "广东广佛肇家具集群": 2,
        "安徽合肥、芜湖新能源汽车集群": 3,  # items ended by ;
        "福建厦门光电集群": 3,
    }


def test_fixture_measure_node(fixture_ctx: ExtractionContext) -> None:
    graph = fixture_ctx.writer.graph
    iri = URIRef(ID + "measure/jiang-su-su-zhou-na-mi-cai-liao-ji-qun/3")
    assert (iri, ns.RDF.type, CG.Measure) in graph
    assert int(graph.value(iri, CG.ordinal)) == 3
    assert graph.value(iri, CG.toolboxCategory) == CG.InnovationToolbox
    assert _label(graph, iri) == "强化平台支撑"
    # evidence is the whole item (with its bold marker as printed), not just the heading
    quote = _quote(graph, iri)
    assert quote.startswith(("三是", "**三是"))
    assert quote.endswith("共建产业技术创新战略联盟。")


def test_fixture_recommended_measures_from_prose(fixture_ctx: ExtractionContext) -> None:
    assert _recommended(fixture_ctx) == [
        ("CrossRegionalToolbox", 1, "要突破集群地理边界和行政边界重合的思维"),
        ("CrossRegionalToolbox", 2, "要鼓励地理相邻的地市间建立跨区域协同发展机制"),
        ("CrossRegionalToolbox", 3, "探索建立跨区域产业联盟和公共服务平台"),
        # what localities do, by what means (各地通过…等方式): a measure even in the perfective
        ("CrossRegionalToolbox", 4, "各地通过联席会议等方式"),
        ("GovernanceToolbox", 1, "应建立由龙头企业和各主要机构成员参与的“第三方”机构"),
        ("InnovationToolbox", 1, "要加强集群企业与高校、科研院所对接合作"),
        ("InnovationToolbox", 2, "引导集群内企业形成信息共享机制"),
    ]
    graph = fixture_ctx.writer.graph
    iri = URIRef(ID + "measure/toolbox-cross-regional/2")
    assert (iri, ns.RDF.type, CG.Measure) in graph
    assert graph.value(iri, CG.measureOf) is None


@pytest.mark.parametrize(
    ("sentence", "recommends"),
    [
        ("要鼓励地理相邻的地市间建立跨区域协同发展机制。", True),
        ("培育发展先进制造业集群应创新以自发治理为主的集群治理机制。", True),
        ("引导集群内企业形成学习交流、信息共享等机制,促进创新要素的自由流动。", True),
        ("构建集群协同创新生态系统,完善技术创新体系是集群发展的重要组成部分。", False),
        ("各地积极发挥产业基础优势,有效增强了产业链上下游紧密协作。", False),
        ("这种产业链不仅提高了集群生产效率,也大大提高了集群竞争力。", False),
        ("推广应用智能制造新模式。", True),
        ("集群治理是集群持续健康发展的制度保障。", False),
        ("飞地园区和联席会议是城市之间协同推进集群发展的重要机制。", False),
        ("越来越多的地方把集群促进职能委托给行业协会承担。", False),
        ("各地积极发挥区位优势,通过共建园区、联合招商等方式,有效增强了上下游协作。", True),
        ("各地通过地方立法等途径明确了促进机构的法律地位。", True),
        ("越来越多的地方通过委托协会等方式承担集群促进职能。", False),
        ("企业通过共建园区等方式增强了协作。", False),
        ("地方在实践中,通过建设行业平台和服务商队伍,带动集群企业上云。", True),
        ("集群治理的核心,是在政府与市场之间培育一个组织者。", False),
        ("推动集群协作的关键在于培育促进机构。", False),
        ("要把培育促进机构作为集群治理的核心。", True),
    ],
    ids=[
        "modal-yao",
        "modal-ying",
        "action",
        "judgement",
        "perfective",
        "perfective-2",
        "action-2",
        "judgement-2",
        "judgement-mechanism",
        "nominal-cujin",
        "local-practice-perfective",
        "local-practice-no-action-word",
        "local-practice-but-trend",
        "practice-not-of-localities",
        "local-practice-tongguo-without-deng",
        "judgement-core-is",
        "judgement-key-lies-in",
        "modal-with-core",
    ],
)
def test_is_recommendation(sentence: str, recommends: bool) -> None:
    assert measures.is_recommendation(sentence) is recommends


LOOSE = (
    "二、探索实践\n\n（二）提升产业链协作水平\n\n案例一：湖南株洲轨道交通装备集群\n\n"
    "株洲轨道交通装备集群以整车为牵引,其经验一是推动本地配套;二是建设检测平台;"
    "三是培养技术工人。\n\n"
    "案例二：湖南长沙工程机械集群\n\n长沙各方对标准的认识统一是前提;二是未列出的句子。\n"
)


def test_enumeration_starting_after_a_lead_word() -> None:
    # "其经验一是…;二是…": 一是 follows a word, the chain goes on after punctuation
    ctx = extract(LOOSE, *RULES)
    assert _per_cluster(ctx) == {"湖南株洲轨道交通装备集群": 3, "湖南长沙工程机械集群": 0}
    graph = ctx.writer.graph
    slug = str(ctx.clusters[0].iri).rsplit("/", 1)[1]
    first = URIRef(f"{ID}measure/{slug}/1")
    assert _label(graph, first) == "推动本地配套"
    assert _quote(graph, first) == "一是推动本地配套;"
    assert _label(graph, URIRef(f"{ID}measure/{slug}/3")) == "培养技术工人"


QI_YI = (
    "一、总体判断\n\n课题组的判断是:其一,集群培育进入新阶段;其二,促进机构作用凸显。\n\n"
    "二、探索实践\n\n（一）强化集群协同创新\n\n"
    "协同创新是集群发展的根本。地方在实践中,通过共建中试平台、联合攻关,带动集群企业上云用数。\n\n"
    "案例一：浙江嘉兴光伏集群\n\n嘉兴光伏集群主要做法有三个方面。\n\n"
    "其一,共建创新平台。联合高校组建研究院。\n\n其二,推进联合攻关。发布攻关榜单 12 项。\n\n"
    "其三,打通成果转化。设立转化基金。\n\n"
    "（二）完善集群治理机制\n\n"
    "集群治理的核心,是培育一个代表集群整体利益的组织者。完善集群治理,一是培育促进机构;"
    "二是建立议事机制。\n\n"
    "案例二：湖南岳阳石化集群\n\n岳阳石化集群做法如下:其一是健全会员制度;其二是搭建服务平台。\n\n"
    "三、对策建议\n\n其一,加强统计监测。建议建立指标体系。\n\n其二,完善促进机构。应明确其法律地位。\n"
)


def test_qi_yi_enumerations_are_case_measures_only_in_cases() -> None:
    # 其一/其二 paragraphs and 其一是…;其二是… items of a case are its measures; the 其一/其二 of
    # part 一 and of the recommendations part (no cases) are none
    ctx = extract(QI_YI, *RULES)
    assert _per_cluster(ctx) == {"浙江嘉兴光伏集群": 3, "湖南岳阳石化集群": 2}
    graph = ctx.writer.graph
    slugs = [str(record.iri).rsplit("/", 1)[1] for record in ctx.clusters]
    assert [_label(graph, URIRef(f"{ID}measure/{slugs[0]}/{k}")) for k in (1, 2, 3)] == [
        "共建创新平台",
        "推进联合攻关",
        "打通成果转化",
    ]
    assert (
        _quote(graph, URIRef(f"{ID}measure/{slugs[0]}/2"))
        == "其二,推进联合攻关。发布攻关榜单 12 项。"
    )
    assert _label(graph, URIRef(f"{ID}measure/{slugs[1]}/2")) == "搭建服务平台"
    # general measures: what localities do (地方在实践中,通过…) and the 一是/二是 items; not the
    # definition "…的核心,是…"
    assert _recommended(ctx) == [
        ("GovernanceToolbox", 1, "培育促进机构"),
        ("GovernanceToolbox", 2, "建立议事机制"),
        ("InnovationToolbox", 1, "通过共建中试平台、联合攻关"),
    ]
    assert len(set(graph.subjects(ns.RDF.type, CG.Measure))) == 8


def test_measure_label_cuts_first_clause() -> None:
    long = "一是" + "国际化" * 20 + ",吸引了企业。"
    assert measures.measure_label(long) == ("国际化" * 20)[:40]
    assert measures.measure_label("二是短句,后文。", "标题") == "标题"


def test_category_slug() -> None:
    assert measures.category_slug(CG.IndustrialChainToolbox) == "industrial-chain"
    assert measures.category_slug(CG.InnovationToolbox) == "innovation"


# -- white paper ---------------------------------------------------------------------------


def test_whitepaper_measures_per_case(paper: ExtractionContext) -> None:
    counts = _per_cluster(paper)
    assert counts["浙江杭州数字安防集群"] == 3
    assert counts["广东深圳广州高性能医疗器械集群"] == 5
    assert counts["浙江绍兴现代纺织集群"] == 4
    assert counts["四川成都市软件和信息服务业集群"] == 4
    assert counts["广东广深佛莞智能装备集群"] == 4
    assert counts["江苏南通、扬州、泰州海工装备和高技术船舶集群"] == 4
    assert sum(counts.values()) == 66
    assert all(count >= 3 for count in counts.values())


def test_whitepaper_labels(paper: ExtractionContext) -> None:
    graph = paper.writer.graph
    shenzhen = next(c for c in paper.clusters if c.label.startswith("广东深圳"))
    slug = str(shenzhen.iri).rsplit("/", 1)[1]
    first = URIRef(f"{ID}measure/{slug}/1")
    # no heading clause: the first clause cut at 40 characters
    assert (
        _label(graph, first)
        == "国际化、市场化、法治化营商环境和发育成熟的市场体系促进了生产要素合理配置、高效流"
    )
    assert _label(graph, URIRef(f"{ID}measure/{slug}/5")) == "产业链和创新链深度融合"
    assert "上下游企业高度集聚" in _quote(graph, first)


def test_whitepaper_recommended_measures(paper: ExtractionContext) -> None:
    found = _recommended(paper)
    categories = Counter(category for category, _, _ in found)
    # the 产业链 introduction tells what localities do (各地……通过……等方式，有效增强了…): one
    # general measure, as the gold guidelines count it
    assert categories["IndustrialChainToolbox"] == 1
    assert categories["CrossRegionalToolbox"] == 4
    assert (
        "GovernanceToolbox",
        1,
        "培育发展先进制造业集群应创新以自发治理为主、公共治理为辅的集群治理机制",
    ) in found


def test_genre_enumerated_introduction() -> None:
    ctx = extract(GENRE, *RULES)
    innovation = [r for r in _recommended(ctx) if r[0] == "InnovationToolbox"]
    assert innovation == [
        ("InnovationToolbox", 1, "建设高水平创新载体"),
        ("InnovationToolbox", 2, "推动产学研用深度融合"),
        ("InnovationToolbox", 3, "完善创新金融支持"),
    ]
    assert sum(_per_cluster(ctx).values()) == 30


# -- other enumerators, chaptered documents ------------------------------------------------------

CHAPTERED = "chapters_enumerators.txt"


@pytest.fixture(scope="module")
def chaptered() -> ExtractionContext:
    return extract(fixture_text(CHAPTERED), *RULES)


def test_case_measures_of_every_enumerator(chaptered: ExtractionContext) -> None:
    # 第一，… (the 首先/其次 of the closing remark is no measure: the case's list came first);
    # ①…③ and 1）2） lines (with run-in heads); 首先/其次/最后 inline
    assert _per_cluster(chaptered) == {
        "江苏无锡物联网集群": 3,
        "浙江台州汽车零部件集群": 3,
        "四川绵阳电子信息集群": 2,
        "山东烟台化工集群": 3,
        "福建泉州纺织鞋服集群": 3,  # 1、基本情况 / 2、主要做法 are sub-headings over 一是…三是
    }
    graph = chaptered.writer.graph
    labels = {
        (str(graph.value(m, CG.measureOf)).rsplit("/", 1)[1], int(graph.value(m, CG.ordinal))): (
            _label(graph, m)
        )
        for m in graph.subjects(CG.measureOf, None)
    }
    slugs = {record.label: str(record.iri).rsplit("/", 1)[1] for record in chaptered.clusters}
    assert labels[(slugs["江苏无锡物联网集群"], 1)] == "建设创新平台"
    assert labels[(slugs["浙江台州汽车零部件集群"], 2)] == "搭建对接平台"
    assert labels[(slugs["四川绵阳电子信息集群"], 1)] == "建立协同机制"
    assert labels[(slugs["山东烟台化工集群"], 3)] == "推动中小企业数字化改造"


def test_numbered_item_evidence_stops_at_its_body(chaptered: ExtractionContext) -> None:
    graph = chaptered.writer.graph
    slug = next(str(r.iri).rsplit("/", 1)[1] for r in chaptered.clusters if "绵阳" in r.label)
    quote = _quote(graph, URIRef(f"{ID}measure/{slug}/2"))
    assert quote == "2）组建产业联盟。组建绵阳电子信息产业联盟。"  # not the 值得注意的是 remark
    slug = next(str(r.iri).rsplit("/", 1)[1] for r in chaptered.clusters if "台州" in r.label)
    assert _quote(graph, URIRef(f"{ID}measure/{slug}/3")) == "③开展联合攻关。联合高校攻克关键部件。"
    assert graph.value(URIRef(f"{ID}measure/{slug}/3"), CG.toolboxCategory) == (
        CG.IndustrialChainToolbox
    )


def test_general_measures_of_chaptered_toolbox_sections(chaptered: ExtractionContext) -> None:
    # 一、 sections inside 第二章 are the toolbox sections; the 一是/二是 of 第一章 and the advice of
    # 第三章 are outside them; trend sentences (越来越多…, 普遍…) are no measures
    assert _recommended(chaptered) == [
        ("DigitalizationToolbox", 1, "应推动集群企业上云用数"),
        ("IndustrialChainToolbox", 1, "推动集群配套能力提升"),
        ("InnovationToolbox", 1, "要建设共性技术平台"),
        ("InnovationToolbox", 2, "要引导企业联合攻关"),
    ]


@pytest.mark.parametrize(
    "sentence",
    [
        "越来越多的集群将人才引进作为协同创新的重要抓手。",
        "领先集群普遍以链主企业为核心构建本地配套体系。",
        "多数城市纷纷建立集群推进机制。",
    ],
    ids=["yuelaiyueduo", "pubian", "fenfen"],
)
def test_trend_sentences_are_no_recommendation(sentence: str) -> None:
    assert measures.is_recommendation(sentence) is False
    assert measures.is_recommendation("要" + sentence) is True  # a modal still advises


# -- enumerators of academic-journal house styles ----------------------------------------------

JOURNAL = (
    "一、总体判断\n\n课题组认为：一要稳定政策预期；二要加强统计监测。\n\n"
    "二、探索实践\n\n（一）强化集群协同创新\n\n"
    "协同创新是集群发展的根本。一要共建研发机构，开展联合攻关；二要完善中试服务。"
    "从实践看，领先集群大多已形成协同模式。\n\n"
    "案例一：浙江嘉兴光伏集群\n\n嘉兴光伏集群主要做法包括：(a)共建创新平台。联合高校组建研究院。"
    "(b)推进联合攻关。发布攻关榜单12项。(c)打通成果转化。设立转化基金。"
    "2021年，集群营业收入增长20%。\n\n"
    "案例二：湖北襄阳汽车集群\n\n襄阳汽车集群以整车为牵引。第１，建设检测平台。联合高校建设。"
    "第２，培育配套企业。此外，集群还举办了对接会。\n\n"
    "（二）提升产业链协作水平\n\n"
    "产业链协作是集群的重要特征。\n\n"
    "案例三：江西九江石化集群\n\n在产业链协作方面，集群一方面引进下游项目，带动配套企业；"
    "另一方面建设专业园区。此外，集群依托研究院开展共性技术研发。2021年，集群营业收入增长15%。\n\n"
    "案例四：安徽滁州家电集群\n\n滁州家电集群的主要做法如下。一则强化整机带动。发挥龙头企业作用。\n\n"
    "二则打造配套园区。三则补齐关键环节。\n\n"
    "三、对策建议\n\n一要完善统计；二要加强评估。\n"
)


def test_journal_enumerators_are_case_measures() -> None:
    # (a)…(c); full-width 第１/第２ (此外 adds nothing to a 第 list); 一方面 right after the subject
    # 集群, 另一方面, and 此外 as the third; 一则…三则 going on in the next paragraph
    ctx = extract(JOURNAL, *RULES)
    assert _per_cluster(ctx) == {
        "浙江嘉兴光伏集群": 3,
        "湖北襄阳汽车集群": 2,
        "江西九江石化集群": 3,
        "安徽滁州家电集群": 3,
    }
    graph = ctx.writer.graph
    slugs = [str(record.iri).rsplit("/", 1)[1] for record in ctx.clusters]

    def label(case: int, ordinal: int) -> str:
        return _label(graph, URIRef(f"{ID}measure/{slugs[case]}/{ordinal}"))

    assert [label(0, k) for k in (1, 2, 3)] == ["共建创新平台", "推进联合攻关", "打通成果转化"]
    assert (
        _quote(graph, URIRef(f"{ID}measure/{slugs[0]}/1"))
        == "(a)共建创新平台。联合高校组建研究院。"
    )
    assert [label(1, k) for k in (1, 2)] == ["建设检测平台", "培育配套企业"]
    assert (
        _quote(graph, URIRef(f"{ID}measure/{slugs[1]}/1")) == "第１，建设检测平台。联合高校建设。"
    )
    assert [label(2, k) for k in (1, 2, 3)] == [
        "引进下游项目",
        "建设专业园区",
        "集群依托研究院开展共性技术研发",
    ]
    assert [label(3, k) for k in (1, 2, 3)] == ["强化整机带动", "打造配套园区", "补齐关键环节"]


def test_journal_yi_yao_introduction_is_general_measures() -> None:
    # 一要…;二要… of a toolbox introduction: one general measure each; the trend sentence and the
    # definition are none, nor are the 一要/二要 of part 一 and of the recommendations part
    ctx = extract(JOURNAL, *RULES)
    assert _recommended(ctx) == [
        ("InnovationToolbox", 1, "共建研发机构"),
        ("InnovationToolbox", 2, "完善中试服务"),
    ]


def test_loose_yi_fangmian_needs_its_other_side() -> None:
    raw = (
        "二、探索实践\n\n（二）提升产业链协作水平\n\n"
        "案例一：江西九江石化集群\n\n集群一方面引进下游项目。此外，集群建设园区。\n\n"
        "案例二：安徽滁州家电集群\n\n集群在这一方面做得较好；另一方面，仍有不足。此外，还需努力。\n"
    )
    ctx = extract(raw, *RULES)
    assert _per_cluster(ctx) == {"江西九江石化集群": 0, "安徽滁州家电集群": 0}


GLYPHS = (
    "二、探索实践\n\n（一）提升产业链协作水平\n\n"
    "案例一：湖南某市轨道装备集群\n\n集群主要举措如下：\n\n"
    "→建立工作机制。由市领导担任链长。\n\n→引育配套企业。引进企业 23 家。\n\n"
    "通过双链协同,本地化程度明显提高。\n\n"
    "案例二：福建某市锂电集群\n\n集群做法如下。\n\n㈠强化龙头带动。签订协议。\n\n"
    "㈡建设专业园区。布局项目 31 个。\n\n㈢打通循环环节。\n\n目前,集群已形成完整产业链。\n\n"
    "案例三：福建某市鞋服集群\n\n集群加快数字化转型。\n\n**措施一：**建设工业互联网平台。接入设备。"
    "\n\n**措施二：**推广数字化改造。\n\n经过两年推进,研发周期缩短。\n\n"
    "案例四：湖南某市工程机械集群\n\n→集群规模持续扩大。\n\n采取的措施一律公开。\n"
)


def test_glyph_arrow_and_label_enumerations_are_case_measures() -> None:
    # ㈠㈡㈢, paragraphs opening with →, and **措施一：** labels enumerate a case's measures; the
    # closing result paragraphs are none, a lone → paragraph and 措施一律 are no list
    ctx = extract(GLYPHS, *RULES)
    assert _per_cluster(ctx) == {
        "湖南某市轨道装备集群": 2,
        "福建某市锂电集群": 3,
        "福建某市鞋服集群": 2,
        "湖南某市工程机械集群": 0,
    }
    graph = ctx.writer.graph
    slugs = [str(record.iri).rsplit("/", 1)[1] for record in ctx.clusters]
    assert [_label(graph, URIRef(f"{ID}measure/{slugs[1]}/{k}")) for k in (1, 2, 3)] == [
        "强化龙头带动",
        "建设专业园区",
        "打通循环环节",
    ]
    assert _label(graph, URIRef(f"{ID}measure/{slugs[0]}/2")) == "引育配套企业"
    assert _quote(graph, URIRef(f"{ID}measure/{slugs[2]}/1")).startswith("措施一：**建设工业")
    assert measures.measure_label("措施二:" + "推广" * 30) == ("推广" * 30)[:40]
    assert measures.measure_label("㈡建设园区,布局项目") == "建设园区"
    assert measures.measure_label("→引育企业,引进") == "引育企业"
