"""Parameters are typed and never become query text: injection attempts stay data."""

from __future__ import annotations

import pyoxigraph
import pytest
from rdflib.plugins.sparql import prepareQuery

from clustergraph.errors import QueryError
from clustergraph.query.catalogue import Parameter, load_query
from clustergraph.query.engine import EmbeddedEngine, load_store
from clustergraph.query.params import (
    bind_parameters,
    inject_values,
    parse_assignments,
    parse_value,
)
from clustergraph.query.results import XSD, Term
from clustergraph.query.runner import run_canned

from .conftest import FIXTURE

INJECTION = "x> } ; DROP ALL ; #"
IRI = Parameter("cluster", "iri", or_label=True, label_variable="clusterName")
STRICT_IRI = Parameter("entity", "iri")


def test_typed_values() -> None:
    assert parse_value(Parameter("n", "integer"), " 42 ") == (
        "n",
        Term.literal("42", datatype=XSD + "integer"),
    )
    assert parse_value(Parameter("d", "date"), "2020")[1].datatype == XSD + "gYear"
    assert parse_value(Parameter("d", "date"), "2020-05")[1].datatype == XSD + "gYearMonth"
    assert parse_value(Parameter("d", "date"), "2020-05-31")[1].datatype == XSD + "date"
    assert parse_value(Parameter("e", "enum", values=("a", "b")), "b") == ("e", Term.literal("b"))
    assert parse_value(Parameter("s", "string"), INJECTION) == ("s", Term.literal(INJECTION))
    assert parse_value(IRI, "http://example.org/x") == ("cluster", Term.iri("http://example.org/x"))
    assert parse_value(IRI, "<http://example.org/x>")[1] == Term.iri("http://example.org/x")
    assert parse_value(IRI, "宁波材料所") == ("clusterName", Term.literal("宁波材料所"))
    expanded = parse_value(IRI, "cgid:cluster/a", {"cgid": "https://w3id.org/clustergraph/id/"})
    assert expanded[1] == Term.iri("https://w3id.org/clustergraph/id/cluster/a")


@pytest.mark.parametrize(
    ("parameter", "raw", "message"),
    [
        (Parameter("n", "integer"), "4.2", "needs an integer"),
        (Parameter("d", "date"), "2020-13", "YYYY, YYYY-MM or YYYY-MM-DD"),
        (Parameter("d", "date"), "2020-02-30", "YYYY, YYYY-MM or YYYY-MM-DD"),
        (Parameter("e", "enum", values=("a", "b")), "c", "must be one of a, b"),
        (STRICT_IRI, "not an iri", "needs an absolute IRI"),
        (STRICT_IRI, "http://x/a b", "needs an absolute IRI"),
        (STRICT_IRI, 'http://x/"', "needs an absolute IRI"),
        (STRICT_IRI, "http://x/{a}", "needs an absolute IRI"),
        (STRICT_IRI, "http://x/a\\b", "needs an absolute IRI"),
        (STRICT_IRI, "http://x/a^b", "needs an absolute IRI"),
        (STRICT_IRI, "http://x/a`b", "needs an absolute IRI"),
        (STRICT_IRI, "http://x/a|b", "needs an absolute IRI"),
        (STRICT_IRI, "http://x" + INJECTION, "needs an absolute IRI"),
        (IRI, "http://x" + INJECTION, "needs an absolute IRI or a label"),
        (IRI, "   ", "needs an absolute IRI or a label"),
    ],
    ids=lambda value: value if isinstance(value, str) else None,
)
def test_bad_values_are_query_errors(parameter: Parameter, raw: str, message: str) -> None:
    with pytest.raises(QueryError, match=message) as error:
        parse_value(parameter, raw)
    assert "\n" not in str(error.value)


def test_unknown_and_missing_parameters_list_what_exists() -> None:
    query = load_query("competition-statistics")
    with pytest.raises(QueryError) as error:
        bind_parameters(query, {"stag": "winners"})
    assert "unknown parameter 'stag'" in str(error.value)
    assert "stage=entrants|winners" in str(error.value)
    with pytest.raises(QueryError, match="known: none"):
        bind_parameters(load_query("clusters"), {"x": "1"})
    with pytest.raises(QueryError, match="needs parameter region="):
        bind_parameters(load_query("region-clusters"), {})
    defaults = bind_parameters(query, {})
    assert defaults == {"stage": Term.literal("entrants"), "dimension": Term.literal("industry")}


def test_parse_assignments() -> None:
    assert parse_assignments(["a=1", "b=x=y", "c="]) == {"a": "1", "b": "x=y", "c": ""}
    with pytest.raises(QueryError, match="name=value"):
        parse_assignments(["novalue"])
    with pytest.raises(QueryError, match="given twice"):
        parse_assignments(["a=1", "a=2"])


def test_values_block_is_one_escaped_term() -> None:
    text = "PREFIX x: <http://x/>\nSELECT ?s ?name WHERE { ?s ?p ?name }"
    sneaky = 'a" } ; DROP ALL ; # \\u0022 \n\t'
    injected = inject_values(text, {"name": Term.literal(sneaky)})
    assert injected.startswith("PREFIX x: <http://x/>\nSELECT ?s ?name WHERE { VALUES ?name { ")
    assert '"a\\" } ; DROP ALL ; # \\\\u0022 \\n\\t"' in injected
    prepareQuery(injected)  # still one query
    store = pyoxigraph.Store()
    store.add(
        pyoxigraph.Quad(
            pyoxigraph.NamedNode("http://x/s"),
            pyoxigraph.NamedNode("http://x/p"),
            pyoxigraph.Literal(sneaky),
        )
    )
    rows = list(store.query(injected))
    assert len(rows) == 1 and rows[0]["name"].value == sneaky  # the string arrived intact


def test_where_brace_ignores_braces_in_strings_comments_and_projection() -> None:
    text = (
        '# { comment\nSELECT ?a (EXISTS { ?a ?b ?c } AS ?e) ?l\nWHERE { ?a ?b "}" . '
        "?a <http://x/p> ?l }"
    )
    injected = inject_values(text, {"l": Term.literal("v")})
    assert 'WHERE { VALUES ?l { "v" }' in injected
    prepareQuery(injected)


@pytest.mark.parametrize("name", ["cluster-profile", "evidence", "cluster-measures"])
def test_injection_string_is_harmless_embedded(name: str) -> None:
    query = load_query(name)
    parameter = query.parameters[0].name
    store = load_store(FIXTURE)
    before = len(store)
    table = run_canned(query, {parameter: INJECTION}, data=FIXTURE)
    assert table.rows == []  # treated as a label that matches nothing
    with pytest.raises(QueryError):
        run_canned(query, {parameter: "http://a" + INJECTION}, data=FIXTURE)
    assert len(load_store(FIXTURE)) == before


def test_injection_string_is_harmless_in_string_parameters() -> None:
    before = len(load_store(FIXTURE))
    for value in (INJECTION, 'x" } ; DROP ALL ; #', "x' } ; DROP ALL ; #"):
        table = run_canned(load_query("region-clusters"), {"region": value}, data=FIXTURE)
        assert table.rows == []
    assert len(load_store(FIXTURE)) == before


def test_embedded_substitution_equals_values_injection() -> None:
    """Both binding mechanisms give the same rows (the .rq files are written for both)."""
    engine = EmbeddedEngine(FIXTURE)
    for name, params in [
        ("cluster-measures", {"cluster": "浙江宁波磁性材料集群", "category": "governance"}),
        ("cluster-measures", {}),
        ("cluster-profile", {"cluster": "cgid:cluster/zhe-jiang-ning-bo-ci-xing-cai-liao-ji-qun"}),
        ("institutions", {"type": "institution"}),
        ("policy-timeline", {"level": "central"}),
        ("evidence", {"entity": "宁波材料所"}),
        ("region-clusters", {"region": "320000"}),
        ("competition-statistics", {"stage": "winners", "dimension": "province"}),
    ]:
        query = load_query(name)
        bindings = bind_parameters(query, params)
        substituted = engine.run(query.text, bindings)
        injected = engine.run(inject_values(query.text, bindings), {})
        assert substituted.rows, (name, params)
        assert substituted == injected, (name, params)
