"""Namespaces used by the graph, bound once so every output shares the same prefixes."""

from __future__ import annotations

from rdflib import Graph, Namespace
from rdflib.namespace import DCAT, DCTERMS, OWL, PROV, QB, RDF, RDFS, SKOS, VOID, XSD

from clustergraph.graph.vocab import CG as _StrictCG

__all__ = [
    "CG",
    "CGID",
    "DCAT",
    "DCTERMS",
    "DQV",
    "ELI",
    "GEO",
    "OA",
    "ORG",
    "OWL",
    "PREFIXES",
    "PROV",
    "QB",
    "RDF",
    "RDFS",
    "SCHEMA",
    "SKOS",
    "VOID",
    "WD",
    "XSD",
    "bind_prefixes",
]

#: strict: ``CG.Clustr`` raises AttributeError (generated from the ontology, see graph/vocab.py)
CG = _StrictCG
CGID = Namespace("https://w3id.org/clustergraph/id/")
OA = Namespace("http://www.w3.org/ns/oa#")
ORG = Namespace("http://www.w3.org/ns/org#")
GEO = Namespace("http://www.opengis.net/ont/geosparql#")
ELI = Namespace("http://data.europa.eu/eli/ontology#")
DQV = Namespace("http://www.w3.org/ns/dqv#")
SCHEMA = Namespace("https://schema.org/")
WD = Namespace("http://www.wikidata.org/entity/")

PREFIXES: dict[str, Namespace] = {
    "cg": Namespace("https://w3id.org/clustergraph/ontology#"),
    "cgid": CGID,
    "dcat": Namespace(str(DCAT)),
    "dct": Namespace(str(DCTERMS)),
    "dqv": DQV,
    "eli": ELI,
    "geo": GEO,
    "oa": OA,
    "org": ORG,
    "owl": Namespace(str(OWL)),
    "prov": Namespace(str(PROV)),
    "qb": Namespace(str(QB)),
    "rdf": Namespace(str(RDF)),
    "rdfs": Namespace(str(RDFS)),
    "skos": Namespace(str(SKOS)),
    "void": Namespace(str(VOID)),
    "wd": WD,
    "xsd": Namespace(str(XSD)),
}


def bind_prefixes(graph: Graph) -> Graph:
    """Bind the project's prefixes (replacing rdflib's defaults) and return the graph."""
    for prefix, namespace in PREFIXES.items():
        graph.bind(prefix, namespace, override=True, replace=True)
    return graph
