"""What every page builder shares: the graph index, the page map, evidence and label helpers.

Builders return plain dictionaries for the templates; references to other entities are
``{"iri", "label", "pinyin", "href"}`` (``href`` only when that entity has a page, as a
site-root-relative path) and concepts are ``{"iri", "zh", "en"}``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from clustergraph.site.evidence import Evidence, SourceDoc
from clustergraph.site.graphindex import CG, GEO, ORG, GraphIndex, local_name
from clustergraph.site.paths import PageMap

__all__ = ["Context", "parse_point"]

_POINT = re.compile(r"POINT\s*\(\s*([-+0-9.eE]+)\s+([-+0-9.eE]+)\s*\)", re.IGNORECASE)
#: nodes shown on another entity's page: (class, property leading to the page's entity)
_OWNERS: tuple[tuple[str, str], ...] = (
    (CG + "Measure", CG + "measureOf"),
    (CG + "Role", ORG + "organization"),
    (CG + "NationalListStatus", CG + "refCluster"),
    (CG + "RegionLink", CG + "refCluster"),
    (CG + "Quantity", CG + "refCluster"),
    (CG + "Quantity", CG + "refRegion"),
    (CG + "PhrasingUsage", CG + "region"),
)
_COMPETITION = (
    CG + "Competition",
    CG + "CompetitionBatch",
    CG + "CompetitionObservation",
    "http://purl.org/linked-data/cube#Slice",
)


def parse_point(wkt: str) -> tuple[float, float] | None:
    """``POINT(lon lat)`` → ``(lon, lat)``."""
    match = _POINT.search(wkt)
    if not match:
        return None
    return float(match.group(1)), float(match.group(2))


@dataclass
class Context:
    """The graph, its pages and its evidence, with the helpers builders need."""

    index: GraphIndex
    pages: PageMap
    doc: SourceDoc
    evidence: dict[str, Evidence]
    messages: dict[str, dict[str, str]]
    warnings: list[str] = field(default_factory=list)

    # -- references ------------------------------------------------------------------------------
    def ref(self, iri: str) -> dict[str, Any]:
        """A link to another entity (label in Chinese, pinyin, page when it has one)."""
        return {
            "iri": iri,
            "label": self.index.label(iri, "zh"),
            "pinyin": self.index.pinyin(iri) or "",
            "href": self.owner(iri),
        }

    def refs(self, iris: list[str]) -> list[dict[str, Any]]:
        """References sorted by label, then IRI."""
        return sorted((self.ref(i) for i in iris), key=lambda r: (r["label"], r["iri"]))

    def concept(self, iri: str | None) -> dict[str, str] | None:
        """A bilingual label for an ontology term (from the graph, else the interface texts)."""
        if not iri:
            return None
        name = local_name(iri)
        fallback = self.messages.get(f"concept.{name}", {})
        zh = self.index.label_in(iri, "zh") or fallback.get("zh") or name
        en = self.index.label_in(iri, "en") or fallback.get("en") or name
        return {"iri": iri, "zh": zh, "en": en, "key": name}

    def concepts(self, iris: list[str]) -> list[dict[str, str]]:
        """Bilingual labels of several terms, sorted by English label."""
        found = [self.concept(i) for i in iris]
        return sorted((c for c in found if c), key=lambda c: (c["en"], c["iri"]))

    def owner(self, iri: str) -> str | None:
        """The page that shows ``iri``: its own, or the page of the entity it belongs to."""
        own = self.pages.href(iri)
        if own is not None:
            return own
        types = set(self.index.types(iri))
        for cls, prop in _OWNERS:
            if cls in types:
                for target in self.index.iris(iri, prop):
                    if target in self.pages:
                        return self.pages.href(target)
        if types & set(_COMPETITION):
            return "competition.html"
        if CG + "PolicyTier" in types:
            for policy in self.index.subjects(CG + "hasTier", iri):
                if policy in self.pages:
                    return self.pages.href(policy)
        if CG + "Finding" in types:
            for target in self.index.iris(iri, "http://www.w3.org/ns/oa#hasTarget"):
                page = self.owner(target)
                if page:
                    return page
        if CG + "WorkReportSurvey" in types:
            return "regions.html"
        return None

    # -- evidence and places -----------------------------------------------------------------------
    def evidence_of(self, iri: str) -> list[Evidence]:
        """The evidence spans of ``iri`` in text order (unknown or foreign spans left out)."""
        found = [
            self.evidence[e] for e in self.index.iris(iri, CG + "evidence") if e in self.evidence
        ]
        return sorted(found)

    def point(self, region: str) -> tuple[float, float] | None:
        """The ``(lon, lat)`` of a region's geometry."""
        for geometry in self.index.iris(region, GEO + "hasGeometry"):
            wkt = self.index.value(geometry, GEO + "asWKT")
            if wkt:
                point = parse_point(wkt)
                if point:
                    return point
        return None

    def province_of(self, region: str) -> str | None:
        """The province-level ancestor of ``region`` (itself for a province)."""
        seen: set[str] = set()
        current: str | None = region
        while current and current not in seen:
            if self.index.is_a(current, CG + "ProvinceLevelDivision"):
                return current
            seen.add(current)
            current = self.index.iri(current, CG + "parentRegion")
        return None

    def t(self, key: str, lang: str = "zh") -> str:
        """An interface text."""
        return self.messages.get(key, {}).get(lang, key)
