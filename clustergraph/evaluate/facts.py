"""Read the facts of a built graph back as the normalised records the gold files use.

The SPARQL lives in ``clustergraph/evaluate/queries/*.rq`` (package data); this module only turns
result rows into plain records (concept IRIs → the gold's short names, regions → GB/T 2260 codes),
so the scorer compares like with like. It reads the graph exactly as docs/data-model.md writes it.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable
from decimal import Decimal, InvalidOperation
from functools import cache
from importlib.resources import files
from typing import Any

from rdflib import Graph, Literal, URIRef
from rdflib.term import Node

from clustergraph.graph.namespaces import CG

__all__ = ["FACT_TYPES", "extract_facts", "load_query"]

#: every fact type, in report order (the keys of a gold file)
FACT_TYPES: tuple[str, ...] = (
    "clusters",
    "measures",
    "institutions",
    "roles",
    "quantities",
    "policies",
    "policy_documents",
    "competition",
    "phrasings",
    "region_links",
    "findings",
)

TOOLBOX = {
    CG.InnovationToolbox: "innovation",
    CG.IndustrialChainToolbox: "industrial-chain",
    CG.DigitalizationToolbox: "digitalization",
    CG.CrossRegionalToolbox: "cross-regional",
    CG.GovernanceToolbox: "governance",
}
ROLE_TYPES = {
    CG.PromotionAgencyRole: "promotion-agency",
    CG.LeadingEnterpriseRole: "leading-enterprise",
    CG.FounderRole: "founder",
    CG.HostRole: "host",
    CG.PartnerRole: "partner",
    CG.MemberRole: "member",
    CG.SupportingEnterpriseRole: "supporting-enterprise",
}
QUALIFIERS = {
    CG.Exact: "exact",
    CG.Approximately: "approximately",
    CG.MoreThan: "more-than",
    CG.AtLeast: "at-least",
    CG.LessThan: "less-than",
}
LINK_KINDS = {
    CG.MultiCityCluster: "multi-city",
    CG.Investment: "investment",
    CG.EnclaveEconomy: "enclave-economy",
    CG.JointMeeting: "joint-meeting",
    CG.SameCityIntegration: "same-city",
    CG.CrossRegionalAlliance: "alliance",
    CG.CrossRegionalPlatform: "platform",
}
FINDING_KINDS = {
    CG.CountMismatch: "count-mismatch",
    CG.SumMismatch: "sum-mismatch",
    CG.PercentageMismatch: "percentage-mismatch",
    CG.GarbledText: "garbled-text",
    CG.DuplicatedText: "duplicated-text",
    CG.NameInconsistency: "name-inconsistency",
}
STAGES = {CG.Entrants: "entrants", CG.Winners: "winners"}
INSTITUTION_KINDS = {
    CG[name]: name
    for name in (
        "Enterprise",
        "University",
        "ResearchInstitute",
        "IndustryAssociation",
        "InnovationCenter",
        "Alliance",
        "Platform",
        "Laboratory",
        "Fund",
        "GovernmentBody",
        "ServiceOrganization",
        "IndustrialPark",
    )
}
_CODE = re.compile(r"(\d{6})$")


@cache
def load_query(name: str) -> str:
    """The text of ``queries/{name}.rq`` (package data, found with importlib.resources)."""
    return files("clustergraph.evaluate").joinpath("queries", f"{name}.rq").read_text("utf-8")


def extract_facts(graph: Graph) -> dict[str, list[dict[str, Any]]]:
    """Every fact type's records, each list sorted so the output is deterministic."""
    readers = {
        "clusters": _clusters,
        "measures": _measures,
        "institutions": _institutions,
        "roles": _roles,
        "quantities": _quantities,
        "policies": _policies,
        "policy_documents": _policy_documents,
        "competition": _competition,
        "phrasings": _phrasings,
        "region_links": _region_links,
        "findings": _findings,
    }
    return {name: readers[name](graph) for name in FACT_TYPES}


# -- helpers ---------------------------------------------------------------------------------


def _rows(graph: Graph, name: str) -> Iterable[Any]:
    return graph.query(load_query(name))


def _text(node: Node | None) -> str | None:
    return None if node is None else str(node)


def _concept(node: Node | None, names: dict[URIRef, str]) -> str | None:
    """Short name of a concept IRI; unknown IRIs keep their local name so mismatches show."""
    if node is None:
        return None
    if node in names:
        return names[node]  # type: ignore[index]
    return re.split(r"[#/]", str(node))[-1]


def _code(region: Node | None, code: Node | None) -> str | None:
    """The region's ``cg:gbt2260Code``, else the code at the end of its IRI (cgid:region/{code})."""
    if code is not None:
        return str(code)
    if region is None:
        return None
    match = _CODE.search(str(region))
    return match.group(1) if match else str(region)


def _zh_alias(node: Node | None) -> str | None:
    """An alias literal unless it is a romanisation."""
    if not isinstance(node, Literal):
        return None
    lang = (node.language or "").lower()
    return None if "latn" in lang else str(node)


def _number(node: Node | None) -> str | None:
    if node is None:
        return None
    try:
        return format(Decimal(str(node)).normalize(), "f")
    except InvalidOperation:
        return str(node)


def _integer(node: Node | None) -> int | None:
    number = _number(node)
    try:
        return None if number is None else int(Decimal(number))
    except InvalidOperation:
        return None


def _specific(codes: Iterable[str]) -> str | None:
    """The most specific of several region codes (fewest trailing zeros), ties by code."""
    ranked = sorted(set(codes), key=lambda c: (len(c) - len(c.rstrip("0")), c))
    return ranked[0] if ranked else None


def _sorted(records: list[dict[str, Any]]) -> list[dict[str, Any]]:
    return sorted(records, key=lambda r: repr(sorted(r.items(), key=lambda kv: kv[0])))


# -- readers ---------------------------------------------------------------------------------


def _clusters(graph: Graph) -> list[dict[str, Any]]:
    by_node: dict[Node, dict[str, Any]] = {}
    for row in _rows(graph, "clusters"):
        record = by_node.setdefault(
            row.cluster,
            {"label": str(row.label), "category": None, "places": set(), "multi_city": None},
        )
        record["label"] = min(record["label"], str(row.label))
        if row.category is not None:
            record["category"] = _concept(row.category, TOOLBOX)
        if row.place is not None:
            record["places"].add(_code(row.place, row.code))
        if row.multi is not None:
            record["multi_city"] = bool(row.multi.toPython())
    records = []
    for record in by_node.values():
        places = sorted(record["places"])
        multi = record["multi_city"]
        records.append({**record, "places": places, "multi_city": bool(multi)})
    return _sorted(records)


def _measures(graph: Graph) -> list[dict[str, Any]]:
    by_node: dict[Node, dict[str, Any]] = {}
    for row in _rows(graph, "measures"):
        record = by_node.setdefault(
            row.measure, {"cluster": None, "category": None, "ordinal": _integer(row.ordinal)}
        )
        if row.clusterLabel is not None:
            record["cluster"] = str(row.clusterLabel)
        category = row.recommended if row.recommended is not None else row.category
        if category is not None and (record["category"] is None or row.recommended is not None):
            record["category"] = _concept(category, TOOLBOX)
    return _sorted(list(by_node.values()))


def _institutions(graph: Graph) -> list[dict[str, Any]]:
    by_node: dict[Node, dict[str, Any]] = {}
    for row in _rows(graph, "institutions"):
        record = by_node.setdefault(
            row.institution, {"label": str(row.label), "types": set(), "aliases": set()}
        )
        if len(str(row.label)) > len(record["label"]):
            record["aliases"].add(record["label"])
            record["label"] = str(row.label)
        elif str(row.label) != record["label"]:
            record["aliases"].add(str(row.label))
        alias = _zh_alias(row.alias)
        if alias is not None:
            record["aliases"].add(alias)
        if row.type in INSTITUTION_KINDS:
            record["types"].add(INSTITUTION_KINDS[row.type])
    records = []
    for record in by_node.values():
        types = sorted(record["types"])
        aliases = sorted(record["aliases"] - {record["label"]})
        records.append(
            {"label": record["label"], "type": types[0] if types else None, "aliases": aliases}
        )
    return _sorted(records)


def _roles(graph: Graph) -> list[dict[str, Any]]:
    by_node: dict[Node, dict[str, Any]] = {}
    for row in _rows(graph, "roles"):
        record = by_node.setdefault(
            row.role,
            {
                "institution": str(row.memberLabel),
                "names": {str(row.memberLabel)},
                "cluster": str(row.clusterLabel),
                "role": _concept(row.roleType, ROLE_TYPES),
            },
        )
        record["names"].add(str(row.memberLabel))
        alias = _zh_alias(row.alias)
        if alias is not None:
            record["names"].add(alias)
    return _sorted([{**r, "names": sorted(r["names"])} for r in by_node.values()])


def _quantities(graph: Graph) -> list[dict[str, Any]]:
    by_node: dict[Node, dict[str, Any]] = {}
    for row in _rows(graph, "quantities"):
        record = by_node.setdefault(
            row.observation,
            {
                "cluster": None,
                "value": _number(row.value),
                "unit": str(row.unit),
                "qualifier": "exact",
            },
        )
        if row.qualifier is not None:
            record["qualifier"] = _concept(row.qualifier, QUALIFIERS)
        if row.clusterLabel is not None:
            record["cluster"] = str(row.clusterLabel)
    return _sorted(list(by_node.values()))


def _policies(graph: Graph) -> list[dict[str, Any]]:
    by_node: dict[Node, dict[str, Any]] = {}
    for row in _rows(graph, "policies"):
        date = _text(row.date)
        by_node.setdefault(
            row.policy, {"date": date[:7] if date else None, "label": str(row.label)}
        )
    return _sorted(list(by_node.values()))


def _policy_documents(graph: Graph) -> list[dict[str, Any]]:
    documents: dict[Node, dict[str, Any]] = defaultdict(
        lambda: {"numbers": set(), "codes": set(), "tiers": {}}
    )
    for row in _rows(graph, "policy_documents"):
        document = documents[row.document]
        if row.number is not None:
            document["numbers"].add(str(row.number))
        if row.jurisdiction is not None:
            document["codes"].add(_code(row.jurisdiction, row.code))
        tier = document["tiers"].setdefault(row.tier, {"label": None, "count": None})
        if row.tierLabel is not None:
            tier["label"] = str(row.tierLabel)
        if row["count"] is not None:
            tier["count"] = _integer(row["count"])
    records = []
    for document in documents.values():
        numbers = sorted(document["numbers"])
        tiers = sorted(
            document["tiers"].values(), key=lambda t: (t["label"] or "", t["count"] or 0)
        )
        records.append(
            {
                "document_number": numbers[0] if numbers else None,
                "province": _specific(document["codes"]),
                "tiers": tiers,
            }
        )
    return _sorted(records)


def _competition(graph: Graph) -> list[dict[str, Any]]:
    by_node: dict[Node, dict[str, Any]] = {}
    for row in _rows(graph, "competition"):
        record = by_node.setdefault(
            row.observation,
            {
                "stage": _concept(row.stage, STAGES),
                "dimension": None,
                "category": None,
                "count": _integer(row["count"]),
            },
        )
        if row.sector is not None:
            label = row.sectorPref if row.sectorPref is not None else row.sectorLabel
            record["dimension"] = "industry"
            record["category"] = str(label) if label is not None else str(row.sector)
        elif row.region is not None:
            record["dimension"] = "province"
            record["category"] = _code(row.region, row.code)
    return _sorted(list(by_node.values()))


def _phrasings(graph: Graph) -> list[dict[str, Any]]:
    by_node: dict[Node, dict[str, Any]] = {}
    for row in _rows(graph, "phrasings"):
        by_node.setdefault(
            row.usage, {"province": _code(row.region, row.code), "phrase": str(row.phrase)}
        )
    return _sorted(list(by_node.values()))


def _region_links(graph: Graph) -> list[dict[str, Any]]:
    by_node: dict[Node, dict[str, Any]] = {}
    for row in _rows(graph, "region_links"):
        record = by_node.setdefault(
            row.link,
            {
                "from": _code(row["from"], row.fromCode),
                "to": _code(row.to, row.toCode),
                "kind": _concept(row.kind, LINK_KINDS),
                "cluster": None,
            },
        )
        if row.clusterLabel is not None:
            record["cluster"] = str(row.clusterLabel)
    return _sorted(list(by_node.values()))


def _findings(graph: Graph) -> list[dict[str, Any]]:
    by_node: dict[Node, dict[str, Any]] = {}
    for row in _rows(graph, "findings"):
        record = by_node.setdefault(
            row.finding, {"kind": _concept(row.kind, FINDING_KINDS), "spans": set()}
        )
        if row.start is not None and row.end is not None:
            record["spans"].add((_integer(row.start), _integer(row.end), _text(row.exact) or ""))
    records = [
        {"kind": r["kind"], "spans": [list(span) for span in sorted(r["spans"])]}
        for r in by_node.values()
    ]
    return _sorted(records)
