"""DCAT + VoID description of the built dataset, derived from the graph itself.

Counts describe the data triples (everything but this description), so the numbers are stable and
can be checked: build twice and the description is byte-identical. Nothing here reads a clock.
"""

from __future__ import annotations

from rdflib import Graph, Literal, URIRef

from clustergraph import __version__
from clustergraph.graph.mint import mint, slugify
from clustergraph.graph.namespaces import (
    CG,
    DCAT,
    DCTERMS,
    OWL,
    PREFIXES,
    RDF,
    RDFS,
    SKOS,
    VOID,
    WD,
    XSD,
)

__all__ = [
    "DATASET",
    "DISTRIBUTIONS",
    "LICENSE",
    "PUBLISHER",
    "WIKIDATA",
    "dataset_description",
    "describe_dataset",
]

DATASET = mint("dataset", "clustergraph")
PUBLISHER = mint("agent", "clustergraph-contributors")
LICENSE = URIRef("https://creativecommons.org/licenses/by/4.0/")
#: the link target, described as a void:Dataset with its SPARQL endpoint
WIKIDATA = URIRef("http://www.wikidata.org/")
WIKIDATA_SPARQL = URIRef("https://query.wikidata.org/sparql")
_BASE = "https://w3id.org/clustergraph/"
_FOAF_AGENT = URIRef("http://xmlns.com/foaf/0.1/Agent")
_CSVW = URIRef("http://www.w3.org/ns/csvw")
#: key, path under the base IRI, media type, English title; RDF dumps are also void:dataDump
DISTRIBUTIONS = (
    ("turtle", "kg/clustergraph.ttl", "text/turtle", "Turtle"),
    ("ntriples", "export/clustergraph.nt", "application/n-triples", "N-Triples (sorted)"),
    ("jsonld", "export/clustergraph.jsonld", "application/ld+json", "JSON-LD"),
    ("csv", "export/", "text/csv", "CSV tables, one per entity type, with CSVW metadata"),
)
_LINK_PREDICATES = (OWL.sameAs, SKOS.exactMatch)
#: classes whose first instance (by IRI) is a void:exampleResource
_EXAMPLE_CLASSES = (CG.Cluster, CG.Institution, CG.Region, CG.Measure, CG.Policy)


def describe_dataset(graph: Graph) -> int:
    """Add the DCAT/VoID description of ``graph`` to it; return the data-triple count."""
    data_triples = len(graph)
    graph += dataset_description(graph)
    return data_triples


def dataset_description(data: Graph) -> Graph:
    """The DCAT/VoID description of ``data`` as a separate graph (``data`` is not changed)."""
    classes = sorted({o for o in data.objects(None, RDF.type) if isinstance(o, URIRef)}, key=str)
    entities_by_class = {cls: len(set(data.subjects(RDF.type, cls))) for cls in classes}
    subjects = {s for s in data.subjects() if isinstance(s, URIRef)}
    predicates = {p for p in data.predicates() if isinstance(p, URIRef)}
    link_counts = {
        predicate: sum(1 for o in data.objects(None, predicate) if str(o).startswith(str(WD)))
        for predicate in _LINK_PREDICATES
    }

    out = Graph()
    add = out.add
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
    add((DATASET, DCTERMS.license, LICENSE))
    add((DATASET, DCTERMS.publisher, PUBLISHER))
    add((PUBLISHER, RDF.type, _FOAF_AGENT))
    add((PUBLISHER, RDFS.label, Literal("clustergraph contributors", lang="en")))
    add((DATASET, OWL.versionInfo, Literal(__version__)))
    add((DATASET, URIRef(f"{DCAT}version"), Literal(__version__)))  # DCAT 3; rdflib has DCAT 2
    add((DATASET, VOID.vocabulary, URIRef(str(CG))))
    add((DATASET, VOID.uriSpace, Literal(_BASE + "id/")))
    add((DATASET, VOID.triples, Literal(len(data), datatype=XSD.integer)))
    add((DATASET, VOID.entities, Literal(len(subjects), datatype=XSD.integer)))
    add((DATASET, VOID.classes, Literal(len(classes), datatype=XSD.integer)))
    add((DATASET, VOID.properties, Literal(len(predicates), datatype=XSD.integer)))
    for cls in _EXAMPLE_CLASSES:
        instances = sorted(data.subjects(RDF.type, cls), key=str)
        if instances:
            add((DATASET, VOID.exampleResource, instances[0]))
    for key, path, media, title in DISTRIBUTIONS:
        dist = URIRef(f"{DATASET}/distribution/{key}")
        url = URIRef(_BASE + path)
        add((DATASET, DCAT.distribution, dist))
        add((dist, RDF.type, DCAT.Distribution))
        add((dist, DCTERMS.title, Literal(title, lang="en")))
        add((dist, DCAT.mediaType, Literal(media)))
        add((dist, DCTERMS.license, LICENSE))
        if path.endswith("/"):  # a folder of files: CSV tables described by CSVW metadata
            add((dist, DCAT.accessURL, url))
            add((dist, DCTERMS.conformsTo, _CSVW))
        else:
            add((dist, DCAT.downloadURL, url))
            add((DATASET, VOID.dataDump, url))
    keys: dict[str, URIRef] = {}
    for cls, count in entities_by_class.items():
        key = _term_key(cls)
        if keys.setdefault(key, cls) != cls:
            raise ValueError(f"class partition key {key!r} is shared by {keys[key]} and {cls}")
        partition = URIRef(f"{DATASET}/partition/{key}")
        add((DATASET, VOID.classPartition, partition))
        add((partition, RDF.type, VOID.Dataset))
        add((partition, VOID["class"], cls))
        add((partition, VOID.entities, Literal(count, datatype=XSD.integer)))
    add((WIKIDATA, RDF.type, VOID.Dataset))
    add((WIKIDATA, DCTERMS.title, Literal("Wikidata", lang="en")))
    add((WIKIDATA, VOID.uriSpace, Literal(str(WD))))
    add((WIKIDATA, VOID.sparqlEndpoint, WIKIDATA_SPARQL))
    for predicate, count in link_counts.items():
        if not count:
            continue
        linkset = URIRef(f"{DATASET}/linkset/wikidata-{_term_key(predicate)}")
        add((DATASET, VOID.subset, linkset))
        add((linkset, RDF.type, VOID.Linkset))
        add((linkset, VOID.subjectsTarget, DATASET))
        add((linkset, VOID.objectsTarget, WIKIDATA))
        add((linkset, VOID.linkPredicate, predicate))
        add((linkset, VOID.triples, Literal(count, datatype=XSD.integer)))
    return out


def _term_key(iri: URIRef) -> str:
    """``prefix-localname`` in lower case (``cg-cluster``, ``skos-concept``), for IRI segments."""
    text = str(iri)
    for prefix, namespace in sorted(PREFIXES.items(), key=lambda kv: -len(str(kv[1]))):
        if text.startswith(str(namespace)) and len(text) > len(str(namespace)):
            return f"{prefix}-{slugify(text[len(str(namespace)) :])}"
    namespace, _, local = text.rpartition("#") if "#" in text else text.rpartition("/")
    return f"{slugify(namespace.split('//')[-1])}-{slugify(local)}"
