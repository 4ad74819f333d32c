"""Build small graphs the way docs/data-model.md describes, from gold-style fact records.

The builder is written against the data model (class and property names spelled out here), not
against ``clustergraph.evaluate.facts``, so a perfect score means the queries read the model.
"""

from __future__ import annotations

import copy
import json
from collections.abc import Callable
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from rdflib import BNode, Graph, Literal, URIRef
from rdflib import namespace as rdfns

from clustergraph.graph.mint import mint
from clustergraph.graph.namespaces import CG, ELI, OA, ORG, PROV, QB, bind_prefixes

ROOT = Path(__file__).resolve().parents[2]
GOLD = ROOT / "tests" / "gold"
WHITEPAPER = ROOT / "kg" / "sources" / "ccid-2020-advanced-manufacturing-cluster-whitepaper.txt"
GENRE = ROOT / "tests" / "fixtures" / "genre" / "provincial-cluster-report.txt"
DOCUMENTS = {"whitepaper": WHITEPAPER, "genre": GENRE}

TOOLBOX = {
    "innovation": "InnovationToolbox",
    "industrial-chain": "IndustrialChainToolbox",
    "digitalization": "DigitalizationToolbox",
    "cross-regional": "CrossRegionalToolbox",
    "governance": "GovernanceToolbox",
}
ROLES = {
    "promotion-agency": "PromotionAgencyRole",
    "leading-enterprise": "LeadingEnterpriseRole",
    "founder": "FounderRole",
    "host": "HostRole",
    "partner": "PartnerRole",
    "member": "MemberRole",
    "supporting-enterprise": "SupportingEnterpriseRole",
}
QUALIFIERS = {
    "exact": "Exact",
    "approximately": "Approximately",
    "more-than": "MoreThan",
    "at-least": "AtLeast",
    "less-than": "LessThan",
}
LINKS = {
    "multi-city": "MultiCityCluster",
    "investment": "Investment",
    "enclave-economy": "EnclaveEconomy",
    "joint-meeting": "JointMeeting",
    "same-city": "SameCityIntegration",
    "alliance": "CrossRegionalAlliance",
    "platform": "CrossRegionalPlatform",
}
FINDINGS = {
    "count-mismatch": "CountMismatch",
    "sum-mismatch": "SumMismatch",
    "percentage-mismatch": "PercentageMismatch",
    "garbled-text": "GarbledText",
    "duplicated-text": "DuplicatedText",
    "name-inconsistency": "NameInconsistency",
}
STAGES = {"entrants": "Entrants", "winners": "Winners"}


def zh(text: str) -> Literal:
    return Literal(text, lang="zh")


class ModelGraph:
    """Writes fact records as triples of the data model."""

    def __init__(self) -> None:
        self.graph = bind_prefixes(Graph())
        self.clusters: dict[str, URIRef] = {}
        self.institutions: dict[str, URIRef] = {}
        self.serial = 0

    def add(self, s: Any, p: Any, o: Any) -> None:
        self.graph.add((s, p, o))

    def next_serial(self) -> int:
        self.serial += 1
        return self.serial

    def region(self, code: str) -> URIRef:
        iri = mint("region", code)
        self.add(iri, rdfns.RDF.type, CG.Region)
        self.add(iri, CG.gbt2260Code, Literal(code))
        return iri

    def cluster(self, label: str) -> URIRef:
        if label not in self.clusters:  # typed by add_cluster only, so a cluster can be left out
            iri = mint("cluster", label)
            self.add(iri, rdfns.RDFS.label, zh(label))
            self.add(iri, rdfns.RDFS.label, Literal("pinyin", lang="zh-Latn-pinyin"))
            self.clusters[label] = iri
        return self.clusters[label]

    def add_cluster(self, r: dict[str, Any]) -> None:
        iri = self.cluster(r["label"])
        self.add(iri, rdfns.RDF.type, CG.Cluster)
        self.add(iri, rdfns.RDF.type, ORG.Organization)
        self.add(iri, CG.toolboxCategory, CG[TOOLBOX[r["category"]]])
        for code in r["places"]:
            self.add(iri, CG.locatedIn, self.region(code))
        self.add(iri, CG.spansMultipleCities, Literal(bool(r["multi_city"])))

    def add_measure(self, r: dict[str, Any]) -> None:
        if r["cluster"] is None:
            iri = mint("measure", f"toolbox-{r['category']}", r["ordinal"])
            self.add(iri, rdfns.RDF.type, CG.RecommendedMeasure)
            self.add(iri, CG.recommendedFor, CG[TOOLBOX[r["category"]]])
        else:
            cluster = self.cluster(r["cluster"])
            iri = URIRef(f"{mint('measure', r['cluster'])}/{r['ordinal']}")
            self.add(iri, rdfns.RDF.type, CG.Measure)
            self.add(iri, CG.measureOf, cluster)
        self.add(iri, CG.ordinal, Literal(r["ordinal"], datatype=rdfns.XSD.integer))

    def add_institution(self, r: dict[str, Any]) -> None:
        iri = mint("institution", r["label"])
        for rdf_type in (CG.Institution, ORG.Organization, PROV.Organization, CG[r["type"]]):
            self.add(iri, rdfns.RDF.type, rdf_type)
        self.add(iri, rdfns.RDFS.label, zh(r["label"]))
        self.add(iri, rdfns.RDFS.label, Literal("pinyin", lang="zh-Latn-pinyin"))
        for alias in r.get("aliases", []):
            self.add(iri, rdfns.SKOS.altLabel, zh(alias))
        for cluster in r.get("clusters") or ["(no case)"]:
            self.add(iri, CG.mentionedInCluster, self.cluster(cluster))
        self.institutions[r["label"]] = iri

    def add_role(self, r: dict[str, Any]) -> None:
        member = self.institutions.get(r["institution"]) or mint("institution", r["institution"])
        if r["institution"] not in self.institutions:
            self.add(member, rdfns.RDFS.label, zh(r["institution"]))
        iri = URIRef(f"{mint('role', r['cluster'], r['role'])}/{self.next_serial()}")
        self.add(iri, rdfns.RDF.type, CG.Role)
        self.add(iri, ORG.member, member)
        self.add(iri, ORG.organization, self.cluster(r["cluster"]))
        self.add(iri, ORG.role, CG[ROLES[r["role"]]])

    def add_quantity(self, r: dict[str, Any]) -> None:
        n = self.next_serial()
        iri = mint("obs", "quantity", f"{n}-{n + 1}")
        self.add(iri, rdfns.RDF.type, CG.Quantity)
        self.add(iri, rdfns.RDF.type, QB.Observation)
        self.add(iri, QB.dataSet, mint("dataset", "quantities"))
        self.add(iri, CG.value, Literal(str(Decimal(str(r["value"]))), datatype=rdfns.XSD.decimal))
        self.add(iri, CG.unit, zh(r["unit"]))
        self.add(iri, CG.qualifier, CG[QUALIFIERS[r["qualifier"]]])
        if r.get("cluster") is not None:
            self.add(iri, CG.refCluster, self.cluster(r["cluster"]))

    def add_policy(self, r: dict[str, Any]) -> None:
        iri = mint("policy", f"{r['date']}-{r['label']}")
        self.add(iri, rdfns.RDF.type, CG.Policy)
        self.add(iri, rdfns.RDFS.label, zh(r["label"]))
        self.add(iri, rdfns.DCTERMS.date, Literal(r["date"], datatype=rdfns.XSD.gYearMonth))
        self.add(iri, CG.timelineOrdinal, Literal(self.next_serial(), datatype=rdfns.XSD.integer))
        self.add(iri, CG.policyLevel, CG.CentralLevel)

    def add_policy_document(self, r: dict[str, Any]) -> None:
        iri = mint("policy", f"table-{r['province']}-{self.next_serial()}")
        self.add(iri, rdfns.RDF.type, CG.PolicyDocument)
        self.add(iri, rdfns.RDF.type, ELI.LegalResource)
        if r["document_number"]:
            self.add(iri, ELI.id_local, Literal(r["document_number"]))
        self.add(iri, CG.jurisdiction, self.region(r["province"]))
        for n, tier in enumerate(r["tiers"], start=1):
            node = URIRef(f"{iri}/tier/{n}")
            self.add(iri, CG.hasTier, node)
            self.add(node, rdfns.RDF.type, CG.PolicyTier)
            self.add(node, rdfns.RDFS.label, zh(tier["label"]))
            self.add(node, CG.statedCount, Literal(tier["count"], datatype=rdfns.XSD.integer))

    def add_competition(self, r: dict[str, Any]) -> None:
        iri = mint("obs", "competition", r["stage"], r["dimension"], f"{self.next_serial()}")
        self.add(iri, rdfns.RDF.type, CG.CompetitionObservation)
        self.add(iri, rdfns.RDF.type, QB.Observation)
        self.add(iri, CG.stage, CG[STAGES[r["stage"]]])
        self.add(iri, CG["count"], Literal(r["count"], datatype=rdfns.XSD.integer))
        if r["dimension"] == "industry":
            sector = mint("industry", r["category"])
            self.add(sector, rdfns.RDF.type, rdfns.SKOS.Concept)
            self.add(sector, rdfns.SKOS.prefLabel, zh(r["category"]))
            self.add(iri, CG.sector, sector)
        else:
            self.add(iri, CG.refRegion, self.region(r["category"]))

    def add_phrasing(self, r: dict[str, Any]) -> None:
        iri = mint("phrasing", r["province"], r["phrase"])
        self.add(iri, rdfns.RDF.type, CG.PhrasingUsage)
        self.add(iri, CG.region, self.region(r["province"]))
        self.add(iri, CG.phrase, zh(r["phrase"]))
        self.add(iri, rdfns.DCTERMS.date, Literal("2020", datatype=rdfns.XSD.gYear))

    def add_region_link(self, r: dict[str, Any]) -> None:
        iri = mint("link", r["kind"], f"{r['from']}-{r['to']}", r["cluster"])
        self.add(iri, rdfns.RDF.type, CG.RegionLink)
        self.add(iri, CG.fromRegion, self.region(r["from"]))
        self.add(iri, CG.toRegion, self.region(r["to"]))
        self.add(iri, CG.linkKind, CG[LINKS[r["kind"]]])
        self.add(iri, CG.refCluster, self.cluster(r["cluster"]))

    def add_finding(self, r: dict[str, Any]) -> None:
        iri = mint("finding", r["kind"], f"{r['start']}-{r['end']}")
        self.add(iri, rdfns.RDF.type, CG.Finding)
        self.add(iri, CG.findingKind, CG[FINDINGS[r["kind"]]])
        self.add(iri, rdfns.RDFS.comment, Literal(r.get("note", ""), lang="en"))
        evidence = URIRef(f"{mint('evidence', 'test')}/{r['start']}-{r['end']}")
        position, quote = URIRef(f"{evidence}/pos"), URIRef(f"{evidence}/quote")
        self.add(iri, CG.evidence, evidence)
        self.add(evidence, rdfns.RDF.type, OA.SpecificResource)
        self.add(evidence, OA.hasSelector, position)
        self.add(evidence, OA.hasSelector, quote)
        self.add(position, rdfns.RDF.type, OA.TextPositionSelector)
        self.add(position, OA.start, Literal(r["start"], datatype=rdfns.XSD.nonNegativeInteger))
        self.add(position, OA.end, Literal(r["end"], datatype=rdfns.XSD.nonNegativeInteger))
        self.add(quote, rdfns.RDF.type, OA.TextQuoteSelector)
        self.add(quote, OA.exact, Literal(r["quote"]))

    def build(self, facts: dict[str, list[dict[str, Any]]]) -> Graph:
        order = (
            ("clusters", self.add_cluster),
            ("institutions", self.add_institution),
            ("measures", self.add_measure),
            ("roles", self.add_role),
            ("quantities", self.add_quantity),
            ("policies", self.add_policy),
            ("policy_documents", self.add_policy_document),
            ("competition", self.add_competition),
            ("phrasings", self.add_phrasing),
            ("region_links", self.add_region_link),
            ("findings", self.add_finding),
        )
        for name, add in order:
            for record in facts.get(name, []):
                add(record)
        # noise the queries must ignore: an unrelated node, a blank node, an owl:Thing
        self.add(BNode(), rdfns.RDF.type, rdfns.OWL.Thing)
        self.add(mint("institution", "publisher"), rdfns.RDF.type, CG.Institution)
        self.add(mint("institution", "publisher"), rdfns.RDFS.label, zh("出版机构"))
        return self.graph


def load(name: str) -> dict[str, Any]:
    return json.loads((GOLD / f"{name}.json").read_text(encoding="utf-8"))


@pytest.fixture
def graph_from() -> Callable[[dict[str, Any]], Graph]:
    """Turn gold-style facts into a data-model graph."""
    return lambda facts: ModelGraph().build(facts)


@pytest.fixture
def tiny_gold() -> dict[str, Any]:
    """A few records of every fact type (a fresh copy per test)."""
    return copy.deepcopy(TINY)


C1 = "浙江宁波磁性材料集群"
C2 = "江苏南通、扬州、泰州海工装备和高技术船舶集群"
TINY: dict[str, Any] = {
    "document": "tiny",
    "in_case_only": ["quantities"],
    "clusters": [
        {"label": C1, "category": "governance", "places": ["330200"], "multi_city": False},
        {
            "label": C2,
            "category": "cross-regional",
            "places": ["320600", "321000", "321200"],
            "multi_city": True,
        },
    ],
    "measures": [
        {"cluster": C1, "ordinal": 1},
        {"cluster": C1, "ordinal": 2},
        {"cluster": None, "category": "innovation", "ordinal": 1},
    ],
    "institutions": [
        {
            "label": "中国科学院宁波材料技术与工程研究所",
            "type": "ResearchInstitute",
            "aliases": ["宁波材料所"],
            "clusters": [C1],
        },
        {"label": "科宁达", "type": "Enterprise", "aliases": [], "clusters": [C1]},
        {
            "label": "江苏省船舶工业行业协会",
            "type": "IndustryAssociation",
            "aliases": ["协会"],
            "clusters": [C2],
        },
    ],
    "roles": [
        {
            "institution": "中国科学院宁波材料技术与工程研究所",
            "cluster": C1,
            "role": "promotion-agency",
        },
        {"institution": "江苏省船舶工业行业协会", "cluster": C2, "role": "founder"},
    ],
    "quantities": [
        {"cluster": C1, "value": 30, "unit": "次", "qualifier": "more-than"},
        {"cluster": C2, "value": 40, "unit": "%", "qualifier": "exact"},
        {"cluster": C2, "value": "15.8", "unit": "亿美元", "qualifier": "exact"},
    ],
    "policies": [
        {"date": "2017-10", "label": "党的十九大报告"},
        {"date": "2019-05", "label": "中央政治局会议"},
    ],
    "policy_documents": [
        {
            "document_number": "川办发〔2018〕92号",
            "province": "510000",
            "tiers": [{"label": "世界级集群", "count": 4}, {"label": "培育性集群", "count": 10}],
        },
        {"document_number": None, "province": "330200", "tiers": [{"label": "汽车", "count": 2}]},
    ],
    "competition": [
        {"stage": "entrants", "dimension": "industry", "category": "电子信息", "count": 20},
        {"stage": "winners", "dimension": "province", "category": "320000", "count": 8},
    ],
    "phrasings": [
        {"province": "500000", "phrase": "支柱产业集群"},
        {"province": "630000", "phrase": "循环产业集群"},
    ],
    "region_links": [
        {"from": "320600", "to": "321000", "kind": "multi-city", "cluster": C2},
        {"from": "320200", "to": "321200", "kind": "investment", "cluster": C2},
    ],
    "findings": [
        {"kind": "count-mismatch", "quote": "15个优势制造业集群", "start": 100, "end": 110},
        {"kind": "duplicated-text", "quote": "承办和承办", "start": 300, "end": 305},
    ],
}
