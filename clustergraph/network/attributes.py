"""The node attribute table shared by every projection (``nodes.rq`` and ``evidence.rq``).

``nodes.rq`` answers one kind of attribute per UNION branch (labels, category, province, point);
here the rows are merged per node so one query serves all projections. Clusters get the mean point
of the places they are located in; evidence keeps the first few quotes by offset.
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from clustergraph.errors import QueryError

if TYPE_CHECKING:
    from clustergraph.query.engine import Engine
    from clustergraph.query.results import ResultTable

__all__ = ["MAX_QUOTES", "NodeInfo", "local_name", "node_table", "parse_point"]

#: evidence quotes kept per node ("a few"); the count of all of them is kept as well
MAX_QUOTES = 3
_POINT = re.compile(
    r"POINT\s*\(\s*([-+]?[0-9]*\.?[0-9]+(?:[eE][-+]?[0-9]+)?)\s+"
    r"([-+]?[0-9]*\.?[0-9]+(?:[eE][-+]?[0-9]+)?)\s*\)",
    re.IGNORECASE,
)
_GENERIC_CATEGORY = "institution"


@dataclass
class NodeInfo:
    """What the attribute queries say about one node (clusters, institutions, regions)."""

    iri: str
    type: str = "other"
    labels: set[str] = field(default_factory=set)
    pinyins: set[str] = field(default_factory=set)
    english: set[str] = field(default_factory=set)
    categories: dict[str, str] = field(default_factory=dict)
    provinces: set[str] = field(default_factory=set)
    points: set[tuple[float, float]] = field(default_factory=set)
    evidence: list[dict[str, Any]] = field(default_factory=list)

    def attributes(self) -> dict[str, Any]:
        """Node attributes for networkx: scalars, plus ``provinces`` and ``evidence`` lists."""
        label = min(self.labels) if self.labels else ""
        pinyin = min(self.pinyins) if self.pinyins else ""
        category = self._category()
        attrs: dict[str, Any] = {
            "label": label or pinyin or local_name(self.iri),
            "pinyin": pinyin,
            "label_en": min(self.english) if self.english else "",
            "type": self.type,
            "category": category,
            "category_label": self.categories.get(category, ""),
            "provinces": sorted(self.provinces),
            "province": "、".join(sorted(self.provinces)),
            "evidence": self.evidence[:MAX_QUOTES],
            "evidence_count": len(self.evidence),
        }
        if self.points:
            attrs["lon"] = round(sum(p[0] for p in self.points) / len(self.points), 6)
            attrs["lat"] = round(sum(p[1] for p in self.points) / len(self.points), 6)
        return attrs

    def _category(self) -> str:
        """The most specific category: a kind beats plain ``institution``; ties go by name."""
        specific = sorted(c for c in self.categories if c != _GENERIC_CATEGORY)
        if specific:
            return specific[0]
        return _GENERIC_CATEGORY if self.categories else ""


def local_name(iri: str) -> str:
    """The last path segment or fragment of ``iri`` (a readable fallback label)."""
    return re.split(r"[/#]", iri.rstrip("/#"))[-1] or iri


def parse_point(wkt: str) -> tuple[float, float] | None:
    """``(lon, lat)`` of a WKT ``POINT(lon lat)``, or None for anything else."""
    match = _POINT.search(wkt)
    if match is None:
        return None
    return float(match.group(1)), float(match.group(2))


def node_table(engine: Engine) -> dict[str, NodeInfo]:
    """Run ``nodes.rq`` and ``evidence.rq`` on ``engine`` and merge their rows per node IRI."""
    from clustergraph.network.projections import helper_query

    table: dict[str, NodeInfo] = {}
    _merge_nodes(engine.run(helper_query("nodes").text), table)
    _merge_evidence(engine.run(helper_query("evidence").text), table)
    return table


def _value(row: dict[str, Any], column: str) -> str | None:
    term = row.get(column)
    return None if term is None else str(term.value)


def _merge_nodes(result: ResultTable, table: dict[str, NodeInfo]) -> None:
    for row in result.rows:
        iri = _value(row, "node")
        if iri is None:
            continue
        info = table.setdefault(iri, NodeInfo(iri))
        kind = _value(row, "type")
        if kind is not None and info.type == "other":
            info.type = kind
        for column, target in (("label", info.labels), ("pinyin", info.pinyins)):
            text = _value(row, column)
            if text:
                target.add(text)
        english = _value(row, "labelEn")
        if english:
            info.english.add(english)
        category = _value(row, "category")
        if category:
            info.categories[category] = _value(row, "categoryLabel") or ""
        province = _value(row, "provinceLabel")
        if province:
            info.provinces.add(province)
        wkt = _value(row, "wkt")
        point = parse_point(wkt) if wkt else None
        if point is not None:
            info.points.add(point)


def _merge_evidence(result: ResultTable, table: dict[str, NodeInfo]) -> None:
    quotes: dict[str, set[tuple[int, int, str, str, str]]] = defaultdict(set)
    for row in result.rows:
        iri = _value(row, "node")
        start, end, exact = _value(row, "start"), _value(row, "end"), _value(row, "exact")
        if iri is None or start is None or end is None or exact is None:
            continue
        try:
            span = (int(start), int(end))
        except ValueError:
            raise QueryError(
                f"evidence of {iri} has non-integer offsets {start!r}-{end!r}"
            ) from None
        prefix, suffix = _value(row, "prefix") or "", _value(row, "suffix") or ""
        quotes[iri].add((*span, exact, prefix, suffix))
    for iri, found in quotes.items():
        info = table.setdefault(iri, NodeInfo(iri))
        info.evidence = [
            {"start": start, "end": end, "exact": exact, "prefix": prefix, "suffix": suffix}
            for start, end, exact, prefix, suffix in sorted(found)
        ]
