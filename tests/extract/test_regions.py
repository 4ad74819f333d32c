"""Regions rule: all 31 province-level divisions, derived from the gazetteer."""

from __future__ import annotations

from rdflib import Literal

from clustergraph.extract import regions
from clustergraph.gazetteer.rdf import GAZETTEER_SOURCE
from clustergraph.graph.namespaces import CG, PROV, RDF, RDFS
from tests.extract._helpers import extract

RAW = "二、实践探索\n\n案例一:浙江宁波磁性材料集群\n\n宁波磁性材料集群发展迅速。\n"


def test_all_31_provinces_with_codes_labels_and_gazetteer_provenance() -> None:
    ctx = extract(RAW, regions)
    graph = ctx.writer.graph
    provinces = sorted(graph.subjects(RDF.type, CG.ProvinceLevelDivision))
    assert len(provinces) == 31
    codes = sorted(str(graph.value(p, CG.gbt2260Code)) for p in provinces)
    assert codes[0] == "110000" and codes[-1] == "650000"
    assert all(code.endswith("0000") for code in codes)
    zhejiang = next(p for p in provinces if str(p).endswith("/330000"))
    assert (zhejiang, RDFS.label, Literal("浙江省", lang="zh")) in graph
    # not cited from the text: derived from the gazetteer
    assert (zhejiang, PROV.wasDerivedFrom, GAZETTEER_SOURCE) in graph
    assert (zhejiang, CG.evidence, None) not in graph


def test_only_provinces_are_emitted() -> None:
    ctx = extract(RAW, regions)
    graph = ctx.writer.graph
    assert set(graph.subjects(RDF.type, CG.Region)) == set(
        graph.subjects(RDF.type, CG.ProvinceLevelDivision)
    )
    assert not list(graph.subjects(RDF.type, CG.PrefectureLevelDivision))
