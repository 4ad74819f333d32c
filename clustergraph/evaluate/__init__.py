"""Evaluation of the extraction: precision, recall and F1 per fact type against gold annotations.

``facts`` reads a built graph back as normalised records (SPARQL in ``queries/*.rq``); ``score``
compares them with a gold file (``tests/gold/*.json``, guidelines in ``tests/gold/README.md``).
"""

from __future__ import annotations

from clustergraph.evaluate.facts import FACT_TYPES, extract_facts
from clustergraph.evaluate.score import (
    evaluate_document,
    load_gold,
    render_markdown,
    report,
    score_facts,
)

__all__ = [
    "FACT_TYPES",
    "evaluate_document",
    "extract_facts",
    "load_gold",
    "render_markdown",
    "report",
    "score_facts",
]
