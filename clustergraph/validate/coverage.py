"""Find terms a graph uses but nobody declared, so a typo like ``cg:hasRegoin`` cannot slip through.

Predicates and classes (objects of ``rdf:type``) must either come from one of the standard
vocabularies the data model builds on, or be declared in our ontology. Any ``cg:`` IRI, in any
position, must be declared in our ontology: being in our namespace is not enough. (The bare
namespace IRI, as used by ``void:vocabulary``, is not a term.)
"""

from __future__ import annotations

from rdflib import Graph, URIRef
from rdflib.namespace import OWL, QB, RDF, RDFS, SKOS

from clustergraph.graph.namespaces import CG

__all__ = ["STANDARD_NAMESPACES", "declared_terms", "undeclared_terms"]

#: namespaces whose terms the data may use without declaring them in our ontology
STANDARD_NAMESPACES: tuple[str, ...] = (
    "http://www.w3.org/1999/02/22-rdf-syntax-ns#",  # rdf
    "http://www.w3.org/2000/01/rdf-schema#",  # rdfs
    "http://www.w3.org/2002/07/owl#",  # owl
    "http://www.w3.org/2001/XMLSchema#",  # xsd
    "http://www.w3.org/2004/02/skos/core#",  # skos
    "http://www.w3.org/ns/prov#",  # prov
    "http://www.w3.org/ns/org#",  # org
    "http://purl.org/linked-data/cube#",  # qb
    "http://www.w3.org/ns/oa#",  # oa
    "http://www.w3.org/ns/dcat#",  # dcat
    "http://purl.org/dc/terms/",  # dct
    "http://www.opengis.net/ont/geosparql#",  # geo
    "http://data.europa.eu/eli/ontology#",  # eli
    "http://rdfs.org/ns/void#",  # void
    "http://www.w3.org/ns/dqv#",  # dqv
    "http://xmlns.com/foaf/0.1/",  # foaf
    "https://schema.org/",  # schema
)

_CLASS_TYPES = (OWL.Class, RDFS.Class)
_PROPERTY_TYPES = (
    OWL.ObjectProperty,
    OWL.DatatypeProperty,
    OWL.AnnotationProperty,
    RDF.Property,
    QB.DimensionProperty,
    QB.MeasureProperty,
    QB.AttributeProperty,
)
_OTHER_TYPES = (SKOS.Concept, SKOS.ConceptScheme, QB.DataStructureDefinition)


def declared_terms(ontology: Graph) -> dict[URIRef, set[str]]:
    """Our ontology's ``cg:`` terms → their kinds (``"class"``, ``"property"``, ``"individual"``)."""
    kinds: dict[URIRef, set[str]] = {}
    for kind, types in (
        ("class", _CLASS_TYPES),
        ("property", _PROPERTY_TYPES),
        ("individual", _OTHER_TYPES),
    ):
        for rdf_type in types:
            for subject in ontology.subjects(RDF.type, rdf_type):
                if isinstance(subject, URIRef) and subject.startswith(str(CG)):
                    kinds.setdefault(subject, set()).add(kind)
    return kinds


def undeclared_terms(graph: Graph, ontology: Graph) -> set[URIRef]:
    """Predicates, classes and ``cg:`` IRIs of ``graph`` that are neither standard nor declared."""
    kinds = declared_terms(ontology)
    cg = str(CG)
    found: set[URIRef] = set()

    def check(term: object, needed: str | None) -> None:
        if not isinstance(term, URIRef):
            return
        iri = str(term)  # rdflib's URIRef.startswith does not accept a tuple
        if iri == cg:  # the namespace itself (e.g. the object of void:vocabulary)
            return
        if iri.startswith(cg):
            if term not in kinds or (needed is not None and needed not in kinds[term]):
                found.add(term)
        elif needed is not None and not iri.startswith(STANDARD_NAMESPACES):
            found.add(term)

    for predicate in set(graph.predicates()):
        check(predicate, "property")
    for rdf_class in set(graph.objects(None, RDF.type)):
        check(rdf_class, "class")
    for node in set(graph.subjects()) | set(graph.objects()):
        check(node, None)
    return found
