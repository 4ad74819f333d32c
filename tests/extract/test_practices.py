"""Practices rule: documents (linked to table rows), counts and programmes per place paragraph."""

from __future__ import annotations

from rdflib import Graph, Literal, URIRef
from rdflib import namespace as ns

from clustergraph.extract import policy_table, practices
from clustergraph.graph.namespaces import CG, DCTERMS, QB, SKOS
from tests.conftest import GENRE
from tests.extract._helpers import ID, extract
from tests.extract._helpers import zh_label as _label

#: the rules, in order, that the fixtures of conftest.py run (on FIXTURE and on the white paper)
RULES = (policy_table, practices)
FIXTURE = "part1_practices.txt"


def _programmes(graph: Graph) -> dict[str, URIRef]:
    return {_label(graph, p): p for p in graph.subjects(ns.RDF.type, CG.Programme)}


def _counts(graph: Graph) -> list[tuple[str, int, str]]:
    return sorted(
        (
            str(graph.value(q, CG.refRegion)).rsplit("/", 1)[1],
            int(float(graph.value(q, CG.value))),
            str(graph.value(q, CG.measuredThing)),
        )
        for q in graph.subjects(ns.RDF.type, CG.Quantity)
    )


def test_fixture_documents_link_to_table_rows(fixture_graph: Graph) -> None:
    graph = fixture_graph
    jiangsu = URIRef(ID + "eli/cn-32/szf/2018/86")
    assert (
        jiangsu,
        SKOS.altLabel,
        Literal("关于加快培育先进制造业集群的指导意见", lang="zh"),
    ) in graph
    zhejiang = next(
        d for d in graph.subjects(ns.RDF.type, CG.PolicyDocument) if "浙江省" in _label(graph, d)
    )
    assert (zhejiang, SKOS.altLabel, Literal("培育先进制造业集群行动计划", lang="zh")) in graph
    assert len(set(graph.subjects(ns.RDF.type, CG.PolicyDocument))) == 2  # no duplicates
    assert str(graph.value(jiangsu, DCTERMS.date)) == "2018"
    assert len(set(graph.objects(jiangsu, CG.evidence))) >= 3  # cell, row and the practice sentence


def test_fixture_counts_with_region(fixture_graph: Graph) -> None:
    counts = _counts(fixture_graph)
    assert ("320000", 13, "先进制造业集群") in counts
    assert ("320000", 51, "各类政策文件") in counts
    quantity = next(fixture_graph.subjects(ns.RDF.type, CG.Quantity))
    assert fixture_graph.value(quantity, QB.dataSet) == URIRef(ID + "dataset/quantities")
    assert fixture_graph.value(quantity, CG.refCluster) is None


def test_fixture_programmes(fixture_graph: Graph) -> None:
    graph = fixture_graph
    programmes = _programmes(graph)
    assert {
        "“百企引航、千企升级”计划",
        "“415”先进制造业集群建设体系",
        "“凤凰行动”计划",
        "雄鹰企业",
        "三大工程",
        "强核工程",
        "立柱工程",
        "培土工程",
    } == set(programmes)
    umbrella = programmes["三大工程"]
    parts = sorted(_label(graph, p) for p in graph.subjects(CG.partOfProgramme, umbrella))
    assert parts == ["培土工程", "强核工程", "立柱工程"]
    phoenix = programmes["“凤凰行动”计划"]
    assert (phoenix, SKOS.altLabel, Literal("凤凰行动", lang="zh")) in graph
    assert graph.value(phoenix, CG.jurisdiction) == URIRef(ID + "region/330000")
    assert graph.value(phoenix, CG.policyLevel) == CG.ProvincialLevel
    assert graph.value(phoenix, CG.evidence) is not None


def test_white_paper_practices(paper_graph: Graph) -> None:
    graph = paper_graph
    documents = [
        d for d in graph.subjects(ns.RDF.type, CG.PolicyDocument) if (d, CG.hasTier, None) in graph
    ]
    assert len(documents) == 9  # the four practice documents are table rows, not new nodes
    guangdong = URIRef(ID + "eli/cn-44/yfh/2020/82")
    assert graph.value(guangdong, DCTERMS.date) == Literal("2020-05", datatype=ns.XSD.gYearMonth)
    hunan = next(
        d for d in documents if (d, CG.jurisdiction, URIRef(ID + "region/430000")) in graph
    )
    alt = {str(a) for a in graph.objects(hunan, SKOS.altLabel)}
    assert "提升工业新兴优势产业链现代化水平的若干意见" in alt
    counts = _counts(graph)
    for expected in [
        ("320000", 13, "先进制造业集群"),
        ("320000", 51, "各类政策文件"),
        ("440000", 20, "战略性新兴产业集群行动计划"),
        ("430000", 17, "产业基础好、有较强竞争力和影响力的产业集群"),
    ]:
        assert expected in counts
    programmes = set(_programmes(graph))
    for name in [
        "“百企引航、千企升级”计划",
        "“凤凰行动”计划",
        "雄鹰企业",
        "雏鹰行动",
        "“415”先进制造业集群建设体系",
        "“3+3+2”的先进制造业集群体系",
        "六大工程",
    ]:
        assert name in programmes
    assert not any("链主" in name for name in programmes)


def test_genre_practices() -> None:
    graph = extract(GENRE, *RULES).writer.graph
    assert "“2+6+N”产业集群体系" in set(_programmes(graph))
    counts = _counts(graph)
    assert ("340000", 3, "世界级集群") in counts and ("340000", 5, "培育性集群") in counts
