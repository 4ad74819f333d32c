"""Data-quality findings → ``cg:Finding`` nodes (a ``dqv:QualityAnnotation`` with evidence).

This module is the rule's entry point (:func:`run`); the checks live in
:mod:`clustergraph.extract.quality_checks` (text patterns, graph checks, document checks, audit).

Runs last: it checks what the earlier rules recorded in the graph against itself, and scans the
text for patterns of the genre. Every check is general (no list of this document's errors):

* **Stated counts vs listed items** (``cg:CountMismatch``): each ``cg:PolicyTier``'s
  ``cg:statedCount`` against its ``cg:target`` items; "N个X:A、B、C" and "A、B、C三市/八大平台"
  anywhere in the text (a list ending in 等 is partial and not checked; a conjunction in the last
  item may join two items, so "…、装备产业和技术服务" counts as either reading; a list said to be
  given elsewhere, "名单另行发布", is not counted, and a count after a conjunction, "由A、B和 9 家企业",
  is one more item, not the list's size); a survey's stated count of regions against the distinct
  regions of its ``cg:usage`` phrasings.
* **Parts vs stated totals** (``cg:SumMismatch``): each breakdown ``qb:Slice`` of a competition
  against the competition's ``cg:entrantCount``/``cg:winnerCount`` (a partial breakdown, marked
  ``cg:isPartial`` because its list ends in 等, is not checked unless it exceeds the total);
  per-batch counts against the totals; "total N, 其中 a、b、c" in the text.
* **Stated percentages vs their ratio** (``cg:PercentageMismatch``): a survey's ``cg:statedShare``
  against statedCount / surveyedCount, and "M个…占比达P%" after "N个…" in one sentence; flagged
  only when off by more than 0.1 percentage point beyond the rounding of the stated figure.
* **Duplicated phrases** (``cg:DuplicatedText``): "X和X" (also 与/及/、/以及) with X of two or
  more characters ("十大战略性新兴产业集群和十大战略性新兴产业集群", "承办和承办"), the same quoted term
  on both sides of a connector or a change ("由“X”向“X”延伸"), a change from a thing to itself
  ("由X向X转变"), and a phrase of three or more characters repeated back to back.
* **Garbled text** (``cg:GarbledText``): a blend of two constructions ("营造了良好的…氛围浓厚":
  营造…氛围 + 氛围浓厚), and a table cell or paragraph that breaks off after a conjunction
  ("…(2020年6月发布)以及全省").
* **Name inconsistency** (``cg:NameInconsistency``): a case whose text names its cluster with a word
  of the title substituted (电器 → 电气, 高性能 → 高端; dropped or added words such as 市 or 产业 are
  not findings), and a document cited under two different titles (《提升…的若干意见》 in the text,
  《关于进一步提升…的意见》 in the table; an issuer prefix, 关于/印发 and a 文号 do not count, and a
  notice "X关于印发Y的通知" is cited as 《Y》).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from rdflib import Literal

from clustergraph.extract.quality_checks.audit import (
    AUDIT_FORMATS,
    read_findings,
    render_findings,
)
from clustergraph.extract.quality_checks.document_checks import document_findings, text_findings
from clustergraph.extract.quality_checks.graph_checks import graph_findings
from clustergraph.extract.quality_checks.model import KIND_SLUGS, Finding, Span
from clustergraph.extract.quality_checks.text_patterns import find_text_findings
from clustergraph.graph.mint import mint
from clustergraph.graph.namespaces import CG, DQV, OA, RDFS
from clustergraph.graph.writer import decimal

if TYPE_CHECKING:
    from rdflib import URIRef

    from clustergraph.extract.context import ExtractionContext

__all__ = [
    "AUDIT_FORMATS",
    "KIND_SLUGS",
    "Finding",
    "find_text_findings",
    "read_findings",
    "render_findings",
    "run",
]


def _overlaps(a: Span, b: Span) -> bool:
    return a[0] < b[1] and b[0] < a[1]


def _emit(ctx: ExtractionContext, finding: Finding) -> URIRef:
    writer = ctx.writer
    start, end = finding.spans[0]
    iri = mint("finding", KIND_SLUGS[finding.kind], f"{start}-{end}")
    writer.entity(iri, CG.Finding, DQV.QualityAnnotation)
    for span in finding.spans:
        writer.cite(iri, span)
    writer.add(iri, CG.findingKind, finding.kind)
    writer.add(iri, OA.motivatedBy, DQV.qualityAssessment)
    writer.add(iri, RDFS.comment, Literal(finding.en, lang="en"))
    writer.add(iri, RDFS.comment, Literal(finding.zh, lang="zh"))
    if finding.stated is not None:
        writer.add(iri, CG.statedValue, decimal(finding.stated))
    if finding.computed is not None:
        writer.add(iri, CG.computedValue, decimal(finding.computed))
    for target in finding.targets:
        writer.add(iri, OA.hasTarget, target)
    return iri


def run(ctx: ExtractionContext) -> None:
    """Check the graph built so far and the text; add one ``cg:Finding`` per problem."""
    findings: list[Finding] = [*graph_findings(ctx.writer.graph), *document_findings(ctx)]
    for finding in text_findings(ctx):
        # the graph checks already cover a passage: keep the graph's finding (it has targets)
        if any(
            other.kind == finding.kind and _overlaps(other.spans[0], finding.spans[0])
            for other in findings
        ):
            continue
        findings.append(finding)
    for finding in sorted(findings, key=lambda f: (f.spans[0], KIND_SLUGS[f.kind])):
        _emit(ctx, finding)
