"""The hand-written fixture graph keeps the data model's promises the queries rely on."""

from __future__ import annotations

import pytest

from clustergraph.query.engine import EmbeddedEngine

from .conftest import FIXTURE, ROOT

SOURCE = ROOT / "kg" / "sources" / "ccid-2020-advanced-manufacturing-cluster-whitepaper.txt"
PREFIXES = """PREFIX cg: <https://w3id.org/clustergraph/ontology#>
PREFIX oa: <http://www.w3.org/ns/oa#>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
"""


@pytest.fixture(scope="module")
def engine() -> EmbeddedEngine:
    return EmbeddedEngine(FIXTURE)


def test_every_quote_is_the_source_slice(engine: EmbeddedEngine) -> None:
    raw = SOURCE.read_text(encoding="utf-8")
    table = engine.run(
        PREFIXES
        + """
        SELECT ?ev ?start ?end ?exact WHERE {
          ?x cg:evidence ?ev . ?ev oa:hasSelector ?p , ?q .
          ?p oa:start ?start ; oa:end ?end . ?q oa:exact ?exact }"""
    )
    assert len(table.rows) > 100
    for row in table.rows:
        start, end = int(row["start"].value), int(row["end"].value)
        assert raw[start:end] == row["exact"].value, row["ev"].value
        assert row["ev"].value.endswith(f"/{start}-{end}")


def test_thirty_one_provinces_with_codes(engine: EmbeddedEngine) -> None:
    table = engine.run(
        PREFIXES
        + """
        SELECT ?code WHERE { ?r a cg:ProvinceLevelDivision ; cg:gbt2260Code ?code }"""
    )
    codes = table.values("code")
    assert len(codes) == 31 == len(set(codes))
    assert all(code is not None and len(code) == 6 and code.endswith("0000") for code in codes)


def test_cities_have_parent_provinces(engine: EmbeddedEngine) -> None:
    table = engine.run(
        PREFIXES
        + """
        SELECT ?city ?parent WHERE { ?city a cg:PrefectureLevelDivision ;
          cg:parentRegion ?parent . ?parent a cg:ProvinceLevelDivision }"""
    )
    assert len(table.rows) == 5


def test_every_named_node_has_zh_and_pinyin_labels(engine: EmbeddedEngine) -> None:
    table = engine.run(
        PREFIXES
        + """
        SELECT ?x WHERE { ?x rdfs:label ?zh . FILTER(lang(?zh) = "zh")
          FILTER NOT EXISTS { ?x rdfs:label ?py . FILTER(lang(?py) = "zh-latn-pinyin") }
          FILTER(!STRSTARTS(STR(?x), "https://w3id.org/clustergraph/id/national-list/")) }"""
    )
    assert table.rows == []
