"""Every edge kind a projection can produce has a zh and an en name (the HTML edge-kind filter,
the legend and the pictures show names, never raw keys such as ``located-in`` or ``role:host``)."""

from __future__ import annotations

import re
from pathlib import Path

import networkx as nx
import pytest
from rdflib import Graph, Literal, URIRef
from rdflib.namespace import SKOS

from clustergraph.network import project, projection_names
from clustergraph.network.html import payload
from clustergraph.network.layout import positions
from clustergraph.network.projections import load_projection, projections_dir
from clustergraph.network.style import RELATION_NAMES, relation_name
from clustergraph.resources import data_path
from tests.network.conftest import ROOT
from tests.network.test_divisions import DIVISIONS

BUILT = ROOT / "kg" / "clustergraph.ttl"
CG = "https://w3id.org/clustergraph/ontology#"
_BIND = re.compile(r'BIND\(\s*"([^"]+)"\s+AS\s+\?relation\s*\)')
_VALUES = re.compile(r"VALUES\s*\(([^)]*)\)\s*\{(.*?)\}", re.DOTALL)
_ROW = re.compile(r"\(([^()]*)\)")


def _values_rows(text: str) -> list[dict[str, str]]:
    """The rows of every ``VALUES (?a ?b) { (x "y") … }`` block that binds ``?relation``."""
    rows = []
    for header, body in _VALUES.findall(text):
        names = header.split()
        if "?relation" not in names:
            continue
        for row in _ROW.findall(body):
            cells = re.findall(r'"[^"]*"|\S+', row)
            assert len(cells) == len(names), row
            rows.append({n: c.strip('"') for n, c in zip(names, cells, strict=True)})
    return rows


def declared_kinds() -> set[str]:
    """Every ``?relation`` literal of the projection queries (BIND or VALUES)."""
    kinds: set[str] = set()
    for name in projection_names():
        text = load_projection(name).text
        kinds.update(_BIND.findall(text))
        kinds.update(row["?relation"] for row in _values_rows(text))
    return kinds


def _kinds(graph: nx.Graph) -> set[str]:
    return {r for _, _, rel in graph.edges(data="relations") for r in rel.split(";") if r}


def _assert_named(kinds: set[str]) -> None:
    for kind in sorted(kinds):
        zh, en = relation_name(kind)
        assert kind in RELATION_NAMES, kind
        assert zh and en and zh != kind, kind  # en may equal the key ("investment")
        assert re.search(r"[\u4e00-\u9fff]", zh) and en.isascii(), kind


def test_the_queries_declare_the_kinds_we_expect() -> None:
    kinds = declared_kinds()
    assert {"industry-division", "located-in", "mentioned-in", "same-cluster"} <= kinds
    assert {k for k in kinds if k.startswith("role:")} == {
        "role:promotion-agency",
        "role:leading-enterprise",
        "role:founder",
        "role:host",
        "role:partner",
        "role:member",
        "role:supporting-enterprise",
    }
    # the parser sees every query that binds ?relation
    for path in sorted(projections_dir().glob("*.rq")):
        if path.stem in projection_names() and "?relation" in path.read_text(encoding="utf-8"):
            text = load_projection(path.stem).text
            assert _BIND.search(text) or _values_rows(text), path.name


def test_every_declared_kind_and_the_default_has_a_name() -> None:
    _assert_named(declared_kinds() | {"related"})
    # and no name is left over for a kind nothing produces
    assert set(RELATION_NAMES) == declared_kinds() | {"related"}


def test_role_kinds_are_named_by_their_role_concepts() -> None:
    ontology = Graph().parse(data_path("ontology/clustergraph.ttl"))
    text = load_projection("cluster-institution-region").text
    roles = [row for row in _values_rows(text) if row["?relation"].startswith("role:")]
    assert len(roles) == 7
    for row in roles:
        concept = URIRef(CG + row["?roleConcept"].removeprefix("cg:"))
        labels = {label.language: str(label) for label in ontology.objects(concept, SKOS.prefLabel)}
        zh, en = relation_name(row["?relation"])
        assert zh == labels["zh"], row
        assert en == labels["en"][0].lower() + labels["en"][1:], row
        assert Literal(zh, lang="zh") in set(ontology.objects(concept, SKOS.prefLabel))


@pytest.mark.parametrize("name", projection_names())
def test_kinds_on_the_fixtures_have_names(name: str, planted: Path) -> None:
    found: set[str] = set()
    for data in (planted, DIVISIONS):
        graph = project(name, data, metrics=False)
        found |= _kinds(graph)
        relations = payload(graph, positions(graph))["relations"]
        for item in relations:
            assert (item["zh"], item["en"]) == RELATION_NAMES[item["key"]], item
    assert found, name
    _assert_named(found)


@pytest.mark.skipif(
    not BUILT.is_file() or BUILT.stat().st_size == 0, reason="kg/clustergraph.ttl is not built"
)
def test_kinds_on_the_built_graph_have_names() -> None:
    found: set[str] = set()
    for name in projection_names():
        found |= _kinds(project(name, BUILT, metrics=False))
    assert {"located-in", "mentioned-in", "industry-division", "same-cluster"} <= found
    assert any(k.startswith("role:") for k in found)
    _assert_named(found)
