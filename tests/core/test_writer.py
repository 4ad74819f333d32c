"""The writer ties facts to exact evidence and describes the source."""

from __future__ import annotations

import pytest
from rdflib import Literal
from rdflib.namespace import RDF, RDFS

from clustergraph.graph.mint import mint, pinyin_label, slugify
from clustergraph.graph.namespaces import CG, DCTERMS, OA
from clustergraph.graph.writer import GraphWriter, SourceInfo, decimal

RAW = "前言\n\n宁波材料所积极承担集群发展促进机构职能。\n"


def _writer() -> GraphWriter:
    info = SourceInfo(
        file_name="t.txt",
        sha256="ab" * 32,
        byte_size=10,
        char_count=len(RAW),
        title="标题",
        publisher="某研究所",
        issued="2021-03",
    )
    return GraphWriter(RAW, info)


def test_evidence_quote_is_exact_raw_slice_with_trimmed_whitespace() -> None:
    writer = _writer()
    node = mint("institution", "宁波材料所")
    start = RAW.index("宁波")
    evidence = writer.cite(node, (start - 2, start + 5))
    assert evidence is not None
    graph = writer.graph
    selectors = set(graph.objects(evidence, OA.hasSelector))
    exact = {graph.value(s, OA.exact) for s in selectors} - {None}
    assert exact == {Literal(RAW[start : start + 5])}
    starts = {graph.value(s, OA.start) for s in selectors} - {None}
    assert [int(s) for s in starts] == [start]
    assert (node, CG.evidence, evidence) in graph


def test_evidence_outside_source_is_an_error() -> None:
    with pytest.raises(ValueError, match="outside"):
        _writer().evidence(0, len(RAW) + 1)


def test_whitespace_only_span_gives_no_evidence() -> None:
    assert _writer().evidence(2, 4) is None


def test_source_is_described() -> None:
    writer = _writer()
    graph = writer.graph
    assert (writer.source_iri, RDF.type, DCTERMS.BibliographicResource) in graph
    assert graph.value(writer.source_iri, CG.sha256) == Literal("ab" * 32)


def test_labels_have_zh_and_pinyin() -> None:
    writer = _writer()
    node = mint("region", "330200")
    writer.label(node, "宁波")
    langs = {lit.language for lit in writer.graph.objects(node, RDFS.label)}
    assert langs == {"zh", "zh-Latn-pinyin"}
    assert pinyin_label("宁波") == "níng bō"


def test_slugs_are_ascii_stable_and_bounded() -> None:
    long = "江苏南通、扬州、泰州海工装备和高技术船舶集群" * 3
    assert slugify("浙江宁波磁性材料集群") == "zhe-jiang-ning-bo-ci-xing-cai-liao-ji-qun"
    assert slugify(long) == slugify(long)
    assert len(slugify(long)) <= 57 and slugify(long).isascii()
    assert str(mint("eli", "cn-32", "szf", 2018, 86)).endswith("/id/eli/cn-32/szf/2018/86")


def test_decimal_literals_normalise() -> None:
    assert str(decimal("10.0")) == "10"
    assert str(decimal(15.8)) == "15.8"
