"""The fast result path gives exactly the Terms of the validating one.

``solutions_table`` reads pyoxigraph's answers as SPARQL TSV and builds Terms with
``Term.trusted`` (no checks); these tests compare it, cell by cell, with the plain path: one
pyoxigraph term per cell, converted by the validating ``Term(...)`` constructor.
"""

from __future__ import annotations

import pyoxigraph as ox
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from clustergraph.query.engine import EmbeddedEngine, solutions_table
from clustergraph.query.results import XSD, ResultTable, Term, escape_string, unescape_string

RDF_LANG_STRING = "http://www.w3.org/1999/02/22-rdf-syntax-ns#langString"
EX = "http://example.org/"


def validating_term(value: object) -> Term:
    """What the engine did before the fast path: every cell through ``Term(...)``."""
    if isinstance(value, ox.NamedNode):
        return Term("uri", value.value)
    if isinstance(value, ox.BlankNode):
        return Term("bnode", value.value)
    if isinstance(value, ox.Literal):
        return Term("literal", value.value, value.language, value.datatype.value)
    return Term("literal", str(value))


def _validating_rows(store: ox.Store, query: str) -> ResultTable:
    columns = [variable.value for variable in store.query(query).variables]
    rows = []
    for solution in store.query(query):
        rows.append(
            {
                name: validating_term(value)
                for name, value in zip(columns, solution, strict=True)
                if value is not None
            }
        )
    return ResultTable(columns, rows)


def assert_same(store: ox.Store, query: str) -> ResultTable:
    fast = solutions_table(store.query(query))
    slow = _validating_rows(store, query)
    assert fast == slow
    for fast_row, slow_row in zip(fast.rows, slow.rows, strict=True):
        for name, term in fast_row.items():
            assert vars(term) == vars(slow_row[name])  # same normalised fields, not just ==
            assert hash(term) == hash(slow_row[name])
    return fast


TRICKY_TEXT = [
    "",
    "plain",
    '宁波, "磁性"\n材料',
    "tab\there\r\nand\\backslash\\n not an escape",
    "\x00\x01\x08\x0b\x0c\x1f\x7f control",
    "line\u2028separator\u2029and\x85next\x1c\x1d\x1e",
    "emoji 𝄞 😀 and 'single' quotes",
    'trailing quote"',
    '"',
    "\\",
    "ends with backslash \\",
    "@zh",
    "^^<" + EX + "x>",
]

LITERALS = (
    [ox.Literal(text) for text in TRICKY_TEXT]
    + [ox.Literal(text, language="zh") for text in TRICKY_TEXT]
    + [
        ox.Literal("x", language="ZH-Hant"),
        ox.Literal("y", language="en-GB"),
        ox.Literal("z", language="x-private-Tag1"),
        ox.Literal("1", datatype=ox.NamedNode(XSD + "boolean")),
        ox.Literal("false", datatype=ox.NamedNode(XSD + "boolean")),
        ox.Literal("+05", datatype=ox.NamedNode(XSD + "integer")),
        ox.Literal("-3", datatype=ox.NamedNode(XSD + "integer")),
        ox.Literal("15.80", datatype=ox.NamedNode(XSD + "decimal")),
        ox.Literal(".5", datatype=ox.NamedNode(XSD + "decimal")),
        ox.Literal("1e3", datatype=ox.NamedNode(XSD + "double")),
        ox.Literal("NaN", datatype=ox.NamedNode(XSD + "double")),
        ox.Literal("-INF", datatype=ox.NamedNode(XSD + "float")),
        ox.Literal("2020-01-02", datatype=ox.NamedNode(XSD + "date")),
        ox.Literal("not a date", datatype=ox.NamedNode(XSD + "date")),
        ox.Literal("x", datatype=ox.NamedNode(XSD + "string")),
        ox.Literal('a "typed"\tvalue', datatype=ox.NamedNode(EX + "type")),
    ]
)
NODES = [
    ox.NamedNode(EX + "a"),
    ox.NamedNode("https://w3id.org/clustergraph/id/cluster/浙江-%20?q=1&r=2#frag"),
    ox.NamedNode("urn:x:y"),
    ox.BlankNode("b0"),
    ox.BlankNode("node-with-dashes"),
]


@pytest.fixture(scope="module")
def tricky_store() -> ox.Store:
    store = ox.Store()
    predicate = ox.NamedNode(EX + "p")
    for index, obj in enumerate(LITERALS + NODES):
        store.add(ox.Quad(ox.NamedNode(f"{EX}s{index}"), predicate, obj))
    store.add(ox.Quad(ox.BlankNode("subject"), predicate, ox.NamedNode(EX + "o")))
    return store


def test_every_kind_of_term_reads_the_same(tricky_store: ox.Store) -> None:
    table = assert_same(
        tricky_store, f"SELECT ?s ?o ?missing WHERE {{ ?s <{EX}p> ?o }} ORDER BY ?s ?o"
    )
    assert len(table) == len(LITERALS) + len(NODES) + 1
    assert all("missing" not in row for row in table.rows)  # unbound: absent, not None


def test_unbound_cells_are_absent_and_rows_keep_their_order(tricky_store: ox.Store) -> None:
    query = f"""SELECT ?s ?text ?o WHERE {{
        ?s <{EX}p> ?o .
        OPTIONAL {{ ?s <{EX}p> ?text . FILTER(isLiteral(?text) && lang(?text) = "zh") }}
    }} ORDER BY DESC(?s)"""
    table = assert_same(tricky_store, query)
    assert any("text" in row for row in table.rows)
    assert any("text" not in row for row in table.rows)


@pytest.mark.parametrize(
    "query",
    [
        "SELECT * WHERE {}",  # one solution of no variables
        "SELECT ?x WHERE {}",  # one solution, unbound
        "SELECT ?x WHERE { FILTER(false) }",  # no solution
        "SELECT ?x ?y WHERE { VALUES ?z { 1 2 3 } }",  # three empty rows
        'SELECT ?x WHERE { VALUES ?x { "" "\\t" "a\\nb" } }',
        "SELECT (1 AS ?i) (1.5 AS ?d) (1e0 AS ?f) (true AS ?b) (-0.0 AS ?neg) WHERE {}",
        'SELECT (STRDT("01", <http://www.w3.org/2001/XMLSchema#integer>) AS ?i) WHERE {}',
        'SELECT (STRLANG("x", "EN-us") AS ?l) (STR(<http://e/x>) AS ?s) WHERE {}',
    ],
)
def test_edge_answers_read_the_same(query: str) -> None:
    assert_same(ox.Store(), query)


def test_fresh_blank_nodes_are_blank_nodes() -> None:
    table = solutions_table(ox.Store().query("SELECT (BNODE() AS ?b) WHERE {}"))
    assert table.rows[0]["b"].type == "bnode"
    assert table.rows[0]["b"].value


def test_triple_terms_are_shown_as_text() -> None:
    query = (
        "SELECT ?t WHERE { BIND(<<( <http://e/a> <http://e/p> "
        '<<( <http://e/b> <http://e/q> "x\\ty"@en )>> )>> AS ?t) }'
    )
    table = assert_same(ox.Store(), query)
    assert table.rows[0]["t"].type == "literal"
    assert table.rows[0]["t"].value.startswith("<http://e/a> <http://e/p> ")


def test_the_engine_uses_the_fast_path(tricky_store: ox.Store) -> None:
    query = f"SELECT ?s ?o WHERE {{ ?s <{EX}p> ?o }}"
    assert EmbeddedEngine(tricky_store).run(query) == _validating_rows(tricky_store, query)


# -- Term.trusted against the validating constructor ----------------------------------------------
_LANG_TAG = st.from_regex(r"\A[A-Za-z]{1,8}(-[A-Za-z0-9]{1,8}){0,3}\Z")
_TEXT = st.text(st.characters(exclude_categories=["Cs"]), max_size=40)
_DATATYPE = st.sampled_from(
    [
        None,
        XSD + "string",
        RDF_LANG_STRING,
        XSD + "integer",
        XSD + "decimal",
        XSD + "boolean",
        XSD + "date",
        EX + "custom",
    ]
)


@st.composite
def _term_parts(draw: st.DrawFn) -> tuple[str, str, str | None, str | None]:
    kind = draw(st.sampled_from(["uri", "literal", "bnode"]))
    if kind == "uri":
        return kind, EX + draw(st.from_regex(r"\A[A-Za-z0-9_\-/.#?=&%]{0,30}\Z")), None, None
    if kind == "bnode":
        return kind, draw(st.from_regex(r"\A[A-Za-z][A-Za-z0-9_\-]{0,15}\Z")), None, None
    lang = draw(st.none() | _LANG_TAG)
    datatype = RDF_LANG_STRING if lang and draw(st.booleans()) else draw(_DATATYPE)
    return kind, draw(_TEXT), lang, datatype


@settings(max_examples=300, deadline=None)
@given(_term_parts())
def test_trusted_equals_the_validating_constructor(
    parts: tuple[str, str, str | None, str | None],
) -> None:
    fast, slow = Term.trusted(*parts), Term(*parts)
    assert fast == slow
    assert hash(fast) == hash(slow)
    assert vars(fast) == vars(slow)


@settings(max_examples=150, deadline=None)
@given(text=_TEXT, lang=st.sampled_from([None, "zh", "ZH-Hant", "en-GB", "de-CH-1996", "x-Priv"]))
def test_any_string_survives_the_tsv_path(text: str, lang: str | None) -> None:
    store = ox.Store()
    literal = ox.Literal(text, language=lang) if lang else ox.Literal(text)
    store.add(ox.Quad(ox.NamedNode(EX + "s"), ox.NamedNode(EX + "p"), literal))
    table = assert_same(store, "SELECT ?o ?s WHERE { ?s ?p ?o }")
    assert table.rows[0]["o"] == Term("literal", text, lang)


@given(_TEXT)
def test_unescape_undoes_escape(text: str) -> None:
    assert unescape_string(escape_string(text)) == text


def test_unescape_reads_uchar_and_every_echar() -> None:
    assert unescape_string(r"\u00e9\U0001D11E\t\b\n\r\f\"\'\\") == "é𝄞\t\b\n\r\f\"'\\"
    assert unescape_string(r"a\\nb") == "a\\nb"
