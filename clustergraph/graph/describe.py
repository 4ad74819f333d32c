"""DCAT + VoID description of the built dataset, derived from the graph itself.

Counts describe the data triples (everything but this description), so the numbers are stable and
can be checked: build twice and the description is byte-identical.
"""

from __future__ import annotations

from collections import Counter

from rdflib import Graph, Literal, URIRef

from clustergraph import __version__
from clustergraph.graph.mint import mint, slugify
from clustergraph.graph.namespaces import (
    CG,
    DCAT,
    DCTERMS,
    OWL,
    RDF,
    RDFS,
    SKOS,
    VOID,
    WD,
    XSD,
)

__all__ = ["DATASET", "describe_dataset"]

DATASET = mint("dataset", "clustergraph")
_BASE = "https://w3id.org/clustergraph/"
_DISTRIBUTIONS = (
    ("turtle", "kg/clustergraph.ttl", "text/turtle"),
    ("ntriples", "clustergraph.nt", "application/n-triples"),
    ("jsonld", "clustergraph.jsonld", "application/ld+json"),
    ("csv", "csv/", "text/csv"),
)
_LINK_PREDICATES = (OWL.sameAs, SKOS.exactMatch)


def describe_dataset(graph: Graph) -> int:
    """Add the DCAT/VoID description of ``graph`` to it; return the data-triple count."""
    data_triples = len(graph)
    classes = Counter(o for o in graph.objects(None, RDF.type) if isinstance(o, URIRef))
    entities_by_class = {
        cls: len(set(graph.subjects(RDF.type, cls))) for cls in sorted(classes, key=str)
    }
    subjects = {s for s in graph.subjects() if isinstance(s, URIRef)}
    links = sorted(
        (p, s, o)
        for p in _LINK_PREDICATES
        for s, o in graph.subject_objects(p)
        if str(o).startswith(str(WD))
    )
    examples = sorted(graph.subjects(RDF.type, CG.Cluster), key=str)[:3]

    add = graph.add
    add((DATASET, RDF.type, DCAT.Dataset))
    add((DATASET, RDF.type, VOID.Dataset))
    add((DATASET, DCTERMS.title, Literal("clustergraph：先进制造业集群知识图谱", lang="zh")))
    add(
        (
            DATASET,
            DCTERMS.title,
            Literal("clustergraph: advanced manufacturing clusters", lang="en"),
        )
    )
    add(
        (
            DATASET,
            DCTERMS.description,
            Literal(
                "A knowledge graph of China's advanced manufacturing clusters extracted from the CCID "
                "2020 white paper, with evidence (quote and character offsets) for every fact.",
                lang="en",
            ),
        )
    )
    add((DATASET, DCTERMS.license, URIRef("https://creativecommons.org/licenses/by/4.0/")))
    add((DATASET, DCTERMS.publisher, mint("agent", "clustergraph-contributors")))
    add(
        (
            mint("agent", "clustergraph-contributors"),
            RDF.type,
            URIRef("http://xmlns.com/foaf/0.1/Agent"),
        )
    )
    add(
        (
            mint("agent", "clustergraph-contributors"),
            RDFS.label,
            Literal("clustergraph contributors", lang="en"),
        )
    )
    add((DATASET, URIRef("http://www.w3.org/2002/07/owl#versionInfo"), Literal(__version__)))
    add((DATASET, URIRef(f"{DCAT}version"), Literal(__version__)))
    add((DATASET, VOID.vocabulary, URIRef(str(CG))))
    add((DATASET, VOID.uriSpace, Literal(_BASE + "id/")))
    add((DATASET, VOID.triples, Literal(data_triples, datatype=XSD.integer)))
    add((DATASET, VOID.entities, Literal(len(subjects), datatype=XSD.integer)))
    add((DATASET, VOID.classes, Literal(len(entities_by_class), datatype=XSD.integer)))
    for example in examples:
        add((DATASET, VOID.exampleResource, example))
    for key, path, media in _DISTRIBUTIONS:
        dist = URIRef(f"{DATASET}/distribution/{key}")
        add((DATASET, DCAT.distribution, dist))
        add((dist, RDF.type, DCAT.Distribution))
        add((dist, DCAT.mediaType, Literal(media)))
        add((dist, DCAT.downloadURL, URIRef(_BASE + path)))
        add((dist, DCTERMS.license, URIRef("https://creativecommons.org/licenses/by/4.0/")))
    for cls, count in entities_by_class.items():
        partition = URIRef(f"{DATASET}/partition/{_class_key(cls)}")
        add((DATASET, VOID.classPartition, partition))
        add((partition, RDF.type, VOID.Dataset))
        add((partition, VOID["class"], cls))
        add((partition, VOID.entities, Literal(count, datatype=XSD.integer)))
    by_predicate = Counter(p for p, _, _ in links)
    for predicate, count in sorted(by_predicate.items()):
        linkset = URIRef(f"{DATASET}/linkset/wikidata-{_class_key(predicate)}")
        add((linkset, RDF.type, VOID.Linkset))
        add((linkset, VOID.subjectsTarget, DATASET))
        add((linkset, VOID.objectsTarget, URIRef("http://www.wikidata.org/")))
        add((linkset, VOID.linkPredicate, predicate))
        add((linkset, VOID.triples, Literal(count, datatype=XSD.integer)))
        add((DATASET, VOID.subset, linkset))
    return data_triples


def _class_key(iri: URIRef) -> str:
    text = str(iri)
    local = text.rsplit("#", 1)[-1].rsplit("/", 1)[-1]
    prefix = "cg" if text.startswith(str(CG)) else slugify(text.split("#")[0].split("//")[-1])[:24]
    return f"{prefix}-{local}".lower()
