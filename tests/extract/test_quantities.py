"""Quantities rule: figures in case studies with unit, qualifier, measured thing and cluster."""

from __future__ import annotations

from decimal import Decimal

from rdflib import Graph, Literal, URIRef
from rdflib.namespace import RDFS

from clustergraph.extract import clusters, quantities
from clustergraph.extract.context import ExtractionContext
from clustergraph.extract.quantities import DATASET, find_quantities, measured_thing
from clustergraph.graph.namespaces import CG, OA, QB, RDF
from tests.conftest import GENRE
from tests.extract._helpers import extract, fixture_text

#: the rules, in order, that the fixtures of conftest.py run (on FIXTURE and on the white paper)
RULES = (clusters, quantities)
FIXTURE = "qlq_quantities.txt"
Row = tuple[str, Decimal, str, str, str | None, str]


def _rows(ctx: ExtractionContext) -> list[Row]:
    """(surface, value, unit, qualifier, thing, cluster label) in text order."""
    graph = ctx.writer.graph
    rows = []
    for obs in graph.subjects(RDF.type, CG.Quantity):
        start, end = map(int, str(obs).rsplit("/", 1)[1].split("-"))
        cluster = graph.value(obs, CG.refCluster)
        label = next((str(x) for x in graph.objects(cluster, RDFS.label) if x.language == "zh"), "")
        thing = graph.value(obs, CG.measuredThing)
        rows.append(
            (
                ctx.writer.raw[start:end],
                Decimal(str(graph.value(obs, CG.value))),
                str(graph.value(obs, CG.unit)),
                str(graph.value(obs, CG.qualifier)).rsplit("#", 1)[1],
                None if thing is None else str(thing),
                label,
                start,
            )
        )
    return [row[:6] for row in sorted(rows, key=lambda r: r[6])]


def test_fixture_figures(fixture_ctx: ExtractionContext) -> None:
    rows = [(s, v, u, q, t) for s, v, u, q, t, _ in _rows(fixture_ctx)]
    assert rows == [
        ("近1.5万家", Decimal("1.5"), "万家", "Approximately", "纳米材料企业"),
        ("860 余家", Decimal(860), "家", "MoreThan", "规模以上企业"),
        ("约 1200 亿元", Decimal(1200), "亿元", "Approximately", "产值"),
        ("30 亿元", Decimal(30), "亿元", "Exact", "纳米产业投资基金总规模"),
        ("45 项", Decimal(45), "项", "Exact", "关键技术"),
        ("6.5%", Decimal("6.5"), "%", "Exact", "企业研发投入占营业收入"),
        ("连续 5 年", Decimal(5), "年", "Exact", "举办纳米创新大会"),
        ("约 300 人", Decimal(300), "人", "Approximately", "高层次人才"),
        ("上千家", Decimal(1000), "家", "AtLeast", "配套企业"),
        ("两个", Decimal(2), "个", "Exact", "园区"),
        ("20%", Decimal(20), "%", "Exact", "本地配套率"),
        ("35%", Decimal(35), "%", "Exact", "本地配套率"),
        ("三分之一", Decimal("33.33"), "%", "Exact", "产品占全国市场"),
        ("不足 5 天", Decimal(5), "天", "LessThan", "供货周期"),
        ("12 家", Decimal(12), "家", "Exact", "第一批示范企业"),
    ]


def test_fixture_observation_shape(fixture_ctx: ExtractionContext) -> None:
    graph = fixture_ctx.writer.graph
    assert (DATASET, RDF.type, QB.DataSet) in graph
    assert (DATASET, QB.structure, CG.QuantityStructure) in graph
    cluster = fixture_ctx.clusters[0].iri
    for obs in graph.subjects(RDF.type, CG.Quantity):
        assert (obs, RDF.type, QB.Observation) in graph
        assert (obs, QB.dataSet, DATASET) in graph
        assert graph.value(obs, CG.refCluster) == cluster
        assert graph.value(obs, CG.unit).language == "zh"
        evidence = graph.value(obs, CG.evidence)
        quote = next(
            graph.value(s, OA.exact)
            for s in graph.objects(evidence, OA.hasSelector)
            if graph.value(s, OA.exact) is not None
        )
        start, end = map(int, str(obs).rsplit("/", 1)[1].split("-"))
        # the evidence is the clause, and the clause contains the figure
        assert fixture_ctx.writer.raw[start:end] in str(quote)
        assert not any(mark in str(quote) for mark in ",;。,;")
    normalised = [
        (graph.value(o, CG.normalizedValue), graph.value(o, CG.normalizedUnit))
        for o in graph.subjects(CG.unit, Literal("万家", lang="zh"))
    ]
    assert [(Decimal(str(v)), str(u)) for v, u in normalised] == [(Decimal(15000), "家")]


def test_measured_thing_patterns() -> None:
    assert measured_thing("每年投入集群发展资金 10 亿元", (10, 15)) == "集群发展资金"
    clause = "联合龙头企业设立总规模为 10 亿元的产业投资基金"
    start = clause.index("10")
    assert measured_thing(clause, (start, start + 5)) == "产业投资基金总规模"
    clause = "碳纤维复合材料织物全球市占率达 30%"
    assert (
        measured_thing(clause, (clause.index("30"), len(clause))) == "碳纤维复合材料织物全球市占率"
    )
    clause = "集聚了 1300 多家零部件企业"
    assert measured_thing(clause, (4, 11)) == "零部件企业"
    clause = "完成 17 家企业开展试点"
    assert measured_thing(clause, (3, 7)) == "企业"


def test_count_of_the_texts_own_items_is_no_figure() -> None:
    # "经验主要有两个方面:一是…": the count announces the enumeration that follows
    text = "集群的经验主要有两个方面:一是引进配套企业 12 家;二是建成标准厂房 3 万平方米。"
    facts = find_quantities(text)
    assert [(str(f.number.value), f.number.unit) for f in facts] == [
        ("12", "家"),
        ("3", "万平方米"),
    ]


def test_white_paper_key_figures(paper: ExtractionContext) -> None:
    rows = _rows(paper)
    by_surface = {row[0]: row for row in rows}
    expected = {
        "上万家": (
            Decimal(1),
            "万家",
            "AtLeast",
            "医疗器械流通企业",
            "广东深圳广州高性能医疗器械集群",
        ),
        "近7万家": (
            Decimal(7),
            "万家",
            "Approximately",
            "纺织企业及家庭工业单位",
            "浙江绍兴现代纺织集群",
        ),
        "1300 多家": (
            Decimal(1300),
            "家",
            "MoreThan",
            "零部件企业",
            "湖北武汉节能与新能源智能网联汽车集群",
        ),
        "15.8 亿美元": (Decimal("15.8"), "亿美元", "Exact", None, None),
        "30%": (
            Decimal(30),
            "%",
            "Exact",
            "碳纤维复合材料织物全球市占率",
            "江苏常州新型碳材料集群",
        ),
        "60%以上": (Decimal(60), "%", "MoreThan", "集群内本地配套率", "山东潍坊动力装备集群"),
        "58.2%": (Decimal("58.2"), "%", "Exact", "集群重点企业机联网率", "浙江金华现代五金集群"),
        "2858家": (Decimal(2858), "家", "Exact", "规模以上纺织及相关企业", "浙江绍兴现代纺织集群"),
    }
    for surface, (value, unit, qualifier, thing, cluster) in expected.items():
        row = by_surface[surface]
        assert row[1:4] == (value, unit, qualifier), row
        if thing is not None:
            assert row[4] == thing, row
        if cluster is not None:
            assert row[5] == cluster, row
    investment = by_surface["15.8 亿美元"]
    assert investment[5].startswith("泰州市、连云港市、无锡市")
    assert "泰州投资" in (investment[4] or "")


def test_white_paper_excludes_non_quantities(paper: ExtractionContext) -> None:
    surfaces = [row[0] for row in _rows(paper)]
    text = " ".join(surfaces)
    for word in ("T700", "T1000", "M55J", "8AT", "5G", "2020", "一小时", "半小时", "1+2+3+8"):
        assert word not in text
    # every figure lies in a case study and has a cluster
    assert all(row[5] for row in _rows(paper))
    assert len(surfaces) == 44
    units = sorted({row[2] for row in _rows(paper)})
    assert units == sorted(
        [
            "%",
            "万家",
            "万平方米",
            "万台",
            "个",
            "亿元",
            "亿美元",
            "家",
            "年",
            "所",
            "次",
            "台",
            "项",
        ]
    )


def test_genre_document_figures() -> None:
    ctx = extract(GENRE, *RULES)
    rows = _rows(ctx)
    assert len(rows) == 59
    by_surface = {row[0]: row for row in rows}
    assert by_surface["超过 1.2 万台"][1:4] == (Decimal("1.2"), "万台", "MoreThan")
    assert by_surface["不足 7 天"][1:4] == (Decimal(7), "天", "LessThan")
    assert by_surface["40% 左右"][1:5] == (
        Decimal(40),
        "%",
        "Approximately",
        "稀土永磁材料产量占全国",
    )
    assert by_surface["150 万辆"][1:3] == (Decimal(150), "万辆")


def test_deterministic_output() -> None:
    raw = fixture_text(FIXTURE)
    graphs: list[Graph] = []
    for _ in range(2):
        ctx = extract(raw, *RULES)
        graphs.append(ctx.writer.graph)
    assert set(graphs[0]) == set(graphs[1])
    assert all(isinstance(s, URIRef) for s, _, _ in graphs[0])
