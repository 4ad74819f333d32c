"""Industry concepts → GB/T 4754-2017 codes and SEI 2018 areas."""

from __future__ import annotations

from collections.abc import Callable

from rdflib import Graph, Literal

from clustergraph.graph.mint import mint
from clustergraph.graph.namespaces import CG, DCTERMS, RDF, SKOS
from clustergraph.link import link_industries
from clustergraph.link.industries import GBT4754_SCHEME, SEI_SCHEME, term_variants


def _code(code: str):
    return mint("gbt4754", code)


def test_term_variants() -> None:
    assert term_variants("软件和信息服务(业)") == ["软件和信息服务", "软件和信息服务业"]
    assert term_variants("高端医疗器械 / 高性能医疗器械") == ["高端医疗器械", "高性能医疗器械"]
    assert term_variants("电气 (电器)") == ["电气", "电器"]
    assert term_variants("磁性材料") == ["磁性材料"]


def test_industry_links(small_graph: Callable[[], Graph]) -> None:
    graph = small_graph()
    added = link_industries(graph)
    assert added > 0
    magnet = mint("industry", "磁性材料")
    assert (magnet, SKOS.closeMatch, _code("C3985")) in graph
    assert (magnet, SKOS.relatedMatch, _code("C3254")) in graph  # not under C3985
    assert (magnet, SKOS.broadMatch, mint("sei2018", "3")) in graph
    rail = mint("industry", "轨道交通装备")
    assert (rail, SKOS.closeMatch, _code("C371")) in graph
    assert (rail, SKOS.narrowMatch, _code("C3711")) in graph  # under the primary C371
    assert (rail, SKOS.broadMatch, mint("sei2018", "2")) in graph
    new_materials = mint("industry", "新材料")
    assert (new_materials, SKOS.closeMatch, mint("sei2018", "3")) in graph  # 新材料产业
    # 电器 is a spelling of the 电气 row; the SEI fit is partial
    electric = mint("industry", "电器")
    assert (electric, SKOS.closeMatch, _code("C382")) in graph
    assert (electric, SKOS.relatedMatch, mint("sei2018", "6")) in graph
    # 其他轻工类 is not spelled like the table's 其他轻工: not linked
    assert graph.value(mint("industry", "其他轻工类"), SKOS.closeMatch) is None
    assert link_industries(graph) == 0


def test_code_concepts(small_graph: Callable[[], Graph]) -> None:
    graph = small_graph()
    link_industries(graph)
    concept = _code("C3711")
    assert (concept, RDF.type, SKOS.Concept) in graph
    assert (concept, SKOS.inScheme, GBT4754_SCHEME) in graph
    assert graph.value(concept, SKOS.notation) == Literal("C3711")
    assert graph.value(concept, SKOS.prefLabel) == Literal("高铁车组制造", lang="zh")
    assert (concept, SKOS.broader, _code("C371")) in graph
    assert (GBT4754_SCHEME, RDF.type, SKOS.ConceptScheme) in graph
    area = mint("sei2018", "3")
    assert (area, SKOS.topConceptOf, SEI_SCHEME) in graph
    assert Literal("新材料产业", lang="zh") in set(graph.objects(area, SKOS.prefLabel))
    # only linked codes are written
    assert (_code("C3939"), RDF.type, SKOS.Concept) not in graph


def test_industry_records_have_sources(small_graph: Callable[[], Graph]) -> None:
    graph = small_graph()
    link_industries(graph)
    records = list(graph.subjects(RDF.type, CG.CuratedLink))
    assert records
    for record in records:
        assert str(graph.value(record, DCTERMS.source)).strip()
        subject = graph.value(record, CG.linkSubject)
        predicate = graph.value(record, CG.linkPredicate)
        obj = graph.value(record, CG.linkObject)
        assert (subject, predicate, obj) in graph
        assert predicate != SKOS.exactMatch
