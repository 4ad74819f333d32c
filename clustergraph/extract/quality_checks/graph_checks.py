"""Checks of the graph the earlier rules built: stated counts, totals and shares against the
items, parts and ratios recorded next to them (policy tiers, work-report surveys, competition
slices and batches).
"""

from __future__ import annotations

from decimal import Decimal
from typing import TYPE_CHECKING

from clustergraph.extract.quality_checks.model import (
    Finding,
    evidence_spans,
    int_value,
    percentage_finding,
    within,
    zh_label,
)
from clustergraph.graph.namespaces import CG, DCTERMS, QB, RDF

if TYPE_CHECKING:
    from rdflib import Graph

__all__ = ["graph_findings"]


def graph_findings(graph: Graph) -> list[Finding]:
    """Every finding of the graph checks, check by check."""
    return [
        *_tier_findings(graph),
        *_survey_findings(graph),
        *_slice_findings(graph),
        *_batch_findings(graph),
    ]


def _tier_findings(graph: Graph) -> list[Finding]:
    found = []
    for tier in sorted(graph.subjects(RDF.type, CG.PolicyTier)):
        stated = int_value(graph, tier, CG.statedCount)
        listed = len(set(graph.objects(tier, CG.target)))
        spans = evidence_spans(graph, tier)
        if stated is None or not listed or stated == listed or not spans:
            continue
        label = zh_label(graph, tier)
        found.append(
            Finding(
                CG.CountMismatch,
                [(s, e) for s, e, _ in spans],
                f"The policy states {stated} {label} but lists {listed}.",
                f"政策写明{stated}个{label}，但只列出{listed}个。"
                if listed < stated
                else f"政策写明{stated}个{label}，但列出了{listed}个。",
                Decimal(stated),
                Decimal(listed),
                [tier],
            )
        )
    return found


def _survey_findings(graph: Graph) -> list[Finding]:
    found = []
    for survey in sorted(graph.subjects(RDF.type, CG.WorkReportSurvey)):
        spans = [(s, e) for s, e, _ in evidence_spans(graph, survey)]
        if not spans:
            continue
        stated = int_value(graph, survey, CG.statedCount)
        surveyed = int_value(graph, survey, CG.surveyedCount)
        regions = {graph.value(usage, CG.region) for usage in graph.objects(survey, CG.usage)} - {
            None
        }
        if stated is not None and regions and len(regions) != stated:
            found.append(
                Finding(
                    CG.CountMismatch,
                    spans,
                    f"The survey states {stated} regions, but its phrasings name {len(regions)}.",
                    f"文中称有{stated}个地区，但列出的表述涉及{len(regions)}个地区。",
                    Decimal(stated),
                    Decimal(len(regions)),
                    [survey],
                )
            )
        share = graph.value(survey, CG.statedShare)
        if stated is not None and surveyed and share is not None:
            ratio = Decimal(stated) * 100 / Decimal(surveyed)
            if not within(ratio, Decimal(str(share))):
                found.append(
                    percentage_finding(
                        spans, Decimal(str(share)), ratio, stated, surveyed, [survey]
                    )
                )
    return found


_STAGE_NAMES = {CG.Entrants: ("entrants", "参赛"), CG.Winners: ("winners", "胜出")}
_STAGE_TOTALS = {CG.Entrants: CG.entrantCount, CG.Winners: CG.winnerCount}


def _slice_findings(graph: Graph) -> list[Finding]:
    found = []
    for piece in sorted(graph.subjects(RDF.type, QB.Slice)):
        contest = graph.value(piece, CG.refCompetition)
        stage = graph.value(piece, CG.stage)
        if contest is None or stage not in _STAGE_TOTALS:
            continue
        total = int_value(graph, contest, _STAGE_TOTALS[stage])
        counts = [
            int_value(graph, obs, CG["count"]) for obs in graph.objects(piece, QB.observation)
        ]
        spans = [(s, e) for s, e, _ in evidence_spans(graph, piece)]
        if total is None or not counts or None in counts or not spans:
            continue
        parts = sum(c for c in counts if c is not None)
        if parts == total:
            continue
        partial = str(graph.value(piece, CG.isPartial)).lower() == "true"
        observations = list(graph.objects(piece, QB.observation))
        industry = any(graph.value(obs, CG.sector) is not None for obs in observations)
        dimension, by_zh = ("industry", "行业") if industry else ("province", "地区")
        en_stage, zh_stage = _STAGE_NAMES[stage]
        if partial and parts < total:
            continue  # a list ending in 等 states only part of the total (cg:isPartial says so)
        found.append(
            Finding(
                CG.SumMismatch,
                spans,
                f"The breakdown of {en_stage} by {dimension} adds up to {parts}, not the stated "
                f"total {total}.",
                f"按{by_zh}列出的{zh_stage}集群合计{parts}个，与所述总数{total}个不符。",
                Decimal(total),
                Decimal(parts),
                [piece, contest],
            )
        )
    return found


def _batch_findings(graph: Graph) -> list[Finding]:
    found = []
    for contest in sorted(graph.subjects(RDF.type, CG.Competition)):
        batches = sorted(
            graph.subjects(DCTERMS.isPartOf, contest),
            key=lambda b: int_value(graph, b, CG.batchNumber) or 0,
        )
        batches = [b for b in batches if (b, RDF.type, CG.CompetitionBatch) in graph]
        for stage, prop in _STAGE_TOTALS.items():
            total = int_value(graph, contest, prop)
            values = [int_value(graph, b, prop) for b in batches]
            if total is None or len(values) < 2 or None in values:
                continue
            parts = [v for v in values if v is not None]
            if sum(parts) == total:
                continue
            batch_spans = [
                (s, e)
                for b, v in zip(batches, parts, strict=True)
                for s, e, quote in evidence_spans(graph, b)
                if str(v) in quote
            ]
            total_spans = [
                (s, e) for s, e, quote in evidence_spans(graph, contest) if str(total) in quote
            ]
            if not batch_spans:
                continue
            span = (min(s for s, _ in batch_spans), max(e for _, e in batch_spans))
            en_stage, zh_stage = _STAGE_NAMES[stage]
            terms = " + ".join(str(v) for v in parts)
            found.append(
                Finding(
                    CG.SumMismatch,
                    [span, *total_spans],
                    f"Per-batch {en_stage} {terms} = {sum(parts)} do not add up to the stated "
                    f"total of {total}.",
                    f"各批{zh_stage}数之和 {terms} = {sum(parts)}，与所述总数{total}不符。",
                    Decimal(total),
                    Decimal(sum(parts)),
                    [contest, *batches],
                )
            )
    return found
