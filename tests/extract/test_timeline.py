"""Timeline rule: dated numbered items → cg:Policy with date, label, issuer, key phrase."""

from __future__ import annotations

import pytest
from rdflib import Literal, URIRef
from rdflib import namespace as ns

from clustergraph.extract import timeline
from clustergraph.extract.context import ExtractionContext
from clustergraph.graph.namespaces import CG, DCTERMS, ELI, OA
from tests.conftest import GENRE
from tests.extract._helpers import ID, extract
from tests.extract._helpers import zh_label as _zh

#: the rules, in order, that the fixtures of conftest.py run (on FIXTURE and on the white paper)
RULES = (timeline,)
FIXTURE = "part1_timeline.txt"


def _items(ctx: ExtractionContext) -> dict[int, URIRef]:
    graph = ctx.writer.graph
    return {
        int(graph.value(node, CG.timelineOrdinal)): node
        for node in graph.subjects(CG.timelineOrdinal, None)
    }


def test_fixture_items_dates_and_labels(fixture_ctx: ExtractionContext) -> None:
    graph = fixture_ctx.writer.graph
    items = _items(fixture_ctx)
    assert sorted(items) == [1, 2, 3, 4]
    assert graph.value(items[1], DCTERMS.date) == Literal("2019-03", datatype=ns.XSD.gYearMonth)
    assert graph.value(items[3], DCTERMS.date) == Literal("2020-01-08", datatype=ns.XSD.date)
    assert _zh(graph, items[1]) == "政府工作报告"
    assert _zh(graph, items[2]) == "中央财经委员会会议"
    assert _zh(graph, items[3]) == "国务院常务会议"
    assert _zh(graph, items[4]).startswith("中华人民共和国国民经济和社会发展第十四个五年规划")
    assert str(items[1]) == ID + "policy/2019-03-zheng-fu-gong-zuo-bao-gao"


def test_fixture_issuers_speakers_and_documents(fixture_ctx: ExtractionContext) -> None:
    graph = fixture_ctx.writer.graph
    items = _items(fixture_ctx)
    issuer = {n: graph.value(items[n], CG.issuer) for n in items}
    assert _zh(graph, issuer[1]) == "国务院"  # 国务院《政府工作报告》
    assert _zh(graph, issuer[2]) == "中央财经委员会"  # X委员会会议
    assert _zh(graph, issuer[3]) == "国务院"  # 李克强总理在国务院常务会议上
    assert issuer[4] is None  # adopted by a session, no body named
    assert (issuer[1], ns.RDF.type, CG.GovernmentBody) in graph
    assert graph.value(items[3], CG.speaker) == Literal("李克强总理", lang="zh")
    assert (items[1], ns.RDF.type, CG.PolicyDocument) in graph
    assert graph.value(items[1], ELI.type_document) == CG.ReportDocumentType
    assert (items[2], ns.RDF.type, CG.PolicyDocument) not in graph


def test_fixture_key_phrases_and_level(fixture_ctx: ExtractionContext) -> None:
    graph = fixture_ctx.writer.graph
    items = _items(fixture_ctx)
    assert _zh(graph, items[1], CG.keyPhrase) == "培育先进制造业集群"  # quotation unwrapped
    assert _zh(graph, items[2], CG.keyPhrase) == "推动形成优势互补的区域经济布局"  # clause after 要
    assert all(graph.value(node, CG.policyLevel) == CG.CentralLevel for node in items.values())


def test_evidence_is_the_item_across_a_page_break(fixture_ctx: ExtractionContext) -> None:
    writer = fixture_ctx.writer
    node = _items(fixture_ctx)[4]
    evidence = writer.graph.value(node, CG.evidence)
    exact = [
        writer.graph.value(s, OA.exact) for s in writer.graph.objects(evidence, OA.hasSelector)
    ]
    quote = next(str(q) for q in exact if q is not None)
    assert quote.startswith("4. 2021年3月") and quote.endswith("置。")


def test_white_paper_six_dated_items(paper: ExtractionContext) -> None:
    graph = paper.writer.graph
    items = _items(paper)
    assert sorted(items) == [1, 2, 3, 4, 5, 6]
    dates = [str(graph.value(items[n], DCTERMS.date)) for n in sorted(items)]
    assert dates == ["2017-10", "2018-12", "2019-05", "2019-12", "2020-10", "2020-11"]
    labels = [_zh(graph, items[n]) for n in sorted(items)]
    assert labels[:4] == [
        "党的十九大报告",
        "中央经济工作会议",
        "中央政治局会议",
        "中央经济工作会议",
    ]
    assert labels[4].startswith("中共中央关于制定国民经济和社会发展第十四个五年规划")
    assert labels[5] == "浦东开发开放30周年庆祝大会和全面推动长江经济带发展座谈会"
    assert _zh(graph, graph.value(items[3], CG.issuer)) == "中央政治局"
    assert _zh(graph, graph.value(items[5], CG.issuer)) == "中共中央"
    assert graph.value(items[1], CG.issuer) is None
    assert graph.value(items[6], CG.speaker) == Literal("习近平总书记", lang="zh")
    assert (
        _zh(graph, items[1], CG.keyPhrase)
        == "促进我国产业迈向全球价值链中高端，培育若干世界级先进制造业集群"
    )
    assert _zh(graph, items[5], CG.keyPhrase).startswith("推动先进制造业集群发展，构建一批")


def test_genre_document_items() -> None:
    ctx = extract(GENRE, timeline)
    graph = ctx.writer.graph
    items = _items(ctx)
    assert sorted(items) == [1, 2, 3, 4]
    assert _zh(graph, items[4]) == "政府工作报告"
    assert _zh(graph, graph.value(items[4], CG.issuer)) == "国务院"


CHAPTERED_TIMELINE = (
    "第一章　政策脉络\n\n第一节　中央部署\n\n"
    "1）2022年10月，党的二十大报告提出，要推动战略性新兴产业融合集群发展。\n\n"
    "2）2023年2月14日，国务院常务会议强调，要加快培育先进制造业集群。\n\n"
    "第二节　地方部署\n\n"
    "①2023年5月，某省人民政府印发《关于培育先进制造业集群的意见》，提出打造 5 个集群。\n\n"
    "②2023年8月，某省集群推进大会提出，要壮大集群。\n\n"
    "第三节　案例\n\n1）建立协同机制。由市经信局牵头建立推进机制。\n\n"
    "正文提到 3）2021年4月 的计划。\n"
)


def test_right_paren_and_circled_items_with_a_day() -> None:
    ctx = extract(CHAPTERED_TIMELINE, timeline)
    graph = ctx.writer.graph
    found = sorted(
        (
            str(graph.value(node, DCTERMS.date)),
            int(graph.value(node, CG.timelineOrdinal)),
            _zh(graph, node),
        )
        for node in graph.subjects(CG.timelineOrdinal, None)
    )
    # "1）建立协同机制" has no date and "3）2021年4月" does not open a line: no policies
    assert found == [
        ("2022-10", 1, "党的二十大报告"),
        ("2023-02-14", 2, "国务院常务会议"),
        ("2023-05", 1, "关于培育先进制造业集群的意见"),
        ("2023-08", 2, "某省集群推进大会"),
    ]


@pytest.mark.parametrize(
    ("title", "kind"),
    [
        ("江西省制造业高质量发展三年行动计划（2021—2023年）", "计划"),  # full-width, as printed
        ("江西省制造业高质量发展三年行动计划(2021—2023年)", "计划"),
        ("《关于加快培育先进制造业集群的指导意见》", "意见"),
        ("某市集群培育工作方案（试行）。", "方案"),
        ("某市集群发展大会", None),
    ],
)
def test_document_type_ignores_a_closing_parenthetical(title: str, kind: str | None) -> None:
    assert timeline.document_type(title) == kind


DASHED_TIMELINE = (
    "某省集群政策的演进\n——基于政策文本的分析\n\n"
    "1 中央部署\n\n主要节点如下：\n\n"
    "——2018年4月，中央财经委员会会议提出“推动形成优势互补的区域经济布局”。\n\n"
    "—2019年3月，国务院《政府工作报告》提出“培育先进制造业集群”。\n\n"
    "－－2020年1月8日，国务院常务会议强调，要加快培育先进制造业集群。\n\n"
    "此外，有关部门也作出了部署。\n\n"
    "2 地方部署\n\n"
    "——2021年5月，某省集群推进大会提出，要壮大集群。\n\n"
    "这是一段正文。\n\n"
    "——2022年6月，某市集群大会提出，要培育集群。\n\n"
    "正文中的部署——2023年2月，某县会议提出要发展集群。\n"
)


def test_dashed_paragraphs_in_a_run_are_timeline_items() -> None:
    ctx = extract(DASHED_TIMELINE, timeline)
    graph = ctx.writer.graph
    found = sorted(
        (
            str(graph.value(node, DCTERMS.date)),
            int(graph.value(node, CG.timelineOrdinal)),
            _zh(graph, node),
        )
        for node in graph.subjects(CG.timelineOrdinal, None)
    )
    # "——", "—" and "－－" (NFKC "--") each open an item; ordinals count within the run
    assert found == [
        ("2018-04", 1, "中央财经委员会会议"),
        ("2019-03", 2, "政府工作报告"),
        ("2020-01-08", 3, "国务院常务会议"),
    ]
    items = _items(ctx)
    assert _zh(graph, graph.value(items[2], CG.issuer)) == "国务院"
    assert _zh(graph, items[1], CG.keyPhrase) == "推动形成优势互补的区域经济布局"


def test_dashes_without_a_run_or_a_date_are_not_items() -> None:
    # the dashed subtitle has no date; the 2021-05 and 2022-06 paragraphs are each alone (a plain
    # paragraph stands between them); "——2023年2月" does not open a paragraph
    raw = DASHED_TIMELINE.split("2 地方部署")[1]
    assert timeline.find_items(extract(raw).doc.clean.clean) == []
    assert [
        item.year for item in timeline.find_items(extract(DASHED_TIMELINE).doc.clean.clean)
    ] == [
        2018,
        2019,
        2020,
    ]


BULLETED_TIMELINE = (
    "【政策速递】中央部署回顾\n\n"
    "▲2018年4月，中央财经委员会会议提出“推动形成优势互补的区域经济布局”。这是重要部署。\n\n"
    "▲2019年3月，国务院《政府工作报告》提出“培育先进制造业集群”。\n\n"
    "● 2020年1月8日，国务院常务会议强调，要加快培育先进制造业集群。\n\n"
    "• 2021年5月，某省集群推进大会提出，要壮大集群。\n\n"
    "从上述部署看，集群培育逐步深化。\n\n"
    "◆ 2022年6月，某市集群大会提出，要培育集群。\n\n"
    "◆ 某市：某集群打造创新闭环\n\n"
    "■ 2023年2月，某县会议提出要发展集群。\n\n这是一段正文。\n\n■ 2023年5月，某县会议又提出。\n"
)


def test_bulleted_paragraphs_in_a_run_are_timeline_items() -> None:
    found = [
        (item.year, item.month, item.ordinal)
        for item in timeline.find_items(extract(BULLETED_TIMELINE).doc.clean.clean)
    ]
    # ▲▲ is a run of two; ● then • is a run of two only by mixing marks: each mark is its own run
    assert found == [(2018, 4, 1), (2019, 3, 2)]
    ctx = extract(BULLETED_TIMELINE.split("从上述")[0], timeline)
    graph = ctx.writer.graph
    assert sorted(_zh(graph, node) for node in _items(ctx).values()) == [
        "中央财经委员会会议",
        "政府工作报告",
    ]


def test_bullets_without_a_run_or_a_date_are_not_items() -> None:
    # a bulleted headline has no date; a lone dated bullet, and bullets a paragraph apart, are none
    raw = BULLETED_TIMELINE.split("从上述部署看，集群培育逐步深化。")[1]
    assert timeline.find_items(extract(raw).doc.clean.clean) == []
    assert timeline.find_items(extract("● 2020年1月，会议提出要培育集群。\n").doc.clean.clean) == []
