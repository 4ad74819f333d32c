"""National cluster list status of the case clusters."""

from __future__ import annotations

from collections.abc import Callable

from rdflib import Graph, Literal, URIRef

from clustergraph.graph.mint import mint
from clustergraph.graph.namespaces import CG, DCTERMS, RDF
from clustergraph.link import link_national_lists
from clustergraph.link.national_lists import name_variants, parse_list_name

GYEAR = URIRef("http://www.w3.org/2001/XMLSchema#gYear")
QUERY = """
PREFIX cg: <https://w3id.org/clustergraph/ontology#>
PREFIX dct: <http://purl.org/dc/terms/>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
SELECT ?name (MIN(?year) AS ?first) WHERE {
  ?c a cg:Cluster ; rdfs:label ?name ; cg:listedIn ?list . ?list dct:issued ?year .
  FILTER(lang(?name) = "zh")
} GROUP BY ?name
"""


def test_name_parsing() -> None:
    assert "浙江温州乐清电器集群" in name_variants("浙江温州乐清电器/电气集群")
    assert "浙江温州乐清电气集群" in name_variants("浙江温州乐清电器/电气集群")
    assert name_variants("广东深圳广州高性能医疗器械集群 (深广高端医疗器械集群)") == [
        "广东深圳广州高性能医疗器械集群",
        "深广高端医疗器械集群",
    ]
    assert parse_list_name("(2024) 环杭州湾现代纺织服装集群") == (
        "2024",
        "环杭州湾现代纺织服装集群",
        None,
    )
    assert parse_list_name("成(都)德(阳)高端能源装备集群") == (
        None,
        "成(都)德(阳)高端能源装备集群",
        None,
    )
    assert parse_list_name("宁波市磁性材料集群 (Ningbo Magnetic Material Industrial Cluster)") == (
        None,
        "宁波市磁性材料集群",
        "Ningbo Magnetic Material Industrial Cluster",
    )
    assert parse_list_name("-") == (None, None, None)


def test_statuses(small_graph: Callable[[], Graph]) -> None:
    graph = small_graph()
    assert link_national_lists(graph) == 9  # 3 clusters x 3 lists
    yueqing = mint("cluster", "浙江温州乐清电器集群")
    lists = {year: mint("national-list", year) for year in ("2021", "2022", "2024")}
    assert set(graph.objects(yueqing, CG.listedIn)) == {lists["2021"], lists["2022"]}
    status = mint("national-list-status", str(yueqing).rsplit("/", 1)[-1], "2021")
    assert graph.value(status, CG.refCluster) == yueqing
    assert graph.value(status, CG.nationalList) == lists["2021"]
    assert graph.value(status, CG.listStatus) == CG.Listed
    assert graph.value(status, CG.verification) == CG.Verified
    assert Literal("温州乐清电气集群", lang="zh") in set(graph.objects(status, CG.nameInList))
    assert "ezhejiang.gov.cn" in str(graph.value(status, DCTERMS.source))
    later = mint("national-list-status", str(yueqing).rsplit("/", 1)[-1], "2024")
    assert graph.value(later, CG.listStatus) == CG.PreviouslyListed

    battery = mint("cluster", "天津动力电池集群")
    assert graph.value(battery, CG.listedIn) is None
    wuhan = mint("cluster", "湖北武汉节能与新能源智能网联汽车集群")
    related = mint("national-list-status", str(wuhan).rsplit("/", 1)[-1], "2022")
    assert graph.value(related, CG.listStatus) == CG.RelatedClusterListed
    assert "武襄十随" in str(graph.value(related, CG.nameInList))
    assert link_national_lists(graph) == 0


def test_list_nodes(small_graph: Callable[[], Graph]) -> None:
    graph = small_graph()
    link_national_lists(graph)
    sizes = {}
    for node in graph.subjects(RDF.type, CG.NationalClusterList):
        year = graph.value(node, DCTERMS.issued)
        assert year.datatype == GYEAR
        sizes[str(year)] = int(graph.value(node, CG.size))
        assert str(graph.value(node, DCTERMS.source)).strip()
    assert sizes == {"2021": 25, "2022": 45, "2024": 80}


def test_sparql_which_became_national(small_graph: Callable[[], Graph]) -> None:
    graph = small_graph()
    link_national_lists(graph)
    rows = {str(r.name): str(r.first) for r in graph.query(QUERY)}
    assert rows == {"浙江温州乐清电器集群": "2021"}
