"""The ontology parses, stays offline-loadable, declares the data model, and documents every term."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from rdflib import Graph, Literal, URIRef
from rdflib.namespace import DCTERMS, OWL, QB, RDF, RDFS, SKOS

from clustergraph.graph.namespaces import CG, DQV, ELI, GEO, OA, ORG, PROV
from clustergraph.validate.ontology import load_ontology

ROOT = Path(__file__).resolve().parents[2]
DATA_MODEL = ROOT / "docs" / "data-model.md"
ONTOLOGY_IRI = URIRef("https://w3id.org/clustergraph/ontology")


@pytest.fixture(scope="module")
def onto() -> Graph:
    return load_ontology()


def cg_terms(graph: Graph) -> set[URIRef]:
    return {s for s in graph.subjects() if isinstance(s, URIRef) and s.startswith(str(CG))}


def langs(graph: Graph, subject: URIRef, predicate: URIRef) -> set[str]:
    return {
        o.language or ""
        for o in graph.objects(subject, predicate)
        if isinstance(o, Literal) and str(o).strip()
    }


def test_header_metadata(onto: Graph) -> None:
    assert (ONTOLOGY_IRI, RDF.type, OWL.Ontology) in onto
    assert onto.value(ONTOLOGY_IRI, OWL.versionInfo) is not None
    assert {"en", "zh"} <= langs(onto, ONTOLOGY_IRI, DCTERMS.title)
    assert {"en", "zh"} <= langs(onto, ONTOLOGY_IRI, DCTERMS.description)
    assert onto.value(ONTOLOGY_IRI, DCTERMS.license) == URIRef(
        "https://creativecommons.org/licenses/by/4.0/"
    )
    assert str(onto.value(ONTOLOGY_IRI, DCTERMS.creator)) == "clustergraph contributors"
    references = set(onto.objects(ONTOLOGY_IRI, DCTERMS.references))
    assert URIRef("http://www.w3.org/ns/prov-o") in references
    assert len(references) >= 10


def test_loads_offline_without_imports(onto: Graph) -> None:
    assert not list(onto.objects(None, OWL.imports))


def test_every_term_has_zh_en_labels_and_a_definition(onto: Graph) -> None:
    problems = []
    for term in sorted(cg_terms(onto)):
        if not {"zh", "en"} <= langs(onto, term, RDFS.label):
            problems.append(f"{term}: rdfs:label needs @zh and @en")
        if "en" not in langs(onto, term, SKOS.definition):
            problems.append(f"{term}: skos:definition needs @en")
        if onto.value(term, RDFS.isDefinedBy) != ONTOLOGY_IRI:
            problems.append(f"{term}: rdfs:isDefinedBy the ontology")
    assert not problems, "\n".join(problems)


def test_every_term_has_a_kind(onto: Graph) -> None:
    kinds = {
        OWL.Class,
        OWL.ObjectProperty,
        OWL.DatatypeProperty,
        SKOS.Concept,
        SKOS.ConceptScheme,
        QB.DataStructureDefinition,
    }
    untyped = [t for t in cg_terms(onto) if not set(onto.objects(t, RDF.type)) & kinds]
    assert not untyped


def test_every_data_model_term_is_declared(onto: Graph) -> None:
    text = DATA_MODEL.read_text(encoding="utf-8")
    mentioned = {CG[name] for name in re.findall(r"\bcg:([A-Za-z][A-Za-z0-9_]*)", text)}
    assert len(mentioned) > 100  # the parse found the contract's terms
    missing = sorted(str(t) for t in mentioned - cg_terms(onto))
    assert not missing, f"declared in docs/data-model.md but not in the ontology: {missing}"


@pytest.mark.parametrize(
    ("sub", "sup"),
    [
        (CG.Cluster, ORG.Organization),
        (CG.Institution, ORG.Organization),
        (CG.Institution, PROV.Organization),
        (CG.Role, ORG.Membership),
        (CG.Region, GEO.Feature),
        (CG.Region, DCTERMS.Location),
        (CG.PolicyDocument, CG.Policy),
        (CG.PolicyDocument, ELI.LegalResource),
        (CG.Programme, CG.Policy),
        (CG.Quantity, QB.Observation),
        (CG.CompetitionObservation, QB.Observation),
        (CG.Finding, DQV.QualityAnnotation),
        (CG.RecommendedMeasure, CG.Measure),
        (CG.Enterprise, CG.Institution),
        (CG.CountyLevelDivision, CG.Region),
    ],
)
def test_class_alignments(onto: Graph, sub: URIRef, sup: URIRef) -> None:
    assert (sub, RDFS.subClassOf, sup) in onto


@pytest.mark.parametrize(
    ("sub", "sup"),
    [
        (CG.evidence, PROV.wasDerivedFrom),
        (CG.parentRegion, GEO.sfWithin),
        (CG.issuer, DCTERMS.creator),
        (CG.jurisdiction, DCTERMS.spatial),
        (CG.unifiedSocialCreditCode, DCTERMS.identifier),
    ],
)
def test_property_alignments(onto: Graph, sub: URIRef, sup: URIRef) -> None:
    assert (sub, RDFS.subPropertyOf, sup) in onto


def test_issuer_is_not_eli_passed_by(onto: Graph) -> None:
    # eli:passed_by has rdfs:domain eli:LegalResource; timeline items with issuers are not legal
    # resources, so the alignment would entail wrong types.
    assert (CG.issuer, RDFS.subPropertyOf, ELI.passed_by) not in onto


def test_evidence_range_is_a_web_annotation_resource(onto: Graph) -> None:
    assert onto.value(CG.evidence, RDFS.range) == OA.SpecificResource


def test_top_level_classes_are_disjoint(onto: Graph) -> None:
    members: set[URIRef] = set()
    for axiom in onto.subjects(RDF.type, OWL.AllDisjointClasses):
        members |= set(onto.items(onto.value(axiom, OWL.members)))
    assert {CG.Cluster, CG.Region, CG.Measure, CG.Institution, CG.Policy} <= members
    assert CG.Enterprise not in members  # subclasses are not made disjoint


SCHEMES = {
    CG.ToolboxScheme: 5,
    CG.RoleTypeScheme: 7,
    CG.LinkKindScheme: 7,
    CG.FindingKindScheme: 6,
    CG.QualifierScheme: 5,
    CG.PolicyLevelScheme: 3,
    CG.TierScheme: 8,
    CG.DocumentTypeScheme: 9,
    CG.CompetitionStageScheme: 2,
    CG.NationalListStatusScheme: 5,
    CG.VerificationScheme: 2,
}


@pytest.mark.parametrize("scheme", sorted(SCHEMES), ids=lambda s: s.split("#")[-1])
def test_concept_schemes(onto: Graph, scheme: URIRef) -> None:
    assert (scheme, RDF.type, SKOS.ConceptScheme) in onto
    members = set(onto.subjects(SKOS.inScheme, scheme))
    assert len(members) == SCHEMES[scheme]
    assert set(onto.objects(scheme, SKOS.hasTopConcept)) == members
    for concept in members:
        assert (concept, RDF.type, SKOS.Concept) in onto
        assert {"zh", "en"} <= langs(onto, concept, SKOS.prefLabel), concept


def test_every_concept_is_in_one_of_our_schemes(onto: Graph) -> None:
    for concept in onto.subjects(RDF.type, SKOS.Concept):
        assert set(onto.objects(concept, SKOS.inScheme)) & set(SCHEMES), concept


@pytest.mark.parametrize(
    ("dsd", "dimensions", "measures", "attributes"),
    [
        (
            CG.QuantityStructure,
            {CG.refCluster, CG.measuredThing},
            {CG.value},
            {CG.unit, CG.qualifier, CG.refRegion, CG.normalizedValue, CG.normalizedUnit},
        ),
        (CG.CompetitionByIndustryStructure, {CG.stage, CG.sector}, {CG["count"]}, set()),
        (CG.CompetitionByProvinceStructure, {CG.stage, CG.refRegion}, {CG["count"]}, set()),
    ],
    ids=["quantities", "by-industry", "by-province"],
)
def test_data_structure_definitions(
    onto: Graph, dsd: URIRef, dimensions: set, measures: set, attributes: set
) -> None:
    assert (dsd, RDF.type, QB.DataStructureDefinition) in onto
    components = list(onto.objects(dsd, QB.component))
    found = {
        kind: {onto.value(c, kind) for c in components if onto.value(c, kind) is not None}
        for kind in (QB.dimension, QB.measure, QB.attribute)
    }
    assert found[QB.dimension] == dimensions
    assert found[QB.measure] == measures
    assert found[QB.attribute] == attributes
    for prop, kind in (
        [(d, QB.DimensionProperty) for d in dimensions]
        + [(m, QB.MeasureProperty) for m in measures]
        + [(a, QB.AttributeProperty) for a in attributes]
    ):
        assert (prop, RDF.type, kind) in onto, prop
