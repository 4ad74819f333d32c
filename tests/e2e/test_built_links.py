"""Links to open data in the built graph: Wikidata IRIs well formed and unique per region, every
curated link sourced, every region coded, placed and parented, industries on GB/T 4754, and the
national-list status of every case cluster.

(Named ``test_built_links.py``: ``tests/extract/test_links.py`` already owns the basename.)
"""

from __future__ import annotations

import re
from collections import defaultdict

import pytest
from rdflib import Graph, Literal, URIRef
from rdflib.namespace import DCTERMS, OWL, RDF, SKOS

from clustergraph.graph.namespaces import CG, CGID, GEO, PROV, WD

QID_IRI = re.compile(r"^http://www\.wikidata\.org/entity/Q[1-9][0-9]*$")
POINT = re.compile(r"^POINT\((-?[0-9]+(?:\.[0-9]+)?) (-?[0-9]+(?:\.[0-9]+)?)\)$")
PROVINCE_CODES = {
    f"{p}0000"
    for p in (11, 12, 13, 14, 15, 21, 22, 23, 31, 32, 33, 34, 35, 36, 37, 41, 42, 43, 44, 45, 46)
    + (50, 51, 52, 53, 54, 61, 62, 63, 64, 65)
}
#: regions the text names that kg/reference/regions-wikidata.csv has no row for (yet)
KNOWN_UNLINKED = {"421000", "330382"}  # 荆州市, 乐清市 (a county)
GBT4754 = "https://w3id.org/clustergraph/id/gbt4754/"
LISTS = {CGID["national-list/2021"], CGID["national-list/2022"], CGID["national-list/2024"]}


@pytest.fixture(scope="module")
def graph(built) -> Graph:
    result, _ = built
    return result.graph


def regions(graph: Graph, cls: URIRef) -> list[URIRef]:
    return sorted(graph.subjects(RDF.type, cls))


def code(graph: Graph, region: URIRef) -> str:
    values = list(graph.objects(region, CG.gbt2260Code))
    assert len(values) == 1, region
    return str(values[0])


def test_wikidata_links_are_well_formed_entity_iris(graph: Graph) -> None:
    checked = 0
    for predicate in (OWL.sameAs, SKOS.exactMatch):
        for subject, obj in graph.subject_objects(predicate):
            if "wikidata" not in str(obj):
                continue
            assert isinstance(obj, URIRef), (subject, obj)
            assert QID_IRI.match(str(obj)), (subject, obj)
            checked += 1
    assert checked > 50


def test_no_two_regions_share_a_qid(graph: Graph) -> None:
    holders: dict[URIRef, set[URIRef]] = defaultdict(set)
    for region in regions(graph, CG.Region):
        for predicate in (OWL.sameAs, SKOS.exactMatch):
            for obj in graph.objects(region, predicate):
                if str(obj).startswith(str(WD)):
                    holders[obj].add(region)
    assert holders
    shared = {qid: nodes for qid, nodes in holders.items() if len(nodes) > 1}
    assert not shared


def test_no_qid_lands_on_two_nodes_at_all(graph: Graph) -> None:
    holders: dict[URIRef, set[URIRef]] = defaultdict(set)
    for predicate in (OWL.sameAs, SKOS.exactMatch):
        for subject, obj in graph.subject_objects(predicate):
            if str(obj).startswith(str(WD)):
                holders[obj].add(subject)
    assert not {qid for qid, nodes in holders.items() if len(nodes) > 1}


def test_regions_link_with_both_predicates(graph: Graph) -> None:
    for region in regions(graph, CG.Region):
        same = set(graph.objects(region, OWL.sameAs))
        exact = {o for o in graph.objects(region, SKOS.exactMatch) if str(o).startswith(str(WD))}
        assert same == exact, region
        assert len(same) <= 1, region
    unlinked = {
        code(graph, r) for r in regions(graph, CG.Region) if graph.value(r, OWL.sameAs) is None
    }
    assert unlinked <= KNOWN_UNLINKED
    assert not unlinked & PROVINCE_CODES


def test_every_curated_link_has_a_source_and_a_table(graph: Graph) -> None:
    records = regions(graph, CG.CuratedLink)
    assert len(records) > 100
    for record in records:
        sources = [str(s).strip() for s in graph.objects(record, DCTERMS.source)]
        assert sources and all(sources), record
        table = graph.value(record, CG.linkSource)
        assert table is not None, record
        assert (table, RDF.type, PROV.Entity) in graph, table
        assert str(graph.value(table, CG.fileName)).startswith("kg/reference/"), table
        assert re.match(r"^[0-9a-f]{64}$", str(graph.value(table, CG.sha256))), table
        subject = graph.value(record, CG.linkSubject)
        obj = graph.value(record, CG.linkObject)
        for predicate in graph.objects(record, CG.linkPredicate):
            assert (subject, predicate, obj) in graph, (record, predicate)


def test_every_wikidata_link_is_described_by_a_record(graph: Graph) -> None:
    recorded = {
        (graph.value(r, CG.linkSubject), p, graph.value(r, CG.linkObject))
        for r in graph.subjects(RDF.type, CG.CuratedLink)
        for p in graph.objects(r, CG.linkPredicate)
    }
    for predicate in (OWL.sameAs, SKOS.exactMatch):
        for subject, obj in graph.subject_objects(predicate):
            if str(obj).startswith(str(WD)):
                assert (subject, predicate, obj) in recorded, (subject, obj)


def test_the_31_province_level_divisions_exist(graph: Graph) -> None:
    provinces = regions(graph, CG.ProvinceLevelDivision)
    assert {code(graph, p) for p in provinces} == PROVINCE_CODES
    for province in provinces:
        assert province == CGID[f"region/{code(graph, province)}"]
        assert (province, RDF.type, CG.Region) in graph


@pytest.mark.parametrize(
    "level", [CG.ProvinceLevelDivision, CG.PrefectureLevelDivision, CG.CountyLevelDivision]
)
def test_regions_have_codes_and_a_point(graph: Graph, level: URIRef) -> None:
    nodes = regions(graph, level)
    assert nodes
    for region in nodes:
        gb = code(graph, region)
        assert re.match(r"^[0-9]{6}$", gb), region
        stats = [str(s) for s in graph.objects(region, CG.statisticalCode)]
        assert len(stats) == 1 and re.match(r"^[0-9]{12}$", stats[0]), region
        assert stats[0].startswith(gb), region
        geometry = graph.value(region, GEO.hasGeometry)
        assert geometry == URIRef(f"{region}/geometry"), region
        wkt = graph.value(geometry, GEO.asWKT)
        assert isinstance(wkt, Literal) and wkt.datatype == GEO.wktLiteral, region
        match = POINT.match(str(wkt))
        assert match, wkt
        lon, lat = float(match.group(1)), float(match.group(2))
        assert 73 <= lon <= 136 and 3 <= lat <= 54, (region, wkt)  # inside China, lon first


@pytest.mark.parametrize(
    ("level", "parent_level"),
    [
        (CG.PrefectureLevelDivision, CG.ProvinceLevelDivision),
        (CG.CountyLevelDivision, CG.PrefectureLevelDivision),
    ],
)
def test_cities_and_counties_have_their_parent(
    graph: Graph, level: URIRef, parent_level: URIRef
) -> None:
    """Provinces are the top of the hierarchy (the model has no country node)."""
    for region in regions(graph, level):
        parents = list(graph.objects(region, CG.parentRegion))
        assert len(parents) == 1, region
        (parent,) = parents
        assert (parent, RDF.type, parent_level) in graph, (region, parent)
        width = 2 if parent_level == CG.ProvinceLevelDivision else 4
        assert code(graph, parent)[:width] == code(graph, region)[:width], (region, parent)
    for province in regions(graph, CG.ProvinceLevelDivision):
        assert graph.value(province, CG.parentRegion) is None


def test_industries_link_to_gbt4754_concepts_with_notation(graph: Graph) -> None:
    scheme = CGID["scheme/industries"]
    industries = sorted(graph.subjects(SKOS.inScheme, scheme))
    assert len(industries) > 20
    relations = (SKOS.closeMatch, SKOS.narrowMatch, SKOS.relatedMatch, SKOS.broadMatch)
    linked = 0
    for industry in industries:
        codes = {
            o for p in relations for o in graph.objects(industry, p) if str(o).startswith(GBT4754)
        }
        linked += bool(codes)
        for concept in codes:
            notation = [str(n) for n in graph.objects(concept, SKOS.notation)]
            assert notation == [str(concept).removeprefix(GBT4754)], concept
            assert re.match(r"^[A-T][0-9]{2,4}$", notation[0]), concept
            assert (concept, SKOS.inScheme, CGID["scheme/gbt4754-2017"]) in graph, concept
            assert any(label.language == "zh" for label in graph.objects(concept, SKOS.prefLabel))
    assert linked >= len(industries) - 2  # 其他轻工类 and similar catch-alls may have no code
    for cluster in graph.subjects(RDF.type, CG.Cluster):
        codes = {
            o
            for industry in graph.objects(cluster, CG.industry)
            for p in relations
            for o in graph.objects(industry, p)
            if str(o).startswith(GBT4754)
        }
        assert codes, cluster


def test_every_gbt4754_code_reaches_a_named_division_and_section(graph: Graph) -> None:
    """Codes → (nearest written ancestor) → division (大类) → section (门类), all named zh + en above."""
    scheme = CGID["scheme/gbt4754-2017"]
    concepts = {
        str(graph.value(c, SKOS.notation)): c for c in graph.subjects(SKOS.inScheme, scheme)
    }
    divisions = {c for c in concepts if len(c) == 3}
    sections = {c for c in concepts if len(c) == 1}
    codes = set(concepts) - divisions - sections
    assert {c[:3] for c in codes} <= divisions
    assert {c[0] for c in concepts} == sections == {"B", "C", "D", "I", "N"}
    assert {"C38", "B10", "D44", "N77"} <= divisions  # named by no row of industries-gbt4754.csv
    for code, concept in concepts.items():
        chain = [code]
        while (parent := graph.value(concepts[chain[-1]], SKOS.broader)) is not None:
            chain.append(str(graph.value(parent, SKOS.notation)))
        assert chain[-2:] == [code[:3], code[0]] or chain == [code[0]], chain
        if len(code) in (1, 3):
            languages = sorted(label.language for label in graph.objects(concept, SKOS.prefLabel))
            assert languages == ["en", "zh"], code
            assert (concept, PROV.wasDerivedFrom, None) in graph, code
    assert set(graph.objects(scheme, SKOS.hasTopConcept)) == {concepts[s] for s in sections}
    assert Literal("电气机械和器材制造业", lang="zh") in set(
        graph.objects(concepts["C38"], SKOS.prefLabel)
    )


def test_every_cluster_has_a_status_on_every_national_list(graph: Graph) -> None:
    clusters = sorted(graph.subjects(RDF.type, CG.Cluster))
    assert len(clusters) == 20
    statuses = list(graph.subjects(RDF.type, CG.NationalListStatus))
    seen: dict[URIRef, set[URIRef]] = defaultdict(set)
    for status in statuses:
        cluster = graph.value(status, CG.refCluster)
        national_list = graph.value(status, CG.nationalList)
        assert national_list in LISTS, status
        assert (national_list, RDF.type, CG.NationalClusterList) in graph
        value = graph.value(status, CG.listStatus)
        assert (value, SKOS.inScheme, CG.NationalListStatusScheme) in graph, status
        assert [str(s) for s in graph.objects(status, DCTERMS.source) if str(s).strip()], status
        seen[cluster].add(national_list)
        listed = (cluster, CG.listedIn, national_list) in graph
        assert listed == (value == CG.Listed), status
    assert {c: seen[c] for c in clusters} == dict.fromkeys(clusters, LISTS)
