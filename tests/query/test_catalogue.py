"""Every canned query: its header is valid, strict, and agrees with its SPARQL."""

from __future__ import annotations

import pyoxigraph
import pytest
from rdflib.plugins.sparql import prepareQuery

from clustergraph.errors import QueryError
from clustergraph.query.catalogue import (
    HEADER_KEYS,
    VIEWS,
    load_all,
    load_query,
    parse_query,
    query_names,
)
from clustergraph.query.params import bind_parameters, inject_values
from clustergraph.query.results import Term

NAMES = query_names()
REQUIRED = {
    "clusters": ["cluster", "label", "provinces", "cities", "industry", "category"],
    "cluster-profile": ["property", "value"],
    "cluster-measures": ["cluster", "clusterLabel", "ordinal", "label", "category", "quote"],
    "measures-by-category": ["category", "count", "clusters"],
    "institutions": ["institution", "label", "type", "clusters", "roles"],
    "promotion-agencies": ["agency", "agencyLabel", "cluster", "clusterLabel", "quote"],
    "leading-enterprises": ["institution", "label", "cluster", "clusterLabel", "quote"],
    "cross-regional-clusters": ["cluster", "label", "regions"],
    "cross-regional-links": ["from", "fromLabel", "to", "toLabel", "kind", "clusterLabel", "quote"],
    "policy-timeline": ["date", "policy", "label", "issuer", "level", "documentNumber"],
    "provincial-cluster-plans": [
        "province",
        "document",
        "documentNumber",
        "tier",
        "tierCount",
        "target",
    ],
    "competition-statistics": ["category", "count"],
    "work-report-phrasing": ["province", "phrase"],
    "provinces-without-cluster-mention": ["province", "label"],
    "quantities": ["cluster", "clusterLabel", "value", "unit", "qualifier", "what", "quote"],
    "evidence": ["quote", "start", "end", "source"],
    "data-quality-findings": ["finding", "kind", "description", "quote"],
    "region-clusters": ["cluster", "label"],
    "national-list-status": ["cluster", "label", "list", "year", "nameInList"],
}


def test_catalogue_has_every_required_query_with_its_columns_first() -> None:
    missing = sorted(set(REQUIRED) - set(NAMES))
    assert not missing, f"missing canned queries: {missing}"
    for name, columns in REQUIRED.items():
        assert list(load_query(name).columns[: len(columns)]) == columns, name


@pytest.mark.parametrize("name", NAMES)
def test_header_parses_and_is_complete(name: str) -> None:
    query = load_query(name)
    assert query.title.zh and query.title.en
    assert query.description.zh and query.description.en
    assert query.view in VIEWS
    assert query.columns
    assert query.expect.min_rows >= 1
    assert all(p.name in query.columns for p in query.parameters)


@pytest.mark.parametrize("name", NAMES)
def test_unknown_header_key_is_rejected(name: str) -> None:
    query = load_query(name)
    text = "#+ titel: typo\n" + query.text
    with pytest.raises(QueryError, match="unknown header key 'titel'"):
        parse_query(text, name)


@pytest.mark.parametrize("name", NAMES)
def test_parses_with_rdflib_and_pyoxigraph_and_projects_the_columns(name: str) -> None:
    query = load_query(name)
    prepared = prepareQuery(query.text)
    assert [str(v) for v in prepared.algebra["PV"]] == list(query.columns)
    solutions = pyoxigraph.Store().query(query.text)
    assert [v.value for v in solutions.variables] == list(query.columns)


@pytest.mark.parametrize("name", [n for n in NAMES if load_query(n).parameters])
def test_parameterised_text_parses_everywhere(name: str) -> None:
    """The remote form (VALUES injected after the WHERE brace) is still plain SPARQL 1.1."""
    query = load_query(name)
    given = dict(query.expect.params)
    for parameter in query.parameters:
        if parameter.type == "enum":
            given.setdefault(parameter.name, parameter.values[-1])
    text = inject_values(query.text, bind_parameters(query, given))
    assert text.count("VALUES ?") >= len(given)
    prepareQuery(text)
    pyoxigraph.Store().query(text)


def _header(extra: str, columns: str = "[a]") -> str:
    return (
        "#+ title: {zh: 甲, en: A}\n#+ description: {zh: 甲, en: A}\n"
        f"#+ columns: {columns}\n#+ view: table\n{extra}"
        "SELECT ?a WHERE { ?a ?b ?c }\n"
    )


@pytest.mark.parametrize(
    ("text", "message"),
    [
        (_header("", "[a, b]"), "differ from the SELECT variables"),
        (
            _header("#+ parameters:\n#+   - {name: a, type: iri, typo: 1}\n"),
            "unknown parameter key",
        ),
        (_header("#+ parameters:\n#+   - {name: b, type: string}\n"), "must be projected"),
        (_header("#+ parameters:\n#+   - {name: a, type: float}\n"), "has type 'float'"),
        (_header("#+ parameters:\n#+   - {name: a, type: enum}\n"), "'values' go with type enum"),
        (_header("#+ expect: {min_rows: 1, contain: []}\n"), "unknown expect key"),
        (_header("#+ expect: {contains: [{nope: x}]}\n"), "map result columns"),
        (_header("#+ view: grid\n").replace("#+ view: table\n", ""), "view 'grid'"),
        ("#+ title: {zh: 甲, en: A}\nSELECT ?a WHERE { ?a ?b ?c }", "is missing"),
        ("#+ title: [unclosed\nSELECT ?a WHERE { ?a ?b ?c }", "not valid YAML"),
    ],
    ids=[
        "columns-mismatch",
        "parameter-key-typo",
        "parameter-not-projected",
        "bad-type",
        "enum-without-values",
        "expect-key-typo",
        "expect-unknown-column",
        "bad-view",
        "missing-keys",
        "bad-yaml",
    ],
)
def test_header_errors_are_one_clear_line(text: str, message: str) -> None:
    with pytest.raises(QueryError, match=message) as error:
        parse_query(text, "t")
    assert "\n" not in str(error.value)


def test_header_keys_are_the_documented_ones() -> None:
    assert HEADER_KEYS == (
        "title",
        "description",
        "parameters",
        "columns",
        "view",
        "tags",
        "expect",
    )


def test_unknown_query_lists_the_known_ones() -> None:
    with pytest.raises(QueryError) as error:
        load_query("clusterz")
    message = str(error.value)
    assert "unknown query 'clusterz'" in message and "clusters" in message and "\n" not in message
    with pytest.raises(QueryError, match="unknown query"):
        load_query("../pyproject")


def test_summaries_are_json_ready() -> None:
    import json

    text = json.dumps([q.summary() for q in load_all()], ensure_ascii=False)
    assert '"name": "clusters"' in text
    assert Term.literal("x").to_json() == {"type": "literal", "value": "x"}
