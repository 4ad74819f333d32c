"""What each entity page shows: clusters, institutions, regions, policies and industries.

Each ``*_page`` function returns the template context of one page; lists are sorted so the
output is the same on every run.
"""

from __future__ import annotations

from typing import Any

from clustergraph.site.charts import map_figure
from clustergraph.site.context import Context
from clustergraph.site.graphindex import CG, DCT, OA, ORG, OWL, SKOS, WD, local_name

__all__ = [
    "INSTITUTION_BASE_TYPES",
    "cluster_page",
    "common",
    "finding_row",
    "findings_about",
    "industry_page",
    "institution_page",
    "national_status",
    "policy_page",
    "region_page",
    "related_policies",
]

ELI = "http://data.europa.eu/eli/ontology#"
INSTITUTION_BASE_TYPES = frozenset(
    {CG + "Institution", ORG + "Organization", "http://www.w3.org/ns/prov#Organization"}
)
_MATCHES = ("exactMatch", "closeMatch", "narrowMatch", "broadMatch", "relatedMatch")
#: summary order of the national-list statuses when a cluster is on no list
_STATUS_ORDER = ("Listed", "PreviouslyListed", "RelatedClusterListed", "NotListed", "NotFound")


def common(ctx: Context, iri: str) -> dict[str, Any]:
    """Fields every entity page has: labels, IRI, evidence, external links, findings."""
    index = ctx.index
    return {
        "iri": iri,
        "label": index.label(iri, "zh"),
        "pinyin": index.pinyin(iri) or "",
        "label_en": index.label_in(iri, "en") or "",
        "alt_labels": [a for a in index.alt_labels(iri) if a != index.label(iri, "zh")],
        "evidence": ctx.evidence_of(iri),
        "wikidata": sorted(
            {
                o
                for p in (OWL + "sameAs", SKOS + "exactMatch")
                for o in index.iris(iri, p)
                if o.startswith(WD)
            }
        ),
        "findings": findings_about(ctx, iri),
        "classes": ctx.concepts([t for t in index.types(iri) if t.startswith(CG)]),
    }


def finding_row(ctx: Context, finding: str) -> dict[str, Any]:
    """A data-quality finding: kind, description in both languages, evidence."""
    comment = "http://www.w3.org/2000/01/rdf-schema#comment"
    return {
        "iri": finding,
        "kind": ctx.concept(ctx.index.iri(finding, CG + "findingKind")),
        "zh": ctx.index.value(finding, comment, "zh") or "",
        "en": ctx.index.value(finding, comment, "en") or "",
        "evidence": ctx.evidence_of(finding),
    }


def findings_about(ctx: Context, iri: str) -> list[dict[str, Any]]:
    """Data-quality findings whose ``oa:hasTarget`` is ``iri``."""
    return [finding_row(ctx, f) for f in ctx.index.subjects(OA + "hasTarget", iri)]


def _number(value: str | None) -> str:
    if value is None:
        return ""
    if "." in value:
        value = value.rstrip("0").rstrip(".")
    return value


# -- clusters ---------------------------------------------------------------------------------------
def national_status(ctx: Context, cluster: str) -> tuple[list[dict[str, Any]], dict[str, Any]]:
    """The cluster's national-list rows (one per list) and a one-line summary."""
    index = ctx.index
    rows = []
    for node in index.subjects(CG + "refCluster", cluster):
        if not index.is_a(node, CG + "NationalListStatus"):
            continue
        the_list = index.iri(node, CG + "nationalList")
        year = index.value(the_list, DCT + "issued") if the_list else None
        rows.append(
            {
                "year": year or "",
                "list": ctx.concept(the_list) if the_list else None,
                "status": ctx.concept(index.iri(node, CG + "listStatus")),
                "verification": ctx.concept(index.iri(node, CG + "verification")),
                "name_zh": index.value(node, CG + "nameInList", "zh") or "",
                "name_en": index.value(node, CG + "nameInList", "en") or "",
                "note": index.value(node, SKOS + "note") or "",
                "source": index.value(node, DCT + "source") or "",
            }
        )
    rows.sort(key=lambda r: r["year"])
    listed = sorted(
        index.value(lst, DCT + "issued") or "" for lst in index.iris(cluster, CG + "listedIn")
    )
    if listed:
        key, year = "Listed", listed[0]
    else:
        keys = {r["status"]["key"] for r in rows if r["status"]}
        key = next((k for k in _STATUS_ORDER if k in keys), "NotFound")
        year = ""
    summary = {"key": key, "year": year, "concept": ctx.concept(CG + key)}
    return rows, summary


def related_policies(ctx: Context, provinces: list[str]) -> list[dict[str, Any]]:
    """Policies whose jurisdiction lies in one of ``provinces``."""
    index = ctx.index
    found = []
    for policy in index.instances(CG + "Policy"):
        places = index.iris(policy, CG + "jurisdiction")
        if any(ctx.province_of(place) in provinces for place in places):
            found.append(_policy_row(ctx, policy))
    return sorted(found, key=lambda r: (r["date"] or "9999", r["ref"]["label"]))


def _policy_row(ctx: Context, policy: str) -> dict[str, Any]:
    index = ctx.index
    return {
        "ref": ctx.ref(policy),
        "date": index.value(policy, DCT + "date") or "",
        "level": ctx.concept(index.iri(policy, CG + "policyLevel")),
        "number": index.value(policy, ELI + "id_local") or "",
        "jurisdiction": ctx.refs(index.iris(policy, CG + "jurisdiction")),
        "issuers": ctx.refs(index.iris(policy, CG + "issuer")),
        "kind": "programme" if index.is_a(policy, CG + "Programme") else "policy",
    }


def _quantity(ctx: Context, node: str) -> dict[str, Any]:
    index = ctx.index
    return {
        "iri": node,
        "value": _number(index.value(node, CG + "value")),
        "unit": index.value(node, CG + "unit") or "",
        "qualifier": ctx.concept(index.iri(node, CG + "qualifier")),
        "thing": index.value(node, CG + "measuredThing") or "",
        "normalized": _number(index.value(node, CG + "normalizedValue")),
        "normalized_unit": index.value(node, CG + "normalizedUnit") or "",
        "evidence": ctx.evidence_of(node),
    }


def _roles(ctx: Context, roles: list[str]) -> list[dict[str, Any]]:
    index = ctx.index
    rows = []
    for role in roles:
        member = index.iri(role, ORG + "member")
        target = index.iri(role, CG + "roleObject")
        cluster = index.iri(role, ORG + "organization")
        rows.append(
            {
                "iri": role,
                "role": ctx.concept(index.iri(role, ORG + "role")),
                "member": ctx.ref(member) if member else None,
                "object": ctx.ref(target) if target else None,
                "cluster": ctx.ref(cluster) if cluster else None,
                "evidence": ctx.evidence_of(role),
            }
        )
    return sorted(
        rows,
        key=lambda r: (
            r["role"]["en"] if r["role"] else "",
            r["member"]["label"] if r["member"] else "",
            r["iri"],
        ),
    )


def _region_links(ctx: Context, links: list[str]) -> list[dict[str, Any]]:
    index = ctx.index
    rows = []
    for link in links:
        source = index.iri(link, CG + "fromRegion")
        target = index.iri(link, CG + "toRegion")
        cluster = index.iri(link, CG + "refCluster")
        rows.append(
            {
                "iri": link,
                "kind": ctx.concept(index.iri(link, CG + "linkKind")),
                "source": ctx.ref(source) if source else None,
                "target": ctx.ref(target) if target else None,
                "cluster": ctx.ref(cluster) if cluster else None,
                "evidence": ctx.evidence_of(link),
            }
        )
    return sorted(rows, key=lambda r: r["iri"])


def _map_points(ctx: Context, regions: list[str]) -> list[dict[str, Any]]:
    points = []
    for region in regions:
        point = ctx.point(region)
        if point:
            ref = ctx.ref(region)
            points.append(
                {"label": ref["label"], "href": ref["href"], "lon": point[0], "lat": point[1]}
            )
    return points


def cluster_page(
    ctx: Context, cluster: str, neighbours: list[dict[str, Any]], provinces_all: list[str]
) -> dict[str, Any]:
    """A cluster: places (map), industry, category, status, measures, roles, figures, links."""
    index = ctx.index
    page = common(ctx, cluster)
    places = index.iris(cluster, CG + "locatedIn")
    provinces = index.iris(cluster, CG + "province")
    statuses, summary = national_status(ctx, cluster)
    measures = []
    for measure in index.subjects(CG + "measureOf", cluster):
        measures.append(
            {
                "iri": measure,
                "ordinal": int(index.value(measure, CG + "ordinal") or 0),
                "label": index.label(measure, "zh"),
                "category": ctx.concept(index.iri(measure, CG + "toolboxCategory")),
                "evidence": ctx.evidence_of(measure),
            }
        )
    measures.sort(key=lambda m: (m["ordinal"], m["iri"]))
    roles = _roles(ctx, index.subjects(ORG + "organization", cluster))
    with_role = {r["member"]["iri"] for r in roles if r["member"]}
    mentioned = [
        i for i in index.subjects(CG + "mentionedInCluster", cluster) if i not in with_role
    ]
    quantities = [
        _quantity(ctx, q)
        for q in index.subjects(CG + "refCluster", cluster)
        if index.is_a(q, CG + "Quantity")
    ]
    quantities.sort(key=lambda q: (q["evidence"][0].start if q["evidence"] else 0, q["iri"]))
    links = [
        link
        for link in index.subjects(CG + "refCluster", cluster)
        if index.is_a(link, CG + "RegionLink")
    ]
    page.update(
        {
            "case_number": index.value(cluster, CG + "caseNumber") or "",
            "category": ctx.concept(index.iri(cluster, CG + "toolboxCategory")),
            "industries": ctx.refs(index.iris(cluster, CG + "industry")),
            "places": ctx.refs(places),
            "provinces": ctx.refs(provinces),
            "multi_city": index.value(cluster, CG + "spansMultipleCities") == "true",
            "multi_province": index.value(cluster, CG + "spansMultipleProvinces") == "true",
            "statuses": statuses,
            "status": summary,
            "names_en": sorted({s["name_en"] for s in statuses if s["name_en"]}),
            "measures": measures,
            "roles": roles,
            "mentioned": ctx.refs(mentioned),
            "quantities": quantities,
            "policies": related_policies(ctx, provinces),
            "neighbours": neighbours,
            "links": _region_links(ctx, links),
            "map": map_figure(
                _map_points(ctx, provinces_all),
                _map_points(ctx, sorted(set(places) | set(provinces))),
            ),
        }
    )
    return page


# -- institutions -------------------------------------------------------------------------------------
def institution_page(ctx: Context, institution: str) -> dict[str, Any]:
    """An institution: kinds, clusters, roles, issued policies, Wikidata."""
    index = ctx.index
    page = common(ctx, institution)
    kinds = [t for t in index.types(institution) if t not in INSTITUTION_BASE_TYPES]
    page.update(
        {
            "kinds": ctx.concepts(kinds),
            "clusters": ctx.refs(index.iris(institution, CG + "mentionedInCluster")),
            "roles": _roles(ctx, index.subjects(ORG + "member", institution)),
            "role_objects": _roles(ctx, index.subjects(CG + "roleObject", institution)),
            "policies": sorted(
                (_policy_row(ctx, p) for p in index.subjects(CG + "issuer", institution)),
                key=lambda r: (r["date"] or "9999", r["ref"]["label"]),
            ),
            "organised": ctx.refs(index.subjects(CG + "organizer", institution)),
            "published": ctx.refs(index.subjects(DCT + "publisher", institution)),
        }
    )
    return page


# -- regions ----------------------------------------------------------------------------------------------
def _competition_counts(ctx: Context, region: str) -> list[dict[str, Any]]:
    index = ctx.index
    rows = []
    for node in index.subjects(CG + "refRegion", region):
        if index.is_a(node, CG + "CompetitionObservation"):
            rows.append(
                {
                    "stage": ctx.concept(index.iri(node, CG + "stage")),
                    "count": index.value(node, CG + "count") or "",
                    "evidence": ctx.evidence_of(node),
                }
            )
    return sorted(rows, key=lambda r: r["stage"]["en"] if r["stage"] else "")


def region_page(ctx: Context, region: str, provinces_all: list[str]) -> dict[str, Any]:
    """A region: codes, level, parent and children, clusters, policies, phrasing, statistics."""
    index = ctx.index
    page = common(ctx, region)
    parent = index.iri(region, CG + "parentRegion")
    point = ctx.point(region)
    levels = [t for t in index.types(region) if t.endswith("LevelDivision")]
    usages = []
    for usage in index.subjects(CG + "region", region):
        if index.is_a(usage, CG + "PhrasingUsage"):
            usages.append(
                {
                    "phrase": index.value(usage, CG + "phrase") or "",
                    "date": index.value(usage, DCT + "date") or "",
                    "evidence": ctx.evidence_of(usage),
                }
            )
    quantities = [
        _quantity(ctx, q)
        for q in index.subjects(CG + "refRegion", region)
        if index.is_a(q, CG + "Quantity")
    ]
    links = sorted(
        set(index.subjects(CG + "fromRegion", region))
        | set(index.subjects(CG + "toRegion", region))
    )
    page.update(
        {
            "code": index.value(region, CG + "gbt2260Code") or "",
            "statistical_code": index.value(region, CG + "statisticalCode") or "",
            "level": ctx.concept(levels[0]) if levels else None,
            "parent": ctx.ref(parent) if parent else None,
            "children": ctx.refs(index.subjects(CG + "parentRegion", region)),
            "point": point,
            "clusters_located": ctx.refs(index.subjects(CG + "locatedIn", region)),
            "clusters_province": ctx.refs(index.subjects(CG + "province", region)),
            "policies": sorted(
                (_policy_row(ctx, p) for p in index.subjects(CG + "jurisdiction", region)),
                key=lambda r: (r["date"] or "9999", r["ref"]["label"]),
            ),
            "usages": sorted(usages, key=lambda u: (u["date"], u["phrase"])),
            "competition": _competition_counts(ctx, region),
            "quantities": sorted(quantities, key=lambda q: q["iri"]),
            "links": _region_links(ctx, links),
            "gazetteer_only": not page["evidence"],
            "map": map_figure(_map_points(ctx, provinces_all), _map_points(ctx, [region])),
        }
    )
    return page


# -- policies ----------------------------------------------------------------------------------------------
def _tiers(ctx: Context, policy: str) -> list[dict[str, Any]]:
    index = ctx.index
    tiers = []
    for tier in index.iris(policy, CG + "hasTier"):
        tiers.append(
            {
                "iri": tier,
                "ordinal": int(index.value(tier, CG + "tierOrdinal") or 0),
                "label": index.label(tier, "zh"),
                "kind": ctx.concept(index.iri(tier, CG + "tierKind")),
                "count": index.value(tier, CG + "statedCount") or "",
                "targets": sorted(index.label(t, "zh") for t in index.iris(tier, CG + "target")),
                "evidence": ctx.evidence_of(tier),
            }
        )
    return sorted(tiers, key=lambda t: (t["ordinal"], t["iri"]))


def policy_page(ctx: Context, policy: str) -> dict[str, Any]:
    """A policy, policy document or programme: date, level, issuers, 文号, tiers, parts."""
    index = ctx.index
    page = common(ctx, policy)
    parent = index.iri(policy, CG + "partOfProgramme")
    page.update(
        {
            "date": index.value(policy, DCT + "date") or "",
            "level": ctx.concept(index.iri(policy, CG + "policyLevel")),
            "issuers": ctx.refs(index.iris(policy, CG + "issuer")),
            "jurisdiction": ctx.refs(index.iris(policy, CG + "jurisdiction")),
            "key_phrases": index.values(policy, CG + "keyPhrase"),
            "speaker": index.value(policy, CG + "speaker") or "",
            "number": index.value(policy, ELI + "id_local") or "",
            "number_as_written": index.value(policy, CG + "docNumberAsWritten") or "",
            "doc_type": ctx.concept(index.iri(policy, ELI + "type_document")),
            "ordinal": index.value(policy, CG + "timelineOrdinal") or "",
            "tiers": _tiers(ctx, policy),
            "parent": ctx.ref(parent) if parent else None,
            "parts": ctx.refs(index.subjects(CG + "partOfProgramme", policy)),
        }
    )
    return page


# -- industries -------------------------------------------------------------------------------------------
def industry_page(ctx: Context, industry: str) -> dict[str, Any]:
    """An industry concept: classification matches, clusters and competition counts."""
    index = ctx.index
    page = common(ctx, industry)
    matches = []
    for relation in _MATCHES:
        for target in index.iris(industry, SKOS + relation):
            matches.append(
                {
                    "relation": relation,
                    "notation": index.value(target, SKOS + "notation") or local_name(target),
                    "label": index.label_in(target, "zh") or "",
                    "label_en": index.label_in(target, "en") or "",
                    "scheme": "sei" if "/sei2018/" in target else "gbt4754",
                }
            )
    competition = []
    for node in index.subjects(CG + "sector", industry):
        competition.append(
            {
                "stage": ctx.concept(index.iri(node, CG + "stage")),
                "count": index.value(node, CG + "count") or "",
                "evidence": ctx.evidence_of(node),
            }
        )
    page.update(
        {
            "matches": sorted(matches, key=lambda m: (m["scheme"], m["notation"], m["relation"])),
            "clusters": ctx.refs(index.subjects(CG + "industry", industry)),
            "competition": sorted(
                competition, key=lambda r: r["stage"]["en"] if r["stage"] else ""
            ),
        }
    )
    return page
