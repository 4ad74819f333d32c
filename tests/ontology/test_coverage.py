"""Every predicate and class the data uses is standard or declared; cg: terms must be ours."""

from __future__ import annotations

from pathlib import Path

import pytest
from rdflib import Graph, Literal, URIRef
from rdflib.namespace import RDF

from clustergraph.graph.namespaces import PREFIXES

CG = PREFIXES["cg"]  # a plain namespace: these tests mint undeclared terms on purpose
from clustergraph.validate.coverage import undeclared_terms
from clustergraph.validate.ontology import load_ontology

FIXTURE = Path(__file__).resolve().parents[1] / "shapes" / "fixtures" / "valid.ttl"
HANGZHOU = URIRef("https://w3id.org/clustergraph/id/region/330100")


@pytest.fixture(scope="module")
def onto() -> Graph:
    return load_ontology()


@pytest.fixture
def data() -> Graph:
    return Graph().parse(FIXTURE)


def test_valid_fixture_uses_only_declared_terms(data: Graph, onto: Graph) -> None:
    assert undeclared_terms(data, onto) == set()


def test_misspelled_cg_property_is_reported(data: Graph, onto: Graph) -> None:
    data.add((HANGZHOU, CG.hasRegoin, URIRef("https://w3id.org/clustergraph/id/region/330000")))
    assert undeclared_terms(data, onto) == {CG.hasRegoin}


def test_misspelled_cg_class_is_reported(data: Graph, onto: Graph) -> None:
    data.add((HANGZHOU, RDF.type, CG.Regoin))
    assert undeclared_terms(data, onto) == {CG.Regoin}


def test_cg_class_used_as_predicate_is_reported(data: Graph, onto: Graph) -> None:
    data.add((HANGZHOU, CG.Region, Literal("x")))
    assert undeclared_terms(data, onto) == {CG.Region}


def test_undeclared_cg_concept_as_object_is_reported(data: Graph, onto: Graph) -> None:
    data.add((HANGZHOU, CG.linkKind, CG.SameCityIntegratoin))
    assert undeclared_terms(data, onto) == {CG.SameCityIntegratoin}


def test_foreign_vocabulary_is_reported(data: Graph, onto: Graph) -> None:
    foreign = URIRef("http://example.org/vocab#population")
    data.add((HANGZHOU, foreign, Literal(1)))
    data.add((HANGZHOU, RDF.type, URIRef("http://example.org/vocab#City")))
    assert undeclared_terms(data, onto) == {foreign, URIRef("http://example.org/vocab#City")}


def test_standard_vocabularies_and_namespace_iri_are_allowed(data: Graph, onto: Graph) -> None:
    dataset = URIRef("https://w3id.org/clustergraph/id/dataset/clustergraph")
    data.add((dataset, URIRef("http://rdfs.org/ns/void#vocabulary"), URIRef(str(CG))))
    data.add((HANGZHOU, URIRef("https://schema.org/identifier"), Literal("330100")))
    data.add((HANGZHOU, URIRef("http://xmlns.com/foaf/0.1/name"), Literal("杭州")))
    assert undeclared_terms(data, onto) == set()
