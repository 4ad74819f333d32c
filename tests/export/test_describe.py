"""The DCAT/VoID description in the built graph: what it states is true of the data it describes,
and it is derived from the data alone (same data, same bytes)."""

from __future__ import annotations

import pyoxigraph
import pytest
from rdflib import Graph, Literal, URIRef
from rdflib.namespace import DCAT, DCTERMS, OWL, RDF, RDFS, SKOS, VOID, XSD

import clustergraph
from clustergraph.graph import describe
from clustergraph.graph.describe import DATASET, WIKIDATA, dataset_description
from clustergraph.graph.namespaces import CG, WD
from clustergraph.graph.serialize import to_turtle
from tests.conftest import SOURCE

MEDIA_TYPES = {"text/turtle", "application/n-triples", "application/ld+json", "text/csv"}


@pytest.fixture(scope="module")
def build() -> tuple[Graph, Graph]:
    """(data graph as it was just before the description was added, final built graph)."""
    from clustergraph.pipeline import build_graph

    recorded: list[Graph] = []
    original = describe.describe_dataset

    def record(graph: Graph) -> int:
        snapshot = Graph()
        for triple in graph:
            snapshot.add(triple)
        recorded.append(snapshot)
        return original(graph)

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(describe, "describe_dataset", record)
        result = build_graph(SOURCE)
    assert len(recorded) == 1
    return recorded[0], result.graph


def count(graph: Graph, query: str) -> int:
    store = pyoxigraph.Store()
    store.load(
        graph.serialize(format="nt", encoding="utf-8"), format=pyoxigraph.RdfFormat.N_TRIPLES
    )
    return int(next(iter(store.query(query)))["n"].value)


def integer(graph: Graph, subject: URIRef, predicate: URIRef) -> int:
    value = graph.value(subject, predicate)
    assert isinstance(value, Literal) and value.datatype == XSD.integer, (subject, predicate)
    return int(value)


def test_dataset_node_is_dcat_and_void(build) -> None:
    _, graph = build
    assert (DATASET, RDF.type, DCAT.Dataset) in graph
    assert (DATASET, RDF.type, VOID.Dataset) in graph
    titles = {t.language for t in graph.objects(DATASET, DCTERMS.title)}
    assert titles == {"zh", "en"}
    assert graph.value(DATASET, DCTERMS.license) == URIRef(
        "https://creativecommons.org/licenses/by/4.0/"
    )
    publisher = graph.value(DATASET, DCTERMS.publisher)
    assert publisher is not None and graph.value(publisher, RDFS.label) is not None
    assert str(graph.value(DATASET, OWL.versionInfo)) == clustergraph.__version__
    assert str(graph.value(DATASET, URIRef(f"{DCAT}version"))) == clustergraph.__version__
    assert graph.value(DATASET, DCTERMS.source) is not None  # the white paper, from the writer


def test_distributions_have_media_types_and_urls(build) -> None:
    _, graph = build
    distributions = sorted(graph.objects(DATASET, DCAT.distribution))
    assert len(distributions) == len(MEDIA_TYPES)
    media = set()
    for dist in distributions:
        assert (dist, RDF.type, DCAT.Distribution) in graph
        media.add(str(graph.value(dist, DCAT.mediaType)))
        url = graph.value(dist, DCAT.downloadURL) or graph.value(dist, DCAT.accessURL)
        assert isinstance(url, URIRef) and str(url).startswith("https://w3id.org/clustergraph/")
        assert graph.value(dist, DCTERMS.license) is not None
    assert media == MEDIA_TYPES
    dumps = set(graph.objects(DATASET, VOID.dataDump))
    assert len(dumps) == 3  # the RDF files; CSV is a folder (accessURL)


def test_triple_count_is_the_data_triples(build) -> None:
    data, graph = build
    stated = integer(graph, DATASET, VOID.triples)
    assert stated == len(data)
    added = {t for t in dataset_description(data) if t not in data}
    assert len(graph) == stated + len(added)


def test_a_class_partition_per_class_with_its_entity_count(build) -> None:
    data, graph = build
    partitions = list(graph.objects(DATASET, VOID.classPartition))
    stated = {graph.value(p, VOID["class"]): integer(graph, p, VOID.entities) for p in partitions}
    assert len(stated) == len(partitions) == integer(graph, DATASET, VOID.classes)
    store = pyoxigraph.Store()
    store.load(data.serialize(format="nt", encoding="utf-8"), format=pyoxigraph.RdfFormat.N_TRIPLES)
    query = "SELECT ?c (COUNT(DISTINCT ?x) AS ?n) WHERE { ?x a ?c FILTER(isIRI(?c)) } GROUP BY ?c"
    counted = {URIRef(s["c"].value): int(s["n"].value) for s in store.query(query)}
    assert stated == counted
    assert stated[CG.Cluster] == 20 and stated[CG.Region] >= 31 and stated[SKOS.Concept] > 50


def test_linksets_to_wikidata_count_the_links(build) -> None:
    data, graph = build
    linksets = sorted(graph.subjects(RDF.type, VOID.Linkset))
    by_predicate = {graph.value(ls, VOID.linkPredicate): ls for ls in linksets}
    assert set(by_predicate) == {OWL.sameAs, SKOS.exactMatch}
    for predicate, linkset in by_predicate.items():
        expected = count(
            data,
            f"SELECT (COUNT(*) AS ?n) WHERE {{ ?s <{predicate}> ?o "
            f'FILTER(STRSTARTS(STR(?o), "{WD}")) }}',
        )
        assert integer(graph, linkset, VOID.triples) == expected > 0
        assert graph.value(linkset, VOID.objectsTarget) == WIKIDATA
        assert graph.value(linkset, VOID.subjectsTarget) == DATASET
        assert (DATASET, VOID.subset, linkset) in graph
    assert graph.value(WIKIDATA, VOID.sparqlEndpoint) == URIRef("https://query.wikidata.org/sparql")


def test_example_resources_exist_in_the_data(build) -> None:
    data, graph = build
    examples = set(graph.objects(DATASET, VOID.exampleResource))
    assert len(examples) >= 3
    kinds = {cls for e in examples for cls in data.objects(e, RDF.type)}
    assert {CG.Cluster, CG.Institution, CG.Region} <= kinds


def test_description_is_derived_deterministically(build) -> None:
    data, graph = build
    first = dataset_description(data)
    shuffled = Graph()
    for triple in sorted(data, reverse=True):
        shuffled.add(triple)
    second = dataset_description(shuffled)
    assert to_turtle(first) == to_turtle(second)
    assert all(triple in graph for triple in first)
