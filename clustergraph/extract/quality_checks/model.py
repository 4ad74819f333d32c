"""What a data-quality finding is, and helpers every check shares (evidence spans, rounding)."""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal
from typing import TYPE_CHECKING

from rdflib import Literal, URIRef

from clustergraph.graph.namespaces import CG, OA, RDFS

if TYPE_CHECKING:
    from rdflib import Graph

__all__ = [
    "KIND_SLUGS",
    "Finding",
    "Span",
    "evidence_spans",
    "int_value",
    "percentage_finding",
    "within",
    "zh_label",
]

KIND_SLUGS: dict[URIRef, str] = {
    CG.CountMismatch: "count-mismatch",
    CG.SumMismatch: "sum-mismatch",
    CG.PercentageMismatch: "percentage-mismatch",
    CG.DuplicatedText: "duplicated-text",
    CG.GarbledText: "garbled-text",
    CG.NameInconsistency: "name-inconsistency",
}

Span = tuple[int, int]


@dataclass
class Finding:
    """One finding before it is written: raw spans (the first names the finding)."""

    kind: URIRef
    spans: list[Span]
    en: str
    zh: str
    stated: Decimal | None = None
    computed: Decimal | None = None
    targets: list[URIRef] = field(default_factory=list)


def within(value: Decimal, stated: Decimal) -> bool:
    """True when ``value`` matches ``stated`` within its rounding plus 0.1 percentage point."""
    exponent = stated.as_tuple().exponent
    places = -exponent if isinstance(exponent, int) and exponent < 0 else 0
    step = Decimal(1).scaleb(-places)
    rounded = value.quantize(step, rounding=ROUND_HALF_UP)
    return abs(rounded - stated) <= Decimal("0.1")


def percentage_finding(
    spans: list[Span], stated: Decimal, ratio: Decimal, m: int, n: int, targets: list[URIRef]
) -> Finding:
    """A stated share that disagrees with m / n (the ratio is shown to two decimals)."""
    shown = ratio.quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)
    return Finding(
        CG.PercentageMismatch,
        spans,
        f"Stated share {stated}% but {m} / {n} = {shown}%.",
        f"文中占比为{stated}%，但{m}/{n}={shown}%。",
        stated,
        shown,
        targets,
    )


def evidence_spans(graph: Graph, node: URIRef) -> list[tuple[int, int, str]]:
    """(start, end, quote) of every piece of evidence of ``node``, in text order."""
    out = []
    for evidence in graph.objects(node, CG.evidence):
        start = end = None
        quote = ""
        for selector in graph.objects(evidence, OA.hasSelector):
            if graph.value(selector, OA.start) is not None:
                start = int(graph.value(selector, OA.start))
                end = int(graph.value(selector, OA.end))
            exact = graph.value(selector, OA.exact)
            if exact is not None:
                quote = str(exact)
        if start is not None and end is not None:
            out.append((start, end, quote))
    return sorted(out)


def zh_label(graph: Graph, node: URIRef) -> str:
    """The node's Chinese label ("" without one)."""
    for label in graph.objects(node, RDFS.label):
        if isinstance(label, Literal) and label.language == "zh":
            return str(label)
    return ""


def int_value(graph: Graph, node: URIRef, prop: URIRef) -> int | None:
    """The integer value of ``prop`` on ``node``, or None."""
    value = graph.value(node, prop)
    return None if value is None else int(value)
