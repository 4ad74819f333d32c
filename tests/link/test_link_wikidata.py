"""Region and institution links to Wikidata, and the link records that keep their sources."""

from __future__ import annotations

import re
import shutil
from collections import Counter
from collections.abc import Callable
from pathlib import Path

import pytest
from rdflib import Graph, Literal, URIRef

from clustergraph.errors import InputError
from clustergraph.graph.mint import mint
from clustergraph.graph.namespaces import CG, CGID, DCTERMS, OWL, RDF, RDFS, SKOS, WD
from clustergraph.link import link_organizations, link_regions
from clustergraph.link.regions import region_wikidata
from clustergraph.resources import data_path

QID_IRI = re.compile(rf"^{re.escape(str(WD))}Q[1-9][0-9]*$")


def assert_records_have_sources(graph: Graph) -> None:
    records = list(graph.subjects(RDF.type, CG.CuratedLink))
    assert records
    for record in records:
        source = graph.value(record, DCTERMS.source)
        assert source is not None and str(source).strip(), record
        assert graph.value(record, CG.linkSource) is not None, record
        subject = graph.value(record, CG.linkSubject)
        obj = graph.value(record, CG.linkObject)
        predicates = list(graph.objects(record, CG.linkPredicate))
        assert subject is not None and obj is not None and predicates, record
        for predicate in predicates:
            assert (subject, predicate, obj) in graph, (record, predicate)


def test_regions_linked_by_code(small_graph: Callable[[], Graph]) -> None:
    graph = small_graph()
    added = link_regions(graph)
    # 31 provinces + 温州 宁波 绍兴 成都 德阳 (parents and mentions); 乐清 and 柯桥 have no row
    assert added == 36
    ningbo = URIRef(f"{CGID}region/330200")
    assert (ningbo, OWL.sameAs, WD.Q42780) in graph
    assert (ningbo, SKOS.exactMatch, WD.Q42780) in graph
    assert graph.value(URIRef(f"{CGID}region/330382"), SKOS.exactMatch) is None
    record = URIRef(f"{CGID}linkrec/330200/wikidata")
    assert (record, RDF.type, CG.CuratedLink) in graph
    assert graph.value(record, CG.linkSubject) == ningbo
    assert graph.value(record, CG.linkObject) == WD.Q42780
    assert "Natural Earth" in str(graph.value(record, DCTERMS.source))
    reference = graph.value(record, CG.linkSource)
    assert reference == mint("reference", "regions-wikidata")
    assert re.fullmatch(r"[0-9a-f]{64}", str(graph.value(reference, CG.sha256)))
    assert_records_have_sources(graph)
    assert link_regions(graph) == 0  # idempotent


def test_wikidata_iris_well_formed_and_unique(small_graph: Callable[[], Graph]) -> None:
    graph = small_graph()
    link_regions(graph)
    link_organizations(graph)
    targets = [o for _, o in graph.subject_objects(SKOS.exactMatch) if str(o).startswith(str(WD))]
    assert targets
    assert all(QID_IRI.match(str(o)) for o in targets)
    per_qid = Counter(o for _, o in graph.subject_objects(SKOS.exactMatch))
    assert max(per_qid.values()) == 1, per_qid.most_common(3)


def _copy_table(tmp_path: Path, name: str, edit: Callable[[str], str]) -> Path:
    target = tmp_path / name
    shutil.copyfile(data_path(f"kg/reference/{name}"), target)
    target.write_text(edit(target.read_text(encoding="utf-8")), encoding="utf-8")
    return target


def test_duplicate_qid_raises(tmp_path: Path) -> None:
    table = _copy_table(tmp_path, "regions-wikidata.csv", lambda t: t.replace("Q42780", "Q4970"))
    with pytest.raises(InputError, match="Q4970"):
        region_wikidata(table)


def test_malformed_qid_raises(tmp_path: Path) -> None:
    table = _copy_table(tmp_path, "regions-wikidata.csv", lambda t: t.replace("Q42780", "Q0427"))
    with pytest.raises(InputError, match="not a Wikidata QID"):
        region_wikidata(table)


def test_name_mismatch_raises(small_graph: Callable[[], Graph], tmp_path: Path) -> None:
    table = _copy_table(tmp_path, "regions-wikidata.csv", lambda t: t.replace("宁波市", "宁坡市"))
    with pytest.raises(InputError, match="330200"):
        link_regions(small_graph(), table)


def test_organizations_only_exact_names(small_graph: Callable[[], Graph]) -> None:
    graph = small_graph()
    assert link_organizations(graph) == 2
    tsinghua = mint("institution", "清华大学")  # matched through its altLabel 清华
    cas = mint("institution", "中科院")
    assert (tsinghua, SKOS.exactMatch, WD.Q16955) in graph
    assert (cas, SKOS.exactMatch, WD.Q530471) in graph
    institute = mint("institution", "浙江省北大信息技术高等研究院")
    assert graph.value(institute, SKOS.exactMatch) is None
    assert (None, SKOS.exactMatch, WD.Q16952) not in graph
    record = URIRef(f"{CGID}linkrec/institution/{str(tsinghua).rsplit('/', 1)[-1]}/wikidata")
    assert "Q16955" in str(graph.value(record, DCTERMS.source))
    assert_records_have_sources(graph)
    assert link_organizations(graph) == 0


def test_organization_matching_two_nodes_raises(small_graph: Callable[[], Graph]) -> None:
    graph = small_graph()
    twin = mint("institution", "清华")
    graph.add((twin, RDF.type, CG.Institution))
    graph.add((twin, RDFS.label, Literal("清华", lang="zh")))
    with pytest.raises(InputError, match="Q16955"):
        link_organizations(graph)
