"""Region nodes: codes, level classes, labels, parent chain, WKT, evidence or gazetteer source."""

from __future__ import annotations

import re
from importlib.metadata import version

import pytest
from rdflib import Literal, URIRef

from clustergraph.gazetteer import Gazetteer
from clustergraph.gazetteer.rdf import GAZETTEER_SOURCE, emit_all_provinces, emit_region
from clustergraph.graph.namespaces import CG, CGID, DCTERMS, GEO, OWL, PROV, RDF, RDFS, SKOS
from clustergraph.graph.writer import GraphWriter, SourceInfo

RAW = "案例二:浙江温州乐清电器集群"


def _writer(raw: str = RAW) -> GraphWriter:
    return GraphWriter(raw, SourceInfo("t.txt", "ab" * 32, len(raw.encode()), len(raw)))


@pytest.fixture(scope="module")
def gaz() -> Gazetteer:
    return Gazetteer.default()


def _region(code: str) -> URIRef:
    return URIRef(f"{CGID}region/{code}")


def test_county_with_evidence_and_parent_chain(gaz: Gazetteer) -> None:
    w = _writer()
    start = RAW.index("乐清")
    iri = emit_region(w, gaz.lookup("乐清"), (start, start + 2))
    g = w.graph
    assert iri == _region("330382")
    assert (iri, RDF.type, CG.Region) in g and (iri, RDF.type, CG.CountyLevelDivision) in g
    assert g.value(iri, CG.gbt2260Code) == Literal("330382")
    assert g.value(iri, CG.statisticalCode) == Literal("330382000000")
    assert Literal("乐清市", lang="zh") in set(g.objects(iri, RDFS.label))
    assert any(o.language == "zh-Latn-pinyin" for o in g.objects(iri, RDFS.label))
    assert g.value(iri, SKOS.altLabel) == Literal("乐清", lang="zh")
    # parent chain: county → prefecture → province
    assert g.value(iri, CG.parentRegion) == _region("330300")
    assert g.value(_region("330300"), CG.parentRegion) == _region("330000")
    assert g.value(_region("330000"), CG.parentRegion) is None
    assert (_region("330300"), RDF.type, CG.PrefectureLevelDivision) in g
    assert (_region("330000"), RDF.type, CG.ProvinceLevelDivision) in g
    # evidence on the mentioned node; the gazetteer on the parents
    evidence = g.value(iri, CG.evidence)
    assert evidence is not None and str(evidence).endswith(f"/{start}-{start + 2}")
    assert (iri, PROV.wasDerivedFrom, GAZETTEER_SOURCE) not in g
    assert (_region("330300"), PROV.wasDerivedFrom, GAZETTEER_SOURCE) in g
    assert (_region("330000"), PROV.wasDerivedFrom, GAZETTEER_SOURCE) in g


def test_wkt_point(gaz: Gazetteer) -> None:
    w = _writer()
    iri = emit_region(w, gaz.lookup("宁波"))
    geometry = w.graph.value(iri, GEO.hasGeometry)
    assert geometry == URIRef(f"{iri}/geometry")
    assert (geometry, RDF.type, GEO.Geometry) in w.graph
    wkt = w.graph.value(geometry, GEO.asWKT)
    assert wkt.datatype == GEO.wktLiteral
    match = re.fullmatch(r"POINT\((?P<lon>[0-9.]+) (?P<lat>[0-9.]+)\)", str(wkt))
    assert match, wkt
    assert 121 < float(match["lon"]) < 122 and 29 < float(match["lat"]) < 30  # lon first
    assert (geometry, PROV.wasDerivedFrom, GAZETTEER_SOURCE) in w.graph


def test_all_provinces(gaz: Gazetteer) -> None:
    w = _writer()
    iris = emit_all_provinces(w)
    g = w.graph
    assert len(iris) == 31 == len(set(g.subjects(RDF.type, CG.ProvinceLevelDivision)))
    for iri in iris:
        code = str(g.value(iri, CG.gbt2260Code))
        assert re.fullmatch(r"[0-9]{2}0000", code)
        assert re.fullmatch(r"[0-9]{12}", str(g.value(iri, CG.statisticalCode)))
        assert str(iri).endswith(code)
        assert g.value(iri, GEO.hasGeometry) is not None
        assert (iri, PROV.wasDerivedFrom, GAZETTEER_SOURCE) in g


def test_gazetteer_source_described_once(gaz: Gazetteer) -> None:
    w = _writer()
    emit_all_provinces(w)
    emit_region(w, gaz.lookup("宁波"))
    g = w.graph
    src = GAZETTEER_SOURCE
    assert str(src) == f"{CGID}source/gazetteer-cpca"
    assert (src, RDF.type, DCTERMS.BibliographicResource) in g and (src, RDF.type, PROV.Entity) in g
    assert g.value(src, DCTERMS.title) == Literal(
        "GB/T 2260 division table shipped in cpca", lang="en"
    )
    assert g.value(src, OWL.versionInfo) == Literal(version("cpca"))
    assert len(list(g.objects(src, DCTERMS.title))) == 1
    assert re.fullmatch(r"[0-9a-f]{64}", str(g.value(src, CG.sha256)))


@pytest.mark.parametrize("cited_first", [True, False])
def test_evidence_replaces_gazetteer_derivation_in_any_order(
    gaz: Gazetteer, cited_first: bool
) -> None:
    w = _writer()
    region = gaz.lookup("温州")
    start = RAW.index("温州")
    calls = [(region, (start, start + 2)), (region, None)]
    for args in calls if cited_first else reversed(calls):
        emit_region(w, *args)
    iri = _region("330300")
    assert (iri, CG.evidence, None) in w.graph
    assert (iri, PROV.wasDerivedFrom, GAZETTEER_SOURCE) not in w.graph


def test_idempotent(gaz: Gazetteer) -> None:
    w = _writer()
    emit_region(w, gaz.lookup("柯桥"))
    size = len(w.graph)
    emit_region(w, gaz.lookup("柯桥"))
    emit_region(w, gaz.lookup("绍兴"))
    assert len(w.graph) == size
