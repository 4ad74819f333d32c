"""The overview pages: the cluster index with its search index, the institution and region
lists, the policy timeline and the competition statistics.
"""

from __future__ import annotations

import unicodedata
from collections import defaultdict
from typing import Any

from clustergraph.site.charts import bar_chart
from clustergraph.site.context import Context
from clustergraph.site.entities import INSTITUTION_BASE_TYPES, finding_row, national_status
from clustergraph.site.graphindex import CG, DCT, ORG, QB, SKOS

__all__ = [
    "SEARCH_DROP",
    "cluster_rows",
    "competition_page",
    "filter_options",
    "institution_rows",
    "normalise",
    "policy_timeline",
    "region_rows",
    "search_index",
    "surveys",
]

#: characters the search ignores (the page's script drops the same ones)
SEARCH_DROP = " \t\n-'’·“”\"()（）,，、."


def normalise(text: str) -> str:
    """Search key: NFKD, tone marks dropped, lower case, spaces and punctuation removed."""
    decomposed = unicodedata.normalize("NFKD", text)
    plain = "".join(ch for ch in decomposed if not unicodedata.combining(ch)).lower()
    return "".join(ch for ch in plain if ch not in SEARCH_DROP)


def _keys(*texts: str) -> list[str]:
    keys = set()
    for text in texts:
        if not text:
            continue
        keys.add(normalise(text))
        if "ü" in text:
            keys.add(normalise(text.replace("ü", "v")))
    return sorted(k for k in keys if k)


def cluster_rows(ctx: Context) -> list[dict[str, Any]]:
    """One row per cluster for the index table (with filter values and sort keys)."""
    index = ctx.index
    rows = []
    for cluster in index.instances(CG + "Cluster"):
        statuses, status = national_status(ctx, cluster)
        provinces = ctx.refs(index.iris(cluster, CG + "province"))
        places = ctx.refs(index.iris(cluster, CG + "locatedIn"))
        industries = ctx.refs(index.iris(cluster, CG + "industry"))
        category = ctx.concept(index.iri(cluster, CG + "toolboxCategory"))
        ref = ctx.ref(cluster)
        rows.append(
            {
                "ref": ref,
                "names_en": sorted({s["name_en"] for s in statuses if s["name_en"]}),
                "case_number": index.value(cluster, CG + "caseNumber") or "",
                "provinces": provinces,
                "places": [p for p in places if p["iri"] not in {q["iri"] for q in provinces}],
                "industries": industries,
                "category": category,
                "status": status,
                "province_keys": " ".join(p["iri"].rsplit("/", 1)[-1] for p in provinces),
                "industry_keys": " ".join(i["iri"].rsplit("/", 1)[-1] for i in industries),
                "category_key": category["key"] if category else "",
            }
        )
    return sorted(
        rows,
        key=lambda r: (r["provinces"][0]["label"] if r["provinces"] else "", r["ref"]["label"]),
    )


def filter_options(rows: list[dict[str, Any]]) -> dict[str, list[dict[str, Any]]]:
    """The choices of the index's filters, each with the number of clusters."""
    provinces: dict[str, tuple[str, int]] = {}
    industries: dict[str, tuple[str, int]] = {}
    categories: dict[str, tuple[dict[str, str], int]] = {}
    statuses: dict[str, tuple[dict[str, str], int]] = {}
    for row in rows:
        for p in row["provinces"]:
            key = p["iri"].rsplit("/", 1)[-1]
            provinces[key] = (p["label"], provinces.get(key, ("", 0))[1] + 1)
        for i in row["industries"]:
            key = i["iri"].rsplit("/", 1)[-1]
            industries[key] = (i["label"], industries.get(key, ("", 0))[1] + 1)
        if row["category"]:
            key = row["category"]["key"]
            categories[key] = (row["category"], categories.get(key, ({}, 0))[1] + 1)
        key = row["status"]["key"]
        statuses[key] = (row["status"]["concept"], statuses.get(key, ({}, 0))[1] + 1)
    return {
        "province": [
            {"key": k, "label": v[0], "count": v[1], "concept": None}
            for k, v in sorted(provinces.items())
        ],
        "industry": [
            {"key": k, "label": v[0], "count": v[1], "concept": None}
            for k, v in sorted(industries.items(), key=lambda kv: (kv[1][0], kv[0]))
        ],
        "category": [
            {"key": k, "concept": v[0], "count": v[1]} for k, v in sorted(categories.items())
        ],
        "status": [{"key": k, "concept": v[0], "count": v[1]} for k, v in sorted(statuses.items())],
    }


def search_index(ctx: Context, rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The JSON search index: clusters (matched to table rows) and other named entities."""
    index = ctx.index
    entries = []
    for row in rows:
        ref = row["ref"]
        place_texts = []
        for place in row["provinces"] + row["places"]:
            place_texts += [place["label"], place["pinyin"], *index.alt_labels(place["iri"])]
        entries.append(
            {
                "kind": "cluster",
                "href": ref["href"],
                "label": ref["label"],
                "pinyin": ref["pinyin"],
                "en": " / ".join(row["names_en"]),
                "keys": _keys(ref["label"], ref["pinyin"], *row["names_en"], *place_texts),
            }
        )
    for iri, kind, path in ctx.pages.items():
        if kind == "cluster":
            continue
        label = index.label(iri, "zh")
        pinyin = index.pinyin(iri) or ""
        english = index.label_in(iri, "en") or ""
        entries.append(
            {
                "kind": kind,
                "href": path,
                "label": label,
                "pinyin": pinyin,
                "en": english,
                "keys": _keys(label, pinyin, english, *index.alt_labels(iri)),
            }
        )
    return sorted(entries, key=lambda e: (e["kind"] != "cluster", e["kind"], e["href"]))


def institution_rows(ctx: Context) -> list[dict[str, Any]]:
    """Institutions with their kinds, clusters and number of roles."""
    index = ctx.index
    rows = []
    for institution in index.instances(CG + "Institution"):
        kinds = [t for t in index.types(institution) if t not in INSTITUTION_BASE_TYPES]
        rows.append(
            {
                "ref": ctx.ref(institution),
                "kinds": ctx.concepts(kinds),
                "clusters": ctx.refs(index.iris(institution, CG + "mentionedInCluster")),
                "roles": len(index.subjects(ORG + "member", institution)),
                "wikidata": bool(index.iris(institution, SKOS + "exactMatch")),
            }
        )
    return sorted(rows, key=lambda r: (r["ref"]["pinyin"] or r["ref"]["label"], r["ref"]["iri"]))


def region_rows(ctx: Context) -> list[dict[str, Any]]:
    """Regions with code, level, parent, clusters and Wikidata link."""
    index = ctx.index
    rows = []
    for region in index.instances(CG + "Region"):
        parent = index.iri(region, CG + "parentRegion")
        levels = [t for t in index.types(region) if t.endswith("LevelDivision")]
        clusters = set(index.subjects(CG + "locatedIn", region)) | set(
            index.subjects(CG + "province", region)
        )
        rows.append(
            {
                "ref": ctx.ref(region),
                "code": index.value(region, CG + "gbt2260Code") or "",
                "level": ctx.concept(levels[0]) if levels else None,
                "parent": ctx.ref(parent) if parent else None,
                "clusters": len(clusters),
                "wikidata": sorted(
                    o
                    for o in index.iris(region, "http://www.w3.org/2002/07/owl#sameAs")
                    if o.startswith("http://www.wikidata.org/entity/")
                ),
            }
        )
    return sorted(rows, key=lambda r: (r["code"], r["ref"]["iri"]))


def _date_key(date: str) -> str:
    return (date + "-99-99")[:10] if date else "9999"


def policy_timeline(ctx: Context) -> dict[str, Any]:
    """Dated policies grouped by year (then month, ordinal) and the undated ones by place."""
    index = ctx.index
    dated: dict[str, list[dict[str, Any]]] = defaultdict(list)
    undated: list[dict[str, Any]] = []
    for policy in index.instances(CG + "Policy"):
        date = index.value(policy, DCT + "date") or ""
        item = {
            "ref": ctx.ref(policy),
            "date": date,
            "level": ctx.concept(index.iri(policy, CG + "policyLevel")),
            "issuers": ctx.refs(index.iris(policy, CG + "issuer")),
            "jurisdiction": ctx.refs(index.iris(policy, CG + "jurisdiction")),
            "number": index.value(policy, "http://data.europa.eu/eli/ontology#id_local") or "",
            "phrases": index.values(policy, CG + "keyPhrase"),
            "programme": index.is_a(policy, CG + "Programme"),
            "ordinal": int(index.value(policy, CG + "timelineOrdinal") or 0),
            "evidence": ctx.evidence_of(policy)[:1],
        }
        if date:
            dated[date[:4]].append(item)
        else:
            undated.append(item)
    years = [
        {
            "year": year,
            "events": sorted(
                dated[year], key=lambda i: (_date_key(i["date"]), i["ordinal"], i["ref"]["label"])
            ),
        }
        for year in sorted(dated)
    ]
    undated.sort(
        key=lambda i: (
            i["jurisdiction"][0]["iri"] if i["jurisdiction"] else "",
            i["ref"]["label"],
        )
    )
    return {"years": years, "undated": undated}


def _observations(ctx: Context, dimension: str) -> dict[str, dict[str, Any]]:
    index = ctx.index
    rows: dict[str, dict[str, Any]] = {}
    prop = CG + ("sector" if dimension == "industry" else "refRegion")
    for node in index.instances(CG + "CompetitionObservation"):
        target = index.iri(node, prop)
        stage = index.iri(node, CG + "stage")
        if not target or not stage:
            continue
        row = rows.setdefault(
            target, {"ref": ctx.ref(target), "values": {}, "evidence": [], "code": ""}
        )
        row["values"][stage.rsplit("#", 1)[-1]] = int(index.value(node, CG + "count") or 0)
        row["evidence"] += ctx.evidence_of(node)
        row["code"] = index.value(target, CG + "gbt2260Code") or ""
    return rows


def competition_page(ctx: Context) -> dict[str, Any]:
    """The competition, its batches, the four breakdowns as bar charts and related findings."""
    index = ctx.index
    competitions = []
    for competition in index.instances(CG + "Competition"):
        batches = []
        for batch in index.subjects(DCT + "isPartOf", competition):
            if index.is_a(batch, CG + "CompetitionBatch"):
                batches.append(
                    {
                        "ref": ctx.ref(batch),
                        "number": int(index.value(batch, CG + "batchNumber") or 0),
                        "launch": index.value(batch, CG + "launchDate") or "",
                        "entrants": index.value(batch, CG + "entrantCount") or "",
                        "winners": index.value(batch, CG + "winnerCount") or "",
                        "evidence": ctx.evidence_of(batch),
                        "iri": batch,
                    }
                )
        competitions.append(
            {
                "ref": ctx.ref(competition),
                "organizers": ctx.refs(index.iris(competition, CG + "organizer")),
                "entrants": index.value(competition, CG + "entrantCount") or "",
                "winners": index.value(competition, CG + "winnerCount") or "",
                "evidence": ctx.evidence_of(competition),
                "batches": sorted(batches, key=lambda b: b["number"]),
                "iri": competition,
            }
        )
    series = [
        {"key": "Entrants", **_bilingual(ctx, CG + "Entrants")},
        {"key": "Winners", **_bilingual(ctx, CG + "Winners")},
    ]
    charts = []
    for dimension in ("industry", "province"):
        observed = _observations(ctx, dimension)
        ordered = sorted(
            observed.values(),
            key=lambda r: (
                -r["values"].get("Entrants", 0),
                -r["values"].get("Winners", 0),
                r["code"] or r["ref"]["label"],
            ),
        )
        rows = [
            {
                "label": r["ref"]["label"],
                "href": r["ref"]["href"],
                "values": {s["key"]: r["values"].get(s["key"]) for s in series},
            }
            for r in ordered
        ]
        slices = _slices(ctx, dimension)
        charts.append(
            {
                "dimension": dimension,
                "chart": bar_chart(rows, series),
                "rows": ordered,
                "series": series,
                "slices": slices,
            }
        )
    findings = [
        finding_row(ctx, finding)
        for finding in index.instances(CG + "Finding")
        if any(
            ctx.owner(target) == "competition.html"
            for target in index.iris(finding, "http://www.w3.org/ns/oa#hasTarget")
        )
    ]
    return {
        "competitions": sorted(competitions, key=lambda c: c["iri"]),
        "charts": charts,
        "findings": findings,
    }


def _bilingual(ctx: Context, iri: str) -> dict[str, str]:
    concept = ctx.concept(iri) or {"zh": "", "en": ""}
    return {"zh": concept["zh"], "en": concept["en"]}


def _slices(ctx: Context, dimension: str) -> list[dict[str, Any]]:
    index = ctx.index
    found = []
    for node in index.instances(QB + "Slice"):
        if not node.endswith("/" + dimension):
            continue
        found.append(
            {
                "stage": ctx.concept(index.iri(node, CG + "stage")),
                "partial": index.value(node, CG + "isPartial") == "true",
                "evidence": ctx.evidence_of(node),
            }
        )
    return sorted(found, key=lambda s: s["stage"]["en"] if s["stage"] else "")


def surveys(ctx: Context) -> list[dict[str, Any]]:
    """The work-report surveys (regions stated to use the cluster phrasing)."""
    index = ctx.index
    found = []
    for survey in index.instances(CG + "WorkReportSurvey"):
        found.append(
            {
                "label": index.label(survey, "zh"),
                "surveyed": index.value(survey, CG + "surveyedCount") or "",
                "stated": index.value(survey, CG + "statedCount") or "",
                "share": index.value(survey, CG + "statedShare") or "",
                "evidence": ctx.evidence_of(survey),
            }
        )
    return found
