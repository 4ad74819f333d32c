"""OWL 2 RL closure of ontology + data: the valid fixture is consistent, planted clashes are not."""

from __future__ import annotations

from pathlib import Path

import pytest
from rdflib import Graph, Literal, URIRef
from rdflib.namespace import RDF

from clustergraph.graph.namespaces import CG
from clustergraph.validate.consistency import check_consistency
from clustergraph.validate.ontology import load_ontology

FIXTURE = Path(__file__).resolve().parents[1] / "shapes" / "fixtures" / "valid.ttl"
HANGZHOU_CLUSTER = URIRef(
    "https://w3id.org/clustergraph/id/cluster/zhe-jiang-hang-zhou-shu-zi-an-fang-ji-qun"
)
HANGZHOU = URIRef("https://w3id.org/clustergraph/id/region/330100")


@pytest.fixture(scope="module")
def onto() -> Graph:
    return load_ontology()


@pytest.fixture(scope="module")
def fixture_graph() -> Graph:
    return Graph().parse(FIXTURE)


def test_ontology_alone_is_consistent(onto: Graph) -> None:
    assert check_consistency(Graph(), onto) == []


def test_valid_fixture_is_consistent(fixture_graph: Graph, onto: Graph) -> None:
    size = len(fixture_graph)
    assert check_consistency(fixture_graph, onto) == []
    assert len(fixture_graph) == size  # the closure ran on a copy


def test_individual_of_two_disjoint_classes_is_reported(fixture_graph: Graph, onto: Graph) -> None:
    data = Graph()
    data += fixture_graph
    data.add((HANGZHOU_CLUSTER, RDF.type, CG.Region))
    problems = check_consistency(data, onto)
    assert problems
    assert any(str(HANGZHOU_CLUSTER) in p for p in problems)


def test_domain_entailment_clash_is_reported(fixture_graph: Graph, onto: Graph) -> None:
    # cg:caseNumber has rdfs:domain cg:Cluster, and cg:Cluster is disjoint with cg:Region.
    data = Graph()
    data += fixture_graph
    data.add((HANGZHOU, CG.caseNumber, Literal(1)))
    assert any(str(HANGZHOU) in p for p in check_consistency(data, onto))
