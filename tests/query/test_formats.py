"""Output formats follow the W3C SPARQL 1.1 results specs; the table lines up CJK text."""

from __future__ import annotations

import csv
import io
import json

import pytest
from rdflib.plugins.sparql.results.csvresults import CSVResultParser
from rdflib.plugins.sparql.results.jsonresults import JSONResultParser
from rdflib.plugins.sparql.results.tsvresults import TSVResultParser

from clustergraph.query.catalogue import load_query, query_names
from clustergraph.query.formats import display_width, render, to_table
from clustergraph.query.results import XSD, ResultTable, Term
from clustergraph.query.runner import run_canned

from .conftest import FIXTURE

TRICKY = ResultTable(
    ["s", "label", "n", "note"],
    [
        {
            "s": Term.iri("https://w3id.org/clustergraph/id/cluster/a"),
            "label": Term.literal('宁波, "磁性"\n材料', lang="zh"),
            "n": Term.literal("15.8", datatype=XSD + "decimal"),
            "note": Term.literal("tab\there"),
        },
        {"s": Term("bnode", "b0"), "n": Term.literal("7", datatype=XSD + "integer")},
    ],
)


def _rdflib_term(node: object) -> Term | None:
    import rdflib

    if node is None:
        return None
    if isinstance(node, rdflib.URIRef):
        return Term.iri(str(node))
    if isinstance(node, rdflib.BNode):
        return Term("bnode", str(node))
    assert isinstance(node, rdflib.Literal)
    return Term.literal(str(node), node.language, str(node.datatype) if node.datatype else None)


def test_json_is_sparql_results_json() -> None:
    text = render(TRICKY, "json")
    data = json.loads(text)
    assert data["head"]["vars"] == TRICKY.columns
    assert data["results"]["bindings"][0]["label"] == {
        "type": "literal",
        "value": '宁波, "磁性"\n材料',
        "xml:lang": "zh",
    }
    assert data["results"]["bindings"][1] == {
        "s": {"type": "bnode", "value": "b0"},
        "n": {"type": "literal", "value": "7", "datatype": XSD + "integer"},
    }
    parsed = JSONResultParser().parse(io.StringIO(text))
    rows = [{str(k): _rdflib_term(v) for k, v in row.asdict().items()} for row in parsed]
    assert rows[0] == TRICKY.rows[0]


def test_csv_is_sparql_results_csv() -> None:
    text = render(TRICKY, "csv")
    assert text.startswith("s,label,n,note\r\n")
    assert text.endswith("\r\n")
    rows = list(csv.reader(io.StringIO(text, newline="")))
    assert rows[0] == TRICKY.columns
    assert rows[1] == [
        "https://w3id.org/clustergraph/id/cluster/a",
        '宁波, "磁性"\n材料',
        "15.8",
        "tab\there",
    ]
    assert rows[2] == ["_:b0", "", "7", ""]
    parsed = CSVResultParser().parse(io.BytesIO(text.encode("utf-8")))
    assert [str(v) for v in parsed.vars] == TRICKY.columns
    assert len(list(parsed)) == 2


def test_tsv_is_sparql_results_tsv() -> None:
    text = render(TRICKY, "tsv")
    lines = text.split("\n")
    assert lines[0] == "?s\t?label\t?n\t?note"
    assert lines[1].split("\t")[0] == "<https://w3id.org/clustergraph/id/cluster/a>"
    assert '"宁波, \\"磁性\\"\\n材料"@zh' in lines[1]
    assert f'"15.8"^^<{XSD}decimal>' in lines[1]
    assert lines[2] == f'_:b0\t\t"7"^^<{XSD}integer>\t'
    parsed = TSVResultParser().parse(io.StringIO(text))
    rows = [{str(k): _rdflib_term(v) for k, v in row.asdict().items()} for row in parsed]
    assert rows[0] == TRICKY.rows[0]
    assert rows[1]["n"] == TRICKY.rows[1]["n"]


@pytest.mark.parametrize("name", query_names())
@pytest.mark.parametrize("fmt", ["csv", "tsv", "json"])
def test_every_query_round_trips(name: str, fmt: str) -> None:
    query = load_query(name)
    table = run_canned(query, dict(query.expect.params), data=FIXTURE)
    text = render(table, fmt)
    if fmt == "json":
        data = json.loads(text)
        assert data["head"]["vars"] == list(query.columns)
        assert len(data["results"]["bindings"]) == len(table.rows)
        back = [{k: Term.from_json(v) for k, v in b.items()} for b in data["results"]["bindings"]]
        assert back == table.rows
    elif fmt == "csv":
        rows = list(csv.reader(io.StringIO(text, newline="")))
        assert rows[0] == list(query.columns)
        assert len(rows) == len(table.rows) + 1
        assert text.endswith("\r\n")
        plain = [[row[c].value if c in row else "" for c in query.columns] for row in table.rows]
        if all(r.get(c) is None or r[c].type != "bnode" for r in table.rows for c in r):
            assert rows[1:] == plain
    else:
        parsed = TSVResultParser().parse(io.StringIO(text))
        assert [str(v) for v in parsed.vars] == list(query.columns)
        rows = [{str(k): _rdflib_term(v) for k, v in r.asdict().items()} for r in parsed]
        assert rows == table.rows


def test_display_width_counts_cjk_twice() -> None:
    assert display_width("abc") == 3
    assert display_width("宁波") == 4
    assert display_width("（简称）") == 8
    assert display_width("e\u0301") == 1


def test_table_aligns_cjk_columns() -> None:
    table = ResultTable(
        ["label", "n"],
        [
            {"label": Term.literal("宁波市", lang="zh"), "n": Term.literal("1")},
            {"label": Term.literal("Wuxi"), "n": Term.literal("22")},
        ],
    )
    lines = to_table(table, {}).splitlines()
    assert lines[-1] == "(2 rows)"
    positions = {
        display_width(line[: line.index(n)])
        for line, n in zip(lines[2:4], ["1", "22"], strict=True)
    }
    assert len(positions) == 1  # the second column starts at the same screen column


def test_table_shortens_iris_and_cuts_long_cells() -> None:
    table = ResultTable(
        ["s", "q"],
        [
            {
                "s": Term.iri("https://w3id.org/clustergraph/id/cluster/a"),
                "q": Term.literal("长" * 100),
            }
        ],
    )
    text = to_table(table, {"cgid": "https://w3id.org/clustergraph/id/"}, max_cell=20)
    assert "cgid:cluster/a" in text
    assert max(display_width(line) for line in text.splitlines()) <= 20 + 2 + 14
    assert "…" in text
