"""Reading findings back from a graph and rendering them (``clustergraph audit``)."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any

from rdflib import Literal, URIRef

from clustergraph.extract.quality_checks.model import KIND_SLUGS, evidence_spans
from clustergraph.graph.namespaces import CG, OA, RDF, RDFS

if TYPE_CHECKING:
    from rdflib import Graph

__all__ = ["AUDIT_FORMATS", "read_findings", "render_findings"]

AUDIT_FORMATS = ("text", "table", "json")


def read_findings(graph: Graph) -> list[dict[str, Any]]:
    """The findings recorded in ``graph`` as plain records, in text order of their first span."""
    records: list[dict[str, Any]] = []
    for node in set(graph.subjects(RDF.type, CG.Finding)):
        kind = graph.value(node, CG.findingKind)
        comments = {
            lit.language: str(lit)
            for lit in graph.objects(node, RDFS.comment)
            if isinstance(lit, Literal)
        }
        stated, computed = graph.value(node, CG.statedValue), graph.value(node, CG.computedValue)
        evidence = [{"start": s, "end": e, "quote": q} for s, e, q in evidence_spans(graph, node)]
        records.append(
            {
                "finding": str(node),
                "kind": KIND_SLUGS.get(kind, str(kind)) if isinstance(kind, URIRef) else None,
                "description_en": comments.get("en", ""),
                "description_zh": comments.get("zh", ""),
                "stated": None if stated is None else str(stated),
                "computed": None if computed is None else str(computed),
                "evidence": evidence,
                "targets": sorted(str(t) for t in graph.objects(node, OA.hasTarget)),
            }
        )
    return sorted(records, key=_record_key)


def _naming_span(record: dict[str, Any]) -> tuple[int, int] | None:
    """The span that names a finding (its IRI's ``{start}-{end}``), else its first evidence."""
    match = re.fullmatch(r"(\d+)-(\d+)", str(record["finding"]).rsplit("/", 1)[-1])
    if match:
        return int(match.group(1)), int(match.group(2))
    evidence = record["evidence"]
    return (evidence[0]["start"], evidence[0]["end"]) if evidence else None


def _record_key(record: dict[str, Any]) -> tuple[int, str]:
    span = _naming_span(record)
    return (span[0] if span else -1, str(record["kind"]))


def render_findings(records: list[dict[str, Any]], fmt: str = "text") -> str:
    """Findings as one block each (``text``), an aligned ``table`` or ``json``."""
    import json

    if fmt == "json":
        return json.dumps(records, ensure_ascii=False, indent=1) + "\n"
    if fmt == "table":
        return _table(records)
    blocks = []
    for n, record in enumerate(records, 1):
        lines = [f"[{n}] {record['kind']}  {record['finding']}"]
        lines += [
            f"    {record[key]}" for key in ("description_en", "description_zh") if record[key]
        ]
        if record["stated"] is not None or record["computed"] is not None:
            lines.append(f"    stated {record['stated']}, computed {record['computed']}")
        for item in record["evidence"]:
            quote = " ".join(str(item["quote"]).split())
            lines.append(f"    quote [{item['start']}-{item['end']}]: “{quote}”")
        blocks.append("\n".join(lines))
    counts: dict[str, int] = {}
    for record in records:
        counts[str(record["kind"])] = counts.get(str(record["kind"]), 0) + 1
    summary = ", ".join(f"{counts[k]} {k}" for k in sorted(counts)) or "none"
    blocks.append(f"{len(records)} findings: {summary}")
    return "\n\n".join(blocks) + "\n"


def _table(records: list[dict[str, Any]]) -> str:
    from clustergraph.query.formats import display_width

    header = ("kind", "span", "stated", "computed", "description")
    rows = [header]
    for record in records:
        named = _naming_span(record)
        span = f"{named[0]}-{named[1]}" if named else ""
        rows.append(
            (
                str(record["kind"]),
                span,
                str(record["stated"] or ""),
                str(record["computed"] or ""),
                str(record["description_en"]),
            )
        )
    widths = [max(display_width(row[i]) for row in rows) for i in range(len(header) - 1)]
    lines = []
    for row in rows:
        cells = [cell + " " * (widths[i] - display_width(cell)) for i, cell in enumerate(row[:-1])]
        lines.append("  ".join([*cells, row[-1]]).rstrip())
    return "\n".join(lines) + "\n"
