"""CSV tables of the built graph: one row per entity, Chinese intact, every column filled where the
graph has the data, and CSVW metadata that describes every column of every file."""

from __future__ import annotations

import csv
import json
import re
from decimal import Decimal
from pathlib import Path

import pyoxigraph
import pytest

from clustergraph.export.tables import SEPARATOR

PREFIXES = """
PREFIX cg: <https://w3id.org/clustergraph/ontology#>
PREFIX qb: <http://purl.org/linked-data/cube#>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
PREFIX owl: <http://www.w3.org/2002/07/owl#>
PREFIX org: <http://www.w3.org/ns/org#>
PREFIX dct: <http://purl.org/dc/terms/>
PREFIX eli: <http://data.europa.eu/eli/ontology#>
PREFIX geo: <http://www.opengis.net/ont/geosparql#>
"""
#: table → the class it has one row per
TABLES = {
    "clusters": "cg:Cluster",
    "measures": "cg:Measure",
    "institutions": "cg:Institution",
    "roles": "cg:Role",
    "regions": "cg:Region",
    "policies": "cg:Policy",
    "observations": "qb:Observation",
    "links": "cg:RegionLink",
}
#: (table, column) → the graph pattern on ?x that fills it; the column must be non-empty exactly
#: for the entities that match (so a misspelt property or a language-tag filter that never
#: matches is caught)
FILLED_WHERE = {
    ("clusters", "pinyin"): '?x rdfs:label ?v FILTER(langMatches(lang(?v), "zh-Latn-pinyin"))',
    ("clusters", "placeCode"): "?x cg:locatedIn/cg:gbt2260Code ?v",
    ("clusters", "industry"): "?x cg:industry ?v",
    ("clusters", "nationalListYear"): "?x cg:listedIn ?v",
    ("institutions", "pinyin"): '?x rdfs:label ?v FILTER(langMatches(lang(?v), "zh-Latn-pinyin"))',
    ("institutions", "alias"): "?x skos:altLabel ?v",
    ("institutions", "cluster"): "?x cg:mentionedInCluster ?v",
    ("institutions", "match"): "?x skos:exactMatch ?v",
    ("measures", "cluster"): "?x cg:measureOf ?v",
    ("measures", "quote"): "?x cg:evidence ?v",
    ("roles", "object"): "?x cg:roleObject ?v",
    ("roles", "quote"): "?x cg:evidence ?v",
    ("regions", "pinyin"): '?x rdfs:label ?v FILTER(langMatches(lang(?v), "zh-Latn-pinyin"))',
    ("regions", "statisticalCode"): "?x cg:statisticalCode ?v",
    ("regions", "parent"): "?x cg:parentRegion ?v",
    ("regions", "wkt"): "?x geo:hasGeometry/geo:asWKT ?v",
    ("regions", "wikidata"): "?x owl:sameAs ?v",
    ("regions", "altLabel"): "?x skos:altLabel ?v",
    ("policies", "date"): "?x dct:date ?v",
    ("policies", "issuer"): "?x cg:issuer ?v",
    ("policies", "jurisdiction"): "?x cg:jurisdiction ?v",
    ("policies", "documentNumber"): "?x eli:id_local ?v",
    ("policies", "documentType"): "?x eli:type_document ?v",
    ("policies", "keyPhrase"): "?x cg:keyPhrase ?v",
    ("observations", "value"): "?x cg:value ?v",
    ("observations", "count"): "?x cg:count ?v",
    ("observations", "cluster"): "?x cg:refCluster ?v",
    ("observations", "sector"): "?x cg:sector ?v",
    ("observations", "region"): "?x cg:refRegion ?v",
    ("observations", "normalizedValue"): "?x cg:normalizedValue ?v",
    ("observations", "quote"): "?x cg:evidence ?v",
    ("links", "quote"): "?x cg:evidence ?v",
}
CSVW_TYPES = {
    "anyURI",
    "string",
    "integer",
    "nonNegativeInteger",
    "decimal",
    "boolean",
    "date",
    "gYear",
    "gYearMonth",
}


@pytest.fixture(scope="module")
def folder(exported) -> Path:
    return exported["csv"][0]


@pytest.fixture(scope="module")
def store(source) -> pyoxigraph.Store:
    _, path = source
    loaded = pyoxigraph.Store()
    loaded.load(path=str(path), format=pyoxigraph.RdfFormat.TURTLE)
    return loaded


@pytest.fixture(scope="module")
def metadata(folder: Path) -> dict:
    return json.loads((folder / "csv-metadata.json").read_text(encoding="utf-8"))


def read_table(folder: Path, name: str) -> tuple[list[str], list[dict[str, str]]]:
    with (folder / f"{name}.csv").open(encoding="utf-8-sig", newline="") as handle:
        reader = csv.DictReader(handle)
        rows = list(reader)
        return list(reader.fieldnames or []), rows


def entities(store: pyoxigraph.Store, pattern: str) -> set[str]:
    query = f"{PREFIXES} SELECT DISTINCT ?x WHERE {{ {pattern} }}"
    return {solution["x"].value for solution in store.query(query)}


@pytest.mark.parametrize("name", sorted(TABLES))
def test_one_row_per_entity_of_the_class(folder: Path, store, name: str) -> None:
    _, rows = read_table(folder, name)
    expected = entities(store, f"?x a {TABLES[name]}")
    count = f"{PREFIXES} SELECT (COUNT(DISTINCT ?x) AS ?n) WHERE {{ ?x a {TABLES[name]} }}"
    assert len(rows) == int(next(iter(store.query(count)))["n"].value) == len(expected) > 0
    keys = [next(iter(row.values())) for row in rows]
    assert keys == sorted(keys)
    assert set(keys) == expected


@pytest.mark.parametrize("name", sorted(TABLES))
def test_utf8_with_bom_and_crlf(folder: Path, name: str) -> None:
    data = (folder / f"{name}.csv").read_bytes()
    assert data.startswith(b"\xef\xbb\xbf") and not data.startswith(b"\xef\xbb\xbf\xef\xbb\xbf")
    assert data.endswith(b"\r\n")
    data.decode("utf-8")  # strictly valid


def test_chinese_labels_are_intact(folder: Path, store) -> None:
    _, rows = read_table(folder, "clusters")
    query = f"{PREFIXES} SELECT ?x ?l WHERE {{ ?x a cg:Cluster ; rdfs:label ?l FILTER(lang(?l) = 'zh') }}"
    labels = {s["x"].value: s["l"].value for s in store.query(query)}
    assert {row["cluster"]: row["label"] for row in rows} == labels
    assert "浙江宁波磁性材料集群" in labels.values()
    _, regions = read_table(folder, "regions")
    ningbo = next(row for row in regions if row["code"] == "330200")
    assert (ningbo["label"], ningbo["altLabel"], ningbo["pinyin"]) == (
        "宁波市",
        "宁波",
        "níng bō shì",
    )


@pytest.mark.parametrize(("name", "column"), sorted(FILLED_WHERE))
def test_column_is_filled_exactly_where_the_graph_has_the_data(
    folder: Path, store, name: str, column: str
) -> None:
    header, rows = read_table(folder, name)
    assert column in header
    key = header[0]
    filled = {row[key] for row in rows if row[column]}
    expected = entities(store, f"?x a {TABLES[name]} . {FILLED_WHERE[name, column]}")
    assert expected, "the built graph should have this data"
    assert filled == expected


@pytest.mark.parametrize("name", sorted(TABLES))
def test_every_column_has_data(folder: Path, name: str) -> None:
    header, rows = read_table(folder, name)
    empty = [c for c in header if not any(row[c] for row in rows)]
    assert not empty


def test_csvw_metadata_lists_every_file_and_column(folder: Path, metadata: dict) -> None:
    assert "http://www.w3.org/ns/csvw" in metadata["@context"]
    urls = [table["url"] for table in metadata["tables"]]
    assert sorted(urls) == sorted(f"{name}.csv" for name in TABLES)
    assert sorted(p.name for p in folder.glob("*.csv")) == sorted(urls)
    for table in metadata["tables"]:
        header, _ = read_table(folder, table["url"].removesuffix(".csv"))
        columns = table["tableSchema"]["columns"]
        assert [c["name"] for c in columns] == header
        assert [c["titles"] for c in columns] == header
        assert all(c["datatype"] in CSVW_TYPES for c in columns)
        assert table["tableSchema"]["primaryKey"] == header[0]
        assert columns[0]["required"] is True and columns[0]["datatype"] == "anyURI"


def _valid(datatype: str, value: str) -> bool:
    checks = {
        "anyURI": lambda v: re.match(r"^https?://\S+$", v) is not None,
        "integer": lambda v: re.match(r"^-?[0-9]+$", v) is not None,
        "nonNegativeInteger": lambda v: re.match(r"^[0-9]+$", v) is not None,
        "decimal": lambda v: Decimal(v) is not None,
        "boolean": lambda v: v in {"true", "false"},
        "gYear": lambda v: re.match(r"^[0-9]{4}$", v) is not None,
        "gYearMonth": lambda v: re.match(r"^[0-9]{4}-[0-9]{2}$", v) is not None,
        "date": lambda v: re.match(r"^[0-9]{4}-[0-9]{2}-[0-9]{2}$", v) is not None,
        "string": lambda v: True,
    }
    return bool(checks[datatype](value))


def test_cells_match_their_declared_datatype_and_separator(folder: Path, metadata: dict) -> None:
    typed = 0
    for table in metadata["tables"]:
        _, rows = read_table(folder, table["url"].removesuffix(".csv"))
        for column in table["tableSchema"]["columns"]:
            cells = [row[column["name"]] for row in rows if row[column["name"]]]
            multi = any(SEPARATOR in cell for cell in cells)
            if "separator" in column:
                assert multi, (table["url"], column["name"])
            elif column["datatype"] != "string":
                assert not multi, (table["url"], column["name"])
            values = [v for cell in cells for v in (cell.split(SEPARATOR) if multi else [cell])]
            bad = [v for v in values if not _valid(column["datatype"], v)]
            assert not bad, (table["url"], column["name"], bad[:3])
            typed += column["datatype"] != "string"
    assert typed > 20


def test_metadata_is_stable_json(folder: Path) -> None:
    text = (folder / "csv-metadata.json").read_text(encoding="utf-8")
    assert text.endswith("\n")
    assert json.loads(text)["dialect"]["lineTerminators"] == ["\r\n"]
    assert not (folder / "csv-metadata.json").read_bytes().startswith(b"\xef\xbb\xbf")
